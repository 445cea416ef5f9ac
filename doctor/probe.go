package doctor

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"strings"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/catalogue"
	"github.com/mtlsdoctor/mtlsdoctor/certset"
	"github.com/mtlsdoctor/mtlsdoctor/checks"
	"github.com/mtlsdoctor/mtlsdoctor/finding"
	"github.com/mtlsdoctor/mtlsdoctor/nginxconf"
	"github.com/mtlsdoctor/mtlsdoctor/probe"
	"github.com/mtlsdoctor/mtlsdoctor/report"
	"github.com/mtlsdoctor/mtlsdoctor/site"
)

// ProbePath is the path of doctor's probe requests, so that reading the
// logs can leave them out.
const ProbePath = "/?mtlsdoctor-probe"

// identity is the client certificate doctor presents (--cert/--key or --p12).
type identity struct {
	cert          *tls.Certificate
	file, keyFile string
}

func loadIdentity(certFile, keyFile, p12 string, passphrases []string) (*identity, error) {
	file, key := certFile, keyFile
	if p12 != "" {
		file, key = p12, ""
	}
	cert, err := certset.LoadKeyPair(file, key, certset.Options{Passphrases: passphrases})
	if err != nil {
		return nil, err
	}
	return &identity{cert: &cert, file: file, keyFile: key}, nil
}

// files are the files that hold the identity (certificate, chain, key).
func (id *identity) files() []string {
	if id.keyFile == "" || id.keyFile == id.file {
		return []string{id.file}
	}
	return []string{id.file, id.keyFile}
}

// probeJob is one address doctor probes, for the first block that listens there.
type probeJob struct {
	addr, sni string
	server    string // the block's label
	roots     *x509.CertPool
	caName    string // what the trust came from ("" for the system roots)
	clientCA  string // the block's ssl_client_certificate, resolved ("" if none)
	errorLog  string // the block's error log
	verify    string // the block's ssl_verify_client
}

// probeAll probes every local mTLS listen address of the blocks, and
// notes the others. line is the header's account of it.
func probeAll(ctx context.Context, x *site.Site, servers []*site.Server, id *identity, o Options, predicted map[string]string) (out []report.Finding, targets []report.ProbeTarget, line string) {
	var jobs []probeJob
	probed := map[string]bool{}    // address and SNI
	notedAway := map[string]bool{} // listen address not on this machine
	skipped := 0
	for _, s := range servers {
		roots, caName, leaf := serverTrust(x, s)
		// The name a client would use: the block's server_name, else a
		// name of its certificate (a DNS name, else a host-name-like CN
		// of a certificate without any), never the probe's address.
		sni := site.UsableName(s.Name)
		if sni == "" && leaf != nil {
			for _, n := range leaf.DNSNames {
				if site.UsableName(n) != "" {
					sni = n
					break
				}
			}
			if cn := leaf.Subject.CommonName; sni == "" && len(leaf.DNSNames) == 0 && len(leaf.IPAddresses) == 0 && strings.Contains(cn, ".") {
				sni = site.UsableName(cn)
			}
		}
		for _, l := range s.TLSListens() {
			addr, local, why := site.ListenTarget(l.Arg(0))
			if !local {
				skipped++
				if !notedAway[l.Arg(0)] {
					notedAway[l.Arg(0)] = true
					out = append(out, notProbed(s, l, addr, why, sni, id))
				}
				continue
			}
			key := addr + " " + sni
			if probed[key] {
				continue
			}
			probed[key] = true
			j := probeJob{addr: addr, sni: sni, server: s.Label(), roots: roots, caName: caName, verify: s.VerifyClient}
			if d := s.Last("ssl_client_certificate"); d != nil {
				j.clientCA = x.Resolve(d.Arg(0))
			}
			if len(s.ErrorLogs) > 0 && strings.HasPrefix(s.ErrorLogs[0].Arg(0), "/") {
				j.errorLog = s.ErrorLogs[0].Arg(0)
			}
			jobs = append(jobs, j)
		}
	}
	if len(jobs) == 0 {
		line := "no local mTLS address to probe"
		if skipped > 0 {
			line += fmt.Sprintf(" (%d not on this machine)", skipped)
		}
		return out, nil, line
	}

	probes := make([]probe.Job, len(jobs))
	for i, j := range jobs {
		po := probe.Options{ServerName: j.sni, RootCAs: j.roots, RootsName: j.caName, Timeout: o.Timeout, Now: o.At, Path: ProbePath, NoVersions: true}
		if id != nil {
			po.ClientCert = id.cert
		}
		probes[i] = probe.Job{Target: j.addr, Options: po}
	}
	results := probe.ProbeAll(ctx, probes, 8)

	var parts []string
	for i, j := range jobs {
		r := &results[i]
		co := checks.ProbeOptions{CAFile: j.caName, ClientCAFile: j.clientCA, ErrorLog: j.errorLog, Timeout: o.Timeout, Software: probe.Nginx}
		if id != nil {
			co.CertFile, co.KeyFile = id.file, id.keyFile
		}
		t := &report.Report{}
		for _, f := range checks.ProbeFindings(r, co) {
			f.Section, f.Server, f.Target = finding.Probe, j.server, r.Input
			t.Findings = append(t.Findings, f)
		}
		if f, ok := predictionDiffers(j, r, id, predicted[j.server]); ok {
			t.Findings = append(t.Findings, f)
		}
		out = append(out, t.Findings...)
		t.Finish()
		targets = append(targets, report.ProbeTarget{Result: r, Findings: t.Findings, Summary: &t.Summary})
		parts = append(parts, probeLine(j, r))
	}
	line = strings.Join(parts, "\n       ")
	if skipped > 0 {
		line += fmt.Sprintf("\n       (%d not on this machine, not probed)", skipped)
	}
	return out, targets, line
}

