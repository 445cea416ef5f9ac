package catalogue

import (
	"strings"

	"github.com/mtlsdoctor/mtlsdoctor/finding"
)

// This file holds the findings of `probe`: what a live handshake with a server shows.

// Ids of `probe`.
const (
	ConnectFailed          finding.ID = "probe/connect-failed"
	Timeout                finding.ID = "probe/timeout"
	NotTLS                 finding.ID = "probe/not-tls"
	ProbeHandshakeFailed   finding.ID = "probe/handshake-failed"
	ClientCertRejected     finding.ID = "probe/client-cert-rejected"
	ServerCertExpired      finding.ID = "probe/server-cert-expired"
	ServerHostnameMismatch finding.ID = "probe/server-hostname-mismatch"
	ServerCertUntrusted    finding.ID = "probe/server-cert-untrusted"
	MTLSNotEnforced        finding.ID = "probe/mtls-not-enforced"
	MTLSOptional           finding.ID = "probe/mtls-optional"
	AnyCertAccepted        finding.ID = "probe/any-cert-accepted"
	IssuerNotAcceptable    finding.ID = "probe/issuer-not-acceptable"
	LegacyTLS              finding.ID = "probe/legacy-tls"
	ClientCertRequired     finding.ID = "probe/client-cert-required"
	ClientCertAccepted     finding.ID = "probe/client-cert-accepted"
	NoTLS13                finding.ID = "probe/no-tls13"
	ClientCertUntested     finding.ID = "probe/client-cert-untested"
)

var probeIDs = []finding.Spec{
	{ID: ConnectFailed, Severity: errs},
	{ID: Timeout, Severity: errs},
	{ID: NotTLS, Severity: errs},
	{ID: ProbeHandshakeFailed, Severity: errs},
	{ID: ClientCertRejected, Severity: errs, Priority: 1},
	{ID: ServerCertExpired, Severity: errs, Priority: 2},
	{ID: ServerHostnameMismatch, Severity: errs, Priority: 3, Others: []finding.Severity{warn}},
	{ID: ServerCertUntrusted, Severity: warn, Priority: 3, Others: []finding.Severity{errs}},
	{ID: MTLSNotEnforced, Severity: warn},
	{ID: MTLSOptional, Severity: errs, Priority: 1, Others: []finding.Severity{warn}},
	{ID: AnyCertAccepted, Severity: errs},
	{ID: IssuerNotAcceptable, Severity: warn, Priority: 2},
	{ID: LegacyTLS, Severity: warn, Priority: 4},
	{ID: ClientCertRequired, Severity: note, Priority: 1},
	{ID: ClientCertAccepted, Severity: note},
	{ID: NoTLS13, Severity: note, Priority: 2},
	{ID: ClientCertUntested, Severity: warn, Priority: 2},
}

func init() { finding.Register(probeIDs...) }

// The placeholders of the probe's texts: {addr} is the probed host:port
// (the target as given when it did not parse), {host} and {port} its
// parts, {sni} the name checked, {sni_words} how the name was sent (", SNI
// name NAME" or an address's ", no SNI"), {path} the request path, {cert},
// {key} and {ca} the files given, {client_ca_file} the CA file the server
// judges clients by (known to doctor, else a usual place for the
// software), {error} the error behind the finding, {sclient} the
// ProbeSClient command, and the software's words (ProbeSoftwareVars).

// ProbeSClient is the openssl command that shows what the server sends
// ({servername} is "-servername NAME " when a name is sent).
const ProbeSClient = "openssl s_client -connect {addr} {servername}</dev/null"

