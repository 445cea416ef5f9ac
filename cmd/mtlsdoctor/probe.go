package main

import (
	"context"
	"crypto/x509"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/certset"
	"github.com/mtlsdoctor/mtlsdoctor/checks"
	"github.com/mtlsdoctor/mtlsdoctor/probe"
)

const probeUsage = `Usage: mtlsdoctor probe [flags] HOST[:PORT]|URL...

Connect to live TLS endpoints (several at once) and find out what a client
meets there: the TLS version and cipher, the server's chain and whether it is
trusted, whether the server asks for a client certificate and which CA names
it advertises, and how it answers a request made without a certificate, with
yours (--cert/--key or --p12) and with a throwaway self-signed one. Like curl,
the probe always presents your certificate; whether Go and browsers would
send it is reported separately. It also tries TLS 1.0 to 1.3 one by one.

Examples:
  mtlsdoctor probe --cert client.crt --key client.key --ca ca.crt localhost:8443
  mtlsdoctor probe --p12 client.p12 --passin env:P12_PASS https://api.example.com/health
  mtlsdoctor probe --servername api.example.com 10.0.0.5:443 10.0.0.6:443
  mtlsdoctor probe --format json example.com | jq '.with_untrusted_cert.outcome'

A target is HOST, HOST:PORT, [IPv6]:PORT or https://HOST[:PORT]/PATH (port
443 by default; a URL's path replaces --path). A connection failure or
timeout is a finding (exit 1), not a refusal to run.

Flags:
`

func runProbe(args []string, e env) int {
	fs := newFlagSet("probe", probeUsage, e)
	format := fs.String("format", "text", "output format: text or json")
	certFile := fs.String("cert", "", "client certificate to present (PEM/DER, may hold the chain and the key)")
	keyFile := fs.String("key", "", "private key of --cert")
	p12 := fs.String("p12", "", "PKCS#12 file holding the client certificate and key (instead of --cert/--key)")
	passin := fs.StringArray("passin", nil, "passphrase source for an encrypted key or --p12: pass:WORD, env:VAR, file:PATH (every line is tried) or stdin; repeatable")
	caFile := fs.StringArray("ca", nil, "trust the server's chain to these CAs (default: the system roots); repeatable")
	serverName := fs.String("servername", "", "SNI name, and the name the server certificate must cover (default: the target's host)")
	path := fs.String("path", "/", "path of the HTTP request sent after the handshake")
	timeout := fs.String("timeout", "5s", "time limit per connection (dial, handshake, request, response)")
	if done, code := parseFlags(fs, args, probeUsage, e); done {
		return code
	}

	// Flag conflicts first, before touching any file or the network.
	if *format != "text" && *format != "json" {
		return fail(e, "probe", "--format %q: want text or json", *format)
	}
	if *p12 != "" && (*certFile != "" || *keyFile != "") {
		return fail(e, "probe", "--p12 can't be combined with --cert/--key\nhint: a PKCS#12 file holds both the certificate and the key; give either --p12 FILE or --cert FILE --key FILE")
	}
	if *keyFile != "" && *certFile == "" {
		return fail(e, "probe", "--key needs --cert\nhint: mtlsdoctor probe --cert client.crt --key client.key HOST:PORT")
	}
	d, err := time.ParseDuration(*timeout)
	if err != nil || d <= 0 {
		return fail(e, "probe", "--timeout %q: want a positive duration such as 5s or 300ms", *timeout)
	}
	if !strings.HasPrefix(*path, "/") || strings.ContainsAny(*path, " \t\r\n") {
		return fail(e, "probe", "--path %q: want an absolute request path such as / or /health, without spaces", *path)
	}
	if strings.ContainsAny(*serverName, " \t\r\n/:") {
		return fail(e, "probe", "--servername %q: want a host name such as api.example.com", *serverName)
	}
	targets := fs.Args()
	if len(targets) == 0 {
		return fail(e, "probe", "no target given\nhint: mtlsdoctor probe --cert client.crt --key client.key localhost:443")
	}
	for _, t := range targets {
		if _, err := probe.ParseTarget(t); err != nil {
			return fail(e, "probe", "%v\nhint: a target is HOST, HOST:PORT, [IPv6]:PORT or https://HOST[:PORT]/PATH", err)
		}
	}

	passphrases, err := certset.ParsePassin(*passin, e.stdin, e.getenv)
	if err != nil {
		return fail(e, "probe", "%v", err)
	}
	opts := probe.Options{ServerName: *serverName, Path: *path, Timeout: d}
	co := checks.ProbeOptions{CertFile: *certFile, KeyFile: *keyFile, Timeout: d}
	if *p12 != "" || *certFile != "" {
		file, key := *certFile, *keyFile
		if *p12 != "" {
			file, key = *p12, ""
			co.CertFile = *p12
		}
		cert, err := certset.LoadKeyPair(file, key, certset.Options{Passphrases: passphrases})
		if err != nil {
			return fail(e, "probe", "loading the client certificate: %v", err)
		}
		opts.ClientCert = &cert
	}
	if len(*caFile) > 0 {
		cas, err := loadCAs(*caFile, certset.Options{Passphrases: passphrases})
		if err != nil {
			return fail(e, "probe", "%v", err)
		}
		pool := x509.NewCertPool()
		for _, c := range cas {
			pool.AddCert(c)
		}
		opts.RootCAs = pool
		co.CAFile = strings.Join(*caFile, ", ")
		opts.RootsName = co.CAFile
	}

	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	results := probe.ProbeAll(ctx, targets, opts, 8)
	return emit(checks.Probe(results, co), *format, e)
}
