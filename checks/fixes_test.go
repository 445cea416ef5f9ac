package checks

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/certset"
	"github.com/mtlsdoctor/mtlsdoctor/internal/fixrun"
	"github.com/mtlsdoctor/mtlsdoctor/internal/nginxtest"
)

// TestFixesWork runs the commands a finding's fix suggests, with real
// openssl on a copy of the fixture set, and checks that the certificate is
// then accepted: the fix must not just read well, it must work.
func TestFixesWork(t *testing.T) {
	nginxtest.Require(t)
	tests := []struct {
		set, file, id string
	}{
		{"weak", "client-sha1.crt", "weak-signature"},
		{"weak", "client-md5.crt", "weak-signature"},
		{"weak", "client-rsa1024.crt", "weak-key"},
		{"samedn", "client-samedn-noakid.crt", "self-issued-leaf"},
		{"purpose", "client-serverauth.crt", "wrong-purpose"},
		{"purpose", "client-nodigsig.crt", "wrong-purpose"},
		{"validity", "client-expired.crt", "expired"},
	}
	for _, tc := range tests {
		t.Run(tc.set+"/"+tc.file, func(t *testing.T) {
			dir := copySet(t, tc.set)
			o := CertOptions{SecLevel: 2, VerifyDepth: 1, At: time.Now(), ExpiresWithin: time.Hour}
			rep := Certs(loadDir(t, dir), o)
			target := filepath.Join(dir, tc.file)
			var fix string
			for _, f := range rep.Findings {
				if f.ID.Name() == tc.id && f.File == target {
					fix = f.Fix
				}
			}
			if fix == "" {
				t.Fatalf("no %s finding for %s", tc.id, target)
			}
			ran := 0
			for _, line := range strings.Split(fix, "\n") {
				line = strings.TrimSpace(line)
				if !strings.HasPrefix(line, "openssl ") && !strings.HasPrefix(line, "printf ") {
					continue
				}
				fixrun.Line(t, dir, line)
				ran++
			}
			if ran == 0 {
				t.Fatalf("fix has no command to run:\n%s", fix)
			}
			o.At = time.Now().Add(2 * time.Second) // the new certificate starts now
			after := Certs(loadDir(t, dir), o)
			for _, c := range after.Certificates {
				if c.Files[0] == target && c.NginxVerdict != "SUCCESS" {
					t.Errorf("after the fix, %s is still %s", tc.file, c.NginxVerdict)
				}
			}
			for _, f := range after.Findings {
				if f.ID.Name() == tc.id && f.File == target {
					t.Errorf("after the fix, still: %s", f.Title)
				}
			}
		})
	}
}

// copySet copies a fixture set plus its CA keys (kept outside the set).
func copySet(t *testing.T, set string) string {
	t.Helper()
	dir := t.TempDir()
	for _, src := range []string{filepath.Join(fixtures, set), filepath.Join(fixtures, "_outside", set)} {
		entries, err := os.ReadDir(src)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if e.IsDir() {
				continue
			}
			b, err := os.ReadFile(filepath.Join(src, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, e.Name()), b, 0o600); err != nil {
				t.Fatal(err)
			}
		}
	}
	return dir
}

func loadDir(t *testing.T, dir string) *certset.Set {
	t.Helper()
	set, err := certset.Load([]string{dir}, certset.Options{Passphrases: fixturePassphrases})
	if err != nil {
		t.Fatal(err)
	}
	return set
}
