package catalogue

import (
	"sort"
	"strings"
)

// errClass is a kind of error of another TLS library's table (GnuTLS,
// Mbed TLS, Windows): the words of its macro or name that select it, and
// the story and first step of its generic entry.
type errClass struct {
	words      []string
	story, fix string
}

// classOf is the first class one of whose words name holds, else def.
func classOf(name string, classes []errClass, def errClass) errClass {
	for _, c := range classes {
		for _, w := range c.words {
			if strings.Contains(name, w) {
				return c
			}
		}
	}
	return def
}

// indexedText is one error's words, lower-case and without a final
// period, with the error's index in its table.
type indexedText struct {
	text string
	idx  int
}

// textIndex lists the words of a table's n errors (words(i): the main
// words, then older versions') of at least min bytes, longest first, so
// that a search prefers the longest words a line holds.
func textIndex(n int, words func(i int) []string, min int) []indexedText {
	var out []indexedText
	for i := range n {
		for _, s := range words(i) {
			if t := strings.TrimRight(strings.ToLower(s), ". "); len(t) >= min {
				out = append(out, indexedText{t, i})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].text) > len(out[j].text) })
	return out
}
