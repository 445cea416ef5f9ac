// Command gennss writes catalogue/nss_gen.go: every error of NSS (the
// TLS library of Firefox, Thunderbird, and curl and other programs on
// RHEL/CentOS 7 and older): the SSL_ERROR_ and SEC_ERROR_ codes with the
// words NSS prints for them, and mozilla::pkix's MOZILLA_PKIX_ERROR_ codes.
//
// It reads the extracts in testdata/nss-errors (NSS 3.87, Debian 12's,
// and 3.123; see the README there for their source). The -extract mode
// makes one from an NSS source tree:
// lib/ssl/SSLerrs.h and lib/util/SECerrs.h (ER3(NAME, BASE + N, "words")),
// lib/mozpkix/include/pkix/pkixnss.h (the numbers) and
// lib/mozpkix/lib/pkixnss.cpp (the words).
//
// Run it from the repository root:
//
//	go run ./scripts/gennss > catalogue/nss_gen.go
//
// and to remake the extract:
//
//	go run ./scripts/gennss -extract -src nss-3.123 > testdata/nss-errors/nss-3.123.txt
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
	"strconv"
	"strings"
)

func main() {
	data := flag.String("data", "testdata/nss-errors", "directory of the extracts")
	extract := flag.Bool("extract", false, "write the extract of the NSS source tree -src instead")
	src := flag.String("src", "", "an NSS source tree, for -extract")
	flag.Parse()
	var err error
	if *extract {
		err = extractTree(*src, os.Stdout)
	} else {
		err = generate(*data, os.Stdout)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gennss:", err)
		os.Exit(1)
	}
}

var (
	// ER3(SSL_ERROR_NO_CYPHER_OVERLAP, SSL_ERROR_BASE + 2, "words" "more")
	reER3 = regexp.MustCompile(`ER3\(\s*((?:SSL|SEC)_ERROR_\w+)\s*,\s*\(?\s*(SSL|SEC)_ERROR_BASE\s*\+\s*(\d+)\s*\)?\s*,\s*((?:"(?:[^"\\]|\\.)*"\s*)+)\)`)
	// MOZILLA_PKIX_ERROR_X = ERROR_BASE + 5,
	rePKIXNum = regexp.MustCompile(`(MOZILLA_PKIX_ERROR_\w+)\s*=\s*ERROR_BASE\s*\+\s*(\d+)`)
	// { "MOZILLA_PKIX_ERROR_X", "words" "more" },
	rePKIXText = regexp.MustCompile(`\{\s*"(MOZILLA_PKIX_ERROR_\w+)"\s*,\s*((?:"(?:[^"\\]|\\.)*"\s*)+)\}`)
	reString   = regexp.MustCompile(`"((?:[^"\\]|\\.)*)"`)
)

var bases = map[string]int{"SSL": -0x3000, "SEC": -0x2000, "PKIX": -0x4000}

func cString(lits string) (string, error) {
	var b strings.Builder
	for _, m := range reString.FindAllStringSubmatch(lits, -1) {
		s, err := strconv.Unquote(`"` + m[1] + `"`)
		if err != nil {
			return "", err
		}
		b.WriteString(s)
	}
	return strings.Join(strings.Fields(b.String()), " "), nil
}

