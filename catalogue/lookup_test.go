package catalogue

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestEntriesWellFormed(t *testing.T) {
	es := Entries()
	if len(es) < 40 {
		t.Fatalf("only %d entries", len(es))
	}
	kinds := map[string]bool{"nginx": true, "reason": true, "alert": true, "status": true, "client": true}
	for i, e := range es {
		if e.ID.Name() == "" {
			t.Errorf("entry %d (%s): no id", i, e.Title)
		}
		if !kinds[e.Kind] {
			t.Errorf("entry %d (%s): kind %q", i, e.Title, e.Kind)
		}
		if len(e.Match)+len(e.Exact) == 0 {
			t.Errorf("entry %d (%s): nothing to match", i, e.Title)
		}
		for _, s := range slices.Concat(e.Match, e.Exact, e.Within, e.Without) {
			if s == "" || s != strings.ToLower(s) {
				t.Errorf("entry %d (%s): match string %q must be non-empty lower case", i, e.Title, s)
			}
			if strings.Contains(s, "|") {
				t.Errorf("entry %d (%s): match string %q holds a word list not spelled out (one that does not start with \"|\"?)", i, e.Title, s)
			}
		}
		if e.Title == "" || e.Explanation == "" || e.Fix == "" || e.Confirm == "" {
			t.Errorf("entry %d (%s): Title, Explanation, Fix and Confirm must all be set", i, e.ID)
		}
		if e.Side != "" && (e.Side != "server" && e.Side != "client" || e.Kind == "nginx") {
			t.Errorf("entry %d (%s): side %q (server or client, for another program's words)", i, e.ID, e.Side)
		}
		if e.Kind == "status" && e.Status == 0 {
			t.Errorf("entry %d (%s): status entry without Status", i, e.ID)
		}
		if strings.Contains(strings.ToLower(e.Explanation+e.Title), "client certificate verification failed") {
			t.Errorf("entry %d (%s): quotes the made-up nginx message", i, e.ID)
		}
	}
}

func TestEntriesCoverReference(t *testing.T) {
	// Every message the reference lists, in the form it appears in.
	want := map[string]string{
		"client sent no required ssl certificate":                                      "no-client-cert",
		"client sent plain http request to https port":                                 "plain-http",
		"client ssl certificate verify error: certificate status request failed while": "verify-error",
		"client ssl certificate verify error: certificate revoked while":               "verify-error",
		"client ssl certificate verify error: certificate status unknown while":        "verify-error",
		"ignoring stale global ssl error":                                              "stale-ssl-error",
		"upstream ssl certificate verify error":                                        "upstream-verify-error",
		"400 the ssl certificate error":                                                "status-495",
		"400 no required ssl certificate was sent":                                     "status-496",
		"400 the plain http request was sent to https port":                            "status-497",
		"client closed connection while ssl handshaking":                               "handshake-failed",
		"peer closed connection in ssl handshake":                                      "handshake-failed",
		"no ssl_client_certificate for ssl_verify_client":                              "verify-client-without-ca",
		"ssl_load_client_ca_file(\"/x\") failed":                                       "startup-failed",
		"ssl_ctx_load_verify_locations(\"/x\") failed":                                 "startup-failed",
		"x509_lookup_load_file(\"/x\") failed":                                         "startup-failed",
		"ssl_ctx_set0_chain(\"/x\") failed":                                            "startup-failed",
		"pkcs12 cipherfinal error:empty password":                                      "bad-passphrase",
		"problems getting password error:bad password read":                            "key-locked",
	}
	for in, id := range want {
		_, es := Lookup(in)
		if !hasID(es, id) {
			t.Errorf("Lookup(%q) ids %v, want %s", in, ids(es), id)
		}
	}
}

func hasID(es []Entry, id string) bool {
	for _, e := range es {
		if e.ID.Name() == id {
			return true
		}
	}
	return false
}

func ids(es []Entry) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.ID.Name())
	}
	return out
}

func nums(vs []VerifyCode) []int {
	var out []int
	for _, v := range vs {
		out = append(out, v.Code)
	}
	return out
}

// lookupCase is one input with the codes and entry ids Lookup must return,
// exactly and in order; title, when set, must be part of the first entry's.
type lookupCase struct {
	in    string
	codes []int
	ids   []string
	title string
}

