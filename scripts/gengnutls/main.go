// Command gengnutls writes catalogue/gnutls_gen.go: every error of
// GnuTLS's gnutls_strerror table (its number, macro and words) and every
// reason gnutls_certificate_verification_status_print gives for a
// certificate it refuses, in GnuTLS 2.12, 3.3, 3.6, 3.7 and 3.8.
//
// It reads the extracts in testdata/gnutls-errors (see the README there for
// the source of each). The -extract mode makes one from a GnuTLS source
// tree. Error numbers do not move between versions; the words sometimes do
// ("A TLS packet with unexpected length was received." became "Error
// decoding the received TLS packet."): each error's main words are the
// newest version's, the older ones its spellings.
//
// Run it from the repository root:
//
//	go run ./scripts/gengnutls > catalogue/gnutls_gen.go
//
// and to remake an extract:
//
//	go run ./scripts/gengnutls -extract -src gnutls-3.8.13 > testdata/gnutls-errors/gnutls-3.8.13.txt
package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/mtlsdoctor/mtlsdoctor/internal/gentable"
)

// versions are the extracts, oldest first.
var versions = []string{"2.12.24", "3.3.30", "3.6.16", "3.7.9", "3.8.13"}

func main() {
	gentable.Main("gengnutls", "testdata/gnutls-errors", "a GnuTLS source tree", extractTree, generate)
}

var (
	// ERROR_ENTRY(N_("words" "more words"), GNUTLS_E_X[, fatal])
	reEntry = regexp.MustCompile(`ERROR_ENTRY\s*\(\s*N_\s*\(\s*` + gentable.Literals + `\)\s*,\s*(GNUTLS_E_\w+)`)
	// #define GNUTLS_E_X -21, or an alias of another macro, maybe on the
	// next line after a backslash.
	reDefine = regexp.MustCompile(`(?m)^#\s*define\s+(GNUTLS_E_\w+)(?:\s|\\\n)+(-?\d+|GNUTLS_E_\w+)`)
	// if (status & GNUTLS_CERT_X) _gnutls_buffer_append_str(&str, _("words "));
	reStatus = regexp.MustCompile(`status\s*&\s*(GNUTLS_CERT_\w+)\s*\)\s*_gnutls_buffer_append_str\s*\(\s*&str\s*,\s*_\s*\(\s*` + gentable.Literals + `\)`)
)

// extractTree writes "E\tNUMBER\tMACRO\tWORDS" for each error and
// "S\tFLAG\tWORDS" for each verification status reason of a source tree.
func extractTree(src string, w io.Writer) error {
	header, err := os.ReadFile(filepath.Join(src, "lib/includes/gnutls/gnutls.h.in"))
	if err != nil {
		return err
	}
	defs := map[string]string{}
	for _, m := range reDefine.FindAllStringSubmatch(string(header), -1) {
		if _, dup := defs[m[1]]; !dup {
			defs[m[1]] = m[2]
		}
	}
	number := func(macro string) (int, bool) {
		for range 4 {
			v, ok := defs[macro]
			if !ok {
				return 0, false
			}
			if n, err := strconv.Atoi(v); err == nil {
				return n, true
			}
			macro = v
		}
		return 0, false
	}
	files, err := filepath.Glob(filepath.Join(src, "lib", "*.c"))
	if err != nil {
		return err
	}
	sort.Strings(files)
	var errs, statuses []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		text := string(b)
		base := filepath.Base(f)
		if base == "errors.c" || base == "gnutls_errors.c" {
			for _, m := range reEntry.FindAllStringSubmatch(text, -1) {
				words, err := gentable.CString(m[1])
				if err != nil {
					return fmt.Errorf("%s: %s: %v", f, m[2], err)
				}
				n, ok := number(m[2])
				if !ok {
					return fmt.Errorf("%s: %s has no number in gnutls.h.in", f, m[2])
				}
				errs = append(errs, fmt.Sprintf("E\t%d\t%s\t%s", n, m[2], words))
			}
		}
		if i := strings.Index(text, "gnutls_certificate_verification_status_print("); i >= 0 && strings.Contains(text[i:], "_gnutls_buffer_append_str") {
			for _, m := range reStatus.FindAllStringSubmatch(text[i:], -1) {
				words, err := gentable.CString(m[2])
				if err != nil {
					return fmt.Errorf("%s: %s: %v", f, m[1], err)
				}
				statuses = append(statuses, fmt.Sprintf("S\t%s\t%s", m[1], words))
			}
		}
	}
	if len(errs) == 0 {
		return fmt.Errorf("%s: no ERROR_ENTRY in lib/errors.c or lib/gnutls_errors.c", src)
	}
	for _, l := range append(errs, statuses...) {
		if _, err := fmt.Fprintln(w, l); err != nil {
			return err
		}
	}
	return nil
}

