package certset

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestParsePassin(t *testing.T) {
	dir := t.TempDir()
	pwFile := filepath.Join(dir, "ssl_passwords.txt")
	os.WriteFile(pwFile, []byte("first\r\n\nsecond\nfirst\nthird"), 0o600)
	emptyFile := filepath.Join(dir, "empty.txt")
	os.WriteFile(emptyFile, nil, 0o600)
	bigFile := filepath.Join(dir, "big.txt")
	os.WriteFile(bigFile, []byte(strings.Repeat("x", 1<<20+1)), 0o600)
	env := map[string]string{"KEYPASS": "from-env", "EMPTY": ""}
	getenv := func(k string) string { return env[k] }
	tests := []struct {
		specs   []string
		stdin   string
		want    []string
		wantErr string
	}{
		{specs: nil, want: nil},
		{specs: []string{"pass:abc"}, want: []string{"abc"}},
		{specs: []string{"pass:"}, want: []string{""}},
		{specs: []string{"pass:a:b"}, want: []string{"a:b"}},
		{specs: []string{"env:KEYPASS", "pass:x"}, want: []string{"from-env", "x"}},
		{specs: []string{"file:" + pwFile}, want: []string{"first", "second", "third"}},
		{specs: []string{"stdin", "pass:p", "stdin"}, stdin: "s1\ns2\r\n", want: []string{"s1", "s2", "p"}},
		{specs: []string{"env:NOPE"}, wantErr: "env:NOPE: variable NOPE is not set"},
		{specs: []string{"env:EMPTY"}, wantErr: "env:EMPTY: variable EMPTY is not set"},
		{specs: []string{"file:/nonexistent/x"}, wantErr: "file:/nonexistent/x: open /nonexistent/x: no such file or directory"},
		{specs: []string{"file:" + emptyFile}, wantErr: "no passphrase in it"},
		{specs: []string{"file:" + bigFile}, wantErr: "larger than 1048576 bytes"},
		{specs: []string{"stdin"}, stdin: "", wantErr: "stdin: no passphrase"},
		{specs: []string{"hunter2"}, wantErr: "unrecognised value"},
		{specs: []string{"secret:hunter2"}, wantErr: "unrecognised value"},
		{specs: []string{"fd:3"}, wantErr: `fd:...: unsupported kind "fd"`},
	}
	for _, tc := range tests {
		t.Run(strings.Join(tc.specs, ","), func(t *testing.T) {
			got, err := ParsePassin(tc.specs, strings.NewReader(tc.stdin), getenv)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err %v, want %q", err, tc.wantErr)
				}
				// A library names no command-line flag; the CLI adds it.
				var pe *PassinError
				if !errors.As(err, &pe) || strings.Contains(err.Error(), "--passin") {
					t.Errorf("err %v (%T): want a *PassinError naming no flag", err, err)
				}
				for _, secret := range []string{"hunter2", "from-env", "first"} {
					if strings.Contains(err.Error(), secret) {
						t.Errorf("error %q leaks %q", err, secret)
					}
				}
				return
			}
			if err != nil || !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("got %q, %v; want %q", got, err, tc.want)
			}
		})
	}
}

// Passphrases from a file work like nginx's ssl_password_file, and a
// passphrase file in the set is not read as passphrases.
func TestPassinFileWithLoad(t *testing.T) {
	dir := copyFixtures(t, "rsa-dek.pem")
	pw := filepath.Join(dir, "ssl_passwords.txt")
	os.WriteFile(pw, []byte(passBad+"\n"+passOld+"\n"), 0o600)
	set, _ := Load([]string{dir}, Options{})
	if len(set.Keys) != 1 || !set.Keys[0].Locked || len(set.Problems) != 0 {
		t.Fatalf("without --passin: %v", summary(set))
	}
	pass, err := ParsePassin([]string{"file:" + pw}, nil, os.Getenv)
	if err != nil {
		t.Fatal(err)
	}
	set, _ = Load([]string{dir}, Options{Passphrases: pass})
	if len(set.Keys) != 1 || set.Keys[0].Public == nil || set.Files != 2 {
		t.Fatalf("with --passin: %v", summary(set))
	}
}
