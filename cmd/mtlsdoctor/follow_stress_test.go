package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// followStressDuration is how long TestFollowRotationEveryQuarterSecond
// rotates; MTLSDOCTOR_FOLLOW_STRESS (a duration, e.g. 60s) runs it longer.
func followStressDuration(t *testing.T) time.Duration {
	if s := os.Getenv("MTLSDOCTOR_FOLLOW_STRESS"); s != "" {
		d, err := time.ParseDuration(s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	return 6 * time.Second
}

// Rotation every 0.25 s, by rename and create, by copytruncate and by
// delete and create in turn, while lines are appended every 10 ms: every
// line is counted once, none lost, none twice.
func TestFollowRotationEveryQuarterSecond(t *testing.T) {
	t.Parallel()
	dir, log := newLogDir(t, "error.log", lineKeepalive)
	f := startFollow(t, dir, "logs", "--format", "json", "-f", "error.log")
	written := 0
	write := func() {
		written++
		appendLines(t, log, verify68(fmt.Sprintf("10.0.%d.%d", written/250, written%250)))
	}
	copyTo := func(dst string) {
		in, err := os.Open(log)
		if err != nil {
			t.Fatal(err)
		}
		defer in.Close()
		out, err := os.Create(dst)
		if err != nil {
			t.Fatal(err)
		}
		defer out.Close()
		if _, err := io.Copy(out, in); err != nil {
			t.Fatal(err)
		}
	}
	var rounds []string
	defer func() {
		if t.Failed() {
			t.Log(strings.Join(rounds, "\n"))
		}
	}()
	end := time.Now().Add(followStressDuration(t))
	for round := 0; time.Now().Before(end); round++ {
		next := time.Now().Add(250 * time.Millisecond)
		for time.Now().Before(next) {
			write()
			time.Sleep(10 * time.Millisecond)
		}
		rounds = append(rounds, fmt.Sprintf("round %d (%s) ends after line %d", round, []string{"rename", "copytruncate", "delete"}[round%3], written))
		old := fmt.Sprintf("%s.%d", log, round)
		switch round % 3 {
		case 0: // rename and create
			if err := os.Rename(log, old); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(log, nil, 0o644); err != nil {
				t.Fatal(err)
			}
		case 1: // copytruncate
			copyTo(old)
			if err := os.Truncate(log, 0); err != nil {
				t.Fatal(err)
			}
		case 2: // delete; nginx recreates it at its next write
			if err := os.Remove(log); err != nil {
				t.Fatal(err)
			}
		}
	}
	f.waitFor(fmt.Sprintf("%d events", written), jsonEventsAre(written))
	settle()
	f.signal(os.Interrupt)
	objs := jsonLines(t, f.stdout.String())
	sum := objs[len(objs)-1]
	if n := groupCount(sum, "verify-error", 68); n != written {
		t.Errorf("verify-error:68 counted %d, %d lines written", n, written)
	}
	if len(objs)-1 != written {
		t.Errorf("%d events printed, %d lines written", len(objs)-1, written)
	}
	if strings.Contains(f.stderr.String(), "stopped following") {
		t.Errorf("stderr: %s", f.stderr.String())
	}
}

// A line of 200 MB in follow mode is counted, not kept: memory stays
// bounded like without -f.
func TestFollowLongLineBoundedMemory(t *testing.T) {
	t.Parallel()
	dir, log := newLogDir(t, "error.log", lineKeepalive)
	f := startFollow(t, dir, "logs", "--format", "json", "-f", "error.log")
	fh, err := os.OpenFile(log, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	chunk := []byte(strings.Repeat("x", 1<<20))
	for range 200 {
		if _, err := fh.Write(chunk); err != nil {
			t.Fatal(err)
		}
	}
	fh.WriteString("\n" + verify68("10.9.9.9") + "\n")
	fh.Close()
	f.waitFor("the event after the long line", jsonEventsAre(1))
	settle()
	// The peak of the running process itself (its rusage would carry the
	// test process's own: see watchPeakRSS).
	rss := peakRSSKB(f.cmd.Process.Pid)
	f.signal(os.Interrupt)
	if rss == 0 || rss > 100<<10 {
		t.Errorf("peak RSS %d KB following a 200 MB line, want at most 100 MB", rss)
	}
	objs := jsonLines(t, f.stdout.String())
	if n := groupCount(objs[len(objs)-1], "verify-error", 68); n != 1 {
		t.Errorf("count %d, want 1", n)
	}
}

// logs -f on a named pipe streams it: it waits for a writer without
// blocking anything, and goes on across writers.
func TestFollowNamedPipe(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	f := startFollow(t, dir, "logs", "--format", "json", "-f", "pipe")
	for _, client := range []string{"10.1.1.1", "10.1.1.2"} {
		w, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.WriteString(verify68(client) + "\n" + verify68(client) + "\n"); err != nil {
			t.Fatal(err)
		}
		w.Close()
	}
	f.waitFor("4 events", jsonEventsAre(4))
	settle()
	f.signal(os.Interrupt)
	objs := jsonLines(t, f.stdout.String())
	if n := groupCount(objs[len(objs)-1], "verify-error", 68); n != 4 {
		t.Errorf("count %d, want 4\n%s", n, f.stderr.String())
	}
}
