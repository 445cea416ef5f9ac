package checks

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/pem"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/catalogue"
	"github.com/mtlsdoctor/mtlsdoctor/certset"
	"github.com/mtlsdoctor/mtlsdoctor/finding"
	"github.com/mtlsdoctor/mtlsdoctor/report"
)

// ruleCase is one certs rule at work: the files it judges, the options,
// and a finding it must give.
type ruleCase struct {
	name string
	// rule is the function under test, as listed in chainRules, certRules
	// or keyRules (rejected for the codes no rule claims).
	rule any
	// dir makes the directory to judge.
	dir func(t *testing.T) string
	// opts adjusts the options (security level 2, depth 1, now).
	opts func(o *CertOptions, dir string)
	// pass are the passphrases tried (nil: the fixtures').
	pass []string
	// want: the id, severity, file (base name) and a piece of the title
	// of a finding, and its code (0: none).
	id    finding.ID
	sev   finding.Severity
	file  string
	title string
	code  int
}

// fixture is a fixture set.
func fixture(set string) func(t *testing.T) string {
	return func(t *testing.T) string { return filepath.Join(fixtures, set) }
}

// withCAKeys is a copy of a fixture set with its CA keys (and whatever
// else the set keeps outside).
func withCAKeys(set string) func(t *testing.T) string {
	return func(t *testing.T) string { return copySet(t, set) }
}

// only is a directory holding some files of a fixture set.
func only(set string, files ...string) func(t *testing.T) string {
	return func(t *testing.T) string {
		dir := t.TempDir()
		for _, f := range files {
			b, err := os.ReadFile(filepath.Join(fixtures, set, f))
			must(t, err)
			must(t, os.WriteFile(filepath.Join(dir, f), b, 0o600))
		}
		return dir
	}
}

// withCA trusts only the CA file named, in the judged directory or, for
// a path with a directory, in the fixtures.
func withCA(file string) func(o *CertOptions, dir string) {
	return func(o *CertOptions, dir string) {
		path := filepath.Join(dir, file)
		if strings.Contains(file, "/") {
			path = filepath.Join(fixtures, file)
		}
		set, err := certset.Load([]string{path}, certset.Options{})
		if err != nil || len(set.Certs) == 0 {
			panic("no CA in " + file)
		}
		for _, c := range set.Certs {
			o.CA = append(o.CA, c.X509)
		}
		o.CAFile = file
	}
}