// Texts of a target that could not be probed. {cause} is ConnectCause's.
var (
	ConnectFailedText = Text{ID: ConnectFailed,
		Title: "cannot connect to {addr}",
		Why:   "No TCP connection could be made ({error}): {cause} This is before TLS: no certificate is involved yet.",
		Fix:   "On the server, check that something listens there:\n  ss -ltnp | grep ':{port} '{listen_check}\nCheck the name resolves:\n  getent hosts {host}",
	}
	TimeoutText = Text{ID: Timeout,
		Title: "no answer from {addr} within {timeout}",
		Why: "The connection or the TLS handshake did not complete in time ({error}). A firewall that silently drops packets, " +
			"a wrong address, or a server that accepts connections and never answers (an overloaded or stuck process, or a protocol that waits for the client) all look like this.",
		Fix: "Try:\n  curl -v --connect-timeout 5 https://{addr}/\nand check firewalls between here and the server; on a slow link raise `--timeout`.",
	}
	NotTLSText = Text{ID: NotTLS,
		Title: "{addr} does not speak TLS",
		Why: "The server answered the TLS ClientHello with something that is not TLS ({error}). " +
			"Usually this is a plain HTTP server on that port, where no client certificate is ever asked for.",
		Fix: "{notls_fix}",
	}
)

// connectCauses say in plain words what a dial error means, by words of
// the error; the first that matches wins.
var connectCauses = []struct {
	match []string
	cause string
}{
	{[]string{"refused"}, "nothing listens on that port (the server is not running, or listens on another port or address)."},
	{[]string{"no such host", "lookup ", "server misbehaving"}, "the host name does not resolve."},
	{[]string{"unreachable"}, "there is no route to the host."},
}

// ConnectCause says in plain words what a dial error means.
func ConnectCause(err string) string {
	for _, c := range connectCauses {
		for _, m := range c.match {
			if strings.Contains(err, m) {
				return c.cause
			}
		}
	}
	return "nothing listens there, the name does not resolve, or the host is unreachable."
}

// probeHandshakeFailedTitle is the title of a server with which no
// handshake completed.
const probeHandshakeFailedTitle = "no TLS handshake with {addr} succeeded"

// Texts of a server with which no handshake completed: {handshake} is the
// error of the first; {alert_words} what its alert means (": ...", or
// nothing).
var (
	ProbeHandshakeFailedText = Text{ID: ProbeHandshakeFailed,
		Title: probeHandshakeFailedTitle,
		Why:   "Every handshake failed: {handshake}{alert_words}",
		Fix:   "See what the server says to a plain client:\n  {sclient}",
	}
	// ProbeHandshakeFailedVersionText: no TLS version in common.
	ProbeHandshakeFailedVersionText = Text{ID: ProbeHandshakeFailed,
		Title: probeHandshakeFailedTitle,
		Why:   "Every handshake failed: {handshake}: the server and the probe (TLS 1.0 to 1.3) have no TLS version in common.",
		Fix:   "{protocols_fix}\nSee what the server says to a plain client:\n  {sclient}",
	}
)

// Texts about the server's own certificate. {date} is the day it expired
// or becomes valid; {name} the name it was checked for; {ca} the --ca file.
const (
	serverDatesTail = ", so every client that verifies the server (curl, Go, browsers) refuses the connection (curl: `SSL certificate problem: certificate has expired`). A wrong clock on either side does the same."
	serverDatesFix  = "{cert_fix}\nCheck the dates:\n  {sclient} | openssl x509 -noout -dates"
)

