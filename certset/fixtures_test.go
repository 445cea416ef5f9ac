package certset

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// Passphrases used by the fixtures. No Problem.Err may ever contain one.
const (
	passKey = "s3cret-key-pass"
	passP12 = "p12-Pass-word"
	passOld = "traditional-pw"
	passBad = "not-the-right-one"
)

var testPassphrases = []string{passKey, passP12, passOld, passBad}

var (
	fixtureOnce sync.Once
	fixtureDir  string
	fixtureErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if fixtureDir != "" {
		os.RemoveAll(fixtureDir)
	}
	os.Exit(code)
}

// fixtures returns a directory of files made by the real openssl once per
// test binary; tests copy what they need into their own t.TempDir().
func fixtures(t testing.TB) string {
	t.Helper()
	if _, err := exec.LookPath("openssl"); err != nil {
		t.Skip("openssl not installed")
	}
	fixtureOnce.Do(func() {
		fixtureDir, fixtureErr = os.MkdirTemp("", "certset-fixtures-")
		if fixtureErr == nil {
			fixtureErr = makeFixtures(fixtureDir)
		}
	})
	if fixtureErr != nil {
		t.Fatalf("making fixtures: %v", fixtureErr)
	}
	return fixtureDir
}

type cmdErr struct {
	args []string
	out  []byte
	err  error
}

func (e *cmdErr) Error() string {
	return "openssl " + strings.Join(e.args, " ") + ": " + e.err.Error() + "\n" + string(e.out)
}

