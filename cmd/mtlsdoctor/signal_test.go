package main

import (
	"bytes"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/pem"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// outcome is how a run of the real binary ended, measured from outside.
type outcome struct {
	code           int
	wall           time.Duration // from start, or from the signal when one was sent
	cpu            time.Duration // user + system
	maxRSSKB       int64
	stdout, stderr string
}

// runBinary runs mtlsdoctor with args in dir; when sig is not nil it is
// sent after delay and wall is measured from then. stdin, when nil, is a
// pipe nobody writes to and nobody closes: a read of it blocks.
//
// On a loaded machine the signal may come before the program listens for
// it (the Go runtime then ends it at once, without output): that run is
// made again with twice the delay, up to three times.
func runBinary(t *testing.T, dir string, stdin io.Reader, sig os.Signal, delay time.Duration, args ...string) outcome {
	t.Helper()
	return runBinaryAfter(t, dir, stdin, sig, delay, "", args...)
}

// runBinaryWhileReading is runBinary with the signal sent as soon as the
// process has the file path open (it listens for signals from its start,
// before it opens any file), whatever the machine's load.
func runBinaryWhileReading(t *testing.T, dir string, sig os.Signal, path string, args ...string) outcome {
	t.Helper()
	return runBinaryAfter(t, dir, nil, sig, 0, path, args...)
}

func runBinaryAfter(t *testing.T, dir string, stdin io.Reader, sig os.Signal, delay time.Duration, open string, args ...string) outcome {
	t.Helper()
	for try := 0; ; try++ {
		o, early := runBinaryOnce(t, dir, stdin, sig, delay, open, args...)
		if !early || try == 2 {
			return o
		}
		t.Logf("%v: %v came before the program listened for it; again with a delay of %v", args, sig, 2*delay)
		delay *= 2
	}
}

// runBinaryOnce is one run of runBinary; early is set when the signal
// ended the process by its default action, before it listened for it.
// hangAfter is when a run counts as hung. Tests that bound a run's time
// check it themselves; this only ends a run that would never end, and is
// generous because CI runs the test packages side by side on two cores.
const hangAfter = 60 * time.Second

func runBinaryOnce(t *testing.T, dir string, stdin io.Reader, sig os.Signal, delay time.Duration, open string, args ...string) (o outcome, early bool) {
	t.Helper()
	cmd := exec.Command(mtlsdoctorBin(t), args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "NO_COLOR=1", "COLUMNS=1000")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if stdin == nil {
		r, w, err := os.Pipe()
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { w.Close() })
		defer r.Close()
		cmd.Stdin = r
	} else {
		cmd.Stdin = stdin
	}
	start := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan struct{})
	go func() { _ = cmd.Wait(); close(exited) }()
	hwm := watchPeakRSS(cmd.Process.Pid, exited)
	if sig != nil {
		ready := time.After(delay)
		if open != "" {
			ready = whenOpen(cmd.Process.Pid, open, exited)
		}
		select {
		case <-exited:
			t.Fatalf("%v exited before the signal:\n%s%s", args, stdout.String(), stderr.String())
		case <-ready:
		}
		start = time.Now()
		if err := cmd.Process.Signal(sig); err != nil {
			t.Fatal(err)
		}
	}
	select {
	case <-exited:
	case <-time.After(hangAfter):
		_ = cmd.Process.Kill()
		<-exited
		t.Fatalf("%v still running after %v", args, hangAfter)
	}
	o = outcome{code: cmd.ProcessState.ExitCode(), wall: time.Since(start), stdout: stdout.String(), stderr: stderr.String()}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		o.cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	o.maxRSSKB = <-hwm
	if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); ok && sig != nil && ws.Signaled() && ws.Signal() == sig && o.stdout == "" && o.stderr == "" {
		early = true
	}
	return o, early
}

// whenOpen fires once process pid has path open (read from /proc every
// millisecond), or never if it exits first.
func whenOpen(pid int, path string, exited <-chan struct{}) <-chan time.Time {
	out := make(chan time.Time, 1)
	fds := "/proc/" + strconv.Itoa(pid) + "/fd"
	go func() {
		for {
			entries, _ := os.ReadDir(fds)
			for _, e := range entries {
				if target, err := os.Readlink(filepath.Join(fds, e.Name())); err == nil && target == path {
					out <- time.Now()
					return
				}
			}
			select {
			case <-exited:
				return
			case <-time.After(time.Millisecond):
			}
		}
	}()
	return out
}