var (
	ServerCertExpiredText = Text{ID: ServerCertExpired,
		Title: "the server certificate of {addr} expired on {date}",
		Why:   "The certificate {server} serves expired on {date}" + serverDatesTail,
		Fix:   serverDatesFix,
	}
	ServerCertNotYetValidText = Text{ID: ServerCertExpired,
		Title: "the server certificate of {addr} is not valid before {date}",
		Why:   "The certificate {server} serves is not valid before {date}" + serverDatesTail,
		Fix:   serverDatesFix,
	}
	ServerHostnameMismatchText = Text{ID: ServerHostnameMismatch,
		Title: "the server certificate of {addr} does not cover {name}",
		Why:   "Clients check that the server certificate names the host they asked for ({error}). curl refuses with `SSL: no alternative certificate subject name matches target host name`. A server with several names or virtual hosts may serve another certificate for this name.",
		Fix:   "Issue the server certificate with the name in subjectAltName:\n  openssl req ... -addext 'subjectAltName={san}'\nor connect with a name it covers (`--servername`).\nSee what is served:\n  {sclient} | openssl x509 -noout -subject -text | grep -A1 -e '^subject=' -e 'Subject Alternative Name'",
	}
	// ServerCertUntrustedText is judged by the system roots (a warning);
	// ServerCertUntrustedByCAText by the --ca file (an error). {cause_why}
	// and {cause_fix} say why in the words of the cause the probe found
	// (ServerTrustCause).
	ServerCertUntrustedText = Text{ID: ServerCertUntrusted,
		Title: "the server certificate of {addr} is not trusted by the system roots{cause_title}",
		Why:   "The chain {server} sends does not verify against the system's CA store ({error}). {cause_why}",
		Fix:   "{cause_fix}",
	}
	ServerCertUntrustedByCAText = Text{ID: ServerCertUntrusted,
		Title: "the server certificate of {addr} is not trusted by {ca}{cause_title}",
		Why:   "The chain {server} sends does not verify against {ca} ({error}). {cause_why}",
		Fix:   "{cause_fix}",
	}
)

// Texts about whether the server asks for a client certificate. {status}
// is the HTTP status of the request made without one; {attempt} how that
// request ended; {banner} what a non-HTTP service sent.
const (
	notEnforcedWhy = "The handshake had no CertificateRequest, so clients get in without a certificate: {notenforced_why}"
	optionalWhy    = "The server sends a CertificateRequest, yet the probe's request for {path}, sent with no certificate at all, was served (HTTP {status}): {optional_why} " +
		"That is what anyone gets, whatever the server forwards to a backend: a backend that should refuse did not."
	nothingToDo = "Nothing to do."
	// The titles of the texts that tell a server does not ask, or does.
	mtlsNotEnforcedTitle    = "{addr} does not ask for a client certificate"
	clientCertRequiredTitle = "{addr} refuses requests without a client certificate"
	checkServed             = "Check that a request without a certificate is refused (this must not be served):\n  curl -sk -o /dev/null -D - https://{addr}{path}"
)

