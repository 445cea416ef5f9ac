package certset

import (
	"bytes"
	"crypto/x509/pkix"
	"encoding/asn1"
	"errors"
	"fmt"
	"strings"

	gopkcs12 "software.sslmate.com/src/go-pkcs12"
)

// pkcs12 decodes a PFX with go-pkcs12, trying the empty passphrase and
// then each given one. Certificates are added to the set; the key (public
// half) becomes a Key with Format "PKCS#12". When no passphrase opens it,
// the Key is Locked or BadPassphrase and the certificates inside are
// unavailable. Before any key is derived, every iteration count the file
// shows is checked against maxPBKDF2Iterations and each attempt is paid
// for from the run's budget; a file that asks too much is Locked with a
// LockReason.
func (p *parser) pkcs12(der []byte) {
	p.out.hasKey = true
	locked := func(reason string) {
		p.addKey(parsedKey{format: "PKCS#12", enc: EncodingPKCS12, encrypted: true, locked: true, reason: reason})
	}
	w, err := pfxWorkOf(der)
	if err != nil {
		locked(err.Error())
		return
	}
	tried := map[string]bool{}
	candidates := append([]string{""}, p.passphrases...)
	for _, pw := range candidates {
		if tried[pw] {
			continue
		}
		tried[pw] = true
		r := p.decodePFX(der, w, pw)
		priv, leaf, cas, err := r.priv, r.leaf, r.cas, r.err
		var le *lockError
		switch {
		case err == nil:
			k, kerr := keyFrom(priv, "PKCS#12", EncodingPKCS12, pw != "")
			if kerr != nil {
				p.problem("PKCS#12: %v", kerr)
				return
			}
			p.addKey(k)
			p.addCert(leaf, "", false, EncodingPKCS12)
			for _, c := range cas {
				p.addCert(c, "", false, EncodingPKCS12)
			}
			return
		case errors.As(err, &le):
			locked(le.reason)
			return
		case errors.Is(err, errInterrupted):
			p.problem("PKCS#12: %v", err)
			return
		case errors.Is(err, errPFXWrongPassphrase) || isPKCS12PasswordError(err):
			continue
		case strings.Contains(err.Error(), "private key missing"):
			// The passphrase is right (the MAC and every bag checked
			// out) but there is no key: a certificate-only PKCS#12.
			p.out.hasKey = false
			certs, cerr := p.pkcs12Certs(der, pw)
			if errors.As(cerr, &le) {
				locked(le.reason)
				return
			}
			if cerr != nil {
				p.problem("PKCS#12 without a private key: %v", cerr)
				return
			}
			for _, c := range certs {
				p.addCert(c.x, c.note, false, EncodingPKCS12)
			}
			p.out.recognised = true
			return
		case strings.Contains(err.Error(), "no MAC in data"):
			if pw == "" {
				continue // the empty passphrase is tried first; others cannot work
			}
			p.problem("PKCS#12 without a MAC (openssl pkcs12 -nomac) but with a passphrase is not supported; re-export it with a MAC")
			return
		default:
			p.problem("PKCS#12: %s", strings.TrimPrefix(err.Error(), "pkcs12: "))
			return
		}
	}
	k := parsedKey{format: "PKCS#12", enc: EncodingPKCS12, encrypted: true}
	if len(p.passphrases) == 0 {
		k.locked = true
	} else {
		k.bad = true
	}
	p.addKey(k)
}

// isPKCS12PasswordError tells a wrong passphrase from a broken file.
// go-pkcs12 wraps some of its errors by string concatenation, hence the
// string tests.
func isPKCS12PasswordError(err error) bool {
	if errors.Is(err, gopkcs12.ErrIncorrectPassword) || errors.Is(err, gopkcs12.ErrDecryption) {
		return true
	}
	s := err.Error()
	return strings.Contains(s, "decryption password incorrect") ||
		strings.Contains(s, "incorrect padding") ||
		strings.Contains(s, "cannot be encoded in UCS-2")
}

// The minimal PFX structures needed to read a certificate-only PKCS#12,
// which go-pkcs12's DecodeChain refuses (it wants a key) and DecodeTrustStore
// reads only when every bag carries Java's trust attribute.
type pfxPDU struct {
	Version  int
	AuthSafe pfxContentInfo
	MacData  asn1.RawValue `asn1:"optional"`
}

type pfxContentInfo struct {
	ContentType asn1.ObjectIdentifier
	Content     asn1.RawValue `asn1:"tag:0,explicit,optional"`
}

type pfxEncryptedData struct {
	Version              int
	EncryptedContentInfo struct {
		ContentType                asn1.ObjectIdentifier
		ContentEncryptionAlgorithm pkix.AlgorithmIdentifier
		EncryptedContent           []byte `asn1:"tag:0,optional"`
	}
}

