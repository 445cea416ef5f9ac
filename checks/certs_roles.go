package checks

import (
	"bytes"
	"crypto/x509"
	"path/filepath"
	"slices"
	"strings"

	"github.com/mtlsdoctor/mtlsdoctor/certset"
	"github.com/mtlsdoctor/mtlsdoctor/internal/lazyre"
	"github.com/mtlsdoctor/mtlsdoctor/opensslverify"
)

// assignRoles infers each certificate's role from its extensions and from
// what it does in the set (a certificate that signed another one is a CA
// there, whatever its basicConstraints say).
func (r *run) assignRoles() {
	r.bySubject = map[string][]*certState{}
	for _, s := range r.certs {
		r.bySubject[s.info.SubjectKey()] = append(r.bySubject[s.info.SubjectKey()], s)
	}
	parallel(len(r.certs), func(i int) {
		s := r.certs[i]
		if s.info.SelfSigned() && opensslverify.SignedBy(s.info, s.info) {
			return
		}
		s.signedBy = r.findSigner(s)
	})
	for _, s := range r.certs {
		for _, is := range s.signedBy {
			is.issues = true
		}
	}
	for _, s := range r.certs {
		s.role = roleOf(s)
		if s.c.SHA256 == r.o.Presented && r.o.Presented != ([32]byte{}) {
			s.role = RoleClient
		}
	}
	for _, s := range r.certs {
		if s.role != RoleClient {
			continue
		}
		// Every CA up its chain (a chain of a set is short; the bound
		// stops a loop of cross-signed CAs).
		for up, n := s, 0; len(up.signedBy) > 0 && n < 16; n++ {
			up = up.signedBy[0]
			if up == s {
				break
			}
			up.clientsBelow = true
		}
	}
}

// findSigner is the certificates of the set whose key made s's signature.
// A signature depends only on the signer's public key, so the candidates
// (same name as s's issuer) are grouped by key and each key is tried once,
// the likeliest first: the one s's authorityKeyIdentifier names, then CAs,
// then the rest. The first key that verifies is the only one that can, so
// the search stops there, and s costs one signature check, not one per
// certificate that shares its issuer's name (thousands, when the guides'
// clients reuse their CA's subject).
func (r *run) findSigner(s *certState) []*certState {
	cands := r.bySubject[s.info.IssuerKey()]
	rank := func(c *certState) int {
		x := c.c.X509
		switch {
		case len(x.SubjectKeyId) > 0 && bytes.Equal(x.SubjectKeyId, s.c.X509.AuthorityKeyId):
			return 0
		case !opensslverify.LikelyIssued(c.info, s.info):
			return 3
		case c.info.CheckCA() != 0:
			return 1
		}
		return 2
	}
	var tried []string
	for pass := 0; pass <= 3; pass++ {
		for _, c := range cands {
			if c == s || rank(c) != pass {
				continue
			}
			key := string(c.c.X509.RawSubjectPublicKeyInfo)
			if slices.Contains(tried, key) {
				continue
			}
			tried = append(tried, key)
			if opensslverify.SignedBy(s.info, c.info) {
				return sameKey(cands, s, key)
			}
		}
	}
	return nil
}

// sameKey is the certificates of cands other than s whose public key is key.
func sameKey(cands []*certState, s *certState, key string) []*certState {
	var out []*certState
	for _, c := range cands {
		if c != s && string(c.c.X509.RawSubjectPublicKeyInfo) == key {
			out = append(out, c)
		}
	}
	return out
}

