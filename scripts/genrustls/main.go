// Command genrustls generates catalogue/rustls_gen.go, every variant of
// rustls's error enums (Error, CertificateError, PeerMisbehaved,
// PeerIncompatible, InvalidMessage, CertRevocationListError,
// EncryptedClientHelloError, InconsistentKeys, AlertDescription) and of
// webpki's Error, with the words their Display prints, from the extracts
// in testdata/rustls-errors (one per version: the crates' own sources, see
// its README.md).
//
//	go run ./scripts/genrustls > catalogue/rustls_gen.go
//	go run ./scripts/genrustls -extract -src DIR > testdata/rustls-errors/rustls-0.23.43.txt
//
// An extract's lines are "Enum<TAB>Variant<TAB>Side<TAB>Words..." after a
// "# crate NAME VERSION" line: Side is the part of rustls that returns the
// variant (client, server, both, or - when it is not told by the
// directory), Words the literal words of the variant's Display arm with
// its placeholders as {} (none: Display prints the variant's Debug name);
// for AlertDescription the one word is the alert's number. rustls 0.19
// and 0.20 gave PeerIncompatibleError and PeerMisbehavedError a free text:
// each text of their call sites is a "Reason" line whose Variant is the
// enum and whose first word is the text.
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
	gentable.Main("genrustls", "testdata/rustls-errors", "a rustls (or webpki) source tree: a checkout of one tag", extract, generate)
}

// rustlsEnums are the enums of rustls's error.rs that the table holds.
var rustlsEnums = []string{"Error", "CertificateError", "PeerMisbehaved", "PeerIncompatible", "InvalidMessage",
	"CertRevocationListError", "EncryptedClientHelloError", "InconsistentKeys"}

var (
	reComment  = regexp.MustCompile(`(?m)//[^\n]*$`)
	reLiteral  = regexp.MustCompile(`"((?:[^"\\]|\\.|\\\n)*)"`)
	rePlace    = regexp.MustCompile(`\{[^{}]*\}`)
	reContinue = regexp.MustCompile(`\\\n\s*`)
	reAlertVal = regexp.MustCompile(`(\w+)\s*=>\s*(0x[0-9a-fA-F]+|\d+)`)
	reVersion  = regexp.MustCompile(`(?m)^version\s*=\s*"([^"]+)"`)
	reCall     = regexp.MustCompile(`\b(PeerIncompatibleError|PeerMisbehavedError|incompatible|bad_version|illegal_param|decode_error)\(`)
	reLogAlert = regexp.MustCompile(`(?:warn|error)!\(\s*"([^"]*alert[^"]*)"`)
	reCertData = regexp.MustCompile(`InvalidCertificateData\(\s*format!\(\s*"([^"]*)"`)
)

// extract writes the extract of the source tree src: rustls when it has
// rustls/src/error.rs, webpki when it has src/error.rs.
func extract(src string, w io.Writer) error {
	root, crate := filepath.Join(src, "rustls", "src"), "rustls"
	if _, err := os.Stat(filepath.Join(root, "error.rs")); err != nil {
		root, crate = filepath.Join(src, "src"), "webpki"
	}
	errRS, err := os.ReadFile(filepath.Join(root, "error.rs"))
	if err != nil {
		return err
	}
	files, err := sources(root)
	if err != nil {
		return err
	}
	version := "unknown"
	for _, c := range []string{filepath.Join(src, "rustls", "Cargo.toml"), filepath.Join(src, "Cargo.toml")} {
		if b, err := os.ReadFile(c); err == nil {
			if m := reVersion.FindSubmatch(b); m != nil {
				version = string(m[1])
				break
			}
		}
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "# crate %s %s\n", crate, version)
	text := reComment.ReplaceAllString(string(errRS), "")
	if crate == "webpki" {
		for _, v := range variants(text, "Error") {
			fmt.Fprintf(&b, "Error\t%s\t-\n", v)
		}
		_, err = w.Write(b.Bytes())
		return err
	}
	for _, enum := range rustlsEnums {
		name := enum
		if enum == "Error" && !strings.Contains(text, "pub enum Error ") {
			name = "TLSError" // rustls 0.19
		}
		display := displayArms(text, name)
		for _, v := range variants(text, name) {
			words := display[v]
			if enum == "Error" && v == "InvalidCertificateData" {
				for _, f := range files {
					for _, m := range reCertData.FindAllStringSubmatch(f.text, -1) {
						words = append(words, rePlace.ReplaceAllString(m[1], "{}"))
					}
				}
			}
			fmt.Fprintf(&b, "%s\t%s\t%s%s\n", enum, v, side(files, enum, v), tabbed(words))
		}
	}
	for _, f := range files {
		for _, m := range reLogAlert.FindAllStringSubmatch(f.text, -1) {
			fmt.Fprintf(&b, "Log\t-\t%s\t%s\n", f.side, rePlace.ReplaceAllString(m[1], "{}"))
		}
	}
	alerts, err := alertValues(files)
	if err != nil {
		return err
	}
	b.WriteString(alerts)
	b.WriteString(reasons(files))
	_, err = w.Write(b.Bytes())
	return err
}

