package catalogue

import (
	"strconv"
	"strings"

	"github.com/mtlsdoctor/mtlsdoctor/finding"
)

// alert is one TLS alert (RFC 8446 section 6, RFC 5246 section 7.2).
type alert struct {
	num           int
	name, meaning string
}

// alerts is every TLS alert, with what its sender means by it.
var alerts = []alert{
	{0, "close_notify", "it is closing the connection normally."},
	{10, "unexpected_message", "it received a message it did not expect at that point of the handshake: a broken peer, a middlebox, or a renegotiation it did not expect (Apache asking for a client certificate per <Location>)."},
	{20, "bad_record_mac", "a record did not decrypt or authenticate: corruption on the path, or a broken implementation."},
	{21, "decryption_failed", "a record did not decrypt (an old alert, no longer sent)."},
	{22, "record_overflow", "a record was longer than TLS allows."},
	{30, "decompression_failure", "TLS compression failed (an old alert)."},
	{40, "handshake_failure", "it found no acceptable set of parameters (version, cipher, signature algorithm, curve), or (TLS 1.2) it required a client certificate and got none; a server with many sites (a CDN) also sends it when the client sent no SNI server name."},
	{41, "no_certificate", "it had no certificate to send (SSL 3.0 only)."},
	{42, "bad_certificate", "it refused the certificate it was shown, without a more precise reason: a server refusing the client certificate (some servers also when none was sent), or a client refusing the server's."},
	{43, "unsupported_certificate", "the certificate is of a type or usage it does not accept (e.g. a client certificate without clientAuth)."},
	{44, "certificate_revoked", "its CRL or OCSP answer lists the certificate as revoked."},
	{45, "certificate_expired", "the certificate is expired or not yet valid by its clock (check the clocks before renewing); an OpenSSL peer sends it too when the CRL it checks against has passed its next update."},
	{46, "certificate_unknown", "it refused the certificate for another reason (an untrusted CA or a wrong name, for most clients)."},
	{47, "illegal_parameter", "a handshake field was out of range or inconsistent."},
	{48, "unknown_ca", "it does not trust the CA that issued the certificate it was shown."},
	{49, "access_denied", "the certificate is valid but this identity is not allowed; a firewall or proxy that refuses direct connections (a corporate network where HTTPS must go through the proxy: set https_proxy) sends it too."},
	{50, "decode_error", "a message could not be decoded: a malformed handshake message, such as a client's SNI extension holding an empty name (a client given no host name) or an IP address, which SNI forbids (Apple's TLS on iOS and macOS sends one for a URL with an IP address: use a DNS name)."},
	{51, "decrypt_error", "a handshake signature or key exchange did not verify: often a private key that does not belong to the certificate."},
	{60, "export_restriction", "an export-grade parameter was refused (an old alert)."},
	{70, "protocol_version", "it does not support the TLS version offered."},
	{71, "insufficient_security", "the parameters offered are weaker than it requires."},
	{80, "internal_error", "it failed for reasons of its own, most often no certificate for the name asked for in SNI: on a hosting platform or CDN (Vercel, Netlify, Cloudflare), a domain not added to the site or project, or whose certificate is not issued yet."},
	{86, "inappropriate_fallback", "the client retried with a lower version than both support (TLS_FALLBACK_SCSV), so the server refused the downgrade."},
	{90, "user_canceled", "the handshake was cancelled by the application."},
	{100, "no_renegotiation", "it refuses renegotiation."},
	{109, "missing_extension", "a required TLS extension was missing."},
	{110, "unsupported_extension", "it received an extension it did not ask for."},
	{111, "certificate_unobtainable", "it could not fetch a certificate from a URL."},
	{112, "unrecognized_name", "it has no site or certificate for the name asked for in SNI (or none was sent)."},
	{113, "bad_certificate_status_response", "the stapled OCSP answer was invalid."},
	{114, "bad_certificate_hash_value", "a certificate hash did not match."},
	{115, "unknown_psk_identity", "it does not know the pre-shared key identity."},
	{116, "certificate_required", "it (a TLS 1.3 server) required a client certificate and got none."},
	{120, "no_application_protocol", "no ALPN protocol in common: the client offered none the server speaks (h2 only against http/1.1 only; HTTP/3 and WebTransport servers want h3, or the draft name they were built with; a QUIC client that sets no ALPN list at all offers none). Set the client's ALPN list (Go: tls.Config NextProtos; rustls: alpn_protocols; curl: --http1.1 or --http2) to a protocol the server lists."},
	{121, "ech_required", "it (a client that offered Encrypted Client Hello, with keys from the name's DNS HTTPS record) found that the server did not accept them, and closed the connection to retry with the keys the server sent back, or without ECH; a server that does not serve ECH while DNS still advertises ECH keys for its name (a CDN's record left in place) gets it from every such client."},
}

