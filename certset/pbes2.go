package certset

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/des"
	"crypto/pbkdf2"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"crypto/x509/pkix"
	"encoding/asn1"
	"errors"
	"fmt"
	"hash"
)

// maxPBKDF2Iterations bounds the work one passphrase attempt may cost. Real
// files use 2048 (OpenSSL) to a few hundred thousand (current Java, Windows);
// a file asking for more is reported instead of burning minutes of CPU. Tests
// and fuzz targets lower it.
var maxPBKDF2Iterations = 10_000_000

// errWrongPassphrase means a decryption produced garbage: bad padding or a
// plaintext that is not DER. With CBC and no MAC this is all one can tell.
var errWrongPassphrase = errors.New("wrong passphrase")

// unsupportedError is a well-formed encrypted object that mtlsdoctor
// cannot decrypt (scrypt, PBES1, an unknown cipher). Its message is meant
// for the operator and names the scheme, never key material.
type unsupportedError struct{ msg string }

func (e *unsupportedError) Error() string { return e.msg }

func unsupported(format string, args ...any) error {
	return &unsupportedError{msg: fmt.Sprintf(format, args...)}
}

var (
	oidPBES2  = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 5, 13}
	oidPBKDF2 = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 5, 12}
	oidScrypt = asn1.ObjectIdentifier{1, 3, 6, 1, 4, 1, 11591, 4, 11}

	oidHMACWithSHA1       = asn1.ObjectIdentifier{1, 2, 840, 113549, 2, 7}
	oidHMACWithSHA224     = asn1.ObjectIdentifier{1, 2, 840, 113549, 2, 8}
	oidHMACWithSHA256     = asn1.ObjectIdentifier{1, 2, 840, 113549, 2, 9}
	oidHMACWithSHA384     = asn1.ObjectIdentifier{1, 2, 840, 113549, 2, 10}
	oidHMACWithSHA512     = asn1.ObjectIdentifier{1, 2, 840, 113549, 2, 11}
	oidHMACWithSHA512_224 = asn1.ObjectIdentifier{1, 2, 840, 113549, 2, 12}
	oidHMACWithSHA512_256 = asn1.ObjectIdentifier{1, 2, 840, 113549, 2, 13}

	oidAES128CBC  = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 1, 2}
	oidAES192CBC  = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 1, 22}
	oidAES256CBC  = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 1, 42}
	oidDESEDE3CBC = asn1.ObjectIdentifier{1, 2, 840, 113549, 3, 7}
	oidDESCBC     = asn1.ObjectIdentifier{1, 3, 14, 3, 2, 7}
)

// pbkdf2PRFs are the PBKDF2 pseudo-random functions OpenSSL writes.
var pbkdf2PRFs = []struct {
	oid  asn1.ObjectIdentifier
	hash func() hash.Hash
}{
	{oidHMACWithSHA1, sha1.New}, {oidHMACWithSHA224, sha256.New224}, {oidHMACWithSHA256, sha256.New},
	{oidHMACWithSHA384, sha512.New384}, {oidHMACWithSHA512, sha512.New},
	{oidHMACWithSHA512_224, sha512.New512_224}, {oidHMACWithSHA512_256, sha512.New512_256},
}

// pbeNames names the password-based schemes mtlsdoctor recognises but
// cannot decrypt, for a clear "unsupported" message.
var pbeNames = map[string]string{
	"1.2.840.113549.1.5.1":    "PBES1 pbeWithMD2AndDES-CBC",
	"1.2.840.113549.1.5.3":    "PBES1 pbeWithMD5AndDES-CBC",
	"1.2.840.113549.1.5.4":    "PBES1 pbeWithMD2AndRC2-CBC",
	"1.2.840.113549.1.5.6":    "PBES1 pbeWithMD5AndRC2-CBC",
	"1.2.840.113549.1.5.10":   "PBES1 pbeWithSHA1AndDES-CBC",
	"1.2.840.113549.1.5.11":   "PBES1 pbeWithSHA1AndRC2-CBC",
	"1.2.840.113549.1.12.1.1": "PKCS#12 pbeWithSHAAnd128BitRC4",
	"1.2.840.113549.1.12.1.2": "PKCS#12 pbeWithSHAAnd40BitRC4",
	"1.2.840.113549.1.12.1.3": "PKCS#12 pbeWithSHAAnd3-KeyTripleDES-CBC",
	"1.2.840.113549.1.12.1.4": "PKCS#12 pbeWithSHAAnd2-KeyTripleDES-CBC",
	"1.2.840.113549.1.12.1.5": "PKCS#12 pbeWithSHAAnd128BitRC2-CBC",
	"1.2.840.113549.1.12.1.6": "PKCS#12 pbeWithSHAAnd40BitRC2-CBC",
}

