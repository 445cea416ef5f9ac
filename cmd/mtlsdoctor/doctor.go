package main

import (
	"context"
	"os/signal"
	"syscall"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/certset"
	"github.com/mtlsdoctor/mtlsdoctor/doctor"
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
		return fail(e, "doctor", "--p12 can't be combined with --cert/--key\nhint: %s", "a PKCS#12 file holds both the certificate and the key; give either --p12 FILE or --cert FILE --key FILE")
	}
	if f.key != "" && f.cert == "" {
		return fail(e, "doctor", "--key needs --cert\nhint: mtlsdoctor doctor --cert client.crt --key client.key")
	}
	if (f.cert != "" || f.p12 != "") && f.noProbe {
		return fail(e, "doctor", "--cert/--p12 are presented by the probe, which --no-probe turns off\nhint: %s", "drop --no-probe, or the client certificate flags")
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
		return fail(e, "doctor", "want at most one NGINX_CONF, got %d arguments\nhint: %s", len(rest), "mtlsdoctor doctor /etc/nginx/nginx.conf   (the main file; includes are followed)")
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
	conf := ""
	if len(rest) == 1 {
		conf = rest[0]
	}
	rep, err := doctor.Run(ctx, doctor.Options{
		Conf: conf, Stdin: e.stdin, At: at, SecLevel: c.seclevel, Passphrases: f.passphrases,
		Probe: !f.noProbe, Cert: f.cert, Key: f.key, P12: f.p12, Timeout: f.timeout,
		Logs: !f.noLogs, Since: f.sinceTime,
	})
	if err != nil {
		return fail(e, "doctor", "%v", err)
	}
	return emit(rep, c.format, e)
}
