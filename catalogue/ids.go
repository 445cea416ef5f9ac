package catalogue

import "github.com/mtlsdoctor/mtlsdoctor/finding"

// Every finding id mtlsdoctor reports is registered here, once, with its
// section, usual severity and priority; the words of each live beside the
// rules' texts in this package. The README's id tables are checked
// against this registry.

func id(section finding.Section, name string, sev finding.Severity, priority int, others ...finding.Severity) finding.ID {
	return finding.Register(finding.Spec{Name: name, Section: section, Severity: sev, Priority: priority, Others: others})
}

func startupID(name string) finding.ID {
	return finding.Register(finding.Spec{Name: name, Section: finding.Nginx, Severity: finding.Error, Startup: true})
}

const (
	e = finding.Error
	w = finding.Warning
	i = finding.Info
)

// Ids of `certs`: the priority orders findings of one severity, what makes
// nginx reject clients first, hygiene last.
var (
	Untrusted         = id(finding.Certs, "untrusted", e, 1)
	SelfIssuedLeaf    = id(finding.Certs, "self-issued-leaf", e, 2, w)
	BadSignature      = id(finding.Certs, "bad-signature", e, 3)
	WeakSignature     = id(finding.Certs, "weak-signature", e, 4)
	WeakKey           = id(finding.Certs, "weak-key", e, 5)
	NotACA            = id(finding.Certs, "not-a-ca", e, 6)
	WrongPurpose      = id(finding.Certs, "wrong-purpose", e, 7)
	ChainTooDeep      = id(finding.Certs, "chain-too-deep", e, 8)
	Expired           = id(finding.Certs, "expired", e, 9)
	NotYetValid       = id(finding.Certs, "not-yet-valid", e, 10)
	NameConstraints   = id(finding.Certs, "name-constraints", e, 10)
	Revoked           = id(finding.Certs, "revoked", e, 11)
	CRLProblem        = id(finding.Certs, "crl-problem", e, 12)
	CriticalExtension = id(finding.Certs, "critical-extension", e, 13)
	KeyMismatch       = id(finding.Certs, "key-mismatch", e, 14)
	BadPassphrase     = id(finding.Certs, "bad-passphrase", e, 15)
	KeyLocked         = id(finding.Certs, "key-locked", w, 16)
	MissingSAN        = id(finding.Certs, "missing-san", w, 17)
	HostnameMismatch  = id(finding.Certs, "hostname-mismatch", e, 18)
	DuplicateSerial   = id(finding.Certs, "duplicate-serial", e, 19)
	ExpiresSoon       = id(finding.Certs, "expires-soon", w, 20)
	TrustedFormat     = id(finding.Certs, "trusted-format", w, 21)
	Unreadable        = id(finding.Certs, "unreadable", w, 21, e)
	KeyPermissions    = id(finding.Certs, "key-permissions", w, 22, i)
	KeyUnencrypted    = id(finding.Certs, "key-unencrypted", w, 23)
	OrphanKey         = id(finding.Certs, "orphan-key", i, 24)
	NeedsPEM          = id(finding.Certs, "needs-pem", i, 25)
)

// Ids of `nginx`. Those made with startupID stop nginx from starting.
var (
	VerifyClientWithoutCA    = startupID("verify-client-without-ca")
	MissingFile              = startupID("missing-file")
	PasswordFileMissing      = startupID("password-file-missing")
	OptionalNotChecked       = id(finding.Nginx, "optional-not-checked", e, 0)
	VerifyDepthTooSmall      = id(finding.Nginx, "verify-depth-too-small", e, 0)
	VerifyResultNotForwarded = id(finding.Nginx, "verify-result-not-forwarded", w, 0, i)
	LegacyProtocols          = id(finding.Nginx, "legacy-protocols", w, 0, i)
)

// Ids of `probe`.
var (
	ConnectFailed          = id(finding.Probe, "connect-failed", e, 0)
	Timeout                = id(finding.Probe, "timeout", e, 0)
	NotTLS                 = id(finding.Probe, "not-tls", e, 0)
	ProbeHandshakeFailed   = id(finding.Probe, "handshake-failed", e, 0)
	ClientCertRejected     = id(finding.Probe, "client-cert-rejected", e, 1)
	ServerCertExpired      = id(finding.Probe, "server-cert-expired", e, 2)
	ServerHostnameMismatch = id(finding.Probe, "server-hostname-mismatch", e, 3)
	ServerCertUntrusted    = id(finding.Probe, "server-cert-untrusted", w, 3, e)
	MTLSNotEnforced        = id(finding.Probe, "mtls-not-enforced", w, 0)
	MTLSOptional           = id(finding.Probe, "mtls-optional", w, 1)
	IssuerNotAcceptable    = id(finding.Probe, "issuer-not-acceptable", w, 2)
	LegacyTLS              = id(finding.Probe, "legacy-tls", w, 4)
	ClientCertRequired     = id(finding.Probe, "client-cert-required", i, 1)
	ClientCertAccepted     = id(finding.Probe, "client-cert-accepted", i, 0)
	NoTLS13                = id(finding.Probe, "no-tls13", i, 2)
)

// Ids of `logs`. A group's priority is minus its count (the largest
// group first), set by the rule.
var (
	VerifyError         = id(finding.Logs, "verify-error", e, 0)
	NoClientCert        = id(finding.Logs, "no-client-cert", w, 0)
	PlainHTTP           = id(finding.Logs, "plain-http", w, 0)
	HandshakeFailed     = id(finding.Logs, "handshake-failed", w, 0, i)
	LogBadPassphrase    = id(finding.Logs, "bad-passphrase", e, 0)
	KeyLoadFailed       = id(finding.Logs, "key-load-failed", e, 0)
	LogKeyMismatch      = id(finding.Logs, "key-mismatch", e, 0)
	CertLoadFailed      = id(finding.Logs, "cert-load-failed", e, 0)
	StartupFailed       = id(finding.Logs, "startup-failed", e, 0)
	StaleSSLError       = id(finding.Logs, "stale-ssl-error", i, 0)
	UpstreamVerifyError = id(finding.Logs, "upstream-verify-error", e, 0)
	Status495           = id(finding.Logs, "status-495", e, 0, i)
	Status496           = id(finding.Logs, "status-496", w, 0, i)
	Status497           = id(finding.Logs, "status-497", w, 0, i)
	VerifyErrorsHidden  = id(finding.Logs, "verify-errors-hidden", w, 0)
	NotALog             = id(finding.Logs, "not-a-log", w, 0)
)

// Ids only `doctor` gives.
var (
	NginxTFailed = finding.Register(finding.Spec{Name: "nginx-t-failed", Section: finding.Doctor, Severity: e, Others: []finding.Severity{i}, Startup: true})
	NotProbed    = id(finding.Doctor, "not-probed", i, 0)
	LogNotRead   = id(finding.Doctor, "log-not-read", i, 0)
)

// Ids only `explain` gives: what a TLS alert or a bare 400 means.
var (
	TLSAlert  = id(finding.Explain, "tls-alert", e, 0)
	Status400 = id(finding.Explain, "status-400", e, 0)
)
