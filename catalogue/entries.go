package catalogue

import (
	"slices"
	"strings"
	"sync"
)

// Text shared by several entries, so that the same fact is told the same way.
const (
	handshakeLine = "ssl_do_handshake() failed"
	infoHidden    = "nginx writes this at info level; with the default `error_log ... error;` it never reaches the log, so raise the level (`error_log /var/log/nginx/error.log info;`) to see it."
	as400         = "nginx sends and logs it as status 400 (the access log never shows 495, 496 or 497)."
	serverSide    = "This is about nginx's own server certificate, not the client certificate: nginx never rejects a client certificate inside the TLS handshake (it answers with an HTTP 400 page instead)."
	notNginxHTTP  = "nginx itself never sends this alert for a client certificate (it finishes the handshake and answers with an HTTP 400 page), so the server that sent it is something else: openssl s_server, a load balancer, a backend, or nginx's stream module."
	nginxLoggedIt = "If a server wrote it (nginx in an `SSL_do_handshake() failed` line, openssl s_server), the roles are reversed: its client sent it about the server's own certificate."
	infoLevel     = "info"
	probeCmd      = "mtlsdoctor probe host:443 --cert client.crt --key client.key"
	// sanConfirm shows the names of the certificate a server sends.
	sanConfirm = "openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -text | grep -A1 'Subject Alternative Name'"
	// serverVerdictConfirm shows OpenSSL's verdict on the chain a server sends.
	serverVerdictConfirm = "openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | grep 'Verify return code'"
	// connectByName is the fix of a client's name mismatch.
	connectByName = "Connect with a name the certificate carries, or reissue it with that name or address:\n  subjectAltName=DNS:host.example.com,IP:192.0.2.10"
	// addToSystemBundle adds a CA to a Debian-like system's bundle.
	addToSystemBundle = "\n  cp ca.crt /usr/local/share/ca-certificates/\n  update-ca-certificates"
	keyPairCheck      = "openssl x509 -noout -pubkey -in client.crt | sha256sum\n  openssl pkey -pubout -in client.key | sha256sum"
	// keyPairConfirm is keyPairCheck as a Confirm (WithConfirm indents it).
	keyPairConfirm     = "openssl x509 -noout -pubkey -in client.crt | sha256sum\nopenssl pkey -pubout -in client.key | sha256sum"
	serverKeyPairCheck = "openssl x509 -noout -pubkey -in server.crt | sha256sum; openssl pkey -pubout -in server.key | sha256sum (the two sums must be equal)"
	curlClient         = "curl -v --cacert ca.crt --cert client.crt --key client.key https://host/"
	// Why a TLS client does not trust a server's certificate, and what to do.
	clientTrustCauses = "Four causes cover nearly all cases. (1) The client lacks the CA that issued the chain: a private or self-signed CA it was not given, a TLS-intercepting corporate proxy or antivirus that re-signs the traffic with its own CA, or a missing, outdated or unreadable CA bundle (an old system, a slim container image, a bundle or /etc/ssl that a daemon's own user may not read; OpenSSL 1.0.x and GnuTLS before 3.6.14 also fail on a chain through an expired cross-signing root: AddTrust in 2020, DST Root CA X3 in 2021). (2) The server does not send its intermediate certificate (browsers fill it in, other clients do not). (3) A date: the server's certificate or a CA above it has expired (a renewal not yet reloaded, or not copied to every server behind the name; an enterprise CA past its end), a CRL the client checks has passed its nextUpdate, or the client's clock is wrong. (4) The CA was given, but this program does not use it: it was given to the wrong option, or the program reads its own bundle or store (certifi's, a JVM's cacerts, a container's, Git for Windows' own, or the CA file a PHP or Ruby library or SDK ships and hands to curl or OpenSSL: Guzzle 3's and Requests' cacert.pem, payment SDKs' cert.pem, outdated or left out of the package, which an update of the package fixes), or one of its parts ignores the CA or insecure option (a bug or regression of its release, which the same files working with openssl s_client -CAfile show), or it trusts only a fingerprint it stored of the server's certificate (a backup or sync remote, an agent, a management console), which a renewal of that certificate changed: store the new fingerprint; or it was built with its own OpenSSL whose default CA location is a path of the build machine (static builds of FFmpeg, of tools and of language runtimes), so it finds no CA on this one: point SSL_CERT_FILE at the system's bundle."
	// noTrustOption is the cause of many client refusals in a tool's or an
	// app's own tracker: it gives no way to trust a CA at all.
	noTrustOption = "If the program has no setting for a CA file or for skipping this check (many tools, plugins, adapters and CLIs lack one, or ignore the one they have), look in its newer releases and its issue tracker, where one is often added; until then the system's trust store, or the environment (SSL_CERT_FILE; NODE_EXTRA_CA_CERTS for node; REQUESTS_CA_BUNDLE for Python's requests), may reach it."
	// ProgramBugNote ends explain's fix of a program's failure whose fix
	// says nothing of its releases: many threads end in a bug of the
	// program or of its library, fixed in a later release.
	ProgramBugNote = "If the certificates, keys and settings check out, suspect the program itself: a bug or regression of its release (or of the TLS library under it) can give this message. Search its issue tracker for the message, and try its latest release (or the one before, if it began after an upgrade)."
	// newCheckNote is the cause of many refusals that start with an
	// upgrade: the new release checks what the old one did not.
	newCheckNote = "If it worked before an upgrade of the program, its library or its runtime, the new release checks what the old one did not (the host name against subjectAltName, stricter X.509 rules, verification or encryption on by default): the certificate needs fixing, or the new check its setting."
	// clientTrustNotes follow the trust fix of a client that is not
	// curl, openssl or nginx.
	clientTrustNotes = noTrustOption + " " + newCheckNote
	clientTrustFix   = "See which: the server's chain, and OpenSSL's verdict on it (Verify return code):\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null\n20 or 21 with one certificate shown: the intermediate is missing; serve the full chain. 18, 19 or 20 with the whole chain: give the client the CA (install or update the ca-certificates package, or the private CA; behind an intercepting proxy, its CA). 9 or 10: compare the dates with the clock (date -u), renew or reload the server's certificate. A name error: connect by a name the certificate carries."
)

// A word list is one string that stands for several words of an entry's
// Within or Without, each after a "|": "|ssl_accept|wolfssl_accept". The
// lists that several entries share are constants, not slices, because a
// table naming a variable is copied into place by code at every start,
// where one naming only constants and literals is static data the linker
// lays out (TestTablesStatic). The table Lookup reads has them spelled out.

