package checks

import (
	"fmt"

	"github.com/mtlsdoctor/mtlsdoctor/catalogue"
	"github.com/mtlsdoctor/mtlsdoctor/report"
)

// Explain answers `mtlsdoctor explain` for one pasted input: a finding for
// each verify code and catalogue entry it matches, in the catalogue's words.
func Explain(input string) *report.Report {
	codes, entries := catalogue.Lookup(input)
	rep := &report.Report{Command: "explain"}
	for i, v := range codes {
		sev := report.Error
		if v.Code == 0 {
			sev = report.Info
		}
		why := v.Meaning
		if v.Causes != "" {
			why += "\n" + v.Causes
		}
		fix := catalogue.WithConfirm(v.Fix, v.Confirm)
		rep.Findings = append(rep.Findings, report.Finding{
			ID: catalogue.VerifyError, Severity: sev, Priority: i,
			Title:       fmt.Sprintf("OpenSSL verify error %d: %s", v.Code, v.Text),
			Explanation: why, Fix: fix, Code: v.Code, OpenSSLError: v.OpenSSLError(),
		})
	}
	for i, en := range entries {
		fix := catalogue.WithConfirm(en.FixFor(""), en.Confirm)
		rep.Findings = append(rep.Findings, report.Finding{
			ID: en.ID, Severity: report.Error, Priority: len(codes) + i,
			Title: en.Title, Explanation: en.Explanation, Fix: fix,
		})
	}
	rep.Finish()
	if len(rep.Findings) > 0 {
		// explain is about one line: the first step of its first fix.
		rep.Next = report.FirstStep(rep.Findings[0].Fix)
	}
	return rep
}
