// Package certset loads a set of certificates, private keys and CRLs from
// files and directories the way an operator keeps them next to nginx: PEM
// with any number of blocks, DER, PKCS#7 bundles, PKCS#12, encrypted keys (PKCS#8 PBES2 and
// the traditional Proc-Type/DEK-Info form). It never writes to the files it
// reads and never keeps private key material: only the public half of each
// key survives loading.
package certset

import (
	"context"
	"crypto"
	"crypto/x509"
	"io/fs"
)

// DefaultMaxFileSize is the largest file Load reads; larger files become a
// Problem rather than being read.
const DefaultMaxFileSize = 10 << 20

// Options controls Load.
type Options struct {
	// Passphrases are tried in order on every encrypted key and PKCS#12 file,
	// like nginx's ssl_password_file. They never appear in any output.
	Passphrases []string
	// MaxFileSize bounds every read; 0 means DefaultMaxFileSize.
	MaxFileSize int64
	// Budget is the key-derivation work the load may spend; nil means the
	// run's (SetRunBudget), or else a DefaultWorkBudget of its own.
	Budget *Budget
	// Context ends the load early: a key derivation under way is
	// abandoned and the key reported as a problem.
	Context context.Context
}

// Set is everything found under the paths given to Load.
type Set struct {
	// Certs are deduplicated by SHA-256 fingerprint, in a stable order
	// (sorted by the first path each was found at, then position in file).
	Certs []*Cert
	// Keys are the private keys found (public half only), stable order.
	Keys []*Key
	// CRLs are the certificate revocation lists found, stable order.
	CRLs []*CRL
	// Problems are files that could not be used, stable order.
	Problems []Problem
	// Files is the number of regular files examined, including ignored
	// ones (notes, configuration); a file reached under several names
	// counts once.
	Files int
}

// Cert is one distinct certificate.
type Cert struct {
	// X509 is the parsed certificate.
	X509 *x509.Certificate
	// SHA256 is the fingerprint of the DER encoding.
	SHA256 [32]byte
	// Files lists every path the certificate was found at, as given
	// (joined with the walked relative path), sorted.
	Files []string
	// Aux is true when it was read from a "BEGIN TRUSTED CERTIFICATE" block
	// (OpenSSL's auxiliary-trust format, which nginx's
	// ssl_client_certificate does not accept). When the certificate was
	// found several times, Aux is true if any copy was such a block.
	Aux bool
	// KeyNote is set when the certificate's public key could not be
	// decoded, e.g. "ECDSA prime192v1 (P-192): a curve Go cannot decode;
	// the public key is not available". X509.PublicKey is nil and
	// X509.PublicKeyAlgorithm is x509.UnknownPublicKeyAlgorithm then; the
	// rest of the certificate is intact.
	KeyNote string
	// ParseNote is set when Go's crypto/x509 refused the certificate and
	// it was read leniently, as OpenSSL reads it; it says why and what
	// could not be decoded (the raw extensions stay in X509.Extensions).
	ParseNote string
	// Sources says how the certificate was stored at each path, sorted by
	// File (one entry per distinct path and encoding).
	Sources []Source
}

// Source is one place a certificate was found, and its encoding there.
type Source struct {
	// File is the path, as in Cert.Files.
	File string
	// Encoding is EncodingPEM, EncodingPEMTrusted, EncodingDER,
	// EncodingPKCS7 or EncodingPKCS12. nginx reads only EncodingPEM (and
	// EncodingPEMTrusted for ssl_certificate).
	Encoding string
}

// Key is one private key file (or key inside a PKCS#12 file).
type Key struct {
	// File is the path the key was read from (for a file reached under
	// several names, the first in sorted order).
	File string
	// Public is the public key, or nil when the key could not be decrypted.
	Public crypto.PublicKey
	// Format describes the encoding, e.g. "PKCS#8", "PKCS#8 encrypted (PBES2)",
	// "PKCS#1 encrypted (DEK-Info)", "SEC1", "PKCS#12".
	Format string
	// Encrypted is true when the key is protected by a passphrase.
	Encrypted bool
	// Locked is true when it is encrypted and no passphrase was given.
	Locked bool
	// BadPassphrase is true when passphrases were given and none worked.
	BadPassphrase bool
	// LockReason, for a Locked key, says why mtlsdoctor did not try to
	// decrypt it even with passphrases given, e.g. "iteration count
	// 2000000000 is above the limit of 10000000". Empty when the key is
	// locked only for want of a passphrase.
	LockReason string
	// Mode is the file's permission bits (for key-permissions), of the
	// file itself when it was reached through a symbolic link.
	Mode fs.FileMode
	// Encoding is EncodingPEM, EncodingDER or EncodingPKCS12 (nginx's
	// ssl_certificate_key reads PEM only).
	Encoding string
}

// CRL is one certificate revocation list.
type CRL struct {
	// List is the parsed CRL.
	List *x509.RevocationList
	// File is the path the CRL was read from.
	File string
	// Encoding is EncodingPEM, EncodingDER or EncodingPKCS7 (nginx's
	// ssl_crl reads PEM only).
	Encoding string
}

// Problem is a file (or path) that could not be used.
type Problem struct {
	// Path is the file or directory as given/walked.
	Path string
	// Kind is "unreadable" (looked like PEM/DER/PKCS#12 but did not parse,
	// or a path given that is not a regular file or directory),
	// "too-large", "missing" (path does not exist, or a dangling symbolic
	// link), "permission" (cannot be opened), "empty" (directory with no
	// files), "loop" (symlink loop skipped).
	Kind string
	// Err is a one-line cause, e.g. "truncated PEM block (no END line)".
	// It never contains key material or passphrases.
	Err string
}
