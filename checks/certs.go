// Package checks holds mtlsdoctor's diagnostics: it looks at what was
// loaded (certificates, keys, CRLs; later configs, probes and logs) and
// turns every mistake into a report.Finding with what, why and the fix.
// It never prints; cmd/mtlsdoctor renders the report.
package checks

import (
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"fmt"
	"github.com/mtlsdoctor/mtlsdoctor/finding"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/catalogue"
	"github.com/mtlsdoctor/mtlsdoctor/certset"
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
	// CRLs are extra revocation lists (--crl), used with those in the set.
	CRLs []*certset.CRL
	// Host, when set, is the name server certificates must be valid for.
	Host string
	// ExpiresWithin is the warning window for expires-soon.
	ExpiresWithin time.Duration
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
	c       *certset.Cert
	info    *opensslverify.Cert
	role    string
	issues  bool   // signed another certificate in the set
	keyFile string // matching private key
	verdict string
	result  *opensslverify.Result
}

type run struct {
	o        CertOptions
	certs    []*certState
	bySHA    map[[32]byte]*certState
	byInfo   map[*opensslverify.Cert]*certState
	findings []report.Finding
	seen     map[string]int
	mu       sync.Mutex
}

// Certs inspects a loaded set and reports every finding, plus one table row
// per certificate with the verdict nginx would reach for it as a client
// certificate.
func Certs(set *certset.Set, o CertOptions) *report.Report {
	r := analyse(set, o)
	rep := &report.Report{Command: "certs", Findings: r.findings}
	for _, s := range r.certs {
		rep.Certificates = append(rep.Certificates, row(s))
	}
	rep.Header = fmt.Sprintf("%d files: %d certificates, %d keys, %d CRLs (security level %d, ssl_verify_depth %d)",
		set.Files, len(set.Certs), len(set.Keys), len(set.CRLs), r.o.SecLevel, r.o.VerifyDepth)
	rep.AllClear = "nothing to fix: nginx will accept the client certificates marked SUCCESS. After deploying, run: mtlsdoctor probe HOST:443 --cert client.crt --key client.key"
	rep.Finish()
	return rep
}

// analyse runs every check and keeps the per-certificate state.
func analyse(set *certset.Set, o CertOptions) *run {
	if o.At.IsZero() {
		o.At = time.Now()
	}
	r := &run{o: o, bySHA: map[[32]byte]*certState{}, byInfo: map[*opensslverify.Cert]*certState{}, seen: map[string]int{}}
	r.load(set)
	r.assignRoles()
	r.matchKeys(set.Keys)
	r.verifyLeaves(set)
	r.staticChecks()
	r.problems(set.Problems)
	return r
}

