package report

import (
	"strings"
	"testing"

	"github.com/mtlsdoctor/mtlsdoctor/catalogue"
)

func TestFirstStep(t *testing.T) {
	for _, tc := range []struct{ fix, want string }{
		{"one line", "one line"},
		{"Reissue it:\n  openssl x509 -req ...\n  openssl verify ...\nthen reload:\n  nginx -s reload", "Reissue it:\n  openssl x509 -req ...\n  openssl verify ..."},
		{"Check the clocks.\nThen reissue.", "Check the clocks."},
	} {
		if got := FirstStep(tc.fix); got != tc.want {
			t.Errorf("FirstStep(%q) = %q, want %q", tc.fix, got, tc.want)
		}
	}
}

// TestWriteEvent: a followed event fits the width, and the command of
// its first step is whole on a line of its own.
func TestWriteEvent(t *testing.T) {
	f := catalogue.VerifyError.New("client SSL certificate verify error (68:CA signature digest algorithm too weak)",
		"The CA signed a certificate in the chain with SHA-1. OpenSSL 3 refuses it at level 2.",
		"Re-sign the certificate with SHA-256 (the key can stay):\n  openssl x509 -req -sha256 -days 825 -in client.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out client.crt\nthen send it to the client.")
	var b strings.Builder
	if err := WriteEvent(&b, "2026-11-22 17:44:18 ", f, " (client 127.0.0.1)", TextOptions{Width: 80}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	cmd := "  openssl x509 -req -sha256 -days 825 -in client.csr -CA ca.crt -CAkey ca.key -CAcreateserial -out client.crt"
	if !strings.Contains(out, "\n         "+cmd+"\n") {
		t.Errorf("the command is not whole on its own line:\n%s", out)
	}
	if strings.Contains(out, "then send it") || strings.Contains(out, "refuses it") {
		t.Errorf("more than the first step and the first sentence:\n%s", out)
	}
	for _, line := range strings.Split(strings.TrimRight(out, "\n"), "\n") {
		if len(line) > 80 && !strings.Contains(line, cmd) {
			t.Errorf("line over 80 columns: %q", line)
		}
	}
	if !strings.HasPrefix(out, "2026-11-22 17:44:18 ERROR [verify-error] client SSL certificate verify error") {
		t.Errorf("first line: %q", strings.SplitN(out, "\n", 2)[0])
	}
}
