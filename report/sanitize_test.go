package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mtlsdoctor/mtlsdoctor/catalogue"
	"github.com/mtlsdoctor/mtlsdoctor/probe"
)

func TestSanitize(t *testing.T) {
	cases := []struct {
		in   string
		keep bool
		want string
	}{
		{"CN=plain, O=Ünïcode 例", false, "CN=plain, O=Ünïcode 例"},
		{"CN=\x1b[2Jgone", false, `CN=\x1b[2Jgone`},
		{"CN=\x1b]0;pwned\x07title", false, `CN=\x1b]0;pwned\x07title`},
		{"CN=a\nWARNING forged", false, `CN=a\x0aWARNING forged`},
		{"fix:\n  cmd\r", true, "fix:\n  cmd\\x0d"},
		{"csi8 \u009b2J", false, `csi8 \u009b2J`},
		{"bidi \u202eevil", false, `bidi \u202eevil`},
		{"bad \xff byte", false, `bad \xff byte`},
		{"nul \x00", false, `nul \x00`},
		{"tab\there", false, `tab\x09here`},
	}
	for _, c := range cases {
		if got := Sanitize(c.in, c.keep, 100); got != c.want {
			t.Errorf("Sanitize(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	long := strings.Repeat("\x00", 65558)
	got := Sanitize(long, false, 1024)
	if len(got) > 1100 || !strings.HasSuffix(got, "more bytes)") || strings.ContainsRune(got, 0) {
		t.Errorf("65558 NULs: %d bytes, ends %q", len(got), got[max(0, len(got)-30):])
	}
}

// hostileReport carries, in every kind of field, what a certificate, a
// server or a log line could hold.
func hostileReport() *Report {
	evil := "evil\x1b[2J\x1b]0;pwned\x07\nWARNING [forged]  all is well\r\u202e"
	r := &Report{
		Command: "certs",
		Header:  "1 file",
		Findings: []Finding{{
			ID: catalogue.Untrusted, Severity: Error, Title: "c.crt (CN=" + evil + ") is not issued by a trusted CA",
			Subject: "CN=" + evil, File: "c.crt", Clients: []string{evil}, Example: evil,
			Explanation: "why " + evil, Fix: "do:\n  openssl verify " + evil,
		}},
		Certificates: []Certificate{{Files: []string{"c.crt"}, Role: "client", Subject: "CN=" + evil, Issuer: evil, NotAfter: "2045-01-01T00:00:00Z"}},
		ProbeTarget: &ProbeTarget{Result: &probe.Result{Input: "127.0.0.1:443", ServerChain: probe.Names{"CN=" + evil},
			ClientCertRequested: true, AcceptableCAs: probe.Names{evil}, Reason: ""}},
	}
	r.Finish()
	return r
}

// No control character from outside reaches the text view; the layout's
// own newlines stay, and the JSON keeps the strings as they are.
func TestTextHasNoOutsideControlCharacters(t *testing.T) {
	r := hostileReport()
	for _, styled := range []bool{false, true} {
		var b bytes.Buffer
		if err := WriteText(&b, r, TextOptions{Width: 100, Styled: styled}); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		if !styled && strings.ContainsFunc(out, func(r rune) bool { return r != '\n' && (r < 0x20 || r == 0x7f || r == '\u202e') }) {
			t.Fatalf("control character in the text view:\n%q", out)
		}
		if strings.Contains(out, "pwned\x07") || strings.Contains(out, "\x1b[2J") || strings.Contains(out, "\nWARNING [forged]") {
			t.Fatalf("styled %v: hostile sequence intact:\n%q", styled, out)
		}
		if !strings.Contains(out, `evil\x1b[2J\x1b]0;pwned\x07\x0aWARNING [forged]`) {
			t.Fatalf("escaped form missing:\n%s", out)
		}
	}
	if !strings.Contains(r.Findings[0].Title, "\x1b[2J") {
		t.Fatal("the model itself was changed")
	}
	var j bytes.Buffer
	if err := WriteJSON(&j, r); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Findings []struct{ Subject string }
	}
	if err := json.Unmarshal(j.Bytes(), &doc); err != nil || doc.Findings[0].Subject != r.Findings[0].Subject {
		t.Fatalf("JSON changed the subject: %v %+v", err, doc)
	}
	var ev bytes.Buffer
	if err := WriteEvent(&ev, "", r.Findings[0], " client "+r.Findings[0].Clients[0], TextOptions{Width: 100}); err != nil {
		t.Fatal(err)
	}
	if strings.ContainsAny(ev.String(), "\x1b\x07\r") {
		t.Fatalf("control character in an event:\n%q", ev.String())
	}
}

func FuzzSanitize(f *testing.F) {
	f.Add("CN=\x1b[2J\x1b]0;t\x07\n", false, 64)
	f.Add("\xff\u202e\u009b", true, 3)
	f.Fuzz(func(t *testing.T, s string, keep bool, max int) {
		max = max%4096 + 1
		if max < 1 {
			max = -max + 1
		}
		got := Sanitize(s, keep, max)
		if !utf8.ValidString(got) {
			t.Fatalf("invalid UTF-8 out: %q", got)
		}
		for _, r := range got {
			if needsEscape(r, keep) {
				t.Fatalf("Sanitize(%q) = %q keeps %U", s, got, r)
			}
		}
		// Each byte in becomes at most 6 bytes out (\u202e), plus the
		// note of what was cut.
		if len(got) > max+6+40 {
			t.Fatalf("%d bytes out for a cap of %d", len(got), max)
		}
		if Sanitize(got, keep, len(got)) != got {
			t.Fatalf("not stable: %q", got)
		}
	})
}
