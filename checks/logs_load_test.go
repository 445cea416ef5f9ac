package checks

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mtlsdoctor/mtlsdoctor/catalogue"
	"github.com/mtlsdoctor/mtlsdoctor/internal/nginxtest"
	"github.com/mtlsdoctor/mtlsdoctor/logparse"
	"github.com/mtlsdoctor/mtlsdoctor/report"
)

// TestLogsLoadErrorsPerFile: the start-up errors of different files are
// different groups, even with the same cause, and one file with two causes
// is two groups, each titled with its file and with a fix that names it.
// The lines are what a real `nginx -t` writes for two missing certificates,
// two empty ones, and one key file first missing, then garbage.
func TestLogsLoadErrorsPerFile(t *testing.T) {
	dir := t.TempDir()
	cert, key := filepath.Join(dir, "server.crt"), filepath.Join(dir, "server.key")
	nginxtest.OpenSSL(t, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", filepath.Join(dir, "real.key"), "-out", cert, "-subj", "/CN=localhost", "-days", "30")
	type step struct {
		cert, key, what string // what is wrong: the title says it
		setup           func()
	}
	steps := []step{
		{filepath.Join(dir, "missing-a.crt"), key, "does not exist", nil},
		{filepath.Join(dir, "missing-b.crt"), key, "does not exist", nil},
		{filepath.Join(dir, "empty-a.crt"), key, "empty", func() { must(t, os.WriteFile(filepath.Join(dir, "empty-a.crt"), nil, 0o644)) }},
		{filepath.Join(dir, "empty-b.crt"), key, "empty", func() { must(t, os.WriteFile(filepath.Join(dir, "empty-b.crt"), nil, 0o644)) }},
		{cert, key, "does not exist", nil},
		{cert, key, "not a private key", func() { must(t, os.WriteFile(key, []byte("garbage\n"), 0o600)) }},
	}
	var lines []string
	for i, s := range steps {
		if s.setup != nil {
			s.setup()
		}
		conf := filepath.Join(dir, fmt.Sprintf("step%d.conf", i))
		must(t, os.WriteFile(conf, []byte(fmt.Sprintf("events {}\nhttp {\n  server {\n    listen 127.0.0.1:8443 ssl;\n    ssl_certificate %s;\n    ssl_certificate_key %s;\n  }\n}\n", s.cert, s.key)), 0o644))
		_, stderr, ok := runNginx(t, "-t", conf)
		if ok {
			t.Fatalf("nginx -t accepts %s", conf)
		}
		var emerg []string
		for _, l := range strings.Split(stderr, "\n") {
			if strings.Contains(l, "[emerg]") {
				emerg = append(emerg, l)
			}
		}
		if len(emerg) != 1 {
			t.Fatalf("nginx -t on step %d says:\n%s", i, stderr)
		}
		// Each failed start twice, as a restart loop logs it.
		lines = append(lines, emerg[0], emerg[0])
	}

	sc := logparse.NewScanner(strings.NewReader(strings.Join(lines, "\n")+"\n"), logparse.ErrorLog)
	sum := logparse.NewSummary()
	var events int64
	sc.Each(func(e logparse.Event) {
		if sum.Add(e) {
			events++
		}
	})
	if events != int64(len(lines)) {
		t.Fatalf("%d of %d lines read as events:\n%s", events, len(lines), strings.Join(lines, "\n"))
	}
	rep := Logs(sum, []LogInput{{Name: "error.log", Format: logparse.ErrorLog, Lines: sc.Lines, Events: events}}, LogOptions{})
	for _, f := range rep.Findings {
		t.Logf("%s: %s", f.ID.Name(), f.Title)
	}
	if len(rep.Findings) != len(steps) {
		t.Fatalf("%d findings for %d load errors, want one per file and cause", len(rep.Findings), len(steps))
	}
	for i, s := range steps {
		path := s.cert
		if s.cert == cert {
			path = s.key
		}
		n := 0
		for _, f := range rep.Findings {
			if strings.Contains(f.Title, path) && strings.Contains(strings.ToLower(f.Title), s.what) {
				n++
				if f.Count != 2 || !strings.Contains(f.Fix, path) {
					t.Errorf("step %d: %d× %s\n  fix: %s", i, f.Count, f.Title, f.Fix)
				}
			}
		}
		if n != 1 {
			t.Errorf("step %d (%s %s): %d findings name it, want 1", i, path, s.what, n)
		}
	}
}

// TestLoadErrorKeys: real pasted load errors of two files with the same
// cause are two groups; the same file twice is one; a line that names no
// file groups by its cause alone.
func TestLoadErrorKeys(t *testing.T) {
	a := `nginx: [emerg] cannot load certificate "/etc/letsencrypt/live/evernodegateway.com/fullchain.pem": BIO_new_file() failed (SSL: error:80000002:system library::No such file or directory:calling fopen(/etc/letsencrypt/live/evernodegateway.com/fullchain.pem, r) error:10000080:BIO routines::no such file)` // https://github.com/go140point6/xahl-info/issues/1
	b := `nginx: [emerg] cannot load certificate "/etc/letsencrypt/live/npm-2/fullchain.pem": BIO_new_file() failed (SSL: error:80000002:system library::No such file or directory:calling fopen(/etc/letsencrypt/live/npm-2/fullchain.pem, r) error:10000080:BIO routines::no such file)`                             // https://github.com/NginxProxyManager/nginx-proxy-manager/issues/4094
	old := `nginx: [emerg] BIO_new_file("/etc/ssl/nginx/yourwebsite.com.crt") failed (SSL: error:02001002:system library:fopen:No such file or directory:fopen('/etc/ssl/nginx/yourwebsite.com.crt','r') error:2006D080:BIO routines:BIO_new_file:no such file)`                                                       // https://github.com/LukeSmithxyz/landchad/issues/89
	dh := `Starting Nginx Server...:nginx: [emerg] PEM_read_bio_DHparams("/etc/ssl/private/nginx-wild-ssl.dhp") failed (SSL: error:0909006C:PEM routines:get_name:no start line:Expecting: DH PARAMETERS)`                                                                                                             // https://github.com/omega8cc/boa/issues/1627
	noFile := `2026/11/22 17:44:21 [emerg] 1#1: no ssl_client_certificate for ssl_verify_client`
	sc := logparse.NewScanner(strings.NewReader(strings.Join([]string{a, b, a, old, dh, noFile}, "\n")+"\n"), logparse.ErrorLog)
	sum := logparse.NewSummary()
	sc.Each(func(e logparse.Event) { sum.Add(e) })
	got := map[string]int{}
	for _, g := range sum.Groups() {
		got[g.Key] = g.Count
	}
	want := map[string]int{
		"cert-load-failed:no such file:/etc/letsencrypt/live/evernodegateway.com/fullchain.pem":     2,
		"cert-load-failed:no such file:/etc/letsencrypt/live/npm-2/fullchain.pem":                   1,
		"startup-failed:no such file:/etc/ssl/nginx/yourwebsite.com.crt":                            1,
		"startup-failed:no start line:Expecting: DH PARAMETERS:/etc/ssl/private/nginx-wild-ssl.dhp": 1,
		"startup-failed:no ssl_client_certificate for ssl_verify_client":                            1,
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("groups:\n  got  %v\n  want %v", got, want)
	}
}

// TestLoadErrorsPastGroupBound: with more files than the group bound, the
// files past it share one group, whose title says it holds other files.
func TestLoadErrorsPastGroupBound(t *testing.T) {
	var b strings.Builder
	n := logparse.MaxGroups + 10
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "nginx: [emerg] cannot load certificate \"/etc/letsencrypt/live/site%d/fullchain.pem\": BIO_new_file() failed (SSL: error:80000002:system library::No such file or directory:calling fopen(/etc/letsencrypt/live/site%d/fullchain.pem, r) error:10000080:BIO routines::no such file)\n", i, i)
	}
	sc := logparse.NewScanner(strings.NewReader(b.String()), logparse.ErrorLog)
	sum := logparse.NewSummary()
	sc.Each(func(e logparse.Event) { sum.Add(e) })
	if len(sum.Groups()) != logparse.MaxGroups+1 {
		t.Fatalf("%d groups, want the bound %d and one for the rest", len(sum.Groups()), logparse.MaxGroups)
	}
	rep := Logs(sum, []LogInput{{Name: "error.log", Format: logparse.ErrorLog, Lines: sc.Lines, Events: int64(n)}}, LogOptions{})
	others := 0
	for _, f := range rep.Findings {
		if strings.Contains(f.Title, "other files") {
			others++
			if f.Count != n-logparse.MaxGroups {
				t.Errorf("%d× in the group of other files, want the %d past the bound", f.Count, n-logparse.MaxGroups)
			}
		} else if f.Count != 1 {
			t.Errorf("%d× %s", f.Count, f.Title)
		}
	}
	if others != 1 {
		t.Errorf("%d groups say they hold other files, want 1", others)
	}
}

