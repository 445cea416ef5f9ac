package checks

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/certset"
	"github.com/mtlsdoctor/mtlsdoctor/internal/nginxtest"
)

// TestVerdictUndecided: a client signed by a secp256k1 CA, a curve Go has
// no implementation of. OpenSSL checks that signature; mtlsdoctor cannot,
// so it gives no verdict and says so, instead of inventing a code.
func TestVerdictUndecided(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	in := func(name string) string { return filepath.Join(dir, name) }
	nginxtest.OpenSSL(t, "req", "-x509", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:secp256k1", "-noenc",
		"-keyout", in("ca.key"), "-subj", "/CN=k1 CA", "-days", "30", "-sha256", "-out", in("ca.crt"))
	nginxtest.OpenSSL(t, "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-noenc",
		"-keyout", in("client.key"), "-subj", "/CN=k1 client", "-out", in("client.csr"))
	nginxtest.OpenSSL(t, "x509", "-req", "-in", in("client.csr"), "-CA", in("ca.crt"), "-CAkey", in("ca.key"),
		"-set_serial", "5", "-days", "30", "-out", in("client.crt"))
	if code, _ := nginxtest.OpenSSLVerify(t, nginxtest.VerifyOpts{CAFile: in("ca.crt"), Cert: in("client.crt"), AuthLevel: 2, Depth: -1}); code != 0 {
		t.Fatalf("openssl verify says %d; the setup should verify", code)
	}
	set, err := certset.Load([]string{in("client.crt")}, certset.Options{})
	if err != nil {
		t.Fatal(err)
	}
	rep := Certs(set, CertOptions{SecLevel: 2, VerifyDepth: 1, At: time.Now(), CA: loadCertsFile(t, in("ca.crt")), CAFile: in("ca.crt")})
	if len(rep.Certificates) != 1 || rep.Certificates[0].NginxVerdict != "" {
		t.Fatalf("rows %+v: want the client without a verdict", rep.Certificates)
	}
	found := false
	for _, f := range rep.Findings {
		found = found || f.ID.Name() == "verdict-undecided"
		if f.Code != 0 {
			t.Errorf("finding %s gives code %d for a verdict that cannot be computed", f.ID.Name(), f.Code)
		}
	}
	if !found {
		t.Errorf("findings %+v: want verdict-undecided", rep.Findings)
	}
}
