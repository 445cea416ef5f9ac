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
	if done, code := parseFlags(flags, args, e, c.check); done {
		return code
	}
	at := c.when()
	var err error
	rest := flags.Args()
	if len(rest) != 1 {
		return e.fail(errors.New("want exactly one CONF (or - for nginx -T output on stdin)"), "sudo nginx -T | mtlsdoctor nginx -")
	}
	if rest[0] == "-" {
		for _, p := range c.passin {
			if p == "stdin" {
				return e.fail(errors.New("--passin stdin can't be combined with - (stdin carries the nginx -T output)"), "use --passin file:PATH or env:VAR")
			}
		}
	}
	conf, err := doctor.LoadConf(rest[0], e.stdin)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return e.fail(err, "the main file is usually /etc/nginx/nginx.conf; or run: sudo nginx -T | mtlsdoctor nginx -")
	case errors.Is(err, fs.ErrPermission):
		return e.fail(err, "sudo nginx -T | mtlsdoctor nginx -")
	case err != nil:
		return e.fail(err)
	}
	passphrases, err := readPassin(c.passin, e)
	if err != nil {
		return e.fail(err)
	}
	rep := checks.Nginx(conf, checks.NginxOptions{SecLevel: c.seclevel, At: at, Passphrases: passphrases})
	return emit(rep, c.format, e)
}
