package checks

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/mtlsdoctor/mtlsdoctor/catalogue"
	"github.com/mtlsdoctor/mtlsdoctor/report"
)

// oldSpellings are real lines people pasted with OpenSSL 1.0.x or 1.1.x
// errors (lib<<24|func<<12|reason codes, function names, the old words) or
// 3.2's words, the error as it stands in the line, and the 3.x code of the
// same reason.
var oldSpellings = []struct {
	line, source, err, code3 string
}{
	{"**ERROR:proto_tls:tls_print_errstack: TLS errstack: error:14094418:SSL routines:SSL3_READ_BYTES:tlsv1 alert unknown ca",
		"https://github.com/OpenSIPS/opensips/issues/1876", "error:14094418:SSL routines:SSL3_READ_BYTES:tlsv1 alert unknown ca", "0A000418"},
	{"httplib2.SSLHandshakeError: [Errno 1] _ssl.c:504: error:14090086:SSL routines:SSL3_GET_SERVER_CERTIFICATE:certificate verify failed",
		"https://github.com/CloudXNS/CloudXNS-API-SDK-Python/pull/4", "error:14090086:SSL routines:SSL3_GET_SERVER_CERTIFICATE:certificate verify failed", "0A000086"},
	{`error:1416F086:SSL routines:tls_process_server_certificate:certificate verify failed:ssl\statem\statem_clnt.c:1916`,
		"https://github.com/openssl/openssl/issues/19194", "error:1416F086:SSL routines:tls_process_server_certificate:certificate verify failed", "0A000086"},
	{`nginx    | 2018/11/16 15:35:38 [emerg] 22#22: PEM_read_bio_X509_AUX("/etc/nginx/ssl/") failed (SSL: error:0906D06C:PEM routines:PEM_read_bio:no start line:Expecting: TRUSTED CERTIFICATE)`,
		"https://github.com/nginx-le/nginx-le/issues/21", "error:0906D06C:PEM routines:PEM_read_bio:no start line", "0480006C"},
	{`fix bug: nginx: [emerg] PEM_read_bio_X509_AUX("/run/nginx/conf/certificate/be5a1669d1b942cab476f1f39fd1d954-2d81893577c13614c2d44be98e9bb8f3.pem") failed (SSL: error:0906D066:PEM routines:PEM_read_bio:bad end line)`,
		"https://github.com/goodrain/rainbond/pull/176", "error:0906D066:PEM routines:PEM_read_bio:bad end line", "04800066"},
	{"Error: error:140AB18F:SSL routines:SSL_CTX_use_certificate:ee key too small",
		"https://github.com/alibaba/anyproxy/issues/521", "error:140AB18F:SSL routines:SSL_CTX_use_certificate:ee key too small", "0A00018F"},
	// dh key too small is 372 in 1.0.2 (where 1.1.1's 372 is "ssl
	// negative length") and 394 since 1.1.0.
	{`Error: write EPROTO 101057795:error:14082174:SSL routines:ssl3_check_cert_and_algorithm:dh key too small:openssl\ssl\s3_clnt.c:3617`,
		"https://github.com/request/request/issues/2283", "error:14082174:SSL routines:ssl3_check_cert_and_algorithm:dh key too small", "0A00018A"},
	{"error trying to connect: error:141A318A:SSL routines:tls_process_ske_dhe:dh key too small:../ssl/statem/statem_clnt.c:2150:",
		"https://github.com/seanmonstar/reqwest/issues/1027", "error:141A318A:SSL routines:tls_process_ske_dhe:dh key too small", "0A00018A"},
	{"[crit] 30807#30807: *27 SSL_do_handshake() failed (SSL: error:1417D18C:SSL routines:tls_process_client_hello:version too low) while SSL handshaking, client: 74.82.47.4, server: 0.0.0.0:443",
		"https://github.com/ReinerNippes/nextcloud/issues/13", "error:1417D18C:SSL routines:tls_process_client_hello:version too low", "0A00018C"},
	{"[crit] 619#0: *39975386 SSL_do_handshake() failed (SSL: error:140A1175:SSL routines:SSL_BYTES_TO_CIPHER_LIST:inappropriate fallback) while SSL handshaking,",
		"https://github.com/alibaba/tengine/issues/780", "error:140A1175:SSL routines:SSL_BYTES_TO_CIPHER_LIST:inappropriate fallback", "0A000175"},
	{`2016/09/21 09:12:14 [emerg] 1#1: SSL_CTX_use_PrivateKey_file("/etc/nginx/tls/key.pem") failed (SSL: error:0B080074:x509 certificate routines:X509_check_private_key:key values mismatch)`,
		"https://github.com/tazjin/kubernetes-letsencrypt/issues/20", "error:0B080074:x509 certificate routines:X509_check_private_key:key values mismatch", "05800074"},
	{"60380#60380: *3539468988 SSL_do_handshake() failed (SSL: error:1408F10B:SSL routines:ssl3_get_record:wrong version number) while SSL handshaking to upstream",
		"https://github.com/apache/apisix/issues/8126", "error:1408F10B:SSL routines:ssl3_get_record:wrong version number", "0A00010B"},
	{"     Error: write EPROTO 140336970151808:error:140770FC:SSL routines:SSL23_GET_SERVER_HELLO:unknown protocol:../deps/openssl/openssl/ssl/s23_clnt.c:794:",
		"https://github.com/woocommerce/wc-api-node/issues/10", "error:140770FC:SSL routines:SSL23_GET_SERVER_HELLO:unknown protocol", "0A0000FC"},
	{"[Fri Dec 07 11:21:26 2012] [error] SSL Library Error: 336117909 error:1408C095:SSL routines:SSL3_GET_FINISHED:digest check failed",
		"https://github.com/request/request/issues/386", "error:1408C095:SSL routines:SSL3_GET_FINISHED:digest check failed", "0A000095"},
	{"2022/04/26 18:27:03 [crit] 109089#0: *3 SSL_shutdown() failed (SSL: error:14094123:SSL routines:ssl3_read_bytes:application data after close notify) while SSL handshaking, client: 192.168.90.14, server: 0.0.0.0:8443",
		"https://github.com/Tongsuo-Project/Tongsuo/issues/234", "error:14094123:SSL routines:ssl3_read_bytes:application data after close notify", "0A000123"},
	{"> W20160222-16:07:01.200(-3)? (STDERR) HTTPS_CLIENT_ERROR on : [Error: 140735123144704:error:1408A0C1:SSL routines:SSL3_GET_CLIENT_HELLO:no shared cipher:../deps/openssl/openssl/ssl/s3_srvr.c:1436:",
		"https://github.com/joeferner/node-http-mitm-proxy/issues/59", "error:1408A0C1:SSL routines:SSL3_GET_CLIENT_HELLO:no shared cipher", "0A0000C1"},
	{"139767848613520:error:14077419:SSL routines:SSL23_GET_SERVER_HELLO:tlsv1 alert access denied:s23_clnt.c:769:",
		"https://github.com/chromium/badssl.com/issues/131", "error:14077419:SSL routines:SSL23_GET_SERVER_HELLO:tlsv1 alert access denied", "0A000419"},
	// OpenSSL 3.2 and later: "sslv3 alert X" became "ssl/tls alert X".
	{`2025/01/09 09:28:40 [error] 20#20: *43 SSL_do_handshake() failed (SSL: error:0A000410:SSL routines::ssl/tls alert handshake failure:SSL alert number 40) while SSL handshaking to upstream, client: 127.0.0.1, server: _, request: "GET /download/plugins/beer/1.0/beer.hpi HTTP/1.1", upstream: "https://18.160.78.88:443/download/plugins/beer/1.0/beer.hpi", host: "127.0.0.1:8080"`,
		"https://github.com/jenkins-infra/helm-charts/pull/1507", "error:0A000410:SSL routines::ssl/tls alert handshake failure", "0A000410"},
}

