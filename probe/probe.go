// Package probe talks to a live TLS endpoint the way a client would and
// returns what it saw as plain values: the negotiated version and cipher,
// the server's chain and whether it is trusted, whether the server asked
// for a client certificate and with which CA names, how the server answered
// a request without a certificate, with the user's certificate and with a
// throwaway self-signed one, and which TLS versions it accepts.
//
// It is its own package because it is the only part of mtlsdoctor that
// opens network connections; checks/ turns its Result into findings and
// nothing here prints. Every connection is bounded by Options.Timeout.
//
// nginx never refuses a client certificate inside the TLS handshake: it
// finishes the handshake and answers the first request with a 400 page
// (495, 496 or 497 internally). So every attempt sends a real HTTP request
// and reads the answer. Like curl, and unlike Go's default client, the probe
// always presents the certificate it was given, whatever CA names the server
// advertised; whether Go would have sent it is recorded separately.
//
// A Result is also what reports show: its fields carry their JSON names,
// and an Attempt renders itself as text (Attempt.String).
//
// It imports nothing of mtlsdoctor's.
package probe

import (
	"bufio"
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
)

// MaxBody is how much of a response body the probe reads.
const MaxBody = 64 << 10

// DefaultTimeout bounds each connection when Options.Timeout is zero.
const DefaultTimeout = 5 * time.Second

// Options are the settings of one probe.
type Options struct {
	// ClientCert is the identity to present in the with_client_cert
	// attempt; nil skips that attempt.
	ClientCert *tls.Certificate
	// RootCAs is the trust for the server's chain; nil means the system roots.
	RootCAs *x509.CertPool
	// RootsName is what reports call RootCAs (ServerCert.TrustedBy), e.g.
	// the CA files they were read from; empty means "the given CAs".
	RootsName string
	// ServerName is the SNI name and the name the server certificate is
	// checked for; empty means the target's host.
	ServerName string
	// Path is the path of the HTTP request when the target is not a URL
	// with a path; empty means "/".
	Path string
	// Timeout bounds each connection: dial, handshake, request and
	// response together. Zero means DefaultTimeout.
	Timeout time.Duration
	// Now is the instant validity is judged at; zero means time.Now().
	Now time.Time
}

// Failure kinds: why a target could not be probed at all.
const (
	ConnectFailed = "connect-failed" // refused, unreachable, DNS failure
	TimedOut      = "timeout"        // no answer within the timeout
	NotTLS        = "not-tls"        // something answered, but not TLS
	BadTarget     = "bad-target"     // the target string did not parse
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
	// Trusted is true when the chain verifies against the roots (validity
	// dates aside: those are Expired and NotYetValid).
	Trusted bool `json:"trusted"`
	// TrustError is why it does not.
	TrustError string `json:"trust_error,omitempty"`
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
	Error    string // the handshake error when not accepted
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
	// ServerName is the SNI name sent; Path the request path.
	ServerName string `json:"server_name,omitempty"`
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

// ProbeAll probes every target, at most parallel at a time (0: 8), and
// returns the results in the order of targets.
func ProbeAll(ctx context.Context, targets []string, opts Options, parallel int) []Result {
	if parallel <= 0 {
		parallel = 8
	}
	out := make([]Result, len(targets))
	sem := make(chan struct{}, parallel)
	var wg sync.WaitGroup
	for i, t := range targets {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			out[i] = Probe(ctx, t, opts)
		}()
	}
	wg.Wait()
	return out
}

