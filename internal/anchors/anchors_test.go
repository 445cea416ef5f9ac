package anchors

import (
	"bytes"
	"math/rand/v2"
	"testing"
)

// naive is Index one byte at a time.
func naive(b []byte, s *Set) int {
	for i := range b {
		for k := range Places {
			if s.at(b, i, k) {
				return i
			}
		}
	}
	return -1
}

var testSets = []Set{
	NewSet(Anchor{Byte: 'S'}, Anchor{Byte: '_'}, Anchor{Byte: 'y', Partner: 'e', Off: 2}, Anchor{Byte: 'q', Partner: 'i', Off: 5}),
	NewSet(Anchor{Byte: '4'}),
	NewSet(Anchor{Byte: 'a', Partner: 'b', Off: 15}, Anchor{Byte: 'b'}),
	NewSet(Anchor{Byte: 0}, Anchor{Byte: 0xff, Partner: 0, Off: 1}, Anchor{Byte: '\n', Partner: '\n', Off: 3}),
	NewSet(Anchor{Byte: 'c'}, Anchor{Byte: 'd'}, Anchor{Byte: 'e'}, Anchor{Byte: 'f'}),
	NewSet(Anchor{Byte: 'g', Partner: 'h', Off: 1}),
	NewSet(Anchor{Byte: 'S'}, Anchor{Byte: 'l', Partner: '_', Off: 1}, Anchor{Byte: 'y', Partner: 'e', Off: 2}, Anchor{Byte: 'q', Partner: 'i', Off: 5}),
	NewSet(Anchor{Byte: 'j', Partner: 'k', Off: 2}, Anchor{Byte: 'm'}),
	NewSet(Anchor{Byte: 'S'}, Anchor{Byte: 's', Partner: 'l', Off: 2}, Anchor{Byte: 'q', Partner: 'i', Off: 5}, Anchor{Byte: 'l', Partner: ':', Off: 2}, Anchor{Byte: 'x', Partner: '9', Off: 3}),
	NewSet(Anchor{Byte: 'n', Partner: 'o', Off: 1}, Anchor{Byte: 'p', Partner: 'r', Off: 7}, Anchor{Byte: 't', Partner: 'u', Off: 3}, Anchor{Byte: 'v', Partner: 'w', Off: 15}, Anchor{Byte: 'z'}),
}

// TestIndex: Index, with AVX2 where the machine has it, and its generic
// form agree with a byte-by-byte search on every length up to 300, with
// anchors and partners anywhere, near the ends, repeated or absent, on
// sub-slices that start anywhere (unaligned).
func TestIndex(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	buf := make([]byte, 400)
	for n := 0; n <= 300; n++ {
		for trial := 0; trial < 60; trial++ {
			for i := range buf {
				buf[i] = byte('A' + r.IntN(20)) // in no set above
			}
			off := r.IntN(64)
			b := buf[off : off+n]
			s := &testSets[trial%len(testSets)]
			for k := r.IntN(Places); k > 0 && n > 0; k-- {
				i, a := r.IntN(n), r.IntN(Places)
				b[i] = s.anchor[a]
				if j := i + int(s.off[a]); r.IntN(2) == 0 && j < n {
					b[j] = s.partner[a]
				}
			}
			want := naive(b, s)
			if got := s.Index(b); got != want {
				t.Fatalf("Index(len %d, off %d, set %d) = %d, want %d", n, off, trial%len(testSets), got, want)
			}
			if got := s.indexGeneric(b); got != want {
				t.Fatalf("indexGeneric(len %d) = %d, want %d", n, got, want)
			}
		}
	}
}

// FuzzIndex: Index equals the byte-by-byte search on any input and set.
func FuzzIndex(f *testing.F) {
	f.Add(bytes.Repeat([]byte("2026/11/01 [info] lua ssl certificate verify error while requesting\n"), 3), byte('S'), byte('y'), byte('e'), uint8(2))
	f.Add([]byte("SSL"), byte('S'), byte('S'), byte('S'), uint8(1))
	f.Fuzz(func(t *testing.T, b []byte, c0, c1, p1 byte, off uint8) {
		s := NewSet(Anchor{Byte: c0}, Anchor{Byte: c1, Partner: p1, Off: off % (MaxOff + 1)})
		if got, want := s.Index(b), naive(b, &s); got != want {
			t.Fatalf("Index = %d, want %d", got, want)
		}
	})
}

func BenchmarkIndex(b *testing.B) {
	line := []byte(`2026/11/01 00:00:01 [error] 2817#2817: *1 open() "/usr/share/nginx/html/favicon.ico" failed (2: No such file or directory), client: 10.1.2.3, server: example.com, request: "GET /favicon.ico HTTP/1.1", host: "example.com"` + "\n")
	data := bytes.Repeat(line, (256<<10)/len(line))
	s := &testSets[0]
	for name, f := range map[string]func([]byte) int{"avx2": s.Index, "generic": s.indexGeneric} {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				for i := 0; i < len(data); {
					j := f(data[i:])
					if j < 0 {
						break
					}
					i += j + 1
				}
			}
		})
	}
}
