package checks

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/catalogue"
	"github.com/mtlsdoctor/mtlsdoctor/certset"
	"github.com/mtlsdoctor/mtlsdoctor/internal/nginxtest"
	"github.com/mtlsdoctor/mtlsdoctor/report"
)

// presented is one certificate a client sends to the real nginx: the
// file mtlsdoctor judged it from, and the PEM files curl presents.
type presented struct {
	file      string // as in the report's files
	cert, key string // key "" when cert holds the key too
	want      string // the verdict the issue fixes, "" when only nginx decides
}

// checkAgainstNginx judges dir (with o) and presents every case to a real
// nginx that trusts caFile: the row of each case must have a verdict, and
// it must be what nginx logs.
func checkAgainstNginx(t *testing.T, dir string, o CertOptions, caFile string, cases []presented) *report.Report {
	t.Helper()
	set, err := certset.Load([]string{dir}, certset.Options{Passphrases: []string{"secret"}})
	if err != nil {
		t.Fatal(err)
	}
	rep := Certs(set, o)
	srv := nginxtest.Start(t, nginxtest.NewConfig(caFile))
	for _, c := range cases {
		row := rowOf(rep, c.file)
		if row == nil {
			t.Fatalf("%s: no row; rows %+v", c.file, rep.Certificates)
		}
		v := srv.Present(t, c.cert, c.key)
		t.Logf("%s (role %s): nginx %s, predicted %s", filepath.Base(c.file), row.Role, v.Result, row.NginxVerdict)
		if row.NginxVerdict != v.Result {
			t.Errorf("%s (role %s): predicted %q, nginx logged %q\n  log: %s", c.file, row.Role, row.NginxVerdict, v.Result, v.LogLine)
		}
		if c.want != "" && v.Result != c.want {
			t.Errorf("%s: nginx logged %q; the case is built to give %q", c.file, v.Result, c.want)
		}
	}
	return rep
}

func rowOf(rep *report.Report, file string) *report.Certificate {
	for i, row := range rep.Certificates {
		for _, f := range row.Files {
			if f == file {
				return &rep.Certificates[i]
			}
		}
	}
	return nil
}

// p12PEM is the certificate and key of a PKCS#12 file as one PEM file,
// for curl.
func p12PEM(t *testing.T, p12 string) string {
	out := p12 + ".pem"
	nginxtest.OpenSSL(t, "pkcs12", "-in", p12, "-nodes", "-passin", "pass:secret", "-out", out)
	return out
}

// TestGuideV1SameSubjectClientNginx: the guides' v1 client with its CA's
// subject, next to its CA and the CA's key, as a PEM pair and as a
// PKCS#12 file, with and without --ca: a client, never hidden as a CA,
// with the verdict a real nginx logs (18).
func TestGuideV1SameSubjectClientNginx(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	in := func(name string) string { return filepath.Join(dir, name) }
	subj := "/C=US/ST=State/L=City/O=Example/CN=Example CA"
	nginxtest.GuideCA(t, dir, subj)
	nginxtest.GuideCert(t, dir, "client", subj, "01")
	// The .p12 holds another certificate of the same kind, so that the
	// two rows do not merge into one.
	nginxtest.GuideCert(t, dir, "phone", subj, "02")
	nginxtest.OpenSSL(t, "pkcs12", "-export", "-in", in("phone.crt"), "-inkey", in("phone.key"), "-out", in("phone.p12"), "-passout", "pass:secret")
	nginxtest.OpenSSL(t, "x509", "-in", in("phone.crt"), "-out", in("phone.der"), "-outform", "DER")
	for _, f := range []string{"phone.crt", "phone.key", "phone.der"} {
		must(t, removeFile(in(f)))
	}
	want := Verdict(18)
	cases := []presented{
		{file: in("client.crt"), cert: in("client.crt"), key: in("client.key"), want: want},
		{file: in("phone.p12"), cert: p12PEM(t, in("phone.p12")), want: want},
	}
	for _, withCA := range []bool{false, true} {
		o := CertOptions{SecLevel: 2, VerifyDepth: 1, At: time.Now()}
		if withCA {
			o.CA, o.CAFile = loadCertsFile(t, in("ca.crt")), in("ca.crt")
		}
		rep := checkAgainstNginx(t, dir, o, in("ca.crt"), cases)
		for _, c := range cases {
			if row := rowOf(rep, c.file); row.Role != RoleClient {
				t.Errorf("--ca %v: %s has role %s, want client", withCA, c.file, row.Role)
			}
		}
		if rep.Summary.Errors == 0 {
			t.Errorf("--ca %v: no error for two clients nginx rejects", withCA)
		}
	}
}

