package checks

import (
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/certset"
	"github.com/mtlsdoctor/mtlsdoctor/internal/nginxtest"
	"github.com/mtlsdoctor/mtlsdoctor/report"
)

// TestHeaderCountsGivenCRLs: a CRL given apart from the set (--crl) is
// counted in the header, once when the set holds it too.
func TestHeaderCountsGivenCRLs(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(fixtures, "revoked")
	crls, err := certset.Load([]string{filepath.Join(dir, "crl.pem")}, certset.Options{})
	if err != nil || len(crls.CRLs) != 1 {
		t.Fatalf("crl.pem: %v, %d CRLs", err, len(crls.CRLs))
	}
	noCRL, err := certset.Load([]string{filepath.Join(dir, "ca.crt"), filepath.Join(dir, "client-ok.crt")}, certset.Options{})
	must(t, err)
	whole, err := certset.Load([]string{dir}, certset.Options{})
	must(t, err)
	for name, set := range map[string]*certset.Set{"without": noCRL, "with": whole} {
		rep := Certs(set, CertOptions{SecLevel: 2, VerifyDepth: 1, CRLs: crls.CRLs})
		if !strings.Contains(rep.Header, " 1 CRLs ") {
			t.Errorf("set %s the CRL, --crl crl.pem: header %q, want 1 CRLs", name, rep.Header)
		}
	}
}

// TestOneFindingPerExpiredCertificate: an expired certificate is one
// `expired` finding, whether its own dates or the chains through it show
// it, with or without --ca.
func TestOneFindingPerExpiredCertificate(t *testing.T) {
	t.Parallel()
	for _, set := range []string{"validity", "chain", "good"} {
		dir := filepath.Join(fixtures, set)
		s, err := certset.Load([]string{dir}, certset.Options{Passphrases: fixturePassphrases})
		must(t, err)
		at := time.Date(2050, 1, 1, 0, 0, 0, 0, time.UTC)
		for _, withCA := range []bool{false, true} {
			o := CertOptions{SecLevel: 2, VerifyDepth: 3, At: at}
			if withCA {
				o.CA, o.CAFile = loadCertsFile(t, filepath.Join(dir, "ca.crt")), filepath.Join(dir, "ca.crt")
			}
			rep := Certs(s, o)
			perFile := map[string]int{}
			for _, f := range rep.Findings {
				if f.ID.Name() == "expired" {
					perFile[f.Subject+" "+f.File]++
				}
			}
			want := 0
			for _, row := range rep.Certificates {
				if row.NotBefore < at.Format(time.RFC3339) && row.NotAfter < at.Format(time.RFC3339) {
					want++
				}
			}
			if want == 0 || len(perFile) != want {
				t.Errorf("%s (--ca %v): %d expired certificates, expired findings about %d: %v", set, withCA, want, len(perFile), perFile)
			}
			for k, n := range perFile {
				if n != 1 {
					t.Errorf("%s (--ca %v): %d expired findings about %s", set, withCA, n, k)
				}
			}
		}
	}
}

// TestSelfIssuedServerCertificate: a server certificate made as the guides
// make their clients (v1, the CA's subject) is the error self-issued-leaf
// like a client, with a fix that gives it a server's extensions; one with
// an authorityKeyIdentifier is the warning.
func TestSelfIssuedServerCertificate(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	subj := "/O=Example/CN=Example CA"
	nginxtest.GuideCA(t, dir, subj)
	nginxtest.GuideCert(t, dir, "server", subj, "01")
	nginxtest.GuideCert(t, dir, "client", subj, "02")
	set, err := certset.Load([]string{dir}, certset.Options{})
	must(t, err)
	rep := Certs(set, CertOptions{SecLevel: 2, VerifyDepth: 1})
	for _, name := range []string{"server.crt", "client.crt"} {
		f := findingAbout(rep, "self-issued-leaf", name)
		if f == nil || f.Severity != "error" {
			t.Errorf("%s: self-issued-leaf %+v, want an error", name, f)
			continue
		}
		if name == "server.crt" && !strings.Contains(f.Fix, "serverAuth") {
			t.Errorf("server.crt: the fix makes no server certificate:\n%s", f.Fix)
		}
	}
	if row := rowOf(rep, filepath.Join(dir, "server.crt")); row == nil || row.Role != RoleServer {
		t.Errorf("server.crt: row %+v, want role server", row)
	}
}

func findingAbout(rep *report.Report, id, base string) *report.Finding {
	for i, f := range rep.Findings {
		if f.ID.Name() == id && filepath.Base(f.File) == base {
			return &rep.Findings[i]
		}
	}
	return nil
}