func makeFixtures(dir string) error {
	run := func(args ...string) error {
		cmd := exec.Command("openssl", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "OPENSSL_CONF=/dev/null")
		out, err := cmd.CombinedOutput()
		if err != nil {
			return &cmdErr{args, out, err}
		}
		return nil
	}
	write := func(name, content string) error {
		return os.WriteFile(filepath.Join(dir, name), []byte(content), 0o600)
	}
	caCnf := `[ca]
default_ca = ca_default
[ca_default]
database = index.txt
crlnumber = crlnumber
default_md = sha256
default_crl_days = 30
[v3_ca]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[v3_leaf]
basicConstraints = CA:FALSE
extendedKeyUsage = clientAuth
`
	steps := []func() error{
		func() error { return write("ca.cnf", caCnf) },
		func() error { return write("index.txt", "") },
		func() error { return write("crlnumber", "1000\n") },
		// CA and leaf, EC P-256.
		func() error {
			return run("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
				"-keyout", "ca.key", "-subj", "/CN=Test CA", "-days", "30", "-config", "ca.cnf", "-extensions", "v3_ca", "-out", "ca.pem")
		},
		func() error { return run("x509", "-in", "ca.pem", "-outform", "DER", "-out", "ca.der") },
		func() error { return run("x509", "-in", "ca.pem", "-addtrust", "clientAuth", "-out", "ca-trusted.pem") },
		func() error {
			return run("req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
				"-keyout", "leaf.key", "-subj", "/CN=client", "-out", "leaf.csr")
		},
		func() error {
			return run("x509", "-req", "-in", "leaf.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
				"-days", "10", "-extfile", "ca.cnf", "-extensions", "v3_leaf", "-out", "leaf.pem")
		},
		func() error { return run("req", "-in", "leaf.csr", "-outform", "DER", "-out", "leaf-csr.der") },
		func() error {
			return run("ca", "-gencrl", "-config", "ca.cnf", "-keyfile", "ca.key", "-cert", "ca.pem", "-out", "crl.pem")
		},
		func() error { return run("crl", "-in", "crl.pem", "-outform", "DER", "-out", "crl.der") },
		func() error {
			return run("crl2pkcs7", "-nocrl", "-certfile", "ca.pem", "-certfile", "leaf.pem", "-out", "bundle.p7b")
		},
		func() error {
			return run("crl2pkcs7", "-in", "crl.pem", "-certfile", "ca.pem", "-outform", "DER", "-out", "bundle-der.p7b")
		},
		// RSA: OpenSSL 3's genrsa -aes256 writes PKCS#8 PBES2.
		func() error {
			return run("genrsa", "-aes256", "-passout", "pass:"+passKey, "-out", "rsa-pbes2.pem", "2048")
		},
		func() error {
			return run("pkey", "-in", "rsa-pbes2.pem", "-passin", "pass:"+passKey, "-out", "rsa-pkcs8.pem")
		},
		func() error {
			return run("rsa", "-in", "rsa-pkcs8.pem", "-traditional", "-out", "rsa-pkcs1.pem")
		},
		func() error {
			return run("rsa", "-in", "rsa-pkcs8.pem", "-traditional", "-aes256", "-passout", "pass:"+passOld, "-out", "rsa-dek.pem")
		},
		func() error {
			return run("rsa", "-in", "rsa-pkcs8.pem", "-traditional", "-des3", "-passout", "pass:"+passOld, "-out", "rsa-dek-des3.pem")
		},
		func() error {
			return run("pkcs8", "-topk8", "-nocrypt", "-in", "rsa-pkcs8.pem", "-outform", "DER", "-out", "rsa-pkcs8.der")
		},
		func() error {
			return run("rsa", "-in", "rsa-pkcs8.pem", "-traditional", "-outform", "DER", "-out", "rsa-pkcs1.der")
		},
		func() error { return run("pkey", "-in", "rsa-pkcs8.pem", "-pubout", "-out", "rsa-pub.pem") },
		func() error {
			return run("req", "-x509", "-key", "rsa-pkcs8.pem", "-subj", "/CN=rsa server", "-days", "5", "-out", "rsa.pem")
		},
		// PBES2 variants.
		func() error {
			for _, prf := range []string{"hmacWithSHA1", "hmacWithSHA224", "hmacWithSHA256", "hmacWithSHA384", "hmacWithSHA512"} {
				for _, c := range []string{"aes-128-cbc", "aes-192-cbc", "aes-256-cbc", "des3"} {
					if err := run("pkcs8", "-topk8", "-in", "leaf.key", "-v2", c, "-v2prf", prf,
						"-passout", "pass:"+passKey, "-out", "pbes2-"+c+"-"+prf+".pem"); err != nil {
						return err
					}
				}
			}
			return nil
		},
		func() error {
			return run("pkcs8", "-topk8", "-in", "leaf.key", "-v2", "aes-256-cbc", "-outform", "DER",
				"-passout", "pass:"+passKey, "-out", "leaf-pbes2.der")
		},
		func() error {
			return run("pkcs8", "-topk8", "-in", "leaf.key", "-scrypt", "-passout", "pass:"+passKey, "-out", "scrypt.pem")
		},
		func() error {
			return run("pkcs8", "-topk8", "-in", "leaf.key", "-v1", "PBE-SHA1-3DES", "-passout", "pass:"+passKey, "-out", "pbes1.pem")
		},
		// EC SEC1, plain / DEK-Info / DER.
		func() error { return run("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "ec-sec1.pem") },
		func() error {
			return run("ec", "-in", "ec-sec1.pem", "-aes128", "-passout", "pass:"+passOld, "-out", "ec-dek.pem")
		},
		func() error { return run("ec", "-in", "ec-sec1.pem", "-outform", "DER", "-out", "ec-sec1.der") },
		func() error { return run("ecparam", "-name", "prime256v1", "-out", "ecparams.pem") },
		func() error { return run("genpkey", "-algorithm", "ed25519", "-out", "ed25519.pem") },
		func() error { return run("genpkey", "-algorithm", "ed448", "-out", "ed448.pem") },
		// A client on a curve Go lacks, signed by the CA.
		func() error {
			return run("req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-192", "-nodes",
				"-keyout", "p192.key", "-subj", "/CN=p192 client", "-out", "p192.csr")
		},
		func() error {
			return run("x509", "-req", "-in", "p192.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
				"-days", "10", "-out", "p192.pem")
		},
		// PKCS#12.
		func() error {
			return run("pkcs12", "-export", "-inkey", "leaf.key", "-in", "leaf.pem", "-certfile", "ca.pem",
				"-passout", "pass:"+passP12, "-out", "leaf.p12")
		},
		func() error {
			return run("pkcs12", "-export", "-inkey", "leaf.key", "-in", "leaf.pem", "-passout", "pass:", "-out", "nopass.p12")
		},
		func() error {
			return run("pkcs12", "-export", "-legacy", "-inkey", "leaf.key", "-in", "leaf.pem", "-certfile", "ca.pem",
				"-passout", "pass:"+passP12, "-out", "legacy.p12")
		},
		func() error {
			return run("pkcs12", "-export", "-nokeys", "-in", "ca.pem", "-passout", "pass:"+passP12, "-out", "certonly.p12")
		},
	}
	for _, s := range steps {
		if err := s(); err != nil {
			return err
		}
	}
	// Hand-made variants.
	ca, err := os.ReadFile(filepath.Join(dir, "ca.pem"))
	if err != nil {
		return err
	}
	leaf, err := os.ReadFile(filepath.Join(dir, "leaf.pem"))
	if err != nil {
		return err
	}
	x509Label := bytes.ReplaceAll(ca, []byte("CERTIFICATE-----"), []byte("X509 CERTIFICATE-----"))
	if err := write("ca-x509label.pem", string(x509Label)); err != nil {
		return err
	}
	return write("chain-with-text.pem", "subject=/CN=client\nissuer=/CN=Test CA\n"+string(leaf)+"\n# the CA:\n"+string(ca)+"trailing notes\n")
}

// copyFixtures copies named fixtures into a fresh directory.
func copyFixtures(t *testing.T, names ...string) string {
	t.Helper()
	src := fixtures(t)
	dst := t.TempDir()
	for _, n := range names {
		b, err := os.ReadFile(filepath.Join(src, n))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dst, n), b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(fixtures(t), name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}
