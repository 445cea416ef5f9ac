package catalogue

import "github.com/mtlsdoctor/mtlsdoctor/finding"

// This file holds the ids only `explain` gives.

// Ids only `explain` gives: what a TLS alert or a bare 400 means, and a
// line a program prints on every connection or at start-up (not a
// failure).
var (
	TLSAlert    = id(finding.Explain, "tls-alert", errs, 0)
	Status400   = id(finding.Explain, "status-400", errs, 0)
	RoutineLine = id(finding.Explain, "routine-line", note, 0)
	// OpenSSLCommand is the openssl command line tool refusing its own
	// arguments (an option it does not know, or after an operand).
	OpenSSLCommand = id(finding.Explain, "openssl-command", errs, 0)
)
