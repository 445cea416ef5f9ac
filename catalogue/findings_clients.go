package catalogue

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
		Match:       []string{"err_cert_authority_invalid", "sec_error_unknown_issuer", "mozilla_pkix_error_self_signed_cert", "sec_error_untrusted_issuer", "mozilla_pkix_error_ca_cert_used_as_end_entity"},
		Title:       "The browser does not trust the server's certificate",
		Explanation: "The browser found no trusted CA for the server's certificate. This is about the server's certificate, not a client certificate: it is self-signed or from a private CA that is not in the system's store (Firefox keeps its own store), the server does not send its intermediate certificate, or an intercepting proxy re-signs the traffic with its own CA.",
		Fix:         "Serve the full chain (server certificate, then intermediates) and check what is sent:\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null\nand for a private CA, import it into the system's (or Firefox's) trusted roots.",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | grep 'Verify return code'",
	},
	{
		ID: ServerHostnameMismatch, Kind: "client",
		Match:       []string{"err_cert_common_name_invalid", "ssl_error_bad_cert_domain"},
		Title:       "The server's certificate is not for the name in the browser's address bar",
		Explanation: "The name the browser connected to is not among the certificate's subjectAltName (SAN) entries (browsers ignore the CN): the wrong certificate is served for this name (SNI selects another server block), or the certificate lacks the name or the IP address.",
		Fix:         "Reissue the certificate with the name in its SAN, or serve the right one for it:\n  openssl x509 -noout -ext subjectAltName -in server.crt",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -ext subjectAltName",
	},
	{
		ID: ServerCertExpired, Kind: "client",
		Match:       []string{"err_cert_date_invalid", "sec_error_expired_certificate", "sec_error_expired_issuer_certificate", "mozilla_pkix_error_not_yet_valid_certificate"},
		Title:       "The browser finds the server's certificate expired or not yet valid",
		Explanation: "The server's certificate (or its issuer) is outside its validity dates by the browser's clock: it expired and was not renewed (or the server still serves the old one), or the computer's clock is wrong.",
		Fix:         "Check the dates of what the server sends, then renew and reload, or fix the clock:\n  openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -dates",
		Confirm:     "date -u",
	},
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match:       []string{"sec_error_reused_issuer_and_serial"},
		Title:       "Firefox has seen another certificate with the same issuer and serial number",
		Explanation: "Every certificate a CA issues must have its own serial number. A private CA that reissued a certificate with a fixed serial (openssl x509 -req -set_serial 01), or a CA regenerated under the same name, produces a certificate Firefox refuses because it remembers the earlier one.",
		Fix:         "Reissue with a fresh serial (openssl keeps a serial file with -CAcreateserial):\n  openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 365 -sha256 -out server.crt\nand remove the old certificate from Firefox's certificate manager.",
		Confirm:     "openssl x509 -noout -serial -issuer -in server.crt",
	},
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"ssl_error_no_cypher_overlap", "err_ssl_version_or_cipher_mismatch", "ssl_error_unsupported_version", "err_ssl_obsolete_version"},
		Title:       "The browser and the server share no TLS version or cipher",
		Explanation: "The browser offers TLS 1.2 and 1.3 with modern ciphers; the server accepts only older versions or ciphers, its certificate key does not fit any cipher they share, or it has no certificate at all for the name asked for in SNI (some servers then fail this way).",
		Fix:         "See what the server accepts for that name:\n  openssl s_client -connect host:443 -servername host -tls1_2 </dev/null\nthen give it a certificate for that name and enable current versions and ciphers; for nginx:\n  ssl_protocols TLSv1.2 TLSv1.3;",
		Confirm:     "openssl s_client -connect host:443 -servername host -tls1_3 </dev/null",
	},
	{
		ID: WrongPurpose, Kind: "client",
		Match:       []string{"err_ssl_key_usage_incompatible", "sec_error_inadequate_key_usage", "sec_error_inadequate_cert_type"},
		Title:       "The server's certificate is not allowed to be used this way (key usage)",
		Explanation: "The certificate's keyUsage or extendedKeyUsage does not allow what the handshake needs: an RSA certificate without keyEncipherment used with RSA key exchange, a certificate without digitalSignature, or an extendedKeyUsage without serverAuth (a client certificate served as a server's).",
		Fix:         "Reissue the server certificate with:\n  keyUsage=critical,digitalSignature,keyEncipherment\n  extendedKeyUsage=serverAuth",
		Confirm:     "openssl x509 -noout -ext keyUsage,extendedKeyUsage -in server.crt",
	},
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match:       []string{"err_cert_revoked", "sec_error_revoked_certificate"},
		Title:       "The browser found the server's certificate revoked",
		Explanation: "The CA's revocation data (CRL, OCSP or the browser's own lists) says the server's certificate was revoked: it was replaced, its key was exposed, or the CA revoked it in bulk.",
		Fix:         "Install the current certificate on the server (and reload it), or get a new one issued:\n  openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -serial -dates",
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
		Fix:         "Give the client the broker's CA and, if the broker requires it, its own certificate:\n  ssl.truststore.location=/etc/kafka/client.truststore.jks\n  ssl.keystore.location=/etc/kafka/client.keystore.jks",
		Confirm:     "openssl s_client -connect BROKER:9093 -servername BROKER -showcerts </dev/null",
	},
	// Docker's daemon pulling from or logging in to a registry.
	{
		ID: ServerCertUntrusted, Kind: "client", Within: []string{"daemon", "registry", "docker"},
		Match:       []string{"x509: certificate signed by unknown authority"},
		Title:       "The container engine does not trust the registry's certificate",
		Explanation: "The Docker daemon (or containerd, pulling for Kubernetes), a Go program as the client of the registry, found no trusted CA for the registry's certificate. It trusts the host's CA store (read when it starts) and, per registry, the files in /etc/docker/certs.d/HOST:PORT/ (containerd: /etc/containerd/certs.d/HOST:PORT/). A private or self-signed CA must be there, and a public registry must send its intermediate certificate.",
		Fix:         "Give the daemon the registry's CA (the directory is named exactly as the registry is addressed, with its port):\n  mkdir -p /etc/docker/certs.d/registry.example.com:5000\n  cp ca.crt /etc/docker/certs.d/registry.example.com:5000/ca.crt\nand check what the registry sends:\n  openssl s_client -connect registry.example.com:5000 -showcerts </dev/null",
		Confirm:     "curl -v --cacert ca.crt https://registry.example.com:5000/v2/",
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
	// Other TLS clients refusing a server's certificate: wget, .NET, curl on NSS.
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match: []string{"unable to locally verify the issuer's authority", "certificate, issued by", "remote certificate is invalid according to the validation procedure",
			"could not establish trust relationship", "peer's certificate issuer is not recognized", "peer certificate cannot be authenticated with given ca certificates"},
		Title:       "The client did not trust the server's certificate",
		Explanation: "A TLS client (wget, .NET, curl built with NSS, and others) checked the server's certificate against its trusted CAs and refused it. This is about the server's certificate, not a client certificate. " + clientTrustCauses,
		Fix:         clientTrustFix + " For curl:\n  curl --cacert ca.crt https://host/\nFor a self-signed certificate, trust that certificate itself on the client (for wget its --ca-certificate option; for .NET the machine's trust store).",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | grep 'Verify return code'",
	},
	// curl -v: the alert curl itself sent.
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match:       []string{"(out), tls alert, unknown ca", "(out), tls alert, bad certificate", "(out), tls alert, certificate unknown", "(out), tls alert, certificate expired"},
		Title:       "curl refused the server's certificate (the alert curl sent)",
		Explanation: "In curl -v output, (OUT) marks what curl sent: this alert is curl's verdict on the server's certificate, not the server's on a client certificate. " + clientTrustCauses,
		Fix:         clientTrustFix + " For curl:\n  curl --cacert ca.crt https://host/",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | grep 'Verify return code'",
	},
	// curl's own words for a name mismatch (OpenSSL and older builds).
	{
		ID: ServerHostnameMismatch, Kind: "client",
		Match:       []string{"no alternative certificate subject name matches target host name", "does not match target host name", "subjectaltname does not match"},
		Title:       "The server's certificate does not name the host curl connected to",
		Explanation: "curl compared the host name in the URL with the server certificate's subjectAltName (SAN) and found no match: the certificate lacks the name (or the IP address, which needs an IP entry), or another certificate is served for that name (SNI picks another server block, or a default certificate).",
		Fix:         "Use the name the certificate carries, or reissue it with the name in its SAN:\n  subjectAltName=DNS:host.example.com,IP:192.0.2.10\nand check what is served for that name:\n  openssl s_client -connect host:443 -servername host.example.com </dev/null 2>/dev/null | openssl x509 -noout -ext subjectAltName",
		Confirm:     "curl -v https://host.example.com/ 2>&1 | grep -i 'subject'",
	},
	// curl (and other programs) with Windows' Schannel.
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match:       []string{"sec_e_untrusted_root", "issued by an authority that is not trusted"},
		Title:       "Windows (Schannel) does not trust the server's certificate",
		Explanation: "curl built with Schannel, like other Windows programs, checks the server's certificate against the Windows certificate store: the CA that issued it (a private CA, an intercepting proxy's CA) is not among the Trusted Root Certification Authorities, or the server does not send its intermediate.",
		Fix:         "Import the CA into the Windows store (as administrator):\n  certutil -addstore -f Root ca.crt\nor serve the full chain on the server; with curl, a CA file also works:\n  curl --cacert ca.crt https://host/",
		Confirm:     "curl -v https://host/",
	},
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"crypt_e_no_revocation_check", "0x80092012", "revocation function was unable to check revocation", "crypt_e_revocation_offline", "0x80092013", "cert_trust_revocation_status_unknown"},
		Title:       "Schannel could not check whether the server's certificate is revoked",
		Explanation: "curl with Schannel (Windows) asks the CA's CRL or OCSP server about the certificate, and that server was not reachable: a proxy or firewall blocks it, the machine is offline, or a private CA publishes no revocation list. The certificate itself may be fine.",
		Fix:         "Let the revocation server be reached, or tell curl not to fail on it:\n  curl --ssl-revoke-best-effort https://host/\nor skip the check for a private CA without CRLs:\n  curl --ssl-no-revoke https://host/",
		Confirm:     "certutil -urlfetch -verify server.crt",
	},
	// A key that does not belong to its certificate, outside nginx's start-up.
	{
		ID: LogKeyMismatch, Kind: "client", Without: []string{"ssl_ctx_use_privatekey", "[emerg]", "nginx"},
		Within:      []string{"_ssl.c", "sslerror", "ssl error", "load_cert_chain", "client", "curl", "error:"},
		Match:       []string{"key_values_mismatch", "key values mismatch"},
		Title:       "The private key given with the certificate does not belong to it",
		Explanation: "The program (a client loading its client certificate, or a server loading its own) was given a certificate and a private key whose public keys differ: files from different renewals or requests, or the wrong key file.",
		Fix:         "Compare the two public keys (the sums must be equal) and pass the matching pair:\n  openssl x509 -noout -pubkey -in client.crt | sha256sum\n  openssl pkey -pubout -in client.key | sha256sum",
		Confirm:     keyPairCheck,
	},
	// Python's ssl module loading a certificate or key (load_cert_chain, requests' cert=).
	{
		ID: KeyLoadFailed, Kind: "client",
		Match:       []string{"[ssl] pem lib"},
		Title:       "Python could not load the certificate or key it was given",
		Explanation: "Python's ssl module (load_cert_chain, which requests' cert= and httpx use) could not read the certificate or key file as PEM: a wrong path or file, DER or PKCS#12 instead of PEM, a key that does not belong to the certificate, or an encrypted key without its password.",
		Fix:         "Check both files are PEM and belong together:\n  openssl x509 -noout -subject -in client.crt\n  openssl pkey -noout -in client.key\nthen pass them as cert=(\"client.crt\", \"client.key\").",
		Confirm:     keyPairCheck,
	},
	// node's TLS client when the server hangs up during the handshake.
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"client network socket disconnected before secure tls connection was established"},
		Title:       "The server closed the connection during node's TLS handshake",
		Explanation: "node (as the TLS client) saw the connection close before the handshake finished: the server wants a client certificate and closes when none is sent, wants SNI (servername) the client did not send, does not speak TLS on that port, or a proxy in between cut it.",
		Fix:         "Try the same endpoint by hand to see the server's side:\n  openssl s_client -connect host:443 -servername host -cert client.crt -key client.key </dev/null\nand give the node client its certificate (cert and key options) and servername if the server needs them.",
		Confirm:     "curl -v --cert client.crt --key client.key https://host/",
	},
	// Python's ssl module when the server hangs up during the handshake.
	{
		ID: HandshakeFailed, Kind: "client", Within: []string{"ssl", "_ssl.c"},
		Match:       []string{"eof occurred in violation of protocol"},
		Title:       "The server closed the connection during Python's TLS handshake",
		Explanation: "Python (as the TLS client) read end-of-file in the middle of the handshake: the server wants a client certificate and closes when none is sent (cert=), wants SNI or TLS versions the client did not offer, does not speak TLS on that port, or a proxy or firewall in between cut the connection.",
		Fix:         "See the server's side by hand, with the client certificate if it needs one:\n  openssl s_client -connect host:443 -servername host -cert client.crt -key client.key </dev/null\nthen give the Python client the same (requests: cert=(\"client.crt\", \"client.key\")).",
		Confirm:     "curl -v --cert client.crt --key client.key https://host/",
	},
	// node's name check.
	{
		ID: ServerHostnameMismatch, Kind: "client",
		Match:       []string{"err_tls_cert_altname_invalid", "does not match certificate's altnames"},
		Title:       "The server's certificate does not name the host node connected to",
		Explanation: "node compared the host it connected to (or the servername option) with the certificate's subjectAltName (SAN) entries and found no match; node ignores the CN when a SAN is present, and an IP address needs an IP entry.",
		Fix:         "Connect with a name the certificate carries (or set servername), or reissue it with the name in its SAN:\n  subjectAltName=DNS:host.example.com,IP:192.0.2.10",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -ext subjectAltName",
	},
	// Go's x509 beyond trust: key usage, IP addresses, loading a key pair.
	{
		ID: WrongPurpose, Kind: "client", Without: []string{"handshake error from"},
		Match:       []string{"x509: certificate specifies an incompatible key usage"},
		Title:       "The server's certificate is not for TLS servers (Go: incompatible key usage)",
		Explanation: "Go checks extendedKeyUsage along the whole chain: the server's certificate (or a CA above it that restricts its usages) does not allow serverAuth, e.g. a client certificate served as a server certificate.",
		Fix:         "Reissue the server certificate with:\n  extendedKeyUsage=serverAuth\nand check it (SSL server : Yes):\n  openssl x509 -noout -purpose -in server.crt",
		Confirm:     "openssl x509 -noout -ext extendedKeyUsage -in server.crt",
	},
	{
		ID: ServerHostnameMismatch, Kind: "client",
		Match:       []string{"because it doesn't contain any ip sans"},
		Title:       "The client connected by IP address and the certificate has no IP in its SAN (Go)",
		Explanation: "Connecting to an IP address, Go looks for that address among the certificate's IP subjectAltName entries; a certificate with only DNS names (or only a CN) never matches an IP.",
		Fix:         "Connect by a name the certificate carries, or reissue it with the address:\n  subjectAltName=DNS:host.example.com,IP:192.0.2.10",
		Confirm:     "openssl x509 -noout -ext subjectAltName -in server.crt",
	},
	{
		ID: LogKeyMismatch, Kind: "client",
		Match:       []string{"tls: private key does not match public key"},
		Title:       "The Go program's private key does not belong to its certificate",
		Explanation: "tls.LoadX509KeyPair (or X509KeyPair) was given a certificate and a key whose public keys differ: files from different requests or renewals, or the certificate file starts with a CA instead of its own certificate.",
		Fix:         "Compare the two public keys (the sums must be equal) and pass the matching pair:\n  openssl x509 -noout -pubkey -in tls.crt | sha256sum\n  openssl pkey -pubout -in tls.key | sha256sum",
		Confirm:     keyPairCheck,
	},
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"tls: failed to find any pem data in certificate input", "tls: failed to find \"certificate\" pem block", "tls: failed to find any pem data in key input", "tls: failed to find pem block with type ending in \"private key\""},
		Title:       "The Go program found no PEM of the right kind in its certificate or key file",
		Explanation: "tls.LoadX509KeyPair reads PEM: the file is empty, DER or PKCS#12, or holds the other kind (the certificate and key paths swapped: the message lists the block types it skipped).",
		Fix:         "See what each file holds, and pass the certificate first and the key second:\n  grep -- '-----BEGIN' tls.crt tls.key",
		Confirm:     "openssl x509 -noout -subject -in tls.crt",
	},
	// Java (JSSE) beyond its alerts.
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"no appropriate protocol (protocol is disabled or cipher suites are inappropriate)", "no appropriate protocol"},
		Title:       "Java has no TLS version or cipher it may use with this peer",
		Explanation: "JSSE found nothing it is allowed to offer: TLS 1.0 and 1.1 (and weak ciphers) are disabled by jdk.tls.disabledAlgorithms in java.security since JDK 8u291 and 11.0.11, so an old server or client that speaks only them fails, or the application restricts its protocols or ciphers too far.",
		Fix:         "Upgrade the peer to TLS 1.2 or later; only if that is impossible, re-enable the old protocol in java.security (jdk.tls.disabledAlgorithms), and check the application's protocol settings:\n  openssl s_client -connect host:443 -tls1_2 </dev/null",
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
		Explanation: "Older Apache HttpClient and JSSE code report `peer not authenticated` when the handshake ended without a verified server certificate: the trust store lacks the server's CA, or the handshake failed earlier (no SNI or no shared TLS version with an old JDK).",
		Fix:         "Import the server's CA into the trust store the JVM uses:\n  keytool -importcert -alias server-ca -file ca.crt -keystore truststore.jks\nand run with -Djavax.net.debug=ssl:handshake to see the real failure.",
		Confirm:     "openssl s_client -connect host:443 -servername host -showcerts </dev/null",
	},
	// The openssl command itself loading files (OpenSSL 3 words).
	{
		ID: CertLoadFailed, Kind: "client",
		Match: []string{"could not open file or uri for loading", "could not read certificate from", "could not read private key from",
			"unable to load client certificate private key file", "unregistered scheme", "file_open:no such file or directory"},
		Title:       "The openssl command could not open or read a certificate or key file",
		Explanation: "OpenSSL's command line tool could not load the file it was given: the path is wrong (relative to the current directory) or unreadable, the file is not PEM (DER needs -inform DER, PKCS#12 needs openssl pkcs12), or the key is encrypted and needs -passin. OpenSSL 3 reports a missing file as `unregistered scheme` next to `No such file or directory`.",
		Fix:         "Check the path and what the file holds:\n  ls -l client.crt\n  head -1 client.crt",
		Confirm:     "openssl x509 -noout -subject -in client.crt",
	},
	{
		ID: VerifyError, Kind: "client", Within: []string{"error "},
		Match:       []string{": verification failed"},
		Title:       "openssl verify could not verify the certificate",
		Explanation: "This is openssl verify's summary line; the `error N at D depth lookup: ...` line printed just before it names the reason (N is the verify code: 20 or 2 is a missing issuer in -CAfile or -untrusted, 10 expired, 26 wrong purpose).",
		Fix:         "Rerun with the CA and the intermediates given separately, and read the line before the summary:\n  openssl verify -CAfile ca.crt -untrusted intermediate.crt client.crt",
		Confirm:     "openssl verify -show_chain -CAfile ca.crt -untrusted intermediate.crt client.crt",
	},
	// Windows' Schannel event 36888: the alert this machine sent.
	{
		ID: TLSAlert, Kind: "client",
		Match:       []string{"fatal alert was generated and sent to the remote endpoint"},
		Title:       "Windows (Schannel) ended a TLS handshake with an alert it sent",
		Explanation: "Event 36888 is this machine's own alert, by a process using Schannel (IIS, a .NET service, RDP, a Windows client). 40 (handshake_failure) or 70 (protocol_version): the other side offered no version or cipher this machine allows (TLS 1.0/1.1 disabled, old ciphers off); 42, 46 or 48: it refused the certificate it was shown; 80 (internal_error): often no usable certificate or key for the name asked for.",
		Fix:         "Find which process and peer it was (Schannel logging, the event's time), then for 40 or 70 compare the TLS versions and ciphers both sides allow, and for 42, 46 or 48 check the certificate the other side sends against this machine's trusted roots:\n  certutil -verify -urlfetch peer.crt",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null",
	},
	// Apache's start-up and renegotiation words.
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"ah02572", "failed to configure at least one certificate and key"},
		Title:       "Apache could not set up a certificate and key for a virtual host",
		Explanation: "mod_ssl found no usable certificate/key pair for this virtual host: SSLCertificateFile or SSLCertificateKeyFile is missing, unreadable, not PEM, or the key does not belong to the certificate. The mod_ssl line just before (AH02565, AH02203, AH02579...) names which.",
		Fix:         "Check both directives of that virtual host and the pair itself:\n  openssl x509 -noout -pubkey -in server.crt | sha256sum\n  openssl pkey -pubout -in server.key | sha256sum\nthen test the configuration:\n  apachectl -t",
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
		Match:       []string{"can't load the certificate", "failed to import cert file", "requires a password"},
		Title:       "curl on Secure Transport (macOS) or Schannel (Windows) could not load the client certificate",
		Explanation: "A curl or libcurl built on the system's TLS library does not read PEM certificates and keys the way one built on OpenSSL does: Secure Transport and Schannel want the certificate and key together in a PKCS#12 (.p12/.pfx) file, with its password.",
		Fix:         "Bundle the certificate and key into PKCS#12 and pass it with its password:\n  openssl pkcs12 -export -in client.crt -inkey client.key -out client.p12\n  curl --cert-type P12 --cert client.p12:PASSWORD https://host/\nor use a curl built with OpenSSL.",
		Confirm:     "curl -V",
	},
}
