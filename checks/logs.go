package checks

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/catalogue"
	"github.com/mtlsdoctor/mtlsdoctor/finding"
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
	// Follow is set when the logs are followed: a log whose format is not
	// known yet (nothing recognisable was appended) is still a log.
	Follow bool
}

// logsRead is what the rules of Logs judge: the grouped events and the
// logs they came from.
type logsRead struct {
	sum                   *logparse.Summary
	top                   int
	haveError, haveAccess bool
}

// logsRules are the conclusions `logs` draws from all the logs read
// together, in order.
var logsRules = []func(l *logsRead) []report.Finding{
	logsGroups,
	logsReasonsHidden,
}

// Logs turns grouped log events into findings, one per group, with the
// catalogue's explanation and fix, and adds verify-errors-hidden when the
// access log shows certificate errors that the error log does not. A file
// read to its end in which no log line was recognised (Format Unknown) is
// a not-a-log finding; it takes no part in the rest, nor in Next, which
// stays about the logs that were read.
func Logs(sum *logparse.Summary, inputs []LogInput, o LogOptions) *report.Report {
	if o.Top <= 0 {
		o.Top = 3
	}
	rep := &report.Report{Command: "logs"}
	l := &logsRead{sum: sum, top: o.Top}
	var lines, matched int64
	var names []string
	var notLogs []report.Finding
	for _, in := range inputs {
		switch {
		case in.Format == logparse.Unknown && !o.Follow:
			f := catalogue.NotALogText.New(catalogue.Vars{"file": in.Name})
			f.File = in.Name
			notLogs = append(notLogs, f)
			continue
		case in.Format == logparse.ErrorLog:
			l.haveError = true
		case in.Format == logparse.AccessLog, in.Format == logparse.AccessJSON:
			l.haveAccess = true
		}
		lines += in.Lines
		matched += in.Events
		names = append(names, fmt.Sprintf("%s (%s)", in.Name, in.Format))
	}
	rep.LinesRead, rep.LinesMatched = &lines, &matched
	rep.Header = fmt.Sprintf("%s: %d lines read, %d about mutual TLS", strings.Join(names, ", "), lines, matched)
	for _, rule := range logsRules {
		rep.Findings = append(rep.Findings, rule(l)...)
	}
	// Lines no entry explains: those left in the tls-unexplained groups
	// (a line of that kind that an entry knows is told by the entry).
	n := 0
	for _, f := range rep.Findings {
		if f.ID == catalogue.TLSUnexplained {
			n += max(f.Count, 1)
		}
	}
	if n > 0 {
		rep.Header += catalogue.Fill(catalogue.LogsUnexplainedHeader, catalogue.Vars{"n": fmt.Sprint(n)})
	}
	if lines > 0 && matched == 0 {
		rep.AllClear = catalogue.LogsAllClear
	}
	// Without the reasons every other fix is a guess.
	rep.Lead = catalogue.VerifyErrorsHidden
	rep.Finish()
	if len(notLogs) > 0 {
		rep.Findings = append(rep.Findings, notLogs...)
		rep.Finish()
	}
	return rep
}

// logsGroups: one finding per group of like events. An access-log group
// whose requests the error log explains as well is only a note.
func logsGroups(l *logsRead) []report.Finding {
	errVerify, errNoCert, errPlain := l.sum.Count("verify-error:"), l.sum.Count("no-client-cert"), l.sum.Count("plain-http")
	var out []report.Finding
	// Other programs' groups (one per program and message) that tell the
	// same story are one finding: groups are kept apart by cause.
	same := map[string]int{}
	for _, g := range l.sum.Groups() {
		f := GroupFinding(g, l.top)
		if l.haveError {
			switch {
			case g.Status == 495 && errVerify > 0, g.Status == 496 && errNoCert > 0, g.Status == 497 && errPlain > 0:
				f.Severity = report.Info
				f.Explanation += " " + catalogue.LogsExplainedAbove
			}
		}
		if g.Source == logparse.ErrorLog && g.Level == "" && g.Key != g.ID+":other" {
			story := strings.Join([]string{string(f.ID), f.Reporter, f.Role, string(f.Severity), countless(f), f.Explanation, f.Fix}, "\x00")
			if i, ok := same[story]; ok {
				addGroup(&out[i], f, l.top)
				continue
			}
			same[story] = len(out)
		}
		out = append(out, f)
	}
	return out
}

