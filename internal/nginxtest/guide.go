package nginxtest

import (
	"path/filepath"
	"testing"
)

// The commands of the common mTLS guides, run as they print them: a CA
// made with `req -x509`, and certificates signed with a bare
// `x509 -req -set_serial N` (X.509 v1, no extensions at all).

// GuideCA makes dir/ca.key and dir/ca.crt with subject subj.
func GuideCA(t testing.TB, dir, subj string) {
	t.Helper()
	OpenSSL(t, "genrsa", "-out", filepath.Join(dir, "ca.key"), "2048")
	OpenSSL(t, "req", "-new", "-x509", "-days", "365", "-key", filepath.Join(dir, "ca.key"), "-out", filepath.Join(dir, "ca.crt"), "-subj", subj)
}

// GuideCert makes dir/NAME.key, NAME.csr and NAME.crt with subject subj
// and serial, signed by GuideCA's CA in dir.
func GuideCert(t testing.TB, dir, name, subj, serial string) {
	t.Helper()
	in := func(f string) string { return filepath.Join(dir, f) }
	OpenSSL(t, "genrsa", "-out", in(name+".key"), "2048")
	OpenSSL(t, "req", "-new", "-key", in(name+".key"), "-out", in(name+".csr"), "-subj", subj)
	OpenSSL(t, "x509", "-req", "-days", "365", "-in", in(name+".csr"), "-CA", in("ca.crt"), "-CAkey", in("ca.key"),
		"-set_serial", serial, "-out", in(name+".crt"))
}