// TestOldSpellingsExplainedAs3x: each real line in OpenSSL 1.0.x, 1.1.x or
// 3.2 spelling gets the same findings (ids and titles) as the same line with
// the error as the installed OpenSSL 3 prints the same reason (`openssl
// errstr`, a differential check of the generated tables).
func TestOldSpellingsExplainedAs3x(t *testing.T) {
	if _, err := exec.LookPath("openssl"); err != nil {
		t.Fatal("openssl is needed: scripts/test.sh installs it")
	}
	for _, c := range oldSpellings {
		if !strings.Contains(c.line, c.err) {
			t.Fatalf("%s: the line does not hold %q", c.source, c.err)
		}
		out, err := exec.Command("openssl", "errstr", c.code3).Output()
		if err != nil {
			t.Fatal(err)
		}
		err3 := strings.TrimSpace(string(out))
		if strings.Contains(err3, "reason(") {
			t.Fatalf("openssl errstr %s: %s", c.code3, err3)
		}
		if err3 == c.err {
			// An openssl of 3.2 or later prints 3.2's words itself.
			t.Logf("%s: the installed openssl prints the line's own words", c.source)
			continue
		}
		old := Explain(c.line)
		now := Explain(strings.Replace(c.line, c.err, err3, 1))
		if len(old.Findings) == 0 {
			t.Errorf("%s: nothing for\n  %s", c.source, c.line)
			continue
		}
		if a, b := findingKeys(old), findingKeys(now); a != b {
			t.Errorf("%s: the old spelling and the 3.x one (%s) differ:\n  old: %s\n  3.x: %s", c.source, err3, a, b)
		}
		words := c.err[strings.LastIndex(c.err, ":")+1:]
		if f := old.Findings[0]; f.ID == catalogue.OpenSSLReason && !strings.Contains(f.Title, words) {
			t.Errorf("%s: %q does not name %q", c.source, f.Title, words)
		}
	}
}

