package catalogue

// Text shared by several entries, so that the same fact is told the same way.
const (
	handshakeLine = "ssl_do_handshake() failed"
	infoHidden    = "nginx writes this at info level; with the default `error_log ... error;` it never reaches the log, so raise the level (`error_log /var/log/nginx/error.log info;`) to see it."
	as400         = "nginx sends and logs it as status 400 (the access log never shows 495, 496 or 497)."
	serverSide    = "This is about nginx's own server certificate, not the client certificate: nginx never rejects a client certificate inside the TLS handshake (it answers with an HTTP 400 page instead)."
	notNginxHTTP  = "nginx itself never sends this alert for a client certificate (it finishes the handshake and answers with an HTTP 400 page), so the server that sent it is something else: openssl s_server, a load balancer, a backend, or nginx's stream module."
	nginxLoggedIt = "If nginx wrote it in an `SSL_do_handshake() failed` line, the roles are reversed: the client sent it about nginx's server certificate."
	infoLevel     = "info"
	probeCmd      = "mtlsdoctor probe host:443 --cert client.crt --key client.key"
	keyPairCheck  = "openssl x509 -noout -pubkey -in client.crt | sha256sum; openssl pkey -pubout -in client.key | sha256sum (the two sums must be equal)"
	curlClient    = "curl -v --cacert ca.crt --cert client.crt --key client.key https://host/"
)

