package checks

import (
	"fmt"
	"strings"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/catalogue"
	"github.com/mtlsdoctor/mtlsdoctor/probe"
	"github.com/mtlsdoctor/mtlsdoctor/report"
)

// ProbeOptions are the settings of `mtlsdoctor probe` the findings quote.
type ProbeOptions struct {
	// CertFile is the client certificate given (--cert or --p12), "" for none.
	CertFile string
	// KeyFile is --key, if given.
	KeyFile string
	// CAFile is --ca: the trust for the server chain; "" means the system roots.
	CAFile string
	// Timeout is the per-connection timeout used.
	Timeout time.Duration
}

// Probe turns probe results into one report: with one target its facts
// sit at the top level (report.Report.ProbeTarget), with several each
// target carries its own findings and summary (report.Report.Targets) and
// the top-level findings hold them all.
func Probe(results []probe.Result, o ProbeOptions) *report.Report {
	rep := &report.Report{Command: "probe"}
	var targets []report.ProbeTarget
	for i := range results {
		t := probeTarget(&results[i], o)
		sub := &report.Report{Findings: ProbeFindings(&results[i], o)}
		sub.Finish()
		t.Findings = sub.Findings
		sum := sub.Summary
		t.Summary = &sum
		targets = append(targets, t)
		rep.Findings = append(rep.Findings, sub.Findings...)
	}
	what := "no client certificate"
	if o.CertFile != "" {
		what = "client certificate " + o.CertFile
	}
	trust := "system roots"
	if o.CAFile != "" {
		trust = o.CAFile
	}
	rep.Header = fmt.Sprintf("probe of %s (%s; server chain judged by %s)", report.Plural(len(results), "target"), what, trust)
	if len(targets) == 1 {
		t := targets[0]
		t.Summary = nil
		rep.ProbeTarget = &t
	} else {
		rep.Targets = targets
	}
	rep.AllClear = "nothing to fix."
	rep.Finish()
	return rep
}

// probeTarget is the report's view of one result (without findings).
func probeTarget(r *probe.Result, o ProbeOptions) report.ProbeTarget {
	t := report.ProbeTarget{Target: r.Input, ServerChain: r.ServerChain, AcceptableCAs: r.AcceptableCAs}
	if r.Failure == probe.BadTarget {
		t.Error = r.Error
		return t
	}
	t.Address, t.ServerName, t.Path = r.Target.Addr(), r.ServerName, r.Path
	if r.Failure != "" {
		t.Error = r.Failure + ": " + r.Error
	}
	t.TLSVersion, t.Cipher = r.TLSVersion, r.Cipher
	t.ClientCertRequested = r.ClientCertRequested
	if t.ServerChain == nil {
		t.ServerChain = []string{}
	}
	if t.AcceptableCAs == nil {
		t.AcceptableCAs = []string{}
	}
	if s := r.Server; s != nil {
		by := "system roots"
		if o.CAFile != "" {
			by = o.CAFile
		}
		t.ServerCert = &report.ProbeServerCert{
			Subject: s.Subject, Issuer: s.Issuer,
			NotBefore: s.NotBefore.UTC().Format(time.RFC3339), NotAfter: s.NotAfter.UTC().Format(time.RFC3339),
			Expired: s.Expired, Name: s.Name, NameOK: s.NameError == "",
			Trusted: s.Trusted, TrustError: s.TrustError, TrustedBy: by,
		}
	}
	conv := func(a *probe.Attempt) *report.ProbeAttempt {
		if a == nil {
			return nil
		}
		return &report.ProbeAttempt{Handshake: a.Handshake, CertSent: a.CertSent, HTTPStatus: a.HTTPStatus,
			Outcome: a.Outcome, NginxStatus: a.NginxStatus, Error: a.Error}
	}
	t.WithoutClientCert = conv(r.WithoutClientCert)
	t.WithClientCert = conv(r.WithClientCert)
	t.WithUntrustedCert = conv(r.WithUntrustedCert)
	if len(r.Versions) > 0 {
		t.Versions = map[string]bool{}
		for _, v := range r.Versions {
			t.Versions[v.Name] = v.Accepted
		}
	}
	return t
}

