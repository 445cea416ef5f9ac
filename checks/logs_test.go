package checks

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/catalogue"
	"github.com/mtlsdoctor/mtlsdoctor/internal/nginxtest"
	"github.com/mtlsdoctor/mtlsdoctor/logparse"
	"github.com/mtlsdoctor/mtlsdoctor/report"
)

const logFixtures = "../testdata/logs"

// expected is testdata/logs/expected.json: the counts gen.sh SENT to a
// real nginx (never read back from the logs).
type expectedRun struct {
	ErrorLog      map[string]int            `json:"error_log"`
	AccessLog     map[string]int            `json:"access_log"`
	Clients       map[string]map[string]int `json:"clients"`
	AccessClients map[string]map[string]int `json:"access_clients"`
	Verify        map[string]int            `json:"ssl_client_verify"`
}

func loadExpected(t *testing.T) map[string]expectedRun {
	return loadExpectedFrom(t, logFixtures)
}

func loadExpectedFrom(t *testing.T, dir string) map[string]expectedRun {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	var all map[string]json.RawMessage
	if err := json.Unmarshal(b, &all); err != nil {
		t.Fatal(err)
	}
	out := map[string]expectedRun{}
	for _, run := range []string{"info", "default"} {
		var r expectedRun
		if err := json.Unmarshal(all[run], &r); err != nil {
			t.Fatal(err)
		}
		out[run] = r
	}
	return out
}

func scanLogs(t *testing.T, files ...string) (*logparse.Summary, []LogInput) {
	t.Helper()
	sum := logparse.NewSummary()
	var inputs []LogInput
	for _, f := range files {
		r, err := logparse.Open(f, nil)
		if err != nil {
			t.Fatal(err)
		}
		sc := logparse.NewScanner(r, logparse.Unknown)
		in := LogInput{Name: f, Format: sc.Format()}
		sc.Each(func(e logparse.Event) {
			if sum.Add(e) {
				in.Events++
			}
		})
		r.Close()
		in.Lines = sc.Lines
		inputs = append(inputs, in)
	}
	return sum, inputs
}

func groupCounts(sum *logparse.Summary) (map[string]int, map[string]map[string]int) {
	counts, clients := map[string]int{}, map[string]map[string]int{}
	for _, g := range sum.Groups() {
		key := withoutPath(g)
		counts[key] += g.Count
		if clients[key] == nil {
			clients[key] = map[string]int{}
		}
		for _, c := range g.TopClients(1000) {
			clients[key][c.Addr] += c.Count
		}
	}
	return counts, clients
}

// withoutPath is a group's key without the file of a load error (the
// fixtures' files are in the temporary directory gen.sh ran in), which
// the counts of expected.json do not name.
func withoutPath(g *logparse.Group) string {
	switch g.ID {
	case "bad-passphrase", "key-load-failed", "key-mismatch", "cert-load-failed", "startup-failed":
		if i := strings.Index(g.Key, ":/"); i >= 0 {
			return g.Key[:i]
		}
	}
	return g.Key
}

func sameCounts(t *testing.T, what string, got, want map[string]int) {
	t.Helper()
	for k, n := range want {
		if got[k] != n {
			t.Errorf("%s: %s = %d, gen.sh sent %d", what, k, got[k], n)
		}
	}
	for k, n := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("%s: unexpected group %s (%d)", what, k, n)
		}
	}
}

// TestLogsRealNginxCounts: the groups and counts found in the logs a real
// nginx wrote are exactly what testdata/logs/gen.sh sent it.
func TestLogsRealNginxCounts(t *testing.T) {
	checkLogCounts(t, logFixtures)
}

// TestLogGenScriptReproduces runs testdata/logs/gen.sh against a real
// nginx again and checks the fresh logs against the counts it sent.
func TestLogGenScriptReproduces(t *testing.T) {
	nginxtest.Require(t)
	out := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	if b, err := exec.CommandContext(ctx, "bash", filepath.Join(logFixtures, "gen.sh"), out).CombinedOutput(); err != nil {
		t.Fatalf("gen.sh: %v\n%s", err, b)
	}
	checkLogCounts(t, out)
}

