package nginxtest

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Verdict is what nginx decided about one client certificate.
type Verdict struct {
	// Result is "SUCCESS", "NONE", or "FAILED:<code>:<text>" exactly as in
	// nginx's error-log line "client SSL certificate verify error:
	// (<code>:<text>) while ...". For the errors optional_no_ca tolerates
	// (no error-log line, request served) the code is derived from the
	// text of $ssl_client_verify. "NO_RESPONSE" means curl got no HTTP
	// response at all (it refused to load the certificate/key, or the TLS
	// handshake failed); Client then holds curl's error and LogLine the
	// error-log line nginx wrote, if any.
	Result string
	// Status is the HTTP status curl received (400 for 495/496/497; 0
	// when there was no response).
	Status int
	// LogLine is the raw error-log line the result comes from, if any.
	LogLine string
	// ClientVerify is $ssl_client_verify from the access log.
	ClientVerify string
	// ErrorLines are all error-log lines nginx wrote while serving this
	// request (e.g. an "[alert] ignoring stale global SSL error").
	ErrorLines []string
	// Client is curl's exit status and stderr when curl failed.
	Client string
}

var (
	verifyErrRe = regexp.MustCompile(`client SSL certificate verify error: \((\d+):(.*?)\) while `)
	noCertRe    = regexp.MustCompile(`client sent no required SSL certificate while `)
	handshakeRe = regexp.MustCompile(`SSL_do_handshake\(\) failed|client closed connection while SSL handshaking|peer closed connection in SSL handshake`)
)

// optionalNoCA are the codes ssl_verify_client optional_no_ca tolerates
// (nginx's ngx_ssl_verify_error_optional) with their OpenSSL 1.1.1 and 3.x
// texts; for them nginx writes no error-log line.
var optionalNoCA = map[string]int{
	"self signed certificate":                      18,
	"self-signed certificate":                      18,
	"self signed certificate in certificate chain": 19,
	"self-signed certificate in certificate chain": 19,
	"unable to get local issuer certificate":       20,
	"unable to verify the first certificate":       21,
	"certificate not trusted":                      27,
}

