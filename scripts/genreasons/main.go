// Command genreasons writes catalogue/reasons_gen.go: every reason of
// OpenSSL's SSL, X509, PEM, EVP and ASN1 libraries (macro, number, text)
// and every X509_V_ERR_* verify code name, read from OpenSSL itself.
//
// Numbers and macros come from the installed headers (libssl-dev:
// include/openssl/sslerr.h, x509err.h, pemerr.h, evperr.h, asn1err.h,
// x509_vfy.h); each text is what the installed `openssl errstr` prints
// for the packed 3.x code, which is OpenSSL's own reason table
// (crypto/err/openssl.txt compiled into libcrypto). With -txt FILE (a
// crypto/err/openssl.txt of another version, "SSL_R_X:NUM:text" lines)
// that version's spellings are added too. OpenSSL 1.x packs a code as
// lib<<24|func<<12|reason (14094418) and 3.x as lib<<23|reason
// (0A000418); the reason number is the same, so one table serves both.
// OpenSSL 3.2 renamed "sslv3 alert X" and "tlsv1 alert X" to "ssl/tls
// alert X"; that spelling is added for every alert reason.
//
// Run it from the repository root:
//
//	go run ./scripts/genreasons > catalogue/reasons_gen.go
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"go/format"
	"os"
	"os/exec"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

type lib struct {
	num    int
	prefix string // macro prefix, e.g. "SSL_R_"
	header string
}

var libs = []lib{
	{20, "SSL_R_", "sslerr.h"},
	{11, "X509_R_", "x509err.h"},
	{9, "PEM_R_", "pemerr.h"},
	{6, "EVP_R_", "evperr.h"},
	{13, "ASN1_R_", "asn1err.h"},
}

type reason struct {
	lib, num    int
	macro, text string
	spellings   []string
}

func main() {
	include := flag.String("include", "/usr/include/openssl", "directory of OpenSSL's headers")
	txt := flag.String("txt", "", "a crypto/err/openssl.txt of another OpenSSL version, for its spellings")
	flag.Parse()
	var all []reason
	for _, l := range libs {
		rs, err := readHeader(*include+"/"+l.header, l)
		if err != nil {
			fail(err)
		}
		all = append(all, rs...)
	}
	if err := fillTexts(all); err != nil {
		fail(err)
	}
	if *txt != "" {
		if err := addSpellings(all, *txt); err != nil {
			fail(err)
		}
	}
	for i := range all {
		r := &all[i]
		for _, p := range []string{"sslv3 alert ", "tlsv1 alert ", "tlsv13 alert "} {
			if strings.HasPrefix(r.text, p) {
				r.spellings = appendNew(r.spellings, "ssl/tls alert "+strings.TrimPrefix(r.text, p), r.text)
			}
		}
	}
	verify, err := readVerify(*include + "/x509_vfy.h")
	if err != nil {
		fail(err)
	}
	write(all, verify)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "genreasons:", err)
	os.Exit(1)
}

var reDefine = regexp.MustCompile(`^#\s*define\s+([A-Z0-9_]+)\s+(\d+)\s*$`)

func readHeader(path string, l lib) ([]reason, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []reason
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		m := reDefine.FindStringSubmatch(sc.Text())
		if m == nil || !strings.HasPrefix(m[1], l.prefix) {
			continue
		}
		n, _ := strconv.Atoi(m[2])
		out = append(out, reason{lib: l.num, num: n, macro: m[1]})
	}
	return out, sc.Err()
}

// fillTexts asks the installed openssl for each reason's text.
func fillTexts(rs []reason) error {
	args := []string{"errstr"}
	for _, r := range rs {
		args = append(args, fmt.Sprintf("%08X", r.lib<<23|r.num))
	}
	out, err := exec.Command("openssl", args...).Output()
	if err != nil {
		return fmt.Errorf("openssl errstr: %w", err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) != len(rs) {
		return fmt.Errorf("openssl errstr gave %d lines for %d codes", len(lines), len(rs))
	}
	for i, line := range lines {
		// error:0A000418:SSL routines::tlsv1 alert unknown ca
		f := strings.SplitN(line, ":", 5)
		if len(f) == 5 && !strings.HasPrefix(f[4], "reason(") {
			rs[i].text = f[4]
		}
	}
	return nil
}

var reTxt = regexp.MustCompile(`^([A-Z0-9]+_R_[A-Z0-9_]+):(\d+):(.+)$`)

func addSpellings(rs []reason, path string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	byMacro := map[string]string{}
	for _, line := range strings.Split(string(b), "\n") {
		if m := reTxt.FindStringSubmatch(strings.TrimSpace(line)); m != nil {
			byMacro[m[1]] = m[3]
		}
	}
	for i := range rs {
		if t, ok := byMacro[rs[i].macro]; ok {
			rs[i].spellings = appendNew(rs[i].spellings, t, rs[i].text)
		}
	}
	return nil
}

func appendNew(list []string, s, main string) []string {
	if s == main || s == "" {
		return list
	}
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

var reVerify = regexp.MustCompile(`^#\s*define\s+(X509_V_(?:ERR_[A-Z0-9_]+|OK))\s+(\d+)`)

func readVerify(path string) (map[int]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	out := map[int]string{}
	for _, line := range strings.Split(string(b), "\n") {
		if m := reVerify.FindStringSubmatch(line); m != nil {
			n, _ := strconv.Atoi(m[2])
			if _, dup := out[n]; !dup {
				out[n] = m[1]
			}
		}
	}
	return out, nil
}

func write(rs []reason, verify map[int]string) {
	sort.Slice(rs, func(i, j int) bool {
		if rs[i].lib != rs[j].lib {
			return rs[i].lib < rs[j].lib
		}
		return rs[i].num < rs[j].num
	})
	var b bytes.Buffer
	b.WriteString("// Code generated by scripts/genreasons from OpenSSL's headers and reason table; DO NOT EDIT.\n\npackage catalogue\n\n")
	b.WriteString("// reasonTable is every reason of OpenSSL's SSL, X509, PEM, EVP and ASN1\n// libraries: library number, reason number, macro, text, other spellings.\nvar reasonTable = []Reason{\n")
	for _, r := range rs {
		if r.text == "" {
			continue
		}
		fmt.Fprintf(&b, "\t{%d, %d, %q, %q, %s},\n", r.lib, r.num, r.macro, r.text, goStrings(r.spellings))
	}
	b.WriteString("}\n\n// verifyMacros is every X509_V_* verify result the headers define, by number.\nvar verifyMacros = map[int]string{\n")
	var nums []int
	for n := range verify {
		nums = append(nums, n)
	}
	sort.Ints(nums)
	for _, n := range nums {
		fmt.Fprintf(&b, "\t%d: %q,\n", n, verify[n])
	}
	b.WriteString("}\n")
	src, err := format.Source(b.Bytes())
	if err != nil {
		fail(err)
	}
	os.Stdout.Write(src)
}

func goStrings(ss []string) string {
	if len(ss) == 0 {
		return "nil"
	}
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = strconv.Quote(s)
	}
	return "[]string{" + strings.Join(q, ", ") + "}"
}
