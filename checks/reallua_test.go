package checks

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/internal/nginxtest"
	"github.com/mtlsdoctor/mtlsdoctor/internal/servertest"
)

// luaModules are Debian's libnginx-mod-http-lua (and the NDK it needs).
var luaModules = []string{"/usr/lib/nginx/modules/ndk_http_module.so", "/usr/lib/nginx/modules/ngx_http_lua_module.so"}

// TestExplainRealNginxLua: a real nginx whose Lua code (a timer's
// cosocket, as lua-resty-http, APISIX's etcd client or Kong do) connects
// over TLS to a real openssl s_server that requires client certificates:
// with none, with one of another CA and with an expired one
// (tcpsock:setclientcert), over TLS 1.2 and 1.3. Each line nginx logs
// about it is nginx the client (a Lua cosocket) refused by that server,
// never nginx the server refused by its client.
func TestExplainRealNginxLua(t *testing.T) {
	t.Parallel()
	for _, m := range luaModules {
		if _, err := os.Stat(m); err != nil {
			t.Fatalf("nginx's Lua module is not installed (%s): scripts/test.sh installs libnginx-mod-http-lua", m)
		}
	}
	checked := 0
	for _, sc := range tlsScenarios() {
		switch sc.name {
		case "no client certificate", "client certificate of another CA", "expired client certificate":
		default:
			continue
		}
		for _, version := range []string{"-tls1_2", "-tls1_3"} {
			at := sc.name + ", Lua cosocket, " + version
			addr := servertest.SServer(t, append(sc.sargs(), "-www", version)...)
			lines := runLuaClient(t, addr, sc, "lua_ssl_protocols TLSv1.2 TLSv1.3;")
			seen := 0
			for _, l := range lines {
				lower := strings.ToLower(l)
				if !strings.Contains(l, "context: ngx.timer") || !strings.Contains(lower, "ssl") && !strings.Contains(lower, "handshake") {
					continue
				}
				f, ok := firstFinding(t, at, l)
				if !ok {
					continue
				}
				seen++
				t.Logf("%s: %q -> %s %q", at, l, f.ID.Name(), f.Title)
				all := f.Title + "\n" + f.Explanation + "\n" + f.Fix
				if f.Reporter != "nginx" || f.Role != "client" || !strings.Contains(all, "cosocket") || !strings.Contains(all, "client certificate") {
					t.Errorf("%s: %q told as %s/%s %s %q\n%s", at, l, f.Reporter, f.Role, f.ID.Name(), f.Title, f.Explanation)
				}
			}
			if seen == 0 {
				t.Errorf("%s: nginx logged no line about the cosocket's handshake:\n%s", at, strings.Join(lines, "\n"))
			}
			checked += seen
		}
	}
	if checked < 6 {
		t.Errorf("only %d lines checked", checked)
	}
	// Without lua_ssl_protocols, Debian 12's Lua module offers TLS 1.2 at
	// most: a TLS 1.3-only server refuses it, and the story says so.
	sc := tlsScenarios()[0]
	addr := servertest.SServer(t, append(sc.sargs(), "-www", "-tls1_3")...)
	told := false
	for _, l := range runLuaClient(t, addr, sc, "") {
		if strings.Contains(l, "context: ngx.timer") && strings.Contains(l, "protocol version") {
			if f, ok := firstFinding(t, "default lua_ssl_protocols", l); ok {
				told = true
				if f.Role != "client" || !strings.Contains(f.Fix, "lua_ssl_protocols") {
					t.Errorf("%q told as %s %s %q\n%s", l, f.Role, f.ID.Name(), f.Title, f.Fix)
				}
			}
		}
	}
	if !told {
		t.Log("this Lua module offers TLS 1.3 by default: no protocol_version line to check")
	}
}

