package logparse

import "bytes"

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
	{id: "handshake-failed", prefixes: []string{"SSL_do_handshake() failed"}, contains: []string{" while SSL handshaking to upstream"},
		parse: func(msg, _ []byte, in *interner) (string, string, int, bool) {
			r := sslReason(msg)
			return in.str(r), in.key("handshake-failed:upstream:", r), 0, true
		},
		example:    `2026/12/02 09:05:19 [error] 23365#23365: *1 SSL_do_handshake() failed (SSL: error:0A000410:SSL routines::sslv3 alert handshake failure:SSL alert number 40) while SSL handshaking to upstream, client: 127.0.0.1, server: , request: "GET / HTTP/1.1", upstream: "https://127.0.0.1:19443/", host: "127.0.0.1:18445"`,
		exampleKey: "handshake-failed:upstream:sslv3 alert handshake failure"},
	{id: "handshake-failed", prefixes: []string{"SSL_do_handshake() failed"}, text: sslReasonText, grouped: true,
		example:    `2026/11/22 17:43:33 [info] 24113#24113: *1 SSL_do_handshake() failed (SSL: error:0A000418:SSL routines::tlsv1 alert unknown ca:SSL alert number 48) while SSL handshaking, client: 127.0.0.1, server: 127.0.0.1:18458`,
		exampleKey: "handshake-failed:tlsv1 alert unknown ca"},
	{id: "handshake-failed", prefixes: []string{"client closed connection while SSL handshaking", "peer closed connection in SSL handshake"},
		text: beforeWhile, grouped: true,
		example:    `2026/11/22 17:43:00 [info] 19735#19735: *1 client closed connection while SSL handshaking, client: 127.0.0.1, server: 127.0.0.1:18446`,
		exampleKey: "handshake-failed:client closed connection"},
	{id: "stale-ssl-error", prefixes: []string{"ignoring stale global SSL error"}, text: sslReasonText,
		example:    `2026/11/22 17:44:18 [alert] 28978#28978: *26 ignoring stale global SSL error (SSL: error:02000084:rsa routines::data too large for modulus) while waiting for request, client: 127.0.0.2, server: 127.0.0.1:18506`,
		exampleKey: "stale-ssl-error"},
	{id: "upstream-verify-error", prefixes: []string{"upstream SSL certificate verify error: "}, text: codeAndText, grouped: true,
		example:    `2026/11/22 17:44:18 [error] 28978#28978: *4 upstream SSL certificate verify error: (10:certificate has expired) while SSL handshaking to upstream, client: 10.0.0.4, server: localhost`,
		exampleKey: "upstream-verify-error:10:certificate has expired"},
	{id: "bad-passphrase", prefixes: []string{"cannot load certificate key"}, text: sslReasonText,
		contains:   []string{"bad decrypt", "maybe wrong password", "bad password read", "empty password", "problems getting password"},
		example:    `2026/11/22 17:44:21 [emerg] 28972#28972: cannot load certificate key "/etc/nginx/certs/server.key": PEM_read_bio_PrivateKey() failed (SSL: error:1C800064:Provider routines::bad decrypt error:11800074:PKCS12 routines::pkcs12 cipherfinal error:maybe wrong password)`,
		exampleKey: "bad-passphrase"},
	{id: "key-load-failed", prefixes: []string{"cannot load certificate key"}, text: sslReasonText,
		example:    `2026/11/22 17:44:21 [emerg] 28972#28972: cannot load certificate key "/etc/nginx/certs/server.key": PEM_read_bio_PrivateKey() failed (SSL: error:1E08010C:DECODER routines::unsupported)`,
		exampleKey: "key-load-failed"},
	{id: "key-mismatch", prefixes: []string{"SSL_CTX_use_PrivateKey("}, contains: []string{"key values mismatch"}, text: fixedText("key values mismatch"),
		example:    `2026/11/22 17:44:21 [emerg] 28972#28972: SSL_CTX_use_PrivateKey("/etc/nginx/certs/server.key") failed (SSL: error:05800074:x509 certificate routines::key values mismatch)`,
		exampleKey: "key-mismatch"},
	{id: "cert-load-failed", prefixes: []string{"cannot load certificate", "SSL_CTX_use_certificate(", "SSL_CTX_set0_chain("}, text: sslReasonText, grouped: true,
		example:    `2026/11/22 17:44:21 [emerg] 28972#28972: SSL_CTX_use_certificate("/etc/nginx/certs/server.crt") failed (SSL: error:0A00018F:SSL routines::ee key too small)`,
		exampleKey: "cert-load-failed:ee key too small"},
	// Any other SSL line that stops nginx from starting.
	{id: "startup-failed", levels: []string{"emerg", "crit"}, contains: []string{"SSL", "ssl_"}, text: sslReasonOrMessage,
		example:    `2026/11/22 17:44:21 [emerg] 1#1: no ssl_client_certificate for ssl_verify_client`,
		exampleKey: "startup-failed"},
})

// errorNeedles find candidate error-log lines: every mTLS message nginx
// writes contains one of them ("SSL" covers verify errors, 496, handshake
// failures, stale errors and SSL_CTX_* start-up errors; "HTTPS port" the
// 497 line; "ssl_" start-up lines such as "no ssl_client_certificate").
// Each is found by a byte that is rare in error logs: upper-case 'S', '_'.
var errorNeedles = []needle{newNeedle('S', "SSL", "HTTPS port"), newNeedle('_', "ssl_")}

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
	// parse, for a kind that needs more, makes the Text, Key and Code
	// itself; false drops the line.
	parse func(msg, after []byte, in *interner) (text, key string, code int, ok bool)
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
		key = in.key(k.keyPrefix, t)
	}
	return in.str(t), key, 0, true
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
