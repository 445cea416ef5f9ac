package catalogue

import "testing"

// TestCurlCodeText: bare libcurl codes and CURLE_ names read as libcurl's
// text for them, and that text has an entry; other numbers do not.
func TestCurlCodeText(t *testing.T) {
	for _, s := range []string{"curl: (60)", "cURL error 60", "Curl error (60)", "CURLE_PEER_FAILED_VERIFICATION",
		"Please refer to https://curl.se/libcurl/c/libcurl-errors.html for error code: 60"} {
		text, ok := CurlCodeText(s)
		if !ok || text != curlCodes[60].text {
			t.Errorf("%q: %q %v", s, text, ok)
		}
	}
	for _, s := range []string{"curl: (7) Failed to connect", "error code: 60", "CURLE_OK", "curl 8.5.0"} {
		if text, ok := CurlCodeText(s); ok {
			t.Errorf("%q read as %q", s, text)
		}
	}
	for code, c := range curlCodes {
		if _, entries := Lookup(c.text); len(entries) == 0 {
			t.Errorf("libcurl %d (%s) %q has no entry", code, c.name, c.text)
		}
	}
}
