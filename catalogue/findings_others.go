package catalogue

// This file holds the entries for what servers and clients other than
// nginx write (Apache, HAProxy, envoy, Go, Java, curl) and for the OpenSSL
// reasons that users meet most, told whoever wrote them.

// xmppPeer shows what an XMPP server presents to the servers that
// federate with it.
const xmppPeer = "openssl s_client -connect other.example:5269 -starttls xmpp-server -xmpphost other.example"

// otherWriterEntries are explained in their writer's terms (Own).
var otherWriterEntries = []Entry{
	// Exim's TLS session cut without close_notify (GnuTLS's -110, OpenSSL
	// 3's unexpected eof), most often after the mail went through.
	{
		ID: HandshakeFailed, Kind: "client", Level: infoLevel,
		Match:       []string{"tls error on connection"},
		Within:      []string{"non-properly terminated", "unexpected eof"},
		Title:       "Exim: the other mail server closed TLS without saying goodbye (close_notify)",
		Explanation: "Usually harmless: the other side ended the TCP connection without TLS's close_notify, and Exim's TLS library reports it as an error (GnuTLS: `The TLS connection was non-properly terminated`; OpenSSL 3: `unexpected eof while reading`). Large mail providers close so right after the message was accepted, so the mail went through; look at the delivery line next to it. Only when it comes before the message was accepted (`(send)` in the middle of a transaction, the same host every time) is it a real failure: a refused certificate or TLS version on the other side.",
		Fix:         "Nothing to fix when the delivery line beside it says the mail was accepted. Otherwise test the same host with Exim's TLS settings:\n  openssl s_client -connect mx.example.com:25 -starttls smtp </dev/null",
		Confirm:     "exigrep mx.example.com /var/log/exim4/mainlog",
	},
	// XMPP servers' federation (server-to-server, s2s): the receiving
	// server checks the connecting server's certificate as a client
	// certificate (SASL EXTERNAL).
	{
		ID: ClientCertRejected, Kind: "client", Side: "client",
		Match:       []string{"sasl external with", "failed outbound s2s external authentication"},
		Title:       "XMPP federation: the other server refused this server's certificate (SASL EXTERNAL)",
		Explanation: "Between XMPP servers the connecting one is the TLS client and authenticates with its own certificate, which the receiving server checks as a client certificate for the domain. Four causes cover most cases: 1. the certificate may not be used by a client: Let's Encrypt's certificates carry serverAuth only since 11 February 2026 (the other side says `unsupported certificate purpose`); 2. the chain this server sends does not verify there: an intermediate missing, or a cross-signed root that has expired (DST Root CA X3's, since 2021) in the certificate file; 3. the certificate does not carry the XMPP domain (or the conference or upload subdomain) the stream is for; 4. the other server has no CA bundle of its own (a container image without ca-certificates). The other side's error (`not-authorized`, `unsupported certificate purpose`) and its log say which.",
		Fix:         "Look at what this server sends, as the other side sees it:\n  " + xmppPeer + " </dev/null\n  openssl x509 -noout -text -in /etc/prosody/certs/example.org.crt | grep -A1 -e 'Extended Key Usage' -e 'Subject Alternative Name'\nServe the full chain without expired roots; where certificates lack clientAuth, let the servers fall back to dialback (Prosody's mod_dialback, ejabberd's s2s dialback) or use a certificate from a CA that issues clientAuth.",
		Confirm:     "openssl x509 -noout -text -in /etc/prosody/certs/example.org.crt | grep -A1 'Extended Key Usage'",
	},
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"tls negotiation failed"},
		Within:      []string{"s2s", "stream"},
		Title:       "XMPP federation: TLS with the other server failed (outgoing stream)",
		Explanation: "This server opened a server-to-server stream and the TLS handshake with the other server failed. The fault is often on the other side: after a certificate renewal or an upgrade its server was not reloaded, or it cannot read its new certificate or key (file permissions changed by the upgrade), so it offers no usable certificate; or the two share no TLS version. This server's debug log, or the other server's, names the step.",
		Fix:         "See what the other server offers on its federation port:\n  openssl s_client -connect xmpp.example.org:5269 -starttls xmpp-server -xmpphost example.org </dev/null\nIf its certificate is missing or expired, its administrator must reload it (and let the server read it).",
		Confirm:     "openssl s_client -connect xmpp.example.org:5269 -starttls xmpp-server -xmpphost example.org </dev/null",
	},
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"establishing a secure connection from"},
		Within:      []string{"error with certificate", "certificate"},
		Title:       "XMPP federation: this server could not verify the other server's certificate (outgoing stream)",
		Explanation: "Opening a server-to-server stream, this server checked the certificate the other server presented against its own CA bundle. Three causes cover most cases: 1. the other server presents a certificate no public CA signed: a default or example self-signed certificate left in place, one for another domain, or an expired one (theirs to fix); 2. it does not send its intermediate; 3. this server has no usable CA bundle (a container image without ca-certificates; Prosody's ssl cafile or capath, ejabberd's s2s_cafile unset).",
		Fix:         "See what the other server sends:\n  " + xmppPeer + " -showcerts </dev/null\nand give this server the system CA bundle if it has none:\n  apt-get install ca-certificates",
		Confirm:     xmppPeer + " </dev/null",
	},
	{
		ID: VerifyError, Kind: "client", Side: "server",
		Match:       []string{"failed inbound s2s external authentication", "incoming s2s stream"},
		Within:      []string{"certificate", "issuer", "not trusted", "expired", "self signed", "self-signed"},
		Title:       "XMPP federation: this server could not verify the certificate another server presented",
		Explanation: "On an incoming server-to-server stream this server checks the connecting server's certificate against its own CA bundle. Three causes cover most cases: 1. this server has no usable CA bundle: a container image without the ca-certificates package, an installer build whose bundled OpenSSL looks elsewhere (ejabberd's s2s_cafile, Prosody's ssl cafile or capath unset); 2. the other server sends an incomplete chain, an expired or self-signed certificate (a default example certificate left in place); 3. its certificate lacks the domain the stream is for.",
		Fix:         "Give the server the system CA bundle and restart it:\n  apt-get install ca-certificates\n  ejabberd: s2s_cafile: /etc/ssl/certs/ca-certificates.crt\n  Prosody: ssl = { cafile = \"/etc/ssl/certs/ca-certificates.crt\" }\nthen look at what the other server sends:\n  " + xmppPeer + " </dev/null",
		Confirm:     xmppPeer + " </dev/null",
	},
	// Jetty's TLS connector: a keystore with several certificates given to
	// the base SslContextFactory, and the SNI host check of its requests.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"keystores with multiple certificates are not supported on the base class"},
		Title:       "Jetty: a keystore with several certificates needs SslContextFactory.Server",
		Explanation: "The program builds its Jetty (9.4 and later) HTTPS connector with the base SslContextFactory class, which takes a keystore with one certificate only; a keystore that holds several (a certificate per name, or CA certificates added to it) is refused at start. SslContextFactory.Server picks the certificate by the name the client sends (SNI).",
		Fix:         "Build the connector with new SslContextFactory.Server() (a program's own code, or a newer release of the program), or keep one key entry in the keystore:\n  keytool -list -keystore keystore.p12",
		Confirm:     "keytool -list -keystore keystore.p12",
	},
	{
		ID: ServerHostnameMismatch, Kind: "client", Side: "server",
		Match:       []string{"400: invalid sni", "invalid sni"},
		Within:      []string{"jetty", "badmessageexception", "400"},
		Title:       "Jetty refused the request: its Host is not a name of the server's certificate (SNI host check)",
		Explanation: "Jetty's SecureRequestCustomizer checks that the host a request names (by SNI, or the Host header) is one the server's certificate carries, and answers 400 Invalid SNI otherwise: a client that connects by IP address or localhost, or by another name than the certificate's, since Jetty 10 (and late 9.4 releases) turned the check on.",
		Fix:         "Connect by a name the certificate carries, or give the server a certificate with the names clients use; where that cannot be, turn the check off in the connector:\n  new SecureRequestCustomizer(false) (or setSniHostCheck(false))",
		Confirm:     "openssl s_client -connect host:8443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -text | grep -A1 'Subject Alternative Name'",
	},
	// Spring Boot's SSL bundles (spring.ssl.bundle.pem.*), read at start.
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"error reading certificate or key from file"},
		Title:       "Spring Boot could not read a certificate or key file of an SSL bundle",
		Explanation: "Spring Boot reads every SSL bundle it is given (spring.ssl.bundle.pem.* or .jks.*) at start, used or not, and fails when a file cannot be read: the location names no file (a path relative to another directory, classpath: for a file on disk), a placeholder left unresolved (${CERT}: an environment variable not set), a file the application's user may not read, or not PEM.",
		Fix:         "Give the bundle a readable PEM file by a full location, with its placeholders set, or remove the bundle the application does not use:\n  spring.ssl.bundle.pem.server.keystore.certificate=file:/etc/app/tls.crt\n  spring.ssl.bundle.pem.server.keystore.private-key=file:/etc/app/tls.key",
		Confirm:     "openssl x509 -noout -subject -in /etc/app/tls.crt",
	},
	// coturn (turnserver) and its key, which it reads as its own user.
	{
		ID: KeyLoadFailed, Kind: "client",
		Match:       []string{"cannot find private key file", "cannot start tls and dtls listeners because private key file is not set properly", "cannot find certificate file"},
		Title:       "coturn could not read its certificate or private key (its TLS listeners are off)",
		Explanation: "turnserver reads its cert and pkey files as the user it runs as (turnserver), after start: a key that exists but only root may read (certbot's and Jitsi's keys are so) is `cannot find` to it, and it then starts without TLS and DTLS listeners, so turns: and TLS clients fail while plain TURN works. A bare file name (turn_server_cert.pem, turn_server_pkey.pem) is coturn's default, used when its configuration sets no cert or pkey: there is no such file, and where a proxy in front (HAProxy, nginx) terminates TLS for TURN, coturn needs no certificate at all.",
		Fix:         "Name the files in turnserver.conf (cert= and pkey=) and let the turnserver user read them (and repeat it after each renewal, e.g. in certbot's deploy hook), then restart coturn:\n  chgrp turnserver /etc/coturn/privkey.pem && chmod g+r /etc/coturn/privkey.pem\n  sudo -u turnserver head -c 40 /etc/coturn/privkey.pem\nWhere a proxy in front does the TLS, turn coturn's off instead (no-tls and no-dtls in turnserver.conf).",
		Confirm:     "openssl s_client -connect turn.example.com:5349 </dev/null",
	},
	// Postfix's handshake that ended without a TLS reason of its own.
	{
		ID: HandshakeFailed, Kind: "client", Level: infoLevel,
		Match:       []string{"ssl_accept error from", "ssl_connect error to"},
		Title:       "Postfix: a TLS handshake ended without a reason (SSL_accept or SSL_connect error)",
		Explanation: "Postfix's smtpd (SSL_accept, a client connecting to it) or smtp (SSL_connect, delivering to another server) saw the handshake end: `lost connection` or `-1` mean the other side closed or reset it without an alert. From smtpd this is mostly scanners and spam bots, and clients that refuse the server's certificate (a self-signed or expired one, a name they did not connect by) without saying so; usually harmless one address at a time. The `TLS library problem` warning before it, when there is one, has the real reason.",
		Fix:         "Nothing for scanners. For a client or server you know, look for the warning just before it, and test the same handshake:\n  openssl s_client -connect mail.example.com:25 -starttls smtp </dev/null\n  grep -B2 'SSL_accept error' /var/log/mail.log",
		Confirm:     "openssl s_client -connect mail.example.com:25 -starttls smtp </dev/null",
	},
	// OpenLDAP's slapd, which says "can't accept" with its TLS library's
	// reason (GnuTLS's or OpenSSL's) after it.
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"tls: can't accept:"},
		Title:       "slapd (OpenLDAP) could not finish a client's TLS handshake",
		Explanation: "The LDAP server accepted a connection and its TLS handshake failed; the words after `can't accept:` are its TLS library's reason. Three causes cover most cases: (1) slapd requires client certificates (TLSVerifyClient or olcTLSVerifyClient demand or hard; LDAP_TLS_VERIFY_CLIENT in container images) and the client has none or one from another CA; (2) the client refused slapd's certificate (a CA it was not given in TLS_CACERT of its ldap.conf, or a name it did not connect by) and closed, which GnuTLS calls `non-properly terminated`; (3) no TLS version or cipher in common. `An unexpected TLS packet was received` means the client sent plain LDAP to the TLS port (ldap:// to 636, or a program that dials an ldaps:// URL without TLS).",
		Fix:         "See what slapd asks of clients, then either give clients a certificate or stop requiring one (try checks a certificate only when one is sent):\n  slapcat -b cn=config | grep -i TLSVerifyClient\n  olcTLSVerifyClient: try\nand give clients slapd's CA (TLS_CACERT in /etc/ldap/ldap.conf); test as a client does:\n  openssl s_client -connect ldap.example.com:636 </dev/null",
		Confirm:     "LDAPTLS_REQCERT=demand ldapsearch -x -H ldaps://ldap.example.com -b '' -s base",
	},
	// Apache httpd (mod_ssl).
	{
		ID: HandshakeFailed, Kind: "client",
		Match: []string{"provided via sni and hostname", "provided via http have no compatible ssl setup", "ah02032",
			// the 421 page's words
			"requested host name does not match the server name indication (sni) in use for this connection"},
		Title:       "Apache refused a request whose Host is not the TLS SNI name (421 Misdirected Request)",
		Explanation: "The client (often a proxy in front of Apache) opened TLS with one name in SNI and then sent a request for another Host, whose virtual host has different TLS settings; Apache answers 421. Proxies that reuse one backend connection for several sites, or that send no SNI or a fixed one, cause it; old clients without SNI land on the first virtual host of the port. Apache 2.4.64 and later check this more strictly, so a proxy set-up that worked before can start to get 421 after an upgrade; a browser reusing an HTTP/2 connection for another name of the same certificate gets it too. A scanner or bot that sends a Host unlike its SNI gets it on purpose: harmless when the line's client is not one of your users or proxies.",
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
		Explanation: "The first certificate in Apache's SSLCertificateFile has CA:TRUE: the CA (or the chain in the wrong order) was given instead of the server's own certificate, or a self-signed certificate made as a CA (`openssl req -x509` marks it CA:TRUE by default) is used as the server certificate. Clients refuse it or see the wrong names.",
		Fix:         "Put the server's own (leaf) certificate first in SSLCertificateFile, followed by its intermediates:\n  cat server.crt intermediate.crt > /etc/ssl/server-chain.crt\nand make SSLCertificateKeyFile its key; then reload Apache.",
		Confirm:     "openssl x509 -noout -subject -text -in /etc/ssl/server-chain.crt | grep -A1 -e '^subject=' -e 'Basic Constraints'",
	},
	// Apache as a reverse proxy (SSLProxyEngine) to a TLS backend, as a
	// real Apache 2.4 logs it against a real s_server.
	{
		ID: NoClientCert, Kind: "client",
		Match:       []string{"downstream server wanted client certificate but none are configured", "ah02268:"},
		Title:       "Apache, as a proxy, was asked for a client certificate by its backend and has none (SSLProxyMachineCertificateFile)",
		Explanation: "Here Apache is the TLS client of the backend it proxies to (ProxyPass https://...). The backend asked for a client certificate and Apache has none configured, so the backend refuses the connection: over TLS 1.3 only after the handshake, so the request then fails with AH01102 `error reading status line from remote server` and a 502.",
		Fix:         "Give Apache a client certificate for its backends (certificate and unencrypted key in one PEM file), in the virtual host that proxies:\n  SSLProxyMachineCertificateFile /etc/apache2/proxy-client.pem\nthen reload Apache:\n  apachectl configtest && apachectl graceful",
		Confirm:     "openssl s_client -connect BACKEND:443 -cert client.crt -key client.key </dev/null 2>/dev/null | grep -A3 'Acceptable client certificate CA names'",
	},
	{
		ID: HandshakeFailed, Kind: "client", Within: []string{"[remote "},
		Match:       []string{"ssl library error 1 reading data", "ah01992:"},
		Title:       "Apache's TLS connection to its backend failed (the proxy side)",
		Explanation: "`[remote ...]` marks Apache's own connection to a backend (SSLProxyEngine, ProxyPass https://...), where Apache is the TLS client. The SSL Library Error line after it names the reason: an alert such as `certificate required` or `unknown ca` means the backend refused Apache's client certificate (none set with SSLProxyMachineCertificateFile, or one from a CA it does not trust).",
		Fix:         "Read the SSL Library Error line that follows, and check the backend as Apache connects to it:\n  openssl s_client -connect BACKEND:443 -cert client.crt -key client.key </dev/null\nA backend that wants a client certificate needs one in the proxying virtual host:\n  SSLProxyMachineCertificateFile /etc/apache2/proxy-client.pem",
		Confirm:     "grep -A1 'AH01992' /var/log/apache2/error.log",
	},
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"error reading status line from remote server", "ah01102:", "error reading from remote server returned by", "ah00898:"},
		Title:       "Apache's backend closed the connection without an answer (proxy)",
		Explanation: "Apache, proxying a request, got no response from the backend: it closed the connection after the request. With a TLS backend (ProxyPass https://...) the usual mTLS cause is a backend that requires a client certificate and refuses Apache's (none set, or from another CA) after a TLS 1.3 handshake; the lines just before it (AH02268, AH01992 and its SSL Library Error) say so. Otherwise the backend crashed, timed out or closed a kept-alive connection.",
		Fix:         "Read the lines for the same request just before it, and check the backend as Apache connects to it:\n  openssl s_client -connect BACKEND:443 -cert client.crt -key client.key </dev/null\nA backend that wants a client certificate needs one in the proxying virtual host:\n  SSLProxyMachineCertificateFile /etc/apache2/proxy-client.pem",
		Confirm:     "grep -B3 'AH01102' /var/log/apache2/error.log",
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
		Explanation: "Android's Conscrypt says so when the server aborted the handshake with an alert; the OpenSSL-style reason after it, when present, names the alert. Against a server that requires a client certificate it usually means the app sent no certificate or one the server does not accept. It says the same when the port does not speak TLS at all (an https:// URL with the server's plain-HTTP port, such as 80 or 8080): the reason is then WRONG_VERSION_NUMBER. Android 4.4 and older do not turn TLS 1.2 on by default, so a server that takes only TLS 1.2 or later (most now) fails so on them: the app must enable it (ProviderInstaller.installIfNeeded, then an SSLContext for TLSv1.2).",
		Fix:         "Check that the URL names the server's TLS port, that the app presents its client certificate (a KeyManager with the key and certificate), and that its issuer is in the server's CA list:\n  openssl s_client -connect host:443 </dev/null",
		Confirm:     probeCmd,
	},
	{
		ID: HandshakeFailed, Kind: "client", Fallback: true,
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
		ID: PlainHTTP, Kind: "client", Within: []string{"handshake error from", "serving connection", "handshake from", "server tls handshake failed", "failed to read request: tls: "},
		Match:       []string{"first record does not look like a tls handshake"},
		Title:       "A client spoke plain HTTP to the Go server's TLS port",
		Explanation: "The Go TLS server read bytes that are not a TLS ClientHello: a client using http:// (or ws://) against the https:// port, a proxy or load balancer in front that sends plain HTTP to this port (it must speak TLS to it, or pass TLS through untouched), a health check without TLS, or a scanner. Usually harmless when it is one address now and then.",
		Fix:         "Point the client at https:// (wss://), or give plain HTTP its own port; for health checks, enable TLS in the check:\n  curl -v https://host:port/",
		Confirm:     "curl -sv http://host:port/ -o /dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "client", Without: []string{"handshake error from", "serving connection", "handshake from", "server tls handshake failed", "rejected connection", "remote-addr=", "failed to read request: tls: ",
			// Teleport's probe of its tunnel port: findings_products.go
			"failed to ping web proxy"},
		Match:       []string{"first record does not look like a tls handshake"},
		Title:       "The Go client got an answer that is not TLS",
		Explanation: "A Go client (an HTTP or gRPC client, kubectl, docker) sent its TLS ClientHello and read back bytes that are not TLS. Three causes: (1) the server speaks plain HTTP (or plaintext gRPC) on that port, and the client should too; (2) a proxy in between answered in clear text (an error page, a plain-HTTP proxy given as https://), or a service mesh's sidecar (Istio, Linkerd) took the port for plain HTTP and handled the TLS bytes as HTTP: a Kubernetes Service port named http- or without a protocol, where tcp-, tls- or https- (or appProtocol) was needed, or a sidecar injected into a workload that does its own TLS; (3) the server is meant to serve TLS there, but its TLS settings did not reach that listener: a misspelt or misplaced TLS key in its configuration, TLS set on another port, or a server release whose listener answers before TLS (a known bug of some multiplexed gRPC and HTTP receivers, fixed in later releases). A mail program set to implicit TLS against a submission port (587, or 25) gets the server's plain-text greeting: implicit TLS belongs on port 465, and 587 wants STARTTLS. An FTP client set to implicit FTPS (port 990) against a server that speaks explicit FTPS (AUTH TLS after a plain greeting on port 21) reads that greeting the same way.",
		Fix:         "Use the scheme the server speaks on that port (http://; for gRPC, insecure transport credentials or the server's TLS port; grpcurl and grpcui: -plaintext, since -insecure still speaks TLS), and check proxies in between:\n  curl -v http://host:port/\nIf the server should speak TLS there, ask it directly: no certificate in the answer means its listener is not serving TLS, so fix the server's TLS configuration for that port (or upgrade it), not the client:\n  openssl s_client -connect host:port </dev/null\nIn a mesh, name the Service port for TLS (or leave the workload out of the mesh):\n  kubectl get svc NAME -o jsonpath='{.spec.ports[*].name}'",
		Confirm:     "curl -sv https://host:port/ -o /dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"failed to parse certificate from server"},
		Title:       "The Go client could not parse the server's certificate",
		Explanation: "Go's crypto/x509 is stricter than OpenSSL and browsers: it refuses a server certificate with a malformed field (a SAN that is not a valid DNS name, such as one with a space, an underscore or a trailing dot in some versions; a negative serial; a bad encoding). The x509 reason after it names the field. Other clients may accept the same certificate.",
		Fix:         "Reissue the server certificate with well-formed fields, for example a subjectAltName of plain DNS names:\n  subjectAltName=DNS:host.example.com\nThen look at what the server sends:\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null | openssl x509 -noout -text",
		Confirm:     "openssl x509 -noout -text -in server.crt",
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
	// Chrome and a local development server that speaks plain HTTP.
	{
		ID: PlainHTTP, Kind: "client", Within: []string{"localhost sent an invalid response", "127.0.0.1 sent an invalid response"},
		Match:       []string{"sent an invalid response"},
		Title:       "Chrome spoke TLS to a local server that answers in plain HTTP",
		Explanation: "Chrome says a site `sent an invalid response` when the answer to its TLS handshake is not TLS. On localhost that is a development server serving plain HTTP: the address says https://, or Chrome turned http://localhost into https:// on its own because it remembers an HSTS policy for localhost (set earlier by another app that ran there with HTTPS).",
		Fix:         "Open the server with http://, or give it HTTPS. To stop Chrome upgrading it, delete the remembered policy at chrome://net-internals/#hsts (Delete domain security policies: localhost). Check what the port speaks:\n  curl -v http://localhost:PORT/",
		Confirm:     "openssl s_client -connect localhost:PORT </dev/null",
	},
	// Browsers.
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"err_ssl_protocol_error"},
		Title:       "Chrome could not complete the TLS handshake (ERR_SSL_PROTOCOL_ERROR)",
		Explanation: "Chrome's catch-all for a broken handshake. Three causes cover most cases: 1. the port does not serve HTTPS: the site has no TLS set up at all (plain HTTP answers on 443, or an https:// link to a site that serves only http://), or the server has no certificate for that name; 2. with mutual TLS, the server asked for a client certificate and the browser had none to send (not imported into the browser's or system's store), and the server aborted; 3. no TLS version or cipher in common.",
		Fix:         "See what the port answers; no certificate in the output means no TLS there (use http://, or set up TLS on the server), a client-certificate request means cause 2:\n  openssl s_client -connect host:443 -servername host </dev/null\nFor 2, import the client certificate with its key into the system (or browser) certificate store, as PKCS#12:\n  openssl pkcs12 -export -in client.crt -inkey client.key -certfile ca.crt -out client.p12",
		Confirm:     probeCmd,
	},
	{
		ID: PlainHTTP, Kind: "client",
		Match:       []string{"ssl_error_rx_record_too_long", "ssl received a record that exceeded the maximum permissible length"},
		Title:       "The HTTPS port answered in plain HTTP (SSL_ERROR_RX_RECORD_TOO_LONG)",
		Explanation: "Firefox (or curl on NSS) got an HTTP response where a TLS record should be: the server's port does not speak TLS (nginx `listen 443;` without `ssl`, a proxy forwarding to the http port), or the browser itself switched an http:// address to https:// (HSTS remembered for the host, a stored site setting, HTTPS-only mode). When the server speaks TLS to other machines, an antivirus or security product on this one that intercepts HTTPS (its web or SSL scanning) can hand the browser such non-TLS bytes: turn its scanning off for the site.",
		Fix:         "Turn TLS on for the port (nginx):\n  listen 443 ssl;\nthen reload and check with:\n  curl -v https://host/\nIf the port is meant to be plain HTTP, clear the browser's HSTS entry and site settings for the host (or turn off HTTPS-only mode for it).",
		Confirm:     "curl -sv http://host:443/ -o /dev/null",
	},
	{
		ID: StaplingFailed, Kind: "client",
		Match:       []string{"ssl_stapling_init_cert", "unable to configure server certificate for stapling"},
		Title:       "Apache cannot staple OCSP for its certificate",
		Explanation: "mod_ssl could not find the issuer of its server certificate (or an OCSP URL in it), so SSLUseStapling cannot work. Handshakes still go on without a stapled answer. A certificate whose subject and issuer are the same in the line is self-signed (an installer's or a test certificate): it has no issuer to ask and no OCSP, so stapling has nothing to do for it.",
		Fix:         "Put the intermediate in SSLCertificateFile after the server certificate (or in SSLCACertificateFile); for a self-signed certificate, or one without an OCSP URL (Let's Encrypt's since 2025), turn stapling off:\n  SSLUseStapling off",
		Confirm:     "openssl x509 -noout -ocsp_uri -in server.crt",
	},
	{
		ID: ServerHostnameMismatch, Kind: "client",
		Match:       []string{"does not include an id which matches the server name"},
		Title:       "Apache's certificate does not carry the ServerName",
		Explanation: "mod_ssl warns at start-up that the server certificate's subjectAltName (SAN) does not hold this virtual host's ServerName; clients that use that name will refuse it. Apache still starts: the warning is harmless when clients reach the host by a name the certificate holds (a default or placeholder ServerName such as www.example.com, a container image's stock configuration).",
		Fix:         "Reissue the certificate with the name, or fix ServerName:\n  subjectAltName=DNS:host.example.com",
		Confirm:     "openssl x509 -noout -text -in server.crt | grep -A1 'Subject Alternative Name'",
	},
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"ssl library error 1 in handshake"},
		Title:       "Apache: a client's TLS handshake failed",
		Explanation: "mod_ssl logs this at info level for any failed handshake; the OpenSSL line after it (SSL Library Error: ...) names the reason. When that line has an alert (unknown ca, bad certificate, certificate unknown), the client refused Apache's own certificate: self-signed, from a CA the client does not trust, or served without its intermediate. With SSLVerifyClient require it is often the client certificate: none sent, or one from another CA, expired or not for clients.",
		Fix:         "Read the SSL Library Error line that follows it. See whether clients can trust Apache's certificate (the probe says why not):\n  mtlsdoctor probe host:443\nand check a client's certificate against SSLCACertificateFile:\n  " + verifyClient,
		Confirm:     probeCmd,
	},
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"ah01998: connection closed to child"},
		Title:       "Apache closed a connection after a failed or cut handshake",
		Explanation: "mod_ssl logs `Connection closed to child N with abortive shutdown` at info level when a connection ends without a clean TLS close: after a failed handshake (the AH02008 and SSL Library Error lines just before it say why) or a client that dropped the connection. On its own it is usually harmless.",
		Fix:         "Read the lines with the same client address just before it:\n  grep -B3 'AH01998' /var/log/apache2/error.log",
		Confirm:     "grep -c 'AH02008' /var/log/apache2/error.log",
	},
	// HAProxy.
	// Its connection error with errno 0: the client closed the connection
	// just after the handshake (curl refusing the server's name does so).
	{
		ID: HandshakeFailed, Kind: "client", Level: infoLevel, Within: []string{"] "},
		Match:       []string{"/1: success", "/2: success", "/3: success", "/4: success"},
		Title:       "HAProxy: a client closed the connection right after the TLS handshake (\"Success\")",
		Explanation: "HAProxy logs a connection error with the text of error number 0, `Success`, when a client ends the connection during or just after the handshake without an error HAProxy can name and without sending a request. Checked with a real HAProxy 2.6: curl refusing the server's certificate for its name (curl checks the name after the handshake) ends so. Health checks and probes that only complete a handshake do too; one now and then is harmless.",
		Fix:         "If a client reports a failure at that time, read its side; for a name it refuses, see which names the server's certificate carries:\n  openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -text | grep -A1 'Subject Alternative Name'",
		Confirm:     "curl -v https://host/ -o /dev/null",
	},
	// Its HTTP log for a TLS backend that failed: termination state SC (the
	// connection, TLS handshake included, failed) or SH (the server ended
	// it before its headers), as a real HAProxy 2.6 logs them.
	{
		ID: HandshakeFailed, Kind: "client", Within: []string{"502 ", "503 ", "504 "},
		Match: []string{" sc--"},
		Title: "HAProxy could not connect to its server (SC): with ssl, the TLS handshake with the backend failed",
		Explanation: "In HAProxy's HTTP log the termination state SC means the connection to the server failed before the request went out, after its retries (the last of the five counters). With `ssl` on the server line a failed TLS handshake counts as such: HAProxy did not trust the server's certificate (verify required is the default: the server line's ca-file lacks its CA, the server does not send its intermediate, or the name HAProxy checks, from sni or verifyhost, is not in it), or the server wanted a client certificate and HAProxy sent none it accepts (over TLS 1.3 this shows as SH or SC, as timing goes). " +
			"Without ssl problems it is a plain TCP refusal or timeout. Checked with a real HAProxy 2.6: both TLS causes log SC with a 503.",
		Fix:     "Connect as HAProxy does, with the backend's CA file and name, and (if the server wants one) the client certificate:\n  openssl s_client -connect SERVER:443 -servername NAME -CAfile /etc/haproxy/backend-ca.pem -cert client.crt -key client.key </dev/null\nthen give the server line what it lacks:\n  server s1 SERVER:443 ssl verify required ca-file /etc/haproxy/backend-ca.pem sni str(NAME) crt /etc/haproxy/client.pem",
		Confirm: "openssl s_client -connect SERVER:443 -servername NAME -CAfile /etc/haproxy/backend-ca.pem </dev/null 2>/dev/null | grep 'Verify return code'",
	},
	{
		ID: HandshakeFailed, Kind: "client", Within: []string{"502 ", "503 ", "504 "},
		Match: []string{" sh--"},
		Title: "HAProxy's server ended the connection before its headers (SH): with ssl, often a client certificate refused after the handshake",
		Explanation: "In HAProxy's HTTP log the termination state SH means the server aborted after HAProxy sent the request and before any response header. With `ssl` on the server line and TLS 1.3, a server that requires a client certificate refuses a missing or untrusted one only after the handshake, when HAProxy has already sent the request, so it often shows up here (checked with a real HAProxy 2.6: a server line without crt against a server that requires one logs SH and a 502, or SC and a 503 when the refusal comes first). " +
			"Otherwise the server crashed or closed the connection while handling the request.",
		Fix:     "Give HAProxy a client certificate (certificate and key in one PEM) that the server trusts:\n  server s1 SERVER:443 ssl verify required ca-file /etc/haproxy/backend-ca.pem crt /etc/haproxy/client.pem\nand check it against the server as HAProxy connects:\n  openssl s_client -connect SERVER:443 -servername NAME -cert client.crt -key client.key </dev/null",
		Confirm: "openssl s_client -connect SERVER:443 -servername NAME </dev/null 2>/dev/null | grep -A3 'Acceptable client certificate CA names'",
	},
	{
		ID: ServerCertUntrusted, Kind: "client", Within: []string{"layer6", " is down", "health check"},
		Match:       []string{"ssl handshake failure (error:0a000086", "ssl handshake failure (error:1416f086", "certificate verify failed)"},
		Title:       "HAProxy did not trust its server's certificate",
		Explanation: "HAProxy, as the client of a backend server (verify required is the default), could not verify the server's certificate against the server line's ca-file: the CA is not in it, the server does not send its intermediate, or its name does not match verifyhost/SNI.",
		Fix:         "Give the server line the backend's CA (and its name):\n  server app1 10.0.0.1:443 ssl verify required ca-file /etc/haproxy/backend-ca.pem sni str(app.example.com) check-sni app.example.com check",
		Confirm:     "openssl s_client -connect 10.0.0.1:443 -servername app.example.com -CAfile /etc/haproxy/backend-ca.pem </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "client", Within: []string{"layer6"},
		Match:       []string{"ssl handshake failure"},
		Title:       "HAProxy's health check could not finish a TLS handshake with the server",
		Explanation: "HAProxy, as the client of its backend (check-ssl), failed the handshake: with verify required, the backend's certificate did not pass HAProxy's check (its CA is not in the server line's ca-file, or the backend does not send its intermediate, as after an upgrade that stopped sending the chain); or the backend wants SNI, a client certificate, or versions HAProxy does not offer, or does not speak TLS on that port.",
		Fix:         "On the server line, send the name and, if the backend requires it, a client certificate:\n  server app1 10.0.0.1:443 ssl verify required ca-file /etc/haproxy/backend-ca.pem sni str(app.example.com) check-sni app.example.com crt /etc/haproxy/client.pem check",
		Confirm:     "openssl s_client -connect 10.0.0.1:443 -servername app.example.com </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "client", Within: []string{"haproxy", "]", "/"}, Without: []string{"layer6", "ssl routines", "cwpki", "ssl.sslerror", "[ssl: "},
		Match:       []string{": ssl handshake failure"},
		Title:       "HAProxy: a client's TLS handshake failed",
		Explanation: "HAProxy logs `SSL handshake failure` for any client whose handshake failed on a bind with ssl. Often the client refused HAProxy's own certificate: self-signed, from a CA the client does not trust, or served without its intermediate (curl, Python, apps and phones close the handshake so, and HAProxy logs only this). With `verify required`, the client may also have sent no certificate, or one HAProxy's ca-file does not verify; otherwise no shared version or cipher, a client that does not speak TLS at all (plain HTTP, telnet, a TCP health check), or a scanner. One address now and then is usually harmless.",
		Fix:         "Log the reason with the error fetches in the log-format:\n  log-format \"%ci:%cp [%tr] %ft %[ssl_fc_err_str] %[ssl_c_err] %[ssl_c_ca_err]\"\nSee whether clients can trust HAProxy's certificate (the probe says why not):\n  mtlsdoctor probe host:443\nand check a client's certificate against the bind's ca-file:\n  " + verifyClient,
		Confirm:     probeCmd,
	},
	{
		ID: HandshakeFailed, Kind: "client", Within: []string{"haproxy", "]", "/"},
		Match:       []string{": connection closed during ssl handshake", ": timeout during ssl handshake"},
		Title:       "HAProxy: a client left during the TLS handshake",
		Explanation: "HAProxy logs `Connection closed during SSL handshake` when a client closes the connection before the handshake ends (and `Timeout during SSL handshake` when it stops sending): TCP health checks of a load balancer or monitor (they open and close the port without TLS; checked with a real HAProxy 2.6: a bare TCP connect gives this line), port scanners, or a client that gave up without an alert. Usually harmless when it comes from a checker's address now and then.",
		Fix:         "Look at the address in the line: a load balancer or monitor (make its check speak TLS, or check-ssl for HAProxy's own health checks), or a real client (run it by hand and read its own error):\n  curl -v https://host:443/",
		Confirm:     "openssl s_client -connect host:443 </dev/null",
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
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"unable to stat ssl certificate from file", "unable to stat ssl certificate"},
		Title:       "HAProxy's crt names a file or directory that does not exist",
		Explanation: "A bind (or server) line's crt, or a crt-list, names a path HAProxy cannot find: a certificate never issued or not yet copied (an ACME client that writes the combined PEM elsewhere, or that has not run yet: HAProxy then does not start), a typo, or a volume not mounted into the container. crt may name a directory, and then HAProxy loads every PEM in it.",
		Fix:         "Check the path the line names, make the combined PEM (certificate, intermediates, then the key) if it is missing, and check the configuration:\n  ls -l /etc/haproxy/certs/\n  cat fullchain.pem privkey.pem > /etc/haproxy/certs/site.pem\n  haproxy -c -f /etc/haproxy/haproxy.cfg",
		Confirm:     "haproxy -c -f /etc/haproxy/haproxy.cfg",
	},
	{
		ID: CertLoadFailed, Kind: "client", Within: []string{"parsing [", "haproxy", "crt", "certificate chain from file"},
		Match:       []string{"unable to load ssl certificate", "unable to load certificate chain from file", "unable to load certificate from file"},
		Title:       "HAProxy could not load a crt file",
		Explanation: "HAProxy could not read the certificate (or its chain) of a bind's crt or crt-list entry. Four causes cover most cases: 1. the file is missing (a path wrong, not yet issued, not mounted) or not PEM; 2. the private key block that belongs in the same file (certificate and key together) is missing, encrypted, or not a key this OpenSSL reads under its label; 3. a certificate in it is refused by this OpenSSL (a SHA-1 signature or a short key below the security level after an upgrade); 4. the chain holds the same CA twice (OpenSSL 1.0.2).",
		Fix:         "Check each certificate of the file:\n  openssl crl2pkcs7 -nocrl -certfile /etc/haproxy/certs/site.pem | openssl pkcs7 -print_certs -noout\nthen check the configuration:\n  haproxy -c -f /etc/haproxy/haproxy.cfg",
		Confirm:     "openssl x509 -noout -text -in /etc/haproxy/certs/site.pem",
	},
	// HAProxy's crt without its key beside it.
	{
		ID: KeyLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"no private key found in"},
		Title:       "HAProxy found no private key for a crt file",
		Explanation: "A bind's crt (or a crt-list entry) names a certificate without its private key, and HAProxy looks for the key in only two places: inside the same PEM file (after the certificate and its intermediates), or in a file of the same name with .key added (site.pem.key, not site.key in another directory). A certificate copied without its key, or a key kept under its own name elsewhere, fails so.",
		Fix:         "Put the key in the PEM, or beside it under the name HAProxy looks for:\n  cat fullchain.pem privkey.pem > /etc/haproxy/certs/site.pem\n  cp privkey.pem /etc/haproxy/certs/site.pem.key\nthen check the configuration:\n  haproxy -c -f /etc/haproxy/haproxy.cfg",
		Confirm:     "haproxy -c -f /etc/haproxy/haproxy.cfg",
	},
	// envoy loading its own certificate and key (a listener's, or an
	// upstream client certificate's).
	{
		ID: KeyLoadFailed, Kind: "client",
		Match:       []string{"failed to load private key from"},
		Title:       "envoy could not load a private key (often one that is not its certificate's)",
		Explanation: "envoy read the private_key of a tls_certificate and gave up: the key does not belong to the certificate_chain next to it (BoringSSL's KEY_VALUES_MISMATCH, which envoy reports only as this load failure; the chain's first certificate must be the key's own, so a chain file that holds only the intermediates, such as Let's Encrypt's chain.pem where fullchain.pem belongs, fails so), it is encrypted and no password is configured, it is in a form BoringSSL does not read, or the path is wrong inside the container.",
		Fix:         "Check the pair (the two sums must be equal; the first command reads the chain file's first certificate) and that the key is not encrypted:\n  openssl x509 -noout -pubkey -in cert.pem | sha256sum\n  openssl pkey -pubout -in key.pem | sha256sum\n  head -1 key.pem",
		Confirm:     "openssl pkey -noout -in key.pem",
	},
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"failed to load certificate chain from"},
		Title:       "envoy could not load a certificate chain",
		Explanation: "envoy read the certificate_chain of a tls_certificate (or a trusted_ca) and found no PEM certificate it could use: a missing path inside the container, an empty or DER file, or a secret mounted under another name; or certificates joined without a line break between them (-----END CERTIFICATE----------BEGIN CERTIFICATE-----), as when a file without a final newline is concatenated with another.",
		Fix:         "Check the file inside envoy's container:\n  openssl crl2pkcs7 -nocrl -certfile cert.pem | openssl pkcs7 -print_certs -noout",
		Confirm:     "openssl x509 -noout -subject -in cert.pem",
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
		Fix:         "Make the clients trust the server's CA (curl --cacert, RootCAs), serve the intermediates with the server certificate, and put the name clients use in its SAN:\n  openssl x509 -noout -text -in server.crt | grep -A1 'Subject Alternative Name'",
		Confirm:     "openssl s_client -connect host:443 -servername host -showcerts </dev/null",
	},
	// Certificates Go's parser refuses outright.
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"x509: negative serial number"},
		Title:       "Go refuses a certificate with a negative serial number",
		Explanation: "The certificate's serial number is negative, which RFC 5280 forbids; since Go 1.23, crypto/x509 refuses to parse such a certificate at all, so a program rebuilt with a newer Go fails on a certificate it used to accept. Old or home-made CAs (and some vaults' generators) write serials whose top bit is set without the leading zero byte.",
		Fix:         "Reissue the certificate: openssl's own serials (-CAcreateserial, or none given, in OpenSSL 3) are positive:\n  openssl x509 -req -in cert.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out cert.crt\nUntil then, GODEBUG=x509negativeserial=1 lets the program parse it.",
		Confirm:     "openssl x509 -noout -serial -in cert.crt",
	},
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"x509: rsa key missing null parameters", "x509: malformed", "x509: invalid rsa public exponent", "x509: unsupported elliptic curve", "x509: invalid authority key identifier", "x509: invalid version", "integer not minimally-encoded"},
		Title:       "Go cannot parse this certificate or key",
		Explanation: "Go's crypto/x509 parses certificates strictly: a field encoded against the standard (an RSA key without its NULL parameters, a malformed extension or validity), a curve it does not implement or an odd RSA exponent makes the whole certificate unreadable, although OpenSSL may read it: a version field written as 3 (OpenSSL shows Version: Unknown (3); v3 is written 2), an integer with needless leading bytes (not DER), extension OIDs with components too large for Go (some vendors' entitlement certificates). The generator that made it is at fault, not the TLS settings; but a parser change of a Go release also refused some real certificates that older ones took (Go 1.17's new parser at first rejected old roots' authority key identifiers, fixed before its release): try the program's latest build.",
		Fix:         "Regenerate the certificate (and key) with a standard tool, for example:\n  " + selfSignedLeafCmd,
		Confirm:     "openssl x509 -noout -text -in cert.pem",
	},
	{
		ID: NotACA, Kind: "client",
		Match:       []string{"parent certificate cannot sign this kind of certificate", "x509: invalid signature: parent certificate", "is not authorized to sign other certificates"},
		Title:       "The issuing certificate is not a CA (Go)",
		Explanation: "Go found the certificate's issuer, or the certificate it was given to sign with, but refused it as a CA: it lacks basicConstraints CA:TRUE or keyCertSign in keyUsage, so it may not sign certificates. A CA made by hand without them (openssl req -x509 with a config whose extensions leave them out, a leaf certificate given as the CA) is refused so, as a CA to sign with too (istiod's plugged-in CA, a cluster's own CA).",
		Fix:         "Reissue the CA certificate with these lines in its -extfile:\n  basicConstraints=critical,CA:TRUE\n  keyUsage=critical,keyCertSign,cRLSign",
		Confirm:     "openssl x509 -noout -text -in ca.crt | grep -A1 -e 'Basic Constraints' -e 'X509v3 Key Usage'",
	},
	// The same refusal in Java's and Erlang's words (real JDK 17 and OTP 25
	// clients against a chain whose intermediate is CA:FALSE).
	{
		ID: NotACA, Kind: "client",
		Match:       []string{"basic constraints check failed", "missing_basic_constraint"},
		Title:       "A certificate in the chain that signed another is not a CA (Java, Erlang)",
		Explanation: "Java (basic constraints check failed: this is not a CA certificate) or Erlang (bad_cert, missing_basic_constraint) found that a certificate used as an issuer in the chain, usually an intermediate, lacks basicConstraints CA:TRUE, so it may not sign certificates. Printed by a client, the chain is the server's; a Java or Erlang server checking client certificates logs the same words about the client's chain.",
		Fix:         "Reissue the intermediate (or CA) certificate with these lines in its -extfile, then reissue what it signed:\n  basicConstraints=critical,CA:TRUE\n  keyUsage=critical,keyCertSign,cRLSign",
		Confirm:     "openssl x509 -noout -text -in int.crt | grep -A1 -e 'Basic Constraints' -e 'X509v3 Key Usage'",
	},
	// Java.
	{
		ID: NoClientCert, Kind: "client",
		Match:       []string{"no suitable certificate found - continuing without client authentication", "no suitable certificate found"},
		Title:       "The Java client has no certificate the server would take, and sends none",
		Explanation: "The server asked for a client certificate, listing the CAs it accepts, and JSSE found no key in its keystore issued by one of them (or no keystore at all), so it continues without one; the server then refuses the handshake or answers 400/403. A library that builds its own SSLContext (many HTTP and database clients do) ignores -Djavax.net.ssl.keyStore: it must be given the keystore through its own settings.",
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
	// curl after the handshake: the connection reset while reading or
	// writing (TLS 1.3 refusals arrive here).
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"ssl_write() returned syscall, errno = 104", "ssl_read: connection reset by peer", "ssl_write: connection reset by peer", "ssl_read() returned syscall, errno = 104", "ssl_read: ssl_error_syscall", "ssl_write: ssl_error_syscall"},
		Title:       "The connection was reset after curl's TLS handshake",
		Explanation: "The connection was reset (errno 104; 10054 on Windows) as curl or git sent or read data after the handshake. Three causes cover most cases: (1) with TLS 1.3 a server judges the client certificate after the handshake, so a refusal shows here: a server or service-mesh sidecar that requires mutual TLS (Istio or Linkerd in STRICT mode, an mTLS-only gateway) and got no certificate it accepts; (2) something in between cuts the connection: a corporate proxy, firewall or antivirus (the usual one for git on Windows), or a load balancer's size or time limit on a large push; (3) the server closed it, crashing on the request or restarting.",
		Fix:         "Try it over TLS 1.2, where a refusal comes back as an alert, and with the client certificate the server expects:\n  curl -v --tls-max 1.2 --cert client.crt --key client.key https://host/\nthen read the server's (or the sidecar's) log; in a mesh, call from a workload that has a sidecar, or relax its mTLS mode for that port. If the same request works from another network, or with the proxy or antivirus out of the way, it is the one in between.",
		Confirm:     "openssl s_client -connect host:443 -servername host -tls1_2 </dev/null",
	},
	// curl.
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"ssl_connect: connection reset by peer", "openssl ssl_connect: ssl_error_syscall", "libressl ssl_connect: ssl_error_syscall", "ssl_connect: ssl_error_syscall in connection to"},
		Title:       "The connection was cut during curl's TLS handshake",
		Explanation: "The server, or something in between, closed the TCP connection without a TLS alert. Three causes: (1) a server that requires a client certificate and closes when none (or one it refuses) is sent; (2) something in between: a proxy the client is sent through (HTTPS_PROXY, git's http.proxy, proxychains or a SOCKS proxy) that is down, on another port or refuses the host, a firewall or security product that cuts TLS to some hosts, a load balancer, a proxy without the right SNI route, or a path whose MTU is smaller than the machine thinks (Docker-in-Docker, a VPN or an overlay network), which drops the large certificate packets, or a device that cannot pass the larger hello of post-quantum key exchange (X25519MLKEM768, sent by default by OpenSSL 3.5, Go 1.24 and Chrome 131 and later: compare with `-groups X25519`); (3) the server's TLS setup failing for that name (no certificate for it, a key it cannot use), which some servers answer by closing.",
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
	{
		ID: KeyLocked, Kind: "client",
		Match:       []string{"private key is encrypted, password is required"},
		Title:       "The Python client's private key is encrypted and no password was given",
		Explanation: "urllib3 (under requests) was given a client certificate whose private key is encrypted, and no password for it.",
		Fix:         "Pass the key's password (urllib3: key_password=...; Python's ssl: ctx.load_cert_chain(certfile, keyfile, password=...)), or store the private key without encryption, readable only by its user:\n  openssl pkey -in client.key -out client-plain.key && chmod 600 client-plain.key",
		Confirm:     "head -1 client.key",
	},
	// libpq (psql and the programs on it) refusing a readable client key.
	{
		ID: KeyPermissions, Kind: "client",
		Match:       []string{"has group or world access", "must be owned by the database user or root", "file must have permissions u=rw (0600) or less"},
		Title:       "PostgreSQL refuses a private key others can read",
		Explanation: "PostgreSQL will not use a private key file whose permissions let its group or other users read it (the server accepts 0640 only when root owns the file): the server its ssl_key_file (it then refuses to start), libpq and lib/pq the client key (sslkey), before connecting. The server also wants the key owned by its own user or root: a key shared with another service (an ACME client's key, owned by its user) is refused so, and needs a copy of its own. A key written with mode 0644 by a tool, or copied from Windows (where Go's lib/pq cannot tell the mode and always refuses), fails so; on Kubernetes, a pod's fsGroup or a Secret volume's defaultMode gives the group read access again at every mount, so a chmod does not last. A cluster made with group access (initdb --allow-group-access) does not change this: a key file a tool creates there with mode 0640 but owned by the database user is refused too.",
		Fix:         "Make the key readable by its owner only (the postgres user for the server's):\n  chmod 0600 ~/.postgresql/postgresql.key\n(or the file that sslkey or ssl_key_file names). On Kubernetes, mount the Secret with defaultMode: 0600 (or copy the key with mode 0600 at start) instead.",
		Confirm:     "ls -l ~/.postgresql/postgresql.key",
	},
	// PHP's TLS streams.
	{
		ID: HandshakeFailed, Kind: "client", Without: []string{"certificate verify failed"}, Fallback: true, // OpenSSL's reason after it, when there, has its own entry
		Match:       []string{"ssl operation failed"},
		Title:       "PHP's TLS stream failed (SSL operation failed)",
		Explanation: "A PHP stream (file_get_contents, fopen, stream_socket_client, SoapClient on https://) could not finish TLS; the OpenSSL error messages after it say why. Most often `certificate verify failed`: PHP found no CA bundle that trusts the server (openssl.cafile unset and no system bundle in the image), or the server does not send its intermediate.",
		Fix:         clientTrustPHP,
		Confirm:     "php -r 'var_dump(openssl_get_cert_locations());'",
	},
	// PHP's streams loading their client certificate (local_cert, local_pk).
	{
		ID: KeyLoadFailed, Kind: "client",
		Match:       []string{"unable to set private key file `", "stream_socket_client(): unable to set private key file", "unable to set local cert chain file"},
		Title:       "PHP could not load the certificate or key of its TLS stream (local_cert, local_pk)",
		Explanation: "A PHP stream (a client's stream_socket_client, SoapClient, an APNs or MQTT library on them; or a server's stream_socket_server and stream_socket_enable_crypto) was given a certificate in its ssl context (local_cert, local_pk) that OpenSSL could not load: the key is encrypted and the passphrase option is missing or wrong, the file holds the certificate without its key (a .pem exported from a keychain without the key), the key is not the certificate's, or the path is wrong or not readable by PHP's user (the file's or a parent folder's permissions, SELinux's label).",
		Fix:         "See what the file holds, and check the passphrase by opening the key with it:\n  grep -c 'PRIVATE KEY' client.pem\n  openssl pkey -in client.pem -noout\nthen give PHP the files and the passphrase, in a folder PHP's user can read (namei shows each folder's permissions):\n  namei -l /path/client.key\n  stream_context_create(['ssl' => ['local_cert' => '/path/client.pem', 'local_pk' => '/path/client.key', 'passphrase' => '...']])",
		Confirm:     "openssl pkey -in client.pem -noout",
	},
	// A handshake signature that does not verify with the key of the
	// peer's certificate, in OpenSSL 1.x's RSA words and Mbed TLS's.
	{
		ID: KeyMismatch, Kind: "client",
		Match:       []string{"rsa_padding_check_pkcs1_type_1", "block type is not 01", "handshake failed: invalid padding"},
		Title:       "The other side's handshake signature does not match its certificate (its key is not the certificate's)",
		Explanation: "The signature the other side made in the handshake did not verify with the public key in the certificate it sent: it signed with a private key that is not its certificate's. Most often a server configured with a key from another certificate or an earlier renewal; servers that check the pair when they load it refuse to start, others (some IRC, VoIP and embedded servers, programs on Mbed TLS) start and fail every handshake this way. In mutual TLS the same happens with a client whose key is not its certificate's. Printed by a client that verifies with a CA file of its own (swaks, a mail or monitoring client), it can also mean that file holds another CA with the same name than the one that signed (an older or re-made CA, a stale copy from a README): the signature then fails to check against the wrong key; fetch the current CA.",
		Fix:         "On the side that sent the signature (the server, for a client's line), check the pair (the two sums must be equal) and configure the key made with the certificate:\n  openssl x509 -noout -pubkey -in server.crt | sha256sum\n  openssl pkey -pubout -in server.key | sha256sum",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null",
	},
	// PHP's stream_socket_client to a tls:// or ssl:// address, with no
	// OpenSSL reason shown (PHP puts those in warnings before it).
	{
		ID: HandshakeFailed, Kind: "client", Within: []string{"tls://", "ssl://"},
		Match:       []string{"unable to connect to 'tls://", "unable to connect to 'ssl://", "unable to connect to tls://", "unable to connect to ssl://"},
		Title:       "PHP could not open its TLS stream (stream_socket_client to tls:// or ssl://)",
		Explanation: "A PHP stream to a tls:// or ssl:// address failed; an error number 0 means the TCP connection worked and TLS did not (PHP's warnings just before it carry OpenSSL's reason). With a client certificate (APNs's legacy port 2195, MQTT brokers, payment gateways), the usual causes are the client certificate's side: its key is encrypted and the passphrase option is missing or wrong, the .pem holds the certificate without its key, or the certificate has expired or was issued for the other environment (a sandbox certificate against production). Without one: the CA bundle (openssl.cafile) or an old OpenSSL that speaks no version the server accepts.",
		Fix:         "Test the same certificate and key from the shell (a wrong passphrase or a missing key shows at once):\n  openssl s_client -connect host:port -servername host -cert client.pem -key client.pem </dev/null\nthen give PHP the files and the passphrase in the stream context:\n  stream_context_create(['ssl' => ['local_cert' => '/path/client.pem', 'passphrase' => '...', 'cafile' => '/etc/ssl/certs/ca-certificates.crt']])",
		Confirm:     "openssl x509 -noout -subject -enddate -in client.pem",
	},
	// Any program on OpenSSL 1.x loading a certificate or key file by name
	// (nginx's own lines name the file and have their entries).
	{
		ID: KeyLoadFailed, Kind: "client", Without: []string{"failed (ssl:", "[emerg]"},
		Match:       []string{"ssl_ctx_use_privatekey_file:pem lib", "ssl_use_privatekey_file:pem lib"},
		Title:       "A program could not read a private key from the key file it was given (PEM lib)",
		Explanation: "OpenSSL's SSL_CTX_use_PrivateKey_file could not read a PEM private key from the file: the file holds no key (only the certificate, as a .pem exported without its key does), the key is encrypted and the passphrase is missing or wrong (the error before it then says bad decrypt), or the file is DER or PKCS#12. The program, a server at start-up or a client loading its client certificate, never got to TLS.",
		Fix:         "See what the file holds, and open the key (with its passphrase, if it asks):\n  grep -c 'PRIVATE KEY' client.pem\n  openssl pkey -in client.pem -noout\nthen give the program the file that holds the key, and its passphrase, or a decrypted copy (mode 600):\n  openssl pkey -in client.pem -out client.key && chmod 600 client.key",
		Confirm:     "openssl pkey -in client.pem -noout",
	},
	{
		ID: CertLoadFailed, Kind: "client", Without: []string{"failed (ssl:", "[emerg]"},
		Match:       []string{"ssl_ctx_use_certificate_file:pem lib", "ssl_ctx_use_certificate_chain_file:pem lib", "use_certificate_chain_file:pem lib"},
		Title:       "A program could not read a certificate from the file it was given (PEM lib)",
		Explanation: "OpenSSL could not read a PEM certificate from the file given as the certificate: it is empty, DER or PKCS#12, holds only a key, or its BEGIN and END lines are damaged (pasted with Windows line ends or without the last line). The program never got to TLS.",
		Fix:         "See what the file holds:\n  grep -c 'BEGIN CERTIFICATE' cert.pem\n  openssl x509 -noout -subject -in cert.pem\nthen give the program a PEM certificate; convert a DER one:\n  openssl x509 -inform DER -in cert.der -out cert.pem",
		Confirm:     "openssl x509 -noout -subject -in cert.pem",
	},
	// Redis accepting a client that hangs up in the handshake.
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"error accepting a client connection: (null)"},
		Title:       "A client hung up on Redis in the TLS handshake (no reason given)",
		Explanation: "Redis logs `Error accepting a client connection` with OpenSSL's reason; (null) means there was none: the client closed the connection during the handshake. Most often the client refused Redis's certificate (its CA is not trusted there, or the address the client connects to is not in the certificate's subjectAltName: StackExchange.Redis, Lettuce and redis-py check the name or IP), or the client does not speak TLS, or a health check opened and closed the port.",
		Fix:         "Read the client's own error, and check the certificate's names against the address the clients use:\n  openssl x509 -noout -text -in redis.crt | grep -A1 'Subject Alternative Name'\n  redis-cli --tls --cacert ca.crt -h HOST -p 6379 ping",
		Confirm:     "openssl s_client -connect HOST:6379 -CAfile ca.crt </dev/null",
	},
	// pyOpenSSL (requests with pyopenssl injected) when the server hangs up.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client", Within: []string{"bad handshake"},
		Match:       []string{"unexpected eof"},
		Title:       "The server closed the connection during the Python client's handshake",
		Explanation: "pyOpenSSL (under requests or urllib3) saw the server close the connection in the middle of the handshake, without an alert. Servers do so when they require a client certificate and got none or one they do not accept (often because the client does not send the intermediate of its client certificate chain), when they need a name (SNI) the client did not send, or when no TLS version is shared.",
		Fix:         "See what the server asks for, with the same name:\n  openssl s_client -connect host:443 -servername host </dev/null\nthen send a client certificate with its intermediate certificate after it in the same file:\n  cat client.crt intermediate.crt > client-chain.crt\n  requests.get(url, cert=(\"client-chain.crt\", \"client.key\"))",
		Confirm:     "openssl s_client -connect host:443 -servername host -cert client-chain.crt -key client.key </dev/null",
	},
	// pyOpenSSL's "bad handshake" with no reason after it.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client", Fallback: true,
		Match:       []string{"errno bad handshake", "sslerror: bad handshake", "sslerror(\"bad handshake", "sslerror('bad handshake"},
		Without:     []string{"unexpected eof", "certificate verify failed"},
		Title:       "The Python client's handshake failed (pyOpenSSL's bad handshake, without a reason)",
		Explanation: "requests or urllib3 on pyOpenSSL (Python 2, or pyopenssl injected) report any failed handshake as bad handshake; with no OpenSSL reason after it, the server most often ended the connection. Four causes cover most cases: 1. the server requires a client certificate and got none, or cannot build its chain: urllib3 sends only the first certificate of the cert file, so a server that needs the client's intermediate refuses it; 2. the client sent no server name (SNI), needed by a server with several certificates (old Python 2 without pyOpenSSL's SNI); 3. no TLS version in common with an old OpenSSL under Python 2; 4. the server's certificate is not trusted (then a reason usually follows).",
		Fix:         "See what the server asks for, with the same name, and whether it accepts the client's certificate with its chain:\n  openssl s_client -connect host:443 -servername host -cert client.crt -key client.key </dev/null\nthen give the server the intermediate of the client's certificate in its trusted CAs, or make the client send it (a client that presents the whole chain).",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | grep -A5 'Acceptable client certificate CA names'",
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
	// Dovecot loading its own certificate and key.
	{
		ID: LogKeyMismatch, Kind: "client",
		Match:       []string{"key is for a different cert than ssl_cert"},
		Title:       "Dovecot's ssl_key does not belong to its ssl_cert",
		Explanation: "Dovecot loaded a private key (ssl_key) whose public key differs from the certificate's (ssl_cert): the files are from different renewals or requests, a combined or copied certificate file was not made again after the key changed, or the two settings name different names' files (a local_name block, an include that sets one of them).",
		Fix:         "See which files Dovecot uses, then compare their public keys (the sums must be equal):\n  doveconf -n | grep -E '^ *ssl_(cert|key)'\n  openssl x509 -noout -pubkey -in /etc/dovecot/fullchain.pem | sha256sum\n  openssl pkey -pubout -in /etc/dovecot/privkey.pem | sha256sum",
		Confirm:     "doveconf -n | grep -E '^ *ssl_(cert|key)'",
	},
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"ssl_cert setting): the certificate is empty", "there is no valid pem certificate"},
		Title:       "Dovecot has no certificate in its ssl_cert setting",
		Explanation: "Dovecot reads the certificate from the value of ssl_cert, which must name a file with a leading `<` (ssl_cert = </etc/dovecot/fullchain.pem): without the `<` the path itself is taken as the certificate's text. An empty value means the setting Dovecot ended up with is empty: the file or include that sets it was not read (a missing !include_try file, one this process may not read), or it names an empty file.",
		Fix:         "See the value Dovecot uses, and set both files with the `<`:\n  doveconf -n | grep -E '^ *ssl_(cert|key)'\nin 10-ssl.conf:\n  ssl_cert = </etc/dovecot/fullchain.pem\n  ssl_key = </etc/dovecot/privkey.pem",
		Confirm:     "doveconf -n | grep -E '^ *ssl_(cert|key)'",
	},
	// OpenLDAP's slapd setting up TLS.
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"tls init def ctx failed"},
		Title:       "slapd could not set up TLS from its certificate settings",
		Explanation: "OpenLDAP's slapd could not build its TLS context from olcTLSCertificateFile, olcTLSCertificateKeyFile and olcTLSCACertificateFile (slapd.conf: TLSCertificateFile...). The OpenSSL reason after it is often a leftover that misleads (`no cipher match`). Most often slapd, running as the openldap (or ldap) user, may not read the key: its mode or group (an ACME client's key readable by root only), or AppArmor on Ubuntu, which lets slapd read only some directories; else a file is missing, or the key does not belong to the certificate.",
		Fix:         "Check that the slapd user may read each file:\n  sudo -u openldap test -r /etc/ldap/tls/server.key || echo unreadable\nthen give the key to the group slapd runs as:\n  chgrp openldap /etc/ldap/tls/server.key && chmod 640 /etc/ldap/tls/server.key\nOn Ubuntu, AppArmor's profile for slapd must allow the directory; the kernel log shows its denials.",
		Confirm:     "journalctl -k | grep -i denied | grep slapd",
	},
	// Windows' own words (CERT_E_EXPIRED), as .NET, PowerShell and signtool print them.
	{
		ID: ServerCertExpired, Kind: "client",
		Match:       []string{"a required certificate is not within its validity period when verifying against the current system clock"},
		Title:       "Windows found a certificate outside its validity period (CERT_E_EXPIRED)",
		Explanation: "Windows' certificate check found the server's certificate, or one in its chain, expired (or not yet valid) by this machine's clock: the server's certificate was not renewed, the chain leads to an expired root or intermediate, or the clock is wrong.",
		Fix:         "Renew the server's certificate, and check its dates and this machine's clock:\n  openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -dates",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -dates",
	},
	// gRPC core's name check (C++, Python, Ruby, PHP clients).
	{
		ID: ServerHostnameMismatch, Kind: "client",
		Match:       []string{"is not in peer certificate"},
		Title:       "The server's certificate does not name the address the gRPC client used",
		Explanation: "gRPC checked the server's certificate against the name or IP address it dialled, and the certificate's subjectAltName does not carry it: a client that dials a gateway, a Docker host address (172.17.0.1) or a load balancer the certificate was not issued for.",
		Fix:         "Dial a name the certificate carries, or reissue the certificate with that name or address:\n  subjectAltName=DNS:node.example.org,IP:172.17.0.1\nor tell the client which name to expect (gRPC: the grpc.ssl_target_name_override channel option).",
		Confirm:     "openssl s_client -connect host:443 </dev/null 2>/dev/null | openssl x509 -noout -text | grep -A1 'Subject Alternative Name'",
	},
	// Java's client when the server hangs up during the handshake.
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"remote host closed connection during handshake"},
		Without:     []string{"client ssl handshake failed"},
		Title:       "The server closed the connection during the Java client's handshake",
		Explanation: "JSSE saw the server end the connection without an alert. Four causes cover most cases: 1. no TLS version or cipher suite in common: an old Java (7, early 8) offers TLS 1.0 by default to a server that wants TLS 1.2, or a new Java with TLS 1.0/1.1, RC4 or 3DES disabled meets an old server (an embedded Jetty 6 that offers only RC4; upgrade the server); 2. the server wanted a client certificate the client did not send (or refused the one sent), or a name (SNI) it did not get: a client that sends none (-Djsse.enableSNIExtension=false, an IP address in the URL, an old callback client of a payment or partner service) against a server or CDN that chooses its certificate by name; 3. the port does not speak TLS (an https:// URL or SSL option aimed at a plain HTTP port, which closes on the ClientHello); 4. a proxy or firewall cut the connection.",
		Fix:         "Offer the versions the server speaks (an old Java: TLS 1.2 with the https.protocols and jdk.tls.client.protocols properties):\n  java -Dhttps.protocols=TLSv1.2 -Djdk.tls.client.protocols=TLSv1.2 ...\nand see the handshake from both sides:\n  java -Djavax.net.debug=ssl:handshake ...",
		Confirm:     "openssl s_client -connect host:443 -servername host -tls1_2 </dev/null",
	},
	// wget's own words for the server's certificate.
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match:       []string{"hasn't got a known issuer", "doesn't have a known issuer", "cannot verify", "unable to locally verify the issuer's authority", "' is not trusted."},
		Within:      []string{"wget", "the certificate of '", "certificate of \u2018", "certificate of '", "'s certificate, issued by"},
		Title:       "wget does not trust the server's certificate",
		Explanation: "wget checked the server's certificate against the system's CA bundle and found no CA it trusts. Four causes cover most cases: 1. the ca-certificates package is missing or old (a fresh minimal system or container image); 2. the server does not send its intermediate (browsers fill it in, wget does not); 3. the server uses a private CA; 4. a TLS-intercepting proxy re-signs the traffic. An old wget (on OpenSSL 1.0.x, or GnuTLS before 3.6.14) also fails on a chain through an expired cross-signing root (DST Root CA X3 in 2021, AddTrust in 2020) that newer ones pass. wget's next line names the reason: `Unable to locally verify the issuer's authority` is a CA it lacks or an intermediate not sent; `Issued certificate has expired` is the server's certificate past its date (or the client's clock); `Self-signed certificate encountered` a self-signed one.",
		Fix:         "See what the server sends (one certificate alone means its intermediate is missing):\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null\nthen put a current CA bundle (and a current wget) on the client:\n  apt-get install -y ca-certificates\nor give wget a private CA:\n  wget --ca-certificate=ca.crt https://host/",
		Confirm:     serverVerdictConfirm,
	},
	{
		ID: ServerCertExpired, Kind: "client",
		Match:       []string{"has expired"},
		Within:      []string{"the certificate of '", "certificate of \u2018", "certificate of '"},
		Title:       "wget found the server's certificate (or its chain) expired",
		Explanation: "wget found a certificate of the server's chain expired by this machine's clock: the server's certificate was not renewed, or an old wget (GnuTLS or OpenSSL 1.0) followed a chain to an expired root, such as Let's Encrypt's old DST Root CA X3 cross-sign, where newer clients find the current root.",
		Fix:         "Check the server's dates and this machine's clock; for an old wget on a valid chain, update wget and ca-certificates (or fetch with curl):\n  openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -dates",
		Confirm:     "date -u",
	},
	// Go with no roots at all.
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match:       []string{"x509: failed to load system roots and no roots provided"},
		Title:       "The Go program found no CA certificates on this system",
		Explanation: "Go looked for the system's CA bundle (/etc/ssl/certs and the like) and found none, and the program gave no roots of its own: a scratch, distroless or minimal container image without the ca-certificates package, so no server can be verified. On a system that has a bundle, it lies where this Go release does not look (Go reads a fixed list of files, such as /etc/ssl/certs/ca-certificates.crt and /etc/pki/tls/certs/ca-bundle.crt; a distribution that keeps its bundle only as /etc/ssl/cert.pem was missed by older releases): SSL_CERT_FILE names it.",
		Fix:         "Put a CA bundle into the image (or mount the host's):\n  apt-get install -y ca-certificates\nor, in a Dockerfile from scratch:\n  COPY --from=build /etc/ssl/certs/ca-certificates.crt /etc/ssl/certs/\nWhere the system has its bundle elsewhere, name it for the program:\n  SSL_CERT_FILE=/etc/ssl/cert.pem ./app",
		Confirm:     "ls -l /etc/ssl/certs/ca-certificates.crt",
	},
	// Java host name checks (Apache HttpClient, JSSE's HostnameChecker, LDAP).
	{
		ID: ServerHostnameMismatch, Kind: "client",
		Match:       []string{"does not match the certificate subject provided by the peer", "does not match the hostname in the server's certificate"},
		Title:       "The server's certificate does not name the host the Java client used",
		Explanation: "The Java client (Apache HttpClient, or JSSE's own check) compared the host it connected to with the certificate's names and found none that matches: the certificate was issued for another name (a CDN's or a default certificate, a machine name where the client uses localhost), or the client connects by an IP address or alias the certificate does not carry.",
		Fix:         "Connect by a name the certificate carries, or reissue the certificate with the name the client uses:\n  subjectAltName=DNS:host.example.org,DNS:localhost\n" + newCheckNote,
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -subject -text | grep -A1 -e '^subject=' -e 'Subject Alternative Name'",
	},
	// A client refusing the server's small Diffie-Hellman group.
	{
		ID: HandshakeFailed, Kind: "client", Own: true, Side: "client",
		Match: []string{"dh key too small", "dh_key_too_small"},
		// A server loading its own parameters has its own story.
		Without:     []string{"ssl_do_handshake", "while ssl handshaking", "ssl_accept", "accept", "dh parameters", "ssl_dh", "set_tmp_dh", "server context", "ssl3_ctx_ctrl", "set dh params"},
		Title:       "The server's Diffie-Hellman group is too small for this client",
		Explanation: "The server chose a DHE cipher suite with Diffie-Hellman parameters of 1024 bits or fewer, and the client's OpenSSL refuses them at its security level (Debian and Ubuntu run level 2, which wants 2048 bits): old appliances, VPN gateways and embedded servers, often after an upgrade of the client's system.",
		Fix:         "Give the server 2048-bit DH parameters or ECDHE suites. Until then, let the client leave DHE out (curl --ciphers, Python ctx.set_ciphers, openconnect --cipher-list):\n  curl --ciphers 'DEFAULT:!DH' https://host/\nor lower its security level for that connection only ('DEFAULT@SECLEVEL=1'; for every program on the machine, knowingly: CipherString = DEFAULT@SECLEVEL=1 in /etc/ssl/openssl.cnf):\n  openssl s_client -connect host:443 -cipher 'DEFAULT@SECLEVEL=1' </dev/null",
		Confirm:     "openssl s_client -connect host:443 -cipher 'DHE' </dev/null 2>/dev/null | grep 'Server Temp Key'",
	},
	// msmtp's own verdicts.
	{
		ID: ServerCertExpired, Kind: "client",
		Match:       []string{"has expired"},
		Within:      []string{"tls certificate verification failed: certificate"},
		Title:       "msmtp found a certificate of the mail server's chain expired",
		Explanation: "msmtp counts the certificates the mail server sent: the one it names (`certificate 2 of 4`) has expired. Past the first, it is an intermediate or an old cross-signed root the server still sends, which the server's administrators must drop or replace.",
		Fix:         "See the chain the server sends, with each certificate's dates:\n  openssl s_client -connect mail.example.org:465 -showcerts </dev/null\nthen have the server send a current chain.",
		Confirm:     "msmtp --serverinfo --tls --tls-certcheck=off --host=mail.example.org --port=465",
	},
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match:       []string{"the certificate fingerprint does not match"},
		Title:       "The mail server's certificate is not the one msmtp was pinned to",
		Explanation: "msmtp (or a sendmail wrapper around it) checks the server's certificate by a fixed fingerprint (tls_fingerprint), and the server now has another certificate: it was renewed or replaced.",
		Fix:         "Read the new certificate's fingerprint, check that it is the server's, and put it in tls_fingerprint:\n  msmtp --serverinfo --tls --tls-certcheck=off --host=mail.example.org --port=465",
		Confirm:     "msmtp --serverinfo --tls --tls-certcheck=off --host=mail.example.org --port=465",
	},
	// OpenLDAP's clients (ldapsearch, libldap in other programs).
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match:       []string{"tls: peer cert untrusted or revoked"},
		Title:       "The LDAP client does not trust the directory server's certificate",
		Explanation: "libldap (ldapsearch, and programs built on it) checked the LDAP server's certificate against its CA file and found no CA that issued it (or found it revoked): the server's certificate is self-signed or from a private CA, and TLS_CACERT in ldap.conf (or LDAPTLS_CACERT) does not name that CA.",
		Fix:         "Name the server's CA in /etc/ldap/ldap.conf (or the environment):\n  TLS_CACERT /etc/ldap/ca.crt\nthen test:\n  LDAPTLS_CACERT=/etc/ldap/ca.crt ldapsearch -H ldaps://ldap.example.org -x -b '' -s base",
		Confirm:     "openssl s_client -connect ldap.example.org:636 -CAfile /etc/ldap/ca.crt </dev/null 2>/dev/null | grep 'Verify return code'",
	},
	// Chrome's interstitial for an expired certificate.
	{
		ID: ServerCertExpired, Kind: "client",
		Match:       []string{"its security certificate expired", "its security certificate is not yet valid"},
		Title:       "The browser found the site's certificate expired",
		Explanation: "Chrome's page says the server's certificate expired (or is not yet valid) by this computer's clock: the site's renewal failed (a certbot timer or ACME client that stopped), or the computer's clock is wrong, which the page also names.",
		Fix:         "Renew the site's certificate and reload the server; check the renewal job:\n  certbot renew --dry-run",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -dates",
	},
	// A Go client with neither ServerName nor InsecureSkipVerify.
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"either servername or insecureskipverify must be specified"},
		Title:       "The Go client's tls.Config names no server to check",
		Explanation: "A Go program dialled TLS with a tls.Config that sets neither ServerName nor InsecureSkipVerify, and the dial gave no host name to take it from (a raw tls.Client over an existing connection, or a dial by address only): Go refuses to guess which name to verify.",
		Fix:         "Set the name the server's certificate carries in the tls.Config:\n  cfg := &tls.Config{ServerName: \"backend.example.org\", RootCAs: pool}",
		Confirm:     "openssl s_client -connect backend.example.org:443 -servername backend.example.org </dev/null",
	},
	// Erlang/OTP's path length limit (its depth option).
	{
		ID: VerifyError, Kind: "client",
		Match:       []string{"max_path_length_reached"},
		Title:       "The chain is longer than the Erlang/OTP side allows (depth)",
		Explanation: "Erlang's ssl checks a peer's chain up to its depth option (1 by default in older OTP releases: one intermediate), and this chain has more CAs between the certificate and the trusted root: a client certificate under several intermediates, or a server chain with an extra cross-sign.",
		Fix:         "Raise the depth of the listener or client to the chain's number of intermediates (RabbitMQ: ssl_options.depth; EMQX and VerneMQ: their listener's depth):\n  {depth, 3}",
		Confirm:     "openssl verify -show_chain -CAfile root.crt -untrusted intermediates.pem client.crt",
	},
	// FreeRADIUS checking an EAP-TLS client's chain.
	{
		ID: VerifyError, Kind: "client", Side: "server",
		Match:       []string{"there are untrusted certificates in the certificate chain"},
		Title:       "FreeRADIUS refused a client chain with certificates it does not trust",
		Explanation: "FreeRADIUS' EAP-TLS (or its TLS listener) found certificates in the chain the client sent that do not lead to a CA in its ca_file: the client's intermediate or root is not in FreeRADIUS' CA file, or the client sends a chain from another CA.",
		Fix:         "Put the client certificates' CA and intermediates in the ca_file of the tls-config section (mods-available/eap), then restart; check a client's certificate against it:\n  openssl verify -CAfile /etc/freeradius/certs/ca.pem -untrusted int.pem client.crt",
		Confirm:     "openssl verify -CAfile /etc/freeradius/certs/ca.pem -untrusted int.pem client.crt",
	},
	// Netty servers given plain HTTP (Elasticsearch, Logstash, Vert.x).
	{
		ID: PlainHTTP, Kind: "client",
		Match:       []string{"notsslrecordexception", "not an ssl/tls record"},
		Title:       "The Java (Netty) server got plain text on its TLS port",
		Explanation: "The server expected a TLS record and got something else: a client spoke plain HTTP to the HTTPS port (an http:// URL, a health check or a scanner). The hex after `not an SSL/TLS record` is what came: 474554 is `GET`, 504f5354 `POST`.",
		Fix:         "Point the client at https:// (or at the plain port), e.g.:\n  curl --cacert ca.crt https://host:9200/",
		Confirm:     "curl -v --cacert ca.crt https://host:9200/",
	},
	// Java key and trust stores that do not load.
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"failed to load ssl keystore", "no valid keystore", "failed to load keystore"},
		Title:       "A Java program could not load its key store or trust store",
		Explanation: "The program could not open the JKS or PKCS#12 store it was configured with: the file is missing at that path (an init step that never made it), the store type given (JKS) is not the file's (a PKCS#12 store, which keytool writes by default since Java 9, read by an older Java as JKS), or the store password is wrong.",
		Fix:         "See what the file is and whether the password opens it:\n  keytool -list -keystore client.truststore.jks -storepass changeit\nthen give the right path, type (ssl.keystore.type / keyStoreType: PKCS12 or JKS) and password.",
		Confirm:     "keytool -list -keystore client.truststore.jks -storepass changeit",
	},
	// HAProxy's OCSP updates.
	{
		ID: StaplingFailed, Kind: "client",
		Match:       []string{"ocsp auto-update is set to", "ocsp auto-update set to", "<ocsp-update>", "ocsp-update"},
		Title:       "HAProxy could not set up or run its OCSP update",
		Explanation: "HAProxy's ocsp-update fetches OCSP answers for the certificates of a crt-list. It fails when a certificate has no OCSP URL (Let's Encrypt's certificates since May 2025: Let's Encrypt ended OCSP) or its issuer is not found, or when the responder cannot be reached (its internal HTTP client picks an IPv6 address on a host without IPv6, or DNS blocks the responder).",
		Fix:         "For certificates without OCSP, turn the update off in the crt-list or globally:\n  ocsp-update off\nelse let HAProxy's HTTP client reach the responder (httpclient.resolvers.prefer ipv4).",
		Confirm:     "openssl x509 -noout -ocsp_uri -in /etc/haproxy/certs/site.pem",
	},
	{
		ID: StaplingFailed, Kind: "client",
		Match:       []string{"ocsp_ht.c"},
		Without:     []string{"code=400"},
		Title:       "The OCSP responder's answer was not OCSP",
		Explanation: "An OCSP query (for stapling, or openssl ocsp) got an HTTP answer that is not an OCSP response: a redirect or an error page, most often from a DNS filter (Pi-hole, AdGuard) or a proxy that catches the responder's host name, or a responder that was shut down.",
		Fix:         "Ask the responder by hand from the same machine, and see what answers:\n  curl -sI http://r3.o.lencr.org/\nthen let the host reach it directly, or turn stapling off for certificates whose CA ended OCSP.",
		Confirm:     "openssl x509 -noout -ocsp_uri -in server.crt",
	},
	// MinIO reading private.key.
	{
		ID: KeyLoadFailed, Kind: "client",
		Match:       []string{"the private key contains additional data"},
		Title:       "MinIO's private.key holds more than the key",
		Explanation: "MinIO reads exactly one PEM block from private.key, and this file has another: an `EC PARAMETERS` block ahead of an EC key (what `openssl ecparam -genkey` and some ACME clients write), or a certificate pasted into the same file.",
		Fix:         "Write the key alone and use that file as private.key (shown for an EC key; for another key use pkey instead of ec):\n  openssl ec -in private.key -out private-only.key\nthen:\n  mv private-only.key private.key",
		Confirm:     "grep -c BEGIN private.key",
	},
}

