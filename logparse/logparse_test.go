package logparse

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"net/netip"
	"reflect"
	"sort"
	"strings"
	"testing"
	"testing/iotest"
	"time"
)

// Lines as real nginx 1.22.1 / OpenSSL 3.0.19 wrote them
// in the tests of internal/nginxtest and testdata/logs/gen.sh, plus OpenSSL 1.1.1 forms.
var errorLines = []struct {
	line, key, client string
	code              int
}{
	{`2026/11/22 17:44:18 [info] 28978#28978: *11 client SSL certificate verify error: (68:CA signature digest algorithm too weak) while reading client request headers, client: 127.0.0.1, server: localhost, request: "GET / HTTP/1.1", host: "127.0.0.1:18501"`, "verify-error:68", "127.0.0.1", 68},
	{`2026/11/22 17:44:18 [info] 28978#28978: *12 client SSL certificate verify error: (37:invalid non-CA certificate (has CA markings)) while reading client request headers, client: 10.0.0.9, server: localhost, request: "GET / HTTP/1.1", host: "x"`, "verify-error:37", "10.0.0.9", 37},
	{`2026/11/22 17:44:18 [info] 28978#28978: *13 client SSL certificate verify error: (18:self signed certificate) while reading client request headers, client: 127.0.0.1, server: localhost`, "verify-error:18", "127.0.0.1", 18},
	{`2026/11/22 17:44:18 [info] 28978#28978: *14 client SSL certificate verify error: certificate status request failed while reading client request headers, client: 127.0.0.1, server: localhost`, "verify-error:certificate status request failed", "127.0.0.1", 0},
	{`2026/11/22 17:44:18 [info] 28978#28978: *1 client sent no required SSL certificate while reading client request headers, client: 127.0.0.1, server: localhost, request: "GET / HTTP/1.1", host: "127.0.0.1:18500"`, "no-client-cert", "127.0.0.1", 0},
	{`2026/11/22 17:44:18 [info] 28978#28978: *8 client sent plain HTTP request to HTTPS port while reading client request headers, client: 127.0.0.1, server: localhost, request: "GET / HTTP/1.1", host: "127.0.0.1:18500"`, "plain-http", "127.0.0.1", 0},
	{`2026/11/22 17:44:18 [info] 28978#28978: *29 SSL_do_handshake() failed (SSL: error:0A000102:SSL routines::unsupported protocol) while SSL handshaking, client: 127.0.0.1, server: 127.0.0.1:18500`, "handshake-failed:unsupported protocol", "127.0.0.1", 0},
	{`2026/11/22 17:43:33 [info] 24113#24113: *1 SSL_do_handshake() failed (SSL: error:0A000418:SSL routines::tlsv1 alert unknown ca:SSL alert number 48) while SSL handshaking, client: 127.0.0.1, server: 127.0.0.1:18458`, "handshake-failed:tlsv1 alert unknown ca", "127.0.0.1", 0},
	{`2021/03/01 10:00:00 [info] 100#100: *7 SSL_do_handshake() failed (SSL: error:14094418:SSL routines:ssl3_read_bytes:tlsv1 alert unknown ca:SSL alert number 48) while SSL handshaking, client: 192.0.2.1, server: 0.0.0.0:443`, "handshake-failed:tlsv1 alert unknown ca", "192.0.2.1", 0},
	{`2026/11/22 17:44:18 [crit] 28978#28978: *30 SSL_do_handshake() failed (SSL: error:02000086:rsa routines::last octet invalid error:1C880004:Provider routines::RSA lib error:0A00007B:SSL routines::bad signature) while SSL handshaking, client: 127.0.0.1, server: 127.0.0.1:18500`, "handshake-failed:bad signature", "127.0.0.1", 0},
	{`2026/11/22 17:44:18 [alert] 28978#28978: *26 ignoring stale global SSL error (SSL: error:02000084:rsa routines::data too large for modulus) while waiting for request, client: 127.0.0.2, server: 127.0.0.1:18506`, "stale-ssl-error", "127.0.0.2", 0},
	{`2026/11/22 17:43:00 [info] 19735#19735: *1 client closed connection while SSL handshaking, client: 127.0.0.1, server: 127.0.0.1:18446`, "handshake-failed:client closed connection", "127.0.0.1", 0},
	{`2026/11/22 17:44:21 [emerg] 28972#28972: cannot load certificate key "/etc/nginx/certs/server.key": PEM_read_bio_PrivateKey() failed (SSL: error:1C800064:Provider routines::bad decrypt error:11800074:PKCS12 routines::pkcs12 cipherfinal error:maybe wrong password)`, "bad-passphrase:/etc/nginx/certs/server.key", "", 0},
	{`2026/11/22 17:44:21 [emerg] 28972#28972: SSL_CTX_use_PrivateKey("/etc/nginx/certs/server.key") failed (SSL: error:05800074:x509 certificate routines::key values mismatch)`, "key-mismatch:/etc/nginx/certs/server.key", "", 0},
	{`2026/11/22 17:44:21 [emerg] 1#1: cannot load certificate "/etc/nginx/c.pem": PEM_read_bio_X509_AUX() failed (SSL: error:0480006C:PEM routines::no start line:Expecting: TRUSTED CERTIFICATE)`, "cert-load-failed:no start line:Expecting: TRUSTED CERTIFICATE:/etc/nginx/c.pem", "", 0},
	{`2026/11/22 17:44:21 [emerg] 1#1: no ssl_client_certificate for ssl_verify_client`, "startup-failed:no ssl_client_certificate for ssl_verify_client", "", 0},
	{"2026/11/22 17:44:18 [info] 28978#28978: *11 client SSL certificate verify error: (10:certificate has expired) while reading client request headers, client: 127.0.0.1, server: localhost\r", "verify-error:10", "127.0.0.1", 10},
	{`2026/11/22 17:44:18 [info] 28978#28978: *3 peer closed connection in SSL handshake while SSL handshaking, client: 10.0.0.3, server: 0.0.0.0:443`, "handshake-failed:peer closed connection in SSL handshake", "10.0.0.3", 0},
	{`2026/11/22 17:44:18 [error] 28978#28978: *4 upstream SSL certificate verify error: (10:certificate has expired) while SSL handshaking to upstream, client: 10.0.0.4, server: localhost`, "upstream-verify-error:10:certificate has expired", "10.0.0.4", 0},
	{`2026/11/22 17:44:21 [emerg] 28972#28972: cannot load certificate key "/etc/nginx/certs/server.key": PEM_read_bio_PrivateKey() failed (SSL: error:1E08010C:DECODER routines::unsupported)`, "key-load-failed:unsupported:/etc/nginx/certs/server.key", "", 0},
	{`2026/11/22 17:44:21 [emerg] 28972#28972: SSL_CTX_use_certificate("/etc/nginx/certs/server.crt") failed (SSL: error:0A00018F:SSL routines::ee key too small)`, "cert-load-failed:ee key too small:/etc/nginx/certs/server.crt", "", 0},
}

