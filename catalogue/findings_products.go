package catalogue

// productEntries tell the certificate and TLS errors of products whose
// own words name a cause their users meet often: Netty's PEM reader,
// gRPC core's credentials, CockroachDB's certificate directory,
// Elasticsearch's settings, Perl's LWP, librdkafka, lighttpd, Ballerina,
// LXD, Cilium; and OCSP responders' answers. Lookup reads them with the
// other writers' entries.
// mitmOldClient are OpenSSL's reasons, in mitmproxy's line about a client
// it "may not trust", that name an old client instead (its versions or
// algorithms): the entry for that, and not the trust one, tells them.
const mitmOldClient = "|unsupported protocol|version too low|no suitable signature algorithm|no shared cipher|no ciphers available|unsupported_protocol|no_shared_cipher"

var productEntries = []Entry{
	// Netty's SslContextBuilder (gRPC-Java, Finagle and Linkerd 1,
	// Vert.x, Pushy, Reactor Netty, Armeria) reading PEM files itself.
	{
		ID: KeyLoadFailed, Kind: "client",
		Match:       []string{"file does not contain valid private key"},
		Title:       "Netty could not read the private key: it reads PKCS#8 keys (BEGIN PRIVATE KEY), with the right password",
		Explanation: "Netty's own PEM reader (under gRPC-Java, Finagle and Linkerd 1, Vert.x, Pushy, Reactor Netty, Armeria) takes a key in PKCS#8 form, -----BEGIN PRIVATE KEY----- or -----BEGIN ENCRYPTED PRIVATE KEY----- with its password. A traditional key, -----BEGIN RSA PRIVATE KEY----- (PKCS#1) or -----BEGIN EC PRIVATE KEY-----, and one encrypted the old way (Proc-Type and DEK-Info headers, as openssl pkcs12 -nocerts of OpenSSL 1.x writes it), fails so unless Bouncy Castle is on the class path; so does a file that holds a certificate or nothing at the path given, and a key password given for a key that is not encrypted (or none for one that is): Graylog's TLS inputs make an unencrypted key of their own when no key file is set, which fails while a tls_key_password is set.",
		Fix:         "See the key's form, then write it as PKCS#8 and give that file to the program:\n  head -1 tls.key\n  openssl pkcs8 -topk8 -nocrypt -in tls.key -out tls-pkcs8.key\n(-nocrypt leaves it unencrypted; without it, a password is asked for, which the program must then be given.)",
		Confirm:     "head -1 tls-pkcs8.key",
	},
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"file does not contain valid certificates"},
		Title:       "Netty found no PEM certificate in the file it was given",
		Explanation: "Netty's own PEM reader looks for -----BEGIN CERTIFICATE----- blocks and found none: a DER file (binary, .der or .cer), a PKCS#12 or JKS keystore, a key file given where the certificate belongs, an empty file, or a path that is not the file meant.",
		Fix:         "See what the file holds, and convert a DER certificate to PEM:\n  head -1 tls.crt\n  openssl x509 -inform der -in tls.crt -out tls.pem",
		Confirm:     "openssl x509 -noout -subject -in tls.pem",
	},
	// gRPC core (Python's grpcio, Ruby, PHP, C++) asserting on a
	// half-given key pair.
	{
		ID: KeyLoadFailed, Kind: "client", Side: "client",
		Match:       []string{"pem_key_cert_pair->cert_chain != nullptr", "pem_key_cert_pair->private_key != nullptr", "pem_key_cert_pair->cert_chain != null", "pem_key_cert_pair->private_key != null"},
		Title:       "gRPC was given a client key without its certificate chain, or a chain without its key",
		Explanation: "gRPC core (under Python's grpcio, Ruby, PHP and C++) needs both halves of a key pair as bytes: grpc.ssl_channel_credentials(root_certificates, private_key, certificate_chain), and each pair of ssl_server_credentials. One of them was None or empty, and gRPC core stops the whole process at this assertion: a file that was not read (a wrong path, a helper that returns None for a missing file), an empty file, or one of the two arguments left out.",
		Fix:         "Read both files and pass both (or neither, for no client certificate):\n  creds = grpc.ssl_channel_credentials(open('ca.crt','rb').read(), open('client.key','rb').read(), open('client.crt','rb').read())\n(the root certificates, the private key, then the certificate chain)",
		Confirm:     "ls -l ca.crt client.key client.crt",
	},
	// CockroachDB reading every certificate of its --certs-dir.
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"node certificate has principals"},
		Title:       "CockroachDB refused the node certificate of the certs directory: its principals lack the node user",
		Explanation: "Every cockroach command that takes --certs-dir (cockroach sql, cert create-client, start) loads every certificate in that directory, and node.crt must name the node user (node, or the user COCKROACH_CERT_NODE_USER or --cert-principal-map gave when it was made) among its principals (its common name or subjectAltName). A node.crt made for another node user, or copied from another cluster, stops even a client command that does not need it.",
		Fix:         "Give clients a directory of their own with only ca.crt and client.USER.crt and .key; or run with the same COCKROACH_CERT_NODE_USER (or --cert-principal-map) as when node.crt was made; or make node.crt again:\n  cockroach cert create-node localhost node.example.com --certs-dir=certs --ca-key=my-safe-directory/ca.key --overwrite",
		Confirm:     "openssl x509 -noout -subject -text -in certs/node.crt | grep -A1 -e '^subject=' -e 'Subject Alternative Name'",
	},
	{
		ID: NoClientCert, Kind: "client", Side: "client",
		Match:       []string{"must use certificate authentication instead of password authentication"},
		Title:       "CockroachDB's root user may log in only with a client certificate, and none was sent",
		Explanation: "cockroach sql (and a driver given sslcert and sslkey) sends the client certificate client.root.crt with its key client.root.key from the certs directory; when they are not there it connects without one and offers a password, which CockroachDB refuses for root.",
		Fix:         "Make root's client certificate in the certs directory the client uses, then connect with it:\n  cockroach cert create-client root --certs-dir=certs --ca-key=my-safe-directory/ca.key\n  cockroach sql --certs-dir=certs --host=db.example.com\n(a driver: sslmode=verify-full&sslrootcert=certs/ca.crt&sslcert=certs/client.root.crt&sslkey=certs/client.root.key).",
		Confirm:     "ls certs/",
	},
	// Elasticsearch's start-up check of its TLS settings.
	{
		ID: StartupFailed, Kind: "client", Side: "server",
		Match:       []string{"invalid configuration for xpack.security.transport.ssl", "invalid configuration for xpack.security.http.ssl"},
		Title:       "Elasticsearch has TLS settings for a layer whose TLS is not turned on",
		Explanation: "Elasticsearch refuses to start when keystore, truststore, key or certificate settings of the transport (or HTTP) layer are set while that layer's ssl.enabled is not: the settings the message lists, in elasticsearch.yml or in the secure keystore (the secure_password entries the automatic security set-up added stay there when elasticsearch.yml is replaced, as by 8.x's changed default configuration).",
		Fix:         "Turn that layer's TLS on in elasticsearch.yml:\n  xpack.security.transport.ssl.enabled: true\nor remove every setting the message lists, the keystore's too:\n  bin/elasticsearch-keystore list\n  bin/elasticsearch-keystore remove xpack.security.transport.ssl.keystore.secure_password",
		Confirm:     "bin/elasticsearch-keystore list",
	},
	// Perl's LWP::UserAgent (LWP::Protocol::https) without a CA bundle.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		// LWP 6.0x's own spelling ("knowning") too.
		Match:       []string{"can't verify ssl peers without knowing which certificate authorities to trust", "can't verify ssl peers without knowning which certificate authorities to trust"},
		Title:       "Perl's LWP has no CA certificates to check servers with",
		Explanation: "LWP::UserAgent checks the server's certificate (verify_hostname) and finds no CA bundle at all: the Mozilla::CA module is not installed, and no CA file is named (PERL_LWP_SSL_CA_FILE, HTTPS_CA_FILE, or the ssl_opts SSL_ca_file).",
		Fix:         "Install Mozilla::CA (Debian: libmozilla-ca-perl; Fedora: perl-Mozilla-CA), or name the system's bundle:\n  cpan Mozilla::CA\n  PERL_LWP_SSL_CA_FILE=/etc/ssl/certs/ca-certificates.crt perl app.pl",
		Confirm:     "perl -MMozilla::CA -e 'print Mozilla::CA::SSL_ca_file()'",
	},
	// Ballerina's HTTP and gRPC clients.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"need to configure 'crypto:truststore' or 'cert'"},
		Title:       "Ballerina's client was given a client key but no CA to check the server with",
		Explanation: "Ballerina's HTTP and gRPC clients, once secureSocket is set (for a client certificate and key, for mutual TLS), want a CA to check the server with too, and some releases did not fall back to the default CA certificates: secureSocket has key but no cert (or truststore).",
		Fix:         "Give secureSocket the server's CA as well as the client's key:\n  secureSocket: { cert: \"ca.crt\", key: { certFile: \"client.crt\", keyFile: \"client.key\" } }\nor upgrade Ballerina.",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null",
	},
	// lighttpd's mod_openssl.
	{
		ID: StartupFailed, Kind: "client", Side: "server",
		Match:       []string{"ssl: unknown curve name"},
		Title:       "lighttpd's ssl.ec-curve takes one curve name",
		Explanation: "lighttpd's mod_openssl reads ssl.ec-curve as a single curve name (prime256v1, secp384r1); a list separated by colons, or a name its OpenSSL does not know, stops it from starting. Recent lighttpd releases choose good curves themselves.",
		Fix:         "Remove ssl.ec-curve, or give one curve:\n  ssl.ec-curve = \"prime256v1\"\nor, in lighttpd 1.4.56 and later, the list through OpenSSL's configuration:\n  ssl.openssl.ssl-conf-cmd = (\"Curves\" => \"X25519:prime256v1:secp384r1\")",
		Confirm:     "lighttpd -tt -f /etc/lighttpd/lighttpd.conf",
	},
	// librdkafka (confluent-kafka clients) reading ssl.*.pem strings.
	{
		ID: CertLoadFailed, Kind: "client", Side: "client",
		Match:       []string{"not in pem format?"},
		Within:      []string{"ssl.certificate", "ssl.key", "ssl.ca", "kafka"},
		Title:       "librdkafka could not read a PEM it was given (its guess, \"not in PEM format?\", hides the reason)",
		Explanation: "librdkafka reads ssl.certificate.pem, ssl.key.pem and ssl.ca.pem (or their .location files) with OpenSSL, and says \"not in PEM format?\" when OpenSSL gave it no reason: often a later block that does not parse (a chain certificate cut or damaged after a good first one), a value whose line breaks were lost or written as the two characters \\n (an environment variable, JSON or YAML), a missing -----END line, or a key given where a certificate belongs.",
		Fix:         "Check each block of the file or value, written to a file:\n  openssl crl2pkcs7 -nocrl -certfile client.pem | openssl pkcs7 -print_certs -noout\nthen pass real line breaks (in YAML, a block with |), one certificate after another, and the key in ssl.key.pem.",
		Confirm:     "grep -c -- '-----BEGIN' client.pem",
	},
	// A server (LXD's API, others in JSON) that wanted a client certificate.
	{
		ID: NoClientCert, Kind: "client", Side: "server",
		Match:       []string{"no client certificate provided"},
		Title:       "The server wanted a client certificate, and the request came without one",
		Explanation: "The server authenticates clients by their TLS client certificate (LXD's and Incus's API, for one, adds a client to its trust store from the certificate the request is sent with), and this request had none: the client was not given its certificate and key, or sent them to another address.",
		Fix:         "Send the request with the client certificate and key:\n  curl -k --cert client.crt --key client.key https://host:8443/1.0/certificates\n(LXD and Incus: lxc remote add, or incus remote add, with a trust token does it for you).",
		Confirm:     "curl -v --cert client.crt --key client.key https://host:8443/1.0 2>&1 | grep -i certificate",
	},
	// Go clients whose tls.Config has a GetClientCertificate hook that
	// finds nothing (Cilium's certloader did so).
	{
		ID: NoClientCert, Kind: "client", Side: "client",
		Match:       []string{"client certificate requested, but not configured"},
		Title:       "The server asked for a client certificate, and the client has none configured",
		Explanation: "The server's handshake requested a client certificate (perhaps only optionally) and the client's hook for one found no certificate loaded, so the client ended the handshake instead of going on without one: no client key pair was given to it, or, in Cilium's certloader before its fix, any request failed so even where none was needed.",
		Fix:         "Give the client its certificate and key (Cilium's Hubble: the client TLS secret of hubble-relay), or upgrade Cilium when the server does not need one.",
		Confirm:     "openssl s_client -connect host:4244 </dev/null 2>/dev/null | grep -A3 'Acceptable client certificate CA names'",
	},
	// openssl verify -crl_download and s_client fetching a CRL.
	{
		ID: CertLoadFailed, Kind: "client", Side: "client",
		Match:       []string{"error loading crl from http"},
		Title:       "openssl could not download the CRL the certificate names, or could not read it as DER",
		Explanation: "With -crl_download, openssl fetches the CRL from the certificate's CRL distribution point over HTTP and reads it as DER only: a distribution point that serves the CRL in PEM (a .pem address), an HTML page or a redirect (to https), or one it cannot reach fails so, and the verify result that follows is 3 (unable to get certificate CRL).",
		Fix:         "Publish the CRL in DER at that address:\n  openssl crl -in crl.pem -outform DER -out crl.der\nor give the CRL file yourself instead of downloading it:\n  openssl verify -crl_check -CRLfile crl.pem -CAfile ca.crt cert.crt",
		Confirm:     "curl -s http://pki.example.com/crl.pem | head -c 40",
	},
	// OCSP responders' answers (RFC 6960's OCSPResponseStatus) as openssl
	// ocsp prints them: "Responder Error: unauthorized (6)".
	{
		ID: StaplingFailed, Kind: "client", Side: "client",
		Match:       []string{"responder error: unauthorized"},
		Title:       "The OCSP responder will not answer for this certificate (unauthorized)",
		Explanation: "The responder answered with status unauthorized (6): it does not answer this request for this certificate. The usual causes: the request names another issuer than the certificate's (openssl ocsp's -issuer is not the CA that signed it), the address is another CA's responder, the certificate is one its CA no longer answers for (expired, or a CA that ended OCSP, as Let's Encrypt did in 2025), or the responder refuses the form of the request (some want a nonce, which -no_nonce leaves out).",
		Fix:         "Ask with the certificate's own issuer, at the address the certificate names, and try with a nonce (without -no_nonce):\n  openssl ocsp -issuer chain.pem -cert cert.pem -url \"$(openssl x509 -noout -ocsp_uri -in cert.pem)\" -text",
		Confirm:     "openssl x509 -noout -issuer -ocsp_uri -in cert.pem",
	},
	{
		ID: StaplingFailed, Kind: "client", Side: "client",
		Match:       []string{"responder error: malformedrequest", "responder error: internalerror", "responder error: trylater", "responder error: sigrequired"},
		Title:       "The OCSP responder refused the request",
		Explanation: "The responder answered with an error status instead of the certificate's status: malformedrequest (1) for a request it could not read (a Host header missing or in another OpenSSL version's form, a path it does not serve), internalerror (2) or trylater (3) for its own trouble, sigrequired (5) for a responder that wants signed requests.",
		Fix:         "Ask again by hand, with the responder's host name in the Host header (OpenSSL 1.1 and later take -header Host=ocsp.example.com; OpenSSL 1.0 and LibreSSL take -header Host ocsp.example.com):\n  openssl ocsp -issuer chain.pem -cert cert.pem -url http://ocsp.example.com -header Host=ocsp.example.com -text\nand for trylater or internalerror, later or after telling the CA.",
		Confirm:     "openssl x509 -noout -ocsp_uri -in cert.pem",
	},
	{
		ID: StaplingFailed, Kind: "client", Side: "client",
		Match:       []string{"code=400,reason=", "code=400, reason="},
		Within:      []string{"ocsp"},
		Title:       "The OCSP responder refused the HTTP request (400 Bad Request)",
		Explanation: "The responder read the OCSP query as HTTP and refused it: most often the Host header is missing or malformed, as when a script passes it in the form of another OpenSSL version (OpenSSL 1.1 and later take -header Host=ocsp.example.com, OpenSSL 1.0 and LibreSSL take -header Host ocsp.example.com), or the address's path is not one the responder serves.",
		Fix:         "Ask by hand with the Host header in the form of the openssl in use:\n  openssl version\n  openssl ocsp -issuer chain.pem -cert cert.pem -url http://ocsp.example.com -header Host=ocsp.example.com -text\nand fix the script that builds the query (h2o's fetch-ocsp-response and others) for that form.",
		Confirm:     "openssl x509 -noout -ocsp_uri -in cert.pem",
	},
	// Go's parser for one form of key, given another: the program calls
	// x509.ParsePKCS1PrivateKey (or another) itself.
	{
		ID: KeyLoadFailed, Kind: "client",
		Match:       []string{"(use parsepkcs8privatekey instead", "(use parsepkcs1privatekey instead", "(use parseecprivatekey instead"},
		Title:       "The Go program reads one form of private key, and its key file is in another",
		Explanation: "The program parses its key with one of Go's functions for a single form (x509.ParsePKCS1PrivateKey for BEGIN RSA PRIVATE KEY, ParsePKCS8PrivateKey for BEGIN PRIVATE KEY, ParseECPrivateKey for BEGIN EC PRIVATE KEY), and Go's message names the function the key's form needs. OpenSSL 3 writes new keys as PKCS#8 by default, so a key made or converted by it meets a program that wants PKCS#1.",
		Fix:         "Write the key in the form the program reads. For \"use ParsePKCS8PrivateKey instead\", PKCS#1 (OpenSSL 3 needs -traditional):\n  openssl rsa -in app.key -traditional -out app-pkcs1.key\nFor \"use ParsePKCS1PrivateKey instead\", PKCS#8:\n  openssl pkcs8 -topk8 -nocrypt -in app.key -out app-pkcs8.key",
		Confirm:     "head -n 1 app.key",
	},
	// Java's KeyFactory (PKCS8EncodedKeySpec) given a traditional key.
	{
		ID: KeyLoadFailed, Kind: "client",
		// "Missing key encoding" and "invalid key format" are the same
		// refusal in other JDK releases and readers (grpc-java's own).
		Match:       []string{"algid parse error, not a sequence", "missing key encoding", "invalidkeyexception: invalid key format"},
		Title:       "Java could not read the private key: it reads PKCS#8 keys (BEGIN PRIVATE KEY)",
		Explanation: "Java's KeyFactory decodes keys in PKCS#8 form only, and the program gave it a traditional one: -----BEGIN RSA PRIVATE KEY----- (PKCS#1) or -----BEGIN EC PRIVATE KEY----- (SEC 1), as OpenSSL 1.x, ssh-keygen -m PEM and many guides write them. Programs that read PEM keys themselves (grpc-java's client and server key files, Spring Boot's ssl.bundle, Kafka, Elasticsearch, Netty) meet it unless they carry Bouncy Castle.",
		Fix:         "Write the key as PKCS#8 and give that file to the program:\n  openssl pkcs8 -topk8 -nocrypt -in server.key -out server-pkcs8.key",
		Confirm:     "head -n 1 server-pkcs8.key",
	},
	// An encrypted PKCS#8 key with PBES2 (what OpenSSL writes) that an
	// old Java cannot decrypt.
	{
		ID: KeyLoadFailed, Kind: "client",
		Match:       []string{"data isn't an object id (tag = 48)"},
		Title:       "Java could not read the encrypted private key's algorithm (PBES2)",
		Explanation: "The key is an encrypted PKCS#8 key (BEGIN ENCRYPTED PRIVATE KEY) protected with PBES2 (PKCS#5 v2.0, AES), the form OpenSSL writes by default, and this Java's reading of PBES2 parameters fails (JDK releases before the fix of JDK-8076999): it takes a sequence where it wants an algorithm's identifier.",
		Fix:         "Give it the key unencrypted (kept private), or encrypted with an older scheme it reads:\n  openssl pkcs8 -topk8 -nocrypt -in client.key -out client-plain.key\n  openssl pkcs8 -topk8 -v1 PBE-SHA1-3DES -in client.key -out client-3des.key\nor upgrade the JDK.",
		Confirm:     "openssl asn1parse -in client.key | head -5",
	},
	// Ruby's OpenSSL::PKey::RSA.new (or DSA, EC) given a key it cannot read.
	{
		ID: KeyLoadFailed, Kind: "client",
		Match:       []string{"neither pub key nor priv key"},
		Title:       "Ruby could not read the key as the type the program asked for",
		Explanation: "Ruby's OpenSSL::PKey::RSA.new (or DSA.new, EC.new) read no key of that type from what it was given: a key of another type (an EC or DSA key given to code that calls RSA.new; OpenSSL::PKey.read reads any), an encrypted key without its passphrase (or with a wrong one), or a file that holds no PEM key at all, or no key at all (a key size passed as a string to RSA.new, a program's bug; a path given where the content belongs, a certificate, or CA certificates given to the option for the client's certificate and key: a client library's PEM option, such as vault-ruby's ssl_pem_contents, takes the client's own pair, and the CA bundle goes to its CA option).",
		Fix:         "See the key's type and whether it is encrypted:\n  head -n 2 client.key\n  openssl pkey -noout -text -in client.key | head -1\nthen give the program a key of the type it reads (or upgrade it to one that uses OpenSSL::PKey.read), with its passphrase if it has one.",
		Confirm:     "openssl pkey -noout -in client.key",
	},
	// A Kubernetes secret an ingress controller reads as a TLS secret.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"is missing the following tls data entries"},
		Title:       "The Kubernetes TLS secret lacks the tls.crt and tls.key entries the controller reads",
		Explanation: "An ingress controller (Traefik, ingress-nginx and others) reads a TLS secret's certificate from its tls.crt entry and its key from tls.key. This secret has other names for them (a generic secret made from files named cert.pem and key.pem), or none (an empty or wrong secret), so the host gets no certificate.",
		Fix:         "Make the secret as a TLS secret, from the certificate (with its chain) and the key:\n  kubectl create secret tls traefik-cert --cert=fullchain.pem --key=privkey.pem -n kube-system --dry-run=client -o yaml | kubectl apply -f -",
		Confirm:     "kubectl get secret traefik-cert -n kube-system -o jsonpath='{.data}'",
	},
	// Go's pem.Decode finding nothing (HashiCorp's tools' words).
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"couldn't parse pem", "could not parse pem", "failed to parse pem", "no pem certificate found", "no pem certificates found"},
		Title:       "The program found no certificate it could read in a PEM file it was given",
		Explanation: "The file named for a CA, certificate or key holds no PEM block the program can decode: it was copied incompletely or with its line breaks changed (pasted through an editor, a web form or a remote desktop, put on one line in an environment variable or a YAML value; saved as UTF-16 or with a byte-order mark), it has Windows line endings (CRLF), which some programs' own PEM readers refuse while openssl reads the file, it is DER rather than PEM, or the path names another file.",
		Fix:         "Check the file where the program runs (each block must read whole, and `file` must not say CRLF or UTF-16), and copy it again as a plain ASCII file with Unix line endings:\n  openssl x509 -noout -subject -in ca.pem\n  file ca.pem\n  sed -i 's/\\r$//' ca.pem",
		Confirm:     "openssl x509 -noout -subject -in ca.pem",
	},
	// vsftpd loading rsa_cert_file and rsa_private_key_file; other
	// servers' words for the same.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"ssl: cannot load rsa certificate", "cannot load rsa private key", "can't load rsa private key", "ssl: cannot load dsa certificate"},
		Title:       "The server could not load its certificate or key file",
		Explanation: "The server (vsftpd's rsa_cert_file and rsa_private_key_file, and others in the same words) could not read the file it is configured with: the file was never made (ssl_enable turned on without a certificate), the path is wrong, the process cannot read it, or it holds no PEM certificate or key; with both in one file, the key must follow the certificate.",
		Fix:         "See that the files named in the server's configuration (vsftpd: rsa_cert_file, rsa_private_key_file) exist, can be read by the server's user, and read as a certificate and a key:\n  openssl x509 -noout -subject -in /etc/ssl/certs/server.pem\n  openssl pkey -noout -in /etc/ssl/private/server.key\nthen make them if they are missing, or point the settings at the real files.",
		Confirm:     "openssl x509 -noout -subject -in /etc/ssl/certs/server.pem",
	},
	// Dovecot's configuration check.
	{
		ID: StartupFailed, Kind: "client", Side: "server",
		Match:       []string{"ssl enabled, but ssl_cert not set"},
		Title:       "Dovecot has TLS on, and no certificate in its global configuration",
		Explanation: "With ssl = yes (or required), Dovecot needs ssl_cert and ssl_key set at the top level of its configuration: settings inside a protocol or local block, or in a file that is not included, do not count.",
		Fix:         "Set them globally, each path after a <, in dovecot.conf or conf.d/10-ssl.conf:\n  ssl_cert = </etc/ssl/certs/mail.pem\n  ssl_key = </etc/ssl/private/mail.key\nthen check what Dovecot reads:\n  doveconf -n | grep ssl_",
		Confirm:     "doveconf -n | grep ssl_",
	},
	// Internet Explorer's (and old Edge's) page for a date refusal.
	{
		ID: ServerCertExpired, Kind: "client", Side: "client",
		Match:       []string{"security certificate presented by this website has expired or is not yet valid"},
		Title:       "The browser found the site's certificate expired or not yet valid by this computer's clock",
		Explanation: "Internet Explorer (and the Windows components that show its page) compared the certificate's dates with the computer's clock. When every site shows it, the clock is wrong: a computer whose date reset to the past (a flat CMOS battery), or a wrong time zone or year; when one site does, its certificate has expired.",
		Fix:         "Check the computer's date and time, and let Windows set it from the Internet time server; if the clock is right, the site must renew its certificate.",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -dates",
	},
	// HAProxy's ca-file that is not there.
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"unable to load ca file"},
		Within:      []string{"haproxy", "ca-file", ".cfg:", ".conf:"},
		Title:       "HAProxy could not load the CA file its configuration names",
		Explanation: "The ca-file of a bind line (client certificates) or of a server line (the backend's certificate check) names a file HAProxy cannot read as certificates: it does not exist (a generated configuration, such as a firewall's HAProxy plugin, that names a CA file it did not write), it is empty, or it is not PEM.",
		Fix:         "See that the file named exists and holds certificates:\n  openssl crl2pkcs7 -nocrl -certfile /etc/haproxy/ca.pem | openssl pkcs7 -print_certs -noout\nthen point ca-file at the real file (or choose the CA again in the tool that writes the configuration) and check:\n  haproxy -c -f /etc/haproxy/haproxy.cfg",
		Confirm:     "haproxy -c -f /etc/haproxy/haproxy.cfg",
	},
	// Windows and .NET Framework opening a PFX that OpenSSL 3 wrote.
	{
		ID: KeyLoadFailed, Kind: "client",
		Match:       []string{"the specified network password is not correct", "the specified pfx password is not correct", "requires either a different password or membership in an active directory principal"},
		Title:       "Windows could not open the PFX with the password given (or could not read its encryption)",
		Explanation: "Windows (X509Certificate2, certutil, IIS and .NET Framework on it) says the password is wrong when it is, and also when the file is encrypted with what this Windows cannot read: OpenSSL 3's pkcs12 -export writes AES-256 with PBES2 and a SHA-256 MAC, which Windows Server 2016 and older, and Windows 10 before 1709, do not open; nor do tools running there (signtool, Import-PfxCertificate), and Windows' own export with AES256-SHA256 writes such files too (its TripleDES-SHA1 choice writes one every Windows reads). A right password and a readable file still fail so under an account whose user profile is not loaded (an IIS application pool, a service), when the key would go to that user's store.",
		Fix:         "Write the PFX again with the algorithms old Windows reads (OpenSSL 3):\n  openssl pkcs12 -export -legacy -in cert.pem -inkey key.pem -certfile chain.pem -out cert-legacy.pfx\nor check first that the password opens it:\n  openssl pkcs12 -info -noout -in cert.pfx\nA service or IIS application pool that loads a PFX without a loaded user profile gets the same error when the key would go to the user's store: load it with X509KeyStorageFlags.MachineKeySet, or set Load User Profile to true for the pool.",
		Confirm:     "openssl pkcs12 -info -noout -in cert.pfx",
	},
	// Python's load_cert_chain given a password for a key without one
	// (pyOpenSSL, and urllib3 2 through it).
	{
		ID: KeyLoadFailed, Kind: "client", Side: "client",
		Match:       []string{"password was given but private key is not encrypted"},
		Title:       "The Python client was given a password for a client key that has none",
		Explanation: "The client certificate's key is not encrypted, and the program passes a password anyway (an empty string counts): the cryptography package refuses that, and so do pyOpenSSL and urllib3 releases built on it, where older ones ignored the unused password.",
		Fix:         "Pass no password for an unencrypted key (key_password=None, not \"\"), or upgrade urllib3 if the program passes one in all cases; check whether the key is encrypted:\n  head -n 1 client.key",
		Confirm:     "openssl pkey -noout -in client.key -passin pass:",
	},
	// Debian's CA bundle path where another system keeps its bundle
	// elsewhere (Fedora, RHEL, macOS) or a slim image has none.
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"/etc/ssl/certs/ca-certificates.crt"},
		Within:      []string{"failed loading", "no such file", "cannot load", "could not load", "failed to load", "unable to load", "error loading", "not found"},
		Title:       "The CA bundle path is Debian's, and this system keeps its bundle elsewhere or has none",
		Explanation: DebianBundleNote,
		Fix:         "See where this system keeps its bundle:\n  ls /etc/ssl/certs/ca-certificates.crt /etc/pki/tls/certs/ca-bundle.crt\nthen name that path in the setting (nginx: lua_ssl_trusted_certificate or the module's own); an image without a bundle needs its ca-certificates package:\n  apt-get install -y ca-certificates",
		Confirm:     "ls /etc/ssl/certs/ca-certificates.crt",
	},
	// Go reading a non-TLS answer's first bytes as a record header.
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"tls: oversized record received", "oversized record received with length"},
		Without:     []string{"length 20527"},
		Title:       "The program got bytes that are not TLS from its peer",
		Explanation: "Go read the first five bytes it received as a TLS record header, and the length in it is larger than TLS allows: the other side answered in another protocol. The length is the fourth and fifth bytes as a number: 20527 is \"P/\" of a plain HTTP answer (another entry tells that one), 11570 is \"-2\" of an SSH banner (SSH-2.0), and other values come from a banner (SMTP, FTP, a database), a proxy's own protocol, an SSL 2.0 server (scanners meet old hosts that answer so), or a port forwarded to the wrong service.",
		Fix:         "See what the port answers, in clear and in TLS:\n  curl -sv http://host:port/ -o /dev/null\n  openssl s_client -connect host:port -servername host </dev/null\nthen point the program at the TLS port, or turn TLS off on its side for a service without it.",
		Confirm:     "openssl s_client -connect host:port -servername host </dev/null",
	},
	// Ruby's name check of the server's certificate (Net::HTTP, Net::SMTP
	// and ActionMailer, Faraday).
	{
		ID: ServerHostnameMismatch, Kind: "client", Side: "client",
		Match:       []string{"does not match the server certificate"},
		Within:      []string{"openssl::ssl::sslerror", "hostname \""},
		Title:       "The Ruby client connected by a name the server's certificate does not carry",
		Explanation: "Ruby's OpenSSL checks the host name it connected to against the server certificate's names. The usual cause is the address in the client's settings: localhost, an IP address or an internal alias (ActionMailer's smtp_settings address: \"localhost\" for a mail server whose STARTTLS certificate names its real host), while the certificate carries the public name.",
		Fix:         "Connect by a name the certificate carries (ActionMailer: address: \"mail.example.com\" in smtp_settings), and see its names:\n  openssl s_client -connect mail.example.com:587 -starttls smtp </dev/null 2>/dev/null | openssl x509 -noout -subject -text | grep -A1 -e '^subject=' -e 'Subject Alternative Name'\nOnly for a local relay you trust, turn the check off in the client (ActionMailer: openssl_verify_mode: \"none\").",
		Confirm:     "openssl s_client -connect mail.example.com:587 -starttls smtp </dev/null",
	},
	// Windows' WinINet and WinHTTP (ERROR_INTERNET_INVALID_CA): Tableau,
	// Office, Windows applications.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"the certificate authority is invalid or incorrect"},
		Title:       "Windows does not trust the CA of the server's certificate (ERROR_INTERNET_INVALID_CA)",
		Explanation: "The Windows application checks the server's chain against the Windows certificate store (WinINet and WinHTTP), and its root is not among the trusted roots there: a private or new CA that was trusted only in a browser (Firefox keeps its own store), or an intermediate the server does not send.",
		Fix:         "Import the root CA into the computer's Trusted Root Certification Authorities (certlm.msc, or as administrator):\n  certutil -addstore -f Root root-ca.cer\nand make the server send its intermediates.",
		Confirm:     "openssl s_client -connect host:443 -servername host -showcerts </dev/null",
	},
	// Old npm, which pinned its registry's former CA.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"ssl error: cert_untrusted", "ssl error: self_signed_cert_in_chain"},
		Title:       "npm does not trust the registry's certificate (an old npm, or a proxy's CA)",
		Explanation: "npm checks the registry's certificate against its own ca setting or node's roots. npm releases before 1.4 trusted only the registry's former self-signed CA, and refuse the registry since it moved to a public certificate; newer npm refuses a TLS-intercepting proxy's certificate until it is given that proxy's CA.",
		Fix:         "Upgrade npm (with an old one, clear its pinned CA first), and behind a proxy give npm that proxy's CA:\n  npm config set ca \"\"\n  npm install -g npm\n  npm config set cafile /path/to/proxy-ca.pem",
		Confirm:     "npm config get ca",
	},
	// A Windows service that cannot use its certificate's private key.
	{
		ID: KeyLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"error when accessing the private key for certificate", "cannot access the private key"},
		Title:       "The service's account may not use the private key of its certificate",
		Explanation: "The certificate is in the Windows store with its private key, but the account the service runs as (a service account, an IIS application pool's identity) has no permission to read that key, so the service cannot use the certificate; many then fall back to a self-signed certificate of their own.",
		Fix:         "Give the service's account read access to the key: certlm.msc, Personal, Certificates, the certificate's All Tasks, Manage Private Keys, add the account with Read; then restart the service.",
		Confirm:     "certutil -store My",
	},
	// HAProxy's .key file beside a crt (2.2 and later), encrypted or not PEM.
	{
		ID: KeyLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"unable to load private key from file '"},
		Title:       "HAProxy could not read the private key file",
		Explanation: "HAProxy read the key file (the .key beside a crt, or a key named in a crt-list) and could not load it: an encrypted key whose passphrase is wrong (an ssl-passphrase-cmd script whose echo adds a newline, which becomes part of the passphrase), an encrypted key with no passphrase given, or a file that is not a PEM private key.",
		Fix:         "Make the script print the passphrase without a newline at its end (with printf), and check that it opens the key:\n  openssl pkey -noout -in /etc/haproxy/site.key\nthen check the configuration:\n  haproxy -c -f /etc/haproxy/haproxy.cfg",
		Confirm:     "haproxy -c -f /etc/haproxy/haproxy.cfg",
	},
	// Kafka's start-up check of its own SSL settings: a client SSLEngine
	// made from them must reach a server SSLEngine made from them.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server",
		Match: []string{"a client sslengine created with the provided settings can't connect to a server sslengine created with those settings"},
		// A reason of its own (not a CA, a name, a date) tells the cause.
		Without:     []string{"basic constraints", "not a ca", "subject alternative name", "expired", "validity check", "extended key usage", "algorithm constraints", "no name matching"},
		Title:       "Kafka's start-up check: its truststore does not trust the certificate of its own keystore",
		Explanation: "Before it listens (and when its SSL settings are changed at run time), a Kafka broker builds a client and a server from its own ssl.keystore and ssl.truststore settings and makes them shake hands; this one failed, so the broker stops. The handshake error that comes first in the line says why: PKIX path building failed when the truststore lacks the CA that issued the keystore's certificate (a truststore holding only other brokers' or clients' CAs, a certificate renewed from a new CA); a name or usage error when the keystore's certificate is not fit for both ends (it must be usable as a server certificate, and with client authentication as a client one too).",
		Fix:         "Put the CA of the broker's own certificate into its truststore, and check that the keystore's certificate chains to it:\n  keytool -list -v -keystore kafka.server.keystore.jks | grep -E 'Alias|Owner|Issuer'\n  keytool -importcert -alias ca-root -file ca.crt -keystore kafka.server.truststore.jks",
		Confirm:     "keytool -list -keystore kafka.server.truststore.jks",
	},
	// Azure Application Gateway's backend health on a backend
	// certificate's dates (its other refusals: findings_clients.go).
	{
		ID: ServerCertExpired, Kind: "client", Side: "client",
		Match:       []string{"backend certificate is invalid. current date is not within"},
		Title:       "Application Gateway found the backend's certificate out of its dates (or could not use it)",
		Explanation: "Application Gateway's health probe found the backend certificate expired or not yet valid. It says the same of a certificate whose dates are right but that it cannot use with the suites of its SSL policy (a key or signature algorithm none of them takes, such as a small or unusual key made by a test tool), so when the dates are right, look at the key and signature.",
		Fix:         "See the backend certificate's dates, key and signature:\n  openssl s_client -connect backend.internal:443 -servername backend.internal </dev/null 2>/dev/null | openssl x509 -noout -dates -text | grep -E 'Not (Before|After)|Public-Key|Signature Algorithm'\nrenew it if it is out of its dates; if not, reissue it with an RSA 2048-bit key and SHA-256, then upload its root again.",
		Confirm:     "openssl s_client -connect backend.internal:443 -servername backend.internal </dev/null 2>/dev/null | openssl x509 -noout -dates",
	},
	// JSSE's ValidatorException with its reason cut off (a pasted first
	// line): the reason's own entries answer the full line.
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match: []string{"sun.security.validator.validatorexception"},
		Without: []string{"path validation failed", "path building failed", "validity check", "algorithm constraints", "revoked", "extended key usage",
			"trust anchor", "unable to find valid certification path", "no trusted certificate", "certificate signature"},
		Title:       "Java refused a certificate chain (the reason is cut off the line)",
		Explanation: "JSSE's validator refused the chain it was shown, and the reason follows ValidatorException in the full message: most often PKIX path building failed (the trust store lacks the CA: a private CA, a TLS-intercepting proxy or appliance in front of the server with its own CA, a root an old JDK lacks), else a date, a usage or an algorithm its policy disables. A Java server logs the same words about a client certificate it refused (its stack trace shows checkClientTrusted).",
		Fix:         "Read the message to its end (the Caused by lines name the reason), and see the chain the server sends from the machine where Java runs:\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null\nthen import its root into the trust store the JVM uses:\n  keytool -importcert -alias server-ca -file ca.crt -keystore truststore.jks",
		Confirm:     "keytool -list -cacerts -storepass changeit | grep -c trustedCertEntry",
	},
	// Erlang servers (RabbitMQ's AMQP listener) reading a TLS ClientHello:
	// bytes 22, 3, 1 are a handshake record's type and version.
	{
		ID: PlainHTTP, Kind: "client", Side: "server",
		Match:       []string{"{bad_header,<<22,3,", "{bad_header, <<22,3,", "bad_header,<<22,3,"},
		Title:       "A TLS client connected to a plain (non-TLS) port: the server read a TLS hello as its own protocol",
		Explanation: "The bytes the server could not read as its protocol's header, 22, 3, 1 (hex 16 03 01), are the start of a TLS ClientHello: a client speaking TLS (amqps://, ssl options set) connected to the plain port, such as RabbitMQ's AMQP 5672 instead of its TLS listener 5671, or to a server whose TLS listener is not configured.",
		Fix:         "Point the TLS client at the TLS port (RabbitMQ: 5671, with listeners.ssl.default = 5671 and its certificate settings in rabbitmq.conf), or connect without TLS to the plain port; see which ports speak TLS:\n  openssl s_client -connect broker.example.com:5671 </dev/null",
		Confirm:     "openssl s_client -connect broker.example.com:5671 </dev/null",
	},
	// vsftpd requiring the data connection to resume the control
	// connection's TLS session.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"session reuse required"},
		Title:       "The FTP server wants the data connection to reuse the control connection's TLS session, and the client did not",
		Explanation: "vsftpd (require_ssl_reuse=YES, its default) accepts a TLS data connection only when it resumes the TLS session of the control connection, which proves it comes from the same client. Clients that open the data connection with a new session (some libraries, .NET's SslStream under older FluentFTP, old curl) fail so.",
		Fix:         "Use a client that resumes the session on the data connection (FileZilla and current curl do), or, where the risk is accepted, turn the check off on the server:\n  require_ssl_reuse=NO\nin vsftpd.conf, then restart vsftpd.",
		Confirm:     "curl -v --ssl-reqd ftp://ftp.example.com/ --user user",
	},
	// strongSwan without a private key for its own identity.
	{
		ID: KeyLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"no private key found for"},
		Title:       "strongSwan has no private key for the identity it must authenticate as",
		Explanation: "charon found no private key that matches the certificate or identity it authenticates with (leftid, or local id in swanctl.conf): the key was never made or loaded (not under /etc/ipsec.d/private or /etc/swanctl/private, no ': RSA key.pem' line in ipsec.secrets), it does not belong to the certificate, or the identity in the configuration is not one the certificate carries (an IP address where the certificate names a host, or the other way round).",
		Fix:         "See what charon loaded, then add the key and make the identity one the certificate carries (its subjectAltName):\n  swanctl --list-creds\n  ipsec listcerts\nfor ipsec.conf, with a line in /etc/ipsec.secrets:\n  : RSA server-key.pem",
		Confirm:     "swanctl --list-creds",
	},
	// rdesktop's RSA-only check of an RDP server's certificate.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"peer's certificate public key algorithm is not rsa"},
		Title:       "rdesktop takes only RSA server certificates, and the RDP server's has another key",
		Explanation: "rdesktop (1.9) accepts an RDP server's TLS certificate only with an RSA key; a server whose certificate has an ECDSA key (the self-signed certificate some RDP servers, such as newer xrdp or Windows set-ups, make for themselves) is refused before any trust check.",
		Fix:         "Give the RDP server an RSA certificate (xrdp: certificate and key_file in xrdp.ini), e.g.:\n  openssl req -x509 -newkey rsa:2048 -nodes -keyout key.pem -out cert.pem -days 825 -subj '/CN=rdp.example.com'\nor use another client (FreeRDP's xfreerdp takes ECDSA).",
		Confirm:     "nmap -p 3389 --script ssl-cert rdp.example.com",
	},
	// OpenSMTPD loading its pki key.
	{
		ID: KeyLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"load_pki_keys: failed to load key file", "load_pki_keys: failed tout load key file"},
		Title:       "OpenSMTPD could not load the key of a pki",
		Explanation: "smtpd reads the key named by the pki's key line at start: a key with a passphrase cannot be loaded when smtpd runs as a daemon (it has no terminal to ask), and a wrong path or a key smtpd's user cannot read fail the same way.",
		Fix:         "Give smtpd the key without a passphrase (kept private, mode 600), and check the pki lines of smtpd.conf:\n  openssl pkey -in /etc/ssl/private/mail.key -out /etc/ssl/private/mail-plain.key\n  chmod 600 /etc/ssl/private/mail-plain.key\n  smtpd -n",
		Confirm:     "smtpd -n",
	},
	// A PEM's text given where a program wants its file's path (Dovecot
	// 2.4's ssl_server_cert_file kept 2.3's "<" that inserts the text).
	{
		ID: CertLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"-----begin certificate-----", "-----begin private key-----", "-----begin rsa private key-----", "-----begin ec private key-----"},
		Within:      []string{"open(", "no such file", "can't open", "cannot open", "failed to open", "stat(", "file name too long"},
		Title:       "The certificate's text was given where the path of its file belongs",
		Explanation: "The program tried to open a file whose name is the PEM text itself: the setting holds the certificate (or key) where it wants a path, or a configuration syntax that inserts a file's text was used for a setting that takes a path. Dovecot 2.4 is the usual case: its ssl_server_cert_file and ssl_server_key_file take paths, while 2.3's ssl_cert and ssl_key took < followed by the path, which inserts the text.",
		Fix:         "Give the setting the file's path, without the < (Dovecot 2.4):\n  ssl_server_cert_file = /etc/dovecot/fullchain.pem\n  ssl_server_key_file = /etc/dovecot/privkey.pem\nthen check what the program reads:\n  doveconf -n | grep ssl_",
		Confirm:     "doveconf -n | grep ssl_",
	},
	// Contour checking the CA secret of an upstream validation policy.
	{
		ID: CertLoadFailed, Kind: "client", Side: "client",
		Match:       []string{"tls upstream validation policy error", "invalid ca secret"},
		Title:       "Contour found no usable CA secret for checking the upstream's certificate",
		Explanation: "An HTTPProxy's upstreamValidation (or an Ingress's upstream TLS annotation) names a secret with the CA Envoy must check the service's certificate with, and Contour has none it accepts under that name: the secret is in another namespace than the HTTPProxy (only its own namespace counts, unless a TLSCertificateDelegation allows it), the name is misspelt, or the secret has no ca.crt key. Older Contour releases also ignored a CA secret of type kubernetes.io/tls (as cert-manager writes it, with tls.crt, tls.key and ca.crt) and reported it as not found; they wanted an Opaque secret holding ca.crt.",
		Fix:         "See the secret's namespace, type and keys:\n  kubectl get secret -n NAMESPACE NAME -o jsonpath='{.type} {.data}'\nThen put it beside the HTTPProxy with a ca.crt key, or make an Opaque one from the CA file:\n  kubectl create secret generic NAME -n NAMESPACE --from-file=ca.crt=ca.crt\nor upgrade Contour.",
		Confirm:     "kubectl get secret -n NAMESPACE NAME -o jsonpath='{.type}'",
	},
	// istiod building its CA from the files of its CA secret.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"failed to create ca keycertbundle", "cannot verify the cert with the provided root chain"},
		Title:       "istiod's CA certificate does not chain to the root it was given",
		Explanation: "istiod reads its signing CA from a secret (cacerts, for a CA you plug in: ca-cert.pem, ca-key.pem, root-cert.pem, cert-chain.pem; or istio-ca-secret, the self-signed one it made) and checks ca-cert.pem against root-cert.pem and cert-chain.pem before it signs anything. Here it did not verify: the files come from different CAs (a root or chain from another run of the same script), the chain file lacks an intermediate or holds them out of order, or two istiod revisions of different releases share the secret and an older one cannot read what a newer one wrote.",
		Fix:         "Check the CA certificate against the root and chain in the secret, as istiod does:\n  openssl verify -CAfile root-cert.pem -untrusted cert-chain.pem ca-cert.pem\nthen make the secret again from one set of files, and restart istiod:\n  kubectl create secret generic cacerts -n istio-system --from-file=ca-cert.pem --from-file=ca-key.pem --from-file=root-cert.pem --from-file=cert-chain.pem",
		Confirm:     "openssl verify -CAfile root-cert.pem -untrusted cert-chain.pem ca-cert.pem",
	},
	// Java's SSLEngine (Netty, Elasticsearch and its security plugins)
	// given a ChangeCipherSpec out of turn.
	{
		ID: HandshakeFailed, Kind: "client", Side: "server", Level: infoLevel,
		Match:       []string{"illegal change cipher spec msg"},
		Title:       "A Java server got a handshake out of order: usually a health check or a scanner",
		Explanation: "Java's TLS engine read a ChangeCipherSpec before the handshake had reached it. Real clients do not send that; a scanner testing CCS injection does, and so do load balancers' and routers' TLS health checks that send a bare or partial handshake to the backend's TLS port (an OpenShift re-encrypt route's router, HAProxy's ssl-hello-chk). Usually harmless; when real clients fail at the same time, an old client or a proxy in between that rewrites the handshake is the suspect.",
		Fix:         "Find what connects from the address of these errors (a router, a load balancer's check, a scanner). For a health check, let it do a full TLS handshake or check a plain-HTTP port instead (HAProxy: check-ssl in place of option ssl-hello-chk); then see that real clients connect:\n  openssl s_client -connect host:9200 </dev/null",
		Confirm:     "openssl s_client -connect host:9200 </dev/null",
	},
	// PyMongo on pyOpenSSL, hiding a certificate error.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"module service_identity has no attribute", "module 'service_identity' has no attribute"},
		Title:       "PyMongo hit a certificate error and, through pyOpenSSL, reported it as a missing attribute",
		Explanation: "With pyOpenSSL installed, PyMongo checks the server's certificate through it and service_identity; when that check fails (the server's name not in its certificate, or its CA not trusted), some PyMongo releases name an exception that the installed service_identity does not have, so the real certificate error is replaced by this one. The certificate problem is real; this message hides which it is.",
		Fix:         "Upgrade PyMongo (the fix is in 4.13.1 and later), or uninstall pyopenssl so that Python's ssl module reports the real error, then fix that: the CA with tlsCAFile, the name with a certificate that carries it:\n  pip install -U pymongo\n  openssl s_client -connect db.example.com:27017 -showcerts </dev/null",
		Confirm:     "pip show pymongo pyopenssl service_identity",
	},
	// PostgreSQL clients that require TLS from a server without it.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"ssl is not enabled on the server", "server refused tls connection", "server does not support ssl, but ssl was required"},
		Title:       "The PostgreSQL client requires TLS and the server has it turned off",
		Explanation: "The client asked the server to start TLS (PostgreSQL's SSLRequest) and the server said no: its ssl setting is off, or it was never given a certificate and key. Go's lib/pq uses sslmode=require unless told otherwise, pgx and libpq's clients fail the same way with sslmode=require or stricter; a server in a container or a local test database often has no TLS at all.",
		Fix:         "Turn TLS on in the server (postgresql.conf, then reload):\n  ssl = on\n  ssl_cert_file = 'server.crt'\n  ssl_key_file = 'server.key'\nor, for a server that should stay without TLS (local, tests), say so in the connection string: sslmode=disable.",
		Confirm:     "psql \"host=db.example.com sslmode=require\" -c 'SHOW ssl'",
	},
	// ingress-nginx's Lua code setting a certificate chain per request.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"ssl_add0_chain_cert() failed", "failed to set der cert"},
		Title:       "ingress-nginx could not use a certificate of the secret's chain: OpenSSL refused it",
		Explanation: "ingress-nginx sets each host's certificate and chain from its Lua code (certificate.lua) for every handshake, and OpenSSL refused one of the chain's certificates, so the handshake fails (clients see an internal_error alert). Most often an intermediate fails the security level (an RSA key under 2048 bits: ca key too small; a SHA-1 or MD5 signature: ca md too weak), or the secret's tls.crt holds something that is not a certificate of that chain. The controller's log lines next to it name OpenSSL's reason.",
		Fix:         "See each certificate of the secret's chain, its key size and signature:\n  kubectl get secret -n NAMESPACE NAME -o jsonpath='{.data.tls\\.crt}' | base64 -d > tls.crt\n  openssl crl2pkcs7 -nocrl -certfile tls.crt | openssl pkcs7 -print_certs -text -noout | grep -E 'Subject:|Public-Key|Signature Algorithm'\nthen replace a weak intermediate (ask the CA for its current chain) and update the secret.",
		Confirm:     "openssl crl2pkcs7 -nocrl -certfile tls.crt | openssl pkcs7 -print_certs -noout",
	},
	// nginx given BoringSSL's equal-preference cipher groups.
	{
		ID: StartupFailed, Kind: "client", Side: "server",
		Match:       []string{"ssl_ctx_set_cipher_list(\"["},
		Title:       "ssl_ciphers uses BoringSSL's [A|B] groups, which OpenSSL does not read",
		Explanation: "A cipher string with bracketed groups, [ECDHE-ECDSA-AES128-GCM-SHA256|ECDHE-ECDSA-CHACHA20-POLY1305], is BoringSSL's equal-preference syntax (and that of a patch some builds add to OpenSSL). nginx built on stock OpenSSL cannot read it and does not start; such strings come from configurations written for Cloudflare's or another BoringSSL build.",
		Fix:         "Write the list without brackets and bars (or use a generated configuration for your OpenSSL), then test:\n  ssl_ciphers ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305;\n  nginx -t",
		Confirm:     "openssl ciphers -v 'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256'",
	},
	// A Lua cosocket (OpenResty, ingress-nginx, Kong) checking a name.
	{
		ID: ServerHostnameMismatch, Kind: "client", Side: "client",
		Match:       []string{"lua ssl certificate does not match host"},
		Title:       "A Lua cosocket checked the server's certificate against the name it was given, and it does not match",
		Explanation: "With verification on (lua_ssl_verify_depth and lua_ssl_trusted_certificate), sslhandshake(reused_session, server_name, ssl_verify) checks the peer's certificate against server_name. The name in the line is what the code passed: an IP address when it resolved the host itself (a DNS cache, a balancer) and passed the address, or a name the certificate does not carry. ingress-nginx's OCSP fetch did so with the responder's address before a fix.",
		Fix:         "Pass the server's real host name as sslhandshake's server_name (it is sent as SNI too), keeping the resolved address only for connect:\n  sock:connect(ip, 443)\n  sock:sslhandshake(nil, \"api.example.com\", true)\nand see the names the certificate carries:\n  openssl s_client -connect api.example.com:443 -servername api.example.com </dev/null 2>/dev/null | openssl x509 -noout -text | grep -A1 'Subject Alternative Name'",
		Confirm:     "openssl s_client -connect api.example.com:443 -servername api.example.com </dev/null",
	},
	// JavaMail's STARTTLS.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"could not convert socket to tls"},
		Title:       "JavaMail could not start TLS with the mail server (STARTTLS)",
		Explanation: "JavaMail (Jakarta Mail, and what uses it: Spring's JavaMailSender, Jenkins, Clojure's postal) sent STARTTLS and the TLS handshake failed; the exception after this one says why. Most often the mail server's certificate is not trusted by the JVM (PKIX path building failed: a private or self-signed CA, or an intercepting gateway); else no TLS version in common (a newer JDK has TLS 1.0 and 1.1 off while an old mail server offers nothing else: No appropriate protocol).",
		Fix:         "Import the mail server's CA into the JVM's trust store (or mail.smtp.ssl.trust=smtp.example.com, which trusts that host without checking its certificate), and allow TLS 1.2:\n  keytool -importcert -alias mailca -file ca.crt -keystore $JAVA_HOME/lib/security/cacerts -storepass changeit\n  mail.smtp.ssl.protocols=TLSv1.2",
		Confirm:     "openssl s_client -connect smtp.example.com:587 -starttls smtp </dev/null 2>/dev/null | grep -E 'subject=|issuer=|Verify return'",
	},
	// SQL Server's engine loading the certificate it is told to use.
	{
		ID: KeyLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"unable to load user-specified certificate"},
		Title:       "SQL Server could not load its TLS certificate, and will not accept connections",
		Explanation: "SQL Server's engine reads the certificate named (by thumbprint) in its network configuration from the computer's Personal store at start-up. It fails when its service account (NT Service\\MSSQLSERVER, or the account the service runs as) may not read the certificate's private key, when the certificate has no private key or sits in the user's store instead, when the thumbprint in the registry does not match (a renewed certificate; a pasted thumbprint with a hidden character), or when it is not made for server authentication with the machine's name.",
		Fix:         "In certlm.msc, Personal, Certificates: the certificate must show a private key; All Tasks, Manage Private Keys: give the service account Read. Then choose the certificate again in SQL Server Configuration Manager (Protocols, Certificate) and restart the service; see what it runs as with:\n  sc qc MSSQLSERVER",
		Confirm:     "sc qc MSSQLSERVER",
	},
	// Windows PowerShell's PackageManagement and PowerShellGet.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"unable to download from uri", "unable to resolve package source 'https://www.powershellgallery.com"},
		Title:       "Windows PowerShell could not reach the gallery: most often it offers only TLS 1.0",
		Explanation: "Install-Module, Install-PackageProvider and Find-Module in Windows PowerShell 5.1 run on .NET Framework, which by default offers the TLS versions of its own age; the PowerShell Gallery and go.microsoft.com accept TLS 1.2 and later only (since 2020), so the download fails with these words and no TLS detail. A proxy that needs credentials or re-signs TLS gives the same words.",
		Fix:         "Allow TLS 1.2 in the session, then retry:\n  [Net.ServicePointManager]::SecurityProtocol = 'Tls12'\n  Install-PackageProvider -Name NuGet -Force\nFor good, set SchUseStrongCrypto to 1 under HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319 (and under Wow6432Node), or use PowerShell 7.",
		Confirm:     "[Net.ServicePointManager]::SecurityProtocol",
	},
	// GLib's TLS (glib-networking on GnuTLS) under libsoup: flatpak,
	// GNOME's programs, fwupd.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"unacceptable tls certificate", "certificat tls inacceptable"},
		Title:       "GLib's TLS refused the server's certificate (flatpak, GNOME, fwupd)",
		Explanation: "Programs on libsoup and GLib (flatpak, GNOME Software, Epiphany, gvfs, fwupd) check the server's certificate with glib-networking, on GnuTLS and the system's CA bundle, and report any refusal in these words: a CA missing from an old or minimal bundle (a container or CI image), an old GnuTLS that builds Let's Encrypt's chain through the expired DST Root CA X3, an expired certificate or a wrong clock, a name the certificate does not carry, or a proxy that re-signs TLS. With `couldn't load TLS file database` before it, no CA was loaded at all (a glib-networking built with a CA path that does not exist); glib-openssl before 2.50.3 refused valid chains by a bug of its own. A server's own self-signed certificate (an XMPP, mail or home server's) is refused the same way until its certificate is trusted or replaced.",
		Fix:         "Refresh the CA bundle (and GnuTLS and glib-networking), then see what GnuTLS says of the server:\n  apt-get update\n  apt-get install -y ca-certificates libgnutls30 glib-networking\n  gnutls-cli --print-cert flathub.org </dev/null",
		Confirm:     "gnutls-cli flathub.org </dev/null",
	},
	// FreeRADIUS and a supplicant or RadSec peer without a TLS version in
	// common ("Alert write:fatal:protocol version", which explain reads as
	// "alert protocol version").
	{
		ID: HandshakeFailed, Kind: "client", Side: "server",
		Match:       []string{"alert protocol version", "alert write:fatal:protocol version", "alert read:fatal:protocol version"},
		Within:      []string{"eap_", "(tls) alert", "radiusd", "freeradius", "rlm_eap"},
		Title:       "FreeRADIUS and its client share no TLS version",
		Explanation: "`Alert write` is an alert FreeRADIUS sent, `Alert read` one it received: the supplicant (or RadSec peer) offered no TLS version between FreeRADIUS's tls_min_version and tls_max_version (the tls-config section of mods-available/eap, or the listener's tls section). Two cases cover most: 1. an old supplicant (Android 7 and older, Windows 7 or 8 without the TLS 1.2 update, old phones and printers) offers only TLS 1.0 or 1.1 for PEAP or EAP-TLS, while FreeRADIUS 3.0.22 and later default to tls_min_version = \"1.2\" (an upgrade, or a distribution's package, raises it); 2. a peer that offers only TLS 1.3 against the 3.0 branch, which keeps TLS 1.3 off whatever tls_max_version says (3.2 has it).",
		Fix:         "See the versions each side offers in the debug output:\n  radiusd -X\nReplace or update the old clients, or let them in knowingly, in mods-available/eap's tls-config (with OpenSSL 3, TLS 1.0 and 1.1 also need cipher_list = \"DEFAULT@SECLEVEL=0\"):\n  tls_min_version = \"1.0\"\nFor TLS 1.3, upgrade to FreeRADIUS 3.2, or let the peer offer TLS 1.2.",
		Confirm:     "radiusd -X",
	},
	// IKEv2's answer when a peer's certificate or ID does not pass
	// (libreswan's pluto, strongSwan's charon).
	{
		ID: VerifyError, Kind: "client",
		Match:       []string{"notification authentication_failed", "authentication_failed notify", "received authentication_failed", "notify authentication_failed"},
		Title:       "The IPsec peer's authentication failed (IKEv2 AUTHENTICATION_FAILED)",
		Explanation: "In IKE_AUTH each side proves the identity (ID) it claims with its certificate (or a pre-shared key), and the side that checks answers AUTHENTICATION_FAILED when that fails. Four causes: 1. the ID is not among the certificate's subjectAltName entries, which libreswan and strongSwan require: leftid/rightid (swanctl: local/remote id) of @vpn.example.com needs that DNS name in the SAN, and an ID written @192.0.2.1 is a name, not the address (an IP ID, written without @, needs an IP SAN); 2. the peer's CA is not trusted where the daemon looks (libreswan: its NSS database; strongSwan: /etc/swanctl/x509ca or ipsec.d/cacerts); 3. one side authenticates with a certificate and the other expects a pre-shared key or EAP (authby, auth); 4. an expired or revoked certificate. The side that sent the notification logs which in its own log.",
		Fix:         "Compare the IDs with the certificates' names, and set each ID to a name the certificate carries (libreswan: leftid=%fromcert uses the certificate's subject):\n  openssl x509 -noout -text -in gw.crt | grep -A1 'Subject Alternative Name'\nthen read the checking side's log for its reason (libreswan's unit is ipsec, strongSwan's strongswan):\n  journalctl -u ipsec",
		Confirm:     "openssl x509 -noout -text -in gw.crt | grep -A1 'Subject Alternative Name'",
	},
	// openfortivpn refusing a FortiGate's certificate it cannot verify.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"gateway certificate validation failed", "certificate digest is not in the local whitelist"},
		Title:       "openfortivpn does not trust the FortiGate's certificate",
		Explanation: "openfortivpn checked the gateway's certificate against its CAs (the system's bundle, or ca-file) and found no trusted chain, and its SHA-256 digest is not in trusted-cert either: a FortiGate serving its self-signed factory certificate, a private CA not given to the client, or a certificate renewed since its digest was listed. openfortivpn prints the digest and the option that trusts it; a front end (openfortigui, NetworkManager-fortisslvpn) must pass that option on, and one that looks for the message in an older wording may fail to offer it after an openfortivpn update.",
		Fix:         "Best, put a certificate from a trusted CA on the FortiGate, or give the client its CA:\n  ca-file = /etc/openfortivpn/ca.pem\nOr trust this certificate's digest after checking it with the gateway's administrator, in the configuration file:\n  trusted-cert = DIGEST",
		Confirm:     "openssl s_client -connect vpn.example.com:443 </dev/null 2>/dev/null | openssl x509 -noout -fingerprint -sha256",
	},
	// OpenVPN's chain check against its own `ca`.
	{
		ID: ServerCertUntrusted, Kind: "client", Within: []string{"verify error: depth="},
		Match: []string{"error=self-signed certificate in certificate chain", "error=self signed certificate in certificate chain", "error=unable to get local issuer certificate",
			"error=unable to get issuer certificate", "error=self-signed certificate", "error=self signed certificate", "error=unable to verify the first certificate"},
		Title:       "OpenVPN does not trust the peer's CA: its `ca` is not the one that signed the peer",
		Explanation: "OpenVPN checks the peer's chain against its own `ca` only (the <ca> block of the profile, or the file it names), never the system's store, and the CA at the depth shown is not in it. On a client: a profile from before the VPN provider or server changed its CA (providers rotate them; a client or container image that ships providers' profiles needs its update), or the `ca` of another server. On a server: a client certificate issued by another CA, such as a PKI rebuilt with easyrsa init-pki after the clients were issued. On either side, when the `ca` is the right one: an old PKI whose certificates are signed with MD5 (an old easy-rsa), which OpenSSL 1.1 and later refuse, and which can show as this error rather than as a weak digest.",
		Fix:         "Fetch the provider's current profiles (or update the image that bundles them), or put in `ca` the CA that signed the peer's certificate; compare the two:\n  openssl x509 -noout -subject -fingerprint -sha256 -in ca.crt\n  openssl verify -CAfile ca.crt peer.crt\nSee the signature algorithm of each (md5WithRSAEncryption means a PKI to make again with SHA-256):\n  openssl x509 -noout -text -in ca.crt | grep 'Signature Algorithm'",
		Confirm:     "openssl verify -CAfile ca.crt peer.crt",
	},
	// Amazon CloudFront's 502 page when it cannot reach an origin.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"cloudfront wasn't able to connect to the origin", "cloudfront was not able to connect to the origin"},
		Title:       "CloudFront could not connect to the origin (its TLS to the origin failed)",
		Explanation: "CloudFront is the client of your origin, and its 502 page says it could not open a connection, or finish a TLS handshake, with it. With an HTTPS origin, four causes: 1. the origin's certificate is not from a public CA, is expired, lacks its intermediate, or does not carry the origin domain name (or the Host header, when that is forwarded); 2. no TLS version or cipher in common: the origin allows only versions the distribution's Origin SSL protocols leave out, or only ciphers CloudFront does not offer (after a hardening of ssl_protocols or ssl_ciphers); 3. the origin needs SNI for a name CloudFront does not send; 4. the origin is not listening for the origin protocol policy's scheme and port (HTTPS to port 80), or a firewall or security group blocks CloudFront's addresses.",
		Fix:         "Test the origin as CloudFront does, with the origin domain name:\n  openssl s_client -connect origin.example.com:443 -servername origin.example.com -tls1_2 </dev/null\nThen serve a public certificate with its chain for that name, keep TLS 1.2 with ECDHE-RSA-AES128-GCM-SHA256 among the ciphers, and match the distribution's Origin SSL protocols and origin protocol policy to what the origin offers; nginx:\n  ssl_protocols TLSv1.2 TLSv1.3;",
		Confirm:     "openssl s_client -connect origin.example.com:443 -servername origin.example.com -tls1_2 </dev/null",
	},
	// cloudflared's origin refusing the name it was asked for.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"tls: unrecognized name"},
		Within:      []string{"cloudflared", "unable to reach the origin service", "originrequest"},
		Title:       "The origin refused the server name cloudflared asked for (unrecognized_name)",
		Explanation: "cloudflared is the client of your origin service, and sends as SNI the host of the ingress rule's service URL (localhost, an IP address, a container name) unless originRequest.originServerName says otherwise. The origin has no site for that name and refuses the handshake: an nginx whose default server has ssl_reject_handshake on (Nginx Proxy Manager 2.9.20 and later) does exactly this for names it has no server block for.",
		Fix:         "Make cloudflared send a name the origin serves, in the ingress rule:\n  originRequest:\n    originServerName: app.example.com\n(with httpHostHeader: app.example.com when the origin also routes by Host), or give the origin a default site for other names.",
		Confirm:     "openssl s_client -connect origin:443 -servername app.example.com </dev/null",
	},
	// Chrome's page for ERR_SSL_VERSION_OR_CIPHER_MISMATCH.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"uses an unsupported protocol", "don't support a common ssl protocol version or cipher suite"},
		Title:       "The browser and the server share no TLS version or cipher (ERR_SSL_VERSION_OR_CIPHER_MISMATCH)",
		Explanation: "Chrome's page `HOST uses an unsupported protocol` is ERR_SSL_VERSION_OR_CIPHER_MISMATCH: the handshake found nothing in common. Four causes: 1. the server (or the CDN in front of it) has no certificate for this name and so offers nothing it can use: Cloudflare's Universal SSL covers the domain and one level below it (*.example.com), not a.b.example.com, and a CDN's or hosting front end's certificate for a new name may not be issued yet; 2. the server allows only TLS 1.0 or 1.1, which current browsers refuse; 3. only ciphers browsers dropped (RC4, 3DES, export); 4. a certificate key the offered ciphers cannot use (an ECDSA certificate with RSA-only ciphers, DSA).",
		Fix:         "See what the server offers for that name:\n  openssl s_client -connect host:443 -servername host </dev/null\n  nmap --script ssl-enum-ciphers -p 443 host\nBehind Cloudflare, use a name one level below the domain, or give the deeper name its own edge certificate (an Advanced certificate); on the server, allow TLS 1.2 and 1.3 with ECDHE ciphers.",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null",
	},
	// Kafka's SSL engine factory reading its stores' modification times.
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"modification time of key store could not be obtained", "modification time of trust store could not be obtained"},
		Title:       "Kafka could not find the keystore or truststore file it was given",
		Explanation: "Kafka's SSL engine factory (a broker, a client, Connect) reads the modification time of the file ssl.keystore.location or ssl.truststore.location names, to reload it when it changes, and this file is not there: a wrong or relative path, a volume or Kubernetes secret not mounted (or mounted under another name), or a store never created.",
		Fix:         "Check the path from inside the container or host that runs Kafka, and set the location to the file that exists (an absolute path):\n  ls -l /etc/kafka/secrets/kafka.keystore.jks\n  ssl.keystore.location=/etc/kafka/secrets/kafka.keystore.jks",
		Confirm:     "ls -l /etc/kafka/secrets/",
	},
	// hitch looking up its certificate's issuer, for OCSP stapling.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"unable to find issuer for cert"},
		Title:       "hitch could not find the issuer of its own certificate",
		Explanation: "hitch looks up the issuer of each certificate it serves, to fetch and staple its OCSP response: in the pem-file after the certificate, then among the system's CAs. It fails when the pem-file holds the certificate without its intermediate, or, with the chain in place, when hitch cannot use the system's CA store: a hitch package built against another OpenSSL release than the one installed (it began after an OpenSSL update) needs its own update.",
		Fix:         "Put the key, the certificate and its intermediates in the pem-file, in that order, and check the chain:\n  cat site.key site.crt intermediate.crt > /etc/hitch/site.pem\n  openssl verify -untrusted intermediate.crt site.crt\nIf the chain is there and it began after an OpenSSL update, update or rebuild hitch.",
		Confirm:     "grep -c 'BEGIN CERTIFICATE' /etc/hitch/site.pem",
	},
	// curl before 7.50 or so, on OpenSSL, when the handshake ends without
	// a reason (SSL_ERROR_SYSCALL): "Unknown SSL protocol error in
	// connection to HOST:PORT".
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"unknown ssl protocol error in connection to"},
		Without:     []string{":-98"}, // curl on Secure Transport gives Apple's code instead of a port
		Title:       "The connection ended during the TLS handshake, without a reason (an older curl)",
		Explanation: "An older curl (libcurl inside PHP, git or another program) prints this when the handshake stops with the connection closed or reset and no TLS alert, so OpenSSL has no reason to give. Four causes: 1. the server requires what this client cannot offer: TLS 1.2 (a curl on OpenSSL 0.9.8 or 1.0.0 has none), SNI, or current ciphers, and closes instead of sending an alert (public APIs that dropped TLS 1.0 do); 2. a firewall, proxy or load balancer in the path resets the connection; 3. the server wants a client certificate and closes without one; 4. the port does not speak TLS.",
		Fix:         "Look from the same machine with a current client, then with this one's TLS version forced:\n  openssl s_client -connect host:443 -servername host </dev/null\n  curl -v --tlsv1.2 https://host/\nIf the server needs TLS 1.2 or SNI, upgrade curl and its TLS library (curl -V shows which).",
		Confirm:     "curl -V",
	},
	// A Rust client's I/O error: the server reset the connection in the
	// handshake ("TLS read error: Os { ... kind: ConnectionReset ... }").
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"kind: connectionreset"},
		Within:      []string{"tls", "ssl", "handshake", "rustls"},
		Title:       "The server reset the connection during the TLS handshake (a Rust client)",
		Explanation: "The Rust program's TLS (rustls in most, native-tls in some) got a TCP reset before the handshake finished, without an alert. Four causes: 1. no cipher suite or version in common: rustls offers only TLS 1.2 and 1.3 with ECDHE and AEAD suites (AES-GCM, ChaCha20-Poly1305), and a server that allows only older suites (CBC, RSA key exchange) or versions may reset rather than alert; 2. a firewall, proxy or SNI-filtering middlebox in the path; 3. a server that wants a client certificate, or another name in SNI; 4. a port that does not speak TLS.",
		Fix:         "See which versions and suites the server takes, and whether it takes the ones rustls offers:\n  nmap --script ssl-enum-ciphers -p 443 host\n  openssl s_client -connect host:443 -servername host -tls1_2 -cipher 'ECDHE+AESGCM:ECDHE+CHACHA20' </dev/null\nA server with only CBC or RSA key exchange suites must enable ECDHE with AES-GCM; until then, a client built with native-tls (OpenSSL) may connect.",
		Confirm:     "nmap --script ssl-enum-ciphers -p 443 host",
	},
	// OpenSSL 3 as the client of a TLS 1.0 or 1.1 server: its key
	// exchange signature uses SHA-1 and MD5, below the security level.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"tls_process_key_exchange:internal error", "tls_process_ske_dhe:internal error", "tls_process_ske_ecdhe:internal error"},
		Title:       "OpenSSL 3 refused the old server's key exchange signature (TLS 1.0 or 1.1, SHA-1)",
		Explanation: "In TLS 1.0 and 1.1 the server signs its key exchange with MD5 and SHA-1, which OpenSSL 3 allows only at security level 0; at the default level the client fails on the server's key exchange with this `internal error`. The server (an old appliance, mail or database server) speaks nothing newer than TLS 1.1.",
		Fix:         "Upgrade the server to TLS 1.2. Until then, allow it for this client only:\n  openssl s_client -connect host:443 -tls1 -cipher 'DEFAULT:@SECLEVEL=0' </dev/null\n  curl --tlsv1.0 --ciphers 'DEFAULT:@SECLEVEL=0' https://host/",
		Confirm:     "openssl s_client -connect host:443 -tls1_2 </dev/null",
	},
	// The openssl command (a guide's step, a container's start-up script)
	// unable to create the file it was told to write.
	{
		ID: OpenSSLCommand, Kind: "client",
		Match:       []string{"for writing, permission denied", "for writing, read-only file system"},
		Title:       "openssl could not write its output file (permission denied)",
		Explanation: "The openssl command (a guide's step, or a container's start-up script making its own key and certificate) could not create the file it names: the directory is not writable by the user it runs as. Most often a bind-mounted host directory owned by another user than the container's process, a read-only mount or secret, or a system directory written without root.",
		Fix:         "See who owns the directory and who runs the command:\n  ls -ld /etc/nginx/tls\n  id\nthen make the directory writable by that user (on a bind mount, give the host directory to the container's user id), or let the step write to a writable volume.",
		Confirm:     "ls -ld /etc/nginx/tls",
	},
	// radsecproxy's check of its peer's certificate names.
	{
		ID: ServerHostnameMismatch, Kind: "client", Side: "client",
		Match:       []string{"certnamecheck: no subjectaltname matching", "certnamecheck: no cn matching", "certnamecheck: failed"},
		Title:       "radsecproxy refused the peer's certificate: no name in it matches the host",
		Explanation: "radsecproxy checks the peer's certificate names against the host it configured for that server or client block (CertificateNameCheck, on by default): the name must be among the certificate's subjectAltName entries. The certificate lacks the name, the block uses an address or another name than the certificate's, or the certificate names it only through a wildcard (*.example.com), which older radsecproxy releases do not match.",
		Fix:         "See the certificate's names, then name the host the certificate carries in the block (or match it explicitly with matchSubjectAltName), or upgrade radsecproxy when only a wildcard covers it:\n  openssl x509 -noout -text -in peer.crt | grep -A1 'Subject Alternative Name'",
		Confirm:     "openssl x509 -noout -text -in peer.crt | grep -A1 'Subject Alternative Name'",
	},
	// FreeRADIUS warning about a configuration item its module does not read.
	{
		ID: StartupFailed, Kind: "client", Side: "server",
		Match:       []string{"is defined, but is unused by the configuration"},
		Title:       "FreeRADIUS does not use a setting of this section (it is ignored)",
		Explanation: "FreeRADIUS read an item its module or section has no such option for, and ignores it: a setting of another release or another module (rlm_ldap's tls section takes certificate_file and private_key_file but no private_key_password, because libldap takes no key password, so an encrypted key there cannot be used), or a name misspelt or put in the wrong subsection.",
		Fix:         "Compare the item with the module's own example configuration of this release (mods-available/ldap, mods-available/eap); for rlm_ldap's TLS client key, store it decrypted:\n  openssl pkey -in client.key -out client-plain.key\n  chmod 640 client-plain.key",
		Confirm:     "radiusd -XC",
	},
	// OpenConnect's TLS connection to the VPN server timing out.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"ssl connection failure: the operation timed out", "ssl connection failure: connection timed out"},
		Title:       "The TLS connection to the VPN server timed out",
		Explanation: "OpenConnect (GnuTLS or OpenSSL) got no answer during the TLS handshake with the VPN server: the network path drops or holds it, not a certificate. A proxy or middlebox of the provider in between, a firewall that blocks the port or only lets known protocols through, an MTU problem that drops the large handshake packets, or a server that does not listen there.",
		Fix:         "See whether the handshake gets an answer, from this network and from another one (a phone's hotspot):\n  openssl s_client -connect vpn.example.com:443 -servername vpn.example.com </dev/null\n  curl -v https://vpn.example.com/",
		Confirm:     "openssl s_client -connect vpn.example.com:443 -servername vpn.example.com </dev/null",
	},
	// Azure Front Door's check of its origin's certificate name.
	{
		ID: ServerHostnameMismatch, Kind: "client", Side: "client",
		Match:       []string{"certificatenamecheckfailed"},
		Title:       "Azure Front Door refused the origin's certificate: it does not carry the origin's host name",
		Explanation: "Front Door, the TLS client of its origin (backend), checks that the origin's certificate carries the origin host name it connects with (enforceCertificateNameCheck): the origin serves another name's certificate (an App Gateway or App Service's default or internal certificate), the origin host header differs from the certificate's names, or the certificate is a private CA's.",
		Fix:         "Serve a certificate for the origin host name from a public CA, or set the origin host header to a name the certificate carries; turn the name check off only knowingly:\n  openssl s_client -connect origin.example.com:443 -servername origin.example.com </dev/null 2>/dev/null | openssl x509 -noout -subject -text | grep -A1 'Subject Alternative Name'",
		Confirm:     "openssl s_client -connect origin.example.com:443 -servername origin.example.com </dev/null",
	},
	// AdGuard Home checking the certificate it was given for its own TLS.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"your certificate does not verify"},
		Title:       "AdGuard Home's own certificate does not verify against the public roots",
		Explanation: "AdGuard Home checks the certificate given in its encryption settings against the system's public roots, and warns when no chain leads there: a self-signed or private CA's certificate, a chain file without its intermediates, or a certificate only a CDN trusts, such as a Cloudflare Origin CA certificate (trusted by Cloudflare's edge alone). Clients that connect directly refuse it the same way.",
		Fix:         "For clients that connect directly, use a certificate from a public CA (with its intermediates in the certificate file); keep an Origin CA certificate only behind Cloudflare's proxy. See its issuer:\n  openssl x509 -noout -subject -issuer -in cert.pem",
		Confirm:     "openssl x509 -noout -issuer -in cert.pem",
	},
	// keytool and a JDK's cacerts path.
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"/lib/security/cacerts (no such file or directory)"},
		Title:       "keytool was given a cacerts path that does not exist in this Java",
		Explanation: "The path names the JVM's trust store as an older Java laid it out (JAVA_HOME/jre/lib/security/cacerts); Java 9 and later have no jre directory (JAVA_HOME/lib/security/cacerts), and a bundled JVM that a product's update replaced may have moved too. Scripts that import a CA there fail after such an update.",
		Fix:         "Let keytool find the store of the Java it belongs to, or use the path that exists:\n  keytool -importcert -cacerts -alias my-ca -file ca.crt\n  ls -l \"$JAVA_HOME/lib/security/cacerts\"",
		Confirm:     "ls -l \"$JAVA_HOME/lib/security/cacerts\"",
	},
	// keytool importing under an alias the store already has.
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"certificate not imported, alias"},
		Within:      []string{"certificate not imported"},
		Title:       "keytool did not import the certificate: the store already has that alias",
		Explanation: "The keystore already holds an entry under the alias given: an earlier run imported it (a reused workspace or image layer with its own cacerts copy), or two certificates got the same alias because a script derives it from the subject's common name, as a renewed CA and its predecessor share.",
		Fix:         "See what is there under that alias, then delete it first, import under an alias of its own, or start from a clean copy of the store:\n  keytool -list -keystore cacerts -alias my-ca\n  keytool -delete -keystore cacerts -alias my-ca",
		Confirm:     "keytool -list -keystore cacerts",
	},
	// PHP's ldap extension (libldap) starting TLS.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"ldap_start_tls(): unable to start tls"},
		Title:       "PHP's LDAP client could not start TLS (most often it does not trust the LDAP server's certificate)",
		Explanation: "PHP's ldap extension runs StartTLS through libldap, which reads its trust settings from ldap.conf (TLS_CACERT, TLS_REQCERT) or the LDAPTLS_* environment of the PHP process, not from php.ini: without the LDAP server's CA there (a container image, a private CA) it aborts right after the server agreed to TLS. Otherwise: the server has no TLS configured, or the URI is ldaps:// where StartTLS belongs.",
		Fix:         "Give libldap the CA in the ldap.conf PHP's process reads (or LDAPTLS_CACERT in its environment, such as the web server's), then restart it:\n  TLS_CACERT /etc/ssl/certs/ldap-ca.pem\nSee what the server sends:\n  openssl s_client -connect ldap.example.com:389 -starttls ldap </dev/null",
		Confirm:     "LDAPTLS_CACERT=/etc/ssl/certs/ldap-ca.pem ldapwhoami -H ldap://ldap.example.com -ZZ -x",
	},
	// Azure Database for PostgreSQL's words for a client without TLS.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"ssl connection is required. please specify ssl options and retry"},
		Within:      []string{"pq:", "postgres", "psql"},
		Title:       "The PostgreSQL server requires TLS, and the client connected without it",
		Explanation: "Azure Database for PostgreSQL (with Enforce SSL connection on, as it is by default) refuses a connection without TLS with these words, and the client opened a plain one: its sslmode is disable, or its driver's default is (Go's lib/pq and pgx take sslmode from the connection string; applications pass it through their own setting, such as listmonk's ssl_mode).",
		Fix:         "Turn TLS on in the client's connection settings, and verify the server's certificate where you can:\n  postgres://app@db.example.com:5432/app?sslmode=require\n  psql 'host=db.example.com dbname=app user=app sslmode=verify-full sslrootcert=ca.pem'",
		Confirm:     "psql 'host=db.example.com dbname=app user=app sslmode=require' -c 'SHOW ssl'",
	},
	// MySQL servers that require TLS (Azure Database for MySQL's 9002).
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"ssl connection is required. please specify ssl options and retry"},
		Without:     []string{"pq:", "postgres", "psql"},
		Title:       "The MySQL server requires TLS, and the client connected without it",
		Explanation: "The server (Azure Database for MySQL, or one with require_secure_transport) accepts only TLS connections, and the client opened a plain one: its connection has no SSL options (PHP's PDO without PDO::MYSQL_ATTR_SSL_CA, a driver with SSL off).",
		Fix:         "Give the client the server's CA and turn TLS on; PHP's PDO:\n  PDO::MYSQL_ATTR_SSL_CA => '/etc/ssl/certs/ca-certificates.crt'\nthe mysql client:\n  mysql --ssl-mode=REQUIRED -h db.example.com -u app -p",
		Confirm:     "mysql --ssl-mode=VERIFY_CA --ssl-ca=ca.pem -h db.example.com -u app -p -e 'status'",
	},
	// Rust loaders (rustls-pemfile and programs on it) finding no key.
	{
		ID: KeyLoadFailed, Kind: "client",
		Match: []string{"no private keys found", "no private key found", "no pkcs8 private keys found", "setting up the ssl certificate: no private keys",
			"invalid key header; supported formats are", "could not locate pkcs 8 private keys", "error: \"private key not found\""},
		Title:       "The program found no private key it reads in the key file",
		Explanation: "The key file holds no key in the form the program's loader reads: many Rust servers (and others) read only PKCS#8 (-----BEGIN PRIVATE KEY-----) and skip an EC key in SEC1 form (BEGIN EC PRIVATE KEY, as acme.sh and openssl ecparam write) or an RSA key in PKCS#1 (BEGIN RSA PRIVATE KEY); or the file is the certificate, empty, or encrypted.",
		Fix:         "See the key's form, and write it as PKCS#8:\n  head -1 server.key\n  openssl pkcs8 -topk8 -nocrypt -in server.key -out server-pkcs8.key",
		Confirm:     "head -1 server-pkcs8.key",
	},
	// wpa_supplicant unable to open a file its network block names.
	{
		ID: CertLoadFailed, Kind: "client", Side: "client",
		Match:       []string{"no such file or directory"},
		Within:      []string{"wpa_supplicant", "openssl: pending error", "tls_connection_client_cert", "tls_connection_ca_cert", "tls_connection_private_key"},
		Title:       "wpa_supplicant could not open a file its network block names",
		Explanation: "A file of the network block (ca_cert, client_cert, private_key) does not exist as wpa_supplicant sees it: a path typed wrong, a file never copied, or one a configuration tool writes although nothing is there, such as a client_cert line beside a private_key that is a PKCS#12 file (.p12, .pfx), which carries the certificate itself: client_cert must then be left out.",
		Fix:         "Check each path of the network block:\n  grep -E 'ca_cert|client_cert|private_key' /etc/wpa_supplicant.conf\nWith a PKCS#12 private_key, remove client_cert (NetworkManager: 802-1x.client-cert set to the same .p12).",
		Confirm:     "wpa_supplicant -dd -i wlan0 -c /etc/wpa_supplicant.conf",
	},
	// wpa_supplicant refusing a network block line: TLS tweaks belong
	// inside phase1.
	{
		ID: StartupFailed, Kind: "client", Side: "client",
		Match:       []string{"invalid configuration line 'tls_", "unknown network field 'tls_"},
		Title:       "wpa_supplicant does not take this TLS option as a line of its own: it belongs in phase1",
		Explanation: "wpa_supplicant's TLS tweaks for EAP (tls_disable_time_checks, tls_disable_tlsv1_0, tls_disable_tlsv1_3, tls_suiteb and others) are not network block fields: they go inside the phase1 string. As a line of their own they stop the configuration from loading. tls_disable_time_checks=1 is for a device without a clock that keeps its time (its certificate check then fails until NTP has run).",
		Fix:         "Put the option inside phase1 (with the others there, separated by spaces):\n  phase1=\"tls_disable_time_checks=1\"\nand test the file:\n  wpa_supplicant -dd -i wlan0 -c /etc/wpa_supplicant.conf",
		Confirm:     "wpa_supplicant -dd -i wlan0 -c /etc/wpa_supplicant.conf",
	},
	// wpa_supplicant given an inner method it cannot use.
	{
		ID: StartupFailed, Kind: "client", Side: "client",
		Match:       []string{"unsupported phase2 eap method"},
		Title:       "wpa_supplicant cannot use the inner (phase 2) method its configuration names",
		Explanation: "The phase2 string names an inner method in a form wpa_supplicant does not take, or one it was built without: PEAP takes phase2=\"auth=MSCHAPV2\" (the method's name without EAP-), TTLS takes auth=PAP, auth=MSCHAPV2 or autheap=MSCHAPV2. A tool that writes the configuration (NetworkManager, a router's Wi-Fi scripts after an update) may write it wrong.",
		Fix:         "Write the inner method as wpa_supplicant names it, in the network block:\n  eap=PEAP\n  phase2=\"auth=MSCHAPV2\"\nWhen a tool wrote it, fix or roll back that tool; see what it wrote:\n  grep -n phase2 /etc/wpa_supplicant.conf",
		Confirm:     "grep -n phase2 /etc/wpa_supplicant.conf",
	},
	// An OpenSSL engine (pkcs11, a TPM's) unable to load the key.
	{
		ID: KeyLoadFailed, Kind: "client",
		Match:       []string{"engine routines::failed loading private key", "engine_load_private_key:failed loading private key", "engine routines:engine_load_private_key"},
		Without:     []string{"engine_load_private_key:not initialised"},
		Title:       "An OpenSSL engine could not load the private key (PKCS#11, TPM)",
		Explanation: "The key lives in a token, smart card or TPM and is read through an OpenSSL engine (libengine-pkcs11-openssl, tpm2-tss-engine), which failed: a key URI or id that names no key, a PIN not given or wrong, the engine or its module not found, a token not present; or, when it worked before, an update of the engine or the module that broke this path (try the package version before it).",
		Fix:         "See that the token holds the key the URI names, with the same PIN:\n  pkcs11-tool --list-objects --type privkey --login\nthen compare the engine package's version with the one before an update, and try that one.",
		Confirm:     "p11tool --list-privkeys --login",
	},
	// mysqld given a TLS version its TLS library does not have.
	{
		ID: StartupFailed, Kind: "client", Side: "server",
		Match:       []string{"ssl library error: tls version is invalid"},
		Title:       "mysqld's tls_version names a version its TLS library does not have, so it runs without TLS",
		Explanation: "mysqld checks tls_version against the TLS library it was built with and starts without TLS when none of the listed versions is there: MySQL 5.7 community builds with yaSSL have TLSv1 and TLSv1.1 only (TLSv1.2 needs an OpenSSL build, such as 8.0's), and MySQL 8.0.28 and later no longer have TLSv1 or TLSv1.1.",
		Fix:         "List versions this build has, or use a build with OpenSSL (MySQL 8.0); see what it has:\n  mysql -e \"SHOW GLOBAL VARIABLES LIKE 'tls_version'\"\n  mysql -e \"SHOW STATUS LIKE 'Ssl_version'\"",
		Confirm:     "mysql -e \"SHOW GLOBAL VARIABLES LIKE 'have_ssl'\"",
	},
	// Java's CertificateExpiredException text, wrapped by a client
	// library (Manticore, Apache HttpClient): "NotAfter: <date>".
	{
		ID: ServerCertExpired, Kind: "client", Side: "client",
		Match:       []string{"sslhandshakeexception: notafter:", "certificateexpiredexception: notafter:", ":message=>\"notafter:", "sslhandshakeexception: notbefore:", "certificatenotyetvalidexception: notbefore:"},
		Title:       "The Java client found the server's certificate out of its dates (NotAfter, NotBefore)",
		Explanation: "Java's check of the server's chain stopped at a certificate whose validity ends (NotAfter) before now, or starts (NotBefore) after now, by this machine's clock: a server or test certificate not renewed, one renewed on disk while the server still serves the old one, or a wrong clock.",
		Fix:         "See the dates the server serves now, renew what has expired, and reload the server:\n  openssl s_client -connect host:9200 -showcerts </dev/null 2>/dev/null | openssl x509 -noout -subject -dates\nIf the dates are fine, check this machine's clock:\n  date -u",
		Confirm:     "openssl s_client -connect host:9200 -showcerts </dev/null 2>/dev/null | openssl x509 -noout -dates",
	},
	// YugabyteDB's RPC layer refusing a plaintext connection.
	{
		ID: PlainHTTP, Kind: "client", Side: "server",
		Match:       []string{"insecure connection header"},
		Title:       "A YugabyteDB server that requires TLS got a plaintext connection",
		Explanation: "The master or tserver has encryption on (use_node_to_node_encryption, use_client_to_server_encryption with allow_insecure_connections=false) and the peer opened its RPC connection without TLS: a node, tserver or client started without its TLS flags and certs_dir, or a component that builds its own client without the secure context (some releases did so for CDC).",
		Fix:         "Give every node and client the same encryption flags and certificates directory, then restart them; see the flags each process runs with:\n  ps -o args= -C yb-master\n  ps -o args= -C yb-tserver",
		Confirm:     "ps -o args= -C yb-tserver",
	},
	// wpa_supplicant unable to decrypt the inner (phase 2) data.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"tls_connection_decrypt - decryption failed"},
		Title:       "wpa_supplicant could not decrypt the inner (phase 2) data of PEAP or TTLS",
		Explanation: "The outer TLS handshake with the RADIUS server finished, but reading the inner method's data through it failed. Most often TLS 1.3 was agreed with a server whose PEAP or TTLS does not support it (FreeRADIUS 3.0): wpa_supplicant releases built on OpenSSL 1.1.1 or later that do not turn TLS 1.3 off for these methods offer it. Otherwise a middlebox altered the EAP packets.",
		Fix:         "Turn TLS 1.3 off for this network, in the network block:\n  phase1=\"tls_disable_tlsv1_3=1\"\nor upgrade the RADIUS server to a release with TLS 1.3 for PEAP and TTLS (FreeRADIUS 3.2).",
		Confirm:     "wpa_supplicant -dd -i wlan0 -c /etc/wpa_supplicant.conf",
	},
	// YugabyteDB's secure RPC stream reading bytes that are not TLS.
	{
		ID: PlainHTTP, Kind: "client", Side: "server",
		Match:       []string{"ssl read error"},
		Within:      []string{"secure_stream.cc"},
		Title:       "A YugabyteDB server with encryption on read bytes that are not TLS",
		Explanation: "The master or tserver (node-to-node or client-to-server encryption on) got data on a secure connection that its TLS could not read: a peer or tool that talks to it without TLS, such as yb-admin, a platform task (Yugaware) or a node started without its TLS flags and certificates directory.",
		Fix:         "Give every node, client and tool the same encryption settings and certificates directory (yb-admin: --certs_dir_name), then retry; see the flags each process runs with:\n  ps -o args= -C yb-master",
		Confirm:     "ps -o args= -C yb-master",
	},
	// nginx built with a TLS library without OCSP stapling (BoringSSL).
	{
		ID: StaplingFailed, Kind: "nginx",
		Match:       []string{"\"ssl_stapling\" ignored, not supported"},
		Title:       "This nginx's TLS library has no OCSP stapling, so ssl_stapling is ignored",
		Explanation: "nginx was built against a TLS library without the OCSP stapling interface it uses: BoringSSL (as some HTTP/3 and vendor builds are), or an OpenSSL built with no-ocsp. It starts and serves TLS; it only never staples. Nothing is wrong with the certificate or the responder.",
		Fix:         "Leave stapling out of this build's configuration (remove ssl_stapling and ssl_stapling_verify), or use an nginx built with OpenSSL when stapling matters; see which library it has:\n  nginx -V 2>&1 | grep -i 'built with'",
		Confirm:     "nginx -V 2>&1 | grep -i 'built with'",
	},
	// Go's and other libraries' words for alert 120 (ALPN).
	{
		ID: TLSAlert, Kind: "client",
		Match:       []string{"tls: no application protocol", "crypto_error 0x178", "120: no application protocol", "code::crypto(78)", "openssl_internal:no_application_protocol", "routines::no application protocol"},
		Title:       "No application protocol (ALPN) in common: TLS alert 120",
		Explanation: "Each side lists the protocols it speaks over TLS (ALPN: h2, http/1.1, h3 for HTTP/3, a gRPC or QUIC program's own name), and the server found none of the client's in its list, so it ended the handshake with alert 120 (no_application_protocol; QUIC carries it as CRYPTO_ERROR 0x178). A server that lists another name for the same protocol (http/3 or a draft name instead of h3; a QUIC library upgrade that moved its client to a newer draft, h3-31 against a server of h3-29), a QUIC client that sets no ALPN at all, or an h2-only backend behind a proxy that offers http/1.1 fails so.",
		Fix:         "Give both sides a protocol in common: the client's and the server's ALPN lists (Go: tls.Config NextProtos, such as []string{\"h3\"}; rustls: alpn_protocols). See what the server offers:\n  openssl s_client -connect host:443 -servername host -alpn h2,http/1.1 </dev/null",
		Confirm:     "openssl s_client -connect host:443 -servername host -alpn h2 </dev/null",
	},
	// Python without a working ssl module.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"because the ssl module is not available", "no module named '_ssl'", "no module named _ssl"},
		Title:       "This Python has no working ssl module, so it cannot speak HTTPS at all",
		Explanation: "Python's ssl module could not load its OpenSSL library, so no HTTPS request is possible; no server or certificate is involved. On Windows with Anaconda or Miniconda, the environment's Library\\bin (which holds the OpenSSL DLLs) is not on PATH: the environment was not activated (a Python run by its full path, an IDE, a scheduled task). Elsewhere: a Python built without the OpenSSL headers (pyenv, a source build), or an OpenSSL library replaced or removed under it.",
		Fix:         "See whether ssl loads, from the same environment the program runs in:\n  python -c \"import ssl; print(ssl.OPENSSL_VERSION)\"\nOn Windows with conda, activate the environment first (conda activate NAME), or put its Library\\bin on PATH; a source-built Python must be built again after installing OpenSSL's headers (libssl-dev).",
		Confirm:     "python -c \"import ssl; print(ssl.OPENSSL_VERSION)\"",
	},
	// A hosting platform's or certificate service's status: it could not
	// have its certificate for the domain issued.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server",
		Match: []string{"failed to provision a tls certificate", "unable to resolve dns for", "properties.canonicalname is invalid", "failed to create app service managed certificate",
			"failed_not_visible", "failed_caa_checking", "is being issued. status is awaiting certificates", "certificate not yet created", "acm failing",
			"unable to verify challenge for", "domain does not resolve to the github pages server"},
		Exact:       []string{"bad_authz", "pending validation"},
		Title:       "The hosting platform could not get its certificate for the domain issued (yet)",
		Explanation: "The platform (GitHub Pages, Netlify, Vercel, Heroku, Fly.io, Deno Deploy, Azure App Service, Google-managed or AWS certificates) asks a CA to issue a certificate for your domain and the CA validates it first. Until that succeeds, the platform serves its own default certificate (*.github.io, *.herokuapp.com) and browsers refuse the name. Causes: 1. the DNS records do not point at the platform yet (an A or CNAME record missing, the www name missing when the platform asks for both, a change not yet seen); 2. a CAA record that does not allow the platform's CA (Let's Encrypt, DigiCert for Azure, Amazon), or allows it with an accounturi or validation method the platform does not use; 3. a proxy in front answering the challenge (Cloudflare's proxied records); 4. name servers at the registrar that are not the zone you edit (AWS Route 53's validation records never seen), or a zone made at the platform (Netlify DNS) while the registrar still delegates elsewhere; 5. an AAAA record that points elsewhere, or (Google-managed certificates) a certificate not attached to the load balancer the records point at. Right after adding a domain, it is only waiting: issuance takes minutes, and a platform's DNS check may show a stale error meanwhile.",
		Fix:         "Compare what the world sees with what the platform asks for:\n  dig +short example.com\n  dig +short AAAA example.com\n  dig +short www.example.com\n  dig +short CAA example.com\n  dig +short NS example.com\nthen fix the records (or add the CA to CAA), turn off the proxy until issuance, and retry the platform's issuance (remove and add the custom domain again).",
		Confirm:     "dig +short CAA example.com",
	},
	// A hosting platform's own certificate served for a custom domain.
	{
		ID: ServerHostnameMismatch, Kind: "client", Side: "client",
		Match:       []string{"subject=cn=*.github.io", "subject=cn = *.github.io", "subject=cn=*.netlify.app", "subject=cn = *.netlify.app", "subject=cn=*.herokuapp.com", "subject=cn = *.herokuapp.com"},
		Title:       "The site serves its hosting platform's own certificate, not one for your domain",
		Explanation: "The certificate served is the platform's wildcard for its own names (*.github.io, *.netlify.app, *.herokuapp.com): the platform has no certificate for the custom domain yet, so any client checking your domain refuses it. The platform could not have it issued (DNS records that do not point at it, a CAA record, a proxy in front), or never asked: GitHub Pages after a repository was moved or renamed keeps the domain but not its certificate.",
		Fix:         "Check the DNS records the platform wants, then have it issue again (remove the custom domain and add it back, and turn on Enforce HTTPS once it is issued):\n  dig +short example.com\n  dig +short CAA example.com",
		Confirm:     "openssl s_client -connect example.com:443 -servername example.com </dev/null 2>/dev/null | openssl x509 -noout -subject",
	},
	// Ollama pulling a model through a TLS-inspecting proxy.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client", Within: []string{"ollama"},
		Match:       []string{"tls: failed to verify certificate: x509: certificate signed by unknown authority", "x509: certificate signed by unknown authority"},
		Title:       "Ollama does not trust the certificate it got for its model registry or download host",
		Explanation: "Ollama (a Go program) checks the registry's and the download host's certificates against the system's CA store. The registry and its CDN (registry.ollama.ai, and the Cloudflare R2 or other storage hosts the model's blobs come from) use public certificates, so a refusal means something re-signs the traffic: a corporate TLS-inspecting proxy or antivirus whose root is not in the store the Ollama server process reads (a service or container does not see a CA added to one user's keychain), or one that lets the registry through its allow list but intercepts the blob host.",
		Fix:         "See who issued the certificate of the host that fails, from the machine that runs the Ollama server:\n  openssl s_client -connect registry.ollama.ai:443 -servername registry.ollama.ai </dev/null 2>/dev/null | openssl x509 -noout -issuer\nthen add the proxy's root to the system's store and restart Ollama (Debian, Ubuntu):\n  cp proxy-ca.crt /usr/local/share/ca-certificates/\n  update-ca-certificates\n  systemctl restart ollama\nor have the proxy let the blob host through too.",
		Confirm:     "openssl s_client -connect registry.ollama.ai:443 -servername registry.ollama.ai </dev/null 2>/dev/null | openssl x509 -noout -issuer",
	},
	// A Home Assistant add-on with SSL on and its certificate missing.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"the configured certfile is not found", "the configured keyfile is not found"},
		Title:       "The add-on's SSL option is on, and the certificate file it names is not there",
		Explanation: "A Home Assistant add-on with ssl: true reads certfile and keyfile from the /ssl share (fullchain.pem and privkey.pem by default), and stops when a file is missing there: a certificate never made (the Let's Encrypt or DuckDNS add-on not run, or writing other names), or SSL turned on where TLS ends elsewhere (at a reverse proxy or Cloudflare), where it is not needed.",
		Fix:         "List what is in the share, and name those files in the add-on's options, or turn its ssl option off when a proxy in front ends TLS:\n  ls -l /ssl",
		Confirm:     "ls -l /ssl",
	},
	// Slack's check of an app's HTTPS endpoint (slash commands, events).
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Exact:       []string{"ssl_cacert"},
		Match:       []string{"with the error \u201cssl_cacert\u201d", "with the error \"ssl_cacert\"", "failed with the error ssl_cacert"},
		Title:       "Slack could not verify the certificate of your app's endpoint (ssl_cacert)",
		Explanation: "Slack's servers are the TLS client of your slash command, event or interactivity URL, and refused its certificate: most often the server sends its certificate without the intermediate (after a renewal, cert.pem served instead of fullchain.pem), or the certificate is self-signed or from a private CA, which Slack does not trust.",
		Fix:         "See the chain your endpoint sends (one certificate shown means the intermediate is missing), and serve the full chain (nginx: ssl_certificate with fullchain.pem):\n  openssl s_client -connect app.example.com:443 -servername app.example.com -showcerts </dev/null",
		Confirm:     "openssl s_client -connect app.example.com:443 -servername app.example.com </dev/null 2>/dev/null | grep 'Verify return code'",
	},
	// lftp's verdicts on an FTPS or HTTPS server's certificate.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"certificate verification: not trusted", "certificate verification: unable to get local issuer certificate", "certificate verification: self-signed certificate", "certificate verification: self signed certificate"},
		Title:       "lftp does not trust the server's certificate (FTPS or HTTPS)",
		Explanation: "lftp checks the server's certificate against its CA file (ssl:ca-file, else the system's bundle) and stops with `Fatal error: Certificate verification: ...`: a self-signed certificate (common on FTPS servers and NAS boxes), a private CA, or a missing intermediate. lftp says only `Not trusted` for an expired certificate too (or one the machine's wrong clock puts out of its dates): check the dates first.",
		Fix:         "See what the server presents and its dates (FTPS starts TLS after AUTH TLS; an HTTPS site: -connect host:443), keep the CA (or the self-signed certificate) in a file, and point lftp at it in ~/.lftprc or lftp.conf:\n  openssl s_client -connect ftp.example.com:21 -starttls ftp -showcerts </dev/null 2>/dev/null | openssl x509 -noout -issuer -dates\n  set ssl:ca-file /etc/ssl/certs/ftp-ca.pem\n(set ssl:verify-certificate no only knowingly, for one host: set ssl:verify-certificate/ftp.example.com no).",
		Confirm:     "openssl s_client -connect ftp.example.com:21 -starttls ftp </dev/null 2>/dev/null | grep 'Verify return code'",
	},
	// FTPS servers that want the data connection to resume the control
	// connection's TLS session (ProFTPD, vsftpd).
	{
		ID: HandshakeFailed, Kind: "client", Side: "server",
		Match:       []string{"client did not reuse ssl session from control channel", "session reuse required"},
		Title:       "The FTPS server refused a data connection that did not resume the control connection's TLS session",
		Explanation: "ProFTPD (mod_tls) and vsftpd (require_ssl_reuse, on by default) accept an FTPS data connection only when it resumes the TLS session of the control connection, which proves it comes from the same client. Clients that do not (older lftp, curl, some libraries, or a TLS 1.3 session whose ticket the client does not reuse) can log in and then fail every listing and transfer.",
		Fix:         "Let the client reuse the session (lftp: set ftp:ssl-copy-sid true; FileZilla does), or stop requiring it on the server, knowingly:\n  TLSOptions NoSessionReuseRequired\n(vsftpd: require_ssl_reuse=NO).",
		Confirm:     "openssl s_client -connect ftp.example.com:21 -starttls ftp </dev/null",
	},
	// A program's verify setting that takes a CA file path, given a
	// boolean (vdirsyncer 0.19 and later).
	{
		ID: StartupFailed, Kind: "client", Side: "client",
		Match:       []string{"must be a path to a pem-file", "must be a path to a pem file"},
		Title:       "The program's verify setting takes a CA file's path, not true or false",
		Explanation: "The setting names the CA file to check the server with (vdirsyncer since 0.19: verify is a path; verification is on by default), and a boolean left from an older configuration is refused before any connection.",
		Fix:         "Remove the line (the default verifies against the system's CAs), or give the CA file:\n  verify = \"/etc/ssl/certs/my-ca.pem\"",
		Confirm:     "openssl x509 -noout -subject -in /etc/ssl/certs/my-ca.pem",
	},
	// A client that pins a server's key or certificate.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"public key could not be verified", "public key pinning failed", "pinned public key does not match"},
		Title:       "The client pins a key or certificate, and the server presented another",
		Explanation: "The program checks the server's public key (or certificate fingerprint) against one it carries, not only the chain: it fails when the server renewed its key, when the program reaches another host than the pinned one (a CDN, S3 or another API it downloads from, which the pin was never meant for), or when a TLS-inspecting proxy re-signs the traffic.",
		Fix:         "See which key the server presents and compare it with the pin:\n  openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -pubkey | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64\nthen update the pin (a newer release of the program), or exempt the hosts it was not meant for.",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -fingerprint -sha256",
	},
	// GnuTLS's certtool with an expiry past 2038 on a 32-bit system.
	{
		ID: OpenSSLCommand, Kind: "client",
		Match:       []string{"overflow while parsing days"},
		Title:       "certtool could not take the validity: its end is past 2038 on this 32-bit system",
		Explanation: "GnuTLS's certtool adds expiration_days (or --days) to today and overflows when the end is past January 2038 on a system with a 32-bit time (32-bit Raspberry Pi OS and other 32-bit builds): a self-signed certificate made for 20 years or more fails so.",
		Fix:         "Make the certificate for fewer days, ending before 2038, in the template or on the command line:\n  expiration_days = 3650\nor make it on a 64-bit system.",
		Confirm:     "certtool --certificate-info --infile cert.pem",
	},
	// FreeRDP's connection error codes for TLS (ERRCONNECT_TLS_CONNECT_FAILED).
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"errconnect_tls_connect_failed", "reported 00020008", "0x00020008", "[freerdp_tls_handshake]: bio_do_handshake failed", "freerdp_tls_connect"},
		Title:       "FreeRDP could not set up TLS with the RDP server (ERRCONNECT_TLS_CONNECT_FAILED)",
		Explanation: "FreeRDP (xfreerdp, Remmina, Guacamole's guacd, other tools on libfreerdp) failed the TLS handshake of the RDP connection. Most often the server is an old Windows (Server 2008 R2, Windows 7) that offers only TLS 1.0 with SHA-1 signatures, which FreeRDP 2.1 and later refuse at their default OpenSSL security level, or the server allows only RDP's own security layer or NLA where TLS was asked for. On Fedora and RHEL the system-wide crypto policy sets that level (DEFAULT refuses what such servers offer since Fedora 33 and RHEL 9), for FreeRDP and Remmina alike.",
		Fix:         "Lower the security level for this server only (FreeRDP 2 spells it /tls-seclevel:0, FreeRDP 3 /tls:seclevel:0), or choose the security layer the server speaks:\n  xfreerdp /v:host /tls-seclevel:0\n  xfreerdp /v:host /sec:rdp\nwhere a system-wide crypto policy refuses it (Fedora, RHEL), lower it for the whole system only knowingly:\n  sudo update-crypto-policies --set LEGACY\nBetter, enable TLS 1.2 on the Windows server.",
		Confirm:     "nmap -p 3389 --script ssl-enum-ciphers host",
	},
	// FreeRDP refusing the RDP server's certificate.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"com.freerdp.crypto", "has changed and you have requested strict checking"},
		Within:      []string{"certificate verification failure", "verify_cb", "certificate_verify", "host key"},
		Without:     []string{"unsupported certificate purpose"},
		Title:       "FreeRDP did not accept the RDP server's certificate (self-signed, or changed since it was accepted)",
		Explanation: "A Windows RDP server serves a self-signed certificate unless given one, and FreeRDP remembers the one it accepted (trust on first use, in its known-hosts store under ~/.config/freerdp). A regenerated certificate (a rebuilt VM, an expired RDP certificate renewed by Windows) is a changed host key, and a front end that runs FreeRDP without a terminal (WinApps, scripts) then fails silently while FreeRDP waits for an answer.",
		Fix:         "Accept the new certificate once, after checking it (or remove the host's line from FreeRDP's list), or give the RDP server a certificate from your CA:\n  xfreerdp /v:host /cert:tofu\n  grep -n 'host' ~/.config/freerdp/known_hosts2\n(/cert:ignore turns the check off, only knowingly).",
		Confirm:     "nmap -p 3389 --script ssl-cert host",
	},
	// TigerVNC's viewer refusing the server's X509 certificate.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"invalid status of the server certificate verification"},
		Title:       "The VNC viewer did not accept the server's certificate (TigerVNC, X509)",
		Explanation: "TigerVNC's viewer checks the server's X509 certificate with GnuTLS and says only that the check failed: the certificate has expired or is not yet valid, its CA is not the viewer's X509CA, or it does not carry the host name connected to. The server logs nothing for it.",
		Fix:         "Check the dates and names of the server's certificate (X509Cert of the server), then renew it or give the viewer its CA:\n  openssl x509 -noout -subject -dates -in /etc/vnc/cert.pem\n  vncviewer -X509CA /etc/vnc/ca.pem host:1",
		Confirm:     "openssl x509 -noout -dates -in /etc/vnc/cert.pem",
	},
	// QEMU's SPICE server unable to use its TLS files.
	{
		ID: KeyLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"reds_init_ssl: could not use private key file", "reds_init_ssl: could not load certificates", "reds_init_ssl: could not use certificate"},
		Title:       "QEMU's SPICE server could not use its TLS certificate or key",
		Explanation: "QEMU reads SPICE's TLS files (server-cert.pem, server-key.pem, ca-cert.pem in spice_tls_x509_cert_dir, /etc/pki/libvirt-spice by default) as the user it runs as (qemu), and the VM does not start when one cannot be used: a key that user may not read (a newer openssl writes keys readable by their owner only), a missing file, or a key that does not match the certificate.",
		Fix:         "Let the qemu user read the files, then start the VM again:\n  ls -l /etc/pki/libvirt-spice/\n  chgrp qemu /etc/pki/libvirt-spice/server-key.pem\n  chmod 640 /etc/pki/libvirt-spice/server-key.pem",
		Confirm:     "sudo -u qemu openssl pkey -noout -in /etc/pki/libvirt-spice/server-key.pem",
	},
	// libvirt's check of the server certificate's name.
	{
		ID: ServerHostnameMismatch, Kind: "client", Side: "client",
		Match:       []string{"owner does not match the hostname"},
		Title:       "libvirt's TLS peer certificate does not carry the host name or address connected to",
		Explanation: "libvirt (virsh, migration over qemu+tls://, the libvirt daemons between hosts) checks that the server certificate carries the host name of the URI, or its address when the URI uses an IP address (an IPv6 literal too): a certificate made for another name, or a URI that uses an address the certificate lacks. virt-pki-validate checks the host's own certificate against its full host name (FQDN) the same way, and its rewrite in libvirt 10.5 checks more strictly than the old script: a certificate made for the short name fails it.",
		Fix:         "Connect with a name the certificate carries, or reissue servercert.pem with the name and address in its subjectAltName:\n  subjectAltName=DNS:host1.example.com,IP:192.0.2.11\n  virt-pki-validate",
		Confirm:     "openssl x509 -noout -text -in /etc/pki/libvirt/servercert.pem | grep -A1 'Subject Alternative Name'",
	},
	// Cockpit's certificate directory and its key file.
	{
		ID: KeyLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"no pem-encoded private key found", "no such file or directory", "required key not available"},
		Within:      []string{"/etc/cockpit/ws-certs.d/"},
		Title:       "Cockpit could not find the private key of its certificate in ws-certs.d",
		Explanation: "Cockpit serves the last certificate in /etc/cockpit/ws-certs.d, and where it looks for its key depends on the release: older ones read it from the same .cert file (the certificate, then the key), newer ones from a .key file with the same name (name.cert and name.key). A key in the other place, or a .crt name, is not found.",
		Fix:         "Give the key where this release looks: a name.key beside name.cert, or (older releases) the key appended to the .cert file; then check and restart:\n  ls -l /etc/cockpit/ws-certs.d/\n  systemctl restart cockpit",
		Confirm:     "ls -l /etc/cockpit/ws-certs.d/",
	},
	// MeshCentral's agents checking the server's web certificate hash.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "server",
		Match:       []string{"agent bad web cert hash"},
		Title:       "MeshCentral's agents see another web certificate than the one the server expects (a proxy in front)",
		Explanation: "MeshCentral agents pin the hash of the server's web certificate and hold the connection when the certificate they see differs: a reverse proxy, TLS-terminating load balancer or CDN (nginx, Cloudflare) in front serves its own certificate. MeshCentral must then be told where that certificate is served (certUrl in config.json) so that it loads it and hands agents its hash; a certUrl that has not taken effect (an old config file, a server not restarted) keeps the old hash. certUrl's own fetch can also reach another certificate than the agents do: its name resolves to this machine (an /etc/hosts line, such as the 127.0.1.1 one some installers write) or the proxy picks its certificate by SNI and is asked for another name.",
		Fix:         "Set certUrl to the address the agents connect to, check that the name resolves to the proxy from the MeshCentral machine, restart MeshCentral, and check which certificate the agents are served:\n  \"certUrl\": \"https://mesh.example.com:443/\"\n  getent hosts mesh.example.com\n  openssl s_client -connect mesh.example.com:443 -servername mesh.example.com </dev/null 2>/dev/null | openssl x509 -noout -fingerprint -sha384",
		Confirm:     "openssl s_client -connect mesh.example.com:443 -servername mesh.example.com </dev/null 2>/dev/null | openssl x509 -noout -subject",
	},
	// rsyslog refused by the system when opening a TLS file it was given.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"could not be accessed: permission denied"},
		Within:      []string{"rsyslog", "streamdriver", "netstreamdriver"},
		Title:       "rsyslog may not read a TLS file it was given (permission denied)",
		Explanation: "rsyslogd opens the CA, certificate and key files of its stream driver (DefaultNetstreamDriverCAFile, ...CertFile, ...KeyFile, or a StreamDriver's own) and the system refused. rsyslogd usually runs as root, so plain file permissions rarely cause it: on SELinux systems the rsyslogd domain (syslogd_t) may read only files with labels its policy allows, and a file copied or moved from elsewhere (a home directory, /tmp) keeps a label it may not read, or the policy of that release lacks the directory's label (cert_t under /etc/pki); AppArmor does the same on Ubuntu and SUSE. When rsyslog drops its privileges ($PrivDropToUser), that user must be able to read the files.",
		Fix:         "See the denial and the file's label, then relabel it, move it where rsyslog may read it, or allow it with a local policy module:\n  ausearch -m avc -c rsyslogd --start recent\n  ls -Z /etc/pki/rsyslog/ca.pem\n  restorecon -Rv /etc/pki/rsyslog\n  ausearch -m avc -c rsyslogd | audit2allow -M rsyslog-certs\n  semodule -i rsyslog-certs.pp",
		Confirm:     "rsyslogd -N1",
	},
	// Fluentd's in_forward (and other TLS inputs) failing before a handshake.
	{
		ID: HandshakeFailed, Kind: "client", Side: "server",
		Match:       []string{"unexpected error before accepting tls connection"},
		Without:     []string{"alert"},
		Title:       "Fluentd's TLS input could not set up the connection (its certificate or key)",
		Explanation: "Fluentd's in_forward (or in_http, in_tcp) with a transport tls section failed before the handshake began, on every connection: its certificate or key could not be used. The causes that cover most cases: a PEM file with Windows line endings (CRLF, a file made or edited on Windows), an encrypted key without private_key_passphrase, a cert_path holding the key (or the reverse), a chain in the wrong order, or a file Fluentd's user may not read.",
		Fix:         "Check the files as Fluentd reads them, convert line endings, and restart Fluentd:\n  file /etc/fluent/server.crt /etc/fluent/server.key\n  dos2unix /etc/fluent/server.crt /etc/fluent/server.key\n  openssl x509 -noout -subject -in /etc/fluent/server.crt\n  openssl pkey -noout -in /etc/fluent/server.key",
		Confirm:     "openssl s_client -connect 127.0.0.1:24224 </dev/null",
	},
	// rsyslog's GnuTLS driver (nsd_gtls) failing a handshake.
	{
		ID: HandshakeFailed, Kind: "client", Side: "server",
		Match:       []string{"gnutls returned error on handshake"},
		Title:       "rsyslog's TLS handshake with a peer failed (GnuTLS driver)",
		Explanation: "rsyslog's gtls stream driver names GnuTLS's reason. On a listener (imtcp with StreamDriver.Mode 1), the common ones: `The TLS connection was non-properly terminated` is a peer that connected and closed without a TLS handshake: health checks and probes (a Kubernetes tcpSocket liveness or readiness probe, a load balancer's TCP check), port scanners, or a sender that gave up; harmless when they are checks. `An unexpected TLS packet was received` and `Error in the pull function` are a sender without TLS, or one that sends no certificate while the listener's StreamDriver.AuthMode (x509/certvalid, x509/name) requires one (a test button that connects with empty certificate fields). On a sender (omfwd), the same reasons are the receiver closing: its AuthMode refusing this sender's certificate, or no TLS on that port.",
		Fix:         "On a listener, see who connects (a probe's address, a load balancer's) and point checks at another port, or make them TLS; for senders, give each the certificate and key the listener's AuthMode wants:\n  global(DefaultNetstreamDriverCAFile=\"/etc/rsyslog/ca.pem\"\n    DefaultNetstreamDriverCertFile=\"/etc/rsyslog/client.pem\"\n    DefaultNetstreamDriverKeyFile=\"/etc/rsyslog/client.key\")\n  action(type=\"omfwd\" target=\"logs.example.com\" port=\"6514\"\n    StreamDriver=\"gtls\" StreamDriverMode=\"1\"\n    StreamDriverAuthMode=\"x509/name\")",
		Confirm:     "openssl s_client -connect host:6514 -CAfile ca.pem </dev/null",
	},
	// syslog-ng given transport(tls) without the tls() block it needs.
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"transport(tls) was specified, but tls() options missing"},
		Title:       "syslog-ng: transport(tls) without a tls() block",
		Explanation: "A syslog-ng source or destination (network(), syslog()) says transport(tls) but has no tls() block, and syslog-ng will not start: TLS needs at least the CA to check the peer (ca-file or ca-dir) and, for a source, its own key-file and cert-file. A configuration generated by a wrapper (Splunk Connect for Syslog, a Helm chart, an env_file turning TLS on) that sets the transport without writing the block is that wrapper's bug: upgrade it, or write the block in its local configuration.",
		Fix:         "Add the tls() block beside the transport:\n  destination d_tls { network(\"logs.example.com\" port(6514)\n    transport(tls)\n    tls(ca-file(\"/etc/syslog-ng/ca.pem\")\n      peer-verify(required-trusted)));\n  };",
		Confirm:     "syslog-ng --syntax-only",
	},
	// rsyslog letting an expired peer certificate through by its setting.
	{
		ID: ServerCertExpired, Kind: "client",
		Match:       []string{"returned gnutls_cert_expired, but expired certs are permitted", "expired certs are permitted"},
		Title:       "rsyslog accepted the peer's expired certificate, because its setting permits expired ones",
		Explanation: "The peer's certificate has expired, and rsyslog's gtls driver went on because PermitExpiredCerts allows it: some releases defaulted to allowing (or only warning) although their documentation said off. Connections keep working until the setting changes or the peer refuses too, so renew the certificate now.",
		Fix:         "Renew the peer's certificate, and make rsyslog refuse expired ones explicitly:\n  action(type=\"omfwd\" ... StreamDriver=\"gtls\"\n    StreamDriver.PermitExpiredCerts=\"off\")\n  openssl x509 -noout -enddate -in peer.pem",
		Confirm:     "openssl s_client -connect logs.example.com:6514 </dev/null 2>/dev/null | openssl x509 -noout -enddate",
	},
	// baresip (libre) checking its SIP server's certificate.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"tls: verify_handler:", "tls: connect: error (r=-1, ssl_err=1)"},
		Title:       "baresip could not verify the SIP server's certificate",
		Explanation: "baresip's TLS layer (libre) checked the certificate of the SIP server (or proxy) it connects to over TLS and names OpenSSL's verify reason. Newer releases verify the server by default (sip_verify_server yes); without a CA file (sip_cafile) or CA path (sip_capath) holding the server's CA, a private or self-signed CA fails, and so does a public one when baresip has no system bundle.",
		Fix:         "Give baresip the server's CA in its config, or turn the check off only to test:\n  sip_cafile /etc/ssl/certs/ca-certificates.crt\n  sip_verify_server yes",
		Confirm:     "openssl s_client -connect sip.example.com:5061 -servername sip.example.com -showcerts </dev/null",
	},
	// Microsoft Teams Direct Routing refusing an SBC by its certificate's names.
	{
		ID: ServerHostnameMismatch, Kind: "client", Side: "server",
		Match:       []string{"provided trunk fqdn"},
		Title:       "Teams Direct Routing refused the SBC: its certificate does not name the trunk's FQDN",
		Explanation: "Teams' SIP proxy compares the FQDN of the trunk (the SBC paired with Set-CsOnlinePSTNGateway) with the names in the SBC's TLS certificate and lists the names it found. The trunk's FQDN must be one of them, and the SIP proxy has taken it from the certificate's subject Common Name: a name only in subjectAltName, or a wildcard that does not cover it, is refused with 403.",
		Fix:         "Reissue the SBC's certificate with the trunk's FQDN as its Common Name (and in subjectAltName), or pair the trunk under a name the certificate carries:\n  openssl req -new -key sbc.key -subj '/CN=sbc.example.com' -addext 'subjectAltName=DNS:sbc.example.com' -out sbc.csr",
		Confirm:     "openssl s_client -connect sbc.example.com:5061 </dev/null 2>/dev/null | openssl x509 -noout -subject",
	},
	// PJSIP (Asterisk's, SIP SIMPLE's, apps on pjsua) refusing its server.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"pjsip_tls_ecertverif", "pjsip_tls_ecertname", "pjsip_tls_eunknownca"},
		Title:       "PJSIP could not verify the SIP server's TLS certificate",
		Explanation: "A PJSIP-based client (pjsua, Asterisk's outbound TLS, SIP SIMPLE SDK apps such as Blink) with verify_server on refused the server's certificate. Three causes: (1) its CA list (ca_list_file) lacks the server's CA; (2) the name: PJSIP checks the host it connects to, so a SIP URI or outbound proxy given as an IP address, or an SDK that resolves the domain and then checks the address (a bug of some releases), fails against a certificate that names the domain; (3) an expired certificate.",
		Fix:         "Give PJSIP the CA and connect by the domain name the certificate carries (upgrade an SDK that checks the resolved address):\n  ca_list_file=/etc/ssl/certs/ca-certificates.crt\n  verify_server=yes",
		Confirm:     "openssl s_client -connect sip.example.com:5061 -servername sip.example.com -verify_hostname sip.example.com </dev/null",
	},
	// certbot's own OCSP check of its certificates.
	{
		ID: StaplingFailed, Kind: "client", Side: "client",
		Match:       []string{"invalid signature on ocsp response for"},
		Title:       "certbot could not verify its CA's OCSP answer (its own status check, not the certificate)",
		Explanation: "certbot checks the OCSP status of its certificates to show them as VALID or REVOKED (certbot certificates, renew). Older releases accepted only OCSP answers signed by the issuing CA itself; CAs that sign them with a delegated OCSP responder certificate (Buypass among them) fail that check, although the answer and the certificate are good and servers and browsers accept them.",
		Fix:         "Upgrade certbot (newer releases accept delegated responders), and check the answer yourself:\n  openssl ocsp -issuer chain.pem -cert cert.pem -url $(openssl x509 -noout -ocsp_uri -in cert.pem) -CAfile chain.pem",
		Confirm:     "certbot --version",
	},
	// testssl.sh's CRL verdict.
	{
		ID: Revoked, Kind: "client", Side: "client",
		Match:       []string{", revoked"},
		Within:      []string{"certificate revocation list"},
		Title:       "testssl.sh reports the certificate revoked by its CRL: check it by hand before believing it",
		Explanation: "testssl.sh downloads the CRL the certificate names and runs openssl verify -crl_check with it. Older releases reported any failure of that run as revoked: a chain openssl could not build from the certificates it had, a CRL it could not fetch or parse. A real revocation shows the certificate's serial in the CRL.",
		Fix:         "Run the check yourself, and upgrade testssl.sh:\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null > chain.txt\n  curl -s http://crl.example.com/ca.crl | openssl crl -inform DER -out crl.pem\n  openssl verify -crl_check -CAfile chain.pem -CRLfile crl.pem cert.pem",
		Confirm:     "openssl crl -noout -text -in crl.pem | grep -A1 'Serial Number'",
	},
	// h2o's OCSP updater giving up on a certificate.
	{
		ID: StaplingFailed, Kind: "client", Side: "server",
		Match:       []string{"[ocsp stapling] disabled for certificate"},
		Title:       "h2o stopped OCSP stapling for this certificate",
		Explanation: "h2o fetches OCSP answers for its own certificate with its helper (fetch-ocsp-response, which runs openssl) and disables stapling for the certificate when that fails repeatedly: no OCSP URL in the certificate, no outbound HTTP to the responder, openssl not found. Some releases went on stapling the last cached answer after that, which expires: browsers that insist on it (a Must-Staple certificate, Firefox) then refuse the site until h2o restarts.",
		Fix:         "Run the helper by hand to see why it fails, then restart h2o (and upgrade it); or turn stapling off:\n  /usr/share/h2o/fetch-ocsp-response /etc/h2o/server.crt\n  ocsp-update-interval: 0",
		Confirm:     "openssl s_client -connect host:443 -servername host -status </dev/null 2>/dev/null | grep -A3 'OCSP response'",
	},
	// Erlang/OTP's ssl crashing inside its own handshake code.
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"{unexpected_error,"},
		Title:       "Erlang's ssl application crashed inside its handshake (unexpected_error)",
		Explanation: "OTP's ssl turned an exception in its own code (function_clause, badarg, undef) into an internal_error alert: a bug of that OTP release in a path an option selects (CRL checking with crl_check and cacerts, partial_chain, a customize_hostname_check), or a crash in the application's own callback (verify_fun). The certificates themselves are not judged; the state named (wait_cert_cr, certify) shows where it stopped.",
		Fix:         "Upgrade OTP (the ssl application), and meanwhile drop or change the option on that path (crl_check, the verify_fun); the function in the crash names it. See the release:\n  erl -noshell -eval 'io:format(\"~s~n\",\n    [erlang:system_info(otp_release)]), halt().'",
		Confirm:     "ls /usr/lib/erlang/lib | grep '^ssl-'",
	},
	// A CRL whose signature does not verify (ProFTPD's mod_tls and others).
	{
		ID: CRLProblem, Kind: "client", Side: "server",
		Match:       []string{"invalid signature on crl"},
		Title:       "A CRL's signature did not verify against its CA",
		Explanation: "The server checks each CRL it loads (ProFTPD's TLSCARevocationFile or TLSCARevocationPath, and others) against the CA that issued it. Three causes: the CRL was signed by another key (a CA made again under the same name), it belongs to another CA, or the file is damaged; and if openssl verifies the same CRL with the same CA, a bug of the server's release (ProFTPD's mod_tls had one): upgrade it.",
		Fix:         "Verify the CRL with the CA, then replace the CRL or upgrade the server:\n  openssl crl -noout -verify -CAfile ca.pem -in crl.pem",
		Confirm:     "openssl crl -noout -issuer -lastupdate -nextupdate -in crl.pem",
	},
	// Android Keystore refusing the signature a TLS client certificate needs.
	{
		ID: KeyLoadFailed, Kind: "client", Side: "client",
		Match:       []string{"invalidkeyexception: keystore operation failed"},
		Title:       "Android Keystore refused to sign with the client certificate's key (the key's allowed paddings)",
		Explanation: "A key in Android Keystore can be used only with the paddings and digests it was generated with. For a client certificate, TLS on Android 10 and later (Conscrypt) signs the handshake with RSA-PSS, made through a raw RSA operation (padding NONE): a key generated with only PKCS#1 signature padding, or without digest NONE, fails there although it signs elsewhere.",
		Fix:         "Generate the key with the paddings and digests TLS needs (or import it through KeyChain):\n  KeyGenParameterSpec.Builder(alias, PURPOSE_SIGN)\n    .setDigests(DIGEST_NONE, DIGEST_SHA256)\n    .setSignaturePaddings(SIGNATURE_PADDING_RSA_PKCS1,\n      SIGNATURE_PADDING_RSA_PSS)\n    .setEncryptionPaddings(ENCRYPTION_PADDING_NONE)",
		Confirm:     "adb logcat | grep -i keystore",
	},
	// A PKCS#11 token lacking the mechanism TLS asks for (RSA-PSS).
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"ckr_mechanism_invalid", "err_ckr_error:mechanism invalid"},
		Title:       "The token cannot make the signature TLS asks for (PKCS#11: mechanism invalid)",
		Explanation: "The client certificate's key is on a token (smart card, YubiKey, HSM) and OpenSSL's PKCS#11 engine or provider asked it for a mechanism it lacks. TLS 1.3 signs with RSA-PSS for RSA keys; the engine asks for CKM_RSA_PKCS_PSS, or raw RSA (CKM_RSA_X_509) to build it, and many cards (OpenPGP cards, older PIV cards) support neither, so the handshake fails where TLS 1.2 with PKCS#1 signatures works.",
		Fix:         "See the token's mechanisms, then cap the connection at TLS 1.2 or use a key the token signs PSS with (an EC key):\n  pkcs11-tool --list-mechanisms\n  curl --tls-max 1.2 --cert 'pkcs11:object=client' https://host/",
		Confirm:     "pkcs11-tool --list-mechanisms | grep -i -e pss -e x_509",
	},
	// A server checking a client certificate's CRL without its chain.
	{
		ID: CRLProblem, Kind: "client", Side: "server",
		Match:       []string{"doesn't have ca chain available"},
		Title:       "The server could not check the client certificate's CRL: it has no chain to the certificate's CA",
		Explanation: "The application checks the revocation of the client certificate (the CRL from its distribution point) and needs the certificate's issuing CA to verify the CRL's signature, but has no chain to it: the client sent only its own certificate, and the server's trusted CAs lack the intermediate. A browser sends the chain it can build from its own store: Firefox uses its own store (not Windows'), so a smart card's intermediate that Chrome and Edge find in Windows' store is missing there.",
		Fix:         "Give the server the client certificate's intermediate CA in its trusted CAs, or give the client's store the chain (Firefox: import the intermediate under Settings > Certificates, or let it use Windows' store with security.enterprise_roots.enabled).",
		Confirm:     "openssl x509 -noout -issuer -ext crlDistributionPoints -in client.crt",
	},
	// A SPIRE agent holding an outdated trust bundle.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"x509svid: could not verify leaf certificate"},
		Title:       "SPIRE: the agent (or workload) does not trust the server's SVID: its trust bundle is out of date",
		Explanation: "A SPIRE agent verifies the server's SVID with the trust bundle it saved in its data directory. When the server's CA rotated while the agent was away longer than the CA lived, or the server's data was reset (a new CA), that bundle lacks the new CA; the agent keeps using its saved bundle rather than the bootstrap one, so it refuses the server until the saved bundle goes.",
		Fix:         "Stop the agent, delete its saved bundle (or its whole data_dir) and start it again with a fresh bootstrap bundle:\n  systemctl stop spire-agent\n  cd /opt/spire/data/agent && rm bundle.der agent-data.json\n  spire-server bundle show > /opt/spire/conf/agent/bootstrap.crt\n  systemctl start spire-agent",
		Confirm:     "spire-server bundle show | openssl x509 -noout -subject -dates",
	},
	// Pomerium requiring a client certificate that did not come.
	{
		ID: NoClientCert, Kind: "client", Side: "server",
		Match:       []string{`"message":"invalid client certificate"`},
		Title:       "Pomerium refused the request: no valid client certificate (495)",
		Explanation: "With a client CA set (client_ca or client_ca_file, or a route's downstream client CA), Pomerium requires a certificate signed by it and answers 495 when none came or it did not verify: a client that presents none (a browser without it installed; older pomerium-cli tcp tunnels, which had no way to send one), or one signed by another CA.",
		Fix:         "Give the client a certificate signed by that CA (a browser: import it as .p12; a CLI: its client certificate options), or leave the client CA out for routes whose clients cannot send one; then test:\n  curl -v --cert client.crt --key client.key https://app.example.com/",
		Confirm:     "openssl s_client -connect app.example.com:443 -servername app.example.com </dev/null 2>/dev/null | grep -A3 'Acceptable client certificate CA names'",
	},
	// The AWS Common Runtime failing to build its TLS context.
	{
		ID: CertLoadFailed, Kind: "client", Side: "client",
		Match:       []string{"aws_io_tls_ctx_error", "failed to create new aws_tls_ctx"},
		Title:       "The AWS SDK could not build its TLS context from the certificate, key or CA it was given",
		Explanation: "The AWS Common Runtime (IoT device SDKs, the S3 CRT client) builds its TLS context from the client certificate, private key and CA it is given, and one of them could not be read or parsed: a wrong path, a PEM with literal \\n sequences instead of line breaks (certificatePem copied from the JSON of aws iot create-keys-and-certificate or create-certificate-from-csr), a key in a format it does not read (encrypted, or PKCS#8 on some platforms), or a CA file that is not PEM.",
		Fix:         "Write the PEM from the JSON with jq -r (it turns \\n into line breaks), then check each file:\n  jq -r .certificatePem cert.json > device.pem.crt\n  openssl x509 -noout -subject -in device.pem.crt\n  openssl pkey -noout -in private.pem.key",
		Confirm:     "head -c 64 device.pem.crt | od -c | head -3",
	},
	// A program that always needs a client certificate and key set.
	{
		ID: NoClientCert, Kind: "client", Side: "client",
		Match:       []string{"client certificate and private key are required"},
		Title:       "The program needs a client certificate and key configured before it connects",
		Explanation: "This program (a registrar's EPP module, an API client) always opens its TLS connection with a client certificate and refuses to start without one. Give it the certificate and key the service issued; when the service does not check client certificates, any pair works, a self-signed one included.",
		Fix:         "Set the certificate and key in the program's settings; if the service issues none and does not check them, make a self-signed pair:\n  openssl req -x509 -newkey rsa:2048 -nodes -keyout key.pem -out cert.pem -days 365 -subj '/CN=client'",
		Confirm:     "openssl x509 -noout -subject -dates -in cert.pem",
	},
	// syslog-ng's TLS peer-verify() given a value it does not know.
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"unknown peer-verify() argument"},
		Title:       "syslog-ng: peer-verify() has a value it does not know",
		Explanation: "syslog-ng's tls() option peer-verify() takes one of four values: required-trusted (the peer must send a certificate that verifies), required-untrusted, optional-trusted and optional-untrusted. A near miss, such as require-trusted from a guide, stops the configuration from parsing, so syslog-ng does not start.",
		Fix:         "Spell the value as syslog-ng does, at the file and line the message names:\n  tls(ca-dir(\"/etc/syslog-ng/ca.d\") peer-verify(required-trusted))",
		Confirm:     "syslog-ng --syntax-only",
	},
	// rsyslog refusing a parameter its release does not have.
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"not known -- typo in config file?"},
		Title:       "rsyslog does not know a parameter of its configuration (a typo, or a release older than the parameter)",
		Explanation: "rsyslog stops reading the statement at the line it names. Either the name is misspelled or in the wrong statement (a module() parameter given to input(), an action's StreamDriver parameter given to a listener), or this release predates it: the TLS settings of an input() (StreamDriver.Name, StreamDriver.Mode, StreamDriver.AuthMode, PermittedPeer, the certificate files per listener) came to imtcp's input() in 8.2108 and later releases one by one, and before that lived only in module(load=\"imtcp\") or the global() defaults.",
		Fix:         "See the release, then move the parameter to the statement that takes it there (or upgrade rsyslog):\n  rsyslogd -v\n  module(load=\"imtcp\" StreamDriver.Name=\"gtls\" StreamDriver.Mode=\"1\"\n    StreamDriver.AuthMode=\"x509/name\"\n    PermittedPeer=[\"*.example.com\"])",
		Confirm:     "rsyslogd -N1",
	},
	// HAProxy's own OCSP updates (show ssl ocsp-updates).
	{
		ID: StaplingFailed, Kind: "client", Side: "server",
		Match:       []string{"ocsp response check failure"},
		Title:       "HAProxy could not check the OCSP answer it fetched for its certificate",
		Explanation: "HAProxy's ocsp-update fetched an OCSP answer for its own certificate and could not verify it: it needs the certificate's issuer, from the .pem itself (the chain after the certificate), a .issuer file beside it, or issuers-chain-path. Some releases looked for the issuer in only some of those places (issuers-chain-path was not used by ocsp-update in 2.8 before a fix), and an answer signed by a responder certificate that does not chain to that issuer fails too.",
		Fix:         "Put the issuer next to the certificate where every release finds it, then reload and update again:\n  cat site.crt intermediate.crt site.key > /etc/haproxy/ssl/site.pem\n  echo 'update ssl ocsp-response /etc/haproxy/ssl/site.pem' | socat stdio /run/haproxy/admin.sock",
		Confirm:     "echo 'show ssl ocsp-updates' | socat stdio /run/haproxy/admin.sock",
	},
	// Caddy finding its managed certificate revoked.
	{
		ID: Revoked, Kind: "client", Side: "server",
		Match:       []string{"ocsp status for managed certificate is revoked"},
		Title:       "Caddy: the CA revoked the managed certificate",
		Explanation: "Caddy checks the OCSP status of the certificates it manages, and the CA says this one is revoked: the CA revoked it (a mass revocation after a CA's mistake, a key reported compromised, or a request from the account). Caddy then tries to replace it; a revoked certificate still in its storage can be loaded again at the next start until a new one is issued.",
		Fix:         "Let Caddy obtain a new certificate: remove the revoked one from its storage and reload (the path depends on the CA and the name):\n  cd ~/.local/share/caddy/certificates/\n  rm -r acme.zerossl.com-v2-dv90/example.com\n  caddy reload --config /etc/caddy/Caddyfile",
		Confirm:     "openssl s_client -connect example.com:443 -servername example.com -status </dev/null 2>/dev/null | grep -A2 'Cert Status'",
	},
	// Java unable to sign the client certificate's CertificateVerify.
	{
		ID: KeyLoadFailed, Kind: "client", Side: "client",
		Match:       []string{"cannot produce certificateverify signature"},
		Title:       "Java could not sign with the client certificate's key (the token or store cannot make the signature TLS asked for)",
		Explanation: "Java chose a signature scheme for the client's CertificateVerify that the key's provider cannot make. The common case is a key on a smart card or token reached through the Windows store (SunMSCAPI, CNG) or PKCS#11: recent JDKs pick RSA-PSS (TLS 1.3 requires it), and many tokens and their drivers sign only PKCS#1 v1.5. Keys in a software keystore sign any scheme.",
		Fix:         "Offer the server only schemes the token can make, or stay at TLS 1.2, and upgrade the token's driver:\n  java -Djdk.tls.client.SignatureSchemes=rsa_pkcs1_sha256,rsa_pkcs1_sha384,ecdsa_secp256r1_sha256 -jar app.jar\n  java -Djdk.tls.client.protocols=TLSv1.2 -jar app.jar",
		Confirm:     "java -Djavax.net.debug=ssl:handshake -jar app.jar 2>&1 | grep -i -e signature_algorithms -e CertificateVerify",
	},
	// OpenSSL failing to sign its CertificateVerify (a client's, or in
	// TLS 1.3 a server's: the line's other words tell which).
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"tls_construct_cert_verify"},
		Title:       "OpenSSL could not sign the handshake with the certificate's key (CertificateVerify)",
		Explanation: "The key of the certificate this side presents could not make the signature the handshake needs. Almost always a key on a token or HSM through an engine or provider (libp11, pkcs11-provider, TPM2): TLS 1.3 needs RSA-PSS for RSA keys, which many tokens cannot make; and OpenSSL 3.0.12 changed how PSS is asked of an engine (as raw RSA, CKM_RSA_X_509), which broke tokens that worked with 3.0.11. A server that keeps its key in a separate, privilege-separated process signs through a hook too: OpenSMTPD built with OpenSSL signs only with RSA keys so, and fails with an ECDSA one. A key in a file signs any scheme; that case is a damaged or mismatched key.",
		Fix:         "See the token's mechanisms, stay at TLS 1.2 for now, and try another OpenSSL or libp11 release:\n  pkcs11-tool --list-mechanisms\n  openssl version\n  curl --tls-max 1.2 --cert 'pkcs11:object=client' https://host/",
		Confirm:     "openssl s_client -connect host:443 -tls1_2 -cert client.crt -key client.key </dev/null",
	},
	// openssl verify's CRL check without the CRL where it looks.
	{
		ID: CRLProblem, Kind: "client", Side: "client",
		Match:       []string{"lookup:unable to get certificate crl", "lookup: unable to get certificate crl"},
		Title:       "openssl verify found no CRL for a certificate's issuer (3)",
		Explanation: "With -crl_check (the leaf) or -crl_check_all (every certificate), openssl verify needs a CRL from each issuer it checks: one given with -CRLfile, or one in the -CApath directory under a hash link named after the issuer, HASH.r0 (openssl rehash and c_rehash make those links). A CRL kept in another directory, a file not linked by hash, or a CRL of another CA (another issuer name) is not found.",
		Fix:         "Give the CRL with -CRLfile, or link it by hash in the -CApath directory:\n  openssl verify -crl_check -CAfile ca.pem -CRLfile ca.crl.pem cert.pem\n  cp ca.crl.pem /etc/ssl/ca.d/ && openssl rehash /etc/ssl/ca.d",
		Confirm:     "openssl verify -crl_check -CApath /etc/ssl/ca.d cert.pem",
	},
	// Teleport agents and proxies failing to join their cluster.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"failed to establish connection to cluster"},
		Title:       "Teleport: this proxy or agent does not trust the auth server it joins",
		Explanation: "A Teleport proxy or agent joining its cluster verifies the auth server's certificate against the cluster's CA. The causes that cover most cases: the ca_pin it was given is not the cluster's (copied from another cluster, or from before the CA was rotated); its own certificates are expired or from before a rotation (`Your proxy certificate is not trusted or expired`), so it must join again; or it reaches the auth server by a name the auth server's certificate lacks (a Kubernetes Service name after a chart or release change: a regression some releases had).",
		Fix:         "Compare the pin with the cluster's, then join again with a fresh token (delete the agent's old state first):\n  tctl status\n  tctl tokens add --type=proxy\n  rm -r /var/lib/teleport/proc",
		Confirm:     "tctl status",
	},
	// A JWT (an enrollment token) whose signature does not verify.
	{
		ID: BadSignature, Kind: "client", Side: "client",
		Match:       []string{"token signature is invalid"},
		Title:       "A token's signature did not verify with the key it is checked against",
		Explanation: "The program checked a signed token (a JWT: an enrollment or join token) and its signature did not verify with the key it used. In enrollment flows that take that key from the server's TLS certificate or its CA (OpenZiti's routers and identities, other join flows), a TLS-terminating load balancer or proxy in front of the controller (an AWS ALB, nginx) presents its own certificate instead, so the check fails; pass TLS through to the controller (a TCP or network load balancer). Otherwise the token comes from another controller or from before its PKI was made again: issue a new one.",
		Fix:         "See which certificate the client is given at the controller's address, then pass TLS through or issue a new token:\n  openssl s_client -connect ctrl.example.com:443 -servername ctrl.example.com </dev/null 2>/dev/null | openssl x509 -noout -subject -issuer",
		Confirm:     "openssl s_client -connect ctrl.example.com:443 -servername ctrl.example.com -showcerts </dev/null",
	},
	// A library that wants PEM text given a PKCS#12 file or a path.
	{
		ID: CertLoadFailed, Kind: "client", Side: "client",
		Match:       []string{"no pem-encoded certificates found in string"},
		Title:       "The library found no PEM certificate in the text it was given",
		Explanation: "The library takes the certificate as PEM text (-----BEGIN CERTIFICATE-----) and found none in what it got: a .pfx or .p12 file (binary PKCS#12, as e-invoicing and tax services issue their A1 certificates), a DER file, a path given where the content belongs, or the output of a release that could not read the .pfx it was given (upgrade the library that reads it).",
		Fix:         "See what the file is, and convert a .pfx to PEM (certificate and key) if the library takes PEM:\n  file certificado.pfx\n  openssl pkcs12 -in certificado.pfx -clcerts -nokeys -out cert.pem\n  openssl pkcs12 -in certificado.pfx -nocerts -nodes -out key.pem",
		Confirm:     "openssl x509 -noout -subject -dates -in cert.pem",
	},
	// node-apn's check of the push certificate against its environment.
	{
		ID: KeyLoadFailed, Kind: "client", Side: "client",
		Match:       []string{"certificate does not support configured environment"},
		Title:       "The APNs push certificate is not for the environment configured (sandbox or production)",
		Explanation: "node-apn compares the push certificate with the environment it is set to (production: false is Apple's sandbox). A development push certificate (Apple Development iOS Push Services) works only with the sandbox; a production one (Apple Push Services) with production, and since 2015 with both. A file from another app or an old certificate fails the same check.",
		Fix:         "See what the certificate is for, then set the matching environment, or make a new push certificate for it in the Apple Developer portal:\n  openssl x509 -noout -subject -enddate -in cert.pem\n  new apn.Provider({ cert: 'cert.pem', key: 'key.pem',\n    production: true })",
		Confirm:     "openssl s_client -connect api.sandbox.push.apple.com:443 -cert cert.pem -key key.pem </dev/null",
	},
	// Go's x509.ParsePKCS1PrivateKey given a PKCS#8 or EC key.
	{
		ID: KeyLoadFailed, Kind: "client",
		Match:       []string{"failed to parse pkcs1 private key"},
		Title:       "The program wants an RSA key in PKCS#1 form (BEGIN RSA PRIVATE KEY) and got another form",
		Explanation: "The program (or service) reads the key with a PKCS#1 parser, which takes only -----BEGIN RSA PRIVATE KEY-----. OpenSSL 3 writes keys as PKCS#8 (-----BEGIN PRIVATE KEY-----) by default, openssl pkcs12 -nocerts -nodes does too, and an EC key is never PKCS#1: each fails this parser although the key is fine.",
		Fix:         "See the key's first line, then write an RSA key in the traditional form:\n  head -1 key.pem\n  openssl rsa -in key.pem -traditional -out key-rsa.pem\n(an EC key needs a program that reads PKCS#8 or SEC 1, or a new RSA key).",
		Confirm:     "head -1 key-rsa.pem",
	},
	// Mbed TLS 3.6 with TLS 1.3 in a program that never set up PSA crypto.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"psa_generate_key() returned", "psa_crypto_init"},
		Within:      []string{"mbedtls", "ssl_tls13", "psa_"},
		Title:       "Mbed TLS 3.6's TLS 1.3 could not use its crypto layer (PSA): a program not set up for it",
		Explanation: "Mbed TLS 3.6 does TLS 1.3 through its PSA crypto API, which the program must initialise (psa_crypto_init) before the first handshake. A program written for an older Mbed TLS and linked against a system Mbed TLS 3.6 (a distribution's package, with TLS 1.3 on) fails every TLS 1.3 handshake at the key exchange, whichever server it talks to.",
		Fix:         "Use the program's own bundled Mbed TLS (its build option to not use the system library), or a release of the program made for Mbed TLS 3.6; or build Mbed TLS without TLS 1.3 (MBEDTLS_SSL_PROTO_TLS1_3 off).",
		Confirm:     "openssl s_client -connect host:443 -servername host -tls1_2 </dev/null",
	},
	// OpenWrt's uclient-fetch and opkg (ustream-ssl) refusing a server.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"connection error: invalid ssl certificate"},
		Title:       "uclient-fetch (OpenWrt's wget, opkg) refused the server's certificate",
		Explanation: "ustream-ssl, under uclient-fetch and opkg on OpenWrt, could not verify the server's certificate. The causes that cover most cases: no CA bundle installed (the ca-bundle or ca-certificates package is missing on a small image); the router's clock is wrong (no real-time clock, and NTP has not run yet after boot); or a TLS library release with a bug in its verification (wolfSSL 5.1.1's verify result, Mbed TLS 3.6.0), fixed by updating the package.",
		Fix:         "Install the CA bundle, check the clock, and update the TLS library:\n  opkg update && opkg install ca-bundle\n  date\n  opkg list-upgradable | grep -e wolfssl -e mbedtls",
		Confirm:     "uclient-fetch -O /dev/null https://downloads.openwrt.org/",
	},
	// DNSCrypt's own resolver certificates (not X.509).
	{
		ID: ServerCertExpired, Kind: "client", Side: "client",
		Match:       []string{"this certificate has not been activated yet", "certificate not valid at the current date", "certificate will expire today -- switch to a different resolver"},
		Title:       "DNSCrypt: the resolver's DNSCrypt certificate is not valid at this machine's time",
		Explanation: "DNSCrypt resolvers publish short-lived certificates of their own (not X.509) with start and end dates, and the client checks them against its clock. Two causes: this machine's clock or time zone is wrong (not activated yet: a clock behind; a router without a real-time clock before NTP runs), or the resolver's operator let its certificate expire (not valid at the current date on a good clock): use another resolver until it is renewed.",
		Fix:         "Check the clock, then drop the resolver from server_names if its certificate has expired:\n  date -u\n  timedatectl set-ntp true",
		Confirm:     "dnscrypt-proxy -resolve example.com",
	},
	// Unbound's DoT listener and OpenSSL 3's unexpected EOF.
	{
		ID: HandshakeFailed, Kind: "client", Side: "server",
		Match:       []string{"could not ssl_read"},
		Within:      []string{"unexpected eof while reading"},
		Title:       "Unbound: a DNS-over-TLS client closed without close_notify (harmless)",
		Explanation: "OpenSSL 3 reports a peer that closes the TCP connection without TLS's close_notify as an error, and DNS-over-TLS clients (phones, routers, stub resolvers) often just drop idle connections. Unbound logged each one; later releases do not at the default verbosity. Nothing is wrong with the certificates.",
		Fix:         "Nothing to fix; to quiet it, upgrade Unbound, or lower its verbosity:\n  verbosity: 0",
		Confirm:     "unbound -V | head -3",
	},
	// Android's Private DNS (DNS over TLS) failing to connect.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"unable to connect to private dns server", "couldn't connect to private dns server", "private dns server cannot be accessed"},
		Title:       "Android's Private DNS (DNS over TLS) could not connect to the server",
		Explanation: "Android reaches the Private DNS host name on port 853 with TLS and checks its certificate against the phone's trust store and that name. The causes that cover most cases: the chain does not verify on the phone (Let's Encrypt's default chain of 2021 ran through the expired DST Root CA X3, which Android's DNS-over-TLS check refused: issue with the ISRG Root X1 chain); the certificate does not name the host name set; port 853 is blocked on the network; or the server has no TLS there.",
		Fix:         "Check the server's chain and name on port 853, and serve the shorter chain:\n  openssl s_client -connect dns.example.com:853 -servername dns.example.com -showcerts </dev/null\n  certbot renew --force-renewal --preferred-chain 'ISRG Root X1'",
		Confirm:     "openssl s_client -connect dns.example.com:853 </dev/null",
	},
	// Dart's and Flutter's HttpClient (BoringSSL) refusing a server.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"certificate_verify_failed"},
		Within:      []string{"handshake.cc", "handshakeexception", "flutter"},
		Without:     []string{"secureserversocket", "certificate has expired", "certificate is not yet valid"},
		Title:       "Dart's HttpClient (Flutter) does not trust the server's certificate",
		Explanation: "Dart's HttpClient checks the server's chain against the platform's trust store (Android's, iOS's), or against its SecurityContext. The causes that cover most cases: a private or self-signed CA the app was not given; an old Android (7.0 and older) without ISRG Root X1, for Let's Encrypt certificates; a server that does not send its intermediate; a TLS-intercepting proxy's CA that only the user's store holds (apps do not trust user CAs on Android 7 and later).",
		Fix:         "Give the app the CA in a SecurityContext (badCertificateCallback returning true only to test):\n  final ctx = SecurityContext(withTrustedRoots: true);\n  ctx.setTrustedCertificatesBytes(caPem);\n  final client = HttpClient(context: ctx);",
		Confirm:     "openssl s_client -connect host:443 -servername host -showcerts </dev/null",
	},
	// A program's own check of the certificate it was given to present.
	{
		ID: ClientCertRejected, Kind: "client", Side: "client",
		Match:       []string{"error: certificate has expired: 1", "error: certificate has expired: 2"},
		Title:       "The program's own check found the certificate it was given expired (the date follows)",
		Explanation: "Before connecting, the program checked the certificate it was given to present (a push certificate in node-apn, a client certificate) and names the date it expired. It is this side's own certificate, not the server's: renew it and give the program the new one.",
		Fix:         "See the certificate's dates, then renew it (for Apple push, a new certificate in the Apple Developer portal) and replace the file:\n  openssl x509 -noout -subject -enddate -in cert.pem\n  openssl pkcs12 -in push.p12 -nokeys | openssl x509 -noout -enddate",
		Confirm:     "openssl x509 -noout -checkend 0 -in cert.pem",
	},
	// A push service checking an uploaded certificate's Common Name.
	{
		ID: WrongPurpose, Kind: "client", Side: "client",
		Match:       []string{"common name (cn) must contain one of"},
		Title:       "The uploaded certificate is not an Apple push certificate (its Common Name)",
		Explanation: "The service checks that the certificate uploaded for push has the Common Name Apple gives push certificates (Apple Push Services, Apple Development IOS Push Services, Pass Type ID). Another certificate was uploaded: a development signing certificate, the certificate of another service, or the file made with the certificate request rather than the one Apple issued for push.",
		Fix:         "See the Common Name of the file, then export the push certificate (with its key) from the Keychain and upload that:\n  openssl pkcs12 -in push.p12 -nokeys | openssl x509 -noout -subject",
		Confirm:     "openssl pkcs12 -info -noout -in push.p12",
	},
	// dnsdist reading its TLS key after dropping its privileges.
	{
		ID: KeyLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"error setting up tls context for"},
		Title:       "dnsdist could not load its TLS certificate or key for a DoT or DoH listener",
		Explanation: "dnsdist builds each TLS listener's context from the certificate and key files it names. Since 1.5.0 it does so after dropping its privileges (setuid and setgid to the dnsdist user), so a key readable only by root (in /etc/ssl/private, or certbot's live directory) fails where 1.4 read it; a wrong path or a key that is not the certificate's fails the same way.",
		Fix:         "Let the dnsdist user read the files (repeat after each renewal, e.g. in a deploy hook), then restart:\n  chgrp _dnsdist /etc/ssl/private/dns.key && chmod 640 /etc/ssl/private/dns.key\n  namei -l /etc/ssl/private/dns.key",
		Confirm:     "dnsdist --check-config",
	},
	// chronyd's NTS client reading its trusted certificates.
	{
		ID: CertLoadFailed, Kind: "client", Side: "client",
		Match:       []string{"could not set credentials : error while reading file"},
		Title:       "chrony could not read the CA certificates for NTS (Error while reading file)",
		Explanation: "chronyd's NTS-KE client loads the CA certificates it trusts (ntstrustedcerts, or the system bundle) with GnuTLS, as the unprivileged user it runs as. The file was missing or unreadable to that user: permissions changed by an update (an appliance's firmware resetting the bundle's mode), a path that does not exist, or a file that is not PEM.",
		Fix:         "Check that chrony's user can read the bundle, then restart chronyd:\n  ls -l /etc/ssl/cert.pem /etc/ssl/certs/ca-certificates.crt\n  chmod 644 /etc/ssl/cert.pem",
		Confirm:     "chronyc -N authdata",
	},
	// Qt without a usable OpenSSL at run time.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"tls initialization failed", "incompatible version of openssl", "qsslsocket: cannot resolve", "qt.tlsbackend.ossl", "no functional tls backend was found", "no tls backend is available", "qsslsocket: cannot call unresolved function"},
		Title:       "Qt has no usable TLS backend: its OpenSSL libraries are missing or of the wrong version",
		Explanation: "Qt loads OpenSSL's libraries at run time, and QSslSocket cannot do TLS when none of the version it was built for is found: Qt 6.5 and later want OpenSSL 3, Qt 5.12.4 to 6.4 OpenSSL 1.1, older Qt 5 OpenSSL 1.0 (libeay32, ssleay32). A Windows installation without OpenSSL's DLLs beside the program (the Qt installer's OpenSSL component not installed), older DLLs found first on PATH, or an AppImage carrying another version, all fail so; macOS's own OpenSSL 0.9.8 lacks the TLS 1.2 functions Qt 5 looks for (`cannot resolve TLSv1_2_client_method`). Qt 6.2 and later load TLS as a plugin (plugins/tls/, qopensslbackend or qschannelbackend): a bundle that leaves that directory out (an AppImage, a CQtDeployer or hand-made package) has `No functional TLS backend was found` (or `No TLS backend is available`) whatever OpenSSL is present. On Android, Qt 5.12.4 to 5.13 look for libcrypto_1_1.so and libssl_1_1.so, and earlier releases for other names: the prebuilt libraries (KDAB's android_openssl) must be the ones made for that Qt release. `cannot call unresolved function` names an OpenSSL function Qt looked for and did not find: Qt 5.15 before 5.15.11 looks for OpenSSL 1.1 names such as SSL_get_peer_certificate that OpenSSL 3 no longer exports (use OpenSSL 1.1 with it, or a Qt with the OpenSSL 3 fix), and a platform port whose loader never loads the library at all fails on every function.",
		Fix:         "See which OpenSSL Qt wants and finds, then put that version's libraries beside the program (Windows: libssl-3-x64.dll and libcrypto-3-x64.dll for Qt 6), and for Qt 6.2 and later ship the plugins/tls directory with it (current windeployqt and linuxdeploy-plugin-qt releases do):\n  QT_LOGGING_RULES='qt.network.ssl*=true;qt.tlsbackend.*=true' ./app\n  ldd ./app | grep -e libssl -e libcrypto",
		Confirm:     "openssl version",
	},
	// A JavaScript TLS client (forge) that cannot parse the server's chain.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"could not parse certificate list"},
		Title:       "The client could not parse the certificates the server sent",
		Explanation: "A TLS client written in JavaScript (node-forge, as in-browser clients use) could not parse the certificate list in the server's Certificate message. Its parser reads fewer forms than OpenSSL: an old default self-signed certificate (version 1, an unusual encoding, an algorithm it lacks) that the server still serves is the usual cause. Serve a current certificate (Let's Encrypt, or one made with openssl req -x509 now).",
		Fix:         "See what the server sends, then replace its certificate:\n  openssl s_client -connect host:4242 -showcerts </dev/null 2>/dev/null | openssl x509 -noout -text | head -20",
		Confirm:     "openssl s_client -connect host:4242 </dev/null",
	},
	// Godot's CA bundle setting pointing at no file.
	{
		ID: CertLoadFailed, Kind: "client", Side: "client",
		Match:       []string{"cannot open x509certificatembedtls file"},
		Title:       "Godot could not open the CA bundle its TLS setting names",
		Explanation: "Godot loads the CA certificates for its TLS clients from the file its settings name (the editor's Editor TLS Certificates, a project's network/tls/certificate_bundle_override), or from its built-in bundle. The setting names a file that is not there, or holds a value that is no path at all (False in some builds made without the built-in bundle), so no CA is loaded and every HTTPS handshake fails its verification.",
		Fix:         "Point the setting at a real CA bundle, or clear it to use the built-in one:\n  /etc/ssl/certs/ca-certificates.crt",
		Confirm:     "ls -l /etc/ssl/certs/ca-certificates.crt",
	},
	// OpenTelemetry's OTLP exporters failing to reach their collector.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"statuscode.unavailable"},
		Within:      []string{"failed to export"},
		Title:       "The OTLP exporter could not reach the collector (TLS on one side only, or the wrong port)",
		Explanation: "An OpenTelemetry exporter over gRPC gets UNAVAILABLE when no connection comes up. Most often one side speaks TLS and the other plaintext: the exporter defaults to TLS unless told insecure (OTEL_EXPORTER_OTLP_INSECURE=true, insecure=True), and a collector's or Tempo's receiver on 4317 often has no TLS; or the receiver has TLS and the exporter is set insecure; or the exporter does not trust the receiver's CA (OTEL_EXPORTER_OTLP_CERTIFICATE); or the port is wrong (4317 is gRPC, 4318 is HTTP) or unreachable. An application that has its own insecure setting must pass it on to the exporter (a bug when it does not).",
		Fix:         "See whether the receiver speaks TLS, then set the exporter to match:\n  openssl s_client -connect collector:4317 </dev/null\n  OTEL_EXPORTER_OTLP_INSECURE=true\n  OTEL_EXPORTER_OTLP_CERTIFICATE=/etc/otel/ca.pem",
		Confirm:     "openssl s_client -connect collector:4317 -alpn h2 </dev/null",
	},
	// MikroTik RouterOS importing nothing from a certificate file.
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"certificates-imported: 0"},
		Title:       "RouterOS imported no certificate from the file",
		Explanation: "MikroTik RouterOS read the file given to /certificate import and took nothing from it. The causes that cover most cases: a PKCS#12 file exported without a passphrase (RouterOS imports a .p12 only with its passphrase, so export it again with one and give it), a passphrase that is not the file's, a file name that is not the one uploaded, or a key imported before its certificate (import the certificate first, then the key).",
		Fix:         "Export the .p12 again with a passphrase, upload it, and import it with that passphrase:\n  openssl pkcs12 -export -in client.crt -inkey client.key -certfile ca.crt -out client.p12 -passout pass:changeit\n  /certificate import file-name=client.p12 passphrase=changeit",
		Confirm:     "/certificate print detail",
	},
	// keytool given a keystore path whose directory does not exist.
	{
		ID: KeyLoadFailed, Kind: "client",
		Match:       []string{"keytool error: java.io.filenotfoundexception"},
		Title:       "keytool could not open the keystore path (its directory does not exist, or cannot be written)",
		Explanation: "keytool opens the keystore named by -keystore, and creates it when it is missing; the path fails when its directory does not exist (a data directory a container makes only on its first start, a volume not mounted yet), when the user may not write there, or when the path names a directory. Run the step once the directory exists, or create it first.",
		Fix:         "Create the directory (with the owner the program runs as), then run keytool again:\n  mkdir -p /unifi/data\n  keytool -importkeystore -srckeystore cert.p12 -srcstoretype PKCS12 -destkeystore /unifi/data/keystore",
		Confirm:     "ls -ld /unifi/data",
	},
	// Go before 1.18 on Windows asked for the system's roots as a pool.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"system root pool is not available on window"},
		Title:       "Go could not give the program Windows' root certificates as a pool (Go before 1.18)",
		Explanation: "The program asked Go for the system's roots as a CertPool (x509.SystemCertPool) to add its own CA to, and Go before 1.18 could not make one on Windows, so the program stopped before connecting. Give it an explicit CA file, or use a build made with Go 1.18 or later.",
		Fix:         "Pass the CA that signed the server's certificate as a file (the program's CA option), or upgrade to a release built with Go 1.18 or later:\n  --reporter.grpc.tls.ca=C:\\certs\\ca.pem",
		Confirm:     "openssl x509 -noout -subject -in ca.pem",
	},
	// A TLS ClientHello reaching a plaintext HTTP/2 (gRPC) server.
	{
		ID: PlainHTTP, Kind: "client", Side: "server",
		Match:       []string{"received bogus greeting from client"},
		Within:      []string{`x16\`},
		Title:       "A TLS client reached this plaintext gRPC server (its greeting is a TLS ClientHello)",
		Explanation: "The server speaks HTTP/2 without TLS, and what arrived begins with 0x16 0x03, a TLS handshake record: the client dials with TLS. Most often an exporter or client whose default became TLS (an OpenTelemetry or Jaeger exporter without insecure: true) sending to a collector or receiver that listens in plaintext; or the server was meant to have TLS and its certificate settings are missing.",
		Fix:         "Make both ends agree: plaintext on the client, or TLS on the server:\n  exporters:\n    otlp:\n      endpoint: collector:4317\n      tls:\n        insecure: true",
		Confirm:     "openssl s_client -connect collector:4317 </dev/null",
	},
	// GlobalProtect's portal asking for a client certificate before login.
	{
		ID: NoClientCert, Kind: "client", Side: "client",
		Match:       []string{"valid client certificate is required"},
		Title:       "The VPN portal requires a client certificate, and this client sent none it accepts",
		Explanation: "A GlobalProtect portal or gateway configured with a certificate profile checks the client's certificate at prelogin, before any password: the client must present a certificate signed by a CA in that profile. The client sent none (a client without a way to present one: older releases of open-source GlobalProtect clients; the machine or user certificate not installed in the store the official client reads), or one from another CA or expired.",
		Fix:         "Give the client the certificate and key the portal expects (openconnect: --certificate and --sslkey; the GlobalProtect app: the certificate in the machine's or user's store), and check it chains to the profile's CA:\n  openconnect --protocol=gp --certificate user.pem \\\n    --sslkey user.key vpn.example.com",
		Confirm:     "openssl s_client -connect vpn.example.com:443 </dev/null 2>/dev/null | grep -A3 'Acceptable client certificate CA names'",
	},
	// mkcert installing its CA without NSS's certutil.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"\"certutil\" is not available, so the ca can't be automatically installed"},
		Title:       "mkcert could not add its CA to Firefox's and Chromium's own stores (certutil is missing)",
		Explanation: "mkcert -install puts its local CA in the system store and, through NSS's certutil tool, in the NSS databases that Firefox (everywhere) and Chrome or Chromium (on Linux) read. Without certutil those browsers never learn the CA and refuse mkcert's certificates, while curl and the system trust them.",
		Fix:         "Install NSS's tools, then run mkcert -install again (and restart the browser):\n  apt install libnss3-tools\n  dnf install nss-tools\n  mkcert -install",
		Confirm:     "mkcert -CAROOT",
	},
	// Caddy's local CA trying to install its root where Caddy runs.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"failed to install root certificate"},
		Title:       "Caddy could not install its local CA's root into this machine's trust store",
		Explanation: "With internal or local certificates, Caddy makes its own CA and tries to install the root into the trust store of the machine it runs on. In a container, or without root, that fails (the tools or permissions are missing), and it is of no use there: the browsers that must trust the root run elsewhere. Its installer (mkcert's) also stops at the first store it cannot reach, such as no Firefox (NSS) database on a Mac, before the system's own store: then install the root by hand. The certificates Caddy serves are fine.",
		Fix:         "Turn the install off, and put Caddy's root on the machines whose clients connect:\n  {\n    skip_install_trust\n  }\n  docker cp caddy:/data/caddy/pki/authorities/local/root.crt .",
		Confirm:     "openssl x509 -noout -subject -in root.crt",
	},
	// Julia's libgit2 on a system TLS engine given a CA file.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"libgit2 doesn't know how to configure to use a file or directory of certificate authority roots"},
		Title:       "Julia's git layer cannot take a CA file on this system (SSL_CERT_FILE set, system TLS in use)",
		Explanation: "On macOS and Windows, Julia's libgit2 uses the system's TLS engine, which trusts the system's store and cannot be given a CA file; a CA file set in SSL_CERT_FILE or JULIA_SSL_CA_ROOTS_PATH (for a corporate proxy's CA, say) makes Pkg refuse to clone. Put that CA in the system's store (Keychain, Windows' certificate store) and clear the variable for Julia.",
		Fix:         "Add the CA to the system's store, then tell Julia to use the system's roots:\n  sudo security add-trusted-cert -d -r trustRoot -k /Library/Keychains/System.keychain ca.crt\n  export JULIA_SSL_CA_ROOTS_PATH=\"\"",
		Confirm:     "julia -e 'using NetworkOptions; @show ca_roots()'",
	},
	// mkcert reaching for Java's trust store through JAVA_HOME.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"failed to execute \"keytool -list\""},
		Title:       "mkcert could not add its CA to Java's trust store (JAVA_HOME's keytool failed)",
		Explanation: "mkcert -install also puts its CA into Java's trust store whenever JAVA_HOME is set, with that JDK's keytool and its lib/security/cacerts. A JAVA_HOME that points at a JDK without that cacerts file (some Homebrew openjdk kegs, a JRE-less layout) or at a stale path makes keytool fail, and mkcert stops.",
		Fix:         "Point JAVA_HOME at a full JDK for the install, or leave it out when Java need not trust the CA:\n  ls \"$JAVA_HOME/lib/security/cacerts\"\n  env -u JAVA_HOME mkcert -install",
		Confirm:     "mkcert -CAROOT",
	},
	// mkcert's CAROOT pointing where it cannot create its directory.
	{
		ID: CertLoadFailed, Kind: "client", Side: "client",
		Match:       []string{"failed to create the caroot"},
		Title:       "mkcert could not create its CA directory (the CAROOT path)",
		Explanation: "mkcert keeps its CA in the directory CAROOT names (or a default under the user's data directory) and creates it when missing. The path could not be made: a placeholder copied from a guide (a YOUR_USERNAME left in ~/.profile), a Windows path under /mnt/c in WSL that does not exist or belongs to another user, or a directory this user may not write.",
		Fix:         "See what CAROOT says, then fix it in the shell's profile (or unset it for mkcert's default):\n  echo \"$CAROOT\"\n  grep -n CAROOT ~/.profile ~/.bashrc\n  unset CAROOT",
		Confirm:     "mkcert -CAROOT",
	},
	// Globus GSI's host name authorization (JGlobus, gridftp).
	{
		ID: ServerHostnameMismatch, Kind: "client", Side: "client",
		Match:       []string{"[jglobus-56] authorization failed", "expected \"/cn=host/", "expected &quot;/cn=host/"},
		Title:       "Globus GSI: the server's certificate is not the identity the client expects",
		Explanation: "Globus and JGlobus clients (GridFTP, pegasus-gridftp, globus-url-copy) check the server's certificate subject against the identity they expect: by the legacy rule /CN=host/ followed by the node's reverse-DNS name. A server whose certificate was reissued for a service name (an alias shared by several nodes, RFC 2818 style), or a node reached by another name, fails that check.",
		Fix:         "Tell the client the subject to expect, or use the strict RFC 2818 name rule, or connect by the name the certificate carries:\n  export GLOBUS_GSSAPI_NAME_COMPATIBILITY=STRICT_RFC2818\n  globus-url-copy -ss '/CN=dtn.example.org' \\\n    gsiftp://dtn.example.org/ file:///tmp/",
		Confirm:     "openssl s_client -connect dtn.example.org:2811 </dev/null 2>/dev/null | openssl x509 -noout -subject",
	},
	// Julia's download layer failing to read the system's CA bundle.
	{
		ID: CertLoadFailed, Kind: "client", Side: "client",
		Match:       []string{"error reading ca cert file"},
		Title:       "Julia could not read the CA bundle for its downloads",
		Explanation: "Julia's Downloads (libcurl on Mbed TLS) reads the CA bundle NetworkOptions names: JULIA_SSL_CA_ROOTS_PATH, SSL_CERT_FILE, or the system's bundle. The file could not be read: a path that does not exist or cannot be read by this user, a file that is not PEM; and Julia 1.10.1 failed to read the system bundle on Linux though it was fine (fixed in 1.10.2).",
		Fix:         "Check the file, then upgrade Julia or name the bundle explicitly:\n  ls -l /etc/ssl/certs/ca-certificates.crt\n  export JULIA_SSL_CA_ROOTS_PATH=/etc/ssl/certs/ca-certificates.crt",
		Confirm:     "julia --version",
	},
	// Apache's mod_nss refusing its own expired server certificate.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"ssl library error: -8181"},
		Title:       "Apache's mod_nss will not start: its own server certificate has expired (NSS -8181)",
		Explanation: "mod_nss (Apache's TLS module on NSS, as FreeIPA servers used) checks the server certificate in its NSS database (/etc/httpd/alias, NSSNickname) when it starts, and an expired one stops httpd. On FreeIPA, certmonger renews it; a renewal that did not run (the CA down, an expired renewal agent, a clock jump) leaves the old certificate in place.",
		Fix:         "See the certificate's dates in the database and the renewal's state, then renew it and restart httpd:\n  certutil -L -d /etc/httpd/alias -n Server-Cert | grep -A2 Validity\n  getcert list -d /etc/httpd/alias -n Server-Cert\n  getcert resubmit -d /etc/httpd/alias -n Server-Cert",
		Confirm:     "certutil -V -u V -d /etc/httpd/alias -n Server-Cert",
	},
	// FreeIPA's own tools refusing a certificate whose CA it lacks.
	{
		ID: Untrusted, Kind: "client", Side: "server",
		Match:       []string{"issuer is not trusted", "issuer is not recognized"},
		Within:      []string{"ipapython", "ipa-server-certinstall", "ipa-cacert-manage"},
		Title:       "FreeIPA does not know the CA of the certificate being installed",
		Explanation: "ipa-server-certinstall checks the new server certificate against the CAs in IPA's own store, not the system's. A certificate from an external CA (Let's Encrypt) whose intermediate or root IPA was never given, or was given an older one (the intermediate changes from time to time: X3 to R3, R3 to R10 and R11), is refused until the chain is installed into IPA.",
		Fix:         "Install the certificate's CA chain into IPA, spread it, then install the certificate:\n  ipa-cacert-manage install chain.pem\n  ipa-certupdate\n  ipa-server-certinstall -w -d server.key server.crt",
		Confirm:     "ipa-cacert-manage list",
	},
	// FreeRDP's (and Remmina's) name check of the RDP host or gateway.
	{
		ID: ServerHostnameMismatch, Kind: "client", Side: "client",
		Match:       []string{"the hostname used for this connection"},
		Title:       "FreeRDP: the certificate does not carry the host name used (the RDP host's or the gateway's)",
		Explanation: "FreeRDP (under Remmina and others) checks the certificate of the RDP host, or of the RD Gateway it goes through, against the name it connected to, and refuses a certificate whose Common Name or subjectAltName is another name: a host reached by IP address or a short name, or a gateway whose certificate names gateway.example.com while the connection used another name.",
		Fix:         "Connect by the name the certificate carries (the gateway's too), or reissue the certificate with the name used; to test, accept it once:\n  xfreerdp /v:host.example.com /g:gateway.example.com /cert:tofu",
		Confirm:     "openssl s_client -connect gateway.example.com:443 </dev/null 2>/dev/null | openssl x509 -noout -subject",
	},
	// PowerShell remoting over HTTPS from Linux and macOS.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"https on unix does not currently support ca or cn checks"},
		Title:       "PowerShell on Linux or macOS cannot check a WinRM server's certificate",
		Explanation: "PowerShell 7 on Unix reaches WinRM over HTTPS through its WSMan client (OMI), which cannot validate the server's certificate, so it refuses the session unless the checks are skipped explicitly. Nothing is wrong with the certificate; SSH remoting, which checks host keys, is the alternative.",
		Fix:         "Skip the checks for that session (on a network you trust), or use SSH remoting:\n  $o = New-PSSessionOption -SkipCACheck -SkipCNCheck\n  Enter-PSSession -ComputerName host -UseSSL -SessionOption $o `\n    -Authentication Basic -Credential $c",
		Confirm:     "openssl s_client -connect host:5986 </dev/null 2>/dev/null | openssl x509 -noout -subject -dates",
	},
	// Tasmota's MQTT TLS learning the broker's fingerprint.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"mqt: fingerprint learned"},
		Title:       "Tasmota trusted the MQTT broker's certificate on first use (fingerprint learned)",
		Explanation: "With TLS to the broker and no fingerprint of its own to check (or the learning mode of MqttFingerprint), Tasmota takes the fingerprint of the first certificate it sees and trusts it from then on. That is expected once; seen when a fingerprint was set (at compile time in MQTT_FINGERPRINT1, or with MqttFingerprint), it means the set one did not apply (a release's bug after a configuration reset was such a case), and a later certificate change will be refused.",
		Fix:         "Set the broker's fingerprint explicitly, from the certificate the broker serves:\n  openssl s_client -connect broker.example.com:8883 </dev/null 2>/dev/null | openssl x509 -noout -fingerprint -sha1\n  MqttFingerprint1 AE C1 F6 0E ...",
		Confirm:     "openssl s_client -connect broker.example.com:8883 </dev/null 2>/dev/null | openssl x509 -noout -fingerprint -sha1",
	},
	// sslyze's note on a server that requires client certificates.
	{
		ID: NoClientCert, Kind: "client", Side: "client",
		Match:       []string{"server required client authentication, specific plugins will fail"},
		Title:       "sslyze: the server requires a client certificate, and the scan did not present one",
		Explanation: "sslyze noticed that the server requires client authentication (mutual TLS): the plugins that need a full handshake fail unless the scan presents a client certificate and key the server accepts. Some releases did not present the certificate and key given with --cert and --key; newer ones do.",
		Fix:         "Give the scan the client certificate and key (PEM), and use a current sslyze:\n  sslyze --cert client.crt --key client.key --keyform PEM host:443\n  pip install --upgrade sslyze",
		Confirm:     "openssl s_client -connect host:443 -cert client.crt -key client.key </dev/null",
	},
	// Java signing with a key held in an HSM through another provider.
	{
		ID: KeyLoadFailed, Kind: "client", Side: "client",
		Match:       []string{"key material is not exportable outside of the hsm", "key material is not exportable"},
		Title:       "Java tried to sign with an HSM's key through a software provider",
		Explanation: "The client certificate's key lives in an HSM (nCipher, Luna, a PKCS#11 token) and cannot leave it, but Java chose a provider without HSM access for the signature TLS asked for: recent JDKs pick RSASSA-PSS for the CertificateVerify, which the HSM's provider may not offer, so the JDK's own SunRsaSign took the job and asked for the key material.",
		Fix:         "Offer only signature schemes the HSM's provider makes (PKCS#1 v1.5), or put that provider first in java.security, or stay at TLS 1.2:\n  java -Djdk.tls.client.SignatureSchemes=rsa_pkcs1_sha256,rsa_pkcs1_sha384 -jar app.jar",
		Confirm:     "java -Djavax.net.debug=ssl:handshake -jar app.jar 2>&1 | grep -i signature",
	},
	// MySQL and MariaDB clients on yaSSL or wolfSSL failing TLS.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"ssl connection error: unknown error number"},
		Title:       "The MySQL client's TLS failed (a client library on yaSSL or wolfSSL)",
		Explanation: "MySQL clients built on yaSSL or wolfSSL (MySQL 5.6 and 5.7 community builds, connectors and applications that bundle them) print this when the handshake fails. The common cause is versions: MySQL 8.0 turns TLS on by default, and 8.0.28 and later accept TLS 1.2 and 1.3 only (as do distributions' crypto policies), while these libraries offer TLS 1.0 and 1.1; or the client has no TLS support at all while the server requires it. A client built on OpenSSL names the real reason.",
		Fix:         "See what the server accepts, then use a client built on OpenSSL (or a current connector), or, where the network is trusted, turn TLS off on that connection:\n  mysql -e \"SHOW VARIABLES LIKE 'tls_version'\"\n  mysql --ssl-mode=DISABLED -h db.example.com -u app -p",
		Confirm:     "openssl s_client -connect db.example.com:3306 -starttls mysql </dev/null",
	},
	// librdkafka failing to build its TLS context.
	{
		ID: CertLoadFailed, Kind: "client", Side: "client",
		Match:       []string{"ssl_ctx_new() failed"},
		Within:      []string{"kafka"},
		Title:       "librdkafka could not build its TLS context (its CA, certificate or key, or OpenSSL's policy)",
		Explanation: "librdkafka (under confluent-kafka, kcat, node-rdkafka and others) builds its TLS context when the client starts, loading ssl.ca.location, ssl.certificate.location and ssl.key.location. It fails when a file is missing, unreadable or not PEM, the key's password (ssl.key.password) is wrong, or OpenSSL's security level refuses what is loaded: OpenSSL 3 on Ubuntu 22.04 and later (level 2) rejects SHA-1-signed certificates and small keys in the CA chain.",
		Fix:         "Check each file, then lower the level for this client only if the chain cannot be replaced:\n  openssl x509 -noout -subject -text -in ca.pem | grep 'Signature Algorithm'\n  openssl pkey -noout -in client.key\n  ssl.cipher.suites=DEFAULT:@SECLEVEL=1",
		Confirm:     "openssl s_client -connect broker.example.com:9093 -CAfile ca.pem </dev/null",
	},
	// Fluent Bit's TLS when the peer closes.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"[tls] error: unexpected eof"},
		Title:       "Fluent Bit's TLS connection was closed by the other side",
		Explanation: "Fluent Bit's output (http, es, forward, loki) lost the TLS connection during or right after the handshake. The causes that cover most cases: Fluent Bit refused the server's certificate because the CA given with tls.ca_file is not the one it reads (a path not mounted into the container, a file of another CA), with tls.verify on; the server refused Fluent Bit's client certificate (tls.crt_file, tls.key_file) or wanted one; or TLS on one side only (tls on toward a plaintext port, or the reverse).",
		Fix:         "Check the files exist where Fluent Bit runs, and compare with a handshake from the same place:\n  ls -l /fluent-bit/etc/ca.pem\n  openssl s_client -connect logs.example.com:443 -servername logs.example.com -CAfile /fluent-bit/etc/ca.pem </dev/null\nthen set the output's tls.ca_file (and tls.crt_file and tls.key_file for mutual TLS).",
		Confirm:     "fluent-bit -c /fluent-bit/etc/fluent-bit.conf --dry-run",
	},
	// The AWS IoT Device SDK for Embedded C on its OpenSSL transport.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"ssl_connect failed to perform tls handshake"},
		Within:      []string{"openssl_posix.c", "transport_openssl"},
		Title:       "The AWS embedded SDK's TLS handshake failed (OpenSSL transport)",
		Explanation: "The AWS IoT Device SDK for Embedded C (its OpenSSL transport) could not finish the handshake with the endpoint. The causes that cover most cases: no server name sent (AWS endpoints, API Gateway among them, need SNI: set the transport's sniHostName to the endpoint's name); the root CA given is not the endpoint's (AmazonRootCA1.pem for AWS IoT); the device certificate is not activated, not attached to a thing and a policy, or its key is not the certificate's; or the port (8883, 443 with ALPN x-amzn-mqtt-ca) is blocked.",
		Fix:         "Compare with a handshake from the same machine, sending the name, the CA and the device's pair:\n  openssl s_client -connect abc123-ats.iot.us-east-1.amazonaws.com:8883 \\\n    -servername abc123-ats.iot.us-east-1.amazonaws.com \\\n    -CAfile AmazonRootCA1.pem -cert device.pem.crt \\\n    -key private.pem.key </dev/null",
		Confirm:     "openssl x509 -noout -subject -dates -in device.pem.crt",
	},
	// Traefik 1.7 writing a certificate that is not PEM into its configuration.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"last key parsed 'tls.certificate."},
		Title:       "Traefik's generated configuration broke on a certificate that is not PEM text",
		Explanation: "Traefik 1.7 writes the certificates of the Kubernetes secrets its ingresses name into its own configuration, and that configuration failed to parse at a certificate: the secret's tls.crt or tls.key holds binary DER (or another encoding) instead of PEM text. Later releases refuse such secrets instead.",
		Fix:         "See what the secret holds, and store it again as PEM:\n  kubectl get secret site-tls -o jsonpath='{.data.tls\\.crt}' | base64 -d | head -1\n  openssl x509 -inform DER -in site.der -out site.crt\n  kubectl create secret tls site-tls --cert=site.crt --key=site.key --dry-run=client -o yaml | kubectl apply -f -",
		Confirm:     "kubectl get secret site-tls -o jsonpath='{.data.tls\\.crt}' | base64 -d | openssl x509 -noout -subject",
	},
	// NGINX Unit's control API refusing a certificate bundle.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server",
		Match:       []string{`"error": "invalid certificate."`, `"error":"invalid certificate."`},
		Title:       "NGINX Unit refused the certificate bundle uploaded to its control API",
		Explanation: "Unit takes a bundle of PEM blocks (the certificate, its intermediates and the private key) in the body of a PUT to /certificates/NAME and refuses it when it does not hold a usable pair. The causes that cover most cases: an empty body (curl given a path it could not read, which it only warns about); the key missing from the bundle, or not the certificate's; a block broken by an edit (a stray blank line or characters inside it).",
		Fix:         "Build the bundle from the certificate, chain and key, check it, then upload it with curl's --data-binary:\n  cat site.crt intermediate.crt site.key > bundle.pem\n  openssl x509 -noout -subject -in bundle.pem\n  curl -X PUT --data-binary @bundle.pem --unix-socket /var/run/control.unit.sock http://localhost/certificates/site",
		Confirm:     "curl --unix-socket /var/run/control.unit.sock http://localhost/certificates/",
	},
	// Haskell's tls library as a server without a credential to offer.
	{
		ID: HandshakeFailed, Kind: "client", Side: "server",
		Match:       []string{`error_protocol ("credential not found"`},
		Title:       "The Haskell tls server found no credential for the client's offer",
		Explanation: "Haskell's tls library (under warp-tls and others) chooses a certificate and key that fit a cipher suite the client offers, and found none: the server has no credential loaded (a wrong path, a key that does not match), or only one of a type its release cannot serve (older releases served RSA certificates only; ECDSA P-256 support came later, P-384 later still).",
		Fix:         "Check the server's certificate type and pair, and serve an RSA certificate (or upgrade the tls library) if it is ECDSA:\n  openssl x509 -noout -text -in server.crt | grep 'Public Key Algorithm'\n  openssl req -new -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj '/CN=host.example.com'",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null",
	},
	// ghostunnel's client mode without a client certificate.
	{
		ID: NoClientCert, Kind: "client", Side: "client",
		Match:       []string{"required flag --keystore not provided"},
		Title:       "ghostunnel's client mode needs a client certificate (--keystore)",
		Explanation: "ghostunnel is made for mutual TLS: in client mode it presents a client certificate to the server it tunnels to, given with --keystore (a PKCS#12 file) or --cert and --key. Older releases refuse to start without one; newer ones accept --disable-authentication for servers that do not ask for a certificate.",
		Fix:         "Give it the client's certificate and key, or leave authentication out on a release that allows it:\n  ghostunnel client --listen localhost:8080 --target backend:443 \\\n    --keystore client.p12 --cacert ca.pem\n  ghostunnel client --listen localhost:8080 --target backend:443 \\\n    --disable-authentication",
		Confirm:     "ghostunnel --version",
	},
	// ngIRCd's TLS listener losing a client mid-handshake.
	{
		ID: HandshakeFailed, Kind: "client", Side: "server",
		Match:       []string{"ssl error, client disconnected [in connssl_read()]"},
		Title:       "ngIRCd: a client dropped the TLS connection (most often refusing the server's chain)",
		Explanation: "ngIRCd logs this when a client closes during or right after the handshake. Most often the client refused ngIRCd's certificate: CertFile names the certificate alone (Let's Encrypt's cert.pem) without its intermediate, which IRC clients do not fetch; otherwise a client that connected in plaintext to the TLS port, or one with its own trust problem.",
		Fix:         "Serve the full chain, and check what clients see:\n  CertFile = /etc/letsencrypt/live/irc.example.org/fullchain.pem\n  openssl s_client -connect irc.example.org:6697 -servername irc.example.org </dev/null | grep -e 'Verify return' -e ' s:'",
		Confirm:     "openssl s_client -connect irc.example.org:6697 -showcerts </dev/null",
	},
	// A TLS server whose connections are opened and dropped by a health check.
	{
		ID: HandshakeFailed, Kind: "client", Side: "server",
		Match:       []string{"description: ssl handshake from client failed"},
		Title:       "A client opened a TLS connection and did not finish the handshake",
		Explanation: "The server (Citrix Secure Gateway and other Windows services log it so) saw a connection end before the handshake completed. At a steady rhythm from one address it is a load balancer's or monitor's TCP keepalive on the TLS port, which opens and drops connections: noise, not a failure. From real clients it is a client that refused the server's certificate or shares no TLS version with it.",
		Fix:         "Find who connects at that rhythm (the load balancer's address), and switch its check to a TLS or HTTP monitor, or exclude its address from the log:\n  openssl s_client -connect gateway.example.com:443 -servername gateway.example.com </dev/null",
		Confirm:     "openssl s_client -connect gateway.example.com:443 -servername gateway.example.com </dev/null",
	},
	// Windows' NTAuth store, which certificate logon and KCD require.
	{
		ID: Untrusted, Kind: "client", Side: "server",
		Match:       []string{"ntauth store is missing root ca certificate"},
		Title:       "Active Directory's NTAuth store lacks the CA that issued the client certificate",
		Explanation: "Certificate logon to Active Directory (smart cards, Kerberos constrained delegation from a gateway that authenticates users by client certificate) accepts only certificates issued by a CA in the forest's NTAuth store, besides a trusted chain. A CA that is trusted but not published to NTAuth (a third-party or newly added CA), or a chain whose intermediate the server lacks, fails here.",
		Fix:         "Publish the issuing CA to NTAuth (as an enterprise admin), and give the server the whole chain:\n  certutil -dspublish -f issuing-ca.crt NTAuthCA\n  certutil -viewstore \"ldap:///CN=NTAuthCertificates,CN=Public Key Services,CN=Services,CN=Configuration,DC=example,DC=com\"",
		Confirm:     "certutil -verify -urlfetch client.cer",
	},
	// Electron apps refusing a certificate, by its fingerprint.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"the unknown certificate fingerprint is: sha256/"},
		Title:       "The Electron app refused a certificate it does not trust (its fingerprint is shown)",
		Explanation: "An Electron app (Teams for Linux, other desktop apps) refused the certificate of a site it loads and names its fingerprint. Most often a TLS-intercepting proxy or antivirus re-signs traffic with a company CA that the app's Chromium does not trust: on Linux, Chromium reads the NSS database in ~/.pki/nssdb, not the system bundle. Some apps also take such fingerprints as trusted in their settings.",
		Fix:         "Add the proxy's CA to the user's NSS database (or the fingerprint to the app's trusted list, if it has one):\n  certutil -d sql:$HOME/.pki/nssdb -A -t 'C,,' -n company-proxy -i proxy-ca.crt",
		Confirm:     "certutil -d sql:$HOME/.pki/nssdb -L",
	},
	// Icinga 2's API and cluster connections closed by the peer.
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"tlsstream: tls stream was disconnected"},
		Title:       "Icinga 2: the peer closed the TLS connection",
		Explanation: "Icinga 2 logs this when the other end of an API or cluster connection goes away. On its API port, most often a client that does not trust Icinga's certificate (its own CA, or a self-signed one: a browser or extension closes without a word until the certificate is accepted or its CA trusted) or a health check; between cluster nodes, a node whose certificate was not signed by the same CA, or a restart.",
		Fix:         "See what the API serves and whether the client trusts it; for a node, check its certificate against the cluster's CA:\n  openssl s_client -connect icinga.example.com:5665 </dev/null | grep -e 'Verify return' -e ' s:'\n  openssl verify -CAfile /var/lib/icinga2/certs/ca.crt /var/lib/icinga2/certs/node.crt",
		Confirm:     "icinga2 daemon -C",
	},
	// Wazuh's agent checking the manager's certificate at enrollment.
	{
		ID: ServerHostnameMismatch, Kind: "client", Side: "client",
		Match:       []string{"w_enrollment_verify_ca_certificate", "unable to verify server certificate"},
		Within:      []string{"wazuh", "ossec", "w_enrollment"},
		Title:       "The Wazuh agent could not verify the manager's certificate at enrollment",
		Explanation: "With manager identity verification (the enrollment's CA given with -v, or server_ca_path), the agent checks the manager's certificate against that CA and against the address it enrolls to: the certificate must be signed by that CA and carry the address (or name) in its subjectAltName or Common Name. Older agents went on enrolling after the failure; newer ones stop.",
		Fix:         "Issue the manager's certificate with the name or address the agents use, from the CA they are given, or enroll by the name it carries:\n  openssl x509 -noout -text -in /var/ossec/etc/sslmanager.cert | grep -A1 -e Subject: -e 'Alternative Name'\n  /var/ossec/bin/agent-auth -m wazuh.example.com \\\n    -v /var/ossec/etc/rootCA.pem",
		Confirm:     "openssl verify -CAfile rootCA.pem sslmanager.cert",
	},
	// A program whose TLS library is missing, or another version than the
	// one it was built against, at run time.
	{
		ID: HandshakeFailed, Kind: "client",
		Match: []string{"openssl version mismatch", "version `openssl_", "undefined symbol: ssl_", "undefined symbol: evp_", "undefined symbol: x509_", "undefined symbol: openssl_", "ssl module in python is not available", "libssl.so.1.1: cannot open", "libssl.so.3: cannot open", "libcrypto.so.1.1: cannot open", "libcrypto.so.3: cannot open", "libssl.so.10: cannot open", "libcrypto.so.10: cannot open", "libssl-3-x64.dll was not found", "libcrypto-3-x64.dll was not found", "libssl-1_1-x64.dll was not found", "libcrypto-1_1-x64.dll was not found", "libcrypto.so: cannot open", "libssl.so: cannot open", "ssl-make-client-context: requested protocol not supported", "cannot load ssl libraries",
			// SSL_CTX_new given no method: a program built for OpenSSL 1.0
			// (its SSLv23_method) on 1.1's library, as an AppImage's Qt.
			"null ssl method passed"},
		Title:       "The program's TLS library is missing or not the version it was built for",
		Explanation: "The program was built against one OpenSSL (or a library that uses it: libcurl, Python's ssl module, a database driver) and at run time the dynamic loader finds another version, or none. OpenSSL 1.0, 1.1 and 3 are not interchangeable: a binary built for 1.1 needs libssl.so.1.1, one built for 3.x needs libssl.so.3 of at least the minor version it was built with (a missing OPENSSL_3.0.9 symbol version, an undefined SSL_ or EVP_ symbol). It happens after a distribution upgrade, with a binary copied from another machine or container image, with a private copy of libssl on LD_LIBRARY_PATH or PATH (an old DLL beside another program found first), or a Python built before OpenSSL's headers were installed. A program that loads libssl.so or libcrypto.so by the bare name at run time (Racket, whose ssl-make-client-context then says `requested protocol not supported`; Lisp and other FFI bindings) needs the development package, which alone provides that name. Nothing about certificates is wrong.",
		Fix:         "See which libssl and libcrypto the program loads, then install the version it was built for (or rebuild it against the one installed):\n  ldd \"$(command -v PROGRAM)\" | grep -e libssl -e libcrypto\n  openssl version -a\nFor a program that loads the bare libcrypto.so, install the development package:\n  apt-get install -y libssl-dev\n  dnf install -y openssl-devel",
		Confirm:     "ldconfig -p | grep -e libssl -e libcrypto",
	},
	// OPC UA applications that do not trust each other's application
	// instance certificates (each keeps its own trust list).
	{
		ID: Untrusted, Kind: "client",
		Match:       []string{"badcertificateuntrusted", "bad_certificateuntrusted", "badsecuritychecksfailed", "bad_securitychecksfailed", "error received from remote host: certificate is not trusted", "(0x801a0000)"},
		Title:       "An OPC UA application does not trust the other's application certificate yet",
		Explanation: "OPC UA clients and servers each present an application instance certificate, usually self-signed, and each keeps its own trust list. A certificate not on it is refused and filed in the refusing side's rejected folder (pki/rejected/certs, the stack's Rejected Certificates store, UaExpert's or the server's rejected list, Ignition's quarantined certificates) until someone trusts it; the other side sees BadSecurityChecksFailed or \"certificate is not trusted\" from the remote host. Less often the certificate is trusted but refused for its content: validity dates against a wrong clock, an ApplicationUri in its subjectAltName that differs from the application's, or a host name missing from it.",
		Fix:         "On the side that refused (the server, for a client's connection), trust the other's certificate: move it from the rejected folder to the trusted one (or press Trust in its UI), then reconnect. The folders, in stacks that use files:\n  ls pki/rejected/certs pki/trusted/certs\nDo the same the other way if the client does not trust the server's certificate yet.",
		Confirm:     "ls pki/rejected/certs",
	},
	// Java reading a handshake record after the server closed.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client", Own: true,
		Match:       []string{"sslexception: readhandshakerecord", "sslhandshakeexception: readhandshakerecord"},
		Title:       "The server closed the connection in the middle of the Java client's handshake",
		Explanation: "Java was waiting for the server's next handshake message and the connection ended instead (readHandshakeRecord names only where it stopped). The server gave up on the handshake without a TLS alert: most often it requires a client certificate and Java sent none (no keystore given, an empty one, or none of its keys issued by a CA the server lists), or it refused the TLS version or cipher suites offered, or what answers is not the TLS server meant (a proxy, a plaintext port).",
		Fix:         "See the handshake from Java's side, and whether the server asks for a certificate:\n  -Djavax.net.debug=ssl:handshake\n  openssl s_client -connect host:443 </dev/null 2>&1 | grep -A3 'Acceptable client'\nthen give Java a keystore holding a client certificate from a CA the server lists (-Djavax.net.ssl.keyStore, or the tool's key-store option).",
		Confirm:     "openssl s_client -connect host:443 </dev/null",
	},
	// node-opcua renewing its security token early or late: the clock.
	{
		ID: NotYetValid, Kind: "client", Side: "client",
		Match:       []string{"lifetime_75"},
		Title:       "The OPC UA security token expires at the wrong time: this machine's clock or time zone is wrong",
		Explanation: "An OPC UA secure channel is renewed before its security token's lifetime ends (at 75% of it), timed by the client's clock against the time the server issued the token. A device whose clock or time zone is wrong (embedded boards without a real-time clock, a missing NTP service, a wrong TZ) sees tokens that expire at once or never renew in time, and the channel drops; its application certificates can look not yet valid or expired for the same reason.",
		Fix:         "Set the clock and time zone right on both machines and keep them synchronised:\n  timedatectl\n  timedatectl set-ntp true",
		Confirm:     "timedatectl",
	},
	// OpenSearch's security plugin taking a node for a transport client.
	{
		ID: Untrusted, Kind: "client",
		Match:       []string{"transport client authentication no longer supported", "illegal parameter in http or transport request found"},
		Title:       "OpenSearch took a node for a client: its certificate's DN is not in plugins.security.nodes_dn",
		Explanation: "OpenSearch's security plugin admits another node on the transport layer only when the node's certificate subject matches an entry of plugins.security.nodes_dn (or it carries the node OID); any other certificate is taken for a transport client, which OpenSearch no longer supports. The DN written in opensearch.yml differs from the certificate's: another order or spacing of its attributes, special characters (commas, dots) not escaped, or a node whose certificate was reissued with another subject.",
		Fix:         "Print the node certificate's subject the way OpenSearch compares it, and put exactly that in plugins.security.nodes_dn on every node:\n  openssl x509 -noout -subject -nameopt RFC2253 -in node.pem",
		Confirm:     "openssl x509 -noout -subject -nameopt RFC2253 -in node.pem",
	},
	// cpp-httplib (C++) failing its verification of the server.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"sslserververification", "ssl server verification failed"},
		Title:       "The program (cpp-httplib) could not verify the server's certificate",
		Explanation: "SSLServerVerification is the error of cpp-httplib, a C++ HTTP library on OpenSSL, when the server's certificate chain does not verify against the CA certificates it loaded: the system's store (on Windows, the certificates the program copies from the Windows store; on Linux, OpenSSL's default paths) or a CA file the program names. A root the chain needs that the store lacks (an old machine or image without a root a CDN now chains to, such as Sectigo's AAA Certificate Services), a private or intercepting proxy's CA, or a server that does not send its intermediate are the usual causes.",
		Fix:         "See which root the server's chain needs, and put that root in the system's store (Windows: certlm.msc, Trusted Root Certification Authorities; Debian: the ca-certificates package):\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null",
	},
	// Unity's own TLS layer (UnityTLS) refusing a server.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"unitytls_x509verify_"},
		Title:       "Unity's TLS layer did not accept the server's certificate",
		Explanation: "UnityWebRequest and Unity's HTTP clients verify servers with UnityTLS against the operating system's CA store. A Linux build in a container made from a minimal image (ubuntu, debian-slim) has no CA certificates at all, so every HTTPS request fails (FATAL_ERROR or FLAG_NOT_TRUSTED); a private CA needs the program's CertificateHandler; FLAG_EXPIRED and FLAG_CN_MISMATCH name an expired certificate or another host's.",
		Fix:         "Install the CA bundle in the image the program runs in:\n  RUN apt-get update && apt-get install -y ca-certificates\nand for a private CA, add it to that store (update-ca-certificates) or check it in a CertificateHandler.",
		Confirm:     "ls -l /etc/ssl/certs/ca-certificates.crt",
	},
	// OPC UA's certificate status codes, each its own cause.
	{
		ID: ServerHostnameMismatch, Kind: "client", Side: "client",
		Match:       []string{"badcertificatehostnameinvalid", "bad_certificatehostnameinvalid"},
		Title:       "The OPC UA server's certificate does not name the host the client connected to",
		Explanation: "An OPC UA client checks that the host name (or IP address) of the endpoint URL is among the DNS and IP entries of the server's application certificate's subjectAltName. Servers that make their own certificate often put in only the machine's name, or no subjectAltName at all, and a client that connects by IP address or another name fails; a few stacks also compared names case-sensitively (Eclipse Milo before its fix), so DNS:PLC01 did not match plc01.",
		Fix:         "Connect by a name the certificate carries, or have the server make its certificate again with the names clients use:\n  subjectAltName=URI:urn:host:app,DNS:plc01.example.com,IP:192.0.2.10\nand see what it carries now:\n  openssl x509 -inform der -noout -text -in server.der | grep -A1 'Alternative Name'",
		Confirm:     "openssl x509 -inform der -noout -text -in server.der | grep -A1 'Alternative Name'",
	},
	{
		ID: HostnameMismatch, Kind: "client",
		Match:       []string{"badcertificateuriinvalid", "bad_certificateuriinvalid"},
		Title:       "The OPC UA application's certificate carries another ApplicationUri than the application says",
		Explanation: "OPC UA requires the URI entry of an application certificate's subjectAltName to equal the ApplicationUri the application announces (in its ApplicationDescription, its configuration). They differ after the host or application was renamed (many stacks build the URI from the host name), when a certificate was copied from another installation, or when the URI holds characters written differently in the two places (spaces not encoded as %20).",
		Fix:         "Make the application's certificate again with the ApplicationUri its configuration announces (or set the configuration to the certificate's URI), then trust the new certificate on the other side. See the certificate's URI:\n  openssl x509 -inform der -noout -text -in app.der | grep -A1 'Alternative Name'",
		Confirm:     "openssl x509 -inform der -noout -text -in app.der | grep -A1 'Alternative Name'",
	},
	{
		ID: WrongPurpose, Kind: "client",
		Match:       []string{"badcertificateusenotallowed", "bad_certificateusenotallowed"},
		Title:       "An OPC UA application refused a certificate whose extensions do not allow its use",
		Explanation: "OPC UA checks an application certificate's extensions: keyUsage with digitalSignature, nonRepudiation, keyEncipherment and dataEncipherment, extendedKeyUsage serverAuth for a server and clientAuth for a client, and basicConstraints: a self-signed application certificate that says CA:TRUE must limit its path length to 0 (OPC UA 1.05, which newer servers such as CODESYS enforce), and one signed by a CA must say CA:FALSE. A certificate made by a general tool or an older stack often lacks one of these; the side that wrote this refused the other side's certificate (or was told the other refused its own).",
		Fix:         "See the refused certificate's extensions, then make it again with the OPC UA ones (or let the application make its own):\n  openssl x509 -inform der -noout -text -in app.der | grep -A1 -e 'Key Usage' -e 'Basic Constraints'\nFor a self-signed one: basicConstraints=critical,CA:TRUE,pathlen:0",
		Confirm:     "openssl x509 -inform der -noout -text -in app.der | grep -A1 'Basic Constraints'",
	},
	{
		ID: Expired, Kind: "client",
		Match:       []string{"badcertificatetimeinvalid", "bad_certificatetimeinvalid", "badcertificateissuertimeinvalid", "bad_certificateissuertimeinvalid"},
		Title:       "An OPC UA certificate is out of its validity dates (or a clock is wrong)",
		Explanation: "The certificate checked (or its CA, for the Issuer code) is expired or not yet valid by the checking machine's clock. OPC UA stacks check the other side's certificate and, at start-up, also their own: a line at start-up, before any connection, means the application's own certificate (one made with a short life, or by a CA whose dates are wrong). A controller or panel whose clock was reset (no battery, no NTP) sees every certificate as not yet valid or expired.",
		Fix:         "Read the certificate's dates and compare them with both machines' clocks; renew the certificate (let the application make a new one, then trust it on the other side) or set the clock:\n  openssl x509 -inform der -noout -dates -in app.der\n  date -u",
		Confirm:     "openssl x509 -inform der -noout -dates -in app.der",
	},
	{
		ID: WeakSignature, Kind: "client", Side: "client",
		Match:       []string{"sha1 signed certificates are not trusted"},
		Title:       "The OPC UA .NET stack refuses the other side's SHA-1-signed certificate",
		Explanation: "The OPC Foundation .NET stack (and products built on it) refuses application certificates signed with SHA-1 unless its security configuration says RejectSHA1SignedCertificates false. Older servers and gateways (KEPServerEX, older PLC firmware) made their self-signed certificates with SHA-1.",
		Fix:         "Have the other application make a new certificate signed with SHA-256 and trust it; until then, set in the client's security configuration:\n  <RejectSHA1SignedCertificates>false</RejectSHA1SignedCertificates>",
		Confirm:     "openssl x509 -inform der -noout -text -in peer.der",
	},
	{
		ID: CRLProblem, Kind: "client",
		Match:       []string{"badcertificaterevocationunknown", "bad_certificaterevocationunknown", "badcertificateissuerrevocationunknown", "bad_certificateissuerrevocationunknown"},
		Title:       "The OPC UA application has no CRL for the CA that issued the certificate",
		Explanation: "An OPC UA stack checks revocation of a CA-signed application certificate against the CRLs in its own certificate stores, and when the issuing CA's CRL is not there it cannot tell and refuses (RevocationUnknown; IssuerRevocationUnknown for a CA above it). Self-signed certificates need none, so this starts when a site moves to certificates from its own CA and copies only the CA certificate into the trusted or issuer store.",
		Fix:         "Put each CA's current CRL beside its certificate in the checking application's store (pki/trusted/crl or pki/issuer/crl, as DER or PEM); make one from the CA with:\n  openssl ca -gencrl -out ca.crl -config ca.cnf",
		Confirm:     "ls pki/trusted/crl pki/issuer/crl",
	},
	{
		ID: Untrusted, Kind: "client",
		Match:       []string{"badcertificatechainincomplete", "bad_certificatechainincomplete"},
		Title:       "The OPC UA application cannot build the certificate's chain: an issuing CA is missing",
		Explanation: "The certificate was issued by a CA whose certificate the checking application does not have in its trusted or issuer store, and the other side did not send it with its own certificate.",
		Fix:         "Copy the issuing CA's certificate (and those above it) into the checking application's issuer store (pki/issuer/certs), its CRL into pki/issuer/crl, then trust the application's certificate or its CA.",
		Confirm:     "ls pki/issuer/certs pki/trusted/certs",
	},
	{
		ID: WeakKey, Kind: "client",
		Match:       []string{"badcertificatepolicycheckfailed", "bad_certificatepolicycheckfailed"},
		Title:       "The OPC UA certificate does not meet the security policy's key and signature rules",
		Explanation: "Each OPC UA security policy limits the certificates it accepts: Basic256Sha256 and the newer policies want RSA keys of 2048 bits or more and a SHA-256 signature, so a certificate with a 1024-bit key or a SHA-1 signature fails them, and an old policy (Basic128Rsa15, Basic256) may refuse keys larger than it knows.",
		Fix:         "See the refused certificate's key size and signature, and make it again to the policy's rules (RSA 2048, SHA-256) or pick the policy it fits:\n  openssl x509 -inform der -noout -text -in app.der | grep -e 'Public-Key' -e 'Signature Algorithm'",
		Confirm:     "openssl x509 -inform der -noout -text -in app.der",
	},
	// Charles Proxy's own lines about the devices it intercepts.
	{
		ID: HandshakeFailed, Kind: "client", Side: "server", Own: true,
		Match:       []string{"client ssl handshake failed - remote host closed connection", "failure sslhandshake: received fatal alert"},
		Title:       "The device did not trust the intercepting proxy's certificate (Charles Proxy)",
		Explanation: "Charles Proxy re-signs each site with its own root CA and logs the client's side of the handshake (the phone, browser or app talking to it). The client closed the connection or sent an alert (unknown_ca, certificate_unknown) because it does not trust Charles's root: the root was not installed, or on iOS 10.3 and later it was installed as a profile but not switched on under Settings, General, About, Certificate Trust Settings; Android 7 and later apps trust user-installed CAs only when their network security config allows it; and apps that pin their certificates refuse any proxy.",
		Fix:         "Install Charles's root on the device from http://chls.pro/ssl, then trust it fully (iOS: Settings > General > About > Certificate Trust Settings); for an Android app you build, allow user CAs in its network_security_config.xml:\n  <certificates src=\"user\" />",
		Confirm:     "openssl s_client -connect localhost:8888 </dev/null",
	},
	// A TLS ClientHello read as a request line by a plain-HTTP proxy or server.
	{
		ID: PlainHTTP, Kind: "client", Side: "server",
		Match:       []string{"^v^c^a", "^v^c^b", "^v^c^c", "^v^c^d"},
		Title:       "A TLS client connected to a plain-HTTP port (its ClientHello read as a request line)",
		Explanation: "The bytes ^V^C^A (0x16 0x03 0x01) open a TLS ClientHello: a client speaking TLS reached a server or proxy that reads plain HTTP, which took them for the request line. Usually the client was given https:// for a proxy that speaks plain HTTP (HTTPS_PROXY=https://proxy:8888 instead of http://), or the server's port is not its TLS port.",
		Fix:         "Give the client the proxy as http:// (it still tunnels HTTPS with CONNECT), or point it at the server's TLS port:\n  HTTPS_PROXY=http://proxy.example.com:8888",
		Confirm:     "curl -v -x http://proxy.example.com:8888 https://example.com/ -o /dev/null",
	},
	// Python requests given a CA bundle path that is not there.
	{
		ID: CertLoadFailed, Kind: "client", Side: "client", Own: true,
		Match:       []string{"could not find a suitable tls ca certificate bundle, invalid path"},
		Title:       "Python requests was told to use a CA bundle file that does not exist",
		Explanation: "requests checks the file it is given for verification before connecting: the verify= argument of the program or library, or the REQUESTS_CA_BUNDLE or CURL_CA_BUNDLE environment variable. The path it names is not there: a package's own bundled CA file missing from a broken installation, an environment variable left from another machine, virtualenv or container, or a certifi bundle removed by an upgrade.",
		Fix:         "See which it is: an environment variable, or the package named in the path (reinstall it so its bundled file comes back):\n  env | grep -e REQUESTS_CA_BUNDLE -e CURL_CA_BUNDLE\n  pip install --force-reinstall PACKAGE",
		Confirm:     "env | grep -e REQUESTS_CA_BUNDLE -e CURL_CA_BUNDLE",
	},
	// Nim's standard library found no CA bundle at all.
	{
		ID: CertLoadFailed, Kind: "client", Side: "client",
		Match:       []string{"no ssl/tls ca certificates found"},
		Title:       "The program found no CA certificates at all, so it cannot verify any server (Nim)",
		Explanation: "Nim's HTTP client (nimble, choosenim, programs built with -d:ssl) looks for a CA bundle in the usual system paths and, on Windows, for cacert.pem beside the program or in its toolchain; it found none, so no server can be verified. A Windows toolchain installed without its cacert.pem, or a minimal container without the ca-certificates package, does this.",
		Fix:         "Install a CA bundle where it looks, or name one:\n  SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt nimble install\n(Windows: put cacert.pem from curl.se/ca/cacert.pem beside nimble.exe; Debian images: apt-get install ca-certificates)",
		Confirm:     "ls -l /etc/ssl/certs/ca-certificates.crt",
	},
	// Foundry VTT behind a proxy that ends TLS.
	{
		ID: PlainHTTP, Kind: "client", Side: "server",
		Match:       []string{"is not running in ssl mode which is required"},
		Title:       "The application does not know it is served over HTTPS (a proxy ends TLS in front of it)",
		Explanation: "Foundry Virtual Tabletop enables features such as WebRTC only when it runs with TLS. Behind a reverse proxy that ends TLS and forwards plain HTTP, it sees no TLS of its own and must be told the proxy serves it over HTTPS.",
		Fix:         "Tell it the proxy serves it over HTTPS, in its options.json (or the container's environment):\n  \"proxySSL\": true\n  FOUNDRY_PROXY_SSL=true",
		Confirm:     "curl -sI https://vtt.example.com/ -o /dev/null -w '%{http_code}\\n'",
	},
	// Hyperledger Fabric's MSP refusing an identity (not a TLS handshake).
	{
		ID: Untrusted, Kind: "client", Side: "server",
		Match:       []string{"the supplied identity is not valid", "setting up the msp manager failed"},
		Title:       "Hyperledger Fabric's MSP does not chain this identity to the CAs of its MSP folder",
		Explanation: "Fabric checks identities (the certificates that sign transactions, blocks and channel updates) against the CA certificates of the organisation's MSP: its cacerts and intermediatecerts folders, from the directory that configtx.yaml's MSPDir or the node's mspConfigPath names. The identity's issuer is not among them: MSPDir points at another level of a root and intermediate CA layout (the root's MSP where the intermediate's is needed, or the reverse), the intermediate is missing from intermediatecerts, or the certificates were made again by the CA but the MSP folder or the channel's configuration kept the old ones.",
		Fix:         "Check that the identity chains to the MSP folder's CAs, then point MSPDir at the folder that holds them (and update the channel configuration if it already carries the old ones):\n  openssl verify -CAfile msp/cacerts/ca.pem -untrusted msp/intermediatecerts/ica.pem signcert.pem",
		Confirm:     "openssl verify -CAfile msp/cacerts/ca.pem -untrusted msp/intermediatecerts/ica.pem signcert.pem",
	},
	// .NET's SslStream reading bytes that are not TLS.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client", Own: true,
		Match:       []string{"cannot determine the frame size or a corrupted frame was received"},
		Title:       "The .NET client got bytes that are not TLS: the port does not speak TLS",
		Explanation: "SslStream read the answer to its ClientHello and could not parse it as a TLS record: what answered does not speak TLS on that port. Most often a wss:// or https:// URL aimed at a plain ws:// or http:// endpoint (a browser's DevTools port, a container whose TLS ends at a proxy in front, a service's plaintext port), or a proxy answering in plain HTTP; less often a server that closed with a plaintext error message. No certificate is involved, so options that ignore certificate errors do not help.",
		Fix:         "See whether the port speaks TLS, then use the scheme it speaks (ws:// or http:// for a plain endpoint):\n  openssl s_client -connect host:9222 </dev/null\n  curl -v http://host:9222/json/version",
		Confirm:     "openssl s_client -connect host:9222 </dev/null",
	},
	// A Java keystore whose chosen alias holds no private key.
	{
		ID: KeyLoadFailed, Kind: "client", Side: "server", Own: true,
		Match:       []string{"private key not found in keystore for alias"},
		Title:       "The keystore alias the program uses holds a certificate only, not a private key",
		Explanation: "A Java keystore (JKS or PKCS#12) can hold PrivateKeyEntry entries (a key with its certificate chain) and trustedCertEntry entries (a certificate alone). The program took an alias that is a trustedCertEntry (the first in the file, or the one its settings name), so it has no key for its TLS certificate; the key is under another alias, or was never imported.",
		Fix:         "List the entries and their kinds, then name the PrivateKeyEntry's alias in the program's settings (its key alias option), or make the keystore again with the key:\n  keytool -list -keystore keystore.jks\n  openssl pkcs12 -export -in server.crt -inkey server.key -name server -out keystore.p12",
		Confirm:     "keytool -list -keystore keystore.jks",
	},
	// Phoenix (Cowboy, Bandit) with its HTTPS files missing.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server", Own: true,
		Match:       []string{"required by ssl's :keyfile", "required by ssl's :certfile", "required by ssl's :cacertfile"},
		Title:       "The Elixir server's certificate or key file is missing or unreadable",
		Explanation: "Phoenix (through Plug.Cowboy or Bandit) checks the files of its https: configuration before it starts the endpoint. The file named does not exist at that path (relative paths are taken from the application's priv directory, and a release has its own), or the user the application runs as cannot read it. A development configuration with https: enabled expects a self-signed certificate in priv/cert that nobody generated yet.",
		Fix:         "Check the path and its owner; for development, generate the self-signed pair the configuration expects:\n  mix phx.gen.cert\n  ls -l priv/cert/",
		Confirm:     "ls -l priv/cert/",
	},
	// Development-server proxies (http-proxy-middleware, node-http-proxy)
	// refusing a self-signed backend.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client", Own: true,
		Match:       []string{"[hpm] error occurred while trying to proxy", "web proxy error error: self-signed", "web proxy error error: self signed", "web proxy error error: unable to verify"},
		Within:      []string{"self_signed", "self-signed", "self signed", "unable_to_verify", "unable to verify", "unable_to_get_issuer", "unable to get local issuer", "cert_has_expired"},
		Title:       "The development server's proxy does not trust the backend's certificate",
		Explanation: "A proxy inside a Node development server or app (http-proxy-middleware behind ng serve, Vue CLI, Create React App, webpack-dev-server; node-http-proxy) connects to the https:// backend and checks its certificate; the backend's is self-signed or from a private CA. The proxy checks by its own secure option, not by NODE_TLS_REJECT_UNAUTHORIZED or rejectUnauthorized set elsewhere, and only the boolean false turns it off: the string \"false\" in a JSON proxy configuration counts as true.",
		Fix:         "Set secure to the boolean false for that backend in the proxy configuration (proxy.conf.json, devServer.proxy, the proxy's options), or give the proxy the backend's CA with its ca option:\n  \"secure\": false",
		Confirm:     "openssl s_client -connect localhost:8443 -showcerts </dev/null",
	},
	// A program given a directory or another file as its client certificate.
	{
		ID: CertLoadFailed, Kind: "client", Side: "client",
		Match:       []string{"loading the client certificate from"},
		Title:       "The program could not load the file given as its client certificate",
		Explanation: "The path given for the client certificate is not a PEM certificate the program can read: a directory (such as /etc/ssl/certs) instead of a file, the CA certificate or the key instead of the client's own certificate, a file in DER or PKCS#12 form, or a path that does not exist. Its key must be the matching private key, not an SSH key (id_rsa.pub).",
		Fix:         "Give the file of the client's own certificate and its matching key, and check them:\n  openssl x509 -noout -subject -issuer -in client.crt\n  openssl pkey -noout -in client.key",
		Confirm:     "openssl x509 -noout -subject -in client.crt",
	},
	// gRPC core refusing the server name it was given for SNI.
	{
		ID: ServerHostnameMismatch, Kind: "client", Side: "client",
		Match:       []string{"invalid server name indication"},
		Title:       "gRPC refused the server name it was to send and check: empty or not a host name",
		Explanation: "gRPC's TLS layer (C core, under Python's grpcio, Ruby, C#, PHP) takes the name to send in SNI and to check the certificate against from the target or from grpc.ssl_target_name_override. That name is empty or not a valid host name: a wrapper library that derives it from the server's certificate found neither a Common Name nor a subjectAltName in it (a device's default certificate), or the override was set to an empty string or to a value with a port or scheme.",
		Fix:         "Set the override to a name the server's certificate carries (and give the device a certificate with a subjectAltName):\n  options=[('grpc.ssl_target_name_override', 'sw1.example')]\n  openssl s_client -connect host:57400 </dev/null 2>/dev/null | openssl x509 -noout -subject",
		Confirm:     "openssl s_client -connect host:57400 </dev/null",
	},
	// Californium's Scandium (DTLS) refusing a peer's chain.
	{
		ID: VerifyError, Kind: "client", Side: "server", Own: true,
		Match:       []string{"aborting handshake with peer"},
		Title:       "The DTLS endpoint (Californium Scandium) refused the peer's certificate chain",
		Explanation: "Scandium, the DTLS stack of Eclipse Californium (CoAP, LwM2M servers such as Leshan), ended the handshake because the peer's certificate chain did not validate against the trusted certificates it was configured with (its trust store or certificate verifier): the CA of the client certificate is not among them, the chain sent is incomplete, or a certificate is out of its dates. Some Scandium releases also failed valid chains of X.509 client certificates; a stale snapshot build from a Maven repository keeps that bug.",
		Fix:         "Check the peer's certificate against the CA the server trusts, then give the server that CA (and, for a known bug, a current Californium release):\n  openssl verify -CAfile trusted-ca.pem -untrusted intermediate.pem client.pem",
		Confirm:     "openssl verify -CAfile trusted-ca.pem client.pem",
	},
	// Azure IoT Hub and DPS refusing a device's X.509 certificate.
	{
		ID: ClientCertRejected, Kind: "client", Side: "client",
		Match:       []string{"\"errorcode\":401002", "errorcode: 401002", "\"errorcode\": 401002"},
		Title:       "Azure IoT Hub or DPS refused the device's certificate: it matches no enrollment",
		Explanation: "The device presented a certificate over TLS and Azure's service found no enrollment or device identity it belongs to: for an individual enrollment or an X.509 self-signed device, the certificate's thumbprint registered differs from the one the device now presents (a certificate made again, or derived from the firmware, as DICE/RIoT kits do, so every new firmware build has another one); for a group enrollment or a CA-signed device, its CA was not uploaded and verified (proof of possession); or the registration ID or device ID differs from the certificate's Common Name.",
		Fix:         "Compare the thumbprint of the certificate the device presents with the enrollment's, and register it again (or upload and verify its CA for a group enrollment):\n  openssl x509 -noout -fingerprint -sha1 -in device.pem\n  openssl x509 -noout -subject -in device.pem",
		Confirm:     "openssl x509 -noout -fingerprint -sha1 -in device.pem",
	},
	// Kibana not reaching Elasticsearch.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"unable to retrieve version information from elasticsearch nodes"},
		Title:       "Kibana cannot reach Elasticsearch: the scheme, the CA or the credentials in kibana.yml",
		Explanation: "Kibana asks each host of elasticsearch.hosts for its version at start-up. The causes that cover most cases: the URL says http:// while Elasticsearch's HTTP layer requires TLS (the default since 8.0; Elasticsearch then closes the connection, and Kibana says socket hang up or reports an empty reply), or https:// where it has no TLS; Kibana does not trust Elasticsearch's certificate (elasticsearch.ssl.certificateAuthorities missing, or the http_ca.crt of another installation); the certificate does not name the host used (elasticsearch.ssl.verificationMode: full); or the kibana_system credentials or service token are wrong.",
		Fix:         "See what Elasticsearch speaks and who signed its certificate, then set kibana.yml to match:\n  curl -v --cacert http_ca.crt https://es01:9200/\n  elasticsearch.hosts: [\"https://es01:9200\"]\n  elasticsearch.ssl.certificateAuthorities: [\"/etc/kibana/ca.crt\"]",
		Confirm:     "curl -v --cacert http_ca.crt https://es01:9200/",
	},
	// Webmin's own check of miniserv.pem.
	{
		ID: KeyLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"does not exist or does not contain a pem format key"},
		Title:       "Webmin did not accept the private key file: missing, not PEM, or its check is wrong",
		Explanation: "Webmin checks the key file it is given (miniserv.pem, or the keyfile of miniserv.conf) for a PEM private key before saving its SSL settings. The file is not at that path, holds only a certificate or a key in another form (DER, PKCS#12, an encrypted key), or it is a valid key and Webmin's own check is at fault: one release's pattern for the PRIVATE KEY header refused valid keys, fixed in the next.",
		Fix:         "Check that the file holds a PEM private key; if it does, update Webmin:\n  openssl pkey -noout -in /etc/webmin/miniserv.pem\n  grep -c 'PRIVATE KEY' /etc/webmin/miniserv.pem",
		Confirm:     "openssl pkey -noout -in /etc/webmin/miniserv.pem",
	},
	// Dart's HttpClient on an expired or not yet valid certificate.
	{
		ID: ServerCertExpired, Kind: "client", Side: "client", Own: true,
		Match:       []string{"certificate_verify_failed: certificate has expired", "certificate_verify_failed: certificate is not yet valid"},
		Within:      []string{"handshake.cc", "handshakeexception", "flutter", "dart"},
		Title:       "The server's certificate (or one in its chain) is out of its dates, by the client's clock",
		Explanation: "The client (Dart's or Flutter's HttpClient, another client on BoringSSL) checked the server's chain and found a certificate expired or not yet valid. The server's certificate was not renewed (or renewed but not reloaded), the chain carries an expired intermediate or cross-signed root that older clients follow (Let's Encrypt's DST Root CA X3 on Android 7.0 and older, which lack ISRG Root X1: add that root to the app's SecurityContext with setTrustedCertificatesBytes), or the device's clock is wrong.",
		Fix:         "Read the dates of what the server sends, then renew (and reload) it, or set the device's clock; for old Android, give the app ISRG Root X1 in its SecurityContext:\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null 2>/dev/null | openssl x509 -noout -dates",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null",
	},
	// Go's base64 decoding handed a PEM, or a PEM where base64 is wanted.
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"illegal base64 data at input byte"},
		Title:       "A value given as base64 is not plain base64 (a whole PEM, or text around it)",
		Explanation: "The program decodes this value (a setting, an environment variable, a secret's field) as base64 and met a character base64 does not have. At byte 0 it is usually a whole PEM where only its base64 body (or the base64 of the whole PEM file) was wanted: the - of -----BEGIN. Later in the value it is a quote, a space, literal \\n, or line breaks a one-line setting does not take.",
		Fix:         "Give what the setting asks for: either the PEM's base64 body alone, or the whole PEM file base64-encoded on one line:\n  base64 -w0 ca.pem\nand see what the value holds now (the first characters):\n  printf '%s' \"$VALUE\" | head -c 40",
		Confirm:     "base64 -w0 ca.pem | head -c 40",
	},
	// Go's frozen golang.org/x/crypto/pkcs12 on a modern PKCS#12 file.
	{
		ID: KeyLoadFailed, Kind: "client", Own: true,
		Match:       []string{"pkcs12: unknown digest algorithm", "pkcs12: unknown encryption algorithm", "pkcs12: expected exactly two safe bags", "pkcs12: unknown mac algorithm"},
		Title:       "The Go program's PKCS#12 decoder cannot read this .p12 (SHA-256 MAC or AES, as OpenSSL 3 makes them)",
		Explanation: "golang.org/x/crypto/pkcs12, which many Go programs use, is frozen: it reads only files with a SHA-1 MAC and 3DES or RC2 encryption, holding one certificate and one key. OpenSSL 3 and current Windows and macOS exports use a SHA-256 MAC (OID 2.16.840.1.101.3.4.2.1) and AES-256 by default, and a file with a chain holds more than two bags. software.sslmate.com/src/go-pkcs12 reads them (its Modern and Legacy encoders, DecodeChain).",
		Fix:         "Export the file again in the old form the decoder reads (or, in your own code, switch to software.sslmate.com/src/go-pkcs12):\n  openssl pkcs12 -export -legacy -in client.crt -inkey client.key \\\n    -out client.p12",
		Confirm:     "openssl pkcs12 -info -nokeys -noout -in client.p12",
	},
	// Python's cryptography failing a PKCS#12 file.
	{
		ID: KeyLoadFailed, Kind: "client", Own: true,
		Match:       []string{"invalid password or pkcs12 data", "could not deserialize pkcs12 data"},
		Title:       "Python could not open the PKCS#12 file: a wrong password, or algorithms its OpenSSL cannot decrypt",
		Explanation: "cryptography (and libraries on it: requests-pkcs12, pyOpenSSL's successors) says this both for a wrong password and for a file it cannot decrypt: RC2-40 and other legacy algorithms of old exports, which an OpenSSL 3 without its legacy provider, or a build without RC2, cannot read. A file exported with no password must be opened with None, not an empty string, and the reverse.",
		Fix:         "Check the password and the algorithms with the openssl command; if it needs -legacy, export the file again with current algorithms:\n  openssl pkcs12 -info -noout -in client.p12\n  openssl pkcs12 -info -noout -legacy -in client.p12",
		Confirm:     "openssl pkcs12 -info -noout -in client.p12",
	},
	// The MySQL and MariaDB client library failing its check of the server.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"ssl connection error: failed to verify the server certificate"},
		Title:       "The MySQL client could not verify the database server's certificate",
		Explanation: "The MySQL or MariaDB client library checks the server's certificate against the CA it was given (ssl-ca, MYSQL_OPT_SSL_CA) when verification is on. The usual causes: no CA reached it because the option's name is not the one the driver reads (Ruby's mysql2 takes sslca, not ssl_ca; each language names it differently), the CA given is not the server's (a managed database's new CA after a rotation: Amazon RDS's rds-ca-rsa2048-g1 and its global bundle), or the host name does not match the certificate (a proxy or an IP address).",
		Fix:         "Check the server's chain against the CA file the client should use, then pass that file under the option name the driver reads:\n  openssl s_client -starttls mysql -connect db.example.com:3306 \\\n    -CAfile global-bundle.pem </dev/null",
		Confirm:     "openssl s_client -starttls mysql -connect db.example.com:3306 </dev/null",
	},
	// Envoy's access log: no filter chain for the connection.
	{
		ID: HandshakeFailed, Kind: "client", Side: "server", Own: true,
		Match:       []string{"filter_chain_not_found"},
		Title:       "Envoy found no filter chain for the connection: the SNI (or port) matches no listener's chain",
		Explanation: "Envoy chooses a listener's filter chain by the connection's properties, above all the server name (SNI) of the TLS ClientHello. None matched, so Envoy closed the connection during the handshake (response flag NR). The usual causes: the client sent no SNI or another name than the chains' server_names (a load balancer or health check connecting by IP address, a client given an IP), or a Gateway listener bound to a hostname that the traffic does not carry; or the client spoke plain HTTP to a TLS-only listener.",
		Fix:         "See which names the listener's chains take, and connect with one of them (or let the load balancer send SNI; or drop the hostname from the Gateway listener):\n  openssl s_client -connect envoy.example.com:443 -servername app.example.com </dev/null",
		Confirm:     "openssl s_client -connect envoy.example.com:443 -servername app.example.com </dev/null",
	},
	// Java's KeyStore refusing a key entry without its chain (Spring Boot's
	// SSL bundles given a key but no readable certificate).
	{
		ID: KeyLoadFailed, Kind: "client", Side: "server", Own: true,
		Match:       []string{"private key must be accompanied by certificate chain"},
		Title:       "The Java server was given a private key without its certificate chain",
		Explanation: "Java stores a private key in a keystore only together with its certificate chain, and the program had the key but no certificate for it: the certificate file or keystore entry named was not read (a missing or wrong key store password, so only the key part of the settings applied; a certificate path that is empty or wrong; a keystore whose alias holds the key but whose chain was dropped on import). Spring Boot's server.ssl and SSL bundle settings reach this when the key password is set but the key store password is not.",
		Fix:         "Check that the keystore opens with the password the settings give and holds a PrivateKeyEntry with its chain; set both passwords (server.ssl.key-store-password and server.ssl.key-password):\n  keytool -list -v -keystore keystore.p12 | grep -e 'Entry type' -e 'chain length'",
		Confirm:     "keytool -list -v -keystore keystore.p12",
	},
	// OpenSearch's security plugin not finding its PEM files.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server", Own: true,
		Match:       []string{"please make sure this files exists and is readable"},
		Title:       "OpenSearch could not read a certificate file its security settings name",
		Explanation: "OpenSearch's security plugin resolves the PEM paths of its settings (pemcert_filepath, pemkey_filepath, pemtrustedcas_filepath) against its config directory, and only files inside it may be read. The file is not there: a relative path written from elsewhere, a file mounted outside the config directory, or certificates a setup script was to copy that it never did (the demo installer leaves the config alone when it finds security settings already in opensearch.yml); or the opensearch user cannot read it.",
		Fix:         "Check that the file is in the config directory and readable by the opensearch user, then give its path relative to that directory:\n  ls -l /usr/share/opensearch/config/root-ca.pem\n  plugins.security.ssl.http.pemtrustedcas_filepath: root-ca.pem",
		Confirm:     "ls -l /usr/share/opensearch/config/",
	},
	// A setting of a TLS option that this release does not know.
	{
		ID: StartupFailed, Kind: "client", Side: "server",
		Match:       []string{"unknown configuration key(s)"},
		Within:      []string{"ssl", "tls"},
		Title:       "The program refuses a TLS setting its release does not know (renamed or removed)",
		Explanation: "The program checks its configuration file at start-up and stops at a key it does not know. TLS settings are renamed between releases (Kibana's xpack.monitoring.elasticsearch.ssl.* became monitoring.ui.elasticsearch.ssl.*, xpack.security settings moved), and a key written for another release, or misspelt, stops it.",
		Fix:         "Look the key up in the documentation of the release you run, and write it under its current name (or remove it); then start the program again.",
		Confirm:     "grep -n ssl /etc/kibana/kibana.yml",
	},
	// Webmin's and Virtualmin's own PEM check of an uploaded certificate.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"does not look like pem format"},
		Title:       "The control panel's PEM check refused the certificate file",
		Explanation: "Webmin and Virtualmin read an uploaded certificate or key line by line before installing it, and refused the line named. Usually the file is not plain PEM: Windows line endings, spaces after a line, text before BEGIN or after END (a bundle's comments), or DER. Some releases' own check also refused valid files (Virtualmin 6.14 refused an END CERTIFICATE line), fixed in the next release.",
		Fix:         "Look at the line named, and write the file out as clean PEM; if it is clean already, update the panel:\n  sed -n '28,31p' cert.pem | cat -A\n  openssl x509 -in cert.pem -out clean.pem",
		Confirm:     "openssl x509 -noout -subject -in cert.pem",
	},
	// Nginx Proxy Manager's own check of an uploaded key.
	{
		ID: KeyLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"certificate key is not valid (command failed: openssl"},
		Title:       "Nginx Proxy Manager's check refused the uploaded key",
		Explanation: "Nginx Proxy Manager checks an uploaded custom certificate's key by running openssl on it, and its check of which kind of key it is guesses from the PEM header: a PKCS#8 key (BEGIN PRIVATE KEY, as Cloudflare origin certificates and most CAs hand them out) was taken for another kind and refused, although nginx would load it. A key with a passphrase, or a file that is not the key, fails this check too.",
		Fix:         "Check the key, then upload it in the traditional form its check takes:\n  openssl pkey -noout -in key.pem\n  openssl rsa -in key.pem -traditional -out key-rsa.pem",
		Confirm:     "head -1 key.pem",
	},
	// libwebsockets (mosquitto's websockets listeners) failing TLS.
	{
		ID: HandshakeFailed, Kind: "client", Side: "server",
		Match:       []string{"fail ssl negotiation"},
		Title:       "The websockets listener (libwebsockets) could not complete TLS with a client",
		Explanation: "libwebsockets, which serves mosquitto's websockets listeners and other brokers and servers, gave up on TLS with a connecting client: a client speaking plain ws:// to a wss:// listener, a client that does not trust the listener's certificate and closes, or no certificate usable for the listener (cafile, certfile, keyfile of that listener). A release with a regression breaks every wss connection at once (mosquitto 2.0.5, fixed in 2.0.6).",
		Fix:         "Test the listener as a TLS client, then match the client's scheme and CA to it (or update the broker when every client fails since an upgrade):\n  openssl s_client -connect broker.example.com:8081 -CAfile ca.crt </dev/null",
		Confirm:     "openssl s_client -connect broker.example.com:8081 </dev/null",
	},
	// Go's crypto/tls refusing a server's renegotiation.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client", Own: true,
		Match:       []string{"local error: tls: no renegotiation"},
		Title:       "The server asked to renegotiate TLS, which Go's client refuses by default",
		Explanation: "After the handshake the server sent a HelloRequest to start a second one. IIS and WCF services, and Apache with client certificates required per location, do this to ask for a client certificate only for some paths. Go's crypto/tls refuses renegotiation unless tls.Config.Renegotiation allows it, and a program without that setting fails on such servers.",
		Fix:         "Allow the client to renegotiate (once is enough to send a certificate), in the Go code:\n  tls.Config{Renegotiation: tls.RenegotiateOnceAsClient}\nor make the server ask for the client certificate in the first handshake (IIS: netsh http ... clientcertnegotiation=enable; Apache: SSLVerifyClient in the virtual host).",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null",
	},
	// .NET's SslStream refusing renegotiation (HTTP/2 offered).
	{
		ID: HandshakeFailed, Kind: "client", Side: "client", Own: true,
		Match:       []string{"requested renegotiation when allowrenegotiation was set to false"},
		Title:       "The server asked to renegotiate TLS and the .NET client does not allow it",
		Explanation: "The server started a second handshake after the first (to ask for a client certificate for one path, as IIS does with per-folder client certificates). SslStream refuses when AllowRenegotiation is false, which .NET's HttpClient sets when it offers HTTP/2, and some releases kept it false after the connection fell back to HTTP/1.1.",
		Fix:         "Make the server ask for the client certificate in the first handshake (IIS: clientcertnegotiation=enable on its binding), or have the client use HTTP/1.1 only for it:\n  request.Version = HttpVersion.Version11;\n  request.VersionPolicy = HttpVersionPolicy.RequestVersionExact;",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null",
	},
	// BouncyCastle's JSSE/TLS client naming the alerts it raises itself.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client", Own: true,
		Match:       []string{"client raised warning(1) no_renegotiation(100)", "client raised fatal(2) no_renegotiation(100)", "client raised fatal(2) internal_error(80)"},
		Title:       "The BouncyCastle client refused the server's renegotiation",
		Explanation: "BouncyCastle's TLS client (BCJSSE, ProvTlsClient) got a HelloRequest from the server after the handshake and refused it with its own no_renegotiation alert. The server wanted a second handshake, usually to ask for a client certificate for the path requested (IIS and Apache do so with client certificates per path), and resets the connection when refused. BouncyCastle releases before its renegotiation support always refuse; later ones had bugs in it (an internal_error the client raised itself).",
		Fix:         "Make the server ask for the client certificate in the first handshake (IIS: clientcertnegotiation=enable; Apache: SSLVerifyClient in the virtual host), or use a BouncyCastle release that renegotiates (or the JDK's own provider).",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null",
	},
	// Java's Base64 decoder given a PEM with spaces or line breaks.
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"illegal base64 character"},
		Title:       "A key or certificate given as base64 holds characters base64 does not have",
		Explanation: "Java's Base64 decoder (and libraries on it) stops at the first character that is not base64; the hex code names it: 20 is a space and a is a line break (a multi-line PEM folded into one line by YAML or an environment variable, or line breaks kept where the value must be one line), 2d is the - of a -----BEGIN line left in, 5c the backslash of a literal \\n.",
		Fix:         "Give the value as the program wants it: the base64 body alone on one line (no BEGIN/END lines, no spaces), or the PEM file if it reads files:\n  sed '/-----/d' key.pem | tr -d '\\n'",
		Confirm:     "head -c 40 key.pem",
	},
	// Go's encoding/asn1 reading PEM text as DER.
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"tags don't match (16 vs {class:0 tag:13"},
		Title:       "A PEM file was given where DER was expected",
		Explanation: "The program parsed the data as DER (ASN.1), which must begin with a SEQUENCE (tag 16); it found tag 13 instead, which is how the - of -----BEGIN reads. The file is PEM text where this program or setting wants the binary DER form (often a .crt or .der path, or an API that takes raw bytes).",
		Fix:         "Give the DER form, converted from the PEM:\n  openssl x509 -in cert.pem -outform DER -out cert.der",
		Confirm:     "head -c 11 cert.pem",
	},
	// Tools that find no PEM block at all in their input.
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"cannot find any pem block", "no pem block found", "no pem data found"},
		Title:       "The program found no PEM block in what it was given",
		Explanation: "No -----BEGIN ...----- / -----END ...----- pair was found. The input is DER or base64 without the PEM lines, it is empty (a variable or secret that was not set), its lines were joined or broken on the way (a one-line value, literal \\n), or it has characters around the block that this tool's reader does not skip (spaces or blank lines at the end, Windows line endings), which some tools refused until a later release.",
		Fix:         "Look at the input's ends and line endings, and give it clean PEM:\n  head -c 64 cert.pem | cat -A\n  openssl x509 -in cert.pem -out clean.pem",
		Confirm:     "openssl x509 -noout -subject -in cert.pem",
	},
	// jsonwebtoken given no usable private key (a truncated env var).
	{
		ID: KeyLoadFailed, Kind: "client",
		Match:       []string{"secretorprivatekey must be an asymmetric key"},
		Title:       "The signing key is not a whole private key: most often cut or mangled on its way through the environment",
		Explanation: "jsonwebtoken checks that an RS256 or ES256 key is a private key, and what it got is not: a .env file that holds the PEM over several lines without quotes (dotenv stops an unquoted value at the first line break, so only -----BEGIN PRIVATE KEY----- remains), a value with literal \\n never turned into line breaks, or another secret (a client secret, an API key) where the private key belongs.",
		Fix:         "Put the key in .env on one line, quoted, with \\n for its line breaks, and turn them back into line breaks before use:\n  PRIVATE_KEY=\"-----BEGIN PRIVATE KEY-----\\nMIIE...\\n-----END PRIVATE KEY-----\\n\"\n  key.replace(/\\\\n/g, '\\n')",
		Confirm:     "head -n 1 key.pem",
	},
	// .NET's PFX loading errors.
	{
		ID: KeyLoadFailed, Kind: "client", Own: true,
		Match:       []string{"pkcs12 (pfx) without a supplied password has exceeded maximum allowed iterations"},
		Title:       ".NET refused a PFX loaded without a password: its iteration count is over the limit of the 2023 security update",
		Explanation: "Since the security updates of 2023 (KB5025823 and the .NET releases of June 2023), .NET limits the key-derivation iterations of a PFX it opens without a password, to stop files made to hang the loader. Files with many iterations, or data that is not a PFX at all but is passed to the X509Certificate2 constructor that tries PFX, now fail.",
		Fix:         "Load the certificate with the loader for its real form (PEM or DER: X509Certificate2.CreateFromPem, X509CertificateLoader.LoadCertificate), or give the PFX its password; only if the file is trusted, raise the limit as the KB describes.",
		Confirm:     "openssl pkcs12 -info -noout -in cert.pfx",
	},
	{
		ID: KeyLoadFailed, Kind: "client", Side: "server", Own: true,
		Match:       []string{"cryptothrowhelper+windowscryptographicexception: cannot find the requested object"},
		Title:       "Windows could not open the certificate file as a PFX: a wrong or missing password, or not a PFX",
		Explanation: "The X509Certificate2 loader on Windows says this when the data is not a PFX it can open: a password-protected PFX opened without its password (a tool that passes none), a wrong password, or a PEM, DER or other file where a PFX is expected.",
		Fix:         "Check that the file is a PFX and opens with the password, then give the program that password (or a PFX exported without one, if the program passes none):\n  openssl pkcs12 -info -noout -in cert.pfx",
		Confirm:     "openssl pkcs12 -info -noout -in cert.pfx",
	},
	// Deno's PFX loader before PBES2 support.
	{
		ID: KeyLoadFailed, Kind: "client", Own: true,
		Match:       []string{"failed to encode pfx contents"},
		Title:       "The PFX loader cannot read this file's encryption (AES, as OpenSSL 3 writes it)",
		Explanation: "The PKCS#12 reader used (Deno's node compatibility through its p12 crate, in releases before PBES2 support) reads only the legacy encryption of old exports (RC2-40 or 3DES with SHA-1), not the AES and PBKDF2 that OpenSSL 3 and current exports use, and reports it as an encoding error.",
		Fix:         "Export the file in the legacy form, or update the runtime:\n  openssl pkcs12 -export -legacy -in cert.crt -inkey cert.key \\\n    -out cert.pfx",
		Confirm:     "openssl pkcs12 -info -noout -in cert.pfx",
	},
	// GraalVM native images without their trust store file.
	{
		ID: CertLoadFailed, Kind: "client", Side: "client", Own: true,
		Match:       []string{"inaccessible trust store"},
		Title:       "The Java program could not open the trust store file it was told to use",
		Explanation: "The trust store path given (javax.net.ssl.trustStore, a relative path such as ./cacerts) does not exist where the program runs: a native image, a Lambda or container package that put the file elsewhere (another folder in the zip, another working directory), or a path for the build machine.",
		Fix:         "Point the property at where the file is at run time (an absolute path), and check it opens:\n  -Djavax.net.ssl.trustStore=/var/task/ssl/cacerts\n  keytool -list -keystore /var/task/ssl/cacerts -storepass changeit | head -3",
		Confirm:     "ls -l /var/task/ssl/cacerts",
	},
	// macOS's certificate viewer on an old system's trust store.
	{
		ID: ServerCertExpired, Kind: "client", Side: "client",
		Match:       []string{"this certificate is not valid (expired root)"},
		Title:       "This old macOS's trust store has no current root for the chain (Let's Encrypt's ISRG Root X1)",
		Explanation: "macOS judged the chain through a root that has expired: for Let's Encrypt, the cross-signature to DST Root CA X3 (expired in September 2021). OS X 10.11 and older lack ISRG Root X1, the root that replaced it (added in macOS 10.12.1), so every Let's Encrypt site fails there.",
		Fix:         "Add ISRG Root X1 to the System keychain and trust it (or update macOS, or use a browser with its own store, such as Firefox):\n  curl -O https://letsencrypt.org/certs/isrgrootx1.pem\n  sudo security add-trusted-cert -d -r trustRoot \\\n    -k /Library/Keychains/System.keychain isrgrootx1.pem",
		Confirm:     "security find-certificate -c 'ISRG Root X1'",
	},
	// MongoDB's X.509 authentication without a verified client certificate.
	{
		ID: NoClientCert, Kind: "client", Side: "server",
		Match:       []string{"no verified subject name available from client"},
		Title:       "MongoDB has no verified client certificate for X.509 authentication",
		Explanation: "MONGODB-X509 authentication takes the user name from the subject of the client certificate the TLS layer verified, and this connection has none: the client sent no certificate (its driver was not given one, or the certificate and key were passed under the wrong option), the server accepted the connection without one (net.tls.allowConnectionsWithoutCertificates), or the TLS layers did not agree on it: drivers on Erlang/OTP 26 negotiating TLS 1.3 with MongoDB Atlas reached this until limited to TLS 1.2.",
		Fix:         "Check that the client presents its certificate (the same file works with mongosh), then give the driver the certificate and key (and, for an Erlang/Elixir driver, versions: [:\"tlsv1.2\"] in its ssl options):\n  mongosh --tls --tlsCertificateKeyFile client.pem \\\n    --authenticationMechanism MONGODB-X509 mongodb://db/",
		Confirm:     "openssl x509 -noout -subject -nameopt RFC2253 -in client.pem",
	},
	// Firefox unable to parse the server's certificate.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client", Own: true,
		Match:       []string{"sec_error_bad_der"},
		Title:       "Firefox could not parse the server's certificate (SEC_ERROR_BAD_DER): a malformed field or extension",
		Explanation: "NSS, Firefox's TLS library, reads certificates strictly, and one the server sent does not decode: most often an extension written wrongly by the tool or script that made a self-signed or private certificate (a keyUsage or extendedKeyUsage with a malformed or empty value, a subjectAltName entry of the wrong type, a negative or over-long serial number), which more lenient clients accept or, like Chrome with ERR_SSL_KEY_USAGE_INCOMPATIBLE, refuse for its usage; less often a file served that is not a certificate at all.",
		Fix:         "Look at the certificate's fields as the server sends it, then make it again without the malformed extension (a server certificate needs keyUsage digitalSignature, keyEncipherment and extendedKeyUsage serverAuth, or none at all):\n  openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -text",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null",
	},
	// Envoy's SSL_ERROR_SYSCALL: the peer closed during the handshake.
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"] handshake error: 5"},
		Within:      []string{"ssl_socket.cc", "envoy", "[c"},
		Title:       "The other end closed the connection during Envoy's TLS handshake (no alert)",
		Explanation: "Envoy writes this for its listeners' connections (downstream, Envoy the server) and its clusters' and a load generator's (upstream, Envoy the client): error 5 is SSL_ERROR_SYSCALL, the other end closed the connection in the middle of the handshake without a TLS alert. Connecting out, the usual causes are a server that needs the host name in SNI and got none (a cluster or a tool such as Nighthawk without sni set), a port without TLS, or a server that refuses the client certificate by hanging up; accepting, a client that did not trust Envoy's certificate and hung up, or a health check or scanner that connects and closes.",
		Fix:         "Find which way the connection goes (the [C…] connection's log lines around it), then, for an upstream, set the name it should send:\n  sni: api.example.com\nin the cluster's (or the tool's) TLS context, and test the server as Envoy reaches it:\n  openssl s_client -connect api.example.com:443 -servername api.example.com </dev/null",
		Confirm:     "openssl s_client -connect api.example.com:443 -servername api.example.com </dev/null",
	},
	// A server refusing a client certificate as not yet valid.
	{
		ID: NotYetValid, Kind: "client", Side: "server",
		Match:       []string{"rejected (cert not yet valid)"},
		Title:       "The server refused the client's certificate as not yet valid by its clock",
		Explanation: "The server checked the client certificate's validity dates and found its notBefore in the future. Either the certificate was issued a moment ago by a CA whose clock runs ahead of this server's, or this server's clock (or time zone) is wrong; a program that reads the certificate's UTC times as local time (a bug some servers had) refuses fresh certificates on hosts east of UTC for as many hours as their offset.",
		Fix:         "Compare the certificate's notBefore with the server's clock in UTC:\n  openssl x509 -noout -startdate -in client.crt\n  date -u\nthen set the clock right (timedatectl set-ntp true), or update the server if its clock is right and it still refuses.",
		Confirm:     "date -u",
	},
	// OpenSMTPD's privilege-separated keys with OpenSSL 3.
	{
		ID: KeyLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"elliptic curve routines::missing private key"},
		Within:      []string{"ssl_accept", "io_dispatch_accept_tls"},
		Title:       "The server's TLS process has no private key to sign with (privilege separation on OpenSSL 3)",
		Explanation: "OpenSMTPD (and other privilege-separated daemons) keep the private key in a separate process and sign through a hook into OpenSSL's key methods; on OpenSSL 3 some releases' hook for EC keys did not work, so every handshake with an ECDSA certificate failed as if the key were missing. With an RSA key, or a release made for OpenSSL 3, it works.",
		Fix:         "Update the daemon to a release made for OpenSSL 3; until then, serve an RSA certificate and key:\n  openssl req -x509 -newkey rsa:2048 -nodes -keyout smtpd.key -out smtpd.crt -subj /CN=mail.example.com",
		Confirm:     "openssl x509 -noout -text -in smtpd.crt | grep 'Public Key Algorithm'",
	},
	// .NET (and Windows) reading from a connection the server reset.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"an existing connection was forcibly closed by the remote host"},
		Title:       "The server reset the connection: on a new connection, most often a TLS version the server no longer takes",
		Explanation: "The other end (or something in between) reset the TCP connection. When it happens at the start of an HTTPS call, the usual cause is TLS: a .NET Framework program (4.5 and older, or one that sets ServicePointManager.SecurityProtocol) offers only TLS 1.0 or 1.1 to a server that now takes TLS 1.2 and later; or the server requires a client certificate and resets without one; or a firewall or TLS-inspecting proxy cuts the handshake. Later in a connection it is an idle timeout or a server restart, not TLS.",
		Fix:         "See which TLS versions the server takes, then let the program use TLS 1.2 (.NET Framework: target 4.7 or later and leave SecurityProtocol at its default, or set SchUseStrongCrypto in the registry):\n  openssl s_client -connect host:443 -servername host -tls1_2 </dev/null\n  reg add HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319 /v SchUseStrongCrypto /t REG_DWORD /d 1",
		Confirm:     "openssl s_client -connect host:443 -servername host -tls1_2 </dev/null",
	},
	// Go: the key file holds another kind of key than the certificate.
	{
		ID: LogKeyMismatch, Kind: "client", Own: true,
		Match:       []string{"tls: private key type does not match public key type"},
		Title:       "The key file holds another kind of key than the certificate (RSA against EC, or the reverse)",
		Explanation: "Go's tls.X509KeyPair compares the certificate's public key with the private key given, and they are not even of the same type: the key file belongs to another certificate (an RSA key beside an ECDSA certificate, as when a certificate was renewed with another key type, certbot's ECDSA default since 2.0 among them, and the old key file was kept).",
		Fix:         "Give the key that was made with this certificate; compare the two (the sums must be equal):\n  openssl x509 -noout -pubkey -in tls.crt | openssl sha256\n  openssl pkey -pubout -in tls.key | openssl sha256",
		Confirm:     "openssl x509 -noout -text -in tls.crt | grep 'Public Key Algorithm'",
	},
	// Go's client given a cipher suite it did not offer.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client", Own: true,
		Match:       []string{"tls: server chose an unconfigured cipher suite"},
		Title:       "The server answered with a cipher suite the Go client did not offer",
		Explanation: "The ServerHello names a cipher suite that was not in the client's ClientHello, which TLS forbids: a faulty server or TLS stack (some embedded servers and appliances), or a middlebox that rewrites the handshake. The Go client stops there; other clients may be laxer.",
		Fix:         "See what the server chooses when offered only current suites, and update or reconfigure the server (or the device in between):\n  openssl s_client -connect host:443 -servername host -tls1_2 </dev/null | grep -i cipher",
		Confirm:     "openssl s_client -connect host:443 -servername host -tls1_2 </dev/null",
	},
	// Python: TLS wrapped without a server name (urllib3 behind an https:// proxy URL).
	{
		ID: HandshakeFailed, Kind: "client", Side: "client", Own: true,
		Match:       []string{"check_hostname requires server_hostname"},
		Title:       "Python was asked to check a host name it was not given (often an https:// proxy URL)",
		Explanation: "Python's SSLContext checks the server's name (check_hostname) but the socket was wrapped without server_hostname. Most often pip, requests or another urllib3 client runs with HTTPS_PROXY (or https_proxy) set to an https:// URL: urllib3 1.26 then starts TLS to the proxy without a name. It is also code calling wrap_socket without server_hostname.",
		Fix:         "Give the proxy as http:// (it still tunnels HTTPS with CONNECT), or pass the name when wrapping:\n  export HTTPS_PROXY=http://proxy.example.com:3128\n  ctx.wrap_socket(sock, server_hostname='api.example.com')",
		Confirm:     "env | grep -i _proxy",
	},
	// Java's debug log noting a TLS 1.3 session it cannot resume.
	{
		ID: RoutineLine, Kind: "client", Side: "client", Level: infoLevel,
		Match:       []string{"no psk available. unable to resume"},
		Title:       "Java's TLS debug log: no session to resume, so a full handshake follows (harmless)",
		Explanation: "Usually harmless: with -Djavax.net.debug on, Java notes that it has no TLS 1.3 pre-shared key (session ticket) for this server, so it does a full handshake instead of resuming. Nothing failed; the real error of a failing connection is further on in the log.",
		Fix:         "Nothing to fix here: read on in the handshake log for the line with an alert or exception:\n  grep -n -e Alert -e Exception handshake.log",
		Confirm:     "grep -n -e Alert -e Exception handshake.log",
	},
	// Go reading non-TLS bytes as a record header.
	{
		ID: PlainHTTP, Kind: "client", Own: true,
		Match:       []string{"tls: received record with version"},
		Title:       "The other side does not speak TLS on this port (its bytes read as a TLS record)",
		Explanation: "Go read the first bytes of the answer as a TLS record header and found a version that is no TLS version (3030 is the text 00, 4854 is HT of HTTP): the peer sent plain text, such as an HTTP or another protocol's greeting, so the port or the scheme is wrong, or a proxy answered in plain text.",
		Fix:         "See what the port answers, and use the scheme it speaks (http://, or the service's TLS port):\n  curl -v http://host:PORT/\n  openssl s_client -connect host:PORT </dev/null",
		Confirm:     "openssl s_client -connect host:PORT </dev/null",
	},
	// OpenSSL 3 refusing the peer's SHA-1 (or MD5-SHA1) handshake signature.
	{
		ID: HandshakeFailed, Kind: "client", Own: true,
		Match:       []string{"legacy sigalg disallowed or unsupported"},
		Title:       "The peer signed its handshake with SHA-1, which this OpenSSL 3 refuses at its security level",
		Explanation: "In a TLS 1.2 (or older) handshake the other side signed with an algorithm this OpenSSL no longer allows at its security level: SHA-1 (RSA+SHA1, ECDSA+SHA1) or the MD5-SHA1 of TLS 1.0 and 1.1. Old servers and appliances that know no SHA-256 signatures do this; distributions that raised the default level (RHEL 9's DEFAULT crypto policy, Ubuntu 22.04, OpenSSL 3 builds at level 1 and above for SHA-1) refuse them.",
		Fix:         "Upgrade or reconfigure the peer to sign with SHA-256; until then, lower the level for that connection only:\n  openssl s_client -connect host:443 -cipher 'DEFAULT:@SECLEVEL=0' </dev/null\n  curl --ciphers 'DEFAULT:@SECLEVEL=0' https://host/\n(RHEL 9, for the whole machine, knowingly: update-crypto-policies --set DEFAULT:SHA1)",
		Confirm:     "openssl s_client -connect host:443 -cipher 'DEFAULT:@SECLEVEL=0' </dev/null",
	},
	// OpenSSL with no cipher suite left to offer.
	{
		ID: HandshakeFailed, Kind: "client", Own: true,
		Match:       []string{"no_ciphers_available", "no ciphers available"},
		Title:       "This side has no cipher suite left to offer for the TLS versions it allows",
		Explanation: "OpenSSL found no cipher suite usable with the versions allowed, before anything was sent: a cipher list set by the program (Python's set_ciphers, a server's cipher setting) that names only suites of another version (TLS 1.3 names in a TLS 1.2 list, or the reverse) or only suites this build or its security level leaves out (RC4, 3DES, export, anything with SHA-1 at level 3); or a minimum version forced to TLS 1.0 or 1.1 under OpenSSL 3, whose level 1 allows none of their suites without @SECLEVEL=0.",
		Fix:         "See what the cipher list gives under this OpenSSL, then widen it (or drop the forced version):\n  openssl ciphers -v 'YOUR:CIPHER:LIST'\n  ctx.set_ciphers('DEFAULT')",
		Confirm:     "openssl ciphers -v 'DEFAULT'",
	},
	// pip failing to verify PyPI (its own words).
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client", Own: true,
		Match: []string{"there was a problem confirming the ssl certificate"},
		// The reason pip quotes after its words tells it, when there is one.
		Without:     []string{"[ssl", "_ssl.c", "alert", "certificate verify failed", "sslerror"},
		Title:       "pip could not verify the package index's certificate",
		Explanation: "pip checks the index's certificate (pypi.org, files.pythonhosted.org, or a private index) against its own CA bundle (certifi's copy of Mozilla's roots), not the system's. Behind a TLS-intercepting corporate proxy or antivirus, whose root is installed in the system only, or with a private index on a private CA, every download fails so; an old pip or Python (OpenSSL 0.9.8, TLS 1.0 only) against PyPI's TLS 1.2 does too.",
		Fix:         "Give pip the proxy's or the private index's CA, or let it use the system's store (pip 22.2 and later; the default from pip 24.2):\n  pip config set global.cert /path/to/corporate-ca.pem\n  pip install --use-feature=truststore PACKAGE",
		Confirm:     "python -m pip --version",
	},
	// Subversion (serf) not trusting the server.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client", Own: true,
		Match:       []string{"server ssl certificate verification failed", "server certificate verification failed: issuer is not trusted", "server certificate verification failed: certificate issued for a different hostname"},
		Title:       "Subversion could not verify the server's certificate",
		Explanation: "svn checks the server's certificate against the CAs it trusts (the system's, and those its servers file adds with ssl-authority-files) and the name in the URL. issuer is not trusted: a private or self-signed CA, an intercepting proxy, or a server that does not send its intermediate; a different hostname: the URL's name is not on the certificate; and a non-interactive run cannot accept the certificate by hand.",
		Fix:         "Add the server's CA for svn in ~/.subversion/servers ([global] ssl-authority-files = /path/ca.pem), or, knowingly, trust it for one command:\n  svn info --trust-server-cert-failures=unknown-ca \\\n    https://svn.example.com/repo",
		Confirm:     "openssl s_client -connect svn.example.com:443 -servername svn.example.com -showcerts </dev/null",
	},
	// Java's TLS connection reset (SSLException).
	{
		ID: HandshakeFailed, Kind: "client", Side: "client", Own: true,
		Match:       []string{"sslexception: connection reset"},
		Title:       "The other side reset the Java program's TLS connection",
		Explanation: "The TCP connection was reset under Java's TLS layer. During the handshake, the server refused without an alert: no TLS version in common (an old JDK offering TLS 1.0 or 1.1, or a JDK that disabled them talking to an old server), a client certificate required and not sent, or a firewall or proxy cutting TLS; after it, a server or load balancer closing idle connections that a pool reused.",
		Fix:         "Read the handshake in Java's debug log to see where it stops, and test the server's versions from the same machine:\n  -Djavax.net.debug=ssl:handshake\n  openssl s_client -connect host:443 -servername host -tls1_2 </dev/null",
		Confirm:     "openssl s_client -connect host:443 -servername host -tls1_2 </dev/null",
	},
	// Java's AES-GCM record check failing.
	{
		ID: HandshakeFailed, Kind: "client", Own: true,
		Match:       []string{"sslexception: tag mismatch", "aeadbadtagexception: tag mismatch"},
		Title:       "A TLS record failed its integrity check in Java (Tag mismatch)",
		Explanation: "An AES-GCM record did not authenticate: its bytes changed on the way (a proxy, load balancer or network device that rewrites traffic), or the program used the TLS connection from two threads at once (an SSLEngine or socket shared without locking, as some Netty and HTTP client pools did), or a JDK bug in TLS 1.3 of early Java 11 releases.",
		Fix:         "Update the JDK, see whether it happens over another network path, and, to test, limit the connection to TLS 1.2:\n  -Djdk.tls.client.protocols=TLSv1.2",
		Confirm:     "java -version",
	},
	// PostgreSQL's rules requiring TLS (hostssl) for a client without it.
	{
		// The server's log says it ("FATAL:  no pg_hba.conf entry", two
		// spaces); a client relays it in other words: the writer tells.
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"no pg_hba.conf entry for host"},
		Within:      []string{"no encryption", "ssl off"},
		Title:       "PostgreSQL accepts this client only over TLS, and it connected without",
		Explanation: "No pg_hba.conf line matches a connection without encryption from this host, user and database: the server's lines for it are hostssl (or it has none at all for it). The client did not use TLS: its sslmode is disable, or allow or prefer against a server it did not try TLS with, or a driver whose default is no TLS.",
		Fix:         "Make the client use TLS (and check the server's certificate):\n  psql \"host=db.example.com dbname=app sslmode=verify-full\"\nor, if plain connections are meant to be allowed from there, add a host line to pg_hba.conf and reload.",
		Confirm:     "psql \"host=db.example.com sslmode=require\" -c 'select 1'",
	},
	// MySQL's require_secure_transport for a client without TLS.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client", Own: true,
		Match:       []string{"connections using insecure transport are prohibited"},
		Title:       "The MySQL server requires TLS, and the client connected without",
		Explanation: "The server runs with require_secure_transport=ON and refuses any connection without TLS (or a socket). The client turned TLS off (--ssl-mode=DISABLED, a driver's ssl option false, useSSL=false in JDBC), or its driver or library was built without TLS support. An installer or set-up wizard that opens its own test connection with TLS off (Matomo's, whatever CA it is given) fails so too: install while the server allows plain connections (or against another server), then turn TLS on in the application's configuration.",
		Fix:         "Turn TLS on in the client (and verify the server's certificate where you can):\n  mysql --ssl-mode=VERIFY_IDENTITY --ssl-ca=ca.pem -h db.example.com -u app -p",
		Confirm:     "mysql --ssl-mode=REQUIRED -h db.example.com -u app -p -e 'SHOW STATUS LIKE \"Ssl_cipher\"'",
	},
	// A TLS 1.3 client's key share the server cannot use.
	{
		ID: HandshakeFailed, Kind: "client", Side: "server", Level: infoLevel, Own: true,
		Match:       []string{"routines::bad key share", "ssl routines:tls_parse_ctos_key_share:bad key share", "bad key share)"},
		Title:       "A client sent a TLS 1.3 key share the server could not use",
		Explanation: "Usually harmless: the client's key share (its half of the TLS 1.3 key exchange) was malformed or for a group it did not offer properly, which scanners and broken or very old TLS 1.3 clients do; one client among many is nothing to fix. When it is frequent or comes from real browsers, the server's groups are in question: a group list (ssl_ecdh_curve, the OpenSSL Groups setting) with a hybrid post-quantum group this OpenSSL handles differently from the clients, or a middlebox altering the ClientHello.",
		Fix:         "Count it per client address; if real clients fail, see what the server agrees with a current client and review the groups it allows:\n  openssl s_client -connect host:443 -servername host -tls1_3 </dev/null 2>/dev/null | grep -i 'group'\n  ssl_ecdh_curve X25519:prime256v1:secp384r1;",
		Confirm:     "openssl s_client -connect host:443 -servername host -tls1_3 </dev/null",
	},
	// Apache's debug lines of each step of a client certificate's check.
	{
		ID: RoutineLine, Kind: "client", Side: "server", Level: infoLevel,
		Match:       []string{"ah02275: certificate verification, depth"},
		Title:       "Apache's debug log of one step of a client certificate's check (not an error)",
		Explanation: "Apache writes this at LogLevel debug (ssl:debug) for each certificate of the client's chain it checks, with its subject, issuer and dates; nothing failed here. A failure follows as AH02276 (Certificate Verification: Error (N)) with the verify code.",
		Fix:         "Nothing to fix in this line; look for the verdict that follows it:\n  grep -e AH02276 -e AH02039 /var/log/apache2/error.log",
		Confirm:     "grep -e AH02276 -e AH02039 /var/log/apache2/error.log",
	},
	// HAProxy unable to load a bind line's CA file.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"unable to load ssl ca file from file"},
		Title:       "HAProxy could not load the CA file of a bind line (ca-file)",
		Explanation: "HAProxy reads the ca-file of a bind line (the CAs it checks client certificates against) at start-up and stops when the file is missing at that path (inside a container or chroot), unreadable by its user, empty, or holds no PEM certificate (DER, a key, a file with Windows line endings in front of BEGIN).",
		Fix:         "Check the file where HAProxy reads it, and that it holds PEM certificates:\n  openssl crl2pkcs7 -nocrl -certfile /etc/haproxy/ca.pem | openssl pkcs7 -print_certs -noout\n  haproxy -c -f /etc/haproxy/haproxy.cfg",
		Confirm:     "haproxy -c -f /etc/haproxy/haproxy.cfg",
	},
	// .NET's SslStream receiving an alert.
	{
		ID: TLSAlert, Kind: "client", Side: "client", Own: true,
		Match:       []string{"remote party sent a tls alert: 'handshakefailure'", "remote party sent a tls alert handshakefailure"},
		Title:       "The other side ended the .NET program's TLS handshake with an alert (named in the message)",
		Explanation: "SslStream (HttpClient, a .NET client) received a fatal alert, named in the message. HandshakeFailure: the server wants a client certificate and got none it takes (HttpClientHandler.ClientCertificates empty, a certificate without its private key or whose key the process's account may not read, as under an IIS application pool, one whose issuer the server does not list, or, on Windows, one sent without its chain because the intermediate and root are not in the machine's stores: Windows sends only the chain it can build), or no TLS version or cipher is shared (an old server and Linux's OpenSSL 3 defaults). UnknownCA, BadCertificate, CertificateUnknown: the server refused the client certificate sent (its CA is not the one the server trusts, or the chain lacks its intermediate). ProtocolVersion: no TLS version in common. A .NET server (Kestrel) prints the same when its client refused the server's certificate.",
		Fix:         "See what the server asks for and accepts from the same machine, with the client certificate the program should send:\n  openssl s_client -connect host:443 -servername host -cert client.crt -key client.key </dev/null\nthen give HttpClientHandler.ClientCertificates a certificate with its private key (a .pfx), from a CA the server lists.",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "client", Side: "client", Own: true,
		Match: []string{"received an unexpected eof or 0 bytes from the transport stream"},
		// Kestrel's own log of a client that hung up has its own entry.
		Without:     []string{"failed to authenticate https connection"},
		Title:       "The other side closed the connection during the .NET program's TLS handshake",
		Explanation: "SslStream read nothing more: the peer closed the connection in the middle of the handshake without an alert. The causes that cover most cases: no TLS version or cipher in common (.NET on Linux uses OpenSSL 3's defaults, which refuse TLS 1.0 and 1.1 and weak ciphers that an old server may need; on old Windows, TLS 1.2 not enabled for .NET Framework), a server that requires a client certificate and hangs up without one, or a port or proxy that does not speak TLS there.",
		Fix:         "See which versions the server speaks, and whether it asks for a client certificate:\n  openssl s_client -connect host:443 -servername host -tls1_2 </dev/null\nFor an old server from .NET on Linux, allow its versions and ciphers knowingly (MinProtocol = TLSv1, CipherString = DEFAULT@SECLEVEL=0 in the openssl.cnf the process reads), or update the server.",
		Confirm:     "openssl s_client -connect host:443 -servername host -tls1_2 </dev/null",
	},
	// .NET handed a certificate without its private key.
	{
		ID: KeyLoadFailed, Kind: "client", Own: true,
		Match:       []string{"the certificate does not have a private key", "certificate must have a private key", "the private key is not present in the x.509 certificate"},
		Title:       "The certificate .NET was given has no private key with it",
		Explanation: "A client or server certificate must come with its private key, and this X509Certificate2 has none: it was loaded from a .cer, .crt or PEM file that holds the certificate alone (X509Certificate2(path) reads no key from PEM; CreateFromPemFile with the key file, or a .pfx, does), taken from a store where its key is missing or not readable by this account, or exported without the key (makecert with -sv writes the key to a separate .pvk file, leaving the stored certificate without it; -pe without -sv keeps it).",
		Fix:         "Load the certificate together with its key, from a PKCS#12 file or from PEM with the key:\n  openssl pkcs12 -export -in client.crt -inkey client.key -out client.pfx\n  X509Certificate2.CreateFromPemFile(\"client.crt\", \"client.key\")",
		Confirm:     "openssl pkcs12 -info -noout -in client.pfx",
	},
	// Python requests given a client certificate or key path that is not there.
	{
		ID: CertLoadFailed, Kind: "client", Side: "client", Own: true,
		Match:       []string{"could not find the tls certificate file, invalid path", "could not find the tls key file, invalid path"},
		Title:       "Python requests was given a client certificate or key path that does not exist",
		Explanation: "requests checks the files of its cert= option (a path, or a (certificate, key) pair) before connecting, and the path named is not there from the program's working directory: a relative path run from elsewhere, a file mounted at another path in a container, or a typo.",
		Fix:         "Give absolute paths, and check them as the program's user:\n  ls -l /etc/app/client.crt /etc/app/client.key\n  requests.get(url, cert=('/etc/app/c.crt', '/etc/app/c.key'))",
		Confirm:     "ls -l /etc/app/client.crt /etc/app/client.key",
	},
	// Android refusing plain HTTP (no TLS at all).
	{
		ID: PlainHTTP, Kind: "client", Side: "client", Own: true,
		Match:       []string{"cleartext http traffic to", "cleartext communication to"},
		Within:      []string{"not permitted", "not allowed"},
		Title:       "Android refuses plain HTTP to this host: the app must use https:// (or allow cleartext for it)",
		Explanation: "Since Android 9 (API 28) apps may not send cleartext HTTP by default, and the app asked for an http:// URL. Nothing about certificates failed: no TLS was attempted. The URL should be https://, which needs a server certificate the device trusts; a development server without TLS can be allowed for its host only, in the app's network security configuration.",
		Fix:         "Use https:// for the host, or allow cleartext for that host alone in res/xml/network_security_config.xml:\n  <domain-config cleartextTrafficPermitted=\"true\">\n    <domain includeSubdomains=\"false\">10.0.2.2</domain>\n  </domain-config>",
		Confirm:     "curl -v https://example.com/ -o /dev/null",
	},
	// mongod refusing a client's certificate.
	{
		ID: VerifyError, Kind: "client", Side: "server", Own: true,
		Match:       []string{"ssl peer certificate validation failed"},
		Within:      []string{"error receiving request from client", "ending connection from remote", "mongod"},
		Title:       "mongod refused the client's certificate (its CA is not the one net.tls.CAFile holds)",
		Explanation: "mongod checks the certificate a client (or another member) presents against net.tls.CAFile (members against net.tls.clusterCAFile when set), and this one did not validate: the client's CA is not in that file, its intermediate is missing from both the file and what the client sends, it is expired, or its CA file is a bundle that leaves the issuer out. With net.tls.allowConnectionsWithoutCertificates a client that sends no certificate gets in, but one that sends a bad certificate is still refused.",
		Fix:         "Check the client's certificate against the CA file mongod uses, then add its CA (and intermediates) there and restart:\n  openssl verify -CAfile /etc/ssl/mongodb-ca.pem client.pem",
		Confirm:     "openssl verify -CAfile /etc/ssl/mongodb-ca.pem client.pem",
	},
	// ejabberd's failed TLS with an XMPP client.
	{
		ID: HandshakeFailed, Kind: "client", Side: "server", Own: true,
		Match:       []string{"failed to secure c2s connection: tls failed", "failed to secure s2s connection: tls failed"},
		Title:       "ejabberd's TLS handshake with an XMPP client (or server) failed; the reason follows",
		Explanation: "ejabberd names the reason after TLS failed. unknown ca, bad certificate, certificate unknown: the other side did not accept the certificate ejabberd served for the domain (a certificate without its intermediate in certfiles, one for another domain, or a private CA the client does not know); on s2s, with verification on, ejabberd may refuse the remote server's instead. no shared cipher or protocol version: an old client against ejabberd's protocol_options.",
		Fix:         "See the certificate and chain ejabberd serves for the domain (XMPP starts TLS inside the stream):\n  openssl s_client -connect xmpp.example.com:5222 -starttls xmpp -showcerts </dev/null\nthen list the full chain (certificate, intermediates) in certfiles and reload (ejabberdctl reload_config).",
		Confirm:     "openssl s_client -connect xmpp.example.com:5222 -starttls xmpp </dev/null",
	},
	// Elasticsearch's bootstrap check for transport TLS.
	{
		ID: StartupFailed, Kind: "client", Side: "server", Own: true,
		Match:       []string{"transport ssl must be enabled if security is enabled"},
		Title:       "Elasticsearch will not start with security on and TLS off on its transport layer",
		Explanation: "In production mode (bound to a non-loopback address) Elasticsearch refuses to start with security enabled unless the transport layer between nodes uses TLS: xpack.security.transport.ssl.enabled is false or unset, or it has no certificate to use.",
		Fix:         "Give the transport layer TLS with node certificates (elasticsearch-certutil makes them) in elasticsearch.yml:\n  xpack.security.transport.ssl.enabled: true\n  xpack.security.transport.ssl.verification_mode: certificate\n  xpack.security.transport.ssl.keystore.path: certs.p12",
		Confirm:     "grep -n transport.ssl /etc/elasticsearch/elasticsearch.yml",
	},
	// gRPC clients whose connection closed before HTTP/2 started.
	{
		ID: PlainHTTP, Kind: "client", Side: "client", Own: true,
		Match:       []string{"connection closed before server preface received"},
		Title:       "The gRPC server closed the connection before HTTP/2 began: TLS on one side only, most often",
		Explanation: "The gRPC client connected and the server closed before sending its HTTP/2 preface. Most often the client spoke plaintext (insecure credentials, grpc.WithTransportCredentials(insecure.NewCredentials()), a plaintext flag) to a port that expects TLS, which the server drops; less often a server that requires a client certificate and got none or refused the one it got (expired, or from a CA it does not trust: under TLS 1.3 the client learns of it only as this close), a proxy or load balancer that does not speak HTTP/2 to it, or the wrong port.",
		Fix:         "See whether the port speaks TLS, then give the client TLS credentials (and the CA) to match:\n  openssl s_client -connect host:443 -servername host -alpn h2 </dev/null\n  grpcurl -cacert ca.pem host:443 list\nWith client certificates, check that the client's is still valid:\n  openssl x509 -noout -enddate -issuer -in client.crt",
		Confirm:     "openssl s_client -connect host:443 -servername host -alpn h2 </dev/null",
	},
	// stunnel's check of its peer's certificate.
	{
		ID: VerifyError, Kind: "client", Own: true,
		Match:       []string{"cert: verification error:"},
		Title:       "stunnel refused its peer's certificate (verifyChain or verifyPeer)",
		Explanation: "stunnel checks the other end's certificate when verifyChain or verifyPeer is set: a client stunnel (client = yes) checks the server's, a server stunnel checks its clients'. The reason follows the colon: unable to get local issuer certificate, the peer's CA (or intermediate) is not in the CAfile or CApath of that service; self-signed certificate, a peer with its own certificate that CAfile lacks; certificate has expired, or a clock is wrong.",
		Fix:         "Check the peer's certificate against the CAfile of that service section, then put its CA there and restart stunnel:\n  openssl verify -CAfile /etc/stunnel/ca.pem peer.crt",
		Confirm:     "openssl verify -CAfile /etc/stunnel/ca.pem peer.crt",
	},
	// OpenVPN's handshake failures and its user/password check.
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"tls error: tls handshake failed", "tls_error: bio read tls_read_plaintext error"},
		Without:     []string{"peer did not return a certificate"},
		Title:       "OpenVPN's TLS handshake with its peer failed (the reason is in the lines just before)",
		Explanation: "OpenVPN's control channel could not complete TLS. The lines just before name why; the causes that cover most cases: the peer's certificate failed verification (VERIFY ERROR: a ca that is not the one that signed it, an expired certificate, a CRL), the tls-auth or tls-crypt keys (or key-direction) differ between the two sides, tls-version-min or the data cipher settings leave nothing in common (OpenSSL 3 refusing SHA-1 or MD5-signed certificates and small keys of old setups: ca md too weak, ee key too small), or the clocks differ.",
		Fix:         "Read the lines before it with more detail, and compare the two sides' ca, tls-auth/tls-crypt and tls-version-min:\n  openvpn --config client.ovpn --verb 4\n  openssl verify -CAfile ca.crt client.crt",
		Confirm:     "openssl verify -CAfile ca.crt client.crt",
	},
	{
		ID: HandshakeFailed, Kind: "client", Side: "server", Own: true,
		Match:       []string{"tls auth error: auth username/password verification failed"},
		Title:       "OpenVPN's server refused the user name and password (not a certificate problem)",
		Explanation: "The TLS handshake and certificates were accepted; then the server's user name and password check (auth-user-pass-verify, a PAM or LDAP plugin) refused the credentials the client sent: a wrong password, a user not allowed, or the plugin or script failing (its own log says why).",
		Fix:         "Check the credentials and the server's authentication plugin or script, and its log; test the script by hand with the same user:\n  journalctl -u openvpn-server@server --since '10 min ago'",
		Confirm:     "journalctl -u openvpn-server@server --since '10 min ago'",
	},
	// FreeRADIUS reading an alert from the supplicant.
	{
		ID: TLSAlert, Kind: "client", Side: "server", Own: true,
		Match:       []string{"(tls alert) read (local <- remote): fatal:", "tls alert read:fatal:"},
		Title:       "The Wi-Fi or 802.1X client refused the RADIUS server's certificate (an alert it sent)",
		Explanation: "FreeRADIUS (or hostapd's EAP server) read a fatal alert from the supplicant during EAP-TLS, PEAP or TTLS: unknown ca means the device does not trust the CA of the RADIUS server's certificate (the CA certificate was not given in the device's network profile, or the profile names another one; Android 11 and later and current Windows require one); bad certificate or certificate unknown that the device refused it for its name (the domain the profile expects) or its usage; certificate expired, its dates.",
		Fix:         "Give the devices the CA that issued the RADIUS server's certificate in their network profile (and the server's name as the domain to check), or issue the server's certificate from the CA they have; see what the server sends:\n  openssl x509 -noout -subject -issuer -dates -in /etc/freeradius/3.0/certs/server.pem",
		Confirm:     "openssl x509 -noout -subject -issuer -dates -in /etc/freeradius/3.0/certs/server.pem",
	},
	// OpenLDAP's client on the server's name and on StartTLS.
	{
		ID: ServerHostnameMismatch, Kind: "client", Side: "client", Own: true,
		Match:       []string{"does not match common name in certificate"},
		Title:       "The LDAP server's certificate does not carry the name the client connected to",
		Explanation: "OpenLDAP's client library compared the host name of the LDAP URI with the server's certificate (its subjectAltName, else its Common Name) and they differ: the client used a short name, an IP address or an alias (a load balancer's name) that the certificate does not list.",
		Fix:         "Connect with a name the certificate carries, or have the certificate issued with the names clients use:\n  ldapsearch -H ldaps://ldap.example.com -x -b '' -s base\n  openssl s_client -connect ldap.example.com:636 </dev/null 2>/dev/null | openssl x509 -noout -subject",
		Confirm:     "openssl s_client -connect ldap.example.com:636 </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "client", Side: "client", Own: true,
		Match: []string{"ldap_start_tls: connect error (-11)", "ldap_start_tls: can't contact ldap server",
			"ldap_sasl_bind(simple): can't contact ldap server", "ldap_bind: can't contact ldap server", "unable to bind to server: can't contact ldap server"},
		// The TLS error the library quotes after it, when there is one, tells it.
		Without:     []string{"tls error -", "error:", "certificate verify failed"},
		Title:       "The LDAP client could not set up TLS with the server (StartTLS, or ldaps://): most often it does not trust the server's certificate",
		Explanation: "OpenLDAP's client library (ldapsearch, ldapmodify, SSSD, PHP's and Python's ldap modules) reports a failed StartTLS as Connect error (-11), and a failed handshake on ldaps:// as Can't contact LDAP server (-1), like a refused connection. The causes that cover most cases: the server's certificate has expired, or its CA is not the one in TLS_CACERT (ldap.conf, or LDAPTLS_CACERT); the name does not match; the server has no certificate configured for StartTLS on port 389; or the client library (GnuTLS builds) refuses the server's old protocol or key. Over ldaps://, otherwise nothing listens on that port. A server given as host:636 without the ldaps:// scheme (PHP's ldap_connect, an application's LDAP server setting) gets a plain LDAP connection on the TLS port, which fails so.",
		Fix:         "Run it again with debugging to see the TLS error, and give the client the CA:\n  LDAPTLS_CACERT=/etc/ssl/certs/ldap-ca.pem ldapsearch -ZZ -d 1 -H ldap://ldap.example.com -x -b '' -s base\n  ldapsearch -d 1 -x -H ldaps://ldap.example.com -b '' -s base\nand see the server certificate's dates and issuer:\n  openssl s_client -connect ldap.example.com:636 </dev/null 2>/dev/null | openssl x509 -noout -dates -issuer\nFor port 636, write the server with its scheme: ldaps://ldap.example.com:636.",
		Confirm:     "openssl s_client -connect ldap.example.com:389 -starttls ldap </dev/null",
	},
	// strongSwan not finding a trusted key for the peer.
	{
		ID: Untrusted, Kind: "client", Own: true,
		Match:       []string{"no trusted rsa public key found for", "no trusted ecdsa public key found for", "no trusted public key found for"},
		Title:       "strongSwan has no trusted certificate for the peer's identity",
		Explanation: "charon looked for a certificate it trusts that belongs to the identity the peer claimed (its IKE ID) and found none: the peer's certificate does not chain to a CA in strongSwan's trust store (/etc/swanctl/x509ca or /etc/ipsec.d/cacerts), or the identity the peer sends (an IP address, a FQDN, its DN) is not among the certificate's subjectAltNames or its subject, so the certificate does not count for it.",
		Fix:         "Check the peer's certificate against the CA strongSwan trusts and look at the names it carries; then add the CA, or set the peer's id to a name in its certificate:\n  openssl verify -CAfile /etc/swanctl/x509ca/ca.pem peer.pem\n  openssl x509 -noout -text -in peer.pem | grep -A1 'Alternative Name'",
		Confirm:     "swanctl --list-certs",
	},
	{
		ID: Untrusted, Kind: "client", Own: true,
		Match:       []string{"constraint check failed: peer not authenticated by ca"},
		Title:       "strongSwan accepted the peer's certificate but it is not from the CA this connection requires",
		Explanation: "The connection's configuration limits the peer to one CA (rightca, or cacerts in swanctl's remote section), and the peer's certificate chains to another trusted CA: a certificate issued by a new or intermediate CA that the constraint does not name, or the constraint written with a DN that differs from the CA certificate's subject.",
		Fix:         "Compare the CA of the peer's certificate with the one the connection names, and name the right one (its subject exactly, or the CA file):\n  openssl x509 -noout -issuer -in peer.pem\n  openssl x509 -noout -subject -in /etc/swanctl/x509ca/ca.pem",
		Confirm:     "swanctl --list-conns",
	},
	// Java reading a PKCS#8 key encrypted with PBES2 (OpenSSL's default).
	{
		ID: KeyLoadFailed, Kind: "client", Side: "client",
		Match:       []string{"cannot find any provider supporting 1.2.840.113549.1.5.13"},
		Title:       "Java cannot decrypt the private key: it is encrypted with PBES2, which this Java does not read",
		Explanation: "1.2.840.113549.1.5.13 is PBES2, the encryption OpenSSL 1.1 and later use by default for an encrypted PKCS#8 key (openssl pkcs8 -topk8, BEGIN ENCRYPTED PRIVATE KEY). Older Java releases read only the older PBES1 schemes there, so a program that loads such a key itself (the PostgreSQL JDBC driver's sslkey, other drivers and clients) fails before any connection is made.",
		Fix:         "Write the key with an older scheme, or unencrypted and kept private (pgJDBC also reads a PKCS#12 file as sslkey):\n  openssl pkcs8 -topk8 -inform PEM -outform DER -in client.key -out client.pk8 -v1 PBE-SHA1-3DES\n  openssl pkcs8 -topk8 -outform DER -nocrypt -in client.key -out client.pk8",
		Confirm:     "openssl asn1parse -inform DER -in client.pk8 | head -5",
	},
	// The PostgreSQL JDBC driver told to send a password it does not have.
	{
		ID: NoClientCert, Kind: "client", Side: "client",
		Match:       []string{"the server requested password-based authentication, but no password was provided", "the server requested scram-based authentication, but no password was provided"},
		Title:       "The database asked for a password: its certificate login did not happen",
		Explanation: "The pg_hba.conf line that matched the connection asks for a password (md5, scram-sha-256, password), not a certificate. When the login was meant to use a client certificate: the hostssl ... cert line sits below a password line that matches first, or does not match this user, database or address; or the client sent no certificate and the server fell back to a password (CockroachDB does so for a user without a valid client certificate). The driver may have dropped the key without a word: pgJDBC 42.2.9 to 42.2.14 chose a key's format by its file name, so a PKCS#8 key under another name was not loaded (fixed in 42.2.15).",
		Fix:         "Make the certificate line match first, and give the driver its certificate and key (pgJDBC: sslcert, and sslkey as a .pk8 or .p12 file, on a current driver):\n  hostssl all all 0.0.0.0/0 cert\n  jdbc:postgresql://db:5432/app?sslmode=verify-full&sslcert=client.crt&sslkey=client.pk8",
		Confirm:     "psql \"host=db sslmode=verify-full sslcert=client.crt sslkey=client.key sslrootcert=ca.crt\" -c 'select 1'",
	},
	// mongod looking up a certificate's subject as an $external user.
	{
		ID: ClientCertRejected, Kind: "client", Side: "server", Within: []string{"mongodb-x509", "$external"},
		Match:       []string{"with mechanism mongodb-x509: usernotfound", "mongodb-x509: usernotfound", "usernotfound: could not find user"},
		Title:       "MongoDB found no user for the client certificate's subject (MONGODB-X509)",
		Explanation: "mongod verified the client certificate, took its subject as the user name and found no user by that name in the $external database. Either no user was created for it, or it was created with a subject written differently (RFC 2253 order, most specific first: CN=...,OU=...,O=..., with the same spelling and spaces). With clusterAuthMode x509, a replica set's members are told from users by their certificates' O, OU and DC (which must match across members, or net.tls.clusterAuthX509 names them): member certificates with a CN only are looked up as users, and fail so.",
		Fix:         "Create the user with the subject exactly as the certificate gives it:\n  openssl x509 -noout -subject -nameopt RFC2253 -in client.pem\n  db.getSiblingDB('$external').runCommand({\n    createUser: 'CN=app,OU=apps,O=Example',\n    roles: [{role: 'readWrite', db: 'app'}]})\nFor cluster members, reissue their certificates with the same O and OU.",
		Confirm:     "openssl x509 -noout -subject -nameopt RFC2253 -in client.pem",
	},
	// An application given the URL-encoded PEM a proxy forwarded.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"-----begin%20cert", "begin%20certificate"},
		Title:       "The application read a URL-encoded client certificate as PEM",
		Explanation: "The certificate came from a header the TLS-terminating proxy sets, URL-encoded (spaces as %20, line breaks as %0A): nginx's $ssl_client_escaped_cert, the ssl-client-cert header ingress-nginx sends with auth-tls-pass-certificate-to-upstream. The application (or its library) parsed it as PEM without decoding it first. Other proxies send other forms: Traefik base64 without the PEM lines, HAProxy's ssl_c_der,base64 plain DER in base64, Envoy an XFCC header with the PEM URL-encoded in Cert=.",
		Fix:         "URL-decode the header before parsing it (Java: URLDecoder.decode(value, UTF_8); Keycloak: the x509cert-lookup provider for your proxy, nginx for nginx), or upgrade an application that added the decoding. See what the proxy sends:\n  proxy_set_header ssl-client-cert $ssl_client_escaped_cert;",
		Confirm:     "printf '%s' \"$HEADER\" | python3 -c 'import sys,urllib.parse;print(urllib.parse.unquote(sys.stdin.read()))' | openssl x509 -noout -subject",
	},
	// Firefox refusing to import a PKCS#12 file.
	{
		ID: CertLoadFailed, Kind: "client", Side: "client",
		Match:       []string{"the pkcs#12 operation failed for unknown reasons", "the pkcs #12 operation failed for unknown reasons"},
		Title:       "Firefox could not import the PKCS#12 file",
		Explanation: "Firefox (NSS) refused the .p12/.pfx file, so the client certificate never reaches its store and cannot be offered to a server. Three causes cover most cases: 1. a file exported without a password (an empty password), which Firefox often fails to import (a long-standing Mozilla bug) while other tools take it; 2. an encryption this release of NSS does not read (OpenSSL 3 encrypts with AES-256 by default, older releases with RC2 or 3DES); 3. not a PKCS#12 file at all (a PEM certificate or key) or a damaged one. A hardened profile fails every import: with security.nocertdb on (a user.js such as arkenfox's sets it), Firefox keeps no certificate database to import into (override it in user.js, then restart).",
		Fix:         "Export it again with a password (and for an old Firefox, the older encryption with -legacy), then import that file:\n  openssl pkcs12 -export -in client.crt -inkey client.key -certfile ca.crt -out client.p12\n  openssl pkcs12 -export -legacy -in client.crt -inkey client.key -out client-legacy.p12",
		Confirm:     "openssl pkcs12 -info -noout -in client.p12",
	},
	// Open Liberty and WebSphere Liberty: an inbound TLS connection failed.
	{
		ID: PlainHTTP, Kind: "client", Side: "server", Within: []string{"plaintext", "unrecognized ssl message", "unsupported or unrecognized"},
		Match:       []string{"cwwko0801e"},
		Title:       "Liberty's TLS port got a connection that does not speak TLS",
		Explanation: "CWWKO0801E is Open Liberty's and WebSphere Liberty's message for an inbound connection on an SSL port whose handshake failed; the exception says why: here the other side sent plain text (an http:// URL against the https:// port, a health check or load balancer without TLS, or a port scanner). One address now and then is usually harmless.",
		Fix:         "Point the client at https://, or give plain HTTP its own port (httpEndpoint's httpPort); for a health check or load balancer, turn TLS on in its check. Find the sender in the access log or with:\n  ss -tnp | grep 9443",
		Confirm:     "curl -sv https://host:9443/ -o /dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "client", Side: "server", Without: []string{"plaintext", "unrecognized ssl message", "unsupported or unrecognized"},
		Match:       []string{"cwwko0801e"},
		Title:       "Liberty could not set up an inbound TLS connection",
		Explanation: "CWWKO0801E is Open Liberty's and WebSphere Liberty's message for an inbound connection on an SSL port whose handshake failed; the exception after it says why: a certificate error means the client refused Liberty's certificate (its CA, chain or name) or Liberty refused the client's (clientAuthentication, its trust store); `no cipher suites in common` or a protocol error means no shared version or cipher (sslProtocol, enabledCiphers). One address now and then is usually harmless (a scanner).",
		Fix:         "Read the exception, then check what Liberty serves and asks for:\n  openssl s_client -connect host:9443 -servername host -showcerts </dev/null\nand the <ssl> element of server.xml (keyStoreRef, trustStoreRef, clientAuthentication, sslProtocol).",
		Confirm:     "openssl s_client -connect host:9443 -servername host </dev/null",
	},
	// Liberty's outbound host name check (on by default since 24.0.0.9).
	{
		ID: ServerHostnameMismatch, Kind: "client", Side: "client",
		Match:       []string{"cwpki0824e"},
		Title:       "Liberty refused the server's certificate: the host name it connected to is not in it",
		Explanation: "Open Liberty and WebSphere Liberty check, for their outbound connections, that the host name or IP address they connect to is among the server certificate's subjectAltName entries; from 24.0.0.9 they do so by default (verifyHostname), so connections that worked before an upgrade fail when the certificate lacks the name, or the IP address used (it needs an IP SAN).",
		Fix:         "Connect by a name the certificate carries, or reissue it with the name or address; as a stopgap, exempt the host in server.xml:\n  subjectAltName=DNS:api.example.com,IP:10.0.0.5\n  <ssl id=\"defaultSSLConfig\"\n       skipHostnameVerificationForHosts=\"10.0.0.5\" .../>",
		Confirm:     "openssl s_client -connect 10.0.0.5:443 </dev/null 2>/dev/null | openssl x509 -noout -text | grep -A1 'Subject Alternative Name'",
	},
	// testssl.sh giving up after failed openssl connections.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"repeated openssl s_client connect problem"},
		Title:       "testssl.sh gave up after repeated failed connections",
		Explanation: "testssl.sh stops after MAX_OSSL_FAIL connections that openssl s_client could not make. Three causes: the server refuses the old protocols being tested by closing the connection, which some testssl.sh releases counted as failures (a TLS 1.2-only server ended scans so); a firewall, IPS or rate limit drops the scan's many connections; or the host is not reachable on that port or needs a name (SNI) the scan did not send.",
		Fix:         "Use a current testssl.sh, allow more failures, and check one connection by hand:\n  MAX_OSSL_FAIL=10 ./testssl.sh host:443\n  openssl s_client -connect host:443 -servername host </dev/null",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null",
	},
	// Certificate checkers that could not get the certificate.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"certificate information cannot be retrieved", "failed to get certificate information"},
		Title:       "The certificate checker could not get the server's certificate",
		Explanation: "The scanner or checker could not finish the handshake that fetches the certificate. Causes: the server offers only TLS 1.0 or 1.1 or old ciphers, which the checker's OpenSSL refuses by default (OpenSSL 3, current distributions' settings); the server wants a name (SNI) or a client certificate; something blocks the connection; or a bug of the checker (an sslscan 2.1 release gave up when the handshake failed after the certificate had arrived).",
		Fix:         "See what the server speaks, then allow that version in the checker's OpenSSL configuration (openssl.cnf: MinProtocol = TLSv1, CipherString = DEFAULT@SECLEVEL=0), or update the checker:\n  openssl s_client -connect host:443 -servername host -tls1 </dev/null",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null",
	},
	// check_ssl_cert comparing the SNI name with the certificate.
	{
		ID: ServerHostnameMismatch, Kind: "client", Side: "client", Within: []string{"sni name"},
		Match:       []string{"does not match certificate name"},
		Title:       "The certificate check says the name sent (SNI) is not in the certificate",
		Explanation: "The monitoring check (check_ssl_cert and similar plugins) compared the name it sent with the certificate's names. Either the certificate really lacks it (not in its subjectAltName; a wildcard covers one label only; the server sends another certificate for that name), or the check's release compares with the CN only and ignores subjectAltName (a regression of some check_ssl_cert releases, rolled back later).",
		Fix:         "See the names of the certificate served for that name; if the name is there, update the plugin:\n  openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -text | grep -A1 'Subject Alternative Name'",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -subject",
	},
	// sslyze (and other scanners) timing out on a host.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"connection to the server timed out; discarding scan"},
		Title:       "The scanner's connection to the server timed out",
		Explanation: "sslyze could not reach the server in time, which says nothing about its TLS settings: the host is down or slow, the port is filtered from where the scanner runs, or a rate limit or IPS drops the scan's connections. A server that supports only TLS 1.3 is scanned, not timed out.",
		Fix:         "Check that the host answers from the scanner's machine, then scan again (fewer concurrent connections):\n  openssl s_client -connect host:443 -servername host </dev/null",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null",
	},
	// mongod refusing x509 cluster authentication with TLS optional.
	{
		ID: StartupFailed, Kind: "client", Side: "server",
		Match:       []string{"cannot have x.509 cluster authentication in allowssl mode", "cannot have x.509 cluster authentication in allowtls mode"},
		Title:       "mongod will not start: x509 cluster authentication needs TLS required, not allowed",
		Explanation: "clusterAuthMode x509 makes replica-set members prove themselves with their certificates, which mongod refuses to combine with tlsMode (sslMode) allowTLS, where connections may come without TLS. The official Docker image's entrypoint meets this: to create the MONGO_INITDB_ROOT_USERNAME user it starts a temporary mongod with TLS relaxed to allowTLS but keeps the --clusterAuthMode x509 given on the command line.",
		Fix:         "Keep tlsMode requireTLS wherever clusterAuthMode is x509; with the Docker image, put both in a configuration file (--config) instead of command-line flags, or create the users in a step of your own:\n  mongod --config /etc/mongod.conf",
		Confirm:     "grep -nE 'clusterAuthMode|mode:' /etc/mongod.conf",
	},
	// WSO2 API Manager's gateway with mutual SSL for an API.
	{
		ID: ClientCertRejected, Kind: "client", Side: "server",
		Match:       []string{"api is not associated with the certificate"},
		Title:       "WSO2 API Manager: the client certificate is not one uploaded for this API",
		Explanation: "With mutual SSL on an API, the WSO2 gateway accepts a client certificate only if it matches one uploaded to that API's runtime configuration (with its tier). The client sent another certificate (or one the proxy in front passed on in a changed form), the upload went to another API or version, or the release failed to match a CA-signed certificate that was uploaded (a bug of 4.4.0, fixed in later releases).",
		Fix:         "Compare the certificate the client sends with the one uploaded to the API, and upload that one (Runtime, Transport Level Security); for a CA-signed client certificate on 4.4.0, update API Manager:\n  openssl x509 -noout -subject -issuer -serial -in client.crt",
		Confirm:     "openssl x509 -noout -fingerprint -sha256 -in client.crt",
	},
	// Keycloak's X.509 authenticator asked to revalidate without a truststore.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"cannot validate client certificate trust: truststore not available"},
		Title:       "Keycloak cannot check the client certificate: it has no truststore",
		Explanation: "The X.509 authenticator's Revalidate Client Certificate option makes Keycloak check the client certificate's chain itself (needed when a proxy passes the certificate on in a header), against the truststore of its truststore SPI, and none is configured or it could not be read (a wrong path or password).",
		Fix:         "Give Keycloak a truststore with the client CA and its intermediates (Keycloak 22 and later: truststore-paths; older: the truststore SPI's file and password), then restart:\n  kc.sh start --truststore-paths=/opt/keycloak/conf/client-ca.pem",
		Confirm:     "openssl verify -CAfile client-ca.pem client.crt",
	},
	// Go's net/http refusing a PEM with line breaks as a header value.
	{
		ID: CertLoadFailed, Kind: "client", Side: "client", Within: []string{"-----begin certificate"},
		Match:       []string{"invalid header field value"},
		Title:       "The proxy tried to send the client certificate as a header with its line breaks",
		Explanation: "A header value may not hold line breaks, and a PEM certificate has them: Go's net/http (in Caddy, Traefik and other Go proxies) refuses the request to the backend. The proxy was told to forward the certificate in its PEM form (Caddy's {http.request.tls.client.certificate_pem}) where an encoded form is needed.",
		Fix:         "Forward an encoded form and decode it in the application (Caddy: the DER in base64; nginx: $ssl_client_escaped_cert, URL-encoded):\n  header_up X-Client-Cert {tls_client_certificate_der_base64}",
		Confirm:     "caddy validate --config /etc/caddy/Caddyfile",
	},
	// Apache's 400 page for plain HTTP on its TLS port.
	{
		ID: PlainHTTP, Kind: "client", Side: "server",
		Match:       []string{"speaking plain http to an ssl-enabled server port"},
		Title:       "Apache got plain HTTP on its TLS port",
		Explanation: "Apache (mod_ssl) answers a request that arrives without TLS on a port where it speaks TLS with this 400 page. Causes: an http:// URL with the TLS port (http://host:443/); or, most often behind a load balancer or CDN, the balancer ends TLS itself and forwards plain HTTP to the backend's port 443 (an AWS load balancer's target group on HTTP to port 443, Cloudflare's Flexible mode, a reverse proxy with http:// to :443).",
		Fix:         "Make both ends agree: the balancer forwards HTTP to port 80 (or HTTPS to 443), or, where the balancer ends TLS, the backend's vhost on that port runs without SSLEngine on:\n  a2dissite default-ssl && systemctl reload apache2",
		Confirm:     "curl -sv https://host/ -o /dev/null",
	},
	// Java's CertificateFactory refusing the bytes it was given.
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"certificateexception: could not parse certificate"},
		Title:       "Java could not parse a certificate (CertificateException)",
		Explanation: "Java's CertificateFactory got bytes that are not a certificate it can read. Causes: a PEM whose base64 was damaged, or a certificate forwarded in an HTTP header and decoded the wrong way (AWS ALB's X-Amzn-Mtls-Clientcert leaves +, / and = unescaped, so java.net.URLDecoder turns each + into a space; a value never decoded at all); an empty value; a file of another kind (a key, a PKCS#12 file, a JKS store).",
		Fix:         "See what the bytes are, then decode the header as the proxy encoded it (for AWS ALB, replace only the %XX escapes; keep + as it is):\n  printf '%s' \"$VALUE\" | head -c 80\n  openssl x509 -noout -subject -in cert.pem",
		Confirm:     "openssl x509 -noout -subject -in cert.pem",
	},
	// Java built into a native image, without a JRE's files.
	{
		ID: CertLoadFailed, Kind: "client", Side: "client",
		Match:       []string{"could not locate the default java truststore because the 'java.home' property is not set"},
		Title:       "The native executable has no default Java truststore",
		Explanation: "A GraalVM native image (Quarkus native, Micronaut, Spring native) has no java.home at run time and no JRE cacerts file, so TLS settings that want the default truststore cannot find it.",
		Fix:         "Give the program a truststore explicitly, at run time:\n  ./app -Djavax.net.ssl.trustStore=/etc/pki/java/cacerts \\\n    -Djavax.net.ssl.trustStorePassword=changeit\nor name one in the TLS configuration (Quarkus: quarkus.tls.trust-store.*).",
		Confirm:     "ls -l /etc/pki/java/cacerts",
	},
	// The server refusing a field of Java's hello.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client", Within: []string{"javax.net.ssl", "sslhandshakeexception"},
		Match:       []string{"received fatal alert: illegal_parameter"},
		Title:       "The server refused a field of the Java client's handshake (illegal_parameter)",
		Explanation: "The server found a value in what Java sent out of range or inconsistent and ended the handshake. With Java it is most often the JDK itself: a JDK 8 with the TLS 1.3 backport (OpenJSSE, or updates before the fix) that puts every CA of its cacerts into the ClientHello as a certificate_authorities extension, too large for some servers; or a JDK 11 release with a TLS 1.3 bug that later updates fixed (key shares, session resumption). Otherwise a library that offers only TLS 1.0 (JavaMail with old mail.*.ssl.protocols settings, an old HTTP client), which some servers refuse with this alert, or a signature scheme or group the server does not accept with its key.",
		Fix:         "Update the JDK; until then, test without TLS 1.3 and without the CA list:\n  java -Djdk.tls.client.protocols=TLSv1.2 -jar app.jar\n  java -Djdk.tls.client.enableCAExtension=false -jar app.jar",
		Confirm:     "java -Djavax.net.debug=ssl:handshake -jar app.jar",
	},
	// Payara and GlassFish checking their own stores at start.
	{
		ID: ServerCertExpired, Kind: "client", Side: "server", Level: infoLevel,
		Match:       []string{"the ssl certificate has expired: ["},
		Title:       "The server found an expired certificate in its own keystore or truststore at start",
		Explanation: "Payara and GlassFish check the certificates of their own stores when they start (the domain's keystore.jks and cacerts.jks) and log each expired one. An expired root in the bundled cacerts (one the JDK removed long ago) is harmless noise; an expired entry in the keystore, the server's own certificate (s1as), is not: clients refuse it.",
		Fix:         "See which entry it is, and delete an expired CA from the truststore, or renew the server's own certificate:\n  keytool -list -v -keystore cacerts.jks | grep -B8 'Valid from'\n  keytool -delete -alias ALIAS -keystore cacerts.jks",
		Confirm:     "keytool -list -v -keystore keystore.jks | grep -A2 'Alias name'",
	},
	// JSSE's debug output when its key manager finds no certificate.
	{
		ID: NoClientCert, Kind: "client", Side: "client",
		Match:       []string{"no x.509 cert selected for"},
		Title:       "Java's key manager found no certificate to present (JSSE debug)",
		Explanation: "JSSE looked in its key manager for a certificate whose key fits the algorithms the line lists and found none. For a client, no client certificate will be sent (the server then refuses the empty one): its key store was never loaded (a framework given PEM files or a key store property it did not apply, an empty DummyX509KeyManager), holds no private key entry, or only keys of other types or from CAs the server does not name. For a server, it has no certificate for this handshake.",
		Fix:         "Check what the key store holds (a PrivateKeyEntry with its chain), and that the program really loads it:\n  keytool -list -v -keystore client.p12\n  java -Djavax.net.debug=ssl:handshake:keymanager -jar app.jar",
		Confirm:     "keytool -list -keystore client.p12",
	},
	// testssl.sh given --starttls without the service's port.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"couldn't establish starttls via"},
		Title:       "testssl.sh could not start TLS with STARTTLS on that port",
		Explanation: "testssl.sh spoke the protocol named by --starttls (smtp, imap, ftp...) and did not get to TLS. Most often the port is wrong: without a port in the target, testssl.sh connects to 443, where nothing speaks SMTP; otherwise the service does not offer STARTTLS on that port (465 and 993 speak TLS at once, without STARTTLS), or a firewall is in between.",
		Fix:         "Give the service's port with the host:\n  ./testssl.sh --starttls smtp mail.example.com:25\n  ./testssl.sh mail.example.com:465",
		Confirm:     "openssl s_client -connect mail.example.com:25 -starttls smtp </dev/null",
	},
	// testssl.sh's own openssl failing its first connection.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"cannot connect to"},
		Within:      []string{"your /", "your ./", "your openssl"},
		Title:       "testssl.sh's openssl could not connect to the host",
		Explanation: "testssl.sh tries the host with the openssl it uses before scanning. Causes: the host is not reachable on that port from here; it needs a protocol that openssl lacks (a TLS 1.3-only server against an openssl without TLS 1.3, an old SSL-only server against a current one); or a testssl.sh release misjudged the host (some mistook TLS 1.3-only hosts so, fixed in later releases).",
		Fix:         "Try a connection by hand, then use a current testssl.sh (with its bundled openssl, or another one given with --openssl):\n  openssl s_client -connect host:443 -servername host </dev/null",
		Confirm:     "openssl s_client -connect host:443 -servername host -tls1_3 </dev/null",
	},
	// Qualys SSL Labs unable to finish its scan: most often a block, not TLS.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"assessment failed: unable to connect to the server", "assessment failed: no secure protocols supported"},
		Title:       "SSL Labs could not connect to the server, or complete a handshake with it",
		Explanation: "SSL Labs scans from the internet, from its own addresses (64.41.200.0/24), and opens many connections, some of them attack tests. When browsers can use the site, the scanner is being blocked: an intrusion prevention system, a WAF, fail2ban, mod_evasive or a rate limit (often banning the scanner's address after an earlier scan), or blocking by country; a scan that stops part-way points to such a block, not to TLS. Otherwise the name does not resolve publicly to the server, the port is closed to the internet, the name sent leads to no site (a server that needs SNI for a name it does not serve), or the server speaks only SSL 2 or 3, or plain HTTP, on the port.",
		Fix:         "Check the server from outside your network, then look for SSL Labs' addresses among the bans and lift them, or allow 64.41.200.0/24 through the IDS, WAF or rate limit for the scan:\n  curl -sv https://host/ -o /dev/null\n  fail2ban-client banned\n  fail2ban-client unban 64.41.200.103",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null",
	},
	// SSL Labs listing a path through an intermediate it had to fetch.
	{
		ID: RoutineLine, Kind: "client", Side: "client", Level: infoLevel, Within: []string{"path", "\t"},
		Match:       []string{"extra download"},
		Title:       "SSL Labs: a certification path uses an intermediate the server does not send (usually harmless)",
		Explanation: "SSL Labs lists every path from the server's certificate to a root it knows; Extra download marks a certificate it fetched itself (by the AIA URL) because the server did not send it. A second path that needs one is normal with cross-signed roots (such as Let's Encrypt's chains in 2016-2021). It matters only for the first path: if that one needs an extra download, the server's chain is incomplete and clients that do not fetch intermediates fail.",
		Fix:         "Check that the chain the server sends is complete for its main path (nginx: the full chain in ssl_certificate):\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null",
		Confirm:     serverVerdictConfirm,
	},
	// Checkers that report a chain expired while clients accept it.
	{
		ID: ServerCertExpired, Kind: "client", Side: "client",
		Match:       []string{"chain of trust: not ok (expired)", "the ssl certificate on your site has expired", "not ok (expired)"},
		Title:       "The checker says the certificate or its chain has expired",
		Explanation: "The checker built a chain to a root and found a certificate in it past its date. Either the server's certificate really expired (or the server still serves the old one after a renewal), or the checker chose a path through an expired root: after 30 September 2021 Let's Encrypt's default chain went on through the cross-sign by DST Root CA X3, which had expired, and checkers with an old trust store or on OpenSSL 1.0.x (older testssl.sh and checkers' releases) called such sites expired while current clients took the path to ISRG Root X1.",
		Fix:         "See the dates of what the server sends; if the server's certificate is valid, update the checker (or its trust store), or serve Let's Encrypt's short chain that ends at ISRG Root X1:\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null | grep -E ' s:| i:|NotAfter'",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -dates",
	},
	// check_ssl_cert comparing the host it was given with the certificate.
	{
		ID: ServerHostnameMismatch, Kind: "client", Side: "client", Within: []string{"ssl_cert"},
		Match:       []string{"invalid cn ("},
		Title:       "check_ssl_cert: the host it was given is not among the certificate's names",
		Explanation: "check_ssl_cert compares the host of -H (and of --sni or --cn) with the certificate's names. From 2.3.8 it checks -H too, so a check given an IP address in -H, with the real name only in --sni, fails though the certificate is right for that name.",
		Fix:         "Give the name in -H (with the address in --resolve or a hosts entry), or tell the plugin not to compare -H:\n  check_ssl_cert -H 192.0.2.10 --sni host.example.com \\\n    --ignore-host-cn",
		Confirm:     "openssl s_client -connect 192.0.2.10:443 -servername host.example.com </dev/null 2>/dev/null | openssl x509 -noout -subject",
	},
	// check_ssl_cert's expiry verdicts, computed by the openssl it runs.
	{
		ID: ServerCertExpired, Kind: "client", Side: "client", Within: []string{"ssl_cert"},
		Match:       []string{"is expired (was valid until"},
		Title:       "check_ssl_cert reports a certificate of the chain expired",
		Explanation: "check_ssl_cert found a certificate of the chain past its date: the server's own (not renewed, or renewed and not reloaded), or an intermediate or cross-signed root it still sends. When the dates it prints are in the future (a negative number of days), the plugin misread them: it computes with the system's openssl, and an old one (OpenSSL 1.0.2, as on CentOS 7) gives wrong results with current releases of the plugin.",
		Fix:         "Check the dates yourself; if they are valid, point the plugin at a current openssl:\n  openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -dates\n  check_ssl_cert -H host --openssl /opt/openssl-1.1/bin/openssl",
		Confirm:     "openssl version",
	},
	// A server asking for a client certificate after a TLS 1.3 handshake
	// from a client that did not offer post-handshake authentication.
	{
		ID: NoClientCert, Kind: "client", Side: "server", Within: []string{"ssl_verify_client_post_handshake", "post_handshake"},
		Match:       []string{"extension not received"},
		Title:       "The server asked for a client certificate after the TLS 1.3 handshake; the client does not allow that",
		Explanation: "Over TLS 1.3 a server can ask for a client certificate only in the first handshake, or later if the client offered post-handshake authentication (the post_handshake_auth extension). This client did not: browsers, curl, Go, Java and most libraries never do, and OpenSSL-based ones (Python, Ruby) only when told. A server that asks per URL (Apache's SSLVerifyClient inside <Location>, openssl s_server's c command, an application calling SSL_verify_client_post_handshake) fails so.",
		Fix:         "Ask for the client certificate in the first handshake (Apache: SSLVerifyClient in the <VirtualHost>, not in a <Location>), or turn post-handshake authentication on in the client (Python: ctx.post_handshake_auth = True), or keep that service on TLS 1.2; then check with a client that sends its certificate:\n  curl -v --cert client.crt --key client.key https://host/",
		Confirm:     "openssl s_client -connect host:443 -cert client.crt -key client.key </dev/null",
	},
	// FortiGate's deep inspection re-signing with its untrusted CA.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client", Within: []string{"ssl-anomaly", "fortinet", "logid="},
		Match:       []string{"resign-as-untrusted", "ssl-anomaly"},
		Title:       "The firewall's TLS inspection judged the server's certificate and blocked it or re-signed it as untrusted",
		Explanation: "A FortiGate (or FortiSASE) doing deep inspection is the TLS client of the real server: it checks the server's chain against its own CA store and its inspection profile's rules, and logs an ssl-anomaly when that fails (msg= and the action say what): for a private CA it does not hold, a server that does not send its intermediate, or a self-signed certificate, it hands the client a copy signed by its untrusted CA (Fortinet_CA_Untrusted), which clients refuse on purpose; for an expired, revoked or otherwise invalid certificate its profile blocks the session by default. Other inspecting proxies behave the same way.",
		Fix:         "Check the server's chain from a machine outside the inspection, then import its CA into the firewall's CA store (or exempt the site from deep inspection):\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null",
		Confirm:     serverVerdictConfirm,
	},
	// OpenSSL signing with an RSA-PSS key restricted to one digest.
	{
		ID: HandshakeFailed, Kind: "client", Side: "server", Within: []string{"pkey_rsa_ctrl", "rsa routines"},
		Match:       []string{"digest not allowed"},
		Title:       "The RSA-PSS key may not sign with the digest OpenSSL chose",
		Explanation: "The key is an RSA-PSS key restricted to one digest (made with -pkeyopt rsa_pss_keygen_md:sha256), and OpenSSL was asked to sign with another: OpenSSL 1.1.1 before 1.1.1d picked the handshake's signature from the order of the client's list without checking the key's restriction, so clients that list SHA-512 first failed (the client sees an internal_error alert).",
		Fix:         "Update OpenSSL, or make the key without the digest restriction (a plain RSA key serves RSA-PSS signatures too):\n  openssl genpkey -algorithm RSA-PSS -pkeyopt rsa_keygen_bits:2048 -out server.key\n  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out server.key",
		Confirm:     "openssl pkey -in server.key -noout -text | head -5",
	},
	// gRPC C-core refusing a peer that did not select h2 by ALPN.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"missing selected alpn property", "protocol_not_negotiated"},
		Title:       "The client refused the server: it did not select HTTP/2 (h2) by ALPN",
		Explanation: "gRPC's core library (Python, C++, Ruby, PHP, C#'s Grpc.Core) and HTTP/2 clients such as Elixir's Mint require the server to choose h2 in the TLS handshake's ALPN (curl -v shows `ALPN: server did not agree to a protocol` then). The server did not: a Go server whose own tls.Config lacks NextProtos h2 (a listener wrapped by hand instead of grpc.Creds), or a proxy in front that ends TLS without offering h2 (Envoy, nginx or a load balancer set up for HTTP/1.1).",
		Fix:         "Make the TLS endpoint offer h2 (Go: NextProtos: []string{\"h2\"} in the server's tls.Config; Envoy: alpn_protocols: [h2]; nginx: grpc_pass behind listen ... ssl http2), and check:\n  openssl s_client -connect host:443 -servername host -alpn h2 </dev/null | grep ALPN",
		Confirm:     "openssl s_client -connect host:443 -servername host -alpn h2 </dev/null 2>/dev/null | grep ALPN",
	},
	// Kestrel on macOS before .NET could do server-side ALPN there.
	{
		ID: StartupFailed, Kind: "client", Side: "server",
		Match:       []string{"http/2 over tls is not supported on osx due to missing alpn support", "http/2 over tls was not negotiated on an http/2-only endpoint"},
		Title:       "Kestrel could not serve HTTP/2 over TLS: no ALPN agreed on h2",
		Explanation: "An endpoint set to HTTP/2 only needs the TLS handshake to agree on h2 by ALPN. On macOS, .NET before 8 had no server-side ALPN (SecureTransport), so Kestrel cannot do HTTP/2 over TLS there at all (the gRPC templates hit this); elsewhere the client did not offer h2 (an HTTP/1.1 client, a proxy in front that speaks HTTP/1.1 to Kestrel).",
		Fix:         "On macOS, serve HTTP/2 without TLS for local development (Protocols = Http2 on an http:// endpoint), or update to .NET 8 or later; elsewhere allow HTTP/1.1 too (Protocols = Http1AndHttp2) or make the client use HTTP/2:\n  curl -v --http2 https://localhost:5001/",
		Confirm:     "curl -sv --http2 https://localhost:5001/ -o /dev/null",
	},
	// An HTTP/2 server sending HTTP_1_1_REQUIRED: often a client certificate
	// asked for by renegotiation, which HTTP/2 forbids.
	{
		ID: NoClientCert, Kind: "client", Side: "client",
		Match:       []string{"http_1_1_required"},
		Title:       "The server wants this request over HTTP/1.1 (HTTP_1_1_REQUIRED): most often to ask for a client certificate",
		Explanation: "The server reset the HTTP/2 stream with HTTP_1_1_REQUIRED. The usual reason is a client certificate asked for only on some paths: IIS (http.sys) and Apache ask for it by renegotiating the connection, which HTTP/2 forbids, so they tell the client to retry over HTTP/1.1. Clients that do not retry (.NET's HttpClient through a proxy such as YARP, curl releases with a bug in that retry) fail.",
		Fix:         "Send that request over HTTP/1.1 (.NET: request.Version = HttpVersion.Version11 with VersionPolicy RequestVersionExact; curl: --http1.1), or have the server ask for the client certificate in the first handshake (IIS: negotiateClientCert on the binding):\n  netsh http update sslcert ipport=0.0.0.0:443 certhash=HASH \\\n    appid={APPID} clientcertnegotiation=enable\n  curl --http1.1 --cert client.crt --key client.key https://host/",
		Confirm:     "curl -v --http1.1 --cert client.crt --key client.key https://host/",
	},
	// curl's HTTP/2 stream reset.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client", Within: []string{"curl"},
		Match:       []string{"http/2 stream", "was reset"},
		Title:       "The server (or a proxy) reset curl's HTTP/2 stream",
		Explanation: "The connection and its TLS are fine; the server or something in front of it ended this one request. With client certificates the usual cause is a server that asks for the certificate only on some paths by renegotiation (IIS, Apache), which HTTP/2 forbids: it answers HTTP_1_1_REQUIRED, and some curl releases did not retry over HTTP/1.1 as they should. Otherwise a proxy or WAF that refused the request, or a server that closes streams it cannot serve.",
		Fix:         "Try the same request over HTTP/1.1, and with a current curl:\n  curl -v --http1.1 https://host/path\nIf HTTP/1.1 works and the path asks for a client certificate, give it (--cert, --key) or have the server ask in the first handshake.",
		Confirm:     "curl -v --http1.1 https://host/path -o /dev/null",
	},
	// A CDN answering with its default certificate.
	{
		ID: ServerHostnameMismatch, Kind: "client", Side: "client",
		Match:       []string{"default.ssl.fastly.net", "a.sni.fastly.net", "a.ssl.fastly.net", "sni.cloudflaressl.com", "*.cloudfront.net", "default.ssl.akamai"},
		Title:       "The CDN answered with its own default certificate: it has none for this name",
		Explanation: "A CDN serves its default certificate (for its own names) when the name the client asked for has no certificate on that edge: the name is not set up on the CDN service (or its certificate is still being issued), or DNS points the name at another endpoint of the CDN than the one where it is configured (an old CNAME after a move to new TLS settings, or, for a public service that works for others, a DNS fault on the provider's side that passes by itself). Browsers then report a name mismatch.",
		Fix:         "Check where the name points and that the CDN service lists the name with a certificate:\n  dig +short www.example.com CNAME\n  openssl s_client -connect www.example.com:443 -servername www.example.com </dev/null 2>/dev/null | openssl x509 -noout -subject",
		Confirm:     "openssl s_client -connect www.example.com:443 -servername www.example.com </dev/null 2>/dev/null | openssl x509 -noout -subject",
	},
	// Firefox's HSTS page: the certificate was refused, and HSTS forbids an
	// exception.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"has a security policy called http strict transport security (hsts)", "you can't add an exception to visit this site"},
		Title:       "Firefox refused the site's certificate, and HSTS forbids an exception",
		Explanation: "HSTS only takes away the button to proceed; something refused the certificate first. Most often, when other browsers work: antivirus or a filtering program (AdGuard, Kaspersky, Avast, ESET) or a corporate proxy re-signs HTTPS with its own root, which Windows trusts and Firefox, with its own store, does not; otherwise a certificate that is expired, for another name, or from a CA Firefox does not trust.",
		Fix:         "See who issued the certificate Firefox gets (the error page's details, or from the same machine); for an antivirus's or proxy's root, let Firefox use the system's roots (about:config, security.enterprise_roots.enabled = true) or turn the program's HTTPS filtering off:\n  openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -issuer",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -issuer -dates",
	},
	// grpc-go's server when the client left before HTTP/2 began.
	{
		ID: HandshakeFailed, Kind: "client", Side: "server",
		Match:       []string{"failed to receive the preface from client"},
		Title:       "The gRPC server got no HTTP/2 preface: the client left, most often after refusing the server's certificate",
		Explanation: "grpc-go's server accepted the connection, and the client closed it before sending HTTP/2's preface. With TLS that is most often the client refusing the server's certificate after the handshake: gRPC clients check the name they dialled (localhost, an IP address, a service name) against the certificate's subjectAltName, and a certificate with the name only in its CN, or another name, fails there (the client's own log says so); or the client does not trust its CA. A health check or a port scan that only opens the TCP connection ends the same way.",
		Fix:         "Read the client's error, and check the names of the server's certificate against the address the client dials (a client can send another name: Python's grpc.ssl_target_name_override, grpcurl -authority):\n  openssl x509 -noout -text -in server.crt | grep -A1 'Subject Alternative Name'",
		Confirm:     "grpcurl -cacert ca.crt host:443 list",
	},
	// gRPC's core library as a server: no certificate for the name asked.
	{
		ID: HandshakeFailed, Kind: "client", Side: "server",
		Match:       []string{"no match found for server name"},
		Title:       "The gRPC server has no certificate for the name the client sent (SNI)",
		Explanation: "gRPC's core library, serving several certificates chosen by name, found none for the name the client asked for. The client sent another name than the service's: it reached the server through a tunnel or port-forward (localhost), by IP address, or by an internal name, and sent that as its authority.",
		Fix:         "Have the client send the service's real name as its authority (grpcurl -authority; Python: grpc.ssl_target_name_override; Go: tls.Config ServerName), or give the server a certificate for the name used:\n  grpcurl -authority api.example.com -cacert ca.crt \\\n    localhost:8443 list",
		Confirm:     "openssl s_client -connect localhost:8443 -servername api.example.com </dev/null 2>/dev/null | openssl x509 -noout -subject",
	},
	// mosquitto's command-line clients unable to use their TLS files.
	{
		ID: CertLoadFailed, Kind: "client", Side: "client",
		Match:       []string{"problem setting tls options"},
		Title:       "mosquitto_pub or mosquitto_sub could not load its TLS files",
		Explanation: "The client could not use the files of --cafile, --capath, --cert or --key: a wrong path or a file it may not read, a key that does not belong to the certificate or is encrypted, or (mosquitto installed as a snap) a path outside the directories its confinement allows: the snap can read only ~/snap/mosquitto/common and /var/snap/mosquitto/common.",
		Fix:         "Check that the files exist, can be read and match; for the snap, copy them under its common directory:\n  cp ca.crt client.crt client.key ~/snap/mosquitto/common/\n  mosquitto_pub -h broker -p 8883 -t t -m x \\\n    --cafile ~/snap/mosquitto/common/ca.crt",
		Confirm:     "openssl x509 -noout -subject -in ca.crt",
	},
	// Qt's words for verify result 20 (QSslError::UnableToGetLocalIssuerCertificate).
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"the issuer certificate of a locally looked up certificate could not be found"},
		Title:       "The Qt program could not find the issuer of the server's certificate",
		Explanation: "A program built on Qt (the Nextcloud and ownCloud desktop clients, KDE programs, Qt apps on Windows and macOS) could not find the CA that issued the server's certificate among the ones it trusts. Three causes cover most cases: a firewall or antivirus doing TLS inspection replaced the certificate with one from its own CA (the issuer then names the firewall: Fortinet, Sophos, Zscaler, a FortiGate serial), which this machine does not trust; a private CA not in the system's store; or a server that does not send its intermediate.",
		Fix:         "See who issued the certificate this machine gets; a firewall's or antivirus's CA goes into the system's trusted roots (or the site is exempted from inspection), a private CA likewise, and a missing intermediate goes into the server's chain:\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null | grep -E ' s:| i:'",
		Confirm:     serverVerdictConfirm,
	},
	// openssl s_client when the server sent no certificate.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"no peer certificate available"},
		Title:       "The server sent no certificate (s_client)",
		Explanation: "s_client finished, or gave up on, the handshake without a server certificate. The lines above it say which: an alert or error means the handshake failed first (no shared version or cipher, a client certificate required, a name the server does not serve); `Cipher is (NONE)` with no error means the server closed without one: it has no certificate it can use for this connection, such as a key type the server or appliance does not support (after an ACME client changed its default key algorithm, say), or none for the name sent (SNI); no bytes at all means the port does not speak TLS.",
		Fix:         "Connect again with the name, and read the lines before this one; then check the key type of the certificate the server is given:\n  openssl s_client -connect host:443 -servername host </dev/null\n  openssl pkey -in server.key -noout -text | head -1",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -subject",
	},
	// rustls (and others) finding no signature scheme in common.
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"no overlapping sigschemes"},
		Title:       "The two sides share no signature scheme for the certificate's key",
		Explanation: "rustls found no signature scheme that the other side offers and the certificate's key can make. Most often the key type is one the peer does not take: a server with an Ed25519 (or Ed448) certificate meets browsers, which offer no Ed25519 in TLS, and most mobile clients; an RSA-PSS-only key meets a client that offers only PKCS#1; or a client certificate's key is one the server does not list.",
		Fix:         "Give the server a certificate with a key every client takes, ECDSA P-256 or RSA:\n  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout server.key -out server.crt -days 365 -subj '/CN=host' -addext subjectAltName=DNS:host",
		Confirm:     "openssl x509 -noout -text -in server.crt | grep 'Public Key Algorithm'",
	},
	// Chrome cancelling a wss:// connection.
	{
		ID: NoClientCert, Kind: "client", Side: "client",
		Match:       []string{"websocket opening handshake was canceled", "websocket opening handshake was cancelled"},
		Title:       "Chrome cancelled the WebSocket handshake: it could not ask about the certificate",
		Explanation: "Chrome opens wss:// connections without a page of their own, so it cannot show a dialog for them: when the server asks for a client certificate, Chrome cannot let the user choose one and cancels; when the server's certificate is not trusted (a self-signed certificate on the WebSocket's own port), it cannot show the warning page either. Firefox and Safari may connect where Chrome fails.",
		Fix:         "Open https://host:port/ (the WebSocket's address) in a tab first, to choose the certificate or accept the server's, or have Chrome pick the certificate by policy (AutoSelectCertificateForUrls); better, do not ask for client certificates on the WebSocket's endpoint, and give it a trusted certificate:\n  openssl s_client -connect host:6001 -servername host </dev/null 2>/dev/null | grep -E 'Verify return code|Acceptable client'",
		Confirm:     "openssl s_client -connect host:6001 -servername host </dev/null 2>/dev/null | grep 'Verify return code'",
	},
	// Android's network security configuration pins.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"pin verification failed"},
		Title:       "The Android app's pinned keys do not match the server's chain (network_security_config)",
		Explanation: "Android (7 and later) checks the <pin-set> of the app's network_security_config.xml for the server's domain: none of the chain's public keys matched the pins. The server's key or its CA changed (a renewal with a new key, a move to another CA), the pins were for another server, or an intercepting proxy is in between; a pin-set left in the file from an example or an old server fails every connection.",
		Fix:         "Compute the pin of the key the server now uses, and put it (with a backup pin) in the pin-set, or remove a pin-set that should not be there:\n  openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -issuer -dates",
	},
	// Apple's URL loading: a cancelled request, often by a pinning check.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client", Level: infoLevel,
		Match:       []string{"nsurlerrordomain code=-999"},
		Title:       "The request was cancelled (NSURLErrorCancelled): by the app, or by its certificate pinning",
		Explanation: "-999 means the request was cancelled, not that the network failed. The app may have cancelled it itself (a newer request replaced it, a screen closed); when it fails every time against one host, a certificate-pinning check is the usual cause: TrustKit, Alamofire's ServerTrustManager or the app's own URLSession delegate cancels the authentication challenge when the server's keys do not match its pins (after a renewal with a new key, a move to another CA, an intercepting proxy).",
		Fix:         "Compare the server's key with the app's pins:\n  openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64\nand update the pins (with a backup pin) in the app.",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -issuer -dates",
	},
	// SELinux's audit line for a certificate or key a service may not read.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server", Within: []string{".crt", ".pem", ".key", "cert", "ssl", "tls"},
		Match:       []string{"avc:  denied", "avc: denied"},
		Title:       "SELinux kept the service from its certificate or key file",
		Explanation: "The kernel's audit log records SELinux refusing the process (comm=, with its domain in scontext) access to the file (path=, with its label in tcontext), whatever the file's mode. The file carries a label the service's policy does not allow: it was made or copied in /tmp or a home directory, or labelled for another service (httpd_config_t read by a mail or database server), or it lives in a directory the policy knows nothing of.",
		Fix:         "Put certificates where the policy expects them (/etc/pki/tls/certs, /etc/pki/tls/private) and restore their labels, or label a directory of your own for the service's type:\n  restorecon -Rv /etc/pki/tls\n  semanage fcontext -a -t cert_t '/srv/certs(/.*)?'\n  restorecon -Rv /srv/certs",
		Confirm:     "ls -Z /etc/pki/tls/certs /etc/pki/tls/private",
	},
	// AppArmor's denial of a TLS file.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server", Within: []string{".crt", ".pem", ".key", "cert", "ssl", "tls"},
		Match:       []string{"apparmor=\"denied\""},
		Title:       "AppArmor kept the program from its certificate or key file",
		Explanation: "The program's AppArmor profile (profile=) has no rule for the file (name=), so the open was refused whatever the file's mode: a certificate kept outside the paths the profile lists (a home directory, a hidden directory, a custom /srv path), or a snap, whose profile allows only its own directories.",
		Fix:         "Move the file to a path the profile allows, or add a rule for it in the profile's local override and reload it:\n  echo '/srv/certs/** r,' >> /etc/apparmor.d/local/usr.sbin.nginx\n  apparmor_parser -r /etc/apparmor.d/usr.sbin.nginx",
		Confirm:     "aa-status",
	},
	// A server that makes its own self-signed certificate and cannot write it.
	{
		ID: StartupFailed, Kind: "client", Side: "server",
		Match:       []string{"failed to generate self-signed certificate", "could not generate ssl certificate"},
		Title:       "The server could not make its self-signed certificate",
		Explanation: "The program generates its own certificate when it finds none, and could not: it may not write where it keeps it (a directory owned by root while the service runs as its own user; a systemd unit with ProtectHome=read-only or ProtectSystem=strict, which makes home directories or /etc read-only; a read-only container filesystem), or it found a certificate it may not read and took it for a missing one.",
		Fix:         "See who the service runs as and what its unit protects, then let it write its certificate directory (ReadWritePaths= in the unit, or the directory's owner):\n  systemctl show SERVICE -p User -p ProtectHome \\\n    -p ProtectSystem -p ReadWritePaths\n  ls -ld /path/to/certs",
		Confirm:     "systemctl status SERVICE",
	},
	// Managed databases and caches whose CA the provider rotated.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Within:      []string{"rds.amazonaws.com", ".database.azure.com", ".redis.cache.windows.net", "cloudsql", "cloud sql", ".docdb.amazonaws.com", "db.ondigitalocean.com", "rds-ca-"},
		Match:       []string{"certificate verify failed", "certificate signed by unknown authority", "self signed certificate in certificate chain", "self-signed certificate in certificate chain", "pkix path building failed", "unable to get local issuer certificate", "unable to find valid certification path"},
		Title:       "The client does not trust the managed database's CA: the provider's CA file it was given is missing or an old one",
		Explanation: "Managed databases present certificates from the provider's own CA, which no system store holds (AWS RDS and DocumentDB, Cloud SQL, DigitalOcean), or from a public root the provider changes (Azure), and the providers rotate them: AWS RDS and Aurora from rds-ca-2019 to rds-ca-rsa2048-g1 (one global-bundle.pem holds them all), Azure Database for PostgreSQL and MySQL from Baltimore CyberTrust Root to DigiCert Global Root G2, Cloud SQL's per-instance server CA, DigitalOcean's per-cluster CA. The client was given no CA file (sslrootcert, ssl-ca, a JDBC trust store, a driver's ca option), or the file of the previous CA.",
		Fix:         "Download the provider's current CA bundle and give it to the client (for RDS, the global bundle):\n  curl -sO https://truststore.pki.rds.amazonaws.com/global/global-bundle.pem\n  psql \"host=HOST sslmode=verify-full sslrootcert=global-bundle.pem\"",
		Confirm:     "openssl s_client -connect HOST:5432 -starttls postgres -CAfile global-bundle.pem </dev/null 2>/dev/null | grep 'Verify return code'",
	},
	// Puma's TLS listener failing on what it was sent.
	{
		ID: PlainHTTP, Kind: "client", Side: "server", Without: []string{"ssl routines"},
		Match:       []string{"puma::minissl::sslerror"},
		Title:       "Puma's TLS listener could not handle a connection: most often plain HTTP from a proxy",
		Explanation: "Puma (its MiniSSL layer) failed on a connection to its ssl:// bind. Most often the reverse proxy in front sends plain HTTP to that port (proxy_pass http:// to Puma's TLS port); Puma releases of 2019-2020 with OpenSSL 1.1.1 turned such a connection into this error in the reactor loop and then timed out other requests. A client that refuses Puma's certificate ends here too.",
		Fix:         "Let the proxy speak the bind's protocol: https:// to an ssl:// bind, or (the usual setup) plain HTTP to a tcp:// bind when the proxy ends TLS; and upgrade Puma:\n  proxy_pass https://127.0.0.1:9292;\n  bind 'tcp://127.0.0.1:9292'",
		Confirm:     "curl -vk https://127.0.0.1:9292/ -o /dev/null",
	},
	// Perl's IO::Socket::SSL checking the name it was given.
	{
		ID: ServerHostnameMismatch, Kind: "client", Side: "client",
		Match:       []string{"local error: hostname verification failed", "ssl upgrade failed: hostname verification failed"},
		Title:       "Perl's IO::Socket::SSL found the server's certificate not valid for the name it checked",
		Explanation: "IO::Socket::SSL checks the host name against the server's certificate, and the name it had was not in it. Often the module that opened the connection passed no host name, so the IP address was checked (Net::SMTPS does so; IO::Socket::SSL 2.078 and later check an IP address against the certificate too, where earlier releases let it pass), or the program connects by an alias or address the certificate does not carry.",
		Fix:         "Connect by a name the certificate carries, and use a module that passes it (core Net::SMTP with starttls, which sets SSL_hostname), or pass SSL_verifycn_name and SSL_hostname yourself:\n  openssl s_client -connect smtp.example.com:587 -starttls smtp </dev/null 2>/dev/null | openssl x509 -noout -text | grep -A1 'Subject Alternative Name'",
		Confirm:     "openssl s_client -connect smtp.example.com:587 -starttls smtp </dev/null 2>/dev/null | openssl x509 -noout -subject",
	},
	// BusyBox's wget without TLS, or with its small TLS client.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client", Within: []string{"https", "connection reset by peer"},
		Match:       []string{"wget: error getting response"},
		Title:       "BusyBox's wget got no answer over https: its build may have no TLS at all",
		Explanation: "BusyBox's wget speaks https only when built with its TLS client (or an ssl_client or openssl helper it runs); a build without one (old or minimal images, Android builds) sends plain HTTP to port 443, and the server resets the connection. A build with the small built-in TLS client may also be refused by servers that want what it lacks.",
		Fix:         "Use curl or GNU wget, or a BusyBox built with TLS (a current image); in Alpine:\n  apk add --no-cache ca-certificates wget\n  busybox wget --help 2>&1 | head -1",
		Confirm:     "busybox | head -1",
	},
	{
		ID: TLSAlert, Kind: "client", Side: "client",
		Match:       []string{"ssl_client: tls error from peer"},
		Title:       "The server refused BusyBox's built-in TLS client (ssl_client)",
		Explanation: "BusyBox's own TLS client (used by its wget, and busybox-w32's) implements a small part of TLS, and the server ended the handshake with the alert the line names: older releases left out extensions (signature_algorithms, SNI) or cipher suites that current servers require, and some servers answer that with internal_error (80) or handshake_failure (40).",
		Fix:         "Update BusyBox (later releases fixed several such gaps), or fetch from that server with a client built on OpenSSL, as below:\n  curl -fsSLO https://host/file",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null",
	},
	// fetchmail without certificate checks.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"the connection is insecure, continuing anyways"},
		Title:       "fetchmail could not verify the mail server's certificate and carried on without checking it",
		Explanation: "fetchmail checked the server's certificate, failed (the line before says why: no local issuer, a name mismatch, an expired certificate), and because sslcertck is off it continued over an unverified connection, open to interception. Configurations generated by mail suites often leave sslcertck off.",
		Fix:         "Turn certificate checks on and give fetchmail the CAs (the system's directory, or the server's CA):\n  poll mail.example.com with proto IMAP\n    user 'u' there with password 'p'\n    ssl sslcertck sslcertpath /etc/ssl/certs",
		Confirm:     "openssl s_client -connect mail.example.com:993 -servername mail.example.com </dev/null 2>/dev/null | grep 'Verify return code'",
	},
	// msmtp (GnuTLS) checking the server's name.
	{
		ID: ServerHostnameMismatch, Kind: "client", Side: "client",
		Match:       []string{"the certificate owner does not match hostname", "tls certificate verification failed: the certificate owner does not"},
		Title:       "msmtp: the mail server's certificate is not for the host name in its configuration",
		Explanation: "msmtp compared the host of its account (msmtprc's host) with the server's certificate and found no match: the certificate is for another name of the service (smtp.gmail.com for smtp.googlemail.com), the host is an IP address or an alias, or the name leads to another server than intended (a hosts-file entry, another address family).",
		Fix:         "Use the name the certificate carries as host in msmtprc (and remove hosts-file overrides for it):\n  openssl s_client -connect smtp.example.com:587 -starttls smtp </dev/null 2>/dev/null | openssl x509 -noout -subject",
		Confirm:     "msmtp --serverinfo --tls --tls-starttls --host=smtp.example.com --port=587",
	},
	// A program handing GnuTLS a priority string it does not know.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"gnutls_priority_set_direct("},
		Title:       "The program gave GnuTLS a priority string this GnuTLS does not accept",
		Explanation: "gnutls_priority_set_direct refused the cipher and version settings the program passed (shown in the parentheses), so no TLS connection is made: a keyword this GnuTLS release does not know (@SYSTEM needs a GnuTLS built with system-wide policy support; older ones, as on RHEL 7, refuse it), or a typo in the program's cipher option.",
		Fix:         "Set the program's cipher option to a string this GnuTLS takes (NeoMutt: ssl_ciphers; NORMAL is always known), or update the program; test a string with:\n  gnutls-cli --priority NORMAL -l | head",
		Confirm:     "gnutls-cli --version",
	},
	// An SMTP server that offers no STARTTLS to a client that insists.
	{
		ID: PlainHTTP, Kind: "client", Side: "client", Within: []string{"502", "smtp"},
		Match:       []string{"tls not supported"},
		Title:       "The mail server does not offer STARTTLS, and the client insists on TLS",
		Explanation: "The client sent STARTTLS and the server refused it (502): this server, or this port, speaks no TLS. The client insists because it is told to, or by its defaults: NeoMutt's ssl_force_tls became yes by default in 2021, so a local plain-text bridge (ProtonMail's, Davmail's) now fails; other clients' require TLS settings do the same.",
		Fix:         "Use the port where the server offers TLS (587 with STARTTLS, 465), or, for a local bridge on 127.0.0.1, allow plain text for that account (in NeoMutt, ssl_force_tls set to no). See what the server offers:\n  openssl s_client -connect mail.example.com:587 -starttls smtp </dev/null",
		Confirm:     "openssl s_client -connect mail.example.com:587 -starttls smtp </dev/null",
	},
	// SMTP servers requiring STARTTLS from a client that did not start it.
	{
		ID: PlainHTTP, Kind: "client", Side: "client",
		Match:       []string{"must issue a starttls command first"},
		Title:       "The mail server requires STARTTLS, and the client sent mail without it",
		Explanation: "The SMTP server accepts mail on this port only over TLS started with STARTTLS, and the client went on in plain text: its TLS option is off (JavaMail: mail.smtp.starttls.enable), or an application's mail settings do not reach the mail session it really uses (Confluence and Jira: a JNDI mail session with its own properties).",
		Fix:         "Turn STARTTLS on in the client (JavaMail properties below; other clients: their STARTTLS or TLS option) and restart it:\n  mail.smtp.starttls.enable=true\n  mail.smtp.starttls.required=true",
		Confirm:     "openssl s_client -connect mail.example.com:587 -starttls smtp </dev/null",
	},
	// wget unable to set up its TLS library.
	{
		ID: StartupFailed, Kind: "client", Side: "client",
		Match:       []string{"disabling ssl due to encountered errors"},
		Title:       "wget could not set up its TLS library, so it cannot fetch https URLs",
		Explanation: "GNU wget failed to initialise OpenSSL or GnuTLS before connecting: the TLS library does not match the one wget was built against (a partial upgrade, as on Termux or after mixing repositories), its CA directory or file (ca_directory, ca_certificate) is missing or unreadable, or an openssl.cnf it reads is broken.",
		Fix:         "Upgrade wget and its TLS library together, then see the reason wget gives with:\n  pkg upgrade\n  wget --debug https://example.com/ 2>&1 | head -20",
		Confirm:     "wget --version | head -3",
	},
	// Go's name constraints check.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"is not authorized to sign for this name", "is not authorized to sign in this domain"},
		Title:       "The CA's name constraints do not allow the certificate's name",
		Explanation: "A CA in the chain carries name constraints (the names it may issue for), and the certificate's name is outside them: a private or organisation CA limited to its own domains (permitted subtrees) that issued for another name, a missing or excluded IP range, or constraints written wrongly when the CA was made. Old verifiers also misjudged constrained chains: Go before 1.10 refused them whenever no host name was being checked.",
		Fix:         "See the constraints and the names, then reissue the certificate for a name the CA may sign, or the CA with the constraints it needs:\n  openssl x509 -noout -text -in ca.crt | grep -A4 'Name Constraints'\n  openssl x509 -noout -text -in server.crt | grep -A1 'Subject Alternative Name'",
		Confirm:     "openssl verify -CAfile ca.crt server.crt",
	},
	// Go's parser refusing large policy OIDs (Microsoft AD CS certificates).
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"x509: invalid certificate policies"},
		Title:       "Go could not parse the certificate's policies (an OID too large for this Go)",
		Explanation: "Go 1.17 to 1.21 refuse a certificate whose certificatePolicies hold an object identifier with a component too large for their parser; Microsoft Active Directory Certificate Services puts such OIDs in the certificates it issues, so Go programs connecting to LDAPS, WinRM or internal sites fail while other clients accept them. Go 1.22 and later parse them.",
		Fix:         "Update the program to one built with Go 1.22 or later, or reissue the certificate from a template without those policy OIDs; see them with:\n  openssl x509 -noout -text -in server.crt | grep -A3 'Certificate Policies'",
		Confirm:     "openssl x509 -noout -text -in server.crt | grep -A3 'Certificate Policies'",
	},
	// FreeSWITCH's DTLS-SRTP handshake with browsers.
	{
		ID: HandshakeFailed, Kind: "client", Within: []string{"handshake failure"},
		Match:       []string{"switch_rtp.c"},
		Title:       "FreeSWITCH's DTLS handshake with the browser failed",
		Explanation: "WebRTC media (DTLS-SRTP) needs a DTLS handshake between FreeSWITCH and the browser. The usual causes: FreeSWITCH built on OpenSSL 1.0.1 or older, which has no DTLS 1.2, which Chrome 85 and later require; or its generated dtls-srtp.pem made with parameters the browser refuses (an old RSA key, a long-lived certificate).",
		Fix:         "Build FreeSWITCH against OpenSSL 1.0.2 or later, then remove the generated DTLS certificate so it is made again, and restart:\n  openssl version\n  rm /etc/freeswitch/tls/dtls-srtp.pem",
		Confirm:     "openssl version",
	},
	// Prosody's HTTPS port without a certificate.
	{
		ID: StartupFailed, Kind: "client", Side: "server",
		Match:       []string{"no certificate present in ssl/tls configuration for"},
		Title:       "Prosody has no certificate for its HTTPS (or other TLS) port",
		Explanation: "Prosody could not open an encrypted port because it found no certificate for it: its https port (mod_http, used by BOSH and websockets, as with Jitsi) needs https_certificate and https_key, or a certificate for the host in its certificates directory.",
		Fix:         "Import the certificate for the host, or name it for the port, then restart Prosody:\n  prosodyctl --root cert import /etc/letsencrypt/live\n  https_certificate = \"/etc/prosody/certs/meet.example.com.crt\"",
		Confirm:     "prosodyctl check certs",
	},
	// BusyBox's wget without the helper it runs for https.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"can't execute 'ssl_helper'", "can't execute 'ssl_client'", "wget: can't execute 'openssl'", "wget: not an http or ftp url: https://"},
		Title:       "BusyBox's wget has no TLS helper, so it cannot fetch https URLs",
		Explanation: "This BusyBox's wget does https by running a separate helper (ssl_helper, ssl_client in newer builds, or the openssl program in older ones), which this image or system does not have, or was built without https at all (it then calls an https:// URL not an HTTP URL): the official busybox images, router firmware and other minimal builds leave it out, so https fails whatever the server. A plain http:// URL that redirects to https:// fails the same way.",
		Fix:         "Use an image or tool with TLS (curl, or GNU wget), or add the helper; in Alpine:\n  apk add --no-cache ca-certificates wget\nOn a router (OpenWrt's packages):\n  opkg install wget-ssl",
		Confirm:     "busybox | head -1",
	},
	// Puma 3.5's ssl_bind asking for a CA it did not need.
	{
		ID: StartupFailed, Kind: "client", Side: "server",
		Match:       []string{"please specify the ssl ca via 'ca='"},
		Title:       "Puma wants a CA file because its TLS bind verifies client certificates",
		Explanation: "Puma's ssl_bind (or ssl:// URL) was set, or by default in Puma 3.5, to verify the peer (verify_mode=peer), which means asking clients for certificates and checking them against a CA, so it refuses to start without ca=. A server that does not want client certificates needs verify_mode=none; one that does needs the CA of its clients.",
		Fix:         "Say what the bind should do with client certificates (in config/puma.rb), or upgrade Puma:\n  ssl_bind '0.0.0.0', '9292', key: 'server.key', cert: 'server.crt', verify_mode: 'none'\n  ssl_bind '0.0.0.0', '9292', key: 'server.key', cert: 'server.crt', ca: 'client-ca.crt', verify_mode: 'force_peer'",
		Confirm:     "curl -vk https://127.0.0.1:9292/ -o /dev/null",
	},
	// FreeBSD's fetch (and pkg) refusing a server's certificate.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"certificate verification failed for /"},
		Title:       "fetch could not verify the server's certificate (the subject it names)",
		Explanation: "FreeBSD's fetch (used by pkg, ports and OPNsense's and pfSense's updates) refused the certificate of the server it names; Void Linux's xbps and other libfetch programs print the same. Causes: its CA is missing from the system's trust store (security/ca_root_nss, or SSL_CA_CERT_FILE; on Linux, /etc/ssl/certs and its hashed links, which a change of TLS library, such as xbps moving from LibreSSL to OpenSSL, or an OpenSSL of your own in /usr/local reading another directory, can leave unusable: reinstall ca-certificates and run update-ca-certificates), the server does not send its intermediate, or the server's certificate itself is broken (expired, for another name, self-signed); when a browser refuses the same site too, only the site's owner can fix it. A wrong clock on this machine (a dead BIOS battery) fails every chain the same way: check date -u.",
		Fix:         "See what the server sends and how it verifies from this machine:\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null\nA missing issuer on this machine means the CA bundle needs installing or updating (the ca_root_nss package); a certificate that is broken for browsers too is the site's to fix.",
		Confirm:     serverVerdictConfirm,
	},
	// A Perl program passing IO::Socket::SSL a version it does not take.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"invalid ssl_version specified"},
		Title:       "The Perl program passed IO::Socket::SSL an SSL_version it does not accept",
		Explanation: "IO::Socket::SSL refused the SSL_version the program gave, before connecting: a value written in a syntax it never supported (sendEmail 1.56 passes 'SSLv3 TLSv1'), which newer IO::Socket::SSL releases reject instead of ignoring. It is the program's bug, not the server's.",
		Fix:         "Remove the SSL_version argument from the program (its default negotiates the best version), or use a fixed release of the program; for sendEmail, patch the start_SSL call and check:\n  grep -n SSL_version /usr/bin/sendEmail",
		Confirm:     "perl -MIO::Socket::SSL -e 'print $IO::Socket::SSL::VERSION'",
	},
	// Windows PowerShell 5.1 unable to reach the PowerShell Gallery or NuGet.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client", Within: []string{"nuget.org", "powershellgallery"},
		Match:       []string{"is not valid."},
		Title:       "Windows PowerShell could not reach the package source: it does not offer TLS 1.2",
		Explanation: "PackageManagement and PowerShellGet in Windows PowerShell 5.1 say a source location is not valid when they cannot connect to it. For the PowerShell Gallery and nuget.org, which take TLS 1.2 only, the usual reason is .NET Framework's default protocols on older Windows (Server 2012 R2, 2016), which leave TLS 1.2 out.",
		Fix:         "Turn TLS 1.2 on for the session, then register the source again (for good: the SchUseStrongCrypto registry values):\n  [Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12\n  Register-PackageSource -Name nuget.org -ProviderName NuGet `\n    -Location https://www.nuget.org/api/v2",
		Confirm:     "[Net.ServicePointManager]::SecurityProtocol",
	},
	// Janus' HTTPS transport failing to start.
	{
		ID: StartupFailed, Kind: "client", Side: "server",
		Match:       []string{"couldn't start secure webserver on port"},
		Title:       "Janus could not start its HTTPS server: its certificate or key could not be loaded",
		Explanation: "The Janus HTTP transport (janus.transport.http.jcfg, secure_port) could not load the cert_pem and cert_key it was given: a path Janus may not read (a directory of another user, Let's Encrypt's root-only live/ and archive/, a snap's confinement), a key with a passphrase not given (cert_pwd), or not PEM.",
		Fix:         "Give Janus copies of the certificate and key in a directory it may read, then restart it:\n  install -m 640 -o root -g janus fullchain.pem privkey.pem /etc/janus/certs/\n  ls -l /etc/janus/certs",
		Confirm:     "openssl x509 -noout -subject -in /etc/janus/certs/fullchain.pem",
	},
	// Java reading bytes that are not a TLS record.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"unsupported record version unknown"},
		Title:       "Java read an answer that is not TLS (Unsupported record version)",
		Explanation: "JSSE read bytes where a TLS record belongs that carry no TLS version: the port answered in plain text (HTTP, or a proxy's error page), or the server, given no name, answered something else: a JVM started with -Djsse.enableSNIExtension=false sends no SNI, and services behind CDNs and shared load balancers (Slack's webhooks, cloud APIs) then do not answer with TLS.",
		Fix:         "Look for -Djsse.enableSNIExtension=false (and jsse.enableSNIExtension in the code) and remove it; then check the port speaks TLS for that name:\n  openssl s_client -connect hooks.example.com:443 -servername hooks.example.com </dev/null",
		Confirm:     "ps -ef | grep -o 'jsse.enableSNIExtension=[a-z]*'",
	},
	// Go's check of a Common Name that is not a host name.
	{
		ID: ServerHostnameMismatch, Kind: "client", Side: "client",
		Match:       []string{"x509: common name is not a valid hostname"},
		Title:       "Go does not check this certificate's Common Name as a host name, and it has no subjectAltName",
		Explanation: "The certificate names its server only in the Common Name, and that CN is not a host name (Cloud SQL's server certificates carry project:instance there), so Go (1.11 and later) refuses to match it; since Go 1.15 it ignores the CN altogether. A client of such a service must connect through the provider's connector or proxy, which checks the instance name itself, or verify it in its own code.",
		Fix:         "Use the provider's connector (Cloud SQL: the Cloud SQL Auth Proxy, or the Go connector), or a certificate with the name in subjectAltName; see what the certificate carries:\n  openssl x509 -noout -subject -text -in server-cert.pem | grep -A1 -e '^subject=' -e 'Subject Alternative Name'",
		Confirm:     "openssl x509 -noout -subject -in server-cert.pem",
	},
	// Mbed TLS refusing a certificate's extensions.
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"-0x2500", "-0x2562", "-9570", "-9472", "mbedtls_err_x509_invalid_extensions"},
		Title:       "Mbed TLS refuses the certificate's extensions",
		Explanation: "Mbed TLS could not accept the extensions of a certificate it was given or sent (MBEDTLS_ERR_X509_INVALID_EXTENSIONS, here with a lower-level ASN.1 error): most often an extension marked critical that this Mbed TLS does not implement (Name Constraints, policy constraints, a vendor's own), which it must refuse; otherwise an extension encoded wrongly or twice. OpenSSL may accept the same certificate.",
		Fix:         "See the certificate's extensions and which are critical, then reissue it (or its CA) without the unsupported critical extension, or build Mbed TLS with MBEDTLS_X509_ALLOW_UNSUPPORTED_CRITICAL_EXTENSION:\n  openssl x509 -noout -text -in cert.pem | grep -B1 -A2 critical",
		Confirm:     "openssl x509 -noout -text -in cert.pem | grep -A3 'X509v3 extensions'",
	},
	// A Kubernetes controller reading an image's manifest itself.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client", Within: []string{"taskspec", "tekton", "error getting image manifest"},
		Match:       []string{"x509: certificate signed by unknown authority"},
		Title:       "A Kubernetes controller (not the container engine) does not trust the registry's certificate",
		Explanation: "The line is a controller's, not the node's container engine's: Tekton's pipelines controller reads an image's manifest from the registry itself (to find the entrypoint of a step that gives no command), as do Knative's and Flux's image controllers, and it trusts only the CAs in its own container image. A private registry's CA that the nodes trust is not among them.",
		Fix:         "Give the controller the registry's CA (Tekton: the config-registry-cert ConfigMap in tekton-pipelines), or give the step its command so the controller need not read the image:\n  kubectl -n tekton-pipelines create configmap config-registry-cert --from-file=cert=ca.crt",
		Confirm:     "openssl s_client -connect registry.example.com:443 -servername registry.example.com -showcerts </dev/null",
	},
	// openssl req with a [req_distinguished_name] of prompts and no answers.
	{
		ID: OpenSSLCommand, Kind: "client",
		Match:       []string{"no objects specified in config file"},
		Title:       "openssl req got an empty subject (the config file's fields are prompts, not values)",
		Explanation: "The request's subject came out empty. In the config file's distinguished-name section, `countryName = Country Name` is the question openssl asks, not the answer; the answers are the *_default entries or what is typed at each prompt. With no defaults, pressing Enter at every prompt (or running with -batch) leaves every field empty, and req refuses a request without a subject. With prompt = no the same section holds the values instead.",
		Fix:         "Give the subject on the command line:\n  openssl req -new -key client.key -subj '/CN=client1/O=Example' -out client.csr\nor, in the config file, set prompt = no and write values (CN = client1) under the distinguished-name section.",
		Confirm:     "openssl req -noout -subject -in client.csr",
	},
	// s_client and s_server refusing an option's value.
	{
		ID: OpenSSLCommand, Kind: "client",
		Match:       []string{"error with command: \"-curves", "error with command: \"-groups", "error with command: \"-sigalgs", "error with command: \"-client_sigalgs", "error with command: \"-named_curve"},
		Title:       "openssl did not accept the value given to the option it names",
		Explanation: "s_client and s_server pass these options to OpenSSL's TLS settings, which take TLS names, not every name openssl knows: -curves and -groups take group names as TLS uses them (P-256 or prime256v1, P-384, X25519; not secp256r1, which `openssl ecparam -list_curves` lists but TLS knows by another name, and not curves that TLS does not use), -sigalgs takes forms such as RSA+SHA256 or ecdsa_secp256r1_sha256. A name this OpenSSL was built without is refused too. Nothing was sent to the server.",
		Fix:         "Use the TLS name:\n  openssl s_client -connect host:443 -groups P-256 </dev/null\nThe names of this OpenSSL's elliptic curves (their TLS names are P-256, P-384, P-521, X25519, X448):\n  openssl ecparam -list_curves",
		Confirm:     "openssl version",
	},
	// An application behind a TLS-ending proxy that wants the client's certificate.
	{
		ID: NoClientCert, Kind: "client", Side: "server",
		Match:       []string{"tls client certificate is not present", "client certificate is not present"},
		Title:       "The application got no client certificate (whatever ends TLS in front of it did not ask for one, or did not pass it on)",
		Explanation: "The program requires the client's certificate, and none reached it. When a reverse proxy (Apache, nginx, a load balancer) ends TLS in front of the application, the proxy must ask the client for a certificate (Apache: SSLVerifyClient; nginx: ssl_verify_client) and pass it on, in a header or through AJP, the way the application reads it; otherwise the client's certificate never arrives. Without a proxy, the client did not send one: none configured, or none issued by a CA the server lists.",
		Fix:         "Make the proxy ask for the client's certificate and pass it on (Apache, with mod_proxy_ajp or a header the application reads):\n  SSLVerifyClient require\n  SSLCACertificateFile /etc/httpd/ssl/client-ca.crt\n  SSLOptions +ExportCertData\nnginx: ssl_verify_client on, and the certificate in a header:\n  proxy_set_header X-SSL-Client-Cert $ssl_client_escaped_cert;",
		Confirm:     "curl -v --cert client.crt --key client.key https://host/",
	},
	// Apache directives that are server-wide, set inside a virtual host.
	{
		ID: StartupFailed, Kind: "client", Side: "server", Within: []string{"ssl"},
		Match:       []string{"cannot occur within <virtualhost> section"},
		Title:       "An Apache SSL directive that is server-wide stands inside a <VirtualHost>",
		Explanation: "Some of mod_ssl's directives hold for the whole server and may appear only outside every <VirtualHost> (in httpd.conf or ssl.conf at the top level): SSLSessionCache, SSLStaplingCache, SSLRandomSeed, SSLPassPhraseDialog, SSLCryptoDevice, SSLFIPS. A file of shared SSL settings included into each virtual host, as many templates do, brings one of them inside, and httpd refuses to start.",
		Fix:         "Move the directive the line names out of the <VirtualHost> (or out of the file included there) to the server's top level, once; then test the configuration:\n  apachectl configtest",
		Confirm:     "apachectl configtest",
	},
	// urllib3's warning about a certificate without subjectAltName.
	{
		ID: ServerHostnameMismatch, Kind: "client", Side: "client",
		Match:       []string{"subjectaltnamewarning"},
		Title:       "The server's certificate has no subjectAltName (urllib3 still matched the Common Name; newer versions refuse)",
		Explanation: "urllib3 1.x warns when the certificate names its host only in the Common Name: it checked the CN this time, but that fallback is gone from urllib3 2, Python's own check, browsers and Go, which then fail the hostname check. A certificate for an IP address needs the address as an IP entry of the subjectAltName.",
		Fix:         "Reissue the certificate with the names (or IP addresses) clients use in its subjectAltName:\n  subjectAltName=DNS:host.example.com,IP:10.0.0.5\nand upgrade the tool that made it if it still makes CN-only certificates.",
		Confirm:     "openssl s_client -connect host:443 </dev/null 2>/dev/null | openssl x509 -noout -text | grep -A1 'Subject Alternative'",
	},
	// Docker's swarm node certificate, expired while the swarm was down.
	{
		ID: Expired, Kind: "client", Side: "server",
		Match:       []string{"/var/lib/docker/swarm/certificates/swarm-node.crt: certificate", "error while loading tls certificate in /var/lib/docker/swarm"},
		Title:       "Docker's own swarm node certificate has expired",
		Explanation: "Each swarm node holds a certificate from the swarm's CA, valid 90 days by default and renewed by the managers while the node is part of a running swarm. A node (or a whole single-node swarm) left stopped past that date wakes up with an expired certificate, and the daemon refuses its swarm state: it is this machine's certificate, not a peer's.",
		Fix:         "On a worker, leave the swarm and join it again with a fresh token (a manager gives it with docker swarm join-token worker). A single manager whose certificate expired can only start a new swarm:\n  docker swarm leave --force\n  docker swarm init\nThe node certificates' lifetime is set with docker swarm update --cert-expiry.",
		Confirm:     "openssl x509 -noout -enddate -in /var/lib/docker/swarm/certificates/swarm-node.crt",
	},
	// step-ca refusing a provisioner token by its times.
	{
		ID: NotYetValid, Kind: "client", Side: "server",
		Match: []string{"token not valid yet (nbf)"},
		Title: stepTokenTitle, Explanation: stepTokenWhy, Fix: stepTokenFix, Confirm: "date -u",
	},
	{
		ID: NotYetValid, Kind: "client", Side: "client",
		Match: []string{"the request lacked necessary authorization to be completed"},
		Title: stepTokenTitle, Explanation: stepTokenWhy, Fix: stepTokenFix, Confirm: "date -u",
	},
	// .NET given a certificate without its private key to serve TLS.
	{
		ID: KeyLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"the server mode ssl must use a certificate with the associated private key"},
		Title:       ".NET was given a server certificate without its private key",
		Explanation: "SslStream (and Kestrel on it) can only serve a certificate whose X509Certificate2 carries its private key. A certificate loaded from a .crt or .cer file alone has none; one from the Windows store has none when its key was not imported with it or the process may not read the key. On Windows, a key loaded from PEM is ephemeral, which Schannel will not use for a server.",
		Fix:         "Load the certificate together with its key, e.g. X509Certificate2.CreateFromPemFile(\"server.crt\", \"server.key\"), and on Windows re-import it as PKCS#12 first; or give Kestrel a .pfx that holds both:\n  openssl pkcs12 -export -in server.crt -inkey server.key -out server.pfx",
		Confirm:     "openssl pkcs12 -info -nokeys -in server.pfx",
	},
	// blackbox_exporter's expiry metric.
	{
		ID: RoutineLine, Kind: "client", Level: infoLevel,
		Match:       []string{"probe_ssl_earliest_cert_expiry"},
		Title:       "probe_ssl_earliest_cert_expiry is the earliest expiry of every certificate the server sent, not the leaf's",
		Explanation: "Prometheus' blackbox_exporter sets this metric (Unix time) to the soonest notAfter among all the certificates of the chain the server sends, intermediates and cross-signed roots included. A date sooner than the server's own certificate's is an intermediate or an old cross-signed root in the served chain (a chain file not updated, an expired root left at its end). Its probe_ssl_last_chain_expiry_timestamp_seconds follows the chain clients actually verify.",
		Fix:         "List the served chain's certificates with their end dates, and drop the expired one from the server's chain file (or update the chain from the CA):\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null 2>/dev/null | grep -E ' s:| NotAfter'",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -enddate",
	},
	// Istio refusing a Gateway's certificate from another namespace.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"cross namespace secret reference requires referencegrant"},
		Title:       "Istio did not load a Gateway's certificate from another namespace (no ReferenceGrant allows it)",
		Explanation: "A Gateway API Gateway may use a TLS secret from another namespace only when a ReferenceGrant in the secret's namespace allows Gateways of the Gateway's namespace to read Secrets; without one, istiod refuses the certificate and that listener has none. Some Istio releases checked only the first of several certificateRefs against the grants, refusing the others although a grant allowed them.",
		Fix:         "Create the ReferenceGrant in the secret's namespace (from: Gateway in the Gateway's namespace; to: Secret), and upgrade Istio if the grant exists and a second certificateRef is still refused:\n  kubectl get referencegrant -A",
		Confirm:     "kubectl get referencegrant -A",
	},
	// curl on OpenSSL 3.0 printing a STORE error left from loading its CAs.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client", Own: true, Within: []string{"curl"},
		Match:       []string{"store routines::unregistered scheme"},
		Title:       "curl printed OpenSSL 3.0's leftover 'unregistered scheme' error; the handshake failed for another reason (most often the server's certificate is not trusted)",
		Explanation: "OpenSSL 3.0 (to 3.0.8 or so) leaves a STORE error on its queue while curl loads its CA locations, and curl prints the last error of that queue instead of the handshake's own reason. Where it was seen, the real failure was curl not trusting the server's certificate: a self-signed or private-CA certificate, which curl -v shows as `TLS alert, unknown CA (560)` sent by curl.",
		Fix:         "Run it with -v and read the alert and the verify result above the error; give curl the server's CA if it is private or self-signed:\n  curl -v --cacert ca.crt https://host/\nA newer OpenSSL 3 prints the real reason.",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | grep -e 'Verify return code' -e 'verify error'",
	},
	// openssl ca without its [ca] section.
	{
		ID: OpenSSLCommand, Kind: "client",
		Match:       []string{"variable lookup failed for ca::default_ca"},
		Title:       "openssl ca found no default_ca in the configuration file it read",
		Explanation: "openssl ca takes the name of its CA section from `default_ca` in the file's [ ca ] section. The file it read has none: it read the system's openssl.cnf rather than the guide's (no -config given, or OPENSSL_CONF pointing elsewhere), or the [ ca ] section sits in a file pulled in with .include, whose relative path OpenSSL resolves from the current directory (or OPENSSL_CONF_INCLUDE), not from the file that includes it.",
		Fix:         "Name the configuration file, and give .include an absolute path:\n  openssl ca -config ./openssl.cnf -in client.csr -out client.crt\nThe file needs:\n  [ ca ]\n  default_ca = CA_default",
		Confirm:     "grep -n -A1 '^\\[ *ca *\\]' openssl.cnf",
	},
	// LibreSSL's openssl (macOS's) refusing an OpenSSL option.
	{
		ID: OpenSSLCommand, Kind: "client",
		Match:       []string{"unknown option '-"},
		Title:       "This openssl is LibreSSL (as macOS's is), which lacks the option",
		Explanation: "LibreSSL's openssl writes `unknown option '-...'`. macOS's /usr/bin/openssl is LibreSSL, whose commands lack many options of OpenSSL 1.1.1 and 3 that guides use (-sigopt, -copy_extensions, -ext, -legacy, and -addext in older releases). `openssl version` says which it is.",
		Fix:         "Install OpenSSL and run its binary by its path:\n  brew install openssl@3\n  \"$(brew --prefix openssl@3)/bin/openssl\" version",
		Confirm:     "openssl version",
	},
	// libpq's default client certificate that cannot be read.
	{
		ID: CertLoadFailed, Kind: "client", Side: "client",
		Match:       []string{"/.postgresql/postgresql.crt", "/.postgresql/postgresql.key"},
		Title:       "libpq tried the default client certificate in ~/.postgresql and could not use it",
		Explanation: "With SSL on, libpq (psql, psycopg, and drivers built on it) loads ~/.postgresql/postgresql.crt and its key whenever the file exists, even when the server asks for no client certificate. A file there that the process may not read (a home directory of another user, a root-owned file mounted into a container), or a key readable by group or others, fails every connection.",
		Fix:         "Give the process's user read access (the key chmod 600 and owned by that user), or tell libpq to use none, in the connection options (Django: OPTIONS), e.g.:\n  sslcert='' sslkey=''\nor remove the files from that home directory.",
		Confirm:     "ls -l ~/.postgresql/",
	},
	// JSSE's key manager passing over a key of the wrong algorithm.
	{
		ID: KeyLoadFailed, Kind: "client",
		Match:       []string{"key algorithm does not match"},
		Title:       "Java skipped the keystore's key: its algorithm does not fit the handshake (a DSA key, most often)",
		Explanation: "JSSE's key manager looked for a key to present and passed over this alias because its key type is not one the handshake allows. Most often it is a DSA key: keytool -genkey without -keyalg made DSA keys in older JDKs, TLS 1.3 has no DSA, and recent JDKs no longer use DSA for TLS at all. Otherwise the alias holds an EC key where only RSA suites are offered, or the reverse. With no other alias, the side has no certificate to send (a server: no cipher suites in common).",
		Fix:         "Make the key again with an algorithm TLS uses, and replace the alias:\n  keytool -genkeypair -alias server -keyalg RSA -keysize 2048 -keystore server.jks\nthen have its certificate signed again.",
		Confirm:     "keytool -list -v -keystore server.jks | grep -e Alias -e 'Signature algorithm' -e 'Key Algorithm'",
	},
	// node's EPROTO without OpenSSL's reason.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client", Fallback: true,
		Match:       []string{"write eproto"},
		Title:       "node's TLS handshake failed (EPROTO), without OpenSSL's reason on the line",
		Explanation: "EPROTO is node's errno for a handshake OpenSSL ended; OpenSSL's reason usually follows on the same line (`...:SSL routines:...:alert number 40`). Without it, three causes cover most cases: 1. no TLS version or cipher in common: an old server that offers only TLS 1.0 or RC4, which current node refuses; 2. the server requires a client certificate and got none; 3. the port does not speak TLS.",
		Fix:         "See what the server offers and says:\n  openssl s_client -connect host:443 -servername host </dev/null\nand run the program with node's TLS trace:\n  NODE_DEBUG=tls,https node app.js",
		Confirm:     "openssl s_client -connect host:443 -servername host -tls1_2 </dev/null",
	},
	// Apache not knowing an SSL directive.
	{
		ID: StartupFailed, Kind: "client", Side: "server", Own: true, Within: []string{"'ssl", "'nss"},
		Match:       []string{"perhaps misspelled or defined by a module not included", "perhaps misspelled or defined"},
		Title:       "Apache does not know this SSL directive: misspelt, or its module is not loaded",
		Explanation: "httpd read a directive no loaded module defines, and refuses to start. For SSL directives: mod_ssl not loaded (a2enmod ssl, or its LoadModule line), a directive misspelt or taken from another module (SSLProxyCheckPeerName, not SSLProxyPeerName; mod_nss's NSS* directives are not mod_ssl's), or a directive of a later Apache than the one running (SSLOpenSSLConfCmd came with 2.4.8, SSLPolicy with 2.4.30 in some builds).",
		Fix:         "Check the name against mod_ssl's documentation for the running version, and that mod_ssl is loaded:\n  httpd -M | grep ssl\n  a2enmod ssl\nthen test the configuration:\n  apachectl configtest",
		Confirm:     "apachectl -v",
	},
	// Apache's SSLUsername without a value for the request.
	{
		ID: NoClientCert, Kind: "client", Side: "server", Within: []string{"ah02227", "r->user"},
		Match:       []string{"failed to set r->user to"},
		Title:       "Apache's SSLUsername names a variable that is empty for this request",
		Explanation: "SSLUsername sets the request's user from a TLS variable, most often a field of the client certificate (SSL_CLIENT_S_DN_CN). For this request it had no value: the client sent no certificate there (SSLVerifyClient none or optional where SSLUsername applies), or the certificate lacks that field. The application behind then sees no authenticated user.",
		Fix:         "Require the client certificate where SSLUsername applies, and check the field exists in the certificates; or drop SSLUsername when the application authenticates otherwise:\n  SSLVerifyClient require\n  SSLUsername SSL_CLIENT_S_DN_CN",
		Confirm:     "openssl x509 -noout -subject -in client.crt",
	},
	// Envoy refusing a listener whose TLS context lacks its certificate.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"tlscontextvalidationerror", "tlscertificatevalidationerror"},
		Title:       "Envoy refused the listener's TLS settings: a certificate or key is missing from them",
		Explanation: "The control plane (Contour, Istio, Envoy Gateway, another xDS server) sent a TLS context whose certificate chain or private key is empty, and Envoy rejects the whole listener. Most often the Kubernetes secret it reads is incomplete: cert-manager has not issued yet (a failed challenge, a CA rate limit) and left a secret that holds only tls.key.",
		Fix:         "See whether the secret has both parts, and why the certificate was not issued:\n  kubectl get secret NAME -o jsonpath='{.data.tls\\.crt}' | base64 -d | head -n 1\n  kubectl describe certificate NAME",
		Confirm:     "kubectl get certificate -A",
	},
	// Traefik's client CA secret under the wrong key.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"the tls.ca entry is missing from secret", "entry is missing from secret"},
		Title:       "Traefik found no CA under the key it reads in the secret",
		Explanation: "Traefik reads a TLSOption's client CA from a named key of the Kubernetes secret (tls.ca in the releases that print this; later ones also take ca.crt). A secret made with another key name (ca.crt, from cert-manager or kubectl's habits) gives it none, so no client CA is loaded.",
		Fix:         "Create the secret with the key Traefik reads:\n  kubectl -n traefik create secret generic client-ca --from-file=tls.ca=ca.crt",
		Confirm:     "kubectl -n traefik get secret client-ca -o jsonpath='{.data}'",
	},
	// Istio taking a port named http on 443 for plain HTTP.
	{
		ID: HandshakeFailed, Kind: "client", Side: "server",
		Match:       []string{"specifies an http service on https only port"},
		Title:       "Istio takes a Service port named http for plain HTTP on a TLS port",
		Explanation: "Istio picks a port's protocol from its Service port name (http, https, tls, grpc) or appProtocol. A Service port 443 named http makes the sidecars treat every connection to port 443 as plain HTTP, which breaks TLS to that port, to outside hosts too, from every pod of the mesh.",
		Fix:         "Name the port for what it carries (https or tls), or set its appProtocol:\n  kubectl -n NAMESPACE edit service NAME\n  ports: - name: https  port: 443  appProtocol: https",
		Confirm:     "kubectl get svc -A -o jsonpath='{range .items[*]}{.metadata.name}{\" \"}{.spec.ports[*].name}{\"\\n\"}{end}'",
	},
	// macOS refusing a change of trust settings (mkcert -install).
	{
		ID: CertLoadFailed, Kind: "client", Side: "client",
		Match:       []string{"sectrustsettingssettrustsettings"},
		Title:       "macOS refused to change the trust settings (a locked login keychain, or no session to ask in)",
		Explanation: "Installing a root CA into macOS's trust settings (mkcert -install, security add-trusted-cert) needs the login keychain unlocked and, for the trust change, a user session that can show the password prompt: over SSH, in a build agent, or with the keychain locked, the Security framework fails with errSecInternalComponent or a similar code. Since macOS 11 (Big Sur) a change of the System keychain's trust settings needs an administrator's confirmation in the session, even for root, so a management tool or script that adds a CA unattended (a software repository's CA, an agent's) fails with the authorization canceled: such a CA goes in a configuration profile installed by MDM.",
		Fix:         "Unlock the login keychain and run the command from the user's desktop session:\n  security unlock-keychain ~/Library/Keychains/login.keychain-db\n  mkcert -install",
		Confirm:     "security show-keychain-info ~/Library/Keychains/login.keychain-db",
	},
	// curl on Schannel asked for TLS 1.3.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client", Own: true,
		Match:       []string{"schannel: tls 1.3 is not yet supported", "schannel: tls 1.3 not supported"},
		Title:       "This curl uses Schannel, which has no TLS 1.3 on this Windows",
		Explanation: "curl built on Windows' Schannel (the curl.exe shipped with Windows among them) can speak only what Schannel offers: TLS 1.3 from Windows 11 and Windows Server 2022 on, and not at all in curl releases before Schannel's TLS 1.3 support was added. Asking for it (--tlsv1.3, CURL_SSLVERSION_TLSv1_3) fails before any connection.",
		Fix:         "Ask for TLS 1.2 at least instead, or use a curl built on OpenSSL:\n  curl --tlsv1.2 https://host/\n  curl -V",
		Confirm:     "curl -V",
	},
	// .NET Core's WinHTTP handler failing the handshake.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"winhttpexception: a security error occurred", "winhttpexception (80072f8f): a security error occurred"},
		Title:       ".NET's WinHTTP handler failed the TLS handshake (a security error)",
		Explanation: "WinHTTP (under .NET Core 2.x's HttpClient on Windows, and WinHttpHandler) reports every Schannel failure so: the server's certificate not trusted or not for the host, a client certificate the server refused or whose key the process cannot use, no TLS version in common, or a device in between (a WAF or load balancer doing the client-certificate check) ending the handshake.",
		Fix:         "Find the alert in Windows' System event log (Schannel events 36887 and 36874 name it), and try the same request from that machine:\n  curl -v --cert client.crt --key client.key https://host/",
		Confirm:     "curl -v https://host/ -o NUL",
	},
	// ACME issuance refused by the domain's CAA records.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server", Within: []string{"caa"},
		Match:       []string{"prevents issuance"},
		Title:       "A CAA record of the domain forbids this issuance (the CA, the account or the validation method)",
		Explanation: "The CA checks the domain's CAA records before it issues, renewals included. A record that names another CA, or limits accounturi or validationmethods (dns-01 only, say, while the renewal validates with http-01, as certbot repeats the method stored in its renewal file), forbids it.",
		Fix:         "Read the records, then add the CA (and the method and account the client uses), or renew with the method they allow:\n  dig +short CAA example.com\n  example.com. CAA 0 issue \"letsencrypt.org\"",
		Confirm:     "dig +short CAA example.com",
	},
	{
		ID: CertLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"servfail looking up caa"},
		Title:       "The domain's name servers fail CAA queries, so the CA will not issue",
		Explanation: "Before issuing, the CA asks the domain's authoritative servers for CAA records; an empty answer is fine, a failure (SERVFAIL, a timeout, NOTIMP) is not. Name servers that do not implement CAA (a DNS plugin that serves the whole zone, an old appliance) or broken DNSSEC cause it.",
		Fix:         "Ask the domain's name servers directly; each must answer CAA with NOERROR (empty or not):\n  dig CAA example.com @ns1.example.com",
		Confirm:     "dig CAA example.com",
	},
	// check_ssl_cert's verdicts.
	{
		ID: Revoked, Kind: "client", Side: "client", Within: []string{"ssl_cert critical"},
		Match:       []string{"is revoked (crl)"},
		Title:       "check_ssl_cert says a chain certificate is revoked by its CRL (2.88 and 2.89 gave false alarms)",
		Explanation: "The plugin looks each certificate of the served chain up in its CRL. Releases 2.88.0 and 2.89.0 also checked the root and matched any serial ending as the root's did, so valid chains were reported revoked; later releases fixed it. A real revocation shows with openssl as well.",
		Fix:         "Upgrade check_ssl_cert, and check the certificate against its CRL (fetched from the URL its CRL Distribution Points name):\n  openssl verify -crl_check -CRLfile crl.pem -CAfile chain.pem cert.pem",
		Confirm:     "check_ssl_cert --version",
	},
	{
		ID: RoutineLine, Kind: "client", Level: infoLevel,
		Match:       []string{"root certificate is unnecessarily present in the delivered certificate chain"},
		Title:       "The server sends its root certificate too (harmless; check_ssl_cert flags it)",
		Explanation: "Clients take the root from their own trust store and ignore a root the server sends, so it only adds bytes to every handshake. check_ssl_cert reports it as critical with --check-chain.",
		Fix:         "Leave the root out of the chain file the server sends (nginx: the ssl_certificate file holds the certificate, then the intermediates; Apache: SSLCertificateChainFile or the certificate file), and reload.",
		Confirm:     "openssl s_client -connect host:443 -servername host -showcerts </dev/null 2>/dev/null | grep -e ' s:' -e ' i:'",
	},
	// FileZilla (GnuTLS) reading a connection closed without close_notify.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client", Own: true,
		Match:       []string{"-110 in gnutls_record_recv"},
		Title:       "The server closed the connection without TLS's close_notify (GnuTLS reports it; usually harmless)",
		Explanation: "After the handshake, GnuTLS (FileZilla, lftp) read the end of the connection without the close_notify alert that should come first, so it cannot tell a complete transfer from a cut one. FTP servers on .NET's SslStream, some IIS and embedded servers, and middleboxes close data connections so; when the files arrive whole, it is only a warning. When transfers are cut short, something in the path (a firewall's idle timeout, a NAT) ended the connection.",
		Fix:         "Compare the sizes of transferred files with the originals; if they match, the message can be ignored. Otherwise look at the server's and the firewall's logs for the closed connection, and ask the server's vendor to send close_notify before closing data connections.",
		Confirm:     "openssl s_client -connect host:990 </dev/null",
	},
	// ProFTPD's mod_tls refusing ftps by its Protocols setting.
	{
		ID: HandshakeFailed, Kind: "client", Side: "server",
		Match:       []string{"protocol denied by protocols config"},
		Title:       "ProFTPD refused the session: its Protocols setting does not allow this protocol (ftps, sftp)",
		Explanation: "ProFTPD's Protocols directive lists the protocols a server (or a user, inside <IfUser>) may use, and the session's was not among them, so it ended the login (clients see 530 Login incorrect). ProFTPD 1.3.8's mod_tls also denied ftps wrongly when TLSRequired was off while a Protocols directive applied; that was a bug, fixed in later releases.",
		Fix:         "List the protocol where the user's session gets its settings:\n  Protocols ftp ftps\nand upgrade ProFTPD if ftps is listed and still denied.",
		Confirm:     "proftpd -t",
	},
	// Windows' NDES (SCEP) server.
	{
		ID: KeyLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"network device enrollment service has failed to decrypt the encrypted password"},
		Title:       "NDES could not decrypt its cached enrollment password",
		Explanation: "The Network Device Enrollment Service keeps the one-time password it hands out, encrypted, in the registry (HKLM\\SOFTWARE\\Microsoft\\Cryptography\\MSCEP\\EncryptedPassword). When its service account or keys changed, it can no longer decrypt the value, and the mscep_admin page fails (HTTP 500).",
		Fix:         "Delete the EncryptedPassword value and restart IIS, so NDES makes a new one:\n  reg delete HKLM\\SOFTWARE\\Microsoft\\Cryptography\\MSCEP\\EncryptedPassword /f\n  iisreset",
		Confirm:     "reg query HKLM\\SOFTWARE\\Microsoft\\Cryptography\\MSCEP",
	},
	{
		ID: CertLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"enrollment service cannot decrypt the client's pkcs7 message"},
		Title:       "NDES could not decrypt the SCEP request: the client encrypted it to the wrong certificate",
		Explanation: "A SCEP client must encrypt its request to the registration authority's encryption certificate (NDES's CEP Encryption certificate, which GetCACert returns beside the CA), not to the issuing CA's certificate. A client given the CA's certificate, or one that picks the wrong one of the certificates GetCACert returns, sends a request NDES cannot open; an expired or renewed RA certificate the client still holds does the same.",
		Fix:         "Fetch the certificates NDES serves and give the client the RA encryption certificate (sscep: -e for the encryption certificate, -c for the CA):\n  sscep getca -u http://ndes/certsrv/mscep/mscep.dll -c ca.crt",
		Confirm:     "openssl x509 -noout -subject -ext keyUsage -in ca.crt-1",
	},
	{
		ID: CertLoadFailed, Kind: "client", Side: "client", Within: []string{"sscep"},
		Match:       []string{"wrong (or missing) mime content type"},
		Title:       "The SCEP server answered with an error page, not a SCEP message",
		Explanation: "sscep expected a SCEP response (application/x-pki-message) and got something else: the server (NDES, most often) failed the request and returned an HTML error. Most often it could not decrypt the request, because the client encrypted it to the CA's certificate rather than the RA's encryption certificate; otherwise the URL is wrong or the challenge password was refused.",
		Fix:         "Read the server's own log for the request (NDES: the Application event log), and encrypt to the RA certificate that GetCACert returns (sscep -e):\n  sscep getca -u http://ndes/certsrv/mscep/mscep.dll -c ca.crt",
		Confirm:     "curl -s 'http://ndes.example.com/certsrv/mscep/mscep.dll?operation=GetCACaps'",
	},
	// Puppet's agent run with another user's SSL directory.
	{
		ID: KeyMismatch, Kind: "client", Side: "client",
		Match:       []string{"does not match the agent's private key"},
		Title:       "Puppet's agent holds a private key that does not match the certificate the server signed for it",
		Explanation: "The agent's ssldir has a private key other than the one the server's CA signed a certificate for under this name. Most often the agent was run as another user (without sudo it uses ~/.puppetlabs/etc/puppet/ssl and makes a new key there); otherwise the node was rebuilt, or its ssldir wiped, and the server still holds the old certificate.",
		Fix:         "Run the agent as root:\n  sudo puppet agent -t\nFor a rebuilt node, clean its certificate on the server and its SSL directory on the agent, then run again:\n  puppetserver ca clean --certname node.example.com\n  puppet ssl clean",
		Confirm:     "sudo puppet config print ssldir",
	},
	// A kubelet waiting for its certificate request to be approved.
	{
		ID: CertLoadFailed, Kind: "client", Side: "client",
		Match:       []string{"certificate request was not signed"},
		Title:       "The kubelet's certificate signing request was never approved",
		Explanation: "The kubelet asked the API server for its client (or serving) certificate with a CertificateSigningRequest and gave up waiting: the request stays Pending when nothing approves it. kubeadm sets up the bootstrap token's RBAC rules and the auto-approval of kubelet client certificates; a cluster whose certificates were made by hand, or a phase that was skipped, lacks them. Serving certificates (serverTLSBootstrap) always need an approver.",
		Fix:         "See the pending requests and approve the node's:\n  kubectl get csr\n  kubectl certificate approve csr-abcde\nand set up the automatic approval with kubeadm's bootstrap-token phase:\n  kubeadm init phase bootstrap-token",
		Confirm:     "kubectl get csr",
	},
	// A server whose TLS library could not be loaded.
	{
		ID: StartupFailed, Kind: "client", Side: "server",
		Match:       []string{"failed to load ustream-ssl library"},
		Title:       "The server could not load its TLS library (an upgrade changed the library's file name)",
		Explanation: "OpenWrt's uhttpd loads its TLS support (libustream-ssl, built on mbedTLS, wolfSSL or OpenSSL) at start, and the library it was linked against is gone: upgrading one package (libmbedtls to a release with a new soname, libmbedcrypto.so.1 to .so.2) without the packages built against it leaves them pointing at a file that no longer exists.",
		Fix:         "Upgrade the TLS packages together, so they are built against the same library:\n  opkg update\n  opkg upgrade libustream-mbedtls libmbedtls uhttpd",
		Confirm:     "opkg list-installed | grep -e ustream -e mbedtls",
	},
	// Apple's push-certificate portal refusing a request's signature.
	{
		ID: BadSignature, Kind: "client", Side: "server",
		Match:       []string{"certificate signature verification failed because the"},
		Title:       "Apple's push-certificate portal refused the request's signature (the MDM vendor's signing certificate)",
		Explanation: "An MDM push certificate request goes to Apple signed by an MDM vendor's certificate, with Apple's WWDR intermediate. The portal checks that signature: it fails when the vendor's signing certificate has expired, when the request carries an old WWDR intermediate after Apple replaced it (the G3 intermediate), or when it was signed with a digest Apple no longer takes (SHA-1). The device's or server's own TLS is not involved.",
		Fix:         "Renew the vendor signing certificate (or have the service that signs for you renew it), and sign the request again with Apple's current WWDR intermediate and SHA-256; upgrade the MDM tool that builds the request (MicroMDM's mdmctl, mdmcert.download's client).",
		Confirm:     "openssl x509 -noout -subject -enddate -in vendor-signing.crt",
	},
	// The SCEP client on Windows checking the CA's thumbprint.
	{
		ID: Untrusted, Kind: "client", Side: "client",
		Match:       []string{"scep: certificate enroll failed. result: (the hash value is not correct"},
		Title:       "The device's SCEP enrollment refused the CA: its thumbprint does not match the profile's",
		Explanation: "A SCEP profile names the CA by the thumbprint (hash) of its certificate, and the device compares it with the CA certificate it receives from the SCEP server and its trusted-certificate profile. A different certificate there (an intermediate deployed as the root, an old CA certificate after a renewal, a certificate exported again in another form) makes the hashes differ and enrollment fails.",
		Fix:         "Download the CA certificate again from the CA, put it in the trusted-certificate profile, and set the SCEP profile to the thumbprint of that same certificate:\n  openssl x509 -noout -fingerprint -sha1 -in root-ca.crt",
		Confirm:     "openssl x509 -noout -fingerprint -sha1 -in root-ca.crt",
	},
	// Pure-FTPd taking TLS 1.3 for renegotiation.
	{
		ID: HandshakeFailed, Kind: "client", Side: "server", Within: []string{"pure-ftpd"},
		Match:       []string{"tls renegociation", "tls renegotiation"},
		Title:       "Pure-FTPd took a TLS 1.3 connection for a renegotiation and dropped it",
		Explanation: "Pure-FTPd refuses renegotiation, and releases built on OpenSSL 1.1.1 took TLS 1.3's messages after the handshake for a renegotiation, so every client that negotiates TLS 1.3 (FileZilla 3.40 and later, curl, openssl s_client) is dropped while TLS 1.2 works. Newer Pure-FTPd releases fixed it.",
		Fix:         "Upgrade Pure-FTPd; until then, cap the clients at TLS 1.2 (FileZilla: fzdefaults; curl: --tls-max 1.2). Check with:\n  openssl s_client -connect host:21 -starttls ftp -tls1_2 </dev/null",
		Confirm:     "openssl s_client -connect host:21 -starttls ftp -tls1_3 </dev/null",
	},
	// knife ssl check's verdict on the name.
	{
		ID: ServerHostnameMismatch, Kind: "client", Side: "client",
		Match:       []string{"the ssl cert is signed by a trusted authority but is not valid for the given hostname"},
		Title:       "knife trusts the server's certificate, but it is not for the host name in chef_server_url",
		Explanation: "knife ssl check found the certificate signed by a CA it trusts and not issued for the name it connected to. Either the server's certificate lacks that name (use a name it carries, or reissue it), or the server answered with another site's certificate because knife sent no server name (SNI): old knife releases (Chef 12.3) did not, and a server with several sites on one address then sends its default certificate; the next line names the certificate's host.",
		Fix:         "See which certificate the server sends for the name, with and without SNI:\n  openssl s_client -connect chef.example.com:443 -servername chef.example.com </dev/null 2>/dev/null | openssl x509 -noout -subject\n  openssl s_client -connect chef.example.com:443 -noservername </dev/null 2>/dev/null | openssl x509 -noout -subject\nthen upgrade Chef, or connect by a name the certificate carries.",
		Confirm:     "knife ssl check",
	},
	// libpq built without SSL.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"invalid when ssl support is not compiled in"},
		Title:       "This PostgreSQL client library (libpq) was built without SSL support",
		Explanation: "libpq refuses every sslmode that needs TLS (require, verify-ca, verify-full) when it was compiled without OpenSSL: a libpq from a minimal build or image, or a driver wheel linked against one. The server and the certificates play no part.",
		Fix:         "Install a libpq built with OpenSSL (Debian and Ubuntu: libpq5; Alpine: libpq) and rebuild the driver against it, or use a wheel that bundles one (pip install psycopg2-binary, or psycopg[binary]); see what a libpq was built with:\n  pg_config --configure | grep -o with-openssl",
		Confirm:     "pg_config --configure | grep -o with-openssl",
	},
	// gRPC's C core hiding why it could not connect.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"statuscode.unavailable, connect failed"},
		Title:       "gRPC could not connect and does not say why (with TLS, most often the server's certificate)",
		Explanation: "gRPC's C core (Python's grpcio, Ruby, PHP, Node's old grpc) reports a failed TLS handshake as UNAVAILABLE, Connect Failed, the same as a refused connection; the reason shows only in its trace. On a secure channel the usual causes: the server's certificate does not name the host the client dials (a certificate for a service name, dialled as localhost or by IP), the root certificates given to the channel do not hold the server's CA, or the port does not speak TLS with ALPN h2. Otherwise nothing listens there.",
		Fix:         "Run the client with gRPC's trace to see the handshake's error:\n  GRPC_VERBOSITY=debug GRPC_TRACE=tsi,handshaker python client.py\nthen dial a name the certificate carries (or set the channel option grpc.ssl_target_name_override to it, for tests), and check what the port serves:\n  openssl s_client -connect host:50051 -alpn h2 </dev/null",
		Confirm:     "openssl s_client -connect host:50051 -alpn h2 </dev/null 2>/dev/null | grep -e 'ALPN' -e 'Verify return code'",
	},
	// OpenVPN's server finding no control-channel cipher the client offers.
	{
		ID: HandshakeFailed, Kind: "client", Side: "server",
		Match:       []string{"the server has no tls ciphersuites in common with the client"},
		Title:       "OpenVPN's server shares no control-channel cipher with the client (tls-cipher too narrow)",
		Explanation: "OpenSSL on the OpenVPN server found none of the client's TLS cipher suites among those tls-cipher allows: a tls-cipher pinned to one or two suites by a hardening guide (TLS-DHE-RSA-WITH-AES-256-GCM-SHA384 and the like), which current clients (OpenVPN Connect 3, OpenVPN 2.5 and later on OpenSSL 3) no longer offer, or suites the server cannot use with its own key (RSA suites with an ECDSA certificate, DHE suites without dh parameters).",
		Fix:         "Remove tls-cipher from the server's configuration (OpenVPN's default list serves every current client) or widen it, then restart the server; see the line and the suites this OpenSSL has:\n  grep -n tls-cipher /etc/openvpn/server.conf\n  openvpn --show-tls",
		Confirm:     "openvpn --show-tls",
	},
	// A PEM block whose header OpenSSL could not read whole.
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"short header"},
		Within:      []string{"pem routines", "pem_r_short_header"},
		Title:       "A PEM block is cut or damaged (OpenSSL found a BEGIN line but no whole block after it)",
		Explanation: "OpenSSL's PEM reader found a -----BEGIN line and then no header or body it could read: the END line is missing or sits inside the base64, or the block was cut short. Most often a script or a copy cut the file: an inline <cert> or <key> block of an OpenVPN profile cut at the first line holding END (which base64 can contain), a secret or environment variable that lost its newlines, a paste that dropped the last lines.",
		Fix:         "See the block's BEGIN and END lines, and make the file (or the profile) again from the original certificate and key files:\n  grep -n -- '-----' client.crt\n  openssl x509 -noout -subject -in client.crt",
		Confirm:     "openssl x509 -noout -subject -in client.crt",
	},
	// FreeRADIUS's EAP module left with no TLS version to use.
	{
		ID: StartupFailed, Kind: "client", Side: "server",
		Match:       []string{"you have disabled all available tls versions"},
		Title:       "FreeRADIUS's EAP module has no TLS version left to use (its tls-config settings cancel out)",
		Explanation: "FreeRADIUS 3.0 builds the TLS context of its eap module from tls_min_version and tls_max_version together with the older disable_tlsv1, disable_tlsv1_1 and disable_tlsv1_2 flags; set together they can leave no version: disable_tlsv1_2 with a maximum of 1.2, a minimum of 1.3 where the release or its OpenSSL offers no TLS 1.3 for EAP, or an option name the release does not know. EAP-TLS, PEAP and TTLS then cannot start.",
		Fix:         "In mods-enabled/eap (tls-config tls-common), remove the disable_tlsv1* lines and keep only the minimum and maximum:\n  tls_min_version = \"1.2\"\n  tls_max_version = \"1.2\"\nthen check the configuration:\n  radiusd -XC",
		Confirm:     "radiusd -XC",
	},
	// socat with no usable name to send as SNI.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"failed to set sni host"},
		Title:       "socat could not set the server name (SNI) it sends: the name is empty",
		Explanation: "socat 1.7.4 and later send the server name (SNI) by default, taken from the address's host or from commonname=; a script that sets commonname to an empty string (older releases' way to skip the name check) leaves no name to send, and socat stops before the handshake.",
		Fix:         "Turn SNI off for that address, or give it the server's name:\n  socat - OPENSSL:server:789,no-sni=1\n  socat - OPENSSL:server:789,snihost=server.example.com",
		Confirm:     "socat -V",
	},
	// Postfix turning TLS off when its library lacks the fingerprint digest.
	{
		ID: StartupFailed, Kind: "client",
		Match:       []string{"digest algorithm \"md5\" not found", "digest algorithm \"sha1\" not found", "digest algorithm \"sha256\" not found"},
		Title:       "Postfix found no such digest in its TLS library and turned TLS off",
		Explanation: "Postfix looks up the digest of smtpd_tls_fingerprint_digest and smtp_tls_fingerprint_digest (md5 before Postfix 3.6) when TLS starts, and disables TLS for the process when the library has none: MD5 is missing from an OpenSSL 3 in FIPS mode, and Postfix 3.1 built against LibreSSL skipped the library's set-up of its algorithms (it read LibreSSL's version number as OpenSSL 2.0), so no digest was found at all.",
		Fix:         "Name a digest the library has, and upgrade Postfix (for a LibreSSL build, the distribution's fixed package); fingerprints in check_ccert_access or relay_clientcerts must then be SHA-256 ones:\n  postconf -e smtpd_tls_fingerprint_digest=sha256\n  postconf -e smtp_tls_fingerprint_digest=sha256\n  postfix reload",
		Confirm:     "postconf mail_version",
	},
	// OpenSMTPD refusing a key file that its group may read.
	{
		ID: KeyLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"insecure permissions: must be at most rwx------"},
		Title:       "OpenSMTPD refuses a key file that anyone but its owner may read",
		Explanation: "OpenSMTPD checks the mode of each pki key file and stops when its group or others have any access: a key shared between daemons through a group (Debian's ssl-cert group, mode 640) or a certbot key made group-readable. Other mail servers take such a file; OpenSMTPD does not, on purpose.",
		Fix:         "Make the key readable by its owner only, or give OpenSMTPD a copy of its own:\n  chmod 600 /etc/ssl/private/mail.key\n  install -m 600 /etc/letsencrypt/live/mail.example.com/privkey.pem /etc/mail/mail.key\nthen check the configuration:\n  smtpd -n",
		Confirm:     "ls -l /etc/ssl/private/mail.key",
	},
	// Postfix's TLS policy table with an entry it cannot read.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"malformed attribute/value pair"},
		Within:      []string{"tls_policy", "policy_maps"},
		Title:       "Postfix cannot read an entry of its TLS policy table (a bare word where attribute=value belongs)",
		Explanation: "Each smtp_tls_policy_maps entry is a destination, a security level, then attribute=value pairs (protocols=!SSLv2:!SSLv3, match=..., ciphers=...). A bare word after the level (!SSLv3 alone), a space inside a value, or a table generated for another Postfix release stops Postfix from using that destination's policy, and mail to it is deferred.",
		Fix:         "Write the options as attribute=value, then rebuild the table and reload:\n  gmail.com   secure   protocols=!SSLv2:!SSLv3\n  postmap /etc/postfix/tls_policy\n  postfix reload",
		Confirm:     "postmap -q gmail.com /etc/postfix/tls_policy",
	},
	// Postfix's TLS policy table with an attribute its release does not know.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"invalid attribute name"},
		Within:      []string{"tls_policy", "policy_maps"},
		Title:       "Postfix does not know an attribute of a TLS policy entry (servername needs Postfix 3.4)",
		Explanation: "A TLS policy entry (from a table, or from a policy service such as postfix-mta-sts-resolver or postfix-tlspol over socketmap) carries an attribute this Postfix release does not have, and Postfix defers mail to that destination. The usual one is servername=hostname, which MTA-STS resolvers return so that Postfix sends SNI as RFC 8461 asks: Postfix takes it from 3.4 on.",
		Fix:         "Upgrade Postfix to 3.4 or later; until then tell the resolver not to send the attribute (postfix-mta-sts-resolver: require_sni: false in mta-sts-daemon.yml), and see what it returns:\n  postconf mail_version\n  postmap -q gmail.com socketmap:inet:127.0.0.1:8461:postfix",
		Confirm:     "postconf mail_version",
	},
	// Postfix's summary of a TLS client set-up it could not use.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"client tls configuration problem"},
		Title:       "Postfix could not set up TLS for this destination (its TLS policy or client settings)",
		Explanation: "Postfix's SMTP client defers mail with this summary when the TLS settings for a destination cannot be used; a warning just before it in the log names why: a policy entry it cannot read (an attribute of a newer release, such as the servername that MTA-STS resolvers return to Postfix older than 3.4, or a malformed attribute/value pair), a policy service that does not answer, or a CA file or certificate the client settings name that it cannot load.",
		Fix:         "Read the warning before it, then fix the policy entry or the file it names:\n  grep -B3 'client TLS configuration problem' /var/log/mail.log\n  postconf -n | grep tls\nWith an MTA-STS resolver on Postfix older than 3.4, upgrade Postfix or set require_sni: false in the resolver.",
		Confirm:     "postconf mail_version",
	},
	// Postfix deferring mail under a DANE-only policy.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"(non dnssec destination)"},
		Title:       "Postfix deferred mail: a DANE-only policy for a domain whose DNS is not DNSSEC-signed",
		Explanation: "Under the dane-only security level Postfix delivers only when the MX host's TLSA records are DNSSEC-validated; for a domain that is not signed (or when the resolver Postfix uses does not validate) it defers every message with this status. A policy service that hands out dane-only for domains that merely publish TLSA records (postfix-tlspol 1.5.0 and 1.5.1) does so for unsigned ones.",
		Fix:         "Use the opportunistic dane level (it falls back to TLS without DANE) and a validating resolver, and upgrade the policy service:\n  postconf -e smtp_tls_security_level=dane smtp_dns_support_level=dnssec\n  postfix reload\nSee whether the domain is signed:\n  delv example.com MX",
		Confirm:     "delv example.com MX",
	},
	// Postfix's DH parameters file empty or missing.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"dh parameters from file"},
		Within:      []string{"cannot load"},
		Title:       "Postfix could not load its DH parameters file and uses its built-in group",
		Explanation: "smtpd_tls_dh1024_param_file (despite its name, any size) names a file Postfix cannot use: it does not exist, is empty (a container's first-start script that did not finish writing it), or is not PEM DH parameters. Postfix then uses its compiled-in group, so TLS still works; the warning repeats for every connection.",
		Fix:         "Make the file again, then reload:\n  openssl dhparam -out /etc/postfix/dhparams.pem 2048\n  postfix reload",
		Confirm:     "openssl dhparam -noout -text -in /etc/postfix/dhparams.pem | head -1",
	},
	// z/OS: a program reading its certificate from a RACF key ring.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"r_datalib"},
		Title:       "z/OS refused to read the key ring holding the certificate (RACF R_datalib)",
		Explanation: "The program (Zowe's servers, a Java or Node service on z/OS) reads its certificate and key from a RACF key ring through the R_datalib service, and RACF refused. The return and reason codes say why: 8, 8, 8 (not RACF authorized) means the user the program runs as may not list that ring: it needs READ on the RDATALIB class profile RINGOWNER.RINGNAME.LST (UPDATE to read another user's private key), or on FACILITY IRR.DIGTCERT.LISTRING; 8, 8, 84 (profile for ring not found) and 8, 8, 44 mean no such ring under the owner looked up: a misspelt ring, or a keyring address (safkeyring://OWNER/RING) whose owner is missing or wrong, so the running user is taken as the owner.",
		Fix:         "See the ring under its owner, then permit the program's user to it, or correct the owner and ring in its keyring address:\n  RACDCERT LISTRING(RING) ID(ZWESVUSR)\n  RDEFINE RDATALIB ZWESVUSR.RING.LST UACC(NONE)\n  PERMIT ZWESVUSR.RING.LST CLASS(RDATALIB) ID(ZWESVUSR) ACC(READ)\n  SETROPTS RACLIST(RDATALIB) REFRESH",
		Confirm:     "RACDCERT LISTRING(*) ID(ZWESVUSR)",
	},
	// An API refusing a client's TLS 1.0 in its own error message.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"no longer supports api requests made with tls 1.0", "tls 1.0 is no longer supported", "tls 1.2 or later"},
		Within:      []string{"tls 1.0", "tls1.0", "tlsv1.0"},
		Title:       "The API refused this client's TLS 1.0: the client must speak TLS 1.2",
		Explanation: "The service (Stripe's API, payment and bank APIs, and others since 2018) answered that the request came over TLS 1.0, which it no longer takes. The client is at fault: an old SDK on .NET Framework before 4.6 (or 4.6 and later targeting an older framework), whose ServicePointManager offers TLS 1.0 by default, an old Java 7 or OpenSSL 0.9.8, or an old Windows.",
		Fix:         "Update the SDK (recent ones turn TLS 1.2 on), or in a .NET Framework application turn it on before the first request:\n  ServicePointManager.SecurityProtocol |= SecurityProtocolType.Tls12;\nor retarget it to .NET Framework 4.7 or later, which follows the system's default.",
		Confirm:     "openssl s_client -connect api.stripe.com:443 -servername api.stripe.com -tls1_2 </dev/null",
	},
	// Zig's standard library TLS client (TLS 1.3 only until 0.14).
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"tlsinitializationfailed"},
		Title:       "Zig's TLS client could not complete the handshake (a server without TLS 1.3, for older Zig)",
		Explanation: "The error of Zig's standard library TLS client (zig fetch, the package manager, std.http). Its releases before 0.14 speak only TLS 1.3, so a server that offers at most TLS 1.2 fails so while curl and browsers reach it; else the usual causes: a certificate it does not trust, or a proxy in between.",
		Fix:         "See the server's highest version; with TLS 1.2 only, upgrade Zig (0.14 and later speak TLS 1.2), or download the file by other means and give Zig the local copy:\n  openssl s_client -connect host:443 -servername host -tls1_3 </dev/null",
		Confirm:     "openssl s_client -connect host:443 -servername host -tls1_2 </dev/null",
	},
	// A Rust server reading its key with a PEM parser of RSA keys only.
	{
		ID: KeyLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"!rsa_keys.is_empty()"},
		Title:       "The server found no RSA key in its key file (an EC key, or another PEM form, where it reads RSA only)",
		Explanation: "The program (Meilisearch's --ssl-key-path, and other Rust servers on rustls) read its key file with a parser of RSA keys and found none: most often the key is an EC key in its own PEM form (-----BEGIN EC PRIVATE KEY-----, as certbot, lego and acme.sh make for ECDSA certificates), which that release does not read although it serves ECDSA certificates in PKCS#8 form.",
		Fix:         "Convert the key to PKCS#8 (-----BEGIN PRIVATE KEY-----) and point the server at the copy, or request an RSA certificate:\n  openssl pkcs8 -topk8 -nocrypt -in privkey.pem -out privkey-pkcs8.pem",
		Confirm:     "head -1 privkey.pem",
	},
	// Free Pascal's and Lazarus's OpenSSL binding not finding its library.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"essl: failed to create ssl context", "unable to initialize openssl library"},
		Title:       "The program could not load OpenSSL (its binding knows older OpenSSL library names)",
		Explanation: "Programs in Free Pascal and Lazarus (TFPHTTPClient, lNet, Synapse) and in Delphi (Indy) load OpenSSL's shared libraries at run time, by names and functions their binding knows. FPC 3.0's and 3.2's openssl unit knows OpenSSL 1.0's (libssl.so.1.0.0); a system with only OpenSSL 1.1 or 3 (Ubuntu 19.04 and later, Debian 10 and later) has none of them, so no TLS context can be made; on Windows the DLLs are missing beside the program, or of the wrong bitness.",
		Fix:         "Build with a newer FPC (3.2.2 and later know OpenSSL 1.1 and 3) or a newer binding, or install the libraries the program asks for; see which it finds:\n  ldconfig -p | grep -e libssl -e libcrypto",
		Confirm:     "ldconfig -p | grep libssl",
	},
	// Fast DDS built without its security plugins, under ROS 2's SROS2.
	{
		ID: StartupFailed, Kind: "client", Side: "server",
		Match:       []string{"fast dds version doesn't have the security libraries"},
		Title:       "Fast DDS was built without DDS Security, and the node was asked to use it (SROS2)",
		Explanation: "A ROS 2 node started with security (an enclave, ROS_SECURITY_ENABLE=true) needs Fast DDS's authentication and crypto plugins, which exist only in a build made with -DSECURITY=ON. Packages built without it (Rolling's and Kilted's Fast DDS packages for a time) stop here, whatever the certificates.",
		Fix:         "Install a Fast DDS built with security (the distribution's fixed package, or a source build with -DSECURITY=ON), or run without the enclave until then:\n  colcon build --packages-select fastdds --cmake-args -DSECURITY=ON",
		Confirm:     "printenv | grep ROS_SECURITY",
	},
	// Nebula's host certificate outside its dates.
	{
		ID: ServerCertExpired, Kind: "client", Side: "server",
		Match:       []string{"nebula certificate for this host is expired"},
		Title:       "Nebula will not start: its host certificate is outside its dates (expired, or not yet valid by this clock)",
		Explanation: "Nebula checks its own host certificate against the machine's clock at start and calls any certificate outside its validity expired: one past its end (nebula-cert sign gives a host certificate the CA's end by default, or the -duration given), and also one just signed whose start lies ahead of this machine's clock (a clock behind, a VM without time sync).",
		Fix:         "Compare the certificate's dates with the clock; set the clock right (time sync before Nebula starts) or sign the host's certificate again:\n  nebula-cert print -path host.crt\n  date -u\n  nebula-cert sign -name host -ip 192.168.100.5/24",
		Confirm:     "nebula-cert print -path host.crt",
	},
	// libwebsockets (ttyd and others) without a CA for client certificates.
	{
		ID: StartupFailed, Kind: "client", Side: "server",
		Match:       []string{"ssl_ctx_load_verify_locations unhappy"},
		Title:       "libwebsockets found no CA file for client certificates (harmless unless clients must present one)",
		Explanation: "A libwebsockets server (ttyd, and programs built on it) logs this at start when it could not load CA certificates for checking client certificates: none was configured, or the file is not readable. Its own certificate and key are not concerned, and HTTPS works; only if clients must present certificates (ttyd's --ssl-ca) is the file named there missing.",
		Fix:         "Nothing to do unless clients must present certificates; then name a readable CA file (ttyd):\n  ttyd -S -C srv.crt -K srv.key -A ca.crt bash",
		Confirm:     "openssl s_client -connect host:7681 </dev/null",
	},
	// NetBird's relay and its QUIC listener.
	{
		ID: StartupFailed, Kind: "client", Side: "server",
		Match:       []string{"valid tls config is required for quic listener"},
		Title:       "NetBird's relay will not start its QUIC listener without a certificate of its own",
		Explanation: "QUIC is TLS by design, so the relay's QUIC listener needs a certificate and key even where TLS for its other listener is done by a reverse proxy in front. NetBird 0.36.0 and 0.36.1 refused to start the relay without one; later releases skip the QUIC listener then.",
		Fix:         "Upgrade the relay, or give it a certificate and key (NB_TLS_CERT_FILE and NB_TLS_KEY_FILE, or its Let's Encrypt settings) so that QUIC can run.",
		Confirm:     "openssl x509 -noout -subject -dates -in relay.crt",
	},
	// Netdata's streaming child checking its parent's certificate.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"ssl rfc4158 check"},
		Title:       "Netdata's streaming child did not trust its parent's certificate (the number is OpenSSL's verify code)",
		Explanation: "The child checks the parent's certificate with OpenSSL and prints its verify result: 20 (unable to get local issuer certificate) when it found no CA for it, which older Netdata releases gave even for a public certificate because they loaded no trusted CA location at all; 18 or 19 for a self-signed parent.",
		Fix:         "Point the child at the CAs in stream.conf (a release that has the options), or trust a self-signed parent's certificate:\n  [stream]\n      CApath = /etc/ssl/certs/\n      CAfile = /etc/ssl/certs/ca-certificates.crt\nor set ssl skip certificate verification = yes for a parent on a trusted network.",
		Confirm:     "openssl s_client -connect parent.example.com:19999 -CApath /etc/ssl/certs </dev/null 2>/dev/null | grep 'Verify return code'",
	},
	// IBM HTTP Server's (GSKit's) handshake without a shared version or suite.
	{
		ID: HandshakeFailed, Kind: "client", Side: "server",
		Match:       []string{"ssl0222w"},
		Title:       "IBM HTTP Server shares no TLS version or cipher suite with this client (SSL0222W)",
		Explanation: "IBM HTTP Server (GSKit) found nothing in common with the client's hello: most often the protocol version, not the ciphers: a server allowing TLS 1.2 only (SSLProtocolDisable TLSv10 TLSv11) against an old client still offering TLS 1.0 (an old Notes client's Java, an old JRE or Windows), or the reverse; else cipher lists with no suite in common (SSLCipherSpec).",
		Fix:         "Find the client's highest version (IHS's trace, or a capture), then let the client speak TLS 1.2 (its Java or client update, or its TLS settings), or re-allow its version for a while (SSLProtocolEnable in httpd.conf):\n  openssl s_client -connect host:443 -tls1_2 </dev/null",
		Confirm:     "openssl s_client -connect host:443 -tls1 </dev/null",
	},
	// Delphi's Indy refused by a server for its TLS version.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"error connecting with ssl"},
		Within:      []string{"protocol version", "protocol_version"},
		Title:       "Delphi's Indy was refused by the server: it offers an old TLS version (SSLVersions, OpenSSL DLLs)",
		Explanation: "Indy (TIdHTTP with TIdSSLIOHandlerSocketOpenSSL, in Delphi and C++Builder programs) connects with the TLS versions its SSLOptions.SSLVersions allows, TLS 1.0 alone by default in older releases, through the OpenSSL DLLs beside the program (ssleay32.dll and libeay32.dll, 0.9.8 or 1.0.x). A server that takes TLS 1.2 or later only refuses it with a protocol_version or handshake_failure alert, while browsers and Postman reach it.",
		Fix:         "Allow TLS 1.2 in the program and ship OpenSSL 1.0.2 DLLs (or move to a current Indy, whose OpenSSL 1.1 and 3 handlers speak TLS 1.3):\n  IdSSL.SSLOptions.SSLVersions := [sslvTLSv1_2];\nSee what the server takes:\n  openssl s_client -connect host:443 -servername host -tls1 </dev/null",
		Confirm:     "openssl s_client -connect host:443 -servername host -tls1_2 </dev/null",
	},
	// Remote Desktop's CredSSP update (CVE-2018-0886) on one side only.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"encryption oracle remediation"},
		Title:       "Remote Desktop refused the connection: one side has the 2018 CredSSP update and the other not",
		Explanation: "Network Level Authentication runs CredSSP inside RDP's TLS, and the May 2018 Windows updates for CVE-2018-0886 changed it: an updated client (its Encryption Oracle Remediation policy at the default, Mitigated) refuses a server without the update, and an updated server set to Force Updated Clients refuses an old client. RDP clients of other systems from before the change (older FreeRDP and Remmina) fail the same way against updated servers.",
		Fix:         "Install the current Windows updates on the side that is behind (most often the server). For a short while only, an updated client may reach an old server with this policy value, deleted again once the server is updated:\n  reg add HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Policies\\System\\CredSSP\\Parameters /v AllowEncryptionOracle /t REG_DWORD /d 2 /f",
		Confirm:     "reg query HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Policies\\System\\CredSSP\\Parameters",
	},
	// FreeRDP's NLA aborted by the server inside TLS.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"alert internal error"},
		Within:      []string{"freerdp"},
		Title:       "The RDP server aborted FreeRDP's Network Level Authentication (internal_error): most often CredSSP versions that differ",
		Explanation: "Windows answers with an internal_error alert inside the TLS that carries Network Level Authentication when the CredSSP exchange fails on its side: a FreeRDP from before the 2018 CredSSP changes (CVE-2018-0886) against an updated server, which FreeRDP may then report as a wrong password; or credentials the server cannot use for NLA.",
		Fix:         "Upgrade FreeRDP (2.0 or later) and try again; to tell it from a credential problem, connect once without NLA where the server allows it:\n  xfreerdp /v:host /sec:tls",
		Confirm:     "xfreerdp /version",
	},
	// The Windows Remote Desktop client's protocol error in the security layer.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"(code 0x2104)"},
		Title:       "Remote Desktop dropped the session while the server set up TLS (protocol error 0x2104)",
		Explanation: "The Windows Remote Desktop client reports 0x2104 when the security layer broke after the server chose TLS: most often the server could not serve TLS with its certificate and key. xrdp is the usual case: releases before 0.9.16 load only RSA keys (an ECDSA certificate and key fail without a word to the client), and xrdp must be able to read its key (a key readable by root only; Debian's ssl-cert group). Its log names the certificate or key it could not use.",
		Fix:         "Read the server's log for its certificate and key, give xrdp an RSA key it can read, and restart it:\n  grep -i -e cert -e key /var/log/xrdp.log | tail\n  sudo adduser xrdp ssl-cert\n  sudo systemctl restart xrdp\nSee what the server presents (RDP starts TLS after its own negotiation, so openssl s_client cannot; nmap can):\n  nmap -p 3389 --script ssl-cert host",
		Confirm:     "nmap -p 3389 --script ssl-cert host",
	},
	// A peer's close_notify, logged as an error by some programs.
	{
		ID: HandshakeFailed, Kind: "client", Level: infoLevel,
		Match:       []string{"warning, close notify"},
		Title:       "The other side closed the TLS session normally (close_notify): harmless",
		Explanation: "close_notify is the alert a TLS peer sends, as a warning, to end a session cleanly. A program that logs every alert it receives shows it at each disconnect (FreeRDP's transport printed it as an unhandled SSL error when a window was closed, until a later release handled it). It matters only when sessions end before they should: the other side then closed on purpose (an idle timeout, a logout, a restart), and its own log says why.",
		Fix:         "Nothing to do; a later release of the program may stop printing it. If sessions end too early, read the other side's log for why it closed them.",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null",
	},
	// uvicorn's plain-HTTP server reading a TLS handshake.
	{
		ID: HandshakeFailed, Kind: "client", Side: "server", Own: true,
		Match:       []string{"invalid http request received"},
		Title:       "uvicorn read something that is not HTTP: most often a TLS handshake on its plain-HTTP port",
		Explanation: "uvicorn (under FastAPI, BentoML, vLLM, Open WebUI and other Python ASGI services) logs this when a connection's bytes do not parse as HTTP. When clients' https:// requests fail at the same time, the server is not serving TLS on that port: it was started without its certificate options (--ssl-certfile, --ssl-keyfile), a framework around it did not pass its TLS settings through (some releases did not), or a proxy in front speaks TLS to it. Now and then alone, with no client failing, it is a scanner or bot (harmless).",
		Fix:         "Make both ends agree: use http:// for this port, or start uvicorn with its certificate (its start-up line then says https://):\n  uvicorn app:app --host 0.0.0.0 --port 8443 --ssl-certfile cert.pem --ssl-keyfile key.pem\nthen see what the port speaks:\n  openssl s_client -connect host:8443 </dev/null",
		Confirm:     "curl -v http://host:8000/",
	},
	// A directory server resetting LDAPS (Active Directory without a certificate).
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"socket ssl wrapping error", "ldap result code 200"},
		Within:      []string{"reset by peer", "connection reset", "errno 104"},
		Title:       "The LDAP server reset the TLS connection: most often a domain controller with no certificate for LDAPS",
		Explanation: "The directory server closed the connection as TLS began. Active Directory serves LDAPS (port 636) only when the domain controller holds a Server Authentication certificate with its FQDN (from an enterprise CA, AD CS, or installed by hand); without one it accepts the TCP connection and resets the handshake, while plain LDAP on 389 works. Otherwise the two share no TLS version or signature algorithm (an old client against a controller that takes TLS 1.2 only; a controller's certificate signed with SHA-512 against an old Go client), or the port does not speak TLS.",
		Fix:         "See whether the server presents a certificate on that port:\n  openssl s_client -connect dc.example.com:636 -showcerts </dev/null\nNo certificate means none for LDAPS: enrol the domain controller for one (AD CS's Domain Controller or Kerberos Authentication template, or a certificate with its FQDN in the computer's Personal store), and meanwhile use plain LDAP where your tool offers it.",
		Confirm:     "openssl s_client -connect dc.example.com:636 </dev/null",
	},
	// Mono's managed TLS and its own, often empty, certificate store.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"invalid certificate received from server"},
		Title:       "Mono's TLS did not trust the server's certificate (Unity, older Xamarin and Mono programs)",
		Explanation: "Mono's managed TLS (HttpWebRequest and WebClient under Mono, as in older Unity editors and players) checks the server's chain against Mono's own certificate store, not the system's. An older Mono starts with that store empty, so every chain fails (0x800b010a, CERT_E_CHAINING; 0x800b0109, an untrusted root) until roots are imported; a private CA or an intercepting proxy's CA is missing from it even where the system trusts it.",
		Fix:         "Import the system's roots into Mono's store with cert-sync, or in Unity use UnityWebRequest, which checks against the platform's store:\n  cert-sync /etc/ssl/certs/ca-certificates.crt\nA private CA goes into the same store:\n  certmgr -add -c Trust ca.crt",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | grep 'Verify return code'",
	},
	// An RSA key object without its private part (a token's key under OpenSSL 3).
	{
		ID: KeyLoadFailed, Kind: "client",
		Match:       []string{"missing private key"},
		Within:      []string{"rsa routines", "pkcs11", "pkcs#11"},
		Title:       "OpenSSL was asked to sign with an RSA key that has no private part (most often a key on a token, through PKCS#11)",
		Explanation: "The RSA key OpenSSL got holds only the public numbers. A private key that lives on a smart card, YubiKey or HSM is reached through PKCS#11 glue (an engine, a provider, pkcs11-helper), and when that glue does not hook into the key OpenSSL signs with, the handshake's signature fails so. The known case is engine-era code under OpenSSL 3 (pkcs11-helper as OpenVPN's --pkcs11-id uses it), where a key's RSA structure is a cached copy; a configuration given a public key or a certificate where the private key belongs fails the same way.",
		Fix:         "Upgrade the PKCS#11 glue to a release made for OpenSSL 3 (pkcs11-helper, the engine), or use OpenSSL 3's pkcs11 provider; check that the key is reached through the token:\n  openvpn --show-pkcs11-ids /usr/lib/x86_64-linux-gnu/opensc-pkcs11.so\n  pkcs11-tool --list-objects",
		Confirm:     "openssl version",
	},
	// Network Policy Server's Reason Code 16 for certificate authentication.
	{
		ID: ClientCertRejected, Kind: "client", Side: "server",
		Match:       []string{"user credentials mismatch"},
		Within:      []string{"does not map to an existing user account"},
		Title:       "NPS refused the request (Reason Code 16, credentials mismatch): with certificates, most often the client's signature or its mapping",
		Explanation: "Network Policy Server gives reason 16 for every authentication it refuses, certificate-based ones (EAP-TLS, PEAP with certificates: Always On VPN, 802.1X) included, although no password is involved. With certificates the known causes: a user or device certificate whose key sits in an older TPM (TPM 1.2, or 2.0 firmware of spec 1.16 or earlier) that cannot make the RSA-PSS signatures the handshake chose; a client certificate that maps to no account (its UPN, or the strong mapping the 2022 updates require); an NPS update with a known issue (KB4034681, August 2017). Event 6273's Authentication Type and EAP Type say which kind of request it was.",
		Fix:         "Read the whole event 6273 and the client's certificate (where its key is kept, its UPN and SID extension). For TPM-held keys, take RSA-PSS out of the TLS signature algorithms NPS offers, or enrol the keys in software; for mapping, reissue with the SID extension:\n  certutil -v -user -store My",
		Confirm:     "certutil -v -user -store My",
	},
	// Network Policy Server whose TLS inside EAP broke.
	{
		ID: HandshakeFailed, Kind: "client", Side: "server",
		Match:       []string{"reason: the message received was unexpected or badly formatted"},
		Title:       "NPS could not complete the TLS exchange inside PEAP or EAP-TLS (the message was unexpected or badly formatted)",
		Explanation: "Network Policy Server logs this reason when the TLS handshake carried inside EAP broke. The known cause: the list of trusted root CAs NPS sends in its certificate request grew too large for the EAP exchange (a root certificate update filled its Trusted Root store), and clients or access points drop the oversized message; a client that offers no TLS version NPS takes is the other.",
		Fix:         "Stop NPS from sending the list (Schannel's SendTrustedIssuerList), then restart NPS, or trim the Trusted Root store:\n  reg add HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL /v SendTrustedIssuerList /t REG_DWORD /d 0 /f\n  net stop ias\n  net start ias",
		Confirm:     "certutil -store Root",
	},
	// Ollama pulling from a registry whose certificate it does not trust.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"pull model manifest"},
		Within:      []string{"unknown authority", "not trusted"},
		Title:       "Ollama does not trust the registry's certificate (a private registry, or a proxy re-signing the traffic)",
		Explanation: "The Ollama server (ollama serve, not the ollama pull command in your shell) fetches models and checks the registry's certificate against its system's trust store: on Linux the CA bundle (or SSL_CERT_FILE in the server's environment), on macOS the keychain; Docker's certs.d is not read. A private registry (Harbor, a mirror) with a self-signed or private-CA certificate, or a company proxy that re-signs ollama.com's traffic, is refused. The --insecure flag allows a plain-HTTP registry; it does not turn certificate checks off.",
		Fix:         "Trust the CA where the Ollama server runs, then restart it; on Linux:\n  sudo cp registry-ca.crt /usr/local/share/ca-certificates/\n  sudo update-ca-certificates\n  sudo systemctl restart ollama\nOn macOS add the CA to the System keychain; in a container, mount it and set SSL_CERT_FILE.",
		Confirm:     "openssl s_client -connect registry.example.com:443 -servername registry.example.com </dev/null 2>/dev/null | grep 'Verify return code'",
	},
	// lncli and other lnd clients holding another tls.cert than lnd serves.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"lncli"},
		Within:      []string{"unknown authority", "handshake failure"},
		Title:       "lncli could not set up TLS with lnd: its tls.cert is not the one lnd serves",
		Explanation: "lncli, and the apps that reach lnd's gRPC or REST (Zap, ThunderHub, RTL, Lightning Terminal), trust exactly the tls.cert they read: lnd's self-signed certificate. They fail when that copy is not the one lnd serves: lncli run as another user reads that user's ~/.lnd (an old copy), lnd made a new certificate (new tlsextraip or tlsextradomain, an expired one renewed at start), or --lnddir or --tlscertpath point elsewhere. A handshake failure instead says lnd's certificate and key files do not go together or are of a kind the client does not take (old RSA certificates against gRPC clients that need ECDSA); lnd makes new ones at start when both are deleted.",
		Fix:         "Run lncli as the user lnd runs as, or point it at lnd's current certificate:\n  lncli --tlscertpath /home/bitcoin/.lnd/tls.cert getinfo\nIf the files are stale, delete both and restart lnd, then copy the new tls.cert to every app:\n  rm ~/.lnd/tls.cert ~/.lnd/tls.key\n  sudo systemctl restart lnd",
		Confirm:     "openssl x509 -noout -subject -dates -in ~/.lnd/tls.cert",
	},
	// Hyperledger Fabric's orderer without its cluster client certificate.
	{
		ID: CertLoadFailed, Kind: "client", Side: "client",
		Match:       []string{"client certificate isn't in pem format", "failed creating a block puller"},
		Title:       "The Fabric orderer has no usable TLS client certificate for its cluster (General.Cluster.ClientCertificate)",
		Explanation: "A Raft orderer connects to the other orderers with a TLS client certificate: General.Cluster.ClientCertificate and ClientPrivateKey in orderer.yaml (ORDERER_GENERAL_CLUSTER_CLIENTCERTIFICATE and ORDERER_GENERAL_CLUSTER_CLIENTPRIVATEKEY in the environment). Left unset, or naming a file that is not PEM, the block puller and the cluster's connections cannot start.",
		Fix:         "Set both to the orderer's TLS certificate and key from the TLS CA (often the files General.TLS names), and restart the orderer:\n  ORDERER_GENERAL_CLUSTER_CLIENTCERTIFICATE=/var/hyperledger/orderer/tls/server.crt\n  ORDERER_GENERAL_CLUSTER_CLIENTPRIVATEKEY=/var/hyperledger/orderer/tls/server.key",
		Confirm:     "openssl x509 -noout -subject -dates -in /var/hyperledger/orderer/tls/server.crt",
	},
	// The QuickBooks PHP SDK's own TLS 1.2 check.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"checking tls 1.2 version failed"},
		Title:       "The QuickBooks PHP SDK's own TLS 1.2 check failed (its check, not the connection to Intuit)",
		Explanation: "The QuickBooks Online V3 PHP SDK checks, before its calls, that cURL speaks TLS 1.2 by asking a test site. Older releases fail the check when the connection uses TLS 1.3 (they required exactly TLS 1.2) or when the test site cannot be reached or its certificate fails, though cURL itself would reach Intuit. Current releases accept TLS 1.3.",
		Fix:         "Upgrade the SDK, and check that PHP's cURL speaks TLS 1.2 or later:\n  composer update quickbooks/v3-php-sdk\n  php -r 'echo curl_version()[\"ssl_version\"], PHP_EOL;'",
		Confirm:     "composer show quickbooks/v3-php-sdk",
	},
	// Ktor's CIO engine on Kotlin/Native.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"tls sessions are not supported on native platform"},
		Title:       "Ktor's CIO engine has no TLS on Kotlin/Native (iOS, macOS and other native targets)",
		Explanation: "Ktor's CIO engine does not implement TLS on Kotlin/Native in the releases that print this, so every https:// request from a native target fails. An HttpClient() created without an engine takes whichever engine is on the classpath, and a dependency that brings ktor-client-cio into the iOS build makes it CIO.",
		Fix:         "Use the Darwin engine on Apple targets (Curl or WinHttp on other native targets), name it, and keep ktor-client-cio out of the native source sets:\n  implementation(\"io.ktor:ktor-client-darwin:$ktor_version\")\n  val client = HttpClient(Darwin)",
		Confirm:     "./gradlew dependencies | grep ktor-client",
	},
	// Matrix homeservers judging each other's certificates (federation).
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"synapse.crypto.keyring", "synapse.http.matrixfederationclient", "/_matrix/federation/", "/_matrix/key/"},
		Within:      []string{"certificate verify failed", "x509: ", "certificate_verify_failed", "self signed certificate", "self-signed certificate"},
		Title:       "A Matrix homeserver did not accept another homeserver's certificate (federation): most often that server's problem",
		Explanation: "Homeservers (Synapse, Dendrite, Conduit) reach each other over TLS, on port 8448 or where the other's .well-known delegation points, and check each other's certificates like any client. The server named in the line serves an expired or self-signed certificate, one for another name (a proxy with no certificate for that name on its federation port), or no longer answers as a homeserver; Synapse logs it at every attempt to fetch its keys or send it events. Nothing on this server needs a change unless the named server is your own, or every remote server fails (then this server's CA bundle or a proxy intercepting its traffic).",
		Fix:         "Check the named server's federation port and leave it if it is not yours; if it is, serve a certificate from a public CA for its name there:\n  openssl s_client -connect example.org:8448 -servername example.org </dev/null 2>/dev/null | openssl x509 -noout -subject -issuer -dates",
		Confirm:     "openssl s_client -connect example.org:8448 -servername example.org </dev/null 2>/dev/null | grep 'Verify return code'",
	},
	// An http:// URL to port 443 (the marker explain adds for it).
	{
		ID: PlainHTTP, Kind: "client", Side: "client",
		Match:       []string{HTTPTo443Marker},
		Title:       "A plain http:// URL to port 443, which speaks TLS",
		Explanation: "The line's URL says http:// with port 443: the client sends plain HTTP to the port where the server, or the proxy in front of it, expects TLS, and gets an error page (400, the plain HTTP request was sent to HTTPS port), a TLS alert or a closed connection back. Such URLs are most often generated: an application behind a TLS-terminating proxy that is not told the original scheme (X-Forwarded-Proto, X-Scheme) builds its links as http://host:443/. Else a setting was typed with the wrong scheme.",
		Fix:         "Use https:// for port 443 (or leave the port out of an http:// URL). Behind a proxy, have it pass the scheme, and the application trust that header; nginx:\n  proxy_set_header X-Forwarded-Proto $scheme;\n  proxy_set_header X-Scheme $scheme;",
		Confirm:     "curl -sv http://host:443/ -o /dev/null",
	},
	// curl given a Windows certificate-store path, which only Schannel reads.
	{
		ID: CertLoadFailed, Kind: "client", Side: "client",
		Match:       []string{"localmachine\\my\\", "localmachine/my/", "localmachine//my//", "currentuser\\my\\", "currentuser/my/", "currentuser//my//"},
		Within:      []string{"could not load", "unable to", "no such file", "can't load", "cannot load"},
		Title:       "curl was given a Windows certificate-store path, which only a Schannel build of curl reads",
		Explanation: "curl's --cert CurrentUser\\MY\\<thumbprint> (or LocalMachine\\MY\\...) names a certificate in the Windows store, and only curl built with Schannel (Windows' own curl.exe) reads it so. A curl built with OpenSSL or LibreSSL (Git for Windows', MSYS2's and Cygwin's, or a libcurl inside PHP or another program) takes the same string as a file name, finds no such file, and loads no client certificate.",
		Fix:         "Use the Schannel curl that ships with Windows for a store path, or export the certificate and its key to a PKCS#12 or PEM file for an OpenSSL build:\n  C:\\Windows\\System32\\curl.exe --version\n  curl --cert-type P12 --cert client.p12 https://host/",
		Confirm:     "curl --version",
	},
	// mitmproxy blames trust for a client's failed handshake, whatever
	// OpenSSL's reason in brackets says: an old client's.
	{
		ID: HandshakeFailed, Kind: "client", Side: "server",
		Match:       []string{"client tls handshake failed."},
		Within:      []string{mitmOldClient},
		Title:       "mitmproxy refused an old client's TLS (its versions or algorithms), not a trust problem",
		Explanation: "mitmproxy adds \"The client may not trust the proxy's certificate\" to every failed handshake with a client; OpenSSL's reason in brackets says otherwise here. The client offered only TLS versions, cipher suites or signature algorithms that mitmproxy does not accept: since mitmproxy 7 its side towards clients wants TLS 1.2 or later by default (tls_version_client_min), and on OpenSSL 3 its default security level also refuses the SHA-1 and MD5 signatures and old ciphers that TLS 1.0 and 1.1 clients need (`no suitable signature algorithm`, `no shared cipher`), even with the minimum lowered. Old devices, embedded clients and legacy apps meet this.",
		Fix:         "Lower mitmproxy's minimum towards clients and, on OpenSSL 3, its security level as well: in ~/.mitmproxy/config.yaml (or each as --set NAME=VALUE),\n  tls_version_client_min: UNBOUNDED\n  ciphers_client: DEFAULT@SECLEVEL=0",
		Confirm:     "mitmdump --options | grep -A3 tls_version_client_min",
	},
	// mitmproxy's own handshake with the real server: its chain failed.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"server tls handshake failed. certificate verify failed"},
		Title:       "mitmproxy refused the real server's certificate (the server's chain, not mitmproxy's CA)",
		Explanation: "\"Server TLS handshake failed\" is mitmproxy's own connection onward to the real server, and the words after \"Certificate verify failed:\" are OpenSSL's verdict on that server's chain (expired, self-signed, unable to get local issuer certificate, a name mismatch). mitmproxy's own CA plays no part, so making a new one changes nothing; the client gets a 502 from the proxy. The server's certificate or a CA of its chain has expired, the server does not send its intermediate, it uses a private CA mitmproxy was not given, or its name does not match.",
		Fix:         "Look at the server's chain from the proxy's machine:\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null\nGive mitmproxy the server's private CA, or, for a test only, skip the check:\n  mitmproxy --set ssl_verify_upstream_trusted_ca=/path/ca.pem\n  mitmproxy --ssl-insecure",
		Confirm:     serverVerdictConfirm,
	},
	// mitmproxy's own handshake with the real server, for other reasons.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"server tls handshake failed."},
		Title:       "mitmproxy's handshake with the real server failed",
		Explanation: "\"Server TLS handshake failed\" is mitmproxy's own connection onward to the real server (not the client's with mitmproxy), and the words after it say why: the server wants a client certificate (mitmproxy sends one only when given client_certs), it accepts only TLS versions or ciphers that mitmproxy's defaults towards servers leave out (tls_version_server_min, ciphers_server), or it does not speak TLS on that port. The client gets a 502 from the proxy.",
		Fix:         "Read the reason after the words. For a server that requires a client certificate, give mitmproxy one (a PEM file with the certificate and its key, or a directory of HOST.pem files); for an old server, widen mitmproxy's side towards it:\n  mitmproxy --set client_certs=client.pem\n  mitmproxy --set tls_version_server_min=UNBOUNDED",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null",
	},
	// mitmproxy with no name to check the real server's certificate against.
	{
		ID: ServerHostnameMismatch, Kind: "client", Side: "client",
		Match:       []string{"cannot validate certificate hostname without sni"},
		Title:       "mitmproxy cannot check the real server's name: the client sent no SNI (it connected by IP address)",
		Explanation: "mitmproxy verifies the real server's certificate against the name the client asked for, which it learns from the client's SNI. A client that connects to an IP address (https://10.1.8.4/) sends no SNI, so mitmproxy has no name to check and refuses its connection onward; the client gets a 502 from the proxy.",
		Fix:         "Connect by the host name the server's certificate carries (an /etc/hosts entry gives a lab address one), or, for that test only, let mitmproxy skip the check:\n  mitmproxy --ssl-insecure",
		Confirm:     "openssl s_client -connect 10.1.8.4:443 -servername host.example.com </dev/null",
	},
	// HTTP Toolkit (mockttp): the client refused the interception certificate.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "server",
		Match:       []string{"\"failurecause\":\"cert-rejected\"", "failurecause: 'cert-rejected'"},
		Title:       "The client refused HTTP Toolkit's certificate: its CA is not trusted there",
		Explanation: "HTTP Toolkit (and mockttp, its interception library) intercepts TLS with certificates signed by its own CA, and logs `cert-rejected` when the client ends the handshake over that certificate. The CA is not trusted on the device: never installed, removed or reset (an Android update, a reinstalled app, a new emulator image), or expired. Android apps since Android 7 ignore CAs the user installed unless their network_security_config trusts them (HTTP Toolkit puts its CA in the system store only on a rooted device or emulator), and an app that pins its server's certificate refuses any proxy's.",
		Fix:         "Connect the device through HTTP Toolkit's setup again so that it installs its current CA, and see that the CA is listed and on (Android: Settings, Security, Trusted credentials, User). For an app you build, trust user CAs in debug builds (network_security_config's <debug-overrides>); a pinning app cannot be intercepted without removing its pin. Check the dates of the CA exported from HTTP Toolkit:\n  openssl x509 -noout -subject -enddate -in ca.pem",
		Confirm:     "openssl x509 -noout -subject -enddate -in ca.pem",
	},
	// Paho's JavaScript MQTT client: the browser's WebSocket error, without a reason.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"amqjs0007e socket error"},
		Title:       "Paho's JavaScript MQTT client lost its WebSocket, and the browser does not say why",
		Explanation: "Paho's JavaScript client connects to the broker over a WebSocket, and AMQJS0007E is the browser's WebSocket error, which carries no reason (`undefined`). Over wss:// the usual causes are TLS ones that the browser keeps to itself: the broker's certificate is self-signed or from a CA the browser does not trust (a WebSocket cannot show the certificate warning a page would), it does not carry the host name used, or the broker's WebSocket listener does not serve TLS at all (a mosquitto listener with `protocol websockets` whose certfile and keyfile did not take, as with some libwebsockets releases under mosquitto 1.4). Else the port or path is wrong, or the listener is not a WebSocket one.",
		Fix:         "Open https://broker:PORT/ in the same browser: a certificate warning there names the problem (accept it once for a test, or give the broker a certificate the browser trusts). See what the port speaks:\n  openssl s_client -connect broker:PORT -servername broker </dev/null",
		Confirm:     "openssl s_client -connect broker:PORT -servername broker </dev/null",
	},
	// NCBI's SRA Toolkit (its own Mbed TLS) refusing NCBI's servers (a
	// socket that broke is the network's: the Mbed TLS entries tell it).
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"connection failed while opening file within cryptographic module", "sys: mbedtls_ssl_get_verify_result returned", "sys: mbedtls_ssl_handshake returned"},
		Within:      []string{"verif", "x509 -", "trusted ca", "-9984", "-0x2700"},
		Title:       "NCBI's SRA Toolkit could not verify NCBI's servers: most often a release too old for their certificates",
		Explanation: "The SRA Toolkit (prefetch, fasterq-dump, vdb-config) carries its own TLS library (Mbed TLS) and checks NCBI's servers itself. NCBI changed its servers' certificates in 2022, and releases 2.9.6 and older (still installed by old distribution and conda packages) can no longer verify them. Otherwise a TLS-intercepting proxy re-signs the traffic with a CA the toolkit does not know, or the build itself is broken: users fixed a failing conda build by taking NCBI's own binaries.",
		Fix:         "Install a current SRA Toolkit (NCBI's own release, or a current package), and check which one runs:\n  prefetch --version\n  which prefetch",
		Confirm:     "prefetch --version",
	},
	// Python's requests aborting on a file it may not read.
	{
		ID: CertLoadFailed, Kind: "client", Side: "client",
		Match:       []string{"'connection aborted.', permissionerror(13"},
		Title:       "The client could not read its certificate, key or CA file (permission denied)",
		Explanation: "Python's requests (urllib3) opens the files named by cert= and verify= when it connects, and the system refused one: the program runs as a user that may not read it (a container image that moved to an unprivileged user, files mounted with mode 600 for root, a service's own user), or SELinux or AppArmor denies the path. The connection is aborted before any TLS is spoken.",
		Fix:         "See which user the program runs as and whether it can read the files:\n  id\n  ls -l client.crt client.key ca.pem\nthen make them readable by that user (its group and mode 640, or its owner), or label them for the service under SELinux.",
		Confirm:     "ls -l client.crt client.key ca.pem",
	},
	// NFePHP's message for any A1 certificate it could not open.
	{
		ID: CertLoadFailed, Kind: "client", Side: "client",
		Match:       []string{"o certificado não pode ser lido"},
		Title:       "NFePHP could not open the A1 certificate (.pfx): a wrong password, a damaged file, OpenSSL 3's legacy encryption or an expired certificate",
		Explanation: "NFePHP (sped-common's Certificate::readPfx and its Pkcs12 class) says this for every failure to open the PKCS#12 file: a wrong password; a file damaged in transfer (FTP in text mode, a base64 copy saved as is); the file's path passed where its contents belong (readPfx takes the bytes, as file_get_contents gives them); a .pfx encrypted with RC2 or 3DES, which OpenSSL 3 reads only with its legacy provider; and, in the Pkcs12 class, a certificate that has expired (the test certificates shipped with it have).",
		Fix:         "Open the file with its password to see which (with OpenSSL 3, add -legacy if it names an unsupported algorithm), and check its dates:\n  openssl pkcs12 -in certificado.pfx -info -noout\n  openssl pkcs12 -in certificado.pfx -nokeys -clcerts | openssl x509 -noout -enddate",
		Confirm:     "openssl pkcs12 -in certificado.pfx -info -noout",
	},
	// ODBC Driver 18 for SQL Server on Linux and macOS (OpenSSL): it checks by default.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"ssl provider: [error:"},
		Within:      []string{"certificate verify failed"},
		Title:       "The SQL Server ODBC driver refused the server's certificate (Driver 18 checks it by default)",
		Explanation: "Microsoft's ODBC Driver 18 for SQL Server (and sqlcmd of mssql-tools18, pyodbc, PHP's sqlsrv on it) encrypts and verifies the server's certificate by default, where Driver 17 did neither unless asked. A SQL Server without a configured certificate (a fresh install, a container) presents a self-signed one it generated, which fails that check; so does a certificate from a CA this machine's OpenSSL store lacks, or one for another name.",
		Fix:         "Give SQL Server a certificate from a CA the client trusts, or add that CA to the client's store (update-ca-certificates); to trust this server as it is (a test or local server): sqlcmd -C, or in the connection string:\n  Encrypt=yes;TrustServerCertificate=yes",
		Confirm:     "nmap -p 1433 --script ssl-cert db.example.com",
	},
	// Docker Desktop's own Kubernetes answered where another cluster was meant.
	{
		ID: ServerHostnameMismatch, Kind: "client", Side: "client",
		Match:       []string{"certificate is valid for docker-for-desktop", "certificate is valid for docker-desktop", "valid for kubernetes, kubernetes.default, kubernetes.default.svc, kubernetes.default.svc.cluster.local, docker-for-desktop"},
		Title:       "Docker Desktop's own Kubernetes answered, and its certificate does not name the host asked for",
		Explanation: "The certificate's names (docker-for-desktop or docker-desktop, host.docker.internal) are those of Docker Desktop's built-in Kubernetes API server. When the kubeconfig context is meant for another cluster on this machine (k3d, kind, k3s in Docker, minikube) at localhost or 127.0.0.1, Docker Desktop's Kubernetes holds that port and answers instead; when it is meant for Docker Desktop's cluster, the server URL uses a name its certificate does not carry (its own context uses https://kubernetes.docker.internal:6443).",
		Fix:         "See which context and server kubectl uses:\n  kubectl config view --minify -o jsonpath='{.clusters[0].cluster.server}'\nthen turn Docker Desktop's Kubernetes off (Settings, Kubernetes) or give the other cluster another API port; for Docker Desktop's own cluster, use its context:\n  kubectl config use-context docker-desktop",
		Confirm:     "kubectl config current-context",
	},
	// ASN.1 out of data: a short file, or not the file at all.
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"not enough data"},
		Within:      []string{"asn1", "encoding routines"},
		Title:       "OpenSSL ran out of data decoding a certificate, key or PKCS#12 file: the data is cut short, or is not the file",
		Explanation: "OpenSSL's ASN.1 decoder read a length that runs past the end of what it was given: the file was cut short (a partial download or copy), it was changed in transfer (FTP in text mode, base64 text saved where binary belongs), or the program was handed something other than the file's bytes. A common mistake is passing the file's path where its contents belong: PHP's openssl_pkcs12_read, and libraries on it such as NFePHP's readPfx, take the PKCS#12 data itself (file_get_contents of the path), not its name.",
		Fix:         "Check that the file decodes on its own, and compare its size with the original's:\n  openssl asn1parse -inform DER -in FILE\n  ls -l FILE\nA .pfx or .p12 opens so (OpenSSL 3 may need -legacy):\n  openssl pkcs12 -in FILE -info -noout",
		Confirm:     "openssl asn1parse -inform DER -in FILE",
	},
	// BoringSSL's parser refusing a certificate whose version forbids a field.
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"invalid_field_for_version", "invalid field for version"},
		Title:       "A certificate has a field its X.509 version does not allow (extensions in a v1 certificate)",
		Explanation: "BoringSSL refuses to parse a certificate whose version does not allow a field it holds: extensions in a version 1 (or 2) certificate, or unique identifiers in a version 1 one. Old and hand-made tools write such certificates. The certificate may be the peer's, this program's own, or any certificate it reads at start-up: a program that imports every certificate of a trust store or keychain (Electron apps reading the macOS keychain, as Rancher Desktop 1.3 did) stops at one such certificate there.",
		Fix:         "Find the certificate that shows Version 1 with X509v3 extensions, then reissue it as version 3 (or take it out of the store the program reads):\n  openssl x509 -noout -text -in cert.pem | grep -E 'Version|X509v3'",
		Confirm:     "openssl x509 -noout -text -in cert.pem | grep -E 'Version|X509v3'",
	},
	// A bare SEC_E_WRONG_PRINCIPAL: TLS's name check, or Kerberos's.
	{
		ID: ServerHostnameMismatch, Kind: "client", Side: "client", Fallback: true,
		Match:       []string{"the target principal name is incorrect"},
		Without:     []string{"sspi context"},
		Title:       "Windows: the server is not the one the client asked for by name (a TLS certificate's name, or a Kerberos name)",
		Explanation: "Windows says this (SEC_E_WRONG_PRINCIPAL) when the name the client connected with does not match the name the server proved. Over TLS (SQL Server's clients such as dbatools, SSMS and sqlcmd with encryption on, the default since Microsoft.Data.SqlClient 4 and ODBC Driver 18; Schannel in .NET and PowerShell) the server's certificate does not carry that name: a short name, an alias, a listener or an IP address where the certificate holds the fully qualified name. With Kerberos (\"Cannot generate SSPI context\", Active Directory replication, file shares) the service principal name is registered for another account.",
		Fix:         "Connect with the fully qualified name the server's certificate carries, or tell the client which name to expect (SqlClient: HostNameInCertificate):\n  Server=sql01.corp.example.com;Encrypt=True;HostNameInCertificate=sql01.corp.example.com",
		Confirm:     "nmap -p 1433 --script ssl-cert sql01.corp.example.com",
	},
	// fetchmail's STARTTLS, tried since 6.4 whenever the server offers it.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"upgrade to tls failed"},
		Within:      []string{"fetchmail"},
		Title:       "fetchmail's STARTTLS upgrade failed (fetchmail 6.4 and later try TLS unless told not to)",
		Explanation: "Since 6.4.0, fetchmail upgrades a plain connection with STARTTLS (or POP3's STLS) whenever the server offers it, even with no ssl option set, and checks the server's certificate by default (sslcertck). `upgrade to TLS failed` means the upgrade was tried and its handshake failed: the server's certificate is not trusted or not for the name used, no TLS version or cipher is in common, or something in front (an OAuth or mail proxy, a gateway) offers STARTTLS it cannot complete. The lines before it name the certificate error when there is one.",
		Fix:         "Run it verbose to see the handshake's error, and give fetchmail the server's CA (sslcertfile or sslcertpath) or fix the server's TLS; for a server without working TLS on a trusted network, turn the upgrade off with an empty sslproto:\n  fetchmail -v --sslproto ''",
		Confirm:     "openssl s_client -connect mail.example.com:110 -starttls pop3 </dev/null",
	},
	// An older fetchmail given an sslproto value it does not know.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"invalid ssl protocol '"},
		Within:      []string{"fetchmail", "specified, using default"},
		Title:       "fetchmail does not know the sslproto value it was given, and uses its default",
		Explanation: "fetchmail releases before 6.4 know only the sslproto values of their time (SSL2, SSL3, SSL23, TLS1); newer values such as auto or TLS1.2+ (which a newer fetchmail, or a tool that writes fetchmailrc for one, uses) make it warn and fall back to its default method. The connection may still work, but the setting meant to require a TLS version is not applied; the release itself is old (its OpenSSL too).",
		Fix:         "Install fetchmail 6.4 or later, which knows auto and the TLS1.x+ values, or give this release a value it knows; see the release:\n  fetchmail --version",
		Confirm:     "fetchmail --version",
	},
	// NuGet's signature check against the .NET SDK's own root bundle.
	{
		ID: Untrusted, Kind: "client", Side: "client",
		Match:       []string{"is not present in the certificate bundle at"},
		Title:       "NuGet refused a package's signature: its root is not in the .NET SDK's own code-signing bundle",
		Explanation: "This is NuGet's check of a package's signature, not a TLS connection. On Linux and macOS the .NET SDK (8.0 and later) checks package signatures against root certificates it carries (sdk/VERSION/trustedroots: codesignctl.pem and timestampctl.pem), not the system's store, so a package signed under a root the bundle of that SDK release lacks fails with NU3042 (an error when warnings are errors). Later SDK releases and images add roots.",
		Fix:         "Update the SDK (or the SDK container image) to a release whose bundle holds that root; see the SDKs installed:\n  dotnet --list-sdks\nUntil then keep NU3042 a warning for that build (WarningsNotAsErrors) rather than turning signature checks off.",
		Confirm:     "dotnet --list-sdks",
	},
	// Nordic's nRF91 modem refusing a credential at provisioning.
	{
		ID: CertLoadFailed, Kind: "client", Side: "client",
		Match:       []string{"failed to provision ca certificate", "failed to provision certificate", "failed to provision private key"},
		Title:       "The device's modem did not take the certificate (nRF91 credential provisioning)",
		Explanation: "Nordic's nRF91 devices keep TLS credentials in the modem, written with modem_key_mgmt under a security tag; the modem refuses a PEM that is not whole (newlines lost, a missing END line), a credential over its firmware's size limit (about 4 kB for a CA certificate or chain: a long chain or a bundle of roots; a modem crash logged just before points at the size), a tag in use, or a write while the modem is online (it must be offline, CFUN=4 or 0).",
		Fix:         "Provision one smaller root (the one the server's chain ends in; an ECDSA root is smaller than an RSA one), with the modem offline; see its size:\n  openssl x509 -in ca.pem -outform der | wc -c",
		Confirm:     "openssl x509 -noout -subject -in ca.pem",
	},
	// e2guardian's block of a site whose certificate it did not verify.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"certificate supplied by server was not valid"},
		Title:       "e2guardian (SSL MITM) refused the site's certificate and blocked the page",
		Explanation: "With SSL MITM, e2guardian is the TLS client of each site and checks its certificate against the system's CA store (mitmcheckcert, on by default); a chain it cannot verify (a missing intermediate, a private CA, an expired certificate; the reason follows these words when it is logged) gets the page blocked. sslcertcheck applies only to traffic it does not intercept.",
		Fix:         "Put the site's CA (or its missing intermediate) in the system store e2guardian reads, or list the site as an exception; turning mitmcheckcert off lets every bad certificate through:\n  openssl s_client -connect site.example.com:443 -servername site.example.com </dev/null\n  update-ca-certificates",
		Confirm:     "openssl s_client -connect site.example.com:443 -servername site.example.com </dev/null 2>/dev/null | grep 'Verify return code'",
	},
	// IBM's GSKit (IBM Directory Server, Db2, MQ) reading bytes that are not TLS.
	{
		ID: HandshakeFailed, Kind: "client", Side: "server",
		Match:       []string{"ssl message format is incorrect"},
		Title:       "The server (on IBM GSKit) read bytes that are not TLS where TLS belonged",
		Explanation: "GSKit's error 410 means the server read something other than a TLS record: a client speaking plain LDAP or HTTP to the TLS port (ldap:// to 636, a health check), or a client whose TLS set-up failed and that went on in plain text on the same connection (SSSD's StartTLS cut short by its own watchdog was one), or a client hello in a form the server does not read (SSLv2-style).",
		Fix:         "Find the client by the address in the line, make it use ldaps:// on the TLS port (or StartTLS on 389), and upgrade a client that falls back to plain text after a failed handshake; test the port as a client:\n  openssl s_client -connect ldap.example.com:636 </dev/null",
		Confirm:     "openssl s_client -connect ldap.example.com:636 </dev/null",
	},
	// go-ldap's read of a connection the LDAP server closed.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"unable to read ldap response packet: unexpected eof", "ldap result code 200 \"\": eof", "ldap result code 200 \"network error\": eof"},
		Title:       "The LDAP server closed the connection before answering (over ldaps://, a TLS handshake that failed or never started)",
		Explanation: "go-ldap (in Harbor, Gitea, Grafana, nginx-sso and others) reports the server's close as EOF. On an ldaps:// port: a client that dials without TLS (plain LDAP to port 636, which the server drops), or a handshake the server refused: no TLS version or cipher in common after the server was hardened (TLS 1.2 or later, a short cipher list), or a client certificate it requires. On port 389, a server that requires StartTLS.",
		Fix:         "Test the port as a TLS client, then with the version the client offers:\n  openssl s_client -connect ldap.example.com:636 </dev/null\n  openssl s_client -connect ldap.example.com:636 -tls1_2 </dev/null\nand use ldaps:// with the TLS port (upgrade a program that dials it without TLS).",
		Confirm:     "openssl s_client -connect ldap.example.com:636 </dev/null",
	},
	// NRPE's daemon dropping check_nrpe.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"connection reset by peer", "could not complete ssl handshake"},
		Within:      []string{"check_nrpe"},
		Title:       "The NRPE daemon dropped check_nrpe's connection (an address it does not allow, or TLS it cannot agree to)",
		Explanation: "nrpe closes a connection from an address not in allowed_hosts, and one whose TLS set-up it refuses: check_nrpe and nrpe built or set differently (one with SSL, the other without, or -n on one side only), NRPE 3 without certificates on a system whose OpenSSL no longer offers the anonymous Diffie-Hellman NRPE then uses (Debian 9 and later), or a client certificate required (ssl_client_certs) and not sent. The daemon's log says which.",
		Fix:         "See the daemon's reason, and test with and without SSL:\n  journalctl -u nagios-nrpe-server | tail\n  check_nrpe -H host\n  check_nrpe -H host -n\nthen give both sides certificates (the daemon's ssl_cert_file, ssl_privatekey_file and ssl_cacert_file settings, and the client's -C, -K and -A options), or add the poller's address to allowed_hosts.",
		Confirm:     "check_nrpe -H host",
	},
	// A client library that says only that verification failed.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Exact:       []string{"certificate verification failed.", "certificate verification failed"},
		Title:       "The client could not verify the server's certificate (no CA given to it, or not the server's)",
		Explanation: "Printed alone by a client library on OpenSSL (hiredis and redis-plus-plus with TLS, among others): the server's certificate did not verify. Most often no CA was given (hiredis needs cacert or cacertdir, and does not read the system's store unless told to), or not the CA that signed the server's certificate, or the name connected to is not in it.",
		Fix:         "Give the client the CA that signed the server's certificate, and test with it:\n  redis-cli --tls --cacert ca.crt -h host -p 6379 ping\n  openssl s_client -connect host:6379 -CAfile ca.crt </dev/null",
		Confirm:     "openssl s_client -connect host:6379 -CAfile ca.crt </dev/null 2>/dev/null | grep 'Verify return code'",
	},
	// Dart's package tool behind an intercepting proxy.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"got tls error trying to find package archive"},
		Title:       "Dart's pub could not verify the package server's certificate (most often a proxy's CA it does not trust)",
		Explanation: "pub (dart pub, flutter pub get, the flutter tool's own updates) trusts the system's roots through Dart's own TLS, so a company proxy or antivirus that re-signs TLS with its own root (installed for the browsers) fails here unless that root is given to Dart; a mirror (PUB_HOSTED_URL) with a private CA fails the same way.",
		Fix:         "Give Dart the proxy's root certificate (PEM), then run pub again:\n  export DART_VM_OPTIONS=--root-certs-file=/path/company-root.pem\n  flutter pub get",
		Confirm:     "openssl s_client -connect pub.dev:443 -servername pub.dev </dev/null 2>/dev/null | grep issuer",
	},
	// FreeIPA's installer of CA certificates checking the chain.
	{
		ID: Untrusted, Kind: "client", Side: "server",
		Match:       []string{"not a valid ca certificate:"},
		Title:       "ipa-cacert-manage refused the CA certificate: its issuer is not installed yet (install the root first)",
		Explanation: "ipa-cacert-manage install checks the certificate it is given against the CAs already in IPA's certificate database: an intermediate (Let's Encrypt's, a company's issuing CA) is refused until the root that signed it is installed, and a certificate that is not a CA (basicConstraints CA:FALSE) is refused always.",
		Fix:         "Install the chain from the top, root first, then update every IPA server and client:\n  ipa-cacert-manage install root.pem -n root -t C,,\n  ipa-cacert-manage install intermediate.pem -n intermediate -t C,,\n  ipa-certupdate",
		Confirm:     "openssl x509 -noout -subject -issuer -in intermediate.pem",
	},
	// OpenVPN's server reading a client's first packets that are not TLS.
	{
		ID: HandshakeFailed, Kind: "client", Side: "server",
		Match:       []string{"unknown protocol", "wrong version number"},
		Within:      []string{"openvpn"},
		Title:       "The OpenVPN server read a client's first TLS bytes and they are not TLS (another protocol or variant)",
		Explanation: "The client's packets passed OpenVPN's framing but what they carry is not a TLS ClientHello: a client speaking a provider's own variant of the protocol (PIA's .pia builds, obfuscation or scramble patches, another VPN's client on the same port), a client set for another cipher or packet format it negotiates differently, or a scanner or HTTP client on a TCP port.",
		Fix:         "Use a standard OpenVPN client or profile (a provider's plain OpenVPN variant rather than its own protocol), and compare the client's and server's settings; see the client's address and what it sends:\n  openvpn --config client.ovpn --verb 4",
		Confirm:     "openvpn --version",
	},
	// Mbed TLS (PolarSSL) unable to decrypt an encrypted key's format.
	{
		ID: KeyLoadFailed, Kind: "client",
		Match:       []string{"pkcs5 - requested encryption or digest alg not available", "mbedtls_pk_parse_keyfile returned -0x2e80", "mbedtls_pk_parse_key returned -0x2e80"},
		Title:       "Mbed TLS (PolarSSL) cannot decrypt the private key: it is encrypted with a scheme that build lacks",
		Explanation: "The private key is protected by a passphrase in PKCS#8 form, and the PBES2 cipher or key derivation OpenSSL used (AES-256-CBC with PBKDF2-HMAC-SHA256 by default since OpenSSL 1.1, or a key made without -nodes or with easy-rsa's passphrase) is not built into this Mbed TLS: OpenVPN Connect's and embedded (ESP-IDF) builds lack some of them. The same key without a passphrase, or in the traditional PEM form, loads.",
		Fix:         "Write the key without encryption (and protect the file instead), or in the traditional form with a cipher the device has:\n  openssl pkey -in client.key -out client-plain.key\n  openssl rsa -in client.key -traditional -aes128 -out trad.key",
		Confirm:     "head -1 client.key",
	},
	// OpenVPN's server requiring a certificate from clients that have none.
	{
		ID: NoClientCert, Kind: "client", Side: "server",
		Match:       []string{"peer did not return a certificate"},
		Within:      []string{"tls_read_plaintext", "openvpn", "tls_error: bio read"},
		Title:       "The OpenVPN server requires a client certificate and the client sent none",
		Explanation: "OpenVPN's server asks every client for a certificate unless told otherwise; clients that log in with a user name and password only (auth-user-pass, a plugin or script checking it) send none and are refused. OpenVPN 2.4 and later take verify-client-cert none (or optional) for that; 2.3 and older take client-cert-not-required, and an older server stops at start on the newer option's name.",
		Fix:         "On a server whose clients log in with a password only, in its configuration:\n  verify-client-cert none\nor, on OpenVPN 2.3 and older:\n  client-cert-not-required\nOtherwise give each client a certificate and key from the server's CA.",
		Confirm:     "openvpn --version",
	},
	// OpenVPN's client seeing the server close the connection.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"connection reset, restarting"},
		Title:       "The OpenVPN server closed the connection (most often it refused this client in the handshake)",
		Explanation: "Over TCP the client sees only that the server closed; the server's log says why. Four causes cover most cases: the client's certificate has expired (or the CA's), it is revoked in the server's crl-verify file (or that CRL has expired), it was issued by a CA the server does not use, or the tls-auth or tls-crypt key differs between the two sides.",
		Fix:         "See the client certificate's dates and issuer, and the server's log at the same time:\n  openssl x509 -noout -issuer -dates -in client.crt\n  journalctl -u openvpn-server@server --since '-10 min'\nthen renew or reissue the client's certificate from the server's CA.",
		Confirm:     "openssl x509 -noout -checkend 0 -in client.crt",
	},
	// OpenVPN's client profile without a certificate, key or password.
	{
		ID: CertLoadFailed, Kind: "client", Side: "client",
		Match:       []string{"no client-side authentication method is specified"},
		Title:       "The OpenVPN client profile has no certificate and key (nor a user name and password)",
		Explanation: "The profile gives the client no way to authenticate: no cert and key (or <cert> and <key> blocks), no pkcs12, no auth-user-pass. Most often the script or template that generated the .ovpn file wrote only the <ca> block, or the client's files were not copied beside a profile that names them.",
		Fix:         "Put the client's certificate and key into the profile (or name their files), then connect again; see which blocks the profile holds:\n  grep -n -e '<cert>' -e '<key>' -e '<ca>' -e auth-user-pass client.ovpn",
		Confirm:     "grep -c 'BEGIN CERTIFICATE' client.ovpn",
	},
	// A service asked for a key's passphrase with nobody to type it.
	{
		ID: KeyLoadFailed, Kind: "client",
		Match:       []string{"can't ask for 'enter private key password", "can't ask for 'enter pem pass phrase"},
		Title:       "The private key is encrypted and the service has no way to ask for its passphrase",
		Explanation: "The key file is protected by a passphrase, and the program runs without a terminal (a system service, a router's firmware, a container), so it cannot prompt for it. Some programs can read the passphrase from a file (OpenVPN's askpass); where none can, the key must be stored without encryption and protected by its file mode instead.",
		Fix:         "Give the passphrase from a file (OpenVPN: askpass /etc/openvpn/client.pass), or remove the key's passphrase and restrict the file:\n  openssl pkey -in client.key -out client-plain.key\n  chmod 600 client-plain.key",
		Confirm:     "head -1 client.key",
	},
	// Android refusing an enterprise Wi-Fi profile that cannot check its server.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"enterprise network configuration is missing either a root ca or a domain name"},
		Title:       "Android refuses this enterprise Wi-Fi profile: it needs both a CA certificate and the server's domain",
		Explanation: "Android 11 and later will not save or use an EAP-TLS, PEAP or TTLS network that cannot check the RADIUS server: the profile must name a CA certificate (or the system's store) and the domain the server's certificate carries (domainSuffixMatch or altSubjectMatch). A management app or profile that sets only the CA, or only the domain, fails so.",
		Fix:         "Set both in the profile or the app's WifiEnterpriseConfig: the CA certificate and the server's domain, as its certificate names it:\n  openssl x509 -noout -text -in radius-server.crt | grep -A1 'Subject Alternative Name'",
		Confirm:     "openssl x509 -noout -subject -in radius-server.crt",
	},
	// ESP-IDF's own TLS code (wpa_supplicant's internal TLS) and a digest it lacks.
	{
		ID: BadSignature, Kind: "client", Side: "client",
		Match:       []string{"x509: unrecognized digestalgorithm"},
		Title:       "The device's built-in TLS code does not know a certificate's digest (ESP-IDF's internal TLS, enterprise Wi-Fi)",
		Explanation: "wpa_supplicant's own small TLS and X.509 code (used by ESP-IDF's enterprise Wi-Fi when it is not built on Mbed TLS) knows only a few digests; a certificate in the RADIUS server's chain signed with another (SHA-384 or SHA-512, as many enterprise CAs use) cannot be checked, and the connection fails.",
		Fix:         "Build the Wi-Fi enterprise client on Mbed TLS (ESP-IDF menuconfig: CONFIG_ESP_WIFI_MBEDTLS_TLS_CLIENT) or update ESP-IDF; see the chain's signature algorithms:\n  openssl x509 -noout -text -in radius-ca.crt | grep 'Signature Algorithm'",
		Confirm:     "openssl x509 -noout -text -in radius-ca.crt | grep 'Signature Algorithm'",
	},
	// socat checking the server certificate's name.
	{
		ID: ServerHostnameMismatch, Kind: "client", Side: "client",
		Match:       []string{"certificate is valid but its commonname does not match hostname"},
		Title:       "socat trusts the server's certificate, but it is not for the name socat checks",
		Explanation: "socat 1.7.3 and later check the server certificate's names against the host in the address, or against commonname= when it is given. A certificate issued for another name (a node's own name while the program passes a fixed name, a server reached by IP or by an alias) fails this check though the chain verifies.",
		Fix:         "Give socat the name the certificate carries, or reissue the certificate with the name socat connects by:\n  socat - OPENSSL:10.0.0.5:443,cafile=ca.crt,commonname=srv.lan\n  openssl x509 -noout -text -in server.crt | grep -A1 'Subject Alternative Name'",
		Confirm:     "openssl x509 -noout -text -in server.crt | grep -A1 'Subject Alternative Name'",
	},
	// Postfix's SMTP client and a name that does not match.
	{
		ID: ServerHostnameMismatch, Kind: "client", Side: "client",
		Match:       []string{"hostname mismatch"},
		Within:      []string{"server certificate verification failed for"},
		Title:       "Postfix's SMTP client got a certificate without the destination's name (often for sending no SNI)",
		Explanation: "Postfix's SMTP client checks the name (at the secure or verify levels, or with DANE) and, unless smtp_tls_servername is set, sends no server name (SNI): a mail host that serves several domains on one address then answers with its default certificate (a wildcard of the hoster's own domain), which does not carry the destination's name. Otherwise the destination's certificate lacks the name.",
		Fix:         "Let Postfix send the name (Postfix 3.4 and later), then reload:\n  postconf -e smtp_tls_servername=hostname\n  postfix reload\nand see which certificate the host sends with and without it:\n  openssl s_client -connect mx.example.org:25 -starttls smtp -servername mx.example.org </dev/null",
		Confirm:     "openssl s_client -connect mx.example.org:25 -starttls smtp -servername mx.example.org </dev/null 2>/dev/null | openssl x509 -noout -subject",
	},
	// imapfilter pinned to an old protocol.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"unsupported protocol", "wrong version number"},
		Within:      []string{"imapfilter"},
		Title:       "imapfilter's account asks for an old protocol the server no longer speaks",
		Explanation: "An imapfilter account's ssl setting pins the protocol: 'ssl23', 'ssl3' or 'tls1' from old configurations make it offer versions current servers (Exchange Online, Gmail) refuse, so the handshake ends before any certificate is checked.",
		Fix:         "Set the account to a current version, or to auto on releases that know it, in ~/.imapfilter/config.lua:\n  ssl = 'tls1.2'",
		Confirm:     "imapfilter -V",
	},
	// rsyslog unable to read its TLS key.
	{
		ID: KeyLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"can not read file"},
		Within:      []string{"rsyslog"},
		Title:       "rsyslog could not read a TLS file (most often after it dropped root)",
		Explanation: "rsyslog reads the files of its TLS driver (gtls or ossl: DefaultNetstreamDriverCAFile, CertFile, KeyFile) when a listener or action first needs them, which is after it has dropped its privileges ($PrivDropToUser, $PrivDropToGroup) in rsyslog 8: a key readable by root alone (mode 400 or 600) can no longer be opened. A wrong path reads the same.",
		Fix:         "Let rsyslog's user read the files (or keep it running as root), then restart it:\n  chgrp syslog /etc/ssl/rsyslog.key\n  chmod 640 /etc/ssl/rsyslog.key\n  systemctl restart rsyslog",
		Confirm:     "sudo -u syslog head -1 /etc/ssl/rsyslog.key",
	},
	// A Java program that reads every key as RSA.
	{
		ID: KeyLoadFailed, Kind: "client",
		Match:       []string{"invalidkeyexception: invalid rsa private key", "invalidkeyspecexception: java.security.invalidkeyexception: invalid rsa private key"},
		Title:       "The Java program read the private key as RSA, and it is not one it can read so (an EC key, or another form)",
		Explanation: "Java's KeyFactory for RSA refused the key's bytes: the program reads every key with an RSA KeyFactory, and this one is an EC (ECDSA) key, or it reads PKCS#8 and got a PKCS#1 (BEGIN RSA PRIVATE KEY) or encrypted key. Graylog's inputs and other Java servers that load PEM keys themselves fail so with an ECDSA certificate.",
		Fix:         "See what the key is; give such a program an RSA key (and certificate) in unencrypted PKCS#8, or upgrade it to a release that reads EC keys:\n  head -1 server.key\n  openssl pkey -in server.key -noout -text | head -1\n  openssl pkcs8 -topk8 -nocrypt -in server.key -out server-pkcs8.key",
		Confirm:     "openssl pkey -in server.key -noout -text | head -1",
	},
	// 389 Directory Server's replication bind that could not reach its peer.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"slapi_ldap_bind - could not send bind request"},
		Title:       "389 Directory Server could not bind to its replication peer (over LDAPS, most often a certificate the peer does not trust)",
		Explanation: "The supplier's replication agreement connects to the consumer as an LDAP client, and can't contact LDAP server is libldap's word for a TLS handshake that failed too. With the EXTERNAL mechanism (certificate authentication) the consumer must trust the CA of the supplier's certificate and map it to the replication manager; either side refusing the other's CA (an unknown CA alert in the consumer's log) ends the connection here.",
		Fix:         "Put each side's CA into the other's NSS database and restart it, then look at the consumer's errors log at the same time:\n  certutil -A -d /etc/dirsrv/slapd-consumer -n supplier-ca -t CT,, -a -i supplier-ca.pem\n  openssl s_client -connect ldap2.example.com:636 -cert supplier.crt -key supplier.key </dev/null",
		Confirm:     "certutil -L -d /etc/dirsrv/slapd-consumer",
	},
	// A Redis-compatible server (Dragonfly) telling a client to use TLS.
	{
		ID: PlainHTTP, Kind: "client", Side: "client",
		Match:       []string{"bad tls header, double check if you enabled tls for your client"},
		Title:       "The server requires TLS and this client spoke plain text to it",
		Explanation: "Dragonfly (and other Redis-compatible servers with TLS on) answers so when a client's first bytes are a plain command rather than a TLS ClientHello: the client has no TLS set for that connection (a rediss:// URL or its tls option), or it was built without TLS support.",
		Fix:         "Turn TLS on in the client for that server (rediss:// URLs, or its TLS option with the server's CA), and check the port speaks TLS:\n  redis-cli --tls --cacert ca.crt -h host -p 6379 ping",
		Confirm:     "openssl s_client -connect host:6379 </dev/null",
	},
	// rustls's server given an IP address as the server name.
	{
		ID: HandshakeFailed, Kind: "client", Side: "server",
		Match:       []string{"illegal sni hostname received"},
		Title:       "The client sent an IP address as the TLS server name (SNI), which the server (rustls) refuses",
		Explanation: "TLS's server name extension may carry only host names (RFC 6066), and rustls servers refuse a ClientHello whose SNI is an IP address literal. The client is at fault: it put the address of an https://192.0.2.10/ URL into SNI (Dart's HttpClient did; most clients send no SNI for an address).",
		Fix:         "Connect by a host name (a local DNS name or /etc/hosts entry for the address), or upgrade the client to a release that sends no SNI for an address; see what the server takes:\n  openssl s_client -connect 192.0.2.10:443 -noservername </dev/null",
		Confirm:     "openssl s_client -connect 192.0.2.10:443 -noservername </dev/null",
	},
	// iOS's App Transport Security refusing a connection.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"[ats violation]"},
		Title:       "iOS's App Transport Security refused the connection (an exception the app's Info.plist does not cover)",
		Explanation: "App Transport Security lets an app connect only over TLS 1.2 or later to servers with trusted certificates, unless its Info.plist grants an exception. NSAllowsLocalNetworking covers local host names (.local, names without a dot), not a routable or VPN IP address, and plain http:// needs an exception too; a self-signed or private-CA server on a LAN or Tailscale address therefore fails.",
		Fix:         "Serve a certificate from a CA the device trusts (a profile installing the private CA, then trusted in Settings > General > About > Certificate Trust Settings), or add an exception for that domain in the app's Info.plist (NSExceptionDomains); NSAllowsArbitraryLoads only to test.",
		Confirm:     "openssl s_client -connect 192.0.2.10:443 </dev/null 2>/dev/null | grep 'Verify return code'",
	},
	// x11vnc's SSL helper given a connection that does not speak SSL.
	{
		ID: HandshakeFailed, Kind: "client", Side: "server",
		Match:       []string{"(ssl_init failed)"},
		Within:      []string{"ssl_helper"},
		Title:       "x11vnc (-ssl) got a viewer that does not speak SSL",
		Explanation: "With -ssl, x11vnc accepts only VNC wrapped in SSL/TLS, and its SSL helper gives up when a viewer starts plain VNC (an RFB greeting instead of a TLS handshake): a viewer without SSL support, such as xrdp's VNC module, or one not told to use it.",
		Fix:         "Run x11vnc without -ssl for a viewer that cannot do SSL (and keep it on localhost or behind an SSH tunnel), or use a viewer that speaks it (SSVNC, or a VeNCrypt-capable one):\n  x11vnc -localhost -rfbauth ~/.vnc/passwd",
		Confirm:     "openssl s_client -connect localhost:5900 </dev/null",
	},
	// TigerVNC's viewer and server offering no security type in common.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"no matching security types"},
		Title:       "The VNC viewer and server share no security type (TLS or X.509 types not enabled on one side)",
		Explanation: "TigerVNC negotiates a security type before anything else; the server offers those in its SecurityTypes list and the viewer those in its own. Giving the server -X509Cert and -X509Key does not enable the X509 types: they must be listed too (X509Vnc, X509Plain), and a viewer limited to types the server lacks (or an old one without TLS) fails the same way.",
		Fix:         "List the X.509 types on the server, with its certificate and key, and give the viewer the CA:\n  vncserver -SecurityTypes X509Vnc -X509Cert s.crt -X509Key s.key\n  vncviewer -SecurityTypes X509Vnc -X509CA ca.crt host:1",
		Confirm:     "vncviewer -SecurityTypes X509Vnc -X509CA ca.crt host:1",
	},
	// KasmVNC and others checking their certificate path before starting.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"certificate file doesn't exist or isn't a file"},
		Title:       "The server could not find or read its certificate or key file (the path, or a group it is not in)",
		Explanation: "The program checks its certificate and key paths before it starts, and reports a file it may not read the same way as a missing one: Debian's snakeoil key in /etc/ssl/private, the default of KasmVNC and others, can be read only by the ssl-cert group, and a user added to that group has it only in a new login.",
		Fix:         "Give the user that starts the server read access (on Debian, the ssl-cert group, then log in again), or point the server at files it can read:\n  sudo usermod -aG ssl-cert $USER\n  sudo -u $USER head -1 /etc/ssl/private/ssl-cert-snakeoil.key",
		Confirm:     "id -nG",
	},
	// FreeRDP 2.0's purpose check of an RDP server certificate.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"unsupported certificate purpose"},
		Within:      []string{"freerdp"},
		Title:       "FreeRDP refused the RDP server's certificate for its purpose (only Windows' Remote Desktop Authentication usage)",
		Explanation: "A certificate issued from Windows' Remote Desktop template carries only the Remote Desktop Authentication extended key usage (1.3.6.1.4.1.311.54.1.2), not TLS server authentication; Windows clients take it, and FreeRDP 2.0.0 required the TLS server purpose and refused it (later releases accept it again).",
		Fix:         "Upgrade FreeRDP (2.1 or later), or issue the RDP certificate with Server Authentication in its extended key usage; see what it carries (RDP starts TLS after its own negotiation, so nmap, not openssl s_client):\n  nmap -p 3389 --script ssl-cert host",
		Confirm:     "xfreerdp /version",
	},
	// PHP's socket TLS start failing (CakePHP, raw streams).
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"unable to perform enablecrypto operation"},
		Title:       "PHP could not start TLS on its socket (an old PHP's TLS 1.0-only client method, or the server's certificate)",
		Explanation: "The framework asked PHP's stream_socket_enable_crypto for TLS and it failed. From PHP 5.6.7 to 7.1, STREAM_CRYPTO_METHOD_TLS_CLIENT, which many libraries pass, offers TLS 1.0 only, so servers that require TLS 1.2 refuse the handshake; otherwise PHP did not trust the server's certificate (openssl.cafile, or an outdated CA bundle shipped with the framework).",
		Fix:         "Upgrade PHP (7.2 and later offer TLS 1.0 to 1.2 with that method) or the library, or have it pass the TLS 1.2 method; see what PHP uses for CAs:\n  php -r 'var_dump(openssl_get_cert_locations());'",
		Confirm:     "php -r 'var_dump(openssl_get_cert_locations());'",
	},
	// WordPress's own connection to WordPress.org.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"wordpress could not establish a secure connection to wordpress.org"},
		Title:       "WordPress could not reach WordPress.org over HTTPS from this server",
		Explanation: "WordPress's own requests to api.wordpress.org (updates, plugins) go out from the server, and any failure reads the same: most often the server cannot reach it (DNS that does not resolve the name, an IPv6 address without an IPv6 route, a firewall for outgoing connections), otherwise PHP's curl does not trust the certificate (an old CA bundle or OpenSSL).",
		Fix:         "Test the same request from the server, as the web server's user:\n  curl -v https://api.wordpress.org/core/version-check/1.7/\n  getent hosts api.wordpress.org\nthen fix name resolution (or prefer IPv4) or the CA bundle it shows.",
		Confirm:     "curl -sS -o /dev/null -w '%{http_code}\\n' https://api.wordpress.org/",
	},
	// PHP's server stream with no certificate given.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"missing an ssl certificate (local_cert context option)"},
		Title:       "The PHP TLS server has no certificate (local_cert), so it can agree no cipher with any client",
		Explanation: "PHP's server stream (stream_socket_server, stream_socket_accept: Ratchet, Wrench, ReactPHP servers) found no cipher it could use because its SSL context has no certificate: local_cert (and local_pk) missing, or a path PHP could not read (the process's user, a relative path).",
		Fix:         "Give the server's SSL context the certificate and key, readable by the user it runs as (the ssl options of its context):\n  'local_cert' => '/etc/ssl/site/fullchain.pem',\n  'local_pk' => '/etc/ssl/site/privkey.pem',\n  sudo -u www-data head -1 /etc/ssl/site/privkey.pem",
		Confirm:     "openssl s_client -connect host:8443 </dev/null",
	},
	// Erlang/OTP's TLS finding no cipher it can use with its key.
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"no_suitable_ciphers"},
		Title:       "No cipher suite the client offered fits the server's certificate key (Erlang/OTP TLS: no_suitable_ciphers)",
		Explanation: "An Erlang/OTP TLS server (RabbitMQ, EMQX, ejabberd, CouchDB) found no offered suite it can use: most often the suites fit another key type than its certificate's (a client offering only ECDSA suites to a listener with an RSA key, or the other way round), or the server's ciphers or versions setting leaves none the client has.",
		Fix:         "See the key type of the listener's certificate and which suites the client offers; give the client suites for that key type, or widen the server's ciphers setting:\n  openssl x509 -noout -text -in server.crt | grep 'Public Key Algorithm'\n  openssl s_client -connect host:5671 -tls1_2 </dev/null",
		Confirm:     "openssl s_client -connect host:5671 </dev/null",
	},
	// Erlang/OTP 26 refusing a server-only option on a client connection.
	{
		ID: StartupFailed, Kind: "client", Side: "client",
		Match:       []string{"{option,server_only,"},
		Title:       "An Erlang/OTP TLS client was given a server-only option (OTP 26 refuses it)",
		Explanation: "Erlang/OTP 26 checks TLS options against the side they are used on, and a client connection (a RabbitMQ shovel or federation link, an AMQP or MQTT client on Erlang) given a server's option, such as fail_if_no_peer_cert, now fails to start; OTP 25 ignored it. URIs copied from older examples carry it.",
		Fix:         "Remove the server-only option from the client's URI or settings (fail_if_no_peer_cert belongs to listeners), e.g.:\n  amqps://host:5671/%2F?cacertfile=/etc/ssl/ca.pem&verify=verify_peer",
		Confirm:     "rabbitmqctl status | grep -i otp",
	},
	// openssl pkcs12 (OpenSSL 3) unable to write out a legacy PKCS#12 file.
	{
		ID: OpenSSLCommand, Kind: "client", Side: "client",
		Match:       []string{"error outputting keys and certificates"},
		Title:       "openssl pkcs12 could not read the file's contents (with OpenSSL 3, most often a legacy RC2 or 3DES PKCS#12)",
		Explanation: "openssl pkcs12 could not decrypt what the file holds: a .pfx or .p12 made by OpenSSL 1.x or older Windows encrypts its certificates with RC2-40 (or 3DES), which OpenSSL 3 has only in its legacy provider; a wrong import password fails here too. The file itself is fine.",
		Fix:         "Read it with the legacy provider, and write it again with current algorithms:\n  openssl pkcs12 -legacy -in identity.pfx -nodes -out identity.pem\n  openssl pkcs12 -export -in identity.pem -out identity-new.pfx",
		Confirm:     "openssl pkcs12 -legacy -in identity.pfx -noout -info",
	},
	// Home Assistant add-ons naming certificate files that are not there.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"'certfile' option does not exists", "'keyfile' option does not exists"},
		Title:       "The Home Assistant add-on did not find the certificate file it was given (add-ons read the /ssl share)",
		Explanation: "Home Assistant add-ons read their certfile and keyfile from the Supervisor's /ssl share, not from Home Assistant's configuration folder: files put in config/ssl, or named with a path from the host, are not there for the add-on.",
		Fix:         "Put the certificate and key in the ssl share (on a supervised host, /usr/share/hassio/ssl) and give the add-on their names relative to it, e.g. certfile: fullchain.pem and keyfile: privkey.pem.",
		Confirm:     "ls -l /usr/share/hassio/ssl",
	},
	// Home Assistant's configuration check of its http certificate files.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"file not readable for dictionary value"},
		Within:      []string{"ssl_key", "ssl_certificate"},
		Title:       "Home Assistant may not read the certificate or key file named in its http settings",
		Explanation: "Home Assistant checks that ssl_certificate and ssl_key are readable by its own user when it loads the configuration: certbot's files under /etc/letsencrypt are root's (the key mode 600, the archive directory 700), and a path outside the container is not there for a containerized Home Assistant.",
		Fix:         "Let Home Assistant's user read the files (or copy them where it can, after each renewal), with paths as Home Assistant sees them:\n  chmod 0755 /etc/letsencrypt/live /etc/letsencrypt/archive\n  chgrp homeassistant /etc/letsencrypt/archive/example.org/privkey1.pem\n  chmod 0640 /etc/letsencrypt/archive/example.org/privkey1.pem",
		Confirm:     "sudo -u homeassistant head -1 /etc/letsencrypt/live/example.org/privkey.pem",
	},
	// Spring's KeyStoreKeyFactory and a key whose password is not the store's.
	{
		ID: KeyLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"cannot load keys from store"},
		Title:       "Spring could not load the key from the keystore (its key password differs from the store's, or the alias is wrong)",
		Explanation: "Spring's KeyStoreKeyFactory (spring encrypt, Spring Cloud Config's encryption key, Spring Security's JWT keys) opens the key entry with the password it was given for it, the store's when none is: a key made with keytool -keypass different from -storepass, a wrong alias, or a store type that differs from the one it reads (PKCS12 read as JKS) fails so.",
		Fix:         "See the store's entries, then give the key's own password (or make it equal to the store's):\n  keytool -list -v -keystore server.jks\n  keytool -keypasswd -alias mykey -keystore server.jks",
		Confirm:     "keytool -list -keystore server.jks",
	},
	// WinRM's client refusing the HTTPS listener's certificate.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"the server certificate on the destination computer"},
		Title:       "The WinRM (PowerShell remoting) client refused the HTTPS listener's certificate",
		Explanation: "Over HTTPS (port 5986), PowerShell remoting checks the listener's certificate like any TLS client: it must chain to a root in the client's Trusted Root store (a self-signed listener certificate is not), and its CN or SAN must be the name the client connects by (a wildcard for another domain, the bare machine name against a certificate for its full name). The words after this say which.",
		Fix:         "Connect by a name the certificate carries and put its CA (or the self-signed certificate) in the client's Trusted Root store; to test only, skip the checks:\n  Enter-PSSession -ComputerName host.example.com -UseSSL\n  New-PSSessionOption -SkipCACheck -SkipCNCheck",
		Confirm:     "Test-WSMan -ComputerName host.example.com -UseSSL",
	},
	// rdesktop built on OpenSSL 1.1 and an old server's certificate.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"rdssl_cert_to_rkey(), failed to extract public key from certificate"},
		Title:       "rdesktop could not read the public key of the RDP server's certificate (rdesktop before 1.9 on OpenSSL 1.1)",
		Explanation: "Old Windows servers (2003, XP) sign their RDP certificates in a way rdesktop works around by rewriting the key's algorithm before reading it; OpenSSL 1.1 caches the decoded key, so that trick stopped working, and rdesktop builds from before 1.9 on OpenSSL 1.1 or later cannot connect to them.",
		Fix:         "Upgrade rdesktop (1.9 and later are built on GnuTLS, not OpenSSL), or use FreeRDP:\n  rdesktop -V 2>&1 | head -1\n  xfreerdp /v:host",
		Confirm:     "rdesktop -V 2>&1 | head -1",
	},
	// Nextcloud Mail's check of the IMAP server's certificate.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"could not open secure tls connection to the imap server", "could not open secure tls connection to the smtp server"},
		Title:       "Nextcloud Mail could not open TLS to the mail server (most often it does not trust the server's certificate)",
		Explanation: "Nextcloud Mail verifies the IMAP and SMTP servers' certificates (newer releases, from about 1.1.4), so a mail server with a self-signed or private-CA certificate, a name the certificate lacks, or a missing intermediate now fails where it worked before; so does a port where TLS is not spoken the way the account says (SSL/TLS against STARTTLS).",
		Fix:         "Give the mail server a certificate the Nextcloud host trusts, for the name used; test from that host:\n  openssl s_client -connect mail.example.com:993 -servername mail.example.com </dev/null\nFor a server you control and cannot fix yet, turn the check off in Nextcloud's config.php:\n  'app.mail.verify-tls-peer' => false,",
		Confirm:     "openssl s_client -connect mail.example.com:993 -servername mail.example.com </dev/null 2>/dev/null | grep 'Verify return code'",
	},
	// The Cloud Foundry CLI refusing the API's certificate.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"invalid ssl cert for"},
		Title:       "The cf CLI does not trust the Cloud Foundry API's certificate",
		Explanation: "cf checks the API endpoint's certificate with Go's verifier: a platform with a self-signed or private-CA certificate (a lab, sslip.io or nip.io domains) fails unless its CA is trusted. On Linux, SSL_CERT_FILE or the system bundle give it; on macOS and Windows, Go reads the system's store only, so SSL_CERT_FILE is ignored and the CA must go into the Keychain or the Windows store.",
		Fix:         "Trust the platform's CA (on macOS, in the System keychain), or for a test platform log in without the check:\n  sudo security add-trusted-cert -d -r trustRoot -k /Library/Keychains/System.keychain ca.crt\n  cf api https://api.example.com --skip-ssl-validation",
		Confirm:     "openssl s_client -connect api.example.com:443 -servername api.example.com -showcerts </dev/null",
	},
	// RabbitMQ seeing a TLS client on its plain AMQP port.
	{
		ID: PlainHTTP, Kind: "client", Side: "server",
		Match:       []string{"tls client detected on non-tls amqp port"},
		Title:       "A client spoke TLS to RabbitMQ's plain AMQP port (5672) instead of its TLS port",
		Explanation: "RabbitMQ read a TLS ClientHello where the AMQP protocol header belongs: a client set for amqps:// (or TLS) connected to the plain listener, usually 5672, while the TLS listener is another port (5671 by default), or no TLS listener is configured at all.",
		Fix:         "Point TLS clients at the TLS listener (amqps://host:5671), and make sure RabbitMQ has one (a listeners.ssl.default line in rabbitmq.conf, with its ssl_options). See the listeners:\n  rabbitmq-diagnostics listeners",
		Confirm:     "rabbitmq-diagnostics listeners",
	},
	// WinRM's HTTPS listener given a certificate without Server Authentication.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"the enhanced key usage (eku) field of the certificate"},
		Title:       "WinRM's HTTPS listener was given a certificate without Server Authentication in its key usage",
		Explanation: "A WinRM HTTPS listener needs a certificate in the computer's Personal store whose extended key usage includes Server Authentication and whose subject is the computer's name; a script that takes the first certificate of Cert:\\LocalMachine\\My (another application's, a client certificate) or the wrong thumbprint gets one without it.",
		Fix:         "Pick the certificate by its thumbprint, one with Server Authentication (1.3.6.1.5.5.7.3.1) for the host's name:\n  Get-ChildItem Cert:\\LocalMachine\\My | Select-Object Thumbprint, Subject, EnhancedKeyUsageList\nthen make the HTTPS listener again with that certificate (quickconfig takes one for the host's name):\n  winrm quickconfig -transport:https",
		Confirm:     "winrm enumerate winrm/config/listener",
	},
	// Prometheus's (and its exporters') TLS settings naming a CA file that is not there.
	{
		ID: CertLoadFailed, Kind: "client", Side: "client",
		Match:       []string{"unable to load specified ca cert"},
		Title:       "The CA file named in the scrape or client TLS settings could not be read (ca_file)",
		Explanation: "Prometheus and the programs sharing its configuration code (Alertmanager, exporters, Loki, Grafana's agents) read tls_config's ca_file when they connect, and the path is not there for the process: a secret or config map not mounted at that path in the container, a file generated only for some targets, or a relative path. The words after it say why (no such file, permission denied).",
		Fix:         "Mount or create the CA file at the path the configuration names, or drop ca_file for targets whose certificates come from a public CA; see the path from inside the container:\n  kubectl exec deploy/prometheus -- ls -l /etc/prometheus/certs/",
		Confirm:     "promtool check config /etc/prometheus/prometheus.yml",
	},
	// .NET's HttpClient's outer message, pasted without its inner exception.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match: []string{"an error occurred while sending the request"},
		// The inner exception, when it was pasted too, tells it.
		Without:     []string{"trust relationship", "remote certificate", "authenticationexception", "secure channel", "ssl connection could not be established", "certificate"},
		Title:       ".NET's HttpClient could not send the request (with HTTPS, most often the TLS handshake; the inner exception says why)",
		Explanation: "HttpRequestException's outer words hide the cause, which its inner exception names. Over HTTPS, three causes cover most cases: (1) the server's certificate is not trusted (AuthenticationException, the remote certificate is invalid: a private CA, an expired certificate, a TLS-inspecting proxy's CA); (2) no TLS version or cipher suite in common: an older Windows whose Schannel lacks the suites the server requires (services that take only TLS 1.2 ECDHE suites or TLS 1.3, as Let's Encrypt's API came to), or .NET Framework offering TLS 1.0 by default; (3) the connection itself: a proxy, DNS or a firewall.",
		Fix:         "Log the whole exception (ex.ToString(), with its inner exceptions), and on Windows see the cipher suites Schannel offers against the server's:\n  Get-TlsCipherSuite | Format-Table Name\n  openssl s_client -connect host:443 -servername host -tls1_2 </dev/null",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | grep -e Protocol -e Cipher",
	},
	// Traefik refusing its ACME storage file.
	{
		ID: KeyLoadFailed, Kind: "client", Side: "client",
		Match:       []string{"acme.json are too open", "acme.json: is a directory"},
		Title:       "Traefik will not use its ACME storage file (acme.json): its mode is too open, or it is a directory",
		Explanation: "Traefik keeps its ACME account key and certificates in acme.json and refuses a file that others may read (it must be mode 600). When the file did not exist before the container started, Docker's bind mount created a directory of that name instead. Either way the resolver is skipped and no certificate is requested.",
		Fix:         "Create the file before starting the container, with mode 600, then start it again:\n  rm -rf ./acme.json\n  touch ./acme.json\n  chmod 600 ./acme.json",
		Confirm:     "ls -l ./acme.json",
	},
	// tls-alpn-01 answered by something other than the ACME client.
	{
		ID: CertLoadFailed, Kind: "client", Side: "client",
		Match:       []string{"cannot negotiate alpn protocol \"acme-tls/1\""},
		Title:       "The CA's tls-alpn-01 check did not reach this server's port 443 (a CDN or proxy in front ends TLS)",
		Explanation: "For the tls-alpn-01 challenge, the CA connects to port 443 of the name and asks for the acme-tls/1 protocol, which only the ACME client itself can answer. A CDN or proxy that ends TLS in front of it (Cloudflare's proxied records, a load balancer, another web server on 443 passing HTTP on) answers instead, without that protocol.",
		Fix:         "Use the DNS challenge behind a CDN or proxy (or turn the proxying off while the certificate is issued), or pass port 443 through as TCP to the ACME client; see who answers for the name:\n  dig +short example.com\n  openssl s_client -connect example.com:443 -servername example.com -alpn acme-tls/1 </dev/null",
		Confirm:     "dig +short example.com",
	},
	// lego's own TLS listener for tls-alpn-01 on a port in use.
	{
		ID: StartupFailed, Kind: "client", Side: "server",
		Match:       []string{"could not start https server for challenge"},
		Title:       "The ACME client could not listen on port 443 for the tls-alpn-01 challenge (another server holds it)",
		Explanation: "lego's --tls challenge (and clients built on lego) starts its own TLS listener on port 443 while the CA checks the name; a web server already bound there (Apache, nginx, another container) keeps it from starting.",
		Fix:         "Stop the server on 443 while the certificate is issued, or use a challenge that leaves it running (--http with --http.webroot, or a DNS challenge); see what holds the port:\n  ss -ltnp 'sport = :443'",
		Confirm:     "ss -ltnp 'sport = :443'",
	},
	// lego's DNS providers finding the zone by asking DNS.
	{
		ID: CertLoadFailed, Kind: "client", Side: "client",
		Match:       []string{"failed to find zone", "could not find the start of authority", "could not find zone"},
		Within:      []string{"acme", "lego", "dns"},
		Title:       "The ACME client's DNS challenge could not find the domain's zone (it asks the local resolver, which may answer otherwise)",
		Explanation: "lego (in Traefik, Caddy's older modules and others) finds the zone to put the TXT record in by SOA queries from the machine it runs on; a local or router resolver that answers for the domain itself (split DNS, an internal override, a router redirecting every port-53 query) gives another answer than the public DNS, and the provider then finds no such zone in the account.",
		Fix:         "Point the DNS challenge's own lookups at public resolvers (lego: --dns.resolvers; Traefik: the resolvers list of its dnsChallenge), e.g.:\n  lego --dns cloudflare --dns.resolvers 1.1.1.1:53 -d a.eu run\nand compare the two answers:\n  dig +short SOA example.eu\n  dig +short SOA example.eu @1.1.1.1",
		Confirm:     "dig +short SOA example.eu @1.1.1.1",
	},
	// acme.sh with ZeroSSL (its default CA since 3.0) and no account email.
	{
		ID: CertLoadFailed, Kind: "client", Side: "client",
		Match:       []string{"please update your account with an email address first"},
		Title:       "acme.sh's default CA (ZeroSSL, since acme.sh 3.0) needs an account registered with an email address",
		Explanation: "acme.sh 3.0 made ZeroSSL its default CA, and ZeroSSL accounts need an email address (for the external account binding acme.sh fetches); scripts written for Let's Encrypt, which needs none, stop here.",
		Fix:         "Register an account with an email, or go back to Let's Encrypt as the default CA:\n  acme.sh --register-account -m admin@example.com\n  acme.sh --set-default-ca --server letsencrypt",
		Confirm:     "acme.sh --version",
	},
	// dehydrated's curl call failing.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"problem connecting to server"},
		Within:      []string{"curl returned with"},
		Title:       "dehydrated could not reach the ACME server (the number is curl's exit code)",
		Explanation: "dehydrated runs curl for every request and passes its exit code on: 3 is a malformed URL (an empty one: a regression of dehydrated 0.6.8, or a CA URL set wrong), 6 and 7 the name or the connection (DNS, a firewall, a proxy), 35 and 60 TLS (an old OpenSSL or CA bundle, a TLS-inspecting proxy).",
		Fix:         "Run curl against the CA's directory the way dehydrated does, and upgrade dehydrated when the URL is empty:\n  curl -v https://acme-v02.api.letsencrypt.org/directory\n  dehydrated --version",
		Confirm:     "curl -sS -o /dev/null -w '%{http_code}\\n' https://acme-v02.api.letsencrypt.org/directory",
	},
	// An ACME client's request the CA refused with 400 (Guzzle's words).
	{
		ID: CertLoadFailed, Kind: "client", Side: "client",
		Match:       []string{"resulted in a `400 bad request` response"},
		Within:      []string{"acme"},
		Title:       "The ACME CA refused the client's request (400): the problem document after it says why",
		Explanation: "The CA answers a request it will not take with 400 and a problem document (urn:ietf:params:acme:error:...): malformed when a challenge is answered for an authorization that is no longer pending (asked for again after it failed or expired, or before the challenge file or record was in place, so the first try failed), badNonce (to retry), unauthorized or incorrectResponse when the check of the name failed.",
		Fix:         "Read the problem document the client logs after this line; start a new order for the name when the authorization has failed, after checking that the challenge is reachable:\n  curl -v http://example.com/.well-known/acme-challenge/test",
		Confirm:     "curl -v http://example.com/.well-known/acme-challenge/test",
	},
	// ACME clients' DNS-01 check that the TXT record can be seen.
	{
		ID: CertLoadFailed, Kind: "client", Side: "client",
		Match:       []string{"to fully propagate", "checking dns propagation of", "propagation: time limit exceeded"},
		Title:       "The ACME client's DNS challenge gave up waiting to see its TXT record",
		Explanation: "Before asking the CA to check a DNS challenge, the client (Caddy's certmagic, lego in Traefik and others) looks the _acme-challenge TXT record up itself, and stops when it never sees it. Four causes cover most cases: its DNS queries are blocked or answered otherwise (a firewall that lets DNS out only to some resolvers while the check asks the zone's own name servers, a local resolver with other answers); a resolver still holds the name's earlier absence (negative caching up to the zone's SOA minimum TTL); old _acme-challenge records left at the provider; or the provider's API credentials or zone are wrong, so no record was written.",
		Fix:         "See what the zone's own name servers and a public resolver answer, and remove stale records at the provider; then give the client resolvers it may reach (Caddy: resolvers in the tls block; Traefik: the dnsChallenge's resolvers and a delay before the check):\n  dig +short NS example.com\n  dig +short TXT _acme-challenge.example.com @1.1.1.1",
		Confirm:     "dig +short TXT _acme-challenge.example.com @1.1.1.1",
	},
	// Traefik's summary of a failed ACME order.
	{
		ID: CertLoadFailed, Kind: "client", Side: "client",
		Match:       []string{"unable to obtain acme certificate for domains"},
		Title:       "Traefik could not get its certificate from the ACME CA (the words after this say which step failed)",
		Explanation: "Traefik's resolver (lego inside) failed to get the certificate for a router's domains; the rest of the line gives the CA's problem. The causes that cover most cases: the challenge could not be checked (HTTP-01: port 80 does not reach Traefik, or a redirect or middleware answers there first; TLS-ALPN-01: a proxy or CDN in front; DNS-01: the TXT record was not seen, or the provider's credentials are wrong); a rate limit (too many certificates for the same set of names in a week: only waiting helps, and the staging CA for tests); or a name with no DNS record at all.",
		Fix:         "Read the CA's problem in the rest of the line; test against the staging CA while fixing (its certificates are not trusted):\n  --certificatesresolvers.le.acme.caserver=https://acme-staging-v02.api.letsencrypt.org/directory\nand check that the name resolves to this host:\n  dig +short example.com",
		Confirm:     "dig +short example.com",
	},
	// The CA finding no DNS record for a name of the order.
	{
		ID: CertLoadFailed, Kind: "client", Side: "client",
		Match:       []string{"dns problem: nxdomain looking up a for", "dns problem: nxdomain looking up aaaa for", "dns problem: nxdomain looking up txt for"},
		Title:       "The ACME CA found no DNS record for a name in the order (NXDOMAIN)",
		Explanation: "The CA looked the name up to check its challenge and the name does not exist in DNS: a subdomain added to the certificate request before its record was created, a typo, or (for TXT) the challenge record written to another zone than the one the name is in.",
		Fix:         "Create the record (or drop the name from the request), and check it from outside:\n  dig +short A m.example.com @1.1.1.1",
		Confirm:     "dig +short A m.example.com @1.1.1.1",
	},
	// Let's Encrypt's checks from its other vantage points.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"during secondary validation"},
		Title:       "Let's Encrypt's other vantage points could not reach the challenge (a firewall that lets only some addresses in)",
		Explanation: "Let's Encrypt checks each challenge from several places in different networks (multi-perspective validation), and the secondary checks failed while the first may have passed: a firewall, geo-blocking or intrusion-prevention rule (fail2ban, a country block, an allow-list of the CA's known addresses) lets some of them in and not the others.",
		Fix:         "Let port 80 (HTTP-01) or 443 (TLS-ALPN-01) in from anywhere while certificates are issued (the CA publishes no fixed addresses), or use the DNS challenge; look for blocked addresses in the firewall's log:\n  curl -v http://example.com/.well-known/acme-challenge/test",
		Confirm:     "curl -v http://example.com/.well-known/acme-challenge/test",
	},
	// PowerShell refused the Windows certificate store.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"exception calling \"open\" with \"1\" argument(s): \"access is denied"},
		Title:       "Windows refused to open the certificate store for writing (not elevated, or a policy forbids it)",
		Explanation: "Importing a certificate into the computer's store (Cert:\\LocalMachine\\My, as ACME clients for IIS do) opens it for writing, which needs an elevated administrator; an endpoint-protection or group policy rule from whoever manages the machine can refuse it even then.",
		Fix:         "Run the script or scheduled task elevated (as SYSTEM or an administrator), and check the machine's policies with whoever manages it; see what the session is:\n  whoami /groups | findstr /i \"High Mandatory\"",
		Confirm:     "whoami /groups",
	},
	// uWebSockets.js (HyperExpress) unable to build its TLS app.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server",
		Exact:       []string{"app construction failed"},
		Match:       []string{"error: app construction failed"},
		Title:       "uWebSockets.js could not build its TLS app (a certificate or key path it could not load)",
		Explanation: "uWebSockets.js (and HyperExpress on it) says only this when SSLApp cannot load its key_file_name or cert_file_name: a path typed wrong or relative to another directory, a file the process may not read, or a key with a passphrase not given.",
		Fix:         "Give absolute paths the process can read, and check each file:\n  head -1 /etc/ssl/site/privkey.pem\n  openssl x509 -noout -subject -in /etc/ssl/site/fullchain.pem",
		Confirm:     "openssl x509 -noout -subject -in /etc/ssl/site/fullchain.pem",
	},
	// GLib without a TLS module (glib-networking).
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"tls/ssl support not available", "tls support is not available"},
		Title:       "GLib found no TLS module: glib-networking is missing, or GIO looks for it elsewhere",
		Explanation: "Programs on GLib (libsoup, GStreamer's souphttpsrc, GNOME applications, Python's GObject bindings) get TLS from a GIO module, glib-networking's libgiognutls or libgioopenssl, and without one every https:// address fails in these words. It is missing when glib-networking is not installed, or when the GLib in use looks in another module directory than the one that holds it: a conda or virtualenv GLib beside the system's glib-networking, an AppImage, Flatpak or snap bundle without it, or an image built for another layout.",
		Fix:         "Install glib-networking for the GLib the program uses, or point GIO at the directory that holds the module:\n  apt-get install -y glib-networking\n  ls /usr/lib/x86_64-linux-gnu/gio/modules/\n  GIO_EXTRA_MODULES=/usr/lib/x86_64-linux-gnu/gio/modules ./app\nFor conda's GLib:\n  conda install -c conda-forge glib-networking",
		Confirm:     "ls /usr/lib/x86_64-linux-gnu/gio/modules/",
	},
	// glib-networking unable to open its CA bundle.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"couldn't load tls file database"},
		Title:       "GLib's TLS could not open its CA bundle, so it will refuse every server's certificate",
		Explanation: "glib-networking reads the trusted CAs from a file whose path was fixed when it was built (GnuTLS's default trust file, such as /etc/ssl/certs/ca-certificates.crt); this warning names the path and why it failed. A package built with the build machine's path (MSYS2's mingw packages once were), an image or container without the ca-certificates package, or a bundle moved elsewhere leave it with no CA, and every HTTPS server is then `Unacceptable TLS certificate`.",
		Fix:         "Put a CA bundle at the path the warning names, or update glib-networking to a build with the right path:\n  apt-get install -y ca-certificates glib-networking\n  ls -l /etc/ssl/certs/ca-certificates.crt\nOn MSYS2:\n  pacman -S mingw-w64-x86_64-glib-networking\n  pacman -S mingw-w64-x86_64-ca-certificates",
		Confirm:     "ls -l /etc/ssl/certs/ca-certificates.crt",
	},
	// gnutls-cli without any trusted CA loaded.
	{
		ID: CertLoadFailed, Kind: "client", Side: "client",
		Match:       []string{"error setting the x509 trust file"},
		Title:       "gnutls-cli could not load its trusted CAs (the system's store, or the file given)",
		Explanation: "gnutls-cli loads the system's trust store, or the file given with --x509cafile, before it connects; this line means it loaded none: the file does not exist or holds no PEM certificate, or this GnuTLS was built without a system trust store (no default trust file or PKCS#11 trust module configured, as some distributions once shipped it). Every server is then `The certificate issuer is unknown`, and programs on the same GnuTLS fail alike.",
		Fix:         "Give it the CA bundle yourself, and check that the system's bundle exists:\n  ls -l /etc/ssl/certs/ca-certificates.crt\n  gnutls-cli --x509cafile ca.pem -p 443 host\n(ca.pem: that bundle, or the CA of the server). If that works, the distribution's GnuTLS needs its trust store configured (its package, or p11-kit's trust module).",
		Confirm:     "gnutls-cli --x509cafile ca.pem -p 443 host </dev/null",
	},
	// LibreSSL (macOS's curl, git and Python) naming the alert it sent itself.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"st_connect:tlsv1 alert protocol version"},
		Title:       "LibreSSL (macOS's curl) got an answer that is not TLS, or no TLS version in common",
		Explanation: "LibreSSL, the TLS library of macOS's curl, git and system Python, names in its error an alert it sent itself as well as one it received: `tlsv1 alert protocol version` is most often LibreSSL refusing the answer because it is not TLS at all (https:// to a port that speaks plain HTTP, such as a local development server on 8080 or 3000, or a proxy's plain port), and otherwise a server that accepts none of the TLS versions offered (an old server with TLS 1.0 only, or one that requires TLS 1.3).",
		Fix:         "See whether the port speaks plain HTTP, and which versions the server takes:\n  curl -v http://localhost:8080/\n  openssl s_client -connect host:443 -servername host </dev/null\nUse http:// for a plain port, or a TLS port for https://.",
		Confirm:     "curl -v http://localhost:8080/",
	},
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"st_connect:tlsv1 alert unknown ca"},
		Title:       "LibreSSL (macOS's curl) did not trust the server's certificate (the alert is the one it sent)",
		Explanation: "LibreSSL, the TLS library of macOS's curl, git and system Python, names in its error an alert it sent itself: over TLS 1.3 its own refusal of the server's certificate reads `tlsv1 alert unknown ca`, the alert it sent back. The server did not refuse anything: the client found no trusted CA for the server's certificate (a self-signed or private CA not given to it, a server that does not send its intermediate, or a proxy that re-signs TLS).",
		Fix:         "Give the client the CA that issued the server's certificate, and make the server send its intermediates:\n  curl --cacert ca.crt https://host/\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null",
		Confirm:     "curl --cacert ca.crt -v https://host/ -o /dev/null",
	},
	// GnuTLS's GNUTLS_E_UNEXPECTED_PACKET_LENGTH in the middle of a transfer.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"gnutls recv error (-9)"},
		Title:       "GnuTLS read a record of impossible length during the transfer (a middlebox, or GnuTLS's own bug)",
		Explanation: "GNUTLS_E_UNEXPECTED_PACKET_LENGTH (-9) in the middle of a transfer, most often a git clone or fetch of a large repository through libcurl-gnutls (git on Debian and Ubuntu): the bytes that arrived do not form a TLS record. Older GnuTLS and libcurl-gnutls releases failed so on long transfers (Ubuntu 14.04 to 18.04 era: a git built against OpenSSL did not), and so does a proxy, VPN or firewall that cuts or rewrites long streams.",
		Fix:         "Upgrade git, libcurl and GnuTLS, and retry with less to transfer or over another network path:\n  apt-get install --only-upgrade git libcurl3-gnutls libgnutls30\n  git clone --depth 1 https://host/repo.git\nA git built against OpenSSL avoids GnuTLS altogether.",
		Confirm:     "GIT_TRACE_CURL=1 git ls-remote https://host/repo.git",
	},
	// curl on NSS: a notice about an optional client certificate before an HTTP error.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"curl: (22)"},
		Within:      []string{"nss: client certificate not found"},
		Title:       "curl's exit code 22 is an HTTP error from the server; the NSS line is only a notice",
		Explanation: "curl on NSS (RHEL and CentOS 6 and 7) prints `NSS: client certificate not found (nickname not specified)` whenever a server asks for an optional client certificate and none was given, and carries on. Exit code 22 (curl -f, --fail) means the handshake succeeded and the server answered with an HTTP status of 400 or more: an address or file the server does not serve there (404), or one it refuses without a client certificate (403).",
		Fix:         "See the status and the address the server answered:\n  curl -sS -o /dev/null -w '%{http_code} %{url_effective}\\n' -L https://host/path",
		Confirm:     "curl -sS -o /dev/null -w '%{http_code}\\n' https://host/path",
	},
	// A GnuTLS priority string the library refuses.
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"could not set tls priority", "error in priority string", "gnutls_priority_init", "gnutls_priority_set_direct", ":priority normal", ":priority secure", ":priority performance"},
		Title:       "The GnuTLS priority string names something this GnuTLS does not know",
		Explanation: "GnuTLS takes its versions, ciphers and key exchanges as one priority string (NORMAL:%SERVER_PRECEDENCE:-VERS-SSL3.0...) and refuses all of it (`The request is invalid`, or `Syntax error at:` with the word) when one keyword is unknown to this release: a string written for a newer GnuTLS (+VERS-TLS1.3, -VERS-ALL, +VERS-DTLS-ALL, %PROFILE_ on old releases) or a typo, in the program's setting (ocserv's tls-priorities, Exim's tls_require_ciphers, rsyslog, libvirt) or built into a program compiled for a newer GnuTLS than the one installed.",
		Fix:         "Test the string against the installed GnuTLS, then drop the keyword it refuses, or install the program's release built for this GnuTLS (or a newer GnuTLS):\n  gnutls-cli --priority 'NORMAL:-VERS-SSL3.0' --list | head -3\n  gnutls-cli --version",
		Confirm:     "gnutls-cli --version",
	},
	// wget on GnuTLS after the body: no close_notify from the server.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"read error at byte"},
		Within:      []string{"non-properly terminated"},
		Title:       "The server (or a TLS proxy before it) closed without TLS's close_notify, and wget on GnuTLS retries",
		Explanation: "wget built on GnuTLS reports GNUTLS_E_PREMATURE_TERMINATION when the other side ends TCP without a close_notify alert. When the response has no Content-Length (chunked, or read until close), wget cannot tell a finished body from a cut one, so it retries; wget on OpenSSL and browsers accept it. The cause is on the server's side: a TLS terminator (hitch, stunnel, HAProxy, a load balancer) or server that closes without close_notify, together with a backend that sends no length.",
		Fix:         "See whether the server sends a length and how it closes:\n  curl -sv https://host/path -o /dev/null 2>&1 | grep -i -e content-length -e 'close notify'\nthen make the backend send Content-Length, or upgrade the TLS terminator so it sends close_notify; in scripts, wget --tries=1 stops the retries.",
		Confirm:     "curl -sv https://host/path -o /dev/null",
	},
	// Hyperledger Fabric's comm.tls: the other node closed in the handshake.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"client tls handshake failed after"},
		Within:      []string{"with error: eof"},
		Title:       "The node at that address closed during the TLS handshake (Hyperledger Fabric)",
		Explanation: "A Fabric peer, orderer or the peer CLI dialed the address after remoteaddress= and the other side closed without answering TLS: the port is not that node's TLS listener (a Docker or Kubernetes port mapped to another container or service, a wrong CORE_PEER_ADDRESS or orderer address), the node there has TLS off, or it requires a client certificate (clientAuthRequired) and none was sent.",
		Fix:         "Check what answers at that address, and the addresses and TLS settings the CLI uses:\n  openssl s_client -connect 127.0.0.1:7051 </dev/null\n  env | grep -e CORE_PEER_ADDRESS -e CORE_PEER_TLS\n  docker ps --format '{{.Names}} {{.Ports}}'",
		Confirm:     "openssl s_client -connect 127.0.0.1:7051 </dev/null",
	},
	// A client that dialed 0.0.0.0, a listen address.
	{
		ID: ServerHostnameMismatch, Kind: "client", Side: "client",
		Match:       []string{"certificate for 0.0.0.0 because", ", not 0.0.0.0"},
		Title:       "The client dialed 0.0.0.0, a listen address, and checked the certificate against it",
		Explanation: "0.0.0.0 means every local address to a server that listens; a client given it (a listen setting copied into a client's address, such as a peer address, an endpoint variable or a URL) connects to the local host and then checks the certificate for the name 0.0.0.0, which no certificate should carry. The server is fine: the client must be given the name or address the certificate was issued for.",
		Fix:         "Give the client the host's name (or localhost, when the certificate names it) instead of 0.0.0.0, in its address setting, and check what the certificate names:\n  openssl s_client -connect localhost:443 </dev/null 2>/dev/null | openssl x509 -noout -text | grep -A1 'Subject Alternative Name'",
		Confirm:     "openssl s_client -connect localhost:443 </dev/null",
	},
	// lnd's command-line tools without the node's tls.cert.
	{
		ID: CertLoadFailed, Kind: "client", Side: "client",
		Match:       []string{"unable to read tls cert (path:"},
		Title:       "An lnd command-line tool could not read the node's tls.cert it trusts",
		Explanation: "lncli, and the CLIs of lnd's companions (frcli, loop, pool, litcli), trust the daemon by reading its tls.cert from --tlscertpath, by default under the tool's own directory (~/.lnd, ~/.faraday/mainnet, ~/.loop). The file is not there when the daemon runs as another user or with another directory, or runs inside Lightning Terminal (litd), whose integrated daemons serve ~/.lit/tls.cert.",
		Fix:         "Point the CLI at the certificate the daemon serves, and at its address:\n  ls -l ~/.lnd/tls.cert ~/.lit/tls.cert\n  frcli --tlscertpath ~/.lit/tls.cert insights",
		Confirm:     "ls -l ~/.lit/tls.cert",
	},
	// CUPS and an IPPS printer whose certificate changed.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"printer credentials:", "stored credentials:", "cups-pki-invalid", "cups-pki-changed"},
		Title:       "CUPS no longer trusts the printer's certificate: it changed since CUPS stored it",
		Explanation: "CUPS trusts an IPPS printer's self-signed certificate on first use and stores it (under /etc/cups/ssl); when the printer later presents another one (a firmware update, a factory reset, a regenerated certificate) it no longer matches, the queue reports cups-pki-invalid or cups-pki-changed, and jobs stop. The `Printer credentials` and `Stored credentials` lines of the log show the two.",
		Fix:         "Remove the certificate CUPS stored for that printer and print again, so it stores the new one:\n  ls /etc/cups/ssl/\n  rm /etc/cups/ssl/printer.local.crt\n  systemctl restart cups",
		Confirm:     "lpstat -l -p",
	},
	// Celery (kombu) told rediss:// without SSL options.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client", Level: infoLevel,
		Match:       []string{"secure redis scheme specified (rediss) with no ssl options", "url must have parameter ssl_cert_reqs"},
		Title:       "Celery connects to a rediss:// broker without checking its certificate (no SSL options given)",
		Explanation: "A rediss:// address turns TLS on, but without broker_use_ssl (or ssl_cert_reqs in the address) Celery does not verify the Redis server's certificate, and says so. A framework that builds Celery's settings for you may drop the SSL options for rediss:// addresses (Airflow's Celery config did, before its fix), and then turning its own SSL switch on fails.",
		Fix:         "Give the SSL options in the broker's address (or as broker_use_ssl, with ssl_cert_reqs and ssl_ca_certs, in Celery's settings):\n  rediss://:password@redis:6379/0?ssl_cert_reqs=required",
		Confirm:     "redis-cli --tls --cacert ca.pem -h redis ping",
	},
	// Airflow refusing SSL_ACTIVE for a broker address it does not recognise.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"does not support ssl_active to be true"},
		Title:       "Airflow did not recognise the broker's address as RabbitMQ or Redis, so it refused SSL_ACTIVE",
		Explanation: "Airflow's default Celery config turns on TLS for the broker only for addresses it recognises (older releases looked for amqp:// and redis:// and missed amqps:// and rediss://) and raises this for any other, before connecting.",
		Fix:         "Upgrade the Celery provider, or give Celery its SSL options yourself (celery_config_options pointing at your own config with broker_use_ssl):\n  pip install -U apache-airflow-providers-celery",
		Confirm:     "airflow config get-value celery broker_url",
	},
	// Kerberos PKINIT: the KDC refusing the certificate's purpose or CA.
	{
		ID: WrongPurpose, Kind: "client", Side: "client",
		Match:       []string{"kdc_err_inconsistent_key_purpose"},
		Title:       "The KDC refused the certificate for PKINIT: its extended key usage does not allow client authentication",
		Explanation: "A Windows KDC accepts a certificate for PKINIT (smart-card or certificate logon, Rubeus, Certipy, kinit -X) only if its extendedKeyUsage allows Client Authentication, Smart Card Logon, PKINIT client authentication or Any Purpose. A certificate from a template whose EKU (and Application Policies, msPKI-Certificate-Application-Policy) lists only Server Authentication is refused with KDC_ERR_INCONSISTENT_KEY_PURPOSE; so is a certificate issued for another use.",
		Fix:         "See the certificate's usages, then issue it from a template whose EKU and Application Policies include Client Authentication (1.3.6.1.5.5.7.3.2) or Smart Card Logon (1.3.6.1.4.1.311.20.2.2):\n  openssl x509 -noout -text -in user.crt | grep -A1 'Extended Key Usage'",
		Confirm:     "openssl x509 -noout -text -in user.crt | grep -A1 'Extended Key Usage'",
	},
	{
		ID: VerifyError, Kind: "client", Side: "client",
		Match:       []string{"kdc_err_client_not_trusted", "kdc_err_cant_verify_certificate"},
		Title:       "The KDC does not trust the CA of the certificate used for PKINIT",
		Explanation: "A Windows KDC takes a PKINIT certificate only from a CA in the domain's NTAuth store (Enterprise NTAuth) whose chain it can build and check for revocation: a CA not published to NTAuth, a missing intermediate on the domain controllers, or a CRL they cannot reach gives KDC_ERR_CLIENT_NOT_TRUSTED (or KDC_ERR_CANT_VERIFY_CERTIFICATE). An MIT KDC checks against pkinit_anchors in kdc.conf.",
		Fix:         "Publish the issuing CA to NTAuth and check the chain on a domain controller:\n  certutil -dspublish -f ca.crt NTAuthCA\n  certutil -verify -urlfetch user.crt",
		Confirm:     "certutil -verify -urlfetch user.crt",
	},
	// OpenSSL engines and their modules.
	{
		ID: KeyLoadFailed, Kind: "client",
		Match:       []string{"could not load the shared library"},
		Within:      []string{"engine", "ossl-modules", "pkcs11", "provider"},
		Title:       "OpenSSL could not load an engine or provider module (a path or name it does not find)",
		Explanation: "OpenSSL loads engines and providers (PKCS#11 through libp11, TPM, a vendor's HSM) as shared libraries from its engines or modules directory (OPENSSL_ENGINES, OPENSSL_MODULES, or dynamic_path in openssl.cnf), by a file name its version expects: the module is not installed, it sits in another OpenSSL's directory (a Homebrew, custom or distribution OpenSSL of another version), or its name differs from the one this OpenSSL builds (pkcs11.so against libpkcs11.so, .dylib on macOS). The dlopen text after it says which file and why.",
		Fix:         "See where this OpenSSL looks (ENGINESDIR, MODULESDIR) and what is there, then install the module for this version, or give its full path (dynamic_path in openssl.cnf):\n  openssl version -a\n  ls /usr/lib/x86_64-linux-gnu/engines-3/",
		Confirm:     "openssl engine -t pkcs11",
	},
	{
		ID: KeyLoadFailed, Kind: "client",
		Match:       []string{"engine_table_register:init failed", "no client cert method", "engine_load_private_key:not initialised"},
		Title:       "An OpenSSL engine could not start or does not do what was asked (PKCS#11, TPM)",
		Explanation: "The engine loaded but failed its part: `init failed` is its module failing to start (a PKCS#11 module that finds no token or slot, a token not provisioned yet, a TPM it cannot reach); `not initialised` is an engine used before it was started (openssl s_client in 1.1.1 releases before the fix did not start an -engine it was given); `no client cert method` is an engine without client-certificate selection (libp11's pkcs11 engine has none), so -ssl_client_engine cannot work with it and the key must be named instead.",
		Fix:         "Check that the engine starts and sees the token, then name the key and certificate yourself:\n  openssl engine -t -c pkcs11\n  p11tool --list-all\n  curl --engine pkcs11 --key-type ENG --key 'pkcs11:object=mykey' --cert client.crt https://host/",
		Confirm:     "openssl engine -t -c pkcs11",
	},
	{
		ID: KeyLoadFailed, Kind: "client",
		Match:       []string{"tpm2-tss-engine:get_auth"},
		Title:       "The TPM key asks for its password (auth value) and the program cannot prompt for it",
		Explanation: "tpm2-tss-engine asked for the key's auth value by prompting (`User interaction error`): a server (nginx with engine:tpm2tss: keys) cannot answer a prompt. Either the key was made with a password, which the program must be given another way, or tpm2-tss before 2.2.1 asked for one even for a persistent key that has none (a bug fixed then).",
		Fix:         "Make the key without a password for unattended use, or upgrade tpm2-tss for persistent keys:\n  tpm2tss-genkey -a rsa server.tss\n  tpm2_readpublic -c 0x81000001",
		Confirm:     "tpm2_readpublic -c 0x81000001",
	},
	// A plain HTTP server reading a TLS ClientHello (MinIO, Go's net/http).
	{
		ID: HandshakeFailed, Kind: "client", Side: "server", Own: true,
		Match:       []string{"malformed http request from"},
		Title:       "A client spoke TLS to this server's plain HTTP port",
		Explanation: "The server listens with plain HTTP and read a TLS ClientHello as a broken HTTP request: a client set for TLS (https://, secure=True, an SDK's TLS switch) against a server started without certificates (MinIO serves TLS only when its certs directory holds public.crt and private.key). Either the client should use http://, or the server should be given its certificate.",
		Fix:         "Use http:// for this port, or give the server its certificate and restart it; see what the port speaks:\n  curl -v http://host:9000/\n  openssl s_client -connect host:9000 </dev/null",
		Confirm:     "curl -v http://host:9000/",
	},
	// lua-resty-auto-ssl without its shared dictionaries.
	{
		ID: StartupFailed, Kind: "client", Side: "server",
		Match:       []string{"auto-ssl: dict auto_ssl", "attempt to index field 'auto_ssl'"},
		Title:       "lua-resty-auto-ssl needs a shared dictionary the configuration does not declare",
		Explanation: "lua-resty-auto-ssl keeps its state in nginx shared dictionaries declared in the http block: auto_ssl (certificates), and since 0.13 auto_ssl_settings; a configuration written for an older release lacks the second, and auto-ssl stops at init_master with this message.",
		Fix:         "Declare the dictionaries the message names in the http block, then reload:\n  lua_shared_dict auto_ssl 1m;\n  lua_shared_dict auto_ssl_settings 64k;",
		Confirm:     "nginx -t",
	},
	// nginx (or a fork) whose OpenSSL context cannot be made at start-up.
	{
		ID: StartupFailed, Kind: "client", Side: "server",
		Match:       []string{"ssl_ctx_new() failed"},
		Within:      []string{"nginx", "[emerg]"},
		Title:       "nginx could not create an OpenSSL context at start-up: the build and its OpenSSL do not fit",
		Explanation: "SSL_CTX_new fails before any certificate is read, so no file is at fault: OpenSSL was not initialised by this build (a patched or forked nginx, such as a Tengine release with this regression), the nginx binary runs against another OpenSSL than it was built for, or an OpenSSL in FIPS mode or with a broken configuration offers no ciphers (`library has no ciphers`).",
		Fix:         "See which OpenSSL nginx was built with and runs with, then use a build that matches (or the fork's fixed release):\n  nginx -V 2>&1 | grep -i openssl\n  ldd \"$(command -v nginx)\" | grep -e libssl -e libcrypto\n  openssl version -a",
		Confirm:     "nginx -t",
	},
	// Wazuh's and OSSEC's agent enrollment (agent-auth, wazuh-agentd).
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"agent-auth: error: ssl error", "w_enrollment_connect(): error: ssl error"},
		Within:      []string{"agent-auth", "wazuh", "ossec", "enrollment"},
		Title:       "The Wazuh (OSSEC) agent's enrollment over TLS to the manager's authd failed",
		Explanation: "Agents enroll over TLS with the manager's authd on port 1515 (remoted, on 1514, does not speak TLS). Causes: a wrong port or address (-p 1514, or the manager's address in ossec.conf), authd not running or blocked by a firewall, the manager's certificate refused when the agent checks it (a CA given with -v that did not sign it, or a manager address that is not among its certificate's names), or an agent bug that ran out of local ports (fixed in Wazuh 4.2).",
		Fix:         "Enroll by hand against authd's port, and check it on the manager:\n  /var/ossec/bin/agent-auth -m manager.example.com -p 1515\n  ss -ltnp | grep 1515\nWith verification on, the manager's certificate must carry the address in the agent's configuration.",
		Confirm:     "openssl s_client -connect manager.example.com:1515 </dev/null",
	},
	// sssd's p11_child checking a smart card's certificate.
	{
		ID: VerifyError, Kind: "client", Side: "server", Own: true,
		Match:       []string{"x509_verify_cert failed"},
		Within:      []string{"p11_child"},
		Title:       "sssd's p11_child could not verify a certificate on the smart card against its CA database",
		Explanation: "At smart-card login sssd's p11_child checks each certificate on the card against the CAs in its own database (/etc/sssd/pki/sssd_auth_ca_db.pem, or certificate_verification in sssd.conf), not a server's: a card certificate from a CA missing there, or without its intermediate in it, fails here. A card often holds several certificates (authentication, signature, encryption), and only the one used for login must verify; a failure on another is harmless unless login fails too, and then the PAM responder's own lines (sssd_pam) tell more, as releases have had regressions there (sssd 2.9.2).",
		Fix:         "Put the issuing CA and its intermediates in sssd's CA database and check the card's certificate against it:\n  openssl verify -CAfile /etc/sssd/pki/sssd_auth_ca_db.pem card.crt\n  sss_ssh_knownhostsproxy --version\nThen read sssd_pam's log at debug_level 9 for the login itself.",
		Confirm:     "openssl verify -CAfile /etc/sssd/pki/sssd_auth_ca_db.pem card.crt",
	},
	// Kong's start command given its certificate settings in the wrong form.
	{
		ID: StartupFailed, Kind: "client", Side: "server",
		Match:       []string{"ssl_cert_key is not a string", "ssl_cert is not a string"},
		Title:       "Kong read its ssl_cert or ssl_cert_key setting as a list, not a path",
		Explanation: "Kong's start command takes ssl_cert and ssl_cert_key as paths; this error is a setting it received in another form: a value given twice (in kong.conf and as KONG_SSL_CERT), one written as a list, or Kong 0.9.0's own bug in reading these settings (fixed in the next release).",
		Fix:         "Give each setting once, as a single path, and upgrade Kong if that is already so:\n  ssl_cert = /etc/kong/server.crt\n  ssl_cert_key = /etc/kong/server.key\n  kong check /etc/kong/kong.conf",
		Confirm:     "kong check /etc/kong/kong.conf",
	},
	// CUPS's server side of IPPS and its credentials.
	{
		ID: HandshakeFailed, Kind: "client", Side: "server",
		Match:       []string{"unable to encrypt connection"},
		Within:      []string{"a tls fatal alert has been received"},
		Title:       "cupsd's client refused the TLS handshake: most often it does not trust cupsd's self-signed certificate",
		Explanation: "cupsd serves IPPS and its web interface with a certificate it made for itself (self-signed, under /etc/cups/ssl) unless given one; a client that checks certificates (a browser, another computer's CUPS, a phone's print service) refuses it and ends the handshake with an alert, which cupsd logs so. A container image that regenerates the certificate at each start makes every client distrust it again.",
		Fix:         "Give cupsd a certificate the clients trust, named for the host they use, in its ServerKeychain directory:\n  ls -l /etc/cups/ssl/\n  cp server.crt /etc/cups/ssl/printserver.example.com.crt\n  cp server.key /etc/cups/ssl/printserver.example.com.key\n  systemctl restart cups",
		Confirm:     "openssl s_client -connect printserver.example.com:631 </dev/null",
	},
	// cupsd's other failed handshakes with its clients.
	{
		ID: HandshakeFailed, Kind: "client", Side: "server",
		Match:       []string{"unable to encrypt connection"},
		Without:     []string{"a tls fatal alert has been received"},
		Title:       "CUPS (cupsd) could not finish TLS with a client (Unable to encrypt connection)",
		Explanation: "cupsd logs this for an IPPS or HTTPS connection whose handshake failed; the words after it are its TLS library's (GnuTLS or OpenSSL). `Error in the push function` and `The TLS connection was non-properly terminated` mean the client closed while cupsd was answering: most often the client refused cupsd's certificate (the self-signed one cupsd makes in /etc/cups/ssl, or one that changed since the client first saw it: clients then say cups-pki-invalid or cups-pki-changed), or that certificate and key can no longer be used (a damaged or outdated pair left by an old installation). cupsd makes a new self-signed pair at start when none is there (CreateSelfSignedCerts, on by default).",
		Fix:         "See what cupsd serves and what it holds:\n  openssl s_client -connect localhost:631 </dev/null 2>/dev/null | openssl x509 -noout -subject -dates\n  sudo ls -l /etc/cups/ssl\nMove the old pair aside and restart CUPS so it makes a new one (or give it one from your CA), then let the clients accept the new certificate:\n  sudo mkdir -p /root/cups-ssl-old\n  sudo mv /etc/cups/ssl/* /root/cups-ssl-old/\n  sudo systemctl restart cups",
		Confirm:     "openssl s_client -connect localhost:631 </dev/null",
	},
	{
		ID: CertLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"unable to create server credentials"},
		Title:       "cupsd could not find or create its TLS certificate and key",
		Explanation: "cupsd encrypts with a certificate and key from its ServerKeychain directory (/etc/cups/ssl on Linux), making a self-signed pair when none is there; it fails when it may not write there (permissions, AppArmor or SELinux, a read-only container path), when the files for the host name it uses do not match, or when a build points ServerKeychain elsewhere (CUPS 2.4.2 built with OpenSSL used macOS's System.keychain path on Linux, a bug fixed in a later release).",
		Fix:         "See where cupsd looks and whether it may write there, then set ServerKeychain (cups-files.conf) or upgrade CUPS:\n  grep -i keychain /etc/cups/cups-files.conf\n  ls -ld /etc/cups/ssl\n  journalctl -u cups | grep -i -e apparmor -e denied",
		Confirm:     "ls -l /etc/cups/ssl/",
	},
	// gRPC's C core (Python grpcio, C#'s Grpc.Core, Ruby, PHP).
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"failed to connect to all addresses"},
		Without:     []string{"last error:", "peer name ", "certificate_verify_failed", "handshake failed"},
		Title:       "gRPC's C core could not connect: an untrusted certificate, TLS on one side only, or nothing listening",
		Explanation: "gRPC's C core (Python's grpcio, C#'s Grpc.Core, Ruby, PHP) reports any failure to connect in these words; the transport_security lines of its trace name a TLS one. It trusts its own bundled roots (or GRPC_DEFAULT_SSL_ROOTS_FILE_PATH), not the system's store or Windows', so a corporate proxy's CA, a private CA or a root it lacks (an old release's bundle with the expired DST Root CA X3) is refused even when browsers accept the server. Otherwise: a client with TLS against a plaintext port or the reverse, a proxy setting in the way (grpc_proxy, https_proxy), or no server at that address.",
		Fix:         "Trace the connection, and give the C core the roots it needs (the proxy's or private CA appended to a PEM bundle):\n  GRPC_VERBOSITY=debug GRPC_TRACE=transport_security,tsi python app.py\n  export GRPC_DEFAULT_SSL_ROOTS_FILE_PATH=/etc/ssl/roots.pem",
		Confirm:     "openssl s_client -connect host:443 -servername host -alpn h2 </dev/null",
	},
	// Google's front ends answering a client that sent no SNI.
	{
		ID: ServerHostnameMismatch, Kind: "client", Side: "client",
		Match:       []string{"no sni provided; please fix your client", "cn=invalid2.invalid"},
		Title:       "The client sent no server name (SNI), and the server answered with its placeholder certificate",
		Explanation: "Google's front ends (and other large shared hosts) pick the certificate by the name the client sends in SNI; a client that sends none gets a placeholder (CN=invalid2.invalid, `No SNI provided; please fix your client.`) that it then refuses. The client, not the server, must change: a library or version that does not set SNI (an old Java or Python, a gRPC or HTTP client given an IP address or a custom socket factory, Akka gRPC in Alpakka 2.0.0-RC1).",
		Fix:         "Make the client send the host name (SNI), or upgrade the library that drops it; see the difference by hand:\n  openssl s_client -connect pubsub.googleapis.com:443 -servername pubsub.googleapis.com </dev/null\n  openssl s_client -connect pubsub.googleapis.com:443 -noservername </dev/null",
		Confirm:     "openssl s_client -connect pubsub.googleapis.com:443 -servername pubsub.googleapis.com </dev/null",
	},
	// evcc's own EEBus certificate refused at start-up.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"failed configuring eebus: invalid ski"},
		Title:       "evcc refused its own EEBus certificate: its Subject Key Identifier does not match its key",
		Explanation: "evcc 0.309.2 and later check that the EEBus (SHIP) certificate in its configuration carries a Subject Key Identifier made from its own public key; certificates generated by older releases do not, so evcc stops at start-up. The SKI is also the identity paired devices (a wallbox, a heat pump) know evcc by.",
		Fix:         "Remove the old eebus certificate and key from evcc's configuration so a new pair is generated, then pair the devices again with the new SKI:\n  evcc eebus-cert\n  openssl x509 -noout -text -in eebus.crt | grep -A1 'Subject Key Identifier'",
		Confirm:     "evcc eebus-cert",
	},
	// PKCS#11 modules failing to start (p11-kit, openCryptoki, vendor modules).
	{
		ID: KeyLoadFailed, Kind: "client",
		Match:       []string{"module failed to initialize", "error initializing the pkcs11 library", "c_initialize failed"},
		Title:       "A PKCS#11 module could not start: its daemon, device or configuration",
		Explanation: "A PKCS#11 module's C_Initialize failed before any key or certificate was read: the daemon it talks to is not running (pcscd for smart cards and USB tokens, openCryptoki's pkcsslotd, tpm2-abrmd), its own configuration does not name the device (a secure element's I2C bus in cryptoauthlib's slot.conf, a token's library path in p11-kit's module file), or the process may not open the device (permissions, a group, a sandbox).",
		Fix:         "Start the daemon the module needs, check its configuration, and list what it sees:\n  systemctl status pcscd pkcsslotd\n  p11-kit list-modules\n  pkcs11-tool --module opensc-pkcs11.so -L",
		Confirm:     "p11-kit list-modules",
	},
	// pkcs11-helper (OpenVPN) asking the token for what it cannot give.
	{
		ID: KeyLoadFailed, Kind: "client", Side: "client",
		Match:       []string{"pkcs#11: cannot perform signature"},
		Title:       "The smart card or token could not sign the handshake through pkcs11-helper",
		Explanation: "OpenVPN signs its part of the TLS handshake with the token's key through pkcs11-helper, and the module refused: `CKR_ATTRIBUTE_TYPE_INVALID` after upgrading pkcs11-helper to 1.28 is that release asking the token for an attribute some vendors' modules lack (a regression; 1.27 works); `CKR_USER_NOT_LOGGED_IN` is a PIN not given or a session that expired; `CKR_MECHANISM_INVALID` a token without the RSA-PSS signatures TLS 1.3 wants (limit the connection to TLS 1.2).",
		Fix:         "Check the pkcs11-helper version (for the attribute error, 1.27 or a fixed release works), and for a token without PSS cap TLS at 1.2 in the client profile:\n  openvpn --version | grep -i pkcs11\n  tls-version-max 1.2",
		Confirm:     "openvpn --show-pkcs11-ids /usr/lib/opensc-pkcs11.so",
	},
	// Android's TLS (Conscrypt on BoringSSL) failing a handshake.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"sslhandshakeexception: handshake failed"},
		Within:      []string{"w/system.err", "android", "okhttp", "conscrypt"},
		Title:       "Android's TLS could not agree with the server (versions, ciphers or curves of that Android release)",
		Explanation: "An Android app's handshake failed before any certificate check (a certificate problem says `Trust anchor for certification path not found`): the server and that Android release share no TLS version, cipher or curve. Android 7.0 offers only the P-256 curve for ECDHE, so a server limited to secp384r1 (nginx's ssl_ecdh_curve secp384r1) fails there and works on 7.1; Android before 5 does not offer TLS 1.2 by default, and before 4.4 has no ECDHE with GCM; a server with only TLS 1.3 fails on Android before 10.",
		Fix:         "See what the server offers, and allow what the oldest Android you serve has (P-256 and TLS 1.2 with ECDHE suites):\n  openssl s_client -connect host:443 -servername host -tls1_2 </dev/null\nand in nginx:\n  ssl_ecdh_curve X25519:prime256v1:secp384r1;",
		Confirm:     "openssl s_client -connect host:443 -servername host -tls1_2 </dev/null",
	},
	// An OpenSSL 1.0 server fixed to one TLS version refusing a client's.
	{
		ID: HandshakeFailed, Kind: "client", Side: "server",
		Match:       []string{"ssl3_get_client_hello:wrong version number"},
		Without:     []string{"while ssl handshaking", "nginx"},
		Title:       "The client offered a TLS version this server (OpenSSL 1.0, fixed to one version) does not accept",
		Explanation: "OpenSSL 1.0's server, when a program builds it for one version only (TLSv1_2_server_method, as ossec-authd and other daemons did), refuses a ClientHello of any other version with `SSL3_GET_CLIENT_HELLO:wrong version number`: clients on SSLv3, TLS 1.0 or 1.1 (old agents, old Java or OpenSSL 0.9.8). Something that is not TLS at all fails with other words (`unknown protocol`, `http request`).",
		Fix:         "Upgrade the clients so they offer TLS 1.2, or see which version they send:\n  openssl s_client -connect host:1515 -tls1_2 </dev/null\n  openssl s_client -connect host:1515 -tls1 </dev/null",
		Confirm:     "openssl s_client -connect host:1515 -tls1_2 </dev/null",
	},
	// NSS's softoken used in a forked child process (curl on NSS under PHP).
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"returned ckr_device_error"},
		Title:       "NSS's token reported a device error: most often NSS used in a child process after a fork",
		Explanation: "NSS (under curl and PHP's curl on RHEL and CentOS 7 and older) refuses to run its software token in a process forked after NSS was set up in the parent, and says CKR_DEVICE_ERROR: the first request works and the next, in a forked child (PsySH's per-command fork, a pre-forking worker, a daemon that forks after connecting), fails. Otherwise a smart card or token was removed, or its PKCS#11 module failed.",
		Fix:         "Stop the fork after NSS starts (PsySH: usePcntl false), or let NSS run in the child:\n  export NSS_STRICT_NOFORK=DISABLED\nA curl built on OpenSSL (RHEL 8 and later) has no such limit.",
		Confirm:     "curl -V | head -1",
	},
	// NSS 3.58 refusing TLS 1.3's compatibility ChangeCipherSpec.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"ssl_error_rx_malformed_change_cipher", "malformed change cipher spec record"},
		Title:       "NSS refused the server's ChangeCipherSpec record (NSS 3.58's regression with TLS 1.3 servers)",
		Explanation: "NSS 3.58 (the CVE-2020-25648 fix) refused the ChangeCipherSpec record that TLS 1.3 servers send for compatibility, so a browser or program built on that system NSS (Waterfox, Pale Moon or Firefox with --with-system-nss, curl on NSS) fails on every TLS 1.3 site while others work; NSS 3.59 fixed it. On other NSS releases a middlebox that rewrites TLS records gives the same words.",
		Fix:         "See which NSS the program uses, and update it past 3.58:\n  pkg-config --modversion nss\n  rpm -q nss",
		Confirm:     "pkg-config --modversion nss",
	},
	// Nebula's CA and its peers' certificates.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"failed to load ca from config"},
		Title:       "Nebula found no valid CA in its pki.ca setting (expired, not yet valid by this clock, or not a Nebula CA)",
		Explanation: "Nebula loads the CA certificates of pki.ca and keeps only those it can use now: a CA past its expiry, one not yet valid because the host's clock is behind (a Raspberry Pi without a real-time clock before NTP has set it, a VM restored from a snapshot), a file that is empty or holds another kind of certificate (an X.509 one, where nebula-cert's own format is needed) leave none, and Nebula stops.",
		Fix:         "Check the clock and the CA's dates, then start Nebula after the time is set (or issue a new CA and sign the hosts again):\n  date -u\n  timedatectl status\n  nebula-cert print -path /etc/nebula/ca.crt",
		Confirm:     "nebula-cert print -path /etc/nebula/ca.crt",
	},
	{
		ID: VerifyError, Kind: "client", Side: "server",
		Match:       []string{"invalid certificate from host"},
		Within:      []string{"nebula"},
		Title:       "Nebula refused a peer's certificate (expired, from another CA, or not for its address)",
		Explanation: "In a Nebula handshake each host checks the other's certificate against its own pki.ca: the peer's certificate has expired (or its CA has, and with it every host it signed), was signed by a CA this host does not hold (after a CA rotation, until both CAs are in pki.ca), is blocklisted, or names other IPs than the address it uses. The error field after the certificate says which.",
		Fix:         "Print the peer's certificate and the CA, and sign it again when it has expired:\n  nebula-cert print -path /etc/nebula/host.crt\n  nebula-cert sign -name host1 -ip 192.168.100.4/24",
		Confirm:     "nebula-cert print -path /etc/nebula/host.crt",
	},
	// Perl's LWP and IO::Socket::SSL as the client.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"can't connect to"},
		Within:      []string{"(certificate verify failed)"},
		Title:       "A Perl client (LWP, IO::Socket::SSL) did not trust the server's certificate",
		Explanation: "LWP::UserAgent reports a refused certificate as `500 Can't connect to host:port (certificate verify failed)`: IO::Socket::SSL checked the server's chain against its CA store (Mozilla::CA, the system's bundle, or SSL_ca_file and PERL_LWP_SSL_CA_FILE) and its name against the host in the URL. A self-signed or private-CA server (a local service on 127.0.0.1, an appliance) is refused until its CA is given; a certificate cannot match an IP address it does not list.",
		Fix:         "Give the client the server's CA (or, for a local service that only this program uses, turn verification off there):\n  PERL_LWP_SSL_CA_FILE=/etc/ssl/local-ca.pem perl app.pl\n  ssl_opts => { SSL_ca_file => '/etc/ssl/local-ca.pem' }\n  openssl s_client -connect 127.0.0.1:4723 -showcerts </dev/null",
		Confirm:     "openssl s_client -connect 127.0.0.1:4723 -showcerts </dev/null",
	},
	// botocore given a CA bundle path that does not exist.
	{
		ID: CertLoadFailed, Kind: "client", Side: "client",
		Match:       []string{"ssl validation failed for"},
		Within:      []string{"[errno 2] no such file or directory"},
		Title:       "botocore's CA bundle setting names a file that does not exist (no certificate was checked)",
		Explanation: "botocore (the AWS CLI, boto3, and tools on them such as barman-cloud) loads the CA bundle given by AWS_CA_BUNDLE, ca_bundle in its config, REQUESTS_CA_BUNDLE or a tool's own option before connecting; `[Errno 2] No such file or directory` after `SSL validation failed` means that file is not there for this process (another container, a path relative to another directory, a secret not mounted in the job that runs it), so the failure comes before any certificate is looked at.",
		Fix:         "Find which setting names the bundle and check the path where the process runs:\n  env | grep -e AWS_CA_BUNDLE -e REQUESTS_CA_BUNDLE\n  aws configure get ca_bundle\n  ls -l /etc/ssl/custom/ca.pem",
		Confirm:     "ls -l /etc/ssl/custom/ca.pem",
	},
	// ZooKeeper's TLS hostname check of a peer or client by its address.
	{
		ID: VerifyError, Kind: "client", Side: "server",
		Match:       []string{"failed to verify host address"},
		Within:      []string{"zktrustmanager", "zookeeper"},
		Title:       "ZooKeeper refused a peer's certificate: it does not name the peer's address or its reverse-DNS name",
		Explanation: "With TLS between ZooKeeper servers (ssl.quorum.*) or to clients, ZKTrustManager checks the other side's certificate against its IP address and the name that address resolves back to (reverse DNS). In Kubernetes a pod's IP often resolves to a cloud or node name (10-1-2-3.ec2.internal) that no certificate carries, or to nothing, so the check fails although the certificate names the pod's service name.",
		Fix:         "Give the certificates the names and addresses peers see (or make reverse DNS answer with them), or turn the address check off where the CA alone is trusted:\n  ssl.quorum.hostnameVerification=false\n  ssl.hostnameVerification=false\n  dig -x 10.125.120.3 +short",
		Confirm:     "dig -x 10.125.120.3 +short",
	},
	// certbot with no challenge left (TLS-SNI-01 turned off by Let's Encrypt).
	{
		ID: CertLoadFailed, Kind: "client", Side: "client",
		Match:       []string{"does not support any combination of challenges that will satisfy the ca"},
		Title:       "certbot's authenticator offers no challenge the CA still accepts (TLS-SNI-01 was turned off)",
		Explanation: "Let's Encrypt stopped accepting the TLS-SNI-01 challenge in 2019 (new orders in January 2018); an old certbot, or a tool that runs it with --preferred-challenges tls-sni-01 or the standalone authenticator limited to it (Frappe's bench setup lets-encrypt, old scripts), has no challenge left to offer. HTTP-01 (port 80), DNS-01, or TLS-ALPN-01 remain.",
		Fix:         "Upgrade certbot and ask for the HTTP-01 challenge (port 80 must reach this host):\n  certbot certonly --preferred-challenges http -d example.com",
		Confirm:     "certbot --version",
	},
	// Ruby's mail and net-smtp given both implicit TLS and STARTTLS.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{":enable_starttls and :tls are mutually exclusive"},
		Title:       "The SMTP settings ask for implicit TLS and STARTTLS at once, which newer Ruby mail libraries refuse",
		Explanation: "Newer net-smtp and mail gems refuse settings with both :tls (implicit TLS, port 465) and :enable_starttls (STARTTLS, ports 587 and 25); older releases ignored the conflict. An application that fills in both (Zammad's SMTP channel after the library update, a hand-written ActionMailer config) fails before connecting.",
		Fix:         "Set one of them to match the port, then restart the application:\n  port 465: tls: true, enable_starttls: false\n  port 587: tls: false, enable_starttls: true",
		Confirm:     "openssl s_client -connect smtp.example.com:587 -starttls smtp </dev/null",
	},
	// OpenSSL 1.0 naming a close_notify the server sent instead of its
	// hello: reason(1000) is alert 0.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"get_server_hello:reason(1000)", "connect_cr_srvr_hello:reason(1000)"},
		Title:       "The server closed the handshake without a reason, right after the client's hello (an old client's TLS or no SNI)",
		Explanation: "OpenSSL 1.0 names an alert it has no words for by 1000 plus its number, and 1000 is close_notify: the server ended the connection instead of answering the ClientHello, which servers do when nothing in the hello suits them. Most often the client is too old (OpenSSL 0.9.8 or 1.0.0 under an old wget, curl, git or Python offers only TLS 1.0 or old ciphers to a server that wants TLS 1.2 or later), or it sent no server name (SNI) to a server or CDN that needs one.",
		Fix:         "See whether a current client gets through, with and without the name:\n  openssl s_client -connect host:443 -servername host -tls1_2 </dev/null\n  openssl s_client -connect host:443 -tls1_2 </dev/null\nthen update the old client (or the OpenSSL under it).",
		Confirm:     "openssl s_client -connect host:443 -servername host -tls1_2 </dev/null",
	},
	// libvirt's TLS transport without its PKI files.
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"cannot read ca certificate '", "cannot read certificate '/etc/pki/libvirt", "cannot read private key '/etc/pki/libvirt"},
		Title:       "libvirt's TLS transport found no CA certificate (a URI with a host name and no +ssh or +unix uses TLS)",
		Explanation: "libvirt reads its TLS files (the CA in /etc/pki/CA/cacert.pem, its own certificate and key under /etc/pki/libvirt and /etc/pki/libvirt/private) when a connection uses the TLS transport: qemu+tls://, and also any URI with a host name and no transport, such as qemu://localhost/system, which a tool can build from a host setting (vagrant-libvirt, a migration URI). On a machine that never set up libvirt's PKI the file is not there; a local connection needs no TLS at all.",
		Fix:         "For a local hypervisor, use a URI without a host:\n  virsh -c qemu:///system list\nfor a remote one, SSH:\n  virsh -c qemu+ssh://host/system list\nor, to keep TLS, install the CA and certificates and check them:\n  virt-pki-validate",
		Confirm:     "virt-pki-validate",
	},
	// Netty's PEM reader (Neo4j, gRPC-Java, Vert.x) without a PKCS#8 key.
	{
		ID: KeyLoadFailed, Kind: "client",
		Match:       []string{"keyexception: found no private key", "keyexception: could not find a pkcs #8 private key"},
		Title:       "Netty found no private key it reads in the key file (it wants PKCS#8: BEGIN PRIVATE KEY)",
		Explanation: "Netty's SslContextBuilder, under Neo4j's Bolt connector, gRPC-Java, Vert.x and others, reads a PEM key only in PKCS#8 form (-----BEGIN PRIVATE KEY----- or BEGIN ENCRYPTED PRIVATE KEY); older releases skip an RSA key in PKCS#1 form (BEGIN RSA PRIVATE KEY) and an EC key in SEC1 form (BEGIN EC PRIVATE KEY), and a file that holds a certificate, is empty, or was left by an older release (Neo4j 2.x's certificates directory after an upgrade) has no key it can use.",
		Fix:         "See the key's form, and write it as PKCS#8:\n  head -1 server.key\n  openssl pkcs8 -topk8 -nocrypt -in server.key -out server-pkcs8.key\nA key the program made itself (Neo4j's certificates directory) can be removed so that it makes a new one at start.",
		Confirm:     "head -1 server-pkcs8.key",
	},
	// hyper (Rust) reading a TLS answer as HTTP.
	{
		ID: PlainHTTP, Kind: "client", Side: "client",
		Match:       []string{"invalid http version parsed"},
		Title:       "The client sent plain HTTP and the answer was not HTTP (most often a TLS port: use https://)",
		Explanation: "A Rust client on hyper (reqwest, the CLIs built on them) sent an http:// request and could not read the answer as HTTP/1: the port speaks TLS (a server started with its certificate and key, which then accepts only https:// and wss://), HTTP/2 only, or another protocol. A TLS server answers plain HTTP with an alert or a bad-request record that hyper calls an invalid HTTP version.",
		Fix:         "Use https:// (wss:// for WebSockets) and the server's CA, and see what the port speaks:\n  openssl s_client -connect host:8000 </dev/null\n  curl -v --cacert ca.crt https://host:8000/health",
		Confirm:     "openssl s_client -connect host:8000 </dev/null",
	},
	// wget's name check: an old wget sends no SNI.
	{
		ID: ServerHostnameMismatch, Kind: "client", Side: "client",
		Match: []string{"no certificate subject alternative name matches", "doesn't match requested host name", "does not match requested host name"},
		// lftp's verdicts use the same words after its own prefix.
		Without:     []string{"certificate verification: "},
		Title:       "wget got a certificate without the host's name (an old wget sends no SNI, an intercepting proxy, or the wrong certificate)",
		Explanation: "wget checks the host name of the URL against the certificate's names. Four causes cover most cases: 1. wget before 1.14 (RHEL and CentOS 6, old routers) sends no server name (SNI), so a server or CDN with many names answers with its default certificate, which names other hosts, while curl and browsers get the right one; 2. an old wget (RHEL 6's 1.12 among them) reads only the Common Name, not the subjectAltName names a shared certificate (a CDN's) lists, so a certificate that names the host among its alternative names fails; 3. a proxy or firewall that intercepts TLS shows its own certificate; 4. the server's certificate really lacks the name (a certificate for another host, a wildcard one level too high).",
		Fix:         "Compare the certificate with and without the name sent:\n  openssl s_client -connect host:443 -servername host </dev/null | grep -e s: -e i:\n  openssl s_client -connect host:443 </dev/null | grep -e s: -e i:\nDifferent subjects: update wget (1.14 and later send SNI) or use curl. The same wrong one: reissue it, or trust the proxy's CA.",
		Confirm:     "wget --version | head -1",
	},
	// RouterOS's fetch checking CRLs it does not hold.
	{
		ID: VerifyError, Kind: "client", Side: "client",
		Match:       []string{"crl not found for"},
		Title:       "RouterOS checked the server's certificate with CRLs and has no CRL for its issuer",
		Explanation: "With check-certificate=yes, RouterOS (/tool fetch, its scripts, SSTP and other clients) verifies the chain against imported CA certificates and also wants each issuer's CRL; an issuer whose CRL it does not hold (not imported, not downloaded because crl-download is off or the URL is unreachable) fails the check although the certificate is good. check-certificate=yes-without-crl checks the chain alone.",
		Fix:         "Check the chain without CRLs, or let RouterOS fetch and keep the CRLs:\n  /tool fetch url=https://host/ check-certificate=yes-without-crl\n  /certificate settings set crl-download=yes crl-use=yes",
		Confirm:     "/certificate crl print",
	},
	// OCaml's conduit without a TLS library, and ca-certs without a bundle.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"no ssl or tls support compiled into conduit"},
		Title:       "The OCaml program's conduit was built without a TLS library",
		Explanation: "conduit (under cohttp and other OCaml HTTP clients) takes its TLS from an optional library, either ssl with lwt_ssl (OpenSSL) or tls (ocaml-tls); when neither was installed when it was built, every https:// request fails with this before any handshake. Newer conduit no longer pulls one in by itself.",
		Fix:         "Install a TLS library for conduit and build the program again:\n  opam install lwt_ssl\nor\n  opam install tls-lwt",
		Confirm:     "opam list --installed conduit-lwt-unix lwt_ssl tls-lwt",
	},
	{
		ID: CertLoadFailed, Kind: "client", Side: "client",
		Match:       []string{"ca-certs: no trust anchor file found"},
		Title:       "The program found no CA bundle on this system (install ca-certificates)",
		Explanation: "OCaml's ca-certs (under conduit, cohttp and other clients) reads the system's CA bundle from the usual places (/etc/ssl/certs/ca-certificates.crt, the Red Hat and SUSE paths) and found none: a container image without the ca-certificates package, or a system that keeps it elsewhere. Some libraries load it when they start, so the error comes even for programs that make no HTTPS request.",
		Fix:         "Install the system's CA bundle (in the image, too):\n  apt-get install -y ca-certificates\n  apk add ca-certificates",
		Confirm:     "ls -l /etc/ssl/certs/ca-certificates.crt",
	},
	// node-forge (UniFi OS, other node programs) given an EC key.
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"cannot read public key. oid is not rsa", "cannot read private key. oid is not rsa"},
		Title:       "The program reads only RSA keys (node-forge), and the certificate has an ECDSA key",
		Explanation: "node-forge, which node programs such as UniFi OS's unifi-core use to read certificates and keys, knows RSA keys only: a certificate or key with an ECDSA (or Ed25519) key, as Let's Encrypt clients now make by default (lego, certbot 2.0, acme.sh), stops it, while other programs read the same files.",
		Fix:         "Issue the certificate with an RSA key:\n  certbot certonly --key-type rsa -d host.example.com\n  lego --key-type rsa2048 --domains host.example.com run\nSee a certificate's key type with:\n  openssl x509 -noout -text -in cert.pem | grep 'Public Key Algorithm'",
		Confirm:     "openssl x509 -noout -text -in cert.pem | grep 'Public Key Algorithm'",
	},
	// Haskell's tls (http-client-tls, stack, cabal) refusing a chain.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client", Own: true,
		Match:       []string{"error_protocol (\"certificate rejected:", "error_protocol (\"certificate has unknown ca\""},
		Title:       "The Haskell client (tls, http-client-tls) refused the server's certificate: most often its CA is not where it looks",
		Explanation: "Haskell's tls checks the server's chain against the system's roots as x509-system reads them, and the bracket or the words name the reason (SelfSigned, UnknownCA, Expired, NameMismatch). It reads on macOS only the System keychains, not a user's login keychain (where a corporate proxy's CA is often installed); on Windows the store as it is, while Windows adds public roots only when its own programs first meet a site, so a fresh install can lack the root that browsers would fetch; on Linux the distribution's bundle. A self-signed root in the chain is mostly a TLS-intercepting proxy's.",
		Fix:         "Put the CA where the library reads it; macOS:\n  sudo security add-trusted-cert -d -r trustRoot \\\n    -k /Library/Keychains/System.keychain corp-ca.crt\nWindows (or open the URL once in Edge, which makes Windows fetch a public root):\n  certutil -addstore -f Root corp-ca.crt",
		Confirm:     "openssl s_client -connect host:443 -servername host -showcerts </dev/null",
	},
	// Emacs's package.el and its GnuTLS.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"incomprehensible buffer"},
		Title:       "Emacs's package.el got an unreadable answer from the archive (Emacs 26 with GnuTLS over TLS 1.3)",
		Explanation: "Emacs 26.1 and 26.2 built with GnuTLS 3.6 or later negotiate TLS 1.3 with the package archives (GNU ELPA, MELPA) and mishandle it, leaving package.el a buffer it cannot parse; Emacs 26.3 fixed it. No certificate is at fault.",
		Fix:         "Turn TLS 1.3 off for Emacs's GnuTLS, in the init file before the archives are read:\n  (setq gnutls-algorithm-priority \"NORMAL:-VERS-TLS1.3\")\nor upgrade Emacs to 26.3 or later.",
		Confirm:     "emacs --version",
	},
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"certificate validation failed"},
		Within:      []string{"verification code"},
		Title:       "Emacs's GnuTLS refused the server's certificate (most often it has no CA bundle to check against)",
		Explanation: "Emacs checks the archive's or server's certificate with GnuTLS against the files in gnutls-trustfiles. A build without GnuTLS support falls back to an external gnutls-cli with no usable trust store; Emacs on macOS or Windows often finds no bundle at the paths it tries; and the GnuTLS bundled with older Windows builds (27.2) refuses chains through Let's Encrypt's expired DST Root CA X3 although ISRG Root X1 is there. The code is GnuTLS's status bits in hexadecimal (40: no known issuer; 400: expired; 100: insecure algorithm).",
		Fix:         "See whether this Emacs has GnuTLS and which bundle it reads (in *scratch*):\n  (gnutls-available-p)\n  gnutls-trustfiles\nthen point it at a bundle (or use an Emacs built with GnuTLS, a newer one on Windows):\n  (add-to-list 'gnutls-trustfiles \"/etc/ssl/cert.pem\")",
		Confirm:     "gnutls-cli --x509cafile /etc/ssl/cert.pem elpa.gnu.org </dev/null",
	},
	// winget's pinned certificate of the Microsoft Store source.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"0x8a15005e"},
		Title:       "winget's certificate pinning refused the source's certificate (its chain changed, or a proxy intercepts)",
		Explanation: "winget (App Installer) pins the certificate chain of the Microsoft Store source (msstore): when Microsoft moves that endpoint to a chain under another root, releases that pin the old one refuse it, and a TLS-intercepting proxy or antivirus fails the pin too (an administrator can turn the pin off with the BypassCertificatePinningForMicrosoftStore setting of winget settings). Other sources and browsers still work.",
		Fix:         "Update App Installer (winget) from the Store, then refresh the sources:\n  winget source update",
		Confirm:     "winget --version",
	},
	// OpenWrt's uclient-fetch without a TLS library.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"ssl support not available, please install one of the libustream"},
		Title:       "OpenWrt's uclient-fetch has no TLS library installed, so it cannot fetch https:// URLs",
		Explanation: "uclient-fetch (OpenWrt's wget, used by opkg, ddns-scripts and other packages) takes its TLS from a libustream package (mbedtls, openssl or wolfssl), and minimal images ship without one: every https:// URL fails before any certificate is seen, as happens when a service such as a DDNS provider moves its URLs to HTTPS.",
		Fix:         "Install a TLS library and the CA bundle:\n  opkg update\n  opkg install libustream-mbedtls ca-bundle ca-certificates",
		Confirm:     "opkg list-installed | grep -e libustream -e ca-bundle",
	},
	// RouterOS with no CA to check a server against.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"ssl: no trusted ca certificate found"},
		Title:       "RouterOS has no trusted CA for the server's certificate (it trusts only the CAs imported into it)",
		Explanation: "With check-certificate=yes, RouterOS (/tool fetch, scripts, its VPN clients) verifies the server's chain only against the certificates imported under /certificate and marked trusted; it has no public CA list of its own in most releases, so a server with a Let's Encrypt or other public certificate fails until its root is imported.",
		Fix:         "Import the root CA that issued the server's chain, then fetch again:\n  /tool fetch url=https://letsencrypt.org/certs/isrgrootx1.pem\n  /certificate import file-name=isrgrootx1.pem passphrase=\"\"",
		Confirm:     "/certificate print where trusted=yes",
	},
	// burp's client checking the server certificate's name.
	{
		ID: ServerHostnameMismatch, Kind: "client", Side: "client",
		Match:       []string{"cert common name doesn't match configured ssl_peer_cn"},
		Title:       "The burp client expected another name in the server's certificate (ssl_peer_cn)",
		Explanation: "A burp client checks the common name of the server's certificate against ssl_peer_cn. When it is not set, burp takes the server setting in its place; with the server = host:port form (burp 2.3) that is host:port, which no certificate carries, and a server whose certificate was made with its own ca_server_name never matches a host name.",
		Fix:         "See the name in the server's certificate, and set it in the client's burp.conf:\n  openssl x509 -noout -subject -in /etc/burp/ssl_cert-server.pem\n  ssl_peer_cn = burpserver",
		Confirm:     "openssl x509 -noout -subject -in /etc/burp/ssl_cert-server.pem",
	},
	// Go making a certificate with a name that is not ASCII.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"cannot be encoded as an ia5string"},
		Title:       "A certificate could not be made: a name with characters outside ASCII cannot be its DNS name",
		Explanation: "Go's crypto/x509 writes the DNS names, e-mail addresses and URIs of a subjectAltName as IA5String, which holds ASCII only. A program that makes its own certificate from the computer's name (Syncthing's GUI and API certificate, an agent or test tool) fails when that name has accents or other letters outside ASCII, and the service that needs the certificate does not start. International names go in certificates in their punycode form (xn--).",
		Fix:         "Give the host (or the program's certificate setting) an ASCII name, then restart the program:\n  hostnamectl set-hostname vicenc-pc\nor upgrade the program, if a newer release leaves such names out.",
		Confirm:     "hostname",
	},
	// An FTP server that requires TLS (pure-ftpd's words).
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"cleartext sessions and weak ciphers are not accepted on this server"},
		Title:       "The FTP server accepts only TLS sessions, and the client logged in without TLS",
		Explanation: "pure-ftpd (and other FTP servers set to require TLS) refuses a login over a plain session: the client must start TLS with AUTH TLS after the greeting (explicit FTPS, port 21); a client set to implicit FTPS (TLS from the first byte, port 990) fails the other way, on the plain greeting.",
		Fix:         "Turn explicit FTPS on in the client (AUTH TLS on port 21), and check the server's answer:\n  curl --ssl-reqd -v ftp://host/\n  openssl s_client -connect host:21 -starttls ftp </dev/null",
		Confirm:     "openssl s_client -connect host:21 -starttls ftp </dev/null",
	},
	// client-go loading a CA bundle that is empty or not PEM.
	{
		ID: CertLoadFailed, Kind: "client", Side: "client",
		Match:       []string{"unable to load root certificates: unable to parse bytes as pem block"},
		Title:       "The CA bundle given to a Kubernetes client is empty or not PEM (a webhook's caBundle, a kubeconfig's CA)",
		Explanation: "client-go loads the CA from a webhook's or APIService's caBundle (the API server calling it) or from a kubeconfig's certificate-authority-data, and found no PEM certificate there: cert-manager's CA injector did not fill caBundle (its cert-manager.io/inject-ca-from annotation names a Certificate in another namespace, or one that does not exist), or the value is empty, base64-encoded twice, or not encoded at all.",
		Fix:         "Decode the caBundle the API server uses and look at it:\n  kubectl get validatingwebhookconfiguration NAME \\\n    -o jsonpath='{.webhooks[0].clientConfig.caBundle}' \\\n    | base64 -d | head -1\nthen correct the injection annotation (namespace/certificate) or the value.",
		Confirm:     "kubectl get validatingwebhookconfiguration NAME -o yaml",
	},
	// Go's expiry message for a certificate without dates.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client", Own: true,
		Match:       []string{"is after 0001-01-01t00:00:00"},
		Title:       "The server's certificate has no validity dates at all (a zero end date), so it is not a renewal or clock problem",
		Explanation: "Go names the certificate's end date, and 0001-01-01 is Go's zero time: the server presented a certificate made without dates, most often a placeholder or fallback that a server generates for itself when its real certificate is not configured (a tunnel or proxy server started without its TLS certificate settings, while its clients now require verified TLS).",
		Fix:         "See what the server presents, then give it its real certificate and key:\n  openssl s_client -connect host:7000 -showcerts </dev/null | openssl x509 -noout -dates -subject",
		Confirm:     "openssl s_client -connect host:7000 </dev/null | openssl x509 -noout -dates",
	},
	// Proxmox VE's pveproxy failing its hop to another node.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"an http 596 response", "http 596 connection", "http error 596"},
		Title:       "Proxmox's pveproxy failed its own connection to the node that serves the request (HTTP 596)",
		Explanation: "In a Proxmox VE cluster the pveproxy you call forwards a request for another node (or for a node by its name) over TLS to that node's pveproxy, and 596 means that hop failed: the node's name does not resolve to its address (/etc/hostname and /etc/hosts out of step with the cluster), its pve-ssl certificate no longer matches the cluster CA after a rename or reinstall, or the node is down. The client's own TLS setting (insecure in Terraform or an API client) does not reach that hop.",
		Fix:         "On the nodes, check the name and address, renew the node certificates and restart the proxy:\n  getent hosts \"$(hostname)\"\n  pvecm updatecerts --force\n  systemctl restart pveproxy",
		Confirm:     "pvecm status",
	},
	// Python refusing a server-side context for a client socket (3.10).
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"cannot create a client socket with a protocol_tls_server context"},
		Title:       "The program built a server's TLS context for a client connection (a bug that Python 3.10 refuses)",
		Explanation: "ssl.create_default_context(purpose=ssl.Purpose.CLIENT_AUTH) makes a context for a server (one that authenticates clients), and since Python 3.10 such a context cannot open a client connection; older Pythons let it pass. A library that gets the purpose the wrong way round (a websocket or chat client) fails on every connection under a newer Python: no certificate is involved, and its newer release (Purpose.SERVER_AUTH) fixes it.",
		Fix:         "Upgrade the library that opens the connection, or run it on the Python it was made for:\n  pip install --upgrade PACKAGE\n  python3 --version",
		Confirm:     "pip show PACKAGE",
	},
	// Schannel on two Windows machines that share no protocol or suite.
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"a call to sspi failed"},
		Within:      []string{"one or more of the parameters passed to the function was invalid"},
		Title:       "Windows' TLS (Schannel) found no protocol or cipher suite the two sides share",
		Explanation: "A .NET program's SslStream (Octopus Tentacle, an agent, a service) uses Schannel, and `One or more of the parameters passed to the function was invalid` is its answer when the settings of the two machines leave nothing in common: TLS 1.2 not enabled on an old Windows Server (2008 R2 and older have it off), one side limited to TLS 1.2 by a hardening script or update while the other offers only TLS 1.0, or cipher suites, hashes or key exchanges removed on one side. The other machine logs a connection closed by its peer.",
		Fix:         "Enable TLS 1.2 and common suites on both machines (the SCHANNEL Protocols keys, or a tool such as IIS Crypto), let .NET use them (SchUseStrongCrypto set to 1 under HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319), reboot, then compare what each side offers:\n  openssl s_client -connect host:10933 -tls1_2 </dev/null",
		Confirm:     "openssl s_client -connect host:10933 -tls1_2 </dev/null",
	},
	// Tomcat opening its trust store with a password that does not fit.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"the provided trust store password could not be used to unlock and/or validate the trust store"},
		Title:       "Tomcat could not open its trust store with the password it was given (it retried without one)",
		Explanation: "Tomcat (embedded in Spring Boot, or standalone) opens the trust store of its connector, the CAs it accepts client certificates from, with the configured password (server.ssl.trust-store-password, the connector's truststorePass, or javax.net.ssl.trustStorePassword); when that fails it retries with no password, which skips the store's integrity check and fails for a PKCS#12 store. The password does not belong to that store: another store's, a store re-saved with another or an empty password (Spring Boot's SslStoreProvider writes its stores with an empty one), or a system property that overrides the connector's setting.",
		Fix:         "Check which password opens the store, then set that one for the connector:\n  keytool -list -keystore truststore.p12 -storepass changeit\n  server.ssl.trust-store-password=changeit",
		Confirm:     "keytool -list -keystore truststore.p12 -storepass changeit",
	},
	// Octopus Server and Tentacle pinning each other's certificates.
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match:       []string{"was expected to supply a certificate with thumbprint"},
		Title:       "The other machine's certificate is not the one registered for it (Octopus pins certificates by thumbprint)",
		Explanation: "Octopus Server and its Tentacles trust each other by the thumbprint of each side's self-signed certificate, not by a CA: the machine that answered presented another certificate than the one registered for it, because its certificate was regenerated (a reinstall, a new instance, a restored or cloned machine) or the address now reaches another machine.",
		Fix:         "Compare the thumbprint the Tentacle has with the one registered on the server, then update the registration (or bring back the old certificate):\n  Tentacle.exe show-thumbprint --instance Tentacle\nand, on the other side, the server's:\n  Tentacle.exe configure --trust=SERVER_THUMBPRINT",
		Confirm:     "Tentacle.exe show-thumbprint --instance Tentacle",
	},
	// Ansible's Receptor checking its node ID in its own certificate.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"not found in certificate name(s)"},
		Within:      []string{"nodeid", "receptor"},
		Title:       "Receptor's own certificate does not carry its node ID",
		Explanation: "Receptor (under AWX and Ansible Automation Platform) checks at start that its node ID is among the names of the certificate it serves (its DNS names or Common Name): a certificate issued for the host name when the node ID is another name (awx, a pod name) stops it.",
		Fix:         "Issue the node's certificate with the node ID among its names, or set the node ID to a name the certificate carries:\n  openssl x509 -noout -text -in /etc/receptor/tls/receptor.crt | grep -A1 'Alternative Name'\n  subjectAltName=DNS:awx,DNS:awx-receptor-1.demo.io",
		Confirm:     "openssl x509 -noout -text -in /etc/receptor/tls/receptor.crt | grep -A1 'Alternative Name'",
	},
	// cfssl's own refusals: a config file that is not JSON, a wrong binary.
	{
		ID: CertLoadFailed, Kind: "client", Side: "client",
		Match:       []string{"failed to unmarshal configuration:", "must specify bundle target through -cert or -domain"},
		Title:       "cfssl could not run the command: its JSON configuration does not parse, or the binary is another cfssl tool",
		Explanation: "cfssl reads its signing configuration (ca-config.json) and CSR files as JSON, and a missing comma or quote stops it before anything is signed, so cfssljson then gets nothing to parse (unexpected end of JSON input). `Must specify bundle target` comes from cfssl-bundle: the file installed as cfssl is another tool of the release, which takes gencert as something else.",
		Fix:         "Check the JSON files, and that the binary is cfssl itself:\n  python3 -m json.tool ca-config.json\n  cfssl version",
		Confirm:     "cfssl version",
	},
	// node's https server crashing on a client certificate it refused.
	{
		ID: ClientCertRejected, Kind: "client", Side: "server",
		Match:       []string{"cannot read property 'getalpnnegotiatedprotocol' of null"},
		Title:       "The node https server refused a client certificate, and this node release crashed on it",
		Explanation: "A node https server with requestCert (and rejectUnauthorized, its default) ends the handshake of a client whose certificate its ca option does not trust, or that sent none; node 11.2 then crashed in its own code (reading ALPN of a socket already closed) instead of just closing the connection. The client certificate's CA is missing from the server's ca option.",
		Fix:         "Give the server the CA that issued the client certificates, in its options:\n  ca: fs.readFileSync('client-ca.crt'),\n  requestCert: true,\nand move to a newer node:\n  node --version",
		Confirm:     "openssl verify -CAfile client-ca.crt client.crt",
	},
	// PHP's streams on OpenSSL 3 and a server that closes without
	// close_notify.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client", Own: true,
		Match:       []string{"unexpected eof while reading"},
		Within:      []string{".php on line", "in command line code on line", "file_get_contents(", "stream_socket_client(", "fopen(", "php warning"},
		Title:       "PHP on OpenSSL 3 failed when the server closed the connection without close_notify",
		Explanation: "OpenSSL 3 reports a server that closes its connection without TLS's close_notify as an error, where OpenSSL 1.1 did not; many servers (www.google.com among them) close so after the response. PHP 8.1.7 and later tell OpenSSL to tolerate it (SSL_OP_IGNORE_UNEXPECTED_EOF); older PHP releases built against OpenSSL 3 (PHP 7.4 and 8.0 packages on Ubuntu 22.04, RHEL 9, Rocky 9) fail on file_get_contents and other stream reads, while curl and browsers succeed. No certificate is at fault.",
		Fix:         "See which PHP and OpenSSL run, then move to PHP 8.1.7 or later (or a package that carries the fix), or use the curl functions for the request:\n  php -r 'echo PHP_VERSION, \" \", OPENSSL_VERSION_TEXT, PHP_EOL;'",
		Confirm:     "php -r 'echo PHP_VERSION, \" \", OPENSSL_VERSION_TEXT, PHP_EOL;'",
	},
	// Kubernetes' certificate loader refusing a CA made on a machine whose
	// clock is ahead.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"failed to load certificate: the certificate is not valid yet"},
		Title:       "The program refused to load its own CA certificate: not valid yet by this machine's clock",
		Explanation: "kubeadm (and other Kubernetes tools that load their CA with client-go's certificate helpers) checks the dates of the CA it loads: a CA made moments ago on a machine whose clock is ahead of this one's has a notBefore in this machine's future, so joining or starting fails until this clock catches up. No certificate is wrong; the clocks differ.",
		Fix:         "Compare the clocks and the CA's start date, then set the time (NTP) on every node:\n  date -u\n  openssl x509 -noout -startdate -in /etc/kubernetes/pki/ca.crt\n  timedatectl set-ntp true",
		Confirm:     "openssl x509 -noout -startdate -in /etc/kubernetes/pki/ca.crt",
	},
	// Firefox's pinning refusing a locally trusted root on a pinned site.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client", Own: true,
		Match:       []string{"mozilla_pkix_error_key_pinning_failure"},
		Title:       "Firefox's built-in pins refused the certificate of a pinned site (an intercepting proxy or antivirus, with strict pinning)",
		Explanation: "Firefox pins the keys of some sites (Google's, Mozilla's, others in its list). By default it lets a root that was added locally (a company proxy's, an antivirus's) override the pins; with strict pinning (security.cert_pinning.enforcement_level set to 2, as hardening profiles such as arkenfox's user.js do) any certificate that is not from the pinned keys is refused, so every intercepted pinned site fails and the error cannot be bypassed. Without interception, the site or a network device is serving a certificate it should not.",
		Fix:         "See who issued the certificate Firefox gets; a proxy's or antivirus's CA means interception:\n  openssl s_client -connect www.google.com:443 -servername www.google.com </dev/null | grep i:\nthen leave that host out of inspection, or set security.cert_pinning.enforcement_level back to 1 in about:config.",
		Confirm:     "openssl s_client -connect www.google.com:443 -servername www.google.com </dev/null | grep i:",
	},
	// ESP-IDF's certificate bundle refusing a server's chain.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client", Own: true,
		Match:       []string{"esp-x509-crt-bundle: failed to verify certificate"},
		Title:       "The ESP32's certificate bundle holds no root for the server's chain",
		Explanation: "ESP-IDF's esp_crt_bundle checks the server's chain against the roots compiled into the firmware: all of Mozilla's, or by default only the common ones (CONFIG_MBEDTLS_CERTIFICATE_BUNDLE_DEFAULT_CMN). A server whose chain ends elsewhere fails: a self-signed or private CA, a root left out of the common set, a root newer than the firmware's bundle, or an intermediate the server does not send. A framework that attaches the bundle when it was told not to verify (a release's bug, as in ESPHome 2026.1.0 with verify_ssl: false) fails the same way. A clock that was never set (no SNTP yet) makes a good chain look not yet valid.",
		Fix:         "See which root the server's chain ends at:\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null | grep -e s: -e i:\nthen give the client that CA in PEM (esp_http_client_config_t.cert_pem, or the framework's CA option) instead of the bundle, or build with the full bundle (CONFIG_MBEDTLS_CERTIFICATE_BUNDLE_DEFAULT_FULL), and set the clock by SNTP before connecting.",
		Confirm:     "openssl s_client -connect host:443 -servername host -showcerts </dev/null | grep -e s: -e i:",
	},
	// SPIRE checking the intermediate CA its upstream authority signed.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server", Own: true,
		Match:       []string{"x509 ca minted by upstream authority is invalid"},
		Title:       "SPIRE refused the CA its upstream authority signed for it",
		Explanation: "spire-server asks its UpstreamAuthority plugin (Vault's PKI, AWS Private CA, cert-manager, a CA on disk) to sign its intermediate CA, and since 1.6 it checks what comes back before using it: the certificate must be a CA (basicConstraints CA:TRUE with certificate signing in its key usage; 1.6's first releases allowed only keyCertSign and cRLSign, refusing the digitalSignature that AWS Private CA sets, which a later release accepts), carry the trust domain's SPIFFE ID (spiffe://example.org) as its URI SAN, and chain to the upstream bundle. The end of the line names the check that failed. The upstream CA's role or template decides the extensions; a plugin that leaves out the URI SAN (Vault's, before SPIRE's fix) fails every time.",
		Fix:         "Let the upstream CA put the trust domain's URI and a CA's key usage in what it signs (Vault: allowed_uri_sans on the PKI role or use_csr_sans; AWS Private CA: a subordinate CA template), upgrade spire-server if its plugin is the one that drops them, and look at the signed CA:\n  openssl x509 -noout -text -in upstream-ca.pem | grep -A1 -e 'Alternative Name' -e 'Key Usage' -e 'Basic Constraints'",
		Confirm:     "openssl x509 -noout -text -in upstream-ca.pem | grep -A1 -e 'Alternative Name' -e 'Key Usage'",
	},
	// Graylog's TLS inputs wanting a PKCS#8 key.
	{
		ID: KeyLoadFailed, Kind: "client", Side: "server", Own: true,
		Match:       []string{"error creating ssl context. make sure the certificate and key are in the correct format"},
		Title:       "Graylog could not build its input's TLS context: its key must be PKCS#8",
		Explanation: "A Graylog input with TLS (Syslog TCP, GELF TCP, Beats) reads its key as PKCS#8 (BEGIN PRIVATE KEY, or BEGIN ENCRYPTED PRIVATE KEY with the input's key password): a traditional RSA or EC key (BEGIN RSA PRIVATE KEY, BEGIN EC PRIVATE KEY), as openssl genrsa and many CAs write it, fails. So does a certificate file without PEM headers, or a key that does not belong to the certificate.",
		Fix:         "Convert the key to PKCS#8 and point the input at the new file:\n  openssl pkcs8 -topk8 -nocrypt -in input.key -out input-pkcs8.key\nThe -nocrypt option leaves it unencrypted; without it, the command asks for a password, which then goes in the input's TLS key password.",
		Confirm:     "head -1 input.key",
	},
	// The Copilot language server reading a CA bundle with comments.
	{
		ID: RoutineLine, Kind: "client", Side: "client", Level: infoLevel,
		Match:       []string{"[certificates] failed to parse certificate"},
		Title:       "Copilot skipped an entry of the system CA bundle it could not parse (harmless)",
		Explanation: "The Copilot language server (VS Code, copilot.vim, copilot.lua) reads every root of the system's CA bundle and parses each one; a bundle written with comment lines between its certificates (update-ca-trust extracting with --comment, as Fedora and RHEL do; '# Label' lines) makes it log one warning per root it could not read. Copilot still connects with the roots it did read; a TLS failure of its own would say so in a separate line.",
		Fix:         "Nothing to do unless Copilot cannot connect. To stop the warnings, point it at a bundle without comments:\n  grep -v '^#' /etc/pki/tls/certs/ca-bundle.crt > ~/ca-bundle.pem\n  export NODE_EXTRA_CA_CERTS=~/ca-bundle.pem",
		Confirm:     "grep -c '^#' /etc/pki/tls/certs/ca-bundle.crt",
	},
	// yaSSL (MySQL client libraries) failing a certificate's signature.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client", Own: true,
		Match:       []string{"asn: bad other signature confirmation"},
		Title:       "yaSSL (an old MySQL client library) could not check the certificate's signature",
		Explanation: "yaSSL, the TLS library of MySQL 5.x community builds and the libmysql of the programs that ship it (old HeidiSQL, connectors), failed to verify a signature in the chain. Three causes cover most cases: 1. the CA certificate and the server's (or client's) certificate have the same Common Name, so yaSSL takes the certificate for self-signed and checks it with its own key (MySQL's documentation requires different CNs); 2. the CA file given is not the one that signed the certificate (a CA made again with a new key); 3. yaSSL does not support the certificate's algorithms (ECDSA, newer RSA-PSS or SHA-2 variants).",
		Fix:         "Compare the names and check the chain with OpenSSL:\n  openssl x509 -noout -subject -issuer -in server-cert.pem\n  openssl x509 -noout -subject -in ca.pem\n  openssl verify -CAfile ca.pem server-cert.pem\nThe same CN: make the CA again with a CN of its own and sign the certificates with it. Otherwise use a client library built on OpenSSL (a current libmysql or libmariadb).",
		Confirm:     "openssl verify -CAfile ca.pem server-cert.pem",
	},
	// Zabbix agent 2 with PSK encryption and no PSK settings.
	{
		ID: KeyLoadFailed, Kind: "client", Side: "server", Own: true,
		Match:       []string{"missing tlspskfile configuration parameter", "missing tlspskidentity configuration parameter"},
		Title:       "The Zabbix agent is set for PSK encryption but has no PSK file or identity",
		Explanation: "With TLSConnect or TLSAccept set to psk, the Zabbix agent (agent 2, and the classic agent) needs both TLSPSKIdentity and TLSPSKFile, a file holding the pre-shared key in hex; it refuses to start without them. In the official Docker images the entrypoint writes them from ZBX_TLSPSKIDENTITY and ZBX_TLSPSKFILE (a mounted file); an image release whose entrypoint stopped writing them (7.2.2) fails the same way with settings that worked before.",
		Fix:         "Give the agent its PSK file and identity (the same pair as in the host's encryption settings in the Zabbix frontend):\n  openssl rand -hex 32 > /etc/zabbix/agent.psk\n  TLSPSKIdentity=PSK-host-01\n  TLSPSKFile=/etc/zabbix/agent.psk\nIn Docker, set ZBX_TLSPSKIDENTITY and mount the file at ZBX_TLSPSKFILE; if it began with a new image tag, try the one before.",
		Confirm:     "grep -e ^TLS /etc/zabbix/zabbix_agent2.conf",
	},
	// Android's BouncyCastle path check finding a certificate outside its
	// dates, with the times it compared.
	{
		ID: ServerCertExpired, Kind: "client", Side: "client", Own: true,
		Match:       []string{"could not validate certificate: current time:", "could not validate certificate: certificate expired at", "could not validate certificate: certificate not valid till"},
		Title:       "Android's certificate check found the server's certificate outside its dates (compare the two times in the line)",
		Explanation: "Older Android releases check the chain with BouncyCastle, and its message gives both times. `current time` far in the past (1970, or the day a board or emulator image was built) or `not valid till` a date still ahead: the device's clock is wrong, as on an emulator or device that has not set its time yet (no network time at boot), or one set by hand. `Certificate expired at` a date before a correct `compared to` time: the server's certificate really expired, and its owner must renew it.",
		Fix:         "Set the device's clock (automatic date and time; on an emulator, cold boot it or set the time), then, if the time was right, look at the server's dates:\n  openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -dates",
		Confirm:     "adb shell date",
	},
	// MongoDB Atlas refusing a client that sends no server name.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client", Own: true,
		Match:       []string{"no sni name sent, make sure using a mongodb 3.4+ driver"},
		Title:       "MongoDB Atlas needs the server name (SNI), and this client is too old to send it",
		Explanation: "Atlas's shared and serverless clusters route each TLS connection by the server name in the ClientHello (SNI), and refuse one that carries none. Drivers and shells before MongoDB 3.4, and the tools that embed one (older Robo 3T and other GUIs, old mongodump), connect without it.",
		Fix:         "Upgrade the driver, shell or tool to one built on MongoDB 3.4 or later (mongosh, a current Compass or Robo 3T), and connect with the host names of the SRV record:\n  mongosh 'mongodb+srv://cluster0.example.mongodb.net/'",
		Confirm:     "mongosh --version",
	},
	// libcurl on NSS refusing a CA file without verification.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client", Own: true,
		Match:       []string{"ca certificate set, but certificate verification is disabled"},
		Title:       "libcurl on NSS refuses a CA file given together with verification turned off",
		Explanation: "curl built on NSS (RHEL and CentOS 6 and 7, old Fedora) treats a CA file set while peer verification is off as an error. A program that turns verification off but still passes its bundled CA file, as WordPress does when a plugin calls wp_remote_get() with sslverify set to false, fails on such hosts while it works with curl on OpenSSL.",
		Fix:         "Keep verification on and give the right CA file (best), or have the program drop the CA option when it turns verification off (PHP: leave CURLOPT_CAINFO unset). See which TLS library this curl uses:\n  curl --version | head -1\n  php -r 'print_r(curl_version()[\"ssl_version\"]);'",
		Confirm:     "curl --version | head -1",
	},
	// libcurl asked for a TLS version its TLS library lacks.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client", Own: true,
		Match:       []string{"unsupported ssl protocol version"},
		Title:       "libcurl was asked for a TLS version its TLS library cannot do",
		Explanation: "The program set CURLOPT_SSLVERSION (PHP's curl_setopt, an SDK's request options, curl's --tlsv1.2) to a version the TLS library under this libcurl does not have: TLS 1.2 needs OpenSSL 1.0.1 or later, so an OpenSSL 1.0.0 or 0.9.8 build (RHEL 5 and 6 era, old PHP bundles) fails before connecting; some builds also refuse a version constant they do not know. Services that take only TLS 1.2 or later (payment APIs among them) need such a client upgraded anyway.",
		Fix:         "See which TLS library libcurl uses, and upgrade it (or the system) to one with TLS 1.2 and 1.3; do not force a version the library lacks:\n  curl --version | head -1\n  php -r 'print_r(curl_version()[\"ssl_version\"]);'",
		Confirm:     "curl --version | head -1",
	},
	// ESPHome's check that certificate verification is possible.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client", Own: true,
		Match:       []string{"esphome supports certificate verification only via esp-idf"},
		Title:       "ESPHome cannot verify certificates on the Arduino framework: verify_ssl must be false there",
		Explanation: "ESPHome's http_request component (and the components that download through it: online_image, ota's http source) verifies server certificates only with ESP-IDF's certificate bundle. A device built on the Arduino framework cannot, so the configuration must say verify_ssl: false, or the device must move to the ESP-IDF framework. This is a configuration check, not a server's fault.",
		Fix:         "Build the device on ESP-IDF to keep verification:\n  esp32:\n    framework:\n      type: esp-idf\nor, on Arduino, set verify_ssl: false under http_request.",
		Confirm:     "esphome config device.yaml",
	},
	// BoringSSL's verify failure with nothing else to tell the program.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client", Own: true,
		Match: []string{"openssl_internal:certificate_verify_failed"},
		// envoy's and .NET's own entries tell theirs, and gRPC's with a
		// verify code.
		Without:     []string{"268435581", "envoy", "transport failure", "tls_error", "tsi_protocol_failure", "system.net", "system.security"},
		Title:       "A client on BoringSSL (envoy, gRPC, Android, Dart) refused the server's certificate",
		Explanation: "BoringSSL names a failed check of the peer's chain CERTIFICATE_VERIFY_FAILED; its clients are envoy and the proxies built on it (Istio, Pomerium, Contour, Emissary) for their upstreams, gRPC's C core (Python, Ruby, PHP, C++ and node's grpc), Dart and Flutter, and Android's Conscrypt. Five causes cover most cases: 1. the CA it was given (envoy's validation_context trusted_ca, gRPC's root certificates) does not hold the root of the server's chain: an intermediate alone does not anchor it, so give the root, or the whole chain; 2. the server does not send its intermediates; 3. a private or self-signed CA the client was not given, or a TLS-intercepting proxy's; 4. a certificate of the chain out of its dates, or a clock that is wrong; 5. no system roots where the program looks: BoringSSL has no default CA location of its own, so a program that carries it finds the system's bundle itself, and some releases look in the wrong place for a distribution (RHEL and Amazon Linux keep it in /etc/pki/tls/certs/ca-bundle.crt) or use their own roots (gRPC's bundled roots.pem unless GRPC_DEFAULT_SSL_ROOTS_FILE_PATH names another file). The line's verify code, when it has one, says which.",
		Fix:         "See the chain the server sends and check it against the CA file the client has:\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null\n  openssl verify -CAfile ca.pem -untrusted intermediate.pem server.pem\nthen give the client the root (envoy: trusted_ca; gRPC: its root certificates, or GRPC_DEFAULT_SSL_ROOTS_FILE_PATH=/etc/ssl/certs/ca-certificates.crt), and make the server send its intermediates; a public site that fails in one program only: upgrade it, or point it at the system's bundle.",
		Confirm:     "openssl verify -CAfile ca.pem -untrusted intermediate.pem server.pem",
	},
	// Qt's network reply failing its TLS handshake.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client", Own: true,
		Match:       []string{"qnetworkreply::sslhandshakefailederror"},
		Title:       "A Qt program's HTTPS request failed its TLS handshake (Qt's OpenSSL, or the server's certificate)",
		Explanation: "QNetworkReply names every failed TLS set-up SslHandshakeFailedError. Three causes cover most cases: 1. Qt cannot use the OpenSSL it was built for, so every https request fails: Qt 5.15 from the Qt installer or a self-built one on a system with only OpenSSL 3 (Ubuntu 22.04 and later), Windows without OpenSSL's DLLs beside the program; its log then says `qt.network.ssl: QSslSocket: cannot resolve` or `cannot call unresolved function`; 2. the server's certificate was refused (the program's sslErrors handler lists why: untrusted, another host's name, expired); 3. no TLS version or cipher in common with an old server. When a packaged build (an AppImage, the distribution's package) of the same program works, it is 1.",
		Fix:         "See what Qt's TLS says, and which OpenSSL it finds:\n  QT_LOGGING_RULES='qt.network.ssl*=true' ./app\n  ldd ./app | grep -e libssl -e libcrypto\nthen build against the distribution's Qt (or use the packaged build), or give Qt the OpenSSL version it wants; for 2, check the server:\n  openssl s_client -connect host:443 -servername host </dev/null",
		Confirm:     "openssl version",
	},
	// DDS-Security (Fast DDS, RTI Connext; ROS 2's SROS2) refusing the
	// participant's own identity certificate.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server", Own: true,
		Match:       []string{"error validating the local participant", "rti_security_certhelper_verifycert:x509_verify_cert returned"},
		Title:       "DDS-Security refused this participant's own identity certificate (SROS2, Fast DDS, RTI Connext)",
		Explanation: "A secure DDS participant checks its own identity certificate against its identity CA when it starts (ROS 2 nodes with SROS2 keystores, Fast DDS, RTI Connext). It refuses it when the certificate is not yet valid (a generator that wrote its start time in local time instead of UTC, as sros2 did before its fix, on a machine ahead of UTC; or a clock behind), expired, not signed by the identity_ca given (keystores made at different times mixed), or unusable by the OpenSSL it runs on (example certificates older than OpenSSL 1.1). RTI's line gives OpenSSL's verify code; Fast DDS says only that the local identity failed.",
		Fix:         "Check the enclave's certificate against its CA and its dates, then create the keystore again with a current sros2 (ros2 security create_keystore, create_enclave) if they are off:\n  openssl verify -CAfile identity_ca.cert.pem cert.pem\n  openssl x509 -noout -dates -in cert.pem\n  date -u",
		Confirm:     "openssl x509 -noout -dates -in cert.pem",
	},
	// Go's HTTP/2 server refusing a cipher list in the wrong order.
	{
		ID: StartupFailed, Kind: "client", Side: "server", Own: true,
		Match:       []string{"contains an http/2-approved cipher suite", "but it comes after unapproved cipher suites"},
		Title:       "A Go HTTP/2 server refused its cipher-suite list: an HTTP/2-approved suite comes after unapproved ones",
		Explanation: "Go's HTTP/2 server (net/http, and golang.org/x/net/http2's ConfigureServer) checks tls.Config.CipherSuites when it starts: HTTP/2 forbids some suites (CBC and non-ECDHE ones), so a client that offers only the first, forbidden ones would get a broken connection, and the server refuses a list where an approved suite (an ECDHE-GCM or ChaCha20 suite, or a TLS 1.3 one such as 0x1301) follows an unapproved one. The list is the program's setting; old x/net releases also had an incomplete list of forbidden suites and refused correct orders.",
		Fix:         "Put the ECDHE-GCM and ChaCha20 suites first in the program's cipher list, or leave CipherSuites unset (Go's defaults are in a valid order, and TLS 1.3 suites are not configurable); with an old x/net, upgrade it:\n  go get golang.org/x/net@latest",
		Confirm:     "go version",
	},
	// libmosquitto's host name check.
	{
		ID: ServerHostnameMismatch, Kind: "client", Side: "client", Own: true,
		Match:       []string{"error: host name verification failed"},
		Title:       "The MQTT client connected by a name the broker's certificate does not carry",
		Explanation: "libmosquitto (mosquitto_pub and mosquitto_sub, and programs on it) compares the host it was given (-h, or the program's broker setting) with the names in the broker's certificate. Connecting by IP address to a certificate that names only the broker's DNS name fails, as does a short name or localhost for a certificate with the fully qualified name; the chain itself may be fine.",
		Fix:         "Connect with a name the certificate carries, or reissue the broker's certificate with that name or address in its subjectAltName:\n  mosquitto_sub -h broker.example.com -p 8883 \\\n    --cafile ca.crt -t test\n  openssl x509 -noout -text -in broker.crt | grep -A1 'Alternative Name'\n(--insecure skips the name check: only to test.)",
		Confirm:     "openssl s_client -connect broker.example.com:8883 </dev/null 2>/dev/null | openssl x509 -noout -subject",
	},
	// A certificate used before its start by a client's clock.
	{
		ID: ServerCertExpired, Kind: "client", Side: "client", Own: true,
		Match:       []string{"certificate is used before the 'not before' time", "certificate is used before the \"not before\" time"},
		Title:       "A certificate is not valid yet by this machine's clock (its Not Before is ahead)",
		Explanation: "The certificate's start (notBefore) lies in this machine's future: a certificate issued seconds ago by a CA whose clock is ahead, or more often this machine's clock running behind (a VM after a pause, a container host or board without time sync). Short-lived certificates (minutes or hours, as identity providers and SPIFFE-style issuers give) make a skew of seconds enough.",
		Fix:         "Set the clock and keep it synced on both machines:\n  date -u\n  timedatectl set-ntp true\nand have the issuer back-date new certificates by a minute if it can.",
		Confirm:     "date -u",
	},
	// mongod requiring a client certificate.
	{
		ID: NoClientCert, Kind: "client", Side: "server", Own: true,
		Match:       []string{"no ssl certificate provided by peer; connection rejected", "no ssl certificate provided by peer"},
		Title:       "mongod requires a client certificate and the client sent none",
		Explanation: "With a CA file set (net.tls.CAFile), mongod asks every client for a certificate and refuses one that sends none, unless net.tls.allowConnectionsWithoutCertificates is true; MongoDB 7.0 and later are stricter about it than older releases. The client sent none: no certificate option (mongosh --tlsCertificateKeyFile, a driver's tlsCertificateKeyFile), or a driver or tool that ignores it on some of its connections (the ones that find the primary of a replica set, a monitoring connection).",
		Fix:         "Give the client its certificate and key in one PEM file:\n  mongosh --tls --tlsCAFile ca.pem \\\n    --tlsCertificateKeyFile client.pem 'mongodb://db.example.com/'\nor, when clients are not meant to have one, let mongod accept them without:\n  net:\n    tls:\n      allowConnectionsWithoutCertificates: true",
		Confirm:     "openssl s_client -connect db.example.com:27017 </dev/null 2>/dev/null | grep -i 'acceptable client certificate'",
	},
	// apt without any CA certificates.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client", Own: true,
		Match:       []string{"no system certificates available. try installing ca-certificates"},
		Title:       "apt found no CA certificates at all: ca-certificates is not installed",
		Explanation: "apt's https transport checks servers against the system's CA bundle, and this system has none: a minimal image, container or chroot (debootstrap, proot, slim images) without the ca-certificates package, so every https:// source fails while http:// ones work.",
		Fix:         "Install the bundle over plain http first (keep an http:// mirror until then), then switch the sources to https:\n  apt-get update && apt-get install -y ca-certificates",
		Confirm:     "ls /etc/ssl/certs/ca-certificates.crt",
	},
	// Traefik serving its default certificate.
	{
		ID: ServerHostnameMismatch, Kind: "client", Side: "server", Own: true,
		Match:       []string{"serving default certificate for request:"},
		Title:       "Traefik had no usable certificate for the name asked and served its default one",
		Explanation: "Traefik picks the certificate whose names match the server name (SNI) the client sent; when none matches it serves its default certificate (TRAEFIK DEFAULT CERT, self-signed, unless tls.stores.default sets one), which clients then refuse. Causes: no certificate for that name was loaded (a certificate in a file the file provider does not read, a resolver that has not obtained it yet or failed to), the certificate's key does not match it so Traefik skipped it, or the client sent no SNI or another name (an IP address).",
		Fix:         "Look in Traefik's log at start for the certificate it could not load, and check that the key matches the certificate:\n  openssl x509 -noout -pubkey -in site.crt | openssl sha256\n  openssl pkey -pubout -in site.key | openssl sha256\nthen see which certificate a client gets for the name:\n  openssl s_client -connect host:443 -servername app.example.com </dev/null 2>/dev/null | grep s:",
		Confirm:     "openssl s_client -connect host:443 -servername app.example.com </dev/null 2>/dev/null | grep s:",
	},
	{
		ID: RoutineLine, Kind: "client", Side: "server", Level: infoLevel,
		Match:       []string{"no default certificate, generate one"},
		Title:       "Traefik made its own default certificate (no default was configured where it reads)",
		Explanation: "Traefik generates a self-signed default certificate at start when no tls.stores.default.defaultCertificate is set. That is normal unless one was meant to be set: a default certificate defined in the dynamic configuration is read only when the provider that holds it is enabled (the file provider for a TLS file), so with that provider off Traefik generates its own and serves it to clients whose name matches no other certificate.",
		Fix:         "Nothing to do if no default was meant. Otherwise enable the provider that holds it, e.g. in the static configuration:\n  providers:\n    file:\n      filename: /etc/traefik/dynamic.yml",
		Confirm:     "grep -n -A3 'providers' /etc/traefik/traefik.yml",
	},
	// Apache 2.2's key check at start.
	{
		ID: LogKeyMismatch, Kind: "client", Side: "server", Own: true,
		Match:       []string{"unable to configure rsa server private key"},
		Title:       "Apache's private key does not belong to its certificate (Apache 2.2)",
		Explanation: "Apache 2.2's mod_ssl checks at start that SSLCertificateKeyFile holds the key of SSLCertificateFile's certificate (the next line, when logged, says X509_check_private_key:key values mismatch). After a renewal the usual cause is a certificate issued for another request's key (a CSR made again with a new key, and the old key kept), or a directive that still names the old file.",
		Fix:         "Compare the certificate's and the key's public keys; they must be the same:\n  openssl x509 -noout -pubkey -in server.crt | openssl sha256\n  openssl pkey -pubout -in server.key | openssl sha256\nthen point SSLCertificateKeyFile at the key the certificate was issued for, or reissue the certificate for the key you have.",
		Confirm:     "openssl x509 -noout -pubkey -in server.crt | openssl sha256",
	},
	// Outlook's encryption-type error.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client", Own: true,
		Match:       []string{"0x800ccc1a", "your server does not support the connection encryption type you have specified"},
		Title:       "Outlook and the mail server did not agree on the connection's encryption",
		Explanation: "Outlook's account sets the encryption for each port (SSL/TLS from the first byte, STARTTLS after a plain greeting, or none). This error comes when that setting does not fit the port (SSL/TLS on 587 or 143, STARTTLS on 993 or 465), or when the TLS handshake itself fails: an old Windows (7, or without the TLS 1.2 update) against a server that dropped TLS 1.0 and 1.1 or the cipher suites that Windows offers, as after a mail server's upgrade.",
		Fix:         "Match the setting to the port (993 and 465: SSL/TLS; 143 and 587: STARTTLS), then see which versions the server takes:\n  openssl s_client -connect mail.example.com:993 -tls1_2 </dev/null\n  openssl s_client -connect mail.example.com:993 -tls1 </dev/null\nand update or enable TLS 1.2 on the old Windows, or let the server take what it needs.",
		Confirm:     "openssl s_client -connect mail.example.com:993 </dev/null",
	},
	// Remote Desktop's certificate warning.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client", Own: true,
		Match:       []string{"the remote computer could not be authenticated due to problems with its security certificate", "the authentication certificate received from the remote computer is expired or invalid"},
		Title:       "Remote Desktop does not trust the computer's certificate (by default a self-signed one)",
		Explanation: "Windows secures Remote Desktop with a certificate of its own: unless one from a CA is set (Group Policy's Remote Desktop certificate template, or the RD Gateway's and RD Session Host's certificate), each computer makes a self-signed one, which no client trusts, so the client warns on first connection. The certificate is also refused when it has expired (a self-signed one that was not renewed, or a CA one past its dates), names another computer than the one dialled, or chains to a CA the client lacks.",
		Fix:         "Give the computer a certificate from a CA the clients trust, for the name they dial (Group Policy: Remote Desktop Session Host, Security, Server authentication certificate template), or delete an expired self-signed one from the computer's Remote Desktop store so Windows makes a new one; see what it presents (RDP starts TLS after its own negotiation, so nmap, not openssl s_client):\n  nmap -p 3389 --script ssl-cert host",
		Confirm:     "nmap -p 3389 --script ssl-cert host",
	},
	// OpenVPN's remote-cert-tls check of key usage.
	{
		ID: WrongPurpose, Kind: "client", Side: "client", Own: true,
		Match:       []string{"certificate has key usage"},
		Within:      []string{"expects"},
		Title:       "OpenVPN refused the peer's certificate: its key usage is not one remote-cert-tls accepts",
		Explanation: "remote-cert-tls server (or client) makes OpenVPN check the peer's keyUsage against a fixed list: for a server, digitalSignature with keyEncipherment (a0) or keyAgreement (88); for a client, digitalSignature (80), with keyEncipherment or keyAgreement (a0, 88). A certificate with more bits set (f8: also nonRepudiation, dataEncipherment, keyAgreement), as some CA templates issue, is refused although it allows what TLS needs; so is one made for the other side (a client certificate on the server).",
		Fix:         "Reissue the certificate with keyUsage = digitalSignature, keyEncipherment and extendedKeyUsage = serverAuth (easy-rsa build-server-full does), or have OpenVPN check only the extended key usage:\n  remote-cert-eku \"TLS Web Server Authentication\"",
		Confirm:     "openssl x509 -noout -text -in server.crt | grep -A1 'Key Usage'",
	},
	// HTTP.sys's binding to a certificate it cannot use.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server", Own: true,
		Match:       []string{"an error occurred while using ssl configuration for endpoint"},
		Title:       "HTTP.sys cannot use the certificate bound to this endpoint (IIS, Exchange, WinRM)",
		Explanation: "Windows' HTTP.sys serves HTTPS for IIS, Exchange, WinRM and other services with the certificate its SSL binding names by thumbprint (netsh http show sslcert). When that certificate is gone (deleted after a renewal while the binding still names the old one), expired, has no private key, or its key cannot be read by the system, every TLS connection to the endpoint fails (event 15021 of HTTP).",
		Fix:         "See which certificate the binding names, then bind the current one (in IIS's site bindings, or with netsh):\n  netsh http show sslcert ipport=0.0.0.0:443\n  netsh http delete sslcert ipport=0.0.0.0:443\n  netsh http add sslcert ipport=0.0.0.0:443 \\\n    certhash=THUMBPRINT appid={APPID}",
		Confirm:     "netsh http show sslcert",
	},
	// NPS refusing an EAP-TLS certificate without Client Authentication.
	{
		ID: WrongPurpose, Kind: "client", Side: "server", Own: true,
		Match:       []string{"the certificate does not contain the client authentication purpose"},
		Title:       "NPS refused the certificate: it is not for client authentication",
		Explanation: "For EAP-TLS and PEAP-TLS, Windows' NPS requires the user's or computer's certificate to carry Client Authentication (1.3.6.1.5.5.7.3.2) in its Extended Key Usage (Application Policies). A certificate from a template without it (a web server or smart-card-only template, one made from a copied template) is refused, however valid.",
		Fix:         "Issue the clients' certificates from a template whose Application Policies include Client Authentication (the Computer or User template, or a copy of it), then renew them on the clients:\n  certutil -dump client.cer | findstr /i \"Authentication\"",
		Confirm:     "openssl x509 -noout -text -in client.crt | grep -A1 'Extended Key Usage'",
	},
	// Exchange's transport refusing a partner's certificate.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client", Own: true,
		Match:       []string{"454 4.7.5 certificate validation failure"},
		Title:       "Exchange's mail flow refused the other server's TLS certificate (454 4.7.5)",
		Explanation: "Exchange (and Exchange Online toward on-premises servers) checks the certificate of the server it sends to, or the one that connects to it, when the connector requires TLS with certificate validation. It fails when the certificate's chain does not reach a root this server trusts (an Exchange server without current root updates), when its name is not the one the connector expects (TlsCertificateName, a wildcard where a name was set, an Edge server with another certificate than the Client Access servers), or when it expired.",
		Fix:         "See which certificate the other server presents, and compare it with the connector's TlsCertificateName and this server's trusted roots:\n  openssl s_client -connect mail.example.com:25 -starttls smtp </dev/null 2>/dev/null | openssl x509 -noout -subject -issuer -dates\nthen install the missing root (Windows Update's root certificates), or make the certificate and the connector's name agree.",
		Confirm:     "openssl s_client -connect mail.example.com:25 -starttls smtp </dev/null 2>/dev/null | openssl x509 -noout -subject -issuer -dates",
	},
	// IBM MQ's SSLPEER check.
	{
		ID: VerifyError, Kind: "client", Side: "server", Own: true,
		Match:       []string{"amq9636", "ssl distinguished name does not match peer name"},
		Title:       "IBM MQ refused the partner: its certificate's distinguished name does not match the channel's SSLPEER",
		Explanation: "The channel's SSLPEER names which distinguished names the partner's certificate may have; the certificate the partner sent has another one. The partner presents another certificate than expected: a renewed certificate with a changed DN, or the old one still sent because the partner's queue manager has not refreshed its certificate (REFRESH SECURITY TYPE(SSL), or on z/OS a certificate-label cache not rebuilt after CERTLABL changed).",
		Fix:         "See the DN the partner sends (the error message names it), then either refresh the partner's certificate or change SSLPEER to the new DN:\n  runmqsc QM1 <<< \"DISPLAY CHSTATUS(CHANNEL.NAME) SSLPEER\"\n  runmqsc QM1 <<< \"REFRESH SECURITY TYPE(SSL)\"",
		Confirm:     "runmqsc QM1 <<< \"DISPLAY CHANNEL(CHANNEL.NAME) SSLPEER\"",
	},
	// Heroku's router: SNI and Host naming different apps.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client", Own: true,
		Match:       []string{"495 certificate error"},
		Title:       "The platform's router answered 495: the TLS server name and the Host header name different sites",
		Explanation: "Heroku's router (and other platforms' edge routers) refuses a request whose Host header names another domain than the server name (SNI) the TLS connection was made for, with 495 Certificate Error. A reverse proxy in front is the usual cause: nginx sending SNI for the app's domain (proxy_ssl_name) while passing the client's Host ($host) unchanged, or the other way round.",
		Fix:         "Make the proxy send the same name in both:\n  proxy_ssl_server_name on;\n  proxy_ssl_name app.example.com;\n  proxy_set_header Host app.example.com;",
		Confirm:     "curl -sv https://app.example.com/ -o /dev/null 2>&1 | grep -e '^< HTTP' -e 'SSL connection'",
	},
	// OpenSSL refusing a cipher string when a program sets it up.
	{
		ID: StartupFailed, Kind: "client", Own: true,
		Match:       []string{"ssl_ctx_set_cipher_list", "ssl_ctx_set_ciphersuites"},
		Within:      []string{"no cipher match"},
		Without:     []string{"restricted tls cipher list"},
		Title:       "The program's cipher list names no cipher this OpenSSL has",
		Explanation: "The program handed OpenSSL its configured cipher string (a ciphers, ssl-ciphers or cipher_list setting) when it set up TLS, and OpenSSL found no cipher in it that it knows and allows: a typo or a made-up name, names in another library's spelling (IANA's TLS_ECDHE_... names where OpenSSL's ECDHE-RSA-... are wanted, or the reverse), TLS 1.3 suites given where TLS 1.2 ciphers go (they belong in ciphersuites), or only ciphers this build or its security level leaves out (RC4, 3DES, export and NULL ciphers in OpenSSL 3). The program then refuses to start or that listener fails.",
		Fix:         "See what OpenSSL makes of the string, then fix the setting (or remove it to use the defaults):\n  openssl ciphers -v 'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256'\nAn empty result or an error means no cipher matches.",
		Confirm:     "openssl ciphers -v 'DEFAULT'",
	},
	// An old OpenSSL that cannot check SHA-2 signatures.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client", Own: true,
		Match:       []string{"asn1_verify:unknown message digest algorithm", "asn1_item_verify:unknown message digest algorithm"},
		Title:       "This OpenSSL is too old to check the certificate's signature (SHA-2)",
		Explanation: "OpenSSL checked a signature in the server's chain and did not know its digest: OpenSSL 0.9.8 builds from before SHA-256 was enabled (old macOS, RHEL 5, old embedded systems) cannot verify SHA-256 or later signatures, which every public CA has used since 2016. The certificate is fine; the client's OpenSSL (and the curl, git or Python built on it) must be newer.",
		Fix:         "See which OpenSSL the client uses, and upgrade it (or the system, or use a client built on a current library):\n  openssl version\n  curl --version | head -1",
		Confirm:     "openssl version",
	},
	// WCF's message when the HTTPS request fails under it.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client", Own: true,
		Match:       []string{"this could be due to the fact that the server certificate is not configured properly with http.sys"},
		Title:       "A .NET (WCF) client's HTTPS request failed in its TLS handshake",
		Explanation: "WCF says this for any failure of the TLS connection under an HTTPS call, whatever the server is; the inner exception holds the reason. Most often it is the TLS version: .NET Framework 4.0 and 4.5 applications offer TLS 1.0 (and SSL 3) by default, and servers and APIs that take only TLS 1.2 or later refuse them; less often the server's certificate is not trusted or names another host, or, when the server is the application's own self-hosted service, no certificate is bound to its port in HTTP.sys.",
		Fix:         "Let the application use TLS 1.2 (target .NET Framework 4.7 or later, or set the SchUseStrongCrypto registry values, or in code):\n  ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12;\nthen see what the server speaks:\n  openssl s_client -connect api.example.com:443 -tls1_2 </dev/null",
		Confirm:     "openssl s_client -connect api.example.com:443 -tls1_2 </dev/null",
	},
	// WebLogic's own identity certificate out of date.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server", Own: true,
		Match:       []string{"bea-090154", "identity certificate has expired"},
		Title:       "WebLogic's own identity certificate has expired",
		Explanation: "WebLogic (and the Oracle Fusion Middleware products on it) checks the certificate of its identity keystore at start: this one is past its end date. The server still starts but presents an expired certificate, so its clients refuse it, and the endpoints it calls with this identity as its client certificate (two-way TLS to partners or cloud services) refuse it too.",
		Fix:         "See the dates of the identity keystore's certificate, then renew it, import it with its chain under the same alias, and restart the server:\n  keytool -list -v -keystore identity.jks | grep -e Alias -e Valid",
		Confirm:     "keytool -list -v -keystore identity.jks | grep -e Alias -e Valid",
	},
	// Chrome's QUIC (HTTP/3, WebTransport) refusing the server's certificate.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client", Own: true,
		Match:       []string{"quic_tls_certificate_unknown", "quic_tls_certificate_required"},
		Title:       "The browser refused the QUIC (HTTP/3 or WebTransport) server's certificate",
		Explanation: "Chrome's QUIC stack ended the handshake with a certificate alert: it does not trust the server's certificate. A self-signed or private-CA certificate, which pages over TCP can click through, is refused outright over QUIC; for WebTransport to a development server, Chrome accepts one only through serverCertificateHashes (an ECDSA certificate valid for at most 14 days) or a command-line flag that trusts it.",
		Fix:         "Serve a certificate from a CA the browser trusts; for a development WebTransport server, pass its hash to the page:\n  openssl x509 -in cert.pem -outform der | openssl dgst -sha256 -binary | base64\nor start Chrome with --ignore-certificate-errors-spki-list set to its key's hash.",
		Confirm:     "openssl x509 -noout -dates -issuer -in cert.pem",
	},
	// openssl s_client -status against a server that stapled nothing.
	{
		ID: RoutineLine, Kind: "client", Side: "client", Level: infoLevel,
		Match:       []string{"ocsp response: no response sent"},
		Title:       "The server stapled no OCSP response to this handshake (openssl s_client -status)",
		Explanation: "s_client asked for the certificate's OCSP status and the server sent none. That is normal when stapling is off, and for the first connections after a start or reload: nginx fetches the response only when a handshake asks for it, so the first clients get none, and later ones get it once the responder answered. It stays so when the server cannot fetch it: no resolver (nginx), no OCSP URL in the certificate (Let's Encrypt's certificates have had none since 2025), the issuer missing from the chain or ssl_trusted_certificate, or a responder the server cannot reach; the server's error log then says which.",
		Fix:         "Ask twice, a few seconds apart; a server that staples shows the response on the second try:\n  openssl s_client -connect host:443 -servername host -status </dev/null 2>/dev/null | grep -A3 'OCSP response'\nIf it never comes, read the server's error log for its stapling lines, and see whether the certificate names a responder:\n  openssl x509 -noout -ocsp_uri -in cert.pem",
		Confirm:     "openssl x509 -noout -ocsp_uri -in cert.pem",
	},
	// grpcurl when its dial times out: the TLS failure behind it is hidden.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client", Own: true,
		Match:       []string{"failed to dial target host"},
		Within:      []string{"context deadline exceeded"},
		Title:       "grpcurl could not connect within its timeout; the TLS failure behind it is not shown",
		Explanation: "grpcurl gives up when its connection is not ready in time (-connect-timeout, 10 seconds by default), and gRPC keeps retrying a failing TLS handshake quietly until then, so the reason is hidden. Four causes cover most cases: (1) the server requires a client certificate and grpcurl was given none (-cert and -key); (2) grpcurl speaks TLS (its default) to a server listening in plain text, which needs -plaintext, or the other way round; (3) the server's certificate is not trusted (-cacert) or lacks the name dialled (-authority or -servername); (4) nothing listens on that address and port, or a firewall drops it.",
		Fix:         "See the handshake directly; it shows a plain-text port, the server's certificate and whether it asks for a client certificate:\n  openssl s_client -connect localhost:50051 </dev/null\nthen give grpcurl what it needs:\n  grpcurl -cacert ca.crt -cert client.crt -key client.key \\\n    localhost:50051 list\n(or -plaintext for a server without TLS).",
		Confirm:     "openssl s_client -connect localhost:50051 </dev/null 2>/dev/null | grep -e 'Acceptable client certificate CA names' -e 'Verify return code'",
	},
	// BouncyCastle's PEMParser handing back a PKCS#8 key.
	{
		ID: KeyLoadFailed, Kind: "client", Own: true,
		Match:       []string{"privatekeyinfo cannot be cast to org.bouncycastle.openssl.pemkeypair", "privatekeyinfo cannot be cast to class org.bouncycastle.openssl.pemkeypair"},
		Title:       "The Java program expects a PKCS#1 key and was given a PKCS#8 one",
		Explanation: "The program reads its private key with BouncyCastle's PEMParser and casts the result to PEMKeyPair, which is what a traditional (PKCS#1) key gives (BEGIN RSA PRIVATE KEY, BEGIN EC PRIVATE KEY). The key file is PKCS#8 (BEGIN PRIVATE KEY), for which PEMParser gives a PrivateKeyInfo instead: OpenSSL 3 writes every new key so (openssl genrsa and openssl req -newkey included), where OpenSSL 1.x wrote PKCS#1.",
		Fix:         "Convert the key to the traditional form the program reads (an RSA key; OpenSSL 3 needs -traditional):\n  openssl rsa -in client.key -traditional -out client-pkcs1.key\nor, in the program's own code, accept a PrivateKeyInfo too (JcaPEMKeyConverter.getPrivateKey).",
		Confirm:     "head -1 client.key",
	},
	// kubeadm (and minikube, kind) reading the cluster's own expired certificates.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server", Own: true,
		Match:       []string{"failed to load certificate: the certificate has expired"},
		Title:       "A Kubernetes cluster's own certificate has expired, and its tool does not renew it here",
		Explanation: "kubeadm (which minikube, kind and others run) found one of the control plane's certificates under its PKI directory expired when it checked them to write or validate them: kubeadm certificates last a year, and only a kubeadm upgrade or an explicit renewal renews them. A cluster kept running, or stopped and started again, for more than a year has them expire, and starting it again does not replace them.",
		Fix:         "On the control plane, see the dates and renew them, then restart the control plane's components:\n  kubeadm certs check-expiration\n  kubeadm certs renew all\nFor a local cluster that is disposable, recreating it gives fresh certificates (minikube delete, then minikube start).",
		Confirm:     "kubeadm certs check-expiration",
	},
	// mitmproxy's log line on an upstream server's chain.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client", Own: true, Level: infoLevel,
		Match:       []string{"tls verification failed for upstream server"},
		Title:       "mitmproxy could not verify the upstream server's certificate (and by default goes on)",
		Explanation: "mitmproxy, connecting onward to the real server, checked its certificate chain against its own CA store and it failed (the error names why: a name mismatch, or an OpenSSL verify code such as 20 for an issuer not found). Unless upstream verification is required, mitmproxy logs this and continues, so the client's connection works and the line is only a warning; it matters when ssl_insecure is off and connections fail, or when the server's chain is really broken.",
		Fix:         "Look at the upstream server's chain from the proxy's machine:\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null\nand give mitmproxy its CA when the server uses a private one:\n  mitmproxy --set ssl_verify_upstream_trusted_ca=/path/ca.pem",
		Confirm:     serverVerdictConfirm,
	},
	// A Go client with a certificate callback that returns nothing.
	{
		ID: NoClientCert, Kind: "client", Side: "client", Own: true,
		Match:       []string{"mtls client certificate requested, but not provided"},
		Title:       "The server asked for a client certificate and this client has none configured",
		Explanation: "The server's handshake asked for a client certificate, and this client's certificate callback had none to give, so the client itself failed the connection. When the server requires one, the client needs its certificate and key set (the tool's TLS client certificate options). When the server only requests one (its client authentication is optional), a client should go on without one: a tool that fails there instead (hubble's CLI did, before its fix) is at fault, and its newer release is the cure.",
		Fix:         "See what the server asks for:\n  openssl s_client -connect host:4245 </dev/null 2>/dev/null | grep -A5 'Acceptable client certificate CA names'\nthen give the client its certificate and key (for hubble: --tls-client-cert-file and --tls-client-key-file), or upgrade it when the server's client certificate is optional.",
		Confirm:     "openssl s_client -connect host:4245 </dev/null 2>/dev/null | grep -A5 'Acceptable client certificate CA names'",
	},
	// Npgsql's own TLS stream (Npgsql 3): the name check.
	{
		ID: ServerHostnameMismatch, Kind: "client", Side: "client", Own: true,
		Match:       []string{"the specified hostname was not present in the certificate"},
		Title:       "The database server's certificate does not carry the host name the .NET client used",
		Explanation: "The PostgreSQL client (Npgsql's own TLS stream, whose message this is) compared the host it connected to with the names of the server's certificate and found none that matches; the chain status before this sentence says whether the certificate was also untrusted (a self-signed certificate, as PostgreSQL servers often have). The certificate names another host (or only the server's short name), or the client connects by IP address.",
		Fix:         "Connect with a name the certificate carries, or reissue the server's certificate with that name (and give the client its CA):\n  openssl s_client -connect db.example.com:5432 -starttls postgres </dev/null 2>/dev/null | openssl x509 -noout -subject -text | grep -A1 'Subject Alternative Name'\nTrust Server Certificate=true in the connection string skips both checks: only to test.",
		Confirm:     "openssl s_client -connect db.example.com:5432 -starttls postgres </dev/null 2>/dev/null | openssl x509 -noout -subject",
	},
	// Cloudflare's pages for its connection to the origin.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client", Own: true,
		Match:       []string{"error 526", "526 invalid ssl certificate", "526: invalid ssl certificate", "origin web server does not have a valid ssl certificate"},
		Title:       "Cloudflare refused the origin server's certificate (526, SSL mode Full (strict))",
		Explanation: "The browser reached Cloudflare; Cloudflare, as the client of the origin server, checked the origin's certificate because the zone's SSL/TLS mode is Full (strict), and refused it. Four causes cover most cases: (1) the origin's certificate has expired (a renewal that failed or is late, a certificate renewed on disk but not reloaded); (2) it is self-signed or from a private CA (only a public CA or Cloudflare's Origin CA is accepted); (3) it does not carry the host name requested (or the origin serves a default certificate for names it has none for); (4) the origin does not send its intermediate.",
		Fix:         "Look at the origin's certificate as Cloudflare sees it, by the origin's address and the site's name:\n  openssl s_client -connect ORIGIN_IP:443 -servername www.example.com </dev/null 2>/dev/null \\\n    | openssl x509 -noout -subject -issuer -dates\nthen renew or replace it (a Cloudflare Origin CA certificate for the name, or a public one) and reload the origin server; SSL mode Full (not strict) skips the check, at the cost of not knowing whom Cloudflare talks to.",
		Confirm:     "openssl s_client -connect ORIGIN_IP:443 -servername www.example.com </dev/null 2>/dev/null | grep 'Verify return code'",
	},
	{
		ID: HandshakeFailed, Kind: "client", Side: "client", Own: true,
		Match:       []string{"error 525", "525 ssl handshake failed", "525: ssl handshake failed", "cloudflare is unable to establish an ssl connection to the origin"},
		Title:       "Cloudflare's TLS handshake with the origin server failed (525)",
		Explanation: "The browser reached Cloudflare; Cloudflare's own handshake with the origin (SSL/TLS mode Full or Full (strict)) failed. Four causes cover most cases: (1) the origin does not speak TLS on port 443 (no certificate installed, TLS only on another port, a plain-HTTP service there: use mode Flexible only knowingly, or set up TLS); (2) the origin has no certificate for the name Cloudflare sends as SNI (a virtual host missing for that name or for www); (3) no TLS version or cipher in common (an origin limited to old ones, or to TLS 1.3 where Cloudflare's origin connection offers 1.2); (4) the origin requires a client certificate Cloudflare does not send (Authenticated Origin Pulls set on the origin but not turned on in the zone, or the other way round).",
		Fix:         "Handshake with the origin as Cloudflare does, by its address with the site's name:\n  openssl s_client -connect ORIGIN_IP:443 -servername www.example.com </dev/null\nNo certificate shown means no TLS for that name on the origin; an 'Acceptable client certificate CA names' list means the origin asks for Cloudflare's origin-pull certificate.",
		Confirm:     "openssl s_client -connect ORIGIN_IP:443 -servername www.example.com </dev/null 2>/dev/null | grep -e Protocol -e 'Verify return code'",
	},
	// API Gateway's mutual TLS truststore.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server", Own: true,
		Match:       []string{"certificate subject conflicts with an existing certificate from a different issuer"},
		Title:       "API Gateway refused the mutual TLS truststore: one subject comes from two issuers",
		Explanation: "Amazon API Gateway checks the truststore of a custom domain with mutual TLS, and refuses certificates that share a subject but have different issuers: the same CA present both self-signed and cross-signed by another root, two CAs made with one name, or a certificate of that subject from another issuer kept (from an earlier truststore version) beside the new one.",
		Fix:         "List the subjects and issuers of the truststore, and keep one certificate per subject:\n  openssl crl2pkcs7 -nocrl -certfile truststore.pem | openssl pkcs7 -print_certs -noout\nthen upload the corrected file as a new truststore version and point the domain at it.",
		Confirm:     "openssl crl2pkcs7 -nocrl -certfile truststore.pem | openssl pkcs7 -print_certs -noout",
	},
	// WSO2's HTTPS transports opening their key store.
	{
		ID: KeyLoadFailed, Kind: "client", Side: "server", Own: true,
		Match:       []string{"error opening key store", "error opening trust store"},
		Title:       "A WSO2 product could not open the key store (or trust store) of an HTTPS transport",
		Explanation: "WSO2's HTTP transports (API Manager, Micro Integrator, Enterprise Integrator, on Synapse) open the key store named in the line with the password and type their configuration gives, and failed: the password is wrong (changed in one place and not in deployment.toml or the transport's own settings, or a secure-vault alias left unresolved after the cipher tool encrypted the passwords, so the alias itself is used as the password), the file is missing at that path, or its type differs (a PKCS12 file read as JKS).",
		Fix:         "Open the store with the password the configuration should give, and see its type:\n  keytool -list -keystore repository/resources/security/wso2carbon.jks\nthen make deployment.toml's [keystore.tls] (and the transport's) password, type and path agree with it; after running the cipher tool, check that every encrypted password's alias is declared under [secrets].",
		Confirm:     "keytool -list -keystore repository/resources/security/wso2carbon.jks",
	},
	// A keystore or certificate setting whose ${...} nothing replaced.
	{
		ID: CertLoadFailed, Kind: "client", Own: true,
		Match:       []string{"${env.", "keystoreexception: ${", "keystore not available"},
		Within:      []string{"${"},
		Title:       "A TLS setting still holds a ${...} placeholder: the variable behind it was never filled in",
		Explanation: "The program was given the text of a placeholder (${env.KEYSTORE_TYPE} and the like) where a key store type, path or password belongs, so it looks for a key store type or file of that name. The variable is not set in the environment of the process that reads the setting (a container started without it, a service manager's unit, a second deployment that took the configuration of the first), or the setting is read by a program or a part that does not expand placeholders at all (a configuration copied from an image whose start script filled them in).",
		Fix:         "Set the variable for the process that reads the setting (the container's environment, the service's unit), or write the value itself in place of the placeholder; then restart it and check what the process sees:\n  tr '\\0' '\\n' < /proc/PID/environ | grep KEYSTORE",
		Confirm:     "tr '\\0' '\\n' < /proc/PID/environ | grep KEYSTORE",
	},
	// Java's SSLEngine (Netty, Vert.x, Spring WebClient, Jetty's client)
	// wrapping the real reason.
	{
		ID: HandshakeFailed, Kind: "client", Own: true,
		Match:       []string{"general sslengine problem"},
		Title:       "Java's TLS engine failed the handshake; the reason is in the exception chained under it",
		Explanation: "\"General SSLEngine problem\" is how Java's SSLEngine (under Netty, Vert.x, Spring WebClient, gRPC-Java, Jetty's and Apache's async clients, API gateways on them) wraps the real failure, which the Caused by lines below it name. In a client it is most often that the server's certificate is not trusted (PKIX path building failed: a self-signed or private CA missing from the truststore this part of the program uses, which may not be the one its other parts use), then a host name the certificate lacks (No subject alternative names matching), then no TLS version or cipher in common. In a server it is the client's certificate refused or missing.",
		Fix:         "Read the innermost Caused by of the stack trace, or see the handshake:\n  -Djavax.net.debug=ssl:handshake\nthen, for PKIX, import the server's CA into the truststore that part uses (its own truststore setting, or the JVM's cacerts):\n  keytool -importcert -alias backend-ca -file ca.crt -keystore truststore.jks",
		Confirm:     "openssl s_client -connect host:443 -servername host -showcerts </dev/null",
	},
	// Netty's OpenSSL engine given names it does not know as ciphers.
	{
		ID: StartupFailed, Kind: "client", Own: true,
		Match:       []string{"failed to set cipher suite"},
		Title:       "The program's OpenSSL engine (Netty's) refused its cipher list",
		Explanation: "Netty's OpenSSL-based engine (netty-tcnative, under Vert.x, gRPC-Java and the gateways built on them) could not set the cipher suites it was given, and the TLS context was not built, so the listener or client does not start. The list in brackets shows what it got: names OpenSSL does not know (a typo, another library's spelling), or protocol names (TLSv1.2, TLSv1.3) where cipher suites belong, which a protocols setting passed into the ciphers by the program's bug or a configuration that put versions in the ciphers key.",
		Fix:         "Give cipher suites in the ciphers setting and versions in the protocols setting, or leave the ciphers unset for the defaults; when versions set in their own key still end up here, the program passes them wrongly (upgrade it, or use the JDK's engine instead of OpenSSL's meanwhile). See what OpenSSL makes of a list:\n  openssl ciphers -v 'ECDHE-RSA-AES128-GCM-SHA256'",
		Confirm:     "openssl ciphers -v 'ECDHE-RSA-AES128-GCM-SHA256'",
	},
	// CloudFront's checks of a distribution's certificate settings.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server", Own: true,
		Match:       []string{"certificate that is attached to your distribution doesn't cover the alternate domain name"},
		Title:       "CloudFront refused an alternate domain name the distribution's certificate does not cover",
		Explanation: "CloudFront adds an alternate domain name (CNAME) to a distribution only if its certificate (from ACM in us-east-1, or imported) covers that exact name: the certificate lacks it (an apex name with a certificate for www or *.example.com only, a wildcard that does not cover two levels), the certificate was requested in another region, or the name is written differently from the certificate's, such as a fully qualified name with a trailing dot (example.com.) built from a hosted zone's name.",
		Fix:         "Compare the name you add, exactly, with the certificate's names, and request a certificate in us-east-1 that covers it (or drop a trailing dot from the name):\n  aws acm describe-certificate --region us-east-1 --certificate-arn ARN --query Certificate.SubjectAlternativeNames",
		Confirm:     "aws acm describe-certificate --region us-east-1 --certificate-arn ARN --query Certificate.SubjectAlternativeNames",
	},
	{
		ID: StartupFailed, Kind: "client", Side: "server", Own: true,
		Match:       []string{"minimumprotocolversion cannot be used with the specified sslsupportmethod"},
		Title:       "CloudFront: this minimum TLS version needs SNI-only serving (SSLSupportMethod sni-only)",
		Explanation: "A distribution serving its certificate on dedicated IP addresses (SSLSupportMethod vip, for clients without SNI) accepts only the old security policies; the newer minimum versions (TLSv1.2_2018 and later) require SSLSupportMethod sni-only, which every current client supports.",
		Fix:         "Set the viewer certificate to sni-only together with the TLS 1.2 policy (CloudFormation's ViewerCertificate):\n  SslSupportMethod: sni-only\n  MinimumProtocolVersion: TLSv1.2_2021",
		Confirm:     "aws cloudfront get-distribution-config --id DISTRIBUTION_ID --query DistributionConfig.ViewerCertificate",
	},
	// Payment SDKs' own exceptions for a failed HTTPS call.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client", Own: true,
		Match:       []string{"braintree\\exception\\sslcertificate", "braintree::sslcertificateerror"},
		Title:       "The Braintree SDK could not set up TLS with Braintree's API",
		Explanation: "Braintree's SDK raises this for any failure of its HTTPS connection, not only a certificate one. Most often the TLS version: Braintree (like other payment APIs) accepts TLS 1.2 and later only, and the PHP curl extension built on an old OpenSSL (before 1.0.1) or a curl that does not choose TLS 1.2 by itself fails; otherwise the CA bundle the SDK or curl uses lacks the root of Braintree's certificate, or a proxy intercepts the connection.",
		Fix:         "See which TLS library PHP's curl uses, and ask for TLS 1.2:\n  php -i | grep -i 'ssl version'\nthen, in the configuration, Braintree\\Configuration::sslVersion(CURL_SSLVERSION_TLSv1_2), or upgrade PHP's curl and OpenSSL; and see that the system's CA bundle is current.",
		Confirm:     "php -r 'var_dump(curl_version()[\"ssl_version\"]);'",
	},
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client", Own: true,
		Match:       []string{"activemerchant::connectionerror"},
		Within:      []string{"ssl connection to the remote server could not be established", "ssl"},
		Title:       "ActiveMerchant could not set up TLS with the payment gateway",
		Explanation: "ActiveMerchant (Ruby) checks gateways' certificates against the CA file it ships (cacert.pem in the gem), not the system's: when a gateway moves to a certificate from a root that file lacks (as Authorize.Net's move to an Entrust chain did), every connection fails until the gem is updated. Otherwise the gateway requires a TLS version this Ruby's OpenSSL does not offer (TLS 1.2 with OpenSSL before 1.0.1).",
		Fix:         "Update the gem, whose CA file then holds the new root (or add the root to its cacert.pem meanwhile), and check the gateway's chain:\n  bundle update activemerchant\n  openssl s_client -connect gateway.example.com:443 -servername gateway.example.com -showcerts </dev/null",
		Confirm:     "openssl s_client -connect gateway.example.com:443 -servername gateway.example.com </dev/null 2>/dev/null | grep 'Verify return code'",
	},
	// A plain DICOM listener reading a TLS handshake as a PDU.
	{
		ID: HandshakeFailed, Kind: "client", Side: "server", Own: true,
		Match:       []string{"incoming pdu was too large"},
		Title:       "A DICOM listener without TLS read a TLS handshake as a DICOM message",
		Explanation: "The DICOM listener (an SCP: a storescp, a PACS) reads the first bytes of the connection as a PDU header, and a TLS client's handshake begins with bytes that make an absurd PDU length: the client connects with TLS (storescu --tls, a modality set to TLS) to a port that does not speak it, or the other way round.",
		Fix:         "Make both sides agree on the port's protocol: turn TLS on for the listener (with its certificate and key), or connect without TLS; then check the port answers TLS:\n  openssl s_client -connect pacs.example.com:2762 </dev/null",
		Confirm:     "openssl s_client -connect pacs.example.com:2762 </dev/null",
	},
	// strongSwan (charon) checking an IKE peer's certificate.
	{
		ID: ServerHostnameMismatch, Kind: "client", Side: "client", Own: true,
		Match:       []string{"constraint check failed: certificate does not confirm identity", "does not confirm identity"},
		Title:       "strongSwan: the peer's certificate does not carry the identity expected of it",
		Explanation: "charon compared the identity it expects of the peer (rightid, remote id, or the address it connected to) with the certificate the peer sent and found it in neither the subject nor the subjectAltName. The client connects by another name or address than the certificate carries (a LAN address where the certificate names the public one, an IP address where it names a DNS name), or the expected id is set to something else.",
		Fix:         "See the names and addresses the peer's certificate carries, then connect by one of them (or set the remote id to it), or reissue the certificate with the one used:\n  openssl x509 -noout -subject -text -in server.crt | grep -A1 'Subject Alternative Name'",
		Confirm:     "openssl x509 -noout -subject -text -in server.crt | grep -A1 'Subject Alternative Name'",
	},
	{
		ID: ServerCertUntrusted, Kind: "client", Own: true,
		Match:       []string{"no issuer certificate found for"},
		Title:       "strongSwan has no CA certificate for the issuer of the peer's certificate",
		Explanation: "charon built the peer's chain up to the certificate named and found no CA certificate for its issuer among the ones it trusts (/etc/ipsec.d/cacerts, /etc/swanctl/x509ca, or the CAs a connection names). Most often the root or intermediate was never put there, or an older one is: after Let's Encrypt's chain moved to ISRG Root X1, clients set up with only DST Root CA X3 fail so.",
		Fix:         "Put the issuing CA (root and intermediate) where charon reads CAs, then reload them:\n  cp isrg-root-x1.pem /etc/ipsec.d/cacerts/\n  ipsec rereadcacerts\n(swanctl: copy it to /etc/swanctl/x509ca/ and run swanctl --load-creds).",
		Confirm:     "ipsec listcacerts",
	},
	// FTP servers refusing a client that did not start TLS.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client", Own: true,
		Match:       []string{"ssl/tls required on the control channel", "tls required on the control channel", "ssl/tls required on the data channel", "tls required on the data channel"},
		Title:       "The FTP server requires TLS and the client did not use it on this channel",
		Explanation: "The server takes FTP only over TLS (explicit FTPS) and refused a command sent in clear text. On the control channel: the client connected with plain ftp:// and sent its login before AUTH TLS, so it needs explicit TLS (curl: ftpes:// or --ssl-reqd; lftp: set ftp:ssl-force true; Python: ftplib.FTP_TLS and login after it). On the data channel: the login was protected but the transfers were not, so the client must ask for protected data with PROT P (Python's FTP_TLS.prot_p(), which is not the default).",
		Fix:         "Use explicit FTPS for the whole session:\n  curl --ssl-reqd ftp://ftp.example.com/ --user USER\n(ftpes:// in tools built on libcurl); in Python, call prot_p() after login; see what the server offers:\n  openssl s_client -connect ftp.example.com:21 -starttls ftp </dev/null",
		Confirm:     "openssl s_client -connect ftp.example.com:21 -starttls ftp </dev/null",
	},
	// GnuTLS programs that found no system CA store.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client", Own: true,
		Match:       []string{"failed to import certs from system store", "gnutls_certificate_set_x509_system_trust"},
		Title:       "The program found no system CA certificates to trust (no CA bundle installed)",
		Explanation: "The program asked GnuTLS for the system's trusted CAs and got none: the image or system it runs in has no CA bundle (a slim container or a runtime image without the ca-certificates package), or GnuTLS was built to look at a path that does not exist there. Every server's certificate is then untrusted.",
		Fix:         "Install the CA bundle in the image or system, then restart the program:\n  apt-get install -y ca-certificates\n(Alpine: apk add ca-certificates; Fedora: dnf install ca-certificates).",
		Confirm:     "ls -l /etc/ssl/certs/ca-certificates.crt",
	},
	// FFmpeg and programs on it, built without a TLS library.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client", Own: true,
		Match:       []string{"https protocol not found, recompile ffmpeg", "tls protocol not found, recompile ffmpeg"},
		Title:       "This FFmpeg was built without a TLS library, so it cannot open https:// (or tls://) addresses",
		Explanation: "FFmpeg opens https:// through a TLS library chosen when it is built (OpenSSL, GnuTLS, mbedTLS, Secure Transport, Schannel), and this build has none: a static or minimal build, or a copy bundled in another program (a Flatpak, an app's own ffmpeg) configured without one. No certificate or server is at fault.",
		Fix:         "Use an FFmpeg built with TLS (a distribution's package, or a build configured with --enable-openssl, --enable-gnutls or --enable-mbedtls), and check that it lists the protocol:\n  ffmpeg -hide_banner -protocols | grep -w https",
		Confirm:     "ffmpeg -hide_banner -protocols | grep -w https",
	},
	// OBS's librtmp without TLS.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client", Own: true,
		Match:       []string{"rtmp_connect1, no ssl/tls support"},
		Title:       "This OBS build's RTMP library has no TLS, so it cannot stream to rtmps:// addresses",
		Explanation: "OBS streams to rtmps:// servers (Facebook Live, YouTube's and Twitch's secure ingest) through its librtmp built with Mbed TLS; this build was made without it (a Flatpak or a distribution's package built without Mbed TLS), so every RTMPS connection fails before a handshake.",
		Fix:         "Install an OBS build with RTMPS support (the official Flatpak or packages built with Mbed TLS), or stream to the service's plain rtmp:// ingest where it still offers one.",
		Confirm:     "ldd $(which obs) | grep -i mbed",
	},
	// Erlang's ssl refusing a server-only option on a client.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client", Own: true,
		Match:       []string{"fail_if_no_peer_cert server_only", "fail_if_no_peer_cert,server_only", "option fail_if_no_peer_cert"},
		Title:       "The Erlang client was given a server-only TLS option (fail_if_no_peer_cert), which newer OTP refuses",
		Explanation: "fail_if_no_peer_cert tells an Erlang/OTP TLS server to require a client certificate; it means nothing to a client. Older OTP releases ignored it there, newer ones refuse the connection's options outright, so a program that passes it on its client connections (ejabberd's LDAP client with ldap_tls_verify set, in releases before its fix) stops connecting after an OTP upgrade.",
		Fix:         "Upgrade the program to a release that no longer passes the option on client connections (or remove it from the client's ssl options in your own code); until then, the OTP release it worked with.",
		Confirm:     "erl -version",
	},
	// OPC UA stacks' own checks of application instance certificates.
	{
		ID: VerifyError, Kind: "client", Own: true,
		Match:       []string{"self signed certificate with ca flag"},
		Title:       "The OPC UA application refused a self-signed certificate that says it is a CA",
		Explanation: "OPC UA application instance certificates are end-entity certificates: a self-signed one must not carry basicConstraints CA:TRUE, and this stack refuses one that does (answering BadCertificateInvalid or similar). Certificates made with openssl req -x509 and the default configuration (whose v3_ca section sets CA:TRUE) are such.",
		Fix:         "Make the application certificate again without the CA flag and with the application URI in its subjectAltName (the stack's own certificate generator, or a tool such as UaExpert, makes one so); see the flag of the one refused:\n  openssl x509 -noout -text -in app.crt | grep -A1 'Basic Constraints'",
		Confirm:     "openssl x509 -noout -text -in app.crt | grep -A1 'Basic Constraints'",
	},
	{
		ID: VerifyError, Kind: "client", Side: "server", Own: true,
		Match:       []string{"applicationuri did not match the certificate", "applicationuri does not match", "application uri does not match", "does not match the one in certificate", "badcertificateuriinvalid"},
		Title:       "The OPC UA client's ApplicationUri differs from the URI in its certificate",
		Explanation: "An OPC UA server checks that the ApplicationUri a client states in its ApplicationDescription is the URI in the subjectAltName of the client's application certificate, and refuses the session when they differ: the certificate was made with another URI (a generator's default, another host's name in urn:HOST:...), or the client's configuration changed its URI after the certificate was made.",
		Fix:         "See the URI in the client's certificate, then set the client's ApplicationUri to it (or make the certificate again with the client's URI):\n  openssl x509 -noout -text -in client.der -inform DER | grep -A1 'Subject Alternative Name'",
		Confirm:     "openssl x509 -noout -text -in client.der -inform DER | grep -A1 'Subject Alternative Name'",
	},
	// Globus GSI: the other side dropped the handshake.
	{
		ID: HandshakeFailed, Kind: "client", Own: true,
		Match:       []string{"the input token has an invalid length of: 0"},
		Title:       "The GSI (Globus) handshake got an empty token: the other side dropped it",
		Explanation: "A Globus GSI server (an HTCondor-CE, a GridFTP server, a dCache door, MyProxy) read an empty token where the next handshake message belonged: the client ended the handshake. Most often the client could not validate the server's host certificate, because the CA that issued it is missing from the client's CA directory (/etc/grid-security/certificates or X509_CERT_DIR, kept by the grid CA packages and fetch-crl); else the client's own proxy or certificate was refused or had expired.",
		Fix:         "On the client, check the server's host certificate against the client's CA directory (then bring the grid CA packages up to date):\n  openssl s_client -connect ce.example.org:9619 -CApath /etc/grid-security/certificates </dev/null 2>/dev/null | grep 'Verify return code'\nthen check the client's proxy (voms-proxy-info -all).",
		Confirm:     "openssl s_client -connect ce.example.org:9619 -CApath /etc/grid-security/certificates </dev/null 2>/dev/null | grep 'Verify return code'",
	},
	// dnscrypt-proxy's DoH stamps pin certificate hashes.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client", Own: true,
		Match:       []string{"certificate hash ["},
		Within:      []string{"] not found"},
		Title:       "dnscrypt-proxy: the DoH server's certificates match none of the hashes its stamp pins",
		Explanation: "A DoH resolver's stamp pins the hashes of certificates in the server's chain (usually an intermediate's), and dnscrypt-proxy refuses the server when the chain it gets holds none of them. Two causes cover most cases: 1. the provider changed its certificates or its CA's intermediate (Let's Encrypt's new intermediates, a new certificate in some regions), and this machine's resolver list (public-resolvers.md, cached beside the configuration) still has the old stamps until it refreshes; 2. something on the machine or network intercepts TLS (an antivirus's web scanning, a corporate proxy), so the chain is its own.",
		Fix:         "Let the resolver lists refresh (delete the cached public-resolvers.md and its .minisig beside dnscrypt-proxy.toml, then restart it); if every DoH server fails so, look for an antivirus or proxy that scans TLS and exempt dnscrypt-proxy from it:\n  openssl s_client -connect dns.example:443 -servername dns.example </dev/null 2>/dev/null | openssl x509 -noout -issuer",
		Confirm:     "openssl s_client -connect dns.example:443 -servername dns.example </dev/null 2>/dev/null | openssl x509 -noout -issuer",
	},
	// XRootD's GSI plugin checking a CA's self-signature (RHEL 9's policy).
	{
		ID: ServerCertUntrusted, Kind: "client", Own: true,
		Match:       []string{"ca certificate self-signed: integrity check failed"},
		Title:       "XRootD's GSI could not check a CA's self-signature (a SHA-1 root under RHEL 9's crypto policy)",
		Explanation: "The GSI plugin verifies each CA certificate's own signature, and the one named (by its hash file in the CA directory) failed: on RHEL 9 and its rebuilds the system's default crypto policy refuses SHA-1 signatures, and some grid roots are self-signed with SHA-1, so OpenSSL there refuses them although the CA is trusted. Elsewhere it is a damaged or replaced file in the CA directory.",
		Fix:         "See the root's signature algorithm, then allow SHA-1 signatures system-wide (or for the service) until the CA is reissued:\n  openssl x509 -noout -text -in /etc/grid-security/certificates/30ffc224.0 | grep 'Signature Algorithm'\n  update-crypto-policies --set DEFAULT:SHA1",
		Confirm:     "update-crypto-policies --show",
	},
	{
		ID: HandshakeFailed, Kind: "client", Side: "client", Own: true,
		Match:       []string{"auth failed: no protocols left to try"},
		Title:       "XRootD tried every authentication protocol the server offered, and none worked",
		Explanation: "The XRootD client went through the server's list (gsi, ztn or sciTokens, krb5, unix) and failed each. With GSI (X.509) the usual causes: no valid proxy (expired, or none made: voms-proxy-init), the CA directory missing or stale (X509_CERT_DIR, /etc/grid-security/certificates without the grid CA packages or their CRLs), or a clock or time-zone fault making valid credentials look out of date; with tokens, none found or accepted. Running with XRD_LOGLEVEL=Dump shows each protocol's own error.",
		Fix:         "Check the proxy and the CA directory, then rerun with the protocols' errors shown:\n  voms-proxy-info -all\n  ls /etc/grid-security/certificates | head\n  XRD_LOGLEVEL=Dump xrdcp root://host//path /tmp/x",
		Confirm:     "voms-proxy-info -all",
	},
	// NSS's own failure in a handshake (curl on RHEL and CentOS 7).
	{
		ID: HandshakeFailed, Kind: "client", Side: "client", Own: true,
		Match:       []string{"sec_error_library_failure", "security library failure"},
		Within:      []string{"nss error", "curl"},
		Title:       "NSS failed inside the handshake (SEC_ERROR_LIBRARY_FAILURE, security library failure)",
		Explanation: "NSS reports its own failure, not a verdict on a certificate. With curl on NSS (RHEL and CentOS 7, and PHP's curl there), the known cases: a TLS 1.3 handshake in which the client presents a certificate (an X.509 proxy certificate or a key NSS handles badly), where the same request over TLS 1.2 works; certificates that no longer go together (a server's CA, certificate and key regenerated in part, so its chain or key does not match); a PKCS#11 module or NSS database that cannot serve the key.",
		Fix:         "Cap the handshake at TLS 1.2, which avoids the failing path, or use a curl built on OpenSSL:\n  curl --tls-max 1.2 --cert client.pem --key client.key https://host/",
		Confirm:     "curl -v --tls-max 1.2 --cert client.pem --key client.key https://host/ -o /dev/null",
	},
	// A TLS server whose client closed before the handshake was done.
	{
		ID: HandshakeFailed, Kind: "client", Side: "server", Own: true, Level: infoLevel,
		Match:       []string{"ssl_accept syscall returned=5 errno=0"},
		Title:       "A client connected and closed before finishing the TLS handshake (usually harmless)",
		Explanation: "Usually harmless: the server's OpenSSL (a Ruby server such as Puma or WEBrick, a program on its bindings) read the end of the connection in the middle of the handshake, with no error from the system: the client opened the TCP connection and closed it without TLS. Load balancers' TCP health checks, port scanners, and load-testing tools that first open a plain connection to check the address (wrk's Lua set-up) do so; it matters only when real clients fail at the same time, when it is a client that gave up because it did not trust the server's certificate.",
		Fix:         "Find what connects from the addresses of these lines (a health check set to TCP instead of HTTPS, a scanner, a benchmark's probe) and leave it, or make the health check speak TLS; if real clients fail too, read their error for the server's certificate:\n  openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | grep 'Verify return code'",
		Confirm:     serverVerdictConfirm,
	},
	// SoftEther's certificate authentication takes RSA keys only.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server", Own: true,
		Match:       []string{"softether vpn software supports only rsa"},
		Title:       "SoftEther takes only RSA certificates (1024 or 2048 bits) here",
		Explanation: "SoftEther VPN's certificate settings (a user's individual certificate, the server certificate of older releases) accept only RSA keys of 1024 or 2048 bits; an ECDSA certificate, or an RSA key of another size, is refused when it is loaded.",
		Fix:         "Issue the certificate with a 2048-bit RSA key (and an RSA CA chain), then register it again:\n  openssl req -new -newkey rsa:2048 -nodes -keyout user.key -out user.csr -subj '/CN=user1'",
		Confirm:     "openssl x509 -noout -text -in user.crt | grep 'Public-Key'",
	},
	// OpenConnect's refusal of the VPN gateway's certificate.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client", Own: true,
		Match:       []string{"certificate from vpn server"},
		Within:      []string{"failed verification"},
		Title:       "OpenConnect did not accept the VPN gateway's certificate",
		Explanation: "OpenConnect checked the gateway's certificate against the system's CA bundle and its name, and the next line (Reason: ...) says why it failed. The usual causes: an expired root in an old CA bundle (the chain of many gateways ended at AddTrust External CA Root, expired since 30 May 2020, on systems whose bundle or GnuTLS did not yet prefer the newer root), a gateway whose certificate is self-signed or from a private CA, or a name it does not carry.",
		Fix:         "Update the CA bundle first, then compare the gateway's chain and name:\n  apt-get install --reinstall ca-certificates\n  openssl s_client -connect vpn.example.com:443 -servername vpn.example.com -showcerts </dev/null\nFor a private gateway certificate, give OpenConnect its CA (--cafile) or pin it (--servercert with the fingerprint it prints).",
		Confirm:     "openssl s_client -connect vpn.example.com:443 -servername vpn.example.com </dev/null 2>/dev/null | grep 'Verify return code'",
	},
	// A server's session ticket callback (ProFTPD's mod_tls).
	{
		ID: HandshakeFailed, Kind: "client", Side: "server", Own: true,
		Match:       []string{"construct_stateless_ticket:callback failed"},
		Title:       "The server's TLS session ticket callback failed, and OpenSSL ended each handshake",
		Explanation: "In TLS 1.3 the server sends a session ticket at the end of each handshake; the program's ticket-key callback failed to give a key, so OpenSSL aborted the handshake. The program has no ticket key ready (ProFTPD's mod_tls when it could not make or read its ticket keys), a bug of that release.",
		Fix:         "Turn session tickets off in the server until its release is fixed (ProFTPD: TLSSessionTickets off), or upgrade it; then test a TLS 1.3 handshake:\n  openssl s_client -connect host:21 -starttls ftp -tls1_3 </dev/null",
		Confirm:     "openssl s_client -connect host:21 -starttls ftp -tls1_3 </dev/null",
	},
	// .NET on an older Windows: SEC_E_UNSUPPORTED_FUNCTION from SSPI.
	{
		ID: HandshakeFailed, Kind: "client", Own: true,
		Match:       []string{"the function requested is not supported"},
		Within:      []string{"sspi", "schannel", "0x80090302"},
		Title:       "Windows' TLS (Schannel) does not support what this connection asks for",
		Explanation: "SSPI's SEC_E_UNSUPPORTED_FUNCTION: the program asked Schannel for a TLS version or feature this Windows lacks, or Schannel could not agree on one with the other side. Most often an older Windows (Windows 7, Server 2008 R2 and 2012) whose Schannel has no TLS 1.3 and, without its updates and registry values, no TLS 1.2 for the program, against servers that take only newer versions or suites (public DNS-over-TLS and API endpoints), or a program that asks for TLS 1.3 alone there.",
		Fix:         "Let the program negotiate TLS 1.2 (enable it for .NET with SchUseStrongCrypto and for Schannel with its Protocols keys), or run it on a Windows that supports what the server requires; see what the server takes:\n  openssl s_client -connect host:853 -tls1_2 </dev/null",
		Confirm:     "openssl s_client -connect host:853 -tls1_2 </dev/null",
	},
	// GLib's (GIO's) certificate flags: GNOME programs and those on it.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client", Own: true,
		Match:       []string{"g_tls_certificate_unknown_ca"},
		Title:       "A program on GLib does not trust the server's certificate (G_TLS_CERTIFICATE_UNKNOWN_CA)",
		Explanation: "GLib's TLS (GIO with glib-networking, under GNOME programs and others: Dino, Geary, Evolution, Epiphany, Fractal, GStreamer) checks the server's certificate against the system's CA store, and found no trusted CA for it: a self-signed certificate or a private CA not in the system's store, or a server that does not send its intermediate. These programs read the system's store only, so the CA must go there.",
		Fix:         "Add the server's CA (or the self-signed certificate) to the system's store, then restart the program:\n  cp ca.crt /usr/local/share/ca-certificates/ca.crt\n  update-ca-certificates\n(Fedora: /etc/pki/ca-trust/source/anchors/ and update-ca-trust).",
		Confirm:     "openssl s_client -connect host:5223 -showcerts </dev/null 2>/dev/null | grep -e 's:' -e 'i:'",
	},
	{
		ID: ServerHostnameMismatch, Kind: "client", Side: "client", Own: true,
		Match:       []string{"g_tls_certificate_bad_identity"},
		Title:       "A program on GLib found the server's certificate is not for the name it connected to",
		Explanation: "GLib's TLS compared the host it connected to with the certificate's names and found no match: the certificate is for another name (the provider's own domain where you connect by yours, a service record's target), or for the IP address used.",
		Fix:         connectByName,
		Confirm:     sanConfirm,
	},
	{
		ID: ServerCertExpired, Kind: "client", Side: "client", Own: true,
		Match:       []string{"g_tls_certificate_expired", "g_tls_certificate_not_activated"},
		Title:       "A program on GLib found the server's certificate out of its dates (or the clock wrong)",
		Explanation: "GLib's TLS found the server's certificate expired (G_TLS_CERTIFICATE_EXPIRED) or not valid yet (G_TLS_CERTIFICATE_NOT_ACTIVATED) by this machine's clock: a certificate not renewed or not reloaded, or a clock that is wrong.",
		Fix:         "Check the certificate's dates and this machine's clock:\n  openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -dates\n  date -u",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -dates",
	},
	// Pidgin's (libpurple's) refusal of an XMPP server's chain.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client", Own: true,
		Match:       []string{"the certificate chain presented is invalid", "could not be validated. the certificate chain"},
		Title:       "Pidgin (libpurple) could not validate the server's certificate chain",
		Explanation: "libpurple checks the server's chain against the CA certificates it loads: the system's, and on some builds its own bundled set (purple's ca-certs directory), which ages with the package. A chain to a root missing there fails so: a new root (ISRG Root X1, after Let's Encrypt's old root expired in September 2021) absent from an old bundled set, a private CA, or a server that does not send its intermediate.",
		Fix:         "Update Pidgin and the system's CA bundle (a build that reads the system's store follows it), or add the missing root to purple's CA directory; then look at the chain the server sends:\n  openssl s_client -connect xmpp.example.org:5222 -starttls xmpp -showcerts </dev/null",
		Confirm:     "openssl s_client -connect xmpp.example.org:5222 -starttls xmpp </dev/null 2>/dev/null | grep 'Verify return code'",
	},
	// curl on Schannel naming no reason.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client", Fallback: true,
		Match:       []string{"schannel: next initializesecuritycontext failed"},
		Title:       "curl (or git) on Windows' Schannel failed the TLS handshake",
		Explanation: "curl on Schannel (curl.exe on Windows, Git for Windows with http.sslBackend schannel, programs on that libcurl) failed in the handshake; the code after this text (SEC_E_..., CRYPT_E_..., 0x8009...) says why when it is printed. Four causes cover most cases: 1. the revocation check could not be done (CRYPT_E_NO_REVOCATION_CHECK, CRYPT_E_REVOCATION_OFFLINE: a proxy or firewall blocks the CA's CRL and OCSP addresses, usual behind TLS-inspecting proxies); 2. the server's certificate is not trusted by Windows (a private CA missing from the Windows store, which Schannel reads rather than curl's CA file); 3. the server requires a client certificate, which Schannel takes only from the Windows store; 4. no TLS version or cipher suite in common with this Windows.",
		Fix:         "Rerun with -v to see the code, then, for a revocation check the network blocks, skip it (or let the CRL addresses through):\n  curl -v --ssl-no-revoke https://host/\nGit: git config --global http.schannelCheckRevoke false, or use OpenSSL with its own CA file: git config --global http.sslBackend openssl.",
		Confirm:     "curl -v https://host/ -o NUL",
	},
	// IBM's JSSE (WebSphere, IBM Semeru's older JDKs): an unknown signer (not
	// Windows' "An internal certificate chaining error": findings_enterprise.go).
	{
		ID: ServerCertUntrusted, Kind: "client", Own: true,
		Match:       []string{"is not trusted; internal cause is", "certificate chaining error"},
		Without:     []string{"an internal certificate chaining error"},
		Title:       "IBM Java (WebSphere) does not trust the other side's certificate: its signer is not in the truststore",
		Explanation: "IBM's JSSE (WebSphere Application Server, IBM Java, products on them) checked the other side's chain against the truststore the connection uses and found no signer for the issuer named (\"Certificate chaining error\" is the same): the other side's CA (root or intermediate) was never added as a signer, the other side's certificate was renewed by another CA, or the connection uses another SSL configuration and truststore than the one updated.",
		Fix:         "Add the other side's CA as a signer to the truststore of that SSL configuration (WebSphere's console: SSL certificate and key management > Key stores > trust store > Signer certificates > Retrieve from port), or with keytool:\n  keytool -importcert -alias partner-ca -file ca.crt -keystore trust.p12 -storetype PKCS12",
		Confirm:     "openssl s_client -connect host:443 -showcerts </dev/null",
	},
	// MySQL's and MariaDB's SSL_INITERR_BAD_PATHS.
	{
		ID: CertLoadFailed, Kind: "client", Own: true,
		Match:       []string{"ssl_ctx_set_default_verify_paths failed"},
		Title:       "MySQL or MariaDB could not load the CA file or directory it was given (ssl-ca, ssl-capath)",
		Explanation: "MySQL and MariaDB (servers, clients and tools such as mysqldump and sysbench) say this when OpenSSL could not load the CA certificates their settings name: the ssl-ca file or ssl-capath directory does not exist at that path (a relative path read from another directory, a file never copied into the container), the process's user may not read it, it is not PEM, or it is broken (auto-generated certificate files left damaged in a reused data directory). The server then starts without TLS, and a client fails to connect with TLS.",
		Fix:         "Check the CA path the settings give, as the program's user, and that it holds PEM certificates:\n  ls -l /etc/mysql/ssl/ca.pem\n  openssl x509 -noout -subject -in /etc/mysql/ssl/ca.pem\nthen give an absolute path (ssl-ca=/etc/mysql/ssl/ca.pem); for a server's auto-generated files, remove the broken ones from the data directory so that they are made again.",
		Confirm:     "mysql -e \"SHOW VARIABLES LIKE '%ssl%'\"",
	},
	// A Java key store without the alias a setting names.
	{
		ID: CertLoadFailed, Kind: "client", Own: true,
		Match:       []string{"found no certificate alias matching", "alias name does not identify a key entry", "cannot find the specified alias"},
		Title:       "The key store has no entry under the alias the setting names",
		Explanation: "The program looks up its certificate in the key store by an alias from its configuration (a keyAlias, certificate alias or key-alias setting) and the store has no such entry: the alias is spelled differently (aliases are case-insensitive in JKS but not always in PKCS#12), the store was made without one (a .p12 exported with another friendly name, or an alias such as 1 given by the tool), it is a truststore holding only trusted certificates, or it is empty (the list of aliases shown is []).",
		Fix:         "List the store's aliases and entry types, then set the alias the configuration names to a PrivateKeyEntry there:\n  keytool -list -keystore keystore.p12 -storetype PKCS12\n(rename one with keytool -changealias).",
		Confirm:     "keytool -list -keystore keystore.p12 -storetype PKCS12",
	},
	// Java's CertificateFactory given something that is not a certificate.
	{
		ID: CertLoadFailed, Kind: "client", Own: true,
		Match:       []string{"input stream not contain valid certificates", "pem certificate provided does not contain -----begin certificate", "could not parse certificate: java.io.ioexception"},
		Title:       "The Java program found no certificate in what it was given",
		Explanation: "The program read the certificate (or CA) it was given with Java's CertificateFactory, or a PEM value of its settings (Kafka's ssl.truststore.certificates and ssl.keystore.certificate.chain), and found no certificate: the file or value is not PEM or DER (a key, a PKCS#12 store, a path where the PEM text is expected or the reverse), its BEGIN and END lines are damaged (a value pasted on one line, line breaks turned into the two characters \\n, a lost dash), or it is empty.",
		Fix:         "Look at what the file or value holds; it must begin with -----BEGIN CERTIFICATE----- on a line of its own:\n  head -2 ca.crt\n  openssl x509 -noout -subject -in ca.crt\nA value in a properties file keeps its line breaks with \\ at each line's end.",
		Confirm:     "openssl x509 -noout -subject -in ca.crt",
	},
	// Java refusing a certificate whose basicConstraints are malformed.
	{
		ID: ServerCertUntrusted, Kind: "client", Own: true,
		Match:       []string{"invalid encoding of basicconstraints"},
		Title:       "Java cannot parse the certificate's basicConstraints extension",
		Explanation: "Java's certificate parser refused the certificate's basicConstraints: its DER encoding is not what the standard allows, which some tools and appliances write (a CA:FALSE written out explicitly with a path length, a negative or oversized pathlen, a wrongly tagged field). OpenSSL and browsers may take it, Java does not, so the certificate must be made again by a tool that encodes it right.",
		Fix:         "See the extension as OpenSSL reads it, then reissue the certificate (from OpenSSL with basicConstraints=critical,CA:FALSE for a leaf):\n  openssl x509 -noout -text -in cert.pem | grep -A1 'Basic Constraints'",
		Confirm:     "openssl asn1parse -in cert.pem | grep -A3 'Basic Constraints'",
	},
	// libtls (OpenBSD's httpd, relayd, smtpd; programs on LibreSSL's libtls).
	{
		ID: LogKeyMismatch, Kind: "client", Own: true,
		Match:       []string{"private/public key mismatch"},
		Title:       "The private key does not belong to the certificate (libtls)",
		Explanation: "libtls (OpenBSD's httpd, relayd and smtpd, and programs on LibreSSL's libtls) checked the configured certificate against its private key and their public keys differ: files of different renewals or requests, a key path that names another key, or a certificate file whose first certificate is the intermediate rather than the server's own.",
		Fix:         "Compare the two public keys (the sums must be equal), and put the server's certificate first in its file:\n  openssl x509 -noout -pubkey -in server.crt | sha256sum\n  openssl pkey -pubout -in server.key | sha256sum",
		Confirm:     keyPairConfirm,
	},
	// PHP's stream TLS reset by the other side.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client", Own: true,
		Match:       []string{"stream_socket_enable_crypto(): ssl: connection reset by peer", "stream_socket_enable_crypto(): ssl: an existing connection was forcibly closed"},
		Title:       "PHP's TLS handshake was cut by the other side (connection reset)",
		Explanation: "PHP turned on TLS on a stream (stream_socket_enable_crypto: PHPMailer's STARTTLS, an ssl:// or tls:// socket, a database or IMAP library) and the server, or something in between, reset the connection in the handshake. Four causes cover most cases: 1. the wrong TLS mode for the port: STARTTLS (tls on 587 or 25) where the port wants TLS from the first byte (465, 993), or the reverse; 2. no TLS version or cipher in common: an old PHP and OpenSSL against a server that requires TLS 1.2 or later, or a new one against an old server; 3. a server that needs the name (SNI) or a client certificate; 4. a firewall, antivirus or mail filter that cuts the connection.",
		Fix:         "Handshake with the server the way PHP does, by port:\n  openssl s_client -connect smtp.example.com:587 -starttls smtp </dev/null\n  openssl s_client -connect smtp.example.com:465 </dev/null\nthen set the mode of that port (PHPMailer: SMTPSecure = 'ssl' for 465, 'tls' for 587) and see PHP's OpenSSL version (php -i | grep -i 'openssl library').",
		Confirm:     "php -i | grep -i 'openssl library'",
	},
	// A TLS connection reset in the middle of a transfer (git on Windows).
	{
		ID: HandshakeFailed, Kind: "client", Side: "client", Own: true,
		Match:       []string{"ssl_read: connection was reset", "ssl_write: connection was reset"},
		Title:       "The TLS connection was reset in the middle of the transfer (not a certificate problem)",
		Explanation: "The handshake had succeeded; later, while curl or git (on its OpenSSL backend, errno 10054 being Windows' WSAECONNRESET) read or wrote data, the connection was reset. Certificates play no part. The usual causes: a proxy, firewall, VPN or antivirus that cuts long or large transfers (a big git push or clone), a server or load balancer that closes on a size or time limit, or an unstable network (a VPN's MTU).",
		Fix:         "Try again from another network or with the VPN, proxy or antivirus web shield off to find which; for git over HTTPS, fewer and smaller pushes help, and HTTP/1.1 avoids some proxies' HTTP/2 faults:\n  git config --global http.version HTTP/1.1\n  git -c http.postBuffer=524288000 push",
		Confirm:     "curl -v -o NUL https://git.example.com/",
	},
	// Go refusing a handshake message it did not expect (renegotiation).
	{
		ID: HandshakeFailed, Kind: "client", Own: true,
		Match:       []string{"local error: tls: unexpected message"},
		Title:       "Go got a TLS message it did not expect, most often a server asking to renegotiate",
		Explanation: "Go's TLS stack received a handshake message out of place and ended the connection itself. As a client, it is most often the server asking to renegotiate after the handshake, which Go refuses by default: IIS, Azure App Service and other servers that ask for a client certificate only for some paths do it so (a hello request after the first request). Otherwise something in between that injects or alters bytes, or a peer's TLS bug.",
		Fix:         "Let the Go client renegotiate once when the server needs it:\n  tls.Config{Renegotiation: tls.RenegotiateOnceAsClient}\nor have the server ask for the client certificate in the first handshake (IIS: negotiate client certificate on the binding, netsh http add sslcert ... clientcertnegotiation=enable).",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | grep -e 'Acceptable client certificate CA names' -e 'Secure Renegotiation'",
	},
	// Go builds that cannot check a signature algorithm in the chain.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client", Own: true,
		Match:       []string{"cannot verify signature: algorithm unimplemented"},
		Title:       "Go could not check a candidate CA's signature: its algorithm is one this Go does not verify (algorithm unimplemented)",
		Explanation: "Go found a CA of the right name for the server's certificate but could not check the signature involved, because this Go build does not verify that algorithm. Two causes cover most cases: 1. the copy of the CA that the system or program trusts is an old one signed with an algorithm Go never verifies (MD5, as CAcert's original root was; DSA) or, in Go 1.18 and later, SHA-1: install the current copy of the root (re-signed with SHA-256), or give the program the CA it should use; 2. the program was built with an old Go that lacked the chain's algorithm (Go before 1.2 had no SHA-384 or SHA-512 signatures, which CAs such as COMODO's RSA roots use): upgrade the program.",
		Fix:         "See the signature algorithm of the CA named in the message, as the system holds it, and of the server's chain:\n  openssl x509 -noout -text -in /etc/ssl/certs/ROOT.pem | grep 'Signature Algorithm'\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null 2>/dev/null | grep -i 'sigalg'\nthen install the current root, or upgrade the program.",
		Confirm:     "openssl s_client -connect host:443 -servername host -showcerts </dev/null",
	},
	// RouterOS's /tool fetch and other services checking a server.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client", Own: true,
		Match:       []string{"failure: ssl connection error: handshake failed: unable to get local issuer"},
		Title:       "RouterOS does not trust the server's certificate: the root is not in the router's certificate store",
		Explanation: "MikroTik RouterOS checks servers (with /tool fetch check-certificate=yes or yes-without-crl, and its other clients) against the certificates imported into its own store and marked trusted, not against a public CA bundle (unless the built-in trusted CA list is enabled in RouterOS 7). A site that moved to another root (Let's Encrypt's ISRG Root X2, a new intermediate), or a private CA, fails until that root is imported.",
		Fix:         "Import the server's root into the router and run the fetch again:\n  /tool fetch url=https://letsencrypt.org/certs/isrg-root-x2.pem\n  /certificate import file-name=isrg-root-x2.pem passphrase=\"\"\n(RouterOS 7: /certificate/settings/set builtin-trust-anchors=trusted).",
		Confirm:     "openssl s_client -connect host:443 -servername host -showcerts </dev/null 2>/dev/null | grep -e 's:' -e 'i:'",
	},
	// NetScaler (Citrix ADC) naming a certificate-key pair it does not hold.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server", Own: true,
		Match:       []string{"errorcode=1540", "bind_ssl_vserver"},
		Within:      []string{"certificate does not exist"},
		Title:       "NetScaler has no certificate-key pair of the name it was told to bind",
		Explanation: "The ADC (NetScaler, Citrix ADC) binds certificates to an SSL virtual server by their certkey name, and no certkey of that name exists there: it was never added (add ssl certKey), it is in another partition, or the tool that binds it (an ingress controller, Ansible, Terraform) passes another name than the one created, such as a name cut at its first dot by a release's bug.",
		Fix:         "List the certkeys on the ADC and compare their names with the one being bound:\n  show ssl certKey\nthen add the pair under that name, or make the tool name an existing one (upgrade a controller that alters the name).",
		Confirm:     "show ssl certKey",
	},
	// PyKMIP's server: a client's handshake it could not finish.
	{
		ID: ClientCertRejected, Kind: "client", Side: "server", Own: true,
		Match:       []string{"failure running tls handshake"},
		Title:       "The KMIP server's TLS handshake with a client failed (most often the client's certificate)",
		Explanation: "PyKMIP's server requires every client to present a certificate from the CA it is configured with, and the handshake failed: the client (a NAS's or a database's KMIP client, such as Synology DSM's encryption key vault) sent no certificate or one from another CA (it kept its own default certificate for the KMIP service rather than the one issued for it), or the client does not trust the server's certificate. The server's lines before or after name the OpenSSL reason.",
		Fix:         "Make the client present the certificate issued by the server's CA for its KMIP connection (in DSM: the certificate assigned to the KMIP service), and check it against that CA:\n  openssl verify -CAfile kmip-ca.pem client.crt",
		Confirm:     "openssl s_client -connect kmip.example.com:5696 -cert client.crt -key client.key -CAfile kmip-ca.pem </dev/null",
	},
	// openssl 3's commands reading a key they cannot use.
	{
		ID: KeyLoadFailed, Kind: "client", Side: "client", Own: true,
		Match:       []string{"could not find private key from", "could not read private key from"},
		Title:       "The openssl command could not read the private key it was given",
		Explanation: "OpenSSL 3's commands (req, x509, pkcs12 -export, s_client -key, s_server -key) say this when the file given as the key holds no key they can read: another file (the certificate, a CSR), an encrypted key without its passphrase (-passin), a key in a format the option does not expect (DER without -keyform DER, an SSH or PuTTY key), or an empty or damaged file.",
		Fix:         "See what the file holds, and read it as a key (it asks for the passphrase if it is encrypted):\n  head -1 client.key\n  openssl pkey -in client.key -noout\nthen pass the passphrase with -passin, or convert the key to PEM first.",
		Confirm:     "openssl pkey -in client.key -noout",
	},
	// Go's checks of a chain's path length and of SAN DNS names.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client", Own: true,
		Match:       []string{"x509: too many intermediates for path length constraint"},
		Title:       "A CA of the server's chain may not have so many CAs below it (Go: path length constraint)",
		Explanation: "A CA in the server's chain has a basicConstraints path length (pathlen) smaller than the number of intermediates below it: a root or intermediate made with pathlen:0 (a guide's v3_ca, some CA tools' defaults) that signed another intermediate, which then signed the server's certificate. Go refuses the chain; OpenSSL says the same as verify error 25.",
		Fix:         "See each CA's basicConstraints in the chain the server sends, then reissue the CA without the limit (or with a larger pathlen), or issue the server's certificate from the CA directly:\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null 2>/dev/null | openssl x509 -noout -text | grep -A1 'Basic Constraints'",
		Confirm:     "openssl verify -CAfile root.crt -untrusted int.crt server.crt",
	},
	{
		ID: CertLoadFailed, Kind: "client", Own: true,
		Match: []string{"x509: san dnsname is malformed", "x509: san rfc822name is malformed", "x509: san uri is malformed",
			// Go 1.10.0's words, which 1.10.1 relaxed
			"x509: cannot parse dnsname", "x509: cannot parse rfc822name", "x509: cannot parse uri"},
		Title:       "Go refuses the certificate: a name in its subjectAltName is malformed",
		Explanation: "Go parses the certificate's subjectAltName strictly and found a DNS name (or email or URI) that is not one: spaces, an empty label, a trailing dot, characters a host name cannot hold, or an IP address or a URL written as a DNS name. Tools that fill the SAN from a free-text field (a Windows CA template, a web form, a script building DNS:... from a list) make them. OpenSSL and browsers may take such a certificate, Go does not. Go 1.10.0 refused such names even in certificates it did not need to check (`x509: cannot parse dnsName`, often in a cluster CA file) and 1.10.1 relaxed it: a program built with Go 1.10.0 needs its release rebuilt with a later Go. After \"tls: failed to parse certificate from server\", it is the server's certificate: a Go client refuses the connection before any trust check, and the server's certificate must be reissued; in a file the program loads, it is that file's.",
		Fix:         "See the names the certificate carries (the server's, or the file's), then reissue it with each DNS name written plainly (IP addresses as IP:, not DNS:):\n  openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -text | grep -A1 'Subject Alternative Name'\n  openssl x509 -noout -text -in cert.pem | grep -A1 'Subject Alternative Name'",
		Confirm:     "openssl x509 -noout -text -in cert.pem | grep -A1 'Subject Alternative Name'",
	},
	// Java given a cipher suite name its providers do not have.
	{
		ID: StartupFailed, Kind: "client", Own: true,
		Match:       []string{"with currently installed providers"},
		Within:      []string{"cannot support"},
		Title:       "Java was told to use a cipher suite this JDK does not offer",
		Explanation: "A cipher suite list in the program's TLS settings (a connector's ciphers attribute, a client's enabled suites) names a suite that none of this JDK's providers supports: a name in another library's spelling (OpenSSL's ECDHE-RSA-AES128-GCM-SHA256 where Java wants TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256), a typo, or a suite removed or disabled by jdk.tls.disabledAlgorithms in a newer JDK (RSA key exchange, CBC, 3DES).",
		Fix:         "Use Java's IANA names of suites this JDK supports, or leave the list unset for the defaults; see which it disables:\n  grep -A3 jdk.tls.disabledAlgorithms \"$JAVA_HOME/conf/security/java.security\"",
		Confirm:     "grep jdk.tls.disabledAlgorithms \"$JAVA_HOME/conf/security/java.security\"",
	},
	// PgJDBC asked for TLS by a server that has it off.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client", Own: true,
		Match:       []string{"the server does not support ssl"},
		Title:       "The PostgreSQL client asked for TLS and the server has none",
		Explanation: "The client (PgJDBC with ssl=true or sslmode=require, another driver likewise) asked the server to start TLS, and the server refused: its ssl setting is off (or no certificate loaded, so it starts without TLS), or something in between that speaks PostgreSQL's protocol without TLS (a pooler such as PgBouncer without its own TLS settings).",
		Fix:         "Turn TLS on where the client connects (postgresql.conf's ssl setting, with the server's certificate and key files; PgBouncer's client TLS settings), then check:\n  psql \"host=db.example.com sslmode=require\" -c 'SHOW ssl'\nor let the client connect without TLS knowingly (sslmode=prefer or disable).",
		Confirm:     "openssl s_client -connect db.example.com:5432 -starttls postgres </dev/null",
	},
	// conda's wrapper of a failed HTTPS request.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client", Own: true,
		Match:       []string{"condasslerror"},
		Title:       "conda could not verify the channel server's certificate",
		Explanation: "conda (requests under it) checked the channel's certificate against its own CA bundle (certifi in its base environment), not the system's: on a corporate network a TLS-inspecting proxy presents its own CA, which that bundle lacks; otherwise a private channel with a private CA, or a very old conda whose bundle lacks the current roots.",
		Fix:         "Give conda the proxy's or private CA (a bundle that also holds the public roots), or let it use the system's store (conda 23.9 and later with the truststore package):\n  conda config --set ssl_verify /path/corp-ca-bundle.pem\n  conda config --set ssl_verify truststore",
		Confirm:     "conda config --show ssl_verify",
	},
	// rsyslog's gtls driver refusing a peer's certificate.
	{
		ID: VerifyError, Kind: "client", Own: true,
		Match:       []string{"not permitted to talk to peer, certificate invalid"},
		Title:       "rsyslog refused its peer's certificate (the peer is not permitted)",
		Explanation: "rsyslog's TLS driver (gtls or ossl) checked the peer's certificate, on either end of a TLS syslog connection, and refused it; the words after this say why: signer not found (the peer's certificate is not from the CA in DefaultNetstreamDriverCAFile, or its intermediate is missing), expired, or a name not among the permitted peers (StreamDriverPermittedPeers, in x509/name mode).",
		Fix:         "Check the peer's certificate against the CA rsyslog is given, and its names against the permitted peers:\n  openssl verify -CAfile /etc/rsyslog.d/ca.pem peer.crt\n  openssl x509 -noout -subject -text -in peer.crt | grep -A1 'Subject Alternative Name'",
		Confirm:     "openssl verify -CAfile /etc/rsyslog.d/ca.pem peer.crt",
	},
	{
		ID: HandshakeFailed, Kind: "client", Side: "server", Own: true, Level: infoLevel,
		Match:       []string{"will be closed due to error"},
		Within:      []string{"netstream session"},
		Title:       "rsyslog closed a TLS syslog session after an error (the line before says which)",
		Explanation: "rsyslog's TLS listener ended a session with a sender; the error itself is in the line logged just before (a failed handshake, a refused certificate). When it comes from one sender repeatedly, that sender most often sends plain TCP to the TLS port, or lacks the certificate the listener requires; from a scanner or a health check, it is harmless.",
		Fix:         "Read the lines just before it for the sender named, then test that sender's side:\n  openssl s_client -connect logs.example.com:6514 -cert client.crt -key client.key -CAfile ca.pem </dev/null",
		Confirm:     "openssl s_client -connect logs.example.com:6514 -CAfile ca.pem </dev/null",
	},
	// OpenVPN's tls-crypt key not shared by both ends.
	{
		ID: HandshakeFailed, Kind: "client", Own: true,
		Match:       []string{"tls-crypt unwrap error"},
		Title:       "OpenVPN could not open a packet with its tls-crypt key",
		Explanation: "Every OpenVPN control packet is encrypted with the tls-crypt key both ends share; this one did not open with this side's key: the two ends have different tls-crypt keys (a client profile made from another server, a key regenerated on the server), one uses tls-crypt and the other tls-auth or tls-crypt-v2, or the packet is not OpenVPN's (a scanner probing the port, which is harmless).",
		Fix:         "Compare the tls-crypt key (its <tls-crypt> block or file) on both ends, and use the same mode on both; a client profile exported again from the server carries the current key:\n  sha256sum /etc/openvpn/server/tc.key",
		Confirm:     "sha256sum /etc/openvpn/server/tc.key",
	},
	// Traefik's Kubernetes providers without the TLS secret an ingress names.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server", Own: true,
		Match:       []string{"error configuring tls for ingress", "error configuring tls:"},
		Within:      []string{"does not exist", "not found"},
		Title:       "Traefik cannot find the TLS secret an ingress names, and serves its default certificate for it",
		Explanation: "An Ingress (or IngressRoute) names a TLS secret that Traefik cannot read: it does not exist (yet), it is in another namespace than the ingress, its name is spelled differently, or Traefik's service account may not read secrets there. Until it can, Traefik answers for those hosts with its default self-signed certificate (TRAEFIK DEFAULT CERT), which clients refuse. With cert-manager, the secret appears only once the certificate is issued: a pending or failed Certificate leaves it missing.",
		Fix:         "See whether the secret exists where the ingress is, and whether cert-manager issued it:\n  kubectl -n default get secret app-tls\n  kubectl -n default get certificate,certificaterequest\nthen create it (or fix its name or namespace in the ingress's tls section).",
		Confirm:     "kubectl -n default get secret app-tls -o jsonpath='{.type}'",
	},
	// Android's Conscrypt: the handshake reset by the other side.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client", Own: true,
		Match:       []string{"ssl handshake aborted: ssl="},
		Within:      []string{"i/o error during system call", "connection reset by peer", "connection closed by peer"},
		Title:       "The server (or something in between) cut the Android app's TLS handshake",
		Explanation: "Android's TLS (Conscrypt) saw the connection reset or closed in the handshake, without an alert. Four causes cover most cases: 1. an old Android against a server that requires what it lacks: 4.x does not turn TLS 1.2 on by default, and 7.0 offers only the P-256 curve (prime256v1) for ECDHE, which a server set to X25519 or P-384 only refuses; 2. a server that needs the name (SNI) or a client certificate the app does not send; 3. a proxy, firewall or VPN on the device's network that cuts the connection (a captive portal, a filtering network); 4. a server that does not answer on that port for TLS.",
		Fix:         "See what the server accepts and asks for, from a computer on the same network:\n  openssl s_client -connect api.example.com:443 -servername api.example.com -tls1_2 </dev/null\nthen, on Android 4.x, enable TLS 1.2 in the app (Google Play services' ProviderInstaller, or an SSLSocketFactory that enables it), and send the client certificate if the server asks for one.",
		Confirm:     "openssl s_client -connect api.example.com:443 -servername api.example.com -tls1_2 </dev/null",
	},
	// HAProxy loading the CA file of a bind line (ca-file, for client certificates).
	{
		ID: CertLoadFailed, Kind: "client", Side: "server", Own: true,
		Match:       []string{"unable to configure ca file"},
		Title:       "HAProxy could not load the CA file of a bind line (its client-certificate CAs)",
		Explanation: "A bind line's ca-file (the CAs HAProxy checks client certificates against, with verify optional or required) could not be loaded: the file is missing at that path, HAProxy's user may not read it, or it holds no PEM certificate (a DER file, a key, an empty file). HAProxy then refuses to start.",
		Fix:         "Check the file the line names, then test the configuration:\n  ls -l /etc/haproxy/ca.pem\n  openssl x509 -noout -subject -in /etc/haproxy/ca.pem\n  haproxy -c -f /etc/haproxy/haproxy.cfg",
		Confirm:     "haproxy -c -f /etc/haproxy/haproxy.cfg",
	},
	// mod_ssl's note at start-up about clients without SNI.
	{
		ID: RoutineLine, Kind: "client", Side: "server", Level: infoLevel,
		Match:       []string{"name-based ssl virtual hosts only work for clients with tls server name indication support"},
		Title:       "Apache notes that name-based TLS virtual hosts need clients that send SNI (a start-up note, not an error)",
		Explanation: "mod_ssl writes this at start-up when several TLS virtual hosts share an address and port: it chooses among them by the name the client sends (SNI), which every current client does. Only clients without SNI (very old ones, scripts connecting by IP address, a proxy in front that sends none) get the first virtual host of that address, and its certificate.",
		Fix:         "Nothing to fix. If a client gets the wrong certificate, make it send the name (a proxy in front: nginx's proxy_ssl_server_name on), and check what a client without SNI gets:\n  openssl s_client -connect host:443 -noservername </dev/null 2>/dev/null | openssl x509 -noout -subject",
		Confirm:     "apachectl -t -D DUMP_VHOSTS",
	},
	// A program whose own TLS settings leave no protocol version.
	{
		ID: HandshakeFailed, Kind: "client", Own: true,
		Match:       []string{"no_protocols_available", "no protocols available"},
		Without:     []string{"while ssl handshaking", "ssl_do_handshake() failed", "[emerg]"},
		Title:       "This side's TLS settings leave no protocol version it may use (no protocols available)",
		Explanation: "OpenSSL found no TLS version this program is allowed to offer or accept, before anything was sent: the program pins a version (Python's ssl.PROTOCOL_TLSv1 or TLSv1_1, a minimum_version above the maximum, a tls_version option naming an old one) that the system's OpenSSL configuration or crypto policy disables (MinProtocol = TLSv1.2 in openssl.cnf on Debian, Ubuntu and RHEL, or SECLEVEL), or a build without the version asked for. The server is not involved.",
		Fix:         "Let the program negotiate from TLS 1.2 up rather than pinning an old version (Python: ssl.PROTOCOL_TLS_CLIENT with minimum_version = ssl.TLSVersion.TLSv1_2), and see what the system's configuration sets:\n  grep -r -e MinProtocol -e CipherString /etc/ssl/openssl.cnf /etc/crypto-policies/back-ends/opensslcnf.config 2>/dev/null",
		Confirm:     "openssl s_client -connect host:443 -servername host -tls1_2 </dev/null",
	},
	// Warnings that verification was turned off (the connection worked).
	{
		ID: RoutineLine, Kind: "client", Side: "client", Level: infoLevel,
		Match:       []string{"insecurerequestwarning: unverified https request", "setting the node_tls_reject_unauthorized environment variable to '0'"},
		Title:       "The client works with certificate verification turned off (a warning, not a failure)",
		Explanation: "The request succeeded, but without checking the server's certificate: requests or urllib3 was called with verify=False, or node runs with NODE_TLS_REJECT_UNAUTHORIZED=0. Anyone in the path could answer in the server's place. It is usually a workaround left from an earlier certificate error, which still stands and should be fixed by giving the client the server's CA.",
		Fix:         "Give the client the CA instead of turning checks off (requests: verify='/path/ca.pem' or REQUESTS_CA_BUNDLE; node: NODE_EXTRA_CA_CERTS=/path/ca.pem), then remove verify=False or the variable; see why it was turned off:\n  openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | grep 'Verify return code'",
		Confirm:     serverVerdictConfirm,
	},
	// urllib3 2 on a Python built with an old OpenSSL, and libraries that
	// imported what urllib3 2 removed.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client", Own: true,
		Match:       []string{"urllib3 v2 only supports openssl 1.1.1+", "urllib3 v2.0 only supports openssl 1.1.1+", "cannot import name 'default_ciphers' from 'urllib3.util.ssl_'"},
		Title:       "urllib3 2 does not fit this Python or the library that uses it",
		Explanation: "urllib3 2.0 requires a Python whose ssl module is built on OpenSSL 1.1.1 or later (RHEL and CentOS 7's Python and old macOS Pythons are built on 1.0.2 or LibreSSL), and it removed names that older libraries imported (DEFAULT_CIPHERS, used by older botocore and requests-toolbelt releases). Installing it there breaks every HTTPS request before any connection.",
		Fix:         "Keep urllib3 below 2 in that environment, or upgrade Python (one built on OpenSSL 1.1.1 or later) and the library that imports DEFAULT_CIPHERS:\n  pip install 'urllib3<2'\n  python -c 'import ssl; print(ssl.OPENSSL_VERSION)'",
		Confirm:     "python -c 'import ssl; print(ssl.OPENSSL_VERSION)'",
	},
	// Dovecot's private key that does not load.
	{
		ID: KeyLoadFailed, Kind: "client", Side: "server", Own: true,
		Match:       []string{"couldn't parse private ssl_key"},
		Title:       "Dovecot could not read its private key (ssl_key)",
		Explanation: "Dovecot read the key its ssl_key setting names and OpenSSL could not parse it: the key is encrypted and ssl_key_password is not set (Dovecot says so with \"Maybe ssl_key_password is missing?\"), the file holds something else (the certificate, an SSH key), or the setting lacks its leading < so that Dovecot takes the path itself as the key's text.",
		Fix:         "Check that the setting reads the file (ssl_key = </etc/dovecot/private/key.pem, with the <) and what the file holds; an encrypted key needs ssl_key_password, or write it unencrypted and protect the file:\n  openssl pkey -in /etc/dovecot/private/key.pem -noout\n  doveconf -n | grep ssl_",
		Confirm:     "doveconf -n | grep ssl_",
	},
	// msmtp's words for a server certificate it does not trust.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client", Own: true,
		Match:       []string{"the certificate hasn't got a known issuer", "the certificate doesn't have a known issuer"},
		Within:      []string{"tls certificate verification failed"},
		Title:       "The mail client (msmtp, on GnuTLS) does not trust the server's certificate",
		Explanation: "msmtp checked the mail server's certificate against the CAs of its tls_trust_file (with tls on) and found no CA for it: the trust file is missing or not the system's bundle, the server's certificate is self-signed or from a private CA, or the server does not send its intermediate.",
		Fix:         "Point msmtp at the system's CA bundle (or at the server's CA), in ~/.msmtprc:\n  tls_trust_file /etc/ssl/certs/ca-certificates.crt\nand see what the server sends:\n  openssl s_client -connect smtp.example.com:587 -starttls smtp -showcerts </dev/null",
		Confirm:     "openssl s_client -connect smtp.example.com:587 -starttls smtp </dev/null 2>/dev/null | grep 'Verify return code'",
	},
	// Mbed TLS's fatal X509 error: a verify callback found no root.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"-0x3000", "mbedtls_err_x509_fatal_error", "x509 - a fatal error occurred", "(-12288)", "returned -12288"},
		Within:      []string{"-0x3000", "mbedtls", "x509 - a fatal error", "-12288", "esp-tls"},
		Title:       "The device's TLS (Mbed TLS) found no root it trusts for the server's chain (MBEDTLS_ERR_X509_FATAL_ERROR)",
		Explanation: "Mbed TLS stopped the chain check with a fatal error, which on devices is most often their verify callback finding no trusted root: ESP-IDF's certificate bundle (esp_crt_bundle) holds only the roots chosen at build time and drops some between releases (GlobalSign Root CA from ESP-IDF 6.0), and it looks up the issuer of the top certificate the server sends, so a chain ending in a cross-signed root (Let's Encrypt's ISRG Root X1 signed by the expired DST Root CA X3) can miss; CircuitPython and other boards carry a short root list of their own. A server whose certificate was renewed under another root fails so on devices that did not change. It also comes from a callback that fails for other reasons (a verify option the program ignores).",
		Fix:         "See the root the server's chain ends in, then give the device that root (ESP-IDF: the full bundle or a custom bundle with it, or the root as cacert_buf; CircuitPython: load_verify_locations with the root's PEM):\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null 2>/dev/null | grep -e 's:' -e 'i:'",
		Confirm:     "openssl s_client -connect host:443 -servername host -showcerts </dev/null 2>/dev/null | grep -e 's:' -e 'i:'",
	},
	// OpenSSL's own failure inside the TLS engine (not the alert of that name).
	{
		ID: HandshakeFailed, Kind: "client",
		Match:  []string{"internal error"},
		Within: []string{"ssl routines"},
		// tls_choose_sigalg's internal error has its own entry.
		Without:     []string{"alert internal error", "tls_choose_sigalg"},
		Title:       "OpenSSL failed inside its own TLS code (internal error), not over the other side's certificate",
		Explanation: "OpenSSL stopped the connection over a failure of its own, at the step the function names. The usual causes: an engine or provider that performs the key operation failed (a hardware accelerator such as Intel QAT without its device permissions or huge pages, a PKCS#11 token, a TPM, an HSM); this side's own key cannot do what the step needs (a client certificate whose key cannot sign with the algorithms offered, at ssl3_send_client_certificate or the CertificateVerify); or a bug of this OpenSSL release, often with TLS 1.3 session resumption or early data. On a server, one client at a time failing so, while others work, is that client's doing and mostly harmless.",
		Fix:         "See which OpenSSL and engines or providers the program uses, and try the same handshake without them (or with another OpenSSL):\n  openssl version -a\n  openssl s_client -connect host:443 -servername host </dev/null\nthen check the key with its engine or provider, and update OpenSSL (or the program that bundles it) if it is a bug of that release.",
		Confirm:     "openssl version -a",
	},
	// The docker CLI told to use TLS without the files.
	{
		ID: CertLoadFailed, Kind: "client", Side: "client", Own: true,
		Match:       []string{"could not read ca certificate", "could not load x509 key pair"},
		Within:      []string{"/.docker/", "docker_cert_path"},
		Without:     []string{"serveapi"},
		Title:       "The docker client is set to use TLS, and its certificate files are not there",
		Explanation: "DOCKER_TLS_VERIFY (or --tlsverify) makes the docker CLI connect to DOCKER_HOST over TLS with the CA, certificate and key in DOCKER_CERT_PATH (~/.docker by default), and it could not read them. Most often the variables are left over in the shell from docker-machine, Docker Toolbox or Minikube's docker-env, pointing at a machine or a directory that no longer exists, while the local daemon needs none of them; otherwise the files were never copied from the daemon's host.",
		Fix:         "See which variables are set; for the local daemon, unset them:\n  env | grep DOCKER_\n  unset DOCKER_HOST DOCKER_TLS_VERIFY DOCKER_CERT_PATH\nfor a remote daemon, copy its client files (ca.pem, cert.pem, key.pem) into DOCKER_CERT_PATH, or regenerate them (docker-machine regenerate-certs).",
		Confirm:     "env | grep DOCKER_",
	},
	// curl's answer to TLS bytes on an http:// URL.
	{
		ID: PlainHTTP, Kind: "client", Side: "client", Own: true,
		Match:       []string{"received http/0.9 when not allowed"},
		Title:       "curl got an answer that is not HTTP: most often the port speaks TLS and the URL is http://",
		Explanation: "curl sent a plain-text request (an http:// URL) and the answer had no HTTP status line, which curl 7.66 and later refuse as HTTP/0.9. Most often the port serves TLS (an exporter, an admin API or a plugin's web server that speaks HTTPS by default, a Kubernetes API on 6443), and what came back is its TLS alert. Else the port speaks something else: gRPC or HTTP/2 without TLS (curl needs --http2-prior-knowledge), a database, Redis, SSH or a metrics port of another protocol.",
		Fix:         "Use https:// for that port (with the server's CA, or -k to look first):\n  curl -v --cacert ca.crt https://host:port/metrics\nand see what the port speaks:\n  openssl s_client -connect host:port </dev/null",
		Confirm:     "openssl s_client -connect host:port </dev/null",
	},
	// ESP-IDF's esp-tls refusing the server's chain.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client", Own: true,
		Match:       []string{"failed to verify peer certificate"},
		Within:      []string{"esp-tls", "esp_tls", "mbedtls"},
		Title:       "The ESP-IDF device could not verify the server's certificate (esp-tls)",
		Explanation: "esp-tls, ESP-IDF's TLS layer over Mbed TLS, checked the server's chain against the CA the firmware carries (cacert_buf, or the certificate bundle) and it failed; the next log line gives Mbed TLS's verify flags. Causes: the server's chain now ends at another root than the one built into the firmware (cloud services move roots: Azure IoT Hub from Baltimore CyberTrust Root to DigiCert Global Root G2, Let's Encrypt from DST Root CA X3 to ISRG Root X1), so every device with the old firmware fails at once; the device's clock is not set yet (before SNTP, every certificate is not yet valid in 1970); the name given (common_name, or the URL's host) is not in the certificate; or the embedded PEM is the wrong file (the server's certificate, not its CA).",
		Fix:         "See the root the server's chain ends in, and build that root into the firmware (or attach ESP-IDF's certificate bundle, esp_crt_bundle_attach); set the clock by SNTP before connecting:\n  openssl s_client -connect host:8883 -servername host -showcerts \\\n    </dev/null 2>/dev/null | grep -e 's:' -e 'i:'",
		Confirm:     "openssl s_client -connect host:8883 -servername host -showcerts </dev/null 2>/dev/null | grep -e 's:' -e 'i:'",
	},
	// The ESP8266's BearSSL client without its error code.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client", Own: true,
		Match:       []string{"bssl:couldn't connect", "bssl:could not connect"},
		Title:       "The ESP8266's BearSSL client (WiFiClientSecure) could not connect",
		Explanation: "The ESP8266 Arduino core's WiFiClientSecure (BearSSL) failed the handshake, and `Unknown error code` hides the step. Causes: no server check was chosen (since core 2.5.0 a client needs setTrustAnchors, setFingerprint or setInsecure, or every connection fails); the trust anchor or fingerprint no longer fits the server (a renewed certificate has a new fingerprint; a new root); the clock is not set (trust anchors need the time: NTP or setX509Time first); buffers too small for the server's records (setBufferSizes, with servers that ignore max fragment length); for mutual TLS, the client key was dropped: setInsecure or another server-check setter called after setClientRSACert clears it in some releases, so set the server check first.",
		Fix:         "Set the server check first, then the client certificate and key, and print BearSSL's own error (getLastSSLError) to see the step:\n  client.setTrustAnchors(&ca);\n  client.setClientRSACert(&chain, &key);\nthen compare the server's chain with the anchor or fingerprint the sketch holds:\n  openssl s_client -connect host:8883 -servername host -showcerts </dev/null",
		Confirm:     "openssl s_client -connect host:8883 -servername host -showcerts </dev/null",
	},
	// Java's PKIX check finding a signature its issuer's key does not verify.
	{
		ID: BadSignature, Kind: "client", Own: true,
		Match:       []string{"signature check failed"},
		Within:      []string{"certpathvalidatorexception", "pkix path validation failed"},
		Title:       "Java found a certificate whose signature its issuer's key does not verify (signature check failed)",
		Explanation: "Java's PKIX check found the issuer by name (in the trust store or the chain sent) and that issuer's key does not verify the certificate's signature: the trust store holds another CA of the same name (a CA regenerated with the same subject, a test and a production CA named alike, an old copy left in the store), the chain sent has an intermediate from another CA of that name, or a certificate was altered. A trust store the program does not load at all (a path to a file that is not there, with no error at start-up) leaves it with the JVM's defaults and gives other errors, so check which store is read.",
		Fix:         "Compare the issuer's key with the CA in the trust store: the certificate's Authority Key Identifier must be the CA's Subject Key Identifier:\n  openssl s_client -connect host:443 -servername host </dev/null \\\n    2>/dev/null | openssl x509 -noout -text | \\\n    grep -A1 'Authority Key'\n  keytool -list -v -keystore truststore.jks | \\\n    grep -e Owner -e 'KeyIdentifier' -A1\nthen put the CA that really issued the certificate in the store (and remove the other one of that name).",
		Confirm:     "openssl verify -CAfile ca.crt -untrusted chain.pem server.crt",
	},
	// n8n's advice after a certificate its node could not verify.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client", Own: true,
		Match:       []string{"consider using the 'ignore ssl issues' option"},
		Title:       "n8n could not verify the server's certificate (a node or credential test)",
		Explanation: "An n8n node (HTTP Request, a database or mail credential) connected over TLS and Node.js refused the server's certificate: a self-signed or private CA that n8n's process was not given (Node.js reads its own bundle, not the system's, and adds only NODE_EXTRA_CA_CERTS), a server that does not send its intermediate, a TLS-inspecting proxy, or a name the certificate does not carry (an IP address, localhost). With HTTPS_PROXY set to an https:// proxy, n8n releases before the fix checked the proxy's certificate against the target's name.",
		Fix:         "Give n8n's Node.js the CA (in Docker, mount it and set the variable in the container), then restart n8n:\n  NODE_EXTRA_CA_CERTS=/certs/ca.pem\nand see what the server sends:\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null\n'Ignore SSL issues' on the node turns the check off for that node only: use it to test, not to stay.",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | grep 'Verify return code'",
	},
	// Node.js given a directory where a certificate or key file belongs.
	{
		ID: CertLoadFailed, Kind: "client", Own: true,
		Match:       []string{"eisdir: illegal operation on a directory"},
		Title:       "A path given as a certificate or key file is a directory (EISDIR)",
		Explanation: "Node.js was asked to read a file and the path is a directory. With TLS settings it is most often a certificate or key setting left empty, so that only its directory remains (a prefix such as /ssl/ joined to an empty file name, when TLS is handled by a proxy in front and no file was given), a Docker volume mounted over a file path (Docker creates a directory when the host file does not exist), or a folder given where a file belongs.",
		Fix:         "See what the path is, then give the file itself (or leave the TLS settings out, when a proxy in front serves TLS):\n  ls -ld /ssl/ /ssl/fullchain.pem\n  docker inspect -f '{{json .Mounts}}' CONTAINER",
		Confirm:     "ls -ld /ssl/fullchain.pem",
	},
	// OpenSSL told to read PKCS#12 from a file that is not one.
	{
		ID: CertLoadFailed, Kind: "client", Own: true,
		Match:       []string{"type=pkcs12"},
		Within:      []string{"wrong tag", "nested asn1 error", "asn1 encoding routines"},
		Title:       "A file read as PKCS#12 is not PKCS#12 (a PEM certificate or key where a .p12 or .pfx belongs)",
		Explanation: "OpenSSL's DER decoder was told to read a PKCS#12 bundle (Type=PKCS12) and the bytes are not one: most often a PEM file (-----BEGIN CERTIFICATE-----) given to a setting that wants a .p12 or .pfx, or a program that picks the format by its settings and took the wrong branch (a release bug: Vector read its crt_file as PKCS#12 although a key_file was set); else a .p12 damaged in copying (left base64-encoded, or sent as text).",
		Fix:         "See what the file holds:\n  head -c 64 cert.pem | od -c | head -2\n  openssl pkcs12 -info -noout -in bundle.p12\nGive the setting the format it wants, or make a bundle from the PEM files:\n  openssl pkcs12 -export -in cert.pem -inkey key.pem -out bundle.p12",
		Confirm:     "openssl pkcs12 -info -noout -in bundle.p12",
	},
	// Azure Logic Apps' HTTP action with a client certificate.
	{
		ID: CertLoadFailed, Kind: "client", Side: "client", Own: true,
		Match:       []string{"please check the authentication certificate password is correct"},
		Title:       "Azure Logic Apps could not open the client certificate's PFX (HTTP action)",
		Explanation: "The HTTP action's Client Certificate authentication takes a base64-encoded PFX and its password, and the service could not read the private key from it: a wrong or missing password, a PFX without its private key (exported without it, or only the certificate), or a PFX whose encryption the service does not read; files exported by Windows' certificate manager or PowerShell have failed so, and the same key re-packed with OpenSSL loaded.",
		Fix:         "Re-pack the PFX with OpenSSL (with its key and a password), then paste its base64 form:\n  openssl pkcs12 -in cert.pfx -nodes -out all.pem\n  openssl pkcs12 -export -in all.pem -out fixed.pfx \\\n    -keypbe PBE-SHA1-3DES -certpbe PBE-SHA1-3DES -macalg sha1\n  base64 -w0 fixed.pfx",
		Confirm:     "openssl pkcs12 -info -noout -in fixed.pfx",
	},
	// Wazuh's (OSSEC's) authd failing to set up TLS at start-up.
	{
		ID: StartupFailed, Kind: "client", Side: "server", Own: true,
		Match:       []string{"ssl error. exiting", "unable to read certificate file (not found)", "unable to read private key file (not found)"},
		Within:      []string{"authd", "main-server.c"},
		Title:       "Wazuh's (OSSEC's) enrollment service authd could not set up TLS and exited",
		Explanation: "authd builds its TLS context at start-up from sslmanager.cert and sslmanager.key (in /var/ossec/etc) and the <ciphers> of the <auth> section of ossec.conf, and exits when one fails: a cipher list OpenSSL does not take (a typo, a name of another library), or a certificate and key that are missing (not generated at install, when the installer's openssl step failed there: then make them by hand), unreadable or not a pair.",
		Fix:         "Check the cipher list and the files:\n  grep -A12 '<auth>' /var/ossec/etc/ossec.conf\n  openssl ciphers 'HIGH:!ADH:!EXP:!MD5:!RC4:!3DES:!CAMELLIA:@STRENGTH'\n  ls -l /var/ossec/etc/sslmanager.cert /var/ossec/etc/sslmanager.key\nMake a certificate and key if they are missing:\n  openssl req -x509 -batch -nodes -days 365 -newkey rsa:2048 \\\n    -keyout /var/ossec/etc/sslmanager.key \\\n    -out /var/ossec/etc/sslmanager.cert",
		Confirm:     "ls -l /var/ossec/etc/sslmanager.cert /var/ossec/etc/sslmanager.key",
	},
	// Apple's push service refusing the sender's push certificate: lines
	// that name its hosts, and a push library's words for a handshake.
	{
		ID: ClientCertRejected, Kind: "client", Side: "client",
		Match: []string{"api.push.apple.com", "api.sandbox.push.apple.com", "api.development.push.apple.com", "gateway.push.apple.com", "gateway.sandbox.push.apple.com"},
		// the sender refusing APNs' certificate is the client's trust story
		Without: []string{"verify failed", "unknown authority", "local issuer", "pkix", "verification failed"},
		Title:   apnsTitle, Explanation: apnsExplanation, Fix: apnsFix, Confirm: apnsConfirm,
	},
	{
		ID: ClientCertRejected, Kind: "client", Side: "client",
		Match:  []string{"apns"},
		Within: []string{"remote error", "alert", "handshake", "closed", "eof", "unknownca", "expired certificate"},
		// a push server loading its own certificate is not a refusal
		Without: []string{"pem", "loading", "load push", "failed to load", "unable to load", "cannot load", "failed to parse", "unable to parse", "unable to read", "failed to read", "cannot read", "decode", "verify failed", "unknown authority", "local issuer", "pkix", "verification failed"},
		Title:   apnsTitle, Explanation: apnsExplanation, Fix: apnsFix, Confirm: apnsConfirm,
	},
	// A client checking the server's key-exchange signature.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client", Own: true,
		Match:       []string{"key_exchange:bad signature", "get_key_exchange:bad signature"},
		Title:       "The client could not verify the server's key-exchange signature (bad signature)",
		Explanation: "In a TLS 1.2 handshake with ECDHE or DHE the server signs its key exchange with its private key, and this client found that the signature does not verify with the public key in the server's certificate. It is the server's signature, not a client certificate: the server's key does not match the certificate it sends (a renewed certificate served with the old key by a server that does not check the pair), its key lives in a token or accelerator that signs wrongly, or this client's platform mishandles the signature scheme chosen (RSA-PSS on some platforms' OpenSSL builds, HP-UX among them). Where the platform is at fault, a cipher list without ECDHE and DHE (static RSA key exchange, which signs nothing) has been the workaround.",
		Fix:         "Check the server's key and certificate are a pair, and try the handshake with static RSA key exchange, which signs nothing (if it works, the signature is at fault):\n  openssl s_client -connect host:443 -servername host -tls1_2 \\\n    -cipher AES128-GCM-SHA256 </dev/null\n  openssl x509 -noout -pubkey -in server.crt | openssl sha256\n  openssl pkey -pubout -in server.key | openssl sha256",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null",
	},
	// apt's GnuTLS method told of an alert by the repository's server.
	{
		ID: TLSAlert, Kind: "client", Side: "client", Own: true,
		Match:       []string{"a tls fatal alert has been received"},
		Within:      []string{"[ip: "},
		Title:       "The repository's server ended apt's TLS handshake with an alert",
		Explanation: "apt's https method (on GnuTLS) connected to the repository and the server, or a proxy or CDN in front of it, refused the handshake with an alert this error does not name. apt sends no client certificate unless one is set (Acquire::https::SslCert), so the refusal is seldom about one: most often the repository's side is misconfigured (its proxy or CDN, a change of certificate or TLS settings; it fails for everyone, and it is fixed there), or this old system's GnuTLS shares no TLS version or cipher suite with the server, or the server has no certificate for the name asked (SNI).",
		Fix:         "See whether the server answers other clients, and with which version and cipher:\n  openssl s_client -connect repo.example.org:443 -servername repo.example.org </dev/null\n  gnutls-cli --print-cert repo.example.org </dev/null\nIf it fails for every client, it is the repository's to fix (tell its maintainers); if only this machine fails, update it (or its GnuTLS).",
		Confirm:     "gnutls-cli repo.example.org </dev/null",
	},
	// The ESP8266's BearSSL: a pinned fingerprint, and no server check.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client", Own: true,
		Match:       []string{"received cert fp doesn't match", "received cert fp does not match"},
		Title:       "The server's certificate no longer has the fingerprint the device pins (BearSSL)",
		Explanation: "The sketch pins the server's certificate by its SHA-1 fingerprint (setFingerprint), and the certificate the server sends now has another: it was renewed (Let's Encrypt every 60 to 90 days, cloud services on their own schedule) or another server answers for the name. A pinned fingerprint breaks at every renewal; BearSSL may report it as a chain that `could not be linked to a trust anchor`.",
		Fix:         "Read the current fingerprint and put it in the sketch, or better pin the CA with setTrustAnchors (with the clock set by NTP):\n  openssl s_client -connect host:443 -servername host </dev/null \\\n    2>/dev/null | openssl x509 -noout -fingerprint -sha1",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -fingerprint -sha1",
	},
	{
		ID: HandshakeFailed, Kind: "client", Side: "client", Own: true,
		Match:       []string{"no authentication method is setup", "no authentication method is set up"},
		Title:       "The ESP8266's BearSSL client has no way to check the server, so it will not connect",
		Explanation: "Since the ESP8266 Arduino core 2.5.0, WiFiClientSecure is BearSSL's and refuses to connect until the sketch says how to check the server: a trust anchor (setTrustAnchors), a fingerprint (setFingerprint), or none (setInsecure). Libraries written for the older axTLS client (WebSockets, MQTT and HTTP libraries' SSL begin calls) create the client without one, so every connection fails until the library is updated or given one.",
		Fix:         "Give the client a server check before it connects (a CA, with the clock set by NTP):\n  client.setTrustAnchors(&ca);\nor, in a library that makes its own client, update the library to a release that takes a CA or fingerprint.",
		Confirm:     "openssl s_client -connect host:443 -servername host -showcerts </dev/null",
	},
	// Teleport's agents probing the reverse-tunnel port over HTTPS.
	{
		ID: RoutineLine, Kind: "client", Side: "client", Own: true, Level: infoLevel,
		Match:       []string{"failed to ping web proxy"},
		Within:      []string{":3024"},
		Title:       "Teleport's agent probed the reverse-tunnel port over HTTPS: usually harmless",
		Explanation: "A Teleport agent tries each proxy address it knows as the web endpoint, and port 3024 is the reverse tunnel, which speaks SSH, not HTTPS, so that probe always fails with a not-TLS answer. When the agent joins through the web port (443 or 3080), the line is noise.",
		Fix:         "Nothing to fix if the agent joins; to quiet it, give the agent the proxy's web address (proxy_server: teleport.example.com:443) rather than the tunnel's.",
		Confirm:     "tctl nodes ls",
	},
	// Go's encoding/asn1 on a key in another form than it reads.
	{
		ID: KeyLoadFailed, Kind: "client", Own: true,
		Match:       []string{"asn1: structure error"},
		Within:      []string{"private key", "privatekey", ".key"},
		Title:       "The Go program could not parse the private key: it is not in the form it reads",
		Explanation: "Go's encoding/asn1 found another structure than the one the program parses a key as: a PKCS#8 key (BEGIN PRIVATE KEY, what openssl genpkey and openssl req -newkey write) given to a parser of PKCS#1 keys (BEGIN RSA PRIVATE KEY), or the reverse; an EC key where an RSA key is wanted; an encrypted key (BEGIN ENCRYPTED PRIVATE KEY, or Proc-Type: 4,ENCRYPTED) given to a program that does not decrypt it, or one it decrypts only in the other form; or a certificate or CSR in the key's place. The program's documentation (or its own command to make the key) says which form it takes.",
		Fix:         "See which form the key is in, then convert it to the one the program reads:\n  head -2 key.pem\n  openssl pkey -in key.pem -noout -text | head -1\n  openssl rsa -in key.pem -traditional -out key-pkcs1.pem\n  openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem",
		Confirm:     "openssl pkey -in key.pem -noout",
	},
	// A .p12 refused with the password given.
	{
		ID: BadPassphrase, Kind: "client", Own: true,
		Match:       []string{"pkcs12 data wrong password", "p12 wrong password", "pkcs12: decryption password incorrect"},
		Title:       "The .p12 (PKCS#12) file did not open with the password given",
		Explanation: "The reader computed the file's integrity check with the password it was given and it did not match. Besides a mistyped password: a .p12 exported with an empty password, which Apple's SecPKCS12Import (macOS and iOS, and the tools on it) refuses and reports as a wrong password; a .p12 written by OpenSSL 3 (AES-256 and PBKDF2) read by an older reader (older macOS and iOS, Windows before Server 2019, old Java and Android), which reports a wrong password too; or a password passed with quotes or a newline added by the script that passes it.",
		Fix:         "Check the password with OpenSSL, then re-export with a non-empty password, in the older encryption when an old reader needs it:\n  openssl pkcs12 -in cert.p12 -noout -info\n  openssl pkcs12 -in cert.p12 -nodes -out all.pem\n  openssl pkcs12 -export -legacy -in all.pem -out fixed.p12",
		Confirm:     "openssl pkcs12 -in cert.p12 -noout -info",
	},
	// Rocket (Rust) reading its TLS files.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server", Own: true,
		Match:       []string{"error while setting tls.certs", "error while setting tls.key"},
		Title:       "Rocket (a Rust web server, as in Vaultwarden) could not read its TLS certificate or key file",
		Explanation: "Rocket reads the files its tls.certs and tls.key settings name (ROCKET_TLS={certs=\"...\",key=\"...\"}) at start, and an I/O error there means the path cannot be read where the server runs: in a container, host paths that were never mounted into it (the setting must name the path inside the container), a relative path read from another working directory, or file permissions. The line after it gives the system's reason (No such file or directory, Permission denied).",
		Fix:         "See the files from inside the container, then mount their directory and name the paths as the container sees them:\n  docker exec CONTAINER ls -l /ssl/\n  docker run -v /etc/ssl/vw:/ssl:ro \\\n    -e ROCKET_TLS='{certs=\"/ssl/cert.pem\",key=\"/ssl/key.pem\"}' ...",
		Confirm:     "docker exec CONTAINER ls -l /ssl/",
	},
	// Java's simple validator (trust manager type "Simple", some
	// drivers' own) finding no CA for the chain.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"no trusted certificate found"},
		Title:       "The Java client found no trusted CA for the server's certificate (simple validator)",
		Explanation: "These are the words of Java's simple certificate validator (the SunX509 trust manager, which some drivers and older programs use in place of PKIX): no certificate in the chain the server sent is issued by a CA in the trust store the program uses. Causes: a private or self-signed CA not in that store, an intercepting proxy's CA, a server that does not send its intermediate, or a store that is not the one you think (a driver that builds its own, a JDK update that replaced cacerts, a store setting the program ignores); a driver release may also mishandle a new JDK's store, which its next release fixes.",
		Fix:         "See the chain the server sends and whether the JVM's store holds its CA, then import the CA into the store the program uses (or upgrade the driver if it began with a JDK update):\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null\n  keytool -importcert -alias myca -file ca.crt -keystore truststore.jks",
		Confirm:     "keytool -list -keystore truststore.jks",
	},
	// PostgreSQL's JDBC driver loading its sslrootcert.
	{
		ID: CertLoadFailed, Kind: "client", Side: "client",
		Match:       []string{"into a trustmanager failed", "could not open ssl root certificate file"},
		Title:       "PostgreSQL's JDBC driver could not load the root certificate it was given (sslrootcert)",
		Explanation: "pgjdbc reads the CA file named by sslrootcert (by default ~/.postgresql/root.crt) for sslmode=verify-ca and verify-full, and it could not open it or read certificates from it: the path does not exist where the program runs, or the file holds no certificate it can read (empty, a key, a certificate bundle with other text between its blocks, a file an application saved broken, such as an uploaded certificate stored still encoded).",
		Fix:         "Check that the file is a PEM or DER certificate where the driver runs, then point sslrootcert at it:\n  openssl x509 -noout -subject -in root.crt\n  jdbc:postgresql://db:5432/app?sslmode=verify-full&sslrootcert=/path/root.crt",
		Confirm:     "openssl x509 -noout -subject -in root.crt",
	},
	// LXD's client with no certificate yet.
	{
		ID: CertLoadFailed, Kind: "client", Side: "client",
		Match:       []string{"missing tls client certificate and key"},
		Title:       "The lxc client has no certificate of its own yet",
		Explanation: "lxc talks to a remote LXD over TLS with its own client certificate (client.crt and client.key in ~/.config/lxc, or ~/snap/lxd/common/config for the snap), made the first time it needs one. A command that needs it before it was made (adding a public remote first, in some releases), or a config directory without it (another user, sudo, a copied config), fails so.",
		Fix:         "See whether the files are there for the user running lxc; any command against a remote that needs them makes them (or update lxc):\n  ls -l ~/.config/lxc/ ~/snap/lxd/common/config/\n  lxc remote list",
		Confirm:     "ls -l ~/.config/lxc/client.crt",
	},
	// A program that pins its service's public keys.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"no valid public key found in certificate chain"},
		Title:       "The program pins its service's public keys, and the chain it received holds none of them",
		Explanation: "The client checks the server's chain against a list of public keys it carries (pinning) and found none of them. Most often a TLS-inspecting proxy, firewall or antivirus re-signs the connection with its own CA, which pinning refuses even when that CA is trusted on the machine; else the service moved to new keys that this release of the program does not know.",
		Fix:         "See who issued the certificate this machine receives; a proxy's CA means the service's host must be exempted from inspection (pinning cannot be satisfied by trusting the proxy), a public issuer means the program needs its update:\n  openssl s_client -connect host:443 -servername host </dev/null \\\n    2>/dev/null | grep -e 's:' -e 'i:'",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | grep -e 's:' -e 'i:'",
	},
	// rustls-native-certs ignoring an empty SSL_CERT_DIR or SSL_CERT_FILE.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"ignoring `ssl_cert_dir`: no certificates found", "ignoring `ssl_cert_file`: no certificates found", "ignoring ssl_cert_dir: no certificates found", "ignoring ssl_cert_file: no certificates found"},
		Title:       "SSL_CERT_DIR or SSL_CERT_FILE points where there are no certificates, and the program's trust comes from elsewhere",
		Explanation: "The program (on rustls-native-certs: uv, pixi, Zed, Codex and other Rust tools) found no certificate where the variable points and ignored it; it is a warning, and the failure that follows (UnknownIssuer) comes from what the variable does besides: set, it replaces the system's store for these programs, so a CA that is only in the system's store (a company's, a TLS-inspecting proxy's) is not used. Most often an environment's activation set it (a conda or pixi environment points it at the environment's own, empty, certificate folder), or a shell profile left it from another project.",
		Fix:         "See where the variables point, then unset them (or point them at a bundle that holds the CA you need):\n  env | grep -E 'SSL_CERT_(FILE|DIR)'\n  unset SSL_CERT_FILE SSL_CERT_DIR",
		Confirm:     "env | grep -E 'SSL_CERT_(FILE|DIR)'",
	},
	// Claude Code's words for a certificate it refused.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"unable to connect to api: ssl certificate verification failed"},
		Title:       "The AI coding CLI (Claude Code) does not trust the certificate its connection to the API got",
		Explanation: "The CLI's runtime (Node.js) checked the certificate of the API's host and refused it. On a company network it is most often a TLS-inspecting proxy (Zscaler, Netskope, a firewall) whose CA is in the system's store but not in the runtime's own bundle: NODE_EXTRA_CA_CERTS adds it. The other way round, NODE_OPTIONS=--use-system-ca makes the runtime trust the system's store only, which on a managed machine may hold the company's CAs without the public roots the API's own certificate needs.",
		Fix:         "See who issued the certificate this machine receives, give the runtime that CA, and check NODE_OPTIONS:\n  openssl s_client -connect api.anthropic.com:443 </dev/null 2>/dev/null | grep i:\n  export NODE_EXTRA_CA_CERTS=/path/to/company-ca.pem\n  env | grep NODE_OPTIONS",
		Confirm:     "env | grep -E 'NODE_OPTIONS|NODE_EXTRA_CA_CERTS'",
	},
	// Squid's ssl-bump port without a CA to sign with.
	{
		ID: StartupFailed, Kind: "client", Side: "server",
		Match:       []string{"no valid signing certificate configured for"},
		Title:       "Squid's ssl-bump port has no CA certificate it can sign with",
		Explanation: "A port with ssl-bump makes a certificate for every site it intercepts, signed by the CA that its tls-cert= (cert= before Squid 4) names, with that CA's key (tls-key=, or in the same file). Squid refused the one given: the file is not a CA certificate (a server's own certificate, CA:FALSE, no keyCertSign), its key is missing or does not match, or the file could not be read. A self-signed CA or one whose key usage allows only signing is right; if Squid refuses such a CA after an upgrade, the release's own check is at fault: try the next one.",
		Fix:         "Make a CA for ssl-bump (req -x509 with the default configuration makes a CA; the key goes in the same file), name it on the port (with generate-host-certificates=on before Squid 4), and check the configuration:\n  openssl req -x509 -newkey rsa:2048 -sha256 -days 365 -nodes \\\n    -subj '/CN=Squid CA' \\\n    -keyout /etc/squid/ca.pem -out /etc/squid/ca.pem\n  http_port 3128 ssl-bump tls-cert=/etc/squid/ca.pem\n  squid -k parse",
		Confirm:     "openssl x509 -noout -ext basicConstraints -in /etc/squid/ca.pem",
	},
	// lighttpd without its TLS module installed.
	{
		ID: StartupFailed, Kind: "client", Side: "server",
		Match:       []string{"mod_openssl.so", "mod_gnutls.so", "mod_mbedtls.so", "mod_wolfssl.so"},
		Within:      []string{"dlopen() failed", "cannot open shared object"},
		Title:       "lighttpd's TLS module is not installed",
		Explanation: "lighttpd.conf loads a TLS module (mod_openssl, or mod_gnutls, mod_mbedtls, mod_wolfssl) that is not on the system: distributions ship it as a package of its own (Debian 11 and later and Ubuntu: lighttpd-mod-openssl; Alpine: lighttpd-mod_openssl), which an upgrade of the base image or system does not pull in, so lighttpd stops at start.",
		Fix:         "Install the module's package, then start lighttpd again (in an image, add the package to its build):\n  apt-get install lighttpd-mod-openssl\n  lighttpd -tt -f /etc/lighttpd/lighttpd.conf",
		Confirm:     "ls /usr/lib/lighttpd/ | grep -i ssl",
	},
	// "Hostname verification failed" of JVM and other clients (Akka, Vert.x, Netty).
	{
		ID: ServerHostnameMismatch, Kind: "client", Side: "client",
		Match:       []string{"hostname verification failed", "doesn't match any of the certificate common name"},
		Title:       "The client's host name check refused the server's certificate",
		Explanation: "The client (Akka HTTP, Vert.x and Netty print hostname verification failed; setup scripts that check a certificate themselves print the other words) compared the host name it connected to with the names in the server's certificate (subjectAltName) and found no match. Four causes cover most cases: 1. the client connects by a name or IP address the certificate does not carry (localhost, an internal alias, a container's service name); 2. the server sends another certificate than expected (a default one, when no SNI is sent or the name is not configured on it); 3. a test keystore with a certificate for another name; 4. the certificate carries the name as a wildcard or in a form the checker of that release mishandles: a bug fixed in a later release.",
		Fix:         "See the names the server's certificate carries, then connect by one of them (or have the certificate reissued with the name the client uses):\n  openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null \\\n    | openssl x509 -noout -text | grep -A1 'Alternative Name'",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -subject",
	},
	// SwiftNIO SSL (Vapor, Hummingbird) failing to load its files.
	{
		ID: KeyLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"failedtoloadprivatekey", "failedtoloadcertificate"},
		Title:       "SwiftNIO SSL could not load the certificate or private key it was given",
		Explanation: "A Swift server or client on SwiftNIO SSL (Vapor, Hummingbird, gRPC Swift) could not read the file: a wrong path (relative to another working directory than expected), a file it may not read, or a format it did not expect. Given a path alone (.file), NIOSSL guesses the format from the file's extension: .pem is read as PEM, anything else (.key, .crt, .cer) as DER, so a PEM key named privkey.key fails to load.",
		Fix:         "Name the format yourself (or give the file a .pem name), and check the path as the server's user:\n  try NIOSSLPrivateKey(file: \"server.key\", format: .pem)\n  head -1 /etc/ssl/private/server.key",
		Confirm:     "openssl pkey -noout -in /etc/ssl/private/server.key",
	},
	// WebRTC refusing SDP without a DTLS fingerprint.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"sdp without dtls fingerprint"},
		Title:       "The WebRTC side refused a session description without a DTLS fingerprint",
		Explanation: "WebRTC requires DTLS-SRTP: every media section of the other side's offer or answer must carry a=fingerprint (the hash of its DTLS certificate) and an RTP/SAVPF profile. The SIP server or media gateway that wrote that SDP has DTLS-SRTP off for this peer, or rewrote the SDP to plain RTP: an Asterisk endpoint without dtlsenable and its DTLS certificate, a FreeSWITCH or Kamailio and rtpengine route that asks rtpengine for RTP/AVP (a script's transport check that no longer matches UDP/TLS/RTP/SAVPF after an upgrade).",
		Fix:         "Turn DTLS-SRTP on for the WebRTC peer on the server side (Asterisk: dtls_auto_generate_cert=yes, or dtlsenable=yes with dtlscertfile; rtpengine: offer and answer with UDP/TLS/RTP/SAVPF toward the browser), then look for a=fingerprint in the SDP the browser receives:\n  grep -c 'a=fingerprint' answer.sdp",
		Confirm:     "grep -c 'a=fingerprint' answer.sdp",
	},
	// An RSA signature failing its check inside a handshake (BoringSSL's words, gRPC).
	{
		ID: BadSignature, Kind: "client",
		Match:       []string{"block_type_is_not_01"},
		Within:      []string{"handshake failed", "ssl_error_ssl"},
		Title:       "A signature in the handshake did not verify: most often a CA given under the same name but with another key",
		Explanation: "Inside a handshake, an RSA signature check failed: the CA certificate this side trusts has the name of the one that signed the other side's certificate, but not its key. Most often a CA was made again (a development or test CA regenerated, a new cluster's root) and one side still has the old copy: the client's root CA file, or the server's certificate signed by the other CA of that name.",
		Fix:         "Compare the CA this side trusts with the issuer of the other side's certificate (the same name is not enough; the check must say OK), and copy the right CA across:\n  openssl verify -CAfile ca.pem server.crt",
		Confirm:     "openssl verify -CAfile ca.pem server.crt",
	},
	// freeDiameter (open5gs, OpenAirInterface, OMEC) checking its own certificate at start.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"local certificate chain '"},
		Within:      []string{"is invalid"},
		Title:       "freeDiameter refused its own certificate chain at start",
		Explanation: "freeDiameter (the Diameter stack of open5gs, OpenAirInterface's HSS and MME, OMEC) checks its own certificate (TLS_Cred) against its CA file (TLS_CA) with GnuTLS before it starts, and the check failed. Most often the certificate has expired: the make_certs scripts and example configurations of these projects make one valid for a year, so a test core stops starting a year after its install. Else it is not signed by a CA in TLS_CA, or the key given is not its own.",
		Fix:         "Check the certificate's dates and its chain against the CA file, then make new ones (the project's make_certs script) and restart:\n  openssl x509 -noout -subject -dates -in /usr/local/etc/oai/freeDiameter/hss.cert.pem\n  openssl verify -CAfile cacert.pem hss.cert.pem",
		Confirm:     "openssl verify -CAfile cacert.pem hss.cert.pem",
	},
	// wolfSSL loading a CA directory with one bad file in it.
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"unable to load ca directory", "load_ca_dir"},
		Title:       "wolfSSL reported its CA directory as not loaded",
		Explanation: "A program on wolfSSL (OpenSIPS's tls_wolfssl, and others) was given a directory of CA certificates (/etc/ssl/certs) and wolfSSL's load returned failure: it reports the whole directory as failed when one file in it cannot be used (an expired CA certificate, a file that is not a certificate), though the good ones were loaded. A directory of hashed links also holds names wolfSSL does not expect.",
		Fix:         "Give a single bundle file instead of the directory (tls_wolfssl: ca_list), or a directory holding only the CAs needed; see which certificates there have expired:\n  for f in /etc/ssl/certs/*.pem; do \\\n    openssl x509 -checkend 0 -noout -in \"$f\" >/dev/null || echo \"$f\"; done",
		Confirm:     "ls -l /etc/ssl/certs/ca-certificates.crt",
	},
	// rtpengine and other media relays when DTLS-SRTP never completed.
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"output wanted, but no crypto suite was negotiated"},
		Title:       "The media relay has no SRTP keys: DTLS-SRTP (or SDES) with the WebRTC peer never completed",
		Explanation: "rtpengine was told to send SRTP to this peer but holds no negotiated crypto suite: the DTLS handshake with the browser (which yields the SRTP keys) did not finish, or neither side offered SDES keys. Most often the DTLS handshake stalls: a regression in the OpenSSL the relay runs on after a distribution's update, a bug of the relay's release in its DTLS role, or UDP to the media port blocked; else the SDP rewrite asked for the wrong transport.",
		Fix:         "See whether DTLS finished (rtpengine logs its DTLS handshake with log-level 7), and if it began after an update, try the OpenSSL package or relay release before it, then the newest:\n  rtpengine --log-level=7 ...\n  rpm -q --last openssl | head -3",
		Confirm:     "rpm -q --last openssl | head -3",
	},
	// DTLS (WebRTC media, CAPWAP, VPNs) running out of retransmissions.
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"dtls1_check_timeout_num"},
		Title:       "A DTLS handshake (WebRTC media, a VPN over UDP) gave up: no answer after its retransmissions",
		Explanation: "DTLS runs over UDP and resends its handshake messages on a timer; after too many resends without an answer it fails. Three causes cover most cases: 1. the UDP packets do not arrive (a firewall, NAT or TURN setup, a media port range closed); 2. a large certificate chain split into fragments that a path with a small MTU drops; 3. a regression in the OpenSSL the program runs on (WebRTC gateways such as Janus failed so after distribution updates of OpenSSL 1.0.1): if it began with an update, try the package before it, then a fixed one.",
		Fix:         "See whether the packets pass (on the server, during a call), and what the last update of OpenSSL was:\n  tcpdump -ni any udp portrange 10000-20000\n  apt list --installed 2>/dev/null | grep -i libssl",
		Confirm:     "apt list --installed 2>/dev/null | grep -i libssl",
	},
	// ArcGIS Server / Portal given a CA certificate as its own.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"a root or intermediate certificate cannot be used as a web server's ssl certificate"},
		Title:       "ArcGIS refused a CA certificate as its web server certificate",
		Explanation: "ArcGIS Server (or Portal) was given a certificate that is a CA's (CA:TRUE: the root or intermediate that came with the signed certificate) in place of its own server certificate: the file imported holds the chain without the server's certificate and key, or the CA's certificate was picked from a bundle.",
		Fix:         "Import the server's own certificate with its private key and chain, as a PFX made from the CA's reply and the key of the request, then import the root and intermediate separately as trusted certificates:\n  openssl pkcs12 -export -inkey server.key -in server.crt -certfile chain.pem -out server.pfx",
		Confirm:     "openssl x509 -noout -subject -ext basicConstraints -in server.crt",
	},
	// SAP HANA's client without its trust store.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"ssl trust store cannot be found"},
		Title:       "The SAP HANA client cannot find the trust store it checks the server with",
		Explanation: "The HANA client (hana-client for Node and Python, hdbsql, ODBC, on CommonCryptoLib or OpenSSL) validates the server's certificate and looks for its trust store where sslTrustStore points, by default ~/.ssl/trust.pem; the file is not there. HANA Cloud's certificates chain to DigiCert's Global Root CA (G2 for newer ones).",
		Fix:         "Give the client the root CA of the server's certificate: download it, then point sslTrustStore at it (or put it at ~/.ssl/trust.pem):\n  sslTrustStore=/path/DigiCertGlobalRootCA.pem\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null",
		Confirm:     "ls -l ~/.ssl/trust.pem",
	},
	// Jetty 9.4 with sniRequired and a single certificate.
	{
		ID: StartupFailed, Kind: "client", Side: "server",
		Match:       []string{"no sni key managers when sni is required"},
		Title:       "Jetty requires SNI, but set up no SNI key manager for its key store",
		Explanation: "sniRequired=true makes Jetty refuse handshakes whose SNI matches no certificate, which it does through its SNI key manager; Jetty 9.4 sets that key manager up only when the key store holds several certificates or a wildcard one, so with a single certificate it fails at start (a bug of those releases).",
		Fix:         "Upgrade Jetty, or leave sniRequired off (the default) when the key store holds one certificate:\n  sslContextFactory.setSniRequired(false);\n  keytool -list -keystore keystore.jks",
		Confirm:     "keytool -list -keystore keystore.jks",
	},
	// Haskell's tls naming a host name mismatch.
	{
		ID: ServerHostnameMismatch, Kind: "client", Side: "client", Own: true,
		Match:       []string{"certificate rejected: [namemismatch"},
		Title:       "The Haskell client (tls) refused the server's certificate: it does not carry the name or address connected to",
		Explanation: "Haskell's tls package (http-client-tls, SimpleX's agent, stack, cabal) checked the server's certificate for the host name or IP address it connected to and did not find it (NameMismatch): the server's certificate was made for another name or address (a server set up under one address, then reached by another), or the client connects by an IP address the certificate lacks.",
		Fix:         "See the names the certificate carries, then connect by one of them, or make the server's certificate again with the address the clients use:\n  openssl s_client -connect host:443 </dev/null 2>/dev/null \\\n    | openssl x509 -noout -text | grep -A1 'Alternative Name'",
		Confirm:     "openssl s_client -connect host:443 </dev/null 2>/dev/null | openssl x509 -noout -subject",
	},
	// Common Lisp's cl+ssl (dexador, drakma) refusing a certificate.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"cl+ssl:ssl-error-verify"},
		Title:       "The Common Lisp client (cl+ssl) refused the server's certificate",
		Explanation: "cl+ssl (under dexador, drakma) checked the server's certificate with OpenSSL's default CA locations and refused it. Most often the chain leads to a CA that is not there: a TLS-intercepting proxy's (Zscaler, Netskope) or a company's own CA, or a Lisp image on a machine whose OpenSSL looks elsewhere (macOS, Windows).",
		Fix:         "See who issued the certificate this machine receives, then give cl+ssl that CA (dexador: the :ca-path argument; or (cl+ssl:ssl-load-global-verify-locations \"ca.pem\")):\n  openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | grep -e 's:' -e 'i:'",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | grep i:",
	},
	// Ktor's own TLS client and a server asking for a client certificate.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"unsupported tls handshake type certificaterequest"},
		Title:       "Ktor's own TLS client cannot answer a server that asks for a client certificate",
		Explanation: "The server sent a CertificateRequest (it asks for, or only allows, a client certificate: IRC networks, brokers and APIs do so for optional authentication), and the raw-socket TLS client of ktor-network-tls (Ktor's CIO engine of those releases) did not implement that message, so it aborted.",
		Fix:         "Use a Ktor engine on the JVM's TLS (OkHttp, Apache, Java) or a Ktor release whose TLS client answers CertificateRequest; see the request:\n  openssl s_client -connect host:6697 </dev/null 2>/dev/null | grep -A3 'Acceptable client certificate CA names'",
		Confirm:     "openssl s_client -connect host:6697 </dev/null 2>/dev/null | grep -i 'client certificate'",
	},
	// Nim programs built without TLS, or on an OpenSSL the wrapper predates.
	{
		ID: StartupFailed, Kind: "client", Side: "client",
		Match:       []string{"compile with -d:ssl to enable"},
		Title:       "The Nim program was built without TLS (-d:ssl)",
		Explanation: "Nim's httpclient and net modules include TLS only when the program is compiled with -d:ssl; this binary was built without it (a release build whose flags lost it), so it refuses every https:// URL.",
		Fix:         "Build it again with TLS, and keep the flag in the release's build command (or config.nims):\n  nim c -d:release -d:ssl app.nim",
		Confirm:     "nim c -d:ssl app.nim",
	},
	{
		ID: StartupFailed, Kind: "client", Side: "client",
		Match:       []string{"could not import: ssl_", "could not import: x509_", "could not import: err_", "could not import: evp_"},
		Title:       "The Nim program's OpenSSL wrapper needs a function the system's OpenSSL does not export",
		Explanation: "Nim loads OpenSSL at run time and imports its functions by name; a wrapper of an older Nim release asks for functions OpenSSL 3 no longer exports (SSL_get_peer_certificate became SSL_get1_peer_certificate), so on a system with only OpenSSL 3 every TLS use fails: nimble itself, and any program built with -d:ssl.",
		Fix:         "Build with a current Nim release (its wrapper knows OpenSSL 3), or install the OpenSSL 1.1 libraries beside 3 for the old binary:\n  nim --version\n  ls /usr/lib/x86_64-linux-gnu/ | grep -E 'libssl\\.so'",
		Confirm:     "nim --version",
	},
	// Snowflake's connectors checking revocation themselves.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"the certificate is revoked or could not be validated"},
		Title:       "The Snowflake connector could not validate a certificate (254007): its own revocation check or its trust failed",
		Explanation: "Snowflake's connectors (Python, JDBC, ODBC, Go, and the tools on them: dbt, Airflow, Meltano) check each certificate of the chain themselves, with OCSP, against the CAs of their bundle (certifi for Python). Four causes cover most cases: 1. the CA bundle changed under the connector: certifi 2025.4.26 dropped a root that the chains of Snowflake's AWS endpoints (their S3 stages included) still used, fixed by pinning certifi below it or upgrading the connector; 2. a TLS-intercepting proxy re-signs the traffic, and its certificates have no OCSP answer; 3. the OCSP responders or the cache server cannot be reached through the firewall; 4. the clock is wrong.",
		Fix:         "See the versions under the connector, pin or upgrade them, and check the chain the machine receives:\n  pip show certifi snowflake-connector-python\n  pip install 'certifi<2025.4.26'\n  openssl s_client -connect ACCOUNT.snowflakecomputing.com:443 </dev/null 2>/dev/null | grep i:",
		Confirm:     "pip show certifi snowflake-connector-python",
	},
	// pjproject (Asterisk's PJSIP) with no CA list configured.
	{
		ID: RoutineLine, Kind: "client", Side: "server",
		Match:       []string{"error reading ca certificates from buffer"},
		Title:       "pjproject logs an empty CA buffer: harmless when TLS works",
		Explanation: "pjproject's OpenSSL code (Asterisk's res_pjsip TLS transport, baresip) logs this when a transport has no CA certificates given as a buffer, which is the case whenever the CA comes from ca_list_file or ca_list_path, or none is set; releases of pjproject log it at error level although nothing failed. It matters only when the transport must check its peers (verify_client, verify_server) and no CA list is set.",
		Fix:         "If calls over TLS work, nothing: the line is noise of that pjproject release. If the transport checks its peers, give it the CA list:\n  ca_list_file=/etc/asterisk/keys/ca.crt",
		Confirm:     "asterisk -rx 'pjsip show transports'",
	},
	// A Go program's own check of its peer's certificate (VerifyPeerCertificate).
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"verifypeercertificate failed", "verifypeercertificate returned"},
		Title:       "The program's own check of its peer's certificate failed (Go's VerifyPeerCertificate)",
		Explanation: "Besides (or instead of) the standard chain check, the program verifies the other side's certificate with code of its own (a Go VerifyPeerCertificate or VerifyConnection callback: most often a server judging client certificates), and that code failed; the error after these words is the program's. Often the check looks something up (a database, an on-chain record, an API, a revocation list) and the look-up itself failed, so valid certificates are refused while it is down; else the certificate fails the program's own rules (revoked there, unknown, another owner). The other side sees only a closed connection or a bad_certificate alert.",
		Fix:         "Read the error the callback returned (it names the look-up or the rule), and check the service it depends on from the same host; then retry the client:\n  curl -v --cert client.crt --key client.key https://host:8443/",
		Confirm:     "curl -v --cert client.crt --key client.key https://host:8443/",
	},
	// iPXE asked for a client certificate it does not have.
	{
		ID: NoClientCert, Kind: "client", Side: "client",
		Match:       []string{"could not find certificate corresponding to private key"},
		Title:       "iPXE was asked for a client certificate and has none built in",
		Explanation: "The HTTPS server sent a CertificateRequest (nginx with ssl_verify_client optional or on, IIS or Apache asking for client certificates), and iPXE, built without a client certificate and key (CERT= and PRIVKEY=), found none to send. The protocol lets a client answer with no certificate, and a server with an optional check then goes on; iPXE releases before its 2025 fix abort the handshake instead, and the chain command fails (Operation not permitted).",
		Fix:         "Stop asking for a certificate where iPXE fetches (ssl_verify_client off in that server or port), or build iPXE with a client certificate, or a release that answers with none:\n  make bin/ipxe.efi CERT=client.crt PRIVKEY=client.key TRUST=ca.crt",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | grep -A3 'Acceptable client certificate CA names'",
	},
	// RAUC (and other CMS verifiers) checking an update bundle's signature.
	{
		ID: VerifyError, Kind: "client", Side: "client",
		Match:       []string{"signature verification failed: verify error"},
		Title:       "The update bundle's signature did not verify against the device's keyring (RAUC)",
		Explanation: "RAUC checks the bundle's CMS signature and the signing certificate's chain against the keyring set in system.conf (keyring path=), with OpenSSL's verify; the error after these words is OpenSSL's verdict. unable to get local issuer certificate: the keyring does not hold the CA the signing certificate chains to (a signing certificate from another PKI, or an intermediate without the root above it); certificate has expired, or is not yet valid: the keyring's CA or the signing certificate is outside its dates by the device's clock (a keyring past its end; a device without a real-time clock or time sync, behind a certificate made that day); unsuitable certificate purpose: the signing certificate's extendedKeyUsage does not allow S/MIME signing, which OpenSSL's CMS check asks for by default (codeSigning alone fails; RAUC 1.5 and later take check-purpose=codesign).",
		Fix:         "Check the signing certificate against the keyring as the device does, with the same purpose:\n  openssl verify -CAfile keyring.pem -purpose smimesign signing.crt\nthen give the device a keyring holding the signing chain's root, or sign with a certificate the keyring's CA issued with the right purpose.",
		Confirm:     "openssl verify -CAfile keyring.pem -purpose smimesign signing.crt",
	},
	// The Mender client without a custom server certificate.
	{
		ID: RoutineLine, Kind: "client", Side: "client",
		Match:       []string{"failed to load the server certificate. err ssl errors"},
		Title:       "The Mender client logs a server certificate it was not given: harmless when it connects",
		Explanation: "Without a custom server certificate (ServerCertificate in mender.conf), releases of the Mender client still ask OpenSSL to load one from no file, which always fails and logs this, while the client goes on with the system's CAs. It matters only when the server's certificate is from a private CA, which then needs ServerCertificate.",
		Fix:         "If the client connects and updates, nothing: a later release stops logging it. With a private CA, name it in mender.conf and restart the client:\n  \"ServerCertificate\": \"/etc/mender/server.crt\"",
		Confirm:     "grep -i servercertificate /etc/mender/mender.conf",
	},
	// ArcGIS Portal validating another portal's or server's certificate.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"needs to be trusted by portal"},
		Title:       "Portal for ArcGIS does not trust the CA of the other portal's or server's certificate",
		Explanation: "Portal for ArcGIS checks the certificate of a site it connects to (another portal it collaborates with, a federated ArcGIS Server, a web adaptor) against its own list of trusted certificates, not the operating system's; the CA that issued that certificate (or the self-signed certificate itself) is not in it.",
		Fix:         "Export the other site's root and intermediate CA certificates (or its self-signed certificate), import them into this portal (Portal Administrator Directory: Security > SSL Certificates > Import Root or Intermediate), restart the portal, and do the same the other way for a two-way collaboration:\n  openssl s_client -connect other.example.com:443 -showcerts </dev/null",
		Confirm:     "openssl s_client -connect other.example.com:443 -showcerts </dev/null",
	},
	// "SSL handshake failed" and nothing more: Qt's network stack (QGIS,
	// Nextcloud and ownCloud's desktop clients, KDE) and programs like it.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client", Fallback: true,
		Match:       []string{"ssl handshake failed"},
		Without:     []string{"javax.net.ssl", "system.net.", "system.security.authentication"},
		Title:       "The client's TLS handshake failed, and it says no more (SSL handshake failed)",
		Explanation: "Programs on Qt's network stack (QGIS and QField, the Nextcloud and ownCloud desktop clients, KDE applications) and others print only these words for any failed handshake. Four causes cover most cases: 1. the program does not trust the server's certificate (a self-signed certificate or a private CA, a root the system's store lacks such as CAcert's, a missing intermediate, a TLS-inspecting proxy): Qt checks against the system's store, and a browser that works may have been told to trust it by hand; 2. it began with an upgrade of the system's OpenSSL (to 3): the server still needs what OpenSSL 3 refuses by default (TLS 1.0 or 1.1, SHA-1 signatures, legacy renegotiation, a small DH group), or the program finds no OpenSSL it can load (a Qt 5 build for OpenSSL 1.1 on a system with 3 only); 3. no TLS version or cipher in common: an old server, or on macOS a build whose Qt uses Apple's Secure Transport (no OpenSSL bundled), which has no TLS 1.3, against a server that takes TLS 1.3 only; 4. the server asked for a client certificate the program did not send.",
		Fix:         "Connect as the program does and read the verify result and the version agreed:\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null\nA verify error: give the system's store the server's CA (or serve the full chain). A handshake that fails only with OpenSSL 3: try it with -legacy_renegotiation or @SECLEVEL=0 to see which, then fix the server, or allow it in the program's OpenSSL configuration.",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | grep -e 'Verify return code' -e 'Protocol'",
	},
	// The *arr applications (Sonarr, Radarr, Lidarr, Prowlarr, Readarr)
	// checking the certificates of the services they call.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"x509certificatevalidationservice", "x509certificatevalidationpolicy"},
		Without:     []string{"obsolete md5 hash"},
		Title:       "Sonarr, Radarr or another *arr application refused the certificate of a service it calls",
		Explanation: "Sonarr, Radarr, Lidarr, Prowlarr and Readarr (version 3 and later) check the certificate of every HTTPS service they call: download clients (SABnzbd, NZBGet, qBittorrent), indexers and each other. RemoteCertificateChainErrors: the certificate is self-signed (SABnzbd and others make their own) or from a CA the system store (the container's, for an image) does not hold; RemoteCertificateNameMismatch: it is not for the name or address in the setting (an IP address, localhost).",
		Fix:         "For services on your own network, set Settings > General > Security > Certificate Validation to Disabled for Local Addresses; else give the service a certificate from a CA the system trusts, or add its CA to the store the application runs with:\n  cp ca.crt /usr/local/share/ca-certificates/\n  update-ca-certificates\nor connect to the local service over http:// on its plain port.",
		Confirm:     "openssl s_client -connect 127.0.0.1:9090 </dev/null 2>/dev/null | openssl x509 -noout -subject -issuer",
	},
	{
		ID: WeakSignature, Kind: "client", Side: "client",
		Match:       []string{"uses the obsolete md5 hash in"},
		Title:       "The service's HTTPS certificate is signed with MD5, which the calling application refuses",
		Explanation: "The application (Sonarr, Radarr and the other *arr applications say it in these words) checked the certificate of a service it calls and found it signed with MD5, which no TLS client accepts any more. Such certificates are most often one a program made for itself years ago (an old SABnzbd's or NZBGet's self-signed certificate) and kept since.",
		Fix:         "Make the service a new certificate signed with SHA-256: in SABnzbd, delete its https certificate and key (admin/server.cert and server.key) and restart it, which makes new ones; for a certificate of your own:\n  openssl req -x509 -newkey rsa:2048 -sha256 -days 825 -nodes -keyout server.key -out server.crt -subj /CN=host",
		Confirm:     "openssl s_client -connect 127.0.0.1:9090 </dev/null 2>/dev/null | openssl x509 -noout -text | grep 'Signature Algorithm'",
	},
	// SABnzbd's web server could not load its certificate or key.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"disabled https because of invalid cert and key files"},
		Title:       "SABnzbd could not load its HTTPS certificate or key, and serves plain HTTP",
		Explanation: "SABnzbd reads the files set in its HTTPS Certificate and HTTPS Key settings when it starts, and serves HTTP instead when either fails. The causes that cover most cases: the key is not readable by the user SABnzbd runs as (a Let's Encrypt privkey.pem is mode 600 and owned by root, and a renewal resets it); a path that does not exist in its container; a key that does not match the certificate; a file that is not PEM.",
		Fix:         "Read the error logged just before this line (Permission denied, or a PEM error), and check that the SABnzbd user can read both files and that they belong together:\n  sudo -u sabnzbd head -c 0 /etc/letsencrypt/live/host/privkey.pem\n  openssl x509 -noout -pubkey -in cert.pem | sha256sum; openssl pkey -pubout -in privkey.pem | sha256sum\nGive its user read access that outlives renewals (a group, or a deploy hook that copies the files), then restart SABnzbd.",
		Confirm:     "sudo -u sabnzbd head -c 0 /etc/letsencrypt/live/host/privkey.pem",
	},
	// Mono's old TLS stack (Sonarr v2, Radarr v0.2, Jackett, Duplicati and
	// other .NET programs on Mono).
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"sendfailure (error writing headers)"},
		Title:       "Mono could not set up the HTTPS connection (SendFailure): most often its TLS stack lacks TLS 1.2",
		Explanation: "A .NET program on Mono (Sonarr v2, Radarr's first releases, Jackett, Duplicati) failed while sending the request, which on HTTPS means the TLS handshake failed. Mono before 4.8 has only its own legacy TLS code, without TLS 1.2, which GitHub and most sites have required since 2018; Mono 4.8 to 5.0 needs MONO_TLS_PROVIDER=btls for it. Mono also checks certificates against its own store, which is empty until cert-sync (or mozroots) fills it, and an empty store fails here or with TrustFailure.",
		Fix:         "Update Mono to a current 6.x release (the mono-project.com packages, not an old distribution's), and fill its certificate store from the system's:\n  mono --version\n  cert-sync /etc/ssl/certs/ca-certificates.crt\nOn Mono 4.8 to 5.0, start the program with the BoringSSL provider:\n  MONO_TLS_PROVIDER=btls mono Radarr.exe",
		Confirm:     "mono --version",
	},
	// The ESP32 Arduino core's WiFiClientSecure refusing to start.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"start_ssl_client: -1"},
		Title:       "The ESP32's WiFiClientSecure did not start TLS (start_ssl_client: -1)",
		Explanation: "The Arduino core for the ESP32 returns -1 from start_ssl_client before any TLS is spoken. Two causes cover most cases: since core 1.0.5 (PlatformIO espressif32 3.1) a WiFiClientSecure given no CA certificate, fingerprint or pre-shared key refuses to connect rather than connect unchecked, where earlier cores did; or the TCP connection itself failed (a host name that does not resolve, a port nothing listens on, no route: the line before it names the socket's errno).",
		Fix:         "Give the client the CA certificate of the server's chain (its root, in PEM), or, for a test only, no check:\n  client.setCACert(root_ca);\n  client.setInsecure();\nand see that the host and port answer from another machine:\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null",
		Confirm:     "openssl s_client -connect host:443 -servername host -showcerts </dev/null",
	},
	// Tomcat's answer to plain HTTP on its TLS connector.
	{
		ID: PlainHTTP, Kind: "client", Side: "server",
		Match:       []string{"this combination of host and port requires tls"},
		Title:       "A client sent plain HTTP to Tomcat's (or Spring Boot's) HTTPS port",
		Explanation: "Tomcat answers 400 with these words when a request arrives in plain text on a connector with SSLEnabled (Spring Boot's embedded Tomcat with server.ssl.enabled): the client used http:// for an https port, or a reverse proxy forwards to it over HTTP (nginx's proxy_pass http://backend:8443, a load balancer's HTTP health check or target group).",
		Fix:         "Use https:// for this port in the client, or make the proxy speak TLS to it:\n  proxy_pass https://geoserver:8443;\nor give the backend a plain HTTP connector for the proxy, on another port.",
		Confirm:     "curl -vk https://host:8443/",
	},
	// libcurl before 7.62 (2018): code 51 was the name check.
	{
		ID: ServerHostnameMismatch, Kind: "client", Side: "client",
		Match:       []string{"ssh remote key was not ok(51)", "ssh remote key was not ok (51)", "ssh remote key was not ok, code 51"},
		Title:       "libcurl before 7.62: the server's certificate is not for the name or address used (error 51)",
		Explanation: "Before curl 7.62 (2018), libcurl gave these words the number 51 (then CURLE_PEER_FAILED_VERIFICATION) for a certificate that did not carry the host name or IP address of the URL, or did not match a pinned key; a CA failure was 60. A program on such a libcurl (an old Kodi, PHP or distribution) reached the server by an address or another name than its certificate's: a LAN IP for a server whose certificate is for a public name (Plex's *.plex.direct), a short name, a proxy's name.",
		Fix:         "Connect with a name the certificate carries, or reissue it with the name or address used in its subjectAltName; see the names it has:\n  openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -text | grep -A1 'Subject Alternative Name'",
		Confirm:     sanConfirm,
	},
	// Ruby's OpenSSL: the connection reset during the handshake.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"econnreset: connection reset by peer - ssl_connect", "connection reset by peer - ssl_connect"},
		Title:       "The connection was reset during the TLS handshake (Ruby's SSL_connect)",
		Explanation: "Ruby's OpenSSL sent its hello and the connection was reset before the server answered: no certificate was judged. Something on the way refused the connection: a national or corporate firewall that blocks the host (rubygems.org from mainland China, where a mirror is the way), a proxy the client should have gone through (HTTPS_PROXY unset), or a server that resets clients offering only old TLS versions (an old Ruby or OpenSSL) or no server name (SNI).",
		Fix:         "Try the same host from the same machine, with and without the proxy; a reset there too is the network's:\n  openssl s_client -connect rubygems.org:443 -servername rubygems.org </dev/null\nUse a mirror or the proxy where the network blocks it (gem sources --add https://mirror.example/ --remove https://rubygems.org/), and upgrade an old Ruby whose OpenSSL offers only TLS 1.0.",
		Confirm:     "openssl s_client -connect rubygems.org:443 -servername rubygems.org </dev/null",
	},
	// Mono without a TLS provider.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"tls support not available"},
		Title:       "Mono has no usable TLS provider for this program (TLS Support not available)",
		Explanation: "A .NET program on Mono (Sonarr v2, Radarr's first releases, Jackett, Duplicati) asked Mono for a TLS connection and Mono had no TLS provider to give: the program's release bundles or selects a provider this Mono lacks (a regression of that release: Sonarr 2.0.0.4919 broke HTTPS so, fixed in the next), or this Mono is too old for TLS 1.2 (before 4.8) or built without its BoringSSL provider (btls).",
		Fix:         "If it began with an update of the program, take its next release (or the one before); else update Mono to a current 6.x release from mono-project.com and fill its certificate store:\n  mono --version\n  cert-sync /etc/ssl/certs/ca-certificates.crt",
		Confirm:     "mono --version",
	},
	// .NET Core refusing a program's way of loading its certificate.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"x509certificate is immutable on this platform"},
		Title:       "The program loads its certificate in a way .NET Core refuses (X509Certificate is immutable)",
		Explanation: "The program, written for .NET Framework or Mono, loads its HTTPS certificate (a PFX file) by creating an empty X509Certificate2 and calling Import on it, which .NET Core and .NET 5 and later do not support: certificates there are made by a constructor. It is the program's code, not the PFX file or its password: the same file loads elsewhere.",
		Fix:         "Take the program's release that fixes it (its issue tracker names the error), or until then serve HTTPS from a reverse proxy in front of it, with the certificate there; check that the PFX itself opens:\n  openssl pkcs12 -info -noout -in cert.pfx",
		Confirm:     "openssl pkcs12 -info -noout -in cert.pfx",
	},
	// CircuitPython's and MicroPython's ssl module.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"oserror: failed ssl handshake"},
		Title:       "A CircuitPython or MicroPython board's TLS handshake failed",
		Explanation: "The board's ssl module (mbedTLS under CircuitPython's and ESP32 ports) gives these words for any failed handshake. Four causes cover most cases: 1. the server's chain does not lead to a root the firmware carries (CircuitPython and ESP-IDF build in a bundle of public roots; a private CA must be loaded with load_verify_locations); 2. a certificate in the chain is signed with a hash or key the firmware's mbedTLS profile refuses (a port's bug kept some refusing what they should take: an update of the firmware fixes it); 3. the board's clock is not set (no RTC or NTP), so every certificate looks not yet valid; 4. no memory for the chain, or no server name sent (SNI) to a server that needs one (server_hostname).",
		Fix:         "Update the board's firmware first, then see the server's chain and root from a computer, and give the board that root if it is not a public one:\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null\n  context.load_verify_locations(cadata=root_pem)",
		Confirm:     "openssl s_client -connect host:443 -servername host -showcerts </dev/null",
	},
	// Java (JSSE) aborting on the server's warning about the name it sent.
	{
		ID: TLSAlert, Kind: "client", Side: "client",
		Match:       []string{"handshake alert: unrecognized_name", "handshake alert:  unrecognized_name"},
		Title:       "Java aborted on the server's unrecognized_name warning (SNI)",
		Explanation: "The server does not know the host name Java sent in SNI (a shared host or an Apache without a virtual host, or ServerName, for that name) and says so with a warning-level unrecognized_name alert, which browsers and other clients ignore; Java 7 and later treat it as fatal and fail the handshake (SSLProtocolException). Java 8u131 and later carry on where a fallback without SNI is possible; a program that keeps a list of hosts to contact without SNI fails again when a release stops applying that list.",
		Fix:         "On the server, give the name its virtual host (Apache: ServerName or ServerAlias in the TLS virtual host); from the client's side, turn SNI off for that program, or for that host in the program's own setting:\n  java -Djsse.enableSNIExtension=false -jar app.jar\nSee what the server answers to the name:\n  openssl s_client -connect host:443 -servername host </dev/null",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null",
	},
	// Perl's IO::Socket::SSL warning a program that sets no verify mode.
	{
		ID: RoutineLine, Kind: "client", Side: "client",
		Match:       []string{"using the default of ssl_verify_mode of ssl_verify_none for client"},
		Title:       "IO::Socket::SSL warns that a Perl program connects without checking certificates (no failure)",
		Explanation: "Perl's IO::Socket::SSL prints this deprecation warning when a program opens a TLS client connection without saying SSL_verify_mode: it then takes SSL_VERIFY_NONE, so the connection works, and the server's certificate is not checked at all. Nothing failed; the program (Logitech Media Server's plugins, old CPAN modules) should set the mode itself, and a release of it that does stops the warning.",
		Fix:         "Nothing to fix for the connection. Update the program, or in code you own set the mode and the CAs:\n  SSL_verify_mode => SSL_VERIFY_PEER,\n  SSL_ca_file => '/etc/ssl/certs/ca-certificates.crt',",
		Confirm:     "perl -MIO::Socket::SSL -e 'print $IO::Socket::SSL::VERSION, \"\\n\"'",
	},
	// node's mysql and mysql2 asked for TLS by a server without it.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"server does not support secure connnection", "server does not support secure connection"},
		Title:       "The MySQL client asked for TLS, and the server has none",
		Explanation: "Node's mysql and mysql2 drivers (and programs on them: n8n, Strapi, Budibase) were given an ssl option, and the MySQL or MariaDB server answered its greeting without TLS support (have_ssl is DISABLED: no certificate configured, or TLS switched off), so the driver stops rather than go on in plain text. A program that turns ssl on by itself, whatever its connection's setting says, fails so against such a server (a release bug of the program).",
		Fix:         "Turn TLS on in the server (ssl_cert, ssl_key and ssl_ca in my.cnf, then restart), or leave the client's ssl option unset for a server on a trusted network; see what the server offers:\n  mysql -h db.example.com -u app -p -e \"SHOW VARIABLES LIKE '%ssl%'\"",
		Confirm:     "mysql -h db.example.com -u app -p -e \"SHOW VARIABLES LIKE 'have_ssl'\"",
	},
	// A certificate or CA path that is a directory.
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"ioexception: is a directory", "error: is a directory", "read: is a directory", ": is a directory", "(is a directory)", "eisdir: illegal operation on a directory"},
		Within:      []string{"cert", "key", "pem", "tls", "ssl", "trust", "ca.", "cafile", "ca_file", "ca file", "/ca"},
		Title:       "A certificate, key or CA setting names a directory where a file is read",
		Explanation: "The program opened the path of a certificate, key or CA setting and found a directory. Two causes cover most cases: 1. Docker or Kubernetes made it one: a bind mount whose source file did not exist on the host when the container started creates an empty directory there (and at the path inside), and a secret or ConfigMap mounted at a path makes a directory of its keys; 2. the setting takes one file, and was given the folder of CAs (a release that reads only single files where an older one read a directory, Java's KeyUtil among them, fails so).",
		Fix:         "See what the path is where the program runs; mount the file itself (with its full host path, created first), or a secret's key with subPath, and name a file where a file is taken:\n  ls -ld /path/to/ca.crt\n  docker run -v /srv/certs/ca.crt:/etc/app/ca.crt:ro IMAGE",
		Confirm:     "ls -ld /path/to/ca.crt",
	},
	// Wazuh's enrolment service logging an agent's abort.
	{
		ID: HandshakeFailed, Kind: "client", Side: "server",
		Match:       []string{"wazuh-authd: error: ssl error (-1)", "ossec-authd: error: ssl error (-1)"},
		Title:       "Wazuh's enrolment service saw an agent abort the TLS handshake",
		Explanation: "wazuh-authd logs only this when the agent's side of the enrolment handshake fails. Since Wazuh 4.3.5 an agent set to verify the manager (a manager CA given to agent-auth, or <server_ca_path> in its enrolment block) aborts when the manager's certificate (sslmanager.cert) does not chain to that CA or lacks the name the agent used; an agent that must present its own certificate (authd's ssl_verify_host, or a required agent CA) and presents none, or another CA's, fails so too. The agent's own log names which.",
		Fix:         "Read the agent's log (ossec.log) for its error, then give the agent the CA that signed the manager's certificate, or give the manager a certificate from the CA the agent has:\n  openssl s_client -connect manager.example.com:1515 -CAfile rootCA.pem </dev/null 2>/dev/null | grep 'Verify return code'",
		Confirm:     "openssl s_client -connect manager.example.com:1515 -CAfile rootCA.pem </dev/null",
	},
	// Appwrite's certificates worker without its contact address.
	{
		ID: StartupFailed, Kind: "client", Side: "server",
		Match:       []string{"_app_email_certificates"},
		Title:       "Appwrite did not request or renew its Let's Encrypt certificate: no security email is set",
		Explanation: "Appwrite's certificates worker asks Let's Encrypt for the certificate of its domains only with a contact address, _APP_EMAIL_CERTIFICATES (older releases: _APP_SYSTEM_SECURITY_EMAIL_ADDRESS); without one it gives up at each attempt, and the certificate served expires (browsers then say ERR_CERT_DATE_INVALID).",
		Fix:         "Set the address in Appwrite's .env and recreate the containers, then let the worker retry:\n  _APP_EMAIL_CERTIFICATES=admin@example.com\n  docker compose up -d",
		Confirm:     "openssl s_client -connect appwrite.example.com:443 -servername appwrite.example.com </dev/null 2>/dev/null | openssl x509 -noout -dates",
	},
	// Caddy's OCSP stapling.
	{
		ID: StaplingFailed, Kind: "client", Side: "client",
		Match: []string{"stapling ocsp: ", "\"stapling ocsp\"", "ocsp staple file"},
		// A certificate without an OCSP address has its own (harmless) story.
		Without:     []string{"no ocsp server specified"},
		Title:       "Caddy could not fetch or store the OCSP staple of its certificate",
		Explanation: "Caddy staples an OCSP response to its certificates and keeps it in its storage (the data directory, /var/lib/caddy or $CADDYPATH/ocsp in Caddy 1). When it cannot reach the CA's responder (no outbound internet, a proxy, a firewall) or cannot write its storage (a directory owned by root, or by the user of an earlier run, while Caddy runs as caddy), it goes on serving the last staple it had, which expires days later; clients that check stapled responses strictly (a certificate with Must-Staple, some mobile apps, Firefox) then refuse the site although the certificate is valid.",
		Fix:         "Give Caddy's user its storage, and let it reach the responder:\n  chown -R caddy:caddy /var/lib/caddy\n  curl -sI http://r11.o.lencr.org/ | head -1\nthen restart Caddy and see the staple it serves:\n  openssl s_client -connect host:443 -servername host -status </dev/null 2>/dev/null | grep -A3 'OCSP Response Status'",
		Confirm:     "openssl s_client -connect host:443 -servername host -status </dev/null",
	},
	// Laminas' (Zend's) HTTP client in PHP applications.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"unable to enable crypto on tcp connection"},
		Title:       "A PHP application's HTTP client (Laminas or Zend) could not check the server's certificate: no CA bundle set",
		Explanation: "Laminas' (formerly Zend's) socket HTTP adapter, which Omeka S, Magento 2 modules and other PHP applications use, turned on TLS with PHP's stream functions and the handshake failed: almost always the certificate check, because its sslcafile and sslcapath options are unset and this PHP has no default CA bundle (MAMP, XAMPP, a Windows PHP, an old PHP 5.5, a php.ini without openssl.cafile); else a private CA, or a TLS version the server refuses.",
		Fix:         "Give PHP the system's bundle in php.ini (or the adapter's sslcafile option), then restart PHP:\n  openssl.cafile=/etc/ssl/certs/ca-certificates.crt\n  php -r 'var_dump(openssl_get_cert_locations());'",
		Confirm:     "php -r 'var_dump(openssl_get_cert_locations());'",
	},
	// PHP's IMAP extension (c-client) checking a mail server's name.
	{
		ID: ServerHostnameMismatch, Kind: "client", Side: "client",
		Match:       []string{"server name does not match certificate"},
		Title:       "The mail server's certificate is not for the name PHP's IMAP connected to",
		Explanation: "PHP's imap_open (the c-client library: FreeScout, osTicket, Roundcube's older releases, webmail and help desk applications) checked the IMAP server's certificate against the host in {host:993/imap/ssl}. On shared hosting the mail server answers for every customer domain with the provider's own certificate (*.provider.example), so a connection to mail.yourdomain fails while the same server's own name works.",
		Fix:         "Connect by the name the certificate carries (the hosting provider's mail host), or, on a trusted network only, turn the check off for that mailbox:\n  {mail.provider.example:993/imap/ssl}\n  {mail.yourdomain.example:993/imap/ssl/novalidate-cert}\nSee the names the server's certificate carries:\n  openssl s_client -connect mail.yourdomain.example:993 -servername mail.yourdomain.example </dev/null 2>/dev/null | openssl x509 -noout -subject",
		Confirm:     "openssl s_client -connect mail.yourdomain.example:993 -servername mail.yourdomain.example </dev/null",
	},
	// PHP's IMAP extension (c-client) refusing a mail server's certificate.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"certificate failure for"},
		Within:      []string{"imap", "pop3", "(null)", "/cn="},
		Without:     []string{"server name does not match certificate"},
		Title:       "PHP's IMAP (c-client) could not verify the mail server's certificate",
		Explanation: "PHP's imap_open (the c-client library, under Mautic's, FreeScout's, osTicket's and other applications' monitored mailboxes) checked the mail server's certificate against the CAs of the OpenSSL it was built with, and refused it; (null) means c-client got no reason string. It often starts after an upgrade of the application or of PHP that now asks for validation ({host:993/imap/ssl} without /novalidate-cert), or on a host whose PHP has no CA bundle at OpenSSL's default place.",
		Fix:         "See whether the chain verifies from that host with the system's CAs, and give PHP's OpenSSL the bundle; on a trusted network only, turn the check off for that mailbox:\n  openssl s_client -connect outlook.office365.com:993 -servername outlook.office365.com </dev/null 2>/dev/null | grep 'Verify return code'\n  {outlook.office365.com:993/imap/ssl/novalidate-cert}",
		Confirm:     "php -r 'var_dump(openssl_get_cert_locations());'",
	},
	// CiviCRM's bundled CA file past its age.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"certificate authority file is too old"},
		Title:       "CiviCRM's bundled CA file is too old to use",
		Explanation: "CiviCRM checks HTTPS certificates against the system's CA bundle when PHP gives it one, and otherwise against the cacert.pem it ships (totten/ca-config); that file carries a date, and past its age limit CiviCRM refuses it, since its roots may have expired or been withdrawn. A PHP without a system bundle (a Windows or shared host PHP, a php.ini without openssl.cafile) falls back to it.",
		Fix:         "Upgrade CiviCRM (its release carries a current file), or give PHP the system's bundle so the shipped one is not used:\n  openssl.cafile=/etc/ssl/certs/ca-certificates.crt",
		Confirm:     "php -r 'var_dump(openssl_get_cert_locations());'",
	},
	// Zammad's SAML check of the identity provider's URL.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"saml: tls verification failed for"},
		Title:       "Zammad's SAML check of the identity provider's URL failed (not always TLS)",
		Explanation: "Zammad's SAML settings check (its SSL verification option) requests the identity provider's SSO or metadata URL and reports any failure as TLS verification: a certificate it does not trust (a private CA, a missing intermediate), and also an HTTP error from the provider (Keycloak answers such a plain request with 400) although the certificate is valid.",
		Fix:         "Request the same URL from the Zammad host and read the status and verify result:\n  curl -sv -o /dev/null https://idp.example.com:8443/realms/zammad/protocol/saml/descriptor\nA valid certificate with an HTTP error is Zammad's check, not TLS (a release of Zammad fixes it; the option can be turned off meanwhile); an untrusted one needs its CA in the system's bundle.",
		Confirm:     "curl -sv -o /dev/null https://idp.example.com:8443/",
	},
	// StartTLS against the LDAPS port, or ldaps:// against the plain one.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"tls could not be started"},
		Title:       "An LDAP client could not start TLS (StartTLS on the LDAPS port, or a certificate it refuses)",
		Explanation: "The application (osTicket's, GLPI's or another PHP LDAP plugin, on PHP's ldap functions or Net_LDAP2) asked for StartTLS and it failed. Two causes cover most cases: StartTLS (a Use TLS option) against port 636, where the server expects a TLS handshake at once and not a plain LDAP request (StartTLS goes to 389; 636 takes ldaps:// without StartTLS); or the client does not trust the LDAP server's certificate (TLS_CACERT in ldap.conf, or TLS_REQCERT).",
		Fix:         "Use StartTLS on port 389, or ldaps:// on 636 without it, and see that the server's certificate is trusted:\n  ldapsearch -ZZ -H ldap://ldap.example.com:389 -x -b '' -s base\n  ldapsearch -H ldaps://ldap.example.com:636 -x -b '' -s base",
		Confirm:     "openssl s_client -connect ldap.example.com:389 -starttls ldap </dev/null",
	},
	// slapd's own line for a failed handshake.
	{
		ID: HandshakeFailed, Kind: "client", Side: "server",
		Match:       []string{"closed (tls negotiation failure)"},
		Title:       "OpenLDAP's slapd: a client's TLS handshake failed",
		Explanation: "slapd logs this for a connection whose TLS handshake did not complete. Three causes cover most cases: a client speaking plain LDAP, or StartTLS, to the LDAPS port 636 (a client set to Use TLS with port 636); a client that refused slapd's certificate (its CA not in the client's TLS_CACERT, a name the certificate lacks, an expired certificate) and hung up; or no TLS version or cipher in common (an old client, TLSProtocolMin or TLSCipherSuite set high).",
		Fix:         "Read the client's side (its error names which), and check slapd's certificate as a client sees it:\n  openssl s_client -connect ldap.example.com:636 -servername ldap.example.com </dev/null 2>/dev/null | grep -e 'Verify return code' -e subject=\nClients using StartTLS must connect to 389; ldaps:// clients to 636.",
		Confirm:     "openssl s_client -connect ldap.example.com:636 </dev/null",
	},
}

// Apple's push service refusing a push certificate (two entries).
const (
	apnsTitle       = "Apple's push service (APNs) refused this sender's push certificate"
	apnsExplanation = "Certificate-based APNs is mutual TLS: the sender presents its push certificate (a .p12, or a .pem with its key) and Apple ends the handshake when it will not take it, with certificate_expired, unknown_ca, internal_error or handshake_failure, or by closing the connection. Causes: the certificate has expired or was revoked (a new one made in the developer portal revokes nothing, but a revoked one stops at once); it was renewed but the sender still presents the old one, loaded at start (restart it, or upload the new one where it reads it); it is for the other environment (a development certificate against production, or the reverse); the file has no private key (exported from Keychain as the certificate alone) or holds the wrong one, or its key is encrypted and the sender was not given the passphrase; or it is not an APNs certificate at all (not issued by Apple's WWDR CA: Apple answers unknown_ca). The other way round, the sender may refuse APNs' own certificate: its CA changed to USERTrust RSA in 2025, and a sender with its own old CA list (or a system whose CA bundle dropped the root APNs chained to) fails so."
	apnsFix         = "See what the file holds and until when, that its key matches, then renew it in the developer portal (or move to token-based .p8 authentication) and restart the sender:\n  openssl pkcs12 -in push.p12 -nodes -legacy | \\\n    openssl x509 -noout -subject -issuer -enddate\n  openssl x509 -noout -pubkey -in push.pem | sha256sum\n  openssl pkey -pubout -in push.key | sha256sum\n  openssl s_client -connect api.push.apple.com:443 \\\n    -cert push.pem -key push.key </dev/null"
	apnsConfirm     = "openssl pkcs12 -in push.p12 -nodes -legacy | openssl x509 -noout -subject -issuer -enddate"
)

// step-ca's refusal of a token, from its log and from the step CLI.
const (
	stepTokenTitle = "step-ca refused the request's token (most often the two machines' clocks differ)"
	stepTokenWhy   = "The step CLI signs a short-lived one-time token for each certificate request, and step-ca checks its times with a minute of leeway: when the requesting machine's clock runs ahead of the CA's (or behind it by more than the token's life), the token is not valid yet (nbf) or already expired, and the CA refuses it; the CLI shows only that authorization failed. Other causes of the same refusal: the wrong provisioner or its password, a token used twice, or the CA's provisioner changed since."
	stepTokenFix   = "Synchronise both clocks (NTP), then request again:\n  timedatectl status\n  sudo timedatectl set-ntp true\nstep-ca's log names the check that failed (nbf, exp, or the provisioner)."
)

// DebianBundleNote follows the story of a file that could not be loaded
// when the file is Debian's CA bundle.
const DebianBundleNote = "/etc/ssl/certs/ca-certificates.crt is where Debian, Ubuntu and Alpine keep the system's CA bundle (from the ca-certificates package). Fedora, RHEL and their kin keep it at /etc/pki/tls/certs/ca-bundle.crt (and /etc/pki/ca-trust/extracted/pem/tls-ca-bundle.pem), openSUSE at /etc/ssl/ca-bundle.pem, macOS has no such file, and a slim container image may have no bundle at all: a program or module that uses the Debian path as its default, or a configuration written on Debian, fails there."

// DebianBundle is the path DebianBundleNote is about.
const DebianBundle = "/etc/ssl/certs/ca-certificates.crt"

// systemLibEntries tell OpenSSL's system library refusing to open a file,
// for lines that no program's own load entry tells (Lookup reads them
// after the writers' entries, and drops them when one of those matched).
var systemLibEntries = []Entry{
	// OpenSSL's system library: fopen() refused, with the errno's words
	// (1.x: "error:0200100D:system library:fopen:Permission denied";
	// 3.x: "error:8000000D:system library::Permission denied").
	{
		ID: CertLoadFailed, Kind: "client", Fallback: true,
		Match: []string{"permission denied"},
		// OpenSSL's words, or a program's own line naming the key or
		// certificate file it opened (strongSwan's "opening '...' failed").
		Within: []string{"system library", "fopen", "ssl_ctx_load_verify_locations", ".key' failed", ".pem' failed", ".crt' failed", ".p12' failed",
			// Go's os error for a certificate or key file
			".pem: permission denied", ".key: permission denied", ".crt: permission denied"},
		// nginx's load lines have their own stories.
		Without:     []string{"[emerg]", "[crit]", "[alert]", "nginx"},
		Title:       "The program may not read a certificate, key or CA file (permission denied)",
		Explanation: "OpenSSL could not open a file it was asked to load: the system refused it to the user the program runs as. Most often the file (or a directory above it) belongs to root with mode 600 or 700 while the service runs as its own user (ldap, postfix, mosquitto, a container's user id), or a mounted secret or volume keeps the owner it had elsewhere; SELinux or AppArmor can refuse it too (the audit log says so).",
		Fix:         "See the owner and mode of the file and of each directory above it, as the service's user:\n  namei -l /etc/ssl/private/server.key\n  sudo -u ldap cat /etc/ssl/private/server.key > /dev/null\nthen give that user read access (keys: the owner or group, mode 640 or 600), e.g.:\n  chown root:ldap /etc/ssl/private/server.key\n  chmod 640 /etc/ssl/private/server.key",
		Confirm:     "namei -l /etc/ssl/private/server.key",
	},
	{
		ID: CertLoadFailed, Kind: "client", Fallback: true,
		Match: []string{"no such file or directory"},
		// OpenSSL's words, or a program's own line naming the certificate
		// or key file it checked (FreeRADIUS's "Unable to check file").
		Within: []string{"system library", "fopen", "ssl_ctx_load_verify_locations", "unable to check file", ".pem\": no such file", ".crt\": no such file", ".key\": no such file"},
		// librdkafka's missing default CA directory, and nginx's load
		// lines, have their own stories.
		Without:     []string{"rdkafka", "[emerg]", "[crit]", "[alert]", "nginx"},
		Title:       "A certificate, key or CA file the program names does not exist (as the program sees it)",
		Explanation: "OpenSSL was asked to open a file that is not there: a wrong or mistyped path in the settings, a path on the host that is not mounted into the container, a relative path read from another working directory, or the default CA file of an OpenSSL built for another system (its OPENSSLDIR, which openssl version -d shows, where this system keeps no cert.pem).",
		Fix:         "Find the path the program was given (its configuration, or the error lines around this one), and check it where the program runs:\n  ls -l /etc/ssl/certs/server.crt\nFor the default CA file, see which directory this OpenSSL reads:\n  openssl version -d",
		Confirm:     "openssl version -d",
	},
	// Windows' WinRM service making its HTTPS listener.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"cannot create a winrm listener on https", "https 上に winrm リスナーを作成できません"},
		Title:       "WinRM found no certificate it may use for an HTTPS listener",
		Explanation: "winrm quickconfig -transport:https (and Enable-PSRemoting's HTTPS setup) picks a certificate by itself from the computer's Personal store (LocalMachine\\My) and takes only one whose CN is this computer's host name, that is made for server authentication (Server Authentication EKU), within its dates, not revoked and not self-signed. None there qualifies: a certificate in the user's store, a CN that is another name (the FQDN against the short name), a self-signed one, or no key with it.",
		Fix:         "Make the listener yourself with the certificate it should use (its thumbprint, and the host name in its CN), in an elevated PowerShell:\n  Get-ChildItem Cert:\\LocalMachine\\My | Format-List Subject,Thumbprint\n  New-Item WSMan:\\localhost\\Listener -Transport HTTPS -Address * -HostName host.example.com -CertificateThumbPrint THUMBPRINT -Force\nor issue the computer a certificate with its host name as CN and Server Authentication from your CA.",
		Confirm:     "winrm enumerate winrm/config/listener",
	},
	{
		ID: CertLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"the certificate cn and the hostname that were provided do not match"},
		Title:       "WinRM's HTTPS listener: the Hostname given does not match the certificate's CN",
		Explanation: "A WinRM HTTPS listener is made with a certificate thumbprint and a Hostname, and WinRM requires the Hostname to equal the certificate's CN exactly (not a name from its subjectAltName, and not the computer's name when the certificate was issued for another). A script or configuration resource that fills in the computer's name fails so with a certificate made for another name.",
		Fix:         "See the certificate's CN, and make the listener with that name as its Hostname:\n  Get-ChildItem Cert:\\LocalMachine\\My\\THUMBPRINT | Format-List Subject\n  New-Item WSMan:\\localhost\\Listener -Transport HTTPS -Address * -HostName host.example.com -CertificateThumbPrint THUMBPRINT -Force\nor issue a certificate whose CN is the name the clients use.",
		Confirm:     "winrm enumerate winrm/config/listener",
	},
	// Vault's PKI engine refusing a request without a common name.
	{
		ID: OpenSSLCommand, Kind: "client", Side: "client",
		Match:       []string{"\"require_cn\" is set to false", "the common_name field is required"},
		Title:       "Vault's PKI role requires a common name, and the request has none",
		Explanation: "A Vault (or OpenBao) PKI role signs only requests with a common name unless the role sets require_cn=false; its default is true. A request with subjectAltNames only is refused: a cert-manager Certificate without commonName (cert-manager leaves it out by default), a CSR made without a CN, or a call to issue without common_name.",
		Fix:         "Give the certificate a common name (cert-manager: spec.commonName in the Certificate; a CSR: -subj '/CN=host.example.com'; the issue call: common_name=host.example.com), or let the role sign without one: set require_cn=false in the role. vault write on a role sets every field it does not name back to its default, so read the role first and write it back whole with require_cn=false:\n  vault read pki/roles/ROLE",
		Confirm:     "vault read -field=require_cn pki/roles/ROLE",
	},
	// NSS's database in the old DBM format.
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"sec_error_legacy_database", "certificate/key database is in an old, unsupported format"},
		Title:       "The NSS database is in the old format this NSS no longer opens (cert8.db)",
		Explanation: "NSS keeps certificates and keys in a database directory, once in the Berkeley DB format (cert8.db, key3.db), now in SQLite (cert9.db, key4.db). Current NSS builds (Firefox, Thunderbird, certutil, Chrome and tools on Linux that import CAs, such as mkcert) no longer open the old format: the directory is an old profile never opened by a newer release, or a tool named it with the dbm: prefix.",
		Fix:         "Open the profile once with a current Firefox or Thunderbird (which converts it), or make a new profile; for another NSS database, see its files, and name it with sql: from now on:\n  ls ~/.pki/nssdb\n  certutil -L -d sql:$HOME/.pki/nssdb",
		Confirm:     "certutil -L -d sql:$HOME/.pki/nssdb",
	},
	// curl on Apple's Secure Transport given a PEM client certificate.
	{
		ID: CertLoadFailed, Kind: "client", Side: "client",
		Match:       []string{"only supports loading identities that are in pkcs#12 format"},
		Title:       "curl on Apple's Secure Transport takes a client certificate only as PKCS#12",
		Explanation: "A curl (or libcurl inside an app, such as Insomnia's on macOS) built on Apple's Security framework (Secure Transport) cannot read a PEM certificate with a separate key file: it loads a client identity only from a PKCS#12 file or by its name in the Keychain. An app that switched its curl to that backend stops taking the PEM files it took before. macOS's Keychain also refuses PKCS#12 files in OpenSSL 3's default encryption (AES), which it cannot read.",
		Fix:         "Put the certificate and key into one PKCS#12 file, with the older encryption the Keychain reads (OpenSSL 3 needs -legacy for it), and give curl that file:\n  openssl pkcs12 -export -legacy -in client.crt -inkey client.key -out client.p12\n  curl --cert client.p12:PASSWORD --cert-type P12 https://host/\nor use a curl built on OpenSSL (Homebrew's), which reads the PEM files.",
		Confirm:     "openssl pkcs12 -info -noout -in client.p12",
	},
	// Rust's native-tls reading a key that is not PKCS#8.
	{
		ID: KeyLoadFailed, Kind: "client",
		Match:       []string{"notpkcs8"},
		Title:       "The program reads only PKCS#8 keys (BEGIN PRIVATE KEY), and its key is in another form",
		Explanation: "Rust's native-tls (Identity::from_pkcs8) and other PKCS#8-only readers take a key that begins -----BEGIN PRIVATE KEY-----; this one is traditional: -----BEGIN RSA PRIVATE KEY----- (PKCS#1) or -----BEGIN EC PRIVATE KEY----- (SEC 1), as OpenSSL 1.x, older certbot releases and many guides write them.",
		Fix:         "Write the key as PKCS#8 and give that file to the program:\n  openssl pkcs8 -topk8 -nocrypt -in privkey.pem -out privkey-pkcs8.pem",
		Confirm:     "head -n 1 privkey-pkcs8.pem",
	},
	// offlineimap with TLS on and nothing to check the server with.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"no ca certificates and no server fingerprints configured"},
		Title:       "offlineimap has TLS on but no CA file or fingerprint to check the server with",
		Explanation: "offlineimap checks the IMAP server's certificate against sslcacertfile or a cert_fingerprint, and it refuses to connect when the account names neither: nothing in its configuration says what to trust (it does not fall back to the system's bundle by itself).",
		Fix:         "Name a CA file in the account's [Repository] section: the system's bundle (offlineimap 7 and later take OS-DEFAULT), or the server's private CA:\n  sslcacertfile = OS-DEFAULT\n  sslcacertfile = /etc/ssl/certs/ca-certificates.crt",
		Confirm:     "openssl s_client -connect imap.example.com:993 -CAfile /etc/ssl/certs/ca-certificates.crt </dev/null",
	},
	// .NET on Windows making an X509Certificate2 with its key, without a
	// user profile.
	{
		ID: KeyLoadFailed, Kind: "client",
		Match:  []string{"the system cannot find the file specified"},
		Within: []string{"cryptographicexception", "x509certificate2"},
		Title:  ".NET could not store the certificate's private key: the process has no user profile",
		Explanation: "On Windows, new X509Certificate2(bytes or a PFX, password) puts the private key in the key store of the user's profile. A process without a loaded profile (an IIS application pool with Load User Profile off; Azure App Service on Windows, which loads none by default) has nowhere to put it, and the constructor fails with this misleading `file not found`. " +
			"When the certificate was named by a path, the path may also be wrong for the process (relative to another working directory).",
		Fix:     "Load the key into the machine's key store, or without storing it: pass X509KeyStorageFlags.MachineKeySet (or EphemeralKeySet, .NET Core 2.0 and later) as the constructor's third argument; or give the process a profile: Load User Profile = True in the IIS application pool's advanced settings; on Azure App Service the app setting WEBSITE_LOAD_USER_PROFILE=1.",
		Confirm: "certutil -dump cert.pfx",
	},
	// OpenLDAP's slapd asked for StartTLS with no TLS set up, and its
	// client's word for the refusal.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"unsupported operation \"1.3.6.1.4.1.1466.20037\""},
		Title:       "slapd has no TLS set up, so it refuses StartTLS",
		Explanation: "1.3.6.1.4.1.1466.20037 is LDAP's StartTLS operation, and slapd answers it as unsupported when it has no working TLS: no olcTLSCertificateFile and olcTLSCertificateKeyFile (TLSCertificateFile in slapd.conf) set, or files it could not load at start (a path not mounted into its container, files its user cannot read), after which it runs without TLS.",
		Fix:         "See what slapd was given, and that its user can read the files there:\n  ldapsearch -Y EXTERNAL -H ldapi:/// -b cn=config olcTLSCertificateFile olcTLSCertificateKeyFile olcTLSCACertificateFile\n  sudo -u openldap head -n 1 /etc/ldap/tls/server.crt\nthen set them (or mount the files where they point) and restart slapd.",
		Confirm:     "ldapsearch -x -ZZ -H ldap://ldap.example.com -b '' -s base",
	},
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"ldap_start_tls: protocol error (2)", "ldap_start_tls_s() failed"},
		Title:       "The LDAP server refused StartTLS (it has no TLS set up)",
		Explanation: "The client asked for StartTLS (ldapsearch -ZZ, TLS_REQCERT with ldap://) and the server answered that the operation is not supported: it has no TLS configured, or its certificate or key failed to load when it started (slapd then logs `do_extended: unsupported operation \"1.3.6.1.4.1.1466.20037\"`).",
		Fix:         "Give the LDAP server its certificate and key (slapd: olcTLSCertificateFile and olcTLSCertificateKeyFile, files its user can read) and restart it; or connect with ldaps:// to the port where it speaks TLS from the start (636).",
		Confirm:     "ldapsearch -x -ZZ -H ldap://ldap.example.com -b '' -s base",
	},
	// Apache's mod_ldap over ldaps:// that cannot get a connection.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"[can't contact ldap server]"},
		Within:      []string{"auth_ldap", "authnz_ldap", "ah01695", "ldap_simple_bind"},
		Title:       "Apache's LDAP module could not connect to the LDAP server (over ldaps:// most often its certificate)",
		Explanation: "mod_ldap (libldap under it) says `Can't contact LDAP server` for a failed TLS handshake too: over ldaps:// or STARTTLS, most often the LDAP server's certificate is not trusted, since libldap reads only the CAs named for it (LDAPTrustedGlobalCert; on Debian TLS_CACERT in /etc/ldap/ldap.conf) and an image without the ca-certificates package (the official httpd image) has none; else the host name in the URL is not in the LDAP server's certificate, or the host or port is wrong.",
		Fix:         "Give mod_ldap the CA that issued the LDAP server's certificate (in the server configuration, outside virtual hosts), and put the system's CA bundle in a container image:\n  LDAPTrustedGlobalCert CA_BASE64 /etc/ssl/certs/ca-certificates.crt\n  apt-get install -y ca-certificates\nthen restart Apache.",
		Confirm:     "openssl s_client -connect ldap.example.com:636 -CAfile /etc/ssl/certs/ca-certificates.crt </dev/null",
	},
	// Kafka's Java clients and brokers after a failed handshake.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"failed authentication due to: ssl handshake failed"},
		Title:       "Kafka's client (or broker) could not complete TLS with a broker",
		Explanation: "Kafka's Java client says `failed authentication due to: SSL handshake failed` for any TLS failure with a broker; the lines after it (or javax.net.debug=ssl:handshake) say which. Most often: its truststore (ssl.truststore.location) lacks the CA of the broker's certificate, or the option is not reaching the client (a wrapper such as Logstash's or Kafka Connect's that drops it); the broker's certificate lacks the host name the client connected by (ssl.endpoint.identification.algorithm=https is the default since Kafka 2.0); or the broker requires a client certificate (ssl.client.auth=required) and the client has no keystore, or one whose CA the broker's truststore lacks.",
		Fix:         "Give the client the broker's CA and, where the broker asks for one, its own key and certificate, in its properties:\n  security.protocol=SSL\n  ssl.truststore.location=/etc/kafka/client.truststore.jks\n  ssl.keystore.location=/etc/kafka/client.keystore.jks\nand make the broker's certificate carry the name the client uses (advertised.listeners).",
		Confirm:     "openssl s_client -connect broker.example.com:9093 -servername broker.example.com -showcerts </dev/null",
	},
	// Kafka checking its own keystore at start.
	{
		ID: WrongPurpose, Kind: "client", Side: "server",
		Match:       []string{"a client sslengine created with the provided"},
		Title:       "Kafka refused its own keystore at start: the certificate must serve as client and server",
		Explanation: "A Kafka broker (and Connect, Schema Registry, ZooKeeper with TLS) checks its keystore at start by a handshake between a client and a server engine built from it, since brokers also connect to each other as clients. A certificate whose extendedKeyUsage lists serverAuth only (a web server's template, or a public CA's certificate issued after those CAs stopped adding clientAuth in 2025-2026) fails that check, as does one that lacks the name or the key its configuration asks for.",
		Fix:         "Issue the broker's certificate with both usages, with this line in its -extfile, and rebuild the keystore:\n  extendedKeyUsage=serverAuth,clientAuth",
		Confirm:     "keytool -list -v -keystore kafka.keystore.jks | grep -A3 ExtendedKeyUsages",
	},
	// NuGet's signature check building a chain to a root the system
	// no longer has.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"nu3028", "nu3018", "nu3037", "found a chain building issue"},
		Within:      []string{"nu30", "signature", "nuget"},
		Title:       "NuGet could not build a chain for a package signature's certificate",
		Explanation: "NuGet checks the author's and repository's signatures of each package, and their timestamps, against the system's trusted roots; on Linux and macOS recent .NET SDKs (7 and later, late 6.0 releases) bring their own code-signing and timestamping roots there, and older ones use the system's store. UntrustedRoot here means that store lacks the root the signature chains to: an update of the ca-certificates package dropped old roots (Symantec, VeriSign) that older packages' signatures chain to, or a container image has no CA bundle at all. It is not about a TLS server's certificate.",
		Fix:         "Use a current .NET SDK (its own signing roots on Linux and macOS), and in a container install the CA bundle:\n  apt-get install -y ca-certificates\nUntil then, set DOTNET_NUGET_SIGNATURE_VERIFICATION=false for the restore, knowingly.",
		Confirm:     "dotnet --version",
	},
	// A server loading Diffie-Hellman parameters its OpenSSL refuses.
	{
		ID: WeakKey, Kind: "client", Side: "server",
		Match:       []string{"dh key too small"},
		Within:      []string{"dh parameters", "ssl_dh", "set_tmp_dh", "dhparam", "ssl_ctx_ctrl", "ssl3_ctx_ctrl", "server context"},
		Title:       "The server's own Diffie-Hellman parameters are too small for its OpenSSL",
		Explanation: "The server loads the DH parameters it is configured with (Dovecot's ssl_dh, nginx's ssl_dhparam, Postfix's smtpd_tls_dh1024_param_file, a control panel's generated file) and its OpenSSL refuses them at its security level: 1024 bits or fewer, after an upgrade to a system with a stricter default (RHEL and AlmaLinux 8 and later crypto policies, Debian's level 2). It is the server's own file, not a client's refusal.",
		Fix:         "Make 2048-bit (or larger) DH parameters and point the server at them, then restart it (Dovecot 2.3: the ssl_dh setting, with < before the path; nginx: ssl_dhparam), or drop DHE suites and use ECDHE only:\n  openssl dhparam -out /etc/ssl/dhparam.pem 2048",
		Confirm:     "openssl dhparam -in /etc/ssl/dhparam.pem -noout -text | head -n 1",
	},
	// Dovecot's settings across releases.
	{
		ID: StartupFailed, Kind: "client", Side: "server",
		Match:       []string{"unknown setting: ssl_min_protocol"},
		Title:       "Dovecot 2.2 does not know ssl_min_protocol (a Dovecot 2.3 setting)",
		Explanation: "ssl_min_protocol came with Dovecot 2.3; a 2.2 release refuses to start with it (configuration generators and guides written for 2.3 use it). In 2.2 the TLS versions are set with ssl_protocols.",
		Fix:         "On Dovecot 2.2, replace the line with its 2.2 form (or upgrade to 2.3), then check the configuration:\n  ssl_protocols = !SSLv3 !TLSv1 !TLSv1.1\n  doveconf -n",
		Confirm:     "dovecot --version",
	},
	{
		ID: RoutineLine, Kind: "client", Side: "server",
		Match:       []string{"sslv2 not supported by openssl"},
		Title:       "Dovecot's ssl_protocols names SSLv2, which its OpenSSL lacks (a warning)",
		Explanation: "Dovecot warns that ssl_protocols lists SSLv2 (as !SSLv2 in old configurations), a protocol the OpenSSL it is built with no longer has at all. Nothing fails: the line is a leftover, and TLS works as set by the rest of the setting.",
		Fix:         "Remove SSLv2 (and !SSLv2) from ssl_protocols, or on Dovecot 2.3 use ssl_min_protocol instead:\n  ssl_min_protocol = TLSv1.2",
		Confirm:     "doveconf -n | grep ssl_",
	},
	// PostgreSQL 14's pg_hba.conf: clientcert=1 is gone.
	{
		ID: StartupFailed, Kind: "client", Side: "server",
		Match:       []string{"invalid value for clientcert"},
		Title:       "pg_hba.conf uses clientcert=1 (or 0), which PostgreSQL 14 no longer takes",
		Explanation: "PostgreSQL 14 changed clientcert to take verify-ca or verify-full; the old 1 (and 0) make pg_hba.conf fail to load, so the server refuses to start or keeps its old rules after a reload. Configurations and images carried over from PostgreSQL 13 and older meet it on upgrade.",
		Fix:         "Write clientcert=verify-ca (the old 1: the client certificate must chain to ssl_ca_file) or clientcert=verify-full (its CN must also match the user) on the hostssl line, then reload:\n  hostssl all all 0.0.0.0/0 cert clientcert=verify-full\n  psql -c 'SELECT pg_reload_conf()'",
		Confirm:     "psql -c 'SELECT * FROM pg_hba_file_rules WHERE error IS NOT NULL'",
	},
	// The kubelet serving its API without a serving certificate.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"no serving certificate available for the kubelet"},
		Title:       "The kubelet has no serving certificate yet (its certificate request is not approved)",
		Explanation: "With serverTLSBootstrap (OpenShift's nodes, kubeadm clusters that turn it on), the kubelet asks the cluster for its serving certificate with a CertificateSigningRequest, and it has none until someone or something approves it: kubectl logs, exec and metrics-server's scrapes of that node fail until then. After a long shutdown, or with no auto-approver, the requests stay Pending.",
		Fix:         "See the node's pending requests and approve them (or set up an approver for kubelet serving certificates):\n  kubectl get csr\n  kubectl certificate approve CSR_NAME",
		Confirm:     "kubectl get csr | grep Pending",
	},
	// The kubelet's client certificate in kubelet.conf has expired.
	{
		ID: Expired, Kind: "client", Side: "client",
		Match:       []string{"bootstrap client certificate in", "is expired:"},
		Title:       "The kubelet's client certificate in kubelet.conf has expired",
		Explanation: "The kubelet authenticates to the API server with the client certificate in /etc/kubernetes/kubelet.conf (or the file it points to under /var/lib/kubelet/pki), valid for one year; when it expired and could not be renewed in time (a node or image left off for months, rotation turned off, a VM image built with a certificate that has aged on the shelf), the kubelet stops with this line.",
		Fix:         "Give the node a current kubelet client certificate: on a control-plane node, renew and restart (kubeadm 1.17 and later rotate kubelet.conf's own certificate):\n  kubeadm certs renew all\n  systemctl restart kubelet\non a worker, join it again (kubeadm reset, then kubeadm join with a new token), and keep rotateCertificates: true in its configuration.",
		Confirm:     "openssl x509 -noout -enddate -in /var/lib/kubelet/pki/kubelet-client-current.pem",
	},
	// cert-manager's CA issuer whose own secret was overwritten.
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"failed to decode returned certificate"},
		Title:       "cert-manager could not decode the certificate its issuer returned",
		Explanation: "cert-manager got a certificate from the issuer that it cannot read as PEM. With a CA issuer it most often means the Certificate's secretName is the very Secret the issuer reads its CA key pair from: issuing overwrote the CA, and what comes back is not a certificate. Else the issuer (Vault, a webhook issuer) returned an error page or an empty body instead of PEM.",
		Fix:         "Give the Certificate a secretName of its own, different from the CA Issuer's secretName, and restore the CA's Secret from its backup:\n  kubectl get issuer -A -o yaml | grep -A2 'ca:'\n  kubectl get certificate -A -o yaml | grep secretName",
		Confirm:     "kubectl describe certificaterequest -A | grep -i -A3 'message'",
	},
	// Rancher's agents in strict CA mode.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"strict ca verification is enabled but encountered error finding root ca"},
		Title:       "Rancher's agent verifies only against Rancher's own CA setting, and it is empty",
		Explanation: "Rancher 2.9 and later default agent-tls-mode to strict: cluster and node agents trust only the CA published in Rancher's cacerts setting, not the system's store. A Rancher whose certificate comes from a public CA (or whose private CA was never set there) publishes none, so the agents find no root and refuse to connect.",
		Fix:         "Set Rancher's agent-tls-mode to system-store (Global Settings, or the Helm value agentTLSMode=system-store), or publish the CA that issued Rancher's certificate in its cacerts setting (the Helm chart's privateCA with tls-ca secret).",
		Confirm:     "curl -s https://rancher.example.com/cacerts",
	},
	// Spring Boot's SSL bundles.
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"could not load store from '", "only 'file:' resources are watchable"},
		Title:       "Spring Boot could not load a keystore or truststore of an SSL bundle",
		Explanation: "An SSL bundle (spring.ssl.bundle.jks.NAME.keystore or truststore; server.ssl.key-store) names a store Spring Boot could not open: the location does not resolve (a bare relative path is read against the working directory, or, in Spring Boot 3.4.0 only, not from the file system at all: a regression fixed in 3.4.1; classpath: and file: prefixes say where to look), the type is not the file's (JKS against PKCS12), or its password is wrong (the next `Caused by` line says which). A bundle with reload-on-update needs a location with the file: prefix, which Spring Boot 3.4 did not infer from a plain path.",
		Fix:         "Name the store with its prefix and type, and check it opens with its password:\n  spring.ssl.bundle.jks.client.keystore.location=file:/etc/app/keys/client.p12\n  spring.ssl.bundle.jks.client.keystore.type=PKCS12\n  keytool -list -keystore /etc/app/keys/client.p12 -storetype PKCS12",
		Confirm:     "keytool -list -keystore /etc/app/keys/client.p12 -storetype PKCS12",
	},
	// A Cassandra driver speaking plain CQL to a port that wants TLS.
	{
		ID: PlainHTTP, Kind: "client", Side: "client",
		Match:       []string{"does not support protocol version 21", "does not support protocol version 22"},
		Title:       "The Cassandra driver spoke plain CQL to a port that requires TLS",
		Explanation: "The node has client encryption on (client_encryption_options with enabled: true, optional: false), and the driver connected without TLS: the node answered with a TLS record, whose first byte (21, a TLS alert; 22, a handshake) the driver read as a CQL protocol version.",
		Fix:         "Give the driver a TLS context (Python: Cluster(..., ssl_context=ctx) with the cluster's CA loaded; Java: withSSL() or the advanced.ssl-engine-factory setting; cqlsh: --ssl with its [ssl] certfile), or connect to a port where the node speaks plain CQL.",
		Confirm:     "openssl s_client -connect cassandra.example.com:9042 </dev/null",
	},
	// Java 8 before 8u161 dropping AES-256 suites (Cassandra's words).
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"as it isnt supported by the socket", "as it isn't supported by the socket"},
		Title:       "The JVM does not support the AES-256 cipher suites configured (Java 8's limited crypto policy)",
		Explanation: "Cassandra (and DataStax Enterprise) drops from its configured cipher_suites those the JVM's TLS cannot use. AES-256 suites need the unlimited-strength crypto policy, which Java 8 releases before 8u161 lack by default; with only such suites configured, no suite is left and node or client connections fail.",
		Fix:         "Update Java 8 to 8u161 or later (unlimited by default), or turn the unlimited policy on (8u151 and later: crypto.policy=unlimited in java.security; older: the JCE Unlimited Strength policy files), or configure AES-128 suites as well.",
		Confirm:     "java -XshowSettings:properties -version 2>&1 | grep java.version",
	},
	// Kafka's PEM truststore given a password.
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"ssl trust store password cannot be specified for pem format"},
		Title:       "Kafka: a PEM truststore takes no password",
		Explanation: "With ssl.truststore.type=PEM, Kafka's clients and brokers refuse ssl.truststore.password, since PEM certificates have none; a chart, an operator or a wrapper that always sets the password (for JKS) trips over it.",
		Fix:         "Leave ssl.truststore.password out when ssl.truststore.type is PEM (ssl.truststore.certificates or ssl.truststore.location holds the PEM CAs); only an encrypted PEM key takes a password, as ssl.key.password.",
		Confirm:     "grep -n 'ssl.truststore' client.properties",
	},
	// MariaDB's client that requires TLS from a server without it.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"ssl is required, but the server does not support it"},
		Title:       "The MariaDB or MySQL client requires TLS, and the server has none",
		Explanation: "The client insists on TLS (MariaDB's client and Connector/C 3.4 and later do by default; MySQL's with --ssl-mode=REQUIRED or stronger) and the server has TLS off: no ssl_cert and ssl_key in its configuration (MariaDB servers before 11.4 make none by themselves; an image's bundled server may have none).",
		Fix:         "Turn TLS on in the server (ssl_cert, ssl_key and ssl_ca in its [mariadb] or [mysqld] section, then restart it), or, on a trusted network only, let the client go without:\n  mariadb --skip-ssl -h db.example.com\n  mysql --ssl-mode=DISABLED -h db.example.com",
		Confirm:     "mariadb -h db.example.com -e \"SHOW VARIABLES LIKE 'have_ssl'\"",
	},
	// node-postgres asking for TLS from a server without it.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"the server does not support ssl connections"},
		Title:       "The PostgreSQL client asked for TLS, and the server has it turned off",
		Explanation: "The client (node-postgres and the tools on it, a JDBC or .NET driver) was told to use TLS: its ssl option is set, sslmode=require in the connection string, or a setting read as true because it is a non-empty string (\"false\" in a JSON or YAML file). The server has ssl = off, so it refuses.",
		Fix:         "Set the client's ssl option to the boolean false (or sslmode=disable) where the server has no TLS, or turn TLS on in the server:\n  ssl = on\n  ssl_cert_file = 'server.crt'\n  ssl_key_file = 'server.key'\nin postgresql.conf, then reload it.",
		Confirm:     "psql \"host=db.example.com sslmode=require\" -c 'SHOW ssl'",
	},
	// The kubelet without a serving certificate, seen from the API server.
	{
		ID: CertLoadFailed, Kind: "client", Side: "client",
		Match:       []string{"remote error: tls: internal error"},
		Within:      []string{":10250"},
		Title:       "The kubelet refused the API server's connection: it has no serving certificate yet",
		Explanation: "The API server connected to a kubelet (port 10250, for logs, exec or port-forward) and the kubelet ended the handshake with internal_error, what it sends when it has no serving certificate: with serverTLSBootstrap its certificate request waits for approval (OpenShift, CRC and kubeadm clusters that turn it on), and after a long shutdown or without an approver the requests stay Pending.",
		Fix:         "See the pending requests and approve the node's:\n  kubectl get csr\n  kubectl certificate approve CSR_NAME",
		Confirm:     "kubectl get csr | grep Pending",
	},
	// node's NODE_EXTRA_CA_CERTS naming a file it could not read.
	{
		ID: CertLoadFailed, Kind: "client", Side: "client",
		Match: []string{"ignoring extra certs from"},
		// A certificate the bundle holds twice has its own story.
		Without:     []string{"already in hash table"},
		Title:       "node could not read the file NODE_EXTRA_CA_CERTS names, and ignores it",
		Explanation: "NODE_EXTRA_CA_CERTS takes the path of one PEM file, read once when node starts. Here that file could not be loaded: the path is wrong or not in the container, the file is not PEM, or the variable holds several paths joined with a colon or semicolon (as a tool or plugin that appends its own file writes it), which node takes as one name that does not exist. The CAs it should add are then missing.",
		Fix:         "Put all the extra CAs into one PEM file and name only that file:\n  cat corp-root.pem plugin-certs.pem > /etc/ssl/node-extra-ca.pem\n  export NODE_EXTRA_CA_CERTS=/etc/ssl/node-extra-ca.pem",
		Confirm:     "openssl crl2pkcs7 -nocrl -certfile /etc/ssl/node-extra-ca.pem | openssl pkcs7 -print_certs -noout | grep -c subject",
	},
	// A certificate's PEM text given where a file path is expected.
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"open '-----begin", "open \"-----begin", "open -----begin"},
		Title:       "A certificate's PEM text was given where the program expects a file path",
		Explanation: "The program tried to open a file whose name is the text of a certificate: an option that takes a path (a driver's sslCA or tlsCAFile in newer releases, a CA file setting) was given the certificate's contents (read with readFile, pasted into an environment variable or a config value). Some releases change such an option from contents to a path.",
		Fix:         "Give that option the file's path (or use the option that takes contents, where the program has one), e.g. tlsCAFile: '/etc/ssl/ca.pem' rather than the text read from it.",
		Confirm:     "openssl x509 -noout -subject -in /etc/ssl/ca.pem",
	},
	// A client that read plain HTTP where it expected TLS ("packet
	// length too long", the record header of a plain reply).
	{
		ID: PlainHTTP, Kind: "client", Side: "client",
		Match: []string{"packet length too long", "packet_length_too_long"},
		// A client's words around it (node's EPROTO, Python's, curl's);
		// a server's or the bare reason have their own stories.
		Within:      []string{"eproto", "ssl_connect", "_ssl.c", "curl:", "requests.exceptions", "urlopen"},
		Without:     []string{"upstream", "while ssl handshaking", "ssl_do_handshake", "ssl_accept", "accept"},
		Title:       "The client expected TLS and the server answered in plain text",
		Explanation: "OpenSSL read the first bytes of the server's answer as a TLS record header and found a length no TLS record has: the port does not speak TLS at all (an https:// URL or TLS option pointed at a plain HTTP port, a development server without TLS, a proxy's plain port, a WinRM listener on HTTP that a client reaches with https) or something in between answers in plain text.",
		Fix:         "Point the client at the port where the server speaks TLS, or use http:// for a plain port (or put a TLS proxy in front of it):\n  curl -v http://host:3000/",
		Confirm:     "openssl s_client -connect host:3000 </dev/null",
	},
	// HAProxy 2.6's httpclient loading the system's CA store.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"ca-file: '@system-ca' couldn't load"},
		Title:       "HAProxy could not load the system's CA store for its built-in HTTP client (a warning)",
		Explanation: "HAProxy 2.6 and later verify TLS in their internal HTTP client (used by Lua and some features) and load the system's CA store (@system-ca) at start for it. Its loader can fail on a distribution's bundle: RHEL's ca-bundle.trust.crt holds BEGIN TRUSTED CERTIFICATE blocks. The proxying itself is not affected; only that client's TLS verification is.",
		Fix:         "Name a plain PEM bundle for the HTTP client, or turn its verification off if nothing uses it, in the global section:\n  httpclient.ssl.ca-file /etc/pki/tls/certs/ca-bundle.crt\n  httpclient.ssl.verify none\nthen check the configuration:\n  haproxy -c -f /etc/haproxy/haproxy.cfg",
		Confirm:     "haproxy -c -f /etc/haproxy/haproxy.cfg",
	},
	// Dovecot's TLS settings across releases.
	{
		ID: StartupFailed, Kind: "client", Side: "server",
		Match:       []string{"unrecognized protocol 'sslv2'", "unknown protocol 'sslv2'", "could not find a minimum ssl_min_protocol setting", "ssl_protocols has been replaced by ssl_min_protocol", "unknown ssl_protocols setting"},
		Title:       "Dovecot's ssl_protocols names SSLv2, or is a Dovecot 2.2 setting",
		Explanation: "OpenSSL 1.1 and later know no SSLv2, so Dovecot refuses an ssl_protocols that names it (even as !SSLv2, as old default configurations do). Dovecot 2.3 replaced ssl_protocols by ssl_min_protocol, warns about the old name, and fails when it cannot turn the old list into a minimum.",
		Fix:         "On Dovecot 2.3 and later, remove ssl_protocols and set the minimum (2.2: drop SSLv2 from the list), then check the configuration:\n  ssl_min_protocol = TLSv1.2\n  doveconf -n",
		Confirm:     "doveconf -n | grep ssl_",
	},
	{
		ID: StartupFailed, Kind: "client", Side: "server",
		Match:       []string{"unknown setting: verbose_ssl", "unknown setting: ssl_dh_parameters_length", "unknown setting: ssl_protocols"},
		Title:       "Dovecot refuses a TLS setting of an older release",
		Explanation: "Dovecot renames and removes TLS settings between releases: ssl_protocols and ssl_dh_parameters_length are gone in 2.3 (ssl_min_protocol, ssl_dh), verbose_ssl in 2.4 (log_debug = category=ssl). A configuration or image made for the older release stops the newer one from starting.",
		Fix:         "Replace the setting with its form in this release (see doveconf's output for the line), e.g. for Dovecot 2.4:\n  log_debug = category=ssl\nthen check the configuration:\n  doveconf -n",
		Confirm:     "dovecot --version",
	},
	// Postfix's SMTP client without CAs.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"untrusted issuer"},
		Within:      []string{"postfix/smtp", "certificate verification failed for"},
		Title:       "Postfix's SMTP client does not trust the next hop's certificate (untrusted issuer)",
		Explanation: "Postfix's SMTP client verifies a server's certificate (smtp_tls_security_level verify or secure, or a policy) only against smtp_tls_CAfile and smtp_tls_CApath; it does not add the system's CAs by itself (tls_append_default_CA = no). With neither set, every certificate is untrusted; else the next hop's CA (a private relay's) is missing from them.",
		Fix:         "Give the SMTP client the system's CAs (and a private relay's CA), then reload Postfix:\n  postconf -e smtp_tls_CAfile=/etc/ssl/certs/ca-certificates.crt\n  postfix reload",
		Confirm:     "postconf smtp_tls_CAfile smtp_tls_CApath smtp_tls_security_level",
	},
	// A program's own words for a key or certificate file it could not
	// read (Zimbra's zmcertmgr, Haraka).
	{
		ID: CertLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"can't read file '", "could not be loaded"},
		Within:      []string{".key'", ".crt'", ".pem'", "tls key ", "tls cert "},
		Title:       "The program could not read its certificate or key file",
		Explanation: "The program could not read the certificate or key file it names: the file is missing at that path (a relative path read against another directory, a file never made or on a volume not mounted), or the user the program runs as may not read it (a key owned by root with mode 600; after a copy or a renewal script the owner changed).",
		Fix:         "Check the path and who may read it, as the program's user, then give that user access (or fix the path):\n  namei -l /opt/app/ssl/server.key\n  sudo -u app head -c 0 /opt/app/ssl/server.key",
		Confirm:     "namei -l /opt/app/ssl/server.key",
	},
	// Mercurial on a Python without TLS 1.1 and later.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"using legacy security technology (tls 1.0)"},
		Title:       "Mercurial's Python speaks only TLS 1.0, which the server no longer takes",
		Explanation: "Mercurial warns that its Python (2.6, or 2.7 before 2.7.9) offers only TLS 1.0; servers that turned TLS 1.0 and 1.1 off (Bitbucket since December 2018, most since) refuse it, and old Pythons also send no SNI.",
		Fix:         "Run Mercurial on a current Python (2.7.9 or later, or Python 3), from the system's packages or a newer image, and check its TLS:\n  hg debuginstall",
		Confirm:     "hg debuginstall",
	},
	// Python's ssl module refusing verify_mode CERT_NONE while the
	// context still checks host names.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"cannot set verify_mode to cert_none when check_hostname is enabled"},
		Title:       "Python: CERT_NONE was set before check_hostname was turned off",
		Explanation: "An ssl.SSLContext from create_default_context() checks host names, and Python refuses verify_mode = CERT_NONE while check_hostname is still True: the program (or a library it passes cert_reqs=ssl.CERT_NONE to, such as an AMQP, Redis or LDAP client) sets the two in the wrong order. No connection was tried yet.",
		Fix:         "Turn the host name check off first, then the verification (and only knowingly; better, give the context the server's CA):\n  ctx.check_hostname = False\n  ctx.verify_mode = ssl.CERT_NONE\nIn a library that does it in the wrong order, upgrade it (its newer releases set check_hostname first).",
		Confirm:     "python3 -c 'import ssl; print(ssl.OPENSSL_VERSION)'",
	},
	// Squid's ssl-bump certificate generator without its database.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"helpers are crashing too rapidly"},
		Within:      []string{"certgen", "ssl_crtd"},
		Title:       "Squid's certificate generator for ssl-bump keeps failing (its database is not set up)",
		Explanation: "Squid's ssl-bump makes certificates with its helper (security_file_certgen, ssl_crtd before Squid 4), which keeps them in a database directory. The helper dies at once when that directory was never initialised (after an upgrade to Squid 4 or a new path in sslcrtd_program), is not owned by Squid's user, or holds a database of the old helper.",
		Fix:         "Create the database as the sslcrtd_program line names it, owned by Squid's user, then restart Squid (the helper is in /usr/lib/squid or /usr/libexec/squid):\n  rm -rf /var/squid/ssl_crtd\n  security_file_certgen -c -s /var/squid/ssl_crtd -M 8MB\n  chown -R squid:squid /var/squid/ssl_crtd",
		Confirm:     "squid -k parse",
	},
	// TLS with a pre-shared key that differs between the two sides.
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"bad record mac"},
		Within:      []string{"psk", "zabbix", ":10050", ":10051"},
		Title:       "The two sides' pre-shared keys differ (TLS-PSK: bad record MAC)",
		Explanation: "With TLS-PSK (Zabbix agents and proxies, stunnel and others), both sides derive the keys from the pre-shared key; when the key (or the identity it is looked up by) differs between them, the first encrypted record fails to authenticate and the side that reads it sends bad_record_mac. An agent or host whose PSK was changed on one side only (after an upgrade, a new agent configuration, a host re-imported on the server) fails so.",
		Fix:         "Give both sides the same PSK identity and key: Zabbix: TLSPSKIdentity and the file TLSPSKFile names in the agent's configuration, and the host's PSK identity and PSK in the server's frontend (Encryption tab); then restart the agent:\n  cat /etc/zabbix/zabbix_agentd.psk",
		Confirm:     "grep -i '^TLSPSK' /etc/zabbix/zabbix_agentd.conf",
	},
	// An ACME server that could not reach the HTTP-01 challenge.
	{
		// Its writer is the ACME client (certbot, win-acme, acme.sh).
		ID: CertLoadFailed, Kind: "client", Side: "client",
		Match:       []string{"timeout during connect (likely firewall problem)", "/.well-known/acme-challenge/"},
		Title:       "The ACME server could not reach this host's HTTP-01 challenge (port 80)",
		Explanation: "To issue or renew the certificate, Let's Encrypt (or another ACME CA) fetches http://NAME/.well-known/acme-challenge/TOKEN from the internet, on port 80, at the address the name resolves to. The fetch failed: port 80 is not forwarded to this host (a home router, a cloud security group, a firewall), the name points at another address (a stale DNS record, an IPv6 AAAA record the host does not answer on), a proxy in front does not pass that path through, or nothing listened on port 80: a client's standalone mode (acme.sh --standalone, which runs socat; certbot --standalone) run as a user that may not bind ports below 1024, or a web server already holding the port.",
		Fix:         "Open and forward port 80 to the host that answers the challenge, check that the name resolves to its public address (both A and AAAA), and test the path from outside:\n  dig +short A host.example.com\n  dig +short AAAA host.example.com\n  curl -v http://host.example.com/.well-known/acme-challenge/test\nA standalone client run without root needs the right to bind port 80 (or use webroot mode with the running web server):\n  sudo setcap cap_net_bind_service=+ep /usr/bin/socat\nor use the DNS-01 challenge where port 80 cannot be opened.",
		Confirm:     "curl -v http://host.example.com/.well-known/acme-challenge/test",
	},
	// libpq when its server closed the connection in the middle of TLS.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"ssl syscall error: eof detected"},
		Without:     []string{"could not accept ssl connection"},
		Title:       "The PostgreSQL server (or something in between) closed the connection in the middle of TLS",
		Explanation: "libpq (psql, and drivers on it) read end-of-file where the server should have answered over TLS: the connection was closed without an error message. Its cause is on the other side, whose log tells it: the server process ended (a crash, an out-of-memory kill, an administrator's pg_terminate_backend, a restart), a pooler, proxy or load balancer in between closed it (an idle timeout, a TLS-terminating proxy that expects another protocol), or a PostgreSQL-compatible server closed it on a login error instead of answering one (a bug of that server).",
		Fix:         "Read the server's (or the proxy's) log at that time; try the same login without TLS, or straight to the server bypassing the pooler, to see which part closes:\n  psql \"host=db.example.com sslmode=disable\"\n  openssl s_client -connect db.example.com:5432 -starttls postgres </dev/null",
		Confirm:     "openssl s_client -connect db.example.com:5432 -starttls postgres </dev/null",
	},
	// Java refusing a certificate without an issuer name.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"empty issuer dn not allowed in x509certificates"},
		Title:       "Java refused the server's certificate: its issuer (and subject) name is empty",
		Explanation: "Java's X.509 parser refuses a certificate whose issuer name is empty, before any trust is checked. The server's certificate (or one of its chain) was made without a subject, so the certificate it signed names no issuer: a generator or role that made the certificates with an empty -subj, or a CA without a name.",
		Fix:         "Reissue the CA and the server's certificate with real subjects (and the server's names in subjectAltName):\n  openssl req -x509 -new -key ca.key -subj '/CN=Example DB CA' -days 3650 -out ca.crt\n  openssl req -new -key server.key -subj '/CN=db.example.com' -out server.csr",
		Confirm:     "openssl x509 -noout -subject -issuer -in server.crt",
	},
	// Erlang/OTP 26's TLS clients verify by default.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"{options,incompatible,[{verify,verify_peer},{cacerts,undefined}]}", "{verify,verify_peer},{cacerts,undefined}"},
		Title:       "Erlang/OTP 26 verifies the server by default, and the connection was given no CA",
		Explanation: "From OTP 26, ssl:connect defaults to verify_peer, which needs CA certificates (cacertfile or cacerts); a client given none (a RabbitMQ shovel or federation URI without cacertfile, an Elixir or Erlang library that relied on the old verify_none default) is refused before it connects.",
		Fix:         "Give the connection its CA, e.g. in a RabbitMQ shovel's amqps URI (percent-encoded path), or the system's CAs (cacerts from public_key:cacerts_get()); verify_none only knowingly:\n  amqps://rmq1?cacertfile=%2Fetc%2Frabbitmq%2Fca.pem&verify=verify_peer&server_name_indication=rmq1",
		Confirm:     "openssl s_client -connect rmq1:5671 -CAfile /etc/rabbitmq/ca.pem </dev/null",
	},
	// RabbitMQ refusing to start TLS on an Erlang with OTP-10905.
	{
		ID: StartupFailed, Kind: "client", Side: "server",
		Match:       []string{"contains the bug otp-10905"},
		Title:       "RabbitMQ will not start TLS listeners on this old Erlang (OTP-10905: SSLv3 cannot be turned off)",
		Explanation: "Erlang releases before R16B01 cannot turn SSLv3 off (bug OTP-10905), so RabbitMQ refuses to start its TLS listeners on them (POODLE). Distribution packages of old systems carry such releases.",
		Fix:         "Install a current Erlang/OTP (from RabbitMQ's or Erlang Solutions' repositories, matching the RabbitMQ release), then restart RabbitMQ.",
		Confirm:     "erl -version",
	},
	// Caddy's on-demand TLS without its ask endpoint.
	{
		ID: StartupFailed, Kind: "client", Side: "server",
		Match:       []string{"on-demand tls cannot be enabled without"},
		Title:       "Caddy refuses on-demand TLS without an ask endpoint",
		Explanation: "Caddy 2.7 and later refuse to start with on_demand TLS unless a permission module says which names may get certificates (the ask endpoint), so that anyone pointing a name at the server cannot make it request certificates without end. A Caddyfile written for older releases has on_demand alone.",
		Fix:         "Add the ask endpoint (a URL of yours that answers 200 for the names allowed) to the global options, then reload Caddy:\n  on_demand_tls {\n      ask http://localhost:5555/check\n  }",
		Confirm:     "caddy validate --config /etc/caddy/Caddyfile",
	},
	// go-mssqldb when SQL Server ended the TLS handshake.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"cannot read handshake packet: eof"},
		Title:       "SQL Server closed the TLS handshake of the Go driver",
		Explanation: "go-mssqldb tunnels TLS inside SQL Server's login packets, and the server ended the handshake without an error: they share no TLS version or signature algorithm (a SQL Server 2014 or older without its TLS 1.2 updates against Go's TLS 1.2 minimum; a certificate whose signature algorithm the client does not offer, as with old Go releases and SHA-512 certificates), or the server forces encryption with a certificate it cannot use.",
		Fix:         "See what the server takes, and update the side that lacks TLS 1.2 (SQL Server's TLS 1.2 updates, or a current Go and driver); encrypt=disable in the connection string only where TLS is not wanted:\n  nmap --script ssl-enum-ciphers -p 1433 sql.example.com",
		Confirm:     "nmap --script ssl-enum-ciphers -p 1433 sql.example.com",
	},
	// JSSE's debug log naming the alert this side sent ("Fatal
	// (UNEXPECTED_MESSAGE): Unexpected handshake message: ...").
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"fatal (unexpected_message): unexpected handshake message"},
		Title:       "Java ended the handshake itself: a handshake message came out of turn",
		Explanation: "In JSSE's debug log, `Fatal (ALERT)` is the alert this side sent: Java got a handshake message it did not expect at that point (here, the one the line names) and stopped. The peer rarely sends messages out of turn; more often the program's own handling of the TLS engine is wrong (a library that drives SSLEngine itself, such as an NIO client, Netty or a message broker's client in its NIO mode, in a release with a bug), or something in between (a load balancer, a proxy) changed the bytes.",
		Fix:         "Try the same connection another way to see which part is at fault: the library's blocking mode instead of NIO, TLS 1.3 instead of 1.2, a newer (or the previous) release of the library; and compare with a plain client:\n  openssl s_client -connect host:5671 -servername host </dev/null",
		Confirm:     "openssl s_client -connect host:5671 -servername host </dev/null",
	},
	// kubeadm (and minikube) finding certificates of an earlier cluster.
	{
		ID: BadSignature, Kind: "client", Side: "client",
		Match:       []string{"not signed by ca certificate"},
		Within:      []string{"[certs]", "certificate "},
		Title:       "kubeadm found certificates of an earlier cluster: they are not signed by the current CA",
		Explanation: "kubeadm (under minikube, kind and others too) checks the certificates it finds in its certificate directory (/etc/kubernetes/pki; minikube's ~/.minikube) against the cluster CA there, and refuses one another CA signed: files left from an earlier cluster (a reinstall or a reset that kept some files, a CA made again) next to a new CA, or the other way round.",
		Fix:         "Start from one set: remove the old cluster's state, then create the cluster again (its certificates with it):\n  minikube delete --all --purge\nor, on a kubeadm node:\n  kubeadm reset\n  rm -rf /etc/kubernetes/pki",
		Confirm:     "openssl verify -CAfile /etc/kubernetes/pki/ca.crt /etc/kubernetes/pki/apiserver-kubelet-client.crt",
	},
}
