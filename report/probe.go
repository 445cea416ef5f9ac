package report

import (
	"fmt"
	"strings"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/probe"
)

// ProbeTarget is what `mtlsdoctor probe` found out about one endpoint:
// the probe's own result (whose fields carry their JSON names) and, with
// several targets, the target's own findings and summary.
type ProbeTarget struct {
	*probe.Result
	// Findings and Summary are this target's own (with several targets).
	Findings []Finding `json:"findings"`
	Summary  *Summary  `json:"summary,omitempty"`
}

// writeProbeTarget renders one endpoint as a short aligned block.
func writeProbeTarget(b *strings.Builder, t *ProbeTarget, s styles) {
	r := t.Result
	b.WriteString(s.paint(s.bold, r.Input))
	b.WriteString("\n")
	const width = 21
	row := func(label, value string) {
		fmt.Fprintf(b, "  %s%s%s\n", s.paint(s.dim, label), strings.Repeat(" ", width-len(label)), s.wrapRow(value, width+2))
	}
	if r.Target != (probe.Target{}) {
		addr := r.Target.Addr()
		switch {
		case r.SNI:
			addr += ", SNI " + r.ServerName
		case r.ServerName != "" && r.Reason == "":
			addr += ", no SNI (an address)"
		}
		if r.Path != "" {
			addr += ", GET " + r.Path
		}
		row("address", addr)
	}
	if r.Reason != "" {
		row("error", s.paint(s.err, r.Reason))
		b.WriteString("\n")
		return
	}
	if r.TLSVersion != "" {
		tlsRow := r.TLSVersion
		if r.Cipher != "" {
			tlsRow += ", " + r.Cipher
		}
		row("tls", tlsRow)
	}
	if r.ServerSoftware != "" {
		row("server software", r.ServerSoftware)
	}
	if len(r.ServerChain) > 0 {
		row("server chain", strings.Join(r.ServerChain, "\n"))
	}
	if c := r.Server; c != nil {
		var parts []string
		if c.Expired {
			parts = append(parts, s.paint(s.err, "expired "+c.NotAfter.Format(time.DateOnly)))
		} else {
			parts = append(parts, "valid to "+c.NotAfter.Format(time.DateOnly))
		}
		if c.NameOK {
			parts = append(parts, "covers "+c.Name)
		} else {
			parts = append(parts, s.paint(s.err, "does not cover "+c.Name))
		}
		if c.Trusted {
			parts = append(parts, s.paint(s.ok, "trusted by "+c.TrustedBy))
		} else {
			why := ""
			if c.TrustCause != "" {
				why = " (" + c.TrustCause + ")"
			}
			parts = append(parts, s.paint(s.warn, "not trusted by "+c.TrustedBy+why))
		}
		row("server cert", strings.Join(parts, ", "))
	}
	req := "no (no CertificateRequest)"
	switch {
	case r.ClientCertRequested && r.CertRequestedAfterHandshake:
		req = "yes, after the handshake (renegotiation)"
	case r.ClientCertRequested:
		req = "yes"
	case clientLimited(r):
		req = "unknown (the probe could not read what the server sent)"
	}
	row("client cert asked", req)
	if r.ClientCertRequested {
		cas := "(none named)"
		if len(r.AcceptableCAs) > 0 {
			cas = strings.Join(r.AcceptableCAs, "\n")
		}
		row("acceptable CAs", cas)
	}
	if r.RetriedTLS12 {
		row("attempts", "over TLS 1.2: over TLS 1.3 the server asked for no certificate and answered 403")
	}
	for _, a := range []struct {
		label string
		a     *probe.Attempt
	}{{"without client cert", r.WithoutClientCert}, {"with client cert", r.WithClientCert}, {"with untrusted cert", r.WithUntrustedCert}} {
		if a.a != nil {
			row(a.label, paintAttempt(a.a, s))
		}
	}
	if len(r.Versions) > 0 {
		var vs []string
		for _, v := range r.Versions {
			if v.Accepted {
				vs = append(vs, v.Name+" "+s.paint(s.ok, "yes"))
			} else {
				vs = append(vs, v.Name+" no")
			}
		}
		row("versions", strings.Join(vs, ", "))
	}
	b.WriteString("\n")
}

// paintAttempt is the attempt's text in the colour of its outcome.
func paintAttempt(a *probe.Attempt, s styles) string {
	switch a.Outcome {
	case probe.Accepted:
		return s.paint(s.ok, a.String())
	case probe.NoResponse:
		return s.paint(s.warn, a.String())
	}
	return s.paint(s.bold, a.String())
}

// clientLimited: an attempt ran into a limit of the probe's TLS stack.
func clientLimited(r *probe.Result) bool {
	for _, a := range []*probe.Attempt{r.WithoutClientCert, r.WithClientCert, r.WithUntrustedCert} {
		if a != nil && a.ClientLimit != "" {
			return true
		}
	}
	return false
}
