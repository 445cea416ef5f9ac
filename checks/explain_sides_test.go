package checks

import (
	"strings"
	"testing"

	"github.com/mtlsdoctor/mtlsdoctor/catalogue"
	"github.com/mtlsdoctor/mtlsdoctor/report"
)

// TestExplainSides: lines whose side is plain from their words are told
// from that side: a Go server's x509 verdict is about the client's
// certificate, nginx reading from an upstream that sent a certificate alert
// is a client refused by its backend, an upstream that closed the handshake
// is not "a client hung up", and browsers' own codes for a server's
// certificate have an answer.
func TestExplainSides(t *testing.T) {
	for _, tc := range []struct {
		line, reporter, role, id, word string
	}{
		{"http: TLS handshake error from 172.17.0.1:43210: tls: failed to verify certificate: x509: certificate signed by unknown authority", "go", "server", "verify-error", "clientcas"},
		{"http: TLS handshake error from 1.2.3.4:1234: EOF", "go", "server", "handshake-failed", "harmless"},
		// A server's setting for client certificates beside a verify
		// failure its clients print in the same words: the client's
		// certificate is in question (Dart, rustls, Go).
		{"HandshakeException in SecureServerSocket: CERTIFICATE_VERIFY_FAILED: self signed certificate", "unknown", "server", "verify-error", "client ca file"},
		{"accept failed (AllowAnyAuthenticatedClient): invalid peer certificate: UnknownIssuer", "unknown", "server", "verify-error", "client ca file"},
		{"listener with RequireAndVerifyClientCert: tls: failed to verify certificate: x509: certificate signed by unknown authority", "go", "server", "verify-error", "clientcas"},
		// nginx's own reading of its configuration, about TLS directives.
		{`2026/12/05 10:00:00 [emerg] 9#9: unknown directive "ssl_stapplng" in /etc/nginx/conf.d/site.conf:14`, "nginx", "server", "startup-failed", "misspelt"},
		{`nginx: [emerg] "ssl_protocols" directive is duplicate in /etc/nginx/sites-enabled/site:31`, "nginx", "server", "startup-failed", "options-ssl-nginx.conf"},
		{`nginx: [emerg] "ssl_verify_client" directive is not allowed here in /etc/nginx/conf.d/app.conf:40`, "nginx", "server", "startup-failed", "not taken in location"},
		// A browser that tried Encrypted Client Hello (alert 121, which
		// OpenSSL 3 names by its reason number only).
		{`2026/12/05 10:00:00 [crit] 9#9: *4 SSL_do_handshake() failed (SSL: error:0A000461:SSL routines::reason(1121):SSL alert number 121) while SSL handshaking, client: 198.51.100.8, server: 0.0.0.0:443`, "nginx", "server", "handshake-failed", "dig +short https"},
		// A scanner's CCS test and a connection reset in the handshake.
		{`2026/12/05 10:00:00 [crit] 9#9: *5 SSL_do_handshake() failed (SSL: error:14094085:SSL routines:SSL3_READ_BYTES:ccs received early) while SSL handshaking, client: 198.51.100.9, server: 0.0.0.0:443`, "nginx", "server", "handshake-failed", "cve-2014-0224"},
		{`2026/12/05 10:00:00 [info] 9#9: *6 recv() failed (104: Connection reset by peer) while SSL handshaking, client: 198.51.100.10, server: 0.0.0.0:443`, "nginx", "server", "handshake-failed", "health check"},
		// The openssl command line tool refusing its arguments or a file,
		// as a guide's commands make it do.
		{"genrsa: Use -help for summary.", "openssl", "client", "openssl-command", "before the operands"},
		{"req: Unknown option or message digest: noenc", "openssl", "client", "openssl-command", "-nodes"},
		{`Can't open "ca/ca.pem" for reading, No such file or directory`, "openssl", "client", "cert-load-failed", "../ca/ca.pem"},
		// The openssl command making keys and certificates with an older
		// openssl, a seed file, a configuration look-up, a signature
		// without its DigestInfo.
		{"Algorithm ed448 not found", "openssl", "client", "openssl-command", "p-256"},
		{"Can't load /home/ops/.rnd into RNG", "openssl", "client", "openssl-command", "randfile"},
		{"unknown option -copy_extensions", "openssl", "client", "openssl-command", "openssl version"},
		{"error:0E06D06C:configuration file routines:NCONF_get_string:no value:conf_lib.c:324:group=CA_default name=email_in_dn", "openssl", "client", "openssl-command", "unique_subject"},
		{"4C0A:error:0D07803A:asn1 encoding routines:ASN1_ITEM_EX_D2I:nested asn1 error:tasn_dec.c:386:Type=X509_SIG", "openssl", "client", "verify-error", "ckm_sha256_rsa_pkcs"},
		// OpenVPN's control-channel key, TLS versions and cipher list.
		{"Tue Jun  2 10:00:00 2026 TLS Error: tls-crypt unwrapping failed from [AF_INET]198.51.100.7:51000", "unknown", "server", "handshake-failed", "key-direction"},
		{"TLS error: Unsupported protocol. This typically indicates that client and server have no common TLS version enabled. This can be caused by mismatched tls-version-min and tls-version-max options on client and server.", "unknown", "server", "handshake-failed", "tls-version-min 1.0"},
		{"Failed to set restricted TLS cipher list: TLS-ECDHE-RSA-WITH-AES-256-GCM-SHA384", "unknown", "client", "handshake-failed", "openvpn --show-tls"},
		// Mail servers sending: Postfix to port 465, sendmail's STARTTLS.
		{`postfix/smtp[1234]: SMTPS wrappermode (TCP port 465) requires setting "smtp_tls_wrappermode = yes", and "smtp_tls_security_level = encrypt" (or stronger)`, "unknown", "client", "handshake-failed", "relayhost"},
		{"sm-mta[99]: x1: ruleset=tls_server, arg1=FAIL, relay=mx.example.net, reject=403 4.7.0 TLS handshake failed.", "unknown", "client", "handshake-failed", "try_tls"},
		// NSS's certutil and its database; a key file another user owns.
		{"certutil -L -d sql:/etc/pki/nssdb: certutil: function failed: SEC_ERROR_BAD_DATABASE: security library: bad database.", "unknown", "server", "cert-load-failed", "ipsec initnss"},
		{"loading '/etc/swanctl/private/gw.key' failed: Permission denied", "unknown", "server", "cert-load-failed", "namei -l"},
		// Chrome on macOS for a private certificate outside Apple's rules.
		{"GET https://kibana.lab.internal/app/home net::ERR_CERT_REVOKED", "browser", "client", "server-cert-untrusted", "825"},
		// Safari through an intercepting proxy whose CA is not trusted.
		{"com.apple.WebKit.Networking: HTTP load failed, 0/0 bytes (error code: -1200 [3:-9802])", "unknown", "client", "handshake-failed", "always trust"},
		// An Electron app's request, on node's bundled roots.
		{"Error invoking remote method 'run-request': Error: unable to get local issuer certificate", "node", "client", "server-cert-untrusted", "app's own certificate settings"},
		// Apache refusing requests by their server name (SNI).
		{"403 Forbidden: The client software did not provide a hostname using Server Name Indication (SNI), which is required to access this server.", "apache", "server", "handshake-failed", "sslstrictsnivhostcheck off"},
		{"421 Misdirected Request: The client needs a new connection for this request as the requested host name does not match the Server Name Indication (SNI) in use for this connection.", "apache", "server", "handshake-failed", "proxy_ssl_name $host"},
		// mosquitto's listener without its TLS options.
		{"Dec 05 10:00:00 broker mosquitto[812]: Using non-SSL mode", "unknown", "server", "routine-line", "listener 8883"},
		// Windows: an alert received; a client certificate asked for.
		{"Schannel 36887: A fatal alert was received from the remote endpoint. The TLS protocol defined fatal alert code is 70.", "unknown", "client", "tls-alert", "schusestrongcrypto"},
		{"InitializeSecurityContext: The credentials supplied were not complete, and could not be verified. (os error 590624)", "unknown", "client", "no-client-cert", "certutil -user -importpfx"},
		// .NET: MailKit, Kestrel without a certificate, Npgsql's callback.
		{"Unhandled exception. MailKit.Security.SslHandshakeException: An error occurred while attempting to establish an SSL or TLS connection. ---> System.Security.Authentication.AuthenticationException", "unknown", "client", "handshake-failed", "sslonconnect"},
		{"crit: Microsoft.AspNetCore.Server.Kestrel[0] Unable to start Kestrel. System.InvalidOperationException: Unable to configure HTTPS endpoint.", "unknown", "server", "cert-load-failed", "dotnet dev-certs https --trust"},
		{"System.ArgumentException: SslMode.VerifyFull cannot be used in conjunction with UserCertificateValidationCallback", "unknown", "client", "handshake-failed", "ssl mode=require"},
		// A device's HTTPS server out of memory.
		{"E (1200) esp_https_server: mbedtls_ssl_setup returned -0x7f00", "unknown", "server", "handshake-failed", "several connections at once"},
		// HAProxy's crt without its key; keytool's files; Java's DER
		// parser; Logstash's key; Jib's registry; IIS's binding; a
		// server certificate without a server's usages.
		{"[ALERT] 340/101010 (7) : parsing [/etc/haproxy/haproxy.cfg:18] : 'bind :443' : No Private Key found in '/etc/haproxy/certs/api.pem' or '/etc/haproxy/certs/api.pem.key'.", "haproxy", "server", "key-load-failed", "site.pem.key"},
		{"keytool -importcert -file corp-root.cer: keytool error: java.lang.Exception: Input not an X.509 certificate", "java", "client", "cert-load-failed", "ca-clean.pem"},
		{"keytool error: java.lang.Exception: Keystore file does not exist: /usr/local/opt/openjdk/lib/security/cacerts", "java", "client", "cert-load-failed", "keytool -list -cacerts"},
		{"Caused by: java.io.IOException: extra data given to DerValue constructor", "java", "client", "cert-load-failed", "-outform der"},
		{"java.security.KeyException: could not find key file: /usr/share/logstash/config/certs/beats.key", "java", "server", "key-load-failed", "pkcs8"},
		{"Build image failed, perhaps you should use a registry that supports HTTPS or set the configuration parameter 'allowInsecureRegistries'", "unknown", "client", "server-cert-untrusted", "allowinsecureregistries"},
		{"New-WebBinding : A specified logon session does not exist. It may already have been terminated. (Exception from HRESULT: 0x80070520)", "unknown", "server", "key-load-failed", "importpfx"},
		{"The certificate is not intended for server use.", "unknown", "server", "cert-load-failed", "keyencipherment"},
		// openssl's configuration files and OpenSSH keys; keytool on IBM's
		// JDK; OpenVPN's HMAC and verify-x509-name; Firefox's stored
		// certificate; Erlang's, Go's and rustls's handshakes; libgit2;
		// SSSD; syslog-ng; old Edge; FreeRADIUS; a small key in a load
		// line; a program that wants its key in the certificate's file.
		{"4A3C0000:error:07000065:configuration file routines:def_load_bio:missing equal sign:crypto/conf/conf_def.c:513:HERE-->basicConstraints line 3", "openssl", "client", "openssl-command", "byte-order mark"},
		{"java.io.IOException: Error extracting keyentry aliases from PFX at com.ibm.security.pkcs12.PFX.getKeyEntries", "java", "client", "bad-passphrase", "-legacy"},
		{"Unable to load config info from C:/OpenSSL/ssl/openssl.cnf", "openssl", "client", "openssl-command", "openssl_conf"},
		{"error:0E06D06A:configuration file routines:NCONF_get_string:no conf or environment variable:conf_lib.c:324:", "openssl", "client", "openssl-command", "openssl_conf"},
		{"Fri Jun  5 10:00:00 2026 198.51.100.9:1194 Authenticate/Decrypt packet error: packet HMAC authentication failed", "unknown", "server", "handshake-failed", "key-direction"},
		{"You are attempting to import a cert with the same issuer/serial as an existing cert, but that is not the same cert.", "browser", "client", "server-cert-untrusted", "-cacreateserial"},
		{"TLS server: In state hello generated SERVER ALERT: Fatal - Handshake Failure", "unknown", "server", "verify-error", "unacceptable_rsa_key"},
		{"http: TLS handshake error from 10.0.0.9:50122: tls: client offered only unsupported versions: [304]", "go", "server", "handshake-failed", "maxversion"},
		{"imap connect failed: received fatal alert: HandshakeFailure", "unknown", "client", "handshake-failed", "ssl-enum-ciphers"},
		{"failed to fetch from https://github.com/rust-lang/crates.io-index: the SSL certificate is invalid; class=Ssl (16); code=Certificate (-17)", "unknown", "client", "server-cert-untrusted", "cargo_net_git_fetch_with_cli"},
		{"[sdap_sys_connect_done] (0x0020): ldap_install_tls failed: [Connect error] [error:0A000086:SSL routines::certificate verify failed (self-signed certificate in certificate chain)]", "unknown", "client", "server-cert-untrusted", "ldap_tls_cacert"},
		{"VERIFY X509NAME ERROR: CN=vpn-old.example.com, must be vpn.example.com", "unknown", "server", "verify-error", "name-prefix"},
		{"Error setting up TLS session context; tls_error='SSL routines:SSL_CTX_use_PrivateKey:key values mismatch'", "unknown", "server", "key-load-failed", "ca-file"},
		{"Error Code: DLG_FLAGS_SEC_CERT_CN_INVALID (www.example.org)", "browser", "client", "server-hostname-mismatch", "one label"},
		{"rlm_eap_tls: Unable to check file \"/etc/raddb/certs/ca.pem\": No such file or directory", "unknown", "server", "cert-load-failed", "ls -l"},
		{"s_server: unable to get certificate from 'server.pem': ee key too small", "unknown", "server", "weak-key", "3072"},
		{"influxd: run: open server: open service *httpd.Service: tls: failed to find PEM block with type ending in \"PRIVATE KEY\" in key input after skipping PEM blocks of the following types: [CERTIFICATE CERTIFICATE CERTIFICATE]", "go", "server", "cert-load-failed", "influxdb"},
		{"error:0909006C:PEM routines:get_name:no start line:crypto/pem/pem_lib.c:745:Expecting: ANY PRIVATE KEY", "unknown", "server", "unreadable", "ssh-keygen -p -m pem"},
		// Mail: Postfix after STARTTLS, Roundcube; knife; wget; coturn's
		// key; FreeSWITCH's profile; the AWS CLI;
		// Python's plain HTTP to a TLS port; wget's name; a bare chain
		// failure; XMPP federation.
		{"postfix/submission/smtpd[811]: lost connection after STARTTLS from unknown[203.0.113.40]", "unknown", "server", "handshake-failed", "not localhost"},
		{"IMAP Error: Login failed for bob from 198.51.100.3. Could not connect to ssl://127.0.0.1:993: Unknown reason in rcube_imap.php on line 200", "unknown", "client", "handshake-failed", "peer_name"},
		{"ERROR: SSL Validation failure connecting to host: chef.internal.example - SSL_connect returned=1 errno=0 state=error: certificate verify failed (self signed certificate)", "unknown", "client", "server-cert-untrusted", "knife ssl fetch"},
		{"wget: Unable to establish SSL connection.", "unknown", "client", "handshake-failed", "--certificate=client.crt"},
		{"0: WARNING: Private key file not found or not readable: /etc/coturn/privkey.pem", "unknown", "server", "key-load-failed", "chmod 640"},
		{"[ERR] sofia.c:3300 Error Creating SIP UA for profile: internal (sip:mod_sofia@10.0.0.5:5061;transport=tls) ATTEMPT 1 (RETRY IN 5 SEC)", "unknown", "server", "cert-load-failed", "wss.pem"},
		{"SSL validation failed for https://minio.lab.example/ [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:1006)", "python", "client", "server-cert-untrusted", "aws_ca_bundle"},
		{"requests.exceptions.ConnectionError: ('Connection aborted.', BadStatusLine('\\x15\\x03\\x01\\x00\\x02\\x02\\n'))", "python", "client", "plain-http", "https://"},
		{"ERROR: certificate common name 'www.example.net' doesn't match requested host name 'downloads.example.org'.", "unknown", "client", "server-hostname-mismatch", "subjectaltname"},
		{"mail: chain validation failed:", "unknown", "client", "server-cert-untrusted", "intermediate"},
		{"s2s: outgoing stream example.com->chat.example.org closed: TLS negotiation failed", "unknown", "client", "handshake-failed", "xmpp-server"},
		// The AWS SDK for Go v2 given a CA bundle by a program that
		// cannot pass it on.
		{"Error: configuring Terraform AWS Provider: unable to add custom RootCAs HTTPClient", "go", "client", "cert-load-failed", "unset aws_ca_bundle"},
		{"2026/06/02 10:00:00 unable to add custom RootCAs HTTPClient, has no WithTransportOptions, *http.Client", "go", "client", "cert-load-failed", "update-ca-certificates"},
		// LWP 6.0x's own spelling of its missing CA bundle.
		{"Can't verify SSL peers without knowning which Certificate Authorities to trust", "unknown", "client", "server-cert-untrusted", "mozilla::ca"},
		// envoy's start-up line: its key is not the first certificate's
		// (BoringSSL's words, as Android's are too).
		{"[2026-12-05 10:00:00.000][7][critical][main] [source/server/server.cc:999] error initializing config '/etc/envoy/envoy.yaml': Failed to load private key from /certs/tls.key, Cause: error:0b000074:X.509 certificate routines:OPENSSL_internal:KEY_VALUES_MISMATCH", "envoy", "server", "key-load-failed", "fullchain.pem"},
		// curl's --cert-status check of what a server staples.
		{"curl: (91) Could not find certificate ID in OCSP response", "curl", "client", "stapling-failed", "ocsp-response"},
		// Caddy with no certificate for a name (a proxy that sends none).
		{`{"level":"debug","logger":"tls.handshake","msg":"no matching certificates and no custom selection logic","identifier":"10.0.0.7"}`, "unknown", "server", "handshake-failed", "tls_server_name"},
		// rustls checking the client's own certificate as it is built.
		{"error: creating client: invalid private key: invalid peer certificate: Other(OtherError(UnsupportedCertVersion)) while building kube client", "unknown", "client", "cert-load-failed", "v1"},
		// Contour's CA secret for an upstream.
		{`Service [api:443] TLS upstream validation policy error: invalid CA Secret "shop/api-ca": Secret not found`, "unknown", "client", "cert-load-failed", "opaque"},
		// Mbed TLS's weak-key flag: the CA's key counts too.
		{"esp-tls: verification info:   ! The certificate is signed with an unacceptable key (eg bad curve, RSA too short).", "unknown", "client", "server-cert-untrusted", "1024-bit rsa root"},
		// Python on a FIPS system, an encrypted traditional key.
		{"ssl.SSLError: [SSL] PEM lib (_ssl.c:3900)", "python", "server", "key-load-failed", "fips"},
		// istiod's CA files that do not chain.
		{"error creating CA: failed to create an istiod CA: failed to create CA KeyCertBundle (cannot verify the cert with the provided root chain and cert pool with error: x509: certificate signed by unknown authority)", "go", "server", "cert-load-failed", "root-cert.pem"},
		// PostgreSQL's cert method with a map that lacks the user.
		{`2026-12-05 10:00:00 UTC [77] LOG:  no match in usermap "clients" for user "app" authenticated as "client1"`, "unknown", "server", "client-cert-rejected", "pg_ident.conf"},
		// A Java server's engine given a CCS out of turn.
		{"[WARN ][o.e.h.n.Netty4HttpServerTransport] SSL Problem illegal change cipher spec msg, conn state = 6, handshake state = 1", "java", "server", "handshake-failed", "health check"},
		// PyMongo's hidden certificate error.
		{"ServerSelectionTimeoutError: db1:27017: module 'service_identity' has no attribute 'SICertificateError'", "unknown", "client", "server-cert-untrusted", "pyopenssl"},
		// A PostgreSQL client that wants TLS from a server without it.
		{"failed to connect: pq: SSL is not enabled on the server", "go", "client", "handshake-failed", "sslmode=disable"},
		// A mail client with implicit TLS on a STARTTLS port.
		{"Error: 139999:error:1408F10B:SSL routines:ssl3_get_record:wrong version number:../deps/openssl/openssl/ssl/record/ssl3_record.c:332: code: 'ESOCKET', command: 'CONN'", "node", "client", "handshake-failed", "port 465"},
		// Observability clients' own trust settings.
		{`level=warn caller=client.go:400 component=client host=logs.example msg="error sending batch" error="Post \"https://logs.example/loki/api/v1/push\": x509: certificate signed by unknown authority"`, "go", "client", "server-cert-untrusted", "loki-tls-ca-file"},
		{`logger=context userId=1 level=error msg="Failed to call resource" error="Get \"https://metrics.example/api/v1/query\": x509: certificate signed by unknown authority"`, "go", "client", "server-cert-untrusted", "tlscacert"},
		// An internationalized name in its two spellings; a pinned key
		// that a client matched as a name (never put in a SAN).
		{"Certificate Verification Error for пример.рф: hostname 'пример.рф' doesn't match 'xn--e1afmkfd.xn--p1ai'", "unknown", "client", "server-hostname-mismatch", "punycode"},
		{`Error upgrading connection to node "n1" @ "192.0.2.7:443" to TLS over IPv4: tls: failed to verify certificate: x509: certificate is not valid for any names, but wanted to match sha256-raw:0123abcd`, "go", "client", "server-hostname-mismatch", "upgrade the tailscale"},
		// A CA bundle a program generated, found empty.
		{"cURL error 77: error setting certificate verify locations: CAfile: /srv/app/data/rootcerts.crt CApath: /etc/ssl/certs", "curl", "client", "server-cert-untrusted", "empty"},
		// Home Assistant's own web server and its certificate.
		{"2026-12-05 10:00:00 ERROR (MainThread) [homeassistant.components.http] Could not read SSL certificate from /config/fullchain.pem: [X509: KEY_VALUES_MISMATCH] key values mismatch (_ssl.c:4000)", "python", "server", "key-mismatch", "sha256sum"},
		// MariaDB's client, which checks the server by default since 11.4.
		{"mariadb: ERROR 2026 (HY000): TLS/SSL error: self-signed certificate", "unknown", "client", "server-cert-untrusted", "11.4"},
		// ingress-nginx's Lua code: a chain certificate OpenSSL refused,
		// a certificate without an OCSP URL; a cosocket's name check.
		{"2026/12/05 10:00:00 [error] 31#31: *77 [lua] certificate.lua:200: call(): failed to set DER cert: SSL_add0_chain_cert() failed, context: ssl_certificate_by_lua*", "nginx", "server", "cert-load-failed", "ca key too small"},
		{"[lua] certificate.lua:100: fetch_and_cache_ocsp_response(): could not extract OCSP responder URL: nil, context: ngx.timer", "nginx", "client", "stapling-failed", "enable-ocsp"},
		{`2026/12/05 10:00:00 [error] 8#8: *3 lua ssl certificate does not match host "198.51.100.4", context: ngx.timer`, "nginx", "client", "server-hostname-mismatch", "sslhandshake"},
		// nginx given a BoringSSL cipher string.
		{`nginx: [emerg] SSL_CTX_set_cipher_list("[ECDHE-RSA-AES128-GCM-SHA256|ECDHE-RSA-CHACHA20-POLY1305]:ECDHE+AES256") failed (SSL: error:0A0000B9:SSL routines::no cipher match)`, "nginx", "server", "startup-failed", "equal-preference"},
		// JavaMail's STARTTLS; SQL Server's own certificate; Windows
		// PowerShell's gallery downloads.
		{"javax.mail.MessagingException: Could not convert socket to TLS; nested exception is: javax.net.ssl.SSLHandshakeException: PKIX path building failed", "java", "client", "server-cert-untrusted", "mail.smtp.ssl.trust"},
		{`2026-12-05 10:00:00.00 Server      Unable to load user-specified certificate [Cert Hash(sha1) "0123456789ABCDEF"]. The server will not accept a connection.`, "unknown", "server", "key-load-failed", "manage private keys"},
		{"WARNING: Unable to download from URI 'https://www.powershellgallery.com/api/v2' to ''.", "unknown", "client", "handshake-failed", "schusestrongcrypto"},
		// GLib's TLS under flatpak; a PKCS#12 store opened with the
		// wrong password.
		{"error: Can't load uri https://dl.example.org/repo/app.flatpakrepo: Unacceptable TLS certificate", "unknown", "client", "server-cert-untrusted", "glib-networking"},
		{"Caused by: java.security.UnrecoverableKeyException: Password verification failed while loading truststore.p12", "java", "client", "bad-passphrase", "changeit"},
		// A Java key reader given a traditional key, in another release's words.
		{"Caused by: java.security.InvalidKeyException: Missing key encoding at io.grpc.util.CertificateUtils.getPrivateKey", "java", "client", "key-load-failed", "pkcs8 -topk8"},
		// openssl verify's signature failure: another CA of that name, or
		// a certificate changed after signing.
		{"error 7 at 0 depth lookup: certificate signature failure", "openssl", "client", "server-cert-untrusted", "damaged"},
		// No entry has the wording, but the words state the cause.
		{"Agent sync failed: untrusted server certificate presented by hub.example (issuer unknown)", "unknown", "client", "server-cert-untrusted", "in the terms of the same failure"},
		{"Gateway alert: Alert[C] : unknown CA", "unknown", "server", "tls-alert", "unknown_ca"},
		{"dial failed: x509: vertificate signed by unknown authority", "go", "client", "server-cert-untrusted", "vertificate signed by unknown authority"},
		// An expired client certificate: a renewed one the client has not
		// read yet is the other case.
		{"http: TLS handshake error from 10.1.2.3:40000: tls: failed to verify certificate: x509: certificate has expired or is not yet valid: current time 2026-03-01T00:00:00Z is after 2026-02-01T00:00:00Z", "go", "server", "verify-error", "restart the client"},
		// OpenVPN's client after OpenSSL 1.x refused the server's certificate.
		{"Thu Dec  3 10:00:00 2026 TLS_ERROR: BIO read tls_read_plaintext error: error:14090086:SSL routines:ssl3_get_server_certificate:certificate verify failed", "unknown", "client", "verify-error", "keyencipherment"},
		// Python's old matcher refusing an address its certificate lists.
		{"ssl.CertificateError: hostname '10.20.30.40' doesn't match either of 'api.internal', '10.20.30.40'", "python", "client", "server-hostname-mismatch", "ip:10.20.30.40"},
		// ngx.ssl handed a file name instead of PEM text.
		{`2026/12/04 03:00:00 [error] 7#7: *9 [lua] cert.lua:15: [ssl] could not parse PEM certificate: PEM_read_bio_X509_AUX() failed, context: ssl_certificate_by_lua*, client: 192.0.2.4, server: 0.0.0.0:443`, "nginx", "server", "cert-load-failed", "parse_pem_cert(pem)"},
		// Chromium's errors without an entry of their own, by name and by
		// Chrome's words; its certificate warning page.
		{"[1203/101010.123:ERROR:cert_verify_proc.cc] NET::ERR_CERT_WEAK_KEY for https://router.lan/", "browser", "client", "chromium-error", "2048 bits"},
		{"The site sent back: server has a weak, ephemeral Diffie-Hellman public key", "unknown", "client", "chromium-error", "logjam"},
		{"Electron: net::ERR_SSL_CLIENT_AUTH_CERT_NO_PRIVATE_KEY while loading https://intranet/", "browser", "client", "chromium-error", ".p12"},
		{"Your connection is not private - NET::ERR_CERT_something under Advanced", "browser", "client", "server-cert-untrusted", "subjectaltname"},
		// Older JDKs' grammar for the algorithm constraints refusal.
		{"sun.security.validator.ValidatorException: Certificates does not conform to algorithm constraints", "java", "client", "weak-signature", "disabledalgorithms"},
		// CryptoAPI's key providers and WinInet.
		{"System.ComponentModel.Win32Exception (0x80090016): Keyset does not exist", "unknown", "server", "windows-error", "missing stored keyset"},
		{"HttpSendRequest returned ERROR_INTERNET_INVALID_CA for the update server", "unknown", "client", "server-cert-untrusted", "certutil -addstore root"},
		// Go's tls.Config with MaxVersion under the default minimum.
		{"Get \"https://old-printer.lan/\": tls: no supported versions satisfy MinVersion and MaxVersion", "go", "client", "handshake-failed", "minversion"},
		// A chain listing through an expired public root.
		{"   2 s:C = SE, O = AddTrust AB, OU = AddTrust External TTP Network, CN = AddTrust External CA Root", "unknown", "client", "server-cert-expired", "usertrust"},
		// Exchange's certificate selection for a connector, and Windows'
		// root list download.
		{"Microsoft Exchange could not find a certificate that contains the domain name smtp.corp.example in the personal store on the local computer.", "unknown", "server", "cert-load-failed", "fqdn"},
		{"Failed extract of third-party root list from auto update cab at: <http://ctldl.windowsupdate.com/msdownload/update/v3/static/trustedr/en/authrootstl.cab>", "unknown", "client", "server-cert-untrusted", "winhttp"},
		// Rust programs without the system's roots, or with a bad one among
		// them; a CA file named by a stale variable.
		{"thread 'main' panicked at src/main.rs:10:5: could not load native certificates: no native root CA certificates found", "unknown", "client", "server-cert-untrusted", "ca-certificates"},
		{"deno: Failed to add platform cert to root cert store: BadEncoding", "unknown", "client", "server-cert-untrusted", "deno_tls_ca_store"},
		{"fatal: failed to read CA certificate file /home/u/old-project/bundle.pem", "unknown", "client", "server-cert-untrusted", "ssl_cert_file"},
		// .NET on Windows with a PEM-loaded client certificate.
		{"Unhandled exception. System.Security.Authentication.AuthenticationException: the platform does not support ephemeral keys", "unknown", "client", "key-load-failed", "pkcs12"},
		// Istio's gateway and a secret with other key names.
		{"2026-12-05T09:00:00.000Z error ads SDS: server cert or private key is empty for resource kubernetes://gw-cred", "unknown", "server", "cert-load-failed", "tls.crt"},
		// Chrome and a plain-HTTP development server.
		{"This site can’t provide a secure connection. localhost sent an invalid response. ERR_SSL_PROTOCOL_ERROR", "browser", "client", "plain-http", "net-internals"},
		// Apache mod_md's ACME validation; Galera with one SSL file.
		{"[Thu Dec 03 10:00:00.000000 2026] [md:warn] [pid 1] (22)Invalid argument: AH10056: processing www.example.org: remote error: tls: handshake failure", "apache", "server", "handshake-failed", "acme-tls/1"},
		{"2026-12-04 3:00:00 0 [ERROR] WSREP: To enable SSL at least both of 'socket.ssl_key' and 'socket.ssl_cert' must be set: 22 (Invalid argument)", "unknown", "server", "cert-load-failed", "socket.ssl_ca"},
		// Kestrel refusing a client certificate, and a client gone away.
		{"dbug: Microsoft.AspNetCore.Server.Kestrel.Https.Internal.HttpsConnectionMiddleware[1] Failed to authenticate HTTPS connection. System.Security.Authentication.AuthenticationException: The remote certificate is invalid according to the validation procedure: RemoteCertificateChainErrors", "unknown", "server", "verify-error", "checkcertificaterevocation"},
		{"[12:00:00 DBG] Failed to authenticate HTTPS connection. System.IO.IOException: Received an unexpected EOF or 0 bytes from the transport stream.", "unknown", "server", "handshake-failed", "dev-certs"},
		// Vault's cert auth over plain HTTP; mitmproxy; Dart cut short;
		// Filebeat refused by Logstash; an old Android's client.
		{"Error authenticating: Error making API request.\n\nURL: PUT http://127.0.0.1:8200/v1/auth/cert/login\nCode: 400. Errors:\n\n* tls connection required", "unknown", "client", "no-client-cert", "tls_disable"},
		{"127.0.0.1:50312: Client Handshake failed. The client may not trust the proxy's certificate for api.example.com.", "unknown", "server", "server-cert-untrusted", "mitm.it"},
		{"HandshakeException: Handshake error in client (OS Error: ", "unknown", "client", "handshake-failed", "s_client"},
		{"2026-12-04T03:00:00Z ERR SSL client failed to connect with: EOF", "unknown", "client", "handshake-failed", "ssl.certificate"},
		{"W/System.err( 1620): javax.net.ssl.SSLException: Not trusted server certificate", "java", "client", "server-cert-untrusted", "network_security_config"},
		// A Go program's missing CA file, with no catalogue entry of its own.
		{"Error: cannot start: failed to load TLS config: failed to load CA CertPool File: failed to load cert /etc/app/ca.crt: open /etc/app/ca.crt: no such file or directory", "go", "client", "cert-load-failed", "ls -l /etc/app/ca.crt"},
		// Postfix's protocol list it cannot read, and a request given as
		// its certificate; a CA file with no PEM certificate in it.
		{`postfix/smtpd[42]: warning: Invalid TLS protocol list "TLSv1.2 TLSv1.3": disabling TLS support`, "unknown", "server", "startup-failed", "!sslv3"},
		{"postfix/smtpd[77]: warning: cannot get certificate from file /etc/postfix/mail.csr", "unknown", "server", "cert-load-failed", "openssl x509 -req"},
		{"2026-12-05T01:00:00Z agent: failed to configure TLS: failed to append CA certificates from /etc/agent/ca.cer", "go", "client", "cert-load-failed", "-inform der"},
		// Enterprise middleware and Windows servers in their own words:
		// IBM MQ, GSKit, IIS, CryptoAPI, Exchange, rsyslog; alerts in other
		// products' words.
		{"AMQ9637E: Channel is lacking a certificate. EXPLANATION: The channel is lacking a certificate to use for the SSL handshake.", "unknown", "server", "no-client-cert", "runmqakm"},
		{"AMQ9631E: The CipherSpec negotiated during the SSL handshake does not match the required CipherSpec for channel 'APP.SVRCONN'.", "unknown", "server", "handshake-failed", "sslciph"},
		{"ERROR: lib_stream: openStream: Failed in r_gsk_secure_soc_init: GSK_ERROR_BAD_CERT(gsk rc = 414) PARAMETER=10.0.0.1:9443", "unknown", "server", "verify-error", "plugin-key.kdb"},
		{"HTTP Error 403.16 - Forbidden: Your client certificate is either not trusted or is invalid.", "unknown", "server", "client-cert-rejected", "localmachine\\root"},
		{"A certificate chain processed, but terminated in a root certificate which is not trusted by the trust provider.", "unknown", "client", "server-cert-untrusted", "certutil -verify"},
		{"451 4.4.0 Primary target IP address responded with: 454 4.7.5 TLS negotiation failed with error UnknownCredentials", "unknown", "server", "cert-load-failed", "enable-exchangecertificate"},
		{"imtcp: TLS handshake detected from client.example.org (192.0.2.5:51000) but listener is not TLS-enabled.", "unknown", "server", "handshake-failed", "streamdriver.mode"},
		{"Unable to obtain HTTP response from https://api.example.org/v1: Fatal Alert received: Bad Certificate", "unknown", "client", "tls-alert", "--cert"},
		// IBM MQ's disabled CipherSpec, its TLS set-up and its Java client.
		{"AMQ9616E: The CipherSpec 'TLS_RSA_WITH_AES_128_CBC_SHA' proposed by remote host '192.0.2.4' is not enabled.", "unknown", "server", "handshake-failed", "any_tls12_or_higher"},
		{"com.ibm.mq.MQException: JMSCMQ0001: IBM MQ call failed with compcode '2' ('MQCC_FAILED') reason '2397' ('MQRC_JSSE_ERROR').", "unknown", "client", "handshake-failed", "useibmciphermappings"},
		// SQL Server's pre-login TLS; IBM HTTP Server's label and validation.
		{"A connection was successfully established with the server, but then an error occurred during the pre-login handshake. (provider: TCP Provider, error: 0 - An existing connection was forcibly closed by the remote host.)", "unknown", "client", "handshake-failed", "odbc driver 18"},
		{"[Sat Dec 05 01:00:00 2026] [error] [client 192.0.2.9] SSL0227E: SSL Handshake Failed, Specified label could not be found in the key file.", "apache", "server", "cert-load-failed", "sslservercert"},
		// JSSE's refusals of the server's chain, curve and DH group.
		{"Caused by: sun.security.validator.ValidatorException: No trusted certificate found", "java", "client", "server-cert-untrusted", "keytool -importcert"},
		{"javax.net.ssl.SSLHandshakeException: DHPublicKey does not comply to algorithm constraints", "java", "client", "handshake-failed", "ssl_dhparam"},
		// WebSphere, WebLogic, Oracle Database, SAP and Db2 in their words.
		{"[12/5/26 1:00:00:000 UTC] 0000001 WSX509TrustMa E   CWPKI0022E: SSL HANDSHAKE FAILURE:  A signer with SubjectDN CN=api.example.org was sent from the target host.  The signer might need to be added to local trust store", "unknown", "client", "server-cert-untrusted", "retrieve from port"},
		{"<Dec 5, 2026 1:00:00 AM UTC> <Warning> <Security> <BEA-090477> <Certificate chain received from api.example.org - 192.0.2.8 was not trusted causing SSL handshake failure.>", "unknown", "server", "verify-error", "keytool -importcert"},
		{"<BEA-090504> <Certificate chain received from api.example.org - 192.0.2.8 failed hostname verification check. Certificate contained api but check expected api.example.org>", "unknown", "client", "server-hostname-mismatch", "sslwlswildcardhostnameverifier"},
		{"ORA-29024: Certificate validation failure ORA-06512: at \"SYS.UTL_HTTP\", line 1530", "unknown", "client", "server-cert-untrusted", "orapki"},
		{"SSL handshake with api.example.org:443 failed: SSSLERR_PEER_CERT_UNTRUSTED (-102)", "unknown", "client", "server-cert-untrusted", "strust"},
		// Schannel's System event log messages.
		{"A fatal error occurred while creating a TLS client credential. The internal error state is 10013.", "unknown", "client", "handshake-failed", "schusestrongcrypto"},
		{"[Dec  5 10:00:00] ERROR[123]: tcptls.c:300 handle_tcptls_connection: Certificate common name from peer '192.0.2.7:5061' did not match (sip.example.com)", "unknown", "client", "server-hostname-mismatch", "subjectaltname"},
		{"monitor mon-https: Last response: Failure - Time out during SSL handshake stage", "unknown", "client", "handshake-failed", "ssl profile"},
		{"Info System Auth: CRL-CERT: Cert verification status = 0, err = 20 'unable to get local issuer certificate', subject='/CN=alice'", "unknown", "server", "verify-error", "ca"},
		{"HWSP1445E UNKNOWN EXIT NAME SPECIFIED IN MESSAGE PREFIX; MSGID=\x16\x03\x01", "unknown", "server", "plain-http", "sslport"},
		// A Go server whose on-demand ACME certificates have a key missing
		// in the cache, and one whose ACME client predates ACME v2.
		{"2026/12/05 10:00:00 http: TLS handshake error from 198.51.100.9:50000: acme/autocert: missing signer", "go", "server", "handshake-failed", "acme"},
		{"web-1 | http: TLS handshake error from 198.51.100.9:50001: 400 urn:acme:error:malformed: ACME v1 is gone", "go", "server", "handshake-failed", "acmev1"},
		// A gRPC client's handshake cut short, and nginx refusing a public
		// CA's certificate offered as a client certificate.
		{"rpc error: code = Unavailable desc = connection error: desc = \"transport: authentication handshake failed: EOF\"", "go", "client", "handshake-failed", "tlsmlkem=0"},
		{"2026/12/05 10:00:00 [info] 9#9: *3 client SSL certificate verify error: (26:unsuitable certificate purpose) while reading client request headers, client: 192.0.2.8, server: api.example.org", "nginx", "server", "verify-error", "let's encrypt"},
		// Erlang clients' own alerts: a name check, and TLS 1.3's
		// compatibility message asserted.
		{"(Mint.TransportError) TLS client: In state wait_cert at ssl_handshake.erl:2000 generated CLIENT ALERT: Fatal - Handshake Failure", "unknown", "client", "handshake-failed", "match_fun"},
		{"TLS client: In state hello_middlebox_assert at tls_handshake_1_3.erl:90 generated CLIENT ALERT: Fatal - Unexpected Message", "unknown", "client", "handshake-failed", "middlebox_comp_mode"},
		// Kong's mtls-auth without a certificate; Windows' message for an
		// untrusted root.
		{"{\"message\":\"No required TLS certificate was sent\"} (HTTP 401 from the gateway)", "unknown", "server", "no-client-cert", "mtls-auth"},
		{"Connection check failed: the certificate or certificate chain is based on an untrusted root", "unknown", "client", "server-cert-untrusted", "ca"},
		// Go on macOS inside a sandbox that hides the trust daemon; the fix
		// looks up the line's own code.
		{"build step: tls: failed to verify certificate: x509: OSStatus -26276", "go", "client", "apple-error", "security error -26276"},
		// cert-manager talking to a Vault with a private CA: the CA goes
		// into its Issuer.
		{"cert-manager/issuers \"msg\"=\"error setting up issuer\" \"error\"=\"error logging in to Vault server: Post \\\"https://vault.internal:8200/v1/auth/kubernetes/login\\\": x509: certificate signed by unknown authority\"", "go", "client", "server-cert-untrusted", "cabundle"},
		// An ESP32's bundle without the server's root; Jetty's two; a Spring
		// Boot bundle whose file is a placeholder.
		{"E (5120) esp-tls-mbedtls: mbedtls_ssl_handshake returned -0x3000", "unknown", "client", "server-cert-untrusted", "esp_crt_bundle"},
		{"java.lang.IllegalStateException: KeyStores with multiple certificates are not supported on the base class org.eclipse.jetty.util.ssl.SslContextFactory.", "unknown", "server", "cert-load-failed", "sslcontextfactory.server"},
		{"WARN org.eclipse.jetty.server.HttpChannel: /api org.eclipse.jetty.http.BadMessageException: 400: Invalid SNI", "java", "server", "server-hostname-mismatch", "snihostcheck"},
		{"Caused by: java.io.UncheckedIOException: Error reading certificate or key from file 'file:${TLS_DIR}/tls.crt'", "java", "server", "cert-load-failed", "placeholder"},
		// The SQL Server JDBC driver's default encryption against a
		// self-signed server.
		{"com.microsoft.sqlserver.jdbc.SQLServerException: The driver could not establish a secure connection to SQL Server by using Secure Sockets Layer (SSL) encryption. Error: \"PKIX path validation failed\".", "java", "client", "server-cert-untrusted", "trustservercertificate"},
		// XMPP federation: the other server's certificate not verified on
		// an outgoing stream.
		{"s2sout77 info Establishing a secure connection from example.org to chat.example.net failed. Error with certificate 0: self-signed certificate", "unknown", "client", "server-cert-untrusted", "xmpp-server"},
		// Erlang's ssl naming an option it cannot use.
		{"[error] supervisor: listener_sup, errorContext: child_terminated, reason: {ssl_error,{options,{cacertfile,[]}}}", "unknown", "server", "startup-failed", "verify_peer"},
		// XMPP federation: a remote server refusing this one's certificate,
		// and this one failing to verify a remote's.
		{"s2sout2a3b4c  info  SASL EXTERNAL with chat.example.net failed: not-authorized", "unknown", "client", "client-cert-rejected", "clientauth"},
		{"s2sin5d6e7f  info  incoming s2s stream chat.example.net->example.org closed: certificate of the remote is not trusted", "unknown", "server", "verify-error", "ca-certificates"},
		{"MongoServerSelectionError: 80D8A7E1:error:0A000438:SSL routines:ssl3_read_bytes:tlsv1 alert internal error:ssl/record/rec_layer_s3.c:1590:SSL alert number 80", "node", "client", "tls-alert", "access list"},
		{"keytool error: java.lang.Exception: Public keys in reply and keystore don't match", "java", "client", "key-mismatch", "request.csr"},
		{"upload failed: Certificate information does not match the CSR", "unknown", "server", "key-mismatch", "pubkey"},
		{"[Pinning] Certificate domain api.example.com did not match pinned keys/certs, validation failed.", "unknown", "client", "server-cert-untrusted", "inspection"},
		{"ERROR: Not a certificate: /opt/gitlab/embedded/ssl/certs/notes.txt", "unknown", "client", "cert-load-failed", "trusted-certs"},
		{"Principal propagation forbidden for user alice on system erp:443, because the backend connection is not mutually authenticated.", "unknown", "client", "client-cert-rejected", "strust"},
		{"RasClient 20227: The user CORP\\bob dialed a connection named AOVPN which has failed. The error code returned on failure is 853.", "unknown", "client", "client-cert-rejected", "ntauth"},
		{"EAP: The Security Support Provider Interface (SSPI) called by EAP reports that the system clocks on the NPS server and the access client are not synchronized.", "unknown", "server", "handshake-failed", "w32tm"},
		{"Event 6273: Network Policy Server denied access to a user. Reason Code: 265", "unknown", "server", "client-cert-rejected", "reason code"},
		{"EdgeSync failed to synchronize because it only supports Cryptographic API certificates. The local Hub Transport server's default certificate isn't a CAPI certificate.", "unknown", "client", "key-load-failed", "csp"},
		{"Lync: There was a problem verifying the certificate from the server. Please contact your support team.", "unknown", "client", "server-cert-untrusted", "certutil"},
		{"javax.net.ssl.SSLProtocolException: The size of the handshake message (40000) exceeds the maximum allowed size (32768)", "java", "client", "handshake-failed", "maxhandshakemessagesize"},
		{"proxy log: server certificate check failed: Untrusted Issuer", "unknown", "client", "server-cert-untrusted", "intermediate"},
		{"policy trace: ssl host name mismatch (origin.example.net)", "unknown", "client", "server-hostname-mismatch", "subjectaltname"},
		{"2026-12-05 10:00:00 1 101 800b0109 AutomaticUpdates Failure Content Download Error: Download failed.", "unknown", "client", "server-cert-untrusted", "trusted root"},
		{"Caused by: javax.net.ssl.SSLHandshakeException: extension (5) should not be presented in certificate_request [TLSv1.3]", "java", "client", "handshake-failed", "jdk.tls.client.protocols"},
		{"[kong] init.lua:400 unable to fetch secret: certificate host mismatch", "unknown", "client", "server-hostname-mismatch", "subjectaltname"},
		{"Error: failed to decode one of SecurityProfile.CustomCATrustCertificates to PEM after base64 decoding", "unknown", "client", "cert-load-failed", "pem"},
		{"java.sql.SQLNonTransientConnectionException: Trying to connect with ssl, but ssl not enabled in the server", "unknown", "client", "not-tls", "have_ssl"},
		{"Connection error: Connection Refused: bad user name or password.", "unknown", "client", "no-client-cert", "--cafile"},
		{"Dec  5 10:00:00 mx1 postfix/smtp[2222]: 0ABCDEF123: Server certificate not verified", "unknown", "client", "server-cert-untrusted", "tlsa"},
		{"2026-12-05 10:00:01 gateway: Access denied. Reason: Could not find issuer for certificate (request 1234)", "unknown", "server", "client-cert-rejected", "truststore"},
		{"execution log: Access denied. Reason: self signed certificate", "unknown", "server", "client-cert-rejected", "subject"},
		{"WARNING 7 com.l7tech.server.policy.assertion.credential.http.ServerHttpClientCert: 4113: No Client Certificate was present in the request.", "unknown", "server", "no-client-cert", "signing client certificates"},
		{"SEVERE: Failed to initialize connector: Connector attribute SSLCertificateFile must be defined when using SSL with APR", "unknown", "server", "cert-load-failed", "http11nioprotocol"},
		{"backend pool 'api': Backend server certificate is not allow-listed with Application Gateway", "unknown", "client", "server-cert-untrusted", "sni"},
		{"System.Net Information: 0 : [4242] SecureChannel#1 - The server has specified 3 issuer(s). Looking for certificates that match any of the issuers.", "unknown", "client", "no-client-cert", "sendtrustedissuerlist"},
		{"System.Net Information: 0 : [4242] SecureChannel#1 - Left with 0 client certificates to choose from.", "unknown", "client", "no-client-cert", "issuer"},
		{"Caused by: java.security.cert.CertificateException: untrusted at com.example.gw.StoreTrustManager.checkServerTrusted(StoreTrustManager.java:10)", "java", "client", "server-cert-untrusted", "keytool"},
		{"Error initializing client: Error loading CA File: Couldn't parse PEM in: /etc/consul/ca.der", "unknown", "client", "cert-load-failed", "der"},
		{"level=error msg=\"missing key client.key for client certificate client.cert. Note that CA certificates should use the extension .crt\"", "go", "client", "cert-load-failed", "ca.crt"},
		{"Error: The remote certificate was rejected by the provided RemoteCertificateValidationCallback.", "unknown", "client", "server-cert-untrusted", "pinned"},
		{"Citrix Workspace: The server certificate received is not trusted (SSL Error 61).", "unknown", "client", "server-cert-untrusted", "extendedkeyusage"},
		{"HTTP Error 403.16 - Forbidden: Your client certificate is either not trusted or is invalid.", "unknown", "server", "client-cert-rejected", "trusted root"},
		{"A fatal error occurred when attempting to access the TLS server credential private key. The error code returned from the cryptographic module is 0x8009030D.", "unknown", "server", "key-load-failed", "repairstore"},
		{"ICM trace: received a fatal TLS certificate expired alert message from the peer", "unknown", "server", "tls-alert", "renew"},
		{"peer sent: received a fatal TLS certificate unknown alert message from the peer", "unknown", "server", "tls-alert", "md5"},
		{"An TLS 1.2 connection request was received from a remote client application, but none of the cipher suites supported by the client application are supported by the server.", "unknown", "server", "handshake-failed", "get-tlsciphersuite"},
		{"The certificate received from the remote server was issued by an untrusted certificate authority.", "unknown", "client", "server-cert-untrusted", "certlm.msc"},
		{"The certificate received from the remote server does not contain the expected name.", "unknown", "client", "server-hostname-mismatch", "subjectaltname"},
		{"No suitable default server credential exists on this system.", "unknown", "server", "cert-load-failed", "ldaps"},
		// OpenSSL's apps' and MySQL's words for a key or certificate they
		// could not load; Citrix's client refusing a server's CA.
		{"SSL error: Unable to get private key from '/etc/app/client.key'", "unknown", "server", "key-load-failed", "-traditional"},
		{"unable to get certificate from 'client.pem'", "unknown", "server", "cert-load-failed", "-inform der"},
		{`Cannot connect to the server. SSL Error 61: You have not chosen to trust "Example Root CA", the issuer of the server's security certificate.`, "unknown", "client", "server-cert-untrusted", "ctx_rehash"},
		// A keystore read as the wrong type; Java's cut handshake with its
		// version causes; JSSE's protocol_version alert on its own.
		{"Caused by: java.io.IOException: Invalid keystore format", "java", "client", "key-load-failed", "nonfilteredfileextensions"},
		{"Exception in thread \"main\" javax.net.ssl.SSLHandshakeException: Remote host terminated the handshake", "java", "client", "handshake-failed", "jdk.tls.client.protocols"},
		{"Received fatal alert: protocol_version", "java", "client", "handshake-failed", "tlsv1.2"},
		// A server's client refused its certificate by date, CA,
		// revocation or use: each alert's own causes and checks.
		{"http: TLS handshake error from 10.0.0.9:5000: remote error: tls: expired certificate", "go", "server", "tls-alert", "-dates"},
		{"http: TLS handshake error from 10.0.0.9:5000: remote error: tls: unknown certificate authority", "go", "server", "tls-alert", "firefox's"},
		{"http: TLS handshake error from 10.0.0.9:5000: remote error: tls: revoked certificate", "go", "server", "tls-alert", "-serial"},
		{"http: TLS handshake error from 10.0.0.9:5000: remote error: tls: unsupported certificate", "go", "server", "tls-alert", "serverauth"},
		// An Erlang/OTP received alert in a Markdown code span.
		{"`[error] SSL: :hello: ssl_alert.erl:97:Fatal error: handshake failure`", "unknown", "client", "handshake-failed", "versions"},
		// Android's words for an untrusted server chain.
		{"E/App: javax.net.ssl.SSLHandshakeException: java.security.cert.CertPathValidatorException: Trust anchor for certification path not found.", "java", "client", "server-cert-untrusted", "network_security_config"},
		// An nginx line cut before its context, with alert 40.
		{"SSL_do_handshake() failed (SSL: error:0A000410:SSL routines::sslv3 alert handshake failure:SSL alert number 40) ...", "nginx", "server", "handshake-failed", "proxy_ssl_server_name"},
		// kubectl get componentstatuses on a Kubernetes before 1.7.
		{"etcd-0               Unhealthy   Get https://192.0.2.10:2379/health: remote error: tls: bad certificate", "go", "client", "no-client-cert", "apiserver-etcd-client"},
		// An older Erlang/OTP's own alert, and one it received.
		{"=ERROR REPORT==== 4-Dec-2026::03:00:00 === SSL: certify: ssl_handshake.erl:1605:Fatal error: unknown ca", "unknown", "server", "verify-error", "cacertfile"},
		{"=ERROR REPORT==== 4-Dec-2026::03:00:00 === SSL: certify: ssl_alert.erl:92:Fatal error: unknown ca", "unknown", "server", "tls-alert", "rotation"},
		// etcd's listener, in its zap and its older forms; a reasonless one.
		{`{"level":"warn","ts":"2026-12-04T03:00:00.000Z","caller":"embed/config_logging.go:169","msg":"rejected connection","remote-addr":"10.20.0.7:51234","server-name":"","error":"EOF"}`, "go", "server", "handshake-failed", "tcpsocket"},
		{`embed: rejected connection from "10.20.0.7:51234" (error "tls: failed to verify client certificate: x509: certificate signed by unknown authority", ServerName "")`, "go", "server", "verify-error", "clientcas"},
		{`[2026/12/04 03:00:00.000 +00:00] [ERROR] [mod.rs:100] ["Status server error: TLS handshake error"]`, "unknown", "server", "handshake-failed", "tls_config"},
		{`Server.Serve failed to complete security handshake from "10.0.0.9:41234": EOF`, "go", "server", "handshake-failed", "health checks"},
		// nginx's load error with OpenSSL's reason cut off the paste; a key
		// below a system's higher security level.
		{`nginx: [emerg] cannot load certificate "/etc/nginx/ssl/shop.example.org/fullchain.pem"`, "nginx", "server", "cert-load-failed", "head -n 1 /etc/nginx/ssl/shop.example.org/fullchain.pem"},
		{"error:0A00018F:SSL routines::ee key too small", "unknown", "client", "weak-key", "seclevel=3"},
		// A Go client whose own CA file expired; PostgreSQL's key mounted
		// group-readable.
		{"Error: x509: certificate has expired or is not yet valid: current time 2026-12-04T03:00:00Z is after 2026-11-30T00:00:00Z", "go", "client", "server-cert-expired", "openssl x509 -noout -enddate -in ca.crt"},
		{`2026-12-04 03:00:00 UTC [1]: FATAL:  private key file "/var/lib/postgresql/tls/tls.key" has group or world access`, "unknown", "server", "key-permissions", "defaultmode"},
		// Mail and directory servers loading their own files; MinIO's key
		// file with two blocks; an old Go server's version in hexadecimal.
		{"Dec  4 03:00:00 mail dovecot: imap-login: Fatal: Can't load private ssl_key: Key is for a different cert than ssl_cert", "unknown", "server", "key-mismatch", "doveconf -n"},
		{"Dec  4 03:00:00 mail dovecot: pop3-login: Error: Failed to initialize SSL server context: Can't load SSL certificate (ssl_cert setting): The certificate is empty: user=<>", "unknown", "server", "cert-load-failed", "ssl_cert = </etc/dovecot/fullchain.pem"},
		{"Dec  4 03:00:00 mail dovecot[811]: doveconf: Fatal: Error in configuration file /etc/dovecot/conf.d/10-ssl.conf line 12: ssl_key: Can't open file /etc/letsencrypt/live/mail.example.org/privkey.pem: No such file or directory", "unknown", "server", "key-load-failed", "ls -l /etc/letsencrypt/live/mail.example.org/privkey.pem"},
		{"Dec 04 03:00:00 ldap1 slapd[2201]: main: TLS init def ctx failed: -1", "unknown", "server", "cert-load-failed", "sudo -u openldap test -r"},
		{"ERROR Unable to load the TLS configuration: The private key contains additional data. Please check your certificate.", "unknown", "server", "key-load-failed", "ec parameters"},
		{"2026/12/04 03:00:00 http: TLS handshake error from 192.0.2.9:40112: tls: client offered an unsupported, maximum protocol version of 301", "go", "server", "handshake-failed", "301 tls 1.0"},
		// A client refusing an old server's TLS version (as Python said
		// against openssl s_server -max_protocol TLSv1 here), and a
		// handshake that timed out.
		{"ssl.SSLError: [SSL: UNSUPPORTED_PROTOCOL] unsupported protocol (_ssl.c:1006)", "python", "client", "handshake-failed", "upgrade the server"},
		{"curl: (35) error:1425F102:SSL routines:ssl_choose_client_version:unsupported protocol", "curl", "client", "handshake-failed", "minprotocol"},
		{`Error response from daemon: Get "https://registry.example.org/v2/": net/http: TLS handshake timeout`, "go", "client", "handshake-failed", "mtu"},
		// Other clients' own words: Java's hang-up, wget, libldap, msmtp,
		// gRPC core, Go without roots, a small DH group; and servers': a
		// Netty server fed HTTP, FreeRADIUS, Erlang's path length.
		{"javax.net.ssl.SSLHandshakeException: Remote host closed connection during handshake", "java", "client", "handshake-failed", "https.protocols"},
		{"2026/12/04 03:00:00 http: TLS handshake error from 10.96.0.1:51234: remote error: tls: bad certificate", "go", "server", "tls-alert", "cabundle"},
		{"Error: write EPROTO 140000000000:error:1425F102:SSL routines:ssl_choose_client_version:unsupported protocol:../deps/openssl/openssl/ssl/statem/statem_lib.c:1958:", "node", "client", "handshake-failed", "--tls-min-v1.0"},
		{"ERROR: The certificate of 'files.example.org' hasn't got a known issuer.", "unknown", "client", "server-cert-untrusted", "--ca-certificate"},
		{"ldap_start_tls: Connect error (-11) additional info: TLS: peer cert untrusted or revoked (0x42)", "unknown", "client", "server-cert-untrusted", "tls_cacert"},
		{"msmtp: TLS certificate verification failed: certificate 3 of 3 has expired", "unknown", "client", "server-cert-expired", "-showcerts"},
		{"E1204 03:00:00.000000 ssl_transport_security.cc:1420] Peer name 10.0.0.7 is not in peer certificate", "unknown", "client", "server-hostname-mismatch", "ssl_target_name_override"},
		{"app: x509: failed to load system roots and no roots provided", "go", "client", "server-cert-untrusted", "ca-certificates"},
		{"requests.exceptions.SSLError: [SSL: DH_KEY_TOO_SMALL] dh key too small (_ssl.c:1006)", "python", "client", "handshake-failed", "!dh"},
		{"io.netty.handler.ssl.NotSslRecordException: not an SSL/TLS record: 474554202f", "unknown", "server", "plain-http", "https://"},
		{"Wed Dec  4 03:00:00 2026 : Auth: tls: There are untrusted certificates in the certificate chain.  Rejecting.", "unknown", "server", "verify-error", "ca_file"},
		{"Please refer to https://curl.se/libcurl/c/libcurl-errors.html for error code: 60", "curl", "client", "server-cert-untrusted", "curlopt_cainfo"},
		{"curl: (60)", "curl", "client", "server-cert-untrusted", "intermediate"},
		{"tls: server selected unsupported protocol version 301", "go", "client", "handshake-failed", "tls10server"},
		{"tls: failed to verify certificate: x509: \u201clocalhost\u201d certificate is not standards compliant", "go", "client", "server-cert-untrusted", "-days 825"},
		{"CURLE_SSL_CONNECT_ERROR", "curl", "client", "handshake-failed", "curl -v"},
		{"Curl error (60): SSL peer certificate or SSH remote key was not OK", "curl", "client", "server-cert-untrusted", "mtlsdoctor probe"},
		{"curl: (58) Problem with the local SSL certificate", "curl", "client", "cert-load-failed", "--cert-type p12"},
		{"curl: (98) SSL Client Certificate required", "curl", "client", "no-client-cert", "--cert client.crt"},
		// A client refused this server's own certificate: the probe says why.
		{"2026/12/03 05:00:00 [info] 7#7: *3 SSL_do_handshake() failed (SSL: error:0A000418:SSL routines::tlsv1 alert unknown ca:SSL alert number 48) while SSL handshaking, client: 1.2.3.4, server: 0.0.0.0:443", "nginx", "server", "handshake-failed", "mtlsdoctor probe host:443"},
		{"2026/12/03 04:41:33 http: TLS handshake error from 127.0.0.1:40452: remote error: tls: unknown certificate authority", "go", "server", "tls-alert", "mtlsdoctor probe host:443"},
		// Python 3.11 against a real Go server that requires a client certificate (TLS 1.3), and Go's words for it.
		{"SSLError(1, '[SSL: TLSV13_ALERT_CERTIFICATE_REQUIRED] tlsv13 alert certificate required (_ssl.c:2580)')", "python", "client", "tls-alert", "load_cert_chain"},
		{`Get "https://api.internal:8443/": remote error: tls: certificate required`, "go", "client", "tls-alert", "loadx509keypair"},
		{"7:M 05 Dec 2026 10:00:00.001 # Error accepting a client connection: error:1408F10B:SSL routines:ssl3_get_record:wrong version number (conn: fd=12)", "unknown", "server", "handshake-failed", "tls-replication"},
		{`2024/01/01 00:00:00 [error] 1#1: *5 SSL_read() failed (SSL: error:0A000418:SSL routines::tlsv1 alert unknown ca:SSL alert number 48) while reading upstream, client: 1.2.3.4`, "nginx", "client", "handshake-failed", "proxy_ssl_certificate"},
		{`2024/01/01 00:00:00 [error] 1#1: *5 SSL_do_handshake() failed (SSL: error:0A000412:SSL routines::sslv3 alert bad certificate:SSL alert number 42) while SSL handshaking to upstream, client: 1.2.3.4`, "nginx", "client", "handshake-failed", "proxy_ssl_certificate"},
		{`2024/01/01 00:00:00 [error] 1#1: *5 peer closed connection in SSL handshake (104: Connection reset by peer) while SSL handshaking to upstream, client: 1.2.3.4`, "nginx", "client", "handshake-failed", "proxy_ssl_server_name"},
		{"NET::ERR_CERT_AUTHORITY_INVALID", "browser", "client", "server-cert-untrusted", "intermediate"},
		{"SSL_ERROR_BAD_CERT_DOMAIN", "browser", "client", "server-hostname-mismatch", "subjectaltname"},
		{"SEC_ERROR_EXPIRED_CERTIFICATE", "browser", "client", "server-cert-expired", "clock"},
		{"SEC_ERROR_REUSED_ISSUER_AND_SERIAL", "browser", "client", "server-cert-untrusted", "serial"},
		{"ERR_SSL_KEY_USAGE_INCOMPATIBLE", "browser", "client", "wrong-purpose", "keyencipherment"},
		{"* TLSv1.3 (IN), TLS alert, unknown CA (560):", "curl", "client", "tls-alert", "unknown_ca"},
		{`[WARNING]  (1) : Server be/app1 is DOWN, reason: Layer6 invalid response, info: "SSL handshake failure (error:0A000086:SSL routines::certificate verify failed)", check duration: 5ms.`, "haproxy", "client", "server-cert-untrusted", "ca-file"},
		{"[Mon Jan 01 00:00:00.000000 2024] [ssl:error] [pid 1] [remote 10.0.0.1:443] AH02039: Certificate Verification: Error (20): unable to get local issuer certificate", "apache", "client", "server-cert-untrusted", "sslproxycacertificatefile"},
		{"[Mon Jan 01 00:00:00.000000 2024] [ssl:error] [pid 1] [client 1.2.3.4:5678] AH02042: rejecting client initiated renegotiation", "apache", "server", "handshake-failed", "renegotiat"},
		{"* TLSv1.3 (OUT), TLS alert, unknown CA (560):", "curl", "client", "server-cert-untrusted", "--cacert"},
		{"* OpenSSL SSL_connect: SSL_ERROR_SYSCALL in connection to host:443", "curl", "client", "handshake-failed", "curl"},
		{"Mar 21 15:02:28 host haproxy[914]: 1.2.3.4:14396 [21/Mar/2024:15:02:28.275] fe/1: SSL handshake failure (error:0A000086:SSL routines::certificate verify failed)", "haproxy", "server", "verify-error", "ca-file"},
		{"curl: (60) SSL: no alternative certificate subject name matches target host name 'foo.example.com'", "curl", "client", "server-hostname-mismatch", "subjectaltname"},
		{"curl: (35) schannel: next InitializeSecurityContext failed: Unknown error (0x80092012) - The revocation function was unable to check revocation for the certificate.", "curl", "client", "handshake-failed", "--ssl-no-revoke"},
		{"ssl.SSLError: [SSL: KEY_VALUES_MISMATCH] key values mismatch (_ssl.c:4046)", "python", "client", "key-mismatch", "sha256sum"},
		{"[Mon Jan 01 00:00:00.000000 2024] [ssl:emerg] [pid 1] AH02565: Certificate and private key server.example.com:443:0 from /etc/ssl/x.crt and /etc/ssl/x.key do not match", "apache", "server", "key-mismatch", "sslcertificatekeyfile"},
		{"[Mon Jan 01 00:00:00.000000 2024] [ssl:emerg] [pid 1] AH02564: Failed to configure encrypted (?) private key www.example.org:443:0, check /etc/ssl/private/www.key", "apache", "server", "key-load-failed", "sslpassphrasedialog"},
		{"curl: (60) server certificate verification failed. CAfile: /etc/ssl/certs/ca-certificates.crt CRLfile: none", "curl", "client", "server-cert-untrusted", "update-ca-certificates"},
		{"curl: (58) NSS: client certificate not found (nickname not specified)", "curl", "client", "key-load-failed", "./client.crt"},
		{"x509: certificate is valid for ingress.local, not app.example.org", "go", "client", "server-hostname-mismatch", "secret"},
		{"http: TLS handshake error from 10.1.2.3:4567: client sent an HTTP request to an HTTPS server", "go", "server", "plain-http", "https://"},
		{"error 24 at 1 depth lookup: invalid CA certificate", "openssl", "client", "server-cert-untrusted", "ca:true"},
		{"Error code: MOZILLA_PKIX_ERROR_REQUIRED_TLS_FEATURE_MISSING", "browser", "client", "server-cert-untrusted", "stapling"},
		{`nginx: [emerg] SSL_CTX_use_PrivateKey_file("/etc/nginx/site.pem") failed (SSL: error:05800074:x509 certificate routines::key values mismatch)`, "nginx", "server", "key-mismatch", "order"},
		{`2024/01/01 00:00:00 [emerg] 1#1: no grpc_ssl_trusted_certificate for grpc_ssl_verify`, "nginx", "server", "startup-failed", "proxy_ssl_trusted_certificate"},
		{"This server could not prove that it is app.local; its security certificate does not specify **Subject Alternative Names**.", "browser", "client", "server-hostname-mismatch", "san"},
		{"Error: error:0909006C:PEM routines:get_name:no start line", "node", "server", "unreadable", "private key"},
		{"ssl.CertificateError: hostname '10.1.2.3' doesn't match either of 'db.local', '10.1.2.3'", "python", "client", "server-hostname-mismatch", "urllib3"},
		{"org.bouncycastle.tls.TlsFatalAlertReceived: certificate_required(116)", "java", "client", "client-cert-rejected", "keystore"},
		{"[Mon Jan 01 00:00:00.000000 2024] [ssl:warn] [pid 1] AH01906: www.example.org:443:0 server certificate is a CA certificate (BasicConstraints: CA == TRUE !?)", "apache", "server", "wrong-purpose", "self-signed"},
		{`nginx: [emerg] SSL_CTX_load_verify_locations("/etc/nginx/ca.pem") failed (SSL: error:80000002:system library::No such file or directory:calling fopen(/etc/nginx/ca.pem, r) error:10000080:BIO routines::no such file)`, "nginx", "server", "cert-load-failed", "ssl_trusted_certificate"},
		{`2024/01/01 00:00:00 [emerg] 1#1: invalid number of arguments in "ssl_certificate_key" directive in /etc/nginx/conf.d/site.conf:12`, "nginx", "server", "startup-failed", "ssl_certificate_key"},
		{"Error: Hostname/IP doesn't match certificate's altnames: \"Host: a.example.com. is not in the cert's altnames: DNS:b.example.com\"", "node", "client", "server-hostname-mismatch", "proxy"},
		// JSSE's TLS 1.2 server says "server" for the client's empty chain.
		{"io.netty.handler.codec.DecoderException: javax.net.ssl.SSLHandshakeException: Empty server certificate chain", "java", "server", "no-client-cert", "acceptable client"},
		// PostgreSQL's server log: its client refused the server's certificate.
		{"2024-01-01 00:00:00.000 UTC [42] LOG:  could not accept SSL connection: sslv3 alert certificate unknown", "unknown", "server", "tls-alert", "this server's own certificate"},
		// Traefik's default certificate seen by a Go client: Traefik is the
		// server here, so its fix is ACME's, not a serversTransport's.
		{"Head https://app.example.com: x509: certificate is valid for 0a1b.2c3d.traefik.default, not app.example.com", "go", "client", "server-hostname-mismatch", "acme.json"},
		{"x509: negative serial number", "go", "client", "cert-load-failed", "x509negativeserial"},
		// A handshake that fails while nginx serves a request is one nginx
		// makes itself (its clients' handshakes end before their requests).
		{`2024/01/01 00:00:00 [error] 7#7: *1 peer closed connection in SSL handshake, client: 10.0.0.2, server: localhost, request: "POST /api HTTP/1.1", host: "a"`, "nginx", "client", "handshake-failed", "lua_ssl_trusted_certificate"},
		// The end of node's name check alone, as a line cut or retyped.
		{"IP: 192.0.2.7 is not in the cert's list: ", "node", "client", "server-hostname-mismatch", "subjectaltname"},
		// Erlang's TLS 1.3 server names its reason after the alert (OTP's
		// tls_handshake_1_3:verify_signature_algorithm).
		{"TLS server: In state wait_cv at tls_handshake_1_3.erl:1400 generated SERVER ALERT: Fatal - Handshake Failure\n \"CertificateVerify uses unsupported signature algorithm\"", "unknown", "server", "handshake-failed", "signature_algs"},
		// Vault's cert auth and a Go client that sends no certificate.
		{"* client certificate must be supplied", "go", "server", "no-client-cert", "ca names"},
		{"System.Security.Authentication.AuthenticationException: The remote certificate is invalid because of errors in the certificate chain: RevocationStatusUnknown", "unknown", "client", "handshake-failed", "nocheck"},
		{"Caused by: javax.net.ssl.SSLHandshakeException: Handshake failed", "java", "client", "handshake-failed", "useplaintext"},
		{"javax.net.ssl.SSLHandshakeException: Received fatal alert: handshake_failure", "java", "client", "tls-alert", "server_name"},
		{"fatal: unable to access 'https://git.example.com/r.git/': gnutls_handshake() failed: The TLS connection was non-properly terminated.", "curl", "client", "handshake-failed", "http.proxy"},
		{"requests.exceptions.SSLError: [X509] PEM lib (_ssl.c:2831)", "python", "client", "key-load-failed", "load_cert_chain"},
		// A registry that is not a container registry gets no certs.d story.
		{`Failed to request discovery document: Get "https://registry.example.org/.well-known/terraform.json": x509: certificate signed by unknown authority`, "go", "client", "server-cert-untrusted", "rootcas"},
		{"x509: certificate is valid for *.other.example, not app.example.com", "go", "client", "server-hostname-mismatch", "/etc/hosts"},
		{"2024-01-01 00:00:00.000000 [ERROR] [SSL] OCSP Stapling can't be enabled [X509_STORE_CTX_get1_issuer failed!].", "unknown", "client", "stapling-failed", "fullchain.pem"},
		{`2024/01/01 00:00:00 [warn] 7#7: *11 upstream server temporarily disabled while SSL handshaking to upstream, client: 127.0.0.1, server: _, request: "GET / HTTP/1.1", upstream: "https://192.0.2.8:443/"`, "nginx", "client", "handshake-failed", "fail_timeout"},
		{"tls: failed to verify certificate: x509: unhandled critical extension", "go", "client", "server-cert-untrusted", "grep -a1 critical"},
		{`Get http://localhost:2376/v1.41/containers/json: malformed HTTP response "\x15\x03\x01\x00\x02\x02"`, "go", "client", "plain-http", "--tlsverify"},
		{"System.ComponentModel.Win32Exception (0x8009030E): No credentials are available in the security package", "unknown", "server", "key-load-failed", "pkcs12"},
		{"Error: unsupported", "node", "client", "key-load-failed", "-legacy"},
		{"javax.net.ssl.SSLHandshakeException: Certificates do not conform to algorithm constraints", "java", "client", "weak-signature", "disabledalgorithms"},
		{"Custom { kind: InvalidData, error: WebPKIError(CertNotValidForName) }", "unknown", "client", "server-hostname-mismatch", "subjectaltname"},
		{`2024-01-01 00:00:00 UTC [7] FATAL:  could not load private key file "/certs/server.key": Permission denied`, "unknown", "server", "key-load-failed", "chown postgres"},
		{"E0101 00:00:00.000000000 1 ssl_security_connector.cc:423] Could not get default pem root certs.", "unknown", "client", "server-cert-untrusted", "grpc_default_ssl_roots_file_path"},
		{"Jan  1 00:00:00 host ovpn-client[11]: VERIFY KU ERROR", "unknown", "client", "wrong-purpose", "keyencipherment"},
		{`Error creating: Internal error occurred: failed calling webhook "inject.example.io": Post https://injector.system.svc:443/inject: x509: certificate signed by unknown authority`, "go", "client", "server-cert-untrusted", "cabundle"},
		{"unable to fetch metrics from Kubelet node1 (10.0.0.7): Get https://10.0.0.7:10250/stats/summary: x509: cannot validate certificate for 10.0.0.7 because it doesn't contain any IP SANs", "go", "client", "server-hostname-mismatch", "servertlsbootstrap"},
		{"Error receiving request from client: SSLHandshakeFailed: SSL handshake received but server is started without SSL support.", "unknown", "server", "plain-http", "requiretls"},
		{"http: TLS handshake error from 127.0.0.1:53398: tls: client's certificate's extended key usage doesn't permit it to be used for client authentication", "go", "server", "wrong-purpose", "clientauth"},
		{"W1205 10:00:00.000001       1 x509.go:180] x509: subject with cn=front-proxy-client is not in the allowed list: [aggregator]", "go", "server", "verify-error", "requestheader-allowed-names"},
		{`E1205 10:00:00.000000       1 authentication.go:73] "Unable to authenticate the request" err="[x509: certificate has expired or is not yet valid: current time 2026-12-05T10:00:00Z is after 2026-11-30T08:00:00Z]"`, "go", "server", "verify-error", "kubeadm certs check-expiration"},
		{"TLS client: In state connection received SERVER ALERT: Fatal - Certificate required", "unknown", "client", "client-cert-rejected", "cacertfile"},
		{`* schannel: Failed to get certificate location for C:\certs\client.pem`, "curl", "client", "key-load-failed", "sslbackend openssl"},
		{"Error response from daemon: Missing client certificate ca.cert for key ca.key", "go", "client", "key-load-failed", "ca.key"},
		{"openssl pkcs12: unable to load provider legacy", "openssl", "client", "key-load-failed", "openssl_modules"},
		{"[ALERT] (1) : config : parsing [/etc/haproxy/haproxy.cfg:6] : 'bind :443' in section 'frontend' : 'verify' : unknown verify method 'Required', only 'none', 'optional', and 'required' are supported", "haproxy", "server", "startup-failed", "verify required"},
		{`agent: Error starting agent: error="VerifyIncoming set, and no Cert/Key pair provided!"`, "unknown", "server", "startup-failed", "verify_incoming"},
		{"reason: {ssl_error,{options,incompatible,{verify,verify_none},{fail_if_no_peer_cert,true}}}", "unknown", "server", "startup-failed", "verify_peer"},
		{"2024/01/01 00:00:00 [error] 7#7: *9 peer closed connection in SSL handshake while SSL handshaking to upstream, client: 10.0.0.1", "nginx", "client", "handshake-failed", "proxy_ssl_protocols"},
		{"error reading server preface: remote error: tls: expired certificate", "go", "client", "tls-alert", "notbefore"},
		{`{tls_alert,{unknown_ca,"TLS client: In state connection received SERVER ALERT: Fatal - Unknown CA\n"}}`, "unknown", "client", "client-cert-rejected", "cacertfile"},
		{"Mon Jan  1 00:00:00 2024 VERIFY ERROR: depth=0, error=unsupported certificate purpose: CN=client1", "unknown", "client", "wrong-purpose", "ns_support"},
		{"(../src/mod_openssl.c.924) SSL: couldn't read X509 certificates from '/etc/lighttpd/ca.pem'", "unknown", "server", "cert-load-failed", "ssl.verifyclient.ca-file"},
		// A code with a fix of its own keeps it, whatever program printed it.
		{"#<OpenSSL::SSL::SSLError: SSL_connect returned=1 errno=0 peeraddr=192.0.2.1:443 state=error: certificate verify failed (unable to get certificate CRL)>", "unknown", "client", "server-cert-untrusted", "crl distribution points"},
		{`[ERROR] [main] Pipeline aborted due to error {:exception=>#<LogStash::ConfigurationError: Using ` + "`verify_mode`" + ` set to PEER or FORCE_PEER, requires the configuration of ` + "`certificate_authorities`" + `>`, "java", "server", "startup-failed", "ssl_certificate_authorities"},
		{`javax.net.ssl.SSLHandshakeException: PKIX path validation failed: sun.security.validator.ValidatorException: TrustAnchor with subject "CN=TestCA" is not a CA certificate`, "java", "client", "not-a-ca", "ca:true"},
		{"librdkafka: SSL [thrd:ssl:/b:9093/b]: ssl://b:9093/bootstrap: error:80000002:system library::No such file or directory: calling stat(/usr/local/ssl/certs)", "unknown", "client", "server-cert-untrusted", "ssl.ca.location"},
		{`nginx: [emerg] Read OCSP response file "/etc/nginx/" failed: -1 (SSL: error:02000015:system library:OPENSSL_internal:Is a directory)`, "nginx", "server", "startup-failed", "ssl_stapling_file"},
		{"[AuthenticationException] [Authentication failed because the remote party sent a TLS alert: 'UnknownCA'.] [System.Net.Security]", "unknown", "client", "tls-alert", "unknown_ca"},
		{"To validate server certificates, please use VerifyFull or VerifyCA instead of Require.", "unknown", "client", "server-cert-untrusted", "verifyfull"},
		{"curl: (51) SSL: certificate verification failed (result: 5)", "curl", "client", "server-cert-untrusted", "ssl_cert_file"},
		{"1:M 01 Jan 2024 00:00:00.000 # Error accepting cluster node connection: error:1417C086:SSL routines:tls_process_client_certificate:certificate verify failed", "unknown", "server", "verify-error", "clientauth"},
		// System.Net's trace of the client choosing its certificate.
		{"Info: X509Certificate2#1 IsValidClientCertificate For Certificate 1 - current X509EnhancedKeyUsageExtension 2 is not valid for Client Authentication.", "unknown", "client", "wrong-purpose", "sent no certificate"},
		{`{"level":"warn","msg":"rejected connection","remote-addr":"127.0.0.1:49502","server-name":"","error":"tls: client didn't provide a certificate"}`, "go", "server", "no-client-cert", "probe"},
		// uWSGI's verify callback (its core/ssl.c format): a server that is
		// not nginx, told in the terms of servers' client CA files.
		{"[uwsgi-ssl] client certificate verify error: num=20:unable to get local issuer certificate:depth=0:/CN=device-7", "unknown", "server", "verify-error", "uwsgi's ca after `!`"},
		// ESP-IDF's esp-tls on Mbed TLS (its esp_tls_mbedtls.c formats).
		{"E (5123) esp-tls-mbedtls: mbedtls_ssl_handshake returned -0x7280", "unknown", "client", "handshake-failed", "sni"},
		{"E (5123) esp-tls-mbedtls: mbedtls_ssl_handshake returned -0x7200", "unknown", "client", "handshake-failed", "config_mbedtls_ssl_in_content_len"},
		{"E (400) esp-tls-mbedtls: mbedtls_x509_crt_parse returned -0x2180", "unknown", "client", "cert-load-failed", "final nul"},
		{"E (5123) esp-tls-mbedtls: mbedtls_ssl_handshake returned -0x6c00", "unknown", "client", "mbedtls-error", "mbedtls_err_ssl_internal_error"},
		// Apple's TLS stack: URLSession's NSError and CFNetwork's task log,
		// Network.framework's BoringSSL, curl on Secure Transport.
		{`Error Domain=NSURLErrorDomain Code=-1200 "An SSL error has occurred and a secure connection to the server cannot be made." UserInfo={_kCFStreamPropertySSLClientCertificateState=0, _kCFNetworkCFStreamSSLErrorOriginalValue=-9806, _kCFStreamErrorDomainKey=3, _kCFStreamErrorCodeKey=-9806}`, "unknown", "client", "no-client-cert", "secpkcs12import"},
		{`Error Domain=NSURLErrorDomain Code=-1200 UserInfo={_kCFStreamPropertySSLClientCertificateState=2, _kCFStreamErrorCodeKey=-9829, _kCFStreamErrorDomainKey=3}`, "unknown", "client", "client-cert-rejected", "intermediate"},
		{"Task <5E2F1B0A-1C2D-4E5F-8A9B-0C1D2E3F4A5B>.<1> HTTP load failed, 0/0 bytes (error code: -1200 [3:-9816])", "unknown", "client", "handshake-failed", "client certificate"},
		{"boringssl_context_handle_fatal_alert(1991) [C1:1][0x7f9b8c40a5e0] write alert, level: fatal, description: certificate unknown", "unknown", "client", "server-cert-untrusted", "825 days"},
		{"[BoringSSL] boringssl_session_errorlog(224) [C1.1:2][0x105a0c4a0] [boringssl_session_handshake_incomplete] SSL_ERROR_SSL(1): operation failed within the library", "unknown", "client", "handshake-failed", "_kcfstreamerrorcodekey"},
		{`Error Domain=NSOSStatusErrorDomain Code=-25264 "MAC verification failed during PKCS12 import (wrong password?)"`, "unknown", "client", "key-locked", "-legacy"},
		{`Error Domain=NSURLErrorDomain Code=-1022 "The resource could not be loaded because the App Transport Security policy requires the use of a secure connection."`, "unknown", "client", "plain-http", "nsexceptiondomains"},
		{"Task <A1>.<1> HTTP load failed, 0/0 bytes (error code: -1200 [3:-9838])", "unknown", "client", "apple-error", "internal_error"},
		{"curl: (60) SSL certificate problem: Invalid certificate chain", "curl", "client", "server-cert-untrusted", "certificate trust settings"},
		// curl on Schannel (its schannel.c and Curl_sspi_strerror formats) and .NET.
		{"curl: (35) schannel: next InitializeSecurityContext failed: SEC_E_ILLEGAL_MESSAGE (0x80090326) - This error usually occurs when a fatal SSL/TLS alert is received (e.g. handshake failed).", "curl", "client", "handshake-failed", "currentuser\\my"},
		{"curl: (35) schannel: next InitializeSecurityContext failed: SEC_E_WRONG_PRINCIPAL (0x80090322) - The target principal name is incorrect.", "curl", "client", "server-hostname-mismatch", "subjectaltname"},
		{"curl: (35) schannel: failed to receive handshake, SSL/TLS connection failed", "curl", "client", "handshake-failed", "client certificate"},
		{"curl: (35) schannel: next InitializeSecurityContext failed: Unknown error (0x80090367)", "curl", "client", "handshake-failed", "alpn"},
		{"curl: (35) schannel: next InitializeSecurityContext failed: SEC_E_DOWNGRADE_DETECTED (0x80090350)", "curl", "client", "windows-error", "schannel"},
		// wolfSSL: its example client and server, curl and ESP-IDF's esp-tls
		// built with it, a sketch's "error = ".
		{"wolfSSL_connect error -188, ASN no signer error to confirm failure", "unknown", "client", "server-cert-untrusted", "load_verify"},
		{"SSL_accept error -188, ASN no signer error to confirm failure", "unknown", "server", "verify-error", "sslclient"},
		{"curl: (35) wolfSSL: SSL_connect failed with error -313: revcd alert fatal error", "curl", "client", "tls-alert", "s_client"},
		{"E (8123) esp-tls-wolfssl: wolfSSL_connect returned -1, error code: -150", "unknown", "client", "server-cert-expired", "sntp"},
		{"SSL_connect error -326, record layer version error", "unknown", "client", "handshake-failed", "-tls1_3"},
		{"SSL_accept error -345, peer did not return a certificate", "unknown", "server", "no-client-cert", "--cert"},
		{"wolfSSL_connect error -173, Bad function argument", "unknown", "client", "wolfssl-error", "bad_func_arg"},
		// Firefox's and curl on NSS's codes (NSS's names, curl's nss.c format).
		{"Error code: SSL_ERROR_PROTOCOL_VERSION_ALERT", "browser", "client", "nss-error", "protocol_version"},
		// rustls (reqwest, tonic, curl built with rustls) and its servers, in Display and Debug forms.
		{"error sending request for url (https://api.example.com/): error trying to connect: invalid peer certificate: Other(OtherError(CaUsedAsEndEntity))", "unknown", "client", "self-issued-leaf", "ca:false"},
		{"Error: received fatal alert: CertificateRequired", "unknown", "client", "tls-alert", "certificate_required"},
		{"tonic::transport::Error(Transport, Custom { kind: InvalidData, error: AlertReceived(HandshakeFailure) })", "unknown", "client", "tls-alert", "handshake_failure"},
		{"curl: (35) rustls_connection_process_new_packets: invalid peer certificate: Expired", "curl", "client", "server-cert-expired", "date -u"},
		{"[2024-05-01T10:00:00Z WARN  rustls::server::hs] peer sent no certificates", "unknown", "server", "no-client-cert", "--cert"},
		{"TLS accept error: peer is incompatible: NoCipherSuitesInCommon", "unknown", "server", "handshake-failed", "ssl-enum-ciphers"},
		{"[2024-05-01T10:00:00Z WARN  rustls::conn] Sending fatal alert BadCertificate", "unknown", "client", "rustls-error", "rust_log"},
		{"Custom { kind: InvalidData, error: WebPKIError(CertExpired) }", "unknown", "client", "server-cert-expired", "date -u"},
		{"invalid certificate: CertNotValidYet", "unknown", "client", "not-yet-valid", "timedatectl"},
		{"[2021-01-01T00:00:00Z WARN  rustls::session] Sending fatal alert CertificateRequired", "unknown", "server", "no-client-cert", "client.key"},
		{"TLS acceptor failed: received fatal alert: UnknownCA", "unknown", "server", "tls-alert", "mtlsdoctor probe host:443"},
		{"curl: (35) NSS error -12173 (SSL_ERROR_WEAK_SERVER_EPHEMERAL_DH_KEY)", "curl", "client", "weak-key", "dhparam"},
		{"Error code: PR_END_OF_FILE_ERROR", "browser", "client", "handshake-failed", "client certificate"},
		{"curl: (60) Peer's certificate has an invalid signature.", "curl", "client", "nss-error", "sec_error_bad_signature"},
		// BoringSSL (gRPC's ssl_transport_security.cc, envoy's TLS error
		// in decimal, node in an Electron app, ClickHouse's client).
		{"E0412 10:11:12.345678901   4242 ssl_transport_security.cc:1501] Handshake failed with fatal error SSL_ERROR_SSL: error:1000009a:SSL routines:OPENSSL_internal:HANDSHAKE_FAILURE_ON_CLIENT_HELLO.", "unknown", "client", "handshake-failed", "sni"},
		{"upstream connect error or disconnect/reset before headers. reset reason: connection failure, transport failure reason: TLS error: 268435709:SSL routines:OPENSSL_internal:NO_COMMON_SIGNATURE_ALGORITHMS", "envoy", "client", "handshake-failed", "certificate request"},
		{"Error: 3428:error:1000012e:SSL routines:OPENSSL_internal:KEY_USAGE_BIT_INCORRECT:../../third_party/boringssl/src/ssl/handshake_client.cc:1408:", "node", "client", "wrong-purpose", "digitalsignature"},
		{"E0412 10:11:12.345678901   4242 ssl_transport_security.cc:1501] Handshake failed with fatal error SSL_ERROR_SSL: error:10000110:SSL routines:OPENSSL_INTERNAL:CANNOT_PARSE_LEAF_CERT.", "unknown", "client", "boringssl-reason", "cannot_parse_leaf_cert"},
		{"Code: 210. DB::NetException: SSL Exception: error:100000d7:SSL routines:OPENSSL_internal:SSL_HANDSHAKE_FAILURE (ch-2.example.net:9440)", "unknown", "client", "handshake-failed", "ssl_handshake_failure"},
		// libcurl on GnuTLS, after the handshake and in it.
		{"error: RPC failed; curl 56 GnuTLS recv error (-54): Error in the pull function.", "curl", "client", "handshake-failed", "client_max_body_size"},
		{"curl: (35) gnutls_handshake() failed: Could not negotiate a supported cipher suite.", "curl", "client", "handshake-failed", "crypto policy"},
		{"gnutls_handshake() failed: An illegal parameter has been received.", "curl", "client", "gnutls-error", "gnutls_e_received_illegal_parameter"},
		// .NET Framework without TLS 1.2; Bundler; PHP streams.
		{"System.Net.WebException: The request was aborted: Could not create SSL/TLS secure channel.", "unknown", "client", "handshake-failed", "systemdefaulttlsversions"},
		{"Bundler::Fetcher::CertificateFailureError: Could not verify the SSL certificate for https://gems.example.org/.", "unknown", "client", "server-cert-untrusted", "ssl_cert_file"},
		{"PHP Warning:  stream_socket_client(): SSL operation failed with code 1. OpenSSL Error messages: error:1416F086:SSL routines:tls_process_server_certificate:certificate verify failed in /srv/app/push.php on line 12", "unknown", "client", "server-cert-untrusted", "openssl.cafile"},
		{"PHP Warning:  stream_socket_client(): Unable to set private key file `/srv/app/certs/push.pem' in /srv/app/push.php on line 12", "unknown", "client", "key-load-failed", "local_pk"},
		{"error:140B0009:SSL routines:SSL_CTX_use_PrivateKey_file:PEM lib", "unknown", "server", "key-load-failed", "grep -c 'private key'"},
		// Java: a key under another password, a server without its key,
		// a hostname check's other words.
		{"Caused by: java.security.UnrecoverableKeyException: Cannot recover key", "java", "server", "bad-passphrase", "key-password"},
		{"javax.net.ssl.SSLHandshakeException: no cipher suites in common (server side)", "java", "server", "handshake-failed", "privatekeyentry"},
		{"javax.net.ssl.SSLHandshakeException: No subjectAltNames on the certificate match", "java", "client", "server-hostname-mismatch", "subjectaltname"},
		// WinHTTP asked for a certificate; a Go server's EKU check.
		{"msxml3.dll error '80072f0c' A certificate is required to complete client authentication", "unknown", "client", "no-client-cert", "ssl_verify_client"},
		{"tls: failed to verify client certificate: x509: certificate specifies an incompatible key usage", "go", "server", "wrong-purpose", "intermediate"},
		// Dart without its client certificate; AWS IoT; hiredis; SChannel
		// with nothing to offer; a client's self-signed root; etcdctl v2.
		{"Unhandled exception: HandshakeException: Connection terminated during handshake", "unknown", "client", "handshake-failed", "usecertificatechain"},
		{"Error: libaws-c-mqtt: AWS_ERROR_MQTT_UNEXPECTED_HANGUP, The connection was closed unexpectedly.", "unknown", "client", "client-cert-rejected", "iot:connect"},
		{"Could not connect to Redis at 10.0.0.5:6380: SSL_connect failed: (null)", "unknown", "client", "handshake-failed", "--cacert"},
		{"An TLS 1.2 connection request was received from a remote client application, but the remote server has requested TLS client authentication, but no suitable client certificate could be found.", "unknown", "client", "no-client-cert", "acceptable client certificate ca names"},
		{"Error: The root certificate of the certificate chain is self-signed and, untrusted.", "unknown", "client", "server-cert-untrusted", "ca-certificates"},
		{"Error:  client: etcd cluster is unavailable or misconfigured; error #0: x509: certificate signed by unknown authority", "go", "client", "server-cert-untrusted", "rootcas"},
		// GnuTLS's debug line on a v1 certificate; OpenVPN that never
		// finished; a Python client whose URL ends in .php.
		{"|<3>| ASSERT: x509.c[gnutls_x509_crt_import]:300 |<2>| error: extensions present in certificate with version 1", "unknown", "client", "server-cert-untrusted", "version"},
		{"2026-12-04 03:00:00 TLS Error: TLS key negotiation failed to occur within 60 seconds (check your network connectivity)", "unknown", "client", "handshake-failed", "tls-auth"},
		{"requests.exceptions.SSLError: HTTPSConnectionPool(host='10.0.0.9', port=443): Max retries exceeded with url: /index.php (Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self-signed certificate (_ssl.c:1006)')))", "python", "client", "server-cert-untrusted", "requests_ca_bundle"},
		// nginx's $ssl_client_verify as the application behind it sees it.
		{"X-SSL-Client-Verify: FAILED:certificate has expired", "nginx", "server", "verify-error", "client certificate"},
		{"FAILED:unable to get local issuer certificate", "nginx", "server", "verify-error", "ssl_client_certificate"},
		{"request.headers['X-Client-Verify'] = NONE", "nginx", "server", "no-client-cert", "acceptable client certificate ca names"},
		{"SSL_CLIENT_VERIFY=FAILED:unable to get local issuer certificate", "apache", "server", "verify-error", "client certificate"},
		// Java servers named by their classes: a Kafka broker, Tomcat.
		{"[2026-12-04 10:00:00,000] INFO [SocketServer listenerType=ZK_BROKER, nodeId=1] kafka.network.SocketServer: javax.net.ssl.SSLHandshakeException: Received fatal alert: bad_certificate", "java", "server", "tls-alert", "client"},
		{"12-Dec-2026 10:00:00.000 FINE [https-openssl-nio-8443-exec-3] org.apache.tomcat.util.net.NioEndpoint$SocketProcessor.doRun Handshake failed: javax.net.ssl.SSLHandshakeException: Received fatal alert: certificate_unknown", "java", "server", "tls-alert", "client"},
		// Python servers: Tornado's line, socketserver's traceback.
		{"WARNING:tornado.general:SSL Error on 9 ('192.0.2.8', 40000): [SSL: TLSV1_ALERT_UNKNOWN_CA] tlsv1 alert unknown ca (_ssl.c:1000)", "python", "server", "tls-alert", "client"},
		{`  File "/usr/lib/python3.12/socketserver.py", line 300, in _handle_request_noblock ssl.SSLError: [SSL: SSLV3_ALERT_CERTIFICATE_UNKNOWN] sslv3 alert certificate unknown (_ssl.c:1000)`, "python", "server", "tls-alert", "client"},
		// ingress-nginx's secret without a PEM certificate.
		{"W1204 10:00:00.000000       7 controller.go:1200] Error obtaining X.509 certificate: unexpected error creating SSL Cert: no valid PEM formatted block found", "nginx", "server", "cert-load-failed", "kubectl create secret tls"},
		// A Python application's error in Apache's log (mod_wsgi).
		{"[Wed Dec 02 10:00:00 2026] [error] Recoverable error: [Errno 185090050] _ssl.c:328: error:0B084002:x509 certificate routines:X509_load_cert_crl_file:system lib", "python", "client", "unreadable", "ca"},
		// An Elixir HTTP client on an older Erlang/OTP refusing a server.
		{"10:00:00.000 [error] SSL: :certify: ssl_handshake.erl:1622:Fatal error: certificate expired", "unknown", "client", "verify-error", "cacertfile"},
		// Redis, PostgreSQL and lighttpd as servers.
		{"12:M 04 Dec 2026 03:00:00.000 # Error accepting a client connection: (null)", "unknown", "server", "handshake-failed", "subjectaltname"},
		{`2026-12-04 03:00:00.000 UTC [7] FATAL: private key file "/var/lib/postgresql/server.key" has group or world access`, "unknown", "server", "key-permissions", "chmod 0600"},
		{`2026-12-04 03:00:00.000 UTC [7] FATAL:  could not access private key file "/var/lib/postgresql/server.key": Permission denied`, "unknown", "server", "key-load-failed", "chown postgres"},
		{`2026-12-04 03:00:00.000 UTC [7] FATAL:  could not load server certificate file "/var/lib/postgresql/server.crt": No such file or directory`, "unknown", "server", "cert-load-failed", "ssl_cert_file"},
		{"2026-12-04 03:00:00: (mod_openssl.c.1200) SSL: couldn't read X509 certificate from '/etc/lighttpd/certs/site.pem'", "unknown", "server", "cert-load-failed", "ssl.pemfile"},
		{"* WARNING: SSL: CURLOPT_SSLKEY is ignored by Secure Transport. The private key must be in the Keychain.", "curl", "client", "key-load-failed", "pkcs12"},
		// Chrome on HTTP/2 over a forbidden suite; an expiry that a browser
		// and a Ruby client put in their own words.
		{"net::ERR_HTTP2_INADEQUATE_TRANSPORT_SECURITY", "browser", "client", "handshake-failed", "ssl_ciphers"},
		{"Your connection is not secure. The certificate expired on 12/1/2026, 3:00 AM.", "browser", "client", "server-cert-expired", "certbot renew"},
		{"ERROR:  Certificate /C=US/O=Example/CN=Example Root expired at 2026-11-30T00:00:00Z", "unknown", "client", "server-cert-expired", "root"},
		// A server that wants clientAuth; PHP's stream to a tls:// address;
		// a MicroPython board's verification; GnuTLS's -43.
		{"PermissionDenied: The extended key usage extension is missing from the client certificate.", "unknown", "server", "wrong-purpose", "extendedkeyusage=clientauth"},
		{"stream_socket_client(): unable to connect to tls://push.example.org:2195 (Unknown error)", "unknown", "client", "handshake-failed", "passphrase"},
		{"OSError: (-9984, 'MBEDTLS_ERR_X509_CERT_VERIFY_FAILED')", "unknown", "client", "server-cert-untrusted", "ntptime"},
		{"curl: (35) gnutls_handshake() failed: Error in the certificate.", "curl", "client", "server-cert-untrusted", "version"},
		// A Go server without certificates, one skipped by a client, an
		// autocert server reached by address.
		{"2026/12/04 03:00:00 http: TLS handshake error from 198.51.100.7:40000: tls: no certificates configured", "go", "server", "cert-load-failed", "getcertificate"},
		{"2026/12/04 03:00:00 http: TLS handshake error from 198.51.100.7:40000: tls: received unexpected handshake message of type *tls.clientKeyExchangeMsg when waiting for *tls.certificateMsg", "go", "server", "no-client-cert", "certificate message"},
		{"2026/12/04 03:00:00 http: TLS handshake error from 198.51.100.7:40000: acme/autocert: missing server name", "go", "server", "handshake-failed", "harmless"},
		// Java and old TLS versions, from either side; Java's names and a
		// CA made again under the same name.
		{"javax.net.ssl.SSLHandshakeException: Client requested protocol TLSv1.1 is not enabled or supported in server context", "java", "server", "handshake-failed", "harmless"},
		{"javax.net.ssl.SSLHandshakeException: The server selected protocol version TLS11 is not accepted by client preferences [TLS12]", "java", "client", "handshake-failed", "disabledalgorithms"},
		{"javax.net.ssl.SSLHandshakeException: No name matching db.internal found", "java", "client", "server-hostname-mismatch", "subjectaltname"},
		{"Caused by: java.security.cert.CertPathValidatorException: Path does not chain with any of the trust anchors", "java", "client", "server-cert-untrusted", "same name"},
		// A .p12 with the wrong password; OpenSSL 3 without an old algorithm.
		{"Error: mac verify failure\n    at configSecureContext (node:internal/tls/secure-context:270:15)", "node", "client", "bad-passphrase", "-passin"},
		{"opensslErrorStack: [ 'error:03000086:digital envelope routines::initialization error' ], library: 'digital envelope routines', reason: 'unsupported', code: 'ERR_OSSL_EVP_UNSUPPORTED'", "node", "client", "key-load-failed", "-legacy"},
		// kubectl refused; a BoringSSL client asked to renegotiate; a peer
		// signing with a key not its certificate's; a key with no password.
		{"E1204 03:00:00.000000   4242 memcache.go:265] couldn't get current server API group list: error: You must be logged in to the server (Unauthorized)", "go", "client", "client-cert-rejected", "kubeconfig"},
		{"[2026-12-04 03:00:00.000][12][debug][connection] [C7] TLS error: 268435638:SSL routines:OPENSSL_internal:NO_RENEGOTIATION", "envoy", "client", "handshake-failed", "allow_renegotiation"},
		{"SSL connect failed: error:0407006A:rsa routines:RSA_padding_check_PKCS1_type_1:block type is not 01", "unknown", "client", "key-mismatch", "pkey -pubout"},
		{"proxy[9]: Unable to load key: error:0906406D:PEM routines:PEM_def_callback:problems getting password", "unknown", "server", "key-locked", "openssl pkey"},
		// OpenLDAP, Exim, coturn and envoy in their own words; TLS bytes at an
		// aiohttp server; curl reset after its handshake.
		{"Dec  4 03:00:00 ldap1 slapd[700]: conn=1001 fd=12 TLS: can't accept: error:0A000412:SSL routines::sslv3 alert bad certificate.", "unknown", "server", "handshake-failed", "olctlsverifyclient"},
		{"2026-12-04 03:00:00 1vAbcD-000xyz-Q9 H=mx.example.net [192.0.2.25] TLS error on connection (recv): The TLS connection was non-properly terminated.", "unknown", "server", "handshake-failed", "close_notify"},
		{"turnserver[2100]: 0: WARNING: cannot start TLS and DTLS listeners because private key file is not set properly", "unknown", "server", "key-load-failed", "chgrp turnserver"},
		{"[critical][main] error initializing configuration '/etc/envoy/front.yaml': Failed to load private key from /etc/envoy/tls/tls.key", "envoy", "server", "key-load-failed", "sha256sum"},
		{"aiohttp.http_exceptions.BadStatusLine: 400, message: Invalid method encountered:\n\n  b'\\x16\\x03\\x01\\x02'", "python", "server", "plain-http", "http://"},
		{"curl: (56) OpenSSL SSL_read: Connection reset by peer, errno 104", "curl", "client", "handshake-failed", "strict"},
		// Postfix's handshake that ended without a reason.
		{"Dec  4 03:00:00 mx postfix/smtpd[4321]: SSL_accept error from scanner.example[198.51.100.77]: lost connection", "unknown", "server", "handshake-failed", "harmless"},
		// PowerShell 5 against a server that wants TLS 1.2.
		{"Invoke-RestMethod : The underlying connection was closed: An unexpected error occurred on a send.", "unknown", "client", "handshake-failed", "tls12"},
		// A Go client whose server name carries the port; a browser and an
		// ECDSA certificate on an RSA-only server.
		{"dial failed: tls: failed to verify certificate: x509: certificate is valid for relay.example.net, not relay.example.net:8443", "go", "client", "server-hostname-mismatch", "host alone"},
		{"This site can't provide a secure connection. ERR_SSL_VERSION_OR_CIPHER_MISMATCH", "browser", "client", "handshake-failed", "rsa-only"},
		// Android's chain check on a date; git on Windows reset after the
		// handshake.
		{"W/System.err: javax.net.ssl.SSLHandshakeException: Chain validation failed", "java", "client", "server-cert-untrusted", "device's date"},
		{"fatal: unable to access 'https://git.example.org/team/app.git/': OpenSSL SSL_read: SSL_ERROR_SYSCALL, errno 10054", "curl", "client", "handshake-failed", "antivirus"},
		// A server's line with no entry of its own: its client left.
		{"chatd[77]: TLS failure, client disconnected during handshake", "unknown", "server", "tls-unexplained", "fullchain.pem"},
		// A client that got clear text from a port meant to be TLS.
		{"irc client: SSL connect failed: error:140770FC:SSL routines:SSL23_GET_SERVER_HELLO:unknown protocol", "unknown", "client", "handshake-failed", "listener"},
		// HAProxy's crt path that is not there.
		{"[ALERT]    (7) : config : parsing [/usr/local/etc/haproxy/haproxy.cfg:20] : 'bind *:8443' in section 'frontend' : unable to stat SSL certificate from file '/certs/api.pem' : No such file or directory.", "haproxy", "server", "cert-load-failed", "haproxy -c"},
		// Apache's stapling set-up, which nginx's stapling words would take.
		{"[Fri Dec 04 03:00:00.000000 2026] [ssl:error] [pid 9] AH02604: Unable to configure certificate shop.example.org:443:0 for stapling", "apache", "server", "stapling-failed", "sslusestapling off"},
		// Go clients with CA options of their own: Vault's CLI, GitLab
		// Runner's registration, MinIO's mc, etcdctl.
		{"Error reading secret: Get \"https://vault.internal:8200/v1/sys/mounts\": x509: certificate signed by unknown authority", "go", "client", "server-cert-untrusted", "vault_cacert"},
		{"ERROR: Registering runner... failed  status=couldn't execute POST against https://git.internal/api/v4/runners: x509: certificate signed by unknown authority", "go", "client", "server-cert-untrusted", "tls-ca-file"},
		{"mc: <ERROR> Unable to initialize new alias from the provided credentials. Get \"https://s3.internal:9000/probe-bucket/\": x509: certificate signed by unknown authority", "go", "client", "server-cert-untrusted", "certs/cas"},
		{"{\"level\":\"warn\",\"msg\":\"retrying of unary invoker failed\",\"target\":\"etcd-endpoints://0xc000/127.0.0.1:2379\",\"error\":\"rpc error: code = Unavailable desc = connection error: desc = \\\"transport: authentication handshake failed: x509: certificate signed by unknown authority\\\"\"} etcdctl", "go", "client", "server-cert-untrusted", "--cacert"},
		// A client whose HTTPS proxy cannot carry TLS inside TLS; a CA
		// bundle with a repeated certificate; OkHttp's pins; RubyGems
		// naming the CA to add; an Erlang client refused at hello.
		{"SSL connect attempt failed error:140940CD:SSL routines:ssl3_read_bytes:invalid alert", "unknown", "client", "handshake-failed", "http://"},
		{"TLS connect error: error:0BFFF065:x509 certificate routines:CRYPTO_internal:cert already in hash table", "unknown", "client", "server-cert-untrusted", "uniq"},
		{"E/App: javax.net.ssl.SSLPeerUnverifiedException: Certificate pinning failure!", "java", "client", "server-cert-untrusted", "backup"},
		{"ERROR:  You must add /CN=Example Proxy Root to your local trusted store", "unknown", "client", "server-cert-untrusted", "ssl_cert_file"},
		{"TLS client: In state hello received SERVER ALERT: Fatal - Handshake Failure", "unknown", "client", "handshake-failed", "server_name_indication"},
		// Android with a stapled response it refuses; an Erlang client's
		// wildcard name.
		{"javax.net.ssl.SSLHandshakeException: Chain validation failed", "java", "client", "server-cert-untrusted", "-status"},
		{"TLS :client: In state :certify at ssl_handshake.erl:2100 generated CLIENT ALERT: Fatal - Bad Certificate", "unknown", "client", "server-cert-untrusted", "customize_hostname_check"},
		// envoy without SNI to a CDN; an SDK's bare handshake failure; an
		// OCSP response a libtls client could not verify; Application
		// Gateway and its backend; ProxySQL's note; a Go client and a
		// server whose TLS listener did not take.
		{"upstream connect error or disconnect/reset before headers. reset reason: connection failure, transport failure reason: TLS error: 268435610:SSL routines:OPENSSL_internal:HANDSHAKE_FAILURE_ON_CLIENT_HELLO", "envoy", "client", "handshake-failed", "upstreamtlscontext"},
		{"[ERROR] [Transport] [tls.c:100] SSL_connect failed to perform TLS handshake.", "unknown", "client", "tls-unexplained", "-noservername"},
		{"WARNING TLS handshake error: handshake failed: error:27069065:OCSP routines:OCSP_basic_verify:certificate verify error", "unknown", "client", "stapling-failed", "server_tls_ca_file"},
		{"Backend server certificate is not whitelisted with Application Gateway.", "unknown", "client", "server-cert-untrusted", "probe"},
		{"proxy.cpp:12:do_ssl_handshake(): [ERROR] X509 error: no required certificate sent by client", "unknown", "server", "no-client-cert", "harmless"},
		{"rpc error: code = Unavailable desc = connection error: desc = \"transport: authentication handshake failed: tls: first record does not look like a TLS handshake\"", "go", "client", "handshake-failed", "listener"},
		// A refused hello: how node and envoy send the server's name.
		{"Error: write EPROTO 1:error:14094410:SSL routines:ssl3_read_bytes:sslv3 alert handshake failure:../deps/openssl/openssl/ssl/record/rec_layer_s3.c:1544:SSL alert number 40", "node", "client", "tls-alert", "servername:"},
		{"[C7] TLS error: 268436536:SSL routines:OPENSSL_internal:TLSV1_ALERT_INTERNAL_ERROR envoy upstream", "envoy", "client", "tls-alert", "trafficpolicy.tls.sni"},
		// An older Erlang server's own refusal of an old client's version.
		{"=ERROR REPORT==== SSL: hello: tls_handshake.erl:174:Fatal error: protocol version", "unknown", "server", "handshake-failed", "-tls1_2"},
		// A Go listener reading its client's request; a date the server
		// refused, told with both clocks.
		{"10.0.0.9:4000 rejected  proxy/encoding: failed to read request header > remote error: tls: bad certificate", "go", "server", "tls-alert", "intermediate"},
		{"error reading server preface: remote error: tls: expired certificate", "go", "client", "tls-alert", "date -u"},
		// A reason named only by its code; nginx's groups on a listener;
		// servers' settings their release does not take; Windows' words
		// in Chinese.
		{"error:0A00018A:SSL routines:tls_process_ske_dhe:dh key", "unknown", "client", "handshake-failed", "2048-bit"},
		{"2026/12/04 03:00:00 [crit] 9#9: *3 SSL_do_handshake() failed (SSL: error:142090BA:SSL routines:tls_early_post_process_client_hello:bad cipher) while SSL handshaking, client: 192.0.2.8, server: 0.0.0.0:443", "nginx", "server", "handshake-failed", "ssl_ecdh_curve"},
		{"WARN JSSESocketFactory - None of the SSL protocols specified are supported by the SSL engine : [TLSv1]", "unknown", "server", "startup-failed", "jdk.tls.disabledalgorithms"},
		{"[Warning] [MY-010069] [Server] Failed to set up SSL because of the following SSL library error: SSL_CTX_use_certificate_file failed", "unknown", "server", "cert-load-failed", "server-cert.pem"},
		{"postfix/smtpd[9]: warning: Invalid TLS eecdh grade \"auto\": EECDH disabled", "unknown", "server", "startup-failed", "mail_version"},
		{"SSL/TLS handshake failure: Error: 因为算法不同，客户端和服务器无法通信。", "unknown", "client", "handshake-failed", "tls 1.2"},
		// Go told to speak TLS to a proxy that speaks HTTP.
		{"Error response from daemon: Get \"https://registry.example.com/v2/\": proxyconnect tcp: tls: first record does not look like a TLS handshake", "go", "client", "plain-http", "https_proxy=http://"},
		// Chromium's net error by number.
		{"[1204/101010.123:ERROR:ssl_client_socket_impl.cc(992)] handshake failed; returned -1, SSL error code 1, net_error -213", "browser", "client", "server-cert-untrusted", "397 days"},
		// envoy's reset without a reason; an OpenSSL 1.0 server's unknown
		// protocol from an old client's real hello.
		{"upstream connect error or disconnect/reset before headers. reset reason: remote connection failure", "envoy", "client", "handshake-failed", "validation context"},
		{"imapd: TLS handshaking: SSL_accept() failed: error:140760FC:SSL routines:SSL23_GET_CLIENT_HELLO:unknown protocol", "unknown", "server", "handshake-failed", "-tls1"},
		// A signing request given where the certificate belongs.
		{"nginx: [emerg] PEM_read_bio_X509_AUX(\"/etc/nginx/ssl/site.csr\") failed (SSL: error:0909006C:PEM routines:get_name:no start line:Expecting: TRUSTED CERTIFICATE)", "nginx", "server", "cert-load-failed", "signing request"},
		// A template's placeholder left in the path.
		{"SSLCertificateKeyFile: file '/etc/letsencrypt/live/{{ domain }}/privkey.pem' does not exist or is empty", "apache", "server", "cert-load-failed", "placeholder"},
		// nginx's client refusing a value of its handshake.
		{"2026/12/04 03:00:00 [info] 9#9: *3 SSL_do_handshake() failed (SSL: error:0A000417:SSL routines::sslv3 alert illegal parameter:SSL alert number 47) while SSL handshaking, client: 192.0.2.8, server: 0.0.0.0:443", "nginx", "server", "handshake-failed", "ssl_ecdh_curve"},
		// Squid's page for an origin it could not verify; an Erlang
		// client's unsupported_certificate; a client on Rust's openssl crate.
		{"The system returned: (71) Protocol error (TLS code: X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY)", "unknown", "client", "server-cert-untrusted", "sslproxy_foreign_intermediate_certs"},
		{"TLS :client: In state :certify at ssl_handshake.erl:2111 generated CLIENT ALERT: Fatal - Unsupported Certificate", "unknown", "client", "server-cert-untrusted", "extendedkeyusage"},
		// An alert record decoded field by field; a server's refusal of a
		// client certificate in plain words (relayed by its client too).
		{"TLS alert record: Level=fatal(2), description=bad certificate(42)", "unknown", "server", "tls-alert", "alert 42"},
		{"API error 403: client certificate is not trusted by the server", "unknown", "server", "verify-error", "client ca file"},
		// OpenVPN's chain check failing on its CRL (crl-verify: a server's).
		{"Thu Jan  1 10:00:00 2026 VERIFY ERROR: depth=0, error=CRL has expired: CN=laptop7", "unknown", "server", "verify-error", "gen-crl"},
		// Windows' SQL Server clients; keytool; a PKCS#12 a program could
		// not open; Caddy's stapler; a client pinning fingerprints; reqwest.
		{"SqlException (0x80131904): A connection was successfully established with the server, but then an error occurred during the pre-login handshake. (provider: SSL Provider, error: 0 - The target principal name is incorrect.)", "unknown", "client", "server-hostname-mismatch", "hostnameincertificate"},
		{"keytool error: java.lang.Exception: Failed to establish chain from reply", "java", "client", "cert-load-failed", "-trustcacerts"},
		{"fatal: Failed to parse PKCS#12 file /etc/app/client.pfx (wrong password?)", "unknown", "client", "key-load-failed", "-legacy"},
		{`{"level":"warn","logger":"tls","msg":"stapling OCSP","error":"no OCSP stapling for [app.example.org]: no OCSP server specified in certificate"}`, "unknown", "client", "stapling-failed", "harmless"},
		{"sync failed: server certificate fingerprint mismatch (expected SHA256:ab12...)", "unknown", "client", "server-cert-untrusted", "-fingerprint -sha256"},
		{`thread 'main' panicked: reqwest::Error { kind: Builder, source: "incompatible TLS identity type" }`, "unknown", "client", "key-load-failed", "use_rustls_tls"},
		// Python loading a CA file with something unparsable in it; OpenVPN
		// loading its own certificate.
		{"ssl.SSLError: [ASN1] header too long (_ssl.c:3980)", "python", "client", "cert-load-failed", "crl2pkcs7"},
		{"Sat Mar  1 10:00:00 2026 Cannot load certificate file /etc/openvpn/client/laptop.crt", "unknown", "client", "cert-load-failed", "tls-cert-profile"},
		// Poco's own name check (ClickHouse's extendedVerification); aiohttp.
		{"Code: 210. DB::NetException: Certificate validation error: Unacceptable certificate from db2.corp.example: application verification failure (db2.corp.example:9440)", "unknown", "client", "server-cert-untrusted", "extendedverification"},
		{"aiohttp.client_exceptions.ClientConnectorCertificateError: Cannot connect to host api.internal:443 ssl:True [SSLCertVerificationError: (1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: CA cert does not include key usage extension (_ssl.c:1028)')]", "python", "client", "server-cert-untrusted", "verify_x509_strict"},
		{"aiohttp.client_exceptions.ClientConnectorCertificateError: Cannot connect to host api.internal:443 ssl:True [SSLCertVerificationError: (1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed", "python", "client", "server-cert-untrusted", "aiohttp"},
		// Mbed TLS's words for a failed certificate check (ESP-IDF's esp-tls).
		{"E (8123) esp-tls-mbedtls: verification info:   ! The certificate validity starts in the future", "unknown", "client", "server-cert-expired", "clock"},
		{"W (2210) esp-tls-mbedtls: ! The certificate Common Name (CN) does not match with the expected CN", "unknown", "client", "server-hostname-mismatch", "subjectaltname"},
		{"  ! Usage does not match the extendedKeyUsage extension", "unknown", "client", "server-cert-untrusted", "serverauth"},
		{"called `Result::unwrap()` on an `Err` value: Failure(MidHandshakeSslStream { error: Error { code: ErrorCode(1), cause: Some(Ssl(ErrorStack([Error { code: 167772294, library: \"SSL routines\", function: \"tls_post_process_server_certificate\", reason: \"certificate verify failed\" }]))) }, verify_result: X509VerifyResult { code: 20, error: \"unable to get local issuer certificate\" } })", "unknown", "client", "server-cert-untrusted", "ssl_cert_dir"},
		// BearSSL's codes as Tasmota logs them (a device, the client).
		{"10:14:03.512 MQT: TLS connection error: 62", "unknown", "client", "server-cert-untrusted", "bearssl"},
		{"10:14:03.512 MQT: TLS connection error: 53", "unknown", "client", "server-cert-expired", "ntp"},
		{"10:14:03.512 MQT: TLS connection error: 55", "unknown", "client", "server-cert-untrusted", "-showcerts"},
		{"10:14:03.512 MQT: TLS connection error: 0", "unknown", "client", "handshake-failed", "policy"},
		{"10:14:03.512 MQT: TLS connection error: 298", "unknown", "client", "tls-alert", "bad_certificate"},
		{"10:14:03.512 MQT: TLS connection error: 6", "unknown", "client", "handshake-failed", "setbuffersizes"},
		{"10:14:03.512 MQT: TLS connection error: -1002", "unknown", "client", "handshake-failed", "mqtthost"},
		// Netty's PEM reader; gRPC core's half key pair; openssl verify's
		// CRL scope and download; OCSP responders' refusals.
		{"Caused by: java.lang.IllegalArgumentException: File does not contain valid private key: /etc/app/tls/client.key", "java", "server", "key-load-failed", "-topk8"},
		{"java.security.cert.CertificateException: File does not contain valid certificates: /etc/app/tls/ca.der", "java", "server", "cert-load-failed", "-inform der"},
		{"E1204 10:00:00.000000000 4711 ssl_credentials.cc:120] assertion failed: pem_key_cert_pair->private_key != nullptr", "unknown", "client", "key-load-failed", "ssl_channel_credentials"},
		{"error 44 at 0 depth lookup: Different CRL scope", "openssl", "client", "server-cert-untrusted", "issuing distribution point"},
		{"error 20 at 0 depth lookup: unable to get local issuer certificate", "openssl", "client", "server-cert-untrusted", "-untrusted"},
		{"Error loading CRL from http://pki.example.com/sub-ca.crl.pem", "openssl", "client", "cert-load-failed", "-outform der"},
		{"ocsp check of www.example.org: Responder Error: unauthorized (6)", "unknown", "client", "stapling-failed", "-issuer"},
		{"140000000000:error:27FFF072:OCSP routines:CRYPTO_internal:server response error:ocsp/ocsp_ht.c:251:Code=400,Reason=Bad Request", "openssl", "client", "stapling-failed", "-header host"},
		// Products' own words: CockroachDB, Elasticsearch, Perl's LWP,
		// lighttpd, librdkafka, a server wanting a client certificate, a
		// Go client without one.
		{"ERROR: problem with CA certificate: client/server node certificate has principals [\"db1\"], expected \"node\"", "unknown", "server", "cert-load-failed", "cert-principal-map"},
		{"ERROR: pq: user root must use certificate authentication instead of password authentication", "go", "client", "no-client-cert", "client.root"},
		{"java.lang.IllegalStateException: invalid configuration for xpack.security.http.ssl - [xpack.security.http.ssl.enabled] is not set, but the following settings have been configured", "unknown", "server", "startup-failed", "elasticsearch-keystore"},
		{"500 Can't verify SSL peers without knowing which Certificate Authorities to trust", "unknown", "client", "server-cert-untrusted", "mozilla::ca"},
		{"2026-12-04 10:00:00: (mod_openssl.c.1200) SSL: Unknown curve name secp384r1:prime256v1", "unknown", "server", "startup-failed", "ssl.ec-curve"},
		{"%3|1700000000.000|SSL|rdkafka#producer-1| [thrd:app]: ssl.ca.pem failed: not in PEM format?", "unknown", "client", "cert-load-failed", "crl2pkcs7"},
		{"transport: authentication handshake failed: mTLS client certificate requested, but not configured", "unknown", "client", "no-client-cert", "certificate and key"},
		// Key forms per parser (Go's hint, Java's KeyFactory, an old Java's
		// PBES2, Ruby's RSA.new), a TLS secret without its entries, a PEM
		// that does not decode, servers' own load and configuration lines,
		// a browser's date page, a PFX old Windows cannot open, a password
		// for a key without one, .NET's refusal in Windows' German.
		{"cannot load key: x509: failed to parse private key (use ParsePKCS1PrivateKey instead for this key format)", "go", "client", "key-load-failed", "-topk8"},
		{"java.security.spec.InvalidKeySpecException: java.security.InvalidKeyException: IOException : algid parse error, not a sequence", "java", "client", "key-load-failed", "pkcs8 -topk8"},
		{"Caused by: java.io.IOException: ObjectIdentifier() -- data isn't an object ID (tag = 48)", "java", "client", "key-load-failed", "-v1 pbe-sha1-3des"},
		{"app.rb:12:in `initialize': Neither PUB key nor PRIV key: header too long (OpenSSL::PKey::RSAError)", "unknown", "client", "key-load-failed", "pkey.read"},
		{"E1204 ingress.go:80: secret default/web-tls is missing the following TLS data entries: tls.key", "go", "server", "cert-load-failed", "create secret tls"},
		{"[ERR] agent: failed to load TLS configuration: Couldn't parse PEM in ca_file", "unknown", "server", "cert-load-failed", "pem"},
		{"500 OOPS: SSL: cannot load RSA certificate", "unknown", "server", "cert-load-failed", "rsa_cert_file"},
		{"doveconf: Fatal: Error in configuration file /etc/dovecot/conf.d/10-ssl.conf: ssl enabled, but ssl_cert not set", "unknown", "server", "startup-failed", "doveconf -n"},
		{"The security certificate presented by this website has expired or is not yet valid.", "unknown", "client", "server-cert-expired", "clock"},
		{"[ALERT] 338/100000 (7) : config : [/etc/haproxy/haproxy.cfg:41] : unable to load CA file '/etc/haproxy/backend-ca.pem'.", "haproxy", "server", "cert-load-failed", "haproxy -c"},
		{"Exception calling \"Import\" with \"3\" argument(s): \"The specified network password is not correct.\"", "unknown", "server", "key-load-failed", "-legacy"},
		{"urllib3 load_cert_chain: ValueError: Password was given but private key is not encrypted.", "python", "server", "key-load-failed", "key_password=none"},
		{"Invoke-RestMethod : Die zugrunde liegende Verbindung wurde geschlossen: Unerwarteter Fehler beim Senden.", "unknown", "client", "handshake-failed", "tls12"},
		// Sides that only one side has: a server's CA file for client
		// certificates (after a Go tool's "Error: "), a keyUsage refused
		// in a handshake, Windows' name check, NSS's refusal, macOS's rules.
		{"Error: unable to load client CA file: open /srv/pki/clients-ca.crt: no such file or directory", "go", "server", "cert-load-failed", "/srv/pki/clients-ca.crt"},
		{"handshake: KeyUsage does not allow key encipherment", "unknown", "client", "wrong-purpose", "keyusage"},
		{"Connection failed: 0x800B010F (CERT_E_CN_NO_MATCH)", "unknown", "client", "server-hostname-mismatch", "subjectaltname"},
		{"The security library has encountered an improperly formatted DER-encoded message.", "unknown", "client", "nss-error", "der"},
		{"Get \"https://dev.local:8443/\": x509: “dev.local” certificate is not standards compliant", "go", "client", "server-cert-untrusted", "825"},
		// Debian's CA bundle path on a system without it.
		{"failed to load CA bundle: open /etc/ssl/certs/ca-certificates.crt: no such file or directory", "unknown", "client", "cert-load-failed", "/etc/pki/tls/certs/ca-bundle.crt"},
		{"lua ssl: failed loading trusted certificates from /etc/ssl/certs/ca-certificates.crt", "nginx", "client", "cert-load-failed", "/etc/pki/tls/certs/ca-bundle.crt"},
		// Ruby's name check, Windows' WinINet, an old npm, a service's
		// private key, HAProxy's .key file, Go reading a non-TLS answer.
		{"Net::SMTPFatalError: OpenSSL::SSL::SSLError: hostname \"127.0.0.1\" does not match the server certificate", "unknown", "client", "server-hostname-mismatch", "smtp_settings"},
		{"Error 12045: The certificate authority is invalid or incorrect", "unknown", "client", "server-cert-untrusted", "certutil -addstore"},
		{"npm ERR! Error: SSL Error: SELF_SIGNED_CERT_IN_CHAIN", "node", "client", "server-cert-untrusted", "npm config set cafile"},
		{"Service start failed: cannot access the private key of certificate CN=portal.corp.example", "unknown", "server", "key-load-failed", "manage private keys"},
		{"[ALERT] (1) : config : unable to load private key from file '/etc/haproxy/certs/api.pem.key'.", "haproxy", "server", "key-load-failed", "ssl-passphrase-cmd"},
		{"dial: remote error: tls: oversized record received with length 11570", "go", "client", "handshake-failed", "ssh"},
		// Lines no entry has whose words name a file the program could not
		// read, or a key that is not the certificate's.
		{"worker: cannot parse Ed25519 private key in /srv/keys/node.pem", "unknown", "server", "key-load-failed", "-topk8 -nocrypt -in /srv/keys/node.pem"},
		{"init: could not parse CA bundle /etc/app/bundle.pem", "unknown", "client", "cert-load-failed", "crl2pkcs7"},
		{"agent: error loading cert from disk: unexpected end of input", "unknown", "server", "cert-load-failed", "-inform der"},
		{"startup aborted: certificate and key do not match", "unknown", "server", "key-mismatch", "-pubkey"},
		// A runtime's line no entry has: its own usual causes and switches.
		{"javax.net.ssl.SSLException: Unsupported or unrecognized frobnication in record", "java", "client", "tls-unexplained", "javax.net.debug"},
		{"Get \"https://api.internal/\": tls: handshake widget refused", "go", "client", "tls-unexplained", "godebug"},
		// Kafka's start-up handshake between its own keystore and truststore.
		{"ERROR [KafkaServer id=1] Fatal error during KafkaServer startup. Prepare to shutdown (kafka.server.KafkaServer) org.apache.kafka.common.config.ConfigException: Invalid value javax.net.ssl.SSLHandshakeException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target for configuration A client SSLEngine created with the provided settings can't connect to a server SSLEngine created with those settings.", "java", "client", "cert-load-failed", "truststore"},
		// Application Gateway's backend health.
		{"Backend health: Unhealthy. Backend certificate is invalid. Current date is not within the valid from and valid to range.", "unknown", "client", "server-cert-expired", "rsa 2048"},
		// OpenSSL's system library refusing fopen; a TLS hello on a plain
		// AMQP port; vsftpd's session reuse; strongSwan without a key;
		// rdesktop's RSA check; OpenSMTPD's pki key; a PEM given for a path.
		{"slapd[812]: TLS: error:0200100D:system library:fopen:Permission denied:bss_file.c:402:fopen('/etc/ldap/tls/server.key','r')", "unknown", "server", "cert-load-failed", "namei -l /etc/ldap/tls/server.key"},
		{"SSL_CTX_load_verify_locations: No such file or directory", "unknown", "server", "cert-load-failed", "openssl version -d"},
		{"2026-12-05 10:00:00.123 [error] <0.901.0> closing AMQP connection: {bad_header,<<22,3,3,1,2,1,0,1>>}", "unknown", "server", "plain-http", "5671"},
		{"ftp: 522 SSL connection failed: session reuse required", "unknown", "client", "handshake-failed", "require_ssl_reuse"},
		{"charon: 09[IKE] no private key found for 'vpn.example.com'", "unknown", "server", "key-load-failed", "swanctl --list-creds"},
		{"ERROR: Peer's certificate public key algorithm is not RSA", "unknown", "client", "handshake-failed", "rsa:2048"},
		{"smtpd[55]: fatal: load_pki_keys: failed to load key file", "unknown", "server", "key-load-failed", "passphrase"},
		{"doveconf: Fatal: Error in configuration file /etc/dovecot/conf.d/10-ssl.conf line 3: ssl_server_key_file: open(-----BEGIN PRIVATE KEY-----", "unknown", "server", "cert-load-failed", "without the <"},
		// docker buildx's own builder; pgx reading ~/.postgresql/root.crt.
		{"ERROR: failed to solve: failed to do request: Head \"https://registry.internal:5000/v2/app/manifests/latest\": x509: certificate signed by unknown authority", "go", "client", "server-cert-untrusted", "buildkitd.toml"},
		{"failed to connect to `host=db.internal user=app database=app`: failed to write startup message (x509: certificate signed by unknown authority)", "go", "client", "server-cert-untrusted", "~/.postgresql"},
		// An OpenSSL client refusing a server certificate made with a
		// client section's nsCertType.
		{"ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unsupported certificate purpose (_ssl.c:1006)", "python", "client", "server-cert-untrusted", "nscerttype"},
		// libpq's EOF in TLS, Java and an empty issuer, OTP 26's verify_peer,
		// RabbitMQ on an old Erlang, Caddy's on-demand TLS, go-mssqldb, kdig
		// (GnuTLS's alert in the handshake), a hello reset on the way.
		{"psql: error: connection to server at \"db.internal\" (10.0.0.5), port 6432 failed: SSL SYSCALL error: EOF detected", "unknown", "client", "handshake-failed", "pooler"},
		{"org.postgresql.util.PSQLException: SSL error: Failed to parse server certificates Empty issuer DN not allowed in X509Certificates.", "unknown", "client", "server-cert-untrusted", "-subj '/cn="},
		{"[error] <0.2001.0> Shovel 'orders' failed to connect (URI: amqps://broker-2): {options,incompatible,[{verify,verify_peer},{cacerts,undefined}]}", "unknown", "client", "server-cert-untrusted", "cacertfile"},
		{"The installed version of Erlang (R15B01) contains the bug OTP-10905, which makes it impossible to disable SSLv3.", "unknown", "server", "startup-failed", "r16b01"},
		{"Error: loading initial config: loading new config: loading http app module: provision http: getting tls app: loading tls app module: provision tls: provisioning automation policy 0: on-demand TLS cannot be enabled without a permission module to prevent abuse", "go", "server", "startup-failed", "ask"},
		{"mssql: TLS Handshake failed: Cannot read handshake packet: EOF", "unknown", "client", "handshake-failed", "tls 1.2"},
		{";; WARNING: TLS, handshake failed (A TLS fatal alert has been received.)", "unknown", "client", "tls-alert", "priority"},
		{"2026/03/03 10:00:00 [proj:region:db] failed to connect to instance: Dial error: handshake failed (connection name = \"proj:region:db\"): read tcp 10.0.0.2:51000->203.0.113.9:3307: read: connection reset by peer", "unknown", "client", "handshake-failed", "tlsmlkem=0"},
		// imapfilter's verify result by number alone; OpenSSL 1.0's client
		// reading plain text (WinRM's HTTP listener reached with https)
		// keeps the story of a side that does not speak TLS.
		{"imapfilter: certificate verification failed; 10", "unknown", "client", "server-cert-expired", "renew"},
		{"WINRM CONNECTION ERROR: 500 WinRMTransport. [Errno 1] _ssl.c:492: error:140770FC:SSL routines:SSL23_GET_SERVER_HELLO:unknown protocol", "python", "client", "handshake-failed", "http://"},
		// NATS's route and leafnode lines, told by the peer's port; JSSE's
		// own fatal alert.
		{"[3001] [ERR] 10.1.1.5:51522 - lid:12 - TLS leafnode handshake error: remote error: tls: bad certificate", "go", "server", "tls-alert", "certificate"},
		{"[3001] [ERR] 10.0.0.2:7422 - lid:13 - TLS leafnode handshake error: tls: failed to verify certificate: x509: certificate signed by unknown authority", "go", "client", "server-cert-untrusted", "rootcas"},
		{"javax.net.ssl|ERROR|10|main|2026-03-03 10:00:00.000 UTC|null:-1|Fatal (UNEXPECTED_MESSAGE): Unexpected handshake message: server_hello", "java", "client", "handshake-failed", "blocking"},
		// Logstash's beats input pasted without its handler's name: the
		// server that read plain text (a Beat without TLS settings).
		{"Handling exception: javax.net.ssl.SSLException: error:100000f7:SSL routines:OPENSSL_internal:WRONG_VERSION_NUMBER (from 10.0.0.9:51000)", "java", "server", "handshake-failed", "without tls"},
		// kubeadm's certificates of an earlier cluster; kaniko's own CA.
		{`[certs] certificate front-proxy-client not signed by CA certificate front-proxy-ca: x509: certificate signed by unknown authority`, "go", "client", "bad-signature", "kubeadm reset"},
		{`error checking push permissions -- make sure you entered the correct tag name, and that you are authenticated correctly, and try again: checking push permission for "registry.example.com:5000/app:1": Get "https://registry.example.com:5000/v2/": x509: certificate signed by unknown authority`, "go", "client", "server-cert-untrusted", "--registry-certificate"},
		// node's extra CAs with a certificate twice keep that story.
		{"Warning: Ignoring extra certs from `/etc/ssl/extra.pem`, load failed: error:05800088:x509 certificate routines::cert already in hash table", "unknown", "client", "server-cert-untrusted", "twice"},
		// ODBC Driver 18 against an old SQL Server, Python's CERT_NONE order,
		// chronyd's NTS-KE client, Squid's certificate generator, a PSK
		// mismatch, an ACME HTTP-01 challenge out of reach.
		{"pyodbc.OperationalError: ('08001', '[08001] [Microsoft][ODBC Driver 18 for SQL Server]SSL Provider: [error:0A000102:SSL routines::unsupported protocol] (-1) (SQLDriverConnect)')", "unknown", "client", "handshake-failed", "sql server 2014"},
		{"ValueError: Cannot set verify_mode to CERT_NONE when check_hostname is enabled.", "unknown", "client", "handshake-failed", "check_hostname = false"},
		{"Mar 03 10:00:00 host chronyd[812]: TLS handshake with 192.0.2.123:4460 (nts.example.net) failed : Error in the certificate verification. The certificate is NOT trusted. The certificate chain uses expired certificate.", "unknown", "client", "server-cert-expired", "clock"},
		{"FATAL: The security_file_certgen helpers are crashing too rapidly, need help!", "unknown", "server", "cert-load-failed", "security_file_certgen -c"},
		{"Get value from agent failed: TCP successful, cannot establish TLS to [[agent1.example.com]:10050]: SSL_connect() returned SSL_ERROR_SSL: file s3_pkt.c line 1493: error:140943FC:SSL routines:ssl3_read_bytes:sslv3 alert bad record mac", "unknown", "client", "handshake-failed", "tlspskidentity"},
		{"Error: 192.0.2.80: Fetching http://www.example.org/.well-known/acme-challenge/abc123: Timeout during connect (likely firewall problem)", "unknown", "client", "cert-load-failed", "port 80"},
		// Cassandra without TLS and with Java 8's limited policy, Kafka's PEM
		// truststore, MariaDB and PostgreSQL clients wanting TLS from servers
		// without it, the kubelet seen from the API server, node's extra CAs,
		// PEM text as a path, plain text to a TLS client, HAProxy's
		// @system-ca, Dovecot's settings, Postfix's SMTP client, programs'
		// own words for unreadable files, Mercurial's old Python, pyOpenSSL's
		// tuples, LibGit2Sharp, LibreSSL's curl, a TLS 1.3-only Go server,
		// SHA-1 webhooks, Go's permission denied, Spring Boot's watched files.
		{"cassandra.cluster.NoHostAvailable: ('Unable to connect to any servers', {'10.1.0.7:9042': ProtocolError('This version of the driver does not support protocol version 21')})", "unknown", "client", "plain-http", "ssl_context"},
		{"WARN  [main] 2026-03-03 10:00:00,000 SSLFactory.java:100 - Filtering out TLS_RSA_WITH_AES_256_CBC_SHA as it isnt supported by the socket", "unknown", "server", "handshake-failed", "8u161"},
		{"org.apache.kafka.common.errors.InvalidConfigurationException: SSL trust store password cannot be specified for PEM format.", "unknown", "server", "cert-load-failed", "ssl.truststore.password"},
		{"ERROR 2026 (HY000): TLS/SSL error: SSL is required, but the server does not support it", "unknown", "client", "handshake-failed", "--skip-ssl"},
		{"Error: The server does not support SSL connections", "node", "client", "handshake-failed", "boolean false"},
		{"Error from server: Get \"https://worker-2:10250/containerLogs/default/web-0/app\": remote error: tls: internal error", "go", "client", "cert-load-failed", "kubectl certificate approve"},
		{"Warning: Ignoring extra certs from `/etc/ssl/corp.pem:/opt/tool/certs.pem`, load failed: error:80000002:system library::No such file or directory", "unknown", "client", "cert-load-failed", "one pem file"},
		{"MongoParseError: ENAMETOOLONG: name too long, open '-----BEGIN CERTIFICATE-----", "unknown", "server", "cert-load-failed", "path"},
		{"Error: write EPROTO 40C7E1D1A67F0000:error:0A0000C6:SSL routines:tls_get_more_records:packet length too long:../deps/openssl/openssl/ssl/record/methods/tls_common.c:662:", "node", "client", "plain-http", "http://"},
		{"[WARNING]  (2211) : config : ca-file: '@system-ca' couldn't load '/etc/pki/tls/certs/ca-bundle.trust.crt'", "haproxy", "client", "cert-load-failed", "httpclient.ssl.ca-file"},
		{"imap-login: Fatal: Invalid ssl_protocols setting: Unknown protocol 'SSLv2'", "unknown", "server", "startup-failed", "ssl_min_protocol"},
		// A confined package (snap, Flatpak) denied a file whatever its mode.
		{"open /media/usb/tls/client.crt: permission denied", "unknown", "server", "cert-load-failed", "snap"},
		{"doveconf: Fatal: Error in configuration file /etc/dovecot/conf.d/10-logging.conf line 12: verbose_ssl: Unknown setting: verbose_ssl", "unknown", "server", "startup-failed", "log_debug"},
		{"Mar  3 10:00:00 relay postfix/smtp[4411]: certificate verification failed for smtp.example.net[192.0.2.25]:587: untrusted issuer /CN=Example Root CA", "unknown", "client", "server-cert-untrusted", "smtp_tls_cafile"},
		{"ERROR: Can't read file '/opt/mail/ssl/server/commercial.key'", "unknown", "server", "cert-load-failed", "namei -l"},
		{"[ERROR] [-] [core] tls key /etc/haraka/tls/privkey.pem could not be loaded.", "unknown", "server", "cert-load-failed", "namei -l"},
		{"warning: connecting to example.org using legacy security technology (TLS 1.0); see https://mercurial-scm.org/wiki/SecureConnections for more info", "unknown", "client", "handshake-failed", "2.7.9"},
		{" [-] mx.example.net  Failed: [('SSL routines', 'ssl_choose_client_version', 'unsupported protocol')]", "python", "client", "handshake-failed", "tls"},
		{"LibGit2Sharp.LibGit2SharpException: the SSL certificate is invalid", "unknown", "client", "server-cert-untrusted", "ssl_cert_file"},
		{"fatal: unable to access 'https://git.example.com/app.git/': LibreSSL SSL_connect: SSL_ERROR_SYSCALL in connection to git.example.com:443", "curl", "client", "handshake-failed", "proxychains"},
		{"level=info msg=\"http: TLS handshake error from 10.0.0.9:50000: tls: client offered only unsupported versions: [303 302 301]\"", "go", "server", "handshake-failed", "proxy_ssl_protocols"},
		{"I0303 10:00:00.000000       1 server_cert_deprecations.go:68] insecure-sha1.invalid-cert.kubernetes.io: invalid certificate detected connecting to \"webhook.example.svc:443\": x509: cannot verify signature: insecure algorithm SHA1-RSA (temporarily override with GODEBUG=x509sha1=1)", "go", "client", "weak-signature", "sha-256"},
		{"open TLS certificate /var/lib/mail/certs/fullchain.pem: permission denied", "unknown", "server", "cert-load-failed", "namei -l"},
		{"The content of 'keystore.location' from bundle 'server' is not watchable'. Only 'file:' resources are watchable, but '/etc/app/keystore.p12' has been set", "unknown", "server", "cert-load-failed", "file:"},
		// A server's own DH parameters, Dovecot's and PostgreSQL's settings
		// across releases, the kubelet's serving and client certificates,
		// cert-manager's CA issuer, Rancher's strict agents, Spring Boot's
		// stores, authentik's proxy outpost (Go, not nginx).
		{"Mar 03 10:00:00 mail dovecot[812]: imap-login: Error: Failed to initialize SSL server context: Can't load DH parameters (ssl_dh setting): error:0A00018A:SSL routines::dh key too small: user=<>, rip=192.0.2.50", "unknown", "server", "weak-key", "dhparam"},
		{"doveconf: Fatal: Error in configuration file /etc/dovecot/conf.d/10-ssl.conf line 12: Unknown setting: ssl_min_protocol", "unknown", "server", "startup-failed", "ssl_protocols"},
		{"doveconf: Warning: SSLv2 not supported by OpenSSL. Please consider removing it from ssl_protocols.", "unknown", "server", "routine-line", "ssl_min_protocol"},
		{"2026-03-03 10:00:00.000 UTC [1] LOG:  invalid value for clientcert: \"1\"", "unknown", "server", "startup-failed", "clientcert=verify-ca"},
		{"Mar 03 10:00:00 node3 kubelet[901]: I0303 10:00:00.000000     901 log.go:194] http: TLS handshake error from 10.0.0.4:51234: no serving certificate available for the kubelet", "go", "server", "cert-load-failed", "kubectl certificate approve"},
		{"E0303 10:00:00.000000    1201 bootstrap.go:265] part of the existing bootstrap client certificate in /etc/kubernetes/kubelet.conf is expired: 2026-02-01 00:00:00 +0000 UTC", "go", "client", "expired", "kubeadm certs renew"},
		{"The certificate request has failed to complete and will be retried: Failed to decode returned certificate: error decoding certificate PEM block", "unknown", "server", "cert-load-failed", "secretname"},
		{"time=\"2026-03-03T10:00:00Z\" level=error msg=\"Strict CA verification is enabled but encountered error finding root CA\"", "go", "client", "server-cert-untrusted", "system-store"},
		{"Caused by: java.lang.IllegalStateException: Could not load store from 'certs/truststore.jks'", "unknown", "server", "cert-load-failed", "file:"},
		{"{\"error\":\"x509: cannot validate certificate for 192.0.2.7 because it doesn't contain any IP SANs\",\"event\":\"Error proxying to upstream server\",\"level\":\"warning\"}", "go", "client", "server-hostname-mismatch", "ip"},
		// A product's own entry keeps its fix when the line also names a
		// program with a general one (here Vault's client).
		{`level=fatal msg="cannot start: vault client: Get https://vault.example.com:8200/v1/sys/health: x509: failed to load system roots and no roots provided"`, "go", "client", "server-cert-untrusted", "apt-get install -y ca-certificates"},
		// slapd without TLS and its client's StartTLS, Apache's mod_ldap,
		// Kafka's handshake and keystore check, NuGet's signature chain,
		// urllib3's name check, Android and Python clients cut during the
		// handshake, a client's own words for a refused certificate,
		// requests' SSLError cut short, ClickHouse's own key.
		{"64a1f0c2 conn=1012 op=0 do_extended: unsupported operation \"1.3.6.1.4.1.1466.20037\"", "unknown", "server", "cert-load-failed", "olctlscertificatefile"},
		{"ldap_start_tls: Protocol error (2)", "unknown", "client", "handshake-failed", "ldaps://"},
		{"[Tue Mar 03 10:00:00.000000 2026] [authnz_ldap:info] [pid 12:tid 1400] [client 192.0.2.4:50000] AH01695: auth_ldap authenticate: user alice authentication failed; URI /private/ [LDAP: ldap_simple_bind() failed][Can't contact LDAP server]", "apache", "client", "server-cert-untrusted", "ldaptrustedglobalcert"},
		{"[Producer clientId=producer-1] Connection to node 2 (kafka-2.example.com/192.0.2.12:9093) failed authentication due to: SSL handshake failed", "java", "client", "handshake-failed", "ssl.truststore.location"},
		{"org.apache.kafka.common.config.ConfigException: Invalid value javax.net.ssl.SSLHandshakeException: Extended key usage does not permit use for TLS client authentication for configuration A client SSLEngine created with the provided settings can't connect to a server SSLEngine created with those settings.", "java", "server", "wrong-purpose", "serverauth,clientauth"},
		{"error NU3028: Package 'Newtonsoft.Json 12.0.1' from source 'https://api.nuget.org/v3/index.json': The repository countersignature's timestamp found a chain building issue: UntrustedRoot: self signed certificate in certificate chain", "unknown", "client", "server-cert-untrusted", "ca-certificates"},
		{"WARNING:urllib3.connection:Certificate did not match expected hostname: search. Certificate: {'subjectAltName': [('DNS', 'search.internal.example')]}", "python", "client", "server-hostname-mismatch", "subjectaltname=dns:"},
		{"SMTP send failed: javax.net.ssl.SSLHandshakeException: Connection closed by peer", "java", "client", "handshake-failed", "dhe"},
		{"kafka.errors.KafkaConnectionError: Handshake failed: [Errno 104] Connection reset by peer", "unknown", "client", "handshake-failed", "-noservername"},
		{"CRITICAL - Could not connect to PBS API: Certificate validation failed", "unknown", "client", "server-cert-untrusted", "self-signed"},
		{"requests.exceptions.SSLError: HTTPSConnectionPool(host='192.0.2.40', port=5001): Max retries exceeded with url: /webapi/auth.cgi", "python", "client", "server-cert-untrusted", "verify="},
		{"2026.03.03 10:00:00.000000 [ 1 ] {} <Error> CertificateReloader: Poco::Exception. Code: 1000, e.code() = 0, SSL context exception: Error loading certificate from file /etc/clickhouse-server/server.crt: error:80000002:system library::No such file or directory", "unknown", "server", "cert-load-failed", "ls -l"},
		// WinRM's HTTPS listener, Vault's PKI role, NSS's old database,
		// Secure Transport's PKCS#12, PKCS#8-only readers, offlineimap, a
		// profile-less .NET process, OpenLDAP on NSS, PEM files with CRLF,
		// OpenVPN's missing extension, Tornado as a client, Java's
		// hostname verifier, the AWS SDK v1's CA bundle.
		{"No PEM certificate found in '/srv/app/certs/ca-chain.crt'", "unknown", "server", "cert-load-failed", "crlf"},
		{"Cannot create a WinRM listener on HTTPS at this time because this machine does not have an appropriate certificate. To be used for SSL, a certificate must have a CN matching the hostname, be appropriate for Server Authentication, and not be expired, revoked, or self-signed.", "unknown", "server", "cert-load-failed", "localmachine"},
		{"The WinRM client cannot process the request. The certificate CN and the hostname that were provided do not match.", "unknown", "server", "cert-load-failed", "-hostname"},
		{"Error writing data to pki_int/issue/web: Error making API request. Code: 400. Errors: * the common_name field is required, or must be provided in a CSR with \"use_csr_common_name\" set to true, unless \"require_cn\" is set to false", "unknown", "client", "openssl-command", "require_cn=false"},
		{"mkcert: ERROR: failed to execute \"certutil -A\": exit status 255 certutil: function failed: SEC_ERROR_LEGACY_DATABASE: The certificate/key database is in an old, unsupported format.", "unknown", "server", "cert-load-failed", "cert9.db"},
		{"2026-03-02 10:00:00 Certificate does not have extended key usage extension", "unknown", "server", "wrong-purpose", "extendedkeyusage=serverauth"},
		{"* SSL: The Security framework only supports loading identities that are in PKCS#12 format.", "curl", "client", "cert-load-failed", "-legacy"},
		{"thread 'main' panicked at src/tls.rs:41:62: called `Result::unwrap()` on an `Err` value: NotPkcs8", "unknown", "server", "key-load-failed", "pkcs8 -topk8"},
		{"javax.net.ssl.SSLPeerUnverifiedException: Hostname 192.0.2.10 not verified", "java", "client", "server-hostname-mismatch", "ip:192.0.2.10"},
		{"ERROR: No CA certificates and no server fingerprints configured.  You must configure at least something, otherwise having SSL helps nothing.", "unknown", "client", "server-cert-untrusted", "sslcacertfile"},
		{"[E 260302 10:00:00 iostream:1400] SSL Error on 23 ('203.0.113.5', 8443): [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self-signed certificate in certificate chain (_ssl.c:1006)", "python", "client", "server-cert-untrusted", "requests"},
		{"Unhandled exception. System.Security.Cryptography.CryptographicException: The system cannot find the file specified. at System.Security.Cryptography.X509Certificates.X509Certificate2..ctor(Byte[] rawData, String password, X509KeyStorageFlags keyStorageFlags)", "unknown", "server", "key-load-failed", "website_load_user_profile"},
		{"ldap_start_tls: Connect error (-11) additional info: TLS error -8172:Peer's certificate issuer has been marked as not trusted by the user.", "unknown", "client", "server-cert-untrusted", "tls_cacert"},
		{"Error: error configuring Terraform AWS Provider: LoadCustomCABundleError: unable to load custom CA bundle, HTTPClient's transport unsupported type", "go", "client", "cert-load-failed", "unset aws_ca_bundle"},
		// FreeRADIUS's EAP modules and TLS versions, an intermediate whose
		// extendedKeyUsage leaves clientAuth out, IKEv2's refusal,
		// openfortivpn, OpenVPN's own `ca`, CloudFront and cloudflared in
		// front of origins, Chrome's version-or-cipher page, Kafka's store
		// paths, hitch's issuer, lighttpd's PEM file, an older curl's
		// reasonless handshake, a Rust client reset, GnuTLS's two flags.
		{"Fri Mar  6 09:00:00 2026 : ERROR: (17) eap_tls: ERROR: (TLS) OpenSSL says error 26 : unsupported certificate purpose", "unknown", "server", "verify-error", "a ca above it"},
		{"(3) eap_ttls: ERROR: (TLS) Alert write:fatal:protocol version", "unknown", "server", "handshake-failed", "tls_min_version"},
		{"\"gw-to-branch\" #7: responding to IKE_AUTH message (ID 1) from 198.51.100.20:4500 with encrypted notification AUTHENTICATION_FAILED", "unknown", "server", "verify-error", "subjectaltname"},
		{"ERROR:  Gateway certificate validation failed, and the certificate digest is not in the local whitelist.", "unknown", "client", "server-cert-untrusted", "trusted-cert"},
		{"2026-03-06 09:00:00 VERIFY ERROR: depth=1, error=unable to get local issuer certificate: C=NL, O=Example VPN, CN=Example VPN Intermediate", "unknown", "client", "server-cert-untrusted", "profiles"},
		{"502 ERROR: The request could not be satisfied. CloudFront wasn't able to connect to the origin. Generated by cloudfront (CloudFront)", "unknown", "client", "handshake-failed", "origin ssl protocols"},
		{"2026-03-06T09:00:00Z ERR error=\"Unable to reach the origin service: remote error: tls: unrecognized name\" connIndex=0 originService=https://nginx:443", "go", "client", "handshake-failed", "originservername"},
		{"shop.eu.example.com uses an unsupported protocol.", "browser", "client", "handshake-failed", "one level below"},
		{"ERROR Modification time of trust store could not be obtained: /opt/kafka/ssl/truststore.p12 (org.apache.kafka.common.security.ssl.DefaultSslEngineFactory)", "unknown", "server", "cert-load-failed", "ssl.keystore.location"},
		{"hitch[812]: {core} Unable to find issuer for cert /etc/hitch/shop.pem", "unknown", "server", "cert-load-failed", "intermediate.crt"},
		{"2026-03-06 09:00:00: (mod_openssl.c.1200) SSL: BIO_read_filename('/etc/lighttpd/certs/shop.pem') failed", "unknown", "server", "cert-load-failed", "ls -l /etc/lighttpd/certs/shop.pem"},
		{"* Unknown SSL protocol error in connection to api.example.net:443", "curl", "client", "handshake-failed", "--tlsv1.2"},
		{"Error: hyper::Error(Io, Custom { kind: Other, error: \"tls handshake eof\" }) caused by Os { code: 104, kind: ConnectionReset, message: \"Connection reset by peer\" }", "unknown", "client", "handshake-failed", "ecdhe+aesgcm"},
		{"Err:3 https://mirror.example.org/debian stable InRelease Certificate verification failed: The certificate is NOT trusted. The certificate issuer is unknown. The name in the certificate does not match the expected.", "unknown", "client", "server-cert-untrusted", "slim"},
		// wpa_supplicant, the EAP client, refusing the RADIUS server's
		// certificate in its words; FreeRADIUS's own alert about a client's.
		{"wlp2s0: SSL: SSL3 alert: write (local SSL3 detected an error):fatal:unknown CA", "unknown", "client", "server-cert-untrusted", "domain_suffix_match"},
		{"TLS: Certificate verification failed, error 20 (unable to get local issuer certificate) depth 0 for '/CN=radius.corp.example'", "unknown", "client", "server-cert-untrusted", "ca_cert="},
		{"wlan1: CTRL-EVENT-EAP-TLS-CERT-ERROR reason=1 depth=1 subject='/CN=Corp Root' err='self-signed certificate in certificate chain'", "unknown", "client", "server-cert-untrusted", "802-1x.ca-cert"},
		{"(12) eap_peap: ERROR: (TLS) Alert write:fatal:unknown CA", "unknown", "server", "verify-error", "ca_file"},
		// QUIC's and rustls's ALPN refusals, PHP's streams with OpenSSL's
		// reason, Go's words for a missing client certificate, OpenSSL 3
		// against a TLS 1.0 server, a container's openssl unable to write,
		// radsecproxy's name check, FreeRADIUS's unused item, OpenConnect's
		// timeout, Front Door's name check, AdGuard Home's own certificate,
		// Java stores (a rewritten file, a moved cacerts, a taken alias),
		// PHP's LDAP StartTLS, MySQL requiring TLS, PKCS#8-only loaders,
		// wpa_supplicant's missing file.
		{"dial: CRYPTO_ERROR: the cryptographic handshake failed: error 120", "unknown", "client", "tls-alert", "nextprotos"},
		{"handshake with 192.0.2.44:4433 failed: peer doesn't support any known protocol", "unknown", "server", "rustls-error", "alpn"},
		{"PHP Warning:  fsockopen(): SSL operation failed with code 1. OpenSSL Error messages: error:0A000152:SSL routines::unsafe legacy renegotiation disabled", "unknown", "client", "handshake-failed", "unsafelegacyserverconnect"},
		{"level=error msg=\"key store unreachable\" err=\"Post https://kms.internal:7373/v1/key/generate/app: tls: client certificate is required\"", "go", "client", "tls-alert", "held it back"},
		{"80FBE1C6A47F0000:error:0A0C0103:SSL routines:tls_process_key_exchange:internal error:../ssl/statem/statem_clnt.c:2252:", "openssl", "client", "handshake-failed", "@seclevel=0"},
		{"genpkey: Can't open \"/certs/server.key\" for writing, Permission denied", "openssl", "client", "openssl-command", "ls -ld"},
		{"certnamecheck: No subjectaltname matching host radius2.example.net", "unknown", "client", "server-hostname-mismatch", "wildcard"},
		{"/etc/raddb/mods-enabled/ldap[40]: The item 'private_key_password' is defined, but is unused by the configuration", "unknown", "server", "startup-failed", "openssl pkey"},
		{"SSL connection failure: Connection timed out", "unknown", "client", "handshake-failed", "middlebox"},
		{"\"ErrorInfo_s\": \"CertificateNameCheckFailed\"", "unknown", "client", "server-hostname-mismatch", "origin host header"},
		{"Your certificate does not verify: x509: certificate signed by unknown authority", "go", "server", "cert-load-failed", "origin ca"},
		{"Caused by: java.io.IOException: DerInputStream.getLength(): lengthTag=109, too big.", "java", "client", "key-load-failed", "nonfilteredfileextensions"},
		{"keytool error: java.io.FileNotFoundException: /usr/lib/jvm/java-17/jre/lib/security/cacerts (No such file or directory)", "java", "client", "cert-load-failed", "-cacerts"},
		{"keytool error: java.lang.Exception: Certificate not imported, alias <corp-root> already exists", "java", "client", "cert-load-failed", "keytool -delete"},
		{"PHP Warning:  ldap_start_tls(): Unable to start TLS: Connect error in /var/www/app/ldap.php on line 17", "unknown", "client", "server-cert-untrusted", "tls_cacert"},
		{"SQLSTATE[HY000] [9002] SSL connection is required. Please specify SSL options and retry.", "unknown", "client", "handshake-failed", "mysql_attr_ssl_ca"},
		{"server: TLS setup: no private keys found in /etc/app/tls.key", "unknown", "server", "key-load-failed", "pkcs8 -topk8"},
		{"wpa_supplicant[880]: OpenSSL: pending error: error:80000002:system library::No such file or directory", "unknown", "client", "cert-load-failed", "pkcs#12"},
		// wpa_supplicant's configuration (a TLS option outside phase1, an
		// inner method it does not take), an engine's key, mysqld's TLS
		// versions, Java's NotAfter, YugabyteDB's plaintext peers.
		{"Line 14: Invalid configuration line 'tls_disable_tlsv1_0=1'", "unknown", "client", "startup-failed", "phase1="},
		{"wpa_supplicant[311]: TLS: Unsupported Phase2 EAP method 'EAP-GTC'", "unknown", "client", "startup-failed", "auth=mschapv2"},
		{"OpenSSL: tls_connection_private_key - error:13000080:engine routines::failed loading private key", "unknown", "client", "key-load-failed", "pkcs11-tool"},
		{"2026-03-06T09:00:00.000000Z 0 [Warning] Failed to set up SSL because of the following SSL library error: TLS version is invalid", "unknown", "server", "startup-failed", "yassl"},
		{"Caused by: javax.net.ssl.SSLHandshakeException: NotAfter: Sat Feb 28 12:00:00 UTC 2026", "java", "client", "server-cert-expired", "-dates"},
		{"W0306 09:00:00.000000 77 tcp_stream.cc:130] { local: 192.0.2.10:9100 remote: 192.0.2.11:51000 }: status = Network error (yb/rpc/secure_stream.cc:509): Insecure connection header: 4745", "unknown", "server", "plain-http", "certs_dir"},
		// wolfSSL's ESP32 example's load error, wpa_supplicant's phase 2
		// decryption, YugabyteDB's secure stream, etcd refusing its own
		// server certificate as a client's, nginx without stapling, Go's
		// and QUIC's ALPN alert.
		{"E (1203) tls_client: ERROR: failed to load -151, please check the file.", "unknown", "client", "server-cert-expired", "asn_after_date_e"},
		{"OpenSSL: tls_connection_decrypt - Decryption failed - SSL_read error:0A000119:SSL routines::decryption failed or bad record mac", "unknown", "client", "handshake-failed", "tls_disable_tlsv1_3=1"},
		{"I0306 09:00:00.000000 12 secure_stream.cc:580] SECURE kEnabled { local: 192.0.2.5:7100 remote: 192.0.2.9:40000 }: SSL read error: 1", "unknown", "server", "plain-http", "certs_dir_name"},
		{"{\"level\":\"warn\",\"msg\":\"rejected connection on peer endpoint\",\"remote-addr\":\"192.0.2.21:40112\",\"error\":\"tls: failed to verify certificate: x509: certificate specifies an incompatible key usage\"}", "go", "server", "wrong-purpose", "both serverauth and clientauth"},
		{"2026/03/06 09:00:00 [warn] 1#1: \"ssl_stapling\" ignored, not supported", "nginx", "server", "stapling-failed", "boringssl"},
		{"Get \"https://198.51.100.4:4433/\": remote error: tls: no application protocol", "go", "client", "tls-alert", "nextprotos"},
		// Java's path builder by its class name, Python without ssl, a
		// hosting platform's certificate issuance and its default
		// certificate, node given a URL for a host.
		{"Execution error (SunCertPathBuilderException) at sun.security.provider.certpath.SunCertPathBuilder/build (SunCertPathBuilder.java:148).", "java", "client", "server-cert-untrusted", "keytool"},
		{"urllib3.exceptions.SSLError: Can't connect to HTTPS URL because the SSL module is not available.", "python", "client", "handshake-failed", "library\\bin"},
		{"Certificate provisioning failed: FAILED_CAA_CHECKING", "unknown", "server", "cert-load-failed", "dig +short caa"},
		{"subject=CN = *.netlify.app", "unknown", "client", "server-hostname-mismatch", "custom domain"},
		{"Error: Hostname/IP does not match certificate's altnames: Host: http. is not in the cert's altnames: DNS:api.example.com", "node", "client", "server-hostname-mismatch", "without https://"},
		// Ollama behind a re-signing proxy, a Home Assistant add-on's
		// missing certificate, Slack's check of an app's endpoint, a
		// platform's challenge, a Go mail client's implicit TLS on 587.
		{"Error: pull model manifest: Get \"https://registry.ollama.ai/v2/library/phi3/manifests/latest\": tls: failed to verify certificate: x509: certificate signed by unknown authority", "go", "client", "server-cert-untrusted", "systemctl restart ollama"},
		{"[12:00:00] FATAL: The configured keyfile is not found", "unknown", "server", "cert-load-failed", "ls -l /ssl"},
		{"/deploy failed with the error \"ssl_cacert\"", "unknown", "client", "server-cert-untrusted", "fullchain.pem"},
		{"SniCertificate::CertificateValidationError: Unable to verify challenge for shop.example.org", "unknown", "server", "cert-load-failed", "netlify dns"},
		{"smtp: dial tcp 192.0.2.25:587: tls: first record does not look like a TLS handshake", "go", "client", "handshake-failed", "port 465"},
		// lftp, FTPS session reuse, a verify setting that takes a path, a
		// pinned key, certtool past 2038, FreeRDP's codes and certificate
		// store, TigerVNC's viewer, QEMU's SPICE files, libvirt's name
		// check, Cockpit's key file.
		{"mirror: Fatal error: Certificate verification: Not trusted (AB:CD:EF)", "unknown", "client", "server-cert-untrusted", "ssl:ca-file"},
		{"2026-03-06 09:00:00,000 mod_tls/2.9[812]: Client did not reuse SSL session from control channel, rejecting data connection", "unknown", "server", "handshake-failed", "nosessionreuserequired"},
		{"error: Invalid value for verify (False), must be a path to a PEM-file.", "unknown", "client", "startup-failed", "verify ="},
		{"2026/03/06 09:00:00 TLS Public Key could not be verified!", "unknown", "client", "server-cert-untrusted", "pin"},
		{"certtool: Overflow while parsing days", "unknown", "server", "openssl-command", "expiration_days"},
		{"[09:00:00:000] [100:101] [ERROR][com.freerdp.core] - freerdp_post_connect failed: ERRCONNECT_TLS_CONNECT_FAILED [0x00020008]", "unknown", "client", "handshake-failed", "/tls-seclevel:0"},
		{"[09:00:00:000] [100:101] [WARN][com.freerdp.crypto] - [verify_cb]: Certificate verification failure 'self-signed certificate (18)' at stack position 0", "unknown", "client", "server-cert-untrusted", "/cert:tofu"},
		{"CConn: Authentication failure: Invalid status of the server certificate verification", "unknown", "client", "server-cert-untrusted", "-x509ca"},
		{"qemu-system-x86_64: Spice-WARNING **: 09:00:00.000: reds.c:2872:reds_init_ssl: Could not use private key file", "unknown", "server", "key-load-failed", "chgrp qemu"},
		{"error : virNetTLSContextCheckCertificate:537 : Certificate check failed Certificate [session] owner does not match the hostname 192.0.2.30", "unknown", "client", "server-hostname-mismatch", "ip:192.0.2.11"},
		{"remotectl: /etc/cockpit/ws-certs.d/0-self-signed.cert: No PEM-encoded private key found", "unknown", "server", "key-load-failed", "name.key"},
		// FreeRDP's handshake, Cockpit's terminator, MeshCentral's agents.
		{"[09:00:00:000] [77:78] [ERROR][com.freerdp.crypto] - [freerdp_tls_handshake]: BIO_do_handshake failed", "unknown", "client", "handshake-failed", "/tls:seclevel:0"},
		{"cockpit-tls: Invalid server certificate+key file /etc/cockpit/ws-certs.d/site.crt: Required key not available", "unknown", "server", "key-load-failed", "name.key"},
		{"Agent bad web cert hash (Agent:0a1b2c3d4e != Server:5f6a7b8c9d), holding connection (192.0.2.50:40000).", "unknown", "server", "server-cert-untrusted", "certurl"},
		// A client's raised policy against 2048-bit keys, and a path given
		// where PEM text belongs.
		{"curl: (60) SSL certificate problem: EE certificate key too weak", "curl", "client", "server-cert-untrusted", "update-crypto-policies"},
		{"Error writing data to pki/config/ca: * tls: failed to find any PEM data in certificate input", "go", "server", "cert-load-failed", "@file"},
		// Syslog over TLS, SIP clients and servers, revocation checkers,
		// tokens and access proxies in their own words.
		{"rsyslogd: error: DefaultNetstreamDriverKeyFile file '/etc/rsyslog/tls/key.pem' could not be accessed: Permission denied", "unknown", "server", "cert-load-failed", "ausearch"},
		{"2024-01-02 10:00:00 +0000 [warn]: #1 [forward_in] unexpected error before accepting TLS connection by OpenSSL error_class=OpenSSL::SSL::SSLError", "unknown", "server", "handshake-failed", "dos2unix"},
		{"rsyslogd: gnutls returned error on handshake: Error in the pull function.  [v8.2302.0 try https://www.rsyslog.com/e/2083 ]", "unknown", "server", "handshake-failed", "authmode"},
		{"syslog-ng[120]: Error: transport(tls) was specified, but tls() options missing; id='d_remote'", "unknown", "server", "handshake-failed", "ca-file"},
		{"rsyslogd: nsd_gtls.c: GnuTLS returned GNUTLS_CERT_EXPIRED, but expired certs are permitted", "unknown", "client", "server-cert-expired", "permitexpiredcerts"},
		{"tls: verify_handler: error_string = unable to get local issuer certificate", "unknown", "client", "server-cert-untrusted", "sip_cafile"},
		{"403 Forbidden; Provided Trunk FQDN 'sbc1.example.com' is not allowed. Connection allows following fqdns: sbc.example.com", "unknown", "server", "server-hostname-mismatch", "common name"},
		{"registration failed: 503 SSL certificate verification error (PJSIP_TLS_ECERTVERIF)", "unknown", "client", "server-cert-untrusted", "ca_list_file"},
		{"Invalid signature on OCSP response for /etc/letsencrypt/live/example.com/cert.pem", "python", "client", "stapling-failed", "upgrade certbot"},
		{"example.org: Certificate Revocation List  http://crl.example.net/ca.crl, revoked", "unknown", "client", "revoked", "-crl_check"},
		{"[OCSP Stapling] disabled for certificate /etc/h2o/server.crt", "unknown", "server", "stapling-failed", "fetch-ocsp-response"},
		{"TLS client: In state certify at ssl_handshake.erl:2100 generated CLIENT ALERT: Fatal - Internal Error\n {unexpected_error,badarg}", "unknown", "client", "handshake-failed", "upgrade otp"},
		{"mod_tls/2.9: invalid signature on CRL: certificate signature failure", "unknown", "server", "crl-problem", "openssl crl -noout -verify"},
		{"javax.net.ssl.SSLHandshakeException: java.security.InvalidKeyException: Keystore operation failed", "java", "client", "key-load-failed", "encryption_padding_none"},
		{"error:41800070:PKCS#11 module:ERR_CKR_error:Mechanism invalid:p11_rsa.c:120:", "unknown", "client", "handshake-failed", "--tls-max 1.2"},
		{"CRL check failed: X509 certificate doesn't have CA chain available on it", "unknown", "server", "crl-problem", "intermediate"},
		{"rpc error: code = Unavailable desc = connection error: desc = \"transport: authentication handshake failed: x509svid: could not verify leaf certificate: x509: certificate signed by unknown authority\"", "go", "client", "server-cert-untrusted", "bootstrap"},
		{`{"level":"info","service":"authorize","allow":false,"deny":{"Status":495,"Message":"invalid client certificate"}}`, "unknown", "server", "no-client-cert", "client_ca"},
		{"software.amazon.awssdk.crt.CrtRuntimeException: aws_last_error: AWS_IO_TLS_CTX_ERROR(1033)", "unknown", "client", "cert-load-failed", "jq -r"},
		{"Error: Client certificate and private key are required for this registry.", "unknown", "client", "no-client-cert", "openssl req -x509"},
		{"[curl] (#35) See http://curl.haxx.se/libcurl/c/libcurl-errors.html for an explanation of cURL errors", "curl", "client", "handshake-failed", "error 35"},
		{"[2024/01/02 10:00:00] [main.go:60] ERROR: Failed to initialise OAuth2 Proxy: error performing request: Get \"https://idp.example.com/.well-known/openid-configuration\": x509: certificate signed by unknown authority", "go", "client", "server-cert-untrusted", "rootcas"},
		{"syslog-ng[77]: Error parsing afsocket, unknown peer-verify() argument in /etc/syslog-ng/syslog-ng.conf:40:10-40:11:", "unknown", "server", "handshake-failed", "required-trusted"},
		{"rsyslogd: error during parsing file /etc/rsyslog.d/tls.conf, on or before line 9: parameter 'StreamDriver.AuthMode' not known -- typo in config file? [v8.2102.0]", "unknown", "server", "handshake-failed", "rsyslogd -v"},
		{"3a5f0906052b0304a30e03021a05000414aabbccddeeff00112233445566778899aabbcc | /etc/haproxy/certs/www.pem | 01/Jan/2025:10:00:00 +0000 | - | 0 | 3 | 4 | OCSP response check failure", "haproxy", "server", "stapling-failed", "issuers-chain-path"},
		{`caddy[12]: {"level":"warn","logger":"tls.cache.maintenance","msg":"OCSP status for managed certificate is REVOKED","identifiers":["www.example.com"]}`, "unknown", "server", "revoked", "caddy reload"},
		{"javax.net.ssl.SSLHandshakeException: Cannot produce CertificateVerify signature", "java", "client", "key-load-failed", "jdk.tls.client.signatureschemes"},
		{"40E7B1F2:error:0A080006:SSL routines:tls_construct_cert_verify:EVP lib:ssl/statem/statem_lib.c:361:", "openssl", "client", "handshake-failed", "3.0.12"},
		{"error 3 at 1 depth lookup: unable to get certificate CRL", "openssl", "client", "crl-problem", "openssl rehash"},
		{"ERRO [PROC:1] Node failed to establish connection to cluster: x509: certificate signed by unknown authority.", "go", "client", "server-cert-untrusted", "ca_pin"},
		{"enrollment failed: token signature is invalid: crypto/ecdsa: verification error", "unknown", "client", "bad-signature", "pass tls through"},
		{"ERR_SSL_CLIENT_AUTH_SIGNATURE_FAILED", "browser", "client", "chromium-error", "rsa-pss"},
		{"journal-upload[900]: Upload to https://logs.example.com:19532/upload failed: error reading X.509 key or certificate file", "unknown", "client", "cert-load-failed", "serverkeyfile"},
		// Client certificates of push, e-invoicing and banking services;
		// package managers, DNS over TLS, application frameworks.
		{"Ruby: SSL_connect returned=1 errno=0 state=SSLv3 read finished A: sslv3 alert certificate unknown (OpenSSL::SSL::SSLError)", "unknown", "client", "tls-alert", "client certificate"},
		{"curl: (60) SSL certificate problem: certificate is not yet valid", "curl", "client", "server-cert-expired", "timedatectl set-ntp"},
		{"Error: Curl error (60): Peer certificate cannot be authenticated with given CA certificates for https://repo.example.com/repodata/repomd.xml [SSL certificate problem: certificate has expired]", "curl", "client", "server-cert-expired", "renew"},
		{"System.Net.WebException: A conexão subjacente estava fechada: Não foi possível estabelecer relação de confiança para o canal seguro de SSL/TLS.", "unknown", "client", "server-cert-untrusted", "ca"},
		{"System.Net.WebException: La solicitud se canceló: No se puede crear un canal seguro SSL/TLS.", "unknown", "client", "handshake-failed", "tls12"},
		{"ValueError: No PEM-encoded certificates found in string cert input data", "unknown", "client", "cert-load-failed", "openssl pkcs12"},
		{"VError: certificate does not support configured environment, production: true", "unknown", "client", "key-load-failed", "sandbox"},
		{`Post "https://api.sandbox.push.apple.com/3/device/abc": remote error: tls: internal error`, "go", "client", "client-cert-rejected", "push certificate"},
		{`{"error":"bad credentials","desc":"failed to parse PKCS1 private key"}`, "unknown", "server", "key-load-failed", "-traditional"},
		{"library/ssl_tls13_generic.c:1500: psa_generate_key() returned -27648 (-0x6c00)", "unknown", "client", "handshake-failed", "psa_crypto_init"},
		{"Downloading https://downloads.example.org/packages/Packages.gz\nConnection error: Invalid SSL certificate", "unknown", "client", "server-cert-untrusted", "ca-bundle"},
		{"[2024-05-01 10:00:00] [WARNING] [resolver-a] certificate not valid at the current date", "unknown", "client", "server-cert-expired", "server_names"},
		{"unbound[99:0] error: could not SSL_read crypto error:0A000126:SSL routines::unexpected eof while reading", "unknown", "server", "handshake-failed", "verbosity"},
		{"Couldn't connect to Private DNS server", "unknown", "client", "server-cert-untrusted", "853"},
		{"HandshakeException: Handshake error in client (OS Error: CERTIFICATE_VERIFY_FAILED: self signed certificate(handshake.cc:393))", "unknown", "client", "server-cert-untrusted", "settrustedcertificatesbytes"},
		{"ERROR: _do_handshake: TLS handshake error: -9984", "unknown", "client", "server-cert-untrusted", "certificate bundle"},
		{"warning: unable to download 'https://cache.example.org/x.narinfo': SSL peer certificate or SSH remote key was not OK (60)", "curl", "client", "server-cert-untrusted", "nix_ssl_cert_file"},
		{"apn: Error: certificate has expired: 2019-01-01T00:00:00.000Z", "unknown", "client", "client-cert-rejected", "renew"},
		{"Upload failed: Unsupported certificate type. Common Name (CN) must contain one of: Apple Push Services, Pass Type ID", "unknown", "client", "wrong-purpose", "push certificate"},
		{"dnsdist[100]: Fatal error: Error setting up TLS context for DoT listener on '192.0.2.1:853': An error occurred while trying to load the TLS server private key file: /etc/dnsdist/key.pem", "unknown", "server", "key-load-failed", "1.5.0"},
		{"chronyd[400]: Could not set credentials : Error while reading file.", "unknown", "client", "cert-load-failed", "ntstrustedcerts"},
		{"qt.network.ssl: QSslSocket::connectToHostEncrypted: TLS initialization failed", "unknown", "client", "handshake-failed", "openssl"},
		{"Error: Could not parse certificate list.", "unknown", "client", "server-cert-untrusted", "self-signed"},
		{"ERROR: Cannot open X509CertificateMbedTLS file '/nonexistent/ca.crt'.", "unknown", "client", "cert-load-failed", "certificate_bundle_override"},
		{"zypper: Error message: SSL certificate OpenSSL verify result: unable to get local issuer certificate (20)", "curl", "client", "server-cert-untrusted", "ca"},
		{"[CRITICAL] [resolver-b] certificate will expire today -- Switch to a different resolver as soon as possible", "unknown", "client", "server-cert-expired", "another resolver"},
		{"Failed to export metrics to collector:4317, error code: StatusCode.UNAVAILABLE", "unknown", "client", "handshake-failed", "otel_exporter_otlp_insecure"},
		{"[admin@router] > /certificate import file-name=client.p12\ncertificates-imported: 0", "unknown", "server", "cert-load-failed", "passphrase"},
		{"keytool error: java.io.FileNotFoundException: /data/app/keystore.jks (No such file or directory)", "java", "client", "key-load-failed", "mkdir"},
		{"Error: failed to load TLS config: failed to load TLS cert and key PEMs: tls: failed to find any PEM data in certificate input", "go", "server", "cert-load-failed", "cert_pem"},
		{"error: failed to load CA CertPool: crypto/x509: system root pool is not available on Windows", "go", "client", "server-cert-untrusted", "go 1.18"},
		{`transport: http2Server.HandleStreams received bogus greeting from client: "\x16\x03\x01\x00\xf1"`, "unknown", "server", "plain-http", "insecure: true"},
		{"gpclient: Error: Prelogin error: Valid client certificate is required", "unknown", "client", "no-client-cert", "--certificate"},
		{`Note: the local CA is now installed in the system trust store! Warning: "certutil" is not available, so the CA can't be automatically installed in Firefox!`, "browser", "client", "server-cert-untrusted", "libnss3-tools"},
		{`ERROR pki.ca.local failed to install root certificate {"error": "failed to execute sudo: exec: \"sudo\": executable file not found in $PATH"}`, "unknown", "server", "cert-load-failed", "skip_install_trust"},
		{"GitError(Code:ERROR, Class:SSL, Your Julia is built with a SSL/TLS engine that libgit2 doesn't know how to configure to use a file or directory of certificate authority roots)", "unknown", "client", "server-cert-untrusted", "julia_ssl_ca_roots_path"},
		{"E CWPKI0033E: The keystore located at /opt/ol/wlp/usr/servers/app/resources/security/key.p12 did not load because of the following error: keystore password was incorrect.", "unknown", "server", "key-load-failed", "pkcs12"},
		{"MbedTLS error code -9984: X509 - Certificate verification failed, e.g. CRL, CA or signature check failed", "unknown", "client", "server-cert-untrusted", "julia_ssl_ca_roots_path"},
		{`ERROR: failed to execute "keytool -list": exit status 1`, "java", "client", "server-cert-untrusted", "java_home"},
		{"ERROR: failed to create the CAROOT: mkdir /home/USERNAME/ca: permission denied", "unknown", "client", "cert-load-failed", "echo \"$caroot\""},
		{"Authentication failed: [JGLOBUS-56] Authorization failed. Expected \"/CN=host/node7.example.org\" target but received \"/CN=dtn.example.org\"", "unknown", "client", "server-hostname-mismatch", "globus_gssapi_name_compatibility"},
		{"RequestError: Error reading ca cert file /etc/ssl/certs/ca-certificates.crt - mbedTLS: (-0x3E00) PK - Read/write of file failed", "unknown", "client", "cert-load-failed", "julia_ssl_ca_roots_path"},
		{"Warning in download.file(url): URL 'https://cran.example.org/src/contrib/PACKAGES': status was 'SSL connect error'", "unknown", "client", "handshake-failed", "curl_ssl_backend"},
		{"[Mon Mar 02 10:00:00.000000 2020] [:error] [pid 900] SSL Library Error: -8181 Certificate has expired", "unknown", "server", "cert-load-failed", "getcert resubmit"},
		{"ipapython.admintool: ERROR: Peer's certificate issuer is not trusted (certutil: certificate is invalid)", "unknown", "server", "untrusted", "ipa-cacert-manage install"},
		{"[ERROR][com.freerdp.crypto] - The hostname used for this connection (10.0.0.5:3389) does not match the name given in the certificate:", "unknown", "client", "server-hostname-mismatch", "/cert:tofu"},
		{"New-PSSession: HTTPS on Unix does not currently support CA or CN checks.", "unknown", "client", "server-cert-untrusted", "-skipcacheck"},
		{"10:00:00.000 MQT: Fingerprint learned: 00 11 22 33 44 55 66 77 88 99 AA BB CC DD EE FF 00 11 22 33", "unknown", "client", "handshake-failed", "mqttfingerprint"},
		{" WARNING: Server REQUIRED client authentication, specific plugins will fail.", "unknown", "client", "no-client-cert", "--cert client.crt"},
		{"ERROR 2026 (HY000): SSL connection error: unknown error number", "unknown", "client", "handshake-failed", "tls_version"},
		{"%3|1700000000.000|SSL|rdkafka#producer-1| [thrd:app]: SSL_CTX_new() failed: kafka: No further error information available", "unknown", "client", "cert-load-failed", "seclevel"},
		{"[2024/01/02 10:00:00] [error] [tls] error: unexpected EOF", "unknown", "client", "handshake-failed", "tls.ca_file"},
		{"[ERROR] [Transport_OpenSSL_Sockets] [openssl_posix.c:600] SSL_connect failed to perform TLS handshake.", "unknown", "client", "handshake-failed", "snihostname"},
		{`{"level":"error","msg":"Near line 12 (last key parsed 'tls.certificate.keyFile'): unexpected EOF"}`, "unknown", "server", "cert-load-failed", "-inform der"},
		{`PUT /certificates/site: {"error":"Invalid certificate."}`, "unknown", "server", "cert-load-failed", "--data-binary"},
		{`[warp] HandshakeFailed (Error_Protocol ("credential not found",True,HandshakeFailure)) on accept`, "unknown", "server", "handshake-failed", "rsa"},
		{"$ ghostunnel client --listen :8080 --target db:5432\nerror: required flag --keystore not provided", "unknown", "client", "no-client-cert", "--disable-authentication"},
		{"Jan  1 10:00:00 host ngircd[100]: SSL error, client disconnected [in ConnSSL_Read()]!", "unknown", "server", "handshake-failed", "fullchain.pem"},
		{"Event 5000 Description: SSL handshake from client failed (client 192.0.2.10)", "unknown", "server", "handshake-failed", "load balancer"},
		{"KCD Error D: NTAuth Store is Missing Root CA Certificate. (issuer CN=Corp Issuing CA)", "unknown", "server", "untrusted", "ntauthca"},
		{"certificate-error: The unknown certificate fingerprint is: sha256/AAAABBBBCCCC", "unknown", "client", "server-cert-untrusted", "nssdb"},
		{"[2024-01-02 10:00:00 +0000] warning/TlsStream: TLS stream was disconnected.", "unknown", "server", "handshake-failed", "5665"},
		{`{"tag":"wazuh-agentd","routine":"w_enrollment_verify_ca_certificate","level":"error","description":"Unable to verify server certificate"}`, "unknown", "client", "server-hostname-mismatch", "agent-auth"},
		{"Caused by: com.ncipher.provider.nCSecurityException: The key material is not exportable outside of the HSM (signing)", "unknown", "client", "key-load-failed", "signatureschemes"},
		{"./agent: error while loading shared libraries: libssl.so.1.1: cannot open shared object file: No such file or directory", "unknown", "server", "handshake-failed", "ldd"},
		{"OpenSSL version mismatch. Built against 30000000, you have 1010100f", "unknown", "server", "handshake-failed", "libssl.so.3"},
		{"Session activation failed: BadCertificateUntrusted (client certificate of urn:plant:hmi)", "unknown", "server", "untrusted", "pki/rejected"},
		{"Caused by: javax.net.ssl.SSLException: readHandshakeRecord\n\tat sun.security.ssl.SSLSocketImpl.readHandshakeRecord", "java", "client", "handshake-failed", "keystore"},
		{"opcua client: token renewal scheduled, raising lifetime_75 for channel 3", "unknown", "client", "not-yet-valid", "timedatectl"},
		{"OpenSearchException: transport client authentication no longer supported (node-3)", "unknown", "server", "untrusted", "nodes_dn"},
		{"request to api.example.net failed: SSL server verification failed", "unknown", "client", "server-cert-untrusted", "root"},
		{"TLS verify result UNITYTLS_X509VERIFY_FLAG_NOT_TRUSTED on https://api.example.net", "unknown", "client", "server-cert-untrusted", "ca-certificates"},
		{"opc.tcp session to plc01: BadCertificateHostNameInvalid", "unknown", "client", "server-hostname-mismatch", "subjectaltname"},
		{"Connect failed with Bad_CertificateUriInvalid for urn:line4:gateway", "unknown", "server", "hostname-mismatch", "applicationuri"},
		{"OPC UA endpoint answered BadCertificateUseNotAllowed", "unknown", "server", "wrong-purpose", "pathlen:0"},
		{"Own application certificate check: Bad_CertificateTimeInvalid", "unknown", "server", "expired", "-dates"},
		{"Opening secure channel: SHA1 signed certificates are not trusted", "unknown", "client", "weak-signature", "rejectsha1signedcertificates"},
		{"Validation of peer certificate returned BadCertificateRevocationUnknown", "unknown", "server", "crl-problem", "pki/trusted/crl"},
		{"ChainCheck: BadCertificateChainIncomplete for the server certificate", "unknown", "server", "untrusted", "pki/issuer/certs"},
		{"Policy Basic256Sha256 refused it: BadCertificatePolicyCheckFailed", "unknown", "server", "weak-key", "2048"},
		{"Client SSL handshake failed - Remote host closed connection during handshake (api.example.net)", "java", "server", "handshake-failed", "certificate trust settings"},
		{"Failure SSLHandshake: Received fatal alert: certificate_unknown", "java", "server", "handshake-failed", "chls.pro"},
		{"proxy: bad request line from 10.0.0.4: ^V^C^A^B^@", "unknown", "server", "plain-http", "http://"},
		{"OSError: Could not find a suitable TLS CA certificate bundle, invalid path: /opt/tool/certs/bundle.pem", "unknown", "client", "cert-load-failed", "requests_ca_bundle"},
		{"fetching packages.json failed: No SSL/TLS CA certificates found", "unknown", "client", "cert-load-failed", "cacert.pem"},
		{"Media server refused: this app is not running in SSL mode which is required for voice", "unknown", "server", "plain-http", "proxyssl"},
		{"OpenSearchException: illegal parameter in http or transport request found (node-2)", "unknown", "server", "untrusted", "nodes_dn"},
		{"error creating channel: setting up the MSP manager failed: the supplied identity is not valid: x509: certificate signed by unknown authority", "go", "client", "untrusted", "mspdir"},
		{"AuthenticationException: Cannot determine the frame size or a corrupted frame was received (wss://127.0.0.1:9222)", "unknown", "client", "handshake-failed", "ws://"},
		{"SettingsMalformedException: Private key not found in keystore for alias: es-node", "unknown", "server", "key-load-failed", "privatekeyentry"},
		{"could not start Bandit, the file priv/cert/app_key.pem required by SSL's :keyfile either does not exist", "unknown", "server", "cert-load-failed", "phx.gen.cert"},
		{"[HPM] Error occurred while trying to proxy request /api/users from localhost:8080 to https://localhost:5001/ (SELF_SIGNED_CERT_IN_CHAIN)", "node", "client", "server-cert-untrusted", "secure"},
		{"client: Loading the client certificate from '/home/me/certs' failed", "unknown", "client", "cert-load-failed", "directory"},
		{"ssl_transport_security.cc:1500] Invalid server name indication ", "unknown", "client", "server-hostname-mismatch", "ssl_target_name_override"},
		{"WARNING - Listener on 'tls://10.0.0.2:8786': TLS handshake failed with remote 'tls://10.0.0.3:40000': [SSL: TLSV1_ALERT_UNKNOWN_CA] tlsv1 alert unknown ca", "python", "server", "tls-alert", "clients"},
		{"WARN: Aborting handshake with peer [/10.1.1.1:5684]: Certificate chain could not be validated", "unknown", "server", "verify-error", "californium"},
		{`registration failed: {"errorCode":401002,"message":"Invalid certificate."}`, "unknown", "client", "client-cert-rejected", "enrollment"},
		{"elasticsearch-service: Unable to retrieve version information from Elasticsearch nodes. connect ECONNRESET", "unknown", "client", "handshake-failed", "elasticsearch.hosts"},
		{"Saving failed: the SSL private key file /etc/app/key.pem does not exist or does not contain a PEM format key", "unknown", "server", "key-load-failed", "openssl pkey"},
		{"HandshakeException: Handshake error in client (OS Error: CERTIFICATE_VERIFY_FAILED: certificate has expired(handshake.cc:393))", "unknown", "client", "server-cert-expired", "-dates"},
		{"config: CA_CERT: illegal base64 data at input byte 0", "unknown", "server", "cert-load-failed", "base64 -w0"},
		{"load identity: pkcs12: unknown digest algorithm: 2.16.840.1.101.3.4.2.3", "unknown", "server", "key-load-failed", "-legacy"},
		{"Could not read any key of TLS client credentials from client.pfx", "unknown", "server", "key-load-failed", "legacy"},
		{"load_key_and_certificates failed: ValueError: Invalid password or PKCS12 data", "unknown", "server", "key-load-failed", "-legacy"},
		{"Import failed: The specified PFX password is not correct.", "unknown", "server", "key-load-failed", "tripledes"},
		{"Mysql2::Error::ConnectionError: SSL connection error: Failed to verify the server certificate", "unknown", "client", "server-cert-untrusted", "sslca"},
		{`"response_flags":"NR","response_code_details":"filter_chain_not_found"`, "unknown", "server", "handshake-failed", "servername"},
		{"requests.exceptions.SSLError: HTTPSConnectionPool(host='10.1.1.1', port=443): Max retries exceeded with url: /api/v1/auth/login (Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: self signed certificate')))", "python", "client", "server-cert-untrusted", "requests"},
		{"Caused by: java.lang.IllegalArgumentException: Private key must be accompanied by certificate chain (ssl bundle web)", "unknown", "server", "key-load-failed", "key-store-password"},
		{"OpenSearchException: Unable to read the file node.pem. Please make sure this files exists and is readable regarding to permissions", "unknown", "server", "cert-load-failed", "config directory"},
		{`Unknown configuration key(s): "server.ssl.certificateAuthoritiez"`, "unknown", "server", "startup-failed", "release"},
		{"key file is not valid : Line 3 does not look like PEM format", "unknown", "server", "cert-load-failed", "cat -a"},
		{"Certificate Key is not valid (Command failed: openssl rsa -in /tmp/abc/key -check -noout)", "unknown", "server", "key-load-failed", "-traditional"},
		{"lws_server_socket_service_ssl: fail ssl negotiation", "unknown", "server", "handshake-failed", "ws://"},
		{"Post https://wcf.example.com/svc: local error: tls: no renegotiation", "go", "client", "handshake-failed", "renegotiateonceasclient"},
		{"IOException: The remote party requested renegotiation when AllowRenegotiation was set to false.", "unknown", "client", "handshake-failed", "clientcertnegotiation"},
		{"ProvTlsClient - Client raised warning(1) no_renegotiation(100) alert: Renegotiation refused", "unknown", "client", "handshake-failed", "first handshake"},
		{"java.lang.IllegalArgumentException: Illegal base64 character 2d", "unknown", "server", "cert-load-failed", "begin/end"},
		{"asn1: structure error: tags don't match (16 vs {class:0 tag:13 length:45 isCompound:true}) {} certificate @2", "unknown", "server", "cert-load-failed", "-outform der"},
		{"read cert.pem: cannot find any PEM block", "unknown", "server", "cert-load-failed", "cat -a"},
		{"sign failed: secretOrPrivateKey must be an asymmetric key when using ES256", "unknown", "server", "key-load-failed", "dotenv"},
		{"CryptographicException: PKCS12 (PFX) without a supplied password has exceeded maximum allowed iterations.", "unknown", "server", "key-load-failed", "createfrompem"},
		{"CryptoThrowHelper+WindowsCryptographicException: Cannot find the requested object.", "unknown", "server", "key-load-failed", "password"},
		{"error: failed to encode PFX contents: ASN1Error { kind: Invalid }", "unknown", "server", "key-load-failed", "-legacy"},
		{"UnsupportedFeatureError: Inaccessible trust store: /opt/app/truststore", "unknown", "client", "cert-load-failed", "javax.net.ssl.truststore"},
		{"Certificate viewer: This certificate is not valid (expired root)", "unknown", "client", "server-cert-expired", "isrg root x1"},
		{"Firefox: Secure Connection Failed. Error code: SEC_ERROR_BAD_DER", "browser", "client", "server-cert-untrusted", "keyusage"},
		{"[debug][connection] [source/common/tls/ssl_socket.cc:200] [C12] handshake error: 5", "envoy", "server", "handshake-failed", "sni"},
		{"TLSv1.3 connection request from 10.0.0.9 to 10.0.0.1 port 49 rejected (cert not yet valid)", "unknown", "server", "not-yet-valid", "date -u"},
		{"smtpd: SSL_accept: error:0800007D:elliptic curve routines::missing private key", "unknown", "server", "key-load-failed", "rsa"},
		{"HttpRequestException: An error occurred while sending the request. ---> IOException: An existing connection was forcibly closed by the remote host", "unknown", "client", "handshake-failed", "schusestrongcrypto"},
		{"load keypair: tls: private key type does not match public key type", "go", "server", "key-mismatch", "sha256"},
		{"dial tcp 10.0.0.1:8443: tls: server chose an unconfigured cipher suite", "go", "client", "handshake-failed", "cipher"},
		{"pip install: ValueError: check_hostname requires server_hostname", "unknown", "client", "handshake-failed", "https_proxy=http://"},
		{"javax.net.ssl|WARNING|1A|pool-1|No PSK available. Unable to resume.", "java", "client", "routine-line", "harmless"},
		{"Get https://10.0.0.2:8080/: tls: received record with version 4854 when expecting version 303", "go", "client", "plain-http", "http://"},
		{"SSL routines::legacy sigalg disallowed or unsupported (connecting to appliance)", "unknown", "client", "handshake-failed", "seclevel=0"},
		{"[SSL: NO_CIPHERS_AVAILABLE] no ciphers available", "python", "client", "handshake-failed", "set_ciphers"},
		{"* SSL_connect: SSL_ERROR_SYSCALL in connection to api.example.com:443 ", "curl", "client", "handshake-failed", "curl"},
		{"WARNING: Retrying after connection broken: There was a problem confirming the ssl certificate", "unknown", "client", "server-cert-untrusted", "global.cert"},
		{"svn: E230001: Server SSL certificate verification failed: certificate issued for a different hostname", "unknown", "client", "server-cert-untrusted", "ssl-authority-files"},
		{"Caused by: javax.net.ssl.SSLException: Connection reset (read)", "java", "client", "handshake-failed", "-tls1_2"},
		{"javax.net.ssl.SSLException: Tag mismatch (while reading a record)", "java", "client", "handshake-failed", "tlsv1.2"},
		{`no pg_hba.conf entry for host "192.0.2.7", user "web", database "web", no encryption`, "unknown", "client", "handshake-failed", "sslmode"},
		{"Connections using insecure transport are prohibited while --require_secure_transport=ON", "unknown", "client", "handshake-failed", "--ssl-mode"},
		{"2026/01/02 10:00:00 [crit] 7#7: *9 SSL_do_handshake() failed (SSL: error:0A00006C:SSL routines::bad key share) while SSL handshaking, client: 192.0.2.9, server: 0.0.0.0:443", "nginx", "server", "handshake-failed", "harmless"},
		{"[ssl:debug] AH02275: Certificate Verification, depth 0, CRL checking mode: none (0) [subject: CN=alice]", "apache", "server", "routine-line", "ah02276"},
		{"HttpRequestException: The SSL connection could not be established, see inner exception. ---> AuthenticationException: Authentication failed because the remote party sent a TLS alert: 'HandshakeFailure'.", "unknown", "client", "tls-alert", "clientcertificates"},
		{"IOException: Received an unexpected EOF or 0 bytes from the transport stream.", "unknown", "client", "handshake-failed", "seclevel=0"},
		{"NotSupportedException: The certificate does not have a private key.", "unknown", "server", "key-load-failed", "createfrompemfile"},
		{"OSError: Could not find the TLS key file, invalid path: certs/client.key", "unknown", "client", "cert-load-failed", "absolute paths"},
		{"java.io.IOException: Cleartext HTTP traffic to api.example.net not permitted", "java", "client", "plain-http", "network_security_config"},
		{"Error receiving request from client. Ending connection from remote: SSL peer certificate validation failed: certificate has expired", "unknown", "server", "verify-error", "cafile"},
		{"Failed to secure c2s connection: TLS failed: bad certificate", "unknown", "server", "handshake-failed", "certfiles"},
		{"LOG4[12]: CERT: Verification error: certificate has expired", "unknown", "server", "verify-error", "cafile"},
		{"SSL validation failed for https://sts.eu-west-1.amazonaws.com/ EOF occurred in violation of protocol (_ssl.c:2426)", "python", "client", "handshake-failed", "proxy"},
		{"Sat Jan  2 10:00:00 2026 TLS Error: TLS handshake failed", "unknown", "server", "handshake-failed", "tls-crypt"},
		{"TLS Auth Error: Auth Username/Password verification failed for peer [AF_INET]192.0.2.8:1194", "unknown", "server", "handshake-failed", "auth-user-pass-verify"},
		{"(12) eap_peap: (TLS Alert) read (local <- remote): fatal: unknown CA", "unknown", "server", "tls-alert", "network profile"},
		{"TLS: hostname (10.0.0.7) does not match common name in certificate (dc1.corp.example).", "unknown", "client", "server-hostname-mismatch", "ldapsearch"},
		{"ldap_start_tls: Connect error (-11) additional info: (unknown error code)", "unknown", "client", "handshake-failed", "tls_cacert"},
		{"10[CFG] no trusted RSA public key found for 'gw.example.net'", "unknown", "server", "untrusted", "x509ca"},
		{"16[CFG] constraint check failed: peer not authenticated by CA 'CN=Corp VPN CA'.", "unknown", "server", "untrusted", "rightca"},
		{"bootstrap check failure [1] of [1]: Transport SSL must be enabled if security is enabled on a [basic] license", "unknown", "server", "startup-failed", "transport.ssl.enabled"},
		{`rpc error: code = Unavailable desc = connection closed before server preface received`, "go", "client", "plain-http", "grpcurl"},
		{"Safari can\u2019t open the page because it couldn\u2019t establish a secure connection to the server \u201cintranet.example\u201d.", "browser", "client", "handshake-failed", "safari"},
		{`{"level":"debug","logger":"tls.handshake","msg":"no certificate matching TLS ClientHello","server_name":"shop.example.org"}`, "unknown", "server", "handshake-failed", "configured sites"},
		{"IllegalArgumentException: jsse.alias_no_key_entry (connector 8443)", "unknown", "server", "cert-load-failed", "key-alias"},
		{`level=error msg="Unable to append certificate to pool" path=/etc/ca.pem`, "go", "server", "cert-load-failed", "pem"},
		{"config : parsing [/etc/haproxy/haproxy.cfg:12] : 'bind :8443' : unable to load SSL CA file from file '/etc/haproxy/clients-ca.pem'", "haproxy", "server", "cert-load-failed", "haproxy -c"},
		{`192.0.2.1 - - [02/Jan/2026:10:00:00 +0000] "GET /api HTTP/1.1" 495 150 "-" "curl/8.0"`, "nginx", "server", "status-495", "error_log"},
		{`failed calling webhook "check.ingress-nginx.io": Post "https://ingress-nginx-admission.svc:443/": x509: certificate signed by unknown authority`, "go", "client", "server-cert-untrusted", "cabundle"},
		{"pairing: GnuTLS error -48: Key usage violation in certificate has been detected.", "unknown", "client", "wrong-purpose", "program's own"},
		{`{"c":"ACCESS","msg":"Failed to authenticate","attr":{"mechanism":"MONGODB-X509","error":"No verified subject name available from client"}}`, "unknown", "server", "no-client-cert", "tlscertificatekeyfile"},
		{"Error: Cannot find any provider supporting 1.2.840.113549.1.5.13 while loading /etc/app/client.pk8", "unknown", "client", "key-load-failed", "pbe-sha1-3des"},
		{"PSQLException: The server requested password-based authentication, but no password was provided.", "unknown", "client", "no-client-cert", "hostssl"},
		{"WARN CertParser - bad certificate from header ssl-client-cert: -----BEGIN%20CERTIFICATE-----%0AMIIC", "unknown", "server", "cert-load-failed", "url-decode"},
		{"Import failed: The PKCS#12 operation failed for unknown reasons.", "unknown", "client", "cert-load-failed", "-legacy"},
		{"[12/1/26 10:00:00:000 UTC] 0000004a com.ibm.ws.channel.ssl.internal.SSLHandshakeErrorTracker E CWWKO0801E: Unable to initialize SSL connection. Exception is javax.net.ssl.SSLException: Unsupported or unrecognized SSL message", "java", "server", "plain-http", "httpport"},
		{"[12/1/26 10:00:00:000 UTC] 0000004a E CWWKO0801E: Unable to initialize SSL connection. Exception is javax.net.ssl.SSLHandshakeException: no cipher suites in common", "java", "server", "handshake-failed", "clientauthentication"},
		{"E CWPKI0824E: SSL HANDSHAKE FAILURE: Host name verification error while connecting to host [192.0.2.7]", "unknown", "client", "server-hostname-mismatch", "skiphostnameverificationforhosts"},
		{"Assessment failed: Unable to connect to the server (api.example.org)", "unknown", "client", "handshake-failed", "64.41.200.0/24"},
		{" Fatal error: repeated openssl s_client connect problem, doesn't make sense to continue", "openssl", "client", "handshake-failed", "max_ossl_fail"},
		{"example.org:443 -- Certificate information cannot be retrieved.", "unknown", "client", "handshake-failed", "seclevel=0"},
		{"SSL_CERT WARN 192.0.2.9: SNI name {www.example.org} does not match certificate name", "unknown", "client", "server-hostname-mismatch", "subject alternative name"},
		{"api.example.org:443 => ERROR: Connection to the server timed out; discarding scan.", "unknown", "client", "handshake-failed", "answers"},
		{"BadValue: cannot have x.509 cluster authentication in allowTLS mode", "unknown", "server", "startup-failed", "requiretls"},
		{"ERROR - MutualSSLAuthenticator Mutual SSL authentication failure. API is not associated with the certificate (alias client1)", "unknown", "server", "client-cert-rejected", "runtime"},
		{"WARN [org.keycloak.authentication] Cannot validate client certificate trust: Truststore not available", "unknown", "server", "cert-load-failed", "truststore-paths"},
		{`http: proxy error: net/http: invalid header field value "-----BEGIN CERTIFICATE-----\nMIIB" for key X-Client-Cert`, "go", "client", "cert-load-failed", "der_base64"},
		{"<p>Reason: You're speaking plain HTTP to an SSL-enabled server port.<br />", "unknown", "server", "plain-http", "sslengine"},
		{"Caused by: java.security.cert.CertificateException: Could not parse certificate: java.io.IOException: Empty input", "java", "client", "cert-load-failed", "urldecoder"},
		{"java.lang.IllegalStateException: Could not locate the default Java truststore because the 'java.home' property is not set", "unknown", "client", "cert-load-failed", "truststore"},
		{"[2026-01-01T10:00:00.000+0000] [Payara 5.2020.1] [SEVERE] The SSL certificate has expired: [ [ Version: V3 Subject: CN=Old Root", "unknown", "server", "server-cert-expired", "keytool -delete"},
		{"Fatal error: /usr/bin/openssl couldn't establish STARTTLS via imap to 192.0.2.4:443", "unknown", "client", "handshake-failed", ":25"},
		{" Your ./bin/openssl.Linux.x86_64 cannot connect to 192.0.2.5:443.", "unknown", "client", "handshake-failed", "--openssl"},
		{"Assessment failed: No secure protocols supported (www.example.org)", "unknown", "client", "handshake-failed", "fail2ban"},
		{"1\tExtra download\tExample Intermediate CA G2", "unknown", "client", "routine-line", "full chain"},
		{"SSL_CERT CRITICAL www.example.org: invalid CN ('www.example.org' does not match '192.0.2.8')", "unknown", "client", "server-hostname-mismatch", "--ignore-host-cn"},
		{"SSL_CERT CRITICAL www.example.org:443: x509 certificate element 2 (R3) is expired (was valid until Mar 1 00:00:00 2030 GMT, -3 days ago)", "unknown", "client", "server-cert-expired", "--openssl"},
		{`rpc error: code = Unavailable desc = connection error: desc = "transport: authentication handshake failed: tls: first record does not look like a TLS handshake" (repo-server behind a mesh)`, "go", "client", "handshake-failed", "tcp-"},
		{`Internal error occurred: conversion webhook for widgets.example.com/v1, Kind=Widget failed: Post "https://widget-webhook.ns.svc:443/convert": x509: certificate signed by unknown authority`, "go", "client", "server-cert-untrusted", "conversion"},
		{"tls: failed to load key pair for mongodb client: private key does not match public key", "go", "server", "key-mismatch", "last one"},
		{"error: connection to cluster failed: FATAL: connection requires a valid client certificate (intermediate CA)", "unknown", "client", "no-client-cert", "-certfile"},
		{`backend app/srv1 is DOWN, reason: Layer6 invalid response, info: "SSL handshake failure", check duration: 3ms`, "haproxy", "client", "handshake-failed", "intermediate"},
		{"scan 192.0.2.3: Error encountered during GnuTLS handshake: -12", "unknown", "client", "tls-alert", "tls 1.3"},
		{`{"t":{"$date":"2026-01-01T10:00:00.000Z"},"s":"I","c":"ACCESS","msg":"Authentication failed","attr":{"mechanism":"MONGODB-X509","principalName":"CN=node2","authenticationDatabase":"$external","error":"UserNotFound: Could not find user \"CN=node2\" for db \"$external\""}}`, "unknown", "server", "client-cert-rejected", "rfc 2253"},
		{"2026-01-01T10:00:00.000+0000 I ACCESS [conn12] Failed to authenticate CN=reporting@$external with mechanism MONGODB-X509: UserNotFound: Could not find user CN=reporting@$external", "unknown", "server", "client-cert-rejected", "rfc 2253"},
		{"No client certificate CA names sent", "openssl", "client", "mtls-not-enforced", "sendtrustedissuerlist"},
		{"javax.net.ssl|WARNING|01|main|2026-01-01 10:00:00.000 UTC|X509Authentication.java:1|No X.509 cert selected for [RSA, EC]", "java", "client", "no-client-cert", "privatekeyentry"},
		{`curl: (58) could not load PEM client certificate from \\fileserver\certs\me.pem, OpenSSL error error:02001003:system library:fopen:No such process`, "curl", "client", "cert-load-failed", "//server/share"},
		{"The PKCS #12 operation failed for unknown reasons (import into a hardened profile)", "unknown", "client", "cert-load-failed", "security.nocertdb"},
		{"conn: CONNECTION_CLOSE received (reason: 28:TLS handshake failure (ENCRYPTION_INITIAL) 120: no application protocol)", "unknown", "server", "tls-alert", "h3-31"},
		{"Cannot check peer: missing selected ALPN property (target api.internal:443)", "unknown", "client", "handshake-failed", "nextprotos"},
		{"{:error, %Mint.TransportError{reason: :protocol_not_negotiated}}", "unknown", "client", "handshake-failed", "alpn"},
		{"Unable to bind to https://localhost:7001 on the IPv6 loopback interface: 'HTTP/2 over TLS is not supported on OSX due to missing ALPN support.'.", "unknown", "server", "startup-failed", ".net 8"},
		{"System.Net.Http.HttpRequestException: The HTTP/2 server reset the stream. HTTP/2 error code 'HTTP_1_1_REQUIRED' (0xd).", "unknown", "client", "no-client-cert", "clientcertnegotiation"},
		{"SSL routines:SSL_verify_client_post_handshake:extension not received", "nginx", "server", "no-client-cert", "post_handshake_auth"},
		{"curl: (92) HTTP/2 stream 3 was reset", "curl", "client", "handshake-failed", "--http1.1"},
		{"depth=0 CN = a.sni-12-default.ssl.fastly.net", "unknown", "client", "server-hostname-mismatch", "cname"},
		{"example.org has a security policy called HTTP Strict Transport Security (HSTS), which means that Firefox can only connect to it securely.", "browser", "client", "server-cert-untrusted", "security.enterprise_roots.enabled"},
		{"2026/01/01 10:00:00 transport: http2Server.HandleStreams failed to receive the preface from client: EOF", "unknown", "server", "handshake-failed", "ssl_target_name_override"},
		{"E1201 10:00:00.000000 ssl_transport_security.cc:1900: No match found for server name: 127.0.0.1.", "unknown", "server", "handshake-failed", "-authority"},
		{"Error: Problem setting TLS options, check the certificate paths.", "unknown", "client", "cert-load-failed", "snap"},
		{`logid="1700062303" type="utm" subtype="ssl" eventtype="ssl-anomaly" action="blocked" msg="Server certificate is expired"`, "unknown", "client", "server-cert-untrusted", "inspection profile"},
		{"error:0408F091:rsa routines:pkey_rsa_ctrl:digest not allowed", "unknown", "server", "handshake-failed", "rsa_keygen_bits"},
		{"The issuer certificate of a locally looked up certificate could not be found (api.example.org)", "unknown", "client", "server-cert-untrusted", "fortinet"},
		{"depth=0 CN = lb.example.org / no peer certificate available", "unknown", "client", "handshake-failed", "key type"},
		{`Error: Custom { kind: InvalidData, error: PeerIncompatibleError("no overlapping sigschemes") } while accepting`, "unknown", "server", "handshake-failed", "ed25519"},
		{"WebSocket connection to 'wss://ws.example.org:6001/app/key' failed: WebSocket opening handshake was canceled", "unknown", "client", "no-client-cert", "autoselectcertificateforurls"},
		{"java.security.cert.CertificateException: Pin verification failed (api.example.org)", "java", "client", "server-cert-untrusted", "pin-set"},
		{`Task <1> finished with error [-999] Error Domain=NSURLErrorDomain Code=-999 "cancelled"`, "unknown", "client", "server-cert-untrusted", "trustkit"},
		{`type=AVC msg=audit(1700000000.1:100): avc:  denied  { read } for  pid=9 comm="dovecot" name="mail.key" scontext=system_u:system_r:dovecot_t:s0 tcontext=unconfined_u:object_r:user_home_t:s0 tclass=file`, "unknown", "server", "cert-load-failed", "restorecon"},
		{`audit: type=1400 apparmor="DENIED" operation="open" profile="/usr/sbin/nginx" name="/srv/certs/site.key" pid=77 comm="nginx" requested_mask="r"`, "unknown", "server", "cert-load-failed", "apparmor_parser"},
		{"Error: failed to generate self-signed certificate: Read-only file system (os error 30)", "unknown", "server", "startup-failed", "protecthome"},
		{"doveconf: Fatal: ssl_key: Can't open file /etc/ssl/panel/<domain>/ssl.key: Permission denied", "unknown", "server", "key-load-failed", "ls -z"},
		{"The token supplied to the function is invalid (SEC_E_DECRYPT_FAILURE) curl: schannel: failed to read data from server: SEC_E_DECRYPT_FAILURE (0x80090330)", "curl", "client", "handshake-failed", "7.86"},
		{"pycurl.error: (58, 'error reading X.509 potentially-encrypted key file')", "curl", "client", "cert-load-failed", "7.45"},
		{"curl: (35) NSS: client certificate not found (nickname not specified) [server asked for an optional certificate]", "curl", "client", "key-load-failed", "7.19.7"},
		{"* NSS error -12269 (SSL_ERROR_EXPIRED_CERT_ALERT)", "curl", "client", "client-cert-rejected", "check both"},
		{"You cannot visit dev.example.app right now because the website uses HSTS.", "unknown", "client", "server-cert-untrusted", ".test"},
		{"The SSL certificate used to load resources from https://cdn.example.com will be distrusted very soon.", "unknown", "client", "chromium-error", "symantec"},
		{"[2026-01-01 10:00:00Z ERR  Agent] System.Net.Http.HttpRequestException: The SSL connection could not be established, see inner exception.", "unknown", "client", "handshake-failed", "gcm"},
		{"urllib2.URLError: <urlopen error EOF occurred in violation of protocol (_ssl.c:590)>", "python", "client", "handshake-failed", "0.9.8"},
		{`Oct 01 postgres[1]: FATAL:  private key file "/etc/ssl/shared/site.key" must be owned by the database user or root`, "unknown", "server", "key-permissions", "owned by"},
		{`psql: error: connection to server at "mydb.abc123.eu-west-1.rds.amazonaws.com" failed: SSL error: certificate verify failed`, "unknown", "client", "server-cert-untrusted", "global-bundle.pem"},
		{"2026-01-01 10:00:00 +0000: Error in reactor loop escaped: SSL_read error (Puma::MiniSSL::SSLError)", "unknown", "server", "plain-http", "tcp://"},
		{"Net::SMTPS: local error: hostname verification failed", "unknown", "client", "server-hostname-mismatch", "ssl_hostname"},
		{"LWP: SSL upgrade failed: hostname verification failed at /usr/share/perl5/LWP/Protocol/http.pm line 200.", "unknown", "client", "server-hostname-mismatch", "ssl_hostname"},
		{"busybox wget: error getting response: Connection reset by peer (https://example.org/file)", "unknown", "client", "handshake-failed", "curl"},
		{"wget: can't execute 'ssl_client': No such file or directory", "unknown", "client", "handshake-failed", "apk add"},
		{"ssl_client: TLS error from peer (alert code 40): 40", "unknown", "client", "tls-alert", "update busybox"},
		{"fetchmail: Warning: the connection is insecure, continuing anyways. (Better use --sslcertck!)", "unknown", "client", "server-cert-untrusted", "sslcertck"},
		{"msmtp: TLS certificate verification failed: the certificate owner does not match hostname mail.example.org", "unknown", "client", "server-hostname-mismatch", "msmtprc"},
		{"gnutls_priority_set_direct(SECURE256:-VERS-SSL3.0): The request is invalid.", "unknown", "client", "handshake-failed", "ssl_ciphers"},
		{"SMTP session failed: 502 5.5.1 TLS not supported (127.0.0.1:1025)", "unknown", "client", "plain-http", "ssl_force_tls"},
		{"javax.mail.MessagingException: 530 5.7.0 Must issue a STARTTLS command first.", "java", "client", "plain-http", "mail.smtp.starttls.enable"},
		{"Disabling SSL due to encountered errors (wget 1.21).", "unknown", "client", "startup-failed", "--debug"},
		{`tls: failed to verify certificate: x509: a root or intermediate certificate is not authorized to sign for this name: DNS name "app.other.org" is not permitted by any constraint`, "go", "client", "server-cert-untrusted", "name constraints"},
		{"creating CA: x509: certificate is not authorized to sign other certificates", "go", "client", "not-a-ca", "ca:true"},
		{"LDAP Result Code 200: x509: invalid certificate policies", "go", "client", "server-cert-untrusted", "go 1.22"},
		{"[ERR] switch_rtp.c:3100 video Handshake failure 2", "unknown", "server", "handshake-failed", "dtls-srtp.pem"},
		{"portmanager: Error binding encrypted port for https: No certificate present in SSL/TLS configuration for https port 5281", "unknown", "server", "startup-failed", "https_certificate"},
		{"OpenSSL::SSL::SSLError: SSL_accept returned=1 errno=0 peeraddr=127.0.0.1:50000 state=error: http request", "unknown", "server", "handshake-failed", "https://"},
		{"Error: /File[x]: Could not evaluate: SSL_connect SYSCALL returned=5 errno=0 state=unknown state", "unknown", "client", "handshake-failed", "1.8.7"},
		{"Net::IMAP: SSL_connect returned=1 errno=0 state=error: certificate verify failed (OpenSSL::SSL::SSLError) under ~/.rvm/rubies", "unknown", "client", "server-cert-untrusted", "osx-ssl-certs"},
		{"wget: can't execute 'ssl_helper': No such file or directory", "unknown", "client", "handshake-failed", "ssl_helper"},
		{"ERROR: Please specify the SSL ca via 'ca=' (ssl_bind 0.0.0.0:9443)", "unknown", "server", "startup-failed", "verify_mode"},
		{"Certificate verification failed for /CN=pkg.example.net", "unknown", "client", "server-cert-untrusted", "ca_root_nss"},
		{"invalid SSL_version specified at /usr/share/perl5/IO/Socket/SSL.pm line 700.", "unknown", "client", "handshake-failed", "ssl_version"},
		{`WARNING: The location "https://www.powershellgallery.com/api/v2" is not valid.`, "unknown", "client", "handshake-failed", "tls12"},
		{"[FATAL] [transports/janus_http.c:janus_http_init:900] Couldn't start secure webserver on port 8089...", "unknown", "server", "startup-failed", "cert_pem"},
		{"javax.net.ssl.SSLException: Unsupported record version Unknown-0.0 (webhook to chat.example.com)", "java", "client", "handshake-failed", "jsse.enablesniextension"},
		{"x509: Common Name is not a valid hostname: proj:db1", "go", "client", "server-hostname-mismatch", "connector"},
		{"  ! mbedtls_x509_crt_parse returned -0x2562 while loading ca.pem", "unknown", "client", "cert-load-failed", "allow_unsupported_critical_extension"},
		{"x509: invalid authority key identifier", "go", "client", "cert-load-failed", "latest build"},
		{"TLS startup failed (connect(): error:0407008A:rsa routines:RSA_padding_check_PKCS1_type_1:invalid padding)", "unknown", "client", "key-mismatch", "same name"},
		{"System.ComponentModel.Win32Exception (0x8009030D): The credentials supplied to the package were not recognized", "unknown", "server", "key-load-failed", "load user profile"},
		{"Could not verify the SSL certificate for https://gems.example.com/ (Bundler)", "unknown", "client", "server-cert-untrusted", "addtrust"},
		{`OpenSSL::PKey::RSAError: Neither PUB key nor PRIV key: nested asn1 error (RSA.new("2048"))`, "unknown", "client", "key-load-failed", "key size"},
		{"Mbed TLS: mbedtls_x509_crt_parse_file returned -9570", "unknown", "client", "cert-load-failed", "critical"},
		{"javax.net.ssl.SSLPeerUnverifiedException: peer not authenticated (Crowd client on JDK 11.0.2)", "java", "client", "server-cert-untrusted", "11.0.3"},
		{"The private key is not present in the X.509 certificate.", "unknown", "server", "key-load-failed", "-sv"},
		{"Unable to connect to the server at smtp.example.com due to the following exception: javax.net.ssl.SSLException: Unsupported or unrecognized SSL message", "java", "client", "plain-http", "starttls"},
		{`taskrun "build-1" failed: translating TaskSpec to Pod: error getting image manifest: Get "https://registry.local/v2/": x509: certificate signed by unknown authority`, "go", "client", "server-cert-untrusted", "config-registry-cert"},
		{"peer cert: : #<Puma::MiniSSL::SSLError: OpenSSL error: error:1417A0C1:SSL routines:tls_post_process_client_hello:no shared cipher - 193>", "unknown", "server", "handshake-failed", "cipher"},
		{"CA certificate key too weak (while checking the chain)", "unknown", "client", "server-cert-untrusted", "client ssl certificate verify error"},
		{"app: TLS error: certificate pinning failed for api.example.org", "unknown", "client", "server-cert-untrusted", "pin"},
		{"backup agent: server certificate thumbprint does not match the stored one", "unknown", "client", "server-cert-untrusted", "fingerprint"},
		{"vpxd error: Invalid certificate string [MIIB...] in TRUSTED_ROOTS", "unknown", "server", "cert-load-failed", "pem"},
		{"installer: Unable to import the certificate into keystore (/opt/app/keystore)", "unknown", "server", "cert-load-failed", "pem"},
		{"client: status=error 0: CertificateBundleLoadFailure", "unknown", "client", "cert-load-failed", "ca file"},
		{"sync: TLS: could not establish trust with server", "unknown", "client", "server-cert-untrusted", "ca"},
		{"sync: SSL Error(394) - dh key too small (legacy server)", "unknown", "client", "handshake-failed", "diffie-hellman"},
		{"chat client: error: An unexpected TLS packet was received.", "unknown", "client", "handshake-failed", "gnutls"},
		{"Couldn't start TLS! error -2146893048 (Schannel)", "curl", "client", "handshake-failed", "schannel"},
		{"!ENTRY org.eclipse.core 4 0 !MESSAGE The server selected protocol version TLS11 is not accepted by client preferences [TLS13, TLS12]", "java", "client", "handshake-failed", "version"},
		// Twenty-eighth session: openssl's own commands, clients reading
		// plain text, old Go alerts, Windows' fopen, and products' words.
		{"openssl req -new -key k.pem -config my.cnf: error, no objects specified in config file", "openssl", "client", "openssl-command", "prompt = no"},
		{`Error with command: "-groups secp384r1"`, "openssl", "client", "openssl-command", "p-256"},
		{"Error: curl: (35) error:0A00010B:SSL routines::wrong version number", "curl", "client", "handshake-failed", "starttls"},
		{"requests.exceptions.SSLError: HTTPSConnectionPool(host='10.1.1.1', port=8080): Max retries exceeded (Caused by SSLError(SSLError(1, '[SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:1006)')))", "python", "client", "handshake-failed", "https_proxy=http://"},
		{"http: Get https://api.example.com/v1: remote error: unknown certificate authority", "go", "client", "tls-alert", "unknown_ca"},
		{`10321:error:02001003:system library:fopen:No such process:crypto\bio\bss_file.c:69:fopen('C:\certs\client.key','r')`, "openssl", "client", "cert-load-failed", "not there"},
		{"AH00526: Syntax error on line 12 of /etc/httpd/conf.d/shared-ssl.conf: SSLStaplingCache cannot occur within <VirtualHost> section", "apache", "server", "startup-failed", "top level"},
		{"/usr/lib/python3/dist-packages/urllib3/connection.py:391: SubjectAltNameWarning: Certificate for nas.local has no `subjectAltName`, falling back to check for a `commonName` for now.", "python", "client", "server-hostname-mismatch", "subjectaltname=dns:"},
		{"W1204 10:00:00.000000 7 backend_ssl.go:47] ssl certificate prod/web-tls does not contain a Common Name or Subject Alternative Name for host shop.example.com", "nginx", "server", "server-hostname-mismatch", "kubectl get secret"},
		{"dockerd[811]: error while loading TLS certificate in /var/lib/docker/swarm/certificates/swarm-node.crt: certificate (1 - abc) not valid after Mon, 01 Jan 2024 00:00:00 UTC", "go", "server", "expired", "docker swarm"},
		{`step-ca[77]: level=warning error="authority.Authorize: jwk.authorizeToken; invalid jwk claims: go-jose/go-jose/jwt: validation failed, token not valid yet (nbf)"`, "unknown", "server", "not-yet-valid", "set-ntp"},
		{"token TOKEN: The request lacked necessary authorization to be completed. Please see the certificate authority logs for more info.", "unknown", "client", "not-yet-valid", "ntp"},
		{"System.NotSupportedException: The server mode SSL must use a certificate with the associated private key.", "unknown", "server", "key-load-failed", "createfrompemfile"},
		{`probe_ssl_earliest_cert_expiry{instance="https://shop.example.com"} 1.7e+09`, "unknown", "client", "routine-line", "-showcerts"},
		{"pilot: gateway istio-system/gw attempted to access unauthorized certificates web/tls-cert: cross namespace secret reference requires ReferenceGrant", "unknown", "server", "cert-load-failed", "referencegrant"},
		{"ERROR: login refused: TLS client certificate is not present in the request", "unknown", "server", "no-client-cert", "sslverifyclient"},
		{"ERROR - curl: (35) OpenSSL/3.2.1: error:0A000102:SSL routines::unsupported protocol", "curl", "client", "handshake-failed", "seclevel=0"},
		{"curl: (60) OpenSSL/3.0.2: error:16000069:STORE routines::unregistered scheme", "curl", "client", "server-cert-untrusted", "unknown ca (560)"},
		{"openssl ca -in req.pem: variable lookup failed for ca::default_ca", "openssl", "client", "openssl-command", "default_ca = ca_default"},
		{"unknown option '-copy_extensions'", "openssl", "client", "openssl-command", "brew install openssl@3"},
		{`psycopg2.OperationalError: could not open certificate file "/home/app/.postgresql/postgresql.crt": Permission denied`, "python", "client", "cert-load-failed", "sslcert=''"},
		{"javax.net.ssl|DEBUG|01|main|2026-01-02 10:00:00.000 UTC|X509KeyManagerImpl.java:401|Ignore alias mykey: key algorithm does not match", "java", "client", "key-load-failed", "-keyalg rsa"},
		{"[proxy] request failed: Error: write EPROTO", "node", "client", "handshake-failed", "node_debug=tls"},
		{"AH00526: Syntax error on line 3 of /etc/apache2/sites-enabled/app.conf: Invalid command 'SSLVerifyClient', perhaps misspelled or defined by a module not included in the server configuration", "apache", "server", "startup-failed", "a2enmod ssl"},
		{"[Mon Jan 05 10:00:00.000000 2026] [ssl:warn] [pid 99] [client 10.0.0.1:5000] AH02227: Failed to set r->user to 'SSL_CLIENT_S_DN_Email'", "apache", "server", "no-client-cert", "sslverifyclient require"},
		{"gRPC config for type.googleapis.com/envoy.config.listener.v3.Listener rejected: caused by TlsCertificateValidationError.CertificateChain: value is required", "envoy", "server", "cert-load-failed", "kubectl describe certificate"},
		{`time="2026-01-02T10:00:00Z" level=error msg="Error configuring TLS" error="the tls.ca entry is missing from secret default/mtls-ca"`, "go", "server", "cert-load-failed", "tls.ca=ca.crt"},
		{"warn listener conflict detected: service web.shop.svc.cluster.local specifies an HTTP service on HTTPS only port 443", "unknown", "server", "handshake-failed", "appprotocol"},
		{"ERROR: add cert: SecTrustSettingsSetTrustSettings: The authorization was denied", "unknown", "client", "cert-load-failed", "unlock-keychain"},
		{"SslStream: Authentication failed because the remote party sent a TLS alert HandshakeFailure while connecting to api.bank.example", "unknown", "client", "tls-alert", "application pool"},
		{"curl: (4) schannel: TLS 1.3 not supported on this platform", "curl", "client", "handshake-failed", "--tlsv1.2"},
		{"WinHttpException (80072f8f): A security error occurred", "unknown", "client", "handshake-failed", "36887"},
		{"urn:ietf:params:acme:error:caa :: CAA record for shop.example.com prevents issuance", "unknown", "server", "cert-load-failed", "dig +short caa"},
		{"DNS problem: SERVFAIL looking up CAA for shop.example.com - the domain's nameservers may be malfunctioning", "unknown", "server", "cert-load-failed", "noerror"},
		{"SSL_CERT CRITICAL shop.example.com:443: certificate element 1 is revoked (CRL)", "unknown", "client", "revoked", "-crl_check"},
		{"SSL_CERT CRITICAL shop.example.com: The root certificate is unnecessarily present in the delivered certificate chain", "unknown", "client", "routine-line", "-showcerts"},
		{"auth: Fatal: ssl_server_key_file: open(/etc/ssl/private/mail.key) failed: Permission denied", "unknown", "server", "key-load-failed", "/etc/ssl/private/mail.key"},
		{"CryptographicException: The specified network password is not correct. (IIS app pool loading client.pfx)", "unknown", "server", "key-load-failed", "machinekeyset"},
		{"Status: GnuTLS error -110 in gnutls_record_recv: The TLS connection was non-properly terminated.", "unknown", "client", "handshake-failed", "close_notify"},
		{"2026-01-01 10:00:00,000 mod_tls/3.0.0[9]: ftps protocol denied by Protocols config", "unknown", "server", "handshake-failed", "protocols ftp ftps"},
		{"Event 49: The Network Device Enrollment Service has failed to decrypt the encrypted password. Delete the EncryptedPassword entry.", "unknown", "server", "key-load-failed", "encryptedpassword"},
		{"The Network Device Enrollment Service cannot decrypt the client's PKCS7 message (0x8009100e).", "unknown", "server", "cert-load-failed", "sscep getca"},
		{"sscep: wrong (or missing) MIME content type", "unknown", "client", "cert-load-failed", "ca.crt"},
		{"Error: Could not request certificate: The certificate retrieved from the master does not match the agent's private key.", "unknown", "client", "key-mismatch", "puppet ssl clean"},
		{"E0101 certificate_manager.go:450] kubernetes.io/kube-apiserver-client-kubelet: Certificate request was not signed: timed out waiting for the condition", "go", "client", "cert-load-failed", "kubectl certificate approve"},
		{"Warning: Server configuration does not include all intermediate certificates (chain is incomplete)", "unknown", "client", "server-cert-untrusted", "fullchain.pem"},
		{"daemon.err uhttpd[900]: Failed to load ustream-ssl library: Error loading shared library libwolfssl.so.5", "unknown", "server", "startup-failed", "opkg upgrade"},
		{"urllib3: ssl.SSLError: The handshake operation timed out", "python", "client", "handshake-failed", "-tls1_2"},
		{"Certificate Signature Verification failed because the signing certificate is expired (push CSR upload)", "unknown", "server", "bad-signature", "wwdr"},
		{"SCEP: Certificate enroll failed. Result: (The hash value is not correct.). Profile: wifi-cert", "unknown", "client", "untrusted", "-fingerprint"},
		{"Jan 01 10:00:00 ftp pure-ftpd: (?@192.0.2.10) [ERROR] TLS renegociation", "unknown", "server", "handshake-failed", "--tls-max 1.2"},
		{"knife ssl check: ERROR: The SSL cert is signed by a trusted authority but is not valid for the given hostname", "unknown", "client", "server-hostname-mismatch", "-noservername"},
		{"certmanager error SSL/TLS: Failed to load '/etc/prosody/certs/chat.example.org.key': Check that the permissions allow Prosody to read this file.", "unknown", "server", "key-load-failed", "/etc/prosody/certs/chat.example.org.key"},
		{"git fetch: curl: (60) server certificate verification failed. CAfile: none CRLfile: none", "curl", "client", "server-cert-untrusted", "update-ca-certificates"},
		{"[cURL/60] (https://phab.example.com/api/conduit.ping) <CURLE_SSL_CACERT> There was an error verifying the SSL connection.", "curl", "client", "server-cert-untrusted", "cainfo"},
		{"webhook delivery: Post https://ci.example.com/hooks/build: x509: certificate signed by unknown authority", "go", "client", "server-cert-untrusted", "rootcas"},
		{"[docker-entrypoint] WARN - Custom SSL: missing '/usr/lib/app/cert/privkey.pem'", "unknown", "server", "key-load-failed", "/usr/lib/app/cert/privkey.pem"},
		{"2016/01/01 Get https://old.example.com/: remote error: unknown certificate authority", "go", "client", "tls-alert", "unknown_ca"},
		{"push failed: server gave HTTP response to HTTPS client", "go", "client", "plain-http", "http"},
		{`worker: (psycopg2.OperationalError) sslmode value "verify-full" invalid when SSL support is not compiled in`, "python", "client", "handshake-failed", "with-openssl"},
		{"(psycopg2.OperationalError) SSL error: certificate verify failed (app database)", "python", "client", "server-cert-untrusted", "sslrootcert"},
		{"Error opening Private Key /srv/app/tls/key.pem", "openssl", "client", "key-load-failed", "pkcs8"},
		{"[agent] could not read /etc/ssl/private/site.pem (maybe permissions?)", "unknown", "server", "cert-load-failed", "/etc/ssl/private/site.pem"},
		{"ssl_ctx: {core} PEM_read_bio_PrivateKey: error:0906A068:PEM routines:PEM_def_callba...", "unknown", "server", "key-locked", "passphrase"},
		{"Exception in thread main: java.lang.IllegalStateException: Private key not available for listener", "unknown", "server", "key-load-failed", "pkcs8"},
		{"grpc._channel._Rendezvous: <_Rendezvous of RPC that terminated with (StatusCode.UNAVAILABLE, Connect Failed)> (order service)", "python", "client", "handshake-failed", "grpc_trace"},
		// The twenty-ninth session's stories: OpenVPN, FreeRADIUS, socat, mail
		// servers, NuGet, embedded modems, intercepting proxies, LDAP
		// clients and servers, NRPE, Dart's pub, FreeIPA.
		{"TLS error: The server has no TLS ciphersuites in common with the client.", "unknown", "server", "handshake-failed", "tls-cipher"},
		{"unable to load client.crt: error:0908F070:PEM routines:get_header_and_data:short header", "unknown", "server", "cert-load-failed", "lost its newlines"},
		{"tls: You have disabled all available TLS versions.", "unknown", "server", "startup-failed", "tls_min_version"},
		{"socat[99] E Failed to set SNI host \"\"", "unknown", "client", "handshake-failed", "no-sni=1"},
		{"postfix/smtpd[12]: warning: Digest algorithm \"md5\" not found", "unknown", "server", "startup-failed", "fingerprint_digest"},
		{"warn: /etc/mail/key.pem: insecure permissions: must be at most rwx------", "unknown", "server", "key-load-failed", "chmod 600"},
		{"postfix/smtp[7]: warning: smtp_tls_policy_maps, next-hop destination \"example.org\": malformed attribute/value pair \"!TLSv1\": missing '=' after attribute name", "unknown", "client", "handshake-failed", "protocols="},
		{"error NU3042: The following X.509 root certificate is untrusted because it is not present in the certificate bundle at /usr/lib/dotnet/sdk/9.0.100/trustedroots/codesignctl.pem.", "unknown", "client", "untrusted", "dotnet --list-sdks"},
		{"<err> app: Failed to provision CA certificate: -12", "unknown", "client", "cert-load-failed", "ecdsa root"},
		{"kid1| ERROR: negotiating TLS on FD 31: error:0A000086:SSL routines::certificate verify failed (1/-1/0)", "unknown", "client", "server-cert-untrusted", "certificate-fetching"},
		{"https://bad.example.org *DENIED* Certificate supplied by server was not valid: certificate has expired", "unknown", "client", "server-cert-untrusted", "mitmcheckcert"},
		{"GLD1117E Unable to read SSL data from 10.0.0.9: 410 - SSL message format is incorrect.", "unknown", "server", "handshake-failed", "plain ldap"},
		{"bind: LDAP Result Code 200 \"Network Error\": EOF", "go", "client", "handshake-failed", "-tls1_2"},
		{"{\"level\":\"error\",\"msg\":\"directory sync: LDAP Result Code 200 \\\"\\\": EOF\"}", "go", "client", "handshake-failed", "-tls1_2"},
		{"unable to read LDAP response packet: unexpected EOF", "unknown", "client", "handshake-failed", "dials without tls"},
		{"ldapsearch: ldap_sasl_bind(SIMPLE): Can't contact LDAP server (-1)", "unknown", "client", "handshake-failed", "ldapsearch -d 1"},
		{"CHECK_NRPE: Error - Could not connect to 10.1.2.3: Connection reset by peer", "unknown", "client", "handshake-failed", "allowed_hosts"},
		{"Certificate verification failed", "unknown", "client", "server-cert-untrusted", "cacertdir"},
		{"Got TLS error trying to find package archive at https://pub.dev.", "unknown", "client", "server-cert-untrusted", "root-certs-file"},
		{"Not a valid CA certificate: (SEC_ERROR_UNKNOWN_ISSUER) Peer's Certificate issuer is not recognized", "unknown", "server", "untrusted", "root first"},
		{"Cannot load private key file /etc/openvpn/c.key: error:05800074:x509 certificate routines::key values mismatch", "unknown", "client", "key-mismatch", "sha256sum"},
		{"curl: (58) SSL: Can't load the certificate \"/Users/a/c.pem\" and its private key: OSStatus -25299", "curl", "client", "key-load-failed", ".curlrc"},
		{"[00:00:01.000,000] <err> net_sock_tls: TLS handshake error: -0x2700", "unknown", "client", "server-cert-untrusted", "config_mbedtls_heap_size"},
		{"HandshakeException: Handshake error in client (OS Error: TLSV1_ALERT_PROTOCOL_VERSION(tls_record.cc:594))", "unknown", "client", "tls-alert", "set the minimum to 1.2"},
		{"TLS: can't accept: An unexpected TLS packet was received.", "unknown", "server", "handshake-failed", "ldap:// to 636"},
		{"postfix/smtp[3]: warning: smtp_tls_wrappermode requires \"smtp_tls_security_level = encrypt\" (or stronger)", "unknown", "client", "handshake-failed", "smtp_tls_wrappermode = yes"},
		{"while setting up the SSL certificate: No private keys", "unknown", "server", "key-load-failed", "pkcs#8"},
		{"openvpn[1]: 203.0.113.4:1194 OpenSSL: error:1408F10B:SSL routines:ssl3_get_record:wrong version number", "unknown", "server", "handshake-failed", "own variant"},
		{"PolarSSL: error parsing config private key : PKCS5 - Requested encryption or digest alg not available", "unknown", "server", "key-load-failed", "-traditional"},
		{"TLS_ERROR: BIO read tls_read_plaintext error: error:0A0000C7:SSL routines::peer did not return a certificate", "unknown", "server", "no-client-cert", "verify-client-cert none"},
		{"Sat Jan  1 10:00:00 2022 Connection reset, restarting [0]", "unknown", "client", "handshake-failed", "crl-verify"},
		{"Options error: No client-side authentication method is specified.", "unknown", "client", "cert-load-failed", "<cert>"},
		{"openvpn[12]: can't ask for 'Enter Private Key Password:'", "unknown", "server", "key-load-failed", "askpass"},
		{"WifiConfigManager: Enterprise network configuration is missing either a Root CA or a domain name!", "unknown", "client", "server-cert-untrusted", "domainsuffixmatch"},
		{"E (100) wpa: X509: Unrecognized digestAlgorithm", "unknown", "client", "bad-signature", "config_esp_wifi_mbedtls_tls_client"},
		{"socat[2] E certificate is valid but its commonName does not match hostname \"10.0.0.5\"", "unknown", "client", "server-hostname-mismatch", "commonname="},
		{"postfix/smtp[9]: server certificate verification failed for mx.example.org[192.0.2.1]:25: num=62:hostname mismatch", "unknown", "client", "server-hostname-mismatch", "smtp_tls_servername"},
		{"imapfilter: initiating SSL connection to imap.example.com; error:0A000102:SSL routines::unsupported protocol", "unknown", "client", "handshake-failed", "tls1.2"},
		{"rsyslogd: can not read file '/etc/pki/rsyslog/key.pem'", "unknown", "server", "key-load-failed", "privdroptouser"},
		{"java.security.InvalidKeyException: Invalid RSA private key", "java", "client", "key-load-failed", "ecdsa"},
		{"ERR - slapi_ldap_bind - Could not send bind request for id [cn=repl] authentication mechanism [EXTERNAL]: error -1 (Can't contact LDAP server)", "unknown", "client", "handshake-failed", "certutil"},
		{"ERR Bad TLS header, double check if you enabled TLS for your client.", "unknown", "client", "plain-http", "rediss://"},
		{"WARN rustls::msgs::handshake] Illegal SNI hostname received \"10.0.0.7\"", "unknown", "server", "handshake-failed", "rfc 6066"},
		{"CFNetwork: Error [ATS Violation] for 192.0.2.10", "unknown", "client", "server-cert-untrusted", "nsallowslocalnetworking"},
		{"OSError: (-30592, 'MBEDTLS_ERR_SSL_FATAL_ALERT_MESSAGE') in wrap_socket", "unknown", "client", "tls-alert", "server_hostname"},
		{"Error accepting a client connection: error:0A000086:SSL routines::certificate verify failed", "unknown", "server", "verify-error", "openssl rehash"},
		{"12/02/2020 10:00:00 SSL: ssl_helper[222]: exit case 2 (ssl_init failed)", "unknown", "server", "handshake-failed", "xrdp's vnc module"},
		{"CConnection: No matching security types (the server offers X509Vnc only)", "unknown", "client", "handshake-failed", "x509vnc"},
		{"Host key for 10.0.0.9 has changed and you have requested strict checking.", "unknown", "client", "server-cert-untrusted", "known_hosts2"},
		{"/etc/ssl/private/server.key: certificate file doesn't exist or isn't a file", "unknown", "server", "cert-load-failed", "ssl-cert"},
		{"[WARN][com.freerdp.crypto] - Certificate verification failure 'unsupported certificate purpose (26)' at stack position 0", "unknown", "client", "server-cert-untrusted", "1.3.6.1.4.1.311.54.1.2"},
		{"Unable to perform enableCrypto operation on CakeSocket.", "unknown", "client", "handshake-failed", "tls 1.0 only"},
		{"(WordPress could not establish a secure connection to WordPress.org. Please contact your server administrator.) An unexpected error occurred.", "unknown", "client", "handshake-failed", "getent hosts"},
		{"PHP Warning: stream_socket_accept(): SSL_R_NO_SHARED_CIPHER: no suitable shared cipher could be used. This could be because the server is missing an SSL certificate (local_cert context option)", "unknown", "server", "cert-load-failed", "local_pk"},
		{"TLS server: In state hello generated SERVER ALERT: Fatal - Insufficient Security - no_suitable_ciphers", "unknown", "server", "handshake-failed", "ecdsa suites"},
		{"Shovel 'x' failed to connect (URI: amqps://mq:5671/%2F): {option,server_only,fail_if_no_peer_cert}", "unknown", "client", "startup-failed", "fail_if_no_peer_cert"},
		{"openssl pkcs12: Error outputting keys and certificates", "openssl", "client", "openssl-command", "-legacy"},
		{"[12:00:00] FATAL: 'certfile' option does not exists.", "unknown", "server", "cert-load-failed", "/ssl share"},
		{"Invalid config for [http]: file not readable for dictionary value @ data['http']['ssl_certificate'].", "unknown", "server", "cert-load-failed", "chgrp homeassistant"},
		{"java.lang.IllegalStateException: Cannot load keys from store: class path resource [keystore.jks]", "unknown", "server", "key-load-failed", "-keypass"},
		{"Connecting to remote server web01 failed with the following error message : The server certificate on the destination computer (web01:5986) has the following errors: The SSL certificate is signed by an unknown certificate authority.", "unknown", "client", "server-cert-untrusted", "skipcacheck"},
		{"Error: bad TLS private key: invalid key header; supported formats are: RSA, PKCS8 (key.pem)", "unknown", "server", "key-load-failed", "pkcs8"},
		{"D Baresip Lib: tls: connect: error (r=-1, ssl_err=1)", "unknown", "client", "server-cert-untrusted", "sip_cafile"},
		{"sip-proxy[12]: ERROR: tls [tls_util.h:42]: tls_err_ret(): TLS accept:error:0A000418:SSL routines::tlsv1 alert unknown ca", "unknown", "server", "tls-alert", "unknown_ca"},
		{"write EPROTO error:14077419:SSL routines:SSL23_GET_SERVER_HELLO:tlsv1 alert access denied", "unknown", "client", "tls-alert", "https_proxy"},
		{"ERROR: rdssl_cert_to_rkey(), failed to extract public key from certificate", "unknown", "client", "handshake-failed", "rdesktop -v"},
		{"Could not open secure TLS connection to the IMAP server: certificate verify failed", "unknown", "client", "server-cert-untrusted", "verify-tls-peer"},
		{"Invalid SSL Cert for api.10.0.0.5.nip.io", "unknown", "client", "server-cert-untrusted", "--skip-ssl-validation"},
		{"[error] <0.999.0> TLS client detected on non-TLS AMQP port. Ensure the client is connecting to the correct port.", "unknown", "server", "plain-http", "5671"},
		{"The WinRM client cannot process the request. The Enhanced Key Usage (EKU) field of the certificate is not set to \"Server Authentication\".", "unknown", "server", "cert-load-failed", "1.3.6.1.5.5.7.3.1"},
		{"Hostname api.example.internal not verified:", "unknown", "client", "server-hostname-mismatch", "subjectaltname"},
		{"The underlying connection was closed: Could not establish", "unknown", "client", "server-cert-untrusted", "ca"},
		{"Event 36887: Es wurde eine schwerwiegende Warnung empfangen: 51", "unknown", "client", "tls-alert", "decrypt_error"},
		{"Get \"https://node-exporter:9100/metrics\": unable to load specified CA cert /etc/prometheus/secrets/ca: open /etc/prometheus/secrets/ca: no such file or directory", "unknown", "client", "cert-load-failed", "ca_file"},
		{"Post \"https://api.example.com/v1\": x509: certificate signed by unknown authority", "go", "client", "server-cert-untrusted", "10.12.2"},
		{"javax.net.ssl.SSLHandshakeException: no cipher suites in common (server side)", "java", "server", "handshake-failed", "java 9's default type"},
		{"SSL_accept failed: error:0A000126:SSL routines::unexpected eof while reading", "unknown", "server", "handshake-failed", "could not use its own certificate or key"},
		{"controller.go:99] Unexpected error validating SSL certificate \"ns/web-tls\" for server \"shop.example.org\": x509: certificate is valid for *.shop.example.org, not shop.example.org", "go", "server", "server-hostname-mismatch", "default (fake) certificate"},
		{"controller.go:99] Unexpected error validating SSL certificate \"ns/web-tls\" for server \"shop.example.org\": x509: certificate relies on legacy Common Name field, use SANs instead", "go", "server", "server-hostname-mismatch", "cn alone"},
		{"System.Net.Http.HttpRequestException: An error occurred while sending the request.", "unknown", "client", "handshake-failed", "get-tlsciphersuite"},
		{"[Errno 2] No such file or directory", "unknown", "server", "cert-load-failed", "load_cert_chain"},
		{"level=error msg=\"unable to get ACME account: permissions 644 for /letsencrypt/acme.json are too open, please use 600\"", "go", "client", "key-load-failed", "chmod 600"},
		{"level=error msg=\"unable to get ACME account: read acme.json: is a directory\"", "go", "client", "key-load-failed", "chmod 600"},
		{"Cannot negotiate ALPN protocol \"acme-tls/1\" for tls-alpn-01 challenge on example.org", "unknown", "client", "cert-load-failed", "dns challenge"},
		{"acme: error presenting token: could not start HTTPS server for challenge: listen tcp :443: bind: address already in use", "unknown", "server", "startup-failed", "--http.webroot"},
		{"acme: error presenting token: ovh: failed to find zone example.eu.: could not find the start of authority", "unknown", "client", "cert-load-failed", "--dns.resolvers"},
		{"[Mon Jan 1 00:00:00 UTC 2024] Please update your account with an email address first.", "unknown", "client", "cert-load-failed", "--register-account"},
		{"ERROR: Problem connecting to server (get for https://acme-v02.api.letsencrypt.org/directory; curl returned with 60)", "curl", "client", "handshake-failed", "exit code"},
		{"Client error: `POST https://acme-v02.api.letsencrypt.org/acme/new-order` resulted in a `400 Bad Request` response: {\"type\": \"urn:ietf:params:acme:error:malformed\"}", "unknown", "client", "cert-load-failed", "authorization that is no longer pending"},
		{"panicked at: Custom { kind: Other, error: \"private key not found\" }", "unknown", "server", "key-load-failed", "pkcs#8"},
		{"Could not locate PKCS 8 private keys", "unknown", "server", "key-load-failed", "pkcs#8"},
		{"error: BoringSSL error:0900006e:PEM routines:OPENSSL_internal:NO_START_LINE while loading tls.key", "unknown", "server", "unreadable", "bun.file"},
		{"could not start the solver: timed out waiting for record to fully propagate", "unknown", "client", "cert-load-failed", "dig +short ns"},
		{"level=error msg=\"Unable to obtain ACME certificate for domains \\\"shop.example.org\\\": unable to generate a certificate for the domains\"", "go", "client", "cert-load-failed", "caserver"},
		{"urn:ietf:params:acme:error:dns :: DNS problem: NXDOMAIN looking up A for new.example.org", "unknown", "client", "cert-load-failed", "m.example.com"},
		{"During secondary validation: Fetching http://example.org/.well-known/acme-challenge/abc: Timeout during connect", "unknown", "server", "cert-load-failed", "multi-perspective"},
		{"Exception calling \"Open\" with \"1\" argument(s): \"Access is denied.\"", "unknown", "server", "cert-load-failed", "elevated"},
		{"Error: App construction failed", "node", "server", "cert-load-failed", "key_file_name"},
		{"OpenVPN: TLS error: Unsupported protocol. This typically indicates that client and server have no common TLS version enabled", "unknown", "server", "handshake-failed", "compatibility mode"},
		{"error: OpenSSL BAD_END_LINE via OPENSSL_internal PEM routines in server.crt", "unknown", "server", "unreadable", "final newline"},
		// GLib, GnuTLS, LibreSSL, NSS and other programs' own words (thirtieth session).
		{"GStreamer: souphttpsrc: TLS/SSL support not available; install glib-networking", "unknown", "client", "handshake-failed", "gio_extra_modules"},
		{"(app:42): GLib-Net-WARNING **: couldn't load TLS file database: Failed to open file /opt/x/ssl/cert.pem: No such file", "unknown", "client", "server-cert-untrusted", "ca-certificates"},
		{"gnutls-cli: Error setting the x509 trust file", "unknown", "client", "cert-load-failed", "--x509cafile"},
		{"curl: (35) LibreSSL/3.3.6: error:1404B42E:SSL routines:ST_CONNECT:tlsv1 alert protocol version", "curl", "client", "handshake-failed", "http://"},
		{"* LibreSSL/2.8.3: error:1404B418:SSL routines:ST_CONNECT:tlsv1 alert unknown ca", "curl", "client", "server-cert-untrusted", "--cacert"},
		{"error: RPC failed; curl 56 GnuTLS recv error (-9): A TLS packet with unexpected length was received.", "curl", "client", "handshake-failed", "libcurl3-gnutls"},
		{"curl: (22) NSS: client certificate not found (nickname not specified) while fetching the package", "curl", "client", "handshake-failed", "http_code"},
		{"vpn worker: could not set TLS priority: 'NORMAL:+VERS-TLS1.3': The request is invalid.", "unknown", "server", "handshake-failed", "--priority"},
		{"Read error at byte 512 (The TLS connection was non-properly terminated.). Retrying.", "unknown", "client", "handshake-failed", "content-length"},
		{"ERRO [comm.tls] ClientHandshake -> Client TLS handshake failed after 2ms with error: EOF remoteaddress=10.0.0.5:7051", "unknown", "client", "handshake-failed", "core_peer_address"},
		{"transport: authentication handshake failed: x509: cannot validate certificate for 0.0.0.0 because it doesn't contain any IP SANs", "go", "client", "server-hostname-mismatch", "instead of 0.0.0.0"},
		{"[lncli] unable to read tls cert (path: /home/u/.lnd/tls.cert): open /home/u/.lnd/tls.cert: no such file or directory", "unknown", "client", "cert-load-failed", "--tlscertpath"},
		{"cupsd[812]: [Job 3] Stored credentials: printer.local (issued by Acme) / RSA-SHA256", "unknown", "client", "server-cert-untrusted", "/etc/cups/ssl"},
		{"celery worker: Secure redis scheme specified (rediss) with no ssl options, defaulting to insecure SSL behaviour.", "unknown", "client", "server-cert-untrusted", "ssl_cert_reqs"},
		{"AirflowException: The broker you configured does not support SSL_ACTIVE to be True.", "unknown", "client", "handshake-failed", "apache-airflow-providers-celery"},
		{"Firefox does not trust this site because it uses a certificate that is not valid for app.example.org.", "browser", "client", "server-hostname-mismatch", "subject alternative name"},
		{"qt.network.ssl: No functional TLS backend was found", "unknown", "client", "handshake-failed", "plugins/tls"},
		{"Server TLS handshake failed in 3ms with error tls: first record does not look like a TLS handshake server=Orderer", "go", "server", "plain-http", "https://"},
		// Kerberos PKINIT, OpenSSL engines, plain HTTP servers, auto-ssl, agents (thirtieth session).
		{"TGT request failed: KDC_ERR_INCONSISTENT_KEY_PURPOSE for the smart-card user", "unknown", "client", "wrong-purpose", "client authentication"},
		{"kinit: KDC_ERR_CLIENT_NOT_TRUSTED while getting initial credentials", "unknown", "client", "verify-error", "ntauthca"},
		{"error:25066067:DSO support routines:dlfcn_load:could not load the shared library: filename(/opt/ssl/lib/engines-1.1/pkcs11.so)", "unknown", "client", "key-load-failed", "openssl version -a"},
		{"error:260B806D:engine routines:ENGINE_TABLE_REGISTER:init failed:eng_table.c:175:", "unknown", "client", "key-load-failed", "p11tool"},
		{"SSL: error:80066071:tpm2-tss-engine:get_auth:User interaction error while loading the server key", "nginx", "server", "key-load-failed", "tpm2tss-genkey"},
		{"minio: Error: malformed HTTP request from '192.0.2.7:9000'", "unknown", "server", "handshake-failed", "http://"},
		{"[lua] init_master(): auto-ssl: dict auto_ssl_settings could not be found", "nginx", "server", "startup-failed", "lua_shared_dict auto_ssl_settings"},
		{"nginx: [emerg] SSL_CTX_new() failed (SSL: error:140A90A1:SSL routines:SSL_CTX_new:library has no ciphers)", "nginx", "server", "startup-failed", "nginx -v"},
		{"agent-auth: ERROR: SSL error (-1). Exiting. (manager on port 1514)", "unknown", "client", "handshake-failed", "-p 1515"},
		{"wazuh-agentd: ERROR: Unable to verify server certificate during enrollment", "unknown", "client", "server-hostname-mismatch", ""},
		// Lines of the thirtieth session's scored final halves, in own words.
		{"[p11_child[901]] [do_verification] (0x0040): X509_verify_cert failed [20][unable to get local issuer certificate]", "unknown", "server", "verify-error", "sssd_auth_ca_db.pem"},
		{"kong/cmd/start.lua:10: ssl_cert is not a string: 'table: 0x1'", "nginx", "server", "startup-failed", "kong check"},
		{"cupsd: Unable to encrypt connection from 192.0.2.4: A TLS fatal alert has been received.", "unknown", "server", "handshake-failed", "/etc/cups/ssl"},
		{"cupsd: Unable to encrypt connection: Unable to create server credentials.", "unknown", "server", "cert-load-failed", "serverkeychain"},
		{"grpc._channel._InactiveRpcError: status = StatusCode.UNAVAILABLE details = \"failed to connect to all addresses\"", "python", "client", "handshake-failed", "grpc_default_ssl_roots_file_path"},
		{"checkServerTrusted: subject = CN=invalid2.invalid, OU=\"No SNI provided; please fix your client.\"", "unknown", "client", "server-hostname-mismatch", "-servername"},
		{"FATAL eebus failed configuring eebus: invalid SKI (subject: CN=HEMS)", "unknown", "server", "cert-load-failed", "eebus-cert"},
		{"p11-kit: cryptoauthlib: module failed to initialize: Internal error", "unknown", "server", "key-load-failed", "pcscd"},
		{"PKCS#11: Cannot perform signature 18:'CKR_ATTRIBUTE_TYPE_INVALID' during the TLS handshake", "unknown", "client", "key-load-failed", "1.27"},
		{"W/System.err: javax.net.ssl.SSLHandshakeException: Handshake failed at com.android.org.conscrypt", "java", "client", "handshake-failed", "ssl_ecdh_curve"},
		{"error:1408A10B:SSL routines:SSL3_GET_CLIENT_HELLO:wrong version number:s3_srvr.c:1000: from an agent", "unknown", "server", "handshake-failed", "-tls1_2"},
		{"cURL error 35: A PKCS #11 module returned CKR_DEVICE_ERROR in the worker", "curl", "client", "handshake-failed", "nss_strict_nofork"},
		{"SSL received a malformed Change Cipher Spec record. Error code: SSL_ERROR_RX_MALFORMED_CHANGE_CIPHER", "browser", "client", "handshake-failed", "nss"},
		{"mongoose: mg_ssl_if_mbed_err SSL error: -9984", "unknown", "client", "server-cert-untrusted", "root ca of the server"},
		{"[error] [lua] ssl_certificate.lua:99: auto-ssl: failed to run do_ssl: attempt to index field 'auto_ssl' (a nil value)", "nginx", "server", "startup-failed", "lua_shared_dict"},
		{"qt.network.ssl: No TLS backend is available", "unknown", "client", "handshake-failed", "plugins/tls"},
		{"Celery: A rediss:// URL must have parameter ssl_cert_reqs and this must be set to CERT_REQUIRED", "unknown", "client", "server-cert-untrusted", "ssl_cert_reqs"},
		{"nebula[80]: level=error msg=\"Failed to load ca from config\" error=\"no valid CA certificates present\"", "go", "server", "cert-load-failed", "timedatectl"},
		{"nebula: level=info msg=\"Invalid certificate from host\" error=\"certificate validation failed: certificate is expired\"", "go", "server", "verify-error", "nebula-cert sign"},
		{"LWP error: 500 Can't connect to 10.0.0.9:8443 (certificate verify failed)", "unknown", "client", "server-cert-untrusted", "perl_lwp_ssl_ca_file"},
		{"upload failed: SSL validation failed for https://s3.local:9000/b [Errno 2] No such file or directory", "unknown", "client", "cert-load-failed", "aws_ca_bundle"},
		{"ERROR Failed to verify host address: 10.1.2.3 (org.apache.zookeeper.common.ZKTrustManager)", "java", "server", "verify-error", "hostnameverification"},
		{"Client with the currently selected authenticator does not support any combination of challenges that will satisfy the CA.", "unknown", "client", "cert-load-failed", "--preferred-challenges http"},
		{"Smtp: :enable_starttls and :tls are mutually exclusive. Set :tls if you're on an SMTPS connection.", "unknown", "client", "handshake-failed", "enable_starttls"},
		{"Internal error occurred: failed calling webhook \"webhook.cert-manager.io\": Post \"https://cert-manager-webhook.cert-manager.svc:443/mutate\": x509: certificate signed by unknown authority", "go", "client", "server-cert-untrusted", "cabundle"},
		{"Error: signing [registry.local/app:v1]: accessing entity: Get \"https://registry.local/v2/\": x509: certificate signed by unknown authority (cosign)", "go", "client", "server-cert-untrusted", "rootcas"},
		// The server closing the handshake in place of its hello (OpenSSL
		// 1.0's reason(1000)); libvirt's TLS files; Netty's PKCS#8 keys;
		// hyper reading TLS as HTTP; old wget without SNI; RouterOS's CRLs
		// and CA store; BusyBox's and OpenWrt's fetchers without TLS; OCaml's
		// conduit and ca-certs; node-forge's RSA-only keys; a bare
		// libcrypto.so; Haskell's alerts and trust; Emacs; winget's pin;
		// burp's peer name; Go's ASCII-only names; FTP requiring TLS;
		// client-go's caBundle; a certificate without dates; Proxmox's 596.
		{"curl: (35) error:140773E8:SSL routines:SSL23_GET_SERVER_HELLO:reason(1000) while fetching the archive", "curl", "client", "handshake-failed", "-servername"},
		{"error: failed to connect to the hypervisor: Cannot read CA certificate '/etc/pki/CA/cacert.pem': No such file or directory", "unknown", "client", "cert-load-failed", "qemu:///system"},
		{"Caused by: java.security.KeyException: found no private key: /opt/app/tls/private.key", "java", "client", "key-load-failed", "pkcs8 -topk8"},
		{"error: request to http://10.0.0.7:9443/status failed: invalid HTTP version parsed", "unknown", "client", "plain-http", "https://"},
		{"wget: no certificate subject alternative name matches requested host name 'downloads.example.org'.", "unknown", "client", "server-hostname-mismatch", "-servername host"},
		{"status: failed  failure: SSL: ssl: crl not found for: \"CN=Example Issuing CA\" (6)", "unknown", "client", "verify-error", "yes-without-crl"},
		{"fetch failed: SSL: ssl: no trusted CA certificate found (6)", "unknown", "client", "server-cert-untrusted", "/certificate import"},
		{"wget: not an http or ftp url: https://mirror.example.net/pkg/tool.ipk", "unknown", "client", "handshake-failed", "wget-ssl"},
		{"/usr/bin/uclient-fetch: SSL support not available, please install one of the libustream-.*[ssl|tls] packages", "unknown", "client", "handshake-failed", "libustream-mbedtls"},
		{"Fatal error: exception Failure(\"No SSL or TLS support compiled into Conduit\")", "unknown", "client", "handshake-failed", "lwt_ssl"},
		{"Fatal error: exception Failure(\"ca-certs: no trust anchor file found, looked into /etc/ssl/cert.pem\")", "unknown", "client", "cert-load-failed", "ca-certificates"},
		{"Error: could not load /etc/app/tls.crt: Cannot read public key. OID is not RSA.", "node", "client", "cert-load-failed", "--key-type rsa"},
		{"loading libssl: libcrypto.so: cannot open shared object file: No such file or directory", "unknown", "client", "handshake-failed", "libssl-dev"},
		{"HttpExceptionRequest (TlsExceptionHostPort (HandshakeFailed (Error_Protocol (\"expecting server hello, got alert : [(AlertLevel_Fatal,ProtocolVersion)]\",True,HandshakeFailure)) \"api.example.org\" 443))", "unknown", "client", "tls-alert", "protocol"},
		{"ConnectionFailure (HandshakeFailed (Error_Protocol (\"certificate has unknown CA\",True,UnknownCa)))", "unknown", "client", "server-cert-untrusted", "add-trusted-cert"},
		{"Failed to download 'melpa' archive: \"incomprehensible buffer\"", "unknown", "client", "handshake-failed", "-vers-tls1.3"},
		{"(error \"Certificate validation failed mirror.example.org, verification code 40\")", "unknown", "client", "server-cert-untrusted", "gnutls-trustfiles"},
		{"Failed in attempting to update the source: msstore 0x8a15005e", "unknown", "client", "server-cert-untrusted", "winget source update"},
		{"burp[210]: cert common name doesn't match configured ssl_peer_cn", "unknown", "client", "server-hostname-mismatch", "ssl_peer_cn ="},
		{"failed to start the web UI: create cert: x509: \"büro-nas\" cannot be encoded as an IA5String", "go", "server", "cert-load-failed", "hostnamectl"},
		{"530 Sorry, cleartext sessions and weak ciphers are not accepted on this server.", "unknown", "client", "handshake-failed", "--ssl-reqd"},
		{"Internal error occurred: failed calling webhook \"validate.example.io\": could not get REST client: unable to load root certificates: unable to parse bytes as PEM block", "go", "client", "cert-load-failed", "cabundle"},
		{"dial failed: tls: failed to verify certificate: x509: certificate has expired or is not yet valid: current time 2026-01-02T03:04:05Z is after 0001-01-01T00:00:00Z", "go", "client", "server-cert-untrusted", "-dates"},
		{"waiting for the VM failed: received an HTTP 596 response - Reason: Connection timed out", "unknown", "client", "handshake-failed", "pvecm updatecerts"},
		// libcurl's CA file that does not load; Python's server context
		// used for a client socket.
		{"fatal: unable to access 'https://git.example.org/app.git/': error setting certificate file: /opt/sdk/sysroot/etc/ssl/certs/ca-certificates.crt", "curl", "client", "server-cert-untrusted", "--cacert"},
		{"websocket failed: Cannot create a client socket with a PROTOCOL_TLS_SERVER context (_ssl.c:800)", "python", "client", "handshake-failed", "purpose.server_auth"},
		// Mbed TLS named by its macro (CircuitPython); Schannel with
		// nothing in common; a Java keyUsage refusal behind a proxy.
		{"OSError: (-12288, 'MBEDTLS_ERR_X509_FATAL_ERROR') while fetching the feed", "unknown", "client", "server-cert-untrusted", "load_verify_locations"},
		{"AuthenticationException: A call to SSPI failed, see inner exception. ---> Win32Exception: One or more of the parameters passed to the function was invalid", "unknown", "client", "handshake-failed", "iis crypto"},
		{"Caused by: javax.net.ssl.SSLHandshakeException: sun.security.validator.ValidatorException: KeyUsage does not allow digital signatures (downloading the index)", "java", "client", "wrong-purpose", "exempt the host"},
		// Firefox's key-usage refusal of a certificate with its CA's
		// subject; the suites a security level drops; alert 49 from a
		// network that wants its proxy used.
		{"Firefox says SEC_ERROR_INADEQUATE_KEY_USAGE for https://nas.home.example:5001/", "browser", "client", "wrong-purpose", "different subjects"},
		{"(9) eap_fast: ERROR: (TLS) accept failed: error:1417A0C1:SSL routines:tls_post_process_client_hello:no shared cipher", "unknown", "server", "handshake-failed", "@seclevel=0"},
		{"Error: write EPROTO 140000000000:error:14094419:SSL routines:ssl3_read_bytes:tlsv1 alert access denied:../deps/openssl/ssl/record/rec_layer_s3.c:1544:SSL alert number 49", "node", "client", "tls-alert", "https_proxy"},
		// Tomcat's trust store password.
		{"WARN 77 --- [main] o.apache.tomcat.util.net.SSLHostConfig : The provided trust store password could not be used to unlock and/or validate the trust store. Retrying with a null password.", "java", "server", "cert-load-failed", "trust-store-password"},
		// libvirt's client API, Racket's client context and Firefox's own
		// words for a plain HTTP answer tell a client.
		{"error: Call to virConnectOpen failed: Cannot read CA certificate '/etc/pki/CA/cacert.pem': No such file or directory", "unknown", "client", "cert-load-failed", "virt-pki-validate"},
		{"ssl-make-client-context: requested protocol not supported; (raco pkg install)", "unknown", "client", "handshake-failed", "libssl-dev"},
		{"An error occurred during a connection to nas.example.lan:8080. SSL received a record that exceeded the maximum permissible length.", "browser", "client", "plain-http", "listen 443 ssl"},
		// A line that names no writer, told by an entry about a server's
		// certificate the client refused: the client wrote it.
		{"mail sync stopped: A certificate chain processed, but terminated in a root certificate which is not trusted by the trust provider", "unknown", "client", "server-cert-untrusted", "root"},
		// Octopus's thumbprint pinning; Receptor's node ID; cfssl's JSON and
		// binary; node 11.2's crash on a refused client certificate; a
		// Fluentd input whose client sent an alert.
		{"We aborted the connection because the remote host was not authenticated. The remote machine was expected to supply a certificate with thumbprint AAAA1111; instead the machine provided BBBB2222", "unknown", "client", "server-cert-untrusted", "show-thumbprint"},
		{"Error: MainInstance.nodeID=worker-3 not found in certificate name(s); names found=[worker3.example.net]; cfg section=tls_server", "go", "server", "cert-load-failed", "node id"},
		{"Failed to load config file: {\"code\":5200,\"message\":\"failed to unmarshal configuration: invalid character '}' looking for beginning of object key string\"}", "unknown", "client", "cert-load-failed", "json.tool"},
		{"TypeError: Cannot read property 'getALPNNegotiatedProtocol' of null at TLSSocket._finishInit (_tls_wrap.js:636:16)", "node", "server", "client-cert-rejected", "requestcert"},
		{"2026-01-02 03:04:05 +0000 [warn]: #0 unexpected error before accepting TLS connection by OpenSSL error_class=OpenSSL::SSL::SSLError error=\"SSL_accept returned=1 errno=0 state=error: sslv3 alert unknown ca\"", "unknown", "server", "tls-alert", ""},
		// PHP's streams on OpenSSL 3 and a server without close_notify.
		{"PHP Warning:  file_get_contents(): SSL: error:0A000126:SSL routines::unexpected eof while reading in /var/www/feed.php on line 12", "unknown", "client", "handshake-failed", "8.1.7"},
		// A CA refused at load by a clock behind; Firefox's strict pins.
		{"error execution phase preflight: failure loading ca certificate: failed to load certificate: the certificate is not valid yet", "unknown", "server", "cert-load-failed", "timedatectl"},
		{"Secure Connection Failed. Error code: MOZILLA_PKIX_ERROR_KEY_PINNING_FAILURE", "browser", "client", "server-cert-untrusted", "enforcement_level"},
		// BoringSSL's and OpenSSL 3's reason for alert 120.
		{"handshake failed: error:10000133:SSL routines:OPENSSL_internal:NO_APPLICATION_PROTOCOL (quic client)", "unknown", "client", "tls-alert", "alpn"},
		// A client's line cut after the packed code of a failed check.
		{"pull job failed: error trying to connect: error:0A000086:SSL routines:", "unknown", "client", "server-cert-untrusted", "fingerprint"},
		// An old wget's name check, ESP-IDF's bundle, SPIRE's upstream CA,
		// Graylog's key, Copilot's bundle reading, yaSSL's signature check,
		// a Zabbix agent without its PSK.
		{"ERROR: certificate common name `cdn.example.net' doesn't match requested host name `files.example.org'.", "unknown", "client", "server-hostname-mismatch", "sni"},
		{"E (5120) esp-x509-crt-bundle: Failed to verify certificate", "unknown", "client", "server-cert-untrusted", "cert_pem"},
		{`msg="Fatal run error" error="X509 CA minted by upstream authority is invalid: invalid X509 CA: missing URI SAN"`, "unknown", "server", "cert-load-failed", "allowed_uri_sans"},
		{"ERROR: org.graylog2.inputs.transports.NettyTransport - Error creating SSL context. Make sure the certificate and key are in the correct format. cert=X.509 key=PKCS#8", "unknown", "server", "key-load-failed", "pkcs8 -topk8"},
		{`[certificates] Failed to parse certificate # Example Root CA Error: error:0480006C:PEM routines::no start line`, "unknown", "client", "routine-line", "--comment"},
		{"ERROR 2026 (HY000): SSL connection error: ASN: bad other signature confirmation", "unknown", "client", "server-cert-untrusted", "same common name"},
		{"zabbix_agentd [42]: ERROR: missing TLSPSKIdentity configuration parameter", "unknown", "server", "key-load-failed", "tlspskfile"},
		// Android's dates check, Atlas without SNI, libcurl on NSS with a CA
		// and no verification, a TLS version libcurl's library lacks,
		// ESPHome on Arduino.
		{"E/App: javax.net.ssl.SSLHandshakeException: Could not validate certificate: current time: Thu Jan 01 00:00:12 GMT 1970, validation time: Mon Jun 01 10:00:00 GMT 2026", "java", "client", "server-cert-expired", "clock"},
		{"SSL connection failure: No SNI name sent, make sure using a MongoDB 3.4+ driver/shell", "unknown", "client", "handshake-failed", "mongosh"},
		{"curl_exec failed: SSL: CA certificate set, but certificate verification is disabled", "curl", "client", "handshake-failed", "curlopt_cainfo"},
		{"Request failed: Unsupported SSL protocol version", "unknown", "client", "handshake-failed", "openssl 1.0.1"},
		{"http_request: ESPHome supports certificate verification only via ESP-IDF. Set 'verify_ssl: false' to skip certificate validation.", "unknown", "client", "server-cert-untrusted", "esp-idf"},
		// BoringSSL's verify failure from a client that names nothing else.
		{"rpc failed: SSL_ERROR_SSL: error:1000007d:SSL routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED", "unknown", "client", "server-cert-untrusted", "trusted_ca"},
		// Qt's failed handshake; DDS-Security's own identity check.
		{"Download failed: QNetworkReply::SslHandshakeFailedError \"SSL handshake failed\"", "unknown", "client", "handshake-failed", "qt_logging_rules"},
		{"[SECURITY Error] Error validating the local participant identity. -> Function init", "unknown", "server", "cert-load-failed", "utc"},
		{"RTI_Security_CertHelper_verifyCert:X509_verify_cert returned 0 with error 10: certificate has expired", "unknown", "server", "cert-load-failed", "identity_ca"},
		// Go's HTTP/2 cipher order, libmosquitto's name check, a Not Before
		// ahead, mongod without a client certificate, apt without CAs,
		// Traefik's default certificate, PostgreSQL's key permissions,
		// Apache 2.2's key check, Postfix's verified policy, Outlook's
		// encryption type, Remote Desktop's certificate, OpenVPN's key
		// usage, HTTP.sys's binding, NPS's purpose check, Exchange's 454,
		// IBM MQ's SSLPEER, a platform router's 495, BearSSL's macro.
		{"listen failed: http2: TLSConfig.CipherSuites index 3 contains an HTTP/2-approved cipher suite (0xc02f), but it comes after unapproved cipher suites", "go", "server", "startup-failed", "ciphersuites unset"},
		{"Error: host name verification failed.", "unknown", "client", "server-hostname-mismatch", "subjectaltname"},
		{`level=ERROR msg="token exchange failed" error="client certificate is used before the 'Not Before' time"`, "go", "client", "server-cert-expired", "set-ntp"},
		{`{"s":"E","c":"NETWORK","msg":"No SSL certificate provided by peer; connection rejected"}`, "unknown", "server", "no-client-cert", "allowconnectionswithoutcertificates"},
		{"W: https://mirror.example.org/debian/dists/stable/InRelease: No system certificates available. Try installing ca-certificates.", "unknown", "client", "server-cert-untrusted", "apt-get install -y ca-certificates"},
		{`level=debug msg="Serving default certificate for request: \"shop.example.com\""`, "go", "server", "server-hostname-mismatch", "openssl pkey -pubout"},
		{`level=debug msg="No default certificate, generate one"`, "go", "server", "routine-line", "file provider"},
		{"DETAIL:  File must have permissions u=rw (0600) or less if owned by the database user, or permissions u=rw,g=r (0640) or less if owned by root.", "unknown", "server", "key-permissions", "allow-group-access"},
		{"[Mon Mar 02 10:00:00 2026] [error] Unable to configure RSA server private key", "apache", "server", "key-mismatch", "sslcertificatekeyfile"},
		{"status=deferred (delivery temporarily suspended: Server certificate not verified)", "unknown", "client", "server-cert-untrusted", "posttls-finger"},
		{"Receiving reported error (0x800CCC1A): Your server does not support the connection encryption type you have specified.", "unknown", "client", "handshake-failed", "starttls"},
		{"The remote computer could not be authenticated due to problems with its security certificate.", "unknown", "client", "server-cert-untrusted", "self-signed"},
		{"VERIFY KU ERROR: Certificate has key usage  00f8, expects 00a0", "unknown", "client", "wrong-purpose", "remote-cert-eku"},
		{"An error occurred while using SSL configuration for endpoint 0.0.0.0:8443.", "unknown", "server", "cert-load-failed", "netsh http show sslcert"},
		{"Reason: The certificate does not contain the Client Authentication purpose in Application Policies extensions.", "unknown", "server", "wrong-purpose", "client authentication"},
		{"Remote server returned '454 4.7.5 Certificate Validation Failure'", "unknown", "client", "server-cert-untrusted", "tlscertificatename"},
		{"AMQ9636E: SSL distinguished name does not match peer name, channel 'TO.QM2'.", "unknown", "server", "verify-error", "refresh security"},
		{"HTTP/1.1 495 Certificate Error", "unknown", "client", "handshake-failed", "proxy_ssl_name"},
		{"client.connect failed, SSL error: BR_ERR_X509_NOT_TRUSTED", "unknown", "client", "server-cert-untrusted", "trust anchors"},
		// A cipher string OpenSSL refuses at set-up, SHA-2 on an old OpenSSL,
		// a version the server chose, WCF's HTTP.sys message, WebLogic's
		// identity, Chrome's QUIC alert; a Go server read plain text.
		{"[core] SSL_CTX_set_cipher_list: error:1410D0B9:SSL routines:SSL_CTX_set_cipher_list:no cipher match", "unknown", "client", "startup-failed", "openssl ciphers -v"},
		{"curl: (35) error:0D0C50A1:asn1 encoding routines:ASN1_verify:unknown message digest algorithm", "curl", "client", "server-cert-untrusted", "openssl version"},
		{"sip: tls: 40E7:error:0A000102:SSL routines:ssl_choose_client_version", "unknown", "client", "handshake-failed", "tls 1.2"},
		{"An error occurred while making the HTTP request to https://api.example.com/svc. This could be due to the fact that the server certificate is not configured properly with HTTP.SYS in the HTTPS case.", "unknown", "client", "handshake-failed", "tls12"},
		{"<BEA-090154> <Identity certificate has expired: [Subject: CN=app.example.com]>", "unknown", "server", "cert-load-failed", "keytool"},
		{"net::ERR_QUIC_PROTOCOL_ERROR.QUIC_TLS_CERTIFICATE_UNKNOWN (TLS handshake failure)", "browser", "client", "server-cert-untrusted", "servercertificatehashes"},
		{"OCSP response: no response sent", "openssl", "client", "routine-line", "-ocsp_uri"},
		// Schannel's errors in Windows' words without their codes.
		{"Invoke-WebRequest : The token supplied to the function is invalid", "unknown", "client", "handshake-failed", "tls"},
		{"AuthenticationException: The message received was unexpected or badly formatted.", "unknown", "client", "handshake-failed", "client certificate"},
		// s_client's own words, quoted inside a sentence.
		{`the output ends with "No client certificate CA names sent"`, "openssl", "client", "mtls-not-enforced", "optional_no_ca"},
		// IBM HTTP Server's dates, MQ's revocation check, WinHTTP's request
		// for a client certificate.
		{"SSL0221E: SSL Handshake Failed, Invalid date.", "unknown", "server", "server-cert-expired", "gskcapicmd"},
		{"AMQ9716E: Remote SSL certificate revocation status check failed for channel 'TO.QM2'.", "unknown", "server", "verify-error", "-ocsp_uri"},
		{"git: send request failed: A certificate is required to complete the authentication", "unknown", "client", "no-client-cert", "thumbprint"},
		// A CMG connection point without its client certificate; Guzzle's
		// line in a path with "mongo" inside a name; helm's CA file.
		{"[CCMHTTP] ERROR INFO: StatusCode= 403 StatusText= CMGConnector_Clientcertificaterequired", "unknown", "client", "no-client-cert", "cmgconnector.log"},
		{`PHP Fatal error:  Uncaught GuzzleHttp\Exception\RequestException: cURL error 60: SSL certificate problem: self signed certificate in certificate chain in /srv/pokemongotracker/vendor/guzzlehttp/guzzle/src/Handler/CurlFactory.php:201`, "curl", "client", "server-cert-untrusted", "curl.cainfo"},
		{"Error: pull failed: can't create TLS config for client: can't read CA file: /etc/registry/ca.pem", "unknown", "client", "cert-load-failed", "ca.pem"},
		{"Jun  1 10:00:00 logs sudo_logsrvd[812]: TLS verification failed for cert '/CN=host1': '26:unsupported certificate purpose'", "unknown", "server", "verify-error", "clientauth"},
		// A domain controller's strong mapping; a Windows CA's template.
		{"Event 39: The Key Distribution Center (KDC) encountered a user certificate that was valid but could not be mapped to a user in a secure way.", "unknown", "server", "verify-error", "altsecurityidentities"},
		{"Certificate Request Processor: The requested certificate template is not supported by this CA. 0x80094800", "unknown", "server", "cert-load-failed", "certutil -catemplates"},
		{`["rejected connection"] [remote-addr=10.0.0.9:51000] [error="tls: first record does not look like a TLS handshake"]`, "go", "server", "handshake-failed", "plain http"},
		// Typographic quotes from a blog; grpcurl's timeout; a PKCS#8 key
		// for BouncyCastle; kubeadm's expired certificates; mitmproxy's
		// upstream check; a client with no certificate to give.
		{"ldap_sasl_bind: peer’s certificate issuer is not recognized (-8179)", "unknown", "client", "server-cert-untrusted", "--cacert"},
		{`grpcurl: Failed to dial target host "api.internal:9443": context deadline exceeded`, "go", "client", "handshake-failed", "-plaintext"},
		{"java.lang.ClassCastException: class org.bouncycastle.asn1.pkcs.PrivateKeyInfo cannot be cast to class org.bouncycastle.openssl.PEMKeyPair", "unknown", "server", "key-load-failed", "-traditional"},
		{"error execution phase certs/etcd-peer: failure loading etcd/peer certificate: failed to load certificate: the certificate has expired", "unknown", "server", "cert-load-failed", "kubeadm certs renew"},
		{"192.168.1.20:50122: TLS verification failed for upstream server at depth 1 with error: 20", "unknown", "client", "server-cert-untrusted", "ssl_verify_upstream_trusted_ca"},
		{"failed to connect to 'relay:4245': mTLS client certificate requested, but not provided", "unknown", "client", "no-client-cert", "--tls-client-cert-file"},
		{"The remote certificate was rejected: status: UntrustedRoot. The specified hostname was not present in the certificate.", "unknown", "client", "server-hostname-mismatch", "trust server certificate"},
		{"curl: (60) SSL certificate problem: certificate rejected", "curl", "client", "server-cert-untrusted", "distrusted"},
		// Windows' own words: an old event 36888, the security alert, a
		// 403.7 from a Root store holding an intermediate.
		{"Schannel 36888: The following fatal alert was generated: 20. The internal error state is 960.", "unknown", "server", "tls-alert", "tls_dhe_rsa"},
		{"The security certificate was issued by a company you have not chosen to trust. View the certificate to determine whether you want to trust the certifying authority.", "unknown", "client", "server-cert-untrusted", "certlm.msc"},
		{"The name of the security certificate is invalid or does not match the name of the site", "unknown", "client", "server-hostname-mismatch", "subjectaltname"},
		{"HTTP Error 403.7 - Forbidden: the page requires a client certificate", "unknown", "server", "no-client-cert", "cert:\\localmachine\\root"},
		// IBM GSKit's, Oracle's, SAP's and TIBCO's own messages.
		{"SSL0206E: Handshake Failed, Key-file label not found. Configuration problem", "unknown", "server", "cert-load-failed", "-cert -list personal"},
		{"CTGSK2016W An invalid database password was encountered for /opt/ibm/keys/key.kdb", "unknown", "server", "bad-passphrase", "-stashpw"},
		{"SSLCONN: validation returned GSKVAL_ERROR_BAD_ACCEPTABLE_POLICIES", "unknown", "client", "server-cert-untrusted", "certificate policies"},
		{"ORA-29037: No certificate is present", "unknown", "server", "no-client-cert", "wallet_location"},
		{"Invalid host name in SSL server certificate (ICM_HTTP_SSL_CERT_MISMATCH) for host erp.example.com", "unknown", "client", "server-hostname-mismatch", "sm59"},
		{"com.tibco.security.AXSecurityException: CA certificate with issuer CN=Issuing CA 2 is not a trusted certificate", "unknown", "client", "server-cert-untrusted", "trusted certificates folder"},
		// Cloudflare's origin pages; CDN default names; API Gateway's
		// truststore; WSO2's key store; a placeholder left in a setting.
		{"Error 526 - Invalid SSL certificate (Cloudflare, ray 8c1f)", "unknown", "client", "server-cert-untrusted", "origin ca"},
		{"Error 525: SSL handshake failed between Cloudflare and the origin", "unknown", "client", "handshake-failed", "authenticated origin pulls"},
		{"Error: Hostname/IP does not match certificate's altnames: Host: cdn.example.org. is not in the cert's altnames: DNS:a.ssl.fastly.net", "node", "client", "server-hostname-mismatch", "cname"},
		{"BadRequestException: The certificate subject conflicts with an existing certificate from a different issuer.", "unknown", "server", "cert-load-failed", "one certificate per subject"},
		{"ERROR {ServerConnFactoryBuilder} - Error opening Key store : /opt/wso2/security/client.p12", "unknown", "server", "key-load-failed", "deployment.toml"},
		{"java.security.KeyStoreException: ${env.TRUSTSTORE_TYPE} not found", "java", "client", "cert-load-failed", "/proc/pid/environ"},
		{`{"level":"error","message":"fetch failed: error:0A000410:SSL routines::sslv3 alert handshake failure","userAgent":"Mozilla/5.0 Chrome/126.0"}`, "unknown", "client", "tls-alert", "handshake_failure"},
		// Java's SSLEngine wrapper; Netty's cipher list; CloudFront's
		// checks; payment SDKs; a plain DICOM port; old OpenSSL and PHP.
		{"reactor.netty.http.client.PrematureCloseException: javax.net.ssl.SSLHandshakeException: General SSLEngine problem", "java", "client", "handshake-failed", "-djavax.net.debug"},
		{"javax.net.ssl.SSLException: failed to set cipher suite: [TLSv1.3]", "java", "client", "startup-failed", "protocols setting"},
		{"InvalidViewerCertificate: The certificate that is attached to your distribution doesn't cover the alternate domain name (CNAME) that you're trying to add.", "unknown", "server", "cert-load-failed", "us-east-1"},
		{"The specified MinimumProtocolVersion cannot be used with the specified SSLSupportMethod", "unknown", "server", "startup-failed", "sni-only"},
		{"Fatal error: Uncaught Braintree\\Exception\\SSLCertificate in /srv/shop/vendor/braintree/braintree_php/lib/Braintree/Http.php:190", "unknown", "client", "handshake-failed", "sslversion"},
		{"ActiveMerchant::ConnectionError (The SSL connection to the remote server could not be established)", "unknown", "client", "server-cert-untrusted", "cacert.pem"},
		{"E: Incoming PDU was too large: length 369296129", "unknown", "server", "handshake-failed", "storescu --tls"},
		{"error:0D0C50A1:asn1 encoding routines:ASN1_item_verify:unknown message digest algorithm", "unknown", "client", "server-cert-untrusted", "openssl version"},
		{"curl_exec() failed: SSL connect error", "curl", "client", "handshake-failed", "php -i"},
		{"ssl.CertificateError: hostname 'api.example.org' doesn't match either of 'www.hosting.example', 'hosting.example'", "python", "client", "server-hostname-mismatch", "2.7.9"},
		// strongSwan's checks; FTP servers wanting TLS; no system CAs;
		// FFmpeg and OBS built without TLS; an Erlang client option.
		{"10[CFG] constraint check failed: certificate does not confirm identity 'vpn.internal'(ID_FQDN)", "unknown", "client", "server-hostname-mismatch", "remote id"},
		{"10[CFG] no issuer certificate found for \"C=US, O=Example, CN=Issuing CA 1\"", "unknown", "client", "server-cert-untrusted", "rereadcacerts"},
		{"ftplib.error_perm: 550 SSL/TLS required on the data channel", "python", "client", "handshake-failed", "prot_p()"},
		{"ftp> 530 TLS required on the control channel", "unknown", "client", "handshake-failed", "--ssl-reqd"},
		{"[tls_client] failed to import certs from system store (GNUTLS_E_FILE_ERROR)", "unknown", "client", "server-cert-untrusted", "ca-certificates"},
		{"[in#0] https protocol not found, recompile FFmpeg with openssl, gnutls or securetransport enabled.", "unknown", "client", "handshake-failed", "-protocols"},
		{"error: RTMP_Connect1, no SSL/TLS support", "unknown", "client", "handshake-failed", "rtmps"},
		{"warning: RTMP_Connect1, TLS_Connect failed: -0x7680", "unknown", "client", "server-cert-untrusted", "ca-certificates.crt"},
		{"ldaps connect failed: {options,{option,fail_if_no_peer_cert,server_only}}", "unknown", "client", "handshake-failed", "otp"},
		{"vsftpd: 500 OOPS: SSL: cannot load RSA certificate", "unknown", "server", "cert-load-failed", "rsa_cert_file"},
		// OPC UA's own checks; Globus GSI's empty token.
		{"[Server] rejected: found self signed certificate with ca flag (urn:plant:hmi)", "unknown", "server", "verify-error", "basic constraints"},
		{"ActivateSession: the client's ApplicationURI did not match the certificate's subjectAltName", "unknown", "server", "verify-error", "applicationuri"},
		{"GSS Major Status: Authentication Failed; globus_gsi_gssapi: Error with GSS token: The input token has an invalid length of: 0", "unknown", "server", "handshake-failed", "/etc/grid-security/certificates"},
		// DoH stamps' pinned hashes; XRootD's GSI; NSS's own failure; a
		// client closing before TLS; SoftEther, OpenConnect, ProFTPD,
		// Schannel on old Windows, GLib, Pidgin; OPC UA's LDS.
		{"[2026-01-02 10:00:00] [ERROR] Certificate hash [00ff] not found for [example-doh]", "unknown", "client", "server-cert-untrusted", "public-resolvers.md"},
		{"secgsi_VerifyCA: CA certificate self-signed: integrity check failed (a1b2c3d4.0)", "unknown", "client", "server-cert-untrusted", "update-crypto-policies"},
		{`[ERROR] Run: [FATAL] Auth failed: No protocols left to try (source)`, "unknown", "client", "handshake-failed", "voms-proxy-info"},
		{"curl: (35) NSS error -8191 (SEC_ERROR_LIBRARY_FAILURE)", "curl", "client", "handshake-failed", "--tls-max 1.2"},
		{"OpenSSL::SSL::SSLError: SSL_accept SYSCALL returned=5 errno=0 state=error: before SSL initialization", "unknown", "server", "handshake-failed", "health check"},
		{"Error: The specified X509 certificate file does not contain a RSA 1024 bit or 2048 bit public key. SoftEther VPN software supports only RSA keys.", "unknown", "server", "cert-load-failed", "rsa:2048"},
		{`Certificate from VPN server "vpn.corp.example" failed verification.`, "unknown", "client", "server-cert-untrusted", "--servercert"},
		{"mod_tls/2.9: unable to accept TLS connection: (1) error:1427D0EA:SSL routines:construct_stateless_ticket:callback failed", "unknown", "server", "handshake-failed", "tlssessiontickets off"},
		{"System.Security.Authentication.AuthenticationException: A call to SSPI failed, see inner exception. ---> The function requested is not supported", "unknown", "client", "handshake-failed", "schusestrongcrypto"},
		{"xmpp.vala:120: TLS certificate errors: G_TLS_CERTIFICATE_BAD_IDENTITY", "unknown", "client", "server-hostname-mismatch", "subjectaltname"},
		{"(geary:4242): TLS errors: G_TLS_CERTIFICATE_UNKNOWN_CA", "unknown", "client", "server-cert-untrusted", "update-ca-certificates"},
		{"The certificate for chat.example.net could not be validated. The certificate chain presented is invalid.", "unknown", "client", "server-cert-untrusted", "ca-certs"},
		{"RegisterServer failed: BadCertificateUntrusted (0x801a0000)", "unknown", "server", "untrusted", "rejected"},
		{"curl: (35) OpenSSL/3.0.13: error:0A000126:SSL routines::unexpected eof while reading", "curl", "client", "handshake-failed", "-tls1_2"},
		// .NET's older trust words; Schannel without a code; IBM's JSSE;
		// no default CA paths; a key store alias; Java certificate parsing.
		{"System.Net.WebException: The underlying connection is closed: The trust relationship could not be established for the SSL/TLS secure channel.", "unknown", "client", "server-cert-untrusted", "certlm.msc"},
		{"curl: (35) schannel: next InitializeSecurityContext failed", "curl", "client", "handshake-failed", "--ssl-no-revoke"},
		{"javax.net.ssl.SSLHandshakeException: java.security.cert.CertPathValidatorException: The certificate issued by CN=Corp Issuing CA is not trusted; internal cause is: java.security.cert.CertPathValidatorException: Certificate chaining error", "java", "client", "server-cert-untrusted", "signer"},
		{"[ERROR] mysqld: SSL error: SSL_CTX_set_default_verify_paths failed", "unknown", "server", "cert-load-failed", "ssl-ca="},
		{"java.lang.IllegalStateException: Found no certificate alias matching 'server' in the provided aliases [mykey]", "unknown", "server", "cert-load-failed", "-changealias"},
		{"org.apache.kafka.common.errors.InvalidConfigurationException: PEM certificate provided does not contain -----BEGIN CERTIFICATE-----END CERTIFICATE----- delimiters", "unknown", "server", "cert-load-failed", "begin certificate"},
		{"java.security.cert.CertificateParsingException: java.io.IOException: Invalid encoding of BasicConstraints", "java", "client", "server-cert-untrusted", "asn1parse"},
		{"ssl.SSLError: SSL PEM lib (_ssl.c:4012)", "python", "client", "key-load-failed", "load_cert_chain"},
		{"relayd: tls_configure: private/public key mismatch", "unknown", "server", "key-mismatch", "sha256sum"},
		// A program's own words for a client certificate wanted, no cipher
		// or version in common, a SHA-1 signature refused.
		{"relay-agent: handshake with hub failed: hub requires a client certificate", "unknown", "server", "tls-alert", "certificate_required"},
		{"[warn] tunnel: no common cipher suites with peer 10.0.0.5", "unknown", "server", "handshake-failed", "cipher"},
		{"[warn] upstream refused: signature algorithm SHA1 not allowed by policy", "unknown", "server", "weak-signature", "sha-1"},
		// WinHTTP's and WinInet's security errors as HRESULTs.
		{"Windows Update encountered an unknown error. Error code 0x80072F8F", "unknown", "client", "handshake-failed", "w32tm"},
		{"Exception from HRESULT: 0x80072F19", "unknown", "client", "server-cert-untrusted", "-urlfetch"},
		{"WinHttpSendRequest failed: ERROR_WINHTTP_SECURE_CHANNEL_ERROR", "unknown", "client", "handshake-failed", "defaultsecureprotocols"},
		{"Install failed: 0x80072F05", "unknown", "client", "server-cert-expired", "w32tm"},
		// PHP's stream reset; a reset mid-transfer; Go and renegotiation.
		{"PHP Warning:  stream_socket_enable_crypto(): SSL: Connection reset by peer in /srv/app/vendor/mailer/SMTP.php on line 410", "unknown", "client", "handshake-failed", "smtpsecure"},
		{"fatal: unable to access 'https://git.example.com/repo.git/': OpenSSL SSL_read: Connection was reset, errno 10054", "curl", "client", "handshake-failed", "http.version"},
		{`Get "https://app.example.net/api": local error: tls: unexpected message`, "go", "client", "handshake-failed", "renegotiateonceasclient"},
		// pyOpenSSL's bare bad handshake; an old Go build's signatures.
		{"requests.exceptions.SSLError: bad handshake (pyopenssl)", "python", "client", "handshake-failed", "intermediate"},
		{`Cannot connect: x509: certificate signed by unknown authority (possibly because of "x509: cannot verify signature: algorithm unimplemented" while trying to verify candidate authority certificate "Example Root")`, "go", "client", "server-cert-untrusted", "md5"},
		// RouterOS's fetch; NetScaler's certkey; PyKMIP's server.
		{"status: failed failure: ssl connection error: handshake failed: unable to get local issuer certificate", "unknown", "client", "server-cert-untrusted", "/certificate import"},
		{"Nitro Exception::bind_ssl_vserver::errorcode=1540,message=Certificate does not exist", "unknown", "server", "cert-load-failed", "show ssl certkey"},
		{"2025-01-01 10:00:00,000 - kmip.server.session.00000007 - INFO - Failure running TLS handshake", "python", "server", "client-cert-rejected", "openssl verify"},
		// openssl 3 reading a key; Go's path length and SAN checks; Java's
		// suites and AEAD tag; PgJDBC against a server without TLS.
		{"req: Could not find private key from client.key", "unknown", "client", "key-load-failed", "-passin"},
		{`Get "https://int.example.net": x509: too many intermediates for path length constraint`, "go", "client", "server-cert-untrusted", "pathlen"},
		{"failed to load cluster CA: x509: SAN dNSName is malformed", "go", "client", "cert-load-failed", "ip:"},
		{"java.lang.IllegalArgumentException: Cannot support TLS_RSA_WITH_3DES_EDE_CBC_SHA with currently installed providers", "unknown", "server", "startup-failed", "disabledalgorithms"},
		{"Caused by: javax.crypto.AEADBadTagException: Tag mismatch!", "unknown", "server", "handshake-failed", "tag"},
		{"org.postgresql.util.PSQLException: The server does not support SSL.", "unknown", "client", "handshake-failed", "sslmode=require"},
		// conda; wget's untrusted words; rsyslog's peer checks; tls-crypt.
		{"CondaSSLError: Encountered an SSL error. Most likely a certificate verification issue.", "unknown", "client", "server-cert-untrusted", "ssl_verify"},
		{"ERROR: The certificate of 'mirror.example.org' is not trusted.", "unknown", "client", "server-cert-untrusted", "ca bundle"},
		{"rsyslogd: not permitted to talk to peer, certificate invalid: signer not found [v8.2102.0]", "unknown", "server", "verify-error", "defaultnetstreamdrivercafile"},
		{"rsyslogd: netstream session 0x55d0 from 192.0.2.9 will be closed due to error [v8.2102.0]", "unknown", "server", "handshake-failed", "plain tcp"},
		{"ovpn-server[811]: tls-crypt unwrap error: packet authentication failed", "unknown", "server", "handshake-failed", "tls-crypt"},
		// Traefik's missing secret; libldap's capitals.
		{`level=error msg="Error configuring TLS for ingress shop/web: secret shop/web-cert does not exist" providerName=kubernetes`, "go", "server", "cert-load-failed", "get certificate"},
		{"sssd[be]: Could not start TLS encryption. TLS: hostname does not match CN in peer certificate", "unknown", "client", "server-hostname-mismatch", "subjectaltname"},
		// SQL Server's name check; Android's reset handshake.
		{"Microsoft.Data.SqlClient.SqlException: A connection was successfully established with the server, but then an error occurred during the pre-login handshake. (provider: SSL Provider, error: 0 - The target principal name is incorrect.)", "unknown", "client", "server-hostname-mismatch", "sql server"},
		{"javax.net.ssl.SSLHandshakeException: SSL handshake aborted: ssl=0x9c1d: I/O error during system call, Connection reset by peer", "java", "client", "handshake-failed", "providerinstaller"},
		// nginx's full session cache; a client gone while nginx writes.
		{`2026/02/01 08:00:00 [alert] 12#12: *9 could not allocate new session in SSL session shared cache "SSL" while SSL handshaking, client: 192.0.2.4, server: 0.0.0.0:443`, "nginx", "server", "handshake-failed", "ssl_session_cache"},
		{"2026/02/01 08:00:00 [info] 12#12: *10 SSL_write() failed (104: Connection reset by peer) while sending to client, client: 192.0.2.4, server: shop.example.com", "nginx", "server", "handshake-failed", "harmless"},
		// HAProxy's bind ca-file; mod_ssl's SNI note.
		{"[ALERT] (7) : config : Proxy 'mtls-in': unable to configure CA file '/etc/haproxy/clients-ca.pem' for bind ':8443' at [/etc/haproxy/haproxy.cfg:12].", "haproxy", "server", "cert-load-failed", "haproxy -c"},
		{"[ssl:warn] [pid 9] AH02292: Init: Name-based SSL virtual hosts only work for clients with TLS server name indication support (RFC 4366)", "apache", "server", "routine-line", "-noservername"},
		// A side whose settings leave no version; verification turned off;
		// urllib3 2 on an old OpenSSL.
		{"ssl.SSLError: [SSL: NO_PROTOCOLS_AVAILABLE] no protocols available (_ssl.c:1000)", "python", "client", "handshake-failed", "minprotocol"},
		{"/usr/lib/python3/dist-packages/urllib3/connectionpool.py:1045: InsecureRequestWarning: Unverified HTTPS request is being made to host '10.0.0.8'.", "python", "client", "routine-line", "verify="},
		{"ImportError: urllib3 v2 only supports OpenSSL 1.1.1+, currently the 'ssl' module is compiled with 'OpenSSL 1.0.2k-fips  26 Jan 2017'.", "python", "client", "handshake-failed", "urllib3<2"},
		// Dovecot's key and certificate settings; msmtp; a program's own
		// "verification error:" is not node's "Error:".
		{"doveconf: Fatal: Couldn't parse private ssl_key: error:1E08010C:DECODER routines::unsupported: Maybe ssl_key_password is missing?", "unknown", "server", "key-load-failed", "ssl_key_password"},
		{"Error: SSL: Can't load SSL certificate (ssl_cert setting): There is no valid PEM certificate.", "unknown", "server", "cert-load-failed", "ssl_cert"},
		{"msmtp: TLS certificate verification failed: the certificate hasn't got a known issuer", "unknown", "client", "server-cert-untrusted", "tls_trust_file"},
		{"poller: Server certificate verification error: unable to get local issuer certificate", "unknown", "client", "server-cert-untrusted", "ca"},
		// A static build's CA path; libcurl's 35 for implicit FTPS.
		{"[tls @ 0x7f0a] error:0A000086:SSL routines::certificate verify failed", "unknown", "client", "server-cert-untrusted", "ssl_cert_file"},
		{"player: CCurlFile::Open - ftps://nas.local/music failed with code 35: SSL connect error", "curl", "client", "handshake-failed", "ftpes://"},
		// A verify result cut short by the paste.
		{"sync job: TLS handshake failed: unable to get local issuer certif", "unknown", "client", "server-cert-untrusted", "intermediate"},
		// A program's own "certificate verification failed".
		{"uploader: Remote certificate verification failed.", "unknown", "client", "server-cert-untrusted", "intermediate"},
		// OpenSSL's own failure in the TLS engine.
		{"2026/01/05 09:00:00 [crit] 8#8: *4 SSL_do_handshake() failed (SSL: error:0A0C0103:SSL routines::internal error) while SSL handshaking, client: 192.0.2.3, server: 0.0.0.0:443", "nginx", "server", "handshake-failed", "openssl version -a"},
		{`2026/01/05 09:00:00 [error] 8#8: *4 SSL_read() failed (SSL: error:0A000126:SSL routines::unexpected eof while reading) while reading upstream, client: 192.0.2.3, server: shop, request: "GET / HTTP/1.1", upstream: "https://10.0.0.4:8443/"`, "nginx", "client", "handshake-failed", "server closed"},
		// The docker CLI without its TLS files.
		{`Could not read CA certificate "/home/dev/.docker/machine/certs/ca.pem": open /home/dev/.docker/machine/certs/ca.pem: no such file or directory`, "go", "client", "cert-load-failed", "docker_tls_verify"},
		// curl's HTTP/0.9 refusal: TLS bytes on an http:// URL.
		{"scrape check: curl: (1) Received HTTP/0.9 when not allowed", "curl", "client", "plain-http", "https://"},
		// ESP-IDF's and the ESP8266's clients.
		{"E (2211) esp-tls-mbedtls: Failed to verify peer certificate!", "unknown", "client", "server-cert-untrusted", "esp_crt_bundle_attach"},
		{"[MQTT] BSSL:Couldn't connect. Error = 'Unknown error code.'", "unknown", "client", "handshake-failed", "setinsecure"},
		// Java's PKIX signature check.
		{"Caused by: java.security.cert.CertPathValidatorException: signature check failed", "java", "client", "bad-signature", "authority key"},
		// n8n's own advice.
		{"NodeApiError: SSL Issue: consider using the 'Ignore SSL issues' option", "unknown", "client", "server-cert-untrusted", "node_extra_ca_certs"},
		// A directory where a file belongs; PKCS#12 read from PEM.
		{"Error: EISDIR: illegal operation on a directory, read at Object.readFileSync (node:fs:441:20)", "node", "client", "cert-load-failed", "ls -ld"},
		{`ErrorStack([Error { code: 0, library: "asn1 encoding routines", reason: "wrong tag", data: "Type=PKCS12" }])`, "unknown", "server", "cert-load-failed", "openssl pkcs12 -export"},
		// Logic Apps' PFX; Wazuh's authd; Go 1.10.0's dnsName check.
		{"BadRequest. Could not load the certificate private key. Please check the authentication certificate password is correct and try again.", "unknown", "client", "cert-load-failed", "pbe-sha1-3des"},
		{"2024/05/06 07:08:09 wazuh-authd: ERROR: SSL error. Exiting.", "unknown", "server", "startup-failed", "sslmanager.key"},
		{`error loading CA bundle: x509: cannot parse dnsName "Cluster Root"`, "go", "client", "cert-load-failed", "1.10.1"},
		// NSS's curl given OpenSSL's cipher names.
		{"fetch failed: (59) Unknown cipher in list: HIGH:!aNULL", "unknown", "client", "handshake-failed", "libcurl-openssl"},
		// A program naming the server it negotiates with.
		{"pusher: Could not negotiate TLS encryption with gateway: sslv3 alert handshake failure", "unknown", "client", "tls-alert", ""},
		// Apple's push service refusing a push certificate; the sender
		// refusing APNs' own certificate stays the client's trust story.
		{"push worker: POST https://api.sandbox.push.apple.com/3/device/ab12: remote error: tls: certificate expired", "go", "client", "client-cert-rejected", "restart the sender"},
		{"apns: connection to gateway.push.apple.com:2195 closed during the SSL handshake", "unknown", "client", "client-cert-rejected", "developer portal"},
		{"send to gateway.push.apple.com failed: SSL_connect: certificate verify failed", "unknown", "client", "server-cert-untrusted", ""},
		{"apns: load push certificate: tls: failed to find any PEM data in certificate input", "go", "server", "cert-load-failed", ""},
		// The server's key-exchange signature, checked by the client.
		{"error:1408D07B:SSL routines:ssl3_get_key_exchange:bad signature", "unknown", "client", "handshake-failed", "static rsa"},
		// apt told of an alert by a repository.
		{"E: Failed to fetch https://pkgs.example.net/dists/stable/Release  Could not handshake: A TLS fatal alert has been received. [IP: 198.51.100.9 443]", "unknown", "client", "tls-alert", "repository"},
		// BearSSL's pinned fingerprint and missing server check.
		{"[WS] BSSL:insecure_end_chain: Received cert FP doesn't match", "unknown", "client", "server-cert-untrusted", "-fingerprint -sha1"},
		{"BSSL:_connectSSL: Connection *will* fail, no authentication method is setup", "unknown", "client", "handshake-failed", "settrustanchors"},
		// Teleport's probe of its tunnel port.
		{`level=info msg="Failed to ping web proxy \"tp.example.org:3024\"" error="Get \"https://tp.example.org:3024/webapi/find\": tls: first record does not look like a TLS handshake"`, "go", "client", "routine-line", "proxy_server"},
		// Go's asn1 on a key in the other form; a .p12 refused.
		{"cannot load TLS key /etc/app/tls.key: asn1: structure error: tags don't match (16 vs {class:0 tag:2 length:1 isCompound:false})", "unknown", "server", "key-load-failed", "pkcs8 -topk8"},
		{"Import failed: PKCS12 data wrong password (cert.p12)", "unknown", "server", "bad-passphrase", "-legacy"},
		// Wazuh's authd without its certificate.
		{"2024/03/04 05:06:07 wazuh-authd: ERROR: Unable to read private key file (not found): etc/sslmanager.key", "unknown", "server", "startup-failed", "openssl req -x509"},
		// Rocket's TLS files; the registry story stays out of helm's and
		// a webhook's calls.
		{"vaultwarden  | Error: I/O error while setting tls.key:", "unknown", "server", "cert-load-failed", "inside the container"},
		{`failed calling webhook "v.example.io": failed to call webhook: Post "https://wh.ns.svc:443/validate?timeout=10s": tls: failed to verify certificate: x509: certificate signed by unknown authority`, "go", "client", "server-cert-untrusted", "cabundle"},
		// Java's simple validator; pgjdbc's root certificate; lxc without
		// its certificate; a program's own key pins.
		{"Caused by: sun.security.validator.ValidatorException: No trusted certificate found", "java", "client", "server-cert-untrusted", "keytool -importcert"},
		{"org.postgresql.util.PSQLException: Loading the SSL root certificate /etc/app/root.crt into a TrustManager failed.", "unknown", "client", "cert-load-failed", "sslrootcert"},
		{"$ lxc remote add lab https://10.0.3.1:8443\nError: Missing TLS client certificate and key", "unknown", "client", "cert-load-failed", "client.crt"},
		{"registration failed: java.security.cert.CertificateException: No valid public key found in certificate chain.", "java", "client", "server-cert-untrusted", "inspection"},
		// An OpenSSL error-queue entry pasted without its "error:": a
		// client's, as the whole entry is.
		{"14094418:SSL routines:ssl3_read_bytes:tlsv1 alert unknown ca:SSL alert number 48", "unknown", "client", "tls-alert", ""},
		// An empty SSL_CERT_DIR set by an environment; an AI CLI's words.
		{"  WARN ignoring `SSL_CERT_DIR`: no certificates found in /home/dev/proj/.env/ssl/certs", "unknown", "client", "server-cert-untrusted", "unset ssl_cert_file"},
		{"Unable to connect to API: SSL certificate verification failed. Check your network settings", "unknown", "client", "server-cert-untrusted", "node_extra_ca_certs"},
		// Mbed TLS's debug lines name their side's source file.
		{"lib/mbedtls/library/ssl_srv.c:4102: mbedtls_pk_verify() returned -19968 (-0x4e00)", "unknown", "server", "mbedtls-error", ""},
		{"mbedtls/library/ssl_tls13_client.c:2011: mbedtls_pk_verify() returned -19968 (-0x4e00)", "unknown", "client", "mbedtls-error", ""},
		// z/OS System SSL's return codes in CICS's and XCOM's words; SAP's
		// ICM and HANA client; IBM's driver loading GSKit.
		{"DFHSO0123 CICSA Return code 435 received from function gsk_secure_socket_init. Peer 10.1.1.5", "unknown", "client", "server-cert-untrusted", "setropts raclist"},
		{"XCOMM1510E System SSL: gsk_secure_socket_init:RC = 401: Reason = Certificate is expired or is not valid yet", "unknown", "client", "server-cert-expired", "listring"},
		{"DFHSO0223 CICSB Return code 701 received from function gsk_attribute_set_enum", "unknown", "server", "startup-failed", "ptfs"},
		{"DFHSO0123 CICSC Return code 402 received from function gsk_secure_socket_init", "unknown", "server", "handshake-failed", "ciphers attribute"},
		{"SM59 connection test: SSL handshake with api.example.org:443 failed: SSSLERR_SSL_READ (-58)", "unknown", "client", "handshake-failed", "client_sni_enabled"},
		{"hdbsql: * -10709: Connection failed: only secure connections are allowed", "unknown", "client", "plain-http", "encrypt=true"},
		{"hdbsql: SSL trust store cannot be found: C:\\Users\\app\\.ssl\\trust.pem", "unknown", "client", "server-cert-untrusted", "ssltruststore"},
		{"ibm_db.connect: SQL1109N failed to load gsk8ssl_64.so while opening an SSL connection", "unknown", "client", "startup-failed", "search path"},
		// Web servers and proxies refusing their own TLS set-up.
		{"2025/01/01 10:00:00| FATAL: No valid signing certificate configured for https_port [::]:3129", "unknown", "server", "startup-failed", "keycertsign"},
		{"2025-01-01 10:00:00: (plugin.c.195) dlopen() failed for: /usr/lib/lighttpd/mod_gnutls.so cannot open shared object file", "unknown", "server", "startup-failed", "lighttpd-mod-openssl"},
		{"Import failed: A root or intermediate certificate cannot be used as a Web server's SSL certificate.", "unknown", "server", "cert-load-failed", "pkcs12 -export"},
		{"Caused by: IllegalStateException: No SNI Key managers when SNI is required at org.eclipse.jetty.util.ssl.SslContextFactory", "java", "server", "startup-failed", "snirequired"},
		{"[ ERROR ] Could not start server: NIOSSLError.failedToLoadPrivateKey", "unknown", "server", "key-load-failed", "format: .pem"},
		{"Errno::EACCES: Permission denied @ rb_sysopen - /etc/gitlab/ssl/server.key", "unknown", "server", "key-load-failed", "selinux"},
		{"10/01/25 09:00:00.000 ERROR TLS: Local certificate chain '/etc/freeDiameter/mme.cert.pem' is invalid : The certificate has expired", "unknown", "server", "cert-load-failed", "make_certs"},
		{"ERROR:tls_wolfssl:load_ca_dir: unable to load ca directory '/usr/share/ca-certs'", "unknown", "client", "cert-load-failed", "ca_list"},
		// Media over DTLS (WebRTC, SIP servers and relays).
		{"onerror: Called with SDP without DTLS fingerprint (setRemoteDescription, answer from the PBX)", "unknown", "client", "handshake-failed", "a=fingerprint"},
		{"[core] SRTCP output wanted, but no crypto suite was negotiated (callee leg)", "unknown", "server", "handshake-failed", "log-level"},
		{"dtls: handshake failed: error:1413C138:SSL routines:DTLS1_CHECK_TIMEOUT_NUM:read timeout expired (peer 203.0.113.5:50000)", "unknown", "client", "handshake-failed", "mtu"},
		{"pjsua: ssl0x55aa Error reading CA certificates from buffer (transport tls)", "unknown", "server", "routine-line", "ca_list_file"},
		// Clients of less common runtimes and libraries.
		{"akka.stream.StreamTcpException: Hostname verification failed! Expected session to be for api.internal", "unknown", "client", "server-hostname-mismatch", "alternative name"},
		{"check failed: zosmf.internal doesn't match any of the certificate common name and subject alternate name(s)", "unknown", "client", "server-hostname-mismatch", "wildcard"},
		{"grpc: Handshake failed with fatal error SSL_ERROR_SSL: error:0400006b:RSA routines:OPENSSL_internal:BLOCK_TYPE_IS_NOT_01 (peer orc.example.net:443)", "unknown", "client", "bad-signature", "openssl verify -cafile"},
		{`HttpExceptionRequest (HandshakeFailed (Error_Protocol ("certificate rejected: [NameMismatch \"api.example\"]",True,CertificateUnknown)))`, "unknown", "client", "server-hostname-mismatch", "alternative name"},
		{`Unhandled CL+SSL:SSL-ERROR-VERIFY in thread #<SB-THREAD:THREAD "main">`, "unknown", "client", "server-cert-untrusted", ":ca-path"},
		{"ktor client failed: TLSException: Unsupported TLS handshake type CertificateRequest (irc.example.net:6697)", "unknown", "client", "handshake-failed", "okhttp"},
		{"HttpRequestError: SSL support is not available. Cannot connect over SSL. Compile with -d:ssl to enable.", "unknown", "client", "startup-failed", "nim c"},
		{"could not import: EVP_MD_CTX_create", "unknown", "client", "startup-failed", "openssl 3"},
		{"JDBC: 254007: The certificate is revoked or could not be validated (account xy12345)", "unknown", "client", "server-cert-untrusted", "certifi"},
		// Clients' messages cut where a console wrapped them.
		{"Invoke-WebRequest : The request was aborted: Could not create SSL/TLS secure", "unknown", "client", "handshake-failed", "tls 1.2"},
		{"Error: Client network socket disconnected before secure TLS connection was est", "node", "client", "handshake-failed", "access list"},
		// Certificates checked outside TLS's own checks: a Go program's
		// callback, an update bundle's signature; iPXE asked for a client
		// certificate; a client's log of a server certificate it lacks.
		{`E[2024-01-01|10:00:00] VerifyPeerCertificate failed  err="lookup of client certificate in registry failed: 503"`, "unknown", "server", "handshake-failed", "look-up"},
		{"rauc: bundle check: signature verification failed: Verify error:unable to get issuer certificate", "unknown", "client", "verify-error", "keyring"},
		{"TLS 0x1234abcd could not find certificate corresponding to private key (server asked for one)", "unknown", "client", "no-client-cert", "ssl_verify_client off"},
		{`level=error msg="Failed to Load the Server certificate. Err SSL errors: none"`, "go", "client", "routine-line", "servercertificate"},
		{"HTTP Error 403.7 - Forbidden: the page requires a client certificate (client certificate required)", "unknown", "server", "no-client-cert", ".pfx"},
		{"Collaboration invitation: Failed to validate SSL certificate for https://gis2.example.net/portal. The certificate authority needs to be trusted by Portal first.", "unknown", "client", "server-cert-untrusted", "import root or intermediate"},
		{"2024-05-01 10:00:00: (mod_openssl.c.500) SSL: couldn't read private key from '/etc/lighttpd/server.pem'", "unknown", "server", "key-load-failed", "lighttpd"},
		// A client that says only that its handshake failed (Qt's words).
		{"Sync error: Network error: SSL handshake failed (https://cloud.example.org/remote.php)", "unknown", "client", "handshake-failed", "system's store"},
		// Another program's "tls: " before OpenSSL's error queue: not Go's.
		{"mqtt: tls: error:0A000410:SSL routines::sslv3 alert handshake failure (broker.example.net:8883)", "unknown", "client", "tls-alert", "client certificate"},
		// The *arr applications judging the services they call; SABnzbd's own
		// files; Mono's old TLS; the ESP32's WiFiClientSecure; Tomcat's plain
		// HTTP answer; libcurl's old code 51; PHP's LDAP bind; axTLS's alert.
		{"2024-2-1 10:00:00.1|Warn|X509CertificateValidationService|Certificate validation for https://nas.lan:9090/sabnzbd/api failed. RemoteCertificateChainErrors", "unknown", "client", "server-cert-untrusted", "disabled for local addresses"},
		{"X509CertificateValidationPolicy https://10.1.1.5:8080 uses the obsolete md5 hash in its https certificate", "unknown", "client", "weak-signature", "sha-256"},
		{"2024-01-01 10:00:00,000::WARNING::[SABnzbd:999] Disabled HTTPS because of invalid CERT and KEY files", "unknown", "server", "cert-load-failed", "privkey.pem"},
		{"Failed to get response from: https://example.org/update.tar.gz Error: SendFailure (Error writing headers)", "unknown", "client", "handshake-failed", "mono"},
		{"[E][WiFiClientSecure.cpp:135] connect(): start_ssl_client: -1", "unknown", "client", "handshake-failed", "setinsecure"},
		{"HTTP Status 400 - Bad Request. This combination of host and port requires TLS.", "unknown", "server", "plain-http", "https://"},
		{"Fetch failed: SSL peer certificate or SSH remote key was not OK (51) for https://10.0.0.9:32400/", "curl", "client", "server-hostname-mismatch", "subjectaltname"},
		{"PHP Warning:  ldap_bind(): Unable to bind to server: Can't contact LDAP server in /var/www/app/ldap.php on line 12", "unknown", "client", "handshake-failed", "ldaps://"},
		{"Alert: alert - (unknown 112)", "unknown", "client", "tls-alert", "proxy_ssl_server_name"},
		// A PHP ssl:// stream to an HTTPS server; Chrome's words in full; a
		// solar gateway named Envoy (no envoy proxy); Ruby's reset; Mono
		// without TLS; .NET Core's immutable certificate; a board's failed
		// handshake; Java on unrecognized_name.
		{"Update check failed: Could not connect to ssl://updates.example.org:443 (0)", "unknown", "client", "server-cert-untrusted", "openssl.cafile"},
		{"The client and server don’t support a common SSL protocol version or cipher suite.", "unknown", "client", "handshake-failed", "ssl-enum-ciphers"},
		{"[homebridge-enphase-envoy] Device: 10.0.0.7 Envoy-S, production error: Error: self-signed certificate, retry in 60s", "unknown", "client", "server-cert-untrusted", "self-signed"},
		{"Fetching source index failed: Errno::ECONNRESET: Connection reset by peer - SSL_connect (https://gems.example.org/specs.4.8.gz)", "unknown", "client", "handshake-failed", "mirror"},
		{"Search failed: Error: ConnectFailure (TLS Support not available.): 'https://indexer.example/api'", "unknown", "client", "handshake-failed", "mono"},
		{"Unable to start Kestrel: X509Certificate is immutable on this platform. Use the equivalent constructor instead.", "unknown", "server", "cert-load-failed", "release"},
		{"Traceback (most recent call last): OSError: Failed SSL handshake", "python", "client", "handshake-failed", "firmware"},
		{"javax.net.ssl.SSLProtocolException: handshake alert: unrecognized_name", "java", "client", "tls-alert", "jsse.enablesniextension"},
		// PostgreSQL's hostssl refusal in its own log, and relayed by a
		// client; mod_ssl proxying to a backend that wants a certificate.
		{`2024-03-03 10:00:00.000 UTC [4711] FATAL:  no pg_hba.conf entry for host "10.9.8.7", user "svc", database "svc", no encryption`, "unknown", "server", "handshake-failed", "sslmode"},
		{`worker crashed: OperationalError: no pg_hba.conf entry for host "10.9.8.7", user "svc", database "svc", no encryption`, "unknown", "client", "handshake-failed", "sslmode"},
		{"[ssl:warn] AH02268: Proxy client certificate callback: (backend.example:8443) downstream server wanted client certificate but none are configured", "apache", "client", "no-client-cert", "sslproxymachinecertificatefile"},
		// Caddy's staple; a path that is a directory; OkHttp's name check;
		// OpenSSL 1.0's method on 1.1; Perl's verify-mode warning; MySQL
		// without TLS; Wazuh's enrolment; Appwrite's ACME address; libraries
		// that do not load; GnuTLS's words with a terminal's spaces; a
		// Traefik plugin's own client.
		{"Jun  1 10:00:00 edge caddy[812]: 2019/06/01 10:00:00 [WARNING] Stapling OCSP: unable to write OCSP staple file for [vault.example.org]: open /etc/caddy/ocsp/vault: permission denied", "unknown", "client", "stapling-failed", "chown"},
		{`level=fatal msg="loading TLS config" err="read /etc/app/tls/ca.crt: is a directory"`, "go", "server", "cert-load-failed", "subpath"},
		{"Error: Hostname files.example.org not verified. certificate: sha256/AAAA= DN: CN=files.example.org", "unknown", "client", "server-hostname-mismatch", "common name"},
		{"Error creating SSL context (error:140A90C4:SSL routines:func(169):reason(196))", "unknown", "client", "handshake-failed", "ldd"},
		{"Using the default of SSL_verify_mode of SSL_VERIFY_NONE for client is deprecated! Please set SSL_verify_mode to SSL_VERIFY_PEER", "unknown", "client", "routine-line", "ssl_verify_peer"},
		{"Connection test failed: Error: Server does not support secure connection", "unknown", "client", "handshake-failed", "have_ssl"},
		{"2024/02/02 09:00:00 wazuh-authd: ERROR: SSL Error (-1)", "unknown", "server", "handshake-failed", "ossec.log"},
		{"Cannot renew domain (files.example.org) on attempt no. 2 certificate: You must set a valid security email address (_APP_EMAIL_CERTIFICATES) to issue an SSL certificate.", "unknown", "server", "startup-failed", "_app_email_certificates"},
		{"[10:00:00.000] main:120 Cannot load SSL libraries", "unknown", "server", "handshake-failed", "ldd"},
		{"fatal: unable to access 'https://git.example.org/x.git/': server certificate        verification failed. CAfile: /etc/ssl/certs/ca-certificates.crt CRLfile: none", "curl", "client", "server-cert-untrusted", "ca-certificates.conf"},
		{`INFO: MyBouncerTraefikPlugin: fetching https://lapi:8080/v1/decisions failed: tls: failed to verify certificate: x509: certificate signed by unknown authority`, "go", "client", "server-cert-untrusted", "rootcas"},
		// Web pages' typographic apostrophes read as the plain one.
		{"Error 526: the origin’s certificate couldn’t be validated and the client and server don’t support a common SSL protocol version or cipher suite", "unknown", "client", "handshake-failed", "ssl-enum-ciphers"},
		// Laminas' socket adapter; PHP's IMAP name check; CiviCRM's CA file;
		// Zammad's SAML check; StartTLS on the LDAPS port; slapd's failed
		// handshake; Java pinned below a TLS 1.3-only server.
		{`Unable to enable crypto on TCP connection api.example.org: make sure the "sslcafile" or "sslcapath" option are properly set for the environment.`, "unknown", "client", "server-cert-untrusted", "openssl.cafile"},
		{"imap_open(): Couldn't open stream {mail.example.org:993/imap/ssl}. Certificate failure for mail.example.org: Server name does not match certificate: /CN=*.hoster.example", "unknown", "client", "server-hostname-mismatch", "novalidate-cert"},
		{`Exception: "Certificate Authority file is too old. Please contact the system administrator."`, "unknown", "client", "server-cert-untrusted", "openssl.cafile"},
		{"E, [2025-01-01T10:00:00.000000 #1] ERROR -- : SAML: TLS verification failed for 'https://sso.example.org/realms/x/protocol/saml': 400 Bad Request", "unknown", "client", "server-cert-untrusted", "curl -sv"},
		{"LDAP error: TLS could not be started: Can't contact LDAP server", "unknown", "client", "handshake-failed", "389"},
		{"Jan  5 10:00:00 dir slapd[512]: conn=1044 fd=14 closed (TLS negotiation failure)", "unknown", "server", "handshake-failed", "starttls"},
		{"javax.net.ssl.SSLHandshakeException: Received fatal alert: protocol_version", "java", "client", "handshake-failed", "tlsv1.3"},
		// Windows' HTTP stack by its numbers and words; PHP's words for
		// another host's certificate; Akka reading a ClientHello as a
		// method; Postfix's policy, DANE and DH lines; z/OS key rings;
		// CryptoAPI's signature words (not node's TLSSocket); an API
		// refusing TLS 1.0; Zig; an RSA-only key parser; OpenSSL bindings
		// that find no library; Fast DDS without security; OpenSMTPD's
		// sessions are its server's; NSS's words for a broken staple; a
		// webhook's certificate without names.
		{"WinHttpRequest failed: (12175) A security error occurred", "unknown", "client", "handshake-failed", "w32tm"},
		// CAs are read to trust a peer (mostly a client's).
		{"E [tls.c:100:setup] 0-app: could not load CA list", "unknown", "client", "cert-load-failed", "crl2pkcs7"},
		{"agent: enrollment failed: (60) SSL peer certificate or SSH remote key was not OK: SSL: no alternative certificate subject name matches target ipv4 address '10.0.0.5'.", "curl", "client", "server-hostname-mismatch", "subjectaltname"},
		{"Update check failed: an error occurred in the secure channel support", "unknown", "client", "handshake-failed", "kb3140245"},
		{"HTTP client error: (12030) The connection with the server was terminated abnormally", "unknown", "client", "handshake-failed", "kb3140245"},
		{"Failed to download https://repo.example.org/index.json: Peer certificate CN=`cdn.example.net' did not match expected", "unknown", "client", "server-hostname-mismatch", "another site's certificate"},
		{"Illegal request, responding with status '400 Bad Request': Unsupported HTTP method: HTTP method too long (started with 'ÿþ¤')", "unknown", "server", "plain-http", "http://"},
		{`postfix/smtp[11]: warning: smtp_tls_policy_maps, next-hop destination "example.net": invalid attribute name: "servername"`, "unknown", "client", "handshake-failed", "require_sni"},
		{"postfix/smtp[12]: warning: TLS policy lookup for example.net/mx1.example.net: client TLS configuration problem", "unknown", "client", "handshake-failed", "mail.log"},
		{"postfix/smtp[13]: 4Xyz: to=<a@example.net>, relay=none, delay=5, dsn=4.7.5, status=deferred (non DNSSEC destination)", "unknown", "client", "handshake-failed", "dane"},
		{"postfix/smtpd[14]: warning: cannot load 2048-bit DH parameters from file /etc/postfix/dh2048.pem -- using compiled-in defaults", "unknown", "server", "cert-load-failed", "dhparam"},
		{"IRRSDL00 R_datalib call failed: SAF rc 8, RACF rc 8, RACF rsn 8", "unknown", "server", "cert-load-failed", "rdatalib"},
		{"[ERROR] check failed [Main.Fetch, cTlsSocket.pvCheckCert]: The certificate or one of the certificates in the certificate chain does not have a valid signature", "unknown", "client", "bad-signature", "ecdsa"},
		{`{"error": {"message": "Our API no longer supports API requests made with TLS 1.0. Use TLS 1.2."}}`, "unknown", "client", "handshake-failed", "tls12"},
		{"error: TlsInitializationFailed", "unknown", "client", "handshake-failed", "tls 1.3"},
		{"thread 'main' panicked at src/tls.rs:10:5: assertion failed: !rsa_keys.is_empty()", "unknown", "server", "key-load-failed", "pkcs8"},
		{"Exception: ESSL: Failed to create SSL context", "unknown", "client", "handshake-failed", "ldconfig"},
		{"cannot create participant: This Fast DDS version doesn't have the security libraries", "unknown", "server", "startup-failed", "-dsecurity=on"},
		{`Mar 3 10:00:00 mx smtpd[77]: 0123abcd smtp disconnected reason="io-error: error:141F0006:SSL routines:tls_construct_cert_verify:EVP lib"`, "unknown", "server", "handshake-failed", "ecdsa"},
		{"Secure Connection Failed: The response from the OCSP server was corrupted or improperly formed.", "browser", "client", "stapling-failed", "-status"},
		{`failed calling webhook "v.example.io": failed to call webhook: Post "https://wh.ns.svc:443/v": tls: failed to verify certificate: x509: certificate is not valid for any names, but wanted to match wh.ns.svc`, "go", "client", "server-cert-untrusted", "peerauthentication"},
		// A Go client held to TLS 1.3; Nebula's own certificate; a
		// libwebsockets server without a client CA (harmless); NetBird's
		// relay; Netdata's child; IBM HTTP Server's SSL0222W; MailKit; a
		// default CA path of a server's outgoing client.
		{`level=error msg="poll failed" error="Get \"https://mgr.example.org:9443/api\": tls: server selected unsupported protocol version 303"`, "go", "client", "handshake-failed", "minversion"},
		{`level=fatal msg="failed to start" error="nebula certificate for this host is expired"`, "go", "server", "server-cert-expired", "nebula-cert print"},
		{"E: lws_context_init_server_ssl: SSL_CTX_load_verify_locations unhappy", "unknown", "server", "startup-failed", "harmless"},
		{"FATL relay: cannot listen: valid TLS config is required for QUIC listener", "unknown", "server", "startup-failed", "nb_tls_cert_file"},
		{"STREAM: SSL RFC4158 check: invalid certificate, result 20", "unknown", "client", "server-cert-untrusted", "capath"},
		{"[error] SSL0222W: SSL Handshake Failed, No ciphers specified (no shared ciphers or no shared protocols). [192.0.2.7:50122 -> 192.0.2.1:443]", "unknown", "server", "handshake-failed", "tls 1.0"},
		{"MailKit.Security.SslHandshakeException: An error occurred while attempting to establish an SSL or TLS connection.", "unknown", "client", "handshake-failed", "starttls"},
		{"cannot build the HTTPS client: failed to read HTTPS client CA certificate file ./certs/ca.pem: No such file or directory (os error 2)", "unknown", "client", "server-cert-untrusted", "default path"},
		// Azure's PostgreSQL in the words its MySQL shares; c-client's
		// certificate failure.
		{"main.go:40: cannot open database: pq: SSL connection is required. Please specify SSL options and retry.", "go", "client", "handshake-failed", "sslmode=require"},
		{"imap_open(): Couldn't open stream {mail.example.org:993/imap/ssl}INBOX: Certificate failure for mail.example.org: (null): /CN=mail.example.org", "unknown", "client", "server-cert-untrusted", "novalidate-cert"},
		// Go known by its source file; an entry's side still tells the role.
		{"ERRO server/main.go:88: cannot start: valid TLS config is required for QUIC listener", "go", "server", "startup-failed", "nb_tls_cert_file"},
		// curl on GnuTLS naming no CA file: the system's trust, or none.
		{"player: CURL failed: server certificate verification failed. CAfile: none CRLfile: none", "curl", "client", "server-cert-untrusted", "slim container image"},
		// Delphi's Indy refused for its TLS version.
		{"EIdOSSLConnectError: Error connecting with SSL. error:1409442E:SSL routines:ssl3_read_bytes:tlsv1 alert protocol version", "unknown", "client", "handshake-failed", "sslversions"},
		// Remote Desktop (CredSSP, NLA, 0x2104, close_notify), uvicorn, LDAPS
		// resets, Mono, PKCS#11 keys, NPS, Ollama, lnd, Fabric, QuickBooks, Ktor.
		{"mstsc: authentication error; this could be due to CredSSP encryption oracle remediation (host ts01)", "unknown", "client", "handshake-failed", "allowencryptionoracle"},
		{"[ERROR][com.freerdp.core.nla] - nla_recv_pdu: error:0A000438:SSL routines::tlsv1 alert internal error", "unknown", "client", "handshake-failed", "/sec:tls"},
		{"Remote Desktop: a protocol error (code 0x2104) was detected, disconnecting from 10.0.0.5", "unknown", "client", "handshake-failed", "xrdp.log"},
		{"[WARN][com.freerdp.core.transport] - ssl alert received (where=16392, ret=256 [warning, close notify])", "unknown", "client", "handshake-failed", "harmless"},
		{"2025-01-02 10:00:00 WARNING:  Invalid HTTP request received.", "unknown", "server", "handshake-failed", "--ssl-certfile"},
		{"ldap3.core.exceptions.LDAPSocketOpenError: socket ssl wrapping error: [Errno 104] Connection reset by peer", "unknown", "client", "handshake-failed", "ldaps"},
		{"Mono.Security.Protocol.Tls.TlsException: Invalid certificate received from server. Error code: 0xffffffff800b0109", "unknown", "client", "server-cert-untrusted", "cert-sync"},
		{"openvpn: token signing failed: error:020000B3:rsa routines::missing private key (pkcs11)", "unknown", "client", "key-load-failed", "pkcs11-helper"},
		{"Reason: Authentication failed due to a user credentials mismatch. Either the user name provided does not map to an existing user account or the password was incorrect. (EAP-TLS, host vpn01)", "unknown", "server", "client-cert-rejected", "rsa-pss"},
		{"Reason:   The message received was unexpected or badly formatted. (PEAP, NPS01)", "unknown", "server", "handshake-failed", "sendtrustedissuerlist"},
		{"Error: pull model manifest: Get \"https://registry.example.com/v2/library/llama3/manifests/latest\": tls: failed to verify certificate: x509: certificate signed by unknown authority", "go", "client", "server-cert-untrusted", "ollama serve"},
		{"[lncli] unable to connect: tls: handshake failure (tlscertpath ~/.lnd/tls.cert)", "go", "client", "server-cert-untrusted", "tlscertpath"},
		{"orderer: cannot start cluster: client certificate isn't in PEM format (General.Cluster)", "unknown", "client", "cert-load-failed", "clientcertificate"},
		{"QuickBooks SDK: Checking TLS 1.2 version failed, TLSv1.3 reported", "unknown", "client", "handshake-failed", "composer update"},
		{"kotlin.IllegalStateException: TLS sessions are not supported on Native platform. (HttpClient(CIO))", "unknown", "client", "handshake-failed", "darwin"},
		{"curl: (60) SSL: certificate subject name 'node1' does not match target hostname 'api.example.com'", "curl", "client", "server-hostname-mismatch", "subjectaltname"},
		{"SSL: subjectAltName(s) do not match api.example.com", "unknown", "client", "server-hostname-mismatch", "sni"},
		{"PHP Warning: curl error: security library failure.", "curl", "client", "handshake-failed", "tls 1.3"},
		// GnuTLS's -10: a session an earlier error ended.
		{"daemon[42]: read failed: GnuTLS error -10: The specified session has been invalidated for some reason.", "unknown", "client", "handshake-failed", "first error"},
		// Matrix federation: another homeserver's certificate.
		{"2024-05-01 10:00:00,000 - synapse.http.matrixfederationclient - 700 - WARNING - PUT-1 - {PUT-O-1} [remote.example] Request failed: OpenSSL.SSL.Error: [('SSL routines', '', 'certificate verify failed')]", "python", "client", "server-cert-untrusted", "8448"},
		// grafana-cli fetching a plugin: the data source named in the URL is not the writer.
		{"Error: ✗ Get \"https://grafana.com/api/plugins/grafana-mysql-datasource/versions\": tls: failed to verify certificate: x509: certificate signed by unknown authority", "go", "client", "server-cert-untrusted", "update-ca-certificates"},
		// A client that sent certificate_expired: the served dates and the clock first.
		{"TLS :client: In state :certify at ssl_handshake.erl:2100 generated CLIENT ALERT: Fatal - Certificate Expired", "unknown", "client", "server-cert-untrusted", "date -u"},
		// A bucket with dots in an object store's host name: path-style, not a new certificate.
		{"botocore.exceptions.SSLError: SSL validation failed for https://logs.example.org.s3.amazonaws.com/x hostname 'logs.example.org.s3.amazonaws.com' doesn't match either of '*.s3.amazonaws.com', 's3.amazonaws.com'", "python", "client", "server-hostname-mismatch", "addressing_style path"},
		{"botocore.exceptions.SSLError: SSL validation failed for https://media.example.net.s3.amazonaws.com/a [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: Hostname mismatch, certificate is not valid for 'media.example.net.s3.amazonaws.com'. (_ssl.c:1129)", "python", "client", "server-hostname-mismatch", "path-style"},
		// cupsd's failed handshake with a client; coturn's default certificate name.
		{"E [07/Mar/2025:10:00:00 +0000] [Client 7] Unable to encrypt connection: The TLS connection was non-properly terminated.", "unknown", "server", "handshake-failed", "/etc/cups/ssl"},
		{"0: ERROR: cannot find certificate file: turn_server_cert.pem (1)", "unknown", "server", "key-load-failed", "no-tls"},
		// An http:// URL to port 443, whatever followed.
		{"sync: GET \"http://library.example.net:443/api/v1/items\" => \"Connection closed\"", "unknown", "client", "plain-http", "x-forwarded-proto"},
		// openssl verify's wrong purpose at a CA's depth (a real run: an intermediate with serverAuth only, -purpose sslclient).
		{"error 26 at 1 depth lookup: unsuitable certificate purpose", "openssl", "client", "server-cert-untrusted", "every certificate under it"},
		// A plain server printing a ClientHello's first bytes in decimal.
		{"WARN rpc > [10.0.0.5:4000] bad request - maybe SSL-encrypted data?: [22, 3, 1, 0, 200, 1]", "unknown", "server", "plain-http", "clienthello"},
		// A Windows store path given to a curl that is not Schannel's.
		{"curl: (58) could not load PEM client certificate from CurrentUser\\MY\\0123456789abcdef0123456789abcdef01234567, OpenSSL error error:80000002:system library::No such file or directory", "curl", "client", "cert-load-failed", "schannel"},
		// A registry on port 443: its certs.d directory has no port.
		{"Error: pulling image: Get \"https://registry.example.org/v2/\": x509: certificate signed by unknown authority", "go", "client", "server-cert-untrusted", "certs.d/registry.example.org/ca.crt"},
		// mitmproxy's words blame trust for an old client; its own handshake onward; no SNI.
		{`[10:01:02.345][192.0.2.10:50000] Client TLS handshake failed. The client may not trust the proxy's certificate for legacy.example.net (OpenSSL Error([('SSL routines', '', 'version too low')]))`, "unknown", "server", "handshake-failed", "tls_version_client_min"},
		{`[10:01:02.345][192.0.2.10:50000] Client TLS handshake failed. The client may not trust the proxy's certificate for www.example.com (OpenSSL Error([('SSL routines', '', 'tlsv1 alert unknown ca')]))`, "unknown", "server", "server-cert-untrusted", "mitm.it"},
		{`[10:01:02.345][192.0.2.10:50000] Server TLS handshake failed. Certificate verify failed: unable to get local issuer certificate`, "unknown", "client", "server-cert-untrusted", "ssl_verify_upstream_trusted_ca"},
		{`[10:01:02.345][192.0.2.10:50000] Server TLS handshake failed. OpenSSL Error([('SSL routines', '', 'sslv3 alert handshake failure')])`, "unknown", "client", "handshake-failed", "client_certs"},
		{`502 Bad Gateway: Cannot validate certificate hostname without SNI`, "unknown", "client", "server-hostname-mismatch", "--ssl-insecure"},
		// HTTP Toolkit's interception refused by its client; Paho's browser client.
		{`TLS client error: {"failureCause":"cert-rejected","hostname":"api.example.org","remoteIpAddress":"::ffff:192.0.2.5"}`, "unknown", "server", "server-cert-untrusted", "trusted credentials"},
		{`Connection lost: AMQJS0007E Socket error:undefined.`, "unknown", "client", "handshake-failed", "certificate warning"},
		// NCBI's SRA Toolkit; requests aborting on a file it may not read; NFePHP's A1 file.
		{`2024-01-10T08:00:00 fasterq-dump.3.0.0 sys: connection failed while opening file within cryptographic module - mbedtls_ssl_handshake returned -9984 ( X509 - Certificate verification failed, e.g. CRL, CA or signature check failed )`, "unknown", "client", "server-cert-untrusted", "prefetch --version"},
		{`requests.exceptions.ConnectionError: ('Connection aborted.', PermissionError(13, 'Permission denied'))`, "python", "client", "cert-load-failed", "ls -l"},
		{`Exception: O certificado não pode ser lido!! Senha errada ou arquivo corrompido ou formato inválido!!`, "unknown", "client", "cert-load-failed", "-legacy"},
		// SQL Server's clients: ODBC Driver 18 checks by default; a bare wrong principal.
		{`[Microsoft][ODBC Driver 18 for SQL Server]SSL Provider: [error:0A000086:SSL routines::certificate verify failed:unable to get local issuer certificate]`, "unknown", "client", "server-cert-untrusted", "trustservercertificate=yes"},
		{`Connect-DbaInstance : The target principal name is incorrect`, "unknown", "client", "server-hostname-mismatch", "hostnameincertificate"},
		// Docker Desktop's Kubernetes on the port another cluster was meant to have.
		{`Unable to connect to the server: x509: certificate is valid for docker-desktop, kubernetes, kubernetes.default, host.docker.internal, not 127.0.0.1`, "go", "client", "server-hostname-mismatch", "use-context"},
		// Certificates that do not decode: cut short or not the file; a v1 certificate with extensions.
		{`error:0680008E:asn1 encoding routines::not enough data`, "unknown", "client", "cert-load-failed", "file_get_contents"},
		{`Error: Invalid certificate (code 0x0b00008b): INVALID_FIELD_FOR_VERSION in a keychain certificate`, "unknown", "client", "cert-load-failed", "version 3"},
		// libcurl's code in another program's words; Go's words quoted without "tls: "; a Go proxy's client side.
		{`Connection error. CURL error code: 60`, "curl", "client", "server-cert-untrusted", "cacert"},
		{`read failed: oversized record received with length 20527`, "go", "client", "plain-http", "http://"},
		{`[debug] id=4: failed to read request: tls: first record does not look like a TLS handshake`, "go", "server", "plain-http", "https://"},
		// Output captured into a JSON field, its line breaks escaped inside the message.
		{`"msg": "Exception calling \"DownloadString\" with \"1\" \r\nargument(s): \"The underlying connection was closed: An unexpected error \r\noccurred on a send.\""`, "unknown", "client", "handshake-failed", "tls"},
		// RSA's check with the wrong key: a CA of the issuer's name with another key.
		{`E0101 10:00:00.000000000   4242 ssl_transport_security.cc:1501] Handshake failed with fatal error SSL_ERROR_SSL: error:04000073:RSA routines:OPENSSL_internal:DATA_TOO_LARGE_FOR_MODULUS.`, "unknown", "client", "handshake-failed", "same name"},
		// Android's trust anchor words as an app retypes them.
		{`Error: Trust anchor for identification path not found (app 2.1)`, "java", "client", "server-cert-untrusted", "intermediate"},
		// The SRA Toolkit's socket that broke is the network's, not a certificate's.
		{`2020-01-01T00:00:00 prefetch.2.10.0 sys: connection failed while opening file within cryptographic module - mbedtls_ssl_handshake returned -76 ( NET - Reading information from the socket failed )`, "unknown", "client", "mbedtls-error", "network"},
		// Python's name for OpenSSL 1.0's generic handshake failure.
		{`ssl.SSLError: [SSL: SSL_HANDSHAKE_FAILURE] ssl handshake failure (_ssl.c:645)`, "python", "client", "handshake-failed", "client certificate"},
		// A program's own words for a file that is not a PEM certificate.
		{`Error: the file '/etc/app/ca.pem' does not appear to be a certificate.`, "unknown", "client", "cert-load-failed", "head -n 1 /etc/app/ca.pem"},
		// Windows' older words for CERT_E_CHAINING (not IBM's "certificate chaining error").
		{`Update failed: An internal certificate chaining error has occurred.`, "unknown", "client", "server-cert-untrusted", "root certificate update"},
		// go-smtp's server names its client "for" the address; Radicale's server log.
		{`smtp/server 2024/01/01 10:00:00 TLS handshake error for 192.0.2.9:40000: remote error: tls: unknown certificate authority`, "go", "server", "tls-alert", "probe"},
		{`[7f00] ERROR: An exception occurred during request: SSL handshake failed: [SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:1056)`, "python", "server", "handshake-failed", "http:// url"},
		// Apple's -1012: the app's own delegate (its pinning) refused the server.
		{`Error Domain=NSURLErrorDomain Code=-1012 "(null)" UserInfo={NSErrorFailingURLKey=https://api.example.com/v1/login}`, "unknown", "client", "apple-error", "pins"},
		// fetchmail's opportunistic STARTTLS, and a value an old fetchmail does not know.
		{`fetchmail: mail.example.org: upgrade to TLS failed.`, "unknown", "client", "handshake-failed", "--sslproto ''"},
		{`fetchmail: Invalid SSL protocol 'TLS1.2+' specified, using default (SSLv23).`, "unknown", "client", "handshake-failed", "fetchmail --version"},
		// OfflineIMAP's words for a name the certificate does not carry.
		{`ERROR: While attempting to sync account 'work' ('CA Cert verifying failed:  no matching domain name found in certificate',)`, "unknown", "client", "server-hostname-mismatch", "subjectaltname"},
		// gRPC's EOF: most often a plain-text server.
		{`grpc: addrConn.createTransport failed to connect to {orders:7070}. Err: connection error: desc = "transport: authentication handshake failed: EOF"`, "unknown", "client", "handshake-failed", "-plaintext"},
	} {
		rep := Explain(tc.line)
		if len(rep.Findings) == 0 {
			t.Errorf("%s: no finding", tc.line)
			continue
		}
		f := rep.Findings[0]
		text := strings.ToLower(f.Title + " " + f.Explanation + " " + f.Fix)
		if f.Reporter != tc.reporter || f.Role != tc.role || f.ID.Name() != tc.id || !strings.Contains(text, tc.word) {
			t.Errorf("%s:\n  got %s/%s %s %q, want %s/%s %s mentioning %q", tc.line, f.Reporter, f.Role, f.ID.Name(), f.Title, tc.reporter, tc.role, tc.id, tc.word)
		}
		if strings.Contains(strings.ToLower(f.Title), "client hung up") && tc.role == "client" {
			t.Errorf("%s: told as a client hanging up", tc.line)
		}
	}
}

// TestExplainCallbackAndLibcurl: nginx's failing certificate callback has
// its own story (OpenResty's ssl_certificate_by_lua, certificate
// variables), and a program's libcurl is told about CURLOPT_CAINFO (lines
// written to the shape of what nginx and libcurl print).
func TestExplainCallbackAndLibcurl(t *testing.T) {
	for line, want := range map[string]string{
		`2020/01/01 00:00:00 [crit] 10#10: *5 SSL_do_handshake() failed (SSL: error:0A000179:SSL routines::cert cb error) while SSL handshaking, client: 10.0.0.1, server: 0.0.0.0:443`: "ssl_certificate_by_lua",
		`error: curl error 60 (SSL certificate problem: unable to get local issuer certificate)`:                                                                                        "CURLOPT_CAINFO",
	} {
		e := Explain(line)
		if len(e.Findings) == 0 || !strings.Contains(e.Findings[0].Explanation+e.Findings[0].Fix, want) {
			t.Errorf("%s: %+v, want %q in the first finding", line, e.Findings, want)
		}
	}
}

func TestWantedNameInFix(t *testing.T) {
	for _, c := range []struct{ in, name, want string }{
		{"x509: certificate is not valid for any names, but wanted to match localhost", "localhost", "subjectAltName=DNS:localhost"},
		{"x509: certificate is valid for a.example.com, b.example.com, not c.example.net", "c.example.net", "subjectAltName=DNS:c.example.net"},
		{"Hostname/IP does not match certificate's altnames: IP: 192.0.2.7 is not in the cert's list: ", "192.0.2.7", "subjectAltName=IP:192.0.2.7"},
		{"x509: cannot validate certificate for 10.1.2.3 because it doesn't contain any IP SANs", "10.1.2.3", "IP:10.1.2.3"},
		{"SSL: no alternative certificate subject name matches target host name 'db.internal.example'", "db.internal.example", "DNS:db.internal.example"},
		{"curl: (60) SSL: certificate subject name 'a.example.com' does not match target host name 'b.example.com'", "b.example.com", ""},
		{"x509: certificate is valid for a.example, not 2001:db8::7", "2001:db8::7", "IP:2001:db8::7"},
		{"x509: certificate is not valid for any names, but wanted to match sha256-raw:0123abcd", "", ""},
		{"x509: certificate is valid for server.dc1.consul, localhost, not server..consul", "server..consul", "datacenter"},
	} {
		if got := wantedName(c.in); got != c.name {
			t.Errorf("wantedName(%q) = %q, want %q", c.in, got, c.name)
		}
		if c.want == "" {
			continue
		}
		if fix := Explain(c.in).Findings[0].Fix; !strings.Contains(fix, c.want) {
			t.Errorf("%s: fix lacks %q:\n%s", c.in, c.want, fix)
		}
	}
}

// TestExplainUnmatchedTLSLine: a line about TLS that no entry matches still
// gets a finding that says whose line it is; other text gets none.
func TestExplainUnmatchedTLSLine(t *testing.T) {
	for _, c := range []struct{ in, id, role, words string }{
		{"wrapper: TLS setup went sideways while fetching https://api.example.com", "tls-unexplained", "client", "openssl s_client"},
		{"gizmo: certificate reload hook went sideways", "tls-unexplained", "client", "not known"},
		{"the weather is nice today", "", "", ""},
	} {
		rep := Explain(c.in)
		if c.id == "" {
			if len(rep.Findings) != 0 {
				t.Errorf("%q: got %s, want no finding", c.in, rep.Findings[0].ID)
			}
			continue
		}
		if len(rep.Findings) == 0 {
			t.Errorf("%q: no finding, want %s", c.in, c.id)
			continue
		}
		f := rep.Findings[0]
		if string(f.ID.Name()) != c.id || f.Role != c.role || !strings.Contains(f.Title+f.Explanation+f.Fix, c.words) {
			t.Errorf("%q: got %s %s %q, want %s %s mentioning %q", c.in, f.ID.Name(), f.Role, f.Title, c.id, c.role, c.words)
		}
	}
}

// TestExplainGuessedVerifySide: a verify result from a line that shows no
// side is told as nginx's when it has nginx's code, and says what it means
// if a client printed it; a verify text alone is told as a client's, with
// the hedge the other way round; nginx's own line does not hedge.
func TestExplainGuessedVerifySide(t *testing.T) {
	for _, c := range []struct {
		in    string
		hedge bool
		words string
	}{
		{"68", true, "the certificate in question is the server's"},
		{"2026/12/02 09:05:19 [info] 1#1: *4 client SSL certificate verify error: (20:unable to get local issuer certificate) while reading client request headers, client: 10.0.0.4, server: localhost", false, ""},
		// Another program's words around the result: told as a client's,
		// with the hedge the other way round.
		{"72 error self signed certificate in certificate chain", true, "most programs that print verify results so are clients"},
		{"error unable to get local issuer certificate", true, "check it against the CA file that server trusts"},
		// A verify text alone, without nginx's "(N:" code: every such line
		// among the pasted ones was a client's.
		{"unable to get local issuer certificate", true, "check it against the CA file that server trusts"},
		{"Certificate is not yet valid", true, "most programs that print verify results so are clients"},
		// nginx's own spelling pasted alone stays nginx's story.
		{"(68:CA signature digest algorithm too weak)", true, "the certificate in question is the server's"},
	} {
		rep := Explain(c.in)
		if len(rep.Findings) == 0 {
			t.Fatalf("%q: no finding", c.in)
		}
		if role := rep.Findings[0].Role; strings.Contains(c.words, "clients") || strings.Contains(c.words, "that server trusts") {
			if role != "client" {
				t.Errorf("%q: role %s, want client", c.in, role)
			}
		} else if c.hedge && role != "server" {
			t.Errorf("%q: role %s, want server", c.in, role)
		}
		e := rep.Findings[0].Explanation
		if got := strings.Contains(e, "Nothing in the line shows which side"); got != c.hedge || !strings.Contains(e, c.words) {
			t.Errorf("%q: hedge %v (want %v), words %q in:\n%s", c.in, got, c.hedge, c.words, e)
		}
	}
}

// TestExplainClientIgnoresCA: a client that refused a chain is told that
// a sound chain means it ignores the CA it was given; other stories are
// not.
func TestExplainClientIgnoresCA(t *testing.T) {
	for line, want := range map[string]bool{
		"javax.net.ssl.SSLHandshakeException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target": true,
		`Get "https://git.corp.net/": x509: certificate signed by unknown authority`:                                                                                                              true,
		"1:M 25 Jun 2020 12:55:16.247 # Error accepting a client connection: error:1417C086:SSL routines:tls_process_client_certificate:certificate verify failed (conn: fd=12)":                  false,
		"2024/01/01 00:00:00 [info] 1#1: *3 client SSL certificate verify error: (20:unable to get local issuer certificate) while reading client request headers, client: 1.2.3.4":               false,
		"curl: (58) unable to set private key file: 'client.key' type PEM":                                                                                                                        false,
	} {
		rep := Explain(line)
		if len(rep.Findings) == 0 {
			t.Fatalf("%q: no finding", line)
		}
		if got := strings.Contains(rep.Findings[0].Fix, catalogue.ClientIgnoresCA); got != want {
			t.Errorf("%q: client-ignores-CA in fix = %v, want %v\n%s", line, got, want, rep.Findings[0].Fix)
		}
	}
}

// TestExplainNameUsed: a program's failed name check says the name it
// checked may not be the one it was given; a browser's does not.
func TestExplainNameUsed(t *testing.T) {
	for line, want := range map[string]bool{
		"Error [ERR_TLS_CERT_ALTNAME_INVALID]: Hostname/IP does not match certificate's altnames: IP: 10.1.2.3 is not in the cert's list: ": true,
		"x509: certificate is valid for ingress.local, not app.example.org":                                                                 true,
		"SSL_ERROR_BAD_CERT_DOMAIN": false,
	} {
		rep := Explain(line)
		if len(rep.Findings) == 0 {
			t.Fatalf("%q: no finding", line)
		}
		if got := strings.Contains(rep.Findings[0].Explanation, catalogue.NameUsed); got != want {
			t.Errorf("%q: name-used = %v, want %v\n%s", line, got, want, rep.Findings[0].Explanation)
		}
	}
}

// TestExplainNewPathsOddInput: the input paths of s_server's and
// s_client's lines, HAProxy's log states and Apache's routine lines take
// their odd forms (empty, cut short, binary) without a panic, and a
// fragment that says nothing about TLS gets no finding.
func TestExplainNewPathsOddInput(t *testing.T) {
	for _, in := range []string{"verify error:", "verify error: ", "Verification error: ", "depth=", "verify return:", "fe/1: Success",
		"] fe/1: Success", "x 503 1 - - SC--", "[ssl:info] AH01964:", "\x00verify error:\xff", "Acceptable client certificate CA names\x00\x01"} {
		rep := Explain(in)
		for _, f := range rep.Findings {
			if f.ID.Name() == "" || f.Title == "" {
				t.Errorf("%q: a finding without id or title: %+v", in, f)
			}
		}
	}
	if rep := Explain("fe/1: Success"); len(rep.Findings) != 0 {
		t.Errorf("a bare 'fe/1: Success', without HAProxy's log format, got %+v", rep.Findings)
	}
}

// TestHostWithPort: a host name or IPv4 address with a port is told
// apart from a bare name and from an IPv6 address.
func TestHostWithPort(t *testing.T) {
	for _, c := range []struct {
		in, host string
		ok       bool
	}{
		{"localhost:443", "localhost", true},
		{"192.0.2.7:8443", "192.0.2.7", true},
		{"a.example.com", "", false},
		{"2001:db8::1", "", false},
		{"::1", "", false},
		{"a.example.com:", "", false},
		{"a.example.com:https", "", false},
		{"a.example.com:123456", "", false},
	} {
		if host, ok := hostWithPort(c.in); host != c.host || ok != c.ok {
			t.Errorf("hostWithPort(%q) = %q, %v, want %q, %v", c.in, host, ok, c.host, c.ok)
		}
	}
}

// TestCheckedWithPort: Go's name check names a host with its port only
// when the name after "not" ends in a colon and digits (not an IPv6
// address, not a bare name, not an empty rest).
func TestCheckedWithPort(t *testing.T) {
	for in, want := range map[string]bool{
		"x509: certificate is valid for a.example, not a.example:443":    true,
		`x509: certificate is valid for a.example, not "a.example:8443"`: true,
		"x509: certificate is valid for a.example, not b.example":        false,
		"x509: certificate is valid for ::1, not 2001:db8::1":            false,
		"x509: certificate is valid for a.example, not ":                 false,
		"x509: certificate is valid for a.example, not a.example:":       false,
		"x509: certificate is valid for a.example, not a.example:https":  false,
		"no comma here": false,
	} {
		if got := checkedWithPort(in); got != want {
			t.Errorf("checkedWithPort(%q) = %v, want %v", in, got, want)
		}
	}
}

// TestBeforeConfirm: a step goes before the closing command, or last.
func TestBeforeConfirm(t *testing.T) {
	for _, c := range []struct{ fix, want string }{
		{"Do this.\nConfirm it with:\n  cmd", "Do this.\nstep\nConfirm it with:\n  cmd"},
		{"Do this.", "Do this.\nstep"},
		{"", "\nstep"},
	} {
		if got := catalogue.BeforeConfirm(c.fix, "step"); got != c.want {
			t.Errorf("BeforeConfirm(%q) = %q, want %q", c.fix, got, c.want)
		}
	}
}

// TestGivesCommand: a step whose command the fix already gives is not
// added again; one with other commands, or none, is.
func TestGivesCommand(t *testing.T) {
	fix := "Send the name:\n  proxy_ssl_server_name on;\nthen reload."
	for step, want := range map[string]bool{
		"nginx sends no name unless told to:\n  proxy_ssl_server_name on;\n  proxy_ssl_name a.example;": true,
		"node sends the servername option:\n  https.request(url, { servername: 'a' })":                  false,
		"no command here": false,
		"Send the name:":  true,
		"":                true,
	} {
		if got := givesCommand(fix, step); got != want {
			t.Errorf("givesCommand(%q) = %v, want %v", step, got, want)
		}
	}
}

// TestPlaceholderPath: unfilled template placeholders in a path are seen;
// ordinary paths, and braces or dollars elsewhere, are not.
func TestPlaceholderPath(t *testing.T) {
	for in, want := range map[string]bool{
		"file '/etc/letsencrypt/live/{{server name}}/privkey.pem' does not exist": true,
		`cannot load certificate "${cert_dir}/site.crt"`:                          true,
		"open /etc/ssl/<your-domain>/cert.pem: no such file or directory":         true,
		"open /etc/ssl/example.com/cert.pem: no such file or directory":           false,
		"costs $5 {x}": false,
		"":             false,
	} {
		if got := placeholderPath(in); got != want {
			t.Errorf("placeholderPath(%q) = %v, want %v", in, got, want)
		}
	}
}

// TestExplainProgramBugNote: a failure of a program other than nginx and
// openssl ends with the note on the program's own bugs, unless its fix
// already speaks of releases; nginx's lines and notes do not get it.
func TestExplainProgramBugNote(t *testing.T) {
	for _, c := range []struct {
		line string
		want bool
	}{
		{"haproxy[8]: unable to load SSL certificate from PEM file /etc/haproxy/site.pem", true},
		{`2026/12/05 10:00:00 [emerg] 1#1: cannot load certificate "/etc/nginx/site.crt": BIO_new_file() failed (SSL: error:80000002:system library::No such file or directory)`, false},
		{"Error: self signed certificate in certificate chain", false}, // its fix names later releases already
	} {
		rep := Explain(c.line)
		if len(rep.Findings) == 0 {
			t.Errorf("%s: no finding", c.line)
			continue
		}
		got := strings.Count(rep.Findings[0].Fix, catalogue.ProgramBugNote)
		if got > 1 || (got == 1) != c.want {
			t.Errorf("%s: note %d times, want it %v", c.line, got, c.want)
		}
	}
}

// TestExplainServerChangedNotes: a client that refused a server's chain is
// told what a renewal or a new CA on the server's side changes, and (for
// clients other than nginx) that a server whose clients are not the
// user's is fixed on the server; a public service's chain and the other
// stories are not.
func TestExplainServerChangedNotes(t *testing.T) {
	for _, c := range []struct {
		line             string
		renewed, onServe bool
	}{
		{`Get "https://api.corp.example/": x509: certificate signed by unknown authority`, true, true},
		{"curl: (60) SSL certificate problem: self-signed certificate", true, true},
		{`2026/12/05 10:00:00 [error] 7#7: *9 upstream SSL certificate verify error: (20:unable to get local issuer certificate) while SSL handshaking to upstream, client: 10.0.0.2, server: a.example, request: "GET / HTTP/1.1", upstream: "https://10.0.0.9:8443/"`, true, false},
		{`Get "https://github.com/x/y": x509: certificate signed by unknown authority`, false, false},
		{"2026/12/05 10:00:00 [info] 1#1: *3 client SSL certificate verify error: (20:unable to get local issuer certificate) while reading client request headers, client: 1.2.3.4", false, false},
		{"curl: (58) unable to set private key file: 'client.key' type PEM", false, false},
	} {
		rep := Explain(c.line)
		if len(rep.Findings) == 0 {
			t.Fatalf("%q: no finding", c.line)
		}
		fix := rep.Findings[0].Fix
		if got := strings.Count(fix, catalogue.RenewedServerNote); got > 1 || (got == 1) != c.renewed {
			t.Errorf("%q: renewal note %d times, want it %v", c.line, got, c.renewed)
		}
		if got := strings.Count(fix, catalogue.ServerSideTrustNote); got > 1 || (got == 1) != c.onServe {
			t.Errorf("%q: server-side note %d times, want it %v", c.line, got, c.onServe)
		}
	}
}

// TestTLSWords: a line that speaks of certificates in short ("cert",
// "certs", a keystore, a .pem file) is a TLS line no entry has; other
// words that start so are not.
func TestTLSWords(t *testing.T) {
	for line, want := range map[string]bool{
		"invalid cert chain in response":        true,
		"loaded 0 certs from /etc/pki":          true,
		"client-cert rejected":                  true,
		"could not open the keystore":           true,
		"bad file /srv/app/client.pem":          true,
		"I am certain it broke after the patch": false,
		"the concert ticket service is down":    false,
		"update the cacert bundle":              true,
		"connection refused":                    false,
	} {
		if got := tlsWords(line); got != want {
			t.Errorf("tlsWords(%q) = %v, want %v", line, got, want)
		}
	}
}

// TestSideUnknownSaid: a TLS line no entry has and whose words name no
// side is told so in the text ("written by: ... (the line does not say
// which side)"), its JSON role staying the likelier one; a line whose
// side is known keeps "TLS client"; the openssl command making keys made
// no connection, and says so; a file a program could not load, in a line
// that names no side, says so too.
func TestSideUnknownSaid(t *testing.T) {
	for line, want := range map[string]string{
		"invalid cert chain in response from gateway":             "(the line does not say which side)",
		"dial tcp: x509: certificate signed by unknown authority": "(TLS client)",
		"Algorithm ed448 not found":                               "openssl (the command line tool; no connection)",
		// A program's own CA file it could not load, from a line that
		// names neither the program nor its side.
		"E [socket.c:9:setup] 0-store: could not load CA list": "(the line does not say which side)",
	} {
		rep := Explain(line)
		if len(rep.Findings) == 0 {
			t.Fatalf("%q: no finding", line)
		}
		var b strings.Builder
		if err := report.WriteText(&b, rep, report.TextOptions{Width: 100}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), "written by: ") || !strings.Contains(b.String(), want) {
			t.Errorf("%q: text lacks %q:\n%s", line, want, b.String())
		}
		if r := rep.Findings[0].Role; r != "server" && r != "client" {
			t.Errorf("%q: role %q, want server or client", line, r)
		}
	}
}
