package checks

import (
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"fmt"
	"net"
	"strings"
)

// This file writes a certificate's extensions as the lines of an openssl
// -extfile, so that a fix signs it again with the same extensions on any
// openssl a user has: OpenSSL 1.1.1 and 3.x, and LibreSSL (macOS's
// openssl). -copy_extensions, which would copy them from a request, is
// OpenSSL 3's only.

// Extension OIDs the extfile writes.
var (
	oidBasicConstraints = asn1.ObjectIdentifier{2, 5, 29, 19}
	oidKeyUsage         = asn1.ObjectIdentifier{2, 5, 29, 15}
	oidExtKeyUsage      = asn1.ObjectIdentifier{2, 5, 29, 37}
	oidSubjectAltName   = asn1.ObjectIdentifier{2, 5, 29, 17}
	oidSubjectKeyID     = asn1.ObjectIdentifier{2, 5, 29, 14}
	oidAuthorityKeyID   = asn1.ObjectIdentifier{2, 5, 29, 35}
	oidNameConstraints  = asn1.ObjectIdentifier{2, 5, 29, 30}
	oidCRLDistribution  = asn1.ObjectIdentifier{2, 5, 29, 31}
	oidCertPolicies     = asn1.ObjectIdentifier{2, 5, 29, 32}
	oidAuthorityInfo    = asn1.ObjectIdentifier{1, 3, 6, 1, 5, 5, 7, 1, 1}
	oidNetscapeCertType = asn1.ObjectIdentifier{2, 16, 840, 1, 113730, 1, 1}
	oidNetscapeComment  = asn1.ObjectIdentifier{2, 16, 840, 1, 113730, 1, 13}
	oidAnyPolicy        = asn1.ObjectIdentifier{2, 5, 29, 32, 0}
	// extKeyUsageOpenSSL are the names openssl's config gives the
	// extended key usages it knows by name; any other is written as its
	// OID.
	extKeyUsageOpenSSL   = map[string]string{"2.5.29.37.0": "anyExtendedKeyUsage", "1.3.6.1.5.5.7.3.1": "serverAuth", "1.3.6.1.5.5.7.3.2": "clientAuth", "1.3.6.1.5.5.7.3.3": "codeSigning", "1.3.6.1.5.5.7.3.4": "emailProtection", "1.3.6.1.5.5.7.3.8": "timeStamping", "1.3.6.1.5.5.7.3.9": "OCSPSigning"}
	keyUsageOpenSSL      = []string{"digitalSignature", "nonRepudiation", "keyEncipherment", "dataEncipherment", "keyAgreement", "keyCertSign", "cRLSign", "encipherOnly", "decipherOnly"}
	netscapeCertTypeBits = []string{"client", "server", "email", "objsign", "", "sslCA", "emailCA", "objCA"}
)

// extFileLines are c's extensions as -extfile lines, in the certificate's
// order, and whether writing them keeps every extension openssl can
// write back as it was. One it does not write (another program's, a
// critical one OpenSSL does not know) is left out: a fix that reissues the
// certificate drops it. One it would write differently (a directoryName in
// a name constraint, a policy with qualifiers, a name with a comma) makes
// exact false, and the fix copies the extensions instead.
func extFileLines(c *x509.Certificate) (lines []string, exact bool) {
	exact = true
	for _, e := range c.Extensions {
		name, value, ok := extFileValue(c, e)
		if name == "" {
			continue
		}
		if !ok || value == "" || strings.ContainsAny(value, "\n") {
			exact = false
			continue
		}
		if e.Critical {
			value = "critical," + value
		}
		lines = append(lines, name+"="+value)
	}
	return lines, exact
}

