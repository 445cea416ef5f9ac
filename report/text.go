package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"
)

// TextOptions controls the text view.
type TextOptions struct {
	// Styled turns on colours and bold (only for a terminal without NO_COLOR).
	Styled bool
	// Width is the number of columns to fit the text in: the terminal's
	// width (0: DefaultWidth; less than MinWidth: MinWidth).
	Width int
}

// DefaultWidth is the width of the text view when it goes to no terminal.
const DefaultWidth = 80

// MinWidth is the narrowest the text view is laid out for.
const MinWidth = 40

type styles struct {
	err, warn, info, ok, dim, bold, head lipgloss.Style
	on                                   bool
	// width is the number of columns the text is laid out in.
	width int
}

func newStyles(w io.Writer, on bool, width int) styles {
	r := lipgloss.NewRenderer(w)
	s := styles{on: on, width: width}
	if !on {
		return s
	}
	// The caller decided colours are wanted (a terminal, or CLICOLOR_FORCE):
	// do not let the renderer second-guess it from w.
	r.SetColorProfile(termenv.ANSI)
	s.err = r.NewStyle().Foreground(lipgloss.Color("9")).Bold(true)
	s.warn = r.NewStyle().Foreground(lipgloss.Color("11")).Bold(true)
	s.info = r.NewStyle().Foreground(lipgloss.Color("12"))
	s.ok = r.NewStyle().Foreground(lipgloss.Color("10"))
	s.dim = r.NewStyle().Faint(true)
	s.bold = r.NewStyle().Bold(true)
	s.head = r.NewStyle().Bold(true).Underline(true)
	return s
}

func (s styles) paint(st lipgloss.Style, text string) string {
	if !s.on || text == "" {
		return text
	}
	return st.Render(text)
}

// paintLines paints each line of text on its own, leaving the indent of
// each line plain (lipgloss would pad a block of lines to one width).
func (s styles) paintLines(st lipgloss.Style, text string) string {
	if !s.on {
		return text
	}
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		body := strings.TrimLeft(l, " ")
		lines[i] = l[:len(l)-len(body)] + s.paint(st, body)
	}
	return strings.Join(lines, "\n")
}

func (s styles) severity(sev Severity) string {
	label := strings.ToUpper(string(sev))
	switch sev {
	case Error:
		return s.paint(s.err, label)
	case Warning:
		return s.paint(s.warn, label)
	}
	return s.paint(s.info, label)
}

