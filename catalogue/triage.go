package catalogue

import "strings"

// triageRule names a cause that a line's own words state plainly when no
// entry matches its wording: a line with one of any (and, when set, one of
// also) is told as reason, a wording that has an entry.
type triageRule struct {
	any, also []string
	reason    string
}

// triageRules are tried in order. Received alerts come before the trust
// words they share ("unknown CA"); the words are lower-case, and chosen so
// that they speak of certificates only ("expired" alone also ends
// passwords and sessions).
var triageRules = []triageRule{
	{any: []string{"alert[c] : unknown ca", "alert: unknown ca", "alert unknown_ca", "alert (unknown ca)"}, reason: "tlsv1 alert unknown ca"},
	{any: []string{"alert[c] : bad certificate", "alert: bad certificate", "alert (bad certificate)"}, reason: "sslv3 alert bad certificate"},
	{any: []string{"alert[c] : certificate unknown", "alert: certificate unknown", "alert (certificate unknown)"}, reason: "sslv3 alert certificate unknown"},
	{any: []string{"vertificate signed by unknown authority", "certificate signed by unknow", "signed by unknown authority",
		"untrusted ssl certificate", "untrusted server certificate", "untrusted certificate", "certificate is not trusted",
		"certificate not trusted", "not a trusted certificate", "certificate is untrusted", "root certificate cannot be found",
		"intermediate or root certificate", "certificate chain could not be", "could not build the certificate chain",
		"unable to build certificate chain", "certificate issuer is not trusted", "untrusted root", "untrusted issuer",
		"issuer is not trusted", "issuer certificate cannot be found", "certificate chain is not trusted", "chain validation failed",
		"could not establish trust"}, reason: "unable to get local issuer certificate"},
	// A pinned key or fingerprint: the words of apps and agents that pin.
	{any: []string{"cert pinning", "certificate pinning", "key pinning", "pinning failure", "pinning failed", "pinning error", "pin mismatch",
		"pin validation failed", "pinned certificate", "pinned key", "pinned public key"}, also: []string{"fail", "error", "mismatch", "not", "could"}, reason: "public key pinning failed"},
	{any: []string{"thumbprint does not match", "thumbprint doesn't match", "thumbprint mismatch", "certificate fingerprint"}, also: []string{"match", "mismatch", "differ", "changed"}, reason: "fingerprint does not match"},
	{any: []string{"certificate is expired", "certificate has expired", "certificate expired", "cert expired", "cert has expired",
		"certificate has been expired", "certificates have expired", "certificate was expired", "expired certificate", "expired cert"}, reason: "certificate has expired"},
	{any: []string{"certificate is not yet valid", "certificate not yet valid", "not valid yet"}, also: []string{"cert"}, reason: "certificate is not yet valid"},
	{any: []string{"x 509: certificate is valid for", "x  509: certificate is valid for", "x    509: certificate is valid for",
		"does not match the certificate's", "doesn't match the certificate's", "doesn't match requested host name", "does not match requested host name",
		"host name does not match", "hostname does not match", "hostname doesn't match", "name on the certificate does not match",
		"name in the certificate does not match", "certificate name mismatch", "certificate name does not match", "common name mismatch",
		"cn mismatch", "subject name mismatch", "does not match any san", "not in the certificate's subject alternative", "no matching subject alternative", "no matching domain name found in certificate"}, reason: "hostname mismatch"},
	// A client certificate the server wanted.
	{any: []string{"requires a client certificate", "client certificate required", "client certificate is required", "require a client certificate",
		"client certificate was not provided", "client certificate not provided", "no client certificate was", "missing client certificate"}, reason: "tlsv13 alert certificate required"},
	// No version or cipher in common, in a program's own words.
	{any: []string{"no common cipher", "no shared cipher", "cipher mismatch", "no matching cipher", "no cipher suites in common", "no mutual cipher"}, reason: "no shared cipher"},
	{any: []string{"protocol version not supported", "unsupported protocol version", "protocol version mismatch", "no common protocol", "tls version not supported",
		"no supported tls version", "no mutual protocol", "protocol not supported by"}, also: []string{"tls", "ssl", "protocol"}, reason: "unsupported protocol"},
	// A SHA-1 or MD5 signature refused, in a program's own words.
	{any: []string{"sha1 signature", "sha-1 signature", "md5 signature", "signed with sha1", "signed with sha-1", "signed with md5", "sha1withrsa", "md5withrsa",
		"sha1 certificate", "sha-1 certificate", "md5 certificate", "signature algorithm sha1", "signature algorithm sha-1", "signature algorithm md5"},
		also: []string{"not allowed", "disallowed", "weak", "insecure", "disabled", "rejected", "not supported", "no longer supported", "deprecated", "forbidden", "refused"}, reason: "ca md too weak"},
	{any: []string{"wrong password", "incorrect password", "bad password", "wrong passphrase", "incorrect passphrase", "password is incorrect",
		"passphrase is incorrect", "invalid password", "invalid passphrase"}, also: []string{"key", "pfx", "p12", "pkcs12", "keystore", "certificate"}, reason: "bad decrypt"},
	{any: []string{"private key does not match", "key does not match the certificate", "key doesn't match the certificate", "does not match the private key",
		"doesn't match the private key", "key and certificate do not match", "certificate and key do not match", "keys do not match", "public key does not match"}, reason: triageKeyMismatch},
	{any: []string{"failed to parse private key", "failed to parse key", "failed to load private key", "could not load private key", "unable to load private key",
		"cannot load private key", "can't load private key", "error loading private key", "invalid private key", "could not read private key", "unable to read private key",
		"failed to read private key", "error opening private key", "private key not available", "private key is invalid", "not a valid private key", "unsupported private key", "failed to decode private key",
		"could not parse private key", "unable to parse private key", "error parsing private key", "cannot parse private key", "can't parse private key",
		"failed to load key", "unable to load key", "could not load key", "cannot load key", "error loading key", "failed to read key", "invalid key file",
		"unsupported key type", "unknown key type", "key format not supported", "unsupported key format"}, reason: triageKeyUnreadable},
	// Any verb that says a program could not read something, with the
	// name of what it could not read: its private key.
	{any: []string{"failed to parse", "failed to load", "unable to load", "could not load", "cannot load", "can't load", "error loading",
		"unable to read", "could not read", "failed to read", "failed to decode", "unable to parse", "could not parse", "error parsing", "cannot parse", "can't parse"}, also: []string{"private key"}, reason: triageKeyUnreadable},
	{any: []string{"failed to load ca", "unable to load ca", "could not load ca", "cannot load ca", "error loading ca", "failed to read ca", "failed to parse ca",
		"unable to parse ca", "could not parse ca", "invalid ca file", "invalid ca cert", "failed to append ca", "no valid ca", "failed to add ca", "unable to add ca",
		"could not append ca", "failed to load root ca", "failed to load trusted", "unable to load trusted", "failed to load the ca",
		"bundleloadfailure", "failed to load ca bundle", "unable to load ca bundle", "could not load ca bundle", "ca bundle not found",
		"can't read ca file", "cannot read ca file", "could not read ca file", "unable to read ca file"}, reason: triageCAUnreadable},
	{any: []string{"failed to parse certificate", "failed to load certificate", "could not load certificate", "unable to load certificate", "cannot load certificate",
		"can't load certificate", "error loading certificate", "invalid certificate file", "could not read certificate", "unable to read certificate",
		"failed to read certificate", "failed to decode certificate", "could not parse certificate", "unable to parse certificate", "error parsing certificate",
		"cannot parse certificate", "can't parse certificate", "failed to load cert", "unable to load cert", "could not load cert", "error loading cert", "invalid cert file",
		"no certificates found", "no certificate found", "no pem data", "failed to parse pem", "no valid certificate", "not a valid certificate", "invalid certificate format",
		"failed to load x509", "unable to load x509", "failed to load tls certificate", "failed to load the certificate", "unable to load the certificate",
		"invalid certificate string", "from encoded certificate", "unable to import the certificate", "failed to import certificate",
		"could not import certificate", "error importing certificate", "failed to import the certificate",
		"does not appear to be a certificate", "does not appear to be a valid certificate", "is not a valid certificate file"}, reason: triageCertUnreadable},
}