// extFileValue is an extension's -extfile name and value; name is ""
// for one the extfile does not write, ok false for one it cannot write
// as it is.
func extFileValue(c *x509.Certificate, e pkix.Extension) (name, value string, ok bool) {
	switch {
	case e.Id.Equal(oidBasicConstraints):
		v := "CA:FALSE"
		if c.IsCA {
			v = "CA:TRUE"
			if c.MaxPathLen > 0 || c.MaxPathLenZero {
				v += fmt.Sprintf(",pathlen:%d", c.MaxPathLen)
			}
		}
		return "basicConstraints", v, c.BasicConstraintsValid
	case e.Id.Equal(oidKeyUsage):
		var names []string
		for i, n := range keyUsageOpenSSL {
			if c.KeyUsage&(1<<i) != 0 {
				names = append(names, n)
			}
		}
		return "keyUsage", strings.Join(names, ","), len(names) > 0
	case e.Id.Equal(oidExtKeyUsage):
		var oids []asn1.ObjectIdentifier
		if !unmarshalAll(e.Value, &oids) || len(oids) == 0 {
			return "extendedKeyUsage", "", false
		}
		names := make([]string, len(oids))
		for i, o := range oids {
			names[i] = o.String()
			if n, known := extKeyUsageOpenSSL[o.String()]; known {
				names[i] = n
			}
		}
		return "extendedKeyUsage", strings.Join(names, ","), true
	case e.Id.Equal(oidSubjectAltName):
		var gns []asn1.RawValue
		if !unmarshalAll(e.Value, &gns) {
			return "subjectAltName", "", false
		}
		names, ok := generalNames(gns, false)
		return "subjectAltName", strings.Join(names, ","), ok
	case e.Id.Equal(oidSubjectKeyID):
		return "subjectKeyIdentifier", "hash", true
	case e.Id.Equal(oidAuthorityKeyID):
		return "authorityKeyIdentifier", "keyid", len(c.AuthorityKeyId) > 0
	case e.Id.Equal(oidNameConstraints):
		v, ok := ncExtValue(e.Value)
		return "nameConstraints", v, ok
	case e.Id.Equal(oidCRLDistribution):
		// Only distribution points that are full names of URIs, with no
		// reasons and no CRL issuer.
		var dps []struct {
			Point   asn1.RawValue `asn1:"optional,tag:0"`
			Reasons asn1.RawValue `asn1:"optional,tag:1"`
			Issuer  asn1.RawValue `asn1:"optional,tag:2"`
		}
		ok := unmarshalAll(e.Value, &dps)
		var uris []string
		for _, dp := range dps {
			// [0] distributionPoint holding [0] fullName.
			name, parsed := rawList(dp.Point.Bytes)
			full := parsed && len(name) == 1 && name[0].Class == asn1.ClassContextSpecific && name[0].Tag == 0 && name[0].IsCompound
			var gns []asn1.RawValue
			if full {
				gns, parsed = rawList(name[0].Bytes)
			}
			names, named := generalNames(gns, false)
			ok = ok && full && parsed && named && len(dp.Reasons.FullBytes)+len(dp.Issuer.FullBytes) == 0
			for _, n := range names {
				ok = ok && strings.HasPrefix(n, "URI:")
			}
			uris = append(uris, names...)
		}
		return "crlDistributionPoints", strings.Join(uris, ","), ok && len(dps) == 1
	case e.Id.Equal(oidAuthorityInfo):
		var ads []struct {
			Method   asn1.ObjectIdentifier
			Location asn1.RawValue
		}
		ok := unmarshalAll(e.Value, &ads)
		var access []string
		for _, ad := range ads {
			method := map[string]string{"1.3.6.1.5.5.7.48.1": "OCSP", "1.3.6.1.5.5.7.48.2": "caIssuers"}[ad.Method.String()]
			names, named := generalNames([]asn1.RawValue{ad.Location}, false)
			ok = ok && method != "" && named && strings.HasPrefix(names[0], "URI:")
			if method != "" && named {
				access = append(access, method+";"+names[0])
			}
		}
		return "authorityInfoAccess", strings.Join(access, ","), ok
	case e.Id.Equal(oidCertPolicies):
		var policies []struct {
			ID         asn1.ObjectIdentifier
			Qualifiers asn1.RawValue `asn1:"optional"`
		}
		ok := unmarshalAll(e.Value, &policies)
		var ids []string
		for _, p := range policies {
			ok = ok && len(p.Qualifiers.FullBytes) == 0
			if p.ID.Equal(oidAnyPolicy) {
				ids = append(ids, "anyPolicy")
			} else {
				ids = append(ids, p.ID.String())
			}
		}
		return "certificatePolicies", strings.Join(ids, ","), ok
	case e.Id.Equal(oidNetscapeCertType):
		var bits asn1.BitString
		var names []string
		ok := unmarshalAll(e.Value, &bits)
		for i := 0; i < bits.BitLength; i++ {
			if bits.At(i) == 1 {
				ok = ok && i < len(netscapeCertTypeBits) && netscapeCertTypeBits[i] != ""
				if i < len(netscapeCertTypeBits) {
					names = append(names, netscapeCertTypeBits[i])
				}
			}
		}
		return "nsCertType", strings.Join(names, ","), ok
	case e.Id.Equal(oidNetscapeComment):
		var s string
		ok := unmarshalAll(e.Value, &s) && plainComment(s)
		return "nsComment", s, ok
	}
	return "", "", false
}

