// Command mtlsdoctor diagnoses nginx mutual-TLS (client certificate)
// setups: it says what is wrong, why nginx rejects a client, and the exact
// command that fixes it. This package only wires flags to the packages that
// do the work (certset, checks, catalogue, report).
package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/mattn/go-isatty"
)

const usage = `mtlsdoctor: tell why nginx rejects a client certificate, and how to fix it.

Examples:
  sudo mtlsdoctor doctor                        everything at once for the nginx on this machine
  mtlsdoctor doctor /etc/nginx/nginx.conf --cert client.crt --key client.key
  mtlsdoctor certs ./certs                      check a CA/cert/key set before deploying
  mtlsdoctor certs --passin file:pw.txt /etc/nginx/certs
  mtlsdoctor certs --ca ca.crt --verify-depth 2 client.crt int.crt
  mtlsdoctor logs /var/log/nginx/error.log /var/log/nginx/access.log
  mtlsdoctor probe --cert client.crt --key client.key --ca ca.crt localhost:443
  sudo nginx -T | mtlsdoctor nginx -             lint the mTLS directives of the running config
  mtlsdoctor explain '(68:CA signature digest algorithm too weak)'
  mtlsdoctor explain 495

Commands:
  doctor [NGINX_CONF] everything at once: lint the config (default: nginx -T), certs on its files,
                      probe its mTLS addresses, logs on its logs; one report, one exit status
  certs PATH...       inspect CA / certificate / key / CRL files (directories are walked)
  logs FILE...|-       explain nginx error/access log lines, grouped and counted (-f follows)
  probe HOST[:PORT]|URL...
                      live handshake probe of TLS endpoints: is a client certificate asked for, required, accepted?
  nginx CONF|-        lint the mTLS directives of an nginx config (-: nginx -T output on stdin)
  explain TEXT|CODE   explain a pasted nginx/OpenSSL error line, verify code, alert or status
  version             print the version

Run 'mtlsdoctor COMMAND --help' for the flags of a command.
Exit status: 0 no error found, 1 at least one error found, 2 could not run.
`

// env is what a command needs from the outside world, so tests can run it
// in-process.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	isTerminal     bool
}

func main() {
	e := env{
		stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv,
		isTerminal: isatty.IsTerminal(os.Stdout.Fd()),
	}
	os.Exit(run(os.Args[1:], e))
}

func run(args []string, e env) int {
	if len(args) == 0 {
		fmt.Fprint(e.stderr, usage)
		return 2
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "-h", "--help", "help":
		fmt.Fprint(e.stdout, usage)
		return 0
	case "certs":
		return runCerts(rest, e)
	case "explain":
		return runExplain(rest, e)
	case "logs":
		return runLogs(rest, e)
	case "version", "--version":
		return runVersion(rest, e)
	case "nginx":
		return runNginx(rest, e)
	case "probe":
		return runProbe(rest, e)
	case "doctor":
		return runDoctor(rest, e)
	}
	fmt.Fprintf(e.stderr, "mtlsdoctor: unknown command %q\nhint: run 'mtlsdoctor --help' for the list of commands\n", cmd)
	return 2
}

// styled reports whether text output may carry colours: on a terminal
// (or when CLICOLOR_FORCE asks for it), and never when NO_COLOR is set
// (https://no-color.org) or TERM is dumb.
func (e env) styled() bool {
	if e.getenv("NO_COLOR") != "" || e.getenv("TERM") == "dumb" {
		return false
	}
	force := e.getenv("CLICOLOR_FORCE")
	return e.isTerminal || (force != "" && force != "0")
}

// fail prints a one-line error (and an optional hint) and returns exit 2.
func fail(e env, cmd string, format string, a ...any) int {
	msg := fmt.Sprintf(format, a...)
	msg, hint, _ := strings.Cut(msg, "\nhint: ")
	fmt.Fprintf(e.stderr, "mtlsdoctor %s: %s\n", cmd, msg)
	if hint != "" {
		fmt.Fprintf(e.stderr, "hint: %s\n", hint)
	}
	return 2
}
