// Package probe talks to a live TLS endpoint the way a client would and
// returns what it saw as plain values: the negotiated version and cipher,
// the server's chain and whether it is trusted, whether the server asked
// for a client certificate and with which CA names, how the server answered
// a request without a certificate, with the user's certificate and with a
// throwaway self-signed one, and which TLS versions it accepts.
//
// It is its own package because it is the only part of mtlsdoctor that
// opens network connections; checks/ turns its Result into findings and
// nothing here prints. A target's connections all run at once, and
// Options.Timeout bounds the target as a whole.
//
// nginx never refuses a client certificate inside the TLS handshake: it
// finishes the handshake and answers the first request with a 400 page
// (495, 496 or 497 internally); other servers (Apache, HAProxy, Go,
// openssl s_server) refuse with an alert, or ask after the handshake. So
// every attempt sends a real HTTP request and reads the answer, and the
// result records what answered (Result.ServerSoftware), answers that are
// not HTTP, and where Go's TLS stack itself could not go on
// (Attempt.ClientLimit). Like curl, and unlike Go's default client, the probe
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

// DefaultTimeout bounds a target when Options.Timeout is zero.
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
	// Timeout bounds the target as a whole: every connection's dial,
	// handshake, request and response. Zero means DefaultTimeout.
	Timeout time.Duration
	// Now is the instant validity is judged at; zero means time.Now().
	Now time.Time
	// NoVersions skips the handshake of each TLS version. doctor reads
	// them from ssl_protocols instead: a refused old version makes nginx
	// log a handshake failure that the next run would read.
	NoVersions bool
}

// Job is one target and the options to probe it with.
type Job struct {
	Target  string
	Options Options
}

// Jobs are the targets, each with the same options.
func Jobs(targets []string, opts Options) []Job {
	jobs := make([]Job, len(targets))
	for i, t := range targets {
		jobs[i] = Job{Target: t, Options: opts}
	}
	return jobs
}

// ProbeAll probes every job, at most parallel at a time (0: 8), and
// returns the results in the order of jobs.
func ProbeAll(ctx context.Context, jobs []Job, parallel int) []Result {
	if parallel <= 0 {
		parallel = 8
	}
	out := make([]Result, len(jobs))
	sem := make(chan struct{}, parallel)
	var wg sync.WaitGroup
	for i, j := range jobs {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			out[i] = Probe(ctx, j.Target, j.Options)
		}()
	}
	wg.Wait()
	return out
}

// Probe examines one target: "host", "host:port", "[v6]:port" or
// "https://host[:port]/path". Every connection runs at once, under one
// deadline: Options.Timeout bounds the target as a whole.
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
	r.SNI = net.ParseIP(r.ServerName) == nil
	r.Path = t.Path
	if r.Path == "" {
		r.Path = opts.Path
	}
	if r.Path == "" {
		r.Path = "/"
	}
	p := &prober{opts: opts, res: &r}
	tctx, cancel := context.WithTimeout(ctx, opts.Timeout)
	defer cancel()

	specs := []spec{{http: true}}
	if opts.ClientCert != nil {
		specs = append(specs, spec{http: true, cert: opts.ClientCert, judge: true})
	}
	u, uerr := untrustedCert()
	if uerr == nil {
		specs = append(specs, spec{http: true, cert: u, untrusted: true})
	}
	versions := []uint16{tls.VersionTLS10, tls.VersionTLS11, tls.VersionTLS12, tls.VersionTLS13}
	if opts.NoVersions {
		versions = nil
	}
	for _, v := range versions {
		// With the user's certificate when there is one: a server that
		// requires a certificate ends a TLS 1.2 handshake without one.
		specs = append(specs, spec{version: v, cert: opts.ClientCert})
	}
	// A plain HTTP request to the TLS port: most servers answer it with
	// a stock page that names them, which tells what answered even when
	// every TLS attempt was refused. doctor leaves it out (nginx logs it).
	var plain *Attempt
	var plainDone chan struct{}
	if !opts.NoVersions {
		plainDone = make(chan struct{})
		go func() {
			defer close(plainDone)
			plain = p.plainHTTP(tctx)
		}()
	}
	conns := p.connectAll(tctx, specs)
	if plainDone != nil {
		<-plainDone
	}
	if ctx.Err() != nil {
		return interrupted(r)
	}

	// The first attempt tells whether there is a TLS server at all.
	first := conns[0]
	if first.failure != "" {
		r.fail(first.failure, first.err)
		return r
	}
	for _, c := range conns {
		p.absorb(c)
	}
	r.WithoutClientCert = first.attempt
	i := 1
	if opts.ClientCert != nil {
		r.WithClientCert = conns[i].attemptOrFailure()
		i++
	}
	if uerr == nil {
		r.WithUntrustedCert = conns[i].attemptOrFailure()
		i++
	}
	r.Versions = make([]Version, len(versions))
	for k, v := range versions {
		c := conns[i+k]
		r.Versions[k] = Version{Name: tls.VersionName(v)}
		switch {
		case c.handshakeErr == nil && c.failure == "":
			r.Versions[k].Accepted = true
		case c.negotiated == v, ClientLimitOf(c.handshakeErr) != "" && c.state != nil && c.state.Version == v:
			// The server answered this version with a ServerHello (and a
			// CertificateRequest): it speaks it, and then refused the
			// client, or the client could not go on.
			r.Versions[k].Accepted = true
			r.Versions[k].Error = c.errText()
		default:
			r.Versions[k].Error = c.errText()
		}
	}
	p.postHandshake(tctx)
	if ctx.Err() != nil {
		return interrupted(r)
	}
	r.ServerSoftware = identify(&r, plain)
	return r
}