var (
	MTLSNotEnforcedText = Text{ID: MTLSNotEnforced,
		Title: mtlsNotEnforcedTitle,
		Why:   notEnforcedWhy,
		Fix:   "{require_fix}",
	}
	// MTLSNotEnforcedCertText is for a probe that had a certificate to give.
	MTLSNotEnforcedCertText = Text{ID: MTLSNotEnforced,
		Title: mtlsNotEnforcedTitle,
		Why:   notEnforcedWhy + " The certificate you gave ({cert}) was never asked for, so it was not sent and proves nothing here.",
		Fix:   "{require_fix}",
	}
	MTLSOptionalText = Text{ID: MTLSOptional,
		Title: "{addr} asks for a client certificate but serves requests without one (HTTP {status})",
		Why:   optionalWhy,
		Fix:   "{optional_fix}\n" + checkServed,
	}
	// MTLSOptionalAppText (a warning): the handshake completed without a
	// certificate and the request got an error status that may or may
	// not be about the certificate; {with_words} says what the request
	// with one got, if one was given.
	MTLSOptionalAppText = Text{ID: MTLSOptional,
		Title: "{addr} asks for a client certificate but completes the handshake without one (the request then got HTTP {status})",
		Why: "The TLS handshake without a certificate completed, so the TLS layer does not require one: {optional_mode}. " +
			"The request for {path} then got HTTP {status}, which may or may not be about the missing certificate{with_words}. " +
			"Only a request that is served with a certificate and refused without one shows that a certificate is required.",
		Fix: "{optional_fix}\n" + checkServed,
	}
	// MTLSOptionalHandshakeText (a warning): a service that is not HTTP
	// completed the handshake without a certificate.
	MTLSOptionalHandshakeText = Text{ID: MTLSOptional,
		Title: "{addr} asks for a client certificate but completes the handshake without one",
		Why: "The service does not speak HTTP (it answered {banner}), so the probe judges it by the TLS handshake alone: the server sent a CertificateRequest, got no certificate and went on: " +
			"{optional_why} Whether the service then refuses such a client cannot be seen from here.",
		Fix: "{require_fix}\nConfirm it with:\n  openssl s_client -connect {addr} {servername}</dev/null",
	}
	// AnyCertAcceptedText: the throwaway certificate, which no CA issued,
	// was served.
	AnyCertAcceptedText = Text{ID: AnyCertAccepted,
		Title: "{addr} lets in anyone with any certificate: a throwaway self-signed one was served (HTTP {status})",
		Why: "The probe made a certificate on the spot, signed by nobody the server can know, and the server asked for a client certificate, took that one and served the request. " +
			"Whoever can make a certificate, anyone, gets in. {anycert_why}",
		Fix: "{anycert_fix}",
	}
	// AnyCertAcceptedHandshakeText is for a service that is not HTTP.
	AnyCertAcceptedHandshakeText = Text{ID: AnyCertAccepted,
		Title: "{addr} lets in anyone with any certificate: the handshake with a throwaway self-signed one completed",
		Why: "The probe made a certificate on the spot, signed by nobody the server can know; the server asked for a client certificate, took that one and completed the handshake (the service is not HTTP: it answered {banner}). " +
			"Whoever can make a certificate, anyone, gets in. {anycert_why}",
		Fix: "{anycert_fix}",
	}
	// ClientCertRequired: refused in the handshake, with a page about the
	// client certificate, or refused without one and served with one.
	ClientCertRequiredText = Text{ID: ClientCertRequired,
		Title: clientCertRequiredTitle,
		Why:   "{server} answered 400 ({page}), its page for a client without a certificate.",
		Fix:   nothingToDo,
	}
	ClientCertRequiredInHandshakeText = Text{ID: ClientCertRequired,
		Title: clientCertRequiredTitle,
		Why:   "The server refused inside the TLS handshake{after_handshake} ({handshake}): {alert_why}.",
		Fix:   nothingToDo,
	}
	ClientCertRequiredByHTTPText = Text{ID: ClientCertRequired,
		Title: clientCertRequiredTitle,
		Why:   "Without a certificate the request for {path} got HTTP {status}; with {cert} it was served (HTTP {cert_status}): the certificate makes the difference.",
		Fix:   nothingToDo,
	}
)

// Texts about the client certificate given: {status} is the HTTP status
// of the request made with it, {attempt} how it ended, {issuer} its issuer,
// {cas} the CA names the server advertised.
var (
	ClientCertAcceptedText = Text{ID: ClientCertAccepted,
		Title: "{addr} accepted the client certificate {cert} (HTTP {status})",
		Why:   "The certificate was presented and the request was served.",
		Fix:   nothingToDo,
	}
	// ClientCertAcceptedAnyText is for a server that served the throwaway certificate too.
	ClientCertAcceptedAnyText = Text{ID: ClientCertAccepted,
		Title: "{addr} let the client certificate {cert} in ({attempt})",
		Why:   "The certificate was presented and let in. A throwaway self-signed certificate was let in too, so this proves only that the server lets certificates through, not that it trusts this one.",
		Fix:   nothingToDo,
	}
	// ClientCertAcceptedAppText: the handshake took the certificate and
	// the application answered with the status it gives every request.
	ClientCertAcceptedAppText = Text{ID: ClientCertAccepted,
		Title: "{addr} let the client certificate {cert} through the TLS handshake; the application answered HTTP {status}",
		Why: "The certificate was presented, the handshake completed and the request for {path} reached the application, which answered HTTP {status}{same}. " +
			"That is the application's answer for this path, not a refusal of the certificate.",
		Fix: "Probe a path the application serves:\n  mtlsdoctor probe --path /PATH {addr}",
	}
	// ClientCertAcceptedHandshakeText is for a service that is not HTTP.
	ClientCertAcceptedHandshakeText = Text{ID: ClientCertAccepted,
		Title: "{addr} accepted the client certificate {cert} in the TLS handshake",
		Why:   "The certificate was presented and the handshake completed without an alert. The service does not speak HTTP (it answered {banner}), so the probe judges it by the handshake alone.",
		Fix:   nothingToDo,
	}
	IssuerNotAcceptableText = Text{ID: IssuerNotAcceptable,
		Title: "Go and browser clients will not send {cert} to {addr}: its issuer is not among the CA names the server advertises",
		Why: "The server's CertificateRequest names {cas}, and no certificate in {cert} is issued by one of them (its issuer: {issuer}). " +
			"Go's crypto/tls and browsers then send no certificate at all, and {none_sent} although the client has one; curl and OpenSSL send it anyway, which is why it may work with curl.{advertise_why}",
		Fix: "{advertise_fix}\n" +
			"Or give the client its full chain ({issuer} in issuer.crt), so that a chain certificate's issuer is advertised:\n  cat {cert} issuer.crt > client-chain.crt\n" +
			"See what is advertised:\n  openssl s_client -connect {addr} {servername}</dev/null 2>/dev/null | grep -A5 'Acceptable client certificate CA names'",
	}
)

