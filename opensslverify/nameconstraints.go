package opensslverify

import (
	"bytes"
	"crypto/x509/pkix"
	"encoding/asn1"
	"strings"
)

// Name-constraint result codes (X509_V_ERR_*).
const (
	ErrPermittedViolation      = 47
	ErrExcludedViolation       = 48
	ErrSubtreeMinMax           = 49
	ErrUnsupportedConstraint   = 51
	ErrUnsupportedNameSyntax   = 53
	genOther, genEmail, genDNS = 0, 1, 2
	genDirName, genURI, genIP  = 4, 6, 7
)

// generalName is one GeneralName: its tag and raw value (for a
// directoryName, the canonical name).
type generalName struct {
	tag   int
	value []byte
}

type subtree struct {
	base   generalName
	minmax bool // a minimum other than 0, or any maximum: OpenSSL refuses (49)
}

type nameConstraints struct {
	permitted, excluded []subtree
}

var (
	oidNameConstraints = asn1.ObjectIdentifier{2, 5, 29, 30}
	oidSubjectAltName  = asn1.ObjectIdentifier{2, 5, 29, 17}
	oidEmailAddress    = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 1}
	oidCommonName      = asn1.ObjectIdentifier{2, 5, 4, 3}
)

// parseGeneralName reads one GeneralName (context-specific tag).
func parseGeneralName(rv asn1.RawValue) generalName {
	g := generalName{tag: rv.Tag, value: rv.Bytes}
	if rv.Tag == genDirName {
		// [4] EXPLICIT Name: the inner bytes are a full Name.
		g.value = []byte(CanonicalName(rv.Bytes))
	}
	return g
}

func parseNameConstraints(der []byte) *nameConstraints {
	var seq asn1.RawValue
	if _, err := asn1.Unmarshal(der, &seq); err != nil {
		return nil
	}
	nc := &nameConstraints{}
	rest := seq.Bytes
	for len(rest) > 0 {
		var part asn1.RawValue
		var err error
		if rest, err = asn1.Unmarshal(rest, &part); err != nil {
			return nc
		}
		subs := part.Bytes
		for len(subs) > 0 {
			var st asn1.RawValue
			if subs, err = asn1.Unmarshal(subs, &st); err != nil {
				break
			}
			var fields []asn1.RawValue
			in := st.Bytes
			for len(in) > 0 {
				var f asn1.RawValue
				if in, err = asn1.Unmarshal(in, &f); err != nil {
					break
				}
				fields = append(fields, f)
			}
			if len(fields) == 0 {
				continue
			}
			s := subtree{base: parseGeneralName(fields[0])}
			for _, f := range fields[1:] {
				if f.Tag == 1 || (f.Tag == 0 && !(len(f.Bytes) == 1 && f.Bytes[0] == 0)) {
					s.minmax = true
				}
			}
			if part.Tag == 0 {
				nc.permitted = append(nc.permitted, s)
			} else {
				nc.excluded = append(nc.excluded, s)
			}
		}
	}
	return nc
}

// names lists the names NAME_CONSTRAINTS_check looks at: the subject as a
// directoryName, its emailAddress attributes, then the subjectAltNames.
func (c *Cert) constrainedNames() []generalName {
	var out []generalName
	var rdns pkix.RDNSequence
	if _, err := asn1.Unmarshal(c.X.RawSubject, &rdns); err == nil && len(rdns) > 0 {
		out = append(out, generalName{tag: genDirName, value: []byte(c.subject)})
		for _, rdn := range rdns {
			for _, atv := range rdn {
				if atv.Type.Equal(oidEmailAddress) {
					s, _ := atv.Value.(string)
					out = append(out, generalName{tag: genEmail, value: []byte(s)})
				}
			}
		}
	}
	return append(out, c.sans...)
}

func (c *Cert) parseSANs(der []byte) {
	var seq asn1.RawValue
	if _, err := asn1.Unmarshal(der, &seq); err != nil {
		return
	}
	rest := seq.Bytes
	for len(rest) > 0 {
		var g asn1.RawValue
		var err error
		if rest, err = asn1.Unmarshal(rest, &g); err != nil {
			return
		}
		gn := parseGeneralName(g)
		if gn.tag == genDNS {
			c.hasDNSSAN = true
		}
		c.sans = append(c.sans, gn)
	}
}

// checkNameConstraints mirrors check_name_constraints: each certificate
// against the constraints of every CA above it.
func (v *verifier) checkNameConstraints() {
	num := len(v.chain)
	for i := num - 1; i >= 0; i-- {
		x := v.chain[i]
		if i != 0 && x.selfIssued {
			continue
		}
		for j := num - 1; j > i; j-- {
			nc := v.chain[j].nc
			if nc == nil {
				continue
			}
			rv := nc.check(x)
			if rv == OK && i == 0 && !x.hasDNSSAN {
				rv = nc.checkCN(x)
			}
			if rv != OK {
				v.fail(i, rv)
			}
		}
	}
}

// ncCheckMax is OpenSSL's NAME_CHECK_MAX: NAME_CONSTRAINTS_check refuses
// (X509_V_ERR_UNSPECIFIED) when names times constraints exceed it.
const ncCheckMax = 1 << 20

// ErrUnspecified is X509_V_ERR_UNSPECIFIED (1).
const ErrUnspecified = 1

