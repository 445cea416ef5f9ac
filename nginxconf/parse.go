// Package nginxconf reads nginx configuration the way nginx itself does:
// the same tokenizer rules (quotes, escapes, comments, ${var}), blocks,
// and include with globs resolved against the configuration directory. It
// reads either files on disk or the output of `nginx -T`, and returns a
// plain tree in which every directive knows its file and line. It is a
// package of its own because `nginx` and `doctor` both need it and it knows
// nothing about TLS: the mTLS judgement lives in checks/.
package nginxconf

import (
	"bytes"
	"fmt"
	"strings"
)

// MaxFileSize bounds every configuration file read (nginx configurations
// are kilobytes; anything larger is not one).
const MaxFileSize = 4 << 20

// MaxIncludeDepth bounds include recursion (nginx has no limit and loops
// forever on a self-include; we stop and say so).
const MaxIncludeDepth = 16

// MaxFiles bounds how many files one configuration may pull in (nginx has
// no limit; the rest is reported, not read). A variable for tests.
var MaxFiles = 10000

// Directive is one simple directive (`ssl_verify_client on;`) or block
// directive (`server { ... }`).
type Directive struct {
	// Name is the first word, e.g. "ssl_certificate".
	Name string
	// Args are the remaining words, unquoted and unescaped as nginx does.
	Args []string
	// File and Line say where the directive starts.
	File string
	Line int
	// Block holds the directives inside `{ }`; nil for a simple directive.
	Block []*Directive
	// IsBlock is true for a block directive, even an empty one.
	IsBlock bool
}

// Arg returns argument i, or "" when there is none.
func (d *Directive) Arg(i int) string {
	if i < len(d.Args) {
		return d.Args[i]
	}
	return ""
}

