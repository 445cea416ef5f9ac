package checks

import (
	"context"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/internal/servertest"
	"github.com/mtlsdoctor/mtlsdoctor/probe"
)

var reVerifyReturn = regexp.MustCompile(`Verify return code: (\d+)`)

// TestProbeServerTrustCause: openssl s_server serves the chains of the
// serverchain set that a client cannot verify. The probe says why, in the
// title and the story of server-cert-untrusted; openssl s_client, on the
// same server with the same roots, reaches the verify result that goes
// with that cause (differential: OpenSSL's verdict, not ours, is the
// truth the cause must agree with).
func TestProbeServerTrustCause(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name        string
		cert, chain string // served: serverchain/CERT.crt, and CHAIN after it
		byCA        bool   // judged by serverchain/ca.crt, else the system roots
		lowSec      bool   // the server must load a SHA-1 certificate
		cause       string
		codes       []int    // s_client's "Verify return code"
		says        []string // in the finding's title, explanation or fix
	}{
		{"intermediate not served", "server-aia", "", false, false, probe.CauseIncompleteChain, []int{20, 21},
			[]string{"intermediate is not served", "http://ca.invalid/serverchain-int.crt", "fullchain"}},
		{"intermediate not served, judged by its root", "server-aia", "", true, false, probe.CauseIncompleteChain, []int{20, 21},
			[]string{"cannot reach", "ca.crt"}},
		{"root sent, intermediate not", "server-aia", "ca.crt", false, false, probe.CauseIncompleteChain, []int{20, 21}, nil},
		{"intermediate without AIA not served", "server-noaia", "", false, false, probe.CauseUnknownIssuer, []int{20, 21},
			[]string{"CN=serverchain int", "private CA", "intermediate"}},
		{"issued by a root that is not sent", "server-direct", "", false, false, probe.CauseUnknownIssuer, []int{20, 21},
			[]string{"CN=serverchain root CA"}},
		{"private root sent", "server-direct", "ca.crt", false, false, probe.CausePrivateRoot, []int{19},
			[]string{"private root", "CN=serverchain root CA", "update-ca-certificates"}},
		{"self-signed", "server-selfsigned", "", false, false, probe.CauseSelfSigned, []int{18},
			[]string{"self-signed", "TRAEFIK DEFAULT CERT"}},
		{"TLS-inspecting proxy", "server-intercepted", "", false, false, probe.CauseIntercepted, []int{20, 21},
			[]string{"TLS-inspecting proxy", "Zscaler", "NODE_EXTRA_CA_CERTS", "curl --cacert proxy-ca.pem https://127.0.0.1:"}},
		{"expired intermediate", "server-via-expired-int", "int-expired.crt", true, false, probe.CauseExpiredCA, []int{10},
			[]string{"has expired", "2021-01-01", "DST Root CA X3"}},
		{"intermediate that is not a CA", "server-via-notca", "int-notca.crt", true, false, probe.CauseNotCA, []int{24, 26, 79},
			[]string{"not a CA", "CN=serverchain int-notca", "CA:TRUE"}},
		{"SHA-1 server certificate", "server-sha1", "int.crt", true, true, probe.CauseWeakSignature, []int{68},
			[]string{"SHA-1", "-sha256"}},
		{"full chain", "server-aia", "int.crt", true, false, "", []int{0}, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			args := []string{"-cert", probeFx(t, "serverchain/"+tc.cert+".crt"), "-key", probeFx(t, "serverchain/"+tc.cert+".key"), "-www"}
			if tc.chain != "" {
				args = append(args, "-cert_chain", probeFx(t, "serverchain/"+tc.chain))
			}
			if tc.lowSec {
				args = append(args, "-cipher", "DEFAULT:@SECLEVEL=0")
			}
			addr := servertest.SServer(t, args...)

			opts := probe.Options{ServerName: "localhost", Timeout: 5 * time.Second}
			var po ProbeOptions
			sclient := []string{"s_client", "-connect", addr, "-servername", "localhost"}
			if tc.byCA {
				ca := probeFx(t, "serverchain/ca.crt")
				opts.RootCAs, opts.RootsName, po.CAFile = probePool(t, "serverchain/ca.crt"), ca, ca
				sclient = append(sclient, "-CAfile", ca)
			}
			res := probe.Probe(context.Background(), addr, opts)
			if res.Server == nil {
				t.Fatalf("no server certificate judged: %+v", res)
			}
			if res.Server.TrustCause != tc.cause || res.Server.Trusted != (tc.cause == "") {
				t.Errorf("trusted %v, cause %q (%s), want cause %q", res.Server.Trusted, res.Server.TrustCause, res.Server.TrustError, tc.cause)
			}

			var story string
			for _, f := range ProbeFindings(&res, po) {
				if f.ID.Name() == "server-cert-untrusted" {
					story = f.Title + "\n" + f.Explanation + "\n" + f.Fix
				}
			}
			if (story != "") != (tc.cause != "") {
				t.Errorf("server-cert-untrusted present %v, want %v", story != "", tc.cause != "")
			}
			for _, w := range tc.says {
				if !strings.Contains(story, w) {
					t.Errorf("the finding does not say %q:\n%s", w, story)
				}
			}

			cmd := exec.Command(servertest.Tool(t, "openssl"), sclient...)
			cmd.Stdin = strings.NewReader("")
			out, _ := cmd.CombinedOutput()
			m := reVerifyReturn.FindSubmatch(out)
			if m == nil {
				t.Fatalf("s_client gave no verify result:\n%s", out)
			}
			if code, _ := strconv.Atoi(string(m[1])); !slices.Contains(tc.codes, code) {
				t.Errorf("s_client: verify return code %d, want one of %v for cause %q", code, tc.codes, tc.cause)
			}
		})
	}
}

