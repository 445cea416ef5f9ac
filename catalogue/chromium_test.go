package catalogue

import (
	"strings"
	"testing"
)

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

// TestChromiumTable: every net error has a distinct number and name and
// says what it means; a name, Chrome's words or a number find it, and an
// alert's name is left to the alert's story.
func TestChromiumTable(t *testing.T) {
	nums, names := map[int]bool{}, map[string]bool{}
	for _, e := range chromiumNetErrors {
		if nums[e.num] || names[e.name] || e.meaning == "" || e.num >= 0 {
			t.Errorf("net error %d %s: duplicate, positive or without meaning", e.num, e.name)
		}
		nums[e.num], names[e.name] = true, true
	}
	for in, want := range map[string]string{
		"net::err_cert_invalid at https://a/":                     "cert_invalid",
		"err_ssl_client_auth_cert_no_private_key":                 "ssl_client_auth_cert_no_private_key",
		"server has a weak, ephemeral diffie-hellman public key":  "ssl_weak_server_ephemeral_dh_key",
		"err_ssl_unrecognized_name_alert":                         "",
		"err_ssl_wrong_version_number (node's name for a reason)": "",
	} {
		e, ok := findChromium(in)
		if ok != (want != "") || e.name != want {
			t.Errorf("findChromium(%q) = %q %v, want %q", in, e.name, ok, want)
		}
	}
	if _, es := Lookup("handshake failed; returned -1, SSL error code 1, net_error -211"); len(es) == 0 || es[0].ID != ChromiumErr || !strings.Contains(es[0].Title, "ERR_CERT_WEAK_KEY") {
		t.Errorf("net_error -211: %v", es)
	}
}
