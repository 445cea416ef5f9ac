package catalogue

import "github.com/mtlsdoctor/mtlsdoctor/finding"

// This file holds the findings of `certs`: a certificate, key or CRL file and the verdict nginx reaches with it.

// Ids of `certs`: the priority orders findings of one severity, what makes
// nginx reject clients first, hygiene last.
const (
	Untrusted         finding.ID = "certs/untrusted"
	SelfIssuedLeaf    finding.ID = "certs/self-issued-leaf"
	BadSignature      finding.ID = "certs/bad-signature"
	WeakSignature     finding.ID = "certs/weak-signature"
	WeakKey           finding.ID = "certs/weak-key"
	NotACA            finding.ID = "certs/not-a-ca"
	WrongPurpose      finding.ID = "certs/wrong-purpose"
	ChainTooDeep      finding.ID = "certs/chain-too-deep"
	Expired           finding.ID = "certs/expired"
	NotYetValid       finding.ID = "certs/not-yet-valid"
	NameConstraints   finding.ID = "certs/name-constraints"
	Revoked           finding.ID = "certs/revoked"
	CRLProblem        finding.ID = "certs/crl-problem"
	CriticalExtension finding.ID = "certs/critical-extension"
	KeyMismatch       finding.ID = "certs/key-mismatch"
	BadPassphrase     finding.ID = "certs/bad-passphrase"
	KeyLocked         finding.ID = "certs/key-locked"
	MissingSAN        finding.ID = "certs/missing-san"
	HostnameMismatch  finding.ID = "certs/hostname-mismatch"
	DuplicateSerial   finding.ID = "certs/duplicate-serial"
	ExpiresSoon       finding.ID = "certs/expires-soon"
	TrustedFormat     finding.ID = "certs/trusted-format"
	StrictChecks      finding.ID = "certs/strict-checks"
	Unreadable        finding.ID = "certs/unreadable"
	KeyPermissions    finding.ID = "certs/key-permissions"
	KeyUnencrypted    finding.ID = "certs/key-unencrypted"
	OrphanKey         finding.ID = "certs/orphan-key"
	NeedsPEM          finding.ID = "certs/needs-pem"
	VerdictUndecided  finding.ID = "certs/verdict-undecided"
)

var certsIDs = []finding.Spec{
	{ID: Untrusted, Severity: errs, Priority: 1},
	{ID: SelfIssuedLeaf, Severity: errs, Priority: 2, Others: []finding.Severity{warn}},
	{ID: BadSignature, Severity: errs, Priority: 3},
	{ID: WeakSignature, Severity: errs, Priority: 4},
	{ID: WeakKey, Severity: errs, Priority: 5},
	{ID: NotACA, Severity: errs, Priority: 6},
	{ID: WrongPurpose, Severity: errs, Priority: 7},
	{ID: ChainTooDeep, Severity: errs, Priority: 8},
	{ID: Expired, Severity: errs, Priority: 9},
	{ID: NotYetValid, Severity: errs, Priority: 10},
	{ID: NameConstraints, Severity: errs, Priority: 10},
	{ID: Revoked, Severity: errs, Priority: 11},
	{ID: CRLProblem, Severity: errs, Priority: 12},
	{ID: CriticalExtension, Severity: errs, Priority: 13},
	{ID: KeyMismatch, Severity: errs, Priority: 14},
	{ID: BadPassphrase, Severity: errs, Priority: 15},
	{ID: KeyLocked, Severity: warn, Priority: 16},
	{ID: MissingSAN, Severity: warn, Priority: 17},
	{ID: HostnameMismatch, Severity: errs, Priority: 18},
	{ID: DuplicateSerial, Severity: errs, Priority: 19},
	{ID: ExpiresSoon, Severity: warn, Priority: 20},
	{ID: TrustedFormat, Severity: warn, Priority: 21},
	{ID: StrictChecks, Severity: warn, Priority: 21},
	{ID: Unreadable, Severity: warn, Priority: 21, Others: []finding.Severity{errs}},
	{ID: KeyPermissions, Severity: warn, Priority: 22, Others: []finding.Severity{note}},
	{ID: KeyUnencrypted, Severity: warn, Priority: 23},
	{ID: OrphanKey, Severity: note, Priority: 24},
	{ID: NeedsPEM, Severity: note, Priority: 25},
	{ID: VerdictUndecided, Severity: warn, Priority: 26},
}

func init() { finding.Register(certsIDs...) }

// CertsAllClear is what `certs` says when it finds nothing.
const CertsAllClear = "nothing to fix: nginx will accept the client certificates marked SUCCESS. After deploying, run:\n  mtlsdoctor probe HOST:443 --cert client.crt --key client.key"

// The placeholders of the certs texts. A certificate is named by {cert}
// (its first file, else its subject) and {file} (its first file); the
// certificate nginx verifies, when the finding is about another one of its
// chain, by {leaf}. {subject}, {issuer} and {serial} are its fields;
// {level} and {min_bits} the OpenSSL security level and the security bits
// it needs. {meaning} and {causes} quote the verify-code table for the
// code at hand, {error} is that code as nginx logs it ("68:CA signature
// digest algorithm too weak"). Fixes take commands made from the *Cmd
// templates below: {reissue}, {reissue_client}, {reissue_new_subject},
// {new_key}.

