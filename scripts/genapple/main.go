// Command genapple writes catalogue/apple_gen.go: every error code of
// Apple's TLS stack as iOS and macOS programs print it: Secure
// Transport's errSSL codes (-9800 to -9899, also the domain of the TLS
// errors of Network.framework and CFNetwork), the Security framework's
// errSec codes (SecBase.h: trust, keychain, PKCS#12 import), CFNetwork's
// codes (CFNetworkErrors.h: kCFURLError, kCFErrorHTTP...) and the URL
// loading system's NSURLError codes, with Apple's header comments as
// their words, and curl's words for the Secure Transport codes it names.
//
// It reads the extracts in testdata/apple-errors (see the README there
// for their sources). The -extract mode makes one from a source tree; the
// kind of tree is told by the files it holds:
//
//   - Apple's Security sources (base/SecBase.h and base/SecBasePriv.h, and
//     the errSSL codes in OSX/libsecurity_ssl/lib/SecureTransport.h before
//     they moved to SecBase.h): "CODE<TAB>NAME<TAB>WORDS" for each errSSL
//     and errSec code, then "check<TAB>NAME<TAB>STATUS<TAB>WORDS" for each
//     trust policy check (OSX/sec/Security/SecPolicyChecks.list, with the
//     words of OSX/sec/Security/SecFrameworkStrings.h);
//   - a directory holding CFNetworkErrors.h (a macOS SDK's): the same for
//     each code of its CFNetworkErrors enum;
//   - swift-corelibs-foundation (Sources/Foundation/NSError.swift): the
//     same, without words, for each case of URLError.Code, named as the
//     NSURLError constant of Sources/Foundation/NSURLError.swift;
//   - curl (lib/vtls/sectransp.c): "NAME<TAB>WORDS" for each code whose
//     case prints its own words.
//
// Run it from the repository root:
//
//	go run ./scripts/genapple > catalogue/apple_gen.go
//
// and to remake an extract:
//
//	go run ./scripts/genapple -extract -src TREE > testdata/apple-errors/FILE.txt
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
	gentable.Main("genapple", "testdata/apple-errors", "Apple's Security sources, a CFNetworkErrors.h, swift-corelibs-foundation or curl", extractTree, generate)
}

var (
	// errSSLClosedAbort = -9806, /* connection closed via error */
	// (a comment that goes on to the next line is cut at the line's end).
	reEnum = regexp.MustCompile(`(?m)^\s*((?:errSSL|errSec)\w+)\s*=\s*(-?\d+)L?\s*,?[ \t]*(?:/\*[ \t]*(.*?)[ \t]*(?:\*/|$))?[ \t]*$`)
	// SecBasePriv.h's codes that take another's number, with words of
	// their own: errSecInvalidCertificate = errSecDecode, // -26265, /* words */
	rePrivAlias = regexp.MustCompile(`(?m)^\s*(errSec\w+)\s*=\s*(errSec\w+)\s*,\s*//\s*-?\d+,?\s*/\*\s*(.*?)\s*\*/`)
	// errSecDskFull __attribute__((deprecated(...))) = errSecDiskFull,
	reEnumAlias = regexp.MustCompile(`(?m)^\s*((?:errSSL|errSec)\w+)\s+(?:__attribute__|API_DEPRECATED)[^=\n]*=\s*((?:errSSL|errSec)\w+)\s*,`)
	// #define errSSLServerAuthCompleted	errSSLPeerAuthCompleted
	reDefineAlias = regexp.MustCompile(`(?m)^#define\s+((?:errSSL|errSec)\w+)\s+((?:errSSL|errSec)\w+)\s*$`)
	// @constant errSecPkcs12VerifyFailure MAC verification failed during PKCS12 Import.
	reConstant = regexp.MustCompile(`(?m)^\s*@constant\s+((?:errSSL|errSec)\w+)[ \t]+(\S[^\n]*?)\s*$`)
	// POLICYCHECKMACRO(SSLHostname, R, N, L,  , O, H, 0x80012400, errSecHostNameMismatch)
	rePolicyCheck = regexp.MustCompile(`(?m)^POLICYCHECKMACRO\((\w+),[^)]*,\s*(errSec\w+)\s*\)`)
	// #define SEC_TRUST_ERROR_SSLHostname SecStringWithDefaultValue("words", ...
	reTrustString = regexp.MustCompile(`(?m)^#define SEC_TRUST_ERROR_(\w+)\s+SecStringWithDefaultValue\(\s*` + gentable.Literals + `,`)
	// kCFURLErrorSecureConnectionFailed = -1200, // comment
	reCFNet = regexp.MustCompile(`(?m)^\s*(kCF\w+)\s*=\s*(-?\d+)L?\s*,?[ \t]*(?://\s*(.*?))?\s*$`)
	// case secureConnectionFailed = -1200
	reSwiftCase = regexp.MustCompile(`(?m)^\s*case\s+(\w+)\s*=\s*(-?\d+)\s*$`)
	// public var NSURLErrorSecureConnectionFailed: Int { return -1201 }
	reSwiftVar = regexp.MustCompile(`(?m)^public var (NSURLError\w+): Int \{ return (-?\d+) \}`)
	// case errSSLXCertChainInvalid: ... failf(data, "words" "more");
	// or "case -25264: /* errSecPkcs12VerifyFailure */".
	reCurlCases = regexp.MustCompile(`((?:\s*case\s+(?:(?:errSSL|errSec)\w+|-\d+)\s*:[ \t]*(?:/\*[^*]*\*/|//[^\n]*)?)+)\s*failf\(data,\s*` + gentable.Literals + `[,)]`)
	reCurlCase  = regexp.MustCompile(`case\s+(?:((?:errSSL|errSec)\w+)\s*:|-\d+\s*:[ \t]*/\*\s*((?:errSSL|errSec)\w+)\s*\*/)`)
)

