package logparse

import (
	"strings"
	"testing"
)

// TestAttributeSides: words only one side uses decide the role whoever
// printed them, a received certificate_unknown with no side shown is taken
// as a server's (and marked as a guess), and short words match only as
// words ("starttls: " is not Go's "tls: ", "process_server" is not
// "s_server").
func TestAttributeSides(t *testing.T) {
	for _, tc := range []struct {
		line, reporter, role string
		guessed              bool
	}{
		{"starttls: error:1416F086:SSL routines:tls_process_server_certificate:certificate verify failed", "unknown", RoleClient, false},
		// go-smtp's server names the client "for" its address; Radicale's server.
		{"smtp/server 2024/01/01 10:00:00 TLS handshake error for 192.0.2.9:40000: remote error: tls: bad certificate", "go", RoleServer, false},
		{"[7f00] ERROR: An exception occurred during request: SSL handshake failed: [SSL: WRONG_VERSION_NUMBER] wrong version number (_ssl.c:1056)", "python", RoleServer, false},
		// mitmproxy's two sides, and a Go proxy's side towards its client.
		{"[09:00:00.001][192.0.2.1:40000] Server TLS handshake failed. Certificate verify failed: certificate has expired", "unknown", RoleClient, false},
		{"[09:00:00.001][192.0.2.1:40000] Client TLS handshake failed. The client may not trust the proxy's certificate for example.org (OpenSSL Error([('SSL routines', '', 'unsupported protocol')]))", "unknown", RoleServer, false},
		{"[debug] id=7: failed to read request: tls: first record does not look like a TLS handshake", "go", RoleServer, false},
		// Ruby and .NET clients, Android's trust manager (lines written to
		// the shape of what those programs print).
		{"/usr/lib/ruby/3.1.0/net/protocol.rb:46:in `connect_nonblock': SSL_connect returned=1 errno=0 peeraddr=10.0.0.1:443 state=error: certificate verify failed (unable to get local issuer certificate) (OpenSSL::SSL::SSLError)", "unknown", RoleClient, false},
		{"System.Security.Authentication.AuthenticationException: The remote certificate is invalid according to the validation procedure: RemoteCertificateNameMismatch", "unknown", RoleClient, false},
		{"javax.net.ssl.SSLHandshakeException: java.security.cert.CertPathValidatorException: Trust anchor for certification path not found.", "java", RoleClient, false},
		{"ssl.SSLError: [SSL: PEER_DID_NOT_RETURN_A_CERTIFICATE] peer did not return a certificate (_ssl.c:2570)", "python", RoleServer, false},
		{"[W 140201 19:06:55 iostream:845] SSL Error on 12: [Errno 1] _ssl.c:504: error:1408A0C1:SSL routines:SSL3_GET_CLIENT_HELLO:no shared cipher", "python", RoleServer, false},
		{"javax.net.ssl.SSLException: Received fatal alert: certificate_unknown", "java", RoleServer, true},
		{`Exception in thread "main" javax.net.ssl.SSLHandshakeException: Received fatal alert: certificate_unknown`, "java", RoleClient, false},
		{"2021/04/03 05:55:24 remote error: tls: unknown certificate authority", "go", RoleClient, false},
		{"E0326 16:18:33.580381452 1763 ssl_transport_security.cc:1458] Handshake failed with fatal error SSL_ERROR_SSL: error:1000007d:SSL routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED.", "unknown", RoleClient, false},
		{"[C65] TLS error: 268436502:SSL routines:OPENSSL_internal:SSLV3_ALERT_CERTIFICATE_UNKNOWN", "envoy", RoleServer, true},
		{"upstream connect error or disconnect/reset before headers. reset reason: connection failure, transport failure reason: TLS error: 268436502:SSL routines:OPENSSL_internal:SSLV3_ALERT_CERTIFICATE_UNKNOWN", "envoy", RoleClient, false},
		{"_curl: (58) could not load PEM client certificate, OpenSSL error error:140AB18F:SSL routines:SSL_CTX_use_certificate:ee key too small_", "curl", RoleClient, false},
		{"tlsv1 alert unknown ca", "unknown", RoleServer, true},
		// A handshake failing while a request is served: nginx's own
		// (a Lua cosocket), not one with its client; a JSON record's user
		// agent names no writer.
		{`2024/05/01 09:00:00 [error] 7#7: *31 SSL_do_handshake() failed (SSL: error:0A00010B:SSL routines::wrong version number), client: 10.1.1.1, server: api, request: "GET /login HTTP/1.1", host: "api"`, "nginx", RoleClient, false},
		{`{"msg":"fetch: error:0A000086:SSL routines::certificate verify failed","userAgent":"Mozilla/5.0 (Windows NT 10.0) Firefox/128.0"}`, "unknown", RoleClient, false},
		// Only a TLS 1.3 server sends certificate_required: whoever
		// received it is its client.
		{"tlsv13 alert certificate required", "unknown", RoleClient, false},
		// wolfSSL without a side's word: its clients are the many (a
		// TLS 1.3 client learns of its refusal on wolfSSL_read).
		{"wolfSSL_read error -313, received alert fatal error", "unknown", RoleClient, false},
		{"wolfSSL_accept error -313, received alert fatal error", "unknown", RoleServer, false},
		// OpenLDAP's server in capitals is not Go's "tls: "; Go's lower-case
		// words still are.
		{"slapd[7]: TLS: can't accept: The TLS connection was non-properly terminated.", "unknown", RoleServer, false},
		// OpenSSL's server-side source file; Logstash's beats input (a
		// server whose BoringSSL reasons end as Android's do); an
		// intercepting proxy's "HTTPS decryption".
		{"140001:error:1417B07B:SSL routines:tls_process_cert_verify:bad signature:ssl/statem/statem_srvr.c:2900:", "unknown", RoleServer, false},
		{"140001:error:1417B07B:SSL routines:tls_process_cert_verify:bad signature:ssl/statem/statem_clnt.c:1900:", "openssl", RoleClient, false},
		{"[ERROR][org.logstash.beats.BeatsHandler] Exception: javax.net.ssl.SSLHandshakeException: error:10000416:SSL routines:OPENSSL_internal:SSLV3_ALERT_CERTIFICATE_UNKNOWN", "java", RoleServer, false},
		{"ERR example.org:443 - HTTPS解密失败: remote error: tls: unknown certificate authority", "go", RoleServer, false},
		{"Get \"https://a.example/\": tls: failed to verify certificate: x509: certificate signed by unknown authority", "go", RoleClient, false},
		// Go's client to its proxy; a listener reading a request.
		{"10.0.0.9:4000 rejected  proxy/encoding: failed to read request header > remote error: tls: bad certificate", "go", RoleServer, false},
		{"140735:error:140830B5:SSL routines:SSL3_CLIENT_HELLO:no ciphers available:s3_clnt.c:753:", "openssl", RoleClient, false},
		{"INFO (shrpx_connection.cc:403) tls: handshake libssl error: error:1408F09B:SSL routines:ssl3_get_record:https proxy request", "unknown", RoleServer, false},
		{"ssl.CertificateError: hostname 'a.example.com' doesn't match 'b.example.com'", "python", RoleClient, false},
		{"[ALERT] (1) : unable to load certificate chain from file '/etc/haproxy/site.pem'.", "haproxy", RoleServer, false},
		{`"response_code_details": "upstream_reset_before_response_started{connection_failure}"`, "envoy", RoleClient, false},
		{"2024/01/02 03:04:05 [error] 7#7: *9 SSL_do_handshake() failed (SSL: error:0A000086:SSL routines::certificate verify failed), context: ngx.timer", "nginx", RoleClient, false},
		{"http: TLS handshake error from 10.1.2.3:4567: client sent an HTTP request to an HTTPS server", "go", RoleServer, false},
		// Netty's pipeline: certificate_unknown is received by servers,
		// certificate_expired and handshake_failure mostly by clients;
		// OpenSMTPD's sessions are its server's; node's TLSSocket, not a
		// VB6 class named cTlsSocket.
		{"io.netty.handler.codec.DecoderException: javax.net.ssl.SSLException: Received fatal alert: certificate_unknown", "java", RoleServer, false},
		{"io.netty.handler.codec.DecoderException: javax.net.ssl.SSLHandshakeException: Received fatal alert: certificate_expired", "java", RoleClient, false},
		{`smtpd[42]: 5e6f7a8b smtp disconnected reason="io-error: error:0A000086:SSL routines::certificate verify failed"`, "unknown", RoleServer, false},
		{"[ERROR] x [Form1.Send, cTlsSocket.pvHandshake] tls failure", "unknown", RoleServer, true},
		// Java's packages and words: JavaMail a client's, WebSphere's
		// keystores and Elasticsearch's transport a server's
		{"mail: javax.mail.MessagingException: Could not convert socket to TLS", "java", RoleClient, false},
		{"E CWPKI0033E: The keystore located at /opt/was/key.p12 failed to load (com.ibm.ws.ssl.config.WSKeyStore)", "java", RoleServer, false},
		// Go known only by its logger or source file: the side is a guess
		{`time="2024-01-01T00:00:00Z" level=error msg="sync failed" error="remote closed"`, "go", RoleServer, true},
		{"E0101 app/main.go:88] fetch failed: sslv3 alert handshake failure", "go", RoleClient, true},
		// a CA file a program could not load: mostly a client's
		{"E [net.c:12:init] 0-agent: could not load CA list", "unknown", RoleClient, true},
		// non-TLS bytes, named with nothing of the writer's side: mostly a
		// client's https:// to a plain port
		{"sync: nil, wrong version number", "unknown", RoleClient, true},
		// alerts servers send, named with nothing of the writer's side
		{"sync: connect failed: sslv3 alert handshake failure", "unknown", RoleClient, true},
		{"upload aborted (TLSV1_ALERT_PROTOCOL_VERSION)", "unknown", RoleClient, true},
		// loading one's own certificate or key is a server's start-up
		{"Error: error:0909006C:PEM routines:get_name:no start line", "node", RoleServer, false},
		{"FATAL (shrpx_tls.cc:100) SSL_CTX_use_PrivateKey_file failed: error:0B080074:x509 certificate routines:X509_check_private_key:key values mismatch", "unknown", RoleServer, false},
		{"curl: (58) unable to set private key file: 'client.key' type PEM", "curl", RoleClient, false},
		// nginx's "(SSL: error:...)" pasted without the start of its line
		{"SSL: error:0A00018F:SSL routines::ee key too small", "nginx", RoleServer, false},
		// Apache's directives in its start-up errors, its stapling as a client
		{"SSLCertificateChainFile: file '/etc/ssl/chain.pem' does not exist or is empty", "apache", RoleServer, false},
		{"[ssl:error] [pid 7] AH01941: stapling_renew_response: responder error", "apache", RoleClient, false},
		// requests wrapping ssl's exceptions
		{"Max retries exceeded (Caused by SSLError(CertificateError(\"hostname 'a.example.com' doesn't match 'b.example.com'\",),))", "python", RoleClient, false},
		// go-ldap's errors, node's socket hang up and FreeRDP's tags
		{"ldap bind failed: LDAP Result Code 200 \"Network Error\": tls: failed to verify certificate: x509: certificate signed by unknown authority", "go", RoleClient, false},
		{"[warn] sync of /api/items failed: RequestError: socket hang up", "unknown", RoleClient, true},
		{"[12:00:01:002] [100:101] [INFO][com.freerdp.core.connection] - tls handshake done", "unknown", RoleClient, true},
		{"[Client 12] Unable to encrypt connection: Error in the push function.", "unknown", RoleServer, false},
	} {
		a := Attribute(tc.line)
		if a.Reporter != tc.reporter || a.Role != tc.role || a.Guessed != tc.guessed {
			t.Errorf("Attribute(%q) = %+v, want %s/%s guessed=%v", tc.line, a, tc.reporter, tc.role, tc.guessed)
		}
	}
}