// logLineCases are the lines of the reference's nginx-log-lines.md (nginx
// 1.22.1, OpenSSL 3.0.19) and the other real lines the reference quotes.
var logLineCases = []lookupCase{
	{in: `2026/11/22 17:44:18 [info] 28978#28978: *11 client SSL certificate verify error: (68:CA signature digest algorithm too weak) while reading client request headers, client: 127.0.0.1, server: localhost, request: "GET / HTTP/1.1", host: "127.0.0.1:18501"`, codes: []int{68}},
	{in: `2026/11/22 17:44:18 [info] 28978#28978: *1 client sent no required SSL certificate while reading client request headers, client: 127.0.0.1, server: localhost, request: "GET / HTTP/1.1", host: "127.0.0.1:18500"`, ids: []string{"no-client-cert"}},
	{in: `2026/11/22 17:44:18 [info] 28978#28978: *8 client sent plain HTTP request to HTTPS port while reading client request headers, client: 127.0.0.1, server: localhost, request: "GET / HTTP/1.1", host: "127.0.0.1:18500"`, ids: []string{"plain-http"}},
	{in: `2026/11/22 17:44:18 [info] 28978#28978: *29 SSL_do_handshake() failed (SSL: error:0A000102:SSL routines::unsupported protocol) while SSL handshaking, client: 127.0.0.1, server: 127.0.0.1:18500`, ids: []string{"handshake-failed"}, title: "TLS versions"},
	{in: `2026/11/22 17:44:18 [info] 28978#28978: *25 SSL_do_handshake() failed (SSL: error:0A0000C1:SSL routines::no shared cipher) while SSL handshaking, client: 127.0.0.1, server: 127.0.0.1:18500`, ids: []string{"handshake-failed"}, title: "cipher"},
	{in: `2026/11/22 17:43:33 [info] 24113#24113: *1 SSL_do_handshake() failed (SSL: error:0A000418:SSL routines::tlsv1 alert unknown ca:SSL alert number 48) while SSL handshaking, client: 127.0.0.1, server: 127.0.0.1:18458`, ids: []string{"handshake-failed"}, title: "server certificate"},
	{in: `2026/11/22 17:44:18 [alert] 28978#28978: *26 ignoring stale global SSL error (SSL: error:02000084:rsa routines::data too large for modulus error:1C880004:Provider routines::RSA lib error:06880006:asn1 encoding routines::EVP lib) while waiting for request, client: 127.0.0.2, server: 127.0.0.1:18506`, ids: []string{"stale-ssl-error"}},
	// An ordinary keepalive close is not a problem: nothing matches.
	{in: `2026/11/22 17:44:18 [info] 28978#28978: *10 client 127.0.0.1 closed keepalive connection`},
	{in: `2026/11/22 17:43:00 [info] 19735#19735: *1 client closed connection while SSL handshaking, client: 127.0.0.1, server: 127.0.0.1:18446`, ids: []string{"handshake-failed"}, title: "hung up"},
	{in: `2026/11/22 17:44:21 [emerg] 28972#28972: cannot load certificate key "/etc/nginx/certs/server.key": PEM_read_bio_PrivateKey() failed (SSL: error:1C800064:Provider routines::bad decrypt error:11800074:PKCS12 routines::pkcs12 cipherfinal error:maybe wrong password error:1C800064:Provider routines::bad decrypt error:11800074:PKCS12 routines::pkcs12 cipherfinal error:maybe wrong password)`, ids: []string{"bad-passphrase"}},
	{in: `2026/11/22 17:44:21 [emerg] 28972#28972: SSL_CTX_use_PrivateKey("/etc/nginx/certs/server.key") failed (SSL: error:05800074:x509 certificate routines::key values mismatch)`, ids: []string{"key-mismatch"}},
	{in: `127.0.0.1 - - [22/Nov/2026:17:44:18 +0000] "GET / HTTP/1.1" 400 215 "-" "curl/7.88.1"`, ids: []string{"status-495"}},
	{in: `127.0.0.1 - - [22/Nov/2026:17:44:18 +0000] "GET / HTTP/1.1" 400 237 "-" "curl/7.88.1"`, ids: []string{"status-496"}},
	{in: `127.0.0.1 - - [22/Nov/2026:17:44:18 +0000] "GET / HTTP/1.1" 400 255 "-" "curl/7.88.1"`, ids: []string{"status-497"}},
	{in: `127.0.0.1 - - [22/Nov/2026:17:44:18 +0000] "GET / HTTP/1.1" 400 617 "-" "Mozilla/5.0 Chrome/120"`, ids: []string{"status-495"}},
	{in: `127.0.0.1 - - [22/Nov/2026:17:44:18 +0000] "GET / HTTP/1.1" 400 157 "-" "curl/7.88.1"`, ids: []string{"status-400"}},
	{in: `127.0.0.1 - - [22/Nov/2026:17:44:18 +0000] "GET / HTTP/1.1" 200 615 "-" "curl/7.88.1"`},

	// From nginx-openssl-errors.md.
	{in: `[crit] 1#1: *3 SSL_do_handshake() failed (SSL: error:02000086:rsa routines::last octet invalid error:0A00007B:SSL routines::bad signature) while SSL handshaking, client: 127.0.0.1, server: 127.0.0.1:8443`, ids: []string{"handshake-failed"}, title: "private key"},
	{in: `SSL_do_handshake() failed (SSL: error:0A000412:SSL routines::sslv3 alert bad certificate:SSL alert number 42) while SSL handshaking`, ids: []string{"handshake-failed"}, title: "bad certificate"},
	{in: `SSL_do_handshake() failed (SSL: error:0A000416:SSL routines::sslv3 alert certificate unknown:SSL alert number 46) while SSL handshaking`, ids: []string{"handshake-failed"}, title: "alert 46"},
	{in: `SSL_do_handshake() failed (SSL: error:0A000415:SSL routines::sslv3 alert certificate expired:SSL alert number 45) while SSL handshaking`, ids: []string{"handshake-failed"}, title: "expired"},
	{in: `SSL_do_handshake() failed (SSL: error:0A000410:SSL routines::sslv3 alert handshake failure:SSL alert number 40) while SSL handshaking`, ids: []string{"handshake-failed"}, title: "alert 40"},
	{in: `SSL_do_handshake() failed (SSL: error:0A00010B:SSL routines::wrong version number) while SSL handshaking`, ids: []string{"handshake-failed"}, title: "Non-TLS"},
	{in: `SSL_do_handshake() failed (SSL: error:0A0000F4:SSL routines::unexpected message) while SSL handshaking`, ids: []string{"handshake-failed"}, title: "Malformed"},
	{in: `SSL_do_handshake() failed (SSL: error:0A00009C:SSL routines::http request) while SSL handshaking`, ids: []string{"handshake-failed"}, title: "Plain HTTP"},
	{in: `[crit] 1#1: *1 SSL_do_handshake() failed (SSL: error:0A0000C6:SSL routines::packet length too long) while SSL handshaking`, ids: []string{"handshake-failed"}, title: "Garbage"},
	{in: `SSL_do_handshake() failed (SSL: error:0A0000C7:SSL routines::peer did not return a certificate) while SSL handshaking`, ids: []string{"handshake-failed"}, title: "got none"},
	{in: `SSL_do_handshake() failed (SSL: error:0A000086:SSL routines::certificate verify failed) while SSL handshaking to upstream`, ids: []string{"handshake-failed"}, title: "verification failed"},
	{in: `SSL_do_handshake() failed (SSL: error:0A00045C:SSL routines::tlsv13 alert certificate required:SSL alert number 116) while SSL handshaking`, ids: []string{"handshake-failed"}, title: "alert 116"},
	{in: `SSL_do_handshake() failed (SSL: error:0A000999:SSL routines::something new) while SSL handshaking`, ids: []string{"handshake-failed"}, title: "TLS handshake failed"},
	{in: `SSL_do_handshake() failed (SSL: error:14094418:SSL routines:ssl3_read_bytes:tlsv1 alert unknown ca:SSL alert number 48) while SSL handshaking`, ids: []string{"handshake-failed"}, title: "unknown CA"},
	{in: `peer closed connection in SSL handshake while SSL handshaking, client: 127.0.0.1`, ids: []string{"handshake-failed"}},
	{in: `client SSL certificate verify error: (21:unable to verify the first certificate) while reading client request headers`, codes: []int{21}},
	{in: `client SSL certificate verify error: (26:unsupported certificate purpose) while reading client request headers`, codes: []int{26}},
	{in: `client SSL certificate verify error: (18:self signed certificate) while reading client request headers`, codes: []int{18}},
	{in: `client SSL certificate verify error: (3:unable to get certificate CRL) while reading client request headers`, codes: []int{3}},
	{in: `client SSL certificate verify error: (24:invalid CA certificate) while reading client request headers`, codes: []int{79}},
	{in: `client SSL certificate verify error: (24:issuer certificate doesn't have a public key) while reading client request headers`, codes: []int{24}},
	{in: `client SSL certificate verify error: (79:Certificate public key has explicit ECC parameters) while reading client request headers`, codes: []int{94}},
	{in: `client SSL certificate verify error: (37:invalid non-CA certificate (has CA markings)) while reading client request headers, client: 127.0.0.1`, codes: []int{37}},
	{in: `client SSL certificate verify error: (9:certificate is not yet valid or the system clock is incorrect) while reading client request headers`, codes: []int{9}},
	{in: `client SSL certificate verify error: (95:Raw public key untrusted, no trusted keys configured) while reading client request headers`, ids: []string{"verify-error"}},
	{in: `client SSL certificate verify error: certificate status request failed while reading client request headers, client: 127.0.0.1`, ids: []string{"verify-error"}, title: "OCSP check"},
	{in: `client SSL certificate verify error: certificate revoked while reading client request headers, client: 127.0.0.1`, ids: []string{"verify-error"}, title: "revoked"},
	{in: `client SSL certificate verify error: certificate status unknown while reading client request headers, client: 127.0.0.1`, ids: []string{"verify-error"}, title: "does not know"},
	{in: `upstream SSL certificate verify error: (20:unable to get local issuer certificate) while SSL handshaking to upstream, client: 127.0.0.1`, codes: []int{20}, ids: []string{"upstream-verify-error"}},
	{in: `upstream SSL certificate does not match "backend" while SSL handshaking to upstream`, ids: []string{"upstream-verify-error"}},
	{in: `[emerg] 1#1: SSL_CTX_use_PrivateKey("/k") failed (SSL: error:0B080074:x509 certificate routines:X509_check_private_key:key values mismatch)`, ids: []string{"key-mismatch"}},
	{in: `[emerg] 1#1: cannot load certificate key "/k": PEM_read_bio_PrivateKey() failed (SSL: error:06065064:digital envelope routines:EVP_DecryptFinal_ex:bad decrypt)`, ids: []string{"bad-passphrase"}},
	{in: `[emerg] 1#1: cannot load certificate key "/k": PEM_read_bio_PrivateKey() failed (SSL: error:1C800064:Provider routines::bad decrypt error:11800074:PKCS12 routines::pkcs12 cipherfinal error:empty password)`, ids: []string{"bad-passphrase"}, title: "empty"},
	{in: `[emerg] 1#1: cannot load certificate key "/k": PEM_read_bio_PrivateKey() failed (SSL: error:1400000B:UI routines::problems getting password error:bad password read)`, ids: []string{"key-locked"}},
	{in: `[emerg] 1#1: cannot load certificate key "/k": BIO_new_file() failed (SSL: error:80000002:system library::No such file or directory:calling fopen(/k, r) error:10000080:BIO routines::no such file)`, ids: []string{"key-load-failed"}},
	{in: `[emerg] 1#1: cannot load certificate "/c": PEM_read_bio_X509_AUX() failed (SSL: error:0480006C:PEM routines::no start line:Expecting: TRUSTED CERTIFICATE)`, ids: []string{"cert-load-failed"}},
	{in: `[emerg] 1#1: cannot load certificate "/c": BIO_new_file() failed (SSL: error:80000002:system library::No such file or directory:calling fopen(/c, r) error:10000080:BIO routines::no such file)`, ids: []string{"cert-load-failed"}},
	{in: `[emerg] 1#1: no ssl_client_certificate for ssl_verify_client in /etc/nginx/nginx.conf:20`, ids: []string{"verify-client-without-ca"}},
	{in: `[emerg] 1#1: no ssl_client_certificate or ssl_trusted_certificate for ssl_verify_client in /etc/nginx/nginx.conf:20`, ids: []string{"verify-client-without-ca"}},
	{in: `[emerg] 1#1: SSL_CTX_load_verify_locations("/ca") failed (SSL: error:05800088:x509 certificate routines::no certificate or crl found)`, ids: []string{"startup-failed"}, title: "CA file"},
	{in: `[emerg] 1#1: SSL_load_client_CA_file("/ca") failed (SSL: error:0480006C:PEM routines::no start line:Expecting: CERTIFICATE)`, ids: []string{"startup-failed"}, title: "CA names"},
	{in: `[emerg] 1#1: X509_LOOKUP_load_file("/crl") failed (SSL: error:80000002:system library::No such file or directory)`, ids: []string{"startup-failed"}, title: "ssl_crl"},
	{in: `[emerg] 1#1: SSL_CTX_use_certificate("/c") failed (SSL: error:0A00018F:SSL routines::ee key too small)`, ids: []string{"startup-failed"}, title: "too small"},
	{in: `[emerg] 1#1: SSL_CTX_use_certificate("/c") failed (SSL: error:140AB18F:SSL routines:SSL_CTX_use_certificate:ee key too small)`, ids: []string{"startup-failed"}, title: "too small"},
	{in: `[emerg] 1#1: SSL_CTX_use_certificate("/c") failed (SSL: error:0A00018E:SSL routines::ca md too weak)`, ids: []string{"startup-failed"}, title: "SHA-1"},
	{in: `[emerg] 1#1: SSL_CTX_set0_chain("/c") failed (SSL: error:0A00018E:SSL routines::ca md too weak)`, ids: []string{"startup-failed"}, title: "chain"},
	{in: `[emerg] 1#1: "ssl_ocsp" is incompatible with "ssl_verify_client optional_no_ca" in /etc/nginx/nginx.conf:9`, ids: []string{"startup-failed"}},
	{in: `[emerg] 1#1: no "ssl_certificate" is defined for the "listen ... ssl" directive in /etc/nginx/nginx.conf:9`, ids: []string{"startup-failed"}},
	{in: `[emerg] 1#1: SSL_CTX_something_new("/c") failed (SSL: error:0A000000:SSL routines::new)`, ids: []string{"startup-failed"}, title: "refused"},
	// An errno in parentheses is not a verify code.
	{in: `[emerg] 1#1: open() "/etc/nginx/pw" failed (2: No such file or directory) in /etc/nginx/nginx.conf:12`},
}

