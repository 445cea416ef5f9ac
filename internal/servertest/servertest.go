// Package servertest runs TLS servers other than nginx on 127.0.0.1 for
// tests: openssl s_server, a Go crypto/tls server, HAProxy and Apache
// httpd, each with its own configuration in a temporary directory. Each
// stops when its test ends.
package servertest

import (
	"bufio"
	"crypto/tls"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// Tool finds a program on PATH or in /usr/sbin and fails the test when it
// is missing: scripts/test.sh installs it, so a missing one is an error,
// not a skip.
func Tool(t testing.TB, name string) string {
	t.Helper()
	if p, err := exec.LookPath(name); err == nil {
		return unshimmed(p)
	}
	for _, d := range []string{"/usr/sbin", "/sbin"} {
		p := filepath.Join(d, name)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p
		}
	}
	t.Fatalf("%s is not installed (scripts/test.sh installs it)", name)
	return ""
}

// unshimmed is the interpreter a version manager's shim (pyenv's
// .../shims/python3) runs, which the matrices start hundreds of times:
// the shim's own start costs more than the interpreter's. Any other path
// is itself.
func unshimmed(p string) string {
	if !strings.Contains(p, "/shims/") || !strings.HasPrefix(filepath.Base(p), "python") {
		return p
	}
	shimMu.Lock()
	defer shimMu.Unlock()
	if real, ok := shims[p]; ok {
		return real
	}
	shims[p] = p
	if out, err := exec.Command(p, "-c", "import sys; print(sys.executable)").Output(); err == nil {
		if real := strings.TrimSpace(string(out)); filepath.IsAbs(real) {
			shims[p] = real
		}
	}
	return shims[p]
}

var (
	shimMu sync.Mutex
	shims  = map[string]string{}
)

// Announced reads a server's output until a line starts with prefix and
// returns the rest of that line (the address it listens on), then drains
// the output in the background; false when no such line comes within
// timeout.
func Announced(out io.Reader, prefix string, timeout time.Duration) (string, bool) {
	addr := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if a, ok := strings.CutPrefix(sc.Text(), prefix); ok {
				addr <- a
				break
			}
		}
		_, _ = io.Copy(io.Discard, out)
	}()
	select {
	case a := <-addr:
		return a, true
	case <-time.After(timeout):
		return "", false
	}
}

// SServer starts `openssl s_server -accept 127.0.0.1:0 ARGS...` and
// returns its address. Without -www or -rev it is an interactive,
// non-HTTP service.
func SServer(t testing.TB, args ...string) string {
	t.Helper()
	bin := Tool(t, "openssl")
	cmd := exec.Command(bin, append([]string{"s_server", "-accept", "127.0.0.1:0", "-naccept", "1000"}, args...)...)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = stdin.Close()
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
	addr, ok := Announced(stdout, "ACCEPT ", 10*time.Second)
	if !ok {
		t.Fatalf("openssl s_server %v did not start: %s", args, stderr.String())
	}
	return addr
}

// GoServer starts a Go HTTPS server with cfg (its Certificates set by the
// caller) that answers "hello" with 200, or 404 under /missing.
func GoServer(t testing.TB, cfg *tls.Config) string {
	t.Helper()
	l, err := tls.Listen("tcp", "127.0.0.1:0", cfg)
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/missing", http.NotFound)
	mux.HandleFunc("/", func(w http.ResponseWriter, _ *http.Request) { _, _ = io.WriteString(w, "hello\n") })
	srv := &http.Server{Handler: mux, ErrorLog: log.New(io.Discard, "", 0), ReadHeaderTimeout: 5 * time.Second}
	go func() { _ = srv.Serve(l) }()
	t.Cleanup(func() { _ = srv.Close() })
	return l.Addr().String()
}

// freePort is a port nothing listens on now.
func freePort(t testing.TB) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// waitTLS waits until addr completes a TCP connection.
func waitTLS(t testing.TB, addr string, what string, exited <-chan struct{}, logs func() string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case <-exited:
			t.Fatalf("%s exited: %s", what, logs())
		default:
		}
		c, err := net.DialTimeout("tcp", addr, 200*time.Millisecond)
		if err == nil {
			c.Close()
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("%s did not listen on %s: %s", what, addr, logs())
}

// start runs a daemon in the foreground and stops it when the test ends.
func start(t testing.TB, name string, args []string, dir string) <-chan struct{} {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	out, err := os.Create(filepath.Join(dir, "output.log"))
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stdout, cmd.Stderr = out, out
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan struct{})
	go func() {
		_ = cmd.Wait()
		close(exited)
	}()
	t.Cleanup(func() {
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		<-exited
		out.Close()
	})
	return exited
}