func TestHasCodeAfterColon(t *testing.T) {
	for in, want := range map[string]bool{
		"accessing discovery url (https://x/) failed: 20: unable to get local issuer certificate": true,
		"failed to request: 9: certificate is not yet valid":                                      true,
		"ssl_do_handshake() failed (ssl: error:0a000418:ssl routines::tlsv1 alert unknown ca)":    false,
		"client: 127.0.0.1, server: 0.0.0.0:443":                                                  false,
		"error: 123: three digits":                                                                false,
		"ends with: 7":                                                                            false,
	} {
		if got := hasCodeAfterColon(in); got != want {
			t.Errorf("hasCodeAfterColon(%q) = %v, want %v", in, got, want)
		}
	}
}

// TestOpenSSLErrorNamesAreNotFirefox: SSL_ERROR_SSL and SSL_ERROR_SYSCALL
// are OpenSSL's SSL_get_error names, which any program prints; Firefox's
// SSL_ERROR_ codes name the browser.
func TestOpenSSLErrorNamesAreNotFirefox(t *testing.T) {
	for _, c := range []struct{ line, reporter string }{
		{"Interop+OpenSsl+SslException: SSL Handshake failed with OpenSSL error - SSL_ERROR_SSL.", "unknown"},
		{"Error code: SSL_ERROR_BAD_CERT_DOMAIN", "browser"},
		{"Secure Connection Failed. Error code: SSL_ERROR_RX_RECORD_TOO_LONG", "browser"},
	} {
		if a := Attribute(c.line); a.Reporter != c.reporter {
			t.Errorf("%q: reporter %s, want %s", c.line, a.Reporter, c.reporter)
		}
	}
}

