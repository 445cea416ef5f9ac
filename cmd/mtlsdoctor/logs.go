package main

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/nxadm/tail"

	"github.com/mtlsdoctor/mtlsdoctor/checks"
	"github.com/mtlsdoctor/mtlsdoctor/logparse"
	"github.com/mtlsdoctor/mtlsdoctor/report"
)

const logsUsage = `Usage: mtlsdoctor logs [flags] FILE...|-

Explain the mutual-TLS lines of nginx error and access logs: verify errors
with their OpenSSL code, missing client certificates (496), plain HTTP on
the TLS port (497), handshake failures, start-up key and certificate errors,
and the 400s in the access log that stand for 495/496/497. Like events are
grouped and counted, with the fix for each. Files may be plain or .gz; "-"
reads standard input; error and access logs are told apart by content.

Examples:
  mtlsdoctor logs /var/log/nginx/error.log
  mtlsdoctor logs /var/log/nginx/error.log /var/log/nginx/access.log
  mtlsdoctor logs --since 24h /var/log/nginx/error.log.1.gz /var/log/nginx/error.log
  journalctl -u nginx -o cat | mtlsdoctor logs -
  mtlsdoctor logs -f /var/log/nginx/error.log          (follow; Ctrl-C prints the summary)
  mtlsdoctor logs --format json error.log | jq '.findings[] | {id, count, openssl_error}'

Flags:
`

func runLogs(args []string, e env) int {
	fs := newFlagSet("logs", logsUsage, e)
	format := fs.String("format", "text", "output format: text or json (with -f: one JSON object per line)")
	follow := fs.BoolP("follow", "f", false, "follow the files like tail -F (survives rotation and truncation); Ctrl-C prints a summary")
	since := fs.String("since", "", "only events after this: a duration back from now (24h, 30m, 7d) or an RFC 3339 time")
	top := fs.Int("top", 3, "client addresses listed per group")
	if done, code := parseFlags(fs, args, logsUsage, e); done {
		return code
	}
	if *format != "text" && *format != "json" {
		return fail(e, "logs", "--format %q: want text or json", *format)
	}
	if *top < 0 {
		return fail(e, "logs", "--top %d: must not be negative", *top)
	}
	sum := logparse.NewSummary()
	if *since != "" {
		t, err := parseSince(*since, time.Now())
		if err != nil {
			return fail(e, "logs", "--since %q: want a duration such as 24h or 7d, or an RFC 3339 time", *since)
		}
		sum.Since = t
	}
	files := fs.Args()
	if len(files) == 0 {
		return fail(e, "logs", "no FILE given\nhint: mtlsdoctor logs /var/log/nginx/error.log /var/log/nginx/access.log   (or - for standard input)")
	}
	if *follow {
		return followLogs(files, sum, *format, *top, e)
	}
	var inputs []checks.LogInput
	var notLogs []string
	usable := 0
	for _, name := range files {
		in, err := scanFile(name, sum, e)
		if err != nil {
			fmt.Fprintf(e.stderr, "mtlsdoctor logs: %s: %v\n", name, err)
			continue
		}
		if in.Format == logparse.Unknown {
			notLogs = append(notLogs, name)
			fmt.Fprintf(e.stderr, "mtlsdoctor logs: no nginx log lines recognised in %s (%d lines read)\n", name, in.Lines)
			continue
		}
		usable++
		inputs = append(inputs, in)
	}
	if usable == 0 {
		return fail(e, "logs", "nothing usable in %s\nhint: give nginx error or access logs (plain or .gz), or - for standard input", strings.Join(files, " "))
	}
	rep := checks.Logs(sum, inputs, checks.LogOptions{Top: *top})
	for _, n := range notLogs {
		rep.Findings = append(rep.Findings, report.Finding{
			ID: "not-a-log", Severity: report.Warning, File: n,
			Title:       "no nginx log lines recognised in " + n,
			Explanation: "None of its first lines looks like an nginx error-log line (YYYY/MM/DD HH:MM:SS [level] ...) or an access-log line (combined or JSON format).",
			Fix:         "Check the path; error_log and access_log in the nginx configuration name the real files.",
		})
	}
	rep.Finish()
	return emit(rep, *format, e)
}

// openLog opens a file (or "-" for stdin), decompressing gzip by content.
func openLog(name string, stdin io.Reader) (io.ReadCloser, error) {
	var r io.ReadCloser
	if name == "-" {
		r = io.NopCloser(stdin)
	} else {
		st, err := os.Stat(name)
		if err != nil {
			if errors.Is(err, os.ErrNotExist) {
				return nil, errors.New("no such file")
			}
			return nil, err
		}
		if st.IsDir() {
			return nil, errors.New("is a directory, not a log file")
		}
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		r = f
	}
	br := bufio.NewReaderSize(r, 64<<10)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		gz, err := gzip.NewReader(br)
		if err != nil {
			r.Close()
			return nil, fmt.Errorf("bad gzip data: %v", err)
		}
		return struct {
			io.Reader
			io.Closer
		}{gz, r}, nil
	}
	return struct {
		io.Reader
		io.Closer
	}{br, r}, nil
}

func scanFile(name string, sum *logparse.Summary, e env) (checks.LogInput, error) {
	r, err := openLog(name, e.stdin)
	if err != nil {
		return checks.LogInput{}, err
	}
	defer r.Close()
	sc := logparse.NewScanner(r, logparse.Unknown)
	in := checks.LogInput{Name: name, Format: sc.Format()}
	if name == "-" {
		in.Name = "standard input"
	}
	for {
		ev, ok := sc.Next()
		if !ok {
			break
		}
		if sum.Add(ev) {
			in.Events++
		}
	}
	in.Lines, in.LongLines = sc.Lines, sc.LongLines
	if err := sc.Err(); err != nil {
		return in, fmt.Errorf("reading stopped after %d lines: %v", sc.Lines, err)
	}
	return in, nil
}

