//go:build !unix

package certset

import (
	"io/fs"
)

// idOf reports no identity on this platform.
func idOf(fs.FileInfo) (fileID, bool) { return fileID{}, false }
