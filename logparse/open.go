package logparse

import (
	"bufio"
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
	var r io.ReadCloser
	if name == "-" {
		r = io.NopCloser(stdin)
	} else {
		st, err := os.Stat(name)
		if err != nil {
			if errors.Is(err, os.ErrNotExist) {
				return nil, errors.New("no such file")
			}
			return nil, err
		}
		if st.IsDir() {
			return nil, errors.New("is a directory, not a log file")
		}
		// Regular files and pipes only, opened without waiting for a
		// writer; every read is time-bound.
		f, err := safefile.OpenStream(name)
		if err != nil {
			return nil, err
		}
		r = readCloser{safefile.Reader(f), f}
	}
	br := bufio.NewReaderSize(r, 64<<10)
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		gz, err := gzip.NewReader(br)
		if err != nil {
			r.Close()
			return nil, fmt.Errorf("bad gzip data: %v", err)
		}
		return readCloser{gz, r}, nil
	}
	return readCloser{br, r}, nil
}

type readCloser struct {
	io.Reader
	io.Closer
}
