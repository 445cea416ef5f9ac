package catalogue

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestEveryAppleErrorExplained: every code of the table, by its name and
// by its number in the form its domain prints it (an OSStatus, CFNetwork's
// stream error key, NSURLErrorDomain's and kCFErrorDomainCFNetwork's
// Code=), gets an entry that is not a catch-all.
func TestEveryAppleErrorExplained(t *testing.T) {
	if len(appleErrors) < 550 {
		t.Fatalf("%d Apple codes, want the whole of the headers' enums", len(appleErrors))
	}
	for _, e := range appleErrors {
		ins := []string{"Error: " + e.Name}
		switch {
		case e.Code == 0: // errSecSuccess
		case strings.HasPrefix(e.Name, "errSSL"):
			ins = append(ins, fmt.Sprintf("Error Domain=NSURLErrorDomain Code=-1200 UserInfo={_kCFStreamErrorCodeKey=%d, _kCFStreamErrorDomainKey=3}", e.Code),
				fmt.Sprintf("OSStatus %d", e.Code))
		case strings.HasPrefix(e.Name, "errSec"):
			ins = append(ins, fmt.Sprintf("Error Domain=NSOSStatusErrorDomain Code=%d \"%s\"", e.Code, e.Text), fmt.Sprintf("(OSStatus error %d.)", e.Code))
		case strings.HasPrefix(e.Name, "NSURLError"):
			ins = append(ins, fmt.Sprintf("Error Domain=NSURLErrorDomain Code=%d \"(null)\"", e.Code))
		default:
			ins = append(ins, fmt.Sprintf("Error Domain=kCFErrorDomainCFNetwork Code=%d \"(null)\"", e.Code))
		}
		for _, in := range ins {
			explainedFirst(t, e.Name, in)
		}
	}
}

// TestAppleLookup: names, numbers and words as Apple's programs print
// them, the most telling code first, and a received alert as that alert.
func TestAppleLookup(t *testing.T) {
	for in, want := range map[string]string{
		"task <1> http load failed, 0/0 bytes (error code: -1200 [3:-9816])":                                      "errSSLClosedNoNotify",
		"error domain=nsurlerrordomain code=-1200 \"an ssl error has occurred\"":                                  "NSURLErrorSecureConnectionFailed",
		"error domain=kcferrordomaincfnetwork code=-1200 \"(null)\"":                                              "kCFURLErrorSecureConnectionFailed",
		"error domain=kcferrordomaincfnetwork code=310 \"(null)\"":                                                "kCFErrorHTTPSProxyConnectionFailure",
		"the operation couldn’t be completed. (nsurlerrordomain error -1012.)":                                    "NSURLErrorUserCancelledAuthentication",
		"urlerror(_nserror: x) urlerror.code.servercertificatehasunknownroot":                                     "NSURLErrorServerCertificateHasUnknownRoot",
		"error: urlerror(.timedout)":                                                                              "NSURLErrorTimedOut",
		"sslhandshake failed (-9836)":                                                                             "errSSLPeerProtocolVersion",
		"curl: (35) unknown ssl protocol error in connection to example.com:-9838":                                "errSSLPeerInternalError",
		"connection 1: failed to connect 3:-9838, reason -1":                                                      "errSSLPeerInternalError",
		"secpkcs12import: osstatus -26275":                                                                        "errSecDecode",
		"mac verification failed during pkcs12 import (wrong password?)":                                          "errSecPkcs12VerifyFailure",
		"the validity period in the certificate exceeds the maximum allowed.":                                     "errSecCertificateValidityPeriodTooLong",
		"x509: sectrustcreatewithcertificates error: -50":                                                         "errSecParam",
		"errsslserverauthcompleted":                                                                               "errSSLServerAuthCompleted",
		"error domain=nsosstatuserrordomain code=-9829 \"(null)\" userinfo={nsunderlyingerror=errsslpeerbadcert}": "errSSLPeerBadCert",
	} {
		es := findApple(in)
		if len(es) == 0 || es[0].Name != want {
			t.Errorf("%q: got %v, want %s first", in, es, want)
		}
	}
	e, _ := appleByName("errsslpeercertunknown")
	if en := appleEntry([]AppleError{e}, ""); !strings.Contains(en.Explanation, "certificate_unknown") {
		t.Errorf("errSSLPeerCertUnknown not told as alert 46: %s", en.Explanation)
	}
	e, _ = appleByName("errsslclosedabort")
	if en := appleEntry([]AppleError{e}, "_kcfstreampropertysslclientcertificatestate=0"); !strings.Contains(en.Explanation, "sent no client certificate") {
		t.Errorf("state 0 not told: %s", en.Explanation)
	}
	// NSURLError's numbers are Apple's (CFNetwork's), not
	// swift-corelibs-foundation's NSURLError.swift's, which are one off.
	for name, code := range map[string]int{"nsurlerrorsecureconnectionfailed": -1200, "nsurlerrorclientcertificaterequired": -1206, "nsurlerrorservercertificateuntrusted": -1202} {
		if e, ok := appleByName(name); !ok || e.Code != code {
			t.Errorf("%s: %v, want %d", name, e, code)
		}
	}
}