func extractTree(src string, w io.Writer) error {
	var lines []string
	var err error
	switch {
	case exists(src, "base/SecBase.h"):
		lines, err = extractSecurity(src)
	case exists(src, "CFNetworkErrors.h"):
		lines, err = extractCFNetwork(filepath.Join(src, "CFNetworkErrors.h"))
	case exists(src, "Sources/Foundation/NSError.swift"):
		lines, err = extractFoundation(src)
	case exists(src, "lib/vtls/sectransp.c"):
		lines, err = extractCurl(filepath.Join(src, "lib/vtls/sectransp.c"))
	default:
		err = fmt.Errorf("%s: neither Security (base/SecBase.h), CFNetworkErrors.h, swift-corelibs-foundation nor curl (lib/vtls/sectransp.c)", src)
	}
	if err != nil {
		return err
	}
	for _, l := range lines {
		if _, err := fmt.Fprintln(w, l); err != nil {
			return err
		}
	}
	return nil
}

func exists(dir, f string) bool {
	_, err := os.Stat(filepath.Join(dir, f))
	return err == nil
}

// extractSecurity lists the errSSL codes (SecBase.h's, else
// SecureTransport.h's) then the errSec codes of SecBase.h, each in its
// header's order, then their aliases. A code without a comment of its
// own has the words of its @constant line, when it has one.
func extractSecurity(src string) ([]string, error) {
	secBase, err := os.ReadFile(filepath.Join(src, "base/SecBase.h"))
	if err != nil {
		return nil, err
	}
	secBasePriv, err := os.ReadFile(filepath.Join(src, "base/SecBasePriv.h"))
	if err != nil {
		return nil, err
	}
	headers := [][]byte{secBase, secBasePriv}
	if !reEnumHas(secBase, "errSSL") {
		st, err := os.ReadFile(filepath.Join(src, "OSX/libsecurity_ssl/lib/SecureTransport.h"))
		if err != nil {
			return nil, err
		}
		headers = append([][]byte{st}, headers...)
	}
	type row struct{ code, name, words string }
	var ssl, sec []row
	byName := map[string]row{}
	var aliases [][3]string
	for _, h := range headers {
		doc := map[string]string{}
		for _, m := range reConstant.FindAllStringSubmatch(string(h), -1) {
			doc[m[1]] = m[2]
		}
		for _, m := range reEnum.FindAllStringSubmatch(string(h), -1) {
			words := m[3]
			if words == "" {
				words = doc[m[1]]
			}
			r := row{m[2], m[1], strings.Join(strings.Fields(words), " ")}
			if _, dup := byName[r.name]; dup {
				return nil, fmt.Errorf("%s twice", r.name)
			}
			byName[r.name] = r
			if strings.HasPrefix(r.name, "errSSL") {
				ssl = append(ssl, r)
			} else {
				sec = append(sec, r)
			}
		}
		for _, re := range []*regexp.Regexp{reEnumAlias, reDefineAlias} {
			for _, m := range re.FindAllStringSubmatch(string(h), -1) {
				aliases = append(aliases, [3]string{m[1], m[2], ""})
			}
		}
		for _, m := range rePrivAlias.FindAllStringSubmatch(string(h), -1) {
			aliases = append(aliases, [3]string{m[1], m[2], strings.Join(strings.Fields(m[3]), " ")})
		}
	}
	if len(ssl) < 50 || len(sec) < 300 {
		return nil, fmt.Errorf("%s: only %d errSSL and %d errSec codes", src, len(ssl), len(sec))
	}
	var out []string
	for _, r := range append(ssl, sec...) {
		out = append(out, r.code+"\t"+r.name+"\t"+r.words)
	}
	for _, a := range aliases {
		r, ok := byName[a[1]]
		if !ok {
			continue // an alias of a name the headers do not number (errSSLLast)
		}
		words := a[2]
		if words == "" {
			words = r.words
		}
		out = append(out, r.code+"\t"+a[0]+"\t"+words)
	}
	checks, err := extractChecks(src)
	if err != nil {
		return nil, err
	}
	return append(out, checks...), nil
}

