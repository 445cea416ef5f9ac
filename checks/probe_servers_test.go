package checks

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/certset"
	"github.com/mtlsdoctor/mtlsdoctor/internal/servertest"
	"github.com/mtlsdoctor/mtlsdoctor/probe"
	"github.com/mtlsdoctor/mtlsdoctor/report"
)

// The client identities every server below is probed with: none, the
// good client (issued by the good root, which every server trusts), one
// from a CA no server trusts, an expired one and a SHA-1-signed one (both
// issued by CAs the servers list, so only the date or the digest is
// wrong).
var probeIdentities = []string{"", "good/client", "untrusted/client-foreign", "validity/client-expired", "weak/client-sha1"}

// serverCase is one server that is not nginx, configured so that the test
// knows the truth, and what the probe must say about it per identity.
type serverCase struct {
	name     string
	start    func(t *testing.T, f *serverFiles) string
	path     string
	software string
	// softwareServed, when set, is what software names once a request was
	// served: with the good client, a server that serves nothing to the
	// others (s_server's status page) shows itself.
	softwareServed string
	http           bool // the service speaks HTTP (curl can check the answers)
	// want are the findings for each identity ("" none, or the fixture's
	// basename); identities not listed are not tried.
	want map[string]map[string]report.Severity
	// says maps a finding id to words its title, explanation or fix must
	// hold (for every identity that gets it); never to words none may.
	says, never map[string][]string
	// versions are the TLS versions the server takes (with the good client
	// where given, else without one).
	versions map[string]bool
}

// serverFiles are the files the servers are configured with.
type serverFiles struct {
	cert, key, pem string // the server's certificate and key (good/server), and both in one PEM
	cas            string // good, validity and weak roots in one file: the client CAs
	pool           *x509.CertPool
	serverCert     tls.Certificate
}