// Texts of a refused client certificate, by how it was refused. {status_why}
// is the catalogue's entry for nginx's status (a 495 or 496 page shows
// the server is nginx); {alert_why} what the handshake's alert means.
const (
	rejectedTitle = "{addr} rejected the client certificate {cert} ({attempt})"
	rejectedCerts = "Check the certificate against the CA the server trusts:\n  mtlsdoctor certs --ca {client_ca} {cert}"
	rejected495   = "The certificate was sent and OpenSSL's verification failed. " +
		"Likely reasons: its issuer is not in ssl_client_certificate/ssl_trusted_certificate (20/21), an intermediate is missing or ssl_verify_depth is too small, it has expired (10), " +
		"it lacks clientAuth (26), or it is signed with SHA-1/MD5 or has a short key (68/66). "
)

var (
	ClientCertRejectedByNginxText = Text{ID: ClientCertRejected,
		Title: rejectedTitle,
		Why:   "{status_why}",
		Fix:   rejectedCerts + "\n{logs_fix}",
	}
	// ClientCertRejected495Text is nginx's 495; the Issuer variant is for a
	// certificate whose issuer the server does not advertise.
	ClientCertRejected495Text = Text{ID: ClientCertRejected,
		Title: rejectedTitle,
		Why:   rejected495 + "{status_why}",
		Fix:   rejectedCerts + "\n{logs_fix}",
	}
	ClientCertRejected495IssuerText = Text{ID: ClientCertRejected,
		Title: rejectedTitle,
		Why: rejected495 + "Here its issuer ({issuer}) is not among the CA names the server advertises, so the first suspect is 20/21: nginx does not have that issuer, or the client does not send the intermediate. " +
			"{status_why}",
		Fix: rejectedCerts + "\n{logs_fix}",
	}
	ClientCertRejectedInHandshakeText = Text{ID: ClientCertRejected,
		Title: rejectedTitle,
		Why:   "{server_cap} ended the TLS handshake{after_handshake} ({handshake}): {alert_why}.",
		Fix:   rejectedCerts + "\nCheck that {key} belongs to {cert}:\n  openssl x509 -noout -pubkey -in {cert} | sha256sum\n  openssl pkey -pubout -in {key} | sha256sum\n{logs_fix}",
	}
	ClientCertRejectedByHTTPText = Text{ID: ClientCertRejected,
		Title: rejectedTitle,
		Why:   "The TLS handshake completed and the request for {path} got HTTP {status}, where {without_words}: the application (or a rule of {server} on the certificate's verification result or subject) refused this identity.",
		Fix:   rejectedCerts + "\nCheck the rules that look at the client certificate's verification result or subject.\n{logs_fix}",
	}
	ClientCertRejectedNoAnswerText = Text{ID: ClientCertRejected,
		Title: rejectedTitle,
		Why:   "The handshake completed but no HTTP answer came ({error}).",
		Fix:   rejectedCerts + "\n{logs_fix}",
	}
)

