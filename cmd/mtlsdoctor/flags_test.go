package main

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/hint"
)

// TestFlagValues: the typed flags take what the help says and name the
// flag and what they want otherwise.
func TestFlagValues(t *testing.T) {
	now := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	var d time.Duration
	var since sinceFlag
	var id identityFlags
	var format string
	fs := newFlagSet("test", env{})
	addDuration(fs, &d, "within", "720h", false, "want a duration such as 720h or 30d", "")
	addSince(fs, &since, "since", "", "")
	addIdentity(fs, &id)
	addFormat(fs, &format, "")
	if d != 720*time.Hour || id.timeout != 5*time.Second || since.set() || format != "text" {
		t.Fatalf("defaults: %v %v %v %q", d, id.timeout, since.set(), format)
	}
	if err := fs.Parse([]string{"--within", "30d", "--since", "7d", "--timeout", "1d", "--format", "json"}); err != nil {
		t.Fatal(err)
	}
	if d != 30*24*time.Hour || id.timeout != 24*time.Hour || format != "json" {
		t.Errorf("parsed: %v %v %q", d, id.timeout, format)
	}
	if got := since.from(now); !got.Equal(now.Add(-7 * 24 * time.Hour)) {
		t.Errorf("--since 7d from %v = %v", now, got)
	}
	if err := fs.Parse([]string{"--since", "2026-01-02T03:04:05Z"}); err != nil || since.from(now).Format(time.RFC3339) != "2026-01-02T03:04:05Z" {
		t.Errorf("--since as a time: %v %v", err, since.from(now))
	}
	for _, tc := range []struct{ args, want string }{
		{"--within x", `--within "x": want a duration such as 720h or 30d`},
		{"--timeout 0s", `--timeout "0s": want a positive duration such as 5s or 300ms`},
		{"--timeout -1d", `--timeout "-1d": want a positive duration`},
		{"--since -2h", `--since "-2h": want a duration such as 24h or 7d, or an RFC 3339 time`},
		{"--format xml", `--format "xml": want text or json`},
		{"--bogus", "unknown flag: --bogus\nhint: run 'mtlsdoctor test --help' for the flags"},
	} {
		var stderr bytes.Buffer
		fs := newFlagSet("test", env{stderr: &stderr, cmd: "test"})
		addDuration(fs, &d, "within", "720h", false, "want a duration such as 720h or 30d", "")
		addSince(fs, &since, "since", "", "")
		addIdentity(fs, &id)
		addFormat(fs, &format, "")
		done, code := parseFlags(fs, strings.Fields(tc.args), env{stderr: &stderr, cmd: "test"})
		if !done || code != 2 || !strings.HasPrefix(stderr.String(), "mtlsdoctor test: "+tc.want) {
			t.Errorf("%s: done %v, exit %d, stderr %q; want %q", tc.args, done, code, stderr.String(), tc.want)
		}
	}
}

// TestFail: one line naming the command, then the hints the error
// carries and those given.
func TestFail(t *testing.T) {
	var stderr bytes.Buffer
	e := env{stderr: &stderr, cmd: "probe"}
	code := e.fail(hint.Wrap(errors.New("--key needs --cert"), "first"), "second")
	want := "mtlsdoctor probe: --key needs --cert\nhint: first\nhint: second\n"
	if code != 2 || stderr.String() != want {
		t.Errorf("exit %d, stderr %q; want 2, %q", code, stderr.String(), want)
	}
}