func checkLogCounts(t *testing.T, dir string) {
	t.Helper()
	info := loadExpectedFrom(t, dir)["info"]
	logFixtures := dir

	for _, f := range []string{"error.log", "error.log.1.gz"} {
		sum, inputs := scanLogs(t, filepath.Join(logFixtures, "info", f))
		if inputs[0].Format != logparse.ErrorLog {
			t.Fatalf("%s read as %v", f, inputs[0].Format)
		}
		counts, clients := groupCounts(sum)
		sameCounts(t, f, counts, info.ErrorLog)
		for key, want := range info.Clients {
			sameCounts(t, f+" clients of "+key, clients[key], want)
		}
	}

	// Combined access log: 495/496/497 told apart by the stock page size.
	sum, _ := scanLogs(t, filepath.Join(logFixtures, "info", "access.log"))
	counts, clients := groupCounts(sum)
	want := map[string]int{}
	for k, n := range info.AccessLog {
		if strings.HasPrefix(k, "status-") {
			want[k] = n
		}
	}
	sameCounts(t, "access.log", counts, want)
	for key, w := range info.AccessClients {
		if strings.HasPrefix(key, "status-") {
			sameCounts(t, "access.log clients of "+key, clients[key], w)
		}
	}

	// With $ssl_client_verify (text and JSON formats), 495s group by reason.
	for _, f := range []string{"access_ssl.log", "access.json"} {
		sum, _ := scanLogs(t, filepath.Join(logFixtures, "info", f))
		counts, _ := groupCounts(sum)
		want := map[string]int{"status-496": info.AccessLog["status-496"], "status-497": info.AccessLog["status-497"]}
		for v, n := range info.Verify {
			if r, ok := strings.CutPrefix(v, "FAILED:"); ok {
				want["status-495:"+r] = n
			}
		}
		sameCounts(t, f, counts, want)
	}
}

// TestLogsHiddenVerifyErrors: at nginx's default error_log level the
// verify errors are not written; with the access log, mtlsdoctor says so.
func TestLogsHiddenVerifyErrors(t *testing.T) {
	exp := loadExpected(t)
	sum, inputs := scanLogs(t, filepath.Join(logFixtures, "default", "error.log"), filepath.Join(logFixtures, "default", "access.log"))
	counts, _ := groupCounts(sum)
	want := map[string]int{}
	for k, n := range exp["default"].ErrorLog {
		want[k] = n
	}
	for k, n := range exp["default"].AccessLog {
		if strings.HasPrefix(k, "status-") {
			want[k] = n
		}
	}
	sameCounts(t, "default run", counts, want)
	rep := Logs(sum, inputs, LogOptions{Top: 3})
	if f := findID(rep, "verify-errors-hidden"); f == nil || !strings.Contains(f.Fix, "error_log /var/log/nginx/error.log info;") {
		t.Errorf("no verify-errors-hidden finding with the error_log fix: %+v", f)
	}

	// The info run explains the same 400s: no hidden finding, and the
	// access-log groups are context (info), not second errors.
	sum, inputs = scanLogs(t, filepath.Join(logFixtures, "info", "error.log"), filepath.Join(logFixtures, "info", "access.log"))
	rep = Logs(sum, inputs, LogOptions{Top: 3})
	if findID(rep, "verify-errors-hidden") != nil {
		t.Error("verify-errors-hidden although the error log has the verify lines")
	}
	if f := findID(rep, "status-495"); f == nil || f.Severity != report.Info {
		t.Errorf("status-495 with the error log present: %+v", f)
	}
	f := findID(rep, "verify-error")
	if f == nil || f.Count == 0 || f.FirstSeen == "" || len(f.Clients) == 0 || f.Example == "" || f.Fix == "" || f.OpenSSLError == "" {
		t.Errorf("verify-error finding incomplete: %+v", f)
	}
	if *rep.LinesRead == 0 || *rep.LinesMatched == 0 {
		t.Error("lines_read/lines_matched not set")
	}
}

func findID(rep *report.Report, id string) *report.Finding {
	for i := range rep.Findings {
		if rep.Findings[i].ID.Name() == id {
			return &rep.Findings[i]
		}
	}
	return nil
}