var ruleCases = []ruleCase{
	// chainRules
	{name: "weak leaf key", rule: weakKey, dir: fixture("weak"), id: catalogue.WeakKey, sev: finding.Error, file: "client-rsa1024.crt", title: "(RSA 1024) is too weak for security level 2", code: 66},
	{name: "weak signature", rule: weakSignature, dir: fixture("weak"), id: catalogue.WeakSignature, sev: finding.Error, file: "client-sha1.crt", title: "is signed with SHA-1", code: 68},
	{name: "same DN without AKID", rule: selfSigned, dir: fixture("samedn"), id: catalogue.SelfIssuedLeaf, sev: finding.Error, file: "client-samedn-noakid.crt", title: "no authorityKeyIdentifier", code: 18},
	{name: "self-signed client", rule: selfSigned, dir: selfSignedClient, id: catalogue.Untrusted, sev: finding.Error, file: "client.crt", title: "is self-signed and not in the trusted CA file", code: 18},
	{name: "intermediate without its root", rule: missingRoot, dir: fixture("good"), opts: withCA("int.crt"), id: catalogue.Untrusted, sev: finding.Error, file: "int.crt", title: "but not the root above it", code: 2},
	{name: "issuer not trusted, chain sent", rule: unknownIssuer, dir: fixture("good"), opts: withCA("_outside/untrusted/foreign-ca.crt"), id: catalogue.Untrusted, sev: finding.Error, file: "client-int.crt", title: "is not issued by a trusted CA", code: 20},
	{name: "issuer not trusted, leaf only", rule: unknownIssuer, dir: fixture("untrusted"), id: catalogue.Untrusted, sev: finding.Error, file: "client-foreign.crt", title: "is not issued by a trusted CA", code: 21},
	{name: "deeper than ssl_verify_depth", rule: chainTooLong, dir: fixture("chain"), id: catalogue.ChainTooDeep, sev: finding.Error, file: "client-depth2.crt", title: "needs more intermediates than ssl_verify_depth 1 allows", code: 20},
	{name: "pathlen", rule: pathLength, dir: fixture("chain"), id: catalogue.ChainTooDeep, sev: finding.Error, file: "ca-pathlen0.crt", title: "allows fewer CAs below it", code: 25},
	{name: "CA regenerated", rule: badSignature, dir: fixture("regenerated"), id: catalogue.BadSignature, sev: finding.Error, file: "client-noakid.crt", title: "does not verify with the CA certificate of that name", code: 7},
	{name: "not yet valid", rule: notYetValid, dir: fixture("validity"), id: catalogue.NotYetValid, sev: finding.Error, file: "client-notyet.crt", title: "is not valid until 2090-01-01T00:00:00Z", code: 9},
	{name: "expired", rule: expired, dir: fixture("validity"), id: catalogue.Expired, sev: finding.Error, file: "client-expired.crt", title: "expired on 2021-01-01T00:00:00Z", code: 10},
	{name: "revoked", rule: revoked, dir: fixture("revoked"), id: catalogue.Revoked, sev: finding.Error, file: "client-revoked.crt", title: "is revoked (serial", code: 23},
	{name: "no CRL for a CA", rule: noCRL, dir: fixture("good"), opts: func(o *CertOptions, _ string) { o.CRLs = loadCRLs("revoked/crl.pem") }, id: catalogue.CRLProblem, sev: finding.Error, file: "client.crt", title: "no CRL for", code: 3},
	{name: "CRL expired", rule: crlExpired, dir: crlSet(-48*time.Hour, -24*time.Hour, false, false), id: catalogue.CRLProblem, sev: finding.Error, file: "client.crt", title: "has expired", code: 12},
	{name: "CRL not yet valid", rule: crlNotYetValid, dir: crlSet(24*time.Hour, 48*time.Hour, false, false), id: catalogue.CRLProblem, sev: finding.Error, file: "client.crt", title: "is not valid yet", code: 11},
	{name: "CRL by another key", rule: crlUnusable, dir: crlSet(-time.Hour, 24*time.Hour, true, false), id: catalogue.CRLProblem, sev: finding.Error, file: "client.crt", title: "cannot be used (8:CRL signature failure)", code: 8},
	{name: "CRL by a CA without cRLSign", rule: crlUnusable, dir: crlSet(-time.Hour, 24*time.Hour, false, true), id: catalogue.CRLProblem, sev: finding.Error, file: "client.crt", title: "cannot be used (35:", code: 35},
	{name: "client with serverAuth", rule: wrongPurpose, dir: fixture("purpose"), id: catalogue.WrongPurpose, sev: finding.Error, file: "client-serverauth.crt", title: "is not allowed for TLS client authentication", code: 26},
	{name: "server with clientAuth", rule: wrongPurpose, dir: fixture("purpose"), id: catalogue.WrongPurpose, sev: finding.Error, file: "server-clientauth.crt", title: "is not allowed for TLS server authentication"},
	{name: "CA without clientAuth", rule: wrongPurpose, dir: serverAuthCA(true), id: catalogue.WrongPurpose, sev: finding.Error, file: "ca.crt", title: "is not allowed to issue TLS client certificates", code: 26},
	{name: "intermediate not a CA", rule: notACA, dir: fixture("notca"), id: catalogue.NotACA, sev: finding.Error, file: "int-nobc.crt", title: "signs certificates but has no basicConstraints extension", code: 79},
	{name: "names outside the constraints", rule: nameConstraints, dir: fixture("constraints"), id: catalogue.NameConstraints, sev: finding.Error, file: "client-nc-excluded.crt", title: "has names its CA is not allowed to issue (48:", code: 48},
	{name: "CA without keyUsage, strict verifiers", rule: strictChecks, dir: fixture("guide"), id: catalogue.StrictChecks, sev: finding.Warning, file: "ca.crt", title: "fails OpenSSL's strict checks"},
	{name: "unknown critical extension", rule: criticalExtension, dir: criticalExtClient, id: catalogue.CriticalExtension, sev: finding.Error, file: "client.crt", title: "has a critical extension OpenSSL does not understand", code: 34},

	// certRules
	{name: "dates: expires soon", rule: dates, dir: fixture("validity"), opts: func(o *CertOptions, _ string) { o.At = mustTime("2030-05-20T00:00:00Z") }, id: catalogue.ExpiresSoon, sev: finding.Warning, file: "client-soon.crt", title: "expires in 12 days"},
	{name: "dates: CA alone expired", rule: dates, dir: only("validity", "ca-expired.crt"), id: catalogue.Expired, sev: finding.Error, file: "ca-expired.crt", title: "expired on 2021-01-01"},
	{name: "same subject as the CA", rule: sameSubjectAsCA, dir: fixture("samedn"), id: catalogue.SelfIssuedLeaf, sev: finding.Warning, file: "client-samedn-akid.crt", title: "has the same subject as its CA"},
	{name: "signs but CA:FALSE", rule: signsButNotCA, dir: fixture("notca"), id: catalogue.NotACA, sev: finding.Error, file: "int-cafalse.crt", title: "signs certificates but says CA:FALSE"},
	{name: "server without SAN", rule: missingSAN, dir: fixture("guide"), id: catalogue.MissingSAN, sev: finding.Warning, file: "server.crt", title: "has no subjectAltName"},
	{name: "server not for --host", rule: hostnameMismatch, dir: fixture("good"), opts: func(o *CertOptions, _ string) { o.Host = "www.example.com" }, id: catalogue.HostnameMismatch, sev: finding.Error, file: "server.crt", title: "is not valid for www.example.com"},
	{name: "SHA-1 intermediate alone", rule: weakCASignature, dir: only("weak", "ca.crt", "int-sha1.crt"), id: catalogue.WeakSignature, sev: finding.Error, file: "int-sha1.crt", title: "is signed with SHA-1"},
	{name: "RSA-1024 root alone", rule: weakCAKey, dir: only("weak", "ca-rsa1024.crt"), id: catalogue.WeakKey, sev: finding.Error, file: "ca-rsa1024.crt", title: "(RSA 1024) is too weak"},
	{name: "DER certificate", rule: needsPEM, dir: derCA, id: catalogue.NeedsPEM, sev: finding.Info, file: "ca.der", title: "is DER; nginx reads certificates in PEM only"},
	{name: "TRUSTED CERTIFICATE block", rule: trustedFormat, dir: trustedCA, id: catalogue.TrustedFormat, sev: finding.Warning, file: "ca-trusted.pem", title: "TRUSTED CERTIFICATE format"},
	{name: "root without clientAuth, alone", rule: rootWithoutClientAuth, dir: serverAuthCA(false), id: catalogue.WrongPurpose, sev: finding.Error, file: "ca.crt", title: "is not allowed to issue TLS client certificates"},
	{name: "duplicate serial", rule: duplicateSerial, dir: fixture("revoked"), id: catalogue.DuplicateSerial, sev: finding.Error, file: "client-dupserial.crt", title: "shares serial"},

	// keyRules
	{name: "wrong passphrase", rule: badPassphrase, dir: fixture("encrypted"), pass: []string{"not-the-passphrase"}, id: catalogue.BadPassphrase, sev: finding.Error, file: "client-pkcs8.key", title: "none of the passphrases given decrypts"},
	{name: "encrypted key, no passphrase", rule: lockedKey, dir: fixture("guide"), pass: []string{}, id: catalogue.KeyLocked, sev: finding.Warning, file: "ca.key", title: "is encrypted and no passphrase was given"},
	{name: "PKCS#12, no password", rule: lockedKey, dir: fixture("p12"), pass: []string{}, id: catalogue.KeyLocked, sev: finding.Warning, file: "client.p12", title: "is encrypted and no passphrase was given"},
	{name: "key readable by all", rule: readableKey, dir: withMode("good", "client.key", 0o644), id: catalogue.KeyPermissions, sev: finding.Warning, file: "client.key", title: "readable by anyone on the machine (mode 0644)"},
	{name: "key readable by its group", rule: readableKey, dir: withMode("good", "client.key", 0o640), id: catalogue.KeyPermissions, sev: finding.Info, file: "client.key", title: "readable by members of its group (mode 0640)"},
	{name: "CA key in the clear", rule: unencryptedCAKey, dir: withCAKeys("good"), id: catalogue.KeyUnencrypted, sev: finding.Warning, file: "ca.key", title: "CA private key"},
	{name: "key of another certificate", rule: unmatchedKey, dir: fixture("mismatch"), id: catalogue.KeyMismatch, sev: finding.Error, file: "server.key", title: "does not belong to"},
	{name: "key of no certificate", rule: unmatchedKey, dir: fixture("mismatch"), id: catalogue.OrphanKey, sev: finding.Info, file: "orphan.key", title: "matches no certificate in the set"},
}

