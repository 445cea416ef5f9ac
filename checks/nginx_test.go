package checks

import (
	"bytes"
	"context"
	"encoding/pem"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/catalogue"
	"github.com/mtlsdoctor/mtlsdoctor/finding"
	"github.com/mtlsdoctor/mtlsdoctor/internal/nginxtest"
	"github.com/mtlsdoctor/mtlsdoctor/nginxconf"
	"github.com/mtlsdoctor/mtlsdoctor/report"
)

const nginxFixtures = "../testdata/nginx"

// nginxCases are the fixtures with what a real nginx -t says about them
// ("" = accepted) and the findings mtlsdoctor must report ("id@line").
var nginxCases = []struct {
	file  string
	nginx string
	ids   []string
}{
	{"good.conf", "", nil},
	{"encrypted.conf", "", nil},
	{"no-ca.conf", "no ssl_client_certificate for ssl_verify_client", []string{"verify-client-without-ca@12"}},
	{"optional.conf", "", []string{"legacy-protocols@14", "optional-not-checked@13", "verify-errors-hidden@4", "verify-result-not-forwarded@17"}},
	{"depth.conf", "", []string{"verify-depth-too-small@13"}},
	{"missing-file.conf", `SSL_CTX_load_verify_locations(`, []string{"missing-file@12"}},
	{"password-missing.conf", `passwords-gone.txt" failed (2: No such file or directory)`, []string{"key-locked@11", "password-file-missing@12"}},
	{"missing-include.conf", `gone.conf" failed (2: No such file or directory)`, []string{"missing-file@7"}},
	{"inherit.conf", "", []string{"hostname-mismatch@9"}},
	{"optional-no-ca.conf", "", nil},
	{"not-a-file.conf", "no certificate or crl found", []string{"missing-file@13"}},
	{"plain-with-cert.conf", "no ssl_client_certificate for ssl_verify_client", []string{"verify-client-without-ca@13"}},
	{"plain-missing-file.conf", `cannot load certificate "`, []string{"missing-file@7"}},
	{"trusted-only.conf", "no ssl_client_certificate for ssl_verify_client", []string{"verify-client-without-ca@13"}},
}

func nginxBinary(t *testing.T) string {
	t.Helper()
	nginxtest.Require(t)
	if p, err := exec.LookPath("nginx"); err == nil {
		return p
	}
	for _, p := range []string{"/usr/sbin/nginx", "/sbin/nginx", "/usr/local/sbin/nginx"} {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	t.Fatal("nginx not found")
	return ""
}

// runNginx runs `nginx FLAG -p TMP -c CONF` (FLAG -t or -T) and returns
// stdout, stderr and whether it succeeded.
func runNginx(t *testing.T, flag, conf string) (stdout, stderr string, ok bool) {
	t.Helper()
	prefix := t.TempDir()
	must(t, os.MkdirAll(filepath.Join(prefix, "logs"), 0o755))
	abs, err := filepath.Abs(conf)
	must(t, err)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, nginxBinary(t), flag, "-q", "-e", "stderr", "-p", prefix+"/", "-c", abs)
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err = cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatalf("running nginx: %v", err)
	}
	return o.String(), e.String(), err == nil
}

// checkoutDependent findings depend on the file modes of the checkout
// (git records 0644 for the fixture keys; gen.sh makes them 0600).
var checkoutDependent = map[string]bool{"key-permissions": true}

func nginxIDs(rep *report.Report) []string {
	var out []string
	for _, f := range rep.Findings {
		if checkoutDependent[f.ID.Name()] {
			continue
		}
		out = append(out, f.ID.Name()+"@"+strconv.Itoa(f.Line))
	}
	sort.Strings(out)
	return out
}

func lintFixture(t *testing.T, file string) *report.Report {
	t.Helper()
	c, err := nginxconf.Load(filepath.Join(nginxFixtures, file))
	must(t, err)
	return Nginx(c, NginxOptions{SecLevel: 2, At: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)})
}

