package catalogue

import "github.com/mtlsdoctor/mtlsdoctor/finding"

// This file holds the ids only `explain` gives.

// Ids only `explain` gives: what a TLS alert or a bare 400 means, and a
// line a program prints on every connection or at start-up (not a
// failure).
const (
	TLSAlert    finding.ID = "explain/tls-alert"
	Status400   finding.ID = "explain/status-400"
	RoutineLine finding.ID = "explain/routine-line"
	// OpenSSLCommand is the openssl command line tool refusing its own
	// arguments (an option it does not know, or after an operand).
	OpenSSLCommand finding.ID = "explain/openssl-command"
)

var explainIDs = []finding.Spec{
	{ID: TLSAlert, Severity: errs},
	{ID: Status400, Severity: errs},
	{ID: RoutineLine, Severity: note},
	{ID: OpenSSLCommand, Severity: errs},
}

func init() { finding.Register(explainIDs...) }
