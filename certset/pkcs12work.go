package certset

import (
	"context"
	"crypto/x509"
	"encoding/asn1"
	"errors"
	"math"
	"math/big"
	"time"

	gopkcs12 "software.sslmate.com/src/go-pkcs12"
)

// pfxWork is what decoding a PKCS#12 file with one passphrase costs, read
// from its structure before any key is derived.
type pfxWork struct {
	// visible is the sum of every iteration count in the file outside
	// encrypted safes (MAC, PBMAC1, encrypted safes, key bags), at any
	// depth.
	visible int64
	// mac is the MAC's share of visible: go-pkcs12 computes the MAC twice
	// for the empty passphrase (as UCS-2 "" and as no bytes at all).
	mac int64
	// safes are the encrypted safes mtlsdoctor can decrypt itself (PBES2),
	// so that the counts of the bags inside are known before go-pkcs12
	// spends them.
	safes []*pbes2Safe
	// hidden is set when an encrypted safe uses a legacy PKCS#12 cipher
	// mtlsdoctor cannot decrypt: the bags inside are unknown, and the
	// decoding runs under a time bound instead.
	hidden bool
}

type pbes2Safe struct {
	scheme *pbes2Scheme
	ct     []byte
}

// hiddenWorkTimeout bounds a PKCS#12 decoding whose encrypted safes
// mtlsdoctor cannot look into.
var hiddenWorkTimeout = 5 * time.Second

// pfxWorkOf reads the cost of a PFX. It fails with a *lockError when a
// count is above maxPBKDF2Iterations. Malformed input is not its business:
// go-pkcs12 reports it.
func pfxWorkOf(der []byte) (*pfxWork, error) {
	sum, top := iterationCounts(der)
	if top > int64(maxPBKDF2Iterations) {
		return nil, overLimit(top)
	}
	w := &pfxWork{visible: sum}
	var pfx pfxPDU
	if _, err := asn1.Unmarshal(der, &pfx); err != nil {
		return w, nil
	}
	w.mac, _ = iterationCounts(pfx.MacData.FullBytes)
	var authSafeBytes []byte
	if _, err := asn1.Unmarshal(pfx.AuthSafe.Content.Bytes, &authSafeBytes); err != nil {
		return w, nil
	}
	var safes []pfxContentInfo
	if _, err := asn1.Unmarshal(authSafeBytes, &safes); err != nil {
		return w, nil
	}
	for _, ci := range safes {
		if !ci.ContentType.Equal(oidPKCS7EncryptedData) {
			continue
		}
		var ed pfxEncryptedData
		if _, err := asn1.Unmarshal(ci.Content.Bytes, &ed); err != nil {
			continue
		}
		eci := ed.EncryptedContentInfo
		s, err := parsePBES2(eci.ContentEncryptionAlgorithm)
		var le *lockError
		switch {
		case err == nil:
			w.safes = append(w.safes, &pbes2Safe{scheme: s, ct: eci.EncryptedContent})
		case errors.As(err, &le):
			return nil, err
		default:
			w.hidden = true
		}
	}
	return w, nil
}

// iterationCounts walks DER (and DER inside OCTET STRINGs) to any depth
// and returns the sum and the largest of the iteration counts in it: every
// MacData, pkcs-12PbeParams and PBKDF2-params holds the count as an
// INTEGER right after an OCTET STRING salt. A count that does not fit an
// int64, or is negative, counts as math.MaxInt64. The walk uses a stack
// of its own, so no nesting exhausts the goroutine's.
func iterationCounts(der []byte) (sum, top int64) {
	stack := [][]byte{der}
	for len(stack) > 0 {
		rest := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		var prevOctet bool
		for len(rest) > 0 {
			var v asn1.RawValue
			r, err := asn1.Unmarshal(rest, &v)
			if err != nil {
				break
			}
			rest = r
			switch {
			case prevOctet && isUniversal(v, asn1.TagInteger):
				n := int64(math.MaxInt64)
				it := new(big.Int).SetBytes(v.Bytes)
				if len(v.Bytes) > 0 && v.Bytes[0]&0x80 == 0 && it.IsInt64() {
					n = it.Int64()
				}
				top = max(top, n)
				if sum > math.MaxInt64-n {
					sum = math.MaxInt64
				} else {
					sum += n
				}
			case v.IsCompound:
				stack = append(stack, v.Bytes)
			case isUniversal(v, asn1.TagOctetString) && len(v.Bytes) > 0 && v.Bytes[0] == 0x30:
				// authSafe content and data bags are DER inside OCTET STRINGs.
				stack = append(stack, v.Bytes)
			}
			prevOctet = isUniversal(v, asn1.TagOctetString)
		}
	}
	return sum, top
}

// pfxResult is what go-pkcs12's DecodeChain returns.
type pfxResult struct {
	priv any
	leaf *x509.Certificate
	cas  []*x509.Certificate
	err  error
}

// errPFXWrongPassphrase is a passphrase one of the encrypted safes
// rejected before go-pkcs12 was asked.
var errPFXWrongPassphrase = errors.New("wrong passphrase")

// decodePFX decodes der with pw once its whole cost is known and paid
// for: the visible counts, and the counts inside each encrypted safe
// mtlsdoctor can decrypt itself (a wrong passphrase is found there, before
// go-pkcs12 spends anything).
func (p *parser) decodePFX(der []byte, w *pfxWork, pw string) pfxResult {
	cost, macShare := w.visible, w.mac
	if pw == "" {
		cost, macShare = cost+w.mac, 2*w.mac
	}
	for _, s := range w.safes {
		if !p.budget.spend(s.scheme.cost()) {
			return pfxResult{err: budgetSpent(p.budget)}
		}
		type out struct {
			plain []byte
			err   error
		}
		o, err := derive(p.ctx, func() out {
			plain, err := s.scheme.decrypt(s.ct, pw)
			return out{plain, err}
		})
		switch {
		case err != nil:
			return pfxResult{err: err}
		case errors.Is(o.err, errWrongPassphrase):
			return pfxResult{err: errPFXWrongPassphrase}
		case o.err != nil:
			continue // go-pkcs12 reports it
		}
		sum, top := iterationCounts(o.plain)
		clear(o.plain)
		if top > int64(maxPBKDF2Iterations) {
			return pfxResult{err: overLimit(top)}
		}
		cost = saturatingAdd(cost, sum)
	}
	if !p.budget.spend(cost) {
		return pfxResult{err: budgetSpent(p.budget)}
	}
	ctx := p.ctx
	if w.hidden {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, hiddenWorkTimeout)
		defer cancel()
	}
	r, err := derive(ctx, func() pfxResult {
		priv, leaf, cas, err := gopkcs12.DecodeChain(der, pw)
		return pfxResult{priv, leaf, cas, err}
	})
	if err != nil {
		if p.ctx.Err() == nil {
			return pfxResult{err: &lockError{"decoding it took longer than " + hiddenWorkTimeout.String() + " (the counts inside its encrypted safe cannot be read beforehand)"}}
		}
		return pfxResult{err: err}
	}
	if errors.Is(r.err, gopkcs12.ErrIncorrectPassword) {
		// The MAC said no: nothing beyond it was derived.
		p.budget.refund(cost - macShare)
	}
	return r
}

func saturatingAdd(a, b int64) int64 {
	if a > math.MaxInt64-b {
		return math.MaxInt64
	}
	return a + b
}
