package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/catalogue"
	"github.com/mtlsdoctor/mtlsdoctor/probe"
)

func probeSample() ProbeTarget {
	notAfter, _ := time.Parse(time.RFC3339, "2045-01-01T00:00:00Z")
	return ProbeTarget{Result: &probe.Result{
		Input: "localhost:8443", Target: probe.Target{Host: "localhost", Port: 8443}, ServerName: "localhost", SNI: true, Path: "/",
		TLSVersion: "TLS 1.2", Cipher: "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
		ServerChain:         []string{"CN=localhost,O=x"},
		Server:              &probe.ServerCert{Subject: "CN=localhost,O=x", NotAfter: notAfter, Name: "localhost", NameOK: true, TrustedBy: "system roots"},
		ClientCertRequested: true, AcceptableCAs: []string{"CN=root,O=x", "CN=int,O=x"},
		WithoutClientCert: &probe.Attempt{Handshake: "ok", HTTPStatus: 400, NginxStatus: 496, Outcome: probe.RejectedByHTTP},
		WithClientCert:    &probe.Attempt{Handshake: "remote error: tls: unknown certificate authority", CertSent: true, Outcome: probe.RejectedInHandshake},
		WithUntrustedCert: &probe.Attempt{Handshake: "ok", CertSent: true, HTTPStatus: 200, Outcome: probe.Accepted},
		Versions:          probe.Versions{{Name: "TLS 1.0"}, {Name: "TLS 1.1"}, {Name: "TLS 1.2", Accepted: true}, {Name: "TLS 1.3", Accepted: true}},
	}, Findings: []Finding{}}
}

func TestProbeText(t *testing.T) {
	pt := probeSample()
	r := &Report{Command: "probe", ProbeTarget: &pt,
		Findings: []Finding{{ID: catalogue.MTLSOptional, Severity: Warning, Title: "t", Fix: "ssl_verify_client on;", Target: "localhost:8443"}}}
	r.Finish()
	var plain, styled bytes.Buffer
	if err := WriteText(&plain, r, TextOptions{Width: 160}); err != nil {
		t.Fatal(err)
	}
	if err := WriteText(&styled, r, TextOptions{Styled: true, Width: 160}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(plain.String(), "\x1b[") || !strings.Contains(styled.String(), "\x1b[") {
		t.Error("escape codes only when styled")
	}
	out := plain.String()
	for _, want := range []string{
		"localhost:8443\n",
		"  address              localhost:8443, SNI localhost, GET /\n",
		"  tls                  TLS 1.2, TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256\n",
		"  server cert          valid to 2045-01-01, covers localhost, not trusted by system roots\n",
		"  acceptable CAs       CN=root,O=x\n                       CN=int,O=x\n",
		"  without client cert  HTTP 400, nginx 496\n",
		"  with client cert     refused in the handshake: remote error: tls: unknown certificate authority\n",
		"  with untrusted cert  HTTP 200\n",
		"  versions             TLS 1.0 no, TLS 1.1 no, TLS 1.2 yes, TLS 1.3 yes\n",
		"WARNING [mtls-optional]",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("text lacks %q:\n%s", want, out)
		}
	}
	// At 80 columns a long row continues under its value.
	var narrow bytes.Buffer
	if err := WriteText(&narrow, r, TextOptions{Width: 80}); err != nil {
		t.Fatal(err)
	}
	if want := "  with client cert     refused in the handshake: remote error: tls: unknown\n                       certificate authority\n"; !strings.Contains(narrow.String(), want) {
		t.Errorf("80 columns: text lacks %q:\n%s", want, narrow.String())
	}
}

func TestProbeJSONEmbedding(t *testing.T) {
	pt := probeSample()
	r := &Report{Command: "probe", ProbeTarget: &pt}
	r.Finish()
	var buf bytes.Buffer
	if err := WriteJSON(&buf, r); err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(buf.Bytes(), &m); err != nil {
		t.Fatal(err)
	}
	if m["target"] != "localhost:8443" || m["tls_version"] != "TLS 1.2" || m["command"] != "probe" {
		t.Errorf("the target's fields belong at the top level: %s", buf.String())
	}
	if f, ok := m["findings"].([]any); !ok || len(f) != 0 {
		t.Errorf("findings must stay the report's own array: %v", m["findings"])
	}
	// Reports of other commands are unchanged: no probe keys appear.
	buf.Reset()
	other := &Report{Command: "certs"}
	other.Finish()
	if err := WriteJSON(&buf, other); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"target", "targets", "acceptable_cas", "versions"} {
		if strings.Contains(buf.String(), `"`+k+`"`) {
			t.Errorf("certs JSON has %q: %s", k, buf.String())
		}
	}
}

// TestProbeTextOtherServers: an address gets no SNI; the software is
// named; a request the probe could not read is not "no"; attempts made
// again over TLS 1.2 say so.
func TestProbeTextOtherServers(t *testing.T) {
	pt := probeSample()
	pt.Input, pt.Target, pt.ServerName, pt.SNI = "127.0.0.1:8443", probe.Target{Host: "127.0.0.1", Port: 8443}, "127.0.0.1", false
	pt.ServerSoftware = probe.Apache
	pt.RetriedTLS12, pt.ClientCertRequested, pt.CertRequestedAfterHandshake = true, true, true
	r := &Report{Command: "probe", ProbeTarget: &pt}
	r.Finish()
	var b bytes.Buffer
	if err := WriteText(&b, r, TextOptions{Width: 160}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"127.0.0.1:8443, no SNI (an address), GET /\n", "  server software      apache\n",
		"  client cert asked    yes, after the handshake (renegotiation)\n", "  attempts             over TLS 1.2"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("text lacks %q:\n%s", want, b.String())
		}
	}
	pt.ClientCertRequested, pt.RetriedTLS12 = false, false
	pt.WithoutClientCert = &probe.Attempt{Handshake: "local error: tls: error decoding message", ClientLimit: probe.LimitDecode, Outcome: probe.NoResponse}
	b.Reset()
	if err := WriteText(&b, r, TextOptions{Width: 160}); err != nil {
		t.Fatal(err)
	}
	if want := "  client cert asked    unknown (the probe could not read what the server sent)\n"; !strings.Contains(b.String(), want) {
		t.Errorf("text lacks %q:\n%s", want, b.String())
	}
}
