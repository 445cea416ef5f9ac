package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

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
