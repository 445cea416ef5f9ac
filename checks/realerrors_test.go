package checks

import (
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/catalogue"
	"github.com/mtlsdoctor/mtlsdoctor/internal/servertest"
)

// TestExplainRealOpenSSLErrors: errors the real openssl prints are
// explained by the entry meant for them. OpenSSL 3 refuses a PKCS#12 file
// made with the legacy RC2 cipher (as older tools export them) unless
// -legacy is given.
func TestExplainRealOpenSSLErrors(t *testing.T) {
	dir := t.TempDir()
	key, crt, rc2 := filepath.Join(dir, "k.pem"), filepath.Join(dir, "c.pem"), filepath.Join(dir, "rc2.p12")
	for _, args := range [][]string{
		{"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", key, "-out", crt, "-subj", "/CN=client1", "-days", "1"},
		{"pkcs12", "-export", "-legacy", "-in", crt, "-inkey", key, "-out", rc2, "-passout", "pass:x"},
	} {
		mustOpenSSL(t, args...)
	}
	for _, c := range []struct {
		args      []string
		id, words string
	}{
		{[]string{"pkcs12", "-in", rc2, "-nodes", "-passin", "pass:x", "-out", filepath.Join(dir, "out.pem")}, "key-load-failed", "-legacy"},
	} {
		out, err := exec.Command("openssl", c.args...).CombinedOutput()
		if err == nil {
			t.Fatalf("openssl %s succeeded; want the error to explain:\n%s", strings.Join(c.args, " "), out)
		}
		var line string
		for _, l := range strings.Split(string(out), "\n") {
			if strings.Contains(l, "error:") {
				line = l
				break
			}
		}
		if line == "" {
			t.Fatalf("openssl %s: no error line in:\n%s", strings.Join(c.args, " "), out)
		}
		rep := Explain(line)
		if len(rep.Findings) == 0 {
			t.Fatalf("%s: no finding", line)
		}
		if f := rep.Findings[0]; f.ID.Name() != c.id || !strings.Contains(f.Fix, c.words) {
			t.Errorf("%s:\n  got %s %q, fix %q; want %s with %q", line, f.ID.Name(), f.Title, f.Fix, c.id, c.words)
		}
	}
}

// TestExplainRealGoKeyErrors: the error Go's crypto/tls returns for a key
// with a passphrase (the fixture openssl encrypted) is explained as such.
func TestExplainRealGoKeyErrors(t *testing.T) {
	_, err := tls.LoadX509KeyPair("../testdata/certs/encrypted/client-legacy.crt", "../testdata/certs/encrypted/client-legacy.key")
	if err == nil {
		t.Fatal("crypto/tls loaded an encrypted key")
	}
	rep := Explain(err.Error())
	if len(rep.Findings) == 0 {
		t.Fatalf("%v: no finding", err)
	}
	if f := rep.Findings[0]; f.ID.Name() != "key-load-failed" || !strings.Contains(f.Fix, "openssl pkey -in") {
		t.Errorf("%v: got %s %q, want key-load-failed with an unencrypted copy", err, f.ID.Name(), f.Title)
	}
}

