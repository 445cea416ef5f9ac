package certset

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"syscall"

	"github.com/mtlsdoctor/mtlsdoctor/internal/safefile"
)

// fileID identifies a file or directory independently of the path that
// reached it: device and inode number, or, on platforms without them, the
// resolved absolute path.
type fileID struct {
	dev, ino uint64
	path     string
}

// identity returns the fileID of the file at path, whose FileInfo (after
// following symlinks) is fi.
func identity(path string, fi fs.FileInfo) fileID {
	if id, ok := idOf(fi); ok {
		return id
	}
	if real, err := filepath.EvalSymlinks(path); err == nil {
		path = real
	}
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	return fileID{path: path}
}

// Load reads every file under paths (files, or directories walked
// recursively) and returns what they hold.
//
// Walking: symbolic links are followed; a directory already being walked
// (a link to an ancestor) is a Problem of Kind "loop", a directory already
// walked by another route is skipped silently. Directories whose name
// starts with "." (.git, Kubernetes' ..data) are not descended into unless
// given as a path. A path that does not exist is a Problem "missing", a
// directory holding no regular file a Problem "empty", a file that cannot
// be opened a Problem "permission". A file reached under several names
// (hard links, symlinks) is read once: its certificates list every name,
// its keys, CRLs and problems carry the first name in sorted order.
//
// Reading: files larger than opts.MaxFileSize are not read (Problem
// "too-large"). Content decides the format, never the name: PEM (any
// number of blocks, text around them), DER, PKCS#7 and PKCS#12. Content
// that is none of these is a Problem "unreadable" when it plainly meant to
// be (a -----BEGIN line, a DER structure of a known shape) or when the
// name ends in .crt .cer .pem .der .key .p12 .pfx .crl .csr .p7b .p7c or
// .p8; anything else (notes, configuration, passphrase files) is ignored,
// but counted in Set.Files. A PEM file with good and broken blocks yields
// the good ones and a Problem for each broken one.
//
// Files are parsed in parallel (GOMAXPROCS workers); the result is sorted
// by path and does not depend on scheduling. Private keys are reduced to
// their public half as soon as they are parsed.
//
// Load returns an error only when called wrongly (no paths, a negative
// MaxFileSize); everything about the files is in Set.Problems, and callers
// decide whether what is left is usable.
func Load(paths []string, opts Options) (*Set, error) {
	if len(paths) == 0 {
		return nil, errors.New("certset.Load: no paths")
	}
	if opts.MaxFileSize < 0 {
		return nil, fmt.Errorf("certset.Load: negative MaxFileSize %d", opts.MaxFileSize)
	}
	opts.Budget = budgetOf(opts) // one budget for every file of the load
	l := &loader{opts: opts, max: opts.MaxFileSize, claimed: map[fileID]bool{}}
	if l.max == 0 {
		l.max = DefaultMaxFileSize
	}
	workers := runtime.GOMAXPROCS(0)
	jobs := make(chan job, 8*workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var local []*fileResult
			for j := range jobs {
				local = append(local, l.file(j))
			}
			l.mu.Lock()
			l.results = append(l.results, local...)
			l.mu.Unlock()
		}()
	}
	w := &walker{jobs: jobs, visited: map[fileID]bool{}, queued: map[string]bool{}}
	for _, p := range paths {
		w.root(p)
	}
	close(jobs)
	wg.Wait()
	return l.merge(w.problems), nil
}

type job struct {
	path     string
	explicit bool // given as a path, not found in a directory
}

// fileResult is one path's outcome.
type fileResult struct {
	path  string
	id    fileID
	hasID bool
	alias bool // the same file was claimed under another path
	skip  bool // not a regular file, found while walking: ignored
	mode  fs.FileMode
	res   *parsed
	prob  *Problem
}

type loader struct {
	opts    Options
	max     int64
	mu      sync.Mutex
	claimed map[fileID]bool
	results []*fileResult
}

// file opens, bounds, reads and parses one file.
func (l *loader) file(j job) *fileResult {
	if !j.explicit {
		return l.listed(j)
	}
	r := &fileResult{path: j.path}
	f, err := safefile.Open(j.path)
	if err != nil {
		r.prob = openProblem(j.path, err)
		return r
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		r.prob = &Problem{Path: j.path, Kind: "unreadable", Err: errText(err)}
		return r
	}
	if !fi.Mode().IsRegular() {
		if j.explicit {
			r.prob = &Problem{Path: j.path, Kind: "unreadable", Err: "not a regular file (" + typeName(fi.Mode()) + ")"}
		} else {
			r.skip = true
		}
		return r
	}
	r.id, r.hasID = identity(j.path, fi), true
	r.mode = fi.Mode().Perm()
	l.mu.Lock()
	r.alias = l.claimed[r.id]
	l.claimed[r.id] = true
	l.mu.Unlock()
	if r.alias {
		return r
	}
	if fi.Size() > l.max {
		r.prob = tooLarge(j.path, fi.Size(), l.max)
		return r
	}
	var buf bytes.Buffer
	buf.Grow(int(min(fi.Size(), l.max)) + 1)
	if _, err := buf.ReadFrom(io.LimitReader(safefile.Reader(f), l.max+1)); err != nil {
		r.prob = &Problem{Path: j.path, Kind: "unreadable", Err: "read: " + errText(err)}
		return r
	}
	data := buf.Bytes()
	if int64(len(data)) > l.max {
		clear(data)
		r.prob = tooLarge(j.path, int64(len(data)), l.max)
		return r
	}
	r.res = parseContentWith(data, l.opts, false)
	if r.res.hasKey {
		clear(data) // private key material: do not leave it to the GC
	}
	return r
}

