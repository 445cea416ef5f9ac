//go:build unix

package certset

import (
	"io/fs"
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