// clientCases are what clients and tools print, and what people type.
var clientCases = []lookupCase{
	{in: "68", codes: []int{68}},
	{in: "0", codes: []int{0}},
	{in: "24", codes: []int{24, 79}},
	{in: "79", codes: []int{79, 94}},
	{in: "99"},
	{in: "495", ids: []string{"status-495"}},
	{in: "496", ids: []string{"status-496"}},
	{in: "497", ids: []string{"status-497"}},
	{in: "400", ids: []string{"status-400"}},
	{in: "404"},
	{in: "status 496", ids: []string{"status-496"}},
	{in: "unknown ca", ids: []string{"tls-alert"}, title: "unknown_ca"},
	{in: "certificate required", ids: []string{"tls-alert"}, title: "certificate_required"},
	{in: "bad certificate", ids: []string{"tls-alert"}, title: "bad_certificate"},
	{in: "handshake failure", ids: []string{"tls-alert"}, title: "handshake_failure"},
	{in: "access denied", ids: []string{"tls-alert"}, title: "access_denied"},
	{in: "ca md too weak", ids: []string{"weak-signature"}},
	{in: "ee key too small", ids: []string{"weak-key"}},
	{in: "key values mismatch", ids: []string{"key-mismatch"}},
	{in: "bad decrypt", ids: []string{"bad-passphrase"}},
	{in: "bad signature", ids: []string{"handshake-failed"}, title: "private key"},
	{in: "no shared cipher", ids: []string{"handshake-failed"}},
	{in: "hello world"},
	{in: ""},
	{in: "FAILED:self signed certificate", codes: []int{18}},
	{in: "FAILED:certificate has expired", codes: []int{10}},
	{in: "FAILED:unsupported certificate purpose", codes: []int{26}},
	{in: "FAILED:certificate status request failed", ids: []string{"verify-error"}, title: "OCSP"},
	{in: `127.0.0.1 - - [22/Nov/2026:17:44:18 +0000] "GET / HTTP/1.1" 400 215 "-" "curl/7.88.1" "FAILED:self-signed certificate in certificate chain"`, codes: []int{19}, ids: []string{"status-495"}},
	{in: "SUCCESS", codes: []int{0}},
	{in: "(68:...)", codes: []int{68}},
	{in: "(68:CA signature digest algorithm too weak)", codes: []int{68}},
	{in: "68:CA signature digest algorithm too weak", codes: []int{68}},
	{in: "X509_V_ERR_CA_MD_TOO_WEAK", codes: []int{68}},
	{in: "unable to get local issuer certificate", codes: []int{20}},
	{in: "remote error: tls: bad certificate", ids: []string{"tls-alert"}, title: "alert 42"},
	{in: "remote error: tls: unknown certificate authority", ids: []string{"tls-alert"}, title: "alert 48"},
	{in: "remote error: tls: unknown certificate", ids: []string{"tls-alert"}, title: "alert 46"},
	{in: "remote error: tls: certificate required", ids: []string{"tls-alert"}, title: "alert 116"},
	{in: "remote error: tls: expired certificate", ids: []string{"tls-alert"}, title: "alert 45"},
	{in: "remote error: tls: unsupported certificate", ids: []string{"tls-alert"}, title: "alert 43"},
	{in: "remote error: tls: revoked certificate", ids: []string{"tls-alert"}, title: "alert 44"},
	{in: "remote error: tls: handshake failure", ids: []string{"tls-alert"}, title: "alert 40"},
	{in: "remote error: tls: error decrypting message", ids: []string{"tls-alert"}, title: "alert 51"},
	{in: "remote error: tls: access denied", ids: []string{"tls-alert"}, title: "alert 49"},
	{in: "curl: (56) OpenSSL SSL_read: error:0A00045C:SSL routines::tlsv13 alert certificate required, errno 0", ids: []string{"tls-alert"}, title: "alert 116"},
	{in: "curl: (35) error:0A000418:SSL routines::tlsv1 alert unknown ca", ids: []string{"tls-alert"}, title: "alert 48"},
	{in: "curl: (35) error:0A000410:SSL routines::sslv3 alert handshake failure", ids: []string{"tls-alert"}, title: "alert 40"},
	{in: "curl: (35) error:0A00042E:SSL routines::tlsv1 alert protocol version", ids: []string{"tls-alert"}, title: "alert 70"},
	{in: "sslv3 alert certificate revoked", ids: []string{"tls-alert"}, title: "alert 44"},
	{in: "curl: (60) SSL certificate problem: unable to get local issuer certificate", codes: []int{20}},
	{in: "curl: (58) could not load PEM client certificate from client.crt, OpenSSL error error:0A00018E:SSL routines::ca md too weak, (no key found, wrong pass phrase, or wrong file format?)", ids: []string{"weak-signature"}},
	{in: "curl: (58) could not load PEM client certificate, OpenSSL error error:140AB18F:SSL routines:SSL_CTX_use_certificate:ee key too small", ids: []string{"weak-key"}},
	{in: "[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:1006)", codes: []int{20}, ids: []string{"handshake-failed"}},
	{in: "error 20 at 0 depth lookup: unable to get local issuer certificate", codes: []int{20}},
	{in: "error 22 at 2 depth lookup: certificate chain too long", codes: []int{22}},
	{in: "verify error:num=21:unable to verify the first certificate", codes: []int{21}},
	{in: "Verify return code: 21 (unable to verify the first certificate)", codes: []int{21}},
	{in: "400 The SSL certificate error", ids: []string{"status-495"}},
	{in: "<html>\r\n<head><title>400 No required SSL certificate was sent</title></head>\r\n<body>\r\n<center><h1>400 Bad Request</h1></center>", ids: []string{"status-496"}},
	{in: "<title>400 The plain HTTP request was sent to HTTPS port</title>", ids: []string{"status-497"}},
	{in: "HTTP/1.1 400 Bad Request", ids: []string{"status-400"}},
	// The made-up line from the web still resolves through its code.
	{in: "client certificate verification failed: (20:unable to get local issuer certificate)", codes: []int{20}},
}