// TestLogsBadFiles: the hand-made bad inputs are handled, never fatal.
func TestLogsBadFiles(t *testing.T) {
	bad := filepath.Join(logFixtures, "bad")
	for _, tc := range []struct {
		file   string
		format logparse.Format
		min    int
	}{
		{"crlf.log", logparse.ErrorLog, 1},
		{"truncated.log", logparse.ErrorLog, 1},
		{"invalid-utf8.log", logparse.ErrorLog, 1},
		{"garbage.bin", logparse.Unknown, 0},
		{"notalog.txt", logparse.Unknown, 0},
	} {
		sum, inputs := scanLogs(t, filepath.Join(bad, tc.file))
		if inputs[0].Format != tc.format || int(inputs[0].Events) < tc.min {
			t.Errorf("%s: %v with %d events", tc.file, inputs[0].Format, inputs[0].Events)
		}
		rep := Logs(sum, inputs, LogOptions{})
		var buf strings.Builder
		if err := report.WriteJSON(&buf, rep); err != nil || !json.Valid([]byte(buf.String())) {
			t.Errorf("%s: JSON output invalid: %v", tc.file, err)
		}
	}
}

// TestLogsNotALog: a file read to its end without one log line is a
// not-a-log warning, outside the counts and the header; Next stays about
// the logs that were read. While following, a log not recognised yet is
// still a log.
func TestLogsNotALog(t *testing.T) {
	sum := logparse.NewSummary()
	inputs := []LogInput{{Name: "error.log", Format: logparse.ErrorLog, Lines: 10}, {Name: "notes.txt", Format: logparse.Unknown, Lines: 3}}
	rep := Logs(sum, inputs, LogOptions{})
	if len(rep.Findings) != 1 || rep.Findings[0].ID != catalogue.NotALog || rep.Findings[0].File != "notes.txt" ||
		rep.Findings[0].Title != "no nginx log lines recognised in notes.txt" {
		t.Fatalf("findings %+v", rep.Findings)
	}
	if *rep.LinesRead != 10 || strings.Contains(rep.Header, "notes.txt") || rep.Next != catalogue.LogsAllClear {
		t.Errorf("lines %d, header %q, next %q", *rep.LinesRead, rep.Header, rep.Next)
	}
	rep = Logs(sum, inputs, LogOptions{Follow: true})
	if len(rep.Findings) != 0 || *rep.LinesRead != 13 {
		t.Errorf("following: %d findings, %d lines", len(rep.Findings), *rep.LinesRead)
	}
}

// TestLineFinding: one followed event is its kind's finding, counted once.
func TestLineFinding(t *testing.T) {
	line := `2026/11/22 17:44:18 [info] 28978#28978: *11 client SSL certificate verify error: (68:CA signature digest algorithm too weak) while reading client request headers, client: 127.0.0.1, server: localhost`
	ev, ok := logparse.ParseErrorLine([]byte(line))
	if !ok {
		t.Fatal("not parsed")
	}
	f := LineFinding(ev)
	if f.ID != catalogue.VerifyError || f.Count != 1 || f.Code != 68 || f.FirstSeen == "" || f.FirstSeen != f.LastSeen ||
		len(f.Clients) != 1 || f.Clients[0] != "127.0.0.1" || f.Example != line || !strings.Contains(f.Title, "(68:CA signature digest") {
		t.Errorf("%+v", f)
	}
}

// logFindings reads lines as an error log and returns what `logs` says.
func logFindings(t *testing.T, lines ...string) []report.Finding {
	t.Helper()
	sum := logparse.NewSummary()
	sc := logparse.NewScanner(strings.NewReader(strings.Join(lines, "\n")+"\n"), logparse.ErrorLog)
	in := LogInput{Name: "error.log", Format: logparse.ErrorLog}
	sc.Each(func(e logparse.Event) {
		if sum.Add(e) {
			in.Events++
		}
	})
	in.Lines = sc.Lines
	return Logs(sum, []LogInput{in}, LogOptions{}).Findings
}

// TestEveryLineKindExplained: the example line of every kind of error-log
// line becomes one finding with its words from the catalogue, every
// placeholder filled.
func TestEveryLineKindExplained(t *testing.T) {
	for _, line := range logparse.Examples() {
		fs := logFindings(t, line)
		if len(fs) != 1 {
			t.Errorf("%s: %d findings, want 1", line, len(fs))
			continue
		}
		f := fs[0]
		if f.Title == "" || f.Explanation == "" || f.Fix == "" {
			t.Errorf("%s: finding %s lacks words: %+v", line, f.ID, f)
		}
		for _, s := range []string{f.Title, f.Explanation, f.Fix} {
			if p := catalogue.Placeholders(s); len(p) > 0 {
				t.Errorf("%s: placeholders %v left in %q", line, p, s)
			}
		}
	}
}

