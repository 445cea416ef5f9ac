package main

import (
	"fmt"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"
)

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
