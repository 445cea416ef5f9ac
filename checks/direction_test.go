package checks

import (
	"strings"
	"testing"

	"github.com/mtlsdoctor/mtlsdoctor/catalogue"
	"github.com/mtlsdoctor/mtlsdoctor/report"
)

// TestAlertDirection: a certificate alert received by a server (nginx
// logging a client's alert, a Go or Java server, an intercepting proxy) is
// the client refusing the server's own certificate, and the explanation
// must say so; received by a client, it is the server refusing the
// client's certificate, never the other way round. Lines are the real
// pasted lines of the corpus whose writer and role the thread showed.
func TestAlertDirection(t *testing.T) {
	checked := map[string]int{}
	for _, p := range readPasted(t, "corpus.jsonl") {
		lower := strings.ToLower(p.Line)
		if _, ok := catalogue.ReceivedCertAlert(lower); !ok || strings.Contains(lower, "to upstream") {
			continue
		}
		rep := Explain(p.Line)
		if len(rep.Findings) == 0 {
			continue
		}
		f := rep.Findings[0]
		if f.Role != p.Role {
			continue // attribution is scored by TestPastedCorpus
		}
		text := strings.ToLower(f.Title + " " + f.Explanation)
		checked[p.Role]++
		switch p.Role {
		case "server":
			if f.ID == catalogue.ClientCertRejected || f.ID == catalogue.NoClientCert ||
				!containsOne(text, "server certificate", "server's certificate", "server's own certificate", "this server's certificate") ||
				containsOne(text, "refused your client certificate", "rejected your client certificate", "server refused the client certificate") {
				t.Errorf("server got an alert, but the explanation does not blame its own certificate:\n  %s\n  %s: %s", p.Line, f.ID.Name(), f.Title)
			}
		case "client":
			if strings.Contains(text, "refused this server's certificate") {
				t.Errorf("client got an alert, explained as a server's:\n  %s\n  %s", p.Line, f.Title)
			}
		}
	}
	t.Logf("received certificate alerts checked: %v", checked)
	if checked["server"] < 20 || checked["client"] < 5 {
		t.Errorf("too few received alerts checked: %v", checked)
	}
}

func containsOne(s string, subs ...string) bool {
	for _, x := range subs {
		if strings.Contains(s, x) {
			return true
		}
	}
	return false
}

// TestNoiseIsInfo: the lines whose threads established that they were
// scanner or one-off client noise on a server are notes, not errors, and
// say they are usually harmless.
func TestNoiseIsInfo(t *testing.T) {
	n := 0
	for _, p := range readPasted(t, "corpus.jsonl") {
		harmless := false
		for _, k := range p.FixKeywords {
			harmless = harmless || k == "harmless"
		}
		if !harmless || p.Role != "server" {
			continue
		}
		n++
		rep := Explain(p.Line)
		if len(rep.Findings) == 0 {
			t.Errorf("no finding for noise line %s", p.Line)
			continue
		}
		f := rep.Findings[0]
		if f.Severity != report.Info || !strings.Contains(strings.ToLower(f.Explanation), "harmless") {
			t.Errorf("noise told as %s: %s\n  %s", f.Severity, f.Title, p.Line)
		}
	}
	if n < 5 {
		t.Errorf("only %d noise lines in the corpus", n)
	}
	t.Logf("%d noise lines", n)
}
