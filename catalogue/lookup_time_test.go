package catalogue

import "testing"

// TestTimeOfDayIsNoVerifyCode: a line that starts with a time of day
// ("23:10:54.808 ...") is not the "N:text" form of a verify code.
func TestTimeOfDayIsNoVerifyCode(t *testing.T) {
	codes, _ := Lookup("23:10:54.808 [pulsar-client-io-1-1] WARN Got exception javax.net.ssl.SSLException: error:1000045c:SSL routines:OPENSSL_internal:TLSV1_ALERT_CERTIFICATE_REQUIRED")
	if len(codes) != 0 {
		t.Errorf("codes %v, want none", codes)
	}
	if codes, _ := Lookup("23:certificate revoked"); len(codes) != 1 || codes[0].Code != 23 {
		t.Errorf("23:certificate revoked gives %v, want code 23", codes)
	}
}
