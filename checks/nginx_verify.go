package checks

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/mtlsdoctor/mtlsdoctor/catalogue"
	"github.com/mtlsdoctor/mtlsdoctor/nginxconf"
	"github.com/mtlsdoctor/mtlsdoctor/report"
	"github.com/mtlsdoctor/mtlsdoctor/site"
)

// The nginx rules about TLS and client-certificate directives.

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

// noTLS13 notes an ssl_protocols without TLSv1.3.
func noTLS13(s *site.Server, _ *lint) []report.Finding {
	d := s.Last("ssl_protocols")
	if d == nil {
		return nil
	}
	_, keep, has13 := protocolList(d)
	if has13 {
		return nil
	}
	f := catalogue.NoTLS13Text.New(catalogue.Vars{"protocols": keep})
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
		checked = checked || site.ArgsUse(d, verify)
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
	if !strings.HasPrefix(s.VerifyClient, "optional") {
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
	t := catalogue.VerifyErrorsHiddenText
	if where == nil {
		t = catalogue.VerifyErrorsHiddenDefaultText
	}
	f := at(t.New(catalogue.Vars{"file": file, "level": level}), s, where)
	if where == nil {
		f.File, f.Line = s.Block.File, s.Block.Line
	}
	return []report.Finding{f}
}
