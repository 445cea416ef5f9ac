package catalogue

import "testing"

// explainedFirst fails t unless in (a line of the library whose error is
// name) gets an entry that is not a catch-all and has a fix, or at least a
// verify code (OpenSSL's verify result of the same words tells it).
func explainedFirst(t *testing.T, name, in string) {
	t.Helper()
	codes, entries := Lookup(in)
	if len(entries) == 0 {
		if len(codes) == 0 {
			t.Errorf("%s: nothing for %q", name, in)
		}
		return
	}
	if f := entries[0]; f.Fallback || f.Fix == "" || f.ID == TLSUnexplained {
		t.Errorf("%q: a catch-all or empty entry first: %q", in, f.Title)
	}
}
