package checks

import (
	"strings"

	"github.com/mtlsdoctor/mtlsdoctor/catalogue"
	"github.com/mtlsdoctor/mtlsdoctor/internal/lazyre"
	"github.com/mtlsdoctor/mtlsdoctor/report"
)

// reServerHost finds the server a client's line names: a URL's host, curl's
// "connection to HOST:PORT", wget's "cannot verify HOST's certificate", or
// urllib3's host='HOST', with its port when given.
var reServerHost = lazyre.New(`(?i)(?:https?://(?:[^@/\s'"]*@)?|connection to |cannot verify |host=')([a-z0-9][a-z0-9.-]*\.[a-z]{2,})(?::(\d+))?`)

// publicServices are the domains of well-known public services, whose
// certificates come from public CAs on their own names. Domains where
// anyone's server gets a name (cloud hosts, tunnels) are left out.
var publicServices = []string{
	"github.com", "githubusercontent.com", "ghcr.io", "gitlab.com", "bitbucket.org",
	"npmjs.org", "npmjs.com", "yarnpkg.com", "pypi.org", "pythonhosted.org", "python.org",
	"docker.io", "docker.com", "gcr.io", "quay.io", "registry.k8s.io", "k8s.io",
	"nuget.org", "maven.org", "apache.org", "gradle.org", "rubygems.org", "packagist.org",
	"crates.io", "rust-lang.org", "golang.org", "go.dev", "nodejs.org", "anaconda.org",
	"conda.io", "debian.org", "ubuntu.com", "fedoraproject.org", "alpinelinux.org",
	"googleapis.com", "google.com", "gstatic.com", "microsoft.com", "visualstudio.com",
	"letsencrypt.org", "hashicorp.com", "helm.sh", "jsdelivr.net", "unpkg.com",
	"huggingface.co", "openai.com", "slack.com", "stripe.com", "paypal.com", "apple.com",
	"mozilla.org", "wikipedia.org", "cloudflare.com",
}

// publicHost is the public service a client's line names as its server,
// reached on the HTTPS port; "" when it names none.
func publicHost(input string) string {
	for _, m := range reServerHost.FindAllStringSubmatch(input, 4) {
		host := strings.ToLower(strings.TrimRight(m[1], "."))
		if m[2] != "" && m[2] != "443" {
			continue
		}
		for _, d := range publicServices {
			if host == d || strings.HasSuffix(host, "."+d) {
				return host
			}
		}
	}
	return ""
}

// publicServer puts first, in a client's refusal of a public service's
// certificate, that the cause is on the client's side.
func publicServer(rep *report.Report, input string) {
	if len(rep.Findings) == 0 {
		return
	}
	why, fix := "", ""
	switch rep.Findings[0].ID {
	case catalogue.ServerCertUntrusted:
		why, fix = catalogue.PublicUntrusted, catalogue.PublicUntrustedFix
	case catalogue.ServerHostnameMismatch:
		why, fix = catalogue.PublicMismatch, catalogue.PublicMismatchFix
	case catalogue.ServerCertExpired:
		why, fix = catalogue.PublicExpired, catalogue.PublicExpiredFix
	default:
		return
	}
	host := publicHost(input)
	if host == "" {
		return
	}
	v := catalogue.Vars{"host": host}
	f := &rep.Findings[0]
	f.Explanation = catalogue.Fill(why, v) + " " + f.Explanation
	f.Fix = catalogue.Fill(fix, v) + "\n" + f.Fix
}
