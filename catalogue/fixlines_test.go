package catalogue

import (
	"go/ast"
	"go/constant"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// commandInProse finds a command or configuration snippet inside a line of
// prose: a backticked span with a space in it, or a command word or
// directive in the middle of a sentence.
var commandInProse = regexp.MustCompile("`[^`]* [^`]*`" +
	`|(^|[:;,.] |\b(then|run|with|add|use|check|or|and|convert|see|reload|confirm)\b:? )(openssl|nginx -[tsTV]|curl|chmod|chown|cat|printf|mtlsdoctor|sudo|install|systemctl|timedatectl|journalctl|grep|cp|mv|ln|echo) ` +
	`|\b(ssl_[a-z_]+|proxy_[a-z_]+|error_log|access_log|listen|return|fastcgi_param|uwsgi_param|grpc_set_header)( [^ ;]+){1,4};`)

// fixTexts is every constant string a Fix field is set to in this
// package's Text, Entry and VerifyCode literals, with where it is. (A
// Confirm field is one command; WithConfirm puts it on its own line.)
func fixTexts(t *testing.T) map[string]string {
	t.Helper()
	fset := token.NewFileSet()
	var files []*ast.File
	names, _ := filepath.Glob("*.go")
	for _, n := range names {
		if strings.HasSuffix(n, "_test.go") {
			continue
		}
		src, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(fset, n, src, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}}
	conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil)}
	if _, err := conf.Check("github.com/mtlsdoctor/mtlsdoctor/catalogue", fset, files, info); err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			kv, ok := n.(*ast.KeyValueExpr)
			if !ok {
				return true
			}
			key, ok := kv.Key.(*ast.Ident)
			if !ok || key.Name != "Fix" {
				return true
			}
			tv := info.Types[kv.Value]
			if tv.Value == nil || tv.Value.Kind() != constant.String {
				return true
			}
			out[constant.StringVal(tv.Value)] = fset.Position(kv.Pos()).String()
			return true
		})
	}
	return out
}

// TestFixCommandsOnOwnLines holds the catalogue to the rule the text view
// relies on: in a fix, a command or configuration snippet stands on a line
// of its own, indented by two spaces, so it is never wrapped and can be
// copied as it is; the other lines are prose, wrapped to the terminal.
func TestFixCommandsOnOwnLines(t *testing.T) {
	n := 0
	for text, at := range fixTexts(t) {
		for _, line := range strings.Split(text, "\n") {
			if strings.HasPrefix(line, "  ") {
				continue
			}
			for _, loc := range commandInProse.FindAllStringIndex(line, -1) {
				m, rest := line[loc[0]:loc[1]], line[loc[1]:]
				if strings.HasSuffix(m, " ") && (strings.HasPrefix(rest, "the ") || strings.HasPrefix(rest, "a ")) {
					continue // a verb of the prose: "install the system bundle"
				}
				n++
				t.Errorf("%s: a command inside prose (%q) in the line %q", at, strings.TrimSpace(m), line)
				break
			}
		}
	}
	if n > 0 {
		t.Logf("%d lines", n)
	}
}
