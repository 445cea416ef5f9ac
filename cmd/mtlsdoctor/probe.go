package main

import (
	"crypto/x509"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/certset"
	"github.com/mtlsdoctor/mtlsdoctor/checks"
	"github.com/mtlsdoctor/mtlsdoctor/probe"
)

func runProbe(args []string, e env) int {
	fs := newFlagSet("probe", e)
	format := new(string)
	var id identityFlags
	addFormat(fs, format, "output format: text or json")
	addIdentity(fs, &id)
	passin := fs.StringArray("passin", nil, passinUsage)
	caFile := fs.StringArray("ca", nil, "trust the server's chain to these CAs (default: the system roots); repeatable")
	serverName := fs.String("servername", "", "SNI name, and the name the server certificate must cover (default: the target's host)")
	path := fs.String("path", "/", "path of the HTTP request sent after the handshake")
	var at time.Time
	fs.Var(instantFlag{&at}, "at", "judge the server certificate's validity as of this RFC 3339 instant instead of now")
	// Flag conflicts first, before touching any file or the network.
	idCheck := func() error { return id.check("mtlsdoctor probe --cert client.crt --key client.key HOST:PORT") }
	if done, code := parseFlags(fs, args, e, idCheck); done {
		return code
	}
	certFile, keyFile, p12, d := &id.cert, &id.key, &id.p12, id.timeout
	if !strings.HasPrefix(*path, "/") || strings.ContainsAny(*path, " \t\r\n") {
		return e.fail(fmt.Errorf("--path %q: want an absolute request path such as / or /health, without spaces", *path))
	}
	if strings.ContainsAny(*serverName, " \t\r\n/:") {
		return e.fail(fmt.Errorf("--servername %q: want a host name such as api.example.com", *serverName))
	}
	targets := fs.Args()
	if len(targets) == 0 {
		return e.fail(errors.New("no target given"), "mtlsdoctor probe --cert client.crt --key client.key localhost:443")
	}
	for _, t := range targets {
		if _, err := probe.ParseTarget(t); err != nil {
			return e.fail(err, "a target is HOST, HOST:PORT, [IPv6]:PORT or https://HOST[:PORT]/PATH")
		}
	}

	passphrases, err := readPassin(*passin, e)
	if err != nil {
		return e.fail(err)
	}
	opts := probe.Options{ServerName: *serverName, Path: *path, Timeout: d, Now: at}
	co := checks.ProbeOptions{CertFile: *certFile, KeyFile: *keyFile, Timeout: d}
	if *p12 != "" || *certFile != "" {
		file, key := *certFile, *keyFile
		if *p12 != "" {
			file, key = *p12, ""
			co.CertFile = *p12
		}
		cert, err := certset.LoadKeyPair(file, key, certset.Options{Passphrases: passphrases})
		if err != nil {
			return e.fail(fmt.Errorf("loading the client certificate: %v", err))
		}
		opts.ClientCert = &cert
	}
	if len(*caFile) > 0 {
		cas, err := loadCAs(*caFile, certset.Options{Passphrases: passphrases})
		if err != nil {
			return e.fail(err)
		}
		pool := x509.NewCertPool()
		for _, c := range cas {
			pool.AddCert(c)
		}
		opts.RootCAs = pool
		co.CAFile = strings.Join(*caFile, ", ")
		opts.RootsName = co.CAFile
	}

	results := probe.ProbeAll(e.context(), probe.Jobs(targets, opts), 8)
	return emit(checks.Probe(results, co), *format, e)
}