func tabbed(words []string) string {
	if len(words) == 0 {
		return ""
	}
	return "\t" + strings.Join(words, "\t")
}

// source is one .rs file of the crate (tests left out), comments removed,
// and the side its directory is of.
type source struct {
	path, text, side string
}

func sources(root string) ([]source, error) {
	var out []source
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".rs") || strings.Contains(p, "test") {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		s := "-"
		switch {
		case strings.HasPrefix(rel, "client"):
			s = "client"
		case strings.HasPrefix(rel, "server"):
			s = "server"
		}
		// Unit tests inside a file come after its #[cfg(test)].
		t := string(b)
		if i := strings.Index(t, "#[cfg(test)]"); i >= 0 {
			t = t[:i]
		}
		out = append(out, source{rel, reComment.ReplaceAllString(t, ""), s})
		return nil
	})
	sort.Slice(out, func(i, j int) bool { return out[i].path < out[j].path })
	return out, err
}

// block is the text inside the braces that open at or after from.
func block(text string, from int) (string, int) {
	i := strings.IndexByte(text[from:], '{')
	if i < 0 {
		return "", -1
	}
	start, depth := from+i, 0
	for j := start; j < len(text); j++ {
		switch text[j] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return text[start+1 : j], j
			}
		}
	}
	return "", -1
}

// variants lists the variants of "pub enum name" in text.
func variants(text, name string) []string {
	i := strings.Index(text, "pub enum "+name+" ")
	if i < 0 {
		return nil
	}
	body, _ := block(text, i)
	var out []string
	depth, start := 0, 0
	piece := func(s string) {
		s = dropAttributes(s)
		s = strings.TrimSpace(s)
		n := 0
		for n < len(s) && (s[n] == '_' || s[n] >= 'a' && s[n] <= 'z' || s[n] >= 'A' && s[n] <= 'Z' || s[n] >= '0' && s[n] <= '9') {
			n++
		}
		if n > 0 {
			out = append(out, s[:n])
		}
	}
	for j := 0; j < len(body); j++ {
		switch body[j] {
		case '{', '(', '[', '<':
			depth++
		case '}', ')', ']', '>':
			depth--
		case ',':
			if depth == 0 {
				piece(body[start:j])
				start = j + 1
			}
		}
	}
	piece(body[start:])
	return out
}

// dropAttributes removes #[...] attributes.
func dropAttributes(s string) string {
	for {
		i := strings.Index(s, "#[")
		if i < 0 {
			return s
		}
		depth, j := 0, i+1
		for ; j < len(s); j++ {
			if s[j] == '[' {
				depth++
			} else if s[j] == ']' {
				depth--
				if depth == 0 {
					break
				}
			}
		}
		if j >= len(s) {
			return s[:i]
		}
		s = s[:i] + s[j+1:]
	}
}

