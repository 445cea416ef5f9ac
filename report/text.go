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
	// Width is the terminal width used to shorten table cells (0: 120).
	Width int
}

type styles struct {
	err, warn, info, ok, dim, bold, head lipgloss.Style
	on                                   bool
}

func newStyles(w io.Writer, on bool) styles {
	r := lipgloss.NewRenderer(w)
	s := styles{on: on}
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
// and the one thing to do next.
func WriteText(w io.Writer, r *Report, o TextOptions) error {
	if o.Width <= 0 {
		o.Width = 120
	}
	s := newStyles(w, o.Styled)
	var b strings.Builder
	if r.Header != "" {
		b.WriteString(s.paint(s.bold, r.Header))
		b.WriteString("\n\n")
	}
	if len(r.Servers) > 0 {
		writeServerTable(&b, r.Servers, s)
		b.WriteString("\n")
	}
	if len(r.Certificates) > 0 {
		writeCertTable(&b, r.Certificates, s, o.Width)
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
	b.WriteString(s.paint(s.bold, sum))
	b.WriteString("\n")
	if r.Next != "" {
		b.WriteString(s.paint(s.bold, "Next: "))
		b.WriteString(indentRest(r.Next, "  "))
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

func writeFinding(b *strings.Builder, n int, f Finding, s styles, section bool) {
	sev := s.severity(f.Severity)
	pad := strings.Repeat(" ", 7-len(f.Severity))
	fmt.Fprintf(b, "%s%s %s  %s\n", sev, pad, s.paint(s.dim, "["+f.ID.Name()+"]"), s.paint(s.bold, f.Title))
	const ind = "        "
	switch {
	case f.File != "" && f.Line > 0:
		fmt.Fprintf(b, "%s%s %s:%d\n", ind, s.paint(s.dim, "at:"), f.File, f.Line)
	case f.File != "" && !strings.Contains(f.Title, f.File):
		fmt.Fprintf(b, "%s%s %s\n", ind, s.paint(s.dim, "file:"), f.File)
	}
	if section && f.Section != "" {
		fmt.Fprintf(b, "%s%s %s\n", ind, s.paint(s.dim, "section:"), f.Section)
	}
	if f.Server != "" {
		fmt.Fprintf(b, "%s%s %s\n", ind, s.paint(s.dim, "server:"), f.Server)
	}
	if f.OpenSSLError != "" {
		fmt.Fprintf(b, "%s%s %s\n", ind, s.paint(s.dim, "nginx logs:"), "client SSL certificate verify error: ("+f.OpenSSLError+")")
	}
	if f.FirstSeen != "" {
		seen := f.FirstSeen
		if f.LastSeen != "" && f.LastSeen != f.FirstSeen {
			seen += " to " + f.LastSeen
		}
		fmt.Fprintf(b, "%s%s %s\n", ind, s.paint(s.dim, "seen:"), seen)
	}
	if len(f.Clients) > 0 {
		fmt.Fprintf(b, "%s%s %s\n", ind, s.paint(s.dim, "clients:"), strings.Join(f.Clients, ", "))
	}

	if f.Explanation != "" {
		fmt.Fprintf(b, "%s%s %s\n", ind, s.paint(s.dim, "why:"), wrap(f.Explanation, 96, ind+"     "))
	}
	if f.Fix != "" {
		fmt.Fprintf(b, "%s%s %s\n", ind, s.paint(s.dim, "fix:"), indentRest(f.Fix, ind+"     "))
	}
	if f.Example != "" {
		fmt.Fprintf(b, "%s%s %s\n", ind, s.paint(s.dim, "example:"), f.Example)
	}
	b.WriteString("\n")
}

// wrap breaks prose at word boundaries; continuation lines get indent.
func wrap(text string, width int, indent string) string {
	var out strings.Builder
	for pi, para := range strings.Split(text, "\n") {
		if pi > 0 {
			out.WriteString("\n" + indent)
		}
		col := 0
		for i, word := range strings.Fields(para) {
			if i > 0 {
				if col+1+len(word) > width {
					out.WriteString("\n" + indent)
					col = 0
				} else {
					out.WriteByte(' ')
					col++
				}
			}
			out.WriteString(word)
			col += len(word)
		}
	}
	return out.String()
}

func indentRest(text, indent string) string {
	return strings.ReplaceAll(strings.TrimRight(text, "\n"), "\n", "\n"+indent)
}

func writeCertTable(b *strings.Builder, certs []Certificate, s styles, width int) {
	head := []string{"FILE", "ROLE", "SUBJECT", "KEY", "SIGNATURE", "EXPIRES", "NGINX VERDICT AS CLIENT CERT"}
	dir := commonDir(certs)
	if dir != "" {
		head[0] = "FILE (in " + dir + ")"
	}
	rows := make([][]string, 0, len(certs))
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
		rows = append(rows, []string{file, c.Role, shortDN(c.Subject), c.Key, c.Signature, exp, verdict})
	}
	widths := make([]int, len(head))
	for i, h := range head {
		widths[i] = len(h)
	}
	limits := []int{40, 12, 30, 12, 16, 10, 200}
	for _, r := range rows {
		for i, cell := range r {
			if n := len([]rune(cell)); n > limits[i] {
				rs := []rune(cell)
				if i == 0 {
					// Keep the end of a path: the file name matters most.
					r[i] = "…" + string(rs[n-limits[i]+1:])
				} else {
					r[i] = string(rs[:limits[i]-1]) + "…"
				}
				cell = r[i]
			}
			if n := len([]rune(cell)); n > widths[i] {
				widths[i] = n
			}
		}
	}
	line := func(cells []string, paint func(i int, cell string) string) {
		for i, cell := range cells {
			text := cell
			if paint != nil {
				text = paint(i, cell)
			}
			b.WriteString(text)
			if i < len(cells)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-len([]rune(cell))+2))
			}
		}
		b.WriteString("\n")
	}
	line(head, func(_ int, c string) string { return s.paint(s.bold, c) })
	for _, r := range rows {
		line(r, func(i int, c string) string {
			if i != len(r)-1 {
				return c
			}
			switch {
			case r[1] == "server":
				return s.paint(s.dim, c) // a server certificate is not meant to be a client's
			case strings.HasPrefix(c, "SUCCESS"):
				return s.paint(s.ok, c)
			case strings.HasPrefix(c, "FAILED"):
				return s.paint(s.err, c)
			}
			return c
		})
	}
	_ = width
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
	head := []string{"SERVER", "AT", "VERIFY_CLIENT", "DEPTH", "CA FILE", "ERROR_LOG LEVEL"}
	rows := [][]string{head}
	for _, v := range servers {
		ca := v.ClientCertificate
		if ca == "" {
			ca = "-"
		}
		rows = append(rows, []string{v.Server, fmt.Sprintf("%s:%d", v.File, v.Line), v.VerifyClient, fmt.Sprint(v.VerifyDepth), ca, v.ErrorLogLevel})
	}
	widths := make([]int, len(head))
	for _, r := range rows {
		for i, c := range r {
			if n := len([]rune(c)); n > widths[i] {
				widths[i] = n
			}
		}
	}
	for ri, r := range rows {
		for i, c := range r {
			text := c
			if ri == 0 {
				text = s.paint(s.bold, c)
			}
			b.WriteString(text)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-len([]rune(c))+2))
			}
		}
		b.WriteString("\n")
	}
}
