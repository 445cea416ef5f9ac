package checks

import (
	"net"
	"net/netip"
	"strings"

	"github.com/mtlsdoctor/mtlsdoctor/internal/lazyre"
)

// The server a client's line names: curl's "in connection to h:p" and
// (-v) "Connected to h (a) port p", Python's HTTPSConnectionPool(host='h',
// port=p), an https:// or wss:// URL that is not a documentation link.
var (
	reLineUpstream  = lazyre.New(`upstream: "(?:https|grpcs)://([^/"\s]+)`)
	reLineConnected = lazyre.New(`Connected to (\S+) \(\S+\) port (\d{1,5})`)
	reLineURL       = lazyre.New(`(?i)\b(?:https|wss)://(` + urlHost + `)(?::(\d{1,5}))?((?:/[^` + urlStop + `]*)?)(?:[` + urlStop + `]|$)`)
	reLinePyHost    = lazyre.New(`host='([^'\s]+)', port=(\d{1,5})`)
	reLineConnTo    = lazyre.New(`(?i)in connection to ([a-z0-9][a-z0-9.-]*):(\d{1,5})`)
)

// lineTarget is the address (host:port) of the server a client's line
// names, when it names one that is not a stand-in (xxx, redacted, a
// bare word).
func lineTarget(line string) (string, bool) {
	for _, re := range []*lazyre.Regexp{reLineConnTo, reLineConnected, reLinePyHost, reLineURL} {
		for _, m := range re.FindAllStringSubmatch(line, 8) {
			host, port := strings.Trim(m[1], "[]"), m[2]
			if port == "" {
				port = "443"
			}
			if docHost(host) || len(m) > 3 && docPath(m[3]) {
				continue
			}
			if !realHost(host) {
				return "", false
			}
			return net.JoinHostPort(host, port), true
		}
	}
	return "", false
}

// A URL's host (a name or a bracketed IPv6 address), and the characters
// that end a URL in a line.
const (
	urlHost = `[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?|\[[0-9a-f:.]+\]`
	urlStop = `\s"'\x60)\]>,;`
)

// docHost is true for the hosts of the documentation links programs print
// beside their errors (curl's "More details here: https://curl.se/docs/...").
func docHost(h string) bool {
	h = strings.ToLower(h)
	switch h {
	case "curl.se", "curl.haxx.se", "www.openssl.org", "openssl.org", "go.dev", "golang.org", "pkg.go.dev", "nodejs.org",
		"aka.ms", "learn.microsoft.com", "developer.mozilla.org", "support.mozilla.org", "letsencrypt.org", "www.ssllabs.com", "ssl-config.mozilla.org":
		return true
	}
	return strings.HasPrefix(h, "docs.") || strings.HasSuffix(h, ".readthedocs.io")
}

// docPath is true for a URL path that is documentation, not a request.
func docPath(p string) bool {
	p = strings.ToLower(p)
	for _, d := range []string{"/doc/", "/docs/", "/help/", "/wiki/", "/kb/", "/faq"} {
		if strings.HasPrefix(p, d) {
			return true
		}
	}
	// an issue, a pull request or a source file a program's error points
	// to ("See https://github.com/OWNER/REPO/issues/54")
	for _, d := range []string{"/issues/", "/pull/", "/blob/", "/commit/"} {
		if strings.Contains(p, d) {
			return true
		}
	}
	return false
}

// realHost is true for an IP address, localhost, or a dotted name that is
// not a redaction.
func realHost(h string) bool {
	if _, err := netip.ParseAddr(h); err == nil {
		return true
	}
	l := strings.ToLower(h)
	if l == "localhost" {
		return true
	}
	if !strings.Contains(l, ".") || strings.Contains(l, "..") || strings.Trim(l, "x.") == "" {
		return false
	}
	for _, w := range []string{"xxx", "redacted", "<", "*"} {
		if strings.Contains(l, w) {
			return false
		}
	}
	return true
}

// upstreamTarget is the address (host:port) of the upstream an nginx line
// names (`upstream: "https://10.0.0.5:8443/..."`).
func upstreamTarget(line string) (string, bool) {
	m := reLineUpstream.FindStringSubmatch(line)
	if m == nil {
		return "", false
	}
	hostport := m[1]
	if _, _, err := net.SplitHostPort(hostport); err != nil {
		hostport = net.JoinHostPort(strings.Trim(hostport, "[]"), "443")
	}
	host, _, _ := net.SplitHostPort(hostport)
	if !realHost(host) {
		return "", false
	}
	return hostport, true
}
