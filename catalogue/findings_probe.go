package catalogue

import "github.com/mtlsdoctor/mtlsdoctor/finding"

// This file holds the findings of `probe`: what a live handshake with a server shows.

// Ids of `probe`.
var (
	ConnectFailed          = id(finding.Probe, "connect-failed", errs, 0)
	Timeout                = id(finding.Probe, "timeout", errs, 0)
	NotTLS                 = id(finding.Probe, "not-tls", errs, 0)
	ProbeHandshakeFailed   = id(finding.Probe, "handshake-failed", errs, 0)
	ClientCertRejected     = id(finding.Probe, "client-cert-rejected", errs, 1)
	ServerCertExpired      = id(finding.Probe, "server-cert-expired", errs, 2)
	ServerHostnameMismatch = id(finding.Probe, "server-hostname-mismatch", errs, 3)
	ServerCertUntrusted    = id(finding.Probe, "server-cert-untrusted", warn, 3, errs)
	MTLSNotEnforced        = id(finding.Probe, "mtls-not-enforced", warn, 0)
	MTLSOptional           = id(finding.Probe, "mtls-optional", warn, 1)
	IssuerNotAcceptable    = id(finding.Probe, "issuer-not-acceptable", warn, 2)
	LegacyTLS              = id(finding.Probe, "legacy-tls", warn, 4)
	ClientCertRequired     = id(finding.Probe, "client-cert-required", note, 1)
	ClientCertAccepted     = id(finding.Probe, "client-cert-accepted", note, 0)
	NoTLS13                = id(finding.Probe, "no-tls13", note, 2)
)
