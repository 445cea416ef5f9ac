package certset

import (
	"crypto"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/pem"
	"errors"
	"fmt"
	"strings"
)

// keyFrom builds a parsedKey from a decoded private key.
func keyFrom(priv any, format, enc string, encrypted bool) (parsedKey, error) {
	signer, ok := priv.(interface{ Public() crypto.PublicKey })
	if !ok {
		return parsedKey{}, fmt.Errorf("unsupported private key type %T", priv)
	}
	return parsedKey{priv: priv, pub: signer.Public(), format: format, enc: enc, encrypted: encrypted}, nil
}

// keyEncoding is an encoding of an unencrypted private key: the PEM label
// that names it, its format, and its parser, which returns the key and
// its format (PKCS#8 tells RSASSA-PSS keys apart).
type keyEncoding struct {
	label, format string
	parse         func(der []byte) (any, string, error)
}

// keyEncodings are the encodings of the PEM key blocks, PKCS#8 first: its
// label, "PRIVATE KEY", is the one other tools write whatever the encoding.
var keyEncodings = []keyEncoding{
	{"PRIVATE KEY", "PKCS#8", parsePKCS8},
	{"RSA PRIVATE KEY", "PKCS#1", keyParser(x509.ParsePKCS1PrivateKey, "PKCS#1")},
	{"EC PRIVATE KEY", "SEC1", keyParser(x509.ParseECPrivateKey, "SEC1")},
}

// keyParser makes a keyEncoding's parse of a parser of one format.
func keyParser[K any](parse func([]byte) (K, error), format string) func([]byte) (any, string, error) {
	return func(der []byte) (any, string, error) {
		k, err := parse(der)
		if err != nil {
			return nil, "", err
		}
		return k, format, nil
	}
}

// keyEncodingOf is the encoding a PEM label names: PKCS#8 unless the
// label is that of another.
func keyEncodingOf(label string) keyEncoding {
	for _, e := range keyEncodings {
		if e.label == label {
			return e
		}
	}
	return keyEncodings[0]
}

// pemKey handles PRIVATE KEY / RSA PRIVATE KEY / EC PRIVATE KEY blocks,
// plain or with the traditional Proc-Type/DEK-Info encryption.
func (p *parser) pemKey(b *pem.Block) error {
	p.out.hasKey = true
	format := keyEncodingOf(b.Type).format
	//lint:ignore SA1019 the legacy Proc-Type/DEK-Info format is insecure but real files use it; we only read it
	if !x509.IsEncryptedPEMBlock(b) {
		priv, f, err := parseKeyDER(b.Type, b.Bytes)
		if err != nil {
			return curveErr(b.Bytes, err)
		}
		k, err := keyFrom(priv, f, EncodingPEM, false)
		if err != nil {
			return err
		}
		p.addKey(k)
		return nil
	}
	k := parsedKey{format: format + " encrypted (DEK-Info)", enc: EncodingPEM, encrypted: true}
	return p.unlock(k, func(pw string) (any, error) {
		//lint:ignore SA1019 the legacy Proc-Type/DEK-Info format is insecure but real files use it; we only read it
		der, err := x509.DecryptPEMBlock(b, []byte(pw))
		if errors.Is(err, x509.IncorrectPasswordError) {
			return nil, nil
		}
		if err != nil {
			return nil, fmt.Errorf("cannot decrypt (DEK-Info %q): %v", dekCipher(b), err)
		}
		priv, _, perr := parseKeyDER(b.Type, der)
		clear(der)
		if perr != nil {
			// Padding happened to be valid: still the wrong passphrase.
			return nil, nil
		}
		return priv, nil
	})
}

// unlock tries each passphrase on an encrypted key with decrypt, which
// returns the key, or nil for a wrong passphrase, or an error that ends
// the search; it adds the key to the set as unlocked, locked (no
// passphrase given) or bad (none fitted).
func (p *parser) unlock(k parsedKey, decrypt func(pw string) (any, error)) error {
	if len(p.passphrases) == 0 {
		k.locked = true
		p.addKey(k)
		return nil
	}
	for _, pw := range p.passphrases {
		priv, err := decrypt(pw)
		var le *lockError
		if errors.As(err, &le) {
			k.locked, k.reason = true, le.reason
			p.addKey(k)
			return nil
		}
		if err != nil {
			return err
		}
		if priv == nil {
			continue
		}
		nk, err := keyFrom(priv, k.format, k.enc, true)
		if err != nil {
			return err
		}
		p.addKey(nk)
		return nil
	}
	k.bad = true
	p.addKey(k)
	return nil
}

