package doctor

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/catalogue"
	"github.com/mtlsdoctor/mtlsdoctor/checks"
	"github.com/mtlsdoctor/mtlsdoctor/finding"
	"github.com/mtlsdoctor/mtlsdoctor/nginxconf"
	"github.com/mtlsdoctor/mtlsdoctor/report"
	"github.com/mtlsdoctor/mtlsdoctor/site"
)

// Options are the settings of one doctor run.
type Options struct {
	// Conf is NGINX_CONF: the main file, "-" for `nginx -T` output on
	// Stdin, or "" to ask nginx -T (else read DefaultConf).
	Conf  string
	Stdin io.Reader
	// At is the instant certificates are judged at (zero: now).
	At time.Time
	// SecLevel is the OpenSSL security level when ssl_ciphers has none.
	SecLevel int
	// Passphrases are tried on encrypted keys after ssl_password_file,
	// and on the client key.
	Passphrases []string
	// Probe connects to the local mTLS addresses, presenting the client
	// certificate in Cert and Key, or in P12, when given.
	Probe          bool
	Cert, Key, P12 string
	Timeout        time.Duration
	// Logs reads the error and access logs, for events after Since.
	Logs  bool
	Since time.Time
}

// Run diagnoses the configuration: one report with every finding, most
// important first. The error is a configuration (or client certificate)
// that could not be read at all.
func Run(ctx context.Context, o Options) (*report.Report, error) {
	var conf *nginxconf.Config
	var source string
	var notes []report.Finding
	var err error
	if o.Conf != "" {
		conf, err = loadGiven(o.Conf, o.Stdin)
		if err != nil {
			return nil, err
		}
		source = "given on the command line"
		if o.Conf == "-" {
			source = "nginx -T output on standard input"
		}
	} else {
		conf, source, notes, err = findConf(ctx)
		if err != nil {
			return nil, err
		}
	}
	// The client identity for the probe (a bad one is a bad flag).
	var id *identity
	if o.P12 != "" || o.Cert != "" {
		id, err = loadIdentity(o.Cert, o.Key, o.P12, o.Passphrases)
		if err != nil {
			return nil, fmt.Errorf("loading the client certificate: %v", err)
		}
	}
	return run(ctx, conf, source, notes, id, o), nil
}

// notChecked reports whether the finding says that something doctor
// should have looked at could not be: a log or a file it could not read,
// nginx -T that did not run, a listen address it did not probe.
func notChecked(f report.Finding) bool {
	switch f.ID {
	case catalogue.LogNotRead, catalogue.NginxTFailed, catalogue.Unreadable:
		return f.Severity == report.Warning
	case catalogue.NotProbed:
		return true
	}
	return false
}

// verdicts maps each mTLS block (its label) to the verdict predicted for
// the given client certificate there.
func verdicts(servers []report.Server) map[string]string {
	out := map[string]string{}
	for _, s := range servers {
		if s.ClientCertVerdict != "" {
			out[s.Server] = s.ClientCertVerdict
		}
	}
	return out
}

// run checks everything in conf and merges the findings into one report.
func run(ctx context.Context, conf *nginxconf.Config, source string, notes []report.Finding, id *identity, o Options) *report.Report {
	x := site.New(conf)
	nopts := checks.NginxOptions{SecLevel: o.SecLevel, At: o.At, Passphrases: o.Passphrases}
	if id != nil {
		// The given certificate is judged first, in every mTLS block, as
		// that block's nginx would; the probe then confirms it.
		nopts.Client = &checks.ClientCert{Files: id.files(), Leaf: id.cert.Certificate[0]}
	}
	nrep := checks.NginxSite(x, nopts)
	rep := &report.Report{Command: "doctor", Servers: nrep.Servers, ShowSections: true}
	rep.Findings = append(rep.Findings, notes...)
	rep.Findings = append(rep.Findings, nrep.Findings...)
	header := []string{"nginx: " + nrep.Header + " (" + source + ")"}

	mtls := x.MTLS()
	// The logs are read before the probe, so that they show what real
	// clients met, not the probe's own connections (whose requests,
	// from earlier runs too, are left out by their path).
	logLine := "skipped (--no-logs)"
	if o.Logs {
		var findings []report.Finding
		findings, logLine = readLogs(ctx, x, mtls, o.Since, lastReload(x))
		rep.Findings = append(rep.Findings, findings...)
	}
	switch {
	case o.Probe && ctx.Err() != nil:
		header = append(header, "probe: skipped (interrupted)")
	case o.Probe:
		findings, targets, line := probeAll(ctx, x, mtls, id, o, verdicts(nrep.Servers))
		rep.Findings = append(rep.Findings, findings...)
		rep.ProbeTargets = targets
		fixedByProbe(rep.Findings, targets, id)
		header = append(header, "probe: "+line)
	default:
		header = append(header, "probe: skipped (--no-probe)")
	}
	header = append(header, "logs: "+logLine)
	withRealNames(rep.Findings, rep.ProbeTargets, rep.Servers, id)
	rep.Findings = oneCausePerFinding(rep.Findings, verdicts(nrep.Servers))

	for i := range rep.Findings {
		f := &rep.Findings[i]
		f.Priority = rank(*f) + min(max(f.Priority, 0), 99)
		if notChecked(*f) {
			rep.Incomplete = append(rep.Incomplete, f.Title)
		}
	}
	rep.Header = strings.Join(header, "\n")
	switch {
	case ctx.Err() != nil:
		rep.Incomplete = append(rep.Incomplete, catalogue.Fill(catalogue.Interrupted, catalogue.Vars{"what": "the logs and the probe"}))
		rep.AllClear = catalogue.InterruptedAllClear
	case len(rep.Servers) == 0:
		rep.AllClear = catalogue.NoMTLSServer
	case id == nil && o.Probe:
		rep.AllClear = catalogue.DoctorAllClearTryCert
	default:
		rep.AllClear = catalogue.DoctorAllClear
	}
	rep.Finish()
	return rep
}

// Ranks of the sections: within a severity, what stops nginx from
// starting comes first, then the other nginx findings, the files
// (certs), the probe and the logs. A finding's own priority orders it
// within its section.
const (
	rankStartup = iota * 100
	rankNginx
	rankCerts
	rankProbe
	rankLogs
)

func rank(f report.Finding) int {
	switch f.Section {
	case finding.Nginx:
		if f.ID.Spec().Startup {
			return rankStartup
		}
		return rankNginx
	case finding.Certs:
		return rankCerts
	case finding.Probe, finding.Doctor:
		return rankProbe
	}
	return rankLogs
}
