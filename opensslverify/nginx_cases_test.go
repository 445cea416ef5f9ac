package opensslverify_test

import (
	"crypto/x509"
	"encoding/pem"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/certset"
	"github.com/mtlsdoctor/mtlsdoctor/internal/nginxtest"
	"github.com/mtlsdoctor/mtlsdoctor/opensslverify"
)

// readPEMCerts reads every certificate of a PEM file with mtlsdoctor's
// reader.
func readPEMCerts(t *testing.T, path string) []*opensslverify.Cert {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []*opensslverify.Cert
	for {
		var b *pem.Block
		b, data = pem.Decode(data)
		if b == nil {
			return out
		}
		x, _, err := certset.ParseCertificate(b.Bytes)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out = append(out, opensslverify.Info(x))
	}
}

func readPEMCRLs(t *testing.T, path string) []*x509.RevocationList {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []*x509.RevocationList
	for {
		var b *pem.Block
		b, data = pem.Decode(data)
		if b == nil {
			return out
		}
		l, err := certset.ParseCRL(b.Bytes)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out = append(out, l)
	}
}

// nginxCase is one setup made by real openssl: ca is ssl_client_certificate,
// client the client's certificate file (leaf first), key its key, crl an
// optional ssl_crl.
type nginxCase struct {
	name string
	make func(t *testing.T, dir string)
	ca   string
	crl  string
	want string // what nginx logs: "SUCCESS" or "FAILED:<code>"
}

