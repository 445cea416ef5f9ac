package probe

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

// Failure kinds: why a target could not be probed at all.
const (
	ConnectFailed = "connect-failed" // refused, unreachable, DNS failure
	TimedOut      = "timeout"        // no answer within the timeout
	NotTLS        = "not-tls"        // something answered, but not TLS
	BadTarget     = "bad-target"     // the target string did not parse
	Interrupted   = "interrupted"    // the run ended (Ctrl-C) before the probe did
)

// Outcomes of one attempt.
const (
	Accepted            = "accepted"              // the request was served
	RejectedInHandshake = "rejected-in-handshake" // a TLS alert ended the connection
	RejectedByHTTP      = "rejected-by-http"      // an HTTP 400 (495/496/497), 401 or 403
	NoResponse          = "no-response"           // handshake done, but no HTTP answer
)

// Attempt is one connection plus one HTTP request.
type Attempt struct {
	// Handshake is "ok" or the error that ended the handshake (in TLS 1.3
	// a server's alert arrives only on the first read and counts here too).
	Handshake string `json:"handshake"`
	// CertSent is true when the client presented a certificate.
	CertSent bool `json:"cert_sent"`
	// HTTPStatus is the status line's code (0: no response).
	HTTPStatus int `json:"http_status"`
	// Outcome is Accepted, RejectedInHandshake, RejectedByHTTP or NoResponse.
	Outcome string `json:"outcome"`
	// NginxStatus is 495, 496 or 497 when the body is nginx's stock page
	// for it, else 0.
	NginxStatus int `json:"nginx_status,omitempty"`
	// Error is what went wrong after the handshake (writing the request or
	// reading the response), if anything.
	Error string `json:"error,omitempty"`
	// Server is the response's Server header, if any.
	Server string `json:"server,omitempty"`
	// NotHTTP is true when the server answered the request with something
	// that is not HTTP; Banner is the first line of it.
	NotHTTP bool   `json:"not_http,omitempty"`
	Banner  string `json:"banner,omitempty"`
	// ClientLimit names what the server asked for that this probe's TLS
	// stack cannot do (see ClientLimitOf); the attempt then proves nothing
	// about the server.
	ClientLimit string `json:"client_limit,omitempty"`
	// Renegotiated is true when the server asked for the certificate in a
	// renegotiation after the handshake (TLS 1.2).
	Renegotiated bool `json:"renegotiated,omitempty"`
	// Silent is true when the handshake completed and nothing came back
	// before the deadline.
	Silent bool `json:"-"`
	header http.Header
	// Body is the start of the response body (at most MaxBody bytes).
	Body []byte `json:"-"`
}

// Served reports whether the server answered the request with 2xx or 3xx.
func (a *Attempt) Served() bool {
	return a != nil && a.HTTPStatus >= 200 && a.HTTPStatus < 400
}

// String is how the attempt ended, in a few words: "HTTP 400, nginx 495",
// "HTTP 200", "refused in the handshake: <alert>", "no response: <error>"
// ("not tried" for nil). It is the one rendering of an attempt: reports
// print it (styled by the outcome) and findings quote it.
func (a *Attempt) String() string {
	switch {
	case a == nil:
		return "not tried"
	case a.NginxStatus != 0:
		return fmt.Sprintf("HTTP %d, nginx %d", a.HTTPStatus, a.NginxStatus)
	case a.HTTPStatus != 0:
		return fmt.Sprintf("HTTP %d", a.HTTPStatus)
	case a.NotHTTP:
		return fmt.Sprintf("not HTTP: %q", a.Banner)
	case a.ClientLimit != "":
		return "not tested: " + a.Handshake
	case a.Outcome == RejectedInHandshake:
		return "refused in the handshake: " + a.Handshake
	case a.Error != "":
		return "no response: " + a.Error
	case a.Outcome == NoResponse && a.Handshake != "ok" && a.Handshake != "":
		// A handshake that timed out.
		return "no response: " + a.Handshake
	}
	return a.Outcome
}

// NginxPage names nginx's stock page the answer was ("496 'No required SSL
// certificate was sent'"), or its HTTP status when it was none.
func (a *Attempt) NginxPage() string {
	if a.NginxStatus != 0 {
		return fmt.Sprintf("%d '%s'", a.NginxStatus, NginxStatusText(a.NginxStatus))
	}
	return fmt.Sprintf("HTTP %d", a.HTTPStatus)
}

// ServerCert holds the facts about the server's leaf certificate.
type ServerCert struct {
	Subject string `json:"subject"`
	Issuer  string `json:"issuer"`
	// NotBefore and NotAfter are in UTC.
	NotBefore time.Time `json:"not_before"`
	NotAfter  time.Time `json:"not_after"`
	// Expired and NotYetValid are judged at Options.Now.
	Expired     bool `json:"expired"`
	NotYetValid bool `json:"-"`
	// Name is the name checked (the SNI name or the host); NameOK is true
	// when the certificate covers it, else NameError says why not.
	Name      string `json:"name"`
	NameOK    bool   `json:"name_ok"`
	NameError string `json:"-"`
	// Trusted is true when the chain verifies against the roots at
	// Options.Now, the leaf's own dates aside (those are Expired and
	// NotYetValid); a CA out of its dates makes it untrusted.
	Trusted bool `json:"trusted"`
	// TrustError is why it does not.
	TrustError string `json:"trust_error,omitempty"`
	// TrustCause is why in terms a user can act on (the Cause constants,
	// "" for any other reason); TrustDetail the certificate, issuer or
	// product it names; TrustIssuerURL where a missing issuer's
	// certificate is published (incomplete-chain).
	TrustCause     string `json:"trust_cause,omitempty"`
	TrustDetail    string `json:"-"`
	TrustIssuerURL string `json:"-"`
	// TrustedBy names the roots: "system roots" or Options.RootsName.
	TrustedBy string `json:"trusted_by"`
}