// countless is a group finding's title without the count GroupFinding
// put before it ("3× ").
func countless(f report.Finding) string {
	return strings.TrimPrefix(f.Title, fmt.Sprintf("%d× ", f.Count))
}

// addGroup adds the events of group finding g to f, which tells the same
// story: counts, times and clients (up to top); f's example stays.
func addGroup(f *report.Finding, g report.Finding, top int) {
	title := countless(*f)
	f.Count += g.Count
	f.Title = fmt.Sprintf("%d× %s", f.Count, title)
	f.Priority = g.Priority - (f.Count - g.Count)
	if g.FirstSeen != "" && (f.FirstSeen == "" || seenBefore(g.FirstSeen, f.FirstSeen)) {
		f.FirstSeen = g.FirstSeen
	}
	if g.LastSeen != "" && (f.LastSeen == "" || seenBefore(f.LastSeen, g.LastSeen)) {
		f.LastSeen = g.LastSeen
	}
	for _, c := range g.Clients {
		if len(f.Clients) < top && !slices.Contains(f.Clients, c) {
			f.Clients = append(f.Clients, c)
		}
	}
}

// seenBefore reports whether RFC 3339 time a is before b.
func seenBefore(a, b string) bool {
	ta, err1 := time.Parse(time.RFC3339, a)
	tb, err2 := time.Parse(time.RFC3339, b)
	return err1 == nil && err2 == nil && ta.Before(tb)
}

// logsReasonsHidden: the access log has 400s for certificate errors that
// the error log does not explain (or no error log was given).
func logsReasonsHidden(l *logsRead) []report.Finding {
	if !l.haveAccess {
		return nil
	}
	var hidden []string
	for _, c := range []struct {
		status int
		errs   string // the error log's events for the same requests
	}{{495, "verify-error:"}, {496, "no-client-cert"}, {497, "plain-http"}} {
		if n := l.sum.Count(fmt.Sprintf("status-%d", c.status)); n > 0 && l.sum.Count(c.errs) == 0 {
			hidden = append(hidden, fmt.Sprintf("%d %s", n, catalogue.HiddenStatuses[c.status]))
		}
	}
	if len(hidden) == 0 {
		return nil
	}
	text := catalogue.VerifyErrorsHiddenNoErrorLogText
	if l.haveError {
		text = catalogue.VerifyErrorsHiddenText
	}
	return []report.Finding{text.New(catalogue.Vars{"hidden": strings.Join(hidden, ", ")})}
}