// errInterrupted is the error of a target whose probe the run's end
// (Ctrl-C, SIGTERM) cut short.
var errInterrupted = errors.New("the run was interrupted before the probe of this target ended")

// interrupted is r without the facts of a probe that was cut short:
// half a probe would read as a server that did not answer.
func interrupted(r Result) Result {
	out := Result{Input: r.Input, Target: r.Target, ServerName: r.ServerName, SNI: r.SNI, Path: r.Path}
	out.fail(Interrupted, errInterrupted)
	return out
}

// plainHTTP sends a request in plain HTTP to the TLS port and reads the
// answer, if any (nil when there is none).
func (p *prober) plainHTTP(ctx context.Context) *Attempt {
	var d net.Dialer
	raw, err := d.DialContext(ctx, "tcp", p.res.Target.Addr())
	if err != nil {
		return nil
	}
	defer raw.Close()
	if dl, ok := ctx.Deadline(); ok {
		_ = raw.SetDeadline(dl)
	}
	stop := context.AfterFunc(ctx, func() { _ = raw.SetDeadline(time.Unix(1, 0)) })
	defer stop()
	if _, err := io.WriteString(raw, "GET / HTTP/1.0\r\nUser-Agent: mtlsdoctor-probe\r\n\r\n"); err != nil {
		return nil
	}
	resp, err := http.ReadResponse(bufio.NewReader(io.LimitReader(raw, 16<<10)), nil)
	if err != nil {
		return nil
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 8<<10))
	a := &Attempt{HTTPStatus: resp.StatusCode, Server: banner(resp.Header.Get("Server")), Body: body, header: resp.Header}
	a.NginxStatus = ClassifyBody(a.HTTPStatus, body)
	return a
}

// postHandshake retries the HTTP attempts over TLS 1.2 when a TLS 1.3
// server sent no CertificateRequest in the handshake and refused every
// request with 403: the server (Apache's per-directory SSLVerifyClient)
// may ask for a certificate after the handshake, which in TLS 1.3 needs
// post-handshake authentication (Go's client does not offer it) and in
// TLS 1.2 a renegotiation (which the probe does once).
func (p *prober) postHandshake(ctx context.Context) {
	r := p.res
	if r.ClientCertRequested || r.TLSVersion != "TLS 1.3" || r.WithoutClientCert.HTTPStatus != 403 {
		return
	}
	for _, a := range []*Attempt{r.WithClientCert, r.WithUntrustedCert} {
		if a != nil && a.HTTPStatus != 403 {
			return
		}
	}
	r.PostHandshakeAuth = true
	specs := []spec{{http: true, max: tls.VersionTLS12}}
	if p.opts.ClientCert != nil {
		specs = append(specs, spec{http: true, cert: p.opts.ClientCert, judge: true, max: tls.VersionTLS12})
	}
	u, uerr := untrustedCert()
	if uerr == nil {
		specs = append(specs, spec{http: true, cert: u, untrusted: true, max: tls.VersionTLS12})
	}
	conns := p.connectAll(ctx, specs)
	if !conns[0].requested {
		// No CertificateRequest over TLS 1.2 either: keep what TLS 1.3
		// showed. When TLS 1.2 worked without one (no renegotiation
		// either), nothing suggests a request after the handshake.
		if conns[0].handshakeErr == nil {
			r.PostHandshakeAuth = false
		}
		return
	}
	r.RetriedTLS12 = true
	r.TLSVersion, r.Cipher = "", ""
	for _, c := range conns {
		p.absorb(c)
	}
	r.WithoutClientCert = conns[0].attemptOrFailure()
	i := 1
	if p.opts.ClientCert != nil {
		r.WithClientCert = conns[i].attemptOrFailure()
		i++
	}
	if uerr == nil {
		r.WithUntrustedCert = conns[i].attemptOrFailure()
	}
}

