package catalogue

import (
	"strings"
	"sync"

	"github.com/mtlsdoctor/mtlsdoctor/finding"
	"github.com/mtlsdoctor/mtlsdoctor/internal/lazyre"
)

// RustlsErr is the id of a rustls (or webpki) error that no hand-written
// entry tells: its generic story.
const RustlsErr finding.ID = "explain/rustls-error"

func init() { finding.Register(libError(RustlsErr)) }

// RustlsError is one variant of rustls's error enums (Error,
// CertificateError, PeerIncompatible, PeerMisbehaved, InvalidMessage,
// CertRevocationListError, EncryptedClientHelloError, InconsistentKeys,
// AlertDescription), of webpki's Error, or one free text of rustls 0.19's
// and 0.20's PeerIncompatibleError and PeerMisbehavedError (Enum is then
// that variant, Name the text): the side of rustls that returns it
// (client, server, both or ""), an alert's number (-1 for the others), the
// words its Display prints with {} for its values (none: its Debug name),
// and the versions that have it.
type RustlsError struct {
	Crate, Enum, Name string
	Side              string
	Alert             int
	Texts             []string
	Versions          string
}

// rustlsLead is how rustls prints an enum inside its Error, in Display
// ("invalid peer certificate: UnknownIssuer") or Debug
// ("InvalidCertificate(UnknownIssuer)") form: the enums the name after it
// is looked up in, and whether a name not found still makes the line a
// rustls error (words only rustls prints).
type rustlsLead struct {
	lead   string
	enums  []string
	own    bool
	action string // "received" or "sent" for an alert
}

var rustlsLeads = []rustlsLead{
	{"received fatal alert: ", []string{"AlertDescription"}, false, "received"},
	{"alertreceived(", []string{"AlertDescription"}, true, "received"},
	{"sending fatal alert ", []string{"AlertDescription"}, true, "sent"},
	{"invalid peer certificate contents: ", []string{"CertificateError", "Error"}, true, ""},
	{"invalidcertificatedata(\"", []string{"CertificateError", "Error"}, true, ""},
	{"invalid peer certificate: ", []string{"CertificateError", "Error"}, true, ""},
	{"invalidcertificate(", []string{"CertificateError", "Error"}, true, ""},
	{"invalid certificate: ", []string{"Error"}, false, ""},
	{"webpkierror(", []string{"Error"}, true, ""},
	{"peer is incompatible: ", []string{"PeerIncompatible", "PeerIncompatibleError"}, true, ""},
	{"peerincompatible(", []string{"PeerIncompatible"}, true, ""},
	{"peerincompatibleerror(\"", []string{"PeerIncompatibleError"}, true, ""},
	{"peer misbehaved: ", []string{"PeerMisbehaved", "PeerMisbehavedError"}, true, ""},
	{"peermisbehaved(", []string{"PeerMisbehaved"}, true, ""},
	{"peermisbehavederror(\"", []string{"PeerMisbehavedError"}, true, ""},
	{"received corrupt message of type ", []string{"InvalidMessage"}, true, ""},
	{"invalidmessage(", []string{"InvalidMessage"}, true, ""},
	{"corruptmessagepayload(", nil, true, ""},
	{"invalid certificate revocation list: ", []string{"CertRevocationListError"}, true, ""},
	{"invalidcertrevocationlist(", []string{"CertRevocationListError"}, true, ""},
	{"encrypted client hello failure: ", []string{"EncryptedClientHelloError"}, true, ""},
	{"invalidencryptedclienthello(", []string{"EncryptedClientHelloError"}, true, ""},
	{"keys may not be consistent: ", []string{"InconsistentKeys"}, true, ""},
	{"inconsistentkeys(", []string{"InconsistentKeys"}, true, ""},
}

// rustlsLeadError is the Error variant a lead prints, told when the name
// after it is not in the table (a newer version's).
var rustlsLeadError = map[string]string{
	"alertreceived(": "AlertReceived", "sending fatal alert ": "AlertReceived",
	"invalid peer certificate contents: ": "InvalidCertificateData", "invalidcertificatedata(\"": "InvalidCertificateData",
	"invalid peer certificate: ": "InvalidCertificate", "invalidcertificate(": "InvalidCertificate", "webpkierror(": "WebPKIError",
	"peer is incompatible: ": "PeerIncompatible", "peerincompatible(": "PeerIncompatible", "peerincompatibleerror(\"": "PeerIncompatibleError",
	"peer misbehaved: ": "PeerMisbehaved", "peermisbehaved(": "PeerMisbehaved", "peermisbehavederror(\"": "PeerMisbehavedError",
	"received corrupt message of type ": "InvalidMessage", "invalidmessage(": "InvalidMessage", "corruptmessagepayload(": "CorruptMessagePayload",
	"invalid certificate revocation list: ": "InvalidCertRevocationList", "invalidcertrevocationlist(": "InvalidCertRevocationList",
	"encrypted client hello failure: ": "InvalidEncryptedClientHello", "invalidencryptedclienthello(": "InvalidEncryptedClientHello",
	"keys may not be consistent: ": "InconsistentKeys", "inconsistentkeys(": "InconsistentKeys",
}

