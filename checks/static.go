package checks

import (
	"crypto/x509"
	"encoding/hex"
	"fmt"
	"github.com/mtlsdoctor/mtlsdoctor/catalogue"
	"path/filepath"
	"strings"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/certset"
	"github.com/mtlsdoctor/mtlsdoctor/opensslverify"
	"github.com/mtlsdoctor/mtlsdoctor/report"
)

// matchKeys pairs private keys with certificates by public key, and
// reports keys that sit beside a certificate of the same name without
// belonging to it, keys that belong to nothing, and key hygiene.
func (r *run) matchKeys(keys []*certset.Key) {
	byPub := map[string][]*certState{}
	for _, s := range r.certs {
		if der, err := x509.MarshalPKIXPublicKey(s.c.X509.PublicKey); err == nil {
			byPub[string(der)] = append(byPub[string(der)], s)
		}
	}
	byStem := map[string][]*certState{}
	for _, s := range r.certs {
		for _, f := range s.c.Files {
			byStem[stem(f)] = append(byStem[stem(f)], s)
		}
	}
	for _, k := range keys {
		var owners []*certState
		if k.Public != nil {
			if der, err := x509.MarshalPKIXPublicKey(k.Public); err == nil {
				owners = byPub[string(der)]
			}
		}
		for _, s := range owners {
			if s.keyFile == "" {
				s.keyFile = k.File
			}
		}
		r.keyHygiene(k, owners)
		if k.Public == nil {
			continue
		}
		if len(owners) > 0 {
			continue
		}
		if twins := byStem[stem(k.File)]; len(twins) > 0 && !strings.HasSuffix(strings.ToLower(k.File), ".p12") && !strings.HasSuffix(strings.ToLower(k.File), ".pfx") {
			c := twins[0]
			crt := first(c.c.Files)
			r.add(k.File, report.Finding{
				ID: catalogue.KeyMismatch, Severity: report.Error, Priority: catalogue.KeyMismatch.Spec().Priority,
				Title:       fmt.Sprintf("%s does not belong to %s", k.File, crt),
				Explanation: "The private key and the certificate of the same name have different public keys. nginx refuses to start or reload with \"SSL_CTX_use_PrivateKey(...) failed (... key values mismatch)\" when they are configured together, and a client presenting them fails its handshake (nginx logs \"bad signature\").",
				Fix:         fmt.Sprintf("Find the key that matches (the two hashes must be equal):\nopenssl x509 -noout -pubkey -in %s | openssl sha256\nopenssl pkey -pubout -in %s | openssl sha256\nor reissue %s from a CSR made with %s.", crt, k.File, crt, k.File),
				File:        k.File, Subject: c.c.X509.Subject.String(),
			})
			continue
		}
		r.add(k.File, report.Finding{
			ID: catalogue.OrphanKey, Severity: report.Info, Priority: catalogue.OrphanKey.Spec().Priority,
			Title:       fmt.Sprintf("%s matches no certificate in the set", k.File),
			Explanation: "No certificate here carries this key's public key. It may be left over from an earlier attempt, or its certificate is stored elsewhere.",
			Fix:         fmt.Sprintf("If it is unused, remove it (shred -u %s); otherwise keep its certificate next to it.", k.File),
			File:        k.File,
		})
	}
}

