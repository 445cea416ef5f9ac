package catalogue

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/mtlsdoctor/mtlsdoctor/finding"
	"github.com/mtlsdoctor/mtlsdoctor/internal/lazyre"
)

// BoringSSLReason is the id of a BoringSSL reason that OpenSSL's tables do
// not tell (BoringSSL's own, or one OpenSSL names otherwise) and no
// hand-written entry tells: its generic story.
const BoringSSLReason finding.ID = "explain/boringssl-reason"

func init() { finding.Register(libError(BoringSSLReason)) }

// BoringReason is one reason of BoringSSL's headers (boringssl_gen.go,
// made by scripts/genboringssl): its library (16 SSL, 11 X509, 20 X509V3,
// 9 PEM, 6 EVP, 12 ASN1, 30 CIPHER, 19 PKCS8...) and number, which
// BoringSSL packs as lib<<24|num (1000007d), its macro
// (SSL_R_CERTIFICATE_VERIFY_FAILED), the name it prints
// (CERTIFICATE_VERIFY_FAILED), older versions' names, and its number in
// each extracted version (0: not in it).
type BoringReason struct {
	Lib, Num    int
	Macro, Name string
	Older       []string
	Nums        [4]int
}

type boringLib struct {
	num        int
	sym, words string
}

var (
	// BoringSSL's "error:1000007d:SSL routines:OPENSSL_internal:NAME";
	// envoy's "268435581:SSL routines:OPENSSL_internal:NAME". gRPC prints
	// OPENSSL_INTERNAL; a macro-to-words pass leaves "openssl internal".
	reBoringErr = lazyre.New(`(?:error:([0-9a-f]{8})|(?:^|[^0-9a-z.])(\d{8,10})):[^:\n]{0,40}:openssl[_ ]internal:`)
	// A macro-like token: SSL_R_NAME, ERR_SSL_NAME (node in Electron
	// apps) or NAME.
	reBoringToken = lazyre.New(`(?:^|[^a-z0-9_])((?:[a-z0-9]+_r_|err_ssl_)?[a-z0-9]+(?:_[a-z0-9]+)+)`)
	// A packed code alone, in decimal as envoy prints it.
	reBoringDecimal = lazyre.New(`^\d{8,10}$`)
)

// boringHit is a BoringSSL error of a line: its packed code (0 when the
// line gave none), library, number and name (the reason's, a common
// reason's words, or the library name BoringSSL prints for a reason that
// says another library failed); idx is its row of boringReasons, -1 for
// a common or library reason.
type boringHit struct {
	code      uint32
	lib, num  int
	name      string
	idx       int
	libFailed bool
}

// boringNames maps each lower-case name (and older name) to its rows,
// longest names first in boringNameList.
var boringNames = sync.OnceValue(func() map[string][]int {
	m := map[string][]int{}
	for i, r := range boringReasons {
		for _, n := range append([]string{r.Name}, r.Older...) {
			k := strings.ToLower(n)
			m[k] = append(m[k], i)
		}
	}
	return m
})

var boringNameList = sync.OnceValue(func() []string {
	var out []string
	for k := range boringNames() {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool {
		if len(out[i]) != len(out[j]) {
			return len(out[i]) > len(out[j])
		}
		return out[i] < out[j]
	})
	return out
})

var boringByNum = sync.OnceValue(func() map[[2]int]int {
	m := map[[2]int]int{}
	for i, r := range boringReasons {
		m[[2]int{r.Lib, r.Num}] = i
	}
	return m
})

// BoringReasons returns every reason of the table.
func BoringReasons() []BoringReason {
	out := make([]BoringReason, len(boringReasons))
	copy(out, boringReasons)
	return out
}

// boringLibByNum is the library BoringSSL numbers n.
func boringLibByNum(n int) (boringLib, bool) {
	for _, l := range boringLibs {
		if l.num == n {
			return l, true
		}
	}
	return boringLib{}, false
}

// boringCode resolves a packed BoringSSL code: lib<<24|reason, the bits
// between them zero.
func boringCode(code uint32) (boringHit, bool) {
	if code&0xFFF000 != 0 {
		return boringHit{}, false
	}
	lib, num := int(code>>24), int(code&0xFFF)
	if i, ok := boringByNum()[[2]int{lib, num}]; ok {
		return boringHit{code: code, lib: lib, num: num, name: boringReasons[i].Name, idx: i}, true
	}
	if _, ok := boringLibByNum(lib); !ok {
		return boringHit{}, false
	}
	for _, c := range boringCommon {
		if c.num == num {
			return boringHit{code: code, lib: lib, num: num, name: c.words, idx: -1}, true
		}
	}
	if l, ok := boringLibByNum(num); ok && lib != 2 {
		return boringHit{code: code, lib: lib, num: num, name: l.words, idx: -1, libFailed: true}, true
	}
	return boringHit{}, false
}

