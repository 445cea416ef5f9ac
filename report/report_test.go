package report

import (
	"bytes"
	"encoding/json"
	"github.com/mtlsdoctor/mtlsdoctor/catalogue"
	"strings"
	"testing"
)

func sample() *Report {
	r := &Report{
		Command: "certs",
		Header:  "3 files",
		Findings: []Finding{
			{ID: catalogue.OrphanKey, Severity: Info, Title: "k.key matches nothing", Priority: 3},
			{ID: catalogue.WeakSignature, Severity: Error, Title: "c.crt is signed with SHA-1", OpenSSLError: "68:CA signature digest algorithm too weak", Code: 68, Fix: "openssl x509 -req -sha256 ...\nsecond line", Priority: 2},
			{ID: catalogue.KeyPermissions, Severity: Warning, Title: "k.key is readable by others", Fix: "chmod 600 k.key"},
			{ID: catalogue.Untrusted, Severity: Error, Title: "d.crt is not issued by a trusted CA", Priority: 1},
		},
		Certificates: []Certificate{
			{Files: []string{"certs/ca.crt"}, Role: "ca", Subject: "CN=root,O=x", NotAfter: "2045-01-01T00:00:00Z"},
			{Files: []string{"certs/c.crt"}, Role: "client", Subject: "CN=c", NotAfter: "2045-01-01T00:00:00Z", NginxVerdict: "FAILED:68:CA signature digest algorithm too weak"},
		},
	}
	r.Finish()
	r.Next = "reissue c.crt"
	return r
}

func TestFinishOrdersAndCounts(t *testing.T) {
	r := sample()
	var ids []string
	for _, f := range r.Findings {
		ids = append(ids, f.ID.Name())
	}
	want := "untrusted weak-signature key-permissions orphan-key"
	if got := strings.Join(ids, " "); got != want {
		t.Errorf("order %q, want %q (errors first, then priority)", got, want)
	}
	if r.Summary != (Summary{Errors: 2, Warnings: 1, Infos: 1}) {
		t.Errorf("summary %+v", r.Summary)
	}
	if r.ExitCode() != 1 {
		t.Errorf("exit code %d, want 1 with errors", r.ExitCode())
	}
	empty := &Report{Command: "certs"}
	empty.Finish()
	if empty.Findings == nil || empty.ExitCode() != 0 {
		t.Error("an empty report must have an empty findings array and exit 0")
	}
}

func TestJSONShape(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteJSON(&buf, sample()); err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"command", "findings", "summary", "certificates", "next"} {
		if _, ok := doc[k]; !ok {
			t.Errorf("JSON lacks %q", k)
		}
	}
	f := doc["findings"].([]any)[1].(map[string]any)
	if f["code"] != float64(68) || f["openssl_error"] != "68:CA signature digest algorithm too weak" {
		t.Errorf("finding %v", f)
	}
	if _, ok := f["Priority"]; ok {
		t.Error("priority leaked into JSON")
	}
	if strings.Contains(buf.String(), `"header"`) {
		t.Error("the text header leaked into JSON")
	}
}

func TestTextPlainAndStyled(t *testing.T) {
	// Wide enough for every line (TestTextNarrow has the same at 80).
	var plain, styled bytes.Buffer
	if err := WriteText(&plain, sample(), TextOptions{Width: 160}); err != nil {
		t.Fatal(err)
	}
	if err := WriteText(&styled, sample(), TextOptions{Styled: true, Width: 160}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(plain.String(), "\x1b[") {
		t.Error("plain output has escape codes")
	}
	if !strings.Contains(styled.String(), "\x1b[") {
		t.Error("styled output has no escape codes")
	}
	out := plain.String()
	for _, want := range []string{
		"FILE (in certs/)", "ca.crt", "FAILED:68:CA signature digest algorithm too weak",
		"ERROR   [untrusted]", "WARNING [key-permissions]", "INFO    [orphan-key]",
		"nginx logs: client SSL certificate verify error: (68:CA signature digest algorithm too weak)",
		"     second line", "2 errors, 1 warning, 1 note", "Next: reissue c.crt",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("text lacks %q:\n%s", want, out)
		}
	}
	// Columns line up: every table row puts ROLE at the same offset.
	lines := strings.Split(out, "\n")
	col := strings.Index(lines[2], "ROLE")
	for _, l := range lines[3:5] {
		if len(l) < col || l[col-2:col] != "  " || l[col] == ' ' {
			t.Errorf("misaligned row %q (ROLE at %d)", l, col)
		}
	}
}

// TestTextNarrow: at 80 columns (the width when stdout is no terminal)
// the certificate table puts each verdict under its row, and the log
// line keeps its reason in one piece.
func TestTextNarrow(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteText(&buf, sample(), TextOptions{}); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		"FILE (in certs/)  ROLE    SUBJECT  KEY  SIGNATURE  EXPIRES\n",
		"c.crt             client  c                        2045-01-01\n" +
			"  as client cert: FAILED:68:CA signature digest algorithm too weak\n",
		"        nginx logs: client SSL certificate verify error:\n" +
			"                    (68:CA signature digest algorithm too weak)\n",
		"     second line", "2 errors, 1 warning, 1 note", "Next: reissue c.crt",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("text lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "ca.crt            ca      root                     2045-01-01\n  as") {
		t.Errorf("a CA (verdict -) has a verdict line:\n%s", out)
	}
}