// Probe examines one target: "host", "host:port", "[v6]:port" or
// "https://host[:port]/path".
func Probe(ctx context.Context, target string, opts Options) Result {
	r := Result{Input: target}
	t, err := ParseTarget(target)
	if err != nil {
		r.fail(BadTarget, err)
		return r
	}
	r.Target = t
	if opts.Timeout <= 0 {
		opts.Timeout = DefaultTimeout
	}
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	r.ServerName = opts.ServerName
	if r.ServerName == "" {
		r.ServerName = t.Host
	}
	r.Path = t.Path
	if r.Path == "" {
		r.Path = opts.Path
	}
	if r.Path == "" {
		r.Path = "/"
	}
	p := &prober{opts: opts, res: &r}

	// The first attempt also tells whether there is a TLS server at all.
	first := p.connect(ctx, spec{http: true})
	if first.failure != "" {
		r.fail(first.failure, first.err)
		return r
	}
	r.WithoutClientCert = first.attempt
	p.absorb(first)

	var wg sync.WaitGroup
	var mu sync.Mutex
	run := func(s spec, done func(conn)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := p.connect(ctx, s)
			mu.Lock()
			defer mu.Unlock()
			p.absorb(c)
			done(c)
		}()
	}
	if opts.ClientCert != nil {
		run(spec{http: true, cert: opts.ClientCert, judge: true}, func(c conn) { r.WithClientCert = c.attemptOrFailure() })
	}
	if u, err := untrustedCert(); err == nil {
		run(spec{http: true, cert: u}, func(c conn) { r.WithUntrustedCert = c.attemptOrFailure() })
	}
	versions := []uint16{tls.VersionTLS10, tls.VersionTLS11, tls.VersionTLS12, tls.VersionTLS13}
	r.Versions = make([]Version, len(versions))
	for i, v := range versions {
		r.Versions[i].Name = tls.VersionName(v)
		run(spec{version: v}, func(c conn) {
			r.Versions[i].Accepted = c.handshakeErr == nil && c.failure == ""
			if !r.Versions[i].Accepted {
				r.Versions[i].Error = c.errText()
			}
		})
	}
	wg.Wait()
	return r
}

type prober struct {
	opts Options
	res  *Result
}

// spec says what one connection does.
type spec struct {
	version uint16           // if set, the only version offered (handshake only)
	http    bool             // send a request and read the answer
	cert    *tls.Certificate // presented whenever asked (nil: an empty Certificate)
	judge   bool             // record how the CertificateRequest sees cert
}

// conn is what one connection saw.
type conn struct {
	failure      string // connection-level failure kind
	err          error  // dial or handshake error
	handshakeErr error
	state        *tls.ConnectionState
	peer         []*x509.Certificate
	requested    bool
	acceptable   [][]byte
	info         *ClientCertInfo
	attempt      *Attempt
}

func (c conn) errText() string {
	if c.err != nil {
		return c.err.Error()
	}
	if c.handshakeErr != nil {
		return c.handshakeErr.Error()
	}
	return ""
}

// attemptOrFailure is the attempt, or one describing why the connection
// never got that far (a later connection can fail where the first did not).
func (c conn) attemptOrFailure() *Attempt {
	if c.attempt != nil {
		return c.attempt
	}
	return &Attempt{Handshake: c.errText(), Outcome: NoResponse, Error: c.errText()}
}

// absorb copies the facts a connection learnt into the result, first
// come first served.
func (p *prober) absorb(c conn) {
	r := p.res
	if c.requested && !r.ClientCertRequested {
		r.ClientCertRequested = true
		r.AcceptableCAs = Names{}
		for _, der := range c.acceptable {
			r.AcceptableCAs = append(r.AcceptableCAs, dnString(der))
		}
	}
	if c.info != nil && r.ClientCert == nil {
		r.ClientCert = c.info
	}
	if len(c.peer) > 0 && r.Server == nil {
		for _, pc := range c.peer {
			r.ServerChain = append(r.ServerChain, pc.Subject.String())
		}
		r.Server = p.judgeServer(c.peer)
	}
	if c.state != nil && r.TLSVersion == "" && c.state.HandshakeComplete {
		r.TLSVersion = tls.VersionName(c.state.Version)
		r.Cipher = tls.CipherSuiteName(c.state.CipherSuite)
	}
}