// TestAppleOddInput: numbers without Apple's words around them, numbers
// inside longer ones, and names the table lacks are no Apple code.
func TestAppleOddInput(t *testing.T) {
	for _, in := range []string{"exit code -9813", "error -9807", "osstatus -98133", "osstatus -123456", "errsslnotarealname", "nsurlerrordomain",
		"error domain=nsurlerrordomain code=-99999", "_kcfstreamerrorcodekey=-2102", "port 3:-98061", "nsurlerrorfailingurlpeertrusterrorkey"} {
		if es := findApple(in); len(es) > 0 {
			t.Errorf("%q taken as %s", in, es[0].Name)
		}
	}
}

// TestAppleStories: the lines of mutual TLS on Apple's stack reach their
// own stories.
func TestAppleStories(t *testing.T) {
	for in, want := range map[string]string{
		`Error Domain=NSURLErrorDomain Code=-1200 "An SSL error has occurred and a secure connection to the server cannot be made." UserInfo={_kCFStreamPropertySSLClientCertificateState=0, _kCFNetworkCFStreamSSLErrorOriginalValue=-9806, _kCFStreamErrorDomainKey=3, _kCFStreamErrorCodeKey=-9806}`: "no-client-cert",
		`Error Domain=NSURLErrorDomain Code=-1206 "The server “api.example.com” requires a client certificate."`:                                                                                                                       "no-client-cert",
		`Error Domain=NSURLErrorDomain Code=-1200 UserInfo={_kCFStreamPropertySSLClientCertificateState=2, _kCFStreamErrorCodeKey=-9829, _kCFStreamErrorDomainKey=3}`:                                                                  "client-cert-rejected",
		`Error Domain=NSURLErrorDomain Code=-1202 "The certificate for this server is invalid. You might be connecting to a server that is pretending to be “api.example.com” which could put your confidential information at risk."`: "server-cert-untrusted",
		`Error Domain=NSURLErrorDomain Code=-1202 UserInfo={_kCFStreamErrorCodeKey=-9843, _kCFStreamErrorDomainKey=3}`:                                                                                                                 "server-hostname-mismatch",
		`Error Domain=NSURLErrorDomain Code=-1201 UserInfo={_kCFStreamErrorCodeKey=-9814, _kCFStreamErrorDomainKey=3}`:                                                                                                                 "server-cert-expired",
		`Error Domain=NSOSStatusErrorDomain Code=-67901 "“host” certificate is not standards compliant"`:                                                                                                                               "server-cert-untrusted",
		`Error Domain=NSURLErrorDomain Code=-1022 "The resource could not be loaded because the App Transport Security policy requires the use of a secure connection."`:                                                               "plain-http",
		`NSURLSession/NSURLConnection HTTP load failed (kCFStreamErrorDomainSSL, -9802)`:                                                                                                                                               "handshake-failed",
		`Task <A>.<1> HTTP load failed, 0/0 bytes (error code: -1200 [3:-9836])`:                                                                                                                                                       "handshake-failed",
		`SecPKCS12Import failed: OSStatus -25264`: "key-locked",
		`boringssl_context_handle_fatal_alert(1991) [C1:1][0x7f9b8c40a5e0] write alert, level: fatal, description: certificate unknown`:                                                                                                                             "server-cert-untrusted",
		`boringssl_context_handle_fatal_alert(2072) [C3.1:2][0x10521f300] read alert, level: fatal, description: bad certificate`:                                                                                                                                   "client-cert-rejected",
		`Error Domain=NSURLErrorDomain Code=-1202 "The certificate for this server is invalid." UserInfo={_kCFStreamPropertySSLClientCertificateState=0, _kCFNetworkCFStreamSSLErrorOriginalValue=-9813, _kCFStreamErrorDomainKey=3, _kCFStreamErrorCodeKey=-9813}`: "server-cert-untrusted",
		`Task <B>.<1> HTTP load failed, 0/0 bytes (error code: -1200 [3:-9836]) _kCFStreamPropertySSLClientCertificateState=0`:                                                                                                                                      "handshake-failed",
		`Safari can’t open the page “https://a.example/” because Safari can’t establish a secure connection to the server “a.example”.`:                                                                                                                             "handshake-failed",
		`Safari can’t verify the identity of the website “a.example”.`:                                                                                                                                                                                              "server-cert-untrusted",
		`SecTrustEvaluate  [leaf IssuerCommonName SubjectCommonName]`:                                                                                                                                                                                               "server-cert-untrusted",
		`Trust evaluate failure: [leaf TemporalValidity]`:                                                                                                                                                                                                           "server-cert-expired",
		`Trust evaluate failure: [leaf ValidityPeriodMaximums]`:                                                                                                                                                                                                     "server-cert-untrusted",
		`Error Domain=NSOSStatusErrorDomain Code=-67602 "“10.0.0.5” certificate name does not match input"`:                                                                                                                                                         "server-hostname-mismatch",
		`Certificate 0 “api.example.com” has errors: Unable to build chain to root (possible missing intermediate);`:                                                                                                                                                "server-cert-untrusted",
	} {
		_, entries := Lookup(in)
		if len(entries) == 0 || entries[0].ID.Name() != want {
			got := "nothing"
			if len(entries) > 0 {
				got = entries[0].ID.Name() + ": " + entries[0].Title
			}
			t.Errorf("%q: %s, want %s", in, got, want)
		}
	}
}

