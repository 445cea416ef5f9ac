package catalogue

import "github.com/mtlsdoctor/mtlsdoctor/finding"

// This file holds the findings of `logs`: groups of nginx error and access log lines.

// Ids of `logs`. A group's priority is minus its count (the largest
// group first), set by the rule.
const (
	VerifyError         finding.ID = "logs/verify-error"
	NoClientCert        finding.ID = "logs/no-client-cert"
	PlainHTTP           finding.ID = "logs/plain-http"
	HandshakeFailed     finding.ID = "logs/handshake-failed"
	LogBadPassphrase    finding.ID = "logs/bad-passphrase"
	KeyLoadFailed       finding.ID = "logs/key-load-failed"
	LogKeyMismatch      finding.ID = "logs/key-mismatch"
	CertLoadFailed      finding.ID = "logs/cert-load-failed"
	StartupFailed       finding.ID = "logs/startup-failed"
	StaleSSLError       finding.ID = "logs/stale-ssl-error"
	UpstreamVerifyError finding.ID = "logs/upstream-verify-error"
	Status495           finding.ID = "logs/status-495"
	Status496           finding.ID = "logs/status-496"
	Status497           finding.ID = "logs/status-497"
	VerifyErrorsHidden  finding.ID = "logs/verify-errors-hidden"
	NotALog             finding.ID = "logs/not-a-log"
	TLSDebug            finding.ID = "logs/tls-debug"
)

var logsIDs = []finding.Spec{
	{ID: VerifyError, Severity: errs},
	{ID: NoClientCert, Severity: warn},
	{ID: PlainHTTP, Severity: warn},
	{ID: HandshakeFailed, Severity: warn, Others: []finding.Severity{note}},
	{ID: LogBadPassphrase, Severity: errs},
	{ID: KeyLoadFailed, Severity: errs},
	{ID: LogKeyMismatch, Severity: errs},
	{ID: CertLoadFailed, Severity: errs},
	{ID: StartupFailed, Severity: errs},
	{ID: StaleSSLError, Severity: note},
	{ID: UpstreamVerifyError, Severity: errs},
	{ID: Status495, Severity: errs, Others: []finding.Severity{note}},
	{ID: Status496, Severity: warn, Others: []finding.Severity{note}},
	{ID: Status497, Severity: warn, Others: []finding.Severity{note}},
	{ID: VerifyErrorsHidden, Severity: warn},
	{ID: NotALog, Severity: warn},
	{ID: TLSDebug, Severity: note},
}

func init() { finding.Register(logsIDs...) }

// logVerifyCodeTitle is the title of a verify error with a code.
const logVerifyCodeTitle = "client SSL certificate verify error ({code}:{text})"

// Texts of the findings `logs` makes itself. A verify error quotes the
// catalogue's words for its code: {code} and {text} as logged, {meaning},
// {causes} and {fix} the code's (see VerifyCode).
var (
	LogVerifyCodeText = Text{ID: VerifyError,
		Title: logVerifyCodeTitle,
		Why:   "{meaning} {causes}",
		Fix:   "{fix}",
	}
	// LogVerifyUnknownCodeText is for a code the catalogue does not know.
	LogVerifyUnknownCodeText = Text{ID: VerifyError, Title: logVerifyCodeTitle}
	// LogVerifyTextTitle is the title of a verify error without a code
	// (an OCSP result, {text}).
	LogVerifyTextTitle = "client SSL certificate verify error: {text}"
	// LogVerifyStatusText is an access-log 495 whose $ssl_client_verify
	// names the verify error ({text}).
	LogVerifyStatusText = Text{ID: Status495,
		Title: "400 responses for certificate errors (495: {text})",
		Why:   "nginx logs status 495 as 400 in the access log. {meaning} {causes}",
		Fix:   "{fix}",
	}
	// LogReasonTitle is the title of an entry followed by the reason of
	// the line ({title}, {reason}).
	LogReasonTitle = "{title}: {reason}"
	// LogBeforeReloadTitle and LogBeforeReloadWhy mark a group of events
	// logged before nginx's last start or reload ({reload}).
	LogBeforeReloadTitle = "{title}, before nginx's last reload ({reload})"
	LogBeforeReloadWhy   = "These were logged before nginx last started or reloaded, so the configuration and files that caused them may no longer be in use; the findings above say what the running configuration does. {why}"

	// LogResolvedFix is the fix of a group whose cause no longer holds.
	LogResolvedFix = "Nothing to do while it stays away. If it comes back, run doctor again."
	// LogFixedByCertTitle and LogFixedByCertWhy mark a group of refused
	// client certificates that ended before the given certificate
	// ({file}) was issued ({issued}), now that the probe with it is
	// accepted.
	LogFixedByCertTitle = "{title}, none since {file} was issued ({issued})"
	LogFixedByCertWhy   = "The probe with {file} was accepted, and nothing like this was logged after it was issued: these were most likely that client before its certificate was reissued. A client that is still refused keeps logging this; run the next doctor after it has tried again. {why}"
)

// The title and fix of verify-errors-hidden's texts.
const (
	verifyErrorsHiddenTitle = "client-certificate errors are missing from the error log"
	verifyErrorsHiddenFix   = "In the server (or http) block:\n  error_log /var/log/nginx/error.log info;\nthen reload:\n  {reload}\nand run:\n  mtlsdoctor logs /var/log/nginx/error.log /var/log/nginx/access.log"
)

// Texts of verify-errors-hidden: the access log has 400s for certificate
// errors ({hidden}: "3 certificate verify errors (495), ...") that the
// error log does not explain, or no error log was given.
var (
	VerifyErrorsHiddenText = Text{ID: VerifyErrorsHidden,
		Title: verifyErrorsHiddenTitle,
		Why:   "The access log shows {hidden} as status 400, but the error log has no matching lines. nginx writes client-certificate errors at the info level, and the default error_log level is error, so out of the box they are never written: clients get \"400 The SSL certificate error\" and the log stays silent.",
		Fix:   verifyErrorsHiddenFix,
	}
	VerifyErrorsHiddenNoErrorLogText = Text{ID: VerifyErrorsHidden,
		Title: verifyErrorsHiddenTitle,
		Why:   "The access log shows {hidden} as status 400, and no error log was given. The reasons (the OpenSSL verify code) are only in the error log, and only at the info level.",
		Fix:   verifyErrorsHiddenFix,
	}
	// HiddenStatuses name the 400s of each special status, by status.
	HiddenStatuses = map[int]string{495: "certificate verify errors (495)", 496: "missing client certificates (496)", 497: "plain HTTP requests (497)"}
)

// TLSDebugText is the group of nginx's debug-level lines about TLS: the
// steps of every handshake and read, not failures.
var TLSDebugText = Text{ID: TLSDebug,
	Title: "nginx's debug trace of TLS handshakes (routine steps, not failures)",
	Why:   "At the debug level (an nginx built with --with-debug and `error_log FILE debug;`) nginx writes every step of each TLS handshake and read: SSL_do_handshake: -1 and SSL_get_error: 2 mean it is waiting for more data, then the version and cipher agreed and the session reused. They are counted here; failures are logged at info and above, and mtlsdoctor explains those lines apart.",
	Fix:   "Nothing to fix in these lines. Keep the debug level only while debugging: it slows nginx and fills the disk. Back to the usual level:\n  error_log /var/log/nginx/error.log info;",
}

// NotALogText is a file given to `logs` that holds no nginx log line ({file}).
var NotALogText = Text{ID: NotALog,
	Title: "no nginx log lines recognised in {file}",
	Why:   "None of its first lines looks like an nginx error-log line (YYYY/MM/DD HH:MM:SS [level] ...) or an access-log line (combined or JSON format).",
	Fix:   "Check the path; error_log and access_log in the nginx configuration name the real files.",
}

// OtherLogHint follows the refusal of a file that holds no nginx log line
// but lines about TLS from another program ({file}, {writer}, {count} of
// the lines read, {line} the first, quoted for a shell).
const OtherLogHint = "{file} looks like a log of {writer}, not nginx: {count} of its lines speak of TLS. `logs` reads nginx's logs only; explain tells such lines one at a time:\n  mtlsdoctor explain {line}"

// Words `logs` adds to a report.
const (
	// LogsExplainedAbove ends the explanation of an access-log group whose
	// requests the error log explains.
	LogsExplainedAbove = "The error log's lines for the same requests are reported above."
	// LogsUnexplainedHeader ends the header when {n} of the lines about
	// TLS match no entry (they are the tls-unexplained group).
	LogsUnexplainedHeader = " ({n} of them unexplained, in their own group)"
	// LogsOtherFiles titles the group that load errors of files past the
	// group bound are folded into: its example names only one of them.
	LogsOtherFiles = "{title}, and the same kind of error for other files"
	// LogsAllClear is what logs with nothing about mutual TLS lead to.
	LogsAllClear = "nothing about mutual TLS in these logs. If clients get 400s, make sure nginx logs at info level:\n  error_log /var/log/nginx/error.log info;"
)

