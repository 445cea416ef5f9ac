// Package opensslverify is a model of OpenSSL 3.0's X509_verify_cert as
// nginx drives it for client certificates: nginx's verify callback accepts
// every error, so OpenSSL walks on through the whole chain and the result
// nginx logs is the LAST error reported, not the first one `openssl verify`
// prints. The model follows crypto/x509/x509_vfy.c step by step (build_chain,
// check_extensions, check_auth_level, check_revocation, internal_verify) and
// records every error the callback would see, in order.
//
// It exists because Go's crypto/x509 verifier answers a different question
// (is there any valid path?) with different rules; mtlsdoctor must predict
// OpenSSL's exact code. Differential tests compare it with real openssl and
// nginx.
package opensslverify

import (
	"crypto/x509"
	"encoding/asn1"
	"time"
)

// OpenSSL X509_V_ERR codes the model can report.
const (
	OK                         = 0
	ErrUnableToGetIssuerCert   = 2
	ErrUnableToGetCRL          = 3
	ErrCertSignatureFailure    = 7
	ErrCRLSignatureFailure     = 8
	ErrCertNotYetValid         = 9
	ErrCertHasExpired          = 10
	ErrCRLNotYetValid          = 11
	ErrCRLHasExpired           = 12
	ErrDepthZeroSelfSigned     = 18
	ErrSelfSignedCertInChain   = 19
	ErrUnableToGetIssuerLocal  = 20
	ErrUnableToVerifyLeafSig   = 21
	ErrCertChainTooLong        = 22
	ErrCertRevoked             = 23
	ErrPathLengthExceeded      = 25
	ErrInvalidPurpose          = 26
	ErrKeyUsageNoCertSign      = 32
	ErrUnableToGetCRLIssuer    = 33
	ErrUnhandledCriticalExt    = 34
	ErrKeyUsageNoCRLSign       = 35
	ErrUnhandledCriticalCRLExt = 36
	ErrECKeyExplicitParams     = 94
	ErrEEKeyTooSmall           = 66
	ErrCAKeyTooSmall           = 67
	ErrCAMDTooWeak             = 68
	ErrInvalidCA               = 79
	ErrUnableToDecodeIssuerKey = 6
)

// Params are the verification settings nginx hands to OpenSSL.
type Params struct {
	// AuthLevel is the SSL security level (Debian's default is 2).
	AuthLevel int
	// Depth is ssl_verify_depth: the most intermediates allowed.
	Depth int
	// Time is the verification instant.
	Time time.Time
	// Purpose is sslclient for client certificates.
	Purpose Purpose
	// CRLCheck turns on X509_V_FLAG_CRL_CHECK|CRL_CHECK_ALL, as ssl_crl does.
	CRLCheck bool
	// CRLs are the lists loaded by ssl_crl.
	CRLs []*x509.RevocationList
}

// Event is one error reported to the verify callback.
type Event struct {
	Code  int
	Depth int
}

// Result is the outcome of one verification.
type Result struct {
	// Chain is the chain OpenSSL built, leaf first.
	Chain []*Cert
	// Events are the errors in the order OpenSSL reported them.
	Events []Event
	// Trusted is true when the chain reached a trust anchor.
	Trusted bool
	// Undecided says why the model cannot tell what OpenSSL logs (a
	// signature it cannot check, e.g. on a curve Go lacks); "" otherwise.
	// Code is then only the model's best effort and must not be shown as
	// nginx's verdict.
	Undecided string
}

// Code is the error nginx logs: the last one reported, or 0.
func (r Result) Code() int {
	if len(r.Events) == 0 {
		return OK
	}
	return r.Events[len(r.Events)-1].Code
}

// First is the error `openssl verify` stops at: the first one reported.
func (r Result) First() Event {
	if len(r.Events) == 0 {
		return Event{}
	}
	return r.Events[0]
}

// Store is the trusted certificate store (ssl_client_certificate plus
// ssl_trusted_certificate), indexed by subject name.
type Store struct {
	bySubject map[string][]*Cert
}

// NewStore indexes trusted certificates by subject, keeping their order
// (OpenSSL tries same-named certificates in store order).
func NewStore(certs []*Cert) *Store {
	s := &Store{bySubject: map[string][]*Cert{}}
	for _, c := range certs {
		s.bySubject[c.subject] = append(s.bySubject[c.subject], c)
	}
	return s
}

// Contains reports whether c itself is in the store.
func (s *Store) Contains(c *Cert) bool {
	for _, t := range s.bySubject[c.subject] {
		if t == c || t.X.Equal(c.X) {
			return true
		}
	}
	return false
}

type verifier struct {
	p            Params
	store        *Store
	chain        []*Cert
	numUntrusted int
	events       []Event
	err          int // ctx->error, sticky
	undecided    string
}

