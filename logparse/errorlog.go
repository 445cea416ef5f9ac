package logparse

import (
	"bytes"
	"hash/maphash"
	"time"
	"unicode/utf8"
	"unsafe"

	"github.com/mtlsdoctor/mtlsdoctor/internal/lazyre"
)

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
	bWhile      = []byte(" while ")
	bWhileParen = []byte(") while ")
	bClientCtx  = []byte(", client: ")
	bSSLQueue   = []byte("(SSL: ")
)

// ParseErrorLine recognises one nginx error-log line. It returns false for
// lines that are not nginx error-log lines or not about TLS.
func ParseErrorLine(line []byte) (Event, bool) { return parseErrorLine(line, nil) }

func parseErrorLine(line []byte, in *interner) (Event, bool) {
	if n := len(line); n > 0 && line[n-1] == '\r' {
		line = line[:n-1]
	}
	start, timed, ok := errorStart(line)
	if !ok {
		return otherTLSLine(line, in)
	}
	level, msg, client, ok := splitErrorLine(line[start:], timed)
	if !ok {
		return Event{}, false
	}
	var t time.Time
	if timed {
		t = in.time(line[start:])
	}
	m, ok := in.message(level, msg)
	if !ok {
		m = kindOf(line, level, msg, in)
	}
	if !m.ok {
		return Event{}, false
	}
	if m.attribute && in.role(line, msg) == RoleClient {
		// Groups are keyed by (role, cause).
		m.role, m.key = RoleClient, in.clientKey(m.key)
	}
	return Event{ID: m.id, Key: m.key, Code: m.code, Text: m.text, Level: m.level, Time: t,
		Client: in.view(client), Line: line, Source: ErrorLog, Role: m.role}, true
}

// otherWords are the words that make another program's line in an nginx
// error stream a TLS line. Each holds one of errorNeedles' words, so that
// the scanner (which parses only lines that hold one) and a followed log
// (every line parsed) count the same lines.
var otherWords = [][]byte{[]byte("SSL"), []byte("TLS"), []byte("ssl_"), []byte("OCSP"), []byte("tls: "), []byte("x509")}

// otherTLSLine is a line that is not nginx's but speaks of TLS, in a
// stream that holds nginx's error log among other programs' lines (a
// docker-compose or journald stream of several services): counted in a
// tls-unexplained group of its own reason, which logs then tells as
// explain does, so that no TLS line of the stream is dropped.
func otherTLSLine(line []byte, in *interner) (Event, bool) {
	if bytes.IndexByte(line, 0) >= 0 || !utf8.Valid(line) {
		return Event{}, false // not text
	}
	found := false
	for _, w := range otherWords {
		if bytes.Contains(line, w) {
			found = true
			break
		}
	}
	if !found {
		return Event{}, false
	}
	// Its words after a container's, syslog's or journald's prefix, and the
	// program that prefix names.
	msg := bytes.TrimSpace(line)
	var prog []byte
	if i := bytes.Index(msg, []byte("| ")); i >= 0 && i < 40 {
		prog = bytes.TrimSpace(msg[:i])
		msg = bytes.TrimSpace(msg[i+2:])
	}
	if m := reOtherPrefix.Re().FindSubmatchIndex(msg); m != nil {
		prog = msg[m[2]:m[3]]
		msg = msg[m[1]:]
	}
	if bytes.HasPrefix(msg, []byte("at ")) || bytes.HasPrefix(msg, []byte("#")) {
		return Event{}, false // a frame of a stack trace, or a comment
	}
	// Its group: the program and its OpenSSL reason, else its first words
	// without numbers (addresses, ports and times differ from line to
	// line of one message).
	text := sslReason(line)
	if len(text) == 0 {
		text = firstWords(msg, 5, false)
	}
	if len(text) == 0 {
		// It opens with a number (a time, a code): its first words
		// without numbers, so that lines of unlike messages do not
		// share one group.
		text = firstWords(msg, 5, true)
	}
	key := "tls-unexplained:" + string(text)
	if len(prog) > 0 {
		// One program's lines apart from another's; the text stays the
		// words the lines hold (a fix searches for them).
		key = "tls-unexplained:" + string(prog) + ": " + string(text)
	}
	role := Attribute(string(line)).Role
	if role == RoleClient {
		key = in.clientKey(key)
	}
	return Event{ID: "tls-unexplained", Key: key, Text: in.str(text), Line: line, Source: ErrorLog, Role: role}, true
}

