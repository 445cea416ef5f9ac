package report

import "strings"

// A table of the text view (the certificates, the server blocks): each
// column as wide as its widest cell, fitted to the width of the terminal.
// To fit, a heading first takes its short form, then a column that may
// go under its row does so, then the widest columns are cut, none below
// its minimum; a table that still does not fit is wider than the text.

// column describes one column of a table.
type column struct {
	// head is the heading; short, if set, the one for a narrow column.
	head, short string
	// max is the most a cell shows; min the least the column is cut to.
	max, min int
	// keepEnd cuts a cell at its start (paths: the file name matters most).
	keepEnd bool
	// under, if set, labels the cell on a line of its own under its row
	// when the table is too narrow for the column ("-" cells are left out).
	under string
}

// table is a list of rows with one cell per column.
type table struct {
	cols []column
	rows [][]string
}

// colGap separates two columns.
const colGap = "  "

// cut shortens s to at most w columns, marking the cut with "…" at its
// start (keepEnd) or end.
func cut(s string, w int, keepEnd bool) string {
	rs := []rune(s)
	if len(rs) <= w {
		return s
	}
	if w <= 1 {
		return "…"
	}
	if keepEnd {
		return "…" + string(rs[len(rs)-w+1:])
	}
	return string(rs[:w-1]) + "…"
}

// layout is how a table is shown: which columns are in line, how wide,
// and which one (if any) goes under each row.
type layout struct {
	cols   []int // indexes of the columns shown in line
	widths []int // their widths
	under  int   // the column shown under its row, or -1
}

// heading is column i's heading at width w.
func (t table) heading(i, w int) string {
	c := t.cols[i]
	if width(c.head) > w && c.short != "" {
		return c.short
	}
	return c.head
}

// fit lays the table out in room columns: all of them if the short
// headings are enough; else without the column that may go under its
// row, if there is one; then with cells cut.
func (t table) fit(room int) layout {
	all := make([]int, len(t.cols))
	for i := range t.cols {
		all[i] = i
	}
	if l, ok := t.fitColumns(all, room, false); ok {
		return l
	}
	for i, c := range t.cols {
		if c.under != "" {
			rest := append(append([]int{}, all[:i]...), all[i+1:]...)
			l, _ := t.fitColumns(rest, room, true)
			l.under = i
			return l
		}
	}
	l, _ := t.fitColumns(all, room, true)
	return l
}

// fitColumns fits the columns cols in room: first each heading takes its
// short form where the cells are narrower; then, if cutting, the widest
// column is cut by one, again and again, until the table fits or every
// column is at its minimum.
func (t table) fitColumns(cols []int, room int, cutting bool) (layout, bool) {
	l := layout{cols: cols, widths: make([]int, len(cols)), under: -1}
	cells := make([]int, len(cols))
	total := width(colGap) * (len(cols) - 1)
	for k, i := range cols {
		for _, r := range t.rows {
			cells[k] = max(cells[k], min(width(r[i]), t.cols[i].max))
		}
		l.widths[k] = max(cells[k], width(t.cols[i].head))
		total += l.widths[k]
	}
	for k, i := range cols {
		if total <= room {
			break
		}
		if short := t.cols[i].short; short != "" && l.widths[k] > cells[k] {
			w := max(cells[k], width(short))
			total -= l.widths[k] - w
			l.widths[k] = w
		}
	}
	for cutting && total > room {
		widest := -1
		for k, i := range cols {
			if l.widths[k] > t.cols[i].min && (widest < 0 || l.widths[k] > l.widths[widest]) {
				widest = k
			}
		}
		if widest < 0 {
			break
		}
		l.widths[widest]--
		total--
	}
	return l, total <= room
}

// write renders the heading and the rows as laid out. paint, if not nil,
// styles cell i of a row (given whole).
func (t table) write(b *strings.Builder, l layout, s styles, paint func(r []string, i int, cell string) string) {
	line := func(cells []string, style func(k int, cell string) string) {
		for k, cell := range cells {
			b.WriteString(style(k, cell))
			if k < len(cells)-1 {
				b.WriteString(strings.Repeat(" ", l.widths[k]-width(cell)) + colGap)
			}
		}
		b.WriteString("\n")
	}
	head := make([]string, len(l.cols))
	for k, i := range l.cols {
		head[k] = cut(t.heading(i, l.widths[k]), l.widths[k], false)
	}
	line(head, func(_ int, h string) string { return s.paint(s.bold, h) })
	styled := func(r []string, i int, cell string) string {
		if paint == nil {
			return cell
		}
		return paint(r, i, cell)
	}
	for _, r := range t.rows {
		cells := make([]string, len(l.cols))
		for k, i := range l.cols {
			cells[k] = cut(r[i], l.widths[k], t.cols[i].keepEnd)
		}
		line(cells, func(k int, cell string) string { return styled(r, l.cols[k], cell) })
		if l.under >= 0 && r[l.under] != "-" {
			label := "  " + t.cols[l.under].under + " "
			cell := cut(r[l.under], s.width-width(label), t.cols[l.under].keepEnd)
			b.WriteString(s.paint(s.dim, label) + styled(r, l.under, cell) + "\n")
		}
	}
}