// ClientCertUntestedText: what the server asked for is something this
// probe's TLS stack does not do ({limit_why}), so the attempts named in
// {attempts} prove nothing; {confirm} is the openssl command that does it.
var ClientCertUntestedText = Text{ID: ClientCertUntested,
	Title: "could not test {attempts} against {addr}: the server asks for something this probe's TLS stack does not do",
	Why:   "{limit_why} This is a limit of the probe (Go's crypto/tls), not a fault of the server; those attempts say nothing about the server.",
	Fix:   "Confirm it with OpenSSL, which does this:\n  {confirm}",
}

// Words for ClientCertUntestedText's {limit_why}, by probe limit.
const (
	LimitSigAlgsWhy = "The server's CertificateRequest allows only these signature algorithms for the client's certificate: {sigalgs}. " +
		"Go signs only with the algorithms its own TLS stack implements for the certificate's key, and none of them is on that list."
	LimitDecodeWhy = "The server sent a handshake message that Go's TLS stack refuses to decode ({handshake}): " +
		"typically a TLS 1.3 CertificateRequest whose certificate_authorities extension is empty, which OpenSSL servers send with no CA names to advertise."
	LimitRenegotiationWhy = "The server asked to renegotiate more than once after the handshake; the probe takes part in one renegotiation only."
	LimitUnexpectedWhy    = "The server sent a handshake message after the handshake that Go's TLS stack does not take ({handshake})."
	LimitPostHandshakeWhy = "Over TLS 1.3 the server sent no CertificateRequest in the handshake and refused every request for {path} with HTTP 403, with and without a certificate. " +
		"It may ask for the certificate after the handshake (post-handshake authentication, as Apache does for an SSLVerifyClient inside a <Location>), which Go's TLS stack does not offer; and TLS 1.2, where the probe could renegotiate, was not accepted or not asked in."
)

// Texts about the TLS versions the server accepts: {versions} are the old
// ones it accepted ("TLS 1.0 and TLS 1.1").
var (
	LegacyTLSText = Text{ID: LegacyTLS,
		Title: "{addr} accepts {versions}",
		Why:   "TLS 1.0 and 1.1 are deprecated (RFC 8996): they rely on SHA-1 and MD5 in the handshake. OpenSSL 3 refuses them at its default security level, so a server that accepts them runs at @SECLEVEL=0, an old OpenSSL or another TLS library.",
		Fix:   "{protocols_fix}",
	}
	NoTLS13Text = Text{ID: NoTLS13,
		Title: "{addr} does not offer TLS 1.3",
		Why:   "Only TLS 1.2 or older was accepted.{notls13_why} TLS 1.3 saves a round trip and drops old ciphers. Note that with TLS 1.3 a client learns about a refusal only on its first read.",
		Fix:   "{protocols_fix}",
	}
)

