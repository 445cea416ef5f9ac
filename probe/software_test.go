package probe

import (
	"errors"
	"net/http"
	"testing"
)

// TestIdentify: stock pages beat Server headers (a proxy passes its
// backend's header on but writes its own error pages); no evidence is
// unknown.
func TestIdentify(t *testing.T) {
	goHeader := http.Header{"Content-Type": {"text/plain; charset=utf-8"}, "X-Content-Type-Options": {"nosniff"}}
	for _, tc := range []struct {
		name  string
		a     *Attempt
		plain *Attempt
		want  string
	}{
		{"nothing", nil, nil, Unknown},
		{"served, no header", &Attempt{HTTPStatus: 200, Body: []byte("hello\n")}, nil, Unknown},
		{"nginx 496 page", &Attempt{HTTPStatus: 400, NginxStatus: 496}, nil, Nginx},
		{"nginx header", &Attempt{HTTPStatus: 200, Server: "nginx/1.22.1"}, nil, Nginx},
		{"Apache header", &Attempt{HTTPStatus: 200, Server: "Apache/2.4.71 (Debian)"}, nil, Apache},
		{"HAProxy 403 page behind a Server: nginx backend header", &Attempt{HTTPStatus: 403, Server: "nginx",
			Body: []byte("<html><body><h1>403 Forbidden</h1>\nRequest forbidden by administrative rules.\n</body></html>\n")}, nil, HAProxy},
		{"Go 404", &Attempt{HTTPStatus: 404, Body: []byte("404 page not found\n"), header: goHeader}, nil, GoHTTP},
		{"a 404 with the same words and a Server header", &Attempt{HTTPStatus: 404, Server: "x", Body: []byte("404 page not found\n"), header: goHeader}, nil, Unknown},
		{"Go's answer to plain HTTP", nil, &Attempt{HTTPStatus: 400, Body: []byte("Client sent an HTTP request to an HTTPS server.\n")}, GoHTTP},
		{"Apache's answer to plain HTTP", nil, &Attempt{HTTPStatus: 400,
			Body: []byte("<p>Reason: You're speaking plain HTTP to an SSL-enabled server port.<br />")}, Apache},
	} {
		r := &Result{WithoutClientCert: tc.a}
		if got := identify(r, tc.plain); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

func TestClientLimitOf(t *testing.T) {
	for err, want := range map[string]string{
		"tls: peer doesn't support any of the certificate's signature algorithms": LimitSigAlgs,
		"local error: tls: error decoding message":                                LimitDecode,
		"local error: tls: no renegotiation":                                      LimitRenegotiation,
		"remote error: tls: error decoding message":                               "", // the server's word
		"remote error: tls: certificate required":                                 "",
	} {
		if got := ClientLimitOf(errors.New(err)); got != want {
			t.Errorf("%q: %q, want %q", err, got, want)
		}
	}
	if ClientLimitOf(nil) != "" {
		t.Error("nil error")
	}
}

// FuzzIdentify: any answer names one of the known software values.
func FuzzIdentify(f *testing.F) {
	f.Add(400, "nginx", []byte("<hr><center>nginx</center>"))
	f.Add(404, "", []byte("404 page not found\n"))
	f.Fuzz(func(t *testing.T, status int, server string, body []byte) {
		a := &Attempt{HTTPStatus: status, Server: banner(server), Body: body, header: http.Header{"X-Content-Type-Options": {"nosniff"}}}
		a.NginxStatus = ClassifyBody(status, body)
		switch got := identify(&Result{WithClientCert: a}, a); got {
		case Nginx, Apache, HAProxy, GoHTTP, Unknown:
		default:
			t.Fatalf("identify: %q", got)
		}
		if len(a.Server) > 83 {
			t.Fatalf("banner %d bytes", len(a.Server))
		}
	})
}
