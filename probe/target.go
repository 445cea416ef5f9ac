package probe

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"strconv"
	"strings"
)

// Target is one endpoint to probe, parsed from the command line.
type Target struct {
	// Host is a DNS name or an IP address, without brackets.
	Host string
	// Port is the TCP port (443 unless given).
	Port int
	// Path is the path of the HTTP request; empty unless a URL named one.
	Path string
}

// Addr is host:port as net.Dial takes it (IPv6 in brackets).
func (t Target) Addr() string {
	return net.JoinHostPort(t.Host, strconv.Itoa(t.Port))
}

// ParseTarget reads "host", "host:port", "[v6]:port", a bare IPv6 address
// or "https://host[:port]/path". The port defaults to 443. Only a URL sets
// Path (with its query, if any).
func ParseTarget(s string) (Target, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Target{}, errors.New("empty target")
	}
	if strings.ContainsAny(s, " \t\r\n\x00") {
		return Target{}, fmt.Errorf("%q: a target has no spaces or control characters", s)
	}
	if i := strings.Index(s, "://"); i >= 0 {
		return parseURL(s)
	}
	if strings.ContainsAny(s, "/?#@") {
		return Target{}, fmt.Errorf("%q: want HOST, HOST:PORT or https://HOST[:PORT]/PATH", s)
	}
	host, port := s, ""
	switch {
	case strings.HasPrefix(s, "["):
		end := strings.Index(s, "]")
		if end < 0 {
			return Target{}, fmt.Errorf("%q: missing ']' after the IPv6 address", s)
		}
		host, port = s[1:end], ""
		rest := s[end+1:]
		if rest != "" {
			p, ok := strings.CutPrefix(rest, ":")
			if !ok {
				return Target{}, fmt.Errorf("%q: want [IPv6]:PORT", s)
			}
			port = p
			if port == "" {
				return Target{}, fmt.Errorf("%q: empty port", s)
			}
		}
		if net.ParseIP(host) == nil || !strings.Contains(host, ":") {
			return Target{}, fmt.Errorf("%q: %q is not an IPv6 address", s, host)
		}
	case strings.Count(s, ":") > 1:
		// A bare IPv6 address: no port can be told apart from it.
		if net.ParseIP(s) == nil {
			return Target{}, fmt.Errorf("%q: not an IPv6 address; write [ADDRESS]:PORT", s)
		}
	case strings.Contains(s, ":"):
		host, port, _ = strings.Cut(s, ":")
		if port == "" {
			return Target{}, fmt.Errorf("%q: empty port", s)
		}
	}
	return finish(s, host, port, "")
}

func parseURL(s string) (Target, error) {
	u, err := url.Parse(s)
	if err != nil {
		return Target{}, fmt.Errorf("%q: %v", s, unwrapURLError(err))
	}
	switch strings.ToLower(u.Scheme) {
	case "https":
	case "http":
		return Target{}, fmt.Errorf("%q: probe speaks TLS; write https:// (an http:// URL is not TLS)", s)
	default:
		return Target{}, fmt.Errorf("%q: scheme %q: want https://", s, u.Scheme)
	}
	if u.User != nil {
		return Target{}, fmt.Errorf("%q: user information in the URL is not supported", s)
	}
	if u.Host == "" {
		return Target{}, fmt.Errorf("%q: no host in the URL", s)
	}
	host, port := u.Hostname(), u.Port()
	if strings.HasSuffix(u.Host, ":") {
		return Target{}, fmt.Errorf("%q: empty port", s)
	}
	if strings.HasPrefix(u.Host, "[") && (net.ParseIP(host) == nil || !strings.Contains(host, ":")) {
		return Target{}, fmt.Errorf("%q: %q is not an IPv6 address", s, host)
	}
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	return finish(s, host, port, path)
}

func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

func finish(s, host, port, path string) (Target, error) {
	if host == "" {
		return Target{}, fmt.Errorf("%q: no host", s)
	}
	if !validHost(host) {
		return Target{}, fmt.Errorf("%q: %q is not a host name or IP address", s, host)
	}
	t := Target{Host: host, Port: 443, Path: path}
	if port != "" {
		n, err := strconv.Atoi(port)
		if err != nil || n < 1 || n > 65535 || port[0] == '+' || port[0] == '-' {
			return Target{}, fmt.Errorf("%q: port %q: want a number from 1 to 65535", s, port)
		}
		t.Port = n
	}
	return t, nil
}

// validHost accepts IP addresses and names made of letters, digits, '-',
// '_' and dots (what DNS and /etc/hosts hold).
func validHost(h string) bool {
	if net.ParseIP(h) != nil {
		return true
	}
	if len(h) > 253 {
		return false
	}
	for i := 0; i < len(h); i++ {
		c := h[i]
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9', c == '-', c == '_', c == '.':
		default:
			return false
		}
	}
	return true
}

// MarshalText writes the target as its address, host:port.
func (t Target) MarshalText() ([]byte, error) {
	return []byte(t.Addr()), nil
}
