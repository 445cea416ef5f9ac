package anchors

import "golang.org/x/sys/cpu"

var useAVX2 = cpu.X86.HasAVX2

// indexAVX2 searches b, with len(b) >= 32+s.maxOff, 32 bytes at a time
// while each block's partners lie within b (anchors_amd64.s). It returns
// the index of the first match, else ^n where n is how many bytes from the
// start it searched.
//
//go:noescape
func indexAVX2(b []byte, s *Set) int