// boringNameAt finds the reason name rest starts with (with underscores,
// or with spaces after a macro-to-words pass), preferring one of lib; it
// returns the row and the name as found (an older one, upper-case).
func boringNameAt(rest string, lib int) (int, string, bool) {
	norm := strings.ReplaceAll(rest, " ", "_")
	for _, n := range boringNameList() {
		if !strings.HasPrefix(norm, n) || len(norm) > len(n) && isWordByte(norm[len(n)]) {
			continue
		}
		rows := boringNames()[n]
		for _, i := range rows {
			if boringReasons[i].Lib == lib {
				return i, strings.ToUpper(n), true
			}
		}
		return rows[0], strings.ToUpper(n), true
	}
	return 0, "", false
}

// findBoringErrors reads the BoringSSL errors a lower-case line prints
// ("error:CODE:LIBRARY:OPENSSL_internal:NAME", in hex or decimal): the
// last one that does not only say another library failed, else the last.
// The name wins over the number; the number tells a name the table lacks.
func findBoringErrors(lower string) (boringHit, bool) {
	var last, below boringHit
	found := false
	for _, m := range reBoringErr.FindAllStringSubmatchIndex(lower, maxStructured) {
		var code uint64
		var err error
		if m[2] >= 0 {
			code, err = strconv.ParseUint(lower[m[2]:m[3]], 16, 32)
		} else {
			code, err = strconv.ParseUint(lower[m[4]:m[5]], 10, 32)
		}
		if err != nil {
			continue
		}
		h, byCode := boringCode(uint32(code))
		rest := lower[m[1]:]
		if i, name, ok := boringNameAt(rest, int(code>>24)); ok {
			h = boringHit{code: uint32(code), lib: boringReasons[i].Lib, num: boringReasons[i].Num, name: name, idx: i}
		} else if !byCode {
			continue
		}
		if h.libFailed {
			below, found = h, true
			continue
		}
		last, found = h, true
	}
	if last.name != "" {
		return last, true
	}
	return below, found
}

// openSSLWords holds "MACRO words" for each reason of OpenSSL 3's tables
// and its words (SSL_R_CERTIFICATE_VERIFY_FAILED certificate verify
// failed), and each macro any OpenSSL version has.
var openSSLWords = sync.OnceValue(func() [2]map[string]bool {
	words, macros := map[string]bool{}, map[string]bool{}
	for _, r := range reasonTable {
		macros[r.Macro] = true
		if r.Nums[v30] == 0 && r.Nums[v32] == 0 {
			continue
		}
		for _, s := range append([]string{r.Text}, r.Spellings...) {
			words[r.Macro+" "+strings.ToLower(s)] = true
		}
	}
	return [2]map[string]bool{words, macros}
})

// reConvertible is a name explain's macro-to-words pass turns into words
// (it leaves names with digits, such as INVALID_UTF8STRING, as they are).
var reConvertible = lazyre.New(`^(?:(?:sslv3|tlsv1|tlsv13)_alert_[a-z_]+|[a-z]+(?:_[a-z]+){0,8})$`)

// boringShared reports whether OpenSSL 3 has the reason named name (as
// printed: an older name too) with the words the name makes
// (CERTIFICATE_VERIFY_FAILED: `certificate verify failed`), so that
// OpenSSL's words and the entries that read them tell it.
func boringShared(i int, name string) bool {
	r := boringReasons[i]
	prefix := strings.TrimSuffix(r.Macro, r.Name)
	words := " " + strings.ToLower(strings.ReplaceAll(name, "_", " "))
	if openSSLWords()[0][prefix+strings.ToUpper(name)+words] {
		return true
	}
	// BoringSSL's CIPHER and DIGEST libraries hold what OpenSSL's EVP
	// reports (CIPHER_R_BAD_DECRYPT is OpenSSL's EVP_R_BAD_DECRYPT).
	return (prefix == "CIPHER_R_" || prefix == "DIGEST_R_") && openSSLWords()[0]["EVP_R_"+strings.ToUpper(name)+words]
}

