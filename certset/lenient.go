package certset

import (
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"errors"
	"fmt"
	"math/big"
	"net"
	"net/url"
	"strings"
	"time"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

// parseLenient reads a certificate that crypto/x509 refused but OpenSSL
// reads: a negative or empty serial, critical key identifiers, duplicate
// extensions, SAN entries Go will not decode (URIs net/url refuses, IP
// addresses of odd length, unknown name forms), explicit-curve keys,
// invalid name-constraint addresses. It reads the outer structure as
// OpenSSL's d2i_X509 does and fills the fields of an x509.Certificate
// itself; extensions it cannot decode are kept raw in Extensions (the
// verification model decodes those as OpenSSL does) and named in the
// returned note. err is set only when the structure is not a certificate
// OpenSSL could read either.
func parseLenient(der []byte) (*x509.Certificate, string, error) {
	c := &x509.Certificate{Raw: der}
	in := cryptobyte.String(der)
	var cert, tbs, sigAlg, algParams cryptobyte.String
	var sig asn1.BitString
	if !in.ReadASN1(&cert, cbasn1.SEQUENCE) || !in.Empty() {
		return nil, "", errors.New("not a DER certificate")
	}
	if !cert.ReadASN1Element(&tbs, cbasn1.SEQUENCE) {
		return nil, "", errors.New("malformed tbsCertificate")
	}
	c.RawTBSCertificate = tbs
	if !cert.ReadASN1(&sigAlg, cbasn1.SEQUENCE) || !readBitString(&cert, &sig) || !cert.Empty() {
		return nil, "", errors.New("malformed signature")
	}
	c.Signature = sig.RightAlign()
	var sigOID asn1.ObjectIdentifier
	if !sigAlg.ReadASN1ObjectIdentifier(&sigOID) {
		return nil, "", errors.New("malformed signature algorithm")
	}
	sigAlg.ReadOptionalASN1(&algParams, nil, cbasn1.SEQUENCE)
	c.SignatureAlgorithm = sigAlgFromOID(sigOID, []byte(algParams))

	if !tbs.ReadASN1(&tbs, cbasn1.SEQUENCE) {
		return nil, "", errors.New("malformed tbsCertificate")
	}
	c.Version = 1
	var ver cryptobyte.String
	var hasVer bool
	if !tbs.ReadOptionalASN1(&ver, &hasVer, cbasn1.Tag(0).Constructed().ContextSpecific()) {
		return nil, "", errors.New("malformed version")
	}
	if hasVer {
		var v int64
		if !ver.ReadASN1Int64WithTag(&v, cbasn1.INTEGER) || v < 0 || v > 2 {
			return nil, "", errors.New("malformed version")
		}
		c.Version = int(v) + 1
	}
	var serial cryptobyte.String
	if !tbs.ReadASN1(&serial, cbasn1.INTEGER) {
		return nil, "", errors.New("malformed serial number")
	}
	c.SerialNumber = signedInt(serial)
	var innerAlg, issuer, validity, subject, spki cryptobyte.String
	if !tbs.ReadASN1(&innerAlg, cbasn1.SEQUENCE) ||
		!tbs.ReadASN1Element(&issuer, cbasn1.SEQUENCE) ||
		!tbs.ReadASN1(&validity, cbasn1.SEQUENCE) ||
		!tbs.ReadASN1Element(&subject, cbasn1.SEQUENCE) ||
		!tbs.ReadASN1Element(&spki, cbasn1.SEQUENCE) {
		return nil, "", errors.New("malformed tbsCertificate")
	}
	c.RawIssuer, c.RawSubject, c.RawSubjectPublicKeyInfo = issuer, subject, spki
	var notes []string
	// A name Go cannot decode stays raw (RawIssuer, RawSubject), which is
	// what the verification model compares.
	if err := fillName(&c.Issuer, issuer); err != nil {
		notes = append(notes, "issuer name: "+err.Error())
	}
	if err := fillName(&c.Subject, subject); err != nil {
		notes = append(notes, "subject name: "+err.Error())
	}
	var err error
	if c.NotBefore, err = readTime(&validity); err != nil {
		return nil, "", fmt.Errorf("notBefore: %v", err)
	}
	if c.NotAfter, err = readTime(&validity); err != nil {
		return nil, "", fmt.Errorf("notAfter: %v", err)
	}
	if pub, err := x509.ParsePKIXPublicKey(spki); err == nil {
		c.PublicKey = pub
		c.PublicKeyAlgorithm = keyAlgOf(pub)
	} else {
		notes = append(notes, "public key: "+strings.TrimPrefix(err.Error(), "x509: "))
	}
	// issuerUniqueID [1], subjectUniqueID [2]: skipped, like crypto/x509.
	tbs.SkipOptionalASN1(cbasn1.Tag(1).ContextSpecific())
	tbs.SkipOptionalASN1(cbasn1.Tag(2).ContextSpecific())
	var exts cryptobyte.String
	var hasExts bool
	if !tbs.ReadOptionalASN1(&exts, &hasExts, cbasn1.Tag(3).Constructed().ContextSpecific()) {
		return nil, "", errors.New("malformed extensions")
	}
	if hasExts {
		if !exts.ReadASN1(&exts, cbasn1.SEQUENCE) {
			return nil, "", errors.New("malformed extensions")
		}
		for !exts.Empty() {
			var ext, val cryptobyte.String
			var e pkix.Extension
			if !exts.ReadASN1(&ext, cbasn1.SEQUENCE) || !ext.ReadASN1ObjectIdentifier(&e.Id) {
				return nil, "", errors.New("malformed extension")
			}
			if ext.PeekASN1Tag(cbasn1.BOOLEAN) && !readBool(&ext, &e.Critical) {
				return nil, "", errors.New("malformed extension criticality")
			}
			if !ext.ReadASN1(&val, cbasn1.OCTET_STRING) {
				return nil, "", errors.New("malformed extension value")
			}
			e.Value = val
			c.Extensions = append(c.Extensions, e)
			if n := fillExtension(c, e); n != "" {
				notes = append(notes, n)
			}
		}
	}
	return c, strings.Join(notes, "; "), nil
}

// readBool reads a BOOLEAN as BER allows it (any non-zero byte is true);
// cryptobyte's reader insists on DER's 0xff.
func readBool(s *cryptobyte.String, out *bool) bool {
	var v cryptobyte.String
	if !s.ReadASN1(&v, cbasn1.BOOLEAN) || len(v) != 1 {
		return false
	}
	*out = v[0] != 0
	return true
}

func readBitString(s *cryptobyte.String, out *asn1.BitString) bool {
	var v cryptobyte.String
	if !s.ReadASN1(&v, cbasn1.BIT_STRING) || len(v) == 0 || v[0] > 7 {
		return false
	}
	out.Bytes = v[1:]
	out.BitLength = len(out.Bytes)*8 - int(v[0])
	return true
}

// signedInt reads INTEGER content as two's complement; OpenSSL accepts an
// empty one (as zero).
func signedInt(b []byte) *big.Int {
	n := new(big.Int).SetBytes(b)
	if len(b) > 0 && b[0]&0x80 != 0 {
		n.Sub(n, new(big.Int).Lsh(big.NewInt(1), uint(8*len(b))))
	}
	return n
}

func fillName(n *pkix.Name, der []byte) error {
	var rdns pkix.RDNSequence
	rest, err := asn1.Unmarshal(der, &rdns)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return errors.New("trailing data after name")
	}
	n.FillFromRDNSequence(&rdns)
	return nil
}

