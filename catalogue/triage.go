package catalogue

import "strings"

// triageRule names a cause that a line's own words state plainly when no
// entry matches its wording: a line with one of any (and, when set, one of
// also) is told as reason, a wording that has an entry.
type triageRule struct {
	any, also []string
	reason    string
}

// triageRules are tried in order. Received alerts come before the trust
// words they share ("unknown CA"); the words are lower-case, and chosen so
// that they speak of certificates only ("expired" alone also ends
// passwords and sessions).
var triageRules = []triageRule{
	{any: []string{"alert[c] : unknown ca", "alert: unknown ca", "alert unknown_ca", "alert (unknown ca)"}, reason: "tlsv1 alert unknown ca"},
	{any: []string{"alert[c] : bad certificate", "alert: bad certificate", "alert (bad certificate)"}, reason: "sslv3 alert bad certificate"},
	{any: []string{"alert[c] : certificate unknown", "alert: certificate unknown", "alert (certificate unknown)"}, reason: "sslv3 alert certificate unknown"},
	{any: []string{"vertificate signed by unknown authority", "certificate signed by unknow", "signed by unknown authority",
		"untrusted ssl certificate", "untrusted server certificate", "untrusted certificate", "certificate is not trusted",
		"certificate not trusted", "not a trusted certificate", "certificate is untrusted", "root certificate cannot be found",
		"intermediate or root certificate", "certificate chain could not be", "could not build the certificate chain",
		"unable to build certificate chain", "certificate issuer is not trusted", "untrusted root", "untrusted issuer",
		"issuer is not trusted", "issuer certificate cannot be found", "certificate chain is not trusted"}, reason: "unable to get local issuer certificate"},
	{any: []string{"certificate is expired", "certificate has expired", "certificate expired", "cert expired", "cert has expired",
		"certificate has been expired", "certificates have expired", "certificate was expired", "expired certificate", "expired cert"}, reason: "certificate has expired"},
	{any: []string{"certificate is not yet valid", "certificate not yet valid", "not valid yet"}, also: []string{"cert"}, reason: "certificate is not yet valid"},
	{any: []string{"x 509: certificate is valid for", "x  509: certificate is valid for", "x    509: certificate is valid for",
		"does not match the certificate's", "doesn't match the certificate's",
		"host name does not match", "hostname does not match", "hostname doesn't match", "name on the certificate does not match",
		"name in the certificate does not match", "certificate name mismatch", "certificate name does not match", "common name mismatch",
		"cn mismatch", "subject name mismatch"}, reason: "hostname mismatch"},
}

// Triage is the wording of a cause that a line (lower-case) no entry
// matches states in words of its own, and the words that state it; ok is
// false when its words state none.
func Triage(lower string) (reason, words string, ok bool) {
	for _, r := range triageRules {
		for _, w := range r.any {
			if strings.Contains(lower, w) && (len(r.also) == 0 || containsAny(lower, r.also)) {
				return r.reason, w, true
			}
		}
	}
	return "", "", false
}

// TriagedNote follows the explanation of a line that no entry matched,
// told by the cause its own words state ({words}).
const TriagedNote = "No entry has this line's wording, and it names no error code: it is told by what its words say (\"{words}\"), in the terms of the same failure in OpenSSL."
