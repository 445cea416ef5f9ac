package catalogue

import (
	"crypto/x509"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/mtlsdoctor/mtlsdoctor/internal/fixrun"
)

// notPortable are the openssl spellings one of OpenSSL 1.0.2, 1.1.1 and
// LibreSSL refuses or reads differently (see commands.go), with the one
// the fixes use instead.
var notPortable = []struct {
	re      *regexp.Regexp
	instead string
}{
	{regexp.MustCompile(`\s-noenc\b`), "-nodes (-noenc is OpenSSL 3's)"},
	{regexp.MustCompile(`\s-copy_extensions\b`), "an -extfile of the extensions (-copy_extensions is OpenSSL 3's)"},
	{regexp.MustCompile(`x509 .*-x509toreq.* -key |x509 .* -key .*-x509toreq`), "-signkey (x509's -key is OpenSSL 3's)"},
	{regexp.MustCompile(`req .*-x509.*-addext '?(basicConstraints|subjectKeyIdentifier|authorityKeyIdentifier)`), "a -config file of its own (OpenSSL 1.1.1's default configuration adds these to every req -x509, and -addext adds a second one)"},
}

// TestFixCommandsPortable: no openssl command in a fix uses a spelling
// that fails, or makes a certificate verifiers refuse, on an openssl
// other than OpenSSL 3 (a user's may be 1.1.1, or macOS's LibreSSL).
func TestFixCommandsPortable(t *testing.T) {
	texts := fixTexts(t)
	for _, c := range sharedCommands() {
		texts[c] = "a shared command"
	}
	for text, at := range texts {
		for _, line := range strings.Split(text, "\n") {
			line = strings.TrimSpace(line)
			if !strings.HasPrefix(line, "openssl ") {
				continue
			}
			for _, np := range notPortable {
				if np.re.MatchString(line) {
					t.Errorf("%s: %q: use %s", at, line, np.instead)
				}
			}
		}
	}
}

// sharedCommands are the commands several fixes share, the certs ones
// filled as a fix fills them when the certificate's extensions go to a
// file (where they cannot, OpenSSL 3's -copy_extensions is the fallback).
func sharedCommands() []string {
	v := Vars{"crt": "c.crt", "base": "c", "key_file": "c.key", "ca_crt": "ca.crt", "ca_key": "ca.key", "subj": "/CN=c", "cn": "c",
		"ext_file": "printf 'basicConstraints=CA:FALSE\\n' > c-ext.cnf\n", "sign_ext": " -extfile c-ext.cnf", "toreq_ext": "", "ext_name": "c-ext.cnf"}
	var out []string
	for _, c := range []string{remakeCACmd, selfSignedLeafCmd, resignServerCmd, resignClientCmd, ReissueCmd, ReissueClientCmd, NewKeyCmd, NewClientCmd, RegenRootCmd, RegenRootNewKeyCmd, clientStrictFix} {
		out = append(out, Fill(c, v))
	}
	return out
}

