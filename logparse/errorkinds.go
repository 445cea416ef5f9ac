package logparse

import (
	"bytes"

	"github.com/mtlsdoctor/mtlsdoctor/internal/anchors"
)

// errorKinds are the kinds of nginx error-log line about mutual TLS, in
// the order they are tried: the first kind a line matches is its kind. A
// new kind is one entry here, with a real example line, plus its id's
// entry in the catalogue (the words of its finding). Every kind's lines
// must contain one of errorNeedles, or the scanner never parses them:
// TestErrorKindsFound scans each example and wants it read as its kind.
var errorKinds = compileKinds([]errorKind{
	{id: "verify-error", prefixes: []string{"client SSL certificate verify error: "}, parse: verifyEvent,
		example:    `2026/11/22 17:44:18 [info] 28978#28978: *11 client SSL certificate verify error: (68:CA signature digest algorithm too weak) while reading client request headers, client: 127.0.0.1, server: localhost, request: "GET / HTTP/1.1", host: "127.0.0.1:18501"`,
		exampleKey: "verify-error:68"},
	{id: "no-client-cert", prefixes: []string{"client sent no required SSL certificate"},
		example:    `2026/11/22 17:44:18 [info] 28978#28978: *1 client sent no required SSL certificate while reading client request headers, client: 127.0.0.1, server: localhost, request: "GET / HTTP/1.1", host: "127.0.0.1:18500"`,
		exampleKey: "no-client-cert"},
	{id: "plain-http", prefixes: []string{"client sent plain HTTP request to HTTPS port"},
		example:    `2026/11/22 17:44:18 [info] 28978#28978: *8 client sent plain HTTP request to HTTPS port while reading client request headers, client: 127.0.0.1, server: localhost, request: "GET / HTTP/1.1", host: "127.0.0.1:18500"`,
		exampleKey: "plain-http"},
	// nginx as the client of an https upstream: its own group per reason,
	// apart from the handshakes of nginx's clients.
	{id: "handshake-failed", prefixes: []string{"SSL_do_handshake() failed"}, contains: []string{" while SSL handshaking to upstream"}, role: RoleClient,
		parse: func(msg, _ []byte, in *interner) (string, string, int, bool) {
			r := sslReason(msg)
			return in.str(r), in.key("handshake-failed:upstream:", reasonKey(r)), 0, true
		},
		example:    `2026/12/02 09:05:19 [error] 23365#23365: *1 SSL_do_handshake() failed (SSL: error:0A000410:SSL routines::sslv3 alert handshake failure:SSL alert number 40) while SSL handshaking to upstream, client: 127.0.0.1, server: , request: "GET / HTTP/1.1", upstream: "https://127.0.0.1:19443/", host: "127.0.0.1:18445"`,
		exampleKey: "handshake-failed:upstream:sslv3 alert handshake failure"},
	{id: "handshake-failed", prefixes: []string{"SSL_do_handshake() failed"}, text: sslReasonText, grouped: true,
		example:    `2026/11/22 17:43:33 [info] 24113#24113: *1 SSL_do_handshake() failed (SSL: error:0A000418:SSL routines::tlsv1 alert unknown ca:SSL alert number 48) while SSL handshaking, client: 127.0.0.1, server: 127.0.0.1:18458`,
		exampleKey: "handshake-failed:tlsv1 alert unknown ca"},
	// "peer closed" is also what nginx logs when an upstream closes during
	// its handshake ("... while SSL handshaking to upstream"): the line's
	// own words give the role.
	{id: "handshake-failed", prefixes: []string{"client closed connection while SSL handshaking", "peer closed connection in SSL handshake"},
		text: beforeWhile, grouped: true, attribute: true,
		example:    `2026/11/22 17:43:00 [info] 19735#19735: *1 client closed connection while SSL handshaking, client: 127.0.0.1, server: 127.0.0.1:18446`,
		exampleKey: "handshake-failed:client closed connection"},
	{id: "stale-ssl-error", prefixes: []string{"ignoring stale global SSL error"}, text: sslReasonText,
		example:    `2026/11/22 17:44:18 [alert] 28978#28978: *26 ignoring stale global SSL error (SSL: error:02000084:rsa routines::data too large for modulus) while waiting for request, client: 127.0.0.2, server: 127.0.0.1:18506`,
		exampleKey: "stale-ssl-error"},
	{id: "upstream-verify-error", prefixes: []string{"upstream SSL certificate verify error: ", "upstream SSL certificate does not match"}, text: codeAndText, grouped: true, role: RoleClient,
		example:    `2026/11/22 17:44:18 [error] 28978#28978: *4 upstream SSL certificate verify error: (10:certificate has expired) while SSL handshaking to upstream, client: 10.0.0.4, server: localhost`,
		exampleKey: "upstream-verify-error:10:certificate has expired"},
	// Load errors: a group per (cause, file), whose finding names the file.
	{id: "bad-passphrase", prefixes: []string{"cannot load certificate key"}, text: sslReasonText, perPath: true,
		contains:   []string{"bad decrypt", "maybe wrong password", "bad password read", "empty password", "problems getting password"},
		example:    `2026/11/22 17:44:21 [emerg] 28972#28972: cannot load certificate key "/etc/nginx/certs/server.key": PEM_read_bio_PrivateKey() failed (SSL: error:1C800064:Provider routines::bad decrypt error:11800074:PKCS12 routines::pkcs12 cipherfinal error:maybe wrong password)`,
		exampleKey: "bad-passphrase:/etc/nginx/certs/server.key"},
	{id: "key-load-failed", prefixes: []string{"cannot load certificate key"}, text: sslReasonText, grouped: true, perPath: true,
		example:    `2026/11/22 17:44:21 [emerg] 28972#28972: cannot load certificate key "/etc/nginx/certs/server.key": PEM_read_bio_PrivateKey() failed (SSL: error:1E08010C:DECODER routines::unsupported)`,
		exampleKey: "key-load-failed:unsupported:/etc/nginx/certs/server.key"},
	{id: "key-mismatch", prefixes: []string{"SSL_CTX_use_PrivateKey("}, contains: []string{"key values mismatch"}, text: fixedText("key values mismatch"), perPath: true,
		example:    `2026/11/22 17:44:21 [emerg] 28972#28972: SSL_CTX_use_PrivateKey("/etc/nginx/certs/server.key") failed (SSL: error:05800074:x509 certificate routines::key values mismatch)`,
		exampleKey: "key-mismatch:/etc/nginx/certs/server.key"},
	{id: "cert-load-failed", prefixes: []string{"cannot load certificate", "SSL_CTX_use_certificate(", "SSL_CTX_set0_chain("}, text: sslReasonText, grouped: true, perPath: true,
		example:    `2026/11/22 17:44:21 [emerg] 28972#28972: SSL_CTX_use_certificate("/etc/nginx/certs/server.crt") failed (SSL: error:0A00018F:SSL routines::ee key too small)`,
		exampleKey: "cert-load-failed:ee key too small:/etc/nginx/certs/server.crt"},
	// Any other SSL line that stops nginx from starting, OCSP stapling's
	// directives misspelt or misplaced among them.
	{id: "startup-failed", levels: []string{"emerg"}, contains: []string{"SSL", "ssl_"}, text: startupText, grouped: true, perPath: true,
		example:    `2026/11/22 17:44:21 [emerg] 1#1: no ssl_client_certificate for ssl_verify_client`,
		exampleKey: "startup-failed:no ssl_client_certificate for ssl_verify_client"},
	// nginx as the client of Lua cosockets and of OCSP responders.
	{id: "lua-verify-error", prefixes: []string{"lua ssl certificate verify error: "}, text: parenText, grouped: true, role: RoleClient,
		example:    `2021/03/02 10:11:12 [error] 3823#3823: *28163 lua ssl certificate verify error: (20: unable to get local issuer certificate), context: ssl_certificate_by_lua*, client: 172.31.51.89, server: 0.0.0.0:443`,
		exampleKey: "lua-verify-error:20: unable to get local issuer certificate"},
	{id: "stapling-failed", contains: []string{"ssl_stapling", "OCSP", "while requesting certificate status"}, text: staplingText, grouped: true, role: RoleClient,
		example:    `2026/12/02 09:05:19 [warn] 23365#23365: "ssl_stapling" ignored, issuer certificate not found for certificate "/etc/nginx/certs/server.crt"`,
		exampleKey: "stapling-failed:\"ssl_stapling\" ignored, issuer certificate not found for certificate"},
	// Reads and writes on an established connection: with a client or,
	// by the line's own words, an upstream.
	{id: "handshake-failed", prefixes: []string{"SSL_read() failed", "SSL_write() failed", "SSL_shutdown() failed"}, text: sslReasonText, grouped: true, attribute: true,
		example:    `2026/12/05 10:00:00 [crit] 2100#2100: *318 SSL_read() failed (SSL: error:0A000126:SSL routines::unexpected eof while reading) while keepalive, client: 203.0.113.50, server: 0.0.0.0:443`,
		exampleKey: "handshake-failed:unexpected eof while reading"},
	// A connection reset or gone while nginx was handshaking with a
	// client or, by the line's own words, with an upstream.
	{id: "handshake-failed", prefixes: []string{"recv() failed", "send() failed", "writev() failed"}, contains: []string{" while SSL handshaking"},
		text: beforeWhile, grouped: true, attribute: true,
		example:    `2024/04/16 13:18:11 [info] 11585#11585: *19631 recv() failed (104: Connection reset by peer) while SSL handshaking, client: 100.122.201.64, server: 0.0.0.0:443`,
		exampleKey: "handshake-failed:recv() failed (104: Connection reset by peer)"},
	{id: "handshake-failed", prefixes: []string{"no \"ssl_certificate\" is defined in server listening on SSL port"}, text: beforeWhile, grouped: true,
		example:    `2026/12/02 09:05:19 [error] 23365#23365: *7 no "ssl_certificate" is defined in server listening on SSL port while SSL handshaking, client: 127.0.0.1, server: 0.0.0.0:443`,
		exampleKey: "handshake-failed:no \"ssl_certificate\" is defined in server listening on SSL port"},
	// nginx's debug trace of each handshake and read ("SSL_do_handshake:
	// -1", "SSL_get_error: 2"): routine steps, one group.
	{id: "tls-debug", levels: []string{"debug"}, contains: []string{"SSL", "TLS", "ssl_", "OCSP", "ssl ", `"ssl"`}, text: fixedText("debug"),
		example:    `2025/09/17 17:08:44 [debug] 3407365#3407365: *1 SSL_do_handshake: -1`,
		exampleKey: "tls-debug"},
	// Every other line that mentions TLS: counted and shown, never dropped.
	{id: "tls-unexplained", contains: []string{"SSL", "TLS", "ssl_", "OCSP", "ssl ", `"ssl"`}, text: unexplainedText, grouped: true, attribute: true,
		example:    `2026/11/22 17:44:21 [crit] 28#28: *9 SSL_peek() failed (SSL: error:0A0000C1:SSL routines::no shared cipher) while processing HTTP/2 connection, client: 127.0.0.1, server: 0.0.0.0:443`,
		exampleKey: "tls-unexplained:no shared cipher"},
})

