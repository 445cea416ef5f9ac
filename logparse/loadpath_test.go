package logparse

import (
	"bytes"
	"testing"
)

func TestLoadPath(t *testing.T) {
	for msg, want := range map[string]string{
		`cannot load certificate "/etc/a.pem": BIO_new_file() failed (SSL: ...)`:                  "/etc/a.pem",
		`cannot load certificate key "/etc/a.key": PEM_read_bio_PrivateKey() failed`:              "/etc/a.key",
		`SSL_CTX_use_PrivateKey_file("/etc/nginx/tls/key.pem") failed (SSL: ...)`:                 "/etc/nginx/tls/key.pem",
		`PEM_read_bio_DHparams("/etc/ssl/private/dh.pem") failed (SSL: ...)`:                      "/etc/ssl/private/dh.pem",
		`SSL_CTX_load_verify_locations("/etc/ca.pem") failed (SSL: ...)`:                          "/etc/ca.pem",
		`no ssl_client_certificate for ssl_verify_client`:                                         "",
		`"ssl_stapling" ignored, issuer certificate not found for certificate "/etc/nginx/a.crt"`: "",
		`SSL_do_handshake() failed (SSL: error:0A000418:SSL routines::tlsv1 alert unknown ca)`:    "",
		`cannot load certificate "/etc/unterminated`:                                              "",
	} {
		if got := string(loadPath([]byte(msg))); got != want {
			t.Errorf("loadPath(%q) = %q, want %q", msg, got, want)
		}
	}
}

func FuzzLoadPath(f *testing.F) {
	f.Add([]byte(`cannot load certificate key "/etc/a.key": PEM_read_bio_PrivateKey() failed`))
	f.Add([]byte(`x PEM_read_bio_X509_AUX("/etc/nginx/ssl/") failed`))
	f.Add([]byte(`("("(""`))
	f.Fuzz(func(t *testing.T, msg []byte) {
		p := loadPath(msg)
		if p == nil {
			return
		}
		if len(p) == 0 || len(p) > maxLoadPath || bytes.IndexByte(p, '"') >= 0 || !bytes.Contains(msg, p) {
			t.Fatalf("loadPath(%q) = %q", msg, p)
		}
	})
}
