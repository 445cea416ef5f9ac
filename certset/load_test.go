package certset

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// checkNoSecrets fails when a passphrase appears in any problem.
func checkNoSecrets(t *testing.T, set *Set) {
	t.Helper()
	for _, p := range set.Problems {
		for _, pw := range testPassphrases {
			if strings.Contains(p.Err, pw) || strings.Contains(p.Path, pw) {
				t.Errorf("problem %+v contains a passphrase", p)
			}
		}
		if strings.ContainsAny(p.Err, "\n\r") {
			t.Errorf("problem %+v is not one line", p)
		}
	}
}

func TestDedupeAndOrder(t *testing.T) {
	dir := copyFixtures(t, "ca.pem", "ca.der", "chain-with-text.pem", "leaf.pem", "bundle.p7b")
	sub := filepath.Join(dir, "sub")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("../ca.pem", filepath.Join(sub, "hash.0")); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(filepath.Join(dir, "leaf.pem"), filepath.Join(sub, "hardlink.pem")); err != nil {
		t.Fatal(err)
	}
	set, err := Load([]string{filepath.Join(dir, "ca.pem"), dir}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Certs) != 2 {
		t.Fatalf("got %d certs, want 2", len(set.Certs))
	}
	j := func(n ...string) string { return filepath.Join(append([]string{dir}, n...)...) }
	// Sorted by first path: bundle.p7b holds the CA first.
	wantFiles := [][]string{
		{j("bundle.p7b"), j("ca.der"), j("ca.pem"), j("chain-with-text.pem"), j("sub", "hash.0")},
		{j("bundle.p7b"), j("chain-with-text.pem"), j("leaf.pem"), j("sub", "hardlink.pem")},
	}
	for i, c := range set.Certs {
		if !reflect.DeepEqual(c.Files, wantFiles[i]) {
			t.Errorf("cert %d (%s) Files = %q, want %q", i, c.X509.Subject, c.Files, wantFiles[i])
		}
	}
	if set.Certs[0].X509.Subject.CommonName != "Test CA" {
		t.Errorf("first cert %s", set.Certs[0].X509.Subject)
	}
	var encs []string
	for _, s := range set.Certs[0].Sources {
		encs = append(encs, s.Encoding)
	}
	if want := []string{EncodingPKCS7, EncodingDER, EncodingPEM, EncodingPEM, EncodingPEM}; !reflect.DeepEqual(encs, want) {
		t.Errorf("sources %q, want %q", encs, want)
	}
	// 5 files (ca.pem given twice, hash.0 and hardlink.pem are aliases).
	if set.Files != 5 {
		t.Errorf("Files = %d, want 5", set.Files)
	}
	// Deterministic.
	for range 3 {
		again, _ := Load([]string{filepath.Join(dir, "ca.pem"), dir}, Options{})
		if !reflect.DeepEqual(summary(again), summary(set)) {
			t.Fatalf("not deterministic:\n%v\n%v", summary(again), summary(set))
		}
	}
}

func summary(s *Set) []string {
	var out []string
	for _, c := range s.Certs {
		out = append(out, fmt.Sprintf("cert %x %q", c.SHA256[:4], c.Files))
	}
	for _, k := range s.Keys {
		out = append(out, "key "+k.File+" "+k.Format)
	}
	for _, c := range s.CRLs {
		out = append(out, "crl "+c.File)
	}
	for _, p := range s.Problems {
		out = append(out, "problem "+p.Path+" "+p.Kind+" "+p.Err)
	}
	return append(out, fmt.Sprint("files ", s.Files))
}

func TestKeyAliasesOnce(t *testing.T) {
	dir := copyFixtures(t, "leaf.key")
	if err := os.Symlink("leaf.key", filepath.Join(dir, "z-link.key")); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(filepath.Join(dir, "leaf.key"), 0o644); err != nil {
		t.Fatal(err)
	}
	set, _ := Load([]string{dir}, Options{})
	if len(set.Keys) != 1 || set.Keys[0].File != filepath.Join(dir, "leaf.key") || set.Keys[0].Mode != 0o644 {
		t.Fatalf("keys %+v", set.Keys)
	}
}

