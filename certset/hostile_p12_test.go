package certset

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/pbkdf2"
	"crypto/sha256"
	"crypto/x509/pkix"
	"encoding/asn1"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Hostile PKCS#12 files, built here byte by byte: each asks go-pkcs12 to
// spend a huge iteration count where the old check did not look.

var (
	oidShroudedKeyBag     = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 12, 10, 1, 2}
	oidPBMAC1             = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 5, 14}
	oidSHA256Digest       = asn1.ObjectIdentifier{2, 16, 840, 1, 101, 3, 4, 2, 1}
	hostileSalt           = []byte("saltsalt")
	hostileIV             = make([]byte, 16)
	hugeCount             = 2_000_000_000
	hostileTestCountLimit = 10_000_000
)

func mustMarshal(t testing.TB, v any) []byte {
	t.Helper()
	b, err := asn1.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// pbes2Alg is a PBES2 AlgorithmIdentifier: PBKDF2-HMAC-SHA256 with count,
// AES-256-CBC.
func pbes2Alg(t testing.TB, count int) pkix.AlgorithmIdentifier {
	kdf := struct {
		Salt       []byte
		Iterations int
		PRF        pkix.AlgorithmIdentifier
	}{hostileSalt, count, pkix.AlgorithmIdentifier{Algorithm: oidHMACWithSHA256, Parameters: asn1.NullRawValue}}
	params := struct {
		KDF pkix.AlgorithmIdentifier
		Enc pkix.AlgorithmIdentifier
	}{
		pkix.AlgorithmIdentifier{Algorithm: oidPBKDF2, Parameters: asn1.RawValue{FullBytes: mustMarshal(t, kdf)}},
		pkix.AlgorithmIdentifier{Algorithm: oidAES256CBC, Parameters: asn1.RawValue{FullBytes: mustMarshal(t, hostileIV)}},
	}
	return pkix.AlgorithmIdentifier{Algorithm: oidPBES2, Parameters: asn1.RawValue{FullBytes: mustMarshal(t, params)}}
}

// encryptPBES2 encrypts plain as pbes2Alg(count) does, with passphrase "".
func encryptPBES2(t testing.TB, plain []byte, count int) []byte {
	key, err := pbkdf2.Key(sha256.New, "", hostileSalt, count, 32)
	if err != nil {
		t.Fatal(err)
	}
	block, _ := aes.NewCipher(key)
	n := 16 - len(plain)%16
	padded := append(append([]byte{}, plain...), make([]byte, n)...)
	for i := len(plain); i < len(padded); i++ {
		padded[i] = byte(n)
	}
	out := make([]byte, len(padded))
	cipher.NewCBCEncrypter(block, hostileIV).CryptBlocks(out, padded)
	return out
}

// shroudedKeySafe is SafeContents with one shrouded key bag whose
// PBKDF2 count is count; its ciphertext is never reached.
func shroudedKeySafe(t testing.TB, count int) []byte {
	epki := encryptedPrivateKeyInfo{Algorithm: pbes2Alg(t, count), EncryptedData: make([]byte, 64)}
	bag := struct {
		ID    asn1.ObjectIdentifier
		Value asn1.RawValue
	}{oidShroudedKeyBag, asn1.RawValue{Class: asn1.ClassContextSpecific, Tag: 0, IsCompound: true, Bytes: mustMarshal(t, epki)}}
	return mustMarshal(t, []any{bag})
}

func explicit0(t testing.TB, v any) asn1.RawValue {
	return asn1.RawValue{Class: asn1.ClassContextSpecific, Tag: 0, IsCompound: true, Bytes: mustMarshal(t, v)}
}

// hostilePFX builds a PFX whose only key bag asks for keyCount iterations.
// inEncrypted puts that bag inside a PBES2-encrypted safe (count 1, empty
// passphrase), where only decrypting the safe shows it. macCount > 0
// adds a PBMAC1 MAC for the empty passphrase with that count; 0 leaves
// the MAC out, which go-pkcs12 accepts for the empty passphrase.
func hostilePFX(t testing.TB, keyCount int, inEncrypted bool, macCount int) []byte {
	safe := shroudedKeySafe(t, keyCount)
	var ci any
	if inEncrypted {
		ed := struct {
			Version int
			ECI     struct {
				ContentType asn1.ObjectIdentifier
				Alg         pkix.AlgorithmIdentifier
				Content     asn1.RawValue
			}
		}{}
		ed.ECI.ContentType = oidPKCS7Data
		ed.ECI.Alg = pbes2Alg(t, 1)
		ed.ECI.Content = asn1.RawValue{Class: asn1.ClassContextSpecific, Tag: 0, Bytes: encryptPBES2(t, safe, 1)}
		ci = struct {
			ContentType asn1.ObjectIdentifier
			Content     asn1.RawValue
		}{oidPKCS7EncryptedData, explicit0(t, ed)}
	} else {
		ci = struct {
			ContentType asn1.ObjectIdentifier
			Content     asn1.RawValue
		}{oidPKCS7Data, explicit0(t, safe)}
	}
	authSafe := mustMarshal(t, []any{ci})
	pfx := struct {
		Version  int
		AuthSafe struct {
			ContentType asn1.ObjectIdentifier
			Content     asn1.RawValue
		}
		MacData asn1.RawValue `asn1:"optional"`
	}{Version: 3}
	pfx.AuthSafe.ContentType = oidPKCS7Data
	pfx.AuthSafe.Content = explicit0(t, authSafe)
	if macCount > 0 {
		key, _ := pbkdf2.Key(sha256.New, "", hostileSalt, macCount, 32)
		h := hmac.New(sha256.New, key)
		h.Write(authSafe)
		kdf := struct {
			Salt       []byte
			Iterations int
			KeyLength  int
			PRF        pkix.AlgorithmIdentifier
		}{hostileSalt, macCount, 32, pkix.AlgorithmIdentifier{Algorithm: oidHMACWithSHA256, Parameters: asn1.NullRawValue}}
		params := struct {
			KDF pkix.AlgorithmIdentifier
			Mac pkix.AlgorithmIdentifier
		}{
			pkix.AlgorithmIdentifier{Algorithm: oidPBKDF2, Parameters: asn1.RawValue{FullBytes: mustMarshal(t, kdf)}},
			pkix.AlgorithmIdentifier{Algorithm: oidHMACWithSHA256, Parameters: asn1.NullRawValue},
		}
		md := struct {
			Mac struct {
				Alg    pkix.AlgorithmIdentifier
				Digest []byte
			}
			Salt       []byte
			Iterations int
		}{Salt: hostileSalt, Iterations: 1}
		md.Mac.Alg = pkix.AlgorithmIdentifier{Algorithm: oidPBMAC1, Parameters: asn1.RawValue{FullBytes: mustMarshal(t, params)}}
		md.Mac.Digest = h.Sum(nil)
		pfx.MacData = asn1.RawValue{FullBytes: mustMarshal(t, md)}
	}
	return mustMarshal(t, pfx)
}

// classicMACPFX is a PFX with a classic SHA-256 MAC asking for count
// iterations (its digest is wrong: the count alone must stop it).
func classicMACPFX(t testing.TB, count int) []byte {
	authSafe := mustMarshal(t, []any{struct {
		ContentType asn1.ObjectIdentifier
		Content     asn1.RawValue
	}{oidPKCS7Data, explicit0(t, shroudedKeySafe(t, 2048))}})
	md := struct {
		Mac struct {
			Alg    pkix.AlgorithmIdentifier
			Digest []byte
		}
		Salt       []byte
		Iterations int
	}{Salt: hostileSalt, Iterations: count}
	md.Mac.Alg = pkix.AlgorithmIdentifier{Algorithm: oidSHA256Digest, Parameters: asn1.NullRawValue}
	md.Mac.Digest = make([]byte, 32)
	pfx := struct {
		Version  int
		AuthSafe struct {
			ContentType asn1.ObjectIdentifier
			Content     asn1.RawValue
		}
		MacData asn1.RawValue
	}{Version: 3}
	pfx.AuthSafe.ContentType = oidPKCS7Data
	pfx.AuthSafe.Content = explicit0(t, authSafe)
	pfx.MacData = asn1.RawValue{FullBytes: mustMarshal(t, md)}
	return mustMarshal(t, pfx)
}

func TestHostilePKCS12IsRefusedBeforeAnyDerivation(t *testing.T) {
	cases := []struct {
		name  string
		der   []byte
		count string
	}{
		{"key bag deep in a data safe, no MAC", hostilePFX(t, hugeCount, false, 0), "2000000000"},
		{"key bag deep in a data safe, PBMAC1 for the empty passphrase", hostilePFX(t, hugeCount, false, 1), "2000000000"},
		{"key bag inside an encrypted safe", hostilePFX(t, hugeCount, true, 1), "2000000000"},
		{"key bag at twice the limit", hostilePFX(t, 2*hostileTestCountLimit, false, 0), "20000000"},
		{"classic MAC at twice the limit", classicMACPFX(t, 2*hostileTestCountLimit), "20000000"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if len(c.der) > 1200 {
				t.Fatalf("hostile file is %d bytes; meant to be small", len(c.der))
			}
			path := filepath.Join(t.TempDir(), "hostile.p12")
			if err := os.WriteFile(path, c.der, 0o600); err != nil {
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
				if len(set.Keys) != 1 || !set.Keys[0].Locked || set.Keys[0].BadPassphrase {
					t.Fatalf("keys %+v problems %+v; want one locked key", set.Keys, set.Problems)
				}
				want := "iteration count " + c.count + " is above the limit of 10000000"
				if got := set.Keys[0].LockReason; got != want {
					t.Fatalf("LockReason %q, want %q", got, want)
				}
			}
			_, err := LoadKeyPair(path, "", Options{})
			if err == nil || !strings.Contains(err.Error(), "iteration count "+c.count+" is above the limit") {
				t.Fatalf("LoadKeyPair: %v", err)
			}
		})
	}
}