// VerdictUndecidedText is said instead of a verdict when a signature in
// the chain is one mtlsdoctor cannot check. {reason} names it.
var VerdictUndecidedText = Text{ID: VerdictUndecided,
	Title: "the verdict nginx reaches for {cert} cannot be computed",
	Why:   "{reason}: mtlsdoctor checks every signature OpenSSL 3 checks, except those by keys on elliptic curves Go has no implementation of (secp256k1, secp192k1, secp224k1, brainpool, SM2). Whether nginx accepts the certificate hangs on that signature, so no verdict is shown rather than a guess.",
	Fix:   "Ask OpenSSL itself, with the CA file nginx uses:\n  openssl verify -purpose sslclient -CAfile {ca_file} -untrusted {file} {file}",
}

// Texts of the findings OpenSSL's chain verification gives: one error code
// about one certificate of the chain.
var (
	WeakKeyText = Text{ID: WeakKey,
		Title: "{cert}'s key ({key_type}) is too weak for security level {level}",
		Why:   "{meaning} OpenSSL's security level {level} needs keys of at least {min_bits} security bits (RSA 2048, ECDSA P-256 at level 2); this key gives {bits}. nginx on Debian/Ubuntu runs at level 2, so it refuses every client whose chain contains this key.",
		Fix:   "Make a new, stronger key (RSA 2048 or ECDSA P-256 and up) and a certificate for it:\n  {new_key}",
	}
	// WeakServerKeyText is WeakKeyText for a server's own certificate.
	WeakServerKeyText = Text{ID: WeakKey,
		Title: "{cert}'s key ({key_type}) is too weak for security level {level}",
		Why:   "The server certificate's key is smaller than the OpenSSL security level allows. OpenSSL's security level {level} needs keys of at least {min_bits} security bits (RSA 2048, ECDSA P-256 at level 2); this key gives {bits}. Clients at that level (curl, Python and others on Debian/Ubuntu's OpenSSL) refuse the server.",
		Fix:   "Make a new, stronger key (RSA 2048 or ECDSA P-256 and up) and a certificate for it:\n  {new_key}",
	}
	WeakSignatureText = Text{ID: WeakSignature,
		Title: "{cert} is signed with {digest}, too weak for security level {level}",
		Why:   "The CA signed this certificate using {digest}. OpenSSL 3 counts SHA-1 as 63 and MD5 as 39 security bits, below level {level}'s {min_bits}. {causes}",
		Fix:   "Sign it again with SHA-256 (the key stays):\n  {reissue}",
	}
	// ServerCertRefused is added to the why of a weak key or signature on
	// a server certificate: nginx does not start with it.
	ServerCertRefused = "As ssl_certificate, nginx refuses to start or reload with it: SSL_CTX_use_certificate(\"{cert}\") failed (SSL: ...:{reason})."

	SelfIssuedNoAKIDText = Text{ID: SelfIssuedLeaf,
		Title: "{cert} has the same subject as its CA and no authorityKeyIdentifier",
		Why:   "Its subject DN ({subject}) equals its issuer DN and nothing (no authorityKeyIdentifier) tells it apart, so OpenSSL takes it for a self-signed certificate, looks no further for the CA and nginx logs 18 \"self-signed certificate\". A shared Organisation alone does not cause this: only a subject DN identical to the CA's.",
		Fix:   "Reissue it with its own subject (here CN={cn}) and an authorityKeyIdentifier:\n  {reissue_new_subject}",
	}
	SelfSignedText = Text{ID: Untrusted,
		Title: "{cert} is self-signed and not in the trusted CA file",
		Why:   "nginx only accepts client certificates issued by a CA in ssl_client_certificate. A self-signed certificate is its own issuer, and it is not in the trust store.",
		Fix:   "Issue the client certificate from your CA instead:\n  {reissue}",
	}
	UntrustedRootText = Text{ID: Untrusted,
		Title: "{leaf} chains to {root}, which nginx does not trust",
		Why:   "The client sends a chain that ends in a self-signed root, but that root is not in ssl_client_certificate (the wrong CA file is configured, or the client belongs to another PKI).",
		Fix:   "Add the root to the CA file nginx uses:\n  cat {root} >> {ca_file}\nor issue the client from the trusted CA.",
	}
	MissingRootText = Text{ID: Untrusted,
		Title: "the CA file has {cert} but not the root above it",
		Why:   "The chain ends at a certificate from the trusted CA file that is not self-signed, and its issuer is missing. nginx never accepts a partial chain: the root must be in ssl_client_certificate too.",
		Fix:   "Append the root certificate to the CA file:\n  cat root.crt >> {ca_file}\nthen reload:\n  {reload}",
	}
	// UnknownIssuerText (20) and LeafOnlyText (21) start their why with
	// one of the two {cause} sentences below.
	UnknownIssuerText = Text{ID: Untrusted,
		Title: untrustedTitle,
		Why:   "{cause} nginx logs 20 \"unable to get local issuer certificate\" when the certificate the client sent last was issued by a CA that is not in ssl_client_certificate.",
		Fix:   untrustedFix,
	}
	LeafOnlyText = Text{ID: Untrusted,
		Title: untrustedTitle,
		Why:   "{cause} When the client sends only its own certificate and nginx cannot find the issuer, nginx logs 21 \"unable to verify the first certificate\" (openssl verify says 20 for the same files).",
		Fix:   untrustedFix,
	}
	NoIssuerCause          = "No CA in {trust} issued it: its issuer is {issuer}."
	RegeneratedIssuerCause = "A CA named {issuer} is in {trust}, but its key did not sign this certificate (its subjectKeyIdentifier differs from the certificate's authorityKeyIdentifier): the CA was most likely regenerated after {cert} was issued."
	// InvalidExtensionCause: {cert} or the CA {issuer} has an extension
	// ({extension}) OpenSSL cannot decode, so OpenSSL never pairs them.
	InvalidExtensionCause = "OpenSSL cannot decode the {extension} extension of {bad}, and a certificate with such an extension neither issues nor is issued in OpenSSL's eyes, so the CA named {issuer} is not even tried. Reissue {bad} with a well-formed {extension}."
	// InvalidExtensionFix replaces the fix then: the CA is not missing.
	InvalidExtensionFix = "Reissue {bad} with a well-formed {extension}. What OpenSSL makes of it (an extension it cannot decode is printed as raw bytes):\n  openssl x509 -in {bad_file} -noout -text"
	// UntrustedCAFileFix is the fix of UnknownIssuerText and LeafOnlyText
	// when the trust store is the --ca file {ca_file}.
	// {reissue} signs it again from {ca_file} with the key {ca_key}.
	UntrustedCAFileFix = "Reissue {cert} from the CA in {ca_file} (its key, where the guides keep it: {ca_key}):\n  {reissue}\nIf {issuer} is a CA you mean to trust instead, append its certificate to {ca_file} and reload nginx."

	PathLenText = Text{ID: ChainTooDeep,
		Title: "{cert} allows fewer CAs below it than {leaf}'s chain has",
		Why:   "{cert} has a basicConstraints pathlen that forbids the intermediate below it. {meaning}",
		Fix:   "Issue {leaf} directly from {cert}, or reissue {cert} without pathlen (basicConstraints=critical,CA:TRUE).",
	}
	ChainTooDeepText = Text{ID: ChainTooDeep,
		Title: "{leaf} needs more intermediates than ssl_verify_depth {depth} allows",
		Why:   "ssl_verify_depth counts the intermediate CAs between the client certificate and the root (OpenSSL 1.1.0 and later; neither end counts). The chain found has at least {chain_len} certificates. OpenSSL reports 22 \"certificate chain too long\" first, but nginx logs the error that follows it (here {final_error}: 20 when the client sent the intermediates, 2 when they are in the CA file), which hides the real cause.",
		Fix:   "In the nginx server block:\n  ssl_verify_depth {new_depth};\nthen reload:\n  nginx -s reload\nor issue clients from a CA closer to the root.",
	}
	BadSignatureText = Text{ID: BadSignature,
		Title: "{cert}'s signature does not verify with the CA certificate of that name",
		Why:   "A CA named {issuer} is present, but its key did not make this signature. Usually the CA was regenerated (new key, same name) after this certificate was issued, or the file was altered. Without key identifiers OpenSSL matches the CA by name only and reports 7. nginx may also log \"[alert] ignoring stale global SSL error\" for such connections.",
		Fix:   "Reissue the certificate with the current CA:\n  {reissue}\nor put the CA certificate whose key signed it back into the CA file.",
	}
	// NotYetValidText and ExpiredText are also the findings of a
	// certificate's own dates, whether or not a chain shows them.
	NotYetValidText = Text{ID: NotYetValid,
		Title: "{cert} is not valid until {not_before}",
		Why:   "Its notBefore lies in the future (as of {at}). Either the clock of the machine that issued it was ahead, or the nginx host's clock is behind.",
		Fix:   "Check the clocks:\n  timedatectl\nthen reissue if needed:\n  {reissue}",
	}
	ExpiredText = Text{ID: Expired,
		Title: "{cert} expired on {not_after}",
		Why:   "Its notAfter has passed. nginx rejects a client whose certificate, or any CA certificate in its chain, has expired.",
		Fix:   "Issue it again for a new period:\n  {reissue}",
	}
	RevokedText = Text{ID: Revoked,
		Title: "{cert} is revoked (serial {serial} is listed in the CRL)",
		Why:   "Its serial number appears in the CRL of its issuer. Any other certificate with the same serial from the same CA is rejected too.",
		Fix:   "Issue a new certificate with a fresh serial:\n  {reissue}",
	}
	NoCRLText = Text{ID: CRLProblem,
		Title: "no CRL for {cert}'s issuer",
		Why:   "With ssl_crl, nginx turns on CRL checking for every certificate in the chain, the root included, so every CA needs a current CRL in the file. Without one OpenSSL reports 3 \"unable to get certificate CRL\", which even hides a revocation.",
		Fix:   "Generate the missing CRL of {issuer} (the issuer of {cert}) and concatenate all CRLs into the ssl_crl file:\n  openssl ca -gencrl -keyfile ca.key -cert ca.crt -out ca.crl.pem\n  cat *.crl.pem > /etc/nginx/crl.pem",
	}
	CRLExpiredText = Text{ID: CRLProblem,
		Title: "the CRL for {cert} has expired",
		Why:   "The CRL's nextUpdate has passed. nginx then rejects every client of that CA with 12 \"CRL has expired\", and reads the CRL only at start-up or reload.",
		Fix:   "Regenerate the CRL before nextUpdate and reload:\n  openssl ca -gencrl -crldays 30 -keyfile ca.key -cert ca.crt -out crl.pem && nginx -s reload",
	}
	CRLNotYetValidText = Text{ID: CRLProblem,
		Title: "the CRL for {cert} is not valid yet",
		Why:   "{meaning}",
		Fix:   "Check the clock of the machine that made the CRL and regenerate it.",
	}
	CRLUnusableText = Text{ID: CRLProblem,
		Title: "the CRL for {cert} cannot be used ({error})",
		Why:   "{meaning}",
		Fix:   "Regenerate the CRL with the CA that issued the certificate (its keyUsage must include cRLSign).",
	}
	ClientPurposeText = Text{ID: WrongPurpose,
		Title: "{cert} is not allowed for TLS client authentication",
		Why:   "{meaning} nginx checks client certificates for the purpose \"SSL client\": an extendedKeyUsage without clientAuth (e.g. serverAuth only), or a keyUsage without digitalSignature, fails it. Its extended key usage: {eku}; key usage: {ku}.",
		Fix:   "Reissue with extendedKeyUsage=clientAuth and keyUsage=critical,digitalSignature,keyEncipherment:\n  {reissue_client}\nCheck (it must say SSL client : Yes):\n  openssl x509 -noout -purpose -in {file}",
	}
	ServerPurposeText = Text{ID: WrongPurpose,
		Title: "{cert} is not allowed for TLS server authentication",
		Why:   "TLS clients check a server certificate for the purpose \"SSL server\": an extendedKeyUsage without serverAuth, or a keyUsage without digitalSignature/keyEncipherment, fails it. Its extended key usage: {eku}; key usage: {ku}.",
		Fix:   "Reissue it with extendedKeyUsage=serverAuth and keyUsage=critical,digitalSignature,keyEncipherment.",
	}
	// CAPurposeText is also the finding of a root whose extendedKeyUsage
	// leaves out clientAuth when no client under it is in the set.
	CAPurposeText = Text{ID: WrongPurpose,
		Title: "CA {cert} is not allowed to issue TLS client certificates",
		Why:   "{meaning} This CA has an extendedKeyUsage, and clientAuth is not in it.",
		Fix:   "Reissue the CA without extendedKeyUsage (or with clientAuth in it), with these lines in its -extfile:\n  basicConstraints=critical,CA:TRUE\n  keyUsage=critical,keyCertSign,cRLSign\nCheck:\n  openssl x509 -noout -purpose -in {file}",
	}
	// NotACA*Text say how a certificate that signs others fails to be a
	// CA; they are also the findings of such a certificate on its own.
	NotACANoBasicConstraintsText = Text{ID: NotACA, Title: "{cert} signs certificates but has no basicConstraints extension", Why: notACAWhy, Fix: notACAFix}
	NotACANoCertSignText         = Text{ID: NotACA, Title: "{cert} signs certificates but has a keyUsage without keyCertSign", Why: notACAWhy, Fix: notACAFix}
	NotACACAFalseText            = Text{ID: NotACA, Title: "{cert} signs certificates but says CA:FALSE", Why: notACAWhy, Fix: notACAFix}

	NameConstraintsText = Text{ID: NameConstraints,
		Title: "{cert} has names its CA is not allowed to issue ({error})",
		Why:   "{meaning} A CA above it ({ca}) has a nameConstraints extension, and OpenSSL checks the certificate's subject, its emailAddress and every subjectAltName against it (and a host-name-like common name when there is no DNS name). This certificate's names: {subject}; {names}.",
		Fix:   "See the CA's permitted subtrees:\n  openssl x509 -noout -text -in {ca} | grep -A6 'Name Constraints'\nReissue it with names inside them, or issue it from a CA without that constraint:\n  {reissue}",
	}
	CriticalExtensionText = Text{ID: CriticalExtension,
		Title: "{cert} has a critical extension OpenSSL does not understand",
		Why:   "{meaning} A critical extension that the verifier does not know must make it reject the certificate; nginx has no switch to ignore it.",
		Fix:   "Reissue the certificate with that extension marked non-critical (or without it):\n  {reissue}",
	}
	// CASentAsClientText is a CA certificate where a client's certificate
	// goes (a PKCS#12 file, a file named for a client) that nginx rejects
	// as one; the id is wrong-purpose for 26, untrusted otherwise.
	CASentAsClientText = Text{ID: WrongPurpose,
		Title: "{cert} holds a CA certificate where a client's certificate goes; nginx rejects it ({error})",
		Why:   "{meaning} A client that sends a CA certificate as its own is judged like any client certificate: being a CA, or being in ssl_client_certificate, does not make it one.",
		Fix:   "Give the client a certificate of its own, signed by the CA, and send that one:\n  {new_client}",
	}
	// NewClientCmd makes a client certificate signed by {ca_crt} and a
	// PKCS#12 file of it.
	NewClientCmd = "openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout client.key -subj '/CN=client' -out client.csr\n" +
		clientExtCmd + "\nopenssl x509 -req -sha256 -days 825 -in client.csr -CA {ca_crt} -CAkey {ca_key} -CAcreateserial -extfile client.ext -out client.crt\n" +
		"openssl pkcs12 -export -in client.crt -inkey client.key -out client.p12"
	// RejectedText is any other verify error: the code's meaning.
	RejectedText = Text{ID: Untrusted,
		Title: "nginx would reject {leaf}: {error}",
		Why:   "{meaning}",
		Fix:   "Reissue it from the CA nginx trusts:\n  {reissue}",
	}
)