func newServerFiles(t testing.TB) *serverFiles {
	t.Helper()
	f := &serverFiles{cert: probeFx(t, "good/server.crt"), key: probeFx(t, "good/server.key")}
	dir := t.TempDir()
	var pem, cas []byte
	for _, p := range []string{f.cert, f.key} {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		pem = append(pem, b...)
	}
	for _, c := range []string{"good/ca.crt", "validity/ca.crt", "weak/ca.crt"} {
		b, err := os.ReadFile(probeFx(t, c))
		if err != nil {
			t.Fatal(err)
		}
		cas = append(cas, b...)
	}
	f.pem, f.cas = filepath.Join(dir, "server.pem"), filepath.Join(dir, "client-cas.pem")
	if err := os.WriteFile(f.pem, pem, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(f.cas, cas, 0o644); err != nil {
		t.Fatal(err)
	}
	f.pool = x509.NewCertPool()
	f.pool.AppendCertsFromPEM(cas)
	var err error
	if f.serverCert, err = tls.LoadX509KeyPair(f.cert, f.key); err != nil {
		t.Fatal(err)
	}
	return f
}

const (
	sE = report.Error
	sW = report.Warning
	sI = report.Info
)

// findings builds a map of id to severity from "id:E" words.
func findings(spec string) map[string]report.Severity {
	m := map[string]report.Severity{}
	for _, w := range strings.Fields(spec) {
		id, sev, _ := strings.Cut(w, ":")
		m[id] = map[string]report.Severity{"E": sE, "W": sW, "I": sI}[sev]
	}
	return m
}

// verifying is what a server that requires and verifies client
// certificates against f.cas gets, plus extra for every identity.
func verifying(extra string) map[string]map[string]report.Severity {
	return map[string]map[string]report.Severity{
		"":                         findings("client-cert-required:I " + extra),
		"good/client":              findings("client-cert-required:I client-cert-accepted:I " + extra),
		"untrusted/client-foreign": findings("client-cert-required:I client-cert-rejected:E issuer-not-acceptable:W " + extra),
		"validity/client-expired":  findings("client-cert-required:I client-cert-rejected:E " + extra),
		"weak/client-sha1":         findings("client-cert-required:I client-cert-rejected:E " + extra),
	}
}

// anyCert is what a server that lets in any certificate gets: with a
// certificate, it is accepted too (with the caveat that so is any).
func anyCert(extra string) map[string]map[string]report.Severity {
	m := every("any-cert-accepted:E " + extra)
	for id, f := range m {
		if id != "" {
			f["client-cert-accepted"] = sI
		}
	}
	return m
}

// withFor adds findings for one identity.
func withFor(m map[string]map[string]report.Severity, ident, spec string) map[string]map[string]report.Severity {
	for id, sev := range findings(spec) {
		m[ident][id] = sev
	}
	return m
}

// every is the same findings for every identity.
func every(spec string) map[string]map[string]report.Severity {
	m := map[string]map[string]report.Severity{}
	for _, id := range probeIdentities {
		m[id] = findings(spec)
	}
	return m
}

var (
	v12v13    = map[string]bool{"TLS 1.0": false, "TLS 1.1": false, "TLS 1.2": true, "TLS 1.3": true}
	v12only   = map[string]bool{"TLS 1.0": false, "TLS 1.1": false, "TLS 1.2": true, "TLS 1.3": false}
	v13only   = map[string]bool{"TLS 1.0": false, "TLS 1.1": false, "TLS 1.2": false, "TLS 1.3": true}
	requiredT = []string{"refused inside the TLS handshake"}
	anyoneT   = []string{"anyone with any certificate", "throwaway"}
)

func goServer(cfg *tls.Config) func(t *testing.T, f *serverFiles) string {
	return func(t *testing.T, f *serverFiles) string {
		c := cfg.Clone()
		c.Certificates = []tls.Certificate{f.serverCert}
		if c.ClientCAs != nil {
			c.ClientCAs = f.pool
		}
		return servertest.GoServer(t, c)
	}
}

func sServer(args ...string) func(t *testing.T, f *serverFiles) string {
	return func(t *testing.T, f *serverFiles) string {
		a := []string{"-cert", f.cert, "-key", f.key}
		for _, x := range args {
			a = append(a, strings.ReplaceAll(x, "CAS", f.cas))
		}
		return servertest.SServer(t, a...)
	}
}

func haproxy(bind, frontend string) func(t *testing.T, f *serverFiles) string {
	return func(t *testing.T, f *serverFiles) string {
		return servertest.HAProxy(t, f.pem, strings.ReplaceAll(bind, "CAS", f.cas), frontend)
	}
}

func apache(vhost string) func(t *testing.T, f *serverFiles) string {
	return func(t *testing.T, f *serverFiles) string {
		return servertest.Apache(t, f.cert, f.key, strings.ReplaceAll(vhost, "CAS", f.cas))
	}
}

const okReturn = "  http-request return status 200 content-type text/plain string ok"

// anyPool marks a Go server's ClientCAs to be set (to the client CAs).
var anyPool = x509.NewCertPool()

func serverCases() []serverCase {
	return []serverCase{
		// openssl s_server.
		{name: "s_server -Verify -verify_return_error", start: sServer("-Verify", "1", "-CAfile", "CAS", "-verify_return_error", "-www"),
			software: probe.Unknown, softwareServed: probe.OpenSSL, http: true, want: verifying(""), versions: v12v13,
			says: map[string][]string{"client-cert-required": requiredT, "client-cert-rejected": {"ended the TLS handshake"}}},
		{name: "s_server -Verify -verify_return_error -tls1_2", start: sServer("-Verify", "1", "-CAfile", "CAS", "-verify_return_error", "-www", "-tls1_2"),
			software: probe.Unknown, softwareServed: probe.OpenSSL, http: true, want: verifying("no-tls13:I"), versions: v12only,
			says: map[string][]string{"client-cert-required": {"refused inside the TLS handshake", "handshake failure"}}},
		{name: "s_server -Verify without a CA (accepts any certificate)", start: sServer("-Verify", "1", "-www"),
			software: probe.OpenSSL, http: true, want: anyCert(""), versions: v12v13,
			says: map[string][]string{"any-cert-accepted": append(anyoneT, "-verify_return_error"), "client-cert-accepted": {"proves only that the server lets certificates through"}}},
		// The guides' way to test: a CA and -Verify, without
		// -verify_return_error: s_server prints the verify error and goes on.
		{name: "s_server -Verify with a CA, no -verify_return_error (accepts any certificate)", start: sServer("-Verify", "1", "-CAfile", "CAS", "-www"),
			software: probe.OpenSSL, http: true, want: withFor(anyCert(""), "untrusted/client-foreign", "issuer-not-acceptable:W"), versions: v12v13,
			says: map[string][]string{"any-cert-accepted": append(anyoneT, "carries on with the handshake", "-CAfile client-ca.pem -Verify 1 -verify_return_error")}},
		{name: "s_server -verify (optional), not HTTP", start: sServer("-verify", "1", "-CAfile", "CAS", "-rev"),
			software: probe.Unknown, want: withFor(anyCert("mtls-optional:W"), "untrusted/client-foreign", "issuer-not-acceptable:W"), versions: v12v13,
			says: map[string][]string{"mtls-optional": {"does not speak HTTP", "completes the handshake without one"}, "any-cert-accepted": {"handshake"}}},
		{name: "s_server -Verify -verify_return_error, not HTTP", start: sServer("-Verify", "1", "-CAfile", "CAS", "-verify_return_error", "-rev"),
			software: probe.Unknown, want: map[string]map[string]report.Severity{
				"":                         findings("client-cert-required:I"),
				"good/client":              findings("client-cert-required:I client-cert-accepted:I"),
				"untrusted/client-foreign": findings("client-cert-required:I client-cert-rejected:E issuer-not-acceptable:W"),
			}, versions: v12v13,
			says: map[string][]string{"client-cert-accepted": {"in the TLS handshake", "does not speak HTTP"}}},
		{name: "s_server -no_ca_names TLS 1.3 (Go cannot decode the request)", start: sServer("-Verify", "1", "-CAfile", "CAS", "-verify_return_error", "-no_ca_names", "-tls1_3", "-www"),
			software: probe.Unknown, http: true, want: every("client-cert-untested:W"), versions: v13only,
			says: map[string][]string{"client-cert-untested": {"could not test", "certificate_authorities", "openssl s_client -connect", "not a fault of the server"}}},
		{name: "s_server -client_sigalgs RSA only (the throwaway ECDSA key cannot sign)", start: sServer("-Verify", "1", "-CAfile", "CAS", "-verify_return_error", "-client_sigalgs", "RSA-PSS+SHA256:RSA+SHA256", "-www"),
			software: probe.Unknown, softwareServed: probe.OpenSSL, http: true, want: map[string]map[string]report.Severity{
				"":            findings("client-cert-required:I client-cert-untested:W"),
				"good/client": findings("client-cert-required:I client-cert-accepted:I client-cert-untested:W"),
			}, versions: v12v13,
			says: map[string][]string{"client-cert-untested": {"with a throwaway certificate", "PSSWithSHA256"}}},

		{name: "IMAP-like banner over TLS, certificate required", start: bannerServer("* OK IMAP4rev1 ready\r\n"),
			software: probe.Unknown, want: map[string]map[string]report.Severity{
				"":                         findings("client-cert-required:I"),
				"good/client":              findings("client-cert-required:I client-cert-accepted:I"),
				"untrusted/client-foreign": findings("client-cert-required:I client-cert-rejected:E issuer-not-acceptable:W"),
			}, versions: v12v13,
			says: map[string][]string{"client-cert-accepted": {`"* OK IMAP4rev1 ready"`, "does not speak HTTP"}}},

		// Go crypto/tls, every ClientAuthType.
		{name: "Go NoClientCert", start: goServer(&tls.Config{ClientAuth: tls.NoClientCert}),
			software: probe.GoHTTP, http: true, want: every("mtls-not-enforced:W"), versions: v12v13,
			says: map[string][]string{"mtls-not-enforced": {"no CertificateRequest", "tls.NoClientCert", "tls.RequireAndVerifyClientCert"}}},
		{name: "Go RequestClientCert", start: goServer(&tls.Config{ClientAuth: tls.RequestClientCert}),
			software: probe.GoHTTP, http: true, want: anyCert("mtls-optional:E"), versions: v12v13},
		{name: "Go RequireAnyClientCert", start: goServer(&tls.Config{ClientAuth: tls.RequireAnyClientCert}),
			software: probe.GoHTTP, http: true, want: anyCert(""), versions: v12v13,
			says: map[string][]string{"any-cert-accepted": anyoneT}},
		{name: "Go VerifyClientCertIfGiven", start: goServer(&tls.Config{ClientAuth: tls.VerifyClientCertIfGiven, ClientCAs: anyPool}),
			software: probe.GoHTTP, http: true, want: map[string]map[string]report.Severity{
				"":                         findings("mtls-optional:E"),
				"good/client":              findings("mtls-optional:E client-cert-accepted:I"),
				"untrusted/client-foreign": findings("mtls-optional:E client-cert-rejected:E issuer-not-acceptable:W"),
				"weak/client-sha1":         findings("mtls-optional:E client-cert-rejected:E"),
			}, versions: v12v13},
		{name: "Go RequireAndVerifyClientCert", start: goServer(&tls.Config{ClientAuth: tls.RequireAndVerifyClientCert, ClientCAs: anyPool}),
			software: probe.GoHTTP, http: true, want: verifying(""), versions: v12v13,
			says: map[string][]string{"client-cert-rejected": {"remote error: tls:", "TLS handshake error"}}},
		{name: "Go RequireAndVerifyClientCert, TLS 1.2 only", start: goServer(&tls.Config{ClientAuth: tls.RequireAndVerifyClientCert, ClientCAs: anyPool, MaxVersion: tls.VersionTLS12}),
			software: probe.GoHTTP, http: true, want: verifying("no-tls13:I"), versions: v12only},
		{name: "Go RequireAndVerifyClientCert, TLS 1.3 only", start: goServer(&tls.Config{ClientAuth: tls.RequireAndVerifyClientCert, ClientCAs: anyPool, MinVersion: tls.VersionTLS13}),
			software: probe.GoHTTP, http: true, want: verifying(""), versions: v13only},
		{name: "Go RequireAndVerifyClientCert, a path the application does not serve", start: goServer(&tls.Config{ClientAuth: tls.RequireAndVerifyClientCert, ClientCAs: anyPool}),
			path: "/missing", software: probe.GoHTTP, http: true, want: map[string]map[string]report.Severity{
				"":            findings("client-cert-required:I"),
				"good/client": findings("client-cert-required:I client-cert-accepted:I"),
			}, versions: v12v13,
			says:  map[string][]string{"client-cert-accepted": {"application answered HTTP 404", "--path"}},
			never: map[string][]string{"client-cert-accepted": {"was served"}}},

		// HAProxy.
		{name: "HAProxy verify required", start: haproxy("ca-file CAS verify required", okReturn),
			software: probe.Unknown, http: true, want: verifying(""), versions: v12v13},
		{name: "HAProxy verify required no-ca-names", start: haproxy("ca-file CAS verify required no-ca-names", okReturn),
			software: probe.Unknown, http: true, want: func() map[string]map[string]report.Severity {
				m := verifying("")
				delete(m["untrusted/client-foreign"], "issuer-not-acceptable") // no CA names to compare with
				return m
			}(), versions: v12v13},
		{name: "HAProxy verify required, ssl-max-ver TLSv1.2", start: haproxy("ca-file CAS verify required ssl-max-ver TLSv1.2", okReturn),
			software: probe.Unknown, http: true, want: verifying("no-tls13:I"), versions: v12only},
		{name: "HAProxy verify optional, refused without a certificate", start: haproxy("ca-file CAS verify optional", "  http-request deny unless { ssl_c_used }\n"+okReturn),
			software: probe.HAProxy, http: true, want: map[string]map[string]report.Severity{
				"":                         findings("mtls-optional:W"),
				"good/client":              findings("client-cert-required:I client-cert-accepted:I"),
				"untrusted/client-foreign": findings("mtls-optional:W client-cert-rejected:E issuer-not-acceptable:W"),
			}, versions: v12v13,
			says: map[string][]string{"client-cert-required": {"HTTP 403", "the certificate makes the difference"},
				"mtls-optional": {"HTTP 403", "verify optional", "verify required", "haproxy -c -f"}}},
		{name: "HAProxy crt-ignore-err all ca-ignore-err all", start: haproxy("ca-file CAS verify optional crt-ignore-err all ca-ignore-err all", okReturn),
			software: probe.Unknown, http: true, want: map[string]map[string]report.Severity{
				"":            findings("mtls-optional:E any-cert-accepted:E"),
				"good/client": findings("mtls-optional:E any-cert-accepted:E client-cert-accepted:I"),
			}, versions: v12v13},
		{name: "HAProxy verify none", start: haproxy("verify none", okReturn),
			software: probe.Unknown, http: true, want: every("mtls-not-enforced:W"), versions: v12v13},

		// Apache httpd.
		{name: "Apache SSLVerifyClient require", start: apache("  SSLCACertificateFile CAS\n  SSLVerifyClient require"),
			software: probe.Apache, http: true, want: verifying(""), versions: v12v13,
			says: map[string][]string{"client-cert-rejected": {"Apache httpd ended the TLS handshake", "LogLevel ssl:info"}}},
		{name: "Apache SSLVerifyClient require, TLS 1.2 only", start: apache("  SSLProtocol -all +TLSv1.2\n  SSLCACertificateFile CAS\n  SSLVerifyClient require"),
			software: probe.Apache, http: true, want: verifying("no-tls13:I"), versions: v12only,
			says: map[string][]string{"no-tls13": {"SSLProtocol -all +TLSv1.2 +TLSv1.3"}}},
		{name: "Apache SSLVerifyClient optional", start: apache("  SSLCACertificateFile CAS\n  SSLVerifyClient optional"),
			software: probe.Apache, http: true, want: map[string]map[string]report.Severity{
				"":            findings("mtls-optional:E"),
				"good/client": findings("mtls-optional:E client-cert-accepted:I"),
			}, versions: v12v13,
			says: map[string][]string{"mtls-optional": {"SSLVerifyClient require", "SSL_CLIENT_VERIFY", "apachectl graceful"}}},
		{name: "Apache SSLVerifyClient optional_no_ca", start: apache("  SSLCACertificateFile CAS\n  SSLVerifyClient optional_no_ca"),
			software: probe.Apache, http: true, want: map[string]map[string]report.Severity{
				"":            findings("mtls-optional:E any-cert-accepted:E"),
				"good/client": findings("mtls-optional:E any-cert-accepted:E client-cert-accepted:I"),
			}, versions: v12v13,
			says: map[string][]string{"any-cert-accepted": {"optional_no_ca", "SSLVerifyClient require"}}},
		{name: "Apache require in a <Location> (asked after the handshake)", start: apache("  SSLCACertificateFile CAS\n  <Location /secure>\n    SSLVerifyClient require\n  </Location>"),
			path: "/secure/", software: probe.Apache, http: true, want: map[string]map[string]report.Severity{
				"":                         findings("client-cert-required:I"),
				"good/client":              findings("client-cert-required:I client-cert-accepted:I"),
				"untrusted/client-foreign": findings("client-cert-required:I client-cert-rejected:E issuer-not-acceptable:W"),
			}, versions: v12v13,
			says: map[string][]string{"client-cert-required": {"renegotiated"}}},
		{name: "Apache require in a <Location>, TLS 1.2 only (renegotiation)", start: apache("  SSLProtocol -all +TLSv1.2\n  SSLCACertificateFile CAS\n  <Location /secure>\n    SSLVerifyClient require\n  </Location>"),
			path: "/secure/", software: probe.Apache, http: true, want: map[string]map[string]report.Severity{
				"":                        findings("client-cert-required:I no-tls13:I"),
				"good/client":             findings("client-cert-required:I client-cert-accepted:I no-tls13:I"),
				"validity/client-expired": findings("client-cert-required:I client-cert-rejected:E no-tls13:I"),
			}, versions: v12only,
			says: map[string][]string{"client-cert-required": {"renegotiated"}, "client-cert-rejected": {"renegotiated", "expired"}}},
		{name: "Apache require in a <Location>, TLS 1.3 only", start: apache("  SSLProtocol -all +TLSv1.3\n  SSLCACertificateFile CAS\n  <Location /secure>\n    SSLVerifyClient require\n  </Location>"),
			path: "/secure/", software: probe.Apache, http: true, want: every("client-cert-untested:W"), versions: v13only,
			says: map[string][]string{"client-cert-untested": {"post-handshake authentication", "-enable_pha"}}},
	}
}

// placeholder is a {name} left unfilled in a text.
var placeholder = regexp.MustCompile(`\{[a-z_]+\}`)

// TestProbeOtherServers probes servers that are not nginx, each configured
// so that the truth is known, with no certificate, a good one, one from
// another CA, an expired one and a SHA-1-signed one, and checks every
// finding: its id and severity, the words it must and must not use, that
// it never speaks of nginx, that its commands name the real target, and
// (for HTTP servers) that curl with the same certificate gets the same
// answer.
func TestProbeOtherServers(t *testing.T) {
	t.Parallel()
	files := newServerFiles(t)
	for _, tc := range serverCases() {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			addr := tc.start(t, files)
			for _, ident := range probeIdentities {
				want, ok := tc.want[ident]
				if !ok {
					continue
				}
				name := ident
				if name == "" {
					name = "no certificate"
				}
				t.Run(name, func(t *testing.T) {
					checkOtherServer(t, tc, files, addr, ident, want)
				})
			}
		})
	}
}

