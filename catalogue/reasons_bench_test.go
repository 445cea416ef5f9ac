package catalogue

import (
	"strings"
	"testing"
)

// BenchmarkLookupManyErrors: a pasted blob of many OpenSSL errors costs a
// bounded number of reason look-ups.
func BenchmarkLookupManyErrors(b *testing.B) {
	in := strings.Repeat("error:14094418:SSL routines:ssl3_read_bytes:no such reason here ", 1000)
	for i := 0; i < b.N; i++ {
		Lookup(in)
	}
}
