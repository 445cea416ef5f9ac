package certset

import (
	"crypto"
	"crypto/rand"
	"crypto/sha256"
	"path/filepath"
	"strings"
	"testing"
)

func TestLoadKeyPair(t *testing.T) {
	dir := fixtures(t)
	f := func(n string) string { return filepath.Join(dir, n) }
	pass := Options{Passphrases: []string{passBad, passKey, passP12}}
	tests := []struct {
		cert, key string
		opts      Options
		chain     int
		wantErr   string
	}{
		{cert: "leaf.pem", key: "leaf.key", chain: 1},
		{cert: "chain-with-text.pem", key: "pbes2-aes-256-cbc-hmacWithSHA256.pem", opts: pass, chain: 2},
		{cert: "leaf.p12", opts: pass, chain: 2},
		{cert: "rsa.pem", key: "rsa-pbes2.pem", opts: pass, chain: 1},
		{cert: "leaf.pem", key: "pbes2-aes-256-cbc-hmacWithSHA256.pem", wantErr: "encrypted and no passphrase"},
		{cert: "leaf.pem", key: "rsa-dek.pem", opts: pass, wantErr: "none of the passphrases"},
		{cert: "rsa.pem", key: "leaf.key", wantErr: "does not match"},
		{cert: "leaf.pem", wantErr: "no private key"},
		{cert: "leaf.key", key: "leaf.key", wantErr: "no certificate"},
		{cert: "nope.pem", key: "leaf.key", wantErr: "no such file"},
		{cert: "leaf.pem", key: "scrypt.pem", opts: pass, wantErr: "scrypt"},
	}
	for _, tc := range tests {
		t.Run(tc.cert+"+"+tc.key, func(t *testing.T) {
			key := ""
			if tc.key != "" {
				key = f(tc.key)
			}
			pair, err := LoadKeyPair(f(tc.cert), key, tc.opts)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("err %v, want %q", err, tc.wantErr)
				}
				for _, pw := range testPassphrases {
					if strings.Contains(err.Error(), pw) {
						t.Errorf("error %q leaks a passphrase", err)
					}
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(pair.Certificate) != tc.chain {
				t.Errorf("chain %d, want %d", len(pair.Certificate), tc.chain)
			}
			// The key signs, and belongs to the leaf.
			signer := pair.PrivateKey.(crypto.Signer)
			digest := sha256.Sum256([]byte("hello"))
			if _, err := signer.Sign(rand.Reader, digest[:], crypto.SHA256); err != nil {
				t.Fatal(err)
			}
			if !signer.Public().(interface{ Equal(crypto.PublicKey) bool }).Equal(pair.Leaf.PublicKey) {
				t.Error("key does not match leaf")
			}
		})
	}
}