// Present makes one HTTPS request with curl presenting certFile (PEM: the
// leaf followed by any intermediates to send) and keyFile (empty: the key
// is in certFile). With certFile empty no client certificate is sent. curl
// runs with an OPENSSL_CONF at SECLEVEL=0 so that it sends weak
// certificates too. Each request has a unique path; the verdict is read
// from the access-log and error-log lines that belong to it. Calls on one
// Server are serialised.
func (s *Server) Present(t testing.TB, certFile, keyFile string) Verdict {
	t.Helper()
	s.mu.Lock()
	defer s.mu.Unlock()
	select {
	case <-s.done:
		t.Fatalf("nginxtest: nginx on %s is not running (%v)\n--- error.log (tail) ---\n%s", s.Addr, s.waitErr, tail(s.ErrorLog, 30))
	default:
	}

	uri := fmt.Sprintf("/nginxtest-req-%d", s.seq.Add(1))
	errOff := fileSize(s.ErrorLog)
	args := []string{"-q", "-sS", "--noproxy", "*", "--insecure",
		"--max-time", strconv.Itoa(curlMaxTime), "--connect-timeout", "5",
		"-o", os.DevNull, "-w", "%{http_code}"}
	if certFile != "" {
		args = append(args, "--cert-type", "PEM", "--cert", curlEscape(absPath(certFile)))
		if keyFile != "" {
			args = append(args, "--key-type", "PEM", "--key", absPath(keyFile))
		}
	}
	args = append(args, "https://"+s.Addr+uri)
	ctx, cancel := context.WithTimeout(context.Background(), commandTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, toolPath["curl"], args...)
	cmd.Env = append(envWithout(os.Environ(), "OPENSSL_CONF"), "OPENSSL_CONF="+s.curlConf)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	runErr := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("nginxtest: curl %s timed out after %v\n%s", uri, commandTimeout, stderr.String())
	}
	status, _ := strconv.Atoi(strings.TrimSpace(stdout.String()))

	var v Verdict
	v.Status = status
	if status == 0 {
		// No HTTP response: curl could not send the certificate, or the
		// handshake failed. nginx may log the failure just after curl gave
		// up; give it a moment.
		v.Result = "NO_RESPONSE"
		v.Client = fmt.Sprintf("curl: %v: %s", runErr, strings.TrimSpace(stderr.String()))
		time.Sleep(200 * time.Millisecond)
		v.ErrorLines = linesFrom(s.ErrorLog, errOff)
		for _, l := range v.ErrorLines {
			if handshakeRe.MatchString(l) {
				v.LogLine = l
				break
			}
		}
		return v
	}
	if runErr != nil {
		v.Client = fmt.Sprintf("curl: %v: %s", runErr, strings.TrimSpace(stderr.String()))
	}

	// The access-log line is written after the response; poll for it.
	var accessStatus int
	var conn string
	found := false
	for deadline := time.Now().Add(logPollTimeout); ; {
		for _, l := range linesFrom(s.AccessLog, 0) {
			f := strings.SplitN(l, " ", 4)
			if len(f) == 4 && f[2] == uri {
				conn, v.ClientVerify, found = f[0], f[3], true
				accessStatus, _ = strconv.Atoi(f[1])
			}
		}
		if found || time.Now().After(deadline) {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	if !found {
		t.Fatalf("nginxtest: no access-log line for %s within %v (curl status %d, %s)\n--- access.log (tail) ---\n%s--- error.log (tail) ---\n%s",
			uri, logPollTimeout, status, v.Client, tail(s.AccessLog, 10), tail(s.ErrorLog, 20))
	}
	if accessStatus != status {
		t.Errorf("nginxtest: %s: curl received %d but nginx logged %d", uri, status, accessStatus)
	}

	marker := `request: "GET ` + uri + ` HTTP/`
	connTag := "*" + conn + " "
	for _, l := range linesFrom(s.ErrorLog, errOff) {
		if !strings.Contains(l, connTag) && !strings.Contains(l, marker) {
			continue
		}
		v.ErrorLines = append(v.ErrorLines, l)
		if !strings.Contains(l, marker) || v.LogLine != "" {
			continue
		}
		if m := verifyErrRe.FindStringSubmatch(l); m != nil {
			v.LogLine, v.Result = l, "FAILED:"+m[1]+":"+m[2]
			if want := "FAILED:" + m[2]; v.ClientVerify != want {
				t.Errorf("nginxtest: %s: error.log says %q but $ssl_client_verify is %q", uri, v.Result, v.ClientVerify)
			}
		} else if noCertRe.MatchString(l) {
			v.LogLine, v.Result = l, "NONE"
		}
	}
	if v.Result == "" {
		switch cv := v.ClientVerify; {
		case cv == "SUCCESS" || cv == "NONE":
			v.Result = cv
		case strings.HasPrefix(cv, "FAILED:"):
			text := strings.TrimPrefix(cv, "FAILED:")
			if code, ok := optionalNoCA[text]; ok {
				v.Result = fmt.Sprintf("FAILED:%d:%s", code, text)
			} else {
				v.Result = cv
			}
		default:
			v.Result = cv
		}
	}
	return v
}

// curlOpenSSLConf lets curl load and send certificates below Debian's
// default security level (SHA-1/MD5 signatures, RSA-1024 keys); the
// --ciphers option is applied too late for that.
const curlOpenSSLConf = `openssl_conf = openssl_init

[openssl_init]
ssl_conf = ssl_sect

[ssl_sect]
system_default = system_default_sect

[system_default_sect]
CipherString = DEFAULT:@SECLEVEL=0
`

// curlEscape escapes the colon that curl's --cert would read as the start
// of a passphrase.
func curlEscape(p string) string {
	return strings.ReplaceAll(p, ":", `\:`)
}
