package safefile

import (
	"errors"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// within fails the test when fn takes more than d: every refusal here is
// decided before anything could block.
func within(t *testing.T, d time.Duration, fn func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { fn(); close(done) }()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("still running after %v", d)
	}
}

func TestOpenRefusesWhatCouldBlock(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	sock := filepath.Join(dir, "sock")
	ln, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	cases := []struct{ path, want string }{
		{fifo, "a named pipe, not a file"},
		{sock, "a socket, not a file"},
		{"/dev/zero", "a character device, not a file"},
		{"/proc/kmsg", "on procfs, not a real file"},
		{"/proc/self/status", "on procfs, not a real file"},
		{"/proc/self/environ", "on procfs"},
		{"/sys/kernel/mm/transparent_hugepage/enabled", "on sysfs, not a real file"},
	}
	for _, c := range cases {
		if _, err := os.Stat(c.path); err != nil {
			if c.path == "/proc/kmsg" || strings.HasPrefix(c.path, "/sys/") {
				t.Logf("%s: %v; not on this machine", c.path, err)
				continue
			}
		}
		within(t, time.Second, func() {
			f, err := Open(c.path)
			var re *RefusedError
			if !errors.As(err, &re) || !strings.Contains(err.Error(), c.want) {
				if f != nil {
					f.Close()
				}
				t.Errorf("Open(%s) = %v, want a refusal %q", c.path, err, c.want)
			}
			if _, err := ReadFile(c.path, 100); err == nil {
				t.Errorf("ReadFile(%s) read it", c.path)
			}
			if c.path != fifo && Check(c.path) == nil {
				t.Errorf("Check(%s) = nil", c.path)
			}
		})
	}
}

func TestOpenStreamTakesAPipeWithoutWaiting(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	within(t, time.Second, func() {
		f, err := OpenStream(fifo)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		// No writer: the read ends at once.
		if b, err := io.ReadAll(f); err != nil || len(b) != 0 {
			t.Errorf("read %q, %v", b, err)
		}
	})
	// With a writer the lines come through.
	within(t, 2*time.Second, func() {
		f, err := OpenStream(fifo)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		w, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		go func() { w.WriteString("pw1\npw2\n"); w.Close() }()
		b, err := ReadAll(f, 100)
		if err != nil || string(b) != "pw1\npw2\n" {
			t.Errorf("read %q, %v", b, err)
		}
	})
}

func TestReadFileRegular(t *testing.T) {
	p := filepath.Join(t.TempDir(), "f")
	if err := os.WriteFile(p, []byte("hello"), 0o600); err != nil {
		t.Fatal(err)
	}
	if b, err := ReadFile(p, 5); err != nil || string(b) != "hello" {
		t.Fatalf("%q %v", b, err)
	}
	if _, err := ReadFile(p, 4); err == nil || !strings.Contains(err.Error(), "larger than 4 bytes") {
		t.Fatalf("over the limit: %v", err)
	}
}

func TestReaderTimesOut(t *testing.T) {
	old := ReadTimeout
	ReadTimeout = 100 * time.Millisecond
	defer func() { ReadTimeout = old }()
	r, w := io.Pipe()
	defer w.Close()
	within(t, time.Second, func() {
		_, err := ReadAll(r, 10)
		if !errors.Is(err, ErrTimeout) {
			t.Errorf("err %v, want a timeout", err)
		}
	})
}