func TestParseErrorLine(t *testing.T) {
	for _, tc := range errorLines {
		e, ok := ParseErrorLine([]byte(tc.line))
		if !ok {
			t.Errorf("not recognised: %s", tc.line)
			continue
		}
		if e.Key != tc.key || e.Client != tc.client || e.Code != tc.code {
			t.Errorf("%s\n got key %q client %q code %d, want %q %q %d", tc.line, e.Key, e.Client, e.Code, tc.key, tc.client, tc.code)
		}
		if e.Time.IsZero() {
			t.Errorf("no time: %s", tc.line)
		}
	}
	for _, line := range []string{
		`2026/11/22 17:44:18 [info] 28978#28978: *10 client 127.0.0.1 closed keepalive connection`,
		`2026/11/22 17:44:18 [error] 28978#28978: *5 open() "/usr/share/nginx/html/favicon.ico" failed (2: No such file or directory), client: 127.0.0.1`,
		`127.0.0.1 - - [22/Nov/2026:17:44:18 +0000] "GET / HTTP/1.1" 400 215 "-" "curl/7.88.1"`,
		`2026/11/22 17:44`, ``, "\x00\xff SSL",
	} {
		if e, ok := ParseErrorLine([]byte(line)); ok {
			t.Errorf("recognised %q as %s", line, e.Key)
		}
	}
}

