package checks

import (
	"crypto/x509"
	"fmt"
	"strings"

	"github.com/mtlsdoctor/mtlsdoctor/catalogue"
	"github.com/mtlsdoctor/mtlsdoctor/certset"
	"github.com/mtlsdoctor/mtlsdoctor/finding"
	"github.com/mtlsdoctor/mtlsdoctor/report"
)

// This file holds the rules about private key files, and about the files
// `certs` could not use.

// keyRule judges one private key file; owners are the certificates of the
// set that carry its public key. Every finding it returns is about the key
// file.
type keyRule func(r *run, k *certset.Key, owners []*certState) []report.Finding

// keyRules run in this order on each key.
var keyRules = []keyRule{
	badPassphrase,
	lockedKey,
	readableKey,
	unencryptedCAKey,
	unmatchedKey,
}

// checkKeys pairs private keys with certificates by public key (a
// certificate's key file is then named in its fixes) and runs keyRules on
// every key.
func (r *run) checkKeys(keys []*certset.Key) {
	if len(keys) == 0 {
		return
	}
	byPub := map[string][]*certState{}
	for _, s := range r.certs {
		if der, err := x509.MarshalPKIXPublicKey(s.c.X509.PublicKey); err == nil {
			byPub[string(der)] = append(byPub[string(der)], s)
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
		for _, rule := range keyRules {
			for _, f := range rule(r, k, owners) {
				r.add(fileSubject(k.File), f)
			}
		}
	}
}

// keyFinding fills text t for a finding about key file k.
func keyFinding(k *certset.Key, t catalogue.Text, v catalogue.Vars) report.Finding {
	if v == nil {
		v = catalogue.Vars{}
	}
	v["key_file"] = k.File
	f := t.New(v)
	f.File = k.File
	return f
}

// isPKCS12 reports whether the file is named as a PKCS#12 bundle.
func isPKCS12(file string) bool {
	lower := strings.ToLower(file)
	return strings.HasSuffix(lower, ".p12") || strings.HasSuffix(lower, ".pfx")
}

// badPassphrase: no passphrase given decrypts the key.
func badPassphrase(r *run, k *certset.Key, owners []*certState) []report.Finding {
	if !k.BadPassphrase {
		return nil
	}
	return one(keyFinding(k, catalogue.BadPassphraseText, catalogue.Vars{"password_file": r.passwordFileName()}))
}

// lockedKey: the key is encrypted and no passphrase was given.
func lockedKey(r *run, k *certset.Key, owners []*certState) []report.Finding {
	if !k.Locked || k.BadPassphrase {
		return nil
	}
	if k.LockReason != "" {
		t := catalogue.KeyLockedWorkText
		if k.Encoding == certset.EncodingPKCS12 {
			t = catalogue.KeyLockedWorkP12Text
		}
		return one(keyFinding(k, t, catalogue.Vars{"reason": k.LockReason}))
	}
	if isPKCS12(k.File) {
		return one(keyFinding(k, catalogue.KeyLockedP12Text, nil))
	}
	return one(keyFinding(k, catalogue.KeyLockedText, catalogue.Vars{"password_file": r.passwordFileName()}))
}

// readableKey: group or others may read the key.
func readableKey(r *run, k *certset.Key, owners []*certState) []report.Finding {
	if k.Mode&0o077 == 0 {
		return nil
	}
	v := catalogue.Vars{"mode": fmt.Sprintf("%04o", k.Mode.Perm())}
	if k.Mode&0o007 == 0 {
		// Group-only access (Debian's root:ssl-cert 0640 convention) is
		// a choice more often than a mistake.
		f := keyFinding(k, catalogue.KeyGroupReadableText, v)
		f.Severity = finding.Info
		return one(f)
	}
	return one(keyFinding(k, catalogue.KeyReadableText, v))
}

// unencryptedCAKey: a CA's key stored without encryption.
func unencryptedCAKey(r *run, k *certset.Key, owners []*certState) []report.Finding {
	if k.Encrypted {
		return nil
	}
	for _, s := range owners {
		if isCA(s.role) {
			return one(keyFinding(k, catalogue.KeyUnencryptedText, nil))
		}
	}
	return nil
}

// unmatchedKey: a key no certificate carries, reported as not belonging
// to the certificate of the same name when there is one.
func unmatchedKey(r *run, k *certset.Key, owners []*certState) []report.Finding {
	if k.Public == nil || len(owners) > 0 {
		return nil
	}
	if twins := r.byStem[stem(k.File)]; len(twins) > 0 && !isPKCS12(k.File) {
		c := twins[0]
		f := keyFinding(k, catalogue.KeyMismatchText, catalogue.Vars{"crt": first(c.c.Files)})
		f.Subject = c.c.X509.Subject.String()
		return one(f)
	}
	return one(keyFinding(k, catalogue.OrphanKeyText, nil))
}

// unreadableKinds are the text and severity of each kind of problem
// certset reports; any other kind is unreadableAny.
var unreadableKinds = map[string]unreadableKind{
	"too-large":  {catalogue.UnreadableTooLargeText, finding.Warning},
	"missing":    {catalogue.UnreadableMissingText, finding.Error},
	"permission": {catalogue.UnreadablePermissionText, finding.Warning},
	"empty":      {catalogue.UnreadableEmptyText, finding.Warning},
	"loop":       {catalogue.UnreadableLoopText, finding.Info},
}

var unreadableAny = unreadableKind{catalogue.UnreadableText, finding.Warning}

type unreadableKind struct {
	text catalogue.Text
	sev  finding.Severity
}

// maxProblemFindings is how many unusable paths get a finding each.
const maxProblemFindings = 20

// checkProblems turns files that could not be used into findings, one per
// file and problem.
func (r *run) checkProblems(ps []certset.Problem) {
	if len(ps) > maxProblemFindings {
		// A directory of thousands of stray files: one finding says how
		// many more there are, and at which severity.
		rest := ps[maxProblemFindings:]
		sev := finding.Info
		for _, p := range rest {
			k, ok := unreadableKinds[p.Kind]
			if !ok {
				k = unreadableAny
			}
			if k.sev.Rank() < sev.Rank() {
				sev = k.sev
			}
		}
		f := catalogue.UnreadableMoreText.New(catalogue.Vars{"count": fmt.Sprint(len(rest)), "path": rest[0].Path})
		f.Severity = sev
		r.add(subject{file: rest[0].Path, detail: "more"}, f)
		ps = ps[:maxProblemFindings]
	}
	for _, p := range ps {
		kind, ok := unreadableKinds[p.Kind]
		if !ok {
			kind = unreadableAny
		}
		f := kind.text.New(catalogue.Vars{"path": p.Path, "err": p.Err})
		f.Severity, f.File = kind.sev, p.Path
		r.add(subject{file: p.Path, detail: p.Kind + "\x00" + p.Err}, f)
	}
}