func (r *run) keyHygiene(k *certset.Key, owners []*certState) {
	ownerIsCA := false
	for _, s := range owners {
		if isCA(s.role) {
			ownerIsCA = true
		}
	}
	switch {
	case k.BadPassphrase:
		r.add(k.File, report.Finding{
			ID: catalogue.BadPassphrase, Severity: report.Error, Priority: catalogue.BadPassphrase.Spec().Priority,
			Title:       fmt.Sprintf("none of the passphrases given decrypts %s", k.File),
			Explanation: "The key is encrypted and every passphrase tried failed. nginx tries each line of ssl_password_file the same way and, when none works, refuses to start: \"cannot load certificate key ... bad decrypt\" / \"maybe wrong password\".",
			Fix:         fmt.Sprintf("Put the right passphrase into the file named by ssl_password_file (one per line), and check it with: openssl pkey -in %s -noout -passin file:/etc/nginx/ssl_passwords.txt", k.File),
			File:        k.File,
		})
	case k.Locked:
		r.add(k.File, report.Finding{
			ID: catalogue.KeyLocked, Severity: report.Warning, Priority: catalogue.KeyLocked.Spec().Priority,
			Title:       fmt.Sprintf("%s is encrypted and no passphrase was given", k.File),
			Explanation: "mtlsdoctor could not check this key against its certificate. nginx needs ssl_password_file for an encrypted key, or it stops at start-up asking \"Enter PEM pass phrase:\".",
			Fix:         lockedFix(k.File),
			File:        k.File,
		})
	}
	if k.Mode&0o077 != 0 {
		sev, who := report.Warning, "anyone on the machine"
		if k.Mode&0o007 == 0 {
			// Group-only access (Debian's root:ssl-cert 0640 convention) is
			// a choice more often than a mistake.
			sev, who = report.Info, "members of its group"
		}
		r.add(k.File, report.Finding{
			ID: catalogue.KeyPermissions, Severity: sev, Priority: catalogue.KeyPermissions.Spec().Priority,
			Title:       fmt.Sprintf("private key %s is readable by %s (mode %04o)", k.File, who, k.Mode.Perm()),
			Explanation: "Whoever can read this file can impersonate its owner. nginx reads keys as root before dropping privileges, so the key needs no group or world access.",
			Fix:         fmt.Sprintf("chmod 600 %s", k.File),
			File:        k.File,
		})
	}
	if ownerIsCA && !k.Encrypted {
		r.add(k.File, report.Finding{
			ID: catalogue.KeyUnencrypted, Severity: report.Warning, Priority: catalogue.KeyUnencrypted.Spec().Priority,
			Title:       fmt.Sprintf("CA private key %s is not encrypted", k.File),
			Explanation: "Whoever copies this file can issue client certificates that nginx will accept. A CA key does not need to be on the nginx host at all; where it must be stored, encrypt it.",
			Fix:         fmt.Sprintf("openssl pkey -in %s -aes256 -out %s.enc && mv %s.enc %s && chmod 600 %s   (and keep it off the web server)", k.File, k.File, k.File, k.File, k.File),
			File:        k.File,
		})
	}
}

func lockedFix(file string) string {
	lower := strings.ToLower(file)
	if strings.HasSuffix(lower, ".p12") || strings.HasSuffix(lower, ".pfx") {
		return fmt.Sprintf("Give its password to check it: mtlsdoctor certs --passin stdin %s   (nginx cannot read PKCS#12: openssl pkcs12 -in %s -nodes -out bundle.pem)", file, file)
	}
	return fmt.Sprintf("Give the passphrase to check it: mtlsdoctor certs --passin file:/etc/nginx/ssl_passwords.txt ...  (or --passin stdin). nginx needs ssl_password_file for it, or a decrypted copy: openssl pkey -in %s -out %s.plain && chmod 600 %s.plain", file, file, file)
}

