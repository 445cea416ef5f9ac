package catalogue

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestBearSSLTable: the table holds every error code BearSSL's headers
// define (testdata/bearssl-errors, copied from its sources), under the
// same name, and every code (and a received or sent alert) is answered
// by an entry that is not a catch-all.
func TestBearSSLTable(t *testing.T) {
	f, err := os.Open(filepath.Join("..", "testdata", "bearssl-errors", "defines.h"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	n := 0
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) != 3 || fields[0] != "#define" {
			continue
		}
		code, err := strconv.Atoi(fields[2])
		if err != nil {
			t.Fatalf("%q: %v", sc.Text(), err)
		}
		n++
		if code >= 256 {
			continue // the bases of the alert codes
		}
		if e, ok := bearsslByCode(code); !ok || e.macro != fields[1] {
			t.Errorf("code %d: table has %q, BearSSL %s", code, e.macro, fields[1])
		}
	}
	if n != 62 {
		t.Fatalf("%d defines read, want 62", n)
	}
	var codes []int
	for _, e := range bearsslErrors {
		codes = append(codes, e.code)
	}
	codes = append(codes, 256+40, 256+42, 256+48, 256+116, 512+40, 512+42)
	for _, c := range codes {
		line := "12:00:00.000 MQT: TLS connection error: " + strconv.Itoa(c)
		text, words, ok := BearSSLText(line)
		if !ok || words == "" {
			t.Errorf("%d: not read", c)
			continue
		}
		vc, es := Lookup(line + " (" + text + ")")
		answered := len(vc) > 0
		for _, e := range es {
			answered = answered || !e.Fallback
		}
		if !answered {
			if _, isAlert := findAlertIn(text); !isAlert {
				t.Errorf("%d (%s): no entry answers %q", c, words, text)
			}
		}
	}
}

// findAlertIn reports whether text names a TLS alert BearSSLText made.
func findAlertIn(text string) (alert, bool) {
	for _, p := range []string{"received alert ", "sent alert "} {
		if rest, ok := strings.CutPrefix(text, p); ok {
			name, _, _ := strings.Cut(rest, " ")
			return alertByName(name)
		}
	}
	return alert{}, false
}

// TestBearSSLMacroAlone: a BearSSL error named only by its macro, or by
// the code a sketch prints from getLastSSLError(), is read as its code.
func TestBearSSLMacroAlone(t *testing.T) {
	for _, tc := range []struct{ line, want string }{
		{"connect failed: BR_ERR_X509_NOT_TRUSTED", "BR_ERR_X509_NOT_TRUSTED"},
		{"wifi client: br_err_x509_expired", "BR_ERR_X509_EXPIRED"},
		{"client.getLastSSLError() = 54", "BR_ERR_X509_EXPIRED"},
	} {
		_, words, ok := BearSSLText(tc.line)
		if !ok || !strings.Contains(words, tc.want) {
			t.Errorf("%q: got %q, %v; want %s", tc.line, words, ok, tc.want)
		}
	}
	if _, _, ok := BearSSLText("BR_ERR_NOT_A_MACRO"); ok {
		t.Error("an unknown macro was read as a code")
	}
}