func TestParseAccessLine(t *testing.T) {
	tests := []struct {
		line, key string
		ok        bool
	}{
		{`127.0.0.1 - - [22/Nov/2026:17:44:18 +0000] "GET / HTTP/1.1" 400 215 "-" "curl/7.88.1"`, "status-495", true},
		{`127.0.0.1 - - [22/Nov/2026:17:44:18 +0000] "GET / HTTP/1.1" 400 237 "-" "curl/7.88.1"`, "status-496", true},
		{`127.0.0.1 - - [22/Nov/2026:17:44:18 +0000] "GET / HTTP/1.1" 400 255 "-" "curl/7.88.1"`, "status-497", true},
		{`127.0.0.1 - - [22/Nov/2026:17:44:18 +0000] "GET / HTTP/1.1" 400 208 "-" "curl/7.88.1"`, "status-495", true}, // server_tokens off
		{`127.0.0.1 - - [22/Nov/2026:17:44:18 +0000] "GET / HTTP/1.1" 400 617 "-" "Mozilla/5.0 Chrome/120"`, "status-495", true},
		{`127.0.0.1 - - [22/Nov/2026:17:44:18 +0000] "GET / HTTP/1.1" 400 215 "-" "curl/7.88.1" "FAILED:certificate has expired" "TLSv1.3"`, "status-495:certificate has expired", true},
		{`127.0.0.1 - - [22/Nov/2026:17:44:18 +0000] "GET / HTTP/1.1" 400 237 "-" "curl/7.88.1" "NONE" "TLSv1.3"`, "status-496", true},
		// A TLS connection (NONE) is never plain HTTP, whatever the size.
		{`127.0.0.1 - - [22/Nov/2026:17:44:18 +0000] "GET / HTTP/1.1" 400 255 "-" "curl/7.88.1" "NONE" "TLSv1.3"`, "", false},
		{`127.0.0.1 - - [22/Nov/2026:17:44:18 +0000] "GET / HTTP/1.1" 400 150 "-" "curl/7.88.1"`, "", false},
		{`127.0.0.1 - - [22/Nov/2026:17:44:18 +0000] "GET / HTTP/1.1" 200 615 "-" "curl/7.88.1"`, "", false},
	}
	for _, tc := range tests {
		e, ok := ParseAccessLine([]byte(tc.line))
		if ok != tc.ok || (ok && e.Key != tc.key) {
			t.Errorf("%s: got %v %q, want %v %q", tc.line, ok, e.Key, tc.ok, tc.key)
		}
		if ok && (e.Client != "127.0.0.1" || e.Time.IsZero()) {
			t.Errorf("%s: client %q time %v", tc.line, e.Client, e.Time)
		}
	}
	j := `{"time":"2026-11-22T17:44:18+00:00","remote_addr":"127.0.0.2","request":"GET / HTTP/1.1","status":400,"body_bytes_sent":215,"ssl_client_verify":"FAILED:CA signature digest algorithm too weak","ssl_protocol":"TLSv1.3"}`
	e, ok := ParseJSONLine([]byte(j))
	if !ok || e.Key != "status-495:CA signature digest algorithm too weak" || e.Code != 68 || e.Client != "127.0.0.2" || e.Time.IsZero() {
		t.Errorf("JSON line: %v %+v", ok, e)
	}
}

