// Package checks holds mtlsdoctor's rules: it judges what was loaded
// (certificates, keys and CRLs, nginx configurations, probe results, log
// summaries) and turns every mistake into a finding with what, why and the
// fix, in the words of package catalogue. It never prints; cmd/mtlsdoctor
// renders the report.
//
// A rule is a small function of its inputs that returns findings, listed
// in the table of its area, so a new rule is the function, its line in
// the table, its catalogue text and its test:
//   - certs: chainRules (certs_chain.go, one per OpenSSL verify code),
//     certRules (certs_static.go, one certificate on its own) and keyRules
//     (certs_keys.go, one private key file);
//   - nginx: siteRules and serverRules (nginx_rules.go), run by nginx.go;
//     the lint lives here rather than in a package of its own because its
//     certs rule runs Certs on the files each server block names and
//     merges those findings with its own. It reads the configuration only
//     through package site;
//   - probe: probeRules (probe_rules.go), one conclusion each from a
//     probe.Result;
//   - logs: eventRules (one kind of log event each) and logsRules (what
//     the logs say together) in logs.go.
//
// It may import finding, catalogue, report, certset, opensslverify, site,
// nginxconf, probe and logparse, never cmd or doctor.
package checks
