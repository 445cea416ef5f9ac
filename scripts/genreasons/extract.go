package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// The extracts in testdata/openssl-reasons are made by the -extract modes
// below from an OpenSSL source tree (or, for 3.0, the installed headers and
// `openssl errstr`). Each extract line is "MACRO:NUM:TEXT" as in 1.1.1's
// crypto/err/openssl.txt: reasons (X_R_*) with their words, functions
// (X_F_*) with the name OpenSSL prints, and verify codes (X509_V_*) with
// no text (3.0 only: the catalogue tells the older numbering itself).

// extractOpenSSL102 reads the reason and function strings of OpenSSL
// 1.0.2's C files ({ERR_REASON(SSL_R_X), "text"}) and their numbers from
// its headers (# define SSL_R_X 123).
func extractOpenSSL102(src string, w io.Writer) error {
	files := []struct{ prefix, header, strs string }{
		{"SSL", "ssl/ssl.h", "ssl/ssl_err.c"},
		{"X509", "crypto/x509/x509.h", "crypto/x509/x509_err.c"},
		{"PEM", "crypto/pem/pem.h", "crypto/pem/pem_err.c"},
		{"EVP", "crypto/evp/evp.h", "crypto/evp/evp_err.c"},
		{"ASN1", "crypto/asn1/asn1.h", "crypto/asn1/asn1_err.c"},
	}
	reStr := regexp.MustCompile(`\{ERR_(?:REASON|FUNC)\(([A-Z0-9_]+)\),\s*"([^"]*)"\}`)
	var out []string
	for _, f := range files {
		nums, err := headerNumbers(filepath.Join(src, f.header), regexp.MustCompile(`^#\s*define\s+(`+f.prefix+`_[FR]_[A-Z0-9_]+)\s+(\d+)\s*$`))
		if err != nil {
			return err
		}
		b, err := os.ReadFile(filepath.Join(src, f.strs))
		if err != nil {
			return err
		}
		for _, m := range reStr.FindAllStringSubmatch(string(b), -1) {
			n, ok := nums[m[1]]
			if !ok {
				return fmt.Errorf("%s: %s has no number in %s", f.strs, m[1], f.header)
			}
			out = append(out, fmt.Sprintf("%s:%d:%s", m[1], n, m[2]))
		}
	}
	common, err := commonReasons(filepath.Join(src, "crypto/err/err.h"), filepath.Join(src, "crypto/err/err.c"))
	if err != nil {
		return err
	}
	return writeExtract(w, append(out, common...), nil)
}

// extractOpenSSLTxt keeps the five libraries' lines of a 1.1.1 or 3.x
// crypto/err/openssl.txt, with continued lines joined, and adds the
// reasons crypto/err/openssl.ec lists that openssl.txt leaves out (1.1.1's
// alerts, "R SSL_R_SSLV3_ALERT_BAD_CERTIFICATE 1042"), with the words of
// the library's error file ({ERR_PACK(ERR_LIB_SSL, 0, SSL_R_X), "text"}).
func extractOpenSSLTxt(src string, w io.Writer) error {
	b, err := os.ReadFile(filepath.Join(src, "crypto/err/openssl.txt"))
	if err != nil {
		return err
	}
	text := strings.ReplaceAll(string(b), "\\\n\t", "")
	var out []string
	have := map[string]bool{}
	for _, line := range strings.Split(text, "\n") {
		if m := reLine.FindStringSubmatch(line); m != nil && libOf(m[1]) != nil {
			out = append(out, line)
			have[m[1]] = true
		}
	}
	ec, err := os.ReadFile(filepath.Join(src, "crypto/err/openssl.ec"))
	if err != nil {
		return err
	}
	words := map[string]string{}
	reStr := regexp.MustCompile(`\{ERR_PACK\(ERR_LIB_[A-Z0-9]+,\s*0,\s*([A-Z0-9_]+)\),\s*"([^"]*)"\}`)
	for _, f := range []string{"ssl/ssl_err.c", "crypto/x509/x509_err.c", "crypto/pem/pem_err.c", "crypto/evp/evp_err.c", "crypto/asn1/asn1_err.c"} {
		c, err := os.ReadFile(filepath.Join(src, f))
		if err != nil {
			return err
		}
		for _, m := range reStr.FindAllStringSubmatch(string(c), -1) {
			words[m[1]] = m[2]
		}
	}
	reEC := regexp.MustCompile(`^R\s+([A-Z0-9]+_R_[A-Z0-9_]+)\s+(\d+)\s*$`)
	for _, line := range strings.Split(string(ec), "\n") {
		m := reEC.FindStringSubmatch(line)
		if m == nil || libOf(m[1]) == nil || have[m[1]] {
			continue
		}
		t, ok := words[m[1]]
		if !ok {
			return fmt.Errorf("openssl.ec lists %s, which no error file has words for", m[1])
		}
		out = append(out, fmt.Sprintf("%s:%s:%s", m[1], m[2], t))
	}
	if _, err := os.Stat(filepath.Join(src, "include/openssl/err.h")); err == nil {
		// 1.1.1; 3.x trees have err.h.in, and 3.0's common reasons come
		// from the installed OpenSSL.
		common, err := commonReasons(filepath.Join(src, "include/openssl/err.h"), filepath.Join(src, "crypto/err/err.c"))
		if err != nil {
			return err
		}
		out = append(out, common...)
	}
	return writeExtract(w, out, nil)
}

