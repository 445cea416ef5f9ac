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
	"bufio"
	"bytes"
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
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
}

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
// Present starts.
func (s *Server) probe() error {
	d := &net.Dialer{Timeout: time.Second}
	conn, err := tls.DialWithDialer(d, "tcp", s.Addr, &tls.Config{InsecureSkipVerify: true, ServerName: "localhost"})
	if err != nil {
		return err
	}
	defer conn.Close()
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

// Verdict is what nginx decided about one client certificate.
type Verdict struct {
	// Result is "SUCCESS", "NONE", or "FAILED:<code>:<text>" exactly as in
	// nginx's error-log line "client SSL certificate verify error:
	// (<code>:<text>) while ...". For the errors optional_no_ca tolerates
	// (no error-log line, request served) the code is derived from the
	// text of $ssl_client_verify. "NO_RESPONSE" means curl got no HTTP
	// response at all (it refused to load the certificate/key, or the TLS
	// handshake failed); Client then holds curl's error and LogLine the
	// error-log line nginx wrote, if any.
	Result string
	// Status is the HTTP status curl received (400 for 495/496/497; 0
	// when there was no response).
	Status int
	// LogLine is the raw error-log line the result comes from, if any.
	LogLine string
	// ClientVerify is $ssl_client_verify from the access log.
	ClientVerify string
	// ErrorLines are all error-log lines nginx wrote while serving this
	// request (e.g. an "[alert] ignoring stale global SSL error").
	ErrorLines []string
	// Client is curl's exit status and stderr when curl failed.
	Client string
}

var (
	verifyErrRe = regexp.MustCompile(`client SSL certificate verify error: \((\d+):(.*?)\) while `)
	noCertRe    = regexp.MustCompile(`client sent no required SSL certificate while `)
	handshakeRe = regexp.MustCompile(`SSL_do_handshake\(\) failed|client closed connection while SSL handshaking|peer closed connection in SSL handshake`)
)

// optionalNoCA are the codes ssl_verify_client optional_no_ca tolerates
// (nginx's ngx_ssl_verify_error_optional) with their OpenSSL 1.1.1 and 3.x
// texts; for them nginx writes no error-log line.
var optionalNoCA = map[string]int{
	"self signed certificate":                      18,
	"self-signed certificate":                      18,
	"self signed certificate in certificate chain": 19,
	"self-signed certificate in certificate chain": 19,
	"unable to get local issuer certificate":       20,
	"unable to verify the first certificate":       21,
	"certificate not trusted":                      27,
}

// Present makes one HTTPS request with curl presenting certFile (PEM: the
// leaf followed by any intermediates to send) and keyFile (empty: the key
// is in certFile). With certFile empty no client certificate is sent. curl
// runs with an OPENSSL_CONF at SECLEVEL=0 so that it sends weak
// certificates too. Each request has a unique path; the verdict is read
// from the access-log and error-log lines that belong to it. Calls on one
// Server are serialised.
func (s *Server) Present(t testing.TB, certFile, keyFile string) Verdict {
	t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	select {
	case <-s.done:
		t.Fatalf("nginxtest: nginx on %s is not running (%v)\n--- error.log (tail) ---\n%s", s.Addr, s.waitErr, tail(s.ErrorLog, 30))
	default:
	}

	uri := fmt.Sprintf("/nginxtest-req-%d", s.seq.Add(1))
	errOff := fileSize(s.ErrorLog)
	args := []string{"-q", "-sS", "--noproxy", "*", "--insecure",
		"--max-time", strconv.Itoa(curlMaxTime), "--connect-timeout", "5",
		"-o", os.DevNull, "-w", "%{http_code}"}
	if certFile != "" {
		args = append(args, "--cert-type", "PEM", "--cert", curlEscape(absPath(certFile)))
		if keyFile != "" {
			args = append(args, "--key-type", "PEM", "--key", absPath(keyFile))
		}
	}
	args = append(args, "https://"+s.Addr+uri)
	ctx, cancel := context.WithTimeout(context.Background(), commandTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, toolPath["curl"], args...)
	cmd.Env = append(envWithout(os.Environ(), "OPENSSL_CONF"), "OPENSSL_CONF="+s.curlConf)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("nginxtest: curl %s timed out after %v\n%s", uri, commandTimeout, stderr.String())
	}
	status, _ := strconv.Atoi(strings.TrimSpace(stdout.String()))

	var v Verdict
	v.Status = status
	if status == 0 {
		// No HTTP response: curl could not send the certificate, or the
		// handshake failed. nginx may log the failure just after curl gave
		// up; give it a moment.
		v.Result = "NO_RESPONSE"
		v.Client = fmt.Sprintf("curl: %v: %s", runErr, strings.TrimSpace(stderr.String()))
		time.Sleep(200 * time.Millisecond)
		v.ErrorLines = linesFrom(s.ErrorLog, errOff)
		for _, l := range v.ErrorLines {
			if handshakeRe.MatchString(l) {
				v.LogLine = l
				break
			}
		}
		return v
	}
	if runErr != nil {
		v.Client = fmt.Sprintf("curl: %v: %s", runErr, strings.TrimSpace(stderr.String()))
	}

	// The access-log line is written after the response; poll for it.
	var accessStatus int
	var conn string
	found := false
	for deadline := time.Now().Add(logPollTimeout); ; {
		for _, l := range linesFrom(s.AccessLog, 0) {
			f := strings.SplitN(l, " ", 4)
			if len(f) == 4 && f[2] == uri {
				conn, v.ClientVerify, found = f[0], f[3], true
				accessStatus, _ = strconv.Atoi(f[1])
			}
		}
		if found || time.Now().After(deadline) {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	if !found {
		t.Fatalf("nginxtest: no access-log line for %s within %v (curl status %d, %s)\n--- access.log (tail) ---\n%s--- error.log (tail) ---\n%s",
			uri, logPollTimeout, status, v.Client, tail(s.AccessLog, 10), tail(s.ErrorLog, 20))
	}
	if accessStatus != status {
		t.Errorf("nginxtest: %s: curl received %d but nginx logged %d", uri, status, accessStatus)
	}

	marker := `request: "GET ` + uri + ` HTTP/`
	connTag := "*" + conn + " "
	for _, l := range linesFrom(s.ErrorLog, errOff) {
		if !strings.Contains(l, connTag) && !strings.Contains(l, marker) {
			continue
		}
		v.ErrorLines = append(v.ErrorLines, l)
		if !strings.Contains(l, marker) || v.LogLine != "" {
			continue
		}
		if m := verifyErrRe.FindStringSubmatch(l); m != nil {
			v.LogLine, v.Result = l, "FAILED:"+m[1]+":"+m[2]
			if want := "FAILED:" + m[2]; v.ClientVerify != want {
				t.Errorf("nginxtest: %s: error.log says %q but $ssl_client_verify is %q", uri, v.Result, v.ClientVerify)
			}
		} else if noCertRe.MatchString(l) {
			v.LogLine, v.Result = l, "NONE"
		}
	}
	if v.Result == "" {
		switch cv := v.ClientVerify; {
		case cv == "SUCCESS" || cv == "NONE":
			v.Result = cv
		case strings.HasPrefix(cv, "FAILED:"):
			text := strings.TrimPrefix(cv, "FAILED:")
			if code, ok := optionalNoCA[text]; ok {
				v.Result = fmt.Sprintf("FAILED:%d:%s", code, text)
			} else {
				v.Result = cv
			}
		default:
			v.Result = cv
		}
	}
	return v
}

// curlOpenSSLConf lets curl load and send certificates below Debian's
// default security level (SHA-1/MD5 signatures, RSA-1024 keys); the
// --ciphers option is applied too late for that.
const curlOpenSSLConf = `openssl_conf = openssl_init

[openssl_init]
ssl_conf = ssl_sect

[ssl_sect]
system_default = system_default_sect

[system_default_sect]
CipherString = DEFAULT:@SECLEVEL=0
`

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
	w("daemon off;\nmaster_process off;\nworker_processes 1;\n")
	w("pid %s;\nlock_file %s;\n", filepath.Join(s.Dir, "nginx.pid"), filepath.Join(s.Dir, "nginx.lock"))
	w("error_log %s "+c.LogLevel+";\n", s.ErrorLog)
	w("events {\n    worker_connections 256;\n}\n")
	w("http {\n")
	w("    log_format nginxtest '$connection $status $request_uri $ssl_client_verify';\n")
	w("    access_log %s nginxtest;\n", s.AccessLog)
	for _, d := range []string{"client_body", "proxy", "fastcgi", "uwsgi", "scgi"} {
		w("    "+d+"_temp_path %s;\n", filepath.Join(s.Dir, "tmp", d))
	}
	w("    server {\n")
	fmt.Fprintf(&b, "        listen %s ssl;\n        server_name localhost;\n", s.Addr)
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
	b.WriteString("        location / {\n            return 200 \"ok\\n\";\n        }\n    }\n}\n")
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

// OpenSSL runs openssl with args (bounded by a timeout, without any
// OPENSSL_CONF from the environment) and returns its combined output; it
// fails the test when openssl exits non-zero.
func OpenSSL(t testing.TB, args ...string) string {
	t.Helper()
	Require(t)
	out, err := runOpenSSL(args...)
	if err != nil {
		t.Fatalf("nginxtest: openssl %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return out
}

func runOpenSSL(args ...string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), commandTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, toolPath["openssl"], args...)
	cmd.Env = envWithout(os.Environ(), "OPENSSL_CONF")
	out, err := cmd.CombinedOutput()
	if ctx.Err() != nil {
		err = fmt.Errorf("timed out after %v", commandTimeout)
	}
	return string(out), err
}

// VerifyOpts are the arguments of one `openssl verify` run.
type VerifyOpts struct {
	CAFile    string // -CAfile (required)
	Untrusted string // -untrusted: intermediates the client would send
	CRLFile   string // -crl_check_all -CRLfile, as nginx's ssl_crl does
	// Cert is the certificate to verify. openssl verify reads only the
	// first certificate of the file; pass intermediates in Untrusted.
	Cert      string
	AuthLevel int    // -auth_level; <0 leaves it out (then no security level applies)
	Depth     int    // -verify_depth; <0 means nginx's default, 1
	AtUnix    int64  // -attime; 0 = now
	Purpose   string // -purpose, default sslclient
}

// VerifyError is one error line of `openssl verify`:
// "error <Code> at <Depth> depth lookup: <Text>".
type VerifyError struct {
	Code  int
	Depth int
	Text  string
}

var verifyLineRe = regexp.MustCompile(`(?m)^error (\d+) at (\d+) depth lookup: (.*)$`)

// OpenSSLVerify runs `openssl verify -auth_level N -purpose sslclient
// -verify_depth D -CAfile CA [-untrusted U] [-crl_check_all -CRLfile C]
// [-attime T] CERT` and returns the first error it printed as code and text
// ("error 68 at 0 depth lookup: CA signature digest algorithm too weak" →
// 68, "CA signature digest algorithm too weak"), or 0, "ok".
func OpenSSLVerify(t testing.TB, o VerifyOpts) (code int, text string) {
	t.Helper()
	errs := OpenSSLVerifyErrors(t, o)
	if len(errs) == 0 {
		return 0, "ok"
	}
	return errs[0].Code, errs[0].Text
}

// OpenSSLVerifyErrors is OpenSSLVerify returning every error line openssl
// printed, in order (its callback carries on past some errors, e.g. 79
// then 26). It returns nil when the certificate verified.
func OpenSSLVerifyErrors(t testing.TB, o VerifyOpts) []VerifyError {
	t.Helper()
	Require(t)
	if o.CAFile == "" || o.Cert == "" {
		t.Fatalf("nginxtest: OpenSSLVerify needs CAFile and Cert (got %+v)", o)
	}
	if o.Purpose == "" {
		o.Purpose = "sslclient"
	}
	if o.Depth < 0 {
		o.Depth = 1
	}
	args := []string{"verify"}
	if o.AuthLevel >= 0 {
		args = append(args, "-auth_level", strconv.Itoa(o.AuthLevel))
	}
	args = append(args, "-purpose", o.Purpose, "-verify_depth", strconv.Itoa(o.Depth), "-CAfile", o.CAFile)
	if o.Untrusted != "" {
		args = append(args, "-untrusted", o.Untrusted)
	}
	if o.CRLFile != "" {
		args = append(args, "-crl_check_all", "-CRLfile", o.CRLFile)
	}
	if o.AtUnix != 0 {
		args = append(args, "-attime", strconv.FormatInt(o.AtUnix, 10))
	}
	args = append(args, o.Cert)
	out, err := runOpenSSL(args...)
	var errs []VerifyError
	for _, m := range verifyLineRe.FindAllStringSubmatch(out, -1) {
		code, _ := strconv.Atoi(m[1])
		depth, _ := strconv.Atoi(m[2])
		errs = append(errs, VerifyError{Code: code, Depth: depth, Text: strings.TrimRight(m[3], "\r")})
	}
	switch {
	case err == nil && len(errs) == 0 && strings.Contains(out, ": OK"):
		return nil
	case err != nil && len(errs) > 0:
		return errs
	default:
		t.Fatalf("nginxtest: cannot interpret openssl %s (%v):\n%s", strings.Join(args, " "), err, out)
		return nil
	}
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

func envWithout(env []string, name string) []string {
	out := env[:0:0]
	for _, e := range env {
		if !strings.HasPrefix(e, name+"=") {
			out = append(out, e)
		}
	}
	return out
}

func absPath(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}

// curlEscape escapes the colon that curl's --cert would read as the start
// of a passphrase.
func curlEscape(p string) string {
	return strings.ReplaceAll(p, ":", `\:`)
}

func readFile(p string) string {
	b, err := os.ReadFile(p)
	if err != nil {
		return fmt.Sprintf("(%v)\n", err)
	}
	return string(b)
}

func fileSize(p string) int64 {
	fi, err := os.Stat(p)
	if err != nil {
		return 0
	}
	return fi.Size()
}

// linesFrom returns the complete lines of p from byte offset off on.
func linesFrom(p string, off int64) []string {
	f, err := os.Open(p)
	if err != nil {
		return nil
	}
	defer f.Close()
	if _, err := f.Seek(off, io.SeekStart); err != nil {
		return nil
	}
	var out []string
	r := bufio.NewReader(f)
	for {
		l, err := r.ReadString('\n')
		if err != nil {
			// EOF (an unterminated last line is still being written and
			// is left for the next read) or a read error.
			return out
		}
		out = append(out, strings.TrimRight(l, "\r\n"))
	}
}

// tail returns the last n lines of p.
func tail(p string, n int) string {
	ls := linesFrom(p, 0)
	if len(ls) == 0 {
		if _, err := os.Stat(p); errors.Is(err, os.ErrNotExist) {
			return "(not written: nginx stopped before opening it; see its stderr)\n"
		} else if err != nil {
			return fmt.Sprintf("(%v)\n", err)
		}
		return "(empty)\n"
	}
	if len(ls) > n {
		ls = ls[len(ls)-n:]
	}
	return strings.Join(ls, "\n") + "\n"
}
