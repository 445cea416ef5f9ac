package catalogue

import (
	"sort"
	"strings"
	"sync"
)

// Commands quoted by many entries. They are kept in one place so that every
// command in the catalogue tells the operator the same thing.
const (
	reissueClient = "openssl x509 -req -sha256 -days 825 -in client.csr -CA ca.crt -CAkey ca.key -CAcreateserial -extfile client.ext -out client.crt"
	verifyClient  = "openssl verify -auth_level 2 -purpose sslclient -CAfile ca.crt -untrusted int.crt client.crt"
	certsCmd      = "mtlsdoctor certs ./certs"
	caFileCat     = "cat int.crt root.crt > /etc/nginx/client-ca.pem"
	reload        = "nginx -t && nginx -s reload"
	// clientExtLines and caExtLines are the lines of an extension file
	// (-extfile), each on a line of its own as a fix shows configuration.
	clientExtLines = "  basicConstraints=CA:FALSE\n  keyUsage=critical,digitalSignature,keyEncipherment\n  extendedKeyUsage=clientAuth\n  authorityKeyIdentifier=keyid,issuer"
	caExtLines     = "  basicConstraints=critical,CA:TRUE\n  keyUsage=critical,keyCertSign,cRLSign"
	// strictCheck is why only some programs report the strict checks
	// (verify results 80 to 93).
	strictCheck = "A strict check only (OpenSSL's X509_V_FLAG_X509_STRICT, which ordinary verification leaves off): Python 3.13 and later turn it on by default (ssl.create_default_context, and so requests, urllib, aiohttp and httpx clients, and Python servers that check client certificates), as do `openssl verify -x509_strict` and programs that set the flag. Certificates from older guides and CA tools often lack what it asks for (a CA made with `openssl req -x509` and no extension file has no keyUsage), and other programs accept them. When the server's certificate is from a public CA, the failing one is an old cross-signed root the server still sends in its chain (GTS Root R4 signed by GlobalSign Root CA, for one): the server should leave it out; the client can only turn the check off. "
	notForNginx = "nginx's client-certificate check does not turn this check on, so nginx should not log it unless an openssl.cnf injects extra verify flags."
	genericFix  = "To see which certificate is at fault, run on the same files:\n  " + verifyClient + "\nthen reissue or replace that certificate."
)

// VerifyErrorID is the finding id for every VerifyCode (see the README.s
// logs catalogue): one group per code, with code and openssl_error set.
const VerifyErrorID = "verify-error"

