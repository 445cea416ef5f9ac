package main

import (
	"crypto/x509"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/mtlsdoctor/mtlsdoctor/certset"
	"github.com/mtlsdoctor/mtlsdoctor/checks"
	"github.com/mtlsdoctor/mtlsdoctor/report"
)

const certsUsage = `Usage: mtlsdoctor certs [flags] PATH...

Inspect CA, certificate, key and CRL files (PEM, DER, PKCS#12; directories
are walked) and predict, for every non-CA certificate, the verdict nginx
with "ssl_verify_client on" would log when it is presented as a client
certificate, with the intermediates of the set sent along.

Examples:
  mtlsdoctor certs ./certs
  mtlsdoctor certs --passin file:/etc/nginx/ssl_passwords.txt /etc/nginx/certs
  mtlsdoctor certs --ca /etc/nginx/client-ca.pem --crl /etc/nginx/crl.pem clients/
  mtlsdoctor certs --seclevel 1 --verify-depth 2 --format json ./certs | jq '.certificates[].nginx_verdict'
  mtlsdoctor certs --at 2027-01-01T00:00:00Z --host api.example.com ./certs

Flags:
`

type commonFlags struct {
	format      string
	passin      []string
	at          string
	seclevel    int
	verifyDepth int
}

func addCommon(fs *pflag.FlagSet, c *commonFlags) {
	fs.StringVar(&c.format, "format", "text", "output format: text or json")
	fs.StringArrayVar(&c.passin, "passin", nil, "passphrase source for encrypted keys: pass:WORD, env:VAR, file:PATH (every line is tried) or stdin; repeatable")
	fs.StringVar(&c.at, "at", "", "judge validity as of this RFC 3339 instant instead of now")
	fs.IntVar(&c.seclevel, "seclevel", 2, "OpenSSL security level to judge by (Debian/Ubuntu nginx: 2)")
	fs.IntVar(&c.verifyDepth, "verify-depth", 1, "nginx ssl_verify_depth to judge by (nginx default: 1)")
}

func (c *commonFlags) check() error {
	if c.format != "text" && c.format != "json" {
		return fmt.Errorf("--format %q: want text or json", c.format)
	}
	if c.seclevel < 0 || c.seclevel > 5 {
		return fmt.Errorf("--seclevel %d: want 0 to 5", c.seclevel)
	}
	if c.verifyDepth < 0 {
		return fmt.Errorf("--verify-depth %d: must not be negative", c.verifyDepth)
	}
	return nil
}

func (c *commonFlags) when() (time.Time, error) {
	if c.at == "" {
		return time.Now(), nil
	}
	t, err := time.Parse(time.RFC3339, c.at)
	if err != nil {
		return time.Time{}, fmt.Errorf("--at %q: want an RFC 3339 time such as 2027-01-31T00:00:00Z", c.at)
	}
	return t, nil
}

func newFlagSet(name, help string, e env) *pflag.FlagSet {
	fs := pflag.NewFlagSet(name, pflag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.SortFlags = false
	// pflag calls Usage before returning ErrHelp or a parse error; help goes
	// to stdout from parseFlags, and errors get one line plus a hint, so
	// Usage itself prints nothing.
	fs.Usage = func() {}
	return fs
}

// parseFlags handles --help (exit 0, usage on stdout) and bad flags (exit 2).
func parseFlags(fs *pflag.FlagSet, args []string, help string, e env) (done bool, code int) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			fs.SetOutput(e.stdout)
			fmt.Fprint(e.stdout, help)
			fs.PrintDefaults()
			return true, 0
		}
		return true, fail(e, fs.Name(), "%v\nhint: run 'mtlsdoctor %s --help' for the flags", err, fs.Name())
	}
	return false, 0
}

