package certset

import (
	"bytes"
	"crypto/x509"
	"encoding/asn1"
	"encoding/pem"
	"errors"
	"fmt"
	"strings"
)

// The PEM markers, and the byte-order mark some editors put before them.
var (
	pemBegin = []byte("-----BEGIN ")
	pemEnd   = []byte("-----END ")
	utf8BOM  = []byte("\xef\xbb\xbf")
)

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
