package checks

import (
	"strconv"
	"strings"

	"github.com/mtlsdoctor/mtlsdoctor/catalogue"
	"github.com/mtlsdoctor/mtlsdoctor/certset"
	"github.com/mtlsdoctor/mtlsdoctor/finding"
	"github.com/mtlsdoctor/mtlsdoctor/opensslverify"
	"github.com/mtlsdoctor/mtlsdoctor/report"
)

// This file holds the rules about one certificate on its own, the findings
// that do not need chain verification (a CA file alone, as with
// ssl_client_certificate, still gets them).

// certRule judges one certificate of the set; every finding it returns is
// about that certificate.
type certRule func(r *run, s *certState) []report.Finding

// certRules run in this order on each certificate.
var certRules = []certRule{
	dates,
	sameSubjectAsCA,
	signsButNotCA,
	missingSAN,
	hostnameMismatch,
	weakCASignature,
	weakCAKey,
	needsPEM,
	trustedFormat,
	strictChecks,
	rootWithoutClientAuth,
	duplicateSerial,
}

// checkCerts runs certRules on every certificate.
func (r *run) checkCerts() {
	r.groupSerials()
	for _, s := range r.certs {
		for _, rule := range certRules {
			for _, f := range rule(r, s) {
				r.add(certSubject(s), f)
			}
		}
	}
}

// one is a rule's answer when it found something.
func one(f report.Finding) []report.Finding { return []report.Finding{f} }

// dates: not valid yet, expired, or expiring within --expires-within.
func dates(r *run, s *certState) []report.Finding {
	x := s.c.X509
	at := r.o.At
	switch {
	case x.NotBefore.After(at):
		return one(certFinding(s, catalogue.NotYetValidText, r.datesVars(s)))
	case !x.NotAfter.After(at):
		return one(certFinding(s, catalogue.ExpiredText, r.datesVars(s)))
	case r.o.ExpiresWithin > 0 && x.NotAfter.Sub(at) < r.o.ExpiresWithin:
		v := r.datesVars(s)
		v["days"] = strconv.Itoa(int(x.NotAfter.Sub(at).Hours() / 24))
		v["date"] = x.NotAfter.UTC().Format("2006-01-02")
		v["within"] = r.o.ExpiresWithin.String()
		return one(certFinding(s, catalogue.ExpiresSoonText, v))
	}
	return nil
}

// sameSubjectAsCA: a leaf with its CA's subject that OpenSSL still tells
// apart through the authorityKeyIdentifier; it works, but is fragile.
func sameSubjectAsCA(r *run, s *certState) []report.Finding {
	if !s.info.SelfIssued() || isCA(s.role) || s.info.SelfSigned() {
		return nil
	}
	f := certFinding(s, catalogue.SameSubjectText, r.certVars(s))
	f.Severity = finding.Warning
	return one(f)
}

// signsButNotCA: a certificate that signed another one of the set but is
// not marked as a CA.
func signsButNotCA(r *run, s *certState) []report.Finding {
	if !isCA(s.role) || !s.issues || s.info.CheckCA() == 1 || (s.role == RoleCA && s.info.CheckCA() != 0) {
		return nil
	}
	return one(r.notCAFinding(s))
}

// missingSAN: a server certificate without subjectAltName.
func missingSAN(r *run, s *certState) []report.Finding {
	x := s.c.X509
	if s.role != RoleServer || len(x.DNSNames) > 0 || len(x.IPAddresses) > 0 {
		return nil
	}
	caCrt, caKey := r.signer(s, "ca.crt", "ca.key")
	v := r.certVars(s)
	for k, val := range cmdVars(s, caCrt, caKey) {
		v[k] = val
	}
	v["host"] = cnOr(x, "localhost")
	return one(certFinding(s, catalogue.MissingSANText, v))
}

// hostnameMismatch: a server certificate not valid for --host.
func hostnameMismatch(r *run, s *certState) []report.Finding {
	x := s.c.X509
	if s.role != RoleServer || r.o.Host == "" || x.VerifyHostname(r.o.Host) == nil {
		return nil
	}
	if len(x.DNSNames) == 0 && len(x.IPAddresses) == 0 && strings.EqualFold(x.Subject.CommonName, r.o.Host) {
		// The name is in the CN of a certificate without subjectAltName:
		// OpenSSL's clients accept it; missing-san says what Go and
		// browsers do. One cause, one finding.
		return nil
	}
	v := r.certVars(s)
	v["host"] = r.o.Host
	v["names"] = namesOf(x)
	return one(certFinding(s, catalogue.HostnameMismatchText, v))
}

// weakCASignature: a CA signed with a digest below the security level,
// even when no client under it is in the set (nginx would reject every
// one with 68). A root's own self-signature is not checked by OpenSSL.
func weakCASignature(r *run, s *certState) []report.Finding {
	if !isCA(s.role) || r.o.SecLevel <= 0 || s.info.SelfSigned() || s.info.SigBits() >= opensslverify.MinBits(r.o.SecLevel) {
		return nil
	}
	caCrt, caKey := r.signer(s, "root.crt", "root.key")
	return one(r.weakSignatureFinding(s, reissueCmd(s, caCrt, caKey)))
}

