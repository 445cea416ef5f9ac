package nginxconf

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// flat renders directives as "name arg|arg@line" lines, blocks indented.
func flat(dirs []*Directive, indent string) []string {
	var out []string
	for _, d := range dirs {
		out = append(out, indent+d.Name+" "+strings.Join(d.Args, "|")+"@"+itoa(d.Line))
		if d.IsBlock {
			out = append(out, flat(d.Block, indent+"  ")...)
		}
	}
	return out
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestParse(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"simple", "a b c;", []string{"a b|c@1"}},
		{"no args", "ssl;\n", []string{"ssl @1"}},
		{"block", "http {\n server { listen 443 ssl; }\n}\n", []string{"http @1", "  server @2", "    listen 443|ssl@2"}},
		{"empty block", "events {}", []string{"events @1"}},
		{"comment", "# c ; { }\na 1; # trailing ; }\nb 2;", []string{"a 1@2", "b 2@3"}},
		{"hash inside word", "a b#c;", []string{"a b#c@1"}},
		{"double quotes", `server_name "a b";`, []string{"server_name a b@1"}},
		{"single quotes", `a 'x;y{z}';`, []string{"a x;y{z}@1"}},
		{"escapes in quotes", `a "q\"t\\n\t\x";`, []string{"a q\"t\\n\t\\x@1"}},
		{"escaped quote single", `a 'it\'s';`, []string{"a it's@1"}},
		{"escape in word", `a b\;c;`, []string{`a b\;c@1`}},
		{"variable braces", `return 200 ${ssl_client_verify}x;`, []string{"return 200|${ssl_client_verify}x@1"}},
		{"brace ends word", "location /x{ a 1; }", []string{"location /x@1", "  a 1@1"}},
		{"close brace inside word", "a b}c;", []string{"a b}c@1"}},
		{"quote then paren", `if ($a = "b") { return 403; }`, []string{"if ($a|=|b|)@1", "  return 403@1"}},
		{"multiline quote", "a \"x\ny\";\nb;", []string{"a x\ny@1", "b @3"}},
		{"crlf", "a 1;\r\nb 2;\r\n", []string{"a 1@1", "b 2@2"}},
		{"map", "map $ssl_client_verify $ok {\n default 0;\n SUCCESS 1;\n}", []string{"map $ssl_client_verify|$ok@1", "  default 0@2", "  SUCCESS 1@3"}},
		{"empty quoted arg", `a "";`, []string{"a @1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dirs, err := ParseBytes("t.conf", []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			if got := flat(dirs, ""); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestParseLuaBlocks: OpenResty's *_by_lua_block holds Lua code, read to
// its matching brace (braces in Lua strings, long brackets and comments
// do not count), as one argument of a directive that ends with it.
func TestParseLuaBlocks(t *testing.T) {
	src := "http {\n init_by_lua_block {\n  local s = \"a } b\" -- } in a comment\n  local u = [==[ } ]==]\n  --[[ { ]]\n  local m = { x = { y = 1 } }\n }\n server { listen 443 ssl; }\n}\n"
	dirs, err := ParseBytes("lua.conf", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	http := dirs[0].Block
	if len(http) != 2 || http[0].Name != "init_by_lua_block" || http[0].IsBlock || len(http[0].Args) != 1 || http[1].Name != "server" || http[1].Line != 8 {
		t.Fatalf("got %d directives: %+v", len(http), http)
	}
	if !strings.Contains(http[0].Args[0], "local m = { x = { y = 1 } }") {
		t.Errorf("Lua code %q", http[0].Args[0])
	}
	if _, err := ParseBytes("lua.conf", []byte("http { content_by_lua_block { local s = \"}\" \n")); err == nil || !strings.Contains(err.Error(), "never closed") {
		t.Errorf("an unclosed Lua block: %v", err)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, src string
		line      int
		msg       string
	}{
		{"stray close", "a 1;\n}\n", 2, `unexpected "}"`},
		{"close before semicolon", "http {\n listen 1\n}\n", 3, `unexpected "}"`},
		{"unclosed block", "http {\n server {\n", 2, `expecting "}"`},
		{"no semicolon at eof", "a 1", 1, `expecting ";" or "}"`},
		{"unterminated double", "a \"b;\nc;\n", 1, "unterminated quoted string"},
		{"unterminated single", "a 'b;", 1, "unterminated quoted string"},
		{"lonely semicolon", "a;\n;\n", 2, `unexpected ";"`},
		{"lonely brace", "{ }", 1, `unexpected "{"`},
		{"no space after quote", `a "b"c;`, 1, `unexpected "c"`},
		{"binary", "a 1;\nb \x00;", 2, "binary data"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseBytes("t.conf", []byte(tt.src))
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("err = %v, want a *SyntaxError", err)
			}
			if se.File != "t.conf" || se.Line != tt.line || !strings.Contains(se.Msg, tt.msg) {
				t.Errorf("got %v, want t.conf:%d: ...%s...", err, tt.line, tt.msg)
			}
		})
	}
}

func TestParseDeepNesting(t *testing.T) {
	src := strings.Repeat("a {", 10000) + strings.Repeat("}", 10000)
	if _, err := ParseBytes("deep.conf", []byte(src)); err == nil || !strings.Contains(err.Error(), "nested") {
		t.Errorf("err = %v, want a nesting limit error", err)
	}
}

func TestParseTooLarge(t *testing.T) {
	if _, err := ParseBytes("big.conf", make([]byte, MaxFileSize+1)); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("err = %v, want a size error", err)
	}
}

func write(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestLoadIncludes(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"nginx.conf":          "events {}\nhttp {\n  include conf.d/*.conf;\n  include sites/one;\n  include gone.conf;\n  include none/*.conf;\n}\n",
		"conf.d/b.conf":       "b 1;\n",
		"conf.d/a.conf":       "a 1;\ninclude nested.inc; # relative to the configuration directory, as in nginx\n",
		"conf.d/.hidden.conf": "hidden 1;\n",
		"conf.d/notes.txt":    "not included;\n",
		"nested.inc":          "nested 1;\n",
		"sites/one":           "server { listen 443 ssl; }\n",
	})
	c, err := Load(filepath.Join(dir, "nginx.conf"))
	if err != nil {
		t.Fatal(err)
	}
	got := flat(c.Directives, "")
	want := []string{"events @1", "http @2", "  a 1@1", "  nested 1@1", "  b 1@1", "  server @1", "    listen 443|ssl@1"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	// The included directives know their own file.
	if f := c.Directives[1].Block[0].File; filepath.Base(f) != "a.conf" {
		t.Errorf("a's file = %s", f)
	}
	if len(c.Problems) != 1 || !strings.HasSuffix(c.Problems[0].Path, "gone.conf") || c.Problems[0].Directive.Line != 5 {
		t.Errorf("problems = %+v, want one for gone.conf at line 5", c.Problems)
	}
	if len(c.Files) != 5 {
		t.Errorf("files = %v", c.Files)
	}
}

func TestLoadIncludeLoopAndDepth(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"nginx.conf": "include self.conf;\n",
		"self.conf":  "x 1;\ninclude self.conf;\n",
	})
	c, err := Load(filepath.Join(dir, "nginx.conf"))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Problems) != 1 || !strings.Contains(c.Problems[0].Msg, "loop") {
		t.Errorf("problems = %+v, want one include loop", c.Problems)
	}
	// A chain deeper than the limit stops with a problem, not a hang.
	files := map[string]string{"nginx.conf": "include f0;\n"}
	for i := 0; i < MaxIncludeDepth+5; i++ {
		files["f"+itoa(i)] = "include f" + itoa(i+1) + ";\n"
	}
	files["f"+itoa(MaxIncludeDepth+5)] = "end;\n"
	dir2 := t.TempDir()
	write(t, dir2, files)
	c, err = Load(filepath.Join(dir2, "nginx.conf"))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Problems) != 1 || !strings.Contains(c.Problems[0].Msg, "deep") {
		t.Errorf("problems = %+v, want one depth problem", c.Problems)
	}
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, map[string]string{
		"nginx.conf": "http {\n include bad.conf;\n}\n",
		"bad.conf":   "server {\n listen 443;\n}\n}\n",
	})
	_, err := Load(filepath.Join(dir, "nginx.conf"))
	var se *SyntaxError
	if !errors.As(err, &se) || filepath.Base(se.File) != "bad.conf" || se.Line != 4 {
		t.Errorf("err = %v, want bad.conf:4", err)
	}
	if _, err := Load(filepath.Join(dir, "missing.conf")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("err = %v, want fs.ErrNotExist", err)
	}
	if _, err := Load(dir); err == nil {
		t.Error("a directory loaded as a configuration")
	}
}