const (
	untrustedTitle = "{cert} is not issued by a trusted CA"
	untrustedFix   = "Add the CA that issued {cert} (subject {issuer}) to the CA file nginx uses (ssl_client_certificate), or reissue {cert} from your CA."
	notACAWhy      = "A certificate that issues others must be marked as a CA (basicConstraints CA:TRUE and, if keyUsage is present, keyCertSign). OpenSSL 3 reports 79 \"invalid CA certificate\" and then, because nginx lets verification go on, 26 \"unsuitable certificate purpose\" or 32 \"key usage does not include certificate signing\" for every client below it."
	// NotACARootFix is the fix of not-a-ca when the certificate is a
	// root: it is made anew with the same key and subject.
	NotACARootFix = "Make the root again with its own key and subject, marked as a CA, and put it in ssl_client_certificate in place of {file}; what it signed keeps its signature and chains to the new root:\n  {regen}"
	notACAFix     = "Reissue it as a CA, then reissue the certificates it signed:\n  printf 'basicConstraints=critical,CA:TRUE\\nkeyUsage=critical,keyCertSign,cRLSign\\nsubjectKeyIdentifier=hash\\nauthorityKeyIdentifier=keyid,issuer\\n' > ca.ext\n  openssl x509 -req -sha256 -days 1825 -in {base}.csr -CA ca.crt -CAkey ca.key -CAcreateserial -extfile ca.ext -out {file}"
)

