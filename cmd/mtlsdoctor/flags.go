package main

import (
	"embed"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/mtlsdoctor/mtlsdoctor/certset"
	"github.com/mtlsdoctor/mtlsdoctor/hint"
)

// The flags of the commands: the groups that several commands share
// (common, certs, config, identity), the flag values that check
// themselves, and --help. A bad flag value is one line that names the
// flag, before anything is read or probed.

// helpWidth is the width --help fits in, whatever the terminal.
const helpWidth = 80

//go:embed help/*.txt
var helpFiles embed.FS

// helpText is the help of a command ("main" for mtlsdoctor itself),
// from help/NAME.txt.
func helpText(name string) string {
	b, err := helpFiles.ReadFile("help/" + name + ".txt")
	if err != nil {
		panic("no help file for " + name) // a build without its help files
	}
	return string(b)
}

// newFlagSet makes the flag set of one command. --help prints the
// command's help (help/NAME.txt) and its flags on stdout.
func newFlagSet(name string, e env) *pflag.FlagSet {
	fs := pflag.NewFlagSet(name, pflag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.SortFlags = false
	// pflag calls Usage for --help only (with ContinueOnError, parse
	// errors are returned to parseFlags, which prints them in one line).
	fs.Usage = func() {
		fmt.Fprint(e.stdout, helpText(name))
		fmt.Fprint(e.stdout, fs.FlagUsagesWrapped(helpWidth))
	}
	return fs
}

// parseFlags parses args, then runs checks (of flags whose values can be
// wrong together); done is true when the command must stop with code:
// after --help (0, the help is printed) or a bad flag (2).
func parseFlags(fs *pflag.FlagSet, args []string, e env, checks ...func() error) (done bool, code int) {
	err := fs.Parse(args)
	if err == nil {
		// Then the groups of flags whose values can be wrong together.
		for _, check := range checks {
			if err := check(); err != nil {
				return true, e.fail(err)
			}
		}
		return false, 0
	}
	if errors.Is(err, pflag.ErrHelp) {
		return true, 0
	}
	var iv *pflag.InvalidValueError
	var bad badValue
	if errors.As(err, &iv) && errors.As(err, &bad) {
		// A value of ours said what it wants: that is the whole message.
		return true, e.fail(fmt.Errorf("--%s %q: %v", iv.GetFlag().Name, iv.GetValue(), bad))
	}
	return true, e.fail(err, fmt.Sprintf("run 'mtlsdoctor %s --help' for the flags", fs.Name()))
}

// badValue is what a flag value of ours says it wants when it is given
// something else ("want text or json").
type badValue string

func (b badValue) Error() string { return string(b) }

// formatFlag is --format: text or json.
type formatFlag struct{ p *string }

func (f formatFlag) String() string {
	if f.p == nil {
		return ""
	}
	return *f.p
}

func (f formatFlag) Set(s string) error {
	if s != "text" && s != "json" {
		return badValue("want text or json")
	}
	*f.p = s
	return nil
}

func (f formatFlag) Type() string { return "string" }

// addFormat declares --format (text, the default, or json).
func addFormat(fs *pflag.FlagSet, p *string, usage string) {
	*p = "text"
	fs.Var(formatFlag{p}, "format", usage)
}

// durationFlag is a time.Duration given as Go writes it ("720h", "5s")
// or as a number of days ("30d").
type durationFlag struct {
	p    *time.Duration
	text string
	// positive rejects zero and negative durations.
	positive bool
	// want is what the error for a bad value says.
	want string
}

func (f *durationFlag) String() string { return f.text }

func (f *durationFlag) Set(s string) error {
	d, err := parseDays(s)
	if err != nil || (f.positive && d <= 0) {
		return badValue(f.want)
	}
	*f.p, f.text = d, s
	return nil
}

func (f *durationFlag) Type() string { return "duration" }

// addDuration declares a duration flag that also takes days, with the
// default def (written as a user would: "720h").
func addDuration(fs *pflag.FlagSet, p *time.Duration, name, def string, positive bool, want, usage string) {
	f := &durationFlag{p: p, positive: positive, want: want}
	if err := f.Set(def); err != nil {
		panic("bad default for --" + name)
	}
	fs.Var(f, name, usage)
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

// sinceFlag is a point in time: a duration back from now ("24h", "7d")
// or an RFC 3339 time. Until set, it is no point at all.
type sinceFlag struct {
	text string
	back time.Duration
	at   time.Time
	// optional lets "" unset it (a flag without a default).
	optional bool
}

func (f *sinceFlag) String() string { return f.text }

func (f *sinceFlag) Set(s string) error {
	if s == "" && f.optional {
		*f = sinceFlag{optional: true}
		return nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		*f = sinceFlag{text: s, at: t, optional: f.optional}
		return nil
	}
	d, err := parseDays(s)
	if err != nil || d < 0 {
		return badValue("want a duration such as 24h or 7d, or an RFC 3339 time")
	}
	*f = sinceFlag{text: s, back: d, optional: f.optional}
	return nil
}

func (f *sinceFlag) Type() string { return "time" }

// set reports whether the flag holds a point in time.
func (f *sinceFlag) set() bool { return f.text != "" }

// from is the point in time, for a duration counted back from now.
func (f *sinceFlag) from(now time.Time) time.Time {
	if !f.at.IsZero() {
		return f.at
	}
	return now.Add(-f.back)
}

// addSince declares a sinceFlag. With def "", it is no point in time
// until given one (and "" unsets it again).
func addSince(fs *pflag.FlagSet, f *sinceFlag, name, def, usage string) {
	f.optional = def == ""
	if err := f.Set(def); err != nil {
		panic("bad default for --" + name)
	}
	fs.Var(f, name, usage)
}

// instantFlag is an RFC 3339 time (--at).
type instantFlag struct{ p *time.Time }

func (f instantFlag) String() string {
	if f.p == nil || f.p.IsZero() {
		return ""
	}
	return f.p.Format(time.RFC3339)
}

func (f instantFlag) Set(s string) error {
	if s == "" {
		*f.p = time.Time{} // now
		return nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return badValue("want an RFC 3339 time such as 2027-01-31T00:00:00Z")
	}
	*f.p = t
	return nil
}

func (f instantFlag) Type() string { return "time" }

// commonFlags are the flags of every command that judges certificates
// (certs, nginx, doctor).
type commonFlags struct {
	format   string
	passin   []string
	at       time.Time
	seclevel int
}

// passinUsage is the help of --passin wherever it appears.
const passinUsage = "passphrase source for encrypted keys and PKCS#12: pass:WORD, env:VAR, file:PATH (each line) or stdin; repeatable"

func addCommon(fs *pflag.FlagSet, c *commonFlags) {
	addFormat(fs, &c.format, "output format: text or json")
	fs.StringArrayVar(&c.passin, "passin", nil, passinUsage)
	fs.Var(instantFlag{&c.at}, "at", "judge validity as of this RFC 3339 instant instead of now")
	fs.IntVar(&c.seclevel, "seclevel", 2, "OpenSSL security level to judge by (Debian/Ubuntu nginx: 2)")
}

// addConfig declares the common flags as they apply to an nginx
// configuration (nginx, doctor): the configuration has its say first.
func addConfig(fs *pflag.FlagSet, c *commonFlags) {
	addCommon(fs, c)
	fs.Lookup("passin").Usage = "passphrase source for encrypted keys, tried after ssl_password_file: pass:WORD, env:VAR, file:PATH or stdin; repeatable"
	fs.Lookup("seclevel").Usage = "OpenSSL security level where ssl_ciphers has no @SECLEVEL=N (Debian/Ubuntu nginx: 2)"
}

func (c *commonFlags) check() error {
	if c.seclevel < 0 || c.seclevel > 5 {
		return fmt.Errorf("--seclevel %d: want 0 to 5", c.seclevel)
	}
	return nil
}

// when is the instant validity is judged at: --at, else now.
func (c *commonFlags) when() time.Time {
	if c.at.IsZero() {
		return time.Now()
	}
	return c.at
}

// readPassin reads the --passin sources; its errors name the flag.
func readPassin(specs []string, e env) ([]string, error) {
	pws, err := certset.ParsePassin(specs, e.stdin, e.getenv)
	var pe *certset.PassinError
	if errors.As(err, &pe) && pe.Source != "" {
		return nil, fmt.Errorf("--passin %w", err)
	}
	if err != nil {
		return nil, fmt.Errorf("--passin: %w", err)
	}
	return pws, nil
}

// certsFlags are the common flags plus what only certs judges by.
type certsFlags struct {
	commonFlags
	verifyDepth   int
	ca, crl       []string
	host          string
	expiresWithin time.Duration
}

func addCerts(fs *pflag.FlagSet, c *certsFlags) {
	addCommon(fs, &c.commonFlags)
	fs.IntVar(&c.verifyDepth, "verify-depth", 1, "nginx ssl_verify_depth to judge by (nginx default: 1)")
	fs.StringArrayVar(&c.ca, "ca", nil, "judge client certificates against the CAs in this file only (like ssl_client_certificate); repeatable")
	fs.StringArrayVar(&c.crl, "crl", nil, "CRL file to check revocation with (like ssl_crl); repeatable")
	fs.StringVar(&c.host, "host", "", "check server certificates for this host name")
	addDuration(fs, &c.expiresWithin, "expires-within", "720h", false, "want a duration such as 720h or 30d",
		"warn about certificates that expire within this duration (e.g. 720h, 30d)")
}

func (c *certsFlags) check() error {
	if err := c.commonFlags.check(); err != nil {
		return err
	}
	if c.verifyDepth < 0 {
		return fmt.Errorf("--verify-depth %d: must not be negative", c.verifyDepth)
	}
	return nil
}

// identityFlags are the client identity the probe presents (probe,
// doctor) and its time limit.
type identityFlags struct {
	cert, key, p12 string
	timeout        time.Duration
}

func addIdentity(fs *pflag.FlagSet, id *identityFlags) {
	fs.StringVar(&id.cert, "cert", "", "client certificate to present (PEM/DER, may hold the chain and the key)")
	fs.StringVar(&id.key, "key", "", "private key of --cert")
	fs.StringVar(&id.p12, "p12", "", "PKCS#12 file holding the client certificate and key (instead of --cert/--key)")
	addDuration(fs, &id.timeout, "timeout", "5s", true, "want a positive duration such as 5s or 300ms",
		"time limit per probed target: all its connections (dial, handshake, request, response) run at once within it")
}

// check finds flags that cannot go together; example is the command line
// that shows the right way.
func (id *identityFlags) check(example string) error {
	if id.p12 != "" && (id.cert != "" || id.key != "") {
		return hint.Wrap(errors.New("--p12 can't be combined with --cert/--key"),
			"a PKCS#12 file holds both the certificate and the key; give either --p12 FILE or --cert FILE --key FILE")
	}
	if id.key != "" && id.cert == "" {
		return hint.Wrap(errors.New("--key needs --cert"), example)
	}
	return nil
}

// given reports whether a client identity was given.
func (id *identityFlags) given() bool { return id.cert != "" || id.p12 != "" }
