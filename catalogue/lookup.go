package catalogue

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/mtlsdoctor/mtlsdoctor/finding"
	"github.com/mtlsdoctor/mtlsdoctor/internal/lazyre"
)

// Limits that keep Lookup linear in its input whatever is pasted into it.
const (
	maxInput      = 64 << 10
	maxStructured = 32
)

// All patterns run on the lower-cased input.
var (
	// nginx "(%d:%s)"; errno texts read "(2: No such file...)" with a space,
	// so a non-space must follow the colon.
	reParenCode = lazyre.New(`\((\d{1,3}):\S`)
	// openssl verify: "error 20 at 0 depth lookup: unable to get ...".
	reDepthLookup = lazyre.New(`error (\d{1,3}) at -?\d+ depth lookup: ?([^\n]*)`)
	// openssl s_client: "verify error:num=20:unable to get ...".
	reNum = lazyre.New(`verify error:num=(\d{1,3}):([^\n]*)`)
	// openssl s_client: "Verify return code: 21 (unable to verify ...)".
	reReturnCode = lazyre.New(`verify return code: (\d{1,3}) \(([^\n]*)\)`)
	// imapfilter's "certificate verification failed; 10": the verify
	// result's number alone (the empty group: no text to check it by).
	reSemiCode = lazyre.New(`certificate verification failed; (\d{1,2})\b()`)
	// The contract's openssl_error form, "68:CA signature digest ...": a
	// letter follows the colon ("23:10:54.808 ..." is a time of day).
	reCodeText = lazyre.New(`^(\d{1,3}):([a-z][^\n]*)$`)
	// $ssl_client_verify "FAILED:<text>", and Python's "verify failed: <text>".
	reFailed = lazyre.New(`failed:[ \t]*`)
	reMacro  = lazyre.New(`\bx509_v_(?:err_[a-z0-9_]+|ok)\b`)
	// A bare number, optionally labelled: "68", "status 495", "code: 20".
	reBare = lazyre.New(`^(?:(?:http status|status|http|code|error|verify error|verify code|verify return code)[ \t]*[:=]?[ \t]*)?(\d{1,3})$`)
	// Access log "combined": `"GET / HTTP/1.1" 400 215 "-" ...`.
	reAccess = lazyre.New(`" (\d{3}) (\d+|-)(?:\s|$)`)
)

// verifyTexts lists every lower-cased Text and Spelling with its code,
// longest first, so that prefix and free-text searches prefer "self-signed
// certificate in certificate chain" over "self-signed certificate".
var verifyTexts = sync.OnceValue(func() []codeText {
	var out []codeText
	for _, v := range verifyCodes {
		out = append(out, codeText{strings.ToLower(v.Text), v.Code})
		for _, s := range v.Spellings {
			out = append(out, codeText{strings.ToLower(s), v.Code})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].text) > len(out[j].text) })
	return out
})

type codeText struct {
	text string
	code int
}

// freeTextSkip holds codes whose texts are too ordinary to be taken as a
// verify error when they merely appear somewhere in a line.
var freeTextSkip = map[int]bool{0: true, 17: true, 55: true}

// Warm builds the tables Lookup reads on its first call (the joined
// entries, their search keys, the reason and verify tables), so that a
// caller can have them built on another goroutine while it reads its
// input: logs reads a large file meanwhile.
func Warm() {
	Lookup("client SSL certificate verify error: (68:CA signature digest algorithm too weak) while reading client request headers")
	Lookup("SSL_do_handshake() failed (SSL: error:0A000418:SSL routines::tlsv1 alert unknown ca:SSL alert number 48) while SSL handshaking")
}

