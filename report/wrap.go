package report

import (
	"strings"
	"unicode/utf8"
)

// The text view wraps to the width of the terminal. Prose breaks at
// word boundaries and continues under a hanging indent; what a reader
// copies and pastes is never broken: a `backticked span`, a fix line that
// is a command or a configuration line, and a command that follows a
// label inside a fix line ("Confirm: openssl x509 ..."). Such a piece
// may be wider than the terminal; it then has a line of its own.

// piece is text that is never broken across lines, with the blank that
// separates it from the piece before it when both share a line.
type piece struct {
	gap, text string
}

// width is the number of terminal columns s takes: one per rune (the
// report holds no wide characters), none for the colour escapes
// ("\x1b[...m") of text painted before it is laid out.
func width(s string) int {
	n := 0
	for i := 0; i < len(s); {
		if s[i] == '\x1b' && i+1 < len(s) && s[i+1] == '[' {
			j := strings.IndexByte(s[i:], 'm')
			if j > 0 {
				i += j + 1
				continue
			}
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
		n++
	}
	return n
}

// fill lays pieces out on lines of at most max columns, the first of
// which starts at column col; later lines start with indent. A piece
// that does not fit on a line that already holds something starts the
// next one.
func fill(pieces []piece, col, max int, indent string) string {
	var b strings.Builder
	empty := true
	for _, p := range pieces {
		n := width(p.text)
		if !empty && col+width(p.gap)+n > max {
			b.WriteString("\n" + indent)
			col = width(indent)
			empty = true
		}
		if !empty {
			b.WriteString(p.gap)
			col += width(p.gap)
		}
		b.WriteString(p.text)
		col += n
		empty = false
	}
	return b.String()
}

// wrapProse wraps prose that starts at column col: each line of text is
// a paragraph, and every line after the first starts with indent. A
// paragraph that starts with blanks keeps them, on all its lines.
func wrapProse(text string, col, max int, indent string) string {
	var out []string
	for i, para := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		if i > 0 {
			col = width(indent)
		}
		lead := para[:len(para)-len(strings.TrimLeft(para, " "))]
		hang := indent + lead
		if n := itemMark(para[len(lead):]); lead != "" && n > 0 {
			hang += strings.Repeat(" ", n) // an item of a numbered list continues under its text
		}
		out = append(out, lead+fill(pieces(para[len(lead):], false), col+len(lead), max, hang))
	}
	return strings.Join(out, "\n"+indent)
}

// wrapFix lays out a fix (or the steps of Next) that starts at column
// col: each line is a step on a line of its own under indent. A step
// that is a command or a configuration line is kept whole; a prose step
// wraps, its continuation lines under indent (a command's lines are
// indented two more), keeping commands, `spans` and labelled commands
// whole.
func wrapFix(text string, col, max int, indent string) string {
	var out []string
	for i, line := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		if i > 0 {
			col = width(indent)
		}
		if isCommandLine(line) {
			out = append(out, line)
			continue
		}
		// Prose continues at the fix's own indent: two more spaces
		// mark a command.
		out = append(out, fill(pieces(line, true), col, max, indent))
	}
	return strings.Join(out, "\n"+indent)
}

// token is one blank-separated word and the blank before it.
type token struct {
	gap, text string
}

func tokens(s string) []token {
	var out []token
	for s != "" {
		rest := strings.TrimLeft(s, " \t")
		gap := s[:len(s)-len(rest)]
		if rest == "" {
			break
		}
		end := strings.IndexAny(rest, " \t")
		if end < 0 {
			end = len(rest)
		}
		out = append(out, token{gap: gap, text: rest[:end]})
		s = rest[end:]
	}
	if len(out) > 0 {
		out[0].gap = ""
	}
	return out
}

// join makes one piece of toks[i:j+1].
func join(toks []token, i, j int) piece {
	p := piece{gap: toks[i].gap, text: toks[i].text}
	for k := i + 1; k <= j; k++ {
		p.text += toks[k].gap + toks[k].text
	}
	return p
}

// spanEnd is the index of the token that closes a `span` opened in
// toks[i] (i itself when it opens none or closes it again).
func spanEnd(toks []token, i int) int {
	open := strings.Count(toks[i].text, "`")%2 == 1
	j := i
	for open && j+1 < len(toks) {
		j++
		if strings.Count(toks[j].text, "`")%2 == 1 {
			open = false
		}
	}
	return j
}

// pieces splits a line of prose into words, keeping `spans` whole, and
// in a fix (inFix) the commands in it too.
func pieces(line string, inFix bool) []piece {
	toks := tokens(line)
	var out []piece
	for i := 0; i < len(toks); i++ {
		j := spanEnd(toks, i)
		if inFix && j == i && startsCommand(toks, i) {
			j = commandEnd(toks, i)
		}
		out = append(out, join(toks, i, j))
		i = j
	}
	return out
}

