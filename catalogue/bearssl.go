package catalogue

import (
	"strconv"
	"strings"

	"github.com/mtlsdoctor/mtlsdoctor/internal/lazyre"
)

// bearsslErrors are BearSSL's error codes (br_ssl_engine_last_error), as
// inc/bearssl_ssl.h and inc/bearssl_x509.h define them (BearSSL 0.6;
// Tasmota's WiFiClientSecureLightBearSSL.h lists the same), each with the
// OpenSSL wording of the same failure, or "" when OpenSSL has none and an
// entry below tells it by its macro name. A slice, not a map: plain data,
// built by nothing at start-up.
var bearsslErrors = []bearsslError{
	{0, "BR_ERR_OK", ""},
	{1, "BR_ERR_BAD_PARAM", ""},
	{2, "BR_ERR_BAD_STATE", ""},
	{3, "BR_ERR_UNSUPPORTED_VERSION", "unsupported protocol"},
	{4, "BR_ERR_BAD_VERSION", "wrong version number"},
	{5, "BR_ERR_BAD_LENGTH", "record layer failure"},
	{6, "BR_ERR_TOO_LARGE", ""},
	{7, "BR_ERR_BAD_MAC", "decryption failed or bad record mac"},
	{8, "BR_ERR_NO_RANDOM", ""},
	{9, "BR_ERR_UNKNOWN_TYPE", "wrong version number"},
	{10, "BR_ERR_UNEXPECTED", "unexpected message"},
	{12, "BR_ERR_BAD_CCS", "unexpected message"},
	{13, "BR_ERR_BAD_ALERT", "unexpected message"},
	{14, "BR_ERR_BAD_HANDSHAKE", "unexpected message"},
	{15, "BR_ERR_OVERSIZED_ID", "unexpected message"},
	{16, "BR_ERR_BAD_CIPHER_SUITE", "wrong cipher returned"},
	{17, "BR_ERR_BAD_COMPRESSION", "unexpected message"},
	{18, "BR_ERR_BAD_FRAGLEN", ""},
	{19, "BR_ERR_BAD_SECRENEG", "unexpected message"},
	{20, "BR_ERR_EXTRA_EXTENSION", "unexpected message"},
	{21, "BR_ERR_BAD_SNI", "unexpected message"},
	{22, "BR_ERR_BAD_HELLO_DONE", "unexpected message"},
	{23, "BR_ERR_LIMIT_EXCEEDED", ""},
	{24, "BR_ERR_BAD_FINISHED", "digest check failed"},
	{25, "BR_ERR_RESUME_MISMATCH", "unexpected message"},
	{26, "BR_ERR_INVALID_ALGORITHM", "wrong signature type"},
	{27, "BR_ERR_BAD_SIGNATURE", "bad signature"},
	{28, "BR_ERR_WRONG_KEY_USAGE", "unsuitable certificate purpose"},
	{29, "BR_ERR_NO_CLIENT_AUTH", "peer did not return a certificate"},
	{31, "BR_ERR_IO", ""},
	{32, "BR_ERR_X509_OK", ""},
	{33, "BR_ERR_X509_INVALID_VALUE", ""},
	{34, "BR_ERR_X509_TRUNCATED", ""},
	{35, "BR_ERR_X509_EMPTY_CHAIN", ""},
	{36, "BR_ERR_X509_INNER_TRUNC", ""},
	{37, "BR_ERR_X509_BAD_TAG_CLASS", ""},
	{38, "BR_ERR_X509_BAD_TAG_VALUE", ""},
	{39, "BR_ERR_X509_INDEFINITE_LENGTH", ""},
	{40, "BR_ERR_X509_EXTRA_ELEMENT", ""},
	{41, "BR_ERR_X509_UNEXPECTED", ""},
	{42, "BR_ERR_X509_NOT_CONSTRUCTED", ""},
	{43, "BR_ERR_X509_NOT_PRIMITIVE", ""},
	{44, "BR_ERR_X509_PARTIAL_BYTE", ""},
	{45, "BR_ERR_X509_BAD_BOOLEAN", ""},
	{46, "BR_ERR_X509_OVERFLOW", ""},
	{47, "BR_ERR_X509_BAD_DN", ""},
	{48, "BR_ERR_X509_BAD_TIME", ""},
	{49, "BR_ERR_X509_UNSUPPORTED", ""},
	{50, "BR_ERR_X509_LIMIT_EXCEEDED", ""},
	{51, "BR_ERR_X509_WRONG_KEY_TYPE", "wrong certificate type"},
	{52, "BR_ERR_X509_BAD_SIGNATURE", "certificate signature failure"},
	{53, "BR_ERR_X509_TIME_UNKNOWN", ""},
	{54, "BR_ERR_X509_EXPIRED", "certificate has expired"},
	{55, "BR_ERR_X509_DN_MISMATCH", ""},
	{56, "BR_ERR_X509_BAD_SERVER_NAME", "hostname mismatch"},
	{57, "BR_ERR_X509_CRITICAL_EXTENSION", "unhandled critical extension"},
	{58, "BR_ERR_X509_NOT_CA", "invalid CA certificate"},
	{59, "BR_ERR_X509_FORBIDDEN_KEY_USAGE", "unsuitable certificate purpose"},
	{60, "BR_ERR_X509_WEAK_PUBLIC_KEY", "EE certificate key too weak"},
	{62, "BR_ERR_X509_NOT_TRUSTED", "unable to get local issuer certificate"},
	// Tasmota's own, for what fails before BearSSL starts.
	{-1000, "ERR_OOM", ""},
	{-1001, "ERR_CANT_RESOLVE_IP", ""},
	{-1002, "ERR_TCP_CONNECT", ""},
	{-1003, "ERR_MISSING_EC_KEY", ""},
	{-1004, "ERR_MISSING_CA", ""},
}

