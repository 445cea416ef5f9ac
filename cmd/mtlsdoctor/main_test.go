package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/mattn/go-isatty"
	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"mtlsdoctor": func() {
			os.Exit(run(os.Args[1:], env{
				stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv,
				isTerminal: isatty.IsTerminal(os.Stdout.Fd()),
			}))
		},
	})
}

// TestScripts runs the CLI behaviour tests in testdata/script: each file
// runs the real binary on the committed fixtures and checks stdout, stderr
// and the exit status.
func TestScripts(t *testing.T) {
	fixtures, err := filepath.Abs("../../testdata/certs")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(e *testscript.Env) error {
			e.Setenv("FIXTURES", fixtures)
			return nil
		},
		RequireExplicitExec: true,
	})
}
