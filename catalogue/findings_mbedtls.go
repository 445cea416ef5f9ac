package catalogue

// mbedtlsEntries tell the Mbed TLS errors that embedded TLS clients (ESP32
// through ESP-IDF's esp-tls and the Arduino core, firmwares) print most,
// by their code ("mbedtls_ssl_handshake returned -0x7280") or their words
// ("SSL - The connection indicated an EOF"). The certificate check
// (-0x2700) and a received alert (-0x7780) are in clientWriterEntries;
// every other Mbed TLS error has its generic story (mbedtlsEntry). Lookup
// reads them after gnutlsEntries.
var mbedtlsEntries = []Entry{
	{
		ID: HandshakeFailed, Kind: "client",
		Match: []string{"-0x7280", "ssl - the connection indicated an eof"},
		Title: "The server closed the connection in the Mbed TLS client's handshake (-0x7280)",
		Explanation: "MBEDTLS_ERR_SSL_CONN_EOF: the server (or something in between) closed the connection during the handshake without an alert. The usual causes: the device offers nothing the server accepts (an Mbed TLS build with only TLS 1.2 or a few cipher suites against a server that wants TLS 1.3 or other suites), the device sent no host name (SNI) and the server needs it to choose its certificate, " +
			"the server requires a client certificate and the device sent none or one it refuses (brokers such as AWS IoT close without an alert), or a firewall or proxy cut it.",
		Fix:     "Give the device the host name (esp_http_client: the URL's host; mbedtls_ssl_set_hostname) and its client certificate if the server wants one, then see what the server accepts from a computer:\n  openssl s_client -connect host:8883 -servername host -tls1_2 </dev/null",
		Confirm: "openssl s_client -connect host:8883 -servername host -cert client.crt -key client.key </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"-0x7200", "ssl - an invalid ssl record was received"},
		Title:       "The Mbed TLS client received a record it cannot read (-0x7200)",
		Explanation: "MBEDTLS_ERR_SSL_INVALID_RECORD: the bytes received are not a TLS record Mbed TLS accepts. Most often the record is larger than the device's input buffer: the server's certificate chain does not fit a buffer reduced below 16 KB (ESP-IDF: CONFIG_MBEDTLS_SSL_IN_CONTENT_LEN, or the max fragment length the server ignores). Else the port does not speak TLS (plain HTTP or MQTT on it), or something in between altered the bytes.",
		Fix:         "Give Mbed TLS a 16 KB input buffer (ESP-IDF menuconfig: CONFIG_MBEDTLS_SSL_IN_CONTENT_LEN=16384, or CONFIG_MBEDTLS_DYNAMIC_BUFFER), and check that the port speaks TLS:\n  openssl s_client -connect host:8883 -servername host </dev/null",
		Confirm:     "openssl s_client -connect host:8883 -servername host -showcerts </dev/null | wc -c",
	},
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"-0x7f00", "ssl - memory allocation failed", "-0x2880", "x509 - allocation of memory failed"},
		Title:       "Mbed TLS ran out of memory for the connection (allocation failed)",
		Explanation: "Mbed TLS could not allocate memory during the handshake: a session with the default 16 KB record buffers needs some 40 KB of heap, more with a long certificate chain, a big CA bundle or several connections at once, and an ESP32 or ESP8266 application leaves less. A device's HTTPS server runs out so when a browser opens several connections at once for a page's files; heap placed in external RAM (SPIRAM) that is not set up right fails the same way.",
		Fix:         "Free heap before connecting (fewer tasks or open connections), and let Mbed TLS use on-demand or smaller buffers (ESP-IDF menuconfig: CONFIG_MBEDTLS_DYNAMIC_BUFFER, CONFIG_MBEDTLS_ASYMMETRIC_CONTENT_LEN with a 4 KB out buffer).",
		Confirm:     "esp_get_free_heap_size() before and after the connection",
	},
	{
		ID: ServerCertUntrusted, Kind: "client",
		Match: []string{"-0x7800", "ssl - verification of our peer failed", "ssl - no server could be identified matching the client's sni"},
		Title: "The Mbed TLS handshake failed on the peer's certificate or the host name (-0x7800)",
		Explanation: "-0x7800 has two meanings. In Mbed TLS 2.x (ESP-IDF 4, older firmwares) it is MBEDTLS_ERR_SSL_PEER_VERIFY_FAILED: the device refused the server's certificate (no trusted CA for it among those given, a host name it does not carry, or the device's clock not set yet). " +
			"In Mbed TLS 3.x (ESP-IDF 5) it is MBEDTLS_ERR_SSL_UNRECOGNIZED_NAME: the server has no certificate for the host name the device sent (SNI).",
		Fix:     "Check the server's certificate against the CA the device is given, for the host name it uses, and set the device's clock (SNTP) before connecting:\n  openssl s_client -connect host:443 -servername host -CAfile ca.pem </dev/null | grep 'Verify return code'",
		Confirm: "openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -subject -text | grep -A1 -e '^subject=' -e 'Subject Alternative Name'",
	},
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{"-0x2180", "-0x2780", "-0x1080", "x509 - the crt/crl/csr format is invalid", "x509 - format not recognized as der or pem", "pem - no pem header or footer found"},
		Title:       "Mbed TLS could not parse a certificate it was given",
		Explanation: "The certificate handed to Mbed TLS (the CA certificate, or the device's own) is not PEM or DER it can read: a PEM string in C source without its \\n line ends, a length that leaves out the final NUL (mbedtls_x509_crt_parse needs it for PEM: sizeof, or strlen + 1), a key or another file where a certificate belongs, or a truncated copy.",
		Fix:         "Check the file on a computer, then embed it whole, each line ending with \\n, and pass its length with the final NUL:\n  openssl x509 -noout -subject -in ca.pem",
		Confirm:     "grep -c -- '-----BEGIN CERTIFICATE-----' ca.pem",
	},
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"-0x7080", "ssl - the requested feature is not available"},
		Title:       "The handshake needs something the device's Mbed TLS was built without (-0x7080)",
		Explanation: "MBEDTLS_ERR_SSL_FEATURE_UNAVAILABLE: the server chose, or the handshake needs, a feature this Mbed TLS build leaves out: TLS 1.3 or a cipher suite, an elliptic curve (the server's certificate on P-384, say), RSA-PSS signatures, or a key size.",
		Fix:         "See what the server's certificate and handshake use, then enable it in the device's Mbed TLS configuration (ESP-IDF menuconfig: Component config > mbedTLS):\n  openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | grep -i 'peer signature\\|server temp key\\|public key'",
		Confirm:     "openssl s_client -connect host:443 -servername host -tls1_2 </dev/null",
	},
	{
		ID: NoClientCert, Kind: "client",
		Match:       []string{"-0x7480", "ssl - no client certification received from the client"},
		Title:       "The Mbed TLS server required a client certificate and got none (-0x7480)",
		Explanation: "MBEDTLS_ERR_SSL_NO_CLIENT_CERTIFICATE: written by a server on Mbed TLS (an ESP32's HTTPS server, a device's broker) that requires a client certificate; its client sent none, because it was not given one or has none from a CA the server names.",
		Fix:         "Give the client its certificate and key:\n  curl --cert client.crt --key client.key --cacert ca.crt https://device/",
		Confirm:     "openssl s_client -connect device:443 -cert client.crt -key client.key </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "client",
		Match:       []string{"-0x5d80", "attempt to verify a certificate without an expected hostname"},
		Title:       "Mbed TLS checks the server's certificate but was given no host name (-0x5D80)",
		Explanation: "MBEDTLS_ERR_SSL_CERTIFICATE_VERIFICATION_WITHOUT_HOSTNAME: since Mbed TLS 3.6.3, a client that verifies the server's certificate must also say which host name to check, and this program did not call mbedtls_ssl_set_hostname (a library or firmware written for older versions).",
		Fix:         "Set the host name before the handshake (or upgrade the library that calls Mbed TLS):\n  mbedtls_ssl_set_hostname(&ssl, \"host.example.com\");",
		Confirm:     "openssl s_client -connect host:443 -servername host </dev/null 2>/dev/null | openssl x509 -noout -text | grep -A1 'Subject Alternative Name'",
	},
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"-0x7680", "ssl - no ca chain is set, but required to operate"},
		Title:       "The Mbed TLS client must verify the server and has no CA certificates loaded (-0x7680)",
		Explanation: "MBEDTLS_ERR_SSL_CA_CHAIN_REQUIRED: the program asks Mbed TLS to verify the server's certificate but gave it no CA certificate at all, so the handshake stops before any check. The CA file or directory it reads is missing, empty or unreadable (a container or a Flatpak without the ca-certificates package, a path of another system compiled in); a directory of CA files whose entries are symlinks, which older Mbed TLS versions' directory loading skipped (OBS's RTMPS on Fedora and CentOS did so); or, on a device, no root set for the connection (ESP-IDF: cacert_buf, or the certificate bundle attached with crt_bundle_attach).",
		Fix:         "Give the program a CA bundle file (not a directory of symlinks) that exists where it looks, or install the system's bundle:\n  ls -l /etc/ssl/certs/ca-certificates.crt /etc/pki/tls/certs/ca-bundle.crt\nthen, on a device, set the server's root CA (or attach the certificate bundle) before connecting.",
		Confirm:     serverVerdictConfirm,
	},
	{
		ID: ConnectFailed, Kind: "client",
		Match: []string{"-0x0052", "net - failed to get an ip address for the given hostname", "-0x0044", "net - the connection to the given server / port failed",
			// ESP-IDF's esp-tls before Mbed TLS: "couldn't get hostname for :host: getaddrinfo() returns 202".
			"couldn't get hostname for", "getaddrinfo() returns"},
		Within:      []string{mbedtlsMarkers},
		Title:       "The Mbed TLS client could not reach the server (name or TCP connection)",
		Explanation: "Before any TLS: the device could not resolve the server's name (MBEDTLS_ERR_NET_UNKNOWN_HOST, -0x0052, or esp-tls's `couldn't get hostname`: no DNS server, no network yet, a name only an internal DNS knows) or open the TCP connection (MBEDTLS_ERR_NET_CONNECT_FAILED, -0x0044: a wrong port, a firewall, the server down).",
		Fix:         "Check from the device's network that the name resolves and the port is open:\n  nslookup host\n  nc -vz host 8883",
		Confirm:     "openssl s_client -connect host:8883 -servername host </dev/null",
	},
}
