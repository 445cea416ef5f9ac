package probe

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/pem"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/certset"
	"github.com/mtlsdoctor/mtlsdoctor/internal/nginxtest"
)

const fixtures = "../testdata/certs/"

func fx(t *testing.T, name string) string {
	t.Helper()
	p, err := filepath.Abs(fixtures + name)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// server starts a real nginx that serves good/server.crt (CN=localhost,
// SAN localhost and 127.0.0.1, issued by good/ca.crt).
func server(t *testing.T, verify, clientCA string, secLevel int, extra string) *nginxtest.Server {
	t.Helper()
	c := nginxtest.Config{
		ClientCA: clientCA, VerifyClient: verify, VerifyDepth: -1, SecLevel: secLevel,
		ServerCert: fx(t, "good/server.crt"), ServerKey: fx(t, "good/server.key"), Extra: extra,
	}
	return nginxtest.Start(t, c)
}

func keyPair(t *testing.T, cert, key string) *tls.Certificate {
	t.Helper()
	c, err := certset.LoadKeyPair(fx(t, cert), fx(t, key), certset.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return &c
}

func pool(t *testing.T, files ...string) *x509.CertPool {
	t.Helper()
	p := x509.NewCertPool()
	for _, f := range files {
		pem, err := os.ReadFile(fx(t, f))
		if err != nil {
			t.Fatal(err)
		}
		if !p.AppendCertsFromPEM(pem) {
			t.Fatalf("no certificate in %s", f)
		}
	}
	return p
}

func subjectOf(t *testing.T, file string) string {
	t.Helper()
	data, err := os.ReadFile(fx(t, file))
	if err != nil {
		t.Fatal(err)
	}
	block, _ := pem.Decode(data)
	if block == nil {
		t.Fatalf("no PEM block in %s", file)
	}
	c, err := x509.ParseCertificate(block.Bytes)
	if err != nil {
		t.Fatal(err)
	}
	return c.Subject.String()
}

type attemptWant struct {
	handshake string // "ok" or a substring of the error
	status    int
	nginx     int
	outcome   string
	certSent  bool
}

func checkAttempt(t *testing.T, name string, a *Attempt, w attemptWant) {
	t.Helper()
	if a == nil {
		t.Errorf("%s: missing", name)
		return
	}
	if w.handshake == "ok" && a.Handshake != "ok" || !strings.Contains(a.Handshake, w.handshake) {
		t.Errorf("%s: handshake %q, want %q", name, a.Handshake, w.handshake)
	}
	if a.HTTPStatus != w.status || a.NginxStatus != w.nginx || a.Outcome != w.outcome || a.CertSent != w.certSent {
		t.Errorf("%s: got status %d nginx %d outcome %s certSent %v (error %q), want %d %d %s %v",
			name, a.HTTPStatus, a.NginxStatus, a.Outcome, a.CertSent, a.Error, w.status, w.nginx, w.outcome, w.certSent)
	}
}

func versions(r Result) map[string]bool {
	m := map[string]bool{}
	for _, v := range r.Versions {
		m[v.Name] = v.Accepted
	}
	return m
}

var (
	only12 = map[string]bool{"TLS 1.0": false, "TLS 1.1": false, "TLS 1.2": true, "TLS 1.3": false}
	v12v13 = map[string]bool{"TLS 1.0": false, "TLS 1.1": false, "TLS 1.2": true, "TLS 1.3": true}
)

// TestVerifyClientOn is the ordinary mTLS setup on nginx 1.22's default
// protocols: the good client is served, no certificate gives 496 and an
// unknown self-signed one 495, both as nginx's 400 pages.
func TestVerifyClientOn(t *testing.T) {
	t.Parallel()
	s := server(t, "on", fx(t, "good/ca.crt"), -1, "")
	ctx := context.Background()
	r := Probe(ctx, s.Addr, Options{ClientCert: keyPair(t, "good/client.crt", "good/client.key")})
	if r.Failure != "" {
		t.Fatalf("failure %s: %s", r.Failure, r.Error)
	}
	if r.TLSVersion != "TLS 1.2" || r.Cipher == "" {
		t.Errorf("negotiated %q %q; nginx 1.22's default ssl_protocols stop at TLS 1.2", r.TLSVersion, r.Cipher)
	}
	if want := (Names{"CN=localhost,O=mtlsdoctor test"}); !reflect.DeepEqual(r.ServerChain, want) {
		t.Errorf("server chain %q, want %q", r.ServerChain, want)
	}
	if !r.ClientCertRequested {
		t.Error("no CertificateRequest seen")
	}
	if want := (Names{subjectOf(t, "good/ca.crt")}); !reflect.DeepEqual(r.AcceptableCAs, want) {
		t.Errorf("acceptable CAs %q, want the subject of ssl_client_certificate %q", r.AcceptableCAs, want)
	}
	checkAttempt(t, "without", r.WithoutClientCert, attemptWant{"ok", 400, 496, RejectedByHTTP, false})
	checkAttempt(t, "with", r.WithClientCert, attemptWant{"ok", 200, 0, Accepted, true})
	checkAttempt(t, "untrusted", r.WithUntrustedCert, attemptWant{"ok", 400, 495, RejectedByHTTP, true})
	if got := versions(r); !reflect.DeepEqual(got, only12) {
		// Real outcome: nginx 1.22.1's default ssl_protocols list TLSv1 and
		// TLSv1.1, but OpenSSL 3 at security level 2 refuses them (Go sees
		// "remote error: tls: internal error").
		t.Errorf("versions %v, want %v (%+v)", got, only12, r.Versions)
	}
	if ci := r.ClientCert; ci == nil || !ci.IssuerAcceptable || !ci.GoWouldSend || ci.Subject != "CN=client,O=mtlsdoctor test" {
		t.Errorf("client cert info %+v", ci)
	}
	sc := r.Server
	if sc == nil {
		t.Fatal("no server certificate facts")
	}
	if sc.Trusted || sc.TrustedBy != "system roots" || !strings.Contains(sc.TrustError, "unknown authority") {
		t.Errorf("with the system roots the private CA must not be trusted: %+v", sc)
	}
	if sc.NameError != "" || !sc.NameOK || sc.Name != "127.0.0.1" || sc.Expired {
		t.Errorf("127.0.0.1 is in the SAN and the certificate is valid: %+v", sc)
	}

	// The same server with --ca and with another SNI name.
	r = Probe(ctx, s.Addr, Options{RootCAs: pool(t, "good/ca.crt"), RootsName: "good/ca.crt", ServerName: "wrong.name", Timeout: 2 * time.Second})
	if r.Server == nil || !r.Server.Trusted || r.Server.TrustedBy != "good/ca.crt" {
		t.Errorf("with --ca good/ca.crt the chain must be trusted: %+v", r.Server)
	}
	if r.Server == nil || r.Server.Name != "wrong.name" || r.Server.NameOK || !strings.Contains(r.Server.NameError, "wrong.name") {
		t.Errorf("hostname check for wrong.name: %+v", r.Server)
	}
	if r.WithClientCert != nil {
		t.Error("with_client_cert without a certificate given")
	}

	// A URL sets the path; the request is still served.
	r = Probe(ctx, "https://localhost:"+portOf(s.Addr)+"/health?x=1", Options{RootCAs: pool(t, "good/ca.crt"), ClientCert: keyPair(t, "good/client.crt", "good/client.key")})
	if r.Path != "/health?x=1" || r.ServerName != "localhost" || r.Server == nil || r.Server.NameError != "" || !r.Server.Trusted {
		t.Errorf("URL target: path %q, SNI %q, server %+v", r.Path, r.ServerName, r.Server)
	}
	checkAttempt(t, "with (URL)", r.WithClientCert, attemptWant{"ok", 200, 0, Accepted, true})
}

func portOf(addr string) string {
	_, p, _ := net.SplitHostPort(addr)
	return p
}

// TestTLS13 checks that with TLS 1.3 nginx still answers with its 400
// pages (it never refuses a client certificate inside the handshake).
func TestTLS13(t *testing.T) {
	t.Parallel()
	s := server(t, "on", fx(t, "good/ca.crt"), -1, "ssl_protocols TLSv1.2 TLSv1.3;")
	r := Probe(context.Background(), s.Addr, Options{ClientCert: keyPair(t, "untrusted/client-foreign.crt", "untrusted/client-foreign.key")})
	if r.TLSVersion != "TLS 1.3" {
		t.Errorf("negotiated %q, want TLS 1.3", r.TLSVersion)
	}
	checkAttempt(t, "without", r.WithoutClientCert, attemptWant{"ok", 400, 496, RejectedByHTTP, false})
	checkAttempt(t, "with foreign", r.WithClientCert, attemptWant{"ok", 400, 495, RejectedByHTTP, true})
	checkAttempt(t, "untrusted", r.WithUntrustedCert, attemptWant{"ok", 400, 495, RejectedByHTTP, true})
	if got := versions(r); !reflect.DeepEqual(got, v12v13) {
		t.Errorf("versions %v, want %v", got, v12v13)
	}
	if ci := r.ClientCert; ci == nil || ci.IssuerAcceptable || ci.GoWouldSend {
		t.Errorf("the foreign CA is not advertised, Go would not send it: %+v", ci)
	}
}

// TestIssuerNotAdvertised is the reference's §3.3 case: nginx advertises
// only the root (ssl_client_certificate) but trusts the intermediate too
// (ssl_trusted_certificate). A leaf issued by the intermediate is served
// when presented (as curl does), though Go would not present it.
func TestIssuerNotAdvertised(t *testing.T) {
	t.Parallel()
	s := server(t, "on", fx(t, "good/ca.crt"), -1, `ssl_trusted_certificate "`+fx(t, "good/int.crt")+`";`)
	r := Probe(context.Background(), s.Addr, Options{ClientCert: keyPair(t, "good/client-int.crt", "good/client-int.key")})
	if want := (Names{subjectOf(t, "good/ca.crt")}); !reflect.DeepEqual(r.AcceptableCAs, want) {
		t.Errorf("acceptable CAs %q, want only %q", r.AcceptableCAs, want)
	}
	ci := r.ClientCert
	if ci == nil || ci.IssuerAcceptable || ci.GoWouldSend || ci.Issuer != "CN=good int,O=mtlsdoctor test" {
		t.Errorf("client cert info %+v", ci)
	}
	checkAttempt(t, "with", r.WithClientCert, attemptWant{"ok", 200, 0, Accepted, true})
}

// TestVerifyModes covers optional, optional_no_ca and off.
func TestVerifyModes(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		verify, ca              string
		requested               bool
		cas                     []string
		without, untrusted      attemptWant
		acceptableCAsFromCAFile bool
	}{
		{verify: "optional", ca: "good/ca.crt", requested: true, acceptableCAsFromCAFile: true,
			without: attemptWant{"ok", 200, 0, Accepted, false}, untrusted: attemptWant{"ok", 400, 495, RejectedByHTTP, true}},
		{verify: "optional_no_ca", requested: true, cas: []string{},
			without: attemptWant{"ok", 200, 0, Accepted, false}, untrusted: attemptWant{"ok", 200, 0, Accepted, true}},
		{verify: "off", requested: false,
			without: attemptWant{"ok", 200, 0, Accepted, false}, untrusted: attemptWant{"ok", 200, 0, Accepted, false}},
	} {
		t.Run(tc.verify, func(t *testing.T) {
			t.Parallel()
			ca := ""
			if tc.ca != "" {
				ca = fx(t, tc.ca)
			}
			s := server(t, tc.verify, ca, -1, "")
			r := Probe(context.Background(), s.Addr, Options{})
			if r.ClientCertRequested != tc.requested {
				t.Errorf("requested %v, want %v", r.ClientCertRequested, tc.requested)
			}
			want := tc.cas
			if tc.acceptableCAsFromCAFile {
				want = []string{subjectOf(t, tc.ca)}
			}
			if !reflect.DeepEqual([]string(r.AcceptableCAs), want) {
				t.Errorf("acceptable CAs %#v, want %#v", r.AcceptableCAs, want)
			}
			checkAttempt(t, "without", r.WithoutClientCert, tc.without)
			checkAttempt(t, "untrusted", r.WithUntrustedCert, tc.untrusted)
		})
	}
}

// TestProtocols: what nginx really accepts when ssl_protocols lists the
// old versions. At Debian's security level 2 OpenSSL 3 still refuses TLS
// 1.0/1.1; at @SECLEVEL=0 they are accepted.
func TestProtocols(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name     string
		secLevel int
		extra    string
		want     map[string]bool
	}{
		{"legacy listed, seclevel 2", -1, "ssl_protocols TLSv1 TLSv1.1 TLSv1.2;", only12},
		{"legacy listed, seclevel 0", 0, "ssl_protocols TLSv1 TLSv1.1 TLSv1.2;", map[string]bool{"TLS 1.0": true, "TLS 1.1": true, "TLS 1.2": true, "TLS 1.3": false}},
		{"TLS 1.2 only", -1, "ssl_protocols TLSv1.2;", only12},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			s := server(t, "on", fx(t, "good/ca.crt"), tc.secLevel, tc.extra)
			r := Probe(context.Background(), s.Addr, Options{})
			if got := versions(r); !reflect.DeepEqual(got, tc.want) {
				t.Errorf("versions %v, want %v (%+v)", got, tc.want, r.Versions)
			}
			for _, v := range r.Versions {
				if !v.Accepted && v.Error == "" {
					t.Errorf("%s refused without an error text", v.Name)
				}
			}
		})
	}
}