func readLogs(dir string) func() string {
	return func() string {
		var b strings.Builder
		for _, n := range []string{"output.log", "error.log"} {
			data, _ := os.ReadFile(filepath.Join(dir, n))
			fmt.Fprintf(&b, "%s:\n%s\n", n, data)
		}
		return b.String()
	}
}

// HAProxy starts haproxy with one frontend: `bind 127.0.0.1:PORT ssl crt
// PEM BIND` and the frontend lines given (the caller writes the http-request
// rules). pem holds the server certificate and key in one file.
func HAProxy(t testing.TB, pem, bind, frontend string) string {
	t.Helper()
	addr, _ := HAProxyWithLog(t, pem, bind, frontend)
	return addr
}

// HAProxyWithLog is HAProxy, and also returns the path of the file its log
// goes to (raw format, info level; connection errors such as "SSL
// handshake failure" included).
func HAProxyWithLog(t testing.TB, pem, bind, frontend string) (addr, logFile string) {
	t.Helper()
	bin := Tool(t, "haproxy")
	dir := t.TempDir()
	addr = fmt.Sprintf("127.0.0.1:%d", freePort(t))
	conf := fmt.Sprintf(`global
  log stderr format raw local0 info
defaults
  mode http
  log global
  option httplog
  timeout connect 5s
  timeout client 5s
  timeout server 5s
frontend fe
  bind %s ssl crt %s %s
%s
`, addr, pem, bind, frontend)
	p := filepath.Join(dir, "haproxy.cfg")
	if err := os.WriteFile(p, []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(bin, "-c", "-f", p).CombinedOutput(); err != nil {
		t.Fatalf("haproxy -c: %v\n%s\n%s", err, out, conf)
	}
	exited := start(t, bin, []string{"-db", "-f", p}, dir)
	waitTLS(t, addr, "haproxy", exited, readLogs(dir))
	return addr, filepath.Join(dir, "output.log")
}

// Apache starts Apache httpd with mod_ssl and one virtual host on
// 127.0.0.1 whose SSL lines (SSLEngine, certificate and key are set) and
// further directives are vhost. DocumentRoot holds index.html ("hello").
func Apache(t testing.TB, cert, key, vhost string) string {
	t.Helper()
	addr, _ := ApacheWithLog(t, cert, key, vhost)
	return addr
}

// ApacheWithLog is Apache, and also returns the path of its error log
// (LogLevel info ssl:info).
func ApacheWithLog(t testing.TB, cert, key, vhost string) (addr, errorLog string) {
	t.Helper()
	bin := Tool(t, "apache2")
	dir := t.TempDir()
	addr = fmt.Sprintf("127.0.0.1:%d", freePort(t))
	docs := filepath.Join(dir, "htdocs")
	for _, d := range []string{docs, filepath.Join(docs, "secure")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(d, "index.html"), []byte("hello\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	mods := "/usr/lib/apache2/modules"
	var load strings.Builder
	for _, m := range []string{"mpm_event", "authz_core", "authz_host", "dir", "socache_shmcb", "ssl", "proxy", "proxy_http"} {
		fmt.Fprintf(&load, "LoadModule %s_module %s/mod_%s.so\n", m, mods, m)
	}
	user := ""
	if os.Geteuid() == 0 {
		user = "User nobody\nGroup nogroup\n"
	}
	conf := fmt.Sprintf(`ServerRoot %s
DefaultRuntimeDir %s
%sPidFile %s/httpd.pid
ErrorLog %s/error.log
LogLevel info ssl:info
%sServerName localhost
Listen %s
DocumentRoot %s
DirectoryIndex index.html
SSLSessionCache shmcb:%s/ssl_scache(512000)
<Directory %s>
  Require all granted
</Directory>
<VirtualHost %s>
  SSLEngine on
  SSLCertificateFile %s
  SSLCertificateKeyFile %s
%s
</VirtualHost>
`, dir, dir, load.String(), dir, dir, user, addr, docs, dir, docs, addr, cert, key, vhost)
	p := filepath.Join(dir, "httpd.conf")
	if err := os.WriteFile(p, []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	// Apache serves as nobody: the test's directories must be readable.
	for d := dir; d != filepath.Dir(d) && strings.HasPrefix(d, os.TempDir()+"/"); d = filepath.Dir(d) {
		_ = os.Chmod(d, 0o755)
	}
	exited := start(t, bin, []string{"-X", "-f", p}, dir)
	waitTLS(t, addr, "apache2", exited, readLogs(dir))
	return addr, filepath.Join(dir, "error.log")
}