var reProbeCmd = regexp.MustCompile(`(?m)^  mtlsdoctor probe (\S+)$`)

// TestExplainLeadsToProbeCause: real curl refuses a server that does not
// send its intermediate; explain, given curl -v's output, ends with
// the probe command for the server the line names, and that probe says
// the intermediate is not served.
func TestExplainLeadsToProbeCause(t *testing.T) {
	t.Parallel()
	addr := servertest.SServer(t, "-cert", probeFx(t, "serverchain/server-aia.crt"), "-key", probeFx(t, "serverchain/server-aia.key"), "-www")
	out, err := exec.Command(servertest.Tool(t, "curl"), "-v", "-sS", "-o", "/dev/null", "https://"+addr+"/").CombinedOutput()
	line := strings.TrimSpace(string(out)) // curl -v's output, as people paste it
	if err == nil || !strings.Contains(line, "curl: (60)") {
		t.Fatalf("curl did not refuse the chain: %v %s", err, out)
	}
	rep := Explain(line)
	if len(rep.Findings) == 0 || rep.Findings[0].ID.Name() != "server-cert-untrusted" {
		t.Fatalf("explain %q: %+v", line, rep.Findings)
	}
	m := reProbeCmd.FindStringSubmatch(rep.Findings[0].Fix)
	if m == nil || m[1] != addr {
		t.Fatalf("the fix does not probe %s:\n%s", addr, rep.Findings[0].Fix)
	}
	res := probe.Probe(context.Background(), m[1], probe.Options{Timeout: 5 * time.Second})
	if res.Server == nil || res.Server.TrustCause != probe.CauseIncompleteChain {
		t.Errorf("probe %s: %+v", m[1], res.Server)
	}
}

