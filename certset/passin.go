package certset

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/mtlsdoctor/mtlsdoctor/internal/safefile"
)

// maxPassinFile bounds a file: or stdin read.
const maxPassinFile = 1 << 20

// PassinError is a passphrase source that could not be used. Source is
// the spec as far as it is safe to show (its kind and variable or file,
// "env:VAR", "file:PATH", "stdin", "fd:..."), or "" for a spec that is
// not shown because it may be a passphrase.
type PassinError struct {
	Source string
	Err    error
}

// Error is "SOURCE: what went wrong".
func (e *PassinError) Error() string {
	if e.Source == "" {
		return e.Err.Error()
	}
	return e.Source + ": " + e.Err.Error()
}

// Unwrap gives the cause (an os error for a file that cannot be read).
func (e *PassinError) Unwrap() error { return e.Err }

// ParsePassin turns passphrase source specs (those of OpenSSL's -passin)
// into the passphrases to try, in order:
//
//	pass:WORD  the passphrase WORD (may be empty)
//	env:VAR    the value of the environment variable VAR (via getenv)
//	file:PATH  every non-empty line of PATH, in order, like nginx's
//	           ssl_password_file (trailing "\r" removed; at most 1 MiB)
//	stdin      every non-empty line of stdin, read once however often
//	           "stdin" is given (at most 1 MiB)
//
// Duplicates are dropped, keeping the first. Errors are *PassinError:
// they name the spec kind and the variable or file, never a passphrase;
// an unrecognised spec is not echoed, as it may be a passphrase typed
// without "pass:". They name no command-line flag: the caller knows which
// one the specs came from.
func ParsePassin(specs []string, stdin io.Reader, getenv func(string) string) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	add := func(pw string) {
		if !seen[pw] {
			seen[pw] = true
			out = append(out, pw)
		}
	}
	stdinRead := false
	for _, spec := range specs {
		kind, arg, hasColon := strings.Cut(spec, ":")
		switch {
		case hasColon && kind == "pass":
			add(arg)
		case hasColon && kind == "env":
			if arg == "" {
				return nil, &PassinError{"env:", errors.New("no variable name given")}
			}
			var v string
			if getenv != nil {
				v = getenv(arg)
			}
			if v == "" {
				return nil, &PassinError{"env:" + arg, fmt.Errorf("variable %s is not set or is empty", arg)}
			}
			add(v)
		case hasColon && kind == "file":
			if arg == "" {
				return nil, &PassinError{"file:", errors.New("no file name given")}
			}
			lines, err := readPassFile(arg)
			if err != nil {
				return nil, &PassinError{"file:" + arg, err}
			}
			for _, l := range lines {
				add(l)
			}
		case !hasColon && spec == "stdin":
			if stdinRead {
				continue
			}
			stdinRead = true
			if stdin == nil {
				return nil, &PassinError{"stdin", errors.New("no standard input")}
			}
			lines, err := readPassLines(stdin)
			if err != nil {
				return nil, &PassinError{"stdin", err}
			}
			if len(lines) == 0 {
				return nil, &PassinError{"stdin", errors.New("no passphrase on standard input")}
			}
			for _, l := range lines {
				add(l)
			}
		case hasColon && isSpecKind(kind):
			return nil, &PassinError{kind + ":...", fmt.Errorf("unsupported kind %q; want pass:, env:, file: or stdin", kind)}
		default:
			return nil, &PassinError{"", errors.New("unrecognised value (not shown: it may be a passphrase); want pass:WORD, env:VAR, file:PATH or stdin")}
		}
	}
	return out, nil
}

// isSpecKind reports whether kind looks like an OpenSSL passin kind (fd,
// stdin:, …) rather than part of a passphrase, so it is safe to echo.
func isSpecKind(kind string) bool {
	switch kind {
	case "fd", "stdin", "file", "env", "pass":
		return true
	}
	return false
}

func readPassFile(path string) ([]string, error) {
	// A pipe is a natural source (file:<(pass show x)); it is opened
	// without waiting for a writer, and the read is time-bound.
	f, err := safefile.OpenStream(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	lines, err := readPassLines(safefile.Reader(f))
	if err != nil {
		return nil, err
	}
	if len(lines) == 0 {
		return nil, errors.New("no passphrase in it (the file is empty)")
	}
	return lines, nil
}

// readPassLines reads at most maxPassinFile bytes and returns the
// non-empty lines, "\r" at line ends removed.
func readPassLines(r io.Reader) ([]string, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxPassinFile+1))
	if err != nil {
		return nil, err
	}
	defer clear(data)
	if len(data) > maxPassinFile {
		return nil, fmt.Errorf("larger than %d bytes", maxPassinFile)
	}
	var out []string
	for line := range bytes.SplitSeq(data, []byte{'\n'}) {
		line = bytes.TrimRight(line, "\r")
		if len(line) > 0 {
			out = append(out, string(line))
		}
	}
	return out, nil
}
