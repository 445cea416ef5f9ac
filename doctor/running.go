package doctor

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/internal/safefile"
	"github.com/mtlsdoctor/mtlsdoctor/site"
)

// defaultPidFile is where Debian's nginx writes its master's pid when
// the configuration has no pid directive.
const defaultPidFile = "/run/nginx.pid"

// procRoot is where the process table is read (a variable for tests).
var procRoot = "/proc"

// lastReload is when the running nginx of this configuration last started
// its worker processes: its last start or reload (a reload replaces the
// workers). Log events before it were met by the configuration that ran
// before. Zero when it cannot be told (no such nginx running here, no
// /proc, or not allowed to look).
func lastReload(x *site.Site) time.Time {
	pidFile := defaultPidFile
	for _, d := range x.Config.Directives {
		if d.Name == "pid" && len(d.Args) == 1 {
			pidFile = x.Resolve(d.Arg(0))
		}
	}
	data, err := readSmall(pidFile)
	if err != nil {
		return time.Time{}
	}
	master := strings.TrimSpace(string(data))
	if _, err := strconv.Atoi(master); err != nil {
		return time.Time{}
	}
	boot := bootTime()
	if boot.IsZero() {
		return time.Time{}
	}
	stats, _ := filepath.Glob(filepath.Join(procRoot, "[0-9]*", "stat"))
	var newest time.Time
	for _, p := range stats {
		ppid, ticks, ok := procStat(p)
		if !ok || ppid != master {
			continue
		}
		// The kernel counts start times in USER_HZ, 100 a second.
		started := boot.Add(time.Duration(ticks) * (time.Second / 100))
		if started.After(newest) {
			newest = started
		}
	}
	return newest
}

// procStat reads the parent pid and the start time (in clock ticks after
// boot) from a /proc/PID/stat file.
func procStat(p string) (ppid string, ticks int64, ok bool) {
	data, err := readSmall(p)
	if err != nil {
		return "", 0, false
	}
	return parseProcStat(data)
}

// parseProcStat reads the parent pid and the start time from the text
// of a /proc/PID/stat file.
func parseProcStat(data []byte) (ppid string, ticks int64, ok bool) {
	// The command name (2nd field) is in parentheses and may hold
	// blanks: the fields after it start after the last ')'.
	i := bytes.LastIndexByte(data, ')')
	if i < 0 {
		return "", 0, false
	}
	f := strings.Fields(string(data[i+1:]))
	// f[0] is the state (field 3), f[1] the ppid (4), f[19] the start
	// time (22).
	if len(f) < 20 {
		return "", 0, false
	}
	ticks, err := strconv.ParseInt(f[19], 10, 64)
	return f[1], ticks, err == nil && ticks >= 0
}

// readSmall reads a pid or /proc file, at most 64 KiB of it (/proc/stat
// of a large machine is the longest): a file named by a configuration may
// be anything.
func readSmall(p string) ([]byte, error) {
	open := safefile.Open // the pid file: named by the configuration
	if strings.HasPrefix(p, procRoot+"/") {
		open = os.Open // mtlsdoctor's own reads of /proc/stat and /proc/PID/stat
	}
	f, err := open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		return nil, os.ErrInvalid
	}
	return io.ReadAll(io.LimitReader(f, 64<<10))
}

// bootTime is when the machine booted: now less /proc/uptime, else
// btime in /proc/stat.
func bootTime() time.Time {
	// /proc/uptime gives the time since boot to the hundredth of a
	// second; /proc/stat's btime is whole seconds, cut down, which would
	// put a reload up to a second early and take the events of that
	// second for the configuration before it.
	if data, err := readSmall(filepath.Join(procRoot, "uptime")); err == nil {
		if f := strings.Fields(string(data)); len(f) > 0 {
			if up, err := strconv.ParseFloat(f[0], 64); err == nil && up >= 0 && up < 1e10 {
				return time.Now().Add(-time.Duration(up * float64(time.Second)))
			}
		}
	}
	data, err := readSmall(filepath.Join(procRoot, "stat"))
	if err != nil {
		return time.Time{}
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "btime "); ok {
			if s, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64); err == nil {
				return time.Unix(s, 0)
			}
		}
	}
	return time.Time{}
}