// StreamRefusal tells what a client sees when nginx's stream module
// refuses its certificate, checked with a real nginx 1.22 stream server.
const StreamRefusal = "The stream module sends no 400 page and sets no $ssl_client_verify for an HTTP backend: the client sees its connection close right after the handshake (curl: (52) Empty reply from server; a Go or Python client an EOF; openssl s_client still prints Verify return code: 0 (ok), which is about the server's certificate)."

// StreamVerify names the stream module for its verify-error lines.
const StreamVerify = "This line is from nginx's stream module (a stream {} server with ssl_verify_client), which checks the certificate at the end of the handshake and closes the connection."

// logLineEntries are the catalogue's entries for the lines nginx writes to
// its error log (whatever section reports their finding: a few start-up
// lines are certs' and nginx's findings too). Lookup reads them first, in
// this order; within a family the specific entries come before the
// catch-all. A new kind of log line is an entry here, its id above, and
// its kind in logparse's table.
// listenerGroupsFix is the fix for a handshake broken by the key-exchange
// groups of a listener, which any of its server blocks may set.
const listenerGroupsFix = "Find every ssl_ecdh_curve of the listener, and set one list that starts with the groups clients guess, or remove it:\n  nginx -T 2>/dev/null | grep -n -E 'listen|server_name|ssl_ecdh_curve'\n  ssl_ecdh_curve X25519:prime256v1:secp384r1;"

