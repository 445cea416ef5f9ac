package checks

import (
	"bytes"
	"crypto/x509"
	"fmt"
	"github.com/mtlsdoctor/mtlsdoctor/opensslverify"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/catalogue"
	"github.com/mtlsdoctor/mtlsdoctor/certset"
	"github.com/mtlsdoctor/mtlsdoctor/finding"
	"github.com/mtlsdoctor/mtlsdoctor/internal/safefile"
	"github.com/mtlsdoctor/mtlsdoctor/nginxconf"
	"github.com/mtlsdoctor/mtlsdoctor/report"
	"github.com/mtlsdoctor/mtlsdoctor/site"
)

// The rules of `nginx`: the table, then each rule. A rule is a function
// of a server block and the lint it runs in that returns findings, made
// from a catalogue text; a new rule is a function here, a line in the
// table, its text in catalogue/findings_nginx.go and its test.

// serverRule is one nginx lint rule: for each server block in its scope,
// the findings about that block.
type serverRule struct {
	scope func(*site.Server) bool
	check func(*site.Server, *lint) []report.Finding
}

// siteRules look at the configuration as a whole.
var siteRules = []func(*lint) []report.Finding{
	includeProblems,
	streamNotJudged,
}

// streamNotJudged names the server blocks of stream { } that ask for
// client certificates (their own ssl_verify_client, else the stream
// block's), which the lint does not judge: one finding each.
func streamNotJudged(l *lint) []report.Finding {
	var out []report.Finding
	verify := func(ds []*nginxconf.Directive, inherited *nginxconf.Directive) *nginxconf.Directive {
		v := inherited
		for _, d := range ds {
			if d.Name == "ssl_verify_client" && !d.IsBlock {
				v = d
			}
		}
		return v
	}
	nginxconf.Walk(l.site.Config.Directives, func(d *nginxconf.Directive, _ []*nginxconf.Directive) {
		if d.Name != "stream" || !d.IsBlock {
			return
		}
		level := verify(d.Block, nil)
		for _, srv := range d.Block {
			if srv.Name != "server" || !srv.IsBlock {
				continue
			}
			if v := verify(srv.Block, level); v != nil && v.Arg(0) != "off" {
				out = append(out, at(catalogue.StreamNotJudgedText.New(catalogue.Vars{"directive": strings.TrimSuffix(v.String(), ";")}), nil, srv))
			}
		}
	})
	return out
}

// serverRules are the rules of `nginx`, run on each server block in this
// order (the order findings of equal rank are listed in).
var serverRules = []serverRule{
	{plainWithCertificate, caRequiredInPlainBlock},
	{loadsFiles, missingFiles},
	{loadsFiles, noPEMInCAFile},
	{asksForCertificates, verifyDepth},
	{servesTLS, certsOfFiles},
	{asksForCertificates, presentedCertificate},
	{servesTLS, legacyProtocols},
	{servesTLS, sslDirective},
	{servesTLS, noTLS13},
	{asksForCertificates, verifyClientInvalid},
	{verifiesClients, caRequired},
	{verifiesClients, caFileWithoutRoot},
	{verifiesClients, optionalNotChecked},
	{verifiesClients, resultNotForwarded},
	{verifiesClients, verifyErrorsHidden},
}

// Scopes of the rules.

func servesTLS(s *site.Server) bool           { return s.TLS }
func asksForCertificates(s *site.Server) bool { return s.MTLS() }

// plainWithCertificate: nginx checks the CA file and loads the files of
// every block that has a certificate, even one that serves plain HTTP only.
func plainWithCertificate(s *site.Server) bool {
	return !s.TLS && len(s.Effective("ssl_certificate")) > 0
}

func loadsFiles(s *site.Server) bool { return s.TLS || plainWithCertificate(s) }

// verifiesClients: the block asks for certificates with a value nginx accepts.
func verifiesClients(s *site.Server) bool {
	switch s.VerifyClient {
	case "on", "optional", "optional_no_ca":
		return s.MTLS()
	}
	return false
}

// The rules about the files a configuration names.