// staticChecks are the findings that do not come out of chain verification.
func (r *run) staticChecks() {
	serials := map[string][]*certState{}
	for _, s := range r.certs {
		x := s.c.X509
		key := s.info.IssuerKey() + "\x00" + x.SerialNumber.String()
		if !s.info.SelfSigned() {
			serials[key] = append(serials[key], s)
		}
		r.validity(s)
		if s.info.SelfIssued() && !isCA(s.role) && !s.info.SelfSigned() {
			// Subject equals issuer but an AKID tells them apart: works, but fragile.
			r.add(hex.EncodeToString(s.c.SHA256[:]), r.certFinding(s, catalogue.SelfIssuedLeaf, report.Warning,
				fmt.Sprintf("%s has the same subject as its CA", display(s)),
				fmt.Sprintf("Its subject DN (%s) equals its issuer DN. OpenSSL still finds the CA through the authorityKeyIdentifier, so nginx accepts it, but tools that match by name take it for self-signed, and logs cannot tell client and CA apart.", x.Subject),
				"Give client certificates their own subject (e.g. CN=<client name>) when you next reissue them."))
		}
		if isCA(s.role) && s.issues && s.info.CheckCA() != 1 && !(s.role == RoleCA && s.info.CheckCA() != 0) {
			r.add(hex.EncodeToString(s.c.SHA256[:]), r.notCAFinding(s))
		}
		if s.role == RoleServer {
			r.serverChecks(s)
		}
		if isCA(s.role) {
			r.caStrength(s)
		}
		r.formatChecks(s)
		if s.role == RoleCA {
			if !s.info.CheckPurpose(opensslverify.PurposeSSLClient, true) && s.info.CheckCA() != 0 {
				r.add(hex.EncodeToString(s.c.SHA256[:])+"26", r.certFinding(s, catalogue.WrongPurpose, report.Error,
					fmt.Sprintf("CA %s is not allowed to issue TLS client certificates", display(s)),
					"It has an extendedKeyUsage without clientAuth; OpenSSL applies a CA's extendedKeyUsage to every certificate below it, so nginx logs 26 \"unsuitable certificate purpose\" for its clients.",
					"Reissue the CA without extendedKeyUsage: basicConstraints=critical,CA:TRUE, keyUsage=critical,keyCertSign,cRLSign."))
			}
		}
	}
	for _, k := range sortedKeys(serials) {
		group := serials[k]
		if len(group) < 2 {
			continue
		}
		var names []string
		for _, s := range group {
			names = append(names, display(s))
		}
		for _, s := range group {
			f := r.certFinding(s, catalogue.DuplicateSerial, report.Error,
				fmt.Sprintf("%s shares serial %s with %s", display(s), serialHex(s.c.X509), strings.Join(others(names, display(s)), ", ")),
				"Two certificates from the same CA carry the same serial number. Revoking one revokes all of them (a CRL lists serials), and browsers refuse the second one they see (SEC_ERROR_REUSED_ISSUER_AND_SERIAL). Guides that use -set_serial 01 for every certificate cause this.",
				"Let OpenSSL pick unique serials: use -CAcreateserial instead of -set_serial, or -set_serial 0x$(openssl rand -hex 16), and reissue all but one of them.")
			r.add(hex.EncodeToString(s.c.SHA256[:]), f)
		}
	}
}

// caStrength reports a CA whose key or signature is below the security
// level even when no client certificate under it is in the set (a CA file
// on its own, as with ssl_client_certificate): nginx would reject every
// client below it with 67 or 68. A root's own self-signature is not
// checked by OpenSSL, so only its key counts.
func (r *run) caStrength(s *certState) {
	if r.o.SecLevel <= 0 {
		return
	}
	id := hex.EncodeToString(s.c.SHA256[:])
	x := s.c.X509
	min := opensslverify.MinBits(r.o.SecLevel)
	caCrt, caKey := "root.crt", "root.key"
	if is := r.issuerOf(s); is != nil {
		caCrt, caKey = first(is.c.Files), keyOr(is, stem(first(is.c.Files))+".key")
	}
	if !s.info.SelfSigned() && s.info.SigBits() < min {
		r.add(id, r.certFinding(s, catalogue.WeakSignature, report.Error,
			fmt.Sprintf("%s is signed with %s, too weak for security level %d", display(s), digestName(x), r.o.SecLevel),
			fmt.Sprintf("This CA certificate was signed using %s. OpenSSL 3 checks the signature of every certificate in a client's chain except the trust anchor's own, so nginx rejects every client issued below it with 68 \"CA signature digest algorithm too weak\".", digestName(x)),
			reissueCmd(s, caCrt, caKey)))
	}
	if s.info.KeyBits() < min {
		r.add(id, r.certFinding(s, catalogue.WeakKey, report.Error,
			fmt.Sprintf("%s's key (%s) is too weak for security level %d", display(s), keyDesc(x), r.o.SecLevel),
			fmt.Sprintf("OpenSSL's security level %d needs keys of at least %d security bits; this CA key gives %d. nginx rejects every client whose chain contains it with 67 \"CA certificate key too weak\".", r.o.SecLevel, min, s.info.KeyBits()),
			newKeyCmd(s, caCrt, caKey)))
	}
}

