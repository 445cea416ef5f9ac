package opensslverify

import (
	"bytes"
	"crypto/dsa" //lint:ignore SA1019 OpenSSL still verifies DSA certificates, so the model must know their key size.
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"math"
	"math/big"
	"strings"
	"sync"
	"unicode/utf8"
)

// Cert is a certificate with the facts OpenSSL caches about it
// (ossl_x509v3_cache_extensions), computed once so that verifying thousands
// of leaves against the same CAs costs no repeated parsing.
type Cert struct {
	X *x509.Certificate

	subject, issuer string // canonical names, compared like X509_NAME_cmp
	selfIssued      bool   // EXFLAG_SI
	selfSigned      bool   // EXFLAG_SS: self-issued, AKID matches, sig alg matches key

	hasBC, isCA   bool
	pathLen       int // -1 when absent
	hasKU         bool
	ku            x509.KeyUsage
	hasEKU        bool
	ekuClient     bool
	ekuServer     bool // serverAuth or an SGC OID
	hasNS         bool
	ns            byte
	critUnhandled bool
	invalid       bool   // EXFLAG_INVALID: an extension OpenSSL cannot decode
	invalidExt    string // which one
	v1            bool

	akidKeyID  []byte
	akidSerial *big.Int
	akidIssuer string // canonical DirName from AKID authorityCertIssuer, "" if none

	keyBits int // EVP_PKEY_get_security_bits; 0 when the key is unusable
	sigBits int // X509_get_signature_info secbits; -1 when unknown
	keyAlg  string
	curve   string // name of a curve Go cannot decode, "" otherwise
	sigAlg  string // family of the signature algorithm: "RSA", "EC", "ED25519", "DSA", "RSA-PSS"

	sigOID        asn1.ObjectIdentifier // outer signatureAlgorithm
	sigAlgsEqual  bool                  // outer and inner AlgorithmIdentifier agree
	otherKey      any                   // a key Go's parser left out that the model can use (P-192, explicit curves)
	explicitCurve bool                  // EC key with explicit parameters (94 in a chain)

	nc        *nameConstraints // nameConstraints of a CA, nil if none
	sans      []generalName
	hasDNSSAN bool

	// sigs caches signature checks by issuer (*Cert -> bool): thousands of
	// leaves share the same few intermediate-to-root signatures.
	sigs sync.Map
}

// Info computes (once) what OpenSSL caches for c.
func Info(c *x509.Certificate) *Cert {
	ci := &Cert{X: c, pathLen: -1}
	ci.subject = CanonicalName(c.RawSubject)
	ci.issuer = CanonicalName(c.RawIssuer)
	ci.v1 = c.Version == 1
	ci.keyAlg = keyFamily(c.PublicKey)
	ci.keyBits = KeySecurityBits(c.PublicKey)
	if c.PublicKey == nil {
		// Go cannot decode some curves OpenSSL accepts (P-192, secp256k1,
		// brainpool); their strength still decides the verdict.
		if name, bits, ok := OtherCurve(c.RawSubjectPublicKeyInfo); ok {
			ci.keyAlg, ci.keyBits, ci.curve = "EC", bits, name
		}
	}
	ci.sigAlg, ci.sigBits = sigInfo(c)
	ci.sigOID, ci.sigAlgsEqual = sigOID(c.Raw)
	if c.PublicKey == nil {
		ci.readOtherKey()
	}

	for _, e := range c.Extensions {
		id := e.Id
		switch {
		case id.Equal(oidBasicConstraints):
			ci.hasBC = true
			ci.isCA = c.IsCA
			if c.MaxPathLen > 0 || c.MaxPathLenZero {
				ci.pathLen = c.MaxPathLen
			}
		case id.Equal(oidKeyUsage):
			ci.hasKU = true
			ci.ku = c.KeyUsage
		case id.Equal(oidExtKeyUsage):
			ci.hasEKU = true
			for _, u := range c.ExtKeyUsage {
				switch u {
				case x509.ExtKeyUsageClientAuth:
					ci.ekuClient = true
				case x509.ExtKeyUsageServerAuth, x509.ExtKeyUsageMicrosoftServerGatedCrypto, x509.ExtKeyUsageNetscapeServerGatedCrypto:
					ci.ekuServer = true
				}
			}
		case id.Equal(oidNSCertType):
			var bs asn1.BitString
			if _, err := asn1.Unmarshal(e.Value, &bs); err == nil && len(bs.Bytes) > 0 {
				ci.hasNS = true
				ci.ns = bs.Bytes[0]
			}
		case id.Equal(oidAuthorityKeyID):
			ci.parseAKID(e.Value)
		case id.Equal(oidNameConstraints):
			ci.nc = parseNameConstraints(e.Value)
		case id.Equal(oidSubjectAltName):
			ci.parseSANs(e.Value)
		}
		if e.Critical && !supported(id) {
			ci.critUnhandled = true
		}
	}

	ci.invalidExt = invalidExtension(c)
	ci.invalid = ci.invalidExt != ""
	if ci.subject == ci.issuer {
		ci.selfIssued = true
		if !ci.invalid && ci.akidMatches(ci) && sigAlgMatches(ci.keyAlg, ci.sigAlg) {
			ci.selfSigned = true
		}
	}
	return ci
}

