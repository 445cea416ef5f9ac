package catalogue

import (
	"fmt"
	"os/exec"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// TestEveryReasonExplained: every reason of the generated tables, by its
// words, its 3.x packed code and its 1.x packed code (with a function
// code), gets an entry or a verify code, and no fix sends the user to
// `mtlsdoctor explain` with a placeholder.
func TestEveryReasonExplained(t *testing.T) {
	if len(reasonTable) < 700 {
		t.Fatalf("%d reasons, want the whole of OpenSSL's tables", len(reasonTable))
	}
	for _, r := range reasonTable {
		ins := []string{r.Text}
		for _, v := range []int{v30, v32} {
			if n := r.Nums[v]; n != 0 {
				ins = append(ins, fmt.Sprintf("error:%08X:lib::%s", r.Lib<<23|n, r.Text))
			}
		}
		for _, v := range []int{v102, v111} {
			if n := r.Nums[v]; n != 0 {
				ins = append(ins, fmt.Sprintf("error:%08X:lib:func:%s", r.Lib<<24|0x09F<<12|n, r.Text))
			}
		}
		for _, in := range ins {
			codes, entries := Lookup(in)
			if len(codes) == 0 && len(entries) == 0 {
				t.Errorf("%s (%s): nothing for %q", r.Macro, r.Text, in)
			}
			for _, e := range entries {
				if strings.Contains(e.Fix, "mtlsdoctor explain '{reason}'") || strings.Contains(e.Fix, "REASON") {
					t.Errorf("%s: fix points at explain: %s", r.Macro, e.Fix)
				}
			}
		}
	}
}

// TestCodesOfEachVersion: every reason's packed code, alone, names it in
// each version that has it: a 3.x code by 3.0's number, a 1.x code by
// 1.0.2's or 1.1.1's, told apart by a function code only that version
// has where the two versions' numbers name different reasons.
func TestCodesOfEachVersion(t *testing.T) {
	onlyIn := func(v, lib int) uint32 {
		other := map[int]int{v102: v111, v111: v102}[v]
		var keys, any []uint32
		for k := range funcNames()[v] {
			if int(k>>12) == lib && funcNames()[other][k] == "" {
				keys = append(keys, k)
			}
			if int(k>>12) == lib {
				any = append(any, k)
			}
		}
		if len(keys) == 0 {
			// No function of its own: then no number of the library
			// names two reasons either (checked below).
			keys = any
		}
		sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
		return keys[0] & 0xFFF
	}
	clashes := 0
	for _, r := range reasonTable {
		check := func(code uint32) {
			t.Helper()
			if got, ok := ReasonByCode(code); !ok || got.Macro != r.Macro {
				t.Errorf("%08X: %v %s, want %s", code, ok, got.Macro, r.Macro)
			}
		}
		if r.Lib == 0 {
			// A common reason, as the SSL library reports it: under
			// ssl3_read_bytes in 1.x, with the common flag in 3.x. (1.1.1
			// numbers both BUF lib and passed invalid argument 7: such
			// a number names one of them.)
			for _, v := range []int{v102, v111} {
				if n := r.Nums[v]; n != 0 && !sharedNum(v102, n) && !sharedNum(v111, n) {
					check(uint32(20<<24 | 0x094<<12 | n))
				}
			}
			if n := r.Nums[v30]; n != 0 {
				check(uint32(20<<23 | 0x80000 | n))
			}
			continue
		}
		for _, v := range []int{v30, v32} {
			if n := r.Nums[v]; n != 0 {
				check(uint32(r.Lib<<23 | n))
			}
		}
		for _, v := range []int{v102, v111} {
			if n := r.Nums[v]; n != 0 {
				check(uint32(r.Lib<<24) | onlyIn(v, r.Lib)<<12 | uint32(n))
				if i, ok := reasonByNum()[map[int]int{v102: v111, v111: v102}[v]][[2]int{r.Lib, n}]; ok && reasonTable[i].Macro != r.Macro {
					clashes++
				}
			}
		}
	}
	// 1.1.0 gave about a hundred SSL numbers of 1.0.2 to new reasons.
	if clashes < 50 {
		t.Errorf("%d numbers that name different reasons in 1.0.2 and 1.1.1, want the renumbering", clashes)
	}
}

// sharedNum reports whether two common reasons have number n in version v.
func sharedNum(v, n int) bool {
	k := 0
	for _, r := range reasonTable {
		if r.Lib == 0 && r.Nums[v] == n {
			k++
		}
	}
	return k > 1
}

// TestPackedCodes: the packed codes of both layouts name their reason.
func TestPackedCodes(t *testing.T) {
	for code, macro := range map[uint32]string{
		0x14094418: "SSL_R_TLSV1_ALERT_UNKNOWN_CA", 0x0A000418: "SSL_R_TLSV1_ALERT_UNKNOWN_CA",
		0x0906D06C: "PEM_R_NO_START_LINE", 0x0480006C: "PEM_R_NO_START_LINE",
		0x0B080074: "X509_R_KEY_VALUES_MISMATCH", 0x05800074: "X509_R_KEY_VALUES_MISMATCH",
		// Number 178 is "no certificate returned" in 1.0.2 (function 0x089
		// ssl3_get_client_certificate, which 1.1.1 does not have) and
		// "unexpected end of early data" since 1.1.1.
		0x140890B2: "SSL_R_NO_CERTIFICATE_RETURNED", 0x0A0000B2: "SSL_R_UNEXPECTED_END_OF_EARLY_DATA",
		// A 1.x code with function 0, a 3.x code with the fatal flag.
		0x14000418: "SSL_R_TLSV1_ALERT_UNKNOWN_CA", 0x0A040418: "SSL_R_TLSV1_ALERT_UNKNOWN_CA",
		// dh key too small: 372 in 1.0.2, 394 since 1.1.0.
		0x1408D174: "SSL_R_DH_KEY_TOO_SMALL", 0x1416018A: "SSL_R_DH_KEY_TOO_SMALL", 0x0A00018A: "SSL_R_DH_KEY_TOO_SMALL",
	} {
		if r, ok := ReasonByCode(code); !ok || r.Macro != macro {
			t.Errorf("%08X: %v %s, want %s", code, ok, r.Macro, macro)
		}
	}
}

// TestReasonTextsAreOpenSSLs: the generated 3.0 texts are what the
// installed openssl prints for the same codes (a differential check of
// the table and its extract).
func TestReasonTextsAreOpenSSLs(t *testing.T) {
	if _, err := exec.LookPath("openssl"); err != nil {
		t.Fatal("openssl is needed: scripts/test.sh installs it")
	}
	var in30 []Reason
	for _, r := range reasonTable {
		if r.Nums[v30] != 0 && r.Lib != 0 {
			in30 = append(in30, r)
		}
	}
	args := []string{"errstr"}
	for i := 0; i < len(in30); i += 17 {
		args = append(args, fmt.Sprintf("%08X", in30[i].Lib<<23|in30[i].Nums[v30]))
	}
	out, err := exec.Command("openssl", args...).Output()
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) != len(args)-1 {
		t.Fatalf("openssl errstr gave %d lines for %d codes", len(lines), len(args)-1)
	}
	for k, line := range lines {
		r := in30[k*17]
		if !strings.HasSuffix(line, ":"+r.Text) {
			t.Errorf("openssl says %q, the table %q", line, r.Text)
		}
	}
}

