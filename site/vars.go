package site

import (
	"strings"

	"github.com/mtlsdoctor/mtlsdoctor/nginxconf"
)

// ClientCertVars are the variables that carry the client-certificate
// verification result ($ssl_client_verify, the first) or the client's
// identity.
var ClientCertVars = []string{"ssl_client_verify", "ssl_client_s_dn", "ssl_client_s_dn_legacy", "ssl_client_cert", "ssl_client_escaped_cert",
	"ssl_client_raw_cert", "ssl_client_fingerprint", "ssl_client_serial", "ssl_client_i_dn", "ssl_client_i_dn_legacy"}

// Carriers are the variable names that carry the client-certificate
// variable v: v itself and every variable a map block derives from it,
// directly or through other maps (map $ssl_client_verify $ok { ... }).
func (x *Site) Carriers(v string) []string {
	if x.carriers == nil {
		x.carriers = carriers(x.Config)
	}
	return x.carriers[v]
}

// IdentityCarriers are the Carriers of every ClientCertVars variable.
func (x *Site) IdentityCarriers() []string {
	var out []string
	for _, v := range ClientCertVars {
		out = append(out, x.Carriers(v)...)
	}
	return out
}

func carriers(c *nginxconf.Config) map[string][]string {
	out := map[string][]string{}
	var maps []*nginxconf.Directive
	nginxconf.Walk(c.Directives, func(d *nginxconf.Directive, _ []*nginxconf.Directive) {
		if d.IsBlock && d.Name == "map" && len(d.Args) == 2 {
			maps = append(maps, d)
		}
	})
	for _, v := range ClientCertVars {
		names := []string{v}
		for changed := true; changed && len(names) < 100; {
			changed = false
			for _, m := range maps {
				target := strings.TrimPrefix(m.Args[1], "$")
				if !contains(names, target) && usesAny(m.Args[0], names) {
					names = append(names, target)
					changed = true
				}
			}
		}
		out[v] = names
	}
	return out
}

// UsesVar reports whether a string references $name (or ${name}).
func UsesVar(s, name string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] != '$' {
			continue
		}
		rest := s[i+1:]
		if strings.HasPrefix(rest, "{"+name+"}") {
			return true
		}
		if strings.HasPrefix(rest, name) {
			after := rest[len(name):]
			if after == "" || !isVarChar(after[0]) {
				return true
			}
		}
	}
	return false
}

func isVarChar(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// ArgsUse reports whether any argument of d references one of names.
func ArgsUse(d *nginxconf.Directive, names []string) bool {
	for _, a := range d.Args {
		if usesAny(a, names) {
			return true
		}
	}
	return false
}

func usesAny(s string, names []string) bool {
	for _, n := range names {
		if UsesVar(s, n) {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// passHeaders maps each upstream directive to the directive that sets what
// the upstream receives.
var passHeaders = map[string]string{
	"proxy_pass": "proxy_set_header", "fastcgi_pass": "fastcgi_param", "grpc_pass": "grpc_set_header",
	"uwsgi_pass": "uwsgi_param", "scgi_pass": "scgi_param",
}

// Pass is one hand-over of requests to an upstream (proxy_pass,
// fastcgi_pass, ...) in a server block.
type Pass struct {
	Directive *nginxconf.Directive
	// Header is the directive that sets what the upstream receives
	// (proxy_set_header, fastcgi_param, ...).
	Header string
	// Headers are the Header directives in effect where the pass is:
	// nginx inherits them only into a level that sets none.
	Headers []*nginxconf.Directive
}

// Passes are the upstream hand-overs of the block, in order.
func (s *Server) Passes() []Pass {
	var out []Pass
	nginxconf.Walk(s.Block.Block, func(d *nginxconf.Directive, parents []*nginxconf.Directive) {
		hdr, ok := passHeaders[d.Name]
		if !ok || d.IsBlock {
			return
		}
		levels := [][]*nginxconf.Directive{s.http[hdr], s.srv[hdr]}
		for _, b := range parents {
			levels = append(levels, byName(b.Block)[hdr])
		}
		p := Pass{Directive: d, Header: hdr}
		for i := len(levels) - 1; i >= 0; i-- {
			if len(levels[i]) > 0 {
				p.Headers = levels[i]
				break
			}
		}
		out = append(out, p)
	})
	return out
}

// Enforces reports whether the block refuses clients whose certificate
// did not verify, as the guides do with ssl_verify_client optional: an
// if on $ssl_client_verify whose block returns.
func (s *Server) Enforces() bool {
	found := false
	nginxconf.Walk(s.Block.Block, func(d *nginxconf.Directive, _ []*nginxconf.Directive) {
		if d.Name != "if" || !d.IsBlock || !strings.Contains(strings.Join(d.Args, " "), "$ssl_client_verify") {
			return
		}
		for _, b := range d.Block {
			if b.Name == "return" {
				found = true
			}
		}
	})
	return found
}