// formatChecks reports certificates stored only in a form nginx cannot
// read: nginx loads PEM only, and ssl_client_certificate (before 1.27.2)
// rejects OpenSSL's TRUSTED CERTIFICATE blocks.
func (r *run) formatChecks(s *certState) {
	id := hex.EncodeToString(s.c.SHA256[:])
	pem := false
	var other []certset.Source
	for _, src := range s.c.Sources {
		switch src.Encoding {
		case certset.EncodingPEM:
			pem = true
		case certset.EncodingPEMTrusted:
		default:
			other = append(other, src)
		}
	}
	if !pem && len(other) > 0 && other[0].Encoding != certset.EncodingPKCS12 {
		src := other[0]
		inform := "DER"
		cmd := fmt.Sprintf("openssl x509 -inform DER -in %s -out %s.pem", src.File, stem(src.File))
		if src.Encoding == certset.EncodingPKCS7 {
			inform = "PKCS#7"
			cmd = fmt.Sprintf("openssl pkcs7 -print_certs -in %s -out %s.pem", src.File, stem(src.File))
		}
		r.add(id, r.certFinding(s, catalogue.NeedsPEM, report.Info,
			fmt.Sprintf("%s is %s; nginx reads certificates in PEM only", src.File, inform),
			"ssl_certificate, ssl_client_certificate and ssl_trusted_certificate take PEM files. mtlsdoctor read this one, but nginx would not.",
			cmd))
	}
	if s.c.Aux && isCA(s.role) {
		r.add(id, r.certFinding(s, catalogue.TrustedFormat, report.Warning,
			fmt.Sprintf("%s is in OpenSSL's TRUSTED CERTIFICATE format", display(s)),
			"A \"BEGIN TRUSTED CERTIFICATE\" block carries OpenSSL trust settings. nginx up to 1.27.1 refuses it in ssl_client_certificate (SSL_load_client_CA_file ... no start line), and its trust settings can reject client authentication (nginx then logs 26).",
			fmt.Sprintf("Write it as a plain certificate: openssl x509 -in %s -out %s-plain.crt", display(s), stem(display(s)))))
	}
}

func others(all []string, me string) []string {
	var out []string
	for _, n := range all {
		if n != me {
			out = append(out, n)
		}
	}
	return out
}

func (r *run) validity(s *certState) {
	x := s.c.X509
	id := hex.EncodeToString(s.c.SHA256[:])
	at := r.o.At
	reissue := reissueCmd(s, "ca.crt", "ca.key")
	if is := r.issuerOf(s); is != nil {
		reissue = reissueCmd(s, first(is.c.Files), keyOr(is, stem(first(is.c.Files))+".key"))
	}
	switch {
	case x.NotBefore.After(at):
		r.add(id+"9", r.certFinding(s, catalogue.NotYetValid, report.Error,
			fmt.Sprintf("%s is not valid until %s", display(s), x.NotBefore.UTC().Format(time.RFC3339)),
			"Its notBefore lies in the future (as of "+at.UTC().Format(time.RFC3339)+"). Either the issuing machine's clock was ahead, or this host's clock is behind.",
			"Check the clocks (timedatectl), then reissue if needed:\n"+reissue))
	case !x.NotAfter.After(at):
		r.add(id+"10", r.certFinding(s, catalogue.Expired, report.Error,
			fmt.Sprintf("%s expired on %s", display(s), x.NotAfter.UTC().Format(time.RFC3339)),
			"Its notAfter has passed. nginx rejects a client whose certificate, or any CA certificate in its chain, has expired; a server certificate that expired makes clients refuse nginx.",
			reissue))
	case r.o.ExpiresWithin > 0 && x.NotAfter.Sub(at) < r.o.ExpiresWithin:
		days := int(x.NotAfter.Sub(at).Hours() / 24)
		r.add(id, r.certFinding(s, catalogue.ExpiresSoon, report.Warning,
			fmt.Sprintf("%s expires in %d days (%s)", display(s), days, x.NotAfter.UTC().Format("2006-01-02")),
			fmt.Sprintf("It expires within %s. Once it has, nginx logs 10 \"certificate has expired\" for it (or for every client below it, if it is a CA).", r.o.ExpiresWithin),
			"Reissue it before then:\n"+reissue))
	}
}

