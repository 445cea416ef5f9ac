package catalogue

import (
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/mtlsdoctor/mtlsdoctor/finding"
)

// OpenSSLReason is the id of an OpenSSL reason that no hand-written entry
// tells: its generic story, from the reason tables.
const OpenSSLReason finding.ID = "explain/openssl-reason"

func init() { finding.Register(libError(OpenSSLReason)) }

// Reason is one reason of OpenSSL's error tables (reasons_gen.go, made by
// scripts/genreasons from the reason tables of OpenSSL 1.0.2, 1.1.1, 3.0
// and 3.2).
type Reason struct {
	// Lib is the library number (20 SSL, 11 X509, 9 PEM, 6 EVP, 13 ASN1)
	// and Num the reason number (3.0's, else the newest): 3.x packs them
	// as lib<<23|num (0A000418), 1.x as lib<<24|func<<12|num (14094418).
	Lib, Num int
	// Macro is its name (SSL_R_TLSV1_ALERT_UNKNOWN_CA), Text the words of
	// 3.0 (else of the newest version that has it), Spellings other
	// versions' words.
	Macro, Text string
	Spellings   []string
	// Nums is its number in OpenSSL 1.0.2, 1.1.1, 3.0 and 3.2 (0: not in
	// that version). 1.1.0 gave numbers of dropped 1.0.2 reasons to new
	// ones, so one number can name two reasons.
	Nums [4]int
}

// Indexes of Reason.Nums and funcNames.
const (
	v102 = iota
	v111
	v30
	v32
)

// reasonTexts lists every lower-case text and spelling, longest first.
var reasonTexts = sync.OnceValue(func() []reasonText {
	var out []reasonText
	for i, r := range reasonTable {
		out = append(out, reasonText{strings.ToLower(r.Text), i})
		for _, s := range r.Spellings {
			out = append(out, reasonText{strings.ToLower(s), i})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].text) > len(out[j].text) })
	return out
})

type reasonText struct {
	text string
	idx  int
}

// reasonByNum finds a reason by library and number, per version.
var reasonByNum = sync.OnceValue(func() [4]map[[2]int]int {
	var m [4]map[[2]int]int
	for v := range m {
		m[v] = map[[2]int]int{}
	}
	for i, r := range reasonTable {
		for v, n := range r.Nums {
			if n != 0 {
				m[v][[2]int{r.Lib, n}] = i
			}
		}
	}
	return m
})

// Reasons returns every reason of the tables.
func Reasons() []Reason {
	out := make([]Reason, len(reasonTable))
	copy(out, reasonTable)
	return out
}

// ReasonByCode finds the reason of a packed OpenSSL error code, in the 1.x
// or the 3.x packing. A 1.x code whose number names different reasons in
// 1.0.2 and 1.1.1 is told by its function code.
func ReasonByCode(code uint32) (Reason, bool) {
	if i, ok := codeReason(code, ""); ok {
		return reasonTable[i], true
	}
	return Reason{}, false
}

// codeReason resolves a packed code; fn is the function name printed
// after it ("ssl3_read_bytes", "SSL3_GET_CLIENT_CERTIFICATE"), or "".
func codeReason(code uint32, fn string) (int, bool) {
	if code&0x7FF000 == 0 {
		// 3.x: lib<<23|reason; 3.2 kept 3.0's numbers. (Else a 1.x code
		// with function 0.)
		for _, v := range []int{v30, v32} {
			if i, ok := reasonByNum()[v][[2]int{int(code >> 23), int(code & 0xFFF)}]; ok {
				return i, true
			}
		}
	}
	lib, num := int(code>>24), int(code&0xFFF)
	i111, in111 := reasonByNum()[v111][[2]int{lib, num}]
	i102, in102 := reasonByNum()[v102][[2]int{lib, num}]
	switch {
	case in111 && in102 && i111 != i102:
		// The function tells the version: by its name when the line gives
		// one of the two, else by which version has that function code.
		key := code >> 12
		f102, f111 := funcNames()[v102][key], funcNames()[v111][key]
		is102, is111 := f102 != "" && strings.EqualFold(fn, f102), f111 != "" && strings.EqualFold(fn, f111)
		if is102 && !is111 || !is102 && !is111 && f102 != "" && f111 == "" {
			return i102, true
		}
		return i111, true
	case in111:
		return i111, true
	case in102:
		return i102, true
	}
	// A 3.x code with flags: lib<<23|flags<<18|reason, the common flag
	// (0x80000) marking a common reason.
	if code&0x3F000 == 0 && code&0x7C0000 != 0 {
		lib := int(code >> 23)
		if code&0x80000 != 0 {
			lib = 0
		}
		for _, v := range []int{v30, v32} {
			if i, ok := reasonByNum()[v][[2]int{lib, int(code & 0xFFF)}]; ok {
				return i, true
			}
		}
	}
	if num < 100 && code>>31 == 0 && lib != 2 {
		// 1.x's common reasons (ERR_R_*, library 0 of the table) are
		// reported under the library that called: "SSL routines:...:PEM
		// lib". (3.x sets the top bit for an errno: 80000002 is ENOENT;
		// 1.x's system library, 2, gives the errno as its reason:
		// 0200100D is fopen's EACCES, not ERR_R_ASN1_LIB.)
		for _, v := range []int{v111, v102} {
			if i, ok := reasonByNum()[v][[2]int{0, num}]; ok {
				return i, true
			}
		}
	}
	return 0, false
}