// gnutlsAlerts are GnuTLS's names of the alerts (gnutls_alert_get_name,
// its lib/alert.c), lower-case: curl and git built on GnuTLS print one
// after "gnutls_handshake() failed: ", gnutls-cli after
// "*** Received alert [N]: ".
var gnutlsAlerts = map[string]int{
	"close notify": 0, "unexpected message": 10, "bad record mac": 20, "decryption failed": 21, "record overflow": 22,
	"decompression failed": 30, "handshake failed": 40, "no certificate (ssl 3.0)": 41, "certificate is bad": 42,
	"certificate is not supported": 43, "certificate was revoked": 44, "certificate is expired": 45, "unknown certificate": 46,
	"illegal parameter": 47, "ca is unknown": 48, "access was denied": 49, "decode error": 50, "decrypt error": 51,
	"export restriction": 60, "error in protocol version": 70, "insufficient security": 71, "internal error": 80,
	"inappropriate fallback": 86, "user canceled": 90, "no renegotiation is allowed": 100, "an extension was expected but was not seen": 109,
	"an unsupported extension was sent": 110, "could not retrieve the specified certificate": 111,
	"the server name sent was not recognized": 112, "the srp/psk username is missing or not known": 115,
	"certificate is required": 116, "no supported application protocol could be negotiated": 120,
}

// gnutlsAlert finds an alert received by a GnuTLS client in its words:
// "gnutls_handshake() failed: CA is unknown" (curl, git),
// "*** Received alert [48]: CA is unknown" (gnutls-cli), "* Received alert
// '46': Unknown certificate." (gnutls-serv).
func gnutlsAlert(lower string) (alert, bool) {
	i, lead := strings.LastIndex(lower, "received alert ["), len("received alert [")
	if i < 0 {
		i, lead = strings.LastIndex(lower, "received alert '"), len("received alert '")
	}
	if i >= 0 {
		return alertByNumber(leadingNumber(lower[i+lead:]))
	}
	if i := strings.LastIndex(lower, "gnutls_handshake() failed: "); i >= 0 {
		rest := lower[i+len("gnutls_handshake() failed: "):]
		if j := strings.IndexAny(rest, "\n'\""); j >= 0 {
			rest = rest[:j]
		}
		if n, ok := gnutlsAlerts[strings.TrimRight(strings.TrimSpace(rest), ".")]; ok {
			return alertByNumber(n)
		}
	}
	return alert{}, false
}

// leadingNumber is the decimal number s starts with; -1 for none (or one
// too long to be an alert's).
func leadingNumber(s string) int {
	n, digits := 0, 0
	for _, c := range s {
		if c < '0' || c > '9' || digits == 6 {
			break
		}
		n, digits = n*10+int(c-'0'), digits+1
	}
	if digits == 0 || digits == 6 {
		return -1
	}
	return n
}

func alertByNumber(n int) (alert, bool) {
	for _, a := range alerts {
		if a.num == n {
			return a, true
		}
	}
	return alert{}, false
}

