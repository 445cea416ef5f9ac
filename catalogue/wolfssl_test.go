package catalogue

import (
	"encoding/json"
	"fmt"
	"os/exec"
	"strings"
	"testing"
)

// TestEveryWolfSSLErrorExplained: every code of the table, as wolfSSL's
// example client prints it ("wolfSSL_connect error -188, words"), by its
// number in a line that names wolfSSL, and by its name, gets an entry that
// is not a catch-all.
func TestEveryWolfSSLErrorExplained(t *testing.T) {
	if len(wolfsslErrors) < 380 {
		t.Fatalf("%d wolfSSL errors, want the whole of error-ssl.h and error-crypt.h", len(wolfsslErrors))
	}
	for _, e := range wolfsslErrors {
		ins := []string{"wolfSSL: " + e.Name}
		if e.Code <= -97 {
			ins = append(ins, fmt.Sprintf("wolfSSL_connect error %d, %s", e.Code, wolfsslText(e)), fmt.Sprintf("wolfSSL error %d", e.Code))
		}
		for _, in := range ins {
			explainedFirst(t, e.Name, in)
		}
	}
}

// TestWolfSSLLookup: lines as embedded clients, curl, MariaDB and
// wolfSSL's examples print them find the error they name.
func TestWolfSSLLookup(t *testing.T) {
	for in, want := range map[string]string{
		"wolfSSL_connect error -188, ASN no signer error to confirm failure":              "ASN_NO_SIGNER_E",
		"SSL_connect error -155, ASN sig error, confirm failure":                          "ASN_SIG_CONFIRM_E",
		"curl: (35) wolfSSL: SSL_connect failed with error -313: revcd alert fatal error": "FATAL_ERROR",
		"error = -313, revcd alert fatal error":                                           "FATAL_ERROR",
		"err = -150":                                                                      "ASN_BEFORE_DATE_E",
		"wolfSSL error (-308)":                                                            "SOCKET_ERROR_E",
		"SSL connection error: ASN no signer error to confirm failure":                    "ASN_NO_SIGNER_E",
		"ASN date error, current date is after expiration":                                "ASN_AFTER_DATE_E",
		"ASN date error, current date after":                                              "ASN_AFTER_DATE_E",
		"ret=ASN_NO_SIGNER_E":                                                             "ASN_NO_SIGNER_E",
		// The code and the words of one error: the words decide between the
		// names versions gave the code.
		"wolfSSL error -159, ASN NTRU key decode error, invalid input": "ASN_NTRU_KEY_E",
		// -1 is too common to be wolfSSL's: the code after it is.
		"esp-tls-wolfssl: wolfSSL_connect returned -1, error code: -188": "ASN_NO_SIGNER_E",
	} {
		es := findWolfSSL(strings.ToLower(in))
		if len(es) == 0 || es[0].Name != want {
			t.Errorf("%q: found %v, want %s", in, es, want)
		}
	}
	// A code two versions gave to two errors returns both, the newest first.
	if es := findWolfSSL("wolfssl error -159"); len(es) != 2 || es[0].Name != "KDF_SRTP_KAT_FIPS_E" || es[1].Name != "ASN_NTRU_KEY_E" {
		t.Errorf("-159: %v", es)
	}
	// Odd input: a code inside a longer number, a date, a version or an
	// address; a code in a line that shows no wolfSSL; a code or name the
	// table lacks; words other libraries print too.
	for _, in := range []string{
		"wolfssl error -1880", "wolfssl error 2024-01-188", "wolfssl 5.5.4-188", "wolfssl error -188.5", "wolfssl tcp:10.0.0.1:-188",
		"connect returned -188", "wolfssl error -599", "wolfssl error -2", "asn_no_such_name_e", "certificate verify failed",
		"peer did not return a certificate", "out of memory", "{tls_alert,{unsupported_certificate,", "fatal_error",
	} {
		if es := findWolfSSL(in); len(es) > 0 {
			t.Errorf("%q: found %s", in, es[0].Name)
		}
	}
}