func TestCertsRules(t *testing.T) {
	for _, tc := range ruleCases {
		t.Run(tc.name, func(t *testing.T) {
			dir := tc.dir(t)
			o := CertOptions{SecLevel: 2, VerifyDepth: 1, At: time.Now(), ExpiresWithin: 720 * time.Hour}
			if tc.opts != nil {
				tc.opts(&o, dir)
			}
			pass := fixturePassphrases
			if tc.pass != nil {
				pass = tc.pass
			}
			set, err := certset.Load([]string{dir}, certset.Options{Passphrases: pass})
			must(t, err)
			rep := Certs(set, o)
			var got []string
			for _, f := range rep.Findings {
				got = append(got, f.ID.Name()+" "+filepath.Base(f.File)+": "+f.Title)
				if f.ID != tc.id || filepath.Base(f.File) != tc.file || !strings.Contains(f.Title, tc.title) {
					continue
				}
				if f.Severity != tc.sev {
					t.Errorf("severity %s, want %s", f.Severity, tc.sev)
				}
				if f.Code != tc.code {
					t.Errorf("code %d, want %d", f.Code, tc.code)
				}
				if f.Explanation == "" || f.Fix == "" {
					t.Errorf("no explanation or fix: %+v", f)
				}
				return
			}
			t.Errorf("no %s finding for %s with %q; got:\n%s", tc.id.Name(), tc.file, tc.title, strings.Join(got, "\n"))
		})
	}
}

