package checks

import (
	"bytes"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/pem"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/catalogue"
	"github.com/mtlsdoctor/mtlsdoctor/internal/fixrun"
)

// TestReissueKeepsExtensions runs the reissue command of the certs fixes
// (catalogue.ReissueCmd, filled as a fix fills it) with the real openssl
// on every certificate whose key a set holds (the fixture sets, and the
// sets other projects committed, testdata/world-certs) and wants the new
// certificate to carry the old one's extensions byte for byte: each with
// its criticality, but the key identifiers, which name the new signer,
// and what extFileLines leaves out by design (extensions it cannot write
// back; a printf that could not be written falls back to
// -copy_extensions, which copies everything).
func TestReissueKeepsExtensions(t *testing.T) {
	if _, err := exec.LookPath("openssl"); err != nil {
		t.Fatal("openssl is needed: install it (Debian: apt-get install openssl)")
	}
	signer := t.TempDir()
	caCrt, caKey := filepath.Join(signer, "ca.crt"), filepath.Join(signer, "ca.key")
	mustOpenSSL(t, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", caKey, "-out", caCrt, "-subj", "/CN=reissue test CA", "-days", "2")
	// The fixture sets with their CAs' keys, the sets other projects
	// committed, and a certificate with every extension extFileLines
	// writes, made here.
	var dirs []string
	sets, err := os.ReadDir(fixtures)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range sets {
		if !e.IsDir() || strings.HasPrefix(e.Name(), "_") {
			continue
		}
		if _, err := os.Stat(filepath.Join(fixtures, "_outside", e.Name())); err == nil {
			dirs = append(dirs, copySet(t, e.Name()))
		} else {
			dirs = append(dirs, filepath.Join(fixtures, e.Name()))
		}
	}
	world, err := filepath.Glob(filepath.Join("..", "testdata", "world-certs", "*", ""))
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range world {
		if fi, err := os.Stat(d); err == nil && fi.IsDir() {
			dirs = append(dirs, d)
		}
	}
	every := t.TempDir()
	if err := os.WriteFile(filepath.Join(every, "every.ext"), []byte(everyExtension), 0o600); err != nil {
		t.Fatal(err)
	}
	mustOpenSSL(t, "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", filepath.Join(every, "every.key"), "-subj", "/O=mtlsdoctor test/CN=every", "-out", filepath.Join(every, "every.csr"))
	mustOpenSSL(t, "x509", "-req", "-in", filepath.Join(every, "every.csr"), "-CA", caCrt, "-CAkey", caKey, "-set_serial", "7", "-days", "2", "-extfile", filepath.Join(every, "every.ext"), "-out", filepath.Join(every, "every.crt"))
	dirs = append(dirs, every)
	tried := 0
	var kept atomic.Int32
	written := map[string]int{} // how many certificates had each extension written
	t.Run("reissue", func(t *testing.T) {
		for _, d := range dirs {
			set := loadDir(t, d)
			encrypted := map[string]bool{} // openssl would ask for the passphrase
			for _, k := range set.Keys {
				encrypted[k.File] = k.Encrypted
			}
			r := analyse(set, CertOptions{SecLevel: 0, VerifyDepth: 9, At: time.Now()})
			for _, s := range r.certs {
				if s.keyFile == "" || encrypted[s.keyFile] || len(s.c.Files) == 0 {
					continue
				}
				tried++
				name := filepath.Base(first(s.c.Files))
				lines, _ := extFileLines(s.c.X509)
				for _, l := range lines {
					written[l[:strings.IndexByte(l, '=')]]++
				}
				t.Run(name, func(t *testing.T) {
					t.Parallel()
					work := t.TempDir()
					crt := filepath.Join(work, "cert.pem")
					key := filepath.Join(work, "cert.key")
					if err := os.WriteFile(crt, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: s.c.X509.Raw}), 0o600); err != nil {
						t.Fatal(err)
					}
					b, err := os.ReadFile(s.keyFile)
					if err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(key, b, 0o600); err != nil {
						t.Fatal(err)
					}
					// A CA of its own: -CAcreateserial writes the serial
					// file beside it.
					for _, f := range []string{caCrt, caKey} {
						b, err := os.ReadFile(f)
						if err != nil {
							t.Fatal(err)
						}
						if err := os.WriteFile(filepath.Join(work, filepath.Base(f)), b, 0o600); err != nil {
							t.Fatal(err)
						}
					}
					v := cmdVars(s, filepath.Join(work, "ca.crt"), filepath.Join(work, "ca.key"))
					v["crt"], v["base"], v["key_file"], v["ext_name"] = crt, filepath.Join(work, "cert"), key, filepath.Join(work, "cert-ext.cnf")
					if v["ext_file"] != "" {
						v["ext_file"] = extFilePrintf(lines, v["ext_name"]) + "\n"
						v["sign_ext"] = " -extfile " + v["ext_name"]
					}
					cmds := catalogue.Fill(catalogue.ReissueCmd, v)
					if strings.Contains(cmds, "-copy_extensions") {
						if d == every {
							t.Errorf("%s falls back to -copy_extensions", name)
						}
						if fixrun.Other() {
							t.Skipf("falls back to OpenSSL 3's -copy_extensions, which another openssl may not have:\n%s", cmds)
						}
						t.Logf("falls back to -copy_extensions:\n%s", cmds)
					}
					fixrun.Lines(t, work, cmds)
					got := fixrun.Cert(t, crt)
					if bytes.Equal(got.Raw, s.c.X509.Raw) {
						t.Fatal("the certificate was not reissued")
					}
					if diff := extensionDiff(s.c.X509, got, v["toreq_ext"] != ""); diff != "" {
						t.Errorf("%s: the reissued certificate's extensions differ:\n%s\ncommands:\n%s", first(s.c.Files), diff, cmds)
					} else {
						kept.Add(1)
					}
					if s.c.X509.IsCA {
						return
					}
					// Made a client certificate: a client's usages, the
					// names it had.
					v["client_ext_file"], v["client_ext"] = extFilePrintf(clientExtFileLines(s.c.X509), v["ext_name"]), v["ext_name"]
					if v["client_ext_file"] == "" {
						return
					}
					cmds = catalogue.Fill(catalogue.ReissueClientCmd, v)
					fixrun.Lines(t, work, cmds)
					client := fixrun.Cert(t, crt)
					if len(client.ExtKeyUsage) != 1 || client.ExtKeyUsage[0] != x509.ExtKeyUsageClientAuth || client.KeyUsage&x509.KeyUsageDigitalSignature == 0 || client.IsCA {
						t.Errorf("%s made a client: extended key usage %v, key usage %b, CA %v\n%s", first(s.c.Files), client.ExtKeyUsage, client.KeyUsage, client.IsCA, cmds)
					}
					for _, e := range s.c.X509.Extensions {
						if !e.Id.Equal(oidSubjectAltName) {
							continue
						}
						if _, exact := extFileLines(s.c.X509); !exact {
							break
						}
						found := false
						for _, n := range client.Extensions {
							found = found || n.Id.Equal(oidSubjectAltName) && bytes.Equal(n.Value, e.Value)
						}
						if !found {
							t.Errorf("%s made a client lost its subjectAltName\n%s", first(s.c.Files), cmds)
						}
					}
				})
			}
		}
	})
	for _, n := range []string{"basicConstraints", "keyUsage", "extendedKeyUsage", "subjectAltName", "subjectKeyIdentifier", "authorityKeyIdentifier", "nameConstraints", "crlDistributionPoints", "certificatePolicies", "authorityInfoAccess", "nsCertType", "nsComment"} {
		if written[n] == 0 {
			t.Errorf("no certificate had %s written", n)
		}
	}
	if tried < 20 {
		t.Fatalf("only %d certificates with keys in %d sets", tried, len(dirs))
	}
	t.Logf("%d certificates reissued, %d with their extensions kept; extensions written: %v", tried, kept.Load(), written)
}