// Lookup explains one pasted input, as `mtlsdoctor explain` receives it:
// an nginx, OpenSSL, Go or curl log line from any version; a verify code
// ("68") or a bare number 400-599 as an HTTP status ("495"); a "(68:...)"
// fragment or "68:CA signature digest algorithm too weak"; a
// $ssl_client_verify value ("FAILED:certificate has expired"); an OpenSSL
// macro, reason ("ca md too weak") or TLS alert ("unknown ca"); an nginx
// access-log line with status 400 (told apart by the stock page's size).
//
// Codes use OpenSSL 3.0 numbering. When a line's "(N:text)" text is not
// 3.0's text for N, the text wins: it came from another version (1.1.1's
// "(24:invalid CA certificate)" is 79). A bare 24 or 79 also returns the
// code that carried that number in 1.1.1 (79 and 94), since a number alone
// cannot say which version wrote it. A catch-all entry (e.g. any
// "client SSL certificate verify error") is returned only when nothing more
// specific matched. Unrelated input gives nothing. The order is
// deterministic (codes in the order found, entries in catalogue order) and
// there are no duplicates.
func Lookup(input string) ([]VerifyCode, []Entry) {
	if len(input) > maxInput {
		input = input[:maxInput]
	}
	lower := plainText(strings.ToLower(strings.TrimSpace(input)))
	if lower == "" {
		return nil, nil
	}
	lower = withNetErrorName(lower)
	if b, ok := boringAlone(lower); ok {
		// A packed BoringSSL code alone ("1000007d", envoy's decimal
		// "268435581"): told as BoringSSL prints it.
		lower = b
	} else if len(lower) == 8 {
		// A packed OpenSSL code alone ("0a000418"): told as its reason.
		if r, ok := findReason(lower); ok {
			lower = strings.ToLower(r.Text)
		}
	}
	var codes codeSet
	if m := reBare.FindStringSubmatch(lower); m != nil {
		n, _ := strconv.Atoi(m[1])
		if c, e := lookupNumber(n); len(c) > 0 || len(e) > 0 {
			return c, e
		}
		// A number no code or status has ("error 526"): an entry's words.
	}

	structuredCodes(lower, &codes)
	if v, ok := VerifyByText(lower); ok {
		codes.add(v.Code)
	}
	if lower == "success" {
		codes.add(0)
	}

	hits := matchEntries(lower)
	nginxSpecific := false
	for _, h := range hits {
		if e := entries()[h.idx]; e.Kind == "nginx" && !e.Fallback || e.Own {
			nginxSpecific = true
		}
	}
	if nginxSpecific {
		// nginx's own message explains the reason in nginx's context; the
		// bare reason or alert entry would tell the client's side instead.
		hits = filterHits(hits, func(h hit) bool {
			k := entries()[h.idx].Kind
			return k != "reason" && k != "alert"
		})
	}
	hits = dropContained(hits)

	if len(codes.list) == 0 && !nginxSpecific {
		freeTextCodes(lower, hits, &codes)
	}

	specific := len(codes.list) > 0
	for _, h := range hits {
		if !entries()[h.idx].Fallback {
			specific = true
		}
	}
	sort.Slice(hits, func(i, j int) bool { return hits[i].idx < hits[j].idx })
	// Catch-alls stand in only when nothing specific matched, and then only
	// the first: the table lists narrower catch-alls ("cannot load
	// certificate key") before wider ones (any SSL "[emerg]").
	fallbackKept := specific
	// One nginx message is one event: of several entries with the same id
	// (a passphrase error names both "bad decrypt" and "empty password"),
	// the first in the table is the most specific.
	nginxIDs := map[finding.ID]bool{}
	hits = filterHits(hits, func(h hit) bool {
		e := entries()[h.idx]
		if e.Fallback {
			if fallbackKept {
				return false
			}
			fallbackKept = true
		}
		if e.Kind == "nginx" {
			if nginxIDs[e.ID] {
				return false
			}
			nginxIDs[e.ID] = true
		}
		return true
	})

	var generic, writerFallback []Entry
	if !specific {
		// Every OpenSSL reason and TLS alert has at least its generic story.
		// A reason that only says another library failed ("PEM lib")
		// tells less than a catch-all entry of the line.
		if a, ok := alertRecord(lower); ok {
			generic = append(generic, AlertEntry(a))
		} else if b, ok := findBoringErrors(lower); ok && b.own() && !(b.libFailed && len(hits) > 0) {
			// BoringSSL's own reason; the ones OpenSSL shares are read in
			// OpenSSL's words (explain's macro-to-words pass).
			generic = append(generic, boringEntry(b))
		} else if es := findMbedTLSWords(lower); len(es) > 0 {
			// Mbed TLS's "MODULE - words", which can hold an OpenSSL
			// reason's words ("vrfy callback failed").
			generic = append(generic, mbedtlsEntry(es))
		} else if h, ok := findReasonHit(lower); ok && !(libFailed(h.r) && len(hits) > 0) {
			if e, ok := reasonOwnEntry(h.r.Text, lower); ok {
				// The line names the reason only by its code, or cut short
				// ("...:dh key"): its own entry still tells it.
				generic = append(generic, e)
			} else {
				generic = append(generic, reasonEntry(h))
			}
		} else if g, ok := findGnuTLS(lower); ok {
			generic = append(generic, gnutlsEntry(g))
		} else if es := findMbedTLSCode(lower); len(es) > 0 {
			// (Its words were looked for before OpenSSL's reasons.)
			generic = append(generic, mbedtlsEntry(es))
		} else if w, ok := findWinError(lower); ok {
			generic = append(generic, winErrorEntry(w))
		} else if n, ok := findNSS(lower); ok {
			generic = append(generic, nssEntry(n))
		} else if b, ok := findBoringName(lower); ok {
			generic = append(generic, boringEntry(b))
		} else if ws := findWolfSSL(lower); len(ws) > 0 {
			generic = append(generic, wolfsslEntry(ws, lower))
		} else if r, ok := findRustls(lower); ok {
			generic = append(generic, rustlsEntry(r))
		} else if es := findApple(lower); len(es) > 0 {
			generic = append(generic, appleEntry(es, lower))
		} else if a, ok := findAlert(lower); ok {
			if e, ok := alertOwnEntry(a, lower); ok {
				generic = append(generic, e)
			} else {
				generic = append(generic, AlertEntry(a))
			}
		} else if c, ok := findChromium(lower); ok {
			// After the alerts: ERR_SSL_UNRECOGNIZED_NAME_ALERT is told as
			// the alert it names.
			generic = append(generic, chromiumEntry(c))
		}
		if len(generic) > 0 {
			// A writer's own catch-all (envoy's upstream connect error)
			// still says whose settings to change: it follows the reason.
			for _, h := range hits {
				if e := entries()[h.idx]; e.Fallback && e.Kind == "client" {
					writerFallback = append(writerFallback, cloneEntry(e))
				}
			}
			hits = filterHits(hits, func(h hit) bool { return !entries()[h.idx].Fallback })
		}
	}

	var outCodes []VerifyCode
	for _, c := range codes.list {
		v, _ := Verify(c)
		outCodes = append(outCodes, v)
	}
	var outEntries []Entry
	for _, h := range hits {
		outEntries = append(outEntries, cloneEntry(entries()[h.idx]))
	}
	outEntries = append(outEntries, generic...)
	outEntries = append(outEntries, writerFallback...)
	return outCodes, outEntries
}

