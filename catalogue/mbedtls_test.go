package catalogue

import (
	"encoding/json"
	"fmt"
	"os/exec"
	"strings"
	"testing"
)

// TestEveryMbedTLSErrorExplained: every Mbed TLS error, by the code
// ESP-IDF prints and by mbedtls_strerror's words, gets an entry that is
// not a catch-all; a number two versions gave to two errors is told as
// both; a combined code names both its parts.
func TestEveryMbedTLSErrorExplained(t *testing.T) {
	if len(mbedtlsErrors) < 250 {
		t.Fatalf("%d Mbed TLS errors, want the whole table", len(mbedtlsErrors))
	}
	for _, e := range mbedtlsErrors {
		for _, in := range []string{
			fmt.Sprintf("E (5123) esp-tls-mbedtls: mbedtls_ssl_handshake returned -0x%x", e.Code),
			"Last error: " + e.Text,
		} {
			explainedFirst(t, e.Macro, in)
		}
	}
	for _, tc := range []struct {
		code int
		want []string
	}{
		{0x7A00, []string{"MBEDTLS_ERR_SSL_BAD_CERTIFICATE", "MBEDTLS_ERR_SSL_BAD_HS_CERTIFICATE", "2.16, 2.28"}},
		{0x262E, []string{"MBEDTLS_ERR_X509_UNKNOWN_SIG_ALG", "MBEDTLS_ERR_OID_NOT_FOUND"}},
	} {
		e := mbedtlsEntry(findMbedTLS(fmt.Sprintf("mbedtls_x509_crt_parse returned -0x%x", tc.code)))
		for _, w := range tc.want {
			if !strings.Contains(e.Title+" "+e.Explanation, w) {
				t.Errorf("-0x%X: %q does not name %s:\n%s", tc.code, e.Title, w, e.Explanation)
			}
		}
	}
	// A negative hexadecimal number in a line that does not show Mbed TLS
	// is not taken as one of its codes.
	if es := findMbedTLS("exit status -0x7280"); len(es) != 0 {
		t.Errorf("a line without Mbed TLS got %s", es[0].Macro)
	}
}

// mbedtlsDump prints the installed libmbedcrypto's version and what its
// mbedtls_strerror says for each code asked on the command line.
const mbedtlsDump = `
import ctypes, ctypes.util, json, sys
name = ctypes.util.find_library("mbedcrypto")
if not name:
    sys.exit("libmbedcrypto is not installed")
lib = ctypes.CDLL(name)
buf = ctypes.create_string_buffer(512)
out = {}
for c in sys.argv[1:]:
    lib.mbedtls_strerror(-int(c), buf, 512)
    out[c] = buf.value.decode()
v = ctypes.create_string_buffer(32)
lib.mbedtls_version_get_string(v)
print(json.dumps({"version": v.value.decode(), "words": out}))
`

// TestMbedTLSTableIsInstalledMbedTLSs: for every error of the table that
// the installed libmbedcrypto's version line has (Debian 12's is 2.28.3)
// and its build names, its mbedtls_strerror prints the table's words
// (python3's ctypes calls the library; scripts/test.sh installs both).
func TestMbedTLSTableIsInstalledMbedTLSs(t *testing.T) {
	if _, err := exec.LookPath("python3"); err != nil {
		t.Fatal("python3 is needed: scripts/test.sh installs it")
	}
	args := []string{"-c", mbedtlsDump}
	for _, e := range mbedtlsErrors {
		args = append(args, fmt.Sprint(e.Code))
	}
	out, err := exec.Command("python3", args...).Output()
	if err != nil {
		t.Fatalf("python3 reading libmbedcrypto: %v (scripts/test.sh installs libmbedcrypto7)", err)
	}
	var got struct {
		Version string
		Words   map[string]string
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	col := -1
	for i, v := range mbedtlsVersions {
		if strings.HasPrefix(got.Version, v+".") {
			col = i
		}
	}
	if col < 0 {
		t.Fatalf("libmbedcrypto %s is none of the table's versions %v", got.Version, mbedtlsVersions)
	}
	n := 0
	for _, e := range mbedtlsErrors {
		if !e.In[col] {
			continue
		}
		words := got.Words[fmt.Sprint(e.Code)]
		if strings.HasPrefix(words, "UNKNOWN ERROR CODE") {
			// A module this build leaves out (Debian's has no ARIA or
			// HKDF), or an error of a later 2.28 release.
			continue
		}
		n++
		if words != e.Text && !contains(e.Spellings, words) {
			t.Errorf("libmbedcrypto %s: -0x%04X is %q, the table's %s %q", got.Version, e.Code, words, e.Macro, e.Text)
		}
	}
	t.Logf("libmbedcrypto %s: %d errors checked", got.Version, n)
	if n < 200 {
		t.Errorf("only %d errors of %s checked", n, got.Version)
	}
}