// TestExplainExpiredCRLAlert: an OpenSSL server checking client
// certificates against a CRL past its next update refuses the client with
// alert 45 (certificate_expired), so the client's line must not only say
// "renew the certificate". Run against the real openssl s_server and
// s_client.
func TestExplainExpiredCRLAlert(t *testing.T) {
	dir := t.TempDir()
	p := func(name string) string { return filepath.Join(dir, name) }
	if err := os.WriteFile(p("index.txt"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p("crlnumber"), []byte("01\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cnf := "[ca]\ndefault_ca = c\n[c]\ndatabase = " + p("index.txt") + "\ncrlnumber = " + p("crlnumber") + "\ndefault_md = sha256\n"
	if err := os.WriteFile(p("ca.cnf"), []byte(cnf), 0o600); err != nil {
		t.Fatal(err)
	}
	ec := []string{"-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"}
	for _, args := range [][]string{
		append(append([]string{"req", "-x509"}, ec...), "-keyout", p("ca.key"), "-out", p("ca.crt"), "-subj", "/CN=crl-test-ca", "-days", "2"),
		append(append([]string{"req", "-new"}, ec...), "-keyout", p("srv.key"), "-out", p("srv.csr"), "-subj", "/CN=localhost"),
		{"x509", "-req", "-in", p("srv.csr"), "-CA", p("ca.crt"), "-CAkey", p("ca.key"), "-out", p("srv.crt"), "-days", "1"},
		append(append([]string{"req", "-new"}, ec...), "-keyout", p("cl.key"), "-out", p("cl.csr"), "-subj", "/CN=client1"),
		{"x509", "-req", "-in", p("cl.csr"), "-CA", p("ca.crt"), "-CAkey", p("ca.key"), "-out", p("cl.crt"), "-days", "1"},
		{"ca", "-config", p("ca.cnf"), "-gencrl", "-keyfile", p("ca.key"), "-cert", p("ca.crt"), "-crlsec", "1", "-out", p("crl.pem")},
	} {
		mustOpenSSL(t, args...)
	}
	time.Sleep(1500 * time.Millisecond) // the CRL's next update passes
	var out []byte
	sServerRun(t, []string{"-cert", p("srv.crt"), "-key", p("srv.key"), "-CAfile", p("ca.crt"), "-Verify", "1",
		"-CRL", p("crl.pem"), "-crl_check", "-verify_return_error"}, func(addr string) {
		cl := exec.Command("openssl", "s_client", "-tls1_2", "-connect", addr, "-cert", p("cl.crt"), "-key", p("cl.key"), "-CAfile", p("ca.crt"))
		cl.Stdin = strings.NewReader("")
		out, _ = cl.CombinedOutput()
	})
	var line string
	for _, s := range strings.Split(string(out), "\n") {
		if strings.Contains(s, "alert") && strings.Contains(s, "error:") {
			line = s
		}
	}
	if !strings.Contains(line, "certificate expired") {
		t.Fatalf("s_client did not get alert 45 from a server with an expired CRL:\n%s", out)
	}
	rep := Explain(line)
	if len(rep.Findings) == 0 {
		t.Fatalf("%s: no finding", line)
	}
	if f := rep.Findings[0]; !strings.Contains(f.Explanation, "CRL") {
		t.Errorf("%s: %s %q does not say an expired CRL sends it:\n%s", line, f.ID.Name(), f.Title, f.Explanation)
	}
}

// TestExplainRealNginxSSLDirective: the line the real nginx writes for
// "ssl on;" (deprecated before 1.25.1, an unknown directive since) is told
// with its replacement.
func TestExplainRealNginxSSLDirective(t *testing.T) {
	dir := t.TempDir()
	conf := filepath.Join(dir, "nginx.conf")
	if err := os.WriteFile(conf, []byte("events {}\nhttp { server { listen 127.0.0.1:18999; ssl on; } }\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, stderr, _ := runNginx(t, "-t", conf)
	var line string
	for _, l := range strings.Split(stderr, "\n") {
		if strings.Contains(l, `"ssl"`) && (strings.Contains(l, "deprecated") || strings.Contains(l, "unknown directive")) {
			line = l
			break
		}
	}
	if line == "" {
		t.Fatalf("nginx -t printed no line about the \"ssl\" directive:\n%s", stderr)
	}
	rep := Explain(line)
	if len(rep.Findings) == 0 {
		t.Fatalf("%s: no finding", line)
	}
	if f := rep.Findings[0]; f.ID.Name() != "startup-failed" || !strings.Contains(f.Fix, "listen 443 ssl;") {
		t.Errorf("%s: got %s %q, want startup-failed with the listen line", line, f.ID.Name(), f.Title)
	}
}

// mustOpenSSL runs the real openssl with args, failing the test if it fails.
func mustOpenSSL(t *testing.T, args ...string) {
	t.Helper()
	if out, err := exec.Command("openssl", args...).CombinedOutput(); err != nil {
		t.Fatalf("openssl %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

// TestExplainRealHAProxyRefusedByClient: a real HAProxy serves a
// self-signed certificate; curl refuses it, and HAProxy logs only `SSL
// handshake failure`. explain, given that line, names a client refusing
// HAProxy's own certificate among the causes and points at the probe.
func TestExplainRealHAProxyRefusedByClient(t *testing.T) {
	t.Parallel()
	addr, logs := runHAProxy(t, "serverchain/server-selfsigned", "")
	out, err := exec.Command(servertest.Tool(t, "curl"), "-sS", "-o", "/dev/null", "https://"+addr+"/").CombinedOutput()
	if err == nil || !strings.Contains(string(out), "self-signed") {
		t.Fatalf("curl did not refuse the self-signed certificate: %v %s", err, out)
	}
	line := logLine(t, logs, 1, "SSL handshake failure")
	rep := Explain(line)
	if len(rep.Findings) == 0 {
		t.Fatalf("no finding for %q", line)
	}
	f := rep.Findings[0]
	story := f.Explanation + "\n" + f.Fix
	if f.Role != "server" || !strings.Contains(story, "refused HAProxy's own certificate") || !strings.Contains(story, "mtlsdoctor probe") {
		t.Errorf("%q:\nrole %s\n%s", line, f.Role, story)
	}
}

// TestExplainRealHAProxyClientCertLines: a real HAProxy with `verify
// required` and the validity set's CA as ca-file; curl without a
// certificate, with one from another CA and with an expired one. HAProxy
// 2.6 logs "SSL handshake failure" for the first and "SSL client
// certificate not trusted" for both others: explain names each cause.
func TestExplainRealHAProxyClientCertLines(t *testing.T) {
	t.Parallel()
	addr, logs := runHAProxy(t, "good/server", "verify required ca-file "+probeFx(t, "validity/ca.crt"))
	_, port, _ := net.SplitHostPort(addr)
	curl := func(args ...string) {
		a := append([]string{"-sS", "-o", "/dev/null", "--cacert", probeFx(t, "good/ca.crt"), "--resolve", "localhost:" + port + ":127.0.0.1"}, args...)
		_ = exec.Command(servertest.Tool(t, "curl"), append(a, "https://localhost:"+port+"/")...).Run()
	}
	cert := func(name string) []string {
		return []string{"--cert", probeFx(t, name+".crt"), "--key", probeFx(t, name+".key")}
	}
	for i, tc := range []struct {
		name     string
		args     []string
		logged   string
		id, word string
	}{
		{"no client certificate", nil, "SSL handshake failure", "handshake-failed", "sent no certificate"},
		{"another CA's client certificate", cert("untrusted/client-foreign"), "SSL client certificate not trusted", "verify-error", "not in ca-file"},
		{"expired client certificate", cert("validity/client-expired"), "SSL client certificate not trusted", "verify-error", "expired"},
	} {
		curl(tc.args...)
		wantServerStory(t, tc.name, logLine(t, logs, i+1, tc.logged), "haproxy", tc.id, tc.word)
	}
}

// TestExplainRealHAProxyPurpose: a real HAProxy refusing a client
// certificate made for servers only (serverAuth, no clientAuth) logs the
// same words as for an untrusted one; the story names the purpose, and
// curl's alert is told as the server's verdict on its certificate.
func TestExplainRealHAProxyPurpose(t *testing.T) {
	t.Parallel()
	addr, logs := runHAProxy(t, "good/server", "verify required ca-file "+probeFx(t, "purpose/ca.crt"))
	_, port, _ := net.SplitHostPort(addr)
	out, _ := exec.Command(servertest.Tool(t, "curl"), "-sS", "-o", "/dev/null", "--tlsv1.2", "--tls-max", "1.2", "--cacert", probeFx(t, "good/ca.crt"),
		"--resolve", "localhost:"+port+":127.0.0.1", "--cert", probeFx(t, "purpose/client-serverauth.crt"), "--key", probeFx(t, "purpose/client-serverauth.key"),
		"https://localhost:"+port+"/").CombinedOutput()
	wantServerStory(t, "server-only client certificate", logLine(t, logs, 1, "SSL client certificate not trusted"), "haproxy", "verify-error", "clientAuth")
	line := strings.TrimSpace(string(out))
	if !strings.Contains(line, "alert unsupported certificate") {
		t.Fatalf("curl got %q, want alert unsupported_certificate", line)
	}
	if rep := Explain(line); len(rep.Findings) == 0 || rep.Findings[0].Role != "client" || !strings.Contains(rep.Findings[0].Explanation, "clientAuth") {
		t.Errorf("%q: %+v", line, rep.Findings)
	}
}

// runHAProxy runs a real haproxy with one frontend serving the fixture
// NAME (.crt and .key) with the bind options given, and returns its
// address and its log file. Line 0 of the log is servertest's readiness
// check, a bare TCP connect, and explain tells it as a health check.
func runHAProxy(t *testing.T, name, bindOpts string) (addr, logFile string) {
	t.Helper()
	addr, logFile = servertest.HAProxyWithLog(t, haproxyPEM(t, name), bindOpts, "  http-request return status 200")
	line := logLine(t, logFile, 0, "Connection closed during SSL handshake")
	if rep := Explain(line); len(rep.Findings) == 0 || rep.Findings[0].Severity != "info" || !strings.Contains(rep.Findings[0].Explanation, "health checks") {
		t.Errorf("%q: %+v", line, rep.Findings)
	}
	return addr, logFile
}

// haproxyPEM writes the fixture NAME's certificate and key (.crt, .key)
// into one PEM file, as HAProxy's crt takes them, and returns its path.
func haproxyPEM(t *testing.T, name string) string {
	t.Helper()
	pem := filepath.Join(t.TempDir(), "server.pem")
	var both []byte
	for _, f := range []string{name + ".crt", name + ".key"} {
		b, err := os.ReadFile(probeFx(t, f))
		if err != nil {
			t.Fatal(err)
		}
		both = append(both, b...)
	}
	if err := os.WriteFile(pem, both, 0o600); err != nil {
		t.Fatal(err)
	}
	return pem
}

// lastLineWith is the last line of a log's text that holds word, or "".
func lastLineWith(data []byte, word string) string {
	var line string
	for _, l := range strings.Split(string(data), "\n") {
		if strings.Contains(l, word) {
			line = l
		}
	}
	return line
}

// logLine waits for the n-th (from 0) connection line of a HAProxy log
// file and checks that it holds want.
func logLine(t *testing.T, logFile string, n int, want string) string {
	t.Helper()
	for i := 0; i < 100; i++ {
		data, _ := os.ReadFile(logFile)
		var conns []string
		for _, l := range strings.Split(string(data), "\n") {
			if strings.Contains(l, "] fe/") {
				conns = append(conns, l)
			}
		}
		if len(conns) > n {
			if !strings.Contains(conns[n], want) {
				t.Fatalf("HAProxy logged %q, want %q", conns[n], want)
			}
			return conns[n]
		}
		time.Sleep(50 * time.Millisecond)
	}
	data, _ := os.ReadFile(logFile)
	t.Fatalf("HAProxy logged no line %d:\n%s", n, data)
	return ""
}

// goTLSServer serves HTTPS with cfg on a free loopback port until the
// test ends, and returns its address and its error log (Go's own lines:
// "http: TLS handshake error from ...").
func goTLSServer(t *testing.T, cfg *tls.Config) (string, *lockedBuffer) {
	t.Helper()
	logs := &lockedBuffer{}
	l, err := tls.Listen("tcp", "127.0.0.1:0", cfg)
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: http.NotFoundHandler(), ErrorLog: log.New(logs, "", log.LstdFlags), ReadHeaderTimeout: 5 * time.Second}
	go func() { _ = srv.Serve(l) }()
	t.Cleanup(func() { _ = srv.Close() })
	return l.Addr().String(), logs
}

// handshakeErrorLine waits for the last "handshake error from" line of a
// Go server's log, or "" after two seconds.
func handshakeErrorLine(logs *lockedBuffer) string {
	var line string
	for i := 0; i < 100 && line == ""; i++ {
		line = lastLineWith([]byte(logs.String()), "handshake error from")
		if line == "" {
			time.Sleep(20 * time.Millisecond)
		}
	}
	return line
}

// lockedBuffer collects a process's output while the test reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestExplainRealApacheRefusedByClient: a real Apache httpd serves a
// self-signed certificate and curl refuses it. Each mod_ssl line about
// that connection is told from the server's side: the handshake failure
// names a client refusing Apache's certificate, the alert line says the
// client refused this server's certificate, the closing line is info.
func TestExplainRealApacheRefusedByClient(t *testing.T) {
	t.Parallel()
	addr, errorLog := servertest.ApacheWithLog(t, probeFx(t, "serverchain/server-selfsigned.crt"), probeFx(t, "serverchain/server-selfsigned.key"), "")
	out, err := exec.Command(servertest.Tool(t, "curl"), "-sS", "-o", "/dev/null", "https://"+addr+"/").CombinedOutput()
	if err == nil || !strings.Contains(string(out), "self-signed") {
		t.Fatalf("curl did not refuse the self-signed certificate: %v %s", err, out)
	}
	want := map[string]struct{ id, severity, words string }{
		"AH02008":           {"handshake-failed", "warning", "refused Apache's own certificate"},
		"alert unknown ca":  {"tls-alert", "error", "this server's own certificate"},
		"abortive shutdown": {"handshake-failed", "info", "failed handshake"},
	}
	seen := map[string]bool{}
	for i := 0; i < 50 && len(seen) < len(want); i++ {
		time.Sleep(100 * time.Millisecond)
		data, err := os.ReadFile(errorLog)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			for k, w := range want {
				if seen[k] || !strings.Contains(line, k) {
					continue
				}
				seen[k] = true
				rep := Explain(line)
				if len(rep.Findings) == 0 {
					t.Errorf("no finding for %q", line)
					continue
				}
				f := rep.Findings[0]
				if f.ID.Name() != w.id || string(f.Severity) != w.severity || f.Role != "server" || !strings.Contains(f.Explanation+f.Fix, w.words) {
					t.Errorf("%q:\n%s %s %s\n%s\n%s", line, f.ID.Name(), f.Severity, f.Role, f.Explanation, f.Fix)
				}
			}
		}
	}
	if len(seen) < len(want) {
		t.Errorf("Apache logged only %v of %v", seen, want)
	}
}

// TestExplainRealGoServerLines: a real Go HTTPS server requires client
// certificates from good/ca.crt; curl, openssl s_client and a Go client
// fail against it in the usual ways, and each line the server logs is told
// from the server's side with its cause. Facts from these runs: Go 1.26
// says "tls: failed to verify certificate" for a client's certificate as
// for a server's, and an OpenSSL client refusing the server's certificate
// over TLS 1.3 shows up as "local error: tls: bad record MAC".
func TestExplainRealGoServerLines(t *testing.T) {
	t.Parallel()
	files := newServerFiles(t)
	addr, logs := goTLSServer(t, &tls.Config{Certificates: []tls.Certificate{files.serverCert},
		ClientAuth: tls.RequireAndVerifyClientCert, ClientCAs: probePool(t, "good/ca.crt")})
	_, portText, _ := net.SplitHostPort(addr)
	port, _ := strconv.Atoi(portText)
	url := "https://localhost:" + strconv.Itoa(port) + "/"
	resolve := "localhost:" + strconv.Itoa(port) + ":127.0.0.1"
	curl := servertest.Tool(t, "curl")
	ca := probeFx(t, "good/ca.crt")
	withCert := func(name string) []string {
		return []string{"--cacert", ca, "--cert", probeFx(t, name+".crt"), "--key", probeFx(t, name+".key")}
	}
	cases := []struct {
		name   string
		client func()
		id     string
		words  string
	}{
		{"no client certificate", func() { _ = exec.Command(curl, "-sS", "--resolve", resolve, "--cacert", ca, url).Run() },
			"no-client-cert", "ClientCAs"},
		{"client certificate from another CA", func() {
			_ = exec.Command(curl, append([]string{"-sS", "--resolve", resolve}, append(withCert("untrusted/client-foreign"), url)...)...).Run()
		}, "verify-error", "ClientCAs"},
		{"expired client certificate", func() {
			_ = exec.Command(curl, append([]string{"-sS", "--resolve", resolve}, append(withCert("validity/client-expired"), url)...)...).Run()
		}, "verify-error", "expired"},
		{"plain HTTP", func() { _ = exec.Command(curl, "-sS", "http://127.0.0.1:"+strconv.Itoa(port)+"/").Run() },
			"plain-http", "https://"},
		{"an SSLv2-format hello, as scanners send", func() {
			c, err := net.DialTimeout("tcp", "127.0.0.1:"+strconv.Itoa(port), 5*time.Second)
			if err != nil {
				return
			}
			defer c.Close()
			_ = c.SetDeadline(time.Now().Add(5 * time.Second))
			// SSLv2 CLIENT-HELLO: 2-byte header with the high bit set, then msg type 1, version 3.1.
			_, _ = c.Write([]byte{0x80, 0x2e, 0x01, 0x03, 0x01, 0x00, 0x15, 0x00, 0x00, 0x00, 0x10})
			_, _ = io.ReadAll(c)
		}, "handshake-failed", "SSLv2"},
		{"curl refuses the server's certificate (TLS 1.3)", func() { _ = exec.Command(curl, "-sS", "--resolve", resolve, url).Run() },
			"server-cert-untrusted", "mtlsdoctor probe"},
		{"curl refuses the server's certificate (TLS 1.2)", func() { _ = exec.Command(curl, "-sS", "--tls-max", "1.2", "--resolve", resolve, url).Run() },
			"tls-alert", "this server's own certificate"},
		{"a Go client refuses the server's certificate", func() {
			c, err := tls.Dial("tcp", "127.0.0.1:"+strconv.Itoa(port), &tls.Config{ServerName: "localhost"})
			if err == nil {
				c.Close()
			}
		}, "tls-alert", "this server's own certificate"},
	}
	// The client's side of a refused certificate: over TLS 1.3 curl prints
	// an alert, or a reset at its next send or receive, as timing goes.
	out, _ := exec.Command(curl, append([]string{"-sS", "--resolve", resolve}, append(withCert("untrusted/client-foreign"), url)...)...).CombinedOutput()
	if rep := Explain(strings.TrimSpace(string(out))); len(rep.Findings) == 0 || rep.Findings[0].Role != "client" ||
		!strings.Contains(rep.Findings[0].Explanation, "client certificate") {
		t.Errorf("curl's %q: %+v", out, rep.Findings)
	}
	for i := 0; i < 100 && !strings.Contains(logs.String(), "handshake error from"); i++ {
		time.Sleep(20 * time.Millisecond) // its server line, before the cases count lines
	}
	for _, tc := range cases {
		before := len(strings.Split(logs.String(), "\n"))
		tc.client()
		var line string
		for i := 0; i < 50 && line == ""; i++ {
			time.Sleep(20 * time.Millisecond)
			lines := strings.Split(logs.String(), "\n")
			for _, l := range lines[before-1:] {
				if strings.Contains(l, "handshake error from") {
					line = l
				}
			}
		}
		if line == "" {
			t.Errorf("%s: the Go server logged nothing", tc.name)
			continue
		}
		wantServerStory(t, tc.name, line, "go", tc.id, tc.words)
	}
}

// TestExplainRealApacheClientCertLines: a real Apache httpd with
// SSLVerifyClient require and the validity set's CA; curl without a
// certificate, with one from another CA, with an expired one, and in
// plain HTTP. Each line mod_ssl writes about it is told as Apache's, in
// Apache's directives (SSLCACertificateFile), not nginx's.
func TestExplainRealApacheClientCertLines(t *testing.T) {
	t.Parallel()
	addr, errorLog := servertest.ApacheWithLog(t, probeFx(t, "good/server.crt"), probeFx(t, "good/server.key"),
		"  SSLCACertificateFile "+probeFx(t, "validity/ca.crt")+"\n  SSLVerifyClient require")
	_, port, _ := net.SplitHostPort(addr)
	curl := servertest.Tool(t, "curl")
	base := []string{"-sS", "-o", "/dev/null", "--cacert", probeFx(t, "good/ca.crt"), "--resolve", "localhost:" + port + ":127.0.0.1"}
	url := "https://localhost:" + port + "/"
	for _, args := range [][]string{
		nil,
		{"--cert", probeFx(t, "untrusted/client-foreign.crt"), "--key", probeFx(t, "untrusted/client-foreign.key")},
		{"--cert", probeFx(t, "validity/client-expired.crt"), "--key", probeFx(t, "validity/client-expired.key")},
	} {
		_ = exec.Command(curl, append(append(append([]string{}, base...), args...), url)...).Run()
	}
	_ = exec.Command(curl, "-sS", "-o", "/dev/null", "http://"+addr+"/").Run()
	want := []struct{ logged, id, words string }{
		{"peer did not return a certificate", "handshake-failed", "got none"},
		{"Error (20): unable to get local issuer certificate", "verify-error", "SSLCACertificateFile"},
		{"Error (10): certificate has expired", "verify-error", "Reissue the expired certificate"},
		{"HTTP spoken on HTTPS port", "plain-http", "https://"},
	}
	var data []byte
	for i := 0; i < 50; i++ {
		time.Sleep(100 * time.Millisecond)
		data, _ = os.ReadFile(errorLog)
		if strings.Contains(string(data), "HTTP spoken on HTTPS port") {
			break
		}
	}
	for _, w := range want {
		line := lastLineWith(data, w.logged)
		if line == "" {
			t.Errorf("Apache logged no line with %q:\n%s", w.logged, data)
			continue
		}
		wantServerStory(t, w.logged, line, "apache", w.id, w.words)
	}
	// Its start-up and connection lines at info level are routine notes.
	routine := 0
	for _, l := range strings.Split(string(data), "\n") {
		for _, ah := range []string{"AH01883:", "AH01887:", "AH01914:", "AH02568:", "AH01876:", "AH01964:"} {
			if strings.Contains(l, ah) {
				routine++
				if rep := Explain(l); len(rep.Findings) == 0 || rep.Findings[0].Severity != "info" {
					t.Errorf("%q: %s, want a routine note", l, findingKeys(rep))
				}
			}
		}
	}
	if routine < 6 {
		t.Errorf("Apache logged %d routine mod_ssl lines, want its start-up and connection lines:\n%s", routine, data)
	}
}

// wantServerStory checks that explain tells a server's log line as that
// server's (reporter, role server), with the finding id and words wanted,
// and, for a server other than nginx, without nginx's client-CA directive.
func wantServerStory(t *testing.T, name, line, reporter, id, words string) {
	t.Helper()
	rep := Explain(line)
	if len(rep.Findings) == 0 {
		t.Errorf("%s: no finding for %q", name, line)
		return
	}
	f := rep.Findings[0]
	all := f.Title + "\n" + f.Explanation + "\n" + f.Fix
	if f.ID.Name() != id || f.Role != "server" || f.Reporter != reporter || !strings.Contains(all, words) ||
		reporter != "nginx" && strings.Contains(all, "ssl_client_certificate") {
		t.Errorf("%s: %q:\n%s %s/%s\n%s", name, line, f.ID.Name(), f.Reporter, f.Role, all)
	}
}

// TestExplainRealHAProxyBackendLines: a real HAProxy proxying to TLS
// servers (real openssl s_server) that refuse it logs only its HTTP log's
// termination state: SH and a 502 when the server wants a client
// certificate HAProxy does not send (TLS 1.3, refused after the
// handshake), SC and a 503 over TLS 1.2 and when HAProxy does not trust
// the server's certificate. Each is told as HAProxy, the client of its
// backend, with the server line's options in the fix.
func TestExplainRealHAProxyBackendLines(t *testing.T) {
	t.Parallel()
	wantsCert := servertest.SServer(t, "-www", "-cert", probeFx(t, "good/server.crt"), "-key", probeFx(t, "good/server.key"),
		"-CAfile", probeFx(t, "good/ca.crt"), "-Verify", "1", "-verify_return_error")
	selfSigned := servertest.SServer(t, "-www", "-cert", probeFx(t, "serverchain/server-selfsigned.crt"), "-key", probeFx(t, "serverchain/server-selfsigned.key"))
	ca := probeFx(t, "good/ca.crt")
	backends := fmt.Sprintf(`  use_backend tls12 if { path_beg /tls12 }
  use_backend untrusted if { path_beg /untrusted }
  default_backend nocert
backend nocert
  retries 0
  server s1 %[1]s ssl verify required ca-file %[3]s sni str(localhost)
backend tls12
  retries 0
  server s2 %[1]s ssl verify required ca-file %[3]s sni str(localhost) ssl-max-ver TLSv1.2
backend untrusted
  retries 0
  server s3 %[2]s ssl verify required ca-file %[3]s sni str(localhost)`, wantsCert, selfSigned, ca)
	addr, logFile := servertest.HAProxyWithLog(t, haproxyPEM(t, "good/server"), "", backends)
	_, port, _ := net.SplitHostPort(addr)
	for _, tc := range []struct {
		path, status, state, words string
	}{
		// Over TLS 1.3 the refusal comes after the handshake: SH and a
		// 502, or SC and a 503 when it arrives before the request goes out.
		{"/", "502 or 503", "SH-- or SC--", "crt /etc/haproxy/client.pem"},
		{"/tls12", "503", "SC--", "crt /etc/haproxy/client.pem"},
		{"/untrusted", "503", "SC--", "ca-file /etc/haproxy/backend-ca.pem"},
	} {
		out, _ := exec.Command(servertest.Tool(t, "curl"), "-sS", "-o", "/dev/null", "-w", "%{http_code}", "--cacert", ca,
			"--resolve", "localhost:"+port+":127.0.0.1", "https://localhost:"+port+tc.path).CombinedOutput()
		if !strings.Contains(tc.status, string(out)) || len(out) != 3 {
			t.Errorf("%s: HAProxy answered %q, want %s", tc.path, out, tc.status)
		}
		var line string
		for i := 0; i < 100 && line == ""; i++ {
			data, _ := os.ReadFile(logFile)
			line = lastLineWith(data, `"GET `+tc.path+` `)
			time.Sleep(20 * time.Millisecond)
		}
		state := ""
		for _, st := range strings.Split(tc.state, " or ") {
			if strings.Contains(line, " "+string(out)+" ") && strings.Contains(line, " "+st+" ") {
				state = st
			}
		}
		if state == "" {
			t.Errorf("%s: HAProxy logged %q, want %s and %s", tc.path, line, tc.status, tc.state)
			continue
		}
		rep := Explain(line)
		if len(rep.Findings) == 0 {
			t.Errorf("%s: no finding for %q", tc.path, line)
			continue
		}
		f := rep.Findings[0]
		if f.Reporter != "haproxy" || f.Role != "client" || !strings.Contains(f.Title, "("+state[:2]+")") || !strings.Contains(f.Fix, tc.words) {
			t.Errorf("%s: %q:\n%s %s/%s %q\n%s", tc.path, line, f.ID.Name(), f.Reporter, f.Role, f.Title, f.Fix)
		}
	}
}

// TestExplainRealApacheProxyLines: a real Apache proxying (SSLProxyEngine,
// ProxyPass https://) to a real s_server that requires a client
// certificate, with no SSLProxyMachineCertificateFile. Its lines about
// the backend are told as Apache the client, with the proxy's directive
// in the fix; the request gets a 502.
func TestExplainRealApacheProxyLines(t *testing.T) {
	t.Parallel()
	backend := servertest.SServer(t, "-www", "-cert", probeFx(t, "good/server.crt"), "-key", probeFx(t, "good/server.key"),
		"-CAfile", probeFx(t, "good/ca.crt"), "-Verify", "1", "-verify_return_error")
	addr, errorLog := servertest.ApacheWithLog(t, probeFx(t, "good/server.crt"), probeFx(t, "good/server.key"),
		"  SSLProxyEngine on\n  SSLProxyCACertificateFile "+probeFx(t, "good/ca.crt")+"\n  SSLProxyCheckPeerName off\n  ProxyPass /app https://"+backend+"/\n")
	out, _ := exec.Command(servertest.Tool(t, "curl"), "-sS", "-o", "/dev/null", "-w", "%{http_code}", "--cacert", probeFx(t, "good/ca.crt"),
		"--resolve", "localhost:"+strings.Split(addr, ":")[1]+":127.0.0.1", "https://localhost:"+strings.Split(addr, ":")[1]+"/app").CombinedOutput()
	if string(out) != "502" {
		t.Errorf("Apache answered %q, want 502", out)
	}
	want := []struct{ logged, id, words string }{
		{"AH02268:", "no-client-cert", "SSLProxyMachineCertificateFile"},
		{"AH01992:", "handshake-failed", "SSLProxyMachineCertificateFile"},
		{"AH01102:", "handshake-failed", "SSLProxyMachineCertificateFile"},
		{"AH00898:", "handshake-failed", "SSLProxyMachineCertificateFile"},
	}
	var data []byte
	for i := 0; i < 50; i++ {
		data, _ = os.ReadFile(errorLog)
		if strings.Contains(string(data), "AH00898") {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	for _, w := range want {
		line := lastLineWith(data, w.logged)
		if line == "" {
			t.Errorf("Apache logged no line with %q:\n%s", w.logged, data)
			continue
		}
		rep := Explain(line)
		if len(rep.Findings) == 0 {
			t.Errorf("%s: no finding for %q", w.logged, line)
			continue
		}
		f := rep.Findings[0]
		if f.ID.Name() != w.id || f.Reporter != "apache" || f.Role != "client" || !strings.Contains(f.Fix, w.words) {
			t.Errorf("%s: %q:\n%s %s/%s %q\n%s", w.logged, line, f.ID.Name(), f.Reporter, f.Role, f.Title, f.Fix)
		}
	}
}

// TestExplainRealGoSHA1: a real Go client refuses the weak set's
// SHA-1-signed server certificate (served by a real s_server at security
// level 0) although it trusts the CA; explain tells it as the SHA-1
// signature, with the SHA-256 re-signing, not as an unknown CA.
func TestExplainRealGoSHA1(t *testing.T) {
	t.Parallel()
	addr := servertest.SServer(t, "-www", "-cert", probeFx(t, "weak/server-sha1.crt"), "-key", probeFx(t, "weak/server-sha1.key"), "-cipher", "DEFAULT@SECLEVEL=0")
	c, err := tls.DialWithDialer(&net.Dialer{Timeout: 5 * time.Second}, "tcp", addr, &tls.Config{RootCAs: probePool(t, "weak/ca.crt"), ServerName: "localhost"})
	if err == nil {
		c.Close()
		t.Fatal("the Go client accepted a SHA-1-signed server certificate")
	}
	rep := Explain(err.Error())
	if len(rep.Findings) == 0 || rep.Findings[0].ID != catalogue.WeakSignature || rep.Findings[0].Role != "client" || !strings.Contains(rep.Findings[0].Fix, "-sha256") {
		t.Errorf("%q: %+v", err, rep.Findings)
	}
}

// TestExplainRealGoCandidateAuthority: two CAs made by openssl under the
// same name, the server's certificate from the second, a real Go client
// trusting the first (as a kubeconfig keeps the CA of a cluster since
// rebuilt): Go's "candidate authority certificate" error is told as a CA
// of the right name with another key, with the key identifiers to compare.
func TestExplainRealGoCandidateAuthority(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	p := func(name string) string { return filepath.Join(dir, name) }
	if err := os.WriteFile(p("s.ext"), []byte("subjectAltName=DNS:localhost\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", p("old.key"), "-out", p("old.crt"), "-subj", "/CN=kubernetes", "-days", "2"},
		{"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", p("new.key"), "-out", p("new.crt"), "-subj", "/CN=kubernetes", "-days", "2"},
		{"req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", p("s.key"), "-out", p("s.csr"), "-subj", "/CN=localhost"},
		{"x509", "-req", "-in", p("s.csr"), "-CA", p("new.crt"), "-CAkey", p("new.key"), "-CAcreateserial", "-extfile", p("s.ext"), "-out", p("s.crt"), "-days", "2"},
	} {
		mustOpenSSL(t, args...)
	}
	addr := servertest.SServer(t, "-www", "-cert", p("s.crt"), "-key", p("s.key"))
	old, err := os.ReadFile(p("old.crt"))
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(old)
	c, err := tls.DialWithDialer(&net.Dialer{Timeout: 5 * time.Second}, "tcp", addr, &tls.Config{RootCAs: pool, ServerName: "localhost"})
	if err == nil {
		c.Close()
		t.Fatal("the Go client trusted a server certificate from another CA of the same name")
	}
	line := "Unable to connect to the server: " + err.Error()
	if !strings.Contains(line, "candidate authority certificate") {
		t.Fatalf("Go said %q", line)
	}
	rep := Explain(line)
	if len(rep.Findings) == 0 || rep.Findings[0].ID != catalogue.BadSignature || rep.Findings[0].Role != "client" ||
		!strings.Contains(rep.Findings[0].Fix, "Authority Key Identifier") {
		t.Errorf("%q: %+v", line, rep.Findings)
	}
}