func readTime(s *cryptobyte.String) (time.Time, error) {
	var t time.Time
	switch {
	case s.PeekASN1Tag(cbasn1.UTCTime):
		if !s.ReadASN1UTCTime(&t) {
			return t, errors.New("malformed UTCTime")
		}
	case s.PeekASN1Tag(cbasn1.GeneralizedTime):
		if !s.ReadASN1GeneralizedTime(&t) {
			return t, errors.New("malformed GeneralizedTime")
		}
	default:
		return t, errors.New("not a time")
	}
	return t, nil
}

var sigAlgOIDs = map[string]x509.SignatureAlgorithm{
	"1.2.840.113549.1.1.2":   x509.MD2WithRSA,
	"1.2.840.113549.1.1.4":   x509.MD5WithRSA,
	"1.2.840.113549.1.1.5":   x509.SHA1WithRSA,
	"1.2.840.113549.1.1.11":  x509.SHA256WithRSA,
	"1.2.840.113549.1.1.12":  x509.SHA384WithRSA,
	"1.2.840.113549.1.1.13":  x509.SHA512WithRSA,
	"1.2.840.10040.4.3":      x509.DSAWithSHA1,
	"2.16.840.1.101.3.4.3.2": x509.DSAWithSHA256,
	"1.2.840.10045.4.1":      x509.ECDSAWithSHA1,
	"1.2.840.10045.4.3.2":    x509.ECDSAWithSHA256,
	"1.2.840.10045.4.3.3":    x509.ECDSAWithSHA384,
	"1.2.840.10045.4.3.4":    x509.ECDSAWithSHA512,
	"1.3.101.112":            x509.PureEd25519,
}

