package nginxtest

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// absPath makes p absolute for nginx.conf and curl, which run elsewhere.
func absPath(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}

// readFile is p's content, or why it could not be read, for failure messages.
func readFile(p string) string {
	b, err := os.ReadFile(p)
	if err != nil {
		return fmt.Sprintf("(%v)\n", err)
	}
	return string(b)
}

// fileSize is where p ends now (0 when it does not exist yet), so that a
// later read takes only the lines written after it.
func fileSize(p string) int64 {
	fi, err := os.Stat(p)
	if err != nil {
		return 0
	}
	return fi.Size()
}

// linesFrom returns the complete lines of p from byte offset off on.
func linesFrom(p string, off int64) []string {
	f, err := os.Open(p)
	if err != nil {
		return nil
	}
	defer f.Close()
	if _, err := f.Seek(off, io.SeekStart); err != nil {
		return nil
	}
	var out []string
	r := bufio.NewReader(f)
	for {
		l, err := r.ReadString('\n')
		if err != nil {
			// EOF (an unterminated last line is still being written and
			// is left for the next read) or a read error.
			return out
		}
		out = append(out, strings.TrimRight(l, "\r\n"))
	}
}

// tail returns the last n lines of p.
func tail(p string, n int) string {
	ls := linesFrom(p, 0)
	if len(ls) == 0 {
		if _, err := os.Stat(p); errors.Is(err, os.ErrNotExist) {
			return "(not written: nginx stopped before opening it; see its stderr)\n"
		} else if err != nil {
			return fmt.Sprintf("(%v)\n", err)
		}
		return "(empty)\n"
	}
	if len(ls) > n {
		ls = ls[len(ls)-n:]
	}
	return strings.Join(ls, "\n") + "\n"
}
