package safefile

import (
	"fmt"
	"io/fs"
	"time"
)

// Listed is a file read by ReadListed.
type Listed struct {
	// Info is what the opened file is (fstat of it, not of the path).
	Info fs.FileInfo
	// Data is the content of a regular file of at most max bytes; nil
	// otherwise.
	Data []byte
	// TooLarge is set when the file has more than max bytes (Size of
	// them, at least); it was not read to its end.
	TooLarge bool
	Size     int64
	// ReadErr is a read that failed or timed out; Data is then nil.
	ReadErr error
}

// ReadListed opens and reads, at most max bytes, a file that a directory
// listing showed as a regular file. The type is checked on the opened
// file, so a file replaced by a pipe or device meanwhile is not read
// (Info says what it is). The whole open and read is bounded by
// ReadTimeout. The error is that of opening or statting it (a
// *fs.PathError, or a *RefusedError for the pseudo-files of the kernel).
//
// It is the fast way to read the many files of a directory walk: where
// the platform allows it (Linux), it costs one open, fstat, close and
// the reads, with no goroutine per read.
func ReadListed(path string, max int64) (*Listed, error) {
	type result struct {
		l   *Listed
		err error
	}
	ch := make(chan result, 1)
	go func() {
		l, err := readListed(path, max)
		ch <- result{l, err}
	}()
	timer := time.NewTimer(ReadTimeout)
	defer timer.Stop()
	select {
	case res := <-ch:
		return res.l, res.err
	case <-timer.C:
		// The read finishes in the background, into its own buffer.
		return nil, &fs.PathError{Op: "read", Path: path, Err: fmt.Errorf("%w after %v", ErrTimeout, ReadTimeout)}
	}
}
