package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/internal/nginxtest"
)

// TestDoctorGuideMistakes: the classic mistakes, made with the guides'
// own openssl commands, real curl traffic at error_log info and at the
// default level, then doctor given the refused certificate. Its first
// finding names the cause (the certificate, not the symptom), nothing
// else repeats it, and the printed fix, run as printed in the guide's
// directory, makes the next run exit 0.
func TestDoctorGuideMistakes(t *testing.T) {
	for _, c := range []struct {
		name     string
		make     func(t *testing.T, dir string) // makes client.crt/client.key
		level    string
		verdict  string // nginx's verdict before the fix (predicted)
		reason   string // what nginx logs of it, at any level
		firstID  string
		fixFirst bool // the first finding's fix, run as printed, fixes it
	}{
		{"sha1-client", func(t *testing.T, dir string) {
			guideClient(t, dir, "-sha1", "-days", "365")
		}, "info", "FAILED:68:", "too weak", "weak-signature", true},
		{"expired-client", func(t *testing.T, dir string) {
			guideClient(t, dir, "-days", "-1")
		}, "error", "FAILED:10:", "certificate has expired", "expired", true},
		{"foreign-client", func(t *testing.T, dir string) {
			other := filepath.Join(dir, "other")
			nginxtest.OpenSSL(t, "genrsa", "-out", filepath.Join(dir, "other.key"), "2048")
			nginxtest.OpenSSL(t, "req", "-new", "-x509", "-days", "365", "-key", filepath.Join(dir, "other.key"), "-out", other+".crt", "-subj", "/CN=Other CA")
			nginxtest.OpenSSL(t, "genrsa", "-out", filepath.Join(dir, "client.key"), "2048")
			nginxtest.OpenSSL(t, "req", "-new", "-key", filepath.Join(dir, "client.key"), "-out", filepath.Join(dir, "client.csr"), "-subj", "/CN=client1")
			nginxtest.OpenSSL(t, "x509", "-req", "-days", "365", "-in", filepath.Join(dir, "client.csr"), "-CA", other+".crt", "-CAkey", filepath.Join(dir, "other.key"),
				"-set_serial", "02", "-out", filepath.Join(dir, "client.crt"))
		}, "info", "FAILED:21:", "unable to verify the first certificate", "untrusted", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			in := func(name string) string { return filepath.Join(dir, name) }
			nginxtest.GuideCA(t, dir, "/O=Example/CN=Example CA")
			c.make(t, dir)
			srv := nginxtest.Start(t, nginxtest.Config{ClientCA: in("ca.crt"), VerifyClient: "on", VerifyDepth: -1, SecLevel: -1,
				LogLevel: c.level, Extra: "ssl_protocols TLSv1.2 TLSv1.3;"})
			if v := srv.Present(t, in("client.crt"), in("client.key")); !strings.Contains(v.Result, c.reason) {
				t.Fatalf("nginx verdict %+v, want %s", v, c.reason)
			}
			args := []string{"doctor", "--format", "json", "--cert", in("client.crt"), "--key", in("client.key"), srv.Conf}
			code, out, errs := runCLI(t, args...)
			doc := parseDoctor(t, out)
			if code != 1 || errs != "" || len(doc.Findings) == 0 {
				t.Fatalf("exit %d (want 1), stderr %q\n%s", code, errs, out)
			}
			first := doc.Findings[0]
			if first.ID != c.firstID || first.Section != "certs" || first.Severity != "error" || !strings.Contains(first.Title, "client.crt") {
				t.Errorf("first finding %s/%s/%s %q, want %s on client.crt\n%s", first.Section, first.ID, first.Severity, first.Title, c.firstID, out)
			}
			if len(doc.Servers) != 1 || !strings.HasPrefix(doc.Servers[0].ClientCertVerdict, c.verdict) {
				t.Errorf("servers %+v, want the predicted verdict %s", doc.Servers, c.verdict)
			}
			for _, f := range doc.Findings {
				// The symptoms of the same cause are its evidence.
				if f.ID == "client-cert-rejected" || f.ID == "prediction-differs" || (f.ID == "verify-error" && !f.Resolved) {
					t.Errorf("%s/%s repeats the cause: %q", f.Section, f.ID, f.Title)
				}
			}
			if !c.fixFirst {
				return
			}
			time.Sleep(1100 * time.Millisecond) // as a person would: the new certificate is issued after the refusals
			runFix(t, dir, first.Fix)
			code, out, _ = runCLI(t, args...)
			if doc := parseDoctor(t, out); code != 0 || len(doc.Servers) != 1 || doc.Servers[0].ClientCertVerdict != "SUCCESS" {
				t.Errorf("after the fix: exit %d, want 0 with the client predicted SUCCESS\n%s", code, out)
			}
		})
	}
}

