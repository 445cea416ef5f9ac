package certset

import (
	"bytes"
	"crypto/x509"
	"encoding/asn1"
	"errors"
	"fmt"
)

// The PKCS#7 content types a .p7b bundle and a PKCS#12 file are made of.
var (
	oidPKCS7Data       = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 1}
	oidPKCS7SignedData = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 2}
)

// pkcs7 extracts the certificates and CRLs of a PKCS#7 SignedData (a
// .p7b bundle, as made by openssl crl2pkcs7 or exported by Windows).
func (p *parser) pkcs7(der []byte) error {
	var ci struct {
		ContentType asn1.ObjectIdentifier
		Content     asn1.RawValue `asn1:"explicit,tag:0,optional"`
	}
	if _, err := asn1.Unmarshal(der, &ci); err != nil {
		return fmt.Errorf("malformed PKCS#7: %v", shortASN1Err(err))
	}
	if !ci.ContentType.Equal(oidPKCS7SignedData) {
		return fmt.Errorf("PKCS#7 content type %s is not SignedData", ci.ContentType)
	}
	var sd asn1.RawValue
	if _, err := asn1.Unmarshal(ci.Content.Bytes, &sd); err != nil || !isSeq(sd) {
		return errors.New("malformed PKCS#7 SignedData")
	}
	found := false
	for _, c := range children(&sd, 8) {
		if c.Class != asn1.ClassContextSpecific || !c.IsCompound {
			continue
		}
		rest := c.Bytes
		for len(rest) > 0 {
			var e asn1.RawValue
			r, err := asn1.Unmarshal(rest, &e)
			if err != nil {
				return fmt.Errorf("malformed PKCS#7 SignedData: %v", shortASN1Err(err))
			}
			rest = r
			one := bytes.Clone(e.FullBytes)
			switch c.Tag {
			case 0:
				x, note, err := parseCertificate(one)
				if err != nil {
					p.problem("certificate in PKCS#7: %v", err)
					continue
				}
				p.addCert(x, note, false, EncodingPKCS7)
			case 1:
				l, err := x509.ParseRevocationList(one)
				if err != nil {
					p.problem("CRL in PKCS#7: %v", err)
					continue
				}
				p.addCRL(l, EncodingPKCS7)
			}
			found = true
		}
	}
	if !found {
		p.out.recognised = true // an empty (or signature-only) PKCS#7
	}
	return nil
}
