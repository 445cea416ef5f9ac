package checks

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/catalogue"
	"github.com/mtlsdoctor/mtlsdoctor/probe"
	"github.com/mtlsdoctor/mtlsdoctor/report"
)

// ProbeOptions are the settings of `mtlsdoctor probe` the findings quote.
type ProbeOptions struct {
	// CertFile is the client certificate given (--cert or --p12), "" for none.
	CertFile string
	// KeyFile is --key, if given.
	KeyFile string
	// CAFile is --ca: the trust for the server chain; "" means the system roots.
	CAFile string
	// ClientCAFile is the CA file the server judges client certificates
	// by, when known (doctor: the block's ssl_client_certificate); else
	// the fixes name CAFile.
	ClientCAFile string
	// ErrorLog is the server's error log, when known; else nginx's default.
	ErrorLog string
	// Timeout is the per-connection timeout used.
	Timeout time.Duration
}

// Probe turns probe results into one report: with one target its facts
// sit at the top level (report.Report.ProbeTarget), with several each
// target carries its own findings and summary (report.Report.Targets) and
// the top-level findings hold them all.
func Probe(results []probe.Result, o ProbeOptions) *report.Report {
	rep := &report.Report{Command: "probe"}
	var targets []report.ProbeTarget
	for i := range results {
		sub := &report.Report{Findings: ProbeFindings(&results[i], o)}
		sub.Finish()
		sum := sub.Summary
		targets = append(targets, report.ProbeTarget{Result: &results[i], Findings: sub.Findings, Summary: &sum})
		rep.Findings = append(rep.Findings, sub.Findings...)
	}
	what := "no client certificate"
	if o.CertFile != "" {
		what = "client certificate " + o.CertFile
	}
	trust := "system roots"
	if o.CAFile != "" {
		trust = o.CAFile
	}
	rep.Header = fmt.Sprintf("probe of %s (%s; server chain judged by %s)", report.Plural(len(results), "target"), what, trust)
	if len(targets) == 1 {
		t := targets[0]
		t.Summary = nil
		rep.ProbeTarget = &t
	} else {
		rep.Targets = targets
	}
	rep.AllClear = "nothing to fix."
	rep.Finish()
	return rep
}

// ProbeFindings diagnoses one probed endpoint.
func ProbeFindings(r *probe.Result, o ProbeOptions) []report.Finding {
	var out []report.Finding
	for _, rule := range probeRules {
		for _, f := range rule(r, o) {
			f.Target = r.Input
			out = append(out, f)
		}
	}
	return out
}

// probeVars are the values every probe text may quote (see the
// catalogue's probe texts).
func probeVars(r *probe.Result, o ProbeOptions) catalogue.Vars {
	addr := r.Input
	if r.Failure != probe.BadTarget {
		addr = r.Target.Addr()
	}
	v := catalogue.Vars{
		"addr": addr, "host": r.Target.Host, "port": strconv.Itoa(r.Target.Port), "sni": r.ServerName,
		"cert": probeDefault(o.CertFile, "client.crt"), "key": probeDefault(o.KeyFile, "client.key"), "ca": probeDefault(o.CAFile, "ca.crt"),
		"client_ca": probeDefault(o.ClientCAFile, probeDefault(o.CAFile, "ca.crt")), "error_log": probeDefault(o.ErrorLog, "/var/log/nginx/error.log"),
		"client_ca_file": probeDefault(o.ClientCAFile, "/etc/nginx/client-ca.pem"),
	}
	v["sclient"] = catalogue.Fill(catalogue.ProbeSClient, v)
	return v
}

func probeDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// plusVars returns v plus the pairs given (name, value, name, value...).
func plusVars(v catalogue.Vars, kv ...string) catalogue.Vars {
	out := make(catalogue.Vars, len(v)+len(kv)/2)
	for k, x := range v {
		out[k] = x
	}
	for i := 0; i+1 < len(kv); i += 2 {
		out[kv[i]] = kv[i+1]
	}
	return out
}

// single is a rule's single finding.
func single(f report.Finding) []report.Finding { return []report.Finding{f} }

// entryFor is the catalogue's first entry for what a client or server
// printed, if it has one.
func entryFor(printed string) (catalogue.Entry, bool) {
	if _, es := catalogue.Lookup(printed); len(es) > 0 {
		return es[0], true
	}
	return catalogue.Entry{}, false
}

// withClientWords completes f with the catalogue's entry for what a client
// prints (clientErr) when it is about the same finding: its confirming
// command, and for a certificate named only in its Common Name, why Go
// refuses it.
func withClientWords(f report.Finding, clientErr string) report.Finding {
	_, es := catalogue.Lookup(clientErr)
	for _, e := range es {
		if e.ID != f.ID || e.Kind != "client" {
			continue
		}
		if strings.Contains(clientErr, "legacy Common Name") {
			f.Explanation += " " + e.Explanation
		}
		if e.Confirm != "" && !strings.Contains(f.Fix, e.Confirm) {
			f.Fix = catalogue.WithConfirm(f.Fix, e.Confirm)
		}
		break
	}
	return f
}
