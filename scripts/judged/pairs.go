package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"reflect"
	"strings"
)

// A paired round judges only the lines whose answer changed between two
// builds: -prepare run by each build gives two input files; -pair keeps
// the lines whose findings differ and shows both answers side by side in
// a random order (A or B), keeping which is which in a keys file the
// reader never sees; -scorepairs counts the reader's verdicts by build.

// pair is one changed line as the reader sees it.
type pair struct {
	K     int     `json:"k"`
	Line  string  `json:"line"`
	Cause string  `json:"established_cause"`
	Role  string  `json:"true_writer_role"`
	A     []shown `json:"answer_A"`
	B     []shown `json:"answer_B"`
}

// key says where a pair's line came from and which answer is the new build's.
type key struct {
	File string `json:"file"`
	N    int    `json:"n"`
	NewA bool   `json:"new_is_a"`
}

// pairVerdict is the reader's verdict on both answers of pair K.
type pairVerdict struct {
	K int `json:"k"`
	A struct {
		Cause          string `json:"cause"`
		RoleMisleading bool   `json:"role_misleading"`
	} `json:"A"`
	B struct {
		Cause          string `json:"cause"`
		RoleMisleading bool   `json:"role_misleading"`
	} `json:"B"`
}

func readInputs(name string) ([]input, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []input
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 4<<20), 4<<20)
	for sc.Scan() {
		if len(sc.Bytes()) == 0 {
			continue
		}
		var in input
		if err := json.Unmarshal(sc.Bytes(), &in); err != nil {
			return nil, fmt.Errorf("%s: %v", name, err)
		}
		out = append(out, in)
	}
	return out, sc.Err()
}

// makePairs pairs the inputs of old and new builds (comma-separated lists
// of prepared files, in the same order) and returns the changed lines,
// shuffled, with their keys.
func makePairs(olds, news []string, r *rand.Rand) ([]pair, map[int]key, error) {
	if len(olds) != len(news) {
		return nil, nil, fmt.Errorf("%d old files but %d new ones", len(olds), len(news))
	}
	var ps []pair
	var ks []key
	for i := range olds {
		a, err := readInputs(olds[i])
		if err != nil {
			return nil, nil, err
		}
		b, err := readInputs(news[i])
		if err != nil {
			return nil, nil, err
		}
		if len(a) != len(b) {
			return nil, nil, fmt.Errorf("%s has %d lines but %s %d", olds[i], len(a), news[i], len(b))
		}
		for j := range a {
			if a[j].Line != b[j].Line {
				return nil, nil, fmt.Errorf("%s and %s differ at line %d", olds[i], news[i], j)
			}
			if reflect.DeepEqual(a[j].Findings, b[j].Findings) {
				continue
			}
			p := pair{Line: a[j].Line, Cause: a[j].Cause, Role: a[j].Role, A: a[j].Findings, B: b[j].Findings}
			newA := r.IntN(2) == 0
			if newA {
				p.A, p.B = p.B, p.A
			}
			ps = append(ps, p)
			ks = append(ks, key{File: news[i], N: a[j].N, NewA: newA})
		}
	}
	r.Shuffle(len(ps), func(i, j int) {
		ps[i], ps[j] = ps[j], ps[i]
		ks[i], ks[j] = ks[j], ks[i]
	})
	keys := map[int]key{}
	for i := range ps {
		ps[i].K = i
		keys[i] = ks[i]
	}
	return ps, keys, nil
}

func writePairs(oldList, newList, keysFile string) error {
	ps, keys, err := makePairs(strings.Split(oldList, ","), strings.Split(newList, ","), rand.New(rand.NewPCG(rand.Uint64(), rand.Uint64())))
	if err != nil {
		return err
	}
	kb, err := json.Marshal(keys)
	if err != nil {
		return err
	}
	if err := os.WriteFile(keysFile, kb, 0o644); err != nil {
		return err
	}
	enc := json.NewEncoder(os.Stdout)
	for _, p := range ps {
		if err := enc.Encode(p); err != nil {
			return err
		}
	}
	fmt.Fprintf(os.Stderr, "judged: %d changed lines paired; keys in %s\n", len(ps), keysFile)
	return nil
}

// pairCounts are a paired round's counts, old build against new.
type pairCounts struct {
	Old, New                 map[string]int // cause verdicts
	Better, Worse            int
	WrongOld, WrongNew, Seen int
}

var rank = map[string]int{"yes": 2, "partly": 1, "no": 0}

func countPairs(verdicts []pairVerdict, keys map[int]key) (pairCounts, error) {
	c := pairCounts{Old: map[string]int{}, New: map[string]int{}}
	for _, v := range verdicts {
		k, ok := keys[v.K]
		if !ok {
			return c, fmt.Errorf("verdict for pair %d, which the keys do not hold", v.K)
		}
		oldV, newV := v.A, v.B
		if k.NewA {
			oldV, newV = v.B, v.A
		}
		for _, x := range []string{oldV.Cause, newV.Cause} {
			if _, ok := rank[x]; !ok {
				return c, fmt.Errorf("pair %d: cause %q is not yes, partly or no", v.K, x)
			}
		}
		c.Seen++
		c.Old[oldV.Cause]++
		c.New[newV.Cause]++
		switch {
		case rank[newV.Cause] > rank[oldV.Cause]:
			c.Better++
		case rank[newV.Cause] < rank[oldV.Cause]:
			c.Worse++
		}
		if oldV.RoleMisleading {
			c.WrongOld++
		}
		if newV.RoleMisleading {
			c.WrongNew++
		}
	}
	return c, nil
}

func scorePairs(verdictFiles, keysFile string) error {
	kb, err := os.ReadFile(keysFile)
	if err != nil {
		return err
	}
	var keys map[int]key
	if err := json.Unmarshal(kb, &keys); err != nil {
		return fmt.Errorf("%s: %v", keysFile, err)
	}
	var vs []pairVerdict
	for _, name := range strings.Split(verdictFiles, ",") {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if len(sc.Bytes()) == 0 {
				continue
			}
			var v pairVerdict
			if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
				f.Close()
				return fmt.Errorf("%s: %v", name, err)
			}
			vs = append(vs, v)
		}
		f.Close()
		if err := sc.Err(); err != nil {
			return err
		}
	}
	c, err := countPairs(vs, keys)
	if err != nil {
		return err
	}
	fmt.Printf("judged: %d of %d pairs; old build named %d, partly %d, not %d; new build named %d, partly %d, not %d; %d better, %d worse; role misleading %d -> %d\n",
		c.Seen, len(keys), c.Old["yes"], c.Old["partly"], c.Old["no"], c.New["yes"], c.New["partly"], c.New["no"], c.Better, c.Worse, c.WrongOld, c.WrongNew)
	return nil
}