// everyExtension is an -extfile with every extension extFileLines writes,
// critical and not, with the kinds of name each takes.
const everyExtension = `basicConstraints=critical,CA:TRUE,pathlen:0
keyUsage=critical,digitalSignature,keyCertSign,cRLSign
extendedKeyUsage=serverAuth,clientAuth,1.3.6.1.4.1.311.20.2.2
subjectAltName=DNS:every.example,DNS:*.every.example,IP:192.0.2.7,IP:2001:db8::7,email:every@example.com,URI:spiffe://example.org/every
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid
nameConstraints=critical,permitted;DNS:example.org,permitted;IP:192.0.2.0/255.255.255.0,excluded;email:bad.example,permitted;URI:.example.org
crlDistributionPoints=URI:http://crl.example/every.crl
certificatePolicies=1.3.6.1.4.1.99999.1,anyPolicy
authorityInfoAccess=OCSP;URI:http://ocsp.example,caIssuers;URI:http://ca.example/ca.crt
nsCertType=client,email,sslCA
nsComment=Made by the mtlsdoctor test (every extension)
`

// extensionDiff says how the extensions of was and now differ: the ones
// extFileLines writes must be there with the same value and criticality
// (the key identifiers by presence only), the others must be gone; all
// of them when copied.
func extensionDiff(was, now *x509.Certificate, copied bool) string {
	written := map[string]bool{}
	lines, _ := extFileLines(was)
	for _, l := range lines {
		written[l[:strings.IndexByte(l, '=')]] = true
	}
	names := map[string]string{
		oidBasicConstraints.String(): "basicConstraints", oidKeyUsage.String(): "keyUsage", oidExtKeyUsage.String(): "extendedKeyUsage",
		oidSubjectAltName.String(): "subjectAltName", oidSubjectKeyID.String(): "subjectKeyIdentifier", oidAuthorityKeyID.String(): "authorityKeyIdentifier",
		oidNameConstraints.String(): "nameConstraints", oidCRLDistribution.String(): "crlDistributionPoints", oidCertPolicies.String(): "certificatePolicies",
		oidAuthorityInfo.String(): "authorityInfoAccess", oidNetscapeCertType.String(): "nsCertType", oidNetscapeComment.String(): "nsComment",
	}
	nowExt := map[string]int{}
	for i, e := range now.Extensions {
		nowExt[e.Id.String()] = i
	}
	var diff []string
	for _, e := range was.Extensions {
		id := e.Id.String()
		i, present := nowExt[id]
		if !written[names[id]] && !copied {
			if present {
				diff = append(diff, id+": not written, but there")
			}
			continue
		}
		if !present {
			diff = append(diff, id+" "+names[id]+": missing")
			continue
		}
		n := now.Extensions[i]
		if n.Critical != e.Critical {
			diff = append(diff, names[id]+": criticality changed")
		}
		if id != oidSubjectKeyID.String() && id != oidAuthorityKeyID.String() && !bytes.Equal(n.Value, e.Value) {
			diff = append(diff, names[id]+": value changed")
		}
		delete(nowExt, id)
	}
	for id := range nowExt {
		if id != oidSubjectKeyID.String() && id != oidAuthorityKeyID.String() {
			diff = append(diff, id+": added")
		}
	}
	return strings.Join(diff, "\n")
}