// RustlsFound is a rustls error found in a line, and whether the line
// says the alert was received or sent ("sent": rustls's own "Sending fatal
// alert X").
type RustlsFound struct {
	RustlsError
	Action string
}

var reRustlsToken = lazyre.New(`[a-z][a-z0-9_]*`)

// rustlsName is the variant name s starts with, past rustls's wrappers
// (Other(OtherError(X)), a 0.20 "invalid peer certificate: X" inside
// InvalidCertificateData, a quote).
func rustlsName(s string) string {
	for changed := true; changed; {
		changed = false
		for _, w := range []string{"other(", "othererror(", "\"", "invalid peer certificate: ", "webpki::error::", "certificateerror::"} {
			if strings.HasPrefix(s, w) {
				s, changed = s[len(w):], true
			}
		}
	}
	return reRustlsToken.FindString(s)
}

var rustlsByEnum = sync.OnceValue(func() map[string]map[string]int {
	out := map[string]map[string]int{}
	for i, e := range rustlsErrors {
		key := e.Enum
		if e.Crate == "webpki" {
			key = "webpki"
		}
		if out[key] == nil {
			out[key] = map[string]int{}
		}
		if _, ok := out[key][strings.ToLower(e.Name)]; !ok {
			out[key][strings.ToLower(e.Name)] = i
		}
	}
	return out
})

// rustlsIn finds name in one of enums (Error: webpki's, for the
// certificate leads; a free-text enum: its texts, by their start).
func rustlsIn(enums []string, name, rest string) (RustlsError, bool) {
	by := rustlsByEnum()
	for _, en := range enums {
		switch en {
		case "Error":
			en = "webpki"
		case "PeerIncompatibleError", "PeerMisbehavedError":
			for _, e := range rustlsErrors {
				if e.Enum == en && strings.HasPrefix(rest, strings.ToLower(e.Name)) {
					return e, true
				}
			}
			continue
		}
		if i, ok := by[en][name]; ok {
			return rustlsErrors[i], true
		}
	}
	return RustlsError{}, false
}

// rustlsError is rustls's Error variant name.
func rustlsErrorVariant(name string) (RustlsError, bool) {
	i, ok := rustlsByEnum()["Error"][strings.ToLower(name)]
	if !ok {
		return RustlsError{}, false
	}
	return rustlsErrors[i], true
}

// rustlsTexts are the words of rustls's Display arms up to their first
// value, of at least rustlsDistinct bytes ("peer sent no certificates",
// "certificate not valid for name"); General's and Other's are any
// program's words, AlertReceived's Java's too.
const rustlsDistinct = 20

var rustlsTexts = sync.OnceValue(func() []indexedText {
	return textIndex(len(rustlsErrors), func(i int) []string {
		e := rustlsErrors[i]
		if e.Name == "General" || e.Name == "Other" || e.Name == "AlertReceived" || e.Enum == "Log" {
			return nil
		}
		var out []string
		for _, t := range e.Texts {
			t, _, _ = strings.Cut(t, "{}")
			out = append(out, strings.TrimRight(t, ": ;"))
		}
		return out
	}, rustlsDistinct)
})

// rustlsBareMin is the length from which a variant's name alone
// ("CaUsedAsEndEntity", "NoCipherSuitesInCommon") is taken as rustls's.
const rustlsBareMin = 12

