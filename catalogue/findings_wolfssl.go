package catalogue

// wolfsslServerSide are the words of a line written by a wolfSSL server
// about its client: its example server's "SSL_accept error -188, ...", a
// program's wolfSSL_accept. A word list.
const wolfsslServerSide = "|ssl_accept|wolfssl_accept"

// wolfsslAlertNamed are the words of a -313 line that names the alert
// received: the generic story (wolfsslEntry) then tells that alert. A word
// list.
const wolfsslAlertNamed = "|got alert|alert type|alert description|alert:|handshake_failure|bad_certificate" +
	"|unknown_ca|certificate_unknown|certificate_expired|certificate_revoked|unsupported_certificate|certificate_required" +
	"|protocol_version|insufficient_security|access_denied|decrypt_error|decode_error|illegal_parameter|internal_error" +
	"|unrecognized_name|no_application_protocol"

// wolfsslEntries tell the wolfSSL errors that embedded clients, curl and
// MariaDB built with wolfSSL, and wolfSSL's example client and server hit
// most in (mutual) TLS, by their name or words (a name is the first of
// Match: wolfsslStory finds an entry by it for a line with the code
// alone). Every other wolfSSL error has its generic story
// (wolfsslEntry). Lookup reads them after nssEntries.
var wolfsslEntries = []Entry{
	{
		ID: VerifyError, Kind: "client", Within: []string{wolfsslServerSide},
		Match:       []string{"asn_no_signer_e", "asn no signer error to confirm failure"},
		Title:       "The wolfSSL server does not trust its client's certificate (ASN_NO_SIGNER_E, -188)",
		Explanation: "ASN_NO_SIGNER_E: a server on wolfSSL asked for a client certificate and found no CA among those it loaded (wolfSSL_CTX_load_verify_locations or _load_verify_buffer) that signed it: the client certificate's CA, or its intermediate, is not loaded on the server, or the client does not send its intermediate. wolfSSL fetches no missing certificate.",
		Fix:         "Load the CA that issued the client certificates (and its intermediates) on the server, and check the client certificate against it:\n  " + verifyClient,
		Confirm:     "openssl s_client -connect host:443 -cert client.crt -key client.key -CAfile ca.crt </dev/null",
	},
	// A wolfSSL client's ASN_NO_SIGNER_E (-188).
	{
		ID: ServerCertUntrusted, Kind: "client", Without: []string{wolfsslServerSide},
		Match:       []string{"asn_no_signer_e", "asn no signer error to confirm failure", "ca signer not available for verification"},
		Title:       wolfsslNoSignerTitle,
		Explanation: wolfsslNoSignerWhy,
		Fix:         wolfsslNoSignerFix,
		Confirm:     wolfsslNoSignerConfirm,
	},
	// A build with the OpenSSL compatibility layer (Debian's) words -188
	// as OpenSSL does.
	{
		ID: ServerCertUntrusted, Kind: "client", Without: []string{wolfsslServerSide},
		Match:       []string{"certificate verify failed"},
		Within:      []string{"error -188", "error = -188", "error: -188", "code: -188", "(-188)"},
		Title:       wolfsslNoSignerTitle,
		Explanation: wolfsslNoSignerWhy,
		Fix:         wolfsslNoSignerFix,
		Confirm:     wolfsslNoSignerConfirm,
	},
	{
		ID: BadSignature, Kind: "client",
		Match: []string{"asn_sig_confirm_e", "asn sig error, confirm failure"},
		Title: "wolfSSL could not confirm a certificate's signature (ASN_SIG_CONFIRM_E, -155)",
		Explanation: "ASN_SIG_CONFIRM_E: the signature on a certificate of the peer's chain does not verify with the key of the CA wolfSSL matched it to, or wolfSSL cannot check it. The usual causes: the CA loaded has the issuer's name but not its key (a CA made again with the same name, an old copy of the root or intermediate), the signature uses an algorithm or curve this wolfSSL build lacks (RSA-PSS, SHA-384 or SHA-512, P-384 or P-521, Ed25519: a small embedded configuration often has none of them), or the certificate was damaged in copying; on a microcontroller, a heap too small for the signature check gives it too. " +
			"For a client (wolfSSL_connect, curl) it is the server's chain; for a server (SSL_accept) its client's certificate.",
		Fix:     "See which algorithms the chain uses, and enable them in the wolfSSL build (user_settings.h: WOLFSSL_SHA384, WOLFSSL_SHA512, HAVE_ECC384, WC_RSA_PSS; ./configure --enable-sha512 --enable-eccencrypt), or give it the current CA:\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null 2>/dev/null | grep -i 'a:PKEY\\|sigalg'",
		Confirm: "openssl verify -CAfile ca.pem -untrusted int.pem server.pem",
	},
	{
		ID: VerifyError, Kind: "client", Within: []string{wolfsslServerSide},
		Match:       []string{"asn_after_date_e", "asn date error, current date after", "asn date error, current date is after expiration", "asn_before_date_e", "asn date error, current date before", "asn date error, current date is before start of validity"},
		Title:       "The wolfSSL server refused its client's certificate on its dates (-151 expired, -150 not yet valid)",
		Explanation: "ASN_AFTER_DATE_E (-151): the client certificate has expired by the server's clock; ASN_BEFORE_DATE_E (-150): it is not valid yet, most often because the server's clock is behind (a device without a real-time clock or time sync, or a certificate made moments ago).",
		Fix:         "Renew the client certificate, or set the server's clock:\n  " + reissueClient,
		Confirm:     "openssl x509 -noout -dates -in client.crt",
	},
	{
		ID: ServerCertExpired, Kind: "client", Without: []string{wolfsslServerSide},
		Match: []string{"asn_before_date_e", "asn date error, current date before", "asn date error, current date is before start of validity"},
		Title: "wolfSSL finds the server's certificate not yet valid: the device's clock is likely not set (ASN_BEFORE_DATE_E, -150)",
		Explanation: "ASN_BEFORE_DATE_E: by the clock of the device or program running wolfSSL, the server's certificate (or a CA of its chain) is not valid yet. On an embedded device this is nearly always the clock: after boot it starts at 1970 or 2000 until SNTP or NTP sets it, and a connection made before that (or with no time sync at all, or an RTC with a dead battery) finds every certificate not yet valid. " +
			"Otherwise the certificate was made moments ago on a machine whose clock is ahead.",
		Fix:     "Set the clock before the first TLS connection: start SNTP and wait for the time (ESP-IDF: esp_sntp_init, then wait until time() is past 2020; Arduino: configTime, then wait for getLocalTime), and check the certificate's start date:\n  openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -dates",
		Confirm: "the device's time() when it connects, against date -u",
	},
	{
		ID: ServerCertExpired, Kind: "client", Without: []string{wolfsslServerSide},
		Match:       []string{"asn_after_date_e", "asn date error, current date after", "asn date error, current date is after expiration"},
		Title:       "wolfSSL finds the server's certificate expired (ASN_AFTER_DATE_E, -151)",
		Explanation: "ASN_AFTER_DATE_E: by the clock of the device or program running wolfSSL, the server's certificate (or a CA of its chain, the root embedded in the firmware too) has expired: it was not renewed, the server still serves the old one, or the device's clock is wrong (set far ahead, or never set on a device whose RTC keeps a bad time).",
		Fix:         "Check the dates of what the server sends and of the CA the device holds, renew, or set the device's clock (SNTP):\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null 2>/dev/null | openssl x509 -noout -dates",
		Confirm:     "openssl x509 -noout -enddate -in ca.pem",
	},
	{
		ID: ServerHostnameMismatch, Kind: "client",
		Match: []string{"domain_name_mismatch", "ipaddr_mismatch", "peer subject name mismatch", "peer ip address mismatch", "subject alt name(s) or common name do not match"},
		Title: "The server's certificate is not for the name wolfSSL checks (DOMAIN_NAME_MISMATCH -322, IPADDR_MISMATCH -325)",
		Explanation: "DOMAIN_NAME_MISMATCH: the host name the program gave wolfSSL to check (wolfSSL_check_domain_name, or curl's URL host) is not among the server certificate's subjectAltName DNS names (nor its Common Name, which wolfSSL still accepts); IPADDR_MISMATCH: the program connects by an IP address the certificate does not carry as an IP subjectAltName. " +
			"Either the client uses another name or address than the certificate's (an IP instead of the name, an internal alias), or the server sends the certificate of another site (its default, when the client sends no SNI: wolfSSL_UseSNI).",
		Fix:     "See the names the server's certificate carries, then connect with one of them (and send it as SNI), or reissue the certificate with the name or address:\n  subjectAltName=DNS:host.example.com,IP:192.0.2.10",
		Confirm: sanConfirm,
	},
	{
		ID: TLSAlert, Kind: "client", Without: []string{"wolfssl_fatal_error", wolfsslAlertNamed},
		Match:  []string{"fatal_error", "received alert fatal error", "revcd alert fatal error"},
		Within: []string{"wolfssl", "cyassl", "ssl_connect", "ssl_accept", "ssl connection error", "received alert fatal error", "revcd alert fatal error", "-313"},
		Title:  "The peer ended wolfSSL's handshake with a fatal alert (FATAL_ERROR, -313)",
		Explanation: "FATAL_ERROR: the other side sent a fatal TLS alert, and wolfSSL's code does not say which (older wolfSSL and CyaSSL word it `revcd alert fatal error`). For a client in mutual TLS, the server most often refused the client certificate (bad_certificate or unknown_ca: its CA is not the one the server trusts, or the certificate is not yet valid by the server's clock, or the server checks CRLs and its CRL is past its nextUpdate or none is from the certificate's CA; certificate_required: none was sent, wolfSSL sends none unless wolfSSL_CTX_use_certificate_file and _use_PrivateKey_file were called), or found nothing in common (handshake_failure, protocol_version: a TLS version or cipher suite the build lacks), or needed the host name (SNI, wolfSSL_UseSNI) to choose its certificate. " +
			"For a server (SSL_accept), its client refused the server's certificate.",
		Fix:     "Read the peer's log for the alert's cause, or let wolfSSL name the alert in its debug log (wolfSSL_Debugging_ON in a build with --enable-debug), and compare with a handshake from a computer:\n  openssl s_client -connect host:443 -servername host -cert client.crt -key client.key </dev/null",
		Confirm: "openssl s_client -connect host:443 -servername host -cert client.crt -key client.key -state </dev/null 2>&1 | grep -i alert",
	},
	{
		ID: HandshakeFailed, Kind: "client",
		Match:  []string{"socket_error_e", "error state on socket", "socket_peer_closed_e", "peer closed underlying transport error"},
		Within: []string{"wolfssl", "cyassl", "ssl_connect", "ssl_accept", "ssl connection error", "error state on socket", "peer closed underlying transport", "-308", "-397"},
		Title:  "The connection under wolfSSL failed or was closed by the peer (SOCKET_ERROR_E -308, SOCKET_PEER_CLOSED_E -397)",
		Explanation: "SOCKET_ERROR_E: a send or receive on the socket failed (the connection was reset, or the network dropped); SOCKET_PEER_CLOSED_E: the peer closed the TCP connection, without a TLS alert. In a handshake the usual causes are the server refusing the client (no client certificate, or one it does not accept: servers such as AWS IoT and brokers close without an alert), nothing in common (a TLS version or cipher suite the device's build lacks), no SNI where the server needs it, a firewall or proxy in between, or a server that is not speaking TLS on that port. " +
			"After the handshake it is the peer or the network ending an idle connection.",
		Fix:     "Read the server's log for why it closed, and compare with a handshake from a computer on the device's network, with the same client certificate:\n  openssl s_client -connect host:8883 -servername host -cert client.crt -key client.key </dev/null",
		Confirm: "openssl s_client -connect host:8883 -servername host -tls1_2 </dev/null",
	},
	{
		// wolfSSL_get_error's 6, WOLFSSL_ERROR_ZERO_RETURN, printed by a
		// program after the function that failed; wolfSSL's string
		// functions have no words for it.
		ID: HandshakeFailed, Kind: "client",
		Match: []string{"wolfssl_read error 6,", "wolfssl_write error 6,", "wolfssl_connect error 6,", "wolfssl_accept error 6,", "wolfssl_peek error 6,",
			"wolfssl_error_zero_return", "error 6, unknown error number"},
		Title:       "The peer closed the TLS connection under wolfSSL (WOLFSSL_ERROR_ZERO_RETURN, 6)",
		Explanation: "6 is what wolfSSL_get_error returns when the peer closed the TLS connection with a close_notify (WOLFSSL_ERROR_ZERO_RETURN), not an error code of wolfSSL's own, so its string functions say `unknown error number`. For a client in mutual TLS, right after the handshake, the server most often refused the client certificate and closed instead of sending an alert: nginx's stream module closes so when ssl_verify_client fails (no certificate sent, or one its CA file does not hold, expired, or refused by its CRL), and a TLS 1.3 client learns of it only on its first wolfSSL_read. The server's log names the reason (nginx: `client SSL certificate verify error` or `client sent no required SSL certificate`). Otherwise the server ended the session on purpose (an idle or request timeout, or its answer was complete).",
		Fix:         "Read the server's log for why it closed, check the client certificate against the server's CA:\n  " + verifyClient + "\nand make sure the client loads its certificate and key (wolfSSL_CTX_use_certificate_file and _use_PrivateKey_file) before it connects.",
		Confirm:     probeCmd,
	},
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"version_error", "record layer version error", "unsupported_proto_version", "bad/unsupported protocol version"},
		Within:      []string{"wolfssl", "cyassl", "ssl_connect", "ssl_accept", "ssl connection error", "record layer version error", "-326", "-450"},
		Title:       "wolfSSL got a record of a TLS version it does not accept, or no TLS at all (VERSION_ERROR -326, UNSUPPORTED_PROTO_VERSION -450)",
		Explanation: "VERSION_ERROR: the record received carries a TLS version the connection does not allow: the peer answered with a version this wolfSSL method excludes (a client made with wolfTLSv1_2_client_method against a TLS 1.3-only server, or the reverse; a server still on TLS 1.0), or the bytes are not TLS at all (plain HTTP or MQTT on the port, a proxy's answer, whose text wolfSSL reads as a bad version). UNSUPPORTED_PROTO_VERSION: no TLS version in common.",
		Fix:         "Use the method that lets the two agree (wolfSSLv23_client_method, or wolfTLS_client_method, negotiates the highest both have), check that the port speaks TLS, and see what the server accepts:\n  openssl s_client -connect host:443 -servername host -tls1_2 </dev/null\n  openssl s_client -connect host:443 -servername host -tls1_3 </dev/null",
		Confirm:     "curl -v http://host:443/",
	},
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"match_suite_error", "can't match cipher suite", "unsupported_suite"},
		Within:      []string{"wolfssl", "cyassl", "ssl_connect", "ssl_accept", "ssl connection error", "can't match cipher suite", "-501", "-500"},
		Title:       "wolfSSL found no cipher suite in common with its peer (MATCH_SUITE_ERROR -501, UNSUPPORTED_SUITE -500)",
		Explanation: "MATCH_SUITE_ERROR: a wolfSSL server found none of its cipher suites among the client's (or a client none it offered in the server's choice): the build leaves out what the peer needs (an embedded configuration with only ECDHE-ECDSA, or only AES-CCM, against RSA certificates; no ChaCha20 or AES-GCM; a server certificate whose key type no suite left allows), or wolfSSL_CTX_set_cipher_list narrowed it. MariaDB and curl built with wolfSSL say so for an --ssl-cipher or --ciphers list wolfSSL does not know.",
		Fix:         "See which suites the server accepts, and enable one in the wolfSSL build (./configure options or user_settings.h) or the program's cipher list:\n  nmap --script ssl-enum-ciphers -p 443 host",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | grep -i cipher",
	},
	{
		ID: NoClientCert, Kind: "client",
		Match: []string{"no_peer_cert", "peer didn't send cert", "peer did not return a certificate"},
		// OpenSSL says "peer did not return a certificate" too: the code or
		// wolfSSL's name must be in the line.
		Within:      []string{"wolfssl", "cyassl", "no_peer_cert", "peer didn't send cert", "-345"},
		Title:       "The wolfSSL server required a client certificate and got none (NO_PEER_CERT, -345)",
		Explanation: "NO_PEER_CERT: a server on wolfSSL that requires a client certificate (wolfSSL_CTX_set_verify with WOLFSSL_VERIFY_FAIL_IF_NO_PEER_CERT) got an empty Certificate message: the client has no certificate configured, or it has one but not from a CA the server named in its request, so it sent none. A wolfSSL client in TLS 1.3 says the same when the server sent no certificate.",
		Fix:         "Give the client its certificate and key (wolfSSL: wolfSSL_CTX_use_certificate_file and wolfSSL_CTX_use_PrivateKey_file; curl: --cert and --key):\n  " + curlClient,
		Confirm:     "openssl s_client -connect host:443 -cert client.crt -key client.key </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"verify_cert_error", "verify problem on certificate", "verify_sign_error", "verify problem based on signature"},
		Within:      []string{"wolfssl", "cyassl", "ssl_accept", "ssl_connect", "ssl connection error", "verify problem", "-329", "-330"},
		Title:       "wolfSSL could not verify its peer's certificate or signature (VERIFY_CERT_ERROR -329, VERIFY_SIGN_ERROR -330)",
		Explanation: "VERIFY_CERT_ERROR: the peer's certificate failed wolfSSL's check and no more specific code was kept (the program's verify callback refused it, or a signature with RSA-PSS did not verify), or a server found the client's CertificateVerify wrong; VERIFY_SIGN_ERROR: the peer's handshake signature does not verify with its certificate's key, most often because the peer's key is not the key of the certificate it sends (a certificate renewed, the old key kept).",
		Fix:         "Check the certificate against its CA and its key against the certificate, on the side that sent them:\n  openssl verify -CAfile ca.pem cert.pem\n  " + keyPairCheck,
		Confirm:     serverVerdictConfirm,
	},
	{
		ID: CertLoadFailed, Kind: "client",
		Match: []string{"wolfssl_bad_file", "wolfssl_bad_filetype", "wolfssl_bad_path", "asn_parse_e", "asn_no_pem_header", "no_private_key",
			"input/output error on file", "data format not supported", "no certificates found at designated path", "asn parsing error, invalid input", "asn no pem header error", "need the private key"},
		Within: []string{"wolfssl", "cyassl", "ssl_connect", "ssl_accept", "ssl connection error", "use_certificate", "use_privatekey", "load_verify", "-463", "-462", "-461", "-140", "-162", "-317"},
		Title:  "wolfSSL could not load a certificate or key it was given",
		Explanation: "wolfSSL failed to read a certificate, CA or key file or buffer: WOLFSSL_BAD_FILE (-463; -4 before 5.7.4) is a file it cannot open or read (a wrong path, no permission, or a file system the device has not mounted), WOLFSSL_BAD_FILETYPE (-462; -5 before) a format other than the one named (WOLFSSL_FILETYPE_PEM for a DER file, or the reverse), ASN_PARSE_E (-140) or ASN_NO_PEM_HEADER (-162) content that is not what it should be (a PEM string in C source without its \\n line ends, a truncated copy, a key where a certificate belongs, an encrypted key without its password callback), NO_PRIVATE_KEY (-317) a certificate loaded without its key. " +
			"MariaDB built with wolfSSL reports it for its ssl-cert, ssl-key or ssl-ca files.",
		Fix:     "Check each file on a computer, and pass the format it is in (PEM with its BEGIN line, or DER as WOLFSSL_FILETYPE_ASN1):\n  openssl x509 -noout -subject -in cert.pem\n  openssl pkey -noout -in key.pem",
		Confirm: "head -1 cert.pem key.pem",
	},
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match:       []string{"not_ca_error", "not a ca by basic constraint error", "asn_self_signed_e", "asn self-signed certificate error"},
		Within:      []string{"wolfssl", "cyassl", "ssl_connect", "ssl_accept", "ssl connection error", "not a ca by basic constraint", "asn self-signed certificate error", "-357", "-275"},
		Title:       "wolfSSL refused a chain whose issuer is not a CA, or a self-signed certificate (NOT_CA_ERROR -357, ASN_SELF_SIGNED_E -275)",
		Explanation: "NOT_CA_ERROR: a certificate that signs another in the peer's chain (the intermediate, or the CA loaded to trust) lacks basicConstraints CA:TRUE: a private CA made without CA extensions (`openssl x509 -req` without an -extfile), or a leaf used to sign. ASN_SELF_SIGNED_E: the peer sent a self-signed certificate that is not among the CAs loaded. For a client it is the server's chain; for a server (SSL_accept) its client's.",
		Fix:         "Remake the CA with the CA extensions and sign the certificate again, or load the self-signed certificate itself as the trusted CA:\n  " + remakeCACmd,
		Confirm:     "openssl x509 -noout -text -in ca.crt | grep -A1 'Basic Constraints'",
	},
	{
		ID: WrongPurpose, Kind: "client",
		Match:       []string{"extkeyuse_auth_e", "ext key use server/client auth not set error", "keyuse_signature_e", "key use digitalsignature not set error", "keyuse_encipher_e", "key use keyencipherment not set error"},
		Within:      []string{"wolfssl", "cyassl", "ssl_connect", "ssl_accept", "ssl connection error", "key use", "-386", "-383", "-385"},
		Title:       "The peer's certificate is not for this use (EXTKEYUSE_AUTH_E -386, KEYUSE_SIGNATURE_E -383, KEYUSE_ENCIPHER_E -385)",
		Explanation: "EXTKEYUSE_AUTH_E: the peer's certificate has an extendedKeyUsage without the purpose of its role: a server certificate without serverAuth (for a client: wolfSSL_connect, curl), a client certificate without clientAuth (for a server: SSL_accept). KEYUSE_SIGNATURE_E and KEYUSE_ENCIPHER_E: its keyUsage lacks digitalSignature (needed for ECDHE and TLS 1.3) or keyEncipherment (RSA key exchange), as a certificate made with a CA's keyUsage has.",
		Fix:         "Reissue the certificate with the usages of its role, for a client:\n" + clientExtLines + "\nor for a server, extendedKeyUsage=serverAuth with the same keyUsage.",
		Confirm:     "openssl x509 -noout -text -in cert.pem | grep -A1 -e 'X509v3 Key Usage' -e 'Extended Key Usage'",
	},
	{
		ID: Revoked, Kind: "client",
		Match:       []string{"crl_cert_revoked", "ocsp_cert_revoked", "crl cert revoked", "ocsp cert revoked"},
		Within:      []string{"wolfssl", "cyassl", "ssl_connect", "ssl_accept", "ssl connection error", "cert revoked", "-360", "-361"},
		Title:       "wolfSSL found the peer's certificate revoked (CRL_CERT_REVOKED -361, OCSP_CERT_REVOKED -360)",
		Explanation: "The CRL loaded into wolfSSL (wolfSSL_LoadCRL, -361) or the OCSP answer it got (-360) lists the peer's certificate as revoked: a server still serving a certificate its CA revoked, or, written by a server (SSL_accept), a client certificate that was revoked (after a reissue, or a device taken out of service).",
		Fix:         "Install the certificate that replaced the revoked one on the side that sends it, and check it against the CRL:\n  openssl verify -crl_check -CRLfile crl.pem -CAfile ca.pem cert.pem",
		Confirm:     "openssl crl -noout -text -in crl.pem | grep -A1 'Serial Number'",
	},
	{
		ID: WeakKey, Kind: "client",
		Match:       []string{"rsa_key_size_e", "ecc_key_size_e", "dh_key_size_e", "rsa key too small", "ecc key too small", "dh key too small error"},
		Within:      []string{"wolfssl", "cyassl", "ssl_connect", "ssl_accept", "ssl connection error", "too small", "-409", "-410", "-401"},
		Title:       "A key of the handshake is smaller than wolfSSL allows (RSA_KEY_SIZE_E -409, ECC_KEY_SIZE_E -410, DH_KEY_SIZE_E -401)",
		Explanation: "The peer's certificate key (RSA or ECC) or its Diffie-Hellman group is smaller than this wolfSSL's minimum (wolfSSL_CTX_SetMinRsaKey_Sz, _SetMinEccKey_Sz, _SetMinDhKey_Sz, or the build's default): an old 512- or 1024-bit certificate, or an old dhparam file.",
		Fix:         "Give the peer a 2048-bit RSA or a P-256 key, or a 2048-bit DH group, or lower the minimum where an old peer must stay:\n  openssl req -new -newkey rsa:2048 -nodes -keyout server.key -subj '/CN=host.example.com' -out server.csr",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | grep -i 'server public key\\|server temp key'",
	},
	{
		ID: RoutineLine, Kind: "client", Without: []string{"ssl_error_want"},
		Match:       []string{"want_read", "want_write", "non-blocking socket wants data to be read", "non-blocking socket write buffer full"},
		Within:      []string{"wolfssl", "cyassl", "ssl_connect", "ssl_accept", "ssl_read", "ssl_write", "non-blocking socket", "-323", "-327"},
		Title:       "Not a failure: wolfSSL's non-blocking socket wants to be called again (WANT_READ -323, WANT_WRITE -327)",
		Explanation: "WANT_READ and WANT_WRITE say that wolfSSL, on a non-blocking socket (or an I/O callback that returned WOLFSSL_CBIO_ERR_WANT_READ), needs more data or room before it can go on: the program should wait for the socket and call the same function again. A program that logs it as an error and gives up breaks the handshake itself; if it keeps coming back until a timeout, the peer is not answering.",
		Fix:         "Retry the wolfSSL_connect, _accept, _read or _write call when the socket is ready (select or poll), and treat only other codes as failures; if the peer never answers, check that the port speaks TLS:\n  openssl s_client -connect host:443 -servername host </dev/null",
		Confirm:     "wolfSSL_get_error(ssl, ret) after each call",
	},
}

