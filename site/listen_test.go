package site

import "testing"

// TestListenTarget: which listen addresses are probed, and where.
func TestListenTarget(t *testing.T) {
	for _, c := range []struct {
		listen, addr string
		local        bool
	}{
		{"443", "127.0.0.1:443", true},
		{"*:8443", "127.0.0.1:8443", true},
		{"0.0.0.0:443", "127.0.0.1:443", true},
		{"[::]:443", "[::1]:443", true},
		{"[::1]:8443", "[::1]:8443", true},
		{"127.0.0.2:443", "127.0.0.2:443", true},
		{"localhost:443", "127.0.0.1:443", true},
		{"127.0.0.1", "127.0.0.1:80", true},
		{"192.0.2.10:443", "192.0.2.10:443", false}, // TEST-NET-1: never an address of this machine
		{"example.com:443", "example.com:443", false},
		{"unix:/run/nginx.sock", "unix:/run/nginx.sock", false},
		{"[::1", "[::1", false},
		{"127.0.0.1:0", "127.0.0.1:0", false},
	} {
		addr, local, why := ListenTarget(c.listen)
		if addr != c.addr || local != c.local || local != (why == "") {
			t.Errorf("listen %s: %q local=%v (%s), want %q local=%v", c.listen, addr, local, why, c.addr, c.local)
		}
	}
	for name, want := range map[string]string{"api.example.com": "api.example.com", "_": "", "*.example.com": "", "~^(?<x>.+)$": "", "": "", ".example.com": ""} {
		if got := UsableName(name); got != want {
			t.Errorf("UsableName(%q) = %q, want %q", name, got, want)
		}
	}
}