func (r *run) load(set *certset.Set) {
	r.certs = make([]*certState, len(set.Certs))
	parallel(len(set.Certs), func(i int) {
		c := *set.Certs[i]
		c.Files = preferNamed(c.Files)
		r.certs[i] = &certState{c: &c, info: opensslverify.Info(c.X509)}
	})
	for _, s := range r.certs {
		r.bySHA[s.c.SHA256] = s
		r.byInfo[s.info] = s
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

// assignRoles infers each certificate's role from its extensions and from
// what it does in the set (a certificate that signed another one is a CA
// there, whatever its basicConstraints say).
func (r *run) assignRoles() {
	bySubject := map[string][]*certState{}
	for _, s := range r.certs {
		bySubject[s.info.SubjectKey()] = append(bySubject[s.info.SubjectKey()], s)
	}
	var mu sync.Mutex
	parallel(len(r.certs), func(i int) {
		s := r.certs[i]
		if s.info.SelfSigned() {
			return
		}
		for _, cand := range bySubject[s.info.IssuerKey()] {
			if cand != s && opensslverify.SignedBy(s.info, cand.info) {
				mu.Lock()
				cand.issues = true
				mu.Unlock()
			}
		}
	})
	for _, s := range r.certs {
		s.role = roleOf(s)
	}
}

func roleOf(s *certState) string {
	x := s.c.X509
	if s.issues || (x.BasicConstraintsValid && x.IsCA) || (s.info.SelfSigned() && s.info.CheckCA() == 3) {
		if s.info.SelfSigned() {
			return RoleCA
		}
		return RoleIntermediate
	}
	// What the operator called it wins over its extensions: a file named
	// client-*.crt with only serverAuth is a client certificate with the
	// wrong purpose, which is exactly the mistake to report.
	if role := nameHint(strings.ToLower(filepath.Base(first(s.c.Files)))); role != "" {
		return role
	}
	client, server := false, false
	for _, u := range x.ExtKeyUsage {
		switch u {
		case x509.ExtKeyUsageClientAuth:
			client = true
		case x509.ExtKeyUsageServerAuth:
			server = true
		}
	}
	switch {
	case client && !server:
		return RoleClient
	case server && !client:
		return RoleServer
	}
	if role := nameHint(strings.ToLower(x.Subject.CommonName)); role != "" {
		return role
	}
	if x.Subject.CommonName == "localhost" || len(x.DNSNames) > 0 {
		return RoleServer
	}
	return RoleLeaf
}

// nameHint reads "client" or "server" in a name, whichever comes first.
func nameHint(name string) string {
	c, sv := strings.Index(name, "client"), strings.Index(name, "server")
	switch {
	case c >= 0 && (sv < 0 || c < sv):
		return RoleClient
	case sv >= 0:
		return RoleServer
	}
	return ""
}

// preferNamed puts descriptive file names before OpenSSL's hash links
// (/etc/ssl/certs/6b99d060.0), which say nothing to a person.
func preferNamed(files []string) []string {
	out := make([]string, 0, len(files))
	var hashes []string
	for _, f := range files {
		if isHashLink(filepath.Base(f)) {
			hashes = append(hashes, f)
		} else {
			out = append(out, f)
		}
	}
	return append(out, hashes...)
}

func isHashLink(name string) bool {
	dot := strings.LastIndexByte(name, '.')
	if dot != 8 || dot == len(name)-1 {
		return false
	}
	for i, c := range name {
		switch {
		case i < 8 && (c >= '0' && c <= '9' || c >= 'a' && c <= 'f'):
		case i == 8:
		case i > 8 && (c == 'r' || c >= '0' && c <= '9'):
		default:
			return false
		}
	}
	return true
}

func first(files []string) string {
	if len(files) == 0 {
		return ""
	}
	return files[0]
}

func isCA(role string) bool { return role == RoleCA || role == RoleIntermediate }

// add records a finding once per (id, subject of the finding).
func (r *run) add(key string, f report.Finding) {
	r.mu.Lock()
	defer r.mu.Unlock()
	k := f.ID.Name() + "\x00" + key
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

func (r *run) certFinding(s *certState, id finding.ID, sev report.Severity, title, why, fix string) report.Finding {
	return report.Finding{
		ID: id, Severity: sev, Title: title, Explanation: why, Fix: fix,
		File: first(s.c.Files), Subject: s.c.X509.Subject.String(), Serial: serialHex(s.c.X509),
		Priority: id.Spec().Priority,
	}
}

func (r *run) verifyLeaves(set *certset.Set) {
	var anchors []*opensslverify.Cert
	if r.o.CA != nil {
		for _, x := range r.o.CA {
			sum := sha256.Sum256(x.Raw)
			if s, ok := r.bySHA[sum]; ok {
				anchors = append(anchors, s.info)
			} else {
				anchors = append(anchors, opensslverify.Info(x))
			}
		}
	} else {
		for _, s := range r.certs {
			if s.role == RoleCA {
				anchors = append(anchors, s.info)
			}
		}
	}
	store := opensslverify.NewStore(anchors)
	var pool []*opensslverify.Cert
	for _, s := range r.certs {
		if s.role == RoleIntermediate {
			pool = append(pool, s.info)
		}
	}
	var crls []*x509.RevocationList
	for _, c := range set.CRLs {
		crls = append(crls, c.List)
	}
	for _, c := range r.o.CRLs {
		crls = append(crls, c.List)
	}
	p := opensslverify.Params{
		AuthLevel: r.o.SecLevel, Depth: r.o.VerifyDepth, Time: r.o.At,
		Purpose: opensslverify.PurposeSSLClient, CRLCheck: len(crls) > 0, CRLs: crls,
	}
	var leaves []*certState
	for _, s := range r.certs {
		if !isCA(s.role) {
			leaves = append(leaves, s)
		}
	}
	parallel(len(leaves), func(i int) {
		s := leaves[i]
		res := opensslverify.Verify(s.info, pool, store, p)
		s.result = &res
		s.verdict = Verdict(res.Code())
		if s.role != RoleServer {
			r.explain(s, res, store, false)
			return
		}
		// A server certificate is judged as what it is: the verdict above
		// says what nginx would do if a client presented it, but its
		// findings come from checking it for TLS server use. Its issuer is
		// often a public CA outside the set, so trust errors are not news.
		sp := p
		sp.Purpose = opensslverify.PurposeSSLServer
		sp.CRLCheck = false
		sres := opensslverify.Verify(s.info, pool, store, sp)
		r.explain(s, sres, store, true)
	})
}

// serverIgnores are the codes that say nothing about a server certificate
// judged against the client CAs of the set: trust and client-depth errors.
var serverIgnores = map[int]bool{
	opensslverify.ErrUnableToGetIssuerCert: true, opensslverify.ErrDepthZeroSelfSigned: true,
	opensslverify.ErrSelfSignedCertInChain: true, opensslverify.ErrUnableToGetIssuerLocal: true,
	opensslverify.ErrUnableToVerifyLeafSig: true, opensslverify.ErrCertChainTooLong: true,
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

// explain turns each error OpenSSL would report for leaf s into a finding
// about the certificate that causes it.
func (r *run) explain(s *certState, res opensslverify.Result, store *opensslverify.Store, server bool) {
	final := res.Code()
	codes := map[int]bool{}
	for _, e := range res.Events {
		codes[e.Code] = true
	}
	for _, e := range res.Events {
		var at *certState
		var info *opensslverify.Cert
		if e.Depth < len(res.Chain) {
			info = res.Chain[e.Depth]
			at = r.byInfo[info]
		}
		if at == nil {
			at = s
			info = s.info
		}
		if server && serverIgnores[e.Code] {
			continue
		}
		f, ok := r.eventFinding(s, at, info, e, codes, store)
		if !ok {
			continue
		}
		if server && e.Depth == 0 && e.Code == opensslverify.ErrInvalidPurpose {
			x := s.c.X509
			f.Title = fmt.Sprintf("%s is not allowed for TLS server authentication", display(s))
			f.Explanation = fmt.Sprintf("TLS clients check a server certificate for the purpose \"SSL server\": an extendedKeyUsage without serverAuth, or a keyUsage without digitalSignature/keyEncipherment, fails it. Its extended key usage: %s; key usage: %s.", ekuDesc(x), kuDesc(x))
			f.Fix = "Reissue it with extendedKeyUsage=serverAuth and keyUsage=critical,digitalSignature,keyEncipherment."
		}
		if server && e.Depth == 0 && (e.Code == opensslverify.ErrCAMDTooWeak || e.Code == opensslverify.ErrEEKeyTooSmall) {
			reason := map[int]string{opensslverify.ErrCAMDTooWeak: "ca md too weak", opensslverify.ErrEEKeyTooSmall: "ee key too small"}[e.Code]
			f.Explanation += fmt.Sprintf(" As ssl_certificate, nginx refuses to start or reload with it: SSL_CTX_use_certificate(\"%s\") failed (SSL: ...:%s).", display(s), reason)
		}
		if !server && e.Code == final {
			f.OpenSSLError = OpenSSLError(final)
			f.Code = final
		}
		r.add(hex.EncodeToString(at.c.SHA256[:]), f)
	}
}

func (r *run) eventFinding(leaf, at *certState, info *opensslverify.Cert, e opensslverify.Event, codes map[int]bool, store *opensslverify.Store) (report.Finding, bool) {
	x := at.c.X509
	name := display(at)
	meaning := ""
	if v, ok := catalogue.Verify(e.Code); ok {
		meaning = v.Meaning
	}
	issuer := r.issuerOf(at)
	caCrt, caKey := "ca.crt", "ca.key"
	if issuer != nil {
		caCrt = first(issuer.c.Files)
		caKey = keyOr(issuer, stem(caCrt)+".key")
	}
	reissue := reissueCmd(at, caCrt, caKey)
	leafName := display(leaf)
	switch e.Code {
	case opensslverify.ErrEEKeyTooSmall, opensslverify.ErrCAKeyTooSmall:
		return r.certFinding(at, catalogue.WeakKey, report.Error,
			fmt.Sprintf("%s's key (%s) is too weak for security level %d", name, keyDesc(x), r.o.SecLevel),
			fmt.Sprintf("%s OpenSSL's security level %d needs keys of at least %d security bits (RSA 2048, ECDSA P-256 at level 2); this key gives %d. nginx on Debian/Ubuntu runs at level 2, so it refuses every client whose chain contains this key.",
				meaning, r.o.SecLevel, opensslverify.MinBits(r.o.SecLevel), info.KeyBits()),
			newKeyCmd(at, caCrt, caKey)), true
	case opensslverify.ErrCAMDTooWeak:
		return r.certFinding(at, catalogue.WeakSignature, report.Error,
			fmt.Sprintf("%s is signed with %s, too weak for security level %d", name, digestName(x), r.o.SecLevel),
			fmt.Sprintf("The CA signed this certificate using %s. OpenSSL 3 counts SHA-1 as 63 and MD5 as 39 security bits, below level %d's %d, and rejects the signature of every certificate in the chain except the trust anchor's own. The message says \"CA signature digest\" even when it is the leaf: it means the digest the CA used when it signed %s.",
				digestName(x), r.o.SecLevel, opensslverify.MinBits(r.o.SecLevel), name),
			reissue), true
	case opensslverify.ErrDepthZeroSelfSigned:
		if info.SelfIssued() && !opensslverify.SignedBy(info, info) {
			return r.certFinding(at, catalogue.SelfIssuedLeaf, report.Error,
				fmt.Sprintf("%s has the same subject as its CA and no authorityKeyIdentifier", name),
				fmt.Sprintf("Its subject DN (%s) equals its issuer DN and nothing (no authorityKeyIdentifier) tells it apart, so OpenSSL takes it for a self-signed certificate, looks no further for the CA and nginx logs 18 \"self-signed certificate\". A shared Organisation alone does not cause this: only a subject DN identical to the CA's.", x.Subject),
				fmt.Sprintf("Reissue it with its own subject (here CN=%s) and an authorityKeyIdentifier:\n%s", filepath.Base(stem(display(at))), reissueNewSubject(at, caCrt, caKey))), true
		}
		return r.certFinding(at, catalogue.Untrusted, report.Error,
			fmt.Sprintf("%s is self-signed and not in the trusted CA file", name),
			"nginx only accepts client certificates issued by a CA in ssl_client_certificate. A self-signed certificate is its own issuer, and it is not in the trust store.",
			fmt.Sprintf("Issue the client certificate from your CA instead:\n%s", reissue)), true
	case opensslverify.ErrSelfSignedCertInChain:
		top := r.byInfo[leaf.result.Chain[len(leaf.result.Chain)-1]]
		topName := name
		if top != nil {
			topName = display(top)
		}
		return r.certFinding(leaf, catalogue.Untrusted, report.Error,
			fmt.Sprintf("%s chains to %s, which nginx does not trust", leafName, topName),
			"The client sends a chain that ends in a self-signed root, but that root is not in ssl_client_certificate (the wrong CA file is configured, or the client belongs to another PKI).",
			fmt.Sprintf("Add the root to the CA file nginx uses (cat %s >> /etc/nginx/client-ca.pem), or issue the client from the trusted CA.", topName)), true
	case opensslverify.ErrUnableToGetIssuerLocal, opensslverify.ErrUnableToVerifyLeafSig, opensslverify.ErrUnableToGetIssuerCert:
		if codes[opensslverify.ErrCertChainTooLong] {
			return report.Finding{}, false
		}
		if codes[opensslverify.ErrUnableToVerifyLeafSig] && e.Code == opensslverify.ErrUnableToGetIssuerLocal {
			return report.Finding{}, false // the 21 that follows says it better
		}
		return r.untrustedFinding(leaf, at, e.Code, store), true
	case opensslverify.ErrCertChainTooLong, opensslverify.ErrPathLengthExceeded:
		n := len(leaf.result.Chain)
		if e.Code == opensslverify.ErrPathLengthExceeded {
			return r.certFinding(at, catalogue.ChainTooDeep, report.Error,
				fmt.Sprintf("%s allows fewer CAs below it than %s's chain has", name, leafName),
				fmt.Sprintf("%s has a basicConstraints pathlen that forbids the intermediate below it. %s", name, meaning),
				fmt.Sprintf("Issue %s directly from %s, or reissue %s without pathlen (basicConstraints=critical,CA:TRUE).", leafName, name, name)), true
		}
		return r.certFinding(leaf, catalogue.ChainTooDeep, report.Error,
			fmt.Sprintf("%s needs more intermediates than ssl_verify_depth %d allows", leafName, r.o.VerifyDepth),
			fmt.Sprintf("ssl_verify_depth counts the intermediate CAs between the client certificate and the root (OpenSSL 1.1.0 and later; neither end counts). The chain found has at least %d certificates. OpenSSL reports 22 \"certificate chain too long\" first, but nginx logs the error that follows it (here %s: 20 when the client sent the intermediates, 2 when they are in the CA file), which hides the real cause.", n, OpenSSLError(leaf.result.Code())),
			fmt.Sprintf("In the nginx server block: ssl_verify_depth %d;  (then nginx -s reload), or issue clients from a CA closer to the root.", r.o.VerifyDepth+countIntermediates(r, leaf))), true
	case opensslverify.ErrCertSignatureFailure:
		return r.certFinding(at, catalogue.BadSignature, report.Error,
			fmt.Sprintf("%s's signature does not verify with the CA certificate of that name", name),
			fmt.Sprintf("A CA named %s is present, but its key did not make this signature. Usually the CA was regenerated (new key, same name) after this certificate was issued, or the file was altered. Without key identifiers OpenSSL matches the CA by name only and reports 7. nginx may also log \"[alert] ignoring stale global SSL error\" for such connections.", x.Issuer),
			fmt.Sprintf("Reissue the certificate with the current CA:\n%s\nor put the CA certificate whose key signed it back into the CA file.", reissue)), true
	case opensslverify.ErrCertNotYetValid:
		return r.certFinding(at, catalogue.NotYetValid, report.Error,
			fmt.Sprintf("%s is not valid until %s", name, x.NotBefore.UTC().Format(time.RFC3339)),
			"Its notBefore lies in the future (as of "+r.o.At.UTC().Format(time.RFC3339)+"). Either the clock of the machine that issued it was ahead, or the nginx host's clock is behind.",
			fmt.Sprintf("Check the clocks (timedatectl), then reissue if needed:\n%s", reissue)), true
	case opensslverify.ErrCertHasExpired:
		return r.certFinding(at, catalogue.Expired, report.Error,
			fmt.Sprintf("%s expired on %s", name, x.NotAfter.UTC().Format(time.RFC3339)),
			"Its notAfter has passed. nginx rejects a client whose certificate, or any CA certificate in its chain, has expired.",
			reissue), true
	case opensslverify.ErrCertRevoked:
		return r.certFinding(at, catalogue.Revoked, report.Error,
			fmt.Sprintf("%s is revoked (serial %s is listed in the CRL)", name, serialHex(x)),
			"Its serial number appears in the CRL of its issuer. Any other certificate with the same serial from the same CA is rejected too.",
			fmt.Sprintf("Issue a new certificate with a fresh serial:\n%s", reissue)), true
	case opensslverify.ErrUnableToGetCRL, opensslverify.ErrCRLHasExpired, opensslverify.ErrCRLNotYetValid,
		opensslverify.ErrCRLSignatureFailure, opensslverify.ErrKeyUsageNoCRLSign, opensslverify.ErrUnableToGetCRLIssuer:
		return r.crlFinding(at, e.Code, meaning), true
	case opensslverify.ErrInvalidPurpose:
		if e.Depth == 0 {
			return r.certFinding(at, catalogue.WrongPurpose, report.Error,
				fmt.Sprintf("%s is not allowed for TLS client authentication", name),
				fmt.Sprintf("%s nginx checks client certificates for the purpose \"SSL client\": an extendedKeyUsage without clientAuth (e.g. serverAuth only), or a keyUsage without digitalSignature, fails it. Its extended key usage: %s; key usage: %s.", meaning, ekuDesc(x), kuDesc(x)),
				fmt.Sprintf("Reissue with extendedKeyUsage=clientAuth and keyUsage=critical,digitalSignature,keyEncipherment:\n%s\nCheck: openssl x509 -noout -purpose -in %s   (SSL client : Yes)", reissueClient(at, caCrt, caKey), first(at.c.Files))), true
		}
		if info.CheckCA() == 0 {
			return report.Finding{}, false // reported as not-a-ca (79/32)
		}
		return r.certFinding(at, catalogue.WrongPurpose, report.Error,
			fmt.Sprintf("CA %s is not allowed to issue TLS client certificates", name),
			fmt.Sprintf("%s It has an extendedKeyUsage without clientAuth; OpenSSL applies a CA's extendedKeyUsage to everything below it.", meaning),
			fmt.Sprintf("Reissue the CA without extendedKeyUsage (or with clientAuth in it): basicConstraints=critical,CA:TRUE, keyUsage=critical,keyCertSign,cRLSign. Check: openssl x509 -noout -purpose -in %s", first(at.c.Files))), true
	case opensslverify.ErrInvalidCA, opensslverify.ErrKeyUsageNoCertSign:
		return r.notCAFinding(at), true
	case opensslverify.ErrPermittedViolation, opensslverify.ErrExcludedViolation, opensslverify.ErrSubtreeMinMax,
		opensslverify.ErrUnsupportedConstraint, opensslverify.ErrUnsupportedNameSyntax:
		ca := r.constrainingCA(leaf)
		why := meaning + fmt.Sprintf(" A CA above it (%s) has a nameConstraints extension, and OpenSSL checks the certificate's subject, its emailAddress and every subjectAltName against it (and a host-name-like common name when there is no DNS name). This certificate's names: %s; %s.", ca, x.Subject, namesOf(x))
		return r.certFinding(at, catalogue.NameConstraints, report.Error,
			fmt.Sprintf("%s has names its CA is not allowed to issue (%s)", name, OpenSSLError(e.Code)),
			why,
			fmt.Sprintf("Reissue it with names inside the CA's permitted subtrees (see: openssl x509 -noout -ext nameConstraints -in %s), or issue it from a CA without that constraint:\n%s", ca, reissue)), true
	case opensslverify.ErrUnhandledCriticalExt:
		return r.certFinding(at, catalogue.CriticalExtension, report.Error,
			fmt.Sprintf("%s has a critical extension OpenSSL does not understand", name),
			meaning+" A critical extension that the verifier does not know must make it reject the certificate; nginx has no switch to ignore it.",
			"Reissue the certificate with that extension marked non-critical (or without it):\n"+reissue), true
	}
	return r.certFinding(at, catalogue.Untrusted, report.Error,
		fmt.Sprintf("nginx would reject %s: %s", leafName, OpenSSLError(e.Code)),
		meaning, reissue), true
}

func (r *run) untrustedFinding(leaf, at *certState, code int, store *opensslverify.Store) report.Finding {
	name := display(leaf)
	x := leaf.c.X509
	if code == opensslverify.ErrUnableToGetIssuerCert {
		return r.certFinding(at, catalogue.Untrusted, report.Error,
			fmt.Sprintf("the CA file has %s but not the root above it", display(at)),
			"The chain ends at a certificate from the trusted CA file that is not self-signed, and its issuer is missing. nginx never accepts a partial chain: the root must be in ssl_client_certificate too.",
			"Append the root certificate to the CA file: cat root.crt >> /etc/nginx/client-ca.pem   (then nginx -s reload)")
	}
	why := fmt.Sprintf("No CA in %s issued it: its issuer is %s. ", r.trustDesc(), x.Issuer)
	for _, c := range r.certs {
		if c != leaf && c.info.SubjectKey() == leaf.info.IssuerKey() && isCA(c.role) {
			why = fmt.Sprintf("A CA named %s is in %s, but its key did not sign this certificate (its subjectKeyIdentifier differs from the certificate's authorityKeyIdentifier): the CA was most likely regenerated after %s was issued. ", x.Issuer, r.trustDesc(), name)
			break
		}
	}
	if code == opensslverify.ErrUnableToVerifyLeafSig {
		why += "When the client sends only its own certificate and nginx cannot find the issuer, nginx logs 21 \"unable to verify the first certificate\" (openssl verify says 20 for the same files)."
	} else {
		why += "nginx logs 20 \"unable to get local issuer certificate\" when the certificate the client sent last was issued by a CA that is not in ssl_client_certificate."
	}
	fix := fmt.Sprintf("Add the CA that issued %s (subject %s) to the CA file nginx uses (ssl_client_certificate), or reissue %s from your CA.", name, x.Issuer, name)
	if r.o.CA != nil {
		fix = fmt.Sprintf("Add the issuing CA (%s) to %s, or reissue %s from a CA in it.", x.Issuer, r.o.CAFile, name)
	}
	return r.certFinding(leaf, catalogue.Untrusted, report.Error, fmt.Sprintf("%s is not issued by a trusted CA", name), why, fix)
}

// constrainingCA names the first CA in leaf's chain with name constraints.
func (r *run) constrainingCA(leaf *certState) string {
	for _, c := range leaf.result.Chain[1:] {
		if hasExt(c.X, "2.5.29.30") {
			if s := r.byInfo[c]; s != nil {
				return display(s)
			}
			return c.X.Subject.String()
		}
	}
	return "its CA"
}

func (r *run) trustDesc() string {
	if r.o.CA != nil {
		return r.o.CAFile
	}
	return "the set"
}

func (r *run) notCAFinding(s *certState) report.Finding {
	x := s.c.X509
	what := "has no basicConstraints extension"
	switch {
	case s.info.CheckCA() != 0 && x.KeyUsage&x509.KeyUsageCertSign == 0:
		what = "has a keyUsage without keyCertSign"
	case x.BasicConstraintsValid && !x.IsCA:
		what = "says CA:FALSE"
	case hasExt(x, "2.5.29.15") && x.KeyUsage&x509.KeyUsageCertSign == 0:
		what = "has a keyUsage without keyCertSign"
	}
	return r.certFinding(s, catalogue.NotACA, report.Error,
		fmt.Sprintf("%s signs certificates but %s", display(s), what),
		"A certificate that issues others must be marked as a CA (basicConstraints CA:TRUE and, if keyUsage is present, keyCertSign). OpenSSL 3 reports 79 \"invalid CA certificate\" and then, because nginx lets verification go on, 26 \"unsuitable certificate purpose\" or 32 \"key usage does not include certificate signing\" for every client below it.",
		fmt.Sprintf("Reissue it as a CA, then reissue the certificates it signed:\nprintf 'basicConstraints=critical,CA:TRUE\\nkeyUsage=critical,keyCertSign,cRLSign\\nsubjectKeyIdentifier=hash\\nauthorityKeyIdentifier=keyid,issuer\\n' > ca.ext\nopenssl x509 -req -sha256 -days 1825 -in %s.csr -CA ca.crt -CAkey ca.key -CAcreateserial -extfile ca.ext -out %s", stem(first(s.c.Files)), first(s.c.Files)))
}

func (r *run) crlFinding(s *certState, code int, meaning string) report.Finding {
	name := display(s)
	title, why, fix := "", meaning, ""
	switch code {
	case opensslverify.ErrUnableToGetCRL:
		title = fmt.Sprintf("no CRL for %s's issuer", name)
		why = "With ssl_crl, nginx turns on CRL checking for every certificate in the chain, the root included, so every CA needs a current CRL in the file. Without one OpenSSL reports 3 \"unable to get certificate CRL\", which even hides a revocation."
		fix = fmt.Sprintf("Generate the missing CRL and concatenate all CRLs into the ssl_crl file:\nopenssl ca -gencrl -keyfile ca.key -cert ca.crt -out ca.crl.pem\ncat *.crl.pem > /etc/nginx/crl.pem   (issuer of %s: %s)", name, s.c.X509.Issuer)
	case opensslverify.ErrCRLHasExpired:
		title = fmt.Sprintf("the CRL for %s has expired", name)
		why = "The CRL's nextUpdate has passed. nginx then rejects every client of that CA with 12 \"CRL has expired\", and reads the CRL only at start-up or reload."
		fix = "Regenerate the CRL before nextUpdate and reload: openssl ca -gencrl -crldays 30 -keyfile ca.key -cert ca.crt -out crl.pem && nginx -s reload"
	case opensslverify.ErrCRLNotYetValid:
		title = fmt.Sprintf("the CRL for %s is not valid yet", name)
		fix = "Check the clock of the machine that made the CRL and regenerate it."
	default:
		title = fmt.Sprintf("the CRL for %s cannot be used (%s)", name, OpenSSLError(code))
		fix = "Regenerate the CRL with the CA that issued the certificate (its keyUsage must include cRLSign)."
	}
	return r.certFinding(s, catalogue.CRLProblem, report.Error, title, why, fix)
}

func countIntermediates(r *run, leaf *certState) int {
	n := 0
	for _, c := range leaf.result.Chain[1:] {
		if s := r.byInfo[c]; s != nil && s.role == RoleIntermediate {
			n++
		}
	}
	if n <= r.o.VerifyDepth {
		n = r.o.VerifyDepth + 1
	}
	return n - r.o.VerifyDepth
}

// issuerOf is the set certificate that signed s, if any.
func (r *run) issuerOf(s *certState) *certState {
	// OpenSSL's "self-signed" flag also covers a leaf that only shares its
	// CA's name; only a certificate its own key signed has no issuer.
	if s.info.SelfSigned() && opensslverify.SignedBy(s.info, s.info) {
		return nil
	}
	var nameOnly *certState
	for _, c := range r.certs {
		if c == s || c.info.SubjectKey() != s.info.IssuerKey() {
			continue
		}
		if opensslverify.SignedBy(s.info, c.info) {
			return c
		}
		nameOnly = c
	}
	return nameOnly
}

func display(s *certState) string {
	if f := first(s.c.Files); f != "" {
		return f
	}
	return s.c.X509.Subject.String()
}

func stem(path string) string {
	return strings.TrimSuffix(path, filepath.Ext(path))
}

func cnOr(x *x509.Certificate, def string) string {
	if x.Subject.CommonName != "" {
		return x.Subject.CommonName
	}
	return def
}

func serialHex(x *x509.Certificate) string {
	if x.SerialNumber == nil {
		return ""
	}
	h := strings.ToUpper(x.SerialNumber.Text(16))
	if len(h)%2 == 1 {
		h = "0" + h
	}
	return h
}

func hasExt(x *x509.Certificate, oid string) bool {
	for _, e := range x.Extensions {
		if e.Id.String() == oid {
			return true
		}
	}
	return false
}

func keyDesc(x *x509.Certificate) string {
	switch k := x.PublicKey.(type) {
	case *rsa.PublicKey:
		return fmt.Sprintf("RSA %d", k.N.BitLen())
	case *ecdsa.PublicKey:
		return "ECDSA " + k.Curve.Params().Name
	case ed25519.PublicKey:
		return "Ed25519"
	case nil:
		if name, _, ok := opensslverify.OtherCurve(x.RawSubjectPublicKeyInfo); ok {
			return "ECDSA " + name
		}
		return "unknown"
	}
	return x.PublicKeyAlgorithm.String()
}

func digestName(x *x509.Certificate) string {
	switch x.SignatureAlgorithm {
	case x509.MD5WithRSA:
		return "MD5"
	case x509.MD2WithRSA:
		return "MD2"
	case x509.SHA1WithRSA, x509.ECDSAWithSHA1, x509.DSAWithSHA1:
		return "SHA-1"
	}
	return sigDesc(x)
}

func sigDesc(x *x509.Certificate) string {
	if x.SignatureAlgorithm != x509.UnknownSignatureAlgorithm {
		return x.SignatureAlgorithm.String()
	}
	return "unknown"
}

func ekuDesc(x *x509.Certificate) string {
	if !hasExt(x, "2.5.29.37") {
		return "none"
	}
	var out []string
	for _, u := range x.ExtKeyUsage {
		switch u {
		case x509.ExtKeyUsageClientAuth:
			out = append(out, "clientAuth")
		case x509.ExtKeyUsageServerAuth:
			out = append(out, "serverAuth")
		case x509.ExtKeyUsageAny:
			out = append(out, "anyExtendedKeyUsage")
		default:
			out = append(out, fmt.Sprintf("usage %d", u))
		}
	}
	for _, u := range x.UnknownExtKeyUsage {
		out = append(out, u.String())
	}
	return strings.Join(out, ", ")
}

func kuDesc(x *x509.Certificate) string {
	if !hasExt(x, "2.5.29.15") {
		return "none"
	}
	names := []struct {
		bit  x509.KeyUsage
		name string
	}{
		{x509.KeyUsageDigitalSignature, "digitalSignature"}, {x509.KeyUsageContentCommitment, "nonRepudiation"},
		{x509.KeyUsageKeyEncipherment, "keyEncipherment"}, {x509.KeyUsageDataEncipherment, "dataEncipherment"},
		{x509.KeyUsageKeyAgreement, "keyAgreement"}, {x509.KeyUsageCertSign, "keyCertSign"},
		{x509.KeyUsageCRLSign, "cRLSign"},
	}
	var out []string
	for _, n := range names {
		if x.KeyUsage&n.bit != 0 {
			out = append(out, n.name)
		}
	}
	if len(out) == 0 {
		return "empty"
	}
	return strings.Join(out, ", ")
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

// sortedKeys returns map keys in order (for deterministic output).
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
