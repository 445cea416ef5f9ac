package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/mtlsdoctor/mtlsdoctor/catalogue"
	"github.com/mtlsdoctor/mtlsdoctor/report"
)

func runExplain(args []string, e env) int {
	fs := newFlagSet("explain", e)
	var format string
	addFormat(fs, &format, "output format: text or json")
	if done, code := parseFlags(fs, args, e); done {
		return code
	}
	input := strings.TrimSpace(strings.Join(fs.Args(), " "))
	if input == "" {
		return e.fail(errors.New("nothing to explain"), "mtlsdoctor explain 68   or   mtlsdoctor explain 'paste an nginx error line here'")
	}
	rep := Explain(input)
	if len(rep.Findings) == 0 {
		if format == "json" {
			_ = report.WriteJSON(e.stdout, rep)
		}
		return e.fail(fmt.Errorf("no catalogue entry matches %q", clip(input, 120)),
			"give an nginx error-log line, a verify code (68), a reason (ca md too weak), an alert (unknown ca) or a status (495)")
	}
	if code := emit(rep, format, e); code == 2 {
		return 2
	}
	return 0
}

// Explain builds the explain report for one input from the catalogue.
func Explain(input string) *report.Report {
	codes, entries := catalogue.Lookup(input)
	rep := &report.Report{Command: "explain"}
	for i, v := range codes {
		sev := report.Error
		if v.Code == 0 {
			sev = report.Info
		}
		why := v.Meaning
		if v.Causes != "" {
			why += "\n" + v.Causes
		}
		fix := v.Fix
		if v.Confirm != "" {
			fix += "\nConfirm: " + v.Confirm
		}
		rep.Findings = append(rep.Findings, report.Finding{
			ID: catalogue.VerifyError, Severity: sev, Priority: i,
			Title:       fmt.Sprintf("OpenSSL verify error %d: %s", v.Code, v.Text),
			Explanation: why, Fix: fix, Code: v.Code, OpenSSLError: v.OpenSSLError(),
		})
	}
	for i, en := range entries {
		fix := en.Fix
		if en.Confirm != "" {
			fix += "\nConfirm: " + en.Confirm
		}
		rep.Findings = append(rep.Findings, report.Finding{
			ID: en.ID, Severity: report.Error, Priority: len(codes) + i,
			Title: en.Title, Explanation: en.Explanation, Fix: fix,
		})
	}
	rep.Finish()
	if len(rep.Findings) > 0 {
		// explain is about one line: the first step of its first fix.
		rep.Next = strings.SplitN(rep.Findings[0].Fix, "\n", 2)[0]
	}
	return rep
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
