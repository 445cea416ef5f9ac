package report

import (
	"fmt"
	"strings"
)

// A story that weighs several causes numbers them inside its prose
// ("Four causes cover most cases: 1. ...; 2. ...; 3. ..."). The text
// view gives each cause a line of its own, under the sentence that
// announces them; JSON keeps the prose as it is.

// listed returns text with each item of its first numbered list on a
// paragraph of its own, indented two blanks ("  1. ..."). A list starts
// at "1. " or "(1) " after ": " or ". " and goes on while "2. ", "3. "
// (or "(2) ", "(3) ")... follow, each after a "; ", ". " or ", " that
// ends the item before it; the last item ends with its sentence (". "
// before a capital letter). Text without two such items comes back as
// it is.
func listed(text string) string {
	paras := strings.Split(text, "\n")
	for i, p := range paras {
		paras[i] = listedPara(p)
	}
	return strings.Join(paras, "\n")
}

// itemStyles are the two ways a story numbers its causes, as formats of
// the item's digit.
var itemStyles = []string{"%c. ", "(%c) "}

// itemMark is the width of the number that starts an item of a numbered
// list ("2. " or "(2) "), 0 when para starts with none.
func itemMark(para string) int {
	for _, style := range itemStyles {
		for d := byte('1'); d <= '9'; d++ {
			if m := fmt.Sprintf(style, d); len(para) > len(m) && strings.HasPrefix(para, m) {
				return len(m)
			}
		}
	}
	return 0
}

func listedPara(text string) string {
	for _, style := range itemStyles {
		if out, ok := splitList(text, style); ok {
			return out
		}
	}
	return text
}

// splitList puts the items of text's first list numbered in style ("%c. "
// or "(%c) ") on lines of their own; ok is false when text has none.
func splitList(text, style string) (string, bool) {
	mark := func(k byte) string { return fmt.Sprintf(style, k) }
	start := -1
	for _, before := range []string{": ", ". "} {
		if i := strings.Index(text, before+mark('1')); i >= 0 && (start < 0 || i+2 < start) {
			start = i + 2
		}
	}
	if start < 0 {
		return text, false
	}
	marks := []int{start}
	for k := byte('2'); k <= '9'; k++ {
		at := nextMark(text, marks[len(marks)-1]+len(mark(k)), mark(k))
		if at < 0 {
			break
		}
		marks = append(marks, at)
	}
	if len(marks) < 2 {
		return text, false
	}
	end := sentenceEnd(text, marks[len(marks)-1]+len(mark('1')))
	var b strings.Builder
	b.WriteString(text[:start-1])
	for i, m := range marks {
		stop := end
		if i+1 < len(marks) {
			stop = marks[i+1]
		}
		b.WriteString("\n  " + strings.TrimRight(text[m:stop], " "))
	}
	if rest := strings.TrimLeft(text[end:], " "); rest != "" {
		b.WriteString("\n" + rest)
	}
	return b.String(), true
}

// nextMark is where the item marked mark starts after from: just after a
// "; ", ". " or ", " that ends the item before it; -1 when there is none.
func nextMark(text string, from int, mark string) int {
	for i := from; i < len(text); {
		j := strings.Index(text[i:], " "+mark)
		if j < 0 {
			return -1
		}
		at := i + j
		if at > 0 && strings.IndexByte(";.,", text[at-1]) >= 0 {
			return at + 1
		}
		i = at + 1
	}
	return -1
}

// sentenceEnd is the index just after the ". " that ends the sentence
// running at from (one followed by a capital letter), or len(text).
func sentenceEnd(text string, from int) int {
	for i := from; i+2 < len(text); i++ {
		if text[i] == '.' && text[i+1] == ' ' && text[i+2] >= 'A' && text[i+2] <= 'Z' {
			return i + 1
		}
	}
	return len(text)
}