// TestRootWithoutCertSignBlamed: a root whose keyUsage lacks keyCertSign
// is the certificate at fault, not the leaf it signed, whether the leaf's
// file holds the root too or not; its fix makes the root again, and the
// leaf verifies under the root that fix makes (real openssl runs it).
func TestRootWithoutCertSignBlamed(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	in := func(name string) string { return filepath.Join(dir, name) }
	nginxtest.OpenSSL(t, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
		"-keyout", in("root.key"), "-out", in("root.crt"), "-days", "365", "-subj", "/CN=KU-less root",
		"-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,digitalSignature,cRLSign")
	nginxtest.OpenSSL(t, "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
		"-keyout", in("leaf.key"), "-out", in("leaf.csr"), "-subj", "/CN=leaf")
	must(t, writeFile(in("leaf.ext"), "basicConstraints=CA:FALSE\nextendedKeyUsage=clientAuth\nkeyUsage=critical,digitalSignature\n"))
	nginxtest.OpenSSL(t, "x509", "-req", "-in", in("leaf.csr"), "-CA", in("root.crt"), "-CAkey", in("root.key"),
		"-set_serial", "5", "-days", "365", "-extfile", in("leaf.ext"), "-out", in("leaf.pem"))
	must(t, catFiles(in("bundle.pem"), in("leaf.pem"), in("root.crt")))
	for _, files := range [][]string{
		{in("root.crt"), in("root.key"), in("leaf.pem"), in("leaf.key")},
		{in("bundle.pem"), in("root.key"), in("leaf.key")},
	} {
		set, err := certset.Load(files, certset.Options{})
		must(t, err)
		rep := Certs(set, CertOptions{SecLevel: 2, VerifyDepth: 1})
		var blamed *report.Finding
		for i, f := range rep.Findings {
			if f.ID.Name() == "not-a-ca" {
				if blamed != nil || f.Subject != "CN=KU-less root" {
					t.Fatalf("%v: not-a-ca about %s (%s)", files, f.Subject, f.Title)
				}
				blamed = &rep.Findings[i]
			}
		}
		if blamed == nil {
			t.Fatalf("%v: no not-a-ca finding: %+v", files, rep.Findings)
		}
		if strings.Contains(blamed.Title, "leaf.pem") || strings.Contains(blamed.Title, "CA:FALSE") {
			t.Errorf("%v: title %q reads as about the leaf", files, blamed.Title)
		}
		var regen string
		for _, line := range strings.Split(blamed.Fix, "\n") {
			l := strings.TrimSpace(line)
			if !strings.HasPrefix(l, "openssl ") && !strings.HasPrefix(l, "printf ") {
				continue
			}
			if strings.HasPrefix(l, "openssl req -x509") {
				regen = l
			}
			out, err := exec.Command("sh", "-c", l).CombinedOutput()
			if err != nil {
				t.Fatalf("%s: %v\n%s", l, err, out)
			}
		}
		if regen == "" || !strings.Contains(regen, in("root.key")) {
			t.Fatalf("%v: the fix does not make the root again with its key:\n%s", files, blamed.Fix)
		}
		newRoot := regexp.MustCompile(`-out (\S+)$`).FindStringSubmatch(regen)[1]
		if code, text := nginxtest.OpenSSLVerify(t, nginxtest.VerifyOpts{CAFile: newRoot, Cert: in("leaf.pem"), AuthLevel: 2, Depth: -1}); code != 0 {
			t.Errorf("%v: the leaf does not verify under the new root: %d %s", files, code, text)
		}
	}
}

// TestClientPlace: the files where a client's certificate goes are
// PKCS#12 files and files named for a client, but not the CA files nginx
// setups name for their clients.
func TestClientPlace(t *testing.T) {
	t.Parallel()
	for name, want := range map[string]bool{
		"client.crt": true, "client-alice.pem": true, "alice-client.cer": true, "clients/bob.crt": false,
		"client-ca.pem": false, "clientCA.crt": false, "client_cas.pem": false, "client-chain.pem": false,
		"client-root.crt": false, "client-bundle.pem": false, "trusted-client.pem": false, "ca.crt": false,
	} {
		s := &certState{c: &certset.Cert{Sources: []certset.Source{{File: name, Encoding: certset.EncodingPEM}}}}
		if got := (&run{}).clientPlace(s) != ""; got != want {
			t.Errorf("%s: client place %v, want %v", name, got, want)
		}
	}
	p12 := &certState{c: &certset.Cert{Sources: []certset.Source{{File: "ca.p12", Encoding: certset.EncodingPKCS12}}}}
	if (&run{}).clientPlace(p12) != "ca.p12" {
		t.Errorf("a PKCS#12 file is where a client's certificate goes")
	}
	// A CA beside the client's own certificate in a client's file is its
	// chain: what the client presents is the other one.
	int1 := &certState{role: RoleIntermediate, c: &certset.Cert{Sources: []certset.Source{{File: "client.crt", Encoding: certset.EncodingPEM}}}}
	leaf := &certState{role: RoleClient, c: &certset.Cert{Sources: []certset.Source{{File: "client.crt", Encoding: certset.EncodingPEM}}}}
	r := &run{leafFiles: holdingLeaves([]*certState{int1, leaf})}
	if r.clientPlace(int1) != "" || r.clientPlace(leaf) != "client.crt" {
		t.Errorf("a client's chain: intermediate placed %q, leaf %q", r.clientPlace(int1), r.clientPlace(leaf))
	}
}
