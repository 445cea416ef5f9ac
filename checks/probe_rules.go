package checks

import (
	"net"
	"strconv"
	"strings"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/catalogue"
	"github.com/mtlsdoctor/mtlsdoctor/probe"
	"github.com/mtlsdoctor/mtlsdoctor/report"
)

// A probeRule is one conclusion drawn from a probe result: it returns
// the findings it supports (usually none or one), each made from a
// catalogue text filled with probeVars.
type probeRule func(r *probe.Result, o ProbeOptions) []report.Finding

// probeRules are every conclusion `probe` (and doctor's probe) draws, in
// the order they are reported. A target that could not be probed has no
// facts for any rule but the first three.
var probeRules = []probeRule{
	probeConnectFailed, probeTimedOut, probeNotTLS,
	probeNoHandshake,
	probeServerCertDates, probeServerHostname, probeServerTrust,
	probeMtlsNotEnforced, probeAnyCertAccepted, probeMtlsOptional, probeClientCertRequired,
	probeClientCertAccepted, probeClientCertRejected,
	probeIssuerNotAcceptable,
	probeLegacyTLS, probeNoTLS13,
}

// The rules of probeRules. Each returns nil when its facts are absent.

// probeConnectFailed: no TCP connection (or a target that did not parse).
func probeConnectFailed(r *probe.Result, o ProbeOptions) []report.Finding {
	if r.Failure != probe.ConnectFailed && r.Failure != probe.BadTarget {
		return nil
	}
	return single(catalogue.ConnectFailedText.New(plusVars(probeVars(r, o), "error", r.Error, "cause", catalogue.ConnectCause(r.Error))))
}

// probeTimedOut: no connection or handshake within the timeout.
func probeTimedOut(r *probe.Result, o ProbeOptions) []report.Finding {
	if r.Failure != probe.TimedOut {
		return nil
	}
	return single(catalogue.TimeoutText.New(plusVars(probeVars(r, o), "error", r.Error, "timeout", o.Timeout.String())))
}

// probeNotTLS: the server answered the ClientHello with something else.
func probeNotTLS(r *probe.Result, o ProbeOptions) []report.Finding {
	if r.Failure != probe.NotTLS {
		return nil
	}
	return single(catalogue.NotTLSText.New(plusVars(probeVars(r, o), "error", r.Error)))
}

// probeNoHandshake: a TLS server that completed no handshake at all.
func probeNoHandshake(r *probe.Result, o ProbeOptions) []report.Finding {
	if r.Failure != "" || r.TLSVersion != "" {
		return nil
	}
	handshake := ""
	if w := r.WithoutClientCert; w != nil {
		handshake = w.Handshake
	}
	v := plusVars(probeVars(r, o), "handshake", handshake)
	if e, ok := entryFor(handshake); ok {
		return single(catalogue.ProbeHandshakeFailedKnownText.New(plusVars(v, "entry_why", e.Explanation, "entry_fix", e.FixFor(""))))
	}
	return single(catalogue.ProbeHandshakeFailedText.New(v))
}

// probeServerCertDates: the server's certificate has expired or is not yet valid.
func probeServerCertDates(r *probe.Result, o ProbeOptions) []report.Finding {
	s := r.Server
	if s == nil || !s.Expired && !s.NotYetValid {
		return nil
	}
	text, date := catalogue.ServerCertExpiredText, s.NotAfter
	if s.NotYetValid {
		text, date = catalogue.ServerCertNotYetValidText, s.NotBefore
	}
	f := text.New(plusVars(probeVars(r, o), "date", date.UTC().Format(time.DateOnly)))
	f.Subject = s.Subject
	return single(withClientWords(f, "x509: certificate has expired or is not yet valid"))
}

