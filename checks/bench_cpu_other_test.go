//go:build !unix

package checks

import "time"

// cpuTime is not measured here; the benchmarks then report 0.
func cpuTime(children bool) time.Duration { return 0 }