var logLineEntries = []Entry{
	// Per-request client-certificate lines (ngx_http_request.c).
	{
		ID: VerifyError, Kind: "nginx", Level: infoLevel, Status: 495,
		Match: []string{"client ssl certificate verify error: certificate status request failed", "certificate status request failed"},
		Title: "OCSP check of the client certificate failed (495, sent as 400)",
		Explanation: "ssl_ocsp is on and nginx could not get a usable answer from the OCSP responder for the client certificate (unreachable responder, no resolver for its name, or a bad response), so it rejects the request with its 400 'The SSL certificate error' page. " +
			"$ssl_client_verify reads FAILED:certificate status request failed. " + infoHidden,
		Fix:     "Make sure nginx can reach the responder named in the certificate (or set `ssl_ocsp_responder`) and has a resolver for its host name; otherwise turn the check off:\n  ssl_ocsp off;",
		Confirm: "openssl ocsp -issuer int.crt -cert client.crt -url $(openssl x509 -noout -ocsp_uri -in client.crt) -resp_text",
	},
	{
		ID: VerifyError, Kind: "nginx", Level: infoLevel, Status: 495,
		Match: []string{"client ssl certificate verify error: certificate revoked"},
		Title: "OCSP responder says the client certificate is revoked (495, sent as 400)",
		Explanation: "ssl_ocsp is on and the OCSP responder answered 'revoked' for the client certificate; nginx rejects the request with its 400 'The SSL certificate error' page. " +
			"This variant has no number: it comes from OCSP, not from a CRL (a CRL gives (23:certificate revoked)). " + infoHidden,
		Fix:     "Issue the client a new certificate with a new serial:\n  " + reissueClient,
		Confirm: "openssl ocsp -issuer int.crt -cert client.crt -url $(openssl x509 -noout -ocsp_uri -in client.crt) -resp_text",
	},
	{
		ID: VerifyError, Kind: "nginx", Level: infoLevel, Status: 495,
		Match: []string{"client ssl certificate verify error: certificate status unknown", "certificate status unknown"},
		Title: "OCSP responder does not know the client certificate (495, sent as 400)",
		Explanation: "ssl_ocsp is on and the OCSP responder answered 'unknown': it has no record of this certificate, usually because it belongs to another CA or the responder's database is behind. " +
			"nginx rejects the request with its 400 'The SSL certificate error' page. " + infoHidden,
		Fix:     "Point nginx at the responder of the CA that issued the client certificates:\n  ssl_ocsp_responder http://ocsp.example/;\nor make sure that CA's responder knows every certificate it issued.",
		Confirm: "openssl ocsp -issuer int.crt -cert client.crt -url $(openssl x509 -noout -ocsp_uri -in client.crt) -resp_text",
	},
	{
		ID: VerifyError, Kind: "nginx", Level: infoLevel, Status: 495, Fallback: true,
		Match: []string{"client ssl certificate verify error"},
		Title: "nginx rejected the client certificate (495, sent as 400)",
		Explanation: "The client sent a certificate, the TLS handshake completed, and after reading the request headers nginx found that OpenSSL's verification had failed; it answers with its 400 'The SSL certificate error' page. " +
			"The number and text in parentheses are the last error OpenSSL reported, which is often not the first problem. " + as400 + " " + infoHidden,
		Fix:     "Look up the code in the parentheses, e.g.:\n  mtlsdoctor explain 20\nand check the certificate files:\n  " + certsCmd,
		Confirm: verifyClient,
	},
	// nginx's stream module checks the client certificate at the end of
	// the handshake and closes the connection (a real nginx 1.22 with
	// libnginx-mod-stream): its lines end "while SSL handshaking", where
	// the http module's end "while reading client request headers".
	{
		ID: NoClientCert, Kind: "nginx", Level: infoLevel, Within: []string{"while ssl handshaking"},
		Match: []string{"client sent no required ssl certificate"},
		Title: "Client sent no certificate (nginx stream module: connection closed)",
		Explanation: "ssl_verify_client is on in a stream {} server (nginx proxying TCP with TLS) and the client finished the handshake without a certificate, so nginx closed the connection. " + StreamRefusal + " " +
			"Either the client was given no certificate (curl without --cert), or it chose not to send it: Go, Java, browsers and similar clients send a certificate only when its issuer is among the CA names nginx advertises, which are the subjects in ssl_client_certificate. " + infoHidden,
		Fix:     "Give the client its certificate and key:\n  curl --cert client.crt --key client.key https://host/\nFor Go, Java and browsers, list the issuing CA in the stream server's ssl_client_certificate or give the client its full chain:\n  cat client.crt int.crt > client-chain.crt",
		Confirm: "openssl s_client -connect host:443 -tls1_2 </dev/null 2>/dev/null | grep -A5 'Acceptable client certificate CA names'",
	},
	{
		ID: HandshakeFailed, Kind: "nginx", Level: "crit", Within: []string{"ssl_do_handshake() failed", "ssl_read() failed", "ssl_write() failed"}, Without: []string{"upstream"},
		Match:       []string{"alert number 121", "reason(1121)", "alert ech required"},
		Title:       "A client gave up on Encrypted Client Hello with this server (alert 121 ech_required)",
		Explanation: "The client offered Encrypted Client Hello (ECH) with keys it found in the name's DNS HTTPS record, found that this server did not accept them, and ended the connection with ech_required to try again (with keys the server sent back, or without ECH). nginx does not serve ECH here, so a name whose DNS advertises ECH keys sends every such client (recent browsers, Go 1.23 and later with ECH configured) through this: typically an HTTPS record with ech= left from a CDN or proxy the name used to point at. One address now and then is a client with stale DNS.",
		Fix:         "See whether the name's DNS advertises ECH:\n  dig +short HTTPS host.example.com\nAn ech= parameter in the answer, while nginx here has no ECH keys, should go: remove it from the record (or the record, if the CDN that published it no longer fronts the name).",
		Confirm:     "dig +short HTTPS host.example.com",
	},
	{
		ID: HandshakeFailed, Kind: "nginx", Level: infoLevel, Within: []string{"ssl_do_handshake() failed"}, Without: []string{"upstream"},
		Match: []string{"alert illegal parameter"},
		Title: "A client refused a value in nginx's handshake (alert 47 illegal_parameter)",
		Explanation: "The client found a field of nginx's ServerHello or key exchange out of range or inconsistent with what it offered. Three causes cover most cases: 1. the key-exchange groups: an ssl_ecdh_curve that leaves out the groups clients guess (X25519, P-256), often set in another server block on the same listen address and port, makes nginx ask for another group (HelloRetryRequest), which some clients and middleboxes mishandle; " +
			"2. a middlebox or an old TLS 1.3 client that does not follow a TLS 1.3 answer; 3. a client library's bug with the server's signature (RSA-PSS with an RSA key). One address now and then is a broken client or a scanner.",
		Fix:     listenerGroupsFix + "\nIf the failing clients are known and old, see whether TLS 1.2 works for them:\n  openssl s_client -connect host:443 -servername host -tls1_2 </dev/null",
		Confirm: "openssl s_client -connect host:443 -servername host -tls1_3 -groups secp384r1 </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "nginx", Level: "crit", Within: []string{"ssl_do_handshake() failed"}, Without: []string{"upstream"},
		Match: []string{"client_hello:bad cipher", ":bad cipher)"},
		Title: "A client's second hello did not keep its cipher (bad cipher): the key-exchange groups of this listener",
		Explanation: "A TLS 1.3 client was asked by nginx for another key-exchange group (HelloRetryRequest, when none of the groups it guessed is among ssl_ecdh_curve's) and its second ClientHello did not keep the cipher of the first, which OpenSSL refuses. It comes from an ssl_ecdh_curve that leaves out the usual groups (X25519, P-256), often set in another server block on the same listen address and port, whose settings the default server's handshake takes, together with a client that mishandles the retry. " +
			"One address now and then is a scanner or a broken client.",
		Fix:     listenerGroupsFix,
		Confirm: "openssl s_client -connect host:443 -servername host -tls1_3 -groups secp384r1 </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "nginx", Level: "crit", Within: []string{"while ssl handshaking"},
		Match: []string{"application data after close notify"},
		Title: "nginx closed a client it refused, and the client's data came after (stream module)",
		Explanation: "nginx's stream module refused the client's certificate (none sent, or one that did not verify) at the end of the handshake and shut the connection down while the client, whose side of the handshake was done, was already sending data: SSL_shutdown read that data after its own close_notify and failed, which nginx logs at crit. " +
			"The crit line is a consequence; the info line just before it, for the same connection number (*N), says why: `client sent no required SSL certificate` or `client SSL certificate verify error: (N:...)` (seen so with a real nginx 1.22 stream server and curl). " + StreamRefusal,
		Fix:     "Log at info level to see the reason line, then fix the client's certificate:\n  error_log /var/log/nginx/error.log info;\n  mtlsdoctor logs /var/log/nginx/error.log",
		Confirm: "openssl s_client -connect host:443 -cert client.crt -key client.key </dev/null",
	},
	// $ssl_client_verify as an application behind ssl_verify_client
	// optional sees it.
	{
		ID: NoClientCert, Kind: "nginx", Within: []string{"none"}, Without: []string{"failed:", "success"},
		Match:       []string{"client_verify", "client-verify"},
		Title:       "The server got no client certificate (its client verify result is NONE)",
		Explanation: "With ssl_verify_client optional (or optional_no_ca), nginx lets a request through without a client certificate and sets $ssl_client_verify to NONE, which the application then sees (Apache's SSLVerifyClient optional sets SSL_CLIENT_VERIFY so). Either the client was given no certificate, or it chose not to send one: Go, browsers and similar clients only send a certificate whose issuer is among the CA names nginx advertises (the subjects in ssl_client_certificate, not ssl_trusted_certificate). When TLS ends before nginx (a load balancer or CDN in front), nginx never sees the client's certificate at all.",
		Fix:         "Give the client its certificate and key, and see which CA names nginx asks for:\n  curl -v --cert client.crt --key client.key https://host/\n  openssl s_client -connect host:443 -tls1_2 </dev/null 2>/dev/null | grep -A5 'Acceptable client certificate CA names'\nWith a TLS-terminating load balancer in front, pass TLS through to nginx or have the balancer check the certificate.",
		Confirm:     "openssl s_client -connect host:443 -cert client.crt -key client.key </dev/null",
	},
	{
		ID: NoClientCert, Kind: "nginx", Level: infoLevel, Status: 496, Without: []string{"while ssl handshaking"},
		Match: []string{"client sent no required ssl certificate"},
		Title: "Client sent no certificate (496, sent as 400)",
		Explanation: "ssl_verify_client is on and the client finished the handshake without a certificate, so nginx answers with its 400 'No required SSL certificate was sent' page. " +
			"Either the client was given no certificate (curl without --cert), or it chose not to send it: Go, browsers and similar clients only send a certificate whose issuer is among the CA names nginx advertises, and nginx advertises exactly the subjects in ssl_client_certificate (not ssl_trusted_certificate). " +
			"A client that holds only its leaf, issued by an intermediate that is not in that file, therefore sends nothing. " +
			"Erlang/OTP clients also withhold a SHA-1-signed certificate, an algorithm OpenSSL 3 leaves out of nginx's request. " + infoHidden,
		Fix:     "Give the client its certificate and key:\n  curl --cert client.crt --key client.key https://host/\nFor Go and browsers, list the issuing CA in ssl_client_certificate or give the client its full chain:\n  cat client.crt int.crt > client-chain.crt\nWhen the client is another nginx proxying here (proxy_pass https://...), give it a certificate where it proxies:\n  proxy_ssl_certificate     /etc/nginx/upstream-client.crt;\n  proxy_ssl_certificate_key /etc/nginx/upstream-client.key;",
		Confirm: "openssl s_client -connect host:443 -tls1_2 </dev/null 2>/dev/null | grep -A5 'Acceptable client certificate CA names'",
	},
	{
		ID: PlainHTTP, Kind: "nginx", Level: infoLevel, Status: 497,
		Match: []string{"client sent plain http request to https port"},
		Title: "Plain HTTP sent to the HTTPS port (497, sent as 400)",
		Explanation: "A client spoke plain HTTP to a port nginx serves with TLS (`listen ... ssl`). nginx spots it from the first byte and answers with its 400 'The plain HTTP request was sent to HTTPS port' page. " +
			"Not a certificate problem. " + infoHidden,
		Fix:     "Use https:// in the client's URL (wss:// for a WebSocket: some WebSocket libraries turn TLS on only for wss://, even given an https:// URL). To redirect such clients, add to the server block:\n  error_page 497 =301 https://$host$request_uri;",
		Confirm: "curl -sv http://host:443/ -o /dev/null",
	},

	// An https:// backend that closed without a response: how nginx's
	// stream module and Node.js servers refuse the client certificate
	// nginx sent, or the one it did not send (real runs here).
	{
		ID: HandshakeFailed, Kind: "nginx", Level: "error", Within: []string{"upstream: \"https://"},
		Match: []string{"upstream prematurely closed connection"},
		Title: "The https backend closed the connection without a response",
		Explanation: "Here nginx is the client: it proxied to a backend over https (proxy_pass https://...), the TLS handshake completed from nginx's side, and the backend closed before it sent a response header, so the request gets 502. " +
			"With a backend that requires client certificates, this is often its refusal of the certificate nginx sent, or of none: nginx's stream module (ssl_verify_client in a stream {} server) and Node.js servers (requestCert with rejectUnauthorized) check it after the handshake and close without an alert, as real runs here showed, and so do other servers over TLS 1.3. " +
			"Otherwise the backend's application failed on the request or closed a kept-alive connection as nginx reused it.",
		Fix: "If the backend requires a client certificate, give nginx one from a CA the backend trusts, where it proxies to it:\n" +
			"  proxy_ssl_certificate     /etc/nginx/upstream-client.crt;\n  proxy_ssl_certificate_key /etc/nginx/upstream-client.key;\n" +
			"then reload, and read the backend's own log for its reason:\n  " + reload,
		Confirm: "openssl s_client -connect BACKEND:443 -cert /etc/nginx/upstream-client.crt -key /etc/nginx/upstream-client.key </dev/null",
	},

	// SSL_do_handshake() failed: the reason decides the meaning. Alert reasons
	// carry Within, because in nginx's log they are the client's complaint
	// about the server, while a client printing them reports the server's.
	// Only a handshake to an upstream turns the roles around: nginx is the
	// client there, and the alert is the backend's.
	{
		ID: HandshakeFailed, Kind: "nginx", Level: "error", Within: []string{"while ssl handshaking to upstream", "while reading response header from upstream"},
		Match: []string{"alert handshake failure", "alert certificate required", "alert unknown ca", "alert bad certificate",
			"alert certificate unknown", "alert access denied", "alert certificate expired", "alert decrypt error"},
		Title: "nginx could not finish the TLS handshake with its upstream",
		Explanation: "Here nginx is the client: it connects to a backend over https (proxy_pass https://...), and the backend ended the handshake, so the request gets 502. The alert is the backend's complaint about nginx; four causes cover most cases: " +
			"1. nginx sent no server name (SNI), which nginx leaves out by default: a CDN, cloud load balancer, ingress or any backend with several names answers with handshake failure (40) or unrecognized name; " +
			"2. the backend requires a client certificate and nginx sent none, because proxy_ssl_certificate is not set: handshake failure (40) or certificate required (116); " +
			"3. the backend refused the certificate nginx sent: unknown ca (48), bad certificate (42), certificate expired (45); " +
			"4. no TLS version or cipher in common (an old backend with TLS 1.0 only against nginx's proxy_ssl_protocols, or the reverse). Over TLS 1.3 the backend's refusal can arrive after the handshake, as nginx reads the response (SSL_read() failed ... while reading response header from upstream).",
		Fix: "A backend that serves several names needs its name in SNI, which nginx does not send by default:\n  proxy_ssl_server_name on;\n  proxy_ssl_name backend.example.com;\n" +
			"If the backend requires a client certificate, give nginx one where it proxies to it:\n" +
			"  proxy_ssl_certificate     /etc/nginx/upstream-client.crt;\n  proxy_ssl_certificate_key /etc/nginx/upstream-client.key;\n" +
			"then reload:\n  " + reload + "\nIf it refuses the one nginx sends, issue nginx a certificate from a CA the backend trusts. For an old backend, see which versions it takes and allow them to it:\n  openssl s_client -connect BACKEND:443 -tls1 </dev/null\n  proxy_ssl_protocols TLSv1 TLSv1.1 TLSv1.2 TLSv1.3;",
		Confirm: "openssl s_client -connect BACKEND:443 -cert /etc/nginx/upstream-client.crt -key /etc/nginx/upstream-client.key </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "nginx", Level: infoLevel, Within: []string{handshakeLine}, Without: []string{ownHandshake},
		Match: []string{"tlsv1 alert unknown ca"},
		Title: "Client rejected nginx's server certificate: unknown CA (alert 48)",
		Explanation: "The client does not trust the CA that signed nginx's server certificate and aborted the handshake. " + serverSide + " " +
			"Typical: curl or an application without the private CA (`--cacert`), or an ssl_certificate file that lacks its intermediate.",
		Fix:     "Give the client the server's CA:\n  curl --cacert ca.crt ...\nand serve the full chain as ssl_certificate:\n  cat server.crt int.crt > /etc/nginx/server-chain.crt",
		Confirm: "openssl s_client -connect host:443 -showcerts </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "nginx", Level: infoLevel, Within: []string{handshakeLine}, Without: []string{ownHandshake},
		Match:       []string{"sslv3 alert bad certificate"},
		Title:       "Client rejected nginx's server certificate: bad certificate (alert 42)",
		Explanation: "The client refused a certificate nginx presented, normally the server certificate or its chain (wrong name, untrusted, malformed). " + serverSide,
		Fix:         "Check what the client sees (this prints the client's reason):\n  " + curlClient + "\nthen fix the server certificate or chain nginx serves.",
		Confirm:     "openssl s_client -connect host:443 -servername host -showcerts </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "nginx", Level: infoLevel, Within: []string{handshakeLine}, Without: []string{ownHandshake},
		Match:       []string{"sslv3 alert certificate unknown"},
		Title:       "Client rejected nginx's server certificate (alert 46)",
		Explanation: "The client refused nginx's server certificate without giving a specific reason, typically an untrusted CA or a name mismatch. " + serverSide,
		Fix:         "Make the server certificate match the host name and be issued by a CA the client trusts, and serve the full chain in ssl_certificate.",
		Confirm:     "openssl s_client -connect host:443 -servername host -showcerts </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "nginx", Level: infoLevel, Within: []string{handshakeLine}, Without: []string{ownHandshake},
		Match:       []string{"sslv3 alert certificate expired"},
		Title:       "Client says nginx's server certificate has expired (alert 45)",
		Explanation: "The client judged nginx's server certificate (or a certificate in its chain) as expired, or the client's clock is wrong. " + serverSide,
		Fix:         "Renew the server certificate, then reload:\n  " + reload + "\nCheck the client's clock if the certificate is in fact valid.",
		Confirm:     "openssl x509 -noout -enddate -in /etc/nginx/server.crt",
	},
	{
		ID: HandshakeFailed, Kind: "nginx", Level: infoLevel, Within: []string{handshakeLine}, Without: []string{ownHandshake},
		Match:       []string{"sslv3 alert handshake failure"},
		Title:       "Client aborted the handshake (alert 40)",
		Explanation: "The client found nothing acceptable in what nginx offered: no common TLS version, cipher suite, signature algorithm or curve; or the client is an Erlang one (RabbitMQ's shovels, an Elixir app) that refused nginx's server certificate for its name (hostname_check_failed), which Erlang reports with this alert, as a real run here showed.",
		Fix:         "Compare the client's settings with nginx's ssl_protocols and ssl_ciphers. This, with the default ciphers, suits current clients:\n  ssl_protocols TLSv1.2 TLSv1.3;",
		Confirm:     "openssl s_client -connect host:443 -tls1_2 </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "nginx", Level: "crit", Within: []string{handshakeLine}, Without: []string{ownHandshake},
		Match: []string{"tlsv13 alert certificate required"},
		Title: "nginx's peer demanded a certificate nginx did not send (alert 116)",
		Explanation: "A TLS 1.3 peer required a client certificate from nginx. An nginx HTTP server does not get this from its clients, so it most likely comes from a connection where nginx is the client, e.g. to a backend that requires mTLS. " +
			"nginx before 1.31.0 logs it at crit.",
		Fix:     "Give nginx a client certificate for the backend:\n  proxy_ssl_certificate /etc/nginx/upstream-client.crt;\n  proxy_ssl_certificate_key /etc/nginx/upstream-client.key;",
		Confirm: "openssl s_client -connect backend:443 -cert upstream-client.crt -key upstream-client.key </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "reason", Level: "crit",
		Match: []string{"ssl routines::bad signature", ":bad signature"}, Exact: []string{"bad signature"},
		Title: "Client's private key does not match its certificate",
		Explanation: "The signature the client made with its private key during the handshake (CertificateVerify) does not verify with the public key in the certificate it sent, so the key does not belong to the certificate. " +
			"This is the one client-certificate failure nginx rejects inside the handshake; it logs it at crit, and a Go client sees `remote error: tls: error decrypting message`.",
		Fix:     "Pair the client certificate with its own key: find the matching key, or make a new key and CSR and reissue:\n  " + reissueClient,
		Confirm: keyPairConfirm,
	},
	// ngx.ssl's parse functions given something that is not PEM text.
	{
		ID: CertLoadFailed, Kind: "nginx", Level: "error",
		Match: []string{"could not parse pem certificate", "could not parse pem priv key", "failed to parse pem cert", "failed to parse pem key",
			"failed to convert certificate chain from pem to der", "failed to convert private key from pem to der"},
		Title:       "Lua code gave ngx.ssl something that is not a PEM certificate or key",
		Explanation: "Code in ssl_certificate_by_lua (ngx.ssl's parse_pem_cert, parse_pem_priv_key, cert_pem_to_der, priv_key_pem_to_der) got data that is not PEM: most often a file name or an empty value where the PEM text belongs (these functions take the certificate itself, not its path), or a value from a store (Redis, a database, a shared dict) that is cut, escaped (\\n for new lines), or DER. nginx then has no certificate for the connection and the handshake fails with `cert cb error`.",
		Fix:         "Pass the file's contents, not its name:\n  local f = assert(io.open(\"/etc/nginx/certs/site.crt\")) local pem = f:read(\"*a\") f:close()\n  local cert = assert(ssl.parse_pem_cert(pem))\nand check that a stored value keeps its BEGIN CERTIFICATE line and its new lines.",
		Confirm:     "openssl x509 -noout -subject -in /etc/nginx/certs/site.crt",
	},
	{
		ID: HandshakeFailed, Kind: "reason",
		Match:       []string{"cert cb error"},
		Title:       "nginx's certificate callback failed: no certificate for this connection",
		Explanation: "OpenSSL asked nginx for the certificate of this connection and nginx's callback failed. With ssl_certificate_by_lua (OpenResty, lua-resty-auto-ssl) the Lua code raised an error or found no certificate for the name (or handed ngx.ssl a file name where the PEM text belongs); with variables in ssl_certificate (nginx 1.15.9 and later) the file they name could not be loaded. The client gets an alert and no page.",
		Fix:         "Read the lines nginx logged just before this one for the callback's own error, and make a certificate available for the name: for ssl_certificate_by_lua, the Lua code and its storage; for ssl_certificate with variables, the file for that $ssl_server_name.",
		Confirm:     "openssl s_client -connect host:443 -servername NAME </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "reason", Level: infoLevel,
		Match:       []string{"no shared cipher"},
		Title:       "No cipher suite in common with the client",
		Explanation: "None of the cipher suites the client offered works with the server's cipher list and its key type. Five causes cover most cases: 1. an ECDSA (EC key) server certificate facing clients that offer only RSA suites (old clients, embedded devices and IoT firmware, narrow TLS 1.2 client settings), or a client offering only ECDSA suites to an RSA certificate; 2. a very narrow ssl_ciphers, or a client that offers only old suites (RC4, 3DES, export) the server no longer takes; 3. DHE suites only, on a server without DH parameters (some servers generate them at first start and refuse DHE meanwhile); 4. suites the server needs that OpenSSL 1.1's default security level drops: the anonymous DH suites of EAP-FAST provisioning (FreeRADIUS, hostapd) need @SECLEVEL=0 at the end of the cipher list; 5. a server with no usable certificate and key at all (none set, or a private key that does not match its certificate, as node's tls.createServer and other programs accept without complaint): it can choose no cipher either, and says so for every client. One address now and then is a scanner.",
		Fix:         "Widen ssl_ciphers (the default `HIGH:!aNULL:!MD5` suits most clients), configure the client with suites for the server's key type, or give the server a certificate with a key its clients can use (an RSA key for RSA-only clients; nginx and HAProxy can serve an RSA and an ECDSA certificate side by side). If every client fails, check that the server's certificate and key are set and match (the two sums must be equal):\n  " + serverKeyPairCheck,
		Confirm:     "openssl s_client -connect host:443 -tls1_2 -cipher ECDHE-RSA-AES128-GCM-SHA256 </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "reason", Level: infoLevel,
		Match: []string{":unsupported protocol"}, Exact: []string{"unsupported protocol"},
		Title: "Client's TLS versions are not enabled on the server",
		Explanation: "The client offered only TLS versions that this server does not enable (the client sees `tlsv1 alert protocol version`): most often an old client or device that speaks only TLS 1.0 or 1.1 (an old Java, Windows 7, an old Android, embedded firmware, an old mail or monitoring agent), or a scanner probing old versions. " +
			"On OpenSSL 3, TLS 1.0 and 1.1 are refused even when listed, unless the security level is 0 (@SECLEVEL=0), as real runs here showed. Less often the server allows TLS 1.3 only and the client stops at 1.2. " +
			"(nginx before 1.23.4 enables TLSv1 TLSv1.1 TLSv1.2 by default, and TLSv1.3 only from 1.23.4.)",
		Fix:     "Find which client it is (the line's client address). The sound fix is to update that client. If it must be served as it is, enable its version on the server (nginx below; Apache: SSLProtocol, Postfix: smtpd_tls_protocols and its TLS security level, HAProxy: ssl-min-ver):\n  ssl_protocols TLSv1 TLSv1.1 TLSv1.2 TLSv1.3;\n  ssl_ciphers DEFAULT:@SECLEVEL=0;\nFor scanners alone, keep the modern setting:\n  ssl_protocols TLSv1.2 TLSv1.3;",
		Confirm: "openssl s_client -connect host:443 -tls1_2 </dev/null\nopenssl s_client -connect host:443 -tls1_3 </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "reason", Level: infoLevel,
		Match: []string{"wrong version number"},
		Title: "Non-TLS data on a TLS connection",
		Explanation: "In nginx's log: something that is not TLS (a health check, a scanner, another protocol) reached a TLS port, or (OpenSSL 1.0 and 1.1.0, `SSL3_GET_CLIENT_HELLO`, `ACCEPT_SR_CLNT_HELLO`) a client offered a protocol version the server no longer accepts, such as SSLv3, or TLS 1.0 where ssl_protocols allows only TLS 1.2 (an old mail client on nginx's mail proxy, `while in starttls state`). " +
			"Printed by a client (e.g. curl), four causes cover most cases: 1. the client spoke TLS to a port that is not TLS, typically https:// to port 80, a `listen` without `ssl`, or a server whose TLS settings did not reach that listener; 2. with a proxy set, an https:// proxy URL (HTTPS_PROXY=https://...) made it speak TLS to a proxy that speaks plain HTTP (Python's urllib3 does so since 1.26); 3. the protocol starts in plaintext and upgrades to TLS later (SMTP, IMAP, PostgreSQL, MySQL, NATS): a mail client set to implicit TLS (nodemailer's secure: true, an SMTP_SECURE or SSL switch) on the submission port 587 or on 25 reads the server's plain greeting (implicit TLS is port 465; 587 and 25 take STARTTLS); test those with openssl s_client -starttls PROTOCOL, not plain s_client; 4. the client forces an old version the server has turned off (SSLv3 through CURLOPT_SSLVERSION or a library's option, after POODLE), and OpenSSL 1.0 reads the server's TLS answer as a wrong version.",
		Fix:     "Check the URL scheme and port, and that a proxy URL starts with http:// unless the proxy itself speaks TLS:\n  export HTTPS_PROXY=http://proxy.example.com:3128\nA client that forces SSLv3 or TLS 1.0 (CURLOPT_SSLVERSION, a forceSSLv3 option) must let the version be negotiated. A mail client: implicit TLS (secure: true) only on port 465, STARTTLS (secure: false) on 587 and 25. The nginx port must be:\n  listen 443 ssl;\nIf clients you know fail since a protocol was dropped, compare their versions with:\n  ssl_protocols TLSv1.2 TLSv1.3;",
		Confirm: "curl -sv https://host:443/ -o /dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "reason", Level: infoLevel,
		Match: []string{":unexpected message"}, Exact: []string{"unexpected message"},
		Title:       "Malformed TLS handshake from the client",
		Explanation: "The client sent handshake messages out of order or malformed: a broken TLS client or a middlebox tampering with the connection.",
		Fix:         "Retry with a standard client to tell the client apart from the network path.",
		Confirm:     "openssl s_client -connect host:443 </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "reason", Level: infoLevel, Within: []string{"ssl_do_handshake", "while ssl handshaking"},
		Match:       []string{":http request"},
		Title:       "Plain HTTP sent into a TLS listener",
		Explanation: "OpenSSL saw an HTTP request where a TLS handshake should start. nginx's HTTP module catches this earlier (497), so expect it from the stream or mail module.",
		Fix:         "Use a TLS client for this port, or serve plain HTTP on another port.",
		Confirm:     "curl -sv https://host:PORT/ -o /dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "reason", Level: "crit",
		Match:       []string{"packet length too long"},
		Title:       "Garbage on the TLS port",
		Explanation: "The first bytes did not look like a TLS record (scanners, old SSLv2-style hellos, other protocols). nginx 1.18-1.22 logs it at crit, 1.24 and later at info. Harmless unless a real client is affected.",
		Fix:         "Find the client from the `client:` address; nothing to change in nginx.",
		Confirm:     "openssl s_client -connect host:443 </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "reason",
		Match:       []string{"peer did not return a certificate", "no certificate returned"},
		Title:       "A TLS server required a client certificate and got none",
		Explanation: "OpenSSL servers that demand a certificate inside the handshake write this (openssl s_server, a backend, Logstash's beats input once ssl_certificate_authorities is set). nginx's http module does not (it answers with a 400 'No required SSL certificate was sent' page), unless something made the handshake itself require one. Clients send none when they have no certificate at all, or none issued by a CA the server trusts (the CA names it lists). OpenVPN servers report it also when the client's certificate failed their own checks, such as a CRL past its next update (crl-verify; easy-rsa's CRL lasts 180 days unless renewed with easyrsa gen-crl).",
		Fix:         "Give the client its certificate and key, issued by a CA the server trusts:\n  curl --cert client.crt --key client.key ...\nand make sure its issuer is among the server's acceptable CA names.",
		Confirm:     "openssl s_client -connect host:443 -cert client.crt -key client.key </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "reason",
		Match:       []string{"certificate verify failed"},
		Title:       "Certificate verification failed inside the TLS handshake",
		Explanation: "The side that wrote this did not accept the other side's certificate. nginx's client-certificate check never fails the handshake, so in nginx's log it comes from connections to backends (proxy_ssl_verify on); printed by a client it means the client did not trust the server's certificate. The text after it, if any, gives the reason. " + clientTrustCauses,
		Fix:         "For a client, give it the server's CA:\n  curl --cacert ca.crt ...\nFor nginx to a backend:\n  proxy_ssl_trusted_certificate /etc/nginx/upstream-ca.pem;\n" + clientTrustFix,
		Confirm:     "openssl s_client -connect host:443 -CAfile ca.crt </dev/null | grep 'Verify return code'",
	},
	{
		ID: HandshakeFailed, Kind: "nginx", Level: infoLevel,
		Match:       []string{"client closed connection while ssl handshaking"},
		Title:       "Client hung up during the TLS handshake",
		Explanation: "The client closed the connection before the handshake finished. Often the client's own check failed: OpenSSL 3 clients such as curl refuse to load a client certificate below their security level (`ee key too small`, `ca md too weak`) and give up, or the client did not trust nginx's certificate and closed without an alert; port scanners and health checks do this too.",
		Fix:         "Run the client by hand with verbose output and read its own error:\n  " + curlClient,
		Confirm:     curlClient,
	},
	{
		ID: HandshakeFailed, Kind: "nginx", Level: infoLevel, Without: []string{"upstream", ownHandshake},
		Match:       []string{"peer closed connection in ssl handshake"},
		Title:       "Client hung up during the TLS handshake",
		Explanation: "The client closed the connection in the middle of the handshake, usually because its own checks failed (it did not trust nginx's certificate, or refused to load its own).",
		Fix:         "Run the client by hand with verbose output and read its own error:\n  " + curlClient,
		Confirm:     curlClient,
	},
	{
		ID: HandshakeFailed, Kind: "nginx", Level: infoLevel, Fallback: true, Without: []string{ownHandshake},
		Match: []string{handshakeLine},
		Title: "TLS handshake failed",
		Explanation: "OpenSSL aborted the handshake before any HTTP request, so no access-log line is written. The reason is the last part inside `(SSL: ...)`. " +
			"Reasons nginx considers ordinary client failures are logged at info, anything else at crit.",
		Fix:     "Search the log for the reason ({reason}) to see which clients hit it:\n  grep -F '{reason}' /var/log/nginx/error.log | tail\nand reproduce with a verbose client:\n  openssl s_client -connect host:443 -cert client.crt -key client.key",
		Confirm: "openssl s_client -connect host:443 -cert client.crt -key client.key </dev/null",
	},

	// Start-up and reload errors ([emerg], also printed by nginx -t).
	{
		ID: LogKeyMismatch, Kind: "nginx", Level: "emerg",
		Match: []string{"key values mismatch"},
		Title: "ssl_certificate_key does not belong to ssl_certificate",
		Explanation: "At start-up and reload nginx checks that the private key matches the first certificate in the ssl_certificate file. They differ: the key was regenerated, the files were swapped, or the certificate file starts with a CA instead of the server's own certificate. " +
			"On a reload nginx keeps running with the old configuration.",
		Fix:     "Use the key that belongs to the certificate (or reissue the certificate for the key), and put the server's own certificate first in the file, followed by its intermediates (the order matters: a chain file with the intermediate first fails the check). On Kubernetes (ingress-nginx), check that tls.crt and tls.key of the TLS secret are a pair and tls.crt starts with the server's certificate.",
		Confirm: "openssl x509 -noout -pubkey -in server.crt | sha256sum\nopenssl pkey -pubout -in server.key | sha256sum",
	},
	{
		ID: LogBadPassphrase, Kind: "nginx", Level: "emerg",
		Match:       []string{"error:empty password", "empty password"},
		Title:       "ssl_password_file is empty",
		Explanation: "The private key is encrypted and the file named by ssl_password_file has no password in it.",
		Fix:         "Write the key's passphrase into the password file (one passphrase per line), or store the key unencrypted with mode 600:\n  openssl pkey -in server.key -out server-plain.key && chmod 600 server-plain.key",
		Confirm:     "mtlsdoctor certs --passin file:/etc/nginx/ssl_passwords /etc/nginx/certs",
	},
	{
		ID: LogBadPassphrase, Kind: "nginx", Level: "emerg",
		Match:       []string{"maybe wrong password", "bad decrypt"},
		Title:       "Wrong passphrase for the encrypted private key",
		Explanation: "The key file is encrypted and the passphrase given does not decrypt it (nginx tries every line of ssl_password_file in turn; other programs take it from their passphrase option or a prompt). Two causes: (1) the wrong passphrase, or the key of another file; (2) the right one changed on the way: spaces turned into newlines, a trailing newline, quoting, or a value still encrypted by a secrets vault that was never decrypted.",
		Fix:         "Check the passphrase by hand (openssl asks for it), then give the program the one that works (nginx: ssl_password_file; others: their passphrase option), or store the key unencrypted with mode 600:\n  openssl pkey -in server.key -noout\n  openssl pkey -in server.key -out server-plain.key && chmod 600 server-plain.key",
		Confirm:     "mtlsdoctor certs --passin file:/etc/nginx/ssl_passwords /etc/nginx/certs",
	},
	{
		ID: KeyLocked, Kind: "nginx", Level: "emerg",
		Match:       []string{"bad password read", "pem_def_callba", "problems getting password"},
		Title:       "Encrypted private key and no password for it",
		Explanation: "The key is encrypted and the program has no password for it (nginx: no ssl_password_file), so OpenSSL asked 'Enter PEM pass phrase:' on the terminal; under systemd nothing answers and the load fails. Some programs (Hitch, many proxies and daemons) take no passphrase at all and need the key unencrypted.",
		Fix:         "Add a password file (mode 600):\n  ssl_password_file /etc/nginx/ssl_passwords;\nor, for nginx and for programs that take no passphrase, decrypt the key:\n  openssl pkey -in server.key -out server-plain.key && chmod 600 server-plain.key",
		Confirm:     "head -1 /etc/nginx/certs/server.key (ENCRYPTED in the header means a passphrase is needed)",
	},
	{
		ID: KeyLoadFailed, Kind: "nginx", Level: "emerg", Fallback: true,
		Match:       []string{"cannot load certificate key"},
		Title:       "nginx could not load ssl_certificate_key",
		Explanation: "The key file named by ssl_certificate_key could not be read: wrong path, not readable by the nginx master process, or not a PEM private key.",
		Fix:         "Check the path and that the file is a PEM key:\n  openssl pkey -in /etc/nginx/certs/server.key -noout",
		Confirm:     "nginx -t",
	},
	// nginx's ssl_certificate from a variable that came out empty.
	{
		ID: HandshakeFailed, Kind: "nginx", Level: infoLevel, Within: []string{"while ssl handshaking"},
		Match:       []string{"cannot load certificate \"data:\"", "cannot load certificate key \"data:\""},
		Title:       "nginx's certificate variable was empty for this connection",
		Explanation: "ssl_certificate (or ssl_certificate_key) takes its value from a variable here (data:$cert, a map on $ssl_server_name), and for this handshake it came out empty: the client sent no SNI (a scanner or a client connecting by IP address) or a name the map does not know. Usually harmless when it is scanners.",
		Fix:         "Give the map a default certificate for clients without SNI or with unknown names (or a default server block with its own certificate), and connect with a known hostname:\n  openssl s_client -connect host:443 -servername known.example.com </dev/null",
		Confirm:     "openssl s_client -connect host:443 </dev/null",
	},
	{
		ID: CertLoadFailed, Kind: "nginx", Level: "emerg", Without: []string{"certificate \"data:\""},
		Match: []string{"cannot load certificate \"", "pem_read_bio_x509_aux() failed"},
		Title: "nginx could not load a certificate file",
		Explanation: "A certificate file could not be read: the path is wrong or unreadable (`No such file or directory`), or the file is not PEM (`no start line`: DER, PKCS#12, a key, or damage such as a byte-order mark). " +
			"From nginx 1.27.2 the CA files of ssl_client_certificate and ssl_trusted_certificate report their problems with this message too.",
		Fix:     "Convert to PEM:\n  openssl x509 -inform DER -in cert.der -out cert.pem\nor from PKCS#12:\n  openssl pkcs12 -in cert.p12 -clcerts -nokeys -out cert.pem",
		Confirm: "openssl x509 -noout -subject -in /etc/nginx/certs/server.crt",
	},
	{
		ID: StartupFailed, Kind: "nginx", Level: "emerg", Within: []string{"ssl_ctx_use_certificate(\""},
		Match:       []string{"ee key too small"},
		Title:       "nginx's server certificate key is too small for the security level",
		Explanation: "At start-up OpenSSL applies its security level to nginx's own certificate: at Debian's level 2 an RSA key under 2048 bits (or EC under 224) is refused and nginx does not start.",
		Fix:         "Make a 2048-bit (or P-256) key and a new server certificate; last resort:\n  ssl_ciphers \"DEFAULT:@SECLEVEL=1\";",
		Confirm:     "openssl x509 -noout -text -in /etc/nginx/certs/server.crt | grep 'Public-Key'",
	},
	{
		ID: StartupFailed, Kind: "nginx", Level: "emerg", Within: []string{"ssl_ctx_use_certificate(\""},
		Match:       []string{"ca md too weak"},
		Title:       "nginx's server certificate is signed with SHA-1 or MD5",
		Explanation: "At start-up OpenSSL applies its security level to nginx's own certificate: a SHA-1 or MD5 signature on it is refused (OpenSSL 3 from level 1 upwards) and nginx does not start.",
		Fix:         "Have the server certificate re-signed with SHA-256 (the key can stay), e.g. for a private CA:\n  openssl x509 -req -sha256 -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 365 -out server.crt",
		Confirm:     "openssl x509 -noout -text -in /etc/nginx/certs/server.crt | grep 'Signature Algorithm'",
	},
	{
		ID: StartupFailed, Kind: "nginx", Level: "emerg",
		Match:       []string{"ssl_ctx_set0_chain"},
		Title:       "A chain certificate in ssl_certificate fails the security level",
		Explanation: "One of the certificates after the server certificate in the ssl_certificate file is refused at start-up, usually because it is signed with SHA-1 (`ca md too weak`) or has a small key (`ca key too small`).",
		Fix:         "Replace the intermediate in the file with its current SHA-256 version from the CA.",
		Confirm:     "openssl crl2pkcs7 -nocrl -certfile /etc/nginx/certs/server.crt | openssl pkcs7 -print_certs -noout",
	},
	{
		ID: VerifyClientWithoutCA, Kind: "nginx", Level: "emerg",
		Match: []string{
			"no ssl_client_certificate for ssl_verify_client",
			"no ssl_client_certificate or ssl_trusted_certificate for ssl_verify_client",
			// Not nginx output: a made-up wording that circulates on the web,
			// matched so that explain still recognises a pasted copy.
			"no \"ssl_client_certificate\" is defined for the \"ssl_verify_client\" directive",
		},
		Title:       "ssl_verify_client is set but no CA file is given",
		Explanation: verifyClientNeedsCA,
		Fix:         "Next to ssl_verify_client add:\n  ssl_client_certificate /etc/nginx/client-ca.pem;\nthen reload:\n  " + reload,
		Confirm:     "nginx -T | grep -E 'ssl_verify_client|ssl_client_certificate|ssl_trusted_certificate'",
	},
	{
		ID: StartupFailed, Kind: "nginx", Level: "emerg",
		Match: []string{"no proxy_ssl_trusted_certificate for proxy_ssl_verify", "no grpc_ssl_trusted_certificate for grpc_ssl_verify",
			"no uwsgi_ssl_trusted_certificate for uwsgi_ssl_verify"},
		Title:       "proxy_ssl_verify is on but no CA file is given",
		Explanation: "With proxy_ssl_verify on (grpc_ssl_verify, uwsgi_ssl_verify), nginx checks the upstream's certificate as a client and needs the CAs to check it against; without them it refuses to start.",
		Fix:         "Next to proxy_ssl_verify on add the CA that issued the upstream's certificate (grpc_ssl_trusted_certificate for grpc_pass):\n  proxy_ssl_trusted_certificate /etc/nginx/upstream-ca.pem;\nthen reload:\n  " + reload,
		Confirm:     "nginx -T | grep -E 'ssl_verify|ssl_trusted_certificate'",
	},
	{
		ID: StartupFailed, Kind: "nginx", Level: "emerg",
		Match:       []string{"invalid number of arguments in \"ssl_", "invalid number of arguments in \"proxy_ssl_", "invalid number of arguments in \"grpc_ssl_"},
		Title:       "An SSL directive has the wrong number of arguments",
		Explanation: "nginx stops at the directive the line names (file and line number at its end). ssl_certificate, ssl_certificate_key, ssl_client_certificate, ssl_trusted_certificate and their proxy_ssl_ forms take exactly one path: a missing `;` joins the next line's words to it, a path with a space needs quotes, and a template or environment variable that expanded to nothing leaves no argument at all.",
		Fix:         "Open the file at the line the message gives and give the directive one argument ended by `;`, e.g.:\n  ssl_certificate     /etc/nginx/certs/server.crt;\n  ssl_certificate_key /etc/nginx/certs/server.key;\nthen test:\n  nginx -t",
		Confirm:     "nginx -t",
	},
	{
		ID: StartupFailed, Kind: "nginx", Level: "emerg",
		Match:       []string{"ssl_load_client_ca_file("},
		Title:       "ssl_client_certificate could not be read as a list of CA names",
		Explanation: "nginx 1.18-1.27.1 read the ssl_client_certificate file to build the CA names sent to clients. It fails when the file is missing, not PEM, or holds `BEGIN TRUSTED CERTIFICATE` blocks (which only ssl_trusted_certificate accepts).",
		Fix:         "Use plain PEM certificates:\n  openssl x509 -in ca.pem -out /etc/nginx/client-ca.pem",
		Confirm:     "grep -- '-----BEGIN' /etc/nginx/client-ca.pem",
	},
	{
		ID: StartupFailed, Kind: "nginx", Level: "emerg",
		Match:       []string{"ssl_ctx_load_verify_locations("},
		Title:       "A CA file could not be loaded",
		Explanation: "The file of ssl_client_certificate or ssl_trusted_certificate is missing, unreadable or holds no PEM certificate (`no certificate or crl found`).",
		Fix:         "Point the directive at a readable PEM file of CA certificates, e.g.:\n  " + caFileCat,
		Confirm:     "openssl crl2pkcs7 -nocrl -certfile /etc/nginx/client-ca.pem | openssl pkcs7 -print_certs -noout",
	},
	{
		ID: StartupFailed, Kind: "nginx", Level: "emerg",
		Match:       []string{"x509_lookup_load_file("},
		Title:       "The ssl_crl file could not be loaded",
		Explanation: "The file named by ssl_crl is missing or unreadable.",
		Fix:         "Point ssl_crl at a readable PEM file with a CRL for every CA in the chain:\n  cat root.crl.pem int.crl.pem > /etc/nginx/crl.pem",
		Confirm:     "openssl crl -noout -issuer -nextupdate -in /etc/nginx/crl.pem",
	},
	{
		ID: StartupFailed, Kind: "nginx", Level: "emerg",
		Match:       []string{"\"ssl_ocsp\" is incompatible with \"ssl_verify_client optional_no_ca\""},
		Title:       "ssl_ocsp cannot be combined with optional_no_ca",
		Explanation: "OCSP checking needs a verified chain, which optional_no_ca does not provide.",
		Fix:         "With a CA file, use:\n  ssl_verify_client on;\nor:\n  ssl_verify_client optional;\nor drop ssl_ocsp.",
		Confirm:     "nginx -t",
	},
	{
		ID: StartupFailed, Kind: "nginx", Level: "emerg",
		Match:       []string{"no \"ssl_certificate\" is defined for the \"listen ... ssl\" directive"},
		Title:       "A `listen ... ssl` server has no ssl_certificate",
		Explanation: "Every server block that listens with ssl needs a server certificate and key, and the server block at the file and line the message names has none (nor has the http block it would inherit them from). Most often the site was enabled before its certificate existed: guides that let certbot --nginx add the ssl lines later must start with a server on port 80 only, and a configuration copied from another host or a template may have lost its ssl_certificate lines.",
		Fix:         "Add to the server block:\n  ssl_certificate /etc/nginx/certs/server.crt;\n  ssl_certificate_key /etc/nginx/certs/server.key;\nor, until certbot has issued the certificate, listen on port 80 only (certbot --nginx adds the ssl lines), or give a temporary self-signed certificate such as Debian's snakeoil one (package ssl-cert).",
		Confirm:     "nginx -t",
	},
	{
		ID: StartupFailed, Kind: "nginx", Level: "emerg", Fallback: true,
		Match: []string{"[emerg]"}, Within: []string{"ssl"},
		Title:       "nginx refused its SSL configuration",
		Explanation: "nginx stopped at start-up or kept the old configuration on reload because of an SSL setting; the text after `failed` names the OpenSSL reason.",
		Fix:         "See the full message, with the file and directive it names:\n  nginx -t",
		Confirm:     "nginx -t",
	},

	// nginx's own reading of its configuration: a TLS directive it does
	// not know, twice in a block, in the wrong block, or with a value it
	// does not take (start-up or reload stops at it).
	{
		ID: StartupFailed, Kind: "nginx", Level: "emerg",
		Match: []string{"unknown directive \""}, Within: []string{"ssl", "tls", "ocsp", "stapling"},
		Title:       "nginx does not know a TLS directive (a typo, or a module or release without it)",
		Explanation: "nginx stops at the first directive it does not know, the one in quotes, at the file and line the message gives: its name is misspelt (sssl_stapling), its module is not in this nginx (ssl_* needs the SSL module of http or of stream, lua_ssl_* the Lua module, which `nginx -V` lists), or it came with a later nginx than this one (ssl_conf_command and ssl_reject_handshake with 1.19.4, ssl_early_data with 1.15.3) or with NGINX Plus only. Nothing about certificates is wrong yet.",
		Fix:         "Correct the name at that file and line, or see which modules this nginx has:\n  nginx -V 2>&1 | tr ' ' '\\n' | grep -i ssl\nthen test the configuration:\n  nginx -t",
		Confirm:     "nginx -t",
	},
	{
		ID: StartupFailed, Kind: "nginx", Level: "emerg",
		Match: []string{"\" directive is duplicate"}, Within: []string{"ssl", "tls", "ocsp", "stapling"},
		Title:       "A TLS directive is set twice in the same block",
		Explanation: "The directive in quotes may appear once per block, and the block at the file and line the message gives has it twice: often once in the site and once in a file the site includes (Certbot's options-ssl-nginx.conf or a snippets/ssl-params.conf set ssl_protocols, ssl_ciphers, ssl_session_cache and ssl_prefer_server_ciphers), or a line pasted twice. Two ssl_certificate lines in one block (an RSA and an ECDSA certificate) need nginx 1.11.0 or later.",
		Fix:         "See every TLS directive of the whole configuration with its file, and keep one of the two:\n  nginx -T 2>/dev/null | grep -nE '^# configuration file|ssl_'\nthen test it:\n  nginx -t",
		Confirm:     "nginx -t",
	},
	{
		ID: StartupFailed, Kind: "nginx", Level: "emerg",
		Match: []string{"\" directive is not allowed here"}, Within: []string{"ssl", "tls", "ocsp", "stapling"},
		Title:       "A TLS directive is in a block that does not take it",
		Explanation: "The directive in quotes sits in a context it is not valid in, at the file and line the message gives: the http module's ssl_ directives belong in http or server (ssl_verify_client, ssl_stapling and ssl_certificate are not taken in location), the stream module's in stream or its servers, proxy_ssl_ directives in http, server or location; a file that conf.d or sites-enabled includes inside http must not open its own http block.",
		Fix:         "Move the directive into the server (or http) block, then test:\n  nginx -t",
		Confirm:     "nginx -t",
	},
	{
		ID: StartupFailed, Kind: "nginx", Level: "emerg",
		Match: []string{"invalid number of arguments in \"", "invalid value \"", "invalid parameter \""}, Within: []string{"ssl", "tls", "ocsp", "stapling"},
		Title:       "nginx refused the value of a TLS directive",
		Explanation: "nginx does not take the value written for the directive the message quotes, at the file and line it gives: a missing ';' at the end of the line before (its words become arguments), a path with spaces not in quotes, a protocol this nginx or its OpenSSL does not know (TLSv1.3 needs OpenSSL 1.1.1), or a parameter of a later release.",
		Fix:         "Correct the value at that file and line, then test:\n  nginx -t",
		Confirm:     "nginx -t",
	},

	// Other nginx lines.
	{
		ID: StaleSSLError, Kind: "nginx", Level: "alert",
		Match: []string{"ignoring stale global ssl error"},
		Title: "Leftover OpenSSL error (side effect of a signature failure)",
		Explanation: "nginx found an OpenSSL error left over from earlier work on the connection and cleared it. It accompanies certificate signature failures (verify error 7, e.g. a CA regenerated under the same name); the text inside varies from run to run. " +
			"Treat it as a side effect: the client SSL certificate verify error line of the same connection (*N) tells what went wrong.",
		Fix:     "Fix the verify error it accompanies; usually the CA file must hold the CA that really signed the client certificates.",
		Confirm: verifyClient,
	},
	{
		ID: UpstreamVerifyError, Kind: "nginx", Level: "error",
		Match:       []string{"upstream ssl certificate verify error"},
		Title:       "nginx did not trust a backend's server certificate",
		Explanation: "With proxy_ssl_verify on, nginx (as a client) checks the backend's certificate against proxy_ssl_trusted_certificate. The code in parentheses means the same as for client certificates, but about the backend's server certificate.",
		Fix:         "Point proxy_ssl_trusted_certificate at the CA that issued the backend's certificate, and keep proxy_ssl_verify_depth large enough for its chain.",
		Confirm:     "openssl s_client -connect backend:443 -CAfile /etc/nginx/upstream-ca.pem </dev/null | grep 'Verify return code'",
	},
	{
		ID: UpstreamVerifyError, Kind: "nginx", Level: "error",
		Match:       []string{"upstream ssl certificate does not match"},
		Title:       "Backend's certificate does not match the expected name",
		Explanation: "With proxy_ssl_verify on, nginx checks the backend's certificate against proxy_ssl_name (by default the host in proxy_pass), and the certificate does not carry that name. A backend with several certificates chooses one by the name in SNI, which nginx sends only with proxy_ssl_server_name on: without it, the backend answers with its default certificate.",
		Fix:         "Set proxy_ssl_name to a name the backend certificate carries, and turn proxy_ssl_server_name on:\n  proxy_ssl_name backend.example.com;\n  proxy_ssl_server_name on;\nor reissue it with that name.",
		Confirm:     "openssl s_client -connect backend:443 -servername backend.example.com </dev/null | openssl x509 -noout -text | grep -A1 'Subject Alternative Name'",
	},
	// nginx's shared session cache full (ngx_ssl_new_session, at alert).
	{
		ID: HandshakeFailed, Kind: "nginx", Level: "alert",
		Match:       []string{"could not allocate new session in ssl session shared cache"},
		Title:       "nginx's TLS session cache is full (harmless to handshakes, but resumption suffers)",
		Explanation: "The shared session cache named in the line (ssl_session_cache shared:NAME:SIZE) had no room for a new session even after removing the oldest: the handshake still succeeds, but that session cannot be resumed, so returning clients do full handshakes. It is logged at alert when the cache is too small for the traffic (a megabyte holds about 4000 sessions), often the 1 MB that certbot's options-ssl-nginx.conf sets (le_nginx_SSL).",
		Fix:         "Give the cache more room, in the http block (or where certbot's file sets it):\n  ssl_session_cache shared:SSL:20m;\nthen reload nginx:\n  nginx -t && nginx -s reload",
		Confirm:     "nginx -T 2>/dev/null | grep ssl_session_cache",
	},
	// A client gone while nginx was writing to it (logged at info).
	{
		ID: HandshakeFailed, Kind: "nginx", Level: infoLevel,
		Match:       []string{"ssl_write() failed (32: broken pipe)", "ssl_write() failed (104: connection reset by peer)"},
		Without:     []string{"upstream"},
		Title:       "A client went away while nginx was sending it a response (usually harmless)",
		Explanation: "Usually harmless: the TLS connection was fine; the client closed it (a browser leaving the page, a download cancelled, a client's timeout) while nginx was still writing the response, and nginx logs that at info. Many of them for large responses from one client point at that client's or a proxy's timeout, not at TLS.",
		Fix:         "Nothing to fix for occasional lines; keep the error log at the default error level to leave them out:\n  error_log /var/log/nginx/error.log error;",
		Confirm:     "grep -c 'Broken pipe' /var/log/nginx/error.log",
	},
}

