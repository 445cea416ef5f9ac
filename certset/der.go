package certset

import (
	"bytes"
	"crypto/x509"
	"encoding/asn1"
	"fmt"
	"strings"
	"unicode/utf8"
)

// parseBinary handles content without a PEM BEGIN line: DER (one or more
// concatenated elements), PKCS#12, or something else.
func (p *parser) parseBinary(data []byte) {
	if len(bytes.TrimSpace(data)) == 0 {
		if len(data) == 0 {
			p.out.cause = "empty file"
		} else {
			p.out.cause = "file holds only white space"
		}
		return
	}
	if data[0] != 0x30 {
		p.out.cause = notPEMOrDER(data)
		return
	}
	if len(data) > 1 && data[1] == 0x80 {
		p.out.cause = "BER indefinite-length encoding (not DER); convert it with openssl (e.g. openssl pkcs12 -in FILE -out FILE.pem)"
		return
	}
	rest := data
	for n := 0; len(rest) > 0; n++ {
		var raw asn1.RawValue
		r, err := asn1.Unmarshal(rest, &raw)
		if err != nil {
			if n == 0 {
				if isText(data) {
					p.out.cause = notPEMOrDER(data)
				} else {
					p.out.cause = fmt.Sprintf("not PEM, and not valid DER (%v)", shortASN1Err(err))
				}
				return
			}
			if len(bytes.Trim(rest, " \t\r\n\x00")) != 0 {
				p.problem("data after DER element %d is not DER (%v)", n, shortASN1Err(err))
			}
			return
		}
		if n == 0 && len(bytes.Trim(r, " \t\r\n\x00")) == 0 && isPFX(&raw) {
			p.out.strong = true
			p.pkcs12(raw.FullBytes)
			return
		}
		p.derElement(&raw)
		if n == 0 && !p.out.recognised && !p.out.strong {
			return // not a shape we know: do not read on
		}
		rest = r
		if len(bytes.Trim(rest, " \t\r\n\x00")) == 0 {
			return
		}
	}
}

func shortASN1Err(err error) string {
	s := err.Error()
	if len(s) > 80 {
		s = s[:80] + "…"
	}
	return s
}

// notPEMOrDER describes content that is neither, naming its first bytes
// (a magic number tells an ELF binary or a gzip file at a glance; the
// first four bytes of a file are never key material).
func notPEMOrDER(data []byte) string {
	if isText(data) {
		return "text without a -----BEGIN line: not PEM, DER or PKCS#12"
	}
	n := min(len(data), 4)
	var hex []string
	for _, b := range data[:n] {
		hex = append(hex, fmt.Sprintf("0x%02x", b))
	}
	more := ""
	if len(data) > n {
		more = " …"
	}
	return fmt.Sprintf("not PEM, DER or PKCS#12 (starts with %s%s)", strings.Join(hex, " "), more)
}

// isText reports whether the start of data looks like text.
func isText(data []byte) bool {
	head := data
	if len(head) > 512 {
		head = head[:512]
		for i := 0; i < 3 && !utf8.Valid(head); i++ {
			head = head[:len(head)-1] // cut in the middle of a rune
		}
	}
	if !utf8.Valid(head) {
		return false
	}
	for _, r := range string(head) {
		if r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f' {
			return false
		}
	}
	return true
}

// children splits the contents of a constructed element.
func children(raw *asn1.RawValue, max int) []asn1.RawValue {
	var out []asn1.RawValue
	rest := raw.Bytes
	for len(rest) > 0 && len(out) < max {
		var c asn1.RawValue
		r, err := asn1.Unmarshal(rest, &c)
		if err != nil {
			return out
		}
		out = append(out, c)
		rest = r
	}
	return out
}

func isUniversal(v asn1.RawValue, tag int) bool {
	return v.Class == asn1.ClassUniversal && v.Tag == tag
}

func isSeq(v asn1.RawValue) bool { return isUniversal(v, asn1.TagSequence) && v.IsCompound }

// smallInt returns the value of a short INTEGER element.
func smallInt(v asn1.RawValue) (int, bool) {
	if !isUniversal(v, asn1.TagInteger) || len(v.Bytes) != 1 {
		return 0, false
	}
	return int(v.Bytes[0]), true
}

// isPFX recognises a PKCS#12 PFX: SEQUENCE { INTEGER 3, ContentInfo, ... }.
func isPFX(raw *asn1.RawValue) bool {
	if !isSeq(*raw) {
		return false
	}
	k := children(raw, 2)
	if len(k) < 2 {
		return false
	}
	if v, ok := smallInt(k[0]); !ok || v != 3 || !isSeq(k[1]) {
		return false
	}
	ci := children(&k[1], 1)
	if len(ci) != 1 || !isUniversal(ci[0], asn1.TagOID) {
		return false
	}
	var oid asn1.ObjectIdentifier
	if _, err := asn1.Unmarshal(ci[0].FullBytes, &oid); err != nil {
		return false
	}
	return oid.Equal(oidPKCS7Data) || oid.Equal(oidPKCS7SignedData)
}