func TestLookup(t *testing.T) {
	for _, set := range [][]lookupCase{logLineCases, clientCases} {
		for _, tt := range set {
			codes, es := Lookup(tt.in)
			if got := nums(codes); !reflect.DeepEqual(got, tt.codes) {
				t.Errorf("Lookup(%q) codes = %v, want %v", tt.in, got, tt.codes)
			}
			if got := ids(es); !reflect.DeepEqual(got, tt.ids) {
				t.Errorf("Lookup(%q) ids = %v, want %v", tt.in, got, tt.ids)
			}
			if tt.title != "" && (len(es) == 0 || !strings.Contains(es[0].Title, tt.title)) {
				t.Errorf("Lookup(%q) first title = %q, want it to contain %q", tt.in, titles(es), tt.title)
			}
		}
	}
}

func titles(es []Entry) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.Title)
	}
	return out
}

func TestLookupEveryTextAndReason(t *testing.T) {
	for _, v := range VerifyCodes() {
		for _, s := range append([]string{v.Text}, v.Spellings...) {
			line := "client SSL certificate verify error: (" + itoa(v.Code) + ":" + s + ") while reading client request headers"
			if v.OldCode != 0 {
				// As 1.1.1 printed it: old number, same text.
				line = "client SSL certificate verify error: (" + itoa(v.OldCode) + ":" + s + ") while reading client request headers"
			}
			codes, _ := Lookup(line)
			if got := nums(codes); !reflect.DeepEqual(got, []int{v.Code}) {
				t.Errorf("Lookup(%q) = %v, want [%d]", line, got, v.Code)
			}
			if codes, _ := Lookup("FAILED:" + s); len(codes) != 1 || codes[0].Code != v.Code {
				t.Errorf("Lookup(FAILED:%s) = %v, want [%d]", s, nums(codes), v.Code)
			}
		}
	}
	for _, e := range Entries() {
		for _, x := range e.Exact {
			if _, es := Lookup(x); len(es) == 0 {
				t.Errorf("Lookup(%q) (an Exact name) matched nothing", x)
			}
		}
	}
}