// displayArms maps each variant of name's Display impl to the literal
// words of its arm; an arm that prints the Debug form has none.
func displayArms(text, name string) map[string][]string {
	out := map[string][]string{}
	i := strings.Index(text, "Display for "+name+" ")
	if i < 0 {
		return out
	}
	body, _ := block(text, i)
	re := regexp.MustCompile(`(?:Self|` + name + `)::(\w+)[^=;]*?=>`)
	ms := re.FindAllStringSubmatchIndex(body, -1)
	for k, m := range ms {
		end := len(body)
		if k+1 < len(ms) {
			end = ms[k+1][0]
		}
		arm := body[m[1]:end]
		if j := strings.Index(arm, "\n            other =>"); j >= 0 {
			arm = arm[:j]
		}
		var words []string
		for _, l := range reLiteral.FindAllStringSubmatch(arm, -1) {
			s := reContinue.ReplaceAllString(l[1], "")
			if u, err := strconv.Unquote(`"` + s + `"`); err == nil {
				s = u
			}
			s = rePlace.ReplaceAllString(s, "{}")
			if len(strings.Trim(rePlace.ReplaceAllString(s, ""), " ,")) < 4 {
				continue // a placeholder, or a joint such as " or {}"
			}
			words = append(words, s)
		}
		out[body[m[2]:m[3]]] = words
	}
	return out
}

// side says which part of rustls returns enum::v: client, server, both, or -.
func side(files []source, enum, v string) string {
	if enum != "PeerIncompatible" && enum != "PeerMisbehaved" && enum != "InvalidMessage" && enum != "Error" {
		return "-"
	}
	re := regexp.MustCompile(`\b` + enum + `::` + v + `\b`)
	if enum == "Error" {
		re = regexp.MustCompile(`\b(?:Error|TLSError)::` + v + `\b`)
	}
	client, server := false, false
	for _, f := range files {
		if re.MatchString(f.text) {
			client = client || f.side == "client"
			server = server || f.side == "server"
		}
	}
	switch {
	case client && server:
		return "both"
	case client:
		return "client"
	case server:
		return "server"
	}
	return "-"
}

// alertValues lists AlertDescription's variants and numbers.
func alertValues(files []source) (string, error) {
	for _, f := range files {
		i := strings.Index(f.text, "EnumName: AlertDescription;")
		if i < 0 {
			i = strings.Index(f.text, "pub enum AlertDescription {")
		}
		if i < 0 {
			continue
		}
		body, _ := block(f.text, i)
		var b strings.Builder
		for _, m := range reAlertVal.FindAllStringSubmatch(body, -1) {
			n, err := strconv.ParseUint(m[2], 0, 8)
			if err != nil {
				return "", err
			}
			fmt.Fprintf(&b, "AlertDescription\t%s\t-\t%d\n", m[1], n)
		}
		return b.String(), nil
	}
	return "", fmt.Errorf("no AlertDescription")
}

// reasons lists the free texts of rustls 0.19's and 0.20's
// PeerIncompatibleError and PeerMisbehavedError, by their call sites and
// those of the helpers that return them.
func reasons(files []source) string {
	seen := map[string]bool{}
	var lines []string
	for _, f := range files {
		if f.path == "error.rs" {
			continue
		}
		for _, m := range reCall.FindAllStringSubmatchIndex(f.text, -1) {
			if strings.HasSuffix(strings.TrimSpace(f.text[max(0, m[0]-4):m[0]]), "fn") {
				continue
			}
			rest := f.text[m[1]:min(len(f.text), m[1]+300)]
			if j := strings.IndexAny(rest, ";"); j >= 0 {
				rest = rest[:j]
			}
			l := reLiteral.FindStringSubmatch(rest)
			if l == nil || strings.Contains(l[1], "{") {
				continue
			}
			enum := "PeerMisbehavedError"
			switch f.text[m[2]:m[3]] {
			case "PeerIncompatibleError", "incompatible", "bad_version":
				enum = "PeerIncompatibleError"
			}
			key := enum + "\t" + l[1]
			if !seen[key] {
				seen[key] = true
				lines = append(lines, fmt.Sprintf("Reason\t%s\t%s\t%s\n", enum, f.side, l[1]))
			}
		}
	}
	return strings.Join(lines, "")
}

