package opensslverify_test

import (
	"compress/gzip"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/certset"
	"github.com/mtlsdoctor/mtlsdoctor/internal/verifyref"
	"github.com/mtlsdoctor/mtlsdoctor/opensslverify"
)

// limboCorpus is testdata/limbo/corpus.json.gz: x509-limbo's testcases
// (limbo proper and BetterTLS), converted by testdata/limbo/convert.py.
type limboCorpus struct {
	Source string   `json:"source"`
	DER    []string `json:"der"`
	Cases  []struct {
		ID      string `json:"id"`
		Time    int64  `json:"time"`
		Anchors []int  `json:"anchors"`
		Chain   []int  `json:"chain"`
		CRLs    []int  `json:"crls"`
	} `json:"cases"`
}

func loadLimbo(t testing.TB) (*limboCorpus, [][]byte) {
	t.Helper()
	f, err := os.Open("../testdata/limbo/corpus.json.gz")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	var c limboCorpus
	if err := json.NewDecoder(zr).Decode(&c); err != nil {
		t.Fatal(err)
	}
	der := make([][]byte, len(c.DER))
	for i, s := range c.DER {
		if der[i], err = base64.StdEncoding.DecodeString(s); err != nil {
			t.Fatal(err)
		}
	}
	return &c, der
}

// limboDepth is the ssl_verify_depth the corpus runs with: deep enough
// for every chain in it, so that depth limits never decide a case.
const limboDepth = 100

// modelVerdict is what the model predicts nginx logs for one case, as the
// reference prints it: the code, or which input could not be read.
func modelVerdict(anchors, chain, crls [][]byte, at time.Time) (string, opensslverify.Result) {
	var store []*opensslverify.Cert
	for _, d := range anchors {
		x, _, err := certset.ParseCertificate(d)
		if err != nil {
			return "unreadable-anchor", opensslverify.Result{}
		}
		store = append(store, opensslverify.Info(x))
	}
	var certs []*opensslverify.Cert
	for i, d := range chain {
		x, _, err := certset.ParseCertificate(d)
		if err != nil {
			if i == 0 {
				return "unreadable-leaf", opensslverify.Result{}
			}
			return "unreadable-chain", opensslverify.Result{}
		}
		certs = append(certs, opensslverify.Info(x))
	}
	var lists []*x509.RevocationList
	for _, d := range crls {
		l, err := certset.ParseCRL(d)
		if err != nil {
			return "unreadable-crl", opensslverify.Result{}
		}
		lists = append(lists, l)
	}
	r := opensslverify.Verify(certs[0], certs[1:], opensslverify.NewStore(store), opensslverify.Params{
		AuthLevel: 2, Depth: limboDepth, Time: at, Purpose: opensslverify.PurposeSSLClient,
		CRLCheck: len(lists) > 0, CRLs: lists,
	})
	if r.Undecided != "" {
		return "undecided", r
	}
	return fmt.Sprint(r.Code()), r
}

// TestLimboDifferential runs every x509-limbo case through the model and
// through real OpenSSL 3 driven as nginx drives it (internal/verifyref),
// and compares the code nginx would log. Known disagreements are listed in
// testdata/limbo/known-misses.txt; the test fails on any other, and on a
// listed one that no longer happens.
func TestLimboDifferential(t *testing.T) {
	if testing.Short() {
		t.Skip("differential corpus: not in -short mode")
	}
	corpus, der := loadLimbo(t)
	bin := verifyref.Build(t, t.TempDir())
	cases := make([]verifyref.Case, len(corpus.Cases))
	pick := func(idx []int) [][]byte {
		out := make([][]byte, len(idx))
		for i, j := range idx {
			out[i] = der[j]
		}
		return out
	}
	for i, c := range corpus.Cases {
		cases[i] = verifyref.Case{ID: c.ID, Time: time.Unix(c.Time, 0), Depth: limboDepth, Level: 2,
			CRLCheck: len(c.CRLs) > 0, Anchors: pick(c.Anchors), Chain: pick(c.Chain), CRLs: pick(c.CRLs)}
	}
	ref := verifyref.Run(t, bin, cases)

	model := make([]string, len(cases))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				c := cases[i]
				model[i], _ = modelVerdict(c.Anchors, c.Chain, c.CRLs, c.Time)
			}
		}()
	}
	for i := range cases {
		next <- i
	}
	close(next)
	wg.Wait()

	known := readKnownMisses(t)
	var agree, refPass, passAgree int
	var misses []string
	for i, c := range cases {
		r := ref[c.ID]
		want := fmt.Sprint(r.Code)
		if r.Unreadable != "" {
			want = r.Unreadable
		}
		if r.Code == 0 {
			refPass++
			if model[i] == "0" {
				passAgree++
			}
		}
		if model[i] == want {
			agree++
			if _, ok := known[c.ID]; ok {
				t.Errorf("%s: listed in known-misses.txt but the model now agrees (%s): remove the line", c.ID, want)
			}
			continue
		}
		line := fmt.Sprintf("%s model=%s openssl=%s events=%v", c.ID, model[i], want, r.Events)
		misses = append(misses, line)
		if k, ok := known[c.ID]; !ok || k != fmt.Sprintf("model=%s openssl=%s", model[i], want) {
			t.Errorf("new disagreement: %s", line)
		}
	}
	sort.Strings(misses)
	t.Logf("limbo: %d cases; verdict equal on %d (%.2f%%); the reference passes %d, the model passes %d of them",
		len(cases), agree, 100*float64(agree)/float64(len(cases)), refPass, passAgree)
	if os.Getenv("LIMBO_MISSES") != "" {
		if err := os.WriteFile(os.Getenv("LIMBO_MISSES"), []byte(strings.Join(misses, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// readKnownMisses reads "ID model=X openssl=Y" lines (# comments allowed).
func readKnownMisses(t testing.TB) map[string]string {
	t.Helper()
	data, err := os.ReadFile("../testdata/limbo/known-misses.txt")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, l := range strings.Split(string(data), "\n") {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		id, rest, _ := strings.Cut(l, " ")
		if i := strings.Index(rest, " events="); i >= 0 {
			rest = rest[:i]
		}
		out[id] = rest
	}
	return out
}