// staplingText is an OCSP line up to its variable part (a file, an
// address): "\"ssl_stapling\" ignored, issuer certificate not found".
func staplingText(msg, _ []byte) []byte {
	m := beforeWhile(msg, nil)
	for _, cut := range [][]byte{[]byte(` "`), []byte(" ("), []byte(", responder")} {
		if i := bytes.Index(m, cut); i > 0 {
			m = m[:i]
		}
	}
	return m
}

// parenText is what follows the prefix up to its closing parenthesis:
// "(20: unable to get local issuer certificate), context: ..." gives
// "20: unable to get local issuer certificate".
func parenText(_, after []byte) []byte {
	if i := bytes.IndexByte(after, ')'); i >= 0 {
		after = after[:i]
	}
	return bytes.TrimPrefix(after, []byte("("))
}

// startupText is a start-up line's reason, else its message without
// the file names: lines about different files share a group.
func startupText(msg, after []byte) []byte {
	if r := sslReason(msg); len(r) > 0 {
		return r
	}
	return staplingText(msg, after)
}

// unexplainedText groups other TLS lines by their reason, else their
// message up to a file, address or code.
func unexplainedText(msg, after []byte) []byte {
	t := startupText(msg, after)
	if bytes.Count(t, []byte(" ")) < 2 {
		// A message that quotes a directive early ("the \"ssl\" directive
		// is deprecated ... in FILE"): up to the file it names.
		t = beforeWhile(msg, nil)
		if i := bytes.Index(t, []byte(" in /")); i > 0 {
			t = t[:i]
		}
	}
	return t
}

