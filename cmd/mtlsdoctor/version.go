package main

import (
	"errors"
	"fmt"
	"runtime"
	"runtime/debug"
)

// version is set at build time with -ldflags "-X main.version=v1.2.3";
// otherwise the module version or VCS revision is used.
var version = ""

func runVersion(args []string, e env) int {
	if len(args) > 0 && args[0] != "--help" && args[0] != "-h" {
		return e.fail(errors.New("takes no arguments"))
	}
	fmt.Fprintf(e.stdout, "mtlsdoctor %s (%s)\n", currentVersion(), runtime.Version())
	return 0
}

func currentVersion() string {
	if version != "" {
		return version
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	rev, dirty := "", false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev == "" {
		return "devel"
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if dirty {
		rev += "-dirty"
	}
	return "devel-" + rev
}