// watchPeakRSS reads the process's peak resident set (VmHWM) every
// couple of milliseconds until exited is closed, and sends the last value
// read. The rusage of a child is no measure here: Go starts children with
// vfork, and Linux carries the parent's peak into the child's maxrss at
// exec, so every child would seem as large as the test process.
func watchPeakRSS(pid int, exited <-chan struct{}) <-chan int64 {
	out := make(chan int64, 1)
	go func() {
		var peak int64
		for {
			if kb := peakRSSKB(pid); kb > peak {
				peak = kb
			}
			select {
			case <-exited:
				out <- peak
				return
			case <-time.After(2 * time.Millisecond):
			}
		}
	}()
	return out
}

// peakRSSKB is VmHWM of a running process in KB (0 once it has gone).
func peakRSSKB(pid int) int64 {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			n, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return n
		}
	}
	return 0
}

// slowKeyPEM is an encrypted PKCS#8 key whose PBKDF2 count is just under
// the limit: each passphrase attempt costs about a second and a half.
func slowKeyPEM(t *testing.T) []byte {
	mar := func(v any) []byte {
		b, err := asn1.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	oid := func(s ...int) asn1.ObjectIdentifier { return asn1.ObjectIdentifier(s) }
	kdf := struct {
		Salt       []byte
		Iterations int
	}{[]byte("saltsalt"), 9_999_999}
	params := struct{ KDF, Enc pkix.AlgorithmIdentifier }{
		pkix.AlgorithmIdentifier{Algorithm: oid(1, 2, 840, 113549, 1, 5, 12), Parameters: asn1.RawValue{FullBytes: mar(kdf)}},
		pkix.AlgorithmIdentifier{Algorithm: oid(2, 16, 840, 1, 101, 3, 4, 1, 42), Parameters: asn1.RawValue{FullBytes: mar(make([]byte, 16))}},
	}
	epki := struct {
		Alg  pkix.AlgorithmIdentifier
		Data []byte
	}{pkix.AlgorithmIdentifier{Algorithm: oid(1, 2, 840, 113549, 1, 5, 13), Parameters: asn1.RawValue{FullBytes: mar(params)}}, make([]byte, 64)}
	return pem.EncodeToMemory(&pem.Block{Type: "ENCRYPTED PRIVATE KEY", Bytes: mar(epki)})
}

// Every command stops within a second of Ctrl-C or SIGTERM, whatever it is
// waiting for: a read of standard input, a silent server, key derivation.
func TestSignalStopsEveryCommand(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "slow.key"), slowKeyPEM(t), 0o600); err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() { // accepts and never answers
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			defer c.Close()
		}
	}()
	cases := []struct {
		name string
		sig  os.Signal
		args []string
	}{
		{"certs reading --passin stdin", os.Interrupt, []string{"certs", "--passin", "stdin", "slow.key"}},
		{"certs deriving a key", syscall.SIGTERM, []string{"certs", "--passin", "pass:a", "--passin", "pass:b", "--passin", "pass:c", "slow.key"}},
		{"probe --cert deriving a key", os.Interrupt, []string{"probe", "--cert", "slow.key", "--passin", "pass:a", "--passin", "pass:b", ln.Addr().String()}},
		{"probe of a silent server", syscall.SIGTERM, []string{"probe", "--timeout", "60s", ln.Addr().String()}},
		{"logs on standard input", os.Interrupt, []string{"logs", "-"}},
		{"nginx on standard input", syscall.SIGTERM, []string{"nginx", "-"}},
		{"doctor deriving a key", os.Interrupt, []string{"doctor", "--no-probe", "--no-logs", "nginx.conf"}},
	}
	if err := os.WriteFile(filepath.Join(dir, "nginx.conf"), []byte("events {}\nhttp { server { listen 443 ssl; ssl_verify_client on; ssl_client_certificate slow.key; ssl_certificate slow.key; ssl_certificate_key slow.key; ssl_password_file pw.txt; } }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "pw.txt"), []byte("a\nb\nc\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := runBinary(t, dir, nil, c.sig, 300*time.Millisecond, c.args...)
			if o.wall > time.Second {
				t.Errorf("exited %v after the signal, want within a second\n%s%s", o.wall, o.stdout, o.stderr)
			}
			if o.code == 0 {
				t.Errorf("exit 0 after an interruption\n%s%s", o.stdout, o.stderr)
			}
			if !strings.Contains(o.stderr+o.stdout, "interrupted") && o.code == 2 {
				t.Errorf("exit 2 without saying it was interrupted:\n%s%s", o.stdout, o.stderr)
			}
			// A key derivation is abandoned, and the report written
			// without it, marked incomplete.
			if c.name == "certs deriving a key" && (!strings.Contains(o.stdout, "slow.key is locked: interrupted before its key was derived") ||
				!strings.Contains(o.stderr, "interrupted; the report above is incomplete")) {
				t.Errorf("no partial report:\n%s%s", o.stdout, o.stderr)
			}
		})
	}
}
