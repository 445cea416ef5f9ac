package report

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mtlsdoctor/mtlsdoctor/catalogue"
)

// everyFinding is a report with a finding for every verify code and every
// entry of the catalogue (the words explain, logs and probe print), plus
// findings shaped like those of certs, nginx and logs: long paths, whole
// command lines, an indented configuration snippet, a JSON log line.
func everyFinding() *Report {
	r := &Report{
		Command: "doctor", ShowSections: true,
		Header: "nginx: /etc/nginx/nginx.conf (12 files): 9 server blocks, 7 with TLS, 5 asking for client certificates (nginx -T)\nprobe: 3 addresses",
		Certificates: []Certificate{
			{Files: []string{"/etc/nginx/certs/clients/client-via-int-sha1.crt"}, Role: "client", Subject: "CN=client-via-int-sha1,O=example", Key: "RSA 2048", Signature: "SHA256-RSA", NotAfter: "2045-01-01T00:00:00Z", NginxVerdict: "FAILED:68:CA signature digest algorithm too weak"},
			{Files: []string{"/etc/nginx/certs/intermediate.crt", "/etc/nginx/certs/copy.crt"}, Role: "intermediate", Subject: "CN=example intermediate CA,O=example", Key: "ECDSA P-256", Signature: "ECDSA-SHA256", NotAfter: "2030-01-01T00:00:00Z"},
		},
		Servers: []Server{
			{Server: "api.example.com 192.0.2.10:8443 ssl", File: "/etc/nginx/sites-enabled/api.example.com.conf", Line: 12, VerifyClient: "optional_no_ca", VerifyDepth: 2, ClientCertificate: "/etc/nginx/client-ca-bundle.pem", ErrorLogLevel: "error"},
		},
	}
	for i, v := range catalogue.VerifyCodes() {
		r.Findings = append(r.Findings, Finding{
			ID: catalogue.VerifyError, Severity: Error, Priority: i,
			Title:       fmt.Sprintf("OpenSSL verify error %d: %s", v.Code, v.Text),
			Explanation: v.Meaning + "\n" + v.Causes, Fix: catalogue.WithConfirm(v.Fix, v.Confirm),
			OpenSSLError: v.OpenSSLError(), Section: "logs",
		})
	}
	for _, en := range catalogue.Entries() {
		fix := catalogue.WithConfirm(en.Fix, en.Confirm)
		r.Findings = append(r.Findings, Finding{ID: en.ID, Severity: Warning, Title: en.Title, Explanation: en.Explanation, Fix: fix})
	}
	r.Findings = append(r.Findings,
		Finding{
			ID: catalogue.WeakSignature, Severity: Error, File: "/etc/nginx/certs/clients/client-via-int-sha1.crt",
			Title:       "/etc/nginx/certs/clients/client-via-int-sha1.crt is signed with SHA-1, too weak for security level 2",
			Explanation: "The CA signed this certificate using SHA-1. As ssl_certificate, nginx refuses to start: SSL_CTX_use_certificate(\"/etc/nginx/certs/clients/client-via-int-sha1.crt\") failed (SSL: ...:ca md too weak).",
			Fix: "openssl x509 -x509toreq -in /etc/nginx/certs/clients/client-via-int-sha1.crt -key /etc/nginx/certs/clients/client-via-int-sha1.key -copy_extensions copyall -out client.csr\n" +
				"openssl x509 -req -sha256 -days 825 -in client.csr -CA ca.crt -CAkey ca.key -CAcreateserial -copy_extensions copyall -out client.crt\n" +
				"then reissue every certificate it signed with the new CA and put /etc/nginx/certs/ca-new.crt into ssl_client_certificate.",
		},
		Finding{
			ID: catalogue.OptionalNotChecked, Severity: Error, File: "/etc/nginx/sites-enabled/api.example.com.conf", Line: 13,
			Server: "api.example.com 192.0.2.10:8443 ssl", Title: "ssl_verify_client optional, but nothing tests $ssl_client_verify",
			Fix: "Enforce it in the server block:\n    if ($ssl_client_verify != SUCCESS) { return 403; }\n" +
				"or pass it to the application: proxy_set_header X-SSL-Client-Verify $ssl_client_verify;\n" +
				"In the server (or http) block: error_log /var/log/nginx/error.log info;   then nginx -t && nginx -s reload, and run: mtlsdoctor logs /var/log/nginx/error.log /var/log/nginx/access.log",
		},
		Finding{
			ID: catalogue.Status495, Severity: Info, Title: "4× 400 responses for certificate errors (495: CA signature digest algorithm too weak)",
			Clients:   []string{"192.0.2.1", "192.0.2.2", "192.0.2.3", "198.51.100.17", "198.51.100.18", "203.0.113.200", "203.0.113.201"},
			FirstSeen: "2026-11-23T13:14:21Z", LastSeen: "2026-11-24T08:00:00Z",
			Example: `{"time":"2026-11-23T13:14:21+00:00","remote_addr":"127.0.0.1","request":"GET /sha1 HTTP/1.1","status":400,"ssl_client_verify":"FAILED:CA signature digest algorithm too weak"}`,
		},
	)
	r.Finish()
	return r
}

