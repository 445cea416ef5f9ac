package catalogue

// schannelEntries tell the Windows security codes (winerror.h) that TLS
// programs on Windows print most: curl and git on Schannel
// ("schannel: next InitializeSecurityContext failed: SEC_E_... (0x8009...)"),
// .NET ("Win32Exception (0x80090326)"), PowerShell. An untrusted root, a
// revocation check that could not be made and a key Schannel cannot use
// are in clientWriterEntries; every other code has its generic story
// (winErrorEntry). Lookup reads them after mbedtlsEntries.
var schannelEntries = []Entry{
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match: []string{"sec_e_illegal_message", "0x80090326", "-2146893018", "the message received was unexpected or badly formatted"},
		Title: "The server ended the Schannel handshake, most often with an alert (SEC_E_ILLEGAL_MESSAGE)",
		Explanation: "Schannel (curl and git on Windows, .NET, PowerShell) got a message it does not accept in the handshake, and it is most often the server's fatal alert. In mutual TLS that is the server refusing the client: it requires a client certificate and got none (curl on Schannel sends one only from the Windows store: --cert CurrentUser\\MY\\THUMBPRINT), or one it does not trust. " +
			"Otherwise the two share no TLS version or cipher suite that this Windows allows (Windows 7 and Server 2008 R2 keep TLS 1.1 and 1.2 off for WinHTTP and older .NET until Microsoft's update and the DefaultSecureProtocols registry value turn them on; a new Windows refuses servers with only old suites), or something in between answered: a proxy, a TLS inspection box, or security software on the machine (Windows Defender's network protection, an antivirus's web shield) that aborts the connections it blocks.",
		Fix:     "See what the server wants from a client (the CA names it accepts, the versions):\n  openssl s_client -connect host:443 -servername host </dev/null\nthen, if it lists acceptable client certificate CA names, give curl a client certificate from the store (--cert CurrentUser\\MY\\THUMBPRINT), or let git use OpenSSL with PEM files:\n  git config --global http.sslBackend openssl\nIf it asks for none, compare the TLS versions (Protocol in its output) with those this Windows enables, and try once with the machine's security software's web protection off.",
		Confirm: "curl -v --cert CurrentUser\\MY\\THUMBPRINT https://host/",
	},
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match: []string{"schannel: failed to receive handshake", "sec_e_invalid_token", "0x80090308", "-2146893048", "the token supplied to the function is invalid"},
		// curl's decrypt failure prints the same words with its own code.
		Without:     []string{"sec_e_decrypt_failure", "0x80090330"},
		Title:       "The server closed or broke off the Schannel handshake",
		Explanation: "Schannel (curl and git on Windows, .NET) got the connection closed, or bytes it cannot read as TLS, in the handshake: the server requires a client certificate and closes when none comes (curl on Schannel sends one only from the Windows store), the two share no TLS version or cipher suite this Windows allows (an old Windows without TLS 1.2 or 1.3 against a modern server, or a new one against a server with only suites Windows dropped), the port does not speak TLS, or a proxy or firewall cut it.",
		Fix:         "See which versions and suites the server accepts and whether it asks for a client certificate, from the same network:\n  openssl s_client -connect host:443 -servername host </dev/null\nthen give curl the certificate (--cert CurrentUser\\MY\\THUMBPRINT) or enable TLS 1.2 and later on this Windows.",
		Confirm:     "curl -v https://host/",
	},
	{
		ID: HandshakeFailed, Kind: "client",
		Match: []string{"sec_e_algorithm_mismatch", "0x80090331", "-2146893007", "do not possess a common algorithm",
			// the same message in Windows' Chinese
			"因为算法不同，客户端和服务器无法通信"},
		Title:       "Windows (Schannel) and the other side share no TLS version or cipher suite (SEC_E_ALGORITHM_MISMATCH)",
		Explanation: "Schannel found no TLS version and cipher suite that both sides allow: an old Windows or .NET Framework program that offers TLS 1.0 only (.NET Framework before 4.7 uses ServicePointManager.SecurityProtocol's default) against a server that wants TLS 1.2 or later, or a current Windows against an old server whose only suites (RC4, 3DES, TLS 1.0) Windows no longer allows, or registry or group policy settings that turn the shared ones off, or a program that asks for TLS 1.3 alone (SslProtocols.Tls13, curl --tlsv1.3) on a Windows whose Schannel has none: TLS 1.3 came with Windows 11 and Windows Server 2022. Printed by a server on Windows (Kestrel, IIS, a service calling SslStream.AuthenticateAsServer), it is a client that offers only what the server turned off: an old client with TLS 1.0 or 1.1 after the server, or its framework's new default, dropped them.",
		Fix:         "See what the server accepts, then enable it on this side (a program pinned to TLS 1.3 alone: let it negotiate, or allow TLS 1.2; .NET Framework: ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12, or the SchUseStrongCrypto registry value; Windows: the SCHANNEL\\Protocols keys):\n  openssl s_client -connect host:443 -servername host -tls1_2 </dev/null\nA server whose clients are old: update those clients, or allow their version on the server knowingly (Kestrel: SslProtocols in its HTTPS options).",
		Confirm:     "Get-TlsCipherSuite | Format-Table Name",
	},
	{
		ID: ServerHostnameMismatch, Kind: "client",
		Match:       []string{"sec_e_wrong_principal", "0x80090322", "-2146893022", "cert_e_cn_no_match", "0x800b010f", "the certificate's cn name does not match the passed value"},
		Title:       "The server's certificate does not carry the name Windows connected to",
		Explanation: "Schannel (curl and git on Windows, .NET, PowerShell, SQL Server's clients) connected to a host name (or address) the server's certificate does not carry in its subjectAltName: the URL or connection string uses another name (a short name, an alias, a listener or an IP address where the certificate has the fully qualified name), the server sends its default certificate because the name (SNI) is not configured there, or a proxy answers under its own name. SQL Server's clients say \"The target principal name is incorrect\" for it (with Encrypt=True, the default since Microsoft.Data.SqlClient 4 and ODBC Driver 18); they also take HostNameInCertificate for the name to expect.",
		Fix:         connectByName,
		Confirm:     sanConfirm,
	},
	{
		ID: ServerCertExpired, Kind: "client",
		Match:       []string{"sec_e_cert_expired", "0x80090328", "-2146893016", "cert_e_expired", "0x800b0101"},
		Title:       "Windows found an expired certificate (or a clock that is wrong)",
		Explanation: "A certificate of the chain Schannel checked is past its notAfter date (the server's, or an intermediate the server still sends), or this machine's clock is ahead. Written by a server (IIS, a .NET service), it is the client's certificate that expired.",
		Fix:         "Check the certificate's dates and this machine's clock, then renew the certificate:\n  openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -dates\n  w32tm /query /status",
		Confirm:     "certutil -verify server.cer",
	},
	{
		ID: NoClientCert, Kind: "client", Side: "client",
		Match:       []string{"sec_e_incomplete_credentials", "sec_i_incomplete_credentials", "0x80090320", "0x00090320", "-2146893024", "the credentials supplied were not complete", "590624"},
		Title:       "The server asked Windows for a client certificate and it had none to send",
		Explanation: "The server requires (or asked for) a client certificate and Schannel had none: none was given to the program, or the one named is not in the Windows store or has no private key there (curl on Schannel takes --cert CurrentUser\\MY\\THUMBPRINT, not a PEM file; .NET takes it in ClientCertificates). Where the server only asks, Schannel leaves it to the program to go on without one; a program or library that treats SEC_I_INCOMPLETE_CREDENTIALS (590624) as a failure breaks there, which is its bug (upgrade it).",
		Fix:         "Import the client certificate with its key into the store, then name it:\n  certutil -user -importpfx client.p12\n  curl --cert CurrentUser\\MY\\THUMBPRINT https://host/",
		Confirm:     "certutil -user -store My",
	},
	{
		ID: WrongPurpose, Kind: "client",
		Match:       []string{"cert_e_wrong_usage", "0x800b0110", "sec_e_cert_wrong_usage", "0x80090349", "cert_e_purpose", "0x800b0106"},
		Title:       "Windows refused a certificate for its intended use",
		Explanation: "The certificate's extendedKeyUsage or keyUsage does not allow the use Windows checked: a server certificate without serverAuth (a client certificate installed as a server's), a client certificate without clientAuth, or a CA whose own extendedKeyUsage leaves the use out.",
		Fix:         "Reissue the certificate with the usage of its role; for a server:\n  extendedKeyUsage=serverAuth\n  keyUsage=critical,digitalSignature,keyEncipherment",
		Confirm:     "openssl x509 -noout -text -in server.crt | grep -A1 -e 'Extended Key Usage' -e 'X509v3 Key Usage'",
	},
	{
		ID: Revoked, Kind: "client",
		Match:       []string{"crypt_e_revoked", "0x80092010", "cert_e_revoked", "0x800b010c"},
		Title:       "Windows found the certificate revoked",
		Explanation: "The CRL or OCSP answer Windows fetched lists the certificate as revoked: the server still serves a certificate its CA revoked (after a reissue or a key compromise), or, written by a server, the client's certificate is revoked.",
		Fix:         "Install the certificate that replaced the revoked one, and check it:\n  certutil -verify -urlfetch server.cer",
		Confirm:     "certutil -verify -urlfetch server.cer",
	},
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"sec_e_message_altered", "0x8009030f", "sec_e_decrypt_failure", "0x80090330"},
		Title:       "Schannel received TLS records that do not check out: altered on the way",
		Explanation: "A TLS record failed its integrity check or did not decrypt: the bytes changed between the two sides (a proxy, firewall or TLS inspection box that rewrites traffic, a faulty network card offload, a VPN's MTU), or one side has a bug in a cipher suite they negotiated. A .NET client also gets SEC_E_DECRYPT_FAILURE when the server asks for renegotiation (a HelloRequest, to get a client certificate for a path, as IIS does) right after the handshake, which SslStream handled wrongly in some releases: make the server ask for the certificate in the first handshake. curl 7.85 and 7.86 on Schannel with TLS 1.3 read TLS 1.3's messages after the handshake as such a request and failed so (downloads from GitHub, for one): a later curl, or --tls-max 1.2, ends it.",
		Fix:         "Compare over another network path, and with another suite or version:\n  curl -v --tlsv1.2 --tls-max 1.2 https://host/",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null",
	},
	{
		ID: KeyLoadFailed, Kind: "client",
		Match:       []string{"sec_e_internal_error", "0x80090304", "-2146893052", "the local security authority cannot be contacted"},
		Title:       "Schannel could not use the certificate's private key (SEC_E_INTERNAL_ERROR)",
		Explanation: "Schannel failed inside the handshake, and the usual cause is the private key of the certificate it must use: on a server (IIS, a .NET or SQL Server service), the service account may not read the key, or the key sits in a provider Schannel cannot use for TLS 1.2 or 1.3 (an old CSP key that cannot sign RSA-PSS); on a client, the same for the client certificate's key; a client presenting a PKCS#12 file (curl or libcurl on Schannel with --cert client.p12) also meets bugs of some libcurl releases there: try another release, or the certificate from the Windows store (--cert 'CurrentUser\\MY\\THUMBPRINT').",
		Fix:         "Check that the certificate has a usable private key and that the service account may read it (certlm.msc > the certificate > All Tasks > Manage Private Keys):\n  certutil -verifystore My THUMBPRINT",
		Confirm:     "certutil -store My THUMBPRINT",
	},
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"crypt_e_not_found", "0x80092004", "-2146885628"},
		Title:       "Windows did not find the certificate (or its key) it was told to use",
		Explanation: "CryptoAPI found no certificate, or no private key, where the program looked: curl on Schannel with --cert CurrentUser\\MY\\THUMBPRINT names a thumbprint or store that does not hold it, a .NET program's lookup by subject or thumbprint finds nothing, or the certificate was imported without its key.",
		Fix:         "List the store and its certificates' keys, then name the certificate by its thumbprint as listed (no spaces):\n  certutil -user -store My",
		Confirm:     "certutil -store My",
	},
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"sec_e_unsupported_function", "0x80090302", "-2146893054"},
		Title:       "Windows does not allow the TLS version asked for (SEC_E_UNSUPPORTED_FUNCTION)",
		Explanation: "The program asked Schannel for something this Windows does not do or has turned off: most often a TLS version (TLS 1.3 before Windows 11 and Server 2022, TLS 1.0 or 1.1 where policy disabled them, TLS 1.2 on a Windows 7 or Server 2008 R2 without it enabled), or a feature of the program's TLS options.",
		Fix:         "Let the program use a version this Windows has (curl: drop --tlsv1.3 or --tls-max; .NET: SslProtocols.None lets Windows choose), or enable it in the SCHANNEL\\Protocols registry keys; see what the server accepts:\n  openssl s_client -connect host:443 -servername host </dev/null",
		Confirm:     "curl -v https://host/",
	},
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"sec_e_application_protocol_mismatch", "0x80090367"},
		Title:       "Windows and the server share no application protocol (ALPN)",
		Explanation: "The two sides share no ALPN protocol: an HTTP/2-only client to an HTTP/1.1 server (or the reverse), or a proxy in between that strips ALPN.",
		Fix:         "See which protocols the server offers:\n  openssl s_client -connect host:443 -servername host -alpn h2,http/1.1 </dev/null 2>/dev/null | grep -i alpn",
		Confirm:     "curl -v --http1.1 https://host/",
	},
}
