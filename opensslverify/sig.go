package opensslverify

import (
	"crypto"
	"crypto/dsa" //lint:ignore SA1019 OpenSSL 3.0 still verifies DSA signatures, so the model must too.
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/md5"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/x509"
	"encoding/asn1"
	"math/big"
)

// sigResult is the outcome of one signature check.
type sigResult uint8

const (
	sigBad     sigResult = iota // OpenSSL reports a signature failure
	sigGood                     // the signature verifies
	sigUnknown                  // the model cannot check it (a curve Go lacks)
)

// verifySignature is the one place the model checks a signature: signed
// (a TBSCertificate or TBSCertList) with algorithm alg (by OID, as OpenSSL
// reads it) against the public key of parent. Whatever Go's crypto/x509
// refuses but OpenSSL verifies (MD5, SHA-224, DSA, P-192) is verified here
// directly; the strength of the algorithm is judged elsewhere (codes 66-68).
func verifySignature(parent *Cert, alg asn1.ObjectIdentifier, goAlg x509.SignatureAlgorithm, signed, sig []byte) sigResult {
	h, hashed, ok := digestFor(alg, signed)
	pub := parent.X.PublicKey
	if pub == nil {
		pub = parent.otherKey
	}
	if pub == nil {
		if parent.curve != "" {
			return sigUnknown
		}
		return sigBad
	}
	if !ok {
		// Algorithms without a plain digest (Ed25519, RSA-PSS), as Go
		// read them from the certificate.
		if goAlg != x509.UnknownSignatureAlgorithm && parent.X.PublicKey != nil &&
			parent.X.CheckSignature(goAlg, signed, sig) == nil {
			return sigGood
		}
		return sigBad
	}
	switch k := pub.(type) {
	case *rsa.PublicKey:
		if rsa.VerifyPKCS1v15(k, h, hashed, sig) == nil {
			return sigGood
		}
	case *ecdsa.PublicKey:
		if ecdsa.VerifyASN1(k, hashed, sig) {
			return sigGood
		}
	case *dsa.PublicKey:
		var rs struct{ R, S *big.Int }
		if rest, err := asn1.Unmarshal(sig, &rs); err != nil || len(rest) > 0 {
			return sigBad
		}
		// FIPS 186: the leftmost bits of the digest, as many as q has.
		if n := (k.Q.BitLen() + 7) / 8; len(hashed) > n {
			hashed = hashed[:n]
		}
		if dsa.Verify(k, hashed, rs.R, rs.S) {
			return sigGood
		}
	}
	return sigBad
}

// digestFor hashes signed with the digest of a hash-then-sign algorithm.
func digestFor(alg asn1.ObjectIdentifier, signed []byte) (crypto.Hash, []byte, bool) {
	h, ok := sigDigests[alg.String()]
	if !ok {
		return 0, nil, false
	}
	switch h {
	case crypto.MD5:
		d := md5.Sum(signed)
		return h, d[:], true
	case crypto.SHA1:
		d := sha1.Sum(signed)
		return h, d[:], true
	case crypto.SHA224:
		d := sha256.Sum224(signed)
		return h, d[:], true
	}
	w := h.New()
	w.Write(signed)
	return h, w.Sum(nil), true
}

// sigDigests maps hash-then-sign algorithm OIDs (RSA PKCS#1 v1.5, ECDSA,
// DSA) to their digest. MD2 is absent: OpenSSL 3 cannot compute it, so
// such signatures fail there too.
var sigDigests = map[string]crypto.Hash{
	"1.2.840.113549.1.1.4":   crypto.MD5,
	"1.2.840.113549.1.1.5":   crypto.SHA1,
	"1.3.14.3.2.29":          crypto.SHA1,
	"1.2.840.113549.1.1.14":  crypto.SHA224,
	"1.2.840.113549.1.1.11":  crypto.SHA256,
	"1.2.840.113549.1.1.12":  crypto.SHA384,
	"1.2.840.113549.1.1.13":  crypto.SHA512,
	"1.2.840.10045.4.1":      crypto.SHA1,
	"1.2.840.10045.4.3.1":    crypto.SHA224,
	"1.2.840.10045.4.3.2":    crypto.SHA256,
	"1.2.840.10045.4.3.3":    crypto.SHA384,
	"1.2.840.10045.4.3.4":    crypto.SHA512,
	"1.2.840.10040.4.3":      crypto.SHA1,
	"2.16.840.1.101.3.4.3.1": crypto.SHA224,
	"2.16.840.1.101.3.4.3.2": crypto.SHA256,
}

// sigOID reads the signatureAlgorithm OID of a certificate or CRL (the
// outer one, which OpenSSL verifies with), and whether the signature
// field inside the signed part is the same AlgorithmIdentifier, byte for
// byte: X509_verify fails when they differ (X509_ALGOR_cmp).
func sigOID(raw []byte) (asn1.ObjectIdentifier, bool) {
	var outer struct {
		TBS asn1.RawValue
		Alg asn1.RawValue
		Sig asn1.BitString
	}
	if _, err := asn1.Unmarshal(raw, &outer); err != nil {
		return nil, false
	}
	var alg struct {
		Algorithm asn1.ObjectIdentifier
		Params    asn1.RawValue `asn1:"optional"`
	}
	if _, err := asn1.Unmarshal(outer.Alg.FullBytes, &alg); err != nil {
		return nil, false
	}
	// The inner signature field: after [0] version (certificates) or
	// version INTEGER (CRLs) and, for certificates, the serial number.
	var fields []asn1.RawValue
	rest := outer.TBS.Bytes
	for len(rest) > 0 && len(fields) < 3 {
		var f asn1.RawValue
		var err error
		if rest, err = asn1.Unmarshal(rest, &f); err != nil {
			return alg.Algorithm, false
		}
		fields = append(fields, f)
	}
	for _, f := range fields {
		if f.Class == asn1.ClassUniversal && f.Tag == asn1.TagSequence {
			return alg.Algorithm, string(f.FullBytes) == string(outer.Alg.FullBytes)
		}
	}
	return alg.Algorithm, false
}

