package main

// Tests of `mtlsdoctor logs -f` against real files: the command runs as
// its own process (the copy of the test binary that testscript puts on
// $PATH as "mtlsdoctor", see TestMain), the test appends, rotates and
// truncates its log files, and signals it. Every wait has a deadline and
// a process still running when a test ends is killed.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"
)

// Real nginx 1.22.1 error-log lines (see /work/shared/reference).
const (
	lineVerify68 = `2026/11/22 17:44:18 [info] 28978#28978: *11 client SSL certificate verify error: (68:CA signature digest algorithm too weak) while reading client request headers, client: 127.0.0.1, server: localhost, request: "GET / HTTP/1.1", host: "127.0.0.1:18501"`
	lineNoCert   = `2026/11/22 17:44:18 [info] 28978#28978: *1 client sent no required SSL certificate while reading client request headers, client: 127.0.0.1, server: localhost, request: "GET / HTTP/1.1", host: "127.0.0.1:18500"`
	linePlain    = `2026/11/22 17:44:18 [info] 28978#28978: *8 client sent plain HTTP request to HTTPS port while reading client request headers, client: 127.0.0.1, server: localhost, request: "GET / HTTP/1.1", host: "127.0.0.1:18500"`
	// Lines that are not about mutual TLS.
	lineKeepalive = `2026/11/22 17:44:18 [info] 28978#28978: *10 client 127.0.0.1 closed keepalive connection`
	lineSighup    = `2026/11/22 17:44:19 [notice] 28972#28972: signal 1 (SIGHUP) received from 29001, reconfiguring`
	lineNotLog    = `this is not an nginx line at all`
)

// verify68 is lineVerify68 from another client, so tests can tell lines apart.
func verify68(client string) string {
	return strings.Replace(lineVerify68, "client: 127.0.0.1", "client: "+client, 1)
}

const waitLimit = 10 * time.Second // deadline of every single wait

// lockedBuffer collects a process's output while the test reads it.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

type follower struct {
	t              *testing.T
	cmd            *exec.Cmd
	stdout, stderr lockedBuffer
	exited         chan struct{}
	err            error // of cmd.Wait, valid once exited is closed
}

func mtlsdoctorBin(t *testing.T) string {
	t.Helper()
	// TestMain (testscript.Main) put a copy of this test binary named
	// mtlsdoctor first in $PATH; run that way it is the real CLI.
	p, err := exec.LookPath("mtlsdoctor")
	if err != nil {
		t.Fatalf("mtlsdoctor not in $PATH (testscript.Main sets it up): %v", err)
	}
	return p
}

// startFollow runs mtlsdoctor with args in dir and waits until it says it
// is following (on stdout in text, on stderr in JSON): from then on every
// line appended to the files must be reported.
func startFollow(t *testing.T, dir string, args ...string) *follower {
	t.Helper()
	f := &follower{t: t, exited: make(chan struct{})}
	f.cmd = exec.Command(mtlsdoctorBin(t), args...)
	f.cmd.Dir = dir
	f.cmd.Env = append(os.Environ(), "NO_COLOR=1", "TZ=UTC", "COLUMNS=1000") // unwrapped lines
	f.cmd.Stdout, f.cmd.Stderr = &f.stdout, &f.stderr
	if err := f.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { f.err = f.cmd.Wait(); close(f.exited) }()
	t.Cleanup(func() {
		select {
		case <-f.exited:
			return
		default:
		}
		_ = f.cmd.Process.Kill()
		select {
		case <-f.exited:
		case <-time.After(waitLimit):
			t.Errorf("mtlsdoctor (pid %d) did not die after SIGKILL", f.cmd.Process.Pid)
		}
	})
	f.waitFor("the 'following' line", func(out, errOut string) bool {
		return strings.Contains(out, "following ") || strings.Contains(errOut, "following ")
	})
	return f
}