// lookupNumber answers a bare number: 0-99 is a verify code, 400-599 an
// HTTP status.
func lookupNumber(n int) ([]VerifyCode, []Entry) {
	var codes []VerifyCode
	var out []Entry
	switch {
	case n < 100:
		if v, ok := Verify(n); ok {
			codes = append(codes, v)
		}
		for _, v := range verifyCodes {
			if v.OldCode == n && n != 0 {
				codes = append(codes, cloneCode(v))
			}
		}
	case n >= 400 && n < 600:
		for _, e := range entries() {
			if e.Kind == "status" && e.Status == n {
				out = append(out, cloneEntry(e))
			}
		}
	}
	return codes, out
}

// codeSet keeps codes in the order found, without duplicates.
type codeSet struct {
	list []int
	seen map[int]bool
}

func (s *codeSet) add(c int) {
	if s.seen == nil {
		s.seen = map[int]bool{}
	}
	if !s.seen[c] {
		s.seen[c] = true
		s.list = append(s.list, c)
	}
}

// structuredCodes finds verify codes in the forms nginx, openssl verify,
// openssl s_client and $ssl_client_verify print.
func structuredCodes(lower string, codes *codeSet) {
	trustNumber := strings.Contains(lower, "verify error") || strings.HasPrefix(lower, "(")
	for _, m := range reParenCode.FindAllStringSubmatchIndex(lower, maxStructured) {
		n, _ := strconv.Atoi(lower[m[2]:m[3]])
		text := parenText(lower, m[1]-1)
		if c, ok := resolve(n, text, trustNumber); ok {
			codes.add(c)
		}
	}
	for _, re := range []*lazyre.Regexp{reDepthLookup, reNum, reReturnCode, reSemiCode, reCodeText} {
		for _, m := range re.FindAllStringSubmatch(lower, maxStructured) {
			n, _ := strconv.Atoi(m[1])
			// "N:text" alone is the contract's form only when the text
			// reads as one: Redis starts its lines "7:M 21 Jan 2026 ...".
			trust := re != reCodeText || !strings.ContainsAny(m[2], "0123456789")
			if c, ok := resolve(n, m[2], trust); ok {
				codes.add(c)
			}
		}
	}
	for _, m := range reFailed.FindAllStringIndex(lower, maxStructured) {
		if c, ok := prefixCode(lower[m[1]:lineEnd(lower, m[1])]); ok {
			codes.add(c)
		}
	}
	for _, m := range reMacro.FindAllString(lower, maxStructured) {
		if c, ok := macroIndex()[m]; ok {
			codes.add(c)
		}
	}
}