// serverTrust is, per cause the probe found (probe.Cause*), why the
// server's chain does not verify and what to do, in a few words for the
// title (title), for the system roots (why, fix) and, where it reads
// otherwise, for the --ca file (caWhy, caFix). {detail} is the certificate
// or product the cause names, {issuer_url} where the missing issuer's
// certificate is published.
var serverTrust = map[string]struct{ title, why, fix, caWhy, caFix string }{
	"intercepted": {
		title: ": a TLS-inspecting proxy re-signs it",
		why: "The chain was not made by the server's CA but by {detail}: a TLS-inspecting proxy, firewall or security product between this machine and {host} re-signs the traffic with its own CA. " +
			"Programs that use their own CA bundle instead of the system's (Python's certifi, node, Java's cacerts, Go in a container, Git for Windows) refuse it even where the system trusts that CA.",
		fix: "Give that CA to each client that refuses it (export it from the system's store, or ask whoever runs the proxy), or have the proxy exempt {host}:\n  curl --cacert proxy-ca.pem https://{addr}/\n  NODE_EXTRA_CA_CERTS=proxy-ca.pem node app.js\n  REQUESTS_CA_BUNDLE=proxy-ca.pem python app.py",
	},
	"self-signed": {
		title: ": it is self-signed",
		why: "{server_cap} serves a self-signed certificate ({detail}): no CA vouches for it, so clients refuse it unless given that very certificate as a CA. " +
			"A server with no certificate for the name asked may serve a default self-signed one (Traefik's TRAEFIK DEFAULT CERT when ACME failed, ingress-nginx's Kubernetes Ingress Controller Fake Certificate).",
		fix: "Serve a certificate from a CA the clients trust, or give the clients this certificate as their CA (to curl as --cacert, to this probe as --ca):\n  {sclient} 2>/dev/null | openssl x509 > server-selfsigned.pem",
	},
	"default-cert": {
		title: ": it is a proxy's default certificate",
		why: "The certificate served is the built-in default of {detail}: the proxy has no certificate for the name asked{sni_words}, so it serves its own self-signed one, which every client refuses. " +
			"Traefik does so when no router's TLS covers the name or its ACME (Let's Encrypt) request failed; ingress-nginx when no Ingress lists the name under tls.hosts or the Ingress's secret is missing, in another namespace, or not a valid certificate and key.",
		fix: "Give the proxy a certificate for that name (Traefik: a router with tls and a certresolver whose ACME challenge can succeed, or a default certificate in its TLS store; ingress-nginx: the name under the Ingress's tls.hosts, with a secret holding tls.crt and tls.key in the Ingress's namespace), and read the proxy's log for why it had none:\n  kubectl get secret -n NAMESPACE SECRET -o jsonpath='{.data.tls\\.crt}' | base64 -d | openssl x509 -noout -subject -text | grep -A1 -e '^subject=' -e 'Subject Alternative Name'",
	},
	"incomplete-chain": {
		title: ": its intermediate is not served",
		why:   "{server_cap} sends its certificate without the intermediate that issued it ({detail}). Browsers fetch a missing intermediate from the address the certificate gives ({issuer_url}); curl, OpenSSL, Go, Python, Java and node do not, so they refuse what browsers accept.",
		fix:   "Serve the full chain (Let's Encrypt: fullchain.pem, not cert.pem). {chain_fix}\n{reload_then}",
		caWhy: "{server_cap} sends its certificate without the intermediate that issued it ({detail}), so the chain cannot reach {ca}. Browsers fetch a missing intermediate from the address the certificate gives ({issuer_url}); curl, OpenSSL, Go, Python, Java and node do not.",
	},
	"unknown-issuer": {
		title: ": its issuer is neither sent nor trusted",
		why: "The certificates {server} sends end at one issued by {detail}, whose own certificate {server} does not send and the system's store does not hold. " +
			"Either it is a private CA, which every client must be given, or it is an intermediate that {server} must send with its certificate.",
		fix:   "See what it sends:\n  openssl s_client -connect {addr} {servername}-showcerts </dev/null\nIf the issuer is your own CA, give its certificate to the clients (to curl as --cacert, to this probe as --ca). If it is an intermediate, serve it. {chain_fix}",
		caWhy: "The certificates {server} sends end at one issued by {detail}, which is neither sent nor in {ca}: either {ca} holds another CA than the one that issued the chain, or an intermediate under it is not served.",
		caFix: "Compare issuers:\n  {sclient} | openssl x509 -noout -issuer\nagainst:\n  openssl x509 -noout -subject -in {ca}\nServe the full chain, or use the right CA file. {chain_fix}",
	},
	"private-root": {
		title: ": it ends at a private root",
		why:   "The chain ends at {detail}, a root the system's store does not hold: a private CA. That is normal for internal services, but every client must be given that root (curl --cacert, Go RootCAs, a Java truststore, NODE_EXTRA_CA_CERTS) or have it in its system store.",
		fix:   "Give the clients that root (to curl as --cacert, to this probe as --ca), or add it to their system store:\n  cp root.crt /usr/local/share/ca-certificates/private-root.crt\n  update-ca-certificates",
		caWhy: "The chain ends at {detail}, which is not the CA in {ca}: the server's certificate comes from another CA than the one given.",
		caFix: "Compare the root the server's chain ends at with the subject of {ca}, and give clients the right one:\n  openssl x509 -noout -subject -in {ca}",
	},
	"expired-ca": {
		title: ": a CA in its chain has expired",
		why:   "A CA certificate in the chain is out of its dates ({detail}). A server still sending an old cross-signed root or intermediate causes this (Let's Encrypt's chain through DST Root CA X3 after 2021-09-30, Sectigo's through AddTrust External CA Root after 2020-05-30); so does a wrong clock.",
		fix:   "Serve the CA's current chain without the expired certificate (download it again from the CA). {chain_fix}\nIf the dates look right, compare the clocks:\n  date -u",
	},
	"weak-signature": {
		title: ": a signature in its chain uses SHA-1",
		why:   "{detail} in the chain is signed with SHA-1 or MD5, which Go, browsers and OpenSSL 3 at its default security level refuse.",
		fix:   "Reissue it signed with SHA-256, with its names in subjectAltName, and serve the new chain:\n  " + resignServerCmd + "\nFor the commands with the certificate's own extensions, give its files to:\n  " + certsCmd,
	},
	"not-a-ca": {
		title: ": its issuer is not a CA",
		why:   "{detail} issued a certificate in the chain but is not a CA: it lacks basicConstraints CA:TRUE (or keyCertSign in its keyUsage), so no client accepts what it signs. A CA made without the v3_ca extensions, or a leaf certificate used as an issuer, does this.",
		fix:   "Make the CA again with CA extensions and sign the server certificate with it:\n  " + remakeCACmd,
	},
	"wrong-purpose": {
		title: ": it is not for TLS servers",
		why:   "The server's certificate (or a CA above it) does not allow TLS server use: its extendedKeyUsage lacks serverAuth, as a client certificate served as the server's does.",
		fix:   "Reissue it with extendedKeyUsage serverAuth and the server's name:\n  printf 'extendedKeyUsage=serverAuth\\nsubjectAltName=DNS:{host}\\n' > server.ext\n  openssl x509 -req -sha256 -in server.csr -CA ca.crt -CAkey ca.key -days 365 -extfile server.ext -out server.crt",
	},
	"": {
		why:   "With a private CA this is normal, but every client then needs that CA (curl `--cacert`, Go `RootCAs`); with a public CA it usually means the intermediate is not served.",
		fix:   "See the chain it sends; give clients the CA at its top (to curl as --cacert, to this probe as --ca):\n  openssl s_client -connect {addr} {servername}-showcerts </dev/null\nIf a public CA issued it, serve the intermediates too. {chain_fix}",
		caWhy: "Clients given that CA (curl `--cacert {ca}`) refuse to connect: either the file is not the CA that issued the server certificate, or the intermediate is not served.",
		caFix: "Compare issuers:\n  {sclient} | openssl x509 -noout -issuer\nagainst:\n  openssl x509 -noout -subject -in {ca}\nServe the full chain, or use the right CA file. {chain_fix}",
	},
}

// ServerTrustVars are the {cause_title}, {cause_why} and {cause_fix} of
// ServerCertUntrustedText (byCA false) and ServerCertUntrustedByCAText
// for a cause the probe found, filled with v.
func ServerTrustVars(cause string, byCA bool, v Vars) Vars {
	t, ok := serverTrust[cause]
	if !ok {
		t = serverTrust[""]
	}
	why, fix := t.why, t.fix
	if byCA && t.caWhy != "" {
		why = t.caWhy
	}
	if byCA && t.caFix != "" {
		fix = t.caFix
	}
	return Vars{"cause_title": t.title, "cause_why": Fill(why, v), "cause_fix": Fill(fix, v)}
}