// verifyCodes is indexed by code: verifyCodes[i].Code == i. Texts are the
// exact strings of X509_verify_cert_error_string in OpenSSL 3.0.19, read from
// libcrypto; Spellings hold the 1.1.1w, 3.0.0-3.0.7 and master variants.
var verifyCodes = []VerifyCode{
	{
		Code: 0, Macro: "X509_V_OK", Text: "ok",
		Meaning: "Verification succeeded; nginx sets $ssl_client_verify to SUCCESS.",
		Causes:  "Not an error. With ssl_verify_client optional or optional_no_ca, a request can also succeed with $ssl_client_verify set to NONE or FAILED:..., so the application must check the variable.",
		Fix:     "Nothing to fix.",
		Confirm: verifyClient,
	},
	{
		Code: 1, Macro: "X509_V_ERR_UNSPECIFIED", Text: "unspecified certificate verification error",
		Meaning: "OpenSSL failed verification without naming a more specific reason.",
		Causes:  "An internal failure inside OpenSSL rather than a property of one certificate; rare.",
		Fix:     genericFix,
		Confirm: verifyClient,
	},
	{
		Code: 2, Macro: "X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT", Text: "unable to get issuer certificate",
		Meaning: "The top certificate of the chain came from the CA file but is not self-signed, and the certificate that issued it is nowhere to be found (or, with OpenSSL 1.0.x, lies beyond the verify depth the server allows).",
		Causes: "The nginx CA file (ssl_client_certificate or ssl_trusted_certificate) holds the intermediate CA but not the root above it. " +
			"nginx never enables OpenSSL's partial-chain mode, so trusting only an intermediate is not enough: the chain must end in a self-signed root that is in the CA file. Go and Java servers take any certificate they trust as an anchor, so the same CA file works behind them and fails here. " +
			"With the root in the file, it is the depth: OpenSSL 1.0.x stops at the verify depth (nginx's ssl_verify_depth, 1 by default; some servers fix it at 1) and reports this code, where later versions report 20.",
		Fix:         "Add the root CA to the nginx CA file, keeping the intermediate if clients send only their leaf:\n  " + caFileCat + "\nthen reload:\n  " + reload + "\nIf the root is there already, raise the verify depth to the chain's (nginx):\n  ssl_verify_depth 2;",
		Confirm:     "openssl verify -auth_level 2 -purpose sslclient -CAfile /etc/nginx/client-ca.pem client.crt",
		SeenInNginx: true,
	},
	{
		Code: 3, Macro: "X509_V_ERR_UNABLE_TO_GET_CRL", Text: "unable to get certificate CRL",
		Meaning: "Revocation checking is on, and there is no CRL for one of the CAs in the chain.",
		Causes: "As soon as ssl_crl is set, nginx checks revocation for every certificate in the chain, not just the client certificate (OpenSSL's CRL_CHECK plus CRL_CHECK_ALL). " +
			"The ssl_crl file must therefore hold a CRL from every CA in the chain, including the root; guides usually put only the issuing CA's CRL there. " +
			"While this error is present it even hides revocation: a revoked client certificate is still reported as 3.",
		Fix:         "Put the CRLs of all CAs in the chain (root and every intermediate) into the ssl_crl file:\n  cat root.crl.pem int.crl.pem > /etc/nginx/crl.pem\nthen reload (nginx reads the file only at start-up and reload):\n  " + reload,
		Confirm:     "openssl verify -crl_check_all -CRLfile /etc/nginx/crl.pem -purpose sslclient -CAfile ca.crt -untrusted int.crt client.crt",
		SeenInNginx: true,
	},
	{
		Code: 4, Macro: "X509_V_ERR_UNABLE_TO_DECRYPT_CERT_SIGNATURE", Text: "unable to decrypt certificate's signature",
		Meaning: "The RSA signature on a certificate could not be decoded at all.",
		Causes:  "A damaged certificate or a CA key that does not match; OpenSSL 3.0 normally reports such a certificate as 7 instead.",
		Fix:     "Reissue the certificate from the right CA:\n  " + reissueClient,
		Confirm: verifyClient,
	},
	{
		Code: 5, Macro: "X509_V_ERR_UNABLE_TO_DECRYPT_CRL_SIGNATURE", Text: "unable to decrypt CRL's signature",
		Meaning: "The RSA signature on a CRL could not be decoded at all.",
		Causes:  "A damaged CRL, or a CRL signed by a different key than the CA certificate nginx has.",
		Fix:     "Regenerate the CRL with the key of the CA certificate in the nginx CA file:\n  openssl ca -gencrl -cert ca.crt -keyfile ca.key -out ca.crl.pem",
		Confirm: "openssl crl -noout -CAfile ca.crt -in /etc/nginx/crl.pem",
	},
	{
		Code: 6, Macro: "X509_V_ERR_UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY", Text: "unable to decode issuer public key",
		Meaning: "The public key in the issuing CA certificate could not be read.",
		Causes:  "A damaged CA certificate, or a key algorithm this OpenSSL build does not support.",
		Fix:     "Replace the CA certificate with an intact copy, or reissue the CA with an RSA or ECDSA P-256 key.",
		Confirm: "openssl x509 -noout -pubkey -in ca.crt",
	},
	{
		Code: 7, Macro: "X509_V_ERR_CERT_SIGNATURE_FAILURE", Text: "certificate signature failure",
		Meaning: "A certificate's signature does not verify with the public key of the CA certificate OpenSSL picked as its issuer.",
		Causes: "The certificate was altered, or the CA was regenerated under the same name with a new key: the CA file holds the new CA while the client still has a certificate signed by the old key " +
			"(without key identifiers the two CAs cannot be told apart; with them, the mismatch shows up as 20 or 21 instead). " +
			"nginx 1.22 also writes an [alert] `ignoring stale global SSL error` line for the same connection; that line is only a side effect.",
		Fix:         "Make the CA file hold the CA certificate whose key actually signed the client certificates, or reissue the client certificate from the current CA:\n  " + reissueClient,
		Confirm:     verifyClient,
		SeenInNginx: true,
	},
	{
		Code: 8, Macro: "X509_V_ERR_CRL_SIGNATURE_FAILURE", Text: "CRL signature failure",
		Meaning: "A CRL's signature does not verify with the public key of the CA that should have signed it.",
		Causes:  "The ssl_crl file holds a damaged CRL, or a CRL signed by another key (for example by a CA regenerated under the same name).",
		Fix:     "Regenerate the CRL with the CA key that matches the CA certificate nginx trusts:\n  openssl ca -gencrl -cert ca.crt -keyfile ca.key -out ca.crl.pem\nthen reload:\n  " + reload,
		Confirm: "openssl crl -noout -CAfile ca.crt -in /etc/nginx/crl.pem",
	},
	{
		Code: 9, Macro: "X509_V_ERR_CERT_NOT_YET_VALID", Text: "certificate is not yet valid",
		Spellings: []string{"certificate is not yet valid or the system clock is incorrect"},
		Meaning:   "A certificate's start date (notBefore) lies in the future.",
		Causes: "Usually clock skew: the nginx host's clock is behind (no NTP), or the certificate was made on a machine whose clock was ahead; sometimes the certificate was issued with a future start date. " +
			"OpenSSL's development branch rewords this as 'certificate is not yet valid or the system clock is incorrect'.",
		Fix:         "Check the clock on the nginx host and turn on NTP:\n  timedatectl\nIf the certificate's start date itself is wrong, reissue it:\n  " + reissueClient,
		Confirm:     "openssl x509 -noout -startdate -in client.crt; date -u",
		SeenInNginx: true,
	},
	{
		Code: 10, Macro: "X509_V_ERR_CERT_HAS_EXPIRED", Text: "certificate has expired",
		Meaning: "A certificate in the chain is past its end date (notAfter).",
		Causes: "Usually the client certificate, but an expired intermediate or root gives the same line, and nginx does not say which (openssl verify prints the depth: 0 is the client certificate). " +
			"Because nginx reports the last error, an expired certificate sent without its intermediate also shows as 10, hiding the missing chain until it is renewed. " +
			"A CA made with openssl req -x509 and no -days lasts 30 days: a chain that broke about a month after it was set up (depth 1 or more, where a line gives the depth) is that.",
		Fix:         "Reissue the expired certificate:\n  " + reissueClient + "\nIf it was renewed already, the client still sends the old one: put the new one where the client reads it and restart the client (many programs read their certificate only at start).\nIf a CA expired, renew it, reissue what it signed and update the nginx CA file.",
		Confirm:     "openssl x509 -noout -enddate -checkend 0 -in client.crt (repeat for int.crt and ca.crt)",
		SeenInNginx: true,
	},
	{
		Code: 11, Macro: "X509_V_ERR_CRL_NOT_YET_VALID", Text: "CRL is not yet valid",
		Meaning: "A CRL's lastUpdate date lies in the future.",
		Causes:  "Clock skew: the nginx host's clock is behind, or the CRL was generated on a machine whose clock was ahead.",
		Fix:     "Fix the clock (NTP), regenerate the CRL and reload:\n  " + reload,
		Confirm: "openssl crl -noout -lastupdate -in /etc/nginx/crl.pem; date -u",
	},
	{
		Code: 12, Macro: "X509_V_ERR_CRL_HAS_EXPIRED", Text: "CRL has expired",
		Meaning: "A CRL in the ssl_crl file is past its nextUpdate date.",
		Causes: "nginx cannot ignore an out-of-date CRL, so every client from that CA is rejected at once, typically on the day the CRL's nextUpdate passes. " +
			"nginx reads ssl_crl only at start-up and reload, so replacing the file without a reload changes nothing.",
		Fix:         "Generate a fresh CRL before nextUpdate, replace the file and reload (Easy-RSA, as OpenVPN uses: ./easyrsa gen-crl):\n  openssl ca -gencrl -crldays 30 -out /etc/nginx/crl.pem && nginx -s reload\nAutomate it with a timer.",
		Confirm:     "openssl crl -noout -nextupdate -in /etc/nginx/crl.pem (this reads the first CRL in the file; check each one)",
		SeenInNginx: true,
	},
	{
		Code: 13, Macro: "X509_V_ERR_ERROR_IN_CERT_NOT_BEFORE_FIELD", Text: "format error in certificate's notBefore field",
		Meaning:     "The start date in a certificate is not a valid ASN.1 time.",
		Causes:      "The certificate was made by non-standard CA software that writes malformed dates.",
		Fix:         "Reissue the certificate with a conforming CA:\n  " + reissueClient,
		Confirm:     "openssl asn1parse -in client.crt | head -20",
		SeenInNginx: true,
	},
	{
		Code: 14, Macro: "X509_V_ERR_ERROR_IN_CERT_NOT_AFTER_FIELD", Text: "format error in certificate's notAfter field",
		Meaning:     "The end date in a certificate is not a valid ASN.1 time.",
		Causes:      "The certificate was made by non-standard CA software that writes malformed dates.",
		Fix:         "Reissue the certificate with a conforming CA:\n  " + reissueClient,
		Confirm:     "openssl asn1parse -in client.crt | head -20",
		SeenInNginx: true,
	},
	{
		Code: 15, Macro: "X509_V_ERR_ERROR_IN_CRL_LAST_UPDATE_FIELD", Text: "format error in CRL's lastUpdate field",
		Meaning: "The lastUpdate date in a CRL is not a valid ASN.1 time.",
		Causes:  "The CRL was made by software that writes malformed dates.",
		Fix:     "Regenerate the CRL:\n  openssl ca -gencrl\nthen reload:\n  " + reload,
		Confirm: "openssl crl -noout -text -in /etc/nginx/crl.pem",
	},
	{
		Code: 16, Macro: "X509_V_ERR_ERROR_IN_CRL_NEXT_UPDATE_FIELD", Text: "format error in CRL's nextUpdate field",
		Meaning: "The nextUpdate date in a CRL is not a valid ASN.1 time.",
		Causes:  "The CRL was made by software that writes malformed dates.",
		Fix:     "Regenerate the CRL:\n  openssl ca -gencrl\nthen reload:\n  " + reload,
		Confirm: "openssl crl -noout -text -in /etc/nginx/crl.pem",
	},
	{
		Code: 17, Macro: "X509_V_ERR_OUT_OF_MEM", Text: "out of memory",
		Meaning: "OpenSSL ran out of memory while verifying.",
		Causes:  "Resource exhaustion on the nginx host, not a certificate problem.",
		Fix:     "Check the host's memory and nginx worker limits.",
		Confirm: "free -m",
	},
	{
		Code: 18, Macro: "X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT", Text: "self-signed certificate",
		Spellings:    []string{"self signed certificate"},
		OptionalNoCA: true,
		Meaning:      "The client certificate is self-signed, or looks self-issued, and is not itself in the nginx CA file.",
		Causes: "Either the client really sent a self-signed certificate (made with `openssl req -x509`) instead of one signed by your CA, " +
			"or, less obviously, the certificate was signed by the CA but has the same subject DN as the CA (for example both `CN=Test Root CA`, copied from a guide) and no authorityKeyIdentifier, so OpenSSL takes it for a self-issued certificate and never looks for the CA (Go and Java servers find the CA by its signature and accept it, so the same certificate may work against them and fail here). " +
			"OpenSSL 1.1.1 spells it 'self signed certificate'. ssl_verify_client optional_no_ca lets it through.",
		Fix:         "Have the CA sign a CSR for the client:\n  " + reissueClient + "\ngiving the client its own subject, e.g. on the CSR:\n  -subj '/CN=client1'\nand this line in client.ext:\n  authorityKeyIdentifier=keyid,issuer",
		Confirm:     "openssl x509 -noout -subject -issuer -text -in client.crt | grep -A1 -e '^subject=' -e '^issuer=' -e 'Authority Key Identifier' (subject must differ from issuer)",
		SeenInNginx: true,
	},
	{
		Code: 19, Macro: "X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN", Text: "self-signed certificate in certificate chain",
		Spellings:    []string{"self signed certificate in certificate chain"},
		OptionalNoCA: true,
		Meaning:      "The client sent a chain that ends in a self-signed root which is not in the nginx CA file.",
		Causes: "The client belongs to another PKI, nginx points at the wrong CA file, or the CA was regenerated: a new root with the same name looks identical but is not the trusted one. " +
			"OpenSSL 1.1.1 spells it 'self signed certificate in certificate chain'. ssl_verify_client optional_no_ca lets it through.",
		Fix:         "Put the client's root into ssl_client_certificate if you mean to trust it, or reissue the client from the CA nginx trusts. Compare on both sides:\n  openssl x509 -noout -fingerprint -sha256 -in root.crt",
		Confirm:     "openssl verify -auth_level 2 -purpose sslclient -CAfile /etc/nginx/client-ca.pem -untrusted chain.pem client.crt",
		SeenInNginx: true,
	},
	{
		Code: 20, Macro: "X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY", Text: "unable to get local issuer certificate",
		OptionalNoCA: true,
		Meaning:      "The issuer of the top certificate the client sent is not in the nginx CA file.",
		Causes: "The client's CA, or the intermediate or root above what the client sent, is missing from ssl_client_certificate / ssl_trusted_certificate, or the client comes from another CA. " +
			"It is also what nginx logs when ssl_verify_depth is too small: OpenSSL first reports 22 (chain too long), keeps going, and nginx keeps only the last error. " +
			"For a client that sends only its leaf, openssl verify prints 20 where nginx logs 21. ssl_verify_client optional_no_ca lets it through.",
		Fix:         "Add the issuing CA and its root to the nginx CA file:\n  " + caFileCat + "\nIf the chain has more intermediates than ssl_verify_depth allows (default 1, counting intermediates only), raise it, e.g.:\n  ssl_verify_depth 2;\nThen reload:\n  " + reload,
		Confirm:     verifyClient,
		SeenInNginx: true,
	},
	{
		Code: 21, Macro: "X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE", Text: "unable to verify the first certificate",
		OptionalNoCA: true,
		Meaning:      "OpenSSL found no issuer at all for the client certificate, so it could not check even its signature.",
		Causes: "nginx's usual report for a client that sends only its leaf when the leaf's issuer (typically an intermediate) is neither sent by the client nor in the nginx CA file; also for a leaf from a CA nginx does not know. " +
			"openssl verify prints 20 for the same files, because it stops at the first error while nginx lets verification run on and logs the last one (20, then 21). " +
			"A certificate whose authorityKeyIdentifier does not match the CA's key (a CA re-keyed under the same name) ends the same way. ssl_verify_client optional_no_ca lets it through.",
		Fix:         "Either have the client send the full chain:\n  cat client.crt int.crt > client-chain.crt\nand use that as the client certificate, or put the intermediate together with the root into the nginx CA file:\n  " + caFileCat + "\nthen reload:\n  " + reload,
		Confirm:     "openssl verify -auth_level 2 -purpose sslclient -CAfile /etc/nginx/client-ca.pem client.crt (no -untrusted: shows whether the CA file alone is enough)",
		SeenInNginx: true,
	},
	{
		Code: 22, Macro: "X509_V_ERR_CERT_CHAIN_TOO_LONG", Text: "certificate chain too long",
		Meaning: "The chain has more intermediate CAs than the verify depth allows.",
		Causes: "ssl_verify_depth counts only intermediate CAs (neither the client certificate nor the root) since OpenSSL 1.1.0, and defaults to 1: one intermediate works out of the box, two need `ssl_verify_depth 2;`. " +
			"nginx never logs 22 itself: OpenSSL carries on after it and nginx logs the last error, which is 20. " +
			"Advice to add one for the root dates from OpenSSL 1.0.x; a larger value is harmless.",
		Fix:     "Set ssl_verify_depth to at least the number of intermediate CAs, e.g.:\n  ssl_verify_depth 2;\nthen reload:\n  " + reload,
		Confirm: "openssl verify -verify_depth 1 -purpose sslclient -CAfile root.crt -untrusted intermediates.pem client.crt",
	},
	{
		Code: 23, Macro: "X509_V_ERR_CERT_REVOKED", Text: "certificate revoked",
		Meaning: "The certificate's serial number is listed as revoked in a CRL in the ssl_crl file.",
		Causes: "It was revoked on purpose, or the CA issued two certificates with the same serial number and revoking one revoked both (a fixed `-set_serial 01` copied from a guide does this). " +
			"With ssl_ocsp, nginx logs `verify error: certificate revoked` without a number when the OCSP responder says revoked; $ssl_client_verify reads FAILED:certificate revoked in both cases.",
		Fix:         "Issue a new certificate with a unique serial (-CAcreateserial keeps a serial file):\n  " + reissueClient + "\nor set the serial with:\n  -set_serial 0x$(openssl rand -hex 16)",
		Confirm:     "openssl x509 -noout -serial -in client.crt\nopenssl crl -noout -text -in /etc/nginx/crl.pem",
		SeenInNginx: true,
	},
	{
		Code: 24, Macro: "X509_V_ERR_NO_ISSUER_PUBLIC_KEY", Text: "issuer certificate doesn't have a public key",
		Meaning: "OpenSSL 3: the issuing CA certificate has no usable public key. In OpenSSL 1.1.1 the number 24 meant 'invalid CA certificate', which is 79 in 3.0.",
		Causes: "The number changed meaning between versions, so read the text after it. " +
			"'issuer certificate doesn't have a public key' (OpenSSL 3): a damaged CA certificate or one with a key algorithm the build cannot load. " +
			"'invalid CA certificate' (OpenSSL 1.1.1): an intermediate that is not a valid CA (no basicConstraints CA:TRUE, or keyUsage without keyCertSign); see 79.",
		Fix:     "OpenSSL 3 meaning: replace the CA certificate with an intact one.\n1.1.1 meaning: reissue the intermediate with:\n" + caExtLines,
		Confirm: "openssl x509 -noout -text -in int.crt",
	},
	{
		Code: 25, Macro: "X509_V_ERR_PATH_LENGTH_EXCEEDED", Text: "path length constraint exceeded",
		Meaning:     "A CA whose basicConstraints limit the path length signed more CA levels than allowed.",
		Causes:      "A CA with `pathlen:0` (often the root, from a guide's v3_ca section) signed an intermediate, which then signed the client certificate; pathlen:0 means 'may sign only end-entity certificates'.",
		Fix:         "Reissue the intermediate from a root without the limit (or with a larger pathlen), or issue client certificates directly from the pathlen:0 CA.",
		Confirm:     "openssl x509 -noout -text -in root.crt | grep -A1 'Basic Constraints'",
		SeenInNginx: true,
	},
	{
		Code: 26, Macro: "X509_V_ERR_INVALID_PURPOSE", Text: "unsuitable certificate purpose",
		Spellings: []string{"unsupported certificate purpose"},
		Meaning:   "A certificate in the chain may not be used for TLS client authentication: the client certificate itself, or a CA above it whose extendedKeyUsage leaves clientAuth out (OpenSSL applies a CA's extendedKeyUsage to everything it signs).",
		Causes: "nginx checks client certificates for the purpose 'SSL client'. Usual causes: the client certificate has extendedKeyUsage without clientAuth (e.g. serverAuth only, made from a server template), or keyUsage without digitalSignature; or an intermediate CA carries an extendedKeyUsage with serverAuth only (`error 26 at 1 depth` in openssl verify), which refuses every client certificate under it. " +
			"A public CA's certificate used as a client certificate is refused so too: Let's Encrypt's certificates carry serverAuth only since 11 February 2026 (other public CAs drop clientAuth under the browsers' rules), so a server that authenticates to another with its web certificate (XMPP or mail federation, a service presenting its own certificate) fails after its next renewal. " +
			"It is also what nginx logs, as the last error, for an intermediate that is not a valid CA (OpenSSL reports 79 first) and for a CA stored as `BEGIN TRUSTED CERTIFICATE` with trust settings that reject client auth (28 first). " +
			"OpenSSL 1.1.1 and 3.0.0-3.0.7 spell it 'unsupported certificate purpose'.",
		Fix:         "Reissue the client certificate with clientAuth:\n  " + reissueClient + "\nwith client.ext:\n" + clientExtLines + "\nCA certificates need (and no extendedKeyUsage, or one with clientAuth):\n" + caExtLines + "\nSee which certificate is refused (error 26 at depth 1 or more is a CA):\n  openssl verify -purpose sslclient -CAfile ca.crt -untrusted int.crt client.crt\nA public CA no longer issues clientAuth: give the client a certificate from a private CA (or the protocol's other way to authenticate, such as XMPP's dialback).",
		Confirm:     "openssl x509 -noout -purpose -in client.crt (must show `SSL client : Yes`)",
		SeenInNginx: true,
	},
	{
		Code: 27, Macro: "X509_V_ERR_CERT_UNTRUSTED", Text: "certificate not trusted",
		OptionalNoCA: true,
		Meaning:      "The trust anchor is not trusted for this purpose.",
		Causes:       "OpenSSL 1.1.1 and 3.0 report a wrongly marked trust anchor as 28 instead; older OpenSSL used 27. ssl_verify_client optional_no_ca lets it through.",
		Fix:          "Use a CA file with plain BEGIN CERTIFICATE blocks:\n  openssl x509 -in ca.pem -out ca-plain.pem",
		Confirm:      "grep -c 'BEGIN TRUSTED CERTIFICATE' /etc/nginx/client-ca.pem",
	},
	{
		Code: 28, Macro: "X509_V_ERR_CERT_REJECTED", Text: "certificate rejected",
		Meaning: "The trust anchor is explicitly marked as not trusted for client authentication.",
		Causes: "The CA file holds a `BEGIN TRUSTED CERTIFICATE` whose trust settings reject clientAuth or list only other uses (only ssl_trusted_certificate accepts that format). " +
			"nginx logs 26 as the last error; 28 shows in openssl verify and the debug log.",
		Fix:     "Re-export the CA as a plain certificate:\n  openssl x509 -in ca.pem -out ca-plain.pem\nand point nginx at the new file.",
		Confirm: "grep -c 'BEGIN TRUSTED CERTIFICATE' /etc/nginx/client-ca.pem",
	},
	{
		Code: 29, Macro: "X509_V_ERR_SUBJECT_ISSUER_MISMATCH", Text: "subject issuer mismatch",
		Meaning: "A candidate issuer's subject does not match the certificate's issuer name.",
		Causes:  "Used internally while OpenSSL searches for an issuer; as a final result the search failure shows as 20 (openssl verify) or 21 (nginx).",
		Fix:     "Make sure the CA file holds the CA that really issued the client certificate; reissue if names were changed.",
		Confirm: verifyClient,
	},
	{
		Code: 30, Macro: "X509_V_ERR_AKID_SKID_MISMATCH", Text: "authority and subject key identifier mismatch",
		Meaning: "The certificate's authorityKeyIdentifier does not match the candidate CA's subjectKeyIdentifier.",
		Causes:  "Usually a CA re-keyed under the same name; used internally while searching for an issuer, so nginx ends up logging 21 (openssl verify: 20).",
		Fix:     "Reissue the client certificate from the current CA:\n  " + reissueClient,
		Confirm: "openssl x509 -noout -text -in client.crt | grep -A1 'Authority Key Identifier'; openssl x509 -noout -text -in ca.crt | grep -A1 'Subject Key Identifier'",
	},
	{
		Code: 31, Macro: "X509_V_ERR_AKID_ISSUER_SERIAL_MISMATCH", Text: "authority and issuer serial number mismatch",
		Meaning: "The issuer serial number in the certificate's authorityKeyIdentifier does not match the candidate CA.",
		Causes:  "A CA reissued with a new serial; used internally while searching for an issuer, so nginx ends up logging 21 (openssl verify: 20).",
		Fix:     "Reissue the client certificate from the current CA:\n  " + reissueClient,
		Confirm: "openssl x509 -noout -text -in client.crt | grep -A1 'Authority Key Identifier'; openssl x509 -noout -serial -in ca.crt",
	},
	{
		Code: 32, Macro: "X509_V_ERR_KEYUSAGE_NO_CERTSIGN", Text: "key usage does not include certificate signing",
		Meaning:     "A CA certificate in the chain has a keyUsage extension without keyCertSign, so it may not sign certificates.",
		Causes:      "The intermediate (or root) was made with a leaf-style keyUsage such as digitalSignature,keyEncipherment. OpenSSL reports 79 and 26 first; nginx logs the last one, 32.",
		Fix:         "Reissue the CA certificate with:\n" + caExtLines + "\nIf you keep its key and name, the client certificates it signed stay valid.",
		Confirm:     "openssl x509 -noout -text -in int.crt | grep -A1 -e 'X509v3 Key Usage' -e 'Basic Constraints'",
		SeenInNginx: true,
	},
	{
		Code: 33, Macro: "X509_V_ERR_UNABLE_TO_GET_CRL_ISSUER", Text: "unable to get CRL issuer certificate",
		Meaning: "The certificate that signed a CRL could not be found.",
		Causes:  "An indirect CRL, or a CRL from a CA that is not in the nginx CA file.",
		Fix:     "Put the CA that signs the CRL into the nginx CA file, or use CRLs signed by the issuing CAs themselves.",
		Confirm: "openssl crl -noout -issuer -in /etc/nginx/crl.pem",
	},
	{
		Code: 34, Macro: "X509_V_ERR_UNHANDLED_CRITICAL_EXTENSION", Text: "unhandled critical extension",
		Meaning:     "A certificate has an extension marked critical that OpenSSL does not understand.",
		Causes:      "Enterprise CA templates sometimes add vendor-specific extensions and mark them critical; OpenSSL must then reject the certificate, and nginx has no switch to ignore it.",
		Fix:         "Reissue the certificate with that extension non-critical (or without it).",
		Confirm:     "openssl x509 -noout -text -in client.crt | grep -i -A1 critical",
		SeenInNginx: true,
	},
	{
		Code: 35, Macro: "X509_V_ERR_KEYUSAGE_NO_CRL_SIGN", Text: "key usage does not include CRL signing",
		Meaning: "The CA that signed a CRL has a keyUsage extension without cRLSign.",
		Causes:  "The CA certificate was made with keyUsage=keyCertSign only, but it also signs the CRL used in ssl_crl.",
		Fix:     "Reissue the CA (same key and name keep existing certificates valid) with:\n" + caExtLines + "\nor sign the CRL with a CA that has cRLSign.",
		Confirm: "openssl x509 -noout -text -in ca.crt | grep -A1 'X509v3 Key Usage'",
	},
	{
		Code: 36, Macro: "X509_V_ERR_UNHANDLED_CRITICAL_CRL_EXTENSION", Text: "unhandled critical CRL extension",
		Meaning: "A CRL has an extension marked critical that OpenSSL does not understand.",
		Causes:  "The CRL comes from CA software that marks its own extensions critical.",
		Fix:     "Regenerate the CRL without that critical extension.",
		Confirm: "openssl crl -noout -text -in /etc/nginx/crl.pem",
	},
	{
		Code: 37, Macro: "X509_V_ERR_INVALID_NON_CA", Text: "invalid non-CA certificate (has CA markings)",
		Meaning: "A certificate that is not acting as a CA carries CA markings; used in proxy-certificate checks.",
		Causes:  "Not expected for ordinary client certificates.",
		Fix:     genericFix,
		Confirm: verifyClient,
	},
	{
		Code: 38, Macro: "X509_V_ERR_PROXY_PATH_LENGTH_EXCEEDED", Text: "proxy path length constraint exceeded",
		Meaning: "A proxy certificate chain is longer than its constraint allows.",
		Causes:  "Proxy certificates (RFC 3820, grid computing) only; nginx does not enable them.",
		Fix:     genericFix,
		Confirm: verifyClient,
	},
	{
		Code: 39, Macro: "X509_V_ERR_KEYUSAGE_NO_DIGITAL_SIGNATURE", Text: "key usage does not include digital signature",
		Meaning: "A certificate's keyUsage lacks digitalSignature where a signature is required.",
		Causes:  "A client certificate without digitalSignature is reported by nginx as 26, not 39.",
		Fix:     "Reissue with `keyUsage=critical,digitalSignature,keyEncipherment`:\n  " + reissueClient,
		Confirm: "openssl x509 -noout -text -in client.crt | grep -A1 'X509v3 Key Usage'",
	},
	{
		Code: 40, Macro: "X509_V_ERR_PROXY_CERTIFICATES_NOT_ALLOWED", Text: "proxy certificates not allowed, please set the appropriate flag",
		Meaning: "The client sent an RFC 3820 proxy certificate, which OpenSSL accepts only when asked to.",
		Causes:  "Grid-computing style proxy certificates; nginx has no option to allow them.",
		Fix:     "Use an ordinary client certificate issued by your CA.",
		Confirm: "openssl x509 -noout -text -in client.crt",
	},
	{
		Code: 41, Macro: "X509_V_ERR_INVALID_EXTENSION", Text: "invalid or inconsistent certificate extension",
		Meaning: "A certificate has a malformed or inconsistent extension.",
		Causes:  "Malformed or duplicated extensions from broken CA software; clients often refuse to load such a certificate before it reaches nginx.",
		Fix:     "Reissue the certificate with a conforming CA:\n  " + reissueClient,
		Confirm: "openssl x509 -noout -text -in client.crt",
	},
	{
		Code: 42, Macro: "X509_V_ERR_INVALID_POLICY_EXTENSION", Text: "invalid or inconsistent certificate policy extension",
		Meaning: "A certificate's policy extensions are malformed or contradict each other.",
		Causes:  "Only reported when certificate-policy checking is on. " + notForNginx,
		Fix:     "Reissue the certificate without the broken policy extension.",
		Confirm: "openssl x509 -noout -text -in client.crt",
	},
	{
		Code: 43, Macro: "X509_V_ERR_NO_EXPLICIT_POLICY", Text: "no explicit policy",
		Meaning: "An explicit certificate policy was required and the chain has none.",
		Causes:  "Only with explicit-policy checking (`openssl verify -explicit_policy`). " + notForNginx,
		Fix:     "Drop -explicit_policy, or issue certificates with the required policy.",
		Confirm: "openssl x509 -noout -text -in client.crt | grep -A3 'Certificate Policies'",
	},
	{
		Code: 44, Macro: "X509_V_ERR_DIFFERENT_CRL_SCOPE", Text: "different CRL scope",
		Spellings: []string{"Different CRL scope"},
		Meaning:   "The CRL found does not cover this certificate.",
		Causes:    "A CRL with an Issuing Distribution Point that does not include the certificate, combined with the check-every-CA mode that ssl_crl turns on.",
		Fix:       "Use full-scope CRLs (without a restrictive Issuing Distribution Point) for every CA in the ssl_crl file, then reload:\n  " + reload,
		Confirm:   "openssl crl -noout -text -in /etc/nginx/crl.pem | grep -A3 'Issuing Distribution Point'",
	},
	{
		Code: 45, Macro: "X509_V_ERR_UNSUPPORTED_EXTENSION_FEATURE", Text: "unsupported extension feature",
		Spellings: []string{"Unsupported extension feature"},
		Meaning:   "A certificate or CRL uses an extension feature OpenSSL does not implement.",
		Causes:    "Unusual extensions (for example in CRL distribution points) from non-standard CA software.",
		Fix:       "Reissue the certificate or CRL without that feature.",
		Confirm:   "openssl x509 -noout -text -in client.crt",
	},
	{
		Code: 46, Macro: "X509_V_ERR_UNNESTED_RESOURCE", Text: "RFC 3779 resource not subset of parent's resources",
		Meaning: "An RFC 3779 IP/AS resource extension is not contained in its issuer's.",
		Causes:  "RPKI certificates only; not expected for client certificates.",
		Fix:     genericFix,
		Confirm: verifyClient,
	},
	{
		Code: 47, Macro: "X509_V_ERR_PERMITTED_VIOLATION", Text: "permitted subtree violation",
		Meaning:     "A name in the client certificate is outside the names its CA is allowed to certify.",
		Causes:      "A CA in the chain has a nameConstraints extension, and the client certificate's subject or subjectAltName falls outside its permitted subtrees.",
		Fix:         "Issue the client certificate with names inside the constraint, or reissue the CA with a wider constraint.",
		Confirm:     "openssl x509 -noout -text -in int.crt | grep -A6 'Name Constraints'; openssl x509 -noout -subject -text -in client.crt | grep -A1 -e '^subject=' -e 'Subject Alternative Name'",
		SeenInNginx: true,
	},
	{
		Code: 48, Macro: "X509_V_ERR_EXCLUDED_VIOLATION", Text: "excluded subtree violation",
		Meaning: "A name in the client certificate is inside a subtree its CA is forbidden to certify.",
		Causes:  "A CA in the chain has a nameConstraints extension with excluded subtrees, and the client certificate's subject or subjectAltName falls inside one.",
		Fix:     "Issue the client certificate with names outside the excluded subtrees, or reissue the CA without that exclusion.",
		Confirm: "openssl x509 -noout -text -in int.crt | grep -A6 'Name Constraints'; openssl x509 -noout -subject -text -in client.crt | grep -A1 -e '^subject=' -e 'Subject Alternative Name'",
	},
	{
		Code: 49, Macro: "X509_V_ERR_SUBTREE_MINMAX", Text: "name constraints minimum and maximum not supported",
		Meaning: "A nameConstraints extension uses minimum/maximum fields, which OpenSSL does not support.",
		Causes:  "CA software that writes these rarely used fields.",
		Fix:     "Reissue the CA without minimum/maximum in nameConstraints.",
		Confirm: "openssl x509 -noout -text -in int.crt | grep -A6 'Name Constraints'",
	},
	{
		Code: 50, Macro: "X509_V_ERR_APPLICATION_VERIFICATION", Text: "application verification failure",
		Meaning: "The application's own verify callback rejected the certificate.",
		Causes:  "Set by applications, not by OpenSSL's checks; nginx's callback never sets it. ClickHouse and other programs on the Poco libraries report it when Poco's own check fails: with extendedVerification on, the host name connected to is not a name of the server's certificate (connect by a name the certificate holds, or add it to subjectAltName).",
		Fix:     genericFix,
		Confirm: verifyClient,
	},
	{
		Code: 51, Macro: "X509_V_ERR_UNSUPPORTED_CONSTRAINT_TYPE", Text: "unsupported name constraint type",
		Meaning: "A nameConstraints extension uses a name type OpenSSL cannot check.",
		Causes:  "CA software using unusual name types in nameConstraints.",
		Fix:     "Reissue the CA with DNS, email, IP or directory-name constraints only.",
		Confirm: "openssl x509 -noout -text -in int.crt | grep -A6 'Name Constraints'",
	},
	{
		Code: 52, Macro: "X509_V_ERR_UNSUPPORTED_CONSTRAINT_SYNTAX", Text: "unsupported or invalid name constraint syntax",
		Meaning: "A nameConstraints entry is malformed.",
		Causes:  "A typo or unusual form in the CA's nameConstraints.",
		Fix:     "Reissue the CA with well-formed nameConstraints.",
		Confirm: "openssl x509 -noout -text -in int.crt | grep -A6 'Name Constraints'",
	},
	{
		Code: 53, Macro: "X509_V_ERR_UNSUPPORTED_NAME_SYNTAX", Text: "unsupported or invalid name syntax",
		Meaning: "A name in the certificate cannot be checked against the CA's name constraints.",
		Causes:  "A malformed subjectAltName or subject in a certificate below a CA with nameConstraints.",
		Fix:     "Reissue the client certificate with well-formed names.",
		Confirm: "openssl x509 -noout -subject -text -in client.crt | grep -A1 -e '^subject=' -e 'Subject Alternative Name'",
	},
	{
		Code: 54, Macro: "X509_V_ERR_CRL_PATH_VALIDATION_ERROR", Text: "CRL path validation error",
		Meaning: "The chain of the certificate that signed a CRL could not be verified.",
		Causes:  "An indirect CRL issuer whose own certificate does not verify.",
		Fix:     "Use CRLs signed directly by the issuing CAs, and keep their chain in the nginx CA file.",
		Confirm: "openssl crl -noout -issuer -in /etc/nginx/crl.pem",
	},
	{
		Code: 55, Macro: "X509_V_ERR_PATH_LOOP", Text: "path loop",
		Spellings: []string{"Path Loop"},
		Meaning:   "Building the chain went round in a loop.",
		Causes:    "CA certificates that cross-sign each other in a cycle.",
		Fix:       "Keep only one path to the root in the nginx CA file and the client's chain.",
		Confirm:   verifyClient,
	},
	{
		Code: 56, Macro: "X509_V_ERR_SUITE_B_INVALID_VERSION", Text: "Suite B: certificate version invalid",
		Meaning: "A certificate fails the Suite B profile.",
		Causes:  "Only in Suite B mode, which nginx does not enable.",
		Fix:     genericFix,
		Confirm: verifyClient,
	},
	{
		Code: 57, Macro: "X509_V_ERR_SUITE_B_INVALID_ALGORITHM", Text: "Suite B: invalid public key algorithm",
		Meaning: "A certificate fails the Suite B profile.",
		Causes:  "Only in Suite B mode, which nginx does not enable.",
		Fix:     genericFix,
		Confirm: verifyClient,
	},
	{
		Code: 58, Macro: "X509_V_ERR_SUITE_B_INVALID_CURVE", Text: "Suite B: invalid ECC curve",
		Meaning: "A certificate fails the Suite B profile.",
		Causes:  "Only in Suite B mode, which nginx does not enable.",
		Fix:     genericFix,
		Confirm: verifyClient,
	},
	{
		Code: 59, Macro: "X509_V_ERR_SUITE_B_INVALID_SIGNATURE_ALGORITHM", Text: "Suite B: invalid signature algorithm",
		Meaning: "A certificate fails the Suite B profile.",
		Causes:  "Only in Suite B mode, which nginx does not enable.",
		Fix:     genericFix,
		Confirm: verifyClient,
	},
	{
		Code: 60, Macro: "X509_V_ERR_SUITE_B_LOS_NOT_ALLOWED", Text: "Suite B: curve not allowed for this LOS",
		Meaning: "A certificate fails the Suite B profile.",
		Causes:  "Only in Suite B mode, which nginx does not enable.",
		Fix:     genericFix,
		Confirm: verifyClient,
	},
	{
		Code: 61, Macro: "X509_V_ERR_SUITE_B_CANNOT_SIGN_P_384_WITH_P_256", Text: "Suite B: cannot sign P-384 with P-256",
		Meaning: "A certificate fails the Suite B profile.",
		Causes:  "Only in Suite B mode, which nginx does not enable.",
		Fix:     genericFix,
		Confirm: verifyClient,
	},
	{
		Code: 62, Macro: "X509_V_ERR_HOSTNAME_MISMATCH", Text: "hostname mismatch",
		Spellings: []string{"Hostname mismatch"},
		Meaning:   "The server certificate is not valid for the host name that was asked for.",
		Causes:    "A host-name check, used when nginx or a client connects to a server; nginx's client-certificate check never does it. With nginx as a proxy (proxy_ssl_verify on) the backend's certificate must match proxy_ssl_name.",
		Fix:       "Issue the server certificate with the right subjectAltName, or set `proxy_ssl_name` to a name the backend certificate carries.",
		Confirm:   "openssl x509 -noout -text -in server.crt | grep -A1 'Subject Alternative Name'",
	},
	{
		Code: 63, Macro: "X509_V_ERR_EMAIL_MISMATCH", Text: "email address mismatch",
		Spellings: []string{"Email address mismatch"},
		Meaning:   "The certificate is not valid for the e-mail address that was asked for.",
		Causes:    "Only when the verifier asks for a specific e-mail address; nginx never does.",
		Fix:       genericFix,
		Confirm:   "openssl x509 -noout -text -in client.crt | grep -A1 'Subject Alternative Name'",
	},
	{
		Code: 64, Macro: "X509_V_ERR_IP_ADDRESS_MISMATCH", Text: "IP address mismatch",
		Meaning: "The server certificate is not valid for the IP address that was asked for.",
		Causes:  "A host-name check used when connecting to a server by IP; nginx's client-certificate check never does it.",
		Fix:     "Issue the server certificate with an IP subjectAltName, or connect by name.",
		Confirm: "openssl x509 -noout -text -in server.crt | grep -A1 'Subject Alternative Name'",
	},
	{
		Code: 65, Macro: "X509_V_ERR_DANE_NO_MATCH", Text: "no matching DANE TLSA records",
		Spellings: []string{"No matching DANE TLSA records"},
		Meaning:   "No DANE TLSA record matched the certificate.",
		Causes:    "DANE only; nginx does not use DANE for client certificates.",
		Fix:       genericFix,
		Confirm:   verifyClient,
	},
	{
		Code: 66, Macro: "X509_V_ERR_EE_KEY_TOO_SMALL", Text: "EE certificate key too weak",
		Meaning: "The client certificate's key is smaller than the OpenSSL security level allows.",
		Causes: "Debian and Ubuntu build OpenSSL with security level 2: RSA keys under 2048 bits and EC keys under 224 bits are refused; old guides still use `openssl genrsa 1024`. " +
			"openssl verify applies no level unless given -auth_level, so without it the same certificate says OK. " +
			"OpenSSL 3 clients such as curl usually refuse to send such a certificate at all ('ee key too small'), and nginx then logs only a closed handshake.",
		Fix: "Make a new key and certificate:\n  openssl req -new -newkey rsa:2048 -nodes -keyout client.key -subj '/CN=client1' -out client.csr\nthen:\n  " + reissueClient + "\n" +
			"Last resort: lower the level for this server with:\n  ssl_ciphers \"DEFAULT:@SECLEVEL=1\";",
		Confirm:     verifyClient,
		SeenInNginx: true,
	},
	{
		Code: 67, Macro: "X509_V_ERR_CA_KEY_TOO_SMALL", Text: "CA certificate key too weak",
		Meaning: "A CA certificate in the chain has a key smaller than the OpenSSL security level allows.",
		Causes: "An intermediate or root made with a small key (e.g. RSA 1024); at Debian's level 2 RSA keys must be at least 2048 bits. " +
			"nginx loads ssl_client_certificate without checking key sizes, so the problem only shows per connection.",
		Fix:         "Create a new CA with an RSA 2048+ or P-256 key, reissue the client certificates from it, and replace the nginx CA file.\nLast resort:\n  ssl_ciphers \"DEFAULT:@SECLEVEL=1\";",
		Confirm:     verifyClient,
		SeenInNginx: true,
	},
	{
		Code: 68, Macro: "X509_V_ERR_CA_MD_TOO_WEAK", Text: "CA signature digest algorithm too weak",
		Meaning: "A certificate in the chain was signed with a digest too weak for the security level (SHA-1 or MD5).",
		Causes: "The wording misleads: it is about the hash the CA used when it signed this certificate, which may be the client certificate itself, not about the CA certificate. " +
			"Old guides and scripts use `-sha1`. OpenSSL 3 rejects SHA-1 from security level 1 upwards (Debian and Ubuntu run level 2), while 1.1.1 allowed it at level 1, which is why such certificates break after an OS upgrade. " +
			"The trusted root's own self-signature is not checked, so a SHA-1 root is fine; SHA-1-signed intermediates and client certificates are not.",
		Fix: "Re-sign the certificate with SHA-256 (the key can stay):\n  " + reissueClient + "\nDo the same for a SHA-1-signed intermediate. " +
			"Stop-gap only:\n  ssl_ciphers \"DEFAULT:@SECLEVEL=0\";",
		Confirm:     "openssl x509 -noout -text -in client.crt | grep 'Signature Algorithm'\n" + verifyClient,
		SeenInNginx: true,
	},
	{
		Code: 69, Macro: "X509_V_ERR_INVALID_CALL", Text: "invalid certificate verification context",
		Spellings: []string{"Invalid certificate verification context"},
		Meaning:   "The verify function was called wrongly.",
		Causes:    "A programming error in the calling software, not a certificate problem.",
		Fix:       "Report it to the software that logged it; upgrade nginx and OpenSSL.",
		Confirm:   "nginx -V",
	},
	{
		Code: 70, Macro: "X509_V_ERR_STORE_LOOKUP", Text: "issuer certificate lookup error",
		Spellings: []string{"Issuer certificate lookup error"},
		Meaning:   "Looking up an issuer in the certificate store failed.",
		Causes:    "The store lookup itself broke, e.g. an unreadable CA directory or a failing provider.",
		Fix:       "Check that the CA files and directories nginx uses are readable, then reload:\n  " + reload,
		Confirm:   "nginx -T | grep -E 'ssl_(client|trusted)_certificate'",
	},
	{
		Code: 71, Macro: "X509_V_ERR_NO_VALID_SCTS", Text: "Certificate Transparency required, but no valid SCTs found",
		Meaning: "Certificate Transparency was required and the certificate has no valid signed certificate timestamps.",
		Causes:  "Only when CT checking is enabled; nginx does not enable it.",
		Fix:     genericFix,
		Confirm: verifyClient,
	},
	{
		Code: 72, Macro: "X509_V_ERR_PROXY_SUBJECT_NAME_VIOLATION", Text: "proxy subject name violation",
		Meaning: "An RFC 3820 proxy certificate has a subject that does not fit its issuer.",
		Causes:  "Proxy certificates only; nginx does not enable them.",
		Fix:     genericFix,
		Confirm: verifyClient,
	},
	{
		Code: 73, Macro: "X509_V_ERR_OCSP_VERIFY_NEEDED", Text: "OCSP verification needed",
		Meaning: "OpenSSL's verifier wants an OCSP check to finish the decision.",
		Causes:  "Internal to OpenSSL's OCSP handling; nginx's ssl_ocsp reports its own texts (certificate status request failed, certificate revoked, certificate status unknown).",
		Fix:     genericFix,
		Confirm: verifyClient,
	},
	{
		Code: 74, Macro: "X509_V_ERR_OCSP_VERIFY_FAILED", Text: "OCSP verification failed",
		Meaning: "An OCSP check of the certificate failed.",
		Causes:  "Internal to OpenSSL's OCSP handling; nginx's ssl_ocsp reports its own texts.",
		Fix:     "Check the OCSP responder:\n  openssl ocsp -issuer int.crt -cert client.crt -url $(openssl x509 -noout -ocsp_uri -in client.crt) -resp_text",
		Confirm: "openssl x509 -noout -ocsp_uri -in client.crt",
	},
	{
		Code: 75, Macro: "X509_V_ERR_OCSP_CERT_UNKNOWN", Text: "OCSP unknown cert",
		Meaning: "The OCSP responder does not know the certificate.",
		Causes:  "Internal to OpenSSL's OCSP handling; nginx's ssl_ocsp logs 'certificate status unknown' instead.",
		Fix:     "Point the check at the responder of the CA that issued the certificate.",
		Confirm: "openssl x509 -noout -ocsp_uri -in client.crt",
	},
	{
		Code: 76, Macro: "X509_V_ERR_UNSUPPORTED_SIGNATURE_ALGORITHM", Text: "Cannot find certificate signature algorithm",
		Meaning: "OpenSSL does not know the signature algorithm of a certificate.",
		Causes:  "A certificate signed with an algorithm this OpenSSL build does not provide (new in OpenSSL 3.0).",
		Fix:     "Reissue the certificate with RSA or ECDSA and SHA-256:\n  " + reissueClient,
		Confirm: "openssl x509 -noout -text -in client.crt | grep 'Signature Algorithm'",
	},
	{
		Code: 77, Macro: "X509_V_ERR_SIGNATURE_ALGORITHM_MISMATCH", Text: "subject signature algorithm and issuer public key algorithm mismatch",
		Meaning: "The certificate's signature algorithm does not fit the issuer's key type.",
		Causes:  "E.g. an ECDSA signature under an RSA CA: the wrong CA certificate for this certificate (new in OpenSSL 3.0).",
		Fix:     "Make sure the CA file holds the CA that really signed the certificate, or reissue it.",
		Confirm: verifyClient,
	},
	{
		Code: 78, Macro: "X509_V_ERR_SIGNATURE_ALGORITHM_INCONSISTENCY", Text: "cert info signature and signature algorithm mismatch",
		Meaning: "The two signature-algorithm fields inside the certificate disagree.",
		Causes:  "A malformed or tampered certificate (new in OpenSSL 3.0).",
		Fix:     "Reissue the certificate with a conforming CA:\n  " + reissueClient,
		Confirm: "openssl x509 -noout -text -in client.crt",
	},
	{
		Code: 79, Macro: "X509_V_ERR_INVALID_CA", Text: "invalid CA certificate",
		OldCode: 24,
		Meaning: "A certificate used as a CA in the chain is not a valid CA (OpenSSL 3 numbering; OpenSSL 1.1.1 logged this as 24 and used 79 for what is now 94).",
		Causes: "The intermediate lacks basicConstraints CA:TRUE (for example it was signed with `openssl x509 -req` without a CA extension file, or from a leaf template), or its keyUsage lacks keyCertSign. " +
			"nginx usually logs a later error (26 or 32) because OpenSSL keeps going; 79 itself is the last error when the intermediate has no basicConstraints at all. " +
			"A line reading (79:Certificate public key has explicit ECC parameters) comes from OpenSSL 1.1.1: see 94.",
		Fix:         "Reissue the intermediate with an extension file (int.ext) containing:\n" + caExtLines + "\nand sign it:\n  openssl x509 -req -sha256 -days 1825 -in int.csr -CA root.crt -CAkey root.key -CAcreateserial -extfile int.ext -out int.crt",
		Confirm:     "openssl x509 -noout -text -in int.crt | grep -A1 -e 'Basic Constraints' -e 'X509v3 Key Usage'",
		SeenInNginx: true,
	},
	{
		Code: 80, Macro: "X509_V_ERR_PATHLEN_INVALID_FOR_NON_CA", Text: "Path length invalid for non-CA cert",
		Meaning: "A non-CA certificate has a path length constraint.",
		Causes:  strictCheck + notForNginx,
		Fix:     "Reissue without pathlen on non-CA certificates.",
		Confirm: "openssl x509 -noout -text -in client.crt | grep -A1 'Basic Constraints'",
	},
	{
		Code: 81, Macro: "X509_V_ERR_PATHLEN_WITHOUT_KU_KEY_CERT_SIGN", Text: "Path length given without key usage keyCertSign",
		Meaning: "A certificate has a path length constraint but may not sign certificates.",
		Causes:  strictCheck + notForNginx,
		Fix:     "Reissue the CA with:\n" + caExtLines,
		Confirm: "openssl x509 -noout -text -in int.crt | grep -A1 -e 'Basic Constraints' -e 'X509v3 Key Usage'",
	},
	{
		Code: 82, Macro: "X509_V_ERR_KU_KEY_CERT_SIGN_INVALID_FOR_NON_CA", Text: "Key usage keyCertSign invalid for non-CA cert",
		Meaning: "A non-CA certificate claims keyCertSign.",
		Causes:  strictCheck + notForNginx,
		Fix:     "Reissue the client certificate without keyCertSign:\n  " + reissueClient + "\nwith client.ext:\n" + clientExtLines,
		Confirm: "openssl x509 -noout -text -in client.crt | grep -A1 -e 'X509v3 Key Usage' -e 'Basic Constraints'",
	},
	{
		Code: 83, Macro: "X509_V_ERR_ISSUER_NAME_EMPTY", Text: "Issuer name empty",
		Meaning: "A certificate has an empty issuer name.",
		Causes:  strictCheck + notForNginx,
		Fix:     "Reissue from a CA with a non-empty subject.",
		Confirm: "openssl x509 -noout -issuer -in client.crt",
	},
	{
		Code: 84, Macro: "X509_V_ERR_SUBJECT_NAME_EMPTY", Text: "Subject name empty",
		Meaning: "A certificate has an empty subject name.",
		Causes:  strictCheck + notForNginx,
		Fix:     "Reissue with a subject, e.g. on the CSR:\n  -subj '/CN=client1'",
		Confirm: "openssl x509 -noout -subject -in client.crt",
	},
	{
		Code: 85, Macro: "X509_V_ERR_MISSING_AUTHORITY_KEY_IDENTIFIER", Text: "Missing Authority Key Identifier",
		Meaning: "A certificate lacks the authorityKeyIdentifier extension.",
		Causes:  strictCheck + notForNginx,
		Fix:     "Add this line to client.ext:\n  authorityKeyIdentifier=keyid,issuer\nand reissue:\n  " + reissueClient,
		Confirm: "openssl x509 -noout -text -in client.crt | grep -A1 'Authority Key Identifier'",
	},
	{
		Code: 86, Macro: "X509_V_ERR_MISSING_SUBJECT_KEY_IDENTIFIER", Text: "Missing Subject Key Identifier",
		Meaning: "A CA certificate lacks the subjectKeyIdentifier extension.",
		Causes:  strictCheck + notForNginx,
		Fix:     "Reissue the CA with `subjectKeyIdentifier=hash`.",
		Confirm: "openssl x509 -noout -text -in ca.crt | grep -A1 'Subject Key Identifier'",
	},
	{
		Code: 87, Macro: "X509_V_ERR_EMPTY_SUBJECT_ALT_NAME", Text: "Empty Subject Alternative Name extension",
		Meaning: "A certificate has a subjectAltName extension with no names in it.",
		Causes:  strictCheck + notForNginx,
		Fix:     "Reissue with names in subjectAltName, or without the extension.",
		Confirm: "openssl x509 -noout -text -in client.crt | grep -A1 'Subject Alternative Name'",
	},
	{
		Code: 88, Macro: "X509_V_ERR_EMPTY_SUBJECT_SAN_NOT_CRITICAL", Text: "Subject empty and Subject Alt Name extension not critical",
		Meaning: "A certificate with an empty subject has a non-critical subjectAltName.",
		Causes:  strictCheck + notForNginx,
		Fix:     "Reissue with a subject, or mark subjectAltName critical.",
		Confirm: "openssl x509 -noout -subject -text -in client.crt | grep -A1 -e '^subject=' -e 'Subject Alternative Name'",
	},
	{
		Code: 89, Macro: "X509_V_ERR_CA_BCONS_NOT_CRITICAL", Text: "Basic Constraints of CA cert not marked critical",
		Meaning: "A CA certificate's basicConstraints extension is not marked critical.",
		Causes:  strictCheck + notForNginx,
		Fix:     "Reissue the CA with:\n" + caExtLines,
		Confirm: "openssl x509 -noout -text -in ca.crt | grep -A1 'Basic Constraints'",
	},
	{
		Code: 90, Macro: "X509_V_ERR_AUTHORITY_KEY_IDENTIFIER_CRITICAL", Text: "Authority Key Identifier marked critical",
		Meaning: "A certificate's authorityKeyIdentifier is marked critical, which the standard forbids.",
		Causes:  strictCheck + notForNginx,
		Fix:     "Reissue with a non-critical authorityKeyIdentifier.",
		Confirm: "openssl x509 -noout -text -in client.crt | grep -A1 'Authority Key Identifier'",
	},
	{
		Code: 91, Macro: "X509_V_ERR_SUBJECT_KEY_IDENTIFIER_CRITICAL", Text: "Subject Key Identifier marked critical",
		Meaning: "A certificate's subjectKeyIdentifier is marked critical, which the standard forbids.",
		Causes:  strictCheck + notForNginx,
		Fix:     "Reissue with a non-critical subjectKeyIdentifier.",
		Confirm: "openssl x509 -noout -text -in client.crt | grep -A1 'Subject Key Identifier'",
	},
	{
		Code: 92, Macro: "X509_V_ERR_CA_CERT_MISSING_KEY_USAGE", Text: "CA cert does not include key usage extension",
		Meaning: "A CA certificate has no keyUsage extension.",
		Causes:  strictCheck + notForNginx,
		Fix:     "Reissue the CA with:\n" + caExtLines,
		Confirm: "openssl x509 -noout -text -in ca.crt | grep -A1 'X509v3 Key Usage'",
	},
	{
		Code: 93, Macro: "X509_V_ERR_EXTENSIONS_REQUIRE_VERSION_3", Text: "Using cert extension requires at least X509v3",
		Meaning: "A certificate carries extensions but is not marked as version 3.",
		Causes:  strictCheck + "Made by old or broken CA software. " + notForNginx,
		Fix:     "Reissue the certificate with a current CA tool:\n  " + reissueClient,
		Confirm: "openssl x509 -noout -text -in client.crt | grep Version",
	},
	{
		Code: 94, Macro: "X509_V_ERR_EC_KEY_EXPLICIT_PARAMS", Text: "Certificate public key has explicit ECC parameters",
		OldCode: 79,
		Meaning: "A certificate's EC public key spells out the curve parameters instead of naming the curve (OpenSSL 3 numbering; 1.1.1 logged this as 79).",
		Causes:  "The key was generated with explicit parameters (e.g. `openssl ecparam -param_enc explicit`); OpenSSL refuses such keys because they can hide a weak curve.",
		Fix:     "Make a new key on a named curve:\n  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -pkeyopt ec_param_enc:named_curve -out client.key\nand reissue the certificate for it.",
		Confirm: "openssl x509 -noout -text -in client.crt | grep -E 'ASN1 OID|Field Type' (a named curve shows `ASN1 OID`)",
	},
}