// toUpstream marks the lines where nginx is the client: to its upstream,
// or a Lua cosocket's (a timer's, a *_by_lua handler's). The entries for
// nginx as the server leave them out. A word list.
const toUpstream = "|to upstream|context: ngx.timer|by_lua|cosocket|lua tcp socket"

// requestCtx is the request an nginx line names in its context. nginx
// finishes its clients' handshakes before it reads their requests, so a
// handshake failing while a request is served is one nginx makes itself
// (a Lua cosocket's; an upstream's lines say so).
const requestCtx = `, request: "`

// ownHandshake marks nginx's handshake lines where nginx is the client:
// the entries for nginx's handshakes with its clients leave them out. A
// word list.
const ownHandshake = toUpstream + "|" + requestCtx

// luaHandshake marks the handshake lines of Lua cosockets. A word list.
const luaHandshake = "|context: ngx.timer|by_lua|cosocket|lua tcp socket|" + requestCtx

// spelled is e with the word lists of its Within and Without spelled out.
func spelled(e Entry) Entry {
	e.Within, e.Without = spellWords(e.Within), spellWords(e.Without)
	return e
}

// spellWords is words with each word list replaced by its words (words
// itself when it holds none).
func spellWords(words []string) []string {
	if !slices.ContainsFunc(words, isWordList) {
		return words
	}
	var out []string
	for _, w := range words {
		if isWordList(w) {
			out = append(out, strings.Split(w[1:], "|")...)
		} else {
			out = append(out, w)
		}
	}
	return out
}

func isWordList(w string) bool { return strings.HasPrefix(w, "|") }

