package certset

import (
	"compress/gzip"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"os"
	"reflect"
	"strings"
	"testing"
)

// limboDER reads the certificates (and CRLs) of the x509-limbo corpus
// (testdata/limbo, with provenance there).
func limboDER(t testing.TB) [][]byte {
	t.Helper()
	f, err := os.Open("../testdata/limbo/corpus.json.gz")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	var c struct{ DER []string }
	if err := json.NewDecoder(zr).Decode(&c); err != nil {
		t.Fatal(err)
	}
	out := make([][]byte, len(c.DER))
	for i, s := range c.DER {
		if out[i], err = base64.StdEncoding.DecodeString(s); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// sameAsGo compares what the lenient reader filled in with crypto/x509's
// reading of the same certificate, field by field.
func sameAsGo(lx, gx *x509.Certificate) string {
	type field struct {
		name   string
		lv, gv any
	}
	fields := []field{
		{"Raw", lx.Raw, gx.Raw},
		{"RawTBSCertificate", lx.RawTBSCertificate, gx.RawTBSCertificate},
		{"RawSubject", lx.RawSubject, gx.RawSubject},
		{"RawIssuer", lx.RawIssuer, gx.RawIssuer},
		{"RawSubjectPublicKeyInfo", lx.RawSubjectPublicKeyInfo, gx.RawSubjectPublicKeyInfo},
		{"Version", lx.Version, gx.Version},
		{"SerialNumber", lx.SerialNumber.String(), gx.SerialNumber.String()},
		{"Subject", lx.Subject.String(), gx.Subject.String()},
		{"Issuer", lx.Issuer.String(), gx.Issuer.String()},
		{"NotBefore", lx.NotBefore.Unix(), gx.NotBefore.Unix()},
		{"NotAfter", lx.NotAfter.Unix(), gx.NotAfter.Unix()},
		{"SignatureAlgorithm", lx.SignatureAlgorithm, gx.SignatureAlgorithm},
		{"Signature", lx.Signature, gx.Signature},
		{"PublicKeyAlgorithm", lx.PublicKeyAlgorithm, gx.PublicKeyAlgorithm},
		{"PublicKey", lx.PublicKey, gx.PublicKey},
		{"Extensions", lx.Extensions, gx.Extensions},
		{"BasicConstraintsValid", lx.BasicConstraintsValid, gx.BasicConstraintsValid},
		{"IsCA", lx.IsCA, gx.IsCA},
		{"MaxPathLen", lx.MaxPathLen, gx.MaxPathLen},
		{"MaxPathLenZero", lx.MaxPathLenZero, gx.MaxPathLenZero},
		{"KeyUsage", lx.KeyUsage, gx.KeyUsage},
		{"ExtKeyUsage", lx.ExtKeyUsage, gx.ExtKeyUsage},
		{"UnknownExtKeyUsage", lx.UnknownExtKeyUsage, gx.UnknownExtKeyUsage},
		{"SubjectKeyId", lx.SubjectKeyId, gx.SubjectKeyId},
		{"AuthorityKeyId", lx.AuthorityKeyId, gx.AuthorityKeyId},
		{"DNSNames", lx.DNSNames, gx.DNSNames},
		{"EmailAddresses", lx.EmailAddresses, gx.EmailAddresses},
		{"IPAddresses", lx.IPAddresses, gx.IPAddresses},
		{"URIs", lx.URIs, gx.URIs},
	}
	for _, f := range fields {
		if !reflect.DeepEqual(normalize(f.lv), normalize(f.gv)) {
			return f.name
		}
	}
	return ""
}

// normalize makes an empty slice and nil compare equal.
func normalize(v any) any {
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Slice && rv.Len() == 0 {
		return nil
	}
	return v
}

// TestLenientAgreesWithGo reads every certificate of the limbo corpus with
// both readers: where crypto/x509 reads one, the lenient reader must fill
// in the same values; where crypto/x509 refuses one, the lenient reader
// must still read it (OpenSSL reads every one of them: the limbo
// differential test in opensslverify shows no case it cannot read).
func TestLenientAgreesWithGo(t *testing.T) {
	var both, refused, rescued int
	for _, der := range limboDER(t) {
		gx, gerr := x509.ParseCertificate(der)
		if gerr != nil && strings.Contains(gerr.Error(), "tbs") {
			continue // a CRL in the table
		}
		lx, _, lerr := parseLenient(der)
		if gerr != nil {
			if _, rerr := x509.ParseRevocationList(der); rerr == nil {
				continue
			}
			refused++
			if lerr == nil {
				rescued++
			} else {
				t.Errorf("neither reader reads a limbo certificate: Go: %v; lenient: %v", gerr, lerr)
			}
			continue
		}
		both++
		if lerr != nil {
			t.Errorf("%s: Go reads it, the lenient reader does not: %v", gx.Subject, lerr)
			continue
		}
		if f := sameAsGo(lx, gx); f != "" {
			t.Errorf("%s (serial %s): the lenient reader's %s differs from Go's", gx.Subject, gx.SerialNumber, f)
		}
	}
	t.Logf("%d certificates read by both readers alike; Go refuses %d, the lenient reader reads %d of those", both, refused, rescued)
	if both < 10000 || refused < 50 {
		t.Fatalf("the corpus is not the expected one (%d read by Go, %d refused)", both, refused)
	}
}

// FuzzParseLenient: the lenient reader never panics, and wherever
// crypto/x509 reads a certificate it reads the same values.
func FuzzParseLenient(f *testing.F) {
	der := limboDER(f)
	for i := 0; i < len(der); i += 500 {
		f.Add(der[i])
	}
	f.Add([]byte{})
	f.Add([]byte("\x30\x03\x02\x01\x03"))
	f.Fuzz(func(t *testing.T, b []byte) {
		lx, _, lerr := parseLenient(b)
		gx, gerr := x509.ParseCertificate(b)
		if gerr != nil {
			return
		}
		if lerr != nil {
			t.Fatalf("Go reads it, the lenient reader does not: %v", lerr)
		}
		if f := sameAsGo(lx, gx); f != "" {
			t.Fatalf("the lenient reader's %s differs from Go's", f)
		}
	})
}

// TestLoadReadsWhatOpenSSLReads: a file holding a certificate Go's parser
// refuses (from the limbo corpus) loads as a certificate with a ParseNote,
// not as an unreadable file.
func TestLoadReadsWhatOpenSSLReads(t *testing.T) {
	var refused []byte
	for _, der := range limboDER(t) {
		if _, err := x509.ParseCertificate(der); err != nil && strings.Contains(err.Error(), "negative serial") {
			refused = der
			break
		}
	}
	if refused == nil {
		t.Fatal("no certificate with a negative serial in the limbo corpus")
	}
	dir := t.TempDir()
	p := dir + "/negative-serial.pem"
	if err := os.WriteFile(p, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: refused}), 0o600); err != nil {
		t.Fatal(err)
	}
	set, err := Load([]string{p}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Certs) != 1 || len(set.Problems) != 0 {
		t.Fatalf("certs %d, problems %+v: want the certificate and no problem", len(set.Certs), set.Problems)
	}
	c := set.Certs[0]
	if !strings.Contains(c.ParseNote, "negative serial") || c.X509.SerialNumber.Sign() >= 0 {
		t.Errorf("ParseNote %q, serial %s: want the note and the negative serial", c.ParseNote, c.X509.SerialNumber)
	}
}