// TestCASentAsClientNginx: CA certificates that a client sends as its
// own. An intermediate with keyUsage keyCertSign (26), a root with the
// same keyUsage in a PKCS#12 file (26), and the guides' root without
// keyUsage in a PKCS#12 file: each gets the verdict a real nginx logs.
func TestCASentAsClientNginx(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	in := func(name string) string { return filepath.Join(dir, name) }
	nginxtest.OpenSSL(t, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
		"-keyout", in("root.key"), "-out", in("root.crt"), "-days", "365", "-subj", "/CN=KU root",
		"-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign")
	nginxtest.OpenSSL(t, "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
		"-keyout", in("int.key"), "-out", in("int.csr"), "-subj", "/CN=KU intermediate")
	must(t, writeFile(in("int.ext"), "basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n"))
	nginxtest.OpenSSL(t, "x509", "-req", "-in", in("int.csr"), "-CA", in("root.crt"), "-CAkey", in("root.key"),
		"-set_serial", "7", "-days", "365", "-extfile", in("int.ext"), "-out", in("int.crt"))
	nginxtest.OpenSSL(t, "pkcs12", "-export", "-in", in("root.crt"), "-inkey", in("root.key"), "-out", in("root.p12"), "-passout", "pass:secret")
	guide := filepath.Join(dir, "guide")
	must(t, mkdir(guide))
	nginxtest.GuideCA(t, guide, "/CN=guide CA")
	nginxtest.OpenSSL(t, "pkcs12", "-export", "-in", filepath.Join(guide, "ca.crt"), "-inkey", filepath.Join(guide, "ca.key"),
		"-out", in("guide-ca.p12"), "-passout", "pass:secret")
	must(t, removeFile(filepath.Join(guide, "ca.key")))

	other := filepath.Join(dir, "other")
	must(t, mkdir(other))
	nginxtest.GuideCA(t, other, "/CN=other CA")
	caFile := filepath.Join(t.TempDir(), "trusted.pem")
	must(t, catFiles(caFile, in("root.crt"), filepath.Join(guide, "ca.crt"), filepath.Join(other, "ca.crt")))
	o := CertOptions{SecLevel: 2, VerifyDepth: 1, At: time.Now()}
	rep := checkAgainstNginx(t, dir, o, caFile, []presented{
		{file: in("int.crt"), cert: in("int.crt"), key: in("int.key"), want: Verdict(26)},
		{file: in("root.p12"), cert: p12PEM(t, in("root.p12")), want: Verdict(26)},
		{file: in("guide-ca.p12"), cert: p12PEM(t, in("guide-ca.p12"))},
	})
	// Where a client's certificate goes, a CA that nginx rejects is an
	// error about that file; elsewhere its verdict is only information.
	if f := findingAbout(rep, "wrong-purpose", "root.p12"); f == nil || f.Severity != "error" || f.Code != 26 {
		t.Errorf("root.p12: finding %+v, want the error wrong-purpose with code 26", f)
	}
	for _, f := range rep.Findings {
		if base := filepath.Base(f.File); (base == "guide-ca.p12" || base == "int.crt") && f.ID != catalogue.StrictChecks {
			t.Errorf("%s: finding %s %q; nginx accepts it, or nothing says a client sends it", base, f.ID.Name(), f.Title)
		}
	}
	// The guides' root has no keyUsage: nginx takes it, strict verifiers
	// (Python 3.13 and later) do not, and that is a warning, not a verdict.
	if f := findingAbout(rep, "strict-checks", "guide-ca.p12"); f == nil || f.Severity != "warning" {
		t.Errorf("guide-ca.p12: finding %+v, want the warning strict-checks", f)
	}
	if row := rowOf(rep, filepath.Join(other, "ca.crt")); row == nil || row.NginxVerdict != "" {
		t.Errorf("a trust anchor in no client's place has a verdict: %+v", row)
	}
}

func removeFile(p string) error { return os.Remove(p) }

func mkdir(p string) error { return os.Mkdir(p, 0o755) }

func writeFile(p, s string) error { return os.WriteFile(p, []byte(s), 0o600) }

func catFiles(out string, files ...string) error {
	var all []byte
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		all = append(all, b...)
	}
	return os.WriteFile(out, all, 0o600)
}
