package main

import (
	"errors"
	"io/fs"

	"github.com/mtlsdoctor/mtlsdoctor/certset"
	"github.com/mtlsdoctor/mtlsdoctor/checks"
	"github.com/mtlsdoctor/mtlsdoctor/doctor"
)

const nginxUsage = `Usage: mtlsdoctor nginx [flags] CONF|-

Lint the mutual-TLS directives of an nginx configuration: for every server
block, the client-certificate settings nginx would use (after http -> server
inheritance), what would stop nginx from starting, what would reject good
clients or let bad ones through, and the certs checks on every file the
block names. "-" reads the output of "nginx -T" from standard input, which
includes every file the configuration includes.

Examples:
  sudo nginx -T | mtlsdoctor nginx -
  mtlsdoctor nginx /etc/nginx/nginx.conf
  mtlsdoctor nginx --passin file:/etc/nginx/ssl_passwords.txt /etc/nginx/nginx.conf
  mtlsdoctor nginx --format json /etc/nginx/nginx.conf | jq '.servers, .findings[] | select(.section == "nginx")'

Each finding names the server block ("localhost 443 ssl"), the file and
line, and the directive that fixes it. Files named in ssl_* directives are
judged at the @SECLEVEL=N of the block's ssl_ciphers (else --seclevel) and
its ssl_verify_depth; the lines of its ssl_password_file are tried as
passphrases before --passin.

Flags:
`

func runNginx(args []string, e env) int {
	flags := newFlagSet("nginx", nginxUsage, e)
	var c commonFlags
	flags.StringVar(&c.format, "format", "text", "output format: text or json")
	flags.StringArrayVar(&c.passin, "passin", nil, "passphrase source for encrypted keys, tried after ssl_password_file: pass:WORD, env:VAR, file:PATH or stdin; repeatable")
	flags.IntVar(&c.seclevel, "seclevel", 2, "OpenSSL security level when ssl_ciphers has no @SECLEVEL=N (Debian/Ubuntu nginx: 2)")
	flags.StringVar(&c.at, "at", "", "judge validity as of this RFC 3339 instant instead of now")
	if done, code := parseFlags(flags, args, nginxUsage, e); done {
		return code
	}
	if err := c.check(); err != nil {
		return fail(e, "nginx", "%v", err)
	}
	at, err := c.when()
	if err != nil {
		return fail(e, "nginx", "%v", err)
	}
	rest := flags.Args()
	if len(rest) != 1 {
		return fail(e, "nginx", "want exactly one CONF (or - for nginx -T output on stdin)\nhint: sudo nginx -T | mtlsdoctor nginx -")
	}
	if rest[0] == "-" {
		for _, p := range c.passin {
			if p == "stdin" {
				return fail(e, "nginx", "--passin stdin can't be combined with - (stdin carries the nginx -T output)\nhint: use --passin file:PATH or env:VAR")
			}
		}
	}
	conf, err := doctor.LoadConf(rest[0], e.stdin)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fail(e, "nginx", "%v\nhint: the main file is usually /etc/nginx/nginx.conf; or run: sudo nginx -T | mtlsdoctor nginx -", err)
	case errors.Is(err, fs.ErrPermission):
		return fail(e, "nginx", "%v\nhint: sudo nginx -T | mtlsdoctor nginx -", err)
	case err != nil:
		return fail(e, "nginx", "%v", err)
	}
	passphrases, err := certset.ParsePassin(c.passin, e.stdin, e.getenv)
	if err != nil {
		return fail(e, "nginx", "%v", err)
	}
	rep := checks.Nginx(conf, checks.NginxOptions{SecLevel: c.seclevel, At: at, Passphrases: passphrases})
	return emit(rep, c.format, e)
}