// ProbeFindings diagnoses one probed endpoint.
func ProbeFindings(r *probe.Result, o ProbeOptions) []report.Finding {
	addr := r.Input
	if r.Failure != probe.BadTarget {
		addr = r.Target.Addr()
	}
	cert := o.CertFile
	if cert == "" {
		cert = "client.crt"
	}
	key := o.KeyFile
	if key == "" {
		key = "client.key"
	}
	ca := o.CAFile
	if ca == "" {
		ca = "ca.crt"
	}
	sni := r.ServerName
	var out []report.Finding
	add := func(f report.Finding) {
		f.Target = r.Input
		out = append(out, f)
	}
	// addClient adds f, completed with the catalogue's entry for what a
	// client prints (clientErr) when it is about the same finding.
	addClient := func(f report.Finding, clientErr string) {
		if _, es := catalogue.Lookup(clientErr); len(es) > 0 {
			for _, e := range es {
				if e.ID != f.ID || e.Kind != "client" {
					continue
				}
				if strings.Contains(clientErr, "legacy Common Name") {
					f.Explanation += " " + e.Explanation
				}
				if e.Confirm != "" && !strings.Contains(f.Fix, e.Confirm) {
					f.Fix += "\nConfirm: " + e.Confirm
				}
				break
			}
		}
		add(f)
	}
	sclient := fmt.Sprintf("openssl s_client -connect %s -servername %s </dev/null", addr, sni)

	switch r.Failure {
	case probe.BadTarget, probe.ConnectFailed:
		add(report.Finding{
			ID: catalogue.ConnectFailed, Severity: report.Error,
			Title:       fmt.Sprintf("cannot connect to %s", addr),
			Explanation: "No TCP connection could be made (" + r.Error + "): " + connectCause(r.Error) + " This is before TLS: no certificate is involved yet.",
			Fix: fmt.Sprintf("On the server, check that nginx runs and listens there: `ss -ltnp | grep ':%d '` and `nginx -T | grep -n listen`. "+
				"Check the name resolves: `getent hosts %s`.", r.Target.Port, r.Target.Host),
		})
		return out
	case probe.TimedOut:
		add(report.Finding{
			ID: catalogue.Timeout, Severity: report.Error,
			Title: fmt.Sprintf("no answer from %s within %v", addr, o.Timeout),
			Explanation: "The connection or the TLS handshake did not complete in time (" + r.Error + "). A firewall that silently drops packets, " +
				"a wrong address, or a server that accepts connections and never answers (an overloaded or stuck process, or a protocol that waits for the client) all look like this.",
			Fix: fmt.Sprintf("Try `curl -v --connect-timeout 5 https://%s/` and check firewalls between here and the server; on a slow link raise `--timeout`.", addr),
		})
		return out
	case probe.NotTLS:
		add(report.Finding{
			ID: catalogue.NotTLS, Severity: report.Error,
			Title: fmt.Sprintf("%s does not speak TLS", addr),
			Explanation: "The server answered the TLS ClientHello with something that is not TLS (" + r.Error + "). " +
				"Usually this is a plain HTTP server: in nginx a `listen` directive without `ssl` serves plain HTTP even on port 443, and ssl_verify_client then never runs.",
			Fix: fmt.Sprintf("Add `ssl` to the listen directive (`listen %d ssl;` with ssl_certificate and ssl_certificate_key), then `nginx -t && nginx -s reload`; or probe the port that serves TLS.", r.Target.Port),
		})
		return out
	}

	if r.TLSVersion == "" {
		// Not a single handshake completed.
		why, fix := "", sclient
		if w := r.WithoutClientCert; w != nil {
			why = w.Handshake
		}
		if _, es := catalogue.Lookup(why); len(es) > 0 {
			why += ". " + es[0].Explanation
			fix = es[0].Fix + "\nConfirm: " + sclient
		}
		add(report.Finding{
			ID: catalogue.ProbeHandshakeFailed, Severity: report.Error,
			Title:       fmt.Sprintf("no TLS handshake with %s succeeded", addr),
			Explanation: "Every handshake failed: " + why,
			Fix:         fix,
		})
	}

	if s := r.Server; s != nil {
		if s.Expired || s.NotYetValid {
			when, what := "expired on "+s.NotAfter.UTC().Format("2006-01-02"), "has expired"
			if s.NotYetValid {
				when, what = "is not valid before "+s.NotBefore.UTC().Format("2006-01-02"), "is not yet valid"
			}
			addClient(report.Finding{
				ID: catalogue.ServerCertExpired, Severity: report.Error, Priority: 2, Subject: s.Subject,
				Title:       fmt.Sprintf("the server certificate of %s %s", addr, strings.TrimPrefix(when, "is ")),
				Explanation: "nginx's own certificate " + what + ", so every client that verifies the server (curl, Go, browsers) refuses the connection (curl: `SSL certificate problem: certificate has expired`). A wrong clock on either side does the same.",
				Fix:         "Renew the server certificate, point ssl_certificate at the new file and run `nginx -t && nginx -s reload`. Check the dates: `" + sclient + " | openssl x509 -noout -dates`",
			}, "x509: certificate has expired or is not yet valid")
		}
		if s.NameError != "" {
			addClient(report.Finding{
				ID: catalogue.ServerHostnameMismatch, Severity: report.Error, Priority: 3, Subject: s.Subject,
				Title:       fmt.Sprintf("the server certificate of %s does not cover %s", addr, s.Name),
				Explanation: "Clients check that the server certificate names the host they asked for (" + s.NameError + "). curl refuses with `SSL: no alternative certificate subject name matches target host name`. If the server has several server blocks, the one for this SNI name may serve another certificate.",
				Fix:         fmt.Sprintf("Issue the server certificate with the name in subjectAltName (`openssl req ... -addext 'subjectAltName=DNS:%s'`), or connect with a name it covers (`--servername`). See what is served: `%s | openssl x509 -noout -subject -ext subjectAltName`", s.Name, sclient),
			}, s.NameError)
		}
		if !s.Trusted {
			f := report.Finding{
				ID: catalogue.ServerCertUntrusted, Severity: report.Warning, Priority: 3, Subject: s.Subject,
				Title:       fmt.Sprintf("the server certificate of %s is not trusted by the system roots", addr),
				Explanation: "The chain nginx sends does not verify against the system's CA store (" + s.TrustError + "). With a private CA this is normal, but every client then needs that CA (curl `--cacert`, Go `RootCAs`); with a public CA it usually means ssl_certificate lacks the intermediate.",
				Fix:         fmt.Sprintf("Give clients the CA: `curl --cacert %s https://%s/` (and probe with `--ca %s`). If a public CA issued it, put the leaf followed by its intermediates into ssl_certificate: `cat server.crt intermediate.crt > fullchain.pem`.", ca, addr, ca),
			}
			if o.CAFile != "" {
				f.Severity, f.Priority = report.Error, 4
				f.Title = fmt.Sprintf("the server certificate of %s is not trusted by %s", addr, o.CAFile)
				f.Explanation = "The chain nginx sends does not verify against " + o.CAFile + " (" + s.TrustError + "). Clients given that CA (curl `--cacert " + o.CAFile + "`) refuse to connect: either the file is not the CA that issued the server certificate, or nginx does not send the intermediate."
				f.Fix = fmt.Sprintf("Compare issuers: `%s | openssl x509 -noout -issuer` against `openssl x509 -noout -subject -in %s`. Serve the full chain in ssl_certificate (`cat server.crt intermediate.crt > fullchain.pem`), or use the right CA file.", sclient, o.CAFile)
			}
			addClient(f, s.TrustError)
		}
	}

	without, with, untrusted := r.WithoutClientCert, r.WithClientCert, r.WithUntrustedCert
	enable := "In the server block: `ssl_client_certificate /etc/nginx/client-ca.pem;` and `ssl_verify_client on;`, then `nginx -t && nginx -s reload`."
	switch {
	case r.TLSVersion == "":
	case !r.ClientCertRequested:
		f := report.Finding{
			ID: catalogue.MTLSNotEnforced, Severity: report.Warning, Priority: 0,
			Title: fmt.Sprintf("%s does not ask for a client certificate", addr),
			Explanation: "The handshake had no CertificateRequest, so clients get in without a certificate: ssl_verify_client is off (its default) in the server block that answered. " +
				"nginx picks that block by the SNI name (" + sni + ") and the listen address; a block other than the one you configured may be answering.",
			Fix: enable,
		}
		if with != nil {
			f.Explanation += " The certificate you gave (" + cert + ") was never asked for, so it was not sent and proves nothing here."
		}
		add(f)
	case without.Served():
		f := report.Finding{
			ID: catalogue.MTLSOptional, Severity: report.Warning, Priority: 1,
			Title: fmt.Sprintf("%s asks for a client certificate but serves requests without one (HTTP %d)", addr, without.HTTPStatus),
			Explanation: "The server sends a CertificateRequest, yet a request with no certificate was answered: ssl_verify_client is optional or optional_no_ca. " +
				"Unless every location checks $ssl_client_verify, anyone gets in.",
			Fix: "`ssl_verify_client on;` makes nginx refuse such requests (496). If optional is deliberate, check in each location: `if ($ssl_client_verify != SUCCESS) { return 403; }`.",
		}
		if untrusted.Served() {
			f.Explanation += " Even a throwaway self-signed certificate was served, which is what `ssl_verify_client optional_no_ca` does: nginx lets unknown issuers through with $ssl_client_verify = FAILED:..."
		}
		add(f)
	default:
		how := "nginx answered 400 (" + probeNginxPage(without) + ")"
		if without.Outcome == probe.RejectedInHandshake {
			how = "the server refused inside the TLS handshake (" + without.Handshake + "); nginx itself never does that, it answers with a 400 page"
		} else if without.Outcome != probe.RejectedByHTTP {
			how = fmt.Sprintf("the request was not served (%s)", probeAttemptSummary(without))
		}
		add(report.Finding{
			ID: catalogue.ClientCertRequired, Severity: report.Info, Priority: 1,
			Title:       fmt.Sprintf("%s refuses requests without a client certificate", addr),
			Explanation: "As it should with ssl_verify_client on: " + how + ".",
			Fix:         "Nothing to do.",
		})
	}

	if with != nil && r.ClientCertRequested {
		subject := ""
		if r.ClientCert != nil {
			subject = r.ClientCert.Subject
		}
		switch {
		case with.Outcome == probe.Accepted:
			f := report.Finding{
				ID: catalogue.ClientCertAccepted, Severity: report.Info, Priority: 0, Subject: subject,
				Title:       fmt.Sprintf("%s accepted the client certificate %s (HTTP %d)", addr, cert, with.HTTPStatus),
				Explanation: "The certificate was presented and the request was served.",
				Fix:         "Nothing to do.",
			}
			if untrusted.Served() {
				f.Explanation += " A throwaway self-signed certificate was served too, so this proves only that the server lets certificates through, not that it trusts this one."
			}
			add(f)
		default:
			add(probeRejectedFinding(r, with, addr, cert, key, ca, subject))
		}
	}

	if ci := r.ClientCert; ci != nil && r.ClientCertRequested && len(r.AcceptableCAs) > 0 && !ci.IssuerAcceptable {
		add(report.Finding{
			ID: catalogue.IssuerNotAcceptable, Severity: report.Warning, Priority: 2, Subject: ci.Subject,
			Title: fmt.Sprintf("Go and browser clients will not send %s to %s: its issuer is not among the CA names the server advertises", cert, addr),
			Explanation: "The server's CertificateRequest names " + strings.Join(r.AcceptableCAs, "; ") + ", and no certificate in " + cert + " is issued by one of them (its issuer: " + ci.Issuer + "). " +
				"Go's crypto/tls and browsers then send no certificate at all, and nginx answers 400 'No required SSL certificate was sent' (496) although the client has one; curl and OpenSSL send it anyway, which is why it may work with curl. " +
				"nginx advertises exactly the subjects in ssl_client_certificate (not ssl_trusted_certificate).",
			Fix: "List the issuing CA in ssl_client_certificate (`cat int.crt >> /etc/nginx/client-ca.pem`), or give the client its full chain (`cat " + cert + " int.crt > client-chain.crt`) so that a chain certificate's issuer is advertised. " +
				"See what is advertised: `openssl s_client -connect " + addr + " -tls1_2 </dev/null 2>/dev/null | grep -A5 'Acceptable client certificate CA names'`.",
		})
	}

	if r.TLSVersion != "" {
		var legacy []string
		for _, v := range []string{"TLS 1.0", "TLS 1.1"} {
			if r.VersionAccepted(v) {
				legacy = append(legacy, v)
			}
		}
		if len(legacy) > 0 {
			add(report.Finding{
				ID: catalogue.LegacyTLS, Severity: report.Warning, Priority: 4,
				Title:       fmt.Sprintf("%s accepts %s", addr, strings.Join(legacy, " and ")),
				Explanation: "TLS 1.0 and 1.1 are deprecated (RFC 8996): they rely on SHA-1 and MD5 in the handshake. OpenSSL 3 refuses them at its default security level, so a server that accepts them runs at @SECLEVEL=0 or an old OpenSSL.",
				Fix:         "In the server (or http) block: `ssl_protocols TLSv1.2 TLSv1.3;`, then `nginx -t && nginx -s reload`.",
			})
		}
		if !r.VersionAccepted("TLS 1.3") && r.VersionAccepted("TLS 1.2") {
			add(report.Finding{
				ID: catalogue.NoTLS13, Severity: report.Info, Priority: 2,
				Title:       fmt.Sprintf("%s does not offer TLS 1.3", addr),
				Explanation: "Only TLS 1.2 or older was accepted. nginx before 1.23.4 (Debian 12 ships 1.22.1) leaves TLSv1.3 out of its default ssl_protocols, so it is off unless listed. TLS 1.3 saves a round trip and drops old ciphers. Note that with TLS 1.3 a client learns about a refusal only on its first read.",
				Fix:         "`ssl_protocols TLSv1.2 TLSv1.3;` in the server (or http) block, then `nginx -t && nginx -s reload`.",
			})
		}
	}
	return out
}