var ansi = regexp.MustCompile("\x1b\\[[0-9;]*m")

// labels start the lines under a finding's title and the Next line.
var labels = regexp.MustCompile(`^(\s*)((why|fix|example|nginx logs|at|file|server|section|seen|clients|Next|Confirm|as client cert|at|written by|reported):\s)?`)

// unbreakable reports whether the text of an over-long line is a single
// piece the wrapper must not break: a token without blanks, a
// `backticked span`, or a command (a fix line given as a command, or one
// that follows a label).
func unbreakable(text string) bool {
	if !strings.ContainsAny(text, " \t") {
		return true
	}
	if strings.HasPrefix(text, "`") && strings.Count(text, "`") == 2 {
		return true
	}
	first := strings.TrimLeft(strings.Fields(text)[0], "(")
	switch first {
	case "openssl", "nginx", "cat", "chmod", "printf", "curl", "mtlsdoctor", "sudo", "install", "grep", "head", "if",
		"keytool", "bind", "server", "log-format", "common_tls_context:",
		"kubectl", "istioctl", "psql", "git", "npm", "apachectl", "haproxy", "certutil", "etcdctl", "vault",
		"chgrp", "java", "msmtp", "wget", "COPY", // a Dockerfile's line
		"aws", "redis-cli", "mysql", "postconf", "powershell", "runmqakm", "gskcapicmd", "reg", "orapki", "echo",
		"module(load=\"imtcp\"", "global(DefaultNetstreamDriverCAFile=\"/etc/rsyslog.d/ca.pem\"", // rsyslog configuration lines
		"cockroach", "bin/elasticsearch-keystore", "creds", "secureSocket:", "ssl.openssl.ssl-conf-cmd", "ls", "uvicorn", "openvpn",
		"Get-ChildItem", "New-Item", "ldapsearch", "security_file_certgen", "LDAPTrustedGlobalCert", // PowerShell's, OpenLDAP's, Apache's
		"cfg",   // a line of Go
		"local": // a line of Lua
		return true
	}
	if name, _, ok := strings.Cut(first, "="); ok && name != "" && strings.ToUpper(name) == name {
		return true // a command run with an environment variable set
	}
	if strings.Contains(first, "ServicePointManager") || strings.HasPrefix(first, "stream_context_create(") || strings.HasPrefix(first, "context.") || strings.HasPrefix(first, "$config[") {
		return true // a line of C#, PowerShell, PHP or Dart
	}
	return strings.HasPrefix(first, "ssl_") || strings.HasPrefix(first, "proxy_") || strings.HasPrefix(first, "-D")
}

// TestTextFitsWidth renders a finding of every kind at 80 and 160 columns
// (plain and styled): no line is wider than the terminal unless it is one
// unbreakable piece, no word is broken, and every fix line that is a
// command stands whole on a line of its own.
func TestTextFitsWidth(t *testing.T) {
	r := everyFinding()
	var words []string
	var commands []string
	for _, f := range r.Findings {
		words = append(words, strings.Fields(f.Title+" "+f.Explanation+" "+f.Fix+" "+f.Example)...)
		for _, line := range strings.Split(f.Fix, "\n") {
			if strings.HasPrefix(line, " ") || (unbreakable(line) && !strings.HasPrefix(line, "`")) {
				commands = append(commands, strings.TrimSpace(line))
			}
		}
	}
	for _, w := range []int{80, 160} {
		for _, styled := range []bool{false, true} {
			var buf bytes.Buffer
			if err := WriteText(&buf, r, TextOptions{Width: w, Styled: styled}); err != nil {
				t.Fatal(err)
			}
			out := ansi.ReplaceAllString(buf.String(), "")
			lines := map[string]bool{}
			for _, line := range strings.Split(out, "\n") {
				text := labels.ReplaceAllString(line, "")
				lines[text] = true
				if utf8.RuneCountInString(line) > w && !unbreakable(text) {
					t.Errorf("width %d styled %v: line of %d columns can be broken:\n%s", w, styled, utf8.RuneCountInString(line), line)
				}
			}
			tokens := map[string]bool{}
			for _, tok := range strings.Fields(out) {
				tokens[tok] = true
			}
			for _, word := range words {
				if !tokens[word] {
					t.Errorf("width %d styled %v: %q is broken or lost", w, styled, word)
				}
			}
			for _, c := range commands {
				if !lines[c] {
					t.Errorf("width %d styled %v: the command is not whole on a line of its own: %q", w, styled, c)
				}
			}
		}
	}
}

