package main

import (
	"bufio"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode"

	"github.com/mtlsdoctor/mtlsdoctor/catalogue"
	"github.com/mtlsdoctor/mtlsdoctor/checks"
	"github.com/mtlsdoctor/mtlsdoctor/logparse"
	"github.com/mtlsdoctor/mtlsdoctor/report"
)

// otherLogLimit bounds what otherLogHint reads of a file.
const otherLogLimit = 4 << 20

// otherLogHint says, for a plain file with no nginx log line, whose log
// it seems to be when some of its lines speak of TLS and explain has an
// entry for one of them, and how to explain them; "" otherwise (and for
// standard input or a compressed file).
func otherLogHint(name string) string {
	if name == "-" || strings.HasSuffix(name, ".gz") {
		return ""
	}
	if st, err := os.Stat(name); err != nil || !st.Mode().IsRegular() {
		return "" // a pipe or a device, read once already
	}
	f, err := os.Open(name)
	if err != nil {
		return ""
	}
	defer f.Close()
	sc := bufio.NewScanner(io.LimitReader(f, otherLogLimit))
	sc.Buffer(make([]byte, 64<<10), 64<<10)
	count, first, shown := 0, "", false
	for sc.Scan() {
		l := sc.Text()
		lower := strings.ToLower(l)
		if !strings.Contains(lower, "ssl") && !strings.Contains(lower, "tls") && !strings.Contains(lower, "certificate") {
			continue
		}
		count++
		// The example is the first line explain takes for a problem
		// (not a start-up notice), else the first line about TLS.
		if !shown {
			if p := problem(l); p || first == "" {
				first, shown = printable(strings.TrimSpace(l)), p
			}
		}
	}
	if !shown {
		return "" // nothing explain would tell: notes, not a log
	}
	writer := logparse.Attribute(first).Reporter
	if writer == "" || writer == "unknown" || writer == "nginx" {
		writer = "another program"
	}
	return catalogue.Fill(catalogue.OtherLogHint, catalogue.Vars{
		"file": name, "writer": writer, "count": strconv.Itoa(count), "line": catalogue.ShellQuote(first),
	})
}

// problem is true when explain has an entry for line and finds an error
// or a warning in it.
func problem(line string) bool {
	for _, f := range checks.Explain(line).Findings {
		if f.ID != catalogue.TLSUnexplained && (f.Severity == report.Error || f.Severity == report.Warning) {
			return true
		}
	}
	return false
}

// printable drops control characters from a line read from a file, and
// keeps it to a length a command line can hold.
func printable(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return -1
		}
		return r
	}, s)
	if len(s) > 400 {
		s = s[:400]
	}
	return strings.ToValidUTF8(s, "")
}
