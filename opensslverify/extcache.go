package opensslverify

import (
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"

	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

// cachedExts are the extensions ossl_x509v3_cache_extensions decodes with
// X509_get_ext_d2i. When one of them is present but does not decode
// (malformed, or present twice), OpenSSL sets EXFLAG_INVALID: the
// certificate then neither issues nor is issued (ossl_x509_likely_issued
// fails), is not self-signed, is no CA (X509_check_ca is 0), and its
// purpose goes unchecked (X509_check_purpose is -1, which non-strict
// verification accepts).
var cachedExts = map[string]func(cryptobyte.String) bool{
	"2.5.29.19":             decodesBasicConstraints,
	"2.5.29.15":             decodesKeyUsage,
	"2.5.29.37":             decodesOIDSequence,
	"2.16.840.1.113730.1.1": decodesBitString,
	"2.5.29.14":             decodesOctetString,
	"2.5.29.35":             decodesAKID,
	"2.5.29.17":             decodesGeneralNames,
	"2.5.29.30":             decodesNameConstraints,
	"2.5.29.31":             decodesCRLDP,
	"1.3.6.1.5.5.7.1.14":    decodesSequence, // proxyCertInfo
	"1.3.6.1.5.5.7.1.7":     decodesSequence, // sbgp-ipAddrBlock
	"1.3.6.1.5.5.7.1.8":     decodesSequence, // sbgp-autonomousSysNum
}

// extNames name the cached extensions in findings.
var extNames = map[string]string{
	"2.5.29.19": "basicConstraints", "2.5.29.15": "keyUsage", "2.5.29.37": "extendedKeyUsage",
	"2.16.840.1.113730.1.1": "nsCertType", "2.5.29.14": "subjectKeyIdentifier",
	"2.5.29.35": "authorityKeyIdentifier", "2.5.29.17": "subjectAltName", "2.5.29.30": "nameConstraints",
	"2.5.29.31": "cRLDistributionPoints", "1.3.6.1.5.5.7.1.14": "proxyCertInfo",
	"1.3.6.1.5.5.7.1.7": "sbgp-ipAddrBlock", "1.3.6.1.5.5.7.1.8": "sbgp-autonomousSysNum",
}

// invalidExtension mirrors the EXFLAG_INVALID part of
// ossl_x509v3_cache_extensions in OpenSSL 3.0: it names the first
// extension OpenSSL cannot use ("" when there is none).
func invalidExtension(c *x509.Certificate) string {
	seen := map[string]bool{}
	for _, e := range c.Extensions {
		id := e.Id.String()
		dec, cached := cachedExts[id]
		if !cached {
			continue
		}
		if seen[id] {
			return extNames[id] + " (present twice)" // X509_get_ext_d2i finds two: crit -2
		}
		seen[id] = true
		if !dec(cryptobyte.String(e.Value)) {
			if id == "2.5.29.15" {
				return "keyUsage (empty or malformed)"
			}
			return extNames[id]
		}
	}
	return ""
}

func whole(s cryptobyte.String, tag cbasn1.Tag) (cryptobyte.String, bool) {
	var v cryptobyte.String
	if !s.ReadASN1(&v, tag) || !s.Empty() {
		return nil, false
	}
	return v, true
}

func decodesSequence(s cryptobyte.String) bool {
	_, ok := whole(s, cbasn1.SEQUENCE)
	return ok
}

func decodesOctetString(s cryptobyte.String) bool {
	_, ok := whole(s, cbasn1.OCTET_STRING)
	return ok
}

func decodesBitString(s cryptobyte.String) bool {
	v, ok := whole(s, cbasn1.BIT_STRING)
	return ok && len(v) > 0 && v[0] < 8
}

// decodesKeyUsage also applies OpenSSL 3.0's check for an empty keyUsage
// (RFC 5280 4.2.1.3): no bit set in the first two bytes is invalid.
func decodesKeyUsage(s cryptobyte.String) bool {
	v, ok := whole(s, cbasn1.BIT_STRING)
	if !ok || len(v) == 0 || v[0] > 7 {
		return false
	}
	bits := v[1:]
	var ku byte
	for i := 0; i < len(bits) && i < 2; i++ {
		ku |= bits[i]
	}
	return ku != 0
}

func decodesOIDSequence(s cryptobyte.String) bool {
	v, ok := whole(s, cbasn1.SEQUENCE)
	if !ok {
		return false
	}
	for !v.Empty() {
		if !readOID(&v) {
			return false
		}
	}
	return true
}

// readOID reads an OBJECT IDENTIFIER as c2i_ASN1_OBJECT accepts it:
// non-empty, no 0x80 padding, the last byte ending a sub-identifier.
func readOID(s *cryptobyte.String) bool {
	var v cryptobyte.String
	if !s.ReadASN1(&v, cbasn1.OBJECT_IDENTIFIER) || len(v) == 0 || v[len(v)-1]&0x80 != 0 {
		return false
	}
	for i := range v {
		if v[i] == 0x80 && (i == 0 || v[i-1]&0x80 == 0) {
			return false
		}
	}
	return true
}

func decodesBasicConstraints(s cryptobyte.String) bool {
	v, ok := whole(s, cbasn1.SEQUENCE)
	if !ok {
		return false
	}
	if v.PeekASN1Tag(cbasn1.BOOLEAN) {
		var b cryptobyte.String
		if !v.ReadASN1(&b, cbasn1.BOOLEAN) || len(b) != 1 {
			return false
		}
	}
	if v.PeekASN1Tag(cbasn1.INTEGER) {
		var n cryptobyte.String
		if !v.ReadASN1(&n, cbasn1.INTEGER) || len(n) == 0 || n[0]&0x80 != 0 {
			return false // a negative pathLenConstraint is invalid
		}
	}
	return v.Empty()
}

func decodesAKID(s cryptobyte.String) bool {
	v, ok := whole(s, cbasn1.SEQUENCE)
	if !ok {
		return false
	}
	var x cryptobyte.String
	var has bool
	if !v.ReadOptionalASN1(&x, &has, cbasn1.Tag(0).ContextSpecific()) {
		return false
	}
	if !v.ReadOptionalASN1(&x, &has, cbasn1.Tag(1).Constructed().ContextSpecific()) {
		return false
	}
	if has && !generalNames(x) {
		return false
	}
	if !v.ReadOptionalASN1(&x, &has, cbasn1.Tag(2).ContextSpecific()) {
		return false
	}
	return v.Empty()
}

func decodesGeneralNames(s cryptobyte.String) bool {
	v, ok := whole(s, cbasn1.SEQUENCE)
	return ok && generalNames(v)
}

func generalNames(v cryptobyte.String) bool {
	for !v.Empty() {
		if !decodesGeneralName(&v) {
			return false
		}
	}
	return true
}

// decodesGeneralName reads one GeneralName as OpenSSL's GENERAL_NAME template
// does: each form with its own tag and constructedness, no other tags.
func decodesGeneralName(s *cryptobyte.String) bool {
	var v cryptobyte.String
	var tag cbasn1.Tag
	if !s.ReadAnyASN1(&v, &tag) {
		return false
	}
	ctx := cbasn1.Tag(0).ContextSpecific()
	cons := cbasn1.Tag(0).Constructed().ContextSpecific()
	switch tag {
	case cons: // otherName ([0]): type-id, [0] EXPLICIT value
		if !readOID(&v) {
			return false
		}
		var val cryptobyte.String
		return v.ReadASN1(&val, cbasn1.Tag(0).Constructed().ContextSpecific()) && v.Empty()
	case ctx | 1, ctx | 2, ctx | 6: // rfc822Name, dNSName, URI: IA5String
		return true
	case cons | 3: // x400Address: any SEQUENCE content
		return true
	case cons | 4: // directoryName: EXPLICIT Name
		var name cryptobyte.String
		return v.ReadASN1Element(&name, cbasn1.SEQUENCE) && v.Empty() && nameDecodes(name)
	case cons | 5: // ediPartyName
		var x cryptobyte.String
		var has bool
		if !v.ReadOptionalASN1(&x, &has, cbasn1.Tag(0).Constructed().ContextSpecific()) {
			return false
		}
		if !v.ReadASN1(&x, cbasn1.Tag(1).Constructed().ContextSpecific()) {
			return false
		}
		return v.Empty()
	case ctx | 7: // iPAddress: any length here
		return true
	case ctx | 8: // registeredID
		oid := cryptobyte.String(append([]byte{0x06, byte(len(v))}, v...))
		if len(v) > 127 {
			return false
		}
		return readOID(&oid)
	}
	return false
}

// nameDecodes reports whether a Name decodes into attribute values.
func nameDecodes(der []byte) bool {
	var rdns pkix.RDNSequence
	rest, err := asn1.Unmarshal(der, &rdns)
	return err == nil && len(rest) == 0
}

func decodesNameConstraints(s cryptobyte.String) bool {
	v, ok := whole(s, cbasn1.SEQUENCE)
	if !ok {
		return false
	}
	for _, t := range []int{0, 1} {
		var subtrees cryptobyte.String
		var has bool
		if !v.ReadOptionalASN1(&subtrees, &has, cbasn1.Tag(t).Constructed().ContextSpecific()) {
			return false
		}
		for has && !subtrees.Empty() {
			var st cryptobyte.String
			if !subtrees.ReadASN1(&st, cbasn1.SEQUENCE) || !decodesGeneralName(&st) {
				return false
			}
			var x cryptobyte.String
			var h bool
			if !st.ReadOptionalASN1(&x, &h, cbasn1.Tag(0).ContextSpecific()) ||
				!st.ReadOptionalASN1(&x, &h, cbasn1.Tag(1).ContextSpecific()) || !st.Empty() {
				return false
			}
		}
	}
	return v.Empty()
}

func decodesCRLDP(s cryptobyte.String) bool {
	v, ok := whole(s, cbasn1.SEQUENCE)
	if !ok {
		return false
	}
	for !v.Empty() {
		var dp cryptobyte.String
		if !v.ReadASN1(&dp, cbasn1.SEQUENCE) {
			return false
		}
		var x cryptobyte.String
		var has bool
		if !dp.ReadOptionalASN1(&x, &has, cbasn1.Tag(0).Constructed().ContextSpecific()) {
			return false
		}
		if has {
			var name cryptobyte.String
			var tag cbasn1.Tag
			if !x.ReadAnyASN1(&name, &tag) || !x.Empty() {
				return false
			}
			switch tag {
			case cbasn1.Tag(0).Constructed().ContextSpecific():
				if !generalNames(name) {
					return false
				}
			case cbasn1.Tag(1).Constructed().ContextSpecific():
			default:
				return false
			}
		}
		if !dp.ReadOptionalASN1(&x, &has, cbasn1.Tag(1).ContextSpecific()) {
			return false
		}
		if !dp.ReadOptionalASN1(&x, &has, cbasn1.Tag(2).Constructed().ContextSpecific()) {
			return false
		}
		if has && !generalNames(x) {
			return false
		}
		if !dp.Empty() {
			return false
		}
	}
	return true
}