// TestExplainLineTarget: the commands of a client's line name the server
// the line names; a redacted name or a server's line keeps the stand-in.
func TestExplainLineTarget(t *testing.T) {
	cases := []struct{ line, want string }{
		{`requests.exceptions.SSLError: HTTPSConnectionPool(host='api.foo.io', port=8443): Max retries exceeded with url: / (Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:1129)')))`,
			"mtlsdoctor probe api.foo.io:8443"},
		{`Error response from daemon: Get "https://registry.corp.net:5000/v2/": x509: certificate signed by unknown authority`,
			"mtlsdoctor probe registry.corp.net:5000"},
		{`fatal: unable to access 'https://git.corp.net/team/repo.git/': SSL certificate problem: self-signed certificate in certificate chain`,
			"mtlsdoctor probe git.corp.net:443"},
		{`Error response from daemon: Get "https://registry.tools.XXXX.XXX/v2/": x509: certificate signed by unknown authority`,
			"mtlsdoctor probe host:443"},
		{`curl: (60) SSL certificate problem: unable to get local issuer certificate More details here: https://curl.se/docs/sslcerts.html`,
			"mtlsdoctor probe host:443"},
		// nginx as the client of its upstream: the upstream's address.
		{`2024/01/01 00:00:00 [error] 1#1: *5 upstream SSL certificate verify error: (20:unable to get local issuer certificate) while SSL handshaking to upstream, client: 1.2.3.4, server: a, request: "GET / HTTP/1.1", upstream: "https://10.0.0.5:8443/x", host: "a"`,
			"mtlsdoctor probe 10.0.0.5:8443"},
		{`2026/12/03 05:00:00 [error] 7#7: *3 SSL_read() failed (SSL: error:0A00045C:SSL routines::tlsv13 alert certificate required:SSL alert number 116) while reading response header from upstream, client: 127.0.0.1, server: localhost, request: "GET / HTTP/1.1", upstream: "https://127.0.0.1:9443/", host: "localhost"`,
			"-connect 127.0.0.1:9443 "},
	}
	for _, tc := range cases {
		rep := Explain(tc.line)
		if len(rep.Findings) == 0 || !strings.Contains(rep.Findings[0].Fix, tc.want) {
			t.Errorf("%s\nwant %q in the first fix: %+v", tc.line, tc.want, rep.Findings)
		}
	}
	// nginx judging a client: the host in its line is nginx's own.
	rep := Explain(`2024/01/01 00:00:00 [info] 1#1: *1 client SSL certificate verify error: (20:unable to get local issuer certificate) while reading client request headers, client: 10.0.0.1, server: api.foo.io, request: "GET / HTTP/1.1", host: "api.foo.io", referrer: "https://api.foo.io/"`)
	for _, f := range rep.Findings {
		if strings.Contains(f.Fix, "mtlsdoctor probe api.foo.io") && !strings.Contains(f.Fix, "--cert") {
			t.Errorf("a server's line got the client's probe: %s", f.Fix)
		}
	}
}

// TestProbeDefaultCert: a server that serves Traefik's default certificate
// (self-signed, CN=TRAEFIK DEFAULT CERT, made here with openssl as Traefik
// makes it) is named as such, not only as self-signed; OpenSSL calls it 18.
func TestProbeDefaultCert(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	crt, key := filepath.Join(dir, "default.crt"), filepath.Join(dir, "default.key")
	mustOpenSSL(t, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", key, "-out", crt,
		"-subj", "/CN=TRAEFIK DEFAULT CERT", "-days", "30")
	addr := servertest.SServer(t, "-cert", crt, "-key", key, "-www")
	res := probe.Probe(context.Background(), addr, probe.Options{ServerName: "app.example.com", Timeout: 5 * time.Second})
	if res.Server == nil || res.Server.TrustCause != probe.CauseDefaultCert {
		t.Fatalf("server %+v", res.Server)
	}
	var story string
	for _, f := range ProbeFindings(&res, ProbeOptions{}) {
		if f.ID.Name() == "server-cert-untrusted" {
			story = f.Title + "\n" + f.Explanation + "\n" + f.Fix
		}
	}
	for _, w := range []string{"default certificate", "Traefik", "app.example.com", "tls.hosts"} {
		if !strings.Contains(story, w) {
			t.Errorf("the finding does not say %q:\n%s", w, story)
		}
	}
	cmd := exec.Command(servertest.Tool(t, "openssl"), "s_client", "-connect", addr, "-servername", "app.example.com")
	cmd.Stdin = strings.NewReader("")
	out, _ := cmd.CombinedOutput()
	if m := reVerifyReturn.FindSubmatch(out); m == nil || string(m[1]) != "18" {
		t.Errorf("s_client: %s", m)
	}
}