// TestEveryCertsRuleHasACase keeps the tables and the cases together: a
// new rule needs its case above.
func TestEveryCertsRuleHasACase(t *testing.T) {
	tested := map[uintptr]bool{}
	for _, tc := range ruleCases {
		tested[reflect.ValueOf(tc.rule).Pointer()] = true
	}
	tested[reflect.ValueOf(untrustedRoot).Pointer()] = true // TestChainRulesWithoutFixture
	tested[reflect.ValueOf(rejected).Pointer()] = true      // TestChainRulesWithoutFixture
	var rules []any
	for _, r := range chainRules {
		rules = append(rules, r)
	}
	for _, r := range certRules {
		rules = append(rules, r)
	}
	for _, r := range keyRules {
		rules = append(rules, r)
	}
	for _, r := range rules {
		p := reflect.ValueOf(r).Pointer()
		if !tested[p] {
			t.Errorf("rule %s has no case in ruleCases", funcName(r))
		}
	}
}

func funcName(f any) string {
	return runtime.FuncForPC(reflect.ValueOf(f).Pointer()).Name()
}

// TestChainRulesWithoutFixture calls the chain rules that certs cannot
// reach with a real set: a root that is not trusted yet sits in the chain
// (the set's roots are the trust store, and the chain is built from its
// intermediates) and a code no rule claims.
func TestChainRulesWithoutFixture(t *testing.T) {
	set := loadDir(t, filepath.Join(fixtures, "good"))
	r := analyse(set, CertOptions{SecLevel: 2, VerifyDepth: 1, At: time.Now()})
	var leaf *certState
	for _, s := range r.certs {
		if filepath.Base(first(s.c.Files)) == "client-int.crt" {
			leaf = s
		}
	}
	if leaf == nil || len(leaf.result.Chain) != 3 {
		t.Fatal("good/client-int.crt does not chain to the root through int.crt")
	}
	root := r.byInfo[leaf.result.Chain[2]]
	f, ok := untrustedRoot(&chainEvent{r: r, leaf: leaf, at: root, info: root.info, code: 19, depth: 2})
	if !ok || f.ID != catalogue.Untrusted || f.File != first(leaf.c.Files) || !strings.HasSuffix(f.Title, "chains to "+first(root.c.Files)+", which nginx does not trust") {
		t.Errorf("untrustedRoot: %v %+v", ok, f)
	}
	f, ok = rejected(&chainEvent{r: r, leaf: leaf, at: leaf, info: leaf.info, code: 6})
	if !ok || f.ID != catalogue.Untrusted || f.Title != "nginx would reject "+first(leaf.c.Files)+": 6:unable to decode issuer public key" || !strings.HasPrefix(f.Explanation, "The public key in the issuing CA") {
		t.Errorf("rejected: %v %+v", ok, f)
	}
}