// GroupFinding is the finding for one group of log events: the
// catalogue's words for it, with counts, times, top clients and an example.
func GroupFinding(g *logparse.Group, top int) report.Finding {
	f := EventFinding(g.ID, g.Code, g.Text, g.Status, g.Example)
	// Past the group bound, other programs' lines of every kind share
	// one group: its example's story (and writer) is not theirs.
	mixed := g.Key == g.ID+":other" && g.ID == "tls-unexplained"
	if mixed {
		f = catalogue.TLSUnexplainedOtherText.New(catalogue.Vars{"max": strconv.Itoa(logparse.MaxGroups)})
	}
	f.Count = g.Count
	if !g.First.IsZero() {
		f.FirstSeen = g.First.Format(time.RFC3339)
		f.LastSeen = g.Last.Format(time.RFC3339)
	}
	for _, c := range g.TopClients(top) {
		f.Clients = append(f.Clients, c.Addr)
	}
	f.Example = g.Example
	f.Reporter, f.Role = "nginx", g.Role
	if f.Role == "" {
		// Told by the group's example, once per group: nginx to an
		// upstream is the client even when the kind did not say so.
		f.Role = logparse.Attribute(g.Example).Role
	}
	if f.Is(catalogue.HandshakeFailed) && f.Role == logparse.RoleServer && IsNoise(strings.ToLower(g.Text)) {
		if g.Count < frequentNoise {
			f.Severity = report.Info
		}
		sayHarmless(&f)
	}
	if g.Key == g.ID+":other" && f.File != "" {
		// Past the group bound, load errors of many files share this
		// group; its example names one of them.
		f.Title = catalogue.Fill(catalogue.LogsOtherFiles, catalogue.Vars{"title": f.Title})
		f.File = ""
	}
	f.Title = fmt.Sprintf("%d× %s", g.Count, f.Title)
	f.Priority = -g.Count
	if g.Source == logparse.ErrorLog && g.Level == "" {
		otherProgram(&f, g.Example)
		if mixed {
			f.Reporter = "unknown"
		}
	}
	return f
}

// otherProgram tells a finding about another program's line in nginx's
// error stream (a docker-compose or journald stream of several services)
// as that program's: its writer and side as the line shows them, at most
// a warning, after nginx's own findings of the same severity.
func otherProgram(f *report.Finding, line string) {
	att := logparse.Attribute(line)
	if att.Guessed || att.Reporter == "unknown" {
		// As explain tells it: a product's entry may say the side.
		_, entries := catalogue.Lookup(line)
		att = sideByEntries(att, entries, line)
	}
	f.Reporter, f.Role = att.Reporter, att.Role
	if f.Reporter == "nginx" {
		f.Reporter = "unknown"
	}
	if f.Severity == report.Error {
		f.Severity = report.Warning
	}
	if f.Is(catalogue.TLSUnexplained) {
		// Another program's line that no entry explains is mostly its
		// routine ("TLS connection established"): a note.
		f.Severity = report.Info
	}
	f.Priority += 1 << 20
}

// frequentNoise is how many lines of scanner-like noise make it worth
// more than a note.
const frequentNoise = 100

// LineFinding is the finding for one event as it is seen (`logs -f`):
// the finding of its kind, counted once, with its time, client and line.
func LineFinding(ev logparse.Event) report.Finding {
	line := logparse.Clean(ev.Line)
	f := EventFinding(ev.ID, ev.Code, ev.Text, ev.Status, line)
	f.Count = 1
	if !ev.Time.IsZero() {
		f.FirstSeen = ev.Time.Format(time.RFC3339)
		f.LastSeen = f.FirstSeen
	}
	if ev.Client != "" {
		f.Clients = []string{strings.Clone(ev.Client)}
	}
	f.Example = line
	f.Reporter, f.Role = "nginx", ev.Role
	if f.Role == "" {
		f.Role = logparse.Attribute(line).Role
	}
	if ev.Source == logparse.ErrorLog && ev.Level == "" {
		otherProgram(&f, line)
	}
	return f
}

// logEvent is one kind of log event, as EventFinding receives it.
type logEvent struct {
	id      finding.ID
	name    string // the id as logparse names it
	code    int
	text    string
	status  int
	example string
}

// eventRules explain one kind of log event each, in the catalogue's words
// (the same `certs` and `explain` use); the first that knows the event wins.
var eventRules = []func(ev logEvent) (report.Finding, bool){
	eventDebug,
	eventExplained,
	eventVerifyCode,
	eventVerifyStatus,
	eventVerifyText,
	eventHandshake,
	eventWithReason,
	eventEntry,
}