// reOtherPrefix is a syslog or journald prefix (its time, host, and
// program with its pid) before another program's message.
var reOtherPrefix = lazyre.New(`^(?:[A-Z][a-z]{2} +\d{1,2} \d\d:\d\d:\d\d|\d{4}-\d\d-\d\d[T ][\d:.,+Z-]+) \S+ ([^\s:\[]+)(?:\[\d+\])?: `)

// firstWords is the first n words of msg, up to the first that holds a
// digit (an address, a port, a time), or with skip those words left out
// (among the first skipWithin words), at most 100 bytes and never cut
// inside a character: text that the lines hold as it is.
func firstWords(msg []byte, n int, skip bool) []byte {
	var out []byte
	for i, w := range bytes.Fields(msg) {
		if n == 0 || len(out)+len(w) > 100 || skip && i == skipWithin {
			break
		}
		if bytes.ContainsAny(w, "0123456789") {
			if skip {
				continue
			}
			break
		}
		if len(out) > 0 {
			out = append(out, ' ')
		}
		out = append(out, w...)
		n--
	}
	for !utf8.Valid(out) {
		out = out[:len(out)-1]
	}
	return out
}

// skipWithin bounds how far firstWords looks past words with digits.
const skipWithin = 20

// message is what a line's level and message say: its kind's event
// without the time, client and line.
type message struct {
	ok                         bool
	id, key, text, level, role string
	code                       int
	// attribute: the role hangs on the rest of the line (the server's
	// unless Attribute says the client's).
	attribute bool
}

// kindOf reads a message by the first kind it matches, and remembers it
// in in; a message whose role hangs on the rest of the line is marked so.
func kindOf(line, level, msg []byte, in *interner) message {
	for i := range errorKinds {
		k := &errorKinds[i]
		after, ok := k.matches(msg, level)
		if !ok {
			continue
		}
		text, key, code, ok := k.event(msg, after, in)
		if !ok {
			return in.remember(level, msg, message{})
		}
		m := message{ok: true, id: k.id, key: key, code: code, text: text, level: in.str(level), role: k.role}
		if m.role != "" {
			return in.remember(level, msg, m)
		}
		m.role, m.attribute = RoleServer, k.attribute
		return in.remember(level, msg, m)
	}
	return in.remember(level, msg, message{})
}

// levels are nginx's error-log levels, as written between brackets.
var levels = [][]byte{[]byte("[emerg] "), []byte("[alert] "), []byte("[crit] "), []byte("[error] "),
	[]byte("[warn] "), []byte("[notice] "), []byte("[info] "), []byte("[debug] ")}

// errorStart finds where the nginx part of a line begins, after what a
// pipeline put in front of it (journald and syslog "Nov 15 00:29:27 host
// nginx[25386]: ", `docker logs --timestamps`, docker-compose "nginx  | ",
// kubectl's pod and container), and whether it starts with nginx's time.
// Lines pasted without the time ("[info] 28#28: *3 ...") and start-up
// lines ("nginx: [emerg] ...") start at their level.
func errorStart(line []byte) (start int, timed, ok bool) {
	if IsErrorLine(line) {
		return 0, true, true
	}
	limit := len(line)
	if limit > 512 {
		limit = 512
	}
	for from := 0; from < limit; {
		i := bytes.IndexByte(line[from:limit], '[')
		if i < 0 {
			return 0, false, false
		}
		p := from + i
		for _, l := range levels {
			if bytes.HasPrefix(line[p:], l) {
				if p >= 20 && IsErrorLine(line[p-20:]) {
					return p - 20, true, true
				}
				return p, false, true
			}
		}
		from = p + 1
	}
	return 0, false, false
}