// cannotCheck records that a signature by signer's key could not be
// checked, so that the result says the verdict is undecided.
func (v *verifier) cannotCheck(signer *Cert) {
	if v.undecided == "" {
		v.undecided = "the signature by " + signer.X.Subject.String() + " (an ECDSA " + signer.curve + " key) cannot be checked"
	}
}

func (v *verifier) fail(depth, code int) {
	v.err = code
	v.events = append(v.events, Event{Code: code, Depth: depth})
}

// Verify runs the model for leaf, with the certificates the client sent
// after it (untrusted) and the trusted store.
func Verify(leaf *Cert, untrusted []*Cert, store *Store, p Params) Result {
	v := &verifier{p: p, store: store, chain: []*Cert{leaf}, numUntrusted: 1}
	if store == nil {
		v.store = NewStore(nil)
	}
	if !v.keyLevelOK(leaf) {
		v.fail(0, ErrEEKeyTooSmall)
	}
	trusted := v.buildChain(untrusted)
	v.checkExtensions()
	v.checkAuthLevel()
	if p.CRLCheck {
		v.checkRevocation()
	}
	v.internalVerify()
	v.checkNameConstraints()
	return Result{Chain: v.chain, Events: v.events, Trusted: trusted, Undecided: v.undecided}
}

const (
	trustUntrusted = iota
	trustTrusted
)

// buildChain follows build_chain with X509_V_FLAG_TRUSTED_FIRST (the
// default since OpenSSL 1.1.0) and no DANE.
func (v *verifier) buildChain(untrusted []*Cert) bool {
	const (
		doUntrusted = 1 << iota
		doTrusted
	)
	pool := append([]*Cert(nil), untrusted...)
	search := doTrusted
	if len(untrusted) > 0 {
		search |= doUntrusted
	}
	maxDepth := v.p.Depth + 1
	trust := trustUntrusted

	for search != 0 {
		num := len(v.chain)
		if search&doTrusted != 0 {
			curr := v.chain[num-1]
			var issuer *Cert
			if num <= maxDepth {
				issuer = v.trustedIssuer(curr)
			}
			ok := issuer != nil
			if ok {
				ss := curr.selfSigned
				if !ss {
					v.chain = append(v.chain, issuer)
					ss = issuer.selfSigned
				} else if !curr.X.Equal(issuer.X) {
					ok = false
				} else {
					num--
					v.numUntrusted = num
					v.chain[num] = issuer
				}
				if ok {
					search &^= doUntrusted
					trust = v.checkTrust(num)
					if trust != trustUntrusted {
						break
					}
					if !ss {
						continue
					}
				}
			}
			if search&doUntrusted == 0 {
				break
			}
		}
		if search&doUntrusted != 0 {
			num = len(v.chain)
			curr := v.chain[num-1]
			var issuer *Cert
			idx := -1
			if !curr.selfSigned && num <= maxDepth {
				idx = v.findIssuer(pool, curr)
			}
			if idx < 0 {
				search &^= doUntrusted
				search |= doTrusted
				continue
			}
			issuer = pool[idx]
			pool = append(pool[:idx:idx], pool[idx+1:]...)
			v.chain = append(v.chain, issuer)
			v.numUntrusted++
		}
	}

	num := len(v.chain)
	if num <= maxDepth && trust == trustUntrusted && num == v.numUntrusted {
		trust = v.checkTrust(num)
	}
	if trust == trustTrusted {
		return true
	}
	switch v.err {
	case ErrCertNotYetValid, ErrCertHasExpired:
		return false
	case OK:
	default:
		// A preliminary error (the leaf key level) becomes final.
		v.fail(num-1, v.err)
		return false
	}
	if num > maxDepth {
		v.fail(num-1, ErrCertChainTooLong)
	}
	if v.chain[num-1].selfSigned {
		if num == 1 {
			v.fail(num-1, ErrDepthZeroSelfSigned)
		} else {
			v.fail(num-1, ErrSelfSignedCertInChain)
		}
		return false
	}
	if v.numUntrusted < num {
		v.fail(num-1, ErrUnableToGetIssuerCert)
	} else {
		v.fail(num-1, ErrUnableToGetIssuerLocal)
	}
	return false
}

// checkTrust mirrors check_trust for certificates without auxiliary trust:
// a self-signed certificate that came from the store is a trust anchor.
func (v *verifier) checkTrust(from int) int {
	for i := from; i < len(v.chain); i++ {
		if v.chain[i].selfSigned {
			return trustTrusted
		}
	}
	return trustUntrusted
}

func (v *verifier) timeValid(c *Cert) bool {
	t := v.p.Time
	return !c.X.NotBefore.After(t) && c.X.NotAfter.After(t)
}

