package opensslverify

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"math/big"
	"reflect"
	"testing"
	"time"
)

var (
	now   = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)
	start = now.AddDate(-1, 0, 0)
	end   = now.AddDate(5, 0, 0)
)

type node struct {
	cert *x509.Certificate
	key  crypto.Signer
}

var serial int64 = 100

func mk(t *testing.T, tmpl *x509.Certificate, parent *node) *node {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	serial++
	tmpl.SerialNumber = big.NewInt(serial)
	if tmpl.NotBefore.IsZero() {
		tmpl.NotBefore, tmpl.NotAfter = start, end
	}
	signer, parentCert := crypto.Signer(key), tmpl
	if parent != nil {
		signer, parentCert = parent.key, parent.cert
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, parentCert, &key.PublicKey, signer)
	if err != nil {
		t.Fatal(err)
	}
	c, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	return &node{cert: c, key: key}
}

func ca(name string) *x509.Certificate {
	return &x509.Certificate{
		Subject: pkix.Name{CommonName: name}, IsCA: true, BasicConstraintsValid: true,
		KeyUsage: x509.KeyUsageCertSign | x509.KeyUsageCRLSign,
	}
}

func client(name string) *x509.Certificate {
	return &x509.Certificate{
		Subject: pkix.Name{CommonName: name}, KeyUsage: x509.KeyUsageDigitalSignature,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth},
	}
}

func codes(r Result) []int {
	var out []int
	for _, e := range r.Events {
		out = append(out, e.Code)
	}
	return out
}

// TestEventSequences checks the model against the error sequences seen in
// a real nginx 1.22.1 debug log (error_log ... debug, one refused client):
// nginx logs the last of them, openssl verify prints the first.
func TestEventSequences(t *testing.T) {
	root := mk(t, ca("root"), nil)
	inter := mk(t, ca("inter"), root)
	inter2 := mk(t, ca("inter2"), inter)
	leaf := mk(t, client("leaf"), inter)
	deep := mk(t, client("deep"), inter2)
	expiredTmpl := client("expired")
	expiredTmpl.NotBefore, expiredTmpl.NotAfter = start.AddDate(-3, 0, 0), start
	expired := mk(t, expiredTmpl, inter)
	caFalse := &x509.Certificate{Subject: pkix.Name{CommonName: "cafalse"}, BasicConstraintsValid: true, IsCA: false, KeyUsage: x509.KeyUsageCertSign}
	notCA := mk(t, caFalse, root)
	underNotCA := mk(t, client("under-cafalse"), notCA)
	noSign := ca("nosign")
	noSign.KeyUsage = x509.KeyUsageDigitalSignature
	noSignCA := mk(t, noSign, root)
	underNoSign := mk(t, client("under-nosign"), noSignCA)
	self := mk(t, client("self"), nil)

	store := NewStore([]*Cert{Info(root.cert)})
	p := Params{AuthLevel: 2, Depth: 1, Time: now, Purpose: PurposeSSLClient}
	tests := []struct {
		name      string
		leaf      *node
		untrusted []*node
		params    Params
		want      []int
	}{
		{"good chain", leaf, []*node{inter}, p, nil},
		{"leaf only, intermediate missing", leaf, nil, p, []int{20, 21}},
		{"expired leaf sent without its intermediate", expired, nil, p, []int{20, 21, 10}},
		{"expired leaf with chain", expired, []*node{inter}, p, []int{10}},
		{"verify depth too small", deep, []*node{inter, inter2}, p, []int{22, 20}},
		{"depth 2 allows two intermediates", deep, []*node{inter, inter2}, Params{AuthLevel: 2, Depth: 2, Time: now, Purpose: PurposeSSLClient}, nil},
		{"intermediate with CA:FALSE", underNotCA, []*node{notCA}, p, []int{79, 26}},
		{"intermediate without keyCertSign", underNoSign, []*node{noSignCA}, p, []int{79, 26, 32}},
		{"self-signed client", self, nil, p, []int{18}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var un []*Cert
			for _, n := range tc.untrusted {
				un = append(un, Info(n.cert))
			}
			got := codes(Verify(Info(tc.leaf.cert), un, store, tc.params))
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("errors %v, want %v", got, tc.want)
			}
		})
	}
}

// TestOnlyIntermediateTrusted: nginx never enables partial chains, so a
// CA file with the intermediate but not the root gives 2.
func TestOnlyIntermediateTrusted(t *testing.T) {
	root := mk(t, ca("root"), nil)
	inter := mk(t, ca("inter"), root)
	leaf := mk(t, client("leaf"), inter)
	store := NewStore([]*Cert{Info(inter.cert)})
	r := Verify(Info(leaf.cert), nil, store, Params{AuthLevel: 2, Depth: 1, Time: now, Purpose: PurposeSSLClient})
	if r.Code() != ErrUnableToGetIssuerCert {
		t.Errorf("code %d (%v), want 2", r.Code(), codes(r))
	}
}

func TestSecurityBits(t *testing.T) {
	for n, want := range map[int]int{1024: 80, 1536: 96, 2048: 112, 3072: 128, 4096: 152, 512: 56} {
		if got := ifcSecurityBits(n); got != want {
			t.Errorf("RSA %d: %d security bits, want %d", n, got, want)
		}
	}
}

func TestCanonicalName(t *testing.T) {
	a, _ := asn1Name(t, "Test  Root CA", "Acme")
	b, _ := asn1Name(t, "test root ca", "ACME")
	c, _ := asn1Name(t, "test root", "ACME")
	if CanonicalName(a) != CanonicalName(b) {
		t.Error("names differing only in case and spaces must compare equal, as in X509_NAME_cmp")
	}
	if CanonicalName(a) == CanonicalName(c) {
		t.Error("different names compared equal")
	}
}

func asn1Name(t *testing.T, cn, o string) ([]byte, error) {
	t.Helper()
	n := pkix.Name{CommonName: cn, Organization: []string{o}}
	return asn1Marshal(n.ToRDNSequence())
}

func asn1Marshal(v any) ([]byte, error) { return asn1.Marshal(v) }

// FuzzInfo feeds arbitrary DER to the parts of the model that read raw
// bytes (names, AKID, signature OIDs): no panics, and a certificate is
// always verified to some result.
func FuzzInfo(f *testing.F) {
	root := mkFuzzSeed(f)
	f.Add(root)
	f.Add([]byte{0x30, 0x03, 0x02, 0x01, 0x00})
	f.Fuzz(func(t *testing.T, der []byte) {
		CanonicalName(der)
		c, err := x509.ParseCertificate(der)
		if err != nil {
			return
		}
		ci := Info(c)
		Verify(ci, []*Cert{ci}, NewStore([]*Cert{ci}), Params{AuthLevel: 2, Depth: 1, Time: now, Purpose: PurposeSSLClient})
	})
}

func mkFuzzSeed(f *testing.F) []byte {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		f.Fatal(err)
	}
	tmpl := ca("fuzz root")
	tmpl.SerialNumber = big.NewInt(1)
	tmpl.NotBefore, tmpl.NotAfter = start, end
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		f.Fatal(err)
	}
	return der
}
