package catalogue

import "testing"

// TestWithNetErrorName: a Chromium net error number gains its name; other
// numbers, a missing or malformed number and a name already there leave
// the line alone.
func TestWithNetErrorName(t *testing.T) {
	for in, want := range map[string]string{
		"handshake failed; returned -1, ssl error code 1, net_error -202": "handshake failed; returned -1, ssl error code 1, net_error -202 (err_cert_authority_invalid)",
		"net_error -213": "net_error -213 (err_cert_validity_too_long)",
		"net_error -100": "net_error -100",
		"net_error -":    "net_error -",
		"net_error x":    "net_error x",
		"net_error ":     "net_error ",
		"net_error -202 err_cert_authority_invalid": "net_error -202 err_cert_authority_invalid",
		"no number here": "no number here",
		"net_error -99999999999999999999999999999999999": "net_error -99999999999999999999999999999999999",
	} {
		if got := withNetErrorName(in); got != want {
			t.Errorf("withNetErrorName(%q) = %q, want %q", in, got, want)
		}
	}
}
