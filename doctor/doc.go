// Package doctor is `mtlsdoctor doctor`: everything at once for an nginx
// mutual-TLS setup. It reads the configuration (the file given, nginx -T
// output, else what nginx -T or the default main file gives), lints it and
// the files it names (checks.Nginx), probes the mTLS addresses that are on
// this machine (probe, checks.ProbeFindings), reads the error and access
// logs the configuration names (logparse, checks.Logs), and ranks all of
// it into one report: what stops nginx from starting first, then the
// configuration, the files, the probe and the logs.
//
// The findings it makes itself are about what it could not do
// (nginx-t-failed, not-probed, log-not-read); their words are in the
// catalogue. It never prints: cmd/mtlsdoctor maps flags to Options and
// renders the report. Its errors carry their hints (package hint).
//
// It may import site, nginxconf, checks, probe, logparse, certset,
// catalogue, finding, hint and report.
package doctor
