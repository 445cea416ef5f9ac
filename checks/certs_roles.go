package checks

import (
	"crypto/x509"
	"path/filepath"
	"strings"
	"sync"

	"github.com/mtlsdoctor/mtlsdoctor/opensslverify"
)

// assignRoles infers each certificate's role from its extensions and from
// what it does in the set (a certificate that signed another one is a CA
// there, whatever its basicConstraints say).
func (r *run) assignRoles() {
	bySubject := map[string][]*certState{}
	for _, s := range r.certs {
		bySubject[s.info.SubjectKey()] = append(bySubject[s.info.SubjectKey()], s)
	}
	var mu sync.Mutex
	parallel(len(r.certs), func(i int) {
		s := r.certs[i]
		if s.info.SelfSigned() {
			return
		}
		for _, cand := range bySubject[s.info.IssuerKey()] {
			if cand != s && opensslverify.SignedBy(s.info, cand.info) {
				mu.Lock()
				cand.issues = true
				mu.Unlock()
			}
		}
	})
	for _, s := range r.certs {
		s.role = roleOf(s)
		if s.c.SHA256 == r.o.Presented && r.o.Presented != ([32]byte{}) {
			s.role = RoleClient
		}
	}
}

func roleOf(s *certState) string {
	x := s.c.X509
	// A certificate with its issuer's name that its own key did not sign
	// (the guides' v1 client certificate made with the CA's subject) is
	// no root, whatever OpenSSL's self-signed flag says: it is what a
	// client presents, and nginx logs 18 for it.
	posesAsRoot := s.info.SelfSigned() && !opensslverify.SignedBy(s.info, s.info) && !s.issues
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
	if role := nameHint(strings.ToLower(x.Subject.CommonName)); role != "" {
		return role
	}
	if x.Subject.CommonName == "localhost" || len(x.DNSNames) > 0 {
		return RoleServer
	}
	return RoleLeaf
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

// issuerOf is the set certificate that signed s, if any.
func (r *run) issuerOf(s *certState) *certState {
	// OpenSSL's "self-signed" flag also covers a leaf that only shares its
	// CA's name; only a certificate its own key signed has no issuer.
	if s.info.SelfSigned() && opensslverify.SignedBy(s.info, s.info) {
		return nil
	}
	var nameOnly *certState
	for _, c := range r.certs {
		if c == s || c.info.SubjectKey() != s.info.IssuerKey() {
			continue
		}
		if opensslverify.SignedBy(s.info, c.info) {
			return c
		}
		nameOnly = c
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
