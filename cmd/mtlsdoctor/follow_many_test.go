package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

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
