package catalogue

import (
	"sort"
	"strconv"
	"strings"

	"github.com/mtlsdoctor/mtlsdoctor/finding"
)

// OpenSSLReason is the id of an OpenSSL reason that no hand-written entry
// tells: its generic story, from the reason tables.
var OpenSSLReason = id(finding.Explain, "openssl-reason", warn, 0, errs, note)

// Reason is one reason of OpenSSL's error tables (reasons_gen.go, made by
// scripts/genreasons from OpenSSL's headers and reason strings).
type Reason struct {
	// Lib is the library number (20 SSL, 11 X509, 9 PEM, 6 EVP, 13 ASN1)
	// and Num the reason number: 3.x packs them as lib<<23|num
	// (0A000418), 1.x as lib<<24|func<<12|num (14094418).
	Lib, Num int
	// Macro is its name (SSL_R_TLSV1_ALERT_UNKNOWN_CA), Text the words
	// OpenSSL 3.0 prints, Spellings other versions' words.
	Macro, Text string
	Spellings   []string
}

// reasonTexts lists every lower-case text and spelling, longest first.
var reasonTexts = func() []reasonText {
	var out []reasonText
	for i, r := range reasonTable {
		out = append(out, reasonText{strings.ToLower(r.Text), i})
		for _, s := range r.Spellings {
			out = append(out, reasonText{strings.ToLower(s), i})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].text) > len(out[j].text) })
	return out
}()

type reasonText struct {
	text string
	idx  int
}

var reasonByCode = func() map[[2]int]int {
	m := map[[2]int]int{}
	for i, r := range reasonTable {
		m[[2]int{r.Lib, r.Num}] = i
	}
	return m
}()

// Reasons returns every reason of the tables.
func Reasons() []Reason {
	out := make([]Reason, len(reasonTable))
	copy(out, reasonTable)
	return out
}

// ReasonByCode finds the reason of a packed OpenSSL error code, in the 1.x
// or the 3.x packing.
func ReasonByCode(code uint32) (Reason, bool) {
	var lib, num int
	if code&0x7FF000 == 0 {
		lib, num = int(code>>23), int(code&0x7FFFFF)
	} else {
		lib, num = int(code>>24), int(code&0xFFF)
	}
	if i, ok := reasonByCode[[2]int{lib, num}]; ok {
		return reasonTable[i], true
	}
	return Reason{}, false
}

// followUps are reasons OpenSSL queues after the one that tells the cause
// (1.0's "ssl handshake failure" after a received alert).
var followUps = map[string]bool{"SSL_R_SSL_HANDSHAKE_FAILURE": true}

// findReason finds the reason a lower-case line names: the last packed
// code of its error queue ("error:0a000418:") that is not a follow-up of
// an earlier one, else the longest reason text in it (at word boundaries).
func findReason(lower string) (Reason, bool) {
	if len(lower) == 8 {
		// A packed code alone: "14094418", "0a000418".
		if n, err := strconv.ParseUint(lower, 16, 32); err == nil {
			if r, ok := ReasonByCode(uint32(n)); ok {
				return r, true
			}
		}
	}
	for end := len(lower); ; {
		i := strings.LastIndex(lower[:end], "error:")
		if i < 0 {
			break
		}
		end = i
		h := lower[i+6:]
		if len(h) > 8 && h[8] == ':' {
			if n, err := strconv.ParseUint(h[:8], 16, 32); err == nil {
				if r, ok := ReasonByCode(uint32(n)); ok {
					if followUps[r.Macro] && strings.Contains(lower[:i], "error:") {
						continue
					}
					return r, true
				}
			}
		}
	}
	for _, rt := range reasonTexts {
		if len(rt.text) < 6 {
			continue
		}
		if j := strings.Index(lower, rt.text); j >= 0 && boundaryAt(lower, j) && boundaryAt(lower, j+len(rt.text)) {
			return reasonTable[rt.idx], true
		}
	}
	return Reason{}, false
}

// libStory says what each library's reasons are about.
var libStory = map[int]string{
	20: "It comes from OpenSSL's TLS engine (the SSL library): the handshake or a record broke at this point, on this side or, for an alert, on the other side that sent it.",
	11: "It comes from OpenSSL's certificate library (X509): building, checking or matching a certificate, a key or a CRL.",
	9:  "It comes from OpenSSL's PEM reader: the BEGIN/END lines, the base64 inside them or the passphrase of an encrypted PEM block.",
	6:  "It comes from OpenSSL's crypto layer (EVP): a cipher, digest, key or signature operation, such as decrypting an encrypted key or using a key type this build does not support.",
	13: "It comes from OpenSSL's ASN.1 library, which encodes and decodes the DER inside certificates, keys and their fields (names, times, integers): usually a damaged file or one of another kind, or a value out of range.",
}

// libFix is what to do first for each library's reasons.
var libFix = map[int]string{
	20: "Reproduce the handshake with a verbose client to see both sides' view:\n  openssl s_client -connect host:443 -servername host </dev/null",
	11: "Check the certificate and key files:\n  mtlsdoctor certs ./certs",
	9:  "Check the file is PEM of the right kind:\n  grep -n -- '-----' FILE",
	6:  "Check the key opens with its passphrase:\n  openssl pkey -in FILE -noout",
	13: "Check the file decodes:\n  openssl asn1parse -in FILE",
}

// ReasonEntry is the generic entry for an OpenSSL reason: what its
// library and its words say; for an alert, what the alert means.
func ReasonEntry(r Reason) Entry {
	why := "OpenSSL reports `" + r.Text + "` (" + r.Macro + "). " + libStory[r.Lib]
	if a, ok := alertByNumber(r.Num - 1000); ok && r.Lib == 20 && r.Num > 1000 {
		why += " " + Fill(alertStory, Vars{"num": itoa(a.num), "name": a.name, "meaning": a.meaning})
	}
	return Entry{
		ID: OpenSSLReason, Kind: "reason",
		Title:       Fill(reasonTitle, Vars{"text": r.Text, "macro": r.Macro}),
		Explanation: why,
		Fix:         libFix[r.Lib],
	}
}

const (
	reasonTitle = "OpenSSL: {text} ({macro})"
	alertStory  = "It is TLS alert {num} {name}, sent by the other side of the connection: {meaning}"
)
