package main

import (
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/doctor"
	"github.com/mtlsdoctor/mtlsdoctor/internal/nginxtest"
)

// doctorDoc is the part of doctor's JSON the tests look at.
type doctorDoc struct {
	Command    string
	Incomplete []string
	Findings   []struct {
		ID, Severity, Section, Server, File, Title, Explanation, Fix string
		Line                                                         int
		Code, Count                                                  int
		OpenSSLError                                                 string `json:"openssl_error"`
		Resolved                                                     bool
	}
	Summary struct{ Errors, Warnings, Infos int }
	Servers []struct {
		Server, File, Listen string
		Line                 int
		VerifyClient         string `json:"verify_client"`
		VerifyDepth          int    `json:"verify_depth"`
		ClientCertificate    string `json:"client_certificate"`
		ErrorLog             string `json:"error_log"`
		AccessLog            string `json:"access_log"`
		ClientCertVerdict    string `json:"client_cert_verdict"`
	}
	// Targets are the probe results (probe_targets), in the shape of
	// probe's targets.
	Targets []struct {
		Target, Address     string
		ClientCertRequested bool                      `json:"client_cert_requested"`
		WithClientCert      *struct{ Outcome string } `json:"with_client_cert"`
		WithoutClientCert   *struct{ Outcome string } `json:"without_client_cert"`
		Findings            []struct{ ID, Target string }
	} `json:"probe_targets"`
	Next string
}

