package checks

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/certset"
	"github.com/mtlsdoctor/mtlsdoctor/internal/nginxtest"
)

// TestUndecodableSAN: a client whose subjectAltName OpenSSL cannot decode
// (an otherName encoded as a primitive [0]). OpenSSL then finds no issuer
// for it (openssl verify: 20; nginx, which carries on: 21). The finding
// must blame the SAN, and the fix must reissue the client, not add a CA.
func TestUndecodableSAN(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	in := func(name string) string { return filepath.Join(dir, name) }
	nginxtest.OpenSSL(t, "req", "-x509", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-noenc",
		"-keyout", in("ca.key"), "-subj", "/CN=SAN CA", "-days", "30",
		"-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign", "-out", in("ca.crt"))
	nginxtest.OpenSSL(t, "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-noenc",
		"-keyout", in("client.key"), "-subj", "/CN=odd san client", "-out", in("client.csr"))
	// SEQUENCE { [0] primitive "abc" }: otherName must be constructed.
	if err := os.WriteFile(in("ext.cnf"), []byte("subjectAltName = DER:30:05:80:03:61:62:63\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	nginxtest.OpenSSL(t, "x509", "-req", "-in", in("client.csr"), "-CA", in("ca.crt"), "-CAkey", in("ca.key"),
		"-set_serial", "9", "-days", "30", "-extfile", in("ext.cnf"), "-out", in("client.crt"))
	if code, _ := nginxtest.OpenSSLVerify(t, nginxtest.VerifyOpts{CAFile: in("ca.crt"), Cert: in("client.crt"), AuthLevel: 2, Depth: -1}); code != 20 {
		t.Fatalf("openssl verify says %d; the undecodable SAN should make it 20", code)
	}
	set, err := certset.Load([]string{in("client.crt")}, certset.Options{})
	if err != nil {
		t.Fatal(err)
	}
	rep := Certs(set, CertOptions{SecLevel: 2, VerifyDepth: 1, At: time.Now(), CA: loadCertsFile(t, in("ca.crt")), CAFile: in("ca.crt")})
	if len(rep.Certificates) != 1 || !strings.HasPrefix(rep.Certificates[0].NginxVerdict, "FAILED:21:") {
		t.Fatalf("rows %+v: want the client with verdict 21", rep.Certificates)
	}
	for _, f := range rep.Findings {
		if f.ID.Name() != "untrusted" {
			continue
		}
		if !strings.Contains(f.Explanation, "subjectAltName") || strings.Contains(f.Fix, "Add the issuing CA") {
			t.Errorf("untrusted finding %q / fix %q: want the SAN blamed and the client reissued", f.Explanation, f.Fix)
		}
		return
	}
	t.Errorf("findings %+v: want untrusted", rep.Findings)
}
