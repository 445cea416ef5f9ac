// Command genboringssl writes catalogue/boringssl_gen.go: every reason of
// BoringSSL (the TLS library of Chrome and Chromium, Android's Conscrypt,
// gRPC's C core and its wrappers, envoy, Swift NIO SSL, ClickHouse and
// Electron apps), with its library's number, so that the catalogue reads
// BoringSSL's "error:1000007d:SSL routines:OPENSSL_internal:NAME" by its
// name or its packed code (lib<<24|reason, in hex or, as envoy and Swift
// NIO print it, in decimal).
//
// It reads the extracts in testdata/boringssl-errors (four points of
// BoringSSL's history; see the README there for their commits). The
// -extract mode makes one from a BoringSSL source tree: the library
// numbers of include/openssl/err.h (enum ERR_LIB_*), every
// "#define <LIB>_R_<NAME> <n>" of include/openssl/*.h, the library names
// and the common reasons' words of crypto/err/err.c (err.cc since 2024),
// checked against crypto/err/*.errordata, from which BoringSSL makes the
// strings it prints.
//
// Run it from the repository root:
//
//	go run ./scripts/genboringssl > catalogue/boringssl_gen.go
//
// and to remake an extract:
//
//	go run ./scripts/genboringssl -extract -src TREE > testdata/boringssl-errors/boringssl-LABEL.txt
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

func main() {
	gentable.Main("genboringssl", "testdata/boringssl-errors", "a BoringSSL source tree", extractTree, generate)
}

var (
	// enum { ERR_LIB_NONE = 1, ERR_LIB_SYS, ... ERR_NUM_LIBS };
	reLibEnum = regexp.MustCompile(`(?s)enum\s*\{\s*(ERR_LIB_NONE\b.*?)ERR_NUM_LIBS`)
	reLibItem = regexp.MustCompile(`ERR_LIB_(\w+)\s*(?:=\s*(\d+)\s*)?,`)
	// #define SSL_R_CERTIFICATE_VERIFY_FAILED 125
	reDefine = regexp.MustCompile(`(?m)^#\s*define\s+(\w+?)_R_(\w+)[ \t]+(\d+)[ \t]*(?://.*|/\*.*)?$`)
	// #define ERR_R_MALLOC_FAILURE (1 | ERR_R_FATAL)
	reCommon = regexp.MustCompile(`(?m)^#\s*define\s+ERR_R_(\w+)\s+\((\d+)\s*\|\s*ERR_R_FATAL\)`)
	reFatal  = regexp.MustCompile(`(?m)^#\s*define\s+ERR_R_FATAL\s+(\d+)`)
	// kLibraryNames[ERR_NUM_LIBS] = { "invalid library (0)", ... };
	reLibNames = regexp.MustCompile(`(?s)kLibraryNames\[ERR_NUM_LIBS\]\s*=\s*\{(.*?)\n\};`)
	reFirstLit = regexp.MustCompile(`^\s*\{?\s*"((?:[^"\\]|\\.)*)"`)
	// case ERR_R_MALLOC_FAILURE:\n return "malloc failure"; (or symbol ? "X" : "words")
	reCommonWords = regexp.MustCompile(`case ERR_R_(\w+):\s*return\s+(?:symbol\s*\?\s*"[^"]*"\s*:\s*)?` + gentable.Literals + `;`)
)

// lib is one library of err.h: its number, symbol (SSL) and the name
// BoringSSL prints for it (SSL routines).
type lib struct {
	num        int
	sym, words string
}