func TestNotTLS(t *testing.T) {
	t.Parallel()
	hs := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte("plain\n")) }))
	defer hs.Close()
	r := Probe(context.Background(), hs.Listener.Addr().String(), Options{Timeout: 2 * time.Second})
	if r.Failure != NotTLS || !strings.Contains(r.Error, "TLS") {
		t.Errorf("plain HTTP server: failure %q (%s), want %s", r.Failure, r.Error, NotTLS)
	}
}

func TestConnectFailed(t *testing.T) {
	t.Parallel()
	addr := nginxtest.ClosedPort(t)
	r := Probe(context.Background(), addr, Options{Timeout: 2 * time.Second})
	if r.Failure != ConnectFailed || !strings.Contains(r.Error, "refused") {
		t.Errorf("closed port: failure %q (%s), want %s", r.Failure, r.Error, ConnectFailed)
	}
	if r.WithoutClientCert != nil || len(r.Versions) != 0 {
		t.Error("nothing but the failure should be reported")
	}
}

// silentServer accepts connections and never says a word.
func silentServer(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var conns []net.Conn
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			conns = append(conns, c)
			mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		l.Close()
		mu.Lock()
		defer mu.Unlock()
		for _, c := range conns {
			c.Close()
		}
	})
	return l.Addr().String()
}

