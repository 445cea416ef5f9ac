package checks

import (
	"context"
	"crypto/tls"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/internal/servertest"
)

// TestExplainRealLoadErrors: what real curl (--cert, --key), Go
// (tls.LoadX509KeyPair), node (tls.createSecureContext), Python
// (load_cert_chain) and git (GIT_SSL_CERT, GIT_SSL_KEY: libcurl on GnuTLS,
// one line for every cause) print when the certificate or key they are given is
// missing, empty, DER, garbage, a key in the certificate's place, another
// certificate's key or encrypted, is told as that cause: by its file where
// the line names it (curl, Go, node), else by the program's own entry.
// Each line is what a user pastes (curl's error, Go's error, node's first
// Error line, Python's traceback).
func TestExplainRealLoadErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	p := func(name string) string { return filepath.Join(dir, name) }
	copyFile := func(from, to string) {
		b, err := os.ReadFile(fx + from)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p(to), b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	copyFile("good/client.crt", "client.crt")
	copyFile("good/client.key", "client.key")
	copyFile("good/server.key", "other.key")
	copyFile("good/client.key", "key-as-cert.crt")
	copyFile("encrypted/client-pkcs8.crt", "enc.crt")
	copyFile("encrypted/client-pkcs8.key", "enc.key")
	if err := os.WriteFile(p("empty.crt"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p("garbage.crt"), []byte("<html>404 Not Found</html>\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	mustOpenSSL(t, "x509", "-in", p("client.crt"), "-outform", "DER", "-out", p("der.crt"))

	curl, python, node, git := servertest.Tool(t, "curl"), servertest.Tool(t, "python3"), servertest.Tool(t, "node"), servertest.Tool(t, "git")
	var runEnv func(env []string, name string, args ...string) string
	addr := servertest.SServer(t, "-www", "-cert", fx+"good/server.crt", "-key", fx+"good/server.key")
	run := func(name string, args ...string) string { return runEnv(nil, name, args...) }
	runEnv = func(env []string, name string, args ...string) string {
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		cmd := exec.CommandContext(ctx, name, args...)
		if env != nil {
			cmd.Env = append(gitEnv(), env...)
		}
		// No terminal: OpenSSL's passphrase prompt must fail, not wait.
		cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
		out, _ := cmd.CombinedOutput()
		return string(out)
	}
	programs := map[string]func(cert, key string) string{
		"curl": func(cert, key string) string {
			return pastedLine("curl", run(curl, "-sS", "-k", "--max-time", "5", "--cert", cert, "--key", key, "https://"+addr+"/"))
		},
		"go": func(cert, key string) string {
			if _, err := tls.LoadX509KeyPair(cert, key); err != nil {
				return err.Error()
			}
			return "no error"
		},
		"node": func(cert, key string) string {
			return pastedLine("node", run(node, peerFile(t, "load.js"), cert, key))
		},
		"python": func(cert, key string) string {
			return strings.TrimSpace(run(python, peerFile(t, "load.py"), cert, key)) // the whole traceback
		},
		"git": func(cert, key string) string {
			// git on libcurl-gnutls prints one line for every cause.
			return pastedLine("git", runEnv([]string{"GIT_SSL_NO_VERIFY=1", "GIT_SSL_CERT=" + cert, "GIT_SSL_KEY=" + key},
				git, "ls-remote", "https://"+addr+"/repo.git"))
		},
	}
	gitLoad := [2]string{"cert-load-failed", "client certificate or key"}
	for _, tc := range []struct {
		name, cert, key string
		// want is, per program, the id of the first finding and words
		// its title must hold.
		want map[string][2]string
	}{
		{"missing certificate", "missing.crt", "client.key", map[string][2]string{
			"curl": {"cert-load-failed", "does not exist"}, "go": {"cert-load-failed", "does not exist"},
			"node": {"cert-load-failed", "does not exist"}, "python": {"cert-load-failed", "does not exist"}, "git": gitLoad}},
		{"missing key", "client.crt", "missing.key", map[string][2]string{
			"curl": {"key-load-failed", "does not exist"}, "go": {"key-load-failed", "does not exist"},
			"node": {"key-load-failed", "does not exist"}, "python": {"cert-load-failed", "does not exist"}, "git": gitLoad}},
		{"empty certificate", "empty.crt", "client.key", map[string][2]string{
			"curl": {"cert-load-failed", "is empty"}, "go": {"cert-load-failed", "PEM"},
			"node": {"unreadable", "PEM"}, "python": {"key-load-failed", "could not load"}, "git": gitLoad}},
		{"DER certificate", "der.crt", "client.key", map[string][2]string{
			"curl": {"cert-load-failed", "DER"}, "go": {"cert-load-failed", "PEM"},
			"node": {"unreadable", "PEM"}, "python": {"key-load-failed", "could not load"}, "git": gitLoad}},
		{"an HTML page as the certificate", "garbage.crt", "client.key", map[string][2]string{
			"curl": {"cert-load-failed", "not a PEM"}, "go": {"cert-load-failed", "PEM"},
			"node": {"unreadable", "PEM"}, "python": {"key-load-failed", "could not load"}, "git": gitLoad}},
		{"the key as the certificate", "key-as-cert.crt", "client.key", map[string][2]string{
			"curl": {"cert-load-failed", "holds a PRIVATE KEY"}, "go": {"cert-load-failed", "PEM"},
			"node": {"unreadable", "PEM"}, "python": {"key-load-failed", "could not load"}, "git": gitLoad}},
		{"the certificate as the key", "client.crt", "client.crt", map[string][2]string{
			"curl": {"key-load-failed", "holds a CERTIFICATE"}, "go": {"key-load-failed", "a certificate where"},
			"node": {"key-load-failed", "could not decode"}, "python": {"key-load-failed", "could not load"}, "git": gitLoad}},
		{"another certificate's key", "client.crt", "other.key", map[string][2]string{
			"curl": {"key-mismatch", "not the key"}, "go": {"key-mismatch", "does not belong"},
			"node": {"key-mismatch", "does not belong"}, "python": {"key-mismatch", "does not belong"}, "git": gitLoad}},
		{"encrypted key, no passphrase", "enc.crt", "enc.key", map[string][2]string{
			"curl": {"bad-passphrase", "encrypted"}, "go": {"key-load-failed", "private key"},
			"node": {"bad-passphrase", "passphrase"}, "python": {"bad-passphrase", "encrypted"}, "git": gitLoad}},
	} {
		for prog, load := range programs {
			line := load(p(tc.cert), p(tc.key))
			if line == "" || line == "no error" {
				t.Errorf("%s, %s: loaded without an error", tc.name, prog)
				continue
			}
			want := tc.want[prog]
			f, ok := firstFinding(t, tc.name+", "+prog, line)
			if !ok {
				continue
			}
			if f.ID.Name() != want[0] || !strings.Contains(f.Title, want[1]) {
				t.Errorf("%s, %s:\n%s\ntold as %s %q, want %s with %q", tc.name, prog, line, f.ID.Name(), f.Title, want[0], want[1])
			}
		}
	}
}