func TestLoadDump(t *testing.T) {
	dump := "nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\n" +
		"# configuration file /etc/nginx/nginx.conf:\n" +
		"events {}\nhttp {\n    include /etc/nginx/conf.d/*.conf;\n    include mime.types;\n}\n\n" +
		"# configuration file /etc/nginx/mime.types:\n" +
		"types { text/html html; }\n\n" +
		"# configuration file /etc/nginx/conf.d/a.conf:\n" +
		"server {\n    listen 443 ssl;\n    ssl_verify_client on;\n}\n\n"
	c, err := LoadDump(strings.NewReader(dump), "stdin")
	if err != nil {
		t.Fatal(err)
	}
	got := flat(c.Directives, "")
	want := []string{"events @1", "http @2", "  server @1", "    listen 443|ssl@2", "    ssl_verify_client on@3", "  types @1", "    text/html html@1"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %q\nwant %q", got, want)
	}
	if c.File != "/etc/nginx/nginx.conf" || c.ConfDir != "/etc/nginx" || !c.FromDump {
		t.Errorf("config = %+v", c)
	}
	if srv := c.Directives[1].Block[0]; srv.File != "/etc/nginx/conf.d/a.conf" {
		t.Errorf("server file = %s", srv.File)
	}

	for _, bad := range []string{"", "hello\n", "nginx: [emerg] unexpected \"}\" in /etc/nginx/nginx.conf:3\n"} {
		if _, err := LoadDump(strings.NewReader(bad), "stdin"); err == nil {
			t.Errorf("LoadDump(%q) succeeded", bad)
		}
	}
	// A missing include section is a problem, not an error.
	c, err = LoadDump(strings.NewReader("# configuration file /x/nginx.conf:\ninclude /x/gone.conf;\n"), "stdin")
	if err != nil || len(c.Problems) != 1 {
		t.Errorf("err = %v, problems = %+v", err, c.Problems)
	}
}