func roleOf(s *certState) string {
	x := s.c.X509
	// A certificate with its issuer's name that its own key did not sign
	// (the guides' v1 client certificate made with the CA's subject) is
	// no root, whatever OpenSSL's self-signed flag says: it is what a
	// client presents, and nginx logs 18 for it.
	posesAsRoot := s.info.SelfSigned() && !opensslverify.SignedBy(s.info, s.info) && !s.issues
	if s.info.SelfSigned() && !s.issues && clientFileName(first(s.c.Files)) {
		// A self-signed certificate that signs nothing here and sits in
		// a file named for a client (bad_client.crt beside bad_client.key;
		// OpenSSL 3's req -x509 marks what it makes CA:TRUE, and OpenSSL
		// takes a self-signed v1 certificate for a root): a client's own
		// self-signed certificate, not a CA.
		return RoleClient
	}
	if !posesAsRoot && (s.issues || (x.BasicConstraintsValid && x.IsCA) || (s.info.SelfSigned() && s.info.CheckCA() == 3)) {
		if s.info.SelfSigned() {
			return RoleCA
		}
		return RoleIntermediate
	}
	// What the operator called it wins over its extensions: a file named
	// client-*.crt with only serverAuth is a client certificate with the
	// wrong purpose, which is exactly the mistake to report.
	if role := nameHint(strings.ToLower(filepath.Base(first(s.c.Files)))); role != "" {
		return role
	}
	client, server := false, false
	for _, u := range x.ExtKeyUsage {
		switch u {
		case x509.ExtKeyUsageClientAuth:
			client = true
		case x509.ExtKeyUsageServerAuth:
			server = true
		}
	}
	switch {
	case client && !server:
		return RoleClient
	case server && !client:
		return RoleServer
	}
	if fromPKCS12(s) {
		return RoleClient // with its key, as browsers and curl take a client's
	}
	if role := nameHint(strings.ToLower(x.Subject.CommonName)); role != "" {
		return role
	}
	if x.Subject.CommonName == "localhost" || len(x.DNSNames) > 0 {
		return RoleServer
	}
	return RoleLeaf
}

// fromPKCS12 reports whether s was read from a PKCS#12 file.
func fromPKCS12(s *certState) bool {
	for _, src := range s.c.Sources {
		if src.Encoding == certset.EncodingPKCS12 {
			return true
		}
	}
	return false
}

// reCAName is a file name's word for a CA ("client-ca.pem", "root.crt").
var reCAName = lazyre.New(`(^|[^a-z])(ca|root|issuer|authority)([^a-z]|$)`)

// clientFileName reports whether a file's name is a client's and not a
// client CA's ("client-ca.pem", "clientca.pem").
func clientFileName(p string) bool {
	name := strings.ToLower(filepath.Base(p))
	stem := strings.TrimSuffix(name, filepath.Ext(name))
	return nameHint(name) == RoleClient && !reCAName.MatchString(name) && !strings.HasSuffix(stem, "ca")
}

// nameHint reads "client" or "server" in a name, whichever comes first.
func nameHint(name string) string {
	c, sv := strings.Index(name, "client"), strings.Index(name, "server")
	switch {
	case c >= 0 && (sv < 0 || c < sv):
		return RoleClient
	case sv >= 0:
		return RoleServer
	}
	return ""
}

func isCA(role string) bool { return role == RoleCA || role == RoleIntermediate }

// issuerOf is the set certificate that signed s, if any, else one with
// the name of s's issuer.
func (r *run) issuerOf(s *certState) *certState {
	// OpenSSL's "self-signed" flag also covers a leaf that only shares its
	// CA's name; only a certificate its own key signed has no issuer.
	if s.info.SelfSigned() && opensslverify.SignedBy(s.info, s.info) {
		return nil
	}
	if len(s.signedBy) > 0 {
		return s.signedBy[0]
	}
	var nameOnly *certState
	for _, c := range r.bySubject[s.info.IssuerKey()] {
		if c != s {
			nameOnly = c
		}
	}
	return nameOnly
}

// preferNamed puts descriptive file names before OpenSSL's hash links
// (/etc/ssl/certs/6b99d060.0), which say nothing to a person.
func preferNamed(files []string) []string {
	out := make([]string, 0, len(files))
	var hashes []string
	for _, f := range files {
		if isHashLink(filepath.Base(f)) {
			hashes = append(hashes, f)
		} else {
			out = append(out, f)
		}
	}
	return append(out, hashes...)
}

func isHashLink(name string) bool {
	dot := strings.LastIndexByte(name, '.')
	if dot != 8 || dot == len(name)-1 {
		return false
	}
	for i, c := range name {
		switch {
		case i < 8 && (c >= '0' && c <= '9' || c >= 'a' && c <= 'f'):
		case i == 8:
		case i > 8 && (c == 'r' || c >= '0' && c <= '9'):
		default:
			return false
		}
	}
	return true
}

func first(files []string) string {
	if len(files) == 0 {
		return ""
	}
	return files[0]
}

// display names a certificate in titles: its first file, else its subject.
func display(s *certState) string {
	if f := first(s.c.Files); f != "" {
		return f
	}
	return s.c.X509.Subject.String()
}

func stem(path string) string {
	return strings.TrimSuffix(path, filepath.Ext(path))
}
