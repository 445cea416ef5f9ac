package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"github.com/mtlsdoctor/mtlsdoctor/catalogue"
	"io/fs"
	"os"
	"os/exec"
	"os/signal"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/certset"
	"github.com/mtlsdoctor/mtlsdoctor/checks"
	"github.com/mtlsdoctor/mtlsdoctor/nginxconf"
	"github.com/mtlsdoctor/mtlsdoctor/report"
)

const doctorUsage = `Usage: mtlsdoctor doctor [flags] [NGINX_CONF]

Everything at once for an nginx mutual-TLS setup, in one report with one
exit status, most important fix first:

  nginx  read the configuration (NGINX_CONF; by default the output of
         "nginx -T", else /etc/nginx/nginx.conf) and lint its mTLS directives
  certs  check the certificate, key and CA files the server blocks name
  probe  connect to each mTLS listen address on this machine (127.0.0.1 /
         [::1] for wildcard listens), with the first server_name as SNI:
         without a client certificate, with a throwaway one, and with yours
         (--cert/--key or --p12)
  logs   explain the mTLS lines of the error_log and access_log files the
         configuration names (last --since, default 24h)

Examples:
  sudo mtlsdoctor doctor
  mtlsdoctor doctor /etc/nginx/nginx.conf --cert client.crt --key client.key
  sudo mtlsdoctor doctor --p12 client.p12 --passin env:P12_PASS --since 1h
  mtlsdoctor doctor --no-probe --no-logs ./nginx.conf        (configuration and files only)
  sudo mtlsdoctor doctor --format json | jq '.findings[] | select(.severity == "error") | {section, id, server, title}'

Run it as root (sudo) so that nginx -T, the private keys and the logs can be
read; what cannot be read is reported as a note, not a failure. Addresses
that are not on this machine are not probed: the report gives the
"mtlsdoctor probe" command to run from a client. A server that does not
answer (nginx not running) is a finding. Exit status: 0 no error found,
1 at least one error found, 2 no configuration could be read or bad flags.

Flags:
`

// Where doctor looks for nginx and its configuration; variables so tests
// can point them elsewhere.
var (
	nginxBinaries     = []string{"/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/local/nginx/sbin/nginx", "/sbin/nginx"}
	defaultNginxConf  = "/etc/nginx/nginx.conf"
	nginxDumpTimeout  = 10 * time.Second
	nginxDumpMaxBytes = 64 << 20
)

type doctorFlags struct {
	common          commonFlags
	cert, key, p12  string
	timeout         time.Duration
	since           string
	noProbe, noLogs bool
	sinceTime       time.Time
	passphrases     []string
}

