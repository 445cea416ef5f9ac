package checks

import (
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"github.com/mtlsdoctor/mtlsdoctor/certset"
	"path/filepath"
	"slices"
	"strings"

	"github.com/mtlsdoctor/mtlsdoctor/catalogue"
	"github.com/mtlsdoctor/mtlsdoctor/opensslverify"
)

// This file fills the catalogue's command templates with a certificate's
// real files for the fixes of the certs findings.

// certPaths are the certificate's file, that file without its extension,
// and its key file (guessed from the name when no key was found).
func certPaths(s *certState) (crt, base, key string) {
	crt = display(s)
	base = stem(crt)
	return crt, base, keyOr(s, base+".key")
}

func keyOr(s *certState, def string) string {
	if s.keyFile != "" {
		return s.keyFile
	}
	return def
}

// signer is the CA files that sign s again: its issuer's in the set, else
// the given names.
func (r *run) signer(s *certState, defCrt, defKey string) (caCrt, caKey string) {
	if is := r.issuerOf(s); is != nil {
		caCrt = first(is.c.Files)
		return caCrt, keyOr(is, stem(caCrt)+".key")
	}
	if s.role == RoleCA {
		return defCrt, defKey
	}
	// No issuer in the set (a self-signed client, a foreign CA's): a CA
	// nginx trusts whose key the set holds, else the one CA nginx trusts.
	if crt, key, ok := r.trustedSigner(); ok {
		return crt, key
	}
	if f := r.caFileName(); len(r.o.CA) == 1 && f == r.o.CAFile {
		return f, stem(f) + ".key"
	}
	return defCrt, defKey
}

// trustedSigner is a CA of the --ca file that the set holds with its
// key: a file that holds that certificate alone (openssl x509 -CA signs
// with a file's first certificate), and the key.
func (r *run) trustedSigner() (crt, key string, ok bool) {
	perFile := map[string]int{}
	for _, s := range r.certs {
		for _, f := range s.c.Files {
			perFile[f]++
		}
	}
	for _, x := range r.o.CA {
		s, found := r.bySHA[sha256.Sum256(x.Raw)]
		if !found || s.keyFile == "" {
			continue
		}
		crt = first(s.c.Files)
		for _, src := range s.c.Sources {
			if src.Encoding == certset.EncodingPEM && perFile[src.File] == 1 {
				crt = src.File
				break
			}
		}
		return crt, s.keyFile, true
	}
	return "", "", false
}

// cmdVars are the placeholders of the command templates for s signed by
// caCrt and caKey.
func cmdVars(s *certState, caCrt, caKey string) catalogue.Vars {
	crt, base, key := certPaths(s)
	v := catalogue.Vars{
		"crt": crt, "base": base, "key_file": key, "ca_crt": caCrt, "ca_key": caKey,
		"subj": opensslSubject(s.c.X509), "cn": filepath.Base(base),
		"ext_file": "", "sign_ext": "", "toreq_ext": "", "ext_name": base + "-ext.cnf",
	}
	// The certificate's own extensions, written to a file the signing
	// command reads; where a value cannot go through printf, OpenSSL 3's
	// -copy_extensions copies them from the request.
	lines, exact := extFileLines(s.c.X509)
	if s.clientsBelow && s.c.X509.IsCA && s.info != nil && s.info.EKURefuses(opensslverify.PurposeSSLClient) {
		// This CA's extendedKeyUsage keeps the clients under it from
		// being clients (its wrong-purpose finding): a reissue leaves it
		// out rather than carry the problem over.
		lines = slices.DeleteFunc(lines, func(l string) bool { return strings.HasPrefix(l, "extendedKeyUsage=") })
	}
	if len(lines) > 0 {
		if cmd := extFilePrintf(lines, v["ext_name"]); cmd != "" && exact {
			v["ext_file"] = cmd + "\n"
			v["sign_ext"] = " -extfile " + v["ext_name"]
		} else {
			v["toreq_ext"] = " -copy_extensions copyall"
			v["sign_ext"] = v["toreq_ext"]
		}
	}
	return v
}