// p192 is NIST P-192 (prime192v1). Go has no implementation, but its
// a = -3 form is what elliptic.CurveParams computes with, so ECDSA
// signatures by P-192 keys can be checked exactly.
var p192 = func() *elliptic.CurveParams {
	n := func(s string) *big.Int {
		v, _ := new(big.Int).SetString(s, 16)
		return v
	}
	return &elliptic.CurveParams{
		Name:    "P-192",
		BitSize: 192,
		P:       n("fffffffffffffffffffffffffffffffeffffffffffffffff"),
		N:       n("ffffffffffffffffffffffff99def836146bc9b1b4d22831"),
		B:       n("64210519e59c80e70fa7e9ab72243049feb8deecc146b9b1"),
		Gx:      n("188da80eb03090f67cbf20eb43a18800f4ff0afd82ff1012"),
		Gy:      n("07192b95ffc8da78631011ed6b24cdd573f977a11e794811"),
	}
}()

// otherCurveKey decodes the public key of an EC certificate on a curve Go
// lacks but the model can still verify with (P-192), else nil.
func otherCurveKey(curve string, spki []byte) any {
	if curve != "P-192" {
		return nil
	}
	var info struct {
		Algorithm asn1.RawValue
		Key       asn1.BitString
	}
	if _, err := asn1.Unmarshal(spki, &info); err != nil {
		return nil
	}
	pt := info.Key.Bytes
	size := (p192.BitSize + 7) / 8
	if len(pt) != 1+2*size || pt[0] != 4 {
		return nil // compressed or malformed: left unchecked
	}
	x := new(big.Int).SetBytes(pt[1 : 1+size])
	y := new(big.Int).SetBytes(pt[1+size:])
	//lint:ignore SA1019 Go has no P-192; the generic a=-3 arithmetic of CurveParams is exactly what it needs.
	if !p192.IsOnCurve(x, y) {
		return nil
	}
	//lint:ignore SA1019 crypto/ecdsa verifies custom curves only through the raw coordinates.
	return &ecdsa.PublicKey{Curve: p192, X: x, Y: y}
}

var oidECPublicKey = asn1.ObjectIdentifier{1, 2, 840, 10045, 2, 1}

// readOtherKey fills in what OpenSSL knows of a key Go's parser left out:
// a named curve Go lacks (P-192 can still be verified), or an EC key with
// explicit parameters (OpenSSL reads it, then refuses it in a chain: 94).
func (c *Cert) readOtherKey() {
	spki := c.X.RawSubjectPublicKeyInfo
	if c.curve != "" {
		c.otherKey = otherCurveKey(c.curve, spki)
		return
	}
	var info struct {
		Algorithm struct {
			Algorithm  asn1.ObjectIdentifier
			Parameters asn1.RawValue `asn1:"optional"`
		}
		Key asn1.BitString
	}
	if _, err := asn1.Unmarshal(spki, &info); err != nil || !info.Algorithm.Algorithm.Equal(oidECPublicKey) ||
		info.Algorithm.Parameters.Tag != asn1.TagSequence {
		return
	}
	var params struct {
		Version int
		Field   struct {
			Type  asn1.ObjectIdentifier
			Prime *big.Int
		}
		Curve struct {
			A, B []byte
			Seed asn1.BitString `asn1:"optional"`
		}
		Base     []byte
		Order    *big.Int
		Cofactor *big.Int `asn1:"optional"`
	}
	if _, err := asn1.Unmarshal(info.Algorithm.Parameters.FullBytes, &params); err != nil || params.Order == nil {
		return
	}
	c.explicitCurve = true
	c.keyAlg, c.keyBits = "EC", ecSecurityBits(params.Order.BitLen())
	c.curve = "explicit"
	for _, curve := range []*elliptic.CurveParams{elliptic.P224().Params(), elliptic.P256().Params(),
		elliptic.P384().Params(), elliptic.P521().Params(), p192} {
		if params.Field.Prime == nil || curve.P.Cmp(params.Field.Prime) != 0 ||
			curve.B.Cmp(new(big.Int).SetBytes(params.Curve.B)) != 0 || curve.N.Cmp(params.Order) != 0 {
			continue
		}
		c.curve = "explicit " + curve.Name
		if curve == p192 {
			c.otherKey = otherCurveKey("P-192", spki)
			return
		}
		named := map[string]elliptic.Curve{"P-224": elliptic.P224(), "P-256": elliptic.P256(),
			"P-384": elliptic.P384(), "P-521": elliptic.P521()}[curve.Name]
		if k, err := ecdsa.ParseUncompressedPublicKey(named, info.Key.Bytes); err == nil {
			c.otherKey = k
		}
		return
	}
}
