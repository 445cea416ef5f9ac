package opensslverify

import (
	"crypto/x509"
	"encoding/asn1"
)

var oidSubjectKeyID = asn1.ObjectIdentifier{2, 5, 29, 14}

// StrictFailures are the verify results of OpenSSL's strict checks
// (X509_V_FLAG_X509_STRICT, results 80 to 93) that c fails at its place
// in a chain, in the order OpenSSL 3 checks them; last is true when c is
// the chain's top (its trust anchor), which needs no authorityKeyIdentifier.
// Ordinary verification, nginx's included, makes none of these checks;
// Python 3.13 and later make them by default.
func (c *Cert) StrictFailures(last bool) []int {
	x := c.X
	ca := c.hasBC && c.isCA // EXFLAG_CA
	var out []int
	fail := func(cond bool, code int) {
		if cond {
			out = append(out, code)
		}
	}
	var bcCrit, hasAKID, akidCrit, skidCrit, hasSKID, sanCrit, hasSAN, sanEmpty bool
	for _, e := range x.Extensions {
		switch {
		case e.Id.Equal(oidBasicConstraints):
			bcCrit = e.Critical
		case e.Id.Equal(oidAuthorityKeyID):
			hasAKID, akidCrit = true, e.Critical
		case e.Id.Equal(oidSubjectKeyID):
			skidCrit, hasSKID = e.Critical, true
		case e.Id.Equal(oidSubjectAltName):
			hasSAN, sanCrit = true, e.Critical
			var names []asn1.RawValue
			rest, err := asn1.Unmarshal(e.Value, &names)
			sanEmpty = err == nil && len(rest) == 0 && len(names) == 0
		}
	}
	if c.pathLen != -1 {
		fail(!ca, 80)
		fail(c.ku&x509.KeyUsageCertSign == 0, 81)
	}
	fail(ca && c.hasBC && !bcCrit, 89)
	if ca {
		fail(!c.hasKU, 92)
	} else {
		fail(c.ku&x509.KeyUsageCertSign != 0, 82)
	}
	subjectEmpty := len(x.Subject.Names) == 0
	fail(len(x.Issuer.Names) == 0, 83)
	fail((ca || c.ku&x509.KeyUsageCRLSign != 0 || !hasSAN) && subjectEmpty, 84)
	fail(subjectEmpty && hasSAN && !sanCrit, 88)
	fail(hasSAN && sanEmpty, 87)
	fail(hasAKID && akidCrit, 90)
	fail(hasSKID && skidCrit, 91)
	if x.Version >= 3 {
		fail(!last && len(c.akidKeyID) == 0, 85)
		fail(ca && !hasSKID, 86)
	} else {
		fail(len(x.Extensions) > 0, 93)
	}
	return out
}