// Texts of the findings about one certificate on its own.
var (
	SameSubjectText = Text{ID: SelfIssuedLeaf,
		Title: "{cert} has the same subject as its CA",
		Why:   "Its subject DN ({subject}) equals its issuer DN. OpenSSL still finds the CA through the authorityKeyIdentifier, so nginx accepts it, but tools that match by name take it for self-signed, and logs cannot tell client and CA apart.",
		Fix:   "Give client certificates their own subject (e.g. CN=<client name>) when you next reissue them.",
	}
	DuplicateSerialText = Text{ID: DuplicateSerial,
		Title: "{cert} shares serial {serial} with {others}",
		Why:   "Two certificates from the same CA carry the same serial number. Revoking one revokes all of them (a CRL lists serials), and browsers refuse the second one they see (SEC_ERROR_REUSED_ISSUER_AND_SERIAL). Guides that use -set_serial 01 for every certificate cause this.",
		Fix:   "Let OpenSSL pick unique serials: use -CAcreateserial instead of -set_serial, or a random serial:\n  -set_serial 0x$(openssl rand -hex 16)\nand reissue all but one of them.",
	}
	// NeedsPEMText's {format} is "DER" or "PKCS#7", its {convert} a
	// DERToPEMCmd or PKCS7ToPEMCmd.
	NeedsPEMText = Text{ID: NeedsPEM,
		Title: "{file} is {format}; nginx reads certificates in PEM only",
		Why:   "ssl_certificate, ssl_client_certificate and ssl_trusted_certificate take PEM files. mtlsdoctor read this one, but nginx would not.",
		Fix:   "Convert it to PEM:\n  {convert}",
	}
	TrustedFormatText = Text{ID: TrustedFormat,
		Title: "{cert} is in OpenSSL's TRUSTED CERTIFICATE format",
		Why:   "A \"BEGIN TRUSTED CERTIFICATE\" block carries OpenSSL trust settings. nginx up to 1.27.1 refuses it in ssl_client_certificate (SSL_load_client_CA_file ... no start line), and its trust settings can reject client authentication (nginx then logs 26).",
		Fix:   "Write it as a plain certificate:\n  openssl x509 -in {cert} -out {base}-plain.crt",
	}
	ExpiresSoonText = Text{ID: ExpiresSoon,
		Title: "{cert} expires in {days} days ({date})",
		Why:   "It expires within {within}. Once it has, nginx logs 10 \"certificate has expired\" for it (or for every client below it, if it is a CA).",
		Fix:   "Reissue it before then:\n  {reissue}",
	}
	MissingSANText = Text{ID: MissingSAN,
		Title: "server certificate {cert} has no subjectAltName",
		Why:   "Go (since 1.15) and browsers check the server name against the subjectAltName only and ignore the Common Name; OpenSSL-based clients such as curl still fall back to the CN for host names, but never for IP addresses. The guide's `openssl x509 -req` without -extfile adds no SAN (nor any other extension).",
		Fix:   "Reissue it with the name in subjectAltName:\n  printf 'subjectAltName=DNS:{host}\\nextendedKeyUsage=serverAuth\\nkeyUsage=critical,digitalSignature,keyEncipherment\\n' > server.ext\n  " + signCmd + " -extfile server.ext" + signOut,
	}
	// StrictRootText, StrictIntermediateText and StrictLeafText: {cert}
	// fails OpenSSL's strict checks {failures} ("92 (CA cert does not
	// include key usage extension)"); {regen} re-signs a root with its own
	// key and subject.
	StrictRootText = Text{ID: StrictChecks,
		Title: "{cert} fails OpenSSL's strict checks: Python 3.13 and later refuse every certificate it issued",
		Why:   strictWhy,
		Fix:   "Re-sign it with its own key and subject, adding what it lacks; the certificates it issued stay valid, as their issuer's name and key do not change:\n  {regen}\nthen put {base}-new.crt where {cert} is trusted now (ssl_client_certificate, the clients' CA files).",
	}
	StrictIntermediateText = Text{ID: StrictChecks,
		Title: "{cert} fails OpenSSL's strict checks: Python 3.13 and later refuse every certificate below it",
		Why:   strictWhy,
		Fix:   "Sign it again from its CA with a CA's extensions; its key and subject stay, so the certificates below it stay valid:\n  printf 'basicConstraints=critical,CA:TRUE\\nkeyUsage=critical,keyCertSign,cRLSign\\nsubjectKeyIdentifier=hash\\nauthorityKeyIdentifier=keyid\\n' > ca.ext\n  openssl x509 -x509toreq -in {crt} -signkey {key_file} -out {base}.csr\n  " + signCmd + " -extfile ca.ext" + signOut,
	}
	StrictLeafText = Text{ID: StrictChecks,
		Title: "{cert} fails OpenSSL's strict checks: Python 3.13 and later refuse it",
		Why:   strictWhy,
		Fix:   "Sign it again (OpenSSL 3 adds the key identifiers; the key stays):\n  {reissue}",
	}
	HostnameMismatchText = Text{ID: HostnameMismatch,
		Title: "server certificate {cert} is not valid for {host}",
		Why:   "Its names are {names}; clients connecting to {host} will refuse it.",
		Fix:   "Reissue it with subjectAltName=DNS:{host} (see missing-san for the command).",
	}
)