// TestNginxFixturesAgainstRealNginx checks each fixture with nginx -t, so
// every "nginx refuses to start" the findings claim is nginx's own verdict,
// and compares the findings with the expected ones.
func TestNginxFixturesAgainstRealNginx(t *testing.T) {
	for _, tc := range nginxCases {
		t.Run(tc.file, func(t *testing.T) {
			path := filepath.Join(nginxFixtures, tc.file)
			_, stderr, ok := runNginx(t, "-t", path)
			switch {
			case tc.nginx == "" && !ok:
				t.Fatalf("nginx -t rejects %s:\n%s", tc.file, stderr)
			case tc.nginx != "" && ok:
				t.Fatalf("nginx -t accepts %s; expected it to fail with %q", tc.file, tc.nginx)
			case tc.nginx != "" && !strings.Contains(stderr, tc.nginx):
				t.Fatalf("nginx -t on %s says:\n%s\nexpected %q", tc.file, stderr, tc.nginx)
			}
			if !ok {
				t.Logf("nginx -t: %s", strings.TrimSpace(stderr))
			}
			rep := lintFixture(t, tc.file)
			got := nginxIDs(rep)
			want := append([]string{}, tc.ids...)
			sort.Strings(want)
			if strings.Join(got, " ") != strings.Join(want, " ") {
				for _, f := range rep.Findings {
					t.Logf("%s %s %s:%d %s", f.Severity, f.ID, f.File, f.Line, f.Title)
				}
				t.Fatalf("findings %v, want %v", got, want)
			}
			// nginx refusing to start must be an error finding, and an error
			// about starting only when nginx really refuses.
			errs := 0
			for _, f := range rep.Findings {
				if f.Severity == report.Error && f.Section == finding.Nginx {
					errs++
				}
				if f.Section == "" || f.Server == "" && f.ID.Name() != "missing-file" || f.File == "" || f.Line == 0 {
					t.Errorf("finding %s lacks section/server/file/line: %+v", f.ID, f)
				}
				if left := catalogue.Placeholders(f.Title + f.Explanation + f.Fix); len(left) > 0 {
					t.Errorf("%s: placeholders left unfilled: %v", f.ID, left)
				}
				if strings.Contains(f.Title, "refuses to start") && ok {
					t.Errorf("%s claims nginx refuses to start, but nginx -t accepts the file", f.ID)
				}
			}
			if !ok && errs == 0 {
				t.Errorf("nginx -t fails but there is no nginx error finding")
			}
		})
	}
}

// TestNginxDumpMatchesFile feeds `nginx -T` output to the dump reader and
// expects the same findings as reading the files.
func TestNginxDumpMatchesFile(t *testing.T) {
	for _, tc := range nginxCases {
		if tc.nginx != "" {
			continue // nginx -T prints nothing for a configuration it rejects
		}
		t.Run(tc.file, func(t *testing.T) {
			out, stderr, ok := runNginx(t, "-T", filepath.Join(nginxFixtures, tc.file))
			if !ok {
				t.Fatalf("nginx -T failed: %s", stderr)
			}
			c, err := nginxconf.LoadDump(strings.NewReader(out), "stdin")
			must(t, err)
			if len(c.Files) < 1 || !c.FromDump {
				t.Fatalf("dump read as %+v", c)
			}
			fromDump := Nginx(c, NginxOptions{SecLevel: 2, At: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)})
			fromFile := lintFixture(t, tc.file)
			if a, b := nginxIDs(fromDump), nginxIDs(fromFile); strings.Join(a, " ") != strings.Join(b, " ") {
				t.Errorf("nginx -T gives %v, the file gives %v", a, b)
			}
			if len(fromDump.Servers) != len(fromFile.Servers) {
				t.Errorf("servers: %d from nginx -T, %d from the file", len(fromDump.Servers), len(fromFile.Servers))
			}
			for i := range fromDump.Servers {
				a, b := fromDump.Servers[i], fromFile.Servers[i]
				a.File, b.File = filepath.Base(a.File), filepath.Base(b.File)
				if a != b {
					t.Errorf("server %d: %+v from nginx -T, %+v from the file", i, a, b)
				}
			}
		})
	}
}

var nginxLineRe = regexp.MustCompile(` in (\S+):(\d+)`)

// TestNginxSyntaxErrorsAgainstRealNginx: what nginx refuses to parse, we
// refuse too, naming the line nginx names (or the line the broken
// construct starts at, with nginx's line in the message).
func TestNginxSyntaxErrorsAgainstRealNginx(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(nginxFixtures, "bad", "*.conf"))
	if len(files) == 0 {
		t.Fatal("no bad fixtures")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			_, stderr, ok := runNginx(t, "-t", f)
			if ok {
				t.Fatalf("nginx -t accepts %s", f)
			}
			_, err := nginxconf.Load(f)
			var se *nginxconf.SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("err = %v, want a SyntaxError", err)
			}
			t.Logf("nginx: %s\nmtlsdoctor: %v", strings.TrimSpace(stderr), err)
			m := nginxLineRe.FindStringSubmatch(stderr)
			if m == nil || strings.Contains(se.Msg, "binary") {
				return
			}
			if n, _ := strconv.Atoi(m[2]); se.Line != n && !strings.Contains(se.Msg, "at line "+m[2]) {
				t.Errorf("nginx names line %d, we say %v", n, err)
			}
		})
	}
}

