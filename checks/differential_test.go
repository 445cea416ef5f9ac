package checks

import (
	"bytes"
	"encoding/hex"
	"encoding/pem"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/certset"
	"github.com/mtlsdoctor/mtlsdoctor/internal/nginxtest"
	"github.com/mtlsdoctor/mtlsdoctor/report"
)

// fixturePassphrases are the passphrases testdata/certs/gen.sh uses.
var fixturePassphrases = []string{"test-pass", "p12-pass", "guide-pass"}

const fixtures = "../testdata/certs"

// scenario is one way of judging a fixture set: the nginx settings the
// prediction is made for and the real nginx is started with.
type scenario struct {
	set      string
	secLevel int // -1: Debian's default (2)
	depth    int // -1: nginx's default (1)
	crl      bool
	ca       string // --ca file, relative to testdata/certs; "" = the set's roots
	allCAs   bool   // the CA file holds the intermediates too (cat int.crt root.crt > ca.pem)
}

func (s scenario) name() string {
	n := s.set + fmt.Sprintf("/seclevel=%d/depth=%d", s.level(), s.verifyDepth())
	if s.ca != "" {
		n += "/ca=" + filepath.Base(s.ca)
	}
	if s.allCAs {
		n += "/ca=roots+intermediates"
	}
	return n
}

func (s scenario) level() int {
	if s.secLevel < 0 {
		return 2
	}
	return s.secLevel
}

func (s scenario) verifyDepth() int {
	if s.depth < 0 {
		return 1
	}
	return s.depth
}

var scenarios = []scenario{
	{set: "good", secLevel: -1, depth: -1},
	{set: "guide", secLevel: -1, depth: -1},
	{set: "weak", secLevel: -1, depth: -1},
	{set: "weak", secLevel: 1, depth: -1},
	{set: "weak", secLevel: 0, depth: -1},
	{set: "samedn", secLevel: -1, depth: -1},
	{set: "validity", secLevel: -1, depth: -1},
	{set: "purpose", secLevel: -1, depth: -1},
	{set: "notca", secLevel: -1, depth: -1},
	{set: "regenerated", secLevel: -1, depth: -1},
	{set: "chain", secLevel: -1, depth: -1},
	{set: "chain", secLevel: -1, depth: 0},
	{set: "chain", secLevel: -1, depth: 2},
	{set: "chain", secLevel: -1, depth: 3},
	{set: "revoked", secLevel: -1, depth: -1, crl: true},
	{set: "mismatch", secLevel: -1, depth: -1},
	{set: "encrypted", secLevel: -1, depth: -1},
	{set: "ecdsa", secLevel: -1, depth: -1},
	{set: "ecdsa", secLevel: 3, depth: -1},
	{set: "p12", secLevel: -1, depth: -1},
	{set: "untrusted", secLevel: -1, depth: -1},
	{set: "dup", secLevel: -1, depth: -1},
	{set: "constraints", secLevel: -1, depth: -1},
	{set: "good", secLevel: -1, depth: -1, allCAs: true},
	{set: "chain", secLevel: -1, depth: -1, allCAs: true},
	{set: "chain", secLevel: -1, depth: 2, allCAs: true},
	{set: "notca", secLevel: -1, depth: -1, allCAs: true},
	{set: "untrusted", secLevel: -1, depth: -1, ca: "_outside/untrusted/foreign-ca.crt"},
	{set: "good", secLevel: -1, depth: -1, ca: "_outside/untrusted/foreign-ca.crt"},
	{set: "regenerated", secLevel: -1, depth: -1, ca: "_outside/regenerated/ca-old.crt"},
}

// leafCase is one certificate to present as a client certificate.
type leafCase struct {
	file, key string
	cert      report.Certificate
}

// judge loads a fixture set and runs mtlsdoctor's prediction on it.
func judge(t *testing.T, sc scenario) (*certset.Set, *report.Report, *run) {
	t.Helper()
	dir := filepath.Join(fixtures, sc.set)
	set, err := certset.Load([]string{dir}, certset.Options{Passphrases: fixturePassphrases})
	if err != nil {
		t.Fatalf("load %s: %v", dir, err)
	}
	o := CertOptions{SecLevel: sc.level(), VerifyDepth: sc.verifyDepth(), At: time.Now(), ExpiresWithin: 720 * time.Hour}
	if sc.ca != "" {
		cas, err := certset.Load([]string{filepath.Join(fixtures, sc.ca)}, certset.Options{})
		if err != nil || len(cas.Certs) == 0 {
			t.Fatalf("load --ca %s: %v", sc.ca, err)
		}
		for _, c := range cas.Certs {
			o.CA = append(o.CA, c.X509)
		}
		o.CAFile = sc.ca
	}
	if sc.allCAs {
		for _, row := range Certs(set, o).Certificates {
			if row.Role == RoleCA || row.Role == RoleIntermediate {
				for _, c := range set.Certs {
					if hexSum(c) == row.SHA256 {
						o.CA = append(o.CA, c.X509)
					}
				}
			}
		}
		o.CAFile = "the set's CA file"
	}
	return set, Certs(set, o), analyse(set, o)
}

