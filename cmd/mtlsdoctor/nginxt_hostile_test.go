package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/doctor"
)

// A hostile `nginx -T`: escape sequences and a flood of NULs on stderr
// reach the text view escaped and capped, and a child it leaves behind
// holding its output open dies with it. Not parallel: it points PATH and
// the default paths at a stand-in.
func TestDoctorHostileNginxT(t *testing.T) {
	dir := t.TempDir()
	fake := filepath.Join(dir, "nginx")
	write := func(script string) {
		t.Helper()
		if err := os.WriteFile(fake, []byte("#!/bin/sh\n"+script), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	t.Setenv("PATH", dir+string(os.PathListSeparator)+os.Getenv("PATH"))
	oldConf := doctor.DefaultConf
	t.Cleanup(func() { doctor.DefaultConf = oldConf })
	good, err := filepath.Abs("../../testdata/nginx/good.conf")
	if err != nil {
		t.Fatal(err)
	}
	doctor.DefaultConf = good

	write(`printf 'nginx: [emerg] unknown directive "\033[2J\033]0;pwned\007x\nWARNING forged" in /etc/nginx/x.conf:1\n' >&2
exit 1
`)
	_, out, _ := runCLI(t, "doctor", "--no-probe", "--no-logs")
	if strings.ContainsAny(out, "\x1b\x07") || !strings.Contains(out, `\x1b[2J\x1b]0;pwned\x07x`) {
		t.Errorf("escape sequences of nginx -T reach the terminal:\n%q", out)
	}

	write(`printf 'nginx: [emerg] unknown directive "' >&2
head -c 1000000 /dev/zero >&2
printf '" in /etc/nginx/x.conf:1\n' >&2
exit 1
`)
	_, out, _ = runCLI(t, "doctor", "--no-probe", "--no-logs")
	if strings.ContainsRune(out, 0) {
		t.Error("a NUL reached the text view")
	}
	for _, l := range strings.Split(out, "\n") {
		if len(l) > 2000 {
			t.Errorf("a line of %d bytes", len(l))
		}
	}
	if len(out) > 20000 {
		t.Errorf("%d bytes of output", len(out))
	}

	// A background child holds stdout open: doctor goes on after a
	// second, and the child is killed with nginx's process group.
	pidFile := filepath.Join(dir, "child.pid")
	write(`sleep 60 &
echo $! > ` + pidFile + `
echo 'nginx: [emerg] no' >&2
exit 1
`)
	start := time.Now()
	runCLI(t, "doctor", "--no-probe", "--no-logs")
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("doctor took %v", d)
	}
	b, err := os.ReadFile(pidFile)
	if err != nil {
		t.Fatal(err)
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(2 * time.Second)
	for syscall.Kill(pid, 0) == nil {
		// A killed child stays a zombie until init reaps it: that is dead.
		if st, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat"); err == nil && strings.Contains(string(st), ") Z ") {
			break
		}
		if time.Now().After(deadline) {
			syscall.Kill(pid, syscall.SIGKILL)
			t.Fatalf("the child nginx -T left (pid %d) is still running", pid)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