// TestNginxDepthFindingAgainstRealNginx starts nginx with depth.conf's CA
// file and presents a client issued by the second intermediate: rejected
// with the code the finding names at the default depth, accepted with the
// depth the fix gives.
func TestNginxDepthFindingAgainstRealNginx(t *testing.T) {
	rep := lintFixture(t, "depth.conf")
	var f *report.Finding
	for i := range rep.Findings {
		if rep.Findings[i].ID.Name() == "verify-depth-too-small" {
			f = &rep.Findings[i]
		}
	}
	if f == nil {
		t.Fatal("no verify-depth-too-small finding")
	}
	m := regexp.MustCompile(`ssl_verify_depth (\d+);`).FindStringSubmatch(f.Fix)
	if m == nil {
		t.Fatalf("fix has no ssl_verify_depth: %s", f.Fix)
	}
	fixed, _ := strconv.Atoi(m[1])
	ca, err := filepath.Abs(filepath.Join(nginxFixtures, "chain-ca-int1-int2.pem"))
	must(t, err)
	cert, _ := filepath.Abs(filepath.Join(fixtures, "chain", "client-depth2.crt"))
	key, _ := filepath.Abs(filepath.Join(fixtures, "chain", "client-depth2.key"))

	cfg := nginxtest.Config{ClientCA: ca, VerifyClient: "on", VerifyDepth: -1, SecLevel: -1}
	v := nginxtest.Start(t, cfg).Present(t, cert, key)
	if want := "FAILED:" + f.OpenSSLError; v.Result != want {
		t.Errorf("default depth: nginx says %s, the finding says %s", v.Result, want)
	}
	cfg.VerifyDepth = fixed
	if v := nginxtest.Start(t, cfg).Present(t, cert, key); v.Result != "SUCCESS" {
		t.Errorf("ssl_verify_depth %d: nginx says %s, want SUCCESS", fixed, v.Result)
	}
}

