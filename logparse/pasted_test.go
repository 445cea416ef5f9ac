package logparse

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestPastedNginxLinesCounted: of the real nginx error-log lines people
// pasted (testdata/pasted/corpus.jsonl), every one that mentions TLS (ssl,
// tls or ocsp in any case) is read as an event, one by one and as a log:
// `logs` drops none of them.
func TestPastedNginxLinesCounted(t *testing.T) {
	f, err := os.Open(filepath.Join("..", "testdata", "pasted", "corpus.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	mentionsTLS := regexp.MustCompile(`(?i)ssl|tls|ocsp`)
	var lines []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var p struct{ Line, Reporter string }
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			t.Fatal(err)
		}
		if p.Reporter == "nginx" && IsErrorLike([]byte(p.Line)) && mentionsTLS.MatchString(p.Line) {
			lines = append(lines, p.Line)
		}
	}
	if len(lines) < 75 {
		t.Fatalf("only %d nginx error-log lines about TLS in the corpus", len(lines))
	}
	for _, l := range lines {
		if _, ok := ParseErrorLine([]byte(l)); !ok {
			t.Errorf("not read: %s", l)
		}
	}
	s := NewScanner(strings.NewReader(strings.Join(lines, "\n")+"\n"), ErrorLog)
	s.Each(func(Event) {})
	if s.Matched != int64(len(lines)) || s.Lines != int64(len(lines)) {
		t.Errorf("as a log: %d events of %d lines, want %d of %d", s.Matched, s.Lines, len(lines), len(lines))
	}
}
