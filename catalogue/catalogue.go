// Package catalogue is the one body of knowledge every mtlsdoctor command
// shares: what each OpenSSL verify code, nginx log message, OpenSSL reason,
// TLS alert and HTTP status means in an nginx mutual-TLS setup, why it
// happens and how to fix it. certs, probe, logs and explain all quote the
// same entries, so they always tell the same story for the same failure.
//
// It is also the one home of the words of every finding: each section's
// file (findings_certs.go, findings_nginx.go, findings_probe.go,
// findings_logs.go, findings_doctor.go, findings_explain.go) registers the
// section's finding ids (package finding) and holds the Texts its rules
// fill in, next to each other.
//
// Nothing here prints or reads files; it is data plus lookups. It imports
// only package finding.
package catalogue

import (
	"strings"

	"github.com/mtlsdoctor/mtlsdoctor/finding"
)

// VerifyCode describes one OpenSSL X509_V_ERR_* verification result code.
type VerifyCode struct {
	// Code is the number nginx prints in "(%d:%s)".
	Code int
	// Macro is the OpenSSL 3.0 macro name, e.g. "X509_V_ERR_CA_MD_TOO_WEAK".
	Macro string
	// Text is exactly what X509_verify_cert_error_string returns in
	// OpenSSL 3.0.8 and later (what Debian 12's nginx logs).
	Text string
	// Spellings are the other texts the same code has had in other
	// OpenSSL versions (1.1.1, 3.0.0-3.0.7, master), matched by explain and logs.
	Spellings []string
	// Meaning is one plain sentence: what went wrong.
	Meaning string
	// Causes explains the usual causes in an nginx client-certificate setup.
	Causes string
	// Fix says what to do, with a concrete command where one exists.
	Fix string
	// Confirm is a command that shows the problem, e.g. an openssl verify line.
	Confirm string
	// SeenInNginx is true when the code has been seen as the final error in
	// a real nginx error log (as opposed to only with openssl verify).
	SeenInNginx bool
	// OldCode is the number OpenSSL 1.1.1 logged for this same text and
	// meaning when it differs from Code: 24 for 79 ("invalid CA
	// certificate") and 79 for 94 (explicit ECC parameters); 0 otherwise.
	// Numbers alone are ambiguous across versions; texts are not.
	OldCode int
	// OptionalNoCA is true for the codes nginx lets through under
	// "ssl_verify_client optional_no_ca" (18, 19, 20, 21, 27): the request
	// proceeds and $ssl_client_verify holds FAILED:<text>.
	OptionalNoCA bool
}

// OpenSSLError is the "code:text" form nginx logs inside parentheses,
// e.g. "68:CA signature digest algorithm too weak".
func (v VerifyCode) OpenSSLError() string {
	return itoa(v.Code) + ":" + v.Text
}

// Entry describes one non-numeric thing a user may meet: an nginx log
// message, an OpenSSL reason string, a TLS alert or an HTTP status.
type Entry struct {
	// ID is the finding id this entry maps to, e.g. NoClientCert,
	// HandshakeFailed, Status495.
	ID finding.ID
	// Kind is "nginx" (a log message), "reason" (an OpenSSL error reason),
	// "alert" (a TLS alert), "status" (an HTTP status nginx uses) or
	// "client" (what a client such as Go or a browser prints).
	Kind string
	// Match holds lower-case substrings; an input matches the entry when it
	// contains any of them (after lower-casing).
	Match []string
	// Level is the nginx error_log level the message is written at, if any.
	Level string
	// Status is the HTTP status involved (495, 496, 497, 400), if any.
	Status int
	// Title is one line; Explanation says why it breaks; Fix what to do;
	// Confirm a command that shows the problem.
	Title, Explanation, Fix, Confirm string
	// Within, when set, holds lower-case substrings of which the input must
	// also contain one: the same OpenSSL reason means different things in
	// nginx's "SSL_do_handshake() failed" line and in a client's output.
	Within []string
	// Without, when set, holds lower-case substrings the input must not
	// contain: nginx's own handshake lines about its clients are not its
	// handshakes with upstreams.
	Without []string
	// Exact holds lower-case names that match only as the whole input, for
	// names too common to search for inside a line ("unknown ca").
	Exact []string
	// Fallback marks a catch-all entry (e.g. any "SSL_do_handshake() failed"
	// line); Lookup drops it when a more specific entry or code matched.
	Fallback bool
	// Side, when set, is the part in the handshake ("server" or "client")
	// of the program whose words the entry matches: a product's message
	// that only its server, or only its client, writes. It tells the side
	// of a line whose writer nothing else names.
	Side string
	// Own marks an entry that explains a line in its writer's own terms
	// (a Go server's log, a Java client's alert): the bare reason and
	// alert entries, told from another side's view, step aside for it.
	Own bool
	// Product marks an entry of a product's own message, whose fix is the
	// product's: a program-wide fix for the same id does not replace it.
	Product bool
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

// FixFor is the entry's fix for a line whose OpenSSL reason is known
// (empty: not known, and the fix says REASON).
func (e Entry) FixFor(reason string) string {
	reason = strings.ReplaceAll(reason, "'", "") // it goes between single quotes
	if reason == "" {
		reason = "REASON"
	}
	return Fill(e.Fix, Vars{"reason": reason})
}