// waitFor polls until cond holds on the output so far, failing the test
// (and so killing the process) at the deadline or if the process exits.
func (f *follower) waitFor(what string, cond func(stdout, stderr string) bool) {
	f.t.Helper()
	deadline := time.Now().Add(waitLimit)
	for {
		if cond(f.stdout.String(), f.stderr.String()) {
			return
		}
		select {
		case <-f.exited:
			if cond(f.stdout.String(), f.stderr.String()) {
				return
			}
			f.t.Fatalf("mtlsdoctor exited (%v) before %s\nstdout:\n%s\nstderr:\n%s", f.err, what, f.stdout.String(), f.stderr.String())
		default:
		}
		if time.Now().After(deadline) {
			f.t.Fatalf("timed out after %v waiting for %s\nstdout:\n%s\nstderr:\n%s", waitLimit, what, f.stdout.String(), f.stderr.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// signal sends sig and waits for the exit status.
func (f *follower) signal(sig os.Signal) int {
	f.t.Helper()
	if err := f.cmd.Process.Signal(sig); err != nil {
		f.t.Fatal(err)
	}
	return f.wait()
}

func (f *follower) wait() int {
	f.t.Helper()
	select {
	case <-f.exited:
	case <-time.After(waitLimit):
		f.t.Fatalf("mtlsdoctor did not exit within %v\nstdout:\n%s\nstderr:\n%s", waitLimit, f.stdout.String(), f.stderr.String())
	}
	return f.cmd.ProcessState.ExitCode()
}

// appendLines appends lines the way nginx does: O_APPEND, one write.
func appendLines(t *testing.T, name string, lines ...string) {
	t.Helper()
	fh, err := os.OpenFile(name, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fh.WriteString(strings.Join(lines, "\n") + "\n"); err != nil {
		t.Fatal(err)
	}
	if err := fh.Close(); err != nil {
		t.Fatal(err)
	}
}

// textEvent is the first line of one event block printed in text mode.
var textEvent = regexp.MustCompile(`(?m)^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d (ERROR|WARNING|INFO) \[([a-z0-9-]+)\] .*$`)

func textEvents(out string) []string {
	// Only the part before the summary (which starts with a blank line).
	if i := strings.Index(out, "\n\n"); i >= 0 {
		out = out[:i+1]
	}
	return textEvent.FindAllString(out, -1)
}

func eventsAre(n int) func(string, string) bool {
	return func(out, _ string) bool { return len(textEvents(out)) >= n }
}

// jsonLines parses every stdout line as one JSON object.
func jsonLines(t *testing.T, out string) []map[string]any {
	t.Helper()
	var objs []map[string]any
	for i, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if l == "" && out == "" {
			break
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("stdout line %d is not a JSON object: %v\n%s", i+1, err, l)
		}
		objs = append(objs, m)
	}
	return objs
}

func jsonEventsAre(n int) func(string, string) bool {
	return func(out, _ string) bool { return strings.Count(out, "\n") >= n }
}

// groupCount finds the count of the finding with this id (and code) in a
// JSON summary, or -1.
func groupCount(sum map[string]any, id string, code int) int {
	fs, _ := sum["findings"].([]any)
	for _, x := range fs {
		f, _ := x.(map[string]any)
		if f["id"] != id {
			continue
		}
		if c, _ := f["code"].(float64); code != 0 && int(c) != code {
			continue
		}
		n, _ := f["count"].(float64)
		return int(n)
	}
	return -1
}

func newLogDir(t *testing.T, name string, lines ...string) (dir, path string) {
	dir = t.TempDir()
	path = filepath.Join(dir, name)
	if len(lines) > 0 {
		appendLines(t, path, lines...)
	}
	return dir, path
}

// settle gives the follower time to see that nothing more arrives.
func settle() { time.Sleep(600 * time.Millisecond) }

func TestFollowAppendText(t *testing.T) {
	t.Parallel()
	// Lines already in the file are history: -f starts at the end.
	dir, log := newLogDir(t, "error.log", lineVerify68, lineNoCert, lineKeepalive)
	f := startFollow(t, dir, "logs", "-f", "error.log")

	appendLines(t, log, verify68("10.0.0.1"), lineKeepalive, verify68("10.0.0.2"), lineSighup, lineNotLog, verify68("10.0.0.1"))
	f.waitFor("3 events", eventsAre(3))
	// Unrelated lines print nothing: the next event follows directly.
	appendLines(t, log, lineKeepalive, lineSighup, "", lineNotLog, lineNoCert)
	f.waitFor("4 events", eventsAre(4))
	settle()
	ev := textEvents(f.stdout.String())
	if len(ev) != 4 {
		t.Fatalf("%d event blocks, want 4:\n%s", len(ev), f.stdout.String())
	}
	for i, want := range []string{"ERROR [verify-error]", "ERROR [verify-error]", "ERROR [verify-error]", "WARNING [no-client-cert]"} {
		if !strings.Contains(ev[i], want) {
			t.Errorf("event %d = %q, want %s", i+1, ev[i], want)
		}
	}
	if !strings.Contains(ev[0], "(client 10.0.0.1)") || !strings.Contains(ev[1], "(client 10.0.0.2)") {
		t.Errorf("events do not name their clients:\n%s", strings.Join(ev, "\n"))
	}
	if n := strings.Count(f.stdout.String(), "\n    why: "); n != 4 {
		t.Errorf("%d why: lines, want 4", n)
	}

	code := f.signal(os.Interrupt)
	out := f.stdout.String()
	if code != 1 {
		t.Errorf("exit %d after SIGINT with verify errors, want 1\n%s", code, out)
	}
	for _, want := range []string{
		"error.log (error log): 11 lines read, 4 about mutual TLS",
		"3× client SSL certificate verify error (68:CA signature digest algorithm too weak)",
		"clients: 10.0.0.1, 10.0.0.2",
		"1 error, 1 warning",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "*11 client SSL certificate verify error: (68:CA signature digest algorithm too weak) while reading client request headers, client: 127.0.0.1") {
		t.Errorf("lines written before the start were reported:\n%s", out)
	}
}

func TestFollowJSON(t *testing.T) {
	t.Parallel()
	dir, log := newLogDir(t, "error.log", lineVerify68)
	f := startFollow(t, dir, "logs", "--format", "json", "-f", "error.log")
	if f.stdout.String() != "" {
		t.Fatalf("stdout before any event: %q", f.stdout.String())
	}
	appendLines(t, log, verify68("10.0.0.1"), lineKeepalive, verify68("10.0.0.2"), lineNoCert, lineNotLog, verify68("10.0.0.3"), linePlain)
	f.waitFor("5 JSON events", jsonEventsAre(5))
	settle()
	if code := f.signal(syscall.SIGTERM); code != 1 {
		t.Errorf("exit %d after SIGTERM with verify errors, want 1", code)
	}
	objs := jsonLines(t, f.stdout.String())
	if len(objs) != 6 {
		t.Fatalf("%d JSON lines, want 5 events and the summary:\n%s", len(objs), f.stdout.String())
	}
	for i, want := range []string{"verify-error", "verify-error", "no-client-cert", "verify-error", "plain-http"} {
		ev := objs[i]
		if ev["id"] != want || ev["count"] != 1.0 || ev["example"] == nil || ev["first_seen"] != "2026-11-22T17:44:18Z" {
			t.Errorf("event %d = %v, want id %s, count 1, example, first_seen", i+1, ev, want)
		}
		if _, ok := ev["command"]; ok {
			t.Errorf("event %d has a command field: %v", i+1, ev)
		}
	}
	if c := objs[3]["clients"]; fmt.Sprint(c) != "[10.0.0.3]" {
		t.Errorf("event 4 clients = %v, want [10.0.0.3]", c)
	}
	sum := objs[5]
	if sum["command"] != "logs" || sum["lines_read"] != 7.0 || sum["lines_matched"] != 5.0 {
		t.Errorf("summary = command %v lines_read %v lines_matched %v, want logs 7 5", sum["command"], sum["lines_read"], sum["lines_matched"])
	}
	if n := groupCount(sum, "verify-error", 68); n != 3 {
		t.Errorf("verify-error:68 count %d, want 3", n)
	}
	if n := groupCount(sum, "no-client-cert", 0); n != 1 {
		t.Errorf("no-client-cert count %d, want 1", n)
	}
	s, _ := sum["summary"].(map[string]any)
	if s["errors"] != 1.0 || s["warnings"] != 2.0 {
		t.Errorf("summary counts %v, want 1 error and 2 warnings", s)
	}
	if !strings.HasSuffix(f.stdout.String(), "}\n") || strings.Count(strings.TrimSpace(f.stdout.String()), "\n") != 5 {
		t.Errorf("the summary is not one compact line at the end:\n%s", f.stdout.String())
	}
}

// Warnings only: exit 0 on SIGINT; the summary counts each group exactly.
func TestFollowWarningsExitZero(t *testing.T) {
	t.Parallel()
	dir, log := newLogDir(t, "error.log")
	f := startFollow(t, dir, "logs", "--format", "json", "-f", "error.log")
	appendLines(t, log, lineNoCert, linePlain, lineNoCert, lineKeepalive)
	f.waitFor("3 JSON events", jsonEventsAre(3))
	settle()
	if code := f.signal(os.Interrupt); code != 0 {
		t.Errorf("exit %d with warnings only, want 0", code)
	}
	objs := jsonLines(t, f.stdout.String())
	if len(objs) != 4 {
		t.Fatalf("%d JSON lines, want 4:\n%s", len(objs), f.stdout.String())
	}
	sum := objs[3]
	if groupCount(sum, "no-client-cert", 0) != 2 || groupCount(sum, "plain-http", 0) != 1 || sum["lines_read"] != 4.0 {
		t.Errorf("summary %v, want no-client-cert 2, plain-http 1, 4 lines read", sum)
	}
}

// Nothing at all: the summary still comes, exit 0.
func TestFollowNothing(t *testing.T) {
	t.Parallel()
	dir, log := newLogDir(t, "error.log", lineVerify68)
	f := startFollow(t, dir, "logs", "-f", "error.log")
	appendLines(t, log, lineKeepalive, lineSighup)
	settle()
	if code := f.signal(os.Interrupt); code != 0 {
		t.Errorf("exit %d, want 0", code)
	}
	out := f.stdout.String()
	if n := len(textEvents(out)); n != 0 {
		t.Errorf("%d events printed, want none:\n%s", n, out)
	}
	if !strings.Contains(out, "2 lines read, 0 about mutual TLS") || !strings.Contains(out, "nothing about mutual TLS") {
		t.Errorf("summary:\n%s", out)
	}
}

// logrotate's default: rename the file, create a new one, nginx writes there.
func TestFollowRenameRotation(t *testing.T) {
	t.Parallel()
	dir, log := newLogDir(t, "error.log", lineKeepalive)
	f := startFollow(t, dir, "logs", "--format", "json", "-f", "error.log")
	appendLines(t, log, verify68("10.0.0.1"))
	f.waitFor("the first event", jsonEventsAre(1))

	for round, client := range []string{"10.0.0.2", "10.0.0.3"} {
		if err := os.Rename(log, fmt.Sprintf("%s.%d", log, round+1)); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(log, nil, 0o644); err != nil { // create
			t.Fatal(err)
		}
		appendLines(t, log, lineKeepalive, verify68(client), verify68(client))
		f.waitFor(fmt.Sprintf("the events of rotation %d", round+1), jsonEventsAre(1+2*(round+1)))
	}
	settle()
	if code := f.signal(os.Interrupt); code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	objs := jsonLines(t, f.stdout.String())
	if len(objs) != 6 {
		t.Fatalf("%d JSON lines, want 5 events and the summary:\n%s", len(objs), f.stdout.String())
	}
	for i, want := range []string{"10.0.0.1", "10.0.0.2", "10.0.0.2", "10.0.0.3", "10.0.0.3"} {
		if c := fmt.Sprint(objs[i]["clients"]); c != "["+want+"]" {
			t.Errorf("event %d clients %s, want [%s]", i+1, c, want)
		}
	}
	if n := groupCount(objs[5], "verify-error", 68); n != 5 {
		t.Errorf("verify-error:68 count %d, want 5", n)
	}
}

// logrotate's copytruncate: the file is copied, then truncated in place.
func TestFollowCopyTruncate(t *testing.T) {
	t.Parallel()
	// A file larger than what is appended after the truncation, as a log
	// being rotated is.
	var history []string
	for range 40 {
		history = append(history, lineKeepalive)
	}
	dir, log := newLogDir(t, "error.log", history...)
	f := startFollow(t, dir, "logs", "-f", "error.log")
	appendLines(t, log, verify68("10.0.0.1"), verify68("10.0.0.1"))
	f.waitFor("2 events", eventsAre(2))

	data, err := os.ReadFile(log)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(log+".1", data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(log, 0); err != nil {
		t.Fatal(err)
	}
	appendLines(t, log, verify68("10.0.0.2"))
	f.waitFor("the event after the truncation", eventsAre(3))
	appendLines(t, log, verify68("10.0.0.3"), lineNoCert)
	f.waitFor("the events after that", eventsAre(5))
	settle()
	if code := f.signal(os.Interrupt); code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	out := f.stdout.String()
	if n := len(textEvents(out)); n != 5 {
		t.Errorf("%d events, want 5:\n%s", n, out)
	}
	for _, want := range []string{"4× client SSL certificate verify error (68:", "1× Client sent no certificate"} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
}

// tail -F: a file that does not exist yet is waited for, and read from its
// start when it appears.
func TestFollowFileCreatedLater(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	log := filepath.Join(dir, "error.log")
	f := startFollow(t, dir, "logs", "--format", "json", "-f", "error.log")
	time.Sleep(300 * time.Millisecond)
	// Created with its first lines in one go.
	if err := os.WriteFile(log, []byte(verify68("10.0.0.1")+"\n"+lineNoCert+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	f.waitFor("the 2 events of the new file", jsonEventsAre(2))
	appendLines(t, log, verify68("10.0.0.2"))
	f.waitFor("the appended event", jsonEventsAre(3))
	settle()
	if code := f.signal(os.Interrupt); code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	objs := jsonLines(t, f.stdout.String())
	if len(objs) != 4 {
		t.Fatalf("%d JSON lines, want 4:\n%s", len(objs), f.stdout.String())
	}
	if n := groupCount(objs[3], "verify-error", 68); n != 2 {
		t.Errorf("verify-error count %d, want 2", n)
	}
}

// A line that reaches the file in two writes is still one event.
func TestFollowPartialLine(t *testing.T) {
	t.Parallel()
	dir, log := newLogDir(t, "error.log", lineKeepalive)
	f := startFollow(t, dir, "logs", "--format", "json", "-f", "error.log")
	half := len(lineVerify68) / 2
	fh, err := os.OpenFile(log, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	if _, err := fh.WriteString(lineVerify68[:half]); err != nil {
		t.Fatal(err)
	}
	time.Sleep(700 * time.Millisecond) // long enough for the follower to read the half
	if _, err := fh.WriteString(lineVerify68[half:] + "\n"); err != nil {
		t.Fatal(err)
	}
	f.waitFor("the event", jsonEventsAre(1))
	settle()
	if code := f.signal(os.Interrupt); code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	objs := jsonLines(t, f.stdout.String())
	if len(objs) != 2 || objs[0]["openssl_error"] != "68:CA signature digest algorithm too weak" || objs[1]["lines_read"] != 1.0 {
		t.Errorf("want one verify-error 68 event of one line:\n%s", f.stdout.String())
	}
}

// Two files at once: an error log and an access log.
func TestFollowTwoFiles(t *testing.T) {
	t.Parallel()
	dir, errLog := newLogDir(t, "error.log")
	access := filepath.Join(dir, "access.log")
	appendLines(t, access, `127.0.0.1 - - [22/Nov/2026:17:44:18 +0000] "GET / HTTP/1.1" 200 615 "-" "curl/7.88.1"`)
	f := startFollow(t, dir, "logs", "--format", "json", "-f", "error.log", "access.log")
	appendLines(t, access, `127.0.0.1 - - [22/Nov/2026:17:44:18 +0000] "GET / HTTP/1.1" 400 215 "-" "curl/7.88.1"`)
	f.waitFor("the access-log event", jsonEventsAre(1))
	appendLines(t, errLog, lineVerify68)
	f.waitFor("the error-log event", jsonEventsAre(2))
	settle()
	if code := f.signal(os.Interrupt); code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	objs := jsonLines(t, f.stdout.String())
	if len(objs) != 3 || objs[0]["id"] != "status-495" || objs[1]["id"] != "verify-error" {
		t.Fatalf("want status-495, verify-error, summary:\n%s", f.stdout.String())
	}
	if objs[2]["lines_read"] != 2.0 || objs[2]["lines_matched"] != 2.0 {
		t.Errorf("summary lines_read %v lines_matched %v, want 2 2", objs[2]["lines_read"], objs[2]["lines_matched"])
	}
}

func TestFollowDirectory(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), waitLimit)
	defer cancel()
	cmd := exec.CommandContext(ctx, mtlsdoctorBin(t), "logs", "-f", dir)
	out, err := cmd.CombinedOutput()
	if code := cmd.ProcessState.ExitCode(); code != 2 {
		t.Errorf("exit %d (%v), want 2:\n%s", code, err, out)
	}
	if !strings.Contains(string(out), "is a directory") {
		t.Errorf("output %q does not say it is a directory", out)
	}
}

// With "-" the follower reads standard input and summarises when it ends.
func TestFollowStdin(t *testing.T) {
	t.Parallel()
	// One line with invalid UTF-8 and control characters.
	badLine := strings.Replace(lineVerify68, "server: localhost", "server: bad\xff\xfehost\x01\x1b[2J", 1)
	input := strings.Join([]string{
		lineVerify68, lineKeepalive, lineVerify68, lineNoCert, lineNotLog, badLine, linePlain,
	}, "\n") + "\n"
	run := func(t *testing.T, args ...string) (string, int) {
		ctx, cancel := context.WithTimeout(context.Background(), waitLimit)
		defer cancel()
		cmd := exec.CommandContext(ctx, mtlsdoctorBin(t), args...)
		cmd.Env = append(os.Environ(), "NO_COLOR=1", "TZ=UTC")
		cmd.Stdin = strings.NewReader(input)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if ctx.Err() != nil {
			t.Fatalf("mtlsdoctor %s did not end when its stdin did", strings.Join(args, " "))
		}
		if _, ok := err.(*exec.ExitError); err != nil && !ok {
			t.Fatal(err)
		}
		return string(out), cmd.ProcessState.ExitCode()
	}
	// Many runs: events read in one go must all be printed, every time.
	for i := range 10 {
		out, code := run(t, "logs", "--format", "json", "-f", "-")
		if code != 1 {
			t.Fatalf("run %d: exit %d, want 1", i, code)
		}
		if !utf8.ValidString(out) || strings.Contains(out, "\x1b") || strings.Contains(out, `\u001b`) {
			t.Fatalf("run %d: output is not clean UTF-8:\n%q", i, out)
		}
		objs := jsonLines(t, out)
		if len(objs) != 6 {
			t.Fatalf("run %d: %d JSON lines, want 5 events and the summary:\n%s", i, len(objs), out)
		}
		sum := objs[5]
		if sum["command"] != "logs" || sum["lines_read"] != 7.0 || sum["lines_matched"] != 5.0 || groupCount(sum, "verify-error", 68) != 3 {
			t.Fatalf("run %d: summary %v", i, sum)
		}
	}
	out, code := run(t, "logs", "-f", "-")
	if code != 1 || len(textEvents(out)) != 5 || !strings.Contains(out, "3× client SSL certificate verify error (68:") ||
		!strings.Contains(out, "7 lines read, 5 about mutual TLS") {
		t.Errorf("text: exit %d:\n%s", code, out)
	}
}

// A line longer than the limit on standard input is skipped, not the end.
func TestFollowStdinLongLine(t *testing.T) {
	t.Parallel()
	input := lineVerify68 + "\n" + strings.Repeat("x", 200<<10) + "\n" + lineNoCert + "\n"
	ctx, cancel := context.WithTimeout(context.Background(), waitLimit)
	defer cancel()
	cmd := exec.CommandContext(ctx, mtlsdoctorBin(t), "logs", "--format", "json", "-f", "-")
	cmd.Stdin = strings.NewReader(input)
	out, _ := cmd.Output()
	if ctx.Err() != nil {
		t.Fatal("did not end with its input")
	}
	objs := jsonLines(t, string(out))
	if len(objs) != 3 || objs[1]["id"] != "no-client-cert" || objs[2]["lines_read"] != 3.0 {
		t.Errorf("want verify-error, no-client-cert and a summary of 3 lines:\n%s", out)
	}
}

// A line longer than logparse.MaxLine is counted and skipped, as when not
// following (nginx's own error-log lines stop at 2 KiB), not cut into pieces.
func TestFollowLongLine(t *testing.T) {
	t.Parallel()
	dir, log := newLogDir(t, "error.log")
	f := startFollow(t, dir, "logs", "--format", "json", "-f", "error.log")
	appendLines(t, log, lineVerify68+strings.Repeat("x", 100<<10), verify68("10.0.0.5"))
	f.waitFor("the event", jsonEventsAre(1))
	settle()
	if code := f.signal(os.Interrupt); code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	objs := jsonLines(t, f.stdout.String())
	if len(objs) != 2 || fmt.Sprint(objs[0]["clients"]) != "[10.0.0.5]" || objs[1]["lines_read"] != 2.0 || objs[1]["lines_matched"] != 1.0 {
		t.Errorf("want one event from 10.0.0.5 and 2 lines read:\n%.2000s", f.stdout.String())
	}
}

// Interrupted while still waiting for the file to appear.
func TestFollowMissingFileInterrupted(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	f := startFollow(t, dir, "logs", "-f", "error.log")
	f.waitFor("the note that it is missing", func(_, errOut string) bool {
		return strings.Contains(errOut, "error.log does not exist yet; waiting for it")
	})
	if code := f.signal(os.Interrupt); code != 0 {
		t.Errorf("exit %d, want 0", code)
	}
	if out := f.stdout.String(); !strings.Contains(out, "error.log (unknown): 0 lines read, 0 about mutual TLS") {
		t.Errorf("summary:\n%s", out)
	}
}
