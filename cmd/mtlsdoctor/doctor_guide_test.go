package main

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/internal/nginxtest"
)

// TestDoctorGuideV1Client: the client certificate of the common guides,
// made with their own commands (genrsa, req -x509 for the CA, a CSR with
// the CA's subject, x509 -req -set_serial 01: an X.509 v1 certificate with
// no extensions). nginx takes it for self-signed and logs 18; doctor,
// given the certificate, names that cause first, before the probe's 495
// confirms it, and predicts nginx's verdict for the block.
func TestDoctorGuideV1Client(t *testing.T) {
	t.Parallel()
	dir, srv := guideSameSubject(t)
	in := func(name string) string { return filepath.Join(dir, name) }
	if v := srv.Present(t, in("client.crt"), in("client.key")); !strings.HasPrefix(v.Result, "FAILED:18:") {
		t.Fatalf("nginx verdict %+v, want FAILED:18", v)
	}

	code, out, errs := runCLI(t, "doctor", "--no-logs", "--format", "json", "--cert", in("client.crt"), "--key", in("client.key"), srv.Conf)
	if code != 1 || errs != "" {
		t.Fatalf("exit %d (want 1), stderr %q\n%s", code, errs, out)
	}
	doc := parseDoctor(t, out)
	if len(doc.Findings) == 0 {
		t.Fatalf("no findings:\n%s", out)
	}
	for _, f := range doc.Findings {
		if f.ID == "client-cert-rejected" {
			t.Errorf("the probe's refusal is a finding of its own, not evidence of the cause: %q", f.Title)
		}
	}
	first := doc.Findings[0]
	if first.ID != "self-issued-leaf" || first.Severity != "error" || first.Section != "certs" || !strings.Contains(first.Title, "client.crt") ||
		!strings.Contains(first.Explanation, "The probe confirms it") {
		t.Errorf("first finding %s/%s %q, want the client's self-issued-leaf error\n%s", first.Section, first.ID, first.Title, out)
	}
	if len(doc.Servers) != 1 || !strings.HasPrefix(doc.Servers[0].ClientCertVerdict, "FAILED:18:") {
		t.Errorf("servers %+v, want the predicted verdict FAILED:18", doc.Servers)
	}
	for _, f := range doc.Findings {
		if f.ID == "prediction-differs" {
			t.Errorf("the probe disagrees with the prediction: %s", f.Title)
		}
	}
	if len(doc.Targets) != 1 || doc.Targets[0].WithClientCert == nil || doc.Targets[0].WithClientCert.Outcome != "rejected-by-http" {
		t.Errorf("targets %+v, want the client refused over HTTP (495)", doc.Targets)
	}

	// The fix, run as printed (its command lines, in the directory the
	// guide worked in), makes the next run exit 0.
	runFix(t, dir, first.Fix)
	code, out, _ = runCLI(t, "doctor", "--no-logs", "--format", "json", "--cert", in("client.crt"), "--key", in("client.key"), srv.Conf)
	if doc := parseDoctor(t, out); code != 0 || len(doc.Servers) != 1 || doc.Servers[0].ClientCertVerdict != "SUCCESS" {
		t.Errorf("after the fix: exit %d, want 0 with the client predicted SUCCESS\n%s", code, out)
	}
}

// TestDoctorGuideCorrect: the guides' setup done right (their own openssl
// commands: X.509 v1 certificates, the server's name only in its CN, a
// client with a subject of its own) works with curl, so doctor exits 0:
// the CN-only server certificate is worth warnings (Go and browsers want
// a subjectAltName), not an error.
func TestDoctorGuideCorrect(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	in := func(name string) string { return filepath.Join(dir, name) }
	nginxtest.GuideCA(t, dir, "/O=Example/CN=Example CA")
	nginxtest.GuideCert(t, dir, "server", "/O=Example/CN=localhost", "01")
	nginxtest.GuideCert(t, dir, "client", "/O=Example/CN=client1", "02")
	srv := nginxtest.Start(t, nginxtest.Config{ClientCA: in("ca.crt"), VerifyClient: "on", VerifyDepth: -1, SecLevel: -1,
		ServerCert: in("server.crt"), ServerKey: in("server.key"), Extra: "ssl_protocols TLSv1.2 TLSv1.3;"})
	if v := srv.Present(t, in("client.crt"), in("client.key")); v.Result != "SUCCESS" {
		t.Fatalf("nginx verdict %+v, want SUCCESS", v)
	}
	code, out, errs := runCLI(t, "doctor", "--no-logs", "--format", "json", "--cert", in("client.crt"), "--key", in("client.key"), srv.Conf)
	doc := parseDoctor(t, out)
	if code != 0 || errs != "" || doc.Summary.Errors != 0 {
		t.Errorf("exit %d, %d errors (want 0), stderr %q\n%s", code, doc.Summary.Errors, errs, out)
	}
	if len(doc.Servers) != 1 || doc.Servers[0].ClientCertVerdict != "SUCCESS" {
		t.Errorf("servers %+v, want the client predicted SUCCESS", doc.Servers)
	}
	// One cause (the name only in the CN), one finding: missing-san, with
	// the probe's view as its evidence.
	var san, probed int
	for _, f := range doc.Findings {
		switch f.ID {
		case "missing-san":
			san++
		case "server-hostname-mismatch", "hostname-mismatch":
			probed++
		}
	}
	if san != 1 || probed != 0 {
		t.Errorf("%d missing-san and %d hostname findings, want one missing-san only\n%s", san, probed, out)
	}
}

