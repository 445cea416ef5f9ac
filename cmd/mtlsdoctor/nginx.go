package main

import (
	"errors"
	"io/fs"

	"github.com/mtlsdoctor/mtlsdoctor/checks"
	"github.com/mtlsdoctor/mtlsdoctor/doctor"
)

func runNginx(args []string, e env) int {
	flags := newFlagSet("nginx", e)
	var c commonFlags
	addConfig(flags, &c)
	if done, code := parseFlags(flags, args, e); done {
		return code
	}
	if err := c.check(); err != nil {
		return e.fail(err)
	}
	at := c.when()
	var err error
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
	passphrases, err := readPassin(c.passin, e)
	if err != nil {
		return fail(e, "nginx", "%v", err)
	}
	rep := checks.Nginx(conf, checks.NginxOptions{SecLevel: c.seclevel, At: at, Passphrases: passphrases})
	return emit(rep, c.format, e)
}
