package logparse

import (
	"bytes"
	"errors"
	"io"

	"github.com/mtlsdoctor/mtlsdoctor/internal/anchors"
)

// Sizes of the Scanner's one buffer: reads of BufSize, lines up to MaxLine.
const (
	BufSize = 256 << 10
	MaxLine = 64 << 10
)

// Sniff decides the format of a log from its first bytes: the format most
// of the complete lines in head have. Unknown means no nginx log line, or
// access-log lines too few to make the file an access log (a JSON line or
// two among another program's lines).
func Sniff(head []byte) Format {
	var errs, acc, js, all int
	for n := 0; len(head) > 0 && n < 200; n++ {
		i := bytes.IndexByte(head, '\n')
		line := head
		if i >= 0 {
			line, head = head[:i], head[i+1:]
		} else {
			head = nil
		}
		line = bytes.TrimSuffix(line, []byte{'\r'})
		if len(bytes.TrimSpace(line)) > 0 {
			all++
		}
		switch {
		case IsErrorLike(line):
			errs++
		case IsAccessLine(line):
			acc++
		case IsJSONLine(line):
			js++
		}
	}
	switch {
	case errs == 0 && acc == 0 && js == 0:
		return Unknown
	case errs >= acc && errs >= js:
		return ErrorLog
	case 4*max(acc, js) < all:
		// An access log is made of access lines; a few among many
		// others are not one.
		return Unknown
	case acc >= js:
		return AccessLog
	}
	return AccessJSON
}

// Scanner streams a log and returns its recognised events. It reads in
// BufSize chunks, finds candidate lines with a byte search (parsing
// nothing else), and keeps at most BufSize+MaxLine bytes.
type Scanner struct {
	r       io.Reader
	format  Format
	parse   func([]byte) (Event, bool)
	needles []needle
	next    []int // next match of each needle at or after pos, -1 none before lim, -2 unknown
	// anchors, for two to five needles, are their anchors with their
	// partners: one pass finds them all.
	anchors *anchors.Set

	buf      []byte
	pos, end int // unread data is buf[pos:end]
	lim      int // end of the complete lines in the buffer (0: unknown)
	eof      bool
	err      error

	// Lines is the number of lines read so far.
	Lines int64
	// Matched is the number of events returned so far.
	Matched int64
	// LongLines counts lines longer than MaxLine, which are skipped.
	LongLines int64
}

// NewScanner prepares a Scanner over r. With format Unknown it sniffs the
// first buffer; Format() then says what it found. If that finds nothing,
// every further buffer is sniffed too until a format shows, so Format()
// may change while reading.
func NewScanner(r io.Reader, format Format) *Scanner {
	s := &Scanner{r: r, buf: make([]byte, BufSize+MaxLine)}
	if format == Unknown {
		s.fill()
		format = Sniff(s.buf[s.pos:s.end])
	}
	s.setFormat(format)
	return s
}

func (s *Scanner) setFormat(f Format) {
	s.format = f
	switch f {
	case ErrorLog:
		in := newInterner()
		s.parse = func(b []byte) (Event, bool) { return parseErrorLine(b, in) }
		s.needles = errorNeedles
	case AccessLog:
		s.parse, s.needles = ParseAccessLine, accessNeedles
	case AccessJSON:
		s.parse, s.needles = ParseJSONLine, jsonNeedles
	default:
		s.parse, s.needles = func([]byte) (Event, bool) { return Event{}, false }, nil
	}
	s.next = make([]int, len(s.needles))
	s.anchors = nil
	if n := len(s.needles); n >= 2 && n <= anchors.Places {
		var as []anchors.Anchor
		for _, nd := range s.needles {
			as = append(as, anchors.Anchor{Byte: nd.anchor, Partner: nd.partner, Off: nd.off})
		}
		set := anchors.NewSet(as...)
		s.anchors = &set
	}
	s.invalidate()
}

// Format is the format being read.
func (s *Scanner) Format() Format { return s.format }

// Err is the first read error other than io.EOF.
func (s *Scanner) Err() error { return s.err }

func (s *Scanner) invalidate() {
	s.lim = 0
	for i := range s.next {
		s.next[i] = -2
	}
}

// fill moves unread data to the front and reads more; it returns false
// at end of input.
func (s *Scanner) fill() bool {
	if s.eof {
		return false
	}
	if s.pos > 0 {
		n := copy(s.buf, s.buf[s.pos:s.end])
		s.pos, s.end = 0, n
		s.invalidate()
	}
	for s.end < len(s.buf) {
		n, err := s.r.Read(s.buf[s.end:])
		s.end += n
		if err != nil {
			if !errors.Is(err, io.EOF) {
				s.err = err
			}
			s.eof = true
			break
		}
		if n > 0 && s.end-s.pos >= BufSize/2 {
			break
		}
	}
	s.invalidate()
	return true
}

// Next returns the next recognised event, or false at the end.
func (s *Scanner) Next() (Event, bool) {
	for {
		line, ok := s.nextCandidate()
		if !ok {
			return Event{}, false
		}
		if e, ok := s.parse(line); ok {
			s.Matched++
			return e, true
		}
	}
}