// findRustls finds the rustls or webpki error a lower-case line names: in
// one of rustls's forms ("invalid peer certificate: X", "AlertReceived(X)",
// "Sending fatal alert X"), else by rustls's words ("peer sent no
// certificates"), else by a long variant name alone.
func findRustls(lower string) (RustlsFound, bool) {
	var fallback RustlsFound
	haveFallback := false
	for _, l := range rustlsLeads {
		for from := 0; from < len(lower); {
			i := strings.Index(lower[from:], l.lead)
			if i < 0 {
				break
			}
			at := from + i + len(l.lead)
			from = at
			rest := lower[at:]
			name := rustlsName(rest)
			if e, ok := rustlsIn(l.enums, name, strings.TrimLeft(rest, "\"")); ok && name != "" {
				return RustlsFound{e, l.action}, true
			}
			if l.lead == "corruptmessagepayload(" || l.lead == "received corrupt message of type " {
				// rustls 0.19 and 0.20 name the record's content type.
				if e, ok := rustlsErrorVariant("CorruptMessagePayload"); ok && name != "" {
					return RustlsFound{e, ""}, true
				}
			}
			if l.own && !haveFallback {
				if e, ok := rustlsErrorVariant(rustlsLeadError[l.lead]); ok {
					fallback, haveFallback = RustlsFound{e, l.action}, true
				}
			}
		}
	}
	for _, t := range rustlsTexts() {
		if strings.Contains(lower, t.text) {
			return RustlsFound{rustlsErrors[t.idx], ""}, true
		}
	}
	if haveFallback {
		return fallback, true
	}
	by := rustlsByEnum()
	for _, tok := range reRustlsToken.FindAllString(lower, maxStructured*8) {
		if len(tok) < rustlsBareMin || strings.Contains(tok, "_") {
			continue
		}
		for _, en := range []string{"Error", "CertificateError", "PeerIncompatible", "PeerMisbehaved", "InvalidMessage", "CertRevocationListError", "webpki"} {
			if i, ok := by[en][tok]; ok {
				return RustlsFound{rustlsErrors[i], ""}, true
			}
		}
	}
	return RustlsFound{}, false
}

// rustlsAlertNames are the alerts whose rustls names are not the RFC's
// names without their underscores.
var rustlsAlertNames = map[string]string{"unrecognisedname": "unrecognized_name"}

// rustlsAlert is the TLS alert an AlertDescription variant is.
func rustlsAlert(e RustlsError) (alert, bool) {
	if e.Enum != "AlertDescription" {
		return alert{}, false
	}
	if a, ok := alertByNumber(e.Alert); ok {
		return a, true
	}
	return alertByName(rustlsAlertNames[strings.ToLower(e.Name)])
}

// RustlsServerSide reports whether lower names a rustls error that only
// rustls's server returns ("peer sent no certificates" of a client that
// sent none, "NoCipherSuitesInCommon"), so its writer is a TLS server.
func RustlsServerSide(lower string) bool {
	f, ok := findRustls(lower)
	if !ok || f.Action == "received" {
		return false
	}
	if f.Action == "sent" {
		// Only a rustls server sends certificate_required, of a client
		// that sent no certificate.
		return f.Name == "CertificateRequired"
	}
	return f.Side == "server" || rustlsServerOnly[f.Name]
}

// rustlsServerOnly are errors that rustls's message parsing returns (no
// side in the table) of what only a server reads: a client's empty
// Certificate, the ClientHello's server name (an IP address in SNI).
var rustlsServerOnly = map[string]bool{"NoCertificatesPresented": true, "InvalidServerName": true}

// rustlsDisplay is how the line's error reads in rustls's words.
func rustlsDisplay(f RustlsFound) string {
	switch {
	case f.Action == "sent":
		return "Sending fatal alert " + f.Name
	case f.Action == "received":
		return "received fatal alert: " + f.Name
	case f.Enum == "PeerIncompatibleError":
		return "peer is incompatible: " + f.Name
	case f.Enum == "PeerMisbehavedError":
		return "peer misbehaved: " + f.Name
	}
	lead := map[string]string{
		"CertificateError": "invalid peer certificate: ", "PeerIncompatible": "peer is incompatible: ", "PeerMisbehaved": "peer misbehaved: ",
		"InvalidMessage": "received corrupt message of type ", "CertRevocationListError": "invalid certificate revocation list: ",
		"EncryptedClientHelloError": "encrypted client hello failure: ", "InconsistentKeys": "keys may not be consistent: ",
	}[f.Enum]
	if f.Crate == "webpki" {
		return "webpki::Error::" + f.Name
	}
	if len(f.Texts) > 0 && lead == "" {
		return strings.TrimRight(f.Texts[0], " ")
	}
	return lead + f.Name
}

