package catalogue

import "strings"

// The probe's words for each server software it can recognise (the
// probe.Result's server_software): the {placeholders} that the probe's
// texts use for what is particular to nginx, Apache httpd, HAProxy, a Go
// server or openssl s_server, and neutral words for a server that was not
// recognised. A text never names a software the evidence did not show.
//
// {server} is the software's name in prose; {reload_then} says how to make
// a change take effect; {require_fix} how to require and verify client
// certificates; {notenforced_why} why no certificate is asked for;
// {optional_why} and {optional_fix} for a server that serves requests
// without one, {optional_mode} for one that lets them through the handshake; {anycert_why} and {anycert_fix} for one that lets any
// certificate in; {chain_fix} and {cert_fix} for the server's own
// certificate; {protocols_fix} and {notls13_why} for TLS versions;
// {advertise_why} and {advertise_fix} for the CA names a server sends;
// {none_sent} what a client that sends no certificate gets; {logs_fix}
// where the server says why it refused a certificate; {notls_fix} for a
// port that does not speak TLS; {listen_check} a command that shows what
// the server listens on. {client_ca_paren} is " (FILE)" when the file the
// server judges clients by is known, else empty.
var probeSoftware = map[string]Vars{
	"nginx": {
		"optional_mode": "ssl_verify_client is optional or optional_no_ca (with on, nginx answers 496)",
		"server":        "nginx",
		"reload_then":   "then reload:\n  nginx -t && nginx -s reload",
		"require_fix":   "In the server block:\n  ssl_client_certificate {client_ca_file};\n  ssl_verify_client on;\n{reload_then}",
		"notenforced_why": "ssl_verify_client is off (its default) in the server block that answered. " +
			"nginx picks that block by the SNI name{sni_words} and the listen address; a block other than the one you configured may be answering.",
		"optional_why": "ssl_verify_client is optional or optional_no_ca, and nothing refused it.",
		"optional_fix": "To make nginx refuse such requests (496):\n  ssl_verify_client on;\nIf optional is deliberate, refuse in each location what did not verify:\n  if ($ssl_client_verify != SUCCESS) { return 403; }\n{reload_then}",
		"anycert_why":  "nginx does this with ssl_verify_client optional_no_ca when no location checks $ssl_client_verify (it holds FAILED:... for such a client).",
		"anycert_fix": "Verify client certificates against your CA:\n  ssl_client_certificate {client_ca_file};\n  ssl_verify_client on;\n" +
			"or, if optional_no_ca is deliberate, refuse what did not verify in each location:\n  if ($ssl_client_verify != SUCCESS) { return 403; }\n{reload_then}",
		"chain_fix":     "Put the leaf followed by its intermediates into the file ssl_certificate names:\n  cat server.crt intermediate.crt > fullchain.pem",
		"cert_fix":      "Renew the server certificate, point ssl_certificate at it and reload:\n  nginx -t && nginx -s reload",
		"protocols_fix": "In the server (or http) block:\n  ssl_protocols TLSv1.2 TLSv1.3;\n{reload_then}",
		"notls13_why":   " nginx before 1.23.4 (Debian 12 ships 1.22.1) leaves TLSv1.3 out of its default ssl_protocols, so it is off unless listed.",
		"advertise_why": " nginx advertises exactly the subjects in ssl_client_certificate (not ssl_trusted_certificate).",
		"advertise_fix": "List the issuing CA in ssl_client_certificate:\n  cat issuer.crt >> {client_ca_file}",
		"none_sent":     "nginx answers 400 'No required SSL certificate was sent' (496)",
		"logs_fix": "Set nginx's error log to the info level:\n  error_log {error_log} info;\nthen reload, reproduce, and read it:\n  mtlsdoctor logs {error_log}\n" +
			"It has the \"client SSL certificate verify error: (N:...)\" line with the reason.",
		"notls_fix":    "Add `ssl` to the listen directive:\n  listen {port} ssl;\nwith ssl_certificate and ssl_certificate_key, {reload_then}\nor probe the port that serves TLS.",
		"listen_check": "\n  nginx -T | grep -n listen",
	},
	"apache": {
		"optional_mode": "SSLVerifyClient is optional or optional_no_ca",
		"server":        "Apache httpd",
		"reload_then":   "then reload:\n  apachectl configtest && apachectl graceful",
		"require_fix":   "In the VirtualHost (or a <Location> for one path):\n  SSLCACertificateFile {client_ca_file}\n  SSLVerifyClient require\n{reload_then}",
		"notenforced_why": "SSLVerifyClient is none (its default) for this virtual host, or it is set only in a <Location> or <Directory> that does not cover {path}. " +
			"Apache picks the virtual host by the SNI name{sni_words} and the address.",
		"optional_why":  "SSLVerifyClient is optional or optional_no_ca, and nothing refused it (no Require on SSL_CLIENT_VERIFY).",
		"optional_fix":  "To make Apache refuse such requests in the handshake:\n  SSLVerifyClient require\nIf optional is deliberate, refuse what did not verify:\n  Require expr %{SSL_CLIENT_VERIFY} == 'SUCCESS'\n{reload_then}",
		"anycert_why":   "Apache does this with SSLVerifyClient optional_no_ca when nothing checks SSL_CLIENT_VERIFY.",
		"anycert_fix":   "Verify client certificates against your CA:\n  SSLCACertificateFile {client_ca_file}\n  SSLVerifyClient require\n{reload_then}",
		"chain_fix":     "Append the intermediates to the file SSLCertificateFile names, leaf first:\n  cat server.crt intermediate.crt > fullchain.pem",
		"cert_fix":      "Renew the server certificate, point SSLCertificateFile at it and reload:\n  apachectl configtest && apachectl graceful",
		"protocols_fix": "In the VirtualHost (or server config):\n  SSLProtocol -all +TLSv1.2 +TLSv1.3\n{reload_then}",
		"notls13_why":   "",
		"advertise_why": " Apache advertises the subjects in SSLCACertificateFile (or SSLCADNRequestFile when set).",
		"advertise_fix": "List the issuing CA in the file SSLCACertificateFile (or SSLCADNRequestFile) names:\n  cat issuer.crt >> {client_ca_file}",
		"none_sent":     "Apache refuses them as clients without a certificate",
		"logs_fix":      "Apache's error log has the reason at LogLevel ssl:info:\n  LogLevel ssl:info\n{reload_then}\nthen reproduce and read it:\n  grep -i 'verify' /var/log/apache2/error.log",
		"notls_fix":     "Turn TLS on for this address:\n  SSLEngine on\nin its VirtualHost, {reload_then}\nor probe the port that serves TLS.",
		"listen_check":  "\n  apachectl -S",
	},
	"haproxy": {
		"optional_mode":   "the bind line says verify optional",
		"server":          "HAProxy",
		"reload_then":     "then reload:\n  haproxy -c -f /etc/haproxy/haproxy.cfg && systemctl reload haproxy",
		"require_fix":     "On the bind line:\n  bind :{port} ssl crt /etc/haproxy/server.pem ca-file {client_ca_file} verify required\n{reload_then}",
		"notenforced_why": "the bind line that answered has no `verify` setting, or `verify none`, so HAProxy never asks.",
		"optional_why":    "the bind line says `verify optional`, and no http-request rule refuses a request without one.",
		"optional_fix":    "On the bind line:\n  verify required\nor, if optional is deliberate, refuse in the frontend:\n  http-request deny unless { ssl_c_used } { ssl_c_verify 0 }\n{reload_then}",
		"anycert_why":     "HAProxy does this with crt-ignore-err all and ca-ignore-err all on the bind line, or verify optional with no rule on ssl_c_verify.",
		"anycert_fix":     "Verify client certificates against your CA, without ignoring errors:\n  bind :{port} ssl crt /etc/haproxy/server.pem ca-file {client_ca_file} verify required\n{reload_then}",
		"chain_fix":       "Put the leaf, its intermediates and the key into the PEM file `crt` names:\n  cat server.crt intermediate.crt server.key > /etc/haproxy/server.pem",
		"cert_fix":        "Renew the server certificate, put it into the PEM file `crt` names and reload:\n  haproxy -c -f /etc/haproxy/haproxy.cfg && systemctl reload haproxy",
		"protocols_fix":   "On the bind line:\n  ssl-min-ver TLSv1.2\nand no ssl-max-ver below TLSv1.3, {reload_then}",
		"notls13_why":     "",
		"advertise_why":   " HAProxy advertises the subjects in ca-file (none with no-ca-names).",
		"advertise_fix":   "List the issuing CA in the file ca-file names:\n  cat issuer.crt >> {client_ca_file}",
		"none_sent":       "HAProxy refuses them as clients without a certificate",
		"logs_fix":        "HAProxy's log has the handshake failure; read it:\n  journalctl -u haproxy | grep -i ssl",
		"notls_fix":       "Add ssl and a certificate to the bind line:\n  bind :{port} ssl crt /etc/haproxy/server.pem\n{reload_then}\nor probe the port that serves TLS.",
		"listen_check":    "\n  haproxy -c -f /etc/haproxy/haproxy.cfg",
	},
	"go": {
		"optional_mode":   "its ClientAuth is tls.RequestClientCert or tls.VerifyClientCertIfGiven",
		"server":          "the Go server",
		"reload_then":     "then restart the program.",
		"require_fix":     "In the server's tls.Config:\n  ClientAuth: tls.RequireAndVerifyClientCert,\n  ClientCAs:  pool, // the CA that issues client certificates{client_ca_paren}\n{reload_then}",
		"notenforced_why": "its tls.Config has ClientAuth tls.NoClientCert (the default).",
		"optional_why":    "its tls.Config has ClientAuth tls.RequestClientCert or tls.VerifyClientCertIfGiven, and the handler does not check r.TLS.PeerCertificates.",
		"optional_fix":    "In the server's tls.Config:\n  ClientAuth: tls.RequireAndVerifyClientCert,\n{reload_then}",
		"anycert_why":     "A Go server does this with tls.RequireAnyClientCert or tls.RequestClientCert, which verify nothing, or VerifyClientCertIfGiven without ClientCAs.",
		"anycert_fix":     "In the server's tls.Config:\n  ClientAuth: tls.RequireAndVerifyClientCert,\n  ClientCAs:  pool, // the CA that issues client certificates{client_ca_paren}\n{reload_then}",
		"chain_fix":       "Serve the leaf followed by its intermediates (tls.LoadX509KeyPair reads them all from one file):\n  cat server.crt intermediate.crt > fullchain.pem",
		"cert_fix":        "Renew the server certificate and restart the program.",
		"protocols_fix":   "In the server's tls.Config:\n  MinVersion: tls.VersionTLS12,\nand no MaxVersion below tls.VersionTLS13, {reload_then}",
		"notls13_why":     "",
		"advertise_why":   " A Go server advertises the subjects of its ClientCAs pool.",
		"advertise_fix":   "Add the issuing CA to the server's ClientCAs pool.",
		"none_sent":       "the Go server refuses them as clients without a certificate",
		"logs_fix":        "The server's http.Server ErrorLog has a \"TLS handshake error\" line with the reason.",
		"notls_fix":       "Serve TLS on this port (http.Server.ListenAndServeTLS or tls.Listen), or probe the port that serves TLS.",
		"listen_check":    "",
	},
	"openssl": {
		"optional_mode":   "s_server was started with -verify (lower case), which asks without requiring",
		"server":          "openssl s_server",
		"reload_then":     "then restart s_server.",
		"require_fix":     "Start s_server so that it requires a certificate and refuses one that does not verify:\n  openssl s_server -accept {port} -cert server.crt -key server.key -CAfile {client_ca_file} -Verify 1 -verify_return_error -www",
		"notenforced_why": "s_server asks for a client certificate only when started with -verify or -Verify.",
		"optional_why":    "s_server was started with -verify, which asks for a certificate and goes on without one.",
		"optional_fix":    "Require one with -Verify (capital V), and refuse one that does not verify:\n  openssl s_server -accept {port} -cert server.crt -key server.key -CAfile {client_ca_file} -Verify 1 -verify_return_error -www",
		"anycert_why":     "openssl s_server does this unless it is started with -verify_return_error: with -verify or -Verify it checks the certificate, prints the verify error, and carries on with the handshake (with no -CAfile it has no CA to check against at all).",
		"anycert_fix":     "Start s_server with the CA that issues client certificates and -verify_return_error:\n  openssl s_server -accept {port} -cert server.crt -key server.key -CAfile {client_ca_file} -Verify 1 -verify_return_error -www",
		"chain_fix":       "Give s_server the intermediates with -cert_chain:\n  openssl s_server -accept {port} -cert server.crt -cert_chain intermediate.crt -key server.key -www",
		"cert_fix":        "Renew the server certificate and restart s_server with it.",
		"protocols_fix":   "Start s_server with the versions to allow, such as TLS 1.3 only:\n  openssl s_server -accept {port} -cert server.crt -key server.key -tls1_3 -www",
		"notls13_why":     "",
		"advertise_why":   " s_server advertises the subjects of its -CAfile.",
		"advertise_fix":   "Put the issuing CA in the file s_server's -CAfile names{client_ca_paren}, and restart it.",
		"none_sent":       "s_server refuses them as clients without a certificate",
		"logs_fix":        "s_server prints each connection's verify result on its standard error (depth=..., verify error:num=...): run it without -quiet and read it.",
		"notls_fix":       "Probe the port s_server listens on (its -accept), which always speaks TLS.",
		"listen_check":    "",
	},
	"unknown": {
		"optional_mode":   "it asks for a certificate without requiring one",
		"server":          "the server",
		"reload_then":     "then reload or restart the server.",
		"require_fix":     "Make the server ask for a client certificate, verify it against the CA that issues client certificates{client_ca_paren} and refuse a client without one; {reload_then}",
		"notenforced_why": "the server is not set up to ask for one on this address{sni_words}.",
		"optional_why":    "the server asks for a certificate but does not require one, and nothing refused the request.",
		"optional_fix":    "Make the server require a verified client certificate, or refuse a request without one where it is handled; {reload_then}",
		"anycert_why":     "The server asks for a certificate but verifies none against a CA.",
		"anycert_fix":     "Make the server verify client certificates against the CA that issues them{client_ca_paren}; {reload_then}",
		"chain_fix":       "Serve the leaf followed by its intermediates:\n  cat server.crt intermediate.crt > fullchain.pem",
		"cert_fix":        "Renew the server certificate and reload or restart the server.",
		"protocols_fix":   "Allow only TLS 1.2 and 1.3 in the server's TLS settings; {reload_then}",
		"notls13_why":     "",
		"advertise_why":   "",
		"advertise_fix":   "Add the issuing CA to the CAs the server trusts and advertises.",
		"none_sent":       "the server refuses them as clients without a certificate",
		"logs_fix":        "The server's log has the reason.",
		"notls_fix":       "Probe the port that serves TLS, or turn TLS on for this port.",
		"listen_check":    "",
	},
}

