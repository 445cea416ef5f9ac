package logparse

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/internal/safefile"
)

// onePass reads name in one pass (a skip function turns reading in parts
// off) and returns what it found.
func onePass(t *testing.T, name string, since func(*Summary)) (FileCounts, *Summary) {
	t.Helper()
	sum := NewSummary()
	since(sum)
	n, err := ScanFile(name, nil, sum, func(Event) bool { return false })
	if err != nil {
		t.Fatal(err)
	}
	return n, sum
}

// inParts reads name in parts after what one pass over before found.
func inParts(t *testing.T, name string, parts int, sum *Summary) FileCounts {
	t.Helper()
	defer func(m int64) { partsMin = m }(partsMin)
	partsMin = 1
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n, ok, err := scanParts(f, sum, parts)
	if err != nil || !ok {
		t.Fatalf("scanParts: ok %v, %v", ok, err)
	}
	return n
}

// partsLog writes an error log whose lines have random lengths and kinds,
// so that the parts' boundaries fall anywhere: in lines, on their starts,
// in CRLF pairs, in lines longer than MaxLine; with blank lines, lines
// that are not nginx's, and no newline at the end.
func partsLog(t *testing.T, seed uint64, lines int) string {
	t.Helper()
	r := rand.New(rand.NewPCG(seed, 1))
	var b bytes.Buffer
	for i := range lines {
		if i%1000 == 500 {
			// Longer than the scanner's buffer: counted, skipped.
			fmt.Fprintf(&b, "2026/11/01 00:00:00 [info] 1#1: SSL %s\n", strings.Repeat("y", BufSize+MaxLine))
		}
		ts := fmt.Sprintf("2026/11/%02d %02d:%02d:%02d ", 1+i/3600%28, i/60%24, i%60, r.IntN(60))
		switch r.IntN(12) {
		case 0:
			fmt.Fprintf(&b, "%s[info] 1#1: *%d client SSL certificate verify error: (%d:reason %d) while reading client request headers, client: 10.0.%d.%d, server: x\n",
				ts, i, r.IntN(80), r.IntN(3), r.IntN(4), r.IntN(250))
		case 1:
			fmt.Fprintf(&b, "%s[info] 1#1: *%d SSL_do_handshake() failed (SSL: error:0A000418:SSL routines::tlsv1 alert unknown ca:SSL alert number 48) while SSL handshaking, client: 10.1.0.%d, server: 0.0.0.0:443\r\n", ts, i, r.IntN(250))
		case 2:
			fmt.Fprintf(&b, "%s[error] 1#1: *%d lua ssl certificate verify error: (20: unable to get local issuer certificate), context: ngx.timer, client: 10.2.0.%d\n", ts, i, r.IntN(9))
		case 3:
			fmt.Fprintf(&b, "%s[emerg] 1#1: no ssl_client_certificate for ssl_verify_client\n", ts)
		case 4:
			fmt.Fprintf(&b, "%s[info] 1#1: *%d client sent no required SSL certificate %s, client: 10.3.0.%d\n", ts, i, strings.Repeat("x", r.IntN(3)*MaxLine/2), r.IntN(9))
		case 5:
			b.WriteString("\n")
		case 6:
			b.WriteString("not a log line at all, SSL or not\n")
		default:
			fmt.Fprintf(&b, "%s[info] 1#1: *%d client 10.9.%d.%d closed keepalive connection%s\n", ts, i, r.IntN(250), r.IntN(250), strings.Repeat(" ", r.IntN(300)))
		}
	}
	b.WriteString("2026/11/30 00:00:00 [info] 1#1: *1 client sent no required SSL certificate, client: 10.3.0.1")
	name := filepath.Join(t.TempDir(), "error.log")
	if err := os.WriteFile(name, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return name
}

// TestScanPartsIsOnePass: reading a log in 2 to 9 parts gives the counts
// and the summary (groups, their order, examples, times, clients) of one
// pass, wherever the parts' boundaries fall, after a summary of another
// log as well as from an empty one, with and without Since.
func TestScanPartsIsOnePass(t *testing.T) {
	for seed := range uint64(6) {
		name := partsLog(t, seed, 3000)
		for _, since := range []func(*Summary){func(*Summary) {}, func(s *Summary) { s.Since = errorTime([]byte("2026/11/01 12:00:00")) }} {
			want, wantSum := onePass(t, name, since)
			if want.Events == 0 || want.LongLines == 0 {
				t.Fatalf("the log has %d events, %d long lines", want.Events, want.LongLines)
			}
			for parts := 2; parts <= 9; parts++ {
				sum := NewSummary()
				since(sum)
				got := inParts(t, name, parts, sum)
				if got != want {
					t.Errorf("seed %d, %d parts: %+v, one pass %+v", seed, parts, got, want)
				}
				if !sameSummary(sum, wantSum) {
					t.Errorf("seed %d, %d parts: the summary differs from one pass", seed, parts)
				}
			}
		}
		// After another log: merge continues a summary that has groups.
		other := partsLog(t, seed+100, 500)
		_, want := onePass(t, other, func(*Summary) {})
		if _, err := ScanFile(name, nil, want, func(Event) bool { return false }); err != nil {
			t.Fatal(err)
		}
		_, got := onePass(t, other, func(*Summary) {})
		inParts(t, name, 3, got)
		if !sameSummary(got, want) {
			t.Errorf("seed %d: after another log, the summary in parts differs from one pass", seed)
		}
	}
}

// TestScanPartsBounds: past MaxClients clients in a group, the parts'
// summaries merge into what one pass keeps (the same clients tracked, the
// same counted as other); past MaxGroups groups, which one pass folds
// event by event, ScanFile reads the log in one pass.
func TestScanPartsBounds(t *testing.T) {
	defer func(m int64) { partsMin = m }(partsMin)
	partsMin = 1
	for _, groups := range []int{MaxGroups - 100, 2 * MaxGroups} {
		var b bytes.Buffer
		for i := range groups + 3*MaxClients {
			code := i % groups
			if i%3 == 0 {
				code = 7 // one group with more clients than it tracks
			}
			fmt.Fprintf(&b, "2026/11/01 00:00:%02d [info] 1#1: *%d client SSL certificate verify error: (%d:r) while reading client request headers, client: 10.%d.%d.%d, server: x\n",
				i%60, i, code, i>>16&255, i>>8&255, i&255)
		}
		name := filepath.Join(t.TempDir(), "error.log")
		if err := os.WriteFile(name, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		want, wantSum := onePass(t, name, func(*Summary) {})
		if len(wantSum.groups["verify-error:7"].cli) != MaxClients || wantSum.groups["verify-error:7"].otherCli == 0 {
			t.Fatalf("the log does not reach MaxClients")
		}
		for _, parts := range []int{2, 3, 8} {
			f, err := os.Open(name)
			if err != nil {
				t.Fatal(err)
			}
			sum := NewSummary()
			got, ok, err := scanParts(f, sum, parts)
			f.Close()
			if ok != (groups <= MaxGroups) || err != nil {
				t.Fatalf("%d groups, %d parts: read in parts %v, %v", groups, parts, ok, err)
			}
			if ok && (got != want || !sameSummary(sum, wantSum)) {
				t.Errorf("%d parts: %+v, one pass %+v; the summaries are equal: %v", parts, got, want, sameSummary(sum, wantSum))
			}
		}
		sum := NewSummary()
		got, err := ScanFile(name, nil, sum, nil)
		if err != nil || got != want || !sameSummary(sum, wantSum) {
			t.Errorf("%d groups: ScanFile %+v, %v; one pass %+v", groups, got, err, want)
		}
	}
}

// TestLineStart: a part starts at the first line that starts at or after
// its offset.
func TestLineStart(t *testing.T) {
	data := "ab\ncd\n\nef"
	name := filepath.Join(t.TempDir(), "f")
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for off, want := range []int64{0, 3, 3, 3, 6, 6, 6, 7, 9, 9} {
		if got, err := lineStart(f, int64(off), int64(len(data))); err != nil || got != want {
			t.Errorf("lineStart(%d) = %d, %v; want %d", off, got, err, want)
		}
	}
}

// TestScanFileInParts: ScanFile, which reads a large plain log in parts
// on a machine with more than one core, finds what one pass finds.
func TestScanFileInParts(t *testing.T) {
	defer func(m int64) { partsMin = m }(partsMin)
	partsMin = 1
	name := partsLog(t, 42, 2000)
	want, wantSum := onePass(t, name, func(*Summary) {})
	sum := NewSummary()
	got, err := ScanFile(name, nil, sum, nil)
	if err != nil || got != want || !sameSummary(sum, wantSum) {
		t.Errorf("ScanFile: %+v, %v; one pass %+v (summaries equal: %v)", got, err, want, sameSummary(sum, wantSum))
	}
}

// TestScanPartsOverflow: a part with more clients than a part keeps
// turns reading in parts off, and ScanFile reads the log in one pass.
func TestScanPartsOverflow(t *testing.T) {
	defer func(m int64, c int) { partsMin, partClients = m, c }(partsMin, partClients)
	partsMin, partClients = 1, 10
	name := partsLog(t, 7, 2000)
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, ok, _ := scanParts(f, NewSummary(), 2); ok {
		t.Fatal("read in parts past partClients")
	}
	want, wantSum := onePass(t, name, func(*Summary) {})
	sum := NewSummary()
	got, err := ScanFile(name, nil, sum, nil)
	if err != nil || got != want || !sameSummary(sum, wantSum) {
		t.Errorf("ScanFile: %+v, %v; one pass %+v", got, err, want)
	}
}

// FuzzScanParts: whatever the bytes, reading them in 2 or 3 parts finds
// what one pass finds, or declines to read in parts.
func FuzzScanParts(f *testing.F) {
	for _, l := range errorLines {
		f.Add([]byte(l.line+"\n"+l.line+"\r\n\n"+l.line), uint8(2))
	}
	f.Add([]byte("\n\n\nSSL\n"), uint8(3))
	f.Fuzz(func(t *testing.T, data []byte, parts uint8) {
		name := filepath.Join(t.TempDir(), "log")
		if err := os.WriteFile(name, data, 0o644); err != nil {
			t.Fatal(err)
		}
		want, wantSum := onePass(t, name, func(*Summary) {})
		defer func(m int64) { partsMin = m }(partsMin)
		partsMin = 1
		file, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		defer file.Close()
		sum := NewSummary()
		got, ok, err := scanParts(file, sum, 2+int(parts%2))
		if ok && (err != nil || got != want || !sameSummary(sum, wantSum)) {
			t.Errorf("in parts %+v, %v; one pass %+v", got, err, want)
		}
	})
}

// blockedReader never returns, like a read of a hung network file system.
type blockedReader chan struct{}

func (b blockedReader) Read([]byte) (int, error) { <-b; return 0, io.EOF }

// TestDirectReaderTimeout: a read that does not return within
// safefile.ReadTimeout fails with ErrTimeout, and so does every later one.
func TestDirectReaderTimeout(t *testing.T) {
	defer func(d time.Duration) { safefile.ReadTimeout = d }(safefile.ReadTimeout)
	safefile.ReadTimeout = 50 * time.Millisecond
	block := make(blockedReader)
	defer close(block)
	r := &directReader{r: block}
	for range 2 {
		if _, err := r.Read(make([]byte, 8)); !errors.Is(err, safefile.ErrTimeout) {
			t.Fatalf("read: %v, want a timeout", err)
		}
	}
}

// TestWaitProgress: parts that read nothing for safefile.ReadTimeout are
// given up with ErrTimeout; parts that keep reading are waited for, however
// long they take in all.
func TestWaitProgress(t *testing.T) {
	defer func(d time.Duration) { safefile.ReadTimeout = d }(safefile.ReadTimeout)
	safefile.ReadTimeout = 100 * time.Millisecond
	block := make(blockedReader)
	defer close(block)
	var last atomic.Int64
	last.Store(time.Now().UnixNano())
	var wg sync.WaitGroup
	wg.Go(func() { (&progressReader{block, &last}).Read(nil) })
	if err := waitProgress(&wg, &last); !errors.Is(err, safefile.ErrTimeout) {
		t.Fatalf("a blocked part: %v, want a timeout", err)
	}
	last.Store(time.Now().UnixNano())
	var slow sync.WaitGroup
	slow.Go(func() {
		r := &progressReader{strings.NewReader("x"), &last}
		for range 6 { // 300 ms in all, a read every 50 ms
			time.Sleep(50 * time.Millisecond)
			r.Read(make([]byte, 1))
		}
	})
	if err := waitProgress(&slow, &last); err != nil {
		t.Fatalf("a part that keeps reading: %v", err)
	}
}

// sameSummary compares two summaries, leaving out each group's cache of
// its latest client (which tells nothing about the counts).
func sameSummary(a, b *Summary) bool {
	for _, s := range []*Summary{a, b} {
		for _, g := range s.groups {
			g.last = -1
		}
	}
	return reflect.DeepEqual(a, b)
}