// encryptedPrivateKeyInfo is RFC 5208's EncryptedPrivateKeyInfo.
type encryptedPrivateKeyInfo struct {
	Algorithm     pkix.AlgorithmIdentifier
	EncryptedData []byte
}

type pbes2Params struct {
	KeyDerivationFunc pkix.AlgorithmIdentifier
	EncryptionScheme  pkix.AlgorithmIdentifier
}

type pbkdf2Params struct {
	Salt       asn1.RawValue
	Iterations int
	KeyLength  int                      `asn1:"optional"`
	PRF        pkix.AlgorithmIdentifier `asn1:"optional"`
}

// pbes2Scheme is a parsed PBES2 AlgorithmIdentifier: everything needed to
// turn a passphrase into a key, without the ciphertext.
type pbes2Scheme struct {
	prf        func() hash.Hash
	salt       []byte
	iterations int
	keyLen     int
	newCipher  func(key []byte) (cipher.Block, error)
	iv         []byte
}

// parsePBES2 reads a PBES2 AlgorithmIdentifier (RFC 8018 A.4). It fails
// with an *unsupportedError for schemes it recognises but cannot run, and
// a plain error for malformed input.
func parsePBES2(alg pkix.AlgorithmIdentifier) (*pbes2Scheme, error) {
	if !alg.Algorithm.Equal(oidPBES2) {
		if name, ok := pbeNames[alg.Algorithm.String()]; ok {
			return nil, unsupported("encrypted with %s, which mtlsdoctor does not decrypt; re-encrypt with: openssl pkcs8 -topk8 -v2 aes-256-cbc -v2prf hmacWithSHA256", name)
		}
		return nil, unsupported("encrypted with unknown scheme %s", alg.Algorithm)
	}
	var params pbes2Params
	if err := unmarshalAll(alg.Parameters.FullBytes, &params); err != nil {
		return nil, fmt.Errorf("malformed PBES2 parameters: %v", err)
	}
	if params.KeyDerivationFunc.Algorithm.Equal(oidScrypt) {
		return nil, unsupported("encrypted with the scrypt key derivation (id-scrypt), which mtlsdoctor does not support; re-encrypt with PBKDF2: openssl pkcs8 -topk8 -v2 aes-256-cbc -v2prf hmacWithSHA256")
	}
	if !params.KeyDerivationFunc.Algorithm.Equal(oidPBKDF2) {
		return nil, unsupported("PBES2 with unsupported key derivation %s", params.KeyDerivationFunc.Algorithm)
	}
	var kdf pbkdf2Params
	if err := unmarshalAll(params.KeyDerivationFunc.Parameters.FullBytes, &kdf); err != nil {
		return nil, fmt.Errorf("malformed PBKDF2 parameters: %v", err)
	}
	if kdf.Salt.Class != asn1.ClassUniversal || kdf.Salt.Tag != asn1.TagOctetString {
		return nil, unsupported("PBKDF2 with a non-octet-string salt source is not supported")
	}
	if kdf.Iterations < 1 {
		return nil, fmt.Errorf("malformed PBKDF2 parameters: iteration count %d", kdf.Iterations)
	}
	if kdf.Iterations > maxPBKDF2Iterations {
		return nil, overLimit(int64(kdf.Iterations))
	}
	s := &pbes2Scheme{salt: kdf.Salt.Bytes, iterations: kdf.Iterations}
	prf := kdf.PRF.Algorithm
	if len(prf) == 0 {
		prf = oidHMACWithSHA1 // the default of RFC 8018
	}
	for _, h := range pbkdf2PRFs {
		if prf.Equal(h.oid) {
			s.prf = h.hash
		}
	}
	if s.prf == nil {
		return nil, unsupported("PBKDF2 with unsupported PRF %s", prf)
	}
	enc := params.EncryptionScheme
	blockSize := aes.BlockSize
	switch {
	case enc.Algorithm.Equal(oidAES128CBC):
		s.keyLen, s.newCipher = 16, aes.NewCipher
	case enc.Algorithm.Equal(oidAES192CBC):
		s.keyLen, s.newCipher = 24, aes.NewCipher
	case enc.Algorithm.Equal(oidAES256CBC):
		s.keyLen, s.newCipher = 32, aes.NewCipher
	case enc.Algorithm.Equal(oidDESEDE3CBC):
		s.keyLen, s.newCipher, blockSize = 24, des.NewTripleDESCipher, des.BlockSize
	case enc.Algorithm.Equal(oidDESCBC):
		s.keyLen, s.newCipher, blockSize = 8, des.NewCipher, des.BlockSize
	default:
		return nil, unsupported("PBES2 with unsupported cipher %s (supported: AES-128/192/256-CBC, DES-EDE3-CBC, DES-CBC)", enc.Algorithm)
	}
	if kdf.KeyLength != 0 && kdf.KeyLength != s.keyLen {
		return nil, fmt.Errorf("malformed PBKDF2 parameters: key length %d for a %d-byte cipher key", kdf.KeyLength, s.keyLen)
	}
	if _, err := asn1.Unmarshal(enc.Parameters.FullBytes, &s.iv); err != nil {
		return nil, fmt.Errorf("malformed PBES2 cipher IV: %v", err)
	}
	if len(s.iv) != blockSize {
		return nil, fmt.Errorf("malformed PBES2 cipher IV: %d bytes, want %d", len(s.iv), blockSize)
	}
	return s, nil
}

