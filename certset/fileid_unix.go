//go:build unix

package certset

import (
	"io/fs"
	"os"
	"syscall"
)

// idOf returns the identity of fi, when the platform provides one.
func idOf(fi fs.FileInfo) (fileID, bool) {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return fileID{}, false
	}
	return fileID{dev: uint64(st.Dev), ino: uint64(st.Ino)}, true
}

// openForRead opens a file without blocking on FIFOs or devices (their
// type is checked after the open).
func openForRead(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