// extractChecks lists the trust policy checks of SecPolicyChecks.list,
// "check<TAB>NAME<TAB>STATUS<TAB>WORDS": the errSec code a failed check
// returns and the words of its SEC_TRUST_ERROR_ string in
// SecFrameworkStrings.h, which SecTrustEvaluateWithError's errors print.
func extractChecks(src string) ([]string, error) {
	list, err := os.ReadFile(filepath.Join(src, "OSX/sec/Security/SecPolicyChecks.list"))
	if err != nil {
		return nil, err
	}
	strs, err := os.ReadFile(filepath.Join(src, "OSX/sec/Security/SecFrameworkStrings.h"))
	if err != nil {
		return nil, err
	}
	words := map[string]string{}
	for _, m := range reTrustString.FindAllStringSubmatch(string(strs), -1) {
		w, err := gentable.CString(m[2])
		if err != nil {
			return nil, err
		}
		words[m[1]] = w
	}
	var out []string
	for _, m := range rePolicyCheck.FindAllStringSubmatch(string(list), -1) {
		out = append(out, "check\t"+m[1]+"\t"+m[2]+"\t"+words[m[1]])
	}
	if len(out) < 40 {
		return nil, fmt.Errorf("SecPolicyChecks.list: only %d checks", len(out))
	}
	return out, nil
}

func reEnumHas(h []byte, prefix string) bool {
	for _, m := range reEnum.FindAllSubmatch(h, -1) {
		if bytes.HasPrefix(m[1], []byte(prefix)) {
			return true
		}
	}
	return false
}

// extractCFNetwork lists the CFNetworkErrors enum, with the words of a
// code's trailing comment.
func extractCFNetwork(path string) ([]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	s := string(b)
	start := strings.Index(s, "CFNetworkErrors) {")
	if start < 0 {
		start = strings.Index(s, "enum CFNetworkErrors {")
	}
	if start < 0 {
		return nil, fmt.Errorf("%s: no CFNetworkErrors enum", path)
	}
	end := strings.Index(s[start:], "};")
	var out []string
	for _, m := range reCFNet.FindAllStringSubmatch(s[start:start+end], -1) {
		out = append(out, m[2]+"\t"+m[1]+"\t"+strings.Join(strings.Fields(m[3]), " "))
	}
	if len(out) < 50 {
		return nil, fmt.Errorf("%s: only %d codes", path, len(out))
	}
	return out, nil
}

