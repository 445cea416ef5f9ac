package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/mtlsdoctor/mtlsdoctor/catalogue"
	"github.com/mtlsdoctor/mtlsdoctor/checks"
	"github.com/mtlsdoctor/mtlsdoctor/report"
)

func runExplain(args []string, e env) int {
	fs := newFlagSet("explain", e)
	var format string
	addFormat(fs, &format, "output format: text or json")
	if done, code := parseFlags(fs, pastedAfterFlags(args), e); done {
		return code
	}
	input := strings.TrimSpace(strings.Join(fs.Args(), " "))
	if input == "" {
		return e.fail(errors.New("nothing to explain"), "mtlsdoctor explain 68   or   mtlsdoctor explain 'paste an nginx error line here'")
	}
	rep := checks.Explain(input)
	noMatch := func() int {
		return e.fail(fmt.Errorf("no catalogue entry matches %q", clip(input, 120)),
			"give an nginx error-log line, a verify code (68), a reason (ca md too weak), an alert (unknown ca) or a status (495)")
	}
	if len(rep.Findings) == 0 {
		if format == "json" {
			_ = report.WriteJSON(e.stdout, rep)
		}
		return noMatch()
	}
	if unmatched(rep) {
		// A line about TLS that no entry matches: its writer and side are
		// worth showing, but nothing matched (exit 2, as the contract says).
		if code := emit(rep, format, e); code == 2 {
			return 2
		}
		return noMatch()
	}
	if code := emit(rep, format, e); code == 2 {
		return 2
	}
	return 0
}

// unmatched reports whether rep holds only the tls-unexplained answer to
// a line no entry matched.
func unmatched(rep *report.Report) bool {
	for _, f := range rep.Findings {
		if f.ID != catalogue.TLSUnexplained {
			return false
		}
	}
	return true
}

// pastedAfterFlags ends the flags at the first argument that starts with
// a dash and holds a space: a pasted line ("- Observed body: ...", "--- x"),
// never a flag of explain.
func pastedAfterFlags(args []string) []string {
	for i, a := range args {
		if a == "--" {
			return args
		}
		if strings.HasPrefix(a, "-") && strings.ContainsAny(a, " \t") {
			return append(append(append([]string{}, args[:i]...), "--"), args[i:]...)
		}
	}
	return args
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
