package catalogue

import (
	"strconv"
	"strings"

	"github.com/mtlsdoctor/mtlsdoctor/finding"
	"github.com/mtlsdoctor/mtlsdoctor/internal/lazyre"
)

// ChromiumErr is the id of a Chromium net error (Chrome's, Edge's and
// Electron apps' NET::ERR_CERT_* and ERR_SSL_*) that no hand-written entry
// tells: its generic story.
const ChromiumErr finding.ID = "explain/chromium-error"

func init() { finding.Register(libError(ChromiumErr)) }

// chromiumNetError is one TLS or certificate error of Chromium's
// net_error_list.h: its number, its name after ERR_, and what it means.
type chromiumNetError struct {
	num           int
	name, meaning string
}

// chromiumNetErrors are the TLS and certificate errors of Chromium's
// net_error_list.h. Chromium and Electron apps log a failed handshake as
// "net_error -202", which the entries know by name (ERR_CERT_AUTHORITY_INVALID).
var chromiumNetErrors = []chromiumNetError{
	{-107, "ssl_protocol_error", "the TLS handshake broke on a message Chrome could not accept (a port that does not speak TLS, a proxy or middlebox in between, a server that requires a client certificate and closed the handshake)"},
	{-110, "ssl_client_auth_cert_needed", "the server asked for a client certificate"},
	{-112, "no_ssl_versions_enabled", "every TLS version is turned off in this browser's settings or policy"},
	{-113, "ssl_version_or_cipher_mismatch", "the browser and the server share no TLS version or cipher suite"},
	{-114, "ssl_renegotiation_requested", "the server asked to renegotiate the connection (to ask for a client certificate after the request, which HTTP/2 and TLS 1.3 do not allow)"},
	{-116, "cert_error_in_ssl_renegotiation", "the server's certificate changed or failed its check during a renegotiation"},
	{-117, "bad_ssl_client_auth_cert", "the server refused the client certificate the browser sent (its CA is not one the server trusts, it is expired or revoked, or it lacks clientAuth)"},
	{-123, "ssl_no_renegotiation", "the server asked to renegotiate and the browser does not allow it"},
	{-125, "ssl_decompression_failure_alert", "the other side sent the decompression_failure alert"},
	{-126, "ssl_bad_record_mac_alert", "the other side sent the bad_record_mac alert: a record did not decrypt (a middlebox altering traffic, or a TLS implementation bug)"},
	{-129, "ssl_weak_server_ephemeral_dh_key", "the server's ephemeral Diffie-Hellman key is too small (Chrome refuses DHE groups under 1024 bits, since the Logjam attack; old Java and Apache servers use 768 or 1024 bits)"},
	{-134, "ssl_client_auth_private_key_access_denied", "the browser may not use the private key of the chosen client certificate (a key on a smart card or in a store the browser cannot reach)"},
	{-135, "ssl_client_auth_cert_no_private_key", "the chosen client certificate has no private key in the store (it was imported without its key, from a .crt or .cer instead of a .p12/.pfx)"},
	{-136, "proxy_certificate_invalid", "the certificate of the HTTPS proxy is not valid"},
	{-141, "ssl_client_auth_signature_failed", "signing with the client certificate's private key failed (a smart card or key provider error; TLS 1.3 needs RSA-PSS signatures, which older smart-card middleware cannot make: OpenSC before 0.20 and old vendor PKCS#11 modules or minidrivers, so upgrade it)"},
	{-148, "ssl_handshake_not_completed", "the connection was used before its handshake had finished"},
	{-149, "ssl_bad_peer_public_key", "the server's certificate holds a public key Chrome cannot use"},
	{-150, "ssl_pinned_key_not_in_cert_chain", "the server's chain does not contain a key pinned for the site (HPKP or a built-in pin): an intercepting proxy, or a certificate from another CA"},
	{-151, "client_auth_cert_type_unsupported", "the server asked for a client certificate of a type the browser cannot supply"},
	{-153, "ssl_decrypt_error_alert", "the other side sent the decrypt_error alert: a signature of the handshake did not verify (a client certificate's key that does not match it, or a signature algorithm the server mishandles)"},
	{-156, "ssl_server_cert_changed", "the server presented another certificate on a renegotiation"},
	{-159, "ssl_unrecognized_name_alert", "the server sent the unrecognized_name alert: it has no site for the name the browser asked for (SNI)"},
	{-164, "ssl_client_auth_cert_bad_format", "the chosen client certificate could not be parsed"},
	{-167, "ssl_server_cert_bad_format", "the server's certificate could not be parsed"},
	{-172, "ssl_obsolete_cipher", "the server chose a cipher suite the browser no longer accepts (RC4, 3DES, CBC-mode suites in newer releases)"},
	{-177, "ssl_client_auth_no_common_algorithms", "the client certificate's key supports none of the signature algorithms the server accepts (an RSA key on a smart card without RSA-PSS for TLS 1.3: where the key cannot change, turning TLS 1.3 off on the server, as Windows Server 2022's Schannel turns it on by default, brings back TLS 1.2's PKCS#1 signatures)"},
	{-180, "tls13_downgrade_detected", "the handshake was downgraded from TLS 1.3: a middlebox or TLS-intercepting proxy that does not support TLS 1.3 properly"},
	{-181, "ssl_key_usage_incompatible", "the server's certificate has a keyUsage that does not allow the key exchange the server chose"},
	{-200, "cert_common_name_invalid", "the server's certificate is not for the name in the address bar (Chrome reads only subjectAltName, never the common name)"},
	{-201, "cert_date_invalid", "the server's certificate is expired or not yet valid, or this computer's clock is wrong"},
	{-202, "cert_authority_invalid", "the server's certificate does not lead to a CA the browser trusts"},
	{-203, "cert_contains_errors", "the server's certificate contains errors (a malformed field)"},
	{-204, "cert_no_revocation_mechanism", "the certificate names no way to check its revocation"},
	{-205, "cert_unable_to_check_revocation", "the revocation of the certificate could not be checked (its OCSP or CRL server is out of reach, from a network that blocks it)"},
	{-206, "cert_revoked", "the server's certificate has been revoked"},
	{-207, "cert_invalid", "the server's certificate breaks a rule of Chrome's verifier: a field badly encoded, a leaf certificate with CA markings (basicConstraints CA:TRUE or a pathLenConstraint), a missing or malformed extension, or a certificate that is too long-lived"},
	{-208, "cert_weak_signature_algorithm", "a certificate of the chain is signed with a weak algorithm (SHA-1 or MD5)"},
	{-210, "cert_non_unique_name", "the certificate is for a name that is not unique (an internal name or a private IP address that a public CA may not certify)"},
	{-211, "cert_weak_key", "a certificate of the chain has a weak key (RSA under 2048 bits)"},
	{-212, "cert_name_constraint_violation", "the certificate names a host its CA may not certify (the CA's nameConstraints exclude it)"},
	{-213, "cert_validity_too_long", "the server's certificate is valid for longer than browsers accept (398 days for a public CA's certificate)"},
	{-214, "certificate_transparency_required", "the server's certificate is not logged in Certificate Transparency as Chrome requires of public CAs' certificates"},
	{-215, "cert_symantec_legacy", "the server's certificate comes from Symantec's old PKI (Symantec, Thawte, VeriSign, GeoTrust, RapidSSL), which Chrome no longer trusts"},
	{-217, "cert_known_interception_blocked", "the certificate is one Chrome knows to be used to intercept traffic"},
	{-218, "ssl_obsolete_version", "the server speaks only TLS 1.0 or 1.1, which the browser no longer accepts"},
}

