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
	probeClientCertAccepted, probeClientCertRejected, probeUntested,
	probeIssuerNotAcceptable,
	probeLegacyTLS, probeNoTLS13,
}

// How an attempt ended, as the rules read it. Only a TLS alert or a page
// about the client certificate is a refusal of the certificate; any other
// HTTP answer is the application's.

// refusedByTLS: the server ended the handshake with an alert.
func refusedByTLS(a *probe.Attempt) bool {
	return a != nil && a.Outcome == probe.RejectedInHandshake
}

// certPage: nginx's page for a client certificate that failed (495) or
// was not sent (496).
func certPage(a *probe.Attempt) bool {
	return a != nil && (a.NginxStatus == 495 || a.NginxStatus == 496)
}

// passedTLS: the handshake completed, no alert came and the client sent
// what it meant to (no client limit).
func passedTLS(a *probe.Attempt) bool {
	return a != nil && a.Handshake == "ok" && a.Outcome != probe.RejectedInHandshake && a.ClientLimit == ""
}

// handshakeOnly: the handshake passed and the service is not HTTP (it
// answered with something else, or nothing at all).
func handshakeOnly(a *probe.Attempt) bool {
	return passedTLS(a) && a.HTTPStatus == 0 && (a.NotHTTP || a.Silent)
}

// appAnswer: the request reached the application, which answered with
// something other than a page about the client certificate.
func appAnswer(a *probe.Attempt) bool {
	return passedTLS(a) && a.HTTPStatus != 0 && !certPage(a)
}

