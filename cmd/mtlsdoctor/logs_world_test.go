package main

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// reNginxErrorLine is an nginx error-log line as nginx writes it: its
// time and level.
var reNginxErrorLine = regexp.MustCompile(`\d{4}/\d\d/\d\d \d\d:\d\d:\d\d \[[a-z]+\] \d+#\d+: `)

// TestLogsWorld reads error logs that nginx wrote on other people's
// machines and that were committed to public repositories
// (testdata/logs/world, SOURCES.jsonl gives each one's address): every
// line about TLS is accounted for (the header's count is the number of
// nginx lines that name SSL, TLS, OCSP or an ssl directive, counted here
// apart, and the sum of the groups' counts), and every group says what it
// means and what to do, never its bare id.
func TestLogsWorld(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "logs", "world")
	src, err := os.ReadFile(filepath.Join(dir, "SOURCES.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, l := range strings.Split(strings.TrimSpace(string(src)), "\n") {
		var s struct {
			File, URL string
			// IDs are the kinds of finding the file's lines are, as a
			// reader of them labelled them.
			IDs []string
		}
		if err := json.Unmarshal([]byte(l), &s); err != nil || s.File == "" || !strings.HasPrefix(s.URL, "https://") {
			t.Fatalf("SOURCES.jsonl: %q: %v (want file and url)", l, err)
		}
		n++
		t.Run(s.File, func(t *testing.T) {
			p := filepath.Join(dir, s.File)
			lines, tls := countTLSLines(t, p)
			code, out, errs := runCLI(t, "logs", "--format", "json", p)
			if code > 1 || errs != "" {
				t.Fatalf("exit %d, stderr %q", code, errs)
			}
			var rep struct {
				LinesRead    int `json:"lines_read"`
				LinesMatched int `json:"lines_matched"`
				Findings     []struct {
					ID, Title, Explanation, Fix string
					Count                       int
				}
			}
			if err := json.Unmarshal([]byte(out), &rep); err != nil {
				t.Fatalf("%v\n%s", err, out)
			}
			sum := 0
			ids := map[string]bool{}
			for _, f := range rep.Findings {
				sum += f.Count
				ids[f.ID] = true
				if f.Explanation == "" || f.Fix == "" || f.Title == f.ID || strings.HasPrefix(f.Title, f.ID+":") {
					t.Errorf("group %s %q has no explanation or fix of its own:\n%+v", f.ID, f.Title, f)
				}
			}
			var got []string
			for id := range ids {
				got = append(got, id)
			}
			sort.Strings(got)
			if strings.Join(got, " ") != strings.Join(s.IDs, " ") {
				t.Errorf("kinds of finding %v, want %v (%s)", got, s.IDs, s.URL)
			}
			if rep.LinesRead != lines || rep.LinesMatched != tls || sum != tls {
				t.Errorf("lines read %d (file: %d), about TLS %d (nginx lines naming SSL, TLS, OCSP or ssl: %d), groups' counts add to %d",
					rep.LinesRead, lines, rep.LinesMatched, tls, sum)
			}
		})
	}
	if n < 3 {
		t.Fatalf("testdata/logs/world: %d logs, want at least 3", n)
	}
}

// countTLSLines counts a log's lines, and its nginx error-log lines that
// name SSL, TLS, OCSP, an ssl_ directive or the "ssl" directive.
func countTLSLines(t *testing.T, p string) (lines, tls int) {
	t.Helper()
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		lines++
		l := sc.Text()
		if !reNginxErrorLine.MatchString(l) {
			continue
		}
		for _, w := range []string{"SSL", "TLS", "OCSP", "ssl_", `"ssl"`} {
			if strings.Contains(l, w) {
				tls++
				break
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return lines, tls
}