// parenText returns the text of "(N:text)" starting at start. Texts may hold
// parentheses themselves (37: "invalid non-CA certificate (has CA
// markings)"), so the text ends at ") while " (nginx's action suffix), else
// at the last ")" of the line, else at the end of the line.
func parenText(lower string, start int) string {
	seg := lower[start:lineEnd(lower, start)]
	if i := strings.Index(seg, ") while "); i >= 0 {
		return seg[:i]
	}
	if i := strings.LastIndex(seg, ")"); i >= 0 {
		return seg[:i]
	}
	return seg
}

func lineEnd(s string, from int) int {
	if i := strings.IndexByte(s[from:], '\n'); i >= 0 {
		return from + i
	}
	return len(s)
}

// resolve decides which code "(n:text)" means. The text is trusted over
// the number, because numbers moved between OpenSSL versions; the number
// alone is used only when the context says it is a verify code.
func resolve(n int, text string, trustNumber bool) (int, bool) {
	t := strings.TrimSpace(text)
	if n < len(verifyCodes) && textIsCode(t, verifyCodes[n]) {
		return n, true
	}
	if v, ok := VerifyByText(t); ok {
		return v.Code, true
	}
	if c, ok := prefixCode(t); ok {
		return c, true
	}
	if n < len(verifyCodes) && len(t) >= 8 && truncatedText(t, verifyCodes[n]) {
		return n, true
	}
	if trustNumber && n < len(verifyCodes) {
		return n, true
	}
	return 0, false
}

func textIsCode(t string, v VerifyCode) bool {
	if strings.EqualFold(t, v.Text) {
		return true
	}
	for _, s := range v.Spellings {
		if strings.EqualFold(t, s) {
			return true
		}
	}
	return v.Code == 9 && strings.HasPrefix(t, notYetValidPrefix)
}

// truncatedText reports whether t is the start of one of v's texts, as in a
// log line cut short by a line-length limit.
func truncatedText(t string, v VerifyCode) bool {
	if strings.HasPrefix(strings.ToLower(v.Text), t) {
		return true
	}
	for _, s := range v.Spellings {
		if strings.HasPrefix(strings.ToLower(s), t) {
			return true
		}
	}
	return false
}

// prefixCode finds the longest verify text that s starts with, followed by
// a word boundary: "certificate has expired\" \"curl/7.88.1\"" is code 10.
func prefixCode(s string) (int, bool) {
	s = strings.TrimLeft(s, " \t")
	for _, ct := range verifyTexts() {
		if strings.HasPrefix(s, ct.text) && boundaryAt(s, len(ct.text)) {
			return ct.code, true
		}
	}
	if strings.HasPrefix(s, notYetValidPrefix) {
		return 9, true
	}
	return 0, false
}