// bearsslError is one of BearSSL's codes.
type bearsslError struct {
	code           int
	macro, openssl string
}

// bearsslByCode is the table's row for code n.
func bearsslByCode(n int) (bearsslError, bool) {
	for _, e := range bearsslErrors {
		if e.code == n {
			return e, true
		}
	}
	return bearsslError{}, false
}

// bearsslDecodeFirst and bearsslDecodeLast bound the codes of a
// certificate BearSSL could not decode (BR_ERR_X509_INVALID_VALUE to
// BR_ERR_X509_LIMIT_EXCEEDED).
const bearsslDecodeFirst, bearsslDecodeLast = 33, 50

// reBearSSLCode finds the BearSSL code of Tasmota's MQTT log ("MQT: TLS
// connection error: 55") and of the Arduino cores' getLastSSLError()
// printouts ("SSL error: -1 ... (BearSSL error 62)").
var reBearSSLCode = lazyre.New(`(?i)(?:mqt: tls connection error:? |bearssl error:? (?:code )?|getlastsslerror(?:\(\))?\s*[=:]\s*)(-?[0-9]{1,4})\b`)

// reBearSSLMacro finds a BearSSL error named by its macro alone, as people
// paste it from the header or a sketch's printout ("BR_ERR_X509_EXPIRED").
var reBearSSLMacro = lazyre.New(`(?i)\bbr_err_[a-z0-9_]+\b`)

// bearsslCode is the code line s gives: a number after the words that
// print one, or else the code of the macro it names.
func bearsslCode(s string) (string, bool) {
	if m := reBearSSLCode.FindStringSubmatch(s); m != nil {
		return m[1], true
	}
	if e, ok := bearsslByMacro(reBearSSLMacro.FindString(s)); ok {
		return itoa(e.code), true
	}
	return "", false
}

// bearsslByMacro is the table's row for macro name m (any case).
func bearsslByMacro(m string) (bearsslError, bool) {
	for _, e := range bearsslErrors {
		if strings.EqualFold(e.macro, m) {
			return e, true
		}
	}
	return bearsslError{}, false
}

// BearSSLText is what a line (as pasted) that gives a BearSSL error code
// says in words the catalogue answers: the OpenSSL wording of the same
// failure, the alert received or sent, or BearSSL's macro name; words is
// the code and macro for the note. ok is false when the line gives none.
func BearSSLText(s string) (text, words string, ok bool) {
	code, ok := bearsslCode(s)
	if !ok {
		return "", "", false
	}
	n, err := strconv.Atoi(code)
	if err != nil {
		return "", "", false
	}
	words = "error " + code
	switch {
	case n >= 256 && n < 512:
		if a, ok := alertByNumber(n - 256); ok {
			return "received alert " + a.name, words + ", BR_ERR_RECV_FATAL_ALERT + " + itoa(n-256), true
		}
	case n >= 512 && n < 768:
		if a, ok := alertByNumber(n - 512); ok {
			return "sent alert " + a.name + " (" + a.name + ")", words + ", BR_ERR_SEND_FATAL_ALERT + " + itoa(n-512), true
		}
	}
	e, found := bearsslByCode(n)
	if !found {
		return "", "", false
	}
	words += ", " + e.macro
	if e.openssl != "" {
		return e.openssl, words, true
	}
	switch {
	case n >= bearsslDecodeFirst && n <= bearsslDecodeLast || n == 35:
		return "br_err_x509_decode", words, true
	case n < 0:
		return "tasmota " + strings.ToLower(e.macro), words, true
	}
	return strings.ToLower(e.macro), words, true
}

// BearSSLNote follows the explanation of a line told by its BearSSL code
// ({words}).
const BearSSLNote = "The line gives BearSSL's error code ({words}), told here in the terms of the same failure in OpenSSL where there is one. BearSSL runs in devices that are TLS clients (Tasmota, the ESP8266 and ESP32 Arduino cores' WiFiClientSecure), so the certificate it judged is the server's (the broker's); BearSSL checks only against the trust anchors compiled or loaded into the device, and needs the time (NTP) to check dates."
