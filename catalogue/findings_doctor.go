package catalogue

import "github.com/mtlsdoctor/mtlsdoctor/finding"

// This file holds the findings only `doctor` makes: about how it read the configuration, what it could not probe or read.

// Ids only `doctor` gives.
var (
	NginxTFailed = finding.Register(finding.Spec{Name: "nginx-t-failed", Section: finding.Doctor, Severity: errs, Others: []finding.Severity{note}, Startup: true})
	NotProbed    = id(finding.Doctor, "not-probed", note, 0)
	LogNotRead   = id(finding.Doctor, "log-not-read", note, 0)
)
