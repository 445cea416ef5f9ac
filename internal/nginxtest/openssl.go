package nginxtest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// OpenSSL runs openssl with args (bounded by a timeout, without any
// OPENSSL_CONF from the environment) and returns its combined output; it
// fails the test when openssl exits non-zero.
func OpenSSL(t testing.TB, args ...string) string {
	t.Helper()
	Require(t)
	out, err := runOpenSSL(args...)
	if err != nil {
		t.Fatalf("nginxtest: openssl %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return out
}

func runOpenSSL(args ...string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), commandTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, toolPath["openssl"], args...)
	cmd.Env = envWithout(os.Environ(), "OPENSSL_CONF")
	out, err := cmd.CombinedOutput()
	if ctx.Err() != nil {
		err = fmt.Errorf("timed out after %v", commandTimeout)
	}
	return string(out), err
}

// VerifyOpts are the arguments of one `openssl verify` run.
type VerifyOpts struct {
	CAFile    string // -CAfile (required)
	Untrusted string // -untrusted: intermediates the client would send
	CRLFile   string // -crl_check_all -CRLfile, as nginx's ssl_crl does
	// Cert is the certificate to verify. openssl verify reads only the
	// first certificate of the file; pass intermediates in Untrusted.
	Cert      string
	AuthLevel int    // -auth_level; <0 leaves it out (then no security level applies)
	Depth     int    // -verify_depth; <0 means nginx's default, 1
	AtUnix    int64  // -attime; 0 = now
	Purpose   string // -purpose, default sslclient
	Strict    bool   // -x509_strict, as Python 3.13 and later verify
}

// VerifyError is one error line of `openssl verify`:
// "error <Code> at <Depth> depth lookup: <Text>".
type VerifyError struct {
	Code  int
	Depth int
	Text  string
}

var verifyLineRe = regexp.MustCompile(`(?m)^error (\d+) at (\d+) depth lookup: (.*)$`)

// OpenSSLVerify runs `openssl verify -auth_level N -purpose sslclient
// -verify_depth D -CAfile CA [-untrusted U] [-crl_check_all -CRLfile C]
// [-attime T] CERT` and returns the first error it printed as code and text
// ("error 68 at 0 depth lookup: CA signature digest algorithm too weak" →
// 68, "CA signature digest algorithm too weak"), or 0, "ok".
func OpenSSLVerify(t testing.TB, o VerifyOpts) (code int, text string) {
	t.Helper()
	errs := OpenSSLVerifyErrors(t, o)
	if len(errs) == 0 {
		return 0, "ok"
	}
	return errs[0].Code, errs[0].Text
}

// OpenSSLVerifyErrors is OpenSSLVerify returning every error line openssl
// printed, in order (its callback carries on past some errors, e.g. 79
// then 26). It returns nil when the certificate verified.
func OpenSSLVerifyErrors(t testing.TB, o VerifyOpts) []VerifyError {
	t.Helper()
	Require(t)
	if o.CAFile == "" || o.Cert == "" {
		t.Fatalf("nginxtest: OpenSSLVerify needs CAFile and Cert (got %+v)", o)
	}
	if o.Purpose == "" {
		o.Purpose = "sslclient"
	}
	if o.Depth < 0 {
		o.Depth = 1
	}
	args := []string{"verify"}
	if o.AuthLevel >= 0 {
		args = append(args, "-auth_level", strconv.Itoa(o.AuthLevel))
	}
	args = append(args, "-purpose", o.Purpose, "-verify_depth", strconv.Itoa(o.Depth), "-CAfile", o.CAFile)
	if o.Untrusted != "" {
		args = append(args, "-untrusted", o.Untrusted)
	}
	if o.CRLFile != "" {
		args = append(args, "-crl_check_all", "-CRLfile", o.CRLFile)
	}
	if o.AtUnix != 0 {
		args = append(args, "-attime", strconv.FormatInt(o.AtUnix, 10))
	}
	if o.Strict {
		args = append(args, "-x509_strict")
	}
	args = append(args, o.Cert)
	out, err := runOpenSSL(args...)
	var errs []VerifyError
	for _, m := range verifyLineRe.FindAllStringSubmatch(out, -1) {
		code, _ := strconv.Atoi(m[1])
		depth, _ := strconv.Atoi(m[2])
		errs = append(errs, VerifyError{Code: code, Depth: depth, Text: strings.TrimRight(m[3], "\r")})
	}
	switch {
	case err == nil && len(errs) == 0 && strings.Contains(out, ": OK"):
		return nil
	case err != nil && len(errs) > 0:
		return errs
	default:
		t.Fatalf("nginxtest: cannot interpret openssl %s (%v):\n%s", strings.Join(args, " "), err, out)
		return nil
	}
}