// rustlsEntry is the generic entry for a rustls error: a received alert
// is told as that alert; a sent one as this side's refusal; the others by
// what part of rustls they come from.
func rustlsEntry(f RustlsFound) Entry {
	vars := Vars{"words": rustlsDisplay(f), "enum": f.Enum, "name": f.Name, "versions": f.Versions, "crate": f.Crate}
	if a, ok := rustlsAlert(f.RustlsError); ok && f.Action != "sent" {
		en := AlertEntry(a)
		if own, ok := alertWordsEntry(a); ok {
			// The entry that tells the alert in OpenSSL's words
			// (certificate_required's client certificate to configure).
			en = cloneEntry(own)
		}
		en.Title += " (rustls: " + rustlsDisplay(f) + ")"
		en.Explanation = Fill(rustlsAlertWhy, vars) + " " + en.Explanation
		return en
	}
	title := Fill(rustlsTitle, vars)
	why := Fill(rustlsWhy, vars)
	if f.Action == "sent" || f.Enum == "AlertDescription" {
		story := rustlsSentStory
		if a, ok := rustlsAlert(f.RustlsError); ok {
			story = Fill(rustlsSentAlert, Vars{"num": itoa(a.num), "name": a.name, "meaning": a.meaning}) + " " + story
		}
		return Entry{ID: RustlsErr, Kind: "reason", Title: title, Explanation: why + " " + story, Fix: rustlsSentFix}
	}
	c := rustlsClassOf(f.RustlsError)
	return Entry{ID: RustlsErr, Kind: "reason", Title: title, Explanation: why + " " + c.story, Fix: c.fix}
}

// rustlsClassOf is the kind of a rustls error: a certificate, a CRL, a
// protocol the peer broke, one it does not share, or this side's own use.
func rustlsClassOf(e RustlsError) errClass {
	switch e.Enum {
	case "CertificateError":
		return rustlsCert
	case "CertRevocationListError":
		return rustlsCRL
	case "PeerIncompatible", "PeerIncompatibleError":
		return rustlsIncompatible
	case "PeerMisbehaved", "PeerMisbehavedError", "InvalidMessage":
		return rustlsProtocol
	}
	if e.Crate == "webpki" {
		if strings.Contains(strings.ToLower(e.Name), "crl") || strings.Contains(e.Name, "Revocation") {
			return rustlsCRL
		}
		return rustlsCert
	}
	return classOf(e.Name, []errClass{
		{words: []string{"Certificate", "WebPKI", "Sct", "SCT"}, story: rustlsCert.story, fix: rustlsCert.fix},
		{words: []string{"CertRevocation"}, story: rustlsCRL.story, fix: rustlsCRL.fix},
		{words: []string{"NoApplicationProtocol"}, story: rustlsALPN.story, fix: rustlsALPN.fix},
		{words: []string{"PeerIncompatible"}, story: rustlsIncompatible.story, fix: rustlsIncompatible.fix},
		{words: []string{"Inappropriate", "Corrupt", "InvalidMessage", "PeerMisbehaved", "DecryptError", "Oversized", "AlertReceived"}, story: rustlsProtocol.story, fix: rustlsProtocol.fix},
	}, rustlsLocal)
}