// The common reasons (ERR_R_*) any library can report: "PEM lib" (the PEM
// library below failed), "malloc failure", "internal error". 1.x defines
// them as ERR_LIB_PEM/* 9 */ or (1|ERR_R_FATAL), 3.x as
// (ERR_LIB_PEM /* 9 */ | ERR_RFLAG_COMMON) or (256 | ERR_R_FATAL); the
// number kept is the reason without its flags (1.x's fatal 64 is part of
// its number).
var (
	reCommonDef = regexp.MustCompile(`^#\s*define\s+(ERR_R_[A-Z0-9_]+)\s+(.+?)\s*$`)
	reCommonNum = regexp.MustCompile(`/\*\s*(\d+)\s*\*/|\b(\d+)\b`)
	reCommonStr = regexp.MustCompile(`\{(?:ERR_PACK\(0,\s*0,\s*)?(ERR_R_[A-Z0-9_]+)\)?,\s*"([^"]*)"\}`)
)

// commonDefs reads the common reasons' macros from err.h: their number
// (1.x: with the fatal 64) and whether 3.x marks them fatal.
func commonDefs(header string) (map[string]int, map[string]bool, error) {
	b, err := os.ReadFile(header)
	if err != nil {
		return nil, nil, err
	}
	nums, fatal := map[string]int{}, map[string]bool{}
	for _, line := range strings.Split(string(b), "\n") {
		m := reCommonDef.FindStringSubmatch(line)
		if m == nil || m[1] == "ERR_R_FATAL" {
			continue
		}
		n := reCommonNum.FindStringSubmatch(m[2])
		if n == nil {
			continue
		}
		v, _ := strconv.Atoi(n[1] + n[2])
		if strings.Contains(m[2], "ERR_R_FATAL") {
			fatal[m[1]] = true
			if !strings.Contains(m[2], "ERR_RFLAG") && !strings.Contains(string(b), "ERR_RFLAG_COMMON") {
				v |= 64 // 1.x: (1|ERR_R_FATAL)
			}
		}
		nums[m[1]] = v
	}
	return nums, fatal, nil
}