// listed is file for a path a directory listing showed as a regular
// file: one open, fstat and read, the type checked on the opened file.
func (l *loader) listed(j job) *fileResult {
	r := &fileResult{path: j.path}
	got, err := safefile.ReadListed(j.path, l.max)
	switch {
	case errors.Is(err, safefile.ErrTimeout):
		r.prob = &Problem{Path: j.path, Kind: "unreadable", Err: "read: " + errText(err)}
		return r
	case err != nil:
		r.prob = openProblem(j.path, err)
		return r
	}
	data := got.Data
	if !got.Info.Mode().IsRegular() {
		r.skip = true // replaced since it was listed
		return r
	}
	r.id, r.hasID = identity(j.path, got.Info), true
	r.mode = got.Info.Mode().Perm()
	l.mu.Lock()
	r.alias = l.claimed[r.id]
	l.claimed[r.id] = true
	l.mu.Unlock()
	switch {
	case r.alias:
		clear(data)
	case got.TooLarge:
		r.prob = tooLarge(j.path, got.Size, l.max)
	case got.ReadErr != nil:
		r.prob = &Problem{Path: j.path, Kind: "unreadable", Err: "read: " + errText(got.ReadErr)}
	default:
		r.res = parseContentWith(data, l.opts, false)
		if r.res.hasKey {
			clear(data) // private key material: do not leave it to the GC
		}
	}
	return r
}

func tooLarge(path string, size, max int64) *Problem {
	return &Problem{Path: path, Kind: "too-large", Err: fmt.Sprintf("%d bytes, more than the %d-byte limit; not read", size, max)}
}

func typeName(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "named pipe"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeCharDevice != 0:
		return "character device"
	case m&fs.ModeDevice != 0:
		return "device"
	case m.IsDir():
		return "directory"
	}
	return "special file"
}

// errText is the cause of a file system error without the path (Problem
// carries the path).
func errText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// openProblem classifies a failure to stat or open path.
func openProblem(path string, err error) *Problem {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		if _, lerr := os.Lstat(path); lerr == nil {
			return &Problem{Path: path, Kind: "missing", Err: "dangling symbolic link (its target does not exist)"}
		}
		return &Problem{Path: path, Kind: "missing", Err: "no such file or directory"}
	case errors.Is(err, fs.ErrPermission):
		return &Problem{Path: path, Kind: "permission", Err: "permission denied"}
	case errors.As(err, new(*safefile.RefusedError)):
		return &Problem{Path: path, Kind: "unreadable", Err: err.Error()}
	case errors.Is(err, syscall.ELOOP):
		return &Problem{Path: path, Kind: "loop", Err: "symbolic link loop (too many levels of symbolic links)"}
	}
	return &Problem{Path: path, Kind: "unreadable", Err: errText(err)}
}

// walker turns the paths given into jobs, depth first, in sorted order.
type walker struct {
	jobs      chan<- job
	visited   map[fileID]bool
	stack     []fileID
	stackPath []string
	queued    map[string]bool
	hidden    int
	problems  []Problem
}

func (w *walker) queue(path string, explicit bool) {
	if w.queued[path] {
		return
	}
	w.queued[path] = true
	w.jobs <- job{path: path, explicit: explicit}
}

func (w *walker) root(path string) {
	fi, err := os.Stat(path)
	if err != nil {
		w.problems = append(w.problems, *openProblem(path, err))
		return
	}
	switch {
	case fi.IsDir():
		hidden := w.hidden
		n, revisit := w.dir(path, fi)
		if n == 0 && !revisit {
			msg := "no regular files in it"
			if w.hidden > hidden {
				msg += " (directories whose name starts with \".\" are not searched)"
			}
			w.problems = append(w.problems, Problem{Path: path, Kind: "empty", Err: msg})
		}
	case fi.Mode().IsRegular():
		w.queue(path, true)
	default:
		w.problems = append(w.problems, Problem{Path: path, Kind: "unreadable", Err: "not a regular file (" + typeName(fi.Mode()) + ")"})
	}
}