// String renders the directive as one line of nginx configuration.
func (d *Directive) String() string {
	var b strings.Builder
	b.WriteString(d.Name)
	for _, a := range d.Args {
		b.WriteByte(' ')
		if a == "" || strings.ContainsAny(a, " \t\r\n;{}#\"'") {
			b.WriteString(`"` + strings.ReplaceAll(strings.ReplaceAll(a, `\`, `\\`), `"`, `\"`) + `"`)
		} else {
			b.WriteString(a)
		}
	}
	if d.IsBlock {
		b.WriteString(" { ... }")
	} else {
		b.WriteByte(';')
	}
	return b.String()
}

// Pos is "file:line".
func (d *Directive) Pos() string { return fmt.Sprintf("%s:%d", d.File, d.Line) }

// SyntaxError is input nginx would refuse to parse, with where.
type SyntaxError struct {
	File string
	Line int
	Msg  string
}

func (e *SyntaxError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// token is one word, or one of ";", "{", "}" (with special set).
type token struct {
	text    string
	line    int
	special bool
}

// tokenize splits src into nginx tokens following ngx_conf_read_token.
func tokenize(file string, src []byte) ([]token, error) {
	if len(src) > MaxFileSize {
		return nil, &SyntaxError{File: file, Msg: fmt.Sprintf("larger than %d bytes; not an nginx configuration", MaxFileSize)}
	}
	if i := bytes.IndexByte(src, 0); i >= 0 {
		return nil, &SyntaxError{File: file, Line: 1 + bytes.Count(src[:i], []byte{'\n'}), Msg: "binary data (a NUL byte); not an nginx configuration"}
	}
	var toks []token
	line := 1
	i := 0
	n := len(src)
	needSpace := false
	stmt := 0 // the index in toks of the current directive's name
	for i < n {
		c := src[i]
		if c == '{' && !needSpace && stmt < len(toks) && !toks[stmt].special && strings.HasSuffix(toks[stmt].text, "_by_lua_block") {
			// lua-nginx-module's *_by_lua_block { ... } holds Lua code,
			// read up to its matching brace: one argument, and the
			// directive ends with the block.
			code, end, lines, ok := luaBlock(src, i+1)
			if !ok {
				return nil, &SyntaxError{File: file, Line: line, Msg: fmt.Sprintf("the Lua code of %s opened here is never closed", toks[stmt].text)}
			}
			toks = append(toks, token{text: code, line: line}, token{text: ";", line: line + lines, special: true})
			line += lines
			i = end
			stmt = len(toks)
			continue
		}
		if needSpace {
			switch c {
			case ' ', '\t', '\r', '\n', ';', '{', ')':
				needSpace = false
			default:
				return nil, &SyntaxError{File: file, Line: line, Msg: fmt.Sprintf("unexpected %q", string(c))}
			}
		}
		switch c {
		case '\n':
			line++
			i++
			continue
		case ' ', '\t', '\r':
			i++
			continue
		case '#':
			for i < n && src[i] != '\n' {
				i++
			}
			continue
		case ';', '{', '}':
			toks = append(toks, token{text: string(c), line: line, special: true})
			stmt = len(toks)
			i++
			continue
		case '"', '\'':
			q := c
			start := line
			i++
			var b []byte
			closed := false
			for i < n {
				ch := src[i]
				if ch == '\\' && i+1 < n {
					b = unescape(b, src[i+1], q)
					if src[i+1] == '\n' {
						line++
					}
					i += 2
					continue
				}
				if ch == q {
					closed = true
					i++
					break
				}
				if ch == '\n' {
					line++
				}
				b = append(b, ch)
				i++
			}
			if !closed {
				return nil, &SyntaxError{File: file, Line: start, Msg: fmt.Sprintf("unterminated quoted string: the %c opened here is never closed (unexpected end of file at line %d)", q, line)}
			}
			toks = append(toks, token{text: string(b), line: start})
			needSpace = true
			continue
		}
		// A bare word runs to whitespace, ';' or '{' ("${" keeps going).
		start := line
		var b []byte
		variable := false
		for i < n {
			ch := src[i]
			if ch == '{' && variable {
				b = append(b, ch)
				variable = false
				i++
				continue
			}
			variable = false
			if ch == '\\' && i+1 < n {
				b = unescape(b, src[i+1], 0)
				if src[i+1] == '\n' {
					line++
				}
				i += 2
				continue
			}
			if ch == '$' {
				variable = true
			}
			if ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n' || ch == ';' || ch == '{' {
				break
			}
			b = append(b, ch)
			i++
		}
		toks = append(toks, token{text: string(b), line: start})
	}
	return toks, nil
}

// luaBlock reads the Lua code of a *_by_lua_block from src[from:], just
// after its "{", to the matching "}", as lua-nginx-module does: braces in
// Lua strings ('...', "...", [[...]], [==[...]==]) and comments (-- to the
// end of the line, --[[...]]) do not count. It returns the code, the
// index after the closing brace, and the newlines read.
func luaBlock(src []byte, from int) (code string, end, lines int, ok bool) {
	depth := 1
	i := from
	n := len(src)
	// longBracket reports the level of a long bracket "[=*[" at j.
	longBracket := func(j int) (int, bool) {
		if j >= n || src[j] != '[' {
			return 0, false
		}
		k := j + 1
		for k < n && src[k] == '=' {
			k++
		}
		if k < n && src[k] == '[' {
			return k - j - 1, true
		}
		return 0, false
	}
	// skipLong skips a long bracket of the level from j (at its "[").
	skipLong := func(j, level int) int {
		closing := "]" + strings.Repeat("=", level) + "]"
		k := bytes.Index(src[j+level+2:], []byte(closing))
		if k < 0 {
			return n
		}
		lines += bytes.Count(src[j:j+level+2+k], []byte{'\n'})
		return j + level + 2 + k + len(closing)
	}
	for i < n {
		c := src[i]
		switch {
		case c == '\n':
			lines++
			i++
		case c == '-' && i+1 < n && src[i+1] == '-':
			if level, ok := longBracket(i + 2); ok {
				i = skipLong(i+2, level)
				continue
			}
			for i < n && src[i] != '\n' {
				i++
			}
		case c == '[':
			if level, ok := longBracket(i); ok {
				i = skipLong(i, level)
				continue
			}
			i++
		case c == '"' || c == '\'':
			q := c
			i++
			for i < n && src[i] != q {
				if src[i] == '\\' {
					i++
				}
				if i < n && src[i] == '\n' {
					lines++
				}
				i++
			}
			i++
		case c == '{':
			depth++
			i++
		case c == '}':
			depth--
			if depth == 0 {
				return string(src[from:i]), i + 1, lines, true
			}
			i++
		default:
			i++
		}
	}
	return "", n, lines, false
}

// unescape applies nginx's escapes: \" \' \\ \t \r \n; any other
// backslash pair is kept as written.
func unescape(b []byte, ch byte, _ byte) []byte {
	switch ch {
	case '"', '\'', '\\':
		return append(b, ch)
	case 't':
		return append(b, '\t')
	case 'r':
		return append(b, '\r')
	case 'n':
		return append(b, '\n')
	}
	return append(b, '\\', ch)
}

// parseTokens builds the directive tree of one file (includes are not
// expanded here).
func parseTokens(file string, toks []token, eofLine int) ([]*Directive, error) {
	type frame struct {
		dirs  []*Directive
		owner *Directive
	}
	stack := []frame{{}}
	var cur *Directive
	lastLine := 1
	for _, t := range toks {
		lastLine = t.line
		if !t.special {
			if cur == nil {
				cur = &Directive{Name: t.text, File: file, Line: t.line, Args: []string{}}
			} else {
				cur.Args = append(cur.Args, t.text)
			}
			continue
		}
		switch t.text {
		case ";":
			if cur == nil {
				return nil, &SyntaxError{File: file, Line: t.line, Msg: `unexpected ";"`}
			}
			top := &stack[len(stack)-1]
			top.dirs = append(top.dirs, cur)
			cur = nil
		case "{":
			if cur == nil {
				return nil, &SyntaxError{File: file, Line: t.line, Msg: `unexpected "{"`}
			}
			if len(stack) > 100 {
				return nil, &SyntaxError{File: file, Line: t.line, Msg: "blocks nested more than 100 deep"}
			}
			cur.IsBlock = true
			cur.Block = []*Directive{}
			stack = append(stack, frame{owner: cur})
			cur = nil
		case "}":
			if cur != nil {
				return nil, &SyntaxError{File: file, Line: t.line, Msg: fmt.Sprintf(`unexpected "}" (the directive at line %d has no ";")`, cur.Line)}
			}
			if len(stack) == 1 {
				return nil, &SyntaxError{File: file, Line: t.line, Msg: `unexpected "}" (no block is open)`}
			}
			top := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			top.owner.Block = top.dirs
			if top.owner.Block == nil {
				top.owner.Block = []*Directive{}
			}
			parent := &stack[len(stack)-1]
			parent.dirs = append(parent.dirs, top.owner)
		}
	}
	// The directive's own words are not quoted: an include may pull in a
	// file that is no configuration at all (an ssl_password_file).
	if cur != nil {
		return nil, &SyntaxError{File: file, Line: lastLine, Msg: fmt.Sprintf(`unexpected end of file, expecting ";" or "}" after the directive at line %d`, cur.Line)}
	}
	if len(stack) > 1 {
		o := stack[len(stack)-1].owner
		return nil, &SyntaxError{File: file, Line: o.Line, Msg: fmt.Sprintf(`unexpected end of file at line %d, expecting "}": the %q block opened here is never closed`, eofLine, o.Name)}
	}
	return stack[0].dirs, nil
}

// ParseBytes parses one file's content without expanding includes.
func ParseBytes(file string, src []byte) ([]*Directive, error) {
	toks, err := tokenize(file, src)
	if err != nil {
		return nil, err
	}
	return parseTokens(file, toks, 1+bytes.Count(src, []byte{'\n'}))
}
