package catalogue

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// These tests compare the catalogue with what the installed openssl CLI
// prints. They build nothing: they make a small PKI with the CLI, run
// `openssl verify` on it and decode reason codes with `openssl errstr`.
// Without an OpenSSL 3 CLI they skip; the reference tables above still run.

const testCnf = `[req]
distinguished_name = dn
[dn]
[v3_ca]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[noca]
subjectKeyIdentifier = hash
[client]
basicConstraints = CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = clientAuth
authorityKeyIdentifier = keyid,issuer
[server]
basicConstraints = CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = serverAuth
`

type opensslCLI struct {
	t   *testing.T
	bin string
	dir string
}

// openssl30 returns the CLI when it is OpenSSL 3, and whether its strings
// are exactly 3.0.8+'s (26 changed in 3.0.8; code 9 changes after 3.5).
func openssl30(t *testing.T) (*opensslCLI, bool) {
	t.Helper()
	// A missing openssl fails the test: scripts/test.sh installs it, and a
	// skip would hide the gap in CI.
	bin, err := exec.LookPath("openssl")
	if err != nil {
		t.Fatal("openssl CLI not installed: apt-get install -y openssl, or run scripts/test.sh")
	}
	out, err := exec.Command(bin, "version").Output()
	if err != nil {
		t.Fatalf("openssl version: %v", err)
	}
	m := regexp.MustCompile(`^OpenSSL 3\.(\d+)\.(\d+)`).FindStringSubmatch(string(out))
	if m == nil {
		t.Fatalf("these tests compare with OpenSSL 3 and found: %s", out)
	}
	minor, _ := strconv.Atoi(m[1])
	patch, _ := strconv.Atoi(m[2])
	c := &opensslCLI{t: t, bin: bin, dir: t.TempDir()}
	if err := os.WriteFile(filepath.Join(c.dir, "t.cnf"), []byte(testCnf), 0o600); err != nil {
		t.Fatal(err)
	}
	return c, minor == 0 && patch >= 8
}