func TestWalkProblems(t *testing.T) {
	fixtures(t)
	t.Run("missing", func(t *testing.T) {
		p := filepath.Join(t.TempDir(), "nope.pem")
		set, err := Load([]string{p}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		want := []Problem{{Path: p, Kind: "missing", Err: "no such file or directory"}}
		if !reflect.DeepEqual(set.Problems, want) || set.Files != 0 {
			t.Errorf("problems %+v, files %d", set.Problems, set.Files)
		}
	})
	t.Run("empty", func(t *testing.T) {
		dir := t.TempDir()
		os.Mkdir(filepath.Join(dir, "sub"), 0o755)
		os.Mkdir(filepath.Join(dir, ".git"), 0o755)
		os.WriteFile(filepath.Join(dir, ".git", "x.pem"), readFixture(t, "ca.pem"), 0o644)
		set, _ := Load([]string{dir}, Options{})
		if len(set.Problems) != 1 || set.Problems[0].Kind != "empty" || set.Problems[0].Path != dir || len(set.Certs) != 0 {
			t.Errorf("problems %+v certs %d", set.Problems, len(set.Certs))
		}
		// Given explicitly, a hidden directory is read.
		set, _ = Load([]string{filepath.Join(dir, ".git")}, Options{})
		if len(set.Certs) != 1 || len(set.Problems) != 0 {
			t.Errorf("explicit hidden dir: %v", summary(set))
		}
	})
	t.Run("loop", func(t *testing.T) {
		dir := copyFixtures(t, "ca.pem")
		sub := filepath.Join(dir, "a", "b")
		os.MkdirAll(sub, 0o755)
		os.Symlink("..", filepath.Join(sub, "up"))     // b/up -> a
		os.Symlink("../..", filepath.Join(sub, "top")) // b/top -> dir
		os.Symlink("self", filepath.Join(dir, "self")) // self-referencing link
		os.Symlink("gone.pem", filepath.Join(dir, "dangling.pem"))
		done := make(chan *Set)
		go func() {
			set, _ := Load([]string{dir, dir + "/a"}, Options{})
			done <- set
		}()
		var set *Set
		select {
		case set = <-done:
		case <-time.After(20 * time.Second):
			t.Fatal("Load did not terminate on a symlink loop")
		}
		if len(set.Certs) != 1 {
			t.Errorf("certs %d", len(set.Certs))
		}
		kinds := map[string]string{}
		for _, p := range set.Problems {
			kinds[strings.TrimPrefix(p.Path, dir)] = p.Kind
		}
		want := map[string]string{"/a/b/up": "loop", "/a/b/top": "loop", "/self": "loop", "/dangling.pem": "missing"}
		if !reflect.DeepEqual(kinds, want) {
			t.Errorf("problems %v, want %v", summary(set), want)
		}
	})
	t.Run("too-large", func(t *testing.T) {
		dir := t.TempDir()
		p := filepath.Join(dir, "huge.pem")
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := f.Truncate(50 << 20); err != nil {
			t.Fatal(err)
		}
		f.Close()
		start := time.Now()
		set, _ := Load([]string{dir}, Options{})
		if len(set.Problems) != 1 || set.Problems[0].Kind != "too-large" || !strings.Contains(set.Problems[0].Err, "52428800 bytes") {
			t.Errorf("problems %+v", set.Problems)
		}
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("took %v: was it read?", d)
		}
		// A smaller limit applies too.
		small := filepath.Join(dir, "small")
		os.Mkdir(small, 0o755)
		os.WriteFile(filepath.Join(small, "ca.pem"), readFixture(t, "ca.pem"), 0o644)
		set, _ = Load([]string{small}, Options{MaxFileSize: 100})
		if len(set.Problems) != 1 || set.Problems[0].Kind != "too-large" {
			t.Errorf("problems %+v", set.Problems)
		}
	})
	t.Run("not-regular", func(t *testing.T) {
		set, _ := Load([]string{"/dev/null"}, Options{})
		if len(set.Problems) != 1 || set.Problems[0].Kind != "unreadable" || !strings.Contains(set.Problems[0].Err, "not a regular file") {
			t.Errorf("problems %+v", set.Problems)
		}
	})
	t.Run("permission", func(t *testing.T) {
		if os.Geteuid() == 0 {
			t.Skip("root reads everything")
		}
		dir := copyFixtures(t, "ca.pem")
		os.Chmod(filepath.Join(dir, "ca.pem"), 0)
		set, _ := Load([]string{dir}, Options{})
		if len(set.Problems) != 1 || set.Problems[0].Kind != "permission" {
			t.Errorf("problems %+v", set.Problems)
		}
	})
	t.Run("no-paths", func(t *testing.T) {
		if _, err := Load(nil, Options{}); err == nil {
			t.Error("no error for no paths")
		}
	})
}