// reasonHit is a reason found in a line, with the words and the function
// name the line gave for it.
type reasonHit struct {
	r        Reason
	text, fn string
}

// followUps are reasons OpenSSL queues after the one that tells the cause
// (1.0's "ssl handshake failure" after a received alert).
var followUps = map[string]bool{"SSL_R_SSL_HANDSHAKE_FAILURE": true}

// findReason finds the reason a lower-case line names: the last packed
// code of its error queue ("error:0a000418:") that is not a follow-up of
// an earlier one, else the longest reason text in it (at word boundaries).
func findReason(lower string) (Reason, bool) {
	h, ok := findReasonHit(lower)
	return h.r, ok
}

// SSLVerifyFailed reports whether the OpenSSL error of a lower-cased line
// is the SSL library's "certificate verify failed", by its words or, in a
// line cut before them, by its packed code (0A000086, 1416F086, 14090086).
func SSLVerifyFailed(lower string) bool {
	r, ok := findReason(lower)
	return ok && r.Lib == 20 && r.Macro == "SSL_R_CERTIFICATE_VERIFY_FAILED"
}

// findReasonHit reads OpenSSL's "error:CODE:LIBRARY:FUNCTION:REASON" (1.x
// prints the function, 3.x mostly leaves it empty) from the last error of
// the queue back. The words win over the number, since a number can name
// another reason in another version; the number is used when the words
// are of no table (strings not loaded: "reason(1048)").
func findReasonHit(lower string) (reasonHit, bool) {
	if len(lower) == 8 {
		// A packed code alone: "14094418", "0a000418".
		if n, err := strconv.ParseUint(lower, 16, 32); err == nil {
			if i, ok := codeReason(uint32(n), ""); ok {
				return reasonHit{r: reasonTable[i], text: strings.ToLower(reasonTable[i].Text)}, true
			}
		}
	}
	// "PEM lib" and the like only say that another library failed, which
	// an earlier error of the queue tells: they are kept for last.
	var below reasonHit
	for end, seen := len(lower), 0; seen < maxStructured; seen++ {
		i := strings.LastIndex(lower[:end], "error:")
		if i < 0 {
			break
		}
		end = i
		h := lower[i+6:]
		if len(h) <= 8 || h[8] != ':' {
			continue
		}
		n, err := strconv.ParseUint(h[:8], 16, 32)
		if err != nil {
			continue
		}
		fields := strings.SplitN(h[9:], ":", 3)
		fn, rest := "", ""
		if len(fields) == 3 {
			fn, rest = fields[1], fields[2]
		}
		idx, byCode := codeReason(uint32(n), fn)
		if fn == "openssl_internal" {
			// BoringSSL's queue ("error:0900006e:PEM
			// routines:OPENSSL_internal:NO_START_LINE"): its own numbers,
			// and its reason as a macro's name; only the words tell it.
			rest, byCode = strings.ReplaceAll(rest, "_", " "), false
		}
		if byCode && (fn == "" || strings.HasPrefix(fn, "func(")) {
			// Strings not loaded ("func(137)"): the tables name it.
			fn = funcName(uint32(n), reasonTable[idx])
		}
		var hit reasonHit
		if t, ok := textAt(rest, idx, byCode, uint32(n)); ok {
			hit = reasonHit{r: reasonTable[t.idx], text: t.text, fn: fn}
		} else if byCode {
			hit = reasonHit{r: reasonTable[idx], text: strings.ToLower(reasonTable[idx].Text), fn: fn}
		} else {
			continue
		}
		if followUps[hit.r.Macro] && strings.Contains(lower[:i], "error:") {
			continue
		}
		if !libFailed(hit.r) {
			return hit, true
		}
		if below.r.Macro == "" {
			below = hit
		}
	}
	if below.r.Macro != "" {
		return below, true
	}
	for _, rt := range reasonTexts() {
		if (len(rt.text) < 6 || reasonTable[rt.idx].Lib == 0) && rt.text != lower {
			// Short words and the common reasons ("internal error",
			// "unsupported") are too ordinary to find in free text.
			continue
		}
		if j := strings.Index(lower, rt.text); j >= 0 && boundaryAt(lower, j) && boundaryAt(lower, j+len(rt.text)) {
			if rt.text != lower && strings.Count(rt.text, " ") < 2 && !tlsContext(lower) {
				// Two words or one ("too long", "header too long")
				// are ordinary English where nothing speaks of TLS.
				continue
			}
			return reasonHit{r: reasonTable[rt.idx], text: rt.text}, true
		}
	}
	return reasonHit{}, false
}

