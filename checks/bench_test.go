package checks

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"math/big"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/certset"
)

const benchCerts = 10000

// benchDir holds a CA and 10,000 ECDSA P-256 client certificates it
// signed, one PEM file each. They are load for the benchmark, made with Go
// because 10,000 openssl runs would take minutes; correctness is the job of
// the differential tests on openssl-made fixtures.
func benchDir(b *testing.B) string {
	b.Helper()
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("mtlsdoctor-bench-%d", benchCerts))
	if _, err := os.Stat(filepath.Join(dir, "done")); err == nil {
		return dir
	}
	if err := os.RemoveAll(dir); err != nil {
		b.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "clients"), 0o755); err != nil {
		b.Fatal(err)
	}
	caKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		b.Fatal(err)
	}
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	end := time.Date(2045, 1, 1, 0, 0, 0, 0, time.UTC)
	caTmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{Organization: []string{"mtlsdoctor bench"}, CommonName: "bench root CA"},
		NotBefore: start, NotAfter: end, IsCA: true, BasicConstraintsValid: true,
		KeyUsage: x509.KeyUsageCertSign | x509.KeyUsageCRLSign,
	}
	caDER, err := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, &caKey.PublicKey, caKey)
	if err != nil {
		b.Fatal(err)
	}
	ca, _ := x509.ParseCertificate(caDER)
	writePEM(b, filepath.Join(dir, "ca.crt"), caDER)
	leafKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		b.Fatal(err)
	}
	for i := 0; i < benchCerts; i++ {
		tmpl := &x509.Certificate{
			SerialNumber: big.NewInt(int64(i + 2)), Subject: pkix.Name{CommonName: fmt.Sprintf("client-%05d", i)},
			NotBefore: start, NotAfter: end, KeyUsage: x509.KeyUsageDigitalSignature,
			ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth},
		}
		der, err := x509.CreateCertificate(rand.Reader, tmpl, ca, &leafKey.PublicKey, caKey)
		if err != nil {
			b.Fatal(err)
		}
		writePEM(b, filepath.Join(dir, "clients", fmt.Sprintf("client-%05d.crt", i)), der)
	}
	if err := os.WriteFile(filepath.Join(dir, "done"), nil, 0o644); err != nil {
		b.Fatal(err)
	}
	return dir
}

func writePEM(b *testing.B, path string, der []byte) {
	if err := os.WriteFile(path, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o644); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkCerts10k measures `mtlsdoctor certs` (load, verify, check) on a
// CA and 10,000 ECDSA client certificates; BenchmarkOpenSSLVerify10k
// measures `openssl verify -CAfile ca.crt` on the same files. The issue's
// bound: the first at most half the second. scripts/bench.sh prints both.
func BenchmarkCerts10k(b *testing.B) {
	dir := benchDir(b)
	for b.Loop() {
		set, err := certset.Load([]string{dir}, certset.Options{})
		if err != nil {
			b.Fatal(err)
		}
		rep := Certs(set, CertOptions{SecLevel: 2, VerifyDepth: 1, ExpiresWithin: 720 * time.Hour})
		if len(rep.Certificates) != benchCerts+1 || rep.Summary.Errors != 0 {
			b.Fatalf("%d certificates, %d errors", len(rep.Certificates), rep.Summary.Errors)
		}
	}
}

func BenchmarkOpenSSLVerify10k(b *testing.B) {
	dir := benchDir(b)
	files, err := filepath.Glob(filepath.Join(dir, "clients", "*.crt"))
	if err != nil || len(files) != benchCerts {
		b.Fatalf("%d files: %v", len(files), err)
	}
	args := append([]string{"verify", "-CAfile", filepath.Join(dir, "ca.crt")}, files...)
	for b.Loop() {
		if out, err := exec.Command("openssl", args...).CombinedOutput(); err != nil {
			b.Fatalf("openssl verify: %v\n%.500s", err, out)
		}
	}
}