// probeRejectedFinding explains why the user's certificate was refused, in
// the catalogue's words.
func probeRejectedFinding(r *probe.Result, a *probe.Attempt, addr, cert, key, ca, subject string) report.Finding {
	f := report.Finding{
		ID: catalogue.ClientCertRejected, Severity: report.Error, Priority: 1, Subject: subject,
		Title: fmt.Sprintf("%s rejected the client certificate %s (%s)", addr, cert, probeAttemptSummary(a)),
	}
	certs := fmt.Sprintf("Run `mtlsdoctor certs --ca %s %s` on it to see what nginx logs for it", ca, cert)
	logs := "and look at nginx's error log at info level (`error_log /var/log/nginx/error.log info;`, reload, reproduce, then `mtlsdoctor logs /var/log/nginx/error.log`): it has the `client SSL certificate verify error: (N:...)` line with the reason."
	switch {
	case a.NginxStatus != 0:
		e, _ := probeEntry(fmt.Sprintf("status-%d", a.NginxStatus))
		f.Explanation = e.Explanation
		if a.NginxStatus == 495 {
			f.Explanation = "The certificate was sent and OpenSSL's verification failed. " +
				"Likely reasons: its issuer is not in ssl_client_certificate/ssl_trusted_certificate (20/21), an intermediate is missing or ssl_verify_depth is too small, it has expired (10), " +
				"it lacks clientAuth (26), or it is signed with SHA-1/MD5 or has a short key (68/66). "
			if ci := r.ClientCert; ci != nil && !ci.IssuerAcceptable && len(r.AcceptableCAs) > 0 {
				f.Explanation += "Here its issuer (" + ci.Issuer + ") is not among the CA names the server advertises, so the first suspect is 20/21: nginx does not have that issuer, or the client does not send the intermediate. "
			}
			f.Explanation += e.Explanation
		}
		f.Fix = certs + ", " + logs
	case a.Outcome == probe.RejectedInHandshake:
		f.Explanation = "The server ended the TLS handshake (" + a.Handshake + ")."
		if _, es := catalogue.Lookup(a.Handshake); len(es) > 0 {
			f.Explanation += " " + es[0].Explanation
			f.Fix = es[0].Fix + "\n" + certs + "."
		} else {
			f.Fix = certs + "; check that " + key + " belongs to " + cert + ": `openssl x509 -noout -pubkey -in " + cert + " | sha256sum; openssl pkey -pubout -in " + key + " | sha256sum`."
		}
	case a.HTTPStatus != 0:
		f.Explanation = fmt.Sprintf("The TLS handshake completed and the server answered HTTP %d, not nginx's stock certificate page: the application (or a `return %d` in nginx's configuration, e.g. after checking $ssl_client_verify or $ssl_client_s_dn) refused this identity, or an error_page replaced nginx's page.", a.HTTPStatus, a.HTTPStatus)
		f.Fix = certs + ", and check the conditions on $ssl_client_verify / $ssl_client_s_dn in the nginx configuration; " + logs
	default:
		f.Explanation = "The handshake completed but no HTTP answer came (" + a.Error + ")."
		f.Fix = certs + ", " + logs
	}
	return f
}