// WriteText renders the report for people: what was examined, the
// certificate table (certs), the findings with why and fix, a summary line
// and the one thing to do next, laid out in o.Width columns.
func WriteText(w io.Writer, r *Report, o TextOptions) error {
	switch {
	case o.Width <= 0:
		o.Width = DefaultWidth
	case o.Width < MinWidth:
		o.Width = MinWidth
	}
	r = r.forText() // the one place strings from outside are made safe
	s := newStyles(w, o.Styled, o.Width)
	var b strings.Builder
	if r.Header != "" {
		for _, line := range strings.Split(r.Header, "\n") {
			b.WriteString(s.paintLines(s.bold, wrapProse(line, 0, s.width, "  ")))
			b.WriteString("\n")
		}
		b.WriteString("\n")
	}
	if len(r.Servers) > 0 {
		writeServerTable(&b, r.Servers, s)
		b.WriteString("\n")
	}
	if len(r.Certificates) > 0 {
		writeCertTable(&b, r.Certificates, s)
		b.WriteString("\n")
	}
	if len(r.Targets) > 0 {
		// Several probed endpoints: each block is followed by its own findings.
		for _, t := range r.Targets {
			writeProbeTarget(&b, &t, s)
			for i, f := range t.Findings {
				writeFinding(&b, i+1, f, s, false)
			}
		}
	} else {
		if r.ProbeTarget != nil {
			writeProbeTarget(&b, r.ProbeTarget, s)
		}
		for i, f := range r.Findings {
			writeFinding(&b, i+1, f, s, r.ShowSections)
		}
	}
	sum := fmt.Sprintf("%s, %s, %s", Plural(r.Summary.Errors, "error"), Plural(r.Summary.Warnings, "warning"), Plural(r.Summary.Infos, "note"))
	if n := len(r.Incomplete); n > 0 {
		// Never "0 errors" alone when part of the setup was not looked at.
		sum += fmt.Sprintf("; incomplete: %s not checked (see the warnings)", Plural(n, "thing"))
	}
	b.WriteString(s.paint(s.bold, sum))
	b.WriteString("\n")
	if r.Next != "" {
		// The title, then the steps of its fix, each kept whole if a command.
		const label = "Next: "
		b.WriteString(s.paint(s.bold, label))
		b.WriteString(wrapFix(r.Next, width(label), s.width, "  "))
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// Plural counts things in words: "1 file", "3 files".
func Plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// findingIndent is where the lines under a finding's title start.
const findingIndent = "        "

func writeFinding(b *strings.Builder, n int, f Finding, s styles, section bool) {
	sev := s.severity(f.Severity)
	pad := strings.Repeat(" ", 7-len(f.Severity))
	id := "[" + f.ID.Name() + "]"
	col := len(findingIndent) + width(id) + 2
	title := wrapProse(f.Title, col, s.width, findingIndent)
	sep := "  "
	if first, _, _ := strings.Cut(f.Title, " "); s.width > 0 && col+width(first) > s.width && len(findingIndent)+width(first) <= s.width {
		// A first word too long for the heading line (a long path)
		// starts the title under it, where it fits.
		title = wrapProse(f.Title, len(findingIndent), s.width, findingIndent)
		sep = "\n" + findingIndent
	}
	fmt.Fprintf(b, "%s%s %s%s%s\n", sev, pad, s.paint(s.dim, id), sep, s.paintLines(s.bold, title))
	// row writes "label value" under the title, the value wrapped by lay
	// and continued under its own start.
	row := func(label, value string, lay func(text string, col, max int, indent string) string) {
		col := len(findingIndent) + len(label) + 1
		fmt.Fprintf(b, "%s%s %s\n", findingIndent, s.paint(s.dim, label), lay(value, col, s.width, strings.Repeat(" ", col)))
	}
	switch {
	case f.File != "" && f.Line > 0:
		row("at:", fmt.Sprintf("%s:%d", f.File, f.Line), wrapProse)
	case f.File != "" && !strings.Contains(f.Title, f.File):
		row("file:", f.File, wrapProse)
	}
	if section && f.Section != "" {
		row("section:", string(f.Section), wrapProse)
	}
	if f.Server != "" {
		row("server:", f.Server, wrapProse)
	}
	switch {
	case f.Reporter != "" && f.NoHandshake:
		row("written by:", f.Reporter+" (the command line tool; no connection)", wrapProse)
	case f.Reporter != "" && f.SideUnknown:
		row("written by:", f.Reporter+" (the line does not say which side)", wrapProse)
	case f.Reporter != "":
		row("written by:", f.Reporter+" (TLS "+f.Role+")", wrapProse)
	}
	if f.OpenSSLError != "" && (f.Role == "client" || f.Reporter != "" && f.Reporter != "nginx") {
		row("reported:", f.OpenSSLError, wrapProse)
	} else if f.OpenSSLError != "" {
		// The reason in brackets is what to search the log for: one
		// piece, unless it is too long for a line of its own.
		row("nginx logs:", "client SSL certificate verify error:", func(text string, col, max int, indent string) string {
			reason := "(" + f.OpenSSLError + ")"
			if width(indent)+width(reason) > max {
				return fill(pieces(text+" "+reason, false), col, max, indent)
			}
			return fill(append(pieces(text, false), piece{gap: " ", text: reason}), col, max, indent)
		})
	}
	if f.FirstSeen != "" {
		seen := f.FirstSeen
		if f.LastSeen != "" && f.LastSeen != f.FirstSeen {
			seen += " to " + f.LastSeen
		}
		row("seen:", seen, wrapProse)
	}
	if len(f.Clients) > 0 {
		row("clients:", strings.Join(f.Clients, ", "), wrapProse)
	}
	if f.Explanation != "" {
		row("why:", listed(f.Explanation), wrapProse)
	}
	if f.Fix != "" {
		row("fix:", f.Fix, wrapFix)
	}
	if f.Example != "" {
		row("example:", f.Example, wrapProse)
	}
	b.WriteString("\n")
}

// wrapRow lays out the value of a row that starts at column col (the
// probe's rows): each line of text wraps at blanks, and every line after
// the first is indented to col.
func (s styles) wrapRow(text string, col int) string {
	return wrapProse(text, col, s.width, strings.Repeat(" ", col))
}

func writeCertTable(b *strings.Builder, certs []Certificate, s styles) {
	dir := commonDir(certs)
	fileHead := "FILE"
	if dir != "" {
		fileHead = "FILE (in " + dir + ")"
	}
	t := table{cols: []column{
		// Too narrow for the directory, the heading says it above the table.
		{head: fileHead, short: "FILE", max: 40, min: 14, keepEnd: true},
		{head: "ROLE", max: 12, min: 12},
		{head: "SUBJECT", max: 30, min: 10},
		{head: "KEY", max: 12, min: 11},
		{head: "SIGNATURE", max: 16, min: 12},
		{head: "EXPIRES", max: 10, min: 10},
		{head: "NGINX VERDICT AS CLIENT CERT", max: 200, min: 200, under: "as client cert:"},
	}}
	for _, c := range certs {
		file := ""
		if len(c.Files) > 0 {
			file = strings.TrimPrefix(c.Files[0], dir)
			if len(c.Files) > 1 {
				file += fmt.Sprintf(" (+%d)", len(c.Files)-1)
			}
		}
		verdict := c.NginxVerdict
		if verdict == "" {
			verdict = "-"
		}
		exp := c.NotAfter
		if len(exp) >= 10 {
			exp = exp[:10]
		}
		t.rows = append(t.rows, []string{file, c.Role, shortDN(c.Subject), c.Key, c.Signature, exp, verdict})
	}
	l := t.fit(s.width)
	if t.heading(0, l.widths[0]) != fileHead {
		b.WriteString(s.paint(s.dim, "files in "+dir) + "\n")
	}
	verdict := len(t.cols) - 1
	t.write(b, l, s, func(r []string, i int, cell string) string {
		switch {
		case i != verdict:
			return cell
		case r[1] == "server":
			return s.paint(s.dim, cell) // a server certificate is not meant to be a client's
		case strings.HasPrefix(cell, "SUCCESS"):
			return s.paint(s.ok, cell)
		case strings.HasPrefix(cell, "FAILED"):
			return s.paint(s.err, cell)
		}
		return cell
	})
}

// commonDir is the directory prefix (ending in "/") that every row's
// first file shares, so the table can show short names.
func commonDir(certs []Certificate) string {
	prefix := ""
	for i, c := range certs {
		if len(c.Files) == 0 {
			return ""
		}
		d := c.Files[0][:strings.LastIndex(c.Files[0], "/")+1]
		if i == 0 {
			prefix = d
			continue
		}
		for !strings.HasPrefix(d, prefix) {
			j := strings.LastIndex(strings.TrimSuffix(prefix, "/"), "/")
			if j < 0 {
				return ""
			}
			prefix = prefix[:j+1]
		}
	}
	return prefix
}

// shortDN shows the CN of an RFC 4514 DN when there is one.
func shortDN(dn string) string {
	for _, part := range strings.Split(dn, ",") {
		if strings.HasPrefix(part, "CN=") {
			return part[3:]
		}
	}
	return dn
}

// writeServerTable lists the mTLS server blocks of an nginx configuration.
func writeServerTable(b *strings.Builder, servers []Server, s styles) {
	t := table{cols: []column{
		{head: "SERVER", max: 200, min: 12},
		{head: "AT", max: 200, min: 14, keepEnd: true, under: "at"},
		{head: "VERIFY_CLIENT", short: "VERIFY", max: 200, min: 14},
		{head: "DEPTH", max: 200, min: 5},
		{head: "CA FILE", max: 200, min: 12, keepEnd: true},
		{head: "ERROR_LOG LEVEL", short: "LOG LEVEL", max: 200, min: 9},
	}}
	for _, v := range servers {
		ca := v.ClientCertificate
		if ca == "" {
			ca = "-"
		}
		t.rows = append(t.rows, []string{v.Server, fmt.Sprintf("%s:%d", v.File, v.Line), v.VerifyClient, fmt.Sprint(v.VerifyDepth), ca, v.ErrorLogLevel})
	}
	t.write(b, t.fit(s.width), s, nil)
}
