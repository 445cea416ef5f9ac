package catalogue

// This file holds the entries for what servers and clients other than
// nginx write (Apache, HAProxy, envoy, Go, Java, curl) and for the OpenSSL
// reasons that users meet most, told whoever wrote them.

// otherWriterEntries are explained in their writer's terms (Own).
var otherWriterEntries = []Entry{
	// Apache httpd (mod_ssl).
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"provided via sni and hostname"},
		Title:       "Apache refused a request whose Host is not the TLS SNI name (421 Misdirected Request)",
		Explanation: "The client (often a proxy in front of Apache) opened TLS with one name in SNI and then sent a request for another Host, whose virtual host has different TLS settings; Apache answers 421. Proxies that reuse one backend connection for several sites, or that send no SNI or a fixed one, cause it; old clients without SNI land on the first virtual host of the port.",
		Fix:         "Make the proxy in front send the request's Host as SNI and not share connections across names; nginx:\n  proxy_ssl_server_name on;\n  proxy_ssl_name $host;\nHAProxy, on the server line:\n  server app1 10.0.0.5:443 ssl sni req.hdr(host)\nOr give the virtual hosts on that address the same TLS settings.",
		Confirm:     "openssl s_client -connect host:443 -servername www.example.com </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"re-negotiation handshake failed", "re-negotiation request failed", "cannot perform post-handshake authentication", "ah02261", "ah02225"},
		Title:       "Apache could not ask for the client certificate in a renegotiation",
		Explanation: "SSLVerifyClient inside a <Location> or <Directory> makes Apache ask for the client certificate only when such a URL is requested, by renegotiating the connection (TLS 1.2) or by post-handshake authentication (TLS 1.3). Many clients refuse both: HTTP/2, TLS 1.3 clients without post-handshake auth, node, Go, curl with some back-ends.",
		Fix:         "Ask for the certificate in the first handshake: put SSLVerifyClient (require, or optional with a check per location) in the <VirtualHost>, not in <Location>/<Directory>:\n  SSLVerifyClient optional\n  SSLVerifyDepth 2\nthen reload Apache.",
		Confirm:     "openssl s_client -connect host:443 -cert client.crt -key client.key </dev/null",
	},
	{
		ID: WrongPurpose, Kind: "client",
		Match:       []string{"server certificate is a ca certificate"},
		Title:       "Apache's SSLCertificateFile starts with a CA certificate",
		Explanation: "The first certificate in Apache's SSLCertificateFile has CA:TRUE: the CA (or the chain in the wrong order) was given instead of the server's own certificate, or a self-made CA is used as the server certificate. Clients refuse it or see the wrong names.",
		Fix:         "Put the server's own (leaf) certificate first in SSLCertificateFile, followed by its intermediates:\n  cat server.crt intermediate.crt > /etc/ssl/server-chain.crt\nand make SSLCertificateKeyFile its key; then reload Apache.",
		Confirm:     "openssl x509 -noout -subject -ext basicConstraints -in /etc/ssl/server-chain.crt",
	},
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"ssl library error 1 reading data", "ssl input filter read failed", "end of file found"},
		Title:       "A client closed its TLS connection to Apache abruptly",
		Explanation: "Apache read end-of-file from a client that closed without a TLS close_notify (browsers, monitoring checks, clients that time out); it logs it at info level.",
		Fix:         "Nothing, unless clients report failures; then look at the client's side of the same connection:\n  curl -v https://host/",
		Confirm:     "curl -sv https://host/ -o /dev/null",
	},
	// Android (Conscrypt) and Chromium's network stack.
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"failure in ssl library, usually a protocol error"},
		Title:       "Android's TLS client saw the handshake fail (Failure in SSL library)",
		Explanation: "Android's Conscrypt says so when the server aborted the handshake with an alert; the OpenSSL-style reason after it, when present, names the alert. Against a server that requires a client certificate it usually means the app sent no certificate or one the server does not accept.",
		Fix:         "Check that the app presents its client certificate (a KeyManager with the key and certificate), and that its issuer is in the server's CA list:\n  openssl s_client -connect host:443 </dev/null",
		Confirm:     probeCmd,
	},
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"ssl_client_socket_impl.cc"},
		Title:       "Chromium's network stack logged a failed handshake",
		Explanation: "Chromium (and Electron apps) log every failed handshake here, with net_error naming the reason (-200 to -219 are certificate errors, -107 a protocol error, -110 a client certificate was needed, -117 the client certificate was refused). Apps that verify a self-signed server themselves trigger it before their own check succeeds, so it is harmless when the app works.",
		Fix:         "If the app works, nothing. Otherwise look up the net_error number and check the server:\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null",
	},
	// OpenSSL tools: dates out of range.
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"error getting time"},
		Title:       "OpenSSL could not compute a certificate date",
		Explanation: "`openssl req -x509` or `openssl x509 -req` could not turn -days into a notAfter date: the date lies beyond what the system time type holds (2038 on 32-bit systems) or beyond 9999. No certificate was written, so servers that load it then fail to start.",
		Fix:         "Use fewer days (until 2037 on 32-bit systems):\n  openssl req -x509 -newkey rsa:2048 -nodes -days 3650 -keyout server.key -out server.crt -subj '/CN=host'",
		Confirm:     "openssl x509 -noout -dates -in server.crt",
	},
	// Go servers: plain HTTP on a TLS port.
	{
		ID: PlainHTTP, Kind: "client", Within: []string{"handshake error from", "serving connection", "handshake from"},
		Match:       []string{"first record does not look like a tls handshake"},
		Title:       "A client spoke plain HTTP to the Go server's TLS port",
		Explanation: "The Go TLS server read bytes that are not a TLS ClientHello: a client using http:// (or ws://) against the https:// port, a health check without TLS, or a scanner. Usually harmless when it is one address now and then.",
		Fix:         "Point the client at https:// (wss://), or give plain HTTP its own port; for health checks, enable TLS in the check:\n  curl -v https://host:port/",
		Confirm:     "curl -sv http://host:port/ -o /dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "client", Without: []string{"handshake error from", "serving connection", "handshake from"},
		Match:       []string{"first record does not look like a tls handshake"},
		Title:       "The Go client got an answer that is not TLS",
		Explanation: "A Go client (an HTTP or gRPC client, kubectl, docker) sent its TLS ClientHello and read back bytes that are not TLS: the server speaks plain HTTP (or plaintext gRPC) on that port, or a proxy in between answered in clear text.",
		Fix:         "Use the scheme the server speaks on that port (http://; for gRPC, insecure transport credentials or the server's TLS port), and check proxies in between:\n  curl -v http://host:port/",
		Confirm:     "curl -sv https://host:port/ -o /dev/null",
	},
	// HAProxy as a client of its servers.
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match:       []string{"verify is enabled by default but no ca file specified"},
		Title:       "HAProxy verifies a backend's certificate but has no CA file for it",
		Explanation: "A `server ... ssl` line verifies the backend's certificate by default (verify required), yet names no ca-file to check it against, so HAProxy refuses the configuration or every backend handshake.",
		Fix:         "Give the server line the CA that issued the backend's certificate:\n  server app1 10.0.0.5:443 ssl verify required ca-file /etc/haproxy/backend-ca.pem\nor, on a network you trust, say so explicitly:\n  server app1 10.0.0.5:443 ssl verify none",
		Confirm:     "openssl s_client -connect 10.0.0.5:443 -CAfile /etc/haproxy/backend-ca.pem </dev/null",
	},
	// Browsers.
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"err_ssl_protocol_error"},
		Title:       "Chrome could not complete the TLS handshake (ERR_SSL_PROTOCOL_ERROR)",
		Explanation: "Chrome's catch-all for a broken handshake. With mutual TLS it usually means the server asked for a client certificate and the browser had none to send (not imported into the browser's or system's store), and the server aborted; otherwise plain HTTP on the HTTPS port, or no TLS version or cipher in common.",
		Fix:         "Import the client certificate with its key into the system (or browser) certificate store, as PKCS#12:\n  openssl pkcs12 -export -in client.crt -inkey client.key -certfile ca.crt -out client.p12\nthen check what the server wants:\n  openssl s_client -connect host:443 </dev/null",
		Confirm:     probeCmd,
	},
	{
		ID: PlainHTTP, Kind: "client",
		Match:       []string{"ssl_error_rx_record_too_long"},
		Title:       "The HTTPS port answered in plain HTTP (SSL_ERROR_RX_RECORD_TOO_LONG)",
		Explanation: "Firefox got an HTTP response where a TLS record should be: the server's port does not speak TLS (nginx `listen 443;` without `ssl`, a proxy forwarding to the http port).",
		Fix:         "Turn TLS on for the port (nginx):\n  listen 443 ssl;\nthen reload and check with:\n  curl -v https://host/",
		Confirm:     "curl -sv http://host:443/ -o /dev/null",
	},
	// BoringSSL (envoy) and OpenSSL: no signature algorithm in common.
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"no_common_signature_algorithms", "no common signature algorithms"},
		Title:       "No signature algorithm in common with the client",
		Explanation: "The client offered no signature algorithm the server's certificate key can sign with (an old client, a scanner, or an RSA-only or ECDSA-only key against a client that wants the other).",
		Fix:         "If known clients fail, serve a certificate with a key type they support (RSA 2048 is the widest), or add one:\n  openssl req -new -newkey rsa:2048 -nodes -keyout server.key -out server.csr",
		Confirm:     "openssl s_client -connect host:443 -sigalgs RSA-PSS+SHA256 </dev/null",
	},
	{
		ID: StaplingFailed, Kind: "client",
		Match:       []string{"ssl_stapling_init_cert", "unable to configure server certificate for stapling"},
		Title:       "Apache cannot staple OCSP for its certificate",
		Explanation: "mod_ssl could not find the issuer of its server certificate (or an OCSP URL in it), so SSLUseStapling cannot work. Handshakes still go on without a stapled answer.",
		Fix:         "Put the intermediate in SSLCertificateFile after the server certificate (or in SSLCACertificateFile), or turn stapling off:\n  SSLUseStapling off",
		Confirm:     "openssl x509 -noout -ocsp_uri -in server.crt",
	},
	{
		ID: ServerHostnameMismatch, Kind: "client",
		Match:       []string{"does not include an id which matches the server name"},
		Title:       "Apache's certificate does not carry the ServerName",
		Explanation: "mod_ssl warns at start-up that the server certificate's subjectAltName (SAN) does not hold this virtual host's ServerName; clients that use that name will refuse it.",
		Fix:         "Reissue the certificate with the name, or fix ServerName:\n  subjectAltName=DNS:host.example.com",
		Confirm:     "openssl x509 -noout -ext subjectAltName -in server.crt",
	},
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"ssl library error 1 in handshake"},
		Title:       "Apache: a client's TLS handshake failed",
		Explanation: "mod_ssl logs this at info level for any failed handshake; the OpenSSL line after it (SSL Library Error: ...) names the reason. With SSLVerifyClient require it is often a client that sent no certificate or one from another CA.",
		Fix:         "Raise the level to see the reason:\n  LogLevel ssl:debug\nand check the client certificate against SSLCACertificateFile:\n  " + verifyClient,
		Confirm:     probeCmd,
	},
	// HAProxy.
	{
		ID: HandshakeFailed, Kind: "client", Within: []string{"layer6"},
		Match:       []string{"ssl handshake failure"},
		Title:       "HAProxy's health check could not finish a TLS handshake with the server",
		Explanation: "HAProxy, as the client of its backend (check-ssl), failed the handshake: the backend wants SNI, a client certificate, or versions HAProxy does not offer, or does not speak TLS on that port.",
		Fix:         "On the server line, send the name and, if the backend requires it, a client certificate:\n  server app1 10.0.0.1:443 ssl verify required ca-file /etc/haproxy/backend-ca.pem sni str(app.example.com) check-sni app.example.com crt /etc/haproxy/client.pem check",
		Confirm:     "openssl s_client -connect 10.0.0.1:443 -servername app.example.com </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "client", Within: []string{"haproxy", "]", "/"}, Without: []string{"layer6", "ssl routines"},
		Match:       []string{": ssl handshake failure"},
		Title:       "HAProxy: a client's TLS handshake failed",
		Explanation: "HAProxy logs `SSL handshake failure` for any client whose handshake failed on a bind with ssl. With `verify required` the client sent no certificate or one HAProxy's ca-file does not verify; otherwise no shared version or cipher, or a scanner. One address now and then is usually harmless.",
		Fix:         "Log the reason with the error fetches in the log-format:\n  log-format \"%ci:%cp [%tr] %ft %[ssl_fc_err_str] %[ssl_c_err] %[ssl_c_ca_err]\"\nand check the client's certificate against the bind's ca-file:\n  " + verifyClient,
		Confirm:     probeCmd,
	},
	// Apache's proxy to an https:// backend (mod_proxy with mod_ssl).
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"ssl proxy requested for", "failed to enable ssl support for", "ah00961"},
		Title:       "Apache proxies to an https:// backend without SSLProxyEngine",
		Explanation: "ProxyPass (or a RewriteRule [P]) names an https:// backend, but the virtual host does not enable TLS for proxy connections, so Apache cannot open the backend connection.",
		Fix:         "Enable TLS to backends in that virtual host, and trust the backend's CA:\n  SSLProxyEngine on\n  SSLProxyCACertificateFile /etc/apache2/backend-ca.pem",
		Confirm:     "apachectl -t",
	},
	{
		ID: HandshakeFailed, Kind: "client", Within: []string{"[proxy", "proxy:"},
		Match:       []string{"ah01084", "ah01097", "pass request body failed"},
		Title:       "Apache could not send the request to its backend",
		Explanation: "mod_proxy failed on the connection to the backend. With an https:// backend this is usually its TLS handshake: the backend's certificate is not trusted (SSLProxyVerify require without its CA in SSLProxyCACertificateFile, or a self-signed one), its name does not match (SSLProxyCheckPeerName), or the backend wants a client certificate (SSLProxyMachineCertificateFile).",
		Fix:         "Raise the log level for the backend connection to see the TLS reason:\n  LogLevel proxy:debug ssl:info\nthen trust the backend's CA:\n  SSLProxyCACertificateFile /etc/apache2/backend-ca.pem",
		Confirm:     "openssl s_client -connect BACKEND:PORT -servername backend.example.com </dev/null",
	},
	// HAProxy's start-up errors about a bind's crt file.
	{
		ID: KeyLoadFailed, Kind: "client",
		Match:       []string{"unable to load ssl private key from pem file"},
		Title:       "HAProxy found no private key for a crt file",
		Explanation: "HAProxy reads a bind's certificate and its private key from the one PEM file named by crt (2.2 and later also from a file of the same name ending in .key beside it). It found no key it could read there: the key was left out when the PEM was assembled, it is encrypted, or the file is missing or unreadable.",
		Fix:         "Put the certificate, its chain and its private key into the crt file:\n  cat server.crt intermediate.crt server.key > /etc/haproxy/certs/site.pem\nthen check the configuration:\n  haproxy -c -f /etc/haproxy/haproxy.cfg",
		Confirm:     "grep -c 'PRIVATE KEY' /etc/haproxy/certs/site.pem",
	},
	{
		ID: LogKeyMismatch, Kind: "client",
		Match:       []string{"inconsistencies between private key and certificate loaded"},
		Title:       "HAProxy: the private key in a crt file does not belong to its certificate",
		Explanation: "The private key HAProxy loaded with a bind's crt file does not match the certificate in it: files from different renewals were put together, or a tool wrote the PEM in another order than the key expects.",
		Fix:         "Compare the two public keys (the sums must be equal):\n  openssl x509 -noout -pubkey -in site.pem | sha256sum\n  openssl pkey -pubout -in site.pem | sha256sum\nand assemble the PEM from the certificate and its own key.",
		Confirm:     "haproxy -c -f /etc/haproxy/haproxy.cfg",
	},
	{
		ID: CertLoadFailed, Kind: "client", Within: []string{"parsing [", "haproxy", "crt"},
		Match:       []string{"unable to load ssl certificate", "unable to load certificate chain from file", "unable to load certificate from file"},
		Title:       "HAProxy could not load a crt file",
		Explanation: "HAProxy could not read the certificate (or its chain) of a bind's crt or crt-list entry: the file is missing or not PEM, a certificate in it is refused by this OpenSSL (a SHA-1 or short key below the security level after an upgrade), or the chain holds the same CA twice (OpenSSL 1.0.2).",
		Fix:         "Check each certificate of the file:\n  openssl crl2pkcs7 -nocrl -certfile /etc/haproxy/certs/site.pem | openssl pkcs7 -print_certs -noout\nthen check the configuration:\n  haproxy -c -f /etc/haproxy/haproxy.cfg",
		Confirm:     "openssl x509 -noout -text -in /etc/haproxy/certs/site.pem",
	},
	// envoy (BoringSSL).
	{
		ID: ServerCertUntrusted, Kind: "client", Within: []string{"tls error", "tls_error"},
		Match:       []string{"certificate_verify_failed"},
		Title:       "envoy did not trust its upstream's certificate",
		Explanation: "envoy, as the client of an upstream cluster, checked the upstream's certificate against the cluster's validation_context and it did not verify: the CA is not in trusted_ca, or the name does not match match_subject_alt_names.",
		Fix:         "In the cluster's transport_socket (UpstreamTlsContext), trust the upstream's CA and send its name:\n  common_tls_context: { validation_context: { trusted_ca: { filename: /etc/envoy/upstream-ca.pem } } }\n  sni: backend.example.com",
		Confirm:     "openssl s_client -connect BACKEND:443 -servername backend.example.com -CAfile upstream-ca.pem </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "client", Within: []string{"tls error", "tls_error"},
		Match:       []string{"wrong_version_numbe", "wrong version numbe"},
		Title:       "envoy spoke TLS to an upstream that does not",
		Explanation: "envoy's cluster has a TLS transport_socket, but the upstream answered in plain text (an HTTP port, or a sidecar that already terminates TLS).",
		Fix:         "Remove the cluster's transport_socket for a plain upstream, or point it at the upstream's TLS port.",
		Confirm:     "curl -v http://BACKEND:PORT/",
	},
	{
		ID: HandshakeFailed, Kind: "client", Fallback: true, Within: []string{"tls", "ssl"},
		Match:       []string{"upstream connect error", "transport failure reason"},
		Title:       "envoy could not finish a TLS handshake with its upstream",
		Explanation: "envoy, as the client of an upstream cluster, failed the handshake; the reason after `TLS error:` is BoringSSL's. The cluster's transport_socket decides what envoy sends and trusts: the upstream may want a client certificate (tls_certificates), SNI, or versions and ciphers envoy does not offer, or may not speak TLS at all.",
		Fix:         "Check the cluster's transport_socket (UpstreamTlsContext) against what the upstream needs:\n  common_tls_context: { tls_certificates: [...], validation_context: { trusted_ca: { filename: /etc/envoy/upstream-ca.pem } } }\n  sni: backend.example.com",
		Confirm:     "openssl s_client -connect BACKEND:443 -servername backend.example.com -cert client.crt -key client.key </dev/null",
	},
	// Go.
	{
		ID: TLSAlert, Kind: "client", Within: []string{"handshake error from", "handshake from"},
		Match:       []string{"remote error:"},
		Title:       "A client refused this Go server's certificate",
		Explanation: "A Go server logged that a client (the address in the line) ended the handshake with an alert: the client's complaint about the server's own certificate (it does not trust the CA, or the name is not in the certificate's subjectAltName, SAN). It is not about a client certificate.",
		Fix:         "Make the clients trust the server's CA (curl --cacert, RootCAs), serve the intermediates with the server certificate, and put the name clients use in its SAN:\n  openssl x509 -noout -ext subjectAltName -in server.crt",
		Confirm:     "openssl s_client -connect host:443 -servername host -showcerts </dev/null",
	},
	{
		ID: NotACA, Kind: "client",
		Match:       []string{"parent certificate cannot sign this kind of certificate", "x509: invalid signature: parent certificate"},
		Title:       "The issuing certificate is not a CA (Go)",
		Explanation: "Go found the certificate's issuer but refused it as a CA: it lacks basicConstraints CA:TRUE or keyCertSign in keyUsage, so it may not sign certificates.",
		Fix:         "Reissue the CA certificate with these lines in its -extfile:\n  basicConstraints=critical,CA:TRUE\n  keyUsage=critical,keyCertSign,cRLSign",
		Confirm:     "openssl x509 -noout -ext basicConstraints,keyUsage -in ca.crt",
	},
	// Java.
	{
		ID: NoClientCert, Kind: "client",
		Match:       []string{"no suitable certificate found - continuing without client authentication", "no suitable certificate found"},
		Title:       "The Java client has no certificate the server would take, and sends none",
		Explanation: "The server asked for a client certificate, listing the CAs it accepts, and JSSE found no key in its keystore issued by one of them (or no keystore at all), so it continues without one; the server then refuses the handshake or answers 400/403.",
		Fix:         "Give the JVM a keystore with the client key and a certificate from a CA the server lists:\n  openssl pkcs12 -export -in client.crt -inkey client.key -certfile ca.crt -out client.p12\nand run with:\n  -Djavax.net.ssl.keyStore=client.p12 -Djavax.net.ssl.keyStorePassword=changeit -Djavax.net.ssl.keyStoreType=PKCS12",
		Confirm:     "openssl s_client -connect host:443 </dev/null 2>/dev/null | grep -A5 'Acceptable client certificate CA names'",
	},
	{
		ID: VerifyError, Kind: "client", Within: []string{"send tlsv1"},
		Match:       []string{"alert: fatal, description = bad_certificate", "alert: fatal, description = certificate_unknown"},
		Title:       "The Java server rejected the client's certificate",
		Explanation: "The Java (JSSE, e.g. Tomcat) server sent the alert: it could not verify the client certificate against its trust store (the CA is not in it, or the client did not send its intermediates).",
		Fix:         "Import the client's CA into the server's trust store:\n  keytool -importcert -alias client-ca -file ca.crt -keystore truststore.jks\nand point the connector's truststoreFile at it.",
		Confirm:     verifyClient,
	},
	// curl.
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"ssl_connect: connection reset by peer", "openssl ssl_connect: ssl_error_syscall"},
		Title:       "The connection was cut during curl's TLS handshake",
		Explanation: "The server (or something in between: a firewall, a load balancer, a proxy without the right SNI route) closed the TCP connection without a TLS alert. Servers that require client certificates sometimes do this when none is sent.",
		Fix:         "Send the name and the client certificate, and see where it stops:\n  curl -v --cert client.crt --key client.key https://host/\n  openssl s_client -connect host:443 -servername host </dev/null",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null",
	},
	{
		ID: KeyLoadFailed, Kind: "client",
		Match:       []string{"unable to set client certificate"},
		Title:       "curl could not use the client certificate (--cert)",
		Explanation: "curl (exit 58) could not set the client certificate: a wrong path or type, a key that does not belong to it, or (OpenSSL 3) a certificate below the security level, such as an RSA key under 2048 bits (`ee key too small`).",
		Fix:         "Check the pair:\n  " + keyPairCheck + "\nthen:\n  curl --cert client.crt --key client.key https://host/",
		Confirm:     "openssl x509 -noout -subject -in client.crt",
	},
	// Any program: an encrypted key and nobody to type the passphrase.
	{
		ID: KeyLocked, Kind: "client",
		Match:       []string{"enter pem pass phrase"},
		Title:       "A program asks for the private key's passphrase",
		Explanation: "The private key is encrypted, so OpenSSL prompts for its passphrase. In a container or under systemd nobody answers and the program does not start.",
		Fix:         "For nginx, give the passphrase in a file (mode 600):\n  ssl_password_file /etc/nginx/ssl_passwords;\nor store the key without encryption:\n  openssl pkey -in server.key -out server-plain.key && chmod 600 server-plain.key",
		Confirm:     "head -1 server.key",
	},
}