// The words of a wolfSSL client's ASN_NO_SIGNER_E (-188), which two
// entries tell.
const (
	wolfsslNoSignerTitle = "The wolfSSL client does not trust the server's certificate (ASN_NO_SIGNER_E, -188)"
	wolfsslNoSignerWhy   = "ASN_NO_SIGNER_E: wolfSSL found no CA among those the client loaded that signed the server's certificate or the last certificate of the chain the server sent. Either the client lacks the CA (none loaded, or not the root of this server's chain: a device given one provider's root while the server's chain now ends in another, a private CA not given), or the server's chain is incomplete: wolfSSL, unlike browsers, fetches no missing intermediate, so a server that sends only its own certificate fails unless the client loaded the intermediate too; or an intermediate the server sends is not a CA (no basicConstraints CA:TRUE), which wolfSSL does not take as a signer. " +
		"curl built with wolfSSL says `CA signer not available for verification` (exit 77); a build with wolfSSL's OpenSSL compatibility layer, as Debian's, prints the same code as `certificate verify failed`."
	wolfsslNoSignerFix     = "See the chain the server sends and the root it ends in:\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null\nthen give the client that root (wolfSSL_CTX_load_verify_locations or _load_verify_buffer with the PEM or DER; curl: --cacert), or serve the full chain on the server (an intermediate must carry basicConstraints CA:TRUE: reissue one that does not)."
	wolfsslNoSignerConfirm = "openssl s_client -connect host:443 -servername host -CAfile ca.pem </dev/null 2>/dev/null | grep 'Verify return code'"
)
