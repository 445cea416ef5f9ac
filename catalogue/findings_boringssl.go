package catalogue

// boringSSLLib marks an error of BoringSSL's SSL library (envoy's access
// log writes SSL_routines). A word list.
const boringSSLLib = "|ssl routines:openssl|ssl_routines:openssl"

// boringsslEntries tell BoringSSL's reasons (Chrome, Android's Conscrypt,
// gRPC, envoy, Swift NIO) that OpenSSL's entries do not tell, or tell for
// OpenSSL only, by the names BoringSSL prints; every other BoringSSL
// reason of its own has the generic story (boringEntry), and the ones it
// shares with OpenSSL are read in OpenSSL's words. Lookup reads them after
// nssEntries. An older BoringSSL's TLSV1_CERTIFICATE_REQUIRED is told by
// the certificate_required alert's entry (boringEntry).
var boringsslEntries = []Entry{
	{
		// BoringSSL raises NO_RENEGOTIATION itself when the peer asks to
		// renegotiate and it does not allow it (its default); OpenSSL's
		// "no renegotiation" is the alert the peer sent.
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"openssl_internal:no_renegotiation", "ssl_r_no_renegotiation"},
		Title:       "The server asked to renegotiate and this BoringSSL client refuses (NO_RENEGOTIATION)",
		Explanation: "A BoringSSL client (envoy to its upstream, gRPC, Chrome's network stack, an Android app) got the server's request to renegotiate the connection, and BoringSSL does not renegotiate unless told to. Servers do so to ask for a client certificate only after seeing the request (IIS with per-path client certificates, SAP, Apache's per-location SSLVerifyClient), so it comes with mutual TLS on some paths.",
		Fix:         "Have the server ask for the client certificate in the first handshake (IIS: negotiate client certificate, clientcertnegotiation=enable on the binding; Apache: SSLVerifyClient in the server, not in a Location), or, on a client that allows it, enable renegotiation for that upstream (envoy's upstream TLS context: allow_renegotiation: true).",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | grep -A3 'Acceptable client certificate'",
	},
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"handshake_failure_on_client_hello", "handshake failure on client hello"},
		Title:       "The server refused this client's ClientHello (BoringSSL: HANDSHAKE_FAILURE_ON_CLIENT_HELLO)",
		Explanation: "A BoringSSL client (Chrome, gRPC, envoy to its upstream, an Android app) got alert handshake_failure in answer to its ClientHello, before the server sent anything: the server found no TLS version, cipher suite, key-exchange group or signature algorithm in common with what the client offered (an old server with TLS 1.0 or legacy ciphers only, or one restricted to a set the client lacks), or it serves no site for the name the client sent in SNI, or none was sent. It is not about a client certificate: the server had not asked for one yet.",
		Fix:         "Compare the server's answer with the name the client uses and without a name:\n  openssl s_client -connect host:443 -servername host </dev/null\n  openssl s_client -connect host:443 -noservername </dev/null\nIf only the second fails, the client sends no SNI (a CDN or cloud endpoint then refuses it): set it, for envoy the sni of the cluster's UpstreamTlsContext, for Istio the DestinationRule's trafficPolicy.tls.sni, for Emissary a TLSContext with sni. If both fail, let the server offer TLS 1.2 or 1.3 with ECDHE suites (nginx):\n  ssl_protocols TLSv1.2 TLSv1.3;",
		Confirm:     "openssl s_client -connect host:443 -servername host -tls1_2 </dev/null",
	},
	{
		// BoringSSL (envoy, gRPC) signs with its own certificate's key:
		// a server for its certificate, a client for its client
		// certificate.
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"no_common_signature_algorithms", "no common signature algorithms"},
		Title:       "No signature algorithm in common for this side's certificate key (NO_COMMON_SIGNATURE_ALGORITHMS)",
		Explanation: "BoringSSL had to sign the handshake with the key of its own certificate, and none of the signature algorithms the peer accepts fits that key. Written by a server (envoy's listener, a gRPC server): the client offered none for the server certificate's key type (an old client, a scanner, or an ECDSA-only or RSA-only client against the other type). Written by a client that has a client certificate (envoy to its upstream, gRPC): the server's certificate request lists none for the client's key (an Ed25519 or RSA-PSS key, or RSA against a server that takes ECDSA only), so it cannot prove that it holds the key.",
		Fix:         "See the key type of the certificate this side sends, and use one the peer supports (RSA 2048 and ECDSA P-256 are the widest):\n  openssl x509 -noout -text -in cert.pem | grep 'Public Key Algorithm'\n  openssl req -new -newkey rsa:2048 -nodes -keyout new.key -out new.csr",
		Confirm:     "openssl s_client -connect host:443 -sigalgs RSA-PSS+SHA256 </dev/null",
	},
	{
		ID: WrongPurpose, Kind: "client",
		Match:       []string{"key_usage_bit_incorrect", "key usage bit incorrect"},
		Title:       "The peer's certificate keyUsage does not allow this handshake (BoringSSL: KEY_USAGE_BIT_INCORRECT)",
		Explanation: "BoringSSL checks the keyUsage extension of the peer's certificate: a certificate that signs the handshake (ECDHE suites, every TLS 1.3 handshake, every client certificate) must allow digitalSignature, and one used for RSA key exchange keyEncipherment. Written by a client (Chrome shows ERR_SSL_KEY_USAGE_INCOMPATIBLE; Android apps, gRPC, envoy to its upstream), the server's certificate lacks it; written by a server, the client certificate does. OpenSSL accepts keyEncipherment alone, so such a certificate often works with curl and fails with BoringSSL peers only.",
		Fix:         "See the certificate's keyUsage:\n  openssl x509 -noout -text -in server.crt | grep -A1 'X509v3 Key Usage'\nand reissue it with digitalSignature (keyEncipherment too for an RSA key), or without a keyUsage extension:\n  keyUsage=critical,digitalSignature,keyEncipherment",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -text | grep -A1 'X509v3 Key Usage'",
	},
	{
		// BoringSSL queues it when SSL_read or SSL_write finds the
		// handshake ended by the connection closing; after an alert, the
		// alert tells the cause.
		ID: HandshakeFailed, Kind: "client", Within: []string{boringSSLLib}, Without: []string{"_alert_", " alert "},
		Match:       []string{"openssl_internal:ssl_handshake_failure", "openssl internal:ssl handshake failure"},
		Title:       "The connection closed during the TLS handshake (BoringSSL: SSL_HANDSHAKE_FAILURE)",
		Explanation: "BoringSSL reports it when the handshake that SSL_read or SSL_write ran ended with the connection closed, without an alert or an error of its own: the peer, or something in between, closed it during the handshake. In mutual TLS it is most often a server that refuses the client certificate by closing without an alert, or that requires one the client did not send; otherwise an old server with no TLS version in common, or a proxy or firewall that cut the connection.",
		Fix:         "Read the server's log for the refusal, and retry with the client certificate:\n  openssl s_client -connect host:443 -servername host -cert client.crt -key client.key </dev/null",
		Confirm:     "curl -v https://host/",
	},
	{
		ID: LogKeyMismatch, Kind: "client", Within: []string{boringSSLLib},
		Match:       []string{"openssl_internal:bad_signature", "openssl internal:bad signature"},
		Title:       "The peer's handshake signature did not verify with its certificate (BoringSSL: BAD_SIGNATURE)",
		Explanation: "BoringSSL could not verify the peer's signature over the handshake (its CertificateVerify, or a TLS 1.2 server's key exchange) with the public key of the certificate the peer sent, and answered with alert decrypt_error. The peer's private key does not belong to its certificate (a renewed certificate served with the old key, a client given the wrong key file), or its signer is broken (an HSM or PKCS#11 module, a signing proxy). Written by a server, it is the client's certificate and key; written by a client, the server's.",
		Fix:         "Check that the certificate and key the peer uses belong together:\n  " + keyPairCheck,
		Confirm:     "openssl s_client -connect host:443 -servername host -cert client.crt -key client.key </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "client", Within: []string{boringSSLLib},
		Match:       []string{"openssl_internal:unexpected_record", "openssl internal:unexpected record"},
		Title:       "A TLS record of the wrong type arrived during the handshake (BoringSSL: UNEXPECTED_RECORD)",
		Explanation: "BoringSSL received a record of a type it did not expect at this step: application data or a ChangeCipherSpec where a handshake message was due. A peer that sends data before the handshake is over, a proxy or TLS-inspecting middlebox that injects or reorders records, or a port that answers TLS's first bytes and then another protocol.",
		Fix:         "See what answers on the port, and compare with a direct handshake that bypasses any proxy:\n  openssl s_client -connect host:443 -servername host -msg </dev/null",
		Confirm:     "curl -v https://host/",
	},
}