// TestAppleTableMatchesGoToolchain: the Go toolchain here carries the
// errSec codes its darwin verifier reads (crypto/x509/internal/macos),
// copied from Apple's SecBase.h; they are the table's. No Apple system
// runs here, so this and the headers are the evidence.
func TestAppleTableMatchesGoToolchain(t *testing.T) {
	out, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(out)), "src/crypto/x509/internal/macos/security.go"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, m := range regexp.MustCompile(`\bErrSec(\w+)\s*=\s*(-\d+)`).FindAllStringSubmatch(string(src), -1) {
		n++
		e, ok := appleByName("errsec" + strings.ToLower(m[1]))
		if !ok || fmt.Sprint(e.Code) != m[2] {
			t.Errorf("Go's ErrSec%s = %s, the table %v", m[1], m[2], e)
		}
	}
	if n < 3 {
		t.Errorf("only %d errSec codes in Go's crypto/x509/internal/macos", n)
	}
}

// TestAppleTrustChecks: every check of SecPolicyChecks.list, named in
// SecTrust's log, leads to the errSec code it fails with, and its words in
// a trust error do too.
func TestAppleTrustChecks(t *testing.T) {
	if len(appleTrustChecks) < 70 {
		t.Fatalf("%d trust checks, want SecPolicyChecks.list's", len(appleTrustChecks))
	}
	for _, c := range appleTrustChecks {
		es := findApple(strings.ToLower("Trust evaluate failure: [leaf " + c.Name + "]"))
		if len(es) == 0 || es[0].Name != c.Status {
			t.Errorf("check %s: got %v, want %s", c.Name, es, c.Status)
		}
	}
	es := findApple(strings.ToLower("Certificate 0 “host” has errors: SSL hostname does not match name(s) in certificate;"))
	if len(es) == 0 || es[0].Name != "errSecHostNameMismatch" {
		t.Errorf("SSLHostname's words: got %v", es)
	}
	if es := findApple("[leaf temporalvalidity]"); len(es) > 0 {
		t.Errorf("a check name without SecTrust's words around it taken as %s", es[0].Name)
	}
}
