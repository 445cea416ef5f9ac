// Package verifyref runs the test-only OpenSSL reference (testdata/verifyref.c):
// X509_verify_cert driven as nginx drives it for client certificates, with
// a callback that continues past every error. Differential tests compare
// the opensslverify model with it. It compiles the C file with the system
// compiler against the system libcrypto; the product never uses it.
package verifyref

import (
	"bufio"
	"bytes"
	"context"
	_ "embed"
	"encoding/base64"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

//go:embed testdata/verifyref.c
var source []byte

// Case is one verification: what nginx's store holds and what the client sends.
type Case struct {
	ID       string
	Time     time.Time
	Depth    int // ssl_verify_depth
	Level    int // security level
	CRLCheck bool
	// Server is true for nginx verifying an upstream server's chain
	// (proxy_ssl_verify: purpose ssl_server) instead of a client's.
	Server  bool
	Anchors [][]byte // DER, in the order of the CA file
	Chain   [][]byte // DER, the leaf first
	CRLs    [][]byte // DER
}

// Event is one error the verify callback saw.
type Event struct{ Depth, Code int }

// Result is what OpenSSL did with one case.
type Result struct {
	// Code is the error nginx logs (0: verified), or -1 when OpenSSL
	// could not read an input (Unreadable says which).
	Code       int
	Unreadable string
	Events     []Event
}

// Build compiles the reference into dir and returns its path. It fails
// the test when gcc or the OpenSSL headers are missing (scripts/test.sh
// installs them).
func Build(t testing.TB, dir string) string {
	t.Helper()
	src := filepath.Join(dir, "verifyref.c")
	bin := filepath.Join(dir, "verifyref")
	if err := os.WriteFile(src, source, 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, "gcc", "-O2", "-o", bin, src, "-lcrypto").CombinedOutput()
	if err != nil {
		t.Fatalf("verifyref: gcc (install gcc and libssl-dev): %v\n%s", err, out)
	}
	return bin
}

// Run verifies every case with the reference built by Build.
func Run(t testing.TB, bin string, cases []Case) map[string]Result {
	t.Helper()
	var in bytes.Buffer
	b64 := base64.StdEncoding.EncodeToString
	for _, c := range cases {
		fmt.Fprintf(&in, "case %s\ntime %d\ndepth %d\nlevel %d\n", c.ID, c.Time.Unix(), c.Depth, c.Level)
		if c.CRLCheck {
			in.WriteString("crlcheck 1\n")
		}
		if c.Server {
			in.WriteString("purpose ssl_server\n")
		}
		for _, d := range c.Anchors {
			fmt.Fprintf(&in, "anchor %s\n", b64(d))
		}
		for _, d := range c.Chain {
			fmt.Fprintf(&in, "chain %s\n", b64(d))
		}
		for _, d := range c.CRLs {
			fmt.Fprintf(&in, "crl %s\n", b64(d))
		}
		in.WriteString("end\n")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin)
	cmd.Stdin = &in
	// Like nginx, the reference reads the system OpenSSL configuration.
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "OPENSSL_CONF=") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("verifyref: %v\n%s", err, stderr.String())
	}
	res := map[string]Result{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) != 3 {
			t.Fatalf("verifyref: bad output line %q", sc.Text())
		}
		var r Result
		if n, err := strconv.Atoi(f[1]); err == nil {
			r.Code = n
		} else {
			r.Code, r.Unreadable = -1, f[1]
		}
		if f[2] != "-" {
			for _, e := range strings.Split(f[2], ",") {
				d, c, _ := strings.Cut(e, ":")
				dn, _ := strconv.Atoi(d)
				cn, _ := strconv.Atoi(c)
				r.Events = append(r.Events, Event{Depth: dn, Code: cn})
			}
		}
		res[f[0]] = r
	}
	if len(res) != len(cases) {
		t.Fatalf("verifyref: %d results for %d cases", len(res), len(cases))
	}
	return res
}