// errorNeedles find candidate error-log lines: every mTLS message nginx
// writes contains one of them ("SSL" covers verify errors, 496, handshake
// failures, stale errors and SSL_CTX_* start-up errors; "HTTPS port" the
// 497 line; "ssl_" start-up lines such as "no ssl_client_certificate",
// `"ssl"` the deprecation warning of the "ssl" directive, and Lua's "lua
// ssl certificate verify error"; "while requesting certificate status"
// what OCSP stapling's requests log, such as "no resolver defined to
// resolve ocsp.example.org", which hold no upper-case word; and another
// program's lower-case "tls: " or "x509" in a stream of several services:
// Go's "x509: certificate signed by unknown authority"). Each needle is
// led by a byte that is rare in error logs, so the upper-case patterns
// share the anchor 'S' ("OCSP" and "TLS" hold one too); 's', 'q', 'l' and
// 'x' are not rare, so they count only with the byte their pattern has
// after them ('l' two bytes after the 's' of "ssl", 'i' five after the 'q'
// of "requesting", ':' two after the 'l' of "tls", '9' three after the 'x'
// of "x509"). One pass finds them all (internal/anchors).
var errorNeedles = errorNeedleSet(anchors.Fast())

// errorNeedleSet is errorNeedles with the fast search (fast) or without
// it. With it, "ssl_", `"ssl"` and Lua's verify error share one needle, the
// "s?l" of "ssl", as the search tests partners at no cost; without it 's'
// is too common to stop on, and rarer bytes lead each pattern.
func errorNeedleSet(fast bool) []needle {
	upper := newNeedle('S', "SSL", "HTTPS port", "OCSP", "TLS")
	stapling := newNeedle('q', "while requesting certificate status").withPartner(5)
	// Go's and other programs' lower-case "tls: " (another service's line
	// in a docker-compose or journald stream): the 'l' of "tls" with the
	// ':' two bytes on, a pair nginx's own lines do not hold.
	lower := newNeedle('l', "tls: ").withPartner(2)
	// Go's "x509: " without "tls: " (Go before 1.20, and its certificate
	// parser's errors) and OpenSSL 1.x's "x509 certificate routines".
	x509 := newNeedle('x', "x509").withPartner(3)
	if fast {
		return []needle{upper, newNeedle('s', "ssl_", `"ssl"`, "lua ssl certificate verify error").withPartner(2), stapling, lower, x509}
	}
	return []needle{upper, newNeedle('_', "ssl_"), newNeedle('y', "lua ssl certificate verify error"), newNeedle('"', `"ssl"`), stapling, lower, x509}
}

