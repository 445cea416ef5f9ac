package report

import (
	"slices"
	"strings"
	"testing"
)

func TestListed(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Two causes: 1. no CA; 2. a wrong name. Then more.",
			"Two causes:\n  1. no CA;\n  2. a wrong name.\nThen more."},
		{"Causes: 1. one, with e.g. a sub. part; 2. two, 3. three",
			"Causes:\n  1. one, with e.g. a sub. part;\n  2. two,\n  3. three"},
		// A lone first item, or numbers that do not follow, are no list.
		{"It says: 1. only this.", "It says: 1. only this."},
		{"Causes: 1. one; 3. three.", "Causes: 1. one; 3. three."},
		// A "2. " that does not end an item (a version) is not one.
		{"Causes: 1. TLS 1.2 2. x; 2. y.", "Causes:\n  1. TLS 1.2 2. x;\n  2. y."},
		// No ": " before the first item: prose, as it is.
		{"Step 1. then 2. done", "Step 1. then 2. done"},
		// Each paragraph on its own.
		{"A: 1. a; 2. b\nB: 1. c; 2. d.", "A:\n  1. a;\n  2. b\nB:\n  1. c;\n  2. d."},
		// Items numbered in brackets, after a sentence.
		{"Three causes cover all cases. (1) no CA (or none sent); (2) a name; (3) a date. More.",
			"Three causes cover all cases.\n  (1) no CA (or none sent);\n  (2) a name;\n  (3) a date.\nMore."},
		{"", ""},
	} {
		if got := listed(tc.in); got != tc.want {
			t.Errorf("listed(%q) =\n%q\nwant\n%q", tc.in, got, tc.want)
		}
	}
}

func TestWrapProseListItems(t *testing.T) {
	got := wrapProse(listed("Four causes cover most cases: 1. the client does not trust the CA of the server; 2. a wrong name."), 9, 40, "         ")
	want := "Four causes cover most cases:\n" +
		"           1. the client does not trust\n" +
		"              the CA of the server;\n" +
		"           2. a wrong name."
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	got = wrapProse(listed("Two causes: (1) the client does not trust the CA of the server; (2) a wrong name."), 9, 40, "         ")
	want = "Two causes:\n" +
		"           (1) the client does not trust\n" +
		"               the CA of the server;\n" +
		"           (2) a wrong name."
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// FuzzListed: listed only moves blanks and line breaks, never words.
func FuzzListed(f *testing.F) {
	f.Add("Four causes cover most cases: 1. a; 2. b, 3. c. Then d.")
	f.Add("x: 1. \n2. ; 2. ")
	f.Add("All cases. (1) a (b); (2) c. D")
	f.Fuzz(func(t *testing.T, s string) {
		got := listed(s)
		if !slices.Equal(strings.Fields(got), strings.Fields(s)) {
			t.Fatalf("listed(%q) = %q changed the words", s, got)
		}
	})
}
