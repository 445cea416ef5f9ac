package checks

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/certset"
	"github.com/mtlsdoctor/mtlsdoctor/internal/nginxtest"
	"github.com/mtlsdoctor/mtlsdoctor/probe"
	"github.com/mtlsdoctor/mtlsdoctor/report"
)

func probeFx(t testing.TB, name string) string {
	t.Helper()
	p, err := filepath.Abs(filepath.Join(fixtures, name))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// probeCase is one real nginx, one probe and the findings expected.
type probeCase struct {
	name             string
	verify, clientCA string
	secLevel0        bool // @SECLEVEL=0 instead of Debian's default
	extra            string
	serverCert       string // fixture basename (.crt/.key); default good/server
	cert             string // client fixture basename, "" for none
	ca               string // --ca fixture
	serverName       string
	want             map[string]report.Severity
	// contains maps a finding id to text its explanation or fix must hold.
	contains map[string][]string
}

// TestProbeFindings runs the whole probe against real nginx servers and
// checks the findings (id and severity, exactly) for each setup.
func TestProbeFindings(t *testing.T) {
	t.Parallel()
	const (
		E = report.Error
		W = report.Warning
		I = report.Info
	)
	cases := []probeCase{
		{name: "on, good client, trusted chain", verify: "on", clientCA: "good/ca.crt", cert: "good/client", ca: "good/ca.crt", serverName: "localhost",
			want: map[string]report.Severity{"client-cert-accepted": I, "client-cert-required": I, "no-tls13": I}},
		{name: "on, foreign client, system roots", verify: "on", clientCA: "good/ca.crt", cert: "untrusted/client-foreign",
			want: map[string]report.Severity{"client-cert-rejected": E, "issuer-not-acceptable": W, "server-cert-untrusted": W, "client-cert-required": I, "no-tls13": I},
			contains: map[string][]string{
				"client-cert-rejected":  {"495", "mtlsdoctor certs --ca", "error_log /var/log/nginx/error.log info"},
				"issuer-not-acceptable": {"CN=good root CA,O=mtlsdoctor test", "CN=untrusted foreign CA", "496"},
				"client-cert-required":  {"496"},
				"server-cert-untrusted": {"--cacert", "-showcerts", "ssl_certificate"},
			}},
		{name: "issuer trusted but not advertised", verify: "on", clientCA: "good/ca.crt", cert: "good/client-int", ca: "good/ca.crt",
			extra: `ssl_trusted_certificate "` + probeFx(t, "good/int.crt") + `";`,
			want:  map[string]report.Severity{"client-cert-accepted": I, "issuer-not-acceptable": W, "client-cert-required": I, "no-tls13": I},
			contains: map[string][]string{
				"issuer-not-acceptable": {"ssl_client_certificate", "cat "}},
		},
		{name: "optional", verify: "optional", clientCA: "good/ca.crt", ca: "good/ca.crt",
			want:     map[string]report.Severity{"mtls-optional": E, "no-tls13": I},
			contains: map[string][]string{"mtls-optional": {"ssl_verify_client on;", "$ssl_client_verify", "sent with no certificate at all", "must not be served"}}},
		{name: "optional_no_ca", verify: "optional_no_ca", ca: "good/ca.crt", cert: "good/client",
			want:     map[string]report.Severity{"any-cert-accepted": E, "mtls-optional": E, "client-cert-accepted": I, "no-tls13": I},
			contains: map[string][]string{"any-cert-accepted": {"optional_no_ca", "ssl_verify_client on;", "HTTP 200"}, "client-cert-accepted": {"self-signed"}}},
		{name: "off", verify: "off", ca: "good/ca.crt", cert: "good/client",
			want:     map[string]report.Severity{"mtls-not-enforced": W, "no-tls13": I},
			contains: map[string][]string{"mtls-not-enforced": {"ssl_verify_client on;", "ssl_client_certificate"}}},
		{name: "legacy protocols at seclevel 0", verify: "on", clientCA: "good/ca.crt", secLevel0: true, extra: "ssl_protocols TLSv1 TLSv1.1 TLSv1.2;", ca: "good/ca.crt",
			want:     map[string]report.Severity{"legacy-tls": W, "client-cert-required": I, "no-tls13": I},
			contains: map[string][]string{"legacy-tls": {"TLS 1.0 and TLS 1.1", "ssl_protocols TLSv1.2 TLSv1.3;"}}},
		{name: "legacy protocols at seclevel 2 (OpenSSL refuses them)", verify: "on", clientCA: "good/ca.crt", extra: "ssl_protocols TLSv1 TLSv1.1 TLSv1.2;", ca: "good/ca.crt",
			want: map[string]report.Severity{"client-cert-required": I, "no-tls13": I}},
		{name: "TLS 1.3", verify: "on", clientCA: "good/ca.crt", extra: "ssl_protocols TLSv1.2 TLSv1.3;", ca: "good/ca.crt", cert: "good/client",
			want: map[string]report.Severity{"client-cert-accepted": I, "client-cert-required": I}},
		{name: "wrong server name", verify: "on", clientCA: "good/ca.crt", ca: "good/ca.crt", serverName: "wrong.name",
			want:     map[string]report.Severity{"server-hostname-mismatch": E, "client-cert-required": I, "no-tls13": I},
			contains: map[string][]string{"server-hostname-mismatch": {"wrong.name", "subjectAltName=DNS:wrong.name"}}},
		{name: "--ca that did not issue the server certificate", verify: "on", clientCA: "good/ca.crt", ca: "untrusted/ca.crt",
			want:     map[string]report.Severity{"server-cert-untrusted": E, "client-cert-required": I, "no-tls13": I},
			contains: map[string][]string{"server-cert-untrusted": {"untrusted/ca.crt", "fullchain.pem"}}},
		{name: "expired server certificate", verify: "off", serverCert: "validity/client-expired", ca: "validity/ca.crt", serverName: "client-expired",
			// The fixture is a client certificate: Go also refuses its EKU
			// for a server, so the chain is untrusted too.
			// Its name is only in the CN: a warning (curl accepts it).
			want:     map[string]report.Severity{"server-cert-expired": E, "server-cert-untrusted": E, "server-hostname-mismatch": W, "mtls-not-enforced": W, "no-tls13": I},
			contains: map[string][]string{"server-cert-expired": {"2021-01-01"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			rep := runProbeCase(t, tc)
			got := map[string]report.Severity{}
			for _, f := range rep.Findings {
				if _, dup := got[f.ID.Name()]; dup {
					t.Errorf("finding %s twice", f.ID)
				}
				got[f.ID.Name()] = f.Severity
				if f.Title == "" || f.Explanation == "" || f.Fix == "" {
					t.Errorf("%s: every finding needs title, explanation and fix: %+v", f.ID, f)
				}
				for _, want := range tc.contains[f.ID.Name()] {
					if !strings.Contains(f.Title+f.Explanation+f.Fix, want) {
						t.Errorf("%s lacks %q:\n%s\n%s\n%s", f.ID, want, f.Title, f.Explanation, f.Fix)
					}
				}
			}
			if !sameSeverities(got, tc.want) {
				t.Errorf("findings %v, want %v", got, tc.want)
			}
			wantExit := 0
			for _, s := range tc.want {
				if s == report.Error {
					wantExit = 1
				}
			}
			if rep.ExitCode() != wantExit {
				t.Errorf("exit %d, want %d", rep.ExitCode(), wantExit)
			}
		})
	}
}

func sameSeverities(a, b map[string]report.Severity) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func runProbeCase(t *testing.T, tc probeCase) *report.Report {
	t.Helper()
	sc := tc.serverCert
	if sc == "" {
		sc = "good/server"
	}
	cfg := nginxtest.Config{
		VerifyClient: tc.verify, VerifyDepth: -1, SecLevel: -1, Extra: tc.extra,
		ServerCert: probeFx(t, sc+".crt"), ServerKey: probeFx(t, sc+".key"),
	}
	if tc.secLevel0 {
		cfg.SecLevel = 0
	}
	if tc.clientCA != "" {
		cfg.ClientCA = probeFx(t, tc.clientCA)
	}
	srv := nginxtest.Start(t, cfg)
	opts := probe.Options{ServerName: tc.serverName, Timeout: 3 * time.Second}
	o := ProbeOptions{Timeout: opts.Timeout}
	if tc.cert != "" {
		c, err := certset.LoadKeyPair(probeFx(t, tc.cert+".crt"), probeFx(t, tc.cert+".key"), certset.Options{})
		if err != nil {
			t.Fatal(err)
		}
		opts.ClientCert = &c
		o.CertFile, o.KeyFile = tc.cert+".crt", tc.cert+".key"
	}
	if tc.ca != "" {
		opts.RootCAs = probePool(t, tc.ca)
		o.CAFile = tc.ca
	}
	res := probe.Probe(context.Background(), srv.Addr, opts)
	return Probe([]probe.Result{res}, o)
}

func probePool(t *testing.T, file string) *x509.CertPool {
	t.Helper()
	data, err := os.ReadFile(probeFx(t, file))
	if err != nil {
		t.Fatal(err)
	}
	p := x509.NewCertPool()
	if !p.AppendCertsFromPEM(data) {
		t.Fatalf("no certificate in %s", file)
	}
	return p
}

// TestProbeUnreachable: a plain HTTP server, a closed port and a silent
// listener each give exactly one error finding.
func TestProbeUnreachable(t *testing.T) {
	t.Parallel()
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {}))
	defer hs.Close()
	closed := nginxtest.ClosedPort(t)
	silent, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer silent.Close()
	var held []net.Conn
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			c, err := silent.Accept()
			if err != nil {
				return
			}
			held = append(held, c)
		}
	}()
	defer func() {
		silent.Close()
		<-done
		for _, c := range held {
			c.Close()
		}
	}()

	targets := []string{hs.Listener.Addr().String(), closed, silent.Addr().String()}
	o := ProbeOptions{Timeout: 300 * time.Millisecond}
	res := probe.ProbeAll(context.Background(), probe.Jobs(targets, probe.Options{Timeout: o.Timeout}), 3)
	rep := Probe(res, o)
	want := []string{"not-tls", "connect-failed", "timeout"}
	if len(rep.Targets) != 3 || rep.ProbeTarget != nil {
		t.Fatalf("several targets go to Targets: %d targets, single %v", len(rep.Targets), rep.ProbeTarget != nil)
	}
	for i, tg := range rep.Targets {
		if len(tg.Findings) != 1 || tg.Findings[0].ID.Name() != want[i] || tg.Findings[0].Severity != report.Error || tg.Findings[0].Target != targets[i] {
			t.Errorf("%s: findings %+v, want one %s error", targets[i], tg.Findings, want[i])
		}
		if tg.Error == "" || tg.Summary == nil || tg.Summary.Errors != 1 {
			t.Errorf("%s: error %q summary %+v", targets[i], tg.Error, tg.Summary)
		}
	}
	if rep.Summary.Errors != 3 || len(rep.Findings) != 3 || rep.ExitCode() != 1 {
		t.Errorf("summary %+v, %d findings", rep.Summary, len(rep.Findings))
	}
	if !strings.Contains(rep.Findings[0].Title+rep.Findings[1].Title+rep.Findings[2].Title, "300ms") {
		t.Error("the timeout finding should name the timeout")
	}
}

