package certset

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// maxPassinFile bounds a --passin file: or stdin read.
const maxPassinFile = 1 << 20

// ParsePassin turns --passin specs into the passphrases to try, in order,
// using OpenSSL's syntax:
//
//	pass:WORD  the passphrase WORD (may be empty)
//	env:VAR    the value of the environment variable VAR (via getenv)
//	file:PATH  every non-empty line of PATH, in order, like nginx's
//	           ssl_password_file (trailing "\r" removed; at most 1 MiB)
//	stdin      every non-empty line of stdin, read once however often
//	           "stdin" is given (at most 1 MiB)
//
// Duplicates are dropped, keeping the first. Errors name the spec kind
// and the variable or file, never a passphrase; an unrecognised spec is
// not echoed, as it may be a passphrase typed without "pass:".
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
				return nil, errors.New("--passin env:: no variable name given")
			}
			var v string
			if getenv != nil {
				v = getenv(arg)
			}
			if v == "" {
				return nil, fmt.Errorf("--passin env:%s: variable %s is not set or is empty", arg, arg)
			}
			add(v)
		case hasColon && kind == "file":
			if arg == "" {
				return nil, errors.New("--passin file:: no file name given")
			}
			lines, err := readPassFile(arg)
			if err != nil {
				return nil, fmt.Errorf("--passin file:%s: %v", arg, err)
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
				return nil, errors.New("--passin stdin: no standard input")
			}
			lines, err := readPassLines(stdin)
			if err != nil {
				return nil, fmt.Errorf("--passin stdin: %v", err)
			}
			if len(lines) == 0 {
				return nil, errors.New("--passin stdin: no passphrase on standard input")
			}
			for _, l := range lines {
				add(l)
			}
		case hasColon && isSpecKind(kind):
			return nil, fmt.Errorf("--passin %s:...: unsupported kind %q; want pass:, env:, file: or stdin", kind, kind)
		default:
			return nil, errors.New("--passin: unrecognised value (not shown: it may be a passphrase); want pass:WORD, env:VAR, file:PATH or stdin")
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
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	lines, err := readPassLines(f)
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
