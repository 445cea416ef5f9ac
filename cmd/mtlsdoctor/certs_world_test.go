package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/mtlsdoctor/mtlsdoctor/internal/nginxtest"
)

// worldSet is one line of testdata/world-certs/SOURCES.jsonl: a set of
// certificates and keys that a public repository committed for its
// mutual-TLS examples or tests, and where it comes from.
type worldSet struct {
	Set, URL string
	// CA is the file that issued the clients (each client may name its
	// own).
	CA      string
	Clients []struct{ Cert, Key, CA string }
}

// TestCertsWorld: certificate sets that public repositories committed for
// their mutual-TLS examples and tests (testdata/world-certs, each with its
// address), as they are today: expired ones, SHA-1 and v1 ones, clients
// with their CA's subject, chains through intermediates. Each client
// certificate, sent with the set's intermediates, is presented to a real
// nginx whose ssl_client_certificate is the client's CA, and `certs --ca`
// on the set must predict the verdict nginx reaches.
func TestCertsWorld(t *testing.T) {
	nginxtest.Require(t)
	dir := filepath.Join("..", "..", "testdata", "world-certs")
	src, err := os.ReadFile(filepath.Join(dir, "SOURCES.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, l := range strings.Split(strings.TrimSpace(string(src)), "\n") {
		var s worldSet
		if err := json.Unmarshal([]byte(l), &s); err != nil || s.Set == "" || s.CA == "" || len(s.Clients) == 0 || !strings.HasPrefix(s.URL, "https://") {
			t.Fatalf("SOURCES.jsonl: %q: %v (want set, url, ca and clients)", l, err)
		}
		n++
		t.Run(s.Set, func(t *testing.T) {
			t.Parallel()
			worldSetVerdicts(t, filepath.Join(dir, s.Set), s)
		})
	}
	if n < 8 {
		t.Fatalf("testdata/world-certs: %d sets, want at least 8", n)
	}
}

func worldSetVerdicts(t *testing.T, dir string, s worldSet) {
	servers := map[string]*nginxtest.Server{}
	var mu sync.Mutex
	server := func(ca string) *nginxtest.Server {
		mu.Lock()
		defer mu.Unlock()
		if srv := servers[ca]; srv != nil {
			return srv
		}
		abs, err := filepath.Abs(ca)
		if err != nil {
			t.Fatal(err)
		}
		servers[ca] = nginxtest.Start(t, nginxtest.NewConfig(abs))
		return servers[ca]
	}
	blocks := pemBlocks(t, dir)
	for _, cl := range s.Clients {
		ca := s.CA
		if cl.CA != "" {
			ca = cl.CA
		}
		caPath, certPath := filepath.Join(dir, ca), filepath.Join(dir, cl.Cert)
		code, out, errs := runCLI(t, "certs", "--format", "json", "--ca", caPath, dir)
		if code > 1 || errs != "" {
			t.Fatalf("certs --ca %s: exit %d, stderr %q", ca, code, errs)
		}
		var rep struct {
			Certificates []struct {
				Files        []string
				Role         string
				SHA256       string `json:"sha256"`
				NginxVerdict string `json:"nginx_verdict"`
			}
		}
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatalf("certs JSON: %v\n%s", err, out)
		}
		// What the client sends: its certificate, then the set's
		// intermediates, as the prediction assumes.
		sent, err := os.ReadFile(certPath)
		if err != nil {
			t.Fatal(err)
		}
		predicted := "(no row)"
		for _, row := range rep.Certificates {
			for _, f := range row.Files {
				if f == certPath {
					predicted = row.NginxVerdict
				}
			}
			if row.Role == "intermediate" {
				block, ok := blocks[strings.ToLower(strings.ReplaceAll(row.SHA256, ":", ""))]
				if !ok {
					t.Fatalf("intermediate %s of %v: no PEM block with that fingerprint", row.SHA256, row.Files)
				}
				sent = append(append(sent, '\n'), block...)
			}
		}
		chain := filepath.Join(t.TempDir(), "client-chain.pem")
		if err := os.WriteFile(chain, sent, 0o600); err != nil {
			t.Fatal(err)
		}
		got := server(caPath).Present(t, chain, filepath.Join(dir, cl.Key))
		t.Logf("%s against %s: nginx %s, predicted %s", cl.Cert, ca, got.Result, predicted)
		if got.Result != predicted {
			t.Errorf("%s against %s: nginx says %s, mtlsdoctor predicts %s (%s)", cl.Cert, ca, got.Result, predicted, s.URL)
		}
	}
}

// pemBlocks indexes every PEM certificate of a directory's files by the
// SHA-256 of its DER, in hex.
func pemBlocks(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, f := range files {
		rest, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for {
			var b *pem.Block
			b, rest = pem.Decode(rest)
			if b == nil {
				break
			}
			if b.Type == "CERTIFICATE" {
				sum := sha256.Sum256(b.Bytes)
				out[hex.EncodeToString(sum[:])] = pem.EncodeToMemory(b)
			}
		}
	}
	return out
}
