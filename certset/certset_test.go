package certset

import (
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// keyWant describes one expected Key.
type keyWant struct {
	format    string
	encoding  string
	encrypted bool
	locked    bool
	bad       bool
	public    string // "rsa", "ecdsa", "ed25519" or "" for none
}

func pubKind(k *Key) string {
	switch k.Public.(type) {
	case nil:
		return ""
	case *rsa.PublicKey:
		return "rsa"
	case *ecdsa.PublicKey:
		return "ecdsa"
	case ed25519.PublicKey:
		return "ed25519"
	}
	return fmt.Sprintf("%T", k.Public)
}

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

func TestFormats(t *testing.T) {
	all := []string{passKey, passP12, passOld}
	tests := []struct {
		file     string
		pass     []string
		certs    int
		crls     int
		keys     []keyWant
		problems []string // substrings of Problem.Err, all Kind "unreadable"
		aux      bool
		certEnc  string
	}{
		{file: "ca.pem", certs: 1, certEnc: EncodingPEM},
		{file: "ca.der", certs: 1, certEnc: EncodingDER},
		{file: "ca-x509label.pem", certs: 1, certEnc: EncodingPEM},
		{file: "ca-trusted.pem", certs: 1, aux: true, certEnc: EncodingPEMTrusted},
		{file: "chain-with-text.pem", certs: 2, certEnc: EncodingPEM},
		{file: "bundle.p7b", certs: 2, certEnc: EncodingPKCS7},
		{file: "bundle-der.p7b", certs: 1, crls: 1, certEnc: EncodingPKCS7},
		{file: "crl.pem", crls: 1},
		{file: "crl.der", crls: 1},
		{file: "leaf.csr"},
		{file: "leaf-csr.der"},
		{file: "leaf-pbes2.der", keys: []keyWant{{format: "PKCS#8 encrypted (PBES2)", encoding: EncodingDER, encrypted: true, locked: true}}},
		{file: "rsa-pub.pem"},
		{file: "ecparams.pem"},
		{file: "leaf.key", keys: []keyWant{{format: "PKCS#8", encoding: EncodingPEM, public: "ecdsa"}}},
		{file: "rsa-pkcs8.pem", keys: []keyWant{{format: "PKCS#8", encoding: EncodingPEM, public: "rsa"}}},
		{file: "rsa-pkcs1.pem", keys: []keyWant{{format: "PKCS#1", encoding: EncodingPEM, public: "rsa"}}},
		{file: "rsa-pkcs8.der", keys: []keyWant{{format: "PKCS#8", encoding: EncodingDER, public: "rsa"}}},
		{file: "rsa-pkcs1.der", keys: []keyWant{{format: "PKCS#1", encoding: EncodingDER, public: "rsa"}}},
		{file: "ec-sec1.pem", keys: []keyWant{{format: "SEC1", encoding: EncodingPEM, public: "ecdsa"}}},
		{file: "ec-sec1.der", keys: []keyWant{{format: "SEC1", encoding: EncodingDER, public: "ecdsa"}}},
		{file: "ed25519.pem", keys: []keyWant{{format: "PKCS#8", encoding: EncodingPEM, public: "ed25519"}}},
		{file: "ed448.pem", problems: []string{"unsupported private key algorithm Ed448"}},
		{file: "rsa-pbes2.pem", pass: all, keys: []keyWant{{format: "PKCS#8 encrypted (PBES2)", encoding: EncodingPEM, encrypted: true, public: "rsa"}}},
		{file: "rsa-pbes2.pem", keys: []keyWant{{format: "PKCS#8 encrypted (PBES2)", encoding: EncodingPEM, encrypted: true, locked: true}}},
		{file: "rsa-pbes2.pem", pass: []string{passBad}, keys: []keyWant{{format: "PKCS#8 encrypted (PBES2)", encoding: EncodingPEM, encrypted: true, bad: true}}},
		{file: "leaf-pbes2.der", pass: all, keys: []keyWant{{format: "PKCS#8 encrypted (PBES2)", encoding: EncodingDER, encrypted: true, public: "ecdsa"}}},
		{file: "rsa-dek.pem", pass: all, keys: []keyWant{{format: "PKCS#1 encrypted (DEK-Info)", encoding: EncodingPEM, encrypted: true, public: "rsa"}}},
		{file: "rsa-dek-des3.pem", pass: all, keys: []keyWant{{format: "PKCS#1 encrypted (DEK-Info)", encoding: EncodingPEM, encrypted: true, public: "rsa"}}},
		{file: "rsa-dek.pem", keys: []keyWant{{format: "PKCS#1 encrypted (DEK-Info)", encoding: EncodingPEM, encrypted: true, locked: true}}},
		{file: "rsa-dek.pem", pass: []string{passBad, passKey}, keys: []keyWant{{format: "PKCS#1 encrypted (DEK-Info)", encoding: EncodingPEM, encrypted: true, bad: true}}},
		{file: "ec-dek.pem", pass: []string{passBad, passOld}, keys: []keyWant{{format: "SEC1 encrypted (DEK-Info)", encoding: EncodingPEM, encrypted: true, public: "ecdsa"}}},
		{file: "scrypt.pem", pass: all, problems: []string{"scrypt"}},
		{file: "scrypt.pem", problems: []string{"scrypt"}},
		{file: "pbes1.pem", pass: all, problems: []string{"pbeWithSHAAnd3-KeyTripleDES-CBC"}},
		{file: "leaf.p12", pass: all, certs: 2, keys: []keyWant{{format: "PKCS#12", encoding: EncodingPKCS12, encrypted: true, public: "ecdsa"}}, certEnc: EncodingPKCS12},
		{file: "leaf.p12", keys: []keyWant{{format: "PKCS#12", encoding: EncodingPKCS12, encrypted: true, locked: true}}},
		{file: "leaf.p12", pass: []string{passBad}, keys: []keyWant{{format: "PKCS#12", encoding: EncodingPKCS12, encrypted: true, bad: true}}},
		{file: "legacy.p12", pass: []string{passBad, passP12}, certs: 2, keys: []keyWant{{format: "PKCS#12", encoding: EncodingPKCS12, encrypted: true, public: "ecdsa"}}, certEnc: EncodingPKCS12},
		{file: "nopass.p12", certs: 1, keys: []keyWant{{format: "PKCS#12", encoding: EncodingPKCS12, public: "ecdsa"}}, certEnc: EncodingPKCS12},
		{file: "certonly.p12", pass: all, certs: 1, certEnc: EncodingPKCS12},
	}
	for _, pbes2 := range []string{"aes-128-cbc", "aes-192-cbc", "aes-256-cbc", "des3"} {
		for _, prf := range []string{"hmacWithSHA1", "hmacWithSHA224", "hmacWithSHA256", "hmacWithSHA384", "hmacWithSHA512"} {
			tests = append(tests, struct {
				file     string
				pass     []string
				certs    int
				crls     int
				keys     []keyWant
				problems []string
				aux      bool
				certEnc  string
			}{file: "pbes2-" + pbes2 + "-" + prf + ".pem", pass: []string{passBad, passKey},
				keys: []keyWant{{format: "PKCS#8 encrypted (PBES2)", encoding: EncodingPEM, encrypted: true, public: "ecdsa"}}})
		}
	}
	for _, tc := range tests {
		t.Run(fmt.Sprintf("%s/%d-pass", tc.file, len(tc.pass)), func(t *testing.T) {
			dir := copyFixtures(t, tc.file)
			set, err := Load([]string{dir}, Options{Passphrases: tc.pass})
			if err != nil {
				t.Fatal(err)
			}
			checkNoSecrets(t, set)
			if len(set.Certs) != tc.certs || len(set.CRLs) != tc.crls {
				t.Errorf("got %d certs, %d CRLs; want %d, %d", len(set.Certs), len(set.CRLs), tc.certs, tc.crls)
			}
			for _, c := range set.Certs {
				if c.Aux != tc.aux {
					t.Errorf("Aux = %v", c.Aux)
				}
				if sha256.Sum256(c.X509.Raw) != c.SHA256 {
					t.Errorf("bad fingerprint")
				}
				if len(c.Sources) != 1 || c.Sources[0].Encoding != tc.certEnc || c.Sources[0].File != filepath.Join(dir, tc.file) {
					t.Errorf("Sources = %+v, want one %s", c.Sources, tc.certEnc)
				}
			}
			if len(set.Keys) != len(tc.keys) {
				t.Fatalf("got %d keys (%+v), want %d; problems %+v", len(set.Keys), set.Keys, len(tc.keys), set.Problems)
			}
			for i, w := range tc.keys {
				k := set.Keys[i]
				got := keyWant{format: k.Format, encoding: k.Encoding, encrypted: k.Encrypted, locked: k.Locked, bad: k.BadPassphrase, public: pubKind(k)}
				if got != w {
					t.Errorf("key %d = %+v, want %+v", i, got, w)
				}
				if k.File != filepath.Join(dir, tc.file) || k.Mode != 0o600 {
					t.Errorf("key File %q Mode %v", k.File, k.Mode)
				}
			}
			if len(set.Problems) != len(tc.problems) {
				t.Fatalf("problems = %+v, want %q", set.Problems, tc.problems)
			}
			for i, want := range tc.problems {
				if p := set.Problems[i]; p.Kind != "unreadable" || !strings.Contains(p.Err, want) {
					t.Errorf("problem %+v, want unreadable %q", p, want)
				}
			}
			if set.Files != 1 {
				t.Errorf("Files = %d", set.Files)
			}
		})
	}
}

// The key of a certificate must come out equal to the certificate's.
func TestKeyMatchesCert(t *testing.T) {
	dir := copyFixtures(t, "leaf.pem", "leaf.key", "pbes2-aes-256-cbc-hmacWithSHA256.pem", "leaf.p12", "rsa.pem", "rsa-dek.pem", "rsa-pbes2.pem")
	set, err := Load([]string{dir}, Options{Passphrases: []string{passBad, passKey, passOld, passP12}})
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Keys) != 5 || len(set.Problems) != 0 {
		t.Fatalf("keys %d problems %+v", len(set.Keys), set.Problems)
	}
	pubs := map[string]bool{}
	for _, c := range set.Certs {
		der, _ := x509.MarshalPKIXPublicKey(c.X509.PublicKey)
		pubs[string(der)] = true
	}
	for _, k := range set.Keys {
		der, err := x509.MarshalPKIXPublicKey(k.Public)
		if err != nil || !pubs[string(der)] {
			t.Errorf("key %s (%s) matches no certificate", k.File, k.Format)
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

// A key never survives loading: the Set holds only public keys, and no
// exported field anywhere has a private key type.
func TestNoPrivateKeyRetained(t *testing.T) {
	dir := copyFixtures(t, "leaf.key", "rsa-pkcs1.pem", "leaf.p12", "rsa-dek.pem")
	set, _ := Load([]string{dir}, Options{Passphrases: testPassphrases})
	if len(set.Keys) != 4 {
		t.Fatalf("keys %d: %v", len(set.Keys), summary(set))
	}
	for _, k := range set.Keys {
		switch k.Public.(type) {
		case *rsa.PrivateKey, *ecdsa.PrivateKey, ed25519.PrivateKey:
			t.Errorf("%s: private key retained", k.File)
		case nil:
			t.Errorf("%s: no public key", k.File)
		}
	}
}

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

// A certificate whose key is on a curve Go lacks is still loaded (the key
// is not), byte for byte, with its issuer's signature intact.
func TestUnsupportedCurveCert(t *testing.T) {
	dir := copyFixtures(t, "ca.pem", "p192.pem", "p192.key")
	set, _ := Load([]string{dir}, Options{})
	if len(set.Certs) != 2 {
		t.Fatalf("%v", summary(set))
	}
	var ca, leaf *Cert
	for _, c := range set.Certs {
		if c.KeyNote != "" {
			leaf = c
		} else {
			ca = c
		}
	}
	if leaf == nil || !strings.Contains(leaf.KeyNote, "P-192") || leaf.X509.PublicKey != nil {
		t.Fatalf("no P-192 note: %v", summary(set))
	}
	block, _ := pem.Decode(readFixture(t, "p192.pem"))
	if block == nil || sha256.Sum256(block.Bytes) != leaf.SHA256 || sha256.Sum256(leaf.X509.Raw) != leaf.SHA256 {
		t.Error("fingerprint or Raw differs from the file's DER")
	}
	if err := leaf.X509.CheckSignatureFrom(ca.X509); err != nil {
		t.Errorf("signature: %v", err)
	}
	if leaf.X509.Subject.CommonName != "p192 client" {
		t.Errorf("subject %s", leaf.X509.Subject)
	}
	if len(set.Problems) != 1 || !strings.Contains(set.Problems[0].Err, "prime192v1") {
		t.Errorf("key problem: %+v", set.Problems)
	}
}

// A hostile PEM file (many BEGIN lines, no END) is parsed in linear time
// and its problems are capped.
func TestManyBrokenBlocks(t *testing.T) {
	data := []byte(strings.Repeat("-----BEGIN CERTIFICATE-----\n", 200000))
	start := time.Now()
	res := parseContent(data, nil, false)
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("took %v", d)
	}
	if len(res.problems) != maxProblems+1 || !strings.Contains(res.problems[maxProblems], "and 199980 more problems") {
		t.Errorf("%d problems, last %q", len(res.problems), res.problems[len(res.problems)-1])
	}
}
