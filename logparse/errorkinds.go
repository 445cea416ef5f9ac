package logparse

import "bytes"

// errorKinds are the kinds of nginx error-log line about mutual TLS, in
// the order they are tried: the first kind a line matches is its kind. A
// new kind is one entry here, with its id's entry in the catalogue (the
// words of its finding) and a test line in logparse_test.go. Every kind's
// lines must contain one of errorNeedles, or the scanner never parses them
// (TestErrorKindsFound checks the prefixes).
var errorKinds = compileKinds([]errorKind{
	{id: "verify-error", prefixes: []string{"client SSL certificate verify error: "}, parse: verifyEvent},
	{id: "no-client-cert", prefixes: []string{"client sent no required SSL certificate"}},
	{id: "plain-http", prefixes: []string{"client sent plain HTTP request to HTTPS port"}},
	{id: "handshake-failed", prefixes: []string{"SSL_do_handshake() failed"}, text: sslReasonText, grouped: true},
	{id: "handshake-failed", prefixes: []string{"client closed connection while SSL handshaking", "peer closed connection in SSL handshake"},
		text: beforeWhile, grouped: true},
	{id: "stale-ssl-error", prefixes: []string{"ignoring stale global SSL error"}, text: sslReasonText},
	{id: "upstream-verify-error", prefixes: []string{"upstream SSL certificate verify error: "}, text: codeAndText, grouped: true},
	{id: "bad-passphrase", prefixes: []string{"cannot load certificate key"}, text: sslReasonText,
		contains: []string{"bad decrypt", "maybe wrong password", "bad password read", "empty password", "problems getting password"}},
	{id: "key-load-failed", prefixes: []string{"cannot load certificate key"}, text: sslReasonText},
	{id: "key-mismatch", prefixes: []string{"SSL_CTX_use_PrivateKey("}, contains: []string{"key values mismatch"}, text: fixedText("key values mismatch")},
	{id: "cert-load-failed", prefixes: []string{"cannot load certificate", "SSL_CTX_use_certificate(", "SSL_CTX_set0_chain("}, text: sslReasonText, grouped: true},
	// Any other SSL line that stops nginx from starting.
	{id: "startup-failed", levels: []string{"emerg", "crit"}, contains: []string{"SSL", "ssl_"}, text: sslReasonOrMessage},
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