// TestGoKeyPairLoadSide: Go's LoadX509KeyPair errors are a server loading
// its own pair unless the line says it was a client certificate; NGINX
// Unit's handshake line is its server's.
func TestGoKeyPairLoadSide(t *testing.T) {
	for _, c := range []struct{ line, reporter, role string }{
		{"[EROR] server.go:413 server: Tls: private key does not match public key", "go", RoleServer},
		{"error connecting to localhost:7051: failed to load client certificate: tls: private key does not match public key", "go", RoleClient},
		{"level=fatal msg=\"listener: tls: found a certificate rather than a key in the PEM for the private key\"", "go", RoleServer},
		{"2024/03/27 03:05:18 [error] 6224#6227 *39315 SSL_do_handshake(12) failed (1048: tlsv1 alert unknown ca)", "unknown", RoleServer},
	} {
		if a := Attribute(c.line); a.Reporter != c.reporter || a.Role != c.role {
			t.Errorf("%q: %s/%s, want %s/%s", c.line, a.Reporter, a.Role, c.reporter, c.role)
		}
	}
}

// BenchmarkAttributeHandshakeLine is Attribute on an nginx handshake line
// whose role hangs on its words: logs runs it on every such line.
func BenchmarkAttributeHandshakeLine(b *testing.B) {
	line := `2026/11/01 00:00:00 [info] 2817#2817: *12 peer closed connection in SSL handshake (104: Connection reset by peer) while SSL handshaking, client: 10.2.3.4, server: 0.0.0.0:443`
	for b.Loop() {
		Attribute(line)
	}
}

