// Command genmbedtls writes catalogue/mbedtls_gen.go: every error code of
// Mbed TLS (its number, macro and the words mbedtls_strerror prints for
// it, "SSL - A fatal alert message was received from our peer") in
// Mbed TLS 2.16, 2.28 and 3.6.
//
// It reads the extracts in testdata/mbedtls-errors (see the README there
// for the source of each). The -extract mode makes one from an Mbed TLS
// source tree: the words of library/error.c, the numbers of the
// MBEDTLS_ERR_* definitions in include/mbedtls/*.h. Each macro and
// number is one entry, its words the newest version's.
//
// Run it from the repository root:
//
//	go run ./scripts/genmbedtls > catalogue/mbedtls_gen.go
//
// and to remake an extract:
//
//	go run ./scripts/genmbedtls -extract -src mbedtls-3.6.6 > testdata/mbedtls-errors/mbedtls-3.6.6.txt
package main

import (
	"bytes"
	"flag"
	"fmt"
	"go/format"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// versions are the extracts, oldest first.
var versions = []string{"2.16.12", "2.28.10", "3.6.6"}

func main() {
	data := flag.String("data", "testdata/mbedtls-errors", "directory of the extracts")
	extract := flag.Bool("extract", false, "write an extract of the Mbed TLS source tree -src instead")
	src := flag.String("src", "", "an Mbed TLS source tree, for -extract")
	flag.Parse()
	var err error
	if *extract {
		err = extractTree(*src, os.Stdout)
	} else {
		err = generate(*data, os.Stdout)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "genmbedtls:", err)
		os.Exit(1)
	}
}

var (
	// 3.x and 2.28: case -(MBEDTLS_ERR_X): return( "MOD - words" );
	// 2.16: if( use_ret == -(MBEDTLS_ERR_X) ) mbedtls_snprintf( buf, buflen, "MOD - words" );
	reWords = regexp.MustCompile(`-\((MBEDTLS_ERR_\w+)\)\s*\)?\s*:?\s*(?:return\s*\(?\s*|mbedtls_snprintf\s*\(\s*buf\s*,\s*buflen\s*,\s*)"((?:[^"\\]|\\.)*)"`)
	// #define MBEDTLS_ERR_X -0x7780
	reDefine = regexp.MustCompile(`(?m)^#\s*define\s+(MBEDTLS_ERR_\w+)\s+-0x([0-9A-Fa-f]+)\b`)
)

// extractTree writes "NUMBER\tMACRO\tWORDS" (NUMBER as Mbed TLS prints
// it, -0x7780) for each error library/error.c names.
func extractTree(src string, w io.Writer) error {
	if src == "" {
		return fmt.Errorf("-extract needs -src")
	}
	headers, err := filepath.Glob(filepath.Join(src, "include", "mbedtls", "*.h"))
	if err != nil {
		return err
	}
	nums := map[string]int{}
	for _, h := range headers {
		b, err := os.ReadFile(h)
		if err != nil {
			return err
		}
		for _, m := range reDefine.FindAllStringSubmatch(string(b), -1) {
			n, _ := strconv.ParseInt(m[2], 16, 32)
			nums[m[1]] = int(n)
		}
	}
	b, err := os.ReadFile(filepath.Join(src, "library", "error.c"))
	if err != nil {
		return err
	}
	seen := map[string]bool{}
	n := 0
	for _, m := range reWords.FindAllStringSubmatch(string(b), -1) {
		if seen[m[1]] {
			continue
		}
		seen[m[1]] = true
		num, ok := nums[m[1]]
		if !ok {
			return fmt.Errorf("%s: %s has no number in include/mbedtls", src, m[1])
		}
		words, err := strconv.Unquote(`"` + m[2] + `"`)
		if err != nil {
			return fmt.Errorf("%s: %v", m[1], err)
		}
		if _, err := fmt.Fprintf(w, "-0x%04X\t%s\t%s\n", num, m[1], words); err != nil {
			return err
		}
		n++
	}
	if n == 0 {
		return fmt.Errorf("%s: no error words in library/error.c", src)
	}
	return nil
}

type mbedError struct {
	code      int // without its sign: -0x7780 is 0x7780
	macro     string
	text      string
	spellings []string
	in        []bool // in versions[i]
}

// generate merges the versions by macro and number, newest first: an
// entry's words are the newest version's. Mbed TLS 3.0 gave some numbers
// of 2.x to other errors (-0x7800 was PEER_VERIFY_FAILED, is
// UNRECOGNIZED_NAME) and moved some macros (CACHE_ENTRY_NOT_FOUND), so a
// number may stand for two errors; the table keeps both, each with the
// versions that have it.
func generate(data string, w io.Writer) error {
	byMacro := map[string]*mbedError{}
	for i := len(versions) - 1; i >= 0; i-- {
		path := filepath.Join(data, "mbedtls-"+versions[i]+".txt")
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for n, line := range strings.Split(string(b), "\n") {
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			f := strings.Split(line, "\t")
			if len(f) != 3 || !strings.HasPrefix(f[0], "-0x") {
				return fmt.Errorf("%s:%d: not -0xNUMBER<TAB>MACRO<TAB>WORDS: %q", path, n+1, line)
			}
			code, err := strconv.ParseInt(f[0][3:], 16, 32)
			if err != nil {
				return fmt.Errorf("%s:%d: %v", path, n+1, err)
			}
			key := fmt.Sprintf("%s %d", f[1], code)
			e, ok := byMacro[key]
			if !ok {
				e = &mbedError{code: int(code), macro: f[1], text: f[2], in: make([]bool, len(versions))}
				byMacro[key] = e
			}
			e.in[i] = true
			if f[2] != e.text && !contains(e.spellings, f[2]) {
				e.spellings = append(e.spellings, f[2])
			}
		}
	}
	var all []*mbedError
	for _, e := range byMacro {
		all = append(all, e)
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].code != all[j].code {
			return all[i].code < all[j].code
		}
		return all[i].macro < all[j].macro
	})
	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by scripts/genmbedtls from Mbed TLS's error tables (testdata/mbedtls-errors); DO NOT EDIT.\n\n")
	fmt.Fprintf(&b, "package catalogue\n\n")
	fmt.Fprintf(&b, "// mbedtlsErrors is every error mbedtls_strerror names in Mbed TLS %s:\n", strings.Join(versions, ", "))
	fmt.Fprintf(&b, "// the code without its sign (-0x7780 is 0x7780), macro, the newest words,\n")
	fmt.Fprintf(&b, "// older versions' words, and whether each of those versions has it.\n")
	fmt.Fprintf(&b, "var mbedtlsErrors = []MbedTLSError{\n")
	for _, e := range all {
		sp := "nil"
		if len(e.spellings) > 0 {
			q := make([]string, len(e.spellings))
			for i, s := range e.spellings {
				q[i] = strconv.Quote(s)
			}
			sp = "[]string{" + strings.Join(q, ", ") + "}"
		}
		in := make([]string, len(e.in))
		for i, v := range e.in {
			in[i] = strconv.FormatBool(v)
		}
		fmt.Fprintf(&b, "\t{0x%04X, %q, %q, %s, [%d]bool{%s}},\n", e.code, e.macro, e.text, sp, len(versions), strings.Join(in, ", "))
	}
	fmt.Fprintf(&b, "}\n")
	src, err := format.Source(b.Bytes())
	if err != nil {
		return err
	}
	_, err = w.Write(src)
	return err
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
