package certset

import (
	"bytes"
	"crypto"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/pem"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf8"
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
}

type parsedCRL struct {
	crl *x509.RevocationList
	enc string
}

// parser turns the bytes of one file into a parsed.
type parser struct {
	passphrases []string
	keepPrivate bool
	out         parsed
	dropped     int // problems beyond maxProblems
}

// parseContent parses one file's content. It never fails: what cannot be
// used is described in the result.
func parseContent(data []byte, passphrases []string, keepPrivate bool) *parsed {
	p := &parser{passphrases: passphrases, keepPrivate: keepPrivate}
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

// keyFrom builds a parsedKey from a decoded private key.
func keyFrom(priv any, format, enc string, encrypted bool) (parsedKey, error) {
	signer, ok := priv.(interface{ Public() crypto.PublicKey })
	if !ok {
		return parsedKey{}, fmt.Errorf("unsupported private key type %T", priv)
	}
	return parsedKey{priv: priv, pub: signer.Public(), format: format, enc: enc, encrypted: encrypted}, nil
}

var (
	pemBegin = []byte("-----BEGIN ")
	pemEnd   = []byte("-----END ")
	utf8BOM  = []byte("\xef\xbb\xbf")
)

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

// hasLineStart reports whether marker occurs at the start of a line.
func hasLineStart(data, marker []byte) bool {
	return nextLineStart(data, 0, marker) >= 0
}

// nextLineStart returns the offset of the first occurrence of marker at
// or after from that starts a line, or -1.
func nextLineStart(data []byte, from int, marker []byte) int {
	for from <= len(data) {
		i := bytes.Index(data[from:], marker)
		if i < 0 {
			return -1
		}
		i += from
		if i == 0 || data[i-1] == '\n' || data[i-1] == '\r' {
			return i
		}
		from = i + 1
	}
	return -1
}

// lineEnd returns the offset just past the line starting at i (past its
// newline, if any).
func lineEnd(data []byte, i int) int {
	if j := bytes.IndexByte(data[i:], '\n'); j >= 0 {
		return i + j + 1
	}
	return len(data)
}

// pemLabel extracts TYPE from a "-----BEGIN TYPE-----" or "-----END TYPE-----"
// line (prefix already known to match).
func pemLabel(line, prefix []byte) (string, bool) {
	s := strings.TrimRight(string(line), " \t\r\n")
	s = strings.TrimPrefix(s, string(prefix))
	label, ok := strings.CutSuffix(s, "-----")
	if !ok || len(label) > 80 {
		return "", false
	}
	return label, true
}

// parsePEM walks every "-----BEGIN" line, reports blocks that are
// truncated or malformed, and decodes the rest with encoding/pem.
func (p *parser) parsePEM(data []byte) {
	var seen []string
	line, lineAt := 1, 0 // line number of offset lineAt
	lineOf := func(off int) int {
		line += bytes.Count(data[lineAt:off], []byte{'\n'})
		lineAt = off
		return line
	}
	pos, nextEnd := 0, -2
	for {
		begin := nextLineStart(data, pos, pemBegin)
		if begin < 0 {
			break
		}
		ln := lineOf(begin)
		beginEnd := lineEnd(data, begin)
		label, ok := pemLabel(data[begin:beginEnd], pemBegin)
		if !ok {
			p.problem("malformed PEM BEGIN line at line %d", ln)
			pos = beginEnd
			continue
		}
		if len(seen) < 4 {
			seen = append(seen, label)
		}
		// Both searches only move forward; remembering their last answer
		// keeps a file of many BEGIN lines and no END line linear.
		if nextEnd != -1 && nextEnd < beginEnd {
			nextEnd = nextLineStart(data, beginEnd, pemEnd)
		}
		end := nextEnd
		nextBegin := nextLineStart(data, beginEnd, pemBegin)
		if end < 0 || (nextBegin >= 0 && nextBegin < end) {
			p.problem("truncated PEM block %q at line %d (no END line)", label, ln)
			if nextBegin < 0 {
				break
			}
			pos = nextBegin
			continue
		}
		endEnd := lineEnd(data, end)
		if endLabel, ok := pemLabel(data[end:endEnd], pemEnd); !ok || endLabel != label {
			p.problem("PEM block %q at line %d ends with a mismatched END line", label, ln)
			pos = endEnd
			continue
		}
		pos = endEnd
		block, _ := pem.Decode(data[begin:endEnd])
		if block == nil {
			p.problem("PEM block %q at line %d is malformed (bad base64 or headers)", label, ln)
			continue
		}
		if err := p.pemBlock(block); err != nil {
			p.problem("PEM block %q at line %d: %v", label, ln, err)
		}
	}
	if !p.out.recognised && len(p.out.problems) == 0 {
		if len(seen) == 0 {
			p.out.cause = "no complete PEM block"
		} else {
			p.out.cause = fmt.Sprintf("no certificate, private key or CRL in the PEM data (found %s)", quoteList(seen, 3))
		}
	}
}

func quoteList(s []string, max int) string {
	var q []string
	for i, v := range s {
		if i == max {
			q = append(q, "…")
			break
		}
		q = append(q, fmt.Sprintf("%q", v))
	}
	return strings.Join(q, ", ")
}

// ignoredPEM are block types that are recognised but carry nothing
// mtlsdoctor checks.
var ignoredPEM = map[string]bool{
	"CERTIFICATE REQUEST":     true,
	"NEW CERTIFICATE REQUEST": true,
	"PUBLIC KEY":              true,
	"RSA PUBLIC KEY":          true,
	"DH PARAMETERS":           true,
	"X9.42 DH PARAMETERS":     true,
	"EC PARAMETERS":           true,
	"DSA PARAMETERS":          true,
	"SSL SESSION PARAMETERS":  true,
}

func (p *parser) pemBlock(b *pem.Block) error {
	switch b.Type {
	case "CERTIFICATE", "X509 CERTIFICATE":
		x, note, err := parseCertificate(b.Bytes)
		if err != nil {
			return err
		}
		p.addCert(x, note, false, EncodingPEM)
	case "TRUSTED CERTIFICATE":
		// DER certificate followed by OpenSSL's X509_CERT_AUX.
		var raw asn1.RawValue
		if _, err := asn1.Unmarshal(b.Bytes, &raw); err != nil {
			return fmt.Errorf("malformed trusted certificate: %v", err)
		}
		x, note, err := parseCertificate(raw.FullBytes)
		if err != nil {
			return err
		}
		p.addCert(x, note, true, EncodingPEMTrusted)
	case "X509 CRL":
		l, err := x509.ParseRevocationList(b.Bytes)
		if err != nil {
			return err
		}
		p.addCRL(l, EncodingPEM)
	case "PKCS7", "CMS":
		return p.pkcs7(b.Bytes)
	case "PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY":
		return p.pemKey(b)
	case "ENCRYPTED PRIVATE KEY":
		p.out.hasKey = true
		return p.encryptedPKCS8(b.Bytes, EncodingPEM)
	case "DSA PRIVATE KEY":
		p.out.hasKey = true
		return errors.New("DSA private keys are not supported")
	default:
		if ignoredPEM[b.Type] {
			p.out.recognised = true
		}
	}
	return nil
}

// keyFormats names the unencrypted format of each PEM key block.
var keyFormats = map[string]string{
	"PRIVATE KEY":     "PKCS#8",
	"RSA PRIVATE KEY": "PKCS#1",
	"EC PRIVATE KEY":  "SEC1",
}

// pemKey handles PRIVATE KEY / RSA PRIVATE KEY / EC PRIVATE KEY blocks,
// plain or with the traditional Proc-Type/DEK-Info encryption.
func (p *parser) pemKey(b *pem.Block) error {
	p.out.hasKey = true
	format := keyFormats[b.Type]
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
// was labelled with ("" for DER of unknown kind), trying the other
// encodings when the label is wrong (go-pkcs12's ToPEM writes PKCS#1
// under "PRIVATE KEY", for instance). It returns the key and its format.
func parseKeyDER(label string, der []byte) (any, string, error) {
	switch label {
	case "RSA PRIVATE KEY":
		k, err := x509.ParsePKCS1PrivateKey(der)
		if err != nil {
			if k2, f, err2 := parsePKCS8(der); err2 == nil {
				return k2, f + " (labelled RSA PRIVATE KEY)", nil
			}
		}
		return k, "PKCS#1", err
	case "EC PRIVATE KEY":
		k, err := x509.ParseECPrivateKey(der)
		if err != nil {
			if k2, f, err2 := parsePKCS8(der); err2 == nil {
				return k2, f + " (labelled EC PRIVATE KEY)", nil
			}
		}
		return k, "SEC1", err
	}
	k, f, err := parsePKCS8(der)
	if err == nil {
		return k, f, nil
	}
	if k, err2 := x509.ParsePKCS1PrivateKey(der); err2 == nil {
		return k, "PKCS#1 (labelled PRIVATE KEY)", nil
	}
	if k, err2 := x509.ParseECPrivateKey(der); err2 == nil {
		return k, "SEC1 (labelled PRIVATE KEY)", nil
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
	scheme, ct, err := parseEncryptedPKCS8(der)
	if err != nil {
		return err
	}
	k := parsedKey{format: "PKCS#8 encrypted (PBES2)", enc: enc, encrypted: true}
	return p.unlock(k, func(pw string) (any, error) {
		plain, err := scheme.decrypt(ct, pw)
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

// parseBinary handles content without a PEM BEGIN line: DER (one or more
// concatenated elements), PKCS#12, or something else.
func (p *parser) parseBinary(data []byte) {
	if len(bytes.TrimSpace(data)) == 0 {
		if len(data) == 0 {
			p.out.cause = "empty file"
		} else {
			p.out.cause = "file holds only white space"
		}
		return
	}
	if data[0] != 0x30 {
		p.out.cause = notPEMOrDER(data)
		return
	}
	if len(data) > 1 && data[1] == 0x80 {
		p.out.cause = "BER indefinite-length encoding (not DER); convert it with openssl (e.g. openssl pkcs12 -in FILE -out FILE.pem)"
		return
	}
	rest := data
	for n := 0; len(rest) > 0; n++ {
		var raw asn1.RawValue
		r, err := asn1.Unmarshal(rest, &raw)
		if err != nil {
			if n == 0 {
				if isText(data) {
					p.out.cause = notPEMOrDER(data)
				} else {
					p.out.cause = fmt.Sprintf("not PEM, and not valid DER (%v)", shortASN1Err(err))
				}
				return
			}
			if len(bytes.Trim(rest, " \t\r\n\x00")) != 0 {
				p.problem("data after DER element %d is not DER (%v)", n, shortASN1Err(err))
			}
			return
		}
		if n == 0 && len(bytes.Trim(r, " \t\r\n\x00")) == 0 && isPFX(&raw) {
			p.out.strong = true
			p.pkcs12(raw.FullBytes)
			return
		}
		p.derElement(&raw)
		if n == 0 && !p.out.recognised && !p.out.strong {
			return // not a shape we know: do not read on
		}
		rest = r
		if len(bytes.Trim(rest, " \t\r\n\x00")) == 0 {
			return
		}
	}
}

func shortASN1Err(err error) string {
	s := err.Error()
	if len(s) > 80 {
		s = s[:80] + "…"
	}
	return s
}

// notPEMOrDER describes content that is neither, naming its first bytes
// (a magic number tells an ELF binary or a gzip file at a glance; the
// first four bytes of a file are never key material).
func notPEMOrDER(data []byte) string {
	if isText(data) {
		return "text without a -----BEGIN line: not PEM, DER or PKCS#12"
	}
	n := min(len(data), 4)
	var hex []string
	for _, b := range data[:n] {
		hex = append(hex, fmt.Sprintf("0x%02x", b))
	}
	more := ""
	if len(data) > n {
		more = " …"
	}
	return fmt.Sprintf("not PEM, DER or PKCS#12 (starts with %s%s)", strings.Join(hex, " "), more)
}

// isText reports whether the start of data looks like text.
func isText(data []byte) bool {
	head := data
	if len(head) > 512 {
		head = head[:512]
		for i := 0; i < 3 && !utf8.Valid(head); i++ {
			head = head[:len(head)-1] // cut in the middle of a rune
		}
	}
	if !utf8.Valid(head) {
		return false
	}
	for _, r := range string(head) {
		if r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != '\f' {
			return false
		}
	}
	return true
}

// children splits the contents of a constructed element.
func children(raw *asn1.RawValue, max int) []asn1.RawValue {
	var out []asn1.RawValue
	rest := raw.Bytes
	for len(rest) > 0 && len(out) < max {
		var c asn1.RawValue
		r, err := asn1.Unmarshal(rest, &c)
		if err != nil {
			return out
		}
		out = append(out, c)
		rest = r
	}
	return out
}

func isUniversal(v asn1.RawValue, tag int) bool {
	return v.Class == asn1.ClassUniversal && v.Tag == tag
}

func isSeq(v asn1.RawValue) bool { return isUniversal(v, asn1.TagSequence) && v.IsCompound }

// smallInt returns the value of a short INTEGER element.
func smallInt(v asn1.RawValue) (int, bool) {
	if !isUniversal(v, asn1.TagInteger) || len(v.Bytes) != 1 {
		return 0, false
	}
	return int(v.Bytes[0]), true
}

var (
	oidPKCS7Data       = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 1}
	oidPKCS7SignedData = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 7, 2}
)

// isPFX recognises a PKCS#12 PFX: SEQUENCE { INTEGER 3, ContentInfo, ... }.
func isPFX(raw *asn1.RawValue) bool {
	if !isSeq(*raw) {
		return false
	}
	k := children(raw, 2)
	if len(k) < 2 {
		return false
	}
	if v, ok := smallInt(k[0]); !ok || v != 3 || !isSeq(k[1]) {
		return false
	}
	ci := children(&k[1], 1)
	if len(ci) != 1 || !isUniversal(ci[0], asn1.TagOID) {
		return false
	}
	var oid asn1.ObjectIdentifier
	if _, err := asn1.Unmarshal(ci[0].FullBytes, &oid); err != nil {
		return false
	}
	return oid.Equal(oidPKCS7Data) || oid.Equal(oidPKCS7SignedData)
}

// derElement classifies one top-level DER element by its shape and
// decodes it. A known shape that fails to decode is a problem; an unknown
// shape only sets the cause.
func (p *parser) derElement(raw *asn1.RawValue) {
	if !isSeq(*raw) {
		p.out.cause = "DER data that is not a certificate, CRL, private key or PKCS#12"
		return
	}
	der := bytes.Clone(raw.FullBytes) // parsed objects keep references to it
	k := children(raw, 12)
	fail := func(what string, err error) {
		p.problem("DER %s: %v", what, err)
	}
	switch {
	case len(k) >= 3 && isSeq(k[0]) && isSeq(k[1]) && isUniversal(k[2], asn1.TagBitString):
		x, note, err := parseCertificate(der)
		if err == nil {
			p.addCert(x, note, false, EncodingDER)
			return
		}
		l, lerr := x509.ParseRevocationList(der)
		if lerr == nil {
			p.addCRL(l, EncodingDER)
			return
		}
		if _, cerr := x509.ParseCertificateRequest(der); cerr == nil {
			p.out.recognised = true
			return
		}
		if looksLikeCRL(&k[0]) {
			fail("CRL", lerr)
		} else {
			fail("certificate", err)
		}
	case len(k) == 2 && isSeq(k[0]) && isUniversal(k[1], asn1.TagOctetString):
		p.out.hasKey = true
		p.out.strong = true
		if err := p.encryptedPKCS8(der, EncodingDER); err != nil {
			fail("encrypted private key", err)
		}
	case len(k) == 2 && isSeq(k[0]) && isUniversal(k[1], asn1.TagBitString):
		if _, err := x509.ParsePKIXPublicKey(der); err == nil {
			p.out.recognised = true // a public key: ignored
			return
		}
		p.out.cause = "DER data that is not a certificate, CRL, private key or PKCS#12"
	case len(k) >= 2 && isUniversal(k[0], asn1.TagInteger):
		p.derIntFirst(der, k)
	case len(k) >= 1 && isUniversal(k[0], asn1.TagOID):
		var oid asn1.ObjectIdentifier
		if _, err := asn1.Unmarshal(k[0].FullBytes, &oid); err == nil && oid.Equal(oidPKCS7SignedData) {
			p.out.strong = true
			if err := p.pkcs7(der); err != nil {
				fail("PKCS#7", err)
			}
			return
		}
		p.out.cause = "DER data that is not a certificate, CRL, private key or PKCS#12"
	default:
		p.out.cause = "DER data that is not a certificate, CRL, private key or PKCS#12"
	}
}

// looksLikeCRL tells a TBSCertList (which has thisUpdate, a time, among
// its first elements) from a TBSCertificate (whose times sit inside the
// validity SEQUENCE).
func looksLikeCRL(tbs *asn1.RawValue) bool {
	for _, c := range children(tbs, 5) {
		if isUniversal(c, asn1.TagUTCTime) || isUniversal(c, asn1.TagGeneralizedTime) {
			return true
		}
	}
	return false
}

// derIntFirst handles SEQUENCEs starting with an INTEGER: private keys
// (PKCS#8, PKCS#1, SEC1) and parameters.
func (p *parser) derIntFirst(der []byte, k []asn1.RawValue) {
	v, small := smallInt(k[0])
	allInts := true
	for _, c := range k {
		if !isUniversal(c, asn1.TagInteger) {
			allInts = false
		}
	}
	var (
		priv   any
		format string
		err    error
	)
	switch {
	case small && (v == 0 || v == 1) && len(k) >= 3 && isSeq(k[1]) && isUniversal(k[2], asn1.TagOctetString):
		priv, format, err = parsePKCS8(der)
	case small && v == 1 && isUniversal(k[1], asn1.TagOctetString):
		priv, err = x509.ParseECPrivateKey(der)
		format = "SEC1"
	case small && v == 0 && allInts && len(k) == 6:
		p.out.hasKey = true
		p.problem("DER DSA private key: DSA private keys are not supported")
		return
	case small && (v == 0 || v == 1) && len(k) >= 9 && isUniversal(k[1], asn1.TagInteger):
		priv, err = x509.ParsePKCS1PrivateKey(der)
		format = "PKCS#1"
	case allInts && len(k) <= 4:
		p.out.recognised = true // DH or DSA parameters: ignored
		return
	default:
		p.out.cause = "DER data that is not a certificate, CRL, private key or PKCS#12"
		return
	}
	p.out.hasKey = true
	if err != nil {
		p.problem("DER private key: %v", curveErr(der, err))
		return
	}
	key, err := keyFrom(priv, format, EncodingDER, false)
	if err != nil {
		p.problem("DER private key: %v", err)
		return
	}
	p.addKey(key)
}

// pkcs7 extracts the certificates and CRLs of a PKCS#7 SignedData (a
// .p7b bundle, as made by openssl crl2pkcs7 or exported by Windows).
func (p *parser) pkcs7(der []byte) error {
	var ci struct {
		ContentType asn1.ObjectIdentifier
		Content     asn1.RawValue `asn1:"explicit,tag:0,optional"`
	}
	if _, err := asn1.Unmarshal(der, &ci); err != nil {
		return fmt.Errorf("malformed PKCS#7: %v", shortASN1Err(err))
	}
	if !ci.ContentType.Equal(oidPKCS7SignedData) {
		return fmt.Errorf("PKCS#7 content type %s is not SignedData", ci.ContentType)
	}
	var sd asn1.RawValue
	if _, err := asn1.Unmarshal(ci.Content.Bytes, &sd); err != nil || !isSeq(sd) {
		return errors.New("malformed PKCS#7 SignedData")
	}
	found := false
	for _, c := range children(&sd, 8) {
		if c.Class != asn1.ClassContextSpecific || !c.IsCompound {
			continue
		}
		rest := c.Bytes
		for len(rest) > 0 {
			var e asn1.RawValue
			r, err := asn1.Unmarshal(rest, &e)
			if err != nil {
				return fmt.Errorf("malformed PKCS#7 SignedData: %v", shortASN1Err(err))
			}
			rest = r
			one := bytes.Clone(e.FullBytes)
			switch c.Tag {
			case 0:
				x, note, err := parseCertificate(one)
				if err != nil {
					p.problem("certificate in PKCS#7: %v", err)
					continue
				}
				p.addCert(x, note, false, EncodingPKCS7)
			case 1:
				l, err := x509.ParseRevocationList(one)
				if err != nil {
					p.problem("CRL in PKCS#7: %v", err)
					continue
				}
				p.addCRL(l, EncodingPKCS7)
			}
			found = true
		}
	}
	if !found {
		p.out.recognised = true // an empty (or signature-only) PKCS#7
	}
	return nil
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
