// Command genopts lists the options each openssl subcommand takes, read
// from the sources of an OpenSSL 1.1.x tree or of LibreSSL's openssl(1),
// for the check that every command a fix prints runs on them
// (catalogue's TestFixCommandsPortable):
//
//	go run ./scripts/genopts -kind openssl -src OPENSSL_TREE > testdata/openssl-options/openssl-1.1.1zh.txt
//	go run ./scripts/genopts -kind libressl -src LIBRESSL_APPS_DIR > testdata/openssl-options/libressl-DATE.txt
//
// Each line is "SUBCOMMAND OPTION" (without the dash); "*digest*" stands
// for a subcommand that takes any digest name as an option (-sha256).
// OpenSSL 1.1's shared option groups (OPT_V_OPTIONS and the like, in
// apps/apps.h) are expanded where a table names them.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

var (
	opensslTable  = regexp.MustCompile(`(?m)^(?:static )?const OPTIONS (\w+)_options\[\] = \{`)
	opensslEntry  = regexp.MustCompile(`\{ *"([^"]*)", *(OPT_\w+)`)
	opensslMacro  = regexp.MustCompile(`(?m)^\s*(OPT_[A-Z]_OPTIONS),?\s*$`)
	opensslDefine = regexp.MustCompile(`(?m)^# *define (OPT_[A-Z]_OPTIONS) \\$`)
	libreTable    = regexp.MustCompile(`(?m)^static (?:const )?struct option (\w+)_options\[\] = \{`)
	libreName     = regexp.MustCompile(`\.name = "([^"]+)"`)
	libreVerify   = regexp.MustCompile(`strcmp\(arg, "-([^"]+)"\)`)
)

func main() {
	kind := flag.String("kind", "", "openssl (a 1.1.x source tree) or libressl (the directory of LibreSSL's openssl(1) sources)")
	src := flag.String("src", "", "the source directory")
	flag.Parse()
	var lines []string
	var err error
	switch *kind {
	case "openssl":
		lines, err = fromOpenSSL(*src)
	case "libressl":
		lines, err = fromLibreSSL(*src)
	default:
		err = fmt.Errorf("-kind must be openssl or libressl")
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "genopts:", err)
		os.Exit(1)
	}
	sort.Strings(lines)
	fmt.Print(strings.Join(lines, "\n") + "\n")
}

// tables finds each option table in the .c files of dir and gives its
// subcommand and body (up to the table's closing "};").
func tables(dir string, re *regexp.Regexp, each func(cmd, body string)) error {
	files, err := filepath.Glob(filepath.Join(dir, "*.c"))
	if err != nil || len(files) == 0 {
		return fmt.Errorf("no .c files in %s", dir)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		src := string(b)
		for _, m := range re.FindAllStringSubmatchIndex(src, -1) {
			body := src[m[1]:]
			if end := strings.Index(body, "\n};"); end >= 0 {
				body = body[:end]
			}
			each(src[m[2]:m[3]], body)
		}
	}
	return nil
}

func fromOpenSSL(tree string) ([]string, error) {
	apps := filepath.Join(tree, "apps")
	h, err := os.ReadFile(filepath.Join(apps, "apps.h"))
	if err != nil {
		return nil, err
	}
	// The shared groups: each define's continued lines.
	groups := map[string][]string{}
	hs := string(h)
	for _, m := range opensslDefine.FindAllStringSubmatchIndex(hs, -1) {
		name := hs[m[2]:m[3]]
		rest := hs[m[1]:]
		for _, line := range strings.Split(rest, "\n")[1:] {
			for _, e := range opensslEntry.FindAllStringSubmatch(line, -1) {
				groups[name] = append(groups[name], e[1])
			}
			if !strings.HasSuffix(strings.TrimSpace(line), `\`) {
				break
			}
		}
	}
	seen := map[string]bool{}
	var out []string
	add := func(cmd, opt string) {
		switch opt {
		case "OPT_MD", "OPT_DIGEST":
			opt = "*digest*" // {"", OPT_MD, '-', "Any supported digest"}
		case "OPT_CIPHER":
			opt = "*cipher*"
		}
		if l := cmd + " " + opt; !seen[l] {
			seen[l] = true
			out = append(out, l)
		}
	}
	err = tables(apps, opensslTable, func(cmd, body string) {
		for _, e := range opensslEntry.FindAllStringSubmatch(body, -1) {
			switch {
			case e[1] != "":
				add(cmd, e[1])
			case e[2] == "OPT_MD" || e[2] == "OPT_DIGEST" || e[2] == "OPT_CIPHER":
				add(cmd, e[2])
			}
		}
		for _, m := range opensslMacro.FindAllStringSubmatch(body, -1) {
			for _, opt := range groups[m[1]] {
				add(cmd, opt)
			}
		}
	})
	return out, err
}

func fromLibreSSL(dir string) ([]string, error) {
	// The verification options args_verify (apps.c) reads for the
	// subcommands that call it.
	apps, err := os.ReadFile(filepath.Join(dir, "apps.c"))
	if err != nil {
		return nil, err
	}
	var verifyOpts []string
	if i := strings.Index(string(apps), "\nargs_verify("); i >= 0 {
		fn := string(apps)[i:]
		if end := strings.Index(fn, "\n}\n"); end >= 0 {
			fn = fn[:end]
		}
		for _, m := range libreVerify.FindAllStringSubmatch(fn, -1) {
			verifyOpts = append(verifyOpts, m[1])
		}
	}
	callers := map[string]bool{} // subcommands whose file calls args_verify
	files, _ := filepath.Glob(filepath.Join(dir, "*.c"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		if filepath.Base(f) != "apps.c" && strings.Contains(string(b), "args_verify(") {
			callers[strings.TrimSuffix(filepath.Base(f), ".c")] = true
		}
	}
	seen := map[string]bool{}
	var out []string
	err = tables(dir, libreTable, func(cmd, body string) {
		add := func(opt string) {
			if l := cmd + " " + opt; !seen[l] {
				seen[l] = true
				out = append(out, l)
			}
		}
		for _, m := range libreName.FindAllStringSubmatch(body, -1) {
			add(m[1])
		}
		// A nameless entry hands unknown options to a function: the
		// digests (x509_opt_digest, req_opt_digest...).
		if strings.Contains(body, "_opt_digest") || strings.Contains(body, "_opt_md,") {
			add("*digest*")
		}
		if strings.Contains(body, "_opt_cipher") {
			add("*cipher*")
		}
		if callers[cmd] {
			for _, o := range verifyOpts {
				add(o)
			}
		}
	})
	return out, err
}