// derElement classifies one top-level DER element by its shape and
// decodes it. A known shape that fails to decode is a problem; an unknown
// shape only sets the cause.
func (p *parser) derElement(raw *asn1.RawValue) {
	if !isSeq(*raw) {
		p.out.cause = "DER data that is not a certificate, CRL, private key or PKCS#12"
		return
	}
	der := bytes.Clone(raw.FullBytes) // parsed objects keep references to it
	k := children(raw, 12)
	fail := func(what string, err error) {
		p.problem("DER %s: %v", what, err)
	}
	switch {
	case len(k) >= 3 && isSeq(k[0]) && isSeq(k[1]) && isUniversal(k[2], asn1.TagBitString):
		x, note, err := parseCertificate(der)
		if err == nil {
			p.addCert(x, note, false, EncodingDER)
			return
		}
		l, lerr := x509.ParseRevocationList(der)
		if lerr == nil {
			p.addCRL(l, EncodingDER)
			return
		}
		if _, cerr := x509.ParseCertificateRequest(der); cerr == nil {
			p.out.recognised = true
			return
		}
		if looksLikeCRL(&k[0]) {
			fail("CRL", lerr)
		} else {
			fail("certificate", err)
		}
	case len(k) == 2 && isSeq(k[0]) && isUniversal(k[1], asn1.TagOctetString):
		p.out.hasKey = true
		p.out.strong = true
		if err := p.encryptedPKCS8(der, EncodingDER); err != nil {
			fail("encrypted private key", err)
		}
	case len(k) == 2 && isSeq(k[0]) && isUniversal(k[1], asn1.TagBitString):
		if _, err := x509.ParsePKIXPublicKey(der); err == nil {
			p.out.recognised = true // a public key: ignored
			return
		}
		p.out.cause = "DER data that is not a certificate, CRL, private key or PKCS#12"
	case len(k) >= 2 && isUniversal(k[0], asn1.TagInteger):
		p.derIntFirst(der, k)
	case len(k) >= 1 && isUniversal(k[0], asn1.TagOID):
		var oid asn1.ObjectIdentifier
		if _, err := asn1.Unmarshal(k[0].FullBytes, &oid); err == nil && oid.Equal(oidPKCS7SignedData) {
			p.out.strong = true
			if err := p.pkcs7(der); err != nil {
				fail("PKCS#7", err)
			}
			return
		}
		p.out.cause = "DER data that is not a certificate, CRL, private key or PKCS#12"
	default:
		p.out.cause = "DER data that is not a certificate, CRL, private key or PKCS#12"
	}
}

// looksLikeCRL tells a TBSCertList (which has thisUpdate, a time, among
// its first elements) from a TBSCertificate (whose times sit inside the
// validity SEQUENCE).
func looksLikeCRL(tbs *asn1.RawValue) bool {
	for _, c := range children(tbs, 5) {
		if isUniversal(c, asn1.TagUTCTime) || isUniversal(c, asn1.TagGeneralizedTime) {
			return true
		}
	}
	return false
}

// derIntFirst handles SEQUENCEs starting with an INTEGER: private keys
// (PKCS#8, PKCS#1, SEC1) and parameters.
func (p *parser) derIntFirst(der []byte, k []asn1.RawValue) {
	v, small := smallInt(k[0])
	allInts := true
	for _, c := range k {
		if !isUniversal(c, asn1.TagInteger) {
			allInts = false
		}
	}
	var (
		priv   any
		format string
		err    error
	)
	switch {
	case small && (v == 0 || v == 1) && len(k) >= 3 && isSeq(k[1]) && isUniversal(k[2], asn1.TagOctetString):
		priv, format, err = parsePKCS8(der)
	case small && v == 1 && isUniversal(k[1], asn1.TagOctetString):
		priv, err = x509.ParseECPrivateKey(der)
		format = "SEC1"
	case small && v == 0 && allInts && len(k) == 6:
		p.out.hasKey = true
		p.problem("DER DSA private key: DSA private keys are not supported")
		return
	case small && (v == 0 || v == 1) && len(k) >= 9 && isUniversal(k[1], asn1.TagInteger):
		priv, err = x509.ParsePKCS1PrivateKey(der)
		format = "PKCS#1"
	case allInts && len(k) <= 4:
		p.out.recognised = true // DH or DSA parameters: ignored
		return
	default:
		p.out.cause = "DER data that is not a certificate, CRL, private key or PKCS#12"
		return
	}
	p.out.hasKey = true
	if err != nil {
		p.problem("DER private key: %v", curveErr(der, err))
		return
	}
	key, err := keyFrom(priv, format, EncodingDER, false)
	if err != nil {
		p.problem("DER private key: %v", err)
		return
	}
	p.addKey(key)
}
