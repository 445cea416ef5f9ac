package checks

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/pem"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/catalogue"
	"github.com/mtlsdoctor/mtlsdoctor/internal/nginxtest"
	"github.com/mtlsdoctor/mtlsdoctor/internal/servertest"
	"github.com/mtlsdoctor/mtlsdoctor/logparse"
	"github.com/mtlsdoctor/mtlsdoctor/report"
)

// sServerRun runs one real openssl s_server (-naccept 1), lets client
// connect to it (its address, host:port), and returns what s_server
// printed. A port taken between choosing and binding it is chosen again.
// It may run on any goroutine: a failure to start is an error of the test,
// and the output is then "".
func sServerRun(t *testing.T, sargs []string, client func(addr string)) string {
	t.Helper()
	for attempt := 0; ; attempt++ {
		out, ok, err := sServerOnce(sargs, client)
		switch {
		case err != nil:
			t.Errorf("openssl s_server: %v", err)
			return ""
		case ok:
			return out
		case attempt == 3:
			t.Errorf("openssl s_server did not start:\n%s", out)
			return ""
		}
	}
}

// sServerOnce is one try of sServerRun; false when s_server did not come
// to accept connections.
func sServerOnce(sargs []string, client func(addr string)) (string, bool, error) {
	port, err := freePort()
	if err != nil {
		return "", false, err
	}
	addr := "127.0.0.1:" + port
	// s_server waits for its one client, which may wait for a slot.
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	s := exec.CommandContext(ctx, "openssl", append([]string{"s_server", "-accept", addr, "-naccept", "1", "-www"}, sargs...)...)
	var sout lockedBuffer
	s.Stdout, s.Stderr = &sout, &sout
	stdin, err := s.StdinPipe() // s_server stops at the end of its input
	if err != nil {
		return "", false, err
	}
	if err := s.Start(); err != nil {
		return "", false, err
	}
	done := make(chan struct{})
	go func() { _ = s.Wait(); close(done) }()
	ready := false
	for i := 0; i < 150 && !ready; i++ {
		select {
		case <-done:
			return sout.String(), false, nil // it could not bind the port
		case <-time.After(20 * time.Millisecond):
		}
		// s_server prints ACCEPT once it listens.
		ready = strings.Contains(sout.String(), "ACCEPT")
	}
	if !ready {
		stdin.Close()
		cancel()
		<-done
		return sout.String(), false, nil
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
	return sout.String(), true, nil
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
	clients := realClients(t)
	type run struct {
		tlsScenario
		client, version, srv, cli string
	}
	var (
		mu   sync.Mutex
		runs []run
		wg   sync.WaitGroup
		// A few s_servers at a time: each waits for its one client.
		slots = make(chan struct{}, 2*runtime.GOMAXPROCS(0))
	)
	for _, sc := range tlsScenarios() {
		for name, client := range clients {
			for _, tls13 := range []bool{false, true} {
				wg.Add(1)
				go func() {
					defer wg.Done()
					slots <- struct{}{}
					defer func() { <-slots }()
					var cli string
					sargs := sc.sargs()
					if name == "java" {
						// HttpsURLConnection tries a GET again when the
						// connection ends before the response.
						sargs = append(sargs, "-naccept", "2")
					}
					srv := sServerRun(t, sargs, func(addr string) { cli = client(sc, tls13, addr) })
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
			checked += checkClientOutput(t, at, r.client, r.judge, r.cli)
			checkCauseNamed(t, at, r.client, r.tlsScenario, r.cli)
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
				if len(whole.Findings) == 0 || !refusedToSend(out.text) && (whole.Findings[0].Role != logparse.RoleClient ||
					!strings.Contains(whole.Findings[0].Title+whole.Findings[0].Explanation, "client certificate")) {
					t.Errorf("%s: s_client's whole output: %s", at, findingKeys(whole))
				}
			}
			if out.printer == r.judge && !refusedToSend(r.cli) {
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

// tlsScenario is one refusal in a TLS handshake between a real server and
// a real client, and who refused whom.
type tlsScenario struct {
	name string
	// The server's certificate and key, the CA it checks client
	// certificates against ("" for none asked), and the CRL it checks.
	srvCert, srvKey, clientCA, crl string
	// The client's certificate and key (or none), the CA it trusts
	// ("" for the system's) and the name it asks for.
	cert, key, ca, host string
	// judge is the side that refused: "server" (a client certificate) or
	// "client" (the server's certificate).
	judge string
	code  int // the verify result the judge names
}

// fx is the absolute path of the certificate fixtures, with a slash:
// servers run from directories of their own.
var fx = func() string {
	p, err := filepath.Abs("../testdata/certs")
	if err != nil {
		panic(err)
	}
	return p + "/"
}()

// tlsScenarios are the refusals of the real-server matrices: the server
// judging a client certificate (none, another CA's, expired, not yet
// valid, server-only purpose, revoked, sent without its intermediate,
// SHA-1-signed, with its CA's subject: the guides' mistake, "self-signed"
// to OpenSSL), or a sound one against its own faulty setting (a client CA
// file with only the intermediate, an expired CRL, a CRL file without the
// client CA's CRL); or the client judging the server's (another CA's,
// self-signed, another name).
func tlsScenarios() []tlsScenario {
	srv, srvKey, good := fx+"good/server.crt", fx+"good/server.key", fx+"good/ca.crt"
	return []tlsScenario{
		{"no client certificate", srv, srvKey, good, "", "", "", good, "localhost", "server", -1},
		{"client certificate of another CA", srv, srvKey, good, "", fx + "untrusted/client-foreign.crt", fx + "untrusted/client-foreign.key", good, "localhost", "server", 20},
		{"expired client certificate", srv, srvKey, fx + "validity/ca.crt", "", fx + "validity/client-expired.crt", fx + "validity/client-expired.key", good, "localhost", "server", 10},
		{"server-only client certificate", srv, srvKey, fx + "purpose/ca.crt", "", fx + "purpose/client-serverauth.crt", fx + "purpose/client-serverauth.key", good, "localhost", "server", 26},
		{"revoked client certificate", srv, srvKey, fx + "revoked/ca.crt", fx + "revoked/crl.pem", fx + "revoked/client-revoked.crt", fx + "revoked/client-revoked.key", good, "localhost", "server", 23},
		{"client certificate sent without its intermediate", srv, srvKey, fx + "chain/ca.crt", "", fx + "chain/client-depth2.crt", fx + "chain/client-depth2.key", good, "localhost", "server", 20},
		{"SHA-1-signed client certificate", srv, srvKey, fx + "weak/ca.crt", "", fx + "weak/client-sha1.crt", fx + "weak/client-sha1.key", good, "localhost", "server", 68},
		{"client certificate with its CA's subject", srv, srvKey, fx + "samedn/ca.crt", "", fx + "samedn/client-samedn-noakid.crt", fx + "samedn/client-samedn-noakid.key", good, "localhost", "server", 18},
		{"server trusting only the client's intermediate", srv, srvKey, fx + "chain/int1.crt", "", fx + "chain/client-depth1.crt", fx + "chain/client-depth1.key", good, "localhost", "server", 2},
		{"client certificate not yet valid", srv, srvKey, fx + "validity/ca.crt", "", fx + "validity/client-notyet.crt", fx + "validity/client-notyet.key", good, "localhost", "server", 9},
		{"expired CRL", srv, srvKey, fx + "revoked/ca.crt", fx + "_outside/revoked/crl-expired.pem", fx + "revoked/client-ok.crt", fx + "revoked/client-ok.key", good, "localhost", "server", 12},
		{"no CRL from the client certificate's CA", srv, srvKey, good, fx + "revoked/crl.pem", fx + "good/client.crt", fx + "good/client.key", good, "localhost", "server", 3},
		{"server of another CA", srv, srvKey, "", "", "", "", fx + "validity/ca.crt", "localhost", "client", 20},
		{"self-signed server", fx + "serverchain/server-selfsigned.crt", fx + "serverchain/server-selfsigned.key", "", "", "", "", "", "localhost", "client", 18},
		{"server of another name", srv, srvKey, "", "", "", "", good, "wrong.example.com", "client", 62},
	}
}

// sargs are openssl s_server's options for the scenario's server.
func (sc tlsScenario) sargs() []string {
	args := []string{"-cert", sc.srvCert, "-key", sc.srvKey}
	if sc.clientCA != "" {
		args = append(args, "-CAfile", sc.clientCA, "-Verify", "1", "-verify_return_error")
	}
	if sc.crl != "" {
		args = append(args, "-CRL", sc.crl, "-crl_check")
	}
	return args
}

// realClients are the real clients of the matrices: openssl s_client,
// curl -v, Go's net/http, the Python, Node.js, Java and Erlang clients of
// peerClients, and git and gnutls-cli of gnutlsClients. Each connects to addr as the scenario's
// client, over TLS 1.2 or 1.3, and returns what it printed (Go: its
// error).
func realClients(t *testing.T) map[string]func(sc tlsScenario, tls13 bool, addr string) string {
	curl := servertest.Tool(t, "curl")
	clients := peerClients(t)
	for name, client := range gnutlsClients(t) {
		clients[name] = client
	}
	for name, client := range map[string]func(sc tlsScenario, tls13 bool, addr string) string{
		"s_client": func(sc tlsScenario, tls13 bool, addr string) string {
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
		"curl": func(sc tlsScenario, tls13 bool, addr string) string {
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
		"go": func(sc tlsScenario, tls13 bool, addr string) string {
			cfg := &tls.Config{MaxVersion: tls.VersionTLS12}
			if tls13 {
				cfg = &tls.Config{MinVersion: tls.VersionTLS13}
			}
			// Called on the matrices' goroutines: a bad fixture is the
			// client's error, which the checks then fail on.
			if sc.ca != "" {
				b, err := os.ReadFile(sc.ca)
				if err != nil {
					return err.Error()
				}
				cfg.RootCAs = x509.NewCertPool()
				cfg.RootCAs.AppendCertsFromPEM(b)
			}
			if sc.cert != "" {
				pair, err := tls.LoadX509KeyPair(sc.cert, sc.key)
				if err != nil {
					return err.Error()
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
	} {
		clients[name] = client
	}
	for name, client := range clients {
		clients[name] = func(sc tlsScenario, tls13 bool, addr string) string {
			clientSlots <- struct{}{}
			defer func() { <-clientSlots }()
			return client(sc, tls13, addr)
		}
	}
	return clients
}

// clientSlots bounds how many real clients run at once across the
// matrices, which run in parallel: JVMs and Erlang VMs that start late on
// a loaded machine time out, and the runs would then show the load, not
// the programs.
var clientSlots = make(chan struct{}, 2*runtime.GOMAXPROCS(0))

// checkClientOutput checks what curl or a Go client printed when judge
// refused: its error line (and curl -v's whole output) is the client's,
// about the client certificate the server refused or about the server's
// certificate it refused. It returns how many outputs it checked.
func checkClientOutput(t *testing.T, at, client, judge, out string) int {
	t.Helper()
	line := pastedLine(client, out)
	if line == "no error" || line == "" {
		t.Errorf("%s: the client saw no error", at)
		return 0
	}
	story := func(what string, rep *report.Report) {
		if len(rep.Findings) == 0 {
			t.Errorf("%s: no finding for %s", at, what)
			return
		}
		f := rep.Findings[0]
		switch {
		case f.ID == catalogue.TLSUnexplained:
			t.Errorf("%s: %s has no entry (%s %q)", at, what, f.ID.Name(), f.Title)
		case judge == "server" && f.ID == catalogue.WeakSignature && ownCertStory(f):
			// The client's own OpenSSL refused to load its SHA-1-signed
			// certificate, told as a load error of either side.
		case f.Role != logparse.RoleClient && !strings.Contains(f.Explanation, catalogue.RolesMayBeReversed):
			// A received certificate_unknown that shows no side is taken
			// as a server's, with the client's case told after it.
			t.Errorf("%s: %s told as the %s's (%s %q)", at, what, f.Role, f.ID.Name(), f.Title)
		case judge == "client" && !oneOf(f.ID.Name(), []string{"server-cert-untrusted", "server-hostname-mismatch"}):
			t.Errorf("%s: %s: %s %q, want the client's refusal of the server's certificate", at, what, f.ID.Name(), f.Title)
		case judge == "server" && !strings.Contains(f.Title+f.Explanation, "client certificate"):
			t.Errorf("%s: %s: %s %q does not speak of the client certificate the server refused", at, what, f.ID.Name(), f.Title)
		}
	}
	story(fmt.Sprintf("%q", line), Explain(line))
	if client != "go" && client != "s_client" {
		story(client+"'s whole output", Explain(out))
	}
	return 1
}

// causeWords are, per verify result, words that the story of a client's
// output must hold when it tells of the server's refusal (an alert, not
// a closed connection): a sound certificate refused for the server's CRLs
// (one past its nextUpdate, none from the certificate's CA), or one not
// valid yet, which OpenSSL servers answer with a plain bad_certificate.
// Without them the user would reissue a certificate that is fine, or miss
// the clock.
var causeWords = map[int]string{3: "CRL", 12: "CRL", 9: "not yet valid"}

// checkCauseNamed checks the causeWords of the scenario's result.
func checkCauseNamed(t *testing.T, at, client string, sc tlsScenario, out string) {
	t.Helper()
	words, ok := causeWords[sc.code]
	if !ok || sc.judge != "server" {
		return
	}
	line := pastedLine(client, out)
	if client == "curl-nss" && strings.Contains(line, "certificate_required") {
		// curl on NSS sends no client certificate over TLS 1.3, so the
		// server's verdict is certificate_required whatever the certificate.
		return
	}
	rep := Explain(line)
	if len(rep.Findings) == 0 || rep.Findings[0].ID == catalogue.HandshakeFailed {
		return // a closed connection: its story sends the user to the server's log
	}
	if !strings.Contains(rep.Findings[0].Explanation+rep.Findings[0].Fix, words) {
		t.Errorf("%s: %q: the story does not say %q: %s %q", at, line, words, rep.Findings[0].ID.Name(), rep.Findings[0].Title)
	}
}

// refusedToSend reports whether a client's output is its own OpenSSL
// refusing to load its SHA-1-signed certificate (security level 2): it
// never sent it, so the server has no verdict to print.
func refusedToSend(out string) bool {
	rep := Explain(out)
	return len(rep.Findings) > 0 && rep.Findings[0].ID == catalogue.WeakSignature && ownCertStory(rep.Findings[0])
}

// ownCertStory reports whether a load error's story says that the
// certificate a program loads is the client certificate when a client
// loads it: s_client and Python load it in the words they use for a
// server's own.
func ownCertStory(f report.Finding) bool {
	return strings.Contains(f.Explanation, "the client certificate a client")
}

// firstFinding explains line and returns its first finding; a line with
// no finding fails the test (at names the case) and gives false.
func firstFinding(t *testing.T, at, line string) (report.Finding, bool) {
	t.Helper()
	rep := Explain(line)
	if len(rep.Findings) == 0 {
		t.Errorf("%s: no finding for %q", at, line)
		return report.Finding{}, false
	}
	return rep.Findings[0], true
}

func oneOf(s string, list []string) bool {
	for _, x := range list {
		if s == x {
			return true
		}
	}
	return false
}

// TestExplainRealGoServerClients: the same refusals with a real Go
// server (crypto/tls, RequireAndVerifyClientCert with the scenario's
// client CA; Go checks no CRL, so the revoked scenario is left out): the
// Go server's log line is told as the server's, about the client
// certificate it refused or the client that refused its own; each real
// client's output as the client's.
func TestExplainRealGoServerClients(t *testing.T) {
	t.Parallel()
	clients := realClients(t)
	var wg sync.WaitGroup
	var mu sync.Mutex
	for _, sc := range tlsScenarios() {
		if acceptedBy("Go", sc) {
			continue
		}
		for name, client := range clients {
			for _, tls13 := range []bool{false, true} {
				// The server starts here, on the test's goroutine (it may
				// fail the test); the client runs in parallel.
				addr, logs := goTLSServer(t, goServerConfig(t, sc))
				wg.Add(1)
				go func() {
					defer wg.Done()
					at := sc.name + ", " + name + ", Go server, " + map[bool]string{false: "TLS 1.2", true: "TLS 1.3"}[tls13]
					out := client(sc, tls13, addr)
					line := handshakeErrorLine(logs)
					mu.Lock()
					defer mu.Unlock()
					if name != "s_client" {
						checkClientOutput(t, at, name, sc.judge, out)
					}
					if refusedToSend(out) || line == "" && (name == "curl" && sc.code == 62 || (name == "node" || name == "git") && sc.judge == "client") {
						// curl checks the name after the handshake, and
						// node and git (libcurl on GnuTLS) the whole
						// certificate: the server sees it end cleanly. A
						// client that refused to send its certificate never
						// started a handshake.
						return
					}
					if line == "" {
						t.Errorf("%s: the Go server logged no handshake error", at)
						return
					}
					rep := Explain(line)
					if len(rep.Findings) == 0 {
						t.Errorf("%s: no finding for the Go server's %q", at, line)
						return
					}
					f := rep.Findings[0]
					all := f.Title + "\n" + f.Explanation
					if f.Reporter != "go" || f.Role != logparse.RoleServer ||
						sc.judge == "server" && !strings.Contains(all, "client certificate") && !strings.Contains(all, "ClientCAs") ||
						sc.judge == "client" && !strings.Contains(all, "own certificate") && !strings.Contains(f.Title, "server's certificate") && !strings.Contains(all, "refused the server's certificate") {
						t.Errorf("%s: the Go server's %q:\n%s %s/%s %q\n%s", at, line, f.ID.Name(), f.Reporter, f.Role, f.Title, f.Explanation)
					}
				}()
			}
		}
	}
	wg.Wait()
}

// serverUnderTest starts a real server for a scenario and returns its
// address and a function that reads its log lines so far.
type serverUnderTest func(t *testing.T, sc tlsScenario) (addr string, logLines func() []string)

// matrixServer is a real server of checkServerMatrix.
type matrixServer struct {
	name  string
	start serverUnderTest
	// connLine picks the server's lines that are about a connection.
	connLine func(string) bool
	// httpRefusal: the server refuses a client certificate with an HTTP
	// page after the handshake (as nginx does), so its clients print no
	// error for those refusals.
	httpRefusal bool
	// silentRefusal: the server ends the connection over a client
	// certificate it refused without logging it (a Node.js server with
	// rejectUnauthorized checks it after the handshake).
	silentRefusal bool
	// skip leaves out the scenarios the server or its clients cannot run.
	skip func(tlsScenario) bool
	// serverTerm, when set, is a word the stories of the server's refusals
	// must hold: where that server keeps its client CAs.
	serverTerm string
	// clientTerm, when set, is a word the client's story must hold when
	// the server refused its certificate: where that server keeps its
	// client CAs, which the client program names (psql's server is
	// PostgreSQL).
	clientTerm string
	// clients are the real clients that speak the server's protocol
	// (nil: realClients, for HTTPS servers).
	clients map[string]func(sc tlsScenario, tls13 bool, addr string) string
}

// acceptedBy reports whether a server accepts a scenario's client
// certificate by design, so that the scenario is no refusal there: Go
// checks no CRL; JDK 17 and OTP 25 accept a SHA-1-signed client
// certificate below a private root; Go and Java find the issuer of a
// certificate with its CA's subject by its signature, where OpenSSL calls
// it self-signed, and take any certificate they are given to trust as an
// anchor, where OpenSSL needs the root (no partial chains).
func acceptedBy(server string, sc tlsScenario) bool {
	switch {
	case sc.crl != "":
		return server == "Go"
	case sc.code == 68:
		return server == "Java" || server == "Erlang"
	case sc.code == 18 && sc.judge == "server", sc.code == 2:
		return server == "Go" || server == "Java"
	}
	return false
}

// checkServerMatrix runs every scenario the server can serve against
// every real client, over TLS 1.2 and 1.3: each client's output is the
// client's story, and each line of the server's log about the
// connections is the server's; those explain calls an error or a warning
// are about the client certificate it refused (the server judged) or
// about its own certificate (the client judged). A line that does not
// show which side wrote it may be told as a client's if its story also
// says what it means in a server's log (serverCaseTold).
func checkServerMatrix(t *testing.T, srv matrixServer) {
	clients := srv.clients
	if clients == nil {
		clients = realClients(t)
	}
	for _, sc := range tlsScenarios() {
		if acceptedBy(srv.name, sc) || srv.skip != nil && srv.skip(sc) {
			continue
		}
		addr, logLines := srv.start(t, sc)
		for name, client := range clients {
			for _, tls13 := range []bool{false, true} {
				at := sc.name + ", " + name + ", " + srv.name + ", " + map[bool]string{false: "TLS 1.2", true: "TLS 1.3"}[tls13]
				out := client(sc, tls13, addr)
				if name != "s_client" && !(srv.httpRefusal && sc.judge == "server") {
					checkClientOutput(t, at, name, sc.judge, out)
					checkCauseNamed(t, at, name, sc, out)
				}
				if srv.clientTerm != "" && sc.judge == "server" && !refusedToSend(out) {
					if f := Explain(pastedLine(name, out)); len(f.Findings) > 0 && !strings.Contains(f.Findings[0].Explanation+"\n"+f.Findings[0].Fix, srv.clientTerm) {
						t.Errorf("%s: %q: the client's story does not name the server's %s:\n%s\n%s", at, pastedLine(name, out), srv.clientTerm, f.Findings[0].Title, f.Findings[0].Fix)
					}
				}
			}
		}
		time.Sleep(300 * time.Millisecond) // the server writes its last lines
		seen := 0
		for _, line := range logLines() {
			if !srv.connLine(line) {
				continue
			}
			rep := Explain(line)
			if len(rep.Findings) == 0 {
				if tlsWords(strings.ToLower(line)) {
					t.Errorf("%s, %s: no finding for its line %q", sc.name, srv.name, line)
				}
				continue // not about TLS: "client closed connection while waiting for request"
			}
			f := rep.Findings[0]
			if f.Role != logparse.RoleServer && !serverCaseTold(f) {
				t.Errorf("%s, %s: its line %q told as the %s's (%s %q)", sc.name, srv.name, line, f.Role, f.ID.Name(), f.Title)
				continue
			}
			seen++
			if f.Severity != report.Error && f.Severity != report.Warning {
				continue // a note: routine, or usually harmless
			}
			all := f.Title + "\n" + f.Explanation
			if sc.judge == "server" && f.ID.Name() != "verify-error" && !strings.Contains(all, "client certificate") && !strings.Contains(all, "client's certificate") && !strings.Contains(all, "sent no certificate") ||
				sc.judge == "client" && !strings.Contains(all, "own certificate") && !strings.Contains(all, "server's certificate") && !strings.Contains(all, "server certificate") {
				t.Errorf("%s, %s: its line %q:\n%s %s/%s %q\n%s", sc.name, srv.name, line, f.ID.Name(), f.Reporter, f.Role, f.Title, f.Explanation)
			}
			if sc.judge == "server" && srv.serverTerm != "" && !strings.Contains(all+"\n"+f.Fix, srv.serverTerm) {
				t.Errorf("%s, %s: its line %q: the story does not name %s:\n%s %q\n%s", sc.name, srv.name, line, srv.serverTerm, f.ID.Name(), f.Title, f.Fix)
			}
		}
		if seen == 0 && sc.code != 62 && !(srv.silentRefusal && sc.judge == "server" && sc.cert != "") {
			t.Errorf("%s, %s: it logged no line about the connections:\n%s", sc.name, srv.name, strings.Join(logLines(), "\n"))
		}
	}
}

// serverCaseTold reports whether a client's story of a line also tells
// what the same words mean when a server wrote them: Python, Java and
// Node.js print the same error on either side.
func serverCaseTold(f report.Finding) bool {
	return reServerCase.MatchString(f.Explanation)
}

var reServerCase = regexp.MustCompile(`Written by a server|a server wrote it|if a server printed it|A (?:Java|Python|Node\.js|Go) server [^.]*(?:logs|prints|raises) the same`)

// TestExplainRealHAProxyServerClients: the refusals against a real
// HAProxy 2.6 (bind ... ssl crt ... verify required ca-file ... crl-file).
func TestExplainRealHAProxyServerClients(t *testing.T) {
	t.Parallel()
	checkServerMatrix(t, matrixServer{name: "HAProxy", start: haproxyStart, connLine: func(l string) bool {
		return strings.Contains(l, "] fe/") && !strings.Contains(l, "Connection closed during SSL handshake")
	}})
}

// haproxyStart starts a real HAProxy for a scenario.
func haproxyStart(t *testing.T, sc tlsScenario) (string, func() []string) {
	bind := ""
	if sc.clientCA != "" {
		bind = "verify required ca-file " + sc.clientCA
	}
	if sc.crl != "" {
		bind += " crl-file " + sc.crl
	}
	name := strings.TrimSuffix(strings.TrimPrefix(sc.srvCert, fx), ".crt")
	addr, logFile := servertest.HAProxyWithLog(t, haproxyPEM(t, name), bind, "  http-request return status 200")
	return addr, fileLines(logFile)
}

// fileLines reads a server's log file as lines, when called.
func fileLines(file string) func() []string {
	return func() []string {
		data, _ := os.ReadFile(file)
		return strings.Split(string(data), "\n")
	}
}

// TestExplainRealApacheServerClients: the refusals against a real Apache
// 2.4 (SSLVerifyClient require, SSLCACertificateFile, SSLCARevocationFile).
func TestExplainRealApacheServerClients(t *testing.T) {
	t.Parallel()
	checkServerMatrix(t, matrixServer{name: "Apache", start: apacheStart, connLine: func(l string) bool { return strings.Contains(l, "[ssl:") }})
}

// apacheStart starts a real Apache for a scenario.
func apacheStart(t *testing.T, sc tlsScenario) (string, func() []string) {
	vhost := ""
	if sc.clientCA != "" {
		vhost = "  SSLCACertificateFile " + sc.clientCA + "\n  SSLVerifyClient require\n"
	}
	if sc.crl != "" {
		vhost += "  SSLCARevocationFile " + sc.crl + "\n  SSLCARevocationCheck leaf\n"
	}
	addr, errorLog := servertest.ApacheWithLog(t, sc.srvCert, sc.srvKey, vhost)
	return addr, fileLines(errorLog)
}

// TestExplainRealNginxServerClients: the refusals against a real nginx
// (ssl_verify_client on, ssl_client_certificate, ssl_crl; TLS 1.2 and
// 1.3 enabled, as nginx 1.22 does not by default). nginx refuses a client
// certificate with its 400 page after the handshake, so its clients print
// no error then; every line of its error log about the connections is the
// server's.
func TestExplainRealNginxServerClients(t *testing.T) {
	t.Parallel()
	checkServerMatrix(t, matrixServer{name: "nginx", start: nginxStart(false), connLine: nginxConnLine, httpRefusal: true})
}

// nginxStart starts a real nginx, an http or a stream {} server, for a
// scenario, with TLS 1.2 and 1.3 on (nginx 1.22 leaves 1.3 off).
func nginxStart(stream bool) serverUnderTest {
	return func(t *testing.T, sc tlsScenario) (string, func() []string) {
		cfg := nginxtest.NewConfig(sc.clientCA)
		if sc.clientCA == "" {
			cfg.VerifyClient = "off"
		}
		cfg.CRL, cfg.ServerCert, cfg.ServerKey, cfg.Stream = sc.crl, sc.srvCert, sc.srvKey, stream
		cfg.Extra = "ssl_protocols TLSv1.2 TLSv1.3;"
		srv := nginxtest.Start(t, cfg)
		return srv.Addr, fileLines(srv.ErrorLog)
	}
}

// nginxConnLine picks nginx's error-log lines about a connection.
func nginxConnLine(l string) bool {
	return strings.Contains(l, " *") && strings.Contains(l, "client: ")
}

// goStart starts a real Go server (crypto/tls, RequireAndVerifyClientCert
// with the scenario's client CA; Go checks no CRL) for a scenario.
func goStart(t *testing.T, sc tlsScenario) (string, func() []string) {
	addr, logs := goTLSServer(t, goServerConfig(t, sc))
	return addr, func() []string { return strings.Split(logs.String(), "\n") }
}

// goServerConfig is the scenario's server as a Go tls.Config.
func goServerConfig(t *testing.T, sc tlsScenario) *tls.Config {
	pair, err := tls.LoadX509KeyPair(sc.srvCert, sc.srvKey)
	if err != nil {
		t.Fatal(err)
	}
	cfg := &tls.Config{Certificates: []tls.Certificate{pair}}
	if sc.clientCA != "" {
		cfg.ClientAuth, cfg.ClientCAs = tls.RequireAndVerifyClientCert, probePool(t, strings.TrimPrefix(sc.clientCA, fx))
	}
	return cfg
}

// TestExplainRealNginxStreamClients: the refusals against a real nginx
// stream {} server (nginx's stream module: ssl_verify_client on,
// ssl_client_certificate, ssl_crl). It checks the client certificate at
// the end of the handshake and closes the connection, with no 400 page:
// each client's output is its story about the client certificate the
// server refused, and nginx's lines (ending "while SSL handshaking") are
// the stream module's.
func TestExplainRealNginxStreamClients(t *testing.T) {
	t.Parallel()
	start := func(t *testing.T, sc tlsScenario) (string, func() []string) {
		addr, logLines := nginxStart(true)(t, sc)
		return addr, func() []string {
			lines := logLines()
			for _, l := range lines {
				if rep := Explain(l); sc.judge == "server" && strings.Contains(l, "while SSL handshaking") && len(rep.Findings) > 0 &&
					rep.Findings[0].Severity != report.Info && !strings.Contains(rep.Findings[0].Explanation, catalogue.StreamRefusal) {
					t.Errorf("%s, nginx stream: its line %q is not told as the stream module's:\n%s", sc.name, l, rep.Findings[0].Explanation)
				}
			}
			return lines
		}
	}
	checkServerMatrix(t, matrixServer{name: "nginx stream", start: start, connLine: nginxConnLine})
}

// TestExplainRealNginxUpstreams: nginx as the client of each real server
// of the matrices but nginx's http module (whose refusal is a 400 page
// that the front passes on, logging nothing) and s_server (proxy_pass
// https:// with proxy_ssl_certificate,
// proxy_ssl_verify on, proxy_ssl_trusted_certificate and proxy_ssl_name,
// over TLS 1.2 and 1.3), for each refusal: what nginx logs about its
// upstream is told as nginx the client, with the directive of the refusal
// (proxy_ssl_certificate when the backend refused nginx's certificate,
// proxy_ssl_trusted_certificate or proxy_ssl_name when nginx refused the
// backend's).
func TestExplainRealNginxUpstreams(t *testing.T) {
	t.Parallel()
	nginxtest.Require(t)
	java := javaPeer(t)
	for _, b := range []struct {
		name  string
		start serverUnderTest
	}{
		{"nginx stream", nginxStart(true)}, {"HAProxy", haproxyStart}, {"Apache", apacheStart}, {"Go", goStart},
		{"Python", peerStart(servertest.Tool(t, "python3"), peerFile(t, "server.py"))},
		{"Node.js", peerStart(servertest.Tool(t, "node"), peerFile(t, "server.js"))},
		{"Java", peerStart(append(java, "server")...)},
		{"Erlang", peerStart(servertest.Tool(t, "escript"), peerFile(t, "peer.escript"), "server")},
	} {
		t.Run(b.name, func(t *testing.T) {
			t.Parallel()
			for _, sc := range tlsScenarios() {
				if acceptedBy(b.name, sc) || sc.code == 68 {
					// nginx's own OpenSSL refuses to load a SHA-1-signed
					// proxy_ssl_certificate.
					continue
				}
				checkUpstream(t, b.name, sc, b.start)
			}
		})
	}
}

// checkUpstream puts a real nginx in front of a backend started for the
// scenario and checks what nginx logs about it.
func checkUpstream(t *testing.T, backend string, sc tlsScenario, start serverUnderTest) {
	addr, _ := start(t, sc)
	trusted := sc.ca
	if trusted == "" {
		trusted = fx + "good/ca.crt" // not the self-signed server's
	}
	loc := func(path, protocol string) string {
		l := "location " + path + " { proxy_pass https://" + addr + "/; proxy_ssl_protocols " + protocol + "; proxy_ssl_session_reuse off; " +
			"proxy_ssl_verify on; proxy_ssl_trusted_certificate " + trusted + "; proxy_ssl_name " + sc.host + "; proxy_ssl_server_name on; "
		if sc.cert != "" {
			l += "proxy_ssl_certificate " + sc.cert + "; proxy_ssl_certificate_key " + sc.key + "; "
		}
		return l + "}\n"
	}
	front := nginxtest.Start(t, nginxtest.Config{VerifyClient: "off", VerifyDepth: -1, SecLevel: -1, Extra: loc("/v12/", "TLSv1.2") + loc("/v13/", "TLSv1.3")})
	for _, path := range []string{"/v12/", "/v13/"} {
		if st := get(t, front.Addr, path); st == 200 {
			t.Errorf("%s, %s, nginx to %s: the request went through", sc.name, path, backend)
		}
	}
	time.Sleep(100 * time.Millisecond)
	seen := 0
	for _, line := range fileLines(front.ErrorLog)() {
		if !strings.Contains(line, "upstream") || !strings.Contains(line, " *") || strings.Contains(line, "connect() failed") {
			// connect() failed: the TCP connection, before TLS (a backend
			// still busy with the last refusal may reset it).
			continue
		}
		f, ok := firstFinding(t, sc.name+", nginx to "+backend, line)
		if !ok {
			continue
		}
		if f.Reporter != "nginx" || f.Role != logparse.RoleClient {
			t.Errorf("%s, nginx to %s: %q told as %s/%s (%s %q)", sc.name, backend, line, f.Reporter, f.Role, f.ID.Name(), f.Title)
			continue
		}
		seen++
		if f.Severity == report.Info {
			continue
		}
		all := f.Title + "\n" + f.Explanation + "\n" + f.Fix
		if sc.judge == "server" && !strings.Contains(all, "proxy_ssl_certificate") ||
			sc.judge == "client" && !strings.Contains(all, "proxy_ssl_trusted_certificate") && !strings.Contains(all, "proxy_ssl_name") {
			t.Errorf("%s, nginx to %s: %q:\n%s %q\n%s\n%s", sc.name, backend, line, f.ID.Name(), f.Title, f.Explanation, f.Fix)
		}
	}
	if seen == 0 {
		t.Errorf("%s, nginx to %s: nginx logged nothing about its upstream:\n%s", sc.name, backend, strings.Join(fileLines(front.ErrorLog)(), "\n"))
	}
}

// TestExplainRealClientVerdicts: what a real Go client, curl, and the
// Python, Node.js, Java and Erlang clients of peerClients print about
// server chains that are wrong in one way each (the fixture
// sets serverchain, weak and purpose, served by a real s_server) is told
// as that fault: a missing intermediate, a self-signed certificate, an
// expired intermediate, an intermediate that is not a CA, a SHA-1
// signature, a certificate not for servers.
func TestExplainRealClientVerdicts(t *testing.T) {
	t.Parallel()
	curl := servertest.Tool(t, "curl")
	peers := peerClients(t)
	for _, tc := range []struct {
		name               string
		cert, key, chain   string
		trust              string // "" for the system's roots
		extra              []string
		goWords, curlWords string
	}{
		{"intermediate not sent", "serverchain/server-noaia", "", "", "serverchain/ca.crt", nil, "intermediate", "intermediate"},
		{"self-signed", "serverchain/server-selfsigned", "", "", "", nil, "self-signed", "self-signed"},
		{"expired intermediate", "serverchain/server-via-expired-int", "", "serverchain/int-expired.crt", "serverchain/ca.crt", nil, "expired", "expired"},
		{"intermediate not a CA", "serverchain/server-via-notca", "", "serverchain/int-notca.crt", "serverchain/ca.crt", nil, "CA:TRUE", "CA:TRUE"},
		{"SHA-1 signature", "serverchain/server-sha1", "", "serverchain/int.crt", "serverchain/ca.crt", []string{"-cipher", "DEFAULT@SECLEVEL=0"}, "SHA-256", "SHA-256"},
		{"certificate not for servers", "purpose/server-clientauth", "", "", "purpose/ca.crt", nil, "serverAuth", "serverAuth"},
		{"keyUsage of a CA", "serverchain/server-kucertsign", "", "serverchain/int.crt", "serverchain/ca.crt", nil, "keyUsage", "keyUsage"},
	} {
		args := append([]string{"-www", "-cert", probeFx(t, tc.cert+".crt"), "-key", probeFx(t, tc.cert+".key")}, tc.extra...)
		if tc.chain != "" {
			args = append(args, "-cert_chain", probeFx(t, tc.chain))
		}
		addr := servertest.SServer(t, args...)
		_, port, _ := net.SplitHostPort(addr)
		cfg := &tls.Config{ServerName: "localhost"}
		curlArgs := []string{"-sS", "-o", "/dev/null", "--max-time", "5", "--resolve", "localhost:" + port + ":127.0.0.1"}
		if tc.trust != "" {
			cfg.RootCAs = probePool(t, tc.trust)
			curlArgs = append(curlArgs, "--cacert", probeFx(t, tc.trust))
		}
		var goLine string
		if c, err := tls.DialWithDialer(&net.Dialer{Timeout: 5 * time.Second}, "tcp", addr, cfg); err != nil {
			goLine = err.Error()
		} else {
			c.Close()
		}
		out, _ := exec.Command(curl, append(curlArgs, "https://localhost:"+port+"/")...).CombinedOutput()
		curlLine := ""
		for _, l := range strings.Split(string(out), "\n") {
			if strings.HasPrefix(l, "curl: (") {
				curlLine = l
			}
		}
		outs := []struct{ client, line, words string }{{"go", goLine, tc.goWords}, {"curl", curlLine, tc.curlWords}}
		for name, client := range peers {
			trust := ""
			if tc.trust != "" {
				trust = probeFx(t, tc.trust)
			}
			sc := tlsScenario{ca: trust, host: "localhost"}
			line := pastedLine(name, client(sc, false, addr))
			if line == "no error" && tc.name == "SHA-1 signature" && (name == "java" || name == "erlang" || name == "curl-nss" || name == "wolfssl") {
				continue // JDK 17, OTP 25, NSS 3.87 and wolfSSL 5.5.4 accept SHA-1 below a private root
			}
			outs = append(outs, struct{ client, line, words string }{name, line, tc.curlWords})
		}
		for _, c := range outs {
			if c.line == "" || c.line == "no error" {
				// Go and Erlang do not check a server certificate's keyUsage.
				if tc.name != "keyUsage of a CA" || c.client != "go" && c.client != "erlang" {
					t.Errorf("%s: %s accepted the server", tc.name, c.client)
				}
				continue
			}
			rep := Explain(c.line)
			if len(rep.Findings) == 0 {
				t.Errorf("%s: no finding for %s's %q", tc.name, c.client, c.line)
				continue
			}
			f := rep.Findings[0]
			t.Logf("%s, %s: %q -> %s %q", tc.name, c.client, c.line, f.ID.Name(), f.Title)
			if f.Role != logparse.RoleClient || !strings.Contains(f.Title+"\n"+f.Explanation+"\n"+f.Fix, c.words) {
				t.Errorf("%s: %s's %q:\n%s %s %q\n%s\n%s", tc.name, c.client, c.line, f.ID.Name(), f.Role, f.Title, f.Explanation, f.Fix)
			}
		}
	}
}

// TestExplainRealGoServerVerdicts: what a real Go server logs about client
// certificates that are wrong in one way each (the fixture sets, sent by
// a real Go client that sends its certificate whatever CAs the server
// names) is told as that fault, with its own finding, in the server's
// role; the SHA-1-signed one with the SHA-256 re-signing of client.crt.
func TestExplainRealGoServerVerdicts(t *testing.T) {
	t.Parallel()
	files := newServerFiles(t)
	for _, tc := range []struct {
		name, ca, cert, chain, words string
		id, fixWords                 string // the finding's id, and words its fix must hold ("" any)
	}{
		{"issued below a CA:FALSE intermediate", "notca/ca.crt", "notca/client-via-cafalse", "notca/int-cafalse.crt", "CA:TRUE", "not-a-ca", ""},
		{"for servers only", "purpose/ca.crt", "purpose/client-serverauth", "", "clientAuth", "wrong-purpose", ""},
		{"expired", "validity/ca.crt", "validity/client-expired", "", "expired", "verify-error", ""},
		{"not yet valid", "validity/ca.crt", "validity/client-notyet", "", "not yet valid", "not-yet-valid", ""},
		{"sent without its intermediate", "chain/ca.crt", "chain/client-depth2", "", "intermediate", "verify-error", ""},
		{"outside the CA's name constraints", "constraints/ca.crt", "constraints/client-nc-outside", "constraints/int-nc.crt", "constraint", "critical-extension", ""},
		{"signed with SHA-1", "weak/ca.crt", "weak/client-sha1", "", "SHA-1", "weak-signature", "client.crt"},
	} {
		addr, logs := goTLSServer(t, &tls.Config{Certificates: []tls.Certificate{files.serverCert},
			ClientAuth: tls.RequireAndVerifyClientCert, ClientCAs: probePool(t, tc.ca)})
		pair, err := tls.LoadX509KeyPair(probeFx(t, tc.cert+".crt"), probeFx(t, tc.cert+".key"))
		if err != nil {
			t.Fatal(err)
		}
		if tc.chain != "" {
			b, err := os.ReadFile(probeFx(t, tc.chain))
			if err != nil {
				t.Fatal(err)
			}
			blk, _ := pem.Decode(b)
			pair.Certificate = append(pair.Certificate, blk.Bytes)
		}
		// GetClientCertificate: the client sends it whatever CAs the server names.
		c, err := tls.DialWithDialer(&net.Dialer{Timeout: 5 * time.Second}, "tcp", addr, &tls.Config{RootCAs: probePool(t, "good/ca.crt"), ServerName: "localhost",
			GetClientCertificate: func(*tls.CertificateRequestInfo) (*tls.Certificate, error) { return &pair, nil }})
		if err == nil {
			_, _ = c.Write([]byte("GET / HTTP/1.0\r\n\r\n"))
			_, _ = io.ReadAll(c)
			c.Close()
		}
		line := handshakeErrorLine(logs)
		if line == "" {
			t.Errorf("%s: the Go server logged nothing", tc.name)
			continue
		}
		rep := Explain(line)
		if len(rep.Findings) == 0 {
			t.Errorf("%s: no finding for %q", tc.name, line)
			continue
		}
		f := rep.Findings[0]
		t.Logf("%s: %q -> %s %q", tc.name, line, f.ID.Name(), f.Title)
		if f.Role != logparse.RoleServer || f.Reporter != "go" || f.ID.Name() != tc.id || !strings.Contains(f.Title+"\n"+f.Explanation+"\n"+f.Fix, tc.words) ||
			!strings.Contains(f.Fix, tc.fixWords) {
			t.Errorf("%s: %q:\n%s %s/%s %q\n%s\n%s", tc.name, line, f.ID.Name(), f.Reporter, f.Role, f.Title, f.Explanation, f.Fix)
		}
	}
}

// TestLogsRealNginxStream: logs on the error log of a real nginx stream {}
// server that refused clients (none sent a certificate, one sent another
// CA's, one an expired one) accounts for every line about TLS, and tells
// the refusals as the stream module's.
func TestLogsRealNginxStream(t *testing.T) {
	t.Parallel()
	curl := servertest.Tool(t, "curl")
	cfg := nginxtest.NewConfig(fx + "validity/ca.crt")
	cfg.ServerCert, cfg.ServerKey, cfg.Stream = fx+"good/server.crt", fx+"good/server.key", true
	srv := nginxtest.Start(t, cfg)
	for _, c := range []struct{ cert, key string }{{"", ""}, {"", ""}, {"untrusted/client-foreign.crt", "untrusted/client-foreign.key"}, {"validity/client-expired.crt", "validity/client-expired.key"}} {
		args := []string{"-sS", "-k", "--max-time", "5", "https://" + srv.Addr + "/"}
		if c.cert != "" {
			args = append(args, "--cert", fx+c.cert, "--key", fx+c.key)
		}
		_ = exec.Command(curl, args...).Run()
	}
	time.Sleep(300 * time.Millisecond)
	errorLog := srv.ErrorLog
	sum, inputs := scanLogs(t, errorLog)
	tlsLines := 0
	for _, l := range fileLines(errorLog)() {
		if strings.Contains(l, "SSL") {
			tlsLines++
		}
	}
	counted := 0
	for _, g := range sum.Groups() {
		counted += g.Count
	}
	if counted != tlsLines || tlsLines < 4 {
		t.Errorf("logs counted %d events, the log has %d lines about TLS:\n%s", counted, tlsLines, strings.Join(fileLines(errorLog)(), "\n"))
	}
	rep := Logs(sum, inputs, LogOptions{})
	stream := 0
	for _, f := range rep.Findings {
		if strings.Contains(f.Title+f.Explanation, "stream module") {
			stream++
		}
	}
	if stream < 2 {
		t.Errorf("logs told %d of its findings as the stream module's, want the refusals:\n%s", stream, findingKeys(rep))
	}
}
