package catalogue

import "github.com/mtlsdoctor/mtlsdoctor/finding"

// This file holds the findings of `certs`: a certificate, key or CRL file and the verdict nginx reaches with it.

// Ids of `certs`: the priority orders findings of one severity, what makes
// nginx reject clients first, hygiene last.
var (
	Untrusted         = id(finding.Certs, "untrusted", errs, 1)
	SelfIssuedLeaf    = id(finding.Certs, "self-issued-leaf", errs, 2, warn)
	BadSignature      = id(finding.Certs, "bad-signature", errs, 3)
	WeakSignature     = id(finding.Certs, "weak-signature", errs, 4)
	WeakKey           = id(finding.Certs, "weak-key", errs, 5)
	NotACA            = id(finding.Certs, "not-a-ca", errs, 6)
	WrongPurpose      = id(finding.Certs, "wrong-purpose", errs, 7)
	ChainTooDeep      = id(finding.Certs, "chain-too-deep", errs, 8)
	Expired           = id(finding.Certs, "expired", errs, 9)
	NotYetValid       = id(finding.Certs, "not-yet-valid", errs, 10)
	NameConstraints   = id(finding.Certs, "name-constraints", errs, 10)
	Revoked           = id(finding.Certs, "revoked", errs, 11)
	CRLProblem        = id(finding.Certs, "crl-problem", errs, 12)
	CriticalExtension = id(finding.Certs, "critical-extension", errs, 13)
	KeyMismatch       = id(finding.Certs, "key-mismatch", errs, 14)
	BadPassphrase     = id(finding.Certs, "bad-passphrase", errs, 15)
	KeyLocked         = id(finding.Certs, "key-locked", warn, 16)
	MissingSAN        = id(finding.Certs, "missing-san", warn, 17)
	HostnameMismatch  = id(finding.Certs, "hostname-mismatch", errs, 18)
	DuplicateSerial   = id(finding.Certs, "duplicate-serial", errs, 19)
	ExpiresSoon       = id(finding.Certs, "expires-soon", warn, 20)
	TrustedFormat     = id(finding.Certs, "trusted-format", warn, 21)
	Unreadable        = id(finding.Certs, "unreadable", warn, 21, errs)
	KeyPermissions    = id(finding.Certs, "key-permissions", warn, 22, note)
	KeyUnencrypted    = id(finding.Certs, "key-unencrypted", warn, 23)
	OrphanKey         = id(finding.Certs, "orphan-key", note, 24)
	NeedsPEM          = id(finding.Certs, "needs-pem", note, 25)
)