// firstError is the first error of the model for the certificate with
// that fingerprint: what `openssl verify` prints first.
func (r *run) firstError(sha string) int {
	for _, s := range r.certs {
		if hex.EncodeToString(s.c.SHA256[:]) == sha && s.result != nil {
			return s.result.First().Code
		}
	}
	return -1
}

// trustFiles writes what nginx and openssl get: the roots of the set as
// the CA file, the intermediates as the chain the client sends along.
func trustFiles(t *testing.T, set *certset.Set, rep *report.Report, allCAs bool) (caFile, untrusted string, roots int) {
	t.Helper()
	tmp := t.TempDir()
	var ca, inter bytes.Buffer
	bySHA := map[string]*certset.Cert{}
	for _, c := range set.Certs {
		bySHA[hexSum(c)] = c
	}
	for _, row := range rep.Certificates {
		c := bySHA[row.SHA256]
		block := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: c.X509.Raw})
		switch row.Role {
		case RoleCA:
			ca.Write(block)
			roots++
		case RoleIntermediate:
			inter.Write(block)
			if allCAs {
				ca.Write(block)
			}
		}
	}
	caFile = filepath.Join(tmp, "client-ca.pem")
	must(t, os.WriteFile(caFile, ca.Bytes(), 0o600))
	if inter.Len() > 0 {
		untrusted = filepath.Join(tmp, "intermediates.pem")
		must(t, os.WriteFile(untrusted, inter.Bytes(), 0o600))
	}
	return caFile, untrusted, roots
}

func hexSum(c *certset.Cert) string { return hex.EncodeToString(c.SHA256[:]) }

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// leaves lists the non-CA certificates that have a usable private key.
func leaves(rep *report.Report) []leafCase {
	var out []leafCase
	for _, row := range rep.Certificates {
		if row.NginxVerdict == "" || row.KeyFile == "" {
			continue
		}
		out = append(out, leafCase{file: row.Files[0], key: row.KeyFile, cert: row})
	}
	return out
}

// TestDifferentialOpenSSLVerify compares the first error of mtlsdoctor's
// OpenSSL model with the first error real `openssl verify` prints, for
// every non-CA certificate of every fixture set and scenario.
func TestDifferentialOpenSSLVerify(t *testing.T) {
	nginxtest.Require(t)
	compared := 0
	for _, sc := range scenarios {
		t.Run(sc.name(), func(t *testing.T) {
			set, rep, r := judge(t, sc)
			caFile, untrusted, roots := trustFiles(t, set, rep, sc.allCAs)
			if sc.ca != "" {
				caFile, roots = filepath.Join(fixtures, sc.ca), 1
			}
			if roots == 0 {
				t.Fatalf("set %s has no root CA", sc.set)
			}
			crl := ""
			if sc.crl {
				crl = filepath.Join(fixtures, sc.set, "crl.pem")
			}
			for _, row := range rep.Certificates {
				if row.NginxVerdict == "" {
					continue
				}
				first := r.firstError(row.SHA256)
				code, text := nginxtest.OpenSSLVerify(t, nginxtest.VerifyOpts{
					CAFile: caFile, Untrusted: untrusted, CRLFile: crl, Cert: pemOf(t, set, row.SHA256),
					AuthLevel: sc.level(), Depth: sc.verifyDepth(),
				})
				t.Logf("%s: openssl verify %d, model's first error %d", filepath.Base(row.Files[0]), code, first)
				if code != first {
					t.Errorf("%s: openssl verify says %d (%s), the model's first error is %d (nginx verdict predicted: %s)",
						row.Files[0], code, text, first, row.NginxVerdict)
				}
				compared++
			}
		})
	}
	if compared < 40 {
		t.Errorf("only %d certificates compared; the fixtures should give at least 40", compared)
	}
}

// TestDifferentialNginx starts a real nginx per scenario with the set's
// roots as ssl_client_certificate, presents every client certificate (with
// the set's intermediates) and compares the verify result nginx logged with
// the predicted nginx_verdict.
func TestDifferentialNginx(t *testing.T) {
	nginxtest.Require(t)
	compared := 0
	for _, sc := range scenarios {
		t.Run(sc.name(), func(t *testing.T) {
			set, rep, _ := judge(t, sc)
			caFile, untrusted, _ := trustFiles(t, set, rep, sc.allCAs)
			if sc.ca != "" {
				caFile = filepath.Join(fixtures, sc.ca)
			}
			cfg := nginxtest.Config{ClientCA: caFile, VerifyDepth: sc.depth, SecLevel: sc.secLevel}
			if sc.crl {
				cfg.CRL = filepath.Join(fixtures, sc.set, "crl.pem")
			}
			srv := nginxtest.Start(t, cfg)
			tmp := t.TempDir()
			for i, lc := range leaves(rep) {
				chain := filepath.Join(tmp, fmt.Sprintf("chain%d.pem", i))
				data, err := os.ReadFile(pemOf(t, set, lc.cert.SHA256))
				must(t, err)
				if untrusted != "" {
					inter, err := os.ReadFile(untrusted)
					must(t, err)
					data = append(data, inter...)
				}
				must(t, os.WriteFile(chain, data, 0o600))
				key := plainKey(t, tmp, lc.key, i)
				v := srv.Present(t, chain, key)
				t.Logf("%s: nginx %s, predicted %s", filepath.Base(lc.file), v.Result, lc.cert.NginxVerdict)
				if v.Result != lc.cert.NginxVerdict {
					t.Errorf("%s: nginx logged %q, mtlsdoctor predicted %q\n  log: %s", lc.file, v.Result, lc.cert.NginxVerdict, v.LogLine)
				}
				compared++
			}
		})
	}
	if compared < 30 {
		t.Errorf("only %d certificates presented to nginx; the fixtures should give at least 30", compared)
	}
}

