package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"strings"
	"testing"
	"unicode/utf8"
)

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