// TestUnreadableKinds checks the text and severity of each kind of file
// problem certset reports.
func TestUnreadableKinds(t *testing.T) {
	want := map[string]struct {
		sev   finding.Severity
		title string
	}{
		"":           {finding.Warning, "/x could not be read: oops"},
		"too-large":  {finding.Warning, "/x is too large to be a certificate or key (oops)"},
		"missing":    {finding.Error, "/x does not exist"},
		"permission": {finding.Warning, "/x could not be read: oops"},
		"empty":      {finding.Warning, "/x contains no files"},
		"loop":       {finding.Info, "/x: symbolic link loop skipped"},
	}
	for kind := range unreadableKinds {
		if _, ok := want[kind]; !ok {
			t.Errorf("kind %q has no case", kind)
		}
	}
	for kind, w := range want {
		r := analyse(&certset.Set{Problems: []certset.Problem{{Path: "/x", Kind: kind, Err: "oops"}, {Path: "/x", Kind: kind, Err: "oops"}}}, CertOptions{})
		if len(r.findings) != 1 {
			t.Fatalf("%q: %d findings for one problem seen twice", kind, len(r.findings))
		}
		f := r.findings[0]
		if f.ID != catalogue.Unreadable || f.Severity != w.sev || f.Title != w.title || f.File != "/x" || !strings.Contains(f.Explanation, ": oops.") {
			t.Errorf("%q: %+v", kind, f)
		}
	}
}

// TestCertsDedupe checks that one fault is one finding: a certificate's
// dates seen by chain verification and on their own, a CA's purpose seen
// through its client and on its own.
func TestCertsDedupe(t *testing.T) {
	for _, tc := range []struct {
		dir  func(t *testing.T) string
		at   time.Time
		id   finding.ID
		file string
	}{
		{fixture("validity"), time.Now(), catalogue.Expired, "client-expired.crt"},
		{fixture("validity"), time.Now(), catalogue.Expired, "ca-expired.crt"},
		{fixture("validity"), time.Now(), catalogue.NotYetValid, "client-notyet.crt"},
		{fixture("guide"), mustTime("2026-06-01T00:00:00Z"), catalogue.NotYetValid, "client.crt"},
		{serverAuthCA(true), time.Now(), catalogue.WrongPurpose, "ca.crt"},
	} {
		rep := Certs(loadDir(t, tc.dir(t)), CertOptions{SecLevel: 2, VerifyDepth: 1, At: tc.at})
		var n int
		for _, f := range rep.Findings {
			if f.ID == tc.id && filepath.Base(f.File) == tc.file {
				n++
				if f.Code == 0 {
					t.Errorf("%s %s: the finding kept has no code", tc.id.Name(), tc.file)
				}
			}
		}
		if n != 1 {
			t.Errorf("%s %s: %d findings, want 1", tc.id.Name(), tc.file, n)
		}
	}
}

// TestCertsTextsFilled runs certs on every fixture set and checks that
// every placeholder of the texts got a value.
func TestCertsTextsFilled(t *testing.T) {
	entries, err := os.ReadDir(fixtures)
	must(t, err)
	for _, e := range entries {
		if !e.IsDir() || e.Name() == "_outside" {
			continue
		}
		for _, level := range []int{1, 2} {
			rep := Certs(loadDir(t, filepath.Join(fixtures, e.Name())), CertOptions{SecLevel: level, VerifyDepth: 1, At: time.Now(), ExpiresWithin: 1 << 62, Host: "example.com"})
			checkFilled(t, e.Name(), rep)
		}
	}
	for _, tc := range ruleCases {
		dir := tc.dir(t)
		o := CertOptions{SecLevel: 2, VerifyDepth: 1, At: time.Now()}
		if tc.opts != nil {
			tc.opts(&o, dir)
		}
		checkFilled(t, tc.name, Certs(loadDir(t, dir), o))
	}
}

