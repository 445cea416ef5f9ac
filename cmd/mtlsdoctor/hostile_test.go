package main

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/pem"
	"math/big"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// hostileP12 is a small PKCS#12 file without a MAC (go-pkcs12 then goes
// on with the empty passphrase) whose shrouded key bag, 16 levels deep,
// asks PBKDF2 for count iterations.
func hostileP12(t *testing.T, count int) []byte {
	mar := func(v any) []byte {
		b, err := asn1.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	exp0 := func(v any) asn1.RawValue {
		return asn1.RawValue{Class: asn1.ClassContextSpecific, Tag: 0, IsCompound: true, Bytes: mar(v)}
	}
	oid := func(s ...int) asn1.ObjectIdentifier { return asn1.ObjectIdentifier(s) }
	key, _ := pem.Decode(slowKeyPEM(t))
	var epki struct {
		Alg  pkix.AlgorithmIdentifier
		Data []byte
	}
	if _, err := asn1.Unmarshal(key.Bytes, &epki); err != nil {
		t.Fatal(err)
	}
	// slowKeyPEM's count is 9,999,999 (0x98967f); put count in its place.
	kdfDER := []byte{0x02, 0x04, 0x00, 0x98, 0x96, 0x7f}
	var params []byte = epki.Alg.Parameters.FullBytes
	i := strings.Index(string(params), string(kdfDER))
	if i < 0 {
		t.Fatal("count not found")
	}
	c := mar(count)
	if len(c) != len(kdfDER) {
		t.Fatalf("count %d does not encode in %d bytes", count, len(kdfDER))
	}
	params = append(append(append([]byte{}, params[:i]...), c...), params[i+len(c):]...)
	epki.Alg.Parameters.FullBytes = params
	type ci struct {
		Type    asn1.ObjectIdentifier
		Content asn1.RawValue
	}
	data := oid(1, 2, 840, 113549, 1, 7, 1)
	bag := struct {
		ID    asn1.ObjectIdentifier
		Value asn1.RawValue
	}{oid(1, 2, 840, 113549, 1, 12, 10, 1, 2), exp0(epki)}
	authSafe := mar([]ci{{data, exp0(mar([]any{bag}))}})
	return mar(struct {
		Version  int
		AuthSafe ci
	}{3, ci{data, exp0(authSafe)}})
}

// A hostile PKCS#12 file is refused before any key derivation, by every
// command that reads it, within a bound measured from outside.
func TestHostileP12IsRefusedQuickly(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for name, count := range map[string]int{"huge.p12": 2_000_000_000, "twice.p12": 20_000_000} {
		if err := os.WriteFile(filepath.Join(dir, name), hostileP12(t, count), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"certs", "huge.p12"}, "huge.p12 is locked: iteration count 2000000000 is above the limit of 10000000"},
		{[]string{"certs", "--passin", "pass:a", "--passin", "pass:b", "twice.p12"}, "twice.p12 is locked: iteration count 20000000 is above the limit of 10000000"},
		{[]string{"probe", "--p12", "huge.p12", "127.0.0.1:1"}, "huge.p12: the private key was not decrypted: iteration count 2000000000 is above the limit"},
	}
	for _, c := range cases {
		o := runBinary(t, dir, strings.NewReader(""), nil, 0, c.args...)
		t.Logf("%v: exit %d, %v wall, %v CPU, %d KB RSS", c.args[:len(c.args)-1], o.code, o.wall.Round(time.Millisecond), o.cpu.Round(time.Millisecond), o.maxRSSKB)
		if o.wall > 3*time.Second || o.cpu > 2*time.Second || o.maxRSSKB > 100<<10 {
			t.Errorf("%v: %v wall, %v CPU, %d KB RSS", c.args, o.wall, o.cpu, o.maxRSSKB)
		}
		if !strings.Contains(o.stdout+o.stderr, c.want) {
			t.Errorf("%v: exit %d, output lacks %q:\n%s%s", c.args, o.code, c.want, o.stdout, o.stderr)
		}
	}
}

// A certificate whose subject holds a screen clear, a window-title
// sequence and a forged line reaches the certs table and findings
// escaped; JSON carries it as it is.
func TestHostileSubjectIsEscaped(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	evil := "x\x1b[2J\x1b]0;pwned\x07\nERROR   [forged]  all is well"
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: evil},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour)}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "evil.crt"), pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o644); err != nil {
		t.Fatal(err)
	}
	o := runBinary(t, dir, strings.NewReader(""), nil, 0, "certs", "evil.crt")
	if strings.ContainsAny(o.stdout, "\x1b\x07") || strings.Contains(o.stdout, "\nERROR   [forged]") {
		t.Errorf("raw control characters in the text view:\n%q", o.stdout)
	}
	if !strings.Contains(o.stdout, `x\x1b[2J\x1b]0\;pwned\x07\x0a`) {
		t.Errorf("escaped subject missing:\n%s", o.stdout)
	}
	o = runBinary(t, dir, strings.NewReader(""), nil, 0, "certs", "--format", "json", "evil.crt")
	if !strings.Contains(o.stdout, `x\u001b[2J\u001b]0\\;pwned\u0007\nERROR`) {
		t.Errorf("JSON does not carry the subject as it is:\n%s", o.stdout)
	}
}

// Five keys that each cost 10,000,000 iterations per passphrase, five
// passphrases: one budget for the run ends it in seconds, not minutes,
// and says which keys it did not try.
func TestOneWorkBudgetPerRun(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for i := range 5 {
		if err := os.WriteFile(filepath.Join(dir, "k"+strconv.Itoa(i)+".key"), slowKeyPEM(t), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	args := []string{"certs"}
	for _, pw := range []string{"a", "b", "c", "d", "e"} {
		args = append(args, "--passin", "pass:"+pw)
	}
	o := runBinary(t, dir, strings.NewReader(""), nil, 0, append(args, ".")...)
	t.Logf("exit %d, %v wall, %v CPU, %d KB RSS", o.code, o.wall.Round(time.Millisecond), o.cpu.Round(time.Millisecond), o.maxRSSKB)
	if o.cpu > 10*time.Second {
		t.Errorf("%v of CPU for one run", o.cpu)
	}
	if n := strings.Count(o.stdout, "is locked: the work budget of this run (20000000 key-derivation iterations) is spent"); n < 3 {
		t.Errorf("%d keys locked for the budget, want at least 3:\n%s", n, o.stdout)
	}
}
