package catalogue

import (
	"strconv"
	"strings"
	"sync"

	"github.com/mtlsdoctor/mtlsdoctor/finding"
	"github.com/mtlsdoctor/mtlsdoctor/internal/lazyre"
)

// AppleErr is the id of an error code of Apple's TLS stack (Secure
// Transport's errSSL, the Security framework's errSec, CFNetwork's and
// the URL loading system's codes) that no hand-written entry tells: its
// generic story.
const AppleErr finding.ID = "explain/apple-error"

func init() { finding.Register(libError(AppleErr)) }

// AppleError is one error code of Apple's TLS stack: its number, name
// (errSSL..., errSec..., kCFURLError..., NSURLError...), Apple's words
// for it (its header's comment; none for the NSURLError codes, whose
// words are in Foundation's localizations only), older versions' and
// curl's words.
type AppleError struct {
	Code       int
	Name, Text string
	Spellings  []string
}

var (
	// The names as Objective-C and C print them.
	reAppleName = lazyre.New(`\b((?:errssl|errsec|kcfurlerror|nsurlerror|kcferror|kcfhosterror|kcfsocks[45]?error|kcfftperror|kcfnetserviceerror|kcfhttpcookie|kcfstreamerrorhttpsproxy)[a-z0-9]+)\b`)
	// Swift's: "URLError.Code.serverCertificateUntrusted",
	// "URLError(.secureConnectionFailed)", "URLError.timedOut".
	reSwiftURLError = lazyre.New(`\burlerror(?:\.code)?(?:\.|\(\.)([a-z]+)\b`)
	// An OSStatus, which is a Secure Transport or Security code:
	// "OSStatus -9813", "(OSStatus error -25300.)",
	// "Error Domain=NSOSStatusErrorDomain Code=-67843", and Go's darwin
	// verifier's "x509: SecTrustCreateWithCertificates error: -50".
	reAppleStatus = lazyre.New(`(?:\bosstatus(?: error)?[ :=]*|nsosstatuserrordomain,? code[=:] ?|\bsec[a-z]+ error: )(-\d{1,6})\b`)
	// Secure Transport's codes (kCFStreamErrorDomainSSL, whose number is
	// 3) as CFNetwork, Network.framework and curl print them.
	reAppleSSL = lazyre.New(`(?:_kcfstreamerrorcodekey=|_kcfnetworkcfstreamsslerrororiginalvalue=|kcfstreamerrordomainssl, |sslhandshake failed \(|(?:^|[\s\[(])3:|ssl: error |trust evaluation failed\(|unknown ssl protocol error in connection to [^\s:]+:)(-98\d\d)\b`)
	// The URL loading system's and CFNetwork's codes: "Error
	// Domain=NSURLErrorDomain Code=-1200", "(NSURLErrorDomain error
	// -1012.)", "Error Domain=kCFErrorDomainCFNetwork Code=310", and
	// CFNetwork's "HTTP load failed, 0/0 bytes (error code: -1200 [3:-9816])".
	reAppleURL = lazyre.New(`(nsurlerrordomain|kcferrordomaincfnetwork)(?:,? code[=:] ?| error |, ?)(-?\d{1,5})\b|(?:error code: |finished with error \[)(-\d{3,4})\b`)
	// SecTrust's log of the checks that failed: "SecTrustEvaluate [leaf
	// IssuerCommonName SubjectCommonName]", "Trust evaluate failure: [leaf
	// TemporalValidity]".
	reAppleChecks = lazyre.New(`(?:sectrustevaluate|trust evaluat(?:e|ion) fail(?:ure|ed))[^\[\n]{0,40}\[([a-z0-9 ]+)\]`)
	// Secure Transport's state of the client certificate, which CFNetwork
	// puts in its errors' userInfo.
	reAppleCertState = lazyre.New(`_kcfstreampropertysslclientcertificatestate=(\d)`)
)

