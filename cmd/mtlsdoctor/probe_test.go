package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mtlsdoctor/mtlsdoctor/internal/nginxtest"
)

// runCLI runs the command in-process, as the binary would.
func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, getenv: func(string) string { return "" }})
	return code, out.String(), errb.String()
}

// TestProbeCLI wires the flags to a real nginx: --p12 with --passin,
// --ca, --servername and --path reach the probe, and the exit status
// follows the findings.
func TestProbeCLI(t *testing.T) {
	t.Parallel()
	fx := func(name string) string {
		p, err := filepath.Abs(filepath.Join("../../testdata/certs", name))
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	srv := nginxtest.Start(t, nginxtest.Config{
		ClientCA: fx("p12/ca.crt"), VerifyClient: "on", VerifyDepth: -1, SecLevel: -1,
		ServerCert: fx("good/server.crt"), ServerKey: fx("good/server.key"),
		Extra: "ssl_protocols TLSv1.2 TLSv1.3;",
	})

	// Accepted: exit 0, and the JSON says why.
	code, out, errs := runCLI(t, "probe", "--p12", fx("p12/client.p12"), "--passin", "pass:p12-pass",
		"--ca", fx("good/ca.crt"), "--servername", "localhost", "--path", "/health", "--format", "json", srv.Addr)
	if code != 0 || errs != "" {
		t.Fatalf("exit %d, stderr %q\n%s", code, errs, out)
	}
	var doc struct {
		Target, Path string
		ServerName   string `json:"server_name"`
		Findings     []struct{ ID, Severity string }
		With         struct{ Outcome string } `json:"with_client_cert"`
		Untrusted    struct {
			Outcome     string
			NginxStatus int `json:"nginx_status"`
		} `json:"with_untrusted_cert"`
		ServerCert     struct{ Trusted bool } `json:"server_cert"`
		ServerSoftware string                 `json:"server_software"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if doc.Target != srv.Addr || doc.Path != "/health" || doc.ServerName != "localhost" || doc.With.Outcome != "accepted" || doc.ServerSoftware != "nginx" ||
		doc.Untrusted.Outcome != "rejected-by-http" || doc.Untrusted.NginxStatus != 495 || !doc.ServerCert.Trusted {
		t.Errorf("unexpected probe result:\n%s", out)
	}
	var ids []string
	for _, f := range doc.Findings {
		ids = append(ids, f.ID+":"+f.Severity)
	}
	if got := strings.Join(ids, " "); got != "client-cert-accepted:info client-cert-required:info" {
		t.Errorf("findings %s", got)
	}

	// Rejected (a certificate from another CA), in text: exit 1.
	code, out, _ = runCLI(t, "probe", "--cert", fx("good/client.crt"), "--key", fx("good/client.key"), "--ca", fx("good/ca.crt"),
		"--servername", "localhost", "https://"+srv.Addr+"/x")
	if code != 1 {
		t.Errorf("exit %d, want 1 for a rejected certificate\n%s", code, out)
	}
	for _, want := range []string{"with client cert     HTTP 400, nginx 495", "ERROR   [client-cert-rejected]", "server software      nginx",
		"WARNING [issuer-not-acceptable]", "GET /x", "Next: "} {
		if !strings.Contains(out, want) {
			t.Errorf("text lacks %q:\n%s", want, out)
		}
	}
}
