#include "textflag.h"

// func indexAVX2(b []byte, s *Set) int
// Set: anchor [5]byte at 0, partner [5]byte at 5, off [5]uint8 at 10,
// maxOff uint8 at 15. A block is the 32 bytes at SI. Anchor 0 has no
// partner; anchor i of 1 to 4 matches at a byte when that byte is the
// anchor and the byte off[i] later is partner i (off 0: the partner is the
// anchor itself, so the test is the anchor's).
TEXT ·indexAVX2(SB), NOSPLIT, $0-40
	MOVQ b_base+0(FP), SI
	MOVQ b_len+8(FP), BX
	MOVQ s+24(FP), AX
	VPBROADCASTB 0(AX), Y1
	VPBROADCASTB 1(AX), Y2
	VPBROADCASTB 2(AX), Y3
	VPBROADCASTB 3(AX), Y4
	VPBROADCASTB 4(AX), Y5
	VPBROADCASTB 6(AX), Y6
	VPBROADCASTB 7(AX), Y7
	VPBROADCASTB 8(AX), Y8
	VPBROADCASTB 9(AX), Y14
	MOVBQZX 11(AX), R10
	MOVBQZX 12(AX), R11
	MOVBQZX 13(AX), R12
	MOVBQZX 14(AX), R9
	MOVBQZX 15(AX), R13
	MOVQ SI, DI             // start of b
	LEAQ -32(SI)(BX*1), DX
	SUBQ R13, DX            // last block start whose partners lie in b

loop:
	CMPQ SI, DX
	JHI  done
	VMOVDQU (SI), Y0
	VMOVDQU (SI)(R10*1), Y9
	VMOVDQU (SI)(R11*1), Y12
	VMOVDQU (SI)(R12*1), Y13
	VMOVDQU (SI)(R9*1), Y15
	VPCMPEQB Y0, Y1, Y10
	VPCMPEQB Y0, Y2, Y11
	VPCMPEQB Y9, Y6, Y9
	VPAND Y9, Y11, Y11
	VPOR Y11, Y10, Y10
	VPCMPEQB Y0, Y3, Y11
	VPCMPEQB Y12, Y7, Y12
	VPAND Y12, Y11, Y11
	VPOR Y11, Y10, Y10
	VPCMPEQB Y0, Y4, Y11
	VPCMPEQB Y13, Y8, Y13
	VPAND Y13, Y11, Y11
	VPOR Y11, Y10, Y10
	VPCMPEQB Y0, Y5, Y11
	VPCMPEQB Y15, Y14, Y15
	VPAND Y15, Y11, Y11
	VPOR Y11, Y10, Y10
	VPMOVMSKB Y10, R8
	TESTL R8, R8
	JNZ  found
	ADDQ $32, SI
	JMP  loop

found:
	BSFL R8, R8
	SUBQ DI, SI
	ADDQ R8, SI
	MOVQ SI, ret+32(FP)
	VZEROUPPER
	RET

done:
	SUBQ DI, SI
	NOTQ SI
	MOVQ SI, ret+32(FP)
	VZEROUPPER
	RET
