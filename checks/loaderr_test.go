package checks

import (
	"strings"
	"testing"
)

// TestLoadCauseWithoutFile: a pasted load error whose file was cut or left
// out still gets its cause, with a stand-in in the commands and no file;
// a line of another program that names an OpenSSL load call is not taken
// for nginx's.
func TestLoadCauseWithoutFile(t *testing.T) {
	for line, want := range map[string]string{
		`nginx: [emerg] cannot load certificate (removed): BIO_new_file() failed (SSL: error:8000000D:system library::Permission denied:calling fopen(/removed, r))`: "permission",
		`[emerg] 1#1: cannot load certificate key ...: BIO_new_file() failed (SSL: error:80000002:system library::No such file or directory)`:                        "missing",
	} {
		cause, path, ok := loadCause(line)
		if !ok || cause != want || path != unnamedFile {
			t.Errorf("%s: %q %q %v, want %s with the stand-in", line, cause, path, ok, want)
		}
		f, ok := loadFinding(line)
		if !ok || f.File != "" || !strings.Contains(f.Fix, unnamedFile) {
			t.Errorf("%s: finding %+v", line, f)
		}
	}
	if _, _, ok := loadCause(`Error: SSL_CTX_use_certificate failed (Permission denied)`); ok {
		t.Error("another program's line taken for nginx's load error")
	}
}

// TestLoadCauseIgnoresSharedLibraryNoise: OpenSSL's stale error about a
// shared library it could not open names "No such file or directory",
// which is not the certificate file's cause.
func TestLoadCauseIgnoresSharedLibraryNoise(t *testing.T) {
	line := `nginx: [emerg] PEM_read_bio_X509_AUX("/nonexistent-dir/site.crt") failed (SSL: error:25066067:DSO support routines:DLFCN_LOAD:could not load the shared library:filename(libz.so): libz.so: cannot open shared object file: No such file or directory error:25070067:DSO support routines:DSO_load:could not load the shared library error:0906D06C:PEM routines:PEM_read_bio:no start line:Expecting: TRUSTED CERTIFICATE)`
	if cause, _, ok := loadCause(line); !ok || cause == "missing" {
		t.Errorf("cause %q %v, want the PEM error, not a missing file", cause, ok)
	}
}

// TestLoadMissingDHParamsFile: nginx says only BIO_new_file("...") for a
// missing ssl_dhparam file; its name tells the directive.
func TestLoadMissingDHParamsFile(t *testing.T) {
	line := `nginx: [emerg] BIO_new_file("/nonexistent-dir/dhparam.pem") failed (SSL: error:02001002:system library:fopen:No such file or directory:fopen('/nonexistent-dir/dhparam.pem','r') error:2006D080:BIO routines:BIO_new_file:no such file)`
	f, ok := loadFinding(line)
	if !ok || !strings.Contains(f.Title, "ssl_dhparam") || strings.Contains(f.Title, "ssl_certificate") {
		t.Errorf("%s: %v %q", line, ok, f.Title)
	}
	// The file is made, not issued.
	if !strings.Contains(f.Fix, "openssl dhparam -out /nonexistent-dir/dhparam.pem") || strings.Contains(f.Explanation+f.Fix, "certbot") {
		t.Errorf("%s: the fix does not make the parameters file:\n%s\n%s", line, f.Explanation, f.Fix)
	}
}

// TestOtherLoadOddInput: another program's load line cut short, with an
// empty or odd file name, or bytes that are no text gives a finding with
// words or none, never a panic.
func TestOtherLoadOddInput(t *testing.T) {
	for _, line := range []string{
		"open : no such file or directory", "curl: (58) could not load PEM client certificate from , OpenSSL error",
		"curl: (58) unable to set private key file: '' type PEM", "Error: ENOENT: no such file or directory, open ''",
		"open \x00\xff.crt: permission denied", "Error: EACCES: permission denied, open '/'",
	} {
		rep := Explain(line)
		for _, f := range rep.Findings {
			if f.Title == "" || f.Explanation == "" {
				t.Errorf("%q: a finding without words: %+v", line, f)
			}
		}
	}
}

// TestCurlKeyFileInFix: curl's key load error whose cause does not show
// (the file is not on this machine) names the line's file in its
// commands, unless the name cannot stand in a command as it is.
func TestCurlKeyFileInFix(t *testing.T) {
	f := Explain("curl: (58) unable to set private key file: 'merchant-test.pem' type PEM").Findings
	if len(f) == 0 || !strings.Contains(f[0].Fix, "openssl pkey -in merchant-test.pem") || strings.Contains(f[0].Fix, "client.key") {
		t.Errorf("the fix does not name the line's key file: %v", f)
	}
	f = Explain("curl: (58) unable to set private key file: 'pkcs11:object=test;pin-value=secret' type PEM").Findings
	if len(f) == 0 || strings.Contains(f[0].Fix, "pin-value") {
		t.Errorf("a pkcs11: URI (with its PIN) put into a command: %v", f)
	}
}