// banner is how a non-HTTP service answered, for the texts.
func bannerWords(a *probe.Attempt) string {
	if a != nil && a.NotHTTP {
		return strconv.Quote(a.Banner)
	}
	return "nothing at all to an HTTP request"
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

// probeNoHandshake: a TLS server that completed no handshake at all (and
// not because of a limit of the probe's own TLS stack).
func probeNoHandshake(r *probe.Result, o ProbeOptions) []report.Finding {
	if r.Failure != "" || r.TLSVersion != "" || r.WithoutClientCert.ClientLimit != "" {
		return nil
	}
	handshake := ""
	if w := r.WithoutClientCert; w != nil {
		handshake = w.Handshake
	}
	v := plusVars(probeVars(r, o), "handshake", handshake, "alert_words", "")
	if strings.Contains(handshake, "protocol version") {
		return single(catalogue.ProbeHandshakeFailedVersionText.New(v))
	}
	if why := catalogue.ProbeAlertWhy(handshake); why != "" {
		v["alert_words"] = ": " + why + "."
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
	return single(f)
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
	v := plusVars(probeVars(r, o), "error", s.TrustError, "detail", s.TrustDetail, "issuer_url", s.TrustIssuerURL)
	byCA := o.CAFile != ""
	for k, x := range catalogue.ServerTrustVars(s.TrustCause, byCA, v) {
		v[k] = x
	}
	f := catalogue.ServerCertUntrustedText.New(v)
	if byCA {
		f = catalogue.ServerCertUntrustedByCAText.New(v)
		f.Severity, f.Priority = report.Error, 4
	}
	f.Subject = s.Subject
	return single(f)
}

// probeMtlsNotEnforced: the server never asked for a client certificate
// (and nothing suggests it asks after the handshake, or that the probe
// could not read its request).
func probeMtlsNotEnforced(r *probe.Result, o ProbeOptions) []report.Finding {
	if r.TLSVersion == "" || r.ClientCertRequested || r.PostHandshakeAuth || anyLimit(r) {
		return nil
	}
	text := catalogue.MTLSNotEnforcedText
	if r.WithClientCert != nil {
		text = catalogue.MTLSNotEnforcedCertText
	}
	return single(text.New(probeVars(r, o)))
}

// probeMtlsOptional: the server asks for a certificate but lets a request
// without one through the handshake: served (an error), answered by the
// application with an error status (a warning, unless a certificate
// makes the difference), or a non-HTTP service that went on (a warning).
func probeMtlsOptional(r *probe.Result, o ProbeOptions) []report.Finding {
	without := r.WithoutClientCert
	if r.TLSVersion == "" || !r.ClientCertRequested || !passedTLS(without) {
		return nil
	}
	v := plusVars(probeVars(r, o), "status", strconv.Itoa(without.HTTPStatus), "banner", bannerWords(without))
	switch {
	case without.Served():
		return single(catalogue.MTLSOptionalText.New(v))
	case handshakeOnly(without):
		f := catalogue.MTLSOptionalHandshakeText.New(v)
		f.Severity = report.Warning
		return single(f)
	case appAnswer(without) && !r.WithClientCert.Served():
		v["with_words"] = ""
		if a := r.WithClientCert; a != nil {
			v["with_words"] = "; with " + v["cert"] + " it got " + a.String()
		}
		f := catalogue.MTLSOptionalAppText.New(v)
		f.Severity = report.Warning
		return single(f)
	}
	return nil
}

// probePath is the path the probe requested.
func probePath(r *probe.Result) string {
	if r.Path == "" {
		return "/"
	}
	return r.Path
}

// throwawayIn: the throwaway certificate was served, or (a service that
// is not HTTP) passed the handshake.
func throwawayIn(r *probe.Result) bool {
	u := r.WithUntrustedCert
	return r.TLSVersion != "" && r.ClientCertRequested && u != nil && u.CertSent && (u.Served() || handshakeOnly(u))
}

// probeAnyCertAccepted: the server asked for a certificate and let in the
// throwaway one, which no CA issued.
func probeAnyCertAccepted(r *probe.Result, o ProbeOptions) []report.Finding {
	if !throwawayIn(r) {
		return nil
	}
	u := r.WithUntrustedCert
	v := plusVars(probeVars(r, o), "status", strconv.Itoa(u.HTTPStatus), "banner", bannerWords(u))
	if handshakeOnly(u) {
		return single(catalogue.AnyCertAcceptedHandshakeText.New(v))
	}
	return single(catalogue.AnyCertAcceptedText.New(v))
}

// probeClientCertRequired: a request without a certificate is refused in
// the handshake, with a page about the client certificate, or with an
// HTTP error where the given certificate is served. Not said when any
// certificate gets in (any-cert-accepted says it).
func probeClientCertRequired(r *probe.Result, o ProbeOptions) []report.Finding {
	without, with := r.WithoutClientCert, r.WithClientCert
	if r.TLSVersion == "" || !r.ClientCertRequested || without == nil || throwawayIn(r) {
		return nil
	}
	v := plusVars(probeVars(r, o), "page", without.NginxPage(), "handshake", without.Handshake, "attempt", without.String(),
		"status", strconv.Itoa(without.HTTPStatus), "alert_why", alertWhy(without.Handshake), "after_handshake", afterHandshake(r))
	switch {
	case refusedByTLS(without):
		return single(catalogue.ClientCertRequiredInHandshakeText.New(v))
	case certPage(without):
		return single(catalogue.ClientCertRequiredText.New(v))
	case appAnswer(without) && !without.Served() && with.Served():
		return single(catalogue.ClientCertRequiredByHTTPText.New(plusVars(v, "cert_status", strconv.Itoa(with.HTTPStatus))))
	}
	return nil
}

// alertWhy is what the alert in err means, in the catalogue's words.
func alertWhy(err string) string {
	if why := catalogue.ProbeAlertWhy(err); why != "" {
		return why
	}
	return "the alert names the reason"
}

// afterHandshake says when the certificate was asked for, if after the
// handshake (a renegotiation).
func afterHandshake(r *probe.Result) string {
	if r.CertRequestedAfterHandshake {
		return " that it renegotiated after the request to ask for a certificate"
	}
	return ""
}

// probeClientCertAccepted: the handshake took the user's certificate and
// the request was served, got the application's answer for every
// request, or (a service that is not HTTP) the handshake completed.
func probeClientCertAccepted(r *probe.Result, o ProbeOptions) []report.Finding {
	a, without := r.WithClientCert, r.WithoutClientCert
	if a == nil || !r.ClientCertRequested || !passedTLS(a) || !a.CertSent {
		return nil
	}
	v := plusVars(probeVars(r, o), "status", strconv.Itoa(a.HTTPStatus), "banner", bannerWords(a), "attempt", a.String())
	var f report.Finding
	switch {
	case (a.Served() || handshakeOnly(a)) && throwawayIn(r):
		f = catalogue.ClientCertAcceptedAnyText.New(v)
	case a.Served():
		f = catalogue.ClientCertAcceptedText.New(v)
	case handshakeOnly(a):
		f = catalogue.ClientCertAcceptedHandshakeText.New(v)
	case appAnswer(a) && a.HTTPStatus == without.HTTPStatus:
		f = catalogue.ClientCertAcceptedAppText.New(plusVars(v, "same", ", as it answered the request without a certificate"))
	case appAnswer(a) && a.HTTPStatus != 401 && a.HTTPStatus != 403:
		f = catalogue.ClientCertAcceptedAppText.New(plusVars(v, "same", ""))
	default:
		return nil
	}
	f.Subject = probeClientSubject(r)
	return single(f)
}

// probeClientCertRejected explains why the user's certificate was refused:
// by nginx's 495/496 page, inside the handshake, by a 401/403 that the
// request without a certificate did not get, or with no answer at all.
func probeClientCertRejected(r *probe.Result, o ProbeOptions) []report.Finding {
	a, without := r.WithClientCert, r.WithoutClientCert
	if a == nil || !r.ClientCertRequested || a.ClientLimit != "" {
		return nil
	}
	v := plusVars(probeVars(r, o), "attempt", a.String(), "status", strconv.Itoa(a.HTTPStatus), "handshake", a.Handshake, "error", a.Error,
		"alert_why", alertWhy(a.Handshake), "after_handshake", afterHandshake(r))
	var f report.Finding
	switch {
	case certPage(a):
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
	case refusedByTLS(a):
		f = catalogue.ClientCertRejectedInHandshakeText.New(v)
	case appAnswer(a) && (a.HTTPStatus == 401 || a.HTTPStatus == 403) && a.HTTPStatus != without.HTTPStatus:
		words := "the request without a certificate was refused in the handshake"
		if without.HTTPStatus != 0 {
			words = "the request without a certificate got " + without.String()
		}
		f = catalogue.ClientCertRejectedByHTTPText.New(plusVars(v, "without_words", words))
	case a.Handshake == "ok" && a.HTTPStatus == 0 && !handshakeOnly(a) && !(without.Handshake == "ok" && without.HTTPStatus == 0):
		// Closed without an answer where the request without a
		// certificate got one (or was refused otherwise).
		f = catalogue.ClientCertRejectedNoAnswerText.New(v)
	default:
		return nil
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

// anyLimit: some attempt ran into a limit of the probe's TLS stack.
func anyLimit(r *probe.Result) bool {
	for _, a := range []*probe.Attempt{r.WithoutClientCert, r.WithClientCert, r.WithUntrustedCert} {
		if a != nil && a.ClientLimit != "" {
			return true
		}
	}
	return false
}

// limitWhys are the catalogue's words for each client limit.
var limitWhys = map[string]string{
	probe.LimitSigAlgs: catalogue.LimitSigAlgsWhy, probe.LimitDecode: catalogue.LimitDecodeWhy,
	probe.LimitRenegotiation: catalogue.LimitRenegotiationWhy, probe.LimitUnexpected: catalogue.LimitUnexpectedWhy,
}

// probeUntested: attempts that ran into a limit of the probe's TLS stack
// (or a TLS 1.3 server that may ask for a certificate after the
// handshake) prove nothing; OpenSSL can make them.
func probeUntested(r *probe.Result, o ProbeOptions) []report.Finding {
	if r.Failure != "" {
		return nil
	}
	var names []string
	var first *probe.Attempt
	for _, x := range []struct {
		name string
		a    *probe.Attempt
	}{{"without a certificate", r.WithoutClientCert}, {"with the certificate given", r.WithClientCert}, {"with a throwaway certificate", r.WithUntrustedCert}} {
		if x.a != nil && x.a.ClientLimit != "" {
			names = append(names, x.name)
			if first == nil {
				first = x.a
			}
		}
	}
	v := probeVars(r, o)
	confirm := "openssl s_client -connect " + v["addr"] + " " + v["servername"]
	if o.CertFile != "" {
		confirm += "-cert " + o.CertFile + " "
		if o.KeyFile != "" {
			confirm += "-key " + o.KeyFile + " "
		}
	}
	var why string
	switch {
	case first != nil:
		why = catalogue.Fill(limitWhys[first.ClientLimit], catalogue.Vars{"sigalgs": strings.Join(r.ClientSigAlgs, ", "), "handshake": first.Handshake})
	case r.PostHandshakeAuth && !r.RetriedTLS12:
		names = []string{"the client certificate"}
		why = catalogue.Fill(catalogue.LimitPostHandshakeWhy, v)
		confirm += "-tls1_3 -enable_pha "
	default:
		return nil
	}
	confirm = "printf 'GET " + v["path"] + " HTTP/1.0\\r\\n\\r\\n' | " + confirm + "-quiet"
	return single(catalogue.ClientCertUntestedText.New(plusVars(v, "attempts", strings.Join(names, " and "), "limit_why", why, "confirm", confirm)))
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