// run runs openssl in the temporary directory and returns its output; a
// failing verify is expected, so only setup commands check the exit status.
func (c *opensslCLI) run(mustSucceed bool, args ...string) string {
	c.t.Helper()
	cmd := exec.Command(c.bin, args...)
	cmd.Dir = c.dir
	cmd.Env = append(os.Environ(), "OPENSSL_CONF="+filepath.Join(c.dir, "t.cnf"))
	out, err := cmd.CombinedOutput()
	if mustSucceed && err != nil {
		c.t.Fatalf("openssl %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

func (c *opensslCLI) key(name string, args ...string) {
	c.t.Helper()
	if len(args) == 0 {
		args = []string{"-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256"}
	}
	c.run(true, append(append([]string{"genpkey"}, args...), "-out", name+".key")...)
}

func (c *opensslCLI) selfSigned(name, cn, ext string) {
	c.t.Helper()
	c.key(name)
	c.run(true, "req", "-x509", "-new", "-key", name+".key", "-subj", "/CN="+cn, "-days", "30", "-sha256",
		"-config", "t.cnf", "-extensions", ext, "-out", name+".crt")
}

func (c *opensslCLI) issue(name, cn, ca, ext, digest string, keyArgs ...string) {
	c.t.Helper()
	c.key(name, keyArgs...)
	c.run(true, "req", "-new", "-key", name+".key", "-subj", "/CN="+cn, "-config", "t.cnf", "-out", name+".csr")
	c.run(true, "x509", "-req", "-in", name+".csr", "-CA", ca+".crt", "-CAkey", ca+".key", "-CAcreateserial",
		"-days", "30", "-"+digest, "-extfile", "t.cnf", "-extensions", ext, "-out", name+".crt")
}

var reVerifyLine = regexp.MustCompile(`error (\d+) at \d+ depth lookup: ([^\n]*)`)

func TestOpenSSLVerifyStrings(t *testing.T) {
	c, exact := openssl30(t)
	c.selfSigned("ca", "Test CA", "v3_ca")
	c.selfSigned("other", "Other CA", "v3_ca")
	c.issue("client", "client1", "ca", "client", "sha256")
	c.issue("server", "server1", "ca", "server", "sha256")
	c.issue("sha1", "client-sha1", "ca", "client", "sha1")
	c.issue("rsa1024", "client-rsa1024", "ca", "client", "sha256", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:1024")
	c.issue("int", "Test Intermediate", "ca", "v3_ca", "sha256")
	c.issue("leaf", "client2", "int", "client", "sha256")
	c.issue("badint", "Not A CA", "ca", "noca", "sha256")
	c.issue("badleaf", "client3", "badint", "client", "sha256")
	c.selfSigned("self", "self-signed client", "client")

	tests := []struct {
		name string
		want int
		args []string
	}{
		{"self-signed client", 18, []string{"-CAfile", "ca.crt", "self.crt"}},
		{"unknown CA", 20, []string{"-CAfile", "other.crt", "client.crt"}},
		{"expired", 10, []string{"-attime", "4102444800", "-CAfile", "ca.crt", "client.crt"}},
		{"not yet valid", 9, []string{"-attime", "946684800", "-CAfile", "ca.crt", "client.crt"}},
		{"serverAuth only", 26, []string{"-purpose", "sslclient", "-CAfile", "ca.crt", "server.crt"}},
		{"SHA-1 leaf", 68, []string{"-auth_level", "2", "-CAfile", "ca.crt", "sha1.crt"}},
		{"RSA 1024 leaf", 66, []string{"-auth_level", "2", "-CAfile", "ca.crt", "rsa1024.crt"}},
		{"depth 0 with one intermediate", 22, []string{"-verify_depth", "0", "-CAfile", "ca.crt", "-untrusted", "int.crt", "leaf.crt"}},
		{"only the intermediate trusted", 2, []string{"-CAfile", "int.crt", "leaf.crt"}},
		{"intermediate without basicConstraints", 79, []string{"-purpose", "sslclient", "-CAfile", "ca.crt", "-untrusted", "badint.crt", "badleaf.crt"}},
	}
	for _, tt := range tests {
		out := c.run(false, append([]string{"verify"}, tt.args...)...)
		found := false
		for _, m := range reVerifyLine.FindAllStringSubmatch(out, -1) {
			n, _ := strconv.Atoi(m[1])
			text := strings.TrimSpace(m[2])
			v, ok := VerifyByText(text)
			if !ok || v.Code != n {
				t.Errorf("%s: openssl printed %d %q; VerifyByText gives %d, %v", tt.name, n, text, v.Code, ok)
			}
			if exact {
				if w, _ := Verify(n); w.Text != text {
					t.Errorf("%s: code %d Text %q, openssl prints %q", tt.name, n, w.Text, text)
				}
			}
			if codes, _ := Lookup(m[0]); len(codes) != 1 || codes[0].Code != n {
				t.Errorf("%s: Lookup(%q) = %v, want [%d]", tt.name, m[0], nums(codes), n)
			}
			found = found || n == tt.want
		}
		if !found {
			t.Errorf("%s: openssl verify did not report %d:\n%s", tt.name, tt.want, out)
		}
	}

	// The Confirm of 26 tells the operator what to look for.
	if out := c.run(true, "x509", "-noout", "-purpose", "-in", "client.crt"); !strings.Contains(out, "SSL client : Yes") {
		t.Errorf("openssl x509 -purpose no longer prints %q:\n%s", "SSL client : Yes", out)
	}
	if out := c.run(true, "x509", "-noout", "-purpose", "-in", "server.crt"); !strings.Contains(out, "SSL client : No") {
		t.Errorf("serverAuth-only certificate: %s", out)
	}
}

func TestOpenSSLReasonStrings(t *testing.T) {
	c, _ := openssl30(t)
	const hs = `SSL_do_handshake() failed (SSL: %s) while SSL handshaking, client: 127.0.0.1, server: 127.0.0.1:443`
	const useCert = `[emerg] 1#1: SSL_CTX_use_certificate("/etc/nginx/server.crt") failed (SSL: %s)`
	const chain = `[emerg] 1#1: SSL_CTX_set0_chain("/etc/nginx/server.crt") failed (SSL: %s)`
	const key = `[emerg] 1#1: cannot load certificate key "/k": PEM_read_bio_PrivateKey() failed (SSL: %s)`
	const priv = `[emerg] 1#1: SSL_CTX_use_PrivateKey("/k") failed (SSL: %s)`
	const load = `[emerg] 1#1: cannot load certificate "/c": PEM_read_bio_X509_AUX() failed (SSL: %s)`
	tests := []struct {
		hex, bareID, line, lineID string
	}{
		{"0A000418", "tls-alert", hs, "handshake-failed"},
		{"0A000412", "tls-alert", hs, "handshake-failed"},
		{"0A000416", "tls-alert", hs, "handshake-failed"},
		{"0A000415", "tls-alert", hs, "handshake-failed"},
		{"0A000410", "tls-alert", hs, "handshake-failed"},
		{"0A00045C", "tls-alert", hs, "handshake-failed"},
		{"0A000413", "tls-alert", hs, "tls-alert"},
		{"0A000414", "tls-alert", hs, "tls-alert"},
		{"0A00042E", "tls-alert", hs, "tls-alert"},
		{"0A000419", "tls-alert", hs, "tls-alert"},
		{"0A00041B", "tls-alert", hs, "tls-alert"},
		{"0A0000C1", "handshake-failed", hs, "handshake-failed"},
		{"0A000102", "handshake-failed", hs, "handshake-failed"},
		{"0A00010B", "handshake-failed", hs, "handshake-failed"},
		{"0A0000F4", "handshake-failed", hs, "handshake-failed"},
		{"0A00009C", "handshake-failed", hs, "handshake-failed"},
		{"0A0000C6", "handshake-failed", hs, "handshake-failed"},
		{"0A00007B", "handshake-failed", hs, "handshake-failed"},
		{"0A0000C7", "handshake-failed", hs, "handshake-failed"},
		{"0A000086", "handshake-failed", hs, "handshake-failed"},
		{"0A00018F", "weak-key", useCert, "startup-failed"},
		{"0A00018E", "weak-signature", useCert, "startup-failed"},
		{"0A00018D", "weak-key", chain, "startup-failed"},
		{"05800074", "key-mismatch", priv, "key-mismatch"},
		{"1C800064", "bad-passphrase", key, "bad-passphrase"},
		{"0480006C", "unreadable", load, "cert-load-failed"},
	}
	for _, tt := range tests {
		out := strings.TrimSpace(c.run(true, "errstr", tt.hex))
		i := strings.LastIndex(out, ":")
		if !strings.HasPrefix(out, "error:") || i < 0 {
			t.Errorf("openssl errstr %s: %q", tt.hex, out)
			continue
		}
		reason := out[i+1:]
		if _, es := Lookup(reason); len(es) == 0 || es[0].ID.Name() != tt.bareID {
			t.Errorf("Lookup(%q) = %v, want %s first", reason, ids(es), tt.bareID)
		}
		line := strings.Replace(tt.line, "%s", out, 1)
		if _, es := Lookup(line); len(es) != 1 || es[0].ID.Name() != tt.lineID {
			t.Errorf("Lookup(%q) = %v, want [%s]", line, ids(es), tt.lineID)
		}
	}
}
