package catalogue

// appleCtx are the words that make a bare number an Apple code: an
// OSStatus, CFNetwork's userInfo keys and domains, the Security and
// Secure Transport names, CFNetwork's "[3:-9816]" (3 is
// kCFStreamErrorDomainSSL) and curl's words on Secure Transport. A word
// list.
const appleCtx = "|osstatus|nsurlerror|errsecdomain|kcfstream|error -98|code=-|nsosstatuserrordomain|kcferrordomaincfnetwork" +
	"|errssl|errsec|[3:-|(3:-| 3:-|ssl: error -|sslhandshake failed|cfnetwork|urlerror|sectrust"

// appleRefusals are Secure Transport's and the URL loading system's codes
// for a handshake the server ended: closed without or with an alert
// about the client's certificate, a client certificate required or
// rejected. A word list.
const appleRefusals = "|-9806|-9816|-9824|-9825|-9827|-9828|-9829|-9831|-9832|-9844|-9852|-9858|-9863|-1205|-1206" +
	"|errsslclosedabort|errsslclosednonotify|errsslpeerhandshakefail|errsslpeerbadcert|errsslpeercertunknown|errsslpeerunknownca" +
	"|errsslcertificaterequired|clientcertificaterequired|clientcertificaterejected"

// appleTrustCtx are the words of SecTrust's errors and logs, whose check
// names and words (SecPolicyChecks.list, SecFrameworkStrings.h) the
// certificate stories below match, with appleCtx. A word list.
const appleTrustCtx = appleCtx + "|has errors:|trust evaluat"

const (
	appleNoIdentity    = "The app did not answer the server's request for a client certificate with an identity: its URLSession delegate has no case for the NSURLAuthenticationMethodClientCertificate challenge (or calls performDefaultHandling, which sends nothing), its .p12 did not import (SecPKCS12Import failed: see its OSStatus), or the identity is not where it looks (an identity installed with a configuration profile in Settings serves Safari and the system, not other apps; each app imports its own). React Native's fetch and Flutter's http have no client certificate option on iOS: they need a native module that answers the challenge."
	appleGiveIdentity  = "See which CAs the server accepts client certificates from:\n  openssl s_client -connect host:443 -servername host </dev/null\nthen, in the URLSession delegate's challenge for NSURLAuthenticationMethodClientCertificate, import the .p12 with SecPKCS12Import and answer .useCredential with a URLCredential(identity:certificates:persistence:) of its identity."
	appleClientConfirm = "openssl s_client -connect host:443 -servername host -cert client.crt -key client.key </dev/null"
	appleTrustFix      = "See the chain the server sends (a single certificate means its intermediate is missing; serve the full chain):\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null\nA private CA's profile must be on the device and, on iOS, have full trust turned on under Settings > General > About > Certificate Trust Settings (or the app pins it in its URLSession delegate)."
	appleRules         = "Since iOS 13 and macOS 10.15 Apple also refuses a TLS server certificate, even from a trusted private CA, that lacks a subjectAltName with the name (the CN is not read), lacks extendedKeyUsage serverAuth, has an RSA key under 2048 bits or a SHA-1 signature, or is valid for more than 825 days (398 days for public CAs' certificates issued since September 2020): a certificate that curl and browsers elsewhere accept can fail so."
	appleRulesFix      = "Reissue the server certificate within Apple's rules:\n  openssl x509 -req -sha256 -days 825 -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -extfile server.ext -out server.crt\nwith server.ext:\n  subjectAltName=DNS:host.example.com\n  extendedKeyUsage=serverAuth"
	appleRulesConfirm  = "openssl x509 -noout -dates -text -in server.crt | grep -A1 -e '^not' -e 'Subject Alternative Name' -e 'Extended Key Usage'"
)