// commonReasons reads a 1.x tree's common reasons: numbers from err.h,
// words from err.c's ERR_str_reasons.
func commonReasons(header, strs string) ([]string, error) {
	nums, _, err := commonDefs(header)
	if err != nil {
		return nil, err
	}
	b, err := os.ReadFile(strs)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, m := range reCommonStr.FindAllStringSubmatch(string(b), -1) {
		if n, ok := nums[m[1]]; ok {
			out = append(out, fmt.Sprintf("%s:%d:%s", m[1], n, m[2]))
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no common reasons", strs)
	}
	return out, nil
}

// extractInstalled reads the installed OpenSSL 3.x: numbers from its
// headers, each text from `openssl errstr` (libcrypto's compiled-in
// reason table).
func extractInstalled(include string, w io.Writer) error {
	var macros []string
	var codes []string
	nums := map[string]int{}
	for _, l := range libs {
		hn, err := headerNumbers(filepath.Join(include, l.header), regexp.MustCompile(`^#\s*define\s+(`+l.prefix+`_R_[A-Z0-9_]+)\s+(\d+)\s*$`))
		if err != nil {
			return err
		}
		var ms []string
		for m, n := range hn {
			ms = append(ms, m)
			nums[m] = n
		}
		sort.Strings(ms)
		for _, m := range ms {
			macros = append(macros, m)
			codes = append(codes, fmt.Sprintf("%08X", l.num<<23|nums[m]))
		}
	}
	res, err := exec.Command("openssl", append([]string{"errstr"}, codes...)...).Output()
	if err != nil {
		return fmt.Errorf("openssl errstr: %w", err)
	}
	lines := strings.Split(strings.TrimSpace(string(res)), "\n")
	if len(lines) != len(macros) {
		return fmt.Errorf("openssl errstr gave %d lines for %d codes", len(lines), len(macros))
	}
	var out []string
	for i, line := range lines {
		// error:0A000418:SSL routines::tlsv1 alert unknown ca
		f := strings.SplitN(line, ":", 5)
		if len(f) == 5 && !strings.HasPrefix(f[4], "reason(") {
			out = append(out, fmt.Sprintf("%s:%d:%s", macros[i], nums[macros[i]], f[4]))
		}
	}
	common, err := installedCommon(include)
	if err != nil {
		return err
	}
	out = append(out, common...)
	vfy, err := headerNumbers(filepath.Join(include, "x509_vfy.h"), reVerify)
	if err != nil {
		return err
	}
	return writeExtract(w, out, vfy)
}

func headerNumbers(path string, re *regexp.Regexp) (map[string]int, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string]int{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if m := re.FindStringSubmatch(sc.Text()); m != nil {
			n, _ := strconv.Atoi(m[2])
			if _, dup := out[m[1]]; !dup {
				out[m[1]] = n
			}
		}
	}
	return out, sc.Err()
}

func writeExtract(w io.Writer, lines []string, verify map[string]int) error {
	for m, n := range verify {
		lines = append(lines, fmt.Sprintf("%s:%d:", m, n))
	}
	sort.Strings(lines)
	bw := bufio.NewWriter(w)
	for _, l := range lines {
		fmt.Fprintln(bw, l)
	}
	return bw.Flush()
}

// installedCommon reads the installed 3.x's common reasons: numbers and
// flags from err.h, words from `openssl errstr` of the code the SSL
// library would report (lib<<23|flags|reason).
func installedCommon(include string) ([]string, error) {
	nums, fatal, err := commonDefs(filepath.Join(include, "err.h"))
	if err != nil {
		return nil, err
	}
	var macros, codes []string
	for m := range nums {
		macros = append(macros, m)
	}
	sort.Strings(macros)
	for _, m := range macros {
		flags := 0x80000 // ERR_RFLAG_COMMON
		if fatal[m] {
			flags |= 0x40000 // ERR_RFLAG_FATAL
		}
		codes = append(codes, fmt.Sprintf("%08X", 20<<23|flags|nums[m]))
	}
	res, err := exec.Command("openssl", append([]string{"errstr"}, codes...)...).Output()
	if err != nil {
		return nil, fmt.Errorf("openssl errstr: %w", err)
	}
	lines := strings.Split(strings.TrimSpace(string(res)), "\n")
	if len(lines) != len(macros) {
		return nil, fmt.Errorf("openssl errstr gave %d lines for %d codes", len(lines), len(macros))
	}
	var out []string
	for i, line := range lines {
		f := strings.SplitN(line, ":", 5)
		if len(f) == 5 && !strings.HasPrefix(f[4], "reason(") {
			out = append(out, fmt.Sprintf("%s:%d:%s", macros[i], nums[macros[i]], f[4]))
		}
	}
	return out, nil
}
