package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/internal/verifyref"
)

// TestLimboCerts runs `certs --ca` on x509-limbo cases (testdata/limbo) as
// a user would: the case's trust anchors as the CA file, the client's
// chain in one file. Every case with a certificate Go's own parser
// refuses is run, and every 40th of the others (LIMBO_CERTS_ALL=1: every
// case, a few minutes). A case OpenSSL reads must
// never exit 2 (unreadable input), and the leaf's nginx_verdict, when it
// has one, must be the code real OpenSSL, driven as nginx drives it, ends
// with.
func TestLimboCerts(t *testing.T) {
	if testing.Short() {
		t.Skip("limbo corpus: not in -short mode")
	}
	f, err := os.Open("../../testdata/limbo/corpus.json.gz")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	var corpus struct {
		DER   []string
		Cases []struct {
			ID                   string
			Time                 int64
			Anchors, Chain, CRLs []int
		}
	}
	if err := json.NewDecoder(zr).Decode(&corpus); err != nil {
		t.Fatal(err)
	}
	der := make([][]byte, len(corpus.DER))
	goRefuses := make([]bool, len(der))
	for i, s := range corpus.DER {
		if der[i], err = base64.StdEncoding.DecodeString(s); err != nil {
			t.Fatal(err)
		}
		if _, err := x509.ParseCertificate(der[i]); err != nil {
			if _, cerr := x509.ParseRevocationList(der[i]); cerr != nil {
				goRefuses[i] = true
			}
		}
	}
	pick := func(idx []int) [][]byte {
		var out [][]byte
		for _, j := range idx {
			out = append(out, der[j])
		}
		return out
	}
	var cases []verifyref.Case
	for n, c := range corpus.Cases {
		odd := false
		for _, j := range append(append(append([]int{}, c.Anchors...), c.Chain...), c.CRLs...) {
			odd = odd || goRefuses[j]
		}
		if !odd && n%40 != 0 && os.Getenv("LIMBO_CERTS_ALL") == "" {
			continue
		}
		cases = append(cases, verifyref.Case{ID: c.ID, Time: time.Unix(c.Time, 0), Depth: 100, Level: 2,
			CRLCheck: len(c.CRLs) > 0, Anchors: pick(c.Anchors), Chain: pick(c.Chain), CRLs: pick(c.CRLs)})
	}
	ref := verifyref.Run(t, verifyref.Build(t, t.TempDir()), cases)

	pemOf := func(kind string, ders [][]byte) []byte {
		var b []byte
		for _, d := range ders {
			b = append(b, pem.EncodeToMemory(&pem.Block{Type: kind, Bytes: d})...)
		}
		return b
	}
	var agree, judged, hidden int
	for _, c := range cases {
		r := ref[c.ID]
		if r.Unreadable != "" {
			continue
		}
		dir := t.TempDir()
		write := func(name string, data []byte) string {
			p := filepath.Join(dir, name)
			if err := os.WriteFile(p, data, 0o600); err != nil {
				t.Fatal(err)
			}
			return p
		}
		args := []string{"certs", "--format", "json", "--verify-depth", "100",
			"--at", c.Time.UTC().Format(time.RFC3339), "--ca", write("ca.pem", pemOf("CERTIFICATE", c.Anchors))}
		if len(c.CRLs) > 0 {
			args = append(args, "--crl", write("crl.pem", pemOf("X509 CRL", c.CRLs)))
		}
		args = append(args, write("client.pem", pemOf("CERTIFICATE", c.Chain)))
		var stdout, stderr bytes.Buffer
		code := run(args, env{stdin: strings.NewReader(""), stdout: &stdout, stderr: &stderr, getenv: func(string) string { return "" }})
		if code == 2 {
			t.Errorf("%s: certs exits 2 on input OpenSSL reads: %s", c.ID, stderr.String())
			continue
		}
		var rep struct {
			Certificates []struct {
				SHA256       string `json:"sha256"`
				NginxVerdict string `json:"nginx_verdict"`
			} `json:"certificates"`
		}
		if err := json.Unmarshal(stdout.Bytes(), &rep); err != nil {
			t.Fatalf("%s: %v", c.ID, err)
		}
		sum := sha256.Sum256(c.Chain[0])
		want := "SUCCESS"
		if r.Code != 0 {
			want = fmt.Sprintf("FAILED:%d:", r.Code)
		}
		got := "(no verdict)"
		for _, x := range rep.Certificates {
			if x.SHA256 == hex.EncodeToString(sum[:]) && x.NginxVerdict != "" {
				got = x.NginxVerdict
			}
		}
		judged++
		switch {
		case strings.HasPrefix(got, want):
			agree++
		case got == "(no verdict)":
			// The role given to the leaf (a CA certificate sent as a
			// client, say) hides its verdict; roles are judged elsewhere.
			hidden++
			t.Logf("%s: certs gives the leaf no verdict, OpenSSL ends with %d (errors %v)", c.ID, r.Code, r.Events)
		default:
			t.Errorf("%s: certs says %s, OpenSSL ends with %d (errors %v)", c.ID, got, r.Code, r.Events)
		}
	}
	t.Logf("certs on %d limbo cases: the leaf's nginx_verdict equals OpenSSL's on %d, %d get none", judged, agree, hidden)
}
