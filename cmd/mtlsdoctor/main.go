// Command mtlsdoctor diagnoses nginx mutual-TLS (client certificate)
// setups: it says what is wrong, why nginx rejects a client, and the exact
// command that fixes it. This package only wires flags to the packages that
// do the work (certset, checks, catalogue, report); the help of each
// command is a text file in help/, and the flags shared by several
// commands are in flags.go.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/charmbracelet/x/term"
	"github.com/mattn/go-isatty"

	"github.com/mtlsdoctor/mtlsdoctor/certset"
	"github.com/mtlsdoctor/mtlsdoctor/hint"
	"github.com/mtlsdoctor/mtlsdoctor/report"
)

// env is what a command needs from the outside world, so tests can run it
// in-process.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	isTerminal     bool
	// termWidth is the width of the terminal stdout is (0: none).
	termWidth int
	// cmd is the command being run, which names its error messages.
	cmd string
	// ctx ends when the run is interrupted (Ctrl-C, SIGTERM): long work
	// (probing, reading logs) stops and the report so far is written.
	ctx context.Context
}

// context is the run's context (never nil).
func (e env) context() context.Context {
	if e.ctx != nil {
		return e.ctx
	}
	return context.Background()
}

func main() {
	os.Exit(runProcess(os.Args[1:]))
}

// interruptGrace is how long a command has, after Ctrl-C or SIGTERM, to
// finish on its own (logs -f prints its summary, probe and doctor their
// partial report) before the process ends without it.
const interruptGrace = 500 * time.Millisecond

// runProcess runs one command as the process: one key-derivation budget
// for the whole run, and Ctrl-C or SIGTERM obeyed within a second whatever
// the command is doing (deriving a key, waiting on a read).
func runProcess(args []string) int {
	certset.SetRunBudget(certset.NewBudget(certset.DefaultWorkBudget))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	certset.SetRunContext(ctx) // a derivation under way is abandoned: the report can still be written
	e := stdEnv()
	e.ctx = ctx
	done := make(chan int, 1)
	go func() { done <- run(args, e) }()
	select {
	case code := <-done:
		return code
	case <-ctx.Done():
	}
	name := "mtlsdoctor"
	if len(args) > 0 && commands[args[0]] != nil {
		name += " " + args[0]
	}
	select {
	case code := <-done:
		if name == "mtlsdoctor logs" {
			return code // Ctrl-C is how logs -f ends: its summary is complete
		}
		// A partial report was written: it must not pass for a whole one.
		fmt.Fprintf(os.Stderr, "%s: interrupted; the report above is incomplete\n", name)
		return 2
	case <-time.After(interruptGrace):
		fmt.Fprintf(os.Stderr, "%s: interrupted\n", name)
		return 2
	}
}

// stdEnv is the environment of the process.
func stdEnv() env {
	e := env{
		stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv,
		isTerminal: isatty.IsTerminal(os.Stdout.Fd()),
	}
	if e.isTerminal {
		if w, _, err := term.GetSize(os.Stdout.Fd()); err == nil {
			e.termWidth = w
		}
	}
	return e
}

// commands are the commands run knows, by name.
var commands = map[string]func(args []string, e env) int{
	"certs":     runCerts,
	"explain":   runExplain,
	"logs":      runLogs,
	"version":   runVersion,
	"--version": runVersion,
	"nginx":     runNginx,
	"probe":     runProbe,
	"doctor":    runDoctor,
}

func run(args []string, e env) int {
	if len(args) == 0 {
		fmt.Fprint(e.stderr, helpText("main"))
		return 2
	}
	cmd, rest := args[0], args[1:]
	e.cmd = cmd
	switch cmd {
	case "-h", "--help", "help":
		fmt.Fprint(e.stdout, helpText("main"))
		return 0
	}
	if runCmd, ok := commands[cmd]; ok {
		return runCmd(rest, e)
	}
	e.cmd = ""
	return e.fail(fmt.Errorf("unknown command %q", cmd), "run 'mtlsdoctor --help' for the list of commands")
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

// width is the number of columns the text view is laid out in: COLUMNS
// when set, else the terminal's width, else report.DefaultWidth.
func (e env) width() int {
	if n, err := strconv.Atoi(e.getenv("COLUMNS")); err == nil && n > 0 {
		return n
	}
	if e.termWidth > 0 {
		return e.termWidth
	}
	return report.DefaultWidth
}

// fail prints err as one line naming the command, then one "hint:" line
// for each hint that err carries and each of hints, and returns exit
// status 2 (could not run).
func (e env) fail(err error, hints ...string) int {
	// nginxconf's syntax errors carry their hint in their text, after
	// "\nhint: ".
	msg, h, found := strings.Cut(err.Error(), "\nhint: ")
	var all []string
	if found {
		all = append(all, h)
	}
	all = append(all, hint.Of(err)...)
	all = append(all, hints...)
	prefix := "mtlsdoctor"
	if e.cmd != "" {
		prefix += " " + e.cmd
	}
	// An error may quote a configuration token or a file's bytes.
	fmt.Fprintf(e.stderr, "%s: %s\n", prefix, report.Sanitize(msg, false, 4096))
	for _, h := range all {
		fmt.Fprintf(e.stderr, "hint: %s\n", report.Sanitize(h, false, 4096))
	}
	return 2
}