// probeServerHostname: the server's certificate does not cover the name asked for.
func probeServerHostname(r *probe.Result, o ProbeOptions) []report.Finding {
	s := r.Server
	if s == nil || s.NameError == "" {
		return nil
	}
	san := "DNS:" + s.Name
	if net.ParseIP(s.Name) != nil {
		san = "IP:" + s.Name // an address is matched against IP names only
	}
	f := catalogue.ServerHostnameMismatchText.New(plusVars(probeVars(r, o), "name", s.Name, "error", s.NameError, "san", san))
	if strings.Contains(s.NameError, "legacy Common Name") {
		// The name is in the CN: OpenSSL's clients (curl, nginx as a
		// client) accept it, Go and browsers do not.
		f.Severity = report.Warning
	}
	f.Subject = s.Subject
	return single(withClientWords(f, s.NameError))
}

// probeServerTrust: the server's chain does not verify against the roots; an
// error when the user named the CA (--ca), else a warning.
func probeServerTrust(r *probe.Result, o ProbeOptions) []report.Finding {
	s := r.Server
	if s == nil || s.Trusted {
		return nil
	}
	v := plusVars(probeVars(r, o), "error", s.TrustError)
	f := catalogue.ServerCertUntrustedText.New(v)
	if o.CAFile != "" {
		f = catalogue.ServerCertUntrustedByCAText.New(v)
		f.Severity, f.Priority = report.Error, 4
	}
	f.Subject = s.Subject
	return single(withClientWords(f, s.TrustError))
}

// probeMtlsNotEnforced: the server never asked for a client certificate.
func probeMtlsNotEnforced(r *probe.Result, o ProbeOptions) []report.Finding {
	if r.TLSVersion == "" || r.ClientCertRequested {
		return nil
	}
	text := catalogue.MTLSNotEnforcedText
	if r.WithClientCert != nil {
		text = catalogue.MTLSNotEnforcedCertText
	}
	return single(text.New(probeVars(r, o)))
}

// probeMtlsOptional: the server asks for a certificate but serves requests
// without one.
func probeMtlsOptional(r *probe.Result, o ProbeOptions) []report.Finding {
	without := r.WithoutClientCert
	if r.TLSVersion == "" || !r.ClientCertRequested || !without.Served() {
		return nil
	}
	return single(catalogue.MTLSOptionalText.New(plusVars(probeVars(r, o), "status", strconv.Itoa(without.HTTPStatus), "path", probePath(r))))
}

// probePath is the path the probe requested.
func probePath(r *probe.Result) string {
	if r.Path == "" {
		return "/"
	}
	return r.Path
}

// probeAnyCertAccepted: the server asked for a certificate and served the
// request made with the throwaway one, which no CA issued.
func probeAnyCertAccepted(r *probe.Result, o ProbeOptions) []report.Finding {
	untrusted := r.WithUntrustedCert
	if r.TLSVersion == "" || !r.ClientCertRequested || !untrusted.Served() {
		return nil
	}
	return single(catalogue.AnyCertAcceptedText.New(plusVars(probeVars(r, o), "status", strconv.Itoa(untrusted.HTTPStatus))))
}

// probeClientCertRequired: requests without a certificate are refused, as they
// should be.
func probeClientCertRequired(r *probe.Result, o ProbeOptions) []report.Finding {
	without := r.WithoutClientCert
	if r.TLSVersion == "" || !r.ClientCertRequested || without == nil || without.Served() {
		return nil
	}
	v := plusVars(probeVars(r, o), "page", without.NginxPage(), "handshake", without.Handshake, "attempt", without.String())
	switch without.Outcome {
	case probe.RejectedByHTTP:
		return single(catalogue.ClientCertRequiredText.New(v))
	case probe.RejectedInHandshake:
		return single(catalogue.ClientCertRequiredInHandshakeText.New(v))
	}
	return single(catalogue.ClientCertRequiredNotServedText.New(v))
}

// probeClientCertAccepted: the request with the user's certificate was served.
func probeClientCertAccepted(r *probe.Result, o ProbeOptions) []report.Finding {
	a := r.WithClientCert
	if a == nil || !r.ClientCertRequested || a.Outcome != probe.Accepted {
		return nil
	}
	text := catalogue.ClientCertAcceptedText
	if r.WithUntrustedCert.Served() {
		text = catalogue.ClientCertAcceptedAnyText
	}
	f := text.New(plusVars(probeVars(r, o), "status", strconv.Itoa(a.HTTPStatus)))
	f.Subject = probeClientSubject(r)
	return single(f)
}

