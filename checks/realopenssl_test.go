package checks

import (
	"context"
	"crypto/tls"
	"io"
	"net"
	"net/http"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/catalogue"
	"github.com/mtlsdoctor/mtlsdoctor/internal/servertest"
	"github.com/mtlsdoctor/mtlsdoctor/logparse"
	"github.com/mtlsdoctor/mtlsdoctor/report"
)

// sServerRun runs one real openssl s_server (-naccept 1), lets client
// connect to it (its address, host:port), and returns what s_server
// printed. A port taken between choosing and binding it is chosen again.
func sServerRun(t *testing.T, sargs []string, client func(addr string)) string {
	t.Helper()
	for attempt := 0; ; attempt++ {
		out, ok := sServerOnce(t, sargs, client)
		if ok {
			return out
		}
		if attempt == 3 {
			t.Fatalf("openssl s_server did not start:\n%s", out)
		}
	}
}

// sServerOnce is one try of sServerRun; false when s_server did not come
// to accept connections.
func sServerOnce(t *testing.T, sargs []string, client func(addr string)) (string, bool) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	s := exec.CommandContext(ctx, "openssl", append([]string{"s_server", "-accept", addr, "-naccept", "1", "-www"}, sargs...)...)
	var sout lockedBuffer
	s.Stdout, s.Stderr = &sout, &sout
	stdin, err := s.StdinPipe() // s_server stops at the end of its input
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { _ = s.Wait(); close(done) }()
	ready := false
	for i := 0; i < 150 && !ready; i++ {
		select {
		case <-done:
			return sout.String(), false // it could not bind the port
		case <-time.After(20 * time.Millisecond):
		}
		// s_server prints ACCEPT once it listens.
		ready = strings.Contains(sout.String(), "ACCEPT")
	}
	if !ready {
		stdin.Close()
		cancel()
		<-done
		return sout.String(), false
	}
	client(addr)
	select {
	case <-done:
	case <-time.After(3 * time.Second):
		// s_server has reported the handshake; end it.
	}
	stdin.Close()
	cancel()
	<-done
	return sout.String(), true
}

