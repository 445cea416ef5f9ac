// Package safefile opens the files a user or a configuration names so
// that no read can hang mtlsdoctor or have a side effect: named pipes,
// devices, sockets and the pseudo-files of procfs and sysfs (/proc/kmsg
// is a "regular" file whose read blocks, and whose messages a read takes
// away from their real reader) are refused before they are opened, files
// are opened non-blocking, and every read has a time bound. Every
// path-reading site of mtlsdoctor goes through it, so the rule is kept in
// one place.
package safefile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
	"time"
)

// ReadTimeout bounds each read of a file opened here (a hung network
// file system, a FUSE file that never answers).
var ReadTimeout = 10 * time.Second

// RefusedError is a path that is not opened because reading it could
// block or disturb the system. Its text is the reason, without the path.
type RefusedError struct {
	Path   string
	Reason string
}

func (e *RefusedError) Error() string { return e.Reason }

// ErrTimeout is a read that did not return within ReadTimeout.
var ErrTimeout = errors.New("read timed out")

// Open opens path for reading once it has checked, from the path alone,
// that the read cannot block: a regular file or a directory, on a real
// file system. Standard input named by path (/dev/stdin) is allowed.
func Open(path string) (*os.File, error) {
	return open(path, false)
}

// OpenStream is Open that also accepts a named pipe, opened without
// waiting for a writer (with none, reads end at once). Use it where a
// pipe is a natural input: passphrase files, logs.
func OpenStream(path string) (*os.File, error) {
	return open(path, true)
}

func open(path string, pipeOK bool) (*os.File, error) {
	fi, err := os.Stat(path)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			pe.Op = "open" // what the caller asked for
		}
		return nil, err
	}
	if isStdin(fi) {
		return os.Open(path)
	}
	if err := check(path, fi, pipeOK); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK|syscall.O_NOCTTY, 0)
	if err != nil {
		return nil, err
	}
	got, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if !os.SameFile(fi, got) {
		f.Close()
		return nil, &RefusedError{path, "replaced while it was being opened"}
	}
	return f, nil
}

// Check says whether path may be read, without opening it: nil, or a
// *RefusedError (or the error of stat).
func Check(path string) error {
	fi, err := os.Stat(path)
	if err != nil {
		return err
	}
	if isStdin(fi) {
		return nil
	}
	return check(path, fi, false)
}

func check(path string, fi fs.FileInfo, pipeOK bool) error {
	m := fi.Mode()
	switch {
	case m&fs.ModeNamedPipe != 0 && !pipeOK:
		return &RefusedError{path, "a named pipe, not a file (a read could wait forever)"}
	case m&fs.ModeSocket != 0:
		return &RefusedError{path, "a socket, not a file"}
	case m&fs.ModeCharDevice != 0:
		return &RefusedError{path, "a character device, not a file"}
	case m&fs.ModeDevice != 0:
		return &RefusedError{path, "a block device, not a file"}
	}
	if name := pseudoFS(path); name != "" {
		return &RefusedError{path, "on " + name + ", not a real file (its reads may block or take data from the kernel)"}
	}
	return nil
}

func isStdin(fi fs.FileInfo) bool {
	in, err := os.Stdin.Stat()
	return err == nil && os.SameFile(fi, in)
}

// ReadFile reads path through Open, at most max bytes: more is an error
// naming the limit.
func ReadFile(path string, max int64) ([]byte, error) {
	f, err := Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return ReadAll(f, max)
}

// ReadAll reads r to its end through Reader, at most max bytes.
func ReadAll(r io.Reader, max int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(Reader(r), max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		clear(data)
		return nil, fmt.Errorf("larger than %d bytes", max)
	}
	return data, nil
}

// Reader returns r with each Read bounded by ReadTimeout. A Read that
// times out is abandoned (it finishes in the background into a buffer of
// its own) and every later Read fails with ErrTimeout.
func Reader(r io.Reader) io.Reader {
	return &timedReader{r: r}
}

type timedReader struct {
	r   io.Reader
	buf []byte
	err error
}

type readResult struct {
	n   int
	err error
}

func (t *timedReader) Read(p []byte) (int, error) {
	if t.err != nil {
		return 0, t.err
	}
	if cap(t.buf) < len(p) {
		t.buf = make([]byte, len(p))
	}
	buf := t.buf[:len(p)]
	ch := make(chan readResult, 1)
	go func() {
		n, err := t.r.Read(buf)
		ch <- readResult{n, err}
	}()
	timer := time.NewTimer(ReadTimeout)
	defer timer.Stop()
	select {
	case res := <-ch:
		copy(p, buf[:res.n])
		return res.n, res.err
	case <-timer.C:
		t.buf = nil // the abandoned read still owns it
		t.err = fmt.Errorf("%w after %v", ErrTimeout, ReadTimeout)
		return 0, t.err
	}
}
