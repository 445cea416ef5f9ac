//go:build !linux

package safefile

import "io"

// readListed reads path through Open.
func readListed(path string, max int64) (*Listed, error) {
	f, err := Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	l := &Listed{Info: fi, Size: fi.Size()}
	if !fi.Mode().IsRegular() {
		return l, nil
	}
	if fi.Size() > max {
		l.TooLarge = true
		return l, nil
	}
	data, err := io.ReadAll(io.LimitReader(Reader(f), max+1))
	if err != nil {
		clear(data)
		l.ReadErr = err
		return l, nil
	}
	if int64(len(data)) > max {
		clear(data)
		l.TooLarge, l.Size = true, int64(len(data))
		return l, nil
	}
	l.Data = data
	return l, nil
}
