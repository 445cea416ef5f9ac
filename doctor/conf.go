package doctor

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/catalogue"
	"github.com/mtlsdoctor/mtlsdoctor/finding"
	"github.com/mtlsdoctor/mtlsdoctor/hint"
	"github.com/mtlsdoctor/mtlsdoctor/internal/lazyre"
	"github.com/mtlsdoctor/mtlsdoctor/nginxconf"
	"github.com/mtlsdoctor/mtlsdoctor/report"
)

// Where doctor looks for nginx and its configuration; variables so that
// tests can point them elsewhere.
var (
	NginxBinaries = []string{"/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/local/nginx/sbin/nginx", "/sbin/nginx"}
	DefaultConf   = "/etc/nginx/nginx.conf"
)

// Bounds of one `nginx -T`.
const (
	nginxDumpTimeout  = 10 * time.Second
	nginxDumpMaxBytes = 64 << 20
)

// ConfError is a main configuration file that could not be read. It
// wraps the cause (fs.ErrNotExist, fs.ErrPermission, ...).
type ConfError struct {
	Path string
	Err  error
}

// Error names the file and what is wrong with it.
func (e *ConfError) Error() string {
	switch {
	case errors.Is(e.Err, fs.ErrNotExist):
		return e.Path + ": no such file"
	case errors.Is(e.Err, fs.ErrPermission):
		return e.Path + ": permission denied"
	}
	return fmt.Sprintf("reading %s: %v", e.Path, e.Err)
}

// Unwrap is the cause.
func (e *ConfError) Unwrap() error { return e.Err }

// LoadConf reads the configuration at path with every file it includes,
// or `nginx -T` output from stdin for "-". A syntax error is a
// *nginxconf.SyntaxError; a main file that cannot be read a *ConfError.
func LoadConf(path string, stdin io.Reader) (*nginxconf.Config, error) {
	var conf *nginxconf.Config
	var err error
	if path == "-" {
		conf, err = nginxconf.LoadDump(stdin, "stdin")
	} else {
		conf, err = nginxconf.Load(path)
	}
	var se *nginxconf.SyntaxError
	if err == nil || errors.As(err, &se) {
		return conf, err
	}
	return nil, &ConfError{Path: path, Err: err}
}

// loadGiven reads NGINX_CONF for doctor: LoadConf, with doctor's hints.
func loadGiven(path string, stdin io.Reader) (*nginxconf.Config, error) {
	conf, err := LoadConf(path, stdin)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, hint.Wrap(err, "the main file is usually /etc/nginx/nginx.conf; without an argument doctor asks nginx -T")
	case errors.Is(err, fs.ErrPermission):
		return nil, hint.Wrap(err, "sudo mtlsdoctor doctor "+path)
	}
	return conf, err
}

// findConf reads the configuration nginx itself would use: `nginx -T`,
// else the default main file. source says which; notes say why nginx -T
// was not used.
func findConf(ctx context.Context) (conf *nginxconf.Config, source string, notes []report.Finding, err error) {
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
	conf, err = LoadConf(DefaultConf, nil)
	if err == nil {
		return conf, "read from disk (" + whyNot + ")", notes, nil
	}
	why := err.Error()
	var ce *ConfError
	if errors.As(err, &ce) && !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, fs.ErrPermission) {
		why = ce.Err.Error() // the cause alone, in nginxconf's words
	}
	return nil, "", nil, hint.Wrap(fmt.Errorf("no nginx configuration could be read (%s; %s)", whyNot, why),
		"name the main file: mtlsdoctor doctor /path/to/nginx.conf   (or run as root: sudo mtlsdoctor doctor)")
}

func findNginx() string {
	if p, err := exec.LookPath("nginx"); err == nil {
		return p
	}
	for _, p := range NginxBinaries {
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
	// nginx -T runs in a process group of its own, killed whole at the
	// end: a child it left behind (holding its output open) dies with it.
	ownGroup(cmd)
	err := cmd.Run()
	killGroup(cmd)
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

var emergAt = lazyre.New(` in (\S+):(\d+)$`)

// dumpFailed is the note (or error) for an `nginx -T` that failed: a
// permission problem is expected without root; anything else is nginx
// refusing its own configuration, which stops a start or reload.
func dumpFailed(bin string, err error) report.Finding {
	msg := err.Error()
	v := catalogue.Vars{"default_conf": DefaultConf, "bin": bin}
	if strings.Contains(msg, "Permission denied") || strings.Contains(msg, "(13:") || !strings.Contains(msg, "[emerg]") {
		v["problem"] = msg
		f := catalogue.NginxTNotRunText.New(v)
		f.Severity, f.Section = report.Warning, finding.Nginx // the diagnosis is incomplete
		return f
	}
	v["problem"] = strings.TrimPrefix(msg, "nginx: ")
	f := catalogue.NginxTRejectsText.New(v)
	f.Section, f.Example = finding.Nginx, msg
	if m := emergAt.FindStringSubmatch(msg); m != nil {
		f.File = m[1]
		f.Line, _ = strconv.Atoi(m[2])
	}
	return f
}