// rawList parses b as a run of DER values.
func rawList(b []byte) ([]asn1.RawValue, bool) {
	var list []asn1.RawValue
	for len(b) > 0 {
		var v asn1.RawValue
		rest, err := asn1.Unmarshal(b, &v)
		if err != nil {
			return nil, false
		}
		list, b = append(list, v), rest
	}
	return list, true
}

// unmarshalAll parses der into v, with nothing left over.
func unmarshalAll(der []byte, v any) bool {
	rest, err := asn1.Unmarshal(der, v)
	return err == nil && len(rest) == 0
}

// generalNames writes the names openssl's config takes (email, DNS, URI,
// IP; in a name constraint an IP with its mask); ok is false when one is
// of another kind or has a comma, which the config would split at.
func generalNames(gns []asn1.RawValue, constraint bool) (names []string, ok bool) {
	ok = true
	for _, gn := range gns {
		if gn.Class != asn1.ClassContextSpecific {
			return names, false
		}
		var n string
		switch gn.Tag {
		case 1:
			n = "email:" + string(gn.Bytes)
		case 2:
			n = "DNS:" + string(gn.Bytes)
		case 6:
			n = "URI:" + string(gn.Bytes)
		case 7:
			switch l := len(gn.Bytes); {
			case !constraint && (l == 4 || l == 16):
				n = "IP:" + net.IP(gn.Bytes).String()
			case constraint && (l == 8 || l == 32):
				n = "IP:" + net.IP(gn.Bytes[:l/2]).String() + "/" + net.IP(gn.Bytes[l/2:]).String()
			default:
				return names, false
			}
		default:
			return names, false
		}
		if strings.ContainsRune(n, ',') {
			ok = false
		}
		names = append(names, n)
	}
	return names, ok && len(names) > 0
}

// ncExtValue writes a nameConstraints extension's subtrees in their
// order.
func ncExtValue(der []byte) (string, bool) {
	var nc struct {
		Permitted []struct{ Base asn1.RawValue } `asn1:"optional,tag:0"`
		Excluded  []struct{ Base asn1.RawValue } `asn1:"optional,tag:1"`
	}
	if !unmarshalAll(der, &nc) {
		return "", false
	}
	var subtrees []string
	ok := true
	for _, part := range []struct {
		kind  string
		trees []struct{ Base asn1.RawValue }
	}{{"permitted", nc.Permitted}, {"excluded", nc.Excluded}} {
		for _, st := range part.trees {
			names, named := generalNames([]asn1.RawValue{st.Base}, true)
			ok = ok && named
			for _, n := range names {
				subtrees = append(subtrees, part.kind+";"+n)
			}
		}
	}
	return strings.Join(subtrees, ","), ok
}

// plainComment is a comment an -extfile line keeps as it is: no
// character the config syntax, printf or the shell would read.
func plainComment(s string) bool {
	if s == "" || strings.TrimSpace(s) != s {
		return false
	}
	for _, r := range s {
		ok := r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune(" .,:;_/()-+=", r)
		if !ok {
			return false
		}
	}
	return true
}

// extFilePrintf is the command that writes lines to file, or "" when
// there are none or a value would need quoting that a one-line printf
// cannot give it.
func extFilePrintf(lines []string, file string) string {
	if len(lines) == 0 {
		return ""
	}
	for _, l := range lines {
		if strings.ContainsAny(l, "'%\\\"$#\n") {
			return ""
		}
	}
	return "printf '" + strings.Join(lines, `\n`) + `\n' > ` + file
}