// appleDistinct is the length from which Apple's (and curl's) words are
// taken as Apple's without a name or number in the line.
const appleDistinct = 30

var appleTexts = sync.OnceValue(func() []indexedText {
	return textIndex(len(appleErrors), func(i int) []string {
		words := append([]string{appleErrors[i].Text}, appleErrors[i].Spellings...)
		if w, ok := foundationWords[appleErrors[i].Name]; ok {
			words = append(words, w)
		}
		return words
	}, appleDistinct)
})

// foundationWords are the first sentences of Foundation's English
// descriptions of NSURLError codes that apps print without the code
// (React Native's and Alamofire's messages), as the hand-written entries'
// words do for the certificate codes. They are in no open source:
// Foundation keeps them in its localizations.
var foundationWords = map[string]string{
	"NSURLErrorSecureConnectionFailed": "An SSL error has occurred and a secure connection to the server cannot be made",
	"NSURLErrorNotConnectedToInternet": "The Internet connection appears to be offline",
	"NSURLErrorCannotFindHost":         "A server with the specified hostname could not be found",
	"NSURLErrorNetworkConnectionLost":  "The network connection was lost",
}

// findApple finds the codes of Apple's TLS stack a line names, the most
// telling first: by name, then Secure Transport's and the Security
// framework's numbers, then the URL loading system's, else Apple's words.
func findApple(lower string) []AppleError {
	var out []AppleError
	seen := map[string]bool{}
	add := func(e AppleError) {
		// NSURLErrorX and CFNetwork's kCFURLErrorX (the underlying error's)
		// are one code.
		key := strings.TrimPrefix(strings.TrimPrefix(e.Name, "kCFURLError"), "NSURLError")
		if !seen[key] {
			seen[key] = true
			out = append(out, e)
		}
	}
	for _, m := range reAppleName.FindAllStringSubmatch(lower, maxStructured) {
		if e, ok := appleByName(m[1]); ok {
			add(e)
		}
	}
	for _, m := range reSwiftURLError.FindAllStringSubmatch(lower, maxStructured) {
		if e, ok := appleByName("nsurlerror" + m[1]); ok {
			add(e)
		}
	}
	for _, m := range reAppleSSL.FindAllStringSubmatch(lower, maxStructured) {
		if e, ok := appleByCode(atoi(m[1]), "errSSL"); ok {
			add(e)
		}
	}
	for _, c := range appleChecksOf(lower) {
		if e, ok := appleByName(strings.ToLower(c.Status)); ok {
			add(e)
		}
	}
	for _, m := range reAppleStatus.FindAllStringSubmatch(lower, maxStructured) {
		if e, ok := appleByCode(atoi(m[1]), "errSSL", "errSec"); ok {
			add(e)
		}
	}
	for _, m := range reAppleURL.FindAllStringSubmatch(lower, maxStructured) {
		switch {
		case m[1] == "kcferrordomaincfnetwork":
			if e, ok := appleByCode(atoi(m[2]), "kCF"); ok {
				add(e)
			}
		case m[1] != "":
			if e, ok := appleByCode(atoi(m[2]), "NSURLError"); ok {
				add(e)
			}
		default:
			if e, ok := appleByCode(atoi(m[3]), "NSURLError"); ok {
				add(e)
			}
		}
	}
	if len(out) > 0 {
		return out
	}
	for _, t := range appleTexts() {
		if strings.Contains(lower, t.text) {
			return []AppleError{appleErrors[t.idx]}
		}
	}
	return nil
}

// appleTrustWords marks a line that holds SecTrust's words for its
// checks: SecTrustEvaluateWithError's error ("Certificate 0 “host” has
// errors: Root is not trusted;") or its log.
var appleTrustWords = []string{"has errors:", "nsosstatuserrordomain", "sectrust", "trust evaluat"}