// chromiumName is the name of net error n, or "".
func chromiumName(n int) string {
	for _, e := range chromiumNetErrors {
		if e.num == n {
			return e.name
		}
	}
	return ""
}

// reChromiumName finds Chromium's names of its errors: "NET::ERR_CERT_INVALID",
// "net::ERR_SSL_PROTOCOL_ERROR", "ERR_CERT_DATE_INVALID".
var reChromiumName = lazyre.New(`\berr_((?:ssl|cert|tls13|certificate|bad_ssl|no_ssl|proxy_certificate|client_auth)_?[a-z0-9_]*)\b`)

// chromiumPageWords are Chrome's own words for some of its errors, on its
// error page, with the name they stand for.
var chromiumPageWords = []struct{ words, name string }{
	{"server has a weak, ephemeral diffie-hellman public key", "ssl_weak_server_ephemeral_dh_key"},
	{"uses an unsupported protocol", "ssl_version_or_cipher_mismatch"},
	{"sent an invalid response", "ssl_protocol_error"},
	{"didn't accept your login certificate", "bad_ssl_client_auth_cert"},
	// Chrome's console warning before the distrust of Symantec's PKI.
	{"will be distrusted in m", "cert_symantec_legacy"},
	{"ssl certificate that will be distrusted in the future", "cert_symantec_legacy"},
	{"will be distrusted very soon", "cert_symantec_legacy"},
	{"issuing organization failed to follow security practices", "cert_symantec_legacy"},
}

