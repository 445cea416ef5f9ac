// Package anchors finds, in one pass over a buffer, the first place where
// one of up to five anchor bytes stands with its partner byte at a fixed
// distance after it. `logs` finds candidate lines by rare bytes; one pass
// of bytes.IndexByte per byte reads the buffer once per byte and stops on
// every occurrence, while a byte and its partner together ('q' with 'i'
// five bytes on, as in "requesting") seldom occur but in the words looked
// for. On amd64 with AVX2 the pass compares 32 bytes at a time; elsewhere
// it is one bytes.IndexByte pass per anchor.
package anchors

import "bytes"

// Places is how many anchors a Set holds.
const Places = 5

// Set is up to five anchors. Its layout is read by the assembly.
type Set struct {
	anchor  [Places]byte
	partner [Places]byte
	off     [Places]uint8
	maxOff  uint8
	generic bool
}

// An Anchor is a byte and, unless Off is 0, the byte that stands Off
// bytes after it.
type Anchor struct {
	Byte, Partner byte
	Off           uint8
}

// Fast reports whether Index compares 32 bytes at a time. Without it,
// Index stops on every anchor byte, partner or not: a common anchor with
// a rare partner is then slow.
func Fast() bool { return useAVX2 }

// MaxOff bounds an anchor's distance to its partner.
const MaxOff = 15

// NewSet makes the set of one to five anchors. Place 0 holds an anchor
// without a partner, places 1 to 4 the others (an anchor without a
// partner can take their place, as its own partner); unused places
// repeat a used one. A set whose anchors all have partners is searched
// without the assembly.
func NewSet(as ...Anchor) Set {
	if len(as) == 0 || len(as) > Places {
		panic("anchors: a set holds one to five anchors")
	}
	var plain, other []Anchor
	for _, a := range as {
		if a.Off > MaxOff {
			panic("anchors: partner too far")
		}
		if a.Off == 0 {
			a.Partner = a.Byte
			if len(plain) == 0 {
				plain = append(plain, a)
				continue
			}
		}
		other = append(other, a)
	}
	var s Set
	if len(plain) == 0 {
		// The assembly tests place 0 without a partner.
		plain, other, s.generic = other[:1], other[1:], true
	}
	if len(other) == 0 {
		other = plain
	}
	place := [Places]Anchor{plain[0], other[0], other[min(1, len(other)-1)], other[min(2, len(other)-1)], other[len(other)-1]}
	for i, a := range place {
		s.anchor[i], s.partner[i], s.off[i] = a.Byte, a.Partner, a.Off
		s.maxOff = max(s.maxOff, a.Off)
	}
	return s
}

// at reports whether b[i] is anchor k with its partner.
func (s *Set) at(b []byte, i, k int) bool {
	j := i + int(s.off[k])
	return b[i] == s.anchor[k] && j < len(b) && b[j] == s.partner[k]
}

// Index returns the index of the first anchor of s in b that has its
// partner after it (within b), or -1.
func (s *Set) Index(b []byte) int {
	if useAVX2 && !s.generic && len(b) >= 32+int(s.maxOff) {
		r := indexAVX2(b, s)
		if r >= 0 {
			return r
		}
		// The rest, shorter than a block and the furthest partner.
		for i := ^r; i < len(b); i++ {
			for k := range Places {
				if s.at(b, i, k) {
					return i
				}
			}
		}
		return -1
	}
	return s.indexGeneric(b)
}

// indexGeneric is Index with one bytes.IndexByte pass per anchor, each
// bounded by the best match so far.
func (s *Set) indexGeneric(b []byte) int {
	best := len(b)
	for k := range Places {
		for i := 0; i < best; {
			j := bytes.IndexByte(b[i:best], s.anchor[k])
			if j < 0 {
				break
			}
			if s.at(b, i+j, k) {
				best = i + j
				break
			}
			i += j + 1
		}
	}
	if best == len(b) {
		return -1
	}
	return best
}
