package nginxconf

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/mtlsdoctor/mtlsdoctor/internal/safefile"
)

// Config is a whole configuration with its includes expanded in place.
type Config struct {
	// File is the main configuration file.
	File string
	// ConfDir is the directory relative include, ssl_certificate and
	// ssl_password_file paths are resolved against (nginx's conf prefix:
	// the directory of the main file).
	ConfDir string
	// Directives is the top-level (main context) directives.
	Directives []*Directive
	// Files lists every file read, main file first.
	Files []string
	// Problems are includes that could not be followed (a missing file,
	// too deep, a loop); nginx refuses to start on the first two.
	Problems []Problem
	// FromDump is true when the configuration came from `nginx -T`.
	FromDump bool
}

// Problem is an include nginx would fail on, or that was not followed.
type Problem struct {
	// Directive is the include directive.
	Directive *Directive
	// Path is the resolved path.
	Path string
	// Msg says what went wrong.
	Msg string
	// NotRead is set when nginx could read the file but mtlsdoctor did
	// not (a limit of its own, a file it does not open); else the file is
	// one nginx cannot read either.
	NotRead bool
}

// source opens configuration files: from disk, or from an `nginx -T` dump.
type source interface {
	read(path string) ([]byte, error)
	glob(pattern string) ([]string, error)
}

type diskSource struct{}

func (diskSource) read(path string) ([]byte, error) {
	// Stat before opening: opening a FIFO would block.
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if st.IsDir() {
		return nil, fmt.Errorf("is a directory, not a configuration file")
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file (for nginx -T output on standard input, use -)")
	}
	f, err := safefile.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(safefile.Reader(f), MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("larger than %d bytes; not an nginx configuration", MaxFileSize)
	}
	return data, nil
}

func (diskSource) glob(pattern string) ([]string, error) {
	m, err := filepath.Glob(pattern)
	if err != nil {
		return nil, err
	}
	// nginx's ngx_open_glob skips hidden files (GLOB_NOSORT aside, it
	// reads them in order); directories are skipped too.
	out := m[:0]
	for _, p := range m {
		if strings.HasPrefix(filepath.Base(p), ".") {
			continue
		}
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			continue
		}
		out = append(out, p)
	}
	sort.Strings(out)
	return out, nil
}

type dumpSource struct {
	files map[string][]byte
}

func (d dumpSource) read(path string) ([]byte, error) {
	b, ok := d.files[filepath.Clean(path)]
	if !ok {
		return nil, fmt.Errorf("not in the nginx -T output: %w", fs.ErrNotExist)
	}
	return b, nil
}

func (d dumpSource) glob(pattern string) ([]string, error) {
	if _, err := filepath.Match(pattern, ""); err != nil {
		return nil, err
	}
	var out []string
	for p := range d.files {
		if ok, _ := filepath.Match(pattern, p); ok {
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out, nil
}

// Load reads the configuration file at path and every file it includes.
// A syntax error is a *SyntaxError naming file and line; a main file that
// cannot be read is an error wrapping the cause (fs.ErrNotExist etc.).
// Includes that cannot be followed are Problems, not errors.
func Load(path string) (*Config, error) {
	// nginx makes these absolute; relative to the working directory they
	// name the same files and read better in messages.
	c := &Config{File: path, ConfDir: filepath.Dir(path)}
	data, err := diskSource{}.read(path)
	if err != nil {
		return nil, err
	}
	if err := c.load(diskSource{}, path, data); err != nil {
		return nil, err
	}
	return c, nil
}

// dumpHeader starts each file in `nginx -T` output.
const dumpHeader = "# configuration file "

// LoadDump reads `nginx -T` output (as from `sudo nginx -T | mtlsdoctor
// nginx -`): the first "# configuration file PATH:" section is the main
// file, and includes are resolved among the sections. Lines nginx -t
// prints about the test ("nginx: the configuration file ... syntax is ok")
// are ignored. name is used for messages when the input has no sections.
func LoadDump(r io.Reader, name string) (*Config, error) {
	files := map[string][]byte{}
	dumpBufs := map[string]*bytes.Buffer{}
	var order []string
	var cur *bytes.Buffer
	sc := bufio.NewScanner(io.LimitReader(r, 8*MaxFileSize+1))
	sc.Buffer(make([]byte, 64<<10), MaxFileSize)
	total := 0
	for sc.Scan() {
		line := sc.Text()
		total += len(line) + 1
		if total > 8*MaxFileSize {
			return nil, &SyntaxError{File: name, Msg: fmt.Sprintf("more than %d bytes of nginx -T output", 8*MaxFileSize)}
		}
		if rest, ok := strings.CutPrefix(line, dumpHeader); ok && strings.HasSuffix(rest, ":") {
			p := filepath.Clean(strings.TrimSuffix(rest, ":"))
			cur = &bytes.Buffer{}
			if _, dup := files[p]; !dup {
				order = append(order, p)
			}
			dumpBufs[p] = cur
			continue
		}
		if cur == nil {
			if strings.Contains(line, "[emerg]") {
				return nil, &SyntaxError{File: name, Msg: "the input is nginx -t's error, not its configuration: " + strings.TrimSpace(line) + "\nhint: fix that first (nginx -t), then: sudo nginx -T | mtlsdoctor nginx -"}
			}
			if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "nginx: ") || strings.Contains(line, "[warn]") || strings.Contains(line, "[notice]") {
				continue
			}
			return nil, &SyntaxError{File: name, Line: 0, Msg: "not nginx -T output: it must start with \"# configuration file PATH:\"\nhint: sudo nginx -T | mtlsdoctor nginx -"}
		}
		cur.WriteString(line)
		cur.WriteByte('\n')
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return nil, &SyntaxError{File: name, Msg: "a line longer than the size limit; not nginx -T output"}
		}
		return nil, err
	}
	if len(order) == 0 {
		return nil, &SyntaxError{File: name, Msg: "no \"# configuration file PATH:\" section found; not nginx -T output\nhint: sudo nginx -T | mtlsdoctor nginx -"}
	}
	for _, p := range order {
		b := dumpBufs[p].Bytes()
		// nginx -T ends every file with an empty line of its own.
		b = bytes.TrimSuffix(b, []byte("\n"))
		if len(b) > 0 && b[len(b)-1] != '\n' {
			b = append(b, '\n')
		}
		files[p] = b
	}
	main := order[0]
	c := &Config{File: main, ConfDir: filepath.Dir(main), FromDump: true}
	if err := c.load(dumpSource{files: files}, main, files[main]); err != nil {
		return nil, err
	}
	return c, nil
}

