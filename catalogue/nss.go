package catalogue

import (
	"strconv"
	"strings"
	"sync"

	"github.com/mtlsdoctor/mtlsdoctor/finding"
	"github.com/mtlsdoctor/mtlsdoctor/internal/lazyre"
)

// NSSErr is the id of an NSS error (SSL_ERROR_, SEC_ERROR_,
// MOZILLA_PKIX_ERROR_) that no hand-written entry tells: its generic story.
const NSSErr finding.ID = "explain/nss-error"

func init() { finding.Register(libError(NSSErr)) }

// NSSError is one error of NSS: its number (-12286), name and the words
// NSS prints for it.
type NSSError struct {
	Code       int
	Name, Text string
	Spellings  []string
}

var (
	reNSSName = lazyre.New(`\b((?:ssl_error|sec_error|mozilla_pkix_error)_[a-z0-9_]+)\b`)
	// curl on NSS: "NSS error -8179 (SEC_ERROR_UNKNOWN_ISSUER)", or the
	// number alone: "NSS error -12263".
	reNSSCode = lazyre.New(`nss error:? ?(-\d{4,5})\b`)
)

// nssDistinct is the length from which NSS's words are taken as NSS's
// without its name or number in the line (curl on NSS prints only the
// words: "Peer's Certificate issuer is not recognized.").
const nssDistinct = 30

var nssTexts = sync.OnceValue(func() []indexedText {
	return textIndex(len(nssErrors), func(i int) []string {
		ts := append([]string{nssErrors[i].Text}, nssErrors[i].Spellings...)
		// Older Netscape and Firefox wrote "The security library has
		// encountered an improperly formatted DER-encoded message." for
		// NSS's "security library: improperly formatted DER-encoded
		// message.": its words after the prefix stand for it too.
		if rest, ok := strings.CutPrefix(nssErrors[i].Text, "security library: "); ok {
			ts = append(ts, rest)
		}
		return ts
	}, nssDistinct)
})

// findNSS finds the NSS error a line names: by its name, by curl's "NSS
// error -N", else by NSS's words.
func findNSS(lower string) (NSSError, bool) {
	if m := reNSSName.FindStringSubmatch(lower); m != nil {
		for _, e := range nssErrors {
			if strings.EqualFold(e.Name, m[1]) {
				return e, true
			}
		}
	}
	if m := reNSSCode.FindStringSubmatch(lower); m != nil {
		n, _ := strconv.Atoi(m[1])
		for _, e := range nssErrors {
			if e.Code == n {
				return e, true
			}
		}
	}
	for _, t := range nssTexts() {
		if strings.Contains(lower, t.text) {
			return nssErrors[t.idx], true
		}
	}
	return NSSError{}, false
}

// nssAlertNames are NSS's names of received alerts whose words differ
// from the alert's.
var nssAlertNames = map[string]string{
	"bad_mac": "bad_record_mac", "bad_cert": "bad_certificate", "revoked_cert": "certificate_revoked",
	"expired_cert": "certificate_expired", "unsupported_cert": "unsupported_certificate",
	"bad_cert_status_response": "bad_certificate_status_response", "bad_cert_hash_value": "bad_certificate_hash_value",
	"rx_certificate_required": "certificate_required",
}

// nssAlert is the alert an SSL_ERROR_X_ALERT name says the peer sent.
func nssAlert(name string) (alert, bool) {
	lower := strings.ToLower(name)
	if !strings.HasPrefix(lower, "ssl_error_") || !strings.HasSuffix(lower, "_alert") {
		return alert{}, false
	}
	a := strings.TrimSuffix(strings.TrimPrefix(lower, "ssl_error_"), "_alert")
	if n, ok := nssAlertNames[a]; ok {
		a = n
	}
	return alertByName(a)
}

// nssEntry is the generic entry for an NSS error: a received alert is
// told as that alert; the others by what part of NSS they come from.
func nssEntry(e NSSError) Entry {
	why := Fill(nssWhy, Vars{"name": e.Name, "code": itoa(e.Code), "text": e.Text})
	if a, ok := nssAlert(e.Name); ok {
		en := AlertEntry(a)
		en.ID, en.Kind = NSSErr, "reason"
		en.Title = Fill(nssTitle, Vars{"name": e.Name, "text": strings.TrimRight(e.Text, ". ")})
		en.Explanation = why + " " + en.Explanation
		return en
	}
	story, fix := nssTLSStory, nssTLSFix
	switch n := e.Name; {
	case strings.HasPrefix(n, "SEC_ERROR_") || strings.HasPrefix(n, "MOZILLA_PKIX_ERROR_"):
		story, fix = nssCertStory, nssCertFix
	case strings.Contains(n, "_RX_") || strings.Contains(n, "MALFORMED") || strings.Contains(n, "UNEXPECTED"):
		story, fix = nssProtocolStory, nssProtocolFix
	}
	return Entry{
		ID: NSSErr, Kind: "reason",
		Title:       Fill(nssTitle, Vars{"name": e.Name, "text": strings.TrimRight(e.Text, ". ")}),
		Explanation: why + " " + story,
		Fix:         fix,
	}
}

const (
	nssTitle = "NSS: {text} ({name})"
	nssWhy   = "NSS reports {name} ({code}: `{text}`): the program that printed it runs on NSS (Firefox and Thunderbird, curl and other programs on RHEL and CentOS 7 and older, Chrome on Linux before 2016)."

	nssCertStory = "It is about a certificate NSS checked (the server's, for a client): its issuer, dates, name, usage, signature or revocation status, as NSS and Firefox's mozilla::pkix judge them; Firefox keeps its own store of trusted CAs, apart from the system's."
	nssCertFix   = "See the server's chain and how OpenSSL judges it, then fix what NSS names (Firefox: import a private CA under Settings > Certificates, or set security.enterprise_roots.enabled to use the system's):\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null"

	nssProtocolStory = "NSS received a TLS message it did not expect or could not parse: the port does not speak TLS (plain HTTP on it), a proxy or TLS inspection box in between answered or altered it, or the peer has a bug."
	nssProtocolFix   = "See what answers on the port, and compare with a direct handshake:\n  curl -v http://host:443/\n  openssl s_client -connect host:443 -servername host </dev/null"

	nssTLSStory = "It comes from NSS's TLS engine: the handshake broke at this step, on this side (a version, cipher suite or certificate it was not given or does not allow), or by the peer."
	nssTLSFix   = "See what the server accepts, and compare with what this program allows:\n  openssl s_client -connect host:443 -servername host </dev/null"
)