func checkOtherServer(t *testing.T, tc serverCase, files *serverFiles, addr, ident string, want map[string]report.Severity) {
	t.Helper()
	path := tc.path
	if path == "" {
		path = "/"
	}
	opts := probe.Options{RootCAs: probePool(t, "good/ca.crt"), RootsName: "good/ca.crt", Path: path, Timeout: 3 * time.Second}
	o := ProbeOptions{CAFile: probeFx(t, "good/ca.crt"), Timeout: opts.Timeout}
	if ident != "" {
		c, err := certset.LoadKeyPair(probeFx(t, ident+".crt"), probeFx(t, ident+".key"), certset.Options{})
		if err != nil {
			t.Fatal(err)
		}
		opts.ClientCert = &c
		o.CertFile, o.KeyFile = probeFx(t, ident+".crt"), probeFx(t, ident+".key")
	}
	res := probe.Probe(context.Background(), addr, opts)
	rep := Probe([]probe.Result{res}, o)
	wantSoftware := tc.software
	if tc.softwareServed != "" && ident == "good/client" {
		wantSoftware = tc.softwareServed
	}
	if res.ServerSoftware != wantSoftware {
		t.Errorf("server_software %q, want %q", res.ServerSoftware, wantSoftware)
	}
	if ident == "" || ident == "good/client" {
		got := map[string]bool{}
		for _, v := range res.Versions {
			got[v.Name] = v.Accepted
		}
		for k, w := range tc.versions {
			if got[k] != w {
				t.Errorf("%s accepted %v, want %v (%+v)", k, got[k], w, res.Versions)
			}
		}
	}
	got := map[string]report.Severity{}
	for _, f := range rep.Findings {
		got[f.ID.Name()] = f.Severity
		text := f.Title + "\n" + f.Explanation + "\n" + f.Fix
		for _, w := range tc.says[f.ID.Name()] {
			if !strings.Contains(text, w) {
				t.Errorf("%s lacks %q:\n%s", f.ID, w, text)
			}
		}
		for _, w := range tc.never[f.ID.Name()] {
			if strings.Contains(text, w) {
				t.Errorf("%s says %q:\n%s", f.ID, w, text)
			}
		}
		if tc.software != probe.Nginx && (strings.Contains(strings.ToLower(text), "nginx") || strings.Contains(text, "ssl_verify_client")) {
			t.Errorf("%s speaks of nginx about %s:\n%s", f.ID, tc.software, text)
		}
		if m := placeholder.FindString(text); m != "" || reStandInHost.MatchString(text) || strings.Contains(text, " ca.crt") {
			t.Errorf("%s has a placeholder (%q):\n%s", f.ID, m, text)
		}
		if strings.Contains(text, "-servername") || strings.Contains(text, "SNI 127") {
			t.Errorf("%s names an SNI that is not sent to an address:\n%s", f.ID, text)
		}
		if strings.Contains(text, "openssl s_client") && !strings.Contains(text, "-connect "+addr) {
			t.Errorf("%s: an s_client command not for %s:\n%s", f.ID, addr, text)
		}
		if f.ID.Name() == "client-cert-untested" {
			confirmUntested(t, f.Fix, ident)
		}
	}
	if !sameSeverities(got, want) {
		t.Errorf("findings %v, want %v\nwithout: %s\nwith: %s\nuntrusted: %s", got, want, res.WithoutClientCert, res.WithClientCert, res.WithUntrustedCert)
	}
	wantExit := 0
	for _, s := range want {
		if s == report.Error {
			wantExit = 1
		}
	}
	if rep.ExitCode() != wantExit {
		t.Errorf("exit %d, want %d", rep.ExitCode(), wantExit)
	}
	if (tc.http && !res.PostHandshakeAuth || res.RetriedTLS12) && !anyLimit(&res) {
		curlAgrees(t, addr, path, ident, res)
	}
}

