package lazyre

import (
	"strings"
	"testing"
)

// TestLazy: an expression is compiled on first use, once, and behaves as
// regexp's; CompileAll reports one that does not compile.
func TestLazy(t *testing.T) {
	r := New(`(\d+):(\w+)`)
	if r.re != nil {
		t.Fatal("compiled before use")
	}
	if m := r.FindStringSubmatch("x 20:unable"); len(m) != 3 || m[1] != "20" || m[2] != "unable" {
		t.Fatalf("FindStringSubmatch: %q", m)
	}
	first := r.re
	if !r.MatchString("1:a") || r.re != first {
		t.Fatal("compiled twice, or no match")
	}
	if got := r.ReplaceAllStringFunc("1:a 2:b", strings.ToUpper); got != "1:A 2:B" {
		t.Fatalf("ReplaceAllStringFunc: %q", got)
	}
	if err := CompileAll(); err != nil {
		t.Fatal(err)
	}
	New(`(`)
	if err := CompileAll(); err == nil {
		t.Fatal("CompileAll passed an expression that does not compile")
	}
	mu.Lock()
	all = all[:len(all)-1]
	mu.Unlock()
}