// TestOtherProgramsPastGroupBound: with more kinds of other programs' TLS
// lines than the group bound, the kinds past it share one group, told as
// such (a note), not as the story of its example's line.
func TestOtherProgramsPastGroupBound(t *testing.T) {
	var b strings.Builder
	n := logparse.MaxGroups + 10
	for i := 0; i < n; i++ {
		if i == logparse.MaxGroups {
			// The first line past the bound: its own story (a Java
			// client's TLS version) must not become the group's.
			fmt.Fprintf(&b, "svc%d | javax.net.ssl.SSLHandshakeException: Received fatal alert: protocol_version\n", i)
			continue
		}
		fmt.Fprintf(&b, "svc%d | x509: certificate signed by unknown authority\n", i)
	}
	sc := logparse.NewScanner(strings.NewReader(b.String()), logparse.ErrorLog)
	sum := logparse.NewSummary()
	sc.Each(func(e logparse.Event) { sum.Add(e) })
	rep := Logs(sum, []LogInput{{Name: "error.log", Format: logparse.ErrorLog, Lines: sc.Lines, Events: int64(n)}}, LogOptions{})
	past := 0
	for _, f := range rep.Findings {
		if strings.Contains(f.Title, "TLS version") {
			t.Errorf("the story of the first line past the bound told for them: %d× %s", f.Count, f.Title)
		}
		if !strings.Contains(f.Title, "more kinds") {
			continue
		}
		past++
		if f.Count != n-logparse.MaxGroups || !f.Is(catalogue.TLSUnexplained) || f.Severity != report.Info {
			t.Errorf("past the bound: %d× %s [%s] %s, want %d× the group of kinds past the bound (a note)", f.Count, f.ID, f.Severity, f.Title, n-logparse.MaxGroups)
		}
	}
	if past != 1 {
		t.Errorf("%d groups of kinds past the bound, want 1", past)
	}
}