func TestUnreadable(t *testing.T) {
	fixtures(t)
	ca := string(readFixture(t, "ca.pem"))
	leaf := string(readFixture(t, "leaf.pem"))
	rng := rand.New(rand.NewPCG(1, 2))
	random := make([]byte, 3000)
	for i := range random {
		random[i] = byte(rng.UintN(256))
	}
	random[0] = 0x7f
	caBody := ca[:len(ca)-len("-----END CERTIFICATE-----\n")]
	tests := []struct {
		name, content string
		certs         int
		problems      []string // Err substrings; none means ignored
	}{
		{name: "random.crt", content: string(random), problems: []string{"not PEM, DER or PKCS#12 (starts with 0x7f"}},
		{name: "random.key", content: string(random), problems: []string{"not PEM, DER or PKCS#12"}},
		{name: "random.p12", content: "\x30\x82\x10\x00" + string(random), problems: []string{"not valid DER"}},
		{name: "random.bin", content: string(random)},
		{name: "README", content: "Certificates for the staging nginx.\n"},
		{name: "ssl_passwords.txt", content: passKey + "\n" + passOld + "\n"},
		{name: "nginx.conf", content: "server { ssl_certificate /etc/nginx/leaf.pem; }\n"},
		{name: "notes.pem", content: "just some notes\n", problems: []string{"text without a -----BEGIN line"}},
		{name: "empty.crt", content: "", problems: []string{"empty file"}},
		{name: "truncated.pem", content: caBody, problems: []string{`truncated PEM block "CERTIFICATE" at line 1 (no END line)`}},
		{name: "good-and-truncated", content: leaf + caBody, certs: 1, problems: []string{`truncated PEM block "CERTIFICATE"`}},
		{name: "truncated-then-good", content: caBody + leaf, certs: 1, problems: []string{`truncated PEM block "CERTIFICATE" at line 1`}},
		{name: "bad-base64", content: leaf + strings.Replace(ca, "M", "!", 3), certs: 1, problems: []string{"malformed (bad base64"}},
		{name: "bad-der", content: leaf + "-----BEGIN CERTIFICATE-----\nMIIBkTCB+wIJAKHHIgIIV3Nm\n-----END CERTIFICATE-----\n", certs: 1, problems: []string{`PEM block "CERTIFICATE" at line 1`}},
		{name: "mismatched-end", content: strings.Replace(ca, "END CERTIFICATE", "END X509 CRL", 1), problems: []string{"mismatched END"}},
		{name: "bom.pem", content: "\xef\xbb\xbf" + ca, problems: []string{"byte-order mark"}},
		{name: "openssh", content: "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n", problems: []string{`found "OPENSSH PRIVATE KEY"`}},
		{name: "dsa", content: "-----BEGIN DSA PRIVATE KEY-----\nMAA=\n-----END DSA PRIVATE KEY-----\n", problems: []string{"DSA private keys are not supported"}},
		{name: "ber.p12", content: "\x30\x80\x02\x01\x03", problems: []string{"BER indefinite-length"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, tc.name), []byte(tc.content), 0o644); err != nil {
				t.Fatal(err)
			}
			set, err := Load([]string{dir}, Options{Passphrases: testPassphrases})
			if err != nil {
				t.Fatal(err)
			}
			checkNoSecrets(t, set)
			if len(set.Certs) != tc.certs {
				t.Errorf("certs %d, want %d", len(set.Certs), tc.certs)
			}
			if len(set.Problems) != len(tc.problems) {
				t.Fatalf("problems %+v, want %q", set.Problems, tc.problems)
			}
			for i, want := range tc.problems {
				p := set.Problems[i]
				if p.Kind != "unreadable" || !strings.Contains(p.Err, want) || p.Path != filepath.Join(dir, tc.name) {
					t.Errorf("problem %+v, want unreadable %q", p, want)
				}
			}
			if set.Files != 1 {
				t.Errorf("Files = %d", set.Files)
			}
		})
	}
}
