package certset

import (
	"bytes"
	"crypto/cipher"
	"crypto/des"
	"crypto/x509/pkix"
	"encoding/asn1"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// openssl makes a PKCS#12 file in dir (which holds leaf.key, leaf.pem and
// ca.pem) with the given extra arguments and returns its bytes.
func opensslP12(t *testing.T, dir, name string, args ...string) []byte {
	t.Helper()
	full := append([]string{"pkcs12", "-export", "-inkey", "leaf.key", "-in", "leaf.pem", "-certfile", "ca.pem", "-out", name}, args...)
	cmd := exec.Command("openssl", full...)
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("openssl %v: %v\n%s", full, err, out)
	}
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// The PKCS#12 triple-DES safe is decrypted by mtlsdoctor itself, as the
// real openssl wrote it: the right passphrase opens it, a wrong one is
// told from it, and the file loads.
func TestTripleDESSafeAsOpenSSLWritesIt(t *testing.T) {
	dir := copyFixtures(t, "leaf.key", "leaf.pem", "ca.pem")
	for _, c := range []struct {
		name, pass string
		extra      []string
	}{
		{"3des.p12", passP12, nil},
		{"3des-empty.p12", "", nil},
		{"3des-legacy-mac.p12", passP12, []string{"-macalg", "sha1"}},
	} {
		der := opensslP12(t, dir, c.name, append([]string{"-certpbe", "PBE-SHA1-3DES", "-keypbe", "PBE-SHA1-3DES", "-passout", "pass:" + c.pass}, c.extra...)...)
		w, err := pfxWorkOf(der)
		if err != nil {
			t.Fatal(err)
		}
		if w.hidden || len(w.safes) != 1 || w.safes[0].des3 == nil {
			t.Fatalf("%s: hidden %v, safes %+v; want one triple-DES safe", c.name, w.hidden, w.safes)
		}
		plain, err := w.safes[0].decrypt(c.pass)
		if err != nil {
			t.Fatalf("%s: decrypting with the right passphrase: %v", c.name, err)
		}
		// The safe holds the certificate bags: both certificates are in it.
		var bags []pfxSafeBag
		if err := unmarshalAll(plain, &bags); err != nil || len(bags) != 2 || !bags[0].ID.Equal(oidCertBag) {
			t.Fatalf("%s: %d bags, %v", c.name, len(bags), err)
		}
		if _, err := w.safes[0].decrypt(passBad); !errors.Is(err, errWrongPassphrase) {
			t.Fatalf("%s: wrong passphrase gave %v", c.name, err)
		}
		path := filepath.Join(dir, c.name)
		set, err := Load([]string{path}, Options{Passphrases: []string{passBad, c.pass}})
		if err != nil {
			t.Fatal(err)
		}
		if len(set.Keys) != 1 || set.Keys[0].Public == nil || len(set.Certs) != 2 {
			t.Fatalf("%s: keys %+v, %d certs, problems %+v", c.name, set.Keys, len(set.Certs), set.Problems)
		}
		set, err = Load([]string{path}, Options{Passphrases: []string{passBad}})
		if err != nil {
			t.Fatal(err)
		}
		if c.pass != "" && (len(set.Keys) != 1 || !set.Keys[0].BadPassphrase) {
			t.Fatalf("%s with a wrong passphrase: keys %+v", c.name, set.Keys)
		}
	}
}

// encrypt3DES encrypts plain as a pbeWithSHAAnd3-KeyTripleDES-CBC safe
// with count, for the encoded passphrase password.
func encrypt3DES(t testing.TB, plain, password []byte, count int) (pkix.AlgorithmIdentifier, []byte) {
	key := pkcs12KDF(hostileSalt, password, count, 1, 24)
	iv := pkcs12KDF(hostileSalt, password, count, 2, 8)
	block, err := des.NewTripleDESCipher(key)
	if err != nil {
		t.Fatal(err)
	}
	n := 8 - len(plain)%8
	padded := append(bytes.Clone(plain), bytes.Repeat([]byte{byte(n)}, n)...)
	cipher.NewCBCEncrypter(block, iv).CryptBlocks(padded, padded)
	params := mustMarshal(t, struct {
		Salt       []byte
		Iterations int
	}{hostileSalt, count})
	return pkix.AlgorithmIdentifier{Algorithm: oidPBEWithSHAAnd3KeyTripleDESCBC, Parameters: asn1.RawValue{FullBytes: params}}, padded
}

// hostile3DESPFX is a PFX without a MAC whose one safe is encrypted with
// PKCS#12 triple DES (count safeCount, the empty passphrase encoded as
// password) and holds a shrouded key bag asking for keyCount.
func hostile3DESPFX(t testing.TB, password []byte, safeCount, keyCount int) []byte {
	alg, ct := encrypt3DES(t, shroudedKeySafe(t, keyCount), password, safeCount)
	ed := struct {
		Version int
		ECI     struct {
			ContentType asn1.ObjectIdentifier
			Alg         pkix.AlgorithmIdentifier
			Content     asn1.RawValue
		}
	}{}
	ed.ECI.ContentType = oidPKCS7Data
	ed.ECI.Alg = alg
	ed.ECI.Content = asn1.RawValue{Class: asn1.ClassContextSpecific, Tag: 0, Bytes: ct}
	authSafe := mustMarshal(t, []any{struct {
		ContentType asn1.ObjectIdentifier
		Content     asn1.RawValue
	}{oidPKCS7EncryptedData, explicit0(t, ed)}})
	pfx := struct {
		Version  int
		AuthSafe struct {
			ContentType asn1.ObjectIdentifier
			Content     asn1.RawValue
		}
	}{Version: 3}
	pfx.AuthSafe.ContentType = oidPKCS7Data
	pfx.AuthSafe.Content = explicit0(t, authSafe)
	return mustMarshal(t, pfx)
}

// A key bag hidden inside a triple-DES safe is found before go-pkcs12
// runs: the file is refused for its count, at once, with either encoding
// of the empty passphrase, and a count within the limit is tried.
func TestHostileTripleDESSafeIsRefusedBeforeDerivation(t *testing.T) {
	for _, enc := range [][]byte{{0, 0}, nil} {
		der := hostile3DESPFX(t, enc, 1, hugeCount)
		if len(der) > 1200 {
			t.Fatalf("hostile file is %d bytes; meant to be small", len(der))
		}
		path := filepath.Join(t.TempDir(), "hostile.p12")
		if err := os.WriteFile(path, der, 0o600); err != nil {
			t.Fatal(err)
		}
		for _, pass := range [][]string{nil, {"x", "y"}} {
			start := time.Now()
			set, err := Load([]string{path}, Options{Passphrases: pass})
			if err != nil {
				t.Fatal(err)
			}
			if d := time.Since(start); d > 2*time.Second {
				t.Fatalf("took %v", d)
			}
			want := "iteration count 2000000000 is above the limit of 10000000"
			if len(set.Keys) != 1 || set.Keys[0].LockReason != want {
				t.Fatalf("encoding %v, passphrases %v: keys %+v problems %+v; want locked for %q", enc, pass, set.Keys, set.Problems, want)
			}
		}
	}
	// The same shape with a small count is tried: the refusal is about
	// the count inside the safe.
	path := filepath.Join(t.TempDir(), "small.p12")
	if err := os.WriteFile(path, hostile3DESPFX(t, []byte{0, 0}, 1, 1000), 0o600); err != nil {
		t.Fatal(err)
	}
	set, err := Load([]string{path}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range set.Keys {
		if k.LockReason != "" {
			t.Fatalf("small count locked for %q", k.LockReason)
		}
	}
}

// A PKCS#12 file whose safe is RC2 (openssl -legacy) cannot be looked
// into: its decoding runs under a time bound, at most once per file and
// never twice at a time, so that abandoned work cannot pile up.
func TestHiddenRC2DecodingIsBounded(t *testing.T) {
	dir := copyFixtures(t, "leaf.key", "leaf.pem", "ca.pem")
	// 3,000,000 iterations per derivation: far more than 20 ms of work,
	// within every limit.
	slow := func(name string) string {
		opensslP12(t, dir, name, "-legacy", "-iter", "3000000", "-passout", "pass:"+passP12)
		return filepath.Join(dir, name)
	}
	a, b := slow("a.p12"), slow("b.p12")
	defer func(d time.Duration) { hiddenWorkTimeout = d }(hiddenWorkTimeout)
	hiddenWorkTimeout = 20 * time.Millisecond
	waitIdle := func() {
		deadline := time.Now().Add(60 * time.Second)
		for {
			hiddenDecodings.Lock()
			busy := hiddenDecodings.abandoned
			hiddenDecodings.Unlock()
			if !busy {
				return
			}
			if time.Now().After(deadline) {
				t.Fatal("the abandoned decoding did not end")
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	defer waitIdle()
	reason := func(path string, pass ...string) (string, time.Duration) {
		start := time.Now()
		set, err := Load([]string{path}, Options{Passphrases: pass, Budget: NewBudget(1 << 40)})
		if err != nil {
			t.Fatal(err)
		}
		if len(set.Keys) != 1 {
			t.Fatalf("keys %+v problems %+v", set.Keys, set.Problems)
		}
		return set.Keys[0].LockReason, time.Since(start)
	}
	// Many passphrases share one time bound: one abandoned decoding.
	r, d := reason(a, "p1", "p2", "p3", "p4", passP12)
	if !strings.Contains(r, "took longer than 20ms") || !strings.Contains(r, "abandoned") {
		t.Fatalf("first: %q", r)
	}
	if d > 2*time.Second {
		t.Fatalf("first load took %v", d)
	}
	// While it runs, another hidden file is not decoded; the same file
	// is never decoded again.
	if r, d := reason(b, passP12); !strings.Contains(r, "still running") || d > time.Second {
		t.Fatalf("second file while the first runs: %q in %v", r, d)
	}
	waitIdle()
	if r, d := reason(a, passP12); !strings.Contains(r, "not tried again") || d > time.Second {
		t.Fatalf("same file again: %q in %v", r, d)
	}
	// Given the time, the other file opens: the bound is about time.
	hiddenWorkTimeout = time.Minute
	if r, _ := reason(b, passP12); r != "" {
		t.Fatalf("with time enough: %q", r)
	}
}

// A certificate-only PKCS#12 file whose safe is triple DES (Java's and
// Windows' exports) is read, no longer refused.
func TestCertOnlyTripleDES(t *testing.T) {
	dir := copyFixtures(t, "ca.pem")
	cmd := exec.Command("openssl", "pkcs12", "-export", "-nokeys", "-in", "ca.pem", "-certpbe", "PBE-SHA1-3DES", "-passout", "pass:"+passP12, "-out", "certonly-3des.p12")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	set, err := Load([]string{filepath.Join(dir, "certonly-3des.p12")}, Options{Passphrases: []string{passBad, passP12}})
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Certs) != 1 || len(set.Problems) != 0 || len(set.Keys) != 0 {
		t.Fatalf("%d certs, keys %+v, problems %+v", len(set.Certs), set.Keys, set.Problems)
	}
}
