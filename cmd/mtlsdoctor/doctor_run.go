package main

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"github.com/mtlsdoctor/mtlsdoctor/catalogue"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/certset"
	"github.com/mtlsdoctor/mtlsdoctor/checks"
	"github.com/mtlsdoctor/mtlsdoctor/logparse"
	"github.com/mtlsdoctor/mtlsdoctor/nginxconf"
	"github.com/mtlsdoctor/mtlsdoctor/probe"
	"github.com/mtlsdoctor/mtlsdoctor/report"
)

// clientIdentity is the client certificate doctor presents (--cert/--key or --p12).
type clientIdentity struct {
	cert          *tls.Certificate
	file, keyFile string
}

func loadIdentity(certFile, keyFile, p12 string, passphrases []string) (*clientIdentity, error) {
	file, key := certFile, keyFile
	if p12 != "" {
		file, key = p12, ""
	}
	cert, err := certset.LoadKeyPair(file, key, certset.Options{Passphrases: passphrases})
	if err != nil {
		return nil, err
	}
	return &clientIdentity{cert: &cert, file: file, keyFile: key}, nil
}

type doctorOptions struct {
	source      string           // how the configuration was read
	notes       []report.Finding // about reading it (nginx -T failed)
	at          time.Time
	seclevel    int
	passphrases []string
	probe       bool
	identity    *clientIdentity
	timeout     time.Duration
	logs        bool
	since       time.Time
}

// Section ranks: within a severity, findings are ordered nginx problems
// that stop nginx from starting, other nginx problems, certs, probe, logs.
const (
	rankStartup = iota * 100
	rankNginx
	rankCerts
	rankProbe
	rankLogs
)

func sectionRank(f report.Finding) int {
	switch f.Section {
	case checks.SectionNginx:
		if f.ID.Spec().Startup {
			return rankStartup
		}
		return rankNginx
	case checks.SectionCerts:
		return rankCerts
	case sectionProbe:
		return rankProbe
	}
	return rankLogs
}

const (
	sectionProbe = "probe"
	sectionLogs  = "logs"
)

// doctor runs every check on conf and merges the findings into one report.
func doctor(ctx context.Context, conf *nginxconf.Config, o doctorOptions) *report.Report {
	nrep := checks.Nginx(conf, checks.NginxOptions{SecLevel: o.seclevel, At: o.at, Passphrases: o.passphrases})
	rep := &report.Report{Command: "doctor", Servers: nrep.Servers, ShowSections: true}
	rep.Findings = append(rep.Findings, o.notes...)
	rep.Findings = append(rep.Findings, nrep.Findings...)
	header := []string{"nginx: " + nrep.Header + " (" + o.source + ")"}

	var mtls []*checks.NginxServer
	for _, s := range checks.NginxServers(conf) {
		if s.MTLS() {
			mtls = append(mtls, s)
		}
	}

	// The logs are read before the probe, so that they show what real
	// clients met, not the probe's own connections (whose requests,
	// from earlier runs too, are left out by their path).
	logLine := "skipped (--no-logs)"
	if o.logs {
		var findings []report.Finding
		findings, logLine = doctorLogs(conf, mtls, o)
		rep.Findings = append(rep.Findings, findings...)
	}
	if o.probe {
		findings, line := doctorProbe(ctx, conf, mtls, o)
		rep.Findings = append(rep.Findings, findings...)
		header = append(header, "probe: "+line)
	} else {
		header = append(header, "probe: skipped (--no-probe)")
	}
	header = append(header, "logs: "+logLine)

	for i := range rep.Findings {
		f := &rep.Findings[i]
		f.Priority = sectionRank(*f) + min(max(f.Priority, 0), 99)
	}
	rep.Header = strings.Join(header, "\n")
	switch {
	case len(rep.Servers) == 0:
		rep.AllClear = "no server block asks for client certificates (ssl_verify_client on|optional|optional_no_ca in a TLS server)."
	case o.identity == nil && o.probe:
		rep.AllClear = "nothing to fix. Check a real client certificate too: sudo mtlsdoctor doctor --cert client.crt --key client.key"
	default:
		rep.AllClear = "nothing to fix."
	}
	rep.Finish()
	return rep
}

// probeTarget is one address doctor probes, for the first block that listens there.
type probeJob struct {
	addr, sni string
	server    string // the block's label
	roots     *x509.CertPool
	caName    string // what the trust came from ("" for the system roots)
	clientCA  string // the block's ssl_client_certificate, resolved ("" if none)
	errorLog  string // the block's error log
}

