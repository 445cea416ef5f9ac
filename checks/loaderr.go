package checks

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/mtlsdoctor/mtlsdoctor/catalogue"
	"github.com/mtlsdoctor/mtlsdoctor/internal/lazyre"
	"github.com/mtlsdoctor/mtlsdoctor/logparse"
	"github.com/mtlsdoctor/mtlsdoctor/report"
)

// loadCalls are what nginx writes before the quoted file of a load error.
var loadCalls = []string{`cannot load certificate(?: key)?`, `BIO_new_file`, `PEM_read_bio_[A-Za-z0-9_]+`, `SSL_CTX_use_[A-Za-z_]+`,
	`X509_LOOKUP_load_file`, `SSL_CTX_load_verify_locations`, `SSL_load_client_CA_file`}

var (
	// The file of a load error: `cannot load certificate "PATH"`,
	// `BIO_new_file("PATH")`, `PEM_read_bio_X509_AUX("PATH")`,
	// `SSL_CTX_use_PrivateKey("PATH")`, curl's `from PATH,`.
	reLoadPath  = lazyre.New(`(?:` + strings.Join(loadCalls, "|") + `)\(?\s?\\?"([^"\\]+)\\?"`)
	reExpecting = lazyre.New(`(?i)expecting: ([a-z0-9 ]+)`)
	rePEMBegin  = lazyre.New(`-----BEGIN ([A-Z0-9 ]+)-----`)
	reShellWord = lazyre.New(`^[A-Za-z0-9_./~+-]+$`)
	// The file in another program's failed load of its own certificate
	// or key: curl's "client certificate from PATH," and "private key
	// file: 'PATH'", Go's "open PATH: no such file or directory", node's
	// "ENOENT: no such file or directory, open 'PATH'", Dovecot's "Can't
	// open file PATH: No such file or directory", and "Could not open CA
	// key file 'PATH'".
	reOtherLoad = lazyre.New(`(?i)` + strings.Join([]string{`client certificate from (\S+?), `, `private key file: '([^']+)'`,
		`(?:^|\s)open (\S+): (?:no such file or directory|permission denied)`, `(?:enoent|eacces)[^,]*, open '([^']+)'`,
		`can't open file (\S+?): (?:no such file or directory|permission denied)`, `could not open [a-z ]*?file '([^']+)'`,
		// Dovecot's "ssl_server_key_file: open(PATH) failed: Permission denied"
		`open\((/[^)]+)\) failed: (?:no such file or directory|permission denied)`,
		// Prosody's "Failed to load 'PATH': Check that the permissions allow
		// Prosody to read this file"; a container's "missing 'PATH'"
		`failed to load '([^']+)': check that the permissions allow`, `missing '(/[^']+)'`,
		// NGINX Amplify's agent: "could not read PATH (maybe permissions?)"
		`could not read (/\S+) \(maybe permissions\?\)`,
		// lighttpd's; PostgreSQL's server certificate and CA files
		`couldn't read (?:x509 certificate|private key) from '([^']+)'`, `could not load (?:server|root) certificate file "([^"]+)"`,
		// lighttpd's fopen of its ssl.pemfile (no reason follows)
		`bio_read_filename\('([^']+)'\) failed`,
		// Ruby's "Permission denied @ rb_sysopen - PATH" (Errno::EACCES)
		`(?:no such file or directory|permission denied) @ rb_sysopen - ([^\s)]+)`}, "|"))
)

// unnamedFile stands for the file of a load error whose line does not
// name it.
const unnamedFile = "FILE"