// entries is the table Entries and Lookup read. Within a family the specific
// entries come before the catch-all, so that Lookup's output order reads
// from specific to general.
var entries = []Entry{
	// Per-request client-certificate lines (ngx_http_request.c).
	{
		ID: VerifyError, Kind: "nginx", Level: infoLevel, Status: 495,
		Match: []string{"client ssl certificate verify error: certificate status request failed", "certificate status request failed"},
		Title: "OCSP check of the client certificate failed (495, sent as 400)",
		Explanation: "ssl_ocsp is on and nginx could not get a usable answer from the OCSP responder for the client certificate (unreachable responder, no resolver for its name, or a bad response), so it rejects the request with its 400 'The SSL certificate error' page. " +
			"$ssl_client_verify reads FAILED:certificate status request failed. " + infoHidden,
		Fix:     "Make sure nginx can reach the responder named in the certificate (or set `ssl_ocsp_responder`) and has a `resolver` for its host name; otherwise turn the check off with `ssl_ocsp off;`.",
		Confirm: "openssl ocsp -issuer int.crt -cert client.crt -url $(openssl x509 -noout -ocsp_uri -in client.crt) -resp_text",
	},
	{
		ID: VerifyError, Kind: "nginx", Level: infoLevel, Status: 495,
		Match: []string{"client ssl certificate verify error: certificate revoked"},
		Title: "OCSP responder says the client certificate is revoked (495, sent as 400)",
		Explanation: "ssl_ocsp is on and the OCSP responder answered 'revoked' for the client certificate; nginx rejects the request with its 400 'The SSL certificate error' page. " +
			"This variant has no number: it comes from OCSP, not from a CRL (a CRL gives (23:certificate revoked)). " + infoHidden,
		Fix:     "Issue the client a new certificate with a new serial: `" + reissueClient + "`.",
		Confirm: "openssl ocsp -issuer int.crt -cert client.crt -url $(openssl x509 -noout -ocsp_uri -in client.crt) -resp_text",
	},
	{
		ID: VerifyError, Kind: "nginx", Level: infoLevel, Status: 495,
		Match: []string{"client ssl certificate verify error: certificate status unknown", "certificate status unknown"},
		Title: "OCSP responder does not know the client certificate (495, sent as 400)",
		Explanation: "ssl_ocsp is on and the OCSP responder answered 'unknown': it has no record of this certificate, usually because it belongs to another CA or the responder's database is behind. " +
			"nginx rejects the request with its 400 'The SSL certificate error' page. " + infoHidden,
		Fix:     "Point nginx at the responder of the CA that issued the client certificates (`ssl_ocsp_responder http://ocsp.example/;`) or make sure that CA's responder knows every certificate it issued.",
		Confirm: "openssl ocsp -issuer int.crt -cert client.crt -url $(openssl x509 -noout -ocsp_uri -in client.crt) -resp_text",
	},
	{
		ID: VerifyError, Kind: "nginx", Level: infoLevel, Status: 495, Fallback: true,
		Match: []string{"client ssl certificate verify error"},
		Title: "nginx rejected the client certificate (495, sent as 400)",
		Explanation: "The client sent a certificate, the TLS handshake completed, and after reading the request headers nginx found that OpenSSL's verification had failed; it answers with its 400 'The SSL certificate error' page. " +
			"The number and text in parentheses are the last error OpenSSL reported, which is often not the first problem. " + as400 + " " + infoHidden,
		Fix:     "Look up the code in the parentheses (`mtlsdoctor explain 20`) and check the certificate files with `" + certsCmd + "`.",
		Confirm: verifyClient,
	},
	{
		ID: NoClientCert, Kind: "nginx", Level: infoLevel, Status: 496,
		Match: []string{"client sent no required ssl certificate"},
		Title: "Client sent no certificate (496, sent as 400)",
		Explanation: "ssl_verify_client is on and the client finished the handshake without a certificate, so nginx answers with its 400 'No required SSL certificate was sent' page. " +
			"Either the client was given no certificate (curl without --cert), or it chose not to send it: Go, browsers and similar clients only send a certificate whose issuer is among the CA names nginx advertises, and nginx advertises exactly the subjects in ssl_client_certificate (not ssl_trusted_certificate). " +
			"A client that holds only its leaf, issued by an intermediate that is not in that file, therefore sends nothing. " + infoHidden,
		Fix:     "Give the client its certificate and key (`curl --cert client.crt --key client.key https://host/`); for Go and browsers, list the issuing CA in ssl_client_certificate or give the client its full chain (`cat client.crt int.crt > client-chain.crt`).",
		Confirm: "openssl s_client -connect host:443 -tls1_2 </dev/null 2>/dev/null | grep -A5 'Acceptable client certificate CA names'",
	},
	{
		ID: PlainHTTP, Kind: "nginx", Level: infoLevel, Status: 497,
		Match: []string{"client sent plain http request to https port"},
		Title: "Plain HTTP sent to the HTTPS port (497, sent as 400)",
		Explanation: "A client spoke plain HTTP to a port nginx serves with TLS (`listen ... ssl`). nginx spots it from the first byte and answers with its 400 'The plain HTTP request was sent to HTTPS port' page. " +
			"Not a certificate problem. " + infoHidden,
		Fix:     "Use https:// in the client's URL; to redirect such clients, add `error_page 497 =301 https://$host$request_uri;` to the server block.",
		Confirm: "curl -sv http://host:443/ -o /dev/null",
	},

	// SSL_do_handshake() failed: the reason decides the meaning. Alert reasons
	// carry Within, because in nginx's log they are the client's complaint
	// about the server, while a client printing them reports the server's.
	{
		ID: HandshakeFailed, Kind: "nginx", Level: infoLevel, Within: []string{handshakeLine},
		Match: []string{"tlsv1 alert unknown ca"},
		Title: "Client rejected nginx's server certificate: unknown CA (alert 48)",
		Explanation: "The client does not trust the CA that signed nginx's server certificate and aborted the handshake. " + serverSide + " " +
			"Typical: curl or an application without the private CA (`--cacert`), or an ssl_certificate file that lacks its intermediate.",
		Fix:     "Give the client the server's CA (`curl --cacert ca.crt ...`), and serve the full chain: `cat server.crt int.crt > /etc/nginx/server-chain.crt` as ssl_certificate.",
		Confirm: "openssl s_client -connect host:443 -showcerts </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "nginx", Level: infoLevel, Within: []string{handshakeLine},
		Match:       []string{"sslv3 alert bad certificate"},
		Title:       "Client rejected nginx's server certificate: bad certificate (alert 42)",
		Explanation: "The client refused a certificate nginx presented, normally the server certificate or its chain (wrong name, untrusted, malformed). " + serverSide,
		Fix:         "Check what the client sees and fix the server certificate or chain nginx serves: `" + curlClient + "` prints the client's reason.",
		Confirm:     "openssl s_client -connect host:443 -servername host -showcerts </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "nginx", Level: infoLevel, Within: []string{handshakeLine},
		Match:       []string{"sslv3 alert certificate unknown"},
		Title:       "Client rejected nginx's server certificate (alert 46)",
		Explanation: "The client refused nginx's server certificate without giving a specific reason, typically an untrusted CA or a name mismatch. " + serverSide,
		Fix:         "Make the server certificate match the host name and be issued by a CA the client trusts, and serve the full chain in ssl_certificate.",
		Confirm:     "openssl s_client -connect host:443 -servername host -showcerts </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "nginx", Level: infoLevel, Within: []string{handshakeLine},
		Match:       []string{"sslv3 alert certificate expired"},
		Title:       "Client says nginx's server certificate has expired (alert 45)",
		Explanation: "The client judged nginx's server certificate (or a certificate in its chain) as expired, or the client's clock is wrong. " + serverSide,
		Fix:         "Renew the server certificate and `" + reload + "`; check the client's clock if the certificate is in fact valid.",
		Confirm:     "openssl x509 -noout -enddate -in /etc/nginx/server.crt",
	},
	{
		ID: HandshakeFailed, Kind: "nginx", Level: infoLevel, Within: []string{handshakeLine},
		Match:       []string{"sslv3 alert handshake failure"},
		Title:       "Client aborted the handshake (alert 40)",
		Explanation: "The client found nothing acceptable in what nginx offered: no common TLS version, cipher suite, signature algorithm or curve.",
		Fix:         "Compare the client's settings with nginx's ssl_protocols and ssl_ciphers; `ssl_protocols TLSv1.2 TLSv1.3;` with the default ciphers suits current clients.",
		Confirm:     "openssl s_client -connect host:443 -tls1_2 </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "nginx", Level: "crit", Within: []string{handshakeLine},
		Match: []string{"tlsv13 alert certificate required"},
		Title: "nginx's peer demanded a certificate nginx did not send (alert 116)",
		Explanation: "A TLS 1.3 peer required a client certificate from nginx. An nginx HTTP server does not get this from its clients, so it most likely comes from a connection where nginx is the client, e.g. to a backend that requires mTLS. " +
			"nginx before 1.31.0 logs it at crit.",
		Fix:     "Give nginx a client certificate for the backend: `proxy_ssl_certificate /etc/nginx/upstream-client.crt;` and `proxy_ssl_certificate_key /etc/nginx/upstream-client.key;`.",
		Confirm: "openssl s_client -connect backend:443 -cert upstream-client.crt -key upstream-client.key </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "reason", Level: "crit",
		Match: []string{"ssl routines::bad signature", ":bad signature"}, Exact: []string{"bad signature"},
		Title: "Client's private key does not match its certificate",
		Explanation: "The signature the client made with its private key during the handshake (CertificateVerify) does not verify with the public key in the certificate it sent, so the key does not belong to the certificate. " +
			"This is the one client-certificate failure nginx rejects inside the handshake; it logs it at crit, and a Go client sees `remote error: tls: error decrypting message`.",
		Fix:     "Pair the client certificate with its own key (find the matching key, or make a new key and CSR and reissue: `" + reissueClient + "`).",
		Confirm: keyPairCheck,
	},
	{
		ID: HandshakeFailed, Kind: "reason", Level: infoLevel,
		Match:       []string{"no shared cipher"},
		Title:       "No cipher suite in common with the client",
		Explanation: "None of the cipher suites the client offered works with nginx's ssl_ciphers and the server key type, e.g. a client offering only ECDSA suites to an RSA server certificate, or a very narrow ssl_ciphers.",
		Fix:         "Widen ssl_ciphers (the default `HIGH:!aNULL:!MD5` suits most clients) or configure the client with suites for the server's key type.",
		Confirm:     "openssl s_client -connect host:443 -tls1_2 -cipher ECDHE-RSA-AES128-GCM-SHA256 </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "reason", Level: infoLevel,
		Match: []string{":unsupported protocol"}, Exact: []string{"unsupported protocol"},
		Title: "Client's TLS versions are not enabled on the server",
		Explanation: "The client's range of TLS versions does not overlap ssl_protocols (the client sees `tlsv1 alert protocol version`). " +
			"nginx 1.22 enables TLSv1 TLSv1.1 TLSv1.2 by default and adds TLSv1.3 only from 1.23.4; current clients refuse TLS 1.0 and 1.1.",
		Fix:     "Set `ssl_protocols TLSv1.2 TLSv1.3;` and update clients that only speak TLS 1.0/1.1.",
		Confirm: "openssl s_client -connect host:443 -tls1_2 </dev/null; openssl s_client -connect host:443 -tls1_3 </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "reason", Level: infoLevel,
		Match: []string{"wrong version number"},
		Title: "Non-TLS data on a TLS connection",
		Explanation: "In nginx's log: something that is not TLS (a health check, a scanner, another protocol) reached a TLS port. " +
			"Printed by a client (e.g. curl): the client spoke TLS to a port that is not TLS, typically https:// to port 80 or a `listen` without `ssl`.",
		Fix:     "Check the URL scheme and port; the nginx port must be `listen 443 ssl;`.",
		Confirm: "curl -sv https://host:443/ -o /dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "reason", Level: infoLevel,
		Match: []string{":unexpected message"}, Exact: []string{"unexpected message"},
		Title:       "Malformed TLS handshake from the client",
		Explanation: "The client sent handshake messages out of order or malformed: a broken TLS client or a middlebox tampering with the connection.",
		Fix:         "Retry with a standard client to tell the client apart from the network path.",
		Confirm:     "openssl s_client -connect host:443 </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "reason", Level: infoLevel,
		Match: []string{":http request"}, Exact: []string{"http request"},
		Title:       "Plain HTTP sent into a TLS listener",
		Explanation: "OpenSSL saw an HTTP request where a TLS handshake should start. nginx's HTTP module catches this earlier (497), so expect it from the stream or mail module.",
		Fix:         "Use a TLS client for this port, or serve plain HTTP on another port.",
		Confirm:     "curl -sv https://host:PORT/ -o /dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "reason", Level: "crit",
		Match:       []string{"packet length too long"},
		Title:       "Garbage on the TLS port",
		Explanation: "The first bytes did not look like a TLS record (scanners, old SSLv2-style hellos, other protocols). nginx 1.18-1.22 logs it at crit, 1.24 and later at info. Harmless unless a real client is affected.",
		Fix:         "Find the client from the `client:` address; nothing to change in nginx.",
		Confirm:     "openssl s_client -connect host:443 </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "reason",
		Match:       []string{"peer did not return a certificate"},
		Title:       "A TLS server required a client certificate and got none",
		Explanation: "OpenSSL servers that demand a certificate inside the handshake write this. nginx never does (it answers with a 400 'No required SSL certificate was sent' page), so the line comes from another server, e.g. openssl s_server or a backend.",
		Fix:         "Give the client its certificate and key (`curl --cert client.crt --key client.key ...`) and make sure its issuer is among the server's acceptable CA names.",
		Confirm:     "openssl s_client -connect host:443 -cert client.crt -key client.key </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "reason",
		Match:       []string{"certificate verify failed"},
		Title:       "Certificate verification failed inside the TLS handshake",
		Explanation: "The side that wrote this did not accept the other side's certificate. nginx's client-certificate check never fails the handshake, so in nginx's log it comes from connections to backends (proxy_ssl_verify on); printed by a client it means the client did not trust the server's certificate. The text after it, if any, gives the reason.",
		Fix:         "For a client: give it the server's CA (`curl --cacert ca.crt ...`). For nginx to a backend: `proxy_ssl_trusted_certificate /etc/nginx/upstream-ca.pem;`.",
		Confirm:     "openssl s_client -connect host:443 -CAfile ca.crt </dev/null | grep 'Verify return code'",
	},
	{
		ID: HandshakeFailed, Kind: "nginx", Level: infoLevel,
		Match:       []string{"client closed connection while ssl handshaking"},
		Title:       "Client hung up during the TLS handshake",
		Explanation: "The client closed the connection before the handshake finished. Often the client's own check failed: OpenSSL 3 clients such as curl refuse to load a client certificate below their security level (`ee key too small`, `ca md too weak`) and give up, or the client did not trust nginx's certificate and closed without an alert; port scanners and health checks do this too.",
		Fix:         "Run the client by hand with verbose output and read its own error: `" + curlClient + "`.",
		Confirm:     curlClient,
	},
	{
		ID: HandshakeFailed, Kind: "nginx", Level: infoLevel,
		Match:       []string{"peer closed connection in ssl handshake"},
		Title:       "Client hung up during the TLS handshake",
		Explanation: "The client closed the connection in the middle of the handshake, usually because its own checks failed (it did not trust nginx's certificate, or refused to load its own).",
		Fix:         "Run the client by hand with verbose output and read its own error: `" + curlClient + "`.",
		Confirm:     curlClient,
	},
	{
		ID: HandshakeFailed, Kind: "nginx", Level: infoLevel, Fallback: true,
		Match: []string{handshakeLine},
		Title: "TLS handshake failed",
		Explanation: "OpenSSL aborted the handshake before any HTTP request, so no access-log line is written. The reason is the last part inside `(SSL: ...)`. " +
			"Reasons nginx considers ordinary client failures are logged at info, anything else at crit.",
		Fix:     "Look up the reason text: `mtlsdoctor explain 'REASON'`, and reproduce with `openssl s_client -connect host:443 -cert client.crt -key client.key`.",
		Confirm: "openssl s_client -connect host:443 -cert client.crt -key client.key </dev/null",
	},

	// Start-up and reload errors ([emerg], also printed by nginx -t).
	{
		ID: LogKeyMismatch, Kind: "nginx", Level: "emerg",
		Match: []string{"key values mismatch"},
		Title: "ssl_certificate_key does not belong to ssl_certificate",
		Explanation: "At start-up and reload nginx checks that the private key matches the first certificate in the ssl_certificate file. They differ: the key was regenerated, the files were swapped, or the certificate file starts with a CA instead of the server's own certificate. " +
			"On a reload nginx keeps running with the old configuration.",
		Fix:     "Use the key that belongs to the certificate (or reissue the certificate for the key), and put the server's own certificate first in the file, followed by its intermediates.",
		Confirm: "openssl x509 -noout -pubkey -in server.crt | sha256sum; openssl pkey -pubout -in server.key | sha256sum (the two sums must be equal)",
	},
	{
		ID: LogBadPassphrase, Kind: "nginx", Level: "emerg",
		Match:       []string{"error:empty password", "empty password"},
		Title:       "ssl_password_file is empty",
		Explanation: "The private key is encrypted and the file named by ssl_password_file has no password in it.",
		Fix:         "Write the key's passphrase into the password file (one passphrase per line), or store the key unencrypted with mode 600: `openssl pkey -in server.key -out server-plain.key && chmod 600 server-plain.key`.",
		Confirm:     "mtlsdoctor certs --passin file:/etc/nginx/ssl_passwords /etc/nginx/certs",
	},
	{
		ID: LogBadPassphrase, Kind: "nginx", Level: "emerg",
		Match:       []string{"maybe wrong password", "bad decrypt"},
		Title:       "Wrong passphrase for the encrypted private key",
		Explanation: "The key file is encrypted and none of the passwords in ssl_password_file decrypts it (nginx tries every line in turn).",
		Fix:         "Put the right passphrase into ssl_password_file, or store the key unencrypted with mode 600: `openssl pkey -in server.key -out server-plain.key && chmod 600 server-plain.key`.",
		Confirm:     "mtlsdoctor certs --passin file:/etc/nginx/ssl_passwords /etc/nginx/certs",
	},
	{
		ID: KeyLocked, Kind: "nginx", Level: "emerg",
		Match:       []string{"bad password read"},
		Title:       "Encrypted private key and no ssl_password_file",
		Explanation: "The key is encrypted and nginx has no password for it, so OpenSSL asked 'Enter PEM pass phrase:' on the terminal; under systemd nothing answers and the load fails.",
		Fix:         "Add `ssl_password_file /etc/nginx/ssl_passwords;` (mode 600), or decrypt the key: `openssl pkey -in server.key -out server-plain.key && chmod 600 server-plain.key`.",
		Confirm:     "head -1 /etc/nginx/certs/server.key (ENCRYPTED in the header means a passphrase is needed)",
	},
	{
		ID: KeyLoadFailed, Kind: "nginx", Level: "emerg", Fallback: true,
		Match:       []string{"cannot load certificate key"},
		Title:       "nginx could not load ssl_certificate_key",
		Explanation: "The key file named by ssl_certificate_key could not be read: wrong path, not readable by the nginx master process, or not a PEM private key.",
		Fix:         "Check the path and that the file is a PEM key: `openssl pkey -in /etc/nginx/certs/server.key -noout`.",
		Confirm:     "nginx -t",
	},
	{
		ID: CertLoadFailed, Kind: "nginx", Level: "emerg",
		Match: []string{"cannot load certificate \"", "pem_read_bio_x509_aux() failed"},
		Title: "nginx could not load a certificate file",
		Explanation: "A certificate file could not be read: the path is wrong or unreadable (`No such file or directory`), or the file is not PEM (`no start line`: DER, PKCS#12, a key, or damage such as a byte-order mark). " +
			"From nginx 1.27.2 the CA files of ssl_client_certificate and ssl_trusted_certificate report their problems with this message too.",
		Fix:     "Convert to PEM: `openssl x509 -inform DER -in cert.der -out cert.pem`, or from PKCS#12 `openssl pkcs12 -in cert.p12 -clcerts -nokeys -out cert.pem`.",
		Confirm: "openssl x509 -noout -subject -in /etc/nginx/certs/server.crt",
	},
	{
		ID: StartupFailed, Kind: "nginx", Level: "emerg", Within: []string{"ssl_ctx_use_certificate(\""},
		Match:       []string{"ee key too small"},
		Title:       "nginx's server certificate key is too small for the security level",
		Explanation: "At start-up OpenSSL applies its security level to nginx's own certificate: at Debian's level 2 an RSA key under 2048 bits (or EC under 224) is refused and nginx does not start.",
		Fix:         "Make a 2048-bit (or P-256) key and a new server certificate; last resort: `ssl_ciphers \"DEFAULT:@SECLEVEL=1\";`.",
		Confirm:     "openssl x509 -noout -text -in /etc/nginx/certs/server.crt | grep 'Public-Key'",
	},
	{
		ID: StartupFailed, Kind: "nginx", Level: "emerg", Within: []string{"ssl_ctx_use_certificate(\""},
		Match:       []string{"ca md too weak"},
		Title:       "nginx's server certificate is signed with SHA-1 or MD5",
		Explanation: "At start-up OpenSSL applies its security level to nginx's own certificate: a SHA-1 or MD5 signature on it is refused (OpenSSL 3 from level 1 upwards) and nginx does not start.",
		Fix:         "Have the server certificate re-signed with SHA-256 (the key can stay).",
		Confirm:     "openssl x509 -noout -text -in /etc/nginx/certs/server.crt | grep 'Signature Algorithm'",
	},
	{
		ID: StartupFailed, Kind: "nginx", Level: "emerg",
		Match:       []string{"ssl_ctx_set0_chain"},
		Title:       "A chain certificate in ssl_certificate fails the security level",
		Explanation: "One of the certificates after the server certificate in the ssl_certificate file is refused at start-up, usually because it is signed with SHA-1 (`ca md too weak`) or has a small key (`ca key too small`).",
		Fix:         "Replace the intermediate in the file with its current SHA-256 version from the CA.",
		Confirm:     "openssl crl2pkcs7 -nocrl -certfile /etc/nginx/certs/server.crt | openssl pkcs7 -print_certs -noout",
	},
	{
		ID: VerifyClientWithoutCA, Kind: "nginx", Level: "emerg",
		Match: []string{
			"no ssl_client_certificate for ssl_verify_client",
			"no ssl_client_certificate or ssl_trusted_certificate for ssl_verify_client",
			// Not nginx output: a made-up wording that circulates on the web,
			// matched so that explain still recognises a pasted copy.
			"no \"ssl_client_certificate\" is defined for the \"ssl_verify_client\" directive",
		},
		Title:       "ssl_verify_client is set but no CA file is given",
		Explanation: "ssl_verify_client on or optional needs a CA file to check client certificates against (optional_no_ca does not). nginx 1.18-1.27.1 require ssl_client_certificate; 1.27.2 and later also accept ssl_trusted_certificate.",
		Fix:         "Add `ssl_client_certificate /etc/nginx/client-ca.pem;` next to ssl_verify_client, then `" + reload + "`.",
		Confirm:     "nginx -T | grep -E 'ssl_verify_client|ssl_client_certificate|ssl_trusted_certificate'",
	},
	{
		ID: StartupFailed, Kind: "nginx", Level: "emerg",
		Match:       []string{"ssl_load_client_ca_file("},
		Title:       "ssl_client_certificate could not be read as a list of CA names",
		Explanation: "nginx 1.18-1.27.1 read the ssl_client_certificate file to build the CA names sent to clients. It fails when the file is missing, not PEM, or holds `BEGIN TRUSTED CERTIFICATE` blocks (which only ssl_trusted_certificate accepts).",
		Fix:         "Use plain PEM certificates: `openssl x509 -in ca.pem -out /etc/nginx/client-ca.pem`.",
		Confirm:     "grep -- '-----BEGIN' /etc/nginx/client-ca.pem",
	},
	{
		ID: StartupFailed, Kind: "nginx", Level: "emerg",
		Match:       []string{"ssl_ctx_load_verify_locations("},
		Title:       "A CA file could not be loaded",
		Explanation: "The file of ssl_client_certificate or ssl_trusted_certificate is missing, unreadable or holds no PEM certificate (`no certificate or crl found`).",
		Fix:         "Point the directive at a readable PEM file of CA certificates, e.g. `" + caFileCat + "`.",
		Confirm:     "openssl crl2pkcs7 -nocrl -certfile /etc/nginx/client-ca.pem | openssl pkcs7 -print_certs -noout",
	},
	{
		ID: StartupFailed, Kind: "nginx", Level: "emerg",
		Match:       []string{"x509_lookup_load_file("},
		Title:       "The ssl_crl file could not be loaded",
		Explanation: "The file named by ssl_crl is missing or unreadable.",
		Fix:         "Point ssl_crl at a readable PEM file with a CRL for every CA in the chain: `cat root.crl.pem int.crl.pem > /etc/nginx/crl.pem`.",
		Confirm:     "openssl crl -noout -issuer -nextupdate -in /etc/nginx/crl.pem",
	},
	{
		ID: StartupFailed, Kind: "nginx", Level: "emerg",
		Match:       []string{"\"ssl_ocsp\" is incompatible with \"ssl_verify_client optional_no_ca\""},
		Title:       "ssl_ocsp cannot be combined with optional_no_ca",
		Explanation: "OCSP checking needs a verified chain, which optional_no_ca does not provide.",
		Fix:         "Use `ssl_verify_client on;` or `optional;` with a CA file, or drop ssl_ocsp.",
		Confirm:     "nginx -t",
	},
	{
		ID: StartupFailed, Kind: "nginx", Level: "emerg",
		Match:       []string{"no \"ssl_certificate\" is defined for the \"listen ... ssl\" directive"},
		Title:       "A `listen ... ssl` server has no ssl_certificate",
		Explanation: "Every server block that listens with ssl needs a server certificate and key.",
		Fix:         "Add `ssl_certificate /etc/nginx/certs/server.crt;` and `ssl_certificate_key /etc/nginx/certs/server.key;` to the server block.",
		Confirm:     "nginx -t",
	},
	{
		ID: StartupFailed, Kind: "nginx", Level: "emerg", Fallback: true,
		Match: []string{"[emerg]"}, Within: []string{"ssl"},
		Title:       "nginx refused its SSL configuration",
		Explanation: "nginx stopped at start-up or kept the old configuration on reload because of an SSL setting; the text after `failed` names the OpenSSL reason.",
		Fix:         "Run `nginx -t` to see the full message, then look up the OpenSSL reason with `mtlsdoctor explain 'REASON'`.",
		Confirm:     "nginx -t",
	},

	// Other nginx lines.
	{
		ID: StaleSSLError, Kind: "nginx", Level: "alert",
		Match: []string{"ignoring stale global ssl error"},
		Title: "Leftover OpenSSL error (side effect of a signature failure)",
		Explanation: "nginx found an OpenSSL error left over from earlier work on the connection and cleared it. It accompanies certificate signature failures (verify error 7, e.g. a CA regenerated under the same name); the text inside varies from run to run. " +
			"Treat it as a side effect: the client SSL certificate verify error line of the same connection (*N) tells what went wrong.",
		Fix:     "Fix the verify error it accompanies; usually the CA file must hold the CA that really signed the client certificates.",
		Confirm: verifyClient,
	},
	{
		ID: UpstreamVerifyError, Kind: "nginx", Level: "error",
		Match:       []string{"upstream ssl certificate verify error"},
		Title:       "nginx did not trust a backend's server certificate",
		Explanation: "With proxy_ssl_verify on, nginx (as a client) checks the backend's certificate against proxy_ssl_trusted_certificate. The code in parentheses means the same as for client certificates, but about the backend's server certificate.",
		Fix:         "Point `proxy_ssl_trusted_certificate` at the CA that issued the backend's certificate, and keep `proxy_ssl_verify_depth` large enough for its chain.",
		Confirm:     "openssl s_client -connect backend:443 -CAfile /etc/nginx/upstream-ca.pem </dev/null | grep 'Verify return code'",
	},
	{
		ID: UpstreamVerifyError, Kind: "nginx", Level: "error",
		Match:       []string{"upstream ssl certificate does not match"},
		Title:       "Backend's certificate does not match the expected name",
		Explanation: "With proxy_ssl_verify on, nginx checks the backend's certificate against proxy_ssl_name (by default the host in proxy_pass), and the certificate does not carry that name.",
		Fix:         "Set `proxy_ssl_name backend.example.com;` (and `proxy_ssl_server_name on;`) to a name the backend certificate carries, or reissue it with that name.",
		Confirm:     "openssl s_client -connect backend:443 -servername backend.example.com </dev/null | openssl x509 -noout -ext subjectAltName",
	},

	// OpenSSL reasons as clients and tools print them.
	{
		ID: WeakSignature, Kind: "reason",
		Match: []string{"ca md too weak"},
		Title: "Certificate signed with SHA-1 or MD5 (ca md too weak)",
		Explanation: "OpenSSL refused a certificate whose signature uses a digest below the security level (SHA-1 from level 1 in OpenSSL 3; Debian runs level 2). 'ca md' is the digest the CA used to sign this certificate, which may be a leaf. " +
			"In nginx's start-up errors it concerns the server certificate or its chain; printed by curl (`could not load PEM client certificate`) it is the client certificate, which the client then refuses to send, so nginx only logs `client closed connection while SSL handshaking`. " +
			"When nginx itself judges a client certificate, the same problem is verify error 68.",
		Fix:     "Re-sign the certificate with SHA-256: `" + reissueClient + "`.",
		Confirm: "openssl x509 -noout -text -in client.crt | grep 'Signature Algorithm'",
	},
	{
		ID: WeakKey, Kind: "reason",
		Match: []string{"ee key too small"},
		Title: "Certificate key too small for the security level (ee key too small)",
		Explanation: "OpenSSL refused a certificate whose own key is below the security level (at Debian's level 2: RSA under 2048 bits, EC under 224). " +
			"Printed by curl, it is the client certificate, which the client then refuses to send; in nginx's start-up errors it is the server certificate. When nginx judges a client certificate, the same problem is verify error 66.",
		Fix:     "Make a new key and certificate: `openssl req -new -newkey rsa:2048 -nodes -keyout client.key -subj '/CN=client1' -out client.csr`, then `" + reissueClient + "`.",
		Confirm: "openssl x509 -noout -text -in client.crt | grep 'Public-Key'",
	},
	{
		ID: WeakKey, Kind: "reason",
		Match:       []string{"ca key too small"},
		Title:       "CA key too small for the security level (ca key too small)",
		Explanation: "OpenSSL refused a chain whose CA certificate has a key below the security level (at Debian's level 2: RSA under 2048 bits). When nginx judges a client certificate, the same problem is verify error 67.",
		Fix:         "Create a new CA with an RSA 2048+ or P-256 key and reissue the certificates it signed.",
		Confirm:     "openssl x509 -noout -text -in int.crt | grep 'Public-Key'",
	},
	{
		ID: Unreadable, Kind: "reason",
		Match:       []string{"no start line"},
		Title:       "Not a PEM file of the expected kind (no start line)",
		Explanation: "OpenSSL found no `-----BEGIN ...-----` line of the kind it expected: the file is DER or PKCS#12, holds a key instead of a certificate, or `BEGIN TRUSTED CERTIFICATE` where plain `BEGIN CERTIFICATE` is required.",
		Fix:         "Convert to PEM: `openssl x509 -inform DER -in cert.der -out cert.pem`.",
		Confirm:     "head -1 FILE",
	},

	// TLS alerts as clients print them (Go: "remote error: tls: ...",
	// OpenSSL/curl: "tlsv1 alert ...", "sslv3 alert ..."). Inside nginx's own
	// SSL_do_handshake() line the handshake-failed entries above take over.
	{
		ID: TLSAlert, Kind: "alert",
		Match: []string{"tls: unknown certificate authority", "alert unknown ca"},
		Exact: []string{"unknown ca", "unknown_ca", "unknown certificate authority", "alert 48"},
		Title: "TLS alert 48 unknown_ca: the other side does not trust the CA",
		Explanation: "The side that sent the alert does not know the CA behind the certificate it was shown. " +
			"Printed by your client (curl `tlsv1 alert unknown ca`, Go `remote error: tls: unknown certificate authority`): the server refused your client certificate's CA during the handshake. " + notNginxHTTP + " " +
			"Written by nginx in `SSL_do_handshake() failed`: the client refused nginx's server certificate.",
		Fix:     "Server side: add the CA that issued the client certificate to the server's trust file. If nginx logged it: give the client the server's CA (`curl --cacert ca.crt ...`) and serve the full server chain.",
		Confirm: probeCmd,
	},
	{
		ID: TLSAlert, Kind: "alert",
		Match: []string{"tls: bad certificate", "alert bad certificate"},
		Exact: []string{"bad certificate", "bad_certificate", "alert 42"},
		Title: "TLS alert 42 bad_certificate: the other side rejected a certificate",
		Explanation: "Printed by your client (Go `remote error: tls: bad certificate`, OpenSSL `sslv3 alert bad certificate`): the server rejected your client certificate inside the handshake, without a more specific reason. " + notNginxHTTP + " " +
			"Written by nginx: the client rejected nginx's server certificate.",
		Fix:     "Check the client certificate against the server's CA: `" + verifyClient + "`.",
		Confirm: probeCmd,
	},
	{
		ID: TLSAlert, Kind: "alert",
		Match: []string{"tls: certificate required", "alert certificate required"},
		Exact: []string{"certificate required", "certificate_required", "alert 116"},
		Title: "TLS alert 116 certificate_required: the server wanted a client certificate",
		Explanation: "A TLS 1.3 server demanded a client certificate and got none. Either the client has none configured, or (Go, browsers) it has one but its issuer is not among the CA names the server advertised, so it silently sent nothing. " +
			"In TLS 1.3 the client learns this only on its first read after the handshake seemed to succeed. " +
			"nginx never sends this alert: in the same situation it answers with a 400 'No required SSL certificate was sent' page (496).",
		Fix:     "Configure the client certificate (`curl --cert client.crt --key client.key ...`), and make sure its issuer is among the server's acceptable CA names (for nginx: the subjects in ssl_client_certificate).",
		Confirm: "openssl s_client -connect host:443 -tls1_2 </dev/null 2>/dev/null | grep -A5 'Acceptable client certificate CA names'",
	},
	{
		ID: TLSAlert, Kind: "alert",
		Match:       []string{"tls: expired certificate", "alert certificate expired"},
		Exact:       []string{"certificate expired", "expired certificate", "certificate_expired", "alert 45"},
		Title:       "TLS alert 45 certificate_expired: a certificate has expired",
		Explanation: "Printed by your client: the server found your client certificate (or its chain) expired. Written by nginx: the client found nginx's server certificate expired. A wrong clock on the complaining side does the same.",
		Fix:         "Renew the expired certificate: `" + reissueClient + "`.",
		Confirm:     "openssl x509 -noout -enddate -checkend 0 -in client.crt",
	},
	{
		ID: TLSAlert, Kind: "alert",
		Match:       []string{"tls: unsupported certificate", "alert unsupported certificate"},
		Exact:       []string{"unsupported certificate", "unsupported_certificate", "alert 43"},
		Title:       "TLS alert 43 unsupported_certificate: wrong kind of certificate",
		Explanation: "The server refused the client certificate's type or usage; openssl s_server sends it for a client certificate without clientAuth in extendedKeyUsage (e.g. serverAuth only). nginx would log the same problem as verify error 26. " + nginxLoggedIt,
		Fix:         "Reissue the client certificate with clientAuth: `" + reissueClient + "` with " + clientExt + ".",
		Confirm:     "openssl x509 -noout -purpose -in client.crt (must show `SSL client : Yes`)",
	},
	{
		ID: TLSAlert, Kind: "alert",
		Match:       []string{"tls: revoked certificate", "alert certificate revoked"},
		Exact:       []string{"revoked certificate", "certificate revoked", "certificate_revoked", "alert 44"},
		Title:       "TLS alert 44 certificate_revoked: the certificate is revoked",
		Explanation: "The other side found the certificate in its CRL or OCSP answer. nginx would log the same for a client certificate as verify error 23 (CRL) or `verify error: certificate revoked` (OCSP). " + nginxLoggedIt,
		Fix:         "Issue a new certificate with a new serial: `" + reissueClient + "`.",
		Confirm:     "openssl x509 -noout -serial -in client.crt",
	},
	{
		ID: TLSAlert, Kind: "alert",
		Match:       []string{"tls: unknown certificate", "alert certificate unknown"},
		Exact:       []string{"certificate unknown", "unknown certificate", "certificate_unknown", "alert 46"},
		Title:       "TLS alert 46 certificate_unknown: certificate refused for an unspecified reason",
		Explanation: "The other side refused the certificate without saying why. Printed by your client: the server refused the client certificate. Written by nginx: the client refused nginx's server certificate, typically an untrusted CA or a name mismatch.",
		Fix:         "Verify the certificate against the other side's CA: `" + verifyClient + "`.",
		Confirm:     probeCmd,
	},
	{
		ID: TLSAlert, Kind: "alert",
		Match:       []string{"tls: handshake failure", "alert handshake failure"},
		Exact:       []string{"handshake failure", "handshake_failure", "alert 40"},
		Title:       "TLS alert 40 handshake_failure: no acceptable parameters",
		Explanation: "The other side could not agree on the connection parameters, or (TLS 1.2) a server that requires a client certificate got none: with TLS 1.2 curl prints `sslv3 alert handshake failure` and Go `remote error: tls: handshake failure` where TLS 1.3 gives certificate_required.",
		Fix:         "Give the client its certificate (`curl --cert client.crt --key client.key ...`) and check that TLS versions and ciphers overlap.",
		Confirm:     "openssl s_client -connect host:443 -tls1_2 -cert client.crt -key client.key </dev/null",
	},
	{
		ID: TLSAlert, Kind: "alert",
		Match:       []string{"tls: error decrypting message", "alert decrypt error"},
		Exact:       []string{"decrypt error", "decrypt_error", "error decrypting message", "alert 51"},
		Title:       "TLS alert 51 decrypt_error: a handshake signature did not verify",
		Explanation: "A signature made during the handshake did not verify. Against nginx this means the client's private key does not match the client certificate it sent; nginx logs `SSL_do_handshake() failed (... bad signature)` at crit and a Go client sees `remote error: tls: error decrypting message`.",
		Fix:         "Pair the client certificate with its own key, or make a new key and reissue.",
		Confirm:     keyPairCheck,
	},
	{
		ID: TLSAlert, Kind: "alert",
		Match:       []string{"tls: access denied", "alert access denied"},
		Exact:       []string{"access denied", "access_denied", "alert 49"},
		Title:       "TLS alert 49 access_denied: certificate valid but not allowed",
		Explanation: "The server accepted the certificate as valid but its own access policy does not allow this identity. nginx's ssl_verify_client never sends it; an application or proxy behind a TLS server does. " + nginxLoggedIt,
		Fix:         "Ask the server's operator to allow the certificate's subject, or use a certificate for an allowed identity.",
		Confirm:     "openssl x509 -noout -subject -ext subjectAltName -in client.crt",
	},
	{
		ID: TLSAlert, Kind: "alert",
		Match:       []string{"tls: protocol version not supported", "alert protocol version"},
		Exact:       []string{"protocol version", "protocol_version", "alert 70"},
		Title:       "TLS alert 70 protocol_version: no TLS version in common",
		Explanation: "The server does not accept any TLS version the client offered (OpenSSL clients print `tlsv1 alert protocol version`, and nginx logs `unsupported protocol`).",
		Fix:         "Enable current versions on the server (`ssl_protocols TLSv1.2 TLSv1.3;`) and update old clients.",
		Confirm:     "openssl s_client -connect host:443 -tls1_2 </dev/null",
	},

	// What clients print about nginx's server certificate or about being
	// refused (Go's crypto/x509 and crypto/tls, browsers).
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match: []string{"x509: certificate signed by unknown authority", "tls: failed to verify certificate: x509: certificate signed by unknown authority"},
		Title: "The client does not trust nginx's server certificate (Go)",
		Explanation: "A Go client checked nginx's server certificate against its roots (the system pool unless the program sets RootCAs) and found no CA that issued it. " +
			"This is about the server certificate, not the client certificate: with a private CA the client must be given that CA, and nginx must send its intermediates in ssl_certificate.",
		Fix:     "Give the client the CA (Go: tls.Config{RootCAs: pool} with ca.crt appended; curl: --cacert ca.crt), and serve the full chain: `cat server.crt int.crt > /etc/nginx/server-chain.crt` as ssl_certificate.",
		Confirm: "mtlsdoctor probe host:443 --ca ca.crt",
	},
	{
		ID: ServerHostnameMismatch, Kind: "client",
		Match:       []string{"x509: certificate is valid for", "x509: certificate relies on legacy common name field", "certificate is not valid for any names"},
		Title:       "nginx's server certificate does not name the host the client asked for (Go)",
		Explanation: "Go compares the host name (or IP) in the URL with the server certificate's subjectAltName only; since Go 1.15 the Common Name is ignored, so a certificate made with the guide's `openssl x509 -req` and no -extfile (no SAN at all) fails here even though curl accepts it.",
		Fix:         "Reissue the server certificate with `subjectAltName=DNS:host.example.com,IP:192.0.2.10` in its -extfile (see `mtlsdoctor certs --host host.example.com ./certs`).",
		Confirm:     "openssl x509 -noout -ext subjectAltName -in server.crt",
	},
	{
		ID: ServerCertExpired, Kind: "client",
		Match:       []string{"x509: certificate has expired or is not yet valid"},
		Title:       "A certificate the client checked is expired or not yet valid (Go)",
		Explanation: "Go found the server certificate (or a CA in its chain) outside its validity period at the client's current time: expired, or a clock that is off on one of the machines.",
		Fix:         "Renew nginx's ssl_certificate (and its intermediates), then `nginx -s reload`; check both clocks with `timedatectl`.",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -dates",
	},
	{
		ID: ClientCertRejected, Kind: "client",
		Match: []string{"ssl_error_handshake_failure_alert", "ssl_error_bad_cert_alert", "err_bad_ssl_client_auth_cert", "ssl_error_unknown_ca_alert", "err_ssl_client_auth_cert_needed"},
		Title: "The browser was refused during the TLS handshake",
		Explanation: "Firefox (SSL_ERROR_*_ALERT) and Chrome (ERR_BAD_SSL_CLIENT_AUTH_CERT) show these when the server aborts the handshake over the client certificate, or when none was chosen. " + notNginxHTTP +
			" With nginx in front, a rejected certificate shows as the 400 page 'The SSL certificate error' instead; if you see these errors, something before nginx (a load balancer, a TLS-terminating proxy) checks client certificates too.",
		Fix:     "Find which hop terminates TLS (`openssl s_client -connect host:443 -showcerts`), make sure the browser has the client certificate with its key imported (PKCS#12: `openssl pkcs12 -export -in client.crt -inkey client.key -certfile ca.crt -out client.p12`), and that its issuer is in that hop's CA list.",
		Confirm: probeCmd,
	},
	// HTTP statuses. nginx sends all three special codes as 400.
	{
		ID: Status495, Kind: "status", Status: 495,
		Match: []string{"400 the ssl certificate error", "the ssl certificate error"},
		Title: "495: the client certificate failed verification",
		Explanation: "nginx's internal status 495 means the client sent a certificate that did not verify (including a failed OCSP check). " + as400 + " " +
			"The error log says why in a `client SSL certificate verify error: (N:...)` line, but only at info level; at the default level the 400s appear with no explanation.",
		Fix:     "Set `error_log /var/log/nginx/error.log info;`, reload, reproduce, and look up the code with `mtlsdoctor explain`; check the certificates with `" + certsCmd + "`.",
		Confirm: curlClient,
	},
	{
		ID: Status496, Kind: "status", Status: 496,
		Match: []string{"400 no required ssl certificate was sent", "no required ssl certificate was sent"},
		Title: "496: no client certificate was sent",
		Explanation: "nginx's internal status 496 means ssl_verify_client is on and the client sent no certificate. " + as400 + " " +
			"Go and browser clients send nothing when their certificate's issuer is not among the CA names nginx advertises (the subjects in ssl_client_certificate).",
		Fix:     "Configure the client certificate (`curl --cert client.crt --key client.key ...`) and list its issuing CA in ssl_client_certificate.",
		Confirm: "openssl s_client -connect host:443 -tls1_2 </dev/null 2>/dev/null | grep -A5 'Acceptable client certificate CA names'",
	},
	{
		ID: Status497, Kind: "status", Status: 497,
		Match:       []string{"400 the plain http request was sent to https port", "the plain http request was sent to https port"},
		Title:       "497: plain HTTP was sent to the HTTPS port",
		Explanation: "nginx's internal status 497 means a plain-HTTP request arrived on a `listen ... ssl` port. " + as400,
		Fix:         "Use https:// in the client; to redirect, add `error_page 497 =301 https://$host$request_uri;`.",
		Confirm:     "curl -sv http://host:443/ -o /dev/null",
	},
	{
		ID: Status400, Kind: "status", Status: 400, Fallback: true,
		Match: []string{"400 bad request"},
		Title: "400: nginx refused the request",
		Explanation: "nginx sends its client-certificate errors as 400: 495 (certificate failed verification), 496 (no certificate) and 497 (plain HTTP to the HTTPS port) all appear as 400 on the wire and in the access log. " +
			"The stock page's title or size tells them apart (nginx 1.22.1 with server_tokens on: 215, 237 and 255 bytes), and the error log has the reason at info level only. Other malformed requests also give 400.",
		Fix:     "Set `error_log /var/log/nginx/error.log info;`, reload and reproduce; then run `mtlsdoctor logs /var/log/nginx/error.log /var/log/nginx/access.log`.",
		Confirm: curlClient,
	},
}

