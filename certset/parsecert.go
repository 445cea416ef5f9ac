package certset

import "crypto/x509"

// ParseCertificate reads one DER certificate the way mtlsdoctor reads the
// certificates in files: note says what could not be decoded (a curve Go
// lacks, an extension only OpenSSL reads); err is set only when the
// certificate cannot be read at all.
func ParseCertificate(der []byte) (x *x509.Certificate, note string, err error) {
	return parseCertificate(der)
}

// ParseCRL reads one DER CRL the way mtlsdoctor reads CRL files.
func ParseCRL(der []byte) (*x509.RevocationList, error) {
	return x509.ParseRevocationList(der)
}
