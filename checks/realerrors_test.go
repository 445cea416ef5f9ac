package checks

import (
	"crypto/tls"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestExplainRealOpenSSLErrors: errors the real openssl prints are
// explained by the entry meant for them. OpenSSL 3 refuses a PKCS#12 file
// made with the legacy RC2 cipher (as older tools export them) unless
// -legacy is given.
func TestExplainRealOpenSSLErrors(t *testing.T) {
	dir := t.TempDir()
	key, crt, rc2 := filepath.Join(dir, "k.pem"), filepath.Join(dir, "c.pem"), filepath.Join(dir, "rc2.p12")
	for _, args := range [][]string{
		{"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", key, "-out", crt, "-subj", "/CN=client1", "-days", "1"},
		{"pkcs12", "-export", "-legacy", "-in", crt, "-inkey", key, "-out", rc2, "-passout", "pass:x"},
	} {
		if out, err := exec.Command("openssl", args...).CombinedOutput(); err != nil {
			t.Fatalf("openssl %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	for _, c := range []struct {
		args      []string
		id, words string
	}{
		{[]string{"pkcs12", "-in", rc2, "-nodes", "-passin", "pass:x", "-out", filepath.Join(dir, "out.pem")}, "key-load-failed", "-legacy"},
	} {
		out, err := exec.Command("openssl", c.args...).CombinedOutput()
		if err == nil {
			t.Fatalf("openssl %s succeeded; want the error to explain:\n%s", strings.Join(c.args, " "), out)
		}
		var line string
		for _, l := range strings.Split(string(out), "\n") {
			if strings.Contains(l, "error:") {
				line = l
				break
			}
		}
		if line == "" {
			t.Fatalf("openssl %s: no error line in:\n%s", strings.Join(c.args, " "), out)
		}
		rep := Explain(line)
		if len(rep.Findings) == 0 {
			t.Fatalf("%s: no finding", line)
		}
		if f := rep.Findings[0]; f.ID.Name() != c.id || !strings.Contains(f.Fix, c.words) {
			t.Errorf("%s:\n  got %s %q, fix %q; want %s with %q", line, f.ID.Name(), f.Title, f.Fix, c.id, c.words)
		}
	}
}

// TestExplainRealGoKeyErrors: the error Go's crypto/tls returns for a key
// with a passphrase (the fixture openssl encrypted) is explained as such.
func TestExplainRealGoKeyErrors(t *testing.T) {
	_, err := tls.LoadX509KeyPair("../testdata/certs/encrypted/client-legacy.crt", "../testdata/certs/encrypted/client-legacy.key")
	if err == nil {
		t.Fatal("crypto/tls loaded an encrypted key")
	}
	rep := Explain(err.Error())
	if len(rep.Findings) == 0 {
		t.Fatalf("%v: no finding", err)
	}
	if f := rep.Findings[0]; f.ID.Name() != "key-load-failed" || !strings.Contains(f.Fix, "openssl pkey -in") {
		t.Errorf("%v: got %s %q, want key-load-failed with an unencrypted copy", err, f.ID.Name(), f.Title)
	}
}