// TestDoctorReissuedClient: real clients were refused (the guide's v1
// client with the CA's subject, 495 in the access log and code 18 in the
// error log); the operator reissues the client with the printed fix and
// does not reload nginx (nothing on the server changed). The next doctor
// run with the new certificate sees the probe accepted and no refusal
// since the certificate was issued: it exits 0, and the old groups are
// notes marked resolved that do not lead.
func TestDoctorReissuedClient(t *testing.T) {
	t.Parallel()
	dir, srv := guideSameSubject(t)
	in := func(name string) string { return filepath.Join(dir, name) }
	for range 3 {
		if v := srv.Present(t, in("client.crt"), in("client.key")); !strings.HasPrefix(v.Result, "FAILED:18:") {
			t.Fatalf("nginx verdict %+v, want FAILED:18", v)
		}
	}
	args := []string{"doctor", "--format", "json", "--cert", in("client.crt"), "--key", in("client.key"), srv.Conf}
	code, out, _ := runCLI(t, args...)
	doc := parseDoctor(t, out)
	if code != 1 || len(doc.Findings) == 0 || doc.Findings[0].ID != "self-issued-leaf" {
		t.Fatalf("before the fix: exit %d, want 1 led by self-issued-leaf\n%s", code, out)
	}
	// One cause, one finding: the log's three refusals with code 18 are
	// the evidence of the certs finding, not a group of their own.
	if first := doc.Findings[0]; first.Count != 3 || !strings.Contains(first.Explanation, "nginx's log shows the same refusal 3 times") {
		t.Errorf("the first finding does not cite the log's 3 refusals: count %d, %q", first.Count, first.Explanation)
	}
	for _, f := range doc.Findings {
		if f.Section == "logs" && f.ID == "verify-error" {
			t.Errorf("the given certificate's refusals are a log group of their own too: %q", f.Title)
		}
	}
	for _, f := range doc.Findings {
		// The log findings' commands name the probed address and the
		// given files, not the catalogue's stand-ins.
		if f.Section == "logs" && (reStandInHost.MatchString(f.Fix) || strings.Contains(f.Fix, " client.key")) {
			t.Errorf("%s: stand-ins in the fix:\n%s", f.ID, f.Fix)
		}
	}

	time.Sleep(1100 * time.Millisecond) // log times and notBefore have whole seconds
	runFix(t, dir, doc.Findings[0].Fix)
	code, out, _ = runCLI(t, args...)
	doc = parseDoctor(t, out)
	resolved := 0
	for _, f := range doc.Findings {
		if f.Section == "logs" && (f.ID == "verify-error" || f.ID == "status-495") {
			if !f.Resolved || f.Severity != "info" || !strings.Contains(f.Title, "client.crt was issued") {
				t.Errorf("after the fix, %s %s %q is not a resolved note", f.ID, f.Severity, f.Title)
			}
			resolved++
		}
	}
	if code != 0 || resolved == 0 || doc.Summary.Errors != 0 {
		t.Errorf("after the fix: exit %d (want 0), %d groups resolved (want the old refusals)\n%s", code, resolved, out)
	}
	// 495 as a number of its own: the temporary directory's random digits
	// may hold it too.
	if regexp.MustCompile(`(^|[^0-9])495([^0-9]|$)`).MatchString(doc.Next) || strings.Contains(doc.Next, "self-signed") {
		t.Errorf("next points at the resolved refusals: %q", doc.Next)
	}

	// A client still refused after the reissue keeps the groups open.
	nginxtest.GuideCert(t, dir, "other", guideCASubject, "03")
	if v := srv.Present(t, in("other.crt"), in("other.key")); !strings.HasPrefix(v.Result, "FAILED:18:") {
		t.Fatalf("nginx verdict %+v, want FAILED:18", v)
	}
	if code, out, _ = runCLI(t, args...); code != 1 {
		t.Errorf("with a refusal after the reissue: exit %d, want 1\n%s", code, out)
	}
}

// guideCASubject is the CA's subject in the guides, which their client
// reuses.
const guideCASubject = "/C=US/ST=State/L=City/O=Example/CN=Example CA"

// guideSameSubject makes the guides' CA and their v1 client with the CA's
// subject (dir/ca.crt, dir/client.crt and .key), and starts nginx
// requiring client certificates from that CA.
func guideSameSubject(t *testing.T) (string, *nginxtest.Server) {
	t.Helper()
	dir := t.TempDir()
	nginxtest.GuideCA(t, dir, guideCASubject)
	nginxtest.GuideCert(t, dir, "client", guideCASubject, "01")
	srv := nginxtest.Start(t, nginxtest.Config{ClientCA: filepath.Join(dir, "ca.crt"), VerifyClient: "on", VerifyDepth: -1, SecLevel: -1,
		Extra: "ssl_protocols TLSv1.2 TLSv1.3;"})
	return dir, srv
}

// reStandInHost is the catalogue's stand-in server, host:443, as a word
// of its own: not inside localhost:44311, a real address whose port
// starts with 443.
var reStandInHost = regexp.MustCompile(`(?:^|[^A-Za-z0-9.-])host:443\b`)