// TestCommonReasons: the common reasons (ERR_R_*), which 1.x numbers
// below 100 and 3.x flags as common, are what the installed openssl prints
// for their 3.x codes; and in a queue, one that only names the library
// that failed ("PEM lib") gives way to the error before it.
func TestCommonReasons(t *testing.T) {
	if _, err := exec.LookPath("openssl"); err != nil {
		t.Fatal("openssl is needed: scripts/test.sh installs it")
	}
	n := 0
	for _, r := range reasonTable {
		if r.Lib != 0 || r.Nums[v30] == 0 {
			continue
		}
		n++
		// Fatal ones carry the fatal flag too (0xC0000).
		out, err := exec.Command("openssl", "errstr", fmt.Sprintf("%08X", 20<<23|0x80000|r.Nums[v30]), fmt.Sprintf("%08X", 20<<23|0xC0000|r.Nums[v30])).Output()
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(out), "::"+r.Text+"\n") {
			t.Errorf("%s: openssl says %q, the table %q", r.Macro, out, r.Text)
		}
	}
	if n < 20 {
		t.Errorf("%d common reasons in 3.0, want OpenSSL's list", n)
	}
	for line, want := range map[string]string{
		// https://github.com/jumpserver/jumpserver/issues/14463, and the
		// 1.0.2 "PEM lib" nginx adds after it.
		"error:0906406D:PEM routines:PEM_def_callback:problems getting password error:0907B068:PEM routines:PEM_read_bio_PrivateKey:bad password read error:140B0009:SSL routines:SSL_CTX_use_PrivateKey_file:PEM lib": "PEM_R_BAD_PASSWORD_READ",
		"error:140B0009:SSL routines:SSL_CTX_use_PrivateKey_file:PEM lib":                                     "ERR_R_PEM_LIB",
		"error:141EC044:SSL routines:tls_construct_server_key_exchange:internal error) while SSL handshaking": "ERR_R_INTERNAL_ERROR", // corpus: Tongsuo
		"error:0A0C0103:SSL routines::internal error":                                                         "ERR_R_INTERNAL_ERROR",
		"error:1E08010C:DECODER routines::unsupported":                                                        "ERR_R_UNSUPPORTED",
	} {
		if r, ok := findReason(strings.ToLower(line)); !ok || r.Macro != want {
			t.Errorf("%s: %v %s, want %s", line, ok, r.Macro, want)
		}
	}
	// Free text: the common reasons' ordinary words name nothing.
	if r, ok := findReason("the upload failed: unsupported media type"); ok {
		t.Errorf("free text read as %s", r.Macro)
	}
}