func TestSniff(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Format
	}{
		{errorLines[0].line + "\n" + errorLines[1].line + "\n", ErrorLog},
		{`127.0.0.1 - - [22/Nov/2026:17:44:18 +0000] "GET / HTTP/1.1" 200 615 "-" "curl"` + "\n", AccessLog},
		{`{"status":200}` + "\n", AccessJSON},
		{"hello\nworld\n", Unknown},
		{"", Unknown},
		// One JSON line among another program's TLS lines is no access
		// log; one odd line among access lines still is.
		{"ldap_start_tls: Protocol error (2)\nkafka: SSL handshake failed\nmssql: TLS Handshake failed: EOF\n" + `{"error":"x509: certificate signed by unknown authority"}` + "\nERROR 2026 (HY000): SSL connection error\n", Unknown},
		{`{"status":200}` + "\n# rotated\n" + `{"status":400}` + "\n", AccessJSON},
	} {
		if got := Sniff([]byte(tc.in)); got != tc.want {
			t.Errorf("Sniff(%.40q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

// collect runs a Scanner to the end.
func collect(t *testing.T, r io.Reader) (*Scanner, []string) {
	t.Helper()
	s := NewScanner(r, Unknown)
	var keys []string
	for {
		e, ok := s.Next()
		if !ok {
			break
		}
		keys = append(keys, e.Key)
	}
	if s.Err() != nil {
		t.Fatal(s.Err())
	}
	return s, keys
}

func TestScannerCountsAndEdges(t *testing.T) {
	var b strings.Builder
	filler := `2026/11/22 17:44:18 [error] 1#1: *5 open() "/x" failed (2: No such file or directory), client: 127.0.0.1` + "\n"
	want := 0
	lines := 0
	for i := 0; i < 5000; i++ {
		b.WriteString(filler)
		lines++
		if i%7 == 0 {
			b.WriteString(errorLines[i%len(errorLines)].line + "\n")
			lines++
			want++
		}
	}
	// A 5 MB line without a newline in between, then a real line, then a
	// last line without a newline.
	b.WriteString(strings.Repeat("x", 5<<20) + "\n")
	lines++
	b.WriteString(errorLines[0].line + "\r\n")
	lines++
	want++
	b.WriteString(errorLines[4].line)
	lines++
	want++
	data := b.String()
	for name, r := range map[string]io.Reader{
		"whole":    strings.NewReader(data),
		"one byte": iotest.OneByteReader(strings.NewReader(data[:200000])),
		"half":     iotest.HalfReader(strings.NewReader(data)),
	} {
		s, keys := collect(t, r)
		if name == "one byte" {
			continue // a prefix: only checks that tiny reads work
		}
		if int(s.Lines) != lines || len(keys) != want || s.LongLines != 1 {
			t.Errorf("%s: %d lines, %d events, %d long; want %d, %d, 1", name, s.Lines, len(keys), s.LongLines, lines, want)
		}
	}
	// Each (two goroutines) sees exactly what Next sees.
	each := NewScanner(strings.NewReader(data), Unknown)
	var eachKeys []string
	each.Each(func(e Event) { eachKeys = append(eachKeys, e.Key) })
	_, nextKeys := collect(t, strings.NewReader(data))
	if strings.Join(eachKeys, ",") != strings.Join(nextKeys, ",") || int(each.Lines) != lines || each.Matched != int64(len(nextKeys)) {
		t.Errorf("Each: %d events, %d lines; Next: %d events", len(eachKeys), each.Lines, len(nextKeys))
	}
	s, keys := collect(t, iotest.OneByteReader(strings.NewReader(errorLines[0].line+"\n"+errorLines[5].line+"\n")))
	if s.Lines != 2 || len(keys) != 2 {
		t.Errorf("byte-at-a-time: %d lines, %v", s.Lines, keys)
	}
}

func TestScannerNotALog(t *testing.T) {
	s, keys := collect(t, bytes.NewReader(bytes.Repeat([]byte("just prose, with SSL in it\n"), 100)))
	if s.Format() != Unknown || len(keys) != 0 {
		t.Errorf("format %v, %d events", s.Format(), len(keys))
	}
}

func TestSummaryBounds(t *testing.T) {
	sum := NewSummary()
	for i := 0; i < MaxGroups+500; i++ {
		sum.Add(Event{ID: "handshake-failed", Key: "handshake-failed:" + strings.Repeat("r", i%3000+1) + string(rune('a'+i%26)), Client: "10.0.0." + strings.Repeat("1", i%5)})
	}
	if n := len(sum.Groups()); n > MaxGroups+1 {
		t.Errorf("%d groups, bound is %d", n, MaxGroups+1)
	}
	if sum.Count("handshake-failed") != MaxGroups+500 {
		t.Errorf("events lost: %d", sum.Count("handshake-failed"))
	}
	if got := Clean([]byte("a\xffb\x1b[31m\r")); got != "a\uFFFDb\uFFFD[31m" {
		t.Errorf("Clean = %q", got)
	}
}

func FuzzParseLine(f *testing.F) {
	for _, tc := range errorLines {
		f.Add([]byte(tc.line))
	}
	for _, l := range []string{
		`2026/11/22 17:43:00 [info] 19735#19735: *1 peer closed connection in SSL handshake (104: Connection reset by peer) while SSL handshaking, client: 127.0.0.1, server: 127.0.0.1:18446`,
		`2026/11/22 17:43:00 [error] 19735#19735: *7 peer closed connection in SSL handshake while SSL handshaking to upstream, client: 2001:db8::1, server: , request: "GET / HTTP/1.1", upstream: "https://10.0.0.1:443/"`,
		`2026/11/22 17:43:00 [info] 1#1: *3 SSL_read() failed (SSL: error:0A000126:SSL routines::unexpected eof while reading) while processing HTTP/2 connection, client: 10.0.0.2, server: 0.0.0.0:443`,
	} {
		f.Add([]byte(l))
	}
	// One interner for the whole run: what it remembers of earlier lines
	// must never change how a line is read.
	in := newInterner()
	f.Add([]byte(`127.0.0.1 - - [22/Nov/2026:17:44:18 +0000] "GET / HTTP/1.1" 400 215 "-" "curl/7.88.1" "FAILED:x" "y"`))
	f.Add([]byte(`{"status":400,"body_bytes_sent":215,"ssl_client_verify":"FAILED:certificate revoked"}`))
	f.Fuzz(func(t *testing.T, line []byte) {
		want, wok := ParseErrorLine(line)
		got, gok := parseErrorLine(line, in)
		if wok != gok || want.Key != got.Key || want.Role != got.Role || want.ID != got.ID {
			t.Fatalf("%q: with an interner %v %q %q, without %v %q %q", line, gok, got.Key, got.Role, wok, want.Key, want.Role)
		}
		ParseAccessLine(line)
		ParseJSONLine(line)
		Sniff(line)
		_ = Clean(line)
		a := Attribute(string(line))
		if a.Reporter == "" || (a.Role != RoleServer && a.Role != RoleClient) {
			t.Fatalf("Attribute(%q) = %+v", line, a)
		}
		_ = Reason(string(line))
		IsErrorLike(line)
	})
}

func FuzzScanner(f *testing.F) {
	f.Add([]byte(errorLines[0].line + "\n" + errorLines[4].line))
	f.Add([]byte("\n\n\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s := NewScanner(bytes.NewReader(data), Unknown)
		n := 0
		for {
			if _, ok := s.Next(); !ok {
				break
			}
			n++
		}
		if int64(n) != s.Matched || s.Lines > int64(bytes.Count(data, nl))+1 {
			t.Fatalf("matched %d/%d, lines %d for %d newlines", n, s.Matched, s.Lines, bytes.Count(data, nl))
		}
	})
}

// TestErrorKindsFound: every kind of error-log line has an example, the
// example is of that kind (no kind before it in the table takes it), and
// the scanner finds it, with the event key the kind promises: it parses
// only lines that hold one of errorNeedles.
func TestErrorKindsFound(t *testing.T) {
	for i, k := range errorKinds {
		if k.example == "" || k.exampleKey == "" {
			t.Errorf("kind %d (%s, %q) has no example line", i, k.id, k.prefixes)
			continue
		}
		start, timed, ok := errorStart([]byte(k.example))
		if !ok {
			t.Fatalf("kind %d: not an error-log line: %s", i, k.example)
		}
		level, msg, _, _ := splitErrorLine([]byte(k.example)[start:], timed)
		for j := range errorKinds {
			if _, ok := errorKinds[j].matches(msg, level); ok {
				if j != i {
					t.Errorf("kind %d (%s): its example is read as kind %d (%s)", i, k.id, j, errorKinds[j].id)
				}
				break
			}
		}
		s := NewScanner(strings.NewReader(k.example+"\n"), ErrorLog)
		if e, ok := s.Next(); !ok || e.Key != k.exampleKey || e.ID != k.id {
			t.Errorf("the scanner reads %s as %v %q %q, want %s %q", k.example, ok, e.ID, e.Key, k.id, k.exampleKey)
		}
	}
}

// TestIPv4Key: only a dotted quad as nginx writes it is looked up by its
// number, so that two texts never share a number.
func TestIPv4Key(t *testing.T) {
	for s, want := range map[string]bool{"10.2.3.4": true, "255.255.255.255": true, "0.0.0.0": true,
		"010.2.3.4": false, "10.2.3": false, "10.2.3.4.5": false, "256.1.1.1": false, "1..2.3": false,
		"::1": false, "10.2.3.4 ": false, "a.b.c.d": false, "1.2.3.04": false, "": false} {
		if _, ok := ipv4(s); ok != want {
			t.Errorf("ipv4(%q) = %v, want %v", s, ok, want)
		}
	}
	a, _ := ipv4("10.2.3.4")
	if a != 10<<24|2<<16|3<<8|4 {
		t.Errorf("ipv4(10.2.3.4) = %x", a)
	}
}

// FuzzIPv4: ipv4 takes exactly the texts netip reads as an IPv4 address,
// with the same number.
func FuzzIPv4(f *testing.F) {
	for _, s := range []string{"10.2.3.4", "255.255.255.255", "0.0.0.0", "010.2.3.4", "1.2.3.04", "256.1.1.1", "1..2.3", "::1", "::ffff:1.2.3.4", "1.2.3.4%eth0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := ipv4(s)
		a, err := netip.ParseAddr(s)
		want := err == nil && a.Is4()
		if ok != want {
			t.Fatalf("ipv4(%q) ok = %v, netip says %v", s, ok, want)
		}
		if ok && got != binary.BigEndian.Uint32(a.AsSlice()) {
			t.Fatalf("ipv4(%q) = %x, netip says %v", s, got, a)
		}
	})
}

// TestIPv4Index: the index finds every address put in it, at its place,
// and no other, across its growth.
func TestIPv4Index(t *testing.T) {
	var x ipv4Index
	if _, ok := x.get(0); ok {
		t.Fatal("an empty index finds 0")
	}
	const n = 5000
	addr := func(i int) uint32 { return uint32(i) * 2654435761 }
	for i := range n {
		x.put(addr(i), int32(i))
	}
	for i := range n {
		if v, ok := x.get(addr(i)); !ok || v != int32(i) {
			t.Fatalf("get(%x) = %d, %v; want %d", addr(i), v, ok, i)
		}
		if _, ok := x.get(addr(i) + 1); ok && addr(i)+1 != addr(i+1) {
			t.Fatalf("get(%x) finds an address never put", addr(i)+1)
		}
	}
	if x.n != n || 2*x.n > len(x.slots) {
		t.Fatalf("%d addresses in %d slots", x.n, len(x.slots))
	}
}

// TestTimeByMinute: times read a minute at a time equal those read whole,
// across minutes, days and the clock changes of a zone with summer time.
func TestTimeByMinute(t *testing.T) {
	defer func(l *time.Location) { time.Local = l }(time.Local)
	for _, zone := range []string{"UTC", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe"} {
		loc, err := time.LoadLocation(zone)
		if err != nil {
			t.Fatalf("zone %s: %v", zone, err)
		}
		time.Local = loc
		in := newInterner()
		for _, day := range []string{"2026/03/29", "2026/10/25", "2026/03/08", "2026/11/01", "2026/04/05", "2026/10/04", "2026/12/31"} {
			for m := 0; m < 24*60; m += 7 {
				for _, sec := range []int{0, 1, 59, 30} {
					line := []byte(fmt.Sprintf("%s %02d:%02d:%02d [info] 1#1: x", day, m/60, m%60, sec))
					if got, want := in.time(line), errorTime(line); !got.Equal(want) {
						t.Fatalf("%s: %s read as %v, want %v", zone, line[:19], got, want)
					}
				}
			}
		}
	}
}

// TestStaplingRequestLinesFound: what nginx logs while it requests an OCSP
// response holds no upper-case word; the scanner still finds it. Lines as
// pasted in public threads (see testdata/pasted).
func TestStaplingRequestLinesFound(t *testing.T) {
	log := `2019/03/27 18:06:43 [warn] 8#8: no resolver defined to resolve ocsp.int-x3.letsencrypt.org while requesting certificate status, responder: ocsp.int-x3.letsencrypt.org, certificate: "/etc/nginx/certs/example.crt"
2019/03/27 18:06:44 [info] 8#8: *2 client closed keepalive connection
2019/03/27 18:06:45 [error] 35#35: ocsp.int-x3.letsencrypt.org could not be resolved (110: Operation timed out) while requesting certificate status, responder: ocsp.int-x3.letsencrypt.org, certificate: "/etc/nginx/ssl/example.crt"
`
	s := NewScanner(strings.NewReader(log), ErrorLog)
	var ids []string
	s.Each(func(e Event) { ids = append(ids, e.ID+"/"+e.Role) })
	if len(ids) != 2 || ids[0] != "stapling-failed/client" || ids[1] != "stapling-failed/client" || s.Lines != 3 {
		t.Fatalf("read %q from %d lines, want two stapling-failed lines as the client of 3", ids, s.Lines)
	}
}

// TestClientsKeepTheirText: clients counted as numbers (IPv4) and as text
// (IPv6, names, addresses with leading zeros) come back as written.
func TestClientsKeepTheirText(t *testing.T) {
	g := newGroup("k")
	for _, c := range []string{"10.2.3.4", "::1", "10.2.3.4", "0.0.0.0", "255.255.255.255", "010.2.3.4", "::1", "unix:"} {
		g.addClient(c, 1)
	}
	got := map[string]int{}
	for _, c := range g.TopClients(10) {
		got[c.Addr] = c.Count
	}
	want := map[string]int{"10.2.3.4": 2, "::1": 2, "0.0.0.0": 1, "255.255.255.255": 1, "010.2.3.4": 1, "unix:": 1}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("clients %v, want %v", got, want)
	}
}

// TestTopClients: the n most frequent clients, ties by address text (not
// by number: "10.0.0.10" before "10.0.0.9"), as a full sort gives them.
func TestTopClients(t *testing.T) {
	g := newGroup("k")
	counts := map[string]int{"10.0.0.9": 3, "10.0.0.10": 3, "::1": 5, "192.168.1.1": 1, "10.0.0.100": 3, "a": 3, "9.9.9.9": 2}
	for c, n := range counts {
		for range n {
			g.addClient(c, 1)
		}
	}
	var all []Client
	for c, n := range counts {
		all = append(all, Client{c, n})
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].Count != all[j].Count {
			return all[i].Count > all[j].Count
		}
		return all[i].Addr < all[j].Addr
	})
	for n := 0; n <= len(all)+1; n++ {
		got, want := g.TopClients(n), all[:min(n, len(all))]
		if len(got) != len(want) || len(want) > 0 && !reflect.DeepEqual(got, want) {
			t.Errorf("TopClients(%d) = %v, want %v", n, got, want)
		}
	}
}