// findAlert finds an alert named by a lower-case input: its name
// ("no_application_protocol"), "alert 120", or "ssl alert number 120".
func findAlert(lower string) (alert, bool) {
	for _, a := range alerts {
		if lower == a.name || lower == "alert "+itoa(a.num) || lower == "tls alert "+itoa(a.num) {
			return a, true
		}
	}
	if i := strings.LastIndex(lower, "alert number "); i >= 0 {
		return alertByNumber(leadingNumber(lower[i+len("alert number "):]))
	}
	// axTLS (the ESP8266's first TLS stack) names an alert it has no
	// words for by its number: "Alert: alert - (unknown 112)".
	if i := strings.LastIndex(lower, "alert - (unknown "); i >= 0 {
		return alertByNumber(leadingNumber(lower[i+len("alert - (unknown "):]))
	}
	// quic-go's words for the alert a QUIC peer sent in its CRYPTO_ERROR:
	// "the cryptographic handshake failed: error 120", "CRYPTO_ERROR 0x178".
	if i := strings.LastIndex(lower, "cryptographic handshake failed: error "); i >= 0 {
		return alertByNumber(leadingNumber(lower[i+len("cryptographic handshake failed: error "):]))
	}
	if i := strings.LastIndex(lower, "crypto_error 0x1"); i >= 0 {
		if n, err := strconv.ParseUint(lower[i+len("crypto_error 0x1"):min(len(lower), i+len("crypto_error 0x1")+2)], 16, 8); err == nil {
			return alertByNumber(int(n))
		}
	}
	// OpenSSL's info callback, as s_client and s_server -state, FreeRADIUS
	// and wpa_supplicant print it: "SSL3 alert read:fatal:bad certificate"
	// (received), "SSL3 alert write:fatal:unknown CA" and "SSL3 alert: write
	// (local SSL3 detected an error):fatal:unknown CA" (this side's own).
	if i := strings.LastIndex(lower, ":fatal:"); i >= 0 && strings.Contains(lower[:i], "alert") {
		if a, ok := alertByName(strings.Join(strings.Fields(lower[i+len(":fatal:"):]), "_")); ok {
			return a, true
		}
	}
	// OpenSSL names a received alert it has no words for by its reason
	// number, the alert plus 1000: "SSL routines::reason(1121)".
	if i := strings.LastIndex(lower, "reason(1"); i >= 0 {
		if n := leadingNumber(lower[i+len("reason("):]); n >= 1000 && n < 1256 {
			return alertByNumber(n - 1000)
		}
	}
	if a, ok := gnutlsAlert(lower); ok {
		return a, true
	}
	// Haskell's tls names a received alert by its constructor: "got alert
	// : [(AlertLevel_Fatal,HandshakeFailure)]".
	if i := strings.LastIndex(lower, "(alertlevel_fatal,"); i >= 0 {
		rest := lower[i+len("(alertlevel_fatal,"):]
		if j := strings.IndexByte(rest, ')'); j > 0 {
			if a, ok := alertByJoinedName(strings.TrimSpace(rest[:j])); ok {
				return a, true
			}
		}
	}
	// Other writers name the alert: "Description: unknown_ca unknown_ca(48)"
	// (Java, BoringSSL), "Fatal - Certificate Unknown" (Erlang/OTP).
	// Erlang's "Fatal error: handshake failure" and Elixir's
	// "{:tls_alert, 'handshake failure'}".
	for _, lead := range []string{"fatal error: ", "{:tls_alert, '", "{tls_alert, \""} {
		if i := strings.LastIndex(lower, lead); i >= 0 {
			rest := lower[i+len(lead):]
			if j := strings.IndexAny(rest, "'\"}\n`"); j >= 0 {
				rest = rest[:j]
			}
			if a, ok := alertByName(strings.Join(strings.Fields(rest), "_")); ok {
				return a, true
			}
		}
	}
	if i := strings.LastIndex(lower, "fatal - "); i >= 0 {
		rest := lower[i+len("fatal - "):]
		if j := strings.IndexAny(rest, "\\\n"); j >= 0 {
			rest = rest[:j] // the alert's name ends its line (a pasted log goes on)
		}
		words := strings.Fields(strings.TrimRight(rest, "\"}"))
		if a, ok := alertByName(strings.Join(words, "_")); ok {
			return a, true
		}
	}
	// curl -v: "* TLSv1.3 (IN), TLS alert, unknown CA (560):", the alert
	// plus 512 (a record of type 21 in the high byte); "(OUT)" is curl's own.
	if i := strings.LastIndex(lower, "(in), tls alert, "); i >= 0 {
		rest := lower[i:]
		if j := strings.LastIndexByte(rest, '('); j > 0 {
			n := leadingNumber(rest[j+1:])
			if a, ok := alertByNumber(n - 512); ok && n > 512 {
				return a, true
			}
		}
	}
	// Windows' Schannel events 36887/36888: "... The TLS protocol defined
	// fatal alert code is 46." (36888, "generated and sent", is this side's).
	if i := strings.LastIndex(lower, "fatal alert code is "); i >= 0 {
		n := leadingNumber(lower[i+len("fatal alert code is "):])
		if a, ok := alertByNumber(n); ok {
			return a, true
		}
	}
	if a, ok := alertRecord(lower); ok {
		return a, true
	}
	// SAP's CommonCryptoLib: "received a fatal TLS certificate unknown
	// alert message from the peer".
	if i := strings.LastIndex(lower, " alert message from the peer"); i >= 0 {
		if j := strings.LastIndex(lower[:i], "fatal tls "); j >= 0 {
			if a, ok := alertByName(strings.Join(strings.Fields(lower[j+len("fatal tls "):i]), "_")); ok {
				return a, true
			}
		}
	}
	var best alert
	for _, a := range alerts {
		if strings.Contains(a.name, "_") && len(a.name) > len(best.name) && namedAlone(lower, a.name) {
			best = a
		}
	}
	return best, best.name != ""
}