// reasonEntries are OpenSSL reasons users meet often, told whoever wrote
// them (the reason tables give every other reason a generic meaning).
var reasonEntries = []Entry{
	// OpenSSL 3 clients against servers without RFC 5746.
	{
		ID: HandshakeFailed, Kind: "reason",
		Match: []string{"unsafe legacy renegotiation disabled"}, Exact: []string{"unsafe legacy renegotiation disabled"},
		Title:       "The server does not support secure renegotiation, which OpenSSL 3 requires (unsafe legacy renegotiation disabled)",
		Explanation: "The server's handshake lacks the secure renegotiation extension (RFC 5746): an old server, appliance or TLS-inspecting middlebox. OpenSSL 3.0 and later no longer connect to such servers by default (they dropped SSL_OP_LEGACY_SERVER_CONNECT from the defaults); OpenSSL 1.1.1 did.",
		Fix:         "Upgrade the server. Until then, allow it for this client only, with an OpenSSL configuration file that sets UnsafeLegacyServerConnect (UnsafeLegacyRenegotiation allows more; or the program's SSL_OP_LEGACY_SERVER_CONNECT option):\n  printf 'openssl_conf = c\\n[c]\\nssl_conf = s\\n[s]\\nsystem_default = d\\n[d]\\nOptions = UnsafeLegacyServerConnect\\n' > legacy.cnf\n  OPENSSL_CONF=legacy.cnf curl https://host/",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null 2>&1 | grep -i 'secure renegotiation'",
	},
	{
		ID: HandshakeFailed, Kind: "reason",
		Match: []string{"wrong signature type"}, Exact: []string{"wrong signature type"},
		Title:       "The peer signed with an algorithm this side does not allow (wrong signature type)",
		Explanation: "The other side signed its handshake (or its certificate) with a signature algorithm this side did not offer or no longer accepts: with OpenSSL 3, SHA-1 signatures are refused from security level 1 on, and an old server or one pinned to TLS 1.0/1.1 signs with them.",
		Fix:         "Upgrade the other side or let it sign with SHA-256. Only as a stopgap for one client, lower its security level (it weakens that client's connections):\n  curl --ciphers 'DEFAULT:@SECLEVEL=0' https://host/",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null",
	},
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
		Match: []string{"ccs received early"}, Exact: []string{"ccs received early"},
		Title:       "A ChangeCipherSpec came before the keys were agreed (ccs received early): a scanner's test",
		Explanation: "The client sent TLS's ChangeCipherSpec message too early in the handshake, which is what scanners send to test for old OpenSSL's CCS injection flaw (CVE-2014-0224): SSL Labs, testssl.sh, nmap's ssl-ccs-injection. The refusal shows this server is not vulnerable; ordinary clients never send it.",
		Fix:         "Nothing to fix: the server refused it as it should. An address you do not know is someone else's scan.",
		Confirm:     "openssl s_client -connect host:443 </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "nginx", Level: infoLevel,
		Match: []string{"recv() failed", "send() failed", "writev() failed"}, Within: []string{"while ssl handshaking"}, Without: []string{"to upstream"},
		Title:       "The client reset the connection during the TLS handshake",
		Explanation: "The client's side reset the TCP connection (104: Connection reset by peer) or was gone (32: Broken pipe) before the handshake ended: a scanner or a health check that opens and drops connections (one address at a steady interval is usually a load balancer's check), a client that gave up (a timeout, a proxy in between), or a client that refused the server's certificate and closed without a TLS alert, as some Java and .NET clients and apps with pinned certificates do.",
		Fix:         "If clients you know fail so, connect as they do and see whether the server's certificate is refused:\n  mtlsdoctor probe host:443\nIf it is a load balancer's health check, make the check speak TLS, or point it at a plain port.",
		Confirm:     "mtlsdoctor probe host:443",
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
		Explanation: "The client offered no signature algorithm the server's certificate key can make (an ECDSA key for a client that offers only RSA ones, or only SHA-1 ones that the security level forbids); old and embedded clients hit it. TLS 1.0 and 1.1 sign with SHA-1 (MD5+SHA-1), which OpenSSL 3 allows only at security level 0, so a server kept on those versions fails so for every client.",
		Fix:         "Serve a certificate whose key the client supports (an RSA certificate next to an ECDSA one: two ssl_certificate lines), and keep ssl_ciphers wide enough:\n  ssl_ciphers HIGH:!aNULL:!MD5;\nWhen the client is yours (an embedded TLS stack, a device's firmware), let it offer the signature algorithms of the server's key, RSA-PSS and ECDSA with SHA-256 among them (mbedTLS, wolfSSL and BearSSL build them in or out by configuration). Only if clients must keep TLS 1.0 or 1.1 with OpenSSL 3, lower the security level on both sides (it weakens every connection):\n  ssl_ciphers DEFAULT:@SECLEVEL=0;",
		Confirm:     "openssl s_client -connect host:443 -sigalgs RSA+SHA256 </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "reason", Level: infoLevel,
		Match: []string{"unexpected eof while reading"}, Exact: []string{"unexpected eof while reading"},
		Title:       "The peer closed the connection without a TLS close_notify (unexpected eof while reading)",
		Explanation: "OpenSSL 3 reports a TCP close without TLS's close_notify as this error, and so did OpenSSL 1.1.1e alone (its packed code 4095126; 1.1.1f took the change back, and the other 1.1.1 releases say nothing). Browsers, scanners and keep-alive clients do it all the time; nginx 1.21.6 and later log it at info, older ones at crit. When every connection fails this way, it is not noise: a proxy in front (HAProxy with send-proxy, a cloud load balancer) sends the PROXY protocol header that this server does not expect on that port, or the reverse, so each handshake starts with bytes neither side reads as TLS. When one client of yours fails so every time, in the handshake, that client gave up: it did not trust this server's certificate, or could not use its own certificate or key (a client certificate loaded without its key); that client's log says which.",
		Fix:         "Nothing to fix for occasional lines. To stop the crit lines, upgrade nginx (1.21.6 or later), or OpenSSL 1.1.1e to 1.1.1f or later, or log at error level:\n  error_log /var/log/nginx/error.log error;\nOther programs built on OpenSSL 3 (Postfix, Dovecot, a Python or Ruby server, a client that reads until the server closes) report it the same way until a release of theirs tolerates it (SSL_OP_IGNORE_UNEXPECTED_EOF): upgrade that program, or lower its TLS log level. If no connection succeeds, make the PROXY protocol agree on both ends for that port (HAProxy's send-proxy with nginx's listen ... proxy_protocol, Postfix's smtpd_upstream_proxy_protocol = haproxy on that very service).",
		Confirm:     "nginx -V 2>&1 | grep -e version -e 'built with'",
	},
	{
		ID: HandshakeFailed, Kind: "reason", Level: infoLevel,
		Match: []string{"application data after close notify"}, Exact: []string{"application data after close notify"}, Without: []string{"while ssl handshaking"},
		Title:       "The peer sent data after closing TLS (application data after close notify)",
		Explanation: "The other side sent a close_notify and then more data; OpenSSL refuses it at shutdown. A client quirk, usually harmless.",
		Fix:         "Nothing to fix in the server unless one client always does it; update that client.",
		Confirm:     "openssl s_client -connect host:443 </dev/null",
	},
	{
		ID: TLSAlert, Kind: "alert",
		Match: []string{"alert internal error", "tls: internal error"}, Exact: []string{"internal error", "internal_error", "alert 80"},
		Title:       "TLS alert 80 internal_error: the other side failed for its own reasons",
		Explanation: "The side that sent it hit an error not caused by the peer's messages. Servers send it when they have no certificate for the name the client asked for in SNI, or got no name from a client that sends none (Python before 2.7.9, Java 6, a client given an IP address): Go servers, Kubernetes ingresses, CDNs; a cloud database (MongoDB Atlas) sends it to an address outside its IP access list; when no signature algorithm works with their key (TLS 1.0 and 1.1 sign with SHA-1, which OpenSSL 3 allows only at security level 0, so a server held to TLS 1.0 on OpenSSL 3 fails so); or on a bug of their own (a server release that breaks on session resumption: upgrade it). A server that checks client certificates may send it for one it refuses: Apple's push gateway for an expired or revoked push certificate, or a .p12 exported without its key. A client that gets it from a server that works with other clients is often too old for the server's new settings: update its TLS library (Delphi's Indy, whose old releases ship with OpenSSL 1.0.2: the current Indy and its DLLs). Clients send it when their own key or certificate cannot be used, and some (SPICE's viewers) when their own check of the server's certificate fails, such as a subject that does not match the host-subject they expect.",
		Fix:         "Read the log of the side that sent it: it names the cause. Send the server's real name (curl uses the URL's host; nginx to upstreams needs it set):\n  proxy_ssl_server_name on;\nAn envoy listener sends it when no filter chain has tls_certificates for the name. For TLS 1.0 or 1.1 with OpenSSL 3 on either side, allow SHA-1 signatures on both (or move to TLS 1.2):\n  openssl s_client -connect host:443 -tls1 -cipher 'DEFAULT:@SECLEVEL=0' </dev/null",
		Confirm:     "openssl s_client -connect host:443 -servername host.example.com </dev/null",
	},
	{
		// Only a server sends it: the side that received it, and wrote the
		// line, is the client.
		ID: TLSAlert, Kind: "alert", Side: "client",
		Match: []string{"unrecognized name", "tls: unrecognized name"}, Exact: []string{"unrecognized_name", "alert 112"},
		Title:       "TLS alert 112 unrecognized_name: the server does not serve the name asked for in SNI",
		Explanation: "The client sent a server name (SNI) that the server has no site or certificate for, or sent none to a server that needs one. An nginx whose default server has ssl_reject_handshake on (Nginx Proxy Manager 2.9.20 and later) sends it for every name it has no server block for. When the name is the right one, the server has no usable certificate for it: a certificate file that holds only the CA chain without the site's own certificate, or a certificate that did not load (Traefik, Envoy and load balancers then refuse the name rather than show a default).",
		Fix:         "Use the name the server serves in the URL; for nginx as the client of an upstream:\n  proxy_ssl_server_name on;\n  proxy_ssl_name backend.example.com;\nWith the right name, check on the server that the certificate for it loaded and that its file starts with the site's own certificate, not the CA's:\n  openssl x509 -noout -subject -issuer -in server.crt",
		Confirm:     "openssl s_client -connect host:443 -servername host.example.com </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "reason",
		Match: []string{"unknown protocol"}, Exact: []string{"unknown protocol"},
		Title:       "The other side does not speak TLS (unknown protocol)",
		Explanation: "OpenSSL (1.0/1.1) got bytes that are not a TLS record. Four causes cover most cases: 1. the port serves plain HTTP or another protocol (https:// to a plain port); 2. a proxy answered in clear text (an HTTP proxy's error page, a plain-HTTP proxy given as https://, or a client library that does not tunnel through an HTTP proxy with CONNECT and sends its TLS hello straight to the proxy's plain port, as older axios releases did with HTTPS_PROXY); 3. the port is meant to be TLS but the server's TLS did not take on it: a listener whose TLS setting names a profile or certificate block that does not exist (the server then falls back to plain text), or a plain listener bound to the TLS port; 4. a protocol that starts in clear text and upgrades later (SMTP, IMAP, XMPP, PostgreSQL, LDAP, FTP): use STARTTLS there; for FTP, curl's ftps:// means implicit TLS from the first byte (port 990), while explicit FTPS (AUTH TLS on port 21, as FileZilla Server and vsftpd serve it by default) needs ftp:// with --ssl-reqd. Less often the client is too old for the server: on OpenSSL 0.9.8 (the system Python 2.7 of older macOS releases) it reads a server's refusal of its old hello as an unknown protocol; the same program on a newer Python or OpenSSL gets through.",
		Fix:         "Check the scheme and port (https:// to a plain port fails so), and any proxy settings (https_proxy) in between:\n  curl -v http://host:PORT/\nIf the port should speak TLS, see what it answers in clear text and check the server's listener settings for that port:\n  printf 'HELP\\r\\n' | nc host PORT | head -3",
		Confirm:     "openssl s_client -connect host:PORT </dev/null",
	},
	{
		// nginx's own handshake lines have their entry (findings_logs.go).
		ID: HandshakeFailed, Kind: "reason", Level: infoLevel, Without: []string{"ssl_do_handshake", "while ssl handshaking"},
		Match: []string{"http_request", ":http request", "] http request", "a: http request", "state=error: http request"}, Exact: []string{"http request"},
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
		Explanation: "OpenSSL found a `-----BEGIN ...-----` line but not the matching END line, or base64 it cannot decode: the file was cut short, lines were joined (a missing newline between two certificates when concatenating), or Windows line breaks or spaces crept in. Some loaders (Bun's, among others) also refuse a file that ends right after its END line, without a final newline. Printed by a client given no certificate file of its own (curl: (35) or (77)), the damaged file is its CA bundle: a certificate added by hand to ca-certificates.crt, or an entry in /usr/local/share/ca-certificates.",
		Fix:         "Look at the ends of the blocks and fix the file (each END line on its own line):\n  grep -n -- '-----' FILE\nthen check it:\n  openssl x509 -noout -in FILE\nA damaged system CA bundle is rebuilt from its parts:\n  update-ca-certificates --fresh",
		Confirm:     "grep -c -- '-----BEGIN' FILE",
	},
	{
		// OpenSSL 1.0 queues it after the alert that caused it: the alert
		// tells the story then.
		ID: HandshakeFailed, Kind: "reason", Without: []string{" alert "},
		Match: []string{":ssl handshake failure", "[ssl: ssl_handshake_failure] ssl handshake failure"}, Exact: []string{"ssl handshake failure"},
		Title:       "The TLS handshake failed (OpenSSL 1.0 ssl handshake failure)",
		Explanation: "OpenSSL 1.0's generic error when the peer closed the connection during the handshake without an alert: the server does not speak TLS on the port, refuses the client's versions, or requires something (SNI, a client certificate) the client did not send.",
		Fix:         "Retry with a current client, the server's name and, if needed, a client certificate:\n  openssl s_client -connect host:443 -servername host -cert client.crt -key client.key </dev/null",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null",
	},
}