// loadCause reads a start-up line about a file that could not be loaded:
// the cause (a key of catalogue.LoadTexts) and the file. When the file is
// on this machine, a few bytes of it tell an empty file, DER and a file of
// another PEM type apart from "no start line".
func loadCause(line string) (cause, path string, ok bool) {
	lower := strings.ToLower(line)
	if i := strings.Index(lower, "dso support routines"); i >= 0 {
		// OpenSSL's stale error about a shared library it could not
		// open ("libz.so: ... No such file or directory") is not the
		// certificate's: leave that entry out of the causes.
		end := strings.Index(lower[i:], " error:")
		if end < 0 {
			end = len(lower) - i
		}
		lower = lower[:i] + lower[i+end:]
	}
	if m := reLoadPath.FindStringSubmatch(line); m != nil {
		path = m[1]
	} else if strings.Contains(lower, "cannot load certificate") {
		// nginx's words with the file cut or left out of the paste: the
		// cause still shows, the commands name a stand-in.
		path = unnamedFile
	} else {
		return "", "", false
	}
	has := func(s ...string) bool {
		for _, x := range s {
			if strings.Contains(lower, x) {
				return true
			}
		}
		return false
	}
	switch {
	case has("no such file", "error:02001002", "error:80000002"):
		return "missing", path, true
	case has("permission denied", "operation not permitted", "error:0200100d", "error:8000000d"):
		return "permission", path, true
	case has("key values mismatch"):
		return "mismatch", path, true
	case has("bad decrypt", "maybe wrong password", "bad password read", "empty password", "problems getting password"):
		return "password", path, true
	case has("dh parameters", "dhparams"):
		return "dhparam", path, true
	case has("bad end line", "bad base64 decode"):
		return "damaged", path, true
	case strings.HasSuffix(path, "/") && has("no start line"):
		return "directory", path, true
	case has("wrong tag", "nested asn1 error") && !has("no start line") && !isKeyLine(lower, path):
		// A BEGIN line was found and its base64 decoded, but not into
		// a certificate.
		if c, ok := sniffFile(path, expected(line)); ok {
			return c, path, true
		}
		return "undecodable", path, true
	case has("no start line", "unsupported", "no supported data", "asn1 lib", "wrong tag"):
		if c, ok := sniffFile(path, expected(line)); ok {
			return c, path, true
		}
		if isKeyLine(lower, path) {
			return "key-unsupported", path, true
		}
		return "not-pem", path, true
	case strings.Contains(line, "BIO_new_file("):
		// BIO_new_file fails only when fopen does: most often a file
		// that is not there (the line may be cut before the reason).
		return "missing", path, true
	case path != unnamedFile && has("cannot load certificate") && !has("error:", "failed", "routines"):
		// nginx's words with OpenSSL's reason cut off the paste.
		return "no-reason", path, true
	}
	return "", "", false
}

// sniffFile looks at the first bytes of path, if it exists here.
func sniffFile(path, expect string) (string, bool) {
	head, ok := readHead(path, 4096)
	if !ok {
		return "", false
	}
	switch {
	case len(bytes.TrimSpace(head)) == 0:
		return "empty", true
	case head[0] == 0x30 && len(head) > 1 && head[1] >= 0x80:
		return "der", true
	}
	if m := rePEMBegin.FindSubmatch(head); m != nil && expect != "" && !strings.Contains(string(m[1]), expect) && !strings.Contains(expect, string(m[1])) {
		return "wrong-type", true
	}
	return "", false
}

// expected is the PEM type OpenSSL looked for ("Expecting: CERTIFICATE").
func expected(line string) string {
	if m := reExpecting.FindStringSubmatch(line); m != nil {
		return strings.TrimSpace(strings.TrimPrefix(strings.ToUpper(m[1]), "TRUSTED "))
	}
	return ""
}

func isKeyLine(lower, path string) bool {
	base := strings.ToLower(filepath.Base(path))
	return strings.Contains(lower, "certificate key") || strings.Contains(lower, "privatekey") || strings.Contains(lower, "ssl_key:") || strings.Contains(lower, "read private key from") ||
		strings.HasSuffix(base, ".key") || strings.HasPrefix(base, "privkey")
}

