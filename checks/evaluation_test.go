package checks

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// caseDetail finds what makes a pasted line one case's own: a date or a
// time, an address, a URL's host, a long hex id, a connection number.
var caseDetail = regexp.MustCompile(`(?i)\d{4}[/-]\d\d[/-]\d\d|\d\d:\d\d:\d\d|\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b|https?://[a-z0-9.-]+\.[a-z]{2,}|\b[0-9a-f]{12,}\b|\*\d{3,}|#\d{3,}`)

// TestEvaluationLinesNotInCode: the evaluation sets of testdata/pasted
// (heldout, dev*, final*) measure explain on lines nobody tuned it on, so
// no Go file of the repository (a test, a table, an example) may hold one
// of their lines verbatim; the tests hold lines in words of their own. Only
// lines with a case's own detail (a time, an address, a host, an id) are
// checked: a program's fixed message alone ("x509: certificate signed by
// unknown authority") is in the code for its own sake, and so are the
// lines of corpus.jsonl, which is for tests.
func TestEvaluationLinesNotInCode(t *testing.T) {
	names, err := filepath.Glob(filepath.Join("..", "testdata", "pasted", "*.jsonl"))
	if err != nil || len(names) < 10 {
		t.Fatalf("evaluation files: %v (%d found)", err, len(names))
	}
	corpus := map[string]bool{}
	for _, p := range readPasted(t, "corpus.jsonl") {
		corpus[strings.TrimSpace(p.Line)] = true
	}
	var lines []string
	for _, name := range names {
		base := filepath.Base(name)
		if base == "corpus.jsonl" {
			continue
		}
		for _, p := range readPasted(t, base) {
			if l := strings.TrimSpace(p.Line); len(l) >= 40 && !corpus[l] && caseDetail.MatchString(l) {
				lines = append(lines, l)
			}
		}
	}
	if len(lines) < 500 {
		t.Fatalf("only %d evaluation lines with a case's detail; has the format changed?", len(lines))
	}
	code := map[string]string{}
	err = filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && path != ".." && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(path, ".go") {
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			code[path] = string(b)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(code) < 50 {
		t.Fatalf("found only %d Go files", len(code))
	}
	for _, l := range lines {
		for path, c := range code {
			if strings.Contains(c, l) {
				t.Errorf("%s holds an evaluation line verbatim: %.80q", path, l)
			}
		}
	}
}