// verifyIndex maps every lower-cased Text and Spelling to its code, and
// every lower-cased macro to its code. Built once: the tables never change.
var verifyIndex, macroIndex = func() (func() map[string]int, func() map[string]int) {
	both := sync.OnceValues(indexVerify)
	return func() map[string]int { t, _ := both(); return t }, func() map[string]int { _, m := both(); return m }
}()

func indexVerify() (map[string]int, map[string]int) {
	texts := map[string]int{}
	macros := map[string]int{}
	for _, v := range verifyCodes {
		texts[strings.ToLower(v.Text)] = v.Code
		for _, s := range v.Spellings {
			texts[strings.ToLower(s)] = v.Code
		}
		macros[strings.ToLower(v.Macro)] = v.Code
	}
	return texts, macros
}

// notYetValidPrefix matches code 9 in every wording: OpenSSL master appends
// "or the system clock is incorrect", and later releases may reword the tail.
const notYetValidPrefix = "certificate is not yet valid"

// Verify returns the catalogue entry for an OpenSSL verify code, numbered
// as OpenSSL 3.0 numbers it. Codes 24 and 79 meant something else in
// OpenSSL 1.1.1 (24 was "invalid CA certificate", 79 "Certificate public
// key has explicit ECC parameters"); a number alone cannot tell the versions
// apart, so when the text is known, use VerifyByText instead.
func Verify(code int) (VerifyCode, bool) {
	if code < 0 || code >= len(verifyCodes) {
		return VerifyCode{}, false
	}
	return cloneCode(verifyCodes[code]), true
}

