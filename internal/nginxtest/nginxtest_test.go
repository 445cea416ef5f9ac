package nginxtest

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// extConf is the openssl config the test PKI is made with (independent of
// the system openssl.cnf).
const extConf = `[req]
distinguished_name = dn
prompt = no
[dn]
CN = unused
[ca]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[client]
basicConstraints = critical,CA:FALSE
keyUsage = critical,digitalSignature,keyEncipherment
extendedKeyUsage = clientAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
`

// pki is a small set of certificates made with openssl.
type pki struct {
	dir                string
	ca, otherCA        string // trust files
	good, goodKey      string // SHA-256 leaf from ca
	sha1, sha1Key      string // SHA-1-signed leaf from ca
	unknown, unknownKy string // leaf from otherCA
}

func newPKI(t *testing.T) *pki {
	t.Helper()
	dir := t.TempDir()
	cnf := filepath.Join(dir, "ext.cnf")
	if err := os.WriteFile(cnf, []byte(extConf), 0o600); err != nil {
		t.Fatal(err)
	}
	p := &pki{dir: dir}
	f := func(name string) string { return filepath.Join(dir, name) }
	mkCA := func(name, cn string) string {
		OpenSSL(t, "req", "-x509", "-config", cnf, "-extensions", "ca", "-newkey", "rsa:2048", "-nodes",
			"-keyout", f(name+".key"), "-out", f(name+".pem"), "-days", "3650", "-sha256", "-subj", "/CN="+cn)
		return f(name + ".pem")
	}
	serial := 100
	mkLeaf := func(name, ca, md string) (string, string) {
		serial++
		OpenSSL(t, "req", "-new", "-config", cnf, "-newkey", "rsa:2048", "-nodes",
			"-keyout", f(name+".key"), "-out", f(name+".csr"), "-subj", "/CN="+name)
		OpenSSL(t, "x509", "-req", "-in", f(name+".csr"), "-CA", f(ca+".pem"), "-CAkey", f(ca+".key"),
			"-set_serial", fmt.Sprint(serial), "-days", "365", "-"+md, "-extfile", cnf, "-extensions", "client",
			"-out", f(name+".pem"))
		return f(name + ".pem"), f(name + ".key")
	}
	p.ca = mkCA("ca", "nginxtest Root CA")
	p.otherCA = mkCA("other-ca", "nginxtest Other CA")
	p.good, p.goodKey = mkLeaf("good", "ca", "sha256")
	p.sha1, p.sha1Key = mkLeaf("sha1", "ca", "sha1")
	p.unknown, p.unknownKy = mkLeaf("unknown", "other-ca", "sha256")
	return p
}

func check(t *testing.T, name string, v Verdict, result string, status int) {
	t.Helper()
	if v.Result != result || v.Status != status {
		t.Errorf("%s: got %q / %d, want %q / %d\n  log: %s\n  $ssl_client_verify: %s\n  client: %s",
			name, v.Result, v.Status, result, status, v.LogLine, v.ClientVerify, v.Client)
	} else {
		t.Logf("%s: %s / %d  log: %s", name, v.Result, v.Status, v.LogLine)
	}
}

