package main

import (
	"testing"

	"github.com/mtlsdoctor/mtlsdoctor/internal/lazyre"
)

// TestRegexpsCompile: every regular expression of the program, compiled on
// first use rather than at start-up, compiles.
func TestRegexpsCompile(t *testing.T) {
	if err := lazyre.CompileAll(); err != nil {
		t.Fatal(err)
	}
}
