package checks

import (
	"crypto/sha256"
	"crypto/x509"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/catalogue"
	"github.com/mtlsdoctor/mtlsdoctor/certset"
	"github.com/mtlsdoctor/mtlsdoctor/finding"
	"github.com/mtlsdoctor/mtlsdoctor/report"
	"github.com/mtlsdoctor/mtlsdoctor/site"
)

// presentedCertificate judges the client certificate doctor was given as
// this block would: the block's CA files (ssl_client_certificate and
// ssl_trusted_certificate) are the trust store, its ssl_crl the CRLs, its
// ssl_verify_depth and security level the limits, and the chain in the
// client's own file is what the client sends. Its findings are the
// certs findings about the client's files (those about the block's CA
// files are the block's certs rule's); the verdict goes into the block's
// row.
func presentedCertificate(s *site.Server, l *lint) []report.Finding {
	c := l.o.Client
	if c == nil || len(c.Leaf) == 0 {
		return nil
	}
	opts := certset.Options{Passphrases: l.o.Passphrases}
	cas := usableFiles(s, "ssl_client_certificate", "ssl_trusted_certificate")
	crls := usableFiles(s, "ssl_crl")
	co := CertOptions{SecLevel: s.SecLevel(l.o.SecLevel), VerifyDepth: s.VerifyDepth, At: l.o.At,
		ExpiresWithin: 30 * 24 * time.Hour, Presented: sha256.Sum256(c.Leaf), CA: []*x509.Certificate{}}
	// Blocks that share their CA files and limits judge it the same:
	// judge it once.
	key := fmt.Sprintf("client %q %d %d %q %q", c.Files, co.SecLevel, co.VerifyDepth, paths(cas), paths(crls))
	rep, ok := l.certsRuns[key]
	if !ok {
		set, err := certset.Load(c.Files, opts)
		if err != nil {
			return nil
		}
		var caNames []string
		for _, f := range cas {
			co.CA = append(co.CA, site.LoadCerts(f.Path, opts)...)
			caNames = append(caNames, f.Directive.Arg(0))
		}
		co.CAFile = strings.Join(caNames, " and ")
		for _, f := range crls {
			if set, err := certset.Load([]string{f.Path}, opts); err == nil {
				co.CRLs = append(co.CRLs, set.CRLs...)
			}
		}
		rep = Certs(set, co)
		l.certsRuns[key] = rep
	}
	for _, row := range rep.Certificates {
		if row.SHA256 == fmt.Sprintf("%x", co.Presented) {
			l.verdicts[s] = row.NginxVerdict
		}
	}
	var out []report.Finding
	for _, f := range rep.Findings {
		switch {
		case f.ID == catalogue.KeyPermissions, f.ID == catalogue.OrphanKey, f.ID == catalogue.KeyUnencrypted:
			continue // the client's own files, not the server's
		case !slices.Contains(c.Files, f.File):
			continue // about the block's CA files: the block's certs rule reports it
		}
		f.Section = finding.Certs
		f.Server = s.Label()
		out = append(out, f)
	}
	return out
}

func paths(fs []site.File) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.Path
	}
	return out
}

// usableFiles are the files the block's directives of these names name
// that exist and are files (missingFiles reports the others).
func usableFiles(s *site.Server, names ...string) []site.File {
	var out []site.File
	for _, f := range s.Files(names...) {
		if ok, _ := site.Exists(f.Path); ok && site.NotAFile(f.Path) == "" {
			out = append(out, f)
		}
	}
	return out
}