// nextCandidate returns the next line that contains a needle (valid until
// the next call), counting every line it passes.
func (s *Scanner) nextCandidate() ([]byte, bool) {
	for {
		// Only complete lines are searched; at EOF the last line counts too.
		if s.lim <= s.pos {
			data := s.buf[s.pos:s.end]
			if s.eof {
				if len(data) == 0 {
					return nil, false
				}
				s.lim = s.end
			} else {
				i := bytes.LastIndexByte(data, '\n')
				if i < 0 {
					if len(data) >= MaxLine {
						s.skipLong()
					} else {
						s.fill()
					}
					continue
				}
				s.lim = s.pos + i + 1
			}
		}
		lim := s.lim
		if s.format == Unknown && lim > s.pos {
			// Nothing recognised so far (say the log starts with an
			// over-long line): the format may still show further on.
			if f := Sniff(s.buf[s.pos:lim]); f != Unknown {
				s.setFormat(f)
			}
		}
		p := s.candidate(lim)
		if p < 0 {
			s.Lines += int64(bytes.Count(s.buf[s.pos:lim], nl))
			if lim == s.end && s.eof && lim > s.pos && s.buf[lim-1] != '\n' {
				s.Lines++ // a last line without a newline
			}
			s.pos = lim
			if s.eof && s.pos == s.end {
				return nil, false
			}
			s.fill()
			continue
		}
		ls := bytes.LastIndexByte(s.buf[s.pos:p], '\n') + 1 + s.pos
		le := bytes.IndexByte(s.buf[p:lim], '\n')
		if le < 0 {
			le = lim
		} else {
			le += p
		}
		s.Lines += int64(bytes.Count(s.buf[s.pos:ls], nl)) + 1
		line := s.buf[ls:le]
		if le < lim {
			s.pos = le + 1
		} else {
			s.pos = le
		}
		return line, true
	}
}

// Each calls fn for every recognised event, in input order: a loop over
// Next. (Finding candidate lines is as cheap as handing them to another
// goroutine, so one goroutine does both.)
func (s *Scanner) Each(fn func(Event)) {
	for {
		e, ok := s.Next()
		if !ok {
			return
		}
		fn(e)
	}
}

var nl = []byte{'\n'}

// needle finds byte strings by one rare byte they share (the anchor):
// IndexByte over a byte that seldom occurs runs at memory speed, while a
// search led by a common byte ('[', 'H', 's') stops on every line. Several
// patterns with the same anchor cost one pass.
type needle struct {
	anchor byte
	pats   [][]byte
	offs   []int
	// partner, unless off is 0, is the byte off bytes after the anchor
	// in every pattern: the two together are rarer than the anchor.
	partner byte
	off     uint8
}

// withPartner gives n the byte off bytes after its anchor as partner;
// every pattern must have the same byte there.
func (n needle) withPartner(off uint8) needle {
	for k, p := range n.pats {
		i := n.offs[k] + int(off)
		if i >= len(p) || p[i] != n.pats[0][n.offs[0]+int(off)] {
			panic("logparse: the patterns of a needle differ at its partner")
		}
	}
	n.partner, n.off = n.pats[0][n.offs[0]+int(off)], off
	return n
}

func newNeedle(anchor byte, pats ...string) needle {
	n := needle{anchor: anchor}
	for _, p := range pats {
		n.pats = append(n.pats, []byte(p))
		n.offs = append(n.offs, bytes.IndexByte([]byte(p), anchor))
	}
	return n
}

// find returns the first match of any pattern in buf[from:lim]
// (absolute position of the match's start), or -1.
func (n needle) find(buf []byte, from, lim int) int {
	for i := from; i < lim; {
		j := bytes.IndexByte(buf[i:lim], n.anchor)
		if j < 0 {
			return -1
		}
		a := i + j
		if p := n.matchAt(buf, a, from, lim); p >= 0 {
			return p
		}
		i = a + 1
	}
	return -1
}

// matchAt returns the start of the first of n's patterns whose anchor is
// at buf[a] and that lies within buf[from:lim], or -1.
func (n needle) matchAt(buf []byte, a, from, lim int) int {
	for k, pat := range n.pats {
		p := a - n.offs[k]
		if p >= from && p+len(pat) <= lim && bytes.Equal(buf[p:p+len(pat)], pat) {
			return p
		}
	}
	return -1
}

// candidate returns the position of the earliest needle match in
// buf[pos:lim], or -1.
func (s *Scanner) candidate(lim int) int {
	if s.anchors != nil {
		return s.anyNeedle(lim)
	}
	best := -1
	for i, nd := range s.needles {
		p := s.next[i]
		if p == -2 || (p >= 0 && p < s.pos) {
			p = nd.find(s.buf, s.pos, lim)
			s.next[i] = p
		}
		if p >= 0 && p < lim && (best < 0 || p < best) {
			best = p
		}
	}
	return best
}

// anyNeedle is candidate with one pass for the anchors of all needles.
// The first anchor that starts a match lies in the first line that holds
// one: a match lies within its line.
func (s *Scanner) anyNeedle(lim int) int {
	buf := s.buf
	for i := s.pos; i < lim; {
		j := s.anchors.Index(buf[i:lim])
		if j < 0 {
			return -1
		}
		a := i + j
		for _, n := range s.needles {
			if n.anchor != buf[a] {
				continue
			}
			if p := n.matchAt(buf, a, s.pos, lim); p >= 0 {
				return p
			}
		}
		i = a + 1
	}
	return -1
}

// skipLong drops the start of a line longer than MaxLine; the rest of it
// is dropped when its newline arrives.
func (s *Scanner) skipLong() {
	s.LongLines++
	s.Lines++
	s.pos = s.end
	for s.fill() {
		if i := bytes.IndexByte(s.buf[s.pos:s.end], '\n'); i >= 0 {
			s.pos += i + 1
			s.invalidate()
			return
		}
		s.pos = s.end
	}
}
