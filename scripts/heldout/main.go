// Command heldout scores `explain` on the held-out corpus of real pasted
// lines (testdata/pasted/heldout.jsonl), which no test reads: run it to
// measure, never to tune. For each line it checks what the corpus test
// checks on the training corpus: the writer and its role, an id, and the
// key words of the fix the thread established.
//
//	go run ./scripts/heldout [-v] [FILE]
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/mtlsdoctor/mtlsdoctor/checks"
)

type pasted struct {
	Line        string   `json:"line"`
	Source      string   `json:"source"`
	Reporter    string   `json:"reporter"`
	Role        string   `json:"role"`
	Cause       string   `json:"cause"`
	FixKeywords []string `json:"fix_keywords"`
}

func main() {
	verbose := flag.Bool("v", false, "print every line that misses, with why")
	flag.Parse()
	name := "testdata/pasted/heldout.jsonl"
	if flag.NArg() > 0 {
		name = flag.Arg(0)
	}
	seen := trainingThreads("testdata/pasted/corpus.jsonl")
	f, err := os.Open(name)
	if err != nil {
		fmt.Fprintln(os.Stderr, "heldout:", err)
		os.Exit(2)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var n, skipped, all, writer, role, none, cause, causeN int
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var p pasted
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			fmt.Fprintf(os.Stderr, "heldout: %s: %v\n", name, err)
			os.Exit(2)
		}
		if seen[p.Source] {
			skipped++ // a thread the training corpus has: not unseen
			continue
		}
		n++
		rep := checks.Explain(p.Line)
		var bad []string
		if len(rep.Findings) == 0 {
			none++
			bad = append(bad, "no finding")
		} else {
			first := rep.Findings[0]
			if first.Role == p.Role {
				role++ // who rejected whom, whoever wrote it
			}
			if first.Reporter == p.Reporter && first.Role == p.Role {
				writer++
			} else {
				bad = append(bad, fmt.Sprintf("writer %s/%s, want %s/%s", first.Reporter, first.Role, p.Reporter, p.Role))
			}
		}
		var text strings.Builder
		for _, g := range rep.Findings {
			text.WriteString(strings.ToLower(g.Title + "\n" + g.Explanation + "\n" + g.Fix + "\n"))
		}
		named := len(rep.Findings) > 0
		for _, k := range p.FixKeywords {
			if !strings.Contains(text.String(), strings.ToLower(k)) {
				named = false
				bad = append(bad, "lacks "+k)
			}
		}
		if p.Cause != "unknown" {
			causeN++
			if named {
				cause++
			}
		}
		if len(bad) == 0 {
			all++
		} else if *verbose {
			fmt.Printf("%s\n    %s\n    %s\n    cause: %s\n", strings.Join(bad, "; "), p.Line, p.Source, p.Cause)
		}
	}
	fmt.Printf("held-out: %d lines left out (their thread is in the training corpus); %d lines got no finding\n", skipped, none)
	fmt.Printf("held-out: %d lines; all checks %d (%.0f%%); writer and role %d (%.0f%%); role %d (%.0f%%); cause named (fix keywords, where the thread established one) %d/%d (%.0f%%)\n",
		n, all, pct(all, n), writer, pct(writer, n), role, pct(role, n), cause, causeN, pct(cause, causeN))
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// trainingThreads are the source addresses of the training corpus.
func trainingThreads(name string) map[string]bool {
	out := map[string]bool{}
	b, err := os.ReadFile(name)
	if err != nil {
		fmt.Fprintln(os.Stderr, "heldout:", err)
		os.Exit(2)
	}
	for _, line := range strings.Split(string(b), "\n") {
		var p pasted
		if json.Unmarshal([]byte(line), &p) == nil && p.Source != "" {
			out[p.Source] = true
		}
	}
	return out
}