func (p *prober) connect(ctx context.Context, s spec) conn {
	var c conn
	deadline := time.Now().Add(p.opts.Timeout)
	dctx, cancel := context.WithDeadline(ctx, deadline)
	defer cancel()
	var d net.Dialer
	raw, err := d.DialContext(dctx, "tcp", p.res.Target.Addr())
	if err != nil {
		c.err = err
		if isTimeout(err) {
			c.failure = TimedOut
			c.err = fmt.Errorf("no connection within %v (%v)", p.opts.Timeout, err)
		} else {
			c.failure = ConnectFailed
		}
		return c
	}
	defer raw.Close()
	_ = raw.SetDeadline(deadline)
	stop := context.AfterFunc(dctx, func() { _ = raw.SetDeadline(time.Unix(1, 0)) })
	defer stop()

	cfg := &tls.Config{
		// The server's chain is judged afterwards (judgeServer): an
		// untrusted chain is a finding, not a reason to stop.
		InsecureSkipVerify: true,
		MinVersion:         tls.VersionTLS10,
		MaxVersion:         tls.VersionTLS13,
		VerifyPeerCertificate: func(rawCerts [][]byte, _ [][]*x509.Certificate) error {
			for _, der := range rawCerts {
				if pc, err := x509.ParseCertificate(der); err == nil {
					c.peer = append(c.peer, pc)
				}
			}
			return nil
		},
		GetClientCertificate: func(cri *tls.CertificateRequestInfo) (*tls.Certificate, error) {
			c.requested = true
			for _, ca := range cri.AcceptableCAs {
				c.acceptable = append(c.acceptable, append([]byte(nil), ca...))
			}
			if s.cert == nil {
				return &tls.Certificate{}, nil
			}
			if s.judge {
				c.info = clientCertInfo(s.cert, cri)
			}
			if c.attempt != nil {
				c.attempt.CertSent = len(s.cert.Certificate) > 0
			}
			// Like curl: present it whatever the server's CA names say.
			return s.cert, nil
		},
	}
	if net.ParseIP(p.res.ServerName) == nil {
		cfg.ServerName = p.res.ServerName
	}
	if s.version != 0 {
		cfg.MinVersion, cfg.MaxVersion = s.version, s.version
	}
	if s.http {
		c.attempt = &Attempt{}
	}
	tc := tls.Client(raw, cfg)
	herr := tc.HandshakeContext(dctx)
	st := tc.ConnectionState()
	c.state = &st
	if herr != nil {
		c.handshakeErr = herr
		switch {
		case isTimeout(herr) || dctx.Err() != nil:
			c.failure, c.err = TimedOut, fmt.Errorf("no TLS handshake within %v", p.opts.Timeout)
		case isRecordHeader(herr):
			c.failure, c.err = NotTLS, fmt.Errorf("the server did not answer with TLS (%v)", herr)
		}
		if c.attempt != nil {
			c.attempt.Handshake = herr.Error()
			c.attempt.Outcome = RejectedInHandshake
			if c.failure == TimedOut {
				c.attempt.Handshake = c.err.Error()
				c.attempt.Outcome = NoResponse
			}
		}
		return c
	}
	if !s.http {
		return c
	}
	a := c.attempt
	a.Handshake = "ok"
	p.request(tc, a)
	if a.HTTPStatus == 0 && a.Error != "" && dctx.Err() != nil {
		a.Error = fmt.Sprintf("no HTTP response within %v", p.opts.Timeout)
	}
	return c
}

// request sends one GET and reads the answer into a.
func (p *prober) request(tc *tls.Conn, a *Attempt) {
	host := p.res.ServerName
	if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	if p.res.Target.Port != 443 {
		host += ":" + strconv.Itoa(p.res.Target.Port)
	}
	req := "GET " + p.res.Path + " HTTP/1.1\r\nHost: " + host +
		"\r\nUser-Agent: mtlsdoctor-probe\r\nAccept: */*\r\nConnection: close\r\n\r\n"
	if _, err := io.WriteString(tc, req); err != nil {
		p.afterHandshakeError(a, err)
		return
	}
	br := bufio.NewReader(io.LimitReader(tc, MaxBody+16<<10))
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		p.afterHandshakeError(a, err)
		return
	}
	defer resp.Body.Close()
	a.HTTPStatus = resp.StatusCode
	body, err := io.ReadAll(io.LimitReader(resp.Body, MaxBody))
	a.Body = body
	if err != nil && len(body) == 0 && !errors.Is(err, io.ErrUnexpectedEOF) {
		a.Error = err.Error()
	}
	a.NginxStatus = ClassifyBody(a.HTTPStatus, body)
	switch {
	case a.NginxStatus != 0, a.HTTPStatus == 400, a.HTTPStatus == 401, a.HTTPStatus == 403:
		a.Outcome = RejectedByHTTP
	default:
		a.Outcome = Accepted
	}
}

// afterHandshakeError records a failure after a completed handshake. A TLS
// alert here is the server refusing the client in the handshake: in TLS
// 1.3 the client finishes first and hears about it on its first read.
func (p *prober) afterHandshakeError(a *Attempt, err error) {
	var ae tls.AlertError
	if errors.As(err, &ae) || strings.Contains(err.Error(), "remote error: tls:") {
		a.Handshake = err.Error()
		a.Outcome = RejectedInHandshake
		return
	}
	a.Error = err.Error()
	a.Outcome = NoResponse
}