// probeLine is a one-line account of one probed address.
func probeLine(j probeJob, r *probe.Result) string {
	s := j.addr
	if j.sni != "" {
		s += " (SNI " + j.sni + ")"
	}
	if r.Failure != "" {
		return s + ": " + r.Failure
	}
	var parts []string
	if r.ClientCertRequested {
		parts = append(parts, "client cert asked")
	} else {
		parts = append(parts, "client cert not asked")
	}
	att := func(label string, a *probe.Attempt) {
		if a != nil {
			parts = append(parts, label+" "+a.String())
		}
	}
	att("without cert:", r.WithoutClientCert)
	att("with yours:", r.WithClientCert)
	att("untrusted:", r.WithUntrustedCert)
	return s + ": " + strings.Join(parts, "; ")
}

// notProbed notes a listen address that is not on this machine, with
// the probe command to run from a client.
func notProbed(s *site.Server, l *nginxconf.Directive, addr, why, sni string, id *identity) report.Finding {
	cmd := "mtlsdoctor probe"
	if id != nil {
		if id.keyFile != "" {
			cmd += " --cert " + id.file + " --key " + id.keyFile
		} else if strings.HasSuffix(strings.ToLower(id.file), ".p12") || strings.HasSuffix(strings.ToLower(id.file), ".pfx") {
			cmd += " --p12 " + id.file
		} else {
			cmd += " --cert " + id.file
		}
	} else {
		cmd += " --cert client.crt --key client.key"
	}
	if sni != "" {
		cmd += " --servername " + sni
	}
	cmd += " " + addr
	f := catalogue.NotProbedText.New(catalogue.Vars{"listen": l.Arg(0), "why": why, "command": cmd})
	f.Section, f.Server, f.File, f.Line = finding.Probe, s.Label(), l.File, l.Line
	return f
}

// serverTrust is the trust for the block's own server certificate: the
// CA that issued it when one of the block's files holds it (the
// ssl_certificate chain itself, ssl_trusted_certificate or
// ssl_client_certificate; a self-signed certificate trusts itself),
// else nil (the system roots). leaf is the server certificate, if read.
func serverTrust(x *site.Site, s *site.Server) (*x509.CertPool, string, *x509.Certificate) {
	certDirs := s.Effective("ssl_certificate")
	if len(certDirs) == 0 {
		return nil, "", nil
	}
	chain := x.CertsIn(certDirs[0])
	if len(chain) == 0 {
		return nil, "", nil
	}
	leaf := chain[0]
	for _, c := range chain {
		if !c.IsCA {
			leaf = c
			break
		}
	}
	inter := x509.NewCertPool()
	for _, c := range chain {
		if c != leaf {
			inter.AddCert(c)
		}
	}
	candidates := []*nginxconf.Directive{certDirs[0]}
	candidates = append(candidates, s.Effective("ssl_trusted_certificate")...)
	candidates = append(candidates, s.Effective("ssl_client_certificate")...)
	for i, d := range candidates {
		certs := chain
		if i > 0 {
			certs = x.CertsIn(d)
		}
		roots := x509.NewCertPool()
		n := 0
		for _, c := range certs {
			if string(c.RawSubject) == string(c.RawIssuer) {
				roots.AddCert(c)
				n++
			}
		}
		if n == 0 {
			continue
		}
		_, err := leaf.Verify(x509.VerifyOptions{Roots: roots, Intermediates: inter,
			CurrentTime: leaf.NotBefore.Add(time.Second), KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageAny}})
		if err == nil {
			return roots, d.Arg(0), leaf
		}
	}
	return nil, "", leaf
}

// predictionDiffers compares the verdict predicted for the client
// certificate in the job's block with what the server did with it. Only
// a block with ssl_verify_client on is evidence: optional ones serve
// failed certificates too.
func predictionDiffers(j probeJob, r *probe.Result, id *identity, verdict string) (report.Finding, bool) {
	a := r.WithClientCert
	if id == nil || verdict == "" || a == nil || j.verify != "on" {
		return report.Finding{}, false
	}
	success := verdict == "SUCCESS"
	switch {
	case success && a.NginxStatus == 495, !success && a.Served():
	default:
		return report.Finding{}, false
	}
	errorLog := j.errorLog
	if errorLog == "" {
		errorLog = site.DefaultErrorLog
	}
	f := catalogue.PredictionDiffersText.New(catalogue.Vars{"addr": j.addr, "cert": id.file, "server": j.server,
		"verdict": verdict, "attempt": a.String(), "error_log": errorLog})
	f.Section, f.Server, f.Target = finding.Doctor, j.server, r.Input
	return f, true
}
