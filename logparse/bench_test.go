package logparse

import (
	"bytes"
	"fmt"
	"sync"
	"testing"
)

// benchErrorLog is a 32 MiB nginx error log in which about 6% of the
// lines are mTLS lines as nginx writes them, the rest ordinary error-log
// traffic (the mix of the 256 MiB benchmark of `mtlsdoctor logs`).
var benchErrorLog = sync.OnceValue(func() []byte {
	filler := []string{
		`[error] 2817#2817: *%d open() "/usr/share/nginx/html/favicon.ico" failed (2: No such file or directory), client: 10.1.%d.%d, server: example.com, request: "GET /favicon.ico HTTP/1.1", host: "example.com"`,
		`[info] 2817#2817: *%d client 10.1.%d.%d closed keepalive connection`,
		`[error] 2817#2817: *%d upstream timed out (110: Connection timed out) while reading response header from upstream, client: 10.1.%d.%d, server: example.com, request: "GET /api/v1/items HTTP/1.1", upstream: "http://127.0.0.1:8080/api/v1/items", host: "example.com"`,
		`[warn] 2817#2817: *%d an upstream response is buffered to a temporary file /var/cache/nginx/proxy_temp/1/00/0000000001 while reading upstream, client: 10.1.%d.%d, server: example.com`,
		`[info] 2817#2817: *%d recv() failed (104: Connection reset by peer) while waiting for request, client: 10.1.%d.%d, server: 0.0.0.0:443`,
	}
	mtls := []string{
		`[info] 2817#2817: *%d client SSL certificate verify error: (68:CA signature digest algorithm too weak) while reading client request headers, client: 10.2.%d.%d, server: api.example.com, request: "GET / HTTP/1.1", host: "api.example.com"`,
		`[info] 2817#2817: *%d client SSL certificate verify error: (10:certificate has expired) while reading client request headers, client: 10.2.%d.%d, server: api.example.com, request: "GET / HTTP/1.1", host: "api.example.com"`,
		`[info] 2817#2817: *%d client sent no required SSL certificate while reading client request headers, client: 10.2.%d.%d, server: api.example.com, request: "GET / HTTP/1.1", host: "api.example.com"`,
		`[info] 2817#2817: *%d SSL_do_handshake() failed (SSL: error:0A000418:SSL routines::tlsv1 alert unknown ca:SSL alert number 48) while SSL handshaking, client: 10.2.%d.%d, server: 0.0.0.0:443`,
	}
	var b bytes.Buffer
	for i := 0; b.Len() < 32<<20; i++ {
		fmt.Fprintf(&b, "2026/11/%02d %02d:%02d:%02d ", 1+i/3000000%28, i/100000%24, i/1000%60, i%60)
		if i%50 < 3 {
			fmt.Fprintf(&b, mtls[i%len(mtls)], i, i%250, i/250%250)
		} else {
			fmt.Fprintf(&b, filler[i%len(filler)], i, i%250, i/250%250)
		}
		b.WriteByte('\n')
	}
	return b.Bytes()
})

// BenchmarkScanErrorLog is the whole path of `logs` over an error log:
// the byte search for candidate lines, parsing and grouping.
func BenchmarkScanErrorLog(b *testing.B) {
	data := benchErrorLog()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		s := NewScanner(bytes.NewReader(data), ErrorLog)
		sum := NewSummary()
		s.Each(func(e Event) { sum.Add(e) })
		if s.Matched == 0 {
			b.Fatal("no events")
		}
	}
}

// BenchmarkParseErrorLine parses each kind of recognised line, and one
// candidate line that is not about mTLS.
func BenchmarkParseErrorLine(b *testing.B) {
	lines := [][]byte{[]byte(`2026/11/22 17:44:18 [info] 28978#28978: *10 recv() failed (104: Connection reset by peer) while SSL handshaking, client: 127.0.0.1, server: 0.0.0.0:443`)}
	for _, tc := range errorLines {
		lines = append(lines, []byte(tc.line))
	}
	in := newInterner()
	for b.Loop() {
		for _, l := range lines {
			parseErrorLine(l, in)
		}
	}
}

// BenchmarkScanHandshakeLines is BenchmarkScanErrorLog's log with its
// mTLS lines turned into handshake lines whose role hangs on the rest of
// the line ("peer closed connection in SSL handshake"): each is
// attributed, through the interner's memory of lines seen.
func BenchmarkScanHandshakeLines(b *testing.B) {
	data := bytes.ReplaceAll(benchErrorLog(), []byte("client SSL certificate verify error: (68:CA signature digest algorithm too weak) while reading client request headers"),
		[]byte("peer closed connection in SSL handshake (104: Connection reset by peer) while SSL handshaking"))
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		s := NewScanner(bytes.NewReader(data), ErrorLog)
		sum := NewSummary()
		s.Each(func(e Event) { sum.Add(e) })
		if sum.Count("handshake-failed") == 0 {
			b.Fatal("no handshake lines")
		}
	}
}