// pssHashes maps the DER of the hash OID inside RSASSA-PSS parameters to
// Go's algorithm.
var pssHashes = map[string]x509.SignatureAlgorithm{
	"\x06\x09\x60\x86\x48\x01\x65\x03\x04\x02\x01": x509.SHA256WithRSAPSS,
	"\x06\x09\x60\x86\x48\x01\x65\x03\x04\x02\x02": x509.SHA384WithRSAPSS,
	"\x06\x09\x60\x86\x48\x01\x65\x03\x04\x02\x03": x509.SHA512WithRSAPSS,
}

func sigAlgFromOID(oid asn1.ObjectIdentifier, params []byte) x509.SignatureAlgorithm {
	if oid.String() == "1.2.840.113549.1.1.10" {
		for h, alg := range pssHashes {
			if strings.Contains(string(params), h) {
				return alg
			}
		}
		return x509.UnknownSignatureAlgorithm
	}
	return sigAlgOIDs[oid.String()]
}

func keyAlgOf(pub any) x509.PublicKeyAlgorithm {
	switch fmt.Sprintf("%T", pub) {
	case "*rsa.PublicKey":
		return x509.RSA
	case "*ecdsa.PublicKey":
		return x509.ECDSA
	case "ed25519.PublicKey":
		return x509.Ed25519
	case "*dsa.PublicKey":
		return x509.DSA
	}
	return x509.UnknownPublicKeyAlgorithm
}

var (
	oidExtSKID = asn1.ObjectIdentifier{2, 5, 29, 14}
	oidExtKU   = asn1.ObjectIdentifier{2, 5, 29, 15}
	oidExtSAN  = asn1.ObjectIdentifier{2, 5, 29, 17}
	oidExtBC   = asn1.ObjectIdentifier{2, 5, 29, 19}
	oidExtAKID = asn1.ObjectIdentifier{2, 5, 29, 35}
	oidExtEKU  = asn1.ObjectIdentifier{2, 5, 29, 37}
)

var ekuOIDs = map[string]x509.ExtKeyUsage{
	"2.5.29.37.0":            x509.ExtKeyUsageAny,
	"1.3.6.1.5.5.7.3.1":      x509.ExtKeyUsageServerAuth,
	"1.3.6.1.5.5.7.3.2":      x509.ExtKeyUsageClientAuth,
	"1.3.6.1.5.5.7.3.3":      x509.ExtKeyUsageCodeSigning,
	"1.3.6.1.5.5.7.3.4":      x509.ExtKeyUsageEmailProtection,
	"1.3.6.1.5.5.7.3.8":      x509.ExtKeyUsageTimeStamping,
	"1.3.6.1.5.5.7.3.9":      x509.ExtKeyUsageOCSPSigning,
	"1.3.6.1.4.1.311.10.3.3": x509.ExtKeyUsageMicrosoftServerGatedCrypto,
	"2.16.840.1.113730.4.1":  x509.ExtKeyUsageNetscapeServerGatedCrypto,
	"1.3.6.1.4.1.311.2.1.22": x509.ExtKeyUsageMicrosoftCommercialCodeSigning,
	"1.3.6.1.4.1.311.61.1.1": x509.ExtKeyUsageMicrosoftKernelCodeSigning,
	"1.3.6.1.5.5.7.3.5":      x509.ExtKeyUsageIPSECEndSystem,
	"1.3.6.1.5.5.7.3.6":      x509.ExtKeyUsageIPSECTunnel,
	"1.3.6.1.5.5.7.3.7":      x509.ExtKeyUsageIPSECUser,
}

