package catalogue

import (
	"bytes"
	"os"
	"os/exec"
	"testing"
)

// checkGenerated fails when file is not what `go run ./scripts/NAME`
// makes of the extracts in data.
func checkGenerated(t *testing.T, name, file, data string) {
	t.Helper()
	cmd := exec.Command("go", "run", "./scripts/"+name)
	cmd.Dir = ".."
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	want, err := cmd.Output()
	if err != nil {
		t.Fatalf("go run ./scripts/%s: %v\n%s", name, err, stderr.String())
	}
	got, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("catalogue/%s is not what scripts/%s makes of %s; run:\n  go run ./scripts/%s > catalogue/%s", file, name, data, name, file)
	}
}

// TestGeneratedTablesUpToDate: each generated table is what its script
// makes of the committed extracts.
func TestGeneratedTablesUpToDate(t *testing.T) {
	for _, g := range []struct{ name, file, data string }{
		{"genreasons", "reasons_gen.go", "testdata/openssl-reasons"},
		{"gengnutls", "gnutls_gen.go", "testdata/gnutls-errors"},
		{"genmbedtls", "mbedtls_gen.go", "testdata/mbedtls-errors"},
		{"gennss", "nss_gen.go", "testdata/nss-errors"},
		{"genwinerr", "winerr_gen.go", "testdata/windows-errors"},
		{"genboringssl", "boringssl_gen.go", "testdata/boringssl-errors"},
		{"genwolfssl", "wolfssl_gen.go", "testdata/wolfssl-errors"},
		{"genrustls", "rustls_gen.go", "testdata/rustls-errors"},
		{"genapple", "apple_gen.go", "testdata/apple-errors"},
	} {
		t.Run(g.name, func(t *testing.T) { checkGenerated(t, g.name, g.file, g.data) })
	}
}