// probeClientCertRejected explains, in the catalogue's words, why the user's
// certificate was refused: by nginx's 495/496/497 page, inside the
// handshake, by another HTTP status, or with no answer at all.
func probeClientCertRejected(r *probe.Result, o ProbeOptions) []report.Finding {
	a := r.WithClientCert
	if a == nil || !r.ClientCertRequested || a.Outcome == probe.Accepted {
		return nil
	}
	v := plusVars(probeVars(r, o), "attempt", a.String(), "status", strconv.Itoa(a.HTTPStatus), "handshake", a.Handshake, "error", a.Error)
	var f report.Finding
	switch {
	case a.NginxStatus != 0:
		v["status_why"], _ = nginxStatusWhy(a.NginxStatus)
		text := catalogue.ClientCertRejectedByNginxText
		if a.NginxStatus == 495 {
			text = catalogue.ClientCertRejected495Text
			if ci := r.ClientCert; ci != nil && !ci.IssuerAcceptable && len(r.AcceptableCAs) > 0 {
				text = catalogue.ClientCertRejected495IssuerText
				v["issuer"] = ci.Issuer
			}
		}
		f = text.New(v)
	case a.Outcome == probe.RejectedInHandshake:
		f = catalogue.ClientCertRejectedInHandshakeText.New(v)
		if e, ok := entryFor(a.Handshake); ok {
			f = catalogue.ClientCertRejectedInHandshakeKnownText.New(plusVars(v, "entry_why", e.Explanation, "entry_fix", e.FixFor("")))
		}
	case a.HTTPStatus != 0:
		f = catalogue.ClientCertRejectedByHTTPText.New(v)
	default:
		f = catalogue.ClientCertRejectedNoAnswerText.New(v)
	}
	f.Subject = probeClientSubject(r)
	return single(f)
}

// nginxStatusWhy is the catalogue's explanation of nginx's status
// (495, 496, 497).
func nginxStatusWhy(status int) (string, bool) {
	e, ok := entryFor(strconv.Itoa(status))
	return e.Explanation, ok
}

func probeClientSubject(r *probe.Result) string {
	if r.ClientCert != nil {
		return r.ClientCert.Subject
	}
	return ""
}

// probeIssuerNotAcceptable: Go and browsers would not send the user's
// certificate, whose issuer the server does not advertise.
func probeIssuerNotAcceptable(r *probe.Result, o ProbeOptions) []report.Finding {
	ci := r.ClientCert
	if ci == nil || !r.ClientCertRequested || len(r.AcceptableCAs) == 0 || ci.IssuerAcceptable {
		return nil
	}
	f := catalogue.IssuerNotAcceptableText.New(plusVars(probeVars(r, o), "cas", strings.Join(r.AcceptableCAs, "; "), "issuer", ci.Issuer))
	f.Subject = ci.Subject
	return single(f)
}

// probeLegacyTLS: the server accepts TLS 1.0 or 1.1.
func probeLegacyTLS(r *probe.Result, o ProbeOptions) []report.Finding {
	if r.TLSVersion == "" {
		return nil
	}
	var legacy []string
	for _, v := range []string{"TLS 1.0", "TLS 1.1"} {
		if r.VersionAccepted(v) {
			legacy = append(legacy, v)
		}
	}
	if len(legacy) == 0 {
		return nil
	}
	return single(catalogue.LegacyTLSText.New(plusVars(probeVars(r, o), "versions", strings.Join(legacy, " and "))))
}

// probeNoTLS13: the server speaks TLS 1.2 but not 1.3.
func probeNoTLS13(r *probe.Result, o ProbeOptions) []report.Finding {
	if r.TLSVersion == "" || r.VersionAccepted("TLS 1.3") || !r.VersionAccepted("TLS 1.2") {
		return nil
	}
	return single(catalogue.NoTLS13Text.New(probeVars(r, o)))
}
