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

	"github.com/mtlsdoctor/mtlsdoctor/checks"
	"github.com/mtlsdoctor/mtlsdoctor/nginxconf"
	"github.com/mtlsdoctor/mtlsdoctor/report"
)

// Where doctor looks for nginx and its configuration; variables so tests
// can point them elsewhere.
var (
	nginxBinaries     = []string{"/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/local/nginx/sbin/nginx", "/sbin/nginx"}
	defaultNginxConf  = "/etc/nginx/nginx.conf"
	nginxDumpTimeout  = 10 * time.Second
	nginxDumpMaxBytes = 64 << 20
)

type doctorFlags struct {
	common commonFlags
	identityFlags
	since           sinceFlag
	noProbe, noLogs bool
	sinceTime       time.Time
	passphrases     []string
}

func runDoctor(args []string, e env) int {
	flags := newFlagSet("doctor", e)
	var f doctorFlags
	c := &f.common
	addConfig(flags, c)
	addIdentity(flags, &f.identityFlags)
	addSince(flags, &f.since, "since", "24h", "only log events after this: a duration back from now (24h, 30m, 7d) or an RFC 3339 time")
	flags.BoolVar(&f.noProbe, "no-probe", false, "do not connect to the listen addresses")
	flags.BoolVar(&f.noLogs, "no-logs", false, "do not read the error and access logs")
	if done, code := parseFlags(flags, args, e); done {
		return code
	}

	// Flag problems first, before reading anything or touching the network.
	if err := c.check(); err != nil {
		return e.fail(err)
	}
	at := c.when()
	if err := f.identityFlags.check("mtlsdoctor doctor --cert client.crt --key client.key"); err != nil {
		return e.fail(err)
	}
	if f.given() && f.noProbe {
		return e.fail(errors.New("--cert/--p12 are presented by the probe, which --no-probe turns off"), "drop --no-probe, or the client certificate flags")
	}
	f.sinceTime = f.since.from(time.Now())
	var err error
	rest := flags.Args()
	if len(rest) > 1 {
		return e.fail(fmt.Errorf("want at most one NGINX_CONF, got %d arguments", len(rest)), "mtlsdoctor doctor /etc/nginx/nginx.conf   (the main file; includes are followed)")
	}
	for _, p := range c.passin {
		if p == "stdin" && len(rest) == 1 && rest[0] == "-" {
			return fail(e, "doctor", "--passin stdin can't be combined with - (stdin carries the nginx -T output)\nhint: use --passin file:PATH or env:VAR")
		}
	}
	f.passphrases, err = readPassin(c.passin, e)
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
