package checks

import (
	"strings"

	"github.com/mtlsdoctor/mtlsdoctor/catalogue"
	"github.com/mtlsdoctor/mtlsdoctor/logparse"
	"github.com/mtlsdoctor/mtlsdoctor/report"
)

// nextSteps adds to the fixes of explain's findings what follows from the
// line's side and the server it names: the probe that tells the causes of
// an untrusted chain apart, how this client program is given a client
// certificate, and the real server (or upstream) in place of the
// catalogue's stand-ins.
func nextSteps(rep *report.Report, att logparse.Attribution, input string) {
	lower := strings.ToLower(input)
	if len(rep.Findings) > 0 {
		first := &rep.Findings[0]
		probed := strings.Contains(first.Fix, "mtlsdoctor probe")
		switch {
		case att.Program == "openssl-verify", att.Program == "wpa_supplicant":
			// A file judged offline, or a RADIUS server reached through
			// EAP: no TLS port to probe.
		case att.Role == logparse.RoleClient && untrustedChain(*first) && !strings.Contains(lower, "not standards compliant"):
			// A chain the client did not trust (macOS's rules for a
			// certificate are not a question of trust).
			if !probed {
				first.Fix += "\n" + catalogue.ProbeTellsWhy
			}
			switch {
			case att.Context == logparse.CtxUpstream && (first.Code == 2 || first.Code == 20):
				// nginx reads only the files its directives name.
				first.Explanation += " " + catalogue.UpstreamChainNote
			case att.Reporter != "nginx":
				first.Fix += "\n" + catalogue.ClientIgnoresCA
			}
			if publicHost(input) == "" {
				// A public service's certificate is not the user's to renew
				// or to replace.
				first.Fix += "\n" + catalogue.RenewedServerNote
				if att.Reporter != "nginx" {
					first.Fix += "\n" + catalogue.ServerSideTrustNote
				}
			}
		case att.Role == logparse.RoleClient && !probed && first.ID == catalogue.ServerCertExpired && att.Context == "" && !strings.Contains(first.Fix, "-noout -dates"):
			first.Fix += "\n" + catalogue.ProbeTellsDates
		}
		if att.Role == logparse.RoleClient && (first.ID == catalogue.NoClientCert ||
			first.ID == catalogue.TLSAlert && (strings.Contains(lower, "certificate required") || strings.Contains(lower, "certificate_required") ||
				att.Context == "" && (strings.Contains(lower, "alert handshake failure") || strings.Contains(lower, "tls: handshake failure")))) {
			// The server wanted a client certificate (over TLS 1.2 a
			// handshake_failure alert says so): how this client is given one.
			if how, ok := catalogue.ClientCertHow(catalogue.ClientKey(att.Reporter, att.Context, att.Program)); ok && !strings.Contains(first.Fix, how) {
				first.Fix = how + "\n" + first.Fix
			}
		}
		if att.Role == logparse.RoleClient && strings.Contains(first.Explanation, "SNI") {
			// A refused hello whose causes include a missing server name:
			// how this client sends one.
			if how, ok := catalogue.ClientSNIHow(catalogue.ClientKey(att.Reporter, att.Context, att.Program)); ok && !givesCommand(first.Fix, how) {
				first.Fix = catalogue.BeforeConfirm(first.Fix, how)
			}
		}
		if n, ok := catalogue.ReceivedCertAlert(lower); ok && att.Role == logparse.RoleServer && !att.Guessed && att.Context == "" &&
			(n == 42 || n == 45 || n == 46 || n == 48) && !strings.Contains(first.Fix, "mtlsdoctor probe") {
			// This server's client refused its certificate: the probe says why.
			first.Fix += "\n" + catalogue.ProbeTellsServerWhy
		}
	}
	if addr, ok := upstreamTarget(input); ok && att.Context == logparse.CtxUpstream {
		// nginx's commands for its upstream name the one in the line.
		r := strings.NewReplacer("BACKEND:443", addr, "BACKEND:PORT", addr)
		for i := range rep.Findings {
			rep.Findings[i].Fix = r.Replace(rep.Findings[i].Fix)
		}
	}
	if addr, ok := lineTarget(input); ok && att.Role == logparse.RoleClient {
		// The commands name the server the line names.
		n := catalogue.Names{Addr: addr}
		// A registry on the default port is addressed, and its certs.d
		// directory named, without the port (Docker and Podman look for
		// no "HOST:443" directory).
		dir := strings.TrimSuffix(addr, ":443")
		for i := range rep.Findings {
			fix := n.Apply(rep.Findings[i].Fix)
			rep.Findings[i].Fix = strings.ReplaceAll(fix, "certs.d/registry.example.com:5000", "certs.d/"+dir)
		}
	}
}

// untrustedChain is true for a client's finding that it did not trust the
// server's chain (not its name or dates): the probe can say why.
func untrustedChain(f report.Finding) bool {
	switch f.ID {
	case catalogue.ServerCertUntrusted:
		return f.Code == 0 || f.Code == 2 || f.Code >= 18 && f.Code <= 21
	case catalogue.UpstreamVerifyError:
		return f.Code == 2 || f.Code >= 18 && f.Code <= 21
	}
	return false
}

// givesCommand reports whether fix already holds one of step's command
// lines (the lines it indents), or step itself.
func givesCommand(fix, step string) bool {
	if strings.Contains(fix, step) {
		return true
	}
	for _, l := range strings.Split(step, "\n") {
		if strings.HasPrefix(l, "  ") && strings.Contains(fix, strings.TrimSpace(l)) {
			return true
		}
	}
	return false
}
