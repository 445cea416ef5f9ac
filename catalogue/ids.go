package catalogue

import "github.com/mtlsdoctor/mtlsdoctor/finding"

// Every finding id mtlsdoctor reports is a constant declared once, in the
// findings_*.go file of its section beside the texts of the rules that
// report it, and registered there with its usual severity and priority.
// Being constants, ids leave the entry tables that name them static data
// (see package finding). The README's id tables are checked against the
// registry, and every id constant against the registry (registry_test.go).

const (
	errs = finding.Error
	warn = finding.Warning
	note = finding.Info
)

// libError is the spec of a library's generic error id (windows-error,
// nss-error, ...): a warning, unless its story says error or note.
func libError(id finding.ID) finding.Spec {
	return finding.Spec{ID: id, Severity: warn, Others: []finding.Severity{errs, note}}
}