// SelfSigned reports whether OpenSSL considers the certificate self-signed
// (EXFLAG_SS): subject equals issuer, any authorityKeyIdentifier matches its
// own subjectKeyIdentifier, and the signature algorithm fits its own key.
// Note that a leaf whose subject DN equals its CA's DN and that carries no
// authorityKeyIdentifier is "self-signed" by this test.
func (c *Cert) SelfSigned() bool { return c.selfSigned }

// InvalidExtension names the extension OpenSSL 3.0 cannot decode in c
// (malformed, present twice, or an empty keyUsage), or is "". Such a
// certificate neither issues nor is issued in OpenSSL's path building.
func (c *Cert) InvalidExtension() string { return c.invalidExt }

// SelfIssued reports whether subject and issuer names are equal.
func (c *Cert) SelfIssued() bool { return c.selfIssued }

// SubjectKey is the canonical form of the subject name.
func (c *Cert) SubjectKey() string { return c.subject }

// IssuerKey is the canonical form of the issuer name.
func (c *Cert) IssuerKey() string { return c.issuer }

// KeyBits is the OpenSSL security-bit strength of the public key.
func (c *Cert) KeyBits() int { return c.keyBits }

// SigBits is the OpenSSL security-bit strength of the signature digest
// (63 for SHA-1, 39 for MD5 in OpenSSL 3), or -1 when unknown.
func (c *Cert) SigBits() int { return c.sigBits }

// CheckCA mirrors OpenSSL's check_ca: 0 means "not a CA", 1 a proper CA,
// 3 a v1 self-signed root, 4 a CA by keyUsage only, 5 a Netscape CA.
func (c *Cert) CheckCA() int {
	if c.invalid {
		return 0
	}
	if c.hasKU && c.ku&x509.KeyUsageCertSign == 0 {
		return 0
	}
	if c.hasBC {
		if c.isCA {
			return 1
		}
		return 0
	}
	switch {
	case c.v1 && c.selfSigned:
		return 3
	case c.hasKU:
		return 4
	case c.hasNS && c.ns&nsAnyCA != 0:
		return 5
	}
	return 0
}

// Netscape cert type bits as OpenSSL reads the first byte.
const (
	nsSSLClient = 0x80
	nsSSLServer = 0x40
	nsSSLCA     = 0x04
	nsAnyCA     = 0x07
)

// Purpose is an OpenSSL X509_PURPOSE.
type Purpose int

// The purposes nginx and its clients use.
const (
	PurposeNone Purpose = iota
	PurposeSSLClient
	PurposeSSLServer
)

// CheckPurpose mirrors X509_check_purpose for sslclient / sslserver.
func (c *Cert) CheckPurpose(p Purpose, requireCA bool) bool {
	if c.invalid {
		return true // X509_check_purpose is -1, accepted when not strict
	}
	switch p {
	case PurposeSSLClient:
		if c.EKURefuses(PurposeSSLClient) {
			return false
		}
		if requireCA {
			return c.checkSSLCA()
		}
		if c.hasKU && c.ku&(x509.KeyUsageDigitalSignature|x509.KeyUsageKeyAgreement) == 0 {
			return false
		}
		if c.hasNS && c.ns&nsSSLClient == 0 {
			return false
		}
		return true
	case PurposeSSLServer:
		if c.EKURefuses(PurposeSSLServer) {
			return false
		}
		if requireCA {
			return c.checkSSLCA()
		}
		if c.hasNS && c.ns&nsSSLServer == 0 {
			return false
		}
		if c.hasKU && c.ku&(x509.KeyUsageDigitalSignature|x509.KeyUsageKeyEncipherment|x509.KeyUsageKeyAgreement) == 0 {
			return false
		}
		return true
	}
	return true
}

