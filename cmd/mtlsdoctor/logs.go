package main

import (
	"bufio"
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
// it does not exist yet. Files are polled: nxadm/tail's inotify watcher
// is set up only after the file was read to its end, and a line appended
// in between (right after the start or a rotation) waits for the next one.
// Lines are only taken when complete, and lines longer than
// logparse.MaxLine are counted but not parsed.
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
	var tails []*tail.Tail
	defer func() {
		for _, t := range tails {
			_ = t.Stop()
		}
	}()
	send := func(l line) bool {
		select {
		case lines <- l:
			return true
		case <-ctx.Done():
			return false
		}
	}
	for i, name := range files {
		if name == "-" {
			wg.Add(1)
			go func(i int) {
				defer wg.Done()
				br := bufio.NewReaderSize(e.stdin, logparse.MaxLine+1)
				long := false
				for {
					chunk, err := br.ReadSlice('\n')
					if errors.Is(err, bufio.ErrBufferFull) {
						long = true // drop it up to its newline
						continue
					}
					if len(chunk) > 0 || long {
						l := line{source: i, long: long}
						if !long {
							l.text = strings.TrimSuffix(string(chunk), "\n")
						}
						long = false
						if !send(l) {
							return
						}
					}
					if err != nil {
						return
					}
				}
			}(i)
			continue
		}
		// Follow from the current end; a missing file from its start
		// when it appears (tail -F).
		var from *tail.SeekInfo
		if f, err := safefile.Open(name); err == nil {
			st, err := f.Stat()
			f.Close()
			if err != nil {
				return e.fail(fmt.Errorf("%s: %v", name, err))
			}
			if st.IsDir() {
				return e.fail(fmt.Errorf("%s is a directory, not a log file", name))
			}
			from = &tail.SeekInfo{Offset: st.Size(), Whence: io.SeekStart}
		} else if errors.Is(err, os.ErrNotExist) {
			fmt.Fprintf(e.stderr, "mtlsdoctor logs: %s does not exist yet; waiting for it\n", name)
		} else {
			return e.fail(err)
		}
		t, err := tail.TailFile(name, tail.Config{
			Follow: true, ReOpen: true, MustExist: false, Poll: true,
			CompleteLines: true,
			Location:      from,
			Logger:        tail.DiscardingLogger,
		})
		if err != nil {
			return e.fail(fmt.Errorf("%s: %v", name, err))
		}
		tails = append(tails, t)
		wg.Add(1)
		go func(i int, t *tail.Tail) {
			defer wg.Done()
			for {
				select {
				case l, ok := <-t.Lines:
					if !ok {
						if err := t.Err(); err != nil && ctx.Err() == nil {
							fmt.Fprintf(e.stderr, "mtlsdoctor logs: stopped following %s: %v\n", t.Filename, err)
						}
						return
					}
					if l.Err != nil {
						continue
					}
					if !send(line{text: l.Text, source: i, long: len(l.Text) > logparse.MaxLine}) {
						return
					}
				case <-ctx.Done():
					return
				}
			}
		}(i, t)
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
