package doctor

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/catalogue"
	"github.com/mtlsdoctor/mtlsdoctor/checks"
	"github.com/mtlsdoctor/mtlsdoctor/finding"
	"github.com/mtlsdoctor/mtlsdoctor/logparse"
	"github.com/mtlsdoctor/mtlsdoctor/report"
	"github.com/mtlsdoctor/mtlsdoctor/site"
)

// readLogs reads the distinct error and access logs of the mTLS blocks
// and of the http and main levels, events after since. line is the
// header's account of what was read.
func readLogs(ctx context.Context, x *site.Site, servers []*site.Server, since, reload time.Time) (out []report.Finding, line string) {
	note := func(t site.LogTarget, text catalogue.Text, v catalogue.Vars) {
		v["kind"] = t.Kind
		f := text.New(v)
		f.Section = finding.Logs
		if t.Directive != nil {
			f.File, f.Line = t.Directive.File, t.Directive.Line
		}
		out = append(out, f)
	}
	sum := logparse.NewSummary()
	sum.Since = since
	// Events from before nginx's last start or reload were met by the
	// configuration that ran before: they are told apart, as notes.
	before := logparse.NewSummary()
	before.Since = since
	skip := func(ev logparse.Event) bool {
		if ownProbe(ev) {
			return true
		}
		// Log times have whole seconds: an event in the second of the
		// reload may have come after it, and counts as current.
		if !reload.IsZero() && !ev.Time.IsZero() && ev.Time.Before(reload.Truncate(time.Second)) {
			before.Add(ev)
			return true
		}
		return false
	}
	var inputs []checks.LogInput
	var read []string
	readPaths := map[string]bool{}
	for _, t := range x.LogTargets(servers) {
		if ctx.Err() != nil {
			read = append(read, "interrupted: the logs after this were not read")
			break
		}
		switch t.Place() {
		case site.LogOff:
			continue // nothing is logged: nothing to read
		case site.LogStream:
			note(t, catalogue.LogNotAFileText, catalogue.Vars{"path": t.Path, "name": strings.TrimSuffix(t.Kind, "_log")})
			continue
		case site.LogPerRequest:
			note(t, catalogue.LogPerRequestText, catalogue.Vars{"path": t.Path})
			continue
		}
		p := x.LogPath(t)
		if readPaths[p] {
			continue
		}
		readPaths[p] = true
		v := catalogue.Vars{"path": p}
		st, err := os.Stat(p)
		switch {
		case os.IsNotExist(err):
			note(t, catalogue.LogMissingText, v)
			continue
		case err != nil:
			v["error"] = errText(err)
			note(t, catalogue.LogStatFailedText, v)
			out[len(out)-1].Severity = report.Warning // a log that exists but could not be read
			continue
		case !st.Mode().IsRegular():
			note(t, catalogue.LogNotRegularText, v)
			continue
		}
		n, err := logparse.ScanFileContext(ctx, p, nil, sum, skip)
		if ctx.Err() != nil && errors.Is(err, ctx.Err()) {
			// What was read counts; the report says it is part of the log.
			if n.Format != logparse.Unknown {
				inputs = append(inputs, checks.LogInput{Name: p, Format: n.Format, Lines: n.Lines, Events: n.Events, LongLines: n.LongLines})
			}
			read = append(read, fmt.Sprintf("%s (interrupted after %d lines, %d about mTLS)", p, n.Lines, n.Events))
			continue
		}
		if err != nil && n.Lines == 0 {
			v["error"] = errText(err)
			note(t, catalogue.LogReadFailedText, v)
			out[len(out)-1].Severity = report.Warning
			continue
		}
		if n.Format == logparse.Unknown {
			if n.Lines == 0 {
				read = append(read, p+" (empty)")
				continue
			}
			v["lines"] = strconv.FormatInt(n.Lines, 10)
			note(t, catalogue.LogUnknownFormatText, v)
			continue
		}
		inputs = append(inputs, checks.LogInput{Name: p, Format: n.Format, Lines: n.Lines, Events: n.Events, LongLines: n.LongLines})
		read = append(read, fmt.Sprintf("%s (%s, %d lines, %d about mTLS)", p, n.Format, n.Lines, n.Events))
	}
	if len(inputs) > 0 {
		lrep := checks.Logs(sum, inputs, checks.LogOptions{Top: 3})
		for _, f := range lrep.Findings {
			f.Section = finding.Logs
			if f.ID == catalogue.HandshakeFailed && strings.Contains(f.Title, "unsupported protocol") && onlyLoopback(f.Clients) {
				// Probes from this machine (doctor's and probe's own
				// TLS 1.0/1.1 attempts among them) look exactly like this.
				f.Severity = report.Info
				f.Explanation += " " + catalogue.OwnProbesNote
			}
			out = append(out, f)
		}
		for _, g := range before.Groups() {
			f := checks.GroupFinding(g, 3)
			f.Section, f.Severity, f.Resolved = finding.Logs, report.Info, true
			f.Title = catalogue.Fill(catalogue.LogBeforeReloadTitle, catalogue.Vars{"title": f.Title, "reload": reload.Format("2006-01-02 15:04:05")})
			f.Explanation = catalogue.Fill(catalogue.LogBeforeReloadWhy, catalogue.Vars{"why": f.Explanation})
			f.Fix = catalogue.LogResolvedFix
			out = append(out, f)
		}
	}
	line = "no log file read"
	if len(read) > 0 {
		line = strings.Join(read, "\n      ")
	}
	if !since.IsZero() {
		line += fmt.Sprintf("\n      (events since %s)", since.Local().Format("2006-01-02 15:04:05"))
	}
	if !reload.IsZero() {
		line += fmt.Sprintf("\n      (nginx last started or reloaded at %s)", reload.Format("2006-01-02 15:04:05"))
	}
	return out, line
}

// ownProbeLines mark the log lines of doctor's own probe requests (the
// request line is in the access log and in nginx's error-log lines about
// a request): its path now, and the one earlier versions requested.
var ownProbeLines = [][]byte{[]byte(" " + ProbePath + " HTTP/"), []byte(" /.mtlsdoctor-probe HTTP/")}

func ownProbe(ev logparse.Event) bool {
	for _, l := range ownProbeLines {
		if bytes.Contains(ev.Line, l) {
			return true
		}
	}
	return false
}

func onlyLoopback(clients []string) bool {
	for _, c := range clients {
		if ip := net.ParseIP(c); ip == nil || !ip.IsLoopback() {
			return false
		}
	}
	return len(clients) > 0
}

func errText(err error) string {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err.Error()
	}
	return err.Error()
}
