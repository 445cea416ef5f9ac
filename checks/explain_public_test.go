package checks

import (
	"strings"
	"testing"
)

// TestPublicServerFirst: a client's refusal of a public service's
// certificate (pasted lines of public threads, as in the corpus) says
// first that the cause is on the client's side, naming the service; the
// same words about a private server, a service on another port, or a
// public domain as a Go package path do not.
func TestPublicServerFirst(t *testing.T) {
	for line, want := range map[string]string{
		`npm ERR! request to https://registry.npmjs.org/lodash failed, reason: unable to get local issuer certificate`:                                                                                   "TLS-inspecting proxy",
		`Error response from daemon: Get "https://registry-1.docker.io/v2/": x509: certificate signed by unknown authority`:                                                                              "TLS-inspecting proxy",
		`fatal: unable to access 'https://github.com/x/y.git/': SSL certificate problem: unable to get local issuer certificate`:                                                                         "TLS-inspecting proxy",
		`Get https://registry-1.docker.io/v2/: x509: certificate is valid for *.filter.example.net, not registry-1.docker.io`:                                                                            "hosts-file entry",
		`Get "https://registry-1.docker.io/v2/": tls: failed to verify certificate: x509: certificate has expired or is not yet valid: current time 2020-01-01T00:00:00Z is before 2024-01-01T00:00:00Z`: "its clock",
	} {
		f := Explain(line).Findings
		if len(f) == 0 || !strings.Contains(f[0].Explanation, "is a public service") || !strings.Contains(f[0].Explanation, want) {
			t.Errorf("%s: not told as a public service's certificate on the client's side (%q):\n%v", line, want, f)
		}
	}
	for _, line := range []string{
		`Get https://git.example.com/v2/: x509: certificate signed by unknown authority`,
		`Error querying node status: Get https://nomad.github.com:4646/v1/nodes: x509: certificate signed by unknown authority`,
		`2025-02-28T14:19:02Z DBG github.com/traefik/traefik/v3/pkg/proxy/httputil/proxy.go:117 > 500 Internal Server Error error="tls: failed to verify certificate: x509: certificate signed by unknown authority"`,
	} {
		for _, f := range Explain(line).Findings {
			if strings.Contains(f.Explanation, "public service") {
				t.Errorf("%s: told as a public service's certificate", line)
			}
		}
	}
}

// TestGoClientNotYetValid: Go's "current time ... is before ..." from a
// client is the client's clock (or a certificate starting in the future),
// not a certificate to renew; "is after" is an expired one.
func TestGoClientNotYetValid(t *testing.T) {
	before := `nats: error: setup failed: x509: certificate has expired or is not yet valid: current time 2015-08-01T12:37:28Z is before 2023-01-01T00:00:00Z`
	if f := Explain(before).Findings; len(f) == 0 || f[0].Role != "client" || !strings.Contains(f[0].Title, "clock") || !strings.Contains(f[0].Fix, "timedatectl") {
		t.Errorf("%s: not told as the client's clock: %v", before, f)
	}
	after := strings.Replace(before, "2015-08-01T12:37:28Z is before", "2024-08-01T12:37:28Z is after", 1)
	if f := Explain(after).Findings; len(f) == 0 || strings.Contains(f[0].Title, "not yet valid: its own clock") {
		t.Errorf("%s: an expired certificate told as a clock behind: %v", after, f)
	}
}
