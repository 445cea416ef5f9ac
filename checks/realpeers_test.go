package checks

import (
	"context"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/internal/servertest"
)

// The Python, Node.js, Java and Erlang peers of the matrices are small
// programs as people write them, in testdata/peers: a client (Python's
// urllib, Node's https.get, Java's HttpsURLConnection, Erlang's
// ssl:connect) and a server that asks for client certificates and prints
// each failed handshake as its runtime reports it.

// peerFile is the absolute path of a peer program.
func peerFile(t testing.TB, name string) string {
	t.Helper()
	p, err := filepath.Abs(filepath.Join("testdata", "peers", name))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// javaPeer compiles Peer.java once per test and returns the java command
// with its class path, and a hosts file (jdk.net.hosts.file) that gives
// the scenarios' host names the loopback address.
func javaPeer(t *testing.T) []string {
	t.Helper()
	java, javac := servertest.Tool(t, "java"), servertest.Tool(t, "javac")
	dir := t.TempDir()
	if out, err := exec.Command(javac, "-d", dir, peerFile(t, "Peer.java")).CombinedOutput(); err != nil {
		t.Fatalf("javac Peer.java: %v\n%s", err, out)
	}
	hosts := filepath.Join(dir, "hosts")
	if err := os.WriteFile(hosts, []byte("127.0.0.1 localhost wrong.example.com\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// The client compiler alone and the serial collector halve the CPU a
	// short-lived JVM spends starting (about 1.9 to 0.9 s here), which
	// the matrices pay hundreds of times; TLS behaves the same.
	return []string{java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Djdk.net.hosts.file=" + hosts, "-cp", dir, "Peer"}
}

// peerClients are the Python, Node.js, Java and Erlang clients of the
// matrices, in the form of realClients.
func peerClients(t *testing.T) map[string]func(sc tlsScenario, tls13 bool, addr string) string {
	python, node, java, escript := servertest.Tool(t, "python3"), servertest.Tool(t, "node"), javaPeer(t), servertest.Tool(t, "escript")
	run := func(argv []string, sc tlsScenario, tls13 bool, addr string) string {
		_, port, _ := net.SplitHostPort(addr)
		version := map[bool]string{false: "1.2", true: "1.3"}[tls13]
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		args := append(argv[1:len(argv):len(argv)], sc.host, port, sc.ca, sc.cert, sc.key, version)
		out, _ := exec.CommandContext(ctx, argv[0], args...).CombinedOutput()
		return string(out)
	}
	return map[string]func(sc tlsScenario, tls13 bool, addr string) string{
		"python": func(sc tlsScenario, tls13 bool, addr string) string {
			return run([]string{python, peerFile(t, "client.py")}, sc, tls13, addr)
		},
		"node": func(sc tlsScenario, tls13 bool, addr string) string {
			return run([]string{node, peerFile(t, "client.js")}, sc, tls13, addr)
		},
		"java": func(sc tlsScenario, tls13 bool, addr string) string {
			return run(append(append([]string(nil), java...), "client"), sc, tls13, addr)
		},
		"erlang": func(sc tlsScenario, tls13 bool, addr string) string {
			return run([]string{escript, peerFile(t, "peer.escript"), "client"}, sc, tls13, addr)
		},
		// curl on NSS (Debian's libcurl3-nss), as RHEL and CentOS 7 ship it.
		"curl-nss": func(sc tlsScenario, tls13 bool, addr string) string {
			return run([]string{python, peerFile(t, "curlnss.py")}, sc, tls13, addr)
		},
		// A client on wolfSSL (Debian's libwolfssl35), as devices and
		// curl built with wolfSSL use it.
		"wolfssl": func(sc tlsScenario, tls13 bool, addr string) string {
			return run([]string{python, peerFile(t, "wolfssl.py")}, sc, tls13, addr)
		},
	}
}

// pastedLine is the line of a client's output that a user pastes: curl's
// "curl: (N)" line, the last line of Python's traceback, the first line
// of Node's error, Java's "Exception in thread" line, Erlang's error term;
// Go's is its error.
func pastedLine(client, out string) string {
	lines := strings.Split(strings.TrimSpace(out), "\n")
	pick := ""
	for _, l := range lines {
		switch {
		case client == "curl" && strings.HasPrefix(l, "curl: ("),
			client == "node" && pick == "" && (strings.HasPrefix(l, "Error") || strings.HasPrefix(l, "[Error")),
			client == "java" && pick == "" && strings.HasPrefix(l, "Exception in thread"),
			client == "erlang" && strings.HasPrefix(l, "{error"),
			client == "git" && strings.HasPrefix(l, "fatal:"),
			client == "gnutls-cli" && (strings.HasPrefix(l, "*** Received alert") || pick == "" && strings.HasPrefix(l, "*** ")):
			pick = l
		}
	}
	if pick == "" {
		pick = lines[len(lines)-1] // Python's exception; Go's error
	}
	return strings.TrimSpace(pick)
}

// peerServer starts a peer server (argv ends with its arguments) and
// returns its address and a function that reads what it printed so far.
func peerServer(t *testing.T, argv ...string) (string, func() []string) {
	t.Helper()
	cmd := exec.Command(argv[0], argv[1:]...)
	var logs lockedBuffer
	cmd.Stderr = &logs
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	addr, ok := servertest.Announced(stdout, "listening on ", 30*time.Second)
	if !ok {
		t.Fatalf("%s did not start:\n%s", filepath.Base(argv[len(argv)-5]), logs.String())
	}
	return addr, func() []string { return strings.Split(logs.String(), "\n") }
}

// peerStart starts a peer server (argv without its arguments) for a
// scenario.
func peerStart(argv ...string) serverUnderTest {
	return func(t *testing.T, sc tlsScenario) (string, func() []string) {
		return peerServer(t, append(append([]string(nil), argv...), sc.srvCert, sc.srvKey, sc.clientCA, sc.crl)...)
	}
}

// TestExplainRealPythonServerClients: the refusals against a real Python
// server (the ssl module, CERT_REQUIRED, VERIFY_CRL_CHECK_LEAF): the last
// line of each traceback it prints is the server's.
func TestExplainRealPythonServerClients(t *testing.T) {
	t.Parallel()
	checkServerMatrix(t, matrixServer{name: "Python", start: peerStart(servertest.Tool(t, "python3"), peerFile(t, "server.py")), connLine: func(l string) bool {
		return strings.HasPrefix(l, "ssl.") || strings.HasPrefix(l, "ConnectionResetError") || strings.HasPrefix(l, "TimeoutError")
	}})
}

// TestExplainRealNodeServerClients: the refusals against a real Node.js
// server (https.createServer with requestCert and rejectUnauthorized): the
// first line of each error its tlsClientError handler prints is the
// server's.
func TestExplainRealNodeServerClients(t *testing.T) {
	t.Parallel()
	checkServerMatrix(t, matrixServer{name: "Node.js", start: peerStart(servertest.Tool(t, "node"), peerFile(t, "server.js")), connLine: func(l string) bool {
		return strings.HasPrefix(l, "Error") || strings.HasPrefix(l, "[Error")
	}, silentRefusal: true})
}

// TestExplainRealErlangServerClients: the refusals against a real
// Erlang/OTP server (ssl:listen with verify_peer, fail_if_no_peer_cert and
// crl_check): each "TLS server:" line the ssl application logs is the
// server's.
func TestExplainRealErlangServerClients(t *testing.T) {
	t.Parallel()
	checkServerMatrix(t, matrixServer{name: "Erlang", start: peerStart(servertest.Tool(t, "escript"), peerFile(t, "peer.escript"), "server"),
		connLine: func(l string) bool { return strings.HasPrefix(l, "TLS server:") }})
}

var javaException = regexp.MustCompile(`^(javax?\.|Caused by: )`)

// TestExplainRealJavaServerClients: the refusals against a real Java
// server (an SSLServerSocket with needClientAuth, and PKIX revocation
// checking against the CRL): each exception line of the stack traces it
// prints is the server's.
func TestExplainRealJavaServerClients(t *testing.T) {
	t.Parallel()
	checkServerMatrix(t, matrixServer{name: "Java", start: peerStart(append(javaPeer(t), "server")...), connLine: javaException.MatchString})
}

// TestExplainRealServerTracebacks: what a real Python or Java server
// prints about a client certificate from another CA, pasted whole (the
// traceback, the stack trace), is that server's refusal of the client
// certificate, in its terms, though its last line alone reads as a
// client's.
func TestExplainRealServerTracebacks(t *testing.T) {
	t.Parallel()
	curl := servertest.Tool(t, "curl")
	var sc tlsScenario
	for _, s := range tlsScenarios() {
		if s.name == "client certificate of another CA" {
			sc = s
		}
	}
	for _, tc := range []struct {
		server string
		argv   []string
		words  string // in the fix: where the server keeps its client CAs
	}{
		{"Python", []string{servertest.Tool(t, "python3"), peerFile(t, "server.py")}, "load_verify_locations"},
		{"Java", append(javaPeer(t), "server"), "trust store"},
	} {
		addr, logLines := peerStart(tc.argv...)(t, sc)
		_, port, _ := net.SplitHostPort(addr)
		_ = exec.Command(curl, "-sS", "--max-time", "5", "--tls-max", "1.2", "--resolve", "localhost:"+port+":127.0.0.1",
			"--cacert", sc.ca, "--cert", sc.cert, "--key", sc.key, "https://localhost:"+port+"/").Run()
		var out string
		for i := 0; i < 100 && !strings.Contains(out, "certif"); i++ {
			time.Sleep(30 * time.Millisecond)
			out = strings.Join(logLines(), "\n")
		}
		f, ok := firstFinding(t, tc.server+"'s whole output", out)
		if !ok {
			continue
		}
		if f.Role != "server" || f.ID.Name() != "verify-error" || !strings.Contains(f.Title, "client certificate") || !strings.Contains(f.Fix, tc.words) {
			t.Errorf("%s: its whole output:\n%s\ntold as %s %s/%s %q\n%s", tc.server, out, f.ID.Name(), f.Reporter, f.Role, f.Title, f.Fix)
		}
	}
}

// gnutlsClients are the matrices' clients on GnuTLS: git (Debian builds it
// on libcurl-gnutls; ls-remote of a repository on the server) and
// gnutls-cli. Each connects to addr as the scenario's client, over TLS 1.2
// or 1.3, and returns what it printed.
func gnutlsClients(t *testing.T) map[string]func(sc tlsScenario, tls13 bool, addr string) string {
	git, cli := servertest.Tool(t, "git"), servertest.Tool(t, "gnutls-cli")
	// git has no setting for the highest TLS version: GnuTLS's own
	// configuration file turns TLS 1.3 off.
	no13 := filepath.Join(t.TempDir(), "gnutls-no-tls13.conf")
	if err := os.WriteFile(no13, []byte("[overrides]\ndisabled-version = tls1.3\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return map[string]func(sc tlsScenario, tls13 bool, addr string) string{
		"git": func(sc tlsScenario, tls13 bool, addr string) string {
			_, port, _ := net.SplitHostPort(addr)
			env := gitEnv()
			if !tls13 {
				env = append(env, "GNUTLS_SYSTEM_PRIORITY_FILE="+no13)
			}
			if sc.ca != "" {
				env = append(env, "GIT_SSL_CAINFO="+sc.ca)
			}
			if sc.cert != "" {
				env = append(env, "GIT_SSL_CERT="+sc.cert, "GIT_SSL_KEY="+sc.key)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			cmd := exec.CommandContext(ctx, git, "-c", "http.curloptResolve="+sc.host+":"+port+":127.0.0.1", "-c", "http.lowSpeedLimit=1", "-c", "http.lowSpeedTime=5",
				"ls-remote", "https://"+sc.host+":"+port+"/repo.git")
			cmd.Env, cmd.Dir = env, t.TempDir()
			out, _ := cmd.CombinedOutput()
			return string(out)
		},
		"gnutls-cli": func(sc tlsScenario, tls13 bool, addr string) string {
			host, port, _ := net.SplitHostPort(addr)
			args := []string{"--port", port, "--sni-hostname", sc.host, "--verify-hostname", sc.host, "--priority", "NORMAL:-VERS-TLS1.3"}
			if tls13 {
				args[len(args)-1] = "NORMAL:-VERS-ALL:+VERS-TLS1.3"
			}
			if sc.ca != "" {
				args = append(args, "--x509cafile", sc.ca)
			}
			if sc.cert != "" {
				args = append(args, "--x509certfile", sc.cert, "--x509keyfile", sc.key)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			cmd := exec.CommandContext(ctx, cli, append(args, host)...)
			cmd.Stdin = strings.NewReader("GET / HTTP/1.0\r\n\r\n")
			out, _ := cmd.CombinedOutput()
			return string(out)
		},
	}
}

// gitEnv is this process's environment for a git run, without the
// machine's own git and GnuTLS settings (a CA file in GIT_SSL_CAINFO, a
// global configuration), which would stand in for the test's.
func gitEnv() []string {
	var env []string
	for _, e := range os.Environ() {
		if !strings.HasPrefix(e, "GIT_SSL_") && !strings.HasPrefix(e, "GNUTLS_") && !strings.HasPrefix(e, "GIT_CONFIG") {
			env = append(env, e)
		}
	}
	return append(env, "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=/dev/null", "GIT_TERMINAL_PROMPT=0")
}

// serverDir is a directory that a server running as another user (uid and
// gid; -1 for this process's) can reach, outside t.TempDir, removed at
// the end of the test; place copies a fixture into it, with mode and that
// owner, and returns its path.
func serverDir(t *testing.T, prefix string, uid, gid int) (dir string, place func(from, name string, mode os.FileMode) string) {
	t.Helper()
	dir, err := os.MkdirTemp("", prefix)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	own := func(path string) {
		if uid >= 0 {
			if err := os.Chown(path, uid, gid); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	own(dir)
	return dir, func(from, name string, mode os.FileMode) string {
		b, err := os.ReadFile(from)
		if err != nil {
			t.Fatal(err)
		}
		to := filepath.Join(dir, name)
		if err := os.WriteFile(to, b, mode); err != nil {
			t.Fatal(err)
		}
		own(to)
		return to
	}
}

// freePort is a TCP port of 127.0.0.1 free when asked (a server may still
// lose it to another before it binds it: callers try again).
func freePort() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer l.Close()
	_, port, err := net.SplitHostPort(l.Addr().String())
	return port, err
}
