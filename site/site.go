package site

import (
	"path/filepath"
	"strconv"
	"strings"

	"github.com/mtlsdoctor/mtlsdoctor/nginxconf"
)

// Site is one nginx configuration and its server blocks.
type Site struct {
	Config *nginxconf.Config
	// Servers are the server blocks of the http context, in
	// configuration order.
	Servers []*Server
	// Fragment is true for a file with server blocks but no http block,
	// such as one in conf.d or sites-enabled: it is read as nginx reads
	// it, included inside http.
	Fragment bool

	carriers map[string][]string
}

// Server is one server block with the mTLS settings nginx would use for
// it after merging http-level ssl_* directives into it.
type Server struct {
	Block *nginxconf.Directive
	// Name is the first server_name ("" when there is none).
	Name string
	// Listen is the arguments of the listen directive that makes it a TLS
	// server (or the first listen), e.g. "443 ssl".
	Listen string
	// TLS is true when the block serves TLS (listen ... ssl, ssl on, or a
	// socket another block made TLS).
	TLS bool
	// VerifyClient is off, on, optional or optional_no_ca (or whatever
	// else the configuration says).
	VerifyClient string
	// VerifyDepth is ssl_verify_depth (default 1).
	VerifyDepth int
	// ErrorLogs and AccessLogs are the logs in effect (file, level/format).
	ErrorLogs  []*nginxconf.Directive
	AccessLogs []*nginxconf.Directive

	site      *Site
	http, srv map[string][]*nginxconf.Directive
}

// New reads the server blocks of a configuration.
func New(c *nginxconf.Config) *Site {
	x := &Site{Config: c}
	x.Servers = x.servers()
	return x
}

// Resolve makes a path from the configuration absolute the way nginx
// does for include and ssl_* files: relative to the configuration
// directory. "" stays "".
func (x *Site) Resolve(p string) string {
	if p == "" || filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(x.Config.ConfDir, p)
}

// MTLS are the server blocks that ask clients for certificates.
func (x *Site) MTLS() []*Server {
	var out []*Server
	for _, s := range x.Servers {
		if s.MTLS() {
			out = append(out, s)
		}
	}
	return out
}

// Label is "server_name listen", as findings name the block.
func (s *Server) Label() string {
	return strings.TrimSpace(s.Name + " " + s.Listen)
}

// MTLS reports whether the block asks clients for certificates.
func (s *Server) MTLS() bool { return s.TLS && s.VerifyClient != "off" }

// Effective returns the directives named name in effect for the block:
// the block's own, else the http block's (how nginx merges ssl_*).
func (s *Server) Effective(name string) []*nginxconf.Directive {
	if d := s.srv[name]; len(d) > 0 {
		return d
	}
	return s.http[name]
}

// Last is the last directive named name in effect for the block (the
// one nginx uses), or nil.
func (s *Server) Last(name string) *nginxconf.Directive {
	d := s.Effective(name)
	if len(d) == 0 {
		return nil
	}
	return d[len(d)-1]
}

// HTTPLevel returns the directives named name at the http level, which
// the block inherits unless it sets its own.
func (s *Server) HTTPLevel(name string) []*nginxconf.Directive { return s.http[name] }

func byName(dirs []*nginxconf.Directive) map[string][]*nginxconf.Directive {
	m := map[string][]*nginxconf.Directive{}
	for _, d := range dirs {
		m[d.Name] = append(m[d.Name], d)
	}
	return m
}

// servers finds every server block of the http context with its
// effective TLS settings, in configuration order.
func (x *Site) servers() []*Server {
	c := x.Config
	mainLevel := byName(c.Directives)
	var out []*Server
	tlsSockets := map[string]bool{}
	var https [][]*nginxconf.Directive
	for _, h := range c.Directives {
		if h.Name == "http" && h.IsBlock {
			https = append(https, h.Block)
		}
	}
	if len(https) == 0 {
		for _, d := range c.Directives {
			if d.Name == "server" && d.IsBlock {
				// A file nginx includes inside http (conf.d, sites-enabled).
				https, x.Fragment = [][]*nginxconf.Directive{c.Directives}, true
				break
			}
		}
	}
	for _, h := range https {
		httpLevel := byName(h)
		for _, sb := range h {
			if sb.Name != "server" || !sb.IsBlock {
				continue
			}
			s := &Server{Block: sb, site: x, http: httpLevel, srv: byName(sb.Block), VerifyClient: "off", VerifyDepth: 1}
			if n := s.srv["server_name"]; len(n) > 0 && len(n[0].Args) > 0 {
				s.Name = n[0].Args[0]
			}
			if d := s.Last("ssl"); d != nil && d.Arg(0) == "on" {
				s.TLS = true
			}
			for i, l := range s.srv["listen"] {
				ssl := false
				for _, a := range l.Args[min(1, len(l.Args)):] {
					if a == "ssl" {
						ssl = true
					}
				}
				if ssl {
					tlsSockets[socket(l.Arg(0))] = true
				}
				if i == 0 || (ssl && !s.TLS) {
					s.Listen = strings.Join(l.Args, " ")
				}
				s.TLS = s.TLS || ssl
			}
			if len(s.srv["listen"]) == 0 {
				s.Listen = "80"
			}
			if d := s.Last("ssl_verify_client"); d != nil {
				s.VerifyClient = d.Arg(0)
			}
			if d := s.Last("ssl_verify_depth"); d != nil {
				if n, err := strconv.Atoi(d.Arg(0)); err == nil {
					s.VerifyDepth = n
				}
			}
			s.ErrorLogs = s.srv["error_log"]
			if len(s.ErrorLogs) == 0 {
				s.ErrorLogs = httpLevel["error_log"]
			}
			if len(s.ErrorLogs) == 0 {
				s.ErrorLogs = mainLevel["error_log"]
			}
			s.AccessLogs = s.Effective("access_log")
			out = append(out, s)
		}
	}
	// "listen 443 ssl" in one block makes the socket TLS for every block on it.
	for _, s := range out {
		for _, l := range s.srv["listen"] {
			if tlsSockets[socket(l.Arg(0))] {
				s.TLS = true
			}
		}
	}
	return out
}

// socket normalises a listen address to host:port.
func socket(a string) string {
	if strings.HasPrefix(a, "unix:") {
		return a
	}
	if _, err := strconv.Atoi(a); err == nil {
		return "*:" + a
	}
	if rest, ok := strings.CutPrefix(a, "0.0.0.0:"); ok {
		return "*:" + rest
	}
	if strings.HasPrefix(a, "[") {
		if i := strings.LastIndex(a, "]:"); i >= 0 {
			return a
		}
		return a + ":80"
	}
	if strings.Contains(a, ":") {
		return a
	}
	return a + ":80"
}
