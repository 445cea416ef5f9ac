/* The error codes of BearSSL, as its headers define them: the #define
 * lines of inc/bearssl_ssl.h and inc/bearssl_x509.h, copied unchanged
 * from https://github.com/earlephilhower/bearssl-esp8266 (the BearSSL
 * of the ESP8266 Arduino core; the codes are upstream BearSSL 0.6's),
 * bearssl_ssl.h at commit 042986b989521f0ae1e2fe3819c72f2fabcb70a6 and
 * bearssl_x509.h at commit 05520e8eae3d8c6039e8bcde58741cf4ffb18f1d. */

/* inc/bearssl_ssl.h */
#define BR_ERR_OK                      0
#define BR_ERR_BAD_PARAM               1
#define BR_ERR_BAD_STATE               2
#define BR_ERR_UNSUPPORTED_VERSION     3
#define BR_ERR_BAD_VERSION             4
#define BR_ERR_BAD_LENGTH              5
#define BR_ERR_TOO_LARGE               6
#define BR_ERR_BAD_MAC                 7
#define BR_ERR_NO_RANDOM               8
#define BR_ERR_UNKNOWN_TYPE            9
#define BR_ERR_UNEXPECTED             10
#define BR_ERR_BAD_CCS                12
#define BR_ERR_BAD_ALERT              13
#define BR_ERR_BAD_HANDSHAKE          14
#define BR_ERR_OVERSIZED_ID           15
#define BR_ERR_BAD_CIPHER_SUITE       16
#define BR_ERR_BAD_COMPRESSION        17
#define BR_ERR_BAD_FRAGLEN            18
#define BR_ERR_BAD_SECRENEG           19
#define BR_ERR_EXTRA_EXTENSION        20
#define BR_ERR_BAD_SNI                21
#define BR_ERR_BAD_HELLO_DONE         22
#define BR_ERR_LIMIT_EXCEEDED         23
#define BR_ERR_BAD_FINISHED           24
#define BR_ERR_RESUME_MISMATCH        25
#define BR_ERR_INVALID_ALGORITHM      26
#define BR_ERR_BAD_SIGNATURE          27
#define BR_ERR_WRONG_KEY_USAGE        28
#define BR_ERR_NO_CLIENT_AUTH         29
#define BR_ERR_IO                     31
#define BR_ERR_RECV_FATAL_ALERT      256
#define BR_ERR_SEND_FATAL_ALERT      512

/* inc/bearssl_x509.h */
#define BR_ERR_X509_OK                    32
#define BR_ERR_X509_INVALID_VALUE         33
#define BR_ERR_X509_TRUNCATED             34
#define BR_ERR_X509_EMPTY_CHAIN           35
#define BR_ERR_X509_INNER_TRUNC           36
#define BR_ERR_X509_BAD_TAG_CLASS         37
#define BR_ERR_X509_BAD_TAG_VALUE         38
#define BR_ERR_X509_INDEFINITE_LENGTH     39
#define BR_ERR_X509_EXTRA_ELEMENT         40
#define BR_ERR_X509_UNEXPECTED            41
#define BR_ERR_X509_NOT_CONSTRUCTED       42
#define BR_ERR_X509_NOT_PRIMITIVE         43
#define BR_ERR_X509_PARTIAL_BYTE          44
#define BR_ERR_X509_BAD_BOOLEAN           45
#define BR_ERR_X509_OVERFLOW              46
#define BR_ERR_X509_BAD_DN                47
#define BR_ERR_X509_BAD_TIME              48
#define BR_ERR_X509_UNSUPPORTED           49
#define BR_ERR_X509_LIMIT_EXCEEDED        50
#define BR_ERR_X509_WRONG_KEY_TYPE        51
#define BR_ERR_X509_BAD_SIGNATURE         52
#define BR_ERR_X509_TIME_UNKNOWN          53
#define BR_ERR_X509_EXPIRED               54
#define BR_ERR_X509_DN_MISMATCH           55
#define BR_ERR_X509_BAD_SERVER_NAME       56
#define BR_ERR_X509_CRITICAL_EXTENSION    57
#define BR_ERR_X509_NOT_CA                58
#define BR_ERR_X509_FORBIDDEN_KEY_USAGE   59
#define BR_ERR_X509_WEAK_PUBLIC_KEY       60
#define BR_ERR_X509_NOT_TRUSTED           62