// pemOf writes the certificate with that fingerprint to a temp file.
func pemOf(t *testing.T, set *certset.Set, sha string) string {
	t.Helper()
	for _, c := range set.Certs {
		if hexSum(c) == sha {
			f := filepath.Join(t.TempDir(), "leaf.pem")
			must(t, os.WriteFile(f, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: c.X509.Raw}), 0o600))
			return f
		}
	}
	t.Fatalf("no certificate %s", sha)
	return ""
}

// plainKey gives curl an unencrypted copy of the key (fixtures encrypt
// some keys; PKCS#12 files hold theirs inside).
func plainKey(t *testing.T, tmp, key string, i int) string {
	t.Helper()
	out := filepath.Join(tmp, fmt.Sprintf("key%d.pem", i))
	args := []string{"pkey", "-in", key, "-out", out}
	if strings.HasSuffix(key, ".p12") || strings.HasSuffix(key, ".pfx") {
		args = []string{"pkcs12", "-in", key, "-nocerts", "-nodes", "-out", out, "-passin", "pass:p12-pass"}
		if strings.Contains(key, "legacy") {
			args = append(args, "-legacy")
		}
	} else {
		args = append(args, "-passin", "pass:test-pass")
	}
	if b, err := exec.Command("openssl", args...).CombinedOutput(); err != nil {
		// Unencrypted keys ignore -passin; anything else is a real failure.
		t.Fatalf("openssl %s: %v\n%s", strings.Join(args, " "), err, b)
	}
	return out
}

// TestDifferentialStrictChecks: for every certificate nginx accepts, the
// strict-checks findings of its chain (leaf first, as OpenSSL checks
// them) predict the first error of `openssl verify -x509_strict`, the
// verification Python 3.13 and later make by default: none when the
// chain has no such finding.
func TestDifferentialStrictChecks(t *testing.T) {
	nginxtest.Require(t)
	compared, refused := 0, 0
	for _, sc := range scenarios {
		if sc.crl || sc.ca != "" {
			continue
		}
		t.Run(sc.name(), func(t *testing.T) {
			set, rep, r := judge(t, sc)
			caFile, untrusted, _ := trustFiles(t, set, rep, sc.allCAs)
			for _, row := range rep.Certificates {
				if row.NginxVerdict != "SUCCESS" {
					continue
				}
				want, at := r.firstStrictFailure(row.SHA256)
				if want != 0 && !hasStrictFinding(rep, at, want) {
					t.Errorf("%s: its chain's %s fails strict check %d, and certs has no strict-checks finding about it", row.Files[0], at, want)
				}
				code, text := nginxtest.OpenSSLVerify(t, nginxtest.VerifyOpts{
					CAFile: caFile, Untrusted: untrusted, Cert: pemOf(t, set, row.SHA256),
					AuthLevel: sc.level(), Depth: sc.verifyDepth(), Strict: true,
				})
				if code != want {
					t.Errorf("%s: openssl verify -x509_strict says %d (%s), the strict-checks findings of its chain predict %d",
						row.Files[0], code, text, want)
				}
				compared++
				if code != 0 {
					refused++
				}
			}
		})
	}
	if compared < 30 || refused < 2 {
		t.Errorf("%d certificates compared, %d refused; the fixtures should give at least 30 and 2", compared, refused)
	}
}

// hasStrictFinding reports whether rep has a strict-checks finding about
// the certificate in file that names the code.
func hasStrictFinding(rep *report.Report, file string, code int) bool {
	for _, f := range rep.Findings {
		if f.ID.Name() == "strict-checks" && f.File == file && strings.Contains(f.Explanation, fmt.Sprintf("%d (", code)) {
			return true
		}
	}
	return false
}

// firstStrictFailure is the first strict check that the chain of the
// certificate with that fingerprint fails, leaf first, and the file of
// the certificate that fails it, or 0.
func (r *run) firstStrictFailure(sha string) (int, string) {
	var s *certState
	for _, c := range r.certs {
		if hex.EncodeToString(c.c.SHA256[:]) == sha {
			s = c
		}
	}
	for seen := 0; s != nil && seen < 10; seen++ {
		if f := s.info.StrictFailures(s.info.SelfSigned()); len(f) > 0 {
			return f[0], first(s.c.Files)
		}
		if s.info.SelfSigned() || len(s.signedBy) == 0 {
			break
		}
		s = s.signedBy[0]
	}
	return 0, ""
}
