package checks

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// pasted is one line of testdata/pasted/corpus.jsonl: a line people pasted
// into a public thread, with who wrote it and the cause and fix the
// thread established.
type pasted struct {
	Line        string   `json:"line"`
	Source      string   `json:"source"`
	Reporter    string   `json:"reporter"`
	Role        string   `json:"role"`
	Cause       string   `json:"cause"`
	FixKeywords []string `json:"fix_keywords"`
}

func readPasted(t *testing.T, name string) []pasted {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "testdata", "pasted", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []pasted
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var p pasted
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out = append(out, p)
	}
	return out
}

// judgePasted explains one pasted line and says what is wrong with the
// answer: the writer, its role, no finding, or a fix without the words
// the thread's fix needs ("" when all is right).
func judgePasted(p pasted) []string {
	rep := Explain(p.Line)
	var bad []string
	if len(rep.Findings) == 0 {
		return []string{"no finding"}
	}
	f := rep.Findings[0]
	if f.Reporter != p.Reporter {
		bad = append(bad, "reporter "+f.Reporter+", want "+p.Reporter)
	}
	if f.Role != p.Role {
		bad = append(bad, "role "+f.Role+", want "+p.Role)
	}
	if f.ID.Name() == "" {
		bad = append(bad, "no id")
	}
	var all strings.Builder
	for _, g := range rep.Findings {
		all.WriteString(g.Title + "\n" + g.Explanation + "\n" + g.Fix + "\n")
	}
	text := strings.ToLower(all.String())
	for _, k := range p.FixKeywords {
		if !strings.Contains(text, strings.ToLower(k)) {
			bad = append(bad, "fix lacks "+k)
		}
	}
	return bad
}

// TestPastedCorpus explains every line of the corpus of real pasted lines
// and wants, for at least corpusTarget% of them, the writer and role the thread
// showed, an id, and the key words of the fix the thread established.
func TestPastedCorpus(t *testing.T) {
	lines := readPasted(t, "corpus.jsonl")
	if len(lines) < 100 {
		t.Fatalf("corpus has %d lines, want at least 100", len(lines))
	}
	good, rr := 0, 0
	for _, p := range lines {
		bad := judgePasted(p)
		if len(bad) == 0 {
			good++
		} else {
			t.Logf("%s\n    %s\n    %s", strings.Join(bad, "; "), p.Line, p.Source)
		}
		if f := Explain(p.Line).Findings; len(f) > 0 && f[0].Reporter == p.Reporter && f[0].Role == p.Role {
			rr++
		}
	}
	t.Logf("corpus: %d/%d right, reporter and role %d/%d", good, len(lines), rr, len(lines))
	if good*100 < len(lines)*corpusTarget {
		t.Errorf("only %d of %d pasted lines explained right, want %d%%", good, len(lines), corpusTarget)
	}
}

// corpusTarget is the share (%) of the corpus that must be explained right.
const corpusTarget = 94

// FuzzExplain: any pasted input gives findings that each have an id, a
// reporter and a role, and never a panic.
func FuzzExplain(f *testing.F) {
	for _, s := range []string{"68", "14094418", `nginx: [emerg] cannot load certificate "/x/": PEM_read_bio_X509_AUX() failed (SSL: error:0906D06C:PEM routines:PEM_read_bio:no start line)`,
		"curl: (60) SSL certificate problem: self-signed certificate", "lua ssl certificate verify error: (20: unable to get local issuer certificate)",
		"fatal: unable to access 'https://h/r.git/': gnutls_handshake() failed: CA is unknown", "*** Received alert [48]: CA is unknown", "* Received alert '46': Unknown certificate."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		for _, fd := range Explain(in).Findings {
			if fd.ID.Name() == "" || fd.Reporter == "" || (fd.Role != "server" && fd.Role != "client") {
				t.Fatalf("%q: finding %+v", in, fd)
			}
		}
	})
}

// TestExplainPasteDecorations: what pasting puts around a line (a
// Markdown quote, list item or code span, quotes, indentation, a Windows
// line end) changes neither the first finding nor its side.
func TestExplainPasteDecorations(t *testing.T) {
	decorations := map[string]func(string) string{
		"quote":    func(l string) string { return "> " + l },
		"item":     func(l string) string { return "- " + l },
		"code":     func(l string) string { return "`" + l + "`" },
		"quotes":   func(l string) string { return `"` + l + `"` },
		"indented": func(l string) string { return "    " + l },
		"crlf":     func(l string) string { return l + "\r" },
	}
	first := func(l string) string {
		rep := Explain(l)
		if len(rep.Findings) == 0 {
			return "none"
		}
		f := rep.Findings[0]
		return f.ID.Name() + "/" + f.Role
	}
	for _, p := range readPasted(t, "corpus.jsonl") {
		want := first(p.Line)
		for name, d := range decorations {
			if got := first(d(p.Line)); got != want {
				t.Errorf("%s, %s: %s, bare: %s", p.Line, name, got, want)
			}
		}
	}
}