// boringInOpenSSL reports whether any OpenSSL version names the reason
// (as printed) with the same macro: its bare name may then be OpenSSL's
// (Python's "[SSL: NAME]").
func boringInOpenSSL(i int, name string) bool {
	r := boringReasons[i]
	return openSSLWords()[1][strings.TrimSuffix(r.Macro, r.Name)+strings.ToUpper(name)]
}

// alertWordsEntry is the entry that reads a received alert in OpenSSL's
// words ("alert certificate required"), if one does.
func alertWordsEntry(a alert) (Entry, bool) {
	words := "alert " + strings.ReplaceAll(a.name, "_", " ")
	for _, e := range entries() {
		if e.Kind == "alert" && !e.Fallback && slices.Contains(e.Match, words) {
			return e, true
		}
	}
	return Entry{}, false
}

// own reports whether OpenSSL's words do not tell the hit, which the
// catalogue then tells as BoringSSL's: its own reasons, names explain's
// macro-to-words pass does not turn into OpenSSL's words, a received
// alert no alert entry reads in words, and a library reason ("PEM
// routines").
func (h boringHit) own() bool {
	if h.idx < 0 {
		return h.libFailed
	}
	name := strings.ToLower(h.name)
	if !reConvertible.MatchString(name) {
		return true
	}
	if boringShared(h.idx, h.name) {
		return false
	}
	r := boringReasons[h.idx]
	if a, ok := alertByNumber(r.Num - 1000); ok && r.Lib == 16 && r.Num >= 1000 && strings.HasSuffix(name, "alert_"+a.name) {
		return alertWordsWrong[a.num]
	}
	return true
}

// alertWordsWrong are the alerts whose BoringSSL name in OpenSSL's words
// no entry reads right: `tlsv1 alert bad certificate status response`
// reads as bad_certificate, and close_notify, unsupported_extension and
// certificate_unobtainable and ech_required have no entry in those words.
// The other alerts' entries read BoringSSL's SSLV3_ALERT_ and TLSV1_ALERT_
// names.
var alertWordsWrong = map[int]bool{0: true, 110: true, 111: true, 113: true, 114: true, 121: true}

// findBoringName finds BoringSSL's own reason named alone in a line
// (NO_COMMON_SIGNATURE_ALGORITHMS, SSL_R_..., node's ERR_SSL_... in
// Electron apps): only names no OpenSSL version has, of three words or
// more unless a macro prefix marks them.
func findBoringName(lower string) (boringHit, bool) {
	for _, m := range reBoringToken.FindAllStringSubmatch(lower, 4*maxStructured) {
		tok := m[1]
		marked := false
		if i := strings.Index(tok, "_r_"); i >= 0 {
			tok, marked = tok[i+3:], true
		}
		if t, ok := strings.CutPrefix(tok, "err_ssl_"); ok {
			tok, marked = t, true
		}
		if _, isAlert := alertByName(tok); !marked && (isAlert || strings.Count(tok, "_") < 2) {
			// Two words or an alert's name (unsupported_certificate)
			// are other programs' words too (Erlang's alert atoms).
			continue
		}
		rows := boringNames()[tok]
		if len(rows) == 0 {
			continue
		}
		i := rows[0]
		if boringInOpenSSL(i, tok) || boringShared(i, tok) {
			continue
		}
		r := boringReasons[i]
		h := boringHit{code: uint32(r.Lib)<<24 | uint32(r.Num), lib: r.Lib, num: r.Num, name: strings.ToUpper(tok), idx: i}
		if h.own() {
			return h, true
		}
	}
	return boringHit{}, false
}

// boringAlone rewrites a BoringSSL packed code pasted alone ("1000007d",
// envoy's decimal "268435581") as BoringSSL prints it, with the words of
// its reason when OpenSSL shares them, so that the entries that read
// those words tell it. A hex code is BoringSSL's only when OpenSSL's
// 3 tables do not know it: it has no function bits, which OpenSSL 1.x sets.
func boringAlone(lower string) (string, bool) {
	var code uint64
	var err error
	switch {
	case len(lower) == 8:
		code, err = strconv.ParseUint(lower, 16, 32)
		if err == nil && code&0xFFF000 != 0 {
			return "", false
		}
		for _, v := range []int{v30, v32} {
			if _, ok := reasonByNum()[v][[2]int{int(code >> 23), int(code & 0xFFF)}]; ok && err == nil {
				// OpenSSL 3's packing (0a000086) wins.
				return "", false
			}
		}
	case reBoringDecimal.MatchString(lower):
		code, err = strconv.ParseUint(lower, 10, 32)
	default:
		return "", false
	}
	if err != nil {
		return "", false
	}
	h, ok := boringCode(uint32(code))
	if !ok || h.idx < 0 {
		return "", false
	}
	l, _ := boringLibByNum(h.lib)
	name := strings.ToLower(h.name)
	if !h.own() {
		name = strings.ReplaceAll(name, "_", " ")
	}
	return fmt.Sprintf("error:%08x:%s:openssl_internal:%s", code, strings.ToLower(l.words), name), true
}