// ProbeSoftwareVars are the words for software ("nginx", "apache",
// "haproxy", "go", "openssl"; anything else is "unknown"), filled in with v (a
// value may quote {client_ca_file}, {port}...).
func ProbeSoftwareVars(software string, v Vars) Vars {
	words, ok := probeSoftware[software]
	if !ok {
		words = probeSoftware["unknown"]
	}
	out := make(Vars, len(v)+len(words))
	for k, x := range v {
		out[k] = x
	}
	// reload_then first: other values quote it.
	out["reload_then"] = Fill(words["reload_then"], v)
	if software == "nginx" {
		out["reload"] = "nginx -t && nginx -s reload"
	}
	for k, x := range words {
		if k != "reload_then" {
			out[k] = Fill(x, out)
		}
	}
	return out
}

// probeAlerts say what a server's TLS alert means when it ends a
// handshake in which a client certificate was (or was not) sent. The
// first whose words the error holds wins.
var probeAlerts = []struct{ match, why string }{
	{"unknown certificate authority", "the server does not know the CA that issued the certificate (or the client did not send the intermediate)"},
	{"certificate required", "the server requires a client certificate and got none"},
	{"handshake failure", "with TLS 1.2 this is how a server that requires a client certificate refuses a client that sent none (or one with no parameters in common)"},
	{"bad certificate", "the server refused the certificate without a more specific reason (a Go server says this for any verification failure)"},
	{"expired certificate", "the certificate, or one in its chain, is out of its validity dates"},
	{"certificate expired", "the certificate, or one in its chain, is out of its validity dates"},
	{"unsupported certificate", "the certificate's key usage or extended key usage does not allow client authentication"},
	{"certificate revoked", "the certificate is revoked"},
	{"decrypt", "the signature the client made with its key did not verify: the key does not belong to the certificate"},
	{"access denied", "the server refused this identity"},
	{"protocol version", "the server and the probe have no TLS version in common"},
	{"insufficient security", "the server wants stronger parameters than were offered"},
}

// ProbeAlertWhy says in plain words what the alert in err means, or "".
func ProbeAlertWhy(err string) string {
	for _, a := range probeAlerts {
		if strings.Contains(err, a.match) {
			return a.why
		}
	}
	return ""
}
