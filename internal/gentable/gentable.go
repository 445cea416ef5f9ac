// Package gentable holds what the commands that generate the catalogue's
// error tables from a library's sources (scripts/gengnutls, genmbedtls,
// gennss, genwinerr) share: their command line (write the Go table from
// the committed extracts, or -extract a new extract from a source tree),
// reading C string literals, and writing gofmt'ed Go.
package gentable

import (
	"flag"
	"fmt"
	"go/format"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
)

// Main runs a generator: with -extract, extract(-src, stdout) writes an
// extract of a source tree; else generate(-data, stdout) writes the Go
// table from the extracts in data (a file or a directory). An error is
// printed as "name: error" and exits 1.
func Main(name, data, source string, extract, generate func(string, io.Writer) error) {
	dataFlag := flag.String("data", data, "the extracts")
	extractFlag := flag.Bool("extract", false, "write an extract of -src instead")
	src := flag.String("src", "", source+", for -extract")
	flag.Parse()
	var err error
	switch {
	case *extractFlag && *src == "":
		err = fmt.Errorf("-extract needs -src")
	case *extractFlag:
		err = extract(*src, os.Stdout)
	default:
		err = generate(*dataFlag, os.Stdout)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, name+":", err)
		os.Exit(1)
	}
}

// Literals matches one or more adjacent C string literals.
const Literals = `((?:"(?:[^"\\]|\\.)*"\s*)+)`

var reString = regexp.MustCompile(`"((?:[^"\\]|\\.)*)"`)

// CString joins adjacent C string literals ("words " "more") into their
// text, without white space at its ends.
func CString(lits string) (string, error) {
	var b strings.Builder
	for _, m := range reString.FindAllStringSubmatch(lits, -1) {
		s, err := strconv.Unquote(`"` + m[1] + `"`)
		if err != nil {
			return "", err
		}
		b.WriteString(s)
	}
	return strings.TrimSpace(b.String()), nil
}

// Strings is a []string literal of list, or nil.
func Strings(list []string) string {
	if len(list) == 0 {
		return "nil"
	}
	q := make([]string, len(list))
	for i, s := range list {
		q[i] = strconv.Quote(s)
	}
	return "[]string{" + strings.Join(q, ", ") + "}"
}

// Bools is a [N]bool literal of list ("[3]bool{true, false, true}"): the
// versions of a table that have a row.
func Bools(list []bool) string {
	q := make([]string, len(list))
	for i, b := range list {
		q[i] = strconv.FormatBool(b)
	}
	return "[" + strconv.Itoa(len(list)) + "]bool{" + strings.Join(q, ", ") + "}"
}

// Write gofmts src and writes it to w.
func Write(w io.Writer, src []byte) error {
	out, err := format.Source(src)
	if err != nil {
		return err
	}
	_, err = w.Write(out)
	return err
}

// Contains reports whether list holds s.
func Contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Lines calls fn with each line of the extract at path that is neither
// empty nor a # comment, split at its tabs, and its line number.
func Lines(path string, fn func(fields []string, n int) error) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	for i, line := range strings.Split(string(b), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := fn(strings.Split(line, "\t"), i+1); err != nil {
			return fmt.Errorf("%s:%d: %w", path, i+1, err)
		}
	}
	return nil
}