// boringAlert is the TLS alert a BoringSSL reason of 1000 and above says
// the peer sent (SSL_R_TLSV1_ALERT_UNKNOWN_CA, 1048: alert 48).
func boringAlert(r BoringReason) (alert, bool) {
	if r.Lib != 16 || r.Num < 1000 {
		return alert{}, false
	}
	return alertByNumber(r.Num - 1000)
}

// boringClass is a kind of BoringSSL reason: the words of its name that
// select it, its story and first step.
var boringClasses = []errClass{
	{[]string{"CERT", "X509", "ISSUER", "CA_", "_CA", "SIGNATURE", "CHAIN", "VERIFY", "PEER_DID_NOT"}, boringCertStory, boringCertFix},
	{[]string{"VERSION", "CIPHER", "NO_SHARED", "NO_COMMON", "PROTOCOL", "GROUP", "CURVE", "ALPN", "SRTP", "NEGOTIAT"}, boringNegoStory, boringNegoFix},
	{[]string{"DECODE", "PARSE", "UNEXPECTED", "RECORD", "PACKET", "LENGTH", "EXTENSION", "MESSAGE", "HANDSHAKE", "BAD_", "EXCESS", "DUPLICATE", "INVALID", "WRONG", "MISSING"}, boringProtoStory, boringProtoFix},
	{[]string{"KEY", "PRIVATE", "PEM", "PASSWORD", "DECRYPT", "PKCS", "ASN1"}, boringKeyStory, boringKeyFix},
}

// boringLibStory says what a BoringSSL library's reasons are about.
var boringLibStory = map[int]string{
	16: "It comes from BoringSSL's TLS engine (libssl): the handshake or a record broke at this point, on this side or, for an alert, by the peer that sent it.",
	11: "It comes from BoringSSL's certificate library (X509): parsing, building or checking a certificate, a CRL or a chain.",
	20: "It comes from BoringSSL's certificate extensions (X509V3): a certificate's or CSR's extension that it could not read or does not accept.",
	9:  "It comes from BoringSSL's PEM reader: the BEGIN/END lines, the base64 inside them or the passphrase of an encrypted PEM block.",
	6:  "It comes from BoringSSL's public key layer (EVP): a key of a type it does not support here, a key that does not parse, or a signature or key operation that failed.",
	12: "It comes from BoringSSL's ASN.1 library, which decodes the DER inside certificates and keys: usually a damaged file or one of another kind.",
	19: "It comes from BoringSSL's PKCS#8 and PKCS#12 code: an encrypted key or a .p12/.pfx file it could not open (a wrong password, or ciphers it does not support).",
	30: "It comes from BoringSSL's ciphers: a record or an encrypted key that did not decrypt.",
	4:  "It comes from BoringSSL's RSA code: an RSA key or signature it could not use (a key too small or too large, a bad padding, a key that does not match).",
	15: "It comes from BoringSSL's elliptic-curve code: a curve it does not support, or a point or key that is not valid.",
}

