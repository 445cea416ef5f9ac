package checks

import (
	"fmt"
	"strconv"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/catalogue"
	"github.com/mtlsdoctor/mtlsdoctor/finding"
	"github.com/mtlsdoctor/mtlsdoctor/nginxconf"
	"github.com/mtlsdoctor/mtlsdoctor/report"
	"github.com/mtlsdoctor/mtlsdoctor/site"
)

// NginxOptions are the settings of `mtlsdoctor nginx`.
type NginxOptions struct {
	// SecLevel judges the named files when a server's ssl_ciphers has no
	// @SECLEVEL=N (default 2, Debian/Ubuntu's).
	SecLevel int
	// At is the instant validity is judged at.
	At time.Time
	// Passphrases (--passin) are tried on encrypted keys after the lines
	// of the block's ssl_password_file.
	Passphrases []string
	// Client, when set, is a client certificate (doctor's --cert/--key or
	// --p12): each block that asks for certificates judges it as nginx
	// would, with the block's CA files, CRL, depth and security level.
	Client *ClientCert
}

// ClientCert is a client certificate to judge in every mTLS block.
type ClientCert struct {
	// Files hold it, its chain and its key (a PEM pair or a PKCS#12 file).
	Files []string
	// Leaf is the DER of the certificate the client presents.
	Leaf []byte
}

// lint is what an nginx rule sees besides its server block: the whole
// site, the options, and the certs reports of the files already judged.
type lint struct {
	site *site.Site
	o    NginxOptions
	// certsRuns caches the certs report per set of files and settings:
	// many server blocks usually inherit the same http-level files.
	certsRuns map[string]*report.Report
	// verdicts holds, per block, what nginx logs for Client there.
	verdicts map[*site.Server]string
}

// at places a finding of the nginx section: the block and the directive
// it is about (none for a finding about the configuration as a whole).
func at(f report.Finding, s *site.Server, d *nginxconf.Directive) report.Finding {
	f.Section = finding.Nginx
	if s != nil {
		f.Server = s.Label()
	}
	if d != nil {
		f.File, f.Line = d.File, d.Line
	}
	return f
}

// Nginx lints the mTLS directives of a configuration: per server block
// the settings nginx would use, then findings with section, server, file
// and line, plus the certs findings for the files the blocks name.
func Nginx(c *nginxconf.Config, o NginxOptions) *report.Report {
	return NginxSite(site.New(c), o)
}

// NginxSite is Nginx on a site already read.
func NginxSite(x *site.Site, o NginxOptions) *report.Report {
	if o.At.IsZero() {
		o.At = time.Now()
	}
	c := x.Config
	l := &lint{site: x, o: o, certsRuns: map[string]*report.Report{}, verdicts: map[*site.Server]string{}}
	var findings []report.Finding
	// A finding is reported once per id, place and title: blocks that
	// inherit the same directive would otherwise repeat it.
	seen := map[string]bool{}
	add := func(fs []report.Finding) {
		for _, f := range fs {
			key := f.ID.Name() + "\x00" + f.File + "\x00" + strconv.Itoa(f.Line) + "\x00" + f.Title
			if !seen[key] {
				seen[key] = true
				findings = append(findings, f)
			}
		}
	}
	for _, rule := range siteRules {
		add(rule(l))
	}
	rep := &report.Report{Command: "nginx"}
	nTLS := 0
	for _, s := range x.Servers {
		for _, r := range serverRules {
			if r.scope(s) {
				add(r.check(s, l))
			}
		}
		if s.TLS {
			nTLS++
		}
		if s.MTLS() {
			row := serverRow(s)
			row.ClientCertVerdict = l.verdicts[s]
			rep.Servers = append(rep.Servers, row)
		}
	}
	rep.Findings = findings
	rep.Header = fmt.Sprintf("%s (%s): %s, %d with TLS, %d asking for client certificates",
		c.File, report.Plural(len(c.Files), "file"), report.Plural(len(x.Servers), "server block"), nTLS, len(rep.Servers))
	if x.Fragment {
		rep.Header += "\n" + catalogue.FragmentNote
	}
	rep.AllClear = catalogue.NginxAllClear
	if len(rep.Servers) == 0 {
		rep.AllClear = catalogue.NoMTLSServer
	}
	rep.Finish()
	return rep
}

// serverRow is the block's line in the report's table of servers.
func serverRow(s *site.Server) report.Server {
	elog, level, _ := s.ErrorLog()
	ca := ""
	if d := s.Last("ssl_client_certificate"); d != nil {
		ca = d.Arg(0)
	}
	return report.Server{
		Server: s.Label(), File: s.Block.File, Line: s.Block.Line, Listen: s.Listen,
		VerifyClient: s.VerifyClient, VerifyDepth: s.VerifyDepth, ClientCertificate: ca,
		ErrorLog: elog, AccessLog: s.AccessLog(), ErrorLogLevel: level,
	}
}
