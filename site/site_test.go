package site

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/mtlsdoctor/mtlsdoctor/nginxconf"
)

func parse(t *testing.T, src string) *Site {
	t.Helper()
	dirs, err := nginxconf.ParseBytes("/etc/nginx/nginx.conf", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return New(&nginxconf.Config{File: "/etc/nginx/nginx.conf", ConfDir: "/etc/nginx", Directives: dirs, Files: []string{"/etc/nginx/nginx.conf"}})
}

const model = `error_log /var/log/main.log warn;
events {}
http {
    ssl_certificate certs/server.crt;
    ssl_client_certificate /etc/ssl/ca.pem;
    ssl_verify_client on;
    access_log logs/access.log;
    map $ssl_client_verify $ok { default 0; SUCCESS 1; }
    map $ok $ok2 { default 0; 1 1; }
    proxy_set_header X-Ok $ok2;
    server {
        listen 443 ssl;
        server_name api.example.com www.example.com;
        ssl_verify_depth 3;
        ssl_ciphers DEFAULT:@SECLEVEL=1;
        error_log logs/api.log info;
        error_log logs/api-errors.log error;
        location / { proxy_pass http://app; }
        location /raw { proxy_set_header Host $host; proxy_pass http://raw; }
    }
    server {
        listen 0.0.0.0:443;
        server_name _;
        ssl_verify_client off;
        access_log syslog:server=unix:/dev/log;
    }
    server {
        listen 80;
        ssl_certificate_key $name.key;
    }
}
`

// TestServers: a block's settings after inheritance from the http and
// main levels, and a socket made TLS by another block.
func TestServers(t *testing.T) {
	x := parse(t, model)
	if len(x.Servers) != 3 {
		t.Fatalf("%d servers", len(x.Servers))
	}
	api, other, plain := x.Servers[0], x.Servers[1], x.Servers[2]
	if api.Label() != "api.example.com 443 ssl" || !api.MTLS() || api.VerifyDepth != 3 || api.SecLevel(2) != 1 {
		t.Errorf("api: %q mtls=%v depth=%d seclevel=%d", api.Label(), api.MTLS(), api.VerifyDepth, api.SecLevel(2))
	}
	if !other.TLS || other.MTLS() || plain.TLS || plain.SecLevel(2) != 2 {
		t.Errorf("0.0.0.0:443 shares the TLS socket of 443 (tls=%v mtls=%v); 80 is plain (tls=%v)", other.TLS, other.MTLS(), plain.TLS)
	}
	if len(x.MTLS()) != 1 || x.MTLS()[0] != api {
		t.Errorf("MTLS() = %v", x.MTLS())
	}
	if file, level, where := api.ErrorLog(); file != "logs/api.log" || level != "info" || where == nil {
		t.Errorf("api error log %s %s", file, level)
	}
	if file, level, where := other.ErrorLog(); file != "/var/log/main.log" || level != "warn" || where == nil {
		t.Errorf("inherited main-level error log %s %s", file, level)
	}
	var files []string
	for _, f := range plain.Files(FileDirectives...) {
		files = append(files, f.Directive.Name+"="+f.Path)
	}
	if strings.Join(files, " ") != "ssl_certificate="+filepath.Join("/etc/nginx", "certs/server.crt")+" ssl_client_certificate=/etc/ssl/ca.pem" {
		t.Errorf("files %v (the key named by a variable is not a file)", files)
	}
}

// TestCarriersAndPasses: variables derived from $ssl_client_verify
// through maps carry it; a location that sets its own proxy_set_header
// loses the inherited ones.
func TestCarriersAndPasses(t *testing.T) {
	x := parse(t, model)
	if got := strings.Join(x.Carriers("ssl_client_verify"), " "); got != "ssl_client_verify ok ok2" {
		t.Errorf("carriers %q", got)
	}
	passes := x.Servers[0].Passes()
	if len(passes) != 2 {
		t.Fatalf("%d passes", len(passes))
	}
	id := x.IdentityCarriers()
	if p := passes[0]; p.Header != "proxy_set_header" || len(p.Headers) != 1 || !ArgsUse(p.Headers[0], id) {
		t.Errorf("/ inherits X-Ok: %+v", p)
	}
	if p := passes[1]; len(p.Headers) != 1 || ArgsUse(p.Headers[0], id) {
		t.Errorf("/raw sets only Host: %+v", p)
	}
	for s, want := range map[string]bool{"$ok2": true, "${ok2}": true, "$ok2x": false, "ok2": false} {
		if UsesVar(s, "ok2") != want {
			t.Errorf("UsesVar(%q, ok2) != %v", s, want)
		}
	}
}

// TestLogTargets: the logs of the given blocks, then the main and http
// levels, each once; where each goes.
func TestLogTargets(t *testing.T) {
	x := parse(t, model)
	var got []string
	for _, l := range x.LogTargets(x.Servers[:2]) {
		got = append(got, l.Kind+" "+l.Path)
	}
	want := []string{"error_log logs/api.log", "error_log logs/api-errors.log", "access_log logs/access.log",
		"error_log /var/log/main.log", "access_log syslog:server=unix:/dev/log"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("targets\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for path, want := range map[string]LogPlace{"off": LogOff, "/dev/null": LogOff, "stderr": LogStream, "syslog:server=x": LogStream,
		"/var/log/$host.log": LogPerRequest, "logs/a.log": LogFile} {
		if got := (LogTarget{Path: path}).Place(); got != want {
			t.Errorf("%s: place %d, want %d", path, got, want)
		}
	}
	if p := x.LogPath(LogTarget{Path: "logs/none.log"}); p != "/etc/nginx/logs/none.log" {
		t.Errorf("relative log path %s", p)
	}
	// Without blocks and logs: nginx's default error log only.
	empty := parse(t, "events {}\nhttp {}\n")
	if got := empty.LogTargets(nil); len(got) != 1 || got[0].Path != DefaultErrorLog || got[0].Directive != nil {
		t.Errorf("defaults %+v", got)
	}
}
