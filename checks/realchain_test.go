package checks

import (
	"context"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/internal/servertest"
	"github.com/mtlsdoctor/mtlsdoctor/logparse"
)

// TestExplainRealChainFaults: server chains made here with the real
// openssl, each wrong in its content, not in its trust: a root made with
// pathlen:0 that signed an intermediate, a CA whose name constraints
// exclude the server's IP address, a CA made again with a new key under
// the old name. A real s_server serves each; the lines openssl s_client
// and openssl verify print are told as that fault with the commands that
// show it, not as a CA to trust.
func TestExplainRealChainFaults(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	run := func(cmd string) {
		t.Helper()
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		c := exec.CommandContext(ctx, "sh", "-c", cmd)
		c.Dir = dir
		if out, err := c.CombinedOutput(); err != nil {
			t.Fatalf("%s: %v\n%s", cmd, err, out)
		}
	}
	ca := func(name, ext string) {
		run("printf '[req]\\ndistinguished_name=dn\\nx509_extensions=ext\\n[dn]\\n[ext]\\n" + ext + "' > " + name + ".cnf")
		run("openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout " + name + ".key -subj '/CN=" + name + "' -days 30 -config " + name + ".cnf -out " + name + ".crt")
	}
	sign := func(name, issuer, ext string) {
		run("openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout " + name + ".key -subj '/CN=" + name + "' -out " + name + ".csr")
		run("printf '" + ext + "' > " + name + ".ext")
		run("openssl x509 -req -in " + name + ".csr -CA " + issuer + ".crt -CAkey " + issuer + ".key -CAcreateserial -days 30 -extfile " + name + ".ext -out " + name + ".crt")
	}
	const leaf = "basicConstraints=CA:FALSE\\nextendedKeyUsage=serverAuth\\nsubjectAltName=DNS:localhost,IP:127.0.0.1\\n"
	// A root that may sign end certificates only, and an intermediate under it.
	ca("pathroot", "basicConstraints=critical,CA:TRUE,pathlen:0\\nkeyUsage=critical,keyCertSign,cRLSign\\nsubjectKeyIdentifier=hash\\n")
	sign("pathint", "pathroot", "basicConstraints=critical,CA:TRUE\\nkeyUsage=critical,keyCertSign,cRLSign\\n")
	sign("pathsrv", "pathint", leaf)
	// A root that excludes every IPv4 address, and a server with one.
	ca("ncroot", "basicConstraints=critical,CA:TRUE\\nkeyUsage=critical,keyCertSign,cRLSign\\nnameConstraints=critical,excluded;IP:0.0.0.0/0.0.0.0\\n")
	sign("ncsrv", "ncroot", leaf)
	// A CA made again under the same name with a new key: the client has
	// the new one, the server's certificate is the old one's. Without key
	// identifiers (as guides' CAs made with OpenSSL 1.1's req -x509 and no
	// extension file, and their certificates, have none) the name alone
	// picks the issuer, and its key does not verify the signature.
	const noIDs = "subjectKeyIdentifier=none\\nauthorityKeyIdentifier=none\\n"
	ca("samename", "basicConstraints=critical,CA:TRUE\\nkeyUsage=critical,keyCertSign,cRLSign\\n"+noIDs)
	sign("oldsrv", "samename", leaf+noIDs)
	run("mv samename.crt samename-old.crt && mv samename.key samename-old.key")
	ca("samename", "basicConstraints=critical,CA:TRUE\\nkeyUsage=critical,keyCertSign,cRLSign\\n"+noIDs)
	run("cat pathsrv.crt pathint.crt > pathchain.crt")

	p := func(f string) string { return filepath.Join(dir, f) }
	for _, tc := range []struct {
		name                   string
		cert, key, chain, root string
		untrusted              string // for openssl verify
		code                   string
		words                  []string // in the fix
	}{
		{"path length", "pathsrv.crt", "pathsrv.key", "pathint.crt", "pathroot.crt", "pathint.crt", "25", []string{"Basic Constraints", "without a path length"}},
		{"excluded subtree", "ncsrv.crt", "ncsrv.key", "", "ncroot.crt", "", "48", []string{"Name Constraints", "Subject Alternative Name"}},
		{"same name, new key", "oldsrv.crt", "oldsrv.key", "", "samename.crt", "", "7", []string{"Authority Key Identifier", "Subject Key Identifier"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := []string{"-www", "-cert", p(tc.cert), "-key", p(tc.key)}
			if tc.chain != "" {
				args = append(args, "-cert_chain", p(tc.chain))
			}
			addr := servertest.SServer(t, args...)
			sc, _ := exec.Command("openssl", "s_client", "-connect", addr, "-CAfile", p(tc.root), "-servername", "localhost").CombinedOutput()
			vargs := []string{"verify", "-CAfile", p(tc.root)}
			if tc.untrusted != "" {
				vargs = append(vargs, "-untrusted", p(tc.untrusted))
			}
			vout, _ := exec.Command("openssl", append(vargs, p(tc.cert))...).CombinedOutput()
			var lines []string
			for _, out := range []string{string(sc), string(vout)} {
				for _, l := range strings.Split(out, "\n") {
					if strings.HasPrefix(l, "verify error:num="+tc.code+":") || strings.HasPrefix(l, "error "+tc.code+" at ") {
						lines = append(lines, strings.TrimSpace(l))
						break
					}
				}
			}
			if len(lines) != 2 {
				t.Fatalf("want s_client's and verify's line with code %s:\n%s\n%s", tc.code, sc, vout)
			}
			for _, line := range lines {
				rep := Explain(line)
				if len(rep.Findings) == 0 {
					t.Fatalf("%q: no finding", line)
				}
				f := rep.Findings[0]
				if f.Role != logparse.RoleClient {
					t.Errorf("%q: role %s", line, f.Role)
				}
				for _, w := range tc.words {
					if !strings.Contains(f.Fix, w) {
						t.Errorf("%q: the fix does not say %q:\n%s", line, w, f.Fix)
					}
				}
				if strings.Contains(f.Fix, "--cacert") || strings.Contains(f.Explanation, "not trusted") {
					t.Errorf("%q: told as a CA to trust:\n%s\n%s", line, f.Explanation, f.Fix)
				}
			}
		})
	}
}