// loadFinding is the finding for a load error by its cause, naming the
// file from the line; false when the line is not one.
func loadFinding(line string) (report.Finding, bool) {
	cause, path, ok := loadCause(line)
	if !ok || strings.HasPrefix(path, "data:") {
		// "data:..." is a certificate from a variable, not a file.
		return report.Finding{}, false
	}
	lower := strings.ToLower(line)
	directive := "ssl_certificate"
	expect := expected(line)
	switch {
	case cause == "dhparam", strings.Contains(strings.ToLower(filepath.Base(path)), "dhparam"):
		// nginx names only the file when it cannot open it: a DH
		// parameters file goes by its name (dhparam.pem, dhparams.pem).
		directive = "ssl_dhparam"
	case isKeyLine(lower, path):
		directive = "ssl_certificate_key"
		if expect == "" {
			expect = "PRIVATE KEY"
		}
	case strings.Contains(lower, "x509_lookup_load_file"):
		directive = "ssl_crl"
	case strings.Contains(lower, "client_ca_file"):
		directive = "ssl_client_certificate"
	case strings.Contains(lower, "load_verify_locations"):
		// nginx loads ssl_client_certificate, ssl_trusted_certificate and
		// proxy_ssl_trusted_certificate so; the line does not say which.
		directive = "ssl_client_certificate or ssl_trusted_certificate"
	}
	if expect == "" {
		expect = "CERTIFICATE"
	}
	found := ""
	if cause == "wrong-type" {
		found = foundType(path)
	}
	t := catalogue.LoadTexts[cause]
	if cause == "missing" && directive == "ssl_dhparam" {
		t = catalogue.LoadTexts["missing-dhparam"]
	}
	f := t.New(catalogue.Vars{"path": path, "directive": directive, "expect": expect, "found": found})
	if directive == "ssl_certificate_key" && f.ID == catalogue.CertLoadFailed {
		f.ID = catalogue.KeyLoadFailed
	}
	f.Severity = report.Error
	if path != unnamedFile {
		f.File = path
	}
	return f, true
}

// anyLoadFinding is loadFinding's finding for nginx's load errors, else
// otherLoadFinding's for another program's: a load error told by its
// cause, with no catalogue entry needed.
func anyLoadFinding(line string, att logparse.Attribution) (report.Finding, bool) {
	if f, ok := loadFinding(line); ok {
		return f, true
	}
	return otherLoadFinding(line, att)
}

// otherLoadFinding is the finding for another program's failure to load
// its own certificate or key (curl, a Go program, node), by its cause,
// naming the file from the line; false when the line is not one or the
// cause does not show.
func otherLoadFinding(line string, att logparse.Attribution) (report.Finding, bool) {
	m := reOtherLoad.FindStringSubmatch(line)
	if m == nil || att.Reporter == "nginx" {
		return report.Finding{}, false
	}
	path := strings.Join(m[1:], "")
	lower := strings.ToLower(line)
	key := m[2] != "" || isKeyLine(lower, path)
	who, option := "The program", "its certificate and key settings"
	switch att.Reporter {
	case "curl":
		who, option = "curl", "--cert"
		if key {
			option = "--key"
		}
	case "go":
		who, option = "The Go program", "its certificate and key files (tls.LoadX509KeyPair)"
	case "node":
		who, option = "node", "its cert, key or ca option"
	}
	switch {
	case att.Program == "postgres":
		who, option = "PostgreSQL", "ssl_cert_file, ssl_key_file or ssl_ca_file"
	case strings.Contains(lower, "lighttpd") || strings.Contains(lower, "(network.c.") || strings.Contains(lower, "(mod_openssl.c."):
		who, option = "lighttpd", "ssl.pemfile"
	}
	if att.Reporter != "curl" && !certFileName(path) {
		return report.Finding{}, false // "open x: no such file" about some other file
	}
	if !key && caFile(lower, path) {
		option = "its CA file, the roots it checks its peer with"
	}
	expect, cause, found := "CERTIFICATE", "", ""
	if key {
		expect = "PRIVATE KEY"
	}
	switch {
	case strings.Contains(lower, "no such file") || strings.Contains(lower, "enoent") || strings.Contains(lower, "error:80000002") || strings.Contains(lower, "missing '/"):
		cause = "missing"
	case strings.Contains(lower, "permission denied") || strings.Contains(lower, "eacces") || strings.Contains(lower, "check that the permissions allow") || strings.Contains(lower, "(maybe permissions?)"):
		cause = "permission"
	case strings.Contains(lower, "bio_read_filename("):
		// Only fopen fails there: most often a file that is not there.
		cause = "missing"
	case strings.Contains(lower, "no start line") || strings.Contains(lower, "couldn't read x509") || strings.Contains(lower, "couldn't read private key"):
		cause = "not-pem"
		if c, ok := sniffFile(path, expect); ok {
			cause = c
		}
	case m[2] != "":
		// curl's "unable to set private key file": the file tells which.
		cause = keyFileCause(path)
	}
	if cause == "" {
		return report.Finding{}, false
	}
	if cause == "wrong-type" {
		found = foundType(path)
	}
	f := catalogue.OtherLoadTexts[cause].New(catalogue.Vars{"who": who, "option": option, "path": path, "expect": expect, "found": found})
	if key && f.ID == catalogue.CertLoadFailed {
		f.ID = catalogue.KeyLoadFailed
	}
	f.Severity, f.File = report.Error, path
	return f, true
}

