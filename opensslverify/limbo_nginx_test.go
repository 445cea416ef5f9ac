package opensslverify_test

import (
	"encoding/pem"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/internal/nginxtest"
	"github.com/mtlsdoctor/mtlsdoctor/internal/verifyref"
)

// TestLimboReferenceMatchesNginx checks the reference itself: every limbo
// case that ships the leaf's private key is presented to a real nginx
// (ssl_verify_client on, its anchors as ssl_client_certificate, its CRLs
// as ssl_crl, ssl_verify_depth 100), and the code nginx logs must be the
// reference's last error, at the time of the request. All 189 take about
// two minutes on two cores, so the test command runs every third case and
// those with CRLs; LIMBO_NGINX_ALL=1 runs them all.
func TestLimboReferenceMatchesNginx(t *testing.T) {
	if testing.Short() {
		t.Skip("real nginx on the limbo corpus: not in -short mode")
	}
	nginxtest.Require(t)
	corpus, der := loadLimbo(t)
	bin := verifyref.Build(t, t.TempDir())
	pemOf := func(kind string, idx []int) []byte {
		var b []byte
		for _, j := range idx {
			b = append(b, pem.EncodeToMemory(&pem.Block{Type: kind, Bytes: der[j]})...)
		}
		return b
	}
	now := time.Now()
	type keyed struct {
		id                  string
		ca, chain, crl, key []byte
	}
	var cases []keyed
	var refCases []verifyref.Case
	all := os.Getenv("LIMBO_NGINX_ALL") != ""
	n := 0
	for _, c := range corpus.Cases {
		if c.Key == "" {
			continue
		}
		n++
		if !all && n%3 != 0 && len(c.CRLs) == 0 {
			continue
		}
		k := keyed{id: c.ID, ca: pemOf("CERTIFICATE", c.Anchors), chain: pemOf("CERTIFICATE", c.Chain),
			crl: pemOf("X509 CRL", c.CRLs), key: []byte(c.Key)}
		cases = append(cases, k)
		rc := verifyref.Case{ID: c.ID, Time: now, Depth: limboDepth, Level: 2, CRLCheck: len(c.CRLs) > 0}
		for _, j := range c.Anchors {
			rc.Anchors = append(rc.Anchors, der[j])
		}
		for _, j := range c.Chain {
			rc.Chain = append(rc.Chain, der[j])
		}
		for _, j := range c.CRLs {
			rc.CRLs = append(rc.CRLs, der[j])
		}
		refCases = append(refCases, rc)
	}
	if n < 100 {
		t.Fatalf("only %d limbo cases ship a key; the corpus is not the expected one", n)
	}
	ref := verifyref.Run(t, bin, refCases)

	var mu sync.Mutex
	var agree, sent int
	t.Cleanup(func() {
		t.Logf("nginx and the reference agree on %d of the %d cases curl could present (%d tried, %d ship a key)", agree, sent, len(cases), n)
	})
	for _, k := range cases {
		t.Run(k.id, func(t *testing.T) {
			t.Parallel()
			r := ref[k.id]
			if r.Unreadable != "" {
				t.Skipf("OpenSSL cannot read the %s, so nginx cannot load or receive it", r.Unreadable)
			}
			dir := t.TempDir()
			write := func(name string, data []byte) string {
				p := filepath.Join(dir, name)
				if err := os.WriteFile(p, data, 0o600); err != nil {
					t.Fatal(err)
				}
				return p
			}
			cfg := nginxtest.NewConfig(write("ca.pem", k.ca))
			cfg.VerifyDepth = limboDepth
			if len(k.crl) > 0 {
				cfg.CRL = write("crl.pem", k.crl)
			}
			srv := nginxtest.Start(t, cfg)
			v := srv.Present(t, write("chain.pem", k.chain), write("key.pem", k.key))
			if v.Result == "NO_RESPONSE" {
				t.Skipf("curl could not present the certificate: %s", v.Client)
			}
			got := v.Result
			if code, _, ok := strings.Cut(strings.TrimPrefix(got, "FAILED:"), ":"); ok {
				got = code
			} else if got == "SUCCESS" {
				got = "0"
			}
			mu.Lock()
			sent++
			if got == strconv.Itoa(r.Code) {
				agree++
			}
			mu.Unlock()
			if got != strconv.Itoa(r.Code) {
				t.Errorf("nginx logged %s (%s), the reference says %d (errors %v)", got, v.LogLine, r.Code, r.Events)
			}
		})
	}
}
