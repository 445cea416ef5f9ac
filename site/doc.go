// Package site is the nginx configuration as mTLS sees it: the server
// blocks with the settings they inherit from the http and main levels,
// the files their directives name (resolved the way nginx resolves them),
// the addresses they listen on mapped to addresses on this machine, the
// variables that carry the client-certificate result, and the error and
// access logs the configuration writes to.
//
// It holds plain values: no findings, no judgement, no printing. The
// rules that judge a site live in checks (the `nginx` lint) and doctor.
//
// It may import nginxconf, certset and the standard library only.
package site