// alertRecord finds an alert record decoded field by field:
// "Level=fatal(2), description=decode error(50)" (its number, else its
// name, spelled with blanks or underscores). Its words can be a reason's
// too ("decode error"), so it goes before the reasons.
func alertRecord(lower string) (alert, bool) {
	i := strings.LastIndex(lower, "description=")
	if i < 0 {
		return alert{}, false
	}
	rest := lower[i+len("description="):]
	j := strings.IndexByte(rest, '(')
	if j <= 0 {
		return alert{}, false
	}
	if a, ok := alertByNumber(leadingNumber(rest[j+1:])); ok {
		return a, true
	}
	return alertByName(strings.Join(strings.Fields(rest[:j]), "_"))
}

func alertByName(name string) (alert, bool) {
	for _, a := range alerts {
		if a.name == name {
			return a, true
		}
	}
	return alert{}, false
}

// alertByJoinedName finds an alert by its name written without
// underscores, as a constructor's ("handshakefailure", "unknownca").
func alertByJoinedName(name string) (alert, bool) {
	for _, a := range alerts {
		if strings.ReplaceAll(a.name, "_", "") == name {
			return a, true
		}
	}
	return alert{}, false
}

// AlertEntry is the generic entry for a TLS alert.
func AlertEntry(a alert) Entry {
	return Entry{
		ID: TLSAlert, Kind: "alert",
		Title:       Fill(alertTitle, Vars{"num": itoa(a.num), "name": a.name}),
		Explanation: Fill(alertStory, Vars{"num": itoa(a.num), "name": a.name, "meaning": a.meaning}),
		Fix:         libFix[20],
	}
}

const alertTitle = "TLS alert {num} {name}"

// namedAlone reports whether name occurs in lower not as part of a longer
// word or macro (TLSV1_ALERT_INTERNAL_ERROR is a reason, told elsewhere).
func namedAlone(lower, name string) bool {
	for from := 0; ; {
		i := strings.Index(lower[from:], name)
		if i < 0 {
			return false
		}
		i += from
		before := i == 0 || !isWordByte(lower[i-1])
		end := i + len(name)
		after := end == len(lower) || !isWordByte(lower[end])
		if before && after {
			return true
		}
		from = i + 1
	}
}

func isWordByte(b byte) bool {
	return b == '_' || b >= 'a' && b <= 'z' || b >= '0' && b <= '9'
}

// goAlerts are the words Go prints for a received alert ("remote error:
// tls: bad certificate"), longest first.
var goAlerts = []struct {
	text string
	num  int
}{
	{"unknown certificate authority", 48}, {"unsupported certificate", 43}, {"revoked certificate", 44},
	{"expired certificate", 45}, {"unknown certificate", 46}, {"bad certificate", 42}, {"access denied", 49},
}

