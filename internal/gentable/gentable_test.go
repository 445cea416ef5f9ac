package gentable

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCString: adjacent literals join, escapes are read, the ends are
// trimmed and the inside is kept as written (GnuTLS's and Mbed TLS's
// words are compared with what the libraries print).
func TestCString(t *testing.T) {
	for in, want := range map[string]string{
		`"Error in the pull function."`:                     "Error in the pull function.",
		`"The Diffie-Hellman prime sent " "by the server"`:  "The Diffie-Hellman prime sent by the server",
		"\"A \\\"quoted\\\" word.\"\n\t\"  Two  spaces. \"": `A "quoted" word.  Two  spaces.`,
	} {
		got, err := CString(in)
		if err != nil || got != want {
			t.Errorf("CString(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := CString(`"bad \q escape"`); err == nil {
		t.Error("a bad escape is not an error")
	}
}

// TestLines: empty and comment lines are skipped, fields are split at
// tabs, and an error names the file and line.
func TestLines(t *testing.T) {
	p := filepath.Join(t.TempDir(), "x.txt")
	if err := os.WriteFile(p, []byte("# comment\n\na\tb\nc\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var got []string
	err := Lines(p, func(f []string, n int) error {
		got = append(got, strings.Join(f, "|"))
		if len(f) != 2 {
			return os.ErrInvalid
		}
		return nil
	})
	if strings.Join(got, ",") != "a|b,c" || err == nil || !strings.Contains(err.Error(), p+":4:") {
		t.Errorf("got %q, %v", got, err)
	}
}

func FuzzCString(f *testing.F) {
	f.Add(`"a" "b\n"`)
	f.Fuzz(func(t *testing.T, s string) {
		_, _ = CString(s)
	})
}

func TestBools(t *testing.T) {
	if got, want := Bools([]bool{true, false, true}), "[3]bool{true, false, true}"; got != want {
		t.Errorf("Bools = %q, want %q", got, want)
	}
	if got, want := Bools(nil), "[0]bool{}"; got != want {
		t.Errorf("Bools(nil) = %q, want %q", got, want)
	}
}