func runDoctor(args []string, e env) int {
	flags := newFlagSet("doctor", doctorUsage, e)
	var f doctorFlags
	c := &f.common
	flags.StringVar(&c.format, "format", "text", "output format: text or json")
	flags.StringVar(&f.cert, "cert", "", "client certificate to present to each mTLS address (PEM/DER, may hold the chain and the key)")
	flags.StringVar(&f.key, "key", "", "private key of --cert")
	flags.StringVar(&f.p12, "p12", "", "PKCS#12 file holding the client certificate and key (instead of --cert/--key)")
	flags.StringArrayVar(&c.passin, "passin", nil, "passphrase source for encrypted keys (after ssl_password_file) and --key/--p12: pass:WORD, env:VAR, file:PATH or stdin; repeatable")
	timeout := flags.String("timeout", "5s", "time limit per probe connection")
	flags.StringVar(&f.since, "since", "24h", "only log events after this: a duration back from now (24h, 30m, 7d) or an RFC 3339 time")
	flags.BoolVar(&f.noProbe, "no-probe", false, "do not connect to the listen addresses")
	flags.BoolVar(&f.noLogs, "no-logs", false, "do not read the error and access logs")
	flags.IntVar(&c.seclevel, "seclevel", 2, "OpenSSL security level when ssl_ciphers has no @SECLEVEL=N (Debian/Ubuntu nginx: 2)")
	flags.StringVar(&c.at, "at", "", "judge certificate validity as of this RFC 3339 instant instead of now")
	if done, code := parseFlags(flags, args, doctorUsage, e); done {
		return code
	}

	// Flag problems first, before reading anything or touching the network.
	if err := c.check(); err != nil {
		return fail(e, "doctor", "%v", err)
	}
	at, err := c.when()
	if err != nil {
		return fail(e, "doctor", "%v", err)
	}
	if f.p12 != "" && (f.cert != "" || f.key != "") {
		return fail(e, "doctor", "--p12 can't be combined with --cert/--key\nhint: a PKCS#12 file holds both the certificate and the key; give either --p12 FILE or --cert FILE --key FILE")
	}
	if f.key != "" && f.cert == "" {
		return fail(e, "doctor", "--key needs --cert\nhint: mtlsdoctor doctor --cert client.crt --key client.key")
	}
	if (f.cert != "" || f.p12 != "") && f.noProbe {
		return fail(e, "doctor", "--cert/--p12 are presented by the probe, which --no-probe turns off\nhint: drop --no-probe, or the client certificate flags")
	}
	d, err := time.ParseDuration(*timeout)
	if err != nil || d <= 0 {
		return fail(e, "doctor", "--timeout %q: want a positive duration such as 5s or 300ms", *timeout)
	}
	f.timeout = d
	f.sinceTime, err = parseSince(f.since, time.Now())
	if err != nil {
		return fail(e, "doctor", "--since %q: want a duration such as 24h or 7d, or an RFC 3339 time", f.since)
	}
	rest := flags.Args()
	if len(rest) > 1 {
		return fail(e, "doctor", "want at most one NGINX_CONF, got %d arguments\nhint: mtlsdoctor doctor /etc/nginx/nginx.conf   (the main file; includes are followed)", len(rest))
	}
	for _, p := range c.passin {
		if p == "stdin" && len(rest) == 1 && rest[0] == "-" {
			return fail(e, "doctor", "--passin stdin can't be combined with - (stdin carries the nginx -T output)\nhint: use --passin file:PATH or env:VAR")
		}
	}
	f.passphrases, err = certset.ParsePassin(c.passin, e.stdin, e.getenv)
	if err != nil {
		return fail(e, "doctor", "%v", err)
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()

	// 1. The configuration.
	var conf *nginxconf.Config
	var source string
	var notes []report.Finding
	if len(rest) == 1 {
		conf, err = loadConf(rest[0], e)
		if err != nil {
			return fail(e, "doctor", "%v", err)
		}
		source = "given on the command line"
		if rest[0] == "-" {
			source = "nginx -T output on standard input"
		}
	} else {
		conf, source, notes, err = findConf(ctx)
		if err != nil {
			return fail(e, "doctor", "%v", err)
		}
	}

	// The client identity for the probe (a bad one is a bad flag: exit 2).
	var id *clientIdentity
	if f.p12 != "" || f.cert != "" {
		id, err = loadIdentity(f.cert, f.key, f.p12, f.passphrases)
		if err != nil {
			return fail(e, "doctor", "loading the client certificate: %v", err)
		}
	}

	rep := doctor(ctx, conf, doctorOptions{
		source: source, notes: notes, at: at, seclevel: c.seclevel, passphrases: f.passphrases,
		probe: !f.noProbe, identity: id, timeout: f.timeout,
		logs: !f.noLogs, since: f.sinceTime,
	})
	return emit(rep, c.format, e)
}

// loadConf reads NGINX_CONF (or nginx -T output on stdin for "-"); the
// errors are those of `mtlsdoctor nginx`.
func loadConf(path string, e env) (*nginxconf.Config, error) {
	var conf *nginxconf.Config
	var err error
	if path == "-" {
		conf, err = nginxconf.LoadDump(e.stdin, "stdin")
	} else {
		conf, err = nginxconf.Load(path)
	}
	if err == nil {
		return conf, nil
	}
	var se *nginxconf.SyntaxError
	switch {
	case errors.As(err, &se):
		return nil, err
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("%s: no such file\nhint: the main file is usually /etc/nginx/nginx.conf; without an argument doctor asks nginx -T", path)
	case errors.Is(err, fs.ErrPermission):
		return nil, fmt.Errorf("%s: permission denied\nhint: sudo mtlsdoctor doctor %s", path, path)
	}
	return nil, fmt.Errorf("reading %s: %v", path, err)
}

// findConf reads the configuration nginx itself would use: `nginx -T`,
// else the default main file. notes say why nginx -T was not used.
func findConf(ctx context.Context) (*nginxconf.Config, string, []report.Finding, error) {
	var notes []report.Finding
	var whyNot string
	bin := findNginx()
	if bin == "" {
		whyNot = "nginx was not found on PATH or in /usr/sbin"
	} else {
		conf, err := nginxDump(ctx, bin)
		if err == nil {
			return conf, bin + " -T", nil, nil
		}
		whyNot = fmt.Sprintf("%s -T: %v", bin, err)
		notes = append(notes, dumpFailed(bin, err))
	}
	conf, err := nginxconf.Load(defaultNginxConf)
	if err == nil {
		return conf, "read from disk (" + whyNot + ")", notes, nil
	}
	var se *nginxconf.SyntaxError
	var why string
	switch {
	case errors.As(err, &se):
		why = err.Error()
	case errors.Is(err, fs.ErrNotExist):
		why = defaultNginxConf + ": no such file"
	case errors.Is(err, fs.ErrPermission):
		why = defaultNginxConf + ": permission denied"
	default:
		why = err.Error()
	}
	return nil, "", nil, fmt.Errorf("no nginx configuration could be read (%s; %s)\nhint: name the main file: mtlsdoctor doctor /path/to/nginx.conf   (or run as root: sudo mtlsdoctor doctor)", whyNot, why)
}

func findNginx() string {
	if p, err := exec.LookPath("nginx"); err == nil {
		return p
	}
	for _, p := range nginxBinaries {
		if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() && st.Mode()&0o111 != 0 {
			return p
		}
	}
	return ""
}

// capped keeps the first max bytes written to it and notes the rest.
type capped struct {
	buf      bytes.Buffer
	max      int
	overflow bool
}

func (c *capped) Write(p []byte) (int, error) {
	if room := c.max - c.buf.Len(); room < len(p) {
		c.overflow = true
		if room > 0 {
			c.buf.Write(p[:room])
		}
		return len(p), nil
	}
	return c.buf.Write(p)
}

// nginxDump runs `nginx -T` (bounded in time and output) and parses it;
// when nginx fails, the error is its [emerg] line.
func nginxDump(ctx context.Context, bin string) (*nginxconf.Config, error) {
	ctx, cancel := context.WithTimeout(ctx, nginxDumpTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "-T")
	out := &capped{max: nginxDumpMaxBytes}
	errb := &capped{max: 64 << 10}
	cmd.Stdout, cmd.Stderr = out, errb
	cmd.WaitDelay = time.Second
	err := cmd.Run()
	stderr := strings.TrimSpace(errb.buf.String())
	switch {
	case ctx.Err() == context.DeadlineExceeded:
		return nil, fmt.Errorf("no answer within %v", nginxDumpTimeout)
	case err != nil:
		if line := lastLine(stderr); line != "" {
			return nil, errors.New(line)
		}
		return nil, err
	case out.overflow:
		return nil, fmt.Errorf("output larger than %d MiB", nginxDumpMaxBytes>>20)
	}
	conf, err := nginxconf.LoadDump(bytes.NewReader(out.buf.Bytes()), bin+" -T")
	if err != nil {
		return nil, fmt.Errorf("reading its output: %v", err)
	}
	return conf, nil
}

// lastLine is the last [emerg]/[alert] line nginx printed (else the last line).
func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		if strings.Contains(lines[i], "[emerg]") {
			return strings.TrimSpace(lines[i])
		}
	}
	return strings.TrimSpace(lines[len(lines)-1])
}

