package catalogue

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// sentenceBreak is the end of one sentence and the start of the next.
var sentenceBreak = regexp.MustCompile(`[a-z0-9)'"\x60][.!?:] +[A-Z]`)

// proseLimit is the longest string literal outside the catalogue: a title
// pattern or a short clause fits, an explanation does not.
const proseLimit = 120

// proseDirs are the packages that make findings and print them.
var proseDirs = []string{"../checks", "../cmd", "../doctor", "../site", "../report"}

// TestProseLivesHere fails when the packages that make findings hold
// explanatory prose: a string literal (or a sum of literals) of more than
// one sentence, or longer than proseLimit. Titles, explanations and fixes belong in the
// catalogue's texts, so that every command tells the same story. Help
// texts are files of their own (cmd/mtlsdoctor/help), not Go literals.
func TestProseLivesHere(t *testing.T) {
	var bad []string
	for _, root := range proseDirs {
		bad = append(bad, proseIn(t, root)...)
	}
	for _, b := range bad {
		t.Error(b)
	}
	if len(bad) > 0 {
		t.Errorf("%d string literals outside the catalogue are prose; move them into a catalogue text", len(bad))
	}
}

func proseIn(t *testing.T, root string) []string {
	var bad []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if os.IsNotExist(err) && path == root {
			return filepath.SkipDir
		}
		if err != nil {
			return err
		}
		if d.IsDir() {
			switch d.Name() {
			case "testdata":
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			s, ok := literalText(n)
			if !ok {
				return true
			}
			if len(s) > proseLimit || sentenceBreak.MatchString(s) {
				short := s
				if len(short) > 70 {
					short = short[:70] + "…"
				}
				bad = append(bad, fset.Position(n.Pos()).String()+": "+strconv.Quote(short))
			}
			return false
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return bad
}

// literalText is the text of a string literal or of a sum in which
// literals are joined with other values ("a. " + x + "B"): the literal
// parts, joined by a space.
func literalText(n ast.Node) (string, bool) {
	switch n := n.(type) {
	case *ast.BasicLit:
		if n.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(n.Value)
		return s, err == nil
	case *ast.BinaryExpr:
		if n.Op != token.ADD {
			return "", false
		}
		l, lok := literalText(n.X)
		r, rok := literalText(n.Y)
		if !lok && !rok {
			return "", false
		}
		return strings.TrimSpace(l + " " + r), true
	}
	return "", false
}