// splitErrorLine finds the level, the message and the client address of
// an error-log line that starts with nginx's time (timed) or its level.
func splitErrorLine(line []byte, timed bool) (level, msg, client []byte, ok bool) {
	if timed {
		line = line[20:]
	}
	lvlEnd := bytes.IndexByte(line, ']')
	if lvlEnd < 1 {
		return nil, nil, nil, false
	}
	level = line[1:lvlEnd]
	rest := line[lvlEnd+1:]
	rest = bytes.TrimLeft(rest, " ")
	// "PID#TID: " then an optional "*CONN ".
	if i := bytes.Index(rest, []byte(": ")); i >= 0 && i < 32 && bytes.IndexByte(rest[:i], '#') > 0 {
		rest = rest[i+2:]
	}
	if len(rest) > 0 && rest[0] == '*' {
		if i := bytes.IndexByte(rest, ' '); i >= 0 {
			rest = rest[i+1:]
		}
	}
	msg = rest
	if i := bytes.Index(rest, bClientCtx); i >= 0 {
		msg = rest[:i]
		client = rest[i+len(bClientCtx):]
		if j := bytes.IndexByte(client, ','); j >= 0 {
			client = client[:j]
		}
	}
	return level, msg, client, true
}

// IsErrorLike reports whether line holds an nginx error-log line, maybe
// behind a pipeline's prefix or without its time.
func IsErrorLike(line []byte) bool {
	_, _, ok := errorStart(line)
	return ok
}

// verifyEvent reads "client SSL certificate verify error: (N:text)" (or
// an OCSP result without a number) into e.
func verifyEvent(_, v []byte, in *interner) (text, key string, code int, ok bool) {
	// The text may contain parentheses but not ") while ".
	if w := bytes.Index(v, bWhileParen); w >= 0 {
		v = v[:w+1]
	} else if w := bytes.LastIndex(v, bWhile); w >= 0 {
		v = v[:w]
	}
	if len(v) > 2 && v[0] == '(' && v[len(v)-1] == ')' {
		// "(%d:%s)": the text itself may contain parentheses.
		inner := v[1 : len(v)-1]
		c := bytes.IndexByte(inner, ':')
		if c <= 0 || !digits(inner[:c]) {
			return "", "", 0, false
		}
		return in.str(inner[c+1:]), in.key("verify-error:", inner[:c]), num(inner[:c]), true
	}
	// OCSP results have no code: "certificate status request failed".
	text = string(v)
	return text, "verify-error:" + text, 0, true
}

// sslReasonText is the reason of the message's OpenSSL error queue.
func sslReasonText(msg, _ []byte) []byte { return sslReason(msg) }

// beforeWhile is the message up to nginx's " while ..." context.
func beforeWhile(msg, _ []byte) []byte {
	if w := bytes.Index(msg, bWhile); w >= 0 {
		return msg[:w]
	}
	return msg
}

// codeAndText is what follows the prefix, without the context and the
// parentheses: "(10:certificate has expired)" gives
// "10:certificate has expired".
func codeAndText(_, after []byte) []byte {
	if w := bytes.LastIndex(after, bWhile); w >= 0 {
		after = after[:w]
	}
	return bytes.Trim(after, "()")
}

// fixedText is a text that is always the same.
func fixedText(s string) func(msg, after []byte) []byte {
	b := []byte(s)
	return func(_, _ []byte) []byte { return b }
}

