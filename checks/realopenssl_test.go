package checks

import (
	"context"
	"net"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/catalogue"
	"github.com/mtlsdoctor/mtlsdoctor/logparse"
	"github.com/mtlsdoctor/mtlsdoctor/report"
)

// sServerRun runs one real openssl s_server (-naccept 1) and one
// s_client against it, and returns what each printed.
func sServerRun(t *testing.T, sargs, cargs []string) (srv, cli string) {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	s := exec.CommandContext(ctx, "openssl", append([]string{"s_server", "-accept", addr, "-naccept", "1"}, sargs...)...)
	var sout strings.Builder
	s.Stdout, s.Stderr = &sout, &sout
	stdin, err := s.StdinPipe() // s_server stops at the end of its input
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Start(); err != nil {
		t.Fatal(err)
	}
	var out []byte
	for i := 0; i < 100; i++ {
		c := exec.CommandContext(ctx, "openssl", append([]string{"s_client", "-connect", addr}, cargs...)...)
		c.Stdin = strings.NewReader("")
		out, _ = c.CombinedOutput()
		if !strings.Contains(string(out), "connect:errno") && !strings.Contains(string(out), "Connection refused") {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	done := make(chan struct{})
	go func() { s.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(3 * time.Second):
		// s_server has reported the handshake; end it.
	}
	stdin.Close()
	cancel()
	<-done
	return sout.String(), string(out)
}

// TestExplainRealOpenSSLServerClient: what the real openssl s_server and
// s_client print when one refuses the other's certificate, line by line
// and pasted whole, is told from the side that printed it. Each scenario
// knows who refused whom: s_server judging a client certificate (none,
// another CA's, expired, server-only purpose), or s_client judging the
// server's (another CA's, self-signed, another name); TLS 1.2 and 1.3.
func TestExplainRealOpenSSLServerClient(t *testing.T) {
	if _, err := exec.LookPath("openssl"); err != nil {
		t.Fatal("openssl is needed: scripts/test.sh installs it")
	}
	const c = "../testdata/certs/"
	srvCert := []string{"-cert", c + "good/server.crt", "-key", c + "good/server.key"}
	verifyClients := func(ca string) []string {
		return append(append([]string{}, srvCert...), "-CAfile", ca, "-Verify", "1", "-verify_return_error")
	}
	trustServer := []string{"-CAfile", c + "good/ca.crt"}
	type scenario struct {
		name         string
		sargs, cargs []string
		// judge is the side that refused: "server" (s_server, a client
		// certificate) or "client" (s_client, the server's certificate).
		judge string
		code  int // the verify result the judge names, if any
	}
	scenarios := []scenario{
		{"no client certificate", verifyClients(c + "good/ca.crt"), trustServer, "server", -1},
		{"client certificate of another CA", verifyClients(c + "good/ca.crt"),
			append([]string{"-cert", c + "untrusted/client-foreign.crt", "-key", c + "untrusted/client-foreign.key"}, trustServer...), "server", 20},
		{"expired client certificate", verifyClients(c + "validity/ca.crt"),
			append([]string{"-cert", c + "validity/client-expired.crt", "-key", c + "validity/client-expired.key"}, trustServer...), "server", 10},
		{"server-only client certificate", verifyClients(c + "purpose/ca.crt"),
			append([]string{"-cert", c + "purpose/client-serverauth.crt", "-key", c + "purpose/client-serverauth.key"}, trustServer...), "server", 26},
		{"server of another CA", srvCert, []string{"-CAfile", c + "validity/ca.crt", "-verify_return_error"}, "client", 20},
		{"self-signed server", []string{"-cert", c + "serverchain/server-selfsigned.crt", "-key", c + "serverchain/server-selfsigned.key"},
			[]string{"-verify_return_error"}, "client", 18},
		{"server of another name", srvCert, append([]string{"-verify_hostname", "wrong.example.com", "-verify_return_error"}, trustServer...), "client", 62},
	}
	type run struct {
		scenario
		version, srv, cli string
	}
	var (
		mu   sync.Mutex
		runs []run
		wg   sync.WaitGroup
	)
	for _, sc := range scenarios {
		for _, v := range []string{"-tls1_2", "-tls1_3"} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				srv, cli := sServerRun(t, sc.sargs, append([]string{v}, sc.cargs...))
				mu.Lock()
				runs = append(runs, run{sc, v, srv, cli})
				mu.Unlock()
			}()
		}
	}
	wg.Wait()
	checked := 0
	for _, r := range runs {
		for _, out := range []struct{ printer, text string }{{"server", r.srv}, {"client", r.cli}} {
			judged := false
			for _, line := range strings.Split(out.text, "\n") {
				line = strings.TrimSpace(line)
				lower := strings.ToLower(line)
				if lower == "verify return code: 0 (ok)" {
					// s_client accepted the server's chain: not a failure.
					if rep := Explain(line); len(rep.Findings) == 0 || rep.Findings[0].Severity != report.Info || rep.Findings[0].ID.Name() != "verify-error" {
						t.Errorf("%s %s: %q is not told as a success: %s", r.name, r.version, line, findingKeys(rep))
					}
					continue
				}
				verdict := strings.HasPrefix(lower, "verify error:") || strings.HasPrefix(lower, "verification error:")
				if !verdict && !strings.Contains(lower, ":error:") || strings.Contains(lower, "unexpected eof") {
					continue
				}
				rep := Explain(line)
				if len(rep.Findings) == 0 {
					t.Errorf("%s %s, %s's line: no finding for\n  %s", r.name, r.version, out.printer, line)
					continue
				}
				checked++
				f := rep.Findings[0]
				switch {
				case strings.HasPrefix(lower, "verify error:num="):
					// The verify callback's line: s_client's and s_server's alike.
					if f.Role != logparse.RoleClient || !strings.Contains(f.Explanation, catalogue.VerifyServerToo) {
						t.Errorf("%s %s, %s's line %q: %s %s, want a client's story that names s_server too", r.name, r.version, out.printer, line, f.Role, f.ID.Name())
					}
				case strings.Contains(lower, "ssl alert number"):
					// A received alert: either side prints it so. Received
					// by the client, the story is the server's verdict on
					// the client certificate; received by the server, the
					// story must also say what it means when a server
					// wrote it.
					if out.printer == "client" && !strings.Contains(f.Explanation, "client certificate") ||
						out.printer == "server" && !strings.Contains(f.Explanation, "a server wrote it") && !strings.Contains(f.Explanation, "Written by a server") {
						t.Errorf("%s %s, %s's line %q: the alert's story misses the %s's side:\n%s", r.name, r.version, out.printer, line, out.printer, f.Explanation)
					}
				default:
					if f.Role != out.printer {
						t.Errorf("%s %s, %s's line %q: told as the %s's (%s %q)", r.name, r.version, out.printer, line, f.Role, f.ID.Name(), f.Title)
					}
					if out.printer == r.judge {
						judged = true
						want := map[string][]string{"server": {"verify-error", "no-client-cert", "handshake-failed"}, "client": {"server-cert-untrusted", "server-hostname-mismatch"}}[r.judge]
						if !oneOf(f.ID.Name(), want) {
							t.Errorf("%s %s, %s's line %q: %s %q, want one of %v", r.name, r.version, out.printer, line, f.ID.Name(), f.Title, want)
						}
						if strings.HasPrefix(lower, "verify") && f.Code != r.code {
							t.Errorf("%s %s, %s's line %q: code %d, want %d", r.name, r.version, out.printer, line, f.Code, r.code)
						}
					}
				}
			}
			if out.printer == r.judge {
				if !judged {
					t.Errorf("%s %s: the %s that refused printed no verdict line:\n%s", r.name, r.version, out.printer, out.text)
				}
				// Pasted whole, the output is the judge's story.
				rep := Explain(out.text)
				if len(rep.Findings) == 0 || rep.Findings[0].Role != r.judge {
					t.Errorf("%s %s: the %s's whole output is not told as the %s's: %v", r.name, r.version, out.printer, r.judge, findingKeys(rep))
				}
			}
		}
	}
	if checked < 40 {
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