// logStatusEntries are the statuses nginx logs as 400 in the access log.
var logStatusEntries = []Entry{
	{
		ID: Status495, Kind: "status", Status: 495,
		Match: []string{"400 the ssl certificate error", "the ssl certificate error"},
		Title: "495: the client certificate failed verification",
		Explanation: "nginx's internal status 495 means the client sent a certificate that did not verify (including a failed OCSP check), e.g. one from another CA, expired, without extendedKeyUsage clientAuth (26), or issued by an intermediate CA while ssl_verify_depth is 1 (the default). " + as400 + " " +
			"The error log says why in a `client SSL certificate verify error: (N:...)` line, but only at info level; at the default level the 400s appear with no explanation.",
		Fix:     "Set:\n  error_log /var/log/nginx/error.log info;\nthen reload, reproduce, and look up the code:\n  mtlsdoctor explain CODE\nCheck the certificates:\n  " + certsCmd,
		Confirm: curlClient,
	},
	{
		ID: Status496, Kind: "status", Status: 496,
		Match: []string{"400 no required ssl certificate was sent", "no required ssl certificate was sent"},
		Title: "496: no client certificate was sent",
		Explanation: "nginx's internal status 496 means ssl_verify_client is on and the client sent no certificate. " + as400 + " " +
			"Four causes cover most cases: 1. the client was given no certificate (curl without --cert, an app without its keystore); 2. it has one but held it back: Go and browser clients send nothing when their certificate's issuer is not among the CA names nginx advertises (the subjects in ssl_client_certificate); 3. a CDN or proxy in front connects for the clients and sends its own certificate only when told to (Cloudflare's Authenticated Origin Pulls, a load balancer's backend certificate); 4. scanners, bots and health checks without certificates, which get this 400 by design.",
		Fix:     "Configure the client certificate:\n  curl --cert client.crt --key client.key ...\nand list its issuing CA in ssl_client_certificate.",
		Confirm: "openssl s_client -connect host:443 -tls1_2 </dev/null 2>/dev/null | grep -A5 'Acceptable client certificate CA names'",
	},
	{
		ID: Status497, Kind: "status", Status: 497,
		Match:       []string{"400 the plain http request was sent to https port", "the plain http request was sent to https port"},
		Title:       "497: plain HTTP was sent to the HTTPS port",
		Explanation: "nginx's internal status 497 means a plain-HTTP request arrived on a `listen ... ssl` port. " + as400,
		Fix:         "Use https:// in the client. To redirect, add:\n  error_page 497 =301 https://$host$request_uri;",
		Confirm:     "curl -sv http://host:443/ -o /dev/null",
	},
}