// fillExtension decodes the extensions the verdict depends on into c's
// fields, leniently; it returns a note when the value cannot be decoded
// (the raw extension stays in c.Extensions either way).
func fillExtension(c *x509.Certificate, e pkix.Extension) string {
	v := cryptobyte.String(e.Value)
	switch {
	case e.Id.Equal(oidExtBC):
		var seq cryptobyte.String
		if !v.ReadASN1(&seq, cbasn1.SEQUENCE) {
			return "basicConstraints cannot be decoded"
		}
		c.BasicConstraintsValid = true
		if seq.PeekASN1Tag(cbasn1.BOOLEAN) && !readBool(&seq, &c.IsCA) {
			return "basicConstraints cannot be decoded"
		}
		c.MaxPathLen = -1
		if seq.PeekASN1Tag(cbasn1.INTEGER) {
			var n int64
			if !seq.ReadASN1Int64WithTag(&n, cbasn1.INTEGER) {
				return "basicConstraints path length cannot be decoded"
			}
			c.MaxPathLen = int(n)
			c.MaxPathLenZero = n == 0
		}
	case e.Id.Equal(oidExtKU):
		var bs asn1.BitString
		if !readBitString(&v, &bs) {
			return "keyUsage cannot be decoded"
		}
		for i := 0; i < 9; i++ {
			if bs.At(i) != 0 {
				c.KeyUsage |= 1 << uint(i)
			}
		}
	case e.Id.Equal(oidExtEKU):
		var seq cryptobyte.String
		if !v.ReadASN1(&seq, cbasn1.SEQUENCE) {
			return "extendedKeyUsage cannot be decoded"
		}
		for !seq.Empty() {
			var o asn1.ObjectIdentifier
			if !seq.ReadASN1ObjectIdentifier(&o) {
				return "extendedKeyUsage cannot be decoded"
			}
			if u, ok := ekuOIDs[o.String()]; ok {
				c.ExtKeyUsage = append(c.ExtKeyUsage, u)
			} else {
				c.UnknownExtKeyUsage = append(c.UnknownExtKeyUsage, o)
			}
		}
	case e.Id.Equal(oidExtSKID):
		var id cryptobyte.String
		if !v.ReadASN1(&id, cbasn1.OCTET_STRING) {
			return "subjectKeyIdentifier cannot be decoded"
		}
		c.SubjectKeyId = id
	case e.Id.Equal(oidExtAKID):
		var seq cryptobyte.String
		if !v.ReadASN1(&seq, cbasn1.SEQUENCE) {
			return "authorityKeyIdentifier cannot be decoded"
		}
		var id cryptobyte.String
		var has bool
		if seq.ReadOptionalASN1(&id, &has, cbasn1.Tag(0).ContextSpecific()) && has {
			c.AuthorityKeyId = id
		}
	case e.Id.Equal(oidExtSAN):
		return fillSANs(c, v)
	}
	return ""
}

// fillSANs keeps the names Go has fields for; the model reads the raw
// extension for the rest.
func fillSANs(c *x509.Certificate, v cryptobyte.String) string {
	var seq cryptobyte.String
	if !v.ReadASN1(&seq, cbasn1.SEQUENCE) {
		return "subjectAltName cannot be decoded"
	}
	var skipped []string
	for !seq.Empty() {
		var val cryptobyte.String
		var tag cbasn1.Tag
		if !seq.ReadAnyASN1(&val, &tag) {
			return "subjectAltName cannot be decoded"
		}
		switch tag {
		case cbasn1.Tag(1).ContextSpecific():
			c.EmailAddresses = append(c.EmailAddresses, string(val))
		case cbasn1.Tag(2).ContextSpecific():
			c.DNSNames = append(c.DNSNames, string(val))
		case cbasn1.Tag(6).ContextSpecific():
			if u, err := url.Parse(string(val)); err == nil {
				c.URIs = append(c.URIs, u)
			} else {
				skipped = append(skipped, fmt.Sprintf("URI %q", string(val)))
			}
		case cbasn1.Tag(7).ContextSpecific():
			if len(val) == net.IPv4len || len(val) == net.IPv6len {
				c.IPAddresses = append(c.IPAddresses, net.IP(val))
			} else {
				skipped = append(skipped, fmt.Sprintf("IP address of %d bytes", len(val)))
			}
		}
	}
	if len(skipped) > 0 {
		return "subjectAltName entries Go cannot represent: " + strings.Join(skipped, ", ")
	}
	return ""
}
