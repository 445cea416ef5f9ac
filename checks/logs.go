package checks

import (
	"fmt"
	"github.com/mtlsdoctor/mtlsdoctor/finding"
	"strings"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/catalogue"
	"github.com/mtlsdoctor/mtlsdoctor/logparse"
	"github.com/mtlsdoctor/mtlsdoctor/report"
)

// LogInput describes one log that was read, for the report.
type LogInput struct {
	Name   string
	Format logparse.Format
	Lines  int64
	// Events is the number of mTLS events recognised in it.
	Events int64
	// LongLines is the number of over-long lines skipped.
	LongLines int64
}

// LogOptions are the settings of `mtlsdoctor logs`.
type LogOptions struct {
	// Top is how many client addresses each finding lists.
	Top int
}

// Logs turns grouped log events into findings, one per group, with the
// catalogue's explanation and fix, and adds verify-errors-hidden when the
// access log shows certificate errors that the error log does not.
func Logs(sum *logparse.Summary, inputs []LogInput, o LogOptions) *report.Report {
	if o.Top <= 0 {
		o.Top = 3
	}
	rep := &report.Report{Command: "logs"}
	var lines, matched int64
	haveError, haveAccess := false, false
	var names []string
	for _, in := range inputs {
		lines += in.Lines
		matched += in.Events
		switch in.Format {
		case logparse.ErrorLog:
			haveError = true
		case logparse.AccessLog, logparse.AccessJSON:
			haveAccess = true
		}
		names = append(names, fmt.Sprintf("%s (%s)", in.Name, in.Format))
	}
	rep.LinesRead, rep.LinesMatched = &lines, &matched
	rep.Header = fmt.Sprintf("%s: %d lines read, %d about mutual TLS", strings.Join(names, ", "), lines, matched)

	errVerify := sum.Count("verify-error:")
	errNoCert := sum.Count("no-client-cert")
	errPlain := sum.Count("plain-http")
	for _, g := range sum.Groups() {
		f := GroupFinding(g, o.Top)
		if haveError {
			// The error log explains these 400s already: keep the access-log
			// count as context, not as a second error.
			switch {
			case g.Status == 495 && errVerify > 0, g.Status == 496 && errNoCert > 0, g.Status == 497 && errPlain > 0:
				f.Severity = report.Info
				f.Explanation += " The error log's lines for the same requests are reported above."
			}
		}
		rep.Findings = append(rep.Findings, f)
	}
	if haveAccess {
		hidden := []string{}
		for _, c := range []struct {
			status, errs int
			what         string
		}{{495, errVerify, "certificate verify errors (495)"}, {496, errNoCert, "missing client certificates (496)"}, {497, errPlain, "plain HTTP requests (497)"}} {
			if n := sum.Count(fmt.Sprintf("status-%d", c.status)); n > 0 && c.errs == 0 {
				hidden = append(hidden, fmt.Sprintf("%d %s", n, c.what))
			}
		}
		if len(hidden) > 0 && haveError {
			rep.Findings = append(rep.Findings, hiddenFinding(hidden, true))
		} else if len(hidden) > 0 {
			rep.Findings = append(rep.Findings, hiddenFinding(hidden, false))
		}
	}
	if lines > 0 && matched == 0 {
		rep.AllClear = "nothing about mutual TLS in these logs. If clients get 400s, make sure nginx logs at info level: error_log /var/log/nginx/error.log info;"
	}
	// Without the reasons every other fix is a guess.
	rep.Lead = catalogue.VerifyErrorsHidden
	rep.Finish()
	return rep
}

func findingByID(rep *report.Report, id finding.ID) *report.Finding {
	for i := range rep.Findings {
		if rep.Findings[i].ID == id {
			return &rep.Findings[i]
		}
	}
	return nil
}

func hiddenFinding(hidden []string, haveError bool) report.Finding {
	why := "The access log shows " + strings.Join(hidden, ", ") + " as status 400, but the error log has no matching lines. nginx writes client-certificate errors at the info level, and the default error_log level is error, so out of the box they are never written: clients get \"400 The SSL certificate error\" and the log stays silent."
	if !haveError {
		why = "The access log shows " + strings.Join(hidden, ", ") + " as status 400, and no error log was given. The reasons (the OpenSSL verify code) are only in the error log, and only at the info level."
	}
	return report.Finding{
		ID: catalogue.VerifyErrorsHidden, Severity: report.Warning, Priority: 0,
		Title:       "client-certificate errors are missing from the error log",
		Explanation: why,
		Fix:         "In the server (or http) block: error_log /var/log/nginx/error.log info;   then nginx -t && nginx -s reload, and run: mtlsdoctor logs /var/log/nginx/error.log /var/log/nginx/access.log",
	}
}