// Entries returns every catalogue entry, in catalogue order. The slice and
// its string slices are copies; changing them changes nothing here.
func Entries() []Entry {
	out := make([]Entry, len(entries))
	for i, e := range entries {
		out[i] = cloneEntry(e)
	}
	return out
}

// cloneEntry copies the slices so that callers cannot edit the table.
func cloneEntry(e Entry) Entry {
	e.Match = append([]string(nil), e.Match...)
	e.Within = append([]string(nil), e.Within...)
	e.Exact = append([]string(nil), e.Exact...)
	return e
}

// StatusForBodySize tells which special status a 400 in nginx's access log
// stands for, from the size of nginx's stock error page: 495, 496 or 497.
// The page is a fixed part (162, 184 or 202 bytes) plus 41 bytes plus the
// server token ("nginx" with server_tokens off, "nginx/1.22.1" with it on),
// plus 402 bytes of padding for MSIE and Chrome user agents. A custom
// error_page makes the size meaningless; ok is false for unknown sizes.
func StatusForBodySize(size int) (status int, ok bool) {
	const tail = 41
	pages := [...]struct{ status, size int }{{495, 162}, {496, 184}, {497, 202}}
	for _, pad := range [...]int{0, 402} {
		for _, p := range pages {
			token := size - pad - tail - p.size
			// "nginx" alone, or "nginx/" plus a version of 5 to 8 characters.
			if token == len("nginx") || (token >= len("nginx/1.9.9") && token <= len("nginx/1.100.10")) {
				return p.status, true
			}
		}
	}
	return 0, false
}