// Texts of the findings about a private key file, {key_file}.
var (
	KeyMismatchText = Text{ID: KeyMismatch,
		Title: "{key_file} does not belong to {crt}",
		Why:   "The private key and the certificate of the same name have different public keys. nginx refuses to start or reload with \"SSL_CTX_use_PrivateKey(...) failed (... key values mismatch)\" when they are configured together, and a client presenting them fails its handshake (nginx logs \"bad signature\").",
		Fix:   "Find the key that matches (the two hashes must be equal):\n  openssl x509 -noout -pubkey -in {crt} | openssl sha256\n  openssl pkey -pubout -in {key_file} | openssl sha256\nor reissue {crt} from a CSR made with {key_file}.",
	}
	OrphanKeyText = Text{ID: OrphanKey,
		Title: "{key_file} matches no certificate in the set",
		Why:   "No certificate here carries this key's public key. It may be left over from an earlier attempt, or its certificate is stored elsewhere.",
		Fix:   "If it is unused, remove it:\n  shred -u {key_file}\notherwise keep its certificate next to it.",
	}
	BadPassphraseText = Text{ID: BadPassphrase,
		Title: "none of the passphrases given decrypts {key_file}",
		Why:   "The key is encrypted and every passphrase tried failed. nginx tries each line of ssl_password_file the same way and, when none works, refuses to start: \"cannot load certificate key ... bad decrypt\" / \"maybe wrong password\".",
		Fix:   "Put the right passphrase into the file named by ssl_password_file (one per line), and check it with:\n  openssl pkey -in {key_file} -noout -passin file:{password_file}",
	}
	KeyLockedText = Text{ID: KeyLocked, Title: keyLockedTitle, Why: keyLockedWhy,
		Fix: "Give the passphrase to check it (or use --passin stdin):\n  mtlsdoctor certs --passin file:{password_file} {key_file}\nnginx needs ssl_password_file for it, or a decrypted copy:\n  openssl pkey -in {key_file} -out {key_file}.plain && chmod 600 {key_file}.plain",
	}
	KeyLockedP12Text = Text{ID: KeyLocked, Title: keyLockedTitle, Why: keyLockedWhy,
		Fix: "Give its password to check it:\n  mtlsdoctor certs --passin stdin {key_file}\nnginx cannot read PKCS#12; convert it:\n  openssl pkcs12 -in {key_file} -nodes -out bundle.pem",
	}
	// KeyLockedWorkText and KeyLockedWorkP12Text are a key mtlsdoctor did
	// not try to decrypt because of the work it asks: {reason} is
	// "iteration count N is above the limit of M" or the run's budget spent.
	KeyLockedWorkText = Text{ID: KeyLocked, Title: keyLockedWorkTitle, Why: keyLockedWorkWhy,
		Fix: "If the key is yours, encrypt it again with OpenSSL's default iteration count (2048):\n  openssl pkey -in {key_file} -aes256 -out {key_file}.new\nIf it is not, do not give it to nginx.",
	}
	KeyLockedWorkP12Text = Text{ID: KeyLocked, Title: keyLockedWorkTitle, Why: keyLockedWorkWhy,
		Fix: "If the file is yours, export it again with OpenSSL's default iteration count (2048):\n  openssl pkcs12 -in {key_file} -nodes -out bundle.pem\n  openssl pkcs12 -export -in bundle.pem -out {key_file}.new && shred -u bundle.pem\nIf it is not, do not use it.",
	}
	// KeyReadableText is a key anyone may read (a warning),
	// KeyGroupReadableText one its group may read (a note: Debian's
	// root:ssl-cert 0640 is a convention).
	KeyReadableText      = Text{ID: KeyPermissions, Title: "private key {key_file} is readable by anyone on the machine (mode {mode})", Why: keyModeWhy, Fix: "Make it readable by its owner only:\n  chmod 600 {key_file}"}
	KeyGroupReadableText = Text{ID: KeyPermissions, Title: "private key {key_file} is readable by members of its group (mode {mode})", Why: keyModeWhy, Fix: "Make it readable by its owner only:\n  chmod 600 {key_file}"}
	KeyUnencryptedText   = Text{ID: KeyUnencrypted,
		Title: "CA private key {key_file} is not encrypted",
		Why:   "Whoever copies this file can issue client certificates that nginx will accept. A CA key does not need to be on the nginx host at all; where it must be stored, encrypt it.",
		Fix:   "Encrypt it, and keep it off the web server:\n  openssl pkey -in {key_file} -aes256 -out {key_file}.enc && mv {key_file}.enc {key_file} && chmod 600 {key_file}",
	}
)

