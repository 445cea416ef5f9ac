package catalogue

import (
	"strings"

	"github.com/mtlsdoctor/mtlsdoctor/finding"
)

// Text is the words of one kind of finding: its title, why it breaks and
// the fix. In a fix, every command or configuration snippet stands on a
// line of its own, indented by two spaces: the text view never wraps such
// a line, so it can be copied as it is, and wraps the other lines (prose)
// to the terminal. Backticks in prose mark names (a directive, a file),
// not whole commands. They hold {placeholders} (lower-case names in braces, with no
// space inside) that the rule fills in with real file names, paths, hosts
// and values; a brace followed by a space, as in an nginx block, is text.
type Text struct {
	ID              finding.ID
	Title, Why, Fix string
}

// Vars are the values of a text's placeholders.
type Vars map[string]string

// common are the placeholders every text may use without a value.
var common = Vars{
	"reload": "nginx -t && nginx -s reload",
}

// New makes the finding: the id's usual severity and priority, and the
// text with its placeholders filled in.
func (t Text) New(v Vars) finding.Finding {
	title := Fill(t.Title, v)
	if rest, ok := strings.CutPrefix(title, "the "); ok {
		// A title that starts with a filled-in "the node client".
		title = "The " + rest
	}
	return t.ID.New(title, Fill(t.Why, v), Fill(t.Fix, v))
}

// Fill replaces each {name} in s with v[name] (or a common value). A
// placeholder without a value is left as it is, for tests to find.
func Fill(s string, v Vars) string {
	if strings.IndexByte(s, '{') < 0 {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		j := placeholderEnd(s[i+1:])
		if j < 0 {
			b.WriteString(s[:i+1])
			s = s[i+1:]
			continue
		}
		name := s[i+1 : i+1+j]
		val, ok := v[name]
		if !ok {
			val, ok = common[name]
		}
		b.WriteString(s[:i])
		if ok {
			// A value on an indented line of its own keeps the indent on
			// all its lines: a command of several lines stays a command.
			if ind := lineIndent(b.String()); ind != "" {
				val = strings.ReplaceAll(val, "\n", "\n"+ind)
			}
			b.WriteString(val)
		} else {
			b.WriteString(s[i : i+j+2])
		}
		s = s[i+j+2:]
	}
}

// lineIndent is the indent of the last line of s when that line holds
// nothing but spaces so far (a placeholder there starts the line).
func lineIndent(s string) string {
	last := s[strings.LastIndexByte(s, '\n')+1:]
	if last != "" && strings.Trim(last, " ") == "" {
		return last
	}
	return ""
}

// placeholderEnd is the index of the '}' that closes a placeholder name
// at the start of s, or -1 when s does not start with one.
func placeholderEnd(s string) int {
	for k := 0; k < len(s); k++ {
		c := s[k]
		switch {
		case c == '}':
			if k == 0 {
				return -1
			}
			return k
		case c >= 'a' && c <= 'z', c == '_', k > 0 && c >= '0' && c <= '9':
		default:
			return -1
		}
	}
	return -1
}

// Placeholders lists the {names} in s, for tests.
func Placeholders(s string) []string {
	var out []string
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			return out
		}
		if j := placeholderEnd(s[i+1:]); j >= 0 {
			out = append(out, s[i+1:i+1+j])
			s = s[i+j+2:]
			continue
		}
		s = s[i+1:]
	}
}

// WithConfirm is a fix followed by the command that shows the problem, on
// a line of its own (unless the fix already gives that command).
func WithConfirm(fix, confirm string) string {
	indented := strings.ReplaceAll(confirm, "\n", "\n  ")
	if confirm == "" || strings.Contains(fix, confirm) || strings.Contains(fix, indented) {
		return fix
	}
	if cmd, remark := splitRemark(confirm); remark != "" {
		return fix + confirmLead + " (" + remark + "):\n  " + cmd
	}
	return fix + confirmLead + ":\n  " + indented
}

// confirmLead starts the check that WithConfirm appends to a fix.
const confirmLead = "\nConfirm it with"

// splitRemark parts a check written as "command (remark)" into the
// command, to paste, and the remark, to read ("openssl x509 -noout
// -purpose -in client.crt (must show `SSL client : Yes`)"); a check
// without a remark comes back whole.
func splitRemark(confirm string) (cmd, remark string) {
	i := strings.LastIndex(confirm, " (")
	if i < 0 || !strings.HasSuffix(confirm, ")") || strings.Contains(confirm, "\n") ||
		strings.Contains(confirm[i:], "$(") || !strings.Contains(confirm[i+2:], " ") {
		return confirm, ""
	}
	return confirm[:i], confirm[i+2 : len(confirm)-1]
}

// BeforeConfirm is fix with note added as its last paragraph, before the
// check that WithConfirm appended to it, if any.
func BeforeConfirm(fix, note string) string {
	if i := strings.Index(fix, confirmLead); i >= 0 {
		return fix[:i] + "\n" + note + fix[i:]
	}
	return fix + "\n" + note
}
