package certset

import (
	"bytes"
	"context"
	"crypto"
	"crypto/sha256"
	"crypto/x509"
	"fmt"
	"path/filepath"
	"strings"
)

// Encodings recorded in Source.Encoding, Key.Encoding and CRL.Encoding.
const (
	// EncodingPEM is a PEM block nginx can read ("CERTIFICATE",
	// "X509 CERTIFICATE", "X509 CRL", or a private key block).
	EncodingPEM = "PEM"
	// EncodingPEMTrusted is a "TRUSTED CERTIFICATE" PEM block (OpenSSL's
	// auxiliary trust format).
	EncodingPEMTrusted = "PEM TRUSTED CERTIFICATE"
	// EncodingDER is binary DER, which nginx's ssl_* directives cannot read.
	EncodingDER = "DER"
	// EncodingPKCS7 is a PKCS#7 (.p7b) bundle, PEM or DER.
	EncodingPKCS7 = "PKCS#7"
	// EncodingPKCS12 is a PKCS#12 (.p12/.pfx) file.
	EncodingPKCS12 = "PKCS#12"
)

// parsed is what one file's content yielded. It depends on the content and
// the passphrases only, never on the file name, so that a file reached
// under several names is parsed once.
type parsed struct {
	certs    []parsedCert
	keys     []parsedKey
	crls     []parsedCRL
	problems []string
	// recognised is true when the content is certificate/key material of
	// some kind, including kinds that are deliberately ignored (CSRs,
	// public keys, parameters).
	recognised bool
	// strong is true when the content is unmistakably meant to be such
	// material (a -----BEGIN line, or a DER structure of a known shape),
	// so failing to use it is a problem whatever the file is called.
	strong bool
	// cause says why unrecognised content is not usable; it becomes a
	// Problem when strong, or when the file name looks like a cert file.
	cause string
	// hasKey is true when private key material was seen (the buffer
	// holding the file is wiped after parsing).
	hasKey bool
}

type parsedCert struct {
	x    *x509.Certificate
	sum  [32]byte
	aux  bool
	enc  string
	note string
}

type parsedKey struct {
	priv      crypto.PrivateKey // only kept when parser.keepPrivate
	pub       crypto.PublicKey
	format    string
	enc       string
	encrypted bool
	locked    bool
	bad       bool
	reason    string // why a locked key was not tried (too much work)
}

type parsedCRL struct {
	crl *x509.RevocationList
	enc string
}

// parser turns the bytes of one file into a parsed.
type parser struct {
	passphrases []string
	keepPrivate bool
	budget      *Budget
	ctx         context.Context
	out         parsed
	dropped     int // problems beyond maxProblems
}

// parseContent parses one file's content. It never fails: what cannot be
// used is described in the result.
func parseContent(data []byte, passphrases []string, keepPrivate bool) *parsed {
	return parseContentWith(data, Options{Passphrases: passphrases}, keepPrivate)
}

// parseContentWith is parseContent with the budget and context of opts.
func parseContentWith(data []byte, opts Options, keepPrivate bool) *parsed {
	p := &parser{passphrases: opts.Passphrases, keepPrivate: keepPrivate, budget: budgetOf(opts), ctx: contextOf(opts)}
	p.parse(data)
	if p.dropped > 0 {
		p.out.problems = append(p.out.problems, fmt.Sprintf("and %d more problems in this file", p.dropped))
	}
	return &p.out
}

// maxProblems bounds the problems reported for one file.
const maxProblems = 20

func (p *parser) problem(format string, args ...any) {
	p.out.strong = true
	if len(p.out.problems) >= maxProblems {
		p.dropped++
		return
	}
	p.out.problems = append(p.out.problems, oneLine(fmt.Sprintf(format, args...)))
}

func (p *parser) addCert(x *x509.Certificate, note string, aux bool, enc string) {
	p.out.certs = append(p.out.certs, parsedCert{x: x, sum: sha256.Sum256(x.Raw), aux: aux, enc: enc, note: note})
	p.out.recognised = true
}

func (p *parser) addCRL(l *x509.RevocationList, enc string) {
	p.out.crls = append(p.out.crls, parsedCRL{crl: l, enc: enc})
	p.out.recognised = true
}

func (p *parser) addKey(k parsedKey) {
	if !p.keepPrivate {
		k.priv = nil
	}
	p.out.keys = append(p.out.keys, k)
	p.out.recognised = true
	p.out.hasKey = true
}

// parse hands the content to the PEM reader when a line starts with
// -----BEGIN, else to the binary one (DER, PKCS#12).
func (p *parser) parse(data []byte) {
	if hasLineStart(data, pemBegin) {
		p.out.strong = true
		p.parsePEM(data)
		return
	}
	if bytes.HasPrefix(data, append(utf8BOM, pemBegin...)) {
		p.out.strong = true
		p.problem("file starts with a UTF-8 byte-order mark before -----BEGIN; OpenSSL (and so nginx) skips the first PEM block: remove the BOM (sed -i '1s/^\\xEF\\xBB\\xBF//' FILE)")
		return
	}
	if bytes.Contains(data, pemBegin[:10]) {
		p.out.strong = true
		p.out.cause = "has -----BEGIN but not at the start of a line, so no PEM block can be read"
		return
	}
	p.parseBinary(data)
}

// certExts are the file name endings that make unparseable content a
// problem rather than an unrelated file.
var certExts = map[string]bool{
	".crt": true, ".cer": true, ".pem": true, ".der": true, ".key": true,
	".p12": true, ".pfx": true, ".crl": true, ".csr": true, ".p7b": true,
	".p7c": true, ".p8": true,
}

// looksLikeCertFile reports whether the name suggests certificate or key
// material.
func looksLikeCertFile(name string) bool {
	return certExts[strings.ToLower(filepath.Ext(name))]
}

// oneLine flattens a message to one bounded line.
func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 300 {
		s = s[:300] + "…"
	}
	return s
}
