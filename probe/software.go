package probe

import (
	"bytes"
	"crypto/x509"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Server software, as Result.ServerSoftware names it.
const (
	Nginx   = "nginx"
	Apache  = "apache"
	HAProxy = "haproxy"
	GoHTTP  = "go"
	OpenSSL = "openssl" // openssl s_server's -www status page
	Unknown = "unknown"
)

// stockPages are pieces of the error pages each server writes itself,
// which a backend behind it cannot have written: they name the software
// that answered the request (and so terminated TLS).
var stockPages = []struct {
	software string
	text     []byte
}{
	{Nginx, []byte("<hr><center>nginx")},
	{Apache, []byte("speaking plain HTTP to an SSL-enabled server port")},
	{Apache, []byte("<address>Apache")},
	{Apache, []byte("<p>You don't have permission to access this resource.")},
	{HAProxy, []byte("Request forbidden by administrative rules.")},
	{HAProxy, []byte("No server is available to handle this request.")},
	{HAProxy, []byte("Your browser sent an invalid request.")},
	{HAProxy, []byte("The server returned an invalid or incomplete response.")},
	{HAProxy, []byte("Your browser didn't send a complete request in time.")},
	// openssl s_server -www answers every request with its status page.
	{OpenSSL, []byte("Ciphers supported in s_server binary")},
}

// pageSoftware is the software whose stock page the answer is, or "".
func pageSoftware(a *Attempt) string {
	if a == nil || a.HTTPStatus == 0 {
		return ""
	}
	if a.NginxStatus != 0 {
		return Nginx
	}
	for _, p := range stockPages {
		if bytes.Contains(a.Body, p.text) {
			return p.software
		}
	}
	// Go's net/http: its answer to plain HTTP on a TLS port has no
	// header at all; http.NotFound and http.Error write a plain line with
	// this pair of headers.
	if a.HTTPStatus == 400 && len(a.header) == 0 && bytes.Equal(a.Body, []byte("Client sent an HTTP request to an HTTPS server.\n")) {
		return GoHTTP
	}
	if a.header != nil && a.header.Get("X-Content-Type-Options") == "nosniff" &&
		strings.HasPrefix(a.header.Get("Content-Type"), "text/plain; charset=utf-8") && a.Server == "" &&
		bytes.Equal(a.Body, []byte("404 page not found\n")) {
		return GoHTTP
	}
	return ""
}

// headerSoftware is the software a Server header names, or "".
func headerSoftware(a *Attempt) string {
	if a == nil {
		return ""
	}
	h := strings.ToLower(a.Server)
	switch {
	case strings.HasPrefix(h, "nginx"):
		return Nginx
	case strings.HasPrefix(h, "apache"):
		return Apache
	case strings.HasPrefix(h, "haproxy"):
		return HAProxy
	}
	return ""
}

// identify names the software that answered: a stock error page first (a
// proxy passes its backend's Server header on, but writes its own error
// pages), then the Server header, from the attempts and from the answer
// to a plain HTTP request (plain); "unknown" without evidence.
func identify(r *Result, plain *Attempt) string {
	attempts := []*Attempt{r.WithoutClientCert, r.WithUntrustedCert, r.WithClientCert, plain}
	for _, a := range attempts {
		if s := pageSoftware(a); s != "" {
			return s
		}
	}
	for _, a := range attempts {
		if s := headerSoftware(a); s != "" {
			return s
		}
	}
	return Unknown
}

// Client limits: what a server may ask for that Go's TLS client cannot
// do. An attempt that ran into one proves nothing about the server.
const (
	LimitSigAlgs       = "sigalgs"       // no signature algorithm in common for the client's key
	LimitDecode        = "decode"        // a handshake message Go refuses to decode (an empty CA-name list)
	LimitRenegotiation = "renegotiation" // a second renegotiation
	LimitUnexpected    = "unexpected"    // a message Go does not expect (a post-handshake CertificateRequest)
)

// clientLimits map Go's own error texts to the limit they show. They are
// Go's words for what it refused to do, not the server's alerts (those
// read "remote error").
var clientLimits = []struct {
	text, limit string
}{
	{"peer doesn't support any of the certificate's signature algorithms", LimitSigAlgs},
	{"local error: tls: error decoding message", LimitDecode},
	{"local error: tls: no renegotiation", LimitRenegotiation},
	{"local error: tls: unexpected message", LimitUnexpected},
}

// ClientLimitOf names the client limit err shows, or "".
func ClientLimitOf(err error) string {
	if err == nil {
		return ""
	}
	for _, l := range clientLimits {
		if strings.Contains(err.Error(), l.text) {
			return l.limit
		}
	}
	return ""
}

// plainTrustError says in plain words why the chain does not verify when
// a certificate in it is out of its dates at the instant it was judged.
func plainTrustError(err error, at time.Time) error {
	var ie x509.CertificateInvalidError
	if !errors.As(err, &ie) || ie.Reason != x509.Expired || ie.Cert == nil {
		return err
	}
	c := ie.Cert
	if at.Before(c.NotBefore) {
		return fmt.Errorf("%s is not valid before %s", c.Subject, c.NotBefore.UTC().Format(time.DateOnly))
	}
	return fmt.Errorf("%s expired on %s", c.Subject, c.NotAfter.UTC().Format(time.DateOnly))
}