// FuzzExtFileLines: whatever bytes a certificate holds as the value of an
// extension the extfile writes back, writing it neither panics nor gives
// a line that could break out of the printf that writes it.
func FuzzExtFileLines(f *testing.F) {
	f.Add(0, []byte{0x30, 0x03, 0x01, 0x01, 0xff})
	f.Add(3, []byte{0x30, 0x0d, 0x82, 0x0b, 'e', 'x', 'a', 'm', 'p', 'l', 'e', '.', 'o', 'r', 'g'})
	f.Add(6, []byte{0x30, 0x06, 0xa0, 0x04, 0x87, 0x02, 0x7f, 0x00})
	f.Add(7, []byte{0x30, 0x09, 0x30, 0x07, 0xa0, 0x05, 0xa0, 0x03, 0x86, 0x01, 'x'})
	oids := []asn1.ObjectIdentifier{oidBasicConstraints, oidKeyUsage, oidExtKeyUsage, oidSubjectAltName, oidSubjectKeyID, oidAuthorityKeyID,
		oidNameConstraints, oidCRLDistribution, oidCertPolicies, oidAuthorityInfo, oidNetscapeCertType, oidNetscapeComment}
	f.Fuzz(func(t *testing.T, which int, value []byte) {
		if which < 0 {
			which = -which
		}
		c := &x509.Certificate{Extensions: []pkix.Extension{{Id: oids[which%len(oids)], Critical: which%2 == 0, Value: value}},
			BasicConstraintsValid: which%3 == 0, IsCA: which%5 == 0, MaxPathLen: which % 7, KeyUsage: x509.KeyUsage(which)}
		lines, _ := extFileLines(c)
		lines = append(lines, clientExtFileLines(c)...)
		if cmd := extFilePrintf(lines, "x-ext.cnf"); cmd != "" {
			body := strings.TrimSuffix(strings.TrimPrefix(cmd, "printf '"), `\n' > x-ext.cnf`)
			if strings.ContainsAny(strings.ReplaceAll(body, `\n`, ""), "'%\\\"$#\n") || strings.Count(cmd, "'") != 2 {
				t.Fatalf("a printf that breaks out: %q", cmd)
			}
		}
	})
}

