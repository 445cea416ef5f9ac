package report

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mtlsdoctor/mtlsdoctor/probe"
)

// The text view is the one place strings from outside reach a terminal:
// certificate subjects, a server's CA names, log lines and client
// addresses, configuration tokens, nginx -T's stderr. A control character
// among them could clear the screen, set the window title, forge a line
// or hide text (ESC [2J, OSC, a newline, a bidi override), so the text
// renderers see only a copy of the model made by forText, where every
// string has its control characters shown escaped (\x1b, \u202e) and its
// length capped. JSON needs none of this: its encoder escapes.

// Length caps, in bytes, of one string of the text view.
const (
	maxLineField = 1024 // a title, a subject, a path, a log line
	maxProseText = 8192 // an explanation or fix (catalogue prose with values in it)
)

// Sanitize returns s fit for a terminal: every control character,
// invalid byte and invisible formatting character escaped, newlines too
// unless keepNewlines, and at most max bytes of it kept (then "… (N more
// bytes)" says how much was cut).
func Sanitize(s string, keepNewlines bool, max int) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x20 && c < 0x7f {
			continue // printable ASCII: never escaped
		}
		for _, r := range s[i:] {
			if needsEscape(r, keepNewlines) {
				clean = false
				break
			}
		}
		break
	}
	if clean && len(s) <= max {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if b.Len() >= max {
			fmt.Fprintf(&b, "… (%d more bytes)", len(s)-i)
			break
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case needsEscape(r, keepNewlines) && r < 0x80:
			fmt.Fprintf(&b, `\x%02x`, r)
		case needsEscape(r, keepNewlines):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

func needsEscape(r rune, keepNewlines bool) bool {
	switch {
	case r == '\n':
		return !keepNewlines
	case r == utf8.RuneError:
		return true // an invalid byte (a real U+FFFD is escaped too: harmless)
	case r < 0x20, r == 0x7f, r >= 0x80 && r < 0xa0:
		return true // C0, DEL, C1 (0x9b is an 8-bit CSI)
	case r == '\u2028', r == '\u2029':
		return true // line and paragraph separators
	}
	return unicode.Is(unicode.Cf, r) // bidi overrides, zero-width characters
}

func line(s string) string  { return Sanitize(s, false, maxLineField) }
func prose(s string) string { return Sanitize(s, true, maxProseText) }

func lines(ss []string) []string {
	if ss == nil {
		return nil
	}
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = line(s)
	}
	return out
}

// sanitizeFinding is f with every string fit for a terminal.
func sanitizeFinding(f Finding) Finding {
	f.Title = line(f.Title)
	f.Explanation = prose(f.Explanation)
	f.Fix = prose(f.Fix)
	f.File = line(f.File)
	f.Subject = line(f.Subject)
	f.Serial = line(f.Serial)
	f.OpenSSLError = line(f.OpenSSLError)
	f.FirstSeen = line(f.FirstSeen)
	f.LastSeen = line(f.LastSeen)
	f.Clients = lines(f.Clients)
	f.Example = line(f.Example)
	f.Target = line(f.Target)
	f.Server = line(f.Server)
	return f
}

func sanitizeFindings(fs []Finding) []Finding {
	if fs == nil {
		return nil
	}
	out := make([]Finding, len(fs))
	for i, f := range fs {
		out[i] = sanitizeFinding(f)
	}
	return out
}

func sanitizeAttempt(a *probe.Attempt) *probe.Attempt {
	if a == nil {
		return nil
	}
	c := *a
	c.Handshake = line(c.Handshake)
	c.Outcome = line(c.Outcome)
	c.Error = line(c.Error)
	return &c
}

func sanitizeTarget(t ProbeTarget) ProbeTarget {
	t.Findings = sanitizeFindings(t.Findings)
	if t.Result == nil {
		return t
	}
	r := *t.Result
	r.Input = line(r.Input)
	r.ServerName = line(r.ServerName)
	r.Path = line(r.Path)
	r.Reason = line(r.Reason)
	r.TLSVersion = line(r.TLSVersion)
	r.Cipher = line(r.Cipher)
	r.ServerChain = lines(r.ServerChain)
	r.AcceptableCAs = lines(r.AcceptableCAs)
	if r.Server != nil {
		sc := *r.Server
		sc.Subject, sc.Issuer, sc.Name, sc.TrustedBy = line(sc.Subject), line(sc.Issuer), line(sc.Name), line(sc.TrustedBy)
		sc.TrustError, sc.TrustDetail, sc.TrustIssuerURL = line(sc.TrustError), line(sc.TrustDetail), line(sc.TrustIssuerURL)
		r.Server = &sc
	}
	r.WithoutClientCert = sanitizeAttempt(r.WithoutClientCert)
	r.WithClientCert = sanitizeAttempt(r.WithClientCert)
	r.WithUntrustedCert = sanitizeAttempt(r.WithUntrustedCert)
	t.Result = &r
	return t
}

// forText is a copy of r for the text renderers, every string from
// outside made fit for a terminal.
func (r *Report) forText() *Report {
	c := *r
	c.Findings = sanitizeFindings(r.Findings)
	c.Header = strings.Join(lines(strings.Split(r.Header, "\n")), "\n") // lines of their own
	if r.Next != "" && r.Next == r.next() {
		// Made from the lead finding: made again from its clean copy,
		// so that its title cannot add a line.
		c.Next = c.next()
	} else {
		c.Next = prose(r.Next)
	}
	c.Incomplete = lines(r.Incomplete)
	if r.Certificates != nil {
		c.Certificates = make([]Certificate, len(r.Certificates))
		for i, x := range r.Certificates {
			x.Files = lines(x.Files)
			x.Role, x.Subject, x.Issuer, x.Serial = line(x.Role), line(x.Subject), line(x.Issuer), line(x.Serial)
			x.NotBefore, x.NotAfter, x.Key, x.Signature = line(x.NotBefore), line(x.NotAfter), line(x.Key), line(x.Signature)
			x.SHA256, x.KeyFile, x.NginxVerdict = line(x.SHA256), line(x.KeyFile), line(x.NginxVerdict)
			c.Certificates[i] = x
		}
	}
	if r.Servers != nil {
		c.Servers = make([]Server, len(r.Servers))
		for i, s := range r.Servers {
			s.Server, s.File, s.Listen, s.VerifyClient = line(s.Server), line(s.File), line(s.Listen), line(s.VerifyClient)
			s.ClientCertificate, s.ErrorLog, s.AccessLog = line(s.ClientCertificate), line(s.ErrorLog), line(s.AccessLog)
			s.ErrorLogLevel, s.ClientCertVerdict = line(s.ErrorLogLevel), line(s.ClientCertVerdict)
			c.Servers[i] = s
		}
	}
	if r.ProbeTarget != nil {
		t := sanitizeTarget(*r.ProbeTarget)
		c.ProbeTarget = &t
	}
	if r.Targets != nil {
		c.Targets = make([]ProbeTarget, len(r.Targets))
		for i, t := range r.Targets {
			c.Targets[i] = sanitizeTarget(t)
		}
	}
	return &c
}