// shellCommands are the programs the fixes name. A fix line that starts
// with one is a command, and so is the rest of a fix line after a label
// ("Confirm: openssl x509 ...").
var shellCommands = map[string]bool{
	"openssl": true, "nginx": true, "cat": true, "chmod": true, "printf": true,
	"curl": true, "mtlsdoctor": true, "sudo": true, "cp": true, "mv": true,
	"install": true, "grep": true, "head": true, "tail": true, "echo": true,
	"date": true, "free": true, "shred": true, "systemctl": true,
	"journalctl": true, "timedatectl": true,
}

// alwaysCommands are the programs that start a command wherever they
// appear in a fix line: none of them is also an English word.
var alwaysCommands = map[string]bool{
	"openssl": true, "mtlsdoctor": true, "curl": true, "sudo": true,
	"chmod": true, "printf": true, "systemctl": true, "journalctl": true,
}

// isCommandLine reports whether a fix line is a command or a
// configuration snippet to copy as it is: indented, or starting with a
// command or an nginx directive.
func isCommandLine(line string) bool {
	if line == "" {
		return false
	}
	if line[0] == ' ' || line[0] == '\t' {
		return true
	}
	return isCommandWord(tokens(line), 0)
}

// isCommandWord reports whether toks[i] starts a command or an nginx
// directive (one whose line ends the directive with ";" or opens a block).
func isCommandWord(toks []token, i int) bool {
	w := strings.TrimLeft(toks[i].text, "(")
	next := ""
	if i+1 < len(toks) {
		next = toks[i+1].text
	}
	switch {
	case w == "nginx":
		return strings.HasPrefix(next, "-")
	case w == "curl":
		return curlArgs(toks, i)
	case w == "install":
		return strings.HasPrefix(next, "-")
	case shellCommands[w]:
		return true
	case w == "if":
		return strings.HasPrefix(next, "(")
	case strings.HasPrefix(w, "ssl_"), strings.HasPrefix(w, "proxy_"),
		w == "error_log", w == "error_page", w == "return", w == "include", w == "listen":
		for _, t := range toks[i:] {
			if strings.HasSuffix(t.text, ";") || t.text == "{" {
				return true
			}
		}
	}
	return false
}

// startsCommand reports whether a command starts at toks[i] inside a
// prose line of a fix: a program that is no English word, or any
// command after a label ("...:"), after the ";" that ends another
// command, or after "then".
func startsCommand(toks []token, i int) bool {
	if w := strings.TrimLeft(toks[i].text, "("); alwaysCommands[w] {
		return w != "curl" || curlArgs(toks, i)
	}
	if i == 0 {
		return false
	}
	prev := strings.TrimLeft(toks[i-1].text, "(")
	after := strings.HasSuffix(prev, ":") || strings.HasSuffix(prev, ";") || prev == "then"
	return after && isCommandWord(toks, i)
}

// curlArgs reports whether the curl at toks[i] is followed by what a
// curl command takes (a flag, a URL, a quoted or $ argument), not by
// prose ("if curl gets through, ...").
func curlArgs(toks []token, i int) bool {
	if i+1 >= len(toks) {
		return false
	}
	next := toks[i+1].text
	return strings.HasPrefix(next, "-") || strings.Contains(next, "://") ||
		strings.ContainsAny(next[:1], "'\"$")
}

// commandEnd is the index of the last token of the command that starts
// at toks[i]: the end of the line, a gap of two blanks or more, a remark
// in brackets after it, the bracket that closes the one the command is
// in, or a "," or ";" that ends a word outside quotes.
func commandEnd(toks []token, i int) int {
	opened := strings.HasPrefix(toks[i].text, "(")
	depth := 0
	var quote rune
	for j := i; j < len(toks); j++ {
		if j > i && quote == 0 && (len(toks[j].gap) >= 2 || strings.HasPrefix(toks[j].text, "(")) {
			return j - 1
		}
		for _, r := range toks[j].text {
			switch {
			case quote != 0:
				if r == quote {
					quote = 0
				}
			case r == '\'' || r == '"' || r == '`':
				quote = r
			case r == '(':
				depth++
			case r == ')':
				depth--
			}
		}
		if quote != 0 {
			continue
		}
		t := toks[j].text
		if (opened && depth <= 0) || depth < 0 || strings.HasSuffix(t, ",") || strings.HasSuffix(t, ";") {
			return j
		}
	}
	return len(toks) - 1
}
