package catalogue

import (
	"go/ast"
	"go/token"
	"os"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/mtlsdoctor/mtlsdoctor/finding"
)

var (
	readmeHeading = regexp.MustCompile("^#{2,3} .*`([a-z]+)`")
	readmeID      = regexp.MustCompile("`([a-z0-9-]+)`")
)

// readmeRow is one row of an id table.
type readmeRow struct {
	n    int      // its line number
	sevs []string // the severities it gives ("error/warning")
	text string
}

// readmeIDs reads the README's id tables: for each section, each id with
// its row.
func readmeIDs(t *testing.T) map[finding.Section]map[string]readmeRow {
	data, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	out := map[finding.Section]map[string]readmeRow{}
	section := ""
	inTable := false
	for n, line := range strings.Split(string(data), "\n") {
		if m := readmeHeading.FindStringSubmatch(line); m != nil {
			section, inTable = m[1], false
			continue
		}
		if strings.HasPrefix(line, "| id | severity |") {
			inTable = true
			continue
		}
		if !inTable || !strings.HasPrefix(line, "|") {
			inTable = false
			continue
		}
		cells := strings.Split(line, "|")
		if len(cells) < 4 || strings.HasPrefix(cells[1], "---") || strings.HasPrefix(strings.TrimSpace(cells[1]), "any ") {
			continue
		}
		sevs := strings.Split(strings.TrimSpace(cells[2]), "/")
		sec := finding.Section(section)
		if out[sec] == nil {
			out[sec] = map[string]readmeRow{}
		}
		for _, m := range readmeID.FindAllStringSubmatch(cells[1], -1) {
			out[sec][m[1]] = readmeRow{n: n + 1, sevs: sevs, text: line}
		}
	}
	return out
}

// TestReadmeListsRegistry checks that the README's id tables list exactly
// the registered ids, each in its section's table, with the severities it
// may have. Where one row names several ids, the row gives the severities
// of all of them together.
func TestReadmeListsRegistry(t *testing.T) {
	doc := readmeIDs(t)
	union := map[int][]string{} // README line -> severities of the row's ids
	for _, id := range finding.All() {
		sp := id.Spec()
		row, ok := doc[id.Section()][id.Name()]
		if !ok {
			t.Errorf("%s id %q is registered but not in the README's %s table", id.Section(), id.Name(), id.Section())
			continue
		}
		for _, s := range sp.Severities() {
			if !slices.Contains(union[row.n], string(s)) {
				union[row.n] = append(union[row.n], string(s))
			}
			if !slices.Contains(row.sevs, string(s)) {
				t.Errorf("%s id %q may be %s, but its README row says %s", id.Section(), id.Name(), s, strings.Join(row.sevs, "/"))
			}
		}
	}
	for sec, ids := range doc {
		for name, row := range ids {
			if _, ok := finding.Lookup(sec, name); !ok {
				// A row may describe another section's id as this one
				// reports it ("This is the `logs` id, with section `nginx`").
				if id, ok := finding.Named(name); !ok || !strings.Contains(row.text, "the `"+string(id.Section())+"` id") {
					t.Errorf("README line %d: the %s table lists %q, which is not registered in that section", row.n, sec, name)
				}
				continue
			}
			got := slices.Clone(union[row.n])
			sort.Strings(got)
			want := slices.Clone(row.sevs)
			sort.Strings(want)
			if !slices.Equal(got, want) {
				t.Errorf("README line %d (%s id %q) says %s, but the row's ids may be %s", row.n, sec, name, strings.Join(row.sevs, "/"), strings.Join(got, "/"))
			}
		}
	}
}

// TestIDsRegistered checks that every finding.ID constant of the package
// is registered, and that every registered id is one of them: an id that
// is not registered would panic the first time a rule reports it.
func TestIDsRegistered(t *testing.T) {
	fset, specs := packageSpecs(t, token.CONST)
	declared := map[finding.ID]bool{}
	for _, vs := range specs {
		if sel, ok := vs.Type.(*ast.SelectorExpr); !ok || sel.Sel.Name != "ID" {
			continue
		}
		for i, ident := range vs.Names {
			lit, ok := vs.Values[i].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				t.Errorf("%s: id %s is not a string literal", fset.Position(ident.Pos()), ident.Name)
				continue
			}
			id, err := strconv.Unquote(lit.Value)
			if err != nil {
				t.Fatal(err)
			}
			declared[finding.ID(id)] = true
			section, idName, _ := strings.Cut(id, "/")
			if _, ok := finding.Lookup(finding.Section(section), idName); !ok {
				t.Errorf("%s: id %s (%q) is not registered", fset.Position(ident.Pos()), ident.Name, id)
			}
		}
	}
	if len(declared) < 90 {
		t.Fatalf("found %d id constants; does the test still see them?", len(declared))
	}
	for _, id := range finding.All() {
		if !declared[id] {
			t.Errorf("id %q is registered but not a finding.ID constant of the package", id)
		}
	}
}
