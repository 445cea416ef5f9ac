package logparse

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/internal/safefile"
)

// Open opens a log file for scanning, or standard input for "-",
// decompressing gzip (rotated logs, .gz) when the content starts with the
// gzip magic, whatever the name. Errors are short and name the cause.
// Every read of a file has a time bound (safefile.ReadTimeout); a plain
// regular file is read straight into the caller's buffer, which a read
// abandoned at its time bound may still fill: after an error, the caller
// must not read into that buffer again (the Scanner stops at the first).
func Open(name string, stdin io.Reader) (io.ReadCloser, error) {
	r, _, err := open(name, stdin)
	return r, err
}

// open is Open that also returns the file itself when it is a regular
// file that is not gzip (nil otherwise), for reading it in parts at once.
func open(name string, stdin io.Reader) (io.ReadCloser, *os.File, error) {
	var r io.ReadCloser
	var plain *os.File
	if name == "-" {
		r = io.NopCloser(stdin)
	} else {
		st, err := os.Stat(name)
		if err != nil {
			if errors.Is(err, os.ErrNotExist) {
				return nil, nil, errors.New("no such file")
			}
			return nil, nil, err
		}
		if st.IsDir() {
			return nil, nil, errors.New("is a directory, not a log file")
		}
		// Regular files and pipes only, opened without waiting for a
		// writer; every read is time-bound. A regular file's reads go
		// straight into the scanner's buffer, without the copy of
		// safefile.Reader.
		f, err := safefile.OpenStream(name)
		if err != nil {
			return nil, nil, err
		}
		r = readCloser{safefile.Reader(f), f}
		if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
			r, plain = readCloser{&directReader{r: f}, f}, f
		}
	}
	// The first two bytes tell gzip; they are read once and put back in
	// front, so that a plain log is then read without a buffer between.
	var magic [2]byte
	n, err := io.ReadFull(r, magic[:])
	rest := io.Reader(r)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, io.ErrUnexpectedEOF) {
		rest = errReader{err}
	}
	if n == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		if plain != nil {
			// bufio reuses its buffer after an error: reads that copy.
			rest = safefile.Reader(plain)
		}
		head := io.MultiReader(bytes.NewReader(magic[:n]), rest)
		gz, err := gzip.NewReader(bufio.NewReaderSize(head, 64<<10))
		if err != nil {
			r.Close()
			return nil, nil, fmt.Errorf("bad gzip data: %v", err)
		}
		return readCloser{gz, r}, nil, nil
	}
	return readCloser{io.MultiReader(bytes.NewReader(magic[:n]), rest), r}, plain, nil
}

// directReader bounds each Read by safefile.ReadTimeout, as
// safefile.Reader does, but reads into the caller's buffer: a read that
// times out is abandoned and may still write into that buffer later, so
// after an error the caller must not use it again. Every later Read fails.
type directReader struct {
	r   io.Reader
	err error
}

func (d *directReader) Read(p []byte) (int, error) {
	if d.err != nil {
		return 0, d.err
	}
	type result struct {
		n   int
		err error
	}
	ch := make(chan result, 1)
	go func() {
		n, err := d.r.Read(p)
		ch <- result{n, err}
	}()
	timer := time.NewTimer(safefile.ReadTimeout)
	defer timer.Stop()
	select {
	case res := <-ch:
		return res.n, res.err
	case <-timer.C:
		d.err = fmt.Errorf("%w after %v", safefile.ErrTimeout, safefile.ReadTimeout)
		return 0, d.err
	}
}

// errReader returns its error: a read error met while looking for the
// gzip magic, for the scanner to report after the bytes before it.
type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }

type readCloser struct {
	io.Reader
	io.Closer
}
