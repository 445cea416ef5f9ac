package safefile

import (
	"io/fs"
	"sync"
	"syscall"
	"time"
)

// readListed reads path with raw system calls: no stat of the path, no
// registration with the poller, the pseudo file system check done once
// per device.
func readListed(path string, max int64) (*Listed, error) {
	var fd int
	err := retry(func() (err error) {
		fd, err = syscall.Open(path, syscall.O_RDONLY|syscall.O_NONBLOCK|syscall.O_NOCTTY|syscall.O_CLOEXEC, 0)
		return err
	})
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	defer syscall.Close(fd)
	fi := &statInfo{name: basename(path)}
	if err := retry(func() error { return syscall.Fstat(fd, &fi.st) }); err != nil {
		return nil, &fs.PathError{Op: "stat", Path: path, Err: err}
	}
	if name := pseudoFSOf(fd, uint64(fi.st.Dev)); name != "" {
		return nil, &RefusedError{path, "on " + name + ", not a real file (its reads may block or take data from the kernel)"}
	}
	l := &Listed{Info: fi, Size: fi.st.Size}
	if !fi.Mode().IsRegular() {
		return l, nil
	}
	if fi.st.Size > max {
		l.TooLarge = true
		return l, nil
	}
	buf := make([]byte, 0, fi.st.Size+1)
	for {
		if len(buf) == cap(buf) {
			if int64(len(buf)) > max {
				clear(buf)
				l.TooLarge, l.Size = true, int64(len(buf))
				return l, nil
			}
			buf = append(buf, 0)[:len(buf)] // grown by append's rule
		}
		var n int
		err := retry(func() (err error) {
			n, err = syscall.Read(fd, buf[len(buf):cap(buf)])
			return err
		})
		if err != nil {
			clear(buf)
			l.ReadErr = &fs.PathError{Op: "read", Path: path, Err: err}
			return l, nil
		}
		if n == 0 {
			break
		}
		buf = buf[:len(buf)+n]
	}
	if int64(len(buf)) > max {
		clear(buf)
		l.TooLarge, l.Size = true, int64(len(buf))
		return l, nil
	}
	l.Data = buf
	return l, nil
}

func retry(f func() error) error {
	for {
		if err := f(); err != syscall.EINTR {
			return err
		}
	}
}

// fsKinds remembers, per device, which pseudo file system it is ("" for
// a real one): one statfs per file system rather than per file.
var fsKinds sync.Map

func pseudoFSOf(fd int, dev uint64) string {
	if v, ok := fsKinds.Load(dev); ok {
		return v.(string)
	}
	var st syscall.Statfs_t
	if err := retry(func() error { return syscall.Fstatfs(fd, &st) }); err != nil {
		return ""
	}
	name := pseudoFSMagic[int64(st.Type)]
	fsKinds.Store(dev, name)
	return name
}

// statInfo is the fs.FileInfo of a Stat_t, as os.Stat makes it.
type statInfo struct {
	name string
	st   syscall.Stat_t
}

func (s *statInfo) Name() string       { return s.name }
func (s *statInfo) Size() int64        { return s.st.Size }
func (s *statInfo) ModTime() time.Time { return time.Unix(s.st.Mtim.Unix()) }
func (s *statInfo) IsDir() bool        { return s.Mode().IsDir() }
func (s *statInfo) Sys() any           { return &s.st }

func (s *statInfo) Mode() fs.FileMode {
	m := fs.FileMode(s.st.Mode & 0o777)
	switch s.st.Mode & syscall.S_IFMT {
	case syscall.S_IFBLK:
		m |= fs.ModeDevice
	case syscall.S_IFCHR:
		m |= fs.ModeDevice | fs.ModeCharDevice
	case syscall.S_IFDIR:
		m |= fs.ModeDir
	case syscall.S_IFIFO:
		m |= fs.ModeNamedPipe
	case syscall.S_IFLNK:
		m |= fs.ModeSymlink
	case syscall.S_IFSOCK:
		m |= fs.ModeSocket
	}
	if s.st.Mode&syscall.S_ISGID != 0 {
		m |= fs.ModeSetgid
	}
	if s.st.Mode&syscall.S_ISUID != 0 {
		m |= fs.ModeSetuid
	}
	if s.st.Mode&syscall.S_ISVTX != 0 {
		m |= fs.ModeSticky
	}
	return m
}

func basename(path string) string {
	for i := len(path) - 1; i >= 0; i-- {
		if path[i] == '/' {
			return path[i+1:]
		}
	}
	return path
}
