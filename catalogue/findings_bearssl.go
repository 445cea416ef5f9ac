package catalogue

// bearsslEntries tell the BearSSL errors that have no OpenSSL wording
// (BearSSLText gives the others in OpenSSL's words), by the macro name
// BearSSLText adds to a line with a BearSSL code, or that people paste.
var bearsslEntries = []Entry{
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match: []string{"br_err_ok", "br_err_io", "br_err_x509_ok"},
		Title: "The server ended the device's TLS connection, and BearSSL saw no error of its own",
		Explanation: "BearSSL (Tasmota, the ESP8266 and ESP32 Arduino cores) found nothing wrong in what it received: the connection was closed or reset by the server, or cut before or during the handshake. Brokers do that without an alert when they refuse the device: AWS IoT closes the connection when the client certificate is not registered, not active or not attached to a policy, or the policy does not allow the client id; a broker that needs the host name (SNI) to choose its certificate closes it when the device sends none (a Tasmota release bug did so for AWS IoT); " +
			"a server that offers only cipher suites or a TLS version the device's build lacks may close it too; and a port that does not speak TLS at all (a broker's plain MQTT listener on 1883, where TLS is on 8883; a firmware built with TLS pointed at it) ends it so.",
		Fix:     "Check the device's side on the server: its certificate registered and active, attached to a policy that allows its client id and topics (AWS IoT: the console's certificate page, or aws iot describe-certificate), and what the server offers, from a computer, with the host name the device uses:\n  openssl s_client -connect host:8883 -servername host -cert client.crt -key client.key </dev/null\nthen upgrade the firmware if its release note names a TLS or SNI fix. No certificate at all in that answer means the port speaks no TLS: use the broker's TLS port, or a firmware without TLS for a plain one.",
		Confirm: "openssl s_client -connect host:8883 -servername host </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"br_err_too_large", "br_err_bad_fraglen", "br_err_limit_exceeded"},
		Title:       "The server's TLS records or certificate chain do not fit the device's BearSSL buffers",
		Explanation: "BearSSL keeps each received record in a buffer whose size the firmware chose; the ESP8266's WiFiClientSecure and Tasmota use small ones (512 bytes to 4 KB) and rely on the server's support of Maximum Fragment Length (MFLN). A server without MFLN sends records up to 16 KB, and a long certificate chain, or many certificates, exceeds BearSSL's limits. A key larger than the build supports does too: ESP8266 builds (Tasmota's among them) take RSA keys up to 2048 bits, so a server or CA with a 4096-bit RSA key fails with BR_ERR_LIMIT_EXCEEDED (23) however large the buffers.",
		Fix:         "Give the client a 16 KB receive buffer (ESP8266: client.setBufferSizes(16384, 512)), or check first whether the server supports a smaller fragment length (client.probeMaxFragmentLength(host, port, 512)), and keep the server's chain short (the server certificate and its intermediate, not the root). See the server's key size (a 4096-bit key needs an ECDSA or 2048-bit RSA certificate instead, or a build with larger key support):\n  openssl s_client -connect host:8883 -servername host </dev/null 2>/dev/null | grep 'Server public key'",
		Confirm:     "openssl s_client -connect host:8883 -servername host -showcerts </dev/null | grep -c 'BEGIN CERTIFICATE'",
	},
	{
		ID: CertLoadFailed, Kind: "client", Side: "client",
		Match:       []string{"br_err_x509_decode"},
		Title:       "BearSSL could not decode a certificate (the server's, or one built into the device)",
		Explanation: "A certificate in the handshake, or a trust anchor or client certificate compiled into the firmware, is not the DER BearSSL expects: a PEM pasted into the firmware with its lines or headers damaged, a C array made from the wrong file, or a certificate with a structure or size beyond BearSSL's limits.",
		Fix:         "Convert the CA (and the client certificate) again from its PEM file and put the result into the firmware unchanged (ESP8266: BearSSL::X509List from the PEM text; bearssl's brssl ta ca.crt for a trust anchor), and check that the file is a certificate:\n  openssl x509 -noout -subject -in ca.crt",
		Confirm:     "openssl s_client -connect host:8883 -servername host -showcerts </dev/null",
	},
	{
		ID: ServerCertExpired, Kind: "client", Side: "client",
		Match:       []string{"br_err_x509_time_unknown"},
		Title:       "The device does not know the time, so BearSSL cannot check the server's certificate dates",
		Explanation: "BearSSL checks each certificate's validity dates against the device's clock, and the device has none yet: no NTP answer since it started (a board without a real-time clock starts in 1970), or no time source configured.",
		Fix:         "Set the time before connecting: wait for NTP (configTime(0, 0, \"pool.ntp.org\") and a loop until time(nullptr) is in this century; Tasmota: an NTP server it can reach, see its Time command), then connect.",
		Confirm:     "openssl s_client -connect host:8883 -servername host </dev/null 2>/dev/null | openssl x509 -noout -dates",
	},
	{
		ID: ServerCertUntrusted, Kind: "client", Side: "client",
		Match:       []string{"br_err_x509_dn_mismatch"},
		Title:       "BearSSL could not link the server's chain: an issuer's name does not match the next certificate's subject",
		Explanation: "BearSSL links each certificate of the chain to the next by comparing the issuer name of one with the subject name of the next, by hash. They differ when the server sends its chain in the wrong order or an intermediate that did not issue its certificate (a stale chain file after a CA change), or when the same name is encoded differently in the two (BearSSL compares the bytes: a CA tool that writes the subject as UTF8String and another that wrote the issuer as PrintableString); and, when the chain is right, when the hash itself is wrong: a firmware build whose hardware SHA acceleration is broken (a Tasmota build with the ESP32's ROM SHA routines did so).",
		Fix:         "See the order of the chain the server sends (each issuer must be the next certificate's subject):\n  openssl s_client -connect host:8883 -servername host -showcerts </dev/null 2>/dev/null | grep -E '^ *[0-9] s:|^ *i:'\nserve the server certificate, then the intermediate that issued it; if the chain is right, try the previous or next firmware release (a build without hardware hash acceleration).",
		Confirm:     "openssl s_client -connect host:8883 -servername host -showcerts </dev/null",
	},
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"br_err_bad_param", "br_err_bad_state", "br_err_no_random"},
		Title:       "The device's program used BearSSL wrongly (BearSSL refused a call, or has no random source)",
		Explanation: "BearSSL reports its own misuse: a parameter it refuses, a call in the wrong state (writing before the handshake, a second connect on a live one), or no random seed to start a handshake with. It is a fault of the firmware or library release, not of a certificate.",
		Fix:         "Upgrade the firmware or the core (its release notes name TLS fixes), and report the line with the release to its project if the newest has it too.",
		Confirm:     "openssl s_client -connect host:8883 -servername host </dev/null",
	},
	// Tasmota's own codes, for what fails before BearSSL starts.
	{
		ID: HandshakeFailed, Kind: "client", Side: "client",
		Match:       []string{"tasmota err_cant_resolve_ip", "tasmota err_tcp_connect"},
		Title:       "Tasmota could not reach the broker: the name did not resolve, or the TCP connection failed",
		Explanation: "Tasmota's own code for a failure before TLS started: the broker's host name did not resolve (DNS) or the TCP connection to its port was refused or timed out. Certificates play no part yet.",
		Fix:         "Check the MqttHost and MqttPort settings, the device's DNS server and that the broker listens on that port from the device's network:\n  nc -vz host 8883",
		Confirm:     "nc -vz host 8883",
	},
	{
		ID: CertLoadFailed, Kind: "client", Side: "client",
		Match:       []string{"tasmota err_missing_ca", "tasmota err_missing_ec_key", "tasmota err_oom"},
		Title:       "Tasmota could not start TLS: no CA, no client key, or no memory for it",
		Explanation: "Tasmota's own code before the handshake: no trust anchor to check the broker with (ERR_MISSING_CA), no private key for the client certificate that AWS IoT needs (ERR_MISSING_EC_KEY; Tasmota's TLS takes EC keys only), or too little free memory for BearSSL's buffers (ERR_OOM).",
		Fix:         "Load the broker's CA, or use a build whose built-in anchors cover it (Let's Encrypt and AWS IoT), and for AWS IoT store the EC private key and certificate with the TLSKey command; free memory by disabling features, or use an ESP32.",
		Confirm:     "openssl s_client -connect host:8883 -servername host -showcerts </dev/null",
	},
}
