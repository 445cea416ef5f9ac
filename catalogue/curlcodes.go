package catalogue

import (
	"strconv"
	"strings"

	"github.com/mtlsdoctor/mtlsdoctor/internal/lazyre"
)

// curlCodes are libcurl's TLS error codes, with their CURLE_ names and the
// text curl_easy_strerror gives (libcurl 7.88.1), which the catalogue's
// libcurl entries match.
var curlCodes = map[int]struct{ name, text string }{
	35: {"CURLE_SSL_CONNECT_ERROR", "SSL connect error"},
	58: {"CURLE_SSL_CERTPROBLEM", "Problem with the local SSL certificate"},
	59: {"CURLE_SSL_CIPHER", "Couldn't use specified SSL cipher"},
	60: {"CURLE_PEER_FAILED_VERIFICATION", "SSL peer certificate or SSH remote key was not OK"},
	77: {"CURLE_SSL_CACERT_BADFILE", "Problem with the SSL CA cert (path? access rights?)"},
	82: {"CURLE_SSL_CRL_BADFILE", "Failed to load CRL file (path? access rights?, format?)"},
	83: {"CURLE_SSL_ISSUER_ERROR", "Issuer check against peer certificate failed"},
	90: {"CURLE_SSL_PINNEDPUBKEYNOTMATCH", "SSL public key does not match pinned public key"},
	91: {"CURLE_SSL_INVALIDCERTSTATUS", "SSL server certificate status verification FAILED"},
	98: {"CURLE_SSL_CLIENTCERT", "SSL Client Certificate required"},
}

// A bare libcurl code: "curl: (60)", "cURL error 60", "Curl error (60)",
// libcurl's "for error code: 60", "CURLcode 35", a PHP client's "[curl] (#60)".
var reCurlCode = lazyre.New(`(?i)(?:\bcurl(?:code)?(?: error)?(?: code)?:? \(?|\[curl\] \(#|\[curl/|libcurl-errors\.html for error code: )(\d{1,2})\b`)

// CurlCodeText is libcurl's own text for the TLS error code or CURLE_ name
// that s gives without one, so that the libcurl entries can answer it.
func CurlCodeText(s string) (string, bool) {
	for _, c := range curlCodes {
		if strings.Contains(s, c.name) {
			return c.text, true
		}
	}
	for _, m := range reCurlCode.FindAllStringSubmatch(s, 4) {
		n, _ := strconv.Atoi(m[1])
		if c, ok := curlCodes[n]; ok {
			return c.text, true
		}
	}
	return "", false
}
