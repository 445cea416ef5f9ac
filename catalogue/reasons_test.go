package catalogue

import (
	"fmt"
	"os/exec"
	"strings"
	"testing"
)

// TestEveryReasonExplained: every reason of the generated tables, by its
// words, its 3.x packed code and its 1.x packed code (with a function
// code), gets an entry or a verify code, and no fix sends the user to
// `mtlsdoctor explain` with a placeholder.
func TestEveryReasonExplained(t *testing.T) {
	if len(reasonTable) < 500 {
		t.Fatalf("%d reasons, want the whole of OpenSSL's tables", len(reasonTable))
	}
	for _, r := range reasonTable {
		for _, in := range []string{
			r.Text,
			fmt.Sprintf("error:%08X:lib::%s", r.Lib<<23|r.Num, r.Text),
			fmt.Sprintf("error:%08X:lib:func:%s", r.Lib<<24|0x09F<<12|r.Num, r.Text),
		} {
			codes, entries := Lookup(in)
			if len(codes) == 0 && len(entries) == 0 {
				t.Errorf("%s (%s): nothing for %q", r.Macro, r.Text, in)
			}
			for _, e := range entries {
				if strings.Contains(e.Fix, "mtlsdoctor explain '{reason}'") || strings.Contains(e.Fix, "REASON") {
					t.Errorf("%s: fix points at explain: %s", r.Macro, e.Fix)
				}
			}
		}
	}
}

// TestPackedCodes: the packed codes of both layouts name their reason.
func TestPackedCodes(t *testing.T) {
	for code, macro := range map[uint32]string{
		0x14094418: "SSL_R_TLSV1_ALERT_UNKNOWN_CA", 0x0A000418: "SSL_R_TLSV1_ALERT_UNKNOWN_CA",
		0x0906D06C: "PEM_R_NO_START_LINE", 0x0480006C: "PEM_R_NO_START_LINE",
		0x0B080074: "X509_R_KEY_VALUES_MISMATCH", 0x05800074: "X509_R_KEY_VALUES_MISMATCH",
	} {
		if r, ok := ReasonByCode(code); !ok || r.Macro != macro {
			t.Errorf("%08X: %v %s, want %s", code, ok, r.Macro, macro)
		}
	}
}

// TestReasonTextsAreOpenSSLs: the generated texts are what the installed
// openssl prints for the same codes (a differential check of the table).
func TestReasonTextsAreOpenSSLs(t *testing.T) {
	if _, err := exec.LookPath("openssl"); err != nil {
		t.Fatal("openssl is needed: scripts/test.sh installs it")
	}
	args := []string{"errstr"}
	for i := 0; i < len(reasonTable); i += 17 {
		r := reasonTable[i]
		args = append(args, fmt.Sprintf("%08X", r.Lib<<23|r.Num))
	}
	out, err := exec.Command("openssl", args...).Output()
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	for k, line := range lines {
		r := reasonTable[k*17]
		if !strings.HasSuffix(line, ":"+r.Text) {
			t.Errorf("openssl says %q, the table %q", line, r.Text)
		}
	}
}

// TestVerifyCodesComplete: every X509_V_ERR_* code OpenSSL's headers
// define has a catalogue entry.
func TestVerifyCodesComplete(t *testing.T) {
	for n, macro := range verifyMacros {
		if _, ok := Verify(n); !ok {
			t.Errorf("verify code %d (%s) has no entry", n, macro)
		}
	}
}

// TestEveryAlertExplained: every TLS alert, by name and number.
func TestEveryAlertExplained(t *testing.T) {
	for _, a := range alerts {
		for _, in := range []string{a.name, fmt.Sprintf("alert %d", a.num)} {
			if _, entries := Lookup(in); len(entries) == 0 {
				t.Errorf("alert %d: nothing for %q", a.num, in)
			}
		}
	}
}
