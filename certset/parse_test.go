package certset

import (
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/pem"
	"fmt"
	"path/filepath"
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