// TestProbeJSONShape: one target puts its fields at the top level, several
// go into "targets"; "findings" is an array in both.
func TestProbeJSONShape(t *testing.T) {
	t.Parallel()
	srv := nginxtest.Start(t, nginxtest.Config{
		ClientCA: probeFx(t, "good/ca.crt"), VerifyClient: "on", VerifyDepth: -1, SecLevel: -1,
		ServerCert: probeFx(t, "good/server.crt"), ServerKey: probeFx(t, "good/server.key"),
	})
	cert, err := certset.LoadKeyPair(probeFx(t, "good/client.crt"), probeFx(t, "good/client.key"), certset.Options{})
	if err != nil {
		t.Fatal(err)
	}
	opts := probe.Options{ClientCert: &cert, Timeout: 3 * time.Second}
	o := ProbeOptions{CertFile: "client.crt", Timeout: opts.Timeout}

	single := decode(t, Probe([]probe.Result{probe.Probe(context.Background(), srv.Addr, opts)}, o))
	for _, k := range []string{"command", "findings", "summary", "target", "tls_version", "cipher", "server_chain", "server_cert",
		"client_cert_requested", "acceptable_cas", "without_client_cert", "with_client_cert", "with_untrusted_cert", "versions", "next"} {
		if _, ok := single[k]; !ok {
			t.Errorf("single-target JSON lacks %q", k)
		}
	}
	if _, ok := single["targets"]; ok {
		t.Error("single-target JSON has targets")
	}
	w := single["without_client_cert"].(map[string]any)
	if w["handshake"] != "ok" || w["http_status"] != float64(400) || w["outcome"] != "rejected-by-http" || w["nginx_status"] != float64(496) {
		t.Errorf("without_client_cert %v", w)
	}
	if v := single["versions"].(map[string]any); v["TLS 1.2"] != true || v["TLS 1.0"] != false {
		t.Errorf("versions %v", v)
	}
	if single["acceptable_cas"].([]any)[0] != "CN=good root CA,O=mtlsdoctor test" {
		t.Errorf("acceptable_cas %v", single["acceptable_cas"])
	}

	res := probe.ProbeAll(context.Background(), probe.Jobs([]string{srv.Addr, "https://localhost:" + srv.Addr[strings.LastIndex(srv.Addr, ":")+1:] + "/x"}, opts), 2)
	multi := decode(t, Probe(res, o))
	var keys []string
	for k := range multi {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if got := strings.Join(keys, " "); got != "command findings next summary targets" {
		t.Errorf("multi-target top level: %s", got)
	}
	ts := multi["targets"].([]any)
	if len(ts) != 2 {
		t.Fatalf("%d targets", len(ts))
	}
	for _, x := range ts {
		m := x.(map[string]any)
		for _, k := range []string{"target", "findings", "summary", "with_client_cert"} {
			if _, ok := m[k]; !ok {
				t.Errorf("target %v lacks %q", m["target"], k)
			}
		}
	}
	if ts[1].(map[string]any)["path"] != "/x" {
		t.Errorf("URL path not kept: %v", ts[1].(map[string]any)["path"])
	}
	all := multi["findings"].([]any)
	if len(all) == 0 || all[0].(map[string]any)["target"] == nil {
		t.Errorf("top-level findings must say which target: %v", all)
	}

	// Text: one block per target, plain when not styled.
	var buf bytes.Buffer
	if err := report.WriteText(&buf, Probe(res, o), report.TextOptions{}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{"without client cert  HTTP 400, nginx 496", "with client cert     HTTP 200",
		"with untrusted cert  HTTP 400, nginx 495", "acceptable CAs       CN=good root CA,O=mtlsdoctor test",
		"versions             TLS 1.0 no, TLS 1.1 no, TLS 1.2 yes, TLS 1.3 no", "INFO    [client-cert-accepted]", "Next: "} {
		if !strings.Contains(out, want) {
			t.Errorf("text lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "\x1b[") {
		t.Error("plain text has escape codes")
	}
}

func decode(t *testing.T, rep *report.Report) map[string]any {
	t.Helper()
	var buf bytes.Buffer
	if err := report.WriteJSON(&buf, rep); err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(buf.Bytes(), &m); err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	if _, ok := m["findings"].([]any); !ok {
		t.Errorf("findings is not an array: %s", buf.String())
	}
	return m
}

// TestProbeHandshakeAlert: a server that refuses in the handshake (not
// nginx; Go's own TLS server with RequireAndVerifyClientCert) is reported
// with the catalogue's words for the alert.
func TestProbeHandshakeAlert(t *testing.T) {
	t.Parallel()
	serverCert, err := tls.LoadX509KeyPair(probeFx(t, "good/server.crt"), probeFx(t, "good/server.key"))
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {}))
	hs.TLS = &tls.Config{Certificates: []tls.Certificate{serverCert}, ClientAuth: tls.RequireAndVerifyClientCert,
		ClientCAs: probePool(t, "good/ca.crt"), MaxVersion: tls.VersionTLS12}
	hs.Config.ErrorLog = log.New(io.Discard, "", 0)
	hs.StartTLS()
	defer hs.Close()
	cert, err := certset.LoadKeyPair(probeFx(t, "untrusted/client-foreign.crt"), probeFx(t, "untrusted/client-foreign.key"), certset.Options{})
	if err != nil {
		t.Fatal(err)
	}
	res := probe.Probe(context.Background(), hs.Listener.Addr().String(), probe.Options{ClientCert: &cert, RootCAs: probePool(t, "good/ca.crt"), Timeout: 3 * time.Second})
	if res.WithClientCert == nil || res.WithClientCert.Outcome != probe.RejectedInHandshake {
		t.Fatalf("with_client_cert %+v", res.WithClientCert)
	}
	rep := Probe([]probe.Result{res}, ProbeOptions{CertFile: "client-foreign.crt", CAFile: "good/ca.crt"})
	var rejected *report.Finding
	for i := range rep.Findings {
		if rep.Findings[i].ID.Name() == "client-cert-rejected" {
			rejected = &rep.Findings[i]
		}
	}
	if rejected == nil || rejected.Severity != report.Error || !strings.Contains(rejected.Explanation, "unknown certificate authority") {
		t.Errorf("client-cert-rejected %+v", rejected)
	}
}

// TestProbeAnyCertGoServer: a Go server that asks for any client
// certificate and verifies none (tls.RequireAnyClientCert) refuses a
// client without one in the handshake, but serves the probe's throwaway
// certificate: anyone with any certificate gets in, an error.
func TestProbeAnyCertGoServer(t *testing.T) {
	t.Parallel()
	serverCert, err := tls.LoadX509KeyPair(probeFx(t, "good/server.crt"), probeFx(t, "good/server.key"))
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { _, _ = io.WriteString(w, "hello\n") }))
	hs.TLS = &tls.Config{Certificates: []tls.Certificate{serverCert}, ClientAuth: tls.RequireAnyClientCert}
	hs.Config.ErrorLog = log.New(io.Discard, "", 0)
	hs.StartTLS()
	defer hs.Close()
	res := probe.Probe(context.Background(), hs.Listener.Addr().String(), probe.Options{RootCAs: probePool(t, "good/ca.crt"), ServerName: "localhost", Timeout: 3 * time.Second})
	if res.WithoutClientCert == nil || res.WithoutClientCert.Outcome != probe.RejectedInHandshake || !res.WithUntrustedCert.Served() {
		t.Fatalf("without %+v, untrusted %+v", res.WithoutClientCert, res.WithUntrustedCert)
	}
	got := map[string]report.Severity{}
	var anyCert report.Finding
	for _, f := range ProbeFindings(&res, ProbeOptions{CAFile: "good/ca.crt"}) {
		got[f.ID.Name()] = f.Severity
		if f.ID.Name() == "any-cert-accepted" {
			anyCert = f
		}
	}
	if got["any-cert-accepted"] != report.Error || got["mtls-optional"] != "" {
		t.Errorf("findings %v, want any-cert-accepted as an error and no mtls-optional (no certificate is refused)", got)
	}
	// Its answer to plain HTTP shows it is Go: Go's words, no nginx.
	if res.ServerSoftware != probe.GoHTTP || !strings.Contains(anyCert.Title, hs.Listener.Addr().String()) ||
		!strings.Contains(anyCert.Explanation, "tls.RequireAnyClientCert") || !strings.Contains(anyCert.Fix, "tls.RequireAndVerifyClientCert") ||
		strings.Contains(anyCert.Title+anyCert.Explanation+anyCert.Fix, "nginx") {
		t.Errorf("any-cert-accepted: %q\n%s\n%s", anyCert.Title, anyCert.Explanation, anyCert.Fix)
	}
}

// TestProbeFindingsSynthetic covers results no local server produces.
func TestProbeFindingsSynthetic(t *testing.T) {
	t.Parallel()
	tg, err := probe.ParseTarget("h.example:8443")
	if err != nil {
		t.Fatal(err)
	}
	base := probe.Result{Input: "h.example:8443", Target: tg, ServerName: "h.example", SNI: true, Path: "/"}

	// Nothing in common: no handshake completed at all.
	r := base
	r.WithoutClientCert = &probe.Attempt{Handshake: "remote error: tls: protocol version not supported", Outcome: probe.RejectedInHandshake}
	fs := ProbeFindings(&r, ProbeOptions{Software: "nginx"})
	if len(fs) != 1 || fs[0].ID.Name() != "handshake-failed" || fs[0].Severity != report.Error || !strings.Contains(fs[0].Explanation, "protocol version") ||
		!strings.Contains(fs[0].Fix, "ssl_protocols TLSv1.2 TLSv1.3;") {
		t.Errorf("no handshake: %+v", fs)
	}

	// A server certificate that relies on the Common Name (the guide's v1
	// certificates): the catalogue says why Go refuses it.
	r = base
	r.TLSVersion = "TLS 1.2"
	r.Server = &probe.ServerCert{Subject: "CN=h.example", Name: "h.example", Trusted: true,
		NameError: "x509: certificate relies on legacy Common Name field, use SANs instead", NotAfter: time.Now().Add(time.Hour)}
	r.WithoutClientCert = &probe.Attempt{Handshake: "ok", HTTPStatus: 200, Outcome: probe.Accepted}
	fs = ProbeFindings(&r, ProbeOptions{})
	var mismatch *report.Finding
	for i := range fs {
		if fs[i].ID.Name() == "server-hostname-mismatch" {
			mismatch = &fs[i]
		}
	}
	if mismatch == nil || !strings.Contains(mismatch.Explanation, "Common Name is ignored") || !strings.Contains(mismatch.Fix, "openssl s_client -connect h.example:8443 -servername h.example ") {
		t.Errorf("legacy CN: %+v", mismatch)
	}

	// Probed by address: the certificate needs an IP name, not a DNS one.
	r = base
	r.TLSVersion = "TLS 1.2"
	r.Server = &probe.ServerCert{Subject: "CN=localhost", Name: "127.0.0.1", Trusted: true,
		NameError: "x509: certificate is valid for localhost, not 127.0.0.1", NotAfter: time.Now().Add(time.Hour)}
	fs = ProbeFindings(&r, ProbeOptions{})
	for _, f := range fs {
		if f.ID.Name() == "server-hostname-mismatch" && (f.Severity != report.Error || !strings.Contains(f.Fix, "subjectAltName=IP:127.0.0.1")) {
			t.Errorf("IP name: %s %q", f.Severity, f.Fix)
		}
	}
}