func TestTimeout(t *testing.T) {
	t.Parallel()
	addr := silentServer(t)
	start := time.Now()
	r := Probe(context.Background(), addr, Options{Timeout: 300 * time.Millisecond})
	if r.Failure != TimedOut {
		t.Errorf("silent server: failure %q (%s), want %s", r.Failure, r.Error, TimedOut)
	}
	if el := time.Since(start); el > 3*time.Second {
		t.Errorf("took %v with a 300ms timeout", el)
	}
}

// TestProbeAllKeepsOrder probes several targets at once.
func TestProbeAllKeepsOrder(t *testing.T) {
	t.Parallel()
	s := server(t, "on", fx(t, "good/ca.crt"), -1, "")
	closed, silent := nginxtest.ClosedPort(t), silentServer(t)
	targets := []string{closed, s.Addr, silent, "bad target"}
	start := time.Now()
	rs := ProbeAll(context.Background(), Jobs(targets, Options{Timeout: 500 * time.Millisecond}), 2)
	if len(rs) != len(targets) {
		t.Fatalf("%d results for %d targets", len(rs), len(targets))
	}
	want := []string{ConnectFailed, "", TimedOut, BadTarget}
	for i, r := range rs {
		if r.Input != targets[i] || r.Failure != want[i] {
			t.Errorf("result %d: input %q failure %q (%s), want %q %q", i, r.Input, r.Failure, r.Error, targets[i], want[i])
		}
	}
	if el := time.Since(start); el > 5*time.Second {
		t.Errorf("took %v", el)
	}
}