func checkFilled(t *testing.T, name string, rep *report.Report) {
	t.Helper()
	for _, f := range rep.Findings {
		for _, s := range []string{f.Title, f.Explanation, f.Fix} {
			if p := catalogue.Placeholders(s); len(p) > 0 {
				t.Errorf("%s: %s: unfilled %v in %q", name, f.ID.Name(), p, s)
			}
		}
	}
}

func mustTime(s string) time.Time {
	at, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return at
}

func loadCRLs(file string) []*certset.CRL {
	set, err := certset.Load([]string{filepath.Join(fixtures, file)}, certset.Options{})
	if err != nil || len(set.CRLs) == 0 {
		panic("no CRL in " + file)
	}
	return set.CRLs
}

// withMode is a fixture set in which one file has the given mode.
func withMode(set, file string, mode os.FileMode) func(t *testing.T) string {
	return func(t *testing.T) string {
		dir := t.TempDir()
		entries, err := os.ReadDir(filepath.Join(fixtures, set))
		must(t, err)
		for _, e := range entries {
			b, err := os.ReadFile(filepath.Join(fixtures, set, e.Name()))
			must(t, err)
			must(t, os.WriteFile(filepath.Join(dir, e.Name()), b, 0o600))
		}
		must(t, os.Chmod(filepath.Join(dir, file), mode))
		return dir
	}
}

// Sets made in Go for what no fixture set shows.

type issued struct {
	cert *x509.Certificate
	key  *ecdsa.PrivateKey
}

// issue signs tmpl with parent (self-signed when parent is nil).
func issue(t *testing.T, tmpl *x509.Certificate, parent *issued) *issued {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	must(t, err)
	serial, err := rand.Int(rand.Reader, big.NewInt(1<<62))
	must(t, err)
	tmpl.SerialNumber = serial
	if tmpl.NotBefore.IsZero() {
		tmpl.NotBefore, tmpl.NotAfter = time.Now().Add(-time.Hour), time.Now().Add(365*24*time.Hour)
	}
	signer, parentCert := key, tmpl
	if parent != nil {
		signer, parentCert = parent.key, parent.cert
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, parentCert, &key.PublicKey, signer)
	must(t, err)
	c, err := x509.ParseCertificate(der)
	must(t, err)
	return &issued{c, key}
}

func caTemplate(cn string, ku x509.KeyUsage, eku ...x509.ExtKeyUsage) *x509.Certificate {
	return &x509.Certificate{
		Subject: pkix.Name{CommonName: cn}, IsCA: true, BasicConstraintsValid: true,
		KeyUsage: ku, ExtKeyUsage: eku,
	}
}

func clientTemplate(cn string) *x509.Certificate {
	return &x509.Certificate{
		Subject: pkix.Name{CommonName: cn}, KeyUsage: x509.KeyUsageDigitalSignature,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth},
	}
}

func writeCert(t *testing.T, dir, name string, c *issued) {
	t.Helper()
	must(t, os.WriteFile(filepath.Join(dir, name), pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: c.cert.Raw}), 0o600))
}

// selfSignedClient is a client certificate that signed itself, beside a CA.
func selfSignedClient(t *testing.T) string {
	dir := t.TempDir()
	writeCert(t, dir, "ca.crt", issue(t, caTemplate("testdata CA", x509.KeyUsageCertSign|x509.KeyUsageCRLSign), nil))
	writeCert(t, dir, "client.crt", issue(t, clientTemplate("client"), nil))
	return dir
}

// serverAuthCA is a root whose extendedKeyUsage is serverAuth only, with
// a client under it when withClient.
func serverAuthCA(withClient bool) func(t *testing.T) string {
	return func(t *testing.T) string {
		dir := t.TempDir()
		ca := issue(t, caTemplate("testdata serverAuth CA", x509.KeyUsageCertSign|x509.KeyUsageCRLSign, x509.ExtKeyUsageServerAuth), nil)
		writeCert(t, dir, "ca.crt", ca)
		if withClient {
			writeCert(t, dir, "client.crt", issue(t, clientTemplate("client"), ca))
		}
		return dir
	}
}

