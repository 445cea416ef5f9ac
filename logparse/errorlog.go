package logparse

import (
	"bytes"
	"time"
)

// errorNeedles find candidate error-log lines: every mTLS message nginx
// writes contains one of them ("SSL" covers verify errors, 496, handshake
// failures, stale errors and SSL_CTX_* start-up errors; "HTTPS port" the
// 497 line; "ssl_" start-up lines such as "no ssl_client_certificate").
// Each is found by a byte that is rare in error logs: upper-case 'S', '_'.
var errorNeedles = []needle{newNeedle('S', "SSL", "HTTPS port"), newNeedle('_', "ssl_")}

// IsErrorLine reports whether line starts like an nginx error-log line:
// "YYYY/MM/DD HH:MM:SS [level] ".
func IsErrorLine(line []byte) bool {
	if len(line) < 22 {
		return false
	}
	for i, c := range line[:19] {
		switch i {
		case 4, 7:
			if c != '/' {
				return false
			}
		case 10:
			if c != ' ' {
				return false
			}
		case 13, 16:
			if c != ':' {
				return false
			}
		default:
			if c < '0' || c > '9' {
				return false
			}
		}
	}
	return line[19] == ' ' && line[20] == '['
}

func num(b []byte) int {
	n := 0
	for _, c := range b {
		n = n*10 + int(c-'0')
	}
	return n
}

func errorTime(line []byte) time.Time {
	return time.Date(num(line[0:4]), time.Month(num(line[5:7])), num(line[8:10]),
		num(line[11:13]), num(line[14:16]), num(line[17:19]), 0, time.Local)
}

var (
	bVerifyError  = []byte("client SSL certificate verify error: ")
	bUpstreamVerr = []byte("upstream SSL certificate verify error: ")
	bNoCert       = []byte("client sent no required SSL certificate")
	bPlainHTTP    = []byte("client sent plain HTTP request to HTTPS port")
	bHandshake    = []byte("SSL_do_handshake() failed")
	bStale        = []byte("ignoring stale global SSL error")
	bLoadKey      = []byte("cannot load certificate key")
	bLoadCert     = []byte("cannot load certificate")
	bUsePrivKey   = []byte("SSL_CTX_use_PrivateKey(")
	bMismatch     = []byte("key values mismatch")
	bClientClosed = []byte("client closed connection while SSL handshaking")
	bPeerClosed   = []byte("peer closed connection in SSL handshake")
	bWhile        = []byte(" while ")
	bClientCtx    = []byte(", client: ")
	bSSLQueue     = []byte("(SSL: ")
	bEmerg        = []byte("emerg")
)

var passphraseReasons = [][]byte{
	[]byte("bad decrypt"), []byte("maybe wrong password"), []byte("bad password read"),
	[]byte("empty password"), []byte("problems getting password"),
}

// ParseErrorLine recognises one nginx error-log line. It returns false for
// lines that are not nginx error-log lines or not about TLS.
func ParseErrorLine(line []byte) (Event, bool) { return parseErrorLine(line, nil) }

func parseErrorLine(line []byte, in *interner) (Event, bool) {
	line = bytes.TrimSuffix(line, []byte{'\r'})
	if !IsErrorLine(line) {
		return Event{}, false
	}
	lvlEnd := bytes.IndexByte(line[21:], ']')
	if lvlEnd < 0 {
		return Event{}, false
	}
	level := line[21 : 21+lvlEnd]
	rest := line[21+lvlEnd+1:]
	// " PID#TID: " then an optional "*CONN ".
	if i := bytes.Index(rest, []byte(": ")); i >= 0 && i < 32 {
		rest = rest[i+2:]
	}
	if len(rest) > 0 && rest[0] == '*' {
		if i := bytes.IndexByte(rest, ' '); i >= 0 {
			rest = rest[i+1:]
		}
	}
	msg := rest
	client := ""
	if i := bytes.Index(rest, bClientCtx); i >= 0 {
		msg = rest[:i]
		c := rest[i+len(bClientCtx):]
		if j := bytes.IndexByte(c, ','); j >= 0 {
			c = c[:j]
		}
		client = in.str(c)
	}
	e := Event{Level: in.str(level), Client: client, Line: line, Source: ErrorLog}
	switch {
	case bytes.HasPrefix(msg, bVerifyError):
		e.ID = "verify-error"
		v := msg[len(bVerifyError):]
		// The text may contain parentheses but not ") while ".
		if w := bytes.Index(v, []byte(") while ")); w >= 0 {
			v = v[:w+1]
		} else if w := bytes.LastIndex(v, bWhile); w >= 0 {
			v = v[:w]
		}
		if len(v) > 2 && v[0] == '(' && v[len(v)-1] == ')' {
			// "(%d:%s)": the text itself may contain parentheses.
			inner := v[1 : len(v)-1]
			c := bytes.IndexByte(inner, ':')
			if c <= 0 || !digits(inner[:c]) {
				return Event{}, false
			}
			e.Code = num(inner[:c])
			e.Text = in.str(inner[c+1:])
			e.Key = in.key("verify-error:", inner[:c])
		} else {
			// OCSP results have no code: "certificate status request failed".
			e.Text = string(v)
			e.Key = "verify-error:" + e.Text
		}
	case bytes.HasPrefix(msg, bNoCert):
		e.ID, e.Key = "no-client-cert", "no-client-cert"
	case bytes.HasPrefix(msg, bPlainHTTP):
		e.ID, e.Key = "plain-http", "plain-http"
	case bytes.HasPrefix(msg, bHandshake):
		e.ID = "handshake-failed"
		e.Text = sslReason(msg, in)
		e.Key = in.key("handshake-failed:", []byte(e.Text))
	case bytes.HasPrefix(msg, bClientClosed), bytes.HasPrefix(msg, bPeerClosed):
		e.ID = "handshake-failed"
		if w := bytes.Index(msg, bWhile); w >= 0 {
			msg = msg[:w]
		}
		e.Text = string(msg)
		e.Key = "handshake-failed:" + e.Text
	case bytes.HasPrefix(msg, bStale):
		e.ID, e.Key = "stale-ssl-error", "stale-ssl-error"
		e.Text = sslReason(msg, in)
	case bytes.HasPrefix(msg, bUpstreamVerr):
		e.ID = "upstream-verify-error"
		v := msg[len(bUpstreamVerr):]
		if w := bytes.LastIndex(v, bWhile); w >= 0 {
			v = v[:w]
		}
		e.Text = string(bytes.Trim(v, "()"))
		e.Key = "upstream-verify-error:" + e.Text
	case bytes.HasPrefix(msg, bLoadKey):
		e.Text = sslReason(msg, in)
		e.ID = "key-load-failed"
		for _, r := range passphraseReasons {
			if bytes.Contains(msg, r) {
				e.ID = "bad-passphrase"
				break
			}
		}
		e.Key = e.ID
	case bytes.HasPrefix(msg, bUsePrivKey) && bytes.Contains(msg, bMismatch):
		e.ID, e.Key, e.Text = "key-mismatch", "key-mismatch", "key values mismatch"
	case bytes.HasPrefix(msg, bLoadCert), bytes.HasPrefix(msg, []byte("SSL_CTX_use_certificate(")),
		bytes.HasPrefix(msg, []byte("SSL_CTX_set0_chain(")):
		e.ID = "cert-load-failed"
		e.Text = sslReason(msg, in)
		e.Key = "cert-load-failed:" + e.Text
	case (bytes.Equal(level, bEmerg) || bytes.Equal(level, []byte("crit"))) && (bytes.Contains(msg, []byte("SSL")) || bytes.Contains(msg, []byte("ssl_"))):
		e.ID = "startup-failed"
		e.Text = string(msg)
		if r := sslReason(msg, in); r != "" {
			e.Text = r
		}
		e.Key = "startup-failed"
	default:
		return Event{}, false
	}
	e.Time = errorTime(line)
	return e, true
}