// TestWrapFix: the rules for a fix, one by one.
func TestWrapFix(t *testing.T) {
	const ind = "     "
	for _, tc := range []struct{ name, fix, want string }{
		{"prose wraps with a hanging indent",
			"Put the CA that signs the CRL into the nginx CA file, or use CRLs signed by the issuing CAs themselves.",
			"Put the CA that signs the CRL into the nginx CA file, or\n" + ind + "use CRLs signed by the issuing CAs themselves."},
		{"a command line is never broken",
			"openssl verify -auth_level 2 -purpose sslclient -CAfile ca.crt -untrusted int.crt client.crt",
			"openssl verify -auth_level 2 -purpose sslclient -CAfile ca.crt -untrusted int.crt client.crt"},
		{"an indented line is kept as it is",
			"Enforce it:\n    if ($ssl_client_verify != SUCCESS) { return 403; }",
			"Enforce it:\n" + ind + "    if ($ssl_client_verify != SUCCESS) { return 403; }"},
		{"a labelled command goes whole to the next line",
			"Confirm: openssl x509 -noout -text -in client.crt | grep 'Signature Algorithm'",
			"Confirm:\n" + ind + "openssl x509 -noout -text -in client.crt | grep 'Signature Algorithm'"},
		{"a span is never broken inside",
			"Convert to PEM first, then check: `openssl x509 -inform DER -in cert.der -out cert.pem`.",
			"Convert to PEM first, then check:\n" + ind + "`openssl x509 -inform DER -in cert.der -out cert.pem`."},
		{"a directive after a label ends at its semicolon",
			"In the server block: ssl_verify_depth 2;   then nginx -t && nginx -s reload",
			"In the server block: ssl_verify_depth 2;   then\n" + ind + "nginx -t && nginx -s reload"},
		{"a remark in brackets after a command wraps as prose",
			"Confirm: head -1 /etc/nginx/certs/server.key (ENCRYPTED in the header means a passphrase is needed)",
			"Confirm: head -1 /etc/nginx/certs/server.key (ENCRYPTED in\n" + ind + "the header means a passphrase is needed)"},
		{"curl named in prose is a word, curl with arguments a command",
			"If curl gets through with the same files and the program still fails, run curl -v --cert client.crt https://host/",
			"If curl gets through with the same files and the program\n" + ind + "still fails, run curl -v --cert client.crt https://host/"},
		{"install is a command with its flags, a verb without them",
			"A minimal image has no roots: install the ca-certificates package in it, or copy the bundle from the build stage.",
			"A minimal image has no roots: install the ca-certificates\n" + ind + "package in it, or copy the bundle from the build stage."},
		{"a line of prose that starts with curl wraps",
			"curl sends the URL's host name; keep the name in the URL and give the address apart:",
			"curl sends the URL's host name; keep the name in the URL\n" + ind + "and give the address apart:"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := wrapFix(tc.fix, len(ind), 64, ind); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

// TestWrapRow: a row's value wraps under its own start, and colours do
// not count towards the width.
func TestWrapRow(t *testing.T) {
	s := styles{width: 50}
	red := "\x1b[91mdoes not cover api.example.com\x1b[0m"
	got := s.wrapRow("valid to 2045-01-01, "+red+", trusted by system roots", 23)
	ind := strings.Repeat(" ", 23)
	want := "valid to 2045-01-01, \x1b[91mdoes\n" + ind + "not cover api.example.com\x1b[0m,\n" + ind + "trusted by system roots"
	if got != want {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
	if got := s.wrapRow("CN=root,O=x\nCN=int,O=x", 23); got != "CN=root,O=x\n"+ind+"CN=int,O=x" {
		t.Errorf("lines of a value: %q", got)
	}
}

// TestTitleLongFirstWord: a title that starts with a path too long for
// the heading line starts under it, so the heading stays in the width.
func TestTitleLongFirstWord(t *testing.T) {
	path := "/srv/" + strings.Repeat("d", 50) + "/client-md5.crt"
	r := &Report{Command: "certs", Findings: []Finding{{ID: catalogue.WeakSignature, Severity: Error, Title: path + " is signed with MD5", Explanation: "why", Fix: "fix"}}}
	var buf bytes.Buffer
	if err := WriteText(&buf, r, TextOptions{Width: 80}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(buf.String(), "\n")
	for _, l := range lines {
		if utf8.RuneCountInString(l) > 80 {
			t.Errorf("line of %d columns: %q", utf8.RuneCountInString(l), l)
		}
	}
	if !strings.HasPrefix(lines[0], "ERROR   [weak-signature]") || lines[1] != findingIndent+path {
		t.Errorf("heading:\n%s", buf.String())
	}
}
