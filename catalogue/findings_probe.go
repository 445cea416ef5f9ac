package catalogue

import (
	"strings"

	"github.com/mtlsdoctor/mtlsdoctor/finding"
)

// This file holds the findings of `probe`: what a live handshake with a server shows.

// Ids of `probe`.
var (
	ConnectFailed          = id(finding.Probe, "connect-failed", errs, 0)
	Timeout                = id(finding.Probe, "timeout", errs, 0)
	NotTLS                 = id(finding.Probe, "not-tls", errs, 0)
	ProbeHandshakeFailed   = id(finding.Probe, "handshake-failed", errs, 0)
	ClientCertRejected     = id(finding.Probe, "client-cert-rejected", errs, 1)
	ServerCertExpired      = id(finding.Probe, "server-cert-expired", errs, 2)
	ServerHostnameMismatch = id(finding.Probe, "server-hostname-mismatch", errs, 3, warn)
	ServerCertUntrusted    = id(finding.Probe, "server-cert-untrusted", warn, 3, errs)
	MTLSNotEnforced        = id(finding.Probe, "mtls-not-enforced", warn, 0)
	MTLSOptional           = id(finding.Probe, "mtls-optional", errs, 1)
	AnyCertAccepted        = id(finding.Probe, "any-cert-accepted", errs, 0)
	IssuerNotAcceptable    = id(finding.Probe, "issuer-not-acceptable", warn, 2)
	LegacyTLS              = id(finding.Probe, "legacy-tls", warn, 4)
	ClientCertRequired     = id(finding.Probe, "client-cert-required", note, 1)
	ClientCertAccepted     = id(finding.Probe, "client-cert-accepted", note, 0)
	NoTLS13                = id(finding.Probe, "no-tls13", note, 2)
)

// The placeholders of the probe's texts: {addr} is the probed host:port
// (the target as given when it did not parse), {host} and {port} its
// parts, {sni} the SNI name sent, {cert}, {key} and {ca} the files given
// (client.crt, client.key and ca.crt when none was), {error} the error
// behind the finding, and {sclient} the ProbeSClient command.

// ProbeSClient is the openssl command that shows what the server sends.
const ProbeSClient = "openssl s_client -connect {addr} -servername {sni} </dev/null"

// Texts of a target that could not be probed. {cause} is ConnectCause's.
var (
	ConnectFailedText = Text{ID: ConnectFailed,
		Title: "cannot connect to {addr}",
		Why:   "No TCP connection could be made ({error}): {cause} This is before TLS: no certificate is involved yet.",
		Fix:   "On the server, check that nginx runs and listens there:\n  ss -ltnp | grep ':{port} '\n  nginx -T | grep -n listen\nCheck the name resolves:\n  getent hosts {host}",
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
			"Usually this is a plain HTTP server: in nginx a `listen` directive without `ssl` serves plain HTTP even on port 443, and ssl_verify_client then never runs.",
		Fix: "Add `ssl` to the listen directive:\n  listen {port} ssl;\nwith ssl_certificate and ssl_certificate_key, then reload:\n  {reload}\nor probe the port that serves TLS.",
	}
)

