package main

// Tests of `mtlsdoctor logs -f` against real files: the command runs as
// its own process (the copy of the test binary that testscript puts on
// $PATH as "mtlsdoctor", see TestMain), the test appends, rotates and
// truncates its log files, and signals it. Every wait has a deadline and
// a process still running when a test ends is killed.
//
// This file is the harness; the tests are in follow_*_test.go, by what
// they follow: one file appended to (append), files that are rotated,
// truncated or not there yet (rotate), several files at once (many), and
// standard input (stdin).

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// Real nginx 1.22.1 error-log lines.
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
