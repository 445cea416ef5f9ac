package catalogue

import "github.com/mtlsdoctor/mtlsdoctor/finding"

// This file holds the findings of `logs`: groups of nginx error and access log lines.

// Ids of `logs`. A group's priority is minus its count (the largest
// group first), set by the rule.
var (
	VerifyError         = id(finding.Logs, "verify-error", errs, 0)
	NoClientCert        = id(finding.Logs, "no-client-cert", warn, 0)
	PlainHTTP           = id(finding.Logs, "plain-http", warn, 0)
	HandshakeFailed     = id(finding.Logs, "handshake-failed", warn, 0, note)
	LogBadPassphrase    = id(finding.Logs, "bad-passphrase", errs, 0)
	KeyLoadFailed       = id(finding.Logs, "key-load-failed", errs, 0)
	LogKeyMismatch      = id(finding.Logs, "key-mismatch", errs, 0)
	CertLoadFailed      = id(finding.Logs, "cert-load-failed", errs, 0)
	StartupFailed       = id(finding.Logs, "startup-failed", errs, 0)
	StaleSSLError       = id(finding.Logs, "stale-ssl-error", note, 0)
	UpstreamVerifyError = id(finding.Logs, "upstream-verify-error", errs, 0)
	Status495           = id(finding.Logs, "status-495", errs, 0, note)
	Status496           = id(finding.Logs, "status-496", warn, 0, note)
	Status497           = id(finding.Logs, "status-497", warn, 0, note)
	VerifyErrorsHidden  = id(finding.Logs, "verify-errors-hidden", warn, 0)
	NotALog             = id(finding.Logs, "not-a-log", warn, 0)
)