// TestAlertSpellingsOneGroup: OpenSSL 3.2 spells "sslv3 alert handshake
// failure" "ssl/tls alert handshake failure"; the same failure logged by
// two versions is one group. The messages are those of real lines from
// public threads (see testdata/pasted); times, requests and addresses are
// made up.
func TestAlertSpellingsOneGroup(t *testing.T) {
	log := `2025/01/09 09:28:40 [error] 20#20: *43 SSL_do_handshake() failed (SSL: error:0A000410:SSL routines::ssl/tls alert handshake failure:SSL alert number 40) while SSL handshaking to upstream, client: 127.0.0.1, server: _, request: "GET / HTTP/1.1", upstream: "https://10.0.0.1:443/", host: "example.org"
2025/01/09 09:28:41 [error] 20#20: *10 SSL_do_handshake() failed (SSL: error:0A000410:SSL routines::sslv3 alert handshake failure:SSL alert number 40) while SSL handshaking to upstream, client: 172.19.0.1, server: example.host, request: "GET / HTTP/2.0", upstream: "https://10.0.0.2:443/", host: "example.host"
2025/01/09 09:28:42 [info] 20#20: *11 SSL_do_handshake() failed (SSL: error:0A000410:SSL routines::ssl/tls alert handshake failure:SSL alert number 40) while SSL handshaking, client: 127.0.0.1, server: 0.0.0.0:443
2025/01/09 09:28:43 [info] 20#20: *12 SSL_do_handshake() failed (SSL: error:0A000410:SSL routines::sslv3 alert handshake failure:SSL alert number 40) while SSL handshaking, client: 127.0.0.2, server: 0.0.0.0:443
`
	sum := NewSummary()
	NewScanner(strings.NewReader(log), ErrorLog).Each(func(e Event) { sum.Add(e) })
	gs := sum.Groups()
	if len(gs) != 2 || gs[0].Count != 2 || gs[1].Count != 2 {
		for _, g := range gs {
			t.Logf("%s: %d", g.Key, g.Count)
		}
		t.Fatalf("%d groups, want two of two lines (upstream and client-facing)", len(gs))
	}
}