// TestHarness proves the harness on certificates made with openssl: the
// verdicts a real nginx logs and the errors a real `openssl verify` prints.
func TestHarness(t *testing.T) {
	Require(t)
	p := newPKI(t)

	t.Run("nginx/default-seclevel", func(t *testing.T) {
		t.Parallel()
		s := Start(t, Config{ClientCA: p.ca, VerifyDepth: -1, SecLevel: -1})
		check(t, "good", s.Present(t, p.good, p.goodKey), "SUCCESS", 200)
		v := s.Present(t, "", "")
		check(t, "no cert", v, "NONE", 400)
		if !strings.Contains(v.LogLine, "[info]") || !strings.Contains(v.LogLine, "client sent no required SSL certificate while reading client request headers") {
			t.Errorf("no cert: log line %q", v.LogLine)
		}
		v = s.Present(t, p.sha1, p.sha1Key)
		check(t, "sha1", v, "FAILED:68:CA signature digest algorithm too weak", 400)
		if v.ClientVerify != "FAILED:CA signature digest algorithm too weak" {
			t.Errorf("sha1: $ssl_client_verify %q", v.ClientVerify)
		}
		check(t, "unknown CA, leaf alone", s.Present(t, p.unknown, p.unknownKy), "FAILED:21:unable to verify the first certificate", 400)
		// The good client again: nothing of the earlier requests leaks in.
		check(t, "good again", s.Present(t, p.good, p.goodKey), "SUCCESS", 200)
	})

	t.Run("nginx/seclevel0", func(t *testing.T) {
		t.Parallel()
		s := Start(t, Config{ClientCA: p.ca, VerifyDepth: -1, SecLevel: 0})
		check(t, "sha1", s.Present(t, p.sha1, p.sha1Key), "SUCCESS", 200)
		check(t, "good", s.Present(t, p.good, p.goodKey), "SUCCESS", 200)
	})

	t.Run("nginx/optional_no_ca", func(t *testing.T) {
		t.Parallel()
		s := Start(t, Config{ClientCA: p.ca, VerifyClient: "optional_no_ca", VerifyDepth: -1, SecLevel: -1})
		// 21 is tolerated: no error-log line, the request is served, and
		// the code comes from $ssl_client_verify's text.
		v := s.Present(t, p.unknown, p.unknownKy)
		check(t, "unknown CA", v, "FAILED:21:unable to verify the first certificate", 200)
		if v.LogLine != "" {
			t.Errorf("unknown CA: unexpected log line %q", v.LogLine)
		}
		// 68 is not tolerated.
		check(t, "sha1", s.Present(t, p.sha1, p.sha1Key), "FAILED:68:CA signature digest algorithm too weak", 400)
		check(t, "no cert", s.Present(t, "", ""), "NONE", 200)
	})

	t.Run("openssl-verify", func(t *testing.T) {
		t.Parallel()
		for _, tc := range []struct {
			name, cert string
			level      int
			code       int
			text       string
		}{
			{"good", p.good, 2, 0, "ok"},
			{"sha1 level 2", p.sha1, 2, 68, "CA signature digest algorithm too weak"},
			{"sha1 level 1", p.sha1, 1, 68, "CA signature digest algorithm too weak"},
			{"sha1 level 0", p.sha1, 0, 0, "ok"},
			{"unknown CA", p.unknown, 2, 20, "unable to get local issuer certificate"},
		} {
			code, text := OpenSSLVerify(t, VerifyOpts{CAFile: p.ca, Cert: tc.cert, AuthLevel: tc.level, Depth: -1})
			if code != tc.code || text != tc.text {
				t.Errorf("%s: openssl verify gave %d %q, want %d %q", tc.name, code, text, tc.code, tc.text)
			} else {
				t.Logf("%s: %d %s", tc.name, code, text)
			}
		}
		errs := OpenSSLVerifyErrors(t, VerifyOpts{CAFile: p.ca, Cert: p.sha1, AuthLevel: 2, Depth: 1})
		if len(errs) != 1 || errs[0] != (VerifyError{Code: 68, Depth: 0, Text: "CA signature digest algorithm too weak"}) {
			t.Errorf("OpenSSLVerifyErrors(sha1) = %+v", errs)
		}
	})

	t.Run("start-failure-message", func(t *testing.T) {
		t.Parallel()
		bad := filepath.Join(t.TempDir(), "not-a-ca.pem")
		if err := os.WriteFile(bad, []byte("not a certificate\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		ft := &fatalTB{TB: t}
		func() {
			defer func() {
				if r := recover(); r != nil && r != errFatal {
					panic(r)
				}
			}()
			Start(ft, Config{ClientCA: bad, VerifyDepth: -1, SecLevel: -1})
		}()
		if ft.msg == "" {
			t.Fatal("Start with a broken CA file did not fail")
		}
		t.Logf("Start's failure message:\n%s", ft.msg)
		for _, want := range []string{"nginx did not start", "nginx stderr", "not-a-ca.pem", "nginx.conf"} {
			if !strings.Contains(ft.msg, want) {
				t.Errorf("failure message lacks %q:\n%s", want, ft.msg)
			}
		}
	})
}

var errFatal = fmt.Errorf("fatal")

// fatalTB records Fatal/Fatalf instead of failing the real test.
type fatalTB struct {
	testing.TB
	msg string
}

func (f *fatalTB) Fatalf(format string, args ...any) {
	f.msg = fmt.Sprintf(format, args...)
	panic(errFatal)
}

func (f *fatalTB) Fatal(args ...any) {
	f.msg = fmt.Sprint(args...)
	panic(errFatal)
}
