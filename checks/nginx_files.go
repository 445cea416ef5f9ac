package checks

import (
	"crypto/x509"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/catalogue"
	"github.com/mtlsdoctor/mtlsdoctor/certset"
	"github.com/mtlsdoctor/mtlsdoctor/finding"
	"github.com/mtlsdoctor/mtlsdoctor/nginxconf"
	"github.com/mtlsdoctor/mtlsdoctor/report"
	"github.com/mtlsdoctor/mtlsdoctor/site"
)

// The nginx rules about the files a configuration names.

// includeProblems reports the includes nginx cannot follow.
func includeProblems(l *lint) []report.Finding {
	var out []report.Finding
	for _, p := range l.site.Config.Problems {
		out = append(out, at(catalogue.IncludeMissingText.New(catalogue.Vars{
			"arg": p.Directive.Arg(0), "problem": p.Msg, "conf_dir": l.site.Config.ConfDir,
			"path": p.Path, "directive": p.Directive.String(),
		}), nil, p.Directive))
	}
	return out
}

// missingFiles reports the files nginx opens at start-up that are not
// there, or are not files.
func missingFiles(s *site.Server, l *lint) []report.Finding {
	var out []report.Finding
	for _, f := range s.Files(site.FileDirectives...) {
		d := f.Directive
		v := catalogue.Vars{"name": d.Name, "arg": d.Arg(0), "path": f.Path, "directive": d.String(), "conf_dir": l.site.Config.ConfDir}
		if ok, _ := site.Exists(f.Path); !ok {
			t := catalogue.FileMissingText
			if d.Name == "ssl_password_file" {
				t = catalogue.PasswordFileMissingText
			}
			out = append(out, at(t.New(v), s, d))
			continue
		}
		if why := site.NotAFile(f.Path); why != "" {
			v["why"] = why
			out = append(out, at(catalogue.NotAFileText.New(v), s, d))
		}
	}
	return out
}

// certsOfFiles runs the certs rules on the certificate, key, CA and CRL
// files of the block, as nginx would use them: at the block's security
// level and verify depth, with its client CA file as the trust store and
// its server_name as the host, and the lines of its ssl_password_file as
// passphrases. The findings name the directive of each file.
func certsOfFiles(s *site.Server, l *lint) []report.Finding {
	var paths, passwords []string
	for _, f := range s.Files(site.FileDirectives...) {
		if ok, _ := site.Exists(f.Path); !ok || site.NotAFile(f.Path) != "" {
			continue // missingFiles reports it
		}
		switch f.Directive.Name {
		case "ssl_password_file":
			passwords = append(passwords, site.ReadPasswords(f.Path)...)
		case "ssl_dhparam", "ssl_session_ticket_key", "ssl_stapling_file":
		default:
			paths = append(paths, f.Path)
		}
	}
	if len(paths) == 0 {
		return nil
	}
	opts := certset.Options{Passphrases: append(passwords, l.o.Passphrases...)}
	co := CertOptions{SecLevel: s.SecLevel(l.o.SecLevel), VerifyDepth: s.VerifyDepth, At: l.o.At, ExpiresWithin: 30 * 24 * time.Hour}
	caFile := ""
	if d := s.Last("ssl_client_certificate"); d != nil && site.NamesFile(d.Arg(0)) && site.NotAFile(l.site.Resolve(d.Arg(0))) == "" {
		caFile = l.site.Resolve(d.Arg(0))
		co.CAFile = d.Arg(0)
	}
	if s.Name != "" && s.Name != "_" && !strings.ContainsAny(s.Name, "*~$ ") {
		co.Host = s.Name
	}
	paths = dedupe(paths)
	key := fmt.Sprintf("%q %d %d %q %q %q", paths, co.SecLevel, co.VerifyDepth, caFile, co.Host, opts.Passphrases)
	rep, ok := l.certsRuns[key]
	if !ok {
		set, err := certset.Load(paths, opts)
		if err != nil {
			return nil
		}
		if caFile != "" {
			co.CA = site.LoadCerts(caFile, opts)
		}
		rep = Certs(set, co)
		l.certsRuns[key] = rep
	}
	where := map[string]*nginxconf.Directive{}
	for _, f := range s.Files(site.FileDirectives...) {
		where[f.Path] = f.Directive
	}
	var out []report.Finding
	for _, f := range rep.Findings {
		if f.ID == catalogue.OrphanKey {
			continue // the key belongs to a certificate nginx loads from the same block
		}
		f.Section = finding.Certs
		f.Server = s.Label()
		if d := where[f.File]; d != nil {
			if !strings.Contains(f.Title, filepath.Base(d.Arg(0))) {
				f.Title += fmt.Sprintf(" (%s %s)", d.Name, d.Arg(0))
			}
			f.File, f.Line = d.File, d.Line
		}
		out = append(out, f)
	}
	return out
}

func dedupe(p []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, v := range p {
		if !seen[v] {
			seen[v] = true
			out = append(out, v)
		}
	}
	return out
}

// verifyDepth reports verify-depth-too-small: the CA files hold
// intermediates whose clients need more intermediates than
// ssl_verify_depth allows.
func verifyDepth(s *site.Server, l *lint) []report.Finding {
	var cas []*x509.Certificate
	var where *nginxconf.Directive
	for _, name := range []string{"ssl_client_certificate", "ssl_trusted_certificate"} {
		for _, d := range s.Effective(name) {
			got := l.site.CertsIn(d)
			if len(got) > 0 && where == nil {
				where = d
			}
			cas = append(cas, got...)
		}
	}
	need, deepest := chainDepth(cas)
	if need <= s.VerifyDepth || deepest == nil {
		return nil
	}
	d := s.Last("ssl_verify_depth")
	if d == nil {
		d = where
	}
	v, _ := catalogue.Verify(2)
	f := catalogue.VerifyDepthText.New(catalogue.Vars{
		"depth": strconv.Itoa(s.VerifyDepth), "need": strconv.Itoa(need),
		"issuer": strconv.Quote(deepest.Subject.CommonName), "issuer_dn": deepest.Subject.String(),
		"openssl_error": v.OpenSSLError(),
	})
	f.OpenSSLError, f.Code = v.OpenSSLError(), 2
	return []report.Finding{at(f, s, d)}
}

// chainDepth is the largest number of intermediates (non-self-signed CA
// certificates) stacked under a root among cas, and the lowest of them.
func chainDepth(cas []*x509.Certificate) (int, *x509.Certificate) {
	isCA := func(c *x509.Certificate) bool { return c.BasicConstraintsValid && c.IsCA }
	var best int
	var deepest *x509.Certificate
	for _, c := range cas {
		if !isCA(c) || selfIssued(c) {
			continue
		}
		n, cur := 0, c
		seen := map[*x509.Certificate]bool{}
		for cur != nil && !selfIssued(cur) && !seen[cur] && n < 64 {
			seen[cur] = true
			n++
			var up *x509.Certificate
			for _, p := range cas {
				if p != cur && isCA(p) && string(p.RawSubject) == string(cur.RawIssuer) && cur.CheckSignatureFrom(p) == nil {
					up = p
					break
				}
			}
			cur = up
		}
		if n > best {
			best, deepest = n, c
		}
	}
	return best, deepest
}

func selfIssued(c *x509.Certificate) bool { return string(c.RawSubject) == string(c.RawIssuer) }