// extractTree writes, for a BoringSSL tree:
//
//	lib	NUMBER	SYMBOL	PRINTED NAME
//	reason	LIBRARY	MACRO	NUMBER
//	common	NUMBER	MACRO	WORDS
//
// the libraries in err.h's order, the reasons by library and number.
func extractTree(src string, w io.Writer) error {
	inc := filepath.Join(src, "include/openssl")
	errh, err := os.ReadFile(filepath.Join(inc, "err.h"))
	if err != nil {
		return err
	}
	libs, err := readLibs(string(errh))
	if err != nil {
		return err
	}
	errc, err := readFirst(filepath.Join(src, "crypto/err/err.cc"), filepath.Join(src, "crypto/err/err.c"))
	if err != nil {
		return err
	}
	m := reLibNames.FindStringSubmatch(errc)
	if m == nil {
		return fmt.Errorf("err.c: no kLibraryNames")
	}
	var names []string
	for _, line := range strings.Split(m[1], "\n") {
		if lm := reFirstLit.FindStringSubmatch(line); lm != nil {
			s, err := strconv.Unquote(`"` + lm[1] + `"`)
			if err != nil {
				return err
			}
			names = append(names, s)
		}
	}
	for i := range libs {
		if libs[i].num >= len(names) {
			return fmt.Errorf("err.c names no library %d (%s)", libs[i].num, libs[i].sym)
		}
		libs[i].words = names[libs[i].num]
	}
	bySym := map[string]lib{}
	for _, l := range libs {
		bySym[l.sym] = l
	}

	// The reasons of every header, each macro once.
	files, err := filepath.Glob(filepath.Join(inc, "*.h"))
	if err != nil {
		return err
	}
	sort.Strings(files)
	type reason struct {
		lib      lib
		name     string
		num      int
		fromFile string
	}
	var reasons []reason
	seen := map[string]reason{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		for _, m := range reDefine.FindAllStringSubmatch(string(b), -1) {
			if m[1] == "ERR" {
				continue
			}
			l, ok := bySym[m[1]]
			if !ok {
				return fmt.Errorf("%s: %s_R_%s: no library %s in err.h", filepath.Base(f), m[1], m[2], m[1])
			}
			n, _ := strconv.Atoi(m[3])
			r := reason{l, m[2], n, filepath.Base(f)}
			key := m[1] + "_R_" + m[2]
			if old, ok := seen[key]; ok {
				if old.num != n {
					return fmt.Errorf("%s is %d in %s and %d in %s", key, old.num, old.fromFile, n, r.fromFile)
				}
				continue
			}
			seen[key] = r
			reasons = append(reasons, r)
		}
	}
	if len(reasons) == 0 {
		return fmt.Errorf("%s: no reasons", inc)
	}

	// What BoringSSL prints is made from crypto/err/*.errordata
	// ("SSL,125,CERTIFICATE_VERIFY_FAILED"): it must be the headers'.
	data, err := filepath.Glob(filepath.Join(src, "crypto/err/*.errordata"))
	if err != nil {
		return err
	}
	printed := map[string]int{}
	for _, f := range data {
		b, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		for _, line := range strings.Split(string(b), "\n") {
			if line = strings.TrimSpace(line); line == "" {
				continue
			}
			p := strings.Split(line, ",")
			if len(p) != 3 {
				return fmt.Errorf("%s: bad line %q", filepath.Base(f), line)
			}
			n, err := strconv.Atoi(p[1])
			if err != nil {
				return fmt.Errorf("%s: bad line %q", filepath.Base(f), line)
			}
			printed[p[0]+"_R_"+p[2]] = n
		}
	}
	if len(printed) == 0 {
		return fmt.Errorf("%s: no errordata", filepath.Join(src, "crypto/err"))
	}
	for _, r := range reasons {
		key := r.lib.sym + "_R_" + r.name
		n, ok := printed[key]
		if !ok {
			return fmt.Errorf("%s (%s) is not in crypto/err/*.errordata", key, r.fromFile)
		}
		if n != r.num {
			return fmt.Errorf("%s is %d in %s, %d in errordata", key, r.num, r.fromFile, n)
		}
		delete(printed, key)
	}
	for key := range printed {
		return fmt.Errorf("%s of errordata has no #define in include/openssl", key)
	}
	sort.SliceStable(reasons, func(i, j int) bool {
		if reasons[i].lib.num != reasons[j].lib.num {
			return reasons[i].lib.num < reasons[j].lib.num
		}
		return reasons[i].num < reasons[j].num
	})

	// The common reasons: err.h's numbers, err.c's words.
	fm := reFatal.FindStringSubmatch(string(errh))
	if fm == nil {
		return fmt.Errorf("err.h: no ERR_R_FATAL")
	}
	fatal, _ := strconv.Atoi(fm[1])
	words := map[string]string{}
	for _, m := range reCommonWords.FindAllStringSubmatch(errc, -1) {
		s, err := gentable.CString(m[2])
		if err != nil {
			return err
		}
		words[m[1]] = s
	}
	var out []string
	for _, l := range libs {
		out = append(out, fmt.Sprintf("lib\t%d\t%s\t%s", l.num, l.sym, l.words))
	}
	for _, r := range reasons {
		out = append(out, fmt.Sprintf("reason\t%s\t%s_R_%s\t%d", r.lib.sym, r.lib.sym, r.name, r.num))
	}
	commons := reCommon.FindAllStringSubmatch(string(errh), -1)
	if len(commons) == 0 {
		return fmt.Errorf("err.h: no common reasons")
	}
	for _, m := range commons {
		n, _ := strconv.Atoi(m[2])
		s, ok := words[m[1]]
		if !ok {
			return fmt.Errorf("err.c has no words for ERR_R_%s", m[1])
		}
		out = append(out, fmt.Sprintf("common\t%d\tERR_R_%s\t%s", n|fatal, m[1], s))
	}
	for _, l := range out {
		if _, err := fmt.Fprintln(w, l); err != nil {
			return err
		}
	}
	return nil
}

// readLibs reads err.h's enum of library numbers.
func readLibs(errh string) ([]lib, error) {
	m := reLibEnum.FindStringSubmatch(errh)
	if m == nil {
		return nil, fmt.Errorf("err.h: no ERR_LIB_ enum")
	}
	var libs []lib
	next := 0
	for _, it := range reLibItem.FindAllStringSubmatch(m[1], -1) {
		if it[2] != "" {
			next, _ = strconv.Atoi(it[2])
		}
		libs = append(libs, lib{num: next, sym: it[1]})
		next++
	}
	if len(libs) < 20 {
		return nil, fmt.Errorf("err.h: only %d libraries", len(libs))
	}
	return libs, nil
}