var (
	rustlsCert = errClass{
		story: "rustls (its certificate checker, webpki) refused the certificate the peer presented. rustls calls the other side the peer: in a client (reqwest, hyper, tonic, ureq, cargo, uv, deno) it is the server's certificate, checked against the client's roots (webpki-roots, Mozilla's list, unless built to read the system's); in a rustls server that checks client certificates it is the client's, checked against the server's client CA. webpki is stricter than OpenSSL: it wants X.509 v3 with a subjectAltName, refuses SHA-1, unknown critical extensions and a CA used as a leaf.",
		fix:   "See the chain the server sends and how OpenSSL judges it:\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null\nFor a client certificate a rustls server refused, check it against that server's client CA:\n  openssl verify -CAfile ca.crt client.crt",
	}
	rustlsCRL = errClass{
		story: "rustls could not use a certificate revocation list it was given (a rustls server's client-certificate verifier with CRLs, or a client's): the CRL does not parse, is not signed by the certificate's issuer, has expired, or uses a feature webpki does not support (delta or indirect CRLs).",
		fix:   "Check the CRL and that its issuer is the CA of the certificates it covers, then regenerate it:\n  openssl crl -in crl.pem -noout -issuer -nextupdate\n  openssl ca -gencrl -out crl.pem",
	}
	rustlsIncompatible = errClass{
		story: "The two sides share no protocol rustls accepts. rustls speaks only TLS 1.2 and 1.3, with ECDHE key exchange and AES-GCM or ChaCha20 suites (no RSA key exchange, no CBC suites, no TLS 1.0 or 1.1), so an old server or client, or one limited to legacy suites, cannot talk to it; a program may also restrict rustls further (one version only, a FIPS provider).",
		fix:   "See which versions and suites the other side offers:\n  openssl s_client -connect host:443 -servername host -tls1_2 </dev/null\n  nmap --script ssl-enum-ciphers -p 443 host\nthen enable TLS 1.2 with ECDHE-GCM suites (or TLS 1.3) there.",
	}
	rustlsALPN = errClass{
		story: "The two sides share no application protocol (ALPN): each lists the protocols it speaks over TLS (h2, http/1.1, h3 for HTTP/3 and WebTransport, a gRPC or QUIC program's own name), and rustls found none in common, so it ended the handshake (alert 120, no_application_protocol). A server set to an old or custom name (an HTTP/3 draft name such as h3-29, a WebTransport draft's), a QUIC client that sets no ALPN at all, or a proxy that offers only http/1.1 to an h2-only backend fails so.",
		fix:   "Give both sides a protocol in common: set the ALPN list of the client (and the server) to the protocol they speak, such as h3 for HTTP/3 or h2 for gRPC (rustls: ClientConfig and ServerConfig alpn_protocols). See what the server offers:\n  openssl s_client -connect host:443 -servername host -alpn h2,http/1.1 </dev/null",
	}
	rustlsProtocol = errClass{
		story: "The peer sent a TLS message rustls refuses: the port does not speak TLS (a plain HTTP answer, a proxy's own page), a proxy or TLS inspection box in between altered the handshake, or the peer's TLS stack breaks a rule rustls enforces strictly where others are lenient.",
		fix:   "See what answers on the port, and compare with a direct handshake:\n  curl -v http://host:443/\n  openssl s_client -connect host:443 -servername host </dev/null",
	}
	rustlsLocal = errClass{
		story: "It is about this program's own use of rustls (its configuration, its keys, or a step taken before the handshake finished), not about the peer.",
		fix:   "Check the program's TLS settings (its certificate and key pair, the versions it allows) and its log around this line:\n  " + keyPairCheck,
	}
)

const (
	rustlsTitle    = "rustls: {words}"
	rustlsWhy      = "rustls reports {enum}::{name} (`{words}`; {crate} {versions}): the program that printed it runs on rustls, Rust's TLS library (reqwest, hyper-rustls, tonic, ureq, cargo, uv, deno, and curl built with rustls)."
	rustlsAlertWhy = "rustls received a fatal alert from its peer (`{words}`): the other side ended the handshake, and its own log says why."

	rustlsSentAlert = "rustls sent alert {num} {name} to its peer: {meaning}"
	rustlsSentStory = "Here this program (rustls) refused the handshake and told its peer why with that alert; the error rustls returned to the program (logged next to this line: invalid peer certificate, peer is incompatible, peer misbehaved) names the cause. rustls 0.19 and 0.20 (which log it so) send handshake_failure when the two share no version or suite, and a server sends it too for a client certificate it refused; a client sends bad_certificate (decode_error for one it cannot parse) for a server certificate it refused; a server sends certificate_required to a client that sent none. Later versions send a certificate alert that names the cause (unknown_ca, certificate_expired, decrypt_error)."
	rustlsSentFix   = "Find the error rustls returned next to this line (raise the log level: RUST_LOG=rustls=debug) and fix what it names; see what the peer offers:\n  openssl s_client -connect host:443 -servername host </dev/null"
)

// RustlsAlertLine reports whether lower holds rustls's words for an alert
// it received or sent, with rustls's name of the alert ("received fatal
// alert: CertificateRequired", "Sending fatal alert BadCertificate"): Java
// prints the RFC's names ("received fatal alert: certificate_required").
func RustlsAlertLine(lower string) bool {
	alerts := rustlsByEnum()["AlertDescription"]
	for _, lead := range []string{"received fatal alert: ", "sending fatal alert ", "alertreceived("} {
		if i := strings.Index(lower, lead); i >= 0 {
			if _, ok := alerts[rustlsName(lower[i+len(lead):])]; ok {
				return true
			}
		}
	}
	return false
}

// RustlsWords reports whether lower holds words only rustls prints that
// other programs' words could take: its names of an alert
// (RustlsAlertLine), or a webpki name after rustls 0.19's "invalid
// certificate: " ("invalid certificate: BadDER").
func RustlsWords(lower string) bool {
	if RustlsAlertLine(lower) {
		return true
	}
	if i := strings.Index(lower, "invalid certificate: "); i >= 0 {
		_, ok := rustlsByEnum()["webpki"][rustlsName(lower[i+len("invalid certificate: "):])]
		return ok
	}
	return false
}
