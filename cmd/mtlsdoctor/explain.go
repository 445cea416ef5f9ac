package main

import (
	"fmt"
	"strings"

	"github.com/mtlsdoctor/mtlsdoctor/catalogue"
	"github.com/mtlsdoctor/mtlsdoctor/report"
)

const explainUsage = `Usage: mtlsdoctor explain [flags] TEXT|CODE

Explain one pasted nginx or OpenSSL error line, an OpenSSL verify code, an
OpenSSL reason, a TLS alert or an HTTP status: what it means, the usual
causes in an mTLS setup, how to confirm it and how to fix it.

Examples:
  mtlsdoctor explain 68
  mtlsdoctor explain 'client SSL certificate verify error: (18:self-signed certificate) while reading client request headers'
  mtlsdoctor explain 'FAILED:unable to get local issuer certificate'
  mtlsdoctor explain 'ca md too weak'
  mtlsdoctor explain 'unknown ca'
  mtlsdoctor explain 495

Flags:
`

func runExplain(args []string, e env) int {
	fs := newFlagSet("explain", explainUsage, e)
	format := fs.String("format", "text", "output format: text or json")
	if done, code := parseFlags(fs, args, explainUsage, e); done {
		return code
	}
	if *format != "text" && *format != "json" {
		return fail(e, "explain", "--format %q: want text or json", *format)
	}
	input := strings.TrimSpace(strings.Join(fs.Args(), " "))
	if input == "" {
		return fail(e, "explain", "nothing to explain\nhint: mtlsdoctor explain 68   or   mtlsdoctor explain 'paste an nginx error line here'")
	}
	rep := Explain(input)
	if len(rep.Findings) == 0 {
		if *format == "json" {
			_ = report.WriteJSON(e.stdout, rep)
		}
		return fail(e, "explain", "no catalogue entry matches %q\nhint: explain accepts an nginx error-log line, a verify code (68), an OpenSSL reason (ca md too weak), a TLS alert (unknown ca) or a status (495)", clip(input, 120))
	}
	if code := emit(rep, *format, e); code == 2 {
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