func TestLookupDeterministic(t *testing.T) {
	for _, set := range [][]lookupCase{logLineCases, clientCases} {
		for _, tt := range set {
			c1, e1 := Lookup(tt.in)
			c2, e2 := Lookup(tt.in)
			if !reflect.DeepEqual(c1, c2) || !reflect.DeepEqual(e1, e2) {
				t.Errorf("Lookup(%q) differs between calls", tt.in)
			}
			seen := map[string]bool{}
			for _, e := range e1 {
				k := e.ID.Name() + "\x00" + e.Title
				if seen[k] {
					t.Errorf("Lookup(%q) returned %s twice", tt.in, e.Title)
				}
				seen[k] = true
			}
		}
	}
}

func TestStatusForBodySize(t *testing.T) {
	tests := []struct{ size, want int }{
		{215, 495}, {237, 496}, {255, 497}, // nginx/1.22.1, server_tokens on
		{208, 495}, {230, 496}, {248, 497}, // server_tokens off
		{617, 495}, {639, 496}, {657, 497}, // MSIE/Chrome padding
		{0, 0}, {157, 0}, {1000, 0},
	}
	for _, tt := range tests {
		got, ok := StatusForBodySize(tt.size)
		if got != tt.want || ok != (tt.want != 0) {
			t.Errorf("StatusForBodySize(%d) = %d, %v; want %d", tt.size, got, ok, tt.want)
		}
	}
}

