package report

import "strings"

// A table of the text view (the certificates, the server blocks): each
// column as wide as its widest cell, cut down to fit the width of the
// terminal, the widest columns first, none below its minimum.

// column describes one column of a table.
type column struct {
	// head is the heading for a column w wide (it may shorten itself).
	head func(w int) string
	// max is the most a cell shows; min the least the column is cut to.
	max, min int
	// keepEnd cuts a cell at its start (paths: the file name matters most).
	keepEnd bool
}

// table is a list of rows with one cell per column.
type table struct {
	cols []column
	rows [][]string
}

// colGap separates two columns.
const colGap = "  "

// unlimited is a width no heading reaches.
const unlimited = 1 << 20

// fixed is a heading that is the same whatever the width.
func fixed(h string) func(int) string {
	return func(int) string { return h }
}

// shortened is a heading that becomes short when the column is narrower
// than long.
func shortened(long, short string) func(int) string {
	return func(w int) string {
		if width(long) > w {
			return short
		}
		return long
	}
}

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

// fit returns the width of each column and whether the table fits in room
// columns: each column as wide as its heading and its cells (at most its
// max), then the widest column narrowed, one column at a time, until the
// table fits or every column is at its minimum.
func (t table) fit(room int) ([]int, bool) {
	widths := make([]int, len(t.cols))
	for i, c := range t.cols {
		w := 0
		for _, r := range t.rows {
			w = max(w, min(width(r[i]), c.max))
		}
		// A heading may shorten itself; unless cut, it is shown whole.
		widths[i] = max(w, width(c.head(unlimited)))
	}
	total := width(colGap) * (len(widths) - 1)
	for _, w := range widths {
		total += w
	}
	for total > room {
		widest := -1
		for i, w := range widths {
			if w > t.cols[i].min && (widest < 0 || w > widths[widest]) {
				widest = i
			}
		}
		if widest < 0 {
			return widths, false
		}
		widths[widest]--
		total--
	}
	return widths, true
}

// write renders the heading and the rows in columns of the given widths.
// paint, if not nil, styles a cell of a row; after, if not nil, gives
// lines to print under row i.
func (t table) write(b *strings.Builder, widths []int, s styles, paint func(r []string, i int, cell string) string, after func(i int) string) {
	line := func(cells []string, style func(i int, cell string) string) {
		for i, cell := range cells {
			b.WriteString(style(i, cell))
			if i < len(cells)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-width(cell)) + colGap)
			}
		}
		b.WriteString("\n")
	}
	head := make([]string, len(t.cols))
	for i, c := range t.cols {
		head[i] = cut(c.head(widths[i]), widths[i], false)
	}
	line(head, func(_ int, h string) string { return s.paint(s.bold, h) })
	for ri, r := range t.rows {
		cells := make([]string, len(r))
		for i, cell := range r {
			cells[i] = cut(cell, widths[i], t.cols[i].keepEnd)
		}
		line(cells, func(i int, cell string) string {
			if paint == nil {
				return cell
			}
			return paint(r, i, cell)
		})
		if after != nil {
			b.WriteString(after(ri))
		}
	}
}
