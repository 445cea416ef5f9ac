package logparse

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/internal/safefile"
)

// maxParts bounds the parts a log is read in, and so the buffers in
// memory at once.
const maxParts = 8

// partsMin is the smallest file read in parts; a part's summary holding
// more than partGroups groups or partClients clients stops reading in
// parts (a summary in one pass folds what is past its bounds; a part's
// must keep everything for the merge). Variables for the tests.
var (
	partsMin    int64 = 16 << 20
	partGroups        = 4 * MaxGroups
	partClients       = 4 * MaxClients
)

// scanParts reads the regular file f in parts, one per core, each from a
// line start to the next part's, and merges their summaries into sum in
// file order: the counts and the summary are exactly those of one pass
// (Summary.merge keeps its bounds as Add does). ok is false, and nothing
// is read into sum, when the file is small, there is one core, its head
// shows no known format (one pass may find it further on), a part has
// too many groups or clients to keep them all, or the summary would have
// more than MaxGroups groups.
func scanParts(f *os.File, sum *Summary, parts int) (n FileCounts, ok bool, err error) {
	st, err := f.Stat()
	if err != nil || parts < 2 || st.Size() < partsMin {
		return FileCounts{}, false, nil
	}
	size := st.Size()
	starts := make([]int64, parts+1)
	starts[parts] = size
	for k := 1; k < parts; k++ {
		s, err := lineStart(f, int64(k)*size/int64(parts), size)
		if err != nil {
			return FileCounts{}, false, nil
		}
		starts[k] = max(s, starts[k-1])
	}
	// The first part sniffs the format from the head, as one pass would
	// (that read is bounded by itself); the parts then read without a
	// bound per read, on their own goroutines, into their own buffers,
	// and are given up together when none of them gets anywhere for
	// safefile.ReadTimeout (a hung network file system): a time bound per
	// read costs a hand-off between threads for every read.
	var progress atomic.Int64
	progress.Store(time.Now().UnixNano())
	head := &directReader{r: io.NewSectionReader(f, 0, starts[1])}
	first := NewScanner(head, Unknown)
	format := first.Format()
	if format == Unknown || head.err != nil {
		return FileCounts{}, false, nil
	}
	first.r = &progressReader{head.r, &progress}
	type result struct {
		sum    *Summary
		events int64
		sc     *Scanner
	}
	res := make([]result, parts)
	var wg sync.WaitGroup
	for k := range parts {
		wg.Go(func() {
			sc := first
			if k > 0 {
				sc = NewScanner(&progressReader{io.NewSectionReader(f, starts[k], starts[k+1]-starts[k]), &progress}, format)
			}
			part := NewSummary()
			part.Since, part.lossless = sum.Since, true
			var events int64
			for !part.overflow {
				ev, ok := sc.Next()
				if !ok {
					break
				}
				if part.Add(ev) {
					events++
				}
			}
			res[k] = result{part, events, sc}
		})
	}
	if err := waitProgress(&wg, &progress); err != nil {
		return FileCounts{}, true, err
	}
	sums := make([]*Summary, 0, parts)
	for _, r := range res {
		if r.sum.overflow {
			return FileCounts{}, false, nil
		}
		sums = append(sums, r.sum)
	}
	if sum.newGroups(sums) > MaxGroups {
		// One pass folds the groups past MaxGroups event by event, which
		// a merge of whole groups cannot repeat.
		return FileCounts{}, false, nil
	}
	n.Format = format
	for _, r := range res {
		sum.merge(r.sum)
		n.Lines += r.sc.Lines
		n.LongLines += r.sc.LongLines
		n.Events += r.events
		if err := r.sc.Err(); err != nil {
			return n, true, fmt.Errorf("reading stopped after %d lines: %v", n.Lines, err)
		}
	}
	return n, true, nil
}

// progressReader reads r and notes the time of each read that returns.
type progressReader struct {
	r    io.Reader
	last *atomic.Int64
}

func (p *progressReader) Read(b []byte) (int, error) {
	n, err := p.r.Read(b)
	p.last.Store(time.Now().UnixNano())
	return n, err
}

// waitProgress waits for wg, or fails once no read has returned for
// safefile.ReadTimeout: the goroutines still reading are then left to
// finish on their own, with nothing of theirs used.
func waitProgress(wg *sync.WaitGroup, last *atomic.Int64) error {
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	tick := time.NewTicker(min(safefile.ReadTimeout/4, 250*time.Millisecond))
	defer tick.Stop()
	for {
		select {
		case <-done:
			return nil
		case <-tick.C:
			if time.Since(time.Unix(0, last.Load())) > safefile.ReadTimeout {
				return fmt.Errorf("reading stopped: %w after %v", safefile.ErrTimeout, safefile.ReadTimeout)
			}
		}
	}
}

// lineStart returns the offset of the first line that starts at or after
// off: off itself when a line ends just before it, else the byte after
// the next newline (size when there is none).
func lineStart(f *os.File, off, size int64) (int64, error) {
	if off <= 0 {
		return 0, nil
	}
	// Each read has a time bound; after one times out, buf is not read
	// into again.
	r := &directReader{r: io.NewSectionReader(f, off-1, size-(off-1))}
	buf := make([]byte, 64<<10)
	for pos := off - 1; pos < size; {
		n, err := r.Read(buf)
		if i := bytes.IndexByte(buf[:n], '\n'); i >= 0 {
			return pos + int64(i) + 1, nil
		}
		if err != nil && err != io.EOF {
			return 0, err
		}
		if n == 0 {
			break
		}
		pos += int64(n)
	}
	return size, nil
}