// weakCAKey: a CA key below the security level, even when no client under
// it is in the set (nginx would reject every one with 67).
func weakCAKey(r *run, s *certState) []report.Finding {
	if !isCA(s.role) || r.o.SecLevel <= 0 || s.info.KeyBits() >= opensslverify.MinBits(r.o.SecLevel) {
		return nil
	}
	caCrt, caKey := r.signer(s, "root.crt", "root.key")
	return one(r.weakKeyFinding(s, s.info, opensslverify.ErrCAKeyTooSmall, newKeyCmd(s, caCrt, caKey), false))
}

// needsPEM: a certificate stored only as DER or PKCS#7; nginx reads PEM
// only.
func needsPEM(r *run, s *certState) []report.Finding {
	pem := false
	var other []certset.Source
	for _, src := range s.c.Sources {
		switch src.Encoding {
		case certset.EncodingPEM:
			pem = true
		case certset.EncodingPEMTrusted:
		default:
			other = append(other, src)
		}
	}
	if pem || len(other) == 0 || other[0].Encoding == certset.EncodingPKCS12 {
		return nil
	}
	src := other[0]
	v := r.certVars(s)
	v["file"], v["base"] = src.File, stem(src.File)
	v["format"], v["convert"] = "DER", catalogue.Fill(catalogue.DERToPEMCmd, v)
	if src.Encoding == certset.EncodingPKCS7 {
		v["format"], v["convert"] = "PKCS#7", catalogue.Fill(catalogue.PKCS7ToPEMCmd, v)
	}
	return one(certFinding(s, catalogue.NeedsPEMText, v))
}

// trustedFormat: a CA in OpenSSL's TRUSTED CERTIFICATE format, which
// ssl_client_certificate (before nginx 1.27.2) rejects.
func trustedFormat(r *run, s *certState) []report.Finding {
	if !s.c.Aux || !isCA(s.role) {
		return nil
	}
	v := r.certVars(s)
	v["cert"], v["base"] = display(s), stem(display(s))
	return one(certFinding(s, catalogue.TrustedFormatText, v))
}

// rootWithoutClientAuth: a root whose extendedKeyUsage leaves out
// clientAuth, so no client under it passes (26).
func rootWithoutClientAuth(r *run, s *certState) []report.Finding {
	if s.role != RoleCA || s.info.CheckPurpose(opensslverify.PurposeSSLClient, true) || s.info.CheckCA() == 0 {
		return nil
	}
	return one(r.caPurposeFinding(s))
}

// duplicateSerial: two certificates of one CA with the same serial.
func duplicateSerial(r *run, s *certState) []report.Finding {
	if len(s.sameSerial) == 0 {
		return nil
	}
	var others []string
	for _, o := range s.sameSerial {
		if display(o) != display(s) {
			others = append(others, display(o))
		}
	}
	v := r.certVars(s)
	v["others"] = strings.Join(others, ", ")
	return one(certFinding(s, catalogue.DuplicateSerialText, v))
}

// groupSerials fills sameSerial: certificates that are not self-signed,
// by issuer and serial.
func (r *run) groupSerials() {
	serials := map[string][]*certState{}
	for _, s := range r.certs {
		if !s.info.SelfSigned() {
			k := s.info.IssuerKey() + "\x00" + s.c.X509.SerialNumber.String()
			serials[k] = append(serials[k], s)
		}
	}
	for _, group := range serials {
		if len(group) < 2 {
			continue
		}
		for _, s := range group {
			s.sameSerial = group
		}
	}
}

// strictChecks: a certificate that OpenSSL's strict checks refuse (the
// default of Python 3.13 and later) though nginx accepts it; a root is
// the top of its chains, which needs no authorityKeyIdentifier.
func strictChecks(r *run, s *certState) []report.Finding {
	if isCA(s.role) && s.info.CheckCA() != 1 {
		return nil // not a CA to OpenSSL at all: not-a-ca says so
	}
	codes := s.info.StrictFailures(s.info.SelfSigned())
	if len(codes) == 0 {
		return nil
	}
	var failed []string
	for _, c := range codes {
		if v, ok := catalogue.Verify(c); ok {
			failed = append(failed, strconv.Itoa(c)+" ("+v.Text+")")
		}
	}
	first, _ := catalogue.Verify(codes[0])
	caCrt, caKey := r.signer(s, "ca.crt", "ca.key")
	v := r.certVars(s)
	for k, val := range cmdVars(s, caCrt, caKey) {
		v[k] = val
	}
	v["failures"] = strings.Join(failed, ", ")
	v["first"] = first.Text
	text := catalogue.StrictLeafText
	switch {
	case s.role == RoleCA:
		text = catalogue.StrictRootText
		v["regen"] = regenRootCmd(s, false)
	case s.role == RoleIntermediate:
		text = catalogue.StrictIntermediateText
	default:
		v["reissue"] = reissueCmd(s, caCrt, caKey)
	}
	return one(certFinding(s, text, v))
}
