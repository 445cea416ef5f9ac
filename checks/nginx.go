package checks

import (
	"bufio"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/catalogue"
	"github.com/mtlsdoctor/mtlsdoctor/certset"
	"github.com/mtlsdoctor/mtlsdoctor/nginxconf"
	"github.com/mtlsdoctor/mtlsdoctor/report"
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
}

// Sections of a finding in `nginx` and `doctor`.
const (
	SectionNginx = "nginx"
	SectionCerts = "certs"
)

// NginxServer is one server block with the mTLS settings nginx would
// use for it after merging http-level ssl_* directives into it.
type NginxServer struct {
	Block *nginxconf.Directive
	// Name is the first server_name ("" when there is none).
	Name string
	// Listen is the arguments of the listen directive that makes it a TLS
	// server (or the first listen), e.g. "443 ssl".
	Listen string
	// TLS is true when the block serves TLS (listen ... ssl, ssl on, or a
	// socket another block made TLS).
	TLS bool
	// VerifyClient is off, on, optional or optional_no_ca.
	VerifyClient string
	// VerifyDepth is ssl_verify_depth (default 1).
	VerifyDepth int
	// ErrorLogs and AccessLogs are the logs in effect (file, level/format).
	ErrorLogs  []*nginxconf.Directive
	AccessLogs []*nginxconf.Directive

	http, srv map[string][]*nginxconf.Directive
}

// Label is "server_name listen", as findings name the block.
func (s *NginxServer) Label() string {
	return strings.TrimSpace(s.Name + " " + s.Listen)
}

// MTLS reports whether the block asks clients for certificates.
func (s *NginxServer) MTLS() bool { return s.TLS && s.VerifyClient != "off" }

// Effective returns the directives named name in effect for the block:
// the block's own, else the http block's (how nginx merges ssl_*).
func (s *NginxServer) Effective(name string) []*nginxconf.Directive {
	if d := s.srv[name]; len(d) > 0 {
		return d
	}
	return s.http[name]
}

func (s *NginxServer) last(name string) *nginxconf.Directive {
	d := s.Effective(name)
	if len(d) == 0 {
		return nil
	}
	return d[len(d)-1]
}

func byName(dirs []*nginxconf.Directive) map[string][]*nginxconf.Directive {
	m := map[string][]*nginxconf.Directive{}
	for _, d := range dirs {
		m[d.Name] = append(m[d.Name], d)
	}
	return m
}

