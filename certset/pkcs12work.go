package certset

import (
	"context"
	"crypto/sha256"
	"crypto/x509"
	"encoding/asn1"
	"errors"
	"math"
	"math/big"
	"sync"
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
	// safes are the encrypted safes mtlsdoctor can decrypt itself (PBES2
	// and the legacy pbeWithSHAAnd3-KeyTripleDES-CBC), so that the counts
	// of the bags inside are known before go-pkcs12 spends them.
	safes []*encSafe
	// hidden is set when an encrypted safe uses a legacy PKCS#12 cipher
	// mtlsdoctor cannot decrypt (RC2, RC4): the bags inside are unknown,
	// and the decoding runs under a time bound instead.
	hidden bool
	// deadline ends the decoding of a hidden file: set at its first
	// attempt, shared by the passphrases tried after it.
	deadline time.Time
}

// encSafe is an encrypted safe of a PFX: PBES2 or PKCS#12 triple DES.
type encSafe struct {
	pbes2 *pbes2Scheme
	des3  *pkcs12PBE
	ct    []byte
}

// cost is the work of decrypting the safe with pw.
func (s *encSafe) cost(pw string) int64 {
	if s.pbes2 != nil {
		return s.pbes2.cost()
	}
	encs, _ := passwordEncodings(pw)
	return int64(max(len(encs), 1)) * s.des3.cost()
}

// decryptSafe is s.decrypt paid for from the run's budget and abandoned
// when the run is interrupted.
func (p *parser) decryptSafe(s *encSafe, pw string) ([]byte, error) {
	if !p.budget.spend(s.cost(pw)) {
		return nil, budgetSpent(p.budget)
	}
	type out struct {
		plain []byte
		err   error
	}
	o, err := derive(p.ctx, func() out {
		plain, err := s.decrypt(pw)
		return out{plain, err}
	})
	if err != nil {
		return nil, err
	}
	return o.plain, o.err
}

// decrypt decrypts the safe with pw; errWrongPassphrase when pw is not
// its passphrase.
func (s *encSafe) decrypt(pw string) ([]byte, error) {
	if s.pbes2 != nil {
		return s.pbes2.decrypt(s.ct, pw)
	}
	encs, ok := passwordEncodings(pw)
	if !ok {
		return nil, errWrongPassphrase
	}
	err := errWrongPassphrase
	for _, enc := range encs {
		var plain []byte
		if plain, err = s.des3.decrypt(s.ct, enc); err == nil {
			return plain, nil
		}
	}
	return nil, err
}

// hiddenWorkTimeout bounds the decoding of a PKCS#12 file whose encrypted
// safes mtlsdoctor cannot look into, over all the passphrases tried.
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
		safe := &encSafe{ct: eci.EncryptedContent}
		var err error
		if eci.ContentEncryptionAlgorithm.Algorithm.Equal(oidPBEWithSHAAnd3KeyTripleDESCBC) {
			safe.des3, err = parsePKCS12PBE(eci.ContentEncryptionAlgorithm)
		} else {
			safe.pbes2, err = parsePBES2(eci.ContentEncryptionAlgorithm)
		}
		var le *lockError
		switch {
		case err == nil:
			w.safes = append(w.safes, safe)
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
		if !p.budget.spend(s.cost(pw)) {
			return pfxResult{err: budgetSpent(p.budget)}
		}
		type out struct {
			plain []byte
			err   error
		}
		o, err := derive(p.ctx, func() out {
			plain, err := s.decrypt(pw)
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
	var r pfxResult
	if w.hidden {
		var lerr error
		if r, lerr = p.decodeHidden(der, w, pw); lerr != nil {
			return pfxResult{err: lerr}
		}
	} else {
		var err error
		r, err = derive(p.ctx, func() pfxResult {
			priv, leaf, cas, err := gopkcs12.DecodeChain(der, pw)
			return pfxResult{priv, leaf, cas, err}
		})
		if err != nil {
			return pfxResult{err: err}
		}
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

// hiddenDecodings is what the process knows of the decodings of hidden
// files (see pfxWork.hidden). A decoding cannot be stopped half-way: one
// that ran out of time goes on in the background until it ends by itself
// or the process exits. So that such work cannot pile up, at most one is
// ever abandoned: while it runs no other hidden file is decoded, and a
// file that ran out of time once is not decoded again.
var hiddenDecodings struct {
	sync.Mutex
	abandoned bool
	timedOut  map[[32]byte]bool
}

// decodeHidden runs go-pkcs12 on a hidden file within what is left of the
// file's hiddenWorkTimeout. Its error is a *lockError or errInterrupted.
func (p *parser) decodeHidden(der []byte, w *pfxWork, pw string) (pfxResult, error) {
	sum := sha256.Sum256(der)
	h := &hiddenDecodings
	h.Lock()
	switch {
	case h.timedOut[sum]:
		h.Unlock()
		return pfxResult{}, &lockError{"decoding it took longer than " + hiddenWorkTimeout.String() + " earlier in this run (the counts inside its encrypted safe cannot be read beforehand); not tried again"}
	case h.abandoned:
		h.Unlock()
		return pfxResult{}, &lockError{"not decoded: the decoding of another PKCS#12 file whose encrypted safe cannot be read beforehand ran out of time and is still running"}
	}
	h.Unlock()
	if w.deadline.IsZero() {
		w.deadline = time.Now().Add(hiddenWorkTimeout)
	}
	ctx, cancel := context.WithDeadline(p.ctx, w.deadline)
	defer cancel()
	ch := make(chan pfxResult, 1)
	done := make(chan struct{})
	go func() {
		defer close(done)
		priv, leaf, cas, err := gopkcs12.DecodeChain(der, pw)
		ch <- pfxResult{priv, leaf, cas, err}
	}()
	select {
	case r := <-ch:
		return r, nil
	case <-ctx.Done():
	}
	if p.ctx.Err() != nil {
		return pfxResult{}, errInterrupted
	}
	h.Lock()
	if h.timedOut == nil {
		h.timedOut = map[[32]byte]bool{}
	}
	h.timedOut[sum] = true
	h.abandoned = true
	h.Unlock()
	go func() {
		<-done
		h.Lock()
		h.abandoned = false
		h.Unlock()
	}()
	return pfxResult{}, &lockError{"decoding it took longer than " + hiddenWorkTimeout.String() + " (the counts inside its encrypted safe, RC2 or RC4, cannot be read beforehand); abandoned"}
}