// doctorProbe probes every local mTLS listen address of the blocks.
func doctorProbe(ctx context.Context, conf *nginxconf.Config, servers []*checks.NginxServer, o doctorOptions) ([]report.Finding, string) {
	var out []report.Finding
	var jobs []probeJob
	seen := map[string]bool{}
	skipped := 0
	for _, s := range servers {
		roots, caName, leaf := serverTrust(conf, s)
		sni := usableName(s.Name)
		if sni == "" && leaf != nil {
			for _, n := range leaf.DNSNames {
				if usableName(n) != "" {
					sni = n
					break
				}
			}
		}
		for _, l := range tlsListens(s) {
			addr, local, why := listenTarget(l.Arg(0))
			if !local {
				skipped++
				if seen["skip "+l.Arg(0)] {
					continue
				}
				seen["skip "+l.Arg(0)] = true
				out = append(out, notProbed(s, l, addr, why, sni, o))
				continue
			}
			key := addr + " " + sni
			if seen[key] {
				continue
			}
			seen[key] = true
			j := probeJob{addr: addr, sni: sni, server: s.Label(), roots: roots, caName: caName}
			if d := s.Effective("ssl_client_certificate"); len(d) > 0 {
				j.clientCA = resolveConf(conf, d[len(d)-1].Arg(0))
			}
			if len(s.ErrorLogs) > 0 && strings.HasPrefix(s.ErrorLogs[0].Arg(0), "/") {
				j.errorLog = s.ErrorLogs[0].Arg(0)
			}
			jobs = append(jobs, j)
		}
	}
	if len(jobs) == 0 {
		line := "no local mTLS address to probe"
		if skipped > 0 {
			line += fmt.Sprintf(" (%d not on this machine)", skipped)
		}
		return out, line
	}

	results := make([]probe.Result, len(jobs))
	sem := make(chan struct{}, 8)
	var wg sync.WaitGroup
	for i, j := range jobs {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			po := probe.Options{ServerName: j.sni, RootCAs: j.roots, Timeout: o.timeout, Now: o.at, Path: doctorProbePath}
			if o.identity != nil {
				po.ClientCert = o.identity.cert
			}
			results[i] = probe.Probe(ctx, j.addr, po)
		}()
	}
	wg.Wait()

	var parts []string
	for i, j := range jobs {
		r := &results[i]
		co := checks.ProbeOptions{CAFile: j.caName, Timeout: o.timeout}
		if o.identity != nil {
			co.CertFile, co.KeyFile = o.identity.file, o.identity.keyFile
		}
		for _, f := range checks.ProbeFindings(r, co) {
			f.Section, f.Server = sectionProbe, j.server
			if f.ID == catalogue.ClientCertRejected {
				// The probe's advice, with this block's CA file and error log.
				ca := j.clientCA
				if ca == "" {
					ca = "ca.crt"
				}
				f.Fix = strings.Replace(f.Fix, "--ca "+caOrDefault(j.caName)+" ", "--ca "+ca+" ", 1)
				if j.errorLog != "" {
					f.Fix = strings.ReplaceAll(f.Fix, "/var/log/nginx/error.log", j.errorLog)
				}
			}
			out = append(out, f)
		}
		parts = append(parts, probeLine(j, r))
	}
	line := strings.Join(parts, "\n       ")
	if skipped > 0 {
		line += fmt.Sprintf("\n       (%d not on this machine, not probed)", skipped)
	}
	return out, line
}

// probeLine is a one-line account of one probed address.
func probeLine(j probeJob, r *probe.Result) string {
	s := j.addr
	if j.sni != "" {
		s += " (SNI " + j.sni + ")"
	}
	if r.Failure != "" {
		return s + ": " + r.Failure
	}
	var parts []string
	if r.ClientCertRequested {
		parts = append(parts, "client cert asked")
	} else {
		parts = append(parts, "client cert not asked")
	}
	att := func(label string, a *probe.Attempt) {
		if a == nil {
			return
		}
		v := a.Outcome
		if a.NginxStatus != 0 {
			v += fmt.Sprintf(" (%d)", a.NginxStatus)
		} else if a.HTTPStatus != 0 {
			v += fmt.Sprintf(" (%d)", a.HTTPStatus)
		}
		parts = append(parts, label+" "+v)
	}
	att("without cert:", r.WithoutClientCert)
	att("with yours:", r.WithClientCert)
	att("untrusted:", r.WithUntrustedCert)
	return s + ": " + strings.Join(parts, ", ")
}

