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
	// Timeout bounds each target as a whole.
	Timeout time.Duration
	// Software is the server software when the caller knows it (doctor:
	// "nginx"); the probe's own evidence (server_software) comes first.
	Software string
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
		if results[i].Failure == probe.Interrupted {
			rep.Incomplete = append(rep.Incomplete, catalogue.Fill(catalogue.Interrupted, catalogue.Vars{"what": "the probe of " + results[i].Input}))
		}
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
	if len(rep.Incomplete) > 0 {
		rep.AllClear = catalogue.InterruptedAllClear
	}
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
// catalogue's probe texts), with the words of the server software.
func probeVars(r *probe.Result, o ProbeOptions) catalogue.Vars {
	addr := r.Input
	if r.Failure != probe.BadTarget {
		addr = r.Target.Addr()
	}
	sw := probeSoftware(r, o)
	clientCAFile := probeDefault(o.ClientCAFile, probeDefaultClientCA[sw])
	v := catalogue.Vars{
		"addr": addr, "host": r.Target.Host, "port": strconv.Itoa(r.Target.Port), "sni": r.ServerName, "path": probePath(r),
		"cert": probeDefault(o.CertFile, "client.crt"), "key": probeDefault(o.KeyFile, "client.key"), "ca": o.CAFile,
		"client_ca": probeDefault(o.ClientCAFile, probeDefault(o.CAFile, clientCAFile)), "error_log": probeDefault(o.ErrorLog, "/var/log/nginx/error.log"),
		"client_ca_file": clientCAFile,
	}
	if o.ClientCAFile != "" {
		v["client_ca_paren"] = " (" + o.ClientCAFile + ")"
	} else {
		v["client_ca_paren"] = ""
	}
	if r.SNI {
		v["servername"] = "-servername " + r.ServerName + " "
		v["sni_words"] = " (" + r.ServerName + ")"
	} else {
		v["servername"] = ""
		v["sni_words"] = " (none is sent to an address)"
	}
	v = catalogue.ProbeSoftwareVars(sw, v)
	v["server_cap"] = capitalize(v["server"])
	v["sclient"] = catalogue.Fill(catalogue.ProbeSClient, v)
	return v
}

// probeDefaultClientCA is where each software's client CA file usually is,
// for fixes when the file is not known.
var probeDefaultClientCA = map[string]string{
	probe.Nginx: "/etc/nginx/client-ca.pem", probe.Apache: "/etc/apache2/client-ca.pem",
	probe.HAProxy: "/etc/haproxy/client-ca.pem", probe.GoHTTP: "client-ca.pem", probe.OpenSSL: "client-ca.pem", probe.Unknown: "client-ca.pem",
}

// probeSoftware is the software that answered: the probe's evidence,
// else what the caller knows, else unknown.
func probeSoftware(r *probe.Result, o ProbeOptions) string {
	if r.ServerSoftware != "" && r.ServerSoftware != probe.Unknown {
		return r.ServerSoftware
	}
	if o.Software != "" {
		return o.Software
	}
	return probe.Unknown
}

// capitalize starts a sentence with "the server" ("nginx" stays as it is).
func capitalize(s string) string {
	if rest, ok := strings.CutPrefix(s, "the "); ok {
		return "The " + rest
	}
	return s
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

// withClientWords completes f with why a client refuses a server
// certificate named only in its Common Name, in the catalogue's words
// (its fix already shows the certificate with the real target).
func withClientWords(f report.Finding, clientErr string) report.Finding {
	if !strings.Contains(clientErr, "legacy Common Name") {
		return f
	}
	_, es := catalogue.Lookup(clientErr)
	for _, e := range es {
		if e.ID == f.ID && e.Kind == "client" {
			f.Explanation += " " + e.Explanation
			break
		}
	}
	return f
}