// parseSince reads "24h", "30m", "7d" (back from now) or an RFC 3339 time.
func parseSince(s string, now time.Time) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	d, err := parseDays(s)
	if err != nil || d < 0 {
		return time.Time{}, errors.New("bad --since")
	}
	return now.Add(-d), nil
}

// followLogs follows every file like tail -F, printing each new event as
// it arrives, and the summary when interrupted (or when stdin ends).
func followLogs(files []string, sum *logparse.Summary, format string, top int, e env) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	type line struct {
		text   string
		source int
	}
	lines := make(chan line, 1024)
	formats := make([]logparse.Format, len(files))
	counts := make([]int64, len(files))
	events := make([]int64, len(files))
	var wg sync.WaitGroup
	var tails []*tail.Tail
	for i, name := range files {
		if name == "-" {
			wg.Add(1)
			go func(i int) {
				defer wg.Done()
				sc := bufio.NewScanner(e.stdin)
				sc.Buffer(make([]byte, 64<<10), logparse.MaxLine)
				for sc.Scan() {
					select {
					case lines <- line{sc.Text(), i}:
					case <-ctx.Done():
						return
					}
				}
			}(i)
			continue
		}
		if st, err := os.Stat(name); err == nil && st.IsDir() {
			return fail(e, "logs", "%s is a directory, not a log file", name)
		}
		t, err := tail.TailFile(name, tail.Config{
			Follow: true, ReOpen: true, MustExist: false,
			Location:    &tail.SeekInfo{Offset: 0, Whence: io.SeekEnd},
			MaxLineSize: logparse.MaxLine,
			Logger:      tail.DiscardingLogger,
		})
		if err != nil {
			return fail(e, "logs", "%s: %v", name, err)
		}
		tails = append(tails, t)
		wg.Add(1)
		go func(i int, t *tail.Tail) {
			defer wg.Done()
			for {
				select {
				case l, ok := <-t.Lines:
					if !ok {
						return
					}
					if l.Err != nil {
						continue
					}
					select {
					case lines <- line{l.Text, i}:
					case <-ctx.Done():
						return
					}
				case <-ctx.Done():
					return
				}
			}
		}(i, t)
	}
	onlyStdin := len(tails) == 0
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()

	if format == "text" {
		fmt.Fprintf(e.stdout, "following %s (Ctrl-C for the summary)\n", strings.Join(files, ", "))
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
loop:
	for {
		select {
		case l := <-lines:
			counts[l.source]++
			raw := []byte(l.text)
			ev, ok := parseAny(raw, &formats[l.source])
			if !ok || !sum.Add(ev) {
				continue
			}
			events[l.source]++
			f := checks.EventFinding(ev.ID, ev.Code, ev.Text, ev.Status, logparse.Clean(ev.Line))
			f.Count = 1
			if !ev.Time.IsZero() {
				f.FirstSeen = ev.Time.Format(time.RFC3339)
				f.LastSeen = f.FirstSeen
			}
			if ev.Client != "" {
				f.Clients = []string{ev.Client}
			}
			f.Example = logparse.Clean(ev.Line)
			if format == "json" {
				_ = enc.Encode(f)
			} else {
				writeEvent(e, f, ev)
			}
		case <-done:
			if onlyStdin {
				// Drain what is buffered, then summarise.
				for {
					select {
					case l := <-lines:
						counts[l.source]++
						if ev, ok := parseAny([]byte(l.text), &formats[l.source]); ok && sum.Add(ev) {
							events[l.source]++
						}
						continue
					default:
					}
					break
				}
				break loop
			}
		case <-ctx.Done():
			break loop
		}
	}
	for _, t := range tails {
		_ = t.Stop()
		t.Cleanup()
	}
	var inputs []checks.LogInput
	for i, name := range files {
		inputs = append(inputs, checks.LogInput{Name: name, Format: formats[i], Lines: counts[i], Events: events[i]})
	}
	rep := checks.Logs(sum, inputs, checks.LogOptions{Top: top})
	if format == "json" {
		if err := enc.Encode(rep); err != nil {
			return 2
		}
		return rep.ExitCode()
	}
	fmt.Fprintln(e.stdout)
	return emit(rep, "text", e)
}

// parseAny parses one followed line, learning the file's format from its
// first recognisable line.
func parseAny(raw []byte, f *logparse.Format) (logparse.Event, bool) {
	if *f == logparse.Unknown {
		*f = logparse.Sniff(raw)
	}
	switch *f {
	case logparse.ErrorLog:
		return logparse.ParseErrorLine(raw)
	case logparse.AccessLog:
		return logparse.ParseAccessLine(raw)
	case logparse.AccessJSON:
		return logparse.ParseJSONLine(raw)
	}
	return logparse.Event{}, false
}

func writeEvent(e env, f report.Finding, ev logparse.Event) {
	when := ""
	if !ev.Time.IsZero() {
		when = ev.Time.Format("2006-01-02 15:04:05") + " "
	}
	client := ""
	if ev.Client != "" {
		client = " (client " + ev.Client + ")"
	}
	fix := strings.SplitN(f.Fix, "\n", 2)[0]
	why := f.Explanation
	if i := strings.Index(why, ". "); i > 0 {
		why = why[:i+1]
	}
	fmt.Fprintf(e.stdout, "%s%s [%s] %s%s\n    why: %s\n    fix: %s\n", when, strings.ToUpper(string(f.Severity)), f.ID, f.Title, client, why, fix)
}
