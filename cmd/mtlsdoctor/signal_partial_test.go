package main

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"encoding/pem"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/internal/servertest"
)

// silentServer accepts TCP connections and never answers.
func silentServer(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		var conns []net.Conn
		defer func() {
			for _, c := range conns {
				c.Close()
			}
		}()
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			conns = append(conns, c)
		}
	}()
	return ln.Addr().String()
}

// answeringServer is a Go HTTPS server that does not ask for a client
// certificate.
func answeringServer(t *testing.T) string {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "localhost"}, DNSNames: []string{"localhost"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour)}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	return servertest.GoServer(t, &tls.Config{Certificates: []tls.Certificate{{Certificate: [][]byte{der}, PrivateKey: key}}})
}

// Ctrl-C during a probe ends it within a second with the report so far:
// the target that answered is judged, the one cut short says so (not a
// timeout), and the run is marked incomplete, exit 2.
func TestSignalProbeWritesPartialReport(t *testing.T) {
	t.Parallel()
	silent, answering := silentServer(t), answeringServer(t)
	dir := t.TempDir()
	for _, sig := range []os.Signal{os.Interrupt, syscall.SIGTERM} {
		// The signal comes once the answering server's probe has had time
		// to end: longer when the machine is too busy for it to end in time.
		var o outcome
		for _, after := range []time.Duration{1500 * time.Millisecond, 4 * time.Second, 10 * time.Second} {
			if o = runBinary(t, dir, nil, sig, after, "probe", "--timeout", "60s", answering, silent); strings.Contains(o.stdout, "[mtls-not-enforced]") {
				break
			}
		}
		if o.wall > time.Second || o.code != 2 {
			t.Errorf("%v: exit %d %v after the signal, want 2 within a second\n%s%s", sig, o.code, o.wall, o.stdout, o.stderr)
		}
		for _, want := range []string{
			"error                interrupted: the run was interrupted before the probe of this target ended",
			"[mtls-not-enforced]", // the answering server's own finding
			"incomplete: 1 thing not checked",
		} {
			if !strings.Contains(o.stdout, want) {
				t.Errorf("%v: stdout lacks %q:\n%s", sig, want, o.stdout)
			}
		}
		if strings.Contains(o.stdout, "timeout") {
			t.Errorf("%v: the interrupted target reads as a timeout:\n%s", sig, o.stdout)
		}
		if !strings.Contains(o.stderr, "mtlsdoctor probe: interrupted; the report above is incomplete") {
			t.Errorf("%v: stderr %q", sig, o.stderr)
		}
	}
	// JSON: one target's probe cut short, named in "incomplete"; no
	// all-clear.
	o := runBinary(t, dir, nil, os.Interrupt, time.Second, "probe", "--format", "json", "--timeout", "60s", silent)
	var rep struct {
		Next       string   `json:"next"`
		Incomplete []string `json:"incomplete"`
		Error      string   `json:"error"`
	}
	if err := json.Unmarshal([]byte(o.stdout), &rep); err != nil {
		t.Fatalf("%v\n%s%s", err, o.stdout, o.stderr)
	}
	if o.code != 2 || len(rep.Incomplete) != 1 || !strings.HasPrefix(rep.Error, "interrupted: ") || strings.HasPrefix(rep.Next, "nothing to fix") {
		t.Errorf("exit %d, %+v", o.code, rep)
	}
}

// Ctrl-C while doctor reads a long log, or probes a silent address, ends
// it within a second with the report so far, marked incomplete.
func TestSignalDoctorWritesPartialReport(t *testing.T) {
	t.Parallel()
	silent := silentServer(t)
	dir := t.TempDir()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "localhost"}, DNSNames: []string{"localhost"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * 365 * time.Hour), IsCA: true, BasicConstraintsValid: true}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	pkcs8, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	writePEMFile(t, filepath.Join(dir, "s.pem"), "CERTIFICATE", der)
	writePEMFile(t, filepath.Join(dir, "s.key"), "PRIVATE KEY", pkcs8)
	conf := func(errorLog string) string {
		return "events {}\nhttp { error_log " + errorLog + " info; server { listen " + silent + " ssl; ssl_verify_client on; ssl_client_certificate s.pem; ssl_certificate s.pem; ssl_certificate_key s.key; } }\n"
	}
	// A log of 600,000 verify errors (120 MB): a tenth of a second of
	// reading or more, so the signal sent once it is open comes while it
	// is read.
	line := verify68("10.0.0.1") + "\n"
	chunk := []byte(strings.Repeat(line, 10_000))
	f, err := os.Create(filepath.Join(dir, "big.log"))
	if err != nil {
		t.Fatal(err)
	}
	for range 60 {
		if _, err := f.Write(chunk); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "small.log"), []byte(line), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name, log string
		delay     time.Duration
		want      []string
	}{
		{"reading the logs", filepath.Join(dir, "big.log"), 0, []string{"probe: skipped (interrupted)"}},
		{"probing", filepath.Join(dir, "small.log"), 1500 * time.Millisecond, []string{"probe: " + silent + " (SNI localhost): interrupted", "small.log (error log, 1 lines, 1 about mTLS)", "[verify-error]"}},
	} {
		if err := os.WriteFile(filepath.Join(dir, "nginx.conf"), []byte(conf(c.log)), 0o644); err != nil {
			t.Fatal(err)
		}
		args := []string{"doctor", "--since", "100000h", "--timeout", "60s", "nginx.conf"}
		var o outcome
		if c.log == filepath.Join(dir, "big.log") {
			// Signalled as soon as the log is open: reading it is under way.
			o = runBinaryWhileReading(t, dir, syscall.SIGTERM, c.log, args...)
		} else {
			o = runBinary(t, dir, nil, syscall.SIGTERM, c.delay, args...)
		}
		if o.wall > time.Second || o.code != 2 {
			t.Errorf("%s: exit %d %v after the signal, want 2 within a second\n%s%s", c.name, o.code, o.wall, o.stdout, o.stderr)
		}
		for _, want := range append(c.want, "incomplete: 1 thing not checked") {
			if !strings.Contains(o.stdout, want) {
				t.Errorf("%s: stdout lacks %q:\n%s", c.name, want, o.stdout)
			}
		}
		// The log is cut short with what was read of it counted (or, on
		// a machine so loaded that the signal came first, not read).
		if c.log == filepath.Join(dir, "big.log") {
			cut := strings.Contains(o.stdout, "big.log (interrupted after ") && strings.Contains(o.stdout, "[verify-error]")
			if !cut && !strings.Contains(o.stdout, "interrupted: the logs after this were not read") {
				t.Errorf("%s: the log is neither cut short nor said unread:\n%s", c.name, o.stdout)
			}
		}
		if !strings.Contains(o.stderr, "mtlsdoctor doctor: interrupted; the report above is incomplete") {
			t.Errorf("%s: stderr %q", c.name, o.stderr)
		}
	}
}

func writePEMFile(t *testing.T, path, typ string, der []byte) {
	t.Helper()
	if err := os.WriteFile(path, pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
}
