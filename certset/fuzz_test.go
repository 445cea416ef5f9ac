package certset

import (
	"encoding/asn1"
	"encoding/pem"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fuzzSeeds are small real files made by openssl, plus hand-made edge
// cases, so the seed corpus runs in a plain go test.
func fuzzSeeds(f *testing.F) [][]byte {
	dir := fixtures(f)
	names, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil {
		f.Fatal(err)
	}
	var seeds [][]byte
	for _, n := range names {
		if strings.HasSuffix(n, ".cnf") || strings.HasSuffix(n, ".srl") || strings.Contains(n, "index.txt") {
			continue
		}
		b, err := os.ReadFile(n)
		if err != nil || len(b) > 8<<10 {
			continue
		}
		seeds = append(seeds, b)
	}
	seeds = append(seeds,
		[]byte(""),
		[]byte("-----BEGIN CERTIFICATE-----\n"),
		[]byte("-----BEGIN CERTIFICATE-----\nMAA=\n-----END CERTIFICATE-----\n-----BEGIN X509 CRL-----\n"),
		[]byte("\x30\x80\x02\x01\x03"),
		[]byte("\x30\x03\x02\x01\x03"),
		[]byte("-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00000000000000000000000000000000\n\nAAAAAAAAAAAAAAAAAAAAAA==\n-----END RSA PRIVATE KEY-----\n"),
	)
	return seeds
}

// lowIterations keeps every passphrase attempt cheap while fuzzing.
func lowIterations(f *testing.F) {
	old := maxPBKDF2Iterations
	maxPBKDF2Iterations = 4096
	f.Cleanup(func() { maxPBKDF2Iterations = old })
}

// FuzzParseContent feeds arbitrary file content to the per-file parser:
// it must not panic, must describe every failure on one line without the
// passphrase, and must not keep private keys.
func FuzzParseContent(f *testing.F) {
	lowIterations(f)
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	pass := []string{passBad, passKey, passP12, passOld}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 64<<10 {
			return
		}
		res := parseContent(data, pass, false)
		for _, msg := range res.problems {
			if strings.ContainsAny(msg, "\n\r") || len(msg) > 310 {
				t.Fatalf("problem not one bounded line: %q", msg)
			}
			for _, pw := range pass {
				if strings.Contains(msg, pw) {
					t.Fatalf("problem %q contains a passphrase", msg)
				}
			}
		}
		for _, k := range res.keys {
			if k.priv != nil {
				t.Fatal("private key kept")
			}
			if (k.pub == nil) != (k.locked || k.bad) {
				t.Fatalf("key %+v: public key presence does not match its state", k)
			}
		}
		if !res.recognised && len(res.problems) == 0 && len(res.certs)+len(res.keys)+len(res.crls) > 0 {
			t.Fatal("items found but not recognised")
		}
	})
}

// FuzzDecryptPKCS8 feeds arbitrary DER and passphrases to the PBES2
// decoder.
func FuzzDecryptPKCS8(f *testing.F) {
	lowIterations(f)
	for _, s := range fuzzSeeds(f) {
		if b, _ := pem.Decode(s); b != nil && b.Type == "ENCRYPTED PRIVATE KEY" {
			f.Add(b.Bytes, passKey)
			f.Add(b.Bytes, "bad-Pass-7")
		}
	}
	f.Add(readFixture(f, "leaf-pbes2.der"), passKey)
	f.Add([]byte("\x30\x00"), "")
	f.Fuzz(func(t *testing.T, der []byte, pw string) {
		if len(der) > 16<<10 {
			return
		}
		plain, err := decryptPKCS8(der, pw)
		if err != nil {
			// Were the passphrase echoed, the marked one would show.
			if _, err2 := decryptPKCS8(der, "\x01"+pw+"\x02"); err2 != nil && strings.ContainsAny(err2.Error(), "\x01\x02") {
				t.Fatalf("error %q contains the passphrase", err2)
			}
			return
		}
		var raw asn1.RawValue
		if rest, err := asn1.Unmarshal(plain, &raw); err != nil || len(rest) != 0 {
			t.Fatalf("decrypted to non-DER")
		}
	})
}