// curlAgrees checks the probe's HTTP status for the identity against
// curl's with the same certificate (000 when curl got no answer).
func curlAgrees(t *testing.T, addr, path, ident string, res probe.Result) {
	t.Helper()
	a := res.WithoutClientCert
	args := []string{"-sk", "-o", "/dev/null", "-w", "%{http_code}", "--max-time", "3"}
	if ident != "" {
		a = res.WithClientCert
		args = append(args, "--cert", probeFx(t, ident+".crt"), "--key", probeFx(t, ident+".key"))
	}
	out, err := exec.Command(servertest.Tool(t, "curl"), append(args, "https://"+addr+path)...).Output()
	var ee *exec.ExitError
	if errors.As(err, &ee) && ee.ExitCode() == 58 {
		// curl's OpenSSL refuses to use the certificate itself (a SHA-1
		// signature at security level 2): nothing to compare.
		return
	}
	curl := strings.TrimSpace(string(out))
	probeStatus := "000"
	if a != nil && a.HTTPStatus != 0 {
		probeStatus = strconv.Itoa(a.HTTPStatus)
	}
	if curl != probeStatus {
		t.Errorf("curl got %s, the probe %s (%s)", curl, probeStatus, a)
	}
}

// expiredServer makes, with openssl, a CA valid from now and a server
// certificate it issued that was valid only in 2020 (openssl ca
// -startdate/-enddate), and serves it with s_server. It returns the
// address and the CA file.
func expiredServer(t *testing.T) (addr, ca string) {
	t.Helper()
	dir := t.TempDir()
	run := func(args ...string) {
		t.Helper()
		cmd := exec.Command(servertest.Tool(t, "openssl"), args...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("openssl %v: %v\n%s", args, err, out)
		}
	}
	write := func(name, data string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("index.txt", "")
	write("serial", "01\n")
	write("ca.cnf", `[ca]
default_ca = d
[d]
database = index.txt
new_certs_dir = .
serial = serial
default_md = sha256
policy = p
copy_extensions = none
unique_subject = no
[p]
commonName = supplied
`)
	write("ext.cnf", "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n")
	run("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "ca.key", "-out", "ca.crt",
		"-subj", "/CN=probe test CA now", "-days", "30")
	run("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=expired server")
	run("ca", "-batch", "-config", "ca.cnf", "-cert", "ca.crt", "-keyfile", "ca.key", "-in", "server.csr", "-out", "server.crt",
		"-startdate", "20200101000000Z", "-enddate", "20210101000000Z", "-extfile", "ext.cnf", "-notext")
	ca = filepath.Join(dir, "ca.crt")
	return servertest.SServer(t, "-cert", filepath.Join(dir, "server.crt"), "-key", filepath.Join(dir, "server.key"), "-www"), ca
}

// TestProbeExpiredServerCert: an expired server certificate, probed with
// the CA that issued it, is expired (with its date), not untrusted: the
// chain is judged now, the leaf's dates apart. curl says the same. With
// --at in 2020, when the leaf was valid, the CA was not yet: the reason
// says so in plain words.
func TestProbeExpiredServerCert(t *testing.T) {
	t.Parallel()
	addr, ca := expiredServer(t)
	pool := x509.NewCertPool()
	data, err := os.ReadFile(ca)
	if err != nil {
		t.Fatal(err)
	}
	pool.AppendCertsFromPEM(data)
	res := probe.Probe(context.Background(), addr, probe.Options{RootCAs: pool, RootsName: ca, Timeout: 3 * time.Second})
	fs := ProbeFindings(&res, ProbeOptions{CAFile: ca})
	got := map[string]string{}
	for _, f := range fs {
		got[f.ID.Name()] = f.Title + "\n" + f.Explanation + "\n" + f.Fix
	}
	if _, ok := got["server-cert-untrusted"]; ok || !strings.Contains(got["server-cert-expired"], "expired on 2021-01-01") {
		t.Errorf("want server-cert-expired on 2021-01-01 and nothing untrusted: %v", got)
	}
	if res.Server == nil || !res.Server.Trusted || !res.Server.Expired {
		t.Errorf("server cert %+v", res.Server)
	}
	out, _ := exec.Command(servertest.Tool(t, "curl"), "-sS", "-o", "/dev/null", "--cacert", ca, "https://"+addr+"/").CombinedOutput()
	if !strings.Contains(string(out), "certificate has expired") {
		t.Errorf("curl: %s", out)
	}

	at := time.Date(2020, 6, 1, 0, 0, 0, 0, time.UTC)
	res = probe.Probe(context.Background(), addr, probe.Options{RootCAs: pool, RootsName: ca, Timeout: 3 * time.Second, Now: at})
	if res.Server == nil || res.Server.Expired || res.Server.Trusted || !strings.Contains(res.Server.TrustError, "CN=probe test CA now is not valid before") {
		t.Errorf("at %v: %+v", at, res.Server)
	}
}

// TestProbeSilentTLSServer: a TLS server that completes the handshake and
// never answers takes the target's timeout once, not twice; it is judged
// by the handshake alone.
func TestProbeSilentTLSServer(t *testing.T) {
	t.Parallel()
	files := newServerFiles(t)
	l, err := tls.Listen("tcp", "127.0.0.1:0", &tls.Config{Certificates: []tls.Certificate{files.serverCert}, ClientAuth: tls.RequireAndVerifyClientCert, ClientCAs: files.pool})
	if err != nil {
		t.Fatal(err)
	}
	held := make(chan net.Conn, 64)
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			go func() { _ = c.(*tls.Conn).Handshake() }()
			held <- c
		}
	}()
	t.Cleanup(func() {
		l.Close()
		close(held)
		for c := range held {
			c.Close()
		}
	})
	c, err := certset.LoadKeyPair(probeFx(t, "good/client.crt"), probeFx(t, "good/client.key"), certset.Options{})
	if err != nil {
		t.Fatal(err)
	}
	const timeout = 2 * time.Second
	start := time.Now()
	res := probe.Probe(context.Background(), l.Addr().String(), probe.Options{ClientCert: &c, RootCAs: files.pool, Timeout: timeout})
	if el := time.Since(start); el > timeout+timeout/2 {
		t.Errorf("took %v with --timeout %v", el, timeout)
	}
	got := map[string]report.Severity{}
	for _, f := range ProbeFindings(&res, ProbeOptions{CertFile: "good/client.crt", Timeout: timeout}) {
		got[f.ID.Name()] = f.Severity
	}
	if want := findings("client-cert-required:I client-cert-accepted:I"); !sameSeverities(got, want) {
		t.Errorf("findings %v, want %v (without %s, with %s)", got, want, res.WithoutClientCert, res.WithClientCert)
	}
}