// load parses data as file and expands its includes in place.
func (c *Config) load(src source, file string, data []byte) error {
	dirs, err := ParseBytes(file, data)
	if err != nil {
		return err
	}
	c.Files = append(c.Files, file)
	seen := map[string]bool{filepath.Clean(file): true}
	out, err := c.expand(src, dirs, 0, seen)
	if err != nil {
		return err
	}
	c.Directives = out
	return nil
}

// expand replaces every include directive in dirs (recursively, inside
// blocks too) by the directives of the files it names.
func (c *Config) expand(src source, dirs []*Directive, depth int, stack map[string]bool) ([]*Directive, error) {
	out := make([]*Directive, 0, len(dirs))
	for _, d := range dirs {
		if d.IsBlock {
			inner, err := c.expand(src, d.Block, depth, stack)
			if err != nil {
				return nil, err
			}
			d.Block = inner
			out = append(out, d)
			continue
		}
		if d.Name != "include" || len(d.Args) != 1 {
			out = append(out, d)
			continue
		}
		pattern := d.Args[0]
		if !filepath.IsAbs(pattern) {
			pattern = filepath.Join(c.ConfDir, pattern)
		}
		var paths []string
		if strings.ContainsAny(d.Args[0], "*?[") {
			m, err := src.glob(pattern)
			if err != nil {
				c.Problems = append(c.Problems, Problem{Directive: d, Path: pattern, Msg: "bad glob pattern: " + err.Error()})
				continue
			}
			paths = m // no match is fine for nginx
		} else {
			paths = []string{pattern}
		}
		for i, p := range paths {
			p = filepath.Clean(p)
			if depth+1 > MaxIncludeDepth {
				c.Problems = append(c.Problems, Problem{Directive: d, Path: p, Msg: fmt.Sprintf("includes nested more than %d deep; not followed", MaxIncludeDepth)})
				continue
			}
			if stack[p] {
				c.Problems = append(c.Problems, Problem{Directive: d, Path: p, Msg: "includes itself (an include loop); nginx would recurse until it fails"})
				continue
			}
			if len(c.Files) >= MaxFiles {
				// One problem for the rest of the glob, not one per file.
				c.Problems = append(c.Problems, Problem{Directive: d, Path: p, NotRead: true,
					Msg: fmt.Sprintf("more than %d files included in all; %d files from %s on were not read", MaxFiles, len(paths)-i, p)})
				break
			}
			data, err := src.read(p)
			if err != nil {
				msg := err.Error()
				if errors.Is(err, fs.ErrNotExist) {
					msg = "no such file"
					if c.FromDump {
						msg = "not in the nginx -T output (nginx could not have read it either, or the output was cut)"
					}
				}
				c.Problems = append(c.Problems, Problem{Directive: d, Path: p, Msg: msg, NotRead: errors.As(err, new(*safefile.RefusedError))})
				continue
			}
			inc, err := ParseBytes(p, data)
			if err != nil {
				return nil, err
			}
			c.Files = append(c.Files, p)
			stack[p] = true
			inc, err = c.expand(src, inc, depth+1, stack)
			delete(stack, p)
			if err != nil {
				return nil, err
			}
			out = append(out, inc...)
		}
	}
	return out, nil
}

// Walk calls f for every directive in dirs and their blocks, depth first,
// with the chain of enclosing block directives (outermost first).
func Walk(dirs []*Directive, f func(d *Directive, parents []*Directive)) {
	var walk func(ds []*Directive, parents []*Directive)
	walk = func(ds []*Directive, parents []*Directive) {
		for _, d := range ds {
			f(d, parents)
			if d.IsBlock {
				walk(d.Block, append(parents[:len(parents):len(parents)], d))
			}
		}
	}
	walk(dirs, nil)
}
