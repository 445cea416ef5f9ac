package checks

import (
	"context"
	"crypto/tls"
	"net"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/catalogue"
	"github.com/mtlsdoctor/mtlsdoctor/internal/servertest"
	"github.com/mtlsdoctor/mtlsdoctor/logparse"
)

// TestExplainRealGoServerNameWithPort: a real Go client that is given
// "host:port" as its TLS server name (an address where a host name
// belongs) is told that the port is the mismatch, and to give the host
// alone, not to reissue a certificate that is right.
func TestExplainRealGoServerNameWithPort(t *testing.T) {
	t.Parallel()
	files := newServerFiles(t)
	addr, _ := goTLSServer(t, &tls.Config{Certificates: []tls.Certificate{files.serverCert}})
	_, port, _ := net.SplitHostPort(addr)
	cfg := &tls.Config{ServerName: "localhost:" + port, RootCAs: probePool(t, "good/ca.crt")}
	c, err := tls.DialWithDialer(&net.Dialer{Timeout: 5 * time.Second}, "tcp", addr, cfg)
	if err == nil {
		c.Close()
		t.Fatal("the Go client accepted a server name with a port")
	}
	line := err.Error()
	f, ok := firstFinding(t, "server name with a port", line)
	if !ok {
		return
	}
	t.Logf("%q -> %s %q", line, f.ID.Name(), f.Title)
	if f.ID != catalogue.ServerHostnameMismatch || f.Role != logparse.RoleClient {
		t.Errorf("%q: %s %s %q, want the client's name mismatch", line, f.ID.Name(), f.Role, f.Title)
	}
	if !strings.Contains(f.Title+f.Explanation, "port") || !strings.Contains(f.Fix, "localhost") || strings.Contains(f.Fix, "subjectAltName") {
		t.Errorf("%q: the story does not say that the server name holds the port, or the fix reissues the certificate:\n%s\n%s\n%s", line, f.Title, f.Explanation, f.Fix)
	}
}

// TestExplainRealGoServerWithoutKey: what a real Go server logs when it
// serves a certificate without its private key (a program that enabled
// TLS without loading the key) is told as that server's missing key.
func TestExplainRealGoServerWithoutKey(t *testing.T) {
	t.Parallel()
	files := newServerFiles(t)
	addr, logs := goTLSServer(t, &tls.Config{Certificates: []tls.Certificate{{Certificate: files.serverCert.Certificate}}})
	c, err := tls.DialWithDialer(&net.Dialer{Timeout: 5 * time.Second}, "tcp", addr, &tls.Config{RootCAs: probePool(t, "good/ca.crt"), ServerName: "localhost"})
	if err == nil {
		c.Close()
		t.Fatal("the handshake with a server without a key succeeded")
	}
	line := handshakeErrorLine(logs)
	if line == "" {
		t.Fatalf("the Go server logged no handshake error (the client saw %v)", err)
	}
	f, ok := firstFinding(t, "server without a key", line)
	if !ok {
		return
	}
	t.Logf("%q -> %s %q", line, f.ID.Name(), f.Title)
	if f.ID != catalogue.KeyLoadFailed || f.Role != logparse.RoleServer || !strings.Contains(f.Title+f.Explanation, "no private key") {
		t.Errorf("%q: %s %s %q\n%s, want the server's missing private key", line, f.ID.Name(), f.Role, f.Title, f.Explanation)
	}
}

// TestExplainRealPythonStrictClient: a real Python client with the strict
// verification that Python 3.13 turns on by default, against a server
// whose chain ends in the guide's CA (made by `openssl req -x509`, without
// keyUsage), is told that the strict check refused the CA, with the CA's
// re-signing and Python's switch, not sent to look for a CA bundle.
func TestExplainRealPythonStrictClient(t *testing.T) {
	t.Parallel()
	python := servertest.Tool(t, "python3")
	addr := servertest.SServer(t, "-www", "-cert", probeFx(t, "guide/server.crt"), "-key", probeFx(t, "guide/server.key"))
	_, port, _ := net.SplitHostPort(addr)
	script := `import ssl, sys, urllib.request
ctx = ssl.create_default_context(cafile=sys.argv[1])
ctx.verify_flags |= ssl.VERIFY_X509_STRICT
urllib.request.urlopen("https://localhost:" + sys.argv[2] + "/", context=ctx, timeout=5)
print("no error")`
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	out, _ := exec.CommandContext(ctx, python, "-c", script, probeFx(t, "guide/ca.crt"), port).CombinedOutput()
	line := pastedLine("python", string(out))
	f, ok := firstFinding(t, "strict Python client", line)
	if !ok {
		return
	}
	t.Logf("%q -> %s %q", line, f.ID.Name(), f.Title)
	if f.ID != catalogue.ServerCertUntrusted || f.Role != logparse.RoleClient || f.Code != 92 ||
		!strings.Contains(f.Explanation, "Python 3.13") || !strings.Contains(f.Fix, "VERIFY_X509_STRICT") || !strings.Contains(f.Fix, "keyUsage") {
		t.Errorf("%q: %s %s %d %q\n%s\n%s", line, f.ID.Name(), f.Role, f.Code, f.Title, f.Explanation, f.Fix)
	}
}
