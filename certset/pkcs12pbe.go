// The PKCS#12 key derivation (RFC 7292, appendix B.2) below is go-pkcs12's
// own (software.sslmate.com/src/go-pkcs12, pbkdf.go, where it is not
// exported), under its BSD licence:
//
// Copyright 2015 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package certset

import (
	"crypto/cipher"
	"crypto/des"
	"crypto/sha1"
	"crypto/x509/pkix"
	"encoding/asn1"
	"math/big"
	"unicode/utf16"
)

// oidPBEWithSHAAnd3KeyTripleDESCBC is the legacy PKCS#12 cipher OpenSSL
// 1.x (and 3.x with -legacy) writes for key bags, and Java and Windows for
// whole safes.
var oidPBEWithSHAAnd3KeyTripleDESCBC = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 12, 1, 3}

// pkcs12PBE is a pbeWithSHAAnd3-KeyTripleDES-CBC encryption: the key and
// IV come from the PKCS#12 key derivation with SHA-1, the cipher is the
// standard library's triple DES.
type pkcs12PBE struct {
	salt       []byte
	iterations int
}

// parsePKCS12PBE reads pkcs-12PbeParams. A count above
// maxPBKDF2Iterations is a *lockError.
func parsePKCS12PBE(alg pkix.AlgorithmIdentifier) (*pkcs12PBE, error) {
	var params struct {
		Salt       []byte
		Iterations int
	}
	if err := unmarshalAll(alg.Parameters.FullBytes, &params); err != nil {
		return nil, unsupported("malformed pkcs-12PbeParams: %v", shortASN1Err(err))
	}
	if params.Iterations < 1 {
		return nil, unsupported("pkcs-12PbeParams with iteration count %d", params.Iterations)
	}
	if params.Iterations > maxPBKDF2Iterations {
		return nil, overLimit(int64(params.Iterations))
	}
	return &pkcs12PBE{salt: params.Salt, iterations: params.Iterations}, nil
}

// cost is the work of one attempt: three SHA-1 chains of the count (two
// for the 24-byte key, one for the IV).
func (s *pkcs12PBE) cost() int64 { return 3 * int64(s.iterations) }

// passwordEncodings are the byte strings a passphrase may stand for in a
// PKCS#12 file: UCS-2 with a terminating zero, and for the empty
// passphrase also no bytes at all (go-pkcs12 tries both, as OpenSSL does).
func passwordEncodings(pw string) ([][]byte, bool) {
	u := utf16.Encode([]rune(pw))
	b := make([]byte, 0, 2*len(u)+2)
	for _, r := range u {
		if r >= 0xd800 && r < 0xe000 {
			return nil, false // not UCS-2: go-pkcs12 refuses it too
		}
		b = append(b, byte(r>>8), byte(r))
	}
	b = append(b, 0, 0)
	if pw == "" {
		return [][]byte{b, nil}, true
	}
	return [][]byte{b}, true
}

// decrypt decrypts ciphertext with password (already encoded), and
// checks its padding and that it is one DER value, like
// pbes2Scheme.decrypt. Anything else is errWrongPassphrase.
func (s *pkcs12PBE) decrypt(ciphertext, password []byte) ([]byte, error) {
	key := pkcs12KDF(s.salt, password, s.iterations, 1, 24)
	iv := pkcs12KDF(s.salt, password, s.iterations, 2, 8)
	defer clear(key)
	block, err := des.NewTripleDESCipher(key)
	if err != nil {
		return nil, err
	}
	if len(ciphertext) == 0 || len(ciphertext)%block.BlockSize() != 0 {
		return nil, unsupported("malformed ciphertext: %d bytes is not a multiple of the 8-byte block", len(ciphertext))
	}
	plain := make([]byte, len(ciphertext))
	cipher.NewCBCDecrypter(block, iv).CryptBlocks(plain, ciphertext)
	return unpadDER(plain, block.BlockSize())
}

// unpadDER strips PKCS#7 padding and checks that what is left is exactly
// one DER value; it clears plain and says errWrongPassphrase otherwise.
func unpadDER(plain []byte, bs int) ([]byte, error) {
	n := int(plain[len(plain)-1])
	if n == 0 || n > bs || n > len(plain) {
		clear(plain)
		return nil, errWrongPassphrase
	}
	for _, b := range plain[len(plain)-n:] {
		if int(b) != n {
			clear(plain)
			return nil, errWrongPassphrase
		}
	}
	plain = plain[:len(plain)-n]
	var raw asn1.RawValue
	if rest, err := asn1.Unmarshal(plain, &raw); err != nil || len(rest) != 0 {
		clear(plain)
		return nil, errWrongPassphrase
	}
	return plain, nil
}

// pkcs12KDF is RFC 7292 appendix B.2 with SHA-1 (u = 20, v = 64 bytes):
// size bytes for purpose id (1 key, 2 IV, 3 MAC). It is go-pkcs12's pbkdf.
func pkcs12KDF(salt, password []byte, r int, id byte, size int) []byte {
	const u, v = 20, 64
	fill := func(pattern []byte) []byte {
		if len(pattern) == 0 {
			return nil
		}
		n := v * ((len(pattern) + v - 1) / v)
		out := make([]byte, n)
		for i := 0; i < n; i += len(pattern) {
			copy(out[i:], pattern)
		}
		return out
	}
	D := make([]byte, v)
	for i := range D {
		D[i] = id
	}
	I := append(fill(salt), fill(password)...)
	defer clear(I)
	c := (size + u - 1) / u
	A := make([]byte, c*u)
	one := big.NewInt(1)
	for i := 0; i < c; i++ {
		sum := sha1.Sum(append(append([]byte{}, D...), I...))
		for j := 1; j < r; j++ {
			sum = sha1.Sum(sum[:])
		}
		copy(A[i*u:], sum[:])
		if i == c-1 {
			break
		}
		B := make([]byte, v)
		for k := 0; k < v; k += u {
			copy(B[k:], sum[:])
		}
		Bbi := new(big.Int).SetBytes(B)
		Ij := new(big.Int)
		for j := 0; j < len(I)/v; j++ {
			Ij.SetBytes(I[j*v : (j+1)*v])
			Ij.Add(Ij, Bbi)
			Ij.Add(Ij, one)
			Ijb := Ij.Bytes()
			if len(Ijb) > v {
				Ijb = Ijb[len(Ijb)-v:]
			}
			blk := I[j*v : (j+1)*v]
			clear(blk)
			copy(blk[v-len(Ijb):], Ijb)
		}
	}
	return A[:size]
}