// freeTextCodes finds verify texts anywhere in the input (curl's "SSL
// certificate problem: ...", Python's messages), skipping those inside an
// entry's matched text (an alert named "certificate revoked" is not a CRL).
func freeTextCodes(lower string, hits []hit, codes *codeSet) {
	type found struct{ start, end, code int }
	var all []found
	for _, ct := range verifyTexts() {
		if freeTextSkip[ct.code] {
			continue
		}
		for from := 0; from < len(lower); {
			i := strings.Index(lower[from:], ct.text)
			if i < 0 {
				break
			}
			start := from + i
			end := start + len(ct.text)
			from = end
			if !boundaryAt(lower, start) || !boundaryAt(lower, end) {
				continue
			}
			if before := lower[:start]; strings.HasSuffix(before, "alert ") || strings.HasSuffix(before, "alert, ") {
				// The alert of the same name ("TLS alert, certificate
				// revoked (556)" in curl -v), not a verify result.
				continue
			}
			inside := false
			for _, h := range hits {
				if start < h.end && h.start < end {
					inside = true
				}
			}
			if !inside {
				all = append(all, found{start, end, ct.code})
			}
			if len(all) > maxStructured*4 {
				break
			}
		}
	}
	sort.SliceStable(all, func(i, j int) bool {
		if all[i].start != all[j].start {
			return all[i].start < all[j].start
		}
		return all[i].end > all[j].end
	})
	taken := -1
	for _, f := range all {
		if f.start < taken {
			continue
		}
		codes.add(f.code)
		taken = f.end
	}
}

// boundaryAt reports whether position i in s is not inside a word.
func boundaryAt(s string, i int) bool {
	isWord := func(b byte) bool {
		return b >= 'a' && b <= 'z' || b >= '0' && b <= '9' || b == '_' || b == '-'
	}
	if i <= 0 || i >= len(s) {
		return true
	}
	return !isWord(s[i-1]) || !isWord(s[i])
}

// hit is one matched entry and the part of the input that matched it.
type hit struct {
	idx        int
	start, end int
}

func matchEntries(lower string) []hit { return matchEntriesWith(lower, true) }

// matchEntriesWith is matchEntries, which skips a Match string by its
// gramKey when prefilter is set (the tests compare it without).
func matchEntriesWith(lower string, prefilter bool) []hit {
	var hits []hit
	var in grams
	in.add(lower)
	keys := matchKeys()
	for i, e := range entries() {
		h := hit{idx: i, start: -1}
		exact := false
		for _, x := range e.Exact {
			if lower == x {
				h.start, h.end, exact = 0, len(lower), true
			}
		}
		for k, m := range e.Match {
			if prefilter && !in.mayHold(keys[i][k]) {
				continue
			}
			if j := strings.Index(lower, m); j >= 0 && (h.start < 0 || len(m) > h.end-h.start) {
				h.start, h.end = j, j+len(m)
			}
		}
		// Within narrows a substring match; an exact input is the whole line.
		if h.start < 0 || !exact && !containsAny(lower, e.Within) || len(e.Without) > 0 && containsAny(lower, e.Without) {
			continue
		}
		hits = append(hits, h)
	}
	if m := reAccess.FindStringSubmatchIndex(lower); m != nil && (lower[m[2]:m[3]] == "400" || lower[m[2]:m[3]] == "495" || lower[m[2]:m[3]] == "496" || lower[m[2]:m[3]] == "497") {
		// A 400 is told by its body's size; 495-497 appear as themselves
		// where an error_page for them keeps the status.
		status, _ := strconv.Atoi(lower[m[2]:m[3]])
		if size, err := strconv.Atoi(lower[m[4]:m[5]]); err == nil && status == 400 {
			if s, ok := StatusForBodySize(size); ok {
				status = s
			}
		}
		for i, e := range entries() {
			if e.Kind == "status" && e.Status == status && !hasHit(hits, i) {
				hits = append(hits, hit{idx: i, start: m[0], end: m[1]})
			}
		}
	}
	return hits
}

// grams is the set of the three-byte sequences of a text, each hashed to
// one of 1<<14 bits. A text that lacks one of a string's sequences cannot
// hold the string: Lookup tries a Match string only where its key (three
// of its sequences) is in the line, which spares most of the catalogue's
// substring searches.
type grams [1 << 14 / 64]uint64

func gramOf(a, b, c byte) uint16 {
	return uint16((uint32(a)<<16 | uint32(b)<<8 | uint32(c)) * 0x9E3779B1 >> 18)
}

func (g *grams) add(s string) {
	for i := 0; i+3 <= len(s); i++ {
		h := gramOf(s[i], s[i+1], s[i+2])
		g[h/64] |= 1 << (h % 64)
	}
}

func (g *grams) has(h uint16) bool { return g[h/64]&(1<<(h%64)) != 0 }

// gramKey is three sequences of a string (its first, middle and last);
// short strings have none (ok false) and are always searched.
type gramKey struct {
	a, b, c uint16
	ok      bool
}

