package catalogue

// securityLevelWords are OpenSSL's reasons for a certificate its security
// level refuses: a line that names one is told by that reason's entry. A
// word list.
const securityLevelWords = "|ee key too small|ca key too small|ca md too weak"

// clientWriterEntries are lines of programs other than nginx in their own
// words, mostly TLS clients refusing a server's certificate or failing to
// load their own (browsers, wget, .NET, curl on Schannel and Secure
// Transport, Python, node, libpq, librdkafka, the Docker daemon), and a few
// servers (Elasticsearch, Apache's key check). Lookup reads them right after
// otherWriterEntries.
var clientWriterEntries = []Entry{
	// Browsers' verdicts on a server's certificate (Chrome's NET::ERR_CERT_*,
	// Firefox's SEC_ERROR_* and MOZILLA_PKIX_ERROR_*).
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match: []string{"err_cert_authority_invalid", "dlg_flags_invalid_ca", "sec_error_unknown_issuer", "mozilla_pkix_error_self_signed_cert", "sec_error_untrusted_issuer",
			"the issuer certificate is unknown", "might not be sending the appropriate intermediate"},
		Title:       "The browser does not trust the server's certificate",
		Explanation: "The browser found no trusted CA for the server's certificate. This is about the server's certificate, not a client certificate. Three causes: (1) it is self-signed or from a private CA that is not in the system's store (Firefox keeps its own store, and reads the system's only with enterprise roots on; on Android 7 and later, an app's WebView, such as a kiosk or signage player's, ignores CAs installed as user CAs unless the app's network_security_config trusts them, so the CA must go into the system store); (2) the server does not send its intermediate certificate (browsers that have seen it elsewhere hide this, a fresh profile or a mobile browser does not); (3) an intercepting proxy or antivirus re-signs the traffic with its own CA. A public certificate the browser refuses while other clients take it may come from a CA browsers stopped trusting (StartCom and WoSign in 2017, Symantec's PKI with Thawte, GeoTrust and RapidSSL in 2018, Camerfirma in 2021, Entrust in 2024): only a certificate from another CA helps.",
		Fix:         "Serve the full chain (server certificate, then intermediates; Let's Encrypt: fullchain.pem) and check what is sent:\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null\nand for a private CA, import it into the system's (or Firefox's) trusted roots, then restart the browser (it reads the store when it starts).",
		Confirm:     serverVerdictConfirm,
	},
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match: []string{"your connection is not private", "your connection isn't private", "attackers might be trying to steal your information",
			"this server could not prove that it is", "because the website uses hsts"},
		Title:       "Chrome's certificate warning page: the server's certificate was refused",
		Explanation: "Chrome (or Edge) refused the server's certificate and shows its warning page; the code under it (NET::ERR_CERT_..., shown under Advanced) says why. Three causes cover most cases: (1) NET::ERR_CERT_AUTHORITY_INVALID: the certificate is self-signed or from a private CA the computer does not trust, the server does not send its intermediate, or a TLS-intercepting proxy or antivirus re-signs the traffic; (2) NET::ERR_CERT_COMMON_NAME_INVALID: the name in the address bar is not in the certificate's subjectAltName (Chrome ignores the common name since version 58, so a certificate with the name only in CN fails even when its CA is trusted); (3) NET::ERR_CERT_DATE_INVALID: it is expired, or this computer's clock is wrong. With no way to proceed past the page, the site is under HSTS: a name in a top-level domain Chrome preloads as HTTPS-only (.dev, .app, .page), used for local development with a certificate no one trusts, never gets a bypass (use .test or .localhost for local sites).",
		Fix:         "Read the code under Advanced, then see what the server sends, its names and dates:\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null\n  openssl x509 -noout -subject -dates -text -in server.crt | grep -A1 -e '^subject=' -e '^not' -e 'Subject Alternative Name'\nReissue a certificate that lacks the name, with the name in subjectAltName (-addext subjectAltName=DNS:host), serve the full chain, and import a private CA into the system's trusted roots.",
		Confirm:     serverVerdictConfirm,
	},
	{
		ID: WrongPurpose, Kind: "client",
		Match:       []string{"certificate type not approved for application", "sec_error_inadequate_cert_type"},
		Title:       "The certificate's extendedKeyUsage does not allow this use (NSS: type not approved)",
		Explanation: "NSS (Firefox, and curl built on NSS) checks the extendedKeyUsage of every certificate it is given, the trusted one too: a self-signed server certificate used as its own CA with an extendedKeyUsage the check does not accept, or a server certificate without serverAuth, is refused.",
		Fix:         "Reissue the certificate with the usage of its role; for a server:\n  extendedKeyUsage=serverAuth\nor, for a self-signed certificate trusted directly, without an extendedKeyUsage restriction.",
		Confirm:     "openssl x509 -noout -text -in server.crt | grep -A1 -e 'Extended Key Usage' -e 'Basic Constraints'",
	},
	{
		ID: WrongPurpose, Kind: "client",
		Match:       []string{"mozilla_pkix_error_ca_cert_used_as_end_entity"},
		Title:       "The server's certificate is a CA certificate (Firefox refuses it as the site's own)",
		Explanation: "The certificate the server presents as its own (the end-entity, or leaf) has basicConstraints CA:TRUE. `openssl req -x509` marks a self-signed certificate so by default, and some guides sign the server certificate with the CA's extensions. Firefox refuses a CA certificate used as a server's own certificate, even when its root is trusted.",
		Fix:         "Reissue the server certificate as a leaf, signed by the CA, with these lines in its -extfile:\n  basicConstraints=CA:FALSE\n  subjectAltName=DNS:host.example.com\nor, for a self-signed one:\n  " + selfSignedLeafCmd,
		Confirm:     "openssl x509 -noout -text -in server.crt | grep -A1 'Basic Constraints'",
	},
	{
		ID: ServerHostnameMismatch, Kind: "client",
		Match:       []string{"err_cert_common_name_invalid", "dlg_flags_sec_cert_cn_invalid", "ssl_error_bad_cert_domain", "does not specify subject alternative names", "missing_subjectaltname", "uses a certificate that is not valid for"},
		Title:       "The server's certificate is not for the name in the browser's address bar",
		Explanation: "The name the browser connected to is not among the certificate's subjectAltName (SAN) entries (browsers ignore the CN): the wrong certificate is served for this name (SNI selects another server block), or the certificate lacks the name or the IP address. A wildcard covers one label only: *.example.com matches app.example.com, not example.com itself nor a.b.example.com, which needs *.b.example.com. A site on a hosting platform (GitHub Pages, Netlify, Heroku) serves the platform's own certificate (*.github.io) until the one for the custom domain is issued.",
		Fix:         "Reissue the certificate with the name in its SAN, or serve the right one for it:\n  openssl x509 -noout -text -in server.crt | grep -A1 'Subject Alternative Name'",
		Confirm:     sanConfirm,
	},
	{
		ID: ServerCertExpired, Kind: "client",
		Match:       []string{"err_cert_date_invalid", "dlg_flags_sec_cert_date_invalid", "sec_error_expired_certificate", "sec_error_expired_issuer_certificate", "mozilla_pkix_error_not_yet_valid_certificate"},
		Title:       "The browser finds the server's certificate expired or not yet valid",
		Explanation: "The server's certificate (or its issuer) is outside its validity dates by the browser's clock: it expired and was not renewed (or the server still serves the old one), or the computer's clock is wrong.",
		Fix:         "Check the dates of what the server sends, then renew and reload, or fix the clock:\n  openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -dates",
		Confirm:     "date -u",
	},
	{
		ID: StaplingFailed, Kind: "client",
		Match:       []string{"sec_error_ocsp_old_response", "sec_error_ocsp_invalid_signing_cert", "sec_error_ocsp_future_response", "sec_error_ocsp_bad_signature", "sec_error_ocsp_unauthorized_response", "sec_error_ocsp_malformed_response", "sec_error_ocsp_try_server_later", "the response from the ocsp server was corrupted or improperly formed"},
		Title:       "Firefox refused the OCSP response the server stapled",
		Explanation: "The server sent (stapled) an OCSP response about its certificate that Firefox refused: too old (the server keeps serving a cached response past its nextUpdate, or its clock is off, or the certificate was not renewed when it should have been), or signed by a certificate Firefox does not accept as the CA's OCSP signer, or corrupted or improperly formed: a server that staples an empty or broken response (a rustls-based server after an upgrade, with a local certificate that has no OCSP response at all, as Meilisearch 1.15.1 did; its next release, or the release before, serves none). The certificate itself may be fine; the stapled answer is not.",
		Fix:         "Renew the certificate if its renewal failed, and make the server fetch a fresh response: restart or reload it (nginx caches stapled responses), check that it reaches the OCSP responder and that its clock is right; or turn stapling off until it does. nginx:\n  ssl_stapling on;\n  ssl_stapling_verify on;\n  resolver 1.1.1.1;",
		Confirm:     "openssl s_client -connect host:443 -servername host -status </dev/null 2>/dev/null | grep -A12 'OCSP response'",
	},
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match:       []string{"mozilla_pkix_error_required_tls_feature_missing"},
		Title:       "Firefox: the certificate requires OCSP stapling (Must-Staple) and the server sent no OCSP response",
		Explanation: "The server's certificate carries the TLS Feature (OCSP Must-Staple) extension, so Firefox insists on a stapled OCSP response, and the server sent none: stapling is off in the server, or it could not fetch a response from the CA's OCSP responder (DNS, firewall, no resolver configured). A TLS-inspecting proxy on the client's side (corporate proxy, antivirus) that passes the certificate on but not the staple causes it too.",
		Fix:         "Turn stapling on and let the server reach the OCSP responder, or reissue the certificate without Must-Staple. nginx:\n  ssl_stapling on;\n  ssl_stapling_verify on;\n  resolver 1.1.1.1;\nApache:\n  SSLUseStapling on",
		Confirm:     "openssl s_client -connect host:443 -servername host -status </dev/null 2>/dev/null | grep -A3 'OCSP response'",
	},
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match: []string{"not be sending the appropriate intermediate", "no issuer chain was provided",
			// checkers' and apps' words for the same
			"does not include all intermediate certificates", "missing intermediate certificate", "chain is incomplete", "incomplete certificate chain"},
		Title:       "The client could not build a chain: the server does not send its intermediate certificate",
		Explanation: "The server sends its own certificate without the intermediate CA certificate that signed it. Some browsers fetch or cache the missing intermediate and work, so the site seems fine there; others (Firefox, curl, Java, Android and most apps) fail.",
		Fix:         "Serve the full chain: the server certificate followed by the intermediate(s) in one file, for nginx:\n  ssl_certificate /etc/ssl/fullchain.pem;\nthen check:\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null",
		Confirm:     serverVerdictConfirm,
	},
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match:       []string{"sec_error_reused_issuer_and_serial", "import a cert with the same issuer/serial as an existing cert"},
		Title:       "Firefox has seen another certificate with the same issuer and serial number",
		Explanation: "Every certificate a CA issues must have its own serial number. A private CA that reissued a certificate with a fixed serial (openssl x509 -req -set_serial 01), or a CA regenerated under the same name, produces a certificate Firefox refuses because it remembers the earlier one.",
		Fix:         "Reissue with a fresh serial (openssl keeps a serial file with -CAcreateserial):\n  openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 365 -sha256 -out server.crt\nand remove the old certificate from Firefox's certificate manager.",
		Confirm:     "openssl x509 -noout -serial -issuer -in server.crt",
	},
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"ssl_error_no_cypher_overlap", "err_ssl_version_or_cipher_mismatch", "ssl_error_unsupported_version", "err_ssl_obsolete_version"},
		Title:       "The browser and the server share no TLS version or cipher",
		Explanation: "The browser and the server found no TLS version and cipher both allow. Four causes cover most cases: 1. the server accepts only older versions or ciphers (TLS 1.0, RC4, 3DES) that current browsers refuse; 2. its certificate key does not fit any cipher they share (an ECDSA certificate, such as a Let's Encrypt one imported as it came, on a server whose cipher list is RSA-only: some Java servers, controllers and appliances); 3. it has no certificate at all for the name asked for in SNI (some servers, and CDN edges whose certificate for the name is missing or stuck, then fail this way), or none at all: a development server whose https option got no usable certificate and key (a Vite plugin's misshapen option, files not found) can choose no cipher; 4. the browser itself is restricted (an old or headless browser, an automation driver or policy limiting its TLS versions, or a minimum raised by hand: Firefox's security.tls.version.min in about:config, against an old device such as a printer or router that speaks only TLS 1.0).",
		Fix:         "See what the server accepts for that name, and its certificate's key type:\n  openssl s_client -connect host:443 -servername host -tls1_2 </dev/null\n  openssl x509 -noout -text -in server.crt | grep 'Public Key Algorithm'\nthen give it a certificate for that name (an RSA one where its ciphers are RSA-only) and enable current versions and ciphers; for nginx:\n  ssl_protocols TLSv1.2 TLSv1.3;\nIn Firefox, about:config's security.tls.version.min (and max) should be at their defaults.",
		Confirm:     "openssl s_client -connect host:443 -servername host -tls1_3 </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"err_http2_inadequate_transport_security", "err_spdy_inadequate_transport_security", "inadequate_security", "tls: inadequate security"},
		Title:       "HTTP/2 was negotiated with a cipher HTTP/2 forbids (INADEQUATE_SECURITY)",
		Explanation: "The browser and the server agreed on HTTP/2 (ALPN h2) over a TLS 1.2 cipher suite that HTTP/2 forbids (RFC 7540's list: CBC suites, RSA key exchange, anything without ephemeral keys and AEAD), so the browser closes the connection. The server's cipher list lets such suites come first: an old ssl_ciphers line kept after HTTP/2 was turned on, or another server block on the same listen address whose settings win.",
		Fix:         "Put ECDHE suites with AES-GCM or ChaCha20 first on the server (nginx: in the server block that owns the listen address, and the same in every block on it):\n  ssl_protocols TLSv1.2 TLSv1.3;\n  ssl_ciphers ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305;\n  ssl_prefer_server_ciphers off;",
		Confirm:     "openssl s_client -connect host:443 -servername host -alpn h2 -tls1_2 </dev/null 2>/dev/null | grep -E 'ALPN|Cipher is'",
	},
	{
		ID: ServerCertExpired, Kind: "client",
		Match:       []string{"the certificate expired on", " expired at 1", " expired at 2"},
		Within:      []string{"certificate"},
		Title:       "The server's certificate (or a CA of its chain) has expired",
		Explanation: "The client names the certificate and the date it expired: the server's own certificate, whose renewal did not run or was not loaded (certbot's timer stopped, the server not reloaded after renewal), or a CA certificate in the chain. When the named certificate is a root, the expired copy is usually the client's own: an old root kept in its store (a macOS keychain, an old CA bundle) while the CA has renewed it, which it must remove or update.",
		Fix:         "See the dates of what the server sends now:\n  openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -subject -dates\nRenew the server's certificate and reload the server (certbot: check its timer and renew hook):\n  certbot renew\n  systemctl list-timers | grep certbot\nFor an expired root on the client, update its CA bundle (and remove the old root from a keychain).",
		Confirm:     "date -u",
	},
	{
		ID: WrongPurpose, Kind: "client",
		Match: []string{"err_ssl_key_usage_incompatible", "sec_error_inadequate_key_usage", "sec_error_inadequate_cert_type",
			// NSS's words, as curl on NSS prints them.
			"certificate key usage inadequate for attempted operation"},
		Title:       "The server's certificate is not allowed to be used this way (key usage)",
		Explanation: "The certificate's keyUsage or extendedKeyUsage does not allow what the handshake needs: an RSA certificate without keyEncipherment used with RSA key exchange, a certificate without digitalSignature, or an extendedKeyUsage without serverAuth (a client certificate served as a server's), or a CA certificate served as the server's own (one self-made certificate with CA:TRUE and keyCertSign, used both as the CA to import and as the site's certificate: browsers want a separate CA and leaf). Firefox also says so when the certificate is right but its profile holds an older certificate of the same issuer and serial number (certificates remade with the same CA and serial, common with self-made test CAs): it checks the stale copy. Firefox says it too when the server's certificate has the same subject as its CA (the same -subj or common name for both, as some guides and panels make them): it takes the one for the other. A development certificate trusted only in Windows' store (dotnet dev-certs https --trust) is not in Firefox's own store unless Firefox reads the system's (security.enterprise_roots.enabled).",
		Fix:         "Reissue the server certificate with (signed by a CA, not the CA itself):\n  keyUsage=critical,digitalSignature,keyEncipherment\n  extendedKeyUsage=serverAuth\nGive the CA and the server certificate different subjects. When the certificate already has them, delete the old one from Firefox's certificate manager (or its profile's cert9.db), and give new certificates new serial numbers (openssl x509 -req ... -CAcreateserial, not a fixed -set_serial).",
		Confirm:     "openssl x509 -noout -text -in server.crt | grep -A1 -e 'X509v3 Key Usage' -e 'Extended Key Usage'",
	},
	// JSSE's keyUsage check (a real Java client against a server
	// certificate with a CA's keyUsage).
	{
		ID: WrongPurpose, Kind: "client", Side: "client",
		Match:       []string{"keyusage does not allow digital signatures", "keyusage does not allow key encipherment"},
		Title:       "The Java client refused the certificate: its keyUsage does not allow this handshake",
		Explanation: "Java checks the keyUsage of the certificate it is given against the handshake: digitalSignature for TLS 1.3 and ECDHE key exchange, keyEncipherment for RSA key exchange. A server certificate made with a CA's keyUsage (keyCertSign only) fails so; OpenSSL clients refuse it as verify error 26 (unsuitable certificate purpose), GnuTLS clients as a key usage violation, and Go clients accept it. A Java server prints the same words about its client's certificate. Behind a TLS-inspecting proxy (Forcepoint, Zscaler, an antivirus), the certificate Java checks is the proxy's copy, not the site's: once the proxy's CA is trusted, a copy made without digitalSignature fails here, and only the proxy's settings (or leaving the host out of inspection) can change it.",
		Fix:         "See who issued the certificate Java gets; a proxy's CA means the proxy makes the copy (exempt the host from inspection):\n  openssl s_client -connect host:443 -servername host </dev/null | grep i:\nOtherwise reissue the certificate with the usages of its role:\n  keyUsage=critical,digitalSignature,keyEncipherment\n  extendedKeyUsage=serverAuth\n(clientAuth for a client certificate).",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -text | grep -A1 'X509v3 Key Usage'",
	},
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match:       []string{"err_cert_revoked", "sec_error_revoked_certificate"},
		Title:       "The browser found the server's certificate revoked",
		Explanation: "The CA's revocation data (CRL, OCSP or the browser's own lists) says the server's certificate was revoked: it was replaced, its key was exposed, or the CA revoked it in bulk. On macOS (10.15 and later), Chrome shows NET::ERR_CERT_REVOKED for a self-signed or private-CA certificate that breaks Apple's rules, though nobody revoked it: valid for more than 825 days, no subjectAltName with the name, no extendedKeyUsage serverAuth, an RSA key under 2048 bits or a SHA-1 signature.",
		Fix:         "For a self-signed or private-CA certificate on macOS, reissue it within Apple's rules (825 days or less, the name in subjectAltName, serverAuth):\n  openssl x509 -req -sha256 -days 825 -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -extfile server.ext -out server.crt\nA public CA's certificate: put the current one on the server (and reload it), or get a new one issued:\n  openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -serial -dates",
		Confirm:     "openssl x509 -noout -serial -in server.crt",
	},
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"pr_connect_reset_error", "can't establish a secure connection to the server"},
		Title:       "The connection was cut during the browser's TLS handshake",
		Explanation: "The server (or something in between: a firewall, an antivirus or filtering proxy, a load balancer) closed the connection before the handshake finished: it requires a client certificate the browser does not have or did not send, shares no TLS version with the browser, or does not speak TLS on that port.",
		Fix:         "Try the handshake by hand, with the client certificate if the site needs one:\n  openssl s_client -connect host:443 -servername host -cert client.crt -key client.key </dev/null\nand import the client certificate (PKCS#12) into the browser's or system's store.",
		Confirm:     "curl -v https://host/",
	},
	// Elasticsearch (Java, Netty) as the server of its HTTP and transport ports.
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"received plaintext http traffic on an https channel"},
		Title:       "Elasticsearch got plain HTTP on its HTTPS port",
		Explanation: "Elasticsearch serves HTTPS on this port (xpack.security.http.ssl) and a client sent plain HTTP: it is configured with http:// (Kibana, Fleet, Logstash, a client library, or one that discovers nodes and rebuilds their URLs without the scheme), or a health check probes with HTTP. The remoteAddress in the line names it.",
		Fix:         "Point that client at https:// and give it the cluster's CA:\n  curl --cacert http_ca.crt https://HOST:9200/",
		Confirm:     "curl -v http://HOST:9200/",
	},
	{
		ID: TLSAlert, Kind: "client",
		Match:       []string{"did not trust this server's certificate"},
		Title:       "A client did not trust Elasticsearch's certificate",
		Explanation: "Elasticsearch, as the server, saw its client end the handshake because the client refused Elasticsearch's own certificate: the client (another node, Kibana, a client library) does not have the CA that issued it, or the name does not match. It is not about a client certificate.",
		Fix:         "Give the client the CA of Elasticsearch's certificate (certificate_authorities, or the JVM trust store) and check what the node serves:\n  openssl s_client -connect HOST:9200 -showcerts </dev/null",
		Confirm:     "curl -v --cacert ca.crt https://HOST:9200/",
	},
	// Kafka clients on librdkafka (confluent-kafka-*, kcat, Vector...).
	{
		ID: ServerCertUntrusted, Kind: "client", Within: []string{"rdkafka", "/bootstrap", "ssl.ca.location"},
		Match:       []string{"certificate verify failed"},
		Title:       "The Kafka client (librdkafka) could not verify the broker's certificate",
		Explanation: "librdkafka, as the TLS client of the broker, checked the broker's certificate against ssl.ca.location and it did not verify: the setting is unset or names another CA (a private CA must be given; on macOS and Windows librdkafka may find no system roots), or, since librdkafka 1.9, the broker's certificate does not carry the broker's host name (ssl.endpoint.identification.algorithm=https).",
		Fix:         "Point the client at the CA that issued the broker's certificate (or at the system's roots with probe):\n  ssl.ca.location=/etc/kafka/ca.pem\nand check what the broker sends and for which name:\n  openssl s_client -connect BROKER:9093 -servername BROKER -showcerts </dev/null",
		Confirm:     "openssl s_client -connect BROKER:9093 -CAfile /etc/kafka/ca.pem </dev/null 2>/dev/null | grep 'Verify return code'",
	},
	// Kafka (Java) brokers and clients.
	{
		ID: HandshakeFailed, Kind: "client", Within: []string{"ssl handshake failed"},
		Match:       []string{"failed authentication with /"},
		Title:       "A Kafka broker failed the TLS handshake with a client",
		Explanation: "The broker (the TLS server) could not finish the handshake with the client at that address: with ssl.client.auth=required the client sent no certificate or one whose CA is not in the broker's truststore, or the client refused the broker's certificate (a CA it does not trust, or a host name it does not carry, checked since Kafka 2.0). The client's own log names which.",
		Fix:         "Check the client's keystore and truststore against the broker's, and log the handshake on the broker:\n  KAFKA_OPTS=-Djavax.net.debug=ssl:handshake",
		Confirm:     "openssl s_client -connect BROKER:9093 -servername BROKER -cert client.crt -key client.key </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"sslauthenticationexception: ssl handshake failed"},
		Title:       "The Kafka client failed the TLS handshake with the broker",
		Explanation: "The Kafka (Java) client could not finish TLS with the broker; the `Caused by:` line after it names why: PKIX path building failed (the client's ssl.truststore lacks the broker's CA), No subject alternative names (the broker's certificate lacks its host name), or a fatal alert from the broker (it requires a client certificate: ssl.keystore).",
		Fix:         "Give the client the broker's CA and, if the broker requires it, its own certificate (and if the broker's certificate lacks the host name the client uses, fix the certificate; ssl.endpoint.identification.algorithm set empty turns the name check off):\n  ssl.truststore.location=/etc/kafka/client.truststore.jks\n  ssl.keystore.location=/etc/kafka/client.keystore.jks",
		Confirm:     "openssl s_client -connect BROKER:9093 -servername BROKER -showcerts </dev/null",
	},
	// Netty's and grpc-java's bare handshake failure.
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"sslhandshakeexception: handshake failed"},
		Title:       "A Java (Netty or gRPC) TLS handshake failed; the cause is in the lines below it",
		Explanation: "Netty, and grpc-java on it, wrap every TLS failure in this one message; the `Caused by:` lines of the stack trace name the real one. With gRPC the most common is a server that speaks plaintext (no TLS on that port, as in local and in-cluster setups) while the client uses TLS; then an untrusted server certificate, a name it does not carry, a client certificate the server wants, or no shared TLS version (ALPN h2 missing on old JDKs).",
		Fix:         "Read the Caused by: lines. When the server has no TLS on that port, make the client plaintext too (grpc-java: usePlaintext() on the channel builder); otherwise give the client the server's CA (trustManager) and its key (keyManager). Check what the port speaks:\n  openssl s_client -connect host:443 -alpn h2 </dev/null",
		Confirm:     "openssl s_client -connect host:443 -alpn h2 </dev/null",
	},
	// Docker's daemon pulling from or logging in to a registry.
	{
		ID: ServerCertUntrusted, Kind: "client", Within: []string{"daemon", "docker", "/v2/:", "/v2/\"", "/v2/ ", "/manifests/", "/blobs/", "podman", "containerd", "buildah", "skopeo", "manifest"},
		// their own entries: Ollama pulls models, not images; a controller reads manifests itself;
		// cosign signs images as a client that reads the system's store, not the engine's
		// helm and scanners fetch as clients of their own; a proxy's
		// certificate (proxyconnect) is not the registry's
		Without:     []string{"ollama", "taskspec", "tekton", "error getting image manifest", "cosign", "during command execution: signing", "helm repo", "proxyconnect", "trivy", "loki"},
		Match:       []string{"x509: certificate signed by unknown authority"},
		Title:       registryTitle,
		Explanation: registryExplanation,
		Fix:         registryFix,
		Confirm:     registryConfirm,
	},
	// The same in Go 1.20's longer words, which the bare entries above
	// would otherwise outmatch: only where the engine's own words show.
	{
		ID: ServerCertUntrusted, Kind: "client", Within: []string{"error response from daemon", "pinging container registry", "failed to pull image", "failed to pull and unpack image"},
		Match:       []string{"tls: failed to verify certificate: x509: certificate signed by unknown authority"},
		Title:       registryTitle,
		Explanation: registryExplanation,
		Fix:         registryFix,
		Confirm:     registryConfirm,
	},
	// PostgreSQL's libpq verifying the server (sslmode=verify-ca/verify-full).
	{
		ID: ServerCertUntrusted, Kind: "client", Within: []string{"does not exist"}, Without: []string{"could not load root certificate file"},
		Match:       []string{"root certificate file"},
		Title:       "PostgreSQL's client has no CA to verify the server with",
		Explanation: "With sslmode=verify-ca or verify-full, libpq (psql and the drivers built on it) verifies the server's certificate against a root certificate file: sslrootcert, else PGSSLROOTCERT, else ~/.postgresql/root.crt. That file is missing or unreadable, so the connection fails before any certificate is checked.",
		Fix:         "Name the CA that issued the server's certificate (or, with PostgreSQL 16 and later, use the system's roots with sslrootcert=system):\n  psql \"host=db.example.com sslmode=verify-full sslrootcert=/etc/ssl/certs/db-ca.crt\"",
		Confirm:     "openssl s_client -connect db.example.com:5432 -starttls postgres -showcerts </dev/null",
	},
	// rustls (reqwest, hyper-rustls, ureq, tonic) on the server's certificate.
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match: []string{"certificate: unknownissuer", "(unknownissuer)", "invalidcertificate(unknownissuer"},
		Title: "The Rust (rustls) client does not trust the server's certificate (UnknownIssuer)",
		Explanation: "rustls found no trusted root for the server's certificate chain. Unlike OpenSSL-based clients it does not read the system's CA bundle unless built to. Three causes: (1) a private CA, a corporate proxy's CA or a CA added to /etc/ssl/certs, which a client with webpki-roots (Mozilla's public roots only) does not trust; (2) a server that does not send its intermediate (or sends only the first certificate of a full-chain file: a server release that reads one certificate of it); (3) a root store that is empty, so that no server is trusted: " +
			"a crate built without its roots features (tonic's tls-roots or tls-webpki-roots, reqwest's rustls-tls-webpki-roots or rustls-tls-native-roots) or code that never adds root certificates to its ClientConfig, or one built to read the system's roots (rustls-native-certs, which hyper-rustls and others switched to) running where the system has none (a slim container image without the ca-certificates package). webpki also says UnknownIssuer for a CA it was given but cannot use: one signed with SHA-1 or with an RSA key under 2048 bits, which OpenSSL still accepts (so s_client with the same CA file succeeds): reissue that CA.",
		Fix:     clientTrustRust + "\n" + clientTrustNotes,
		Confirm: "openssl s_client -connect host:443 -servername host -showcerts </dev/null",
	},
	{
		ID: ServerHostnameMismatch, Kind: "client",
		Match: []string{"certificate: notvalidforname", "(notvalidforname)", "invalidcertificate(notvalidforname", "webpkierror(certnotvalidforname)", "certnotvalidforname",
			"invalid peer certificate: certificate not valid for name", "notvalidfornamecontext"},
		Title: "The server's certificate does not carry the name the Rust (rustls) client used (NotValidForName)",
		Explanation: "rustls checks the name (or IP address) in the URL against the server certificate's subjectAltName only; the Common Name is ignored, and an IP address needs an IP entry. " +
			"rustls 0.23 names both sides (`certificate not valid for name \"x\"`, then the names the certificate is valid for, or `is not valid for any names` without a subjectAltName): its error is then NotValidForNameContext, which code that matches NotValidForName alone no longer catches.",
		Fix:     "Connect with a name the certificate carries, or reissue it with the name in its SAN:\n  subjectAltName=DNS:host.example.com,IP:192.0.2.10",
		Confirm: sanConfirm,
	},
	// curl (and libcurl in PHP, git...) could not read its CA bundle.
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match:       []string{"error setting certificate verify locations", "problem with the ssl ca cert (path? access rights?)", "error setting certificate file:", "error setting certificate path:"},
		Title:       "curl could not read the CA bundle it was told to use (error 77)",
		Explanation: "curl (or libcurl inside PHP, git, pycurl...) could not load the CA file or directory it was set to trust (--cacert, CURL_CA_BUNDLE, CURLOPT_CAINFO, PHP's curl.cainfo, git's http.sslCAInfo, or a cacert line in ~/.curlrc copied from another system): the path does not exist, is not readable by that user, is empty (a bundle a program generates, such as Nextcloud's data/files_external/rootcerts.crt, that an update left empty), or is not PEM. The CAfile/CApath lines after it name the paths; `CAfile: none CApath: none` means none was set at all: a libcurl that a program bundles (a game, an emulator's updater, an SDK) was built without a default CA path, and the program must set CURLOPT_CAINFO itself (a release of the program that forgot, or a new libcurl build, fails so). A libcurl on NSS (CentOS and RHEL 7 and older) says the same when NSS itself is broken, with the bundle in place: a partial update that left nss-softokn without nss-softokn-freebl breaks yum's own downloads too, and updating the nss packages together mends it.",
		Fix:         "Point it at a CA bundle that exists and is readable (install the ca-certificates package for the system's; Guzzle: its verify option):\n  curl --cacert /etc/ssl/certs/ca-certificates.crt https://host/\nPHP, in php.ini:\n  curl.cainfo=/etc/ssl/certs/ca-certificates.crt\n  openssl.cafile=/etc/ssl/certs/ca-certificates.crt",
		Confirm:     "ls -l /etc/ssl/certs/ca-certificates.crt",
	},
	// libcurl's own texts for its TLS error codes (curl_easy_strerror, as
	// libcurl 7.88.1 gives them), which programs built on it print
	// without curl's detailed reason; CurlCodeText maps bare codes to them.
	{
		ID: ServerCertUntrusted, Kind: "client", Fallback: true,
		Match:       []string{"ssl peer certificate or ssh remote key was not ok", "peer certificate cannot be authenticated with given ca certificates"},
		Title:       "libcurl could not verify the server's certificate (error 60)",
		Explanation: "This is libcurl's general text for error 60 (CURLE_PEER_FAILED_VERIFICATION), printed by programs built on libcurl (PHP, git, R, Insomnia, Nix, game consoles' homebrew) without curl's detailed reason: the server's certificate did not pass verification. The usual causes: its CA (a private or self-signed one, or a TLS-intercepting proxy's) is not in the CA bundle libcurl uses; the server does not send its intermediate; the program's CA bundle is missing or outdated (libcurl built without a default CA path, an old system, a cacert.pem shipped with the program; Nix's libcurl reads the bundle NIX_SSL_CERT_FILE names, which the Nix profile script sets: a shell or daemon user that did not source it has none); the name or IP used is not in the certificate; it has expired, or the clock is wrong; or the program pins the server's key or certificate in a check of its own (lastpass-cli, some SDKs and agents) and the server renewed with a new key: only a release with the new pins fixes that.",
		Fix:         "Get curl's own reason for the same URL from the same machine, then give libcurl the CA bundle it needs (CURLOPT_CAINFO; PHP: curl.cainfo in php.ini; git: http.sslCAInfo):\n  curl -v https://host/ -o /dev/null",
		Confirm:     "curl -v https://host/ -o /dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "client", Side: "client", Fallback: true,
		Match:       []string{"ssl connect error"},
		Title:       "libcurl: the TLS handshake failed (error 35)",
		Explanation: "This is libcurl's general text for error 35 (CURLE_SSL_CONNECT_ERROR): the TLS handshake failed, before or without a verdict on the server's certificate. The server refused the client's certificate or wanted one it did not get (mutual TLS), no TLS version or cipher is shared, the port does not speak TLS, or something in between (a proxy, a firewall, an antivirus) cut the connection. curl -v, run the same way, names which; but a program's own libcurl can differ from the curl command's: PHP's curl extension, for one, may be built on an older OpenSSL (1.0.0 and older have no TLS 1.2) than the system's openssl command, and then fails against servers that take TLS 1.2 only (payment and API sandboxes did so first): php -i | grep -i 'ssl version' shows its library. On Windows, libcurl in R, PHP and other programs often runs on Schannel, which fails where OpenSSL does not (its revocation check against an unreachable CRL, which curl --ssl-no-revoke, git's http.schannelCheckRevoke=false and libcurl's CURLSSLOPT_NO_REVOKE turn off; a corporate proxy's CA only in OpenSSL's bundle): R takes CURL_SSL_BACKEND=openssl in .Renviron. For FTP, an ftps:// URL means implicit TLS from the first byte (port 990): a server that speaks explicit TLS (AUTH TLS on port 21) fails so, and needs ftp:// with TLS required (curl --ssl-reqd, ftpes:// in tools on libcurl).",
		Fix:         "Run curl with the same URL and client certificate and read the line before the error:\n  curl -v --cert client.crt --key client.key https://host/ -o /dev/null",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null",
	},
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"problem with the local ssl certificate"},
		Title:       "libcurl could not use the client certificate (error 58)",
		Explanation: "This is libcurl's general text for error 58 (CURLE_SSL_CERTPROBLEM): the client certificate or key given to it (--cert and --key, CURLOPT_SSLCERT and CURLOPT_SSLKEY) could not be loaded: a wrong path or permissions, a PKCS#12 file given without its type (--cert-type P12), an encrypted key without its passphrase, or a key that does not belong to the certificate.",
		Fix:         "Check that both files load and belong together:\n  openssl x509 -noout -subject -in client.crt\n  openssl x509 -noout -pubkey -in client.crt | sha256sum; openssl pkey -pubout -in client.key | sha256sum (the two sums must be equal)",
		Confirm:     "curl -v --cert client.crt --key client.key https://host/ -o /dev/null",
	},
	{
		ID: NoClientCert, Kind: "client",
		Match:       []string{"ssl client certificate required"},
		Title:       "The server wanted a client certificate and libcurl sent none (error 98)",
		Explanation: "This is libcurl's text for error 98 (CURLE_SSL_CLIENTCERT, curl 7.77 and later): the server asked for a client certificate (mutual TLS) and the client had none configured, or the server refused the one sent with alert certificate_required.",
		Fix:         "Give the client its certificate and key:\n  curl --cert client.crt --key client.key https://host/",
		Confirm:     "mtlsdoctor probe host:443 --cert client.crt --key client.key",
	},
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match:       []string{"ssl server certificate status verification failed"},
		Title:       "The server's stapled OCSP status was missing or not good (error 91)",
		Explanation: "This is libcurl's text for error 91 (CURLE_SSL_INVALIDCERTSTATUS): the client asked for the certificate's status (--cert-status, CURLOPT_SSL_VERIFYSTATUS) and the server stapled no OCSP response, an expired one, or one that does not say good.",
		Fix:         "See what the server staples; nginx staples only with ssl_stapling on, a resolver and the issuer in ssl_trusted_certificate, and only after a first request has fetched the response:\n  openssl s_client -connect host:443 -servername host -status </dev/null 2>/dev/null | grep -A3 'OCSP response'",
		Confirm:     "curl -v --cert-status https://host/ -o /dev/null",
	},
	// curl's own checks of a stapled OCSP response (--cert-status), on
	// OpenSSL.
	{
		ID: StaplingFailed, Kind: "client", Side: "client",
		Match:       []string{"could not find certificate id in ocsp response", "no ocsp response received", "invalid ocsp response status", "ocsp response verification failed", "ocsp response has expired"},
		Title:       "curl --cert-status: the server's stapled OCSP response does not fit the certificate it serves",
		Explanation: "With --cert-status (CURLOPT_SSL_VERIFYSTATUS) curl checks the OCSP response the server staples. No certificate ID in it means the response is about another certificate: the server still staples the response of the certificate it served before a renewal or a swap (HAProxy keeps the response it loaded from the .ocsp file or through its runtime API until it is given the new one; nginx's ssl_stapling_file is a fixed file), or it holds the response of another site. No response at all means the server staples nothing for that name; an expired one, a responder the server no longer reaches.",
		Fix:         "Give the server the response for the certificate it serves now, then reload it (HAProxy: the .ocsp file beside the certificate, or set ssl ocsp-response after commit ssl cert; nginx: a new ssl_stapling_file, or ssl_stapling on to fetch it), and see what it staples:\n  openssl s_client -connect host:443 -servername host -status </dev/null 2>/dev/null | grep -A12 'OCSP Response Data'",
		Confirm:     "curl -v --cert-status https://host/ -o /dev/null",
	},
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match:       []string{"ssl public key does not match pinned public key"},
		Title:       "The server's public key is not the pinned one (error 90)",
		Explanation: "This is libcurl's text for error 90 (CURLE_SSL_PINNEDPUBKEYNOTMATCH): the client pins the server's public key (--pinnedpubkey, CURLOPT_PINNEDPUBLICKEY) and the server now shows another one: its certificate was renewed with a new key, another server (a load balancer, a CDN) answers, or a TLS-intercepting proxy is in the way.",
		Fix:         "Compute the key hash the server shows now, and pin it (and the next key, before a renewal) if the change is expected:\n  openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | openssl enc -base64",
		Confirm:     "curl -v --pinnedpubkey 'sha256//HASH' https://host/ -o /dev/null",
	},
	// A client that pins its server's certificate by fingerprint (Deskflow,
	// Barrier, Synergy, Proxmox's clients, many apps' own pinning).
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match: []string{"fingerprint does not match", "fingerprint mismatch", "fingerprint doesn't match", "fingerprint was not confirmed",
			"fingerprint not confirmed", "does not match the trusted fingerprint", "does not match trusted fingerprint", "unknown fingerprint"},
		Within:      []string{"certificate", "fingerprint", "tls", "ssl"},
		Title:       "The server's certificate is not the one the client pinned (fingerprint)",
		Explanation: "The client trusts its server by a stored fingerprint of the server's certificate (or asks the user to confirm a new one), not by a CA, and the certificate the server shows now has another fingerprint: it was made again (a reinstall, an upgrade, a renewal, a migration to another machine), another server answers, or something in between re-signs the traffic. A client run without a terminal cannot ask to confirm a new fingerprint, so it refuses until the fingerprint is given to it.",
		Fix:         "Compare the fingerprint the server shows now with the one the client stored, and if the change is expected, trust the new one in the client (or give it, e.g. PBS_FINGERPRINT for proxmox-backup-client):\n  openssl s_client -connect host:443 </dev/null 2>/dev/null | openssl x509 -noout -fingerprint -sha256",
		Confirm:     "openssl x509 -noout -fingerprint -sha256 -in server.crt",
	},
	// Caddy (certmagic) stapling a certificate that names no responder.
	{
		ID: StaplingFailed, Kind: "client",
		Match:       []string{"no ocsp server specified in certificate"},
		Title:       "OCSP stapling skipped: the certificate names no OCSP responder (harmless)",
		Explanation: "Caddy (its certmagic library) staples OCSP responses for the certificates it serves, and this certificate has no OCSP URL in its Authority Information Access, so there is nothing to fetch: Let's Encrypt's certificates since it ended OCSP in 2025, and certificates of private CAs. Handshakes work; clients check revocation some other way (CRLs) or not at all. Usually harmless.",
		Fix:         "Nothing to fix for such a certificate; to quiet the warning, turn stapling off where the server allows it (Caddy: ocsp_stapling off in the global options), or see whether the certificate names a responder:\n  openssl x509 -noout -ocsp_uri -in cert.pem",
		Confirm:     "openssl x509 -noout -text -in cert.pem | grep -A2 'Authority Information Access'",
	},
	// OkHttp's CertificatePinner (Android apps, Java clients).
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match:       []string{"certificate pinning failure"},
		Title:       "The server's certificate chain holds none of the keys the app pins (OkHttp's Certificate pinning failure)",
		Explanation: "OkHttp trusted the chain, then compared the sha256/ hashes of its public keys with the pins the app was built with, and none matched: the server's key or its CA changed (a renewal with a new key, another intermediate, a move to another CA or CDN), the pins were computed from the wrong certificate, or a TLS-intercepting proxy (a debugging or corporate one) shows its own chain. The exception lists the chain's hashes (Peer certificate chain) and the pins (Pinned certificates).",
		Fix:         "Compare the chain's hashes in the exception with the app's pins; compute the hash of the key the server shows now, and pin it together with a backup key or the CA's key, so that a renewal does not break the app:\n  openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | openssl enc -base64",
		Confirm:     "openssl s_client -connect host:443 -servername host -showcerts </dev/null 2>/dev/null | grep -E 's:|i:'",
	},
	// RubyGems and Bundler name the CA they could not trust.
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match:       []string{"to your local trusted store"},
		Title:       "Ruby does not trust the CA that RubyGems names (add it to the local trusted store)",
		Explanation: "RubyGems (gem, bundler) verified the server's chain with Ruby's OpenSSL and it ends in the CA it names, which Ruby's trust store lacks. A CA with a security product's name (Cisco Umbrella, Zscaler, Netskope, an antivirus or a corporate proxy) means the traffic is intercepted and re-signed: that CA must be added. A public CA means Ruby's bundle is outdated (RubyInstaller on Windows ships its own) or the server does not send its intermediate.",
		Fix:         "Export the CA it names (from the proxy's administrator, or the system's store), append it to a bundle Ruby reads, and point SSL_CERT_FILE at that bundle:\n  cat /etc/ssl/certs/ca-certificates.crt proxy-ca.pem > ruby-bundle.pem\n  export SSL_CERT_FILE=$PWD/ruby-bundle.pem\nRuby's own default file is at:\n  ruby -ropenssl -e 'puts OpenSSL::X509::DEFAULT_CERT_FILE'",
		Confirm:     "openssl s_client -connect rubygems.org:443 -servername rubygems.org -showcerts </dev/null 2>/dev/null | grep 'i:'",
	},
	// A CA bundle holding the same certificate twice.
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match:       []string{"cert already in hash table"},
		Title:       "The CA bundle holds the same certificate twice (cert already in hash table)",
		Explanation: "While loading trusted CAs, the TLS library met a certificate it had already loaded. OpenSSL 1.1 and later skip the duplicate; OpenSSL 1.0.x, LibreSSL (macOS's, and libcurl built on it) and some library releases treat it as an error and the connection fails before the handshake. It comes from a bundle that repeats a certificate (a CA appended to the system's bundle twice, or an application that adds its own CA to the system's store), or from the same CA in both the CA file and the CA directory.",
		Fix:         "Count the copies of each certificate in the bundle, and keep one of each (or point the client at one source):\n  grep -c 'BEGIN CERTIFICATE' bundle.pem\n  openssl crl2pkcs7 -nocrl -certfile bundle.pem | openssl pkcs7 -print_certs -noout | sort | uniq -d",
		Confirm:     "openssl crl2pkcs7 -nocrl -certfile bundle.pem | openssl pkcs7 -print_certs -noout | sort | uniq -c | sort -rn | head",
	},
	// OpenSSL's invalid alert: what stood where an alert should be was not one.
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"invalid alert"},
		Title:       "The peer's bytes were not a valid TLS alert: the connection is not TLS from end to end (invalid alert)",
		Explanation: "The record the client read was marked as an alert but was not a valid one: the bytes came from something that does not speak TLS at that point. Usual causes: the client speaks TLS to an HTTPS proxy (an https:// proxy URL) and its library cannot run TLS inside that TLS (Perl's LWP and IO::Socket::SSL, old Python, old curl); a proxy or middlebox answers with plain text or an error page; or the port speaks another protocol (STARTTLS, a plain listener).",
		Fix:         "Check the proxy the client uses, and give it as http:// (the CONNECT tunnel then carries the only TLS), or try without it:\n  env | grep -i _proxy\n  openssl s_client -connect host:443 -servername host </dev/null\nWith a proxy, compare:\n  openssl s_client -proxy proxy:3128 -connect host:443 -servername host </dev/null",
		Confirm:     "env | grep -i _proxy",
	},
	// A client that could not verify the OCSP response its server stapled
	// (nginx's own stapling says "OCSP_basic_verify() failed").
	{
		ID: StaplingFailed, Kind: "client", Without: []string{"ocsp_basic_verify() failed", "while requesting certificate status"},
		Match:       []string{"ocsp_basic_verify:certificate verify error"},
		Title:       "An OCSP response could not be verified: its signer does not lead to a CA this side trusts",
		Explanation: "OpenSSL checked an OCSP response (one the server stapled to its handshake, or one fetched from a responder) and could not verify the certificate that signed it up to a trusted CA: the CA file given to this program lacks the issuer of the server's certificate (or the program was given none, and still checks a stapled response, as pgbouncer and other libtls programs do even with sslmode require), or the responder signs with a certificate its CA did not delegate.",
		Fix:         "Give the program the CA chain of the server it connects to, and verify with it (pgbouncer: server_tls_sslmode = verify-ca with server_tls_ca_file = ca.pem); see the stapled response and check it against that CA:\n  openssl s_client -connect host:5432 -starttls postgres -status -CAfile ca.pem </dev/null",
		Confirm:     "openssl s_client -connect host:443 -servername host -status -CAfile ca.pem </dev/null 2>/dev/null | grep -A3 'OCSP Response Status'",
	},
	// Azure Application Gateway, the TLS client of its backends.
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match:       []string{"backend server certificate is not whitelisted with application gateway", "does not match the trusted root certificate added to the application gateway", "common name (cn) of the backend certificate does not match"},
		Title:       "Application Gateway does not accept its backend's certificate",
		Explanation: "Azure Application Gateway is the TLS client of its backend pool, and its backend health check failed on the backend's certificate: the certificate (v1: the authentication certificate uploaded to the HTTP settings) or its root (v2: the trusted root certificate) is not the one the gateway holds, the backend does not send its full chain, or the certificate's CN or SAN does not match the host name the HTTP settings or the health probe use.",
		Fix:         "Look at what the backend serves, with the host name the probe uses, and compare it with the certificate or root uploaded to the HTTP settings; then set the host name of the HTTP settings and probe to a name in the certificate:\n  openssl s_client -connect backend:443 -servername app.example.com -showcerts </dev/null",
		Confirm:     "openssl s_client -connect backend:443 -servername app.example.com </dev/null 2>/dev/null | openssl x509 -noout -subject -text | grep -A1 -e '^subject=' -e 'Subject Alternative Name'",
	},
	// ProxySQL's note for a TLS client without a certificate.
	{
		ID: NoClientCert, Kind: "client",
		Match:       []string{"x509 error: no required certificate sent by client"},
		Title:       "ProxySQL: a client connected over TLS without a client certificate (harmless unless you require one)",
		Explanation: "ProxySQL 2.1 and later log this for every TLS connection whose client sends no certificate, even when none is required: a user with use_ssl=1 still connects, and the line is harmless. It matters only when the clients are meant to authenticate with certificates.",
		Fix:         "If the connections succeed, nothing is wrong (newer ProxySQL releases make it a warning that can be turned off). If clients must send certificates, give them theirs:\n  mysql -h proxysql -P 6033 --ssl-mode=VERIFY_CA --ssl-ca=ca.pem --ssl-cert=client.crt --ssl-key=client.key",
		Confirm:     "mysql -h proxysql -P 6033 --ssl-mode=REQUIRED -e 'SHOW SESSION STATUS LIKE \"Ssl_version\"'",
	},
	// Go's client told to speak TLS to a proxy that speaks plain HTTP.
	{
		ID: PlainHTTP, Kind: "client",
		Match:       []string{"proxyconnect tcp: tls: first record does not look like a tls handshake", "proxyconnect tcp: tls: oversized record", "proxyconnect tcp: tls: server gave http response"},
		Title:       "The proxy URL says https://, but the proxy speaks plain HTTP",
		Explanation: "proxyconnect is the Go client's connection to its proxy (HTTPS_PROXY, HTTP_PROXY, a Docker daemon's or kubelet's proxy settings), not to the server. With a proxy URL that starts with https://, Go speaks TLS to the proxy itself; most proxies (Squid, corporate proxies, cntlm) take plain HTTP and then tunnel the TLS of the real connection with CONNECT, so the proxy's plain answer is not TLS.",
		Fix:         "Write the proxy's URL with http://, even for HTTPS traffic (the TLS to the server still goes through the tunnel):\n  export HTTPS_PROXY=http://proxy.example.com:3128\nFor the Docker daemon, the same in its systemd drop-in or daemon.json proxies, then restart it.",
		Confirm:     "env | grep -i _proxy",
	},
	// Browsers and Apple's platforms limit a server certificate's lifetime.
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match:       []string{"err_cert_validity_too_long", "mozilla_pkix_error_validity_too_long"},
		Title:       "The server's certificate is valid for too long for the browser",
		Explanation: "Browsers refuse a server certificate whose validity period is longer than they allow: 398 days for a publicly trusted CA (since September 2020), and on Apple's platforms 825 days even for a CA the user installed. Certificates made by hand with -days 3650, and ones a debugging or intercepting proxy (Fiddler, Charles, an old mitmproxy) generates from its own root, fail so.",
		Fix:         "Issue the server certificate for at most 397 days (the CA itself may live longer):\n  openssl x509 -req -sha256 -days 397 -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -extfile server.ext -out server.crt\nand for a proxy, let it generate shorter certificates (or upgrade it).",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -dates",
	},
	// Squid's error page when it bumps TLS and cannot verify the origin.
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match: []string{"(tls code: x509_v_err_", "negotiating tls on fd"},
		// cache.log's words for the same failure ("kid1| ERROR: negotiating
		// TLS on FD 23: ...:certificate verify failed"), not its others.
		Within:      []string{"x509_v_err_", "certificate verify failed"},
		Title:       "Squid, bumping TLS, could not verify the origin server's certificate",
		Explanation: "Squid with SslBump is the TLS client of the origin server, and its error page (ERR_SECURE_CONNECT_FAIL) or cache.log gives the OpenSSL verify error it met there. X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY, or certificate verify failed in cache.log, mostly means the origin does not send its intermediate: browsers find it anyway (cached, or fetched from the certificate's AIA URL), while Squid before 4 never fetches it, and later releases fetch it through their own access rules (an http_access that asks for proxy authentication, or denies the CA's host, blocks that download: TCP_DENIED for the CA's URL in access.log). Other codes are the origin's (expired, a name) or Squid's own CA store lacking a root.",
		Fix:         "Give Squid the missing intermediates, or let its own download of them through (before the authentication rules), and a current CA store, in squid.conf:\n  sslproxy_foreign_intermediate_certs /etc/squid/intermediates.pem\n  acl fetch transaction_initiator certificate-fetching\n  http_access allow fetch\n  tls_outgoing_options cafile=/etc/ssl/certs/ca-certificates.crt",
		Confirm:     "openssl s_client -connect origin.example.com:443 -servername origin.example.com -showcerts </dev/null 2>/dev/null | grep -c 'BEGIN CERTIFICATE'",
	},
	// Servers' own settings that their release does not take.
	{
		ID: StartupFailed, Kind: "client",
		Match:       []string{"none of the ssl protocols specified are supported by the ssl engine"},
		Title:       "The Java server's enabled TLS protocols name none its JVM allows",
		Explanation: "A Java server (Tomcat's JSSESocketFactory, and applications built on it such as the UniFi controller) was given a list of enabled protocols (Tomcat: sslEnabledProtocols; UniFi: unifi.https.sslEnabledProtocols in system.properties) of which the JVM supports none: names this JVM does not know (SSLv2Hello with a + sign, a misspelling), or only versions a newer JDK disables (TLSv1 and TLSv1.1 are in jdk.tls.disabledAlgorithms since Java 8u291 and 11.0.11). HTTPS then has no protocol to speak.",
		Fix:         "Name the versions the JVM allows, or remove the setting to take the JVM's default:\n  sslEnabledProtocols=\"TLSv1.2,TLSv1.3\"\nand see what the JVM disables:\n  grep -A3 '^jdk.tls.disabledAlgorithms' $JAVA_HOME/conf/security/java.security",
		Confirm:     "openssl s_client -connect host:8443 -tls1_2 </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"sslwantreaderror", "sslwantwriteerror"},
		Title:       "A non-blocking TLS socket needed more data, and the program did not wait for it (not a certificate problem)",
		Explanation: "Python's ssl module raises SSLWantReadError (or SSLWantWriteError) on a non-blocking socket when TLS needs more bytes before it can go on; the caller is to wait and retry. Seen as an uncaught traceback, it is a bug of the program or of its server or worker library (a regression of one release, such as gunicorn 24's gthread worker reading a request body over TLS), not a failed handshake or a refused certificate.",
		Fix:         "Find the release of the library in the traceback, pin the one before it or upgrade to the fixed one, and look in its issue tracker:\n  pip show gunicorn\n  pip install 'gunicorn<24'",
		Confirm:     "pip show gunicorn",
	},
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"failed to set up ssl because of the following ssl library error"},
		Title:       "MySQL could not set up TLS at start-up with its certificate files",
		Explanation: "mysqld could not load the TLS files it was given (ssl_ca, ssl_cert, ssl_key) or, when none are set, the ones it generated in its data directory (ca.pem, server-cert.pem, server-key.pem): files left broken or from another installation in a reused data volume, files the mysql user cannot read, a key that is not the certificate's, or a CA path the library cannot use. It then starts without TLS, and clients that require TLS fail.",
		Fix:         "Look at the files and their owner; move broken generated ones away so that mysqld makes new ones at its next start, or name good ones:\n  ls -l /var/lib/mysql/*.pem\n  openssl x509 -noout -subject -dates -in /var/lib/mysql/server-cert.pem",
		Confirm:     "mysql -e \"SHOW VARIABLES LIKE '%ssl%'\"",
	},
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match:       []string{"server certificate not verified"},
		Within:      []string{"postfix/", "smtp", "delivery temporarily suspended"},
		Title:       "Postfix's SMTP client could not verify the receiving server's certificate",
		Explanation: "Postfix sent mail at a TLS level that requires a verified certificate (dane, verify, secure or fingerprint, for every destination or one in smtp_tls_policy_maps) and the MX's certificate did not pass, so the mail stays deferred. With DANE, the recipient domain's DNSSEC-signed TLSA records do not match the certificate its MX serves (a certificate renewed with a new key while TLSA still names the old one); with fingerprint, the MX's certificate (or key) changed, as at each renewal of a self-signed one, and no longer matches the fingerprint in the policy; with verify or secure, the CA is not in smtp_tls_CAfile or the MX's name is not in the certificate; the lines before this one (certificate verification failed for ...) say which.",
		Fix:         "See what Postfix sees, with the same policy:\n  posttls-finger -t30 -T180 -c -L verbose,summary example.com\nFor DANE, compare the TLSA records with the certificate's key:\n  dig +dnssec +short TLSA _25._tcp.mx.example.com\nThe recipient's administrator publishes TLSA records for the new key before deploying it; until then, a policy entry may lower that destination's level.",
		Confirm:     "posttls-finger -t30 -T180 -c -L verbose,summary example.com",
	},
	{
		ID: StartupFailed, Kind: "client",
		Match:       []string{"invalid tls protocol list"},
		Title:       "Postfix does not understand its TLS protocol list, and turned TLS off",
		Explanation: "smtpd_tls_protocols, smtpd_tls_mandatory_protocols (or the smtp_ and lmtp_ ones) hold a list this Postfix cannot read: a protocol name it or its OpenSSL does not know (TLSv1.3 on a release without TLS 1.3, TLSv1.1 and TLSv1.2 on very old ones), or the >=TLSv1.2 form that only Postfix 3.6 and later take, often from a configuration written for a newer release. smtpd then disables TLS (\"disabling TLS support\"), or smtp aborts the session, and clients that need TLS fail.",
		Fix:         "See the release and the lists, then write them as exclusions, which every release takes:\n  postconf mail_version\n  postconf -n | grep tls_.*protocols\n  postconf -e 'smtpd_tls_protocols = !SSLv2, !SSLv3' 'smtpd_tls_mandatory_protocols = !SSLv2, !SSLv3'\n  postfix reload",
		Confirm:     "postconf mail_version",
	},
	{
		ID: StartupFailed, Kind: "client",
		Match:       []string{"invalid tls eecdh grade"},
		Title:       "Postfix does not know this smtpd_tls_eecdh_grade value, and turned ECDHE off",
		Explanation: "smtpd_tls_eecdh_grade (or smtp_tls_eecdh_grade) holds a value this Postfix does not take: auto needs Postfix 3.2 or later, and a configuration written for a newer release (a mail stack's update) fails so on an older one. Postfix then disables ECDHE key exchange, and clients that want it fail or fall back to weaker suites.",
		Fix:         "See the release and the setting, then use a value it takes (strong, or remove the line):\n  postconf mail_version\n  postconf -n | grep eecdh\n  postconf -e 'smtpd_tls_eecdh_grade = strong'",
		Confirm:     "postconf mail_version",
	},
	{
		ID: StartupFailed, Kind: "client",
		Match:       []string{"invalid clientauth:"},
		Title:       "The exporter's web configuration names a client_auth_type it does not take",
		Explanation: "A Prometheus exporter (or Prometheus itself) read client_auth_type in its --web.config.file and did not recognise it. The names are NoClientCert, RequestClientCert, RequireAnyClientCert, VerifyClientCertIfGiven and RequireAndVerifyClientCert, spelled exactly; one release of exporter-toolkit rejected the documented RequireAnyClientCert by a typo, fixed in the next.",
		Fix:         "Spell the value exactly, and for mutual TLS use the one that checks the client's CA (with client_ca_file set); with a correct name, upgrade the exporter:\n  client_auth_type: RequireAndVerifyClientCert",
		Confirm:     "grep -n client_auth_type web-config.yml",
	},
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"ssl verify setup failure"},
		Title:       "pgbouncer could not set up the verification of its TLS certificate",
		Explanation: "pgbouncer (since 1.7.1) checks client_tls_cert_file against client_tls_ca_file when it builds its TLS context, and without client_tls_ca_file against the system's CA store: a self-signed certificate (the snakeoil one) or one from a private CA fails there, as does a CA file that is missing or unreadable.",
		Fix:         "Name the CA that issued pgbouncer's certificate (for a self-signed one, the certificate itself):\n  client_tls_ca_file = /etc/pgbouncer/ca.pem\nand check the pair:\n  openssl verify -CAfile /etc/pgbouncer/ca.pem /etc/pgbouncer/server.crt",
		Confirm:     "openssl verify -CAfile /etc/pgbouncer/ca.pem /etc/pgbouncer/server.crt",
	},
	{
		ID: StartupFailed, Kind: "client",
		Match:       []string{"attempted a tls connection without openssl support"},
		Title:       "This Asterisk was built without TLS",
		Explanation: "The running Asterisk binary has its TLS code compiled out: it was built without OpenSSL's headers, or on a C library without funopen or fopencookie (musl, as in OpenWrt's packages), so every TLS connection (SIP over TLS, WebSocket over wss) fails whatever the certificates.",
		Fix:         "Install a build with OpenSSL support (or rebuild with libssl-dev and a glibc toolchain); check what the running binary links:\n  ldd $(command -v asterisk) | grep -i ssl",
		Confirm:     "asterisk -rx 'core show settings' | grep -i ssl",
	},
	{
		ID: KeyLoadFailed, Kind: "client",
		Match:       []string{"could not fake private key"},
		Title:       "OpenSMTPD cannot use this key type (an ECDSA key on an older OpenSMTPD)",
		Explanation: "OpenSMTPD keeps private keys in a separate privileged process and gives the TLS process a stand-in key; older releases could build that stand-in for RSA keys only, so a certificate with an ECDSA key (Let's Encrypt's clients can issue them) stops it.",
		Fix:         "Issue the certificate with an RSA key, or upgrade OpenSMTPD (ECDSA keys are supported from 6.6):\n  certbot certonly --key-type rsa -d mail.example.com",
		Confirm:     "openssl x509 -noout -text -in /etc/ssl/mail.crt | grep 'Public Key Algorithm'",
	},
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"cert_file_not_found"},
		Title:       "EMQX cannot find a certificate file a listener or bridge names",
		Explanation: "An EMQX SSL listener or client (bridge, authentication, connector) names a certificate, key or CA file that does not exist: a path that is wrong or not mounted in the container. With an empty path (path: []), a listener saved with no CA file while verify_peer is off logs it on EMQX 5.7, harmlessly (fixed in later releases).",
		Fix:         "Check the paths of the listener's ssl_options, and set cacertfile when it is empty, or upgrade:\n  emqx ctl listeners\n  ls -l /opt/emqx/etc/certs/",
		Confirm:     "ls -l /opt/emqx/etc/certs/",
	},
	// Erlang/OTP clients refused by the server in the hello state.
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"in state hello received server alert: fatal - handshake failure"},
		Title:       "The server refused the Erlang client's hello (alert 40 handshake_failure)",
		Explanation: "The server ended the handshake on the Erlang/OTP client's ClientHello: no server name (SNI) was sent, so a server or CDN with many sites had no certificate to choose (the client connected by IP address, or a library release, such as some of hackney's, passed the resolved address instead of the host name), or no TLS version, cipher or curve in common (OTP upgrades change the defaults, and an old server may offer only what OTP now leaves out).",
		Fix:         "Compare the server's answer with and without SNI:\n  openssl s_client -connect host:443 -servername host </dev/null\n  openssl s_client -connect host:443 -noservername </dev/null\nIf only the first works, set {server_name_indication, \"host\"} in the ssl options (or upgrade the HTTP library); if both fail, set {versions, ['tlsv1.2']} and check the ciphers the server takes.",
		Confirm:     "openssl s_client -connect host:443 -servername host -tls1_2 </dev/null",
	},
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match:       []string{"issuer check against peer certificate failed"},
		Title:       "The server's certificate was not issued by the given issuer (error 83)",
		Explanation: "This is libcurl's text for error 83 (CURLE_SSL_ISSUER_ERROR): the client names the certificate that must have issued the server's (CURLOPT_ISSUERCERT), and the server's certificate comes from another issuer: a renewal from another CA or intermediate, or another server answering.",
		Fix:         "Compare the server certificate's issuer with the certificate given as issuer:\n  openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -issuer\n  openssl x509 -noout -subject -in issuer.crt",
		Confirm:     "openssl x509 -noout -subject -in issuer.crt",
	},
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"failed to load crl file (path? access rights?, format?)"},
		Title:       "libcurl could not load the CRL file (error 82)",
		Explanation: "This is libcurl's text for error 82 (CURLE_SSL_CRL_BADFILE): the CRL file given to it (--crlfile, CURLOPT_CRLFILE) does not exist, is not readable, or is not a PEM CRL.",
		Fix:         "Check that the file is a readable PEM CRL:\n  openssl crl -noout -lastupdate -nextupdate -in crl.pem",
		Confirm:     "ls -l crl.pem",
	},
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"couldn't use specified ssl cipher", "could not use specified ssl cipher", "unknown cipher in list", "failed setting cipher list"},
		Title:       "libcurl knows none of the ciphers it was told to use (error 59)",
		Explanation: "This is libcurl's text for error 59 (CURLE_SSL_CIPHER): the cipher list given to it (--ciphers, --tls13-ciphers, CURLOPT_SSL_CIPHER_LIST) names no cipher its TLS library supports (OpenSSL, GnuTLS, Schannel and Secure Transport name them differently). A curl built on NSS (RHEL and CentOS 6 and 7) takes NSS's names only and answers an OpenSSL-style list (ALL:!aNULL:...) with `Unknown cipher in list`: a program that passes OpenSSL's names to the system's libcurl (Shibboleth's shibd fetching metadata) needs a libcurl built on OpenSSL (libcurl-openssl) or the NSS names.",
		Fix:         "List the ciphers this curl's TLS library knows and use those names (for OpenSSL):\n  openssl ciphers -v 'ECDHE+AESGCM'",
		Confirm:     "curl -V",
	},
	{
		// Seen with curl against a real Go server that refused the client
		// certificate over TLS 1.3: "curl: (55) Send failure: Connection
		// reset by peer".
		// git (libcurl) prints the same words after "fatal: unable to
		// access", and "Send failure: Broken pipe" when the server has
		// already closed (real runs against HAProxy, Apache, Python and Go
		// servers refusing git's client certificate).
		ID: HandshakeFailed, Kind: "client", Within: []string{"curl: (55)", "curl: (56)", "fatal: unable to access"},
		Match:       []string{"send failure: connection reset by peer", "recv failure: connection reset by peer", "getpeername() failed", "send failure: broken pipe"},
		Title:       "The server closed or reset the connection (curl 55/56, git)",
		Explanation: "The connection was reset by the server (or by something in between) after it was open. In mutual TLS this is often the server refusing the client certificate: in TLS 1.3 the client finishes its side of the handshake before the server has checked its certificate, so a server that refuses it and closes (a Go server does) shows up at the client's next send or receive as a reset rather than an alert. Otherwise the server process failed, or a proxy, firewall or load balancer cut the connection.",
		Fix:         "Try the same request over TLS 1.2, where the refusal arrives as an alert with its reason, and read the server's log:\n  curl -v --tls-max 1.2 --cert client.crt --key client.key https://host/\nCheck the client certificate against the CA the server trusts:\n  openssl verify -auth_level 2 -purpose sslclient -CAfile ca.crt -untrusted int.crt client.crt",
		Confirm:     "mtlsdoctor probe host:443 --cert client.crt --key client.key",
	},
	// Servers that pick a certificate per name (Caddy and certmagic, Go).
	{
		ID: HandshakeFailed, Kind: "client", Level: infoLevel,
		Match:       []string{"no certificate available for", "no matching certificates and no custom selection logic", "no certificate matching tls clienthello"},
		Title:       "The server has no certificate for the name the client asked for",
		Explanation: "A Go server that chooses its certificate by the name in the ClientHello (SNI), such as Caddy or a program on certmagic, got a name (or, without SNI, an IP address) it has no certificate for. Usually harmless: scanners and health checks connect by IP address. Otherwise a client uses a domain that is not configured, or the certificate for that domain was never obtained (ACME failed, see earlier lines), or the client is a proxy in front that connects to this server by IP address and so sends no name (Caddy's reverse_proxy to https://IP, nginx's proxy_pass without proxy_ssl_server_name). Caddy's default_sni global option names the certificate for clients that send no name.",
		Fix:         "Nothing for scanners and checks by IP address. For a real domain, add it to the server's configured sites and check that its certificate was obtained; clients must connect by that hostname (SNI), not by IP. A proxy in front must send the name: Caddy's transport http { tls_server_name domain.example.com }; nginx:\n  proxy_ssl_server_name on;\n  proxy_ssl_name domain.example.com;\nThen check:\n  openssl s_client -connect host:443 -servername domain.example.com </dev/null",
		Confirm:     "openssl s_client -connect host:443 -servername domain.example.com </dev/null",
	},
	// ingress-nginx's controller checking an Ingress's TLS secret.
	{
		ID: ServerHostnameMismatch, Kind: "client", Side: "server",
		Match: []string{"does not contain a common name or subject alternative name for host", "does not contain a common name for host",
			"error validating ssl certificate"},
		Within:      []string{"does not contain a common name", "is valid for", "not valid for any names", "relies on legacy common name"},
		Title:       "ingress-nginx: the TLS secret's certificate does not name the Ingress host",
		Explanation: "The ingress-nginx controller checked the certificate in the Ingress's TLS secret against the host it serves and found the hostname neither in its subjectAltName (SAN) nor in its Common Name (a wildcard *.example.com covers one label below example.com, neither example.com itself nor a.b.example.com). It then serves its default (fake) certificate for that host, which clients refuse. Controllers of 2017 and before (before 0.9), whose message says only `common name`, read no subjectAltName at all and refused certificates that name the host only there: upgrade those. Later ones (Go 1.15 and on, `x509: certificate relies on legacy Common Name field`) read only the subjectAltName: a certificate with the host in its CN alone fails.",
		Fix:         "Put a certificate for that hostname in the secret (its SAN must carry it), or list the host under the right tls entry of the Ingress:\n  kubectl create secret tls NAME --cert=server.crt --key=server.key --dry-run=client -o yaml | kubectl apply -f -",
		Confirm:     "kubectl get secret NAME -o jsonpath='{.data.tls\\.crt}' | base64 -d | openssl x509 -noout -text | grep -A1 'Subject Alternative Name'",
	},
	// JSSE's TLS 1.2 server words a missing client certificate as an
	// empty "server" chain (later JDKs say "client").
	{
		ID: NoClientCert, Kind: "client",
		Match:       []string{"empty server certificate chain"},
		Title:       "The Java server requires a client certificate and the client sent none (Empty server certificate chain)",
		Explanation: "Java's TLS 1.2 server code (JSSE, under Netty, Tomcat, Kafka, Elasticsearch...) reports an empty Certificate message from the client with these words, although it is the client's chain that was empty (later JDKs say \"Empty client certificate chain\"). The server requires client authentication (needClientAuth, ssl.client.auth=required, client_authentication: required) and the client sent no certificate: it has none configured, its key store holds no private key entry, or none of its certificates was issued by a CA in the server's list of acceptable CAs (the server's trust store), so the client sent nothing. When a Java client prints it, the server sent no certificate: the server's key store holds no private key entry.",
		Fix:         "Give the client a certificate and key from a CA the server trusts (curl --cert client.crt --key client.key; Java -Djavax.net.ssl.keyStore=client.p12), and put that CA in the server's trust store:\n  keytool -importcert -alias client-ca -file ca.crt -keystore truststore.p12\nSee which CAs the server asks for:\n  openssl s_client -connect host:443 </dev/null 2>/dev/null | grep -A5 'Acceptable client'",
		Confirm:     "openssl s_client -connect host:443 -cert client.crt -key client.key </dev/null",
	},
	// Spring Boot's embedded Tomcat failing to open its TLS port.
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"failed to start connector", "connector configured to listen on port", "could not load store from"},
		Title:       "Tomcat could not start its HTTPS connector",
		Explanation: "The embedded Tomcat (Spring Boot) or a standalone one could not open its TLS port. Most often its keystore: server.ssl.key-store (or certificateKeystoreFile) missing or not on the classpath path given, a wrong key-store-password, key-store-type not matching the file (PKCS12 or JKS), or key-alias naming no key; else the port is taken. The 'Caused by' lines after it name which.",
		Fix:         "Check the keystore settings against the file:\n  keytool -list -v -keystore server.p12 -storetype PKCS12\nin application.properties:\n  server.ssl.key-store=classpath:server.p12\n  server.ssl.key-store-password=changeit\n  server.ssl.key-store-type=PKCS12\n  server.ssl.key-alias=server",
		Confirm:     "keytool -list -v -keystore server.p12",
	},
	// APISIX choosing a server certificate by SNI.
	{
		ID: HandshakeFailed, Kind: "client", Level: infoLevel,
		Match:       []string{"failed to find any ssl certificate by sni", "failed to match any ssl certificate by sni", "failed to find sni"},
		Title:       "APISIX has no certificate for the name the client asked for (SNI)",
		Explanation: "APISIX picks the server certificate by the SNI name in the ClientHello and has no SSL object for this one. Usually harmless: health checks, scanners and clients that connect by IP address send no name or another one. Otherwise the SSL object for that host (its snis list) is missing, or was written where this APISIX does not read it (APISIX 3 reads /apisix/admin/ssls; the 2.x dashboard wrote the old ssl key). Clients that connect by IP send no SNI at all: apisix.ssl.fallback_sni in config.yaml names the certificate for them.",
		Fix:         "Nothing for checks and scanners. For a real host, add an SSL object whose snis list carries the name through the Admin API (PUT /apisix/admin/ssls/1 with cert, key and snis), and connect with that name:\n  openssl s_client -connect host:443 -servername host.example.com </dev/null",
		Confirm:     "openssl s_client -connect host:443 -servername host.example.com </dev/null",
	},
	// lua-resty-auto-ssl setting a certificate for a name.
	{
		ID: LogKeyMismatch, Kind: "client",
		Match:       []string{"auto-ssl: failed to set certificate"},
		Title:       "lua-resty-auto-ssl could not use its stored certificate for this name",
		Explanation: "In ssl_certificate_by_lua, auto-ssl loaded the certificate and private key it stored for this name and OpenSSL refused one of them (the reason follows: failed to set private key, a key that does not match the certificate, a damaged entry in its storage), so it served its fallback certificate.",
		Fix:         "Remove that name's stored certificate and key from auto-ssl's storage (its file directory or Redis keys) so that it issues a new pair, then check the logs of the next request:\n  openssl s_client -connect host:443 -servername name.example.com </dev/null",
		Confirm:     "openssl s_client -connect host:443 -servername name.example.com </dev/null 2>/dev/null | openssl x509 -noout -subject -dates",
	},
	// PostgreSQL's server refusing a client certificate: version 15 and
	// earlier log no reason (a real PostgreSQL 15 run here).
	{
		ID: VerifyError, Kind: "client", Within: []string{"could not accept ssl connection"},
		Match:       []string{"certificate verify failed"},
		Title:       "The PostgreSQL server refused the client's certificate",
		Explanation: "The PostgreSQL server asked for a client certificate (ssl_ca_file is set) and the one the client sent did not verify against the CAs in ssl_ca_file (and the CRL in ssl_crl_file); the connection ends before pg_hba.conf is read. PostgreSQL 15 and earlier do not log why; 16 and later add a DETAIL line with the verify result. The usual causes: the client's CA, or the intermediate between, is not in ssl_ca_file and the client does not send it; the certificate is expired or not yet valid; ssl_crl_file lists it as revoked; or it was not made for client authentication (its extendedKeyUsage lacks clientAuth).",
		Fix:         "Check the client certificate against the server's ssl_ca_file, as the server does:\n  openssl verify -CAfile root.crt -purpose sslclient client.crt\nthen put the CA that issued it, and its intermediates, in ssl_ca_file (postgresql.conf) and reload:\n  ssl_ca_file = 'root.crt'\n  psql -c 'SELECT pg_reload_conf()'",
		Confirm:     "openssl verify -CAfile root.crt -purpose sslclient client.crt",
	},
	// PostgreSQL's server when its client closes in the handshake (a real
	// run: psql that could not load its own SHA-1-signed certificate).
	{
		ID: HandshakeFailed, Kind: "client", Within: []string{"could not accept ssl connection"},
		Match:       []string{"eof detected", "unexpected eof while reading"},
		Title:       "A PostgreSQL client closed the connection during the TLS handshake",
		Explanation: "The PostgreSQL server was in the TLS handshake with a client that closed the connection without an alert. Most often the client gave up on its own side: it refused the server's certificate without saying so, or could not load its own client certificate (psql then prints `could not read certificate file`, as with a SHA-1-signed one at OpenSSL 3's default security level). A health check or port scanner that opens and closes the port without a handshake is logged so too, and then it is harmless.",
		Fix:         "Read the client's own error. To test the server's side with its certificate chain:\n  openssl s_client -connect db.example.com:5432 -starttls postgres </dev/null",
		Confirm:     "openssl s_client -connect db.example.com:5432 -starttls postgres </dev/null",
	},
	// mosquitto's clients (mosquitto_pub, mosquitto_sub, libmosquitto):
	// one line each, as real runs against a real broker showed. -d adds
	// OpenSSL's error line.
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match:       []string{"a tls error occurred"},
		Title:       "The MQTT client (libmosquitto) refused the broker's certificate, or could not load its own",
		Explanation: "mosquitto_pub, mosquitto_sub and other programs on libmosquitto print only this (`Error: A TLS error occurred.`, or `Unable to connect (A TLS error occurred.).`) for a TLS failure of their own. In real runs it was the client refusing the broker's certificate (not issued by the CA given with --cafile or found in --capath, or not carrying the name given with -h), or failing to load its own client certificate (`Unable to load client certificate`, as a SHA-1-signed one at OpenSSL 3's default security level); when the broker requires client certificates, the broker refusing the client's (one without clientAuth in its extendedKeyUsage, as a Windows CA's Web Server template issues, or from a CA the broker's cafile lacks) ends the same way, and the broker's log says so. With -d the client prints OpenSSL's reason (`OpenSSL Error[0]: ... certificate verify failed`). A client given TLS options (a CA file) but pointed at the broker's plain listener (1883) fails the same way: the port must be the broker's TLS listener.",
		Fix:         "Give the client the CA that issued the broker's certificate, and connect by a name the certificate carries:\n  mosquitto_sub -d --cafile ca.crt -h broker -p 8883 -t test",
		Confirm:     "openssl s_client -connect broker.example.com:8883 -CAfile ca.crt </dev/null 2>/dev/null | grep 'Verify return code'",
	},
	{
		ID: NoClientCert, Kind: "client", Side: "client",
		Match:       []string{"connection refused: bad user name or password", "connection refused: not authorised", "connection refused: not authorized"},
		Title:       "The MQTT broker refused the client's credentials (with certificate login, no certificate or an unknown name)",
		Explanation: "The broker answered the CONNECT with a refusal of the client's identity. Where the broker takes the user from the client certificate (mosquitto's use_identity_as_username or use_subject_as_username), three causes cover most cases: 1. the client sent no certificate: mosquitto_pub and mosquitto_sub turn TLS on only with --cafile or --capath, so --cert and --key alone connect without TLS (to a plain listener, or fail), and other clients need their TLS option on as well; 2. the certificate's Common Name (or subject) is not a user the broker's ACL or plugin knows; 3. the listener that checks certificates is another port than the one used (8883 against 1883). Without certificate login, the user name or password is wrong or the password file was not reloaded.",
		Fix:         "Give the client the CA as well as its certificate, on the TLS listener, and compare the certificate's name with the broker's ACL:\n  mosquitto_pub -d -h broker.example.com -p 8883 --cafile ca.crt \\\n      --cert client.crt --key client.key -t test -m hi\n  openssl x509 -noout -subject -in client.crt",
		Confirm:     "openssl x509 -noout -subject -in client.crt",
	},
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"error: unable to load client certificate \"", "error: unable to load client key file \""},
		Title:       "The MQTT client (libmosquitto) could not load its client certificate or key",
		Explanation: "mosquitto_pub, mosquitto_sub or another program on libmosquitto could not load the file given with --cert or --key (a bridge: bridge_certfile, bridge_keyfile), so it did not connect. The OpenSSL line after it says why: `ca md too weak` is a certificate signed with SHA-1, which OpenSSL 3 refuses at its default security level (a real run here); `No such file or directory` a wrong path; `bad decrypt` an encrypted key without its password; `key values mismatch` a key that does not belong to the certificate.",
		Fix:         "Check both files; a SHA-1-signed certificate must be signed again with SHA-256:\n  openssl x509 -noout -text -in client.crt | grep 'Signature Algorithm'\n  openssl pkey -noout -in client.key",
		Confirm:     "openssl x509 -noout -subject -in client.crt && openssl pkey -noout -in client.key",
	},
	{
		ID: HandshakeFailed, Kind: "client", Within: []string{"mosquitto_"},
		Match:       []string{"error: the connection was lost", "error: protocol error"},
		Exact:       []string{"error: the connection was lost.", "error: protocol error"},
		Title:       "The MQTT broker ended the connection: most often it refused the client certificate",
		Explanation: "mosquitto_pub, mosquitto_sub and other programs on libmosquitto print `The connection was lost` or `Protocol error` when the broker ends the TLS connection. In real runs against a mosquitto broker with require_certificate true, this was the broker refusing the client certificate: none sent, from a CA not in the broker's cafile, expired, or revoked by its crlfile (over TLS 1.3 the refusal comes after the handshake, as a lost connection; over TLS 1.2 as a protocol error). The broker's log says which (`OpenSSL Error[0]: ... peer did not return a certificate` or `certificate verify failed`), and the client's -d shows the alert.",
		Fix:         "Give the client its certificate and key, from the CA in the broker's cafile, and see the alert with -d:\n  mosquitto_sub -d -h broker -p 8883 -t test --cafile ca.crt \\\n    --cert client.crt --key client.key",
		Confirm:     "openssl verify -CAfile ca.crt -purpose sslclient client.crt",
	},
	// PostgreSQL's cert method: the certificate's CN must be the user (a
	// real PostgreSQL 15 run).
	{
		ID: ClientCertRejected, Kind: "client",
		Match:       []string{"certificate authentication failed for user", "and authenticated user name (", "no match in usermap"},
		Title:       "PostgreSQL accepted the client certificate, but its CN is not the database user",
		Explanation: "The TLS handshake succeeded: the server trusts the client certificate. But the pg_hba.conf line that matched uses the cert method (or clientcert=verify-full), which also requires the certificate's CN to be the database user name asked for, or to map to it through pg_ident.conf (map= on that line). The server's log names both: `provided user name (USER) and authenticated user name (CN) do not match`.",
		Fix:         "Connect as the user the certificate names (its CN), issue the certificate with CN=user, or map the CN to the user in pg_ident.conf and name the map on the pg_hba.conf line, then reload:\n  # pg_ident.conf:  certmap  client1  app\n  # pg_hba.conf:    hostssl all all 0.0.0.0/0 cert map=certmap\n  psql -c 'SELECT pg_reload_conf()'",
		Confirm:     "openssl x509 -noout -subject -in client.crt",
	},
	// libpq's own check of the server's name (sslmode=verify-full).
	{
		ID: ServerHostnameMismatch, Kind: "client",
		Match:       []string{"does not match host name"},
		Title:       "The server's certificate does not carry the host name the PostgreSQL client used",
		Explanation: "libpq (psql and the drivers built on it) with sslmode=verify-full checks that the server's certificate carries the name in host=: the line names what the certificate holds and the name asked for. A connection by IP address, or by a name the certificate lacks, fails so.",
		Fix:         "Connect by a name the certificate carries (hostaddr= keeps the address while host= names it), or reissue the server's certificate with that name in its subjectAltName:\n  psql \"host=db.example.com hostaddr=10.0.0.5 sslmode=verify-full sslrootcert=ca.crt\"",
		Confirm:     "openssl s_client -connect db.example.com:5432 -starttls postgres </dev/null 2>/dev/null | openssl x509 -noout -text | grep -A1 'Subject Alternative Name'",
	},
	// PostgreSQL's server with clientcert in pg_hba.conf.
	{
		ID: NoClientCert, Kind: "client",
		Match:       []string{"connection requires a valid client certificate"},
		Title:       "PostgreSQL requires a client certificate and got none it accepts",
		Explanation: "The pg_hba.conf line that matched this connection asks for a client certificate (the cert method, or clientcert=verify-ca/verify-full), and the client sent none (libpq sends ~/.postgresql/postgresql.crt, or the file sslcert names, only if it exists) or one the server's ssl_ca_file does not trust, or one without its intermediate: when an intermediate CA issued the client certificate and ssl_ca_file holds the root only, the client must send the intermediate too (after the certificate in the sslcert file, or inside the PKCS#12 file: openssl pkcs12 -export -certfile int.crt). The client may be a program that connects on others' behalf with settings of its own: a pooler or proxy (Pgpool-II, PgBouncer's server_tls_* settings, ProxySQL's monitor) or a Citus coordinator's connections to its workers; some cannot send a client certificate at all, and their addresses need a pg_hba line without clientcert.",
		Fix:         "Give the client its certificate and key (node-postgres: ssl: {ca, cert, key} with the files' contents, as it ignores sslcert and sslkey in a connection string; pgJDBC with a PKCS#12 sslkey: the key entry's alias must be user):\n  psql \"host=db.example.com sslmode=verify-full sslcert=client.crt sslkey=client.key sslrootcert=ca.crt\"\nand make the server trust its CA (the ssl_ca_file setting of postgresql.conf). If no client certificate is wanted, drop clientcert from that pg_hba.conf line.",
		Confirm:     "openssl s_client -connect db.example.com:5432 -starttls postgres </dev/null 2>/dev/null | grep -A3 'Acceptable client certificate CA names'",
	},
	// Go's http2 package refusing a cipher list without its required suite.
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"is missing an http/2-required"},
		Title:       "The Go server's cipher list lacks the suite HTTP/2 requires",
		Explanation: "The program set tls.Config.CipherSuites to a list without TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 (or its ECDSA twin), which HTTP/2 over TLS 1.2 requires; Go's http2 package refuses to serve with it.",
		Fix:         "Add the suite that fits the certificate's key to CipherSuites, or leave CipherSuites unset (Go's defaults are sound):\n  tls.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256\n  tls.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
		Confirm:     "openssl s_client -connect host:443 -alpn h2 -tls1_2 </dev/null",
	},
	// Clients that spoke TLS to a plain-HTTP port, in their own words.
	{
		ID: PlainHTTP, Kind: "client",
		Match: []string{"server gave http response to https client", "unsupported or unrecognized ssl message", "plaintext connection?", "tls: oversized record received with length 20527",
			// the same words quoted without Go's "tls: "
			"oversized record received with length 20527"},
		Title:       "The client spoke TLS to a port that answers in plain HTTP",
		Explanation: "The client (a Go program such as docker, containerd or a registry tool; a Java client) sent a TLS ClientHello and got plain HTTP back: the server, a registry for one, listens without TLS on that port, or the URL says https:// for an http:// service. A mail client set to implicit TLS (SMTPS: Jira's SECURE_SMTP, JavaMail's mail.smtp.ssl.enable) against a port that greets in plain text and wants STARTTLS (587, or 25) fails the same way: use STARTTLS there, or port 465. Vault's CLI speaks https://127.0.0.1:8200 unless VAULT_ADDR says otherwise: against a dev server's plain listener, a VAULT_ADDR=http://... that was set without export, or that sudo dropped (it clears the environment), gives these words (export it, or pass -address). Java prints the same words on a server that got plain text from its client (a Thrift or Netty server, such as Hive's metastore, whose clients were not set to use TLS): there, the client must turn TLS on.",
		Fix:         "Use http:// for that service, or turn TLS on in the server (grpcurl and grpcui: -plaintext). For a plain-HTTP Docker registry, declare it insecure in /etc/docker/daemon.json and restart dockerd (registry tools have a similar switch, such as regctl's --tls disabled):\n  {\"insecure-registries\": [\"registry.example.com:5000\"]}",
		Confirm:     "curl -sv http://host:port/ -o /dev/null",
	},
	// A client that spoke plain HTTP to a TLS port and got an alert back.
	{
		ID: PlainHTTP, Kind: "client", Side: "client",
		Match:       []string{"malformed http response \"\\x15\\x03", "malformed http response \"\\x16\\x03", "badstatusline('\\x15\\x03", "badstatusline('\\x16\\x03"},
		Title:       "The client spoke plain HTTP to a port that speaks TLS",
		Explanation: "The client sent a plain HTTP request and read back bytes that are a TLS record (\\x15\\x03 starts a TLS alert, \\x16\\x03 a handshake): the server on that port expects TLS. A Docker daemon started with --tlsverify answers so to a docker client not set up for TLS (tcp://host:2376 without DOCKER_TLS_VERIFY and the client's certificates); any URL that says http:// for an https:// service does the same.",
		Fix:         "Speak TLS to that port: use https://, or for the Docker daemon give the client its CA and client certificate:\n  docker --tlsverify --tlscacert ca.pem --tlscert cert.pem \\\n      --tlskey key.pem -H tcp://host:2376 info\n(or DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH=~/.docker with ca.pem, cert.pem and key.pem in it).",
		Confirm:     "openssl s_client -connect host:2376 </dev/null",
	},
	// rustls servers refusing an IP address in SNI.
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"received corrupt message of type invalidservername", "invalidservername"},
		Title:       "The rustls server refused the client's server name (an IP address in SNI)",
		Explanation: "The client put an IP address (or another invalid name) into the SNI extension, which TLS does not allow, and the rustls server refused the ClientHello. Clients that dial by IP and set the server name from the address (gRPC, hand-made Go or Rust clients) do this.",
		Fix:         "Give the client a DNS name to send as the server name (gRPC: the :authority or ssl_target_name_override; Go: tls.Config ServerName), and make sure the server's certificate carries that name:\n  subjectAltName=DNS:server.example.com",
		Confirm:     "openssl s_client -connect host:443 -servername server.example.com </dev/null",
	},
	// Windows' SChannel and a key it cannot use.
	{
		ID: KeyLoadFailed, Kind: "client",
		Match:       []string{"no credentials are available in the security package", "no credentials available in the security package", "0x8009030e", "the credentials supplied to the package were not recognized", "0x8009030d"},
		Title:       "Windows (SChannel) cannot use the certificate's private key",
		Explanation: "SslStream on Windows hands the certificate to SChannel (a server's own, or a client certificate given to HttpClient, WebRequest or an APNs library), which needs a private key stored in a key container: a key created in memory (X509Certificate2.CreateFromPemFile, CopyWithPrivateKey) is ephemeral and SChannel refuses it, and so it does a certificate without a private key or one the process's account may not read (an IIS application pool's identity, a service account). A PFX loaded from bytes inside IIS needs the pool's user profile to keep its key (Load User Profile = True, or the MachineKeySet storage flag).",
		Fix:         "Load the certificate and key from a PKCS#12 file, or re-import the in-memory one through PKCS#12 (new X509Certificate2(cert.Export(X509ContentType.Pkcs12))); make one with:\n  openssl pkcs12 -export -in cert.pem -inkey key.pem -out cert.pfx\nFor a certificate in the machine store, let the process's account read its key: certlm.msc, the certificate, All Tasks, Manage Private Keys.",
		Confirm:     "certutil -dump cert.pfx",
	},
	// Node (OpenSSL 3) refusing a PKCS#12 file with old algorithms.
	{
		ID: KeyLoadFailed, Kind: "client",
		Match: []string{"error: unsupported", "unsupported pkcs12 pfx data", "algorithm (rc2-40-cbc", "algorithm (rc2-cbc", "key of tls client credentials from"}, Exact: []string{"error: unsupported"},
		Within:      []string{"pfx", "p12", "pkcs12", "[webpack", "createsecurecontext", "rc2", "apns", "sending notification"},
		Title:       "The PKCS#12 (.pfx, .p12) file uses algorithms OpenSSL 3 no longer loads by default",
		Explanation: "Node 17 and later (OpenSSL 3) load a .pfx or .p12 only with modern algorithms; files exported with RC2-40 or 3DES (older OpenSSL, Windows, mkcert -pkcs12, Java keytool; an APNs push certificate exported from Keychain) fail with a bare \"unsupported\" (or \"Unsupported PKCS12 PFX data\"), as openssl pkcs12 does without -legacy.",
		Fix:         "Re-export the file with modern algorithms (or use PEM files: the key and cert options):\n  openssl pkcs12 -legacy -in old.pfx -nodes -out both.pem\n  openssl pkcs12 -export -in both.pem -out new.pfx\n(or run node with --openssl-legacy-provider).",
		Confirm:     "openssl pkcs12 -info -noout -in old.pfx",
	},
	// JSSE's algorithm constraints on a certificate.
	{
		ID: WeakSignature, Kind: "client", Side: "client",
		Match:       []string{"certificates do not conform to algorithm constraints", "certificates does not conform to algorithm constraints", "algorithm constraints check failed"},
		Title:       "Java refuses a certificate whose signature or key its security policy disables",
		Explanation: "jdk.certpath.disabledAlgorithms in the JVM's java.security forbids what a certificate in the chain uses: a SHA-1, MD5 or MD2 signature (also on an old root that the server still sends in its chain, such as an MD2-signed VeriSign root), an RSA key under 2048 bits (1024 in older JDKs), or a DSA key. Newer JDKs and distributions' policies add to the list, so a certificate that worked yesterday fails after an update.",
		Fix:         "Reissue the certificate (and any intermediate so signed) with SHA-256 and a 2048-bit RSA or P-256 key:\n  openssl x509 -noout -text -in server.crt | grep -E 'Signature Algorithm|Public-Key'\nOnly as a stopgap, take the entry out of jdk.certpath.disabledAlgorithms.",
		Confirm:     "openssl x509 -noout -text -in server.crt | grep -E 'Signature Algorithm|Public-Key'",
	},
	// PostgreSQL's server reading its key as the postgres user.
	{
		ID: KeyLoadFailed, Kind: "client", Within: []string{"permission denied"},
		Match:       []string{"could not load private key file", "could not access private key file"},
		Title:       "PostgreSQL cannot read its server key: its owner or permissions shut out the postgres user",
		Explanation: "The PostgreSQL server runs as the postgres user and reads ssl_key_file itself: a key owned by root with mode 0600 (as a mounted secret often is), or in a directory postgres cannot enter, is unreadable to it, so the server does not start with SSL.",
		Fix:         "Give the key to the postgres user and keep it private (or root-owned with mode 0640 and the postgres group):\n  chown postgres:postgres /path/server.key\n  chmod 0600 /path/server.key",
		Confirm:     "sudo -u postgres test -r /path/server.key && echo readable",
	},
	// gRPC core without roots (grpcio on macOS, minimal images).
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match:       []string{"could not get default pem root certs"},
		Title:       "The gRPC client found no root certificates to trust",
		Explanation: "gRPC's C core (grpcio for Python, and the Ruby, PHP and C# wrappers) does not read every system's trust store: it looks at GRPC_DEFAULT_SSL_ROOTS_FILE_PATH, then its own bundled or installed roots.pem, and on macOS and in minimal images it may find none, so no server certificate can be verified.",
		Fix:         "Give the client its roots: pass them to the channel credentials (Python: grpc.ssl_channel_credentials(root_certificates=...)), or point gRPC at a bundle:\n  GRPC_DEFAULT_SSL_ROOTS_FILE_PATH=/etc/ssl/certs/ca-certificates.crt",
		Confirm:     "ls -l /etc/ssl/certs/ca-certificates.crt",
	},
	// OpenVPN's TLS error after its own or OpenSSL's check of the peer.
	{
		ID: VerifyError, Kind: "client", Within: []string{"certificate verify failed"},
		Match:       []string{"tls_error: bio read tls_read_plaintext error"},
		Title:       "OpenVPN refused the peer's certificate",
		Explanation: "OpenVPN stops the TLS handshake when the peer's certificate fails a check, and the line just before this one names it: `VERIFY ERROR: depth=N, error=...` is OpenSSL's chain check (the peer's CA is not in OpenVPN's `ca` file, the certificate expired, or the CRL given with crl-verify expired), `VERIFY KU ERROR` or `VERIFY EKU ERROR` is remote-cert-tls (a server certificate without keyEncipherment or serverAuth, a client certificate without clientAuth), `VERIFY X509NAME ERROR` is verify-x509-name, and a tls-verify script can refuse it too. In the 1.x spelling the function says who judged whom: ssl3_get_server_certificate is the client refusing the server's certificate, ssl3_get_client_certificate the server refusing the client's.",
		Fix:         "Read the VERIFY line before this one, then check the peer's certificate against the `ca` file and its key usage:\n  openssl verify -CAfile ca.crt server.crt\n  openssl x509 -noout -text -in server.crt | grep -A1 -e 'X509v3 Key Usage' -e 'Extended Key Usage'\nReissue a server certificate without keyEncipherment and serverAuth (easy-rsa's build-server-full adds them); regenerate an expired CRL (easy-rsa gen-crl).",
		Confirm:     "openssl verify -CAfile ca.crt server.crt",
	},
	// OpenVPN's remote-cert-tls check of the server's key usage.
	{
		ID: WrongPurpose, Kind: "client",
		// The line before VERIFY KU ERROR names a certificate without the
		// extension at all.
		Match:       []string{"verify ku error", "verify eku error", "certificate does not have key usage extension", "certificate does not have extended key usage extension"},
		Title:       "OpenVPN refused the peer's certificate for its key usage (remote-cert-tls)",
		Explanation: "With remote-cert-tls server (or client), OpenVPN checks the peer certificate's keyUsage and extendedKeyUsage: a server certificate needs digitalSignature with keyEncipherment (or keyAgreement) and serverAuth, a client certificate digitalSignature and clientAuth. A certificate made without these (a plain openssl x509 -req, a tool or module that adds no extensions, a generator's changed defaults) fails VERIFY KU ERROR or VERIFY EKU ERROR; `Certificate does not have key usage extension` just before says it has none at all.",
		Fix:         "Reissue the server certificate with these lines in its -extfile (easy-rsa's build-server-full does it):\n  keyUsage=critical,digitalSignature,keyEncipherment\n  extendedKeyUsage=serverAuth",
		Confirm:     "openssl x509 -noout -text -in server.crt | grep -A1 -e 'X509v3 Key Usage' -e 'Extended Key Usage'",
	},
	// kubectl get componentstatuses: the API server's health check of etcd.
	{
		ID: NoClientCert, Kind: "client", Within: []string{":2379/health"},
		Match:       []string{"remote error: tls: bad certificate"},
		Title:       "etcd shows Unhealthy in componentstatuses: the API server checked it without a client certificate",
		Explanation: "`kubectl get componentstatuses` reports what the API server finds at each etcd's /health. Kubernetes before 1.7 made that check without the client certificate it uses for etcd itself (--etcd-certfile, --etcd-keyfile), so an etcd that requires client certificates (--client-cert-auth) refused it with bad_certificate while the cluster worked. componentstatuses is deprecated since 1.19; when etcd answers the API server's own requests, this report is wrong, not etcd.",
		Fix:         "Check etcd with the API server's client certificate (kubeadm's paths):\n  etcdctl --endpoints=https://IP:2379 --cacert=/etc/kubernetes/pki/etcd/ca.crt --cert=/etc/kubernetes/pki/apiserver-etcd-client.crt --key=/etc/kubernetes/pki/apiserver-etcd-client.key endpoint health\nUpgrade Kubernetes (1.7 or later) for a componentstatuses check that sends that certificate.",
		Confirm:     "kubectl get --raw /healthz/etcd",
	},
	// Kubernetes admission webhooks: the API server is the TLS client.
	{
		ID: ServerCertUntrusted, Kind: "client", Within: []string{"failed calling webhook", "calling webhook", "admission webhook", "conversion webhook", "webhook.go", "dispatcher.go"},
		Match: []string{"x509: certificate signed by unknown authority", "x509: certificate is valid for", "x509: cannot validate certificate", "x509: certificate is not valid for any names",
			// Go 1.20 and later put this before the x509 reason
			"tls: failed to verify certificate: x509: certificate signed by unknown authority"},
		Title:       "The Kubernetes API server does not trust the admission webhook's certificate",
		Explanation: "Calling a webhook, the API server is the TLS client and trusts only the caBundle of the ValidatingWebhookConfiguration or MutatingWebhookConfiguration (for a CRD's conversion webhook, the caBundle in the CRD's spec.conversion.webhook.clientConfig, which an upgrade or a hand-made CRD can leave stale). It fails when the webhook serves a certificate from another CA than that caBundle holds: the CA was rotated and the webhook pods still serve the old certificate (or the reverse), several replicas each generated their own CA, or cert-manager's CA injector has not updated the caBundle; or when the certificate lacks the service's DNS name (name.namespace.svc). A certificate with no names at all, or from the mesh's CA, is often not the webhook's: a service mesh's sidecar (Istio with STRICT mutual TLS in the webhook's namespace) answers on the webhook's port with its workload certificate; exclude that port from the mesh or make the namespace's PeerAuthentication PERMISSIVE for it.",
		Fix:         "Compare the caBundle with the CA of the certificate the webhook serves, then update the caBundle or restart the webhook pods so they load the current certificate:\n  kubectl get mutatingwebhookconfiguration NAME -o jsonpath='{.webhooks[0].clientConfig.caBundle}' | base64 -d | openssl x509 -noout -subject",
		Confirm:     "kubectl get mutatingwebhookconfiguration,validatingwebhookconfiguration",
	},
	// metrics-server (and others) reaching kubelets by IP.
	{
		ID: ServerHostnameMismatch, Kind: "client", Within: []string{":10250/"},
		Match:       []string{"x509: cannot validate certificate for", "x509: certificate signed by unknown authority", "x509: certificate is valid for"},
		Title:       "The kubelet's serving certificate is self-signed or lacks the node's IP",
		Explanation: "Kubelets serve port 10250 with a certificate they generate themselves (self-signed, naming only the host name) unless serving-certificate bootstrap is on. A client that checks it (metrics-server, Prometheus, kubectl logs through the API server) and reaches the node by its IP fails.",
		Fix:         "Let kubelets get CA-signed serving certificates (serverTLSBootstrap: true in the kubelet configuration, then approve their CSRs), or for metrics-server only as a stopgap, --kubelet-insecure-tls:\n  kubectl get csr",
		Confirm:     "openssl s_client -connect NODE_IP:10250 </dev/null 2>/dev/null | openssl x509 -noout -subject -text | grep -A1 -e '^subject=' -e 'Subject Alternative Name'",
	},
	// mongod with TLS required, a client without.
	{
		ID: PlainHTTP, Kind: "client",
		Match:       []string{"the server is configured to only allow ssl connections", "the server is configured to only allow tls connections"},
		Title:       "The MongoDB server requires TLS, and the client connected without it",
		Explanation: "mongod runs with net.tls.mode requireTLS (requireSSL) and a client connected in plain text: a connection string without tls=true, a driver or tool left without its TLS options, or a monitoring probe.",
		Fix:         "Connect with TLS and the server's CA (and a client certificate if the server asks for one):\n  mongosh \"mongodb://host:27017/?tls=true\" --tlsCAFile ca.pem",
		Confirm:     "openssl s_client -connect host:27017 </dev/null",
	},
	// mongod without TLS, a client with.
	{
		ID: PlainHTTP, Kind: "client",
		Match:       []string{"ssl handshake received but server is started without ssl support"},
		Title:       "The MongoDB server has no TLS, and the client speaks TLS to it",
		Explanation: "mongod (or mongos) started without net.tls settings, so it refuses the TLS handshake its client began: the TLS options were lost from the configuration (an overwritten mongod.conf, a missing --config) or never applied to this member; or the client turned TLS on without being asked to: MongoDB drivers and libmongoc speak TLS as soon as any TLS option (a CA file, tlsAllowInvalidCertificates) is in the connection string.",
		Fix:         "Turn TLS on in mongod.conf and restart, or connect without TLS:\n  net:\n    tls:\n      mode: requireTLS\n      certificateKeyFile: /etc/ssl/mongodb.pem",
		Confirm:     "grep -A4 'tls:' /etc/mongod.conf",
	},
	// Clients' name checks in their own words: PHP streams, Ruby.
	{
		ID: ServerHostnameMismatch, Kind: "client",
		Match:       []string{"did not match expected cn=", "peer certificate cn=`", "hostname was not match with the server certificate", "hostname does not match the server certificate"},
		Title:       "The server's certificate does not carry the host name the client expected",
		Explanation: "The client compared the host name it was asked to connect to with the server certificate's names and found no match. When the certificate names another host (as PHP puts it: Peer certificate CN=other.example), the server is answering with another site's certificate (its default virtual host, a certificate set up for another name, a renewal that left this name out): the server's operator must serve this name's certificate. In PHP the expected name comes from the URL or the stream context's peer_name option, so a host given with its scheme (ssl://host) never matches; in Ruby, the host given to Net::HTTP (or an IP address) must be in the certificate. A certificate for another name on a mail port (CN=server, a provider's own name) is often not the mail server's at all: a hosting network that intercepts outgoing SMTP (25, 587) answers in its place, and another port (465, or the provider's 2525) reaches the real server.",
		Fix:         "Connect with a host name the certificate carries, without a scheme (PHP: the ssl context option 'peer_name' => 'smtp.example.com'), or reissue the certificate with that name in its SAN:\n  subjectAltName=DNS:host.example.com",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -subject -text | grep -A1 -e '^subject=' -e 'Subject Alternative Name'",
	},
	// rustls beyond trust.
	{
		ID: ServerHostnameMismatch, Kind: "client",
		Match:       []string{"invaliddnsnameerror", "invalid dnsname", "invalid dns name"},
		Title:       "The Rust (rustls) client was given a server name it cannot use",
		Explanation: "rustls needs the server's name as a DNS name to send in SNI and to check the certificate against; older rustls (before 0.21) and webpki accepted no IP address there, and a name with a scheme, port or underscore is refused too. Connecting to https://127.0.0.1 failed so.",
		Fix:         "Connect with a host name (map it to the address in /etc/hosts if needed) that the server's certificate carries, or upgrade to a rustls that accepts IP addresses, whose certificate must then carry an IP entry:\n  subjectAltName=DNS:host.example.com,IP:192.0.2.10",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null",
	},
	{
		ID: CriticalExtension, Kind: "client",
		Match:       []string{"unsupportedcriticalextension", "nameconstraintviolation", "unhandledcriticalextension"},
		Title:       "The Rust (rustls/webpki) client refused a certificate other clients accept",
		Explanation: "webpki, the certificate checker under rustls, is stricter than OpenSSL: it refuses a certificate with a critical extension it does not know (UnsupportedCriticalExtension), and checks name constraints (a CA's nameConstraints; NameConstraintViolation) on every name of the chain, including the CN of a CA carrying them. A root in the system store with such an extension breaks loading the whole native store in some clients: rustls-native-certs loads every root of it (the Windows store too), and older versions fail the whole load on one root they cannot parse, where newer ones skip it (upgrade the crate).",
		Fix:         "Find the certificate with the extension or name constraints in the chain (or the system store) and reissue it without (mark unknown extensions non-critical), or let the program use another TLS stack for now (rustup: RUSTUP_USE_CURL=1):\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null | openssl x509 -noout -text",
		Confirm:     "openssl x509 -noout -text -in ca.crt | grep -A3 -i 'critical\\|Name Constraints'",
	},
	// curl and client certificates it cannot read.
	{
		ID: KeyLocked, Kind: "client",
		Match:       []string{"could not parse pkcs12 file, check password"},
		Title:       "curl could not open the PKCS#12 client certificate: wrong or missing password",
		Explanation: "The .p12 (.pfx) file is protected by a password, and curl was given none or the wrong one, so its integrity check (mac verify) failed. A file made with the legacy RC2 cipher also fails so with OpenSSL 3 unless the legacy provider is loaded.",
		Fix:         "Give the password after the file name, or with --pass:\n  curl --cert-type P12 --cert client.p12:password https://host/\nA file from an old tool may need re-exporting with current ciphers:\n  openssl pkcs12 -legacy -in client.p12 -nodes -out client.pem",
		Confirm:     "openssl pkcs12 -in client.p12 -noout -info",
	},
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"and its private key in the keychain"},
		Title:       "curl on macOS (Secure Transport) could not find the client identity in the Keychain",
		Explanation: "curl built with Secure Transport takes a PKCS#12 client certificate only through the macOS Keychain: the certificate and its private key must be importable there (or already be in it), and a name it is given is looked up in the Keychain.",
		Fix:         "Import the .p12 into the login keychain, or use a curl built with OpenSSL (Homebrew's), which reads the file directly:\n  security import client.p12 -k login.keychain-db\n  curl --cert-type P12 --cert client.p12:password https://host/",
		Confirm:     "security find-identity -v",
	},
	// .NET on macOS with the system libcurl.
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"does not support client authentication certificates with this combination of libcurl"},
		Title:       ".NET cannot send a client certificate through this libcurl",
		Explanation: "Old .NET Core HttpClient on macOS and Linux went through the system's libcurl; with a libcurl built on Secure Transport (macOS) or NSS it cannot present a client certificate at all, so mutual TLS is impossible there.",
		Fix:         "Use a .NET where HttpClient runs on its own SocketsHttpHandler (.NET Core 2.1 and later do by default), or a libcurl built with OpenSSL.",
		Confirm:     "curl -V",
	},
	// Traefik's default certificate.
	{
		ID: ServerHostnameMismatch, Kind: "client",
		Match:       []string{".traefik.default", "traefik default cert"},
		Title:       "Traefik served its default (self-signed) certificate",
		Explanation: "Traefik answers with its generated TRAEFIK DEFAULT CERT (a name ending in .traefik.default) when it has no certificate for the name asked: the ACME certificate for that domain was never obtained or not loaded (acme.json empty for it, a failed challenge, a resolver not set on the router), or the router's rule does not match the name.",
		Fix:         "Check Traefik's log for the ACME errors of that domain and what acme.json holds for it, and that the router names the domain and its certresolver:\n  openssl s_client -connect host:443 -servername domain.example.com </dev/null 2>/dev/null | openssl x509 -noout -subject -issuer",
		Confirm:     "openssl s_client -connect host:443 -servername domain.example.com </dev/null 2>/dev/null | openssl x509 -noout -subject",
	},
	// ingress-nginx's default certificate.
	{
		ID: ServerHostnameMismatch, Kind: "client",
		Match:       []string{"kubernetes ingress controller fake certificate"},
		Title:       "ingress-nginx served its default (fake) certificate",
		Explanation: "The ingress-nginx controller answers with \"Kubernetes Ingress Controller Fake Certificate\" when it has no certificate for the name asked: the client sent no SNI (openssl s_client without -servername, a client connecting by IP), or no Ingress with a TLS secret covers that host (a wrong secretName, a secret in another namespace, a certificate whose SAN lacks the host).",
		Fix:         "Ask with the host name, and check the Ingress's tls section and secret for that host:\n  openssl s_client -connect INGRESS_IP:443 -servername host.example.com </dev/null\n  kubectl describe ingress NAME",
		Confirm:     "openssl s_client -connect INGRESS_IP:443 -servername host.example.com </dev/null 2>/dev/null | openssl x509 -noout -subject",
	},
	// A CA bundle that cannot be read.
	{
		ID: Unreadable, Kind: "client",
		Match:       []string{"x509_load_cert_crl_file:system lib", "x509_load_cert_crl_file:no such file"},
		Title:       "The CA bundle could not be read (X509_load_cert_crl_file)",
		Explanation: "OpenSSL could not open the file of trusted CAs (or CRLs) it was given: it does not exist, or the process's user may not read it (a bundle installed readable by root only, a service running as www-data).",
		Fix:         "Check the path and make the file readable by the program's user:\n  ls -l /path/to/ca-bundle.crt\n  chmod 644 /path/to/ca-bundle.crt",
		Confirm:     "ls -l /path/to/ca-bundle.crt",
	},
	// Postfix's own TLS words.
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match:       []string{"untrusted tls connection established to"},
		Title:       "Postfix's SMTP client could not verify the receiving server's certificate",
		Explanation: "Postfix (smtp, sending mail) finished TLS but could not verify the other server's certificate, so it logs the connection as Untrusted: it was given no CA certificates (smtp_tls_CAfile and smtp_tls_CApath unset, or a CApath it cannot read inside its chroot). Mail still flows unless the policy requires verification.",
		Fix:         "Point Postfix at the system's CA bundle (a file works inside the chroot, a directory may not), in main.cf:\n  smtp_tls_CAfile = /etc/ssl/certs/ca-certificates.crt\nthen:\n  postfix reload",
		Confirm:     "openssl s_client -connect mx.example.com:25 -starttls smtp -CAfile /etc/ssl/certs/ca-certificates.crt </dev/null",
	},
	{
		ID: CertLoadFailed, Kind: "client", Within: []string{"postfix", "tls library problem"},
		Match:       []string{"fopen:", "cannot get rsa certificate from file", "cannot get rsa private key from file", "cannot load certificate", "cannot get certificate from file", "cannot get private key from file"},
		Title:       "Postfix could not read a TLS certificate or key file",
		Explanation: "Postfix could not load the file that smtpd_tls_cert_file or smtpd_tls_key_file (smtpd_tls_chain_files in newer versions) names: it does not exist (a default such as Debian's snakeoil certificate missing in a container, a renewed certificate moved), the postfix process may not read it (permission denied), or it does not hold what the setting needs (a PEM certificate, then its chain; a key where the certificate belongs, or a certificate request). smtpd then turns TLS off.",
		Fix:         "Make the paths in main.cf name existing files that root can read (Postfix reads them before dropping privileges; a key kept mode 600 root is fine), for example:\n  smtpd_tls_cert_file = /etc/ssl/mail/fullchain.pem\n  smtpd_tls_key_file = /etc/ssl/mail/privkey.pem\nthen check the permission of each directory on the path:\n  namei -l /etc/ssl/mail/fullchain.pem",
		Confirm:     "postfix check",
	},
	// Postfix's SMTP client sent plain SMTP to a relay on port 465.
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"smtps wrappermode (tcp port 465) requires setting", "smtp_tls_wrappermode requires \"smtp_tls_security_level = encrypt\""},
		Title:       "Postfix relays to port 465 without implicit TLS (smtp_tls_wrappermode)",
		Explanation: "Port 465 (SMTPS) speaks TLS from the first byte, while Postfix's SMTP client speaks plain SMTP and then STARTTLS unless told otherwise; a relayhost on port 465 (as many providers ask for) therefore fails until the client wraps the connection in TLS, which Postfix allows only with the encrypt level.",
		Fix:         "In main.cf (or for that relay in a transport or policy map):\n  relayhost = [smtp.example.com]:465\n  smtp_tls_wrappermode = yes\n  smtp_tls_security_level = encrypt\nthen:\n  postfix reload\nor relay to port 587 with STARTTLS instead.",
		Confirm:     "openssl s_client -connect smtp.example.com:465 -crlf </dev/null",
	},
	// sendmail's STARTTLS to another MTA failing.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"ruleset=tls_server, arg1=software", "ruleset=tls_server, arg1=fail", "ruleset=tls_server, arg1=protocol"},
		Title:       "sendmail's STARTTLS with the receiving server failed, and it deferred the mail",
		Explanation: "sendmail, delivering mail, started TLS with the other server and the handshake failed (${verify} is SOFTWARE, FAIL or PROTOCOL); its tls_server ruleset then refuses to go on in clear, so the mail stays queued (403 4.7.0). Usual causes: the other server advertises STARTTLS but its TLS is broken or outdated (no TLS version or cipher in common with this OpenSSL, often TLS 1.0 with RC4 or export suites), or a firewall or appliance in between mangles STARTTLS.",
		Fix:         "See the handshake with that server:\n  openssl s_client -connect mx.example.com:25 -starttls smtp </dev/null\nthen, if its TLS cannot be used, deliver to it without TLS with an access map entry (and rebuild the map):\n  Try_TLS:mx.example.com NO",
		Confirm:     "openssl s_client -connect mx.example.com:25 -starttls smtp </dev/null",
	},
	// NSS's certutil (Libreswan, Firefox profiles) opening its database.
	{
		ID: CertLoadFailed, Kind: "client", Within: []string{"certutil"},
		Match:       []string{"sec_error_bad_database"},
		Title:       "certutil could not open the NSS certificate database",
		Explanation: "NSS's certutil (Libreswan's /etc/ipsec.d or /var/lib/ipsec/nss, a Firefox or Chromium profile, a Java or Apache NSS store) could not open the database in the directory -d names: it is not there or was never made (certutil -N), the user running it may not read or write it (root owns the system's: run certutil with sudo), or the prefix does not match its format (sql: for cert9.db and key4.db, dbm: for the old cert8.db).",
		Fix:         "See what is in the directory and who owns it, then run certutil as that user with the right prefix:\n  sudo ls -l /var/lib/ipsec/nss\n  sudo certutil -L -d sql:/var/lib/ipsec/nss\nand create the database first if it is missing:\n  sudo ipsec initnss",
		Confirm:     "sudo certutil -L -d sql:/var/lib/ipsec/nss",
	},
	// syslog-ng's tls() block that does not make a TLS context.
	{
		ID: KeyLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"error setting up tls session context"},
		Title:       "syslog-ng could not set up TLS from its tls() options",
		Explanation: "syslog-ng's network() or syslog() driver with transport(tls) could not build its TLS context; tls_error names OpenSSL's reason. `no private key assigned` or `key values mismatch`: key-file() and cert-file() do not belong together, often because cert-file() names the CA's certificate (that belongs in ca-file() or ca-dir()); `no such file`: a path is wrong or unreadable by syslog-ng; an empty reason ((null)): the driver enabled TLS without key-file() and cert-file() at all (a shared configuration snippet that did not pass its tls() options on).",
		Fix:         "Give the source its own certificate and key, and the CA separately:\n  tls(\n    key-file(\"/etc/syslog-ng/server.key\")\n    cert-file(\"/etc/syslog-ng/server.crt\")\n    ca-file(\"/etc/syslog-ng/ca.crt\"))\nthen check that the pair matches (the two sums must be equal):\n  openssl x509 -noout -pubkey -in /etc/syslog-ng/server.crt | sha256sum\n  openssl pkey -pubout -in /etc/syslog-ng/server.key | sha256sum",
		Confirm:     "syslog-ng --syntax-only",
	},
	// Postfix's server: the client gave up right after STARTTLS.
	{
		ID: HandshakeFailed, Kind: "client", Side: "server",
		Match:       []string{"lost connection after starttls from"},
		Title:       "The mail client hung up right after STARTTLS",
		Explanation: "Postfix's smtpd answered STARTTLS and the client closed the connection during or right after the TLS handshake, without a word: most often it refused this server's certificate (the name it connected to, such as localhost or an IP address, is not in the certificate; a self-signed or private CA's certificate; an expired one), or it found no TLS version or cipher it accepts. The client's own log says which; scanners that only test STARTTLS leave the same line.",
		Fix:         "See what the client sees, with the name it connects to:\n  openssl s_client -connect mail.example.com:25 -starttls smtp -servername mail.example.com </dev/null 2>/dev/null | openssl x509 -noout -text | grep -A1 -e 'Not After' -e 'Subject Alternative Name'\nand have the client connect by a name the certificate carries (not localhost).",
		Confirm:     "posttls-finger -c -L verbose,summary '[mail.example.com]:25'",
	},
	// Roundcube (PHP) opening TLS to its IMAP or SMTP server.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"could not connect to ssl://", "could not connect to tls://"},
		Without:     []string{":443"},
		Title:       "Roundcube (PHP) could not open TLS to the mail server",
		Explanation: "PHP checks the mail server's certificate by default since 5.6: the name Roundcube connects to (imap_host, smtp_host; localhost or an IP address on the same machine) must be in the certificate, and its CA must be in PHP's CA file (openssl.cafile). A certificate for the public name reached as localhost, or a self-signed one, fails so, often as `Unknown reason`; ssl:// on a STARTTLS port (143, 587) or tls:// on an implicit one (993, 465) fails as well.",
		Fix:         "Connect by the name the certificate carries, with the scheme of the port (config.inc.php):\n  $config['imap_host'] = 'ssl://mail.example.com:993';\n  $config['smtp_host'] = 'tls://mail.example.com:587';\nor tell PHP the name to check when it must connect to localhost:\n  $config['imap_conn_options'] = ['ssl' => ['peer_name' => 'mail.example.com']];",
		Confirm:     "openssl s_client -connect mail.example.com:993 -servername mail.example.com </dev/null 2>/dev/null | grep 'Verify return code'",
	},
	// A PHP program's ssl:// stream to an HTTPS server.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"could not connect to ssl://", "could not connect to tls://"},
		Within:      []string{":443"},
		Title:       "A PHP program could not open TLS to an HTTPS server (an ssl:// stream)",
		Explanation: "PHP's socket streams (fsockopen and stream_socket_client with ssl:// or tls://, which DokuWiki's, Roundcube's and many plugins' HTTP clients use) check the server's certificate since PHP 5.6, against the CA file that openssl.cafile names or OpenSSL's default paths. A PHP whose host has neither (many shared hosts after their move to 5.6, a PHP on Windows, a container without the ca-certificates package) fails on every HTTPS site so, often with error 0 and no reason; otherwise the server's certificate is self-signed or from a private CA, or not for the name used.",
		Fix:         "See where PHP looks for CAs, and point it at the system's bundle in php.ini (on shared hosting, ask the host):\n  php -r 'var_dump(openssl_get_cert_locations());'\n  openssl.cafile=/etc/ssl/certs/ca-certificates.crt\nthen try the same host from that machine:\n  openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | grep 'Verify return code'",
		Confirm:     "php -r 'var_dump(openssl_get_cert_locations());'",
	},
	// Chef's knife against a Chef server it does not trust.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"ssl validation failure connecting to host"},
		Title:       "Chef (knife or chef-client) does not trust the server's certificate",
		Explanation: "knife and chef-client check the server's certificate against the CA bundle embedded in Chef's own package (/opt/chef/embedded/ssl/certs/cacert.pem, not the system's) and the certificates in .chef/trusted_certs. A Chef server installs a self-signed certificate, which knife trusts only after knife ssl fetch has stored it; a settings file that still says verify_api_cert true (or ssl_verify_mode :verify_peer) keeps the check on. When the host is a public one (S3, a cookbook site), the embedded bundle of that Chef release lacks its root (Chef 11.18.0 shipped one without the old VeriSign root S3 used): upgrade Chef. The name checked is the one in the URL, letter for letter.",
		Fix:         "Fetch the server's certificate into trusted_certs (check its fingerprint), then check:\n  knife ssl fetch\n  knife ssl check",
		Confirm:     "knife ssl check",
	},
	// wget's last line of a failed handshake.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"unable to establish ssl connection."},
		Title:       "wget could not complete the TLS handshake",
		Explanation: "wget prints this last; a line before it usually names the cause (ERROR: cannot verify ..., or an OpenSSL or GnuTLS error). Without one, the server ended the handshake: it wants a client certificate, or a TLS version or cipher an old wget's library lacks, or nothing that speaks TLS answers on that port yet (a service still starting, one without its certificate).",
		Fix:         "See the handshake from the same machine:\n  openssl s_client -connect host:443 -servername host </dev/null\nand, if the server wants a client certificate, give it to wget:\n  wget --certificate=client.crt --private-key=client.key https://host/",
		Confirm:     "wget --debug -O /dev/null https://host/ 2>&1 | tail -20",
	},
	// A server whose key file its user may not read (coturn and others).
	{
		ID: KeyLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"private key file not found or not readable"},
		Title:       "The server may not read its private key file",
		Explanation: "The server (coturn says so) could not open the key file it names: the path is wrong, or, most often, the file belongs to root with mode 600 while the server reads it after dropping to its own user (turnserver, a service account), so the TLS listener never starts.",
		Fix:         "Let the server's user read the key, then restart it:\n  namei -l /etc/coturn/turn.key\n  chown root:turnserver /etc/coturn/turn.key\n  chmod 640 /etc/coturn/turn.key",
		Confirm:     "sudo -u turnserver head -1 /etc/coturn/turn.key",
	},
	// FreeSWITCH's Sofia profile that does not start.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"error creating sip ua for profile"},
		Title:       "FreeSWITCH could not start a SIP profile",
		Explanation: "Sofia could not create the profile's user agent. The message suggests a port in use or an address that is not local, and those are common; for a profile with TLS or WSS (internal's TLS, a webrtc profile), a certificate file in the TLS directory (conf/tls: wss.pem, agent.pem, cafile.pem) that is missing, cut short or not in the form Sofia wants (certificate and key in one PEM) stops it the same way.",
		Fix:         "See whether the port is taken, then check the profile's certificate file:\n  ss -lntup | grep 5061\n  openssl x509 -noout -subject -dates -in /etc/freeswitch/tls/wss.pem\n  openssl pkey -noout -in /etc/freeswitch/tls/wss.pem\nRecreate it (certificate, chain and key in one file) if it does not read.",
		Confirm:     "fs_cli -x 'sofia status'",
	},
	// The AWS CLI's own CA bundle.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match: []string{"ssl validation failed for"},
		// botocore puts any TLS error after its words; an EOF, or an
		// endpoint that does not speak TLS, is no trust failure.
		Without:     []string{"eof occurred in violation of protocol", "wrong version number", "unknown protocol", "unexpected eof", "[errno 2] no such file or directory", "hostname mismatch", "ip address mismatch", "doesn't match"},
		Title:       "The AWS CLI does not trust the endpoint's certificate",
		Explanation: "The AWS CLI (botocore) checked the endpoint's certificate against its own CA bundle, not the system's: version 2 ships one inside its installation. Behind a TLS-inspecting proxy (Zscaler, Netskope, a corporate firewall) the chain ends at the proxy's root, which that bundle lacks; an S3-compatible endpoint with a private CA fails the same way. A ca_bundle (or AWS_CA_BUNDLE) replaces the CLI's bundle rather than adding to it: one that holds only the proxy's root (or only a private CA) makes every endpoint that does not chain to it fail. Some commands (aws sso login in some releases) ignored the CA settings. botocore's SSL validation fails the same way on a name the certificate does not carry: an S3-compatible endpoint whose wildcard (*.example.com) does not cover its deeper name (s3.storage.example.com), or a bucket name with dots in a virtual-hosted URL.",
		Fix:         "Give the CLI the proxy's or private CA (in a bundle with the public roots when it also reaches AWS itself):\n  export AWS_CA_BUNDLE=/etc/ssl/certs/ca-certificates.crt\n  aws configure set ca_bundle /etc/ssl/certs/ca-certificates.crt\nand upgrade the CLI if one command still ignores it.",
		Confirm:     "openssl s_client -connect s3.amazonaws.com:443 -servername s3.amazonaws.com </dev/null 2>/dev/null | openssl x509 -noout -issuer",
	},
	// A program on the AWS SDK for Go v2 with a custom CA bundle.
	{
		ID: CertLoadFailed, Kind: "client", Side: "client",
		Match:       []string{"unable to add custom rootcas", "unable to load custom ca bundle, httpclient's transport unsupported type"},
		Title:       "The program could not give the AWS SDK its custom CA bundle (AWS_CA_BUNDLE)",
		Explanation: "The AWS SDK for Go (v2: `unable to add custom RootCAs`; v1: `LoadCustomCABundleError: ... HTTPClient's transport unsupported type`) adds a custom CA bundle (AWS_CA_BUNDLE, ca_bundle in the AWS config, the Terraform provider's custom_ca_bundle) only to an HTTP client of its own making; a program that hands it a plain http.Client fails so before its first request. It is that program's bug, seen in the Terraform AWS provider 4.0, AWS's IAM Roles Anywhere credential helper and Terragrunt, and fixed in their later releases.",
		Fix:         "Upgrade the program; until then, put the CA in the system's store, which Go reads, and unset the variable:\n  cp corp-ca.crt /usr/local/share/ca-certificates/\n  update-ca-certificates\n  unset AWS_CA_BUNDLE",
		Confirm:     "env | grep -i ca_bundle",
	},
	// mosquitto starting a listener without TLS.
	{
		ID: RoutineLine, Kind: "client", Side: "server",
		Match:       []string{"using non-ssl mode"},
		Title:       "mosquitto started a listener without TLS (non-SSL mode)",
		Explanation: "mosquitto says so at start for each listener that has no certfile and keyfile: that port speaks plain MQTT. Where clients expect TLS (mqtts, port 8883), the listener's certfile and keyfile (and cafile) lines are missing, commented out, or placed under another listener: every option after a listener line belongs to that listener.",
		Fix:         "Put the TLS options under the listener they are for, in mosquitto.conf:\n  listener 8883\n  certfile /etc/mosquitto/certs/server.crt\n  keyfile /etc/mosquitto/certs/server.key\n  cafile /etc/mosquitto/ca_certificates/ca.crt\nthen restart mosquitto.",
		Confirm:     "openssl s_client -connect host:8883 </dev/null",
	},
	// mosquitto loading its CA files.
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"unable to load ca certificates, check bridge_cafile", "unable to load ca certificates, check cafile", "unable to load server certificate", "unable to load server key file"},
		Title:       "mosquitto could not load a CA, certificate or key file",
		Explanation: "mosquitto could not open or parse the file that its configuration names (cafile or capath of a listener, bridge_cafile of a bridge, certfile, keyfile): a wrong path (the OpenSSL lines after it say No such file or directory), a file it may not read as the mosquitto user, not PEM, or a certificate OpenSSL refuses at its security level (`ee key too small` or `ca md too weak` after it: a 1024-bit key or a SHA-1 signature on a newer system). A listener then does not start, or falls back to no TLS.",
		Fix:         "Check the path in mosquitto.conf and that the mosquitto user can read it, and the certificate's key size and signature:\n  sudo -u mosquitto head -1 /etc/mosquitto/ca_certificates/ca.crt\n  openssl x509 -noout -text -in /etc/mosquitto/certs/server.crt | grep -E 'Public-Key|Signature Algorithm'",
		Confirm:     "openssl x509 -noout -subject -in /etc/mosquitto/ca_certificates/ca.crt",
	},
	// MySQL's clients.
	{
		ID: HandshakeFailed, Kind: "client",
		Match: []string{"ssl connection error"}, Within: []string{"2026"},
		Title:       "The MySQL client could not set up TLS (error 2026)",
		Explanation: "The MySQL client (mysql, a driver, sysbench) failed TLS before or during the handshake. Before it: a file it was told to use (--ssl-ca, --ssl-cert, --ssl-key; sysbench's cacert.pem, client-cert.pem and client-key.pem in the working directory) is missing or unreadable. During it: the server's certificate did not verify (certificate verify failed, with --ssl-mode=VERIFY_CA or VERIFY_IDENTITY), or client and server share no TLS version (an old client, such as MySQL 5.7 before 5.7.28 built with yaSSL or OpenSSL 1.0.1, offers TLS 1.1 at most against a server that requires TLS 1.2, or an old server with TLS 1.0 and a new client). A set made by hand often fails for a subject: the CA, server and client certificates were given the same subject (the same answers to openssl req's questions), so OpenSSL takes each for a self-signed certificate and the check fails.",
		Fix:         "Name the files that exist, and the mode you want:\n  mysql -h db.example.com --ssl-mode=VERIFY_CA --ssl-ca=ca.pem \\\n      --ssl-cert=client-cert.pem --ssl-key=client-key.pem\nand see what the server offers:\n  openssl s_client -connect db.example.com:3306 -starttls mysql </dev/null\nA certificate with its CA's subject is taken for self-signed: give the CA, server and client certificates different subjects (Common Names):\n  openssl x509 -noout -subject -issuer -in server-cert.pem",
		Confirm:     "openssl s_client -connect db.example.com:3306 -starttls mysql </dev/null",
	},
	// MariaDB's clients (Connector/C) name their TLS failures so, and
	// verify the server by default since 11.4.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match: []string{"tls/ssl error:"}, Within: []string{"2026"},
		// A server without TLS has its own story.
		Without:     []string{"ssl is required, but the server does not support it"},
		Title:       "The MariaDB client refused the server's certificate (error 2026)",
		Explanation: "MariaDB's command-line clients (mariadb, mariadb-dump) and Connector/C 3.4 and later check the server's certificate by default since MariaDB 11.4, where older clients did not: a server with a self-signed or generated certificate, or one from a CA the client was not given, now fails with the verify result after TLS/SSL error (self-signed certificate, unable to get local issuer certificate; invalid CA certificate when the CA file holds a certificate that is not a CA, such as the server's own).",
		Fix:         "Give the client the CA that signed the server's certificate (in [client] of my.cnf: ssl-ca=/etc/mysql/ca.pem):\n  mariadb -h db.example.com --ssl-ca=/etc/mysql/ca.pem\nor, for a server you trust without a CA (tests, CI), turn the check off knowingly:\n  mariadb -h db.example.com --disable-ssl-verify-server-cert",
		Confirm:     "openssl s_client -connect db.example.com:3306 -starttls mysql </dev/null 2>/dev/null | grep -E 'subject=|issuer=|Verify return'",
	},
	// Java's trust and key stores in servers.
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match:       []string{"the trustanchors parameter must be non-empty"},
		Title:       "Java's trust store is empty or missing",
		Explanation: "Java built a trust manager from a trust store with no trusted certificate in it: the file named by javax.net.ssl.trustStore (or the server's truststore setting) does not exist, cannot be read, or holds only a private key entry (the keystore given as truststore), or a slim JRE image has an empty cacerts.",
		Fix:         "Give it a trust store that holds the CA certificates (not the keystore with the server's key):\n  keytool -importcert -alias ca -file ca.crt -keystore truststore.p12 -storetype PKCS12\n  keytool -list -keystore truststore.p12",
		Confirm:     "keytool -list -keystore truststore.p12",
	},
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"does not identify a key entry", "jsse.alias_no_key_entry"},
		Title:       "The keystore alias holds a certificate but no private key",
		Explanation: "The server (Tomcat, Spring Boot, Jetty) was told to use a keystore alias that is a trusted certificate entry, not a private key entry: the signed certificate was imported on its own, without the key it belongs to.",
		Fix:         "Import the key and its certificate chain together, as one key entry:\n  openssl pkcs12 -export -in server.crt -inkey server.key -certfile ca.crt -name server -out server.p12\nand point the keystore at it (key-alias server).",
		Confirm:     "keytool -list -v -keystore server.p12",
	},
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{".jks (no such file or directory)", ".p12 (no such file or directory)", ".pfx (no such file or directory)", ".keystore (no such file or directory)"},
		Title:       "Java could not find its keystore or truststore file",
		Explanation: "The keystore or truststore path does not exist where the JVM looks: a relative path resolved against the directory the program was started from, a file left out of the container image, or a classpath resource named as a file.",
		Fix:         "Use an absolute path that exists for the program's user (Spring Boot: server.ssl.key-store and server.ssl.trust-store, or classpath: for a resource):\n  ls -l /etc/app/truststore.p12",
		Confirm:     "keytool -list -keystore /etc/app/truststore.p12",
	},
	// Apache reading the key from the certificate file.
	{
		ID: KeyLoadFailed, Kind: "client", Within: []string{"ssl library error", "[ssl:"},
		Match:       []string{"asn1_check_tlen:wrong tag", "wrong tag"},
		Title:       "Apache could not parse a certificate or key (wrong tag)",
		Explanation: "mod_ssl read a file that is not what it expected: without SSLCertificateKeyFile it reads the private key from the SSLCertificateFile file, which holds only the certificate; or a key or certificate file is in another format (DER, PKCS#12) or damaged.",
		Fix:         "Give each virtual host both files, the certificate and its private key:\n  SSLCertificateFile /etc/ssl/certs/server.crt\n  SSLCertificateKeyFile /etc/ssl/private/server.key\nthen:\n  apachectl -t",
		Confirm:     "openssl pkey -noout -in /etc/ssl/private/server.key",
	},
	// Kubernetes API servers judging client certificates.
	{
		ID: VerifyError, Kind: "client",
		Match:       []string{"unable to authenticate the request due to an error: x509"},
		Title:       "The Kubernetes API server refused a client certificate",
		Explanation: "kube-apiserver (or an aggregated API server such as metrics-server) checked the client certificate of a request and refused it: signed by a CA not in its --client-ca-file (for proxied requests from the API server, the front-proxy client certificate against --requestheader-client-ca-file), or expired (the reason after x509: says which).",
		Fix:         "Check the client certificate against the CA the server trusts, and renew it if it expired (kubeadm: kubeadm certs check-expiration, then kubeadm certs renew):\n  openssl verify -CAfile /etc/kubernetes/pki/ca.crt client.crt\nFor the front proxy, --proxy-client-cert-file must be signed by the --requestheader-client-ca-file CA.",
		Confirm:     "openssl x509 -noout -issuer -dates -in client.crt",
	},
	{
		ID: ClientCertRejected, Kind: "client",
		Match:       []string{"the server has asked for the client to provide credentials", "you must be logged in to the server (unauthorized)"},
		Title:       "kubectl's credentials were refused (often an expired client certificate)",
		Explanation: "The API server did not accept kubectl's credentials: the client certificate in the kubeconfig (client-certificate-data) expired, is signed by a CA the cluster no longer trusts (a cluster rebuilt or its CA rotated), or was made without clientAuth in its extendedKeyUsage (a certificate made for a server), or the token expired.",
		Fix:         "Look at the client certificate's dates, issuer and purpose (SSL client : Yes), then get a fresh kubeconfig (kubeadm: kubeadm certs renew admin.conf, then copy /etc/kubernetes/admin.conf):\n  kubectl config view --raw -o jsonpath='{.users[0].user.client-certificate-data}' | base64 -d | openssl x509 -noout -dates -issuer -purpose",
		Confirm:     "kubectl config view --minify",
	},
	{
		ID: ClientCertRejected, Kind: "client",
		Match:       []string{"currently active client certificate has expired"},
		Title:       "The kubelet's client certificate expired",
		Explanation: "The kubelet authenticates to the API server with a client certificate that it rotates before expiry when rotation is on; this one expired (the node was off for long, rotation is off, or the clock jumped), so the node cannot talk to the API server.",
		Fix:         "Renew the kubelet's client certificate: with kubeadm, on the control plane, kubeadm kubeconfig user --client-name system:node:NODE, or rejoin the node; make sure rotateCertificates is true in the kubelet configuration, then restart it:\n  systemctl restart kubelet",
		Confirm:     "openssl x509 -noout -dates -in /var/lib/kubelet/pki/kubelet-client-current.pem",
	},
	// An Erlang server's own alerts about a client certificate, and an
	// Erlang client's name check, as a real OTP 25 logs them.
	{
		ID: NoClientCert, Kind: "client",
		Match:       []string{"no_client_certificate_provided", "generated server alert: fatal - certificate required"},
		Title:       "The Erlang server required a client certificate and got none",
		Explanation: "Erlang's TLS server (RabbitMQ, EMQX, an Elixir app; verify_peer with fail_if_no_peer_cert) asked for a client certificate and the client sent none: over TLS 1.2 it ends the handshake with Handshake Failure and logs no_client_certificate_provided, over TLS 1.3 with Certificate required. The client was given no certificate, or chose not to send it: Go, Java and Erlang clients send one only when its issuer is among the CA names the server lists, which come from the server's cacertfile.",
		Fix:         "Give the client its certificate and key (curl: --cert client.crt --key client.key), from a CA in the server's cacertfile; see the CA names the server lists:\n  openssl s_client -connect host:5671 </dev/null 2>/dev/null | grep -A3 'Acceptable client'",
		Confirm:     "openssl s_client -connect host:5671 -cert client.crt -key client.key </dev/null",
	},
	{
		ID: VerifyError, Kind: "client",
		Match: []string{"generated server alert: fatal - unknown ca", "generated server alert: fatal - bad certificate", "generated server alert: fatal - certificate expired",
			"generated server alert: fatal - certificate revoked", "generated server alert: fatal - unsupported certificate"},
		Title:       "The Erlang server refused the client certificate",
		Explanation: "Erlang's TLS server (RabbitMQ, EMQX, an Elixir app; verify_peer) checked the client certificate and sent the alert the line names: Unknown CA when its issuer (or the intermediate the client should send with it) is not in the server's cacertfile, Certificate Expired or Revoked (by a CRL it checks, crl_check), Unsupported Certificate or Bad Certificate for one not for client authentication or otherwise refused.",
		Fix:         "Put the CA that issued the client certificates in the server's cacertfile, and check the client certificate against it:\n  openssl verify -CAfile ca.pem -purpose sslclient client.crt",
		Confirm:     "openssl s_client -connect host:5671 -cert client.crt -key client.key </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"certificateverify uses unsupported signature algorithm"},
		Title:       "Erlang's TLS 1.3 refused the peer's CertificateVerify signature scheme",
		Explanation: "In TLS 1.3 Erlang/OTP's ssl checks the signature scheme of the peer's CertificateVerify (its proof that it holds the certificate's key) against its own signature_algs, as far as TLS 1.3 allows them, and ends the handshake with Handshake Failure when the scheme is not among them. Written by a server (`TLS server:`), it is the client's: the client signed with a scheme TLS 1.3 forbids, such as ecdsa_sha1 or rsa_pkcs1_sha256 (old Java clients with an EC or RSA key, and keys in smart cards or keystores that cannot do RSA-PSS), or one left out of the server's signature_algs. Written by a client, the same holds for the server's signature.",
		Fix:         "Update the peer's TLS stack (a Java client: a current JDK), or let this connection use TLS 1.2, where the older schemes are allowed (versions: ['tlsv1.2'] on the Erlang side; RabbitMQ: ssl_options.versions.1 = tlsv1.2), or add the peer's scheme to signature_algs when it is sound.",
		Confirm:     "openssl s_client -connect host:5671 -tls1_3 -cert client.crt -key client.key </dev/null",
	},
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match:       []string{"generated server alert: fatal - bad record mac"},
		Title:       "A client refused this Erlang server's certificate (TLS 1.3, a client built on OpenSSL)",
		Explanation: "When a client built on OpenSSL (curl, Python, openssl s_client) refuses the server's certificate in a TLS 1.3 handshake, the alert it sends does not decrypt with the keys the Erlang server expects at that point (state wait_finished), so the server logs Bad Record MAC instead of the client's reason (seen so with a real OTP 25 server). The client's own error says it: the server's certificate is self-signed or from a CA the client was not given, served without its intermediate, or does not carry the name the client used.",
		Fix:         "Read the client's error, or check what the server sends from the client's machine:\n  openssl s_client -connect host:5671 -servername host -showcerts </dev/null\nthen give the client the server's CA, or serve the full chain (certfile, with the intermediates in cacertfile).",
		Confirm:     "mtlsdoctor probe host:5671 --ca ca.crt",
	},
	{
		ID: HandshakeFailed, Kind: "client", Within: []string{"tls server:"},
		Match:       []string{"received client alert: fatal - handshake failure"},
		Title:       "A client ended this Erlang server's handshake (Handshake Failure)",
		Explanation: "The client sent handshake_failure: an Erlang client does so when the server's certificate does not carry the name it asked for (hostname_check_failed) or the server sent no certificate it could use; other clients when they share no TLS version or cipher with the server.",
		Fix:         "Read the client's error (an Erlang client names the reason after the alert), and check the names in the server's certificate:\n  openssl s_client -connect host:5671 -servername host </dev/null 2>/dev/null | openssl x509 -noout -text | grep -A1 'Subject Alternative Name'",
		Confirm:     "openssl s_client -connect host:5671 -servername host </dev/null",
	},
	{
		ID: WrongPurpose, Kind: "client",
		Match:       []string{"extended key usage does not permit use for tls server authentication"},
		Title:       "The server's certificate is not for TLS servers (Java: extended key usage)",
		Explanation: "Java checked the server certificate's extendedKeyUsage and it does not allow serverAuth: a client certificate served as a server certificate, or one made without the server's usage.",
		Fix:         "Reissue the server certificate with:\n  extendedKeyUsage=serverAuth\nand check it (SSL server : Yes):\n  openssl x509 -noout -purpose -in server.crt",
		Confirm:     "openssl x509 -noout -text -in server.crt | grep -A1 'Extended Key Usage'",
	},
	{
		ID: ServerHostnameMismatch, Kind: "client",
		Match:       []string{"hostname_check_failed"},
		Title:       "The server's certificate does not carry the name the Erlang client asked for (hostname_check_failed)",
		Explanation: "The Erlang/OTP ssl client checked the host name (server_name_indication, or the host it connected to) against the server certificate's subjectAltName and found no match, and ended the handshake with Handshake Failure: a certificate without that name or without a SAN, or a wildcard name, which OTP matches only with customize_hostname_check and public_key:pkix_verify_hostname_match_fun(https).",
		Fix:         "Connect with a name the certificate carries (server_name_indication), or reissue it with the name in its SAN:\n  subjectAltName=DNS:host.example.com",
		Confirm:     sanConfirm,
	},
	{
		ID: HandshakeFailed, Kind: "client",
		Exact:       []string{"{error,closed}"},
		Title:       "The server closed the connection (Erlang: {error,closed})",
		Explanation: "The Erlang/OTP ssl client found the connection closed, with no alert to say why. " + closedNoAnswer,
		Fix:         closedNoAnswerFix,
		Confirm:     "mtlsdoctor probe host:443 --cert client.crt --key client.key",
	},
	// An older Erlang/OTP client whose hello the server refused.
	{
		ID: HandshakeFailed, Kind: "client", Within: []string{": :hello:", ": hello:"},
		Match:       []string{"ssl_alert.erl:"},
		Title:       "The server refused this Erlang/OTP client's hello (no TLS version or cipher in common)",
		Explanation: "An older Erlang/OTP (before OTP 22) logs an alert it received as `SSL: STATE: ssl_alert.erl:LINE:Fatal error: DESCRIPTION`; received in the hello state, it is the server's answer to the client's ClientHello: handshake failure or protocol version means no TLS version, cipher suite or signature algorithm the two share. Old OTP releases offer old versions and suites, and some negotiate badly with newer servers.",
		Fix:         "Give the client the versions and suites the server takes in its ssl options, and upgrade Erlang/OTP:\n  {versions, ['tlsv1.2']},\n  {ciphers, ssl:cipher_suites(all, 'tlsv1.2')}\nSee what the server accepts:\n  openssl s_client -connect host:443 -servername host -tls1_2 </dev/null",
		Confirm:     "openssl s_client -connect host:443 -servername host -tls1_2 </dev/null",
	},
	// An older Erlang/OTP's own alert about the peer's certificate.
	{
		ID: VerifyError, Kind: "client",
		Match: []string{"erl:"},
		Within: []string{"fatal error: unknown ca", "fatal error: bad certificate", "fatal error: certificate expired", "fatal error: unsupported certificate",
			"fatal error: certificate revoked", "fatal error: certificate unknown"},
		Without:     []string{"ssl_alert.erl:"},
		Title:       "This Erlang/OTP program refused its peer's certificate",
		Explanation: "An older Erlang/OTP (RabbitMQ, ejabberd, an Elixir app before OTP 22) logs its own alerts as `SSL: STATE: MODULE.erl:LINE:Fatal error: DESCRIPTION`, naming the module that raised it (ssl_handshake.erl, ssl_certificate.erl); an alert received from the peer names ssl_alert.erl instead. So this program checked the peer's certificate against its cacertfile (or cacerts) and refused it: unknown ca, the peer's chain does not lead to a CA in that file (a server with verify_peer needs its clients' CA there, a client the server's CA; a client behind a TLS-intercepting corporate proxy or firewall gets the proxy's CA, which a package manager's own CA list, such as Hex's, lacks); certificate expired, the peer's certificate or one above it is out of its dates; unsupported certificate, its key usage or extendedKeyUsage does not allow this side of the handshake; bad certificate, another fault in the chain, such as a chain sent out of order or with a certificate that does not belong to it, which older OTP releases refuse where browsers and OpenSSL sort it out. Erlang builds the chain up to a self-signed root in cacertfile: a trusted intermediate or cross-signed certificate alone does not anchor it unless the program passes a partial_chain function (hackney and others added one).",
		Fix:         "Put the CA that issued the peer's certificate in this program's cacertfile (on a server, the clients' CA; on a client, the server's CA), or reissue the peer's certificate from a CA already there:\n  openssl verify -CAfile cacertfile.pem peer.crt",
		Confirm:     "openssl verify -CAfile cacertfile.pem peer.crt",
	},
	// An older Erlang/OTP's own refusal of its peer's version or ciphers.
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"erl:"},
		Within:      []string{"fatal error: protocol version", "fatal error: insufficient security", "fatal error: handshake failure"},
		Without:     []string{"ssl_alert.erl:"},
		Title:       "This Erlang/OTP program refused its peer's TLS version or ciphers (its own alert)",
		Explanation: "An older Erlang/OTP (RabbitMQ, VerneMQ, EMQX, ejabberd, an Elixir app) logs its own alerts as `SSL: STATE: MODULE.erl:LINE:Fatal error: DESCRIPTION`, naming the module that raised it; in the hello state, this program found nothing it accepts in what its peer offered: protocol version, the peer offered only TLS versions its versions option leaves out (OTP 22 and later drop TLS 1.0 and 1.1 by default; Java 7, old Android and old OpenSSL clients offer TLS 1.0 first or only); insufficient security or handshake failure, no cipher suite or curve in common (its ciphers option, or a peer with only old CBC or RSA key exchange suites).",
		Fix:         "See which versions the peer's side offers and this side takes, by trying each:\n  openssl s_client -connect host:8883 -tls1_2 </dev/null\n  openssl s_client -connect host:8883 -tls1 </dev/null\nThen upgrade the old peer (Java 8 or later, or -Dhttps.protocols=TLSv1.2 on Java 7), or, as a stopgap, add the old version to this side's ssl options: {versions, ['tlsv1.2', 'tlsv1.1']}.",
		Confirm:     "openssl s_client -connect host:8883 -tls1_2 </dev/null",
	},
	// An Erlang/OTP client's own alerts ("TLS client: In state certify at
	// ssl_handshake.erl:... generated CLIENT ALERT: Fatal - Handshake
	// Failure"): the client refused, nothing was received.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"generated client alert: fatal - handshake failure"},
		Title:       "The Erlang client ended the handshake itself (a handshake_failure it generated)",
		Explanation: "`generated CLIENT ALERT` is Erlang/OTP's own alert, not the server's: the client (Elixir's Mint, Finch or Req, hackney, httpc, mix and Hex, a RabbitMQ shovel or federation link) refused. In the certify or wait_cert state it refused the server's certificate, most often by its host name check: OTP reports a name the certificate does not carry (hostname_check_failed) as handshake_failure, and a wildcard certificate fails this way when customize_hostname_check is set without the HTTPS match_fun; a chain it cannot verify gives unknown_ca instead. In the hello state no TLS version, cipher or signature algorithm was shared (OTP 22 and later leave out TLS 1.0 and 1.1). Valid certificates fail so after an upgrade when the HTTP library does its own checking: hackney before 1.17 with OTP 23 and later (its verify_fun), and hackney 1.22.0, which checked the IP address it had resolved instead of the host name.",
		Fix:         "If every server fails since an upgrade of OTP or of hackney, upgrade hackney (or pin the release before, such as 1.21.0). Otherwise see the names the server's certificate carries, and let the client match wildcards as HTTPS does:\n  openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -text | grep -A1 'Subject Alternative Name'\nwith, in the client's ssl options (Elixir):\n  customize_hostname_check: [\n    match_fun: :public_key.pkix_verify_hostname_match_fun(:https)]",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null",
	},
	// OTP releases that assert TLS 1.3's middlebox-compatibility
	// change_cipher_spec, which some servers do not send.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"hello_middlebox_assert"},
		Title:       "The Erlang client wanted TLS 1.3's compatibility change_cipher_spec, and the server sent none",
		Explanation: "In TLS 1.3's middlebox compatibility mode a client expects the server to send a dummy change_cipher_spec after its ServerHello. Some OTP releases (24.3.4.x among them) check for it strictly and end the handshake with unexpected_message when a server, correctly or not, goes straight on to its encrypted messages; later OTP patch releases accept that again.",
		Fix:         "Upgrade OTP to a later patch release; until then, turn the mode off in the client's ssl options:\n  {middlebox_comp_mode, false}",
		Confirm:     "openssl s_client -connect host:443 -tls1_3 -msg </dev/null 2>&1 | grep -i ChangeCipherSpec",
	},
	// Erlang/OTP's reasons for a refused certificate (RabbitMQ, Elixir).
	{
		ID: VerifyError, Kind: "client",
		Match: []string{"generated server alert: fatal - handshake failure"},
		// A reason of its own follows the alert.
		Without:     []string{"certificateverify uses unsupported signature algorithm"},
		Title:       "The Erlang server (RabbitMQ, an Elixir app) ended the handshake",
		Explanation: "Erlang's TLS server sent handshake_failure. With verify_peer and fail_if_no_peer_cert it does so when the client's certificate is missing or refused; the log line next to it names the reason as {bad_cert, Reason}: unknown_ca (not issued by a CA in cacertfile), invalid_ext_key_usage (no clientAuth in its extendedKeyUsage), cert_expired, selfsigned_peer. Otherwise no TLS version or cipher was shared, or its own certificate's key cannot sign in TLS 1.3 (an RSA key under 2048 bits: the next line says unacceptable_rsa_key), so clients that offer TLS 1.3 fail while TLS 1.2 works.",
		Fix:         "Check the client certificate against the server's cacertfile and for clientAuth, and reissue it if needed:\n  openssl verify -CAfile ca.pem -purpose sslclient client.crt\n  openssl x509 -noout -text -in client.crt | grep -A1 'Extended Key Usage'",
		Confirm:     "openssl s_client -connect host:5671 -cert client.crt -key client.key -CAfile ca.pem </dev/null",
	},
	{
		ID: WrongPurpose, Kind: "client",
		Match:       []string{"{bad_cert,invalid_ext_key_usage}", "bad_cert,invalid_ext_key_usage"},
		Title:       "The certificate's extendedKeyUsage does not allow this use (Erlang: invalid_ext_key_usage)",
		Explanation: "Erlang's TLS (RabbitMQ, Elixir) refused the peer's certificate because its extendedKeyUsage does not fit its side: a client certificate with serverAuth only (no clientAuth), or a server certificate without serverAuth.",
		Fix:         "Reissue the certificate with the usage of its side in its -extfile; a client certificate:\n  extendedKeyUsage=clientAuth",
		Confirm:     "openssl x509 -noout -text -in client.crt | grep -A1 'Extended Key Usage'",
	},
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match:       []string{"ssl peer certificate validation failed", "ssl peer cert verification failed"},
		Title:       "The client did not trust the server's certificate",
		Explanation: "The client (the MongoDB shell, rabbitmq-c, or another program on OpenSSL) checked the server's certificate against the CA file it was given and refused it: the CA file is not the one that issued the server's certificate (or is not PEM), the chain holds a self-signed root it does not know, or the name does not match.",
		Fix:         "Give the client the CA that issued the server's certificate, as PEM (mongosh: --tlsCAFile ca.pem; rabbitmq-c: its cacert file):\n  openssl s_client -connect host:port -CAfile ca.pem </dev/null | grep 'Verify return code'",
		Confirm:     "openssl verify -CAfile ca.pem server.crt",
	},
	// mbedTLS (ESP32, embedded devices).
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match:       []string{"-0x2700", "x509 - certificate verification failed", "mbedtls_err_x509_cert_verify_failed", "(-9984)", "error: -9984"},
		Title:       "The mbedTLS client could not verify the server's certificate (-0x2700)",
		Explanation: "MBEDTLS_ERR_X509_CERT_VERIFY_FAILED: the device (an ESP32, a MicroPython board, an embedded client) found no trusted CA for the server's chain (the CA given to it, such as the cert_pem of esp_http_client or its certificate bundle, is not the server's root), or the name does not match (a device connecting by IP address to a certificate that names only a host name: mbedtls_ssl_set_hostname, or the SDK's host name verification setting), or its clock is not set yet (no SNTP time: a board without a real-time clock starts at its firmware's fixed date, so every certificate looks not yet valid; MicroPython: ntptime.settime() first), or Mbed TLS ran out of heap while checking a long chain (Zephyr's CONFIG_MBEDTLS_HEAP_SIZE, a device short of memory), which it reports as this same failure. Programs that carry Mbed TLS on a computer keep their own CA list rather than the system's: Julia's MbedTLS.jl and HTTP.jl take a corporate or private CA from JULIA_SSL_CA_ROOTS_PATH (older releases: HTTP_CA_BUNDLE or CURL_CA_BUNDLE).",
		Fix:         "Give the device the root CA of the server's chain (PEM, with its terminating newline) or enable the certificate bundle, and set the time before connecting (SNTP):\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null",
		Confirm:     "openssl s_client -connect host:443 -servername host -showcerts </dev/null",
	},
	// Apple's and BearSSL's name checks.
	{
		ID: ServerHostnameMismatch, Kind: "client",
		Match:       []string{"trust evaluation failed(-9843)", "-9843", "expected server name was not found in the chain"},
		Title:       "The server's certificate does not carry the host name the client used",
		Explanation: "The client (an iOS or macOS app: errSSLHostNameMismatch, -9843; an Arduino or embedded client on BearSSL) connected to a name the server's certificate does not carry in its subjectAltName.",
		Fix:         "Connect with a name the certificate carries, or reissue it with the name in its SAN:\n  subjectAltName=DNS:host.example.com",
		Confirm:     sanConfirm,
	},
	// GnuTLS's words (apt, wget and git on Debian).
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match:       []string{"the certificate is not trusted. the certificate issuer is unknown", "certificate verification failure: the certificate is not trusted", "could not find a signer of the certificate"},
		Title:       "The client (GnuTLS) does not trust the server's certificate",
		Explanation: "A client on GnuTLS (apt, and git or wget on Debian and Ubuntu) found no trusted CA for the server's certificate: the ca-certificates package is missing or stale (slim container images, such as debian:*-slim, have none), a private or intercepting proxy's CA is not installed, or the server does not send its intermediate. When GnuTLS also says the name does not match, settle the CA first, then check the name the URL uses against the certificate's. After `Error setting the x509 trust file`, no CA was loaded at all: a GnuTLS built without a system trust store, or a CA file that does not exist.",
		Fix:         "Install or refresh the system's CA bundle, adding a private or proxy CA under /usr/local/share/ca-certificates/ first:\n  apt-get install --reinstall ca-certificates\n  update-ca-certificates",
		Confirm:     serverVerdictConfirm,
	},
	{
		ID: ServerCertExpired, Kind: "client",
		Match:       []string{"the certificate chain uses expired certificate"},
		Title:       "The client (GnuTLS) found an expired certificate in the server's chain",
		Explanation: "A client on GnuTLS (apt, git, wget) built the server's chain through an expired certificate. Four causes cover most cases: 1. GnuTLS before 3.6.14 follows the chain the server sends to an expired cross-signing root even when it trusts a valid one (Let's Encrypt's DST Root CA X3 after 2021, AddTrust External CA Root after 2020): an old system's GnuTLS, which an upgrade fixes; 2. an old CA bundle that lacks the current root (ISRG Root X1), so the expired path is the only one; 3. the server still sends an expired intermediate or cross-sign in its chain, which it must drop; 4. the server's certificate has expired, or the client's clock is wrong.",
		Fix:         "See the GnuTLS release (3.6.14 and later skip an expired cross-sign), refresh the CA bundle, then check the server's dates and the clock:\n  gnutls-cli --version\n  apt-get install --reinstall ca-certificates\n  update-ca-certificates\n  date -u\nOn a system too old for a newer GnuTLS, remove the expired root from the bundle (DST Root CA X3: dpkg-reconfigure ca-certificates, deselect it) or have the server send its chain without the expired cross-sign.",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -dates",
	},
	{
		ID: ServerHostnameMismatch, Kind: "client",
		Match:       []string{"the name in the certificate does not match the expected"},
		Without:     []string{"the certificate issuer is unknown", "could not find a signer of the certificate"}, // told by the trust entry
		Title:       "The server's certificate does not carry the host name the client (GnuTLS) used",
		Explanation: "The client (apt, git, wget on GnuTLS) connected to a host name the server's certificate does not carry: the wrong certificate is served for that name, a mirror or proxy answers under another name, or the URL uses a name the certificate lacks.",
		Fix:         "Use the host name the certificate carries in the URL (the sources.list entry), or fix the certificate served for that name:\n  openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -text | grep -A1 'Subject Alternative Name'",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -subject",
	},
	{
		ID: StaplingFailed, Kind: "client",
		Match:       []string{"the revocation or ocsp data are old", "the revocation data are old and have been superseded"},
		Title:       "The client (GnuTLS) refused the server's stale OCSP data",
		Explanation: "The server stapled an OCSP response about its certificate that is past its validity: the server keeps serving a cached response it could not refresh (its OCSP stapling cannot reach the responder), and the client refuses it.",
		Fix:         "On the server, fix or turn off OCSP stapling so that it serves a fresh response (for nginx, stapling needs a working resolver; a reload refreshes it):\n  openssl s_client -connect host:443 -servername host -status </dev/null 2>/dev/null | grep -A12 'OCSP response'",
		Confirm:     "openssl s_client -connect host:443 -servername host -status </dev/null",
	},
	// Other servers' stapling without the issuer (LiteSpeed, h2o).
	{
		ID: StaplingFailed, Kind: "client",
		Match:       []string{"x509_store_ctx_get1_issuer failed", "failed to extract issuer certificate"},
		Title:       "OCSP stapling found no issuer certificate: the chain is missing",
		Explanation: "To staple, the server asks the OCSP responder about its own certificate, and for that needs the certificate's issuer (the intermediate). It looks in the certificate file or the chain file configured with it and found none: the file holds only the server's certificate (Let's Encrypt's cert.pem instead of fullchain.pem), or the chain setting is empty. Clients that do not fetch intermediates fail too.",
		Fix:         "Configure the full chain, the server's certificate first, then its intermediates, and restart the server:\n  cat cert.pem chain.pem > fullchain.pem",
		Confirm:     "openssl crl2pkcs7 -nocrl -certfile fullchain.pem | openssl pkcs7 -print_certs -noout",
	},
	// libcurl on GnuTLS (git on Debian and Ubuntu) failing to load its
	// client certificate or key: one line for every cause, as real runs
	// here showed (a missing, empty, DER, garbage or swapped file, another
	// certificate's key, an encrypted key).
	{
		ID: CertLoadFailed, Kind: "client", Side: "client",
		Match:       []string{"error reading x.509 key or certificate file", "error reading x.509 potentially-encrypted key file"},
		Title:       "git (libcurl on GnuTLS) could not load its client certificate or key",
		Explanation: "git, or curl built on GnuTLS, could not load the client certificate and key it was given (git: http.sslCert and http.sslKey, or GIT_SSL_CERT and GIT_SSL_KEY; curl: --cert and --key), so it did not even connect. It prints this one line for every cause: a file that is missing or unreadable, empty, not PEM (DER, or PKCS#12 without http.sslCertType=P12), the key where the certificate belongs, a key that does not belong to the certificate, or an encrypted key (git asks for its password only with http.sslCertPasswordProtected=true; libcurl on GnuTLS before 7.45, as pycurl and old distributions carry it, ignored the pass phrase altogether, so an encrypted key failed there whatever was given: decrypt it, or use a libcurl on OpenSSL). Other programs on libcurl and GnuTLS print it too: systemd-journal-upload loads a client certificate and key for every https:// URL, from /etc/ssl/certs/journal-upload.pem and /etc/ssl/private/journal-upload.pem when ServerCertificateFile= and ServerKeyFile= are not set, so a missing default file fails it (newer releases take - for no file).",
		Fix:         "See which files git uses, then check their directory (it names a mismatched or encrypted key and an unreadable file):\n  git config --show-origin --get-regexp 'http\\..*ssl'\n  mtlsdoctor certs ~/.certs\nFor an encrypted key:\n  git config --global http.sslCertPasswordProtected true",
		Confirm:     "openssl x509 -noout -subject -in client.crt && openssl pkey -noout -in client.key",
	},
	// GnuTLS's read error for an alert it does not name (curl and git on
	// GnuTLS over TLS 1.3, gnutls-cli's "*** Fatal error: ", gnutls-serv's
	// "Error in handshake: "), seen in real runs against servers that
	// refused the client certificate.
	{
		ID: TLSAlert, Kind: "client",
		Match:   []string{"a tls fatal alert has been received", "gnutls handshake: -12"},
		Without: []string{"unable to encrypt connection"},
		Title:   "The client (GnuTLS) received a fatal alert: over TLS 1.3, most often the server refusing its client certificate",
		Explanation: "A client on GnuTLS (git, curl and wget on Debian and Ubuntu, gnutls-cli) got a fatal alert from the server, and this error does not name it. " +
			"Read after the handshake (git's and curl's `GnuTLS recv error (-12)`), it is almost always the server refusing the client certificate: over TLS 1.3 a server sends that verdict only after the client has finished its part, whether no certificate was sent (certificate_required), or it comes from a CA the server does not trust, or it is expired, not yet valid or revoked, or the server's own revocation check failed (its CRL past its nextUpdate, or none from the certificate's CA). " +
			"Over TLS 1.2 the same refusals come during the handshake, and curl and git then name the alert (`gnutls_handshake() failed: CA is unknown`); gnutls-cli names it on its next line (`*** Received alert [48]: CA is unknown`). " +
			"Received in the handshake itself without a client certificate in play (`TLS, handshake failed`, as kdig and other tools say), it is more often a failed negotiation: no TLS version or cipher suite in common, such as a client whose priority string allows TLS 1.3 only against a TLS 1.2 server (gnutls-cli --priority NORMAL:-VERS-ALL:+VERS-TLS1.2 shows it). " +
			"Written by a server (gnutls-serv's `Error in handshake:`), its client sent the alert: most often refusing the server's certificate.",
		Fix:     "Give the client the certificate and key the server trusts (git: http.sslCert and http.sslKey, or GIT_SSL_CERT and GIT_SSL_KEY; curl: --cert and --key), then see which alert the server sends and why, in the server's log or with gnutls-cli, which names the alert:\n  gnutls-cli -p 443 host --x509cafile ca.crt \\\n    --x509certfile client.crt --x509keyfile client.key",
		Confirm: "openssl s_client -connect host:443 -cert client.crt -key client.key </dev/null",
	},
	// gnutls-cli finding the connection closed without an alert (real runs
	// against nginx's stream module refusing its client certificate).
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"peer has closed the gnutls connection"},
		Title:       "The server closed the connection (gnutls-cli)",
		Explanation: "gnutls-cli found the connection closed by the server, without an alert to say why. In mutual TLS over TLS 1.3 this is most often the server refusing the client certificate after the client has finished its part of the handshake and closing without an alert, as nginx's stream module and a Node.js server with rejectUnauthorized do: the server's log names the refusal. Otherwise the server ended the session after answering.",
		Fix:         "Read the server's log for the refusal, and check the client certificate against the CA the server trusts:\n  " + verifyClient,
		Confirm:     "openssl s_client -connect host:443 -cert client.crt -key client.key </dev/null",
	},
	// gnutls-cli refusing the server's certificate: its "- Status:" line
	// says why.
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match:       []string{"pki verification of server certificate failed", "fatal error: error in the certificate"},
		Title:       "gnutls-cli refused the server's certificate",
		Explanation: "gnutls-cli checked the server's certificate against its CA file (--x509cafile, or the system's CAs) and the name it connected to, and refused it. The `- Status:` line above says why: `The certificate issuer is unknown` (a private or self-signed CA it was not given, or an intermediate the server does not send), `The name in the certificate does not match the expected` (connect by a name the certificate carries), or an expired certificate.",
		Fix:         "Give it the CA that issued the server's certificate and connect by a name the certificate carries (--verify-hostname checks another name):\n  gnutls-cli --x509cafile ca.crt -p 443 host",
		Confirm:     "gnutls-cli --x509cafile ca.crt -p 443 host </dev/null",
	},
	// GnuTLS's handshake cut short (git and curl-gnutls on Debian and Ubuntu).
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match: []string{"the tls connection was non-properly terminated", "an unexpected tls packet was received", "error in the pull function", "error in the push function"},
		// After the handshake, curl's "GnuTLS recv error": findings_gnutls.go;
		// rsyslog's driver, either side, and cupsd, a server:
		// findings_products.go.
		Without: []string{"gnutls recv error (-110)", "gnutls recv error (-54)", "gnutls returned error on handshake", "can't accept", "tls error on connection", "-110 in gnutls_record_recv", "unable to encrypt connection"},
		Title:   "The client (GnuTLS) lost the handshake: something in the path, or the server, cut it",
		Explanation: "A client on GnuTLS (git, curl and wget on Debian and Ubuntu) got the connection closed, or a record that is not TLS, in the middle of the handshake. Three causes cover nearly all cases. " +
			"(1) Something in between: a proxy the client goes through (git's http.proxy, https_proxy, a stale setting from another network) that drops or rewrites the connection, a site where only a proxy reaches the internet and none is set, a firewall or TLS inspection box, or an MTU problem on a VPN or WSL link (small packets pass, the handshake's large ones do not). " +
			"(2) The server ended it without an alert: in mutual TLS it refused the client certificate (none sent, expired, or from a CA it does not trust: certificates made together expire together), as a Node.js server or nginx's stream module does (real runs here showed it; the server's log names the refusal); or it failed its own side: a private key that does not match its certificate, or a key it cannot sign with, makes programs that load them unchecked drop the connection mid-handshake; less often the server refuses the client's TLS versions. " +
			"(3) The port does not speak TLS, or stopped speaking it: an FTP server that fails after the handshake writes its plain-text error into the TLS channel (vsftpd's `500 OOPS: ...`, for one when SELinux keeps it from users' home directories: setsebool -P ftp_home_dir 1); a record that is not TLS (`An unexpected TLS packet was received`) is what a port that speaks plain HTTP sends back (https:// to an http port, or a server whose TLS is off; gnutls-cli's debug output shows `Received record packet of unknown type 72`, the `H` of `HTTP/1.1`, or `60`, an HTML `<`), and so does a protocol that starts in plain text when the client begins with TLS (IMAP on 143, SMTP on 587, FTP on 21: use STARTTLS there, implicit TLS only on 993, 465, 990).",
		Fix:     "See which proxy the client uses, then set the right one or remove a stale one (git config --global --unset http.proxy):\n  git config --show-origin --get-regexp 'https?\\..*proxy'\n  env | grep -i _proxy\nand compare with a direct handshake:\n  openssl s_client -connect host:443 -servername host </dev/null\nIf the direct handshake stalls too while small requests pass (a VPN, WSL, a tunnel), lower the interface's MTU and retry:\n  ip link set dev eth0 mtu 1350\nIf it fails the same way at once, the server cut it: read the server's log, and check the client certificate's dates (and, on the server, that its key matches its certificate):\n  openssl x509 -noout -enddate -in client.crt",
		Confirm: "GIT_CURL_VERBOSE=1 git ls-remote https://host/repo.git",
	},
	// A Java client refusing an old server's version; a Java server
	// refusing an old client's.
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"is not accepted by client preferences"},
		Title:       "The Java client refused the server's old TLS version",
		Explanation: "The server chose TLS 1.0 or 1.1 (TLS10, TLS11), which the client's JDK has disabled since 8u291, 11.0.11 and 16 (jdk.tls.disabledAlgorithms in java.security): the server, or a device or proxy in front of it, speaks nothing newer. The client is fine; the server is old.",
		Fix:         "Enable TLS 1.2 on the server; nginx:\n  ssl_protocols TLSv1.2 TLSv1.3;\nUntil then, only for this client, take TLSv1 and TLSv1.1 out of jdk.tls.disabledAlgorithms in its java.security (or a copy given with -Djava.security.properties=...).",
		Confirm:     "openssl s_client -connect host:443 -servername host -tls1_2 </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "client", Level: infoLevel,
		Match:       []string{"is not enabled or supported in server context"},
		Title:       "A client offered only TLS versions the Java server has disabled",
		Explanation: "The client asked for TLS 1.0 or 1.1 (or SSLv3), which the server's JDK has disabled since 8u291, 11.0.11 and 16: an old client (Java 7, an old device or library) or a scanner. Usually harmless when it is a scanner now and then.",
		Fix:         "Nothing for scanners. For a client you need, upgrade it to TLS 1.2; only if you must, take TLSv1 and TLSv1.1 out of jdk.tls.disabledAlgorithms in the server's java.security.",
		Confirm:     "openssl s_client -connect host:443 -tls1_2 </dev/null",
	},
	// Java clients refused for their TLS version.
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"received fatal alert: protocol_version"},
		Title:       "The server refused the Java client's TLS version",
		Explanation: "The Java client offered a TLS version the server does not accept: Java 7 (and Java 6) clients offer TLS 1.0 by default, while most servers now require TLS 1.2 or later; a JVM with TLS 1.2 disabled in java.security does the same. The other way round, a client pinned to TLS 1.2 (a protocol list in the program's or its HTTP library's TLS settings, often set in passing with an option that allows self-signed certificates) fails against a server that takes TLS 1.3 only.",
		Fix:         "Run with TLS 1.2 enabled for clients, or upgrade Java:\n  -Dhttps.protocols=TLSv1.2 -Djdk.tls.client.protocols=TLSv1.2\nAgainst a TLS 1.3-only server, let the client offer TLS 1.3 too (Java 11 and later, or 8u261): remove a pinned protocol list, or list both:\n  -Djdk.tls.client.protocols=TLSv1.2,TLSv1.3\nSee which versions the server takes:\n  openssl s_client -connect host:443 -servername host -tls1_2 </dev/null",
		Confirm:     "openssl s_client -connect host:443 -servername host -tls1_2 </dev/null",
	},
	// Apache's mod_md: the ACME CA's tls-alpn-01 check of this server.
	{
		ID: HandshakeFailed, Kind: "client", Within: []string{"ah10056", "mod_md", "acme"},
		Match:       []string{"remote error: tls: handshake failure", "remote error: tls: no application protocol"},
		Title:       "The ACME CA's check of this server's tls-alpn-01 answer failed its handshake (Apache mod_md)",
		Explanation: "Apache's mod_md (AH10056 names the domain it was processing) relays what the ACME CA reported: the CA connected to this server on port 443 to validate the domain with tls-alpn-01, and the handshake failed, so no certificate was issued. The server did not answer the CA's acme-tls/1 protocol: the virtual host lacks `Protocols h2 http/1.1 acme-tls/1`, or something in front of Apache (a load balancer, a CDN, another proxy on port 443) ends TLS itself, or the virtual host requires a client certificate (SSLVerifyClient require), which the CA's validator never sends.",
		Fix:         "Offer the ACME protocol in the server's configuration and reload, or let mod_md validate over port 80 instead:\n  Protocols h2 http/1.1 acme-tls/1\n  MDCAChallenges http-01\nWith mutual TLS on that virtual host, ask for client certificates with SSLVerifyClient optional (and require them per location), or validate over port 80.",
		Confirm:     "openssl s_client -connect www.example.com:443 -servername www.example.com -alpn acme-tls/1 </dev/null",
	},
	// Galera's SSL settings.
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"to enable ssl at least both of 'socket.ssl_key' and 'socket.ssl_cert' must be set"},
		Title:       "Galera needs both socket.ssl_key and socket.ssl_cert",
		Explanation: "Galera (MariaDB or Percona XtraDB Cluster replication) was given only one of its SSL files in wsrep_provider_options: with either set it wants both, the node's certificate and its key, and stops.",
		Fix:         "Set both, with the CA, in wsrep_provider_options:\n  wsrep_provider_options=\"socket.ssl_key=/etc/mysql/ssl/server-key.pem;socket.ssl_cert=/etc/mysql/ssl/server-cert.pem;socket.ssl_ca=/etc/mysql/ssl/ca.pem\"",
		Confirm:     "openssl x509 -noout -subject -in /etc/mysql/ssl/server-cert.pem",
	},
	// Kestrel (ASP.NET Core) as the server: its middleware's own words.
	{
		ID: VerifyError, Kind: "client", Within: []string{kestrelWords},
		Match: []string{"remote certificate is invalid according to the validation procedure", "remote certificate is invalid because of errors in the certificate chain",
			"remotecertificatechainerrors", "remote certificate was rejected by the provided remotecertificatevalidationcallback"},
		Title:       "Kestrel refused the client certificate",
		Explanation: "Kestrel (ASP.NET Core's server) wrote this about its client's certificate, not its own: with ClientCertificateMode.RequireCertificate it validates the client certificate against the machine's trust store (not a CA file of its own), requires Client Authentication in its Extended Key Usage when it has one, and checks revocation (CheckCertificateRevocation is on by default, so a CA whose CRL cannot be fetched fails every client); a ClientCertificateValidation callback that returns false refuses it too.",
		Fix:         "Put the client certificates' CA in the server machine's trust store (Linux: /usr/local/share/ca-certificates/ then update-ca-certificates; Windows: Trusted Root Certification Authorities), or validate the chain yourself against that CA in ClientCertificateValidation (CustomTrustStore with X509ChainTrustMode.CustomRootTrust); turn CheckCertificateRevocation off when the CA publishes no CRL; reissue a client certificate without clientAuth:\n  openssl verify -CAfile ca.crt -purpose sslclient client.crt",
		Confirm:     "curl -v --cert client.crt --key client.key https://host:5001/",
	},
	{
		ID: HandshakeFailed, Kind: "client", Within: []string{kestrelWords},
		Match:       []string{"remote party has closed the transport stream", "received an unexpected eof or 0 bytes from the transport stream"},
		Title:       "A client closed the connection during Kestrel's TLS handshake",
		Explanation: "Kestrel (ASP.NET Core's server) saw its client go away in the handshake without an alert: a browser or client that does not trust the server's certificate (the ASP.NET Core development certificate until `dotnet dev-certs https --trust`), a client that has no client certificate to send where one is required, TCP health checks and scanners, or plain HTTP sent to the HTTPS port. Kestrel logs it at debug level; occasional lines are harmless.",
		Fix:         "Run the client by hand, it says what it refused:\n  curl -v https://localhost:5001/\nand on a development machine trust the development certificate:\n  dotnet dev-certs https --trust",
		Confirm:     "openssl s_client -connect localhost:5001 </dev/null",
	},
	// .NET's SslStream.
	{
		ID: HandshakeFailed, Kind: "client", Without: []string{kestrelWords},
		Match:       []string{"authentication failed because the remote party has closed the transport stream"},
		Title:       "The other side closed the connection during a .NET TLS handshake (SslStream)",
		Explanation: "SslStream saw the other side close the connection in the handshake, without an alert; the line alone does not say which side wrote it. In a server's log (Kestrel, a .NET service; AuthenticateAsServer in the stack), a client went away: one that does not trust the server's certificate, a scanner or health check, plain HTTP sent to the TLS port; one at a time this is harmless, and Kestrel logs it at debug level. In a client's (HttpClient, WebClient; AuthenticateAsClient), the server closed: most often no TLS version in common (old .NET Framework clients offer TLS 1.0 unless told otherwise, and servers now want TLS 1.2), else the server required a client certificate the client did not send, or refused the one it sent (an expired, revoked or wrong certificate: Apple's push service closes so), or wanted a name (SNI).",
		Fix:         "On a server, nothing for scanners; run a real client by hand, it says what it refused:\n  curl -v https://host:443/\nOn a client, let it use TLS 1.2 or later (.NET Framework: ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12, or target 4.7 and later and leave it to the system), then see what the server wants:\n  openssl s_client -connect host:443 -servername host </dev/null",
		Confirm:     "openssl s_client -connect host:443 -servername host -tls1_2 </dev/null",
	},
	{
		ID: ServerCertUntrusted, Kind: "client", Without: []string{kestrelWords},
		Match:       []string{"remotecertificatechainerrors"},
		Title:       "The .NET client could not build a trusted chain for the server's certificate",
		Explanation: ".NET reports RemoteCertificateChainErrors when the server's chain does not lead to a root in the system's store: a private CA not installed, a TLS-intercepting proxy's CA, or a missing intermediate the server does not send (Windows fetches it through the certificate's AIA URL when it can; Linux does not), or a certificate in the chain past its dates: .NET reports an expired server certificate (chain status NotTimeValid) as a chain error too, so check the dates first.",
		Fix:         "See the chain the server sends and its dates:\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null 2>/dev/null | grep -E 's:|i:|NotAfter'\nRenew (and deploy) an expired certificate; serve the full chain (the intermediate after the server certificate); add a private CA to the system's store (Linux: /usr/local/share/ca-certificates/ then update-ca-certificates).",
		Confirm:     "openssl s_client -connect host:443 -servername host -showcerts </dev/null",
	},
	// Java servers and clients on client certificates.
	{
		ID: WrongPurpose, Kind: "client",
		Match: []string{"extended key usage does not permit use for tls client authentication"},
		// Kafka's check of its own keystore at start has its own story.
		Without:     []string{"a client sslengine created with the provided"},
		Title:       "The Java server refused the client certificate: not for client authentication",
		Explanation: "Java's certificate checks found that the client certificate's extendedKeyUsage lacks clientAuth: it was signed with server extensions (serverAuth only), as a server certificate reused as the client's is.",
		Fix:         "Issue a client certificate with clientAuth, with this line in its -extfile (openssl ca: -extensions usr_cert):\n  extendedKeyUsage=clientAuth",
		Confirm:     "openssl x509 -noout -text -in client.crt | grep -A1 'Extended Key Usage'",
	},
	{
		ID: NoClientCert, Kind: "client",
		Match:       []string{"no x.509 certificate for client authentication, use empty certificate message instead"},
		Title:       "The Java client had no certificate for the server's request and sent none",
		Explanation: "The server asked for a client certificate and Java's key manager found no key in its keystore that fits: no keystore configured (javax.net.ssl.keyStore), or none of its keys issued by one of the CA names the server listed, or of a key type the server accepts. It then sends an empty Certificate message, and a server that requires one refuses.",
		Fix:         "Give the JVM a keystore whose key is issued by a CA the server lists:\n  openssl pkcs12 -export -in client.crt -inkey client.key -certfile ca.crt -out client.p12\n  -Djavax.net.ssl.keyStore=client.p12 -Djavax.net.ssl.keyStorePassword=changeit -Djavax.net.ssl.keyStoreType=PKCS12",
		Confirm:     "openssl s_client -connect host:443 </dev/null 2>/dev/null | grep -A5 'Acceptable client certificate CA names'",
	},
	// .NET's outer exception.
	{
		ID: HandshakeFailed, Kind: "client",
		Match: []string{"the ssl connection could not be established, see inner exception"},
		// The inner exception's own words, when the line holds them, tell it.
		Without:     []string{"remote party sent a tls alert", "received an unexpected eof or 0 bytes from the transport stream"},
		Title:       "The .NET client could not set up TLS (see the inner exception)",
		Explanation: ".NET's HttpClient wraps the real reason in an inner exception, which the next lines of the log show: most often an AuthenticationException saying the remote certificate is invalid (a CA not in the system store, a name mismatch, a TLS-intercepting proxy's CA), else a protocol or client certificate problem: on an old Windows (Server 2012 R2, Windows 7), whose Schannel lacks TLS 1.2's ECDHE-GCM suites or has them turned off, no cipher suite is shared with a server that dropped the older ones (Azure DevOps, GitHub and other services did so): enable the GCM suites (IIS Crypto, or Enable-TlsCipherSuite). On Android and iOS (Xamarin, .NET MAUI) the platform does not fetch an intermediate the server leaves out, so a chain that desktop browsers accept fails: serve the full chain. PowerShell modules that manage appliances refuse the self-signed certificate such a device has by default (vCenter, a NAS, a BMC): PowerCLI until Set-PowerCLIConfiguration -InvalidCertificateAction sets what to do, or its CA is trusted. On Linux, a self-signed certificate made on Windows (New-SelfSignedCertificate) and added with update-ca-certificates has been refused by .NET's chain building when its keyUsage lacked certificate signing, and accepted once reissued with it (-KeyUsage CertSign,DigitalSignature,KeyEncipherment); openssl verify takes both, so test with the .NET client itself.",
		Fix:         "Log the inner exception (and the SslPolicyErrors in a ServerCertificateCustomValidationCallback). For the ASP.NET Core development certificate, trust it (dotnet dev-certs https --trust). For an untrusted CA, add it to the system's store (Linux: /usr/local/share/ca-certificates/ then update-ca-certificates; containers: the same in the image, or SSL_CERT_FILE / SSL_CERT_DIR):\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null",
	},
	// Docker's daemon with --tlsverify and its clients.
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"could not read ca certificate"},
		Title:       "dockerd could not read the CA that verifies its clients (--tlscacert)",
		Explanation: "dockerd was started with --tlsverify (or --tls with client verification) and reads the CA of its clients' certificates from --tlscacert, by default ~/.docker/ca.pem of the user it runs as; that file does not exist there.",
		Fix:         "Name the CA explicitly, with the server's own certificate and key:\n  dockerd --tlsverify -H=0.0.0.0:2376 \\\n      --tlscacert=/etc/docker/ca.pem \\\n      --tlscert=/etc/docker/server-cert.pem \\\n      --tlskey=/etc/docker/server-key.pem",
		Confirm:     "ls -l /etc/docker/ca.pem",
	},
	// BoringSSL's PKCS#12 parser (Postman, Insomnia, Chromium-based apps).
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"bad_pkcs12_data", "pkcs12_parse:mac verify failure"},
		Title:       "The client could not read the PKCS#12 (.pfx/.p12) client certificate",
		Explanation: "The app's TLS library (BoringSSL in Electron apps such as Postman; OpenSSL elsewhere) could not parse the .pfx/.p12 file: a wrong password, a file made with legacy ciphers (RC2, 3DES) or new ones (AES with PBKDF2) that this library version does not read, or a file that is not PKCS#12.",
		Fix:         "Re-export the file with widely read settings, or give the app the PEM certificate and key instead:\n  openssl pkcs12 -in client.p12 -nodes -out client.pem\n  openssl pkcs12 -export -in client.pem -out client-new.p12 -certpbe AES-256-CBC -keypbe AES-256-CBC -macalg sha256",
		Confirm:     "openssl pkcs12 -in client.p12 -noout -info",
	},
	// Vault's cert auth method.
	{
		ID: NoClientCert, Kind: "client",
		Match:       []string{"client certificate must be supplied", "invalid certificate or no client certificate supplied"},
		Title:       "Vault's cert auth got no client certificate it could verify",
		Explanation: "Vault's cert auth method reads the client certificate of the TLS connection itself: none was presented (vault login -method=cert without -client-cert and -client-key; curl with the paths in the JSON body instead of --cert and --key), or the one presented does not chain to the CA of a cert role (its intermediate missing from the role's certificate or from what the client sends). A Go client (the vault CLI, Terraform's provider, a Go program) that has a certificate still sends none when its issuer is not among the CA names the listener asks for (Vault's tls_client_ca_file), and a load balancer that ends TLS in front of Vault never passes the certificate on.",
		Fix:         "Present the certificate in the handshake, with its chain:\n  vault login -method=cert -client-cert=client.crt \\\n      -client-key=client.key\n  curl --cert client-chain.crt --key client.key \\\n      -X POST https://vault:8200/v1/auth/cert/login\nand make the cert role's certificate the CA (with intermediates) that issued it.",
		Confirm:     "openssl verify -CAfile role-ca.pem -untrusted intermediate.crt client.crt",
	},
	// A client-certificate check that found no TLS at all (Vault's cert
	// auth, Go middleware that reads r.TLS).
	{
		ID: NoClientCert, Kind: "client",
		Match:       []string{"tls connection required"},
		Without:     []string{"starttls", "smtp", "535 "},
		Title:       "The server checks client certificates, and this request did not arrive over TLS",
		Explanation: "The server (Vault's cert auth method, or a program that reads the client certificate from the request's TLS state) found no TLS connection under the request, so no client certificate can be there: the client used http:// (VAULT_ADDR=http://...), the listener has TLS turned off (Vault: tls_disable = true), or a load balancer or proxy in front ends TLS and forwards plain HTTP.",
		Fix:         "Send the request over TLS to a listener that has it, straight to the server (not through a proxy that ends TLS):\n  export VAULT_ADDR=https://vault.example.com:8200\n  vault login -method=cert -client-cert=client.crt -client-key=client.key\nand give the listener its certificate (Vault: tls_cert_file and tls_key_file, with tls_disable removed).",
		Confirm:     "curl -v --cert client.crt --key client.key https://vault.example.com:8200/v1/sys/health",
	},
	// mitmproxy: the client refused the proxy's certificate (unless
	// OpenSSL's reason in brackets names an old client: findings_products.go).
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "server",
		Match:       []string{"the client may not trust the proxy's certificate for", "the client does not trust the proxy's certificate for"},
		Without:     []string{mitmOldClient},
		Title:       "The client does not trust mitmproxy's certificate",
		Explanation: "mitmproxy (or mitmdump, mitmweb) intercepts the client's TLS with a certificate signed by its own CA, and the client refused it: the CA is not installed on the device, an Android app (since Android 7) ignores CAs the user installed unless its network_security_config trusts them, iOS needs the CA turned on in Certificate Trust Settings as well, or the app pins its server's certificate or key, which no proxy CA satisfies.",
		Fix:         "Install mitmproxy's CA on the device (browse to http://mitm.it through the proxy), and on iOS enable full trust for it; for an Android app you build, trust user CAs in debug builds (network_security_config's <debug-overrides>); a pinning app cannot be intercepted without removing its pin. The CA is at:\n  ls ~/.mitmproxy/mitmproxy-ca-cert.pem",
		Confirm:     "curl --proxy http://127.0.0.1:8080 --cacert ~/.mitmproxy/mitmproxy-ca-cert.pem https://example.com/",
	},
	// Dart and Flutter, cut before the OS error that says why.
	{
		ID: HandshakeFailed, Kind: "client", Fallback: true,
		Match:       []string{"handshakeexception: handshake error in client"},
		Title:       "A Dart or Flutter client's TLS handshake failed",
		Explanation: "Dart's HttpClient (and Flutter's http and dio on it) failed the handshake; the OS Error that follows names why: CERTIFICATE_VERIFY_FAILED, the server's certificate did not verify (a private or self-signed CA the app was not given, a missing intermediate, an expired certificate, or an old Android's trust store without the server's root, such as ISRG Root X1 before Android 7.1.1); WRONG_VERSION_NUMBER, the port speaks plain HTTP; a handshake failure alert, no TLS version or cipher in common.",
		Fix:         "Read the OS Error after it, and check the server's chain from the device's network:\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null\nFor a private CA, give the client its CA (SecurityContext.setTrustedCertificatesBytes), not badCertificateCallback that accepts everything.",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null",
	},
	// Dart and Flutter when the server hangs up in the handshake.
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"handshakeexception: connection terminated during handshake"},
		Title:       "The server hung up on the Dart or Flutter client during the handshake",
		Explanation: "Dart's SecureSocket or HttpClient saw the server close the connection in the middle of the handshake. In mutual TLS (AWS IoT, a broker or API that requires client certificates) the server does so when the client sent no certificate: Dart sends one only when the SecurityContext has it through useCertificateChain and usePrivateKey (setTrustedCertificates is for the CAs the client trusts, not its own certificate). Otherwise no TLS version or cipher in common, or a name (SNI) the server does not serve.",
		Fix:         "Give the SecurityContext the client certificate and key, and the CA separately:\n  context.useCertificateChain('client.crt'); context.usePrivateKey('client.key'); context.setTrustedCertificates('ca.crt');\nthen see what the server asks for:\n  openssl s_client -connect host:8883 -servername host -cert client.crt -key client.key </dev/null",
		Confirm:     "openssl s_client -connect host:8883 -servername host </dev/null",
	},
	// OpenVPN's control-channel key (tls-crypt, tls-auth) that does not
	// unwrap what the peer sent.
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"tls-crypt unwrapping failed", "tls-crypt-v2 unwrapping failed", "tls error: cannot locate hmac in incoming packet", "tls error: incoming packet authentication failed", "packet hmac authentication failed"},
		Title:       "OpenVPN dropped a packet its tls-crypt or tls-auth key does not open",
		Explanation: "Every control-channel packet is wrapped with the static key of tls-crypt (or signed with tls-auth's), and the two sides must use the same key the same way: the same file, tls-crypt on both or tls-auth on both, and for tls-auth opposite key-direction (0 on the server, 1 on the client). A client profile made for another server or another mode (tls-auth with key-direction where the server has tls-crypt, as some profile generators and mobile apps write) fails so on every packet. Packets from port scanners and from old clients of a renewed server give the same line now and then. When it began without any change of key, check the client certificate's dates too: a server that refuses an expired client certificate (short-lived ones, as eduVPN issues) has shown on the client only as these errors.",
		Fix:         "Compare the key and its mode on both sides, then give the client the server's:\n  grep -E 'tls-(crypt|auth)|key-direction' server.conf client.ovpn\n  sha256sum ta.key\nWith tls-crypt, put the key in a <tls-crypt> block and remove key-direction.",
		Confirm:     "openvpn --config client.ovpn --verb 4",
	},
	// libgit2 (cargo, git2-rs, pygit2, GitHub Desktop's and IDEs' git)
	// refusing the server's certificate.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"class=ssl (16)", "code=certificate (-17)", "libgit2sharpexception: the ssl certificate is invalid"},
		Title:       "libgit2 does not trust the git server's certificate",
		Explanation: "libgit2 (under cargo's git fetches, git2-rs, pygit2, Rugged and many editors' and GUI clients' git) could not verify the server's certificate against the CAs its TLS backend reads: OpenSSL's default bundle on Linux (SSL_CERT_FILE), the keychain on macOS, Windows' store. In a container, or behind a proxy that re-signs TLS, that bundle lacks the private or proxy CA, and git's own http.sslCAInfo does not apply to libgit2.",
		Fix:         "Add the CA to the bundle libgit2 reads, or point it at one that has it:\n  cp proxy-ca.crt /usr/local/share/ca-certificates/\n  update-ca-certificates\n  export SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt\nFor cargo, let the git command line fetch instead:\n  CARGO_NET_GIT_FETCH_WITH_CLI=true cargo build",
		Confirm:     "openssl s_client -connect github.com:443 -servername github.com </dev/null 2>/dev/null | grep 'Verify return code'",
	},
	// SSSD starting TLS to its LDAP server.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"ldap_install_tls failed"},
		Title:       "SSSD could not start TLS with the LDAP server",
		Explanation: "SSSD's LDAP provider (ldap_id_use_start_tls, or ldaps://) failed the TLS handshake, most often because it checks the server's certificate (ldap_tls_reqcert = demand by default) and does not trust it: ldap_tls_cacert (or ldap_tls_cacertdir) does not name the server's CA, or the name in ldap_uri is not in the certificate. An ldapsearch that works is no proof: it reads ldap.conf, not sssd.conf, and may run with LDAPTLS_REQCERT=never.",
		Fix:         "Name the LDAP server's CA in the domain's section of sssd.conf, then restart sssd:\n  ldap_tls_cacert = /etc/ssl/certs/ldap-ca.crt\nand check the server's chain and name with that CA:\n  openssl s_client -connect ldap.example.com:636 -CAfile /etc/ssl/certs/ldap-ca.crt </dev/null 2>/dev/null | grep 'Verify return code'",
		Confirm:     "sssctl domain-status example.com",
	},
	// OpenVPN's verify-x509-name check of the peer's name.
	{
		ID: VerifyError, Kind: "client",
		Match:       []string{"verify x509name error"},
		Title:       "OpenVPN refused the peer's certificate by its name (verify-x509-name)",
		Explanation: "verify-x509-name compares the peer certificate's name with the one given, in one of three ways: subject (the default) wants the whole subject exactly as OpenVPN prints it (the line shows what it got and what it must be), name wants the common name exactly, and name-prefix wants the common name to start with the value, not the subject. A value copied from another form (a subject given with name-prefix, a server renamed at reissue) refuses every peer.",
		Fix:         "See the peer certificate's subject as OpenVPN prints it, then give verify-x509-name a value of the type it names:\n  openssl x509 -noout -subject -nameopt compat -in server.crt\n  verify-x509-name 'C=US, O=Example, CN=vpn.example.com' subject\n  verify-x509-name vpn.example.com name",
		Confirm:     "openssl x509 -noout -subject -nameopt compat -in server.crt",
	},
	// OpenVPN 2.6's wording for no common TLS version.
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"typically indicates that client and server have no common tls version enabled"},
		Title:       "OpenVPN's client and server share no TLS version",
		Explanation: "OpenVPN 2.6 says so when OpenSSL finds no TLS version both sides allow. OpenVPN 2.6 sets tls-version-min 1.2 by default, and OpenSSL 3 refuses TLS 1.0 and 1.1 at its default security level, so old clients (OpenVPN 2.3 and older, or builds on OpenSSL 0.9.8 and 1.0.0, as on old routers and NAS devices) that speak only TLS 1.0 can no longer connect after the server is upgraded; the other way round, a current client (OpenVPN 2.6, or an app on OpenSSL 3 such as OpenVPN for Android from 0.7.25) fails the same against an old server that speaks only TLS 1.0 (OpenVPN 2.3 on routers such as the UniFi USG); or a side pins tls-version-max below the other's tls-version-min.",
		Fix:         "Upgrade the old side (OpenVPN 2.4 or later speaks TLS 1.2); for a while, let the newer side take TLS 1.0 on OpenSSL 3 with (OpenVPN for Android: its compatibility mode for old servers):\n  tls-version-min 1.0\n  tls-cipher DEFAULT:@SECLEVEL=0",
		Confirm:     "openvpn --version",
	},
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"failed to set restricted tls cipher list"},
		Title:       "OpenVPN's OpenSSL has none of the ciphers tls-cipher names",
		Explanation: "tls-cipher lists control-channel ciphers this side's OpenSSL does not have: a list of TLS 1.2 suites (ECDHE, GCM, SHA-256 or SHA-384) given to an OpenVPN built on OpenSSL 0.9.8 or 1.0.0, as old macOS clients, routers and NAS devices are, or names spelt for another library (OpenVPN's TLS-... names against OpenSSL's). A server that pushes or requires such a list, or a profile written for newer clients, fails so.",
		Fix:         "Upgrade the client to an OpenVPN on OpenSSL 1.1.1 or later, or drop tls-cipher from the profile; see what this OpenSSL knows:\n  openvpn --show-tls\n  openvpn --version",
		Confirm:     "openvpn --show-tls",
	},
	// OpenVPN's handshake that never finished.
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"tls key negotiation failed to occur within"},
		Title:       "OpenVPN's TLS handshake did not finish in time (TLS key negotiation failed)",
		Explanation: "OpenVPN's two sides did not complete the TLS handshake within hand-window (60 seconds). Most often the packets never arrive: a wrong remote address, port or proto (udp against a tcp server), a firewall or NAT dropping UDP; or they arrive and are dropped unanswered: a tls-auth or tls-crypt key (or key-direction) that differs between the two sides drops every packet silently. Less often the handshake fails on certificates: a CA file the client did not load (a ca option pointing to a file the container or service cannot read), or a peer whose certificate the other side refuses; the other side's log then names it.",
		Fix:         "Check the server's log for this client's address first; then compare remote, port, proto, tls-auth or tls-crypt (and key-direction) and ca on both sides. Inline the CA in the .ovpn file when its path may not be readable:\n  <ca>\n  -----BEGIN CERTIFICATE-----\n  ...\n  </ca>",
		Confirm:     "openvpn --config client.ovpn --verb 4",
	},
	// AWS IoT closing a certificate-authenticated MQTT connection.
	{
		ID: ClientCertRejected, Kind: "client",
		Match:       []string{"aws_error_mqtt_unexpected_hangup"},
		Title:       "AWS IoT hung up on the device (its certificate or policy does not allow the connection)",
		Explanation: "AWS IoT Core closes a device's connection without a reason when its client certificate is accepted by TLS but not allowed to connect: the certificate is not registered or not ACTIVE, no policy is attached to it, the policy's iot:Connect does not allow this client id (or another connection with the same client id took over), or the endpoint is of another account or region.",
		Fix:         "Check the certificate's status and the policies attached to it, and that iot:Connect allows the client id the device uses:\n  aws iot describe-certificate --certificate-id ID --query certificateDescription.status\n  aws iot list-attached-policies --target CERTIFICATE_ARN",
		Confirm:     "aws iot describe-endpoint --endpoint-type iot:Data-ATS",
	},
	// hiredis (redis-cli, redis-plus-plus) failing the handshake without a reason.
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"ssl_connect failed: (null)"},
		Title:       "The Redis client's TLS handshake failed without a reason (hiredis: SSL_connect failed: (null))",
		Explanation: "hiredis (under redis-cli, redis-plus-plus and other Redis clients) prints OpenSSL's reason after SSL_connect failed; (null) means none was queued. Most often the client could not verify the server's certificate because it was given no CA (TLS turned on without a CA file or directory, so the issuer is unknown), or the server hung up: it requires a client certificate (tls-auth-clients, on by default) that the client did not send.",
		Fix:         "Give the client the CA, and its certificate when the server checks clients:\n  redis-cli --tls --cacert ca.crt --cert client.crt --key client.key -h host -p 6379 ping\n(redis-plus-plus: the tls cacert, cert and key options of ConnectionOptions).",
		Confirm:     "openssl s_client -connect host:6379 -CAfile ca.crt </dev/null 2>/dev/null | grep 'Verify return code'",
	},
	// Windows (SChannel) with no client certificate to offer.
	{
		ID: NoClientCert, Kind: "client",
		Match:       []string{"has requested tls client authentication, but no suitable client certificate could be found"},
		Title:       "Windows found no client certificate that fits the server's request",
		Explanation: "The server asked for a client certificate and Windows' SChannel (browsers on Windows, .NET, WinHTTP) found none to offer: no certificate with its private key in the user's (or, for a service, the machine's) Personal store, none issued by a CA in the server's list of acceptable CA names (nginx sends the CAs of ssl_client_certificate), or none signed with an algorithm the server's request allows (a server that lists only SHA-384 signatures rules out SHA-256-signed certificates).",
		Fix:         "See the CA names and signature algorithms the server asks for, then import the client certificate with its key (a .pfx) into the Personal store, from a CA on that list:\n  openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | grep -A5 -E 'Acceptable client certificate CA names|Requested Signature Algorithms'",
		Confirm:     "certutil -user -store My",
	},
	// A client's words for a private root it does not trust.
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match:       []string{"root certificate of the certificate chain is self-signed and"},
		Title:       "The client does not trust the self-signed root of the server's chain",
		Explanation: "The server's chain ends in a root certificate that signs itself and is not in the client's trust store: a private CA (a self-hosted or cloud database's, a company's), or a TLS-intercepting proxy's.",
		Fix:         clientTrustAny,
		Confirm:     "openssl s_client -connect host:443 -servername host -showcerts </dev/null",
	},
	// etcdctl (API v2) failing to reach any member.
	{
		ID: HandshakeFailed, Kind: "client", Fallback: true,
		Match:       []string{"etcd cluster is unavailable or misconfigured"},
		Title:       "etcdctl could not talk to any etcd member (often TLS: no CA or client certificate given)",
		Explanation: "etcdctl of API v2 says so for any failure to reach the cluster; with an etcd that serves TLS the usual cause is that etcdctl was not given the CA that signed etcd's certificate, or the client certificate and key etcd requires (client-cert-auth), so the handshake fails; otherwise a wrong endpoint (http:// against https, another port) or etcd down.",
		Fix:         "Give etcdctl the CA and its client certificate (API v3 flags; v2: --ca-file, --cert-file, --key-file):\n  ETCDCTL_API=3 etcdctl --endpoints https://127.0.0.1:2379 --cacert ca.crt --cert client.crt --key client.key endpoint health",
		Confirm:     "curl -v --cacert ca.crt --cert client.crt --key client.key https://127.0.0.1:2379/health",
	},
	// Beats (Filebeat's logstash output) when the server ends the handshake.
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"ssl client failed to connect with: eof"},
		Title:       "The Beat's TLS connection to Logstash was closed during the handshake",
		Explanation: "A Beat (Filebeat, Metricbeat) connecting to Logstash's beats input over TLS saw the server close the connection in the handshake without an alert. Logstash does so when it requires client certificates (ssl_verify_mode => force_peer, or ssl_client_authentication => required) and the Beat sent none, or one that is expired or not issued by a CA in its ssl_certificate_authorities; or when the port is not the TLS input.",
		Fix:         "Give the Beat its client certificate and key, from a CA the input trusts, in output.logstash:\n  ssl.certificate: /etc/filebeat/client.crt\n  ssl.key: /etc/filebeat/client.key\n  ssl.certificate_authorities: [\"/etc/filebeat/ca.crt\"]\nand check it against the input's CA:\n  openssl verify -CAfile ca.crt -purpose sslclient client.crt",
		Confirm:     "openssl s_client -connect logstash:5044 -cert client.crt -key client.key -CAfile ca.crt </dev/null",
	},
	// Traefik's PassClientTLSCert without a client certificate.
	{
		ID: NoClientCert, Kind: "client",
		Match:       []string{"tried to extract a certificate on a request without mutual tls"},
		Title:       "Traefik got no client certificate for this request",
		Explanation: "The PassClientTLSCert middleware found no client certificate: the router's TLS options did not ask for one. Traefik picks TLS options by the SNI name of the connection, so a client that sends no SNI (or another name) gets the default options, without clientAuth; or the options bound to the router lack clientAuth.",
		Fix:         "Make the client send the host name (SNI), or put clientAuth in the default TLS options too:\n  tls:\n    options:\n      default:\n        clientAuth:\n          caFiles: [/etc/traefik/client-ca.pem]\n          clientAuthType: RequireAndVerifyClientCert",
		Confirm:     "openssl s_client -connect host:443 -servername host.example.com </dev/null 2>/dev/null | grep -A3 'Acceptable client certificate CA names'",
	},
	// A name check between the two spellings of an internationalized
	// domain name.
	{
		ID: ServerHostnameMismatch, Kind: "client", Side: "client",
		Match:       []string{"xn--"},
		Within:      []string{"doesn't match", "does not match", "not valid for", "is valid for", "hostname mismatch"},
		Title:       "The name check compared an internationalized domain name in two spellings",
		Explanation: "A domain name with letters outside ASCII (Cyrillic, Chinese, accented) is written in certificates in its ASCII form, xn--... (punycode, IDNA). A client that compares the name as typed, in Unicode, with the certificate's xn-- form finds no match though both name the same domain: a bug of the client or of the library under it, fixed in later releases of most. (When the line shows two different xn-- names, the certificate is another domain's: the usual name mismatch.)",
		Fix:         "Upgrade the client, or give it the name in its xn-- form (the one the certificate carries); see the certificate's names:\n  openssl s_client -connect host:443 -servername xn--example.xn--p1ai </dev/null 2>/dev/null | openssl x509 -noout -text | grep -A1 'Subject Alternative Name'",
		Confirm:     "python3 -c 'print(\"пример.рф\".encode(\"idna\"))'",
	},
	// Python's ssl.match_hostname (docker-compose, pip, older requests).
	{
		ID: ServerHostnameMismatch, Kind: "client",
		Match: []string{"' doesn't match '", "doesn't match either of", "doesn\\'t match either of"}, Within: []string{"hostname '", "hostname \"", "hostname \\'"},
		Title:       "The server's certificate does not carry the host name the Python client used",
		Explanation: "Python's hostname check found the name (or IP address) it connected to in none of the certificate's names. Connecting by IP needs an IP entry in the certificate's subjectAltName. When the names listed belong to someone else (a CDN, a proxy, another site on the same host), the server answered with the certificate of another name: a proxy in between (old pip and urllib3 checked the proxy's name through an HTTP CONNECT proxy), or a client that sends no server name (SNI), so a server with several certificates on one address gives its default one: Python 2 before 2.7.9 sends none (requests on it only with pyOpenSSL installed).",
		Fix:         connectByName + "\nBehind a proxy, upgrade pip (python -m pip install --upgrade pip). On Python 2 before 2.7.9, move to Python 3 (or give requests its security extra, which brings pyOpenSSL) so that it sends the server name.",
		Confirm:     sanConfirm,
	},
	// Squid's error page when its TLS to the origin fails.
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"failed to negotiate a mutually acceptable security settings"},
		Title:       "Squid could not set up TLS to the remote host",
		Explanation: "Squid, as the client of the origin (with SSL bump), could not finish TLS with it: an old Squid sends no SNI, so a host on a shared address answers with the wrong certificate or refuses; or Squid does not trust the origin's certificate (its CA not in sslproxy_cafile / tls_outgoing_options cafile); or no TLS version or cipher is shared.",
		Fix:         "Upgrade Squid to a version that sends SNI, and give it the CAs to trust for origins:\n  tls_outgoing_options cafile=/etc/ssl/certs/ca-certificates.crt",
		Confirm:     "openssl s_client -connect origin.example.com:443 -servername origin.example.com </dev/null",
	},
	// BearSSL (ESP8266) and other devices without a set clock.
	{
		ID: ServerCertExpired, Kind: "client",
		Match: []string{"certificate is expired or not yet valid"}, Within: []string{"bssl", "bearssl", "esp"},
		Title:       "The device found the certificate outside its dates: most often its clock is not set",
		Explanation: "A microcontroller (ESP8266 with BearSSL, ESP32) has no clock at power-up: until it gets the time over NTP (SNTP), it believes it is 1970, and every certificate looks not yet valid.",
		Fix:         "Get the time over NTP before connecting (ESP8266: configTime(0, 0, \"pool.ntp.org\") and wait until time() is past 2020), then connect.",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -dates",
	},
	// Ruby's client when the server drops the connection.
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"ssl_connect syscall returned=5"},
		Without:     []string{"certificate verify failed"},
		Title:       "The server closed the connection during the Ruby client's handshake",
		Explanation: "Ruby's OpenSSL binding saw the connection end in the middle of SSL_connect, without an alert: the server refused the client certificate outright (revoked by the CRL it checks, as Puppet's server does, or not issued by its CA), required one that was not sent, or shares no TLS version with the client (an old Ruby, such as the 1.8.7 of EL6's Puppet agents, or one built on OpenSSL 0.9.8, speaks no TLS 1.2, which servers that dropped TLS 1.0 want); or, right after the client hello (state=...write client hello), the server has no usable certificate of its own: it could not read its certificate or key (a mail server such as Postal running as its own user, without read access to /etc/letsencrypt/live and archive, or given a path that is not where its container mounts it), so it drops every handshake, which its own log says; a proxy or firewall in between may also cut it.",
		Fix:         "See what the server says to the same client certificate, then check the certificate against the server's CA and CRL:\n  openssl s_client -connect host:8140 -cert client.crt -key client.key -CAfile ca.crt </dev/null\n  openssl verify -crl_check -CAfile ca.crt -CRLfile crl.pem client.crt",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null",
	},
	// DH parameters files (Dovecot, and any server that reads one).
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"couldn't parse dh parameters", "expecting: dh parameters"},
		Title:       "The DH parameters file is empty or not PEM",
		Explanation: "The server reads Diffie-Hellman parameters from a file that holds none: it is empty (its generation was cut short or never ran), or it is another PEM file. Dovecot then cannot set up TLS at all.",
		Fix:         "Make the DH parameters again and point the server at them (Dovecot: ssl_dh = </etc/dovecot/dh.pem):\n  openssl dhparam -out /etc/dovecot/dh.pem 2048",
		Confirm:     "openssl dhparam -noout -text -in /etc/dovecot/dh.pem | head -1",
	},
	// Ansible's modules fetching over HTTPS (get_url, uri, yum_repository...).
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match:       []string{"failed to validate the ssl certificate for", "validate the ssl certificate for"},
		Within:      []string{"failed to validate", "make sure your managed"},
		Title:       "Ansible could not verify the server's certificate",
		Explanation: "An Ansible module (get_url, uri and others, running on the managed host) checked the server's certificate against that host's CA bundle and refused it: the managed host lacks the ca-certificates package or it is stale, the server's CA is private, a TLS-intercepting proxy re-signs the traffic, or the host's Python is older than 2.7.9 (CentOS 6's 2.6), which sends no SNI, so a server with several names answers with another name's certificate (Ansible's longer message names this too). A managed host whose clock is wrong (a VM restored or resumed without time sync) sees a valid certificate as expired or not yet valid, with the same words.",
		Fix:         "Install or refresh the CA bundle on the managed host (a task before the download), or give the module the CA with its ca_path option; check the managed host's clock too:\n  apt-get install -y ca-certificates\n  update-ca-certificates\n  date -u",
		Confirm:     serverVerdictConfirm,
	},
	// nginx refusing a client certificate inside the handshake.
	{
		ID: VerifyError, Kind: "client", Within: []string{"process_client_certificate", "get_client_certificate"},
		Match:       []string{"ssl_do_handshake() failed"},
		Title:       "nginx refused the client certificate inside the handshake",
		Explanation: "nginx's http module checks client certificates after the handshake and answers with a 400 page; this handshake failed on the client's certificate itself, which happens when the handshake was set to require and verify it (ssl_conf_command VerifyMode, an OpenResty or third-party module, a product built on nginx). The client sent no certificate, or one not issued by a CA in ssl_client_certificate (or ssl_trusted_certificate), with its intermediates within ssl_verify_depth.",
		Fix:         "Check the client certificate against the CA file nginx uses for clients, with ssl_verify_client on:\n  openssl verify -CAfile /etc/nginx/client-ca.pem -untrusted int.crt client.crt\nand give the client the full chain of its certificate.",
		Confirm:     "openssl s_client -connect host:443 -cert client.crt -key client.key </dev/null",
	},
	// ingress-nginx's controller and the secrets its annotations name.
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"certificateauth annotation", ": local ssl certificate", "secret contains no keypair or ca certificate", "error obtaining pem from secret", "in local store"},
		Title:       "ingress-nginx could not read the secret an annotation or TLS section names",
		Explanation: "The ingress-nginx controller looks up the secret that auth-tls-secret (client certificates), proxy-ssl-secret (its certificate to backends) or the Ingress's tls section names, as namespace/secretName: it does not exist there (a wrong namespace or name, or the controller watches other namespaces), or it lacks the keys it needs (ca.crt for a CA, tls.crt and tls.key for a key pair).",
		Fix:         "Create the secret with the keys the annotation wants, in the namespace it names, and refer to it as namespace/name:\n  kubectl create secret generic ca-secret -n default --from-file=ca.crt=ca.crt\n  nginx.ingress.kubernetes.io/auth-tls-secret: default/ca-secret",
		Confirm:     "kubectl get secret ca-secret -n default -o jsonpath='{.data}'",
	},
	// ingress-nginx reading a secret whose certificate is not PEM.
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"unexpected error creating ssl cert: no valid pem formatted block found", "error obtaining x.509 certificate: no valid pem formatted block found"},
		Title:       "ingress-nginx found no PEM certificate in the secret",
		Explanation: "The secret exists but its tls.crt (or ca.crt, for auth-tls-secret) does not decode to a PEM certificate: the file was base64-encoded once more before it went into the secret's data (kubectl does that itself), it is DER or PKCS#12, the keys are swapped, or the value is empty.",
		Fix:         "Decode the value and look at its first line (it must be -----BEGIN CERTIFICATE-----), then make the secret again from the PEM files and let kubectl encode them:\n  kubectl get secret NAME -n NAMESPACE -o jsonpath='{.data.tls\\.crt}' | base64 -d | head -1\n  kubectl create secret tls NAME -n NAMESPACE --cert=tls.crt --key=tls.key",
		Confirm:     "kubectl get secret NAME -n NAMESPACE -o jsonpath='{.data.tls\\.crt}' | base64 -d | openssl x509 -noout -subject",
	},
	// A server whose CertificateRequest is too big (thousands of CA names).
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"excessive message size"},
		Title:       "A handshake message was too big (often a client-CA list with too many names)",
		Explanation: "The peer sent a handshake message larger than this side accepts. With mutual TLS it is most often the server's CertificateRequest: it lists the names of every CA in its client-CA file (HAProxy's ca-file, nginx's ssl_client_certificate), and a file with hundreds or thousands of CAs (a whole public bundle) makes it exceed what clients take.",
		Fix:         "Keep only the CAs that issue client certificates in the client-CA file, or let the server check against a big file without listing it (in nginx, ssl_trusted_certificate for the chain and a small ssl_client_certificate; in HAProxy, ca-verify-file for the rest).",
		Confirm:     "openssl s_client -connect host:443 </dev/null 2>/dev/null | grep -c '^/\\|^C\\|^CN\\|^O'",
	},
	// Logstash's beats input.
	{
		ID: LogKeyMismatch, Kind: "client",
		Match:       []string{"failed to set certificate and key"},
		Title:       "Logstash could not use the certificate and key of its beats input",
		Explanation: "The beats input (Netty) refused ssl_certificate and ssl_key: the key does not match the certificate, or it is not in the PKCS#8 form the input requires.",
		Fix:         "Check the pair, then convert the key to PKCS#8:\n  " + keyPairCheck + "\n  openssl pkcs8 -topk8 -nocrypt -in server.key -out server.pkcs8.key",
		Confirm:     keyPairConfirm,
	},
	// Erlang servers that cannot read their TLS files (EMQX, RabbitMQ).
	{
		ID: CertLoadFailed, Kind: "client",
		Match: []string{"{error,eacces}", "{error,enoent}"}, Within: []string{"cacertfile", "certfile", "keyfile"},
		Title:       "The Erlang server could not read a TLS file (eacces: permission, enoent: missing)",
		Explanation: "Erlang's TLS (EMQX, RabbitMQ) could not open the CA, certificate or key file its listener names (cacertfile, certfile, keyfile): eacces means the service's user may not read it (a file under /root, mode 600 for another user), enoent that it does not exist.",
		Fix:         "Put the files where the service's user can read them, and check:\n  sudo -u emqx head -1 /etc/emqx/certs/ca.pem",
		Confirm:     "namei -l /etc/emqx/certs/ca.pem",
	},
	// OkHttp's host name check.
	{
		ID: ServerHostnameMismatch, Kind: "client",
		Match: []string{"not verified:", " not verified. certificate: sha"}, Within: []string{"sslpeerunverifiedexception", "okhttp", "hostname "},
		Title:       "OkHttp: the server's certificate does not carry the host name used",
		Explanation: "OkHttp's HostnameVerifier checked the host (or IP address) of the URL against the certificate's subjectAltName entries and found none that matches; the Common Name is not read, so a certificate that names the host only there (a self-signed one made without an -extfile) fails although its CA is trusted, and an IP address needs an IP entry.",
		Fix:         connectByName,
		Confirm:     sanConfirm,
	},
	// Python loading a CA file with no certificate in it.
	{
		ID: ServerCertUntrusted, Kind: "client", Without: []string{"ssl_ctx_load_verify_locations", "[emerg]", "ssl_load_client_ca_file"},
		Match:       []string{"no_certificate_or_crl_found", "no certificate or crl found"},
		Title:       "The CA file holds no certificate",
		Explanation: "The program loaded its CA file (Python's load_verify_locations, a driver's ssl ca or cafile option) and found no PEM certificate in it: an empty file, a path to something else (a key, a DER file), or a variable that was not filled in.",
		Fix:         "Point the CA option (cafile) at a PEM file with the CA certificate in it:\n  openssl x509 -noout -subject -in ca.pem",
		Confirm:     "grep -c 'BEGIN CERTIFICATE' ca.pem",
	},
	// A Go client refusing the old version a server chose (Go's source:
	// "tls: server selected unsupported protocol version %x").
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"server selected unsupported protocol version 303"},
		Title:       "The server chose TLS 1.2 (303), and this Go client requires TLS 1.3",
		Explanation: "303 is TLS 1.2: the server (or a load balancer or proxy in front of it, such as an AWS ALB with a TLS 1.2 policy) answered in TLS 1.2, and the Go client's MinVersion is TLS 1.3. The client is the odd one: a program whose release set its minimum to TLS 1.3 (a regression of some agents' releases) or a setting that asks for TLS 1.3 only.",
		Fix:         "Let the client take TLS 1.2 (its minimum-version setting, or a release that lowers it back), or enable TLS 1.3 on the server or load balancer in front:\n  tls.Config{MinVersion: tls.VersionTLS12}\nSee what the server offers:\n  openssl s_client -connect host:443 -servername host -tls1_3 </dev/null",
		Confirm:     "openssl s_client -connect host:443 -servername host -tls1_3 </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"server selected unsupported protocol version"},
		Without:     []string{"version 303"},
		Title:       "The server answered with a TLS version the Go client does not accept (301 is TLS 1.0, 302 TLS 1.1)",
		Explanation: "The server chose an old version (the hexadecimal number: 301 TLS 1.0, 302 TLS 1.1, 300 SSL 3.0) that is below the Go client's MinVersion: TLS 1.2 by default for Go clients since Go 1.22. An old server (an appliance, an old Java or Windows server, OpenSSL 1.0.x) that speaks nothing newer answers so.",
		Fix:         "Enable TLS 1.2 on the server. Until then the client can accept the old version, for this program only:\n  tls.Config{MinVersion: tls.VersionTLS10}\nor, for a program you cannot change (Go 1.22 and later):\n  GODEBUG=tls10server=1",
		Confirm:     "openssl s_client -connect host:443 -tls1_2 </dev/null",
	},
	// macOS's verifier (Go on darwin, Safari, curl with Secure Transport)
	// refusing a certificate Apple's rules forbid.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"certificate is not standards compliant"},
		Title:       "macOS refused the server's certificate as not standards compliant",
		Explanation: "On macOS and iOS, Go programs, Safari and other clients use Apple's verifier, which refuses a TLS server certificate that breaks Apple's rules even when its CA is trusted: a validity longer than 825 days (certificates issued since July 2019; 398 days for those from public CAs since September 2020), no subjectAltName with the name, no extendedKeyUsage serverAuth, an RSA key under 2048 bits, or a SHA-1 signature; and for a certificate from a public CA, no Certificate Transparency proof (SCTs) of its own, as some cloud services' certificates lack (AWS ElastiCache's wildcard, seen by Go 1.18 and later on macOS, which verify through Apple's verifier): such a client cannot be fixed by the certificate's user, only by the service or a client verifier of its own. Guides' `-days 3650` server certificates break the first rule. A certificate from a private CA escapes these rules when the program is given that CA itself (its CA file option, or an environment variable such as a CLI's CA setting): Go then checks with its own verifier rather than Apple's.",
		Fix:         "Reissue the server certificate within the rules:\n  openssl x509 -req -sha256 -days 825 -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -extfile server.ext -out server.crt\nwith server.ext:\n  subjectAltName=DNS:host.example.com\n  extendedKeyUsage=serverAuth",
		Confirm:     "openssl x509 -noout -dates -text -in server.crt | grep -A1 -e '^not' -e 'Subject Alternative Name' -e 'Extended Key Usage'",
	},
	// An OpenSSL client refusing the old TLS version a server chose.
	{
		ID: HandshakeFailed, Kind: "client", Own: true,
		Without: []string{"ssl_do_handshake", "while ssl handshaking", "ssl_accept", "accept"},
		Match: []string{"ssl_choose_client_version:unsupported protocol", "tls_process_server_hello:unsupported protocol",
			// The packed code alone, in a line cut after it (3.x, 1.1.1).
			"0a000102:ssl routines:ssl_choose_client_version", "1425f102:ssl routines:ssl_choose_client_version", "[ssl: unsupported_protocol]", "ssl_connect returned=1 errno=0 state=error: unsupported protocol",
			// pyOpenSSL's tuple; BoringSSL's client (node in Electron).
			"'ssl_choose_client_version', 'unsupported protocol'", "unsupported_protocol:../../third_party/boringssl/src/ssl/handshake_client.cc"},
		Title: oldServerTitle, Explanation: oldServerWhy, Fix: oldServerFix, Confirm: oldServerConfirm,
	},
	// The same, in OpenSSL 3's words, from a client that names itself.
	{
		ID: HandshakeFailed, Kind: "client", Own: true,
		Within: []string{"curl", "_ssl.c", "[ssl:", "s_client", "ssl_connect", "connect:errno", "requests.exceptions", "urllib",
			// libcurl's prefix of its TLS library's error ("OpenSSL/3.1.5: error:...").
			"openssl/3.", "openssl/1.",
			// Microsoft's ODBC driver on Linux ("SSL Provider: [error:...]")
			"ssl provider", "odbc driver"},
		Without: []string{"ssl_do_handshake", "while ssl handshaking", "ssl_accept", "accept"},
		Match:   []string{"routines::unsupported protocol"},
		Title:   oldServerTitle, Explanation: oldServerWhy, Fix: oldServerFix, Confirm: oldServerConfirm,
	},
	// A handshake that did not finish in the client's time (Go's net/http,
	// node, Docker and kubectl on Go).
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"tls handshake timeout", "tls handshake timed out", "the handshake operation timed out"},
		Title:       "The TLS handshake did not finish in time",
		Explanation: "The client opened the connection, sent its hello, and the handshake did not end within its limit (Go's net/http: 10 seconds). The connection got through, so it is seldom the certificate: the server is overloaded or hung; a firewall, security group or private-endpoint rule lets the TCP connection open but drops what follows (the endpoint is not really allowed from this network); a firewall, VPN or container network drops the large packets that carry the server's certificate chain (an MTU problem: small requests work, TLS stalls); a proxy the network needs is not set, or is set with https:// for a proxy that speaks plain HTTP; or the port speaks another protocol and waits for the client to speak first. An embedded server (a printer, a camera, an appliance's MQTT or web port) that never answers a TLS 1.3 ClientHello stalls so too, while TLS 1.2 works; so do servers and middleboxes that cannot take the large ClientHello of clients offering post-quantum key shares (X25519MLKEM768).",
		Fix:         "See whether a handshake by hand stalls too, and how far it gets, with TLS 1.3 and with TLS 1.2:\n  openssl s_client -connect host:443 -servername host </dev/null\n  openssl s_client -connect host:443 -servername host -tls1_2 </dev/null\nthen check the proxy settings the client runs with:\n  env | grep -i _proxy\nand, behind a VPN or in a container network, try a smaller MTU (Docker: \"mtu\" in /etc/docker/daemon.json).",
		Confirm:     "curl -v --max-time 20 https://host/",
	},
	// Public roots whose expiry broke old clients, named in a chain listing
	// (s_client's "1 s:/C=SE/O=AddTrust AB/...") or an error.
	{
		ID: ServerCertExpired, Kind: "client", Side: "client",
		Match:       []string{"addtrust external ca root", "cn=addtrust external", "dst root ca x3"},
		Title:       "The chain names a public root that has expired (AddTrust External CA Root, DST Root CA X3)",
		Explanation: "AddTrust External CA Root expired on 30 May 2020 and DST Root CA X3 (Let's Encrypt's old cross-sign) on 30 September 2021. Servers that still send the cross-signed certificate leading to them work with clients that build another path to the newer root (USERTrust RSA, ISRG Root X1), and break clients that stop at the first expired certificate: OpenSSL 1.0.x, GnuTLS before 3.6.14, old Android and Java, curl and Python built on them, and clients whose own store lacks the newer root.",
		Fix:         "Serve the chain without the expired root's cross-certificate (for Let's Encrypt, the default chain since 2024; for Sectigo, the chain to USERTrust), and see what is sent:\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null\nOn old clients, update the CA bundle (ca-certificates) and the TLS library, or remove the expired root from the bundle.",
		Confirm:     "openssl s_client -connect host:443 -servername host -showcerts </dev/null | grep -E '^ *[0-9]+ s:|i:'",
	},
	// WinInet (Internet Explorer and Windows programs and services on it)
	// refusing the server's CA.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"error_internet_invalid_ca", "error_internet_sec_invalid_cert", "error_winhttp_secure_invalid_ca", "error_winhttp_secure_invalid_cert", "0x80072f0d", "0x80072f89"},
		Title:       "WinInet does not trust the server's certificate (ERROR_INTERNET_INVALID_CA)",
		Explanation: "WinInet, the HTTP stack of Internet Explorer and of many Windows programs and services, found no trusted root for the server's certificate (12045) or found it invalid (12169): a private CA that is not in the Trusted Root store of the account the program runs as, a missing intermediate, or an intercepting proxy. A service reads its own account's stores (SYSTEM, or .DEFAULT under HKEY_USERS), not the logged-on user's, so a CA imported for the user only does not help it.",
		Fix:         "Import the CA into the Local Machine's Trusted Root store, which every account reads:\n  certutil -addstore Root ca.cer\nand see the chain the server sends:\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null",
		Confirm:     "certutil -verify -urlfetch server.cer",
	},
	// Rust programs finding no system CA bundle, or a bad certificate in it.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"no ca certificates were loaded from the system", "no native root ca certificates found", "could not load native certificates"},
		Title:       "The Rust program found no CA certificates on this system",
		Explanation: "The program (reqwest or another rustls client built to read the system's roots, through rustls-native-certs) looked for the system's CA bundle and found none, so it cannot verify any server: a container image built FROM scratch or distroless without the ca-certificates package, a minimal system without it, or SSL_CERT_FILE or SSL_CERT_DIR pointing where there is no bundle.",
		Fix:         "Put a CA bundle where the program looks (the ca-certificates package); in a Dockerfile built from scratch, copy it from the build stage:\n  COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/\nor point SSL_CERT_FILE at a bundle:\n  export SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt",
		Confirm:     "ls -l /etc/ssl/certs/ca-certificates.crt",
	},
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"failed to add platform cert to root cert store"},
		Title:       "A certificate in the system's store could not be read into the program's roots",
		Explanation: "Deno (and other Rust programs using rustls with the platform's store) read the system's trusted certificates and one of them is not a certificate rustls can parse (BadEncoding): a malformed or unusual certificate that an administrator, an antivirus or a corporate tool installed in the Windows or macOS store. Older Deno releases stop there; newer ones skip it.",
		Fix:         "Upgrade the program, or use its bundled roots instead of the system's for now:\n  export DENO_TLS_CA_STORE=mozilla\nand find the malformed certificate in the system store (certmgr.msc on Windows, Keychain Access on macOS) to remove or replace it.",
		Confirm:     "deno --version",
	},
	// A CA file the program is told to read that is not there.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"failed to read ca certificate file", "client ca certificate file", "failed to read the ca certificate file", "could not read ca certificate file", "unable to read ca certificate file"},
		Title:       "The program could not read the CA file it was told to trust",
		Explanation: "The program was told to trust the CAs of a file and could not read it: the path in its setting is wrong or the file was moved, renamed or not mounted into the container, or its account may not read it; or no CA file was set and the program reads a default path where none exists (a server's outgoing client, such as Qdrant's ./tls/cacert.pem, when only its certificate and key were given: set the CA setting, or a release that makes it optional). The path often comes from the environment rather than the program's own settings: SSL_CERT_FILE, SSL_CERT_DIR, REQUESTS_CA_BUNDLE, CURL_CA_BUNDLE or NODE_EXTRA_CA_CERTS left set in a shell profile for another project, which the program then trusts instead of the system's roots.",
		Fix:         "See which CA file the program is given, in its settings and in the environment:\n  env | grep -i -E 'ssl_cert|ca_bundle|extra_ca'\nthen point it at the right bundle or unset the stale variable:\n  unset SSL_CERT_FILE",
		Confirm:     "env | grep -i -E 'ssl_cert|ca_bundle|extra_ca'",
	},
	// .NET on Windows given a certificate whose key is only in memory.
	{
		ID: KeyLoadFailed, Kind: "client",
		Match:       []string{"the platform does not support ephemeral keys"},
		Title:       ".NET on Windows cannot use a certificate whose private key is only in memory",
		Explanation: "On Windows SslStream (HttpClient, Kestrel, gRPC, MQTT clients) hands the certificate's private key to Schannel, which needs it stored in a key storage provider. A certificate loaded from PEM (X509Certificate2.CreateFromPemFile, or a key from another source such as a SPIFFE or Vault client) or with X509KeyStorageFlags.EphemeralKeySet has its key only in memory, so the TLS handshake cannot use it, as a client certificate or as a server's. Linux and macOS accept it.",
		Fix:         "Re-import the certificate through PKCS#12 so that its key is stored, before giving it to SslStream: load it with X509Certificate2.CreateFromPemFile(crt, key), then pass new X509Certificate2(pem.Export(X509ContentType.Pkcs12)) (.NET 9: X509CertificateLoader.LoadPkcs12), without X509KeyStorageFlags.EphemeralKeySet.",
		Confirm:     "certutil -dump client.p12",
	},
	// Istio's gateway reading a credentialName secret without the keys it
	// reads.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"server cert or private key is empty", "found secret, but didn't have expected keys", "found cacert secret, but didn't have expected keys"},
		Title:       "Istio's gateway found no certificate or key in the secret it was given",
		Explanation: "The Istio ingress gateway (through its secret discovery, SDS) read the Kubernetes secret named in the Gateway's credentialName and found no certificate or key under the keys it reads: tls.crt and tls.key (with ca.crt for mutual TLS), or cert and key (with cacert). A secret made with other key names (cert-chain.pem, ca-cert.pem, the files of Istio's own CA), an empty value, or a secret in another namespace than the gateway's gives this, and the gateway serves no certificate for that host.",
		Fix:         "Create the secret in the gateway's namespace with the keys Istio reads:\n  kubectl create secret tls NAME -n istio-system --cert=server.crt --key=server.key\nfor mutual TLS, a generic secret with tls.crt, tls.key and ca.crt:\n  kubectl create secret generic NAME -n istio-system --from-file=tls.crt=server.crt --from-file=tls.key=server.key --from-file=ca.crt=ca.crt",
		Confirm:     "kubectl get secret NAME -n istio-system -o jsonpath='{.data}'",
	},
	// Go's own tls.Config leaving no version to speak.
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"no supported versions satisfy minversion and maxversion", "no supported version satisfy minversion and maxversion"},
		Title:       "Go's tls.Config allows no TLS version: MinVersion is above MaxVersion",
		Explanation: "Go's crypto/tls found no version between the tls.Config's MinVersion and MaxVersion before it sent anything: the program set MaxVersion below the default minimum (TLS 1.2 for clients since Go 1.18, for servers since Go 1.22) without lowering MinVersion, or set MinVersion above MaxVersion. It is usually a program trying to reach an old server or device that speaks only TLS 1.0 or 1.1.",
		Fix:         "Set both bounds in the tls.Config, the lower one only as low as that peer needs:\n  MinVersion: tls.VersionTLS10,\n  MaxVersion: tls.VersionTLS13,\nand see what the peer speaks:\n  openssl s_client -connect host:443 -servername host -tls1 </dev/null\nBetter, enable TLS 1.2 on the old server.",
		Confirm:     "openssl s_client -connect host:443 -servername host -tls1_2 </dev/null",
	},
	// Go servers refusing a client's TLS version.
	{
		ID: HandshakeFailed, Kind: "client", Level: infoLevel,
		Match:       []string{"client offered only unsupported versions", "tls: unsupported sslv2 handshake received", "client offered an unsupported, maximum protocol version of"},
		Title:       "A client offered only TLS versions the Go server does not accept",
		Explanation: "No version the client offered is within the Go server's MinVersion and MaxVersion. The list gives them in hexadecimal: 300 is SSL 3.0, 301 TLS 1.0, 302 TLS 1.1, 303 TLS 1.2, 304 TLS 1.3. Low numbers only: the server's MinVersion (TLS 1.2 by default for servers since Go 1.22) is above an old client (TLS 1.0/1.1 only), a scanner or a health check; a list that reaches 303 (TLS 1.2) means the server takes TLS 1.3 only (its MinVersion set to 1.3, by the program's default or a min-TLS setting) and the client stops at 1.2, often a proxy in front whose upstream side does not offer 1.3 (nginx before 1.23.4 offers TLSv1 to TLSv1.2 to upstreams unless proxy_ssl_protocols says otherwise). Only 304: the client offered TLS 1.3 alone and the server stops below it, its MaxVersion set to TLS 1.2 (a program's max_version setting, or an empty one that it turns into 1.2). Older Go releases name the client's highest version. Go never speaks SSL 2 and says `unsupported SSLv2 handshake received` for an SSLv2-format hello, which only scanners and very old clients send (an empty list, `versions: []`, is the same). Usually harmless when it is a scanner now and then.",
		Fix:         "Nothing for scanners. For a client you need, upgrade it to TLS 1.2, or (only if you must) lower the server's tls.Config MinVersion. For [303 302 301] against a server that takes TLS 1.3 only, let the client offer 1.3, or let the server take TLS 1.2 again; nginx in front, where it proxies:\n  proxy_ssl_protocols TLSv1.2 TLSv1.3;\nFor [304], let the server's MaxVersion reach TLS 1.3 (max_version: \"1.3\", or leave it unset in Go's own tls.Config).",
		Confirm:     "openssl s_client -connect host:443 -tls1_2 </dev/null",
	},
	// Go servers' other handshake refusals, in crypto/tls's and autocert's
	// words.
	{
		ID: HandshakeFailed, Kind: "client", Level: infoLevel,
		Match:       []string{"tls: no cipher suite supported by both client and server"},
		Title:       "A client and the Go server share no cipher suite",
		Explanation: "None of the client's cipher suites is one the Go server allows with its certificate's key: an old client or a scanner offering only suites Go dropped (RC4, 3DES, CBC with SHA-1 in recent releases), a client that offers only RSA suites to a server with an ECDSA certificate (or the reverse), or a server whose tls.Config CipherSuites was cut down. Usually harmless when it is a scanner now and then.",
		Fix:         "Nothing for scanners. For a client you need, see what it offers and compare it with the server's certificate key and CipherSuites (Go 1.22 and later dropped RSA key exchange from the defaults; GODEBUG=tlsrsakex=1 brings it back for old clients):\n  openssl s_client -connect host:443 -tls1_2 -cipher 'ECDHE' </dev/null",
		Confirm:     "openssl s_client -connect host:443 -tls1_2 </dev/null",
	},
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"tls: no certificates configured"},
		Title:       "The Go server has no certificate to serve",
		Explanation: "The server's tls.Config has neither Certificates nor a GetCertificate function, so every handshake fails before it starts: the program was told to serve TLS but its certificate and key were never loaded (options or environment variables unset, a secret not mounted, a configuration that names the files under another key), or the certificate it was to obtain by itself (ACME: Caddy, Traefik, autocert, a proxy's built-in Let's Encrypt) was never issued: the domain does not resolve to this server, or port 80 or 443 is not reachable for the challenge, and the log says so earlier.",
		Fix:         "Give the program its certificate and key (the option or setting its documentation names), check that the files exist inside its container, and restart it:\n  ls -l /path/server.crt /path/server.key",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "client", Level: infoLevel,
		Match:       []string{"acme/autocert: missing server name", "acme/autocert: server name component count invalid", "acme/autocert: host not configured", "acme/autocert: host \""},
		Title:       "The Go server's automatic certificates (autocert) have none for this client's name",
		Explanation: "autocert picks the certificate by the name the client sends in SNI. `missing server name` is a client that sent none: it connected by IP address (scanners, health checks, a load balancer's probe) or is too old to send SNI. `host not configured` (or not allowed by its HostPolicy) is a name the server was not told to serve, often a scanner trying names, or a domain missing from the HostWhitelist. `server name component count invalid` is a name of one label, such as localhost: no public CA issues for it, so local development needs a self-signed certificate (or a real domain) instead of autocert. Usually harmless from unknown addresses.",
		Fix:         "Nothing for scanners. For a real client, connect by the host name, and list every served name in the server's HostPolicy:\n  autocert.HostWhitelist(\"example.com\", \"www.example.com\")",
		Confirm:     "openssl s_client -connect host:443 -servername example.com </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "client", Level: infoLevel,
		Match:       []string{"tls: client requested unsupported application protocols"},
		Title:       "The client asked for application protocols (ALPN) the Go server does not speak",
		Explanation: "The client's ALPN list (http/1.1, h2, or a protocol of its own such as grpc-exp or acme-tls/1) holds nothing in the server's NextProtos, and since Go 1.17 the server then ends the handshake with no_application_protocol rather than go on: a gRPC server reached by a plain HTTP/1.1 client, or an HTTP/1.1-only server reached by a client that insists on h2; or a client offering a name no server speaks, such as `http 1.1` for `http/1.1` (an outdated proxy-agent library in a Node client).",
		Fix:         "Let the two agree: add the client's protocol to the server's tls.Config NextProtos, or make the client offer one the server speaks (upgrade a client library whose names are misspelt); see what the server accepts:\n  openssl s_client -connect host:443 -alpn h2,http/1.1 </dev/null 2>/dev/null | grep ALPN",
		Confirm:     "openssl s_client -connect host:443 -alpn http/1.1 </dev/null 2>/dev/null | grep ALPN",
	},
	// A Go server that gets its certificates on demand from an ACME CA
	// (golang.org/x/crypto/acme/autocert) inside its handshakes.
	{
		ID: HandshakeFailed, Kind: "client", Side: "server",
		Match:       []string{"acme/autocert:", "urn:acme:error:", "urn:ietf:params:acme:error:"},
		Within:      []string{"acme/autocert:", "tls handshake error from"},
		Without:     []string{"acme/autocert: missing server name", "acme/autocert: server name component count invalid", "acme/autocert: host "},
		Title:       "The Go server had no certificate to give: its ACME client (autocert) could not get one",
		Explanation: "The server asks an ACME CA such as Let's Encrypt for a certificate the first time a client names a host, inside that client's handshake, and ends the handshake when it cannot have one. Three causes cover most cases: 1. the order failed (the CA could not reach the server on port 80 or 443 for its challenge, the name does not resolve to this server yet, a rate limit); for a minute after a failed order autocert answers every handshake with `missing certificate`, so the first ACME error in the log names the reason; 2. the program's ACME client is outdated: an ACME v1 error (`urn:acme:error`, `Account creation on ACMEv1 is disabled`) means it predates ACME v2, and only a newer release of the program fixes it; 3. a broken cache or certificate store: an entry with a certificate and no key (`missing signer`), or a key pair built without its private key.",
		Fix:         "Find the error that started it, and check the name and ports from outside:\n  journalctl -u SERVICE -o cat | grep -i acme | head\n  dig +short host.example.com\n  curl -I http://host.example.com/.well-known/acme-challenge/test\nUpgrade a program whose errors name ACMEv1; delete the cache entry of a host whose key or certificate is missing.",
		Confirm:     "openssl s_client -connect host.example.com:443 -servername host.example.com </dev/null",
	},
	{
		ID: NoClientCert, Kind: "client",
		Match:       []string{"unexpected handshake message of type *tls.clientkeyexchangemsg when waiting for *tls.certificatemsg"},
		Title:       "The client skipped the certificate the Go server asked for",
		Explanation: "The Go server asked for a client certificate, and the client went straight to its key exchange without a Certificate message at all (TLS 1.2 wants one, empty if it has none): an old or non-conforming client library, or a client that was given no certificate and omits the message. The server requires a certificate (ClientAuth), so the handshake ends.",
		Fix:         "Give the client its certificate and key, and update an old client library; test the server with one that sends it:\n  openssl s_client -connect host:443 -tls1_2 -cert client.crt -key client.key </dev/null",
		Confirm:     "openssl s_client -connect host:443 -tls1_2 -cert client.crt -key client.key </dev/null",
	},
	// etcd checking a peer's certificate against its address.
	{
		ID: ServerHostnameMismatch, Kind: "client",
		Match:       []string{"does not match any of dnsnames", "does not match any of ipaddresses"},
		Title:       "etcd refused a peer or client whose certificate does not name its address",
		Explanation: "etcd checks the certificate of a connecting peer (and of clients, with client-cert-auth) against the address the connection comes from: the certificate's subjectAltName must carry that IP address, or a DNS name that resolves to it. A wildcard for the service's DNS name does not cover the pod's IP.",
		Fix:         "Issue the peer certificates with the members' IP addresses (or resolvable names) in their SAN:\n  subjectAltName=DNS:etcd-0.etcd.example.svc,IP:10.38.202.130\nor let etcd check names instead of addresses (--peer-cert-allowed-cn / --peer-cert-allowed-hostname).",
		Confirm:     "openssl x509 -noout -text -in peer.crt | grep -A1 'Subject Alternative Name'",
	},
	// .NET's chain status words.
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"revocationstatusunknown", "offlinerevocation", "x509revocationmode"},
		Title:       ".NET could not check whether a certificate in the chain is revoked",
		Explanation: ".NET (SslStream, HttpClient, Kestrel for client certificates) asks each CA's CRL or OCSP server whether the certificate is revoked when revocation checking is on, and fails the chain when no answer came (RevocationStatusUnknown, OfflineRevocation): the CRL distribution point or OCSP URL is unreachable (a proxy, a firewall, a container without internet), or a private CA publishes no revocation list at all. The certificate itself may be fine.",
		Fix:         "Let the CRL/OCSP URLs in the certificates be reached, publish a CRL for a private CA, or turn the check off where no revocation data exists (X509RevocationMode.NoCheck in the chain policy; HttpClientHandler.CheckCertificateRevocationList = false; Kestrel: CertificateAuthenticationOptions.RevocationMode). See the URLs:\n  openssl x509 -noout -text -in server.crt | grep -A4 -e 'CRL Distribution Points' -e 'Authority Information Access'",
		Confirm:     "openssl x509 -noout -text -in server.crt | grep -A4 -e 'CRL Distribution Points' -e 'Authority Information Access'",
	},
	{
		ID: ServerCertExpired, Kind: "client",
		Match:       []string{"errors in the certificate chain: nottimevalid", "nottimevalid"},
		Title:       "The .NET client found a certificate in the chain expired or not yet valid",
		Explanation: ".NET's chain status NotTimeValid: the server's certificate (or one in its chain) is outside its dates by the client's clock: expired and not renewed (or renewed and the server not reloaded), or a wrong clock.",
		Fix:         "Check the dates of what the server sends; renew the certificate and reload the server, or fix the clock:\n  openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -dates",
		Confirm:     "date -u",
	},
	// Keycloak rebuilding a client certificate's chain behind a proxy.
	{
		ID: VerifyError, Kind: "client", Within: []string{"keycloak", "certificatelookup"},
		Match:       []string{"no issuer certificate for certificate in certification path found"},
		Title:       "Keycloak could not find the issuer of the client certificate in its truststore",
		Explanation: "Keycloak's X.509 authentication (with the client certificate passed on by nginx or another proxy in a header) rebuilds the certificate's chain from its own truststore; the CA that issued the client certificate (or its intermediate) is not there.",
		Fix:         "Add the client CA and its intermediates to Keycloak's truststore (the truststore SPI, or truststore-paths in newer versions), and have the proxy pass the chain too (nginx: $ssl_client_escaped_cert with the CA in ssl_client_certificate).",
		Confirm:     "openssl verify -CAfile client-ca.pem -untrusted intermediate.crt client.crt",
	},
	// A plaintext gRPC server reading a TLS ClientHello.
	{
		ID: PlainHTTP, Kind: "client",
		Match: []string{"client preface string missing or corrupt"}, Within: []string{"1603"},
		Title:       "A TLS client connected to a plaintext gRPC (HTTP/2) server",
		Explanation: "The gRPC server expected the plaintext HTTP/2 preface and read 16 03 01..., the start of a TLS ClientHello: the client uses TLS (grpcurl or grpcui without -plaintext, a channel with TLS credentials) against a server that runs without TLS.",
		Fix:         "Connect without TLS to a plaintext server (grpcurl -plaintext, insecure channel credentials), or give the server a certificate and key so that it speaks TLS:\n  grpcurl -plaintext localhost:50051 list",
		Confirm:     "grpcurl -plaintext localhost:50051 list",
	},
	// Microsoft's JDBC driver for SQL Server, which encrypts by default
	// since 10.2.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"could not establish a secure connection to sql server"},
		Title:       "The SQL Server JDBC driver does not trust the server's certificate",
		Explanation: "Microsoft's JDBC driver for SQL Server (mssql-jdbc 10.2 and later, and the tools and connectors that bundle it: Trino, Kafka Connect, Flyway, DBeaver) encrypts by default (encrypt=true) and so checks the server's certificate against the JVM's trust store; a SQL Server with the self-signed certificate it makes for itself, or one from a private CA, is then refused with PKIX path building failed. It often shows first after an upgrade of the tool that bundles the driver.",
		Fix:         "Trust the server's CA in the JVM (or the driver's trustStore option), or give SQL Server a certificate from a CA the JVM trusts; only for a test, accept it as it is in the JDBC URL:\n  jdbc:sqlserver://db:1433;encrypt=true;trustServerCertificate=true",
		Confirm:     "nmap -p 1433 --script ssl-cert db.example.com",
	},
	// Microsoft SQL Server's clients on Windows: Schannel's
	// SEC_E_WRONG_PRINCIPAL in the SSL provider's words. (With "Cannot
	// generate SSPI context" it is Kerberos, not TLS.)
	{
		ID: ServerHostnameMismatch, Kind: "client",
		Match:       []string{"the target principal name is incorrect"},
		Within:      []string{"ssl provider", "certificate", "encrypt", "sqlclient", "odbc driver", "sqlcmd"},
		Without:     []string{"sspi context"},
		Title:       "The SQL Server client refused the server's certificate: it does not name the server the client connected to",
		Explanation: "Windows (Schannel, SEC_E_WRONG_PRINCIPAL) checked the SQL Server's certificate against the server name in the connection string, and the certificate does not hold that name: a connection to localhost, an IP address, an alias or a listener while the certificate names the machine's full name, or the other way round. Microsoft.Data.SqlClient 4.0 and later and ODBC Driver 18 encrypt and check by default, so it shows after such an upgrade; the driver's managed and native network layers do not always check alike.",
		Fix:         "Connect with a name the certificate holds, or tell the client which name to expect (SqlClient 5.0 and later; ODBC Driver 18: HostnameInCertificate):\n  Server=sql01.corp.example.com;Encrypt=True;HostNameInCertificate=sql01.corp.example.com\nor give SQL Server a certificate with every name clients use in its subjectAltName. Only for a test:\n  Encrypt=True;TrustServerCertificate=True",
		Confirm:     "nmap -p 1433 --script ssl-cert sql01.corp.example.com",
	},
	// keytool importing a CA's signed reply without the CA chain.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"failed to establish chain from reply"},
		Title:       "keytool could not link the signed certificate to its CA: the CA chain is not in the keystore",
		Explanation: "keytool -importcert of a CA's reply (the certificate it signed) under the alias of its key must build the chain up to a root: every certificate above it (the intermediates and the root) has to be in the keystore (or in cacerts, with -trustcacerts) or in the reply file itself. With only the intermediate, or none, it cannot, and stops.",
		Fix:         "Import the root, then each intermediate, as trusted certificates, then the reply under the key's alias:\n  keytool -importcert -trustcacerts -alias root -file root.crt -keystore keystore.jks\n  keytool -importcert -trustcacerts -alias intermediate -file intermediate.crt -keystore keystore.jks\n  keytool -importcert -alias server -file server.crt -keystore keystore.jks\nor import a reply that holds the whole chain, made with:\n  cat server.crt intermediate.crt root.crt > chain.pem",
		Confirm:     "keytool -list -v -keystore keystore.jks",
	},
	// reqwest (Rust) building a client with a client certificate.
	{
		ID: KeyLoadFailed, Kind: "client", Side: "client",
		Match:       []string{"incompatible tls identity type"},
		Title:       "reqwest's client was given a client certificate made for its other TLS backend",
		Explanation: "reqwest builds its client on one of two TLS backends, rustls or native-tls (OpenSSL, Schannel, Secure Transport), and an Identity belongs to one of them: Identity::from_pem to rustls, Identity::from_pkcs12_der and from_pkcs8_pem to native-tls. When both features are on (Cargo unites the features of every crate in the build, so another dependency can turn native-tls on), ClientBuilder picks native-tls unless told otherwise, and a rustls Identity is then refused at build().",
		Fix:         "Tell the builder which backend the identity is for, e.g. for Identity::from_pem:\n  reqwest::Client::builder().use_rustls_tls().identity(id).build()?\nor make the identity for the backend in use (Identity::from_pkcs8_pem(cert, key) for native-tls), or turn the other backend off (default-features = false).",
		Confirm:     "cargo tree -e features -i reqwest",
	},
	{
		ID: KeyLoadFailed, Kind: "client", Side: "client",
		Match:       []string{"private key or certificate not found"},
		Title:       "The client's PEM holds no certificate, or no private key it can read (reqwest's Identity::from_pem)",
		Explanation: "reqwest's Identity::from_pem (rustls) wants one PEM buffer with the client certificate and its unencrypted private key (PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY). A buffer with the certificate only (the key read into another), with an ENCRYPTED PRIVATE KEY, or with no certificate, gives this.",
		Fix:         "Give it the certificate and the decrypted key in one buffer:\n  openssl pkey -in client.key -out client-plain.key\n  cat client.crt client-plain.key > identity.pem\nthen Identity::from_pem(&std::fs::read(\"identity.pem\")?).",
		Confirm:     "grep -- '-----BEGIN' identity.pem",
	},
	// Python's ssl module failing to parse a certificate of a CA file, or
	// on Windows of the system store, as it loads them.
	{
		ID: CertLoadFailed, Kind: "client",
		Match: []string{"[asn1] nested asn1 error", "[asn1: nested_asn1_error]", "[asn1] header too long", "[asn1: header_too_long]",
			"[asn1] wrong tag", "[asn1: wrong_tag]", "[asn1] too long", "[asn1: too_long]", "[x509] unknown public key type"},
		Within:      []string{"_ssl.c", "ssl.sslerror"},
		Title:       "Python could not parse a certificate while loading CA certificates",
		Explanation: "Python's ssl module reads every certificate of the CA file or directory it is given (cafile=, load_verify_locations) and, on Windows, every root of the system's store (create_default_context loads them all in one call), and a certificate it cannot parse stops it before any connection: a bundle with something that is not a certificate in it (a key, a request, text, a certificate cut short), or on Windows a malformed root that another program put in the store; newer Python releases skip such a root.",
		Fix:         "Find the entry of the CA file that does not parse (the command stops at it):\n  openssl crl2pkcs7 -nocrl -certfile ca-bundle.pem | openssl pkcs7 -print_certs -noout\nand remove or replace it; on Windows, upgrade Python, or give the client a CA file of its own (cafile=certifi.where() or your CA) instead of the store.",
		Confirm:     "openssl storeutl -noout -certs ca-bundle.pem",
	},
	// OpenVPN loading its certificate or key (a file, or a <cert> block of
	// the .ovpn profile).
	{
		ID: CertLoadFailed, Kind: "client",
		Match: []string{"cannot load inline certificate file", "cannot load certificate file", "cannot load inline private key file", "cannot load private key file",
			"cannot load ca certificate file", "cannot load inline ca certificate"},
		Without:     []string{"key values mismatch"},
		Title:       "OpenVPN could not load its certificate, key or CA (the OpenSSL lines after it say why)",
		Explanation: "OpenVPN reads its cert, key and ca (files, or <cert>, <key> and <ca> blocks in the profile) with the OpenSSL it runs on, and the error lines after this one name the cause: a block or file that is not PEM or is cut short, a wrong path, a key whose passphrase was not given, or an OpenSSL 3 (OpenVPN 2.6, new distributions, current apps) refusing a certificate an older one took: an MD5 or SHA-1 signature (ca md too weak), a key under 2048 bits (ee key too small), as easy-rsa 2 and old routers made them.",
		Fix:         "See the signature and key size of the certificate (for an inline one, save the block to a file first):\n  openssl x509 -noout -text -in client.crt | grep -E 'Signature Algorithm|Public-Key'\nReissue an MD5 or SHA-1 or small-key certificate with SHA-256 and a 2048-bit key; until then, OpenVPN 2.5 and later take the old one with:\n  tls-cert-profile insecure",
		Confirm:     "openssl x509 -noout -subject -dates -in client.crt",
	},
	// aiohttp (Python), and what is built on it (kopf, Home Assistant's
	// integrations), refusing the server's certificate.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match: []string{"clientconnectorcertificateerror"},
		// With its reason, the reason's own story leads.
		Without:     []string{"certificate verify failed: "},
		Title:       "The Python client (aiohttp) refused the server's certificate",
		Explanation: "aiohttp verifies the server's chain with Python's ssl module, and the reason follows in the SSLCertVerificationError of the same message: a CA it is not given (aiohttp uses the default context: certifi's or the system's bundle, not a cluster's or a private CA), an expired certificate, a name the certificate does not hold, or, with Python 3.13 and later, OpenSSL's strict checks, which refuse a CA without keyUsage or with a basicConstraints not marked critical (the CAs of many tools' generated clusters: microk8s, kind, kubeadm's older ones, home-made ones).",
		Fix:         "Read the reason after SSLCertVerificationError; give the client the CA in an SSL context of its own:\n  ctx = ssl.create_default_context(cafile='ca.crt')\n  session.get(url, ssl=ctx)\nFor a strict-check reason (CA cert does not include key usage extension, Basic Constraints of CA cert not marked critical) on Python 3.13, re-sign the CA with what it lacks, or leave that check off in the context:\n  ctx.verify_flags &= ~ssl.VERIFY_X509_STRICT",
		Confirm:     "openssl s_client -connect host:443 -servername host -showcerts </dev/null",
	},
	// A PKCS#12 file a program could not open, in its own words.
	{
		ID: KeyLoadFailed, Kind: "client", Side: "client",
		Match: []string{"failed to parse pkcs#12", "failed to parse pkcs12", "unable to parse pkcs#12", "unable to parse pkcs12", "could not parse pkcs#12",
			"error parsing pkcs#12", "error parsing pkcs12", "cannot parse pkcs#12", "cannot parse pkcs12"},
		Title:       "A PKCS#12 file could not be opened: a wrong password, or ciphers this OpenSSL no longer reads",
		Explanation: "A program could not read a .p12/.pfx file with the password it was given. Either the password is wrong (or none was given), or the file was made with the old ciphers (RC2-40-CBC, 3DES) that OpenSSL 3 reads only through its legacy provider: Windows, older OpenSSL and many appliances export so, and a program on OpenSSL 3 then says the password may be wrong although it is right.",
		Fix:         "See whether the password opens it and which ciphers it uses:\n  openssl pkcs12 -info -noout -in client.p12\nIf that says unsupported (RC2-40-CBC), read it with -legacy and export it again with current ciphers:\n  openssl pkcs12 -legacy -in client.p12 -nodes -out both.pem\n  openssl pkcs12 -export -in both.pem -out client-new.p12 && shred -u both.pem",
		Confirm:     "openssl pkcs12 -info -noout -in client.p12",
	},
	// Microsoft SQL Server's and PostgreSQL's .NET clients.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match: []string{"the certificate chain was issued by an authority that is not trusted"},
		// The message is Windows' own (SEC_E_UNTRUSTED_ROOT): curl on Schannel prints it too.
		Within:      []string{"sql server", "sqlclient", "sqlexception", "provider: ssl provider", "login process", "mssql", "odbc driver", "sqlcmd", "tds"},
		Title:       "The SQL Server client does not trust the server's certificate",
		Explanation: "Microsoft.Data.SqlClient (4.0 and later, and tools built on it) encrypts by default (Encrypt=true) and so checks the SQL Server's certificate, which is often self-signed (SQL Server makes one when none is configured) and not trusted by the client.",
		Fix:         "Give SQL Server a certificate from a CA the client trusts, or trust the server's CA on the client; only for a test, accept it as it is in the connection string:\n  Encrypt=True;TrustServerCertificate=True",
		Confirm:     "nmap -p 1433 --script ssl-cert db.example.com",
	},
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match:       []string{"npgsqlexception (0x80004005): exception while performing ssl handshake"},
		Title:       "The .NET client (Npgsql) refused the server's certificate",
		Explanation: "Npgsql before 6.0 validates the server's certificate with SSL Mode=Require (libpq's require, as psql uses it, does not), and the database's certificate is not trusted on this machine: a cloud database's CA or a self-signed certificate.",
		Fix:         "Give the client the server's CA (Root Certificate=/path/ca.crt with SSL Mode=VerifyFull in Npgsql 6 and later), or only to test:\n  SSL Mode=Require;Trust Server Certificate=true",
		Confirm:     "openssl s_client -connect db.example.com:5432 -starttls postgres </dev/null",
	},
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match:       []string{"rejected by the provided remotecertificatevalidationcallback"},
		Title:       "The .NET program's own check refused the server's certificate (RemoteCertificateValidationCallback)",
		Explanation: "The program (or the library or gateway it runs in) checks the server's certificate with a callback of its own, and the callback said no. It refuses for what Windows found (an untrusted CA, a missing intermediate, a name the certificate lacks) or for a rule of its own: a pinned thumbprint or key that changed when the server's certificate was renewed, or a list of CAs the program keeps itself rather than the machine's store (Npgsql before 6.0 with SSL Mode=Require; a gateway such as Azure API Management v2 that validates backends only against the CA certificates configured for it).",
		Fix:         "See the chain the server sends and its CA, then give that CA to the program's own list (the gateway's backend CA setting, the library's root certificate option), or update a pinned thumbprint after a renewal:\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null",
		Confirm:     "openssl s_client -connect host:443 -servername host -showcerts </dev/null",
	},
	// mbedTLS receiving a fatal alert.
	{
		ID: TLSAlert, Kind: "client",
		Match:       []string{"-0x7780", "mbedtls_err_ssl_fatal_alert_message", "(-30592,"},
		Title:       "The server ended the mbedTLS client's handshake with a fatal alert (-0x7780)",
		Explanation: "MBEDTLS_ERR_SSL_FATAL_ALERT_MESSAGE: the server sent a fatal alert. Against a broker or server with client authentication (EMQX's fail_if_no_peer_cert, mosquitto's require_certificate) it means the device sent no client certificate, or one the server does not trust; against a CDN or a host serving several names (Cloudflare), a device that sent no server name (SNI: MicroPython's ssl.wrap_socket without server_hostname, a client that never called mbedtls_ssl_set_hostname); otherwise no TLS version or cipher in common.",
		Fix:         "Give the device its client certificate and key (issued by the CA the server trusts), and check the server's requirements:\n  openssl s_client -connect host:8883 -cert client.crt -key client.key </dev/null",
		Confirm:     "openssl s_client -connect host:8883 </dev/null 2>/dev/null | grep -A3 'Acceptable client certificate CA names'",
	},
	// JSSE without a key that fits the peer's signature schemes.
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"no available authentication scheme"},
		Title:       "Java found no key it can sign with for this handshake (No available authentication scheme)",
		Explanation: "JSSE looked for a certificate and key to present (a client certificate for a server that asked, or a server's own) and found none whose key type fits the signature schemes the peer allows: the keystore has no private key entry, or only a DSA key, an EC key on a curve not offered, or an RSA key under the allowed size.",
		Fix:         "Give the keystore an RSA (2048 bits or more) or P-256 key with its certificate, issued by a CA the peer trusts:\n  keytool -list -v -keystore client.p12",
		Confirm:     "keytool -list -v -keystore client.p12",
	},
	// Tailscale's pinned certificates of its own DERP servers.
	{
		ID: ServerHostnameMismatch, Kind: "client", Side: "client",
		Match:       []string{"wanted to match sha256-raw:"},
		Title:       "Tailscale checked a pinned DERP certificate as a name, and it did not match",
		Explanation: "A self-hosted DERP server with a self-signed certificate for an IP address is pinned in the DERP map by its key's hash (CertName sha256-raw:...); the client should compare hashes, not names. Some Tailscale releases (1.82) matched the pin as a host name, so every connection to that DERP server failed.",
		Fix:         "Upgrade the Tailscale clients (the fix came in the release after 1.82), or give the DERP server a certificate for a DNS name the clients use; check with:\n  tailscale debug derp REGION",
		Confirm:     "tailscale version",
	},
	// rustls (0.23.23 on) checking the client certificate it is given
	// to present, when the client is built (kube-rs, rumqttc).
	{
		ID: CertLoadFailed, Kind: "client", Side: "client",
		Match:       []string{"unsupportedcertversion"},
		Within:      []string{"invalid private key", "client auth cert", "building kube client", "client_auth"},
		Title:       "rustls refused the client's own certificate: it is a v1 certificate",
		Explanation: "Since rustls 0.23.23, building a client with a client certificate (with_client_auth_cert, under kube-rs, rumqttc, reqwest's Identity) parses that certificate with webpki, which reads only X.509 v3; a v1 client certificate (openssl x509 -req without an -extfile makes one, and some tools' kubeconfigs carry one) fails before any connection, in words that blame the private key. Go and OpenSSL clients accept the same file.",
		Fix:         "See the version of the client certificate (kubeconfig: its client-certificate-data, base64-decoded), and reissue it as v3 with an -extfile holding:\n  extendedKeyUsage=clientAuth\n  basicConstraints=CA:FALSE\nthen check:\n  openssl x509 -noout -text -in client.crt | grep Version",
		Confirm:     "openssl x509 -noout -text -in client.crt | grep Version",
	},
	// rustls refusing a certificate it cannot parse.
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match: []string{"invalid certificate: badder", "(badder)", "unsupportedcertversion", "invalid peer certificate: badencoding", "invalidcertificate(badencoding",
			"invalid peer certificate encoding", "invalidcertificateencoding", "(baddertime)"},
		Title: "Rust's rustls (webpki) could not parse the peer's certificate (a v1 certificate, or DER it refuses)",
		Explanation: "webpki reads only well-formed X.509 v3 certificates: a v1 certificate (openssl x509 -req without an -extfile makes one), an encoding another library tolerates (BadDER), or other oddities fail where OpenSSL accepts them. Old webpki (0.21, under rustls 0.19) said BadDER of certificates other libraries read, such as a self-signed one made without a subjectAltName; reissue it with one. reqwest's danger_accept_invalid_certs does not help with rustls: rustls still parses the certificate to check the handshake's signatures. " +
			"rustls calls the other side the peer: in a client it is the server's certificate; in a rustls server that checks client certificates (an MQTT broker or proxy, a service mesh) it is the client's, and the client certificates that guides sign without an -extfile are v1.",
		Fix:     "Reissue the certificate rustls refused as v3, with extensions, from an -extfile; a server's:\n  subjectAltName=DNS:host.example.com\n  basicConstraints=CA:FALSE\na client's:\n  extendedKeyUsage=clientAuth\n  basicConstraints=CA:FALSE",
		Confirm: "openssl x509 -noout -text -in cert.crt | grep -E 'Version|Subject Alternative|Extended Key Usage'",
	},
	// mitmproxy when the client refuses its CA.
	{
		ID: TLSAlert, Kind: "client",
		Match:       []string{"the client does not trust the proxy's certificate"},
		Title:       "The client does not trust the intercepting proxy's certificate",
		Explanation: "mitmproxy (or another intercepting proxy) presented a certificate it signs with its own CA, and the client refused it: that CA is not installed in the client's (or app's) trust store, or the app pins its server's certificate.",
		Fix:         "Install the proxy's CA in the client's trust store (mitmproxy: visit http://mitm.it through the proxy), or for a program with its own store, give it the CA file (~/.mitmproxy/mitmproxy-ca-cert.pem).",
		Confirm:     "openssl s_client -connect host:443 -proxy 127.0.0.1:8080 </dev/null",
	},
	// .NET's name check.
	{
		ID: ServerHostnameMismatch, Kind: "client",
		Match:       []string{"remotecertificatenamemismatch"},
		Title:       "The server's certificate does not carry the host name the .NET client used",
		Explanation: ".NET's SslStream reports RemoteCertificateNameMismatch: the host name (or IP address) it connected to is not in the certificate, for example a server addressed by IP, or a wildcard for another domain.",
		Fix:         "Connect with a host name the certificate carries, or reissue it with that name:\n  subjectAltName=DNS:host.example.com",
		Confirm:     sanConfirm,
	},
	// Busybox's wget on Alpine.
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match: []string{"ssl_client:"}, Within: []string{"tls connect failed", "certificate"},
		Title:       "BusyBox wget (ssl_client) could not connect over TLS",
		Explanation: "Alpine's BusyBox wget hands TLS to ssl_client, which failed the handshake: most often the image has no CA bundle it can use (the ca-certificates package missing or not refreshed, or hidden by a volume mounted over /etc/ssl or /etc/ssl/certs, such as a directory of your own certificates), else the server needs a TLS version or SNI it does not offer.",
		Fix:         "Install and refresh the CA bundle in the image, or use GNU wget or curl:\n  apk add --no-cache ca-certificates && update-ca-certificates\nMount your own certificates elsewhere than /etc/ssl (or /etc/ssl/certs), which holds the image's bundle.",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null",
	},
	// A TLS ClientHello (\x16\x03) read by a plain-HTTP server.
	{
		ID: PlainHTTP, Kind: "client", Side: "server",
		Match:       []string{"\\x16\\x03", "badstatusline: 400, message: invalid method encountered", "badstatusline: 400, message=\"invalid method encountered", "unsupported http method: http method too long", "maybe ssl-encrypted data", "[22, 3, 1,", "[22, 3, 3,"},
		Title:       "A TLS client connected to a plain-text port (HTTP, or another protocol without TLS)",
		Explanation: "The bytes \\x16\\x03 (22, 3 in decimal) start a TLS handshake (a ClientHello). A server speaking plain HTTP on this port read them as a request (aiohttp calls it an invalid method; Akka HTTP a method too long, started with binary characters): a browser or client used https:// for an http:// port, or a proxy in front speaks TLS to the backend's plain port (a reverse proxy or ingress told the backend speaks HTTPS).",
		Fix:         "Use http:// for this port, or turn TLS on where the clients expect it (gunicorn: its --certfile and --keyfile options), or make the proxy in front speak plain HTTP to it; nginx:\n  listen 443 ssl;",
		Confirm:     "curl -sv https://host:port/ -o /dev/null",
	},
	// nginx fetching OCSP responses over a network it cannot use.
	{
		ID: StaplingFailed, Kind: "client",
		Match: []string{"cannot assign requested address"}, Within: []string{"ocsp", "ssl_certificate_by_lua"},
		Title:       "nginx could not connect to the OCSP responder (cannot assign requested address)",
		Explanation: "nginx, fetching an OCSP response for stapling, connected to an address this machine cannot use: most often the resolver returned the responder's IPv6 address inside a container or host without IPv6 connectivity.",
		Fix:         "Ask the resolver for IPv4 addresses only (or give the container IPv6):\n  resolver 1.1.1.1 ipv6=off;\nthen reload:\n  nginx -t && nginx -s reload",
		Confirm:     "openssl s_client -connect host:443 -servername host -status </dev/null 2>/dev/null | grep -A3 'OCSP response'",
	},
	// A client that could not set the SNI name.
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"ssl_set_tlsext_host_name failed"},
		Title:       "The client could not set the server name (SNI) for the handshake",
		Explanation: "OpenSSL refused the name given for SNI: SNI carries a host name, so an IP address (a URL such as https://172.18.0.5:2379) or an over-long or empty name fails; some clients then retry or connect without it, and servers that choose their certificate by SNI answer with the wrong one.",
		Fix:         "Connect by host name (one the server's certificate carries), or do not set SNI when connecting by IP address (OpenResty: the server_name argument of sslhandshake).",
		Confirm:     "openssl s_client -connect host:443 -servername host.example.com </dev/null",
	},
	// GNU wget's date checks.
	{
		ID: ServerCertExpired, Kind: "client",
		Match:       []string{"is not yet activated"},
		Title:       "wget finds the server's certificate not yet valid: the clock is behind",
		Explanation: "GNU wget compared the certificate's notBefore with this machine's clock and found it in the future. A fresh certificate is never that far ahead: the clock is wrong (a board without a real-time clock, time sync turned off or not run yet).",
		Fix:         "Set the clock, and keep it in sync (NTP):\n  date -u\n  timedatectl set-ntp true",
		Confirm:     "date -u",
	},
	// Qt's host name check.
	{
		ID: ServerHostnameMismatch, Kind: "client",
		Match:       []string{"the host name did not match any of the valid hosts for this certificate"},
		Title:       "The server's certificate does not carry the host name the client (Qt) used",
		Explanation: "Qt's QSslSocket compared the host name it connected to with the certificate's names and found no match: the client used an IP address or another name than the certificate carries.",
		Fix:         connectByName,
		Confirm:     sanConfirm,
	},
	// .NET's HttpClient choosing which of its certificates to send.
	{
		ID: WrongPurpose, Kind: "client",
		Match:       []string{"isvalidclientcertificate"},
		Title:       "The .NET client skipped its certificate: not for client authentication",
		Explanation: ".NET's HttpClient (SslStream) sends only a client certificate whose extendedKeyUsage allows clientAuth (1.3.6.1.5.5.7.3.2), or that has no extendedKeyUsage at all. This one lists other purposes (serverAuth only, as a server certificate has), so the client sent no certificate, and a server that requires one ended the handshake or answered 400/403.",
		Fix:         "Reissue the client certificate with this line in its -extfile:\n  extendedKeyUsage=clientAuth",
		Confirm:     "openssl x509 -noout -text -in client.crt | grep -A1 'Extended Key Usage'",
	},
	// ASP.NET Core's client-certificate check.
	{
		ID: WrongPurpose, Kind: "client", Without: []string{"isvalidclientcertificate"},
		Match:       []string{"is not valid for client authentication"},
		Title:       "The .NET server refused the client certificate: not for client authentication",
		Explanation: "ASP.NET Core (Kestrel's or the certificate authentication handler's check) requires a client certificate whose extendedKeyUsage allows clientAuth (1.3.6.1.5.5.7.3.2). This one has an extendedKeyUsage without it (serverAuth only, as a server certificate has), so it was refused.",
		Fix:         "Reissue the client certificate with this line in its -extfile:\n  extendedKeyUsage=clientAuth\n(or, if the certificates cannot change, turn off the handler's ValidateCertificateUse).",
		Confirm:     "openssl x509 -noout -text -in client.crt | grep -A1 'Extended Key Usage'",
	},
	// A server that reads the client's identity from its certificate and
	// wants its extendedKeyUsage (PyKMIP's server, some brokers).
	{
		ID: WrongPurpose, Kind: "client",
		Match:       []string{"extended key usage extension is missing from the client certificate", "extendedkeyusage extension is missing", "client certificate does not have the clientauth", "client certificate lacks clientauth"},
		Title:       "The server refused the client certificate: no extendedKeyUsage with clientAuth",
		Explanation: "The server requires the client certificate to carry an extendedKeyUsage extension that lists clientAuth (1.3.6.1.5.5.7.3.2), and this one has none, or one without it: certificates signed with openssl x509 -req without an -extfile have no extensions at all.",
		Fix:         "Reissue the client certificate with these lines in its -extfile:\n" + clientExtLines + "\n  " + reissueClient,
		Confirm:     "openssl x509 -noout -text -in client.crt | grep -A1 'Extended Key Usage'",
	},
	// OpenSSL's PKCS#12 integrity check (node's pfx option, openssl pkcs12,
	// curl, PHP): the password.
	{
		ID: BadPassphrase, Kind: "client",
		Match:       []string{"mac verify failure", "mac verify error", "pkcs12_parse: mac verify failure", "invalid password?"},
		Title:       "The PKCS#12 file (.pfx, .p12) did not open: wrong password",
		Explanation: "OpenSSL checks a PKCS#12 file's integrity (its MAC) with the password before reading it, and the check failed: the password given is not the file's (a .pfx exported with an empty password read with one, or the reverse; a passphrase option the program never passed on), or the file is damaged (uploaded as text, base64 not decoded), or the loader checks only SHA-1 MACs and the file has a SHA-256 one, as OpenSSL 3 writes by default (Deno's node compatibility before its fix, Go's x/crypto/pkcs12): export it with -legacy. node's pfx/passphrase options, curl --cert file.p12:password and PHP all report it so; the program never got to TLS.",
		Fix:         "Open the file by hand with the password (and with an empty one), then give the program the one that works:\n  openssl pkcs12 -info -noout -in client.p12\n  openssl pkcs12 -info -noout -in client.p12 -passin pass:",
		Confirm:     "openssl pkcs12 -info -noout -in client.p12",
	},
	// OpenSSL 3's default provider without an old algorithm: node 17 and
	// later (webpack's md4 too), a legacy-encrypted key or .pfx.
	{
		ID: KeyLoadFailed, Kind: "client",
		Match:       []string{"err_ossl_evp_unsupported", "digital envelope routines::unsupported", "digital envelope routines:inner_evp_generic_fetch:unsupported"},
		Title:       "OpenSSL 3 refused an old algorithm (digital envelope routines::unsupported)",
		Explanation: "OpenSSL 3's default provider no longer has old algorithms (MD4, RC2, RC4, DES, Blowfish), and the program asked for one. In node 17 and later the best-known case is not TLS at all: webpack 4 and old react-scripts hash with MD4. In TLS it is a private key or .pfx encrypted the old way (RC2 or 3DES, as older OpenSSL, Windows and Java keytool exported them) being loaded.",
		Fix:         "For a key or .pfx, convert it once to modern encryption:\n  openssl pkcs12 -legacy -in old.pfx -nodes -out both.pem\n  openssl pkcs12 -export -in both.pem -out new.pfx\nFor webpack or react-scripts, upgrade them (NODE_OPTIONS=--openssl-legacy-provider only as a stopgap).",
		Confirm:     "openssl pkcs12 -info -noout -in old.pfx",
	},
	// JSSE's other refusals of what the server offered.
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match:       []string{"validatorexception: no trusted certificate found"},
		Title:       "Java found no trusted certificate for the server's chain",
		Explanation: "Java's validator found none of the certificates the server sent, or their issuers, in its trust store: a self-signed server certificate or private CA not imported into the truststore Java uses (the JDK's cacerts unless javax.net.ssl.trustStore names another), or a server that sends an incomplete chain.",
		Fix:         "See what the server sends, then import its CA (or its self-signed certificate) into the truststore the program uses:\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null\n  keytool -importcert -alias server-ca -file ca.pem -keystore truststore.jks",
		Confirm:     "keytool -list -keystore truststore.jks",
	},
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"sslhandshakeexception: unsupported curve", "sslexception: unsupported curve"},
		Title:       "Java and the server share no elliptic curve",
		Explanation: "The server chose an elliptic curve for the key exchange (or its certificate's EC key is on a curve) that this JDK does not support or has disabled: an old JDK without X25519 or the curve named, jdk.tls.namedGroups or jdk.disabled.namedCurves leaving it out, or a JDK without its EC provider.",
		Fix:         "See the server's curve and certificate key, then upgrade the JDK or allow the curve (jdk.tls.namedGroups), or give the server a P-256 or RSA certificate:\n  openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | grep -E 'Server Temp Key|Peer signature type|public key'",
		Confirm:     "java -XshowSettings:security -version",
	},
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"dhpublickey does not comply to algorithm constraints", "dh keypair", "could not generate dh keypair"},
		Within:      []string{"java", "ssl", "dh"},
		Title:       "Java refused the server's Diffie-Hellman key exchange",
		Explanation: "The server chose a DHE cipher suite with Diffie-Hellman parameters that Java refuses: smaller than the JDK's limit (jdk.tls.disabledAlgorithms has DH keySize < 1024, newer JDKs 2048), or larger than an old JDK (Java 7) can handle (over 1024 bits).",
		Fix:         "Best on the server: prefer ECDHE suites, or give DHE 2048-bit parameters (nginx: ssl_dhparam with a file from openssl dhparam 2048); see what it offers:\n  openssl s_client -connect host:443 -servername host -cipher 'DHE' </dev/null 2>/dev/null | grep 'Server Temp Key'",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | grep 'Server Temp Key'",
	},
	// Java's key and trust stores.
	{
		ID: KeyLoadFailed, Kind: "client",
		Match:       []string{"invalid keystore format", "java.io.ioexception: invalid keystore", "toderinputstream", "dervalue.getbiginteger", "derinputstream.getlength(): lengthtag="},
		Title:       "Java could not read a keystore or truststore: the file is not of the type it was read as",
		Explanation: "The JVM (or keytool) opened the keystore and found no store of the expected type in it. Four causes cover most cases: 1. a PKCS#12 file read as JKS, or the reverse (keystore type JKS given for a .p12, or Java 8's default JKS reading a PKCS#12); 2. a PEM certificate or key given where a keystore belongs; 3. a build step that rewrote the binary file: Maven resource filtering (filtering on for src/main/resources), Git's line-ending conversion, a Git LFS pointer checked out instead of the file; 4. a truncated or empty file (a failed copy or download, a Kubernetes secret mounted wrongly). A store written by a newer JDK can also fail so in an older one's keytool (a JDK 8 JKS read by JDK 7's; a PKCS#12 from a recent JDK or OpenSSL 3 read by an old Java 8): make it with the older tool.",
		Fix:         "See what the file is (a JKS starts with FEEDFEED; PKCS#12 is DER, starting 30 82):\n  head -c 4 keystore.jks | od -An -tx1\n  keytool -list -keystore keystore.jks -storetype PKCS12\nand name its real type (server.ssl.key-store-type, -Djavax.net.ssl.keyStoreType). With Maven, keep the keystore out of resource filtering (nonFilteredFileExtensions: jks, p12); from PEM files, make a PKCS#12 store:\n  openssl pkcs12 -export -in server.crt -inkey server.key -out keystore.p12",
		Confirm:     "keytool -list -v -keystore keystore.jks",
	},
	// keytool given a file that is not a certificate it reads, or a
	// keystore path that does not exist.
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"input not an x.509 certificate"},
		Title:       "keytool could not read the file as a certificate",
		Explanation: "keytool -importcert (or -printcert) found no certificate it can read in the file: text before the -----BEGIN CERTIFICATE----- line (openssl's Bag Attributes, the dump of openssl x509 -text, a mail's quoted lines), a private key, a certificate request or a PKCS#12 file in place of a certificate, or damage from copying (a Windows editor's encoding, a line cut). Old or unusual JDKs (IBM J9's Java 7) also fail on some valid certificates.",
		Fix:         "Write a clean copy of the certificate with openssl, then import that:\n  openssl x509 -in ca.crt -out ca-clean.pem\n  keytool -importcert -alias my-ca -file ca-clean.pem -cacerts",
		Confirm:     "openssl x509 -noout -subject -in ca.crt",
	},
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"keystore file does not exist"},
		Title:       "keytool was given a keystore that does not exist",
		Explanation: "The -keystore path keytool got is not there. Scripts that build it from JAVA_HOME ($JAVA_HOME/lib/security/cacerts, or jre/lib/security/cacerts for Java 8) miss when JAVA_HOME is unset or names a prefix other than the JDK's home, as Homebrew's openjdk does (its home is under libexec/openjdk.jdk/Contents/Home); an empty path after the message means the variable was empty.",
		Fix:         "Let keytool find the JDK's own trust store (Java 9 and later), or name the real path:\n  keytool -list -cacerts\n  /usr/libexec/java_home\nand set JAVA_HOME to the JDK's home before running the script.",
		Confirm:     "keytool -list -cacerts -storepass changeit",
	},
	// Java parsing a file in DER that holds something else.
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"extra data given to dervalue constructor"},
		Title:       "Java could not parse a certificate or key file (extra data after the DER object)",
		Explanation: "Java read the file as one DER object and found more after it: a PEM file given where the program wants binary DER, several certificates in one file where it reads one, or a file with text around the certificate. Programs on Java's own parsers (MQTT.fx, some Java clients' certificate fields) take DER only.",
		Fix:         "Give it the certificate as DER, one per file:\n  openssl x509 -in client.crt -outform DER -out client.der\nand a key as PKCS#8 DER:\n  openssl pkcs8 -topk8 -nocrypt -in client.key -outform DER -out client.key.der",
		Confirm:     "openssl x509 -inform DER -noout -subject -in client.der",
	},
	// Logstash's beats and TCP inputs loading their certificate and key.
	{
		ID: KeyLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"your private key was not in pkcs8 format", "could not find key file"},
		Title:       "Logstash could not load its TLS certificate or key",
		Explanation: "Logstash's beats (or tcp, http) input could not use the ssl_certificate and ssl_key it names. Three causes cover most cases: the logstash user may not read the files (root-owned with mode 600, or a directory it may not enter), which Logstash reports with the same words as a bad file; the key is not PKCS#8 (openssl genrsa and Let's Encrypt write other forms); or the certificate and key do not belong together.",
		Fix:         "Let the logstash user read both files, and give the key as PKCS#8:\n  sudo -u logstash head -1 /etc/logstash/logstash.key\n  chown logstash:logstash /etc/logstash/logstash.key\n  openssl pkcs8 -topk8 -nocrypt -in logstash.key -out logstash.pkcs8.key",
		Confirm:     "sudo -u logstash openssl pkey -noout -in /etc/logstash/logstash.pkcs8.key",
	},
	// Jib falling back to plain HTTP after a failed handshake.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"perhaps you should use a registry that supports https"},
		Title:       "Jib could not use the registry over HTTPS (its certificate is not trusted by Java)",
		Explanation: "Jib tried the registry over HTTPS, failed, and fell back to plain HTTP, which it refuses unless told: the registry's certificate is self-signed or from a private or corporate CA that the JVM running Maven or Gradle does not trust (Java reads its own cacerts, not the system's store), or the registry speaks only HTTP.",
		Fix:         "Import the registry's CA into the trust store of the JVM that runs the build:\n  keytool -importcert -alias registry-ca -file ca.crt -cacerts\nor, for a test registry only:\n  mvn compile jib:build -Djib.allowInsecureRegistries=true",
		Confirm:     "openssl s_client -connect registry.example.com:443 -servername registry.example.com </dev/null",
	},
	// IIS binding a certificate whose private key it cannot reach.
	{
		ID: KeyLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"a specified logon session does not exist", "0x80070520"},
		Title:       "Windows could not bind the certificate: its private key is missing or out of reach",
		Explanation: "IIS (or netsh http add sslcert, a provisioning tool) could not use the certificate for an HTTPS binding: it is in the store without its private key (a .cer imported in place of the .pfx, a request completed on another machine), the key is in the user's store rather than the machine's, or the account doing the binding may not use the key.",
		Fix:         "Import the certificate with its key into the machine's store, then bind it again:\n  certutil -importpfx -f server.pfx\n  certutil -store My\nand look for 'Private key is present' (or 'Key Container') under its entry.",
		Confirm:     "certutil -store My",
	},
	// A server certificate without the usages a TLS server needs.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"certificate is not intended for server use"},
		Title:       "The certificate's usages do not allow a TLS server",
		Explanation: "The server's certificate lacks what a TLS server certificate needs: extendedKeyUsage serverAuth, or a keyUsage that allows its key exchange (digitalSignature; RSA certificates also keyEncipherment, which some servers and clients insist on). Tools that make a leaf with an EC key by default (step certificate create --profile leaf) set digitalSignature only, which a server that wants keyEncipherment refuses.",
		Fix:         "See the usages, then reissue it with a server's:\n  openssl x509 -noout -text -in server.crt | grep -A1 'Key Usage'\nwith these lines in its -extfile:\n  extendedKeyUsage=serverAuth\n  keyUsage=critical,digitalSignature,keyEncipherment",
		Confirm:     "openssl verify -purpose sslserver -CAfile ca.crt server.crt",
	},
	{
		ID: BadPassphrase, Kind: "client",
		// "Password verification failed": a PKCS#12 store's integrity check.
		Match:       []string{"keystore was tampered with, or password was incorrect", "password verification failed", "keystore password was incorrect", "error extracting keyentry aliases from pfx"},
		Title:       "Java could not open a keystore or truststore: wrong password (or not that format)",
		Explanation: "keytool or the JVM read a keystore or truststore file and its integrity check failed; the program never got to TLS. Five causes cover most cases: 1. the store password given is not the file's (the JDK's cacerts uses changeit unless it was changed); 2. the password that reaches the JVM is not the one written in the configuration: a placeholder or an encrypted secret reference left unresolved (${...}, ENC(...), {cipher}..., a vault or secure-vault alias), or an empty one; 3. the file is not of the type given (a PKCS#12 read as JKS, a PEM file); 4. the file is damaged (a build's resource filtering, a truncated copy); 5. a PKCS#12 file made by OpenSSL 3, which encrypts with AES-256 and PBKDF2 by default: older Java 8 and 11 releases cannot read that and say the password is wrong.",
		Fix:         "Check the file and its password by hand:\n  keytool -list -keystore truststore.jks -storepass changeit\nthen give the same password to the program (-Djavax.net.ssl.trustStorePassword=..., -Djavax.net.ssl.keyStorePassword=..., or its own setting) and the right type (-storetype PKCS12). For an older Java, export the PKCS#12 file with the algorithms it reads:\n  openssl pkcs12 -export -legacy -in client.crt -inkey client.key -out client.p12",
		Confirm:     "keytool -list -v -keystore truststore.jks",
	},
	{
		ID: BadPassphrase, Kind: "client",
		Match:       []string{"unrecoverablekeyexception", "cannot recover key"},
		Title:       "Java could not read the private key in its keystore: wrong key password",
		Explanation: "The keystore opened, but the private key entry in it is protected by another password than the one the program gave for the key, or the program gave none: a framework that passed an empty password on (a REST client or Vert.x options without the store's password set, a variable left unset) fails the same way, for a trust store too. A JKS store may hold its keys under a password of their own (keytool -keypass); the JDK's default key manager, Tomcat without certificateKeyPassword and Spring Boot without server.ssl.key-password use the store's password for the key too. The program (a server at start-up, or a client loading its client certificate) never got to TLS.",
		Fix:         "See the store's entries with the store's password, then give the key's own password (Spring Boot: server.ssl.key-password; Tomcat: certificateKeyPassword), or make it the same as the store's:\n  keytool -list -v -keystore keystore.jks\n  keytool -keypasswd -alias ALIAS -keystore keystore.jks\nA PKCS#12 store has one password for both: convert to it to end the question.",
		Confirm:     "keytool -list -keystore keystore.jks",
	},
	// A Java server without a key it can use.
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"no cipher suites in common"},
		Title:       "The Java server has no cipher suite it can use with this client (no cipher suites in common)",
		Explanation: "JSSE, as the server, found no cipher suite that the client offers and that its own certificate and key can serve. Most often the server has no usable private key: its keystore holds only certificates (a trustedCertEntry, imported without the key), the key's alias is not the one configured (or, with SNI, none matches the name asked for), or no keystore was loaded at all (a wrong path or type), or its key entry has a password other than the one the server gives for it (a server that sets only the store's or only the key's password; PKCS12 stores, Java 9's default type, are read so). Otherwise the client offers only suites or versions the server's JDK disables (jdk.tls.disabledAlgorithms), or the server's ECDSA key meets a client without ECDSA suites. A DSA key (keytool -keyalg DSA; old guides' default) is one no current JDK serves TLS with: the server then has no suite either; make the key RSA or EC.",
		Fix:         "Look for a PrivateKeyEntry under the alias the server uses:\n  keytool -list -v -keystore keystore.jks | grep -E 'Alias name|Entry type'\nIf there is none, build the keystore from the certificate and its key:\n  openssl pkcs12 -export -in server.crt -inkey server.key -certfile chain.crt -name server -out server.p12",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null",
	},
	// .NET Framework's HttpWebRequest, WebClient and PowerShell 5.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		// (PowerShell wraps its message, and a paste may end at "secure")
		Match: []string{"could not create ssl/tls secure", "ssl/tls security channel could not be created", "could not create ssl/tls security channel",
			// the same refusal when the server closes instead of alerting
			"underlying connection was closed: an unexpected error occurred on a send", "underlying connection was closed: an unexpected error occurred on a receive",
			// Windows' Russian, German and French words for the same
			"базовое подключение было закрыто", "базовое соединение закрыто", "die zugrunde liegende verbindung wurde geschlossen", "la connexion sous-jacente a été fermée",
			// and its Portuguese and Spanish words for the secure channel
			"não foi possível criar um canal seguro", "no se puede crear un canal seguro", "no se pudo crear un canal seguro"},
		Title:       "The .NET client could not set up TLS with the server (could not create SSL/TLS secure channel)",
		Explanation: "A .NET Framework client (HttpWebRequest, WebClient, SOAP proxies, PowerShell 5's Invoke-WebRequest) failed the handshake in Windows' SChannel. Most often no TLS version is shared: an application built for .NET Framework 4.6 or older, or run on an unpatched Windows 7 or Server 2008 R2, offers SSL 3 and TLS 1.0 only, and the server requires TLS 1.2. Otherwise a client certificate whose private key the process's account may not use (an IIS application pool's identity), or no cipher suite in common with an old Windows.",
		Fix:         "Let the client offer TLS 1.2: target .NET Framework 4.7 or later, or set SchUseStrongCrypto and SystemDefaultTlsVersions to 1 (DWORD) under HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319 (and its Wow6432Node twin), or in code:\n  ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12;\n  [Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12\n(the second line for PowerShell). With a client certificate, grant the process's account the private key (certlm.msc, Manage Private Keys).",
		Confirm:     "openssl s_client -connect host:443 -servername host -tls1_2 </dev/null",
	},
	// WinHTTP asked for a client certificate.
	{
		ID: NoClientCert, Kind: "client",
		Match:       []string{"a certificate is required to complete client authentication", "error_winhttp_client_auth_cert_needed"},
		Title:       "Windows' HTTP client (WinHTTP) was asked for a client certificate and has none to send",
		Explanation: "WinHTTP (MSXML's ServerXMLHTTP, Windows services, PowerShell and .NET on older Windows) fails with ERROR_WINHTTP_CLIENT_AUTH_CERT_NEEDED (12044) as soon as the server's handshake asks for a client certificate, even when the server would go on without one: nginx with ssl_verify_client optional or optional_no_ca, IIS accepting client certificates, Vault's listener (which asks by default).",
		Fix:         "Give the client its certificate (WinHttpSetOption with WINHTTP_OPTION_CLIENT_CERT_CONTEXT; ServerXMLHTTP's setOption 3 with the certificate's store path), or let it go on without one (WINHTTP_NO_CLIENT_CERT_CONTEXT), or stop the server asking on that name and port (nginx: ssl_verify_client off in that server block; Vault: tls_disable_client_certs on the listener).",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | grep -A3 'Acceptable client certificate CA names'",
	},
	// Bundler and RubyGems fetching gems.
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match:       []string{"could not verify the ssl certificate for"},
		Title:       "Bundler or RubyGems could not verify the gem server's certificate",
		Explanation: "Ruby's OpenSSL refused the certificate of the gem server. Its CA bundle lacks the issuer (a private gem server's CA, or a TLS-intercepting proxy's), the bundle is too old for the server's chain (Let's Encrypt's DST Root CA X3 expired on 2021-09-30; old RubyGems, JRuby and OpenSSL 1.0.x build the chain to it; the same with a server that still sends a cross-signed intermediate whose root expired, as AddTrust's did in May 2020: then the server should drop that certificate from its chain), or the clock is wrong. When a browser warns about the same server too, its own certificate is at fault (expired, or not for that name), and only its owner can fix it.",
		Fix:         clientTrustRuby,
		Confirm:     "ruby -ropenssl -e 'p OpenSSL::X509::DEFAULT_CERT_FILE'",
	},
	{
		ID: ServerCertExpired, Kind: "client",
		Match:       []string{"validity check failed", "certificateexpiredexception", "certificatenotyetvalidexception"},
		Title:       "Java found a certificate in the chain expired or not yet valid",
		Explanation: "Java's certificate path validation failed on a certificate's dates: the server's certificate (or an intermediate, or the root in the trust store) is expired or not yet valid by this machine's clock. An old trust store with an expired root (Let's Encrypt's DST Root CA X3) fails so too.",
		Fix:         "Check the dates of what the server sends, then renew the server's certificate, update the JDK's trust store, or fix the clock:\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null | openssl x509 -noout -dates",
		Confirm:     "date -u",
	},
	// Other TLS clients refusing a server's certificate: wget, .NET, curl on
	// NSS (its "Peer's Certificate issuer is not recognized" has its own
	// entry in findings_nss.go).
	{
		// (and where curl's reason follows its generic text, "Curl error
		// (60): Peer certificate cannot be authenticated ... [SSL
		// certificate problem: certificate has expired]": the reason's own
		// entry tells it)
		ID: ServerCertUntrusted, Kind: "client", Without: []string{kestrelWords, "ssl certificate problem:"},
		Match: []string{"unable to locally verify the issuer's authority", "certificate, issued by", "remote certificate is invalid according to the validation procedure",
			"could not establish trust relationship", "the underlying connection was closed: could not establish", "trust relationship could not be established",
			// .NET's words for it in Portuguese, Spanish, French and German
			"não foi possível estabelecer relação de confiança", "no se pudo establecer una relación de confianza",
			"impossible d'établir une relation de confiance", "konnte keine vertrauensstellung",
			"remote certificate is invalid because of errors in the certificate chain", "peer certificate cannot be authenticated with given ca certificates",
			"peer certificate cannot be authenticated with known ca certificates"},
		Title: "The client did not trust the server's certificate",
		Explanation: "A TLS client (wget, .NET, curl built with NSS, and others) checked the server's certificate against its trusted CAs and refused it. This is about the server's certificate, not a client certificate. " + clientTrustCauses +
			" A .NET server (Kestrel with ClientCertificateMode.RequireCertificate, SslStream.AuthenticateAsServer) throws `The remote certificate is invalid according to the validation procedure` about a client certificate too: there the client certificate's chain, or its purpose (an Extended Key Usage without Client Authentication), is in question.",
		Fix:     clientTrustFix + " For curl:\n  curl --cacert ca.crt https://host/\nFor a self-signed certificate, trust that certificate itself on the client (for wget its --ca-certificate option; for .NET the machine's trust store).",
		Confirm: "openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | grep 'Verify return code'",
	},
	// curl -v: the alert curl itself sent.
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match:       []string{"(out), tls alert, unknown ca", "(out), tls alert, bad certificate", "(out), tls alert, certificate unknown", "(out), tls alert, certificate expired"},
		Title:       "curl refused the server's certificate (the alert curl sent)",
		Explanation: "In curl -v output, (OUT) marks what curl sent: this alert is curl's verdict on the server's certificate, not the server's on a client certificate. " + clientTrustCauses,
		Fix:         clientTrustFix + " For curl:\n  curl --cacert ca.crt https://host/",
		Confirm:     serverVerdictConfirm,
	},
	// curl's own words for a name mismatch (OpenSSL and older builds).
	{
		ID: ServerHostnameMismatch, Kind: "client",
		Match: []string{"no alternative certificate subject name matches target", "does not match target host name", "does not match target hostname", "subjectaltname does not match", "subjectaltname(s) do not match",
			"requested domain name does not match the server's certificate"},
		Title:       "The server's certificate does not name the host curl connected to",
		Explanation: "curl compared the host name in the URL with the server certificate's subjectAltName (SAN) and found no match. Three causes: (1) the certificate lacks the name, or the IP address (which needs an IP entry), or lists other names in its SAN (curl looks at the Common Name only when the SAN has no DNS name); (2) another certificate is served for that name: SNI picks another server block, or a default certificate (also what a client that sends no SNI gets, such as an old libcurl or OpenSSL bundled in a program); (3) the name reaches another machine than meant (a stale /etc/hosts entry, a DNS or VPN answer, an intercepting proxy).",
		Fix:         "Use the name the certificate carries, or reissue it with the name in its SAN:\n  subjectAltName=DNS:host.example.com,IP:192.0.2.10\nand check what is served for that name:\n  openssl s_client -connect host:443 -servername host.example.com </dev/null 2>/dev/null | openssl x509 -noout -text | grep -A1 'Subject Alternative Name'",
		Confirm:     "curl -v https://host.example.com/ 2>&1 | grep -i 'subject'",
	},
	// curl (and other programs) with Windows' Schannel.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"sec_e_untrusted_root", "issued by an authority that is not trusted", "chain is based on an untrusted root", "sec_e_cert_unknown", "cert_e_untrustedroot", "cert_e_chaining", "0x80090325", "-2146893019", "800b0109", "0x800b010a"},
		Title:       "Windows (Schannel) does not trust the server's certificate",
		Explanation: "curl built with Schannel, like other Windows programs, checks the server's certificate against the Windows certificate store: the CA that issued it (a private CA, an intercepting proxy's CA) is not among the Trusted Root Certification Authorities, or the server does not send its intermediate.",
		Fix:         "Import the CA into the Windows store (as administrator):\n  certutil -addstore -f Root ca.crt\nor serve the full chain on the server; with curl, a CA file also works:\n  curl --cacert ca.crt https://host/",
		Confirm:     "curl -v https://host/",
	},
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"crypt_e_no_revocation_check", "0x80092012", "revocation function was unable to check revocation", "crypt_e_revocation_offline", "0x80092013", "cert_trust_revocation_status_unknown"},
		Title:       "Schannel could not check whether the server's certificate is revoked",
		Explanation: "Windows (curl and git with Schannel, .NET, certutil) asks the CA's CRL or OCSP server about the certificate, and got no answer it could use: a proxy, firewall or antivirus blocks it, the machine is offline, or a private CA publishes no revocation list (a TLS-inspecting corporate proxy's CA among them: its re-signed certificates often name no reachable CRL; git can use OpenSSL with that proxy's CA instead: git config --global http.sslBackend openssl and http.sslCAInfo). With a private CA the CRL may be reached and still refused: signed by a CA certificate whose keyUsage lacks cRLSign (a CA made with OpenSSL and a short extension list), or past its nextUpdate; Windows' CAPI2 Operational log names it. The certificate itself may be fine.",
		Fix:         "Let the revocation server be reached, or tell curl not to fail on it:\n  curl --ssl-revoke-best-effort https://host/\nor skip the check for a private CA without CRLs:\n  curl --ssl-no-revoke https://host/\nFor a private CA whose CRL is reached, see whether its certificate may sign CRLs and whether the CRL is current; reissue the CA with keyUsage keyCertSign, cRLSign if not:\n  openssl x509 -noout -text -in ca.crt | grep -A1 'X509v3 Key Usage'\n  openssl crl -noout -nextupdate -in ca.crl",
		Confirm:     "certutil -urlfetch -verify server.crt",
	},
	// A key that does not belong to its certificate, outside nginx's start-up.
	{
		ID: LogKeyMismatch, Kind: "client", Without: []string{"ssl_ctx_use_privatekey", "[emerg]", "nginx"},
		Within:      []string{"_ssl.c", "sslerror", "ssl error", "load_cert_chain", "client", "curl", "error:"},
		Match:       []string{"key_values_mismatch", "key values mismatch"},
		Title:       "The private key given with the certificate does not belong to it (key mismatch)",
		Explanation: "The program (a client loading its client certificate, or a server loading its own) was given a certificate and a private key whose public keys differ: files from different renewals or requests, the wrong key file, or a combined file (certificate and key, or certificate and chain, in one file) that a script built once and did not build again after the key changed.",
		Fix:         "Compare the two public keys (the sums must be equal) and pass the matching pair:\n  openssl x509 -noout -pubkey -in client.crt | sha256sum\n  openssl pkey -pubout -in client.key | sha256sum",
		Confirm:     keyPairConfirm,
	},
	// Python's ssl module loading a certificate or key (load_cert_chain, requests' cert=).
	{
		ID: KeyLoadFailed, Kind: "client",
		Match:       []string{"[ssl] pem lib", "[x509] pem lib", "ssl pem lib (_ssl.c"},
		Title:       "Python could not load the certificate or private key it was given",
		Explanation: "Python's ssl module (load_cert_chain(certfile, keyfile): a server's own certificate, as Jupyter's and other servers' certfile and keyfile give it, or a client certificate as requests' cert= and httpx pass it) could not read the certificate or private key file as PEM. The causes that cover most cases: (1) the certificate file holds no key and no keyfile was given (a program's keyfile setting left out; a single --ssl-pem-file or certfile option given only the chain: Let's Encrypt's fullchain.pem holds no key, so cat privkey.pem fullchain.pem > combined.pem); (2) a wrong path, or certfile and keyfile swapped; (3) an encrypted key without its password; (4) DER or PKCS#12 instead of PEM, or a key that does not belong to the certificate. On a system in FIPS mode (RHEL, Rocky or Alma with FIPS on) a key encrypted the traditional way (Proc-Type: 4,ENCRYPTED and DEK-Info headers under BEGIN RSA PRIVATE KEY, as helpers that turn a PKCS#12 file into temporary PEM files write it) fails too: its key derivation uses MD5, which FIPS mode forbids, while the same key in PKCS#8 form loads.",
		Fix:         "Check both files are PEM and belong together:\n  openssl x509 -noout -subject -in server.crt\n  openssl pkey -noout -in server.key\nthen pass them in that order: ctx.load_cert_chain(certfile=\"server.crt\", keyfile=\"server.key\") (requests: cert=(\"client.crt\", \"client.key\")). With FIPS on, write the key as PKCS#8 (in Python: PrivateFormat.PKCS8 instead of TraditionalOpenSSL):\n  openssl pkcs8 -topk8 -in server.key -out server-pkcs8.key",
		Confirm:     keyPairConfirm,
	},
	// The same call's other failures, pasted with its traceback (real
	// Python 3.11 runs): a file that is not there, and an encrypted key
	// with no passphrase and no terminal to ask on.
	{
		ID: CertLoadFailed, Kind: "client", Within: []string{"load_cert_chain", "load_verify_locations"},
		Match: []string{"filenotfounderror", "[errno 2] no such file or directory"},
		// Pasted alone, for a TLS set-up, the error names no file at all.
		Exact:       []string{"filenotfounderror: [errno 2] no such file or directory", "[errno 2] no such file or directory"},
		Title:       "Python was given a certificate or key file that does not exist",
		Explanation: "Python's ssl module (load_cert_chain for its own certificate and key, load_verify_locations for a CA file; requests' cert= and verify= pass them on) could not open a file it was given: a path typed wrong or relative to another working directory than the program's, a file never issued or copied, or a volume or secret not mounted into the container. The traceback's line shows which call, and its arguments which file.",
		Fix:         "Check each path from where the program runs, and give absolute paths:\n  ls -l client.crt client.key ca.crt",
		Confirm:     "ls -l client.crt client.key ca.crt",
	},
	{
		ID: LogBadPassphrase, Kind: "client", Within: []string{"load_cert_chain"},
		Match:       []string{"[errno 22] invalid argument"},
		Title:       "Python's key is encrypted and it was given no password",
		Explanation: "load_cert_chain was given an encrypted private key and no password: OpenSSL then asks for one on the terminal (Enter PEM pass phrase:), and with none (a service, a container) the call fails with this OSError (seen so with a real Python 3.11).",
		Fix:         "Pass the password (load_cert_chain(certfile, keyfile, password=...)), or store the key decrypted (mode 600):\n  openssl pkey -in client.key -out client.plain.key && chmod 600 client.plain.key",
		Confirm:     "head -1 client.key",
	},
	// node's TLS client when the server hangs up during the handshake.
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"client network socket disconnected before secure tls connection"},
		Title:       "The server closed the connection during node's TLS handshake",
		Explanation: "node (as the TLS client) saw the connection close before the handshake finished: the server wants a client certificate and closes when none is sent, wants SNI (servername) the client did not send, does not speak TLS on that port, or a proxy in between cut it (a corporate or local proxy, or a proxy node that is failing). A managed service that admits only listed addresses (MongoDB Atlas's IP access list, a cloud database's firewall) drops a client outside it the same way, during the handshake.",
		Fix:         "Try the same endpoint by hand to see the server's side:\n  openssl s_client -connect host:443 -servername host -cert client.crt -key client.key </dev/null\nand give the node client its certificate (cert and key options) and servername if the server needs them.",
		Confirm:     "curl -v --cert client.crt --key client.key https://host/",
	},
	// Python's ssl module when the server hangs up during the handshake.
	{
		ID: HandshakeFailed, Kind: "client", Within: []string{"ssl", "_ssl.c"},
		Match: []string{"eof occurred in violation of protocol"},
		Title: "The server closed the connection during Python's TLS handshake",
		Explanation: "Python (as the TLS client) read end-of-file in the middle of the handshake: the server wants a client certificate and closes when none is sent (cert=) or when it refuses the one sent (expired or revoked: Apple's push service closes so), wants SNI or TLS versions the client did not offer (a Python linked to OpenSSL 0.9.8, as old macOS and its system Python 2.7 are, speaks no TLS 1.1 or 1.2, which devices and services that dropped TLS 1.0 require: check ssl.OPENSSL_VERSION), does not speak TLS on that port, or a proxy or firewall in between cut the connection. After data had flowed (a long upload or download, often hours on a slow link), it is no handshake failure: the connection was cut mid-transfer by a proxy's or load balancer's timeout or the network, and the fix is a resumable or chunked transfer, or a retry. " +
			"A Python server raises the same error when its client hung up in the handshake: a client that refused the server's certificate without an alert (Node.js clients close without one), a health check or a scanner.",
		Fix:     "See the server's side by hand, with the client certificate if it needs one:\n  openssl s_client -connect host:443 -servername host -cert client.crt -key client.key </dev/null\nthen give the Python client the same (requests: cert=(\"client.crt\", \"client.key\")).",
		Confirm: "curl -v --cert client.crt --key client.key https://host/",
	},
	// The other side closing in the middle of a handshake, in the words
	// of Java, node, Python and curl, each seen in real runs here (a JSSE,
	// Python or Node.js server or client against s_server, HAProxy,
	// Apache, nginx and each other): which side wrote them the words do
	// not show, so each story tells both.
	{
		ID: HandshakeFailed, Kind: "client",
		Match: []string{"java.net.socketexception: broken pipe", "socket output is already shutdown", "error writing to server", "unexpected end of file from server",
			"remote host terminated the handshake", "ssl peer shut down incorrectly", "insufficient buffer remaining for aead cipher fragment", "java.net.socketexception: connection reset"},
		Title: "The other side closed the connection in the middle of Java's TLS handshake",
		Explanation: "JSSE was writing its part of the handshake, or waiting for the next message, when the connection ended. " +
			"Printed by a Java client (`Exception in thread \"main\"`, a URL): the server closed it. Four causes cover most cases: " +
			"1. the server wants a client certificate and Java sent none (Java sends one only from its keystore, and only when the certificate's issuer is among the CA names the server lists; otherwise an empty chain, which the server logs as `peer did not return a certificate` or `Empty client certificate chain`), or sent one the server does not trust; " +
			"2. no TLS version or cipher in common: an old JDK (7, early 8) offers TLS 1.0 unless told otherwise, while the server wants TLS 1.2 or later, or a new JDK has disabled what an old server still needs (TLS 1.0 and 1.1, old ciphers, in java.security's jdk.tls.disabledAlgorithms); " +
			"3. no server name (SNI) sent, or not the one the server expects (a connection made by IP address, SNI turned off with jsse.enableSNIExtension=false), which a server or CDN with several names answers by closing; " +
			"4. something in the path that cuts TLS (a proxy or firewall, a load balancer's idle timeout), or the server's own failure. " +
			"The server's alert arrives while Java is still writing, so Java reports the broken pipe or end of file instead of the alert. " +
			"Written by a server (a Java server logs the same words): its client hung up in the handshake, most often because it refused the server's certificate: curl, Python and OpenSSL clients send their alert as they close, which Java misses while writing (over TLS 1.3 s_client's alert even shows as `Insufficient buffer remaining for AEAD cipher fragment`), and Node.js clients close without one; health checks and scanners do the same harmlessly.",
		Fix:     "On the client, see where the handshake stopped, the versions offered and which certificate Java chose (an empty Certificate message after the server's CertificateRequest means none):\n  -Djavax.net.debug=ssl:handshake\nFor 2, see what the server accepts, then allow it on the JVM (or upgrade an old JDK):\n  openssl s_client -connect host:443 -servername host -tls1_2 </dev/null\n  -Dhttps.protocols=TLSv1.2 -Djdk.tls.client.protocols=TLSv1.2\nFor 1, then give the JVM a keystore with the client certificate, its key and its chain, from a CA the server lists:\n  openssl pkcs12 -export -in client.crt -inkey client.key -certfile ca.crt -out client.p12\nOn a server, read the client's own error (it says what it refused):\n  curl -v https://host:443/",
		Confirm: "openssl s_client -connect host:443 -cert client.crt -key client.key </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "client",
		Match: []string{"socket hang up"},
		Title: "The connection closed before node got an answer (socket hang up)",
		Explanation: "node's socket ended before a response (or, in a server's tlsClientError handler, before the handshake finished). " +
			"Printed by a node client: the server closed without answering. With client certificates this is a Node.js server refusing the client's certificate: with requestCert and rejectUnauthorized it checks the certificate after the handshake and destroys the connection without an alert or a log line, so the client sees only this (seen here over TLS 1.2 and 1.3). Otherwise a proxy or load balancer cut the connection, or the server closed a kept-alive connection as it was reused. " +
			"Written by a server (a Node.js server's tlsClientError logs the same words): its client hung up during the handshake: a client that refused the server's certificate, a health check or a scanner.",
		Fix:     "Check the client certificate against the CA the server trusts (its ca option), and that the client sends it (cert and key, or pfx):\n  openssl verify -purpose sslclient -CAfile ca.crt client.crt\nthen see the server's side with the same certificate:\n  curl -v --cert client.crt --key client.key https://host/",
		Confirm: "openssl s_client -connect host:443 -cert client.crt -key client.key </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"empty reply from server", "remote end closed connection without response"},
		Title:       "The server closed the connection without an answer",
		Explanation: "The client (curl's exit 52, Python's http.client.RemoteDisconnected) sent its request and the server closed the connection without a response. " + closedNoAnswer,
		Fix:         closedNoAnswerFix,
		Confirm:     "mtlsdoctor probe host:443 --cert client.crt --key client.key",
	},
	// gRPC's words for it: most often a server without TLS.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client", Own: true,
		Match:       []string{"authentication handshake failed: eof"},
		Title:       "The gRPC client's TLS handshake read the end of the connection (EOF): most often the server does not use TLS",
		Explanation: "gRPC's transport sent its TLS hello and the server closed without answering. Four causes cover most cases: 1. the server listens in plain text (an insecure gRPC server, grpc.insecure_channel's counterpart): it reads the hello as a broken HTTP/2 preface and closes, so the client needs its plain-text option (grpcurl -plaintext, ghz --insecure, grpc.WithTransportCredentials(insecure.NewCredentials())), or the server its certificate; 2. the server requires a client certificate and closes on a client without one; 3. something in between that ends it: a proxy or load balancer that speaks plain HTTP/2 to this port or has no route for the name sent, a service mesh (Istio's sidecars or its ambient mode's ztunnel) that captured the port; 4. a network device that cannot pass the large post-quantum hello of newer clients.",
		Fix:         "See whether the port speaks TLS at all (a plain-text gRPC server answers no certificate):\n  openssl s_client -connect host:50051 </dev/null\nthen make both sides agree: the client's plain-text option, or a certificate on the server; a server that lists acceptable client certificate CA names wants the client's certificate too. If the server answers openssl and the client still gets EOF, compare a classic key share, and a Go client without post-quantum key exchange:\n  openssl s_client -connect host:50051 -groups X25519 </dev/null\n  GODEBUG=tlsmlkem=0,tlskyber=0 ./program",
		Confirm:     "openssl s_client -connect host:50051 </dev/null 2>/dev/null | grep -e 'Acceptable client certificate CA names' -e 'no peer certificate'",
	},
	// A Go (or gRPC) client's handshake that read the end of the
	// connection: "handshake failed: EOF", "authentication handshake
	// failed: EOF".
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"handshake failed: eof", "handshake failed (", "tls handshake: eof"},
		Within:      []string{": eof"},
		Without:     []string{"handshake error from", "unexpected eof", "eof occurred"},
		Title:       "The connection ended during the client's TLS handshake (EOF): closed by the server or by something in between",
		Explanation: "The client (a Go program, a gRPC client) sent its hello and read the end of the connection instead of the server's answer, without a TLS alert. Four causes cover most cases: 1. something in between cut it: a firewall, VPN or proxy, a service mesh (Istio's sidecars or its ambient mode's ztunnel) that captured the port and ended the connection (name the Service port for TLS, or leave the workload out of the mesh), or one of the devices that cannot pass the larger ClientHello of post-quantum key exchange, which Go sends by default since 1.23 (X25519Kyber768Draft00; X25519MLKEM768 since 1.24), as Chrome and OpenSSL 3.5 do; then only newer builds of the program or the network device, or turning the key share off, help; 2. the server requires a client certificate, or an allowed source address, and closes on a client without one; 3. the port does not speak TLS for this name: a plain port, a proxy with no route for the name sent, a server with no certificate for it; 4. an old server that closes on a TLS 1.3 hello.",
		Fix:         "Compare a classic key share with the default from the same machine, then the program without post-quantum key exchange:\n  openssl s_client -connect host:443 -servername host -groups X25519 </dev/null\n  GODEBUG=tlsmlkem=0,tlskyber=0 ./program\nIf only the classic one works, the path drops large hellos: update the program (or the device in between). Otherwise check the client certificate and the server's log.",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "client", Within: []string{"get \"https://", "post \"https://", "put \"https://", "patch \"https://", "delete \"https://", "head \"https://"},
		Without: []string{"handshake error from"},
		Match:   []string{"\": eof", "read: connection reset by peer", "write: connection reset by peer", "write: broken pipe", "http: server closed idle connection"},
		Title:   "The server closed the connection without an answer (Go: EOF, or a reset)",
		Explanation: "Go's HTTP client read the end of the connection where it expected the response (or the rest of the handshake): the server closed it. " + closedNoAnswer +
			" A Go client also sends no certificate at all when its issuer is not among the CA names the server lists, which such a server refuses the same way.",
		Fix:     closedNoAnswerFix,
		Confirm: "mtlsdoctor probe host:443 --cert client.crt --key client.key",
	},
	{
		ID: HandshakeFailed, Kind: "client", Within: []string{"ssl", "_ssl.c"},
		Match: []string{"tls/ssl connection has been closed (eof)", "sslzeroreturnerror"},
		Title: "The other side closed the TLS connection (close_notify)",
		Explanation: "Python's ssl module read the other side's close_notify: it closed the connection in order, with nothing more to send. " +
			"Printed by a Python client: the server closed right after the handshake or before answering: a server that refused the client certificate after a TLS 1.3 handshake, or one that closes idle or kept-alive connections. " +
			"Written by a server (a Python server raises the same error): its client closed right after the handshake without a request: curl checks the name in the server's certificate after the handshake and closes so when it does not match; health checks do the same.",
		Fix:     "See what the client printed (it says what it refused), or, from the client, what the server asks for:\n  curl -v --cert client.crt --key client.key https://host/",
		Confirm: "openssl s_client -connect host:443 -servername host </dev/null",
	},
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match: []string{"certificate has been revoked", "certificaterevokedexception"},
		Title: "Java found a certificate in the chain revoked",
		Explanation: "Java's certificate path validation checked revocation (a CRL or OCSP) and the certificate is on its CA's revocation list: the line names the reason and date. Printed by a Java client: the server's certificate (or an intermediate) was revoked and the server still serves it. " +
			"A Java server that checks client certificates' revocation logs the same words about its client's certificate (its stack trace then shows checkClientTrusted): that client certificate was revoked, and the client needs a new one.",
		Fix:     "Find which certificate is revoked (the serial in the CRL) and issue a new one from the CA, then deploy it (the server's keystore, or the client's):\n  openssl crl -noout -text -in crl.pem | grep -A1 'Serial Number'\n  openssl x509 -noout -serial -in server.crt",
		Confirm: "openssl verify -crl_check -CAfile ca.crt -CRLfile crl.pem server.crt",
	},
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match: []string{"could not determine revocation status", "unable to determine revocation status"},
		Title: "Java could not tell whether a certificate is revoked, and revocation checking is on",
		Explanation: "Java's certificate path validation checks revocation (revocation enabled in its PKIXParameters, com.sun.net.ssl.checkRevocation=true, or a server's CRL setting such as Tomcat's certificateRevocationListFile) and found no valid answer for a certificate in the chain: the CRL it was given is past its nextUpdate, it holds no CRL from that certificate's CA, or the CRL distribution point or OCSP responder the certificate names could not be reached (a firewall, no outbound network); an answer Java could not use is reported as a network error too (an OCSP response with a critical extension Java does not support, which some responders send): -Djava.security.debug=certpath names the real reason. Printed by a Java client: about the server's chain. " +
			"A Java server that checks its clients' certificates logs the same words (its stack trace then shows checkClientCerts): the client certificate may be sound, and the server's CRLs are what fails.",
		Fix:     "Check the CRL's issuer and dates, and issue a fresh one from each CA in the chain:\n  openssl crl -noout -issuer -nextupdate -in crl.pem\n  openssl ca -gencrl -config ca.cnf -out crl.pem\nWithout a CRL file, the JVM must reach the addresses the certificate names:\n  openssl x509 -noout -text -in client.crt | grep -A4 -e 'CRL Distribution Points' -e 'Authority Information Access'",
		Confirm: "openssl verify -crl_check -CAfile ca.crt -CRLfile crl.pem client.crt",
	},
	// node's name check.
	{
		ID: ServerHostnameMismatch, Kind: "client",
		Match:       []string{"err_tls_cert_altname_invalid", "does not match certificate's altnames", "doesn't match certificate's altnames", "is not in the cert's list", "is not in the cert's altnames"},
		Title:       "The server's certificate does not name the host node connected to",
		Explanation: "node compared the hostname it connected to (or the servername option) with the certificate's subjectAltName (SAN) entries and found no match. Three causes: (1) the certificate lacks the name: node ignores the Common Name (CN) when a SAN is present, and an IP address needs an IP entry; (2) node checked another name than you meant: a library that connects on an existing socket without servername makes node check localhost, and an IP in the URL is checked as an IP; (3) something else answered, when the names listed are not the server's at all (a CDN's, a corporate proxy's or another site's): an intercepting proxy, a proxy setting (HTTPS_PROXY, npm's proxy/https-proxy) pointing at the wrong host, or the name resolving to the wrong address (a stale /etc/hosts entry, a VPN's DNS). When an operator or chart made the certificate (Strimzi, CloudNativePG, Crunchy PGO, a Helm chart's self-signed one), its names come from the operator's settings or release: add the missing name in its resource (Strimzi's listener alternativeNames, CloudNativePG's serverAltDNSNames) or upgrade an operator release that left a name out, rather than reissuing it by hand.",
		Fix:         "Connect with a name the certificate carries (or set servername), or reissue it with the name in its SAN:\n  subjectAltName=DNS:host.example.com,IP:192.0.2.10\n" + newCheckNote,
		Confirm:     sanConfirm,
	},
	// Go's x509 beyond trust: key usage, IP addresses, loading a key pair.
	{
		ID: WrongPurpose, Kind: "client", Within: []string{"handshake error from", "client's certificate", "client certificate", "x5c", "rejected connection"},
		Match:       []string{"x509: certificate specifies an incompatible key usage"},
		Title:       "The client certificate is not for TLS clients (Go: incompatible key usage)",
		Explanation: "A Go server (Vault's cert auth, step-ca, etcd, a Go service with ClientAuth) checks the client certificate's extendedKeyUsage along its chain: it does not allow clientAuth, e.g. a server certificate (serverAuth only) presented as the client's. etcd's own gateway and a member's peer connections present the member's server certificate as a client certificate (on its client endpoint too, as 127.0.0.1 connecting to itself), so etcd's certificates need both serverAuth and clientAuth. Go checks the intermediates too (OpenSSL only the leaf): an intermediate CA whose extendedKeyUsage lists serverAuth without clientAuth fails every client certificate issued under it.",
		Fix:         "Issue the client certificate with clientAuth, with this line in its -extfile:\n  extendedKeyUsage=clientAuth\nand check it (SSL client : Yes):\n  openssl x509 -noout -purpose -in client.crt\nCheck the intermediate's too; if it has an extendedKeyUsage, it must list clientAuth (or leave the extension out of CA certificates):\n  openssl x509 -noout -text -in intermediate.crt | grep -A1 'Extended Key Usage'",
		Confirm:     "openssl x509 -noout -text -in client.crt | grep -A1 'Extended Key Usage'",
	},
	{
		ID: WrongPurpose, Kind: "client", Without: []string{"handshake error from", "client's certificate", "client certificate", "x5c", "rejected connection"},
		Match:       []string{"x509: certificate specifies an incompatible key usage"},
		Title:       "The server's certificate is not for TLS servers (Go: incompatible key usage)",
		Explanation: "Go checks extendedKeyUsage along the whole chain: the server's certificate (or a CA above it that restricts its usages) does not allow serverAuth, e.g. a client certificate served as a server certificate.",
		Fix:         "Reissue the server certificate with:\n  extendedKeyUsage=serverAuth\nand check it (SSL server : Yes):\n  openssl x509 -noout -purpose -in server.crt\nWhen the certificate has serverAuth, look at the CAs above it: a CA with an extendedKeyUsage that lacks serverAuth (a CA made with only OCSP signing or clientAuth, as some PKI tools' defaults do) restricts everything below it in Go; make the CA again without it, or with serverAuth:\n  openssl x509 -noout -text -in ca.crt | grep -A1 'Extended Key Usage'",
		Confirm:     "openssl x509 -noout -text -in server.crt | grep -A1 'Extended Key Usage'",
	},
	{
		ID: ServerHostnameMismatch, Kind: "client",
		Match:       []string{"because it doesn't contain any ip san"},
		Without:     []string{"certificate for 0.0.0.0 because"},
		Title:       "The client connected by IP address and the certificate has no IP in its SAN (Go)",
		Explanation: "Connecting to an IP address, Go looks for that address among the certificate's IP subjectAltName entries (IP SANs); a certificate with only DNS names (or only a CN) never matches an IP. A Go program that resolves the name and dials the address itself checks the address unless it sets tls.Config{ServerName: \"host.example.com\"}; a proxy such as Traefik that reaches backends by container IP does the same unless told the name. Kubernetes' kubelets serve port 10250 with a self-signed certificate that names no IP unless serverTLSBootstrap is on, so what scrapes them by address fails so (metrics-server: --kubelet-insecure-tls or the kubelets' signed serving certificates; a Prometheus ServiceMonitor: its tlsConfig, caFile and serverName, or insecureSkipVerify).",
		Fix:         "Connect by a name the certificate carries (Go: set tls.Config ServerName to it when dialing an address; Traefik: serverName in a serversTransport, insecureSkipVerify only to test; Prometheus: server_name in the scrape's tls_config), or reissue the certificate with the address:\n  subjectAltName=DNS:host.example.com,IP:192.0.2.10",
		Confirm:     "openssl x509 -noout -text -in server.crt | grep -A1 'Subject Alternative Name'",
	},
	{
		ID: LogKeyMismatch, Kind: "client",
		Match:       []string{"tls: private key does not match public key", "private key does not match public key"},
		Title:       "The Go program's private key does not belong to its certificate",
		Explanation: "tls.LoadX509KeyPair (or X509KeyPair) was given a certificate and a key whose public keys differ: files from different requests or renewals, or the certificate file starts with a CA instead of its own certificate (the chain order must be the leaf first, then its CAs). A program that reads the key and certificates from one file (a MongoDB driver's tlsCertificateKeyFile, a combined .pem) may pair the key with another certificate of the file than the leaf: old releases of the MongoDB Go driver took the last one, so a file with intermediates after the leaf failed until the driver was upgraded.",
		Fix:         "Compare the two public keys (the sums must be equal) and pass the matching pair (kubectl: the client-certificate-data and client-key-data of the kubeconfig, which must come from the same request):\n  openssl x509 -noout -pubkey -in tls.crt | sha256sum\n  openssl pkey -pubout -in tls.key | sha256sum",
		Confirm:     keyPairConfirm,
	},
	{
		ID: CertLoadFailed, Kind: "client",
		Match: []string{"tls: failed to find any pem data in certificate input", "tls: failed to find \"certificate\" pem block", "tls: failed to find any pem data in key input", "tls: failed to find pem block with type ending in \"private key\"",
			"tls: failed to find certificate pem data in certificate input", "pem inputs may have been switched",
			// older Go releases' words
			"failed to parse key pem data", "failed to parse certificate pem data"},
		Title:       "The Go program found no PEM of the right kind in its certificate or key file",
		Explanation: "tls.LoadX509KeyPair reads PEM and found none of the kind it wanted. Three causes cover most cases: 1. the certificate and key paths are swapped, or both name the same file (\"PEM inputs may have been switched\" says so; the message lists the block types it skipped); 2. the file is empty or not the one meant: a template, chart or operator that left it empty, a secret mounted without its keys, a kubeconfig copied from another machine whose client certificate entries are empty or point at files left there, or a path that does not exist given to a program that takes either a path or the PEM itself (Traefik's certFile and keyFile, Caddy's and others' inline forms): the mistyped path is then read as PEM; or a path given where only the PEM text is taken (Vault's ca_cert, client_cert and client_key parameters: vault write takes a file's contents as @file); or PEM text put in a configuration value or environment variable on one line, with literal \\n instead of line breaks (an OpenTelemetry Collector's cert_pem and key_pem, a Helm value): write it as a YAML block (|) or give the file instead; 3. another format: DER, PKCS#12, or an SSH key (ssh-rsa, OPENSSH PRIVATE KEY) where an X.509 certificate and its key belong. Some programs read the certificate and its key from one file (InfluxDB 1.x and Kapacitor, whose https-certificate held both before https-private-key existed): that file needs the key after the certificates.",
		Fix:         "See what each file holds, and pass the certificate first and the private key second (cert=tls.crt key=tls.key):\n  grep -- '-----BEGIN' tls.crt tls.key\n  wc -c tls.crt tls.key\nAn X.509 certificate starts with -----BEGIN CERTIFICATE-----; an SSH key is no TLS certificate: issue one (openssl req, your CA).",
		Confirm:     "openssl x509 -noout -subject -in tls.crt",
	},
	{
		ID: CertLoadFailed, Kind: "client",
		Match: []string{"could not append ca certificate", "failed to append ca", "unable to append ca", "failed to append certificates", "failed to append certs", "couldn't append ca", "unable to append certificate to pool",
			"failed to add ca cert", "appendcertsfrompem", "couldn't parse pem in", "customcatrustcertificates to pem"},
		Title:       "The program found no PEM certificate in the CA file it was given",
		Explanation: "The program read the CA file (or text) it was given to trust, but found no PEM certificate to add (Go's AppendCertsFromPEM added nothing), so it has no CA to check the other side with. Three causes cover most cases: 1. the CA is DER (binary, often a .cer or .der from Windows) or PKCS#7 (.p7b), not PEM; 2. what was given is not a certificate: an empty file, a key, a download that saved an HTML page, or a file name passed where the certificate's text is expected (or the reverse); 3. the PEM is damaged: no BEGIN and END lines, or indentation or quoting from YAML, JSON or an environment variable that changed its lines.",
		Fix:         "See what the file holds (a PEM certificate starts with -----BEGIN CERTIFICATE-----):\n  head -c 64 ca.crt; echo\n  openssl x509 -noout -subject -in ca.crt\nConvert a DER or PKCS#7 file to PEM:\n  openssl x509 -inform DER -in ca.cer -out ca.pem\n  openssl pkcs7 -print_certs -in ca.p7b -out ca.pem\nand give the program the PEM file (or its text, where the setting takes the content).",
		Confirm:     "openssl x509 -noout -subject -in ca.pem",
	},
	{
		ID: KeyLoadFailed, Kind: "client", Without: []string{securityLevelWords},
		Match:       []string{"unable to get private key from '", "unable to get private key from \""},
		Title:       "The program could not load its private key file",
		Explanation: "The program (openssl s_client or s_server given -key, MySQL's and MariaDB's clients and servers given ssl-key, and others on OpenSSL's own words) could not load the private key from the file it names. Four causes cover most cases: 1. the file is missing or this user may not read it (a path typed wrong, a volume not mounted into the container, a key kept mode 600 for another user); 2. the key is encrypted and no passphrase was given (most programs cannot ask for one); 3. the file is not a PEM private key: a certificate, a public key, a DER or PKCS#12 file; 4. a key format the program's TLS library is too old to read: a PKCS#8 key encrypted as OpenSSL 3 writes it, an EC or Ed25519 key where only RSA works, a library of an outdated container or distribution.",
		Fix:         "Check the file as the program's user, and what it holds:\n  ls -l client.key\n  head -1 client.key\n  openssl pkey -in client.key -noout\nFor 2 or 4, write it once unencrypted in the oldest form (mode 600), or upgrade the program's TLS library:\n  openssl rsa -in client.key -out client-plain.key -traditional && chmod 600 client-plain.key",
		Confirm:     "openssl pkey -in client.key -noout",
	},
	{
		ID: CertLoadFailed, Kind: "client", Without: []string{securityLevelWords},
		Match:       []string{"unable to get certificate from '", "unable to get certificate from \""},
		Title:       "The program could not load its certificate file",
		Explanation: "The program (openssl s_client or s_server given -cert, MySQL's and MariaDB's clients and servers given ssl-cert, and others on OpenSSL's own words) could not load the certificate from the file it names: it is missing or this user may not read it, it is not a PEM certificate (a DER or PKCS#12 file, a key, a certificate request), or it is damaged.",
		Fix:         "Check the file as the program's user, and what it holds:\n  ls -l client.crt\n  openssl x509 -noout -subject -in client.crt\nConvert a DER certificate to PEM:\n  openssl x509 -inform DER -in client.cer -out client.crt",
		Confirm:     "openssl x509 -noout -subject -in client.crt",
	},
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"you have not chosen to trust", "(ssl error 61)"},
		Without:     []string{"issued by a company you have not chosen to trust"},
		Title:       "Citrix Workspace (Receiver) does not trust the server's certificate (SSL Error 61)",
		Explanation: "The Citrix client checked the certificate of the server it connected to (StoreFront, the Gateway, a XenApp or Virtual Apps server) and did not find the CA that issued it among the CAs the device trusts: a private or enterprise CA not installed on the device, or a server that does not send its intermediate. With the root installed, the certificate itself can be the cause: an extendedKeyUsage without Server Authentication (only the old server-gated-cryptography OIDs), which newer clients refuse; openssl x509 -noout -text -in server.crt | grep -A1 'Extended Key Usage' shows it.",
		Fix:         "Install the issuing root (and intermediate) on the device: on Windows into Trusted Root Certification Authorities (certlm.msc); with the Linux client, into its keystore, then rehash:\n  cp root.pem /opt/Citrix/ICAClient/keystore/cacerts/\n  /opt/Citrix/ICAClient/util/ctx_rehash\nand make the server send its intermediates with its certificate.",
		Confirm:     "openssl s_client -connect host:443 -servername host -showcerts </dev/null",
	},
	{
		ID: KeyLoadFailed, Kind: "client",
		Match:       []string{"tls: found a certificate rather than a key"},
		Title:       "The Go program was given a certificate where its private key belongs",
		Explanation: "tls.LoadX509KeyPair(certFile, keyFile) found only CERTIFICATE blocks in the key file: the key path names the certificate (both paths the same file, or the two swapped), or the file meant to hold the key and the certificate together holds only the certificate.",
		Fix:         "Find the file that holds the private key, and pass it second:\n  grep -l 'PRIVATE KEY' *.key *.pem",
		Confirm:     "openssl pkey -noout -in tls.key",
	},
	{
		ID: KeyLoadFailed, Kind: "client",
		Match:       []string{"tls: failed to parse private key", "x509: failed to parse private key", "pkcs8: incorrect password", "x509: decryption password incorrect"},
		Title:       "The Go program could not parse its private key",
		Explanation: "Go's tls.LoadX509KeyPair reads unencrypted PKCS#1, PKCS#8 or SEC 1 (EC) keys only: a key with a passphrase (BEGIN ENCRYPTED PRIVATE KEY, or Proc-Type: 4,ENCRYPTED) cannot be read, nor a key type Go lacks (DSA), nor a certificate passed where the key goes; and Go's parser is strict where OpenSSL is not, so a key whose encoding is not canonical DER (some JavaScript libraries, node-forge among them, wrote such RSA keys) fails in Go and works elsewhere. Rewriting the key with openssl fixes the last.",
		Fix:         "Look at the key's first line, and write an unencrypted copy (kept private) for the program:\n  head -n 2 client.key\n  openssl pkey -in client.key -out client-plain.key\n  chmod 600 client-plain.key",
		Confirm:     "openssl pkey -noout -in client.key",
	},
	// APISIX's mutual TLS on an SSL object.
	{
		ID: NoClientCert, Kind: "client",
		Match:       []string{"client certificate was not present"},
		Title:       "APISIX requires a client certificate for this host, and the client sent none",
		Explanation: "The APISIX SSL object for this SNI has client.ca set, so APISIX (on OpenResty) asks for a client certificate and answers 400 when none comes: the client has no certificate configured, or (browsers, curl) none whose issuer is the CA in client.ca.",
		Fix:         "Send a client certificate issued by the CA in the SSL object's client.ca:\n  curl --cert client.crt --key client.key https://host/\nor remove client.ca from the SSL object if this host should not require one.",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | grep -A3 'Acceptable client'",
	},
	// Go servers (before Go 1.6's wording) refusing a client certificate's purpose.
	{
		ID: WrongPurpose, Kind: "client",
		Match:       []string{"client's certificate's extended key usage doesn't permit it to be used for client authentication"},
		Title:       "The Go server refused the client certificate: its extendedKeyUsage lacks clientAuth",
		Explanation: "The Go server checks client certificates for the clientAuth purpose. This one has an extendedKeyUsage without clientAuth: most often a server certificate (serverAuth only) reused as a client certificate, as cluster peers and routes do when one certificate serves both directions. Go before 1.6 was stricter still about the extensions it accepted.",
		Fix:         "Reissue the certificate with both purposes when it serves both directions (or clientAuth alone for a client):\n  extendedKeyUsage=serverAuth,clientAuth",
		Confirm:     "openssl x509 -noout -text -in client.crt | grep -A1 'Extended Key Usage'",
	},
	// Kubernetes' aggregation layer: the front-proxy client certificate.
	{
		ID: VerifyError, Kind: "client", Within: []string{"subject with cn="},
		Match:       []string{"is not in the allowed list", "is not allowed"},
		Title:       "The aggregated API server refused the API server's front-proxy client certificate (requestheader-allowed-names)",
		Explanation: "For aggregated APIs (metrics-server and others) the kube-apiserver authenticates with its front-proxy client certificate (--proxy-client-cert-file), and the aggregated server accepts it only if it is signed by --requestheader-client-ca-file and its CN is in --requestheader-allowed-names. The CN here is not in that list: a distribution that names it differently (k3s: kubernetes-proxy), or a list written as '' in a manifest, which is not the empty list that allows every CN.",
		Fix:         "Add the certificate's CN to the kube-apiserver's list (or remove the flag, so any CN signed by the front-proxy CA is accepted), then restart it:\n  --requestheader-allowed-names=front-proxy-client,kubernetes-proxy",
		Confirm:     "openssl x509 -noout -subject -in /etc/kubernetes/pki/front-proxy-client.crt",
	},
	// The Kubernetes API server refusing a client certificate.
	{
		ID: VerifyError, Kind: "client", Within: []string{"unable to authenticate the request"},
		Match: []string{"x509: certificate has expired or is not yet valid"},
		Title: "The Kubernetes API server refused an expired client certificate",
		Explanation: "The API server checked a client certificate (a kubelet's, a controller's, a kubeconfig user's) and found it outside its dates. kubeadm certificates last a year; kubeadm certs renew renews the control plane's, but not a kubelet's client certificate when rotation is off, and kubeconfig files copied before a renewal keep the old one. A clock that is off does the same. " +
			"A kubelet logs the same words about the API server's own client certificate (apiserver-kubelet-client.crt, when kubectl logs or exec fail): an API server started before that certificate was renewed may keep presenting the old one until it is restarted.",
		Fix:     "Find the expired one and renew it: the control plane's with kubeadm, a kubelet's by turning on rotation (rotateCertificates: true) or rejoining it, a kubeconfig's by copying the renewed admin.conf:\n  kubeadm certs check-expiration\n  openssl x509 -noout -enddate -in /var/lib/kubelet/pki/kubelet-client-current.pem",
		Confirm: "kubeadm certs check-expiration",
	},
	{
		ID: VerifyError, Kind: "client", Within: []string{"unable to authenticate the request"},
		Match: []string{"x509: certificate signed by unknown authority"},
		Title: "A Kubernetes component refused a client certificate from a CA it does not trust",
		Explanation: "The component that logged it decides whose certificate it refused: 1. kube-apiserver: a client's (a kubeconfig user, a kubelet, a controller) not signed by its --client-ca-file: a kubeconfig from another cluster or from before the cluster's CA was rotated, or a component still holding old credentials (restart it after a rotation); on managed clusters, a token or identity mapping missing so that another authenticator's error shows; " +
			"2. a kubelet: the API server's own client certificate (apiserver-kubelet-client, when kubectl logs or exec fail) not signed by the kubelet's clientCAFile; " +
			"3. an aggregated API server (metrics-server, a webhook or extension server): the API server's front-proxy client certificate not signed by the requestheader-client-ca-file it was given; control-plane nodes that each generated their own front-proxy CA fail so.",
		Fix:     "Compare the client certificate's issuer with the API server's client CA, and give the client credentials from this cluster (restart components after a CA rotation):\n  openssl x509 -noout -issuer -in client.crt\n  openssl x509 -noout -subject -in /etc/kubernetes/pki/ca.crt",
		Confirm: "kubectl config view --minify --raw",
	},
	// curl (7.73 and later, OpenSSL) reports a received certificate_expired
	// alert as its own verify failure, error 60 without "problem:".
	{
		ID: ClientCertRejected, Kind: "client",
		Match: []string{"(60) ssl certificate verification failed", "error 60: ssl certificate verification failed", "* ssl certificate verification failed"},
		Exact: []string{"ssl certificate verification failed"},
		Title: "The server found curl's client certificate expired (curl words the server's alert as a verify failure)",
		Explanation: "This exact text is not curl's own check of the server's certificate, which reads `SSL certificate problem: REASON`. Since curl 7.73, with OpenSSL, an alert certificate_expired from the server is reported as error 60 with these words. " +
			"The server (openssl s_server, HAProxy, a Go, Java or Erlang server; nginx answers with an HTTP 400 instead) found the client certificate curl sent, or an intermediate sent with it, expired or not yet valid, or, checking a CRL, found the CRL past its next update. curl -v shows `TLS alert, certificate expired (557)` marked (IN).",
		Fix:     "Check the dates of the client certificate and of the chain sent with it, and renew what has expired:\n  openssl x509 -noout -dates -in client.crt\n  " + reissueClient + "\nIf all are within their dates, the server's CRL is stale: issue a new one there:\n  openssl crl -noout -nextupdate -in crl.pem",
		Confirm: "curl -v --cert client.crt --key client.key https://host/ 2>&1 | grep -i 'alert'",
	},
	// Erlang clients told a certificate was required.
	{
		ID: ClientCertRejected, Kind: "client",
		Match: []string{"received server alert: fatal - certificate required"},
		Title: "The server required a client certificate and the Erlang client sent none",
		Explanation: "The Erlang/OTP ssl client sends its certificate only when certfile (or cert) and keyfile are set, and with TLS 1.3 only when it can build the certificate's chain up to one of the CAs the server lists (certificate_authorities): without the client certificate's issuers in cacertfile, it sends an empty certificate. " +
			"It also sends none when its certificate is signed with an algorithm the server's request leaves out: a SHA-1-signed one, to an OpenSSL 3 server at its default security level (as a real run here showed).",
		Fix:     "Give the client its certificate, key and the CA chain that issued it, in its ssl options:\n  {certfile, \"client.crt\"}, {keyfile, \"client.key\"},\n  {cacertfile, \"ca.crt\"}\nA certificate signed with SHA-1 must be signed again with SHA-256 (openssl x509 -noout -text -in client.crt | grep 'Signature Algorithm' shows it).",
		Confirm: "openssl s_client -connect host:443 </dev/null 2>/dev/null | grep -A3 'Acceptable client'",
	},
	{
		ID: ClientCertRejected, Kind: "client",
		Match: []string{"received server alert: fatal - unknown ca", "received server alert: fatal - bad certificate", "received server alert: fatal - unsupported certificate",
			"received server alert: fatal - certificate expired", "received server alert: fatal - certificate revoked", "received server alert: fatal - certificate unknown"},
		Title:       "The server refused the Erlang client's certificate",
		Explanation: "The Erlang/OTP client (a RabbitMQ federation or shovel link, an Elixir or EMQX bridge) presented a client certificate and the server refused it: Unknown CA when the server's CA file lacks the CA that issued it (or its intermediate, which the client must send with its certfile or cacertfile), Certificate Expired or Certificate Revoked when the server found it expired or on its CRL, Certificate Unknown from a Java server for one it does not trust, Bad Certificate or Unsupported Certificate for a certificate the server will not take (no clientAuth in its extendedKeyUsage, a key it refuses, or from an OpenSSL server one not yet valid by its clock).",
		Fix:         "Put the CA that issued the client certificate in the server's trusted CA file (RabbitMQ and EMQX: cacertfile), and give the client its chain:\n  openssl verify -CAfile server-ca.pem -untrusted int.crt client.crt",
		Confirm:     "openssl x509 -noout -issuer -text -in client.crt | grep -A1 -e '^issuer=' -e 'Extended Key Usage'",
	},
	// curl and git on Windows' Schannel with a PEM file for a client certificate.
	{
		ID: KeyLoadFailed, Kind: "client",
		Match:       []string{"failed to get certificate location for"},
		Title:       "curl on Schannel wants the client certificate from the Windows store, not a PEM file",
		Explanation: "curl built with Schannel (git for Windows by default) takes the client certificate as a location in the Windows certificate store (CurrentUser\\MY\\THUMBPRINT) or a PKCS#12 file with --cert-type P12, not a PEM file path, so it cannot find it.",
		Fix:         "Import the certificate and key into the user's store and name it by thumbprint, or switch git to OpenSSL, where PEM paths work:\n  git config --global http.sslBackend openssl\n  git config --global http.sslCert C:/certs/client.pem",
		Confirm:     "git config --show-origin --get-regexp 'http\\..*ssl'",
	},
	// Asterisk's TLS client checking the name of the peer it connected to.
	{
		ID: ServerHostnameMismatch, Kind: "client", Side: "client",
		Match:       []string{"certificate common name from peer"},
		Within:      []string{"did not match"},
		Title:       "Asterisk: the peer's certificate is not for the name Asterisk expected",
		Explanation: "Asterisk, connecting out over TLS (a SIP TLS peer or trunk, a WebSocket client, an ARI or AMI connection), compared the name it expected (in the parentheses) with the Common Name and subjectAltName of the peer's certificate, and they differ: the peer is reached by an IP address or another name than its certificate carries. Empty parentheses mean Asterisk had no name to compare, which its own configuration or release left out (the outbound WebSocket client of some releases): set the host name it connects to, or upgrade.",
		Fix:         "See the names the peer's certificate carries and connect by one of them:\n  openssl s_client -connect peer.example.com:5061 </dev/null 2>/dev/null | openssl x509 -noout -subject -text | grep -A1 -e '^subject=' -e 'Subject Alternative Name'\nOnly when the peer is known by address and trusted another way, turn the name check off for it (pjsip's verify_server = no in its transport).",
		Confirm:     "openssl s_client -connect peer.example.com:5061 </dev/null 2>/dev/null | openssl x509 -noout -subject -text | grep -A1 -e '^subject=' -e 'Subject Alternative Name'",
	},
	// Docker's certs.d directory with a CA saved as a client certificate.
	{
		ID: CertLoadFailed, Kind: "client", Side: "client",
		Match:       []string{"ca certificates should use the extension .crt"},
		Title:       "Docker took a CA certificate in certs.d for a client certificate (.cert)",
		Explanation: "In /etc/docker/certs.d/REGISTRY/, the Docker daemon reads every *.crt file as a CA and every NAME.cert as a client certificate that needs NAME.key beside it. A CA certificate saved with the extension .cert (or a client certificate without its key) stops every pull from that registry.",
		Fix:         "Name the registry's CA ca.crt, and keep .cert only for a client certificate with its .key:\n  cd /etc/docker/certs.d/registry.example.com:5000/\n  mv ca.cert ca.crt",
		Confirm:     "ls /etc/docker/certs.d/*/",
	},
	// Docker's certs.d directory with a key that has no certificate beside it.
	{
		ID: KeyLoadFailed, Kind: "client",
		Match:       []string{"missing client certificate"},
		Within:      []string{"for key"},
		Title:       "Docker found a .key in certs.d without its .cert",
		Explanation: "In /etc/docker/certs.d/REGISTRY/, every NAME.key is taken for a client key that needs NAME.cert beside it (a client certificate for mutual TLS), and *.crt files are CAs. A CA's private key (ca.key) copied there, or a client certificate saved as .crt, stops every pull from that registry.",
		Fix:         "Keep only ca.crt (the registry's CA), and for mutual TLS client.cert with client.key, in that directory; remove ca.key from it:\n  ls /etc/docker/certs.d/registry.example.com:5000/",
		Confirm:     "ls /etc/docker/certs.d/*/",
	},
	// OpenSSL 3's legacy provider, not found.
	{
		ID: KeyLoadFailed, Kind: "client",
		Match:       []string{"unable to load provider legacy", "load_provider:legacy"},
		Title:       "OpenSSL cannot find its legacy provider (needed for old PKCS#12 files)",
		Explanation: "-legacy (and programs that load the legacy provider for RC2 or DES in old PKCS#12 files) needs legacy.so from OpenSSL's modules directory: a build run from its source tree, a static or minimal build, or a package without it cannot find the module.",
		Fix:         "Point OpenSSL at its modules directory (the one that holds legacy.so; its package may be missing), then retry:\n  export OPENSSL_MODULES=/usr/lib/x86_64-linux-gnu/ossl-modules\n  openssl pkcs12 -legacy -info -in old.pfx",
		Confirm:     "openssl version -m",
	},
	// Erlang/OTP refusing its own TLS options.
	{
		ID: StartupFailed, Kind: "client",
		Match:       []string{"{options,incompatible,{verify,verify_none},{fail_if_no_peer_cert,true}}", "{fail_if_no_peer_cert,true}"},
		Within:      []string{"incompatible"},
		Title:       "Erlang's TLS options contradict: a required client certificate without verify_peer",
		Explanation: "fail_if_no_peer_cert true (require a client certificate) needs verify verify_peer; with verify_none Erlang/OTP's ssl refuses the option set, so every connection to that listener fails before any handshake (EMQX, RabbitMQ and other Erlang servers pass these through from their configuration).",
		Fix:         "Verify the peer whenever a client certificate is required (EMQX: verify = verify_peer with fail_if_no_peer_cert = true; RabbitMQ: ssl_options.verify = verify_peer):\n  {verify, verify_peer}, {fail_if_no_peer_cert, true},\n  {cacertfile, \"ca.crt\"}",
		Confirm:     "openssl s_client -connect host:8883 -cert client.crt -key client.key </dev/null",
	},
	// Erlang/OTP refusing one option of its TLS configuration by name:
	// {options,{cacertfile,[]}}, {options,{certfile,...}}.
	{
		ID: StartupFailed, Kind: "client",
		Match:       []string{"{options,{cacertfile,", "{options,{certfile,", "{options,{keyfile,", "{options,{cacerts,", "{options,{versions,", "{options,{verify,", "{options,{password,", "{options,{ciphers,"},
		Title:       "Erlang's ssl refused an option of the program's own TLS configuration",
		Explanation: "Before any handshake Erlang/OTP's ssl checks the options the program (EMQX, RabbitMQ, an Elixir or Erlang app) passes it, and names the one it cannot use: `{cacertfile,[]}` is an empty CA file where verify_peer needs one (a commented-out or unset setting, often a default configuration's), a certfile or keyfile that is missing or unreadable, a password for a key that is not encrypted, a versions or ciphers list with a name this OTP release does not know. Every connection of that listener or client fails the same way until the option is set right.",
		Fix:         "Set the named option in the program's configuration: a CA file wherever verify_peer is on, readable certificate and key files, names the OTP release knows; for example (EMQX):\n  ssl_options.cacertfile = \"etc/certs/cacert.pem\"\n  ssl_options.verify = verify_peer",
		Confirm:     "openssl x509 -noout -subject -in etc/certs/cacert.pem",
	},
	// OpenVPN's purpose check of the peer's certificate, on either side.
	{
		ID: WrongPurpose, Kind: "client", Within: []string{"verify error: depth="},
		Match:       []string{"error=unsupported certificate purpose"},
		Title:       "OpenVPN refused the peer's certificate for its purpose",
		Explanation: "OpenVPN checks what the peer's certificate is for. On the server, a client's certificate must allow client authentication (extendedKeyUsage clientAuth, or nsCertType client where ns-cert-type client is set: easy-rsa 3 leaves nsCertType out unless EASYRSA_NS_SUPPORT=yes); on the client, the server's must allow server authentication (serverAuth, which easy-rsa's build-server-full gives). A certificate built for the other role, or by hand without -extfile, fails so; the CN in the line names the certificate refused.",
		Fix:         "See what the refused certificate allows, then reissue it for its role (easyrsa build-client-full or build-server-full), or check with remote-cert-tls instead of ns-cert-type:\n  openssl x509 -noout -text -in client.crt | grep -A1 -e 'Extended Key Usage' -e 'Netscape Cert Type'\n  remote-cert-tls client",
		Confirm:     "openssl x509 -noout -text -in client.crt | grep -A1 -e 'Extended Key Usage' -e 'Netscape Cert Type'",
	},
	// lighttpd reading the certificates its TLS module was given.
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"couldn't read x509 certificates", "couldn't read x509 certificate from"},
		Title:       "lighttpd could not read a certificate file it was given",
		Explanation: "lighttpd's TLS module (mod_openssl, mod_wolfssl, mod_mbedtls...) could not read the certificates in a file named by ssl.pemfile, ssl.ca-file or ssl.verifyclient.ca-file: a wrong path, a file that is not PEM, or a chain the module's library reads less leniently than OpenSSL (wolfSSL on OpenWrt, for one); a client-verification CA file should hold only the CA certificates.",
		Fix:         "Check each file the configuration names, and give ssl.verifyclient.ca-file the CA certificates only:\n  grep -n 'ssl\\.' /etc/lighttpd/lighttpd.conf\n  openssl crl2pkcs7 -nocrl -certfile ca.pem | openssl pkcs7 -print_certs -noout",
		Confirm:     "openssl x509 -noout -subject -in ca.pem",
	},
	// Logstash's beats input asked to verify clients without CAs.
	{
		ID: StartupFailed, Kind: "client",
		Match:       []string{"requires the configuration of `certificate_authorities`", "requires the configuration of `ssl_certificate_authorities`"},
		Title:       "Logstash verifies client certificates but was given no CA to verify them against",
		Explanation: "The beats (or another TLS) input has verify_mode (ssl_verify_mode, ssl_client_authentication) set to peer or force_peer, which checks the clients' certificates, and no certificate_authorities (ssl_certificate_authorities) to check them with, so the pipeline does not start.",
		Fix:         "Name the CA that issued the Beats' client certificates in the input, or stop verifying them:\n  ssl_certificate_authorities => [\"/etc/logstash/ca.crt\"]",
		Confirm:     "grep -n 'ssl' /etc/logstash/conf.d/*.conf",
	},
	// JSSE refusing a trust anchor that is not a CA.
	{
		ID: NotACA, Kind: "client", Within: []string{"trustanchor"},
		Match:       []string{"is not a ca certificate"},
		Title:       "Java refuses a trust store certificate that is not a CA",
		Explanation: "The certificate in the trust store (or the root of the chain) lacks basicConstraints CA:TRUE, so PKIX validation will not use it as an anchor: a test CA made without a CA -extfile, or a server's own certificate imported as the trusted one.",
		Fix:         "Reissue the CA with these lines in its -extfile, then import it into the trust store again:\n  basicConstraints=critical,CA:TRUE\n  keyUsage=critical,keyCertSign,cRLSign",
		Confirm:     "openssl x509 -noout -text -in ca.crt | grep -A1 'Basic Constraints'",
	},
	// librdkafka with no CA location that exists.
	{
		ID: ServerCertUntrusted, Kind: "client", Within: []string{"rdkafka"},
		Match:       []string{"calling stat(", "no such file or directory"},
		Title:       "librdkafka has no CA certificates to verify the broker with",
		Explanation: "librdkafka looks for CA certificates where its OpenSSL was built to (/usr/local/ssl/certs for a bundled build) when ssl.ca.location is not set; in a container or on a system without that directory it finds none, so no broker certificate can be verified.",
		Fix:         "Point the client at a CA bundle that exists (the broker's CA, or the system's for a public one):\n  ssl.ca.location=/etc/ssl/certs/ca-certificates.crt",
		Confirm:     "ls -l /etc/ssl/certs/ca-certificates.crt",
	},
	// Npgsql 6's SSL Mode=Require no longer validates.
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match:       []string{"please use verifyfull or verifyca instead of require"},
		Title:       "Npgsql 6: SSL Mode=Require no longer checks the server's certificate",
		Explanation: "Since Npgsql 6.0, SSL Mode=Require encrypts without validating the server's certificate (as libpq does), and a connection string that also gives a root certificate, or expects validation, is refused with this message: validation now needs VerifyCA or VerifyFull.",
		Fix:         "Ask for validation with the server's CA (or Trust Server Certificate=true to encrypt without it):\n  SSL Mode=VerifyFull;Root Certificate=/path/ca.crt",
		Confirm:     "openssl s_client -connect db.example.com:5432 -starttls postgres -showcerts </dev/null",
	},
	// curl on macOS's Secure Transport.
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match:       []string{"ssl: certificate verification failed (result:"},
		Title:       "curl on macOS (Secure Transport) did not trust the server's certificate",
		Explanation: "curl built with Secure Transport checks the server's certificate against the macOS keychain, or against the file that --cacert, CURL_CA_BUNDLE or SSL_CERT_FILE names: such a variable left set by another tool (a Nix or Homebrew profile, a Python environment) points it at a bundle without the CA, or the CA is not trusted in the keychain.",
		Fix:         "See whether a variable points curl at another CA bundle, and unset it or add the CA to the keychain:\n  env | grep -E 'SSL_CERT_FILE|CURL_CA_BUNDLE|SSL_CERT_DIR'\n  curl -v https://host/ -o /dev/null",
		Confirm:     "curl -V",
	},
	// Redis's cluster bus and replication: mutual TLS between nodes.
	{
		ID: VerifyError, Kind: "client", Within: []string{"accepting cluster node connection", "accepting a cluster node connection"},
		Match:       []string{"certificate verify failed", "peer did not return a certificate", "unknown ca"},
		Title:       "A Redis node refused another node's certificate on the cluster bus",
		Explanation: "Connections between Redis cluster nodes (the cluster bus, with tls-cluster yes) are always mutual TLS, whatever tls-auth-clients says for clients: each node presents its certificate (tls-client-cert-file if set, else tls-cert-file), which must chain to the other nodes' tls-ca-cert-file and allow client authentication (a serverAuth-only certificate is refused).",
		Fix:         "Give every node a certificate from the CA all nodes trust, with both purposes, then restart them:\n  extendedKeyUsage=serverAuth,clientAuth\n  tls-ca-cert-file /etc/redis/ca.crt",
		Confirm:     "openssl verify -purpose sslclient -CAfile /etc/redis/ca.crt /etc/redis/node.crt",
	},
	// HAProxy's verify keyword takes lower-case values.
	{
		ID: StartupFailed, Kind: "client",
		Match:       []string{"unknown verify method"},
		Title:       "HAProxy does not know this verify value (client-certificate setting)",
		Explanation: "HAProxy's verify keyword on a bind or server line accepts only none, optional and required, in lower case; a value written otherwise (Required, as some configuration front ends render it) stops the configuration from loading.",
		Fix:         "Write the value in lower case on the bind line, then check the file:\n  bind :443 ssl crt /etc/haproxy/site.pem ca-file /etc/haproxy/client-ca.pem verify required\n  haproxy -c -f /etc/haproxy/haproxy.cfg",
		Confirm:     "haproxy -c -f /etc/haproxy/haproxy.cfg",
	},
	// Consul agents asked to verify incoming TLS without a certificate of their own.
	{
		ID: StartupFailed, Kind: "client",
		Match:       []string{"verifyincoming set, and no cert/key pair provided"},
		Title:       "The Consul agent verifies incoming TLS but has no certificate of its own",
		Explanation: "verify_incoming makes the agent require client certificates on its own listeners, which needs the agent's own cert_file and key_file; auto_encrypt gives client agents a certificate for their connections to servers only, not for incoming ones.",
		Fix:         "Give the agent its cert_file and key_file (in the tls stanza), or turn verify_incoming off on client agents that use auto_encrypt:\n  tls { defaults { verify_incoming = false } }",
		Confirm:     "consul validate /etc/consul.d/",
	},
	// Java (JSSE) beyond its alerts.
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"no appropriate protocol (protocol is disabled or cipher suites are inappropriate)", "no appropriate protocol"},
		Title:       "Java has no TLS version or cipher it may use with this peer",
		Explanation: "JSSE found nothing it is allowed to offer: TLS 1.0 and 1.1 (and weak ciphers) are disabled by jdk.tls.disabledAlgorithms in java.security since JDK 8u291 and 11.0.11, so an old server or client that speaks only them fails, or the application (or an old driver, such as MySQL Connector/J before 8.0.19, which asks for TLSv1 and TLSv1.1 only) restricts its protocols or ciphers too far.",
		Fix:         "Let both sides use TLSv1.2 or later: upgrade the old peer or driver, or name the protocols in the client's settings (MySQL Connector/J: enabledTLSProtocols=TLSv1.2); only if that is impossible, re-enable the old protocol in java.security (jdk.tls.disabledAlgorithms):\n  openssl s_client -connect host:443 -tls1_2 </dev/null",
		Confirm:     "java -XshowSettings:security:tls -version",
	},
	{
		ID: ServerCertExpired, Kind: "client",
		Match:       []string{"certificateexpiredexception", "certificatenotyetvalidexception"},
		Title:       "A certificate Java checked is expired or not yet valid",
		Explanation: "JSSE found a certificate in the chain outside its validity dates by this machine's clock: it expired and was not renewed (or an old copy is still served), a CA in the chain expired, or a clock is wrong.",
		Fix:         "Check the dates of what the peer sends, renew the expired certificate, or fix the clock:\n  openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -dates",
		Confirm:     "date -u",
	},
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match:       []string{"sslpeerunverifiedexception: peer not authenticated"},
		Title:       "Java's client got no verified server certificate (peer not authenticated)",
		Explanation: "Older Apache HttpClient and JSSE code report `peer not authenticated` when the handshake ended without a verified server certificate: the trust store lacks the server's CA, or the handshake failed earlier (no SNI or no shared TLS version with an old JDK; JDK 11 before 11.0.3 had TLS 1.3 bugs that failed some handshakes now and then, which looks like random failures: update the JDK, or -Djdk.tls.client.protocols=TLSv1.2 until then).",
		Fix:         "Import the server's CA into the trust store the JVM uses:\n  keytool -importcert -alias server-ca -file ca.crt -keystore truststore.jks\nand run with -Djavax.net.debug=ssl:handshake to see the real failure.",
		Confirm:     "openssl s_client -connect host:443 -servername host -showcerts </dev/null",
	}, // Java's SSLPeerUnverifiedException without "peer not
	// authenticated": most often a hostname verifier's refusal.
	{
		ID: ServerHostnameMismatch, Kind: "client", Side: "client",
		Match:       []string{"sslpeerunverifiedexception"},
		Without:     []string{"peer not authenticated", "certificate pinning failure", "not verified:"},
		Title:       "The Java client refused the server's certificate after the handshake (its name, a pin, or none)",
		Explanation: "SSLPeerUnverifiedException comes after the handshake, when the client's own check of the server fails. Most often it is the hostname verifier (OkHttp's and Android's `Hostname X not verified`, Apache HttpClient's `doesn't match any of the subject alternative names`): the host name or IP address the client used is not in the certificate's subjectAltName (a name only in the CN, or an IP address written as a DNS name instead of an IP entry, which current verifiers ignore; an app's update can bring a stricter verifier). Else a certificate pin that no longer matches (OkHttp: `Certificate pinning failure!`), or no verified certificate at all (a handshake that ended earlier).",
		Fix:         "See the names the server's certificate carries, and connect by one of them, or reissue it with the name or IP address the client uses:\n  openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -text | grep -A1 'Subject Alternative Name'\n  subjectAltName=DNS:host.example.com,IP:192.0.2.10\nA pinning failure needs the app's pins updated to the server's current key.",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -text | grep -A1 'Subject Alternative Name'",
	},

	// The openssl command itself loading files (OpenSSL 3 words).
	{
		ID: CertLoadFailed, Kind: "client", Without: []string{"bio_new_file() failed", "cannot load certificate"},
		Match: []string{"could not open file or uri for loading", "could not read certificate from", "could not read private key from",
			"unable to load client certificate private key file", "unregistered scheme", "file_open:no such file or directory",
			"for reading, no such file or directory", "for reading, permission denied", "bio_new_file:no such file or directory",
			"calling fopen("},
		Title:       "The openssl command could not open or read a certificate or key file",
		Explanation: "OpenSSL's command line tool could not load the file it was given: the path is wrong (relative to the current directory; a guide's commands that expect their files in another directory, such as ../ca/ca.pem, or a file a step before did not write, such as a CSR) or unreadable, the file is not PEM (DER needs -inform DER, PKCS#12 needs openssl pkcs12), or the key is encrypted and needs -passin. OpenSSL 3 reports a missing file as `unregistered scheme` next to `No such file or directory`, or as `Can't open \"FILE\" for reading`.",
		Fix:         "Check the path and what the file holds:\n  ls -l client.crt\n  head -1 client.crt",
		Confirm:     "openssl x509 -noout -subject -in client.crt",
	},
	{
		ID: OpenSSLCommand, Kind: "client",
		Match: []string{"extra arguments given", "use -help for summary", "unknown option or message digest", "unrecognized flag", "needs a value",
			// LibreSSL's and OpenSSL 1.0.2's words, for options they lack.
			"unknown option -addext", "unknown option -copy_extensions", "unknown option -noenc", "unknown option -legacy", "unknown option -ext"},
		Title:       "The openssl command refused its own command line",
		Explanation: "openssl stopped before doing anything: an option it does not know, or one in the wrong place. OpenSSL 3 takes every option before the command's operands (genrsa's key size comes last: `openssl genrsa -aes256 -out ca.key 4096`, not `... 4096 -aes256`); an option of a newer OpenSSL fails on an older one or on LibreSSL, macOS's openssl (-noenc, x509's -copy_extensions and -key need OpenSSL 3.0; -addext and x509's -ext 1.1.1; OpenSSL 1.1 calls -noenc -nodes and x509's -key -signkey); an option copied with a typographic dash (–days) or without its value fails too.",
		Fix:         "See which openssl this is and what this command takes:\n  openssl version\n  openssl req -help\nthen put the options before the operands, or use the older spelling (-nodes for -noenc).",
		Confirm:     "openssl version",
	},
	// openssl ca, which the guides that keep a CA database use.
	{
		ID: OpenSSLCommand, Kind: "client",
		Match: []string{"problem with index file", "newcerts is not a directory", "democa/newcerts: no such file", "error while loading serial number",
			"democa/serial: no such file", "democa/index.txt: no such file", "calling fopen(./democa/"},
		Title:       "openssl ca found no CA database where its configuration says (demoCA)",
		Explanation: "openssl ca keeps a small database beside the CA, in the directory its configuration's dir names (./demoCA in the default openssl.cnf, relative to where the command runs): index.txt (empty at first), serial (a hex number such as 1000) and newcerts/. Guides create them in a step that is easy to skip, or run openssl ca from another directory than the one that holds them.",
		Fix:         "Create them where the configuration expects them (the default is ./demoCA):\n  mkdir -p demoCA/newcerts\n  touch demoCA/index.txt\n  echo 1000 > demoCA/serial\nor sign without a database:\n  openssl x509 -req -in client.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 825 -out client.crt",
		Confirm:     "ls -l demoCA",
	},
	{
		ID: OpenSSLCommand, Kind: "client",
		Match:       []string{"field was missing", "field is different between", "field does not exist in the ca certificate", "field needed to be the same"},
		Title:       "openssl ca's policy refused the request's subject",
		Explanation: "The default openssl.cnf signs with policy_match: countryName, stateOrProvinceName and organizationName must equal the CA's, and the fields it marks supplied must be there. A client's or server's subject seldom has the CA's organisation; a CA without a field the policy matches makes the policy unusable (the 'policy' is misconfigured).",
		Fix:         "Sign with the permissive policy the default configuration also holds:\n  openssl ca -policy policy_anything -in client.csr -out client.crt\nor make the request with the C, ST and O of the CA.",
		Confirm:     "openssl req -noout -subject -in client.csr",
	},
	{
		ID: OpenSSLCommand, Kind: "client",
		Match:       []string{"there is already a certificate for", "txt_db error number 2"},
		Title:       "openssl ca already signed a valid certificate with this subject",
		Explanation: "index.txt holds a valid certificate with the same subject, and unique_subject is on (the default): signing a client again with the same name (a renewal, a second run of a guide's script) needs the old one revoked first, or unique_subject turned off.",
		Fix:         "Revoke the old certificate (its serial is in the message and in index.txt), or allow several with one subject:\n  openssl ca -revoke demoCA/newcerts/01.pem\n  echo 'unique_subject = no' > demoCA/index.txt.attr",
		Confirm:     "cat demoCA/index.txt",
	},
	// openssl without a configuration file (Windows builds, old Git for
	// Windows' openssl).
	{
		ID: OpenSSLCommand, Kind: "client",
		Match:       []string{"unable to load config info from", "no conf or environment variable", "error:0e06d06a:"},
		Title:       "openssl found no configuration file",
		Explanation: "openssl looked for openssl.cnf where it was built to (a Unix path such as /usr/local/ssl/openssl.cnf in many Windows builds, or a directory of an installer that is gone) and found none, so commands that need it (openssl req for its [req] and distinguished_name sections, openssl ca) stop. OPENSSL_CONF names the file to use; Git for Windows and the OpenSSL installers ship one.",
		Fix:         "Point openssl at a configuration file, or name it in the command:\n  export OPENSSL_CONF=/etc/ssl/openssl.cnf\n  set OPENSSL_CONF=C:\\Program Files\\Git\\usr\\ssl\\openssl.cnf\n  openssl req -config openssl.cnf -new -key ca.key -out ca.csr",
		Confirm:     "openssl version -d",
	},
	// OpenSSL 1.0's optional configuration look-ups (printed beside the
	// real error).
	{
		ID: OpenSSLCommand, Kind: "client",
		Match:       []string{"nconf_get_string:no value", "error:0e06d06c:"},
		Title:       "openssl's configuration lacks a setting it looked up (NCONF_get_string: no value)",
		Explanation: "OpenSSL 1.0 prints this when a setting it looks for is not in the configuration file (group= and name= at the end of the full line say which). Many look-ups are optional, and the line is printed beside the real error, which the next lines give. With openssl ca, a missing unique_subject or email_in_dn is such a look-up, and the real failure is often `TXT_DB error number 2`: index.txt already holds a valid certificate with the same subject, and unique_subject (yes by default) forbids another.",
		Fix:         "Read the lines after it for the real error. If it names a setting the command needs (default_ca, dir, certificate, private_key, default_md, policy), add it to the section named by group=; for openssl ca signing a subject again, revoke the old certificate or allow it:\n  echo 'unique_subject = no' > demoCA/index.txt.attr",
		Confirm:     "cat demoCA/index.txt",
	},
	// An RSA signature that opens but holds no DigestInfo.
	{
		ID: VerifyError, Kind: "client",
		Match:       []string{"type=x509_sig"},
		Title:       "A signature does not hold what OpenSSL expects (X509_SIG)",
		Explanation: "To check an RSA signature, OpenSSL opens it with the signer's public key and expects a DigestInfo (X509_SIG: the hash algorithm and the hash). `nested asn1 error ... Type=X509_SIG` means it opened but held something else: the signer (an HSM, a smart card, a signing service or a hand-written routine) signed the bare hash without the DigestInfo around it, or used another padding than the certificate says. openssl verify then reports certificate signature failure (7).",
		Fix:         "Re-sign with a signer that wraps the hash (PKCS#1 v1.5 with DigestInfo: CKM_SHA256_RSA_PKCS on an HSM, not CKM_RSA_PKCS over a bare hash), then check the certificate:\n  openssl verify -CAfile ca.crt cert.crt",
		Confirm:     "openssl x509 -noout -text -in cert.crt | grep 'Signature Algorithm'",
	},
	// The openssl command making keys, requests and certificates: what a
	// guide's commands run into (checked against the real openssl in
	// checks/realopensslcli_test.go where OpenSSL 3 prints them).
	{
		ID: OpenSSLCommand, Kind: "client",
		Match:       []string{"variable has no value"},
		Title:       "openssl's configuration file uses a variable that has no value",
		Explanation: "A line of the configuration file (its number ends the message, or `Error on line N of config file` says it) refers to a variable that is not set. `$ENV::NAME` reads the environment: a script's variable that was not exported, or the clean environment sudo gives, leaves it empty; `$name` and `$section::name` must be defined above that line in the file. openssl stops before it makes anything.",
		Fix:         "Export the variable where openssl runs (sudo drops it unless told to keep it), or write the value in the file instead:\n  export SAN=DNS:client.example.com\n  sudo --preserve-env=SAN openssl req -new -config req.cnf -key client.key -out client.csr\nSee which lines use variables:\n  grep -n '\\$' req.cnf",
		Confirm:     "grep -n 'ENV::' req.cnf",
	},
	{
		ID: OpenSSLCommand, Kind: "client", Within: []string{"error on line", "def_load_bio", "configuration file routines"},
		Match:       []string{"of config file", "missing equal sign", "missing close square bracket"},
		Title:       "openssl could not read its configuration file",
		Explanation: "openssl stopped at the line of the configuration file (or -extfile) the message names. The OpenSSL line after it says why: `variable has no value` (a $ENV::NAME or $name that is not set), `missing equal sign` (a line that is not `key = value`, such as a command pasted into the file), `missing close square bracket` (a section header), or a value that needs quoting. Files written on Windows often start with a byte-order mark (Notepad's UTF-8 with BOM: stray bytes before the first word of line 1), and guides' files copied from a web page can carry typographic quotes or non-breaking spaces.",
		Fix:         "Look at that line and the OpenSSL line after the message:\n  sed -n 8p req.cnf | cat -A\nand remove a byte-order mark from the start of the file:\n  sed -i '1s/^\\xEF\\xBB\\xBF//' client.ext",
		Confirm:     "openssl req -new -config req.cnf -key client.key -out client.csr",
	},
	{
		ID: OpenSSLCommand, Kind: "client",
		Match:       []string{"v2i_authority_keyid:no issuer certificate", "authority_keyid:no issuer certificate"},
		Title:       "authorityKeyIdentifier was asked for where there is no issuer yet (a request)",
		Explanation: "authorityKeyIdentifier copies the key id of the CA that signs, so it can be made only when a certificate is signed; `keyid:always` and `issuer:always` turn its absence into an error. A certificate request has no issuer. OpenSSL 3.2 and later apply `openssl req -extensions` to the request when -x509 is not given (earlier releases ignored it there), so a guide's `openssl req -new -extensions v3_ca` step for an intermediate CA now fails; an authorityKeyIdentifier given to a request with -addext or -reqexts fails on any release.",
		Fix:         "Leave the extensions out of the request and name them when the CA signs it:\n  openssl req -new -key int.key -subj '/CN=Intermediate CA' -out int.csr\n  openssl x509 -req -in int.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 1825 -extfile int.ext -out int.crt\nwith basicConstraints, keyUsage and authorityKeyIdentifier in int.ext (with a CA database, name the section when signing: -extensions v3_intermediate_ca).",
		Confirm:     "openssl version",
	},
	{
		ID: OpenSSLCommand, Kind: "client",
		Match:       []string{"error loading extension section", "error checking extension section", "error loading request extension section", "error adding request extensions from section", "error adding extensions defined via -addext"},
		Title:       "openssl could not apply the extension section it was given",
		Explanation: "-extensions (x509, ca, req -x509), -reqexts (req), -addext or the configuration's x509_extensions and req_extensions name extensions openssl could not apply. Either the file it reads has no section of that name (with -extfile the section must be in that file, and a file of plain `key = value` lines has none, so leave -extensions out; names are case-sensitive), or a line in the section is wrong, which the OpenSSL line after it names (`name=..., value=...`). Programs that make certificates for you (node's pem, test scripts) pass -extensions v3_req themselves, so the file they are given needs that section.",
		Fix:         "List the sections of the file, then name one it has, or drop -extensions for a file without sections:\n  grep -n '^\\[' client.ext\n  openssl x509 -req -in client.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 825 -extfile client.ext -out client.crt",
		Confirm:     "grep -n '^\\[' client.ext",
	},
	{
		ID: OpenSSLCommand, Kind: "client", Within: []string{"maxsize=", "subject name attribute", "mbstring_ncopy", "must be at most"},
		Match:       []string{"string too long"},
		Title:       "A field of the subject is longer than X.509 allows",
		Explanation: "OpenSSL could not put a name field into the request or certificate: each field has a largest length, printed as maxsize. maxsize=2 is the country (C=US, a two-letter code, not USA or the country's name); maxsize=64 is most others, such as the common name (CN), the organization (O) and the unit (OU). A host name longer than 64 characters does not belong in CN: subjectAltName has no such bound, and it is what clients check.",
		Fix:         "Shorten the field it names, and put long host names in subjectAltName:\n  openssl req -new -key client.key -subj '/C=US/O=Example/CN=client' -addext 'subjectAltName=DNS:a-long-host-name.example.com' -out client.csr",
		Confirm:     "openssl req -noout -subject -in client.csr",
	},
	{
		ID: OpenSSLCommand, Kind: "client", Within: []string{"minsize=", "subject name attribute", "mbstring_ncopy"},
		Match:       []string{"string too short", "no value provided for subject name attribute"},
		Title:       "A field of the subject is empty",
		Explanation: "OpenSSL 1.1 refuses an empty name field: a -subj with a field and no value (/C=/ST=/CN=client), often from a script that fills the subject from variables that are not set. OpenSSL 3 leaves such a field out with a warning (`No value provided for subject name attribute`) and goes on. A field shorter than the configuration's minimum (countryName_min = 2) is refused the same way.",
		Fix:         "Give every field of -subj a value, or leave the empty ones out:\n  openssl req -new -key client.key -subj '/C=US/CN=client' -out client.csr",
		Confirm:     "openssl req -noout -subject -in client.csr",
	},
	{
		ID: OpenSSLCommand, Kind: "client",
		Match:       []string{"unable to load number from", "a2i_asn1_integer"},
		Title:       "openssl could not read the serial number file",
		Explanation: "The serial file (x509's -CAserial, or openssl ca's serial) must hold one hexadecimal number with an even count of digits on its first line: 1000 or 03, not 3. An odd count of digits, an empty file, characters that are not hex or another system's line ending make openssl refuse it (`short line`, `odd number of digits`, `non hex characters`). A script that writes the serial itself (echo 3 > serial) is the usual cause.",
		Fix:         "Write an even number of hex digits, or let openssl make and keep the file:\n  echo 1000 > ca.srl\n  openssl x509 -req -in client.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 825 -out client.crt",
		Confirm:     "od -c ca.srl",
	},
	{
		ID: OpenSSLCommand, Kind: "client",
		Match:       []string{"algorithm ed25519 not found", "algorithm ed448 not found", "algorithm x25519 not found", "algorithm x448 not found", "algorithm rsa-pss not found"},
		Title:       "This openssl does not know the key algorithm",
		Explanation: "openssl genpkey names an algorithm this build does not have: Ed25519, Ed448 and X25519 keys need OpenSSL 1.1.1 or later (RHEL and CentOS 7 ship 1.0.2), and LibreSSL, the openssl of macOS, lacked them for years. Where the key can be made, not every client takes an Ed25519 certificate: browsers do not.",
		Fix:         "See which openssl runs; make the key with a newer OpenSSL, or make an EC P-256 key, which every version and client takes:\n  openssl version\n  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out client.key",
		Confirm:     "openssl version",
	},
	{
		ID: OpenSSLCommand, Kind: "client",
		Match:       []string{"into rng", "rand_load_file:cannot open file"},
		Title:       "openssl could not read a random seed file (.rnd)",
		Explanation: "OpenSSL 1.1.1 reads the seed file that RANDFILE names in the configuration (Ubuntu 18.04's openssl.cnf: $ENV::HOME/.rnd) or that -rand gives. For RANDFILE a missing file is only reported: the command goes on, seeding itself from the system, and writes its key or certificate (check it is there). A -rand file that does not exist, copied from an old guide, stops the command.",
		Fix:         "Drop -rand, and comment out the RANDFILE line of the configuration, or create the file:\n  openssl rand -out ~/.rnd 256",
		Confirm:     "grep -n RANDFILE /etc/ssl/openssl.cnf",
	},
	{
		ID: OpenSSLCommand, Kind: "client",
		Match:       []string{"pkcs12_verify_mac:mac absent", "mac is absent"},
		Title:       "The PKCS#12 file has no integrity MAC",
		Explanation: "The file was made without a MAC (openssl pkcs12 -export -nomac, or a tool that writes none). OpenSSL 1.1 will not read it while it checks the MAC (`mac absent`, which it may report as `Mac verify error: invalid password?` although the password is right); OpenSSL 3 reads it with a warning (`MAC is absent!`). Other programs (Java, Windows) may refuse such a file.",
		Fix:         "Read it without the MAC check, then export it again with one:\n  openssl pkcs12 -in client.p12 -nomacver -nodes -out client.pem\n  openssl pkcs12 -export -in client.pem -out client-mac.p12",
		Confirm:     "openssl pkcs12 -info -noout -nomacver -in client.p12",
	},
	{
		ID: VerifyError, Kind: "client", Within: []string{"error "},
		Match:       []string{": verification failed"},
		Title:       "openssl verify could not verify the certificate",
		Explanation: "This is openssl verify's summary line; the `error N at D depth lookup: ...` line printed just before it names the reason (N is the verify code: 20 or 2 is a missing issuer in -CAfile or -untrusted, 10 expired, 26 wrong purpose).",
		Fix:         "Rerun with the CA and the intermediates given separately, and read the line before the summary:\n  openssl verify -CAfile ca.crt -untrusted intermediate.crt client.crt",
		Confirm:     "openssl verify -show_chain -CAfile ca.crt -untrusted intermediate.crt client.crt",
	},
	// Windows' Schannel event 36887: an alert the other side sent.
	{
		ID: TLSAlert, Kind: "client", Side: "client",
		Match:       []string{"fatal alert was received from the remote endpoint", "es wurde eine schwerwiegende warnung empfangen"},
		Title:       "Windows (Schannel) got a fatal TLS alert from the other side",
		Explanation: "Event 36887 (or the same words in a .NET or PowerShell error) is an alert this machine received: the other side ended the handshake. 40 (handshake_failure) or 70 (protocol_version): no TLS version or cipher in common, most often an older Windows or .NET Framework program that offers only TLS 1.0 (Windows PowerShell 5.1, .NET Framework apps without SchUseStrongCrypto, Windows Server 2012 R2 and older) against a server that takes TLS 1.2 and later; or a server asking for a client certificate that got none it accepts. 42, 46 or 48: the other side refused this machine's certificate. 51 (decrypt_error) received by a server: the client could not check the server's signature, most often because Schannel cannot use the server's private key well (a key imported not exportable or into a CNG storage provider, which IIS 7 and older handle badly): import the certificate again with its key marked exportable. 80: the other side's own failure (its log says why).",
		Fix:         "For 40 or 70 from an older Windows program, offer TLS 1.2 (PowerShell, for the session):\n  [Net.ServicePointManager]::SecurityProtocol = 'Tls12'\nfor .NET Framework applications, SchUseStrongCrypto:\n  reg add HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319 /v SchUseStrongCrypto /t REG_DWORD /d 1 /f\nthen see what the server takes:\n  openssl s_client -connect host:443 -servername host -tls1_2 </dev/null",
		Confirm:     "openssl s_client -connect host:443 -servername host -tls1_2 </dev/null",
	},
	// MailKit (.NET) failing TLS with a mail server.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"mailkit.security.sslhandshakeexception", "an error occurred while attempting to establish an ssl or tls connection"},
		Title:       "MailKit could not set up TLS with the mail server",
		Explanation: "MailKit's handshake with the SMTP, IMAP or POP3 server failed. Four causes cover most cases: (1) the server's certificate is not trusted: an antivirus that scans mail (Avast, AVG, ESET, Kaspersky) or a proxy puts its own certificate in the connection, or the server's is self-signed, expired or for another name; (2) the wrong TLS mode for the port: SslOnConnect (implicit TLS) belongs to 465, 993 and 995, StartTls to 587, 25 and 143; (3) no TLS version in common with an old server; (4) the server cannot do TLS at all: it advertises STARTTLS but cannot load its own certificate (a path that is not where its container mounts the files, a file its user may not read), which its own log says. The inner exception and the text after this line say which.",
		Fix:         "Connect with the mode of the port, and look at the certificate the server presents from this machine:\n  client.Connect(host, 587, SecureSocketOptions.StartTls);\n  openssl s_client -connect smtp.example.com:587 -starttls smtp </dev/null 2>/dev/null | openssl x509 -noout -issuer -subject\nAn issuer named after an antivirus means it intercepts mail: turn its mail scanning off, or trust its CA.",
		Confirm:     "openssl s_client -connect smtp.example.com:465 </dev/null 2>/dev/null | openssl x509 -noout -issuer -subject -dates",
	},
	// Kestrel without a server certificate.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"unable to configure https endpoint", "default developer certificate could not be found"},
		Title:       "Kestrel has an HTTPS endpoint and no server certificate",
		Explanation: "ASP.NET Core was told to listen on https (ASPNETCORE_URLS, launchSettings, Kestrel's endpoints) without a certificate of its own, and the development certificate it then falls back to is missing or expired: a container or another machine has none (dotnet dev-certs lives in the user's profile on the developer's machine), or it was never created.",
		Fix:         "On the developer's machine, create and trust the development certificate:\n  dotnet dev-certs https --trust\nIn a container or on a server, give Kestrel a real certificate:\n  ASPNETCORE_Kestrel__Certificates__Default__Path=/https/server.pfx\n  ASPNETCORE_Kestrel__Certificates__Default__Password=...\nor listen on http only behind a TLS proxy (ASPNETCORE_URLS=http://+:8080).",
		Confirm:     "dotnet dev-certs https --check",
	},
	// Npgsql 6 and later: its own verification or the program's callback.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"cannot be used in conjunction with usercertificatevalidationcallback"},
		Title:       "Npgsql takes either its own certificate check or the program's callback, not both",
		Explanation: "Since Npgsql 6, SSL Mode=VerifyCA or VerifyFull (and Root Certificate) make Npgsql check the server's certificate itself, and a UserCertificateValidationCallback set as well is refused: an application that kept both from an older release fails at connect.",
		Fix:         "Keep one: let Npgsql verify (connection string SSL Mode=VerifyFull;Root Certificate=/path/ca.crt, no callback), or keep the callback and use SSL Mode=Require, doing every check the program needs in the callback.",
		Confirm:     "openssl s_client -connect db.example.com:5432 -starttls postgres </dev/null 2>/dev/null | openssl x509 -noout -subject -issuer",
	},
	// Windows' Schannel event 36888: the alert this machine sent.
	{
		ID: TLSAlert, Kind: "client",
		Match:       []string{"fatal alert was generated and sent to the remote endpoint", "the following fatal alert was generated"},
		Title:       "Windows (Schannel) ended a TLS handshake with an alert it sent",
		Explanation: "Event 36888 is this machine's own alert, by a process using Schannel (IIS, a .NET service, RDP, a Windows client). 40 (handshake_failure) or 70 (protocol_version): the other side offered no version or cipher this machine allows (TLS 1.0/1.1 disabled, old ciphers off), or this machine's own certificate is unusable for what was offered (signed with MD5, or a key Schannel cannot use), so no suite could be chosen; 42, 46 or 48: it refused the certificate it was shown; 20 (bad_record_mac): a record that did not decrypt, which on Windows Server 2012 R2 and older is most often an interoperability fault of the DHE cipher suites (TLS_DHE_RSA_WITH_AES_...) with some clients and devices; 80 (internal_error): often no usable certificate or key for the name asked for.",
		Fix:         "Find which process and peer it was (Schannel logging, the event's time), then for 40 or 70 compare the TLS versions and ciphers both sides allow (and this machine's certificate's signature algorithm), for 20 move the DHE suites out of the cipher suite order (Disable-TlsCipherSuite -Name TLS_DHE_RSA_WITH_AES_256_CBC_SHA, and the others), and for 42, 46 or 48 check the certificate the other side sends against this machine's trusted roots:\n  certutil -verify -urlfetch peer.crt",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null",
	},
	// Apache refusing requests by their server name.
	{
		ID: HandshakeFailed, Kind: "client", Side: "server",
		Match:       []string{"did not provide a hostname using server name indication (sni)"},
		Title:       "Apache refused a request that came without SNI (SSLStrictSNIVHostCheck)",
		Explanation: "Apache answers 403 with this text when SSLStrictSNIVHostCheck is on and the client sent no server name in its handshake: a client on an old TLS library (Python 2, Java 6, old Android), a script or health check that connects by IP address, or a proxy in front that does not pass the name on (nginx without proxy_ssl_server_name on).",
		Fix:         "Make the client send the name (a proxy in front, such as nginx to its backend):\n  proxy_ssl_server_name on;\nor, if such clients must be served, turn the check off for the virtual host:\n  SSLStrictSNIVHostCheck off",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null",
	},
	// Apache's start-up and renegotiation words.
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"ah02572", "failed to configure at least one certificate and key", "ah02562", "failed to configure certificate"},
		Title:       "Apache could not set up a certificate and key for a virtual host",
		Explanation: "mod_ssl found no usable certificate/key pair for this virtual host: SSLCertificateFile or SSLCertificateKeyFile is missing, unreadable, not PEM, the key does not belong to the certificate, or OpenSSL 3's security level refuses it (an RSA key under 2048 bits, `ee key too small`; a SHA-1 signature, `ca md too weak`). The mod_ssl lines just before (AH02565, AH02203, AH02579, an SSL Library Error...) name which.",
		Fix:         "Check both directives of that virtual host, the pair itself and the key's size (2048 bits or more):\n  openssl x509 -noout -text -in server.crt | grep -E 'Public-Key|Signature Algorithm'\n  openssl x509 -noout -pubkey -in server.crt | sha256sum\n  openssl pkey -pubout -in server.key | sha256sum\nthen test the configuration:\n  apachectl -t",
		Confirm:     "apachectl -t -D DUMP_VHOSTS",
	},
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"ah01910", "no rsa, dsa or ecc server certificate found"},
		Title:       "Apache has SSLEngine on in a virtual host without a server certificate",
		Explanation: "A virtual host turns TLS on (SSLEngine on) but mod_ssl finds no server certificate for it: SSLCertificateFile is missing from that <VirtualHost>, often a port-80 host that got SSLEngine on by copy, or a certbot-written host whose certificate lines were removed; or the other way round: the host with the certificate lines lacks SSLEngine on, while another host on the same address and port turned TLS on. mod_ssl then refuses to start (AH02311).",
		Fix:         "Give that virtual host its certificate and key, or take SSLEngine on out of hosts that are not TLS:\n  SSLEngine on\n  SSLCertificateFile /etc/ssl/certs/server.crt\n  SSLCertificateKeyFile /etc/ssl/private/server.key\nthen:\n  apachectl -t",
		Confirm:     "apachectl -t -D DUMP_VHOSTS",
	},
	{
		ID: StartupFailed, Kind: "client",
		Match:       []string{"ah02311", "fatal error initialising mod_ssl"},
		Title:       "Apache's mod_ssl could not start",
		Explanation: "mod_ssl gave up at start-up; the lines just before it (in the error log it names) say why: a virtual host with SSLEngine on and no SSLCertificateFile (AH01910), a certificate or key that does not load (SSL Library Error, AH02562, AH02565), or a key that does not match its certificate.",
		Fix:         "Read the mod_ssl lines before it in the error log the line names, and test the configuration:\n  apachectl -t\nIf it names a virtual host without a certificate, give it SSLCertificateFile and SSLCertificateKeyFile, or remove its SSLEngine on.",
		Confirm:     "apachectl -t -D DUMP_VHOSTS",
	},
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"ah02042", "rejecting client initiated renegotiation"},
		Title:       "Apache refused a renegotiation the client started",
		Explanation: "A client asked to renegotiate an established TLS connection and mod_ssl refused, as it should (client-initiated renegotiation is a denial-of-service vector). Scanners test for it; real clients rarely need it.",
		Fix:         "Nothing to change for scanners. A client that fails on it must be updated to not renegotiate.",
		Confirm:     "openssl s_client -connect host:443 -no_tls1_3 </dev/null",
	},
	// curl built on GnuTLS (Debian's and Ubuntu's git, curl-gnutls) and on NSS (RHEL/CentOS 7).
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match:       []string{"server certificate verification failed. cafile", "curl: (60) server certificate verification failed", "ssl certificate problem: server certificate verification failed"},
		Title:       "curl (GnuTLS) does not trust the server's certificate",
		Explanation: "curl or git built on GnuTLS found no CA in the CAfile it names for the server's certificate (CAfile: none only says no file was named: the system's trust is used; in a slim container image without the ca-certificates package there is none at all, and every server fails): the certificate is from a private CA that is not in that bundle, the server does not send its intermediate certificate, an intercepting proxy re-signs the traffic, the bundle (ca-certificates) is missing or outdated, or the server's certificate has expired (GnuTLS says only that verification failed: s_client shows the dates). Old GnuTLS releases (Ubuntu 16.04, Debian 9) followed a Let's Encrypt chain through its cross-signature to DST Root CA X3, expired since September 2021, and failed although ISRG Root X1 was in the bundle: the server must serve the short chain, or the client remove the expired root or get a newer GnuTLS. A CA copied into /usr/share/ca-certificates (a corporate proxy's root) is not in the bundle until it is listed in /etc/ca-certificates.conf; update-ca-certificates takes files in /usr/local/share/ca-certificates (ending .crt) without that.",
		Fix:         "Check the chain the server sends, then serve the full chain, or add the private CA to the system bundle:\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null\n  sudo cp ca.crt /usr/local/share/ca-certificates/ && sudo update-ca-certificates\nor give it to git alone:\n  git config http.sslCAInfo /path/to/ca.crt",
		Confirm:     "curl -v --cacert ca.crt https://host/",
	},
	{
		ID: ClientCertRejected, Kind: "client",
		Match:       []string{"server most likely requires a client certificate"},
		Title:       "curl (NSS) was refused: the server wants a client certificate, or shares no TLS version",
		Explanation: "curl built on NSS got a handshake_failure alert from the server, and NSS's guess is that the server requires a client certificate and got none it accepts: no --cert was given, or the certificate is not issued by a CA the server trusts for clients. The guess is only a guess: servers send the same alert when they share no TLS version or cipher with the client, as when curl is told an old version (-3 or --sslv3, --tlsv1.0) or a --ciphers list the server no longer accepts.",
		Fix:         "Send the client certificate and key (NSS curl reads a file path only with a / in it):\n  curl --cert ./client.crt --key ./client.key --cacert ca.crt https://host/\nWithout a client certificate in play, drop any version or --ciphers option from the command and try again.",
		Confirm:     "openssl s_client -connect host:443 -servername host -cert client.crt -key client.key </dev/null",
	},
	{
		ID: KeyLoadFailed, Kind: "client",
		Match:       []string{"nss: client certificate not found", "unable to load client key", "unable to load client cert"},
		Without:     []string{"curl: (22)"},
		Title:       "curl could not load the client certificate or key",
		Explanation: "curl did not find or could not read the certificate or key given with --cert/--key. A curl built on NSS reads a bare name as a nickname in its NSS database, not a file, unless the path has a / in it; an old curl on NSS (7.19.7, as RHEL 6 and 7 ship it) also fails with `nickname not specified` when the server merely asks for an optional client certificate and none was given, where newer releases carry on without one (update curl, or give the certificate); other builds fail on a wrong path, a key with a passphrase not given, or a format other than PEM (--cert-type P12 for PKCS#12).",
		Fix:         "Give the files as paths (with ./ for the current directory), with the key's type and passphrase:\n  curl --cert ./client.crt --key ./client.key https://host/\n  curl --cert-type P12 --cert ./client.p12:PASSWORD https://host/",
		Confirm:     "openssl x509 -noout -subject -in client.crt",
	},
	// Python's older ssl.match_hostname words.
	{
		ID: ServerHostnameMismatch, Kind: "client",
		Match:       []string{"doesn't match either of", "certificateerror: hostname"},
		Title:       "Python: the server's certificate is not for the host name connected to",
		Explanation: "Python's ssl module compared the host name it connected to with the names in the server's certificate (subjectAltName) and found none that fits: the client uses an IP address or another name than the certificate's, or the server sends the certificate of another name. When the address connected to is an IP that the message itself lists, it is in the certificate only as a DNS name (it must be an IP SAN), or the matcher is too old to compare IP addresses (Python 2.7 and 3.4, urllib3 versions that bundle an old match_hostname).",
		Fix:         "Connect by a name the certificate lists, or reissue the certificate with that name in its SAN (an IP address as IP:10.0.0.1, not DNS:10.0.0.1):\n  openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -text | grep -A1 'Subject Alternative Name'\nFor an IP address already listed, upgrade Python and urllib3 (requests):\n  pip install -U urllib3 requests",
		Confirm:     sanConfirm,
	},
	// envoy's 503 body without a TLS reason.
	{
		ID: HandshakeFailed, Kind: "client", Fallback: true,
		Match:       []string{"disconnect/reset before headers", "upstream_reset_before_response_started"},
		Title:       "envoy got no response from its upstream",
		Explanation: "envoy (or an Istio sidecar or gateway) connected to the upstream, or tried to, and got no response headers back; the reset reason says how it ended. With no TLS reason in the line it need not be TLS, and some envoy releases leave the TLS reason out of this message. The usual causes: 1. the upstream refused or closed the connection, or the application listens on localhost only; 2. in Istio, a mutual-TLS mismatch: one side sends Istio mTLS (a DestinationRule with ISTIO_MUTUAL, a STRICT PeerAuthentication) and the other has no sidecar or expects plain text; 3. envoy refused the upstream's certificate (expired, revoked, from a CA not in its validation context, without the SAN it matches); 4. no TLS version or cipher in common, often after an envoy upgrade changed its default cipher suites or versions.",
		Fix:         "Find the upstream and the reason in envoy's access log (UF, URX, UC flags and upstream_transport_failure_reason), then check the mTLS settings on both sides (2):\n  istioctl x describe pod POD\n  kubectl get peerauthentication,destinationrule -A\nFor 3 and 4, look at the upstream's certificate and versions from envoy's host:\n  openssl s_client -connect UPSTREAM:443 -servername UPSTREAM -showcerts </dev/null",
		Confirm:     "istioctl proxy-config cluster POD --fqdn SERVICE -o json",
	},
	// ingress-nginx's default certificate, served when no TLS secret fits the host.
	{
		ID: ServerHostnameMismatch, Kind: "client",
		Match:       []string{"ingress.local", "kubernetes ingress controller fake certificate"},
		Title:       "ingress-nginx served its default fake certificate: no TLS secret was used for this host",
		Explanation: "`ingress.local` (Kubernetes Ingress Controller Fake Certificate) is what ingress-nginx serves when no valid certificate is configured for the requested host: the Ingress has no tls section for the host, the secret it names is missing, in another namespace or not a kubernetes.io/tls secret, its certificate does not cover the host, or the client sent no SNI.",
		Fix:         "Check the Ingress's tls hosts and secret, and the controller's log for the secret:\n  kubectl get ingress NAME -o yaml\n  kubectl get secret SECRET -n NAMESPACE -o jsonpath='{.data.tls\\.crt}' | base64 -d | openssl x509 -noout -subject -text | grep -A1 -e '^subject=' -e 'Subject Alternative Name'",
		Confirm:     "openssl s_client -connect INGRESS_IP:443 -servername host.example.com </dev/null 2>/dev/null | openssl x509 -noout -subject",
	},
	// A Go server whose certificate came without its private key.
	{
		ID: KeyLoadFailed, Kind: "client",
		Match:       []string{"certificate private key (<nil>) does not implement crypto.signer"},
		Title:       "The Go server has a certificate but no private key loaded",
		Explanation: "This Go program serves TLS with a certificate and no private key (<nil>), so every handshake fails on its side before the client is judged: TLS was switched on without a key file (a listener or status port that is given certificates only in another mode, such as a client-only mode), or the program built its certificate from the certificate file alone and the key file was never read or was empty.",
		Fix:         "Configure the key next to the certificate (in Go, tls.LoadX509KeyPair(\"server.crt\", \"server.key\") rather than a tls.Certificate made from the certificate alone; in the program, its key file option), check that the two pair:\n  " + keyPairCheck + "\nthen restart the server.",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null",
	},
	// Go's answer to plain HTTP on a TLS port.
	{
		ID: PlainHTTP, Kind: "client",
		Match:       []string{"client sent an http request to an https server"},
		Title:       "A client spoke plain HTTP to a Go server's HTTPS port",
		Explanation: "This Go program serves HTTPS on the port, and a client sent it a plain-text HTTP request: a URL with http:// instead of https://, a health check or proxy (a load balancer, an ingress, a Docker healthcheck) configured for HTTP, or a reverse proxy forwarding to the backend over HTTP.",
		Fix:         "Make the client use https:// for this port (or its proxy use TLS to the backend), e.g.:\n  curl https://host:PORT/\nor serve plain HTTP on another port for clients that cannot speak TLS.",
		Confirm:     "curl -v https://host:PORT/",
	},
	{
		ID: PlainHTTP, Kind: "client",
		Match:       []string{"http spoken on https port"},
		Title:       "A client spoke plain HTTP to Apache's HTTPS port",
		Explanation: "Apache (mod_ssl) serves HTTPS on the port, and a client sent it a plain-text HTTP request; Apache answers with an HTML error page in plain text. A URL with http:// instead of https://, a health check or proxy configured for HTTP, or a reverse proxy forwarding to this backend over HTTP.",
		Fix:         "Make the client use https:// for this port (or its proxy use TLS to the backend), e.g.:\n  curl https://host:PORT/\nor serve plain HTTP on another port (a <VirtualHost *:80>) for clients that cannot speak TLS.",
		Confirm:     "curl -v https://host:PORT/",
	},
	// HAProxy: a bind with ssl and no crt.
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"no ssl certificate specified for bind"},
		Title:       "HAProxy: a bind line has ssl but no certificate",
		Explanation: "A bind with the ssl keyword needs a certificate: crt (a PEM file or a directory of them) or crt-list. HAProxy refuses the configuration without one.",
		Fix:         "Give the bind its certificate (certificate, intermediates and key in one PEM file):\n  bind :443 ssl crt /etc/haproxy/certs/site.pem\nor a list of them:\n  bind :443 ssl crt-list /etc/haproxy/crt-list.txt",
		Confirm:     "haproxy -c -f /etc/haproxy/haproxy.cfg",
	},
	// Apache's words for a certificate or key file it could not use.
	{
		ID: KeyLoadFailed, Kind: "client",
		Match:       []string{"ah02564", "failed to configure encrypted (?) private key"},
		Title:       "Apache could not use an encrypted private key",
		Explanation: "SSLCertificateKeyFile holds a key protected by a passphrase and mod_ssl got no (or a wrong) passphrase for it: Apache started without a terminal (systemd, a container), or SSLPassPhraseDialog is not set up.",
		Fix:         "Remove the passphrase from the key (keep it readable by root only), or set SSLPassPhraseDialog to a program that prints it:\n  openssl pkey -in server.key -out server-nopass.key\n  chmod 600 server-nopass.key",
		Confirm:     "apachectl -t",
	},
	{
		ID: KeyLoadFailed, Kind: "client",
		Match:       []string{"ah02203", "private key not found"},
		Title:       "Apache found no private key for the certificate",
		Explanation: "mod_ssl has a certificate for this virtual host but no private key: SSLCertificateKeyFile is missing (and SSLCertificateFile holds no key), points at the certificate again, or the key file is not PEM.",
		Fix:         "Point SSLCertificateKeyFile at the key of this certificate and check it is one:\n  openssl pkey -noout -in server.key\n  openssl x509 -noout -pubkey -in server.crt | sha256sum\n  openssl pkey -pubout -in server.key | sha256sum",
		Confirm:     "apachectl -t",
	},
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"does not exist or is empty"},
		Within:      []string{"sslcertificate", "sslca", "ah02"},
		Title:       "Apache: a certificate or key file named in its configuration does not exist or is empty",
		Explanation: "The file the SSLCertificateFile, SSLCertificateKeyFile or SSLCACertificateFile directive names is not there or is empty. Three causes: (1) a wrong path, or one that was never filled in (a template's placeholder, an example path copied from a guide); (2) the file was never made or was moved: a certificate request (certbot, acme.sh) that failed or a renewal that moved it; (3) it is there for another user or mount: a volume not mounted in the container, or a file Apache cannot read at start-up.",
		Fix:         "Check the path in the directive and the file:\n  ls -l /path/from/the/line\n  openssl x509 -noout -subject -in /path/from/the/line\nthen test the configuration:\n  apachectl -t",
		Confirm:     "apachectl -t",
	},
	// Apache's own words for a key that does not match its certificate.
	{
		ID: LogKeyMismatch, Kind: "client",
		Match:       []string{"ah02565", "do not match"},
		Within:      []string{"certificate and private key"},
		Title:       "Apache: SSLCertificateKeyFile is not the key of SSLCertificateFile",
		Explanation: "Apache found that the private key in SSLCertificateKeyFile does not belong to the certificate in SSLCertificateFile for this virtual host: files from different renewals, or the two directives pointing at the wrong files.",
		Fix:         "Compare the two public keys (the sums must be equal) and point both directives at the matching pair:\n  openssl x509 -noout -pubkey -in server.crt | sha256sum\n  openssl pkey -pubout -in server.key | sha256sum",
		Confirm:     "apachectl -t",
	},
	// curl (libcurl) built on the system TLS of macOS or Windows.
	{
		ID: KeyLoadFailed, Kind: "client",
		Match:       []string{"can't load the certificate", "failed to import cert file", "requires a password", "is ignored by secure transport"},
		Title:       "curl on Secure Transport (macOS) or Schannel (Windows) could not load the client certificate",
		Explanation: "A curl or libcurl built on the system's TLS library does not read PEM certificates and keys the way one built on OpenSSL does: Secure Transport and Schannel want the certificate and key together in a PKCS#12 (.p12/.pfx) file, with its password. A certificate nobody gave on the command line comes from ~/.curlrc, which curl reads on every run (Homebrew's downloads and scripts included; -q as the first option skips it).",
		Fix:         "Bundle the certificate and key into PKCS#12 and pass it with its password:\n  openssl pkcs12 -export -in client.crt -inkey client.key -out client.p12\n  curl --cert-type P12 --cert client.p12:PASSWORD https://host/\nor use a curl built with OpenSSL.",
		Confirm:     "curl -V",
	},
	// urllib3's own name check ("Certificate did not match expected
	// hostname: NAME. Certificate: {...}").
	{
		ID: ServerHostnameMismatch, Kind: "client", Side: "client",
		Match:       []string{"certificate did not match expected hostname"},
		Title:       "The Python client connected by a name the server's certificate does not carry (urllib3)",
		Explanation: "urllib3 (under requests, Elasticsearch's and many other Python clients) compared the host name it was given with the certificate's names, which the line lists after `Certificate:`: the client is configured with another name than the certificate's (a short name, an IP address, a container's or service's name, localhost), or the certificate lacks a subjectAltName for the name the clients use.",
		Fix:         "Connect by a name the certificate lists (the client's host setting, everywhere it is repeated), or reissue the certificate with the name used, in its -extfile:\n  subjectAltName=DNS:es1.example.com,DNS:es1",
		Confirm:     "openssl s_client -connect host:9200 -servername host </dev/null 2>/dev/null | openssl x509 -noout -text | grep -A1 'Subject Alternative Name'",
	},
	// Android's client after the server closed the handshake.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"sslhandshakeexception: connection closed by peer"},
		Title:       "The server closed the connection during the Android app's TLS handshake",
		Explanation: "Android's TLS (Conscrypt) says so when the server ended the handshake without an alert. Most often they share no TLS version or cipher suite: an old server (TLS 1.0 only, or DHE suites only, which Android 8.0 and later no longer offer) against a new Android, or a new server against Android 4.x (TLS 1.2 off by default); else the server wanted a client certificate the app did not send, or it chooses its certificate by SNI and got no name.",
		Fix:         "See what the server takes, and offer it from the app (or modernise the server: TLS 1.2 with ECDHE suites):\n  openssl s_client -connect host:465 -tls1_2 </dev/null\n  nmap --script ssl-enum-ciphers -p 465 host",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null",
	},
	// A client's handshake cut by a TCP reset (kafka-python, Python's
	// and other clients' words).
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"connection reset by peer"},
		Within:      []string{"handshake failed:", "handshake failed (", "ssl handshake failed", "tls handshake failed"},
		Without:     []string{"while ssl handshaking", "handshake error from", "nginx"},
		Title:       "The connection was reset during the TLS handshake",
		Explanation: "The other side, or something in between, closed the TCP connection in the middle of the handshake without a TLS alert. For a client, the common causes: no SNI sent (a client option or release that leaves it out, or an IP address given) to a front end that routes or picks its certificate by name (a Kubernetes ingress or Strimzi listener with TLS passthrough, an SNI proxy, a CDN); no TLS version or cipher in common with a server that resets instead of alerting; a firewall or security product that cuts TLS to some hosts, or a device that cannot take the larger hello of post-quantum key exchange (X25519Kyber768 from Go 1.23, X25519MLKEM768 from Go 1.24, OpenSSL 3.5 and Chrome 131; for a Go program GODEBUG=tlskyber=0 or tlsmlkem=0 shows it); a port that does not speak TLS; a server that requires a client certificate and closes without one.",
		Fix:         "Compare a handshake with and without the name, and see what the server takes:\n  openssl s_client -connect host:9093 -servername host </dev/null\n  openssl s_client -connect host:9093 -noservername </dev/null\nIf only the first works, make the client send SNI (its hostname check or server-name option, or a release that sends it) and connect by name.",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null",
	},
	// A client's own sentence for a refused server certificate (monitoring
	// plugins, vendor tools).
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client", Fallback: true,
		Match:       []string{"certificate validation failed", "ssl certificate verification failed for"},
		Title:       "The client refused the server's certificate",
		Explanation: "A client program (a monitoring plugin, a vendor's tool or library) checked the server's certificate and refused it, in its own words. Against an appliance or management interface (Proxmox, vCenter or ESXi, a NAS, iDRAC, iLO or another BMC, a router) it is most often the self-signed certificate the device made for itself; else a private CA the client does not have, a name the certificate lacks (an IP address), or an expired certificate.",
		Fix:         "Give the client the device's CA (or its self-signed certificate) through its CA option, or put a certificate from your CA on the device; the program's insecure option (-k, --insecure, verify=false) only knowingly, for a device you trust on the path. See what the device presents:\n  openssl s_client -connect host:8006 -showcerts </dev/null",
		Confirm:     serverVerdictConfirm,
	},
	// requests' SSLError cut before its reason.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client", Fallback: true,
		Match:       []string{"requests.exceptions.sslerror: httpsconnectionpool("},
		Title:       "Python's requests could not complete TLS with the server (the reason follows the line)",
		Explanation: "requests raises SSLError for every TLS failure and names the reason after `(Caused by SSLError(`; cut before it, the most common one is CERTIFICATE_VERIFY_FAILED: a self-signed certificate (an appliance's or NAS's own, a server reached by IP address), a private CA not in certifi's bundle, which requests uses instead of the system's, or a TLS-intercepting proxy; then a host name the certificate lacks.",
		Fix:         "Read the reason at the end of the error, then give requests the CA (or the device's certificate):\n  requests.get(url, verify='/path/ca.crt')\n  REQUESTS_CA_BUNDLE=/path/ca.crt python app.py\nA library that calls requests without passing verify= needs its own CA option, or its newer release.",
		Confirm:     serverVerdictConfirm,
	},
}

// closedNoAnswer and closedNoAnswerFix tell a server's close without an
// answer, as its clients print it, checked with real Node.js and nginx
// stream servers.
const (
	closedNoAnswer = "With client certificates, the server refused the client certificate and closed without an alert or a page: nginx's stream module (ssl_verify_client in a stream {} server) always does so, and a Node.js server with requestCert and rejectUnauthorized too (it checks the certificate after the handshake and logs nothing), as real runs here showed; over TLS 1.3 other servers' refusals can arrive so too, as the client has already finished its side. " +
		"Otherwise: plain http:// sent to a port that speaks TLS (a server other than nginx's http module closes instead of answering 400), a server process that died on the request, or a proxy's or load balancer's timeout."
	closedNoAnswerFix = "Try the same request over TLS 1.2, where a refused certificate may come back as an alert with its reason, and read the server's log:\n  curl -v --tls-max 1.2 --cert client.crt --key client.key https://host/\nand check the client certificate against the CA the server trusts:\n  openssl verify -purpose sslclient -CAfile ca.crt client.crt"
)

// ClientRefusedChainText is an OpenSSL client's "certificate verify
// failed": the function in the line (1.x) or the writer shows the client's
// side, so it refused the server's certificate.
var ClientRefusedChainText = Text{ID: ServerCertUntrusted, Title: clientRefusedChainTitle, Why: clientRefusedChainWhy, Fix: clientRefusedChainFix}

// Its words, which otherEntries tell too.
const (
	clientRefusedChainTitle = "An OpenSSL client did not trust the server's certificate (certificate verify failed)"
	clientRefusedChainWhy   = "The program that wrote this is the TLS client (openssl s_client, curl, Python, PHP, Ruby or another program on OpenSSL; in 1.x spellings the function, such as tls_process_server_certificate, is the client's step that checks the server's certificate), and it refused the server's certificate, not a client certificate. " + clientTrustCauses + " The same words also stand for a host name the certificate does not carry, in a program that has OpenSSL check names (often new after an upgrade of the program, which then refuses a mail or IMAP server's shared-hosting certificate): `-verify_hostname host` makes s_client check the name too. When a browser also warns at that URL, the server's own certificate is at fault (expired, or not for that name, on someone else's server): only its owner can fix it, or the URL you use is not theirs any more."
	clientRefusedChainFix   = clientTrustFix + " For openssl s_client and curl:\n  openssl s_client -connect host:443 -servername host -CAfile ca.crt </dev/null\n  curl --cacert ca.crt https://host/"
)

// kestrelWords are the words of Kestrel's HTTPS middleware around a failed
// handshake it served. A word list.
const kestrelWords = "|failed to authenticate https connection|httpsconnectionmiddleware|httpsconnectionadapter|authenticateasserver" +
	"|kestrel"

// The story of a server that speaks only an old TLS version, told by the
// client that refused it (OpenSSL 1.1's words and OpenSSL 3's).
const (
	oldServerTitle   = "The server chose a TLS version this client refuses (an old server)"
	oldServerWhy     = "The client's OpenSSL got the server's answer in a TLS version below its own minimum: the server (or a device, or a proxy in between) speaks only TLS 1.0 or 1.1 (an old appliance, mail server, or a SQL Server 2014 or older without its TLS 1.2 updates). The client is fine; the server is old. It often starts with an upgrade of the client's system: Debian and Ubuntu set MinProtocol = TLSv1.2 in /etc/ssl/openssl.cnf, and OpenSSL 3 refuses TLS 1.0 and 1.1 below security level 0."
	oldServerFix     = "Upgrade the server to TLS 1.2 or later. Until then, let this one client accept the old version (curl: --tlsv1.0 --ciphers 'DEFAULT:@SECLEVEL=0'; Python: ctx.minimum_version = ssl.TLSVersion.TLSv1 and ctx.set_ciphers('DEFAULT:@SECLEVEL=0'); node 12 and later: node --tls-min-v1.0, or minVersion in the TLS options), rather than lowering MinProtocol for the whole system in openssl.cnf. See which version the server speaks:\n  openssl s_client -connect host:443 -tls1 -cipher 'DEFAULT:@SECLEVEL=0' </dev/null"
	oldServerConfirm = "openssl s_client -connect host:443 -tls1_2 </dev/null"
)

// The container engine refusing a registry's certificate (two entries).
const (
	registryTitle       = "The container engine does not trust the registry's certificate"
	registryExplanation = "The Docker daemon (or containerd, pulling for Kubernetes), a Go program as the client of the registry, found no trusted CA for the registry's certificate. It trusts the host's CA store (read when it starts) and, per registry, the files in /etc/docker/certs.d/HOST:PORT/, named as the registry is addressed (HOST alone for one on port 443; containerd: /etc/containerd/certs.d/HOST:PORT/). Three causes: (1) a private or self-signed CA not put there, or under a directory name other than the registry's address with its port, or added to the host's store after the daemon started (restart it); (2) the registry does not send its intermediate certificate; (3) the client is not the daemon the CA was given to: Docker Desktop's VM, a remote or managed host, BuildKit's own builder (docker buildx with the docker-container driver reads neither the daemon's certs.d nor its insecure-registries, only its buildkitd.toml), or a tool with its own bundle (kaniko's /kaniko/ssl/certs, which an old executor image keeps out of date), or a Kubernetes controller that reads image manifests itself (Tekton's pipelines controller, to find an image's entrypoint; Knative's, Flux's image reflector), which trusts only its own container image's CAs (Tekton: the config-registry-cert ConfigMap gives it the registry's CA); or an intercepting proxy re-signs the registry's traffic."
	registryFix         = "Give the daemon the registry's CA (the directory is named exactly as the registry is addressed, with its port):\n  mkdir -p /etc/docker/certs.d/registry.example.com:5000\n  cp ca.crt /etc/docker/certs.d/registry.example.com:5000/ca.crt\nand check what the registry sends:\n  openssl s_client -connect registry.example.com:5000 -showcerts </dev/null\nFor docker buildx, give the builder the CA in a buildkitd.toml ([registry.\"registry.example.com:5000\"] with ca=[\"/etc/certs/ca.crt\"]) and create it with:\n  docker buildx create --use --config buildkitd.toml"
	registryConfirm     = "curl -v --cacert ca.crt https://registry.example.com:5000/v2/"
)