// appleEntries tell the errors of Apple's TLS stack (iOS and macOS apps
// on URLSession and Network.framework, curl on Secure Transport) that
// matter for (mutual) TLS, by their names, numbers in Apple's contexts
// and words; every other code has its generic story (appleEntry). Lookup
// reads them after nssEntries.
var appleEntries = []Entry{
	// The client certificate state CFNetwork reports: 0, none was sent.
	{
		ID: NoClientCert, Kind: "client",
		Match:       []string{"_kcfstreampropertysslclientcertificatestate=0"},
		Within:      []string{appleRefusals},
		Title:       "The server refused the Apple app, which sent no client certificate (client certificate state 0)",
		Explanation: "The handshake of an iOS or macOS app ended with the server's refusal, and CFNetwork's `_kCFStreamPropertySSLClientCertificateState=0` (kSSLClientCertNone) says the app sent no client certificate. With a server that requires one (mutual TLS), that is the cause. " + appleNoIdentity,
		Fix:         appleGiveIdentity,
		Confirm:     appleClientConfirm,
	},
	{
		ID: NoClientCert, Kind: "client",
		Match: []string{"clientcertificaterequired", "errsslcertificaterequired", "errsslclientcertrequested", "code=-1206", "error -1206", "[-1206]", "-9863", "” requires a client certificate", "\" requires a client certificate",
			"read alert, level: fatal, description: certificate required"},
		Within:      []string{appleCtx, "clientcertificaterequired", "errsslcertificaterequired", "errsslclientcertrequested", "” requires a client certificate", "\" requires a client certificate", "boringssl"},
		Without:     []string{"_kcfstreampropertysslclientcertificatestate=0", "_kcfstreampropertysslclientcertificatestate=2", "cmgconnector_"},
		Title:       "The server requires a client certificate and the Apple app sent none",
		Explanation: "NSURLErrorClientCertificateRequired (-1206, `The server “host” requires a client certificate.`), errSSLCertificateRequired (-9863, the TLS 1.3 certificate_required alert) or Network.framework's `read alert` of it: the server (mutual TLS) wants a client certificate and got none. " + appleNoIdentity + " If the server's log shows the request with the certificate and an HTTP 403 answer, the handshake worked: URLSession on some iOS releases reports a 403 answer on a client-certificate connection as -1206, and the refusal is the application's.",
		Fix:         appleGiveIdentity + "\nThe identity goes to curl on macOS as a .p12:\n  curl --cert-type P12 --cert client.p12:password https://host/\nIf curl gets through and sees a 403, the application behind the server refuses the request (its access rule for the certificate), not the handshake.",
		Confirm:     appleClientConfirm,
	},
	// State 2: the certificate was sent, and refused.
	{
		ID: ClientCertRejected, Kind: "client",
		Match:       []string{"_kcfstreampropertysslclientcertificatestate=2"},
		Within:      []string{appleRefusals},
		Title:       "The server refused the client certificate the Apple app sent (client certificate state 2)",
		Explanation: "CFNetwork's `_kCFStreamPropertySSLClientCertificateState=2` (kSSLClientCertSent) says the app sent its client certificate, and the server then ended the handshake: it does not trust the certificate's issuer (its client CA file lacks that CA, or the app sent the certificate without the intermediate that links it to that CA), or it finds the certificate expired, revoked, without extendedKeyUsage clientAuth, or not allowed. The server's log names its reason.",
		Fix:         "Check the client certificate against the CA the server trusts, and send its intermediate too (URLCredential's certificates: the intermediates after the identity):\n  " + verifyClient,
		Confirm:     appleClientConfirm,
	},
	{
		ID: ClientCertRejected, Kind: "client",
		Match: []string{"clientcertificaterejected", "code=-1205", "error -1205", "[-1205]", "ssl server rejected the client certificate",
			"-9825", "-9827", "-9828", "-9829", "-9831", "-9832", "errsslpeerbadcert", "errsslpeercertrevoked", "errsslpeercertexpired", "errsslpeercertunknown",
			"errsslpeerunknownca", "errsslpeeraccessdenied",
			"read alert, level: fatal, description: bad certificate", "read alert, level: fatal, description: unknown ca", "read alert, level: fatal, description: certificate unknown",
			"read alert, level: fatal, description: access denied", "read alert, level: fatal, description: certificate expired", "read alert, level: fatal, description: certificate revoked",
			"read alert, level: fatal, description: unsupported certificate"},
		Within:      []string{appleCtx, "clientcertificaterejected", "ssl server rejected the client certificate", "boringssl"},
		Without:     []string{"_kcfstreampropertysslclientcertificatestate=0", "_kcfstreampropertysslclientcertificatestate=2"},
		Title:       "The server refused the Apple app's client certificate (or its lack of one)",
		Explanation: "The server ended the handshake with an alert about the client's certificate: NSURLErrorClientCertificateRejected (-1205), Secure Transport's codes for the alert it received (errSSLPeerBadCert -9825 bad_certificate, errSSLPeerCertUnknown -9829 certificate_unknown, errSSLPeerUnknownCA -9831 unknown_ca, errSSLPeerAccessDenied -9832, errSSLPeerCertExpired -9828, errSSLPeerCertRevoked -9827), curl on Secure Transport's words for unknown_ca, or Network.framework's `read alert` (BoringSSL's log: the alert the server sent; `write alert` is one the app sent). The server does not trust the certificate's issuer (or the app sent it without its intermediate), finds it expired, revoked or without clientAuth, or (many servers over TLS 1.2) got no certificate at all: CFNetwork's _kCFStreamPropertySSLClientCertificateState says which (0 none sent, 2 sent). The server's log names its reason.",
		Fix:         "Check that the app sends a certificate (its client certificate challenge answered with an identity) and that it verifies against the server's client CA:\n  " + verifyClient,
		Confirm:     appleClientConfirm,
	},
	// Network.framework (BoringSSL) refusing the server's certificate.
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match: []string{"write alert, level: fatal, description: certificate unknown", "write alert, level: fatal, description: bad certificate",
			"write alert, level: fatal, description: unknown ca", "write alert, level: fatal, description: certificate expired",
			"write alert, level: fatal, description: unsupported certificate", "write alert, level: fatal, description: certificate revoked"},
		Within:      []string{"boringssl"},
		Title:       "The Apple app refused the server's certificate (Network.framework sent a fatal alert)",
		Explanation: "Network.framework's BoringSSL log: `write alert` is the alert the app itself sent, here because Apple's trust evaluation refused the server's certificate (the lines before it, or the task's error with its _kCFStreamErrorCodeKey, say why): its chain does not reach a root the device trusts, a certificate is expired, the name does not match, or it breaks Apple's rules. " + appleRules,
		Fix:         appleTrustFix,
		Confirm:     serverVerdictConfirm,
	},
	// Safari's own words.
	{
		ID: HandshakeFailed, Kind: "client",
		Match: []string{"because safari can\u2019t establish a secure connection to the server", "because safari can't establish a secure connection to the server",
			"because it couldn\u2019t establish a secure connection to the server", "because it couldn't establish a secure connection to the server"},
		Title:       "Safari could not establish a secure connection to the server",
		Explanation: "Safari's handshake with the server failed, and its page does not say why. In mutual TLS it is most often the client certificate: the server requires one and Safari had none to offer (on macOS the identity, the certificate with its private key, must be in the login keychain; on iOS installed from a configuration profile), or the server refused the one Safari chose (an identity preference in the keychain can pin an old one). Otherwise the server offers no TLS version or cipher suite Safari accepts (TLS 1.0 and 1.1 only), or a proxy or filter in between cut the connection.",
		Fix:         "See what the server asks for (acceptable client certificate CA names) and accepts:\n  openssl s_client -connect host:443 -servername host </dev/null\nthen, on a Mac, import the identity and check that it is there:\n  security import client.p12 -k login.keychain-db\n  security find-identity -v",
		Confirm:     "openssl s_client -connect host:443 -servername host -cert client.crt -key client.key </dev/null",
	},
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match:       []string{"safari can\u2019t verify the identity of the website", "safari can't verify the identity of the website", "this connection is not private"},
		Within:      []string{"safari", "this connection is not private"},
		Title:       "Safari does not trust the server's certificate",
		Explanation: "Safari's trust evaluation refused the server's certificate: its chain does not reach a root the Mac or device trusts (a private CA not installed, or on iOS not enabled under Certificate Trust Settings; an intermediate the server does not send), it is expired or for another name, or it breaks Apple's rules. " + appleRules,
		Fix:         appleTrustFix,
		Confirm:     serverVerdictConfirm,
	},
	// Network.framework: the server's alerts about versions and suites.
	{
		ID: HandshakeFailed, Kind: "client",
		Match: []string{"read alert, level: fatal, description: handshake failure", "read alert, level: fatal, description: protocol version",
			"read alert, level: fatal, description: insufficient security"},
		Within:      []string{"boringssl"},
		Title:       "The server ended the Apple app's handshake: no version or cipher suite in common",
		Explanation: "Network.framework's BoringSSL log: the server sent this fatal alert (`read alert`). It found no TLS version or cipher suite in common with the app (a server with TLS 1.0 or 1.1 only, or only suites App Transport Security does not allow), or it has no certificate the app can use: a server whose only certificate has an Ed25519 key (Apple's TLS offers no Ed25519 signature scheme) or another key type the app does not offer; or, over TLS 1.2, it required a client certificate and the app sent none.",
		Fix:         "See which versions and suites the server accepts and whether it asks for a client certificate:\n  openssl s_client -connect host:443 -servername host -tls1_2 </dev/null",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"boringssl_session_handshake_incomplete"},
		Title:       "The Apple app's TLS handshake did not complete (Network.framework's BoringSSL)",
		Explanation: "Network.framework's BoringSSL logs this for any handshake that failed, with BoringSSL's generic `SSL_ERROR_SSL`; the cause is in the lines around it: `boringssl_context_handle_fatal_alert` with the alert the app wrote (it refused the server's certificate) or read (the server refused the app, often over its client certificate), and the task's error, whose _kCFStreamErrorCodeKey names Secure Transport's code and whose _kCFStreamPropertySSLClientCertificateState=0 says no client certificate was sent.",
		Fix:         "Read the alert and the task's error around this line (Console.app, or the app's log with CFNETWORK_DIAGNOSTICS=1), and compare with a handshake from a Mac or Linux:\n  openssl s_client -connect host:443 -servername host </dev/null",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null",
	},
	// Loading the client identity: PKCS#12 import.
	{
		ID: KeyLocked, Kind: "client",
		Match: []string{"errsecpkcs12verifyfailure", "-25264", "mac verification failed during pkcs12 import", "errsecdecode", "-26275",
			"errsecpassphraserequired", "-25260", "errsecunknownformat", "-25257", "errsecauthfailed", "-25293"},
		Within:      []string{appleCtx, "pkcs12", "p12", "mac verification failed during pkcs12 import"},
		Title:       "The Apple app (or macOS) could not import its client certificate's .p12",
		Explanation: "SecPKCS12Import (or the keychain's import) refused the PKCS#12 file that holds the client identity: errSecPkcs12VerifyFailure (-25264) and errSecAuthFailed (-25293) say the password is wrong (an empty password is a password too), errSecPassphraseRequired (-25260) that none was given, errSecDecode (-26275) and errSecUnknownFormat (-25257) that the data did not read as PKCS#12. A .p12 made by OpenSSL 3, whose default is AES-256-CBC with PBKDF2 and a SHA-256 MAC, fails so on older iOS and macOS, which read only the legacy 3DES and RC2 format with a SHA-1 MAC; and a PEM file renamed .p12 is not one. Without the identity the app then sends no client certificate.",
		Fix:         "Check the file and its password, then export it again in the legacy format older Apple systems read (OpenSSL 3):\n  openssl pkcs12 -info -noout -in client.p12\n  openssl pkcs12 -export -legacy -in client.crt -inkey client.key -certfile ca.crt -out client.p12\nWhere OpenSSL 3 lacks its legacy provider, name 3DES and SHA-1 instead:\n  openssl pkcs12 -export -keypbe PBE-SHA1-3DES -certpbe PBE-SHA1-3DES -macalg sha1 -in client.crt -inkey client.key -out client.p12",
		Confirm:     "openssl pkcs12 -info -noout -in client.p12",
	},
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"errsecitemnotfound", "-25300", "could not be found in the keychain"},
		Within:      []string{appleCtx, "keychain", "secidentity", "secitemcopymatching"},
		Without:     []string{"and its private key in the keychain"},
		Title:       "The Security framework did not find the item asked for in the keychain (errSecItemNotFound)",
		Explanation: "errSecItemNotFound (-25300): the keychain holds no item that matches the query. For mutual TLS it is the client identity the app looks up: the certificate was stored without its private key (no identity forms), it sits in another keychain access group or app, or the query's attributes (kSecClass kSecClassIdentity, its label) do not match what SecPKCS12Import or SecItemAdd stored.",
		Fix:         "Store and look up the identity the same way (kSecClassIdentity, the same access group), or keep the identity SecPKCS12Import returns; on a Mac, list the identities:\n  security find-identity -v",
		Confirm:     "security find-identity -v",
	},
	// Apple's rules for TLS server certificates.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match: []string{"errseccertificatevalidityperiodtoolong", "-67901", "validity period in the certificate exceeds the maximum allowed", "certificate is not standards compliant",
			"not standards compliant", "validityperiodmaximums", "serverautheku", "weakkeysize", "weaksignature", "systemtrustedweakhash", "systemtrustedweakkey",
			"certificate is using a broken key size", "certificate is using a broken signature algorithm", "certificate is not permitted for this usage",
			"extended key usage does not match certificate usage"},
		Within:      []string{appleTrustCtx, "validityperiodtoolong", "validity period in the certificate exceeds", "validityperiodmaximums"},
		Title:       "Apple refused the server's certificate under its rules for TLS server certificates",
		Explanation: "Apple's trust evaluation refused the server's certificate as not compliant: errSecCertificateValidityPeriodTooLong (-67901) is a validity over 825 days, and `not standards compliant` any of the rules. " + appleRules,
		Fix:         appleRulesFix,
		Confirm:     appleRulesConfirm,
	},
	// The server's certificate: an untrusted chain.
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match: []string{"-9807", "-9812", "-9813", "code=-1202", "error -1202", "code=-1203", "error -1203", "servercertificateuntrusted", "servercertificatehasunknownroot",
			"errsslxcertchaininvalid", "errsslunknownrootcert", "errsslnorootcert", "errsecnottrusted", "-67843", "the certificate for this server is invalid",
			"the certificate for this server was signed by an unknown certifying authority",
			"certificate is not trusted", "\u201d certificate is not trusted", "\" certificate is not trusted", "sectrustevaluate [leaf", "anchortrusted", "issuercommonname", "subjectcommonname", "root is not trusted", "unable to build chain to root (possible missing intermediate)",
			"ssl certificate problem: invalid certificate chain", "ssl certificate problem: untrusted root certificate", "ssl certificate problem: no root certificate"},
		Within: []string{appleTrustCtx, "the certificate for this server is invalid", "the certificate for this server was signed by an unknown certifying authority", "servercertificate", "ssl certificate problem"},
		Without: []string{"-9843", "-9814", "-9815", "-1201", "-1204", "errsslhostnamemismatch", "-67901", "validityperiodtoolong", "not standards compliant",
			"temporalvalidity", "sslhostname", "validityperiodmaximums", "serverautheku", "weakkeysize", "weaksignature", "systemtrustedweak",
			"not temporally valid", "ssl hostname does not match", "certificate name does not match input", "certificate is expired", "broken key size", "broken signature algorithm",
			"write alert"},
		Title: "Apple's TLS client does not trust the server's certificate",
		Explanation: "Apple's trust evaluation (an iOS or macOS app on URLSession or Network.framework, curl on macOS's Secure Transport) refused the server's certificate chain: errSSLXCertChainInvalid (-9807) an invalid chain, errSSLUnknownRootCert (-9812) and errSSLNoRootCert (-9813) a root it does not trust, errSecNotTrusted (-67843); NSURLErrorServerCertificateUntrusted (-1202, `The certificate for this server is invalid`) stands for any refusal, and its _kCFStreamErrorCodeKey names the cause. " +
			"A private CA must be installed on the device and, on iOS, enabled under Certificate Trust Settings; a server that does not send its intermediate, an expired certificate (curl on Secure Transport says only `Invalid certificate chain`), a TLS-inspecting proxy, and a self-signed certificate fail too. SecTrustEvaluate's `[leaf ...]` names the checks that failed: AnchorTrusted (no trusted root), SSLHostname, TemporalValidity, ValidityPeriodMaximums, ServerAuthEKU, KeySize, SignatureHashAlgorithms, and IssuerCommonName or SubjectCommonName (an app or Apple service that pins its server's names, broken by a proxy's certificate). " + appleRules,
		Fix:     appleTrustFix,
		Confirm: serverVerdictConfirm,
	},
	// Dates.
	{
		ID: ServerCertExpired, Kind: "client",
		Match: []string{"-9814", "-9815", "code=-1201", "error -1201", "code=-1204", "error -1204", "errsslcertexpired", "errsslcertnotyetvalid",
			"servercertificatehasbaddate", "servercertificatenotyetvalid", "errseccertificateexpired", "-67818", "errseccertificatenotvalidyet", "-67819",
			"certificate chain had an expired certificate", "the certificate chain had a certificate that is not yet valid",
			"the certificate for this server has expired", "the certificate for this server is not yet valid",
			"temporalvalidity", "certificate is not temporally valid", "certificate is expired"},
		Within: []string{appleTrustCtx, "servercertificatehasbaddate", "servercertificatenotyetvalid", "certificate chain had", "ssl certificate problem",
			"the certificate for this server has expired", "the certificate for this server is not yet valid"},
		Title:       "The Apple app found an expired (or not yet valid) certificate in the server's chain",
		Explanation: "errSSLCertExpired (-9814, `chain had an expired cert`), errSSLCertNotYetValid (-9815), errSecCertificateExpired (-67818), NSURLErrorServerCertificateHasBadDate (-1201) or NotYetValid (-1204): a certificate of the server's chain is outside its dates by the device's clock: the server's certificate or an intermediate it still sends expired (a renewal not reloaded), or the device's date is wrong.",
		Fix:         "Check the dates of what the server sends, and the device's date and time:\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null 2>/dev/null | openssl x509 -noout -dates\nthen renew the certificate and reload the server.",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -dates",
	},
	{
		ID: ServerHostnameMismatch, Kind: "client",
		Match:       []string{"errsslhostnamemismatch", "errsechostnamemismatch", "-67602", "a host name mismatch has occurred", "sslhostname", "ssl hostname does not match name(s) in certificate", "certificate name does not match input"},
		Within:      []string{appleTrustCtx, "a host name mismatch has occurred"},
		Title:       "The server's certificate does not carry the host name the Apple app used",
		Explanation: "errSSLHostNameMismatch (-9843) or errSecHostNameMismatch (-67602): the app connected to a name (or IP address) that the server's certificate does not carry in its subjectAltName; Apple does not read the subject's CN. The app uses another name or an address, or the server sends its default certificate for a name (SNI) it does not serve.",
		Fix:         connectByName,
		Confirm:     sanConfirm,
	},
	// App Transport Security.
	{
		ID: PlainHTTP, Kind: "client",
		Match:       []string{"code=-1022", "error -1022", "apptransportsecurityrequiressecureconnection", "app transport security policy requires the use of a secure connection"},
		Title:       "App Transport Security blocked a plain http:// load of the Apple app",
		Explanation: "NSURLErrorAppTransportSecurityRequiresSecureConnection (-1022): the app asked for an http:// URL (or a redirect led to one), and App Transport Security allows only HTTPS unless the app's Info.plist makes an exception. No TLS took place.",
		Fix:         "Use https:// (the server must then serve TLS 1.2 or later), or list the host under NSAppTransportSecurity > NSExceptionDomains with NSExceptionAllowsInsecureHTTPLoads in the app's Info.plist; see what the server answers:\n  curl -v https://host/",
		Confirm:     "curl -v https://host/",
	},
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"kcfstreamerrordomainssl, -9802", "[3:-9802]", "kcfstreamerrordomainssl, -9824", "sslhandshake failed (-9824)", "app transport security", "errsslats", "-9880", "-9881", "-9882", "-9883", "-9884", "-9885", "-9886"},
		Within:      []string{appleCtx, "app transport security"},
		Without:     []string{"-1022", "requires the use of a secure connection"},
		Title:       "Apple's App Transport Security refused the server's TLS (-9802, -9824, errSSLATS)",
		Explanation: "iOS and macOS apps on URLSession require, under App Transport Security, TLS 1.2 or later, forward-secret (ECDHE) cipher suites and a server certificate signed with SHA-256 or better on an RSA key of 2048 bits or more (or ECC of 256 bits or more). A server that offers only TLS 1.0/1.1, RSA key exchange or a SHA-1 certificate fails with -9802 (errSSLFatalAlert), -9824, or an errSSLATS code (-9880 to -9886) that names the rule. " + appleRules + " Behind a TLS-intercepting proxy (mitmproxy, Charles, a corporate one), -9802 also means its CA is installed but not trusted: on macOS it must be in the System keychain and set to Always Trust, on iOS turned on under Certificate Trust Settings.",
		Fix:         "See what the server negotiates, then let it offer TLS 1.2 and TLS 1.3 with ECDHE suites and a SHA-256 certificate (nginx):\n  openssl s_client -connect host:443 -servername host -tls1_2 </dev/null\n  ssl_protocols TLSv1.2 TLSv1.3;\nUntil then an app can list the host as an exception under NSAppTransportSecurity in its Info.plist.",
		Confirm:     "openssl s_client -connect host:443 -servername host -tls1_2 </dev/null",
	},
	// The server closed or ended the handshake.
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"-9806", "-9816", "-9844", "-9852", "errsslclosedabort", "errsslclosednonotify", "errsslconnectionrefused", "errssltransportreset"},
		Within:      []string{appleCtx},
		Without:     []string{"_kcfstreampropertysslclientcertificatestate=0", "_kcfstreampropertysslclientcertificatestate=2"},
		Title:       "The server closed the connection during the Apple app's handshake (-9806, -9816)",
		Explanation: "errSSLClosedAbort (-9806, `connection closed via error`), errSSLClosedNoNotify (-9816, `server closed session with no notification`), errSSLConnectionRefused (-9844) or errSSLTransportReset (-9852): the server (or something in between) ended the connection during the handshake of an iOS or macOS app, without an alert. In mutual TLS it is most often the server refusing the app's client certificate, or its lack of one (CFNetwork's _kCFStreamPropertySSLClientCertificateState=0 says none was sent). Otherwise the port may not speak TLS at all (a broker or server that fell back to plain text because its TLS files failed to load), no TLS version or cipher suite is shared, or a proxy or firewall cut it.",
		Fix:         "Check that the port speaks TLS and what it asks for (the acceptable client certificate CA names):\n  openssl s_client -connect host:8883 -servername host </dev/null\nIf it answers in plain text, fix the server's TLS files (mosquitto: the cafile, certfile and keyfile paths of the listener); if it asks for a client certificate, give the app one.",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null",
	},
	// Versions, suites and handshake alerts.
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"-9824", "-9836", "-9801", "-9858", "errsslpeerhandshakefail", "errsslpeerprotocolversion", "errsslnegotiation", "errsslhandshakefail"},
		Within:      []string{appleCtx},
		Without:     []string{"kcfstreamerrordomainssl, -9824", "sslhandshake failed (-9824)", "app transport security"},
		Title:       "The Apple app and the server share no TLS version or cipher suite (-9824, -9836)",
		Explanation: "errSSLPeerHandshakeFail (-9824: the server sent handshake_failure), errSSLPeerProtocolVersion (-9836: protocol_version), errSSLNegotiation (-9801) or errSSLHandshakeFail (-9858): the two sides found no TLS version or cipher suite in common (a server with TLS 1.0 or 1.1 only, or only suites without forward secrecy, against App Transport Security; a TLS 1.3-only server against an iOS before 12.2), or, over TLS 1.2, the server required a client certificate and the app sent none.",
		Fix:         "See which versions and suites the server accepts, and whether it asks for a client certificate:\n  openssl s_client -connect host:443 -servername host -tls1_2 </dev/null\n  openssl s_client -connect host:443 -servername host -tls1_3 </dev/null",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null",
	},
}