func keyOr(s *certState, def string) string {
	if s.keyFile != "" {
		return s.keyFile
	}
	return def
}

func (r *run) serverChecks(s *certState) {
	x := s.c.X509
	id := hex.EncodeToString(s.c.SHA256[:])
	caCrt, caKey := "ca.crt", "ca.key"
	if is := r.issuerOf(s); is != nil {
		caCrt, caKey = first(is.c.Files), keyOr(is, stem(first(is.c.Files))+".key")
	}
	if len(x.DNSNames) == 0 && len(x.IPAddresses) == 0 {
		host := cnOr(x, "localhost")
		r.add(id, r.certFinding(s, catalogue.MissingSAN, report.Warning,
			fmt.Sprintf("server certificate %s has no subjectAltName", display(s)),
			"Go (since 1.15) and browsers check the server name against the subjectAltName only and ignore the Common Name; OpenSSL-based clients such as curl still fall back to the CN for host names, but never for IP addresses. The guide's `openssl x509 -req` without -extfile adds no SAN (nor any other extension).",
			fmt.Sprintf("printf 'subjectAltName=DNS:%s\\nextendedKeyUsage=serverAuth\\nkeyUsage=critical,digitalSignature,keyEncipherment\\n' > server.ext\nopenssl x509 -req -sha256 -days 825 -in %s.csr -CA %s -CAkey %s -CAcreateserial -extfile server.ext -out %s", host, stem(display(s)), caCrt, caKey, display(s))))
	}
	if r.o.Host != "" && x.VerifyHostname(r.o.Host) != nil {
		r.add(id, r.certFinding(s, catalogue.HostnameMismatch, report.Error,
			fmt.Sprintf("server certificate %s is not valid for %s", display(s), r.o.Host),
			fmt.Sprintf("Its names are %s; clients connecting to %s will refuse it.", namesOf(x), r.o.Host),
			fmt.Sprintf("Reissue it with subjectAltName=DNS:%s (see missing-san for the command).", r.o.Host)))
	}
}

func namesOf(x *x509.Certificate) string {
	var n []string
	n = append(n, x.DNSNames...)
	n = append(n, x.EmailAddresses...)
	for _, ip := range x.IPAddresses {
		n = append(n, ip.String())
	}
	for _, u := range x.URIs {
		n = append(n, u.String())
	}
	if len(n) == 0 {
		return "no subjectAltName"
	}
	return strings.Join(n, ", ")
}

// problems turns files that could not be used into findings.
func (r *run) problems(ps []certset.Problem) {
	for _, p := range ps {
		title := fmt.Sprintf("%s could not be read: %s", p.Path, p.Err)
		fix := "Check that the file is a PEM or DER certificate, key or CRL, or a PKCS#12 file: openssl storeutl -noout -text " + p.Path
		sev := report.Warning
		switch p.Kind {
		case "too-large":
			title = fmt.Sprintf("%s is too large to be a certificate or key (%s)", p.Path, p.Err)
			fix = "Point mtlsdoctor at the certificate files only."
		case "missing":
			title = fmt.Sprintf("%s does not exist", p.Path)
			fix = "Check the path."
			sev = report.Error
		case "permission":
			fix = "Run mtlsdoctor as a user that can read it (nginx reads it as root), or fix its owner."
		case "empty":
			title = fmt.Sprintf("%s contains no files", p.Path)
			fix = "Check the path."
		case "loop":
			title = fmt.Sprintf("%s: symbolic link loop skipped", p.Path)
			sev = report.Info
			fix = "Nothing to do."
		}
		r.add(p.Path+p.Kind+p.Err, report.Finding{
			ID: catalogue.Unreadable, Severity: sev, Priority: catalogue.Unreadable.Spec().Priority,
			Title: title, File: p.Path,
			Explanation: "mtlsdoctor could not use this file, so nothing in it was checked: " + p.Err + ". If nginx loads this file, check it with openssl first.",
			Fix:         fix,
		})
	}
}