// ClientCertInfo describes the certificate given in Options.ClientCert as
// the server's CertificateRequest saw it.
type ClientCertInfo struct {
	Subject, Issuer string
	// IssuerAcceptable is true when some certificate in the chain has an
	// issuer among the server's acceptable CA names (or the server named none).
	IssuerAcceptable bool
	// GoWouldSend is true when Go's default selection (and browsers')
	// would send this certificate to this server.
	GoWouldSend bool
}

// Version is whether one TLS version was accepted.
type Version struct {
	Name     string // "TLS 1.0" ... "TLS 1.3"
	Accepted bool
	Error    string // the handshake error when not accepted (or when the server
	// spoke the version and then refused the client)
}

// Versions lists TLS versions in order. In JSON it is an object from each
// name to whether it was accepted: {"TLS 1.0": false, ...}.
type Versions []Version

// MarshalJSON writes the versions as an object of names.
func (vs Versions) MarshalJSON() ([]byte, error) {
	m := make(map[string]bool, len(vs))
	for _, v := range vs {
		m[v.Name] = v.Accepted
	}
	return marshal(m)
}

// Names are distinguished names (RFC 4514). In JSON they are a list,
// empty rather than null when there are none.
type Names []string

// MarshalJSON writes the names as a list.
func (n Names) MarshalJSON() ([]byte, error) {
	if n == nil {
		return []byte("[]"), nil
	}
	return marshal([]string(n))
}

// marshal is json.Marshal without escaping <, > and &: the encoder that
// calls a MarshalJSON escapes its output or not, as it was told.
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// Result is everything one probe found out. Its JSON is the report of one
// target (with the findings next to it).
type Result struct {
	// Input is the target as given.
	Input string `json:"target"`
	// Target is Input parsed; in JSON its address (zero for a bad target).
	Target Target `json:"address,omitzero"`
	// ServerName is the name the server certificate is checked for; it is
	// also sent as SNI when SNI is true (not for an IP address).
	ServerName string `json:"server_name,omitempty"`
	SNI        bool   `json:"-"`
	Path       string `json:"path,omitempty"`
	// Failure is "" when the endpoint spoke TLS, else one of the failure kinds.
	Failure string `json:"-"`
	// Error is the error behind Failure.
	Error string `json:"-"`
	// Reason is Failure and Error in one line, as reports show them
	// ("connect-failed: dial tcp ...: connection refused"; for a bad
	// target the error alone); empty when the endpoint spoke TLS.
	Reason string `json:"error,omitempty"`
	// TLSVersion and Cipher are those of the first completed handshake.
	TLSVersion string `json:"tls_version,omitempty"`
	Cipher     string `json:"cipher,omitempty"`
	// ServerChain lists the subjects of the certificates the server sent, leaf first.
	ServerChain Names `json:"server_chain"`
	// Server holds the facts about the leaf; nil when none was received.
	Server *ServerCert `json:"server_cert,omitempty"`
	// ClientCertRequested is true when the server sent a CertificateRequest.
	ClientCertRequested bool `json:"client_cert_requested"`
	// AcceptableCAs are the CA names in the CertificateRequest (RFC 4514).
	AcceptableCAs Names `json:"acceptable_cas"`
	// ClientSigAlgs are the signature algorithms the CertificateRequest
	// allows for the client's certificate.
	ClientSigAlgs []string `json:"-"`
	// CertRequestedAfterHandshake is true when the CertificateRequest came
	// in a renegotiation (TLS 1.2), after the request was sent.
	CertRequestedAfterHandshake bool `json:"cert_requested_after_handshake,omitempty"`
	// PostHandshakeAuth is true when a TLS 1.3 server refused every
	// request with 403 without asking for a certificate in the handshake:
	// it may ask after it, which Go's client cannot answer. RetriedTLS12
	// is true when the attempts were then made again over TLS 1.2 and the
	// server asked there; the attempts are those.
	PostHandshakeAuth bool `json:"post_handshake_auth,omitempty"`
	RetriedTLS12      bool `json:"retried_tls12,omitempty"`
	// ServerSoftware is what answered, when the evidence shows it: nginx,
	// apache, haproxy, go or unknown (see Identify).
	ServerSoftware string `json:"server_software,omitempty"`
	// ClientCert is set when Options.ClientCert was given and the server
	// asked for a certificate.
	ClientCert *ClientCertInfo `json:"-"`
	// The three attempts; WithClientCert only when a certificate was given.
	WithoutClientCert *Attempt `json:"without_client_cert,omitempty"`
	WithClientCert    *Attempt `json:"with_client_cert,omitempty"`
	WithUntrustedCert *Attempt `json:"with_untrusted_cert,omitempty"`
	// Versions lists TLS 1.0 to 1.3 in order.
	Versions Versions `json:"versions,omitempty"`
}

// fail records why the target could not be probed.
func (r *Result) fail(kind string, err error) {
	r.Failure, r.Error = kind, err.Error()
	r.Reason = kind + ": " + r.Error
	if kind == BadTarget {
		r.Reason = r.Error
	}
}

// VersionAccepted reports whether the named version ("TLS 1.1") was accepted.
func (r *Result) VersionAccepted(name string) bool {
	for _, v := range r.Versions {
		if v.Name == name {
			return v.Accepted
		}
	}
	return false
}