// TestLogsUpstreamHandshake: nginx as the client of an https backend that
// wants a client certificate (a real nginx 1.22.1 proxying to
// `openssl s_server -Verify 1`, no proxy_ssl_certificate) gets the
// upstream story and fix, in a group apart from its clients' handshakes
// that fail with the same alert.
func TestLogsUpstreamHandshake(t *testing.T) {
	upstream := `2026/12/02 09:05:19 [error] 23365#23365: *1 SSL_do_handshake() failed (SSL: error:0A000410:SSL routines::sslv3 alert handshake failure:SSL alert number 40) while SSL handshaking to upstream, client: 127.0.0.1, server: , request: "GET / HTTP/1.1", upstream: "https://127.0.0.1:19443/", host: "127.0.0.1:18445"`
	client := `2026/12/02 09:06:00 [info] 23365#23365: *2 SSL_do_handshake() failed (SSL: error:0A000410:SSL routines::sslv3 alert handshake failure:SSL alert number 40) while SSL handshaking, client: 10.0.0.7, server: 0.0.0.0:443`
	fs := logFindings(t, upstream, client, upstream)
	if len(fs) != 2 {
		t.Fatalf("%d findings, want the upstream group and the client group: %+v", len(fs), fs)
	}
	var up, cl *report.Finding
	for i := range fs {
		if strings.Contains(fs[i].Example, "to upstream") {
			up = &fs[i]
		} else {
			cl = &fs[i]
		}
	}
	if up == nil || cl == nil {
		t.Fatalf("groups %+v", fs)
	}
	if up.Count != 2 || !strings.Contains(up.Title, "upstream") || !strings.Contains(up.Fix, "\n  proxy_ssl_certificate ") ||
		!strings.Contains(up.Explanation, "nginx is the client") {
		t.Errorf("upstream group: %d× %q\nwhy: %s\nfix: %s", up.Count, up.Title, up.Explanation, up.Fix)
	}
	if cl.Count != 1 || strings.Contains(cl.Title, "upstream") || strings.Contains(cl.Fix, "proxy_ssl_certificate") {
		t.Errorf("client group: %d× %q\nfix: %s", cl.Count, cl.Title, cl.Fix)
	}
}

// TestLogsFallbackNamesTheReason: a handshake failure no entry knows is
// explained by the catch-all, whose fix searches for the line's own
// reason, not a placeholder, and does not send the user to explain.
func TestLogsFallbackNamesTheReason(t *testing.T) {
	fs := logFindings(t, `2026/11/22 17:44:18 [info] 1#1: *29 SSL_do_handshake() failed (SSL: error:0A0FFFF1:SSL routines::no shared frobnicator) while SSL handshaking, client: 10.0.0.1, server: 0.0.0.0:443`)
	if len(fs) != 1 || !strings.Contains(fs[0].Fix, "\n  grep -F 'no shared frobnicator' ") || strings.Contains(fs[0].Fix, "mtlsdoctor explain") {
		t.Errorf("findings %+v, want the fix to search for 'no shared frobnicator', not send to explain", fs)
	}
}

// TestLogsHeaderCountsOnlyUnexplained: the header's "unexplained" count is
// of the lines left in the tls-unexplained group, not of the lines of that
// kind that a catalogue entry tells.
func TestLogsHeaderCountsOnlyUnexplained(t *testing.T) {
	for _, c := range []struct {
		line string
		n    string
	}{
		{`2024/01/01 00:00:00 [warn] 1#1: the "ssl" directive is deprecated, use the "listen ... ssl" directive instead in /etc/nginx/conf.d/a.conf:3`, ""},
		{`2024/01/01 00:00:00 [crit] 28#28: *9 SSL_peek() failed (SSL: error:0AFFFFFF:SSL routines::something brand new) while processing HTTP/2 connection, client: 127.0.0.1, server: 0.0.0.0:443`, "(1 of them unexplained"},
	} {
		sum := logparse.NewSummary()
		sc := logparse.NewScanner(strings.NewReader(c.line+"\n"), logparse.ErrorLog)
		in := LogInput{Name: "error.log", Format: logparse.ErrorLog}
		sc.Each(func(e logparse.Event) {
			if sum.Add(e) {
				in.Events++
			}
		})
		in.Lines = sc.Lines
		h := Logs(sum, []LogInput{in}, LogOptions{}).Header
		if got := strings.Contains(h, "unexplained"); got != (c.n != "") || c.n != "" && !strings.Contains(h, c.n) {
			t.Errorf("%s: header %q, want %q", c.line, h, c.n)
		}
	}
}