type gnutlsError struct {
	code      int
	macro     string
	text      string
	spellings []string
}

type status struct {
	flag, text string
	spellings  []string
}

func addSpelling(main string, sp []string, s string) []string {
	if s == main || gentable.Contains(sp, s) {
		return sp
	}
	return append(sp, s)
}

func generate(data string, w io.Writer) error {
	errs := map[int]*gnutlsError{}
	stats := map[string]*status{}
	var statOrder []string
	// Newest first, so that an error's main words are the newest ones.
	for i := len(versions) - 1; i >= 0; i-- {
		// gnutls_strerror prints the first entry of a number (2.12 lists
		// -300 twice).
		seen := map[int]bool{}
		err := gentable.Lines(filepath.Join(data, "gnutls-"+versions[i]+".txt"), func(f []string, _ int) error {
			switch {
			case len(f) == 4 && f[0] == "E":
				code, err := strconv.Atoi(f[1])
				if err != nil || code > 0 {
					return fmt.Errorf("bad number %q", f[1])
				}
				if seen[code] {
					return nil
				}
				seen[code] = true
				e, ok := errs[code]
				if !ok {
					errs[code] = &gnutlsError{code: code, macro: f[2], text: f[3]}
					return nil
				}
				if e.macro == f[2] {
					// (2.12's -82 was another error, GNUTLS_E_INIT_LIBEXTRA.)
					e.spellings = addSpelling(e.text, e.spellings, f[3])
				}
			case len(f) == 3 && f[0] == "S":
				s, ok := stats[f[1]]
				if !ok {
					stats[f[1]] = &status{flag: f[1], text: f[2]}
					statOrder = append(statOrder, f[1])
					return nil
				}
				s.spellings = addSpelling(s.text, s.spellings, f[2])
			default:
				return fmt.Errorf("not E<TAB>NUMBER<TAB>MACRO<TAB>WORDS or S<TAB>FLAG<TAB>WORDS: %q", strings.Join(f, "\t"))
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	var codes []int
	for c := range errs {
		codes = append(codes, c)
	}
	sort.Sort(sort.Reverse(sort.IntSlice(codes)))

	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by scripts/gengnutls from GnuTLS's error and verification status tables (testdata/gnutls-errors); DO NOT EDIT.\n\n")
	fmt.Fprintf(&b, "package catalogue\n\n")
	fmt.Fprintf(&b, "// gnutlsErrors is every error of GnuTLS's gnutls_strerror table in %s:\n", strings.Join(versions, ", "))
	fmt.Fprintf(&b, "// number, macro, the newest version's words, older versions' words.\n")
	fmt.Fprintf(&b, "var gnutlsErrors = []GnuTLSError{\n")
	for _, c := range codes {
		e := errs[c]
		fmt.Fprintf(&b, "\t{%d, %q, %q, %s},\n", e.code, e.macro, e.text, gentable.Strings(e.spellings))
	}
	fmt.Fprintf(&b, "}\n\n")
	fmt.Fprintf(&b, "// gnutlsStatuses is every reason gnutls_certificate_verification_status_print\n")
	fmt.Fprintf(&b, "// gives for a refused certificate (\"The certificate is NOT trusted. The\n")
	fmt.Fprintf(&b, "// certificate issuer is unknown.\"): its status flag, the newest words, older words.\n")
	fmt.Fprintf(&b, "var gnutlsStatuses = []GnuTLSStatus{\n")
	for _, f := range statOrder {
		s := stats[f]
		fmt.Fprintf(&b, "\t{%q, %q, %s},\n", s.flag, s.text, gentable.Strings(s.spellings))
	}
	fmt.Fprintf(&b, "}\n")
	return gentable.Write(w, b.Bytes())
}