func runCerts(args []string, e env) int {
	fs := newFlagSet("certs", certsUsage, e)
	var c commonFlags
	addCommon(fs, &c)
	ca := fs.StringArray("ca", nil, "judge client certificates against the CAs in this file only (like ssl_client_certificate); repeatable")
	crl := fs.StringArray("crl", nil, "CRL file to check revocation with (like ssl_crl); repeatable")
	host := fs.String("host", "", "check server certificates for this host name")
	within := fs.String("expires-within", "720h", "warn about certificates that expire within this duration (e.g. 720h, 30d)")
	if done, code := parseFlags(fs, args, certsUsage, e); done {
		return code
	}
	if err := c.check(); err != nil {
		return fail(e, "certs", "%v", err)
	}
	at, err := c.when()
	if err != nil {
		return fail(e, "certs", "%v", err)
	}
	window, err := parseDays(*within)
	if err != nil {
		return fail(e, "certs", "--expires-within %q: want a duration such as 720h or 30d", *within)
	}
	paths := fs.Args()
	if len(paths) == 0 {
		return fail(e, "certs", "no PATH given\nhint: mtlsdoctor certs ./certs")
	}
	passphrases, err := certset.ParsePassin(c.passin, e.stdin, e.getenv)
	if err != nil {
		return fail(e, "certs", "%v", err)
	}
	opts := certset.Options{Passphrases: passphrases}

	o := checks.CertOptions{
		SecLevel: c.seclevel, VerifyDepth: c.verifyDepth, At: at,
		Host: *host, ExpiresWithin: window,
	}
	if len(*ca) > 0 {
		cas, err := loadCAs(*ca, opts)
		if err != nil {
			return fail(e, "certs", "%v", err)
		}
		o.CA = cas
		o.CAFile = strings.Join(*ca, ", ")
	}
	for _, f := range *crl {
		set, err := certset.Load([]string{f}, opts)
		if err != nil {
			return fail(e, "certs", "--crl %s: %v", f, err)
		}
		if len(set.CRLs) == 0 {
			return fail(e, "certs", "--crl %s: %s", f, firstProblem(set, "no CRL found in it"))
		}
		o.CRLs = append(o.CRLs, set.CRLs...)
	}

	set, err := certset.Load(paths, opts)
	if err != nil {
		return fail(e, "certs", "%v", err)
	}
	if len(set.Certs) == 0 && len(set.Keys) == 0 && len(set.CRLs) == 0 {
		const hint = "hint: give files or directories holding PEM/DER certificates, keys, CRLs or PKCS#12 files"
		if len(set.Problems) == 0 {
			return fail(e, "certs", "nothing usable found in %s\n%s", strings.Join(paths, " "), hint)
		}
		// One line per file that could not be used says it all.
		for _, p := range set.Problems {
			fmt.Fprintf(e.stderr, "mtlsdoctor certs: %s: %s\n", p.Path, problemText(p))
		}
		fmt.Fprintln(e.stderr, hint)
		return 2
	}
	rep := checks.Certs(set, o)
	return emit(rep, c.format, e)
}

func emit(rep *report.Report, format string, e env) int {
	var err error
	if format == "json" {
		err = report.WriteJSON(e.stdout, rep)
	} else {
		err = report.WriteText(e.stdout, rep, report.TextOptions{Styled: e.styled()})
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "mtlsdoctor: writing output: %v\n", err)
		return 2
	}
	return rep.ExitCode()
}

func loadCAs(files []string, opts certset.Options) ([]*x509.Certificate, error) {
	var out []*x509.Certificate
	for _, f := range files {
		set, err := certset.Load([]string{f}, opts)
		if err != nil {
			return nil, fmt.Errorf("--ca %s: %v", f, err)
		}
		if len(set.Certs) == 0 {
			return nil, fmt.Errorf("--ca %s: %s", f, firstProblem(set, "no certificate found in it"))
		}
		for _, c := range set.Certs {
			out = append(out, c.X509)
		}
	}
	return out, nil
}

func firstProblem(set *certset.Set, def string) string {
	if len(set.Problems) > 0 {
		return problemText(set.Problems[0])
	}
	return def
}

func problemText(p certset.Problem) string {
	switch p.Kind {
	case "missing":
		return "no such file or directory"
	case "empty":
		return "directory holds no files"
	}
	return p.Err
}

// parseDays accepts Go durations plus a plain day count such as "30d".
func parseDays(s string) (time.Duration, error) {
	if d, ok := strings.CutSuffix(s, "d"); ok {
		n, err := strconv.Atoi(d)
		if err != nil || n < 0 {
			return 0, errors.New("bad day count")
		}
		return time.Duration(n) * 24 * time.Hour, nil
	}
	return time.ParseDuration(s)
}