// VerifyByText returns the verify code whose text, in any OpenSSL version
// (3.0.8+, 3.0.0-3.0.7, 1.1.1, master), equals text, ignoring case and
// surrounding space. Code 9 also matches by its prefix "certificate is not
// yet valid". Because the answer is the OpenSSL 3.0 numbering, 1.1.1 texts
// whose number changed resolve to the new number: 1.1.1's
// "(24:invalid CA certificate)" gives 79, and 1.1.1's "(79:Certificate
// public key has explicit ECC parameters)" gives 94.
func VerifyByText(text string) (VerifyCode, bool) {
	t := strings.ToLower(strings.TrimSpace(text))
	if c, ok := verifyIndex()[t]; ok {
		return Verify(c)
	}
	if strings.HasPrefix(t, notYetValidPrefix) {
		return Verify(9)
	}
	return VerifyCode{}, false
}

// VerifyByCutText returns the verify code whose text (or another spelling)
// the line ends with, cut short: a paste that lost its end ("unable to get
// local issuer certif"). At least 20 characters of the text must remain,
// and the cut must fall inside a word: a line that ends on a whole word
// ("... certificate chain") is not a cut text.
func VerifyByCutText(lower string) (VerifyCode, bool) {
	lower = strings.TrimRight(lower, " .…`'\")")
	best, code := 0, -1
	for t, c := range verifyIndex() {
		for k := len(t) - 1; k >= 20 && k > best; k-- {
			if t[k] == ' ' || t[k-1] == ' ' {
				continue
			}
			if strings.HasSuffix(lower, t[:k]) {
				best, code = k, c
				break
			}
		}
	}
	if code < 0 {
		return VerifyCode{}, false
	}
	return Verify(code)
}

// VerifyByMacro returns the verify code for an OpenSSL 3.0 macro name such
// as "X509_V_ERR_CA_MD_TOO_WEAK", ignoring case.
func VerifyByMacro(macro string) (VerifyCode, bool) {
	if c, ok := macroIndex()[strings.ToLower(strings.TrimSpace(macro))]; ok {
		return Verify(c)
	}
	return VerifyCode{}, false
}

// VerifyCodes returns every verify code OpenSSL 3.0 defines (0 to 94),
// sorted by code. The slice is a copy; changing it changes nothing here.
func VerifyCodes() []VerifyCode {
	out := make([]VerifyCode, len(verifyCodes))
	for i, v := range verifyCodes {
		out[i] = cloneCode(v)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Code < out[j].Code })
	return out
}

// cloneCode copies the Spellings slice so that callers cannot edit the table.
func cloneCode(v VerifyCode) VerifyCode {
	v.Spellings = append([]string(nil), v.Spellings...)
	return v
}
