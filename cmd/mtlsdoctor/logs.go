package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/signal"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/catalogue"
	"github.com/mtlsdoctor/mtlsdoctor/checks"
	"github.com/mtlsdoctor/mtlsdoctor/internal/safefile"
	"github.com/mtlsdoctor/mtlsdoctor/logparse"
	"github.com/mtlsdoctor/mtlsdoctor/report"
)

func runLogs(args []string, e env) int {
	fs := newFlagSet("logs", e)
	format := new(string)
	addFormat(fs, format, "output format: text or json (with -f: one JSON object per line)")
	follow := fs.BoolP("follow", "f", false, "follow the files like tail -F (survives rotation and truncation); Ctrl-C prints a summary")
	var since sinceFlag
	addSince(fs, &since, "since", "", "only events after this: a duration back from now (24h, 30m, 7d) or an RFC 3339 time")
	top := fs.Int("top", 3, "client addresses listed per group")
	if done, code := parseFlags(fs, args, e); done {
		return code
	}
	if *top < 0 {
		return e.fail(fmt.Errorf("--top %d: must not be negative", *top))
	}
	sum := logparse.NewSummary()
	if since.set() {
		sum.Since = since.from(time.Now())
	}
	files := fs.Args()
	if len(files) == 0 {
		return e.fail(errors.New("no FILE given"), "mtlsdoctor logs /var/log/nginx/error.log /var/log/nginx/access.log   (or - for standard input)")
	}
	if *follow {
		return followLogs(files, sum, *format, *top, e)
	}
	// The catalogue's tables and the JSON encoder's view of the report
	// are built on their first use; have that done while the files are
	// read.
	warm := make(chan struct{})
	go func() {
		defer close(warm)
		catalogue.Warm()
		if *format == "json" {
			report.WarmJSON()
		}
	}()
	var inputs []checks.LogInput
	usable := 0
	for _, name := range files {
		in, err := scanFile(name, sum, e)
		if err != nil {
			fmt.Fprintf(e.stderr, "mtlsdoctor logs: %s: %v\n", name, err)
			if in.Lines == 0 {
				continue
			}
			// A truncated .gz (still being compressed, say): its events
			// are counted already, so report the lines they came from.
		}
		if in.Format == logparse.Unknown {
			fmt.Fprintf(e.stderr, "mtlsdoctor logs: no nginx log lines recognised in %s (%d lines read)\n", name, in.Lines)
			if h := otherLogHint(name); h != "" {
				fmt.Fprintln(e.stderr, "hint: "+h)
			}
		} else {
			usable++
		}
		inputs = append(inputs, in)
	}
	if usable == 0 {
		// Each input has had its one-line error above.
		fmt.Fprintln(e.stderr, "hint: give nginx error or access logs (plain or .gz), or - for standard input")
		return 2
	}
	<-warm
	rep := checks.Logs(sum, inputs, checks.LogOptions{Top: *top})
	return emit(rep, *format, e)
}

func scanFile(name string, sum *logparse.Summary, e env) (checks.LogInput, error) {
	n, err := logparse.ScanFile(name, e.stdin, sum, nil)
	in := checks.LogInput{Name: name, Format: n.Format, Lines: n.Lines, Events: n.Events, LongLines: n.LongLines}
	if name == "-" {
		in.Name = "standard input"
	}
	return in, err
}

// followLogs follows every file like tail -F, printing each new event as
// it arrives, and the summary when interrupted (or when stdin ends).
//
// A file is followed from its size when the command starts (so every line
// appended after the "following" line is reported), or from its start if
// it does not exist yet, through inotify (logparse.Follow: exact across
// rename, delete and copytruncate rotations). A named pipe and standard
// input are streamed. Lines are only taken when complete, and lines longer
// than logparse.MaxLine are counted but neither kept nor parsed.
func followLogs(files []string, sum *logparse.Summary, format string, top int, e env) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	type line struct {
		text   string
		source int
		long   bool // longer than logparse.MaxLine: counted, not parsed
	}
	lines := make(chan line, 1024)
	formats := make([]logparse.Format, len(files))
	counts := make([]int64, len(files))
	events := make([]int64, len(files))
	longLines := make([]int64, len(files))
	var wg sync.WaitGroup
	send := func(l line) bool {
		select {
		case lines <- l:
			return true
		case <-ctx.Done():
			return false
		}
	}
	for i, name := range files {
		emit := func(text string, long bool) bool {
			return send(line{text: text, source: i, long: long})
		}
		if name == "-" {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if err := logparse.StreamLines(e.stdin, emit); err != nil && ctx.Err() == nil {
					fmt.Fprintf(e.stderr, "mtlsdoctor logs: standard input: %v\n", err)
				}
			}()
			continue
		}
		// Follow from the current end; a missing file from its start
		// when it appears (tail -F). What cannot be followed safely is
		// refused before anything is opened.
		if st, err := os.Stat(name); err == nil {
			if st.IsDir() {
				return e.fail(fmt.Errorf("%s is a directory, not a log file", name))
			}
			if st.Mode()&fs.ModeNamedPipe == 0 {
				if err := safefile.Check(name); err != nil {
					return e.fail(fmt.Errorf("%s: %v", name, err))
				}
			}
		} else if errors.Is(err, os.ErrNotExist) {
			fmt.Fprintf(e.stderr, "mtlsdoctor logs: %s does not exist yet; waiting for it\n", name)
		} else {
			return e.fail(err)
		}
		fl, err := logparse.StartFollow(name)
		if err != nil {
			return e.fail(fmt.Errorf("%s: %v", name, err))
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := fl.Run(ctx, emit); err != nil && ctx.Err() == nil {
				fmt.Fprintf(e.stderr, "mtlsdoctor logs: stopped following %s: %v\n", name, err)
			}
		}()
	}
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()

	if format == "text" {
		fmt.Fprintf(e.stdout, "following %s (Ctrl-C for the summary)\n", strings.Join(files, ", "))
	} else {
		// On stderr: standard output carries only JSON.
		fmt.Fprintf(e.stderr, "mtlsdoctor logs: following %s (Ctrl-C for the summary)\n", strings.Join(files, ", "))
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetEscapeHTML(false)
	handle := func(l line) {
		counts[l.source]++
		if l.long {
			longLines[l.source]++
			return
		}
		ev, ok := parseAny([]byte(l.text), &formats[l.source])
		if !ok || !sum.Add(ev) {
			return
		}
		events[l.source]++
		f := checks.LineFinding(ev)
		if format == "json" {
			_ = enc.Encode(f)
		} else {
			writeEvent(e, f, ev)
		}
	}
loop:
	for {
		select {
		case l := <-lines:
			handle(l)
		case <-done:
			// Every input ended (standard input closed; a file's
			// follower only stops on an error, said on stderr): report
			// what is still buffered, then summarise.
			for {
				select {
				case l := <-lines:
					handle(l)
					continue
				default:
				}
				break loop
			}
		case <-ctx.Done():
			break loop
		}
	}
	var inputs []checks.LogInput
	for i, name := range files {
		if name == "-" {
			name = "standard input"
		}
		inputs = append(inputs, checks.LogInput{Name: name, Format: formats[i], Lines: counts[i], Events: events[i], LongLines: longLines[i]})
	}
	rep := checks.Logs(sum, inputs, checks.LogOptions{Top: top, Follow: true})
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
	_ = report.WriteEvent(e.stdout, when, f, client, report.TextOptions{Styled: e.styled(), Width: e.width()})
}