func keyOf(m string) gramKey {
	if len(m) < 3 {
		return gramKey{}
	}
	mid := (len(m) - 3) / 2
	return gramKey{gramOf(m[0], m[1], m[2]), gramOf(m[mid], m[mid+1], m[mid+2]), gramOf(m[len(m)-3], m[len(m)-2], m[len(m)-1]), true}
}

func (g *grams) mayHold(k gramKey) bool {
	return !k.ok || g.has(k.a) && g.has(k.b) && g.has(k.c)
}

// matchKeys is the gramKey of every Match string of entries(), in place.
var matchKeys = sync.OnceValue(func() [][]gramKey {
	es := entries()
	out := make([][]gramKey, len(es))
	for i, e := range es {
		out[i] = make([]gramKey, len(e.Match))
		for k, m := range e.Match {
			out[i][k] = keyOf(m)
		}
	}
	return out
})

// plainText is s as its program wrote it, before a web page or a terminal
// changed it: typographic apostrophes made plain ("don’t"), and each run
// of spaces made one (a wrapped terminal or a table: "server certificate
// verification failed" with a gap in it).
func plainText(s string) string {
	s = curly.Replace(s)
	if !strings.Contains(s, "  ") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' && i > 0 && s[i-1] == ' ' {
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// curly turns typographic apostrophes into the plain one.
var curly = strings.NewReplacer("’", "'", "‘", "'")

// ruledOut reports whether the line rules entry e out by one of its
// Without words.
func ruledOut(lower string, e Entry) bool {
	return len(e.Without) > 0 && containsAny(lower, e.Without)
}

// containsAny reports whether s holds one of subs, or subs is empty.
func containsAny(s string, subs []string) bool {
	if len(subs) == 0 {
		return true
	}
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

func hasHit(hits []hit, idx int) bool {
	for _, h := range hits {
		if h.idx == idx {
			return true
		}
	}
	return false
}

func filterHits(hits []hit, keep func(hit) bool) []hit {
	out := hits[:0:0]
	for _, h := range hits {
		if keep(h) {
			out = append(out, h)
		}
	}
	return out
}

// dropContained removes entries whose matched text lies inside a longer
// match of another entry: Go's "tls: unknown certificate authority" is
// alert 48, not alert 46 "tls: unknown certificate".
func dropContained(hits []hit) []hit {
	return filterHits(hits, func(b hit) bool {
		for _, a := range hits {
			if a.idx != b.idx && a.start <= b.start && b.end <= a.end && a.end-a.start > b.end-b.start {
				return false
			}
		}
		return true
	})
}

// alertOwnEntry is the entry written for received alert a, for a line
// that names the alert only by its number or its library's words ("Alert:
// alert - (unknown 112)"): the alert entry that answers "alert N", or the
// one that reads it in OpenSSL's words; none for a line that says this
// side sent it.
func alertOwnEntry(a alert, lower string) (Entry, bool) {
	if containsAny(lower, sentAlertWords) || strings.Contains(lower, ".erl:") {
		// Erlang's "ssl_alert.erl:88:Fatal error: unknown ca" (which
		// ErlangOwnAlert leaves to the received) is mostly its own side's
		// alert too.
		return Entry{}, false
	}
	for _, e := range entries() {
		if e.Kind == "alert" && !e.Fallback && slices.Contains(e.Exact, "alert "+itoa(a.num)) && !ruledOut(lower, e) {
			return cloneEntry(e), true
		}
	}
	if e, ok := alertWordsEntry(a); ok && !ruledOut(lower, e) {
		return cloneEntry(e), true
	}
	return Entry{}, false
}

// reasonOwnEntry is the entry written for reason text, when a line names
// that reason only by its packed code or cut short: the first entry of a
// reason or a client that the reason's words alone match (and the line
// does not rule out).
func reasonOwnEntry(text, lower string) (Entry, bool) {
	t := strings.ToLower(text)
	if strings.Contains(lower, t) {
		return Entry{}, false // the words are there: the entries had their chance
	}
	for _, h := range matchEntries(t) {
		e := entries()[h.idx]
		if (e.Kind == "reason" || e.Kind == "client") && !e.Fallback && len(e.Within) == 0 && !ruledOut(lower, e) {
			return cloneEntry(e), true
		}
	}
	return Entry{}, false
}