// runLuaClient runs nginx with a timer whose cosocket connects to addr as
// the scenario's client (extra: more http-level directives) and returns
// nginx's error log once the cosocket has logged its outcome.
func runLuaClient(t *testing.T, addr string, sc tlsScenario, extra string) []string {
	t.Helper()
	host, port, _ := net.SplitHostPort(addr)
	cert := ""
	if sc.cert != "" {
		cert = fmt.Sprintf(`local ssl = require "ngx.ssl"
      local f = assert(io.open(%q)); local c = assert(ssl.parse_pem_cert(f:read("*a"))); f:close()
      f = assert(io.open(%q)); local k = assert(ssl.parse_pem_priv_key(f:read("*a"))); f:close()
      local ok, err = sock:setclientcert(c, k)
      if not ok then ngx.log(ngx.ERR, "setclientcert: ", err) end`, sc.cert, sc.key)
	}
	http := fmt.Sprintf(`lua_ssl_trusted_certificate %s;
    lua_ssl_verify_depth 2;
    %s
    init_worker_by_lua_block {
    ngx.timer.at(0, function()
      local sock = ngx.socket.tcp()
      sock:settimeout(5000)
      local ok, err = sock:connect(%q, %s)
      if not ok then ngx.log(ngx.ERR, "connect: ", err) return end
      %s
      local s, err = sock:sslhandshake(nil, %q, true)
      if not s then ngx.log(ngx.ERR, "handshake failed: ", err) ngx.log(ngx.ERR, "mtlsdoctor-done") return end
      sock:send("GET / HTTP/1.0\r\n\r\n")
      local line, err = sock:receive("*l")
      ngx.log(ngx.ERR, "read: ", line, " ", err)
      ngx.log(ngx.ERR, "mtlsdoctor-done")
    end)
    }`, sc.ca, extra, host, port, cert, sc.host)
	srv := nginxtest.Start(t, nginxtest.Config{VerifyClient: "off", VerifyDepth: -1, SecLevel: -1, Modules: luaModules, HTTP: http})
	for i := 0; i < 200; i++ {
		b, _ := os.ReadFile(srv.ErrorLog)
		if strings.Contains(string(b), "mtlsdoctor-done") {
			return strings.Split(string(b), "\n")
		}
		time.Sleep(50 * time.Millisecond)
	}
	b, _ := os.ReadFile(srv.ErrorLog)
	t.Fatalf("the Lua cosocket logged no outcome:\n%s", b)
	return nil
}

// TestExplainRealNginxLuaRequest: the same cosocket run while nginx serves
// a request (content_by_lua, as lua-resty-http in a handler does) logs its
// failed handshake with the request's context and no word of an upstream;
// such a line is nginx the client, not nginx judging its own client (nginx
// finishes its clients' handshakes before it reads a request).
func TestExplainRealNginxLuaRequest(t *testing.T) {
	t.Parallel()
	for _, m := range luaModules {
		if _, err := os.Stat(m); err != nil {
			t.Fatalf("nginx's Lua module is not installed (%s): scripts/test.sh installs libnginx-mod-http-lua", m)
		}
	}
	sc := tlsScenarios()[0] // no client certificate
	if sc.name != "no client certificate" {
		t.Fatalf("the first scenario is %q, not the one without a client certificate", sc.name)
	}
	addr := servertest.SServer(t, append(sc.sargs(), "-www", "-tls1_2")...)
	host, port, _ := net.SplitHostPort(addr)
	extra := fmt.Sprintf(`location = /probe {
      content_by_lua_block {
        local sock = ngx.socket.tcp()
        sock:settimeout(5000)
        local ok, err = sock:connect(%q, %s)
        if not ok then ngx.log(ngx.ERR, "connect: ", err) return ngx.exit(502) end
        local s, err = sock:sslhandshake(nil, %q, true)
        if not s then ngx.log(ngx.ERR, "handshake failed: ", err) return ngx.exit(502) end
        ngx.say("ok")
      }
    }`, host, port, sc.host)
	srv := nginxtest.Start(t, nginxtest.Config{VerifyClient: "off", VerifyDepth: -1, SecLevel: -1, Modules: luaModules,
		HTTP: fmt.Sprintf("lua_ssl_trusted_certificate %s;\n    lua_ssl_verify_depth 2;", sc.ca), Extra: extra})
	out, err := exec.Command("curl", "-sS", "-k", "--max-time", "10", "https://"+srv.Addr+"/probe").CombinedOutput()
	t.Logf("curl: %s (%v)", out, err)
	seen := 0
	for _, l := range fileLines(srv.ErrorLog)() {
		if !strings.Contains(l, `request: "GET /probe`) || !strings.Contains(l, "SSL_do_handshake() failed") {
			continue
		}
		seen++
		if strings.Contains(strings.ToLower(l), "upstream") {
			t.Errorf("the cosocket's line names an upstream: %q", l)
		}
		f, ok := firstFinding(t, "request-time cosocket", l)
		if !ok {
			t.Errorf("no finding for %q", l)
			continue
		}
		t.Logf("%q -> %s/%s %s %q", l, f.Reporter, f.Role, f.ID.Name(), f.Title)
		if f.Reporter != "nginx" || f.Role != "client" {
			t.Errorf("%q told as %s/%s %q, want nginx the client", l, f.Reporter, f.Role, f.Title)
		}
	}
	if seen == 0 {
		t.Errorf("nginx logged no failed handshake with the request's context:\n%s", strings.Join(fileLines(srv.ErrorLog)(), "\n"))
	}
}