// tlsContext reports whether a lower-case line speaks of TLS, certificates
// or keys anywhere, so that a short reason in it is OpenSSL's.
func tlsContext(lower string) bool {
	for _, w := range tlsWords {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}

// tlsWords are the words of a line about TLS, certificates or keys.
var tlsWords = []string{"ssl", "tls", "x509", "asn1", "pem", "cert", "key", "crypt", "routines", "handshake", "pkcs"}

// libFailed reports whether r is a common reason that only says another
// library failed ("PEM lib", "system lib").
func libFailed(r Reason) bool {
	return r.Lib == 0 && strings.HasSuffix(r.Macro, "_LIB")
}

// textAt finds the reason whose words start rest. When several reasons
// have those words, the one the code names is taken, else one of the
// code's library.
func textAt(rest string, codeIdx int, byCode bool, code uint32) (reasonText, bool) {
	var found []reasonText
	for _, rt := range reasonTexts() {
		if len(found) > 0 && len(rt.text) < len(found[0].text) {
			break
		}
		if strings.HasPrefix(rest, rt.text) && boundaryAt(rest, len(rt.text)) {
			found = append(found, rt)
		}
	}
	if len(found) == 0 {
		return reasonText{}, false
	}
	for _, rt := range found {
		if byCode && rt.idx == codeIdx {
			return rt, true
		}
	}
	for _, rt := range found {
		if l := reasonTable[rt.idx].Lib; l == int(code>>24) || l == int(code>>23) {
			return rt, true
		}
	}
	return found[0], true
}

// funcName is the name of a 1.x code's function in the version whose
// number the code's reason has; "" for a 3.x code.
func funcName(code uint32, r Reason) string {
	if code&0x7FF000 == 0 {
		return ""
	}
	num := int(code & 0xFFF)
	for _, v := range []int{v111, v102} {
		if r.Nums[v] == num && funcNames()[v][code>>12] != "" {
			return funcNames()[v][code>>12]
		}
	}
	return ""
}

// FuncSide tells, from the OpenSSL function a line's last error names
// ("tls_process_client_certificate", "SSL3_GET_SERVER_CERTIFICATE"), which
// side of the handshake the program that printed it was on: "client",
// "server", or "" when the function does not say.
func FuncSide(line string) string {
	if len(line) > maxInput {
		line = line[:maxInput]
	}
	h, ok := findReasonHit(strings.ToLower(line))
	if !ok {
		return ""
	}
	return funcSide(h.fn)
}

// funcSide tells, from a 1.x function name, which side of the handshake
// the program that printed it was on: "client", "server" or "".
func funcSide(fn string) string {
	f := strings.ToLower(fn)
	for _, s := range []string{"get_client_", "process_client_", "accept", "construct_server_", "parse_ctos_", "construct_stoc_", "process_cke"} {
		if strings.Contains(f, s) {
			return "server"
		}
	}
	for _, s := range []string{"get_server_", "process_server_", "connect", "construct_client_", "parse_stoc_", "construct_ctos_", "process_ske", "check_cert_and_algorithm"} {
		if strings.Contains(f, s) {
			return "client"
		}
	}
	return ""
}

// libStory says what each library's reasons are about.
var libStory = map[int]string{
	0:  "It is one of OpenSSL's common reasons, which any of its libraries reports: a library that failed below this call (PEM lib, system lib), or a failure inside OpenSSL itself (internal error, malloc failure, unsupported). The error before it in the same line, if there is one, is the cause.",
	20: "It comes from OpenSSL's TLS engine (the SSL library): the handshake or a record broke at this point, on this side or, for an alert, on the other side that sent it.",
	11: "It comes from OpenSSL's certificate library (X509): building, checking or matching a certificate, a key or a CRL.",
	9:  "It comes from OpenSSL's PEM reader: the BEGIN/END lines, the base64 inside them or the passphrase of an encrypted PEM block.",
	6:  "It comes from OpenSSL's crypto layer (EVP): a cipher, digest, key or signature operation, such as decrypting an encrypted key or using a key type this build does not support.",
	13: "It comes from OpenSSL's ASN.1 library, which encodes and decodes the DER inside certificates, keys and their fields (names, times, integers): usually a damaged file or one of another kind, or a value out of range.",
}

// libFix is what to do first for each library's reasons.
var libFix = map[int]string{
	0:  "Read the errors before it in the same line, from the first: the first is the cause, whether a file, a key format, or an engine or provider of this OpenSSL build.",
	20: "Reproduce the handshake with a verbose client to see both sides' view:\n  openssl s_client -connect host:443 -servername host </dev/null",
	11: "Check the certificate and key files:\n  mtlsdoctor certs ./certs",
	9:  "Check the file is PEM of the right kind:\n  grep -n -- '-----' FILE",
	6:  "Check the key opens with its passphrase:\n  openssl pkey -in FILE -noout",
	13: "Check the file decodes:\n  openssl asn1parse -in FILE",
}

// ReasonEntry is the generic entry for an OpenSSL reason: what its
// library and its words say; for an alert, what the alert means.
func ReasonEntry(r Reason) Entry {
	return reasonEntry(reasonHit{r: r, text: r.Text})
}

// reasonEntry tells a reason in the words the line gave it, and, when the
// line names a 1.x function of one side of the handshake, that side.
func reasonEntry(h reasonHit) Entry {
	r := h.r
	text := r.Text
	for _, s := range append([]string{r.Text}, r.Spellings...) {
		if strings.EqualFold(s, h.text) {
			text = s
		}
	}
	why := "OpenSSL reports `" + text + "` (" + r.Macro + "). " + libStory[r.Lib]
	if a, ok := alertByNumber(r.Num - 1000); ok && r.Lib == 20 && r.Num > 1000 {
		why += " " + Fill(alertStory, Vars{"num": itoa(a.num), "name": a.name, "meaning": a.meaning})
	}
	if r.Nums[v30] == 0 && r.Nums[v32] == 0 {
		old, before := "1.0.2", "1.1.0"
		switch {
		case r.Nums[v102] != 0 && r.Nums[v111] != 0:
			old, before = "1.0.2 and 1.1.1", "3.0"
		case r.Nums[v111] != 0:
			old, before = "1.1.1", "3.0"
		}
		why += " " + Fill(oldReasonStory, Vars{"versions": old, "before": before})
	}
	switch funcSide(h.fn) {
	case "client":
		why += " " + Fill(clientFuncStory, Vars{"func": h.fn})
	case "server":
		why += " " + Fill(serverFuncStory, Vars{"func": h.fn})
	}
	return Entry{
		ID: OpenSSLReason, Kind: "reason",
		Title:       Fill(reasonTitle, Vars{"text": text, "macro": r.Macro}),
		Explanation: why,
		Fix:         libFix[r.Lib],
	}
}

const (
	reasonTitle = "OpenSSL: {text} ({macro})"
	alertStory  = "It is TLS alert {num} {name}, sent by the other side of the connection: {meaning}"

	oldReasonStory  = "This reason is only in OpenSSL {versions}: the program that printed it runs an OpenSSL older than {before}."
	clientFuncStory = "The line names the OpenSSL function that failed, `{func}`, which runs on the client side of a handshake: the program that printed it was the TLS client, judging the server or answering it."
	serverFuncStory = "The line names the OpenSSL function that failed, `{func}`, which runs on the server side of a handshake: the program that printed it was the TLS server, judging its client or answering it."
)