func findingKeys(r *report.Report) string {
	var keys []string
	for _, f := range r.Findings {
		keys = append(keys, f.ID.Name()+" "+f.Title)
	}
	return strings.Join(keys, " | ")
}

// TestRenumberedReason: 1.1.0 gave numbers of dropped 1.0.2 reasons to new
// ones. A 1.0.2 server's "no certificate returned" (SSL reason 178) is not
// 1.1.1's "unexpected end of early data" (178 too), whether the line has
// the words or only the numbers (OpenSSL without its strings loaded
// prints "lib(20):func(137):reason(178)"; function 137 is 1.0.2's
// ssl3_get_client_certificate, which 1.1.1 does not have).
func TestRenumberedReason(t *testing.T) {
	for _, in := range []string{
		"error:140890B2:SSL routines:SSL3_GET_CLIENT_CERTIFICATE:no certificate returned:s3_srvr.c:3288:", // https://github.com/grke/burp/issues/320
		"error:140890B2:lib(20):func(137):reason(178)",
	} {
		rep := Explain(in)
		if len(rep.Findings) == 0 {
			t.Fatalf("nothing for %s", in)
		}
		f := rep.Findings[0]
		text := strings.ToLower(f.Title + " " + f.Explanation)
		if !containsOne(text, "no certificate returned", "got none") || strings.Contains(text, "early data") {
			t.Errorf("%s:\n  %s: %s\n  %s", in, f.ID.Name(), f.Title, f.Explanation)
		}
		if f.ID == catalogue.OpenSSLReason && (!strings.Contains(f.Explanation, "ssl3_get_client_certificate") || !strings.Contains(f.Explanation, "TLS server") || !strings.Contains(f.Explanation, "older than 1.1.0")) {
			t.Errorf("%s: the function, its side and the version are not told:\n  %s", in, f.Explanation)
		}
	}
}

// TestReasonFunctionSide: a 1.x line names the function that failed; the
// generic story of its reason says which side of the handshake that
// function runs on.
func TestReasonFunctionSide(t *testing.T) {
	for line, side := range map[string]string{
		"error trying to connect: error:1423C132:SSL routines:tls_process_ske_ecdhe:bad ecpoint:../ssl/statem/statem_clnt.c:2250:":          "TLS client",
		"[Fri Dec 07 11:21:26 2012] [error] SSL Library Error: 336117909 error:1408C095:SSL routines:SSL3_GET_FINISHED:digest check failed": "", // https://github.com/request/request/issues/386
	} {
		rep := Explain(line)
		if len(rep.Findings) == 0 || rep.Findings[0].ID != catalogue.OpenSSLReason {
			t.Fatalf("no generic reason for %s: %+v", line, rep.Findings)
		}
		why := rep.Findings[0].Explanation
		if side != "" && !strings.Contains(why, side) || side == "" && strings.Contains(why, "side of a handshake") {
			t.Errorf("%s: want side %q:\n  %s", line, side, why)
		}
	}
}

// TestFunctionSideRole: the OpenSSL function a line names runs on one side
// of the handshake only, and the findings' role follows it: an OpenVPN
// server refusing a client certificate (its CRL had expired) is the
// server, a PHP client refusing a server certificate the client.
func TestFunctionSideRole(t *testing.T) {
	for line, role := range map[string]string{
		"10.8.0.6:51820 OpenSSL: error:1417C086:SSL routines:tls_process_client_certificate:certificate verify failed":                      "server", // https://github.com/angristan/openvpn-install/issues/78
		`"last_error_message": "SSL error {error:1416F086:SSL routines:tls_process_server_certificate:certificate verify failed}",`:         "client", // https://github.com/irazasyed/telegram-bot-sdk/issues/822
		"[Fri Dec 07 11:21:26 2012] [error] SSL Library Error: 336117909 error:1408C095:SSL routines:SSL3_GET_FINISHED:digest check failed": "server", // https://github.com/request/request/issues/386 (Apache: no side in the function, the reporter's)
	} {
		rep := Explain(line)
		if len(rep.Findings) == 0 {
			t.Fatalf("nothing for %s", line)
		}
		for _, f := range rep.Findings {
			if f.Role != role {
				t.Errorf("%s:\n  %s has role %s, want %s", line, f.ID.Name(), f.Role, role)
			}
		}
	}
}
