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

// benchSameSubject is how many of every 10,000 clients reuse the CA's
// subject, the guides' mistake: each of them has the CA's name as issuer
// and subject, so OpenSSL takes it for self-signed (18), and every other
// client has 49 candidate issuers by name.
const benchSameSubject = 48

// benchDir holds a CA and n ECDSA P-256 client certificates it signed, one
// PEM file each, each with its own key; 48 per 10,000 reuse the CA's
// subject. They are load for the benchmark, made with Go because 10,000
// openssl runs would take minutes; correctness is the job of the
// differential tests on openssl-made fixtures. The directory stays in
// $TMPDIR, so the binary can be timed on it with /usr/bin/time.
func benchDir(b *testing.B, n int) string {
	b.Helper()
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("mtlsdoctor-bench-%d-samesubject", n))
	if _, err := os.Stat(filepath.Join(dir, "done")); err == nil {
		return dir
	}
	if err := os.RemoveAll(dir); err != nil {
		b.Fatal(err)
	}
	if err := writeBenchSet(dir, n); err != nil {
		b.Fatal(err)
	}
	return dir
}

// writeBenchSet writes dir/ca.crt and dir/clients/client-NNNNN.crt: n
// ECDSA P-256 client certificates, n*48/10000 of them with the CA's
// subject, then dir/done.
func writeBenchSet(dir string, n int) error {
	if err := os.MkdirAll(filepath.Join(dir, "clients"), 0o755); err != nil {
		return err
	}
	caKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return err
	}
	start := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)
	end := time.Date(2045, 1, 1, 0, 0, 0, 0, time.UTC)
	caName := pkix.Name{Organization: []string{"mtlsdoctor bench"}, CommonName: "bench root CA"}
	caTmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: caName,
		NotBefore: start, NotAfter: end, IsCA: true, BasicConstraintsValid: true,
		KeyUsage: x509.KeyUsageCertSign | x509.KeyUsageCRLSign,
	}
	caDER, err := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, &caKey.PublicKey, caKey)
	if err != nil {
		return err
	}
	ca, err := x509.ParseCertificate(caDER)
	if err != nil {
		return err
	}
	if err := writePEM(filepath.Join(dir, "ca.crt"), caDER); err != nil {
		return err
	}
	same := n * benchSameSubject / 10000
	for i := 0; i < n; i++ {
		key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
		if err != nil {
			return err
		}
		tmpl := &x509.Certificate{
			SerialNumber: big.NewInt(int64(i + 2)), Subject: pkix.Name{CommonName: fmt.Sprintf("client-%05d", i)},
			NotBefore: start, NotAfter: end, KeyUsage: x509.KeyUsageDigitalSignature,
			ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth},
		}
		// Spread the same-subject clients over the set, as they are in
		// a real directory, rather than all at its start or end.
		if same > 0 && i%(n/same) == 0 && i/(n/same) < same {
			tmpl.Subject = caName
		}
		der, err := x509.CreateCertificate(rand.Reader, tmpl, ca, &key.PublicKey, caKey)
		if err != nil {
			return err
		}
		if err := writePEM(filepath.Join(dir, "clients", fmt.Sprintf("client-%05d.crt", i)), der); err != nil {
			return err
		}
	}
	return os.WriteFile(filepath.Join(dir, "done"), nil, 0o644)
}

func writePEM(path string, der []byte) error {
	return os.WriteFile(path, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o644)
}

// BenchmarkCerts10k and BenchmarkCerts20k measure `mtlsdoctor certs`
// (load, verify, check, report) on a CA and 10,000 or 20,000 ECDSA client
// certificates, 48 or 96 of them with the CA's subject;
// BenchmarkOpenSSLVerify10k measures `openssl verify -CAfile ca.crt` on
// the same 10,000 files. The bounds: 10k at most half of openssl,
// 20k at most 2.2 times 10k. scripts/bench.sh prints the ratios.
func BenchmarkCerts10k(b *testing.B) { benchCerts(b, 10000) }

func BenchmarkCerts20k(b *testing.B) { benchCerts(b, 20000) }

func benchCerts(b *testing.B, n int) {
	dir := benchDir(b, n)
	same := n * benchSameSubject / 10000
	cpu := cpuTime(false)
	defer func() { reportCPU(b, cpuTime(false)-cpu) }()
	for b.Loop() {
		set, err := certset.Load([]string{dir}, certset.Options{})
		if err != nil {
			b.Fatal(err)
		}
		rep := Certs(set, CertOptions{SecLevel: 2, VerifyDepth: 1, ExpiresWithin: 720 * time.Hour})
		if len(rep.Certificates) != n+1 || rep.Summary.Errors != same {
			b.Fatalf("%d certificates, %d errors; want %d and %d", len(rep.Certificates), rep.Summary.Errors, n+1, same)
		}
	}
}

func BenchmarkOpenSSLVerify10k(b *testing.B) {
	dir := benchDir(b, 10000)
	files, err := filepath.Glob(filepath.Join(dir, "clients", "*.crt"))
	if err != nil || len(files) != 10000 {
		b.Fatalf("%d files: %v", len(files), err)
	}
	args := append([]string{"verify", "-CAfile", filepath.Join(dir, "ca.crt")}, files...)
	cpu := cpuTime(true)
	defer func() { reportCPU(b, cpuTime(true)-cpu) }()
	for b.Loop() {
		// The same-subject clients fail (18), so openssl exits 2; it
		// still verifies every file.
		out, err := exec.Command("openssl", args...).CombinedOutput()
		if _, ok := err.(*exec.ExitError); err != nil && !ok {
			b.Fatalf("openssl verify: %v\n%.500s", err, out)
		}
	}
}

// reportCPU adds the CPU time (user+system) per iteration to the
// benchmark's line as cpu-s/op.
func reportCPU(b *testing.B, d time.Duration) {
	if b.N > 0 {
		b.ReportMetric(d.Seconds()/float64(b.N), "cpu-s/op")
	}
}
