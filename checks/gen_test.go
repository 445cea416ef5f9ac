package checks

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/internal/nginxtest"
	"github.com/mtlsdoctor/mtlsdoctor/report"
)

// TestGenScriptReproducesFixtures runs testdata/certs/gen.sh into a temp
// directory and checks that it makes the committed sets again: the same
// files, and the same verdicts and findings for each of them (keys and
// serials are random, the mistakes are not).
func TestGenScriptReproducesFixtures(t *testing.T) {
	nginxtest.Require(t)
	out := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "bash", filepath.Join(fixtures, "gen.sh"), out)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("gen.sh: %v\n%s", err, b)
	}
	sets, err := os.ReadDir(fixtures)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range sets {
		if !e.IsDir() || strings.HasPrefix(e.Name(), "_") {
			continue
		}
		set := e.Name()
		t.Run(set, func(t *testing.T) {
			if a, b := fileNames(t, filepath.Join(fixtures, set)), fileNames(t, filepath.Join(out, set)); a != b {
				t.Fatalf("files differ:\ncommitted:   %s\nregenerated: %s", a, b)
			}
			o := CertOptions{SecLevel: 2, VerifyDepth: 1, At: time.Now(), ExpiresWithin: 720 * time.Hour}
			committed := summarise(Certs(loadDir(t, filepath.Join(fixtures, set)), o), filepath.Join(fixtures, set))
			regenerated := summarise(Certs(loadDir(t, filepath.Join(out, set)), o), filepath.Join(out, set))
			if committed != regenerated {
				t.Errorf("verdicts/findings differ:\ncommitted:\n%s\nregenerated:\n%s", committed, regenerated)
			}
		})
	}
}

func fileNames(t *testing.T, dir string) string {
	t.Helper()
	var names []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			names = append(names, rel)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(names)
	return strings.Join(names, " ")
}

// summarise reduces a report to what must not change between runs of
// gen.sh: per file, its role and verdict, and the finding ids.
func summarise(rep *report.Report, dir string) string {
	var lines []string
	for _, c := range rep.Certificates {
		lines = append(lines, strings.TrimPrefix(c.Files[0], dir)+" "+c.Role+" "+c.NginxVerdict)
	}
	for _, f := range rep.Findings {
		if f.ID.Name() == "key-permissions" {
			continue // git does not keep file modes; gen.sh does
		}
		lines = append(lines, f.ID.Name()+" "+strings.TrimPrefix(f.File, dir))
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}