// decrypt derives the key from passphrase and decrypts ciphertext. A
// wrong passphrase is errWrongPassphrase; the plaintext must be one DER
// element (what every PBES2 payload we read is).
func (s *pbes2Scheme) decrypt(ciphertext []byte, passphrase string) ([]byte, error) {
	key, err := pbkdf2.Key(s.prf, passphrase, s.salt, s.iterations, s.keyLen)
	if err != nil {
		return nil, fmt.Errorf("PBKDF2: %v", err)
	}
	block, err := s.newCipher(key)
	clear(key)
	if err != nil {
		return nil, err
	}
	bs := block.BlockSize()
	if len(ciphertext) == 0 || len(ciphertext)%bs != 0 {
		return nil, fmt.Errorf("malformed ciphertext: %d bytes is not a multiple of the %d-byte block", len(ciphertext), bs)
	}
	plain := make([]byte, len(ciphertext))
	cipher.NewCBCDecrypter(block, s.iv).CryptBlocks(plain, ciphertext)
	return unpadDER(plain, bs)
}

// cost is the work of one derivation: PBKDF2 runs its iterations once
// per block of the hash's size in the key (twice for AES-256 with SHA-1).
func (s *pbes2Scheme) cost() int64 {
	size := s.prf().Size()
	return int64(s.iterations) * int64((s.keyLen+size-1)/size)
}

// decrypt is s.decrypt paid for from the run's budget and abandoned when
// the run is interrupted.
func (p *parser) decrypt(s *pbes2Scheme, ciphertext []byte, passphrase string) ([]byte, error) {
	if !p.budget.spend(s.cost()) {
		return nil, budgetSpent(p.budget)
	}
	type out struct {
		plain []byte
		err   error
	}
	o, err := derive(p.ctx, func() out {
		plain, err := s.decrypt(ciphertext, passphrase)
		return out{plain, err}
	})
	if err != nil {
		return nil, err
	}
	return o.plain, o.err
}

// decryptPKCS8 decrypts a DER EncryptedPrivateKeyInfo with one passphrase
// and returns the DER PrivateKeyInfo. Errors: errWrongPassphrase,
// *unsupportedError, or a malformed-input error.
func decryptPKCS8(der []byte, passphrase string) ([]byte, error) {
	s, ct, err := parseEncryptedPKCS8(der)
	if err != nil {
		return nil, err
	}
	return s.decrypt(ct, passphrase)
}

// parseEncryptedPKCS8 splits a DER EncryptedPrivateKeyInfo into its scheme
// and ciphertext, so that several passphrases can be tried without parsing
// it again.
func parseEncryptedPKCS8(der []byte) (*pbes2Scheme, []byte, error) {
	var info encryptedPrivateKeyInfo
	if err := unmarshalAll(der, &info); err != nil {
		return nil, nil, fmt.Errorf("malformed encrypted PKCS#8: %v", err)
	}
	s, err := parsePBES2(info.Algorithm)
	if err != nil {
		return nil, nil, err
	}
	return s, info.EncryptedData, nil
}

// unmarshalAll is asn1.Unmarshal that rejects trailing data.
func unmarshalAll(der []byte, v any) error {
	rest, err := asn1.Unmarshal(der, v)
	if err != nil {
		return err
	}
	if len(rest) != 0 {
		return errors.New("trailing data")
	}
	return nil
}