// TestExplainRealOpenSSLServerClient: what a real openssl s_server and
// its real clients (openssl s_client, curl, Go's net/http) print when one
// refuses the other's certificate, line by line and pasted whole, is told
// from the side that printed it. Each scenario knows who refused whom:
// s_server judging a client certificate (none, another CA's, expired,
// server-only purpose, revoked, sent without its intermediate), or the client judging the server's (another CA's,
// self-signed, another name); over TLS 1.2 and 1.3.
func TestExplainRealOpenSSLServerClient(t *testing.T) {
	t.Parallel()
	if _, err := exec.LookPath("openssl"); err != nil {
		t.Fatal("openssl is needed: scripts/test.sh installs it")
	}
	curl := servertest.Tool(t, "curl")
	const c = "../testdata/certs/"
	srvCert := []string{"-cert", c + "good/server.crt", "-key", c + "good/server.key"}
	verifyClients := func(ca string) []string {
		return append(append([]string{}, srvCert...), "-CAfile", ca, "-Verify", "1", "-verify_return_error")
	}
	type scenario struct {
		name  string
		sargs []string
		// The client's certificate and key (or none), the CA it trusts
		// ("" for the system's) and the name it asks for.
		cert, key, ca, host string
		// judge is the side that refused: "server" (s_server, a client
		// certificate) or "client" (the server's certificate).
		judge string
		code  int // the verify result the judge names
	}
	good := c + "good/ca.crt"
	scenarios := []scenario{
		{"no client certificate", verifyClients(good), "", "", good, "localhost", "server", -1},
		{"client certificate of another CA", verifyClients(good), c + "untrusted/client-foreign.crt", c + "untrusted/client-foreign.key", good, "localhost", "server", 20},
		{"expired client certificate", verifyClients(c + "validity/ca.crt"), c + "validity/client-expired.crt", c + "validity/client-expired.key", good, "localhost", "server", 10},
		{"server-only client certificate", verifyClients(c + "purpose/ca.crt"), c + "purpose/client-serverauth.crt", c + "purpose/client-serverauth.key", good, "localhost", "server", 26},
		{"revoked client certificate", append(verifyClients(c+"revoked/ca.crt"), "-CRL", c+"revoked/crl.pem", "-crl_check"),
			c + "revoked/client-revoked.crt", c + "revoked/client-revoked.key", good, "localhost", "server", 23},
		{"client certificate sent without its intermediate", verifyClients(c + "chain/ca.crt"), c + "chain/client-depth2.crt", c + "chain/client-depth2.key", good, "localhost", "server", 20},
		{"server of another CA", srvCert, "", "", c + "validity/ca.crt", "localhost", "client", 20},
		{"self-signed server", []string{"-cert", c + "serverchain/server-selfsigned.crt", "-key", c + "serverchain/server-selfsigned.key"}, "", "", "", "localhost", "client", 18},
		{"server of another name", srvCert, "", "", good, "wrong.example.com", "client", 62},
	}
	clients := map[string]func(sc scenario, tls13 bool, addr string) string{
		"s_client": func(sc scenario, tls13 bool, addr string) string {
			args := []string{"s_client", "-connect", addr, "-verify_return_error", "-verify_hostname", sc.host, "-tls1_2"}
			if tls13 {
				args[len(args)-1] = "-tls1_3"
			}
			if sc.ca != "" {
				args = append(args, "-CAfile", sc.ca)
			}
			if sc.cert != "" {
				args = append(args, "-cert", sc.cert, "-key", sc.key)
			}
			cmd := exec.Command("openssl", args...)
			cmd.Stdin = strings.NewReader("")
			out, _ := cmd.CombinedOutput()
			return string(out)
		},
		"curl": func(sc scenario, tls13 bool, addr string) string {
			_, port, _ := net.SplitHostPort(addr)
			args := []string{"-v", "-sS", "--max-time", "5", "--resolve", sc.host + ":" + port + ":127.0.0.1", "--tlsv1.2", "--tls-max", "1.2"}
			if tls13 {
				args = args[:len(args)-3]
				args = append(args, "--tlsv1.3")
			}
			if sc.ca != "" {
				args = append(args, "--cacert", sc.ca)
			}
			if sc.cert != "" {
				args = append(args, "--cert", sc.cert, "--key", sc.key)
			}
			out, _ := exec.Command(curl, append(args, "https://"+sc.host+":"+port+"/")...).CombinedOutput()
			return string(out)
		},
		"go": func(sc scenario, tls13 bool, addr string) string {
			cfg := &tls.Config{MaxVersion: tls.VersionTLS12}
			if tls13 {
				cfg = &tls.Config{MinVersion: tls.VersionTLS13}
			}
			if sc.ca != "" {
				cfg.RootCAs = probePool(t, strings.TrimPrefix(sc.ca, c))
			}
			if sc.cert != "" {
				pair, err := tls.LoadX509KeyPair(sc.cert, sc.key)
				if err != nil {
					t.Fatal(err)
				}
				cfg.Certificates = []tls.Certificate{pair}
			}
			_, port, _ := net.SplitHostPort(addr)
			hc := &http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{TLSClientConfig: cfg,
				DialContext: func(ctx context.Context, network, _ string) (net.Conn, error) {
					return (&net.Dialer{}).DialContext(ctx, network, addr)
				}}}
			resp, err := hc.Get("https://" + sc.host + ":" + port + "/")
			if err != nil {
				return err.Error()
			}
			_, err = io.ReadAll(resp.Body)
			resp.Body.Close()
			if err != nil {
				return err.Error()
			}
			return "no error"
		},
	}
	type run struct {
		scenario
		client, version, srv, cli string
	}
	var (
		mu   sync.Mutex
		runs []run
		wg   sync.WaitGroup
	)
	for _, sc := range scenarios {
		for name, client := range clients {
			for _, tls13 := range []bool{false, true} {
				wg.Add(1)
				go func() {
					defer wg.Done()
					var cli string
					srv := sServerRun(t, sc.sargs, func(addr string) { cli = client(sc, tls13, addr) })
					version := map[bool]string{false: "TLS 1.2", true: "TLS 1.3"}[tls13]
					mu.Lock()
					runs = append(runs, run{sc, name, version, srv, cli})
					mu.Unlock()
				}()
			}
		}
	}
	wg.Wait()
	checked := 0
	for _, r := range runs {
		at := r.name + ", " + r.client + ", " + r.version
		if r.client != "s_client" {
			// curl's and Go's one error line: the client's, and about the
			// certificate the judge refused.
			line := strings.TrimSpace(r.cli)
			for _, l := range strings.Split(line, "\n") {
				if strings.HasPrefix(l, "curl: (") {
					line = l // curl's error, before its advice
				}
			}
			if line == "no error" || line == "" {
				t.Errorf("%s: the client saw no error", at)
				continue
			}
			checked++
			rep := Explain(line)
			if len(rep.Findings) == 0 {
				t.Errorf("%s: no finding for %q", at, line)
				continue
			}
			f := rep.Findings[0]
			if r.client == "curl" {
				// curl -v's whole output, pasted: the same side and story.
				whole := Explain(r.cli)
				if len(whole.Findings) == 0 || whole.Findings[0].Role != logparse.RoleClient ||
					r.judge == "server" && !strings.Contains(whole.Findings[0].Title+whole.Findings[0].Explanation, "client certificate") ||
					r.judge == "client" && !oneOf(whole.Findings[0].ID.Name(), []string{"server-cert-untrusted", "server-hostname-mismatch"}) {
					t.Errorf("%s: curl -v's whole output: %s", at, findingKeys(whole))
				}
			}
			switch {
			case f.Role != logparse.RoleClient:
				t.Errorf("%s: %q told as the %s's (%s %q)", at, line, f.Role, f.ID.Name(), f.Title)
			case r.judge == "client" && !oneOf(f.ID.Name(), []string{"server-cert-untrusted", "server-hostname-mismatch"}):
				t.Errorf("%s: %q: %s %q, want the client's refusal of the server's certificate", at, line, f.ID.Name(), f.Title)
			case r.judge == "server" && !strings.Contains(f.Title+f.Explanation, "client certificate"):
				t.Errorf("%s: %q: %s %q does not speak of the client certificate the server refused", at, line, f.ID.Name(), f.Title)
			}
		}
		outs := []struct{ printer, text string }{{"server", r.srv}}
		if r.client == "s_client" {
			outs = append(outs, struct{ printer, text string }{"client", r.cli})
		}
		for _, out := range outs {
			judged := false
			for _, line := range strings.Split(out.text, "\n") {
				line = strings.TrimSpace(line)
				lower := strings.ToLower(line)
				if lower == "verify return code: 0 (ok)" {
					// s_client accepted the server's chain: not a failure.
					if rep := Explain(line); len(rep.Findings) == 0 || rep.Findings[0].Severity != report.Info || rep.Findings[0].ID.Name() != "verify-error" {
						t.Errorf("%s: %q is not told as a success: %s", at, line, findingKeys(rep))
					}
					continue
				}
				if want, ok := map[string]string{"acceptable client certificate ca names": "client-cert-required", "no client certificate ca names sent": "mtls-not-enforced",
					"can't use ssl_get_servername": "routine-line", "using default temp dh parameters": "routine-line"}[lower]; ok {
					// What s_client says about the server's request, and
					// s_client's and s_server's routine lines.
					if want == "client-cert-required" && r.judge != "server" || want == "mtls-not-enforced" && r.judge == "server" {
						t.Errorf("%s: %q where the server does%s ask for client certificates", at, line, map[bool]string{true: "", false: " not"}[r.judge == "server"])
					}
					if rep := Explain(line); len(rep.Findings) == 0 || rep.Findings[0].ID.Name() != want {
						t.Errorf("%s: %q: %s, want %s", at, line, findingKeys(rep), want)
					}
					checked++
					continue
				}
				verdict := strings.HasPrefix(lower, "verify error:") || strings.HasPrefix(lower, "verification error:")
				if !verdict && !strings.Contains(lower, ":error:") || strings.Contains(lower, "unexpected eof") {
					continue
				}
				rep := Explain(line)
				if len(rep.Findings) == 0 {
					t.Errorf("%s, %s's line: no finding for\n  %s", at, out.printer, line)
					continue
				}
				checked++
				f := rep.Findings[0]
				switch {
				case strings.HasPrefix(lower, "verify error:num="):
					// The verify callback's line: s_client's and s_server's alike.
					if f.Role != logparse.RoleClient || !strings.Contains(f.Explanation, catalogue.VerifyServerToo) {
						t.Errorf("%s, %s's line %q: %s %s, want a client's story that names s_server too", at, out.printer, line, f.Role, f.ID.Name())
					}
				case strings.Contains(lower, "ssl alert number"):
					// A received alert: either side prints it so. Received
					// by the client, the story is the server's verdict on
					// the client certificate; received by the server, the
					// story must also say what it means when a server
					// wrote it.
					if out.printer == "client" && !strings.Contains(f.Explanation, "client certificate") ||
						out.printer == "server" && !strings.Contains(f.Explanation, "a server wrote it") && !strings.Contains(f.Explanation, "Written by a server") {
						t.Errorf("%s, %s's line %q: the alert's story misses the %s's side:\n%s", at, out.printer, line, out.printer, f.Explanation)
					}
				default:
					if f.Role != out.printer {
						t.Errorf("%s, %s's line %q: told as the %s's (%s %q)", at, out.printer, line, f.Role, f.ID.Name(), f.Title)
					}
					if out.printer == r.judge {
						judged = true
						want := map[string][]string{"server": {"verify-error", "no-client-cert", "handshake-failed"}, "client": {"server-cert-untrusted", "server-hostname-mismatch"}}[r.judge]
						if !oneOf(f.ID.Name(), want) {
							t.Errorf("%s, %s's line %q: %s %q, want one of %v", at, out.printer, line, f.ID.Name(), f.Title, want)
						}
						if strings.HasPrefix(lower, "verify") && f.Code != r.code {
							t.Errorf("%s, %s's line %q: code %d, want %d", at, out.printer, line, f.Code, r.code)
						}
					}
				}
			}
			if out.printer == "client" && r.judge == "server" {
				// s_client's whole output, when the server refused its
				// certificate: the client's story about that certificate.
				whole := Explain(out.text)
				if len(whole.Findings) == 0 || whole.Findings[0].Role != logparse.RoleClient ||
					!strings.Contains(whole.Findings[0].Title+whole.Findings[0].Explanation, "client certificate") {
					t.Errorf("%s: s_client's whole output: %s", at, findingKeys(whole))
				}
			}
			if out.printer == r.judge {
				if !judged {
					t.Errorf("%s: the %s that refused printed no verdict line:\n%s", at, out.printer, out.text)
				}
				// Pasted whole, the output is the judge's story.
				rep := Explain(out.text)
				if len(rep.Findings) == 0 || rep.Findings[0].Role != r.judge {
					t.Errorf("%s: the %s's whole output is not told as the %s's: %v", at, out.printer, r.judge, findingKeys(rep))
				}
			}
		}
	}
	if checked < 100 {
		t.Errorf("only %d lines checked; the runs printed less than expected", checked)
	}
}

func oneOf(s string, list []string) bool {
	for _, x := range list {
		if s == x {
			return true
		}
	}
	return false
}