// connectCauses say in plain words what a dial error means, by words of
// the error; the first that matches wins.
var connectCauses = []struct {
	match []string
	cause string
}{
	{[]string{"refused"}, "nothing listens on that port (nginx is not running, or its `listen` names another port or address)."},
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

// Texts of a server with which no handshake completed: {handshake} is the
// error of the first; the second variant adds the catalogue entry for it
// ({entry_why}, {entry_fix}).
var (
	ProbeHandshakeFailedText = Text{ID: ProbeHandshakeFailed,
		Title: "no TLS handshake with {addr} succeeded",
		Why:   "Every handshake failed: {handshake}",
		Fix:   "See what the server says to a plain client:\n  {sclient}",
	}
	ProbeHandshakeFailedKnownText = Text{ID: ProbeHandshakeFailed,
		Title: ProbeHandshakeFailedText.Title,
		Why:   "Every handshake failed: {handshake}. {entry_why}",
		Fix:   "{entry_fix}\nConfirm it with:\n  {sclient}",
	}
)

// Texts about the server's own certificate. {date} is the day it expired
// or becomes valid; {name} the name it was checked for; {ca} the --ca file.
const (
	serverDatesTail = ", so every client that verifies the server (curl, Go, browsers) refuses the connection (curl: `SSL certificate problem: certificate has expired`). A wrong clock on either side does the same."
	serverDatesFix  = "Renew the server certificate, point ssl_certificate at it and reload:\n  {reload}\nCheck the dates:\n  {sclient} | openssl x509 -noout -dates"
)

var (
	ServerCertExpiredText = Text{ID: ServerCertExpired,
		Title: "the server certificate of {addr} expired on {date}",
		Why:   "nginx's own certificate has expired" + serverDatesTail,
		Fix:   serverDatesFix,
	}
	ServerCertNotYetValidText = Text{ID: ServerCertExpired,
		Title: "the server certificate of {addr} not valid before {date}",
		Why:   "nginx's own certificate is not yet valid" + serverDatesTail,
		Fix:   serverDatesFix,
	}
	ServerHostnameMismatchText = Text{ID: ServerHostnameMismatch,
		Title: "the server certificate of {addr} does not cover {name}",
		Why:   "Clients check that the server certificate names the host they asked for ({error}). curl refuses with `SSL: no alternative certificate subject name matches target host name`. If the server has several server blocks, the one for this SNI name may serve another certificate.",
		Fix:   "Issue the server certificate with the name in subjectAltName:\n  openssl req ... -addext 'subjectAltName={san}'\nor connect with a name it covers (`--servername`).\nSee what is served:\n  {sclient} | openssl x509 -noout -subject -ext subjectAltName",
	}
	// ServerCertUntrustedText is judged by the system roots (a warning);
	// ServerCertUntrustedByCAText by the --ca file (an error).
	ServerCertUntrustedText = Text{ID: ServerCertUntrusted,
		Title: "the server certificate of {addr} is not trusted by the system roots",
		Why:   "The chain nginx sends does not verify against the system's CA store ({error}). With a private CA this is normal, but every client then needs that CA (curl `--cacert`, Go `RootCAs`); with a public CA it usually means ssl_certificate lacks the intermediate.",
		Fix:   "Give clients the CA (and probe with --ca {ca}):\n  curl --cacert {ca} https://{addr}/\nIf a public CA issued it, put the leaf followed by its intermediates into ssl_certificate:\n  cat server.crt intermediate.crt > fullchain.pem",
	}
	ServerCertUntrustedByCAText = Text{ID: ServerCertUntrusted,
		Title: "the server certificate of {addr} is not trusted by {ca}",
		Why:   "The chain nginx sends does not verify against {ca} ({error}). Clients given that CA (curl `--cacert {ca}`) refuse to connect: either the file is not the CA that issued the server certificate, or nginx does not send the intermediate.",
		Fix:   "Compare issuers:\n  {sclient} | openssl x509 -noout -issuer\nagainst:\n  openssl x509 -noout -subject -in {ca}\nServe the full chain in ssl_certificate:\n  cat server.crt intermediate.crt > fullchain.pem\nor use the right CA file.",
	}
)

// Texts about whether the server asks for a client certificate. {status}
// is the HTTP status of the request made without one; {page} nginx's page
// for it; {attempt} how that request ended.
const (
	notEnforcedWhy = "The handshake had no CertificateRequest, so clients get in without a certificate: ssl_verify_client is off (its default) in the server block that answered. " +
		"nginx picks that block by the SNI name ({sni}) and the listen address; a block other than the one you configured may be answering."
	optionalWhy = "The server sends a CertificateRequest, yet the probe's request for {path}, sent with no certificate at all, was served (HTTP {status}): ssl_verify_client is optional or optional_no_ca, and nothing refused it. " +
		"That is what anyone gets, whatever headers the configuration forwards to a backend: a backend that should refuse did not."
	nothingToDo = "Nothing to do."
)

var (
	MTLSNotEnforcedText = Text{ID: MTLSNotEnforced,
		Title: "{addr} does not ask for a client certificate",
		Why:   notEnforcedWhy,
		Fix:   "In the server block:\n  ssl_client_certificate {client_ca_file};\n  ssl_verify_client on;\nthen reload:\n  {reload}",
	}
	// MTLSNotEnforcedCertText is for a probe that had a certificate to give.
	MTLSNotEnforcedCertText = Text{ID: MTLSNotEnforced,
		Title: MTLSNotEnforcedText.Title,
		Why:   notEnforcedWhy + " The certificate you gave ({cert}) was never asked for, so it was not sent and proves nothing here.",
		Fix:   MTLSNotEnforcedText.Fix,
	}
	MTLSOptionalText = Text{ID: MTLSOptional,
		Title: "{addr} asks for a client certificate but serves requests without one (HTTP {status})",
		Why:   optionalWhy,
		Fix: "To make nginx refuse such requests (496):\n  ssl_verify_client on;\nIf optional is deliberate, refuse in each location what did not verify:\n  if ($ssl_client_verify != SUCCESS) { return 403; }\n" +
			"If a backend is meant to decide from a forwarded $ssl_client_verify, check that it refuses a request without a certificate (this must not be served):\n  curl -sk -o /dev/null -D - https://{addr}{path}",
	}
	// AnyCertAcceptedText: the throwaway certificate, which no CA issued,
	// was served.
	AnyCertAcceptedText = Text{ID: AnyCertAccepted,
		Title: "{addr} lets in anyone with any certificate: a throwaway self-signed one was served (HTTP {status})",
		Why: "The probe made a certificate on the spot, signed by nobody the server can know, and the server asked for a client certificate, took that one and served the request. " +
			"Whoever can make a certificate, anyone, gets in. nginx does this with ssl_verify_client optional_no_ca when no location checks $ssl_client_verify (it holds FAILED:... for such a client); " +
			"a Go server with tls.RequireAnyClientCert or tls.VerifyClientCertIfGiven without ClientCAs, and an HAProxy bind with verify optional and crt-ignore-err all, do the same.",
		Fix: "nginx: verify client certificates against your CA:\n  ssl_client_certificate {client_ca_file};\n  ssl_verify_client on;\n" +
			"or, if optional_no_ca is deliberate, refuse what did not verify in each location:\n  if ($ssl_client_verify != SUCCESS) { return 403; }\n" +
			"Go: tls.Config{ClientAuth: tls.RequireAndVerifyClientCert, ClientCAs: pool}.",
	}
	// ClientCertRequired: nginx's 400 page, a refusal in the handshake,
	// or any other answer that did not serve the request.
	ClientCertRequiredText = Text{ID: ClientCertRequired,
		Title: "{addr} refuses requests without a client certificate",
		Why:   "As it should with ssl_verify_client on: nginx answered 400 ({page}).",
		Fix:   nothingToDo,
	}
	ClientCertRequiredInHandshakeText = Text{ID: ClientCertRequired,
		Title: ClientCertRequiredText.Title,
		Why:   "As it should with ssl_verify_client on: the server refused inside the TLS handshake ({handshake}); nginx itself never does that, it answers with a 400 page.",
		Fix:   nothingToDo,
	}
	ClientCertRequiredNotServedText = Text{ID: ClientCertRequired,
		Title: ClientCertRequiredText.Title,
		Why:   "As it should with ssl_verify_client on: the request was not served ({attempt}).",
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
		Title: ClientCertAcceptedText.Title,
		Why:   "The certificate was presented and the request was served. A throwaway self-signed certificate was served too, so this proves only that the server lets certificates through, not that it trusts this one.",
		Fix:   nothingToDo,
	}
	IssuerNotAcceptableText = Text{ID: IssuerNotAcceptable,
		Title: "Go and browser clients will not send {cert} to {addr}: its issuer is not among the CA names the server advertises",
		Why: "The server's CertificateRequest names {cas}, and no certificate in {cert} is issued by one of them (its issuer: {issuer}). " +
			"Go's crypto/tls and browsers then send no certificate at all, and nginx answers 400 'No required SSL certificate was sent' (496) although the client has one; curl and OpenSSL send it anyway, which is why it may work with curl. " +
			"nginx advertises exactly the subjects in ssl_client_certificate (not ssl_trusted_certificate).",
		Fix: "List the issuing CA in ssl_client_certificate:\n  cat int.crt >> {client_ca_file}\n" +
			"or give the client its full chain, so that a chain certificate's issuer is advertised:\n  cat {cert} int.crt > client-chain.crt\n" +
			"See what is advertised:\n  openssl s_client -connect {addr} -tls1_2 </dev/null 2>/dev/null | grep -A5 'Acceptable client certificate CA names'",
	}
)

// Texts of a refused client certificate, by how it was refused. {status_why}
// is the catalogue's entry for nginx's status; {entry_why} and {entry_fix}
// the entry for the handshake's error.
const (
	rejectedTitle = "{addr} rejected the client certificate {cert} ({attempt})"
	rejectedCerts = "See what nginx logs for it:\n  mtlsdoctor certs --ca {client_ca} {cert}"
	rejectedLogs  = "Set nginx's error log to the info level:\n  error_log {error_log} info;\nthen reload, reproduce, and read it:\n  mtlsdoctor logs {error_log}\nIt has the \"client SSL certificate verify error: (N:...)\" line with the reason."
	rejected495   = "The certificate was sent and OpenSSL's verification failed. " +
		"Likely reasons: its issuer is not in ssl_client_certificate/ssl_trusted_certificate (20/21), an intermediate is missing or ssl_verify_depth is too small, it has expired (10), " +
		"it lacks clientAuth (26), or it is signed with SHA-1/MD5 or has a short key (68/66). "
)

var (
	ClientCertRejectedByNginxText = Text{ID: ClientCertRejected,
		Title: rejectedTitle,
		Why:   "{status_why}",
		Fix:   rejectedCerts + "\n" + rejectedLogs,
	}
	// ClientCertRejected495Text is nginx's 495; the Issuer variant is for a
	// certificate whose issuer the server does not advertise.
	ClientCertRejected495Text = Text{ID: ClientCertRejected,
		Title: rejectedTitle,
		Why:   rejected495 + "{status_why}",
		Fix:   rejectedCerts + "\n" + rejectedLogs,
	}
	ClientCertRejected495IssuerText = Text{ID: ClientCertRejected,
		Title: rejectedTitle,
		Why: rejected495 + "Here its issuer ({issuer}) is not among the CA names the server advertises, so the first suspect is 20/21: nginx does not have that issuer, or the client does not send the intermediate. " +
			"{status_why}",
		Fix: rejectedCerts + "\n" + rejectedLogs,
	}
	ClientCertRejectedInHandshakeText = Text{ID: ClientCertRejected,
		Title: rejectedTitle,
		Why:   "The server ended the TLS handshake ({handshake}).",
		Fix:   rejectedCerts + "\nCheck that {key} belongs to {cert}:\n  openssl x509 -noout -pubkey -in {cert} | sha256sum\n  openssl pkey -pubout -in {key} | sha256sum",
	}
	ClientCertRejectedInHandshakeKnownText = Text{ID: ClientCertRejected,
		Title: rejectedTitle,
		Why:   "The server ended the TLS handshake ({handshake}). {entry_why}",
		Fix:   "{entry_fix}\n" + rejectedCerts,
	}
	ClientCertRejectedByHTTPText = Text{ID: ClientCertRejected,
		Title: rejectedTitle,
		Why:   "The TLS handshake completed and the server answered HTTP {status}, not nginx's stock certificate page: the application (or a `return {status}` in nginx's configuration, e.g. after checking $ssl_client_verify or $ssl_client_s_dn) refused this identity, or an error_page replaced nginx's page.",
		Fix:   rejectedCerts + "\nCheck the conditions on $ssl_client_verify / $ssl_client_s_dn in the nginx configuration.\n" + rejectedLogs,
	}
	ClientCertRejectedNoAnswerText = Text{ID: ClientCertRejected,
		Title: rejectedTitle,
		Why:   "The handshake completed but no HTTP answer came ({error}).",
		Fix:   rejectedCerts + "\n" + rejectedLogs,
	}
)

// Texts about the TLS versions the server accepts: {versions} are the old
// ones it accepted ("TLS 1.0 and TLS 1.1").
var (
	LegacyTLSText = Text{ID: LegacyTLS,
		Title: "{addr} accepts {versions}",
		Why:   "TLS 1.0 and 1.1 are deprecated (RFC 8996): they rely on SHA-1 and MD5 in the handshake. OpenSSL 3 refuses them at its default security level, so a server that accepts them runs at @SECLEVEL=0 or an old OpenSSL.",
		Fix:   "In the server (or http) block:\n  ssl_protocols TLSv1.2 TLSv1.3;\nthen reload:\n  {reload}",
	}
	NoTLS13Text = Text{ID: NoTLS13,
		Title: "{addr} does not offer TLS 1.3",
		Why:   "Only TLS 1.2 or older was accepted. nginx before 1.23.4 (Debian 12 ships 1.22.1) leaves TLSv1.3 out of its default ssl_protocols, so it is off unless listed. TLS 1.3 saves a round trip and drops old ciphers. Note that with TLS 1.3 a client learns about a refusal only on its first read.",
		Fix:   "In the server (or http) block:\n  ssl_protocols TLSv1.2 TLSv1.3;\nthen reload:\n  {reload}",
	}
)
