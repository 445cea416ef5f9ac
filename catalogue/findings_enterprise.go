package catalogue

// enterpriseEntries tell the TLS messages of enterprise middleware and
// Windows servers in their own words: IBM MQ's AMQ/CSQX codes, IBM GSKit's
// return codes (IBM HTTP Server, the WebSphere web server plug-in, MQ,
// Db2), IIS's client-certificate substatus codes, CryptoAPI's and Outlook's
// messages, Exchange's SMTP TLS, rsyslog's listener. Lookup reads them with
// the other writers' entries.
var enterpriseEntries = []Entry{
	// IBM MQ, distributed (AMQ9xxx) and z/OS (CSQX).
	{
		ID: NoClientCert, Kind: "client",
		Match:       []string{"amq9637", "channel is lacking a certificate"},
		Title:       "IBM MQ: the other end of the channel sent no certificate (AMQ9637)",
		Explanation: "The channel asks for the partner's certificate (SSLCAUTH(REQUIRED), the default on a receiving channel) and the partner sent none. Three causes cover most cases: 1. the client's key repository has no personal certificate under the label MQ looks for: ibmwebspheremq followed by the user id in lower case for a C client, the queue manager's name for a queue manager, unless the channel's CERTLABL names another; 2. a Java or JMS client with no keystore, or a keystore whose certificate's issuer is not among the CAs the queue manager lists; 3. a certificate whose key usage does not allow the handshake (digitalSignature missing).",
		Fix:         "List the personal certificates and their labels in the client's key repository, then label the certificate as MQ expects or set CERTLABL on the client channel:\n  runmqakm -cert -list personal -db key.kdb -stashed\nIf the certificate is not needed, the receiving channel may ask for none: ALTER CHANNEL(NAME) CHLTYPE(SVRCONN) SSLCAUTH(OPTIONAL).",
		Confirm:     "runmqakm -cert -details -label ibmwebspheremqapp -db key.kdb -stashed",
	},
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"amq9642", "csqx642e", "no ssl certificate for channel", "no ssl or tls certificate for channel"},
		Title:       "IBM MQ: this end has no certificate to present on the channel (AMQ9642, CSQX642E)",
		Explanation: "MQ looked in its own key repository (or z/OS key ring) for the personal certificate of this end and found none it could use: no certificate under the label it looks for (ibmwebspheremq with the queue manager's name or the user id in lower case, or the channel's CERTLABL), a certificate without its private key, or one whose key usage does not allow the handshake.",
		Fix:         "List the personal certificates and their labels, give the certificate the label MQ expects (or set CERTLABL), then refresh:\n  runmqakm -cert -list personal -db key.kdb -stashed\n  echo 'REFRESH SECURITY TYPE(SSL)' | runmqsc QMNAME",
		Confirm:     "runmqakm -cert -list personal -db key.kdb -stashed",
	},
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"amq9631", "amq9641", "the ciphersp", "remote cipherspec error"},
		Within:      []string{"amq96", "cipherspec"},
		Title:       "IBM MQ: the two ends of the channel ask for different CipherSpecs (AMQ9631, AMQ9641)",
		Explanation: "Each end of an MQ channel names its CipherSpec (SSLCIPH), and the one the handshake agreed on is not the one this end requires: the two channel definitions (sender and receiver, or client and server connection) name different CipherSpecs, or a Java or JMS client asks for a cipher suite whose name maps to another CipherSpec, or one end names a specific CipherSpec where the other allows a family (ANY_TLS12).",
		Fix:         "Compare the SSLCIPH of both channel definitions and make them equal (or use ANY_TLS12_OR_HIGHER on both, MQ 9.1.4 and later):\n  echo 'DISPLAY CHANNEL(NAME) SSLCIPH' | runmqsc QMNAME\nFor a JMS client, set the cipher suite that maps to the channel's CipherSpec (IBM's CipherSpec table).",
		Confirm:     "echo 'DISPLAY CHSTATUS(NAME) SSLCIPH' | runmqsc QMNAME",
	},
	{
		ID: VerifyError, Kind: "client",
		Match:       []string{"amq9633", "bad ssl certificate for channel", "bad tls certificate for channel"},
		Title:       "IBM MQ refused the certificate the other end presented (AMQ9633)",
		Explanation: "The partner's certificate did not verify against this end's key repository: the CA (signer) certificate of its issuer, or an intermediate, is not in this key repository, the certificate has expired, or it was revoked (a CRL or OCSP check).",
		Fix:         "Add the partner's CA and intermediates to this end's key repository as signers, then refresh:\n  runmqakm -cert -add -db key.kdb -stashed -label partnerca -file partner-ca.pem\n  echo 'REFRESH SECURITY TYPE(SSL)' | runmqsc QMNAME",
		Confirm:     "runmqakm -cert -list ca -db key.kdb -stashed",
	},
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"amq9665", "ssl connection closed by remote end of channel", "tls connection closed by remote end of channel"},
		Title:       "IBM MQ: the other end closed the channel's TLS connection (AMQ9665)",
		Explanation: "The remote end ended the handshake; its own error log says why, most often: it got no certificate from this end (AMQ9637), it refused this end's certificate (AMQ9633), or the two ends' CipherSpecs differ (AMQ9631).",
		Fix:         "Read the error log of the other end (AMQERR01.LOG, or the z/OS channel initiator's log) at the same time, and fix what it names; see this end's CipherSpec:\n  echo 'DISPLAY CHANNEL(NAME) SSLCIPH SSLCAUTH' | runmqsc QMNAME",
		Confirm:     "echo 'DISPLAY CHANNEL(NAME) SSLCIPH SSLCAUTH' | runmqsc QMNAME",
	},
	{
		ID: BadPassphrase, Kind: "client",
		Match:       []string{"amq9660", "password stash file absent or unusable"},
		Title:       "IBM MQ cannot open its key repository: the password stash file is missing or wrong (AMQ9660)",
		Explanation: "MQ opens its key repository (key.kdb) with the password in the stash file beside it (key.sth): the stash file is missing, was made for another repository, or cannot be read by the mqm user.",
		Fix:         "Stash the repository's password again, beside it:\n  runmqakm -keydb -stashpw -db key.kdb -pw PASSWORD\nthen refresh its security:\n  echo 'REFRESH SECURITY TYPE(SSL)' | runmqsc QMNAME",
		Confirm:     "ls -l key.kdb key.sth",
	},
	// IBM GSKit: IBM HTTP Server, the WebSphere web server plug-in, MQ, Db2.
	{
		ID: VerifyError, Kind: "client",
		Match:       []string{"gsk_error_bad_cert", "gsk rc = 414", "gsk_error_bad_certificate", "gsk rc = 404", "gsk_error_self_signed", "gsk rc = 417", "gsk_error_bad_cert_sig", "gsk rc = 413"},
		Title:       "GSKit could not validate the other side's certificate",
		Explanation: "IBM's GSKit (IBM HTTP Server, the WebSphere web server plug-in, MQ, Db2) checked the certificate the other side sent against its key database (.kdb) and refused it. Three causes cover most cases: 1. the signer (CA) certificate of the other side is not in this key database: the plug-in's plugin-key.kdb without the application server's signer, a key database not updated after the other side's certificate was renewed by another CA; 2. the certificate or a signer has expired; 3. a self-signed certificate that is not in the key database itself.",
		Fix:         "List the signers in the key database, then add the other side's CA (and intermediates) as a signer; for the WebSphere plug-in, add the application server's signer to plugin-key.kdb and propagate it:\n  gskcapicmd -cert -list ca -db plugin-key.kdb -stashed\n  gskcapicmd -cert -add -db plugin-key.kdb -stashed -label appserver-ca -file ca.pem",
		Confirm:     "openssl s_client -connect host:9443 -showcerts </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"gsk_error_no_ciphers", "gsk rc = 402"},
		Title:       "GSKit found no cipher suite in common with the other side",
		Explanation: "The cipher suites (and TLS versions) this side allows and the other side's share none: one side limited to old suites or TLS 1.0, the other to TLS 1.2 or later, or a certificate key type (ECDSA, RSA) that none of the allowed suites can use.",
		Fix:         "See what the other side accepts, and allow a suite and version both have (IBM HTTP Server: SSLCipherSpec and SSLProtocolEnable; the plug-in's and MQ's settings):\n  openssl s_client -connect host:443 -tls1_2 </dev/null",
		Confirm:     "openssl s_client -connect host:443 -tls1_2 </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"gsk_error_socket_closed", "gsk rc = 420", "gsk_error_io", "gsk rc = 406"},
		Title:       "GSKit: the other side closed the connection during the handshake",
		Explanation: "The connection ended during the TLS handshake. Three causes cover most cases: 1. the other side refused something: this side's certificate, none sent where one is required, or no TLS version or cipher in common; 2. the port does not speak TLS (a plain HTTP transport, a TLS port expected on another number); 3. something in the path (a firewall or load balancer) cut it.",
		Fix:         "Connect as this side does and read the other side's error log at the same time:\n  openssl s_client -connect host:443 -showcerts </dev/null",
		Confirm:     "openssl s_client -connect host:443 </dev/null",
	},
	{
		ID: BadPassphrase, Kind: "client",
		Match:       []string{"gsk_error_bad_keyfile_password", "gsk rc = 408"},
		Title:       "GSKit cannot open its key database: the password or stash file is wrong",
		Explanation: "GSKit opens the key database (.kdb) with the password from its stash file (.sth): the stash file is missing, belongs to another key database, or the password changed without a new stash.",
		Fix:         "Stash the key database's password again, beside it:\n  gskcapicmd -keydb -stashpw -db key.kdb -pw PASSWORD",
		Confirm:     "ls -l key.kdb key.sth",
	},
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"gsk_error_no_private_key", "gsk rc = 428", "gsk_error_bad_keyfile_label", "gsk rc = 407"},
		Title:       "GSKit has no usable certificate and key under the label it was given",
		Explanation: "The key database has no personal certificate with its private key under the label this side was told to use (IBM HTTP Server's SSLServerCert, the plug-in's or MQ's label): the label is spelled differently, the certificate was added as a signer only, or its private key was not imported.",
		Fix:         "List the personal certificates and their labels, and name one that has its key:\n  gskcapicmd -cert -list personal -db key.kdb -stashed",
		Confirm:     "gskcapicmd -cert -details -label LABEL -db key.kdb -stashed",
	},
	// IIS's substatus codes for client certificates.
	{
		ID: ClientCertRejected, Kind: "client",
		Match:       []string{"403.16", "client certificate untrusted or invalid"},
		Title:       "IIS refused the client certificate: untrusted or invalid (403.16)",
		Explanation: "IIS checked the client certificate with Windows' chain engine and did not trust it. Three causes cover most cases: 1. the CA that issued it is not in the server's Trusted Root Certification Authorities (Local Computer store) or its intermediate is missing; 2. the server's Trusted Root store holds certificates that are not self-signed (intermediates put there), which makes Windows Server 2012 and later fail client certificate checks; 3. a revocation check that fails (CRL unreachable from the server).",
		Fix:         "On the server, check the client certificate's chain and revocation as Windows sees it, then find non-self-signed certificates in the Root store (move them to Intermediate Certification Authorities):\n  certutil -verify -urlfetch client.cer\n  powershell -Command \"Get-ChildItem Cert:\\LocalMachine\\Root | Where-Object { $_.Issuer -ne $_.Subject }\"",
		Confirm:     "certutil -verify -urlfetch client.cer",
	},
	{
		ID: NoClientCert, Kind: "client",
		Match:       []string{"403.7", "client certificate required"},
		Within:      []string{"403"},
		Title:       "IIS requires a client certificate and got none (403.7)",
		Explanation: "The site's SSL settings require a client certificate and the client sent none: none configured in the client, or one whose issuer is not among the CAs the server lists (browsers, .NET and Windows clients offer only those), or a proxy in between that ends TLS.",
		Fix:         "Send a certificate from the client (curl: --cert, .NET: ClientCertificates), issued by a CA the server trusts, and see which CAs the server asks for:\n  openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | grep -A5 'Acceptable client certificate CA names'",
		Confirm:     "curl -v --cert client.pem --key client.key https://host/",
	},
	{
		ID: ClientCertRejected, Kind: "client",
		Match:       []string{"403.13", "client certificate revoked", "403.17", "client certificate has expired or is not yet valid"},
		Within:      []string{"403"},
		Title:       "IIS refused the client certificate as revoked or out of date (403.13, 403.17)",
		Explanation: "IIS found the client certificate revoked (403.13: its CA's CRL lists it, or the revocation check could not be completed) or outside its validity dates by the server's clock (403.17).",
		Fix:         "Check the certificate as the server sees it, with its CRL and dates:\n  certutil -verify -urlfetch client.cer\nthen issue a new certificate, or make the CRL reachable from the server.",
		Confirm:     "certutil -verify -urlfetch client.cer",
	},
	// CryptoAPI's and Outlook's messages, in words rather than codes.
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match:       []string{"terminated in a root certificate which is not trusted by the trust provider", "a certificate chain could not be built to a trusted root authority"},
		Title:       "Windows does not trust the root of the certificate chain (CERT_E_UNTRUSTEDROOT, CERT_E_CHAINING)",
		Explanation: "Windows' chain engine (used by .NET, IIS, SQL Server, PowerShell, Outlook) built the certificate's chain and it ends in a root this machine or account does not trust, or could not be built to one. Four causes cover most cases: 1. a private or self-signed root not in Trusted Root Certification Authorities of the account that checks (a service runs as LocalMachine, not as the user who imported it); 2. an intermediate missing and not fetchable (the server or client does not send it, and the machine cannot reach the issuer's AIA address); 3. an intercepting proxy's root; 4. on a server checking client certificates, a Root store holding certificates that are not self-signed, which makes Windows Server 2012 and later refuse client chains.",
		Fix:         "See how Windows judges the chain, on the machine that refuses it:\n  certutil -verify -urlfetch server.cer\nthen import the root into the Local Computer's Trusted Root Certification Authorities (certlm.msc) and the intermediate into Intermediate Certification Authorities.",
		Confirm:     "certutil -verify -urlfetch server.cer",
	},
	{
		ID: ServerHostnameMismatch, Kind: "client",
		Match:       []string{"the name on the security certificate is invalid or does not match the name of the site", "the name on the security certificate is invalid or does not match the name of the target site"},
		Title:       "The server's certificate does not carry the name the Windows client used",
		Explanation: "A Windows client (Outlook, Internet Explorer, a .NET program) compared the name it connected to with the server certificate's names and found no match: the certificate lacks that name (an internal name, an Autodiscover or mail name, the IP address), a wildcard that does not cover it, or another certificate is served for that name; Outlook over RPC/HTTP also compares the profile's certificate principal name (msstd:...) with the certificate.",
		Fix:         "See the names the served certificate carries, and reissue it with the names clients use (subjectAltName):\n  openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -ext subjectAltName",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -subject -ext subjectAltName",
	},
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"tls negotiation failed with error unknowncredentials", "tls negotiation failed with error nocredentials"},
		Title:       "Exchange has no usable certificate for SMTP TLS",
		Explanation: "Exchange's transport service started TLS (a Send or Receive connector) and Schannel found no credentials it could use: no certificate enabled for the SMTP service whose names match the connector's FQDN, the certificate has expired, or its private key is missing or not readable by the Network Service account.",
		Fix:         "List the certificates and the services they are enabled for, then enable a valid one for SMTP:\n  powershell -Command \"Get-ExchangeCertificate | Format-List Thumbprint,Services,NotAfter,Subject,HasPrivateKey\"\n  powershell -Command \"Enable-ExchangeCertificate -Thumbprint THUMBPRINT -Services SMTP\"",
		Confirm:     "powershell -Command \"Get-ExchangeCertificate | Format-List Thumbprint,Services,NotAfter\"",
	},
	// AD FS's Web Application Proxy and its proxy trust.
	{
		ID: ClientCertRejected, Kind: "client",
		Match:       []string{"proxy trust certificate"},
		Within:      []string{"expired", "not valid", "invalid"},
		Title:       "AD FS no longer trusts the Web Application Proxy: its proxy trust certificate expired",
		Explanation: "The Web Application Proxy authenticates to AD FS with a short-lived client certificate (the proxy trust certificate) that it renews while it can reach AD FS; after the proxy was off or cut from AD FS for longer than that certificate lives, or after AD FS's certificates changed, the certificate has expired and AD FS refuses the proxy.",
		Fix:         "Establish the trust again on the proxy, with AD FS's certificate thumbprint and an AD FS administrator's credentials:\n  powershell -Command \"Install-WebApplicationProxy -CertificateThumbprint THUMBPRINT -FederationServiceName fs.example.com\"",
		Confirm:     "powershell -Command \"Get-WebApplicationProxyHealth\"",
	},
	// rsyslog's plain listener receiving TLS.
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"tls handshake detected from", "but listener is not tls-enabled"},
		Title:       "rsyslog got TLS on a listener without TLS",
		Explanation: "The sender has TLS on (its omfwd action's StreamDriverMode 1) and this rsyslog's imtcp input does not (StreamDriver.Mode 0, or no TLS driver loaded), so the sender's ClientHello arrived as plain text.",
		Fix:         "Turn TLS on for the listener, with its certificate files, or turn it off at the sender:\n  module(load=\"imtcp\" StreamDriver.Name=\"gtls\" StreamDriver.Mode=\"1\" StreamDriver.Authmode=\"anon\")\n  global(DefaultNetstreamDriverCAFile=\"/etc/rsyslog.d/ca.pem\" DefaultNetstreamDriverCertFile=\"/etc/rsyslog.d/cert.pem\" DefaultNetstreamDriverKeyFile=\"/etc/rsyslog.d/key.pem\")",
		Confirm:     "rsyslogd -N1",
	},
}
