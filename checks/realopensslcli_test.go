package checks

import (
	"context"
	"crypto/x509"
	"encoding/pem"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/internal/nginxtest"
	"github.com/mtlsdoctor/mtlsdoctor/internal/servertest"
)

// TestExplainRealOpenSSLCommands runs the openssl command line the way the
// guides' readers get it wrong (an option after genrsa's key size, an
// unknown option, a missing CSR, openssl ca without its demoCA database,
// with a subject its policy refuses, signing the same subject twice) and
// explains what the real openssl printed: each is told as the openssl
// command's own refusal, with the cause's words in the fix.
func TestExplainRealOpenSSLCommands(t *testing.T) {
	nginxtest.Require(t)
	dir := t.TempDir()
	// runTool runs a program in dir and returns what it printed; run
	// runs openssl.
	runTool := func(name, stdin string, args ...string) string {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		cmd := exec.CommandContext(ctx, name, args...)
		cmd.Dir = dir
		cmd.Stdin = strings.NewReader(stdin)
		cmd.Env = append(os.Environ(), "OPENSSL_CONF=")
		out, _ := cmd.CombinedOutput()
		return string(out)
	}
	run := func(stdin string, args ...string) string { return runTool("openssl", stdin, args...) }
	run("", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.crt", "-subj", "/C=US/ST=X/O=CA Org/CN=ca", "-days", "30")
	run("", "req", "-new", "-newkey", "rsa:2048", "-nodes", "-keyout", "c.key", "-out", "c.csr", "-subj", "/C=US/ST=X/O=Client Org/CN=c")
	sign := []string{"ca", "-config", "/usr/lib/ssl/openssl.cnf", "-in", "c.csr", "-out", "c.crt", "-cert", "ca.crt", "-keyfile", "ca.key", "-batch"}
	if _, err := os.Stat("/usr/lib/ssl/openssl.cnf"); err != nil {
		t.Fatalf("Debian's default openssl.cnf: %v", err)
	}
	type cliCase struct{ name, out, id, word string }
	cases := []cliCase{
		{"option after the key size", run("", "genrsa", "-out", "k.key", "2048", "-aes256"), "openssl-command", "before the operands"},
		{"unknown option", run("", "req", "-new", "-noencx", "-key", "c.key"), "openssl-command", "openssl version"},
		{"missing csr", run("", "x509", "-req", "-in", "gone.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-out", "x.crt"), "cert-load-failed", "ls -l"},
		{"no demoCA", run("", sign...), "openssl-command", "demoCA/index.txt"},
	}
	if err := os.MkdirAll(filepath.Join(dir, "demoCA", "newcerts"), 0o755); err != nil {
		t.Fatal(err)
	}
	must(t, os.WriteFile(filepath.Join(dir, "demoCA", "index.txt"), nil, 0o644))
	must(t, os.WriteFile(filepath.Join(dir, "demoCA", "serial"), []byte("1000\n"), 0o644))
	cases = append(cases, cliCase{"policy_match", run("", sign...), "openssl-command", "policy_anything"})
	anything := append(append([]string{}, sign...), "-policy", "policy_anything")
	run("", anything...)
	cases = append(cases, cliCase{"same subject twice", run("", anything...), "openssl-command", "unique_subject"})
	// Making keys, requests and certificates as the guides do, with the
	// mistakes their readers make.
	run("", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "k.key")
	run("", "req", "-new", "-key", "k.key", "-subj", "/CN=k", "-out", "k.csr")
	must(t, os.WriteFile(filepath.Join(dir, "san.cnf"), []byte("[req]\ndistinguished_name = dn\nprompt = no\nreq_extensions = ext\n[dn]\nCN = x\n[ext]\nsubjectAltName = $ENV::MTLSDOCTOR_UNSET_SAN\n"), 0o644))
	must(t, os.WriteFile(filepath.Join(dir, "odd.srl"), []byte("3\n"), 0o644))
	must(t, os.WriteFile(filepath.Join(dir, "pasted.cnf"), []byte("[req]\ndistinguished_name = dn\nprompt = no\nopenssl req -new\n[dn]\nCN = x\n"), 0o644))
	must(t, os.WriteFile(filepath.Join(dir, "plain.ext"), []byte("subjectAltName = DNS:k\n"), 0o644))
	run("", "x509", "-req", "-in", "k.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-days", "30", "-out", "k.crt")
	run("", "pkcs12", "-export", "-nomac", "-in", "k.crt", "-inkey", "k.key", "-out", "nomac.p12", "-passout", "pass:x")
	for _, c := range []struct{ name, out, word string }{
		{"unset variable", run("", "req", "-new", "-key", "k.key", "-config", "san.cnf", "-out", "v.csr"), "export"},
		{"a command pasted into the configuration", run("", "req", "-new", "-key", "k.key", "-config", "pasted.cnf", "-out", "p.csr"), "cat -A"},
		{"country of three letters", run("", "req", "-new", "-key", "k.key", "-subj", "/C=USA/CN=k", "-out", "c.csr"), "C=US"},
		{"common name of 70 characters", run("", "req", "-new", "-key", "k.key", "-subj", "/CN="+strings.Repeat("a", 70), "-out", "c.csr"), "subjectAltName"},
		{"empty country", run("", "req", "-new", "-key", "k.key", "-subj", "/C=/CN=k", "-out", "c.csr"), "leave the empty ones out"},
		{"serial with an odd digit count", run("", "x509", "-req", "-in", "k.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAserial", "odd.srl", "-out", "s.crt"), "echo 1000"},
		{"extension section missing", run("", "x509", "-req", "-in", "k.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-extfile", "plain.ext", "-extensions", "v3_req", "-out", "e.crt"), "drop -extensions"},
		{"authorityKeyIdentifier in a request", run("", "req", "-new", "-key", "k.key", "-subj", "/CN=k", "-addext", "authorityKeyIdentifier=keyid:always", "-out", "a.csr"), "openssl req -new"},
		{"PKCS#12 without a MAC", run("", "pkcs12", "-in", "nomac.p12", "-passin", "pass:x", "-nokeys", "-out", "nomac.pem"), "-nomacver"},
	} {
		cases = append(cases, cliCase{c.name, c.out, "openssl-command", c.word})
	}
	// A CA made without -days lasts 30 days, as the verify-10 story says.
	run("", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "short.key", "-out", "short.crt", "-subj", "/CN=Short CA")
	if b, err := os.ReadFile(filepath.Join(dir, "short.crt")); err != nil {
		t.Fatal(err)
	} else if blk, _ := pem.Decode(b); blk == nil {
		t.Fatalf("req -x509 wrote no certificate: %s", b)
	} else if c, err := x509.ParseCertificate(blk.Bytes); err != nil {
		t.Fatal(err)
	} else if d := c.NotAfter.Sub(c.NotBefore); d != 30*24*time.Hour {
		t.Errorf("req -x509 without -days: valid for %v, the catalogue says 30 days", d)
	}
	if rep := Explain("error 10 at 1 depth lookup: certificate has expired"); len(rep.Findings) == 0 || !strings.Contains(rep.Findings[0].Explanation, "no -days lasts 30 days") {
		t.Errorf("verify 10's story does not name a CA made without -days: %+v", rep.Findings)
	}
	// keytool given a PKCS#12 file with another password.
	keytool := servertest.Tool(t, "keytool")
	run("", "pkcs12", "-export", "-in", "k.crt", "-inkey", "k.key", "-out", "k.p12", "-passout", "pass:right")
	kt := runTool(keytool, "", "-list", "-keystore", "k.p12", "-storetype", "PKCS12", "-storepass", "wrong")
	if rep := Explain(strings.TrimSpace(kt)); len(rep.Findings) == 0 || rep.Findings[0].ID.Name() != "bad-passphrase" || !strings.Contains(rep.Findings[0].Fix, "-legacy") {
		t.Errorf("keytool with a wrong password printed\n%s\nexplained as %+v", kt, rep.Findings)
	}
	for _, c := range cases {
		rep := Explain(strings.TrimSpace(c.out))
		if len(rep.Findings) == 0 {
			t.Errorf("%s: no finding for openssl's\n%s", c.name, c.out)
			continue
		}
		f := rep.Findings[0]
		if f.ID.Name() != c.id || f.Reporter != "openssl" || !strings.Contains(f.Fix, c.word) {
			t.Errorf("%s: %s/%s %q, want %s naming %q; openssl printed:\n%s\nfix: %s", c.name, f.Reporter, f.ID.Name(), f.Title, c.id, c.word, c.out, f.Fix)
		}
	}
}
