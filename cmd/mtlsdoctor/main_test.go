package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"mtlsdoctor": func() {
			os.Exit(runProcess(os.Args[1:]))
		},
	})
}

// TestScripts runs the CLI behaviour tests in testdata/script: each file
// runs the real binary on the committed fixtures and checks stdout, stderr
// and the exit status.
// fixtureKeyModes gives the fixture keys the mode gen.sh made them with
// (0600). git keeps only the executable bit, so a fresh checkout has them
// world-readable, and every check would report key-permissions on them.
// Only the mode changes; git sees no difference.
var fixtureKeyModes = sync.OnceValue(func() error {
	return filepath.WalkDir("../../testdata/certs", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".key") {
			return err
		}
		return os.Chmod(p, 0o600)
	})
})

func TestScripts(t *testing.T) {
	if err := fixtureKeyModes(); err != nil {
		t.Fatal(err)
	}
	fixtures, err := filepath.Abs("../../testdata/certs")
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(e *testscript.Env) error {
			e.Setenv("FIXTURES", fixtures)
			// The scripts match what the text says a line at a time:
			// lay it out wide. text_width.txtar checks the layout.
			e.Setenv("COLUMNS", "1000")
			return nil
		},
		RequireExplicitExec: true,
	})
}
