package nginxconf

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A glob over more files than mtlsdoctor reads is one problem, marked as
// not read (nginx reads them all), not one per file; a pseudo-file is
// not read either.
func TestIncludeLimits(t *testing.T) {
	old := MaxFiles
	MaxFiles = 50
	defer func() { MaxFiles = old }()
	dir := t.TempDir()
	inc := filepath.Join(dir, "conf.d")
	if err := os.Mkdir(inc, 0o755); err != nil {
		t.Fatal(err)
	}
	for i := range MaxFiles + 4 { // the main file is one of MaxFiles
		if err := os.WriteFile(filepath.Join(inc, fmt.Sprintf("%05d.conf", i)), []byte("# empty\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	main := filepath.Join(dir, "nginx.conf")
	if err := os.WriteFile(main, []byte("include conf.d/*.conf;\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := Load(main)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Problems) != 1 {
		t.Fatalf("%d problems: %+v", len(c.Problems), c.Problems)
	}
	p := c.Problems[0]
	if !p.NotRead || !strings.Contains(p.Msg, "more than 50 files included in all; 5 files from") {
		t.Errorf("glob: %+v", p)
	}
	if err := os.WriteFile(main, []byte("include /proc/self/status;\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if c, err = Load(main); err != nil || len(c.Problems) != 1 {
		t.Fatalf("%v %+v", err, c)
	}
	p = c.Problems[0]
	if !p.NotRead || !strings.Contains(p.Msg, "on procfs") {
		t.Errorf("procfs: %+v", p)
	}
}
