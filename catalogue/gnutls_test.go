package catalogue

import (
	"encoding/json"
	"fmt"
	"os/exec"
	"strings"
	"testing"
)

// TestEveryGnuTLSErrorExplained: every GnuTLS error, in every spelling,
// as curl and git print it and by its number alone, gets an entry that
// names it or tells its cause; none is left to the unexplained group.
func TestEveryGnuTLSErrorExplained(t *testing.T) {
	if len(gnutlsErrors) < 190 {
		t.Fatalf("%d GnuTLS errors, want the whole table", len(gnutlsErrors))
	}
	for _, e := range gnutlsErrors {
		if e.Code == 0 {
			continue // "Success."
		}
		ins := []string{fmt.Sprintf("GnuTLS recv error (%d): %s", e.Code, e.Text), fmt.Sprintf("GnuTLS error (%d)", e.Code)}
		for _, s := range append([]string{e.Text}, e.Spellings...) {
			ins = append(ins, "gnutls_handshake() failed: "+s)
		}
		for _, in := range ins {
			codes, entries := Lookup(in)
			if len(entries) == 0 {
				if len(codes) == 0 {
					t.Errorf("%s: nothing for %q", e.Macro, in)
				}
				continue // "The session or certificate has expired.": verify code 10
			}
			if e := entries[0]; e.Fallback || e.Title == "" || e.Fix == "" {
				t.Errorf("%q: a catch-all or empty entry first: %+v", in, e)
			}
		}
		// The generic entry names the error.
		g := gnutlsEntry(e)
		if !strings.Contains(g.Title, e.Macro) || !strings.Contains(g.Explanation, fmt.Sprint(e.Code)) {
			t.Errorf("%s: generic entry %q does not name it", e.Macro, g.Title)
		}
	}
	// A short, common sentence is GnuTLS's only when the line shows GnuTLS.
	if _, entries := Lookup("upload: Decryption has failed."); len(entries) > 0 && entries[0].ID == GnuTLSErr {
		t.Errorf("a line without GnuTLS's name got a GnuTLS error: %q", entries[0].Title)
	}
}

// TestEveryGnuTLSStatusExplained: every reason GnuTLS gives for refusing a
// certificate, after gnutls-cli's "- Status:" and in apt's line, has its
// own entry (never the generic one).
func TestEveryGnuTLSStatusExplained(t *testing.T) {
	if len(gnutlsStatuses) < 16 {
		t.Fatalf("%d status reasons, want the whole table", len(gnutlsStatuses))
	}
	for _, s := range gnutlsStatuses {
		for _, text := range append([]string{s.Text}, s.Spellings...) {
			for _, in := range []string{
				"- Status: The certificate is NOT trusted. " + text + " ",
				"W: Failed to fetch https://deb.example.org/dists/stable/InRelease  Certificate verification failed: The certificate is NOT trusted. " + text + "  Could not handshake: Error in the certificate verification. [IP: 192.0.2.1 443]",
			} {
				_, entries := Lookup(in)
				if len(entries) == 0 || entries[0].Kind != "client" || entries[0].ID == GnuTLSErr {
					t.Errorf("%s: no own entry for %q: %+v", s.Flag, in, entries)
				}
			}
		}
	}
}

// gnutlsDump prints the installed libgnutls's version, the words of each
// error number it names, and the words of each verification status bit.
const gnutlsDump = `
import ctypes, ctypes.util, json, sys
name = ctypes.util.find_library("gnutls")
if not name:
    sys.exit("libgnutls is not installed")
lib = ctypes.CDLL(name)
for f in ("gnutls_strerror", "gnutls_strerror_name", "gnutls_check_version"):
    getattr(lib, f).restype = ctypes.c_char_p
class Datum(ctypes.Structure):
    _fields_ = [("data", ctypes.c_char_p), ("size", ctypes.c_uint)]
errors = {}
for code in range(-1, -1300, -1):
    if lib.gnutls_strerror_name(code):
        errors[code] = lib.gnutls_strerror(code).decode()
statuses = []
for bit in range(32):
    d = Datum()
    if lib.gnutls_certificate_verification_status_print(1 << bit, 1, ctypes.byref(d), 0) == 0:
        statuses.append(d.data.decode())
print(json.dumps({"version": lib.gnutls_check_version(None).decode(), "errors": errors, "statuses": statuses}))
`

// TestGnuTLSTableIsInstalledGnuTLSs: every error number the installed
// libgnutls names is in the table with the words it prints, and every
// reason its gnutls_certificate_verification_status_print gives is a
// status of the table (python3's ctypes calls the library; scripts/test.sh
// installs both).
func TestGnuTLSTableIsInstalledGnuTLSs(t *testing.T) {
	if _, err := exec.LookPath("python3"); err != nil {
		t.Fatal("python3 is needed: scripts/test.sh installs it")
	}
	out, err := exec.Command("python3", "-c", gnutlsDump).Output()
	if err != nil {
		t.Fatalf("python3 reading libgnutls: %v (scripts/test.sh installs gnutls-bin, which brings it)", err)
	}
	var got struct {
		Version  string
		Errors   map[int]string
		Statuses []string
	}
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatal(err)
	}
	t.Logf("libgnutls %s: %d errors, %d status reasons", got.Version, len(got.Errors), len(got.Statuses))
	if len(got.Errors) < 150 {
		t.Fatalf("libgnutls %s names only %d errors", got.Version, len(got.Errors))
	}
	byCode := map[int]GnuTLSError{}
	for _, e := range gnutlsErrors {
		byCode[e.Code] = e
	}
	for code, text := range got.Errors {
		e, ok := byCode[code]
		switch {
		case !ok:
			t.Errorf("libgnutls %s: error %d (%q) is not in the table", got.Version, code, text)
		case text != e.Text && !contains(e.Spellings, text):
			t.Errorf("libgnutls %s: error %d is %q, the table %q %q", got.Version, code, text, e.Text, e.Spellings)
		}
	}
	texts := map[string]bool{"The certificate is NOT trusted.": true}
	for _, s := range gnutlsStatuses {
		texts[s.Text] = true
		for _, sp := range s.Spellings {
			texts[sp] = true
		}
	}
	for _, st := range got.Statuses {
		for _, part := range strings.SplitAfter(strings.TrimSpace(st), ". ") {
			if p := strings.TrimSpace(part); p != "" && !texts[p] {
				t.Errorf("libgnutls %s: status reason %q is not in the table", got.Version, p)
			}
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
