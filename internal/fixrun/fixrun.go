// Package fixrun runs the commands a fix prints, as a user would, for the
// tests that check a fix works: each line with sh in a directory, with a
// timeout, and with MTLSDOCTOR_FIX_PATH (a directory holding another
// openssl, such as OpenSSL 1.1.1 or LibreSSL) first on PATH when it is
// set.
package fixrun

import (
	"context"
	"crypto/x509"
	"encoding/pem"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// Env is the environment a fix's commands run in.
func Env() []string {
	env := os.Environ()
	if dir := os.Getenv("MTLSDOCTOR_FIX_PATH"); dir != "" {
		env = append(env, "PATH="+dir+string(os.PathListSeparator)+os.Getenv("PATH"))
	}
	return env
}

// Other reports whether the commands run with another openssl than the
// one on PATH.
func Other() bool { return os.Getenv("MTLSDOCTOR_FIX_PATH") != "" }

// Line runs one command line in dir, failing the test if it fails.
func Line(t testing.TB, dir, line string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "sh", "-c", line)
	cmd.Dir = dir
	cmd.Env = Env()
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("the fix's command %q: %v\n%s", line, err, out)
	}
}

// Lines runs each line of cmds in dir.
func Lines(t testing.TB, dir, cmds string) {
	t.Helper()
	for _, line := range strings.Split(cmds, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			Line(t, dir, line)
		}
	}
}

// Cert reads the first certificate of a PEM file.
func Cert(t testing.TB, file string) *x509.Certificate {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	blk, _ := pem.Decode(b)
	if blk == nil {
		t.Fatalf("%s: no PEM", file)
	}
	c, err := x509.ParseCertificate(blk.Bytes)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return c
}