// dir walks one directory and returns how many regular files it holds
// (recursively), and whether it was skipped as a loop or revisit.
func (w *walker) dir(path string, fi fs.FileInfo) (files int, skipped bool) {
	id := identity(path, fi)
	if i := slices.Index(w.stack, id); i >= 0 {
		w.problems = append(w.problems, Problem{Path: path, Kind: "loop",
			Err: fmt.Sprintf("symbolic link loop: leads back to %s, which contains it; not followed", w.stackPath[i])})
		return 0, true
	}
	if w.visited[id] {
		return 0, true
	}
	if err := safefile.Check(path); err != nil {
		w.problems = append(w.problems, *openProblem(path, err))
		return 0, true
	}
	w.visited[id] = true
	w.stack = append(w.stack, id)
	w.stackPath = append(w.stackPath, path)
	defer func() {
		w.stack = w.stack[:len(w.stack)-1]
		w.stackPath = w.stackPath[:len(w.stackPath)-1]
	}()
	entries, err := os.ReadDir(path)
	if err != nil {
		p := openProblem(path, err)
		w.problems = append(w.problems, *p)
	}
	for _, e := range entries {
		name := e.Name()
		p := filepath.Join(path, name)
		// A link is followed: what it leads to counts.
		t, info := e.Type(), fs.FileInfo(nil)
		if t&fs.ModeSymlink != 0 {
			st, err := os.Stat(p)
			if err != nil {
				w.problems = append(w.problems, *openProblem(p, err))
				continue
			}
			t, info = st.Mode().Type(), st
		}
		switch {
		case t.IsDir():
			if strings.HasPrefix(name, ".") {
				w.hidden++
				continue
			}
			if info == nil {
				var err error
				if info, err = e.Info(); err != nil {
					if !errors.Is(err, fs.ErrNotExist) { // else removed meanwhile
						w.problems = append(w.problems, *openProblem(p, err)) // e.g. a path longer than PATH_MAX
					}
					continue
				}
			}
			n, _ := w.dir(p, info)
			files += n
		case t.IsRegular():
			w.queue(p, false)
			files++
		}
	}
	return files, false
}

// merge builds the Set from the per-path results, in path order.
func (l *loader) merge(walkProblems []Problem) *Set {
	rs := l.results
	sort.Slice(rs, func(i, j int) bool { return rs[i].path < rs[j].path })
	names := map[fileID][]string{}
	owner := map[fileID]*fileResult{}
	for _, r := range rs {
		if !r.hasID {
			continue
		}
		names[r.id] = append(names[r.id], r.path)
		if !r.alias {
			owner[r.id] = r
		}
	}
	set := &Set{}
	problems := slices.Clone(walkProblems)
	byFP := map[[32]byte]*Cert{}
	done := map[fileID]bool{}
	for _, r := range rs {
		if r.skip {
			continue
		}
		if !r.hasID {
			set.Files++
			if r.prob != nil {
				problems = append(problems, *r.prob)
			}
			continue
		}
		if done[r.id] {
			continue
		}
		done[r.id] = true
		set.Files++
		o, all, primary := owner[r.id], names[r.id], r.path
		if o.prob != nil {
			p := *o.prob
			p.Path = primary
			problems = append(problems, p)
		}
		if o.res == nil {
			continue
		}
		res := o.res
		for _, c := range res.certs {
			cert := byFP[c.sum]
			if cert == nil {
				cert = &Cert{X509: c.x, SHA256: c.sum}
				byFP[c.sum] = cert
				set.Certs = append(set.Certs, cert)
			}
			cert.Aux = cert.Aux || c.aux
			switch {
			case strings.HasPrefix(c.note, lenientNote):
				cert.ParseNote = c.note
			case cert.KeyNote == "":
				cert.KeyNote = c.note
			}
			for _, name := range all {
				cert.Files = append(cert.Files, name)
				cert.Sources = append(cert.Sources, Source{File: name, Encoding: c.enc})
			}
		}
		for _, k := range res.keys {
			set.Keys = append(set.Keys, &Key{
				File: primary, Public: k.pub, Format: k.format, Encoding: k.enc,
				Encrypted: k.encrypted, Locked: k.locked, BadPassphrase: k.bad, LockReason: k.reason, Mode: o.mode,
			})
		}
		for _, c := range res.crls {
			set.CRLs = append(set.CRLs, &CRL{List: c.crl, File: primary, Encoding: c.enc})
		}
		for _, msg := range res.problems {
			problems = append(problems, Problem{Path: primary, Kind: "unreadable", Err: msg})
		}
		if !res.recognised && len(res.problems) == 0 && (res.strong || slices.ContainsFunc(all, looksLikeCertFile)) {
			cause := res.cause
			if cause == "" {
				cause = "not a certificate, private key, CRL or PKCS#12 file"
			}
			problems = append(problems, Problem{Path: primary, Kind: "unreadable", Err: cause})
		}
	}
	for _, c := range set.Certs {
		slices.Sort(c.Files)
		c.Files = slices.Compact(c.Files)
		sort.SliceStable(c.Sources, func(i, j int) bool { return c.Sources[i].File < c.Sources[j].File })
		c.Sources = slices.Compact(c.Sources)
	}
	sort.SliceStable(problems, func(i, j int) bool { return problems[i].Path < problems[j].Path })
	set.Problems = problems
	return set
}