// eventDebug: nginx's debug trace of TLS, one routine group.
func eventDebug(ev logEvent) (report.Finding, bool) {
	if ev.id != catalogue.TLSDebug {
		return report.Finding{}, false
	}
	return catalogue.TLSDebugText.New(nil), true
}

// EventFinding explains one kind of log event with the catalogue (the same
// words `certs` and `explain` use).
func EventFinding(id string, code int, text string, status int, example string) report.Finding {
	fid, _ := finding.Lookup(finding.Logs, id)
	ev := logEvent{id: fid, name: id, code: code, text: text, status: status, example: example}
	for _, rule := range eventRules {
		if f, ok := rule(ev); ok {
			return f
		}
	}
	return eventFromEntry(ev) // eventEntry knows every event
}

// explainedIDs are the kinds of event whose line explain tells best: by
// the line's own words (the file and cause of a load error, nginx as a
// client), not by the kind alone.
var explainedIDs = map[string]bool{"startup-failed": true, "cert-load-failed": true, "key-load-failed": true,
	"bad-passphrase": true, "key-mismatch": true, "upstream-verify-error": true, "stapling-failed": true,
	"lua-verify-error": true, "tls-unexplained": true}

// eventExplained: a line explain knows in its own words; an unexplained
// TLS line that no entry knows is the tls-unexplained group.
func eventExplained(ev logEvent) (report.Finding, bool) {
	client := ev.name == "handshake-failed" && logparse.Attribute(ev.example).Role == logparse.RoleClient
	if !explainedIDs[ev.name] && !client || ev.example == "" {
		return report.Finding{}, false
	}
	codes, entries := catalogue.Lookup(ev.example)
	specific := len(codes) > 0
	for _, e := range entries {
		specific = specific || !e.Fallback
	}
	if _, ok := loadFinding(ev.example); ok {
		specific = true
	}
	if !specific && ev.name == "tls-unexplained" {
		reason := ev.text
		if r := logparse.Reason(ev.example); r != "" {
			reason = r
		}
		return catalogue.TLSUnexplainedText.New(catalogue.Vars{"reason": strings.ReplaceAll(reason, "'", "")}), true
	}
	rep := Explain(ev.example)
	if len(rep.Findings) == 0 {
		return report.Finding{}, false
	}
	f := rep.Findings[0]
	if f.ID.Section() != finding.Logs && ev.id.Name() != "" && ev.name != "tls-unexplained" {
		f.ID = ev.id
	}
	return f, true
}

// eventVerifyCode: "client SSL certificate verify error: (N:text)", told
// by the code's words (when the text is another OpenSSL version's for N,
// the text decides).
func eventVerifyCode(ev logEvent) (report.Finding, bool) {
	if ev.id != catalogue.VerifyError || ev.code <= 0 {
		return report.Finding{}, false
	}
	v, ok := catalogue.Verify(ev.code)
	if ok && !strings.EqualFold(v.Text, ev.text) {
		if w, ok2 := catalogue.VerifyByText(ev.text); ok2 {
			v = w
		}
	}
	vars := catalogue.Vars{"code": fmt.Sprint(ev.code), "text": ev.text}
	f := catalogue.LogVerifyUnknownCodeText.New(vars)
	if ok {
		f = catalogue.LogVerifyCodeText.New(logVerifyVars(vars, v, catalogue.WithConfirm(v.Fix, v.Confirm)))
	}
	f.Code = ev.code
	f.OpenSSLError = fmt.Sprintf("%d:%s", ev.code, ev.text)
	return f, true
}

// eventVerifyStatus: an access-log 495 whose $ssl_client_verify names the
// verify error.
func eventVerifyStatus(ev logEvent) (report.Finding, bool) {
	if ev.status != 495 || ev.text == "" {
		return report.Finding{}, false
	}
	v, ok := catalogue.VerifyByText(ev.text)
	if !ok {
		return report.Finding{}, false
	}
	f := catalogue.LogVerifyStatusText.New(logVerifyVars(catalogue.Vars{"text": ev.text}, v, v.Fix))
	f.Code = v.Code
	f.OpenSSLError = v.OpenSSLError()
	return f, true
}

