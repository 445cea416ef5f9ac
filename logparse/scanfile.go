package logparse

import (
	"context"
	"fmt"
	"io"
	"runtime"
)

// FileCounts is what reading one log found.
type FileCounts struct {
	// Format is the format the log was read in (Unknown: none recognised).
	Format Format
	// Lines is the number of lines read; LongLines those skipped as too
	// long; Events the mTLS events added to the summary.
	Lines, LongLines, Events int64
}

// ScanFile reads the log name (plain or gzip; "-" is stdin) and adds its
// mTLS events to sum. skip, when set, leaves out the events it returns
// true for (a caller's own requests). After an error the counts say how
// far reading got.
func ScanFile(name string, stdin io.Reader, sum *Summary, skip func(Event) bool) (FileCounts, error) {
	return ScanFileContext(context.Background(), name, stdin, sum, skip)
}

// ScanFileContext is ScanFile that stops reading when ctx ends (the run
// is interrupted); the error then wraps ctx.Err() and the counts say how
// far reading got.
func ScanFileContext(ctx context.Context, name string, stdin io.Reader, sum *Summary, skip func(Event) bool) (FileCounts, error) {
	r, plain, err := open(name, stdin)
	if err != nil {
		return FileCounts{}, err
	}
	defer r.Close()
	// A plain file read whole, with no filter and nothing to interrupt
	// it, is read in parts on all cores.
	if plain != nil && skip == nil && ctx.Done() == nil {
		if n, ok, err := scanParts(plain, sum, min(runtime.GOMAXPROCS(0), maxParts)); ok {
			return n, err
		}
	}
	sc := NewScanner(ctxReader{ctx, r}, Unknown)
	var n FileCounts
	sc.Each(func(ev Event) {
		if skip != nil && skip(ev) {
			return
		}
		if sum.Add(ev) {
			n.Events++
		}
	})
	n.Lines, n.LongLines = sc.Lines, sc.LongLines
	n.Format = sc.Format() // known late if the log starts with junk
	if err := sc.Err(); err != nil {
		return n, fmt.Errorf("reading stopped after %d lines: %w", sc.Lines, err)
	}
	return n, nil
}

// ctxReader is r that fails with ctx's error once ctx ends.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c ctxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}