// EKURefuses reports whether c's extendedKeyUsage alone refuses purpose
// p (OpenSSL's xku_reject): it has one, and p's usage is not in it. A
// CA's does so for every certificate under it.
func (c *Cert) EKURefuses(p Purpose) bool {
	switch p {
	case PurposeSSLClient:
		return c.hasEKU && !c.ekuClient
	case PurposeSSLServer:
		return c.hasEKU && !c.ekuServer
	}
	return false
}

func (c *Cert) checkSSLCA() bool {
	r := c.CheckCA()
	if r == 0 {
		return false
	}
	return r != 5 || c.ns&nsSSLCA != 0
}

// akidMatches mirrors X509_check_akid(issuer, c.akid) == X509_V_OK.
func (c *Cert) akidMatches(issuer *Cert) bool {
	if c.akidKeyID != nil && issuer.X.SubjectKeyId != nil && !bytes.Equal(c.akidKeyID, issuer.X.SubjectKeyId) {
		return false
	}
	if c.akidSerial != nil && c.akidSerial.Cmp(issuer.X.SerialNumber) != 0 {
		return false
	}
	if c.akidIssuer != "" && c.akidIssuer != issuer.issuer {
		return false
	}
	return true
}

// LikelyIssued mirrors ossl_x509_likely_issued(issuer, subject).
func LikelyIssued(issuer, subject *Cert) bool {
	return !issuer.invalid && !subject.invalid && issuer.subject == subject.issuer && subject.akidMatches(issuer) && sigAlgMatches(issuer.keyAlg, subject.sigAlg)
}

func (c *Cert) parseAKID(der []byte) {
	var raw asn1.RawValue
	if _, err := asn1.Unmarshal(der, &raw); err != nil || raw.Tag != asn1.TagSequence {
		return
	}
	rest := raw.Bytes
	for len(rest) > 0 {
		var f asn1.RawValue
		var err error
		rest, err = asn1.Unmarshal(rest, &f)
		if err != nil || f.Class != asn1.ClassContextSpecific {
			return
		}
		switch f.Tag {
		case 0:
			c.akidKeyID = append([]byte{}, f.Bytes...)
		case 1:
			// GeneralNames: the first directoryName [4] counts.
			gn := f.Bytes
			for len(gn) > 0 {
				var g asn1.RawValue
				gn, err = asn1.Unmarshal(gn, &g)
				if err != nil {
					break
				}
				if g.Class == asn1.ClassContextSpecific && g.Tag == 4 {
					c.akidIssuer = CanonicalName(g.Bytes)
					break
				}
			}
		case 2:
			c.akidSerial = new(big.Int).SetBytes(f.Bytes)
			if len(f.Bytes) > 0 && f.Bytes[0]&0x80 != 0 {
				c.akidSerial.Sub(c.akidSerial, new(big.Int).Lsh(big.NewInt(1), uint(8*len(f.Bytes))))
			}
		}
	}
}

var (
	oidBasicConstraints = asn1.ObjectIdentifier{2, 5, 29, 19}
	oidKeyUsage         = asn1.ObjectIdentifier{2, 5, 29, 15}
	oidExtKeyUsage      = asn1.ObjectIdentifier{2, 5, 29, 37}
	oidAuthorityKeyID   = asn1.ObjectIdentifier{2, 5, 29, 35}
	oidNSCertType       = asn1.ObjectIdentifier{2, 16, 840, 1, 113730, 1, 1}

	// supportedExts is OpenSSL 3.0's X509_supported_extension list: a
	// critical extension outside it fails verification with code 34.
	supportedExts = []asn1.ObjectIdentifier{
		oidNSCertType,
		oidKeyUsage,
		{2, 5, 29, 17}, // subjectAltName
		oidBasicConstraints,
		{2, 5, 29, 32}, // certificatePolicies
		{2, 5, 29, 31}, // cRLDistributionPoints
		oidExtKeyUsage,
		{1, 3, 6, 1, 5, 5, 7, 1, 7},     // sbgp-ipAddrBlock
		{1, 3, 6, 1, 5, 5, 7, 1, 8},     // sbgp-autonomousSysNum
		{1, 3, 6, 1, 5, 5, 7, 48, 1, 5}, // OCSP noCheck
		{2, 5, 29, 36},                  // policyConstraints
		{1, 3, 6, 1, 5, 5, 7, 1, 14},    // proxyCertInfo
		{2, 5, 29, 30},                  // nameConstraints
		{2, 5, 29, 33},                  // policyMappings
		{2, 5, 29, 54},                  // inhibitAnyPolicy
	}
)