// TestSharedCommandsWork runs the commands several fixes share with the
// real openssl (or the one in MTLSDOCTOR_FIX_PATH: OpenSSL 1.1.1,
// LibreSSL) and checks what they make: a CA that is one and still
// verifies what it issued, a self-signed leaf that is no CA, certificates
// signed again with their names and purpose. Go's parser refuses a
// certificate with a duplicate extension, which -addext made on 1.1.1.
func TestSharedCommandsWork(t *testing.T) {
	if _, err := exec.LookPath("openssl"); err != nil {
		t.Fatal("openssl is needed: install it (Debian: apt-get install openssl)")
	}
	setup := []string{
		"openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt -days 30 -subj '/O=Example, Inc./CN=My CA'",
		"openssl req -new -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj '/CN=host.example.com'",
		"printf 'subjectAltName=DNS:host.example.com\\n' > s.ext",
		"openssl x509 -req -sha256 -days 30 -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -extfile s.ext -out server.crt",
		"openssl req -new -newkey rsa:2048 -nodes -keyout client.key -out client.csr -subj '/CN=client1'",
		"openssl x509 -req -sha1 -days 30 -in client.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out client.crt",
	}
	strictCA := commandLines(clientStrictFix)
	for _, tc := range []struct {
		name string
		cmds []string
		out  string
		want func(t *testing.T, c *x509.Certificate, dir string)
	}{
		{"remake the CA", commandLines(remakeCACmd), "ca.crt", func(t *testing.T, c *x509.Certificate, dir string) {
			wantCA(t, c) // named anew: the fixes then sign again with it
		}},
		{"re-sign the CA with its subject", strictCA, "ca-new.crt", func(t *testing.T, c *x509.Certificate, dir string) {
			wantCA(t, c)
			if c.Subject.String() != "CN=My CA,O=Example\\, Inc." {
				t.Errorf("subject %q", c.Subject)
			}
			wantVerifies(t, dir, "server.crt", "ca-new.crt", x509.ExtKeyUsageAny)
		}},
		{"make the root again", commandLines(Fill(RegenRootCmd, Vars{"key_file": "ca.key", "base": "ca", "subj": "/O=Example/CN=My CA"})), "ca-new.crt", func(t *testing.T, c *x509.Certificate, dir string) {
			wantCA(t, c)
		}},
		{"make the root with a new key", commandLines(Fill(RegenRootNewKeyCmd, Vars{"base": "ca", "subj": "/CN=My CA"})), "ca-new.crt", func(t *testing.T, c *x509.Certificate, dir string) {
			wantCA(t, c)
		}},
		{"a self-signed leaf", commandLines(selfSignedLeafCmd), "server.crt", func(t *testing.T, c *x509.Certificate, dir string) {
			if c.IsCA || !c.BasicConstraintsValid || len(c.DNSNames) != 1 || c.DNSNames[0] != "host.example.com" {
				t.Errorf("not a leaf for host.example.com: CA %v (valid %v), names %v", c.IsCA, c.BasicConstraintsValid, c.DNSNames)
			}
		}},
		{"sign the server again", commandLines(resignServerCmd), "server.crt", func(t *testing.T, c *x509.Certificate, dir string) {
			if c.SignatureAlgorithm != x509.SHA256WithRSA || len(c.DNSNames) != 1 || len(c.ExtKeyUsage) != 1 {
				t.Errorf("signature %v, names %v, extended key usage %v", c.SignatureAlgorithm, c.DNSNames, c.ExtKeyUsage)
			}
			wantVerifies(t, dir, "server.crt", "ca.crt", x509.ExtKeyUsageServerAuth)
		}},
		{"sign the client again", commandLines(resignClientCmd), "client.crt", func(t *testing.T, c *x509.Certificate, dir string) {
			if c.SignatureAlgorithm != x509.SHA256WithRSA {
				t.Errorf("signature %v", c.SignatureAlgorithm)
			}
			wantVerifies(t, dir, "client.crt", "ca.crt", x509.ExtKeyUsageClientAuth)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if len(tc.cmds) == 0 {
				t.Fatal("no command")
			}
			dir := t.TempDir()
			for _, line := range append(append([]string(nil), setup...), tc.cmds...) {
				fixrun.Line(t, dir, line)
			}
			tc.want(t, fixrun.Cert(t, filepath.Join(dir, tc.out)), dir)
		})
	}
}

// commandLines are the command lines of a fix (those indented, or all
// of a bare command), up to the first line of prose after them.
func commandLines(fix string) []string {
	var out []string
	for _, line := range strings.Split(fix, "\n") {
		trimmed := strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(trimmed, "openssl ") || strings.HasPrefix(trimmed, "printf "):
			out = append(out, trimmed)
		case len(out) > 0:
			return out
		}
	}
	return out
}

func wantCA(t *testing.T, c *x509.Certificate) {
	t.Helper()
	if !c.IsCA || !c.BasicConstraintsValid || c.KeyUsage&x509.KeyUsageCertSign == 0 || len(c.SubjectKeyId) == 0 {
		t.Errorf("not a CA: CA %v, keyUsage %b, subjectKeyIdentifier %x", c.IsCA, c.KeyUsage, c.SubjectKeyId)
	}
}

func wantVerifies(t *testing.T, dir, leaf, root string, usage x509.ExtKeyUsage) {
	t.Helper()
	roots := x509.NewCertPool()
	roots.AddCert(fixrun.Cert(t, filepath.Join(dir, root)))
	c := fixrun.Cert(t, filepath.Join(dir, leaf))
	if _, err := c.Verify(x509.VerifyOptions{Roots: roots, KeyUsages: []x509.ExtKeyUsage{usage}}); err != nil {
		t.Errorf("%s does not verify against %s: %v", leaf, root, err)
	}
}