// containsListWord reports whether s contains one of the words of list.
func containsListWord(s, list string) bool {
	for w := range strings.SplitSeq(list[1:], "|") {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// entries is the table Entries and Lookup read. Within a family the specific
// entries come before the catch-all, so that Lookup's output order reads
// from specific to general.
var entries = sync.OnceValue(func() []Entry {
	return joinEntries(
		// Lines whose writer is a TLS client, or a server other than nginx
		// (findings_roles.go): they explain the line in its writer's terms.
		ownWords(roleEntries),
		// IBM MQ, GSKit, WebSphere, WebLogic, Oracle, SAP, Db2, IIS,
		// CryptoAPI, Exchange and rsyslog in their own words, by their
		// message codes (findings_enterprise.go), before the other
		// writers' looser words.
		productWords(enterpriseEntries),
		productWords(otherWriterEntries),
		// Products' own words (findings_products.go).
		productWords(productEntries),
		// Causes of a file a program could not read, for lines whose
		// words triage names (triage.go).
		ownWords(triageEntries),
		// GnuTLS's errors and certificate status reasons (findings_gnutls.go),
		// before gnutls-cli's general refusal in clientWriterEntries: pasted
		// together, the status line names the cause.
		ownWords(gnutlsEntries),
		// Mbed TLS's errors (findings_mbedtls.go).
		ownWords(mbedtlsEntries),
		// BearSSL's codes without OpenSSL words (findings_bearssl.go).
		ownWords(bearsslEntries),
		// Windows' security codes (findings_schannel.go).
		ownWords(schannelEntries),
		// NSS's errors that the browser entries leave out (findings_nss.go).
		ownWords(nssEntries),
		// BoringSSL's reasons that OpenSSL's entries do not tell
		// (findings_boringssl.go).
		ownWords(boringsslEntries),
		// wolfSSL's errors (findings_wolfssl.go).
		ownWords(wolfsslEntries),
		// rustls's and webpki's errors (findings_rustls.go).
		ownWords(rustlsEntries),
		// Apple's TLS stack: iOS and macOS apps, curl on Secure Transport
		// (findings_apple.go).
		ownWords(appleEntries),
		ownWords(clientWriterEntries),
		// OpenSSL's system library's words for a file it could not open
		// (findings_products.go), after every writer's own load entry.
		ownWords(systemLibEntries),
		// What nginx writes to its error log (findings_logs.go).
		plain(logLineEntries),
		plain(otherEntries),
		plain(reasonEntries),
		// HTTP statuses: nginx sends all three special codes as 400 (findings_logs.go).
		plain(logStatusEntries),
		plain(status400Entries),
	)
})

// table is one table of entries; own marks its specific entries as
// explaining a line in its writer's terms: a bare reason or alert entry
// then steps aside for them.
type table struct {
	rows    []Entry
	own     bool
	product bool
}

// ownWords is t with its specific entries in their writer's own terms.
func ownWords(t []Entry) table { return table{rows: t, own: true} }

// productWords is t with its specific entries in a product's own terms,
// whose fixes are the product's own.
func productWords(t []Entry) table { return table{rows: t, own: true, product: true} }

// plain is t as it is.
func plain(t []Entry) table { return table{rows: t} }

// joinEntries concatenates tables in order into one slice (the table is
// built on the first lookup of every run that explains something), with
// their word lists spelled out.
func joinEntries(tables ...table) []Entry {
	n := 0
	for _, t := range tables {
		n += len(t.rows)
	}
	out := make([]Entry, 0, n)
	for _, t := range tables {
		for _, e := range t.rows {
			e = spelled(e)
			if t.own {
				e.Own = !e.Fallback
				e.Product = t.product && !e.Fallback
			}
			out = append(out, e)
		}
	}
	return out
}

// otherEntries are what OpenSSL, TLS clients and alerts say.
var otherEntries = []Entry{
	// OpenSSL reasons as clients and tools print them.
	// An OpenSSL client's step that processes the server's certificate
	// (1.0.2, 1.1.1 and 3.x function names) failed its verification;
	// nginx's own clients (upstream, Lua, OCSP) have their own entries. Not
	// a writer's own entry: a program's own entry and the verify result in
	// the line (`(certificate has expired)`) go first.
	{
		ID: ServerCertUntrusted, Kind: "client", Within: []string{"certificate verify failed"}, Without: []string{"upstream", "lua", "ocsp"},
		Match:       []string{"tls_post_process_server_certificate:", "tls_process_server_certificate:", "ssl3_get_server_certificate:"},
		Title:       clientRefusedChainTitle,
		Explanation: clientRefusedChainWhy,
		Fix:         clientRefusedChainFix,
		Confirm:     serverVerdictConfirm,
	},
	// RSA's check of a signature larger than the modulus of the key given
	// for it: the wrong key, most often a CA of the issuer's name.
	{
		ID: HandshakeFailed, Kind: "reason",
		Match:       []string{"data too large for modulus", "data_too_large_for_modulus"},
		Title:       "An RSA signature was checked with the wrong key: most often a CA with the issuer's name but another key",
		Explanation: "RSA's check of a signature failed before any comparison: the signature, read as a number, is larger than the modulus of the key given to check it, so that key is not the one that signed (with a wrong key of the same size this shows now and then; the same mistake more often says `padding check failed`, or `wrong signature length` for a smaller key: checked with openssl verify and a CA file holding another CA of the issuer's name). In a handshake it is most often a certificate checked against a CA that has the same name as its real issuer but another key: this side's CA file holds its own CA (or an older or test CA of that name) where the peer's belongs, or a CA was made again with the same subject and the other side still trusts the old one. OpenSSL and BoringSSL look issuers up by name, take that CA, and its smaller key cannot check the signature. A certificate presented with a private key that is not its own can fail so too.",
		Fix:         "Check the peer's certificate against the CA file this side trusts: it must hold the CA that signed it, not only one of the same name:\n  openssl x509 -noout -issuer -in peer.crt\n  openssl x509 -noout -subject -fingerprint -in ca.pem\n  openssl verify -CAfile ca.pem peer.crt",
		Confirm:     "openssl verify -CAfile ca.pem peer.crt",
	},
	{
		ID: WeakSignature, Kind: "reason",
		Match: []string{"ca md too weak"},
		Title: "Certificate signed with SHA-1 or MD5 (ca md too weak)",
		Explanation: "OpenSSL refused a certificate whose signature uses a digest below the security level (SHA-1 from level 1 in OpenSSL 3; Debian runs level 2). 'ca md' is the digest the CA used to sign this certificate, which may be a leaf. " +
			"Printed while a program loads its own certificate (nginx's start-up, SSL_CTX_use_certificate, Python's load_cert_chain), it is that program's: a server's certificate or its chain, or the client certificate a client would send (curl: `could not load PEM client certificate`). " +
			"A client's own OpenSSL refuses to send it, so the server sees only a connection that ends (nginx: `client closed connection while SSL handshaking`). " +
			"When nginx itself judges a client certificate, the same problem is verify error 68. " +
			"A signature OpenSSL cannot weigh at all fails the same way: a Chinese national-standard SM2/SM3 certificate (Signature Algorithm 1.2.156.10197.1.501) or a GOST one, which a stock OpenSSL or nginx build does not take: it needs a build with those algorithms (GmSSL, Tongsuo, a GOST engine) or a certificate with RSA or ECDSA and SHA-256.",
		Fix:     "Re-sign the certificate with SHA-256:\n  " + reissueClient + "\nUntil then, OpenSSL 3 accepts SHA-1 only at security level 0, which weakens every connection (a stopgap only; the same @SECLEVEL=0 goes in Apache's SSLCipherSuite or HAProxy's ciphers); nginx:\n  ssl_ciphers DEFAULT:@SECLEVEL=0;",
		Confirm: "openssl x509 -noout -text -in client.crt | grep 'Signature Algorithm'",
	},
	{
		ID: WeakKey, Kind: "reason",
		Match: []string{"ee key too small"},
		Title: "Certificate key too small for the security level (ee key too small)",
		Explanation: "OpenSSL refused a certificate whose own key is below the security level (SECLEVEL; at Debian's level 2: RSA under 2048 bits, EC under 224; some systems set level 3, which wants 3072-bit RSA), so the key size must grow. " +
			"It is printed while a program loads its own certificate: by curl, it is the client certificate, which the client then refuses to send; in nginx's start-up errors, or any server's, it is the server certificate. A key that passed before and fails after an upgrade or on another system meets a higher level there: the system-wide openssl.cnf (CipherString = DEFAULT@SECLEVEL=3 on some systems). When nginx judges a client certificate, the same problem is verify error 66.",
		Fix:     "Make a new key and certificate for the program that loads it, a server's own or a client's (3072 bits pass levels 2 and 3); for a client certificate:\n  openssl req -new -newkey rsa:3072 -nodes -keyout client.key -subj '/CN=client1' -out client.csr\nthen:\n  " + reissueClient + "\n(for a server's, the same with its name and the server's file names)" + "\nTo see which level the system sets, find SECLEVEL in the configuration file of:\n  openssl version -d",
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
		// OpenSSL 3's decoders: what node (and anything on OpenSSL 3) says
		// of a key or certificate it cannot read, with no other reason.
		ID: KeyLoadFailed, Kind: "reason",
		Match:       []string{"decoder routines::unsupported", "decoder routines:ossl_decoder_from_bio:unsupported"},
		Title:       "OpenSSL 3 could not decode the key or certificate it was given (DECODER routines::unsupported)",
		Explanation: "No OpenSSL 3 decoder read the data given as a private key (or certificate): it is not a private key at all (the certificate, a public key or a CSR given as the key, or the two options swapped), it is empty or cut short, it is PKCS#12 or DER where PEM is expected, or it is an encrypted key read with no passphrase. node says only this for all of them. A key passed in an environment variable or a platform's secret is often mangled on the way: its line breaks left as the two characters \\n (or doubled to \\\\n by a platform that escapes backslashes, so one replace() is not enough), or cut at the first line break.",
		Fix:         "See what the file given as the key holds; it must start with BEGIN PRIVATE KEY (or RSA/EC PRIVATE KEY):\n  head -n 1 client.key\nthen check that it reads and pairs with the certificate:\n  " + keyPairCheck,
		Confirm:     "openssl pkey -noout -in client.key",
	},
	{
		ID: Unreadable, Kind: "reason",
		Match:       []string{"no start line"},
		Title:       "Not a PEM file of the expected kind (no start line)",
		Explanation: "OpenSSL found no `-----BEGIN ...-----` line of the kind it expected: the file is empty, DER or PKCS#12, holds a key instead of a certificate (or a certificate where the private key was expected), or `BEGIN TRUSTED CERTIFICATE` where plain `BEGIN CERTIFICATE` is required. A key made with ssh-keygen (`BEGIN OPENSSH PRIVATE KEY`, its default since OpenSSH 7.8) is no key OpenSSL reads: convert it with ssh-keygen -p -m PEM -f key, or make the TLS key with openssl. A PEM passed as text (an environment variable, a CI or cloud secret, an app setting, a JSON or YAML value) often arrives broken: its line breaks turned into the two characters \\n or lost, or the whole PEM base64-encoded once more. A file's path given where its contents are expected (node's key and cert options, Bun.serve's tls key as a path string rather than Bun.file(path)) is read as PEM text and has no BEGIN line either.",
		Fix:         "Check that each path names the right file (the certificate where a certificate is expected, the private key where a key is: nginx's ssl_certificate and ssl_certificate_key, Apache's SSLCertificateFile and SSLCertificateKeyFile), then convert a DER certificate to PEM:\n  openssl x509 -inform DER -in cert.der -out cert.pem\nor a DER private key:\n  openssl pkey -inform DER -in key.der -out key.pem\nA PEM from an environment variable: turn literal \\n back into line breaks before use (JavaScript: key.replace(/\\\\n/g, '\\n')), or store it base64-encoded and decode it.",
		Confirm:     "head -1 FILE",
	},

	// TLS alerts as clients print them (Go: "remote error: tls: ...",
	// OpenSSL/curl: "tlsv1 alert ...", "sslv3 alert ..."). Inside nginx's own
	// SSL_do_handshake() line the handshake-failed entries above take over.
	{
		ID: TLSAlert, Kind: "alert",
		Match: []string{"tls: unknown certificate authority", "alert unknown ca", "gnutls_handshake() failed: ca is unknown", "received alert [48]", "(alertlevel_fatal,unknownca)",
			// NSS (curl on RHEL and CentOS 7, Firefox) in its words.
			"peer does not recognize and trust the ca that issued your certificate"},
		Exact: []string{"unknown ca", "unknown_ca", "unknown certificate authority", "alert 48"},
		Title: "TLS alert 48 unknown_ca: the other side does not trust the CA",
		Explanation: "The side that sent the alert does not know the CA behind the certificate it was shown. " +
			"Printed by your client (curl `tlsv1 alert unknown ca`, Go `remote error: tls: unknown certificate authority`): the server refused your client certificate's CA during the handshake. Three causes: (1) the server's client-CA file lacks that CA (some servers, such as envoy, need the root there, not only the intermediate), or it still holds the CA it loaded before a rotation; (2) the client sent only its own certificate, without the intermediate that links it to the CA the server trusts; (3) the server checks revocation and holds no CRL from that CA (OpenSSL's verify error 3, unable to get certificate CRL; an OpenSSL server sends unknown_ca for it). " + notNginxHTTP + " " +
			"Written by a server (nginx in `SSL_do_handshake() failed`, openssl s_server, a Go server's `remote error`): its client refused the server's own certificate.",
		Fix:     "Server side: add the CA that issued the client certificate (with its root) to the server's trust file, and to its CRL file (when it checks CRLs) a CRL from that CA. Client side: send the client certificate chain, the certificate then its intermediate in one file:\n  cat client.crt intermediate.crt > client-chain.crt\nIf a server logged it: give its client the server's CA:\n  curl --cacert ca.crt ...\nand serve the full server chain.",
		Confirm: probeCmd,
	},
	{
		ID: TLSAlert, Kind: "alert",
		Match: []string{"tls: bad certificate", "alert bad certificate", "remote error: bad certificate", "gnutls_handshake() failed: certificate is bad", "received alert [42]", "(alertlevel_fatal,badcertificate)", "ssl peer cannot verify your certificate", "alert received: bad certificate"},
		Exact: []string{"bad certificate", "bad_certificate", "alert 42"},
		Title: "TLS alert 42 bad_certificate: the other side rejected a certificate",
		Explanation: "Printed by your client (Go `remote error: tls: bad certificate`, OpenSSL `sslv3 alert bad certificate`), the server refused the handshake over your client certificate; the usual causes: " +
			"1. the client sent none (Go and many TLS 1.2 servers answer that with this alert): none configured, an option the program ignores, or one held back because its issuer is not among the CAs the server asks for (Go, .NET and Java clients do so); " +
			"2. the server does not trust it: the CA is missing from the server's client-CA file, the intermediate was not sent, the server still holds the CA it loaded before a rotation (it must be reloaded or restarted), or the client certificate has expired (openssl x509 -noout -enddate shows when); " +
			"3. the certificate is not for a client: no clientAuth in its extendedKeyUsage (a server certificate reused as a client's), or not yet valid by the server's clock (OpenSSL servers answer a future notBefore with bad_certificate); " +
			"4. the server demands a certificate this client cannot present at all (a listener set to verify every client, such as Consul's verify_incoming for envoy's xDS stream): the fix is then the server's setting. " +
			"Erlang servers send this alert for every refusal, their own CRL check failing included (a CRL past its nextUpdate, or none from your certificate's CA): the server's log says which. " + notNginxHTTP + " " +
			"Written by a server (nginx, openssl s_server, a Go server's `remote error`, an intercepting proxy): its client rejected the server's own certificate: a CA the client does not trust, a name the certificate lacks, or a certificate that is not for a server (an extendedKeyUsage with clientAuth only, as when a client's certificate is given to the server).",
		Fix:     "Make sure the client sends its certificate (in curl's verbose output, the client's Certificate message shows whether it was empty):\n  curl -v --cert client.crt --key client.key https://host/\nthen check it against the server's CA:\n  " + verifyClient + "\nIf curl gets through with the same files and the program still fails, the program does not send what it was given: a certificate option it ignores in one of its parts (a bug that later releases fix; look in its issue tracker), or a certificate it holds back because its issuer is not among the CAs the server asks for. If curl fails too and the files verify, the server's trust is stale or too strict: reload it, and check what it asks for:\n  openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | grep -A5 'Acceptable client certificate CA names'",
		Confirm: probeCmd,
	},
	{
		ID: TLSAlert, Kind: "alert",
		Match: []string{"tls: certificate required", "tls: client certificate is required", "alert certificate required", "gnutls_handshake() failed: certificate is required", "received alert [116]", "(alertlevel_fatal,certificaterequired)", "ssl received a certificate_required alert"},
		Exact: []string{"certificate required", "certificate_required", "alert 116"},
		Title: "TLS alert 116 certificate_required: the server wanted a client certificate",
		Explanation: "A TLS 1.3 server demanded a client certificate and got none. Three causes: (1) the client has none configured, or was given one in an option it does not read (a library that builds its own TLS context, a proxy or pooler that connects for it); (2) it has one but held it back: Go, Java, .NET and browsers send nothing when its issuer is not among the CA names the server advertised; (3) the client cannot send one over TLS 1.3: curl on NSS (libcurl 7.88 with NSS 3.87, as real runs here showed) sends none over TLS 1.3 at all, while it sends it over TLS 1.2 (--tls-max 1.2). " +
			"In TLS 1.3 the client learns this only on its first read after the handshake seemed to succeed. " +
			"nginx never sends this alert: in the same situation it answers with a 400 'No required SSL certificate was sent' page (496).",
		Fix:     "Configure the client certificate:\n  curl --cert client.crt --key client.key ...\nand make sure its issuer is among the server's acceptable CA names (for nginx: the subjects in ssl_client_certificate).",
		Confirm: "openssl s_client -connect host:443 -tls1_2 </dev/null 2>/dev/null | grep -A5 'Acceptable client certificate CA names'",
	},
	{
		ID: TLSAlert, Kind: "alert",
		Match:       []string{"tls: expired certificate", "alert certificate expired", "gnutls_handshake() failed: certificate is expired", "received alert [45]", "(alertlevel_fatal,certificateexpired)", "ssl peer rejected your certificate as expired"},
		Exact:       []string{"certificate expired", "expired certificate", "certificate_expired", "alert 45"},
		Title:       "TLS alert 45 certificate_expired: a certificate has expired",
		Explanation: "Printed by your client, the server refused your client certificate over a date, for one of three causes: 1. the client certificate (or an intermediate sent with it) has expired, or was renewed while the client still presents the old one it loaded at start (restart it, or put the new one where it reads it); 2. it is not yet valid by the server's clock (a certificate made moments ago, or a server clock behind: a Go server sends this alert for both, OpenSSL servers answer a future notBefore with bad_certificate); 3. an OpenSSL-based server checks a CRL that is past its next update. Written by a server (nginx, openssl s_server): its client found the server's own certificate expired, or a mesh's rotation left a sidecar serving an expired one. A wrong clock on the complaining side does the same.",
		Fix:         "See which date fails, on the certificate and on both clocks:\n  openssl x509 -noout -dates -in client.crt\n  date -u\nA notAfter in the past: renew the certificate:\n  " + reissueClient + "\nA notBefore later than the server's clock: fix that clock (NTP), or wait until it has passed. Both dates right: look at the server's CRL and issue a new one:\n  openssl crl -noout -nextupdate -in crl.pem\n  openssl ca -gencrl -config ca.cnf -out crl.pem",
		Confirm:     "openssl x509 -noout -enddate -checkend 0 -in client.crt",
	},
	{
		ID: TLSAlert, Kind: "alert",
		Match:       []string{"tls: unsupported certificate", "alert unsupported certificate", "gnutls_handshake() failed: certificate is not supported", "received alert [43]", "(alertlevel_fatal,unsupportedcertificate)", "ssl peer does not support certificates of the type it received"},
		Exact:       []string{"unsupported certificate", "unsupported_certificate", "alert 43"},
		Title:       "TLS alert 43 unsupported_certificate: wrong kind of certificate",
		Explanation: "The server refused the client certificate's type or usage; openssl s_server sends it for a client certificate without clientAuth in extendedKeyUsage (e.g. serverAuth only). Other servers send it for a key type they do not take (an EC or Ed25519 key where only RSA is allowed) or a certificate without a field they need (a Common Name or subjectAltName that the broker or database maps to a user). nginx would log the same problem as verify error 26. " + nginxLoggedIt,
		Fix:         "See the client certificate's purpose, key type and names:\n  openssl x509 -noout -purpose -subject -text -in client.crt | grep -A1 -e ' : ' -e '^subject=' -e 'Subject Alternative Name'\nReissue it with clientAuth (and, for a broker or database that maps the certificate to a user, a Common Name in -subj):\n  " + reissueClient + "\nwith client.ext:\n" + clientExtLines,
		Confirm:     "openssl x509 -noout -purpose -in client.crt (must show `SSL client : Yes`)",
	},
	{
		ID: TLSAlert, Kind: "alert",
		Match:       []string{"tls: revoked certificate", "alert certificate revoked", "gnutls_handshake() failed: certificate was revoked", "received alert [44]", "(alertlevel_fatal,certificaterevoked)", "ssl peer rejected your certificate as revoked"},
		Exact:       []string{"revoked certificate", "certificate revoked", "certificate_revoked", "alert 44"},
		Title:       "TLS alert 44 certificate_revoked: the certificate is revoked",
		Explanation: "The other side found the certificate in its CRL or OCSP answer. nginx would log the same for a client certificate as verify error 23 (CRL) or `verify error: certificate revoked` (OCSP). " + nginxLoggedIt,
		Fix:         "Issue a new certificate with a new serial:\n  " + reissueClient,
		Confirm:     "openssl x509 -noout -serial -in client.crt",
	},
	{
		ID: TLSAlert, Kind: "alert",
		Match:       []string{"tls: unknown certificate", "alert certificate unknown", "gnutls_handshake() failed: unknown certificate", "received alert [46]", "(alertlevel_fatal,certificateunknown)", "ssl peer had some unspecified issue with the certificate it received", "tls certificate unknown alert message from the peer"},
		Exact:       []string{"certificate unknown", "unknown certificate", "certificate_unknown", "alert 46"},
		Title:       "TLS alert 46 certificate_unknown: certificate refused for an unspecified reason",
		Explanation: "The other side refused the certificate without saying why. Printed by your client: the server refused the client certificate: an untrusted CA, an expired, not yet valid or revoked certificate, one without the clientAuth purpose, or revocation the server could not check (its CRL past its nextUpdate, or none from your certificate's CA); or the client reached another endpoint than the one that knows this certificate (a sandbox URL for a production certificate or the reverse, another region's or state's service). Java servers send this alert for all of them, so the server's log says which. Written by a server (nginx, openssl s_server): its client refused the server's own certificate, typically an untrusted CA or a name mismatch.",
		Fix:         "Verify the certificate against the other side's CA:\n  " + verifyClient + "\nIf it verifies, look at the dates of the server's CRL:\n  openssl crl -noout -issuer -nextupdate -in crl.pem",
		Confirm:     probeCmd,
	},
	{
		ID: TLSAlert, Kind: "alert",
		Match: []string{"tls: handshake failure", "alert handshake failure", "gnutls_handshake() failed: handshake failed", "received alert [40]", "(alertlevel_fatal,handshakefailure)", "ssl peer was unable to negotiate an acceptable set of security parameters"},
		Exact: []string{"handshake failure", "handshake_failure", "alert 40"},
		Title: "TLS alert 40 handshake_failure: no acceptable parameters",
		Explanation: "The other side could not agree on the connection parameters. Printed by a client, three causes cover nearly all cases: (1) the server requires a client certificate (TLS 1.2) and got none it would take: none at all, an expired one, or one sent without the intermediate that links it to the CA the server trusts (.NET and Java send only the chain they can build from their own stores); with TLS 1.2 curl prints `sslv3 alert handshake failure` and Go `remote error: tls: handshake failure` where TLS 1.3 gives certificate_required. " +
			"(2) No TLS version or cipher in common, most often an old or pinned client against a server that now allows only TLS 1.2 and later with modern ciphers: OpenSSL 0.9.8 (old macOS), an old curl, PHP or Java 7, or a setting that forces SSLv3 or TLS 1.0 (CURLOPT_SSLVERSION, ssl.PROTOCOL_TLSv1, a cipher list); or the reverse, a new client against an old server: Python 3.10 and later and other clients on OpenSSL 3 no longer offer TLS 1.0 and 1.1 or ciphers without forward secrecy, nor Go 1.22 and later RSA key exchange (GODEBUG=tlsrsakex=1 brings it back), which may be all an old server has (MongoDB before 4.0, an old appliance or mail server, OpenLDAP without a DH parameter file), and the server logs no shared cipher; Erlang/OTP 21 and later clients refuse static RSA too. (3) No server name (SNI): clients on OpenSSL 0.9.8, Python before 2.7.9, or code that calls SSL_connect without SSL_set_tlsext_host_name; CDNs and shared hosts refuse them. " +
			"Written by a server: its client ended the handshake: no TLS version or cipher in common, or an Erlang client (RabbitMQ's shovels, an Elixir app) that found the server's certificate without the name it asked for (hostname_check_failed), which Erlang reports with this alert, as a real run here showed.",
		Fix:     "Tell the three apart with a current OpenSSL from the same machine, first without a client certificate:\n  openssl s_client -connect host:443 -servername host </dev/null\nIf that succeeds, the failing client is too old, pinned to an old version or cipher, or sends no server name: upgrade its TLS library or remove the pinned setting. If it fails the same way, try the old versions and ciphers a current OpenSSL leaves out:\n  openssl s_client -connect host:443 -servername host \\\n    -cipher 'DEFAULT:@SECLEVEL=0' </dev/null\nIf that one succeeds, the server is old (an appliance, a BMC, a switch, a PDU): let the client offer them for that server (Python: ctx.set_ciphers('DEFAULT:@SECLEVEL=0'); for curl, its --ciphers option), or upgrade the server. If both fail the same way, the server wants a client certificate: give it, with its intermediate appended (and the password of its key, if the key is encrypted):\n  curl --cert client.crt --key client.key ...",
		Confirm: "openssl s_client -connect host:443 -tls1_2 -cert client.crt -key client.key </dev/null",
	},
	{
		ID: TLSAlert, Kind: "alert",
		Match:       []string{"tls: error decrypting message", "alert decrypt error", "gnutls_handshake() failed: decrypt error", "received alert [51]", "(alertlevel_fatal,decrypterror)"},
		Exact:       []string{"decrypt error", "decrypt_error", "error decrypting message", "alert 51"},
		Title:       "TLS alert 51 decrypt_error: a handshake signature did not verify",
		Explanation: "A signature made during the handshake did not verify. Against nginx this means the client's private key does not match the client certificate it sent; nginx logs `SSL_do_handshake() failed (... bad signature)` at crit and a Go client sees `remote error: tls: error decrypting message`.",
		Fix:         "Pair the client certificate with its own key, or make a new key and reissue.",
		Confirm:     keyPairConfirm,
	},
	{
		ID: TLSAlert, Kind: "alert",
		Match:       []string{"tls: access denied", "alert access denied", "gnutls_handshake() failed: access was denied", "received alert [49]", "(alertlevel_fatal,accessdenied)", "peer received a valid certificate, but access was denied"},
		Exact:       []string{"access denied", "access_denied", "alert 49"},
		Title:       "TLS alert 49 access_denied: certificate valid but not allowed",
		Explanation: "The server accepted the certificate as valid but its own access policy does not allow this identity. nginx's ssl_verify_client never sends it; an application or proxy behind a TLS server does. A firewall or company network that lets TLS out only through its HTTP proxy answers direct connections with it too, before any certificate is sent. " + nginxLoggedIt,
		Fix:         "Ask the server's operator to allow the certificate's subject, or use a certificate for an allowed identity. On a company network, send the client through the HTTP proxy (HTTPS_PROXY=http://proxy.example.com:8080).",
		Confirm:     "openssl x509 -noout -subject -text -in client.crt | grep -A1 -e '^subject=' -e 'Subject Alternative Name'",
	},
	{
		ID: TLSAlert, Kind: "alert",
		Match: []string{"tls: protocol version not supported", "alert protocol version", "gnutls_handshake() failed: error in protocol version", "received alert [70]", "(alertlevel_fatal,protocolversion)", "peer reports incompatible or unsupported protocol version"},
		Exact: []string{"protocol version", "protocol_version", "alert 70"},
		Title: "TLS alert 70 protocol_version: no TLS version in common",
		Explanation: "Printed by a client (OpenSSL `tlsv1 alert protocol version`): the server accepts none of the TLS versions the client offered; nginx logs its own side of that as `unsupported protocol`. Most often the client is old or pinned and the server has turned TLS 1.0 and 1.1 off: a Python, pip or curl linked to OpenSSL 0.9.8 (old macOS), Java 7, Windows 7 without TLS 1.2 enabled, or a program pinned to TLS 1.0 (ssl.PROTOCOL_TLSv1, SslProtocols.Tls, CURLOPT_SSLVERSION): upgrade its TLS library or remove the pin. The other way round, a server that takes TLS 1.3 only (a CDN's or load balancer's minimum TLS version set to 1.3) refuses a client without TLS 1.3 (an older Dart or Flutter, Java 8 before 8u261, OpenSSL 1.0.2): set the minimum to 1.2, or upgrade the client. " +
			"Written by nginx in `SSL_do_handshake() failed`: the client sent it, because it accepts none of the versions nginx's ssl_protocols allows (a current client against TLS 1.0/1.1 only, or an old client against TLS 1.2 and later).",
		Fix:     "See which TLS library the client has (OpenSSL before 1.0.1 has no TLS 1.2); for Python:\n  python3 -c 'import ssl; print(ssl.OPENSSL_VERSION)'\nUpdate old clients, or those pinned to an old version (Python: ssl.PROTOCOL_TLS_CLIENT, not PROTOCOL_TLSv1; Java: -Djdk.tls.client.protocols=TLSv1.2; .NET: SslProtocols.None, the system's default). On the server, enable current versions:\n  ssl_protocols TLSv1.2 TLSv1.3;",
		Confirm: "openssl s_client -connect host:443 -tls1_2 </dev/null",
	},

	// What clients print about nginx's server certificate or about being
	// refused (Go's crypto/x509 and crypto/tls, browsers).
	// Go refusing a SHA-1 or MD5 signature (checked with a real Go 1.26
	// client and the weak set's SHA-1 server certificate).
	{
		ID: WeakSignature, Kind: "client", Without: []string{"handshake error from"},
		Match: []string{"cannot verify signature: insecure algorithm sha1", "cannot verify signature: insecure algorithm ecdsa-sha1",
			"cannot verify signature: insecure algorithm md5", "cannot verify signature: insecure algorithm dsa-sha1",
			// the Kubernetes API server's audit annotation for a webhook's
			// or aggregated API's certificate
			"insecure-sha1.invalid-cert.kubernetes.io"},
		Title: "Go refused a certificate signed with SHA-1 or MD5",
		Explanation: "Go 1.18 and later accept no SHA-1 or MD5 signature in a chain (the GODEBUG setting x509sha1=1 that allowed SHA-1 until then is gone since Go 1.24). The certificate the CA signed so, the server's own or an intermediate, must be signed again with SHA-256: the candidate authority certificate in the message is the CA that made the signature. " +
			"A Go server checking client certificates refuses a SHA-1-signed client certificate the same way.",
		Fix:     "Sign the certificate again with SHA-256, with its names in subjectAltName (its key stays):\n  " + resignServerCmd + "\nFor the commands with the certificate's own extensions, give its files to:\n  " + certsCmd,
		Confirm: "openssl x509 -noout -text -in server.crt | grep 'Signature Algorithm'",
	},
	// Go found a CA of the issuer's name whose key did not sign: an old copy
	// of a CA made again under the same name (checked with a real Go
	// client against two CAs named alike). The id certs gives the same
	// thing.
	{
		ID: BadSignature, Kind: "client", Without: []string{"handshake error from"},
		Within: []string{"crypto/rsa: verification error", "ecdsa verification failure", "crypto/ecdsa: verification error", "ed25519 verification failure"},
		Match:  []string{"while trying to verify candidate authority certificate"},
		Title:  "The client has a CA of the right name but not the key that signed (Go: candidate authority certificate)",
		Explanation: "Go found, among the CAs it trusts, one whose name is the issuer's, but its key did not make the certificate's signature (`crypto/rsa: verification error`, or ECDSA's). The CA was made again under the same name, and one side still has the old one: a kubeconfig's certificate-authority-data after a cluster was rebuilt (kubeadm reset and init), a CA bundle copied before a CA script was re-run, or a server still serving a certificate from the old CA. " +
			"A Go server checking client certificates logs the same words about a client's certificate against its ClientCAs.",
		Fix:     "Compare the CA the client holds with the one that signed the server's certificate (the issuer's key identifiers must match):\n  openssl x509 -noout -subject -text -in ca.crt | grep -A1 -e '^subject=' -e 'Subject Key Identifier'\n  openssl s_client -connect host:443 -showcerts </dev/null 2>/dev/null | openssl x509 -noout -issuer -text | grep -A1 -e '^issuer=' -e 'Authority Key Identifier'\nthen give the client the current CA (kubectl: copy the new /etc/kubernetes/admin.conf to ~/.kube/config).",
		Confirm: "openssl verify -CAfile ca.crt server.crt",
	},
	{
		ID: ServerCertUntrusted, Kind: "client",
		Without: []string{"handshake error from", "client certificate", "client's certificate"},
		Match: []string{"x509: certificate signed by unknown authority", "tls: failed to verify certificate: x509: certificate signed by unknown authority", "\u201d certificate is not trusted", "\" certificate is not trusted",
			"x509 certificate signed by unknown authority"},
		Title: "The client does not trust the server's certificate (Go)",
		Explanation: "A Go client checked the server's certificate (nginx's, if nginx is the server) against its roots (the system pool unless the program sets RootCAs) and found no CA that issued it. It is about the server's certificate, not a client certificate. Four causes cover most cases: " +
			"1. a private or self-signed CA the client was not given (an ACME staging certificate too: Let's Encrypt's staging issuers, named (STAGING), are trusted by no client), or was given where it does not count: the wrong option (a client-certificate option such as --cert-file in place of --ca-file, a server's ClientCAs in place of the client's RootCAs, a kubeconfig or config whose CA belongs to another address of the service), the host's store for a program in a container, or an option the program ignores in one of its parts (a bug of its release); " +
			"2. the server does not send its intermediates (nginx: in ssl_certificate; Let's Encrypt: fullchain.pem, not cert.pem), which browsers forgive and Go does not; " +
			"3. a TLS-intercepting proxy (corporate, antivirus, a debugging proxy) re-signs the traffic with its own CA; " +
			"4. when a public site fails so, the client's CA bundle lacks the site's root: none at all (a scratch, distroless or slim container image without the ca-certificates package), or an old one (an old image's or system's ca-certificates, which a newer root is not yet in), or SSL_CERT_FILE naming another file (on Linux it replaces the system's bundle, so one left by another tool that holds a single root breaks every other site; on macOS and Windows Go reads the system's store and ignores it, and programs built with Go before 1.7.5 could fail to load them on macOS 10.12.2 and later, as could binaries cross-compiled without cgo (CGO_ENABLED=0, as many release binaries are) with Go before 1.18, which the same program built on the Mac, or a release that bundles the service's roots, does not). " +
			"A Go server that verifies client certificates logs the same words (Go 1.20 and later), after `http: TLS handshake error from ADDR:`: there it is the client's certificate whose CA is missing from the server's ClientCAs.",
		Fix:     "Give the client the CA (Go: tls.Config{RootCAs: pool} with ca.crt appended; curl: --cacert ca.crt; for every program on a Debian or Ubuntu host, ca.crt copied into /usr/local/share/ca-certificates and update-ca-certificates run), and make the server send its intermediates (nginx: the full chain as ssl_certificate):\n  cat server.crt int.crt > /etc/nginx/server-chain.crt\nA container image without a CA bundle needs the ca-certificates package:\n  apt-get install -y ca-certificates\n" + clientTrustNotes,
		Confirm: "mtlsdoctor probe host:443 --ca ca.crt",
	},
	{
		ID: ServerHostnameMismatch, Kind: "client",
		Without: []string{"handshake error from", "client certificate", "client's certificate", "certificate not valid for name"},
		Match:   []string{"x509: certificate is valid for", "x509: certificate relies on legacy common name field", "certificate is not valid for any names"},
		Title:   "The server's certificate does not name the host the client asked for (Go)",
		Explanation: "Go compares the host name (or IP) in the URL with the server certificate's subjectAltName (SAN) only. Four causes cover most cases: " +
			"1. the certificate has no SAN at all: since Go 1.15 the Common Name is ignored, so one made with the guide's `openssl x509 -req` and no -extfile fails here even though curl accepts it; " +
			"2. the SAN lacks the name or address used: an IP address needs an IP entry (IP SAN), and a wildcard covers one label only (*.example.com matches a.example.com, not a.b.example.com); " +
			"3. the program checked another name than the one you configured: an IP address it resolved or found itself (cluster peers, service discovery), localhost, a host:port given as its TLS server name, or no server name (SNI) sent, so the server answered with its default certificate; " +
			"4. something else answered, when the names listed are not the server's at all (a firewall's, such as a FortiGate's serial number FG..., a proxy's, another site's; a hosting service's or CDN's default certificate, *.github.io or *.herokuapp.com, when the custom domain is not set up there or its domain check failed; the server's own built-in demo certificate, when an upgrade moved the path its mounted certificate must be at): a TLS-intercepting proxy, or the name resolves to the wrong address (a stale /etc/hosts entry, a VPN's or a captive portal's DNS); compare getent hosts NAME with the address the name should have.",
		Fix:     "When the name the client uses is the server's, reissue the server certificate with this line in its -extfile:\n  subjectAltName=DNS:host.example.com,IP:192.0.2.10\nthen check it with:\n  mtlsdoctor certs --host host.example.com ./certs\nWhen it is not (the certificate is another site's, or names a role such as server.global.nomad), fix the client instead: give it a name the certificate carries as its TLS server name (Go's tls.Config ServerName, NOMAD_TLS_SERVER_NAME, Consul's tls_server_name), or send it to the right server (DNS, /etc/hosts, a proxy).\n" + newCheckNote,
		Confirm: "openssl x509 -noout -text -in server.crt | grep -A1 'Subject Alternative Name'",
	},
	{
		ID: ServerCertExpired, Kind: "client",
		Without: []string{"handshake error from", "client certificate", "client's certificate", "is after 0001-01-01t00:00:00"},
		Match:   []string{"x509: certificate has expired or is not yet valid"},
		Title:   "A certificate the client checked is expired or not yet valid (Go)",
		Explanation: "Go found the server certificate (or a CA in its chain) outside its validity period at the client's current time, and does not say which one. Four causes cover most cases: " +
			"1. the server's certificate (or an intermediate it sends) has expired, or was renewed on disk while the server still serves the old one (not reloaded; a cluster that caches its serving certificate); " +
			"2. the private CA the client was given (its CA file) has expired, though the server's was renewed: it must be replaced on every client too; " +
			"3. a clock is off: the client's (a device or VM with a date in the past or future), or the server's certificate was issued moments ago by a machine whose clock is ahead (not yet valid); " +
			"4. the client builds the chain to an expired root from an old CA bundle (update ca-certificates); or another server answered for the name (a DNS filter or hosts entry pointing it at 127.0.0.1 or an old machine), whose certificate then names another host.",
		Fix:     "Renew the server's certificate (and its intermediates), then reload or restart the server so it serves the new one (nginx: its ssl_certificate; a kubeadm cluster: renew with kubeadm, then restart the control plane):\n  nginx -s reload\n  kubeadm certs renew all\nIf it is within its dates, a clock is off, or the client builds the chain to an expired root from an old CA bundle (update ca-certificates). Check the CA file the client trusts, and both clocks, with:\n  openssl x509 -noout -enddate -in ca.crt\n  timedatectl",
		Confirm: "openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -dates",
	},
	{
		ID: ClientCertRejected, Kind: "client",
		Match: []string{"ssl_error_handshake_failure_alert", "ssl_error_bad_cert_alert", "err_bad_ssl_client_auth_cert", "ssl_error_unknown_ca_alert", "err_ssl_client_auth_cert_needed",
			"ssl_error_certificate_unknown_alert", "ssl_error_access_denied_alert", "ssl_error_unsupported_cert_alert",
			"ssl_error_certificate_required_alert", "ssl_error_expired_cert_alert", "ssl_error_revoked_cert_alert"},
		Title: "The server refused the browser (or another NSS client) during the TLS handshake",
		Explanation: "Firefox (SSL_ERROR_*_ALERT; curl and other programs on NSS print the same codes) and Chrome (ERR_BAD_SSL_CLIENT_AUTH_CERT) show these when the server aborts the handshake over the client certificate, or when none was chosen; the alert names the reason: for SSL_ERROR_EXPIRED_CERT_ALERT, the client certificate or the CA that issued it is past its date (check both), for SSL_ERROR_REVOKED_CERT_ALERT it was revoked, for SSL_ERROR_UNKNOWN_CA_ALERT the server does not trust its CA. " + notNginxHTTP +
			" With nginx in front, a rejected certificate shows as the 400 page 'The SSL certificate error' instead; if you see these errors, something before nginx (a load balancer, a TLS-terminating proxy) checks client certificates too.",
		Fix:     "Find which hop terminates TLS:\n  openssl s_client -connect host:443 -showcerts\nMake sure the browser has the client certificate with its key imported, as PKCS#12:\n  openssl pkcs12 -export -in client.crt -inkey client.key -certfile ca.crt -out client.p12\nand that its issuer is in that hop's CA list.",
		Confirm: probeCmd,
	},
}

// status400Entries is the 400 that may stand for any of the special codes.
var status400Entries = []Entry{
	{
		ID: Status400, Kind: "status", Status: 400, Fallback: true,
		Match: []string{"400 bad request"},
		// A client library's report of another server's 400 (Guzzle's).
		Without: []string{"resulted in a `400 bad request` response"},
		Title:   "400: nginx refused the request",
		Explanation: "nginx sends its client-certificate errors as 400: 495 (certificate failed verification), 496 (no certificate) and 497 (plain HTTP to the HTTPS port) all appear as 400 on the wire and in the access log. " +
			"The stock page's title or size tells them apart (nginx 1.22.1 with server_tokens on: 215, 237 and 255 bytes), and the error log has the reason at info level only. Other malformed requests also give 400.",
		Fix:     "Set the error log to info level:\n  error_log /var/log/nginx/error.log info;\nreload and reproduce; then run:\n  mtlsdoctor logs /var/log/nginx/error.log /var/log/nginx/access.log",
		Confirm: curlClient,
	},
}

// Entries returns every catalogue entry, in catalogue order. The slice and
// its string slices are copies; changing them changes nothing here.
func Entries() []Entry {
	out := make([]Entry, len(entries()))
	for i, e := range entries() {
		out[i] = cloneEntry(e)
	}
	return out
}

// cloneEntry copies the slices so that callers cannot edit the table.
func cloneEntry(e Entry) Entry {
	e.Match = append([]string(nil), e.Match...)
	e.Within = append([]string(nil), e.Within...)
	e.Exact = append([]string(nil), e.Exact...)
	e.Without = append([]string(nil), e.Without...)
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