func supported(id asn1.ObjectIdentifier) bool {
	for _, s := range supportedExts {
		if id.Equal(s) {
			return true
		}
	}
	return false
}

func keyFamily(pub any) string {
	switch pub.(type) {
	case *rsa.PublicKey:
		return "RSA"
	case *ecdsa.PublicKey:
		return "EC"
	case ed25519.PublicKey:
		return "ED25519"
	case *dsa.PublicKey:
		return "DSA"
	}
	return ""
}

func sigAlgMatches(keyAlg, sigAlg string) bool {
	return keyAlg != "" && (keyAlg == sigAlg || keyAlg == "RSA" && sigAlg == "RSA-PSS")
}

var (
	oidSHA224WithRSA   = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 1, 14}
	oidECDSAWithSHA224 = asn1.ObjectIdentifier{1, 2, 840, 10045, 4, 3, 1}
	oidDSAWithSHA224   = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 3, 1}
	oidDSAWithSHA256   = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 3, 2}
)

// sigInfo returns the signature family and OpenSSL 3's security bits for
// the certificate's signature (x509_sig_info_init: SHA-1 63, MD5 39,
// otherwise half the digest length).
func sigInfo(c *x509.Certificate) (string, int) {
	switch c.SignatureAlgorithm {
	case x509.MD2WithRSA:
		return "RSA", -1 // MD2 is not available in OpenSSL 3: signature info fails
	case x509.MD5WithRSA:
		return "RSA", 39
	case x509.SHA1WithRSA:
		return "RSA", 63
	case x509.SHA256WithRSA:
		return "RSA", 128
	case x509.SHA384WithRSA:
		return "RSA", 192
	case x509.SHA512WithRSA:
		return "RSA", 256
	case x509.SHA256WithRSAPSS:
		return "RSA-PSS", 128
	case x509.SHA384WithRSAPSS:
		return "RSA-PSS", 192
	case x509.SHA512WithRSAPSS:
		return "RSA-PSS", 256
	case x509.ECDSAWithSHA1:
		return "EC", 63
	case x509.ECDSAWithSHA256:
		return "EC", 128
	case x509.ECDSAWithSHA384:
		return "EC", 192
	case x509.ECDSAWithSHA512:
		return "EC", 256
	case x509.DSAWithSHA1:
		return "DSA", 63
	case x509.DSAWithSHA256:
		return "DSA", 128
	case x509.PureEd25519:
		return "ED25519", 128
	}
	// Go does not name the SHA-224 and DSA-SHA-256 algorithms; read the OID.
	var alg struct {
		TBS       asn1.RawValue
		Algorithm pkix.AlgorithmIdentifier
	}
	if _, err := asn1.Unmarshal(c.Raw, &alg); err != nil {
		return "", -1
	}
	switch {
	case alg.Algorithm.Algorithm.Equal(oidSHA224WithRSA):
		return "RSA", 112
	case alg.Algorithm.Algorithm.Equal(oidECDSAWithSHA224):
		return "EC", 112
	case alg.Algorithm.Algorithm.Equal(oidDSAWithSHA224):
		return "DSA", 112
	case alg.Algorithm.Algorithm.Equal(oidDSAWithSHA256):
		return "DSA", 128
	}
	return "", -1
}

// otherCurves are named curves OpenSSL accepts and Go cannot decode, with
// OpenSSL's security bits (from the order size: >=512 256, >=384 192,
// >=256 128, >=224 112, >=160 80).
var otherCurves = map[string]struct {
	name string
	bits int
}{
	"1.2.840.10045.3.1.1":   {"P-192", 80},
	"1.3.132.0.31":          {"secp192k1", 80},
	"1.3.132.0.8":           {"secp160r1", 80},
	"1.3.132.0.9":           {"secp160k1", 80},
	"1.3.132.0.32":          {"secp224k1", 112},
	"1.3.132.0.10":          {"secp256k1", 128},
	"1.3.36.3.3.2.8.1.1.7":  {"brainpoolP256r1", 128},
	"1.3.36.3.3.2.8.1.1.11": {"brainpoolP384r1", 192},
	"1.3.36.3.3.2.8.1.1.13": {"brainpoolP512r1", 256},
	"1.2.156.10197.1.301":   {"SM2", 128},
}