// curlKeyFile is the key file a curl line names ("unable to set private
// key file: 'X'") when it can stand in a command as it is; "" otherwise
// (a pkcs11: URI, a name with spaces).
func curlKeyFile(line string) string {
	m := reOtherLoad.FindStringSubmatch(line)
	if m == nil || m[2] == "" || !reShellWord.MatchString(m[2]) {
		return ""
	}
	return m[2]
}

// certFileName reports whether a file name looks like a certificate's or
// a key's.
func certFileName(path string) bool {
	base := strings.ToLower(filepath.Base(path))
	for _, ext := range []string{".crt", ".pem", ".key", ".cer", ".der", ".p12", ".pfx"} {
		if strings.HasSuffix(base, ext) {
			return true
		}
	}
	return strings.Contains(base, "cert") || strings.Contains(base, "key")
}

// caFile reports whether the file a load error names is a CA file, by
// the line's words or the file's name.
func caFile(lower, path string) bool {
	for _, w := range []string{"ca certpool", "ca file", "cafile", "ca_file", "ca-file", "root ca", "rootca", "--cacert", "ca.location"} {
		if strings.Contains(lower, w) {
			return true
		}
	}
	base := strings.ToLower(filepath.Base(path))
	return strings.HasPrefix(base, "ca.") || strings.HasPrefix(base, "ca-") || strings.HasPrefix(base, "ca_") || strings.Contains(base, "rootca")
}

// keyFileCause tells, from the key file curl could not use (when it is on
// this machine), why: not there, empty, encrypted, another PEM type (the
// certificate given as the key), or (a readable, unencrypted key) not the
// certificate's. A file that is not here is "missing" only when its
// directory is: a relative path, or one whose directory this machine lacks,
// was likely curl's on another machine or in another working directory,
// and the line alone does not tell which of the causes it was.
func keyFileCause(path string) string {
	head, ok := readHead(path, 64<<10)
	if !ok {
		if _, err := os.Stat(path); os.IsNotExist(err) && filepath.IsAbs(path) && dirExists(filepath.Dir(path)) {
			return "missing"
		}
		return ""
	}
	switch {
	case len(bytes.TrimSpace(head)) == 0:
		return "empty"
	case bytes.Contains(head, []byte("ENCRYPTED")):
		return "password"
	case bytes.Contains(head, []byte("PRIVATE KEY-----")):
		return "mismatch"
	case rePEMBegin.FindSubmatch(head) != nil:
		return "wrong-type"
	}
	return ""
}

func dirExists(dir string) bool {
	st, err := os.Stat(dir)
	return err == nil && st.IsDir()
}

func foundType(path string) string {
	head, _ := readHead(path, 64<<10)
	if m := rePEMBegin.FindSubmatch(head); m != nil {
		return string(m[1])
	}
	return ""
}

// readHead reads at most n bytes from the start of path, when it is a
// regular file on this machine.
func readHead(path string, n int64) ([]byte, bool) {
	f, err := os.Open(path)
	if err != nil {
		return nil, false
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		return nil, false
	}
	head, _ := io.ReadAll(io.LimitReader(f, n))
	return head, true
}
