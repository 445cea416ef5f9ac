//go:build !linux

package safefile

// pseudoFS names the pseudo file system path is on; only Linux is
// checked.
func pseudoFS(path string) string { return "" }