// OtherCurve reads the named curve of an EC SubjectPublicKeyInfo that Go
// could not decode, and returns its name and OpenSSL security bits.
func OtherCurve(spki []byte) (name string, bits int, ok bool) {
	var info struct {
		Algorithm struct {
			Algorithm  asn1.ObjectIdentifier
			Parameters asn1.RawValue `asn1:"optional"`
		}
		Key asn1.BitString
	}
	if _, err := asn1.Unmarshal(spki, &info); err != nil {
		return "", 0, false
	}
	var curve asn1.ObjectIdentifier
	if _, err := asn1.Unmarshal(info.Algorithm.Parameters.FullBytes, &curve); err != nil {
		return "", 0, false
	}
	c, ok := otherCurves[curve.String()]
	return c.name, c.bits, ok
}

// Curve is the name of a curve Go cannot decode ("" when Go decoded the key).
func (c *Cert) Curve() string { return c.curve }

// KeySecurityBits mirrors EVP_PKEY_get_security_bits in OpenSSL 3.0.
func KeySecurityBits(pub any) int {
	switch k := pub.(type) {
	case *rsa.PublicKey:
		return ifcSecurityBits(k.N.BitLen())
	case *dsa.PublicKey:
		return ifcSecurityBits(k.P.BitLen())
	case *ecdsa.PublicKey:
		return ecSecurityBits(k.Curve.Params().N.BitLen())
	case ed25519.PublicKey:
		return 128
	}
	return 0
}

func ecSecurityBits(orderBits int) int {
	switch {
	case orderBits >= 512:
		return 256
	case orderBits >= 384:
		return 192
	case orderBits >= 256:
		return 128
	case orderBits >= 224:
		return 112
	case orderBits >= 160:
		return 80
	}
	return 0
}

// ifcSecurityBits is OpenSSL's ossl_ifc_ffc_compute_security_bits: the
// canonical values for common sizes, else the SP 800-56B formula rounded to
// a multiple of 8.
func ifcSecurityBits(n int) int {
	switch n {
	case 2048:
		return 112
	case 3072:
		return 128
	case 4096:
		return 152
	case 6144:
		return 176
	case 7680:
		return 192
	case 8192:
		return 200
	case 15360:
		return 256
	}
	if n >= 687737 {
		return 1200
	}
	if n < 8 {
		return 0
	}
	limit := 1200
	if n <= 7680 {
		limit = 192
	} else if n <= 15360 {
		limit = 256
	}
	x := float64(n) * math.Ln2
	lx := math.Log(x)
	y := int((1.923*math.Cbrt(x*lx*lx) - 4.690) / math.Ln2)
	y = (y + 4) &^ 7
	if y > limit {
		y = limit
	}
	return y
}

// CanonicalName turns a DER Name into a comparison key with the same
// equality as OpenSSL's X509_NAME_cmp: string values are compared after
// ASCII case folding and whitespace collapsing; other values byte-exact.
func CanonicalName(der []byte) string {
	var rdns pkix.RDNSequence
	rest, err := asn1.Unmarshal(der, &rdns)
	if err != nil || len(rest) > 0 {
		return "\x00raw:" + string(der)
	}
	var b strings.Builder
	for _, rdn := range rdns {
		b.WriteByte('/')
		for i, atv := range rdn {
			if i > 0 {
				b.WriteByte('+')
			}
			b.WriteString(atv.Type.String())
			b.WriteByte('=')
			switch v := atv.Value.(type) {
			case string:
				b.WriteString(canonString(v))
			default:
				enc, _ := asn1.Marshal(v)
				b.WriteString("#" + string(enc))
			}
		}
	}
	return b.String()
}

func canonString(s string) string {
	if !utf8.ValidString(s) {
		return s
	}
	f := strings.Fields(s)
	out := strings.Join(f, " ")
	var b strings.Builder
	for i := 0; i < len(out); i++ {
		c := out[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b.WriteByte(c)
	}
	return b.String()
}