// An errorKind is one kind of error-log line: which lines are of the kind
// and what their Event says.
type errorKind struct {
	// id is the finding id of the kind's events.
	id string
	// prefixes: the message (after "PID#TID: *CONN ") starts with one of
	// them; none means any message.
	prefixes []string
	// contains: the message also contains one of them (none: no condition).
	contains []string
	// levels: the line is logged at one of them (none: any level).
	levels []string
	// text is the event's Text, from the message and what follows the
	// prefix (nil: none); grouped makes the Key id:text, so that each text
	// is a group of its own (else the Key is the id).
	text    func(msg, after []byte) []byte
	grouped bool
	// perPath adds the file a load error names to the Key (loadpath.go).
	perPath bool
	// parse, for a kind that needs more, makes the Text, Key and Code
	// itself; false drops the line.
	parse func(msg, after []byte, in *interner) (text, key string, code int, ok bool)
	// role is nginx's role in the handshake of the kind's lines ("":
	// server, or the line's own Attribution when attribute is set).
	role      string
	attribute bool
	// example is a line of the kind as nginx writes it, and exampleKey
	// the Key its event must have.
	example, exampleKey string

	// The same as bytes, made once by compileKinds.
	bPrefixes, bContains, bLevels [][]byte
	keyPrefix                     string
}

