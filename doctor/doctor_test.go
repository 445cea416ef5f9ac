package doctor

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/catalogue"
	"github.com/mtlsdoctor/mtlsdoctor/finding"
	"github.com/mtlsdoctor/mtlsdoctor/hint"
	"github.com/mtlsdoctor/mtlsdoctor/nginxconf"
	"github.com/mtlsdoctor/mtlsdoctor/report"
	"github.com/mtlsdoctor/mtlsdoctor/site"
)

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestReadLogs: the logs an mTLS block names are read, doctor's own
// probe requests are left out, failed TLS 1.0 handshakes that only came
// from this machine are a note, and logs that cannot be read are notes
// that say why.
func TestReadLogs(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "error.log"),
		"2026/11/23 13:14:21 [info] 28477#28477: *20 SSL_do_handshake() failed (SSL: error:0A000102:SSL routines::unsupported protocol) while SSL handshaking, client: 127.0.0.1, server: 127.0.0.1:8443\n")
	write(t, filepath.Join(dir, "access.log"),
		`127.0.0.1 - - [23/Nov/2026:13:14:21 +0000] "GET `+ProbePath+` HTTP/1.1" 400 215 "-" "Go-http-client/1.1"`+"\n")
	conf := `events {}
http {
    error_log ` + dir + `/error.log info;
    access_log ` + dir + `/access.log;
    server { listen 8443 ssl; ssl_verify_client on; access_log ` + dir + `/gone.log; access_log /var/log/nginx/$host.log; }
    server { listen 8444 ssl; ssl_verify_client on; access_log stderr; }
}
`
	dirs, err := nginxconf.ParseBytes(filepath.Join(dir, "nginx.conf"), []byte(conf))
	if err != nil {
		t.Fatal(err)
	}
	x := site.New(&nginxconf.Config{File: filepath.Join(dir, "nginx.conf"), ConfDir: dir, Directives: dirs})
	out, line := readLogs(context.Background(), x, x.MTLS(), time.Time{}, time.Time{})
	got := map[string]report.Finding{}
	for _, f := range out {
		if f.Section != finding.Logs {
			t.Errorf("%s: section %q", f.ID, f.Section)
		}
		got[f.ID.Name()+" "+f.Title] = f
	}
	var hs report.Finding
	for _, f := range out {
		if f.ID == catalogue.HandshakeFailed {
			hs = f
		}
	}
	if hs.Severity != report.Info || !strings.HasSuffix(hs.Explanation, " "+catalogue.OwnProbesNote) {
		t.Errorf("loopback TLS 1.0 attempts: %+v\nall: %v", hs, keys(got))
	}
	for _, title := range []string{
		"access_log " + dir + "/gone.log does not exist",
		"access_log /var/log/nginx/$host.log was not read: its name has variables",
		"access_log stderr was not read: not a file",
	} {
		if f, ok := got["log-not-read "+title]; !ok || f.Severity != report.Info || f.File == "" {
			t.Errorf("no note %q: %v", title, keys(got))
		}
	}
	if !strings.Contains(line, dir+"/access.log (access log, 1 lines, 0 about mTLS)") {
		t.Errorf("the probe's own request counted: %s", line)
	}
}

func keys(m map[string]report.Finding) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestDumpFailed: nginx -T failing for want of root is a warning; nginx
// refusing its configuration is an error at the place nginx names.
func TestDumpFailed(t *testing.T) {
	f := dumpFailed("/usr/sbin/nginx", errors.New(`nginx: [emerg] cannot load certificate key "/etc/ssl/private/k.key": BIO_new_file() failed (SSL: error:8000000D:system library::Permission denied)`))
	if f.ID != catalogue.NginxTFailed || f.Severity != report.Warning || f.File != "" {
		t.Errorf("permission: %+v", f)
	}
	f = dumpFailed("/usr/sbin/nginx", errors.New(`nginx: [emerg] unknown directive "ssl_verify_clent" in /etc/nginx/sites-enabled/mtls:7`))
	if f.Severity != report.Error || f.File != "/etc/nginx/sites-enabled/mtls" || f.Line != 7 || f.Section != finding.Nginx ||
		!strings.HasPrefix(f.Title, "nginx -t rejects the configuration: [emerg]") || !strings.Contains(f.Fix, "sudo /usr/sbin/nginx -t") {
		t.Errorf("refused: %+v", f)
	}
}

