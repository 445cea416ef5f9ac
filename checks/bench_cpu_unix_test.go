//go:build unix

package checks

import (
	"syscall"
	"time"
)

// cpuTime is the user+system CPU time of this process (self) or of its
// waited-for children: on a shared machine it says more than elapsed time,
// which other people's work stretches.
func cpuTime(children bool) time.Duration {
	who := syscall.RUSAGE_SELF
	if children {
		who = syscall.RUSAGE_CHILDREN
	}
	var ru syscall.Rusage
	if err := syscall.Getrusage(who, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