// ReceivedCertAlert finds, in a lower-cased line, a received alert that
// complains about a certificate (42-46, 48, 49), in OpenSSL's, BoringSSL's,
// Go's, Java's, Erlang's or rustls's words, and returns its number.
func ReceivedCertAlert(lower string) (int, bool) {
	if ErlangOwnAlert(lower) {
		return 0, false
	}
	if strings.Contains(lower, "alert write:") || strings.Contains(lower, "alert: write (") || strings.Contains(lower, "(out), tls alert") || strings.Contains(lower, "generated and sent to the remote endpoint") || strings.Contains(lower, "send tlsv") || strings.Contains(lower, "generated client alert") || strings.Contains(lower, "generated server alert") {
		return 0, false
	}
	if strings.Contains(lower, "|fatal (") && !strings.Contains(lower, "received fatal alert") {
		// JSSE's debug log names the alert it sends and why:
		// "TransportContext.java:363|Fatal (CERTIFICATE_UNKNOWN): PKIX path building failed".
		return 0, false
	}
	n := 0
	if i := strings.Index(lower, "remote error: "); i >= 0 {
		rest := strings.TrimPrefix(lower[i+len("remote error: "):], "tls: ")
		for _, g := range goAlerts {
			if strings.HasPrefix(rest, g.text) {
				n = g.num
				break
			}
		}
	}
	if n == 0 {
		if r, ok := findReason(strings.ReplaceAll(lower, "_", " ")); ok && r.Lib == 20 && r.Num > 1000 {
			n = r.Num - 1000
		} else if a, ok := findAlert(lower); ok {
			n = a.num
		} else if f, ok := findRustls(lower); ok && f.Action == "received" {
			// rustls's names: "received fatal alert: UnknownCA".
			if a, ok := rustlsAlert(f.RustlsError); ok {
				n = a.num
			}
		}
	}
	switch n {
	case 42, 43, 44, 45, 46, 48, 49:
		return n, true
	}
	return 0, false
}

// SentCertAlert finds, in a lower-cased line, a certificate alert this
// side sent (OpenSSL's "alert write:", Erlang's "generated CLIENT ALERT"),
// and returns its number.
func SentCertAlert(lower string) (int, bool) {
	if !ErlangOwnAlert(lower) && !containsAny(lower, sentAlertWords) {
		return 0, false
	}
	a, ok := findAlert(lower)
	if !ok {
		return 0, false
	}
	switch a.num {
	case 42, 43, 44, 45, 46, 48, 49:
		return a.num, true
	}
	return 0, false
}

// sentAlertWords say that the line's own side sent the alert (OpenSSL's
// info callback, Erlang's log); without one, an alert in a line was
// received.
var sentAlertWords = []string{"alert write:", "alert: write (", "generated client alert", "generated server alert"}

// ClientSentAlertFinding tells certificate alert n, sent by a TLS client
// ({who}), as that client refusing the server's certificate; fix is the
// client's own trust fix.
func ClientSentAlertFinding(n int, who, fix string) finding.Finding {
	a, _ := alertByNumber(n)
	if n == 45 {
		// An expired certificate is renewed where it is served, or the
		// clock is wrong: the client's CAs come after.
		fix = expiredServedFix + "\nIf both are right, look at the client's CAs (an old client can build the chain through an expired root):\n" + fix
	}
	return ClientSentAlertText.New(Vars{"num": itoa(a.num), "name": a.name, "who": who, "fix": fix})
}

// expiredServedFix opens the fix of a client that refused the server's
// certificate as expired.
const expiredServedFix = "See the dates of what the server sends, and this machine's clock:\n  openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -dates\n  date -u\nAn expired certificate is renewed on the server (or by its owner, when it is not yours); a wrong clock is set right."

// ServerAlertFinding tells alert n, received by a server other than nginx,
// as its client's complaint about the server's own certificate.
// When guessed, nothing in the line showed the server's side, and the
// finding says so and what the reversed roles would mean.
func ServerAlertFinding(n int, guessed bool) finding.Finding {
	a, _ := alertByNumber(n)
	lead := serverAlertLead
	if guessed {
		lead = guessedAlertLead
	}
	text, ok := serverGotAlertTexts[a.num]
	if !ok {
		text = ServerGotAlertText
	}
	f := text.New(Vars{"num": itoa(a.num), "name": a.name, "meaning": a.meaning, "lead": lead})
	if guessed {
		f.Explanation += " " + RolesMayBeReversed
	}
	return f
}

// ErlangOwnAlert reports whether a lower-cased line is an alert that an
// older Erlang/OTP (before OTP 22) raised itself, in its log's form
// "SSL: STATE: MODULE.erl:LINE:Fatal error: DESCRIPTION": the module is
// where the alert was made, and an alert received from the peer is made
// where it is decoded, in ssl_alert.erl.
func ErlangOwnAlert(lower string) bool {
	i := strings.Index(lower, ".erl:")
	if i < 0 || !strings.Contains(lower[i:], ":fatal error: ") {
		return false
	}
	mod := lower[strings.LastIndexAny(lower[:i], " :(\t\"'[")+1 : i]
	return mod != "" && mod != "ssl_alert"
}
