package main

import (
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestDoctorAsUser runs doctor as an unprivileged user (setpriv, from
// root) on a setup laid out as Debian does: the configuration and the
// certificates readable by all, the private key and the error log by root
// only. doctor cannot read them, so it must say that its diagnosis is
// incomplete, as warnings with the command that gets the rest, and never
// report "nothing to fix".
func TestDoctorAsUser(t *testing.T) {
	if os.Getuid() != 0 {
		t.Skip("needs root to run doctor as another user (CI runs as root)")
	}
	setpriv, err := exec.LookPath("setpriv")
	if err != nil {
		t.Fatalf("setpriv (util-linux) is missing: %v", err)
	}
	if err := fixtureKeyModes(); err != nil {
		t.Fatal(err)
	}
	dir, err := os.MkdirTemp("", "mtlsdoctor-user-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	put := func(name string, data []byte, mode os.FileMode) string {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, mode); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(p, mode); err != nil {
			t.Fatal(err)
		}
		return p
	}
	copyFile := func(name, from string, mode os.FileMode) string {
		t.Helper()
		data, err := os.ReadFile(from)
		if err != nil {
			t.Fatal(err)
		}
		return put(name, data, mode)
	}
	bin, err := exec.LookPath("mtlsdoctor")
	if err != nil {
		t.Fatal(err)
	}
	bin = copyFile("mtlsdoctor", bin, 0o755)
	crt := copyFile("server.crt", fixture(t, "good/server.crt"), 0o644)
	key := copyFile("server.key", fixture(t, "good/server.key"), 0o600)
	ca := copyFile("ca.crt", fixture(t, "good/ca.crt"), 0o644)
	errorLog := put("error.log", []byte("2026/11/22 17:44:18 [info] 1#1: *1 client SSL certificate verify error: (20:unable to get local issuer certificate) while reading client request headers, client: 10.0.0.1, server: localhost\n"), 0o600)
	conf := put("nginx.conf", []byte(`events {}
error_log `+errorLog+` info;
http {
    access_log off;
    server {
        listen 127.0.0.1:9 ssl;
        server_name localhost;
        ssl_certificate `+crt+`;
        ssl_certificate_key `+key+`;
        ssl_client_certificate `+ca+`;
        ssl_verify_client on;
    }
}
`), 0o644)

	cmd := exec.Command(setpriv, "--reuid=nobody", "--regid=nogroup", "--clear-groups", bin, "doctor", "--no-probe", "--since", "87600h", "--format", "json", conf)
	cmd.Env = append(os.Environ(), "NO_COLOR=1")
	cmd.Stderr = io.Discard
	out, err := cmd.Output()
	if ee, ok := err.(*exec.ExitError); err != nil && (!ok || ee.ExitCode() > 1) {
		t.Fatalf("doctor as nobody: %v\n%s", err, out)
	}
	var doc struct {
		Findings   []struct{ ID, Severity, Title, Fix string }
		Summary    struct{ Errors, Warnings int }
		Next       string
		Incomplete []string
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	var logWarned, keyWarned bool
	for _, f := range doc.Findings {
		logWarned = logWarned || (f.ID == "log-not-read" && f.Severity == "warning" && strings.Contains(f.Title, "error.log") && strings.Contains(f.Fix, "sudo"))
		keyWarned = keyWarned || (f.ID == "unreadable" && f.Severity == "warning" && strings.Contains(f.Title, "server.key"))
	}
	if !logWarned || !keyWarned {
		t.Errorf("want warnings for the unreadable error log (with sudo) and key:\n%s", out)
	}
	if len(doc.Incomplete) < 2 || strings.HasPrefix(doc.Next, "nothing to fix") || doc.Summary.Warnings < 2 {
		t.Errorf("incomplete %v, next %q, %d warnings: the run must say what it could not check\n%s", doc.Incomplete, doc.Next, doc.Summary.Warnings, out)
	}
}