const (
	boringTitle          = "BoringSSL: {name} ({macro})"
	boringWhy            = "BoringSSL reports {name} ({macro}, packed code {hex}, {dec} in decimal as envoy prints it): the program that printed it runs on BoringSSL, Google's fork of OpenSSL (Chrome and Electron apps, Android's Conscrypt, gRPC's C core and its Python, Ruby, PHP, C# and Node wrappers, envoy and Istio, Swift NIO, ClickHouse), which prints its reasons as macro names after `OPENSSL_internal`."
	boringOld            = "It is an older BoringSSL's name for it; newer versions print {name}."
	boringLibFailedStory = "It only says that another of BoringSSL's libraries failed below this call ({name}): the error printed before it on the same line is the cause."

	boringCertStory  = "It is about a certificate or a signature of the handshake: the peer's certificate chain, which BoringSSL (or the program's own verifier, such as Chrome's, Conscrypt's or envoy's) refused, or this side's own certificate and key, which it could not use."
	boringCertFix    = "See the chain the server sends and how it verifies, then fix what the name says (on the server's chain, or in the client's trusted CAs):\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null"
	boringNegoStory  = "The two sides found nothing in common at this step: a TLS version, a cipher suite, a key-exchange group or an ALPN protocol; BoringSSL offers no TLS 1.0/1.1 in newer builds and no legacy ciphers (3DES, RC4, CBC with SHA-2 and DHE key exchange)."
	boringNegoFix    = "See what the server accepts, and compare with what this program offers:\n  openssl s_client -connect host:443 -servername host </dev/null"
	boringProtoStory = "BoringSSL received a TLS message it did not expect or could not parse: the port does not speak TLS (plain HTTP on it), a proxy or TLS inspection box in between answered or altered it, the peer sent something BoringSSL is stricter about than OpenSSL, or the peer has a bug."
	boringProtoFix   = "See what answers on the port, and compare with a direct handshake:\n  curl -v http://host:443/\n  openssl s_client -connect host:443 -servername host </dev/null"
	boringKeyStory   = "It is about a key or a file BoringSSL was given to load: not PEM of the expected kind, an encrypted key without its password, a key type or a PKCS#12 cipher BoringSSL does not support, or a key that does not belong to the certificate."
	boringKeyFix     = "Check that the key opens and belongs to the certificate:\n  " + keyPairCheck
	boringDefStory   = "It is one of BoringSSL's own reasons; the name says what failed at this step."
	boringDefFix     = "Reproduce the handshake with a verbose client to see both sides' view:\n  openssl s_client -connect host:443 -servername host </dev/null"
)

// boringEntry is the generic entry for a BoringSSL reason: a received
// alert is told as that alert; the others by library and name.
func boringEntry(h boringHit) Entry {
	macro := "ERR_R_" + strings.ToUpper(strings.ReplaceAll(h.name, " ", "_"))
	r := BoringReason{Lib: h.lib, Num: h.num, Name: h.name}
	if h.idx >= 0 {
		r = boringReasons[h.idx]
		macro = r.Macro
	}
	code := h.code
	if code == 0 {
		code = uint32(h.lib)<<24 | uint32(h.num)
	}
	why := Fill(boringWhy, Vars{"name": h.name, "macro": macro, "hex": fmt.Sprintf("%08x", code), "dec": strconv.FormatUint(uint64(code), 10)})
	title := Fill(boringTitle, Vars{"name": h.name, "macro": macro})
	if h.idx >= 0 && !strings.EqualFold(h.name, r.Name) {
		why += " " + Fill(boringOld, Vars{"name": r.Name})
	}
	if h.libFailed {
		return Entry{ID: BoringSSLReason, Kind: "reason", Title: title, Explanation: why + " " + Fill(boringLibFailedStory, Vars{"name": h.name}), Fix: boringDefFix}
	}
	if a, ok := boringAlert(r); ok {
		if en, ok := alertWordsEntry(a); ok {
			// An older name of an alert an entry tells
			// (TLSV1_CERTIFICATE_REQUIRED).
			return cloneEntry(en)
		}
		en := AlertEntry(a)
		en.ID, en.Kind, en.Title = BoringSSLReason, "reason", title
		en.Explanation = why + " " + en.Explanation
		return en
	}
	def := errClass{story: boringDefStory, fix: boringDefFix}
	switch r.Lib {
	case 4, 6, 9, 12, 15, 19, 30:
		// RSA, EVP, PEM, ASN1, EC, PKCS8 and CIPHER: keys and files.
		def = errClass{story: boringKeyStory, fix: boringKeyFix}
	case 11, 20:
		def = errClass{story: boringCertStory, fix: boringCertFix}
	}
	c := classOf(r.Name, boringClasses, def)
	if r.Lib == 11 || r.Lib == 20 {
		// The certificate libraries' reasons are about a certificate,
		// whatever words their names share with the TLS engine's
		// (INVALID_FIELD_FOR_VERSION is a certificate's version).
		c = def
	}
	if story, ok := boringLibStory[r.Lib]; ok {
		why += " " + story
	}
	return Entry{
		ID: BoringSSLReason, Kind: "reason",
		Title:       title,
		Explanation: why + " " + c.story,
		Fix:         c.fix,
	}
}
