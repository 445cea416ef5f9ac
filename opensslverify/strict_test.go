package opensslverify_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/mtlsdoctor/mtlsdoctor/internal/servertest"
	"github.com/mtlsdoctor/mtlsdoctor/opensslverify"
)

// strictConf is a hermetic OpenSSL configuration: no extension is added
// that a case does not ask for.
const strictConf = "[req]\ndistinguished_name = dn\nprompt = no\n[dn]\nCN = x\n"

var reFirstError = regexp.MustCompile(`(?m)^error (\d+) at (\d+) depth lookup`)

// TestStrictFailuresMatchOpenSSL makes certificates with real openssl,
// each lacking one thing the strict checks want (the guides' CA without
// keyUsage among them), and compares the first strict failure of the
// model, leaf first, with the first error `openssl verify -x509_strict`
// prints; the same chains pass without -x509_strict, so the checks are
// the strict ones only. (A critical authority or subject key identifier,
// 90 and 91, is one Go's parser refuses before any check.)
func TestStrictFailuresMatchOpenSSL(t *testing.T) {
	t.Parallel()
	bin := servertest.Tool(t, "openssl")
	dir := t.TempDir()
	conf := filepath.Join(dir, "openssl.cnf")
	if err := os.WriteFile(conf, []byte(strictConf), 0o600); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) string {
		t.Helper()
		cmd := exec.Command(bin, args...)
		cmd.Env = append(os.Environ(), "OPENSSL_CONF="+conf)
		out, err := cmd.CombinedOutput()
		if err != nil && args[0] != "verify" {
			t.Fatalf("openssl %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	root := func(name string, exts ...string) string {
		p := filepath.Join(dir, name)
		args := []string{"req", "-x509", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", p + ".key", "-out", p + ".crt",
			"-subj", "/CN=" + name, "-days", "30", "-config", conf}
		for _, e := range exts {
			args = append(args, "-addext", e)
		}
		run(args...)
		return p
	}
	leaf := func(name, ca, subj string, exts ...string) string {
		p := filepath.Join(dir, name)
		run("req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", p+".key", "-out", p+".csr", "-subj", subj, "-config", conf)
		ext := filepath.Join(dir, name+".ext")
		if err := os.WriteFile(ext, []byte(strings.Join(exts, "\n")+"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		run("x509", "-req", "-in", p+".csr", "-CA", ca+".crt", "-CAkey", ca+".key", "-CAcreateserial", "-days", "30", "-extfile", ext, "-out", p+".crt")
		return p
	}
	good := []string{"basicConstraints=critical,CA:TRUE", "keyUsage=critical,keyCertSign,cRLSign"}
	ca := root("ca", good...)
	leafOK := []string{"basicConstraints=CA:FALSE", "keyUsage=critical,digitalSignature", "subjectKeyIdentifier=hash", "authorityKeyIdentifier=keyid"}
	for _, tc := range []struct {
		name string
		leaf string // "": the root alone
		root string
	}{
		{"sound chain", leaf("ok", ca, "/CN=ok", leafOK...), ca},
		{"CA without keyUsage (the guides' openssl req -x509)", leaf("under-noku", root("noku", "basicConstraints=critical,CA:TRUE"), "/CN=a", leafOK...), filepath.Join(dir, "noku")},
		{"CA basicConstraints not critical", leaf("under-bcnc", root("bcnc", "basicConstraints=CA:TRUE", "keyUsage=critical,keyCertSign"), "/CN=b", leafOK...), filepath.Join(dir, "bcnc")},
		{"leaf without authorityKeyIdentifier", leaf("noakid", ca, "/CN=c", "basicConstraints=CA:FALSE", "keyUsage=critical,digitalSignature", "subjectKeyIdentifier=hash", "authorityKeyIdentifier=none"), ca},
		{"leaf with keyCertSign", leaf("kusign", ca, "/CN=d", "basicConstraints=CA:FALSE", "keyUsage=critical,digitalSignature,keyCertSign", "subjectKeyIdentifier=hash", "authorityKeyIdentifier=keyid"), ca},
		{"empty subject, subjectAltName not critical", leaf("nosubj", ca, "/", "basicConstraints=CA:FALSE", "keyUsage=critical,digitalSignature", "subjectKeyIdentifier=hash", "authorityKeyIdentifier=keyid", "subjectAltName=DNS:a.example"), ca},
		{"leaf without extensions (v1, the guides' x509 -req)", leaf("v1", ca, "/CN=g"), ca},
	} {
		chain := []*opensslverify.Cert{readPEMCerts(t, tc.leaf+".crt")[0], readPEMCerts(t, tc.root+".crt")[0]}
		want := 0
		for i, c := range chain {
			if f := c.StrictFailures(i == len(chain)-1); len(f) > 0 {
				want = f[0]
				break
			}
		}
		plain := run("verify", "-CAfile", tc.root+".crt", tc.leaf+".crt")
		strict := run("verify", "-x509_strict", "-CAfile", tc.root+".crt", tc.leaf+".crt")
		if !strings.Contains(plain, ": OK") {
			t.Errorf("%s: openssl verify without -x509_strict fails:\n%s", tc.name, plain)
		}
		got := 0
		if m := reFirstError.FindStringSubmatch(strict); m != nil {
			got, _ = strconv.Atoi(m[1])
		}
		if got != want {
			t.Errorf("%s: the model's first strict failure is %d, openssl verify -x509_strict says %d:\n%s", tc.name, want, got, strict)
		}
	}
}