// reissueCmd is the command that signs s again with SHA-256 from its CA,
// keeping its key and extensions (a root is made anew).
func reissueCmd(s *certState, caCrt, caKey string) string {
	if s.role == RoleCA {
		return regenRootCmd(s, false)
	}
	return catalogue.Fill(catalogue.ReissueCmd, cmdVars(s, caCrt, caKey))
}

// reissueClient signs s again as a client certificate, keeping its names
// and other extensions where they can be written back.
func reissueClient(s *certState, caCrt, caKey string) string {
	v := cmdVars(s, caCrt, caKey)
	v["client_ext_file"], v["client_ext"] = catalogue.ClientExtCmd, "client.ext"
	if cmd := extFilePrintf(clientExtFileLines(s.c.X509), v["ext_name"]); cmd != "" {
		v["client_ext_file"], v["client_ext"] = cmd, v["ext_name"]
	}
	return catalogue.Fill(catalogue.ReissueClientCmd, v)
}

// clientExtFileLines are the -extfile lines of c made a client
// certificate: a leaf for TLS clients (keyEncipherment too for an RSA
// key), with the other extensions c had that extFileLines writes back.
func clientExtFileLines(c *x509.Certificate) []string {
	ku := "keyUsage=critical,digitalSignature"
	if _, rsa := c.PublicKey.(*rsa.PublicKey); rsa {
		ku += ",keyEncipherment"
	}
	lines := []string{"basicConstraints=CA:FALSE", ku, "extendedKeyUsage=clientAuth", "subjectKeyIdentifier=hash", "authorityKeyIdentifier=keyid"}
	own, _ := extFileLines(c)
	for _, l := range own {
		switch l[:strings.IndexByte(l, '=')] {
		case "basicConstraints", "keyUsage", "extendedKeyUsage", "subjectKeyIdentifier", "authorityKeyIdentifier", "nsCertType", "nameConstraints":
		default:
			lines = append(lines, l)
		}
	}
	return lines
}

// reissueNewSubject gives s a subject of its own.
func reissueNewSubject(s *certState, caCrt, caKey string) string {
	v := cmdVars(s, caCrt, caKey)
	if s.role == RoleServer {
		v["host"] = newSubjectCN(s, caCrt, caKey)
		return catalogue.Fill(catalogue.ReissueServerNewSubjectCmd, v)
	}
	return catalogue.Fill(catalogue.ReissueNewSubjectCmd, v)
}

// newSubjectCN is the common name reissueNewSubject gives s: a server's
// first DNS name (else localhost), else the name of its file.
func newSubjectCN(s *certState, caCrt, caKey string) string {
	if s.role != RoleServer {
		return cmdVars(s, caCrt, caKey)["cn"]
	}
	if names := s.c.X509.DNSNames; len(names) > 0 {
		return names[0]
	}
	return "localhost"
}

// newKeyCmd makes s anew with a new key.
func newKeyCmd(s *certState, caCrt, caKey string) string {
	if s.role == RoleCA {
		return regenRootCmd(s, true)
	}
	return catalogue.Fill(catalogue.NewKeyCmd, cmdVars(s, caCrt, caKey))
}

// regenRootCmd makes a new self-signed root in place of s (a root cannot be
// re-signed by anyone else); everything it issued must then be reissued.
func regenRootCmd(s *certState, newKey bool) string {
	if newKey {
		return catalogue.Fill(catalogue.RegenRootNewKeyCmd, cmdVars(s, "", ""))
	}
	return catalogue.Fill(catalogue.RegenRootCmd, cmdVars(s, "", ""))
}

// regenRootThen is the line of prose that follows the fix of text t about
// root s when its {reissue} or {new_key} makes the root anew: what to do
// with the new root. The commands stand on indented lines; this line is
// prose, so it comes after them, not inside the command.
func regenRootThen(s *certState, t catalogue.Text) string {
	if s.role != RoleCA {
		return ""
	}
	ph := catalogue.Placeholders(t.Fix)
	if !slices.Contains(ph, "reissue") && !slices.Contains(ph, "new_key") {
		return ""
	}
	return "\n" + catalogue.Fill(catalogue.RegenRootThen, cmdVars(s, "", ""))
}
