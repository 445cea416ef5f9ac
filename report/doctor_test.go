package report

import (
	"bytes"
	"github.com/mtlsdoctor/mtlsdoctor/catalogue"
	"strings"
	"testing"
)

// TestShowSections: doctor's text names each finding's section; other
// commands' text does not.
func TestShowSections(t *testing.T) {
	r := &Report{Command: "doctor", Findings: []Finding{{ID: catalogue.ConnectFailed, Severity: Error, Title: "cannot connect", Section: "probe", Server: "localhost 443 ssl"}}}
	r.Finish()
	for _, show := range []bool{true, false} {
		r.ShowSections = show
		var b bytes.Buffer
		if err := WriteText(&b, r, TextOptions{}); err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(b.String(), "\n        section: probe\n        server: localhost 443 ssl\n"); got != show {
			t.Errorf("ShowSections %v:\n%s", show, b.String())
		}
	}
}
