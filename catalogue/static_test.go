package catalogue

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestTablesStatic checks that the package's tables (package-level
// variables set by a composite literal other than a map) hold only
// literals, constants and functions, which the linker lays out. A call,
// an index, a field of another variable or another variable itself in a
// table makes the compiler copy the table into place by code at every
// start (catalogue.init), touching its pages: a list of words that
// entries share is a word list constant (entries.go), a shared text a
// constant.
func TestTablesStatic(t *testing.T) {
	fset, specs := packageSpecs(t, token.VAR)
	vars := map[string]bool{} // the package-level variables
	for _, vs := range specs {
		for _, n := range vs.Names {
			vars[n.Name] = true
		}
	}
	tables := 0
	for _, vs := range specs {
		for i, v := range vs.Values {
			lit, ok := v.(*ast.CompositeLit)
			if !ok {
				continue
			}
			if _, isMap := lit.Type.(*ast.MapType); isMap {
				continue
			}
			tables++
			var check func(n ast.Node) bool
			check = func(n ast.Node) bool {
				bad := ""
				switch n := n.(type) {
				case *ast.CallExpr:
					bad = "a call"
				case *ast.IndexExpr:
					bad = "an index"
				case *ast.SelectorExpr:
					if x, ok := n.X.(*ast.Ident); ok && vars[x.Name] {
						bad = "a field of " + x.Name
					}
				case *ast.KeyValueExpr:
					if _, field := n.Key.(*ast.Ident); field {
						ast.Inspect(n.Value, check) // a field's name is no variable
						return false
					}
				case *ast.Ident:
					if vars[n.Name] {
						bad = "the variable " + n.Name
					}
				}
				if bad != "" {
					t.Errorf("%s: table %s holds %s", fset.Position(n.Pos()), vs.Names[i].Name, bad)
					return false
				}
				return true
			}
			ast.Inspect(lit, check)
		}
	}
	if tables < 20 {
		t.Fatalf("found %d tables; does the test still see them?", tables)
	}
}

// TestWordLists: a word list is spelled out in place, and words without
// one are left as they are.
func TestWordLists(t *testing.T) {
	got := spellWords([]string{"upstream", ownHandshake, "x"})
	want := []string{"upstream", "to upstream", "context: ngx.timer", "by_lua", "cosocket", "lua tcp socket", `, request: "`, "x"}
	if !slices.Equal(got, want) {
		t.Errorf("spelled %q, want %q", got, want)
	}
	plain := []string{"a", "b"}
	if got := spellWords(plain); &got[0] != &plain[0] {
		t.Error("words without a list were copied")
	}
	if !containsListWord("while ssl handshaking, context: ngx.timer", ownHandshake) || containsListWord("to the upstream", ownHandshake) {
		t.Error("containsListWord is not containsAny of the list's words")
	}
}

// packageSpecs parses the package's own files (not its tests) and returns
// their package-level declarations of kind tok (token.VAR, token.CONST).
func packageSpecs(t *testing.T, tok token.Token) (*token.FileSet, []*ast.ValueSpec) {
	t.Helper()
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	var specs []*ast.ValueSpec
	for _, path := range files {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			if g, ok := d.(*ast.GenDecl); ok && g.Tok == tok {
				for _, s := range g.Specs {
					specs = append(specs, s.(*ast.ValueSpec))
				}
			}
		}
	}
	return fset, specs
}
