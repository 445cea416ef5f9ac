package nginxconf

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func seeds(f *testing.F) {
	for _, pat := range []string{"../testdata/nginx/*.conf", "../testdata/nginx/conf.d/*.conf", "../testdata/nginx/bad/*.conf"} {
		files, _ := filepath.Glob(pat)
		for _, p := range files {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(b)
			}
		}
	}
	f.Add([]byte(`a "b\"c" 'd\'e' ${x}y;`))
	f.Add([]byte("a {{{{ }}}}"))
	f.Add([]byte("x_by_lua_block { local s = \"}\" --[==[ { ]==] t = [[ } ]] -- }\n }\nb;"))
}

// FuzzParse: any input either parses or gives a SyntaxError with a line
// inside the input; never a panic or a hang.
func FuzzParse(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		dirs, err := ParseBytes("f.conf", src)
		lines := 1 + bytes.Count(src, []byte{'\n'})
		if err != nil {
			se, ok := err.(*SyntaxError)
			if !ok || se.Line < 0 || se.Line > lines {
				t.Fatalf("bad error %v (lines %d)", err, lines)
			}
			return
		}
		Walk(dirs, func(d *Directive, _ []*Directive) {
			if d.Line < 1 || d.Line > lines {
				t.Fatalf("directive %q at line %d of %d", d.Name, d.Line, lines)
			}
			_ = d.String()
		})
	})
}

// FuzzLoadDump: nginx -T input never panics.
func FuzzLoadDump(f *testing.F) {
	seeds(f)
	f.Fuzz(func(t *testing.T, src []byte) {
		dump := "# configuration file /etc/nginx/nginx.conf:\n" + string(src) + "\n# configuration file /etc/nginx/conf.d/a.conf:\n" + strings.ToUpper(string(src))
		_, _ = LoadDump(strings.NewReader(dump), "stdin")
		_, _ = LoadDump(bytes.NewReader(src), "stdin")
	})
}