// TestLogsDebugAndUnknownReads: nginx's debug trace of handshakes is one
// routine group (info), and a read that fails with a reason no entry knows
// gets the answer for a failure on nginx's side, with an explanation and a
// fix, not its bare id.
func TestLogsDebugAndUnknownReads(t *testing.T) {
	fs := logFindings(t,
		`2026/12/05 10:00:00 [debug] 41#41: *7 SSL_do_handshake: -1`,
		`2026/12/05 10:00:00 [debug] 41#41: *7 SSL_get_error: 2`,
		`2026/12/05 10:00:01 [crit] 41#41: *8 SSL_read() failed (SSL: error:0A0FFFF2:SSL routines::twisted frobnicator) while waiting for request, client: 10.0.0.2, server: 0.0.0.0:443`)
	var debug, read *report.Finding
	for i := range fs {
		switch fs[i].ID.Name() {
		case "tls-debug":
			debug = &fs[i]
		case "handshake-failed":
			read = &fs[i]
		}
	}
	if debug == nil || debug.Count != 2 || debug.Severity != report.Info {
		t.Errorf("debug group %+v, want 2 lines at info", debug)
	}
	if read == nil || read.Explanation == "" || !strings.Contains(read.Fix, "openssl s_client") || strings.HasPrefix(read.Title, "handshake-failed") {
		t.Errorf("read group %+v, want an explanation and a fix", read)
	}
}

// TestLogsOtherProgramsInStream: in a stream of several services (a
// docker-compose log), the other programs' lines that speak of TLS are
// counted and told as their writers' (their side, at most a warning,
// after nginx's own findings); a stack frame is not a message.
func TestLogsOtherProgramsInStream(t *testing.T) {
	fs := logFindings(t,
		`web_1    | 2026/03/03 10:00:00 [info] 29#29: *3 client SSL certificate verify error: (68:CA signature digest algorithm too weak) while reading client request headers, client: 172.18.0.1, server: localhost`,
		`job_1    | urllib3.exceptions.SSLError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:1006)`,
		`ui_1     |     at TLSSocket._finishInit (node:_tls_wrap:946:8)`,
	)
	if len(fs) != 2 {
		t.Fatalf("%d findings, want 2 (nginx's and the Python client's): %+v", len(fs), fs)
	}
	if fs[0].Reporter != "nginx" || !fs[0].Is(catalogue.VerifyError) {
		t.Errorf("first finding %s by %s, want nginx's verify error first", fs[0].ID.Name(), fs[0].Reporter)
	}
	if f := fs[1]; f.Reporter != "python" || f.Role != "client" || f.Severity != report.Warning || !strings.Contains(f.Example, "job_1") {
		t.Errorf("second finding %s by %s/%s at %v (%q), want the Python client's, a warning", f.ID.Name(), f.Reporter, f.Role, f.Severity, f.Example)
	}
}

// TestLogsOtherProgramsUnlikeLinesApart: two other programs' TLS lines
// that open with numbers (a time, a message code) are two groups, each
// told by its own entry, not one group told by the first line.
func TestLogsOtherProgramsUnlikeLinesApart(t *testing.T) {
	fs := logFindings(t,
		`1709460000 FATAL: No valid signing certificate configured for https_port [::]:3129 (SSL bump)`,
		`0x7f3c TLS 0x7d49f008 could not find certificate corresponding to private key`,
	)
	if len(fs) != 2 {
		t.Fatalf("%d findings, want one per line: %+v", len(fs), fs)
	}
	for _, f := range fs {
		if f.Count != 1 {
			t.Errorf("%q: %d lines, want 1", f.Title, f.Count)
		}
	}
}