// row is one variant of the table: its crate, enum and name, the side that
// returns it, its alert number, words, and the versions that have it.
type row struct {
	crate, enum, name, side string
	alert                   int
	words                   []string
	versions                []string
}

// generate writes the Go table of the extracts in data, newest version
// first within a crate.
func generate(data string, w io.Writer) error {
	paths, err := filepath.Glob(filepath.Join(data, "*.txt"))
	if err != nil {
		return err
	}
	type extract struct {
		crate, version string
		path           string
	}
	var exs []extract
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		var crate, version string
		if _, err := fmt.Sscanf(string(b), "# crate %s %s", &crate, &version); err != nil {
			return fmt.Errorf("%s: no # crate line: %w", p, err)
		}
		exs = append(exs, extract{crate, version, p})
	}
	sort.Slice(exs, func(i, j int) bool {
		if exs[i].crate != exs[j].crate {
			return exs[i].crate < exs[j].crate // rustls, then webpki
		}
		return newer(exs[i].version, exs[j].version)
	})
	var rows []*row
	index := map[string]*row{}
	for _, ex := range exs {
		err := gentable.Lines(ex.path, func(f []string, _ int) error {
			if len(f) < 3 {
				return fmt.Errorf("want Enum, Variant and Side: %q", f)
			}
			enum, name, sd, words := f[0], f[1], f[2], f[3:]
			alert := -1
			if enum == "AlertDescription" {
				n, err := strconv.Atoi(words[0])
				if err != nil {
					return err
				}
				alert, words = n, nil
			}
			if enum == "Reason" || enum == "Log" {
				enum, name, words = name, words[0], nil
				if enum == "-" {
					enum = "Log"
				}
			}
			key := ex.crate + "\t" + enum + "\t" + name
			r := index[key]
			if r == nil {
				r = &row{crate: ex.crate, enum: enum, name: name, side: sd, alert: alert}
				index[key] = r
				rows = append(rows, r)
			}
			if r.side != sd && sd != "-" {
				if r.side == "-" {
					r.side = sd
				} else {
					r.side = "both"
				}
			}
			for _, wd := range words {
				if !gentable.Contains(r.words, wd) {
					r.words = append(r.words, wd)
				}
			}
			r.versions = append(r.versions, ex.version)
			return nil
		})
		if err != nil {
			return err
		}
	}
	var b bytes.Buffer
	b.WriteString("// Code generated by scripts/genrustls from rustls's and webpki's sources (testdata/rustls-errors); DO NOT EDIT.\n\n")
	b.WriteString("package catalogue\n\n")
	b.WriteString("// rustlsErrors is every variant of rustls's error enums and of webpki's\n")
	var vs []string
	for _, ex := range exs {
		vs = append(vs, ex.crate+" "+ex.version)
	}
	fmt.Fprintf(&b, "// Error in %s:\n", strings.Join(vs, ", "))
	b.WriteString("// the side of rustls that returns it, an alert's number, the words its\n// Display prints (none: its Debug name), and the versions that have it.\n")
	b.WriteString("var rustlsErrors = []RustlsError{\n")
	for _, r := range rows {
		sd := r.side
		if sd == "-" {
			sd = ""
		}
		fmt.Fprintf(&b, "\t{%q, %q, %q, %q, %d, %s, %q},\n", r.crate, r.enum, r.name, sd, r.alert, gentable.Strings(r.words), strings.Join(r.versions, " "))
	}
	b.WriteString("}\n")
	return gentable.Write(w, b.Bytes())
}

// newer reports whether version a is after b.
func newer(a, b string) bool {
	pa, pb := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(pa) && i < len(pb); i++ {
		x, _ := strconv.Atoi(pa[i])
		y, _ := strconv.Atoi(pb[i])
		if x != y {
			return x > y
		}
	}
	return len(pa) > len(pb)
}