// The same structure with a count within the limit is decoded as usual:
// the refusal above is about the count, not the shape.
func TestHostilePKCS12ShapeWithinLimitIsTried(t *testing.T) {
	for _, inEncrypted := range []bool{false, true} {
		path := filepath.Join(t.TempDir(), "small.p12")
		if err := os.WriteFile(path, hostilePFX(t, 1000, inEncrypted, 1), 0o600); err != nil {
			t.Fatal(err)
		}
		set, err := Load([]string{path}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range set.Keys {
			if k.LockReason != "" {
				t.Fatalf("in encrypted safe %v: locked for %q", inEncrypted, k.LockReason)
			}
		}
	}
}

func TestOneBudgetForEveryDerivation(t *testing.T) {
	dir := copyFixtures(t, "leaf.p12", "pbes2-aes-256-cbc-hmacWithSHA256.pem")
	wrong := []string{"a", "b", "c", "d", "e", "f", "g", "h"}
	// Enough for a few attempts, not for all of them.
	b := NewBudget(20_000)
	set, err := Load([]string{dir}, Options{Passphrases: append(wrong, passP12, passKey), Budget: b})
	if err != nil {
		t.Fatal(err)
	}
	if b.Left() != 0 {
		t.Fatalf("budget left %d, want it spent", b.Left())
	}
	spent := 0
	for _, k := range set.Keys {
		if strings.Contains(k.LockReason, "work budget of this run (20000 key-derivation iterations) is spent") {
			spent++
		}
	}
	if spent == 0 {
		t.Fatalf("no key locked for the budget: %+v", set.Keys)
	}
	// With the budget of the default size the same load opens both.
	set, err = Load([]string{dir}, Options{Passphrases: append(wrong, passP12, passKey)})
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range set.Keys {
		if k.Public == nil {
			t.Fatalf("key %+v not opened", k)
		}
	}
}

func FuzzIterationCounts(f *testing.F) {
	f.Add(hostilePFX(f, hugeCount, false, 0))
	f.Add(classicMACPFX(f, 5))
	f.Add(hostile3DESPFX(f, []byte{0, 0}, 1, hugeCount))
	f.Add([]byte("\x30\x80\x02\x01\x03"))
	f.Fuzz(func(t *testing.T, der []byte) {
		sum, top := iterationCounts(der)
		if top < 0 || sum < top {
			t.Fatalf("sum %d top %d", sum, top)
		}
		if _, err := pfxWorkOf(der); err != nil && top <= int64(maxPBKDF2Iterations) {
			if !strings.Contains(err.Error(), "iteration count") {
				t.Fatalf("unexpected error %v", err)
			}
		}
	})
}