// judgeServer checks the server's leaf for validity, name and trust.
func (p *prober) judgeServer(chain []*x509.Certificate) *ServerCert {
	leaf := chain[0]
	now := p.opts.Now
	sc := &ServerCert{
		Subject: leaf.Subject.String(), Issuer: leaf.Issuer.String(),
		NotBefore: leaf.NotBefore.UTC(), NotAfter: leaf.NotAfter.UTC(),
		Expired: now.After(leaf.NotAfter), NotYetValid: now.Before(leaf.NotBefore),
		Name:      p.res.ServerName,
		TrustedBy: p.opts.RootsName,
	}
	switch {
	case p.opts.RootCAs == nil:
		sc.TrustedBy = "system roots"
	case sc.TrustedBy == "":
		sc.TrustedBy = "the given CAs"
	}
	sc.NameOK = true
	if err := leaf.VerifyHostname(sc.Name); err != nil {
		sc.NameOK, sc.NameError = false, err.Error()
	}
	inter := x509.NewCertPool()
	for _, c := range chain[1:] {
		inter.AddCert(c)
	}
	at := now
	if sc.Expired || sc.NotYetValid {
		// Dates are reported on their own; judge the chain inside them.
		at = leaf.NotBefore.Add(leaf.NotAfter.Sub(leaf.NotBefore) / 2)
	}
	_, err := leaf.Verify(x509.VerifyOptions{
		Roots: p.opts.RootCAs, Intermediates: inter, CurrentTime: at,
		KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	})
	sc.Trusted = err == nil
	if err != nil {
		sc.TrustError = err.Error()
	}
	return sc
}

// clientCertInfo judges cert the way Go's default client selection does.
func clientCertInfo(cert *tls.Certificate, cri *tls.CertificateRequestInfo) *ClientCertInfo {
	info := &ClientCertInfo{GoWouldSend: cri.SupportsCertificate(cert) == nil}
	info.IssuerAcceptable = len(cri.AcceptableCAs) == 0
	for i, der := range cert.Certificate {
		x, err := x509.ParseCertificate(der)
		if err != nil {
			continue
		}
		if i == 0 {
			info.Subject, info.Issuer = x.Subject.String(), x.Issuer.String()
		}
		for _, ca := range cri.AcceptableCAs {
			if string(x.RawIssuer) == string(ca) {
				info.IssuerAcceptable = true
			}
		}
	}
	return info
}

// dnString renders a DER-encoded distinguished name as RFC 4514.
func dnString(der []byte) string {
	var seq pkix.RDNSequence
	if rest, err := asn1.Unmarshal(der, &seq); err != nil || len(rest) > 0 {
		return fmt.Sprintf("(unparsable name, %d bytes)", len(der))
	}
	var n pkix.Name
	n.FillFromRDNSequence(&seq)
	return n.String()
}

func isTimeout(err error) bool {
	if errors.Is(err, os.ErrDeadlineExceeded) || errors.Is(err, context.DeadlineExceeded) {
		return true
	}
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

func isRecordHeader(err error) bool {
	var rh tls.RecordHeaderError
	return errors.As(err, &rh)
}

var (
	untrustedOnce sync.Once
	untrusted     *tls.Certificate
	untrustedErr  error
)

// untrustedCert is a throwaway self-signed ECDSA client certificate made
// in memory: no server trusts it, so the answer to it tells
// "ssl_verify_client on" (495) from "optional_no_ca" (served).
func untrustedCert() (*tls.Certificate, error) {
	untrustedOnce.Do(func() {
		key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
		if err != nil {
			untrustedErr = err
			return
		}
		serial, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 63))
		if err != nil {
			untrustedErr = err
			return
		}
		now := time.Now()
		tmpl := &x509.Certificate{
			SerialNumber: serial,
			Subject:      pkix.Name{CommonName: "mtlsdoctor probe throwaway client (untrusted)"},
			NotBefore:    now.Add(-time.Hour),
			NotAfter:     now.Add(24 * time.Hour),
			KeyUsage:     x509.KeyUsageDigitalSignature,
			ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth},
		}
		der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
		if err != nil {
			untrustedErr = err
			return
		}
		leaf, err := x509.ParseCertificate(der)
		if err != nil {
			untrustedErr = err
			return
		}
		untrusted = &tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key, Leaf: leaf}
	})
	return untrusted, untrustedErr
}
