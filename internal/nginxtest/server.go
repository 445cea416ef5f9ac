package nginxtest

import (
	"bytes"
	"crypto/tls"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// Config is the part of an nginx server block that matters for client
// certificate verification.
//
// Beware the zero values: VerifyDepth 0 and SecLevel 0 are real settings
// (ssl_verify_depth 0, @SECLEVEL=0). Use -1 for nginx's / Debian's default,
// or start from NewConfig.
type Config struct {
	ClientCA     string // ssl_client_certificate file (required unless VerifyClient is "optional_no_ca" or "off")
	VerifyClient string // "on" (default), "optional", "optional_no_ca", "off"
	VerifyDepth  int    // ssl_verify_depth; <0 means leave nginx's default (1)
	CRL          string // ssl_crl file, optional
	SecLevel     int    // if >=0: ssl_ciphers "DEFAULT:@SECLEVEL=N"; <0 leave Debian's default (2)
	// ServerCert and ServerKey are ssl_certificate and ssl_certificate_key.
	// When empty the harness makes a throwaway localhost certificate with
	// openssl: RSA-2048/SHA-256 up to security level 2, RSA-3072 at level 3,
	// EC P-384/SHA-384 at 4 and EC P-521/SHA-512 at 5, so that nginx's own
	// certificate always passes its security level.
	ServerCert, ServerKey string
	LogLevel              string // error_log level, default "info"
	// Extra is appended verbatim inside the server block (e.g.
	// "ssl_protocols TLSv1.2 TLSv1.3;"). Optional.
	Extra string
	// Workers runs a master process with a worker, as nginx runs in
	// production, so that Reload starts new workers (by default one
	// process serves, and a reload is not possible).
	Workers bool
	// Stream makes the server a stream {} server (nginx's stream module,
	// TLS over TCP) that answers "ok" to every connection it accepts, in
	// place of the http {} one. Debian ships the module apart, in the
	// package libnginx-mod-stream.
	Stream bool
	// Modules are dynamic modules to load (load_module), such as Debian's
	// libnginx-mod-http-lua and the NDK it needs. Optional.
	Modules []string
	// HTTP is appended verbatim inside the http block, before the server
	// (lua_ssl_* directives, an init_worker_by_lua_block). Optional.
	HTTP string
}

// StreamModule is where Debian's libnginx-mod-stream puts nginx's
// stream module.
const StreamModule = "/usr/lib/nginx/modules/ngx_stream_module.so"

// NewConfig returns a Config for ssl_verify_client on with nginx's default
// verify depth and Debian's default security level.
func NewConfig(clientCA string) Config {
	return Config{ClientCA: clientCA, VerifyClient: "on", VerifyDepth: -1, SecLevel: -1}
}

// Server is a running private nginx.
type Server struct {
	Addr      string // 127.0.0.1:PORT
	Dir       string // prefix directory (-p), holds nginx.conf and the logs
	ErrorLog  string // error.log path
	AccessLog string // access.log path (format: $connection $status $request_uri $ssl_client_verify)
	Conf      string // nginx.conf path
	Stderr    string // file with nginx's stdout/stderr

	curlConf string // OPENSSL_CONF for curl (SECLEVEL=0)
	stream   bool   // a stream {} server: no HTTP
	cmd      *exec.Cmd
	done     chan struct{} // closed when the process has exited
	waitErr  error
	seq      atomic.Int64
	mu       sync.Mutex // serialises Present so that new error-log lines belong to one request
	stopOnce sync.Once
}

// Start runs a private nginx with the given configuration, waits (at most
// 10 s) until it accepts TLS connections, and stops it in t.Cleanup.
func Start(t testing.TB, c Config) *Server {
	t.Helper()
	Require(t)
	if c.VerifyClient == "" {
		c.VerifyClient = "on"
	}
	switch c.VerifyClient {
	case "on", "optional", "optional_no_ca", "off":
	default:
		t.Fatalf("nginxtest: VerifyClient %q: want on, optional, optional_no_ca or off", c.VerifyClient)
	}
	if c.ClientCA == "" && (c.VerifyClient == "on" || c.VerifyClient == "optional") {
		t.Fatalf("nginxtest: Config.ClientCA is required for ssl_verify_client %s", c.VerifyClient)
	}
	switch c.LogLevel {
	case "":
		c.LogLevel = "info"
	case "debug", "info", "notice", "warn", "error", "crit", "alert", "emerg":
	default:
		t.Fatalf("nginxtest: LogLevel %q is not an nginx error_log level", c.LogLevel)
	}
	if c.SecLevel > 5 {
		t.Fatalf("nginxtest: SecLevel %d: OpenSSL has levels 0-5", c.SecLevel)
	}
	if (c.ServerCert == "") != (c.ServerKey == "") {
		t.Fatalf("nginxtest: set both ServerCert and ServerKey, or neither")
	}
	if _, err := os.Stat(StreamModule); c.Stream && err != nil {
		t.Fatalf("nginxtest: a stream server needs nginx's stream module %s: install the Debian package libnginx-mod-stream (sudo apt-get install -y libnginx-mod-stream), or run %s as root, which installs it", StreamModule, TestCommand)
	}

	dir := t.TempDir()
	for _, d := range []string{"logs", "tmp"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o700); err != nil {
			t.Fatalf("nginxtest: %v", err)
		}
	}
	s := &Server{
		Dir:       dir,
		ErrorLog:  filepath.Join(dir, "logs", "error.log"),
		AccessLog: filepath.Join(dir, "logs", "access.log"),
		Conf:      filepath.Join(dir, "nginx.conf"),
		Stderr:    filepath.Join(dir, "logs", "stderr.log"),
		curlConf:  filepath.Join(dir, "curl-openssl.cnf"),
		stream:    c.Stream,
	}
	if c.ServerCert == "" {
		c.ServerCert, c.ServerKey = makeServerCert(t, dir, c.SecLevel)
	}
	if err := os.WriteFile(s.curlConf, []byte(curlOpenSSLConf), 0o600); err != nil {
		t.Fatalf("nginxtest: %v", err)
	}

	// A free port can be taken by someone else between our probe and
	// nginx's bind; retry a few times on "Address already in use".
	var lastErr string
	for attempt := 0; attempt < 4; attempt++ {
		port, err := freePort()
		if err != nil {
			t.Fatalf("nginxtest: finding a free port: %v", err)
		}
		s.Addr = net.JoinHostPort("127.0.0.1", strconv.Itoa(port))
		conf, err := renderConf(s, c)
		if err != nil {
			t.Fatalf("nginxtest: %v", err)
		}
		if err := os.WriteFile(s.Conf, []byte(conf), 0o600); err != nil {
			t.Fatalf("nginxtest: %v", err)
		}
		err = s.launch(t)
		if err == nil {
			return s
		}
		lastErr = err.Error()
		if !strings.Contains(lastErr, "Address already in use") {
			break
		}
	}
	t.Fatalf("nginxtest: nginx did not start: %s\n--- nginx.conf ---\n%s", lastErr, readFile(s.Conf))
	return nil
}

