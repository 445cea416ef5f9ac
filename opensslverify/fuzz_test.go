package opensslverify_test

import (
	"testing"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/certset"
	"github.com/mtlsdoctor/mtlsdoctor/opensslverify"
)

// FuzzVerify: whatever certificate the lenient reader lets through, the
// model's own DER readers (extension decoding as OpenSSL caches it, keys
// on other curves, signature algorithms, name constraints) never panic.
func FuzzVerify(f *testing.F) {
	_, der := loadLimbo(f)
	for i := 0; i < len(der); i += 500 {
		f.Add(der[i])
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		x, _, err := certset.ParseCertificate(b)
		if err != nil {
			return
		}
		c := opensslverify.Info(x)
		for _, code := range c.StrictFailures(c.SelfSigned()) {
			if code < 80 || code > 93 {
				t.Fatalf("strict failure %d is not one of the strict checks (80 to 93)", code)
			}
		}
		opensslverify.Verify(c, []*opensslverify.Cert{c}, opensslverify.NewStore([]*opensslverify.Cert{c}),
			opensslverify.Params{AuthLevel: 2, Depth: 2, Time: time.Unix(1700000000, 0), Purpose: opensslverify.PurposeSSLClient})
	})
}
