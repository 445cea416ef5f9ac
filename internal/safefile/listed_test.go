package safefile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"time"
)

func TestReadListed(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "f")
	if err := os.WriteFile(p, []byte("hello"), 0o640); err != nil {
		t.Fatal(err)
	}
	l, err := ReadListed(p, 5)
	if err != nil || string(l.Data) != "hello" || l.TooLarge || l.ReadErr != nil {
		t.Fatalf("%+v %v", l, err)
	}
	want, _ := os.Stat(p)
	ws, ls := want.Sys().(*syscall.Stat_t), l.Info.Sys().(*syscall.Stat_t)
	if ws.Dev != ls.Dev || ws.Ino != ls.Ino || l.Info.Mode() != want.Mode() || l.Info.Size() != 5 || l.Info.Name() != "f" {
		t.Errorf("info %v %v, want %v", l.Info.Mode(), l.Info.Size(), want.Mode())
	}
	if l, err := ReadListed(p, 4); err != nil || !l.TooLarge || l.Size != 5 || l.Data != nil {
		t.Errorf("over the limit: %+v %v", l, err)
	}
	if _, err := ReadListed(filepath.Join(dir, "none"), 5); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing: %v", err)
	}
	// A file replaced by a named pipe after the listing is not read: its
	// type is returned, and nothing waits for a writer.
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	within(t, 5*time.Second, func() {
		l, err := ReadListed(fifo, 5)
		if err != nil || l.Info.Mode()&fs.ModeNamedPipe == 0 || l.Data != nil {
			t.Errorf("fifo: %+v %v", l, err)
		}
	})
	if runtime.GOOS == "linux" {
		if _, err := ReadListed("/proc/self/status", 1<<20); !errors.As(err, new(*RefusedError)) {
			t.Errorf("procfs: %v", err)
		}
	}
}