// launch starts the nginx process and waits until it serves TLS. On
// failure the process is gone and the error carries stderr and error.log.
func (s *Server) launch(t testing.TB) error {
	t.Helper()
	_ = os.Remove(s.ErrorLog)
	_ = os.Remove(s.AccessLog)
	stderr, err := os.Create(s.Stderr)
	if err != nil {
		return err
	}
	defer stderr.Close()
	cmd := exec.Command(toolPath["nginx"], "-p", s.Dir+"/", "-c", s.Conf)
	cmd.Dir = s.Dir
	cmd.Stdout = stderr
	cmd.Stderr = stderr
	cmd.Env = envWithout(os.Environ(), "OPENSSL_CONF") // nginx must see the system OpenSSL config, like in production
	setProcAttr(cmd)
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("exec %s: %v", toolPath["nginx"], err)
	}
	s.cmd = cmd
	s.done = make(chan struct{})
	s.stopOnce = sync.Once{}
	go func() {
		s.waitErr = cmd.Wait()
		close(s.done)
	}()

	deadline := time.Now().Add(startTimeout)
	var probeErr error
	for {
		select {
		case <-s.done:
			return fmt.Errorf("nginx exited during start-up (%v)\n--- nginx stderr ---\n%s--- error.log (tail) ---\n%s",
				s.waitErr, readFile(s.Stderr), tail(s.ErrorLog, 30))
		default:
		}
		if probeErr = s.probe(); probeErr == nil {
			break
		}
		if time.Now().After(deadline) {
			s.stop()
			return fmt.Errorf("nginx did not accept TLS connections on %s within %v (last probe: %v)\n--- nginx stderr ---\n%s--- error.log (tail) ---\n%s",
				s.Addr, startTimeout, probeErr, readFile(s.Stderr), tail(s.ErrorLog, 30))
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Cleanup(func() {
		exited := false
		select {
		case <-s.done:
			exited = true
		default:
		}
		s.stop()
		if exited {
			t.Errorf("nginxtest: nginx on %s exited during the test (%v)\n--- nginx stderr ---\n%s--- error.log (tail) ---\n%s",
				s.Addr, s.waitErr, readFile(s.Stderr), tail(s.ErrorLog, 30))
		} else if t.Failed() {
			t.Logf("nginxtest: nginx on %s, error.log (tail):\n%s", s.Addr, tail(s.ErrorLog, 30))
		}
	})
	return nil
}

// probe makes one complete HTTPS request (no client certificate) and reads
// the whole response, so that nginx has finished logging it before any
// Present starts. A stream server is ready when its handshake completes.
func (s *Server) probe() error {
	d := &net.Dialer{Timeout: time.Second}
	conn, err := tls.DialWithDialer(d, "tcp", s.Addr, &tls.Config{InsecureSkipVerify: true, ServerName: "localhost"})
	if err != nil {
		return err
	}
	defer conn.Close()
	if s.stream {
		return nil // a stream server has no HTTP to answer; the handshake is enough
	}
	_ = conn.SetDeadline(time.Now().Add(2 * time.Second))
	if _, err := io.WriteString(conn, "GET /nginxtest-ready HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"); err != nil {
		return err
	}
	resp, err := io.ReadAll(conn)
	if err != nil && len(resp) == 0 {
		return err
	}
	if !bytes.HasPrefix(resp, []byte("HTTP/1.1 ")) {
		return fmt.Errorf("unexpected response %q", resp)
	}
	return nil
}

// Reload sends the master SIGHUP, as `nginx -s reload` does: it reads
// the configuration again and replaces its workers. It needs Workers.
func (s *Server) Reload(t testing.TB) {
	t.Helper()
	if err := s.cmd.Process.Signal(syscall.SIGHUP); err != nil {
		t.Fatalf("nginxtest: reload: %v", err)
	}
}

// stop sends SIGQUIT (graceful shutdown) and SIGKILL if nginx is still
// running after stopTimeout.
func (s *Server) stop() {
	s.stopOnce.Do(func() {
		select {
		case <-s.done:
			return
		default:
		}
		_ = s.cmd.Process.Signal(syscall.SIGQUIT)
		select {
		case <-s.done:
		case <-time.After(stopTimeout):
			_ = s.cmd.Process.Kill()
			<-s.done
		}
	})
}

// renderConf writes nginx.conf for s and c.
func renderConf(s *Server, c Config) (string, error) {
	q := func(p string) (string, error) {
		p = absPath(p)
		if strings.ContainsAny(p, "$\"\\\n;{}'") {
			return "", fmt.Errorf("path %q contains characters nginx.conf cannot take literally", p)
		}
		return `"` + p + `"`, nil
	}
	var b strings.Builder
	var err error
	w := func(format string, paths ...string) {
		args := make([]any, len(paths))
		for i, p := range paths {
			var qp string
			if qp, err = q(p); err != nil {
				return
			}
			args[i] = qp
		}
		fmt.Fprintf(&b, format, args...)
	}
	if c.Workers {
		w("daemon off;\nmaster_process on;\nworker_processes 1;\n")
	} else {
		w("daemon off;\nmaster_process off;\nworker_processes 1;\n")
	}
	if c.Stream {
		w("load_module %s;\n", StreamModule)
	}
	for _, m := range c.Modules {
		w("load_module %s;\n", m)
	}
	w("pid %s;\nlock_file %s;\n", filepath.Join(s.Dir, "nginx.pid"), filepath.Join(s.Dir, "nginx.lock"))
	w("error_log %s "+c.LogLevel+";\n", s.ErrorLog)
	w("events {\n    worker_connections 256;\n}\n")
	if c.Stream {
		w("stream {\n    server {\n")
	} else {
		w("http {\n")
		w("    log_format nginxtest '$connection $status $request_uri $ssl_client_verify';\n")
		w("    access_log %s nginxtest;\n", s.AccessLog)
		for _, d := range []string{"client_body", "proxy", "fastcgi", "uwsgi", "scgi"} {
			w("    "+d+"_temp_path %s;\n", filepath.Join(s.Dir, "tmp", d))
		}
		if c.HTTP != "" {
			fmt.Fprintf(&b, "    %s\n", c.HTTP)
		}
		w("    server {\n        server_name localhost;\n")
	}
	fmt.Fprintf(&b, "        listen %s ssl;\n", s.Addr)
	w("        ssl_certificate %s;\n        ssl_certificate_key %s;\n", c.ServerCert, c.ServerKey)
	if c.ClientCA != "" {
		w("        ssl_client_certificate %s;\n", c.ClientCA)
	}
	fmt.Fprintf(&b, "        ssl_verify_client %s;\n", c.VerifyClient)
	if c.VerifyDepth >= 0 {
		fmt.Fprintf(&b, "        ssl_verify_depth %d;\n", c.VerifyDepth)
	}
	if c.CRL != "" {
		w("        ssl_crl %s;\n", c.CRL)
	}
	if c.SecLevel >= 0 {
		fmt.Fprintf(&b, "        ssl_ciphers \"DEFAULT:@SECLEVEL=%d\";\n", c.SecLevel)
	}
	if c.Extra != "" {
		fmt.Fprintf(&b, "        %s\n", c.Extra)
	}
	if c.Stream {
		b.WriteString("        return \"ok\\n\";\n    }\n}\n")
	} else {
		b.WriteString("        location / {\n            return 200 \"ok\\n\";\n        }\n    }\n}\n")
	}
	return b.String(), err
}

// makeServerCert makes a throwaway self-signed localhost certificate that
// passes the given security level.
func makeServerCert(t testing.TB, dir string, level int) (cert, key string) {
	t.Helper()
	cert, key = filepath.Join(dir, "server.pem"), filepath.Join(dir, "server.key")
	newkey, md := []string{"-newkey", "rsa:2048"}, "-sha256"
	switch {
	case level == 3:
		newkey = []string{"-newkey", "rsa:3072"}
	case level == 4:
		newkey, md = []string{"-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-384"}, "-sha384"
	case level >= 5:
		newkey, md = []string{"-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-521"}, "-sha512"
	}
	args := append([]string{"req", "-x509", "-nodes", md, "-days", "7", "-subj", "/CN=localhost",
		"-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", key, "-out", cert}, newkey...)
	OpenSSL(t, args...)
	return cert, key
}

// freePort asks the kernel for a free TCP port on 127.0.0.1.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}