// criticalExtClient is a client certificate with a critical extension
// OpenSSL does not know.
func criticalExtClient(t *testing.T) string {
	dir := t.TempDir()
	ca := issue(t, caTemplate("testdata CA", x509.KeyUsageCertSign|x509.KeyUsageCRLSign), nil)
	tmpl := clientTemplate("client")
	tmpl.ExtraExtensions = []pkix.Extension{{Id: asn1.ObjectIdentifier{1, 3, 6, 1, 4, 1, 99999, 1}, Critical: true, Value: []byte{5, 0}}}
	writeCert(t, dir, "ca.crt", ca)
	writeCert(t, dir, "client.crt", issue(t, tmpl, ca))
	return dir
}

// crlSet is a CA, a client and a CRL valid from now+from to now+to; the
// CRL is signed by another key with the CA's name when forged, and the CA
// has no cRLSign when noCRLSign.
func crlSet(from, to time.Duration, forged, noCRLSign bool) func(t *testing.T) string {
	return func(t *testing.T) string {
		dir := t.TempDir()
		ku := x509.KeyUsageCertSign | x509.KeyUsageCRLSign
		if noCRLSign {
			ku = x509.KeyUsageCertSign
		}
		ca := issue(t, caTemplate("testdata CRL CA", ku), nil)
		writeCert(t, dir, "ca.crt", ca)
		writeCert(t, dir, "client.crt", issue(t, clientTemplate("client"), ca))
		signer, issuer := ca.key, *ca.cert
		issuer.KeyUsage |= x509.KeyUsageCRLSign // Go will not sign otherwise; OpenSSL judges the real CA
		if forged {
			other := issue(t, caTemplate("testdata CRL CA", x509.KeyUsageCertSign|x509.KeyUsageCRLSign), nil)
			signer, issuer = other.key, *other.cert
			issuer.SubjectKeyId = ca.cert.SubjectKeyId
		}
		der, err := x509.CreateRevocationList(rand.Reader, &x509.RevocationList{
			Number: big.NewInt(1), ThisUpdate: time.Now().Add(from), NextUpdate: time.Now().Add(to),
		}, &issuer, signer)
		must(t, err)
		must(t, os.WriteFile(filepath.Join(dir, "crl.pem"), pem.EncodeToMemory(&pem.Block{Type: "X509 CRL", Bytes: der}), 0o600))
		return dir
	}
}

// derCA is a CA stored as DER only.
func derCA(t *testing.T) string {
	dir := t.TempDir()
	ca := issue(t, caTemplate("testdata CA", x509.KeyUsageCertSign|x509.KeyUsageCRLSign), nil)
	must(t, os.WriteFile(filepath.Join(dir, "ca.der"), ca.cert.Raw, 0o600))
	return dir
}

// trustedCA is a CA in a BEGIN TRUSTED CERTIFICATE block (without trust
// settings: the certificate and an empty auxiliary sequence).
func trustedCA(t *testing.T) string {
	dir := t.TempDir()
	ca := issue(t, caTemplate("testdata CA", x509.KeyUsageCertSign|x509.KeyUsageCRLSign), nil)
	aux := append(append([]byte{}, ca.cert.Raw...), 0x30, 0x00)
	must(t, os.WriteFile(filepath.Join(dir, "ca-trusted.pem"), pem.EncodeToMemory(&pem.Block{Type: "TRUSTED CERTIFICATE", Bytes: aux}), 0o600))
	return dir
}

// Thousands of unusable files: twenty findings name one each, one more
// counts the rest.
func TestManyProblemsSummarised(t *testing.T) {
	var ps []certset.Problem
	for i := range 1000 {
		ps = append(ps, certset.Problem{Path: fmt.Sprintf("/x/%04d", i), Kind: "unreadable", Err: "oops"})
	}
	r := analyse(&certset.Set{Problems: ps}, CertOptions{})
	if len(r.findings) != maxProblemFindings+1 {
		t.Fatalf("%d findings, want %d", len(r.findings), maxProblemFindings+1)
	}
	last := r.findings[len(r.findings)-1]
	for _, f := range r.findings {
		if strings.Contains(f.Title, "980 more paths") {
			last = f
		}
	}
	if !strings.Contains(last.Title, "and 980 more paths could not be used, from /x/0020 on") {
		t.Errorf("summary finding %q", last.Title)
	}
}