func fixture(t *testing.T, name string) string {
	t.Helper()
	p, err := filepath.Abs(filepath.Join("../../testdata/certs", name))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func parseDoctor(t *testing.T, out string) doctorDoc {
	t.Helper()
	var doc doctorDoc
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	return doc
}

// TestDoctorLiveNginx points doctor at the configuration of a real,
// running nginx: the configuration and its files are checked, the listen
// address is probed with a client certificate, and the error log the
// configuration names is read; every section has findings, each finding
// names its section and server block, and the exit status is 1.
func TestDoctorLiveNginx(t *testing.T) {
	if err := fixtureKeyModes(); err != nil {
		t.Fatal(err)
	}
	t.Parallel()
	// The client CA file holds the weak root and an intermediate signed
	// with SHA-1: nginx loads it, and rejects every client under the
	// intermediate with 68 (CA signature digest algorithm too weak).
	dir := t.TempDir()
	caFile := filepath.Join(dir, "client-ca.pem")
	var ca []byte
	for _, f := range []string{"weak/ca.crt", "weak/int-sha1.crt"} {
		b, err := os.ReadFile(fixture(t, f))
		if err != nil {
			t.Fatal(err)
		}
		ca = append(ca, b...)
	}
	if err := os.WriteFile(caFile, ca, 0o600); err != nil {
		t.Fatal(err)
	}
	srv := nginxtest.Start(t, nginxtest.Config{
		ClientCA: caFile, VerifyClient: "on", VerifyDepth: -1, SecLevel: -1,
		Extra: "ssl_protocols TLSv1.2 TLSv1.3;",
	})
	clientCrt, clientKey := fixture(t, "weak/client-via-int-sha1.crt"), fixture(t, "weak/client-via-int-sha1.key")
	// A client was refused before doctor runs: the error log says why.
	if v := srv.Present(t, clientCrt, clientKey); !strings.HasPrefix(v.Result, "FAILED:68:") {
		t.Fatalf("nginx verdict %+v, want FAILED:68", v)
	}

	code, out, errs := runCLI(t, "doctor", "--format", "json", "--cert", clientCrt, "--key", clientKey, srv.Conf)
	if code != 1 || errs != "" {
		t.Fatalf("exit %d (want 1), stderr %q\n%s", code, errs, out)
	}
	doc := parseDoctor(t, out)
	if doc.Command != "doctor" {
		t.Errorf("command %q", doc.Command)
	}
	label := "localhost " + srv.Addr + " ssl"
	if len(doc.Servers) != 1 || doc.Servers[0].Server != label || doc.Servers[0].File != srv.Conf ||
		doc.Servers[0].VerifyClient != "on" || doc.Servers[0].ErrorLog != srv.ErrorLog || doc.Servers[0].AccessLog != srv.AccessLog ||
		doc.Servers[0].ClientCertificate != caFile || doc.Servers[0].Listen != srv.Addr+" ssl" {
		t.Errorf("servers %+v, want one entry for %s", doc.Servers, label)
	}
	// The given certificate is judged as the block would: nginx's verdict.
	if len(doc.Servers) == 1 && !strings.HasPrefix(doc.Servers[0].ClientCertVerdict, "FAILED:68:") {
		t.Errorf("client_cert_verdict %q, want FAILED:68 as nginx logged", doc.Servers[0].ClientCertVerdict)
	}
	// The probe's own results are in the document, with their findings.
	if len(doc.Targets) != 1 {
		t.Fatalf("targets %+v, want the one probed address", doc.Targets)
	}
	if tg := doc.Targets[0]; tg.Address != srv.Addr || !tg.ClientCertRequested || tg.WithClientCert == nil ||
		tg.WithClientCert.Outcome != "rejected-by-http" || tg.WithoutClientCert == nil || len(tg.Findings) == 0 {
		t.Errorf("target %+v, want %s asking for a certificate and refusing the client's", tg, srv.Addr)
	} else {
		for _, f := range tg.Findings {
			if f.Target != tg.Target {
				t.Errorf("target finding %s names target %q, want %q", f.ID, f.Target, tg.Target)
			}
		}
	}
	sections := map[string][]string{}
	for _, f := range doc.Findings {
		sections[f.Section] = append(sections[f.Section], f.ID+":"+f.Severity)
		if f.Section == "" {
			t.Errorf("finding %s has no section", f.ID)
		}
		if f.Section != "logs" && f.Server != label {
			t.Errorf("finding %s/%s: server %q, want %q", f.Section, f.ID, f.Server, label)
		}
	}
	has := func(section, idSev string) {
		t.Helper()
		for _, v := range sections[section] {
			if v == idSev {
				return
			}
		}
		t.Errorf("section %s lacks %s: %v", section, idSev, sections)
	}
	// nginx: the upstream-less block is fine, TLS 1.3 is listed; the
	// throwaway server certificate (7 days) is the certs finding.
	has("certs", "expires-soon:warning")
	has("certs", "weak-signature:error") // the SHA-1 intermediate in the CA file: the root cause
	has("probe", "client-cert-required:info")
	has("probe", "client-cert-rejected:error")
	has("logs", "verify-error:error")
	if len(sections["nginx"]) == 0 && len(sections["certs"]) == 0 {
		t.Errorf("no nginx/certs findings: %v", sections)
	}
	// The logs were read before the probe: only the refused client's
	// verify error is there, not the probe's own connections.
	for _, f := range doc.Findings {
		if f.Section == "logs" && f.ID == "verify-error" && (f.Code != 68 || !strings.Contains(f.OpenSSLError, "too weak")) {
			t.Errorf("verify-error %d %q, want only 68", f.Code, f.OpenSSLError)
		}
	}
	// Most important first: errors, and among them the cause (the weak CA
	// in the CA file) before its symptoms (probe, logs).
	if doc.Findings[0].Severity != "error" || doc.Findings[0].ID != "weak-signature" || doc.Findings[0].Section != "certs" {
		t.Errorf("first finding %s/%s, want the SHA-1 intermediate in the CA file", doc.Findings[0].Section, doc.Findings[0].ID)
	}
	if doc.Summary.Errors < 2 || !strings.HasPrefix(doc.Next, doc.Findings[0].Title) {
		t.Errorf("summary %+v, next %q", doc.Summary, doc.Next)
	}

	// A second run does not count the first run's probe connections
	// (their request path gives them away): still the one refused client.
	code, out, _ = runCLI(t, "doctor", "--format", "json", "--cert", clientCrt, "--key", clientKey, srv.Conf)
	n := 0
	for _, f := range parseDoctor(t, out).Findings {
		if f.Section == "logs" && f.ID == "verify-error" {
			n++
			if f.Code != 68 || f.Count != 1 {
				t.Errorf("second run: verify-error %d x%d, want 68 x1", f.Code, f.Count)
			}
		}
	}
	if code != 1 || n != 1 {
		t.Errorf("second run: exit %d, %d verify-error groups\n%s", code, n, out)
	}

	// Text: the header says what each section looked at.
	code, out, _ = runCLI(t, "doctor", "--cert", clientCrt, "--key", clientKey, srv.Conf)
	if code != 1 {
		t.Errorf("text: exit %d", code)
	}
	t.Log(out)
	for _, want := range []string{"nginx: " + srv.Conf, "probe: " + srv.Addr + " (SNI localhost): client cert asked", "logs: " + srv.ErrorLog + " (error log",
		"section: probe", "section: logs", "[client-cert-rejected]", "Next: "} {
		if !strings.Contains(out, want) {
			t.Errorf("text lacks %q:\n%s", want, out)
		}
	}
}

// TestDoctorNginxDown: a configuration whose nginx is not running is a
// connect-failed finding (exit 1 by the findings), not a failure to run.
func TestDoctorNginxDown(t *testing.T) {
	if err := fixtureKeyModes(); err != nil {
		t.Fatal(err)
	}
	t.Parallel()
	_, port, _ := strings.Cut(nginxtest.ClosedPort(t), ":")
	dir := t.TempDir()
	conf := `error_log ` + filepath.Join(dir, "error.log") + ` info;
events {}
http {
    access_log ` + filepath.Join(dir, "access.log") + `;
    ssl_protocols TLSv1.2 TLSv1.3;
    server {
        listen ` + port + ` ssl;
        server_name localhost;
        ssl_certificate     ` + fixture(t, "good/server.crt") + `;
        ssl_certificate_key ` + fixture(t, "good/server.key") + `;
        ssl_client_certificate ` + fixture(t, "good/ca.crt") + `;
        ssl_verify_client on;
        location / { return 200; }
    }
}
`
	path := filepath.Join(dir, "nginx.conf")
	if err := os.WriteFile(path, []byte(conf), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runCLI(t, "doctor", "--format", "json", "--timeout", "2s", path)
	if code != 1 || errs != "" {
		t.Fatalf("exit %d (want 1), stderr %q\n%s", code, errs, out)
	}
	doc := parseDoctor(t, out)
	for _, f := range doc.Findings {
		if f.ID == "client-cert-rejected" {
			t.Errorf("the probe's refusal is a finding of its own, not evidence of the cause: %q", f.Title)
		}
	}
	first := doc.Findings[0]
	if first.ID != "connect-failed" || first.Section != "probe" || first.Server != "localhost "+port+" ssl" {
		t.Errorf("first finding %+v, want connect-failed for the block", first)
	}
	notes := 0
	for _, f := range doc.Findings {
		if f.ID == "log-not-read" && f.Section == "logs" && f.Severity == "info" {
			notes++
		}
	}
	if notes != 2 {
		t.Errorf("want 2 log-not-read notes (missing error and access logs):\n%s", out)
	}
	if !strings.Contains(doc.Next, "cannot connect to 127.0.0.1:"+port) {
		t.Errorf("next %q", doc.Next)
	}
}

// TestDoctorFindConf: without NGINX_CONF doctor asks nginx -T; when that
// fails it reads the default main file (noting why), and when nothing can
// be read it exits 2 with one line and a hint. Not parallel: it points
// PATH and the default paths at stand-ins.
func TestDoctorFindConf(t *testing.T) {
	if err := fixtureKeyModes(); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	fake := filepath.Join(dir, "nginx")
	write := func(script string) {
		t.Helper()
		if err := os.WriteFile(fake, []byte("#!/bin/sh\n"+script), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("PATH", dir+string(os.PathListSeparator)+os.Getenv("PATH"))
	oldConf, oldBins := doctor.DefaultConf, doctor.NginxBinaries
	t.Cleanup(func() { doctor.DefaultConf, doctor.NginxBinaries = oldConf, oldBins })
	good, err := filepath.Abs("../../testdata/nginx/good.conf")
	if err != nil {
		t.Fatal(err)
	}

	// nginx -t refuses the configuration: an error finding, first, with
	// nginx's own words and where; the main file is read from disk.
	write(`echo 'nginx: [emerg] unknown directive "ssl_verify_clent" in /etc/nginx/sites-enabled/mtls:7' >&2
echo 'nginx: configuration file /etc/nginx/nginx.conf test failed' >&2
exit 1
`)
	doctor.DefaultConf = good
	code, out, errs := runCLI(t, "doctor", "--no-probe", "--no-logs", "--format", "json")
	doc := parseDoctor(t, out)
	if code != 1 || errs != "" || len(doc.Findings) == 0 {
		t.Fatalf("exit %d, stderr %q\n%s", code, errs, out)
	}
	f := doc.Findings[0]
	if f.ID != "nginx-t-failed" || f.Severity != "error" || f.Section != "nginx" || f.File != "/etc/nginx/sites-enabled/mtls" || f.Line != 7 ||
		!strings.Contains(f.Title, `unknown directive "ssl_verify_clent"`) {
		t.Errorf("first finding %+v", f)
	}
	if len(doc.Servers) != 1 || doc.Servers[0].File != good {
		t.Errorf("servers %+v, want good.conf's block", doc.Servers)
	}

	// Without root, nginx -T cannot read the keys: a warning, not an
	// error, and the diagnosis says it is incomplete.
	write(`echo 'nginx: [emerg] cannot load certificate key "/etc/ssl/private/server.key": BIO_new_file() failed (SSL: error:8000000D:system library::Permission denied)' >&2
exit 1
`)
	code, out, _ = runCLI(t, "doctor", "--no-probe", "--no-logs", "--format", "json")
	doc = parseDoctor(t, out)
	if code != 0 || len(doc.Findings) != 1 || doc.Findings[0].ID != "nginx-t-failed" || doc.Findings[0].Severity != "warning" ||
		len(doc.Incomplete) != 1 || !strings.Contains(doc.Next, "sudo mtlsdoctor doctor") {
		t.Errorf("permission denied: exit %d\n%s", code, out)
	}

	// Nothing readable: exit 2, one line naming both attempts, and a hint.
	doctor.DefaultConf = filepath.Join(dir, "missing.conf")
	code, out, errs = runCLI(t, "doctor", "--no-probe", "--no-logs")
	if code != 2 || out != "" || !strings.HasPrefix(errs, "mtlsdoctor doctor: no nginx configuration could be read (") ||
		!strings.Contains(errs, "missing.conf: no such file") || !strings.Contains(errs, "\nhint: name the main file") || strings.Count(errs, "\n") != 2 {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errs)
	}

	// No nginx at all.
	if err := os.Remove(fake); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir)
	doctor.NginxBinaries = nil
	code, _, errs = runCLI(t, "doctor", "--no-probe", "--no-logs")
	if code != 2 || !strings.Contains(errs, "nginx was not found on PATH") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
}

// TestDoctorPredictionDiffers: the configuration on disk names another
// CA than the one the running nginx loaded (it was not reloaded). doctor
// predicts a refusal from the file, the running server accepts the
// client, and doctor says they disagree instead of staying silent.
func TestDoctorPredictionDiffers(t *testing.T) {
	if err := fixtureKeyModes(); err != nil {
		t.Fatal(err)
	}
	t.Parallel()
	srv := nginxtest.Start(t, nginxtest.Config{ClientCA: fixture(t, "good/ca.crt"), VerifyClient: "on", VerifyDepth: -1, SecLevel: -1,
		Extra: "ssl_protocols TLSv1.2 TLSv1.3;"})
	conf, err := os.ReadFile(srv.Conf)
	if err != nil {
		t.Fatal(err)
	}
	edited := strings.ReplaceAll(string(conf), fixture(t, "good/ca.crt"), fixture(t, "untrusted/ca.crt"))
	if edited == string(conf) {
		t.Fatal("the CA file is not in the configuration")
	}
	if err := os.WriteFile(srv.Conf, []byte(edited), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runCLI(t, "doctor", "--no-logs", "--format", "json", "--cert", fixture(t, "good/client.crt"), "--key", fixture(t, "good/client.key"), srv.Conf)
	if code != 1 || errs != "" {
		t.Fatalf("exit %d (want 1: the prediction is a refusal), stderr %q\n%s", code, errs, out)
	}
	doc := parseDoctor(t, out)
	if len(doc.Servers) != 1 || !strings.HasPrefix(doc.Servers[0].ClientCertVerdict, "FAILED:") {
		t.Errorf("servers %+v, want a predicted refusal", doc.Servers)
	}
	var differs bool
	for _, f := range doc.Findings {
		if f.ID == "prediction-differs" {
			differs = f.Severity == "warning" && strings.Contains(f.Title, "HTTP 200") && strings.Contains(f.Title, "FAILED:")
		}
	}
	if !differs {
		t.Errorf("no prediction-differs warning naming both verdicts:\n%s", out)
	}
}

// TestDoctorLeavesNoNoise: a doctor run leaves nothing in nginx's logs
// that the next run reports (its requests are recognised by their path,
// and it tries no old TLS versions, whose refusals nginx would log), and
// no line at error level or above.
func TestDoctorLeavesNoNoise(t *testing.T) {
	if err := fixtureKeyModes(); err != nil {
		t.Fatal(err)
	}
	t.Parallel()
	srv := nginxtest.Start(t, nginxtest.Config{ClientCA: fixture(t, "good/ca.crt"), VerifyClient: "on", VerifyDepth: -1, SecLevel: -1,
		Extra: "ssl_protocols TLSv1.2 TLSv1.3;"})
	args := []string{"doctor", "--format", "json", "--cert", fixture(t, "good/client.crt"), "--key", fixture(t, "good/client.key"), srv.Conf}
	// What the logs hold before (the harness's own readiness request) is
	// reported the same by both runs; the second must add nothing.
	var counts [2]map[string]int
	for run := range counts {
		_, out, errs := runCLI(t, args...)
		if errs != "" {
			t.Fatalf("run %d: stderr %q", run+1, errs)
		}
		counts[run] = map[string]int{}
		for _, f := range parseDoctor(t, out).Findings {
			if f.Section == "logs" {
				counts[run][f.ID] += f.Count
			}
		}
	}
	if !maps.Equal(counts[0], counts[1]) {
		t.Errorf("the second run's log findings %v differ from the first's %v: it reports the first run's traffic", counts[1], counts[0])
	}
	log, err := os.ReadFile(srv.ErrorLog)
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(log), "\n") {
		for _, level := range []string{"[error]", "[crit]", "[alert]", "[emerg]"} {
			if strings.Contains(line, level) {
				t.Errorf("doctor made nginx log at %s: %s", level, line)
			}
		}
		if strings.Contains(line, "SSL_do_handshake() failed") {
			t.Errorf("doctor made a handshake fail: %s", line)
		}
	}
}

// TestDoctorBeforeReload: a client was refused, then nginx was reloaded
// (as after a fix). The refusals in the log belong to the configuration
// that ran before: doctor reports them as notes, marked as before the
// reload, and they no longer make it exit 1.
func TestDoctorBeforeReload(t *testing.T) {
	if err := fixtureKeyModes(); err != nil {
		t.Fatal(err)
	}
	t.Parallel()
	srv := nginxtest.Start(t, nginxtest.Config{ClientCA: fixture(t, "good/ca.crt"), VerifyClient: "on", VerifyDepth: -1, SecLevel: -1,
		Extra: "ssl_protocols TLSv1.2 TLSv1.3;", Workers: true})
	if v := srv.Present(t, fixture(t, "untrusted/client-foreign.crt"), fixture(t, "untrusted/client-foreign.key")); v.Result == "SUCCESS" {
		t.Fatalf("the foreign client was accepted: %+v", v)
	}
	args := []string{"doctor", "--format", "json", "--cert", fixture(t, "good/client.crt"), "--key", fixture(t, "good/client.key"), srv.Conf}
	code, out, _ := runCLI(t, args...)
	if code != 1 {
		t.Fatalf("before the reload: exit %d, want 1 for the refused client\n%s", code, out)
	}
	// Reload: the master starts new workers. Log times have whole
	// seconds, so let one pass on each side.
	workers := func() int {
		log, _ := os.ReadFile(srv.ErrorLog)
		return strings.Count(string(log), "start worker process")
	}
	before := workers()
	time.Sleep(1100 * time.Millisecond)
	srv.Reload(t)
	for deadline := time.Now().Add(10 * time.Second); workers() == before; {
		if time.Now().After(deadline) {
			t.Fatal("nginx started no new worker after the reload")
		}
		time.Sleep(50 * time.Millisecond)
	}
	time.Sleep(1100 * time.Millisecond)
	code, out, _ = runCLI(t, args...)
	doc := parseDoctor(t, out)
	var noted bool
	for _, f := range doc.Findings {
		if f.Section == "logs" && f.ID == "verify-error" {
			noted = f.Severity == "info" && f.Resolved && strings.Contains(f.Title, "before nginx's last reload")
		}
	}
	if code != 0 || !noted {
		t.Errorf("after the reload: exit %d (want 0), verify-error before the reload as a note: %v\n%s", code, noted, out)
	}
}
