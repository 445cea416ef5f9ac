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
	if opts.NoVersions {
		versions = nil
	}
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
