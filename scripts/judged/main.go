// Command judged prepares the lines of a pasted-lines file for a reader who
// judges, line by line, whether explain names the cause the thread
// established (RUBRIC.md beside this file says how), and counts that
// reader's verdicts. The reader sees the line, the cause and explain's first
// findings, never this code; the counts, not the single verdicts, are what
// the evaluation reports.
//
//	go run ./scripts/judged -prepare FILE > in.jsonl
//	go run ./scripts/judged -score verdicts.jsonl
//
// A paired round (PAIRS.md beside this file says how to judge one) shows a
// reader both builds' answers for the lines whose answer changed, in a
// random order; the keys file says which is which:
//
//	old/judged -prepare FILE > old.jsonl; new/judged -prepare FILE > new.jsonl
//	go run ./scripts/judged -pair old.jsonl -with new.jsonl -keys keys.json > pairs.jsonl
//	go run ./scripts/judged -scorepairs verdicts.jsonl -keys keys.json
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"

	"github.com/mtlsdoctor/mtlsdoctor/checks"
)

type pasted struct {
	Line   string `json:"line"`
	Source string `json:"source"`
	Role   string `json:"role"`
	Cause  string `json:"cause"`
}

type shown struct {
	Writer      string `json:"writer"`
	Role        string `json:"role"`
	Title       string `json:"title"`
	Explanation string `json:"explanation"`
	Fix         string `json:"fix"`
}

type input struct {
	N        int     `json:"n"`
	Line     string  `json:"line"`
	Cause    string  `json:"established_cause"`
	Role     string  `json:"true_writer_role"`
	Findings []shown `json:"mtlsdoctor"`
}

type verdict struct {
	N              int    `json:"n"`
	Cause          string `json:"cause"`
	RoleMisleading bool   `json:"role_misleading"`
}

func main() {
	prepare := flag.String("prepare", "", "pasted-lines `file` to turn into the reader's input (lines with a known cause)")
	score := flag.String("score", "", "the reader's verdicts `file` to count")
	pairOld := flag.String("pair", "", "prepared `files` of the old build (comma-separated), to pair with -with")
	pairNew := flag.String("with", "", "prepared `files` of the new build, in the order of -pair")
	keys := flag.String("keys", "keys.json", "`file` of a paired round's keys (which answer is which build)")
	scoreP := flag.String("scorepairs", "", "the reader's verdicts on pairs (`files`, comma-separated) to count with -keys")
	flag.Parse()
	switch {
	case *pairOld != "" && *pairNew != "":
		if err := writePairs(*pairOld, *pairNew, *keys); err != nil {
			fmt.Fprintln(os.Stderr, "judged:", err)
			os.Exit(2)
		}
	case *scoreP != "":
		if err := scorePairs(*scoreP, *keys); err != nil {
			fmt.Fprintln(os.Stderr, "judged:", err)
			os.Exit(2)
		}
	case *prepare != "":
		if err := prep(*prepare); err != nil {
			fmt.Fprintln(os.Stderr, "judged:", err)
			os.Exit(2)
		}
	case *score != "":
		if err := count(*score); err != nil {
			fmt.Fprintln(os.Stderr, "judged:", err)
			os.Exit(2)
		}
	default:
		flag.Usage()
		os.Exit(2)
	}
}

func prep(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	seen, err := sources("testdata/pasted/corpus.jsonl")
	if err != nil {
		return err
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	enc := json.NewEncoder(os.Stdout)
	n := 0
	for sc.Scan() {
		var p pasted
		if len(sc.Bytes()) == 0 {
			continue
		}
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			return fmt.Errorf("%s: %v", name, err)
		}
		if p.Cause == "" || p.Cause == "unknown" || seen[p.Source] {
			continue // no cause to name, or a thread the tests use
		}
		in := input{N: n, Line: p.Line, Cause: p.Cause, Role: p.Role}
		for i, g := range checks.Explain(p.Line).Findings {
			if i == 2 {
				break
			}
			in.Findings = append(in.Findings, shown{g.Reporter, g.Role, g.Title, g.Explanation, g.Fix})
		}
		if err := enc.Encode(in); err != nil {
			return err
		}
		n++
	}
	return sc.Err()
}

func count(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var n, yes, partly, no, misleading int
	for sc.Scan() {
		if len(sc.Bytes()) == 0 {
			continue
		}
		var v verdict
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			return fmt.Errorf("%s: %v", name, err)
		}
		n++
		switch v.Cause {
		case "yes":
			yes++
		case "partly":
			partly++
		default:
			no++
		}
		if v.RoleMisleading {
			misleading++
		}
	}
	if err := sc.Err(); err != nil {
		return err
	}
	fmt.Printf("judged: %d lines with a known cause; cause named %d (%.0f%%), partly %d, not %d; role misleading %d (%.0f%%)\n",
		n, yes, pct(yes, n), partly, no, misleading, pct(misleading, n))
	return nil
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

// sources are the threads of the training corpus, which the tests read.
func sources(name string) (map[string]bool, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	seen := map[string]bool{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var p pasted
		if json.Unmarshal(sc.Bytes(), &p) == nil {
			seen[p.Source] = true
		}
	}
	return seen, sc.Err()
}