// TestLogsOtherProgramsSameStoryOnce: another program's lines in unlike
// words that tell the same story (Go's refusal of an unknown CA with and
// without "tls: ", from two replicas) are one finding with their count;
// a line with another story stays apart.
func TestLogsOtherProgramsSameStoryOnce(t *testing.T) {
	fs := logFindings(t,
		`web_1 | 2026/03/03 10:00:00 [info] 29#29: *3 client SSL certificate verify error: (68:CA signature digest algorithm too weak) while reading client request headers, client: 172.18.0.1, server: localhost`,
		`api_1 | time="2026-03-03T10:00:01Z" level=error msg="sync failed" err="Get \"https://vault:8200/v1/kv\": x509: certificate signed by unknown authority"`,
		`api_2 | time="2026-03-03T10:00:09Z" level=error msg="fetch" err="Get \"https://vault:8200/v1/kv\": tls: failed to verify certificate: x509: certificate signed by unknown authority"`,
		`api_1 | 2026/03/03 10:00:05 http: TLS handshake error from 172.18.0.9:40112: remote error: tls: bad certificate`,
	)
	if len(fs) != 3 {
		t.Fatalf("%d findings, want nginx's, one for both unknown-authority lines, one for the alert: %+v", len(fs), fs)
	}
	var untrusted *report.Finding
	for i := range fs {
		if fs[i].Is(catalogue.ServerCertUntrusted) {
			untrusted = &fs[i]
		}
	}
	if untrusted == nil || untrusted.Count != 2 || !strings.HasPrefix(untrusted.Title, "2× ") {
		t.Fatalf("no finding of both unknown-authority lines (2×): %+v", fs)
	}
}

// TestLogsOtherProgramsRoutine: other daemons' routine TLS lines in a
// syslog stream (a mail server's "TLS connection established") are one
// note per message, whatever the peer's name and address.
func TestLogsOtherProgramsRoutine(t *testing.T) {
	fs := logFindings(t,
		`Mar  3 10:00:00 host nginx[812]: 2026/03/03 10:00:00 [info] 812#812: *3 client SSL certificate verify error: (68:CA signature digest algorithm too weak) while reading client request headers, client: 192.0.2.7, server: localhost`,
		`Mar  3 10:00:01 host postfix/smtpd[123]: Anonymous TLS connection established from one.example.com[192.0.2.1]: TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)`,
		`Mar  3 10:00:05 host postfix/smtpd[131]: Anonymous TLS connection established from two.example.net[198.51.100.8]: TLSv1.2 with cipher ECDHE-RSA-AES256-GCM-SHA384 (256/256 bits)`,
	)
	if len(fs) != 2 || !fs[0].Is(catalogue.VerifyError) {
		t.Fatalf("%d findings, want nginx's verify error and one group of the mail server's lines: %+v", len(fs), fs)
	}
	if f := fs[1]; f.Count != 2 || f.Severity != report.Info || f.Reporter == "nginx" {
		t.Errorf("mail server's group: %d lines, %v, by %s; want 2 lines, a note, not nginx's", f.Count, f.Severity, f.Reporter)
	}
}

// TestLogsOtherProgramSideByEntry: another program's line whose side only
// its product's entry says (rsyslog's GnuTLS driver on a listener) is told
// from that side in logs, as explain tells it.
func TestLogsOtherProgramSideByEntry(t *testing.T) {
	line := `Mar  3 10:00:01 host rsyslogd: gnutls returned error on handshake: The TLS connection was non-properly terminated.  [v8.2302.0 try https://www.rsyslog.com/e/2083 ]`
	fs := logFindings(t, line)
	if len(fs) != 1 {
		t.Fatalf("%d findings, want 1: %+v", len(fs), fs)
	}
	want := Explain(line).Findings[0]
	if f := fs[0]; f.Reporter != want.Reporter || f.Role != want.Role || f.Role != "server" {
		t.Errorf("logs told it as %s/%s, explain as %s/%s; want both the server's", f.Reporter, f.Role, want.Reporter, want.Role)
	}
}

// TestLogsHarmlessSaidOnce: a scanner-kind group whose entry already says
// it is usually harmless is not told so a second time.
func TestLogsHarmlessSaidOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "error.log")
	line := "2026/12/07 10:00:03 [crit] 12#12: *3 SSL_do_handshake() failed (SSL: error:0A00006C:SSL routines::bad key share) while SSL handshaking, client: 192.0.2.7, server: 0.0.0.0:443\n"
	if err := os.WriteFile(path, []byte(line), 0o600); err != nil {
		t.Fatal(err)
	}
	sum, inputs := scanLogs(t, path)
	rep := Logs(sum, inputs, LogOptions{Top: 3})
	if len(rep.Findings) == 0 {
		t.Fatal("no finding")
	}
	f := rep.Findings[0]
	if n := strings.Count(strings.ToLower(f.Explanation), "usually harmless"); n != 1 || f.Severity != report.Info {
		t.Errorf("%s: %q said %d times, severity %v:\n%s", f.Title, "usually harmless", n, f.Severity, f.Explanation)
	}
}
