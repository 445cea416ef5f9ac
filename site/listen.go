package site

import (
	"net"
	"strconv"
	"strings"

	"github.com/mtlsdoctor/mtlsdoctor/nginxconf"
)

// TLSListens are the listen directives of the block that serve TLS: those
// with "ssl", else (ssl on, or a socket another block made TLS) every
// listen. QUIC (UDP) listens are left out.
func (s *Server) TLSListens() []*nginxconf.Directive {
	var all, ssl []*nginxconf.Directive
	for _, d := range s.Block.Block {
		if d.Name != "listen" || len(d.Args) == 0 {
			continue
		}
		quic := false
		for _, a := range d.Args[1:] {
			switch a {
			case "ssl":
				ssl = append(ssl, d)
			case "quic":
				quic = true
			}
		}
		if !quic {
			all = append(all, d)
		}
	}
	if len(ssl) > 0 {
		return ssl
	}
	if len(all) == 0 {
		// No listen: nginx listens on *:80 (*:8000 when not root).
		return []*nginxconf.Directive{{Name: "listen", Args: []string{"80"}, File: s.Block.File, Line: s.Block.Line}}
	}
	return all
}

// ListenTarget maps a listen address to the address to connect to on
// this machine: wildcards to loopback, a local IP to itself. local is
// false (with why, a clause) for anything that is not on this machine.
func ListenTarget(a string) (addr string, local bool, why string) {
	if strings.HasPrefix(a, "unix:") {
		return a, false, "a unix socket"
	}
	host, port := "", ""
	switch {
	case isPort(a):
		host, port = "*", a
	case strings.HasPrefix(a, "["):
		end := strings.Index(a, "]")
		if end < 0 {
			return a, false, "not an address"
		}
		host, port = a[1:end], "80"
		if p, ok := strings.CutPrefix(a[end+1:], ":"); ok {
			port = p
		}
	case strings.Contains(a, ":"):
		i := strings.LastIndex(a, ":")
		host, port = a[:i], a[i+1:]
	default:
		host, port = a, "80"
	}
	if !isPort(port) {
		return a, false, "not an address"
	}
	switch host {
	case "*", "0.0.0.0", "":
		return net.JoinHostPort("127.0.0.1", port), true, ""
	case "::":
		return net.JoinHostPort("::1", port), true, ""
	case "localhost":
		return net.JoinHostPort("127.0.0.1", port), true, ""
	}
	ip := net.ParseIP(host)
	if ip == nil {
		return net.JoinHostPort(host, port), false, "a host name, not an address of this machine"
	}
	if ip.IsLoopback() || isLocalIP(ip) {
		return net.JoinHostPort(host, port), true, ""
	}
	return net.JoinHostPort(host, port), false, "not an address of this machine"
}

func isPort(s string) bool {
	n, err := strconv.Atoi(s)
	return err == nil && n > 0 && n < 65536 && s[0] != '+'
}

func isLocalIP(ip net.IP) bool {
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		return false
	}
	for _, a := range addrs {
		if n, ok := a.(*net.IPNet); ok && n.IP.Equal(ip) {
			return true
		}
	}
	return false
}

// UsableName is name when it can be sent as SNI: not "_", a wildcard, a
// regex or a variable ("" otherwise).
func UsableName(name string) string {
	if name == "" || name == "_" || name == "localhost.localdomain" || strings.ContainsAny(name, "*~$^() ") {
		return ""
	}
	if strings.HasPrefix(name, ".") {
		return ""
	}
	return name
}
