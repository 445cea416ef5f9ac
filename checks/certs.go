package checks

import (
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/catalogue"
	"github.com/mtlsdoctor/mtlsdoctor/certset"
	"github.com/mtlsdoctor/mtlsdoctor/finding"
	"github.com/mtlsdoctor/mtlsdoctor/opensslverify"
	"github.com/mtlsdoctor/mtlsdoctor/report"
)

// CertOptions are the settings `mtlsdoctor certs` judges by.
type CertOptions struct {
	// SecLevel is the OpenSSL security level (default 2 on Debian/Ubuntu).
	SecLevel int
	// VerifyDepth is nginx's ssl_verify_depth (default 1).
	VerifyDepth int
	// At is the instant validity is judged at.
	At time.Time
	// CA, when non-nil, is the exact trust store (like ssl_client_certificate);
	// otherwise every self-signed CA certificate in the set is trusted.
	CA []*x509.Certificate
	// CAFile names the --ca file(s) for messages.
	CAFile string
	// PasswordFile names the file of passphrases for messages: the
	// block's ssl_password_file, or a --passin file:PATH.
	PasswordFile string
	// CRLs are extra revocation lists (--crl), used with those in the set.
	CRLs []*certset.CRL
	// Host, when set, is the name server certificates must be valid for.
	Host string
	// ExpiresWithin is the warning window for expires-soon.
	ExpiresWithin time.Duration
	// Presented is the SHA-256 of a certificate a client presents (doctor's
	// --cert): it is judged as a client certificate whatever it looks like,
	// as nginx judges whatever a client sends (a guide's v1 certificate
	// with its CA's subject looks like a CA of its own).
	Presented [32]byte
}

// Roles a certificate can play in the set.
const (
	RoleCA           = "ca"
	RoleIntermediate = "intermediate"
	RoleServer       = "server"
	RoleClient       = "client"
	RoleLeaf         = "leaf"
)

type certState struct {
	c      *certset.Cert
	info   *opensslverify.Cert
	role   string
	issues bool // signed another certificate in the set
	// signedBy are the certificates of the set whose key signed s (more
	// than one only when they share a key), the likeliest issuer first.
	signedBy []*certState
	keyFile  string // matching private key
	// clientsBelow is true for a CA above a client certificate of the set.
	clientsBelow bool
	verdict      string
	result       *opensslverify.Result
	// sameSerial is the group of certificates of the set with s's issuer
	// and serial, s included, when there are several.
	sameSerial []*certState
}

type run struct {
	o      CertOptions
	certs  []*certState
	bySHA  map[[32]byte]*certState
	byInfo map[*opensslverify.Cert]*certState
	byStem map[string][]*certState // by file name without extension
	// leafFiles are the files holding a certificate that is not a CA.
	leafFiles map[string]bool
	// perFile counts the certificates of each file.
	perFile map[string]int
	// bySubject indexes the set by subject name, for issuer look-ups.
	bySubject map[string][]*certState
	findings  []report.Finding
	seen      map[findingKey]int
	mu        sync.Mutex
	// outside are the chain certificates that are not in the set (they
	// come from the trust store, CertOptions.CA), made as their faults
	// need them.
	outside   map[*opensslverify.Cert]*certState
	outsideMu sync.Mutex
}

// Certs inspects a loaded set and reports every finding, plus one table row
// per certificate with the verdict nginx would reach for it as a client
// certificate.
func Certs(set *certset.Set, o CertOptions) *report.Report {
	r := analyse(set, o)
	rep := &report.Report{Command: "certs", Findings: r.findings}
	if len(r.certs) > 0 {
		rep.Certificates = make([]report.Certificate, len(r.certs))
		parallel(len(r.certs), func(i int) { rep.Certificates[i] = row(r.certs[i]) })
	}
	rep.Header = fmt.Sprintf("%d files: %d certificates, %d keys, %d CRLs (security level %d, ssl_verify_depth %d)",
		set.Files, len(set.Certs), len(set.Keys), countCRLs(set, o), r.o.SecLevel, r.o.VerifyDepth)
	rep.AllClear = catalogue.CertsAllClear
	rep.Finish()
	return rep
}

// countCRLs is the number of distinct CRLs judged by: the set's and
// those given apart from it (--crl, ssl_crl).
func countCRLs(set *certset.Set, o CertOptions) int {
	seen := map[[32]byte]bool{}
	for _, c := range append(append([]*certset.CRL(nil), set.CRLs...), o.CRLs...) {
		seen[sha256.Sum256(c.List.Raw)] = true
	}
	return len(seen)
}

// analyse runs every rule and keeps the per-certificate state. The order
// is the order findings are kept in when two say the same: keys first,
// then what chain verification finds, then the certificates on their own,
// then the files that could not be read.
func analyse(set *certset.Set, o CertOptions) *run {
	if o.At.IsZero() {
		o.At = time.Now()
	}
	r := &run{o: o, bySHA: map[[32]byte]*certState{}, byInfo: map[*opensslverify.Cert]*certState{}, seen: map[findingKey]int{}}
	r.load(set)
	r.assignRoles()
	r.checkKeys(set.Keys)
	r.verifyLeaves(set)
	r.checkCerts()
	r.checkProblems(set.Problems)
	return r
}

