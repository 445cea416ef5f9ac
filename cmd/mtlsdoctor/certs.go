package main

import (
	"crypto/x509"
	"errors"
	"fmt"
	"strings"

	"github.com/mtlsdoctor/mtlsdoctor/certset"
	"github.com/mtlsdoctor/mtlsdoctor/checks"
	"github.com/mtlsdoctor/mtlsdoctor/report"
)

func runCerts(args []string, e env) int {
	fs := newFlagSet("certs", e)
	var c certsFlags
	addCerts(fs, &c)
	if done, code := parseFlags(fs, args, e, c.check); done {
		return code
	}
	paths := fs.Args()
	if len(paths) == 0 {
		return e.fail(errors.New("no PATH given"), "mtlsdoctor certs ./certs")
	}
	pws, err := readPassin(c.passin, e)
	if err != nil {
		return e.fail(err)
	}
	opts := certset.Options{Passphrases: pws}

	o := checks.CertOptions{
		SecLevel: c.seclevel, VerifyDepth: c.verifyDepth, At: c.when(),
		Host: c.host, ExpiresWithin: c.expiresWithin,
	}
	for _, p := range c.passin {
		if f, ok := strings.CutPrefix(p, "file:"); ok && o.PasswordFile == "" {
			o.PasswordFile = f
		}
	}
	if len(c.ca) > 0 {
		cas, err := loadCAs(c.ca, opts)
		if err != nil {
			return e.fail(err)
		}
		o.CA = cas
		o.CAFile = strings.Join(c.ca, ", ")
	}
	for _, f := range c.crl {
		set, err := certset.Load([]string{f}, opts)
		if err != nil {
			return e.fail(fmt.Errorf("--crl %s: %v", f, err))
		}
		if len(set.CRLs) == 0 {
			return e.fail(fmt.Errorf("--crl %s: %s", f, firstProblem(set, "no CRL found in it")))
		}
		o.CRLs = append(o.CRLs, set.CRLs...)
	}

	set, err := certset.Load(paths, opts)
	if err != nil {
		return e.fail(err)
	}
	if len(set.Certs) == 0 && len(set.Keys) == 0 && len(set.CRLs) == 0 {
		const what = "give files or directories holding PEM/DER certificates, keys, CRLs or PKCS#12 files"
		if len(set.Problems) == 0 {
			return e.fail(fmt.Errorf("nothing usable found in %s", strings.Join(paths, " ")), what)
		}
		// One line per file that could not be used says it all, for
		// the first maxProblemLines; one line counts the rest.
		for i, p := range set.Problems {
			if i == maxProblemLines {
				fmt.Fprintf(e.stderr, "mtlsdoctor certs: and %d more paths that could not be used\n", len(set.Problems)-i)
				break
			}
			fmt.Fprintf(e.stderr, "mtlsdoctor certs: %s: %s\n", report.Sanitize(p.Path, false, 4096), report.Sanitize(problemText(p), false, 4096))
		}
		fmt.Fprintln(e.stderr, "hint: "+what)
		return 2
	}
	rep := checks.Certs(set, o)
	return emit(rep, c.format, e)
}

// maxProblemLines is how many unusable paths are named one per line.
const maxProblemLines = 20

func emit(rep *report.Report, format string, e env) int {
	var err error
	if format == "json" {
		err = report.WriteJSON(e.stdout, rep)
	} else {
		err = report.WriteText(e.stdout, rep, report.TextOptions{Styled: e.styled(), Width: e.width()})
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "mtlsdoctor: writing output: %v\n", err)
		return 2
	}
	return rep.ExitCode()
}

func loadCAs(files []string, opts certset.Options) ([]*x509.Certificate, error) {
	var out []*x509.Certificate
	for _, f := range files {
		set, err := certset.Load([]string{f}, opts)
		if err != nil {
			return nil, fmt.Errorf("--ca %s: %v", f, err)
		}
		if len(set.Certs) == 0 {
			return nil, fmt.Errorf("--ca %s: %s", f, firstProblem(set, "no certificate found in it"))
		}
		for _, c := range set.Certs {
			out = append(out, c.X509)
		}
	}
	return out, nil
}

func firstProblem(set *certset.Set, def string) string {
	if len(set.Problems) > 0 {
		return problemText(set.Problems[0])
	}
	return def
}

func problemText(p certset.Problem) string {
	switch p.Kind {
	case "missing":
		return "no such file or directory"
	case "empty":
		return "directory holds no files"
	}
	return p.Err
}