// usableName is name when it can be sent as SNI: not "_", a wildcard, a
// regex or a variable.
func usableName(name string) string {
	if name == "" || name == "_" || name == "localhost.localdomain" || strings.ContainsAny(name, "*~$^() ") {
		return ""
	}
	if strings.HasPrefix(name, ".") {
		return ""
	}
	return name
}

// tlsListens are the listen directives of the block that serve TLS: those
// with "ssl", else (ssl on, or a socket another block made TLS) every
// listen. QUIC (UDP) listens are left out.
func tlsListens(s *checks.NginxServer) []*nginxconf.Directive {
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

// listenTarget maps a listen address to the address to probe on this
// machine: wildcards to loopback, a local IP to itself. local is false
// (with why) for anything that is not on this machine.
func listenTarget(a string) (addr string, local bool, why string) {
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

func notProbed(s *checks.NginxServer, l *nginxconf.Directive, addr, why, sni string, o doctorOptions) report.Finding {
	cmd := "mtlsdoctor probe"
	if o.identity != nil {
		if o.identity.keyFile != "" {
			cmd += " --cert " + o.identity.file + " --key " + o.identity.keyFile
		} else if strings.HasSuffix(strings.ToLower(o.identity.file), ".p12") || strings.HasSuffix(strings.ToLower(o.identity.file), ".pfx") {
			cmd += " --p12 " + o.identity.file
		} else {
			cmd += " --cert " + o.identity.file
		}
	} else {
		cmd += " --cert client.crt --key client.key"
	}
	if sni != "" {
		cmd += " --servername " + sni
	}
	cmd += " " + addr
	return report.Finding{
		ID: catalogue.NotProbed, Severity: report.Info, Section: sectionProbe, Server: s.Label(), File: l.File, Line: l.Line,
		Title:       fmt.Sprintf("listen %s was not probed: %s", l.Arg(0), why),
		Explanation: "doctor only connects to addresses on this machine (loopback, or an address of one of its interfaces), so that it never sends a client certificate elsewhere.",
		Fix:         "Probe it from a client that can reach it: " + cmd,
	}
}

// serverTrust is the trust for the block's own server certificate: the
// CA that issued it when one of the block's files holds it (the
// ssl_certificate chain itself, ssl_trusted_certificate or
// ssl_client_certificate; a self-signed certificate trusts itself),
// else nil (the system roots). leaf is the server certificate, if read.
func serverTrust(conf *nginxconf.Config, s *checks.NginxServer) (*x509.CertPool, string, *x509.Certificate) {
	load := func(d *nginxconf.Directive) []*x509.Certificate {
		a := d.Arg(0)
		if a == "" || strings.Contains(a, "$") || strings.HasPrefix(a, "data:") || strings.HasPrefix(a, "engine:") {
			return nil
		}
		p := resolveConf(conf, a)
		if st, err := os.Stat(p); err != nil || !st.Mode().IsRegular() {
			return nil
		}
		set, err := certset.Load([]string{p}, certset.Options{})
		if err != nil {
			return nil
		}
		var out []*x509.Certificate
		for _, c := range set.Certs {
			out = append(out, c.X509)
		}
		return out
	}
	certDirs := s.Effective("ssl_certificate")
	if len(certDirs) == 0 {
		return nil, "", nil
	}
	chain := load(certDirs[0])
	if len(chain) == 0 {
		return nil, "", nil
	}
	leaf := chain[0]
	for _, c := range chain {
		if !c.IsCA {
			leaf = c
			break
		}
	}
	inter := x509.NewCertPool()
	for _, c := range chain {
		if c != leaf {
			inter.AddCert(c)
		}
	}
	candidates := []*nginxconf.Directive{certDirs[0]}
	candidates = append(candidates, s.Effective("ssl_trusted_certificate")...)
	candidates = append(candidates, s.Effective("ssl_client_certificate")...)
	for i, d := range candidates {
		certs := chain
		if i > 0 {
			certs = load(d)
		}
		roots := x509.NewCertPool()
		n := 0
		for _, c := range certs {
			if string(c.RawSubject) == string(c.RawIssuer) {
				roots.AddCert(c)
				n++
			}
		}
		if n == 0 {
			continue
		}
		_, err := leaf.Verify(x509.VerifyOptions{Roots: roots, Intermediates: inter,
			CurrentTime: leaf.NotBefore.Add(time.Second), KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageAny}})
		if err == nil {
			return roots, d.Arg(0), leaf
		}
	}
	return nil, "", leaf
}

func caOrDefault(ca string) string {
	if ca == "" {
		return "ca.crt" // what checks.ProbeFindings writes without a CA file
	}
	return ca
}

// resolveConf resolves a file named in the configuration the way nginx
// does: relative to the configuration directory.
func resolveConf(conf *nginxconf.Config, p string) string {
	if p == "" || filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(conf.ConfDir, p)
}

// logTarget is one error_log or access_log file the configuration names.
type logTarget struct {
	path string // as written
	kind string // error_log or access_log
	dir  *nginxconf.Directive
}

// doctorLogs reads the distinct error and access logs of the mTLS blocks
// and of the http and main levels.
func doctorLogs(conf *nginxconf.Config, servers []*checks.NginxServer, o doctorOptions) ([]report.Finding, string) {
	var targets []logTarget
	seen := map[string]bool{}
	add := func(kind string, dirs []*nginxconf.Directive) {
		for _, d := range dirs {
			if len(d.Args) == 0 || seen[kind+" "+d.Arg(0)] {
				continue
			}
			seen[kind+" "+d.Arg(0)] = true
			targets = append(targets, logTarget{path: d.Arg(0), kind: kind, dir: d})
		}
	}
	for _, s := range servers {
		add("error_log", s.ErrorLogs)
		add("access_log", s.AccessLogs)
	}
	for _, d := range conf.Directives {
		if d.Name == "error_log" {
			add("error_log", []*nginxconf.Directive{d})
		}
		if d.Name == "http" && d.IsBlock {
			for _, h := range d.Block {
				if h.Name == "error_log" || h.Name == "access_log" {
					add(h.Name, []*nginxconf.Directive{h})
				}
			}
		}
	}
	// nginx's (Debian's) defaults when nothing is named.
	hasKind := func(k string) bool {
		for _, t := range targets {
			if t.kind == k {
				return true
			}
		}
		return false
	}
	if !hasKind("error_log") {
		targets = append(targets, logTarget{path: "/var/log/nginx/error.log", kind: "error_log"})
	}
	if !hasKind("access_log") && len(servers) > 0 {
		targets = append(targets, logTarget{path: "/var/log/nginx/access.log", kind: "access_log"})
	}

	var out []report.Finding
	note := func(t logTarget, title, why, fix string) {
		f := report.Finding{ID: catalogue.LogNotRead, Severity: report.Info, Section: sectionLogs,
			Title: title, Explanation: why, Fix: fix}
		if t.dir != nil {
			f.File, f.Line = t.dir.File, t.dir.Line
		}
		out = append(out, f)
	}
	sum := logparse.NewSummary()
	sum.Since = o.since
	var inputs []checks.LogInput
	var read []string
	readPaths := map[string]bool{}
	for _, t := range targets {
		p := t.path
		switch {
		case p == "off" || p == "/dev/null":
			continue // nothing is logged: nothing to read
		case p == "stderr" || strings.HasPrefix(p, "syslog:") || strings.HasPrefix(p, "memory:") || p == "/dev/stderr" || p == "/dev/stdout":
			note(t, fmt.Sprintf("%s %s was not read: not a file", t.kind, p),
				"nginx sends this log to "+p+", which doctor cannot read back.",
				"Read it where it goes (journalctl -u nginx -o cat | mtlsdoctor logs -, or the syslog server), or log to a file as well: "+t.kind+" /var/log/nginx/"+strings.TrimSuffix(t.kind, "_log")+".log;")
			continue
		case strings.Contains(p, "$"):
			note(t, fmt.Sprintf("%s %s was not read: its name has variables", t.kind, p),
				"The file name is made per request from variables, so doctor cannot tell which files exist.",
				"Run: mtlsdoctor logs FILE... on the files it produced.")
			continue
		}
		if !filepath.IsAbs(p) {
			// Relative log paths are relative to nginx's prefix: the
			// configuration directory with nginx -p DIR -c nginx.conf,
			// Debian's /usr/share/nginx otherwise.
			cands := []string{filepath.Join(conf.ConfDir, p), filepath.Join("/usr/share/nginx", p)}
			p = cands[0]
			for _, c := range cands {
				if _, err := os.Stat(c); err == nil {
					p = c
					break
				}
			}
		}
		if readPaths[p] {
			continue
		}
		readPaths[p] = true
		st, err := os.Stat(p)
		switch {
		case os.IsNotExist(err):
			note(t, fmt.Sprintf("%s %s does not exist", t.kind, p),
				"nginx creates its logs when it starts; a missing log usually means nginx has not run with this configuration, or writes elsewhere (a relative path is relative to nginx's prefix, see nginx -V).",
				"Start nginx (sudo nginx -t && sudo systemctl start nginx), then run doctor again.")
			continue
		case err != nil:
			note(t, fmt.Sprintf("%s %s could not be read: %v", t.kind, p, errText(err)), "doctor could not look at the file.", "Run doctor as root: sudo mtlsdoctor doctor")
			continue
		case !st.Mode().IsRegular():
			note(t, fmt.Sprintf("%s %s is not a regular file", t.kind, p), "doctor reads only regular files (never a pipe or a device).", "Read it with: mtlsdoctor logs FILE")
			continue
		}
		in, err := scanLog(p, sum)
		if err != nil && in.Lines == 0 {
			note(t, fmt.Sprintf("%s %s could not be read: %v", t.kind, p, errText(err)), "doctor could not read the file; nginx logs are usually readable by root and the adm group only.", "Run doctor as root: sudo mtlsdoctor doctor")
			continue
		}
		if in.Format == logparse.Unknown {
			if in.Lines == 0 {
				read = append(read, p+" (empty)")
				continue
			}
			note(t, fmt.Sprintf("%s %s: no line in a format doctor knows (%d lines)", t.kind, p, in.Lines),
				"Error logs are read in nginx's format; access logs in the combined format (nginx's default) or as JSON. A custom log_format is not understood.",
				"Add a log in the combined format next to it: access_log /var/log/nginx/access.log combined;")
			continue
		}
		inputs = append(inputs, in)
		read = append(read, fmt.Sprintf("%s (%s, %d lines, %d about mTLS)", p, in.Format, in.Lines, in.Events))
	}
	if len(inputs) > 0 {
		lrep := checks.Logs(sum, inputs, checks.LogOptions{Top: 3})
		for _, f := range lrep.Findings {
			f.Section = sectionLogs
			if f.ID == catalogue.ProbeHandshakeFailed && strings.Contains(f.Title, "unsupported protocol") && onlyLoopback(f.Clients) {
				// Probes from this machine (doctor's and probe's own
				// TLS 1.0/1.1 attempts among them) look exactly like this.
				f.Severity = report.Info
				f.Explanation += " Every such client here connected from this machine: the TLS 1.0 and 1.1 attempts of an earlier `mtlsdoctor doctor` or `mtlsdoctor probe` run are logged like this."
			}
			out = append(out, f)
		}
	}
	line := "no log file read"
	if len(read) > 0 {
		line = strings.Join(read, "\n      ")
	}
	if !o.since.IsZero() {
		line += fmt.Sprintf("\n      (events since %s)", o.since.Local().Format("2006-01-02 15:04:05"))
	}
	return out, line
}

// doctorProbePath is the path of the probe's requests, so that the logs
// can leave them out.
const doctorProbePath = "/.mtlsdoctor-probe"

// scanLog is scanFile for doctor: it leaves out the lines of doctor's own
// probe requests.
func scanLog(name string, sum *logparse.Summary) (checks.LogInput, error) {
	r, err := logparse.Open(name, nil)
	if err != nil {
		return checks.LogInput{}, err
	}
	defer r.Close()
	sc := logparse.NewScanner(r, logparse.Unknown)
	in := checks.LogInput{Name: name}
	own := []byte(" " + doctorProbePath + " HTTP/")
	sc.Each(func(ev logparse.Event) {
		if bytes.Contains(ev.Line, own) {
			return
		}
		if sum.Add(ev) {
			in.Events++
		}
	})
	in.Lines, in.LongLines = sc.Lines, sc.LongLines
	in.Format = sc.Format()
	if err := sc.Err(); err != nil {
		return in, fmt.Errorf("reading stopped after %d lines: %v", sc.Lines, err)
	}
	return in, nil
}

func onlyLoopback(clients []string) bool {
	for _, c := range clients {
		if ip := net.ParseIP(c); ip == nil || !ip.IsLoopback() {
			return false
		}
	}
	return len(clients) > 0
}

func errText(err error) string {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err.Error()
	}
	return err.Error()
}
