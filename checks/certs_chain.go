package checks

import (
	"crypto/sha256"
	"crypto/x509"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/catalogue"
	"github.com/mtlsdoctor/mtlsdoctor/certset"
	"github.com/mtlsdoctor/mtlsdoctor/opensslverify"
	"github.com/mtlsdoctor/mtlsdoctor/report"
)

// This file holds what chain verification finds: every leaf of the set is
// verified as nginx would verify it, and each error OpenSSL reports becomes
// a finding about the certificate that causes it, made by the rule of its
// code in chainRules.

// chainEvent is the input of a chain rule: one error OpenSSL reports
// while it verifies leaf.
type chainEvent struct {
	r    *run
	leaf *certState
	// at is the certificate at the error's depth, info OpenSSL's view of
	// it; both are leaf's when that certificate is not in the set.
	at   *certState
	info *opensslverify.Cert
	code int
	// depth is where in the chain the error is: 0 is the leaf.
	depth int
	// codes holds every code of this verification.
	codes map[int]bool
	// server is true when leaf is judged for TLS server use.
	server bool
}

// chainRule turns one verification error into a finding; false when the
// error says nothing new (another code of the same verification says it
// better).
type chainRule func(ev *chainEvent) (report.Finding, bool)

// chainRules are the rules of the verify codes; any other code is
// reported by rejected.
var chainRules = map[int]chainRule{
	opensslverify.ErrEEKeyTooSmall:          weakKey,
	opensslverify.ErrCAKeyTooSmall:          weakKey,
	opensslverify.ErrCAMDTooWeak:            weakSignature,
	opensslverify.ErrDepthZeroSelfSigned:    selfSigned,
	opensslverify.ErrSelfSignedCertInChain:  untrustedRoot,
	opensslverify.ErrUnableToGetIssuerCert:  missingRoot,
	opensslverify.ErrUnableToGetIssuerLocal: unknownIssuer,
	opensslverify.ErrUnableToVerifyLeafSig:  unknownIssuer,
	opensslverify.ErrCertChainTooLong:       chainTooLong,
	opensslverify.ErrPathLengthExceeded:     pathLength,
	opensslverify.ErrCertSignatureFailure:   badSignature,
	opensslverify.ErrCertNotYetValid:        notYetValid,
	opensslverify.ErrCertHasExpired:         expired,
	opensslverify.ErrCertRevoked:            revoked,
	opensslverify.ErrUnableToGetCRL:         noCRL,
	opensslverify.ErrCRLHasExpired:          crlExpired,
	opensslverify.ErrCRLNotYetValid:         crlNotYetValid,
	opensslverify.ErrCRLSignatureFailure:    crlUnusable,
	opensslverify.ErrKeyUsageNoCRLSign:      crlUnusable,
	opensslverify.ErrUnableToGetCRLIssuer:   crlUnusable,
	opensslverify.ErrInvalidPurpose:         wrongPurpose,
	opensslverify.ErrInvalidCA:              notACA,
	opensslverify.ErrKeyUsageNoCertSign:     notACA,
	opensslverify.ErrPermittedViolation:     nameConstraints,
	opensslverify.ErrExcludedViolation:      nameConstraints,
	opensslverify.ErrSubtreeMinMax:          nameConstraints,
	opensslverify.ErrUnsupportedConstraint:  nameConstraints,
	opensslverify.ErrUnsupportedNameSyntax:  nameConstraints,
	opensslverify.ErrUnhandledCriticalExt:   criticalExtension,
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
	isAnchor := map[*opensslverify.Cert]bool{}
	for _, a := range anchors {
		isAnchor[a] = true
	}
	// Every certificate a client could present gets the verdict nginx
	// would log for it: all but the trust anchors themselves, and those
	// too when they sit where a client's certificate does.
	r.leafFiles = holdingLeaves(r.certs)
	var leaves []*certState
	for _, s := range r.certs {
		if !isAnchor[s.info] || r.presentable(s) {
			leaves = append(leaves, s)
		}
	}
	parallel(len(leaves), func(i int) {
		s := leaves[i]
		res := opensslverify.Verify(s.info, r.poolFor(s, pool), store, p)
		s.result = &res
		s.verdict = Verdict(res.Code())
		if res.Undecided != "" {
			// No invented code: say plainly that it cannot be computed.
			s.verdict = ""
			v := r.certVars(s)
			v["reason"] = res.Undecided
			v["ca_file"] = r.caFileName()
			r.add(certSubject(s), certFinding(s, catalogue.VerdictUndecidedText, v))
			return
		}
		if isCA(s.role) {
			// A CA's verdict says what nginx does if a client sends it;
			// its findings come from what it signs, unless it is where a
			// client's certificate goes.
			if res.Code() != opensslverify.OK && r.presentable(s) {
				r.add(certSubject(s), r.caSentAsClient(s, res.Code()))
			}
			return
		}
		if s.role != RoleServer {
			r.explain(s, res, false)
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
		r.explain(s, sres, true)
	})
}

// presentable reports whether s is where a client's certificate would be:
// the certificate doctor's --cert names, one in a PKCS#12 file, or one in
// a file named for a client.
func (r *run) presentable(s *certState) bool {
	if r.o.Presented != ([32]byte{}) && s.c.SHA256 == r.o.Presented {
		return true
	}
	return r.clientPlace(s) != ""
}

// clientPlace is the first file that holds s where a client's
// certificate goes: a PKCS#12 file or a file named for a client. A CA
// certificate beside a client's own in such a file is its chain, not
// what the client presents.
func (r *run) clientPlace(s *certState) string {
	for _, src := range s.c.Sources {
		base := strings.ToLower(filepath.Base(src.File))
		if src.Encoding == certset.EncodingPKCS12 || (nameHint(base) == RoleClient && !caFileName(base)) {
			if isCA(s.role) && r.leafFiles[src.File] {
				continue
			}
			return src.File
		}
	}
	return ""
}

// holdingLeaves are the files that hold a certificate that is not a CA.
func holdingLeaves(certs []*certState) map[string]bool {
	out := map[string]bool{}
	for _, s := range certs {
		if !isCA(s.role) {
			for _, src := range s.c.Sources {
				out[src.File] = true
			}
		}
	}
	return out
}

// caFileName reports whether a file name says it holds CAs, as nginx's
// client-ca.pem, clientCA.crt or client-chain.pem do: a word of it ends
// in "ca" or "cas", or is root, chain, bundle or trust(ed).
func caFileName(base string) bool {
	base = strings.TrimSuffix(base, filepath.Ext(base))
	words := strings.FieldsFunc(base, func(c rune) bool { return !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') })
	for _, w := range words {
		switch {
		case strings.HasSuffix(w, "ca"), strings.HasSuffix(w, "cas"),
			w == "root", w == "roots", w == "chain", w == "bundle", w == "trust", w == "trusted", w == "cacert":
			return true
		}
	}
	return false
}

// caSentAsClient is the finding about CA certificate s where a client's
// certificate goes, which nginx rejects with code.
func (r *run) caSentAsClient(s *certState, code int) report.Finding {
	v := r.certVars(s)
	if f := r.clientPlace(s); f != "" {
		v["cert"] = f
	}
	v["error"], v["meaning"] = OpenSSLError(code), verifyCode(code).Meaning
	caCrt := "ca.crt"
	for _, src := range s.c.Sources {
		if src.Encoding == certset.EncodingPEM {
			caCrt = src.File
			break
		}
	}
	v["ca_crt"], v["ca_key"] = caCrt, keyOr(s, "ca.key")
	if strings.HasSuffix(v["ca_key"], ".p12") || strings.HasSuffix(v["ca_key"], ".pfx") {
		v["ca_key"] = "ca.key"
	}
	v["new_client"] = catalogue.Fill(catalogue.NewClientCmd, v)
	f := certFinding(s, catalogue.CASentAsClientText, v)
	if place := r.clientPlace(s); place != "" {
		f.File = place
	}
	if code != opensslverify.ErrInvalidPurpose {
		f.ID = catalogue.Untrusted
	}
	f.OpenSSLError, f.Code = OpenSSLError(code), code
	return f
}

// poolFor is the part of the set's intermediates that can be in s's
// chain: those reached from s's issuer name upwards, in the set's order
// (OpenSSL takes the first match, so order matters). With thousands of
// leaves and many intermediates, each verification then looks only at
// its own branch.
func (r *run) poolFor(s *certState, pool []*opensslverify.Cert) []*opensslverify.Cert {
	if len(pool) < 8 {
		return pool
	}
	names := map[string]bool{}
	next := []string{s.info.IssuerKey()}
	for len(next) > 0 {
		n := next[len(next)-1]
		next = next[:len(next)-1]
		if names[n] {
			continue
		}
		names[n] = true
		for _, c := range r.bySubject[n] {
			if c.role == RoleIntermediate {
				next = append(next, c.info.IssuerKey())
			}
		}
	}
	var out []*opensslverify.Cert
	for _, c := range pool {
		if names[c.SubjectKey()] {
			out = append(out, c)
		}
	}
	return out
}

// serverIgnores are the codes that say nothing about a server certificate
// judged against the client CAs of the set: trust and client-depth errors.
var serverIgnores = map[int]bool{
	opensslverify.ErrUnableToGetIssuerCert: true, opensslverify.ErrDepthZeroSelfSigned: true,
	opensslverify.ErrSelfSignedCertInChain: true, opensslverify.ErrUnableToGetIssuerLocal: true,
	opensslverify.ErrUnableToVerifyLeafSig: true, opensslverify.ErrCertChainTooLong: true,
}

// posesAsSelfSigned reports whether OpenSSL takes c for self-signed
// (EXFLAG_SS) though its own key did not sign it: a leaf with its CA's
// subject and no authorityKeyIdentifier to tell them apart.
func posesAsSelfSigned(c *opensslverify.Cert) bool {
	return c.SelfSigned() && !opensslverify.SignedBy(c, c)
}

// explain turns each error OpenSSL would report for leaf s into a finding
// about the certificate that causes it.
func (r *run) explain(s *certState, res opensslverify.Result, server bool) {
	final := res.Code()
	codes := map[int]bool{}
	for _, e := range res.Events {
		codes[e.Code] = true
	}
	for _, e := range res.Events {
		if server && serverIgnores[e.Code] && !(e.Code == opensslverify.ErrDepthZeroSelfSigned && posesAsSelfSigned(s.info)) {
			// A server certificate with its CA's subject and nothing
			// to tell them apart is "self-signed" to every TLS client
			// too: that one is news.
			continue
		}
		ev := &chainEvent{r: r, leaf: s, at: s, info: s.info, code: e.Code, depth: e.Depth, codes: codes, server: server}
		if e.Depth < len(res.Chain) {
			if at := r.stateOf(res.Chain[e.Depth]); at != nil {
				ev.at, ev.info = at, res.Chain[e.Depth]
			}
		}
		rule := chainRules[e.Code]
		if rule == nil {
			rule = rejected
		}
		f, ok := rule(ev)
		if !ok {
			continue
		}
		if !server && e.Code == final {
			f.OpenSSLError = OpenSSLError(final)
			f.Code = final
		}
		r.add(certSubject(ev.at), f)
	}
}

// stateOf is the state of a certificate of a chain: the set's, else one
// made for a certificate of the trust store, named by the CA file it came
// from, so that its faults are blamed on it and not on the leaf.
func (r *run) stateOf(info *opensslverify.Cert) *certState {
	if s := r.byInfo[info]; s != nil {
		return s
	}
	r.outsideMu.Lock()
	defer r.outsideMu.Unlock()
	if s := r.outside[info]; s != nil {
		return s
	}
	c := &certset.Cert{X509: info.X, SHA256: sha256.Sum256(info.X.Raw)}
	if r.o.CAFile != "" {
		c.Files = []string{r.o.CAFile}
	}
	s := &certState{c: c, info: info, role: RoleIntermediate}
	if info.SelfSigned() {
		s.role = RoleCA
	}
	if r.outside == nil {
		r.outside = map[*opensslverify.Cert]*certState{}
	}
	r.outside[info] = s
	return s
}

// vars are the placeholders of a text about the event: those of the
// certificate at fault, plus the leaf and the code.
func (ev *chainEvent) vars() catalogue.Vars {
	v := ev.r.certVars(ev.at)
	v["leaf"] = display(ev.leaf)
	v["error"] = OpenSSLError(ev.code)
	v["meaning"] = verifyCode(ev.code).Meaning
	return v
}

// verifyCode is the verify-code table's entry for code (empty when the
// table has none).
func verifyCode(code int) catalogue.VerifyCode {
	c, _ := catalogue.Verify(code)
	return c
}

// signer is the CA that signs the certificate at fault again.
func (ev *chainEvent) signer() (caCrt, caKey string) {
	return ev.r.signer(ev.at, "ca.crt", "ca.key")
}

// reissue is the command that signs the certificate at fault again.
func (ev *chainEvent) reissue() string {
	caCrt, caKey := ev.signer()
	return reissueCmd(ev.at, caCrt, caKey)
}

// serverRefused adds to a weak server certificate's finding that nginx
// does not start with it; reason is OpenSSL's.
func (ev *chainEvent) serverRefused(f *report.Finding, reason string) {
	if ev.server && ev.depth == 0 {
		f.Explanation += " " + catalogue.Fill(catalogue.ServerCertRefused, catalogue.Vars{"cert": display(ev.leaf), "reason": reason})
	}
}

// weakKey: a key below the security level (66 for the leaf, 67 for a CA).
func weakKey(ev *chainEvent) (report.Finding, bool) {
	caCrt, caKey := ev.signer()
	leafServer := ev.server && ev.depth == 0 && ev.code == opensslverify.ErrEEKeyTooSmall
	f := ev.r.weakKeyFinding(ev.at, ev.info, ev.code, newKeyCmd(ev.at, caCrt, caKey), leafServer)
	if ev.code == opensslverify.ErrEEKeyTooSmall {
		ev.serverRefused(&f, "ee key too small")
	}
	return f, true
}

// weakSignature: a certificate signed with SHA-1 or MD5 (68).
func weakSignature(ev *chainEvent) (report.Finding, bool) {
	f := ev.r.weakSignatureFinding(ev.at, ev.reissue())
	ev.serverRefused(&f, "ca md too weak")
	return f, true
}

// weakKeyFinding is a weak-key finding about s, whose OpenSSL view is info
// (told as a server's own certificate when server is set).
func (r *run) weakKeyFinding(s *certState, info *opensslverify.Cert, code int, fix string, server bool) report.Finding {
	v := r.certVars(s)
	v["key_type"] = keyDesc(s.c.X509)
	v["bits"] = strconv.Itoa(info.KeyBits())
	v["meaning"] = verifyCode(code).Meaning
	v["new_key"] = fix
	if server {
		return certFinding(s, catalogue.WeakServerKeyText, v)
	}
	return certFinding(s, catalogue.WeakKeyText, v)
}

// weakSignatureFinding is a weak-signature finding about s; it quotes what
// the verify-code table says of code 68.
func (r *run) weakSignatureFinding(s *certState, fix string) report.Finding {
	v := r.certVars(s)
	v["digest"] = digestName(s.c.X509)
	v["causes"] = verifyCode(opensslverify.ErrCAMDTooWeak).Causes
	v["reissue"] = fix
	return certFinding(s, catalogue.WeakSignatureText, v)
}

// selfSigned: 18, a leaf that is its own issuer, or only looks like it.
func selfSigned(ev *chainEvent) (report.Finding, bool) {
	v := ev.vars()
	if ev.info.SelfIssued() && !opensslverify.SignedBy(ev.info, ev.info) {
		caCrt, caKey := ev.signer()
		v["cn"] = newSubjectCN(ev.at, caCrt, caKey)
		v["reissue_new_subject"] = reissueNewSubject(ev.at, caCrt, caKey)
		return certFinding(ev.at, catalogue.SelfIssuedNoAKIDText, v), true
	}
	v["reissue"] = ev.reissue()
	if ev.at.role == RoleClient {
		// A client's own self-signed certificate (OpenSSL 3's req -x509
		// marks it CA:TRUE): signed anew as a client's, not with its
		// extensions.
		caCrt, caKey := ev.signer()
		v["reissue"] = reissueClient(ev.at, caCrt, caKey)
	}
	return certFinding(ev.at, catalogue.SelfSignedText, v), true
}

// untrustedRoot: 19, the leaf chains to a root that is not trusted.
func untrustedRoot(ev *chainEvent) (report.Finding, bool) {
	v := ev.vars()
	v["root"] = display(ev.at)
	if top := ev.r.byInfo[ev.leaf.result.Chain[len(ev.leaf.result.Chain)-1]]; top != nil {
		v["root"] = display(top)
	}
	return certFinding(ev.leaf, catalogue.UntrustedRootText, v), true
}

// missingRoot: 2, the CA file holds an intermediate but not its root.
func missingRoot(ev *chainEvent) (report.Finding, bool) {
	if ev.codes[opensslverify.ErrCertChainTooLong] {
		return report.Finding{}, false
	}
	return certFinding(ev.at, catalogue.MissingRootText, ev.vars()), true
}

// unknownIssuer: 20 and 21, no trusted CA issued the leaf.
func unknownIssuer(ev *chainEvent) (report.Finding, bool) {
	if ev.codes[opensslverify.ErrCertChainTooLong] {
		return report.Finding{}, false
	}
	if ev.codes[opensslverify.ErrUnableToVerifyLeafSig] && ev.code == opensslverify.ErrUnableToGetIssuerLocal {
		return report.Finding{}, false // the 21 that follows says it better
	}
	r, leaf := ev.r, ev.leaf
	v := r.certVars(leaf)
	v["trust"] = r.trustDesc()
	cause := catalogue.NoIssuerCause
	for _, c := range r.certs {
		if c != leaf && c.info.SubjectKey() == leaf.info.IssuerKey() && isCA(c.role) {
			cause = catalogue.RegeneratedIssuerCause
			break
		}
	}
	var bad *certState
	if leaf.info.InvalidExtension() != "" {
		bad = leaf
	} else {
		for _, c := range r.certs {
			if c.info.InvalidExtension() != "" && c.info.SubjectKey() == leaf.info.IssuerKey() {
				bad = c
				break
			}
		}
	}
	if bad != nil {
		cause = catalogue.InvalidExtensionCause
		v["extension"], v["bad"], v["bad_file"] = bad.info.InvalidExtension(), display(bad), display(bad)
		if len(bad.c.Files) > 0 {
			v["bad_file"] = bad.c.Files[0]
		}
	}
	v["cause"] = catalogue.Fill(cause, v)
	text := catalogue.UnknownIssuerText
	if ev.code == opensslverify.ErrUnableToVerifyLeafSig {
		text = catalogue.LeafOnlyText
	}
	f := certFinding(leaf, text, v)
	switch {
	case bad != nil:
		f.Fix = catalogue.Fill(catalogue.InvalidExtensionFix, v)
	case r.o.CA != nil:
		v["ca_file"], v["ca_key"] = r.o.CAFile, stem(r.o.CAFile)+".key"
		crt, key := v["ca_file"], v["ca_key"]
		if c, k, ok := r.trustedSigner(); ok {
			// The CA the set holds with its key, in a file of its own.
			crt, key, v["ca_key"] = c, k, k
		}
		v["reissue"] = reissueClient(leaf, crt, key)
		f.Fix = catalogue.Fill(catalogue.UntrustedCAFileFix, v)
	}
	return f, true
}

func (r *run) trustDesc() string {
	if r.o.CA != nil {
		return r.o.CAFile
	}
	return "the set"
}

// chainTooLong: 22, more intermediates than ssl_verify_depth allows.
func chainTooLong(ev *chainEvent) (report.Finding, bool) {
	r := ev.r
	v := ev.vars()
	v["depth"] = strconv.Itoa(r.o.VerifyDepth)
	v["chain_len"] = strconv.Itoa(len(ev.leaf.result.Chain))
	v["final_error"] = OpenSSLError(ev.leaf.result.Code())
	v["new_depth"] = strconv.Itoa(r.o.VerifyDepth + r.countIntermediates(ev.leaf))
	f := certFinding(ev.leaf, catalogue.ChainTooDeepText, v)
	// OpenSSL stops building at the depth and then often finds no
	// issuer: what nginx logs is the final error, not 22.
	f.OpenSSLError, f.Code = v["final_error"], int(ev.leaf.result.Code())
	return f, true
}

func (r *run) countIntermediates(leaf *certState) int {
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

// pathLength: 25, a CA's pathlen forbids the intermediate below it.
func pathLength(ev *chainEvent) (report.Finding, bool) {
	return certFinding(ev.at, catalogue.PathLenText, ev.vars()), true
}

// badSignature: 7, the CA of that name did not sign the certificate.
func badSignature(ev *chainEvent) (report.Finding, bool) {
	v := ev.vars()
	v["reissue"] = ev.reissue()
	return certFinding(ev.at, catalogue.BadSignatureText, v), true
}

// notYetValid: 9, a certificate of the chain starts in the future.
func notYetValid(ev *chainEvent) (report.Finding, bool) {
	return certFinding(ev.at, catalogue.NotYetValidText, ev.r.datesVars(ev.at)), true
}

// expired: 10, a certificate of the chain has expired.
func expired(ev *chainEvent) (report.Finding, bool) {
	return certFinding(ev.at, catalogue.ExpiredText, ev.r.datesVars(ev.at)), true
}

// datesVars are the placeholders of the texts about s's validity period,
// whether chain verification or its own dates show it.
func (r *run) datesVars(s *certState) catalogue.Vars {
	x := s.c.X509
	v := r.certVars(s)
	v["not_before"] = x.NotBefore.UTC().Format(time.RFC3339)
	v["not_after"] = x.NotAfter.UTC().Format(time.RFC3339)
	caCrt, caKey := r.signer(s, "ca.crt", "ca.key")
	v["reissue"] = reissueCmd(s, caCrt, caKey)
	return v
}

// revoked: 23, the certificate's serial is in its issuer's CRL.
func revoked(ev *chainEvent) (report.Finding, bool) {
	v := ev.vars()
	v["reissue"] = ev.reissue()
	return certFinding(ev.at, catalogue.RevokedText, v), true
}

// noCRL: 3, ssl_crl has no CRL for one of the chain's CAs.
func noCRL(ev *chainEvent) (report.Finding, bool) {
	return certFinding(ev.at, catalogue.NoCRLText, ev.vars()), true
}

// crlExpired: 12, the CRL's nextUpdate has passed.
func crlExpired(ev *chainEvent) (report.Finding, bool) {
	return certFinding(ev.at, catalogue.CRLExpiredText, ev.vars()), true
}

// crlNotYetValid: 11, the CRL starts in the future.
func crlNotYetValid(ev *chainEvent) (report.Finding, bool) {
	return certFinding(ev.at, catalogue.CRLNotYetValidText, ev.vars()), true
}

// crlUnusable: 8, 33 and 35, a CRL its CA did not (or may not) sign.
func crlUnusable(ev *chainEvent) (report.Finding, bool) {
	return certFinding(ev.at, catalogue.CRLUnusableText, ev.vars()), true
}

// wrongPurpose: 26, a leaf not made for TLS client (or, judged as a
// server, server) authentication, or a CA that may not issue clients.
func wrongPurpose(ev *chainEvent) (report.Finding, bool) {
	v := ev.vars()
	x := ev.at.c.X509
	v["eku"], v["ku"] = ekuDesc(x), kuDesc(x)
	switch {
	case ev.depth == 0 && ev.server:
		return certFinding(ev.at, catalogue.ServerPurposeText, v), true
	case ev.depth == 0:
		caCrt, caKey := ev.signer()
		v["reissue_client"] = reissueClient(ev.at, caCrt, caKey)
		return certFinding(ev.at, catalogue.ClientPurposeText, v), true
	case ev.info.CheckCA() == 0:
		return report.Finding{}, false // reported as not-a-ca (79/32)
	}
	return ev.r.caPurposeFinding(ev.at), true
}

// caPurposeFinding is the finding about a CA whose extendedKeyUsage leaves
// out clientAuth.
func (r *run) caPurposeFinding(s *certState) report.Finding {
	v := r.certVars(s)
	v["meaning"] = verifyCode(opensslverify.ErrInvalidPurpose).Meaning
	return certFinding(s, catalogue.CAPurposeText, v)
}

// notACA: 79 and 32, a certificate that signs others is not a CA.
func notACA(ev *chainEvent) (report.Finding, bool) {
	return ev.r.notCAFinding(ev.at), true
}

// notCAFinding says how s, which signs certificates, fails to be a CA.
func (r *run) notCAFinding(s *certState) report.Finding {
	x := s.c.X509
	text := catalogue.NotACANoBasicConstraintsText
	switch {
	case s.info.CheckCA() != 0 && x.KeyUsage&x509.KeyUsageCertSign == 0:
		text = catalogue.NotACANoCertSignText
	case x.BasicConstraintsValid && !x.IsCA:
		text = catalogue.NotACACAFalseText
	case hasExt(x, "2.5.29.15") && x.KeyUsage&x509.KeyUsageCertSign == 0:
		text = catalogue.NotACANoCertSignText
	}
	v := r.certVars(s)
	v["base"] = stem(first(s.c.Files))
	f := certFinding(s, text, v)
	if s.role == RoleCA && opensslverify.SignedBy(s.info, s.info) {
		// No one else can sign a root again: it is made anew, with its
		// own key and subject, so that what it signed still chains to it.
		v["regen"] = regenRootCmd(s, false)
		f.Fix = catalogue.Fill(catalogue.NotACARootFix, v)
	}
	return f
}

// nameConstraints: 47 to 53, names outside a CA's nameConstraints.
func nameConstraints(ev *chainEvent) (report.Finding, bool) {
	v := ev.vars()
	v["ca"] = ev.r.constrainingCA(ev.leaf)
	v["names"] = namesOf(ev.at.c.X509)
	v["reissue"] = ev.reissue()
	return certFinding(ev.at, catalogue.NameConstraintsText, v), true
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

// criticalExtension: 34, a critical extension OpenSSL does not know.
func criticalExtension(ev *chainEvent) (report.Finding, bool) {
	v := ev.vars()
	v["reissue"] = ev.reissue()
	return certFinding(ev.at, catalogue.CriticalExtensionText, v), true
}

// rejected is any other code: what the code means.
func rejected(ev *chainEvent) (report.Finding, bool) {
	v := ev.vars()
	v["reissue"] = ev.reissue()
	return certFinding(ev.at, catalogue.RejectedText, v), true
}