// TestFixOptionsExistElsewhere: every option of an openssl command in a
// fix exists in OpenSSL 1.1.1 and in LibreSSL, old and new, as their
// sources' option tables list them (testdata/openssl-options, made by
// scripts/genopts), for the subcommands each table has.
func TestFixOptionsExistElsewhere(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "testdata", "openssl-options", "*.txt"))
	if err != nil || len(files) < 3 {
		t.Fatalf("option tables: %v %v", files, err)
	}
	tables := map[string]map[string]bool{} // file -> "cmd opt"
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		tables[filepath.Base(f)] = map[string]bool{}
		for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n") {
			tables[filepath.Base(f)][l] = true
			tables[filepath.Base(f)][strings.Fields(l)[0]] = true
		}
	}
	texts := fixTexts(t)
	for _, c := range sharedCommands() {
		texts[c] = "a shared command"
	}
	for text, at := range texts {
		for _, line := range strings.Split(text, "\n") {
			for _, cmd := range opensslCommands(placeholder.ReplaceAllString(strings.TrimSpace(line), "X")) {
				sub, opts := cmd[0], cmd[1:]
				for name, table := range tables {
					if !table[sub] {
						continue
					}
					for _, o := range opts {
						catchAll := table[sub+" *digest*"] || table[sub+" *cipher*"]
						if table[sub+" "+o] || catchAll && algorithms[o] {
							continue
						}
						if _, ok := elsewhereOnly[strings.SplitN(name, "-", 2)[0]+" "+sub+" "+o]; ok {
							continue
						}
						t.Errorf("%s: %s has no -%s (openssl %s ...): %q", at, name, o, sub, line)
					}
				}
			}
		}
	}
}

// algorithms are the digest and cipher names a subcommand with a
// catch-all entry takes as options.
var algorithms = map[string]bool{"sha1": true, "sha224": true, "sha256": true, "sha384": true, "sha512": true, "md5": true, "aes128": true, "aes256": true, "des3": true}

// elsewhereOnly are the options fixes use on purpose although the openssl
// named (by its table's first word) lacks them, with why.
var elsewhereOnly = map[string]string{
	"openssl pkcs12 legacy":          "OpenSSL 3's own: it reads the old PKCS#12 ciphers OpenSSL 3 moved to its legacy provider",
	"libressl pkcs12 legacy":         "OpenSSL 3's own: it reads the old PKCS#12 ciphers OpenSSL 3 moved to its legacy provider",
	"openssl rsa traditional":        "OpenSSL 3's own: older ones write the traditional form without it",
	"libressl rsa traditional":       "OpenSSL 3's own: older ones write the traditional form without it",
	"libressl verify auth_level":     "a check that reproduces nginx's OpenSSL 3 security level, which LibreSSL does not have",
	"libressl s_client tls1":         "a TLS 1.0 handshake, which current LibreSSL cannot make at all",
	"libressl s_client noservername": "LibreSSL before 3.4 sends no name unless given one",
	"libressl req help":              "LibreSSL prints the same usage for an unknown option",
}

var placeholder = regexp.MustCompile(`\{[a-z_]+\}`)

// opensslCommands finds the openssl commands of a shell line (after a
// pipe, &&, or in $(...)), each as its subcommand and option names.
func opensslCommands(line string) [][]string {
	var out [][]string
	var cur []string
	inCmd := false
	for _, tok := range shellWords(line) {
		switch {
		case tok == "|" || tok == "&&" || tok == ";" || tok == "$(" || tok == ")":
			if inCmd && len(cur) > 0 {
				out = append(out, cur)
			}
			cur, inCmd = nil, false
		case tok == "openssl" && !inCmd:
			inCmd, cur = true, nil
		case inCmd && len(cur) == 0:
			cur = []string{tok}
		case inCmd && strings.HasPrefix(tok, "-") && len(tok) > 1:
			cur = append(cur, strings.TrimPrefix(tok, "-"))
		}
	}
	if inCmd && len(cur) > 0 {
		out = append(out, cur)
	}
	return out
}

// shellWords splits a line as sh would into words, keeping quoted text
// in one word and giving "|", "&&", ";", "$(" and ")" words of their own.
func shellWords(line string) []string {
	var words []string
	var w strings.Builder
	flush := func() {
		if w.Len() > 0 {
			words = append(words, w.String())
			w.Reset()
		}
	}
	var quote rune
	rs := []rune(line)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			} else {
				w.WriteRune(r)
			}
		case r == '\'' || r == '"':
			quote = r
		case r == ' ' || r == '\t':
			flush()
		case r == '$' && i+1 < len(rs) && rs[i+1] == '(':
			flush()
			words = append(words, "$(")
			i++
		case r == ')' || r == '|' || r == ';':
			flush()
			words = append(words, string(r))
		case r == '&' && i+1 < len(rs) && rs[i+1] == '&':
			flush()
			words = append(words, "&&")
			i++
		default:
			w.WriteRune(r)
		}
	}
	flush()
	return words
}
