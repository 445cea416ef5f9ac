// Package nginxtest runs a real, private nginx and real openssl/curl for
// differential tests: mtlsdoctor predicts the verify result nginx writes to
// its error log, and the tests check that prediction against the real thing.
//
// The package is used only by tests. It never skips: when nginx, openssl or
// curl is missing, Require (and everything that calls it) fails the test with
// the Debian package to install and the test command to run.
//
// Each Server is its own nginx process with its own prefix directory under
// t.TempDir(), listening on 127.0.0.1 on a free port. It runs with
// `daemon off; master_process off;`: a single process that is the child of
// the test binary, so it never switches to the `nobody` user when the tests
// run as root (t.TempDir() directories are mode 0700 and would be unreadable
// to `nobody`), leaves no orphaned workers behind, and is stopped in
// t.Cleanup with SIGQUIT (then SIGKILL after a timeout).
package nginxtest

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestCommand is the one command that runs the project's tests; failure
// messages point to it.
const TestCommand = "scripts/test.sh"

// Time limits. Everything the package runs is bounded.
const (
	startTimeout   = 10 * time.Second // until nginx accepts TLS connections
	stopTimeout    = 10 * time.Second // SIGQUIT, then SIGKILL
	curlMaxTime    = 10               // seconds, curl --max-time
	commandTimeout = 30 * time.Second // any openssl/curl invocation
	logPollTimeout = 5 * time.Second  // until the access-log line appears
)

// tool is an external program the harness needs and the Debian package
// that provides it.
type tool struct {
	name, pkg string
	extra     []string // where to look when it is not on PATH
}

var tools = []tool{
	{"nginx", "nginx", []string{"/usr/sbin/nginx", "/sbin/nginx", "/usr/local/sbin/nginx", "/usr/local/nginx/sbin/nginx"}},
	{"openssl", "openssl", []string{"/usr/bin/openssl", "/usr/local/bin/openssl"}},
	{"curl", "curl", []string{"/usr/bin/curl", "/usr/local/bin/curl"}},
}

var (
	requireOnce sync.Once
	requireErr  string
	toolPath    = map[string]string{}
)

// lookTool finds a tool on PATH, then in the usual sbin directories (nginx
// lives in /usr/sbin, which is not on a non-root user's PATH on Debian).
func lookTool(tl tool) string {
	if p, err := exec.LookPath(tl.name); err == nil {
		return p
	}
	for _, p := range tl.extra {
		if fi, err := os.Stat(p); err == nil && !fi.IsDir() && fi.Mode()&0o111 != 0 {
			return p
		}
	}
	return ""
}

// Require fails the test (t.Fatalf, never Skip) when nginx, openssl or curl
// is missing, naming the Debian package to install and the test command.
// It also fails when curl is not built with OpenSSL, because the harness
// relies on OPENSSL_CONF to let curl send weak client certificates.
func Require(t testing.TB) {
	t.Helper()
	requireOnce.Do(func() {
		var missing, pkgs []string
		for _, tl := range tools {
			p := lookTool(tl)
			if p == "" {
				missing = append(missing, tl.name)
				pkgs = append(pkgs, tl.pkg)
				continue
			}
			toolPath[tl.name] = p
		}
		if len(missing) > 0 {
			requireErr = fmt.Sprintf("nginxtest: the real-nginx differential tests need %s, which %s not installed "+
				"(searched PATH and /usr/sbin, /sbin).\n"+
				"  Install the Debian package(s): sudo apt-get install -y %s\n"+
				"  or run the project's test command as root, which installs them: %s",
				strings.Join(missing, ", "), map[bool]string{true: "is", false: "are"}[len(missing) == 1],
				strings.Join(pkgs, " "), TestCommand)
			return
		}
		ctx, cancel := context.WithTimeout(context.Background(), commandTimeout)
		defer cancel()
		out, err := exec.CommandContext(ctx, toolPath["curl"], "-V").CombinedOutput()
		if err != nil {
			requireErr = fmt.Sprintf("nginxtest: %s -V failed: %v\n%s", toolPath["curl"], err, out)
			return
		}
		if !bytes.Contains(out, []byte("OpenSSL/")) {
			first, _, _ := strings.Cut(string(out), "\n")
			requireErr = fmt.Sprintf("nginxtest: curl is not built with OpenSSL (%s); the harness needs Debian's "+
				"curl (package curl, OpenSSL flavour): sudo apt-get install -y curl; then run %s", first, TestCommand)
		}
	})
	if requireErr != "" {
		t.Fatal(requireErr)
	}
}

// envWithout is env without the variable name, so that a tool sees the
// system's setting (or the one the caller appends) rather than ours.
func envWithout(env []string, name string) []string {
	out := env[:0:0]
	for _, e := range env {
		if !strings.HasPrefix(e, name+"=") {
			out = append(out, e)
		}
	}
	return out
}