type pfxSafeBag struct {
	ID         asn1.ObjectIdentifier
	Value      asn1.RawValue `asn1:"tag:0,explicit"`
	Attributes asn1.RawValue `asn1:"optional"`
}

type pfxCertBag struct {
	ID   asn1.ObjectIdentifier
	Data []byte `asn1:"tag:0,explicit"`
}

var (
	oidPKCS7EncryptedData = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 6}
	oidCertBag            = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 12, 10, 1, 3}
	oidX509CertType       = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 22, 1}
)

// pkcs12Certs reads the certificate bags of a PFX whose passphrase
// go-pkcs12 has already verified. Encrypted safes must use PBES2 (OpenSSL
// 3's default) or PKCS#12 triple DES; RC2 and RC4 are reported.
func (p *parser) pkcs12Certs(der []byte, pw string) ([]parsedCert, error) {
	var pfx pfxPDU
	if _, err := asn1.Unmarshal(der, &pfx); err != nil {
		return nil, fmt.Errorf("malformed PFX: %v", shortASN1Err(err))
	}
	if !pfx.AuthSafe.ContentType.Equal(oidPKCS7Data) {
		return nil, errors.New("only password-protected PFX is supported")
	}
	var authSafeBytes []byte
	if _, err := asn1.Unmarshal(pfx.AuthSafe.Content.Bytes, &authSafeBytes); err != nil {
		return nil, fmt.Errorf("malformed PFX: %v", shortASN1Err(err))
	}
	var safes []pfxContentInfo
	if _, err := asn1.Unmarshal(authSafeBytes, &safes); err != nil {
		return nil, fmt.Errorf("malformed PFX: %v", shortASN1Err(err))
	}
	var certs []parsedCert
	for _, ci := range safes {
		var contents []byte
		switch {
		case ci.ContentType.Equal(oidPKCS7Data):
			if _, err := asn1.Unmarshal(ci.Content.Bytes, &contents); err != nil {
				return nil, fmt.Errorf("malformed PFX: %v", shortASN1Err(err))
			}
		case ci.ContentType.Equal(oidPKCS7EncryptedData):
			var ed pfxEncryptedData
			if _, err := asn1.Unmarshal(ci.Content.Bytes, &ed); err != nil {
				return nil, fmt.Errorf("malformed PFX: %v", shortASN1Err(err))
			}
			eci := ed.EncryptedContentInfo
			safe := &encSafe{ct: eci.EncryptedContent}
			var err error
			if eci.ContentEncryptionAlgorithm.Algorithm.Equal(oidPBEWithSHAAnd3KeyTripleDESCBC) {
				safe.des3, err = parsePKCS12PBE(eci.ContentEncryptionAlgorithm)
			} else {
				safe.pbes2, err = parsePBES2(eci.ContentEncryptionAlgorithm)
			}
			if err != nil {
				var u *unsupportedError
				if errors.As(err, &u) {
					return nil, fmt.Errorf("certificates encrypted with %s, which mtlsdoctor reads only in PKCS#12 files that also hold a key; convert with: openssl pkcs12 -in FILE -nokeys -out FILE.pem", pbeName(eci.ContentEncryptionAlgorithm.Algorithm))
				}
				return nil, err
			}
			contents, err = p.decryptSafe(safe, pw)
			if err != nil {
				return nil, err
			}
		default:
			continue
		}
		var bags []pfxSafeBag
		if _, err := asn1.Unmarshal(contents, &bags); err != nil {
			return nil, fmt.Errorf("malformed safe contents: %v", shortASN1Err(err))
		}
		for _, bag := range bags {
			if !bag.ID.Equal(oidCertBag) {
				continue
			}
			var cb pfxCertBag
			if _, err := asn1.Unmarshal(bag.Value.Bytes, &cb); err != nil {
				return nil, fmt.Errorf("malformed certificate bag: %v", shortASN1Err(err))
			}
			if !cb.ID.Equal(oidX509CertType) {
				continue
			}
			x, note, err := parseCertificate(bytes.Clone(cb.Data))
			if err != nil {
				return nil, err
			}
			certs = append(certs, parsedCert{x: x, note: note})
		}
	}
	if len(certs) == 0 {
		return nil, errors.New("no certificates in it")
	}
	return certs, nil
}

func pbeName(oid asn1.ObjectIdentifier) string {
	if n, ok := pbeNames[oid.String()]; ok {
		return n
	}
	if oid.Equal(oidPBES2) {
		return "PBES2"
	}
	return oid.String()
}