// findChromium finds the Chromium net error a line names, by name or by
// Chrome's words for it.
func findChromium(lower string) (chromiumNetError, bool) {
	for _, m := range reChromiumName.FindAllStringSubmatch(lower, 4) {
		// A received alert (ERR_SSL_UNRECOGNIZED_NAME_ALERT) is told as
		// that alert, in OpenSSL's words.
		if e, ok := chromiumByName(m[1]); ok && !strings.HasSuffix(e.name, "_alert") {
			return e, true
		}
	}
	for _, w := range chromiumPageWords {
		if strings.Contains(lower, w.words) {
			return chromiumByName(w.name)
		}
	}
	return chromiumNetError{}, false
}

// chromiumByName is the net error named name (after ERR_, lower-case).
func chromiumByName(name string) (chromiumNetError, bool) {
	for _, e := range chromiumNetErrors {
		if e.name == name {
			return e, true
		}
	}
	return chromiumNetError{}, false
}

// chromiumClass sorts the errors by what to look at: the client
// certificate, the server's certificate, the handshake.
var chromiumClass = []errClass{
	{[]string{"client_auth", "renegotiation"}, chromiumClientStory, chromiumClientFix},
	{[]string{"cert", "pinned", "bad_peer_public_key", "key_usage"}, chromiumCertStory, chromiumCertFix},
}

// chromiumEntry is the generic entry for a Chromium net error.
func chromiumEntry(e chromiumNetError) Entry {
	c := classOf(e.name, chromiumClass, errClass{story: chromiumTLSStory, fix: chromiumTLSFix})
	v := Vars{"name": "ERR_" + strings.ToUpper(e.name), "code": strconv.Itoa(e.num), "meaning": e.meaning}
	return Entry{
		ID: ChromiumErr, Kind: "client", Side: "client",
		Title:       Fill(chromiumTitle, v),
		Explanation: Fill(chromiumWhy, v) + " " + c.story,
		Fix:         c.fix,
	}
}

const (
	chromiumTitle = "Chrome: {name} ({code})"
	chromiumWhy   = "Chromium reports {name} ({code}): {meaning}. The program that printed it is Chrome, Edge, another Chromium browser or an Electron app (VS Code, Slack, Teams), as the TLS client."

	chromiumCertStory = "It is about the server's certificate, as Chrome's own verifier judges it: openssl or curl may accept a certificate that Chrome refuses, for it applies the CA/Browser Forum's rules and its own root store."
	chromiumCertFix   = "See the chain the server sends and the fields Chrome checks (names, dates, usages, basic constraints, signature):\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null\n  openssl x509 -noout -text -in server.crt\nthen reissue the certificate without the fault the error names; chrome://net-export records the full error."

	chromiumClientStory = "It is about the client certificate of mutual TLS: the one the browser picked from the system's store (or a policy's), its private key, or the server's verdict on it."
	chromiumClientFix   = "See which CAs the server accepts client certificates from:\n  openssl s_client -connect host:443 -servername host </dev/null | grep -A5 'Acceptable client certificate CA names'\nthen import the client certificate with its key (a .p12 or .pfx, not a .crt alone) into the store the browser reads, and restart it."

	chromiumTLSStory = "It is about the handshake itself: the versions, cipher suites and messages the browser and the server (or a proxy in between) exchange."
	chromiumTLSFix   = "See what the server accepts, and compare with what current browsers offer (TLS 1.2 and 1.3, ECDHE suites with AES-GCM or ChaCha20):\n  openssl s_client -connect host:443 -servername host </dev/null"
)

// withNetErrorName is lower with the name of the Chromium net error it
// gives by number ("net_error -213"), appended as Chromium spells it
// ("err_cert_validity_too_long"); lower itself when it has none.
func withNetErrorName(lower string) string {
	i := strings.Index(lower, "net_error ")
	if i < 0 {
		return lower
	}
	rest := lower[i+len("net_error "):]
	end := 0
	for end < len(rest) && (rest[end] == '-' && end == 0 || rest[end] >= '0' && rest[end] <= '9') {
		end++
	}
	n, err := strconv.Atoi(rest[:end])
	if err != nil {
		return lower
	}
	name := chromiumName(n)
	if name == "" || strings.Contains(lower, "err_"+name) {
		return lower
	}
	return lower + " (err_" + name + ")"
}