// reasonEntries are OpenSSL reasons users meet often, told whoever wrote
// them (the reason tables give every other reason a generic meaning).
var reasonEntries = []Entry{
	{
		ID: HandshakeFailed, Kind: "reason", Level: infoLevel,
		Match: []string{"version too low"}, Exact: []string{"version too low"},
		Title:       "The client offered only TLS versions below the server's minimum (version too low)",
		Explanation: "The client's highest TLS version is below what ssl_protocols (or the OpenSSL configuration's MinProtocol) allows: an old client, or a scanner probing for TLS 1.0/1.1.",
		Fix:         "Keep current versions:\n  ssl_protocols TLSv1.2 TLSv1.3;\nand update the old client; only if it cannot be updated, add TLSv1.1 to ssl_protocols.",
		Confirm:     "openssl s_client -connect host:443 -tls1_2 </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "reason", Level: infoLevel,
		Match: []string{"inappropriate fallback"}, Exact: []string{"inappropriate fallback"},
		Title:       "A client retried with a lower TLS version and the server refused the downgrade (inappropriate fallback)",
		Explanation: "The client's first handshake failed (often a middlebox or a proxy in between), it retried with a lower version and said so with TLS_FALLBACK_SCSV, and the server, which supports a higher version, refused the downgrade as RFC 7507 requires. The real failure is the first attempt.",
		Fix:         "Find why the first handshake failed (a proxy or load balancer in the path, a client bug); nothing to change in the server's ssl_protocols for the fallback itself.",
		Confirm:     "openssl s_client -connect host:443 -tls1_3 </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "reason", Level: infoLevel,
		// OpenSSL 1.1.1 says "tls_choose_sigalg:internal error" for it.
		Match: []string{"no suitable signature algorithm", "tls_choose_sigalg"}, Exact: []string{"no suitable signature algorithm"},
		Title:       "No signature algorithm in common for the server's key (no suitable signature algorithm)",
		Explanation: "The client offered no signature algorithm the server's certificate key can make (an ECDSA key for a client that offers only RSA ones, or only SHA-1 ones that the security level forbids); old and embedded clients hit it.",
		Fix:         "Serve a certificate whose key the client supports (an RSA certificate next to an ECDSA one: two ssl_certificate lines), and keep ssl_ciphers wide enough:\n  ssl_ciphers HIGH:!aNULL:!MD5;",
		Confirm:     "openssl s_client -connect host:443 -sigalgs RSA+SHA256 </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "reason", Level: infoLevel,
		Match: []string{"unexpected eof while reading"}, Exact: []string{"unexpected eof while reading"},
		Title:       "The peer closed the connection without a TLS close_notify (unexpected eof while reading)",
		Explanation: "OpenSSL 3 reports a TCP close without TLS's close_notify as this error; OpenSSL 1.1.1 said nothing. Browsers, scanners and keep-alive clients do it all the time; nginx 1.21.6 and later log it at info, older ones at crit.",
		Fix:         "Nothing to fix for occasional lines. To stop the crit lines, upgrade nginx (1.21.6 or later), or log at error level:\n  error_log /var/log/nginx/error.log error;",
		Confirm:     "nginx -V 2>&1 | head -1",
	},
	{
		ID: HandshakeFailed, Kind: "reason", Level: infoLevel,
		Match: []string{"application data after close notify"}, Exact: []string{"application data after close notify"},
		Title:       "The peer sent data after closing TLS (application data after close notify)",
		Explanation: "The other side sent a close_notify and then more data; OpenSSL refuses it at shutdown. A client quirk, usually harmless.",
		Fix:         "Nothing to fix in the server unless one client always does it; update that client.",
		Confirm:     "openssl s_client -connect host:443 </dev/null",
	},
	{
		ID: TLSAlert, Kind: "alert",
		Match: []string{"alert internal error", "tls: internal error"}, Exact: []string{"internal error", "internal_error", "alert 80"},
		Title:       "TLS alert 80 internal_error: the other side failed for its own reasons",
		Explanation: "The side that sent it hit an error not caused by the peer's messages. Servers send it when they have no certificate for the name the client asked for in SNI (Go servers, Kubernetes ingresses, CDNs), or no signature algorithm works with their key; clients when their own key or certificate cannot be used.",
		Fix:         "Send the server's real name (curl uses the URL's host; nginx to upstreams needs it set):\n  proxy_ssl_server_name on;\nand check the server's logs for the cause. An envoy listener sends it when no filter chain has tls_certificates for the name.",
		Confirm:     "openssl s_client -connect host:443 -servername host.example.com </dev/null",
	},
	{
		ID: TLSAlert, Kind: "alert",
		Match: []string{"unrecognized name", "tls: unrecognized name"}, Exact: []string{"unrecognized_name", "alert 112"},
		Title:       "TLS alert 112 unrecognized_name: the server does not serve the name asked for in SNI",
		Explanation: "The client sent a server name (SNI) that the server has no site or certificate for, or sent none to a server that needs one.",
		Fix:         "Use the name the server serves in the URL; for nginx as the client of an upstream:\n  proxy_ssl_server_name on;\n  proxy_ssl_name backend.example.com;",
		Confirm:     "openssl s_client -connect host:443 -servername host.example.com </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "reason",
		Match: []string{"unknown protocol"}, Exact: []string{"unknown protocol"},
		Title:       "The other side does not speak TLS (unknown protocol)",
		Explanation: "OpenSSL (1.0/1.1) got bytes that are not a TLS record: the port serves plain HTTP or another protocol, or a proxy answered in clear text (an HTTP proxy's error page).",
		Fix:         "Check the scheme and port (https:// to a plain port fails so), and any proxy settings (https_proxy) in between:\n  curl -v http://host:PORT/",
		Confirm:     "openssl s_client -connect host:PORT </dev/null",
	},
	{
		// nginx's own handshake lines have their entry (findings_logs.go).
		ID: HandshakeFailed, Kind: "reason", Level: infoLevel, Without: []string{"ssl_do_handshake", "while ssl handshaking"},
		Match: []string{"http_request", ":http request", "] http request"}, Exact: []string{"http request"},
		Title:       "A client spoke plain HTTP to a TLS port (http request)",
		Explanation: "The first bytes the TLS server read were an HTTP request, not a TLS ClientHello: a client used http:// for the https port, or a proxy in front forwards plain HTTP to it (nginx's proxy_pass http:// to a TLS backend, a load balancer's health check).",
		Fix:         "Make the client, or the proxy in front, use https:// for this port; with nginx in front:\n  proxy_pass https://backend:PORT;\nor serve plain HTTP on another port.",
		Confirm:     "curl -v https://host:PORT/",
	},
	{
		ID: HandshakeFailed, Kind: "reason", Level: infoLevel,
		Match: []string{"https_proxy_request", "https proxy request"}, Exact: []string{"https proxy request"},
		Title:       "A client sent a plain HTTP proxy request to a TLS port (https proxy request)",
		Explanation: "The TLS server read an HTTP CONNECT request instead of a ClientHello: the client takes this port for a plain HTTP proxy (http_proxy=http://host:PORT) while it speaks TLS.",
		Fix:         "Give the client the proxy with its TLS scheme, or use the proxy's plain port:\n  export https_proxy=https://host:PORT",
		Confirm:     "curl -v --proxy https://host:PORT https://example.com/",
	},
	{
		ID: Unreadable, Kind: "reason",
		Match: []string{"bad end line", "bad base64 decode"}, Exact: []string{"bad end line"},
		Title:       "A damaged PEM block (bad end line / bad base64 decode)",
		Explanation: "OpenSSL found a `-----BEGIN ...-----` line but not the matching END line, or base64 it cannot decode: the file was cut short, lines were joined (a missing newline between two certificates when concatenating), or Windows line breaks or spaces crept in.",
		Fix:         "Look at the ends of the blocks and fix the file (each END line on its own line):\n  grep -n -- '-----' FILE\nthen check it:\n  openssl x509 -noout -in FILE",
		Confirm:     "grep -c -- '-----BEGIN' FILE",
	},
	{
		// OpenSSL 1.0 queues it after the alert that caused it: the alert
		// tells the story then.
		ID: HandshakeFailed, Kind: "reason", Without: []string{" alert "},
		Match: []string{":ssl handshake failure"}, Exact: []string{"ssl handshake failure"},
		Title:       "The TLS handshake failed (OpenSSL 1.0 ssl handshake failure)",
		Explanation: "OpenSSL 1.0's generic error when the peer closed the connection during the handshake without an alert: the server does not speak TLS on the port, refuses the client's versions, or requires something (SNI, a client certificate) the client did not send.",
		Fix:         "Retry with a current client, the server's name and, if needed, a client certificate:\n  openssl s_client -connect host:443 -servername host -cert client.crt -key client.key </dev/null",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null",
	},
}