// NginxServers finds every server block of the http context with its
// effective TLS settings, in configuration order.
func NginxServers(c *nginxconf.Config) []*NginxServer {
	mainLevel := byName(c.Directives)
	var out []*NginxServer
	tlsSockets := map[string]bool{}
	for _, h := range c.Directives {
		if h.Name != "http" || !h.IsBlock {
			continue
		}
		httpLevel := byName(h.Block)
		for _, sb := range h.Block {
			if sb.Name != "server" || !sb.IsBlock {
				continue
			}
			s := &NginxServer{Block: sb, http: httpLevel, srv: byName(sb.Block), VerifyClient: "off", VerifyDepth: 1}
			if n := s.srv["server_name"]; len(n) > 0 && len(n[0].Args) > 0 {
				s.Name = n[0].Args[0]
			}
			if d := s.last("ssl"); d != nil && d.Arg(0) == "on" {
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
			if d := s.last("ssl_verify_client"); d != nil {
				s.VerifyClient = d.Arg(0)
			}
			if d := s.last("ssl_verify_depth"); d != nil {
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

// logLevels in nginx's order; client-certificate errors are written at info.
var logLevels = []string{"debug", "info", "notice", "warn", "error", "crit", "alert", "emerg"}

func levelRank(l string) int {
	for i, v := range logLevels {
		if v == l {
			return i
		}
	}
	return -1
}

// errorLog returns the file and the lowest level of the block's error logs
// (nginx's default is logs/error.log at level error).
func errorLog(s *NginxServer) (file, level string, where *nginxconf.Directive) {
	if len(s.ErrorLogs) == 0 {
		return "/var/log/nginx/error.log", "error", nil
	}
	best := -1
	for _, d := range s.ErrorLogs {
		lv := "error"
		if len(d.Args) > 1 {
			lv = d.Args[1]
		}
		r := levelRank(lv)
		if r < 0 {
			r = levelRank("error")
		}
		if best < 0 || r < best {
			best, file, level, where = r, d.Arg(0), logLevels[r], d
		}
	}
	return file, level, where
}

func accessLog(s *NginxServer) string {
	if len(s.AccessLogs) == 0 {
		return "/var/log/nginx/access.log"
	}
	return s.AccessLogs[0].Arg(0)
}

// nginxRun carries one `nginx` diagnosis.
type nginxRun struct {
	c        *nginxconf.Config
	o        NginxOptions
	findings []report.Finding
	seen     map[string]bool
	// certsRuns caches the certs report per set of files and settings:
	// many server blocks usually inherit the same http-level files.
	certsRuns map[string]*report.Report
}

func (r *nginxRun) add(f report.Finding) {
	key := f.ID.Name() + "\x00" + f.File + "\x00" + strconv.Itoa(f.Line) + "\x00" + f.Title
	if r.seen[key] {
		return
	}
	r.seen[key] = true
	r.findings = append(r.findings, f)
}

func at(f report.Finding, s *NginxServer, d *nginxconf.Directive) report.Finding {
	f.Section = SectionNginx
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
	if o.At.IsZero() {
		o.At = time.Now()
	}
	r := &nginxRun{c: c, o: o, seen: map[string]bool{}, certsRuns: map[string]*report.Report{}}
	for _, p := range c.Problems {
		r.add(at(report.Finding{
			ID: catalogue.MissingFile, Severity: report.Error,
			Title:       fmt.Sprintf("include %s: %s", p.Directive.Arg(0), p.Msg),
			Explanation: fmt.Sprintf("nginx resolves include paths against %s and refuses to start when a named file (not a glob) is missing: open() \"%s\" failed (2: No such file or directory).", c.ConfDir, p.Path),
			Fix:         "Correct the path in `" + p.Directive.String() + "`, or remove the include; then run `nginx -t`.",
		}, nil, p.Directive))
	}
	servers := NginxServers(c)
	rep := &report.Report{Command: "nginx"}
	mapped := mappedVars(c)
	nTLS := 0
	for _, s := range servers {
		if !s.TLS {
			// nginx checks the CA file of every block that has a
			// certificate, even one that serves plain HTTP only.
			if len(s.Effective("ssl_certificate")) > 0 {
				r.caRequired(s, " (even in this block, which serves plain HTTP: nginx checks every block that has an ssl_certificate, its own or inherited from http)")
				r.files(s, false) // nginx loads them all the same
			}
			continue
		}
		nTLS++
		r.files(s, true)
		r.protocols(s)
		if !s.MTLS() {
			continue
		}
		r.verifyClient(s, mapped)
		elog, level, _ := errorLog(s)
		ca := ""
		if d := s.last("ssl_client_certificate"); d != nil {
			ca = d.Arg(0)
		}
		rep.Servers = append(rep.Servers, report.Server{
			Server: s.Label(), File: s.Block.File, Line: s.Block.Line, Listen: s.Listen,
			VerifyClient: s.VerifyClient, VerifyDepth: s.VerifyDepth, ClientCertificate: ca,
			ErrorLog: elog, AccessLog: accessLog(s), ErrorLogLevel: level,
		})
	}
	rep.Findings = r.findings
	rep.Header = fmt.Sprintf("%s (%s): %s, %d with TLS, %d asking for client certificates",
		c.File, report.Plural(len(c.Files), "file"), report.Plural(len(servers), "server block"), nTLS, len(rep.Servers))
	rep.AllClear = "nothing to fix in the configuration. Test it with a client certificate: curl --cert client.crt --key client.key https://HOST/"
	if len(rep.Servers) == 0 {
		rep.AllClear = "no server block asks for client certificates (ssl_verify_client on|optional|optional_no_ca in a TLS server)."
	}
	rep.Finish()
	return rep
}

// resolve makes a path from the configuration absolute the way nginx does
// for ssl_* files: relative to the configuration directory.
func (r *nginxRun) resolve(p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(r.c.ConfDir, p)
}

// fileDirectives are the ssl_* directives that name files nginx opens at
// start-up.
var fileDirectives = []string{"ssl_certificate", "ssl_certificate_key", "ssl_client_certificate",
	"ssl_trusted_certificate", "ssl_crl", "ssl_dhparam", "ssl_password_file", "ssl_stapling_file", "ssl_session_ticket_key"}

// namesFile reports whether a directive argument is a path to check
// (not a variable, data: or engine: value).
func namesFile(a string) bool {
	return a != "" && !strings.Contains(a, "$") && !strings.HasPrefix(a, "data:") && !strings.HasPrefix(a, "engine:")
}

func exists(p string) (bool, error) {
	_, err := os.Stat(p)
	if err == nil {
		return true, nil
	}
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	return true, err
}

// notAFile says why an existing path cannot be the file nginx wants
// ("" when it is a regular file). certset would walk a directory, and
// nginx cannot load one.
func notAFile(p string) string {
	st, err := os.Stat(p)
	switch {
	case err != nil:
		return ""
	case st.IsDir():
		return "is a directory, not a file"
	case !st.Mode().IsRegular():
		return "is not a regular file"
	}
	return ""
}

// files reports missing files and, when judge is set, runs the certs
// checks on the block's files.
func (r *nginxRun) files(s *NginxServer, judge bool) {
	var paths []string
	var passwords []string
	for _, name := range fileDirectives {
		for _, d := range s.Effective(name) {
			a := d.Arg(0)
			if !namesFile(a) {
				continue
			}
			p := r.resolve(a)
			ok, _ := exists(p)
			if !ok {
				if name == "ssl_password_file" {
					r.add(at(report.Finding{
						ID: catalogue.PasswordFileMissing, Severity: report.Error,
						Title:       fmt.Sprintf("ssl_password_file %s does not exist", a),
						Explanation: fmt.Sprintf("nginx opens the password file at start-up and refuses to start without it: [emerg] open() \"%s\" failed (2: No such file or directory). It holds the passphrases of encrypted ssl_certificate_key files, one per line.", p),
						Fix:         fmt.Sprintf("Create it (one passphrase per line, readable by root only): install -m 600 /dev/null %s && echo 'PASSPHRASE' > %s\nor remove `%s` and use an unencrypted key: openssl pkey -in KEY -out KEY.plain", p, p, d.String()),
					}, s, d))
				} else {
					r.add(at(report.Finding{
						ID: catalogue.MissingFile, Severity: report.Error,
						Title:       fmt.Sprintf("%s %s: no such file", name, a),
						Explanation: fmt.Sprintf("nginx opens every %s file at start-up and refuses to start (or to reload) when one is missing. Relative paths are resolved against %s.", name, r.c.ConfDir),
						Fix:         fmt.Sprintf("Correct the path in `%s` (use an absolute path), or create the file; then run `nginx -t`.", d.String()),
					}, s, d))
				}
				continue
			}
			if why := notAFile(p); why != "" {
				r.add(at(report.Finding{
					ID: catalogue.MissingFile, Severity: report.Error,
					Title:       fmt.Sprintf("%s %s %s", name, a, why),
					Explanation: fmt.Sprintf("nginx opens the %s file at start-up and refuses to start when it cannot read a file there.", name),
					Fix:         fmt.Sprintf("Name the file itself in `%s`; then run `nginx -t`.", d.String()),
				}, s, d))
				continue
			}
			if name == "ssl_password_file" {
				passwords = append(passwords, readPasswords(p)...)
				continue
			}
			if name == "ssl_dhparam" || name == "ssl_session_ticket_key" || name == "ssl_stapling_file" {
				continue
			}
			paths = append(paths, p)
		}
	}
	r.depth(s)
	if len(paths) == 0 || !judge {
		return
	}
	opts := certset.Options{Passphrases: append(passwords, r.o.Passphrases...)}
	co := CertOptions{SecLevel: secLevel(s, r.o.SecLevel), VerifyDepth: s.VerifyDepth, At: r.o.At, ExpiresWithin: 30 * 24 * time.Hour}
	caFile := ""
	if d := s.last("ssl_client_certificate"); d != nil && namesFile(d.Arg(0)) && notAFile(r.resolve(d.Arg(0))) == "" {
		caFile = r.resolve(d.Arg(0))
		co.CAFile = d.Arg(0)
	}
	if s.Name != "" && s.Name != "_" && !strings.ContainsAny(s.Name, "*~$ ") {
		co.Host = s.Name
	}
	paths = dedupe(paths)
	key := fmt.Sprintf("%q %d %d %q %q %q", paths, co.SecLevel, co.VerifyDepth, caFile, co.Host, opts.Passphrases)
	rep, ok := r.certsRuns[key]
	if !ok {
		set, err := certset.Load(paths, opts)
		if err != nil {
			return
		}
		if caFile != "" {
			co.CA = loadCerts(caFile, opts)
		}
		rep = Certs(set, co)
		r.certsRuns[key] = rep
	}
	where := map[string]*nginxconf.Directive{}
	for _, name := range fileDirectives {
		for _, d := range s.Effective(name) {
			if namesFile(d.Arg(0)) {
				where[r.resolve(d.Arg(0))] = d
			}
		}
	}
	for _, f := range rep.Findings {
		if f.ID == catalogue.OrphanKey {
			continue // the key belongs to a certificate nginx loads from the same block
		}
		f.Section = SectionCerts
		f.Server = s.Label()
		if d := where[f.File]; d != nil {
			if !strings.Contains(f.Title, filepath.Base(d.Arg(0))) {
				f.Title += fmt.Sprintf(" (%s %s)", d.Name, d.Arg(0))
			}
			f.File, f.Line = d.File, d.Line
		}
		r.add(f)
	}
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

// readPasswords reads ssl_password_file as nginx does: one passphrase per line.
func readPasswords(p string) []string {
	// Only a regular file, and only its first 64 KiB: a FIFO or device
	// named here must not hang or flood the run.
	if st, err := os.Stat(p); err != nil || !st.Mode().IsRegular() {
		return nil
	}
	f, err := os.Open(p)
	if err != nil {
		return nil
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(io.LimitReader(f, 64<<10))
	for n := 0; sc.Scan() && n < 1000; n++ {
		out = append(out, strings.TrimRight(sc.Text(), "\r"))
	}
	return out
}

func loadCerts(p string, opts certset.Options) []*x509.Certificate {
	set, err := certset.Load([]string{p}, opts)
	if err != nil {
		return nil
	}
	var out []*x509.Certificate
	for _, c := range set.Certs {
		out = append(out, c.X509)
	}
	return out
}

// secLevel is the @SECLEVEL=N of the block's ssl_ciphers, else def.
func secLevel(s *NginxServer, def int) int {
	if d := s.last("ssl_ciphers"); d != nil {
		for _, part := range strings.FieldsFunc(d.Arg(0), func(r rune) bool { return r == ':' || r == ' ' || r == ',' }) {
			if v, ok := strings.CutPrefix(strings.ToUpper(part), "@SECLEVEL="); ok {
				if n, err := strconv.Atoi(v); err == nil && n >= 0 && n <= 5 {
					return n
				}
			}
		}
	}
	return def
}

// depth reports verify-depth-too-small: the CA files hold intermediates
// whose clients need more intermediates than ssl_verify_depth allows.
func (r *nginxRun) depth(s *NginxServer) {
	if !s.MTLS() {
		return
	}
	var cas []*x509.Certificate
	var where *nginxconf.Directive
	for _, name := range []string{"ssl_client_certificate", "ssl_trusted_certificate"} {
		for _, d := range s.Effective(name) {
			if !namesFile(d.Arg(0)) || notAFile(r.resolve(d.Arg(0))) != "" {
				continue
			}
			got := loadCerts(r.resolve(d.Arg(0)), certset.Options{})
			if len(got) > 0 && where == nil {
				where = d
			}
			cas = append(cas, got...)
		}
	}
	need, deepest := chainDepth(cas)
	if need <= s.VerifyDepth || deepest == nil {
		return
	}
	d := s.last("ssl_verify_depth")
	if d == nil {
		d = where
	}
	v, _ := catalogue.Verify(2)
	r.add(at(report.Finding{
		ID: catalogue.VerifyDepthTooSmall, Severity: report.Error,
		Title:        fmt.Sprintf("ssl_verify_depth %d is too small: clients issued by %q have %d intermediate CAs above them", s.VerifyDepth, deepest.Subject.CommonName, need),
		Explanation:  fmt.Sprintf("ssl_verify_depth is the number of intermediate CAs allowed between the client certificate and the trusted root (OpenSSL 1.1.0 and later; neither end counts; nginx's default is 1). The CA files of this block hold a chain of %d intermediates, so every client issued under %s is rejected with 400. OpenSSL stops at 22 (certificate chain too long), but nginx logs the error that follows it: %s when the intermediates are in the CA file, as here (20 when the client sends them), which hides the real cause.", need, deepest.Subject.String(), v.OpenSSLError()),
		OpenSSLError: v.OpenSSLError(), Code: 2,
		Fix: fmt.Sprintf("In the server block: ssl_verify_depth %d;   then nginx -t && nginx -s reload", need),
	}, s, d))
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

// protocols reports legacy-protocols for TLSv1/TLSv1.1/SSLv3 and notes a
// list without TLSv1.3.
func (r *nginxRun) protocols(s *NginxServer) {
	d := s.last("ssl_protocols")
	if d == nil {
		return
	}
	var legacy []string
	has13 := false
	var keep []string
	for _, p := range d.Args {
		switch p {
		case "SSLv2", "SSLv3", "TLSv1", "TLSv1.1":
			legacy = append(legacy, p)
		case "TLSv1.3":
			has13 = true
			keep = append(keep, p)
		default:
			keep = append(keep, p)
		}
	}
	if !has13 {
		keep = append(keep, "TLSv1.3")
	}
	fix := "ssl_protocols " + strings.Join(keep, " ") + ";"
	if len(legacy) > 0 {
		r.add(at(report.Finding{
			ID: catalogue.LegacyProtocols, Severity: report.Warning,
			Title:       fmt.Sprintf("ssl_protocols enables %s", strings.Join(legacy, " ")),
			Explanation: "TLS 1.0, TLS 1.1 and SSLv3 are deprecated (RFC 8996) and weak. OpenSSL 3 cannot complete them anyway at security level 1 and above (their handshake signature uses MD5-SHA1), so listing them only makes the configuration promise something it does not do: such clients fail with 'tlsv1 alert internal error', and OpenSSL's reason on the server is 'no suitable signature algorithm'.",
			Fix:         fix,
		}, s, d))
	}
	if !has13 {
		r.add(at(report.Finding{
			ID: catalogue.LegacyProtocols, Severity: report.Info,
			Title:       "ssl_protocols does not list TLSv1.3",
			Explanation: "Without TLSv1.3 every client negotiates TLS 1.2. nginx before 1.23.4 also leaves TLSv1.3 out of its default. Client certificates work with both; TLS 1.3 is faster and hides the client certificate from observers.",
			Fix:         fix,
		}, s, d))
	}
}

// verifyVars are the variables that carry the client-certificate result
// or identity.
var verifyVars = []string{"ssl_client_verify", "ssl_client_s_dn", "ssl_client_s_dn_legacy", "ssl_client_cert", "ssl_client_escaped_cert",
	"ssl_client_raw_cert", "ssl_client_fingerprint", "ssl_client_serial", "ssl_client_i_dn", "ssl_client_i_dn_legacy"}

// usesVar reports whether a string references $name (or ${name}).
func usesVar(s, name string) bool {
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

func argsUse(d *nginxconf.Directive, names []string) bool {
	for _, a := range d.Args {
		for _, n := range names {
			if usesVar(a, n) {
				return true
			}
		}
	}
	return false
}

// mappedVars follows map blocks (map $ssl_client_verify $ok { ... }) so a
// variable derived from the verify result counts as that result. It
// returns, per verify variable, every name that carries it.
func mappedVars(c *nginxconf.Config) map[string][]string {
	out := map[string][]string{}
	var maps []*nginxconf.Directive
	nginxconf.Walk(c.Directives, func(d *nginxconf.Directive, _ []*nginxconf.Directive) {
		if d.IsBlock && d.Name == "map" && len(d.Args) == 2 {
			maps = append(maps, d)
		}
	})
	for _, v := range verifyVars {
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

func usesAny(s string, names []string) bool {
	for _, n := range names {
		if usesVar(s, n) {
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

// verifyClient checks what the block does with the verification result.
func (r *nginxRun) verifyClient(s *NginxServer, mapped map[string][]string) {
	vc := s.last("ssl_verify_client")
	switch s.VerifyClient {
	case "on", "optional", "optional_no_ca":
	default:
		r.add(at(report.Finding{
			ID: catalogue.VerifyClientWithoutCA, Severity: report.Error,
			Title:       fmt.Sprintf("ssl_verify_client %q is not a valid value", s.VerifyClient),
			Explanation: "nginx accepts off, on, optional and optional_no_ca, and refuses to start on anything else: invalid value \"" + s.VerifyClient + "\".",
			Fix:         "ssl_verify_client on;",
		}, s, vc))
		return
	}
	r.caRequired(s, "")
	// Everything the block (and the http level it inherits from) says.
	verify := mapped["ssl_client_verify"]
	var identity []string
	for _, v := range verifyVars {
		identity = append(identity, mapped[v]...)
	}
	checked := false
	nginxconf.Walk(s.Block.Block, func(d *nginxconf.Directive, _ []*nginxconf.Directive) {
		if argsUse(d, verify) {
			checked = true
		}
	})
	for _, d := range s.http["proxy_set_header"] {
		checked = checked || argsUse(d, verify)
	}
	for _, d := range s.http["fastcgi_param"] {
		checked = checked || argsUse(d, verify)
	}
	if strings.HasPrefix(s.VerifyClient, "optional") && !checked {
		what := "clients that send no certificate"
		if s.VerifyClient == "optional_no_ca" {
			what = "clients that send no certificate, or one from any CA (optional_no_ca lets codes 18, 19, 20, 21 and 27 through)"
		}
		r.add(at(report.Finding{
			ID: catalogue.OptionalNotChecked, Severity: report.Error,
			Title:       fmt.Sprintf("ssl_verify_client %s, but nothing tests $ssl_client_verify", s.VerifyClient),
			Explanation: "With " + s.VerifyClient + " nginx serves " + what + " like any other request; only $ssl_client_verify (SUCCESS, NONE or FAILED:reason) tells them apart. Nothing in this server block reads it (no if, map, proxy_set_header, fastcgi_param or return), so the client-certificate requirement is not enforced.",
			Fix:         "Enforce it in the server block:\n    if ($ssl_client_verify != SUCCESS) { return 403; }\nor pass it to the application: proxy_set_header X-SSL-Client-Verify $ssl_client_verify;\nor require a certificate outright: ssl_verify_client on;",
		}, s, vc))
	}

	// Upstreams: does each pass see the result or the identity?
	type pass struct {
		d       *nginxconf.Directive
		parents []*nginxconf.Directive
	}
	var passes []pass
	nginxconf.Walk(s.Block.Block, func(d *nginxconf.Directive, parents []*nginxconf.Directive) {
		if _, ok := passHeaders[d.Name]; ok && !d.IsBlock {
			passes = append(passes, pass{d, parents})
		}
	})
	var blind []pass
	for _, p := range passes {
		hdr := passHeaders[p.d.Name]
		// nginx inherits *_set_header / *_param only when a level sets none.
		var eff []*nginxconf.Directive
		levels := append([][]*nginxconf.Directive{}, s.http[hdr], s.srv[hdr])
		for _, b := range p.parents {
			levels = append(levels, byName(b.Block)[hdr])
		}
		for i := len(levels) - 1; i >= 0; i-- {
			if len(levels[i]) > 0 {
				eff = levels[i]
				break
			}
		}
		seen := false
		for _, h := range eff {
			seen = seen || argsUse(h, identity)
		}
		if !seen {
			blind = append(blind, p)
		}
	}
	if len(blind) > 0 {
		sev := report.Info
		if strings.HasPrefix(s.VerifyClient, "optional") {
			sev = report.Warning
		}
		p := blind[0]
		hdr := passHeaders[p.d.Name]
		example := "proxy_set_header X-SSL-Client-Verify $ssl_client_verify;\nproxy_set_header X-SSL-Client-S-DN   $ssl_client_s_dn;"
		switch hdr {
		case "fastcgi_param", "uwsgi_param", "scgi_param":
			example = hdr + " SSL_CLIENT_VERIFY $ssl_client_verify;\n" + hdr + " SSL_CLIENT_S_DN   $ssl_client_s_dn;"
		case "grpc_set_header":
			example = "grpc_set_header X-SSL-Client-Verify $ssl_client_verify;\ngrpc_set_header X-SSL-Client-S-DN   $ssl_client_s_dn;"
		}
		more := ""
		if len(blind) > 1 {
			more = fmt.Sprintf(" (and %d more)", len(blind)-1)
		}
		r.add(at(report.Finding{
			ID: catalogue.VerifyResultNotForwarded, Severity: sev,
			Title:       fmt.Sprintf("%s %s%s: the upstream never sees the client certificate", p.d.Name, p.d.Arg(0), more),
			Explanation: fmt.Sprintf("nginx checks the client certificate, but no %s here carries $ssl_client_verify, $ssl_client_s_dn or the certificate itself, so the application cannot tell who the client is (or, with optional, whether it sent a valid certificate at all). Note that a %s in a location replaces every one inherited from the server and http levels.", hdr, hdr),
			Fix:         "In the location (or server) block:\n" + example,
		}, s, p.d))
	}

	// Verify errors are written at info: a higher error_log level hides them.
	file, level, where := errorLog(s)
	if levelRank(level) > levelRank("info") {
		src := "nginx's default error_log level is error"
		if where != nil {
			src = "the error_log in effect here logs at " + level
		}
		f := at(report.Finding{
			ID: catalogue.VerifyErrorsHidden, Severity: report.Warning,
			Title:       fmt.Sprintf("error_log %s %s hides why client certificates are rejected", file, level),
			Explanation: "nginx writes every client-certificate failure (\"client SSL certificate verify error: (N:reason)\", \"client sent no required SSL certificate\") at the info level, and " + src + ", so a rejected client gets 400 and the error log stays silent.",
			Fix:         fmt.Sprintf("In the server block: error_log %s info;   then nginx -t && nginx -s reload", file),
		}, s, where)
		if where == nil {
			f.File, f.Line = s.Block.File, s.Block.Line
		}
		r.add(f)
	}
}

// caRequired reports verify-client-without-ca for on/optional without a
// CA file. nginx 1.22.1 checks this for every block that has an
// ssl_certificate, even one that serves only plain HTTP (note says so).
func (r *nginxRun) caRequired(s *NginxServer, note string) {
	if s.VerifyClient != "on" && s.VerifyClient != "optional" || s.last("ssl_client_certificate") != nil {
		return
	}
	vc := s.last("ssl_verify_client")
	if tc := s.last("ssl_trusted_certificate"); tc != nil {
		r.add(at(report.Finding{
			ID: catalogue.VerifyClientWithoutCA, Severity: report.Error,
			Title:       fmt.Sprintf("ssl_verify_client %s with only ssl_trusted_certificate: nginx before 1.27.2 refuses to start", s.VerifyClient),
			Explanation: "nginx 1.18 to 1.27.1 (Debian 12 ships 1.22.1, Ubuntu 24.04 1.24) require ssl_client_certificate for ssl_verify_client and refuse to start" + note + ":\nnginx -t says: [emerg] no ssl_client_certificate for ssl_verify_client\n1.27.2 and later accept ssl_trusted_certificate alone, but then send no CA names in the CertificateRequest, and Go clients and browsers send no certificate at all (nginx answers 496).",
			Fix:         "Name the same CA file with ssl_client_certificate instead: ssl_client_certificate " + tc.Arg(0) + ";   then nginx -t && nginx -s reload",
		}, s, tc))
		return
	}
	e := catalogueEntry("no ssl_client_certificate for ssl_verify_client")
	r.add(at(report.Finding{
		ID: catalogue.VerifyClientWithoutCA, Severity: report.Error,
		Title:       fmt.Sprintf("ssl_verify_client %s without ssl_client_certificate: nginx refuses to start", s.VerifyClient),
		Explanation: e.Explanation + note + "\nnginx -t says: [emerg] no ssl_client_certificate for ssl_verify_client\n(1.27.2 and later: no ssl_client_certificate or ssl_trusted_certificate for ssl_verify_client)",
		Fix:         "Next to `" + vc.String() + "` add: ssl_client_certificate /etc/nginx/client-ca.pem;   (the CA that issues your client certificates), then nginx -t && nginx -s reload",
	}, s, vc))
}

func catalogueEntry(text string) catalogue.Entry {
	_, entries := catalogue.Lookup(text)
	for _, e := range entries {
		return e
	}
	return catalogue.Entry{}
}
