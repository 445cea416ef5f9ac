package catalogue

import (
	"net"
	"strings"
)

// The catalogue's generic commands (those of entries that are not about
// one configuration: log lines, explain) name the server and the client
// by stand-ins: the server as host:443 (https://host/ in URLs, -servername
// host), the client's files as client.crt and client.key, and nginx's
// client CA file as /etc/nginx/client-ca.pem. Names holds
// the real ones where a caller knows them; Apply puts them in.
type Names struct {
	// Addr is the address to connect to ("127.0.0.1:8443"), SNI the name
	// to send ("" for none).
	Addr, SNI string
	// Cert and Key are the client's certificate and key files.
	Cert, Key string
	// CAFile is nginx's ssl_client_certificate file.
	CAFile string
}

// Apply replaces the stand-ins in the command lines of fix (the lines
// indented two spaces) with the names that are set.
func (n Names) Apply(fix string) string {
	lines := strings.Split(fix, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "  ") {
			lines[i] = n.command(l)
		}
	}
	return strings.Join(lines, "\n")
}

func (n Names) command(l string) string {
	if n.Cert != "" && n.Key != "" {
		l = replaceWord(l, "client.crt", shellWord(n.Cert))
		l = replaceWord(l, "client.key", shellWord(n.Key))
	}
	// A command that overwrites the stand-in CA file (cat a b > file)
	// would empty the real one if a or b is missing: it keeps the
	// stand-in, to be read before it is run.
	if n.CAFile != "" && !(strings.Contains(l, "> /etc/nginx/client-ca.pem") && !strings.Contains(l, ">> /etc/nginx/client-ca.pem")) {
		l = replaceWord(l, "/etc/nginx/client-ca.pem", shellWord(n.CAFile))
	}
	if n.Addr == "" {
		return l
	}
	host, port, err := net.SplitHostPort(n.Addr)
	if err != nil {
		return replaceWord(l, "host:443", n.Addr)
	}
	// curl sends the name of the URL: with an SNI name, the URL names it
	// and --resolve points it at the address.
	url, resolve := "https://"+n.Addr+"/", ""
	if n.SNI != "" {
		url = "https://" + n.SNI + ":" + port + "/"
		resolve = " --resolve " + n.SNI + ":" + port + ":" + host
	}
	for _, u := range []string{"https://host:443/", "https://host/"} {
		if strings.Contains(l, u) {
			l = strings.Replace(l, u, url, 1) + resolve
		}
	}
	l = strings.ReplaceAll(l, "http://host:443/", "http://"+n.Addr+"/")
	// gnutls-cli takes the port apart from the host.
	gnutls := "-p " + port + " " + host
	if n.SNI != "" {
		gnutls += " --sni-hostname " + n.SNI + " --verify-hostname " + n.SNI
	}
	l = replaceWord(l, "-p 443 host", gnutls)
	if n.SNI != "" {
		l = replaceWord(l, "-servername host", "-servername "+n.SNI)
		if strings.Contains(l, "-connect host:443") && !strings.Contains(l, "-servername ") {
			l = strings.ReplaceAll(l, "-connect host:443", "-connect "+n.Addr+" -servername "+n.SNI)
		}
		l = strings.ReplaceAll(l, "mtlsdoctor probe host:443", "mtlsdoctor probe --servername "+n.SNI+" "+n.Addr)
	} else {
		l = strings.ReplaceAll(l, " -servername host", "")
	}
	return replaceWord(l, "host:443", n.Addr)
}

// replaceWord replaces old where it stands as a word of a command (not
// part of a longer path or name).
func replaceWord(s, old, new string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, old)
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		end := i + len(old)
		if (i == 0 || wordEdge(s[i-1])) && (end == len(s) || wordEdge(s[end])) {
			b.WriteString(s[:i])
			b.WriteString(new)
		} else {
			b.WriteString(s[:end])
		}
		s = s[end:]
	}
}

func wordEdge(c byte) bool {
	return c == ' ' || c == '\'' || c == '"' || c == '=' || c == ';' || c == '\t'
}

// shellWord quotes a path for a shell command line when it needs it.
func shellWord(s string) string {
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.ContainsRune("_./:@+-,", c)) {
			return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
		}
	}
	return s
}

// ShellQuote quotes s as one word for a POSIX shell.
func ShellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
