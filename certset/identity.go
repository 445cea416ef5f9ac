package certset

import (
	"crypto"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"io"

	"github.com/mtlsdoctor/mtlsdoctor/internal/safefile"
)

// LoadKeyPair reads a TLS identity to present in a handshake (probe's
// --cert/--key or --p12): certFile holds the certificate, optionally
// followed by its chain and the private key; keyFile holds the private key,
// or is "" when the key is in certFile (a combined PEM or a PKCS#12 file).
// Every format Load reads is accepted, and opts.Passphrases are tried on an
// encrypted key or PKCS#12 file the same way.
//
// The leaf is the certificate whose public key matches the private key;
// the other certificates follow it as the chain, in file order. Unlike
// Load, the result holds the private key: use it for the handshake only.
// Errors name the file and the cause, never a passphrase.
func LoadKeyPair(certFile, keyFile string, opts Options) (tls.Certificate, error) {
	max := opts.MaxFileSize
	if max <= 0 {
		max = DefaultMaxFileSize
	}
	opts.Budget = budgetOf(opts)
	certs, keys, err := readIdentity(certFile, max, opts)
	if err != nil {
		return tls.Certificate{}, err
	}
	keyPath := certFile
	if keyFile != "" && keyFile != certFile {
		_, keys, err = readIdentity(keyFile, max, opts)
		if err != nil {
			return tls.Certificate{}, err
		}
		keyPath = keyFile
	}
	// A locked PKCS#12 file shows neither its certificates nor its key:
	// say it is locked rather than empty.
	var usable []parsedKey
	for _, k := range keys {
		switch {
		case k.locked && k.reason != "":
			return tls.Certificate{}, fmt.Errorf("%s: the private key was not decrypted: %s", keyPath, k.reason)
		case k.locked && k.enc == EncodingPKCS12:
			return tls.Certificate{}, fmt.Errorf("%s: the PKCS#12 file is protected by a password and none was given (--passin)", keyPath)
		case k.locked:
			return tls.Certificate{}, fmt.Errorf("%s: the private key is encrypted and no passphrase was given (--passin)", keyPath)
		case k.bad && k.enc == EncodingPKCS12:
			return tls.Certificate{}, fmt.Errorf("%s: none of the passphrases given opens the PKCS#12 file", keyPath)
		case k.bad:
			return tls.Certificate{}, fmt.Errorf("%s: none of the passphrases given decrypts the private key", keyPath)
		}
		usable = append(usable, k)
	}
	if len(certs) == 0 {
		return tls.Certificate{}, fmt.Errorf("%s: no certificate in it", certFile)
	}
	if len(keys) == 0 {
		if keyFile == "" {
			return tls.Certificate{}, fmt.Errorf("%s: no private key in it (give the key file too)", certFile)
		}
		return tls.Certificate{}, fmt.Errorf("%s: no private key in it", keyPath)
	}
	for _, k := range usable {
		pub, ok := k.pub.(interface{ Equal(crypto.PublicKey) bool })
		if !ok {
			continue
		}
		for i, c := range certs {
			if !pub.Equal(c.PublicKey) {
				continue
			}
			if _, ok := k.priv.(crypto.Signer); !ok {
				return tls.Certificate{}, fmt.Errorf("%s: a %T cannot sign a TLS handshake", keyPath, k.priv)
			}
			out := tls.Certificate{PrivateKey: k.priv, Leaf: c, Certificate: [][]byte{c.Raw}}
			for j, other := range certs {
				if j != i {
					out.Certificate = append(out.Certificate, other.Raw)
				}
			}
			return out, nil
		}
	}
	return tls.Certificate{}, fmt.Errorf("the private key in %s does not match any certificate in %s", keyPath, certFile)
}

// readIdentity parses one file, keeping private keys, and fails on the
// first problem.
func readIdentity(path string, max int64, opts Options) ([]*x509.Certificate, []parsedKey, error) {
	f, err := safefile.Open(path)
	if errors.As(err, new(*safefile.RefusedError)) {
		return nil, nil, fmt.Errorf("%s: %v", path, err)
	}
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, nil, fmt.Errorf("%s: not a regular file", path)
	}
	if fi.Size() > max {
		return nil, nil, fmt.Errorf("%s: %d bytes, more than the %d-byte limit", path, fi.Size(), max)
	}
	data, err := io.ReadAll(io.LimitReader(safefile.Reader(f), max+1))
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %v", path, errText(err))
	}
	defer clear(data)
	if int64(len(data)) > max {
		return nil, nil, fmt.Errorf("%s: more than the %d-byte limit", path, max)
	}
	res := parseContentWith(data, opts, true)
	if len(res.problems) > 0 {
		return nil, nil, fmt.Errorf("%s: %s", path, res.problems[0])
	}
	if !res.recognised {
		cause := res.cause
		if cause == "" {
			cause = "not a certificate or private key"
		}
		return nil, nil, fmt.Errorf("%s: %s", path, cause)
	}
	var certs []*x509.Certificate
	for _, c := range res.certs {
		certs = append(certs, c.x)
	}
	if len(certs) == 0 && len(res.keys) == 0 {
		return nil, nil, errors.New(path + ": no certificate or private key in it")
	}
	return certs, res.keys, nil
}
