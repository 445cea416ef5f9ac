package catalogue

// nssEntries tell NSS errors (Firefox, Thunderbird, curl on RHEL and
// CentOS 7) that clientWriterEntries' browser entries leave out, by name,
// curl's number or NSS's words; every other NSS error has its generic
// story (nssEntry). Lookup reads them after schannelEntries.
var nssEntries = []Entry{
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:  []string{"sec_error_untrusted_issuer", "-8172", "issuer has been marked as not trusted by the user"},
		Within: []string{"sec_error", "nss", "ldap", "curl", "firefox", "-8172", "marked as not trusted"},
		Title:  "NSS does not trust the issuer of the server's certificate (SEC_ERROR_UNTRUSTED_ISSUER)",
		Explanation: "NSS found the CA that issued the server's certificate but not trusted for this use: a private CA not given to this program, or given without trust (imported with no trust flags, or marked distrusted); through curl, also a CA file a PHP library or SDK ships and hands to curl (cacert.pem) that no longer holds the server's current CA (update the package, or let it use the system's bundle). Programs on NSS say so: Firefox and Thunderbird, and on RHEL and CentOS 6 and 7 curl and OpenLDAP's client library (MozNSS), with what runs on it (ldapsearch, sssd, python-ldap, Django's and AWX's LDAP login). " +
			"A container on such a system has its own store, without the host's CA.",
		Fix:     "Give the client the CA, trusted: OpenLDAP's clients in ldap.conf (TLS_CACERT /etc/openldap/certs/ca.crt, or LDAPTLS_CACERT=/path/ca.crt for one command; python-ldap: ldap.OPT_X_TLS_CACERTFILE); an NSS database with trust flags for a CA:\n  certutil -A -d sql:/etc/pki/nssdb -n my-ca -t 'CT,C,C' -i ca.crt\nFirefox: import the CA under Settings > Certificates with 'Trust this CA to identify websites'. In a container, add the CA to the image.",
		Confirm: "openssl s_client -connect ldap.example.com:636 -CAfile ca.crt </dev/null 2>/dev/null | grep 'Verify return code'",
	},
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match: []string{"peer's certificate issuer is not recognized"},
		Title: "An NSS client (curl on RHEL or CentOS 7, Firefox, Thunderbird) does not trust the server's certificate (its issuer is not recognized)",
		Explanation: "NSS (curl on RHEL and CentOS 7, Firefox and Thunderbird, and other programs on it) found no trusted CA for the server's certificate: the CA file it was given (--cacert; the system's is /etc/pki/tls/certs/ca-bundle.crt) lacks the server's root (a PHP library or SDK that hands curl its own bundled CA file, such as Guzzle 3's or Requests' cacert.pem or a bank's or payment SDK's certificate file, fails so when that file predates the server's current CA: update the package, or let it use the system's bundle), a private or intercepting proxy's CA is not in it, or the server does not send its intermediate. Firefox and Thunderbird keep a CA store of their own: a CA installed only in the system's store (mkcert's root, a company's CA) is not in it, unless Firefox is set to read the system's (security.enterprise_roots.enabled) or the CA is imported under Settings > Certificates > Authorities. " +
			"NSS says the same when the server sends an intermediate that is not a CA (no basicConstraints CA:TRUE), as a real curl on NSS showed: it cannot chain through it, where OpenSSL clients say `invalid CA certificate`.",
		Fix:     clientTrustFix + "\nCheck that each intermediate the server sends is a CA:\n  openssl x509 -noout -text -in int.crt | grep -A1 'Basic Constraints'",
		Confirm: "openssl s_client -connect host:443 -servername host -CAfile ca.crt </dev/null 2>/dev/null | grep 'Verify return code'",
	},
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match:       []string{"sec_error_ca_cert_invalid", "-8156", "issuer certificate is invalid"},
		Within:      []string{"sec_error", "nss", "curl", "firefox", "-8156"},
		Title:       "NSS refused the server's certificate: its issuer is not a valid CA",
		Explanation: "SEC_ERROR_CA_CERT_INVALID: the certificate that signed the server's (or one above it) is not a valid CA. Most often the server's certificate is self-signed without basicConstraints CA:TRUE (NSS takes it as its own issuer, and that issuer is no CA), as a real curl on NSS showed; else a private CA made without CA extensions (`openssl x509 -req` without an -extfile), a leaf used to sign, or a v1 certificate.",
		Fix:         "Serve a certificate signed by a CA the client trusts (and give the client that CA), or remake the CA with the CA extensions and sign the server's certificate again:\n  " + remakeCACmd,
		Confirm:     "openssl x509 -noout -text -in ca.crt | grep -A1 'Basic Constraints'",
	},
	{
		ID: WeakSignature, Kind: "client",
		Match:       []string{"sec_error_cert_signature_algorithm_disabled", "-8005", "signed using a signature algorithm that is disabled"},
		Within:      []string{"sec_error", "nss", "curl", "firefox", "signature algorithm that is disabled"},
		Title:       "NSS refused a certificate signed with a disabled algorithm (SHA-1 or MD5)",
		Explanation: "SEC_ERROR_CERT_SIGNATURE_ALGORITHM_DISABLED: a certificate of the server's chain is signed with SHA-1 or MD5, which Firefox and current NSS refuse.",
		Fix:         "Re-sign the server's certificate (and any SHA-1 intermediate) with SHA-256:\n  openssl x509 -req -sha256 -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 365 -extfile server.ext -out server.crt",
		Confirm:     "openssl x509 -noout -text -in server.crt | grep 'Signature Algorithm'",
	},
	{
		ID: WeakKey, Kind: "client",
		Match:       []string{"ssl_error_weak_server_ephemeral_dh_key", "-12173", "weak ephemeral diffie-hellman key"},
		Title:       "The server's Diffie-Hellman group is too weak for NSS (Logjam)",
		Explanation: "SSL_ERROR_WEAK_SERVER_EPHEMERAL_DH_KEY: the server chose a DHE cipher suite with a Diffie-Hellman group of 1024 bits or less (an old dhparam file, an old Java or Apache default), which Firefox refuses since the Logjam attack.",
		Fix:         "On the server, use a 2048-bit DH group, or ECDHE suites only:\n  openssl dhparam -out dhparam.pem 2048\nand for nginx:\n  ssl_dhparam dhparam.pem;",
		Confirm:     "openssl s_client -connect host:443 -servername host -cipher DHE -tls1_2 </dev/null 2>/dev/null | grep 'Server Temp Key'",
	},
	{
		ID: NoClientCert, Kind: "client",
		Match:       []string{"ssl_error_no_certificate", "-12285", "unable to find the certificate or key necessary for authentication"},
		Title:       "The server asked NSS for a client certificate and it had none to send",
		Explanation: "SSL_ERROR_NO_CERTIFICATE: the server requires a client certificate and the NSS program has none with its key: Firefox has none imported (Settings > Certificates > Your Certificates), or only one without its private key; curl on NSS was given a nickname or file it could not use.",
		Fix:         "Import the client certificate with its key as PKCS#12 (Firefox: Your Certificates > Import; curl: --cert client.p12 --cert-type P12):\n  openssl pkcs12 -export -in client.crt -inkey client.key -out client.p12",
		Confirm:     "openssl s_client -connect host:443 -cert client.crt -key client.key </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"pr_end_of_file_error", "-5938"},
		Within:      []string{"pr_end_of_file_error", "nss", "firefox", "secure connection failed"},
		Title:       "The server closed the connection in the handshake (Firefox: PR_END_OF_FILE_ERROR)",
		Explanation: "Firefox (NSS) got the connection closed during the handshake, with no alert to say why: the server requires a client certificate and closes when none or a refused one comes, the two share no TLS version or cipher suite (an old server, or Firefox's own settings), or a proxy, antivirus or TLS inspection box in between cut it (a stale proxy setting in Firefox's network settings too).",
		Fix:         "Compare with a handshake from the same machine, and try without the proxy or antivirus's HTTPS scanning:\n  openssl s_client -connect host:443 -servername host </dev/null",
		Confirm:     "curl -v https://host/",
	},
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"encountered end of file"},
		Within:      []string{"curl: (35)", "nss", "curl_easy"},
		Title:       "The server closed the connection in curl's handshake (NSS: Encountered end of file)",
		Explanation: "curl on NSS (RHEL and CentOS 7) got the connection closed during the handshake, without an alert to say why. In mutual TLS it is most often the server refusing the client certificate and closing without an alert, as a real Node.js server with rejectUnauthorized does for every refusal (an untrusted CA, an expired or revoked certificate, none sent): its log names the refusal. Otherwise the two share no TLS version or cipher suite, or a proxy or firewall in between cut the connection.",
		Fix:         "Read the server's log for the refusal, and check the client certificate against the CA the server trusts:\n  " + verifyClient,
		Confirm:     "openssl s_client -connect host:443 -servername host -cert client.crt -key client.key </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"pr_connect_reset_error", "-5961"},
		Within:      []string{"pr_connect_reset_error", "nss", "firefox"},
		Title:       "The connection was reset in the handshake (Firefox: PR_CONNECT_RESET_ERROR)",
		Explanation: "Firefox (NSS) got the connection reset: a firewall, proxy or filter in between (a corporate or antivirus HTTPS filter, a country-level block by SNI) reset it, or the server did, refusing a client certificate or the TLS versions offered.",
		Fix:         "Try from another network and without the antivirus's HTTPS scanning, and compare with a direct handshake:\n  openssl s_client -connect host:443 -servername host </dev/null",
		Confirm:     "curl -v https://host/",
	},
}
