package catalogue

import "github.com/mtlsdoctor/mtlsdoctor/finding"

// This file holds the findings of `nginx`: the mTLS directives of a configuration.

// Ids of `nginx`. Those made with startupID stop nginx from starting.
var (
	VerifyClientWithoutCA    = startupID("verify-client-without-ca")
	MissingFile              = startupID("missing-file")
	PasswordFileMissing      = startupID("password-file-missing")
	OptionalNotChecked       = id(finding.Nginx, "optional-not-checked", errs, 0)
	VerifyDepthTooSmall      = id(finding.Nginx, "verify-depth-too-small", errs, 0)
	VerifyResultNotForwarded = id(finding.Nginx, "verify-result-not-forwarded", warn, 0, note)
	LegacyProtocols          = id(finding.Nginx, "legacy-protocols", warn, 0, note)
)
