//go:build !unix

package certset

import (
	"io/fs"
	"os"
)

// idOf reports no identity on this platform.
func idOf(fs.FileInfo) (fileID, bool) { return fileID{}, false }

// openForRead opens a file for reading.
func openForRead(path string) (*os.File, error) { return os.Open(path) }
