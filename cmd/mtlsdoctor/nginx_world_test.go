package main

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestNginxWorld lints nginx configurations that public repositories
// committed with client-certificate verification (testdata/nginx-world,
// each with its source in SOURCES.jsonl), as committed, and wants what a
// reader of each file saw in its first block that asks for client
// certificates: the ssl_verify_client mode and depth in the JSON's
// servers, optional-not-checked exactly when an optional mode's result is
// tested nowhere, and legacy-protocols as a warning exactly when
// ssl_protocols lists SSLv3, TLSv1 or TLSv1.1. Nothing of it may be read
// as a syntax error (exit 2): OpenResty's Lua blocks included. A stream
// server, which the lint does not judge, must be named as not judged.
func TestNginxWorld(t *testing.T) {
	dir := filepath.Join("..", "..", "testdata", "nginx-world")
	f, err := os.Open(filepath.Join(dir, "SOURCES.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	numeric := regexp.MustCompile(`^[0-9]+$`)
	oldProto := regexp.MustCompile(`(?i)\b(?:SSLv3|TLSv1|TLSv1\.1)(?:\s|;|$)`)
	n := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var src struct {
			Dir, URL string
			Reader   struct {
				VerifyClient       string `json:"verify_client"`
				ChecksVerifyResult bool   `json:"checks_verify_result"`
				SSLProtocols       string `json:"ssl_protocols"`
				SSLVerifyDepth     string `json:"ssl_verify_depth"`
				Context            string // "stream" for a stream { } server
			}
		}
		if err := json.Unmarshal(sc.Bytes(), &src); err != nil {
			t.Fatal(err)
		}
		n++
		conf := filepath.Join(dir, src.Dir, "nginx.conf")
		t.Run(src.Dir, func(t *testing.T) {
			code, out, errs := runCLI(t, "nginx", "--format", "json", conf)
			if code > 1 || errs != "" {
				t.Fatalf("%s (%s): exit %d, stderr %q", conf, src.URL, code, errs)
			}
			var rep struct {
				Findings []struct{ ID, Severity string }
				Servers  []struct {
					VerifyClient string `json:"verify_client"`
					VerifyDepth  int    `json:"verify_depth"`
				}
			}
			if err := json.Unmarshal([]byte(out), &rep); err != nil {
				t.Fatal(err)
			}
			if src.Reader.Context == "stream" {
				// The lint judges http's servers; it must say that it left
				// a stream server that asks for client certificates.
				named := false
				for _, f := range rep.Findings {
					named = named || f.ID == "stream-not-judged"
				}
				if len(rep.Servers) != 0 || !named {
					t.Errorf("%s (%s): a stream server's mTLS not named as not judged: %d servers, findings %v", conf, src.URL, len(rep.Servers), rep.Findings)
				}
				return
			}
			if len(rep.Servers) == 0 {
				t.Fatalf("%s (%s): no block that asks for client certificates", conf, src.URL)
			}
			first := rep.Servers[0]
			if first.VerifyClient != src.Reader.VerifyClient {
				t.Errorf("%s (%s): ssl_verify_client %q, the reader saw %q", conf, src.URL, first.VerifyClient, src.Reader.VerifyClient)
			}
			// (A template's "${VERIFY_DEPTH}" is filled in before nginx reads it.)
			if numeric.MatchString(src.Reader.SSLVerifyDepth) && strconv.Itoa(first.VerifyDepth) != src.Reader.SSLVerifyDepth {
				t.Errorf("%s (%s): ssl_verify_depth %d, the reader saw %s", conf, src.URL, first.VerifyDepth, src.Reader.SSLVerifyDepth)
			}
			ids := map[string]string{}
			for _, f := range rep.Findings {
				if _, seen := ids[f.ID]; !seen || f.Severity == "warning" {
					ids[f.ID] = f.Severity
				}
			}
			optional := strings.HasPrefix(src.Reader.VerifyClient, "optional")
			if _, got := ids["optional-not-checked"]; got != (optional && !src.Reader.ChecksVerifyResult) {
				t.Errorf("%s (%s): optional-not-checked %v, the reader saw mode %s, result checked %v", conf, src.URL, got, src.Reader.VerifyClient, src.Reader.ChecksVerifyResult)
			}
			if got := ids["legacy-protocols"] == "warning"; got != oldProto.MatchString(src.Reader.SSLProtocols) {
				t.Errorf("%s (%s): legacy-protocols warning %v, the reader saw ssl_protocols %q", conf, src.URL, got, src.Reader.SSLProtocols)
			}
		})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if n < 10 {
		t.Fatalf("%d configurations in %s, want at least 10", n, dir)
	}
}