func (nc *nameConstraints) check(x *Cert) int {
	names := len(x.sans)
	var rdns pkix.RDNSequence
	if _, err := asn1.Unmarshal(x.X.RawSubject, &rdns); err == nil {
		for _, rdn := range rdns {
			names += len(rdn)
		}
	}
	if constraints := len(nc.permitted) + len(nc.excluded); names > 0 && constraints > ncCheckMax/names {
		return ErrUnspecified
	}
	for _, n := range x.constrainedNames() {
		if r := nc.match(n); r != OK {
			return r
		}
	}
	return OK
}

// checkCN checks common names that look like host names against DNS
// constraints (NAME_CONSTRAINTS_check_CN), for leaves without a DNS SAN.
func (nc *nameConstraints) checkCN(x *Cert) int {
	var rdns pkix.RDNSequence
	if _, err := asn1.Unmarshal(x.X.RawSubject, &rdns); err != nil {
		return OK
	}
	for _, rdn := range rdns {
		for _, atv := range rdn {
			s, ok := atv.Value.(string)
			if !ok || !atv.Type.Equal(oidCommonName) || !cnIsDNS(s) {
				continue
			}
			if r := nc.match(generalName{tag: genDNS, value: []byte(s)}); r != OK {
				return r
			}
		}
	}
	return OK
}

// cnIsDNS is OpenSSL's cn2dnsid test: letters, digits, '_', inner '-', and
// at least one inner '.' not next to '.' or '-'.
func cnIsDNS(s string) bool {
	dns := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' {
			continue
		}
		if i > 0 && i < len(s)-1 {
			if c == '-' {
				continue
			}
			if c == '.' && s[i+1] != '.' && s[i-1] != '-' && s[i+1] != '-' {
				dns = true
				continue
			}
		}
		return false
	}
	return dns
}

func (nc *nameConstraints) match(n generalName) int {
	match := 0
	for _, st := range nc.permitted {
		if st.base.tag != n.tag {
			continue
		}
		if st.minmax {
			return ErrSubtreeMinMax
		}
		if match == 2 {
			continue
		}
		if match == 0 {
			match = 1
		}
		r := matchSingle(n, st.base)
		if r == OK {
			match = 2
		} else if r != ErrPermittedViolation {
			return r
		}
	}
	if match == 1 {
		return ErrPermittedViolation
	}
	for _, st := range nc.excluded {
		if st.base.tag != n.tag {
			continue
		}
		if st.minmax {
			return ErrSubtreeMinMax
		}
		r := matchSingle(n, st.base)
		if r == OK {
			return ErrExcludedViolation
		} else if r != ErrPermittedViolation {
			return r
		}
	}
	return OK
}

func matchSingle(n, base generalName) int {
	switch n.tag {
	case genDirName:
		b, s := string(base.value), string(n.value)
		if b == "" || s == b || strings.HasPrefix(s, b+"/") {
			return OK
		}
		return ErrPermittedViolation
	case genDNS:
		return ncDNS(n.value, base.value)
	case genEmail:
		return ncEmail(n.value, base.value)
	case genURI:
		return ncURI(n.value, base.value)
	case genIP:
		return ncIP(n.value, base.value)
	}
	return ErrUnsupportedConstraint
}

func ncDNS(dns, base []byte) int {
	if len(base) == 0 {
		return OK
	}
	if len(dns) < len(base) {
		return ErrPermittedViolation
	}
	tail := dns[len(dns)-len(base):]
	if len(dns) > len(base) && base[0] != '.' && dns[len(dns)-len(base)-1] != '.' {
		return ErrPermittedViolation
	}
	if !bytes.EqualFold(tail, base) {
		return ErrPermittedViolation
	}
	return OK
}

func ncEmail(eml, base []byte) int {
	at := bytes.LastIndexByte(eml, '@')
	if at < 0 {
		return ErrUnsupportedNameSyntax
	}
	bat := bytes.LastIndexByte(base, '@')
	if bat < 0 && len(base) > 0 && base[0] == '.' {
		if len(eml) > len(base) && bytes.EqualFold(eml[len(eml)-len(base):], base) {
			return OK
		}
		return ErrPermittedViolation
	}
	host := base
	if bat >= 0 {
		if bat != 0 && !bytes.Equal(base[:bat], eml[:at]) {
			return ErrPermittedViolation
		}
		host = base[bat+1:]
	}
	if !bytes.EqualFold(host, eml[at+1:]) {
		return ErrPermittedViolation
	}
	return OK
}

func ncURI(uri, base []byte) int {
	i := bytes.Index(uri, []byte("://"))
	if i < 0 {
		return ErrUnsupportedNameSyntax
	}
	host := uri[i+3:]
	if j := bytes.IndexAny(host, ":/"); j >= 0 {
		host = host[:j]
	}
	if len(host) == 0 {
		return ErrUnsupportedNameSyntax
	}
	if len(base) > 0 && base[0] == '.' {
		if len(host) > len(base) && bytes.EqualFold(host[len(host)-len(base):], base) {
			return OK
		}
		return ErrPermittedViolation
	}
	if !bytes.EqualFold(host, base) {
		return ErrPermittedViolation
	}
	return OK
}

func ncIP(ip, base []byte) int {
	if len(ip) != 4 && len(ip) != 16 || len(base) != 8 && len(base) != 32 {
		return ErrUnsupportedNameSyntax
	}
	if len(ip)*2 != len(base) {
		return ErrPermittedViolation
	}
	mask := base[len(ip):]
	for i := range ip {
		if ip[i]&mask[i] != base[i]&mask[i] {
			return ErrPermittedViolation
		}
	}
	return OK
}