// confirmUntested runs the openssl command that client-cert-untested gives
// and checks that it does what the probe could not: with the good client
// the request is served (200), without a certificate it is not.
func confirmUntested(t *testing.T, fix, ident string) {
	t.Helper()
	_, cmd, ok := strings.Cut(fix, "which does this:\n  ")
	if !ok {
		t.Errorf("no command in %q", fix)
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	out, _ := exec.CommandContext(ctx, "sh", "-c", cmd).CombinedOutput()
	served := regexp.MustCompile(`HTTP/1\.[01] 200`).Match(out)
	switch ident {
	case "good/client":
		if !served {
			t.Errorf("%s: not served:\n%s", cmd, out)
		}
	case "":
		if served {
			t.Errorf("%s: served without a certificate:\n%s", cmd, out)
		}
	}
}

// bannerServer is a TLS service that is not HTTP: it requires and
// verifies a client certificate, then greets with banner (as IMAP does).
func bannerServer(banner string) func(t *testing.T, f *serverFiles) string {
	return func(t *testing.T, f *serverFiles) string {
		l, err := tls.Listen("tcp", "127.0.0.1:0", &tls.Config{Certificates: []tls.Certificate{f.serverCert},
			ClientAuth: tls.RequireAndVerifyClientCert, ClientCAs: f.pool})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { l.Close() })
		go func() {
			for {
				c, err := l.Accept()
				if err != nil {
					return
				}
				go func() {
					defer c.Close()
					_ = c.SetDeadline(time.Now().Add(5 * time.Second))
					if c.(*tls.Conn).Handshake() == nil {
						_, _ = c.Write([]byte(banner))
						_, _ = c.Read(make([]byte, 1024))
					}
				}()
			}
		}()
		return l.Addr().String()
	}
}

// reStandInHost is the catalogue's stand-in server, host:443, as a word
// of its own: not inside localhost:44311, a real address whose port
// starts with 443.
var reStandInHost = regexp.MustCompile(`(?:^|[^A-Za-z0-9.-])host:443\b`)

// TestProbeDefaultClientCAEverySoftware: every software the probe can
// name has a client CA file for fixes that must name one (an empty one
// left "-CAfile  -Verify" in s_server's fix).
func TestProbeDefaultClientCAEverySoftware(t *testing.T) {
	for _, sw := range []string{probe.Nginx, probe.Apache, probe.HAProxy, probe.GoHTTP, probe.OpenSSL, probe.Unknown} {
		if probeDefaultClientCA[sw] == "" {
			t.Errorf("no default client CA file for %q", sw)
		}
	}
}
