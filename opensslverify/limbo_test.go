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
		Key     string `json:"key"` // the leaf's key (PEM), for the cases that ship one
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
func modelVerdict(anchors, chain, crls [][]byte, at time.Time, purpose opensslverify.Purpose) (string, opensslverify.Result) {
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
		AuthLevel: 2, Depth: limboDepth, Time: at, Purpose: purpose,
		CRLCheck: len(lists) > 0, CRLs: lists,
	})
	if r.Undecided != "" {
		return "undecided", r
	}
	return fmt.Sprint(r.Code()), r
}

// TestLimboDifferential runs every x509-limbo case through the model and
// through real OpenSSL 3 driven as nginx drives it (internal/verifyref),
// and compares the code nginx would log and every error before it, in
// order. Known disagreements are listed in
// testdata/limbo/known-misses.txt; the test fails on any other, and on a
// listed one that no longer happens.
func TestLimboDifferential(t *testing.T) {
	if testing.Short() {
		t.Skip("differential corpus: not in -short mode")
	}
	corpus, der := loadLimbo(t)
	bin := verifyref.Build(t, t.TempDir())
	// Each case twice: as nginx judges a client certificate
	// (ssl_verify_client) and an upstream server's (proxy_ssl_verify).
	// Most limbo leaves are server certificates, which only the second
	// run lets pass.
	cases := make([]verifyref.Case, 0, 2*len(corpus.Cases))
	pick := func(idx []int) [][]byte {
		out := make([][]byte, len(idx))
		for i, j := range idx {
			out[i] = der[j]
		}
		return out
	}
	for _, server := range []bool{false, true} {
		for _, c := range corpus.Cases {
			id := c.ID
			if server {
				id = "server:" + id
			}
			cases = append(cases, verifyref.Case{ID: id, Time: time.Unix(c.Time, 0), Depth: limboDepth, Level: 2,
				CRLCheck: len(c.CRLs) > 0, Server: server, Anchors: pick(c.Anchors), Chain: pick(c.Chain), CRLs: pick(c.CRLs)})
		}
	}

	model := make([]string, len(cases))
	events := make([]string, len(cases))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				c := cases[i]
				var r opensslverify.Result
				purpose := opensslverify.PurposeSSLClient
				if c.Server {
					purpose = opensslverify.PurposeSSLServer
				}
				model[i], r = modelVerdict(c.Anchors, c.Chain, c.CRLs, c.Time, purpose)
				events[i] = modelEvents(r)
			}
		}()
	}
	go func() {
		for i := range cases {
			next <- i
		}
		close(next)
	}()
	// The reference runs in its own process meanwhile.
	ref := verifyref.Run(t, bin, cases)
	wg.Wait()

	known := readKnownMisses(t)
	var agree, refPass, passAgree, seqAgree int
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
		sameEvents := refEvents(r) == events[i]
		if sameEvents {
			seqAgree++
		}
		if model[i] == want {
			agree++
		}
		if model[i] == want && sameEvents {
			if _, ok := known[c.ID]; ok {
				t.Errorf("%s: listed in known-misses.txt but the model now agrees (%s): remove the line", c.ID, want)
			}
			continue
		}
		miss := fmt.Sprintf("model=%s openssl=%s", model[i], want)
		if !sameEvents {
			miss += fmt.Sprintf(" model-events=%s openssl-events=%s", events[i], refEvents(r))
		}
		misses = append(misses, c.ID+" "+miss)
		if known[c.ID] != miss {
			t.Errorf("new disagreement: %s %s", c.ID, miss)
		}
	}
	sort.Strings(misses)
	t.Logf("limbo: %d runs (%d cases as client and as server); verdict equal on %d (%.2f%%), every error in the same order on %d; the reference passes %d, the model passes %d of them",
		len(cases), len(corpus.Cases), agree, 100*float64(agree)/float64(len(cases)), seqAgree, refPass, passAgree)
	if os.Getenv("LIMBO_MISSES") != "" {
		if err := os.WriteFile(os.Getenv("LIMBO_MISSES"), []byte(strings.Join(misses, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func modelEvents(r opensslverify.Result) string {
	var b strings.Builder
	for _, e := range r.Events {
		fmt.Fprintf(&b, "%d:%d,", e.Depth, e.Code)
	}
	return b.String()
}

func refEvents(r verifyref.Result) string {
	var b strings.Builder
	for _, e := range r.Events {
		fmt.Fprintf(&b, "%d:%d,", e.Depth, e.Code)
	}
	return b.String()
}

// readKnownMisses reads "ID model=X openssl=Y [model-events=... openssl-events=...]"
// lines (# comments allowed).
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
		out[id] = rest
	}
	return out
}