// trustedIssuer mirrors X509_STORE_CTX_get1_issuer: the first same-named
// certificate that likely issued curr and is currently valid, else the
// matching one that expires last.
func (v *verifier) trustedIssuer(curr *Cert) *Cert {
	var best *Cert
	for _, c := range v.store.bySubject[curr.issuer] {
		if !LikelyIssued(c, curr) {
			continue
		}
		if v.timeValid(c) {
			return c
		}
		if best == nil || c.X.NotAfter.After(best.X.NotAfter) {
			best = c
		}
	}
	return best
}

// findIssuer mirrors find_issuer over the client's chain.
func (v *verifier) findIssuer(pool []*Cert, x *Cert) int {
	best := -1
	for i, c := range pool {
		if !LikelyIssued(c, x) {
			continue
		}
		if !(x.selfIssued && len(v.chain) == 1) && v.inChain(c) {
			continue
		}
		if v.timeValid(c) {
			return i
		}
		if best < 0 || c.X.NotAfter.After(pool[best].X.NotAfter) {
			best = i
		}
	}
	return best
}

func (v *verifier) inChain(c *Cert) bool {
	for _, x := range v.chain {
		if x == c || x.X.Equal(c.X) {
			return true
		}
	}
	return false
}

// checkExtensions mirrors check_extensions (without proxy certificates and
// strict mode, which nginx never enables).
func (v *verifier) checkExtensions() {
	mustBeCA := -1
	plen := 0
	num := len(v.chain)
	for i, x := range v.chain {
		if x.critUnhandled {
			v.fail(i, ErrUnhandledCriticalExt)
		}
		ret := x.CheckCA()
		if mustBeCA > 0 && (ret == 0 || (i+1 < num && ret != 1)) {
			v.fail(i, ErrInvalidCA)
		}
		if num > 1 && x.explicitCurve {
			v.fail(i, ErrECKeyExplicitParams)
		}
		if v.p.Purpose != PurposeNone && !x.CheckPurpose(v.p.Purpose, mustBeCA > 0) {
			v.fail(i, ErrInvalidPurpose)
		}
		if i > 1 && x.pathLen != -1 && plen > x.pathLen {
			v.fail(i, ErrPathLengthExceeded)
		}
		if i > 0 && !x.selfIssued {
			plen++
		}
		mustBeCA = 1
	}
}

func (v *verifier) keyLevelOK(c *Cert) bool {
	return v.p.AuthLevel <= 0 || c.keyBits >= minBits(v.p.AuthLevel)
}

func (v *verifier) sigLevelOK(c *Cert) bool {
	return v.p.AuthLevel <= 0 || c.sigBits >= minBits(v.p.AuthLevel)
}

// minBits is OpenSSL's minbits_table for security levels 1-5.
func minBits(level int) int {
	table := [...]int{80, 112, 128, 192, 256}
	if level > len(table) {
		level = len(table)
	}
	return table[level-1]
}

// MinBits is the security-bit floor of an OpenSSL security level (0 for level 0).
func MinBits(level int) int {
	if level <= 0 {
		return 0
	}
	return minBits(level)
}

func (v *verifier) checkAuthLevel() {
	if v.p.AuthLevel <= 0 {
		return
	}
	num := len(v.chain)
	for i, c := range v.chain {
		if i > 0 && !v.keyLevelOK(c) {
			v.fail(i, ErrCAKeyTooSmall)
		}
		if i < num-1 && !v.sigLevelOK(c) {
			v.fail(i, ErrCAMDTooWeak)
		}
	}
}

// checkRevocation mirrors check_revocation with CRL_CHECK_ALL: every
// certificate in the chain, the trust anchor included, needs a CRL.
func (v *verifier) checkRevocation() {
	last := len(v.chain) - 1
	for i := 0; i <= last; i++ {
		x := v.chain[i]
		crl := v.findCRL(x)
		if crl == nil {
			v.fail(i, ErrUnableToGetCRL)
			continue
		}
		var issuer *Cert
		if i < last {
			issuer = v.chain[i+1]
		} else {
			issuer = v.chain[last]
			if !LikelyIssued(issuer, issuer) {
				v.fail(i, ErrUnableToGetCRLIssuer)
			}
		}
		if issuer.hasKU && issuer.ku&x509.KeyUsageCRLSign == 0 {
			v.fail(i, ErrKeyUsageNoCRLSign)
		}
		if crl.ThisUpdate.After(v.p.Time) {
			v.fail(i, ErrCRLNotYetValid)
		} else if !crl.NextUpdate.IsZero() && !crl.NextUpdate.After(v.p.Time) {
			v.fail(i, ErrCRLHasExpired)
		}
		switch crlSignedBy(crl, issuer) {
		case sigBad:
			v.fail(i, ErrCRLSignatureFailure)
		case sigUnknown:
			v.cannotCheck(issuer)
		}
		// cert_crl: critical extensions change what the entries mean.
		if crlCriticalUnhandled(crl) {
			v.fail(i, ErrUnhandledCriticalCRLExt)
		}
		for _, r := range crl.RevokedCertificateEntries {
			if r.SerialNumber.Cmp(x.X.SerialNumber) == 0 {
				if r.ReasonCode != 8 { // removeFromCRL
					v.fail(i, ErrCertRevoked)
				}
				break
			}
		}
	}
}