// extractTree writes "NUMBER\tNAME\tWORDS" for each error, SEC, SSL, then
// mozilla::pkix's, each in its source's order.
func extractTree(src string, w io.Writer) error {
	if src == "" {
		return fmt.Errorf("-extract needs -src")
	}
	var lines []string
	for _, f := range []string{"lib/util/SECerrs.h", "lib/ssl/SSLerrs.h"} {
		b, err := os.ReadFile(filepath.Join(src, f))
		if err != nil {
			return err
		}
		n := 0
		for _, m := range reER3.FindAllStringSubmatch(string(b), -1) {
			off, _ := strconv.Atoi(m[3])
			words, err := cString(m[4])
			if err != nil {
				return fmt.Errorf("%s: %s: %v", f, m[1], err)
			}
			lines = append(lines, fmt.Sprintf("%d\t%s\t%s", bases[m[2]]+off, m[1], words))
			n++
		}
		if n == 0 {
			return fmt.Errorf("%s: no ER3 entries", f)
		}
	}
	h, err := os.ReadFile(filepath.Join(src, "lib/mozpkix/include/pkix/pkixnss.h"))
	if err != nil {
		return err
	}
	c, err := os.ReadFile(filepath.Join(src, "lib/mozpkix/lib/pkixnss.cpp"))
	if err != nil {
		return err
	}
	texts := map[string]string{}
	for _, m := range rePKIXText.FindAllStringSubmatch(string(c), -1) {
		words, err := cString(m[2])
		if err != nil {
			return err
		}
		texts[m[1]] = words
	}
	for _, m := range rePKIXNum.FindAllStringSubmatch(string(h), -1) {
		off, _ := strconv.Atoi(m[2])
		words, ok := texts[m[1]]
		if !ok {
			return fmt.Errorf("pkixnss.cpp has no words for %s", m[1])
		}
		lines = append(lines, fmt.Sprintf("%d\t%s\t%s", bases["PKIX"]+off, m[1], words))
	}
	for _, l := range lines {
		if _, err := fmt.Fprintln(w, l); err != nil {
			return err
		}
	}
	return nil
}

// versions are the extracts, oldest first.
var versions = []string{"3.87", "3.123"}

type nssError struct {
	code       int
	name, text string
	spellings  []string
}

// generate merges the versions by name and number, newest first: an
// error's words are the newest version's, the older ones its spellings
// (3.123 reworded SSL_ERROR_MISSING_EXTENDED_MASTER_SECRET; it gave
// -12148 to SSL_ERROR_RX_MALFORMED_HYBRID_KEY_SHARE, which 3.87 called
// SSL_ERROR_RX_MALFORMED_ECDHE_KEY_SHARE: both names stay).
func generate(data string, w io.Writer) error {
	var all []*nssError
	byKey := map[string]*nssError{}
	for i := len(versions) - 1; i >= 0; i-- {
		path := filepath.Join(data, "nss-"+versions[i]+".txt")
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for n, line := range strings.Split(string(b), "\n") {
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			f := strings.Split(line, "\t")
			if len(f) != 3 {
				return fmt.Errorf("%s:%d: not NUMBER<TAB>NAME<TAB>WORDS: %q", path, n+1, line)
			}
			code, err := strconv.Atoi(f[0])
			if err != nil || code >= 0 {
				return fmt.Errorf("%s:%d: bad number %q", path, n+1, f[0])
			}
			key := f[0] + " " + f[1]
			e, ok := byKey[key]
			if !ok {
				e = &nssError{code: code, name: f[1], text: f[2]}
				byKey[key] = e
				all = append(all, e)
				continue
			}
			if f[2] != e.text && !contains(e.spellings, f[2]) {
				e.spellings = append(e.spellings, f[2])
			}
		}
	}
	var out bytes.Buffer
	fmt.Fprintf(&out, "// Code generated by scripts/gennss from NSS's error tables (testdata/nss-errors); DO NOT EDIT.\n\n")
	fmt.Fprintf(&out, "package catalogue\n\n")
	fmt.Fprintf(&out, "// nssErrors is every SEC_ERROR_, SSL_ERROR_ and MOZILLA_PKIX_ERROR_ code of\n// NSS %s: its number, name, the words NSS prints, older versions' words.\n", strings.Join(versions, " and "))
	fmt.Fprintf(&out, "var nssErrors = []NSSError{\n")
	for _, e := range all {
		sp := "nil"
		if len(e.spellings) > 0 {
			q := make([]string, len(e.spellings))
			for i, s := range e.spellings {
				q[i] = strconv.Quote(s)
			}
			sp = "[]string{" + strings.Join(q, ", ") + "}"
		}
		fmt.Fprintf(&out, "\t{%d, %q, %q, %s},\n", e.code, e.name, e.text, sp)
	}
	fmt.Fprintf(&out, "}\n")
	src, err := format.Source(out.Bytes())
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