// TestFixturesParse parses every committed nginx fixture that nginx parses.
func TestFixturesParse(t *testing.T) {
	files, _ := filepath.Glob("../testdata/nginx/*.conf")
	if len(files) == 0 {
		t.Fatal("no fixtures")
	}
	for _, f := range files {
		if _, err := Load(f); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
	bad, _ := filepath.Glob("../testdata/nginx/bad/*.conf")
	for _, f := range bad {
		var se *SyntaxError
		if _, err := Load(f); !errors.As(err, &se) || se.Line == 0 {
			t.Errorf("%s: err = %v, want a SyntaxError with a line", f, err)
		}
	}
}

// TestLoadFIFO: a FIFO named as the configuration or in an include is
// refused at once instead of blocking on open.
func TestLoadFIFO(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.conf")
	if err := mkfifo(fifo); err != nil {
		t.Skipf("no mkfifo here: %v", err)
	}
	write(t, dir, map[string]string{"nginx.conf": "include fifo.conf;\n"})
	if _, err := Load(fifo); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("Load(fifo) = %v", err)
	}
	c, err := Load(filepath.Join(dir, "nginx.conf"))
	if err != nil || len(c.Problems) != 1 || !strings.Contains(c.Problems[0].Msg, "not a regular file") {
		t.Errorf("include of a FIFO: err %v, problems %+v", err, c.Problems)
	}
}

// An include that pulls in a password file: the syntax error says where,
// never what the file holds.
func TestSyntaxErrorQuotesNoToken(t *testing.T) {
	for _, src := range []string{"s3cret-pass-word", "s3cret-pass-word\n}", "http {\ns3cret-pass-word\n}"} {
		_, err := ParseBytes("conf.d/passwords", []byte(src))
		if err == nil || strings.Contains(err.Error(), "s3cret") {
			t.Errorf("%q: %v", src, err)
		}
	}
}
