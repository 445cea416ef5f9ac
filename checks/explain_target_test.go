package checks

import "testing"

// TestLineTarget: the server a line names is the host of the URL it was
// fetching, not of a documentation or issue link printed beside the error,
// and a redacted or bare name gives none.
func TestLineTarget(t *testing.T) {
	for line, want := range map[string]string{
		"fatal: unable to access 'https://git.example.org/team/repo.git/': SSL certificate problem: unable to get local issuer certificate": "git.example.org:443",
		"curl: (60) SSL certificate problem: self-signed certificate. More details here: https://curl.se/docs/sslcerts.html":                "",
		"panicked at 'rustls currently only handles hostname-based connections. See https://github.com/briansmith/webpki/issues/54'":        "",
		"see https://github.com/owner/repo/blob/main/README.md for x509: certificate signed by unknown authority":                           "",
		"Get \"https://api.example.com:8443/v1\": x509: certificate signed by unknown authority":                                            "api.example.com:8443",
		"Get \"https://xxx.xxx/v1\": x509: certificate signed by unknown authority":                                                         "",
	} {
		got, ok := lineTarget(line)
		if got != want || ok != (want != "") {
			t.Errorf("lineTarget(%q) = %q, %v; want %q", line, got, ok, want)
		}
	}
}
