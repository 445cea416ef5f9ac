package catalogue

import "github.com/mtlsdoctor/mtlsdoctor/finding"

// Every finding id mtlsdoctor reports is registered once, in the
// findings_*.go file of its section, with its usual severity and priority
// and beside the texts of the rules that report it. The README's id
// tables are checked against the registry.

func id(section finding.Section, name string, sev finding.Severity, priority int, others ...finding.Severity) finding.ID {
	return finding.Register(finding.Spec{Name: name, Section: section, Severity: sev, Priority: priority, Others: others})
}

func startupID(name string) finding.ID {
	return finding.Register(finding.Spec{Name: name, Section: finding.Nginx, Severity: finding.Error, Startup: true})
}

const (
	errs = finding.Error
	warn = finding.Warning
	note = finding.Info
)
