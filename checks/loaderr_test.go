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