func compileKinds(kinds []errorKind) []errorKind {
	asBytes := func(ss []string) [][]byte {
		var out [][]byte
		for _, s := range ss {
			out = append(out, []byte(s))
		}
		return out
	}
	for i := range kinds {
		k := &kinds[i]
		k.bPrefixes, k.bContains, k.bLevels = asBytes(k.prefixes), asBytes(k.contains), asBytes(k.levels)
		k.keyPrefix = k.id + ":"
	}
	return kinds
}

// matches reports whether a line with this message and level is of the
// kind, and returns what follows the prefix.
func (k *errorKind) matches(msg, level []byte) (after []byte, ok bool) {
	after = msg
	if len(k.bPrefixes) > 0 {
		for _, p := range k.bPrefixes {
			if bytes.HasPrefix(msg, p) {
				after, ok = msg[len(p):], true
				break
			}
		}
		if !ok {
			return nil, false
		}
	}
	if len(k.bLevels) > 0 && !anyEqual(level, k.bLevels) {
		return nil, false
	}
	if len(k.bContains) > 0 && !anyContained(msg, k.bContains) {
		return nil, false
	}
	return after, true
}

// event is what the line says: its Text, Key and Code; false drops the
// line. (It returns values rather than filling in an Event, which would
// then escape to the heap through the function values.)
func (k *errorKind) event(msg, after []byte, in *interner) (text, key string, code int, ok bool) {
	if k.parse != nil {
		return k.parse(msg, after, in)
	}
	key = k.id
	if k.text == nil {
		return "", key, 0, true
	}
	t := k.text(msg, after)
	if k.grouped {
		key = in.key(k.keyPrefix, reasonKey(t))
	}
	if k.perPath {
		key = perPathKey(k, key, t, msg, in)
	}
	return in.str(t), key, 0, true
}

// reasonKey is the reason t as groups are keyed by it: OpenSSL 3.2
// renamed "sslv3 alert X" to "ssl/tls alert X", and one failure logged by
// two versions is one group.
func reasonKey(t []byte) []byte {
	if rest, ok := bytes.CutPrefix(t, []byte("ssl/tls alert ")); ok {
		return append([]byte("sslv3 alert "), rest...)
	}
	return t
}

func anyEqual(b []byte, list [][]byte) bool {
	for _, x := range list {
		if bytes.Equal(b, x) {
			return true
		}
	}
	return false
}

func anyContained(b []byte, list [][]byte) bool {
	for _, x := range list {
		if bytes.Contains(b, x) {
			return true
		}
	}
	return false
}

// Examples are the example lines of the kinds of error-log line, one per
// kind, in the table's order: real lines for the tests of what each kind
// becomes.
func Examples() []string {
	out := make([]string, len(errorKinds))
	for i, k := range errorKinds {
		out[i] = k.example
	}
	return out
}
