package catalogue

import "strings"

// mbedtlsVerifyInfo are the words mbedtls_x509_crt_verify_info prints for
// each flag of a failed certificate check (ESP-IDF's esp-tls logs them as
// "verification info:   ! The certificate validity has expired"), as
// include/mbedtls/x509_crt.h's MBEDTLS_X509_CRT_ERROR_INFO_LIST gives them
// (https://github.com/Mbed-TLS/mbedtls, commit 0333486837; unchanged since
// Mbed TLS 2.x, where library/x509_crt.c held the list), each with the
// OpenSSL wording of the same failure ("" for a flag that is no failure of
// the certificate: verification skipped, a callback's own reason, a
// signature algorithm OpenSSL has no result for).
var mbedtlsVerifyInfo = []struct{ flag, words, openssl, more string }{
	{"MBEDTLS_X509_BADCERT_EXPIRED", "The certificate validity has expired", "certificate has expired", ""},
	{"MBEDTLS_X509_BADCERT_REVOKED", "The certificate has been revoked (is on a CRL)", "certificate revoked", ""},
	{"MBEDTLS_X509_BADCERT_CN_MISMATCH", "The certificate Common Name (CN) does not match with the expected CN", "hostname mismatch", ""},
	{"MBEDTLS_X509_BADCERT_NOT_TRUSTED", "The certificate is not correctly signed by the trusted CA", "unable to get local issuer certificate", ""},
	{"MBEDTLS_X509_BADCRL_NOT_TRUSTED", "The CRL is not correctly signed by the trusted CA", "CRL signature failure", ""},
	{"MBEDTLS_X509_BADCRL_EXPIRED", "The CRL is expired", "CRL has expired", ""},
	{"MBEDTLS_X509_BADCERT_MISSING", "Certificate was missing", "peer did not return a certificate", ""},
	{"MBEDTLS_X509_BADCERT_SKIP_VERIFY", "Certificate verification was skipped", "", ""},
	{"MBEDTLS_X509_BADCERT_OTHER", "Other reason (can be used by verify callback)", "", ""},
	{"MBEDTLS_X509_BADCERT_FUTURE", "The certificate validity starts in the future", "certificate is not yet valid", ""},
	{"MBEDTLS_X509_BADCRL_FUTURE", "The CRL is from the future", "CRL is not yet valid", ""},
	{"MBEDTLS_X509_BADCERT_KEY_USAGE", "Usage does not match the keyUsage extension", "unsuitable certificate purpose", ""},
	{"MBEDTLS_X509_BADCERT_EXT_KEY_USAGE", "Usage does not match the extendedKeyUsage extension", "unsuitable certificate purpose", ""},
	{"MBEDTLS_X509_BADCERT_NS_CERT_TYPE", "Usage does not match the nsCertType extension", "unsuitable certificate purpose", ""},
	{"MBEDTLS_X509_BADCERT_BAD_MD", "The certificate is signed with an unacceptable hash.", "CA signature digest algorithm too weak", ""},
	{"MBEDTLS_X509_BADCERT_BAD_PK", "The certificate is signed with an unacceptable PK alg (eg RSA vs ECDSA).", "", ""},
	{"MBEDTLS_X509_BADCERT_BAD_KEY", "The certificate is signed with an unacceptable key (eg bad curve, RSA too short).", "EE certificate key too weak",
		"Mbed TLS sets this flag for a key its profile refuses anywhere in the chain: the certificate's own, or that of a CA that signed it, the trusted root included (a 1024-bit RSA root, as some public test brokers still serve, fails so, and only a new CA, or a device profile that allows it with mbedtls_ssl_conf_cert_profile, helps): each certificate's text shows its key's size as Public-Key."},
	{"MBEDTLS_X509_BADCRL_BAD_MD", "The CRL is signed with an unacceptable hash.", "", ""},
	{"MBEDTLS_X509_BADCRL_BAD_PK", "The CRL is signed with an unacceptable PK alg (eg RSA vs ECDSA).", "", ""},
	{"MBEDTLS_X509_BADCRL_BAD_KEY", "The CRL is signed with an unacceptable key (eg bad curve, RSA too short).", "", ""},
}

// MbedTLSVerifyInfo is the OpenSSL wording of the first failure a line
// (lower-case) names in the words of mbedtls_x509_crt_verify_info, those
// words, and what more they need said ("" for most); ok is false when it
// names none that has an OpenSSL wording.
func MbedTLSVerifyInfo(lower string) (openssl, words, more string, ok bool) {
	for _, v := range mbedtlsVerifyInfo {
		w := strings.ToLower(strings.TrimSuffix(v.words, "."))
		if v.openssl != "" && strings.Contains(lower, w) {
			return v.openssl, v.words, v.more, true
		}
	}
	return "", "", "", false
}

// MbedTLSVerifyNote follows the explanation of a line told by its Mbed
// TLS words ({words}).
const MbedTLSVerifyNote = "The line gives Mbed TLS's words for the failure (\"{words}\", mbedtls_x509_crt_verify_info), told here as the same failure in OpenSSL's terms; the certificate it judged is the peer's, usually the server's, as devices (ESP-IDF's esp-tls, the ESP32 Arduino core) are clients."