// extractFoundation lists URLError.Code's cases under their NSURLError
// constants' names. The numbers are URLError.Code's, which are Apple's:
// NSURLError.swift's own constants for the SSL codes are one off
// (NSURLErrorSecureConnectionFailed -1201 where Apple's is -1200), so
// they give only the names.
func extractFoundation(src string) ([]string, error) {
	e, err := os.ReadFile(filepath.Join(src, "Sources/Foundation/NSError.swift"))
	if err != nil {
		return nil, err
	}
	c, err := os.ReadFile(filepath.Join(src, "Sources/Foundation/NSURLError.swift"))
	if err != nil {
		return nil, err
	}
	s := string(e)
	start := strings.Index(s, "public struct URLError")
	if start < 0 {
		return nil, fmt.Errorf("NSError.swift: no URLError")
	}
	s = s[start:]
	start = strings.Index(s, "public enum Code")
	end := strings.Index(s[start:], "\n    }")
	if start < 0 || end < 0 {
		return nil, fmt.Errorf("NSError.swift: no URLError.Code")
	}
	names := map[string]string{}
	for _, m := range reSwiftVar.FindAllStringSubmatch(string(c), -1) {
		names[strings.ToLower(strings.TrimPrefix(m[1], "NSURLError"))] = m[1]
	}
	var out []string
	for _, m := range reSwiftCase.FindAllStringSubmatch(s[start:start+end], -1) {
		name, ok := names[strings.ToLower(m[1])]
		if !ok {
			return nil, fmt.Errorf("URLError.Code.%s has no NSURLError constant", m[1])
		}
		out = append(out, m[2]+"\t"+name+"\t")
	}
	if len(out) < 40 {
		return nil, fmt.Errorf("URLError.Code: only %d cases", len(out))
	}
	return out, nil
}

// extractCurl lists the words curl's Secure Transport code prints for
// each errSSL or errSec code it names in a case of its own.
func extractCurl(path string) ([]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, m := range reCurlCases.FindAllStringSubmatch(string(b), -1) {
		words, err := gentable.CString(m[2])
		if err != nil {
			return nil, err
		}
		for _, c := range reCurlCase.FindAllStringSubmatch(m[1], -1) {
			out = append(out, c[1]+c[2]+"\t"+strings.TrimSpace(words))
		}
	}
	if len(out) < 30 {
		return nil, fmt.Errorf("%s: only %d codes with words", path, len(out))
	}
	return out, nil
}

// The extracts, newest first within each source.
var (
	securityVersions   = []string{"security-61901.0.87.0.1", "security-58286.270.3.0.1"}
	cfnetworkVersions  = []string{"cfnetwork-macosx11.3"}
	foundationVersions = []string{"foundation-swift-6.3.3"}
	curlVersions       = []string{"curl-8.14.1"}
)

type appleError struct {
	code       int
	name, text string
	spellings  []string
}

