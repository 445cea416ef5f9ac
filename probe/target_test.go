package probe

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParseTarget(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Target
		err  string
	}{
		{in: "example.com", want: Target{Host: "example.com", Port: 443}},
		{in: "example.com:8443", want: Target{Host: "example.com", Port: 8443}},
		{in: "127.0.0.1:1", want: Target{Host: "127.0.0.1", Port: 1}},
		{in: "[::1]:8443", want: Target{Host: "::1", Port: 8443}},
		{in: "[::1]", want: Target{Host: "::1", Port: 443}},
		{in: "::1", want: Target{Host: "::1", Port: 443}},
		{in: "fe80::1", want: Target{Host: "fe80::1", Port: 443}},
		{in: "https://example.com", want: Target{Host: "example.com", Port: 443, Path: "/"}},
		{in: "https://example.com:9443/health", want: Target{Host: "example.com", Port: 9443, Path: "/health"}},
		{in: "HTTPS://example.com/a%20b?x=1&y=2", want: Target{Host: "example.com", Port: 443, Path: "/a%20b?x=1&y=2"}},
		{in: "https://[::1]:8443/x", want: Target{Host: "::1", Port: 8443, Path: "/x"}},
		{in: "  localhost:443  ", want: Target{Host: "localhost", Port: 443}},
		{in: "", err: "empty target"},
		{in: "http://example.com", err: "probe speaks TLS"},
		{in: "ftp://example.com", err: `scheme "ftp"`},
		{in: "https://", err: "no host"},
		{in: "https://user:pw@example.com/", err: "user information"},
		{in: "example.com:", err: "empty port"},
		{in: "example.com:0", err: "port \"0\""},
		{in: "example.com:65536", err: "1 to 65535"},
		{in: "example.com:+1", err: "1 to 65535"},
		{in: "example.com:https", err: "1 to 65535"},
		{in: "example.com/path", err: "want HOST"},
		{in: "[::1", err: "missing ']'"},
		{in: "[::1]x", err: "[IPv6]:PORT"},
		{in: "[example.com]:1", err: "not an IPv6 address"},
		{in: "a:b:c", err: "not an IPv6 address"},
		{in: "bad host", err: "no spaces"},
		{in: "ex$ample.com", err: "not a host name"},
	} {
		got, err := ParseTarget(tc.in)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("ParseTarget(%q) = %+v, %v; want error containing %q", tc.in, got, err, tc.err)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("ParseTarget(%q) = %+v, %v; want %+v", tc.in, got, err, tc.want)
		}
	}
	if a := (Target{Host: "::1", Port: 8443}).Addr(); a != "[::1]:8443" {
		t.Errorf("Addr %q", a)
	}
}

func FuzzParseTarget(f *testing.F) {
	for _, s := range []string{"example.com", "example.com:8443", "[::1]:8443", "::1", "https://h:1/p?q", "http://x", "[::1", "a:b:c", "https://[::1]:/"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tg, err := ParseTarget(s)
		if err != nil {
			if !utf8.ValidString(err.Error()) && utf8.ValidString(s) {
				t.Errorf("error text not UTF-8 for %q", s)
			}
			return
		}
		if tg.Host == "" || tg.Port < 1 || tg.Port > 65535 {
			t.Fatalf("ParseTarget(%q) = %+v: no host or bad port", s, tg)
		}
		if tg.Path != "" && !strings.HasPrefix(tg.Path, "/") {
			t.Fatalf("ParseTarget(%q): path %q does not start with /", s, tg.Path)
		}
		if strings.ContainsAny(tg.Path, " \r\n") {
			t.Fatalf("ParseTarget(%q): path %q would break the request line", s, tg.Path)
		}
		// What Addr gives parses back to the same host and port.
		again, err := ParseTarget(tg.Addr())
		if err != nil || again.Host != tg.Host || again.Port != tg.Port {
			t.Fatalf("ParseTarget(%q) = %+v; its Addr %q parses to %+v, %v", s, tg, tg.Addr(), again, err)
		}
	})
}

// stockPage is nginx's 400 page as nginx 1.22.1 sends it (CRLF lines).
func stockPage(title, text string) string {
	return "<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>400 Bad Request</h1></center>\r\n<center>" +
		text + "</center>\r\n<hr><center>nginx/1.22.1</center>\r\n</body>\r\n</html>\r\n"
}

func TestClassifyBody(t *testing.T) {
	for _, tc := range []struct {
		status int
		body   string
		want   int
	}{
		{400, stockPage("400 The SSL certificate error", "The SSL certificate error"), 495},
		{400, stockPage("400 No required SSL certificate was sent", "No required SSL certificate was sent"), 496},
		{400, stockPage("400 The plain HTTP request was sent to HTTPS port", "The plain HTTP request was sent to HTTPS port"), 497},
		{400, stockPage("400 Bad Request", "Bad Request"), 0},
		{200, stockPage("400 The SSL certificate error", ""), 0}, // a page that merely quotes it
		{400, "", 0},
		{400, "custom error page", 0},
	} {
		if got := ClassifyBody(tc.status, []byte(tc.body)); got != tc.want {
			t.Errorf("ClassifyBody(%d, %.60q) = %d, want %d", tc.status, tc.body, got, tc.want)
		}
	}
	if NginxStatusText(496) != "No required SSL certificate was sent" || NginxStatusText(200) != "" {
		t.Error("NginxStatusText")
	}
}

func FuzzClassifyBody(f *testing.F) {
	f.Add(400, []byte(stockPage("400 The SSL certificate error", "x")))
	f.Add(400, []byte(stockPage("400 No required SSL certificate was sent", "x")))
	f.Add(400, []byte("<title>400 The plain HTTP request was sent to HTTPS port</title>"))
	f.Add(200, []byte("<title>"))
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		got := ClassifyBody(status, body)
		switch got {
		case 0:
		case 495, 496, 497:
			if status != 400 {
				t.Fatalf("status %d classified as %d", status, got)
			}
			if !strings.Contains(string(body), "<title>400 "+NginxStatusText(got)+"</title>") {
				t.Fatalf("classified %d without its title", got)
			}
		default:
			t.Fatalf("ClassifyBody returned %d", got)
		}
	})
}