// TestRank: within a severity, what stops nginx from starting comes
// first, then the configuration, the files, the probe and the logs.
func TestRank(t *testing.T) {
	order := []report.Finding{
		{ID: catalogue.MissingFile, Section: finding.Nginx},
		{ID: catalogue.OptionalNotChecked, Section: finding.Nginx},
		{ID: catalogue.Expired, Section: finding.Certs},
		{ID: catalogue.ConnectFailed, Section: finding.Probe},
		{ID: catalogue.VerifyError, Section: finding.Logs},
	}
	for i := 1; i < len(order); i++ {
		if rank(order[i-1]) >= rank(order[i]) {
			t.Errorf("%s/%s does not rank before %s/%s", order[i-1].Section, order[i-1].ID, order[i].Section, order[i].ID)
		}
	}
}

// TestLoadConf: the errors say what is wrong with the main file, and
// keep the cause for errors.Is.
func TestLoadConf(t *testing.T) {
	dir := t.TempDir()
	_, err := LoadConf(filepath.Join(dir, "nope.conf"), nil)
	if !errors.Is(err, fs.ErrNotExist) || err.Error() != filepath.Join(dir, "nope.conf")+": no such file" {
		t.Errorf("missing: %v", err)
	}
	_, err = loadGiven(filepath.Join(dir, "nope.conf"), nil)
	if h := hint.Of(err); len(h) != 1 || !strings.HasPrefix(h[0], "the main file is usually ") {
		t.Errorf("doctor's hint: %v %q", err, h)
	}
	if _, err := LoadConf(dir, nil); err == nil || !strings.HasPrefix(err.Error(), "reading "+dir+": ") {
		t.Errorf("directory: %v", err)
	}
	write(t, filepath.Join(dir, "bad.conf"), "events {\n")
	var se *nginxconf.SyntaxError
	if _, err := LoadConf(filepath.Join(dir, "bad.conf"), nil); !errors.As(err, &se) {
		t.Errorf("syntax: %v", err)
	}
	conf, err := LoadConf("-", strings.NewReader("# configuration file /etc/nginx/nginx.conf:\nevents {}\n"))
	if err != nil || !conf.FromDump {
		t.Errorf("nginx -T on stdin: %v", err)
	}
}

// TestOneCauseAnyOrder: the evidence reaches the finding that names the
// cause wherever it stands, before or after the symptoms it absorbs.
func TestOneCauseAnyOrder(t *testing.T) {
	const srv, e = "localhost 443 ssl", "18:self-signed certificate"
	cause := catalogue.SelfIssuedNoAKIDText.New(catalogue.Vars{})
	cause.Section, cause.Server, cause.OpenSSLError, cause.Title = finding.Certs, srv, e, "the cause"
	logs := catalogue.LogVerifyCodeText.New(catalogue.Vars{})
	logs.Section, logs.OpenSSLError, logs.Count, logs.FirstSeen = finding.Logs, e, 3, "2026-01-01T00:00:00Z"
	probed := catalogue.ClientCertRejected.New("refused", "", "")
	probed.Section, probed.Server = finding.Probe, srv
	other := catalogue.NoClientCert.New("no cert", "", "")
	other.Section = finding.Logs
	for _, order := range [][]report.Finding{{cause, logs, probed, other}, {logs, probed, cause, other}, {probed, other, logs, cause}, {probed, other, cause, logs}} {
		got := oneCausePerFinding(slices.Clone(order), map[string]string{srv: "FAILED:" + e})
		if len(got) != 2 {
			t.Fatalf("%d findings, want the cause and the unrelated one: %+v", len(got), got)
		}
		for _, f := range got {
			if f.Title == "the cause" && (f.Count != 3 || !strings.Contains(f.Explanation, "3 times") || !strings.Contains(f.Explanation, "refused")) {
				t.Errorf("the cause lacks the evidence: %+v", f)
			}
		}
	}
}
