package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

const benchLogSize = 256 << 20

// benchLog writes (once) a 256 MiB nginx error log in which about 6% of
// the lines are mTLS lines as nginx writes them, the rest ordinary
// error-log traffic, and returns its path.
func benchLog(b *testing.B) string {
	b.Helper()
	path := filepath.Join(os.TempDir(), "mtlsdoctor-bench-error-256m.log")
	if st, err := os.Stat(path); err == nil && st.Size() >= benchLogSize {
		return path
	}
	f, err := os.Create(path + ".tmp")
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	filler := []string{
		`[error] 2817#2817: *%d open() "/usr/share/nginx/html/favicon.ico" failed (2: No such file or directory), client: 10.1.%d.%d, server: example.com, request: "GET /favicon.ico HTTP/1.1", host: "example.com"`,
		`[info] 2817#2817: *%d client 10.1.%d.%d closed keepalive connection`,
		`[error] 2817#2817: *%d upstream timed out (110: Connection timed out) while reading response header from upstream, client: 10.1.%d.%d, server: example.com, request: "GET /api/v1/items HTTP/1.1", upstream: "http://127.0.0.1:8080/api/v1/items", host: "example.com"`,
		`[warn] 2817#2817: *%d an upstream response is buffered to a temporary file /var/cache/nginx/proxy_temp/1/00/0000000001 while reading upstream, client: 10.1.%d.%d, server: example.com`,
		`[info] 2817#2817: *%d recv() failed (104: Connection reset by peer) while waiting for request, client: 10.1.%d.%d, server: 0.0.0.0:443`,
	}
	mtls := []string{
		`[info] 2817#2817: *%d client SSL certificate verify error: (68:CA signature digest algorithm too weak) while reading client request headers, client: 10.2.%d.%d, server: api.example.com, request: "GET / HTTP/1.1", host: "api.example.com"`,
		`[info] 2817#2817: *%d client SSL certificate verify error: (10:certificate has expired) while reading client request headers, client: 10.2.%d.%d, server: api.example.com, request: "GET / HTTP/1.1", host: "api.example.com"`,
		`[info] 2817#2817: *%d client sent no required SSL certificate while reading client request headers, client: 10.2.%d.%d, server: api.example.com, request: "GET / HTTP/1.1", host: "api.example.com"`,
		`[info] 2817#2817: *%d SSL_do_handshake() failed (SSL: error:0A000418:SSL routines::tlsv1 alert unknown ca:SSL alert number 48) while SSL handshaking, client: 10.2.%d.%d, server: 0.0.0.0:443`,
	}
	written := 0
	for i := 0; written < benchLogSize; i++ {
		ts := fmt.Sprintf("2026/11/%02d %02d:%02d:%02d ", 1+i/3000000%28, i/100000%24, i/1000%60, i%60)
		var line string
		if i%50 < 3 { // 6%
			line = fmt.Sprintf(mtls[i%len(mtls)], i, i%250, i/250%250)
		} else {
			line = fmt.Sprintf(filler[i%len(filler)], i, i%250, i/250%250)
		}
		n, _ := w.WriteString(ts + line + "\n")
		written += n
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	f.Close()
	if err := os.Rename(path+".tmp", path); err != nil {
		b.Fatal(err)
	}
	return path
}

// benchBinary builds the real command once.
func benchBinary(b *testing.B) string {
	b.Helper()
	bin := filepath.Join(b.TempDir(), "mtlsdoctor")
	// Built as the README installs it: static, without the C library.
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

func runMeasured(b *testing.B, name string, args ...string) {
	b.Helper()
	var maxRSS int64
	var cpu time.Duration
	for b.Loop() {
		cmd := exec.Command(name, args...)
		// A pipe, not /dev/null: GNU grep stops at the first match when its
		// output is /dev/null, which would make the baseline meaningless.
		cmd.Stdout, cmd.Stderr = io.Discard, io.Discard
		err := cmd.Run()
		if _, ok := err.(*exec.ExitError); err != nil && !ok {
			b.Fatal(err)
		}
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok && ru.Maxrss > maxRSS {
			maxRSS = ru.Maxrss
		}
		cpu += cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	}
	b.ReportMetric(float64(maxRSS)/1024, "peak-RSS-MiB")
	// user+system CPU time of the child: steadier than elapsed time on a
	// shared machine.
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
	b.SetBytes(benchLogSize)
}

// BenchmarkLogs256M runs `mtlsdoctor logs --format json` on the 256 MiB
// log; BenchmarkGrep256M runs the reference command on the same
// file. Bound: the first at most 2.0x the second, peak RSS <= 64 MiB.
// scripts/bench.sh prints the ratio.
func BenchmarkLogs256M(b *testing.B) {
	log := benchLog(b)
	bin := benchBinary(b)
	runMeasured(b, bin, "logs", "--format", "json", log)
}

func BenchmarkGrep256M(b *testing.B) {
	log := benchLog(b)
	b.Setenv("LC_ALL", "C")
	runMeasured(b, "grep", "-c", "SSL certificate verify error", log)
}

// BenchmarkGrepSSL256M runs issue 10's reference, `LC_ALL=C grep -c SSL`,
// on the same file. Bound: BenchmarkLogs256M at most 1.5x it.
func BenchmarkGrepSSL256M(b *testing.B) {
	log := benchLog(b)
	b.Setenv("LC_ALL", "C")
	runMeasured(b, "grep", "-c", "SSL", log)
}
