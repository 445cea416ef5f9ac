package certset

import (
	"bytes"
	"crypto/x509"
	"encoding/asn1"
	"strings"
)

// unsupportedCurves are named elliptic curves OpenSSL knows and Go's
// crypto/x509 does not, by DER-encoded OID.
var unsupportedCurves = func() map[string]string {
	names := map[string]asn1.ObjectIdentifier{
		"prime192v1 (P-192)": {1, 2, 840, 10045, 3, 1, 1},
		"prime239v1":         {1, 2, 840, 10045, 3, 1, 4},
		"secp192k1":          {1, 3, 132, 0, 31},
		"secp224k1":          {1, 3, 132, 0, 32},
		"secp256k1":          {1, 3, 132, 0, 10},
		"brainpoolP256r1":    {1, 3, 36, 3, 3, 2, 8, 1, 1, 7},
		"brainpoolP384r1":    {1, 3, 36, 3, 3, 2, 8, 1, 1, 11},
		"brainpoolP512r1":    {1, 3, 36, 3, 3, 2, 8, 1, 1, 13},
		"SM2":                {1, 2, 156, 10197, 1, 301},
	}
	out := map[string]string{}
	for name, oid := range names {
		der, err := asn1.Marshal(oid)
		if err != nil {
			panic(err)
		}
		out[string(der)] = name
	}
	return out
}()

// curveIn names the unsupported curve whose OID occurs in der, or "".
func curveIn(der []byte) string {
	for oid, name := range unsupportedCurves {
		if bytes.Contains(der, []byte(oid)) {
			return name
		}
	}
	return ""
}

// idECPublicKey is the DER of OID 1.2.840.10045.2.1.
var idECPublicKey = []byte{0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01}

// parseCertificate is x509.ParseCertificate, except that a certificate
// whose EC key is on a curve Go lacks (P-192, brainpool, secp256k1) is
// still returned, with PublicKey nil and PublicKeyAlgorithm unknown, and
// the curve named in note. Everything else about such a certificate
// (names, extensions, its issuer's signature over it) is intact, so it
// can still be judged; OpenSSL would load it.
func parseCertificate(der []byte) (x *x509.Certificate, note string, err error) {
	x, err = x509.ParseCertificate(der)
	if err == nil {
		return x, "", nil
	}
	if x, note, ok := parseCurve(der, err); ok {
		return x, note, nil
	}
	// crypto/x509 is stricter than OpenSSL: read what OpenSSL reads.
	x, note, lerr := parseLenient(der)
	if lerr != nil {
		return nil, "", err
	}
	why := lenientNote + " (Go's parser refused it: " + strings.TrimPrefix(err.Error(), "x509: ") + ")"
	if note != "" {
		why += "; " + note
	}
	return x, why, nil
}

// lenientNote starts the note of a certificate read by parseLenient.
const lenientNote = "read leniently, as OpenSSL does"

// parseCurve handles the certificates Go refuses only for their curve.
func parseCurve(der []byte, err error) (*x509.Certificate, string, bool) {
	if !strings.Contains(err.Error(), "unsupported elliptic curve") {
		return nil, "", false
	}
	curve := curveIn(der)
	if curve == "" {
		return nil, "", false
	}
	// Make the key algorithm unknown (same length, one byte changed) so
	// crypto/x509 skips the key, then put the original bytes back under
	// the parsed certificate's Raw fields, which alias the buffer.
	spki, ok := certSPKI(der)
	if !ok {
		return nil, "", false
	}
	i := bytes.Index(spki, idECPublicKey)
	if i < 0 {
		return nil, "", false
	}
	off := cap(der) - cap(spki) + i + len(idECPublicKey) - 1
	buf := bytes.Clone(der)
	buf[off] = 0x7f // 1.2.840.10045.2.127: no such algorithm
	x, perr := x509.ParseCertificate(buf)
	if perr != nil {
		return nil, "", false
	}
	copy(buf, der)
	x.PublicKeyAlgorithm = x509.UnknownPublicKeyAlgorithm
	x.PublicKey = nil
	return x, "ECDSA " + curve + ": a curve Go cannot decode; the public key is not available", true
}

// certSPKI returns the SubjectPublicKeyInfo element of a certificate, as
// a subslice of der.
func certSPKI(der []byte) ([]byte, bool) {
	var cert, tbs asn1.RawValue
	if _, err := asn1.Unmarshal(der, &cert); err != nil || !isSeq(cert) {
		return nil, false
	}
	if _, err := asn1.Unmarshal(cert.Bytes, &tbs); err != nil || !isSeq(tbs) {
		return nil, false
	}
	k := children(&tbs, 7)
	if len(k) > 0 && k[0].Class == asn1.ClassContextSpecific {
		k = k[1:] // version
	}
	if len(k) < 6 {
		return nil, false
	}
	return k[5].FullBytes, true
}