func readFirst(paths ...string) (string, error) {
	var err error
	for _, p := range paths {
		var b []byte
		if b, err = os.ReadFile(p); err == nil {
			return string(b), nil
		}
	}
	return "", err
}

// versions are the extracts, oldest first.
var versions = []string{"2018", "2021", "2024", "2026"}

type boringLib struct {
	num        int
	sym, words string
}

type reason struct {
	lib, num    int
	macro, name string
	// older are names an older version printed for the same number.
	older []string
	nums  [4]int
}

// generate merges the versions by library and number: BoringSSL never
// gives a number to another reason, and a rename (2018's
// TLSV1_CERTIFICATE_REQUIRED, later TLSV1_ALERT_CERTIFICATE_REQUIRED)
// keeps the number, so a reason's name is the newest and the older ones
// are kept beside it.
func generate(data string, w io.Writer) error {
	var all []*reason
	byKey := map[[2]int]*reason{}
	var libs []boringLib
	var libSyms []string
	commons := map[int][2]string{}
	var commonOrder []int
	for v := len(versions) - 1; v >= 0; v-- {
		syms := map[string]int{}
		err := gentable.Lines(filepath.Join(data, "boringssl-"+versions[v]+".txt"), func(f []string, _ int) error {
			if len(f) != 4 {
				return fmt.Errorf("not 4 fields: %q", strings.Join(f, "\t"))
			}
			switch f[0] {
			case "lib":
				n, err := strconv.Atoi(f[1])
				if err != nil {
					return err
				}
				syms[f[2]] = n
				// A number can change hands (2018's 32 was USER, later
				// TRUST_TOKEN's): each library once, the newest number.
				if !gentable.Contains(libSyms, f[2]) {
					libSyms = append(libSyms, f[2])
					libs = append(libs, boringLib{n, f[2], f[3]})
				}
			case "reason":
				l, ok := syms[f[1]]
				if !ok {
					return fmt.Errorf("no library %s", f[1])
				}
				n, err := strconv.Atoi(f[3])
				if err != nil {
					return err
				}
				name := strings.TrimPrefix(f[2], f[1]+"_R_")
				r, ok := byKey[[2]int{l, n}]
				if !ok {
					r = &reason{lib: l, num: n, macro: f[2], name: name}
					byKey[[2]int{l, n}] = r
					all = append(all, r)
				} else if name != r.name && !gentable.Contains(r.older, name) {
					r.older = append(r.older, name)
				}
				r.nums[v] = n
			case "common":
				n, err := strconv.Atoi(f[1])
				if err != nil {
					return err
				}
				if _, ok := commons[n]; !ok {
					commons[n] = [2]string{f[2], f[3]}
					commonOrder = append(commonOrder, n)
				}
			default:
				return fmt.Errorf("unknown line kind %q", f[0])
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	sort.SliceStable(libs, func(i, j int) bool { return libs[i].num < libs[j].num })
	sort.Ints(commonOrder)
	sort.SliceStable(all, func(i, j int) bool {
		if all[i].lib != all[j].lib {
			return all[i].lib < all[j].lib
		}
		return all[i].num < all[j].num
	})
	var out bytes.Buffer
	fmt.Fprintf(&out, "// Code generated by scripts/genboringssl from BoringSSL's headers (testdata/boringssl-errors); DO NOT EDIT.\n\n")
	fmt.Fprintf(&out, "package catalogue\n\n")
	fmt.Fprintf(&out, "// boringLibs is every library of BoringSSL's err.h: its number, symbol and\n// the name BoringSSL prints for it.\n")
	fmt.Fprintf(&out, "var boringLibs = []boringLib{\n")
	for _, l := range libs {
		fmt.Fprintf(&out, "\t{%d, %q, %q},\n", l.num, l.sym, l.words)
	}
	fmt.Fprintf(&out, "}\n\n")
	fmt.Fprintf(&out, "// boringCommon is BoringSSL's common reasons (any library reports them):\n// number, macro and the words BoringSSL prints.\n")
	fmt.Fprintf(&out, "var boringCommon = []boringLib{\n")
	for _, n := range commonOrder {
		fmt.Fprintf(&out, "\t{%d, %q, %q},\n", n, commons[n][0], commons[n][1])
	}
	fmt.Fprintf(&out, "}\n\n")
	fmt.Fprintf(&out, "// boringReasons is every reason of BoringSSL's headers in %s: library,\n// number, macro, the name it prints, older names, and the number in\n// each of those versions (0: not in it).\n", strings.Join(versions, ", "))
	fmt.Fprintf(&out, "var boringReasons = []BoringReason{\n")
	for _, r := range all {
		fmt.Fprintf(&out, "\t{%d, %d, %q, %q, %s, [4]int{%d, %d, %d, %d}},\n", r.lib, r.num, r.macro, r.name, gentable.Strings(r.older), r.nums[0], r.nums[1], r.nums[2], r.nums[3])
	}
	fmt.Fprintf(&out, "}\n")
	return gentable.Write(w, out.Bytes())
}
