package site

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/mtlsdoctor/mtlsdoctor/nginxconf"
)

// Where nginx (Debian's build) logs when the configuration names no log.
const (
	DefaultErrorLog  = "/var/log/nginx/error.log"
	DefaultAccessLog = "/var/log/nginx/access.log"
)

// logLevels in nginx's order; client-certificate errors are written at info.
var logLevels = []string{"debug", "info", "notice", "warn", "error", "crit", "alert", "emerg"}

// LevelRank is the place of an error_log level in nginx's order (debug
// 0 ... emerg 7), -1 for a word that is not a level.
func LevelRank(l string) int {
	for i, v := range logLevels {
		if v == l {
			return i
		}
	}
	return -1
}

// ErrorLog returns the file and the lowest level of the block's error
// logs, and the directive that sets them (nginx's default, when nil, is
// DefaultErrorLog at level error).
func (s *Server) ErrorLog() (file, level string, where *nginxconf.Directive) {
	if len(s.ErrorLogs) == 0 {
		return DefaultErrorLog, "error", nil
	}
	best := -1
	for _, d := range s.ErrorLogs {
		lv := "error"
		if len(d.Args) > 1 {
			lv = d.Args[1]
		}
		r := LevelRank(lv)
		if r < 0 {
			r = LevelRank("error")
		}
		if best < 0 || r < best {
			best, file, level, where = r, d.Arg(0), logLevels[r], d
		}
	}
	return file, level, where
}

// AccessLog is the file of the block's first access log in effect.
func (s *Server) AccessLog() string {
	if len(s.AccessLogs) == 0 {
		return DefaultAccessLog
	}
	return s.AccessLogs[0].Arg(0)
}

// Log kinds, named by their directive.
const (
	ErrorLogKind  = "error_log"
	AccessLogKind = "access_log"
)

// LogTarget is one error or access log the configuration writes to.
type LogTarget struct {
	// Kind is ErrorLogKind or AccessLogKind.
	Kind string
	// Path is the file as written in the configuration.
	Path string
	// Directive names it; nil for nginx's default.
	Directive *nginxconf.Directive
}

// LogTargets are the distinct error and access logs of the given blocks
// and of the http and main levels, in that order; nginx's defaults when
// the configuration names no error log (or, with blocks, no access log).
func (x *Site) LogTargets(servers []*Server) []LogTarget {
	var targets []LogTarget
	seen := map[LogTarget]bool{}
	add := func(kind string, dirs []*nginxconf.Directive) {
		for _, d := range dirs {
			key := LogTarget{Kind: kind, Path: d.Arg(0)}
			if len(d.Args) == 0 || seen[key] {
				continue
			}
			seen[key] = true
			targets = append(targets, LogTarget{Kind: kind, Path: d.Arg(0), Directive: d})
		}
	}
	for _, s := range servers {
		add(ErrorLogKind, s.ErrorLogs)
		add(AccessLogKind, s.AccessLogs)
	}
	for _, d := range x.Config.Directives {
		if d.Name == ErrorLogKind {
			add(ErrorLogKind, []*nginxconf.Directive{d})
		}
		if d.Name == "http" && d.IsBlock {
			for _, h := range d.Block {
				if h.Name == ErrorLogKind || h.Name == AccessLogKind {
					add(h.Name, []*nginxconf.Directive{h})
				}
			}
		}
	}
	hasKind := func(k string) bool {
		for _, t := range targets {
			if t.Kind == k {
				return true
			}
		}
		return false
	}
	if !hasKind(ErrorLogKind) {
		targets = append(targets, LogTarget{Kind: ErrorLogKind, Path: DefaultErrorLog})
	}
	if !hasKind(AccessLogKind) && len(servers) > 0 {
		targets = append(targets, LogTarget{Kind: AccessLogKind, Path: DefaultAccessLog})
	}
	return targets
}

// LogPlace is where a log target's lines go.
type LogPlace int

// The places a log target names.
const (
	// LogFile is a file (its name may still be relative).
	LogFile LogPlace = iota
	// LogOff logs nothing ("off", /dev/null).
	LogOff
	// LogStream is not a file that can be read back: stderr, syslog,
	// the memory buffer.
	LogStream
	// LogPerRequest is a file name made of variables.
	LogPerRequest
)

// Place says where the target's lines go.
func (t LogTarget) Place() LogPlace {
	p := t.Path
	switch {
	case p == "off" || p == "/dev/null":
		return LogOff
	case p == "stderr" || strings.HasPrefix(p, "syslog:") || strings.HasPrefix(p, "memory:") || p == "/dev/stderr" || p == "/dev/stdout":
		return LogStream
	case strings.Contains(p, "$"):
		return LogPerRequest
	}
	return LogFile
}

// LogPath is the file a log target of place LogFile writes to. Relative
// log paths are relative to nginx's prefix: the configuration directory
// with nginx -p DIR -c nginx.conf, Debian's /usr/share/nginx otherwise;
// the first that exists (else the first).
func (x *Site) LogPath(t LogTarget) string {
	p := t.Path
	if filepath.IsAbs(p) {
		return p
	}
	cands := []string{filepath.Join(x.Config.ConfDir, p), filepath.Join("/usr/share/nginx", p)}
	for _, c := range cands {
		if _, err := os.Stat(c); err == nil {
			return c
		}
	}
	return cands[0]
}
