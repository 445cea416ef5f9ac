package logparse

import (
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Follow reads the log at path as `tail -F` does and hands every complete
// line to emit (long: the line was longer than MaxLine, and text is empty;
// it is counted, not kept, so memory does not grow with a line). It
// returns when ctx ends or emit returns false.
//
// The file is followed from its size when Follow starts, or from its start
// when it does not exist yet. Changes are seen through inotify on the
// file's directory (a tick of a second is only a safety net for a queue
// overflow or a directory that cannot be watched), so nothing waits for a
// poll. Rotation is exact: when the name leads to another file (logrotate's
// rename and create, or delete and create), the old file is read to its end
// and kept open, read again on every change, until it has been quiet for
// retireAfter (nginx writes to it until it reopens its logs); the new file
// is read from its start. A file that shrinks (copytruncate) is read again
// from its start. A named pipe is streamed like standard input.
func Follow(ctx context.Context, path string, emit func(text string, long bool) bool) error {
	fl, err := StartFollow(path)
	if err != nil {
		return err
	}
	return fl.Run(ctx, emit)
}

// Follower is a log being followed; see Follow.
type Follower struct {
	path    string
	pipe    bool
	w       *fsnotify.Watcher
	emit    func(string, bool) bool
	cur     *followed
	retired []*followed
	buf     []byte
	// written are the other files of the directory created or written
	// lately, by path: where copytruncate's copy is.
	written map[string]time.Time
	// seen are the files of the directory whose lines are accounted for
	// (followed, retired, or copytruncate's copies), by when they were
	// last known so: a rotation missed in between is told from them.
	seen []seenFile
}

type seenFile struct {
	info fs.FileInfo
	at   time.Time
}

// maxSeen bounds Follower.seen.
const maxSeen = 256

// markSeen notes that the lines of the file info are accounted for.
func (fl *Follower) markSeen(info fs.FileInfo) {
	now := time.Now()
	kept := fl.seen[:0]
	for _, s := range fl.seen {
		if now.Sub(s.at) <= 2*retireAfter && !os.SameFile(s.info, info) {
			kept = append(kept, s)
		}
	}
	fl.seen = append(kept, seenFile{info, now})
	if len(fl.seen) > maxSeen {
		fl.seen = fl.seen[len(fl.seen)-maxSeen:]
	}
}

// known reports whether the lines of info are accounted for.
func (fl *Follower) known(info fs.FileInfo) bool {
	if fl.cur != nil && os.SameFile(fl.cur.info, info) {
		return true
	}
	for _, r := range fl.retired {
		if os.SameFile(r.info, info) {
			return true
		}
	}
	for _, s := range fl.seen {
		if os.SameFile(s.info, info) {
			return true
		}
	}
	return false
}

// noteEvent remembers the other files of the directory written lately.
func (fl *Follower) noteEvent(ev fsnotify.Event) {
	if ev.Name == fl.path || ev.Op&(fsnotify.Create|fsnotify.Write) == 0 {
		return
	}
	if fl.written == nil {
		fl.written = map[string]time.Time{}
	}
	now := time.Now()
	fl.written[ev.Name] = now
	for name, t := range fl.written {
		if now.Sub(t) > retireAfter {
			delete(fl.written, name)
		}
	}
}

// readCopy finds the copy of x that copytruncate made (the bytes x last
// read are at the same place in it) and reads it from x's position to its
// end: the lines written between the last read and the copy. It looks
// first among the files the directory's events said were written lately,
// then, since the truncation may be seen before the events of the copy
// arrive (a busy machine), among the directory's recently changed files.
func (fl *Follower) readCopy(x *followed) bool {
	if len(x.last) == 0 {
		return true
	}
	tried := map[string]bool{}
	recent := func() []string { own, other := fl.recentFiles(); return append(own, other...) }
	for _, names := range []func() []string{fl.writtenNames, recent} {
		for _, name := range names() {
			if tried[name] {
				continue
			}
			tried[name] = true
			if found, ok := fl.readCopyFrom(name, x); found {
				delete(fl.written, name)
				return ok
			}
		}
	}
	return true
}

func (fl *Follower) writtenNames() []string {
	names := make([]string, 0, len(fl.written))
	for name := range fl.written {
		names = append(names, name)
	}
	return names
}

// maxCopyCandidates bounds the files of the directory looked at for the
// copy: those changed within retireAfter, the log's own rotations
// (error.log.1, error.log-20250101) first.
const maxCopyCandidates = 64

// recentFiles lists the regular files of the log's directory changed
// within retireAfter, other than the log: the log's rotations (own, oldest
// change first), and the others, at most maxCopyCandidates in all.
func (fl *Follower) recentFiles() (own, other []string) {
	dir, base := filepath.Dir(fl.path), filepath.Base(fl.path)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil
	}
	now := time.Now()
	mtime := map[string]time.Time{}
	for _, e := range entries {
		if e.Name() == base || !e.Type().IsRegular() {
			continue
		}
		info, err := e.Info()
		if err != nil || now.Sub(info.ModTime()) > retireAfter {
			continue
		}
		name := filepath.Join(dir, e.Name())
		mtime[name] = info.ModTime()
		if strings.HasPrefix(e.Name(), base) {
			own = append(own, name)
		} else {
			other = append(other, name)
		}
	}
	slices.SortStableFunc(own, func(a, b string) int { return mtime[a].Compare(mtime[b]) })
	own = own[:min(len(own), maxCopyCandidates)]
	return own, other[:min(len(other), maxCopyCandidates-len(own))]
}