const (
	keyLockedTitle     = "{key_file} is encrypted and no passphrase was given"
	keyLockedWhy       = "mtlsdoctor could not check this key against its certificate. nginx needs ssl_password_file for an encrypted key, or it stops at start-up asking \"Enter PEM pass phrase:\"."
	keyLockedWorkTitle = "{key_file} is locked: {reason}"
	keyLockedWorkWhy   = "mtlsdoctor did not try to decrypt it. Every passphrase attempt derives a key with the file's iteration count, and mtlsdoctor bounds that work (10,000,000 iterations per derivation, 20,000,000 per run, the empty passphrase of a PKCS#12 file included) so that a hostile or mistaken file cannot keep a CPU busy for minutes."
	keyModeWhy         = "Whoever can read this file can impersonate its owner. nginx reads keys as root before dropping privileges, so the key needs no group or world access."
)

// Texts of a file `certs` could not use: {path}, and {err} what went
// wrong, one per kind of problem.
var (
	UnreadableText           = Text{ID: Unreadable, Title: "{path} could not be read: {err}", Why: unreadableWhy, Fix: "Check that the file is a PEM or DER certificate, key or CRL, or a PKCS#12 file:\n  openssl storeutl -noout -text {path}"}
	UnreadableTooLargeText   = Text{ID: Unreadable, Title: "{path} is too large to be a certificate or key ({err})", Why: unreadableWhy, Fix: "Point mtlsdoctor at the certificate files only."}
	UnreadableMissingText    = Text{ID: Unreadable, Title: "{path} does not exist", Why: unreadableWhy, Fix: "Check the path."}
	UnreadablePermissionText = Text{ID: Unreadable, Title: "{path} could not be read: {err}", Why: unreadableWhy, Fix: "Run mtlsdoctor as a user that can read it (nginx reads it as root), or fix its owner."}
	UnreadableEmptyText      = Text{ID: Unreadable, Title: "{path} contains no files", Why: unreadableWhy, Fix: "Check the path."}
	UnreadableMoreText       = Text{ID: Unreadable, Title: "and {count} more paths could not be used, from {path} on", Why: unreadableWhy, Fix: "Run mtlsdoctor certs on them alone to see each one, or point it at the certificate files only."}
	UnreadableLoopText       = Text{ID: Unreadable, Title: "{path}: symbolic link loop skipped", Why: unreadableWhy, Fix: "Nothing to do."}
)