// TestRoleCacheWords holds what the interner's memory of roles rests on:
// for a line with nginx's "[level] pid#tid: ", Attribute reads words none
// of which holds a digit (but x509, which the cache looks for) or is made
// of an address's characters only, so numbers and client addresses cannot
// change its answer.
func TestRoleCacheWords(t *testing.T) {
	words := []string{"[emerg]", "nginx: [emerg]", "ssl_do_handshake(", "ssl_do_handshake()", "ssl: error:", "x509_v_err_",
		"client_verify", "client-verify", "failed:", "kong", `, request: "`, "ssl_do_handshake() failed", "peer closed connection in ssl handshake"}
	for _, r := range attrRules {
		if r.reporter == "nginx" {
			words = append(words, r.any...)
		}
	}
	for _, w := range words {
		digits := strings.NewReplacer("x509", "", "x.509", "").Replace(w)
		if strings.ContainsAny(digits, "0123456789") || isAddress([]byte(w)) {
			t.Errorf("Attribute reads %q in nginx's lines: a number or an address could hold it", w)
		}
	}
	for line, want := range map[string]bool{
		"2026/11/01 00:00:00 [info] 1#1: *3 ":                                  true,
		"Nov 15 00:29:27 host nginx[25386]: 2026/11/15 00:29:27 [ERROR] 7#7: ": true,
		"nginx  | [info] 28#28: *3 ":                                           true,
		"[info] 28#: ":                                                         false,
		"[info] #28: ":                                                         false,
		"[inf] 28#28: ":                                                        false,
		"[info]28#28: ":                                                        false,
		"x] [warn] 1#2:":                                                       false,
	} {
		if got := hasPidTid([]byte(line)); got != want {
			t.Errorf("hasPidTid(%q) = %v", line, got)
		}
	}
}
