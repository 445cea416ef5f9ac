package catalogue

// gnutlsEntries tell the GnuTLS errors and certificate status reasons that
// matter for a TLS client or server, in the words GnuTLS programs print:
// git, curl and wget on Debian and Ubuntu ("gnutls_handshake() failed:
// ...", "GnuTLS recv error (-110): ..."), gnutls-cli ("*** Fatal error:
// ...", "- Status: The certificate is NOT trusted. ..."), apt, Exim. The
// status reasons of the issuer, expiry, name and stale OCSP data are in
// clientWriterEntries; every other GnuTLS error has its generic story
// (gnutlsEntry). Lookup reads them after clientWriterEntries.
var gnutlsEntries = []Entry{
	// GnuTLS's debug log (gnutls-cli -d, GNUTLS_DEBUG_LEVEL) on a v1
	// certificate with v3 extensions.
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match:       []string{"extensions present in certificate with version 1"},
		Title:       "GnuTLS refused a version 1 certificate that carries extensions",
		Explanation: "Extensions (subjectAltName, basicConstraints, key usage) exist only in X.509 version 3, and GnuTLS refuses a certificate that says version 1 yet carries them (the handshake then fails with `Error in the certificate`). Scripts that sign with `openssl x509 -req` and an -extfile or -extensions that OpenSSL did not apply, or tools that set the version field wrongly, make such certificates; OpenSSL itself accepts them.",
		Fix:         "Reissue the certificate as version 3 (an -extfile with at least one extension makes openssl x509 -req write v3):\n  openssl x509 -req -sha256 -days 365 -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -extfile server.ext -out server.crt\n  openssl x509 -noout -text -in server.crt | grep Version",
		Confirm:     "openssl x509 -noout -text -in server.crt | grep Version",
	},
	// GNUTLS_E_CERTIFICATE_ERROR (-43): what GnuTLS's own examples return
	// from a verification callback, and what it says of a certificate it
	// cannot take as written. ("Error in the certificate verification." is
	// another error, -348.)
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match: []string{"error in the certificate.", "gnutls_e_certificate_error"},
		Title: "GnuTLS refused a certificate in the handshake (Error in the certificate)",
		Explanation: "A program on GnuTLS (curl and git on Debian and Ubuntu, Taskwarrior and taskd, Exim, OpenConnect) refused a certificate the other side sent (GNUTLS_E_CERTIFICATE_ERROR, -43). Two causes cover most cases: (1) the program's own check refused it (GnuTLS's examples return this error from their verification callback, and programs copied them): the certificate has expired (certificates made together expire together: check both sides'), its CA is not the one the program was given, or it is for another name; " +
			"(2) GnuTLS cannot take the certificate as written: a version 1 certificate that carries extensions (subjectAltName, basicConstraints), which OpenSSL accepts and GnuTLS does not, or a damaged one.",
		Fix:     "See the certificate the other side sends, its dates and its version (Version: 3 is needed when it has extensions):\n  openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -dates -issuer -text | grep -E 'Not |Issuer|Version'\nRenew an expired one (and the client certificates made with it); reissue a version 1 certificate with an -extfile, which makes it version 3; give the program the CA that issued it.",
		Confirm: "gnutls-cli --x509cafile ca.crt -p 443 host </dev/null",
	},
	// GNUTLS_E_INVALID_SESSION (-10): a session an earlier error ended.
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"the specified session has been invalidated", "gnutls_e_invalid_session"},
		Title:       "GnuTLS: the session was already ended by an earlier error (GNUTLS_E_INVALID_SESSION, -10)",
		Explanation: "GnuTLS returns this when a program reads or writes on a session that an earlier fatal error already ended, so the cause is that first error, usually logged just before or not at all. A server (ScyllaDB's CQL port, Exim, a GnuTLS daemon) printing it for many connections is most often seeing clients fail the handshake: old TLS versions against a server that takes TLS 1.2 and later, no cipher in common, a certificate refused, or clients speaking plain text to the TLS port.",
		Fix:         "Find the connection's first error (the line before, or GnuTLS's debug output), and whether the port takes TLS 1.2:\n  openssl s_client -connect host:PORT -tls1_2 </dev/null\nthen move clients that offer only TLS 1.0 or 1.1 to TLS 1.2 or later, or allow their version on the server for a while.",
		Confirm:     "openssl s_client -connect host:PORT -tls1_2 </dev/null",
	},
	// gnutls_certificate_verification_status_print's reasons (gnutls-cli's
	// "- Status:" line, apt's "Certificate verification failed:").
	{
		ID: WeakSignature, Kind: "client",
		Match:       []string{"the certificate chain uses insecure algorithm"},
		Title:       "The client (GnuTLS) refused the server's chain: it is signed with an insecure algorithm (SHA-1 or MD5)",
		Explanation: "A certificate in the server's chain (its own, or an intermediate) is signed with SHA-1 or MD5, which GnuTLS refuses by default (and a system-wide crypto policy may refuse more). Older guides' commands and old CAs sign so; the server may accept it, the client does not.",
		Fix:         "Re-sign the server's certificate (and any SHA-1 intermediate) with SHA-256:\n  openssl x509 -req -sha256 -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 365 -extfile server.ext -out server.crt",
		Confirm:     "openssl s_client -connect host:443 -servername host -showcerts </dev/null 2>/dev/null | grep -i 'signature\\|s:\\|i:'",
	},
	{
		ID: WrongPurpose, Kind: "client",
		Match:       []string{"the certificate chain does not match the intended purpose"},
		Title:       "The client (GnuTLS) refused the server's certificate: its extendedKeyUsage does not allow a TLS server",
		Explanation: "The server's certificate (or a CA above it) carries an extendedKeyUsage without serverAuth: most often a client certificate (clientAuth only) installed as the server's, or a CA whose own extendedKeyUsage leaves serverAuth out. A client checking the purpose refuses it; some clients (libcurl on GnuTLS among them) do not check it.",
		Fix:         "Reissue the server's certificate with the server's purpose:\n  extendedKeyUsage=serverAuth\n  keyUsage=critical,digitalSignature,keyEncipherment",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -text | grep -A1 -e 'Extended Key Usage' -e 'X509v3 Key Usage'",
	},
	{
		ID: CriticalExtension, Kind: "client",
		Match:       []string{"the certificate contains an unknown critical extension"},
		Title:       "The client (GnuTLS) refused the server's certificate: it has a critical extension GnuTLS does not know",
		Explanation: "A certificate in the server's chain marks an extension critical that GnuTLS does not understand, so by the rules it must be refused. Private CAs' custom extensions (and some made with `critical,` in an -extfile line by mistake) do this.",
		Fix:         "Reissue the certificate without `critical` on the extension GnuTLS does not know (keep it only on basicConstraints and keyUsage), and see which one it is:\n  openssl x509 -noout -text -in server.crt | grep -A1 critical",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -text | grep -A1 critical",
	},
	{
		ID: NotACA, Kind: "client",
		Match:       []string{"the certificate issuer is not a ca"},
		Title:       "The client (GnuTLS) refused the server's chain: its issuer is not a CA",
		Explanation: "The certificate that signed the server's certificate has no basicConstraints CA:TRUE: a leaf used to sign another certificate, or a private CA made without the CA extensions (`openssl x509 -req` without `-extfile` gives a v1 or CA:FALSE certificate).",
		Fix:         "Remake the CA with the CA extensions and sign the server's certificate with it again:\n  " + remakeCACmd,
		Confirm:     "openssl x509 -noout -text -in ca.crt | grep -A1 'Basic Constraints'",
	},
	{
		ID: NotYetValid, Kind: "client",
		Match:       []string{"the certificate chain uses not yet valid certificate", "the certificate is not yet activated"},
		Title:       "The client (GnuTLS) found a certificate not yet valid in the server's chain",
		Explanation: "A certificate of the server's chain starts later than this machine's clock: the client's clock is behind (a device without a real-time clock or NTP, a VM restored from a snapshot), or the certificate was issued with a future start date (another machine's clock ahead, a CA's time zone).",
		Fix:         "Check this machine's clock and the certificate's start date:\n  date -u\n  timedatectl\nthen set the time (NTP) or reissue the certificate.",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -dates",
	},
	{
		ID: BadSignature, Kind: "client",
		Match:       []string{"the signature in the certificate is invalid"},
		Title:       "The client (GnuTLS) found a certificate whose signature does not verify",
		Explanation: "A certificate of the server's chain is not signed by the certificate that claims to be its issuer: the CA was remade with a new key under the same name (the old certificates no longer verify with it), the server sends an intermediate from another CA with the same name, or a file was damaged.",
		Fix:         "Check the server's certificate against the CA the client trusts; reissue it from the current CA if the signature fails:\n  openssl verify -CAfile ca.crt -untrusted chain.pem server.crt",
		Confirm:     "openssl verify -CAfile ca.crt server.crt",
	},
	{
		ID: Revoked, Kind: "client",
		Match:       []string{"the certificate chain is revoked", "the certificate is revoked"},
		Within:      []string{"not trusted", "status:", "verification failed", "gnutls"},
		Title:       "The client (GnuTLS) found a revoked certificate in the server's chain",
		Explanation: "The CRL or OCSP response the client checked lists a certificate of the server's chain as revoked: the server still serves a certificate its CA revoked (after a reissue or a key compromise), or the client was given the wrong CRL.",
		Fix:         "Install the current certificate on the server (the one that replaced the revoked one), and check the serial against the CRL:\n  openssl crl -noout -text -in ca.crl | grep -A1 'Serial Number'",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -serial",
	},
	{
		ID: NameConstraints, Kind: "client",
		Match:       []string{"the certificate chain violates the signer's constraints"},
		Title:       "The client (GnuTLS) refused the server's chain: a CA's constraints forbid it",
		Explanation: "A CA above the server's certificate limits what it may sign, and the chain breaks the limit: its name constraints do not allow the server's names, its pathlen allows fewer CAs below it than the chain has, or its keyUsage lacks keyCertSign.",
		Fix:         "Look at the CAs' constraints and issue the server's certificate within them (or from a CA whose constraints allow its names):\n  openssl x509 -noout -text -in int.crt | grep -A6 -e 'Name Constraints' -e 'Basic Constraints' -e 'X509v3 Key Usage'",
		Confirm:     "openssl s_client -connect host:443 -servername host -showcerts </dev/null",
	},
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match:       []string{"the certificate doesn't match the local copy", "certificate doesn't match the local copy (tofu)"},
		Title:       "gnutls-cli (trust on first use) found a certificate other than the one it saw before",
		Explanation: "With --tofu, gnutls-cli keeps the first certificate it sees for each host in ~/.gnutls/known_hosts, and this server now presents another one: a renewal or a reissued certificate, another server answering for the name, or an interception.",
		Fix:         "Compare the server's certificate with what you expect; if the change is expected, remove the host's line from the file and connect again:\n  grep -n 'host' ~/.gnutls/known_hosts",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -fingerprint -sha256 -dates",
	},
	{
		ID: CRLProblem, Kind: "client",
		Match:       []string{"the revocation or ocsp data are issued with a future date", "the revocation data are issued with a future date"},
		Title:       "The client (GnuTLS) found revocation data issued in the future",
		Explanation: "The CRL or OCSP response about the server's certificate was issued later than this machine's clock says it is now: the client's clock is behind, or the CRL was made on a machine whose clock is ahead.",
		Fix:         "Check this machine's clock, and the CRL's dates:\n  date -u\n  openssl crl -noout -lastupdate -nextupdate -in ca.crl",
		Confirm:     "timedatectl",
	},
	{
		ID: StaplingFailed, Kind: "client",
		Match:       []string{"but the ocsp status is missing"},
		Title:       "The client (GnuTLS) wants the server to staple OCSP, and it did not",
		Explanation: "The server's certificate carries the OCSP must-staple extension (TLS feature status_request), so the client requires an OCSP response in the handshake, and the server sent none: its stapling is off or cannot reach the OCSP responder.",
		Fix:         "Turn on OCSP stapling on the server and let it reach the responder (for nginx, with a resolver), or reissue the certificate without must-staple:\n  ssl_stapling on;\n  ssl_stapling_verify on;\nthen look at what it staples:\n  openssl s_client -connect host:443 -servername host -status </dev/null 2>/dev/null | grep -A3 'OCSP response'",
		Confirm:     "openssl s_client -connect host:443 -servername host -status </dev/null",
	},
	{
		ID: StaplingFailed, Kind: "client",
		Match:       []string{"the received ocsp status response is invalid"},
		Title:       "The client (GnuTLS) refused the server's stapled OCSP response",
		Explanation: "The OCSP response the server stapled does not check out: it is about another certificate (stapled from before a renewal), not signed by the certificate's CA or its OCSP signer, or past its validity.",
		Fix:         "Make the server fetch a fresh response for its current certificate (for nginx, a reload; stapling needs a working resolver), and look at what it staples:\n  openssl s_client -connect host:443 -servername host -status </dev/null 2>/dev/null | grep -A12 'OCSP response'",
		Confirm:     "openssl s_client -connect host:443 -servername host -status </dev/null",
	},
	// GnuTLS errors.
	{
		ID: WrongPurpose, Kind: "client",
		Match:       []string{"key usage violation in certificate has been detected", "key usage violation detected"},
		Title:       "GnuTLS refused a certificate whose keyUsage does not allow this handshake (most often the server's)",
		Explanation: "The server's certificate has a keyUsage extension without the use the handshake needs: digitalSignature for every TLS 1.3 handshake and for ECDHE key exchange (the usual one), keyEncipherment for RSA key exchange. GnuTLS clients (git, curl and wget on Debian and Ubuntu, gnutls-cli) refuse it with this error; OpenSSL clients as `unsuitable certificate purpose` (verify error 26); Go clients accept it, so it may work from some clients only. A certificate made with a CA's keyUsage (keyCertSign only) does this. Newer GnuTLS also checks the program's own certificate this way: a client certificate a program made for itself as a CA (game-streaming and pairing clients that generate one) fails the same, before the server is involved.",
		Fix:         "Reissue the refused certificate (the server's, or the program's own) with the usages of its side (clientAuth for a client):\n  keyUsage=critical,digitalSignature,keyEncipherment\n  extendedKeyUsage=serverAuth",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -text | grep -A1 'X509v3 Key Usage'",
	},
	{
		ID: HandshakeFailed, Kind: "client",
		Without:     []string{"recv error ("},
		Match:       []string{"a tls packet with unexpected length was received", "error decoding the received tls packet", "a packet with illegal or unsupported version was received", "a record packet with illegal version was received"},
		Title:       "GnuTLS received something that is not TLS: the port answers in another protocol",
		Explanation: "The bytes that came back are not a TLS record GnuTLS can read: the port speaks plain HTTP (https:// to an http port, or a server whose TLS is not on), a proxy answered with its own plain-text page or the connection went through an HTTP proxy without CONNECT, the service wants STARTTLS first (SMTP, IMAP, LDAP), or a box in between altered the bytes. Very old servers that speak only SSL 3.0 give the version form. When the port does speak TLS (openssl s_client gets through), it is GnuTLS's own quarrel with that server: git, apt and other programs on a libcurl built with GnuTLS (Debian's and Ubuntu's) have failed so against servers that OpenSSL clients reach, and a newer GnuTLS, or the program on a libcurl built with OpenSSL, gets through.",
		Fix:         "See what answers on the port in plain text, and check the proxy the client uses:\n  curl -v http://host:443/\n  env | grep -i _proxy",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "client",
		Match: []string{"could not negotiate a supported cipher suite", "no supported cipher suites have been found", "no or insufficient priorities were set", "no common key share with peer", "no supported ecc curves were found"},
		Title: "GnuTLS found no cipher suite or group in common with the other side",
		Explanation: "The two sides share no cipher suite (or, for TLS 1.3, no key-exchange group) that both allow: an old server that offers only RC4, 3DES or CBC suites that this GnuTLS or the system-wide crypto policy (RHEL, Fedora: update-crypto-policies) no longer allows, or a priority string (GnuTLS's cipher list, e.g. a program's --priority or ssl-ciphers option) that leaves out what the peer needs. " +
			"A GnuTLS server prints it too when its certificate's key type does not fit what the client offers, or when it has no usable certificate and key at all (a wrong or misspelled path in its certificate setting, a key that failed to load, or one loaded where the TLS session does not see it): with nothing to sign with, no suite is possible.",
		Fix:     "On a GnuTLS server, first check that its certificate and key settings name files that exist and load (the path exactly as configured). Between client and server, see which suites the server offers, and what this GnuTLS allows:\n  nmap --script ssl-enum-ciphers -p 443 host\n  gnutls-cli -l --priority NORMAL\nthen enable a modern suite on the server (TLS 1.2 ECDHE with AES-GCM, or TLS 1.3).",
		Confirm: "gnutls-cli --priority NORMAL -p 443 host </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"insufficient credentials for that request"},
		Title:       "GnuTLS had no certificate (or other credentials) for the handshake asked of it",
		Explanation: "The side that printed it was not given the credentials the negotiated handshake needs: a GnuTLS server (Exim, an OpenConnect or libvirt server, gnutls-serv) with no certificate and key loaded, or none of the key type the client accepts (only an ECDSA certificate for a client that offers only RSA suites), or a client asked for a kind of authentication (PSK, SRP) it has no credentials for.",
		Fix:         "On the server, check that its certificate and key are configured and load, and of a type clients use (RSA 2048 or ECDSA P-256):\n  certtool -i --infile server.crt | grep -i 'algorithm'",
		Confirm:     "gnutls-cli -p 443 host </dev/null",
	},
	{
		ID: WeakKey, Kind: "client",
		Match:       []string{"the diffie-hellman prime sent by the server is not acceptable", "one of the involved algorithms has insufficient security level"},
		Title:       "GnuTLS refused the other side's key or Diffie-Hellman group as too weak",
		Explanation: "The server's Diffie-Hellman group (its dhparam) or its certificate's key is smaller than this GnuTLS accepts: DH groups of 1024 bits or less (old `openssl dhparam 1024` files, the Logjam fix), RSA keys under 2048 bits under a strict crypto policy, or a SHA-1 signature the policy forbids. On Fedora and RHEL the system-wide crypto policy sets these limits for every program on GnuTLS (glib-networking and WebKitGTK, wget): the DEFAULT policy of Fedora 35 and RHEL 9 forbids SHA-1 signatures, so a server whose chain holds a SHA-1-signed certificate fails there and nowhere else.",
		Fix:         "On the server, use a 2048-bit or larger DH group (or ECDHE suites only) and a key of 2048 bits or more:\n  openssl dhparam -out dhparam.pem 2048\nand for nginx:\n  ssl_dhparam dhparam.pem;\nOn Fedora or RHEL, see the policy and, until the server is fixed, allow SHA-1 signatures:\n  update-crypto-policies --show\n  update-crypto-policies --set DEFAULT:SHA1",
		Confirm:     "openssl s_client -connect host:443 -servername host -cipher 'DHE' -tls1_2 </dev/null 2>/dev/null | grep 'Server Temp Key'",
	},
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"public key signature verification has failed", "the signature algorithm is not supported"},
		Within:      []string{gnutlsMarkers},
		Title:       "GnuTLS refused the server's handshake signature",
		Explanation: "The signature the server made over the handshake with its key did not pass: it does not verify with the public key of the certificate the server sent (the server runs with a key that does not belong to its certificate, or a box in between altered the handshake), or it uses a signature algorithm this GnuTLS or the system's crypto policy refuses (SHA-1 signatures, an RSA-PSS or DSA key).",
		Fix:         "On the server, check that the key belongs to the certificate (the two sums must be equal):\n  openssl x509 -noout -pubkey -in server.crt | sha256sum\n  openssl pkey -pubout -in server.key | sha256sum\nand see which signature it uses:\n  openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | grep -i 'signature'",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"decryption has failed", "the message authentication code verification failed"},
		Within:      []string{gnutlsMarkers},
		Title:       "GnuTLS received TLS records that do not decrypt: they were altered on the way",
		Explanation: "A TLS record failed its integrity check: the bytes changed between the two sides (a faulty network card offload, an MTU or VPN problem, a middlebox that rewrites traffic), or one side has a bug in a cipher it negotiated (some old servers' and appliances' AES-CBC or ChaCha20).",
		Fix:         "Compare with another network path and with another cipher suite:\n  gnutls-cli -p 443 host \\\n    --priority 'NORMAL:-CHACHA20-POLY1305' </dev/null\n  openssl s_client -connect host:443 -servername host </dev/null",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null",
	},
	{
		ID: KeyMismatch, Kind: "client",
		Match:       []string{"the certificate and the given key do not match"},
		Title:       "GnuTLS was given a key that does not belong to the certificate",
		Explanation: "The program loaded its own certificate and key (a client certificate, or a server's) and the key is not the certificate's: a key from another certificate or an earlier renewal, or the two files swapped between hosts.",
		Fix:         "Check the pair (the two sums must be equal), and use the key made with the certificate's request:\n  openssl x509 -noout -pubkey -in cert.pem | sha256sum\n  openssl pkey -pubout -in key.pem | sha256sum",
		Confirm:     "certtool -k --infile key.pem | grep -i 'public key id'",
	},
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"error while reading file", "base64 unexpected header error", "base64 decoding error"},
		Within:      []string{gnutlsMarkers},
		Title:       "GnuTLS could not read a certificate or key file",
		Explanation: "A certificate, key or CA file the program was given could not be read: `Error while reading file` is a path that does not exist or cannot be read (permissions, a container that lacks the mount); the base64 errors are a file that is not PEM of the kind expected (DER, a key where a certificate belongs, a PEM header GnuTLS does not know, or a damaged copy-paste).",
		Fix:         "Check each file the program names, and that it is PEM of the right kind:\n  ls -l cert.pem key.pem ca.pem\n  grep -n -- '-----' cert.pem key.pem ca.pem",
		Confirm:     "certtool -i --infile cert.pem",
	},
	{
		ID: NoClientCert, Kind: "client",
		Match:       []string{"no certificate was found", "the peer did not send any certificate"},
		Within:      []string{gnutlsMarkers},
		Title:       "GnuTLS found no certificate where it needs one",
		Explanation: "Written by a GnuTLS server (Exim, gnutls-serv, a libvirt or OpenConnect server) that requires a client certificate, its client sent none: the client was not given one, or it has none issued by a CA the server names. Written while loading a file, the certificate file holds no certificate (a key file or an empty one given instead).",
		Fix:         "Give the client its certificate and key, and check that they are signed by a CA the server accepts:\n  gnutls-cli -p 443 host --x509certfile client.crt \\\n    --x509keyfile client.key </dev/null",
		Confirm:     "openssl s_client -connect host:443 -cert client.crt -key client.key </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"the sni host name not recognised", "a disallowed sni server name has been received"},
		Title:       "The server does not serve the host name the client asked for (SNI)",
		Explanation: "The name the client sent in SNI is not one the server has a site or certificate for: a URL with another name (or an IP address) than the server is configured with, a DNS entry that points to another server, or a proxy that connects under a different name.",
		Fix:         "Connect with the name the server is configured for, or add that name to the server's configuration:\n  openssl s_client -connect host:443 -servername host </dev/null",
		Confirm:     "gnutls-cli -p 443 host </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"no common application protocol could be negotiated"},
		Title:       "The two sides share no application protocol (ALPN)",
		Explanation: "The client required an application protocol (ALPN: h2, http/1.1, or a program's own such as grpc) that the server does not offer, or the other way round: an HTTP/2-only client to an HTTP/1.1 server, or a proxy in between that strips ALPN.",
		Fix:         "See which protocols the server offers:\n  openssl s_client -connect host:443 -servername host -alpn h2,http/1.1 </dev/null 2>/dev/null | grep -i alpn",
		Confirm:     "gnutls-cli --alpn h2 --alpn http/1.1 -p 443 host </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"a connection with inappropriate fallback was attempted"},
		Title:       "The client retried with a lower TLS version and the server refused it (inappropriate fallback)",
		Explanation: "A first handshake failed, the client retried with an older TLS version and signalled it (TLS_FALLBACK_SCSV), and the server, which supports a newer version, refused the downgrade. The first failure is the real one: look at what broke it (often a middlebox, or a client certificate refused).",
		Fix:         "Find why the first handshake failed:\n  openssl s_client -connect host:443 -servername host </dev/null",
		Confirm:     "gnutls-cli -p 443 host </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "client",
		Match: []string{"gnutls recv error (-110)", "gnutls recv error (-54)"},
		Title: "The connection was cut while the client (GnuTLS) read the answer",
		Explanation: "curl or git on GnuTLS (`curl 56`, git's `RPC failed`) had finished the handshake and was reading when the connection ended without TLS's close: a server or proxy in between that gave up on a long or large request (a git push of a big pack through a reverse proxy: its body-size limit or read timeout; an idle timeout of a load balancer), a server process that crashed or restarted, or an unstable network. " +
			"In mutual TLS over TLS 1.3, a server that refuses the client certificate and closes without an alert ends the connection here too, because the client hears the verdict only after its part of the handshake; the server's log names the refusal.",
		Fix:     "Read the server's and the proxy's logs at that time (for nginx in front of git: client_max_body_size and proxy_read_timeout), and retry with the transfer traced:\n  GIT_TRACE_CURL=1 GIT_CURL_VERBOSE=1 git fetch",
		Confirm: "curl -v https://host/ -o /dev/null",
	},
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match:       []string{"gnutls_handshake() failed: error in the certificate verification", "could not authenticate peer"},
		Within:      []string{gnutlsMarkers},
		Title:       "The client (GnuTLS) refused the server's certificate",
		Explanation: "The client on GnuTLS checked the server's certificate and refused it. " + clientTrustCauses + " gnutls-cli's `- Status:` line names the reason.",
		Fix:         clientTrustFix + "\nand see GnuTLS's reason:\n  gnutls-cli -p 443 host </dev/null | grep Status",
		Confirm:     "gnutls-cli -p 443 host </dev/null",
	},
}
