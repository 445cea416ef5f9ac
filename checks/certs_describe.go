package checks

import (
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"crypto/x509"
	"fmt"
	"strings"

	"github.com/mtlsdoctor/mtlsdoctor/opensslverify"
)

// This file holds how a certificate's fields are written in findings and
// in the table of `certs`.

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

func namesOf(x *x509.Certificate) string {
	var n []string
	n = append(n, x.DNSNames...)
	n = append(n, x.EmailAddresses...)
	for _, ip := range x.IPAddresses {
		n = append(n, ip.String())
	}
	for _, u := range x.URIs {
		n = append(n, u.String())
	}
	if len(n) == 0 {
		return "no subjectAltName"
	}
	return strings.Join(n, ", ")
}

func cnOr(x *x509.Certificate, def string) string {
	if x.Subject.CommonName != "" {
		return x.Subject.CommonName
	}
	return def
}

// opensslSubject writes a DN in the /A=b/C=d form openssl -subj takes.
func opensslSubject(x *x509.Certificate) string {
	var b strings.Builder
	for _, atv := range x.Subject.Names {
		name := map[string]string{"2.5.4.3": "CN", "2.5.4.10": "O", "2.5.4.11": "OU", "2.5.4.6": "C", "2.5.4.7": "L", "2.5.4.8": "ST"}[atv.Type.String()]
		if name == "" {
			continue
		}
		fmt.Fprintf(&b, "/%s=%v", name, atv.Value)
	}
	if b.Len() == 0 {
		return "/CN=client"
	}
	return b.String()
}
