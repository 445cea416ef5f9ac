package report

import (
	"io"
	"strings"
)

// FirstStep is the first step of a fix: its first line and the command
// lines (indented) that belong to it, up to the next line of prose.
func FirstStep(fix string) string {
	lines := strings.Split(strings.TrimRight(fix, "\n"), "\n")
	n := 1
	for n < len(lines) && strings.HasPrefix(lines[n], "  ") {
		n++
	}
	return strings.Join(lines[:n], "\n")
}

// WriteEvent renders one log event as `logs -f` prints it while it
// follows a log: a line with when, the severity, the id, the title and
// the client, then the first sentence of why and the first step of the
// fix, laid out in the width like the text view.
func WriteEvent(w io.Writer, when string, f Finding, client string, o TextOptions) error {
	if o.Width <= 0 {
		o.Width = DefaultWidth
	}
	o.Width = max(o.Width, MinWidth)
	f, client = sanitizeFinding(f), line(client) // as WriteText does
	s := newStyles(w, o.Styled, o.Width)
	why := f.Explanation
	if i := strings.Index(why, ". "); i > 0 {
		why = why[:i+1]
	}
	head := when + strings.ToUpper(string(f.Severity)) + " [" + f.ID.Name() + "] " + f.Title + client
	const ind = "         "
	var b strings.Builder
	b.WriteString(wrapProse(head, 0, o.Width, "    "))
	b.WriteString("\n    " + s.paint(s.dim, "why:") + " " + wrapProse(why, len(ind), o.Width, ind))
	b.WriteString("\n    " + s.paint(s.dim, "fix:") + " " + wrapFix(FirstStep(f.Fix), len(ind), o.Width, ind) + "\n")
	_, err := io.WriteString(w, b.String())
	return err
}
