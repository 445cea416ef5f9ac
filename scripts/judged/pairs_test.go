package main

import (
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
)

func writeInputs(t *testing.T, name string, ins []input) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	enc := json.NewEncoder(f)
	for _, in := range ins {
		if err := enc.Encode(in); err != nil {
			t.Fatal(err)
		}
	}
	return p
}

// TestPairsKeepChangedLinesAndCountByBuild: only lines whose answer
// changed are paired, each answer goes to A or B at random, and the
// counts put each verdict back with its build whatever the order.
func TestPairsKeepChangedLinesAndCountByBuild(t *testing.T) {
	old := []input{
		{N: 0, Line: "same", Cause: "c0", Findings: []shown{{Title: "t"}}},
		{N: 1, Line: "changed", Cause: "c1", Findings: []shown{{Title: "old"}}},
		{N: 2, Line: "changed too", Cause: "c2", Findings: []shown{{Title: "old2"}}},
	}
	newer := []input{
		old[0],
		{N: 1, Line: "changed", Cause: "c1", Findings: []shown{{Title: "new"}}},
		{N: 2, Line: "changed too", Cause: "c2", Findings: []shown{{Title: "new2"}}},
	}
	po, pn := writeInputs(t, "old.jsonl", old), writeInputs(t, "new.jsonl", newer)
	for seed := uint64(0); seed < 8; seed++ {
		ps, keys, err := makePairs([]string{po}, []string{pn}, rand.New(rand.NewPCG(seed, 1)))
		if err != nil {
			t.Fatal(err)
		}
		if len(ps) != 2 || len(keys) != 2 {
			t.Fatalf("seed %d: %d pairs, %d keys; want 2 of each", seed, len(ps), len(keys))
		}
		// The reader finds the new answer named and the old one not.
		var vs []pairVerdict
		for _, p := range ps {
			var v pairVerdict
			v.K = p.K
			newTitle := p.A[0].Title
			if keys[p.K].NewA {
				v.A.Cause, v.B.Cause = "yes", "no"
			} else {
				v.A.Cause, v.B.Cause = "no", "yes"
				newTitle = p.B[0].Title
			}
			if newTitle != "new" && newTitle != "new2" {
				t.Fatalf("seed %d: the key points at %q as the new answer", seed, newTitle)
			}
			vs = append(vs, v)
		}
		c, err := countPairs(vs, keys)
		if err != nil {
			t.Fatal(err)
		}
		if c.New["yes"] != 2 || c.Old["no"] != 2 || c.Better != 2 || c.Worse != 0 {
			t.Fatalf("seed %d: counts %+v", seed, c)
		}
	}
}

func TestPairsRefuseMismatchedFiles(t *testing.T) {
	a := writeInputs(t, "a.jsonl", []input{{N: 0, Line: "x"}})
	b := writeInputs(t, "b.jsonl", []input{{N: 0, Line: "y"}})
	if _, _, err := makePairs([]string{a}, []string{b}, rand.New(rand.NewPCG(1, 2))); err == nil {
		t.Error("files of different lines paired without an error")
	}
	if _, _, err := makePairs([]string{a}, []string{a, b}, rand.New(rand.NewPCG(1, 2))); err == nil {
		t.Error("one old file and two new ones paired without an error")
	}
	if _, err := countPairs([]pairVerdict{{K: 9}}, map[int]key{}); err == nil {
		t.Error("a verdict without a key counted")
	}
}