// lastEntry finds the last "error:XXXXXXXX:" in an OpenSSL error queue.
// Reason texts may themselves contain "error:" ("pkcs12 cipherfinal
// error:maybe wrong password"), so the eight hex digits must follow.
func lastEntry(q []byte) int {
	// Backwards over the colons: a colon that ends "error" and is
	// followed by eight hex digits and a colon starts an entry.
	for end := len(q); ; {
		c := bytes.LastIndexByte(q[:end], ':')
		if c < 0 {
			return -1
		}
		if i := c - 5; i >= 0 && string(q[i:c]) == "error" {
			h := q[c+1:]
			if len(h) > 8 && h[8] == ':' && hex8(h[:8]) {
				return i
			}
		}
		end = c
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
	// msgs remembers what the latest messages said, by a hash of their
	// level and text: most lines repeat a message seen just before.
	seed maphash.Seed
	msgs map[uint64]seenMessage
	// roles remembers the role Attribute gave a line, by the line without
	// what changes from one line to the next (its time, process and
	// connection numbers, client address): Attribute is costly and
	// reads only words those never hold.
	roles map[string]string
	// clientKeys holds "client:"+key by key.
	clientKeys map[string]string
	// The minute of the latest line, as written and as read.
	stamp [16]byte
	t     time.Time
}

const maxInterned = 4096

func newInterner() *interner {
	return &interner{m: map[string]string{}, keys: map[string]string{}, seed: maphash.MakeSeed(), msgs: map[uint64]seenMessage{}, roles: map[string]string{}, clientKeys: map[string]string{}}
}

// maxMessages bounds the messages an interner remembers; past it, it
// starts again.
const maxMessages = 1024

type seenMessage struct {
	level, msg string
	m          message
}

// hash is that of msg: a message seldom comes at two levels, and the
// level is compared anyway.
func (in *interner) hash(_, msg []byte) uint64 { return maphash.Bytes(in.seed, msg) }

// message returns what the message said when last seen at that level.
func (in *interner) message(level, msg []byte) (message, bool) {
	if in == nil {
		return message{}, false
	}
	s, ok := in.msgs[in.hash(level, msg)]
	if !ok || s.level != string(level) || s.msg != string(msg) {
		return message{}, false
	}
	return s.m, true
}

// role is Attribute(line).Role for an nginx error-log line whose message
// is msg, remembered by what Attribute reads in it, without what changes
// from line to line: the time (nginx's own, or a pipeline's before it),
// the process, thread and connection numbers (each run of digits counts as
// one), and a client address. That holds for a line with nginx's
// "[level] pid#tid: ": Attribute then reads nginx's words only, none of
// which is made of an address's characters or holds a digit but for
// "x509", which the line's head is checked for (TestRoleCacheWords).
// Other lines are attributed one by one.
func (in *interner) role(line, msg []byte) string {
	if in == nil {
		return Attribute(string(line)).Role
	}
	off := cap(line) - cap(msg) // msg is line[off : off+len(msg)]
	head, tail := line[:off], line[off+len(msg):]
	if IsErrorLine(line) {
		head = head[20:] // nginx's time, which IsErrorLine checked
	}
	if !hasPidTid(head) || holdsX509(head) {
		return Attribute(string(line)).Role
	}
	key := make([]byte, 0, len(line))
	for i := 0; i < len(head); i++ {
		c := head[i]
		if c >= '0' && c <= '9' {
			if i > 0 && head[i-1] >= '0' && head[i-1] <= '9' {
				continue
			}
			c = '0'
		}
		key = append(key, c)
	}
	key = append(append(key, msg...), 0)
	if bytes.HasPrefix(tail, bClientCtx) {
		addr := tail[len(bClientCtx):]
		if j := bytes.IndexByte(addr, ','); j >= 0 {
			addr = addr[:j]
		}
		if !isAddress(addr) {
			key = append(key, addr...)
		}
		tail = tail[len(bClientCtx)+len(addr):]
	}
	key = append(key, tail...)
	if r, ok := in.roles[string(key)]; ok {
		return r
	}
	r := Attribute(string(line)).Role
	if len(key) <= 1024 {
		if len(in.roles) >= maxMessages {
			clear(in.roles)
		}
		in.roles[string(key)] = r
	}
	return r
}

// holdsX509 reports whether b holds "x509" or "x.509", in any case.
func holdsX509(b []byte) bool {
	for _, w := range [...]string{"x509", "X509", "x.509", "X.509"} {
		if bytes.Contains(b, []byte(w)) {
			return true
		}
	}
	return false
}

// hasPidTid reports whether b holds nginx's "[level] pid#tid: ", in any
// case (what makes Attribute take a line for nginx's).
func hasPidTid(b []byte) bool {
	for from := 0; ; {
		i := bytes.IndexByte(b[from:], ']')
		if i < 0 {
			return false
		}
		i += from
		from = i + 1
		j := bytes.LastIndexByte(b[:i], '[')
		if j < 0 || !isLevel(b[j+1:i]) {
			continue
		}
		r := b[i+1:]
		if len(r) == 0 || r[0] != ' ' {
			continue
		}
		r = r[1:]
		n := digitRun(r)
		if n == 0 || n >= len(r) || r[n] != '#' {
			continue
		}
		r = r[n+1:]
		n = digitRun(r)
		if n > 0 && len(r) >= n+2 && r[n] == ':' && r[n+1] == ' ' {
			return true
		}
	}
}

func digitRun(b []byte) int {
	n := 0
	for n < len(b) && b[n] >= '0' && b[n] <= '9' {
		n++
	}
	return n
}

// isLevel reports whether b is one of nginx's levels, in any case.
func isLevel(b []byte) bool {
	for _, l := range levels { // "[emerg] "...
		if bytes.EqualFold(b, l[1:len(l)-2]) {
			return true
		}
	}
	return false
}

// isAddress reports whether b is an IPv4 or IPv6 address as nginx writes
// a client's: digits, hex letters, dots and colons only.
func isAddress(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	for _, c := range b {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || c == '.' || c == ':') {
			return false
		}
	}
	return true
}