// TestNginxServers checks the effective settings after inheritance.
func TestNginxServers(t *testing.T) {
	rep := lintFixture(t, "inherit.conf")
	var got []string
	for _, s := range rep.Servers {
		got = append(got, s.Server+"|"+filepath.Base(s.File)+":"+strconv.Itoa(s.Line)+"|"+s.VerifyClient+"|"+strconv.Itoa(s.VerifyDepth)+"|"+s.ClientCertificate+"|"+s.ErrorLogLevel)
	}
	want := []string{
		"localhost 127.0.0.1:8444 ssl|optional.conf:2|optional|1|../certs/good/ca.crt|info",
		"localhost 127.0.0.1:8443 ssl|inherit.conf:22|on|1|../certs/good/ca.crt|info",
		"api.localhost 127.0.0.1:8443|inherit.conf:27|on|1|../certs/good/ca.crt|info",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("servers:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestNginxChecks covers the directive logic on small inline configurations.
func TestNginxChecks(t *testing.T) {
	base := "events {}\nhttp {\n  ssl_certificate ../certs/good/server.crt;\n  ssl_certificate_key ../certs/good/server.key;\n  ssl_client_certificate ../certs/good/ca.crt;\n  error_log logs/e.log info;\n"
	tests := []struct {
		name, body string
		want       []string // ids (without lines)
	}{
		{"optional_no_ca needs no CA but must be checked", "server { listen 443 ssl; ssl_verify_client optional_no_ca; }", []string{"optional-not-checked"}},
		{"optional checked by if", "server { listen 443 ssl; ssl_verify_client optional; if ($ssl_client_verify != SUCCESS) { return 403; } }", nil},
		{"optional checked by ${} in return", "server { listen 443 ssl; ssl_verify_client optional; location / { return 200 \"${ssl_client_verify}\"; } }", nil},
		{"a longer variable name does not count", "server { listen 443 ssl; ssl_verify_client optional; return 200 $ssl_client_verify_x; }", []string{"optional-not-checked"}},
		{"off is not judged", "server { listen 443 ssl; ssl_verify_client off; ssl_protocols TLSv1; }", []string{"legacy-protocols"}},
		{"optional checked in Lua (OpenResty)", "server { listen 443 ssl; ssl_verify_client optional; access_by_lua_block { if ngx.var.ssl_client_verify ~= \"SUCCESS\" then return ngx.exit(403) end -- } \n } }", nil},
		// (The body closes http and opens stream, which the harness closes.)
		{"a stream server is named as not judged, its block's mode inherited", "}\nstream { ssl_verify_client on; server { listen 9443 ssl; } server { listen 9444 ssl; ssl_verify_client off; }", []string{"stream-not-judged"}},
		{"a header sent back to the client checks nothing", "server { listen 443 ssl; ssl_verify_client optional; add_header X-Verify $ssl_client_verify always; }", []string{"optional-not-checked"}},
		{"plain http with a certificate: the CA is still required", "server { listen 80; ssl_verify_client on; ssl_client_certificate ../certs/good/ca.crt; ssl_protocols TLSv1; }", nil},
		{"ssl on", "server { listen 443; ssl on; ssl_verify_client on; ssl_client_certificate ../certs/gone.crt; }", []string{"missing-file", "ssl-directive-removed"}},
		{"location proxy_set_header replaces inherited", "server { listen 443 ssl; ssl_verify_client on; proxy_set_header X-V $ssl_client_verify; location / { proxy_set_header Host $host; proxy_pass http://u; } }", []string{"verify-result-not-forwarded"}},
		{"inherited header forwards", "proxy_set_header X-V $ssl_client_verify;\nserver { listen 443 ssl; ssl_verify_client on; location / { proxy_pass http://u; } }", nil},
		{"fastcgi without param", "server { listen 443 ssl; ssl_verify_client on; location / { fastcgi_pass unix:/run/php.sock; } }", []string{"verify-result-not-forwarded"}},
		{"fastcgi with cert", "server { listen 443 ssl; ssl_verify_client on; location / { fastcgi_param SSL_CLIENT_CERT $ssl_client_escaped_cert; fastcgi_pass unix:/run/php.sock; } }", nil},
		{"server error_log overrides", "server { listen 443 ssl; ssl_verify_client on; error_log logs/s.log warn; }", []string{"verify-errors-hidden"}},
		{"no TLSv1.3 is a note", "server { listen 443 ssl; ssl_verify_client on; ssl_protocols TLSv1.2; }", []string{"legacy-protocols"}},
		{"depth from seclevel file unaffected", "server { listen 443 ssl; ssl_verify_client on; ssl_ciphers DEFAULT:@SECLEVEL=1; }", nil},
		{"verify depth enough", "server { listen 443 ssl; ssl_verify_client on; ssl_client_certificate chain-ca-int1-int2.pem; ssl_verify_depth 2; }", nil},
		{"invalid value", "server { listen 443 ssl; ssl_verify_client required; }", []string{"verify-client-without-ca"}},
		{"a directory is not a certificate", "server { listen 443 ssl; ssl_verify_client on; ssl_trusted_certificate ../certs; ssl_crl /dev/null; }", []string{"missing-file", "missing-file"}},
		{"0.0.0.0:443 is the socket of 443", "server { listen 443 ssl; ssl_verify_client on; }\nserver { listen 0.0.0.0:443; server_name _; ssl_verify_client optional; }", []string{"optional-not-checked"}},
		{"plain http block still loads the files", "ssl_crl ../certs/good/gone.pem;\nserver { listen 80; server_name nope; }", []string{"missing-file"}},
		{"map chain counts", "map $ssl_client_verify $a { default 0; SUCCESS 1; }\nmap $a $b { default 0; 1 1; }\nserver { listen 443 ssl; ssl_verify_client optional; if ($b = 0) { return 403; } }", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir, err := filepath.Abs(nginxFixtures)
			must(t, err)
			conf := filepath.Join(t.TempDir(), "nginx.conf")
			must(t, os.WriteFile(conf, []byte(base+tt.body+"\n}\n"), 0o644))
			c, err := nginxconf.Load(conf)
			must(t, err)
			c.ConfDir = dir // resolve ../certs like the fixtures do
			rep := Nginx(c, NginxOptions{SecLevel: 2, At: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)})
			var got []string
			for _, f := range rep.Findings {
				if !checkoutDependent[f.ID.Name()] {
					got = append(got, f.ID.Name())
				}
				if left := catalogue.Placeholders(f.Title + f.Explanation + f.Fix); len(left) > 0 {
					t.Errorf("%s: placeholders left unfilled: %v", f.ID, left)
				}
			}
			sort.Strings(got)
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				for _, f := range rep.Findings {
					t.Logf("%s %s: %s", f.Severity, f.ID, f.Title)
				}
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

// FuzzNginx: any configuration that parses is linted without a panic, and
// every finding has a section. Seeded from the fixtures.
func FuzzNginx(f *testing.F) {
	for _, pat := range []string{nginxFixtures + "/*.conf", nginxFixtures + "/conf.d/*.conf"} {
		files, _ := filepath.Glob(pat)
		for _, p := range files {
			if b, err := os.ReadFile(p); err == nil {
				f.Add(b)
			}
		}
	}
	dir, err := filepath.Abs(nginxFixtures)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		dirs, err := nginxconf.ParseBytes("f.conf", src)
		if err != nil {
			return
		}
		c := &nginxconf.Config{File: "f.conf", ConfDir: dir, Directives: dirs, Files: []string{"f.conf"}}
		rep := Nginx(c, NginxOptions{SecLevel: 2})
		for _, fd := range rep.Findings {
			if fd.Section == "" || fd.ID.Name() == "" {
				t.Fatalf("finding without section or id: %+v", fd)
			}
		}
	})
}

// TestNginxOptionalServesWithoutCertificate checks what optional-not-checked
// claims against a live nginx: with optional and nothing testing
// $ssl_client_verify, a client without a certificate is served (200) and
// the variable says NONE.
func TestNginxOptionalServesWithoutCertificate(t *testing.T) {
	ca, err := filepath.Abs(filepath.Join(fixtures, "good", "ca.crt"))
	must(t, err)
	srv := nginxtest.Start(t, nginxtest.Config{ClientCA: ca, VerifyClient: "optional", VerifyDepth: -1, SecLevel: -1})
	v := srv.Present(t, "", "")
	if v.Status != 200 || v.ClientVerify != "NONE" {
		t.Errorf("optional without a certificate: status %d, $ssl_client_verify %q; the finding says 200 and NONE", v.Status, v.ClientVerify)
	}
	on := nginxtest.Start(t, nginxtest.Config{ClientCA: ca, VerifyClient: "on", VerifyDepth: -1, SecLevel: -1})
	if v := on.Present(t, "", ""); v.Status != 400 {
		t.Errorf("on without a certificate: status %d, want 400 (496)", v.Status)
	}
}

// TestNginxTexts checks the wording of the variants of a finding: each
// names what its case is about, with every placeholder filled in.
func TestNginxTexts(t *testing.T) {
	certs := "ssl_certificate ../certs/good/server.crt; ssl_certificate_key ../certs/good/server.key;\n"
	tests := []struct {
		name, http string
		id, title  string
		fix, why   string
	}{
		{"no error_log: nginx's default level", certs + "server { listen 443 ssl; ssl_verify_client on; ssl_client_certificate ../certs/good/ca.crt; }",
			"verify-errors-hidden", "error_log /var/log/nginx/error.log error hides", "  error_log /var/log/nginx/error.log info;\nthen reload:\n  nginx -t && nginx -s reload", "nginx's default error_log level is error"},
		{"CA in ssl_trusted_certificate only", certs + "error_log logs/e.log info; server { listen 443 ssl; ssl_verify_client on; ssl_trusted_certificate ../certs/good/ca.crt; }",
			"verify-client-without-ca", "ssl_verify_client on with only ssl_trusted_certificate", "  ssl_client_certificate ../certs/good/ca.crt;\nthen reload:\n  nginx -t && nginx -s reload", "refuse to start:\nnginx -t says:"},
		{"plain block without CA", certs + "error_log logs/e.log info; server { listen 80; ssl_verify_client optional; }",
			"verify-client-without-ca", "ssl_verify_client optional without ssl_client_certificate", "Next to ssl_verify_client, add the CA of your client certificates:\n  ssl_client_certificate /etc/nginx/client-ca.pem;\n", "(even in this block, which serves plain HTTP:"},
		{"grpc upstream", certs + "error_log logs/e.log info; server { listen 443 ssl; ssl_verify_client on; ssl_client_certificate ../certs/good/ca.crt; location / { grpc_pass grpc://a; } location /b { grpc_pass grpc://b; } }",
			"verify-result-not-forwarded", "grpc_pass grpc://a (and 1 more): the upstream never sees", "grpc_set_header X-SSL-Client-Verify $ssl_client_verify;", "no grpc_set_header here carries"},
		{"invalid value", certs + "error_log logs/e.log info; server { listen 443 ssl; ssl_verify_client yes; }",
			"verify-client-without-ca", `ssl_verify_client "yes" is not a valid value`, "ssl_verify_client on;", `invalid value "yes"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir, err := filepath.Abs(nginxFixtures)
			must(t, err)
			conf := filepath.Join(t.TempDir(), "nginx.conf")
			must(t, os.WriteFile(conf, []byte("events {}\nhttp {\n"+tt.http+"\n}\n"), 0o644))
			c, err := nginxconf.Load(conf)
			must(t, err)
			c.ConfDir = dir
			rep := Nginx(c, NginxOptions{SecLevel: 2, At: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)})
			for _, f := range rep.Findings {
				if f.ID.Name() == tt.id && strings.HasPrefix(f.Title, tt.title) {
					if !strings.Contains(f.Fix, tt.fix) || !strings.Contains(f.Explanation, tt.why) {
						t.Errorf("fix %q lacks %q, or explanation %q lacks %q", f.Fix, tt.fix, f.Explanation, tt.why)
					}
					if left := catalogue.Placeholders(f.Title + f.Explanation + f.Fix); len(left) > 0 {
						t.Errorf("placeholders left unfilled: %v", left)
					}
					return
				}
			}
			for _, f := range rep.Findings {
				t.Logf("%s %s: %s", f.Severity, f.ID, f.Title)
			}
			t.Errorf("no %s finding titled %q", tt.id, tt.title)
		})
	}
}

// TestNginxNoPEMInCAFile: a CA or CRL file in which OpenSSL finds no PEM
// certificate or CRL (empty, DER, only a key) stops nginx -t, and is a
// missing-file finding at its directive; ssl_client_certificate counts
// only where client certificates are asked for, as nginx loads it only
// there.
func TestNginxNoPEMInCAFile(t *testing.T) {
	dir := t.TempDir()
	good, err := filepath.Abs(filepath.Join(fixtures, "good"))
	must(t, err)
	ca, err := os.ReadFile(filepath.Join(good, "ca.crt"))
	must(t, err)
	key, err := os.ReadFile(filepath.Join(good, "client.key"))
	must(t, err)
	block, _ := pem.Decode(ca)
	files := map[string][]byte{"empty.pem": nil, "ca.der": block.Bytes, "key.pem": key}
	for name, b := range files {
		must(t, os.WriteFile(filepath.Join(dir, name), b, 0o600))
	}
	server := "ssl_certificate " + good + "/server.crt; ssl_certificate_key " + good + "/server.key;"
	for _, tc := range []struct {
		name, block string
		refused     bool
	}{
		{"client CA empty", "listen 443 ssl; ssl_verify_client on; ssl_client_certificate " + dir + "/empty.pem;", true},
		{"client CA in DER", "listen 443 ssl; ssl_verify_client optional; ssl_client_certificate " + dir + "/ca.der;", true},
		{"trusted CA only a key", "listen 443 ssl; ssl_trusted_certificate " + dir + "/key.pem;", true},
		{"CRL empty, plain HTTP block", "listen 80; ssl_crl " + dir + "/empty.pem;", true},
		{"client CA not loaded with verify off", "listen 443 ssl; ssl_verify_client off; ssl_client_certificate " + dir + "/key.pem;", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			conf := filepath.Join(t.TempDir(), "nginx.conf")
			must(t, os.WriteFile(conf, []byte("events {}\nhttp {\n  error_log logs/e.log info;\n  server {\n    "+server+"\n    "+tc.block+"\n  }\n}\n"), 0o644))
			_, stderr, ok := runNginx(t, "-t", conf)
			if ok == tc.refused || tc.refused && !strings.Contains(stderr, "no certificate or crl found") {
				t.Fatalf("nginx -t ok=%v, want refused=%v:\n%s", ok, tc.refused, stderr)
			}
			c, err := nginxconf.Load(conf)
			must(t, err)
			rep := Nginx(c, NginxOptions{SecLevel: 2, At: time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)})
			var got []report.Finding
			for _, f := range rep.Findings {
				if f.ID.Name() == "missing-file" {
					got = append(got, f)
				}
			}
			if !tc.refused {
				if len(got) > 0 {
					t.Errorf("nginx starts, but: %s", got[0].Title)
				}
				return
			}
			if len(got) != 1 || got[0].Severity != report.Error || got[0].Line != 6 || !strings.Contains(got[0].Title, " holds no PEM certificate or CRL: nginx refuses to start") {
				t.Fatalf("findings %+v", got)
			}
			if left := catalogue.Placeholders(got[0].Title + got[0].Explanation + got[0].Fix); len(left) > 0 {
				t.Errorf("placeholders left unfilled: %v", left)
			}
		})
	}
}

// TestNginxBadPassphraseNamesTheFile: when the lines of the block's
// ssl_password_file decrypt no key, the fix checks that very file, not a
// placeholder.
func TestNginxBadPassphraseNamesTheFile(t *testing.T) {
	dir := t.TempDir()
	conf := filepath.Join(dir, "nginx.conf")
	enc, err := filepath.Abs(filepath.Join(nginxFixtures, "../certs/encrypted"))
	if err != nil {
		t.Fatal(err)
	}
	text := strings.NewReplacer("../certs/encrypted/passwords.txt", enc+"/wrong.txt", "../certs/encrypted", enc).Replace(mustRead(t, filepath.Join(nginxFixtures, "encrypted.conf")))
	if err := os.WriteFile(conf, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	c, err := nginxconf.Load(conf)
	if err != nil {
		t.Fatal(err)
	}
	rep := Nginx(c, NginxOptions{})
	for _, f := range rep.Findings {
		if f.ID.Name() == "bad-passphrase" {
			if !strings.Contains(f.Fix, "-passin file:"+enc+"/wrong.txt") {
				t.Errorf("fix does not check the block's ssl_password_file:\n%s", f.Fix)
			}
			return
		}
	}
	t.Errorf("no bad-passphrase finding: %+v", rep.Findings)
}

func mustRead(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestNginxCAFileWithoutRoot: a real nginx whose ssl_client_certificate
// holds only the intermediate refuses the intermediate's own client with
// (2:unable to get issuer certificate); the lint names the CA file.
func TestNginxCAFileWithoutRoot(t *testing.T) {
	t.Parallel()
	int1, err := filepath.Abs(filepath.Join(nginxFixtures, "../certs/good/int.crt"))
	if err != nil {
		t.Fatal(err)
	}
	srv := nginxtest.Start(t, nginxtest.NewConfig(int1))
	client, _ := filepath.Abs(filepath.Join(nginxFixtures, "../certs/good/client-int.crt"))
	key, _ := filepath.Abs(filepath.Join(nginxFixtures, "../certs/good/client-int.key"))
	if v := srv.Present(t, client, key); !strings.HasPrefix(v.Result, "FAILED:2:") {
		t.Fatalf("nginx verdict %+v, want FAILED:2", v)
	}
	c, err := nginxconf.Load(srv.Conf)
	if err != nil {
		t.Fatal(err)
	}
	var got *report.Finding
	rep := Nginx(c, NginxOptions{})
	for i, f := range rep.Findings {
		if f.ID.Name() == "ca-file-without-root" {
			got = &rep.Findings[i]
		}
	}
	if got == nil || got.Severity != report.Error || !strings.Contains(got.Title, "int.crt") || !strings.Contains(got.Fix, "cat root.crt >> "+int1) ||
		got.File != srv.Conf || got.Line == 0 {
		t.Errorf("ca-file-without-root: %+v\nall: %+v", got, rep.Findings)
	}

	// With the root next to it, nothing to say.
	dir := t.TempDir()
	both := filepath.Join(dir, "ca-bundle.pem")
	root, _ := filepath.Abs(filepath.Join(nginxFixtures, "../certs/good/ca.crt"))
	if err := os.WriteFile(both, []byte(mustRead(t, int1)+mustRead(t, root)), 0o600); err != nil {
		t.Fatal(err)
	}
	conf := filepath.Join(dir, "nginx.conf")
	if err := os.WriteFile(conf, []byte(strings.ReplaceAll(mustRead(t, srv.Conf), int1, both)), 0o600); err != nil {
		t.Fatal(err)
	}
	if c, err = nginxconf.Load(conf); err != nil {
		t.Fatal(err)
	}
	for _, f := range Nginx(c, NginxOptions{}).Findings {
		if f.ID.Name() == "ca-file-without-root" {
			t.Errorf("with the root in the file: %s", f.Title)
		}
	}
}

// TestNginxFragmentAgainstRealNginx: a file with server blocks and no http
// block (conf.d, sites-enabled) is read as nginx reads it, included inside
// http: linted alone, it finds what nginx -t says about a main
// configuration that includes it there.
func TestNginxFragmentAgainstRealNginx(t *testing.T) {
	crt, key := goodServerFiles(t)
	frag := writeConf(t, "site.conf", "server {\n    listen 127.0.0.1:8443 ssl;\n    server_name localhost;\n    ssl_certificate "+crt+";\n    ssl_certificate_key "+key+";\n    ssl_verify_client on;\n}\n")
	main := writeConf(t, "nginx.conf", "events {}\nhttp {\n    include "+frag+";\n}\n")
	_, stderr, ok := runNginx(t, "-t", main)
	if ok || !strings.Contains(stderr, "no ssl_client_certificate for ssl_verify_client") {
		t.Fatalf("nginx -t with the fragment included in http: ok %v, %s", ok, stderr)
	}
	rep := lintFile(t, frag)
	if ids := nginxIDs(rep); len(rep.Servers) != 1 || !slices.Contains(ids, "verify-client-without-ca@6") {
		t.Errorf("the fragment alone: servers %+v, findings %v, want its block and verify-client-without-ca@6", rep.Servers, ids)
	}
	if !strings.Contains(rep.Header, "includes inside http") {
		t.Errorf("header %q does not say how the file was read", rep.Header)
	}
}

// TestNginxSSLDirectiveAgainstRealNginx: "ssl on" (the guides' way before
// nginx 1.15) is deprecated or unknown to the real nginx, as the finding
// says.
func TestNginxSSLDirectiveAgainstRealNginx(t *testing.T) {
	crt, key := goodServerFiles(t)
	conf := writeConf(t, "nginx.conf", "events {}\nhttp {\n    server {\n        listen 127.0.0.1:8443;\n        ssl on;\n        ssl_certificate "+crt+";\n        ssl_certificate_key "+key+";\n    }\n}\n")
	_, stderr, ok := runNginx(t, "-t", conf)
	deprecated := ok && strings.Contains(stderr, `the "ssl" directive is deprecated`)
	unknown := !ok && strings.Contains(stderr, `unknown directive "ssl"`)
	if !deprecated && !unknown {
		t.Fatalf("nginx -t: ok %v, %s", ok, stderr)
	}
	rep := lintFile(t, conf)
	if ids := nginxIDs(rep); !slices.Contains(ids, "ssl-directive-removed@5") {
		t.Errorf("findings %v, want ssl-directive-removed@5 (nginx says: %s)", ids, strings.TrimSpace(stderr))
	}
}

// goodServerFiles are the absolute paths of the good set's server
// certificate and key, for configurations written in a test.
func goodServerFiles(t *testing.T) (crt, key string) {
	t.Helper()
	crt, err := filepath.Abs(filepath.Join(fixtures, "good", "server.crt"))
	must(t, err)
	key, err = filepath.Abs(filepath.Join(fixtures, "good", "server.key"))
	must(t, err)
	return crt, key
}

// writeConf writes a configuration file into a fresh directory.
func writeConf(t *testing.T, name, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	must(t, os.WriteFile(p, []byte(text), 0o644))
	return p
}

// lintFile lints a configuration file as `mtlsdoctor nginx` does.
func lintFile(t *testing.T, p string) *report.Report {
	t.Helper()
	c, err := nginxconf.Load(p)
	must(t, err)
	return Nginx(c, NginxOptions{SecLevel: 2, At: time.Now()})
}

// TestNginxOptionalEnforcedForwarding: with ssl_verify_client optional,
// an upstream that is not told the verify result is a warning, unless the
// block refuses unverified clients itself (the guides' if
// ($ssl_client_verify != SUCCESS) { return 403; }): then, as with on, a note.
func TestNginxOptionalEnforcedForwarding(t *testing.T) {
	for conf, want := range map[string]report.Severity{
		"server { listen 443 ssl; ssl_verify_client optional; location / { proxy_pass http://u; } }":                                                    report.Warning,
		"server { listen 443 ssl; ssl_verify_client optional; location / { if ($ssl_client_verify != SUCCESS) { return 403; } proxy_pass http://u; } }": report.Info,
	} {
		rep := lintFile(t, writeConf(t, "site.conf", conf))
		var got []string
		for _, f := range rep.Findings {
			if f.ID.Name() == "verify-result-not-forwarded" {
				got = append(got, string(f.Severity))
			}
		}
		if len(got) != 1 || got[0] != string(want) {
			t.Errorf("%s: verify-result-not-forwarded %v, want one %s", conf, got, want)
		}
	}
}
