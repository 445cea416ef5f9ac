package checks

import (
	"context"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/internal/servertest"
)

// TestExplainRealMosquitto: the refusals against a real mosquitto broker
// (a listener with cafile, require_certificate and crlfile) and its real
// client mosquitto_pub, over TLS 1.2 and 1.3: the client's one-line error
// is the client's story, each OpenSSL line the broker logs is the
// broker's. Left out: the name scenario (mosquitto_pub cannot point a name
// at 127.0.0.1) and the SHA-1 one (mosquitto_pub refuses to load the
// certificate, so the broker sees nothing).
func TestExplainRealMosquitto(t *testing.T) {
	t.Parallel()
	checkServerMatrix(t, matrixServer{name: "mosquitto", start: mosquittoStart(t),
		clients: map[string]func(sc tlsScenario, tls13 bool, addr string) string{"mosquitto_pub": func(sc tlsScenario, tls13 bool, addr string) string {
			return mosquittoClient(t)(sc, tls13, addr)
		}},
		connLine: func(l string) bool { return strings.Contains(l, "OpenSSL Error") },
		skip:     func(sc tlsScenario) bool { return sc.code == 62 || sc.code == 68 }, clientTerm: "cafile"})
	// The SHA-1 scenario: mosquitto_pub's own load error, pasted with -d's
	// OpenSSL line, is that load error.
	for _, sc := range tlsScenarios() {
		if sc.code != 68 {
			continue
		}
		addr, _ := mosquittoStart(t)(t, sc)
		out := mosquittoClient(t)(sc, true, addr, "-d")
		f, ok := firstFinding(t, "SHA-1, mosquitto_pub -d", out)
		if ok && (f.ID.Name() != "cert-load-failed" || f.Role != "client" || !strings.Contains(f.Explanation, "SHA-1")) {
			t.Errorf("SHA-1, mosquitto_pub -d:\n%s\ntold as %s %s %q", out, f.ID.Name(), f.Role, f.Title)
		}
	}
}

// mosquittoStart returns a function that starts a real mosquitto broker
// for a scenario on a free port of 127.0.0.1. Its files are copied where
// the mosquitto user, which a broker started as root becomes, can read
// them.
func mosquittoStart(t *testing.T) serverUnderTest {
	broker := servertest.Tool(t, "mosquitto")
	return func(t *testing.T, sc tlsScenario) (string, func() []string) {
		t.Helper()
		dir, place := serverDir(t, "mtlsdoctor-mqtt-", -1, -1)
		conf := []string{"certfile " + place(sc.srvCert, "server.crt", 0o644), "keyfile " + place(sc.srvKey, "server.key", 0o644),
			"allow_anonymous true", "log_dest stderr", "log_type all"}
		if sc.clientCA != "" {
			conf = append(conf, "cafile "+place(sc.clientCA, "client-ca.crt", 0o644), "require_certificate true")
		}
		if sc.crl != "" {
			conf = append(conf, "crlfile "+place(sc.crl, "crl.pem", 0o644))
		}
		for attempt := 0; ; attempt++ {
			port, err := freePort()
			if err != nil {
				t.Fatal(err)
			}
			addr := "127.0.0.1:" + port
			cf := filepath.Join(dir, "mosquitto.conf")
			if err := os.WriteFile(cf, []byte("listener "+port+" 127.0.0.1\n"+strings.Join(conf, "\n")+"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(broker, "-c", cf)
			var logs lockedBuffer
			cmd.Stdout, cmd.Stderr = &logs, &logs
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			done := make(chan struct{})
			go func() { _ = cmd.Wait(); close(done) }()
			up := false
			for i := 0; i < 100 && !up; i++ {
				select {
				case <-done:
					i = 100
				case <-time.After(50 * time.Millisecond):
					if c, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
						c.Close()
						up = true
					}
				}
			}
			if up {
				t.Cleanup(func() { _ = cmd.Process.Kill(); <-done })
				return addr, func() []string { return strings.Split(logs.String(), "\n") }
			}
			_ = cmd.Process.Kill()
			<-done
			if attempt == 3 {
				t.Fatalf("mosquitto did not start:\n%s", logs.String())
			}
		}
	}
}

// mosquittoClient is a real mosquitto_pub publishing one message as the
// scenario's client (the system's CAs when it has none), over TLS 1.2 or
// 1.3, with extra options (-d). It returns what it printed.
func mosquittoClient(t *testing.T) func(sc tlsScenario, tls13 bool, addr string, extra ...string) string {
	pub := servertest.Tool(t, "mosquitto_pub")
	return func(sc tlsScenario, tls13 bool, addr string, extra ...string) string {
		_, port, _ := net.SplitHostPort(addr)
		version := "tlsv1.2"
		if tls13 {
			version = "tlsv1.3"
		}
		args := append([]string{"-h", sc.host, "-p", port, "-t", "test", "-m", "x", "--tls-version", version}, extra...)
		if sc.ca != "" {
			args = append(args, "--cafile", sc.ca)
		} else {
			args = append(args, "--capath", "/etc/ssl/certs")
		}
		if sc.cert != "" {
			args = append(args, "--cert", sc.cert, "--key", sc.key)
		}
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		out, err := exec.CommandContext(ctx, pub, args...).CombinedOutput()
		if err == nil && len(out) == 0 {
			return "no error"
		}
		return string(out)
	}
}
