package logparse

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/mtlsdoctor/mtlsdoctor/internal/safefile"
)

// Open opens a log file for scanning, or standard input for "-",
// decompressing gzip (rotated logs, .gz) when the content starts with the
// gzip magic, whatever the name. Errors are short and name the cause.
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
		// writer. A pipe's reads are time-bound; a regular file's are
		// read straight into the scanner's buffer (on a real file
		// system, which OpenStream checks, they return what is there),
		// without the copy and the goroutine of a timed read.
		f, err := safefile.OpenStream(name)
		if err != nil {
			return nil, nil, err
		}
		r = readCloser{safefile.Reader(f), f}
		if fi, err := f.Stat(); err == nil && fi.Mode().IsRegular() {
			r, plain = f, f
		}
	}
	// The first two bytes tell gzip; they are read once and put back in
	// front, so that a plain log is then read without a buffer between.
	var magic [2]byte
	n, err := io.ReadFull(r, magic[:])
	head := io.MultiReader(bytes.NewReader(magic[:n]), r)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, io.ErrUnexpectedEOF) {
		head = io.MultiReader(bytes.NewReader(magic[:n]), errReader{err})
	}
	if n == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		gz, err := gzip.NewReader(bufio.NewReaderSize(head, 64<<10))
		if err != nil {
			r.Close()
			return nil, nil, fmt.Errorf("bad gzip data: %v", err)
		}
		return readCloser{gz, r}, nil, nil
	}
	return readCloser{head, r}, plain, nil
}

// errReader returns its error: a read error met while looking for the
// gzip magic, for the scanner to report after the bytes before it.
type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }

type readCloser struct {
	io.Reader
	io.Closer
}
