package checks

import (
	"context"
	"crypto/tls"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/catalogue"
	"github.com/mtlsdoctor/mtlsdoctor/internal/nginxtest"
	"github.com/mtlsdoctor/mtlsdoctor/internal/servertest"
	"github.com/mtlsdoctor/mtlsdoctor/logparse"
	"github.com/mtlsdoctor/mtlsdoctor/report"
)

// These tests make a real nginx write the lines of its client roles (to
// an upstream that requires a client certificate, OCSP stapling) and of
// failed start-ups, and check what logs and explain make of them.

// logFile reads a real log with logs' scanner and returns its findings.
func logFile(t *testing.T, path string) []report.Finding { return logSince(t, path, 0) }

// logSince is logFile for what was written after the first off bytes.
func logSince(t *testing.T, path string, off int) []report.Finding {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	b = b[off:]
	if len(b) == 0 {
		return nil
	}
	return logFindings(t, strings.Split(strings.TrimRight(string(b), "\n"), "\n")...)
}

func logSize(t *testing.T, path string) int {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return len(b)
}

// get makes one HTTPS request to addr+path, trusting anything.
func get(t *testing.T, addr, path string) int {
	t.Helper()
	c := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
	resp, err := c.Get("https://" + addr + path)
	if err != nil {
		t.Fatalf("GET %s%s: %v", addr, path, err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

// pki makes a CA and a client certificate it issued, with real openssl.
func upstreamPKI(t *testing.T, dir, name string) (ca, cert, key string) {
	t.Helper()
	ca, cakey := filepath.Join(dir, name+"-ca.pem"), filepath.Join(dir, name+"-ca.key")
	cert, key, csr := filepath.Join(dir, name+"-client.pem"), filepath.Join(dir, name+"-client.key"), filepath.Join(dir, name+".csr")
	ext := filepath.Join(dir, name+".ext")
	if err := os.WriteFile(ext, []byte("basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=clientAuth\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	nginxtest.OpenSSL(t, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-days", "7", "-subj", "/CN="+name+" CA", "-keyout", cakey, "-out", ca)
	nginxtest.OpenSSL(t, "req", "-new", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN="+name+" proxy", "-keyout", key, "-out", csr)
	nginxtest.OpenSSL(t, "x509", "-req", "-sha256", "-days", "7", "-in", csr, "-CA", ca, "-CAkey", cakey, "-CAcreateserial", "-extfile", ext, "-out", cert)
	return ca, cert, key
}

// TestRealUpstreamMTLS: nginx proxying to an nginx that requires a client
// certificate. Without proxy_ssl_certificate the backend logs a missing
// certificate; with one from another CA a verify error; with the right one
// the request goes through and neither log has anything about TLS. With
// proxy_ssl_verify on against the wrong CA, the proxy logs an upstream
// verify error: nginx as a client, with proxy_ssl_* in the fix and never
// ssl_client_certificate.
func TestRealUpstreamMTLS(t *testing.T) {
	nginxtest.Require(t)
	dir := t.TempDir()
	ca, cert, key := upstreamPKI(t, dir, "good")
	_, badCert, badKey := upstreamPKI(t, dir, "other")
	backend := nginxtest.Start(t, nginxtest.NewConfig(ca))
	loc := func(path, extra string) string {
		return "location " + path + " { proxy_pass https://" + backend.Addr + "/; proxy_ssl_session_reuse off; " + extra + " }\n"
	}
	front := nginxtest.Start(t, nginxtest.Config{VerifyClient: "off", VerifyDepth: -1, SecLevel: -1, Extra: loc("/none/", "") +
		loc("/bad/", "proxy_ssl_certificate "+badCert+"; proxy_ssl_certificate_key "+badKey+";") +
		loc("/good/", "proxy_ssl_certificate "+cert+"; proxy_ssl_certificate_key "+key+";") +
		loc("/verify/", "proxy_ssl_verify on; proxy_ssl_trusted_certificate "+ca+"; proxy_ssl_certificate "+cert+"; proxy_ssl_certificate_key "+key+";")})

	off := logSize(t, backend.ErrorLog) // the harness's own probe
	if st := get(t, front.Addr, "/good/"); st != 200 {
		t.Fatalf("with the right proxy_ssl_certificate: status %d, want 200", st)
	}
	if fs := logSince(t, backend.ErrorLog, off); len(fs) != 0 {
		t.Errorf("backend log after a good request: %+v", fs)
	}
	if st := get(t, front.Addr, "/none/"); st != 400 {
		t.Errorf("without proxy_ssl_certificate: status %d, want the backend's 400", st)
	}
	if st := get(t, front.Addr, "/bad/"); st != 400 {
		t.Errorf("with another CA's certificate: status %d, want the backend's 400", st)
	}
	ids := map[string]report.Finding{}
	for _, f := range logSince(t, backend.ErrorLog, off) {
		ids[f.ID.Name()] = f
		if f.Reporter != "nginx" || f.Role != "server" {
			t.Errorf("backend %s: reporter %q role %q, want nginx server", f.ID.Name(), f.Reporter, f.Role)
		}
	}
	if f, ok := ids["no-client-cert"]; !ok || !strings.Contains(f.Fix, "proxy_ssl_certificate") {
		t.Errorf("backend without a proxy certificate: %+v, want no-client-cert whose fix names proxy_ssl_certificate for a proxy", ids)
	}
	if _, ok := ids["verify-error"]; !ok {
		t.Errorf("backend with another CA's certificate: %+v, want verify-error", ids)
	}

	if st := get(t, front.Addr, "/verify/"); st != 502 {
		t.Errorf("proxy_ssl_verify against a self-signed backend: status %d, want 502", st)
	}
	var up *report.Finding
	for _, f := range logFile(t, front.ErrorLog) {
		if f.Is(catalogue.UpstreamVerifyError) {
			up = &f
		}
		if f.Role == "client" && strings.Contains(f.Fix, "ssl_client_certificate") {
			t.Errorf("client-role finding with a server fix: %+v", f)
		}
	}
	if up == nil || up.Role != "client" || !strings.Contains(up.Fix, "proxy_ssl_trusted_certificate") {
		t.Fatalf("front log: %+v, want upstream-verify-error (role client) with proxy_ssl_trusted_certificate", up)
	}
	if e := Explain(up.Example); len(e.Findings) == 0 || e.Findings[0].Role != "client" || e.Findings[0].ID != catalogue.UpstreamVerifyError {
		t.Errorf("explain of %s: %+v", up.Example, e.Findings)
	}
}

// TestRealStaplingLines: ssl_stapling on a self-signed certificate makes
// nginx warn at start-up; logs reads it as stapling-failed, nginx the
// client of an OCSP responder, a warning.
func TestRealStaplingLines(t *testing.T) {
	nginxtest.Require(t)
	s := nginxtest.Start(t, nginxtest.Config{VerifyClient: "off", VerifyDepth: -1, SecLevel: -1, Extra: "ssl_stapling on;"})
	// nginx warns while reading its configuration, before its error log
	// is open: on stderr (the journal, under systemd).
	fs := logFile(t, s.Stderr)
	if len(fs) != 1 || !fs[0].Is(catalogue.StaplingFailed) || fs[0].Role != "client" || fs[0].Severity != report.Warning ||
		!strings.Contains(fs[0].Fix, "ssl_trusted_certificate") && !strings.Contains(fs[0].Fix, "ssl_stapling off") {
		t.Fatalf("findings %+v, want one stapling-failed warning (client)\nstderr:\n%s", fs, readLog(t, s.Stderr))
	}
}

func readLog(t *testing.T, p string) string {
	b, _ := os.ReadFile(p)
	return string(b)
}

// nginxT runs `nginx -t` on a configuration whose server names cert and
// key, and returns what it printed (its start-up errors).
func nginxT(t *testing.T, dir, cert, key, extra string) string {
	t.Helper()
	bin, err := exec.LookPath("nginx")
	if err != nil {
		bin = "/usr/sbin/nginx"
	}
	conf := filepath.Join(dir, "nginx.conf")
	body := "error_log " + filepath.Join(dir, "error.log") + ";\npid " + filepath.Join(dir, "nginx.pid") + ";\nevents {}\nhttp {\n" +
		"  server {\n    listen 127.0.0.1:1 ssl;\n    ssl_certificate " + cert + ";\n    ssl_certificate_key " + key + ";\n    " + extra + "\n  }\n}\n"
	if err := os.WriteFile(conf, []byte(body), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	out, _ := exec.CommandContext(ctx, bin, "-t", "-p", dir, "-c", conf).CombinedOutput()
	return string(out)
}

// TestRealStartupFailures: what `nginx -t` prints for a missing file, an
// empty one, garbage, a key where the certificate belongs (as it is, or
// under a certificate's BEGIN line), a key of another certificate and a
// wrong passphrase; read by logs as journalctl
// -o cat gives it (only "nginx: [emerg]" lines), each is its own cause
// with its own fix naming the file.
func TestRealStartupFailures(t *testing.T) {
	nginxtest.Require(t)
	dir := t.TempDir()
	cert, key := filepath.Join(dir, "server.pem"), filepath.Join(dir, "server.key")
	nginxtest.OpenSSL(t, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "7", "-subj", "/CN=localhost", "-keyout", key, "-out", cert)
	otherKey := filepath.Join(dir, "other.key")
	nginxtest.OpenSSL(t, "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", otherKey)
	encKey := filepath.Join(dir, "enc.key")
	nginxtest.OpenSSL(t, "pkey", "-in", key, "-aes256", "-passout", "pass:right", "-out", encKey)
	pw := filepath.Join(dir, "pw.txt")
	empty, garbage := filepath.Join(dir, "empty.pem"), filepath.Join(dir, "garbage.pem")
	for p, b := range map[string]string{pw: "wrong\n", empty: "", garbage: "<html>404 Not Found</html>\n"} {
		if err := os.WriteFile(p, []byte(b), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	missing := filepath.Join(dir, "live", "example.com", "fullchain.pem")
	// A key's block under a certificate's BEGIN line: found, decoded, not
	// a certificate.
	mislabelled := filepath.Join(dir, "mislabelled.pem")
	kb, err := os.ReadFile(key)
	if err != nil {
		t.Fatal(err)
	}
	kb = []byte(strings.ReplaceAll(string(kb), "PRIVATE KEY", "CERTIFICATE"))
	if err := os.WriteFile(mislabelled, kb, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, cert, key, extra string
		id                     *catalogue.Text
		want                   []string // in the title or fix
	}{
		{"missing", missing, key, "", nil, []string{"does not exist", missing, "ls -l " + missing}},
		{"empty", empty, key, "", nil, []string{empty + " is empty"}},
		{"garbage", garbage, key, "", nil, []string{"not a PEM", "head -c 64 " + garbage}},
		{"key as cert", key, key, "", nil, []string{"holds a PRIVATE KEY, not a CERTIFICATE"}},
		{"mislabelled", mislabelled, key, "", nil, []string{"does not hold what its BEGIN line says", "grep -n -- '-----' " + mislabelled}},
		{"mismatch", cert, otherKey, "", nil, []string{"is not the key of the certificate", "openssl pkey -pubout -in " + otherKey}},
		{"password", cert, encKey, "ssl_password_file " + pw + ";", nil, []string{"passphrase", "ssl_password_file"}},
		// A DH parameters file is made, not issued.
		{"missing dhparam", cert, key, "ssl_dhparam " + filepath.Join(dir, "dhparam.pem") + ";", nil, []string{"ssl_dhparam", "openssl dhparam -out " + filepath.Join(dir, "dhparam.pem")}},
	} {
		out := nginxT(t, dir, c.cert, c.key, c.extra)
		// What journalctl -o cat shows after a failed start: only
		// "nginx: [emerg] message" lines, no time.
		var emerg []string
		for _, l := range strings.Split(out, "\n") {
			if i := strings.Index(l, "[emerg] "); i >= 0 {
				msg := l[i+len("[emerg] "):]
				if j := strings.Index(msg, ": "); j >= 0 && strings.Contains(msg[:j], "#") {
					msg = msg[j+2:]
				}
				emerg = append(emerg, "nginx: [emerg] "+msg)
			}
		}
		if len(emerg) == 0 {
			t.Errorf("%s: nginx -t printed no [emerg] line:\n%s", c.name, out)
			continue
		}
		sc := logparse.NewScanner(strings.NewReader(strings.Join(emerg, "\n")+"\n"), logparse.Unknown)
		if sc.Format() != logparse.ErrorLog {
			t.Errorf("%s: %q read as %s, want an error log", c.name, emerg, sc.Format())
			continue
		}
		fs := logFindings(t, emerg...)
		if len(fs) != 1 {
			t.Errorf("%s: %d findings for %q", c.name, len(fs), emerg)
			continue
		}
		text := fs[0].Title + "\n" + fs[0].Fix
		for _, w := range c.want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: %q\n-> %s\nlacks %q", c.name, emerg[0], text, w)
			}
		}
		if fs[0].Severity != report.Error {
			t.Errorf("%s: severity %s", c.name, fs[0].Severity)
		}
	}
}

// TestRealUpstreamClosedInHandshake: an upstream that closes the
// connection once it has nginx's ClientHello makes nginx log "peer closed
// connection in SSL handshake ... while SSL handshaking to upstream": nginx
// as the client, grouped apart from its clients' handshakes.
func TestRealUpstreamClosedInHandshake(t *testing.T) {
	nginxtest.Require(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			// Read the ClientHello first, so that the close comes while
			// nginx waits for the ServerHello.
			_ = c.SetReadDeadline(time.Now().Add(5 * time.Second))
			_, _ = c.Read(make([]byte, 512))
			c.Close()
		}
	}()
	front := nginxtest.Start(t, nginxtest.Config{VerifyClient: "off", VerifyDepth: -1, SecLevel: -1,
		Extra: "location /closed/ { proxy_pass https://" + ln.Addr().String() + "/; }\n"})
	if st := get(t, front.Addr, "/closed/"); st != 502 {
		t.Fatalf("an upstream that closes at once: status %d, want 502", st)
	}
	var found bool
	for _, f := range logFile(t, front.ErrorLog) {
		if !strings.Contains(f.Example, "to upstream") {
			continue
		}
		found = true
		if f.Role != "client" || strings.Contains(f.Fix, "ssl_client_certificate") {
			t.Errorf("upstream line as %q with fix %q: %s", f.Role, f.Fix, f.Example)
		}
	}
	if !found {
		b, _ := os.ReadFile(front.ErrorLog)
		t.Fatalf("no upstream line in the findings %+v of the front log:\n%s", logFile(t, front.ErrorLog), b)
	}
}

// TestRealUpstreamChainDepth: nginx verifying a backend whose certificate
// hangs below two intermediates (made here by openssl; served by a real
// s_server). With proxy_ssl_verify_depth at its default of 1 the chain is
// too long, and nginx logs the error after 22: 20 when the backend sends
// the intermediates, 2 when they are in proxy_ssl_trusted_certificate; a
// file holding an intermediate but not the root logs 2 too. Depth 2 lets
// the first two through. explain tells each line with both settings.
func TestRealUpstreamChainDepth(t *testing.T) {
	nginxtest.Require(t)
	dir := t.TempDir()
	p := func(name string) string { return filepath.Join(dir, name) }
	if err := os.WriteFile(p("ca.ext"), []byte("basicConstraints=critical,CA:TRUE\nkeyUsage=keyCertSign,cRLSign\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p("srv.ext"), []byte("subjectAltName=DNS:localhost\nextendedKeyUsage=serverAuth\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	ec := []string{"-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"}
	mustOpenSSL(t, append(append([]string{"req", "-x509"}, ec...), "-keyout", p("root.key"), "-out", p("root.crt"), "-subj", "/CN=depth root", "-days", "2")...)
	for _, c := range []struct{ name, issuer, ext string }{{"int1", "root", "ca.ext"}, {"int2", "int1", "ca.ext"}, {"server", "int2", "srv.ext"}} {
		cn := "depth " + c.name
		if c.name == "server" {
			cn = "localhost"
		}
		mustOpenSSL(t, append(append([]string{"req", "-new"}, ec...), "-keyout", p(c.name+".key"), "-out", p(c.name+".csr"), "-subj", "/CN="+cn)...)
		mustOpenSSL(t, "x509", "-req", "-in", p(c.name+".csr"), "-CA", p(c.issuer+".crt"), "-CAkey", p(c.issuer+".key"), "-CAcreateserial",
			"-extfile", p(c.ext), "-out", p(c.name+".crt"), "-days", "2")
	}
	cat := func(out string, files ...string) string {
		var b []byte
		for _, f := range files {
			d, err := os.ReadFile(p(f))
			if err != nil {
				t.Fatal(err)
			}
			b = append(b, d...)
		}
		if err := os.WriteFile(p(out), b, 0o600); err != nil {
			t.Fatal(err)
		}
		return p(out)
	}
	chain := cat("chain.pem", "int2.crt", "int1.crt")
	all := cat("all.pem", "root.crt", "int1.crt", "int2.crt")
	sendsChain := servertest.SServer(t, "-www", "-cert", p("server.crt"), "-key", p("server.key"), "-cert_chain", chain)
	leafOnly := servertest.SServer(t, "-www", "-cert", p("server.crt"), "-key", p("server.key"))
	loc := func(path, backend, trusted, extra string) string {
		return "location " + path + " { proxy_pass https://" + backend + "/; proxy_ssl_verify on; proxy_ssl_name localhost; proxy_ssl_session_reuse off; " +
			"proxy_ssl_trusted_certificate " + trusted + "; " + extra + " }\n"
	}
	front := nginxtest.Start(t, nginxtest.Config{VerifyClient: "off", VerifyDepth: -1, SecLevel: -1, Extra: loc("/sent/", sendsChain, p("root.crt"), "") +
		loc("/sent2/", sendsChain, p("root.crt"), "proxy_ssl_verify_depth 2;") +
		loc("/infile/", leafOnly, all, "") +
		loc("/infile2/", leafOnly, all, "proxy_ssl_verify_depth 2;") +
		loc("/noroot/", sendsChain, p("int1.crt"), "proxy_ssl_verify_depth 2;")})
	for _, tc := range []struct {
		path   string
		status int
		code   string
	}{
		{"/sent/", 502, "(20:"}, {"/sent2/", 200, ""}, {"/infile/", 502, "(2:"}, {"/infile2/", 200, ""}, {"/noroot/", 502, "(2:"},
	} {
		off := logSize(t, front.ErrorLog)
		if st := get(t, front.Addr, tc.path); st != tc.status {
			t.Errorf("%s: status %d, want %d", tc.path, st, tc.status)
		}
		if tc.code == "" {
			continue
		}
		data, err := os.ReadFile(front.ErrorLog)
		if err != nil {
			t.Fatal(err)
		}
		line := lastLineWith(data[off:], "upstream SSL certificate verify error: "+tc.code)
		if line == "" {
			t.Errorf("%s: no upstream verify error %s in:\n%s", tc.path, tc.code, data[off:])
			continue
		}
		rep := Explain(line)
		if len(rep.Findings) == 0 || rep.Findings[0].ID != catalogue.UpstreamVerifyError ||
			!strings.Contains(rep.Findings[0].Explanation, "proxy_ssl_verify_depth") || !strings.Contains(rep.Findings[0].Explanation, "not only an intermediate") {
			t.Errorf("%s: %q: %+v, want the upstream story naming the depth and the root", tc.path, line, rep.Findings)
		}
	}
}