// clientKey is "client:"+key, interned.
func (in *interner) clientKey(key string) string {
	if in == nil {
		return "client:" + key
	}
	if s, ok := in.clientKeys[key]; ok {
		return s
	}
	s := "client:" + key
	if len(in.clientKeys) < maxInterned {
		in.clientKeys[key] = s
	}
	return s
}

// remember keeps what the message says, and returns it.
func (in *interner) remember(level, msg []byte, m message) message {
	if in == nil || len(msg) > 512 {
		return m
	}
	if len(in.msgs) >= maxMessages {
		clear(in.msgs)
	}
	in.msgs[in.hash(level, msg)] = seenMessage{string(level), string(msg), m}
	return m
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

// view returns b as a string that shares its bytes (a nil interner
// copies): the Scanner's events are valid until its next call, and
// Summary copies what it keeps. Client addresses are too many to intern.
func (in *interner) view(b []byte) string {
	if in == nil || len(b) == 0 {
		return string(b)
	}
	return unsafe.String(&b[0], len(b))
}

// time reads the time at the start of an error-log line: the minute is
// read once for all the lines of that minute (no clock change falls
// inside a minute), the seconds added to it.
func (in *interner) time(line []byte) time.Time {
	sec := num(line[17:19])
	if in == nil || sec > 59 {
		return errorTime(line)
	}
	if string(line[:16]) != string(in.stamp[:]) || in.t.IsZero() {
		in.t = time.Date(num(line[0:4]), time.Month(num(line[5:7])), num(line[8:10]),
			num(line[11:13]), num(line[14:16]), 0, 0, time.Local)
		copy(in.stamp[:], line[:16])
	}
	return in.t.Add(time.Duration(sec) * time.Second)
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
// reason is the fifth colon-separated field either way. It is nil when
// the message has no error queue.
func sslReason(msg []byte) []byte {
	q := bytes.Index(msg, bSSLQueue)
	if q < 0 {
		return nil
	}
	queue := msg[q+len(bSSLQueue):]
	if i := bytes.LastIndexByte(queue, ')'); i >= 0 {
		queue = queue[:i]
	}
	last := lastEntry(queue)
	if last < 0 {
		return bytes.TrimSpace(queue)
	}
	entry := queue[last:]
	// The reason is the fifth colon-separated field.
	reason := entry
	for range 4 {
		c := bytes.IndexByte(reason, ':')
		if c < 0 {
			return entry
		}
		reason = reason[c+1:]
	}
	if i := bytes.Index(reason, []byte(":SSL alert number")); i >= 0 {
		reason = reason[:i]
	}
	return bytes.TrimSpace(reason)
}