func (r *run) load(set *certset.Set) {
	r.certs = make([]*certState, len(set.Certs))
	parallel(len(set.Certs), func(i int) {
		c := *set.Certs[i]
		c.Files = preferNamed(c.Files)
		r.certs[i] = &certState{c: &c, info: opensslverify.Info(c.X509)}
	})
	r.byStem = map[string][]*certState{}
	r.perFile = map[string]int{}
	for _, s := range r.certs {
		for _, f := range s.c.Files {
			r.perFile[f]++
		}
		r.bySHA[s.c.SHA256] = s
		r.byInfo[s.info] = s
		for _, f := range s.c.Files {
			r.byStem[stem(f)] = append(r.byStem[stem(f)], s)
		}
	}
}

// parallel runs f(0..n-1) on all cores.
func parallel(n int, f func(i int)) {
	workers := runtime.GOMAXPROCS(0)
	if workers > n {
		workers = n
	}
	var wg sync.WaitGroup
	next := make(chan int, 256)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}

// subject is what a finding is about: a certificate (by fingerprint), or
// a file and, when one file can have several findings of one id, what
// about it.
type subject struct {
	cert   [32]byte
	file   string
	detail string
}

func certSubject(s *certState) subject { return subject{cert: s.c.SHA256} }

func fileSubject(file string) subject { return subject{file: file} }

// findingKey identifies a finding for dedupe: one id about one subject is
// reported once, however many leaves or verify codes show it.
type findingKey struct {
	id    finding.ID
	about subject
}

// add records a finding unless one with the same id about the same
// subject is already there.
func (r *run) add(about subject, f report.Finding) {
	r.mu.Lock()
	defer r.mu.Unlock()
	k := findingKey{f.ID, about}
	if i, ok := r.seen[k]; ok {
		// The same fault seen from another leaf, or through another code:
		// keep one finding, but let it carry the code nginx logs.
		if f.OpenSSLError != "" && r.findings[i].OpenSSLError == "" {
			r.findings[i].OpenSSLError, r.findings[i].Code = f.OpenSSLError, f.Code
		}
		return
	}
	r.seen[k] = len(r.findings)
	r.findings = append(r.findings, f)
}

// certFinding fills text t for a finding about certificate s: the finding
// names s's file, subject and serial; when its fix makes root s anew, the
// fix ends with what to do with the new root.
func certFinding(s *certState, t catalogue.Text, v catalogue.Vars) report.Finding {
	f := t.New(v)
	f.Fix += regenRootThen(s, t)
	f.File, f.Subject, f.Serial = first(s.c.Files), s.c.X509.Subject.String(), serialHex(s.c.X509)
	return f
}

// certVars are the placeholders every text about certificate s may use.
func (r *run) certVars(s *certState) catalogue.Vars {
	x := s.c.X509
	return catalogue.Vars{
		"cert": r.label(s), "file": first(s.c.Files),
		"subject": x.Subject.String(), "issuer": x.Issuer.String(), "serial": serialHex(x),
		"level": strconv.Itoa(r.o.SecLevel), "min_bits": strconv.Itoa(opensslverify.MinBits(r.o.SecLevel)),
		"at":      r.o.At.UTC().Format(time.RFC3339),
		"ca_file": r.caFileName(),
	}
}

// label names s in prose: its file, and its subject too when that file
// holds other certificates (a leaf.pem bundle with its root), so that a
// finding about the root is not read as one about the leaf.
func (r *run) label(s *certState) string {
	f := first(s.c.Files)
	if f == "" || r.perFile[f] < 2 {
		return display(s)
	}
	return fmt.Sprintf("%s (the certificate %q)", f, cnOr(s.c.X509, s.c.X509.Subject.String()))
}

// caFileName is the CA file nginx uses, for fixes: the one judged by,
// else nginx's usual place for it.
func (r *run) caFileName() string {
	if r.o.CAFile != "" && !strings.Contains(r.o.CAFile, " and ") && !strings.Contains(r.o.CAFile, ", ") {
		return r.o.CAFile
	}
	return "/etc/nginx/client-ca.pem"
}

// passwordFileName is the file of passphrases, for fixes.
func (r *run) passwordFileName() string {
	if r.o.PasswordFile != "" {
		return r.o.PasswordFile
	}
	return "/etc/nginx/ssl_passwords.txt"
}

// Verdict is the nginx_verdict string for an OpenSSL verify code:
// "SUCCESS" or "FAILED:<code>:<text>" with OpenSSL 3's text.
func Verdict(code int) string {
	if code == 0 {
		return "SUCCESS"
	}
	return "FAILED:" + OpenSSLError(code)
}

// OpenSSLError is "<code>:<text>" as nginx logs it.
func OpenSSLError(code int) string {
	if v, ok := catalogue.Verify(code); ok {
		return v.OpenSSLError()
	}
	return fmt.Sprintf("%d:unknown certificate verification error", code)
}

func row(s *certState) report.Certificate {
	x := s.c.X509
	return report.Certificate{
		Files:        s.c.Files,
		Role:         s.role,
		Subject:      x.Subject.String(),
		Issuer:       x.Issuer.String(),
		Serial:       serialHex(x),
		NotBefore:    x.NotBefore.UTC().Format(time.RFC3339),
		NotAfter:     x.NotAfter.UTC().Format(time.RFC3339),
		Key:          keyDesc(x),
		Signature:    sigDesc(x),
		SHA256:       hex.EncodeToString(s.c.SHA256[:]),
		KeyFile:      s.keyFile,
		NginxVerdict: s.verdict,
	}
}