// TestWolfSSLStories: the hand-written stories come out by code alone too,
// a server's line gets the server's story, and -313 with the alert named
// is told as that alert.
func TestWolfSSLStories(t *testing.T) {
	for in, want := range map[string]string{
		"wolfSSL error -188": "The wolfSSL client does not trust",
		"SSL_accept error -188, ASN no signer error to confirm failure": "The wolfSSL server does not trust its client's certificate",
		"wolfSSL_connect error -188, certificate verify failed":         "The wolfSSL client does not trust",
		"curl: (77) CA signer not available for verification":           "The wolfSSL client does not trust",
		"wolfSSL error -150": "not yet valid: the device's clock",
		"SSL_accept error -151, ASN date error, current date after": "server refused its client's certificate on its dates",
		"wolfSSL error -322": "not for the name wolfSSL checks",
		"curl: (60) subject alt name(s) or common name do not match \"host\"": "not for the name wolfSSL checks",
		"wolfSSL error -313": "fatal alert (FATAL_ERROR, -313)",
		"SSL_connect error -313, received alert fatal error, got alert: 48": "fatal alert 48 unknown_ca",
		"wolfSSL error -397": "closed by the peer",
		"wolfSSL_connect error -326, record layer version error":             "TLS version it does not accept",
		"SSL_accept error -501, can't match cipher suite":                    "no cipher suite in common",
		"SSL_accept error -345, peer did not return a certificate":           "required a client certificate and got none",
		"wolfSSL_CTX_use_PrivateKey_file error -463":                         "could not load a certificate or key",
		"wolfSSL_read error -323, non-blocking socket wants data to be read": "Not a failure",
		"wolfSSL error -125": "wolfSSL: out of memory error (MEMORY_E, -125)",
		"wolfSSL_connect error -357, Not a CA by basic constraint error":      "issuer is not a CA",
		"SSL_accept error -386, Ext Key Use server/client auth not set Error": "not for this use",
		"wolfSSL error -361": "revoked",
		"wolfSSL error -409": "smaller than wolfSSL allows",
	} {
		_, entries := Lookup(in)
		if len(entries) == 0 || !strings.Contains(entries[0].Title, want) {
			got := "nothing"
			if len(entries) > 0 {
				got = entries[0].Title
			}
			t.Errorf("%q: %s, want a title with %q", in, got, want)
		}
	}
	if _, entries := Lookup("SSL_accept failed: error:140890C7:SSL routines:ssl3_get_client_certificate:peer did not return a certificate"); len(entries) > 0 && strings.Contains(entries[0].Title, "wolfSSL") {
		t.Errorf("OpenSSL's line told as wolfSSL's: %s", entries[0].Title)
	}
	// OpenSSL's words in an OpenSSL line stay OpenSSL's.
	if _, entries := Lookup("SSL routines:tls_process_server_certificate:certificate verify failed"); len(entries) > 0 && strings.Contains(entries[0].Title, "wolfSSL") {
		t.Errorf("OpenSSL's line told as wolfSSL's: %s", entries[0].Title)
	}
}

// wolfsslDump prints the installed libwolfssl's version and the words
// wolfSSL_ERR_reason_error_string gives for each code asked, and for
// every code of wolfSSL's ranges that it names.
const wolfsslDump = `
import ctypes, ctypes.util, json, sys
name = ctypes.util.find_library("wolfssl")
if not name:
    sys.exit("libwolfssl is not installed")
lib = ctypes.CDLL(name)
lib.wolfSSL_ERR_reason_error_string.restype = ctypes.c_char_p
lib.wolfSSL_ERR_reason_error_string.argtypes = [ctypes.c_ulong]
lib.wolfSSL_lib_version.restype = ctypes.c_char_p
def words(c):
    return lib.wolfSSL_ERR_reason_error_string(c & 0xFFFFFFFFFFFFFFFF).decode()
named = {}
for c in list(range(-97, -700, -1)) + list(range(-1000, -1100, -1)):
    w = words(c)
    if w != "unknown error number":
        named[str(c)] = w
print(json.dumps({"version": lib.wolfSSL_lib_version().decode(), "named": named}))
`

// TestWolfSSLTableIsInstalledWolfSSLs: every code of wolfSSL's ranges that
// the installed libwolfssl (Debian 12's libwolfssl35, wolfSSL 5.5.4)
// names is a code of the table's 5.5.4 column, with the table's words
// (its own, or another build's); every code of that column with words is
// named, but those of features the build leaves out (the extracts trim
// the space three of wolfCrypt's ECC words begin with; python3's ctypes
// calls the library; scripts/test.sh installs both).
func TestWolfSSLTableIsInstalledWolfSSLs(t *testing.T) {
	if _, err := exec.LookPath("python3"); err != nil {
		t.Fatal("python3 is needed: scripts/test.sh installs it")
	}
	out, err := exec.Command("python3", "-c", wolfsslDump).Output()
	if err != nil {
		t.Fatalf("python3 reading libwolfssl: %v (scripts/test.sh installs libwolfssl35)", err)
	}
	var got struct {
		Version string
		Named   map[string]string
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	col := -1
	for i, v := range wolfsslVersions {
		if got.Version == v {
			col = i
		}
	}
	if col < 0 {
		t.Fatalf("libwolfssl %s is none of the table's versions %v", got.Version, wolfsslVersions)
	}
	n, missing := 0, 0
	for _, e := range wolfsslErrors {
		if !e.In[col] || e.Code > -97 {
			continue
		}
		words, ok := got.Named[fmt.Sprint(e.Code)]
		switch {
		case !ok && e.Text != "":
			missing++ // a feature the build leaves out (QUIC, the HTTP client, FIPS)
		case ok && strings.TrimSpace(words) != e.Text && !contains(e.Spellings, strings.TrimSpace(words)):
			t.Errorf("libwolfssl %s: %d is %q, the table's %s %q %q", got.Version, e.Code, words, e.Name, e.Text, e.Spellings)
		case ok:
			n++
		}
		delete(got.Named, fmt.Sprint(e.Code))
	}
	for code, words := range got.Named {
		t.Errorf("libwolfssl %s names %s (%q), which the table's %s column lacks", got.Version, code, words, got.Version)
	}
	t.Logf("libwolfssl %s: %d codes checked, %d of the table not named by this build", got.Version, n, missing)
	if n < 250 {
		t.Errorf("only %d codes of %s checked", n, got.Version)
	}
}
