package catalogue

// rustlsPeer says who the peer is in rustls's words, for the stories of
// a certificate rustls refused.
const rustlsPeer = "rustls calls the other side the peer: in a client (reqwest, hyper, tonic, ureq, cargo, uv, deno, curl built with rustls) it is the server's certificate; in a rustls server that checks client certificates (a proxy, an MQTT broker, a service mesh) it is the client's."

// rustlsEntries tell the rustls and webpki errors that matter for (mutual)
// TLS, in the forms rustls prints them: Display ("invalid peer
// certificate: Expired", webpki's names after 0.19's "invalid
// certificate: " and 0.20's "invalid peer certificate contents: "), and
// Debug ("InvalidCertificate(Expired)", "WebPKIError(CertExpired)",
// "Other(OtherError(CaUsedAsEndEntity))"). The unknown issuer, the name,
// a certificate webpki cannot parse and a critical extension are
// clientWriterEntries' (findings_clients.go); received alerts are the
// alerts' entries; every other variant has its generic story
// (rustlsEntry). Lookup reads them after nssEntries.
var rustlsEntries = []Entry{
	{
		ID: ServerCertExpired, Kind: "client",
		Match: []string{"invalid peer certificate: expired", "invalidcertificate(expired", "certificate: certexpired", "(certexpired)", "certexpired {",
			"invalid peer certificate: certificate expired: verification time", "expiredcontext {", "othererror(invalidcertvalidity"},
		Title:       "rustls refused the peer's certificate: it has expired (Expired, CertExpired)",
		Explanation: "The certificate's notAfter is before the time rustls checked it at (rustls 0.23 prints both, in UNIX seconds, and how long ago it expired): the certificate was not renewed, or this machine's clock is ahead. " + rustlsPeer + " webpki does not say which certificate of the chain it was: an expired intermediate fails the same way.",
		Fix:         "Check the dates of the certificate (and of each one in the chain) and this machine's clock:\n  openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -dates\n  date -u\nthen renew the certificate; for a client certificate a rustls server refused:\n  openssl x509 -noout -dates -in client.crt",
		Confirm:     "openssl s_client -connect host:443 -servername host -showcerts </dev/null",
	},
	{
		ID: NotYetValid, Kind: "client",
		Match: []string{"invalid peer certificate: notvalidyet", "invalidcertificate(notvalidyet", "certificate: certnotvalidyet", "(certnotvalidyet)", "certnotvalidyet {",
			"invalid peer certificate: certificate not valid yet: verification time", "notvalidyetcontext {"},
		Title:       "rustls refused the peer's certificate: it is not valid yet (NotValidYet, CertNotValidYet)",
		Explanation: "The certificate's notBefore is after the time rustls checked it at (rustls 0.23 prints both, in UNIX seconds): this machine's clock is behind (a device without a real-time clock or NTP, a VM restored from a snapshot), or the certificate was just issued by a machine whose clock is ahead. " + rustlsPeer,
		Fix:         "Check this machine's clock against the certificate's start date:\n  date -u\n  timedatectl\n  openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -startdate\nthen set the time (NTP) or reissue the certificate with an earlier start.",
		Confirm:     "date -u",
	},
	{
		ID: BadSignature, Kind: "client",
		Match: []string{"invalid peer certificate: badsignature", "invalidcertificate(badsignature", "invalidsignatureforpublickey",
			"invalid peer certificate signature", "invalidcertificatesignature"},
		Without: []string{"invalid peer certificate signature type", "invalidcertificatesignaturetype"},
		Title:   "rustls refused the peer's certificate: a signature in its chain does not verify (BadSignature)",
		Explanation: "A certificate of the chain is not signed by the certificate that claims to be its issuer: the CA was remade with a new key under the same name, the peer sends an intermediate of another CA with the same name, or a root in the trust store is another one of that name. " +
			"rustls 0.21 and 0.22 (and 0.20's `invalid peer certificate signature`) report a signature algorithm webpki does not support the same way: an RSA key under 2048 bits, SHA-1, DSA, an uncommon curve. " +
			"curl built with rustls says so for every server when it was built with no CA path and rustls-ffi fell back to its verifier that accepts nothing (give it --cacert, or CURL_CA_BUNDLE). " + rustlsPeer,
		Fix:     "Check the chain against the CA the client trusts, and the signature algorithm and key size of each certificate:\n  openssl verify -CAfile ca.crt -untrusted chain.pem server.crt\n  openssl x509 -noout -text -in server.crt | grep -E 'Signature Algorithm|Public-Key'\nReissue what does not verify from the current CA, with SHA-256 and RSA 2048+ or P-256.",
		Confirm: "openssl s_client -connect host:443 -servername host -showcerts </dev/null",
	},
	{
		ID: WeakSignature, Kind: "client",
		Match: []string{"unsupportedsignaturealgorithm", "invalid peer certificate signature type", "invalidcertificatesignaturetype"},
		Title: "rustls refused a certificate signed with an algorithm it does not support (UnsupportedSignatureAlgorithm)",
		Explanation: "webpki verifies only ECDSA with P-256 or P-384 (P-521 in newer versions), Ed25519, and RSA (PKCS#1 or PSS) with SHA-256, SHA-384 or SHA-512 and a key of 2048 bits or more: a chain signed with SHA-1 or MD5, DSA, an RSA key under 2048 bits or a curve it lacks is refused, where OpenSSL may accept it. " +
			"ForPublicKey means the algorithm does not fit the issuer's key (an RSA signature by an EC key), or the key's own algorithm or curve is unsupported. " + rustlsPeer,
		Fix:     "See each certificate's signature algorithm and key, and reissue the odd one with SHA-256 and RSA 2048+ or P-256:\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null | openssl x509 -noout -text | grep -E 'Signature Algorithm|Public-Key|ASN1 OID'",
		Confirm: "openssl x509 -noout -text -in server.crt | grep -E 'Signature Algorithm|Public-Key'",
	},
	{
		ID: SelfIssuedLeaf, Kind: "client",
		Match:       []string{"causedasendentity"},
		Title:       "rustls refused the peer's certificate: it is a CA certificate, used as a server's or client's own (CaUsedAsEndEntity)",
		Explanation: "The certificate the peer presented as its own carries basicConstraints CA:TRUE, which webpki refuses for an end entity where OpenSSL accepts it. `openssl req -x509` makes such a certificate by default (its config adds CA:TRUE), so a self-signed test certificate fails so; serving the CA's own certificate does too. " + rustlsPeer,
		Fix:         "Issue the server's (or client's) certificate from a CA, with CA:FALSE and its names, and trust the CA instead; for a self-signed one, make it a leaf:\n  " + selfSignedLeafCmd,
		Confirm:     "openssl x509 -noout -text -in server.crt | grep -A1 -e 'Basic Constraints' -e 'Subject Alternative Name'",
	},
	{
		ID: NotACA, Kind: "client",
		Match:       []string{"endentityusedasca"},
		Title:       "rustls refused the peer's chain: an issuer in it is not a CA (EndEntityUsedAsCa)",
		Explanation: "A certificate of the chain that signed another one has no basicConstraints CA:TRUE (or is v1): a leaf used to sign, or a private CA made with `openssl x509 -req` without an -extfile. webpki will not chain through it. " + rustlsPeer,
		Fix:         "Remake the CA with the CA extensions and sign the certificate again:\n  " + remakeCACmd,
		Confirm:     "openssl x509 -noout -text -in ca.crt | grep -A1 'Basic Constraints'",
	},
	{
		ID: WrongPurpose, Kind: "client",
		Match: []string{"invalid peer certificate: invalidpurpose", "invalidcertificate(invalidpurpose", "requiredekunotfound", "invalidpurposecontext",
			"certificate does not allow extended key usage for", "emptyekuextension"},
		Title:       "rustls refused the peer's certificate: its extendedKeyUsage does not allow this use (InvalidPurpose, RequiredEkuNotFound)",
		Explanation: "webpki wants serverAuth in a server's certificate and clientAuth in a client's, when the certificate has an extendedKeyUsage (rustls 0.23 names what it required and what the certificate allows): a client certificate installed as a server's, a server certificate used as a client's, or a CA whose own extendedKeyUsage leaves the purpose out. " + rustlsPeer,
		Fix:         "Reissue the certificate with the purpose of its side, a server's:\n  extendedKeyUsage=serverAuth\na client's:\n  extendedKeyUsage=clientAuth",
		Confirm:     "openssl x509 -noout -text -in cert.crt | grep -A1 'Extended Key Usage'",
	},
	{
		ID: Revoked, Kind: "client",
		Match:       []string{"invalid peer certificate: revoked", "invalidcertificate(revoked", "(certrevoked)", "certificate: certrevoked"},
		Title:       "rustls refused the peer's certificate: it is revoked (Revoked)",
		Explanation: "The certificate's serial number is on the CRL rustls was given (a rustls server's client-certificate verifier with CRLs, or a client's): it was revoked, or the CRL lists the wrong serial. " + rustlsPeer,
		Fix:         "Issue a new certificate to replace the revoked one, or, if it was revoked by mistake, regenerate the CRL without it; see the CRL's entries:\n  openssl crl -noout -text -in crl.pem",
		Confirm:     "openssl verify -crl_check -CRLfile crl.pem -CAfile ca.crt cert.crt",
	},
	{
		ID: CRLProblem, Kind: "client",
		Match:       []string{"unknownrevocationstatus", "expiredrevocationlist", "crlexpired", "certificate revocation list expired: verification time"},
		Title:       "rustls could not tell whether the peer's certificate is revoked (UnknownRevocationStatus, ExpiredRevocationList)",
		Explanation: "rustls was given CRLs and told to check them, and none covers the certificate's issuer (each CA of the chain needs its own CRL, unless only the leaf is checked), or the CRL's nextUpdate has passed. " + rustlsPeer,
		Fix:         "Give the verifier a current CRL of each issuer, or check only the leaf or allow unknown status (rustls: WebPkiClientVerifier's only_check_end_entity_revocation, allow_unknown_revocation_status); see the CRL's dates:\n  openssl crl -noout -issuer -lastupdate -nextupdate -in crl.pem",
		Confirm:     "openssl crl -noout -nextupdate -in crl.pem",
	},
	{
		ID: NoClientCert, Kind: "client",
		Match:       []string{"peer sent no certificates", "nocertificatespresented", "sending fatal alert certificaterequired"},
		Title:       "The rustls server required a client certificate and the client sent none (peer sent no certificates)",
		Explanation: "A rustls server that requires client certificates got an empty Certificate message: the client has none configured, its certificate was not issued by a CA in the server's client-CA list (many clients send nothing then), or its key could not be loaded. rustls 0.19 and 0.20 log `Sending fatal alert CertificateRequired` then. (A rustls client says `peer sent no certificates` of a server that sent none, which is rare.)",
		Fix:         "Give the client its certificate and key, issued by the CA the server trusts, and check that it sends them:\n  " + curlClient + "\n  openssl s_client -connect host:443 -cert client.crt -key client.key </dev/null",
		Confirm:     "openssl s_client -connect host:443 -cert client.crt -key client.key </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "client",
		Match: []string{"nociphersuitesincommon", "no ciphersuites in common", "servertlsversionisdisabledbyourconfig", "serverdoesnotsupporttls12or13",
			"server does not support tls v1.2/v1.3", "tls12notoffered", "client does not support tlsv1_2", "tls1.2 not offered/enabled",
			"nokxgroupsincommon", "nosignatureschemesincommon"},
		Title:       "rustls shares no TLS version, cipher suite or group with the peer (peer is incompatible)",
		Explanation: "rustls speaks only TLS 1.2 and 1.3, with ECDHE key exchange and AES-GCM or ChaCha20 suites: no TLS 1.0 or 1.1, no RSA key exchange, no CBC suites. An old server or client (an old Java, IIS or appliance, an embedded device), or one limited to legacy suites, finds nothing in common; so does a program that limits rustls to one version or to a FIPS provider. A rustls server says NoCipherSuitesInCommon (or Tls12NotOffered) of its client; a client says ServerDoesNotSupportTls12Or13 of its server.",
		Fix:         "See which versions and suites the other side offers:\n  openssl s_client -connect host:443 -servername host -tls1_2 </dev/null\n  nmap --script ssl-enum-ciphers -p 443 host\nthen enable TLS 1.2 with ECDHE-GCM suites (or TLS 1.3) there.",
		Confirm:     "openssl s_client -connect host:443 -servername host -tls1_2 -cipher ECDHE </dev/null",
	},
	// The server ended a rustls client's handshake.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"received fatal alert: handshakefailure"},
		Title:       "The server ended the rustls client's handshake (HandshakeFailure)",
		Explanation: "The server found nothing it would take in rustls's hello, or wanted a client certificate rustls did not send. rustls offers only TLS 1.2 and 1.3 with ECDHE key exchange and AEAD suites: an older server whose TLS 1.2 suites all use DHE-RSA or RSA key exchange (mail servers, appliances, old Java and IIS) has nothing to choose, and OpenSSL-based clients still connect to it. A server that requires a client certificate says the same in TLS 1.2 when none comes, and one that needs SNI does when rustls connects by IP address (it sends no name then).",
		Fix:         "See which suites the server offers:\n  nmap --script ssl-enum-ciphers -p 443 host\n  openssl s_client -connect host:443 -servername host -tls1_2 -cipher ECDHE </dev/null\nIf it has no ECDHE suite, enable one there, or reach it with a client on OpenSSL (native-tls) instead of rustls; if it asks for a client certificate, give rustls one (with_client_auth_cert).",
		Confirm:     "openssl s_client -connect host:443 -servername host -tls1_2 -cipher ECDHE </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"received corrupt message of type invalidcontenttype", "invalidmessage(invalidcontenttype", "received corrupt message of type messagetoolarge", "invalidmessage(messagetoolarge"},
		Title:       "rustls read something that is not TLS from the peer (InvalidContentType, MessageTooLarge)",
		Explanation: "The bytes the peer sent do not start a TLS record: the port serves plain HTTP (an https:// URL for an http:// service, or the wrong port), a proxy answered with its own page, or something else (SSH, SMTP before STARTTLS) listens there. A rustls server says the same of a client that sent plain HTTP to its TLS port.",
		Fix:         "See what answers on the port, and use the scheme and port that serve TLS:\n  curl -v http://host:443/\n  openssl s_client -connect host:443 -servername host </dev/null",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null",
	},
}