// certPaths are the certificate's file, that file without its extension,
// and its key file (guessed from the name when no key was found).
func certPaths(s *certState) (crt, base, key string) {
	crt = display(s)
	base = stem(crt)
	return crt, base, keyOr(s, base+".key")
}

// clientExt writes the extensions a client certificate needs.
const clientExt = "printf 'extendedKeyUsage=clientAuth\\nkeyUsage=critical,digitalSignature,keyEncipherment\\nauthorityKeyIdentifier=keyid,issuer\\n' > client.ext"

// signCmd signs BASE.csr with the CA; extArgs selects the extensions.
func signCmd(base, crt, caCrt, caKey, extArgs string) string {
	return fmt.Sprintf("openssl x509 -req -sha256 -days 825 -in %s.csr -CA %s -CAkey %s -CAcreateserial %s -out %s", base, caCrt, caKey, extArgs, crt)
}

// reissueCmd is the command that signs s again with SHA-256 from its CA,
// keeping its key and extensions.
func reissueCmd(s *certState, caCrt, caKey string) string {
	if s.role == RoleCA {
		return regenRootCmd(s, false)
	}
	crt, base, key := certPaths(s)
	return fmt.Sprintf("openssl x509 -x509toreq -in %s -key %s -copy_extensions copyall -out %s.csr\n", crt, key, base) +
		signCmd(base, crt, caCrt, caKey, "-copy_extensions copyall")
}

func reissueClient(s *certState, caCrt, caKey string) string {
	crt, base, key := certPaths(s)
	return clientExt + "\n" + fmt.Sprintf("openssl x509 -x509toreq -in %s -key %s -out %s.csr\n", crt, key, base) +
		signCmd(base, crt, caCrt, caKey, "-extfile client.ext")
}

func reissueNewSubject(s *certState, caCrt, caKey string) string {
	crt, base, key := certPaths(s)
	return fmt.Sprintf("openssl req -new -key %s -subj '/CN=%s' -out %s.csr\n", key, filepath.Base(base), base) +
		clientExt + "\n" + signCmd(base, crt, caCrt, caKey, "-extfile client.ext")
}

func newKeyCmd(s *certState, caCrt, caKey string) string {
	if s.role == RoleCA {
		return regenRootCmd(s, true)
	}
	crt, base, _ := certPaths(s)
	return fmt.Sprintf("openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out %s.key && chmod 600 %s.key\nopenssl req -new -key %s.key -subj '%s' -out %s.csr\n",
		base, base, base, opensslSubject(s.c.X509), base) + signCmd(base, crt, caCrt, caKey, "-copy_extensions copyall")
}

// regenRootCmd makes a new self-signed root in place of s (a root cannot be
// re-signed by anyone else); everything it issued must then be reissued.
func regenRootCmd(s *certState, newKey bool) string {
	crt := display(s)
	base := stem(crt)
	key := keyOr(s, base+".key")
	keyArgs := "-key " + key
	if newKey {
		keyArgs = "-newkey ec -pkeyopt ec_paramgen_curve:P-256 -noenc -keyout " + base + "-new.key"
	}
	return fmt.Sprintf("openssl req -x509 -new -sha256 -days 3650 %s -subj '%s' -addext 'basicConstraints=critical,CA:TRUE' -addext 'keyUsage=critical,keyCertSign,cRLSign' -out %s-new.crt\nthen reissue every certificate it signed with the new CA and put %s-new.crt into ssl_client_certificate.",
		keyArgs, opensslSubject(s.c.X509), base, base)
}

// opensslSubject writes a DN in the /A=b/C=d form openssl -subj takes.
func opensslSubject(x *x509.Certificate) string {
	var b strings.Builder
	for _, atv := range x.Subject.Names {
		name := map[string]string{"2.5.4.3": "CN", "2.5.4.10": "O", "2.5.4.11": "OU", "2.5.4.6": "C", "2.5.4.7": "L", "2.5.4.8": "ST"}[atv.Type.String()]
		if name == "" {
			continue
		}
		fmt.Fprintf(&b, "/%s=%v", name, atv.Value)
	}
	if b.Len() == 0 {
		return "/CN=client"
	}
	return b.String()
}