func TestLookupLargeInputIsFast(t *testing.T) {
	inputs := []string{
		strings.Repeat("(1:", 40000),
		strings.Repeat("failed:", 20000),
		strings.Repeat("certificate revoked ", 10000),
		strings.Repeat("client SSL certificate verify error: (37:invalid non-CA certificate (has CA markings) ", 2000),
		strings.Repeat("x", 1<<20),
	}
	for _, in := range inputs {
		start := time.Now()
		Lookup(in)
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("Lookup of %d bytes took %v", len(in), d)
		}
	}
}

func BenchmarkLookupLine(b *testing.B) {
	for i := 0; i < b.N; i++ {
		Lookup(logLineCases[0].in)
	}
}

func TestErlangOwnAlert(t *testing.T) {
	for in, want := range map[string]bool{
		"ssl: certify: ssl_handshake.erl:1490:fatal error: unknown ca":                 true,
		"ssl: certify: ssl_certificate.erl:210:fatal error: bad certificate":           true,
		"ssl: certify: ssl_alert.erl:92:fatal error: unknown ca":                       false, // received
		"ssl: :hello: ssl_alert.erl:97:fatal error: handshake failure":                 false,
		"tls_handshake_1_3.erl:2077 generated server alert: fatal - handshake failure": false, // newer form
		"fatal error: unknown ca": false,
	} {
		if got := ErlangOwnAlert(in); got != want {
			t.Errorf("ErlangOwnAlert(%q) = %v, want %v", in, got, want)
		}
	}
}