// GroupFinding is the finding for one group of log events: the
// catalogue's words for it, with counts, times, top clients and an example.
func GroupFinding(g *logparse.Group, top int) report.Finding {
	f := EventFinding(g.ID, g.Code, g.Text, g.Status, g.Example)
	f.Count = g.Count
	if !g.First.IsZero() {
		f.FirstSeen = g.First.Format(time.RFC3339)
		f.LastSeen = g.Last.Format(time.RFC3339)
	}
	for _, c := range g.TopClients(top) {
		f.Clients = append(f.Clients, c.Addr)
	}
	f.Example = g.Example
	f.Title = fmt.Sprintf("%d× %s", g.Count, f.Title)
	f.Priority = -g.Count
	return f
}

// EventFinding explains one kind of log event with the catalogue (the same
// words `certs` and `explain` use).
func EventFinding(id string, code int, text string, status int, example string) report.Finding {
	fid, _ := finding.Lookup(finding.Logs, id)
	f := report.Finding{ID: fid, Severity: severityOf(fid, text), Priority: fid.Spec().Priority}
	if id == "verify-error" && code > 0 {
		v, ok := catalogue.Verify(code)
		if ok && !strings.EqualFold(v.Text, text) {
			// Another OpenSSL version's number: the text decides.
			if w, ok2 := catalogue.VerifyByText(text); ok2 {
				v = w
			}
		}
		f.Code = code
		f.OpenSSLError = fmt.Sprintf("%d:%s", code, text)
		f.Title = fmt.Sprintf("client SSL certificate verify error (%d:%s)", code, text)
		if ok {
			f.Explanation = v.Meaning + " " + v.Causes
			f.Fix = v.Fix
			if v.Confirm != "" {
				f.Fix += "\nConfirm: " + v.Confirm
			}
		}
		return f
	}
	if status == 495 && text != "" {
		if v, ok := catalogue.VerifyByText(text); ok {
			f.Code = v.Code
			f.OpenSSLError = fmt.Sprintf("%d:%s", v.Code, v.Text)
			f.Title = fmt.Sprintf("400 responses for certificate errors (495: %s)", text)
			f.Explanation = "nginx logs status 495 as 400 in the access log. " + v.Meaning + " " + v.Causes
			f.Fix = v.Fix
			return f
		}
	}
	probe := example
	if probe == "" {
		probe = text
	}
	var entry *catalogue.Entry
	if _, entries := catalogue.Lookup(probe); len(entries) > 0 {
		for i := range entries {
			if entries[i].ID.Name() == id {
				entry = &entries[i]
				break
			}
		}
		if entry == nil && !strings.HasPrefix(id, "status-") {
			entry = &entries[0]
		}
	}
	if entry == nil && strings.HasPrefix(id, "status-") {
		if _, entries := catalogue.Lookup(strings.TrimPrefix(id, "status-")); len(entries) > 0 {
			entry = &entries[0]
		}
	}
	if entry != nil {
		f.Title, f.Explanation, f.Fix = entry.Title, entry.Explanation, entry.Fix
		if entry.Confirm != "" {
			f.Fix += "\nConfirm: " + entry.Confirm
		}
	} else {
		f.Title = id
	}
	if (id == "handshake-failed" || id == "cert-load-failed" || id == "upstream-verify-error") && text != "" &&
		!strings.Contains(strings.ToLower(f.Title), strings.ToLower(text)) && len(text) < 120 {
		f.Title += ": " + text
	}
	if id == "verify-error" {
		f.Title = "client SSL certificate verify error: " + text
	}
	return f
}

// severityOf is the id's usual severity, but a client that closes the
// connection in the handshake is only worth a note.
func severityOf(id finding.ID, text string) report.Severity {
	if id == catalogue.HandshakeFailed && strings.Contains(text, "closed connection") {
		return report.Info
	}
	return id.Spec().Severity
}
