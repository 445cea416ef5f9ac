package probe

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"
)

// TestAttemptString: the one text of an attempt, for every way it ends.
func TestAttemptString(t *testing.T) {
	for _, tc := range []struct {
		a          *Attempt
		text, page string
	}{
		{nil, "not tried", ""},
		{&Attempt{Handshake: "ok", HTTPStatus: 400, NginxStatus: 496, Outcome: RejectedByHTTP}, "HTTP 400, nginx 496", "496 'No required SSL certificate was sent'"},
		{&Attempt{Handshake: "ok", HTTPStatus: 403, Outcome: RejectedByHTTP}, "HTTP 403", "HTTP 403"},
		{&Attempt{Handshake: "ok", HTTPStatus: 200, Outcome: Accepted}, "HTTP 200", "HTTP 200"},
		{&Attempt{Handshake: "remote error: tls: unknown certificate authority", Outcome: RejectedInHandshake}, "refused in the handshake: remote error: tls: unknown certificate authority", ""},
		{&Attempt{Handshake: "ok", Outcome: NoResponse, Error: "EOF"}, "no response: EOF", ""},
		{&Attempt{Handshake: "no TLS handshake within 5s", Outcome: NoResponse}, "no response: no TLS handshake within 5s", ""},
	} {
		if got := tc.a.String(); got != tc.text {
			t.Errorf("String() = %q, want %q", got, tc.text)
		}
		if tc.page != "" {
			if got := tc.a.NginxPage(); got != tc.page {
				t.Errorf("NginxPage() = %q, want %q", got, tc.page)
			}
		}
	}
}

// TestResultJSON: a Result is written with the names reports use; lists
// are never null, a target is its address, and a failure is one line.
func TestResultJSON(t *testing.T) {
	enc := func(v any) string {
		var b bytes.Buffer
		e := json.NewEncoder(&b)
		e.SetEscapeHTML(false)
		if err := e.Encode(v); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	r := Result{Input: "h:1", Target: Target{Host: "h", Port: 1}, ServerName: "h", Path: "/",
		ServerChain: Names{"CN=a & b"}, Versions: Versions{{Name: "TLS 1.2", Accepted: true}, {Name: "TLS 1.3"}}}
	r.fail(ConnectFailed, errors.New("refused"))
	want := `{"target":"h:1","address":"h:1","server_name":"h","path":"/","error":"connect-failed: refused","server_chain":["CN=a & b"],` +
		`"client_cert_requested":false,"acceptable_cas":[],"versions":{"TLS 1.2":true,"TLS 1.3":false}}` + "\n"
	if got := enc(r); got != want {
		t.Errorf("JSON\n got %s want %s", got, want)
	}
	bad := Result{Input: "x y"}
	bad.fail(BadTarget, errors.New("no"))
	if got, want := enc(bad), `{"target":"x y","error":"no","server_chain":[],"client_cert_requested":false,"acceptable_cas":[]}`+"\n"; got != want {
		t.Errorf("bad target JSON\n got %s want %s", got, want)
	}
}
