package catalogue

import (
	"encoding/json"
	"fmt"
	"os/exec"
	"strings"
	"testing"
)

// TestEveryNSSErrorExplained: every NSS error, by its name as Firefox
// shows it, by curl's "NSS error -N (NAME)" and by curl's number alone,
// gets an entry that is not a catch-all; a received alert is told as that
// alert.
func TestEveryNSSErrorExplained(t *testing.T) {
	if len(nssErrors) < 350 {
		t.Fatalf("%d NSS errors, want the whole of NSS's tables", len(nssErrors))
	}
	for _, e := range nssErrors {
		for _, in := range []string{
			"Error code: " + e.Name,
			fmt.Sprintf("curl: (35) NSS error %d (%s)", e.Code, e.Name),
			fmt.Sprintf("curl: (35) NSS error %d", e.Code),
		} {
			explainedFirst(t, e.Name, in)
		}
	}
	for name, want := range map[string]string{
		"SSL_ERROR_PROTOCOL_VERSION_ALERT":        "protocol_version",
		"SSL_ERROR_BAD_CERT_HASH_VALUE_ALERT":     "bad_certificate_hash_value",
		"SSL_ERROR_RX_CERTIFICATE_REQUIRED_ALERT": "certificate_required",
	} {
		e, ok := findNSS(strings.ToLower(name))
		if !ok {
			t.Fatalf("%s: not found", name)
		}
		if en := nssEntry(e); !strings.Contains(en.Explanation, want) {
			t.Errorf("%s: not told as alert %s: %s", name, want, en.Explanation)
		}
	}
}

// nssDump prints the installed NSS's version and, for each number asked,
// the name and words NSPR's error tables give once NSS and its SSL library
// have registered theirs.
const nssDump = `
import ctypes, ctypes.util, json, sys
libs = {n: ctypes.util.find_library(n) for n in ("nspr4", "nss3", "ssl3")}
if not all(libs.values()):
    sys.exit("NSS is not installed: %r" % libs)
nspr, nss, ssl = (ctypes.CDLL(libs[n]) for n in ("nspr4", "nss3", "ssl3"))
if nss.NSS_NoDB_Init(None) != 0:
    sys.exit("NSS_NoDB_Init failed")
ssl.NSS_SetDomesticPolicy()
nspr.PR_ErrorToName.restype = ctypes.c_char_p
nspr.PR_ErrorToString.restype = ctypes.c_char_p
nss.NSS_GetVersion.restype = ctypes.c_char_p
out = {}
for c in sys.argv[1:]:
    name = nspr.PR_ErrorToName(int(c))
    if name:
        out[c] = [name.decode(), nspr.PR_ErrorToString(int(c), 0).decode()]
print(json.dumps({"version": nss.NSS_GetVersion().decode(), "errors": out}))
`

// TestNSSTableIsInstalledNSSs: every SEC_ERROR_ and SSL_ERROR_ code the
// installed NSS names (Debian 12's 3.87, which Java's packages bring) has
// the table's name and words (its own, or a newer version's).
// mozilla::pkix's codes are registered by Firefox, not by NSS, so they are
// checked against the sources only.
func TestNSSTableIsInstalledNSSs(t *testing.T) {
	if _, err := exec.LookPath("python3"); err != nil {
		t.Fatal("python3 is needed: scripts/test.sh installs it")
	}
	args := []string{"-c", nssDump}
	for _, e := range nssErrors {
		args = append(args, fmt.Sprint(e.Code))
	}
	out, err := exec.Command("python3", args...).Output()
	if err != nil {
		t.Fatalf("python3 reading NSS: %v (scripts/test.sh installs default-jdk-headless, which brings libnss3)", err)
	}
	var got struct {
		Version string
		Errors  map[string][2]string
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	byKey := map[string]NSSError{}
	for _, e := range nssErrors {
		byKey[fmt.Sprint(e.Code)+" "+e.Name] = e
	}
	n := 0
	for code, g := range got.Errors {
		n++
		e, ok := byKey[code+" "+g[0]]
		if !ok {
			t.Errorf("NSS %s: %s %s is not in the table", got.Version, code, g[0])
			continue
		}
		if g[1] != e.Text && !contains(e.Spellings, g[1]) {
			t.Errorf("NSS %s: %s %s is %q, the table %q %q", got.Version, code, g[0], g[1], e.Text, e.Spellings)
		}
	}
	t.Logf("NSS %s: %d errors checked", got.Version, n)
	if n < 300 {
		t.Errorf("only %d of the table's errors are named by NSS %s", n, got.Version)
	}
}

// TestNSSOddInput: numbers and names NSS does not have, and a number
// without curl's "NSS error", are no NSS error.
func TestNSSOddInput(t *testing.T) {
	for _, in := range []string{"curl: (35) nss error -99999", "ssl_error_not_a_real_name", "exit code -12286", "nss error -"} {
		if e, ok := findNSS(in); ok {
			t.Errorf("%q taken as %s", in, e.Name)
		}
	}
}

// TestNSSWordsWithoutPrefix: older Firefox and Netscape wrote NSS's
// "security library: ..." errors in a sentence of their own; the words
// after the prefix still name the error.
func TestNSSWordsWithoutPrefix(t *testing.T) {
	e, ok := findNSS("the security library has encountered an improperly formatted der-encoded message in the certificate")
	if !ok || e.Name != "SEC_ERROR_BAD_DER" {
		t.Errorf("findNSS = %v %v, want SEC_ERROR_BAD_DER", e.Name, ok)
	}
}