// generate merges the versions by name and number, newest first: a
// code's words are the newest version's, older ones' words and curl's
// its spellings. Of curl's words around a printf conversion ("did not
// match \"%s\""), the longest part is kept.
func generate(data string, w io.Writer) error {
	var all []*appleError
	byKey := map[string]*appleError{}
	var checks []*trustCheck
	checkByName := map[string]*trustCheck{}
	addCheck := func(f []string) error {
		if len(f) != 4 {
			return fmt.Errorf("not check<TAB>NAME<TAB>STATUS<TAB>WORDS: %q", strings.Join(f, "\t"))
		}
		c, ok := checkByName[f[1]]
		if !ok {
			c = &trustCheck{name: f[1], status: f[2], text: f[3]}
			checkByName[f[1]] = c
			checks = append(checks, c)
		} else if c.status != f[2] {
			return fmt.Errorf("check %s returns %s and %s", f[1], c.status, f[2])
		}
		return nil
	}
	add := func(file string) error {
		return gentable.Lines(filepath.Join(data, file+".txt"), func(f []string, _ int) error {
			if f[0] == "check" {
				return addCheck(f)
			}
			if len(f) != 3 {
				return fmt.Errorf("not NUMBER<TAB>NAME<TAB>WORDS: %q", strings.Join(f, "\t"))
			}
			code, err := strconv.Atoi(f[0])
			if err != nil {
				return fmt.Errorf("bad number %q", f[0])
			}
			key := f[0] + " " + f[1]
			e, ok := byKey[key]
			if !ok {
				e = &appleError{code: code, name: f[1], text: f[2]}
				byKey[key] = e
				all = append(all, e)
				return nil
			}
			if f[2] != "" && f[2] != e.text && !gentable.Contains(e.spellings, f[2]) {
				if e.text == "" {
					e.text = f[2]
				} else {
					e.spellings = append(e.spellings, f[2])
				}
			}
			return nil
		})
	}
	for _, list := range [][]string{securityVersions, cfnetworkVersions, foundationVersions} {
		for _, v := range list {
			if err := add(v); err != nil {
				return err
			}
		}
	}
	byName := map[string][]*appleError{}
	for _, e := range all {
		byName[e.name] = append(byName[e.name], e)
	}
	// NSURLError's numbers are CFNetwork's kCFURLError numbers, but for
	// NSURLErrorUnknown (-1; kCFURLErrorUnknown is -998).
	for _, e := range all {
		if n, ok := strings.CutPrefix(e.name, "NSURLError"); ok && n != "Unknown" {
			for _, c := range byName["kCFURLError"+n] {
				if c.code != e.code {
					return fmt.Errorf("%s is %d, kCFURLError%s %d", e.name, e.code, n, c.code)
				}
			}
		}
	}
	for _, v := range curlVersions {
		err := gentable.Lines(filepath.Join(data, v+".txt"), func(f []string, _ int) error {
			if len(f) != 2 {
				return fmt.Errorf("not NAME<TAB>WORDS: %q", strings.Join(f, "\t"))
			}
			es, ok := byName[f[0]]
			if !ok {
				return fmt.Errorf("curl names %s, which no Security extract has", f[0])
			}
			words := longestPart(f[1])
			for _, e := range es {
				if words != e.text && !gentable.Contains(e.spellings, words) {
					e.spellings = append(e.spellings, words)
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	// Secure Transport's codes first, then the Security framework's, then
	// CFNetwork's and the URL loading system's; each by number, from the
	// one nearest zero.
	rank := func(e *appleError) int {
		switch {
		case strings.HasPrefix(e.name, "errSSL"):
			return 0
		case strings.HasPrefix(e.name, "errSec"):
			return 1
		case strings.HasPrefix(e.name, "NSURLError"):
			return 2
		}
		return 3
	}
	sort.SliceStable(all, func(i, j int) bool {
		a, b := all[i], all[j]
		if rank(a) != rank(b) {
			return rank(a) < rank(b)
		}
		if abs(a.code) != abs(b.code) {
			return abs(a.code) < abs(b.code)
		}
		return a.code < b.code
	})
	for _, c := range checks {
		if _, ok := byName[c.status]; !ok {
			return fmt.Errorf("check %s returns %s, which no extract numbers", c.name, c.status)
		}
	}
	var out bytes.Buffer
	fmt.Fprintf(&out, "// Code generated by scripts/genapple from Apple's headers (testdata/apple-errors); DO NOT EDIT.\n\n")
	fmt.Fprintf(&out, "package catalogue\n\n")
	fmt.Fprintf(&out, "// appleErrors is every errSSL and errSec code of Apple's Security\n// framework (%s), every CFNetworkErrors code (%s) and every\n// NSURLError code (%s): its number, name, Apple's words\n// for it, older versions' and curl's (%s) words.\n",
		strings.Join(securityVersions, ", "), strings.Join(cfnetworkVersions, ", "), strings.Join(foundationVersions, ", "), strings.Join(curlVersions, ", "))
	fmt.Fprintf(&out, "var appleErrors = []AppleError{\n")
	for _, e := range all {
		fmt.Fprintf(&out, "\t{%d, %q, %q, %s},\n", e.code, e.name, e.text, gentable.Strings(e.spellings))
	}
	fmt.Fprintf(&out, "}\n\n")
	fmt.Fprintf(&out, "// appleTrustChecks is every trust policy check of SecPolicyChecks.list\n// (%s): its name, the errSec code it fails with, and its words\n// (SecFrameworkStrings.h's SEC_TRUST_ERROR_ string).\n", strings.Join(securityVersions, ", "))
	fmt.Fprintf(&out, "var appleTrustChecks = []AppleTrustCheck{\n")
	for _, c := range checks {
		fmt.Fprintf(&out, "\t{%q, %q, %q},\n", c.name, c.status, c.text)
	}
	fmt.Fprintf(&out, "}\n")
	return gentable.Write(w, out.Bytes())
}

type trustCheck struct{ name, status, text string }

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// reConversion is a printf conversion in curl's words, with the quotes
// around it.
var reConversion = regexp.MustCompile(`"?%[a-z]+"?`)

// longestPart is the longest of the parts of words between conversions.
func longestPart(words string) string {
	best := ""
	for _, p := range reConversion.Split(words, -1) {
		if p = strings.TrimSpace(p); len(p) > len(best) {
			best = p
		}
	}
	return best
}