// appleChecksOf lists the trust checks a line names, by name in SecTrust's
// log or by their words in a trust error.
func appleChecksOf(lower string) []AppleTrustCheck {
	var out []AppleTrustCheck
	for _, m := range reAppleChecks.FindAllStringSubmatch(lower, maxStructured) {
		for _, w := range strings.Fields(m[1]) {
			for _, c := range appleTrustChecks {
				if strings.EqualFold(c.Name, w) {
					out = append(out, c)
				}
			}
		}
	}
	if len(out) > 0 || !containsAny(lower, appleTrustWords) {
		return out
	}
	for _, c := range appleTrustChecks {
		if t := strings.ToLower(c.Text); len(t) >= 19 && c.Text != "Unexpected error detail" && strings.Contains(lower, t) {
			out = append(out, c)
		}
	}
	return out
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

func appleByName(lower string) (AppleError, bool) {
	for _, e := range appleErrors {
		if strings.EqualFold(e.Name, lower) {
			return e, true
		}
	}
	return AppleError{}, false
}

// appleByCode is the first code numbered n whose name starts with one of
// prefixes.
func appleByCode(n int, prefixes ...string) (AppleError, bool) {
	for _, e := range appleErrors {
		if e.Code != n {
			continue
		}
		for _, p := range prefixes {
			if strings.HasPrefix(e.Name, p) {
				return e, true
			}
		}
	}
	return AppleError{}, false
}

// applePeerAlerts are Secure Transport's codes for a fatal alert the
// peer sent ("fatal errors detected by peer", in SecBase.h's words).
var applePeerAlerts = map[string]string{
	"errSSLPeerUnexpectedMsg": "unexpected_message", "errSSLPeerBadRecordMac": "bad_record_mac",
	"errSSLPeerDecryptionFail": "decryption_failed", "errSSLPeerRecordOverflow": "record_overflow",
	"errSSLPeerDecompressFail": "decompression_failure", "errSSLPeerHandshakeFail": "handshake_failure",
	"errSSLPeerBadCert": "bad_certificate", "errSSLPeerUnsupportedCert": "unsupported_certificate",
	"errSSLPeerCertRevoked": "certificate_revoked", "errSSLPeerCertExpired": "certificate_expired",
	"errSSLPeerCertUnknown": "certificate_unknown", "errSSLIllegalParam": "illegal_parameter",
	"errSSLPeerUnknownCA": "unknown_ca", "errSSLPeerAccessDenied": "access_denied",
	"errSSLPeerDecodeError": "decode_error", "errSSLPeerDecryptError": "decrypt_error",
	"errSSLPeerExportRestriction": "export_restriction", "errSSLPeerProtocolVersion": "protocol_version",
	"errSSLPeerInsufficientSecurity": "insufficient_security", "errSSLPeerInternalError": "internal_error",
	"errSSLPeerUserCancelled": "user_canceled", "errSSLPeerNoRenegotiation": "no_renegotiation",
}

// appleClass sorts the codes no hand-written entry tells.
var appleClass = []errClass{
	{[]string{"errSSLATS", "AppTransportSecurity"}, appleATSStory, appleATSFix},
	{[]string{"UserCancelledAuthentication"}, appleCancelStory, appleCancelFix},
	{[]string{"ClientCert", "errSSLCertificateRequired"}, appleClientCertStory, appleClientCertFix},
	{[]string{"SecureConnectionFailed"}, appleSecureStory, appleSecureFix},
	{[]string{"errSSLXCert", "RootCert", "errSSLCert", "errSSLBadCert", "errSSLHostName", "ServerCertificate", "errSecCertificate", "errSecNotTrusted", "errSecTrust",
		"errSecHostName", "errSecCRL", "errSecOCSP", "errSecPolicy", "errSecInvalidRoot", "errSecUnknownCert", "errSecIncompleteCertRevocation", "errSecNotSigner",
		"errSecCreateChainFailed", "errSecPathLength", "errSecInvalidExtendedKeyUsage", "errSecInvalidKeyUsage", "errSecUnknownCriticalExtensionFlag",
		"errSecInvalidSubjectName", "errSecInvalidCertificate", "errSecInvalidCertAuthority", "errSecMissingRequiredExtension", "errSecInvalidIDLinkage",
		"errSecInvalidSignature", "errSecUnsupportedKeySize", "errSecInvalidDigestAlgorithm", "errSecIncompatibleKeyBlob"}, appleCertStory, appleCertFix},
	{[]string{"errSSLClosed", "errSSLConnectionRefused", "errSSLTransportReset", "errSSLNetworkTimeout"}, appleClosedStory, appleClosedFix},
	{[]string{"errSSL"}, appleTLSStory, appleTLSFix},
	{[]string{"Pkcs12", "errSecDecode", "errSecUnknownFormat", "errSecPassphrase", "errSecAuthFailed", "errSecMultiplePrivKeys"}, appleIdentityStory, appleIdentityFix},
	{[]string{"errSecItem", "errSecDuplicate", "Keychain", "errSecInteraction", "errSecMissingEntitlement", "errSecNoSuchClass", "errSecNoAccessForItem",
		"errSecNoSuchAttr", "errSecNotAvailable", "errSecReadOnly", "errSecUserCanceled"}, appleKeychainStory, appleKeychainFix},
	{[]string{"errSec"}, appleSecStory, appleSecFix},
}

// appleEntry is the generic entry for the codes of an Apple line, the
// first the most telling: a received alert is told as that alert, the
// others by what part of Apple's stack they come from; the line's other
// codes and its client certificate state are named.
func appleEntry(es []AppleError, lower string) Entry {
	e := es[0]
	why := Fill(appleWhy, Vars{"name": e.Name, "code": itoa(e.Code), "words": appleWords(e)})
	for _, o := range es[1:] {
		why += " " + Fill(appleAlso, Vars{"name": o.Name, "code": itoa(o.Code), "words": appleWords(o)})
	}
	if s := appleCertState(lower); s != "" {
		why += " " + s
	}
	title := Fill(appleTitle, Vars{"name": e.Name, "code": itoa(e.Code)})
	if e.Text != "" {
		title = Fill(appleTitleWords, Vars{"name": e.Name, "code": itoa(e.Code), "text": strings.TrimRight(e.Text, ". ")})
	}
	if name, ok := applePeerAlerts[e.Name]; ok {
		if a, ok := alertByName(name); ok {
			en := AlertEntry(a)
			en.ID, en.Kind, en.Title = AppleErr, "reason", title
			en.Explanation = why + " " + Fill(applePeerAlert, Vars{"alert": a.name}) + " " + en.Explanation
			return en
		}
	}
	c := classOf(e.Name, appleClass, errClass{story: appleURLStory, fix: appleURLFix})
	return Entry{
		ID: AppleErr, Kind: "reason",
		Title:       title,
		Explanation: why + " " + c.story,
		Fix:         Fill(c.fix, Vars{"code": itoa(e.Code)}),
	}
}

// appleWords is how Apple's header words a code, or "".
func appleWords(e AppleError) string {
	if e.Text == "" {
		return ""
	}
	return ": `" + strings.TrimRight(e.Text, ". ") + "`"
}

// appleCertState tells the client certificate state CFNetwork reports,
// in SecureTransport.h's words for SSLClientCertificateState.
func appleCertState(lower string) string {
	m := reAppleCertState.FindStringSubmatch(lower)
	if m == nil {
		return ""
	}
	switch m[1] {
	case "0":
		return appleState0
	case "1":
		return appleState1
	case "2":
		return appleState2
	case "3":
		return appleState3
	}
	return ""
}

const (
	appleTitle      = "Apple: {name} ({code})"
	appleTitleWords = "Apple: {text} ({name}, {code})"
	appleWhy        = "Apple's TLS stack reports {name} ({code}{words}): the program that printed it is an iOS or macOS app on URLSession, NSURLConnection or Network.framework (Safari, Swift and Objective-C apps, React Native's fetch and Flutter's cupertino_http on iOS), Go's certificate checks on macOS, or curl on macOS's Secure Transport."
	appleAlso       = "The line also names {name} ({code}{words})."
	applePeerAlert  = "Secure Transport names so the fatal alert {alert} that the other side sent."

	appleState0 = "`_kCFStreamPropertySSLClientCertificateState=0` (kSSLClientCertNone): the app sent no client certificate; when the server requires one (mutual TLS), the app did not supply its identity."
	appleState1 = "`_kCFStreamPropertySSLClientCertificateState=1` (kSSLClientCertRequested): the server asked for a client certificate and the app sent none."
	appleState2 = "`_kCFStreamPropertySSLClientCertificateState=2` (kSSLClientCertSent): the app sent its client certificate; a refusal after it is the server's verdict on that certificate."
	appleState3 = "`_kCFStreamPropertySSLClientCertificateState=3` (kSSLClientCertRejected): the client certificate was rejected."

	appleATSStory = "App Transport Security refused the connection: it wants HTTPS with TLS 1.2 or later, a forward-secret (ECDHE) cipher suite, and a server certificate signed with SHA-256 or better on an RSA key of 2048 bits or more (or an ECC key of 256 bits or more) from a CA the device trusts."
	appleATSFix   = "See what the server negotiates, then let it offer TLS 1.2 or 1.3 with ECDHE suites and a SHA-256 certificate:\n  openssl s_client -connect host:443 -servername host -tls1_2 </dev/null\nA host that cannot be fixed can be listed under NSAppTransportSecurity > NSExceptionDomains in the app's Info.plist."

	appleSecureStory = "It is the URL loading system's code for any failed TLS handshake (`An SSL error has occurred and a secure connection to the server cannot be made.`); the underlying error's _kCFStreamErrorCodeKey, or CFNetwork's `[3:-98xx]`, names Secure Transport's code, which says why. The usual causes: the server does not meet App Transport Security (TLS 1.2 or later, forward-secret suites, a SHA-256 certificate of 2048 bits or more), it closed the handshake (a mutual TLS server refusing an app that sent no client certificate: _kCFStreamPropertySSLClientCertificateState=0), or a proxy or firewall in between."
	appleSecureFix   = "Read the underlying error's _kCFStreamErrorCodeKey (and the client certificate state), and see what the server negotiates and asks for:\n  openssl s_client -connect host:443 -servername host -tls1_2 </dev/null"

	appleClientCertStory = "It is about the client certificate of mutual TLS: the server requires one and the app supplied none (its URLSession delegate did not answer the NSURLAuthenticationMethodClientCertificate challenge with an identity), or the server refused the one it sent."
	appleClientCertFix   = "See which CAs the server accepts client certificates from, and check the client certificate against them:\n  openssl s_client -connect host:443 -servername host </dev/null\nthen give the app its identity (a .p12 read with SecPKCS12Import) in its client certificate challenge."

	appleCertStory = "It comes from Apple's trust evaluation of a certificate (the server's, for an app): its chain does not reach a root the device trusts, a certificate in it is expired or not yet valid, for another name, or breaks Apple's rules for TLS server certificates (iOS 13 and macOS 10.15: a subjectAltName with the name, extendedKeyUsage serverAuth, RSA keys of 2048 bits or more, SHA-2 signatures, at most 825 days of validity), which a private CA's certificate that works elsewhere can break."
	appleCertFix   = "See the chain the server sends and its dates, names and usages:\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null\n  openssl x509 -noout -dates -text -in server.crt | grep -A1 -e '^not' -e 'Subject Alternative Name' -e 'Extended Key Usage'\nOn iOS a private CA's profile must also be trusted under Settings > General > About > Certificate Trust Settings."

	appleClosedStory = "The connection ended in the handshake without an answer Secure Transport could read: the server closed it, most often a mutual TLS server refusing the app (no client certificate, or one it does not trust), else no TLS version or cipher suite in common, a port that does not speak TLS, or a proxy or firewall in between."
	appleClosedFix   = "See what the server asks for (acceptable client certificate CA names) and accepts, from the same network:\n  openssl s_client -connect host:443 -servername host </dev/null\nand read the server's log for its side of the refusal."

	appleTLSStory = "It comes from Secure Transport's (or Network.framework's) TLS engine: the handshake broke at this step, over a version, cipher suite, certificate or message one side did not accept."
	appleTLSFix   = "See what the server accepts, and compare with what the app's TLS settings (and App Transport Security) allow:\n  openssl s_client -connect host:443 -servername host </dev/null"

	appleIdentityStory = "It comes from the Security framework's import of an identity (a certificate with its private key, for mutual TLS a .p12): a wrong or missing password, data that is not PKCS#12, or an encryption older iOS and macOS cannot read (OpenSSL 3's AES-256 and PBKDF2); without the identity the app sends no client certificate."
	appleIdentityFix   = "Check that the .p12 opens with its password and holds the certificate and its key:\n  openssl pkcs12 -info -noout -in client.p12\nA .p12 made by OpenSSL 3 (AES-256, PBKDF2) may be unreadable to older iOS and macOS; export it again in the legacy format:\n  openssl pkcs12 -export -legacy -in client.crt -inkey client.key -out client.p12"

	appleKeychainStory = "It comes from the keychain: the item (for mutual TLS, the client identity) is not there or is there already, the app lacks the keychain-access-groups entitlement for it (errSecMissingEntitlement, -34018: unsigned test targets and some simulators), or the device is locked and the item is not accessible then (errSecInteractionNotAllowed, -25308)."
	appleKeychainFix   = "Look the identity up the way it was stored (kSecClassIdentity, the same access group), and check the app's entitlements; on a Mac:\n  security find-identity -v\n  codesign -d --entitlements - App.app"

	appleSecStory = "It is a Security framework code outside the usual TLS failures; the program's own message around it says what it was doing. errSecInternal (-26276) from every certificate check of a program that runs inside a macOS sandbox (a seatbelt profile, a tool's or agent's sandbox) is the sandbox denying it the trust daemon, com.apple.trustd."
	appleSecFix   = "Look the code up on a Mac, which prints Apple's words for it:\n  security error {code}\nIn a sandbox, allow it to reach the trust daemon (mach-lookup of com.apple.trustd and com.apple.trustd.agent)."

	// appleCancelStory: the app's own delegate cancelled an authentication
	// challenge, in practice its pinning refusing the server's certificate.
	appleCancelStory = "The app's own code cancelled the server's authentication challenge: in practice its URLSession delegate refused the server's certificate (certificate or public-key pinning whose pins no longer match what the server presents: an SDK whose bundled certificates expired, a server that renewed its key, an intercepting proxy's certificate), or it had no client certificate to give a server that asked for one."
	appleCancelFix   = "See the certificate the server presents now and compare it with what the app (or its SDK) pins; update the SDK, or the pins, to the current certificate or key:\n  openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -subject -enddate -fingerprint -sha256"
	appleURLStory    = "It is a code of the URL loading system (URLSession, CFNetwork) outside TLS: a name that does not resolve, a host that cannot be reached, a timeout, a lost connection, a cancelled task or a proxy's failure. The line's other codes, when there are any, say more."
	appleURLFix      = "Reach the host from the same network, by the URL's name:\n  curl -v https://host/"
)

// AppleTrustCheck is one check of Apple's trust policies
// (SecPolicyChecks.list): its name as SecTrust logs print it ("[leaf
// TemporalValidity]"), the errSec code it fails with, and the words
// SecTrustEvaluateWithError's errors give it.
type AppleTrustCheck struct {
	Name, Status, Text string
}
