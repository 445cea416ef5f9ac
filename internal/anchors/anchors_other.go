//go:build !amd64

package anchors

const useAVX2 = false

func indexAVX2(b []byte, s *Set) int { panic("anchors: no AVX2") }
