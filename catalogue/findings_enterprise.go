package catalogue

// enterpriseEntries tell the TLS messages of enterprise middleware and
// Windows servers in their own words: IBM MQ's AMQ/CSQX codes, IBM GSKit's
// return codes (IBM HTTP Server, the WebSphere web server plug-in, MQ,
// Db2), WebSphere's, WebLogic's, Oracle Database's and SAP's codes, IIS's
// client-certificate substatus codes, CryptoAPI's, Schannel's and
// Outlook's messages, Exchange's SMTP TLS, rsyslog's listener. Lookup
// reads them before the other writers' entries.
var enterpriseEntries = []Entry{
	// IBM MQ, distributed (AMQ9xxx) and z/OS (CSQX).
	{
		ID: NoClientCert, Kind: "client",
		Match:       []string{"amq9637", "channel is lacking a certificate"},
		Title:       "IBM MQ: the other end of the channel sent no certificate (AMQ9637)",
		Explanation: "The channel asks for the partner's certificate (SSLCAUTH(REQUIRED), the default on a receiving channel) and the partner sent none. Three causes cover most cases: 1. the client's key repository has no personal certificate under the label MQ looks for: ibmwebspheremq followed by the user id in lower case for a C client, the queue manager's name for a queue manager, unless the channel's CERTLABL names another; 2. a Java or JMS client with no keystore, or a keystore whose certificate's issuer is not among the CAs the queue manager lists; 3. a certificate whose key usage does not allow the handshake (digitalSignature missing).",
		Fix:         "List the personal certificates and their labels in the client's key repository, then label the certificate as MQ expects or set CERTLABL on the client channel:\n  runmqakm -cert -list personal -db key.kdb -stashed\nIf the certificate is not needed, the receiving channel may ask for none: ALTER CHANNEL(NAME) CHLTYPE(SVRCONN) SSLCAUTH(OPTIONAL).",
		Confirm:     "runmqakm -cert -details -label LABEL -db key.kdb -stashed",
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
	// WebSphere Application Server and WebLogic.
	{
		ID: KeyLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"cwpki0033e"},
		Title:       "WebSphere or Liberty could not load a keystore (CWPKI0033E)",
		Explanation: "The server could not open the keystore or trust store its SSL configuration names, and the message ends with the reason: a file that is not at that path; a password that is not the store's (Liberty keeps it, encoded, in server.xml); a type that is not the file's (a PKCS12 file declared JKS, or the reverse); or a type the JVM lacks (JKS not found: a JVM or FIPS mode without the JKS provider, where PKCS12 works).",
		Fix:         "See the store's real type and contents with its password, then convert it to PKCS12 and declare that type:\n  keytool -list -keystore key.jks -storepass PASSWORD\n  keytool -importkeystore -srckeystore key.jks -destkeystore key.p12 -deststoretype PKCS12\n  <keyStore id=\"defaultKeyStore\" location=\"key.p12\" type=\"PKCS12\"\n    password=\"...\"/>",
		Confirm:     "keytool -list -keystore key.p12 -storetype PKCS12",
	},
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match:       []string{"cwpki0022e", "the signer might need to be added to local trust store"},
		Title:       "WebSphere does not trust the other side's certificate: its signer is not in the trust store (CWPKI0022E)",
		Explanation: "WebSphere Application Server (or its admin client) connected to a host whose certificate's signer (the CA, or the self-signed certificate itself) is not in the trust store of the SSL configuration it used: a new or renewed certificate from another CA, a private CA never added, or the admin client's ssl.client.props naming a trust store without it.",
		Fix:         "Add the signer to the trust store the connection uses: in the admin console, Security > SSL certificate and key management > Key stores and certificates > NodeDefaultTrustStore > Signer certificates > Retrieve from port (host and port of the target), or import the CA with keytool, then restart or refresh the SSL configuration:\n  keytool -importcert -alias target-ca -file ca.pem -keystore trust.p12 -storetype PKCS12",
		Confirm:     "openssl s_client -connect host:443 -showcerts </dev/null",
	},
	{
		ID: VerifyError, Kind: "client",
		Match:       []string{"bea-090477", "was not trusted causing ssl handshake failure"},
		Title:       "WebLogic did not trust the certificate chain it received (BEA-090477)",
		Explanation: "WebLogic checked the chain the other side sent (a server it connected to, or a client in two-way SSL) against its trust keystore (DemoTrust, the JDK's cacerts, or a custom trust keystore) and found no trusted CA: the root or intermediate is not in that keystore, the other side does not send its intermediate, or an old WebLogic or JDK cannot check the chain's algorithms (SHA-2 or ECDSA on old releases).",
		Fix:         "Import the other side's root (and intermediates) into the trust keystore the server's Keystores tab names, then restart the server:\n  keytool -importcert -alias peer-ca -file ca.pem -keystore trust.jks\nsee what the other side sends:\n  openssl s_client -connect host:443 -showcerts </dev/null",
		Confirm:     "keytool -list -keystore trust.jks",
	},
	{
		ID: ServerHostnameMismatch, Kind: "client",
		Match:       []string{"bea-090504", "failed hostname verification check"},
		Title:       "WebLogic's host name check refused the certificate (BEA-090504)",
		Explanation: "WebLogic's host name verifier compared the name it connected to with the certificate the other side sent and found no match: the certificate is for another name (an internal or short name, an IP address), or an older WebLogic's default verifier compares only the subject's CN (not the subjectAltName, no wildcard).",
		Fix:         "Connect by a name the certificate carries, or reissue it with that name; on releases whose default verifier ignores the subjectAltName, use the wildcard host name verifier (weblogic.security.utils.SSLWLSWildcardHostnameVerifier) rather than turning the check off:\n  openssl s_client -connect host:443 </dev/null 2>/dev/null | openssl x509 -noout -subject -text | grep -A1 -e '^subject=' -e 'Subject Alternative Name'",
		Confirm:     "openssl s_client -connect host:443 </dev/null 2>/dev/null | openssl x509 -noout -subject -text | grep -A1 -e '^subject=' -e 'Subject Alternative Name'",
	},
	// Oracle Database's outbound TLS (UTL_HTTP, UTL_SMTP, APEX) and wallets.
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match:       []string{"ora-29024"},
		Title:       "Oracle Database could not validate the server's certificate (ORA-29024)",
		Explanation: "The database, as the client (UTL_HTTP, UTL_SMTP, APEX_WEB_SERVICE), checked the server's certificate against the wallet it was given and failed: the wallet lacks the server's root or intermediate certificate (the site changed CA), or this database release cannot check the certificate's algorithms (SHA-2 or ECDSA chains on old 11g releases).",
		Fix:         "Add the server's root and intermediate certificates to the wallet as trusted certificates, and point the session at it:\n  orapki wallet add -wallet /u01/app/oracle/wallet -trusted_cert -cert root.cer -pwd PASSWORD\n  orapki wallet display -wallet /u01/app/oracle/wallet\nthen in the session: UTL_HTTP.SET_WALLET('file:/u01/app/oracle/wallet', 'PASSWORD').",
		Confirm:     "orapki wallet display -wallet /u01/app/oracle/wallet",
	},
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"ora-28759"},
		Title:       "Oracle Database could not open the wallet (ORA-28759)",
		Explanation: "The wallet path given (UTL_HTTP.SET_WALLET's file: path, sqlnet.ora's WALLET_LOCATION) does not exist on the database server, or the oracle user cannot read the wallet's files (ewallet.p12, cwallet.sso); on RAC, the wallet is missing on the node that ran the call. A client given a cloud database's wallet (an Autonomous Database wallet zip) reads its sqlnet.ora, whose WALLET_LOCATION says DIRECTORY=\"?/network/admin\": the client's own Oracle home, not the folder the wallet was unzipped to.",
		Fix:         "Check the path and files as the oracle user on every node:\n  ls -l /u01/app/oracle/wallet\nand give the directory, not a file, after file: in SET_WALLET. For a client with a cloud wallet, set DIRECTORY in its sqlnet.ora to the unzipped wallet's folder (or $TNS_ADMIN, with TNS_ADMIN set to it).",
		Confirm:     "orapki wallet display -wallet /u01/app/oracle/wallet",
	},
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"ora-28860"},
		Title:       "Oracle Database's TLS handshake failed (ORA-28860)",
		Explanation: "The database's TLS layer could not complete the handshake with the other side. Three causes cover most cases: 1. no TLS version or cipher in common: the server wants TLS 1.2 or 1.3, or suites an old release lacks (11g before 11.2.0.4 has no TLS 1.2); 2. the server needs the name (SNI), which older releases do not send; 3. the other side refused the database's wallet certificate in two-way TLS.",
		Fix:         "See what the server accepts, then patch or upgrade the database release, or allow what it speaks:\n  openssl s_client -connect host:443 -servername host -tls1_2 </dev/null",
		Confirm:     "openssl s_client -connect host:443 -servername host -tls1_2 </dev/null",
	},
	// SAP's CommonCryptoLib (ICM, SM59, STRUST).
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match:       []string{"ssslerr_peer_cert_untrusted"},
		Title:       "SAP does not trust the other side's certificate (SSSLERR_PEER_CERT_UNTRUSTED)",
		Explanation: "SAP's CommonCryptoLib checked the certificate the other side sent against the PSE the connection uses (SSL client Anonymous or Standard for SM59 destinations, SSL server for incoming ones) and its CA is not there: a root or intermediate not imported, or a server that changed CA.",
		Fix:         "Import the other side's root and intermediate certificates into that PSE in transaction STRUST (Add to Certificate List, then Save), and restart the ICM or wait for its reload; see what the other side sends:\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null",
		Confirm:     "openssl s_client -connect host:443 -servername host -showcerts </dev/null",
	},
	{
		ID: ServerHostnameMismatch, Kind: "client",
		Match:       []string{"ssslerr_server_cert_mismatch"},
		Title:       "SAP: the server's certificate does not carry the host name of the destination (SSSLERR_SERVER_CERT_MISMATCH)",
		Explanation: "The host name in the SM59 destination (or the URL) is not among the names of the certificate the server sent: a destination by IP or internal name, a certificate for another name, or a server that sends another certificate without SNI. If the name is right and the server's certificate carries it, the SAP host reached another server: its DNS or hosts file resolves the name to a wrong address.",
		Fix:         "Check where the SAP host resolves the name, then use a host name the certificate carries in the destination, or have the certificate reissued with it:\n  getent hosts host\n  openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -text | grep -A1 'Subject Alternative Name'",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -subject -text | grep -A1 -e '^subject=' -e 'Subject Alternative Name'",
	},
	{
		ID: PlainHTTP, Kind: "client",
		Match:       []string{"ssslerr_no_ssl_response"},
		Title:       "SAP got no TLS answer from the other side (SSSLERR_NO_SSL_RESPONSE)",
		Explanation: "SAP started TLS and the other side did not answer in TLS: the destination's port serves plain HTTP, a proxy in between expects CONNECT, or SSL is set on a destination whose server has none.",
		Fix:         "Check that the port speaks TLS, and that the destination's port and SSL setting match the server:\n  openssl s_client -connect host:PORT </dev/null",
		Confirm:     "openssl s_client -connect host:PORT </dev/null",
	},
	// Db2's SSL socket setup naming GSKit's 414.
	{
		ID: VerifyError, Kind: "client",
		Match:       []string{"sqlccsslsocketsetup", "gskit error: 414"},
		Within:      []string{"414"},
		Title:       "Db2 could not validate the server's certificate (SQL30081N, GSKit 414)",
		Explanation: "The Db2 client's GSKit checked the Db2 server's certificate against the client's key database (or the CA file named by SSLServerCertificate) and refused it: the server's CA or self-signed certificate is not there, or has expired.",
		Fix:         "Add the server's CA (or its self-signed certificate) to the client's key database, or name it in the connection:\n  gskcapicmd -cert -add -db client.kdb -stashed -label db2server -file server-ca.arm\nor SSLServerCertificate=/path/server-ca.arm in db2dsdriver.cfg or the connection string.",
		Confirm:     "openssl s_client -connect dbhost:50001 -showcerts </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"amq9616", "is not enabled"},
		Within:      []string{"amq9616", "cipherspec"},
		Title:       "IBM MQ: the CipherSpec the other end proposed is not enabled here (AMQ9616)",
		Explanation: "The other end proposed a CipherSpec (or a TLS version) that this queue manager does not allow: MQ 9.1 and later disable weak and deprecated CipherSpecs, TLS 1.0 and SSL 3.0 by default, so an old channel definition or client still naming one fails after an upgrade.",
		Fix:         "Change the channel's SSLCIPH on both ends to a current CipherSpec (ANY_TLS12_OR_HIGHER, or a TLS 1.2 or 1.3 one) rather than enabling the old one again:\n  echo 'ALTER CHANNEL(NAME) CHLTYPE(SVRCONN) SSLCIPH(ANY_TLS12_OR_HIGHER)' | runmqsc QMNAME",
		Confirm:     "echo 'DISPLAY CHANNEL(NAME) SSLCIPH' | runmqsc QMNAME",
	},
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"mqrc_ssl_initialization_error", "reason '2393'", "reason code 2393", "reason code: 2393"},
		Title:       "IBM MQ could not set up TLS: its key repository could not be used (MQRC 2393)",
		Explanation: "The MQ client or queue manager could not initialise TLS before any handshake: the key repository named (SSLKEYR, MQSSLKEYR, the channel table's entry, without its .kdb extension) does not exist or cannot be read, its stash file (.sth) is missing or wrong, or the CipherSpec asked for is not one this side supports: MQ names its CipherSpecs itself (ECDHE_RSA_AES_256_GCM_SHA384, ANY_TLS12_OR_HIGHER), and a Java or IANA name (TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) is unknown to it, or cut at the channel field's 32 characters.",
		Fix:         "Check the key repository the program uses: its stem, the files beside it and their owner:\n  ls -l /var/mqm/qmgrs/QMNAME/ssl/\n  echo 'DISPLAY QMGR SSLKEYR' | runmqsc QMNAME\nand the error log (AMQERR01.LOG) lines around it, which name the file.",
		Confirm:     "echo 'DISPLAY QMGR SSLKEYR' | runmqsc QMNAME",
	},
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"mqrc_jsse_error", "reason '2397'", "reason code 2397", "reason code: 2397"},
		Title:       "IBM MQ's Java client: JSSE failed (MQRC 2397)",
		Explanation: "The MQ classes for Java or JMS report that Java's TLS (JSSE) failed; the reason is the Java exception chained under it (Caused by: javax.net.ssl...): most often the queue manager's certificate is not in the client's truststore (PKIX path building failed), the client sent no certificate the queue manager requires, or the client's cipher suite maps to no CipherSpec of the channel (an IBM JRE's cipher names against another JRE's, com.ibm.mq.cfg.useIBMCipherMappings=false on non-IBM Java).",
		Fix:         "Read the chained Java exception, and see the handshake:\n  -Djavax.net.debug=ssl:handshake\nwith a non-IBM JRE, use the standard cipher names:\n  -Dcom.ibm.mq.cfg.useIBMCipherMappings=false",
		Confirm:     "keytool -list -keystore truststore.jks",
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
		Match:       []string{"gsk_error_socket_closed", "gsk rc = 420", "gsk_error_io", "gsk rc = 406", "gsk_err_connection_closed"},
		Title:       "GSKit: the other side closed the connection during the handshake",
		Explanation: "The connection ended during the TLS handshake. Three causes cover most cases: 1. the other side refused something: this side's certificate, none sent where one is required, or no TLS version or cipher in common; 2. the port does not speak TLS (a plain HTTP transport, a TLS port expected on another number); 3. something in the path (a firewall or load balancer) cut it. An I/O error (406, GSK_ERROR_IO) can also be this side's own handshake timeout running out while a slow server works (a remote CRL or OCSP check on the server, an overloaded LDAP or MQ server): see how long a handshake by hand takes.",
		Fix:         "Connect as this side does and read the other side's error log at the same time; time it against this side's handshake timeout:\n  time openssl s_client -connect host:443 -showcerts </dev/null",
		Confirm:     "openssl s_client -connect host:443 </dev/null",
	},
	{
		ID: BadPassphrase, Kind: "client",
		Match:       []string{"gsk_error_bad_keyfile_password", "gsk rc = 408", "ctgsk2016w", "invalid database password was encountered"},
		Title:       "GSKit cannot open its key database: the password or stash file is wrong",
		Explanation: "GSKit opens the key database (.kdb) with the password from its stash file (.sth): the stash file is missing, belongs to another key database, or the password changed without a new stash. A stash file written by a newer GSKit (a product's fix pack that moved to GSKit's newer stash format) is unreadable to an older GSKit that opens the same key database, which then calls the password wrong.",
		Fix:         "Stash the key database's password again, beside it, with the GSKit of the program that opens it:\n  gskcapicmd -keydb -stashpw -db key.kdb -pw PASSWORD",
		Confirm:     "ls -l key.kdb key.sth",
	},
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"gsk_error_no_private_key", "gsk rc = 428", "gsk_error_bad_keyfile_label", "gsk rc = 407", "key-file label not found"},
		Title:       "GSKit has no usable certificate and key under the label it was given",
		Explanation: "The key database has no personal certificate with its private key under the label this side was told to use (IBM HTTP Server's SSLServerCert, the plug-in's or MQ's label): the label is spelled differently, the certificate was added as a signer only, or its private key was not imported.",
		Fix:         "List the personal certificates and their labels, and name one that has its key:\n  gskcapicmd -cert -list personal -db key.kdb -stashed",
		Confirm:     "gskcapicmd -cert -details -label LABEL -db key.kdb -stashed",
	},
	// IBM HTTP Server's own messages.
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"ssl0227e", "specified label could not be found in the key file"},
		Title:       "IBM HTTP Server: the certificate label it was given is not in its key database (SSL0227E)",
		Explanation: "IBM HTTP Server looked in its key database (KeyFile) for the personal certificate named by SSLServerCert (or the default certificate when none is named) and found no certificate with that label: the label is spelled differently (labels are case-sensitive), the certificate was imported into another key database, or the key database has no default personal certificate.",
		Fix:         "List the personal certificates and their labels, then name one in SSLServerCert (or make it the default):\n  gskcapicmd -cert -list personal -db key.kdb -stashed",
		Confirm:     "gskcapicmd -cert -list personal -db key.kdb -stashed",
	},
	{
		ID: VerifyError, Kind: "client",
		Match:       []string{"ssl0208e", "ssl handshake failed, certificate validation error"},
		Title:       "IBM HTTP Server could not validate the other side's certificate (SSL0208E)",
		Explanation: "GSKit in IBM HTTP Server checked the certificate the other side sent (a client certificate when SSLClientAuth is on, a back end's when it proxies over TLS) against its key database and refused it: the signer (CA) of that certificate is not in the key database, an intermediate is missing, or the certificate has expired.",
		Fix:         "Add the CA (and intermediates) that issued the other side's certificates to the key database as signers, then restart IBM HTTP Server:\n  gskcapicmd -cert -add -db key.kdb -stashed -label client-ca -file client-ca.pem\n  gskcapicmd -cert -list ca -db key.kdb -stashed",
		Confirm:     "gskcapicmd -cert -list ca -db key.kdb -stashed",
	},
	// IBM HTTP Server's key database holding a certificate out of its dates.
	{
		ID: ServerCertExpired, Kind: "client", Side: "server",
		Match:       []string{"ssl0221e", "ssl handshake failed, invalid date"},
		Title:       "IBM HTTP Server: a certificate in the handshake is out of its dates (SSL0221E)",
		Explanation: "GSKit found a certificate outside its validity period: most often one in IBM HTTP Server's own key database (its personal certificate, or a signer it sends or checks with, such as an old default 'demoibm' or a WebSphere-extracted signer) has expired; otherwise the other side's certificate has, or the machine's clock is wrong.",
		Fix:         "List the key database's certificates with their dates, renew or replace the expired ones, and restart IBM HTTP Server:\n  gskcapicmd -cert -list all -db key.kdb -stashed\n  gskcapicmd -cert -details -label LABEL -db key.kdb -stashed",
		Confirm:     "gskcapicmd -cert -list all -db key.kdb -stashed",
	},
	// IBM MQ unable to check the partner's revocation status.
	{
		ID: VerifyError, Kind: "client",
		Match:       []string{"amq9716", "remote ssl certificate revocation status check failed", "remote tls certificate revocation status check failed"},
		Title:       "IBM MQ could not check whether the partner's certificate is revoked (AMQ9716)",
		Explanation: "IBM MQ's GSKit checked the partner's certificate for revocation, through the OCSP responder or CRL distribution point named in the certificate (or in the queue manager's AUTHINFO objects), and got no answer: the responder or CRL server is not reachable from this host (a firewall, no proxy, an internal CA's URL), so the channel ends although the certificate may be fine.",
		Fix:         "Make the OCSP or CRL server reachable from this host, or tell MQ what to do when it is not (the queue manager's SSL settings: OCSPCheckExtensions, CDPCheckExtensions, and the SSLCRLNL and AUTHINFO objects); see which URLs the certificate names:\n  openssl x509 -noout -ocsp_uri -in partner.crt\n  openssl x509 -noout -text -in partner.crt | grep -A2 'CRL Distribution'",
		Confirm:     "openssl x509 -noout -ocsp_uri -in partner.crt",
	},
	// WinHTTP (PowerShell 5, libgit2 and .NET Framework on Windows) asked
	// for a client certificate it does not have.
	{
		ID: NoClientCert, Kind: "client", Side: "client", Own: true,
		Match:       []string{"a certificate is required to complete the authentication", "error_winhttp_client_auth_cert_needed", "12044"},
		Within:      []string{"certificate is required", "winhttp", "client_auth_cert_needed"},
		Title:       "The server asked for a client certificate and the Windows client (WinHTTP) supplied none",
		Explanation: "WinHTTP, under PowerShell 5's Invoke-WebRequest, .NET Framework's HttpWebRequest, libgit2 on Windows and other Windows programs, reports ERROR_WINHTTP_CLIENT_AUTH_CERT_NEEDED (12044) when the server requests a client certificate and the program set none: the server requires mutual TLS (an Azure App Service with client certificates on, an IIS site with SSL Settings set to Require, a Git server behind such a proxy), and the program has no way to present one or was not told which from the certificate store.",
		Fix:         "Give the client its certificate from the Windows store (it needs the private key), e.g. in PowerShell:\n  $c = Get-ChildItem Cert:\\CurrentUser\\My\\THUMBPRINT\n  Invoke-WebRequest https://host/ -Certificate $c\nFor a program that cannot present one, let the server accept requests without it on that path.",
		Confirm:     "certutil -user -store My",
	},
	// Configuration Manager's cloud management gateway toward its
	// management point.
	{
		ID: NoClientCert, Kind: "client", Side: "client", Own: true,
		Match:       []string{"cmgconnector_clientcertificaterequired"},
		Title:       "The cloud management gateway's connection point sent no client certificate the management point takes",
		Explanation: "Configuration Manager's cloud management gateway (CMG) forwards its clients' requests through the CMG connection point to an HTTPS management point, which requires client authentication: the connection point's server must hold a client authentication certificate (from the PKI the management point trusts, with its private key, in the computer's Personal store) and present it. A missing, expired or replaced certificate, or one from a CA the management point does not trust, gives 403 with this status.",
		Fix:         "On the connection point's server, see the certificates with client authentication and their dates, then enrol or renew one from the PKI the management point trusts:\n  certutil -store My\nand read CMGConnector.log on that server for the certificate it chose.",
		Confirm:     "certutil -store My",
	},
	// Windows domain controllers refusing a certificate that is not
	// strongly mapped to its account (KB5014754).
	{
		ID: VerifyError, Kind: "client", Side: "server", Own: true,
		Match:       []string{"could not be mapped to a user in a secure way"},
		Title:       "The domain controller refused a certificate that is not strongly mapped to its account (KB5014754)",
		Explanation: "Since the May 2022 updates, and in full enforcement since 2025, domain controllers accept a certificate for Kerberos logon (smart cards, Always On VPN and Wi-Fi with EAP-TLS through NPS, other certificate logons) only when it maps to its account strongly: the certificate carries the account's SID (the szOID_NTDS_CA_SECURITY_EXT extension, 1.3.6.1.4.1.311.25.2, which an enterprise CA adds to certificates from online templates), or the account lists it in altSecurityIdentities by issuer and serial number, subject key identifier or public key hash. Certificates from offline templates, from another CA, or issued before the update have no SID and are refused (events 39, 40 and 41 in the System log).",
		Fix:         "See whether the certificate carries the SID extension, then reissue it from an online template of the enterprise CA, or map it explicitly on the account:\n  certutil -dump user.cer | findstr 1.3.6.1.4.1.311.25.2\n  $map = 'X509:<I>DC=com,DC=example,CN=Issuing CA<SR>1200AC11002B'\n  Set-ADUser alice -Add @{altSecurityIdentities=$map}",
		Confirm:     "certutil -dump user.cer | findstr 1.3.6.1.4.1.311.25.2",
	},
	// AD CS refusing a request for a template it cannot use.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server", Own: true,
		Match:       []string{"certsrv_e_unsupported_cert_type", "0x80094800", "the requested certificate template is not supported by this ca"},
		Title:       "The Windows CA cannot issue from the requested certificate template",
		Explanation: "An enterprise CA (AD CS) issues only from templates it publishes and can read in Active Directory: the template is not in the CA's Certificate Templates to issue, the request names it by a wrong name (its display name where the template name is wanted), Active Directory has not replicated a new template to the CA's domain controller yet, or the CA's own computer account cannot read the template (its permissions changed: Authenticated Users or the CA's computer removed from its Read permission).",
		Fix:         "List the templates the CA publishes and look at the template's permissions, then publish it, give the CA's computer account Read, and restart the CA service:\n  certutil -CATemplates\n  certutil -v -dstemplate TEMPLATENAME\n  net stop certsvc && net start certsvc",
		Confirm:     "certutil -CATemplates",
	},
	// GSKit's strict (RFC 5280) check of certificate policies.
	{
		ID: ServerCertUntrusted, Kind: "client", Own: true,
		Match:       []string{"gskval_error_bad_acceptable_policies", "bad_acceptable_policies"},
		Title:       "GSKit refused the certificate's chain over its certificate policies",
		Explanation: "GSKit validated the other side's chain in its strict RFC 5280 mode, which also checks certificate policies: the policies the certificates carry (certificatePolicies) do not meet the acceptable policies the program set, or a CA's policy constraints (requireExplicitPolicy, inhibitPolicyMapping) rule out the chain's. OpenSSL, browsers and GSKit's default mode do not check policies so, which is why the same server works elsewhere. Programs that run GSKit strictly (IBM's integration products, some MQ and Db2 set-ups) meet it after the other side's CA changed.",
		Fix:         "See the policies of each certificate of the chain the other side sends:\n  openssl s_client -connect host:443 -showcerts </dev/null 2>/dev/null | openssl x509 -noout -text | grep -A3 -e 'Certificate Policies' -e 'Policy Constraints'\nthen either set the program's acceptable policies to those (or let it validate in GSKit's default mode), or have the other side serve a chain whose policies the program accepts.",
		Confirm:     "openssl s_client -connect host:443 -showcerts </dev/null",
	},
	// Oracle Net: a certificate message without a certificate.
	{
		ID: NoClientCert, Kind: "client", Own: true,
		Match:       []string{"ora-29037"},
		Title:       "Oracle Net got no certificate from the other side (ORA-29037)",
		Explanation: "The other side's Certificate message held no certificate, so certificate authentication failed. With SSL_CLIENT_AUTHENTICATION=TRUE on the database's listener, it is the client: its wallet has no user certificate with its key (only trusted certificates), or the client reads another wallet than the one prepared (WALLET_LOCATION in its sqlnet.ora, the directory of the auto-login cwallet.sso), or the user certificate's issuer is not among the CAs the server trusts, so the client sends none.",
		Fix:         "Look at the wallet the client reads, and add a user certificate (with its key) from a CA the server's wallet trusts:\n  orapki wallet display -wallet /path/client_wallet\nthen check the client's sqlnet.ora names that directory in WALLET_LOCATION.",
		Confirm:     "orapki wallet display -wallet /path/client_wallet",
	},
	// SAP's ICM as the client of an HTTPS call.
	{
		ID: ServerHostnameMismatch, Kind: "client", Side: "client", Own: true,
		Match:       []string{"icm_http_ssl_cert_mismatch"},
		Title:       "SAP's ICM refused the server's certificate: it does not carry the host name called (ICM_HTTP_SSL_CERT_MISMATCH)",
		Explanation: "SAP's Internet Communication Manager, calling an HTTPS destination (an SM59 connection, a web service's logical port), compared the host name it connected to with the names of the server's certificate and found no match: the destination names the host by a short name, an IP address or an alias, while the certificate carries the fully qualified name (or the other way round), or the server presents a default certificate for another name.",
		Fix:         "See the names the server's certificate carries, and put one of them in the destination's target host (SM59), or have the server's certificate reissued with the name used:\n  openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -subject -text | grep -A1 -e '^subject=' -e 'Subject Alternative Name'",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -subject",
	},
	// TIBCO's trusted certificates folder.
	{
		ID: ServerCertUntrusted, Kind: "client", Own: true,
		Match:       []string{"axsecurityexception"},
		Within:      []string{"not a trusted certificate", "chain validation failed"},
		Title:       "TIBCO did not find a CA of the other side's chain in its trusted certificates",
		Explanation: "TIBCO BusinessWorks (and other TIBCO products on its security library) trusts a chain only when its trusted certificates folder holds the CAs it needs: the message names the CA it did not find there (by issuer and serial number). Most often the folder holds the root and not the intermediate (or the other way round), or the other side's certificate was renewed under another CA.",
		Fix:         "Export every CA of the other side's chain (root and intermediates) as PEM into the trusted certificates folder the connection uses, then redeploy:\n  openssl s_client -connect host:443 -showcerts </dev/null\nsaves each certificate shown between its BEGIN and END lines.",
		Confirm:     "openssl s_client -connect host:443 -showcerts </dev/null",
	},
	// Windows' security alert (Outlook, Internet Explorer) in words.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client", Own: true,
		Match: []string{"was issued by a company you have not chosen to trust", "this certificate cannot be verified up to a trusted certification authority",
			"content was blocked because it was not signed by a valid security certificate",
			// the same words in Windows' Russian
			"не удалось проверить, проследив его до доверенного центра сертификации"},
		Title:       "Windows does not trust the server's certificate: its CA is not among the trusted roots",
		Explanation: "A Windows client (Outlook, Internet Explorer and programs on its engine, the certificate dialog) could not chain the server's certificate to a root in the Trusted Root Certification Authorities of this machine or user: a self-signed certificate (an Exchange server's default one) or a private CA not installed here, an intermediate the server does not send and Windows cannot fetch, or a public root this machine lacks because its root list does not update (no access to Windows Update's root list, a machine kept offline or behind a proxy).",
		Fix:         "See the chain Windows builds and what fails, on the machine that refuses it:\n  certutil -verify -urlfetch server.cer\nthen install the root in Trusted Root Certification Authorities (certlm.msc) and have the server send its intermediates; for a server others connect to, serve a certificate from a CA they trust instead of a self-signed one.",
		Confirm:     "certutil -verify -urlfetch server.cer",
	},
	// WinHTTP's and WinInet's security errors, by name and as HRESULTs
	// (Windows Update, the Store, Office activation, .NET and PowerShell).
	{
		ID: HandshakeFailed, Kind: "client", Side: "client", Own: true,
		Match:       []string{"0x80072f8f", "error_winhttp_secure_failure", "error_internet_secure_failure"},
		Title:       "Windows' HTTP stack failed the secure connection (0x80072F8F, a security error)",
		Explanation: "WinHTTP (and WinInet) report ERROR_WINHTTP_SECURE_FAILURE, 12175, when the TLS connection or the check of the server's certificate failed, without saying which; Windows Update, the Microsoft Store, Office's activation, PowerShell and other Windows programs show it as 0x80072F8F. Four causes cover most cases: 1. the machine's date and time are wrong (a dead CMOS battery, a VM restored from a snapshot), so every certificate looks expired or not yet valid; 2. an older Windows (7, Server 2008 R2, 2012) without TLS 1.2 enabled for WinHTTP, against servers that now require it; 3. root certificates missing because the machine cannot fetch Windows' root list (offline, behind a proxy, the update turned off by policy); 4. a TLS-inspecting proxy or antivirus whose CA this machine does not trust.",
		Fix:         "Check the clock first and set it right:\n  w32tm /resync\nthen, on Windows 7 and Server 2008 R2, enable TLS 1.2 for WinHTTP (its update, then the DefaultSecureProtocols value 0xA80 under Internet Settings\\WinHttp), and refresh the roots from a machine that can fetch them:\n  certutil -generateSSTFromWU roots.sst",
		Confirm:     "w32tm /query /status",
	},
	{
		ID: ServerCertExpired, Kind: "client", Side: "client", Own: true,
		Match:       []string{"0x80072f05", "error_winhttp_secure_cert_date_invalid", "error_internet_sec_cert_date_invalid"},
		Title:       "Windows' HTTP stack found the server's certificate out of its dates (or the clock wrong)",
		Explanation: "WinHTTP or WinInet (12037) found the server's certificate expired or not yet valid by this machine's clock: a certificate not renewed, renewed but not yet served, or, when every site fails so, a clock that is wrong.",
		Fix:         "Compare the certificate's dates with this machine's clock:\n  openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -dates\n  w32tm /query /status",
		Confirm:     "w32tm /query /status",
	},
	{
		ID: ServerHostnameMismatch, Kind: "client", Side: "client", Own: true,
		Match:       []string{"0x80072f06", "error_winhttp_secure_cert_cn_invalid", "error_internet_sec_cert_cn_invalid"},
		Title:       "Windows' HTTP stack found the server's certificate is not for the name it connected to",
		Explanation: "WinHTTP or WinInet (12038) compared the host name of the URL with the server certificate's names and found no match: the URL uses another name or an IP address, or the server (or a proxy) answers with a certificate for another name.",
		Fix:         connectByName,
		Confirm:     sanConfirm,
	},
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client", Own: true,
		Match:       []string{"0x80072f19", "error_winhttp_secure_cert_rev_failed", "error_internet_sec_cert_rev_failed"},
		Title:       "Windows could not check whether the server's certificate is revoked (0x80072F19)",
		Explanation: "WinHTTP or WinInet (12057) could not reach the CRL or OCSP addresses of the server's certificate (or of a CA above it) to check revocation: a firewall or proxy that blocks them, a machine without Internet access, or a private CA whose CRL address is not reachable from here.",
		Fix:         "See which revocation addresses the chain names and fetch them from this machine:\n  certutil -verify -urlfetch server.cer\nthen let them through the proxy or firewall (or publish a private CA's CRL where clients reach it).",
		Confirm:     "certutil -verify -urlfetch server.cer",
	},
	{
		ID: HandshakeFailed, Kind: "client", Side: "client", Own: true,
		Match:       []string{"0x80072f7d", "error_winhttp_secure_channel_error", "error_internet_security_channel_error"},
		Title:       "Windows' HTTP stack could not set up the secure channel (0x80072F7D)",
		Explanation: "WinHTTP or WinInet (12157) failed the TLS handshake in Schannel: most often no TLS version or cipher suite in common, an older Windows offering TLS 1.0 only to a server that requires TLS 1.2 (Windows 7 and Server 2008 R2 need an update and the DefaultSecureProtocols value for WinHTTP), or the server requiring a client certificate the program does not send.",
		Fix:         "See what the server requires, then enable TLS 1.2 for WinHTTP on older Windows (DefaultSecureProtocols 0xA80 under Internet Settings\\WinHttp, after its update):\n  openssl s_client -connect host:443 -servername host -tls1_2 </dev/null",
		Confirm:     "openssl s_client -connect host:443 -servername host -tls1_2 </dev/null",
	},
	// SQL Server's pre-login TLS.
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"error occurred during the pre-login handshake", "ssl provider, error: 0 - an existing connection was forcibly closed"},
		Within:      []string{"forcibly closed", "pre-login"},
		Title:       "SQL Server's TLS in the pre-login handshake failed: most often no TLS version in common",
		Explanation: "SQL Server's clients and server speak TLS inside the TDS pre-login exchange, and the other side closed it. Three causes cover most cases: 1. no TLS version in common: TLS 1.0 and 1.1 disabled on one machine while the other (an SQL Server 2008 to 2014 build without its TLS 1.2 update, an old ODBC, OLE DB or JDBC driver, .NET Framework without strong crypto) speaks only those; 2. the server cannot use its certificate (its private key not readable by the SQL Server service account, a certificate for another name) and ends the encryption; 3. a cipher suite policy that leaves nothing in common.",
		Fix:         "See which TLS versions each machine allows and the SQL Server build, then update the server and the client driver (ODBC Driver 18, Microsoft.Data.SqlClient, a current JDBC driver) rather than turning TLS 1.0 back on:\n  reg query HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols /s\n  sqlcmd -S host -Q \"SELECT @@VERSION\"",
		Confirm:     "sqlcmd -S host -Q \"SELECT @@VERSION\"",
	},
	// IIS's substatus codes for client certificates.
	{
		ID: ClientCertRejected, Kind: "client", Side: "server",
		Match:       []string{"403.16", "client certificate untrusted or invalid", "your client certificate is either not trusted or is invalid"},
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
		Explanation: "The site's SSL settings require a client certificate and the client sent none: none configured in the client, or one whose issuer is not among the CAs the server lists (browsers, .NET and Windows clients offer only those), or a proxy in between that ends TLS. When clients that hold a proper certificate get it too, look at the server's Trusted Root Certification Authorities store: a certificate there that is not self-signed (an intermediate put in Root) makes Windows Server 2012 and later send a list of CAs, or check client chains, in a way that fails, and so does a certificate trust list (SendTrustedIssuerList) that lacks the client's CA.",
		Fix:         "Send a certificate from the client (curl: --cert, .NET: ClientCertificates), issued by a CA the server trusts, and see which CAs the server asks for:\n  openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | grep -A5 'Acceptable client certificate CA names'\nOn the server, find certificates in the Root store that are not self-signed, and move them to Intermediate Certification Authorities:\n  powershell -Command \"Get-ChildItem Cert:\\LocalMachine\\Root | Where-Object { $_.Issuer -ne $_.Subject }\"",
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
		Match:       []string{"the name on the security certificate is invalid or does not match the name of the site", "the name on the security certificate is invalid or does not match the name of the target site", "the name of the security certificate is invalid or does not match"},
		Title:       "The server's certificate does not carry the name the Windows client used",
		Explanation: "A Windows client (Outlook, Internet Explorer, a .NET program) compared the name it connected to with the server certificate's names and found no match: the certificate lacks that name (an internal name, an Autodiscover or mail name, the IP address), a wildcard that does not cover it, or another certificate is served for that name; Outlook over RPC/HTTP also compares the profile's certificate principal name (msstd:...) with the certificate.",
		Fix:         "See the names the served certificate carries, and reissue it with the names clients use (subjectAltName):\n  openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -text | grep -A1 'Subject Alternative Name'",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -subject -text | grep -A1 -e '^subject=' -e 'Subject Alternative Name'",
	},
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"tls negotiation failed with error unknowncredentials", "tls negotiation failed with error nocredentials"},
		Title:       "Exchange has no usable certificate for SMTP TLS",
		Explanation: "Exchange's transport service started TLS (a Send or Receive connector) and Schannel found no credentials it could use: no certificate enabled for the SMTP service whose names match the connector's FQDN, the certificate has expired, or its private key is missing or not readable by the Network Service account.",
		Fix:         "List the certificates and the services they are enabled for, then enable a valid one for SMTP:\n  powershell -Command \"Get-ExchangeCertificate | Format-List Thumbprint,Services,NotAfter,Subject,HasPrivateKey\"\n  powershell -Command \"Enable-ExchangeCertificate -Thumbprint THUMBPRINT -Services SMTP\"",
		Confirm:     "powershell -Command \"Get-ExchangeCertificate | Format-List Thumbprint,Services,NotAfter\"",
	},
	// Schannel's System event log messages (events 36871, 36874, 36882,
	// 36884, 36886).
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"a fatal error occurred while creating a tls client credential", "a fatal error occurred while creating an ssl client credential"},
		Title:       "Windows could not make a TLS client credential: the versions or suites asked for are disabled here",
		Explanation: "A program on this machine asked Schannel for a TLS client credential and Schannel could not make one (internal error state 10013 says so): the program asks for TLS versions or cipher suites that this Windows has disabled. Three causes cover most cases: 1. TLS 1.0 and 1.1 (or SSL 3.0) turned off in the SCHANNEL\\Protocols registry keys, or by a hardening tool, while an old .NET Framework program or a service still asks for them; 2. FIPS mode or a cipher suite order that leaves nothing the program's request allows; 3. .NET Framework without SchUseStrongCrypto or SystemDefaultTlsVersions, which keeps it on the old versions.",
		Fix:         "See which versions are disabled, and let .NET Framework use the system's versions (then restart the program):\n  reg query HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols /s\n  reg add HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319 /v SchUseStrongCrypto /t REG_DWORD /d 1\n  reg add HKLM\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319 /v SystemDefaultTlsVersions /t REG_DWORD /d 1",
		Confirm:     "reg query HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols /s",
	},
	{
		ID: KeyLoadFailed, Kind: "client",
		Match:       []string{"when attempting to access the tls server credential private key", "when attempting to access the ssl server credential private key"},
		Title:       "Windows (Schannel) cannot use the private key of this server's certificate",
		Explanation: "The server's certificate is bound (IIS, HTTP.sys, RDP, SQL Server, Exchange), but Schannel could not use its private key, so every handshake on that binding fails. Three causes cover most cases: 1. the key's link is broken: the certificate was imported without its key, or through IIS Manager with \"Allow this certificate to be exported\" unchecked, or the request was completed on another machine than the one that made it; 2. the account that uses the key (SYSTEM for HTTP.sys, NETWORK SERVICE, a service account) may not read its file under MachineKeys; 3. the key sits in a provider the service cannot use (a CNG key for an old service, a smart card or HSM that is absent).",
		Fix:         "Check that the store still holds the key and that it works, repair the link, or import the PFX again with its key marked exportable; then give the service's account read access to the key (certlm.msc, the certificate, All Tasks, Manage Private Keys):\n  certutil -verifystore My SERIAL\n  certutil -repairstore My SERIAL",
		Confirm:     "certutil -verifystore My SERIAL",
	},
	{
		ID: HandshakeFailed, Kind: "client", Side: "server",
		Match:       []string{"none of the cipher suites supported by the client application are supported by the server"},
		Title:       "A client offered no cipher suite this Windows server allows",
		Explanation: "A client reached this server (IIS, RDP, SQL Server, any Schannel server) offering only cipher suites that this Windows does not allow: an old client (TLS 1.0 era suites, RC4, 3DES) against a hardened server, or a client limited to RSA suites while the server's certificate has an ECDSA key (or the reverse). One address now and then is a scanner.",
		Fix:         "See the suites this server allows, then find the client by the address in the log and update it, or enable a suite it has:\n  powershell -Command \"Get-TlsCipherSuite | Format-Table Name\"\n  openssl s_client -connect host:443 -tls1_2 -cipher 'ECDHE-RSA-AES128-GCM-SHA256' </dev/null",
		Confirm:     "powershell -Command \"Get-TlsCipherSuite | Format-Table Name\"",
	},
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match:       []string{"the certificate received from the remote server was issued by an untrusted certificate authority"},
		Title:       "Windows (Schannel) does not trust the CA of the remote server's certificate",
		Explanation: "A program on this machine connected to a server and Schannel did not trust the CA that issued the server's certificate: a private or self-signed CA not in this machine's Trusted Root Certification Authorities (the account the program runs as reads the Local Computer store, not the user's), an intermediate the server does not send, or an intercepting proxy's CA.",
		Fix:         "See how Windows judges the server's certificate, then import its root into the Local Computer's Trusted Root Certification Authorities (certlm.msc) and make the server send its intermediates:\n  certutil -verify -urlfetch server.cer\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null",
		Confirm:     "certutil -verify -urlfetch server.cer",
	},
	{
		ID: ServerHostnameMismatch, Kind: "client",
		Match:       []string{"the certificate received from the remote server does not contain the expected name"},
		Title:       "Windows (Schannel): the remote server's certificate does not carry the name asked for",
		Explanation: "A program on this machine connected to a server by a name (or an IP address) that the server's certificate does not carry in its subjectAltName: a connection by IP or by a short or internal name, a certificate for another name, or another certificate served for that name (no SNI, a default site binding).",
		Fix:         "See the names the served certificate carries, then connect by one of them or reissue the certificate with the name clients use:\n  openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -text | grep -A1 'Subject Alternative Name'",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -subject -text | grep -A1 -e '^subject=' -e 'Subject Alternative Name'",
	},
	{
		ID: CertLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"no suitable default server credential exists on this system"},
		Title:       "Windows has no default server certificate (usually harmless)",
		Explanation: "Usually harmless: a service asked Schannel for the machine's default server credential and the Local Computer store has no certificate fit for it (server authentication, with its private key). It matters where a service needs one: LDAPS on a domain controller (port 636) fails until such a certificate is installed; IIS and RDP name their own certificates and do not use this one.",
		Fix:         "If LDAPS or another service needs it, give the machine a certificate for its name with server authentication and its private key in the Local Computer's Personal store, and test:\n  certutil -store My\n  openssl s_client -connect dc.example.com:636 -showcerts </dev/null",
		Confirm:     "certutil -store My",
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
	// Amazon API Gateway's mutual TLS (a custom domain with a truststore),
	// in its execution log.
	{
		ID: ClientCertRejected, Kind: "client", Side: "server",
		Match:       []string{"reason: could not find issuer for certificate"},
		Title:       "API Gateway refused the client certificate: its issuer is not in the truststore",
		Explanation: "The custom domain requires mutual TLS, and API Gateway found no certificate in the domain's truststore (the PEM bundle in S3) that issued the client's certificate: the client's CA, or its intermediate, is not in the bundle, the domain still uses an older version of the bundle (a new S3 object version must be set on the domain), or the client sends a certificate from another CA.",
		Fix:         "Put the client's root and intermediate certificates in the truststore bundle, upload it, and point the domain at the new version; check the chain first:\n  openssl verify -CAfile truststore.pem client.crt\n  aws apigateway update-domain-name --domain-name api.example.com --patch-operations op=replace,path=/mutualTlsAuthentication/truststoreVersion,value=VERSION",
		Confirm:     "openssl verify -CAfile truststore.pem client.crt",
	},
	{
		ID: ClientCertRejected, Kind: "client", Side: "server",
		Match:       []string{"reason: client cert using an insecure signature algorithm", "access denied. reason: self signed certificate", "access denied.reason: self signed certificate"},
		Title:       "API Gateway refused the client certificate: self-signed or signed with a weak algorithm",
		Explanation: "The custom domain requires mutual TLS and API Gateway refuses two kinds of client certificate whatever the truststore holds: a self-signed one (subject and issuer the same, including a client certificate made with the CA's own subject), and one signed with an insecure algorithm (SHA-1 or MD5).",
		Fix:         "Issue the client a certificate from a CA in the truststore, signed with SHA-256, with a subject of its own:\n  openssl x509 -noout -subject -issuer -text -in client.crt | grep -E 'Subject:|Issuer:|Signature Algorithm'",
		Confirm:     "openssl verify -CAfile truststore.pem client.crt",
	},
	// Layer7 (CA) API Gateway's policy assertion for a client certificate.
	{
		ID: NoClientCert, Kind: "client", Side: "server",
		Match:       []string{"no client certificate was present in the request"},
		Title:       "The gateway requires a client certificate and the request came without one",
		Explanation: "The service's policy requires a client certificate, and none came with the request. A client that has a certificate sends it only if its issuer is among the CAs the server names in its request for one: the gateway names only the trusted certificates marked for signing client certificates (Layer7: the trusted certificate's option \"Signing Client Certificates\"), so a CA without that mark makes the client send nothing. Otherwise the client has no certificate configured, or a load balancer in front ends TLS and does not pass it on.",
		Fix:         "Mark the CA that issues the clients' certificates as trusted for client certificates on the gateway, and see which CAs the gateway names to its clients:\n  openssl s_client -connect gateway.example.com:8443 </dev/null 2>/dev/null | sed -n '/Acceptable client certificate CA names/,/Requested/p'",
		Confirm:     "openssl s_client -connect gateway.example.com:8443 -cert client.crt -key client.key </dev/null",
	},
	// Tomcat's APR connector given JSSE's keystore settings.
	{
		ID: CertLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"sslcertificatefile must be defined when using ssl with apr"},
		Title:       "Tomcat's APR connector has no certificate file: it was given keystore settings",
		Explanation: "With Tomcat Native (libtcnative) installed, a Connector with protocol=\"HTTP/1.1\" picks the APR implementation, which reads OpenSSL's files (SSLCertificateFile, SSLCertificateKeyFile) and ignores JSSE's keystoreFile and keystorePass, so it finds no certificate.",
		Fix:         "Either name the JSSE implementation so the keystore settings apply, protocol=\"org.apache.coyote.http11.Http11NioProtocol\", or give the APR connector PEM files: SSLCertificateFile=\"/etc/tomcat/server.crt\" SSLCertificateKeyFile=\"/etc/tomcat/server.key\"; check them with:\n  openssl x509 -noout -subject -in /etc/tomcat/server.crt",
		Confirm:     "openssl x509 -noout -subject -in /etc/tomcat/server.crt",
	},
	// Azure Application Gateway v1's backend authentication certificates.
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match:       []string{"isn't allow-listed with application gateway", "is not allow-listed with application gateway", "isn't whitelisted with application gateway"},
		Title:       "Application Gateway does not accept the backend's certificate (not allow-listed)",
		Explanation: "Application Gateway v1 accepts only the backend certificates uploaded to its HTTP settings as authentication certificates, and the backend served another one: the backend's certificate was renewed and the new one not uploaded, or the gateway reaches the backend by IP address or without a host name, so no SNI is sent and the backend answers with its default certificate (an App Service Environment's internal one, IIS's default binding).",
		Fix:         "See which certificate the backend serves for the name and without it, then upload that one (its public part, .cer) or set a host name on the HTTP settings so SNI is sent:\n  openssl s_client -connect backend.example.com:443 -servername backend.example.com </dev/null 2>/dev/null | openssl x509 -noout -subject -fingerprint\n  openssl s_client -connect 10.0.0.4:443 -noservername </dev/null 2>/dev/null | openssl x509 -noout -subject -fingerprint",
		Confirm:     "openssl s_client -connect backend.example.com:443 -servername backend.example.com </dev/null",
	},
	// .NET's System.Net trace of a client certificate being picked.
	{
		ID: NoClientCert, Kind: "client", Side: "client",
		Match:       []string{"the server has specified", "left with 0 client certificates to choose from"},
		Within:      []string{"issuer(s)", "client certificates to choose from"},
		Title:       ".NET picks a client certificate only from the issuers the server named",
		Explanation: "The server asked for a client certificate and named the CAs it accepts; .NET (SslStream, HttpClient, WebRequest) offers only a certificate whose issuer is in that list, and sends none when it is left with none. Causes: the client certificate's issuer is not among the names (an intermediate issued it and the server names only the root, or the reverse); the server's list is cut or empty (a Windows server with many roots, or SendTrustedIssuerList off); or the certificate given has no private key the process can use.",
		Fix:         "Compare the CA names the server sends with the client certificate's issuer, and put that CA in the server's list (on Windows servers, in the store the binding names; IIS's SendTrustedIssuerList registry value controls whether the list is sent):\n  openssl s_client -connect host:443 </dev/null 2>/dev/null | sed -n '/Acceptable client certificate CA names/,/Requested/p'\n  openssl x509 -noout -issuer -in client.crt",
		Confirm:     "openssl x509 -noout -issuer -in client.crt",
	},
	// A Java product's own trust manager refusing a server's certificate.
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match:       []string{"checkservertrusted"},
		Within:      []string{"certificateexception"},
		Without:     []string{"pkix", "certpathvalidatorexception", "subject alternative", "no name matching", "expired", "not yet valid", "certificatenotyetvalid", "revoked"},
		Title:       "A Java trust manager refused the server's certificate (checkServerTrusted)",
		Explanation: "The program's X509TrustManager did not accept the certificate of the server it connected to (an LDAPS directory, a backend, a broker). A product with a trust manager of its own (an API gateway, an application server, an integration platform) reads its own certificate store, managed in its console, not the JDK's cacerts: the server's CA, or the server's own certificate, is not in that store.",
		Fix:         "Add the server's CA (or certificate) to the store the program reads: the product's trusted certificates in its console, or the JVM's trust store; see what the server sends first:\n  openssl s_client -connect ldap.example.com:636 -showcerts </dev/null\n  keytool -importcert -alias server-ca -file ca.crt -keystore truststore.jks",
		Confirm:     "openssl s_client -connect ldap.example.com:636 -showcerts </dev/null",
	},
	// Citrix NetScaler (ADC)'s monitors probing a back-end service.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"time out during ssl handshake stage"},
		Title:       "A NetScaler monitor's TLS handshake with the back-end server timed out",
		Explanation: "The appliance's health monitor, a TLS client of the back-end server (a StoreFront, a Delivery Controller, any service bound with SSL), started the handshake and got no answer it could finish in time, so the service is marked down. Three causes cover most cases: 1. the monitor and the server share no TLS version or cipher: the SSL profile bound to the monitor or the service allows too little, or the server was hardened to TLS 1.2 or 1.3 only; 2. the server's certificate has something the appliance's firmware does not handle: a 4096-bit key on an older VPX (it answers with an unsupported_certificate alert in a trace), an ECDSA key or a signature its release lacks; 3. the server wants SNI or a client certificate that the monitor does not send.",
		Fix:         "From the appliance's shell or a host on its network, see what the back end accepts and what certificate it serves:\n  openssl s_client -connect backend.example.com:443 -servername backend.example.com </dev/null 2>/dev/null | openssl x509 -noout -subject -text | grep -E 'Subject:|Public-Key'\nThen bind an SSL profile with those versions and ciphers (and SNI) to the service or monitor, or upgrade the firmware for the key size.",
		Confirm:     "openssl s_client -connect backend.example.com:443 -servername backend.example.com </dev/null",
	},
	// IBM IMS Connect reading a TLS hello on a port without TLS.
	{
		ID: PlainHTTP, Kind: "client", Side: "server",
		Match:       []string{"hwsp1445e"},
		Title:       "IMS Connect read a client's TLS hello as a message (HWSP1445E): TLS sent to a port without TLS",
		Explanation: "IMS Connect found no exit by the name in the message prefix, and the name it shows is unreadable: the client (an IMS TM resource adapter, IMS Connect API or a Java application with SSL enabled) started TLS on a port that IMS Connect has not configured for SSL, so the ClientHello was read as a message. A client without TLS on an SSL port fails the other way.",
		Fix:         "Point the client at the port that IMS Connect's HWSCFG configuration defines for SSL (SSLPORT), or turn SSL off in the client for a plain port; test the port with:\n  openssl s_client -connect ims.example.com:9999 </dev/null",
		Confirm:     "openssl s_client -connect ims.example.com:9999 </dev/null",
	},
	// SAP Cloud Connector's principal propagation over a back-end
	// connection that is not mutual TLS.
	{
		ID: ClientCertRejected, Kind: "client", Side: "client",
		Match:       []string{"because the backend connection is not mutually authenticated"},
		Title:       "SAP Cloud Connector: the back end did not take its system certificate, so the connection is not mutual TLS",
		Explanation: "Principal propagation forwards a short-lived user certificate over a back-end connection that must be mutual TLS (checked since Cloud Connector 2.19), and this one is one-way: the back end (the ABAP system's ICM, or the SAP Web Dispatcher in front of it) did not accept the Cloud Connector's system certificate, because the CA that issued it is not trusted there, or no system certificate is configured in the Cloud Connector.",
		Fix:         "Import the CA of the Cloud Connector's system certificate into the back end's SSL server PSE (STRUST) and into the Web Dispatcher's, and check that the system certificate is set in the Cloud Connector; see which CAs the back end asks for:\n  openssl s_client -connect backend.example.com:44300 </dev/null 2>/dev/null | sed -n '/Acceptable client certificate CA names/,/Requested/p'",
		Confirm:     "openssl s_client -connect backend.example.com:44300 -cert system.crt -key system.key </dev/null",
	},
	// A signed certificate imported against another key than its request's.
	{
		ID: LogKeyMismatch, Kind: "client",
		Match:       []string{"does not match the csr", "certificate response does not match pse", "public keys in reply and keystore don't match"},
		Title:       "The signed certificate is for another key than the request it is imported against",
		Explanation: "The CA's answer was imported where the certificate request was made (a keystore, an SAP PSE, a product's CSR page), and its public key is not the one of that request: the CSR sent to the CA came from another keystore, PSE or machine, a new request (and key) was made after the first was sent, or the CA signed another request. The private key of the request stays where it was made; a certificate for another key cannot be used with it.",
		Fix:         "Compare the key of the certificate with the key of the request; if they differ, send the CA the request made where you import, or import the certificate where its request was made:\n  openssl x509 -noout -pubkey -in signed.crt | openssl sha256\n  openssl req -noout -pubkey -in request.csr | openssl sha256",
		Confirm:     "openssl x509 -noout -pubkey -in signed.crt | openssl sha256",
	},
	// A client's own certificate pinning (Okta Verify and other agents).
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"did not match pinned keys"},
		Title:       "The server's certificate is not the one the client pins",
		Explanation: "The client (an agent or app with pinned keys or certificates) accepts only certificates with keys it was built with, and this connection showed another: nearly always a TLS-inspecting proxy or firewall (Zscaler, a corporate SSL inspection, an antivirus) re-signing the traffic, so the client sees the proxy's certificate; otherwise the server's key changed.",
		Fix:         "See which certificate the client is shown from its machine; an issuer that is your proxy's CA means the host must be exempted from TLS inspection:\n  openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -issuer -subject",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -issuer -subject",
	},
	// MongoDB Atlas refusing a client whose address it does not allow.
	{
		ID: TLSAlert, Kind: "client",
		Match:       []string{"tlsv1 alert internal error", "alert internal error", "tlsv1_alert_internal_error"},
		Within:      []string{"mongo"},
		Title:       "MongoDB Atlas ended the handshake with internal_error: most often the client's address is not allowed",
		Explanation: "A MongoDB driver (mongosh, Node's MongoNetworkError, PyMongo, the Java driver) got alert 80 internal_error from the cluster. From MongoDB Atlas this is how a connection from an address missing from the project's IP access list is refused, before any certificate matters: a new server or laptop, an outbound address changed by a redeploy, a VPN or a serverless platform's changing addresses. Otherwise a TLS version the cluster refuses (a driver older than TLS 1.2) or an SNI-less connection.",
		Fix:         "Find the client's outbound address and add it to the Atlas project's Network Access list (or the platform's fixed egress addresses), then connect again:\n  curl -s https://checkip.amazonaws.com\n  openssl s_client -connect cluster0-shard-00-00.example.mongodb.net:27017 -servername cluster0-shard-00-00.example.mongodb.net </dev/null",
		Confirm:     "openssl s_client -connect cluster0-shard-00-00.example.mongodb.net:27017 -servername cluster0-shard-00-00.example.mongodb.net </dev/null",
	},
	// Windows' remote access and NPS with certificate-based EAP.
	{
		ID: ClientCertRejected, Kind: "client", Side: "client",
		Match:       []string{"the certificate that authenticates the client to the server is not valid", "error code returned on failure is 853"},
		Title:       "The VPN or Wi-Fi connection's certificate authentication failed (error 853)",
		Explanation: "Windows' remote access (Always On VPN, a VPN or 802.1X profile with PEAP or EAP-TLS) connected, and the certificate exchange inside EAP failed. Four causes cover most cases: 1. NPS refuses the client's certificate: the CA that issued it is not in NPS's NTAuth store or not trusted there, or its CRL cannot be reached from NPS; 2. the client refuses NPS's certificate: its root is not trusted on the client, or the server names listed in the profile do not match the certificate's subject and subjectAltName (after an upgrade to Windows 11, even a difference in letter case has been reported to fail); 3. the client has no certificate for client authentication (user or machine store, per the profile); 4. the certificate has expired or is not yet valid by either side's clock.",
		Fix:         "On the NPS server, check the client certificate's chain and revocation, and put its issuing CA into NTAuth; on the client, compare the profile's server names with NPS's certificate:\n  certutil -verify -urlfetch client.cer\n  certutil -enterprise -addstore NTAuth issuing-ca.cer\n  certutil -viewstore -enterprise NTAuth",
		Confirm:     "certutil -verify -urlfetch client.cer",
	},
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"system clocks on the nps server and the access client are not synchronized"},
		Title:       "NPS: the clocks of the NPS server and the client differ, and EAP's certificate check fails",
		Explanation: "Certificate-based EAP (PEAP, EAP-TLS) checks each side's certificate dates against its own clock; a client whose clock is off (a new device, a dead CMOS battery, a virtual machine restored from a snapshot, a time zone set wrong) or an NPS server without time synchronisation fails the check before any policy applies.",
		Fix:         "Synchronise both clocks (domain members from the domain hierarchy), then connect again:\n  w32tm /query /status\n  w32tm /resync",
		Confirm:     "w32tm /query /status",
	},
	{
		ID: ClientCertRejected, Kind: "client",
		Match:       []string{"network policy server denied access to a user"},
		Title:       "NPS denied the connection: its event's reason code says why",
		Explanation: "NPS (event 6273) refused a RADIUS request, and the event's Reason Code names why. With certificate-based EAP (PEAP, EAP-TLS) the usual causes are: 1. the client does not trust the root of NPS's server certificate (a workgroup or new machine without the enterprise root), so EAP never completes; 2. NPS does not accept the client's certificate (its issuing CA not in NTAuth or not trusted, a CRL NPS cannot reach, no client authentication purpose); 3. a certificate that has expired, or clocks that differ; 4. no network policy whose conditions and EAP types match the request.",
		Fix:         "Read the Reason Code and the authentication type in the event, then check the certificate on each side as Windows sees it:\n  certutil -verify -urlfetch nps.cer\n  certutil -verify -urlfetch client.cer\nA client outside the domain needs the root CA imported into its Trusted Root Certification Authorities.",
		Confirm:     "certutil -verify -urlfetch nps.cer",
	},
	// Exchange's EdgeSync and a certificate whose key is in a CNG provider.
	{
		ID: KeyLoadFailed, Kind: "client", Side: "client",
		Match:       []string{"isn't a capi certificate", "only supports cryptographic api certificates"},
		Title:       "Exchange EdgeSync needs a certificate whose key is in a CryptoAPI provider, not CNG",
		Explanation: "EdgeSync's secure LDAP connection to the Edge Transport server can use only a certificate whose private key is held by a legacy CryptoAPI (CAPI) provider; the default transport certificate here keeps its key in a CNG key storage provider (a certificate template with a KSP, or one requested with a CNG key).",
		Fix:         "Request a certificate from a template that uses a legacy CSP (Microsoft RSA SChannel Cryptographic Provider), or with New-ExchangeCertificate, and make it the transport default; check the provider first:\n  certutil -store My THUMBPRINT",
		Confirm:     "certutil -store My THUMBPRINT",
	},
	// Skype for Business and Lync clients.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"there was a problem verifying the certificate from the server"},
		Title:       "Skype for Business (Lync) could not verify the server's certificate",
		Explanation: "The Skype for Business or Lync client checked the certificate of its front end, edge or pool and did not accept it: its root is not (or no longer) in the computer's Trusted Root store (an enterprise root deployed by Group Policy that a refresh briefly removed, a device outside the domain), the server's name (the pool, sip or lyncdiscover name) is not in the certificate, or its CRL cannot be reached from the client.",
		Fix:         "Check the server's certificate as the client's machine sees it, and the roots that machine trusts:\n  certutil -verify -urlfetch server.cer\n  openssl s_client -connect pool.example.com:443 -servername pool.example.com -showcerts </dev/null",
		Confirm:     "certutil -verify -urlfetch server.cer",
	},
	// JSSE's limit on one handshake message.
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"the size of the handshake message", "exceeds the maximum allowed size"},
		Within:      []string{"exceeds the maximum allowed size"},
		Title:       "A handshake message is larger than Java allows (32 KB): usually a server listing too many CAs",
		Explanation: "JSSE refuses a handshake message over jdk.tls.maxHandshakeMessageSize (32768 bytes). The usual one is the server's request for a client certificate, which lists the names of every CA the server trusts for clients: a server (an IBM MQ queue manager, IIS, a load balancer) whose trust store holds hundreds of CAs sends one larger than that; a very long certificate chain does it too.",
		Fix:         "Trust only the CAs that issue your clients' certificates on the server, or let Java take larger messages:\n  java -Djdk.tls.maxHandshakeMessageSize=65536 ...\nSee how many CA names the server sends:\n  openssl s_client -connect host:1414 </dev/null 2>/dev/null | sed -n '/Acceptable client certificate CA names/,/Requested/p' | wc -l",
		Confirm:     "openssl s_client -connect host:1414 </dev/null 2>/dev/null | sed -n '/Acceptable client certificate CA names/,/Requested/p' | wc -l",
	},
	// Proxies' and gateways' short verdicts on a server's certificate.
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match: []string{"untrusted issuer"}, Exact: []string{"untrusted issuer"},
		// Postfix's SMTP client has its own story.
		Without:     []string{"postfix/smtp"},
		Title:       "The proxy or client could not chain the server's certificate to a CA it trusts (untrusted issuer)",
		Explanation: "A client of the server (often a forward or intercepting proxy checking an origin server, or a mail server) could not link the certificate to a trusted root: most often the server sends its certificate without the intermediate CA certificates, which the client does not fetch; otherwise the server's CA is private or missing from the client's CA list.",
		Fix:         "See the chain the server sends: a single certificate means the intermediates are missing there; a private CA goes into the client's (the proxy's) CA list:\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null",
		Confirm:     "openssl s_client -connect host:443 -servername host -showcerts </dev/null",
	},
	{
		ID: ServerHostnameMismatch, Kind: "client", Side: "client",
		Match: []string{"ssl host name mismatch", "host name mismatch"}, Exact: []string{"ssl host name mismatch", "host name mismatch"},
		Title:       "The server's certificate is not for the name the client asked for (host name mismatch)",
		Explanation: "A client of the server (often a proxy checking the origin) compared the name it connected to with the certificate's subjectAltName and found no match: a connection by IP or another name, a certificate for another site, or a default certificate served without SNI. A proxy that makes its own requests (an OCSP or CRL check, a health check) can use a name or route other than the user's.",
		Fix:         "See the names the served certificate carries for that name, then connect by one of them or reissue the certificate:\n  openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -text | grep -A1 'Subject Alternative Name'",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -subject -text | grep -A1 -e '^subject=' -e 'Subject Alternative Name'",
	},
	// A JDK bug with TLS 1.3 client-certificate requests (JDK-8236039).
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"extension (5) should not be presented in certificate_request"},
		Title:       "A JDK bug: Java refuses the status_request extension in a TLS 1.3 request for a client certificate",
		Explanation: "The server (TLS 1.3, asking for a client certificate with OCSP stapling on) put the status_request extension (5) in its CertificateRequest, which TLS 1.3 allows; JDK releases before the fix of JDK-8236039 (11.0.7, 14) refuse it and end the handshake. Nothing is wrong with either certificate.",
		Fix:         "Upgrade the JDK (11.0.7 or later, 14 or later), or keep that client on TLS 1.2 until then:\n  java -Djdk.tls.client.protocols=TLSv1.2 ...\n  java -version",
		Confirm:     "java -version",
	},
	// Kong Gateway's mtls-auth plugin answering a request without a client
	// certificate.
	{
		ID: NoClientCert, Kind: "client", Side: "server",
		Match:       []string{"no required tls certificate was sent"},
		Title:       "Kong's mtls-auth plugin got no client certificate with the request (401)",
		Explanation: "The route or service is protected by Kong Gateway's mtls-auth plugin, and this request came without a client certificate: the client was given none (or its key and certificate in a form its library drops), the request went over plain HTTP or to a port where Kong does not ask for one, or a load balancer in front of Kong ended the TLS connection, so Kong never saw the certificate. Without an anonymous consumer configured, the plugin answers 401.",
		Fix:         "Send the certificate to Kong's HTTPS port, by the name the route serves:\n  curl -v --cert client.crt --key client.key https://kong.example.com:8443/path\nand let TLS reach Kong (TCP pass-through at a load balancer in front of it); set the plugin's anonymous consumer only if requests without a certificate should pass.",
		Confirm:     "openssl s_client -connect kong.example.com:8443 -servername kong.example.com </dev/null 2>/dev/null | grep -A3 'Acceptable client'",
	},
	// OpenResty's (Kong's, APISIX's) Lua cosockets checking a name.
	{
		ID: ServerHostnameMismatch, Kind: "client", Side: "client",
		Match:       []string{"certificate host mismatch"},
		Title:       "The server's certificate is not for the host the Lua client connected to (certificate host mismatch)",
		Explanation: "An OpenResty cosocket (Kong, APISIX, a Lua plugin or vault integration) checked the server's certificate against the host name it was given and found no match: the host configured (an IP address, an internal name, a different service name) is not in the certificate's subjectAltName.",
		Fix:         "See the names the server's certificate carries, then configure the client with one of them (Kong's vault or upstream host setting) or reissue the certificate with the name used:\n  openssl s_client -connect vault.example.com:8200 -servername vault.example.com </dev/null 2>/dev/null | openssl x509 -noout -text | grep -A1 'Subject Alternative Name'",
		Confirm:     "openssl s_client -connect vault.example.com:8200 -servername vault.example.com </dev/null 2>/dev/null | openssl x509 -noout -subject -text | grep -A1 -e '^subject=' -e 'Subject Alternative Name'",
	},
	// MariaDB Connector/J asked for TLS by a server without it.
	{
		ID: NotTLS, Kind: "client",
		Match:       []string{"trying to connect with ssl, but ssl not enabled in the server"},
		Title:       "The MariaDB client wants TLS and the server has none",
		Explanation: "MariaDB Connector/J (or another MariaDB client) was told to use TLS (useSsl, sslMode, requireSsl) and the server said in its greeting that it has no TLS: the server was started without ssl_cert and ssl_key, its files could not be read at start, or the connection reaches another server (a proxy, an old replica) than the one set up.",
		Fix:         "See whether the server has TLS, then give it its certificate and key (ssl_cert, ssl_key, ssl_ca in its [mariadb] section) and restart it, or connect without TLS only on a trusted network:\n  mariadb -e \"SHOW VARIABLES LIKE 'have_ssl'\"\n  openssl s_client -connect db.example.com:3306 -starttls mysql </dev/null",
		Confirm:     "mariadb -e \"SHOW VARIABLES LIKE 'have_ssl'\"",
	},
	// GitLab Omnibus's trusted-certificates directory.
	{
		ID: CertLoadFailed, Kind: "client", Side: "client",
		Match:       []string{"not a certificate: /opt/gitlab/embedded/ssl/certs/"},
		Title:       "GitLab's embedded certificate directory holds a file that is not a certificate",
		Explanation: "gitlab-ctl reconfigure rebuilds GitLab's own trust store in /opt/gitlab/embedded/ssl/certs, where only certificates and their hash links may be; a file put there by hand (a key, a bundle with text around it, a DER file) stops it. Custom CAs belong in /etc/gitlab/trusted-certs, from which reconfigure links them.",
		Fix:         "Move the custom CA files to /etc/gitlab/trusted-certs (PEM, one CA a file), remove the others from the embedded directory, and reconfigure:\n  ls -l /opt/gitlab/embedded/ssl/certs/\n  gitlab-ctl reconfigure",
		Confirm:     "ls -l /etc/gitlab/trusted-certs/",
	},
	// Exchange's transport finding no certificate for a connector's FQDN
	// (event 12014).
	{
		ID: CertLoadFailed, Kind: "client", Side: "server",
		Match:       []string{"could not find a certificate that contains the domain name", "unable to support the starttls smtp verb"},
		Title:       "Exchange has no certificate for the connector's FQDN, so no STARTTLS",
		Explanation: "Exchange's transport service looks for a certificate, enabled for SMTP, whose subject or subjectAltName holds the FQDN set on the Receive (or Send) connector, and found none: the connector's FQDN is a name the certificate lacks (often the internal host name instead of the public one, or the reverse), the certificate is not enabled for SMTP, it has expired, or its private key is missing; or the connector's TlsCertificateName still names a certificate that was removed after a renewal (hybrid set-ups). Without it the connector offers no STARTTLS.",
		Fix:         "Compare the connector's FQDN with the names of the SMTP certificate, then make them agree:\n  powershell -Command \"Get-ReceiveConnector | Format-List Name,Fqdn\"\n  powershell -Command \"Get-ExchangeCertificate | Format-List Thumbprint,Services,CertificateDomains,NotAfter\"\n  powershell -Command \"Set-ReceiveConnector 'NAME' -Fqdn mail.example.com\"\nor enable a certificate with that name for SMTP (Enable-ExchangeCertificate -Services SMTP).",
		Confirm:     "powershell -Command \"Get-ExchangeCertificate | Format-List Thumbprint,Services,CertificateDomains\"",
	},
	// CryptoAPI's automatic root update failing to reach Windows Update
	// (CAPI2 event 11).
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"failed auto update retrieval of third-party root list", "failed extract of third-party root list from auto update"},
		Title:       "Windows could not fetch its trusted root list from Windows Update",
		Explanation: "Windows adds trusted roots on demand: CryptoAPI downloads the list (authrootstl.cab) and the roots from Windows Update when a chain needs one. That download failed, so certificates from roots this machine does not have yet are not trusted. The update runs as the machine (SYSTEM) account, which has no proxy when only users have one, or the machine has no way out to the internet (a firewall, an isolated server), or root update is turned off by policy.",
		Fix:         "Give the machine account a proxy, or let it reach ctldl.windowsupdate.com, then test the download:\n  netsh winhttp set proxy proxy.example.com:8080\n  certutil -verifyCTL AuthRootWU\nOn isolated machines, deploy the roots by policy, or import a list made elsewhere with:\n  certutil -generateSSTFromWU roots.sst",
		Confirm:     "certutil -verifyCTL AuthRootWU",
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