// logVerifyVars adds a verify code's words to v: {meaning}, {causes} and
// the {fix} given.
func logVerifyVars(v catalogue.Vars, c catalogue.VerifyCode, fix string) catalogue.Vars {
	v["meaning"], v["causes"], v["fix"] = c.Meaning, c.Causes, fix
	return v
}

// eventVerifyText: a verify error without a code (an OCSP result), titled
// with its text.
func eventVerifyText(ev logEvent) (report.Finding, bool) {
	if ev.id != catalogue.VerifyError {
		return report.Finding{}, false
	}
	f := eventFromEntry(ev)
	f.Title = catalogue.Fill(catalogue.LogVerifyTextTitle, catalogue.Vars{"text": ev.text})
	return f, true
}

// eventHandshake: a failed handshake, titled with its reason; a client
// that hung up in the handshake is only worth a note.
func eventHandshake(ev logEvent) (report.Finding, bool) {
	if ev.id != catalogue.HandshakeFailed {
		return report.Finding{}, false
	}
	f := logTitleWithReason(eventFromEntry(ev), ev.text)
	if strings.Contains(ev.text, "closed connection") {
		f.Severity = report.Info
	}
	return f, true
}

// eventWithReason: a file nginx could not load, or a backend it did not
// trust, titled with the reason.
func eventWithReason(ev logEvent) (report.Finding, bool) {
	if ev.id != catalogue.CertLoadFailed && ev.id != catalogue.UpstreamVerifyError {
		return report.Finding{}, false
	}
	return logTitleWithReason(eventFromEntry(ev), ev.text), true
}

// eventEntry: any other event, in the words of its catalogue entry.
func eventEntry(ev logEvent) (report.Finding, bool) {
	return eventFromEntry(ev), true
}

// logTitleWithReason adds the line's reason to the title when the title does not
// say it already (and it is short enough for a title).
func logTitleWithReason(f report.Finding, reason string) report.Finding {
	if reason != "" && !strings.Contains(strings.ToLower(f.Title), strings.ToLower(reason)) && len(reason) < 120 {
		f.Title = catalogue.Fill(catalogue.LogReasonTitle, catalogue.Vars{"title": f.Title, "reason": reason})
	}
	return f
}

// eventFromEntry is the finding in the words of the catalogue's entry for
// the event's line (its example, else its text): the entry of the event's
// own id, else the first (not for a status, which falls back to the
// entry of its number). Without an entry the title is the id.
func eventFromEntry(ev logEvent) report.Finding {
	line := ev.example
	if line == "" {
		line = ev.text
	}
	isStatus := strings.HasPrefix(ev.name, "status-")
	var entry *catalogue.Entry
	if _, entries := catalogue.Lookup(line); len(entries) > 0 {
		for i := range entries {
			if entries[i].ID.Name() == ev.name {
				entry = &entries[i]
				break
			}
		}
		if entry == nil && !isStatus {
			entry = &entries[0]
		}
	}
	if entry == nil && isStatus {
		if _, entries := catalogue.Lookup(strings.TrimPrefix(ev.name, "status-")); len(entries) > 0 {
			entry = &entries[0]
		}
	}
	if entry == nil && ev.example != "" {
		// No entry knows the line: explain's answer for a line of its
		// side (where that side's usual causes lie), under the event's id.
		if rep := Explain(ev.example); len(rep.Findings) > 0 {
			f := rep.Findings[0]
			return ev.id.New(f.Title, f.Explanation, f.Fix)
		}
	}
	if entry == nil {
		return ev.id.New(ev.name, "", "")
	}
	return ev.id.New(entry.Title, entry.Explanation, catalogue.WithConfirm(entry.FixFor(ev.text), entry.Confirm))
}