// TestVerifyCodesComplete: every X509_V_ERR_* code OpenSSL's headers
// define has a catalogue entry.
func TestVerifyCodesComplete(t *testing.T) {
	for n, macro := range verifyMacros {
		if _, ok := Verify(n); !ok {
			t.Errorf("verify code %d (%s) has no entry", n, macro)
		}
	}
}

// TestEveryAlertExplained: every TLS alert, by name and number.
func TestEveryAlertExplained(t *testing.T) {
	for _, a := range alerts {
		for _, in := range []string{a.name, fmt.Sprintf("alert %d", a.num)} {
			if _, entries := Lookup(in); len(entries) == 0 {
				t.Errorf("alert %d: nothing for %q", a.num, in)
			}
		}
	}
}

// TestExplainPointersAnswered: a fix that sends the user to `mtlsdoctor
// explain X` names an X that has an answer (CODE stands for any verify
// code, which all have entries).
func TestExplainPointersAnswered(t *testing.T) {
	var fixes []string
	for _, e := range Entries() {
		fixes = append(fixes, e.Fix, e.FixFor("certificate verify failed"))
	}
	for _, v := range verifyCodes {
		fixes = append(fixes, v.Fix)
	}
	for _, r := range reasonTable {
		fixes = append(fixes, ReasonEntry(r).Fix)
	}
	pointers := 0
	for _, fix := range fixes {
		for _, line := range strings.Split(fix, "\n") {
			i := strings.Index(line, "mtlsdoctor explain ")
			if i < 0 {
				continue
			}
			pointers++
			arg := strings.Trim(strings.TrimSpace(line[i+len("mtlsdoctor explain "):]), `'"`)
			if arg == "CODE" {
				for n := range verifyMacros {
					if c, _ := Lookup(strconv.Itoa(n)); len(c) == 0 {
						t.Errorf("%q: verify code %d has no answer", line, n)
					}
				}
				continue
			}
			if c, e := Lookup(arg); len(c) == 0 && len(e) == 0 || strings.ContainsAny(arg, "{}") {
				t.Errorf("fix points at `mtlsdoctor explain %s`, which has no answer:\n%s", arg, fix)
			}
		}
	}
	if pointers == 0 {
		t.Error("no fix points at explain; the test checks nothing")
	}
}