// The words triage gives a line about a file its program could not read,
// for which OpenSSL has no single reason: entries of their own answer them.
const (
	triageKeyUnreadable  = "mtlsdoctor triage: private key unreadable"
	triageCAUnreadable   = "mtlsdoctor triage: ca file unreadable"
	triageCertUnreadable = "mtlsdoctor triage: certificate unreadable"
	triageKeyMismatch    = "mtlsdoctor triage: key does not match"
)

// triageEntries tell the causes of a file its program could not read, for
// a line whose own wording no entry has.
var triageEntries = []Entry{
	{
		ID: LogKeyMismatch, Kind: "client",
		Match:       []string{triageKeyMismatch},
		Title:       "The private key does not belong to the certificate",
		Explanation: "The program was given a certificate and a private key that are not a pair: the key of an older certificate (kept after a renewal that made a new key), the key of another site or of the CA, or files swapped or mixed up when copied.",
		Fix:         "Compare the public key of each; the two lines must be equal:\n  openssl x509 -noout -pubkey -in tls.crt | openssl sha256\n  openssl pkey -pubout -in tls.key | openssl sha256\nthen give the program the key that made the certificate's request, or a certificate issued for this key.",
		Confirm:     "openssl x509 -noout -pubkey -in tls.crt | openssl sha256",
	},
	{
		ID: KeyLoadFailed, Kind: "client",
		Match:       []string{triageKeyUnreadable},
		Title:       "The program could not read its private key",
		Explanation: "The program says only that it could not read or parse the key (a key passed in an environment variable or secret is often mangled on the way: line breaks left as literal \\n, or the value cut at its first line break). Four causes cover most cases: 1. the key is in a form this program does not read: a traditional key (BEGIN RSA PRIVATE KEY, PKCS#1; BEGIN EC PRIVATE KEY, SEC 1) where it wants PKCS#8 (BEGIN PRIVATE KEY), as Java, Netty and many libraries do, or PKCS#8 where it wants PKCS#1 (OpenSSL 3 writes PKCS#8 by default); 2. the key is encrypted (BEGIN ENCRYPTED PRIVATE KEY, or Proc-Type: 4,ENCRYPTED) and no passphrase, or a wrong one, was given, or this program reads no encrypted keys at all; 3. a key type or curve the program lacks (Ed25519, DSA, SM2, a brainpool or secp521r1 curve); 4. the path names another file (the certificate, an empty or cut file, DER where PEM is wanted, a path that does not exist), or one the program's user may not read: a daemon that starts as root and drops to its own user reads the key again as that user at a reload (a Let's Encrypt privkey.pem is root's, mode 600).",
		Fix:         "See the key's first line and type:\n  head -n 1 tls.key\n  openssl pkey -in tls.key -noout -text | head -1\nthen write it in the most widely read form, unencrypted PKCS#8 (kept private), and give that file to the program:\n  openssl pkcs8 -topk8 -nocrypt -in tls.key -out tls-pkcs8.key\nFor a program that wants PKCS#1 (OpenSSL 3 needs -traditional):\n  openssl rsa -in tls.key -traditional -out tls-pkcs1.key",
		Confirm:     "openssl pkey -noout -in tls.key",
	},
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{triageCAUnreadable},
		Title:       "The program could not read the CA certificates it was given",
		Explanation: "The program says only that it could not load or parse its CA file or bundle. The causes that cover most cases: the path is wrong or not mounted where the program runs (a container, a service with another working directory), or it is a default built into the program or the OpenSSL it carries (a build option such as --with-ca-bundle, a bundled library's fixed list of places) that this system does not have, as after a distribution moves its CA bundle; the file is not PEM (DER, a .p7b, a JKS keystore) or is damaged (a block cut short, line breaks lost or written as the two characters \\n in a variable); it holds something other than certificates (a key, a request) or nothing; or one certificate in it is one this program's parser refuses.",
		Fix:         "See what the file holds, certificate by certificate (the command stops at the first block that does not parse):\n  openssl crl2pkcs7 -nocrl -certfile ca.pem | openssl pkcs7 -print_certs -noout\nand convert a DER certificate to PEM:\n  openssl x509 -inform der -in ca.cer -out ca.pem",
		Confirm:     "openssl x509 -noout -subject -in ca.pem",
	},
	{
		ID: CertLoadFailed, Kind: "client",
		Match:       []string{triageCertUnreadable},
		Title:       "The program could not read a certificate it was given",
		Explanation: "The program says only that it could not load or parse the certificate. The causes that cover most cases: the file is not PEM (a binary DER .cer or .crt, a PKCS#12 .pfx or .p12, a JKS keystore); the PEM is damaged (a BEGIN or END line missing, line breaks lost or written as the two characters \\n in a variable or a JSON or YAML value); the path names another file (the key, an empty file, a path that does not exist where the program runs), or one the program's user may not read (certbot's live and archive directories are root's alone, mode 0700, on some systems: a daemon that drops root cannot follow the links); or the certificate has something this program's parser refuses where OpenSSL reads it (a negative serial number, a malformed extension or name encoding).",
		Fix:         "See what the file holds:\n  head -n 1 tls.crt\n  openssl x509 -noout -subject -dates -in tls.crt\nand convert a DER certificate to PEM:\n  openssl x509 -inform der -in tls.cer -out tls.crt",
		Confirm:     "openssl x509 -noout -subject -in tls.crt",
	},
}

// Triage is the wording of a cause that a line (lower-case) no entry
// matches states in words of its own, and the words that state it; ok is
// false when its words state none.
func Triage(lower string) (reason, words string, ok bool) {
	for _, r := range triageRules {
		for _, w := range r.any {
			if strings.Contains(lower, w) && (len(r.also) == 0 || containsAny(lower, r.also)) {
				return r.reason, w, true
			}
		}
	}
	return "", "", false
}

// TriagedNote follows the explanation of a line that no entry matched,
// told by the cause its own words state ({words}).
const TriagedNote = "No entry has this line's wording, and it names no error code: it is told by what its words say (\"{words}\"), in the terms of the same failure elsewhere."
