package doctor

import (
	"crypto/x509"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/catalogue"
	"github.com/mtlsdoctor/mtlsdoctor/finding"
	"github.com/mtlsdoctor/mtlsdoctor/probe"
	"github.com/mtlsdoctor/mtlsdoctor/report"
)

// fixedByProbe marks the log groups of refused client certificates whose
// cause the probe shows fixed without a reload: the given certificate,
// issued after the group's last event, is accepted by every block that
// was probed with it. Such a group is most likely that client before its
// certificate was reissued; a client still refused would have gone on
// logging after the reissue.
func fixedByProbe(fs []report.Finding, targets []report.ProbeTarget, id *identity) {
	if id == nil || len(id.cert.Certificate) == 0 || !acceptedEverywhere(targets) {
		return
	}
	leaf, err := x509.ParseCertificate(id.cert.Certificate[0])
	if err != nil {
		return
	}
	issued := leaf.NotBefore
	for i := range fs {
		f := &fs[i]
		if f.Section != finding.Logs || f.Resolved || (f.ID != catalogue.VerifyError && f.ID != catalogue.Status495) {
			continue
		}
		last, err := time.Parse(time.RFC3339, f.LastSeen)
		if err != nil || !last.Before(issued) {
			continue
		}
		f.Severity, f.Resolved = report.Info, true
		v := catalogue.Vars{"title": f.Title, "why": f.Explanation, "file": id.file, "issued": issued.Local().Format("2006-01-02 15:04:05")}
		f.Title = catalogue.Fill(catalogue.LogFixedByCertTitle, v)
		f.Explanation = catalogue.Fill(catalogue.LogFixedByCertWhy, v)
		f.Fix = catalogue.LogResolvedFix
	}
}

// acceptedEverywhere: at least one block was probed with the given
// certificate, and every one that was served the request.
func acceptedEverywhere(targets []report.ProbeTarget) bool {
	n := 0
	for _, t := range targets {
		if t.Result == nil || t.WithClientCert == nil {
			continue
		}
		if t.WithClientCert.Outcome != probe.Accepted {
			return false
		}
		n++
	}
	return n > 0
}

// withRealNames puts the probed address, its SNI name, the given client
// files and the blocks' client CA file into the generic commands of the log findings, when the
// probe reached one endpoint (with several, which one a log line is
// about is not known).
func withRealNames(fs []report.Finding, targets []report.ProbeTarget, servers []report.Server, id *identity) {
	var n catalogue.Names
	for i, s := range servers {
		if i > 0 && s.ClientCertificate != n.CAFile {
			n.CAFile = "" // blocks with different CA files: which one is not known
			break
		}
		n.CAFile = s.ClientCertificate
	}
	seen := map[string]bool{}
	for _, t := range targets {
		if t.Result == nil || t.Target == (probe.Target{}) {
			continue
		}
		n.Addr, n.SNI = t.Target.Addr(), t.ServerName
		seen[n.Addr+" "+n.SNI] = true
	}
	if len(seen) != 1 {
		n.Addr, n.SNI = "", ""
	}
	if id != nil && id.keyFile != "" {
		n.Cert, n.Key = id.file, id.keyFile
	}
	if n == (catalogue.Names{}) {
		return
	}
	for i := range fs {
		if fs[i].Section == finding.Logs {
			fs[i].Fix = n.Apply(fs[i].Fix)
		}
	}
}