// TestLowerCaseSSLLinesCounted: lines that say "ssl" only in lower case
// (the "ssl" directive's deprecation warning, a ssl_ directive, Lua's
// verify error) are found by the scan and counted, and a path that merely
// holds "ssl" is not.
func TestLowerCaseSSLLinesCounted(t *testing.T) {
	log := strings.Join([]string{
		`2024/01/01 00:00:00 [warn] 1#1: the "ssl" directive is deprecated, use the "listen ... ssl" directive instead in /etc/nginx/sites-enabled/default:22`,
		`2024/01/01 00:00:01 [error] 7#7: *3 open() "/var/www/html/ssl/index.html" failed (2: No such file or directory), client: 10.0.0.1, server: _, request: "GET /ssl/ HTTP/1.1"`,
		`2024/01/01 00:00:02 [error] 7#7: *4 lua ssl certificate verify error: (20: unable to get local issuer certificate), context: ngx.timer`,
		`2024/01/01 00:00:03 [emerg] 1#1: no ssl_client_certificate for ssl_verify_client`,
	}, "\n") + "\n"
	s := NewScanner(strings.NewReader(log), ErrorLog)
	var ids []string
	for {
		e, ok := s.Next()
		if !ok {
			break
		}
		ids = append(ids, e.ID)
	}
	want := []string{"tls-unexplained", "lua-verify-error", "startup-failed"}
	if strings.Join(ids, " ") != strings.Join(want, " ") {
		t.Errorf("events %v, want %v", ids, want)
	}
}

