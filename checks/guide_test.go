package checks

import (
	"crypto/x509"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/certset"
	"github.com/mtlsdoctor/mtlsdoctor/internal/nginxtest"
)

// TestGuideV1SameSubjectClient: the client certificate the common guides
// make, with their own commands (a CSR with the CA's subject, signed with
// `x509 -req -set_serial 01`: X.509 v1, no extensions), as a PEM pair and
// as the PKCS#12 file they export. It is a client certificate, not a
// root, and the verdict is what real `openssl verify` says: 18.
func TestGuideV1SameSubjectClient(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	in := func(name string) string { return filepath.Join(dir, name) }
	subj := "/C=US/ST=State/L=City/O=Example/CN=Example CA"
	nginxtest.GuideCA(t, dir, subj)
	nginxtest.GuideCert(t, dir, "client", subj, "01")
	nginxtest.OpenSSL(t, "pkcs12", "-export", "-in", in("client.crt"), "-inkey", in("client.key"), "-out", in("client.p12"), "-passout", "pass:secret")
	code, _ := nginxtest.OpenSSLVerify(t, nginxtest.VerifyOpts{CAFile: in("ca.crt"), Cert: in("client.crt"), AuthLevel: 2, Depth: -1})
	if code != 18 {
		t.Fatalf("openssl verify says %d; the guide's certificate should give 18", code)
	}
	ca := loadCertsFile(t, in("ca.crt"))
	for _, files := range [][]string{{in("client.crt"), in("client.key")}, {in("client.p12")}} {
		set, err := certset.Load(files, certset.Options{Passphrases: []string{"secret"}})
		if err != nil {
			t.Fatal(err)
		}
		for _, byCA := range []bool{true, false} {
			o := CertOptions{SecLevel: 2, VerifyDepth: 1, At: time.Now()}
			if byCA {
				o.CA, o.CAFile = ca, in("ca.crt")
			}
			rep := Certs(set, o)
			if len(rep.Certificates) != 1 || rep.Certificates[0].Role != RoleClient || rep.Certificates[0].NginxVerdict != Verdict(code) {
				t.Errorf("%v (--ca %v): rows %+v, want one client certificate with verdict %s", files, byCA, rep.Certificates, Verdict(code))
			}
			if len(rep.Findings) == 0 || rep.Findings[0].ID.Name() != "self-issued-leaf" || rep.Findings[0].Severity != "error" {
				t.Errorf("%v (--ca %v): first finding %+v, want self-issued-leaf", files, byCA, rep.Findings)
			}
		}
	}
}

func loadCertsFile(t *testing.T, p string) []*x509.Certificate {
	t.Helper()
	set, err := certset.Load([]string{p}, certset.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var out []*x509.Certificate
	for _, c := range set.Certs {
		out = append(out, c.X509)
	}
	return out
}

// TestSelfSignedV1ClientRole: a self-signed X.509 v1 certificate (x509
// -req -signkey), which OpenSSL would take for a root, is a client's own
// certificate when it signs nothing and its file is named for a client
// (an example's bad_client.crt), and a CA when its name says CA
// (client-ca.pem).
func TestSelfSignedV1ClientRole(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	in := func(name string) string { return filepath.Join(dir, name) }
	nginxtest.GuideCA(t, dir, "/O=Example/CN=Example CA")
	for _, name := range []string{"bad_client", "client-ca"} {
		nginxtest.OpenSSL(t, "genrsa", "-out", in(name+".key"), "2048")
		nginxtest.OpenSSL(t, "req", "-new", "-key", in(name+".key"), "-subj", "/CN="+name, "-out", in(name+".csr"))
		nginxtest.OpenSSL(t, "x509", "-req", "-days", "30", "-in", in(name+".csr"), "-signkey", in(name+".key"), "-out", in(name+".pem"))
	}
	set, err := certset.Load([]string{in("bad_client.pem"), in("client-ca.pem")}, certset.Options{})
	if err != nil {
		t.Fatal(err)
	}
	rep := Certs(set, CertOptions{SecLevel: 2, VerifyDepth: 1, At: time.Now(), CA: loadCertsFile(t, in("ca.crt")), CAFile: in("ca.crt")})
	roles := map[string]string{}
	for _, row := range rep.Certificates {
		roles[filepath.Base(row.Files[0])] = row.Role
	}
	if roles["bad_client.pem"] != RoleClient || roles["client-ca.pem"] != RoleCA {
		t.Errorf("roles %v, want bad_client.pem a client and client-ca.pem a CA", roles)
	}
	for _, f := range rep.Findings {
		if strings.Contains(f.Title, "bad_client.pem holds a CA certificate") {
			t.Errorf("the client's own certificate told as a CA: %q", f.Title)
		}
	}
}

// TestClientFileName: the names of clients' files and of client CAs'.
func TestClientFileName(t *testing.T) {
	for name, want := range map[string]bool{
		"bad_client.crt": true, "client.pem": true, "self-signed/client.crt": true, "client1.cert": true,
		"client-ca.pem": false, "clientca.pem": false, "client_ca.crt": false, "client-root.crt": false, "server.crt": false, "ca.crt": false,
	} {
		if got := clientFileName(name); got != want {
			t.Errorf("clientFileName(%q) = %v, want %v", name, got, want)
		}
	}
}