// TestMatchPrefilter: the gram prefilter of matchEntries drops no hit.
// Each Match string alone, with words around it, and every test line,
// gets the same hits as a search of every Match string.
func TestMatchPrefilter(t *testing.T) {
	var ins []string
	for _, e := range Entries() {
		for _, m := range e.Match {
			ins = append(ins, m, "x "+m+" y", strings.ToUpper(m))
		}
	}
	for _, set := range [][]lookupCase{logLineCases, clientCases} {
		for _, tt := range set {
			ins = append(ins, tt.in)
		}
	}
	skipped := 0
	for _, in := range ins {
		lower := strings.ToLower(in)
		a, b := matchEntriesWith(lower, true), matchEntriesWith(lower, false)
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%q: prefiltered hits %v, all searched %v", in, a, b)
		}
		var g grams
		g.add(lower)
		for _, keys := range matchKeys() {
			for _, k := range keys {
				if !g.mayHold(k) {
					skipped++
				}
			}
		}
	}
	if skipped == 0 {
		t.Errorf("the prefilter skipped no search on %d inputs", len(ins))
	}
}

func FuzzLookup(f *testing.F) {
	for _, set := range [][]lookupCase{logLineCases, clientCases} {
		for _, tt := range set {
			f.Add(tt.in)
		}
	}
	// The other libraries' forms, so that mutations reach their lookups.
	for _, in := range []string{
		"invalid peer certificate: InvalidCertificate(Other(OtherError(CaUsedAsEndEntity)))",
		"received fatal alert: CertificateRequired",
		"[C1] TLS error: 268435581:SSL routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED",
		"wolfSSL_connect error -188, ASN no signer error to confirm failure",
		"Error Domain=NSURLErrorDomain Code=-1200 UserInfo={_kCFStreamErrorCodeKey=-9806, _kCFStreamPropertySSLClientCertificateState=0}",
		"mbedtls_ssl_handshake returned -0x7280",
		"schannel: next InitializeSecurityContext failed: SEC_E_ILLEGAL_MESSAGE (0x80090326)",
		"NSS error -12286 (SSL_ERROR_NO_CYPHER_OVERLAP)",
		"gnutls_handshake() failed: Error in the certificate.",
	} {
		f.Add(in)
	}
	f.Fuzz(func(t *testing.T, in string) {
		start := time.Now()
		codes, es := Lookup(in)
		if d := time.Since(start); d > 5*time.Second {
			t.Fatalf("Lookup took %v", d)
		}
		seen := map[int]bool{}
		for _, v := range codes {
			if _, ok := Verify(v.Code); !ok || seen[v.Code] {
				t.Fatalf("bad or duplicate code %d", v.Code)
			}
			seen[v.Code] = true
		}
		for _, e := range es {
			if e.ID.Name() == "" {
				t.Fatal("entry without id")
			}
		}
		lower := strings.ToLower(in)
		if a, b := matchEntriesWith(lower, true), matchEntriesWith(lower, false); !reflect.DeepEqual(a, b) {
			t.Fatalf("prefiltered hits %v, all searched %v", a, b)
		}
		c2, e2 := Lookup(in)
		if !reflect.DeepEqual(codes, c2) || !reflect.DeepEqual(es, e2) {
			t.Fatal("not deterministic")
		}
	})
}

// TestExplainAnswersEveryEntry: every message the catalogue knows is found
// again by Lookup (what `mtlsdoctor explain` and `logs` use) from each of
// its match strings, as the same entry id.
func TestExplainAnswersEveryEntry(t *testing.T) {
	for _, e := range Entries() {
		for _, m := range e.Match {
			probe := m
			if len(e.Within) > 0 {
				probe = e.Within[0] + " " + m
			}
			_, es := Lookup(probe)
			found := false
			for _, got := range es {
				if got.ID == e.ID {
					found = true
				}
			}
			if !found {
				t.Errorf("Lookup(%q) does not return an entry with id %s (entry %q)", probe, e.ID, e.Title)
			}
		}
	}
	for _, v := range VerifyCodes() {
		if codes, _ := Lookup(itoa(v.Code)); len(codes) == 0 || codes[0].Code != v.Code {
			t.Errorf("Lookup(%d) = %v", v.Code, nums(codes))
		}
	}
}

// TestRedisPrefixIsNoVerifyCode: Redis starts its lines with "PID:ROLE"
// ("7:M 21 Jan ..."), which is not the contract's "N:text" form.
func TestRedisPrefixIsNoVerifyCode(t *testing.T) {
	codes, _ := Lookup("7:M 21 Jan 2026 10:20:14.703 # Error accepting a client connection: error:0A000086:SSL routines::certificate verify failed (addr=127.0.0.1:47656 laddr=127.0.0.1:6380)")
	for _, c := range codes {
		if c.Code == 7 {
			t.Errorf("Redis's 7:M prefix taken for verify code 7")
		}
	}
	if codes, _ := Lookup("68:CA signature digest algorithm too weak"); len(codes) != 1 || codes[0].Code != 68 {
		t.Errorf("68:CA signature digest algorithm too weak: got %v, want code 68", codes)
	}
}