// dekCipher is the cipher name from a DEK-Info header (never the IV).
func dekCipher(b *pem.Block) string {
	name, _, _ := strings.Cut(b.Headers["DEK-Info"], ",")
	if len(name) > 40 {
		name = name[:40]
	}
	return name
}

// parseKeyDER decodes an unencrypted private key given the PEM type it
// was labelled with, trying other encodings when the label is wrong
// (go-pkcs12's ToPEM writes PKCS#1 under "PRIVATE KEY", for instance): a
// "PRIVATE KEY" block may hold any of them, an "RSA PRIVATE KEY" or "EC
// PRIVATE KEY" block PKCS#8 as well. It returns the key and its format.
func parseKeyDER(label string, der []byte) (any, string, error) {
	own := keyEncodingOf(label)
	k, f, err := own.parse(der)
	if err == nil {
		return k, f, nil
	}
	pkcs8 := keyEncodings[0].label
	for _, e := range keyEncodings {
		if (e.label == pkcs8) == (own.label == pkcs8) {
			continue
		}
		if k, f, err2 := e.parse(der); err2 == nil {
			return k, f + " (labelled " + own.label + ")", nil
		}
	}
	return nil, "", err
}

type pkcs8Info struct {
	Version    int
	Algo       pkix.AlgorithmIdentifier
	PrivateKey []byte
}

var pkcs8AlgNames = map[string]string{
	"1.2.840.10040.4.1":     "DSA",
	"1.3.101.111":           "X448",
	"1.3.101.113":           "Ed448",
	"1.2.840.113549.1.3.1":  "DH",
	"1.2.840.10046.2.1":     "X9.42 DH",
	"1.2.156.10197.1.301":   "SM2",
	"1.2.643.7.1.1.1.1":     "GOST R 34.10-2012 256",
	"1.2.643.7.1.1.1.2":     "GOST R 34.10-2012 512",
	"1.2.840.113549.1.1.10": "RSASSA-PSS",
}

var oidRSAPSS = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 1, 10}

// parsePKCS8 is x509.ParsePKCS8PrivateKey plus RSASSA-PSS keys (whose
// inner key is plain PKCS#1) and clear messages for algorithms Go lacks.
func parsePKCS8(der []byte) (any, string, error) {
	k, err := x509.ParsePKCS8PrivateKey(der)
	if err == nil {
		return k, "PKCS#8", nil
	}
	var info pkcs8Info
	if _, aerr := asn1.Unmarshal(der, &info); aerr != nil {
		return nil, "", err
	}
	if info.Algo.Algorithm.Equal(oidRSAPSS) {
		if k, err2 := x509.ParsePKCS1PrivateKey(info.PrivateKey); err2 == nil {
			return k, "PKCS#8 (RSASSA-PSS)", nil
		}
	}
	if name, ok := pkcs8AlgNames[info.Algo.Algorithm.String()]; ok {
		return nil, "", fmt.Errorf("unsupported private key algorithm %s (%s)", name, info.Algo.Algorithm)
	}
	return nil, "", err
}

// curveErr names the curve when a key failed to parse because Go lacks
// its elliptic curve.
func curveErr(der []byte, err error) error {
	if !strings.Contains(err.Error(), "elliptic curve") {
		return err
	}
	if name := curveIn(der); name != "" {
		return fmt.Errorf("private key on elliptic curve %s, which mtlsdoctor cannot decode", name)
	}
	return err
}

// encryptedPKCS8 decrypts an EncryptedPrivateKeyInfo with each passphrase.
func (p *parser) encryptedPKCS8(der []byte, enc string) error {
	k := parsedKey{format: "PKCS#8 encrypted (PBES2)", enc: enc, encrypted: true}
	scheme, ct, err := parseEncryptedPKCS8(der)
	var le *lockError
	if errors.As(err, &le) {
		k.locked, k.reason = true, le.reason
		p.addKey(k)
		return nil
	}
	if err != nil {
		return err
	}
	return p.unlock(k, func(pw string) (any, error) {
		plain, err := p.decrypt(scheme, ct, pw)
		if errors.Is(err, errWrongPassphrase) {
			return nil, nil
		}
		if err != nil {
			return nil, err
		}
		priv, _, perr := parsePKCS8(plain)
		if perr != nil {
			if cerr := curveErr(plain, perr); strings.HasPrefix(perr.Error(), "unsupported") || cerr != perr {
				clear(plain)
				return nil, cerr
			}
			clear(plain)
			return nil, nil
		}
		clear(plain)
		return priv, nil
	})
}