// lastEntry finds the last "error:XXXXXXXX:" in an OpenSSL error queue.
// Reason texts may themselves contain "error:" ("pkcs12 cipherfinal
// error:maybe wrong password"), so the eight hex digits must follow.
func lastEntry(q []byte) int {
	for end := len(q); ; {
		i := bytes.LastIndex(q[:end], []byte("error:"))
		if i < 0 {
			return -1
		}
		h := q[i+6:]
		if len(h) > 8 && h[8] == ':' && hex8(h[:8]) {
			return i
		}
		end = i
	}
}

func hex8(b []byte) bool {
	for _, c := range b {
		if !('0' <= c && c <= '9' || 'A' <= c && c <= 'F' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// interner turns repeated byte strings (levels, verify texts, reasons,
// client addresses) into shared strings, so a recognised line allocates
// nothing once its strings have been seen. It is bounded; a nil interner
// just converts.
type interner struct {
	m    map[string]string
	keys map[string]string
}

const maxInterned = 4096

func newInterner() *interner {
	return &interner{m: map[string]string{}, keys: map[string]string{}}
}

func (in *interner) str(b []byte) string {
	if in == nil {
		return string(b)
	}
	if s, ok := in.m[string(b)]; ok {
		return s
	}
	s := string(b)
	if len(in.m) < maxInterned {
		in.m[s] = s
	}
	return s
}

// key returns prefix+b, interned by b.
func (in *interner) key(prefix string, b []byte) string {
	if in == nil {
		return prefix + string(b)
	}
	if s, ok := in.keys[string(b)]; ok && len(s) == len(prefix)+len(b) && s[:len(prefix)] == prefix {
		return s
	}
	s := prefix + string(b)
	if len(in.keys) < maxInterned {
		in.keys[string(b)] = s
	}
	return s
}

func digits(b []byte) bool {
	if len(b) == 0 || len(b) > 4 {
		return false
	}
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// sslReason extracts the reason of the last entry of nginx's "(SSL: ...)"
// error queue: "error:0A000418:SSL routines::tlsv1 alert unknown ca:SSL
// alert number 48" gives "tlsv1 alert unknown ca". OpenSSL 1.1.1 fills in
// the function field (…:ssl3_read_bytes:reason); 3.0 leaves it empty; the
// reason is the fifth colon-separated field either way.
func sslReason(msg []byte, in *interner) string {
	q := bytes.Index(msg, bSSLQueue)
	if q < 0 {
		return ""
	}
	queue := msg[q+len(bSSLQueue):]
	if i := bytes.LastIndexByte(queue, ')'); i >= 0 {
		queue = queue[:i]
	}
	last := lastEntry(queue)
	if last < 0 {
		return in.str(bytes.TrimSpace(queue))
	}
	entry := queue[last:]
	fields := bytes.SplitN(entry, []byte{':'}, 5)
	if len(fields) < 5 {
		return string(entry)
	}
	reason := fields[4]
	if i := bytes.Index(reason, []byte(":SSL alert number")); i >= 0 {
		reason = reason[:i]
	}
	return in.str(bytes.TrimSpace(reason))
}