func TestContextCancelled(t *testing.T) {
	t.Parallel()
	addr := silentServer(t)
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	start := time.Now()
	r := Probe(ctx, addr, Options{Timeout: 10 * time.Second})
	if r.Failure == "" {
		t.Error("a cancelled probe must fail")
	}
	if el := time.Since(start); el > 3*time.Second {
		t.Errorf("cancel took %v to take effect", el)
	}
}

// TestKeyMismatch: a client key that does not belong to its certificate
// is the one case where nginx aborts the handshake (bad CertificateVerify).
// With TLS 1.2 the error comes from the handshake; with TLS 1.3 the client
// has finished first and hears the alert on its first read. Both count as
// rejected-in-handshake.
func TestKeyMismatch(t *testing.T) {
	t.Parallel()
	good := keyPair(t, "good/client.crt", "good/client.key")
	other := keyPair(t, "mismatch/client.crt", "mismatch/client.key")
	bad := &tls.Certificate{Certificate: good.Certificate, PrivateKey: other.PrivateKey}
	for _, extra := range []string{"", "ssl_protocols TLSv1.2 TLSv1.3;"} {
		t.Run("protocols "+extra, func(t *testing.T) {
			t.Parallel()
			s := server(t, "on", fx(t, "good/ca.crt"), -1, extra)
			r := Probe(context.Background(), s.Addr, Options{ClientCert: bad, Timeout: 3 * time.Second})
			a := r.WithClientCert
			if a == nil || a.Outcome != RejectedInHandshake || !strings.Contains(a.Handshake, "error decrypting message") || a.HTTPStatus != 0 {
				t.Errorf("with a mismatched key: %+v", a)
			}
			checkAttempt(t, "without", r.WithoutClientCert, attemptWant{"ok", 400, 496, RejectedByHTTP, false})
		})
	}
}

// TestNo403Retry: a TLS 1.3 server that answers 403 to everything and asks
// for no certificate over TLS 1.2 either is not suspected of asking after
// the handshake.
func TestNo403Retry(t *testing.T) {
	t.Parallel()
	s := server(t, "off", "", -1, "ssl_protocols TLSv1.2 TLSv1.3; location /forbidden { return 403; }")
	r := Probe(context.Background(), s.Addr, Options{Path: "/forbidden", Timeout: 3 * time.Second})
	if r.TLSVersion != "TLS 1.3" || r.PostHandshakeAuth || r.RetriedTLS12 || r.ClientCertRequested || r.WithoutClientCert.HTTPStatus != 403 {
		t.Errorf("version %s, post-handshake %v, retried %v, requested %v, without %s", r.TLSVersion, r.PostHandshakeAuth, r.RetriedTLS12, r.ClientCertRequested, r.WithoutClientCert)
	}
	if r.ServerSoftware != Nginx {
		t.Errorf("software %q", r.ServerSoftware)
	}
}