var emergAt = regexp.MustCompile(` in (\S+):(\d+)$`)

// dumpFailed is the note (or error) for an `nginx -T` that failed: a
// permission problem is expected without root; anything else is nginx
// refusing its own configuration, which stops a start or reload.
func dumpFailed(bin string, err error) report.Finding {
	msg := err.Error()
	if strings.Contains(msg, "Permission denied") || strings.Contains(msg, "(13:") || !strings.Contains(msg, "[emerg]") {
		return report.Finding{
			ID: catalogue.NginxTFailed, Severity: report.Info, Section: checks.SectionNginx,
			Title:       "nginx -T did not run: " + msg,
			Explanation: "doctor reads the configuration the running nginx uses with `nginx -T`, which needs to read every file nginx loads (private keys too), usually as root. It read " + defaultNginxConf + " and its includes from disk instead.",
			Fix:         "Run doctor as root: sudo mtlsdoctor doctor",
		}
	}
	f := report.Finding{
		ID: catalogue.NginxTFailed, Severity: report.Error, Section: checks.SectionNginx, Priority: 0,
		Title:       "nginx -t rejects the configuration: " + strings.TrimPrefix(msg, "nginx: "),
		Explanation: "nginx refuses this configuration, so it will not start, and a reload (nginx -s reload, systemctl reload nginx) keeps the old configuration running. The findings below were made on " + defaultNginxConf + " read from disk.",
		Fix:         "Fix what nginx names, then check with: sudo " + bin + " -t",
		Example:     msg,
	}
	if m := emergAt.FindStringSubmatch(msg); m != nil {
		f.File = m[1]
		f.Line, _ = strconv.Atoi(m[2])
	}
	return f
}
