package doctor

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/nginxconf"
	"github.com/mtlsdoctor/mtlsdoctor/site"
)

func TestParseProcStat(t *testing.T) {
	for _, tc := range []struct {
		in    string
		ppid  string
		ticks int64
		ok    bool
	}{
		{"4242 (nginx) S 4200 4200 4200 0 -1 4194624 90 0 0 0 0 0 0 0 20 0 1 0 123456 11 22", "4200", 123456, true},
		// A command name with blanks and a ')' in it.
		{"17 (a) b (c)) R 1 17 17 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 99 1 1", "1", 99, true},
		{"", "", 0, false},
		{"12 (nginx S 1", "", 0, false},
		{"12 (nginx) S 1 2 3", "", 0, false},
		{"12 (nginx) S 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 -5 0", "", 0, false},
		{"12 (nginx) S 1 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 x 0", "", 0, false},
	} {
		ppid, ticks, ok := parseProcStat([]byte(tc.in))
		if ok != tc.ok || ok && (ppid != tc.ppid || ticks != tc.ticks) {
			t.Errorf("parseProcStat(%q) = %q %d %v, want %q %d %v", tc.in, ppid, ticks, ok, tc.ppid, tc.ticks, tc.ok)
		}
	}
}

func FuzzParseProcStat(f *testing.F) {
	f.Add([]byte("4242 (nginx) S 4200 4200 4200 0 -1 4194624 90 0 0 0 0 0 0 0 20 0 1 0 123456 11 22"))
	f.Add([]byte("1 ()) ) ( ("))
	f.Fuzz(func(t *testing.T, data []byte) {
		if _, ticks, ok := parseProcStat(data); ok && ticks < 0 {
			t.Errorf("negative start time %d accepted", ticks)
		}
	})
}

// TestLastReload reads a made-up process table: the newest worker of the
// master named by the pid file is the last reload; workers of another
// master, a pid file that is no pid, or one that is not a file give
// nothing.
func TestLastReload(t *testing.T) {
	dir := t.TempDir()
	old := procRoot
	procRoot = filepath.Join(dir, "proc")
	t.Cleanup(func() { procRoot = old })
	write := func(p, s string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(procRoot, "stat"), "cpu  1 2 3\nbtime 1700000000\nprocesses 9\n")
	stat := func(pid, ppid, ticks string) {
		write(filepath.Join(procRoot, pid, "stat"), pid+" (nginx) S "+ppid+" 0 0 0 0 0 0 0 0 0 0 0 0 0 20 0 1 0 "+ticks+" 1 1")
	}
	stat("100", "1", "500")   // the master
	stat("101", "100", "900") // a worker shutting down after the reload
	stat("102", "100", "1500")
	stat("200", "1", "3000") // another nginx's worker
	stat("201", "200", "3000")
	conf := func(pidFile string) *site.Site {
		return site.New(&nginxconf.Config{File: filepath.Join(dir, "nginx.conf"), ConfDir: dir,
			Directives: []*nginxconf.Directive{{Name: "pid", Args: []string{pidFile}}}})
	}
	write(filepath.Join(dir, "nginx.pid"), "100\n")
	if got, want := lastReload(conf("nginx.pid")), time.Unix(1700000000+15, 0); !got.Equal(want) {
		t.Errorf("lastReload = %v, want %v (the newest worker)", got, want)
	}
	write(filepath.Join(dir, "junk.pid"), "not a pid")
	if got := lastReload(conf("junk.pid")); !got.IsZero() {
		t.Errorf("junk pid file: %v", got)
	}
	if got := lastReload(conf(dir)); !got.IsZero() {
		t.Errorf("a directory as pid file: %v", got)
	}
	if got := lastReload(conf("missing.pid")); !got.IsZero() {
		t.Errorf("missing pid file: %v", got)
	}
}

// TestBootTimeFromUptime: the boot time comes from /proc/uptime, to the
// hundredth of a second, when there is one; /proc/stat's btime (whole
// seconds, cut down) would put a reload up to a second early.
func TestBootTimeFromUptime(t *testing.T) {
	dir := t.TempDir()
	old := procRoot
	procRoot = dir
	t.Cleanup(func() { procRoot = old })
	if err := os.WriteFile(filepath.Join(dir, "stat"), []byte("btime 1700000000\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := bootTime(); !got.Equal(time.Unix(1700000000, 0)) {
		t.Errorf("without /proc/uptime: bootTime = %v, want btime", got)
	}
	if err := os.WriteFile(filepath.Join(dir, "uptime"), []byte("5049.57 7178.01\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"", "garbage", "-5 1", "1e300 0"} {
		if err := os.WriteFile(filepath.Join(dir, "uptime"), []byte(bad), 0o644); err != nil {
			t.Fatal(err)
		}
		if got := bootTime(); !got.Equal(time.Unix(1700000000, 0)) {
			t.Errorf("/proc/uptime %q: bootTime = %v, want btime", bad, got)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "uptime"), []byte("5049.57 7178.01\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	want := time.Now().Add(-5049570 * time.Millisecond)
	if got := bootTime(); got.Sub(want).Abs() > time.Second {
		t.Errorf("bootTime = %v, want about %v (now less the uptime)", got, want)
	}
}