// TestAlertTextIsNotVerifyResult: an alert named like a verify result
// ("certificate revoked", as curl -v prints a received alert) is the
// alert, not verify error 23; the verify result itself still is.
func TestAlertTextIsNotVerifyResult(t *testing.T) {
	for in, want := range map[string]bool{
		"* TLSv1.3 (IN), TLS alert, certificate revoked (556):":                                              false,
		"error:0A000414:SSL routines::sslv3 alert certificate revoked":                                       false,
		"SSL certificate problem: certificate revoked":                                                       true,
		"client SSL certificate verify error: (23:certificate revoked) while reading client request headers": true,
	} {
		codes, _ := Lookup(in)
		got := false
		for _, c := range codes {
			got = got || c.Code == 23
		}
		if got != want {
			t.Errorf("Lookup(%q): verify error 23 = %v, want %v", in, got, want)
		}
	}
}

// TestErlangAlertBeforeMoreLines: Erlang's "Fatal - NAME" ends its line; a
// pasted output goes on (an Erlang client's NOTICE report, then its error
// term), as a real OTP 25 client printed it.
func TestErlangAlertBeforeMoreLines(t *testing.T) {
	a, ok := findAlert("tls client: in state connection received server alert: fatal - handshake failure\n\n{error,closed}")
	if !ok || a.num != 40 {
		t.Errorf("got %v %v, want alert 40", a, ok)
	}
}

// TestGnuTLSAlerts: each of GnuTLS's alert names, as git and curl on
// GnuTLS print it after "gnutls_handshake() failed: " and gnutls-cli after
// "*** Received alert [N]: ", is read as that alert.
func TestGnuTLSAlerts(t *testing.T) {
	for name, n := range gnutlsAlerts {
		want, ok := alertByNumber(n)
		if !ok {
			t.Errorf("%q: alert %d is not in the alerts table", name, n)
			continue
		}
		for _, line := range []string{
			"fatal: unable to access 'https://git.example.com/r.git/': gnutls_handshake() failed: " + name,
			"curl: (35) gnutls_handshake() failed: " + name + ".",
			"*** Received alert [" + itoa(n) + "]: " + name,
		} {
			if a, ok := findAlert(strings.ToLower(line)); !ok || a.num != want.num {
				t.Errorf("%q: alert %v %v, want %d", line, a.num, ok, n)
			}
		}
	}
}

// TestGnuTLSAlertsCutShort: GnuTLS's forms cut short or with no known name
// give no alert and no panic.
func TestGnuTLSAlertsCutShort(t *testing.T) {
	for _, line := range []string{"*** received alert [", "*** received alert [99999999999999999999]: x", "* received alert '",
		"gnutls_handshake() failed: ", "gnutls_handshake() failed: the tls connection was non-properly terminated.", "received alert [x]"} {
		if a, ok := gnutlsAlert(line); ok {
			t.Errorf("%q: alert %d", line, a.num)
		}
	}
}

// TestAlertByReasonNumber: OpenSSL names a received alert it has no words
// for by its reason number, the alert plus 1000 ("reason(1121)"); alert
// 121, ech_required, has its own meaning.
func TestAlertByReasonNumber(t *testing.T) {
	for in, want := range map[string]int{
		"error:0A000461:SSL routines::reason(1121)": 121,
		"error:0A000418:SSL routines::reason(1048)": 48,
		"SSL alert number 121":                      121,
	} {
		a, ok := findAlert(strings.ToLower(in))
		if !ok || a.num != want {
			t.Errorf("%q: alert %d (%v), want %d", in, a.num, ok, want)
		}
	}
	if a, ok := findAlert("error:0a000474:ssl routines::reason(1300)"); ok {
		t.Errorf("reason(1300) read as alert %d", a.num)
	}
	if a, _ := alertByNumber(121); !strings.Contains(a.meaning, "Encrypted Client Hello") {
		t.Errorf("alert 121: %q", a.meaning)
	}
}

// TestSSLVerifyFailed: the SSL library's verify failure is found by its
// words and, in a line cut before them, by its packed code in each
// version's packing; another reason is not.
func TestSSLVerifyFailed(t *testing.T) {
	for in, want := range map[string]bool{
		"error:0a000086:ssl routines::certificate verify failed": true,
		"connect: error:0a000086:ssl routines:":                  true,
		"error:1416f086:ssl routines:":                           true,
		"error:14090086:ssl routines:":                           true,
		"error:0a000418:ssl routines::tlsv1 alert unknown ca":    false,
		"no openssl error here":                                  false,
	} {
		if got := SSLVerifyFailed(in); got != want {
			t.Errorf("SSLVerifyFailed(%q) = %v, want %v", in, got, want)
		}
	}
}
