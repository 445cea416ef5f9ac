package report

import (
	"fmt"
	"strings"
)

// ProbeTarget is what `mtlsdoctor probe` found out about one endpoint.
type ProbeTarget struct {
	// Target is the endpoint as given on the command line.
	Target string `json:"target"`
	// Address is host:port; ServerName the SNI name; Path the request path.
	Address    string `json:"address,omitempty"`
	ServerName string `json:"server_name,omitempty"`
	Path       string `json:"path,omitempty"`
	// Error says why the endpoint could not be probed (connect-failed,
	// timeout, not-tls); empty when it spoke TLS.
	Error      string `json:"error,omitempty"`
	TLSVersion string `json:"tls_version,omitempty"`
	Cipher     string `json:"cipher,omitempty"`
	// ServerChain lists the subjects of the certificates the server sent, leaf first.
	ServerChain []string         `json:"server_chain"`
	ServerCert  *ProbeServerCert `json:"server_cert,omitempty"`
	// ClientCertRequested is true when the server sent a CertificateRequest.
	ClientCertRequested bool `json:"client_cert_requested"`
	// AcceptableCAs are the CA names of the CertificateRequest (RFC 4514).
	AcceptableCAs     []string      `json:"acceptable_cas"`
	WithoutClientCert *ProbeAttempt `json:"without_client_cert,omitempty"`
	WithClientCert    *ProbeAttempt `json:"with_client_cert,omitempty"`
	WithUntrustedCert *ProbeAttempt `json:"with_untrusted_cert,omitempty"`
	// Versions maps "TLS 1.0" ... "TLS 1.3" to whether the server accepted it.
	Versions map[string]bool `json:"versions,omitempty"`
	// Findings and Summary are this target's own (with several targets).
	Findings []Finding `json:"findings"`
	Summary  *Summary  `json:"summary,omitempty"`
}

// ProbeServerCert holds the facts about the server's leaf certificate.
type ProbeServerCert struct {
	Subject   string `json:"subject"`
	Issuer    string `json:"issuer"`
	NotBefore string `json:"not_before"`
	NotAfter  string `json:"not_after"`
	Expired   bool   `json:"expired"`
	// Name is the name the certificate was checked for.
	Name       string `json:"name"`
	NameOK     bool   `json:"name_ok"`
	Trusted    bool   `json:"trusted"`
	TrustError string `json:"trust_error,omitempty"`
	// TrustedBy is "system roots" or the --ca file.
	TrustedBy string `json:"trusted_by"`
}

// ProbeAttempt is one connection plus one HTTP request.
type ProbeAttempt struct {
	// Handshake is "ok" or the error that ended the TLS handshake.
	Handshake string `json:"handshake"`
	// CertSent is true when a client certificate was presented.
	CertSent bool `json:"cert_sent"`
	// HTTPStatus is the status received (0: none).
	HTTPStatus int `json:"http_status"`
	// Outcome is accepted, rejected-in-handshake, rejected-by-http or no-response.
	Outcome string `json:"outcome"`
	// NginxStatus is 495, 496 or 497 when the answer is nginx's stock page for it.
	NginxStatus int `json:"nginx_status,omitempty"`
	// Error is what went wrong after the handshake, if anything.
	Error string `json:"error,omitempty"`
}

// ProbeVersions is the order versions are shown in.
var ProbeVersions = []string{"TLS 1.0", "TLS 1.1", "TLS 1.2", "TLS 1.3"}

// writeProbeTarget renders one endpoint as a short aligned block.
func writeProbeTarget(b *strings.Builder, t *ProbeTarget, s styles) {
	b.WriteString(s.paint(s.bold, t.Target))
	b.WriteString("\n")
	const width = 21
	row := func(label, value string) {
		fmt.Fprintf(b, "  %s%s%s\n", s.paint(s.dim, label), strings.Repeat(" ", width-len(label)), indentRest(value, strings.Repeat(" ", width+2)))
	}
	if t.Address != "" {
		addr := t.Address
		if t.ServerName != "" {
			addr += ", SNI " + t.ServerName
		}
		if t.Path != "" {
			addr += ", GET " + t.Path
		}
		row("address", addr)
	}
	if t.Error != "" {
		row("error", s.paint(s.err, t.Error))
		b.WriteString("\n")
		return
	}
	if t.TLSVersion != "" {
		row("tls", t.TLSVersion+", "+t.Cipher)
	}
	if len(t.ServerChain) > 0 {
		row("server chain", strings.Join(t.ServerChain, "\n"))
	}
	if c := t.ServerCert; c != nil {
		var parts []string
		if c.Expired {
			parts = append(parts, s.paint(s.err, "expired "+dateOf(c.NotAfter)))
		} else {
			parts = append(parts, "valid to "+dateOf(c.NotAfter))
		}
		if c.NameOK {
			parts = append(parts, "covers "+c.Name)
		} else {
			parts = append(parts, s.paint(s.err, "does not cover "+c.Name))
		}
		if c.Trusted {
			parts = append(parts, s.paint(s.ok, "trusted by "+c.TrustedBy))
		} else {
			parts = append(parts, s.paint(s.warn, "not trusted by "+c.TrustedBy))
		}
		row("server cert", strings.Join(parts, ", "))
	}
	req := "no (no CertificateRequest)"
	if t.ClientCertRequested {
		req = "yes"
	}
	row("client cert asked", req)
	if t.ClientCertRequested {
		cas := "(none named)"
		if len(t.AcceptableCAs) > 0 {
			cas = strings.Join(t.AcceptableCAs, "\n")
		}
		row("acceptable CAs", cas)
	}
	for _, a := range []struct {
		label string
		a     *ProbeAttempt
	}{{"without client cert", t.WithoutClientCert}, {"with client cert", t.WithClientCert}, {"with untrusted cert", t.WithUntrustedCert}} {
		if a.a != nil {
			row(a.label, attemptText(a.a, s))
		}
	}
	if len(t.Versions) > 0 {
		var vs []string
		for _, v := range ProbeVersions {
			if t.Versions[v] {
				vs = append(vs, v+" "+s.paint(s.ok, "yes"))
			} else {
				vs = append(vs, v+" no")
			}
		}
		row("versions", strings.Join(vs, ", "))
	}
	b.WriteString("\n")
}

func attemptText(a *ProbeAttempt, s styles) string {
	var out string
	switch a.Outcome {
	case "accepted":
		out = s.paint(s.ok, a.Outcome)
	case "no-response":
		out = s.paint(s.warn, a.Outcome)
	default:
		out = s.paint(s.bold, a.Outcome)
	}
	if a.HTTPStatus != 0 {
		out += fmt.Sprintf(": HTTP %d", a.HTTPStatus)
		if a.NginxStatus != 0 {
			out += fmt.Sprintf(" (nginx %d)", a.NginxStatus)
		}
	}
	if a.Handshake != "ok" && a.Handshake != "" {
		out += ": " + a.Handshake
	} else if a.Error != "" {
		out += ": " + a.Error
	}
	return out
}

func dateOf(rfc3339 string) string {
	if len(rfc3339) >= 10 {
		return rfc3339[:10]
	}
	return rfc3339
}
