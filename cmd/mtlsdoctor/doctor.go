package main

import (
	"errors"
	"fmt"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/doctor"
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
	// Flag problems first, before reading anything or touching the network.
	idCheck := func() error { return f.identityFlags.check("mtlsdoctor doctor --cert client.crt --key client.key") }
	if done, code := parseFlags(flags, args, e, c.check, idCheck); done {
		return code
	}
	at := c.when()
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
			return e.fail(errors.New("--passin stdin can't be combined with - (stdin carries the nginx -T output)"), "use --passin file:PATH or env:VAR")
		}
	}
	f.passphrases, err = readPassin(c.passin, e)
	if err != nil {
		return e.fail(err)
	}

	conf := ""
	if len(rest) == 1 {
		conf = rest[0]
	}
	rep, err := doctor.Run(e.context(), doctor.Options{
		Conf: conf, Stdin: e.stdin, At: at, SecLevel: c.seclevel, Passphrases: f.passphrases,
		Probe: !f.noProbe, Cert: f.cert, Key: f.key, P12: f.p12, Timeout: f.timeout,
		Logs: !f.noLogs, Since: f.sinceTime,
	})
	if err != nil {
		return e.fail(err)
	}
	return emit(rep, c.format, e)
}