// connectAll makes every connection at once and returns what each saw,
// in the order of specs.
func (p *prober) connectAll(ctx context.Context, specs []spec) []conn {
	out := make([]conn, len(specs))
	var wg sync.WaitGroup
	for i, s := range specs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[i] = p.connect(ctx, s)
		}()
	}
	wg.Wait()
	return out
}

type prober struct {
	opts Options
	res  *Result
}

// spec says what one connection does.
type spec struct {
	version   uint16           // if set, the only version offered (handshake only)
	max       uint16           // if set, the highest version offered
	http      bool             // send a request and read the answer
	cert      *tls.Certificate // presented whenever asked (nil: an empty Certificate)
	judge     bool             // record how the CertificateRequest sees cert
	untrusted bool             // cert is the throwaway one
}

// conn is what one connection saw.
type conn struct {
	failure      string // connection-level failure kind
	err          error  // dial or handshake error
	handshakeErr error
	state        *tls.ConnectionState
	peer         []*x509.Certificate
	requested    bool
	renegotiated bool   // the CertificateRequest came in a renegotiation
	negotiated   uint16 // the version of the CertificateRequest, if any
	acceptable   [][]byte
	sigalgs      []tls.SignatureScheme
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
// come first served (in the order of the connections).
func (p *prober) absorb(c conn) {
	r := p.res
	if c.requested && !r.ClientCertRequested {
		r.ClientCertRequested = true
		r.AcceptableCAs = Names{}
		for _, der := range c.acceptable {
			r.AcceptableCAs = append(r.AcceptableCAs, dnString(der))
		}
		for _, s := range c.sigalgs {
			r.ClientSigAlgs = append(r.ClientSigAlgs, s.String())
		}
		r.CertRequestedAfterHandshake = c.renegotiated
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
	if c.state == nil || r.TLSVersion != "" {
		return
	}
	// The version of a handshake that completed, or that got as far as
	// the server's CertificateRequest (a server that requires a
	// certificate ends a TLS 1.2 handshake without one).
	switch {
	case c.state.HandshakeComplete:
		r.TLSVersion = tls.VersionName(c.state.Version)
		r.Cipher = tls.CipherSuiteName(c.state.CipherSuite)
	case c.negotiated != 0 || c.attempt != nil && c.attempt.ClientLimit != "" && c.state.Version != 0:
		v := c.negotiated
		if v == 0 {
			v = c.state.Version
		}
		r.TLSVersion = tls.VersionName(v)
		if c.state.CipherSuite != 0 {
			r.Cipher = tls.CipherSuiteName(c.state.CipherSuite)
		}
	}
}

func (p *prober) connect(ctx context.Context, s spec) conn {
	var c conn
	deadline, ok := ctx.Deadline()
	if !ok {
		deadline = time.Now().Add(p.opts.Timeout)
	}
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

	handshakeDone := false
	cfg := &tls.Config{
		// The server's chain is judged afterwards (judgeServer): an
		// untrusted chain is a finding, not a reason to stop.
		InsecureSkipVerify: true,
		MinVersion:         tls.VersionTLS10,
		MaxVersion:         tls.VersionTLS13,
		// Apache asks for a certificate per directory by renegotiating
		// (TLS 1.2); like curl, take part once.
		Renegotiation: tls.RenegotiateOnceAsClient,
		VerifyPeerCertificate: func(rawCerts [][]byte, _ [][]*x509.Certificate) error {
			if len(c.peer) > 0 {
				return nil
			}
			for _, der := range rawCerts {
				if pc, err := x509.ParseCertificate(der); err == nil {
					c.peer = append(c.peer, pc)
				}
			}
			return nil
		},
		GetClientCertificate: func(cri *tls.CertificateRequestInfo) (*tls.Certificate, error) {
			c.requested = true
			c.renegotiated = handshakeDone
			c.negotiated = cri.Version
			c.acceptable = nil
			for _, ca := range cri.AcceptableCAs {
				c.acceptable = append(c.acceptable, append([]byte(nil), ca...))
			}
			c.sigalgs = append([]tls.SignatureScheme(nil), cri.SignatureSchemes...)
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
	if p.res.SNI {
		cfg.ServerName = p.res.ServerName
	}
	if s.version != 0 {
		cfg.MinVersion, cfg.MaxVersion = s.version, s.version
	}
	if s.max != 0 {
		cfg.MaxVersion = s.max
	}
	if s.http {
		c.attempt = &Attempt{}
	}
	tc := tls.Client(raw, cfg)
	herr := tc.HandshakeContext(dctx)
	handshakeDone = true
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
			if lim := ClientLimitOf(herr); lim != "" {
				c.attempt.ClientLimit = lim
				c.attempt.Outcome = NoResponse
			}
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
	if c.renegotiated {
		a.Renegotiated = true
	}
	if a.HTTPStatus == 0 && a.Error != "" && (a.Silent || dctx.Err() != nil) {
		a.Error = fmt.Sprintf("no HTTP response within %v", p.opts.Timeout)
		a.Silent = true
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
	head, err := br.Peek(5)
	if len(head) > 0 && !bytes.HasPrefix([]byte("HTTP/"), head) {
		// A service that is not HTTP: a banner (IMAP, SMTP...) or an
		// echo. Its first line is all the probe keeps.
		buf, _ := br.Peek(br.Buffered())
		line, _, _ := bytes.Cut(buf, []byte("\n"))
		a.NotHTTP, a.Banner = true, banner(string(line))
		a.Outcome = NoResponse
		return
	}
	if err != nil && len(head) == 0 {
		p.afterHandshakeError(a, err)
		return
	}
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		p.afterHandshakeError(a, err)
		return
	}
	defer resp.Body.Close()
	a.HTTPStatus = resp.StatusCode
	a.Server = banner(resp.Header.Get("Server"))
	body, err := io.ReadAll(io.LimitReader(resp.Body, MaxBody))
	a.Body = body
	a.header = resp.Header
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

// banner is a line a server sent, printable and at most 80 bytes.
func banner(s string) string {
	s = strings.TrimRight(s, "\r\n")
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return '.'
		}
		return r
	}, s)
	if len(s) > 80 {
		s = s[:80] + "..."
	}
	return s
}

// afterHandshakeError records a failure after a completed handshake. A TLS
// alert here is the server refusing the client in the handshake: in TLS
// 1.3 the client finishes first and hears about it on its first read.
func (p *prober) afterHandshakeError(a *Attempt, err error) {
	if lim := ClientLimitOf(err); lim != "" {
		a.Handshake, a.ClientLimit, a.Outcome = err.Error(), lim, NoResponse
		return
	}
	var ae tls.AlertError
	if errors.As(err, &ae) || strings.Contains(err.Error(), "remote error: tls:") {
		a.Handshake = err.Error()
		a.Outcome = RejectedInHandshake
		return
	}
	a.Error = err.Error()
	a.Outcome = NoResponse
	a.Silent = isTimeout(err)
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
	// Judged at now. The leaf's own dates are reported on their own
	// (Expired, NotYetValid): a copy of it that is valid now stands in for
	// it, so that the chain above it is still judged at now (its
	// signature covers RawTBSCertificate, which the copy keeps).
	judged := leaf
	if sc.Expired || sc.NotYetValid {
		c := *leaf
		c.NotBefore, c.NotAfter = now.Add(-time.Minute), now.Add(time.Minute)
		judged = &c
	}
	_, err := judged.Verify(x509.VerifyOptions{
		Roots: p.opts.RootCAs, Intermediates: inter, CurrentTime: now,
		KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	})
	sc.Trusted = err == nil
	if err != nil {
		sc.TrustCause, sc.TrustDetail, sc.TrustIssuerURL = trustCause(chain, err)
		sc.TrustError = plainTrustError(err, now).Error()
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