// TestModelMatchesNginxOnOddCertificates: certificates made the way the
// issue reports them break the model (same-named CAs and a leaf without
// authorityKeyIdentifier, DSA and P-192 CA keys, an unhandled critical CRL
// extension, a root with an empty keyUsage) are shown to a real nginx,
// and the model must predict its log line.
func TestModelMatchesNginxOnOddCertificates(t *testing.T) {
	if testing.Short() {
		t.Skip("real nginx: not in -short mode")
	}
	nginxtest.Require(t)
	ossl := func(t *testing.T, dir string, args ...string) {
		t.Helper()
		for i, a := range args {
			if strings.HasPrefix(a, "@") {
				args[i] = filepath.Join(dir, a[1:])
			}
		}
		nginxtest.OpenSSL(t, args...)
	}
	write := func(t *testing.T, dir, name, data string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	cat := func(t *testing.T, dir, out string, in ...string) {
		t.Helper()
		var b []byte
		for _, f := range in {
			d, err := os.ReadFile(filepath.Join(dir, f))
			if err != nil {
				t.Fatal(err)
			}
			b = append(b, d...)
		}
		write(t, dir, out, string(b))
	}
	// ecClient makes client.key (P-256) and client.crt signed by caN.
	ecClient := func(t *testing.T, dir, ca string, extra ...string) {
		ossl(t, dir, "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-noenc",
			"-keyout", "@client.key", "-subj", "/CN=odd client", "-out", "@client.csr")
		args := []string{"x509", "-req", "-in", "@client.csr", "-CA", "@" + ca + ".crt", "-CAkey", "@" + ca + ".key",
			"-set_serial", "7", "-days", "30", "-sha256", "-out", "@client.crt"}
		ossl(t, dir, append(args, extra...)...)
	}
	sameName := func(t *testing.T, dir string) {
		for _, n := range []string{"ca1", "ca2"} {
			ossl(t, dir, "req", "-x509", "-new", "-newkey", "rsa:2048", "-noenc", "-keyout", "@"+n+".key",
				"-subj", "/CN=Same Name CA", "-days", "30", "-out", "@"+n+".crt")
		}
		ecClient(t, dir, "ca2") // X.509 v1: no authorityKeyIdentifier
		cat(t, dir, "ca12.pem", "ca1.crt", "ca2.crt")
		cat(t, dir, "ca21.pem", "ca2.crt", "ca1.crt")
	}
	cases := []nginxCase{
		{name: "same-name CAs, the signer second", make: sameName, ca: "ca12.pem", want: "FAILED:7"},
		{name: "same-name CAs, the signer first", make: sameName, ca: "ca21.pem", want: "SUCCESS"},
		{name: "DSA-2048 CA", ca: "ca.crt", want: "SUCCESS", make: func(t *testing.T, dir string) {
			ossl(t, dir, "genpkey", "-genparam", "-algorithm", "DSA", "-pkeyopt", "dsa_paramgen_bits:2048", "-out", "@dsa.param")
			ossl(t, dir, "req", "-x509", "-new", "-newkey", "dsa:"+filepath.Join(dir, "dsa.param"), "-noenc",
				"-keyout", "@ca.key", "-subj", "/CN=DSA CA", "-days", "30", "-sha256", "-out", "@ca.crt")
			ecClient(t, dir, "ca")
		}},
		{name: "P-192 CA", ca: "ca.crt", want: "FAILED:67", make: func(t *testing.T, dir string) {
			ossl(t, dir, "req", "-x509", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-192", "-noenc",
				"-keyout", "@ca.key", "-subj", "/CN=P-192 CA", "-days", "30", "-sha256", "-out", "@ca.crt")
			ecClient(t, dir, "ca")
		}},
		{name: "root with an empty keyUsage", ca: "ca.crt", want: "FAILED:21", make: func(t *testing.T, dir string) {
			ossl(t, dir, "req", "-x509", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-noenc",
				"-keyout", "@ca.key", "-subj", "/CN=Empty KU CA", "-days", "30",
				"-addext", "basicConstraints=critical,CA:TRUE", "-addext", "2.5.29.15=critical,DER:03:01:00", "-out", "@ca.crt")
			ecClient(t, dir, "ca")
		}},
		{name: "critical unknown CRL extension", ca: "ca.crt", crl: "crl.pem", want: "FAILED:36", make: func(t *testing.T, dir string) {
			ossl(t, dir, "req", "-x509", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-noenc",
				"-keyout", "@ca.key", "-subj", "/CN=CRL CA", "-days", "30",
				"-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign", "-out", "@ca.crt")
			ecClient(t, dir, "ca")
			write(t, dir, "index.txt", "")
			write(t, dir, "ca.cnf", fmt.Sprintf(`[ca]
default_ca = d
[d]
database = %s
crlnumber = %s
default_md = sha256
default_crl_days = 30
crl_extensions = crlext
[crlext]
1.3.6.1.4.1.99999.1 = critical,DER:05:00
`, filepath.Join(dir, "index.txt"), filepath.Join(dir, "crlnumber")))
			write(t, dir, "crlnumber", "01\n")
			ossl(t, dir, "ca", "-gencrl", "-config", "@ca.cnf", "-keyfile", "@ca.key", "-cert", "@ca.crt", "-out", "@crl.pem")
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			c.make(t, dir)
			in := func(f string) string { return filepath.Join(dir, f) }
			cfg := nginxtest.NewConfig(in(c.ca))
			var params = opensslverify.Params{AuthLevel: 2, Depth: 1, Time: time.Now(), Purpose: opensslverify.PurposeSSLClient}
			if c.crl != "" {
				cfg.CRL = in(c.crl)
				params.CRLCheck, params.CRLs = true, readPEMCRLs(t, in(c.crl))
			}
			got := nginxtest.Start(t, cfg).Present(t, in("client.crt"), in("client.key")).Result
			if code, _, ok := strings.Cut(strings.TrimPrefix(got, "FAILED:"), ":"); ok {
				got = "FAILED:" + code
			}
			if got != c.want {
				t.Fatalf("nginx: %s, this test expects %s", got, c.want)
			}
			chain := readPEMCerts(t, in("client.crt"))
			r := opensslverify.Verify(chain[0], chain[1:], opensslverify.NewStore(readPEMCerts(t, in(c.ca))), params)
			model := "SUCCESS"
			if r.Code() != 0 {
				model = fmt.Sprintf("FAILED:%d", r.Code())
			}
			if model != got || r.Undecided != "" {
				t.Errorf("model: %s (events %v, undecided %q), nginx: %s", model, r.Events, r.Undecided, got)
			}
		})
	}
}