// TestNeedleSetsAgree: both needle sets, with the fast search and
// without it, find every kind's example line and the lower-case ssl lines.
func TestNeedleSetsAgree(t *testing.T) {
	lines := append(Examples(),
		`2024/01/01 00:00:00 [warn] 1#1: the "ssl" directive is deprecated, use the "listen ... ssl" directive instead in /etc/nginx/a.conf:3`,
		`2024/01/01 00:00:02 [error] 7#7: *4 lua ssl certificate verify error: (20: unable to get local issuer certificate)`)
	for _, fast := range []bool{true, false} {
		set := errorNeedleSet(fast)
		for _, l := range lines {
			b := []byte(l)
			found := false
			for _, n := range set {
				found = found || n.find(b, 0, len(b)) >= 0
			}
			if !found {
				t.Errorf("fast %v: no needle finds %s", fast, l)
			}
		}
	}
}

// TestOtherProgramsScannedAsFollowed: another program's lines in an nginx
// error stream are counted the same by the scanner (which parses only the
// lines its needles find) and line by line (logs -f parses every line).
func TestOtherProgramsScannedAsFollowed(t *testing.T) {
	lines := []string{
		`web_1 | 2026/03/03 10:00:00 [info] 29#29: *3 client SSL certificate verify error: (68:CA signature digest algorithm too weak) while reading client request headers, client: 172.18.0.1, server: localhost`,
		`job_1 | requests.exceptions.SSLError: HTTPSConnectionPool(host='api.internal', port=443): Max retries exceeded`,
		`Mar  3 10:00:01 host postfix/smtpd[123]: Anonymous TLS connection established from one.example.com[192.0.2.1]`,
		`api_1 | Get "https://10.0.0.5/": x509: certificate signed by unknown authority`,
		`api_1 | 2026/03/03 10:00:02 http: proxy error: remote error: tls: bad certificate`,
		`ui_1  |     at TLSSocket._finishInit (node:_tls_wrap:946:8)`,
		`# a TLS comment`,
		`sshd[99]: Accepted publickey for root from 192.0.2.3 port 5000 ssh2`,
	}
	followed := 0
	for _, l := range lines {
		if _, ok := ParseErrorLine([]byte(l)); ok {
			followed++
		}
	}
	s := NewScanner(strings.NewReader(strings.Join(lines, "\n")+"\n"), ErrorLog)
	scanned := 0
	for {
		if _, ok := s.Next(); !ok {
			break
		}
		scanned++
	}
	if scanned != followed || scanned != 5 {
		t.Errorf("scanner counted %d lines, line by line %d; want 5 both (nginx's, requests', postfix's, Go's x509: and tls: lines)", scanned, followed)
	}
}