// findCRL picks the CRL for x the way get_crl_score ranks them: the
// issuer name must match; a CRL valid now beats one that is not.
func (v *verifier) findCRL(x *Cert) *x509.RevocationList {
	var best *x509.RevocationList
	for _, crl := range v.p.CRLs {
		if CanonicalName(crl.RawIssuer) != x.issuer {
			continue
		}
		valid := !crl.ThisUpdate.After(v.p.Time) && (crl.NextUpdate.IsZero() || crl.NextUpdate.After(v.p.Time))
		if valid {
			return crl
		}
		if best == nil {
			best = crl
		}
	}
	return best
}

// crlCriticalUnhandled mirrors crl_cb and crl_set_issuers: a critical
// CRL extension other than issuingDistributionPoint, authorityKeyIdentifier
// and deltaCRLIndicator, or a critical entry extension other than
// certificateIssuer, makes OpenSSL refuse the CRL (36).
func crlCriticalUnhandled(crl *x509.RevocationList) bool {
	for _, e := range crl.Extensions {
		if e.Critical && !(e.Id.Equal(oidIssuingDP) || e.Id.Equal(oidAuthorityKeyID) || e.Id.Equal(oidDeltaCRL)) {
			return true
		}
	}
	for _, r := range crl.RevokedCertificateEntries {
		for _, e := range r.Extensions {
			if e.Critical && !e.Id.Equal(oidCertificateIssuer) {
				return true
			}
		}
	}
	return false
}

var (
	oidIssuingDP         = asn1.ObjectIdentifier{2, 5, 29, 28}
	oidDeltaCRL          = asn1.ObjectIdentifier{2, 5, 29, 27}
	oidCertificateIssuer = asn1.ObjectIdentifier{2, 5, 29, 29}
)

// crlSignedBy checks the signature even where Go refuses the parent
// (a CA certificate without the usual CA markings).
func crlSignedBy(crl *x509.RevocationList, issuer *Cert) sigResult {
	oid, equal := sigOID(crl.Raw)
	if !equal {
		return sigBad
	}
	return verifySignature(issuer, oid, crl.SignatureAlgorithm, crl.RawTBSRevocationList, crl.Signature)
}

// internalVerify mirrors internal_verify: signatures from the top down,
// then validity periods.
func (v *verifier) internalVerify() {
	n := len(v.chain) - 1
	xi := v.chain[n]
	xs := xi
	if !LikelyIssued(xi, xi) {
		if n > 0 {
			n--
			xs = v.chain[n]
		} else {
			v.fail(0, ErrUnableToVerifyLeafSig)
		}
	}
	for n >= 0 {
		if xs != xi {
			if xi.hasKU && xi.ku&x509.KeyUsageCertSign == 0 {
				v.fail(n+1, ErrKeyUsageNoCertSign)
			}
			if xi.keyAlg == "" {
				v.fail(n+1, ErrUnableToDecodeIssuerKey)
			} else {
				switch signedBy(xs, xi) {
				case sigBad:
					v.fail(n, ErrCertSignatureFailure)
				case sigUnknown:
					v.cannotCheck(xi)
				}
			}
		}
		v.checkTime(xs, n)
		n--
		if n >= 0 {
			xi = xs
			xs = v.chain[n]
		}
	}
}

func (v *verifier) checkTime(c *Cert, depth int) {
	if c.X.NotBefore.After(v.p.Time) {
		v.fail(depth, ErrCertNotYetValid)
	}
	if !c.X.NotAfter.After(v.p.Time) {
		v.fail(depth, ErrCertHasExpired)
	}
}

func signedBy(child, parent *Cert) sigResult {
	if r, ok := child.sigs.Load(parent); ok {
		return r.(sigResult)
	}
	r := sigBad
	if child.sigAlgsEqual {
		r = verifySignature(parent, child.sigOID, child.X.SignatureAlgorithm, child.X.RawTBSCertificate, child.X.Signature)
	}
	child.sigs.Store(parent, r)
	return r
}

// SignedBy reports whether parent's key made child's signature, whatever
// the algorithm's strength (OpenSSL judges strength separately). A
// signature the model cannot check counts as made.
func SignedBy(child, parent *Cert) bool { return signedBy(child, parent) != sigBad }
