package checks

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/mtlsdoctor/mtlsdoctor/catalogue"
	"github.com/mtlsdoctor/mtlsdoctor/finding"
	"github.com/mtlsdoctor/mtlsdoctor/internal/servertest"
	"github.com/mtlsdoctor/mtlsdoctor/logparse"
)

// TestExplainRealGnuTLSClients: what real GnuTLS clients (gnutls-cli, and
// git on libcurl-gnutls) print about a server certificate that is wrong
// in one way each, served by a real openssl s_server, or about a port that
// answers in plain HTTP (a real Go HTTP server), is told from the client's
// side as that fault, by its own entry: gnutls-cli's `- Status:` line (or
// its `*** Fatal error:` line when there is none), the whole output
// pasted, and git's `fatal:` line when git refuses too (libcurl on GnuTLS
// does not check the extendedKeyUsage, and names only some causes).
func TestExplainRealGnuTLSClients(t *testing.T) {
	t.Parallel()
	clients := gnutlsClients(t)
	for _, tc := range []struct {
		name        string
		cert, chain string
		ca          string
		extra       []string
		plain       bool
		id          finding.ID
		words       string
		gitID       finding.ID // zero: git accepts the server
	}{
		{"keyUsage of a CA", "serverchain/server-kucertsign", "serverchain/int.crt", "serverchain/ca.crt", nil, false,
			catalogue.WrongPurpose, "digitalSignature", catalogue.WrongPurpose},
		{"unknown critical extension", "serverchain/server-critext", "serverchain/int.crt", "serverchain/ca.crt", nil, false,
			catalogue.CriticalExtension, "critical", catalogue.ServerCertUntrusted},
		{"not yet valid", "serverchain/server-notyet", "serverchain/int.crt", "serverchain/ca.crt", nil, false,
			catalogue.NotYetValid, "clock", catalogue.ServerCertUntrusted},
		{"SHA-1 signature", "serverchain/server-sha1", "serverchain/int.crt", "serverchain/ca.crt", []string{"-cipher", "DEFAULT@SECLEVEL=0"}, false,
			catalogue.WeakSignature, "SHA-256", catalogue.ServerCertUntrusted},
		{"intermediate not a CA", "serverchain/server-via-notca", "serverchain/int-notca.crt", "serverchain/ca.crt", nil, false,
			catalogue.NotACA, "CA:TRUE", catalogue.ServerCertUntrusted},
		{"certificate not for servers", "purpose/server-clientauth", "", "purpose/ca.crt", nil, false,
			catalogue.WrongPurpose, "serverAuth", ""},
		{"plain HTTP on the port", "", "", "serverchain/ca.crt", nil, true,
			catalogue.HandshakeFailed, "plain HTTP", catalogue.HandshakeFailed},
	} {
		var addr string
		if tc.plain {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
			t.Cleanup(srv.Close)
			addr = strings.TrimPrefix(srv.URL, "http://")
		} else {
			args := append([]string{"-www", "-cert", probeFx(t, tc.cert+".crt"), "-key", probeFx(t, tc.cert+".key")}, tc.extra...)
			if tc.chain != "" {
				args = append(args, "-cert_chain", probeFx(t, tc.chain))
			}
			addr = servertest.SServer(t, args...)
		}
		sc := tlsScenario{ca: probeFx(t, tc.ca), host: "localhost"}
		for _, tls13 := range []bool{false, true} {
			at := tc.name + map[bool]string{false: ", TLS 1.2", true: ", TLS 1.3"}[tls13]
			out := clients["gnutls-cli"](sc, tls13, addr)
			line := ""
			for _, l := range strings.Split(out, "\n") {
				switch {
				case strings.HasPrefix(l, "- Status: The certificate is NOT trusted"):
					line = l
				case line == "" && strings.HasPrefix(l, "*** Fatal error:"):
					line = l
				}
			}
			if line == "" {
				t.Errorf("%s: gnutls-cli accepted the server:\n%s", at, out)
				continue
			}
			checkGnuTLSLine(t, at+", gnutls-cli", line, tc.id, tc.words)
			checkGnuTLSLine(t, at+", gnutls-cli's whole output", out, tc.id, tc.words)

			out = clients["git"](sc, tls13, addr)
			line = pastedLine("git", out)
			if tc.gitID == "" {
				if strings.Contains(line, "unable to access") {
					t.Errorf("%s: git refused the server, which libcurl on GnuTLS accepted before: %q", at, line)
				}
				continue
			}
			if !strings.Contains(line, "unable to access") {
				t.Errorf("%s: git accepted the server: %q", at, line)
				continue
			}
			words := tc.words
			if tc.gitID != tc.id {
				words = "" // git's line does not name this cause
			}
			checkGnuTLSLine(t, at+", git", line, tc.gitID, words)
		}
	}
}

// checkGnuTLSLine checks that explain tells a GnuTLS client's line as the
// client's, by the entry of its cause (never the generic gnutls-error),
// with words in its title, explanation or fix.
func checkGnuTLSLine(t *testing.T, at, line string, id finding.ID, words string) {
	t.Helper()
	f, ok := firstFinding(t, at, line)
	if !ok {
		return
	}
	t.Logf("%s: %q -> %s %q", at, line, f.ID.Name(), f.Title)
	text := f.Title + "\n" + f.Explanation + "\n" + f.Fix
	if f.ID != id || f.Role != logparse.RoleClient || !strings.Contains(text, words) {
		t.Errorf("%s: %q:\n got %s (%s) %q\n%s\n%s\nwant %s, client, with %q", at, line, f.ID.Name(), f.Role, f.Title, f.Explanation, f.Fix, id.Name(), words)
	}
}
