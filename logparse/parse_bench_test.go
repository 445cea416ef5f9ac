package logparse

import "testing"

func BenchmarkParseBenchLines(b *testing.B) {
	lines := [][]byte{
		[]byte(`2026/11/01 00:00:00 [info] 2817#2817: *12 client SSL certificate verify error: (68:CA signature digest algorithm too weak) while reading client request headers, client: 10.2.3.4, server: api.example.com, request: "GET / HTTP/1.1", host: "api.example.com"`),
		[]byte(`2026/11/01 00:00:00 [info] 2817#2817: *12 client SSL certificate verify error: (10:certificate has expired) while reading client request headers, client: 10.2.3.5, server: api.example.com, request: "GET / HTTP/1.1", host: "api.example.com"`),
		[]byte(`2026/11/01 00:00:00 [info] 2817#2817: *12 client sent no required SSL certificate while reading client request headers, client: 10.2.3.6, server: api.example.com, request: "GET / HTTP/1.1", host: "api.example.com"`),
		[]byte(`2026/11/01 00:00:00 [info] 2817#2817: *12 SSL_do_handshake() failed (SSL: error:0A000418:SSL routines::tlsv1 alert unknown ca:SSL alert number 48) while SSL handshaking, client: 10.2.3.7, server: 0.0.0.0:443`),
	}
	in := newInterner()
	for b.Loop() {
		for _, l := range lines {
			parseErrorLine(l, in)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/4, "ns/line")
}