// TestReissueLeavesOutCAPurpose: a CA whose extendedKeyUsage lacks
// clientAuth, above a client certificate of the set (its wrong-purpose
// finding), is reissued without that extendedKeyUsage, and the real
// openssl then takes the client under the reissued CA for -purpose
// sslclient; the same CA above a server certificate only keeps it.
func TestReissueLeavesOutCAPurpose(t *testing.T) {
	if _, err := exec.LookPath("openssl"); err != nil {
		t.Fatal("openssl is needed: install it (Debian: apt-get install openssl)")
	}
	dir := t.TempDir()
	p := func(name string) string { return filepath.Join(dir, name) }
	ec := []string{"-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"}
	mustOpenSSL(t, append(append([]string{"req", "-x509"}, ec...), "-keyout", p("root.key"), "-out", p("root.crt"), "-subj", "/CN=purpose root", "-days", "30")...)
	sign := func(name, subj, issuer, ext string) {
		if err := os.WriteFile(p(name+".ext"), []byte(ext), 0o600); err != nil {
			t.Fatal(err)
		}
		mustOpenSSL(t, append(append([]string{"req"}, ec...), "-keyout", p(name+".key"), "-out", p(name+".csr"), "-subj", subj)...)
		mustOpenSSL(t, "x509", "-req", "-in", p(name+".csr"), "-CA", p(issuer+".crt"), "-CAkey", p(issuer+".key"), "-CAcreateserial", "-days", "30", "-extfile", p(name+".ext"), "-out", p(name+".crt"))
	}
	caExt := "basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nextendedKeyUsage=serverAuth\n"
	sign("clients-ca", "/CN=clients ca", "root", caExt)
	sign("servers-ca", "/CN=servers ca", "root", caExt)
	sign("client", "/CN=client", "clients-ca", "extendedKeyUsage=clientAuth\nkeyUsage=critical,digitalSignature\n")
	sign("server", "/CN=server.example", "servers-ca", "extendedKeyUsage=serverAuth\nkeyUsage=critical,digitalSignature\nsubjectAltName=DNS:server.example\n")
	for _, f := range []string{"clients-ca", "servers-ca", "client", "server"} {
		for _, ext := range []string{".csr", ".ext"} {
			if err := os.Remove(p(f + ext)); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := os.Remove(p("root.srl")); err != nil {
		t.Fatal(err)
	}
	r := analyse(loadDir(t, dir), CertOptions{SecLevel: 1, VerifyDepth: 9, At: time.Now()})
	byName := map[string]*certState{}
	for _, s := range r.certs {
		byName[filepath.Base(first(s.c.Files))] = s
	}
	clients, servers := byName["clients-ca.crt"], byName["servers-ca.crt"]
	if clients == nil || servers == nil || !clients.clientsBelow || servers.clientsBelow {
		t.Fatalf("CAs above clients: clients-ca %v, servers-ca %v", clients != nil && clients.clientsBelow, servers != nil && servers.clientsBelow)
	}
	if ext := cmdVars(servers, p("root.crt"), p("root.key"))["ext_file"]; !strings.Contains(ext, "extendedKeyUsage=serverAuth") {
		t.Errorf("the CA above a server only lost its extendedKeyUsage:\n%s", ext)
	}
	cmds := reissueCmd(clients, p("root.crt"), p("root.key"))
	if strings.Contains(cmds, "extendedKeyUsage") || strings.Contains(cmds, "-copy_extensions") {
		t.Fatalf("the CA above a client keeps its extendedKeyUsage:\n%s", cmds)
	}
	fixrun.Lines(t, dir, cmds)
	if got := fixrun.Cert(t, p("clients-ca.crt")); len(got.ExtKeyUsage) != 0 || !got.IsCA {
		t.Fatalf("reissued CA: extended key usage %v, CA %v\n%s", got.ExtKeyUsage, got.IsCA, cmds)
	}
	if out, err := exec.Command("openssl", "verify", "-purpose", "sslclient", "-CAfile", p("root.crt"), "-untrusted", p("clients-ca.crt"), p("client.crt")).CombinedOutput(); err != nil {
		t.Errorf("the client under the reissued CA does not verify as a TLS client: %v\n%s", err, out)
	}
}
