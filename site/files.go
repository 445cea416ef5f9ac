package site

import (
	"bufio"
	"crypto/x509"
	"errors"
	"io"
	"io/fs"
	"os"
	"strconv"
	"strings"

	"github.com/mtlsdoctor/mtlsdoctor/certset"
	"github.com/mtlsdoctor/mtlsdoctor/internal/safefile"
	"github.com/mtlsdoctor/mtlsdoctor/nginxconf"
)

// FileDirectives are the ssl_* directives that name files nginx opens at
// start-up, in the order they are checked.
var FileDirectives = []string{"ssl_certificate", "ssl_certificate_key", "ssl_client_certificate",
	"ssl_trusted_certificate", "ssl_crl", "ssl_dhparam", "ssl_password_file", "ssl_stapling_file", "ssl_session_ticket_key"}

// File is a file that a directive of a server block names.
type File struct {
	Directive *nginxconf.Directive
	// Path is the directive's argument resolved the way nginx resolves it.
	Path string
}

// Files are the files the block's directives of the given names name (those
// in effect, in the order of names), leaving out arguments that are not
// paths (variables, data: and engine: values).
func (s *Server) Files(names ...string) []File {
	var out []File
	for _, name := range names {
		for _, d := range s.Effective(name) {
			if NamesFile(d.Arg(0)) {
				out = append(out, File{Directive: d, Path: s.site.Resolve(d.Arg(0))})
			}
		}
	}
	return out
}

// NamesFile reports whether a directive argument is a path to a file
// (not a variable, data: or engine: value).
func NamesFile(a string) bool {
	return a != "" && !strings.Contains(a, "$") && !strings.HasPrefix(a, "data:") && !strings.HasPrefix(a, "engine:")
}

// Exists reports whether p exists; err is set when that cannot be told.
func Exists(p string) (bool, error) {
	_, err := os.Stat(p)
	if err == nil {
		return true, nil
	}
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	return true, err
}

// NotAFile says why an existing path cannot be the file nginx wants
// ("" when it is a regular file, or cannot be looked at). certset would
// walk a directory, and nginx cannot load one.
func NotAFile(p string) string {
	st, err := os.Stat(p)
	switch {
	case err != nil:
		return ""
	case st.IsDir():
		return "is a directory, not a file"
	case !st.Mode().IsRegular():
		return "is not a regular file"
	}
	return ""
}

// ReadPasswords reads an ssl_password_file as nginx does: one passphrase
// per line.
func ReadPasswords(p string) []string {
	// Only a regular file, and only its first 64 KiB: a FIFO or device
	// named here must not hang or flood the run.
	if st, err := os.Stat(p); err != nil || !st.Mode().IsRegular() {
		return nil
	}
	f, err := safefile.Open(p)
	if err != nil {
		return nil
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(io.LimitReader(safefile.Reader(f), 64<<10))
	for n := 0; sc.Scan() && n < 1000; n++ {
		out = append(out, strings.TrimRight(sc.Text(), "\r"))
	}
	return out
}

// LoadCerts reads the certificates in the file p (nil when it cannot be read).
func LoadCerts(p string, opts certset.Options) []*x509.Certificate {
	set, err := certset.Load([]string{p}, opts)
	if err != nil {
		return nil
	}
	var out []*x509.Certificate
	for _, c := range set.Certs {
		out = append(out, c.X509)
	}
	return out
}

// CertsIn reads the certificates in the file a directive names: nil
// when it names no file, or not a regular file, or one that cannot be read.
func (x *Site) CertsIn(d *nginxconf.Directive) []*x509.Certificate {
	if !NamesFile(d.Arg(0)) {
		return nil
	}
	p := x.Resolve(d.Arg(0))
	if st, err := os.Stat(p); err != nil || !st.Mode().IsRegular() {
		return nil
	}
	return LoadCerts(p, certset.Options{})
}

// SecLevel is the @SECLEVEL=N of the block's ssl_ciphers, else def.
func (s *Server) SecLevel(def int) int {
	if d := s.Last("ssl_ciphers"); d != nil {
		for _, part := range strings.FieldsFunc(d.Arg(0), func(r rune) bool { return r == ':' || r == ' ' || r == ',' }) {
			if v, ok := strings.CutPrefix(strings.ToUpper(part), "@SECLEVEL="); ok {
				if n, err := strconv.Atoi(v); err == nil && n >= 0 && n <= 5 {
					return n
				}
			}
		}
	}
	return def
}