// includeProblems reports the includes nginx cannot follow.
func includeProblems(l *lint) []report.Finding {
	var out []report.Finding
	for _, p := range l.site.Config.Problems {
		t := catalogue.IncludeMissingText
		if p.NotRead {
			t = catalogue.IncludeNotReadText
		}
		out = append(out, at(t.New(catalogue.Vars{
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

// noPEMInCAFile reports a CA or CRL file nginx loads in which OpenSSL
// finds no PEM certificate or CRL (an empty file, a DER file, a key):
// nginx refuses to start. nginx loads ssl_client_certificate only when
// the block asks for client certificates, the others always.
func noPEMInCAFile(s *site.Server, l *lint) []report.Finding {
	names := []string{"ssl_trusted_certificate", "ssl_crl"}
	if s.VerifyClient != "off" {
		names = append([]string{"ssl_client_certificate"}, names...)
	}
	var out []report.Finding
	for _, f := range s.Files(names...) {
		if site.NotAFile(f.Path) != "" || holdsPEMCertOrCRL(f.Path) {
			continue
		}
		d := f.Directive
		call := "SSL_CTX_load_verify_locations"
		if d.Name == "ssl_crl" {
			call = "X509_LOOKUP_load_file"
		}
		out = append(out, at(catalogue.NoPEMInCAFileText.New(catalogue.Vars{
			"name": d.Name, "arg": d.Arg(0), "path": f.Path, "directive": d.String(), "call": call,
		}), s, d))
	}
	return out
}

// pemCertOrCRL are the PEM blocks OpenSSL loads from a CA or CRL file.
var pemCertOrCRL = [][]byte{[]byte("-----BEGIN CERTIFICATE-----"), []byte("-----BEGIN X509 CERTIFICATE-----"),
	[]byte("-----BEGIN TRUSTED CERTIFICATE-----"), []byte("-----BEGIN X509 CRL-----")}

// holdsPEMCertOrCRL reports whether the file has a PEM certificate or
// CRL block in its first 16 MiB; true when it cannot be read (that is
// another finding, or none this rule can tell).
func holdsPEMCertOrCRL(p string) bool {
	fh, err := safefile.Open(p)
	if err != nil {
		return true
	}
	defer fh.Close()
	b, err := io.ReadAll(io.LimitReader(safefile.Reader(fh), 16<<20))
	if err != nil {
		return true
	}
	for _, m := range pemCertOrCRL {
		if bytes.Contains(b, m) {
			return true
		}
	}
	return false
}

// certsOfFiles runs the certs rules on the certificate, key, CA and CRL
// files of the block, as nginx would use them: at the block's security
// level and verify depth, with its client CA file as the trust store and
// its server_name as the host, and the lines of its ssl_password_file as
// passphrases. The findings name the directive of each file.
func certsOfFiles(s *site.Server, l *lint) []report.Finding {
	var paths, passwords []string
	passwordFile := ""
	for _, f := range s.Files(site.FileDirectives...) {
		if ok, _ := site.Exists(f.Path); !ok || site.NotAFile(f.Path) != "" {
			continue // missingFiles reports it
		}
		switch f.Directive.Name {
		case "ssl_password_file":
			passwords = append(passwords, site.ReadPasswords(f.Path)...)
			passwordFile = f.Path
		case "ssl_dhparam", "ssl_session_ticket_key", "ssl_stapling_file":
		default:
			paths = append(paths, f.Path)
		}
	}
	if len(paths) == 0 {
		return nil
	}
	opts := certset.Options{Passphrases: append(passwords, l.o.Passphrases...)}
	co := CertOptions{SecLevel: s.SecLevel(l.o.SecLevel), VerifyDepth: s.VerifyDepth, At: l.o.At, ExpiresWithin: 30 * 24 * time.Hour, PasswordFile: passwordFile}
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

// The rules about TLS and client-certificate directives.

// protocolList splits ssl_protocols into the legacy protocols it enables
// and the list that should replace it (the rest, with TLSv1.3).
func protocolList(d *nginxconf.Directive) (legacy []string, keep string, has13 bool) {
	var rest []string
	for _, p := range d.Args {
		switch p {
		case "SSLv2", "SSLv3", "TLSv1", "TLSv1.1":
			legacy = append(legacy, p)
		case "TLSv1.3":
			has13 = true
			rest = append(rest, p)
		default:
			rest = append(rest, p)
		}
	}
	if !has13 {
		rest = append(rest, "TLSv1.3")
	}
	return legacy, strings.Join(rest, " "), has13
}

// legacyProtocols reports TLSv1, TLSv1.1 and SSLv3 in ssl_protocols.
func legacyProtocols(s *site.Server, _ *lint) []report.Finding {
	d := s.Last("ssl_protocols")
	if d == nil {
		return nil
	}
	legacy, keep, _ := protocolList(d)
	if len(legacy) == 0 {
		return nil
	}
	f := catalogue.LegacyProtocolsText.New(catalogue.Vars{"legacy": strings.Join(legacy, " "), "protocols": keep})
	return []report.Finding{at(f, s, d)}
}

// sslDirective reports the "ssl" directive that turns the block's TLS on,
// which nginx 1.25.1 removed.
func sslDirective(s *site.Server, _ *lint) []report.Finding {
	d := s.Last("ssl")
	if d == nil {
		return nil
	}
	return []report.Finding{at(catalogue.SSLDirectiveRemovedText.New(catalogue.Vars{"directive": strings.TrimSuffix(d.String(), ";")}), s, d)}
}

// noTLS13 notes an ssl_protocols without TLSv1.3 (and without a legacy
// protocol, whose warning already gives the list with TLSv1.3).
func noTLS13(s *site.Server, _ *lint) []report.Finding {
	d := s.Last("ssl_protocols")
	if d == nil {
		return nil
	}
	legacy, keep, has13 := protocolList(d)
	if has13 || len(legacy) > 0 {
		return nil
	}
	f := catalogue.NginxNoTLS13Text.New(catalogue.Vars{"protocols": keep})
	f.Severity = report.Info
	return []report.Finding{at(f, s, d)}
}

// verifyClientInvalid reports an ssl_verify_client value nginx refuses.
// It keeps the id verify-client-without-ca: both stop nginx at the same
// directive, and the README documents the id for both.
func verifyClientInvalid(s *site.Server, _ *lint) []report.Finding {
	if verifiesClients(s) {
		return nil
	}
	f := catalogue.VerifyClientInvalidText.New(catalogue.Vars{"value": s.VerifyClient, "value_q": strconv.Quote(s.VerifyClient)})
	return []report.Finding{at(f, s, s.Last("ssl_verify_client"))}
}

// caRequired reports ssl_verify_client on/optional without a CA file.
func caRequired(s *site.Server, _ *lint) []report.Finding { return caRequiredIn(s, "") }

// caRequiredInPlainBlock is caRequired for a block that serves plain
// HTTP only: nginx 1.22.1 checks the CA of every block that has an
// ssl_certificate, and the finding says so.
func caRequiredInPlainBlock(s *site.Server, _ *lint) []report.Finding {
	return caRequiredIn(s, catalogue.InPlainBlock)
}

func caRequiredIn(s *site.Server, plain string) []report.Finding {
	if s.VerifyClient != "on" && s.VerifyClient != "optional" || s.Last("ssl_client_certificate") != nil {
		return nil
	}
	v := catalogue.Vars{"value": s.VerifyClient, "plain": plain}
	if tc := s.Last("ssl_trusted_certificate"); tc != nil {
		v["trusted"] = tc.Arg(0)
		return []report.Finding{at(catalogue.CAOnlyTrustedText.New(v), s, tc)}
	}
	vc := s.Last("ssl_verify_client")
	v["directive"] = vc.String()
	return []report.Finding{at(catalogue.CAMissingText.New(v), s, vc)}
}

// caFileWithoutRoot: the CA files of a block that verifies clients hold
// certificates but no root. nginx never accepts a partial chain, so every
// client is refused with (2:unable to get issuer certificate), although
// its issuer is right there in the file.
func caFileWithoutRoot(s *site.Server, l *lint) []report.Finding {
	if s.VerifyClient == "optional_no_ca" {
		return nil
	}
	var last *site.File
	n := 0
	for _, f := range usableFiles(s, "ssl_client_certificate", "ssl_trusted_certificate") {
		for _, c := range site.LoadCerts(f.Path, certset.Options{}) {
			n++
			if info := opensslverify.Info(c); info.SelfSigned() && opensslverify.SignedBy(info, info) {
				return nil
			}
		}
		f := f
		if f.Directive.Name == "ssl_client_certificate" || last == nil {
			last = &f
		}
	}
	if n == 0 || last == nil {
		return nil // no CA file, or nothing in it: other rules say so
	}
	v := catalogue.Vars{"directive": last.Directive.Name, "file": last.Directive.Arg(0), "path": last.Path}
	return []report.Finding{at(catalogue.CAFileWithoutRootText.New(v), s, last.Directive)}
}

// optionalNotChecked reports ssl_verify_client optional(_no_ca) when
// nothing in the block, or the headers it inherits, reads
// $ssl_client_verify (or a map of it).
func optionalNotChecked(s *site.Server, l *lint) []report.Finding {
	if !strings.HasPrefix(s.VerifyClient, "optional") {
		return nil
	}
	verify := l.site.Carriers("ssl_client_verify")
	checked := false
	nginxconf.Walk(s.Block.Block, func(d *nginxconf.Directive, _ []*nginxconf.Directive) {
		checked = checked || checksVar(d, verify)
	})
	for _, name := range []string{"proxy_set_header", "fastcgi_param"} {
		for _, d := range s.HTTPLevel(name) {
			checked = checked || site.ArgsUse(d, verify)
		}
	}
	if checked {
		return nil
	}
	t := catalogue.OptionalNotCheckedText
	if s.VerifyClient == "optional_no_ca" {
		t = catalogue.OptionalNoCANotCheckedText
	}
	return []report.Finding{at(t.New(catalogue.Vars{"value": s.VerifyClient}), s, s.Last("ssl_verify_client"))}
}

// echoOnly are directives that send a value back to the client in a
// response header: reading the verify result there checks nothing.
var echoOnly = map[string]bool{"add_header": true, "add_trailer": true, "more_set_headers": true}

// checksVar reports whether directive d reads one of the variables names
// in a way that can act on it: in its arguments (not in a header sent
// back to the client), or in the Lua code of a *_by_lua_block or
// *_by_lua directive (ngx.var.NAME).
func checksVar(d *nginxconf.Directive, names []string) bool {
	if echoOnly[d.Name] {
		return false
	}
	if strings.HasSuffix(d.Name, "_by_lua_block") || strings.HasSuffix(d.Name, "_by_lua") {
		for _, a := range d.Args {
			for _, n := range names {
				if strings.Contains(a, "ngx.var."+n) || strings.Contains(a, `ngx.var["`+n+`"]`) || strings.Contains(a, `ngx.var['`+n+`']`) {
					return true
				}
			}
		}
		return false
	}
	return site.ArgsUse(d, names)
}

// resultNotForwarded reports upstream passes whose headers (or
// parameters) carry neither the verify result nor the client's identity.
// One finding per block, at the first such pass; a warning with optional,
// where the application must check the result itself.
func resultNotForwarded(s *site.Server, l *lint) []report.Finding {
	identity := l.site.IdentityCarriers()
	var blind []site.Pass
	for _, p := range s.Passes() {
		seen := false
		for _, h := range p.Headers {
			seen = seen || site.ArgsUse(h, identity)
		}
		if !seen {
			blind = append(blind, p)
		}
	}
	if len(blind) == 0 {
		return nil
	}
	p := blind[0]
	t := catalogue.NotForwardedHeaderText
	switch p.Header {
	case "fastcgi_param", "uwsgi_param", "scgi_param":
		t = catalogue.NotForwardedParamText
	}
	more := ""
	if len(blind) > 1 {
		more = fmt.Sprintf(" (and %d more)", len(blind)-1)
	}
	f := t.New(catalogue.Vars{"pass": p.Directive.Name, "target": p.Directive.Arg(0), "more": more, "header": p.Header})
	if !strings.HasPrefix(s.VerifyClient, "optional") || s.Enforces() {
		// Only verified clients reach the upstream: who they are is
		// worth passing on, but nothing lets others through.
		f.Severity = report.Info
	}
	return []report.Finding{at(f, s, p.Directive)}
}

// verifyErrorsHidden reports an error_log level above info: nginx writes
// verify errors at info, so the log would never say why a client was
// rejected.
func verifyErrorsHidden(s *site.Server, _ *lint) []report.Finding {
	file, level, where := s.ErrorLog()
	if site.LevelRank(level) <= site.LevelRank("info") {
		return nil
	}
	t := catalogue.NginxVerifyErrorsHiddenText
	if where == nil {
		t = catalogue.VerifyErrorsHiddenDefaultText
	}
	f := at(t.New(catalogue.Vars{"file": file, "level": level}), s, where)
	if where == nil {
		f.File, f.Line = s.Block.File, s.Block.Line
	}
	return []report.Finding{f}
}