const unreadableWhy = "mtlsdoctor could not use this file, so nothing in it was checked: {err}. If nginx loads this file, check it with openssl first."

// Commands the certs fixes are made of. {crt} is the certificate file,
// {base} that file without its extension, {key_file} its key; {ca_crt}
// and {ca_key} the CA that signs; {subj} a DN as openssl -subj takes it.
const (
	// ReissueCmd signs the certificate again with SHA-256, keeping its key
	// and extensions: {ext_file} writes them to a file ({ext_name}) that
	// {sign_ext} signs with (every OpenSSL and LibreSSL take -signkey and
	// -extfile; -copy_extensions, {toreq_ext} where the file cannot be
	// written with printf, is OpenSSL 3's only).
	ReissueCmd = "{ext_file}openssl x509 -x509toreq -in {crt} -signkey {key_file}{toreq_ext} -out {base}.csr\n" +
		signCmd + "{sign_ext}" + signOut
	// ReissueClientCmd signs it again with the extensions of a client
	// certificate: {client_ext_file} writes them, with the names and other
	// extensions it had, to {ext_name} (else the plain client ones to
	// client.ext, and {client_ext} names that file).
	ReissueClientCmd = "{client_ext_file}\nopenssl x509 -x509toreq -in {crt} -signkey {key_file} -out {base}.csr\n" +
		signCmd + " -extfile {client_ext}" + signOut
	// ClientExtCmd writes the plain extensions of a client certificate.
	ClientExtCmd = clientExtCmd
	// ReissueNewSubjectCmd gives it a subject of its own, CN={cn}.
	ReissueNewSubjectCmd = "openssl req -new -key {key_file} -subj '/CN={cn}' -out {base}.csr\n" +
		clientExtCmd + "\n" + signCmd + " -extfile client.ext" + signOut
	// ReissueServerNewSubjectCmd does the same for a server certificate,
	// with the server's extensions and its name ({host}) in subjectAltName.
	ReissueServerNewSubjectCmd = "openssl req -new -key {key_file} -subj '/CN={host}' -out {base}.csr\n" +
		"printf 'subjectAltName=DNS:{host}\\nextendedKeyUsage=serverAuth\\nkeyUsage=critical,digitalSignature,keyEncipherment\\nauthorityKeyIdentifier=keyid,issuer\\n' > server.ext\n" +
		signCmd + " -extfile server.ext" + signOut
	// NewKeyCmd makes a new P-256 key and a certificate for it.
	NewKeyCmd = "openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out {base}.key && chmod 600 {base}.key\n{ext_file}openssl req -new -key {base}.key -subj '{subj}' -out {base}.csr\n" +
		signCmd + "{sign_ext}" + signOut
	// RegenRootCmd makes a new self-signed root with the same key in place
	// of a root (no one else can re-sign it), RegenRootNewKeyCmd one with a
	// new key; everything the root issued must then be reissued, which
	// RegenRootThen says.
	RegenRootCmd       = regenRootConf + "openssl req -x509 -new -sha256 -days 3650 -key {key_file}" + regenRootRest
	RegenRootNewKeyCmd = regenRootConf + "openssl req -x509 -new -sha256 -days 3650 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout {base}-new.key" + regenRootRest
	// DERToPEMCmd and PKCS7ToPEMCmd convert {file} to PEM.
	DERToPEMCmd   = "openssl x509 -inform DER -in {file} -out {base}.pem"
	PKCS7ToPEMCmd = "openssl pkcs7 -print_certs -in {file} -out {base}.pem"

	signCmd       = "openssl x509 -req -sha256 -days 825 -in {base}.csr -CA {ca_crt} -CAkey {ca_key} -CAcreateserial"
	signOut       = " -out {crt}"
	clientExtCmd  = "printf 'extendedKeyUsage=clientAuth\\nkeyUsage=critical,digitalSignature,keyEncipherment\\nauthorityKeyIdentifier=keyid,issuer\\n' > client.ext"
	strictWhy     = "It fails {failures}. These are OpenSSL's strict checks (X509_V_FLAG_X509_STRICT): nginx, curl, Go and browsers do not make them and accept it, but Python 3.13 and later make them by default (ssl.create_default_context: requests, urllib, aiohttp and httpx clients, and Python servers that check client certificates), and refuse it with `certificate verify failed: {first}`. A CA made with the guides' `openssl req -x509` and no extension file has no keyUsage."
	regenRootConf = selfSignedConf + caConfLines + " > {base}-new.cnf\n"
	regenRootRest = " -subj '{subj}' -config {base}-new.cnf -out {base}-new.crt"
)

// RegenRootThen follows the commands of a fix that makes a root anew
// (RegenRootCmd, RegenRootNewKeyCmd): a line of prose after them, where
// the fix's {reissue} or {new_key} stands on an indented line.
const RegenRootThen = "then reissue every certificate it signed with the new CA and put {base}-new.crt into ssl_client_certificate."