// guideClient makes dir/client.key and client.crt the guides' way,
// signed by dir/ca.crt, with extra options for `x509 -req`.
func guideClient(t *testing.T, dir string, x509Opts ...string) {
	t.Helper()
	in := func(name string) string { return filepath.Join(dir, name) }
	nginxtest.OpenSSL(t, "genrsa", "-out", in("client.key"), "2048")
	nginxtest.OpenSSL(t, "req", "-new", "-key", in("client.key"), "-out", in("client.csr"), "-subj", "/O=Example/CN=client1")
	args := append([]string{"x509", "-req", "-in", in("client.csr"), "-CA", in("ca.crt"), "-CAkey", in("ca.key"), "-set_serial", "02", "-out", in("client.crt")}, x509Opts...)
	nginxtest.OpenSSL(t, args...)
}

// TestDoctorChainDeeperThanDepth: a client under two intermediates sends
// its chain to a block whose ssl_verify_depth is 1. nginx refuses it;
// doctor predicts what nginx logs, and its first finding names the
// directive and the depth the chain needs, not an unknown issuer.
func TestDoctorChainDeeperThanDepth(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	in := func(name string) string { return filepath.Join(dir, name) }
	nginxtest.GuideCA(t, dir, "/O=Example/CN=Example Root CA")
	writeFile(t, in("int.ext"), "basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n")
	signer := "ca"
	for _, name := range []string{"int1", "int2"} {
		nginxtest.OpenSSL(t, "genrsa", "-out", in(name+".key"), "2048")
		nginxtest.OpenSSL(t, "req", "-new", "-key", in(name+".key"), "-out", in(name+".csr"), "-subj", "/O=Example/CN=Example "+name)
		nginxtest.OpenSSL(t, "x509", "-req", "-days", "365", "-sha256", "-in", in(name+".csr"), "-CA", in(signer+".crt"), "-CAkey", in(signer+".key"),
			"-set_serial", "1"+name[3:], "-extfile", in("int.ext"), "-out", in(name+".crt"))
		signer = name
	}
	nginxtest.OpenSSL(t, "genrsa", "-out", in("client.key"), "2048")
	nginxtest.OpenSSL(t, "req", "-new", "-key", in("client.key"), "-out", in("client.csr"), "-subj", "/O=Example/CN=client1")
	nginxtest.OpenSSL(t, "x509", "-req", "-days", "365", "-sha256", "-in", in("client.csr"), "-CA", in("int2.crt"), "-CAkey", in("int2.key"),
		"-set_serial", "20", "-out", in("client-only.crt"))
	writeFile(t, in("client.crt"), readFile(t, in("client-only.crt"))+readFile(t, in("int2.crt"))+readFile(t, in("int1.crt")))
	srv := nginxtest.Start(t, nginxtest.Config{ClientCA: in("ca.crt"), VerifyClient: "on", VerifyDepth: 1, SecLevel: -1,
		Extra: "ssl_protocols TLSv1.2 TLSv1.3;"})
	// OpenSSL stops building the chain at the depth, then finds no
	// issuer in the trust store for the certificate it stopped at: nginx
	// logs 20, not 22 (certificate chain too long).
	v := srv.Present(t, in("client.crt"), in("client.key"))
	if !strings.HasPrefix(v.Result, "FAILED:20:") {
		t.Fatalf("nginx verdict %+v, want FAILED:20", v)
	}
	code, out, _ := runCLI(t, "doctor", "--format", "json", "--cert", in("client.crt"), "--key", in("client.key"), srv.Conf)
	doc := parseDoctor(t, out)
	if code != 1 || len(doc.Findings) == 0 {
		t.Fatalf("exit %d, want 1\n%s", code, out)
	}
	first := doc.Findings[0]
	if (first.ID != "verify-depth-too-small" && first.ID != "chain-too-deep") || !strings.Contains(first.Fix, "ssl_verify_depth 2") {
		t.Errorf("first finding %s/%s %q, fix %q: want the depth, with ssl_verify_depth 2\n%s", first.Section, first.ID, first.Title, first.Fix, out)
	}
	if len(doc.Servers) != 1 || doc.Servers[0].ClientCertVerdict != v.Result {
		t.Errorf("servers %+v, want the predicted verdict %s as nginx", doc.Servers, v.Result)
	}
	for _, f := range doc.Findings {
		if f.ID == "client-cert-rejected" || f.ID == "prediction-differs" || (f.ID == "verify-error" && !f.Resolved) {
			t.Errorf("%s/%s repeats the cause: %q\n%s", f.Section, f.ID, f.Title, out)
		}
	}
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// runFix runs the command lines of a printed fix (those indented two
// spaces) as printed, in dir, the directory the guide worked in.
func runFix(t *testing.T, dir, fix string) {
	t.Helper()
	runGuideFix(t, dir, fix, "")
}