// compressed are the suffixes of rotated logs that are no text.
var compressed = []string{".gz", ".bz2", ".xz", ".zst", ".lz4", ".Z"}

// readMissed reads, from their start, the log's rotations changed lately
// that the follower never saw: when the name changed more than once
// between two drains (a busy machine, rotations close together), the file
// in between (created, written and rotated away meanwhile, or the copy
// copytruncate made of it) has lines no other file holds. next is the new
// file at the name.
func (fl *Follower) readMissed(next fs.FileInfo) bool {
	own, _ := fl.recentFiles()
	for _, name := range own {
		if slices.ContainsFunc(compressed, func(suf string) bool { return strings.HasSuffix(name, suf) }) {
			continue
		}
		f, err := os.Open(name)
		if err != nil {
			continue
		}
		st, err := f.Stat()
		if err != nil || !st.Mode().IsRegular() || os.SameFile(st, next) || fl.known(st) {
			f.Close()
			continue
		}
		fl.markSeen(st)
		_, ok := fl.read(&followed{f: f, info: st})
		f.Close()
		if !ok {
			return false
		}
	}
	return true
}

// readCopyFrom reads the file name from x's position to its end when it
// is x's copy (found).
func (fl *Follower) readCopyFrom(name string, x *followed) (found, ok bool) {
	f, err := os.Open(name)
	if err != nil {
		return false, true
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() || (x.info != nil && os.SameFile(st, x.info)) {
		return false, true
	}
	b := make([]byte, len(x.last))
	n, _ := f.ReadAt(b, x.pos-int64(len(b)))
	if n != len(b) || !bytes.Equal(b, x.last) {
		return false, true
	}
	if st, err := f.Stat(); err == nil {
		fl.markSeen(st)
	}
	c := &followed{f: f, pos: x.pos, partial: x.partial, long: x.long}
	_, ok = fl.read(c)
	return true, ok
}

// StartFollow opens path and notes where following starts (its size now),
// so that every line appended from then on is read by Run.
func StartFollow(path string) (*Follower, error) {
	fl := &Follower{path: path}
	st, err := os.Stat(path)
	if err == nil && st.Mode()&fs.ModeNamedPipe != 0 {
		fl.pipe = true
		return fl, nil
	}
	if fl.w, err = fsnotify.NewWatcher(); err != nil {
		return nil, err
	}
	_ = fl.w.Add(filepath.Dir(path)) // on failure the tick alone drives it
	if f, err := os.Open(path); err == nil {
		st, err := f.Stat()
		if err == nil && st.IsDir() {
			err = errors.New("is a directory, not a log file")
		}
		if err != nil {
			f.Close()
			fl.w.Close()
			return nil, err
		}
		fl.cur = &followed{f: f, info: st, pos: st.Size()}
	} else if !errors.Is(err, fs.ErrNotExist) {
		fl.w.Close()
		return nil, err
	}
	// Following starts now: the rotations already there are not news.
	own, _ := fl.recentFiles()
	for _, name := range own {
		if st, err := os.Stat(name); err == nil {
			fl.markSeen(st)
		}
	}
	return fl, nil
}

// Run follows until ctx ends or emit returns false.
func (fl *Follower) Run(ctx context.Context, emit func(text string, long bool) bool) error {
	if fl.pipe {
		return followPipe(ctx, fl.path, emit)
	}
	fl.emit = emit
	w := fl.w
	defer w.Close()
	defer fl.closeAll()
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for {
		if !fl.drain() {
			return nil
		}
		select {
		case <-ctx.Done():
			return nil
		case ev := <-w.Events:
			fl.noteEvent(ev)
		case <-w.Errors:
		case <-tick.C:
		}
		// Take the events queued meanwhile in the same drain.
		for more := true; more; {
			select {
			case ev := <-w.Events:
				fl.noteEvent(ev)
			default:
				more = false
			}
		}
	}
}

// retireAfter is how long a rotated-away file is still read after its
// last growth.
var retireAfter = 5 * time.Second

type followed struct {
	f       *os.File
	info    fs.FileInfo
	pos     int64
	partial []byte // the start of a line not yet ended
	long    bool   // the line being read is over MaxLine: dropped to its end
	grew    time.Time
	last    []byte // the last bytes read, ending at pos
}

// lastKept is how many of the last bytes read are kept to recognise the
// file: a file truncated and written again past pos before a drain (a
// busy log, a slow reader) no longer has them there.
const lastKept = 256

// rewritten reports whether x was truncated since it was last read: it is
// shorter than what was read, or the bytes just before pos are no longer
// those read there.
func (x *followed) rewritten() bool {
	st, err := x.f.Stat()
	if err != nil {
		return false
	}
	if st.Size() < x.pos {
		return true
	}
	if len(x.last) == 0 {
		return false
	}
	b := make([]byte, len(x.last))
	n, _ := x.f.ReadAt(b, x.pos-int64(len(x.last)))
	return n != len(b) || !bytes.Equal(b, x.last)
}

func (fl *Follower) closeAll() {
	if fl.cur != nil {
		fl.cur.f.Close()
	}
	for _, r := range fl.retired {
		r.f.Close()
	}
}

// drain reads every open file to its end and follows the name to a new
// file; false when emit asked to stop.
func (fl *Follower) drain() bool {
	for i := 0; i < len(fl.retired); i++ {
		r := fl.retired[i]
		n, ok := fl.read(r)
		if !ok {
			return false
		}
		if n == 0 && time.Since(r.grew) > retireAfter {
			fl.markSeen(r.info)
			r.f.Close()
			fl.retired = append(fl.retired[:i], fl.retired[i+1:]...)
			i--
		}
	}
	if fl.cur != nil {
		if fl.cur.rewritten() {
			// Truncated in place (copytruncate): what is there now is
			// new, and what was written after the last read is in the
			// copy.
			if !fl.readCopy(fl.cur) {
				return false
			}
			fl.cur.pos, fl.cur.partial, fl.cur.long, fl.cur.last = 0, nil, false, nil
		}
		if _, ok := fl.read(fl.cur); !ok {
			return false
		}
	}
	st, err := os.Stat(fl.path)
	if err != nil || st.IsDir() || (fl.cur != nil && os.SameFile(st, fl.cur.info)) {
		return true
	}
	// The name leads to another file: the old one is retired, the new one
	// read from its start.
	f, err := os.Open(fl.path)
	if err != nil {
		return true
	}
	fst, err := f.Stat()
	if err != nil || !os.SameFile(st, fst) {
		f.Close()
		return true // replaced again meanwhile: the next drain sees it
	}
	if !fl.readMissed(fst) {
		f.Close()
		return false
	}
	if fl.cur != nil {
		fl.cur.grew = time.Now()
		fl.retired = append(fl.retired, fl.cur)
	}
	fl.cur = &followed{f: f, info: fst, grew: time.Now()}
	_, ok := fl.read(fl.cur)
	return ok
}

// read reads x from its position to the end, emitting complete lines; it
// returns how many bytes it read.
func (fl *Follower) read(x *followed) (int64, bool) {
	if fl.buf == nil {
		fl.buf = make([]byte, BufSize)
	}
	var total int64
	for {
		n, err := x.f.ReadAt(fl.buf, x.pos)
		if n > 0 {
			total += int64(n)
			x.pos += int64(n)
			x.grew = time.Now()
			keep := fl.buf[max(0, n-lastKept):n]
			x.last = append(x.last[:0], x.last[max(0, len(x.last)+len(keep)-lastKept):]...)
			x.last = append(x.last, keep...)
			if !fl.lines(x, fl.buf[:n]) {
				return total, false
			}
		}
		if err != nil || n == 0 {
			return total, true // io.EOF, or an error the next drain meets again
		}
	}
}

// lines splits data into lines, keeping at most MaxLine bytes of an
// unfinished one.
func (fl *Follower) lines(x *followed, data []byte) bool {
	for len(data) > 0 {
		i := bytes.IndexByte(data, '\n')
		if i < 0 {
			if !x.long {
				if len(x.partial)+len(data) > MaxLine {
					x.long, x.partial = true, nil
				} else {
					x.partial = append(x.partial, data...)
				}
			}
			return true
		}
		chunk := data[:i]
		data = data[i+1:]
		if x.long || len(x.partial)+len(chunk) > MaxLine {
			x.long, x.partial = false, nil
			if !fl.emit("", true) {
				return false
			}
			continue
		}
		text := string(append(x.partial, chunk...))
		x.partial = x.partial[:0]
		if !fl.emit(text, false) {
			return false
		}
	}
	return true
}

// followPipe streams a named pipe. It is opened for reading and writing,
// so that the open does not wait for a writer and the stream does not end
// when one writer closes (tail -f on a pipe); without write permission it
// is opened read-only and ends with its last writer.
func followPipe(ctx context.Context, path string, emit func(string, bool) bool) error {
	f, err := os.OpenFile(path, os.O_RDWR|syscall.O_NONBLOCK, 0)
	if err != nil {
		if f, err = os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0); err != nil {
			return err
		}
	}
	stop := context.AfterFunc(ctx, func() { f.Close() })
	defer stop()
	defer f.Close()
	return StreamLines(f, emit)
}

// StreamLines reads r to its end, handing each line to emit like Follow
// (a line over MaxLine counted, not kept; a last line without a newline
// emitted too).
func StreamLines(r io.Reader, emit func(text string, long bool) bool) error {
	fl := &Follower{emit: emit}
	x := &followed{}
	buf := make([]byte, BufSize)
	for {
		n, err := r.Read(buf)
		if n > 0 && !fl.lines(x, buf[:n]) {
			return nil
		}
		if err != nil {
			switch {
			case x.long:
				emit("", true)
			case len(x.partial) > 0:
				emit(string(x.partial), false)
			}
			if errors.Is(err, io.EOF) || errors.Is(err, os.ErrClosed) {
				return nil
			}
			return err
		}
	}
}