func probeAttemptSummary(a *probe.Attempt) string {
	switch {
	case a == nil:
		return "not tried"
	case a.NginxStatus != 0:
		return fmt.Sprintf("HTTP %d, nginx %d", a.HTTPStatus, a.NginxStatus)
	case a.HTTPStatus != 0:
		return fmt.Sprintf("HTTP %d", a.HTTPStatus)
	case a.Outcome == probe.RejectedInHandshake:
		return "refused in the handshake: " + a.Handshake
	case a.Error != "":
		return "no response: " + a.Error
	}
	return a.Outcome
}

func probeNginxPage(a *probe.Attempt) string {
	if a.NginxStatus != 0 {
		return fmt.Sprintf("%d '%s'", a.NginxStatus, probe.NginxStatusText(a.NginxStatus))
	}
	return fmt.Sprintf("HTTP %d", a.HTTPStatus)
}

func probeEntry(id string) (catalogue.Entry, bool) {
	for _, e := range catalogue.Entries() {
		if e.ID.Name() == id {
			return e, true
		}
	}
	return catalogue.Entry{}, false
}

// connectCause says in plain words what a dial error means.
func connectCause(err string) string {
	switch {
	case strings.Contains(err, "refused"):
		return "nothing listens on that port (nginx is not running, or its `listen` names another port or address)."
	case strings.Contains(err, "no such host"), strings.Contains(err, "lookup "), strings.Contains(err, "server misbehaving"):
		return "the host name does not resolve."
	case strings.Contains(err, "unreachable"):
		return "there is no route to the host."
	}
	return "nothing listens there, the name does not resolve, or the host is unreachable."
}
