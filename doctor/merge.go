package doctor

import (
	"github.com/mtlsdoctor/mtlsdoctor/catalogue"
	"github.com/mtlsdoctor/mtlsdoctor/finding"
	"github.com/mtlsdoctor/mtlsdoctor/report"
)

// oneCausePerFinding merges findings that several sections make about the
// same cause into the one that names it, which then cites the others as
// evidence:
//   - the probe's client-cert-rejected, when the given certificate's
//     verdict in that block already says why nginx refuses it (the certs
//     finding that carries that verify code);
//   - the logs' verify-error group with the code the given certificate
//     gets in a block (the certs finding cites its count and times);
//   - the access log's 495s (a note when the error log explains them),
//     when those verify errors were all the given certificate's cause;
//   - the logs' verify-errors-hidden, when the configuration's own
//     verify-errors-hidden already names the error_log to change;
//   - the probe's server-hostname-mismatch for a name that is only in the
//     CN, when certs says the same server certificate has no
//     subjectAltName (one cause, which missing-san names).
func oneCausePerFinding(fs []report.Finding, verdicts map[string]string) []report.Finding {
	cause := map[string]int{} // block + openssl_error -> index of the certs finding
	noSAN := map[string]int{} // block + subject -> index of missing-san
	hiddenInConfig := false
	givenCause := map[string]int{} // openssl_error -> the certs finding on the given certificate
	for i, f := range fs {
		if f.ID == catalogue.MissingSAN {
			noSAN[f.Server+"\x00"+f.Subject] = i
		}
		if f.Section == finding.Certs && f.OpenSSLError != "" {
			cause[f.Server+"\x00"+f.OpenSSLError] = i
			if verdicts[f.Server] == "FAILED:"+f.OpenSSLError {
				givenCause[f.OpenSSLError] = i
			}
		}
		if f.Section == finding.Nginx && f.ID == catalogue.VerifyErrorsHidden {
			hiddenInConfig = true
		}
	}
	// When every refusal the error log explains is the given
	// certificate's one cause, the access log's 495s are those too.
	refusals, merged, target := 0, 0, -1
	for _, f := range fs {
		if f.ID == catalogue.VerifyError && f.Section == finding.Logs && !f.Resolved {
			refusals++
			if i, ok := givenCause[f.OpenSSLError]; ok && (target < 0 || target == i) {
				merged, target = merged+1, i
			}
		}
	}
	// Evidence goes into fs in place first; the merged findings are
	// dropped after, so no index into fs moves while it is used.
	drop := make([]bool, len(fs))
	for j, f := range fs {
		switch {
		case f.ID == catalogue.ClientCertRejected:
			v := verdicts[f.Server]
			if len(v) > len("FAILED:") {
				if i, ok := cause[f.Server+"\x00"+v[len("FAILED:"):]]; ok {
					fs[i].Explanation += " " + catalogue.Fill(catalogue.ProbeConfirmsWhy, catalogue.Vars{"title": f.Title})
					drop[j] = true
				}
			}
		case f.ID == catalogue.VerifyError && f.Section == finding.Logs && !f.Resolved:
			// The given certificate's cause, as nginx logged it: one
			// finding, with the log's counts as evidence.
			if i, ok := givenCause[f.OpenSSLError]; ok {
				logEvidence(&fs[i], f)
				drop[j] = true
			}
		case f.ID == catalogue.Status495 && f.Section == finding.Logs && !f.Resolved && f.Severity == report.Info &&
			refusals > 0 && merged == refusals:
			fs[target].Explanation += " " + catalogue.Fill(catalogue.AccessLogConfirmsWhy, catalogue.Vars{"times": catalogue.Times(f.Count)})
			drop[j] = true
		case f.ID == catalogue.VerifyErrorsHidden && f.Section == finding.Logs && hiddenInConfig:
			drop[j] = true // the configuration's finding says the same, with the line to change
		case f.ID == catalogue.ServerHostnameMismatch && f.Severity == report.Warning:
			if i, ok := noSAN[f.Server+"\x00"+f.Subject]; ok {
				fs[i].Explanation += " " + catalogue.Fill(catalogue.ProbeConfirmsWhy, catalogue.Vars{"title": f.Title})
				drop[j] = true
			}
		}
	}
	out := fs[:0]
	for j, f := range fs {
		if !drop[j] {
			out = append(out, f)
		}
	}
	return out
}

// logEvidence adds a log group's counts to the finding that names its
// cause.
func logEvidence(to *report.Finding, g report.Finding) {
	seen := "at " + g.FirstSeen
	if g.LastSeen != "" && g.LastSeen != g.FirstSeen {
		seen = "from " + g.FirstSeen + " to " + g.LastSeen
	}
	to.Explanation += " " + catalogue.Fill(catalogue.LogConfirmsWhy, catalogue.Vars{"times": catalogue.Times(g.Count), "seen": seen})
	to.Count, to.FirstSeen, to.LastSeen, to.Clients, to.Example = g.Count, g.FirstSeen, g.LastSeen, g.Clients, g.Example
}
