package catalogue

import (
	"fmt"
	"strings"
	"testing"
)

// TestEveryWinErrorExplained: every Windows security code, by its name
// as curl on Schannel prints it, by its value alone (curl's "Unknown
// error (0x80092012)") and by .NET's decimal HResult, gets an entry that
// is not a catch-all.
func TestEveryWinErrorExplained(t *testing.T) {
	if len(winErrors) < 190 {
		t.Fatalf("%d Windows codes, want the whole of winerror.h's security codes", len(winErrors))
	}
	for _, e := range winErrors {
		if e.Code == 0 {
			continue // SEC_E_OK
		}
		ins := []string{
			fmt.Sprintf("schannel: next InitializeSecurityContext failed: %s (0x%08X)", e.Name, e.Code),
			fmt.Sprintf("schannel: next InitializeSecurityContext failed: Unknown error (0x%08X)", e.Code),
		}
		if int32(e.Code) < 0 {
			ins = append(ins, fmt.Sprintf("HResult=%d", int32(e.Code)))
		}
		for _, in := range ins {
			_, entries := Lookup(in)
			if len(entries) == 0 {
				t.Errorf("%s: nothing for %q", e.Name, in)
				continue
			}
			if f := entries[0]; f.Fallback || f.Fix == "" {
				t.Errorf("%q: a catch-all or empty entry first: %q", in, f.Title)
			}
			if f := entries[0]; f.ID == WindowsErr && !strings.Contains(f.Title, e.Name) {
				t.Errorf("%q: the generic entry does not name %s: %q", in, e.Name, f.Title)
			}
		}
	}
}

// TestWinErrorOddInput: values inside longer numbers, and values or names
// that winerror.h does not have, are no Windows code.
func TestWinErrorOddInput(t *testing.T) {
	for _, in := range []string{"0x8009032512", "value 0x800903ff", "id -2146893019123", "sec_e_not_a_code", "0x80090325"[:9]} {
		if e, ok := findWinError(in); ok {
			t.Errorf("%q taken as %s", in, e.Name)
		}
	}
}

// TestWinKeyProvider: a key provider's NTE_ code, by value or name, is
// told as a missing or unreadable private key, with its own code in the
// fix of the codes without a class.
func TestWinKeyProvider(t *testing.T) {
	for _, in := range []string{"error code 0x80090016", "nte_bad_keyset"} {
		e, ok := findWinError(in)
		if !ok || e.Name != "NTE_BAD_KEYSET" {
			t.Fatalf("findWinError(%q) = %v %v", in, e, ok)
		}
		if en := winErrorEntry(e); !strings.Contains(en.Explanation, "private key") || !strings.Contains(en.Fix, "certutil -store My") {
			t.Errorf("%s: %q", in, en.Explanation)
		}
	}
	e, _ := findWinError("0x80091001")
	if en := winErrorEntry(e); !strings.Contains(en.Fix, "certutil -error 0x80091001") {
		t.Errorf("0x80091001: fix %q", en.Fix)
	}
	if en := winErrorEntry(e); e.Name == "" || strings.Contains(en.Fix, "0x80090326") {
		t.Errorf("0x80091001 (%s): fix %q names another code", e.Name, en.Fix)
	}
}
