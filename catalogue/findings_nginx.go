package catalogue

import (
	"github.com/mtlsdoctor/mtlsdoctor/finding"
)

// This file holds the findings of `nginx`: the mTLS directives of a configuration.

// Ids of `nginx`. Those marked Startup stop nginx from starting.
const (
	VerifyClientWithoutCA    finding.ID = "nginx/verify-client-without-ca"
	MissingFile              finding.ID = "nginx/missing-file"
	PasswordFileMissing      finding.ID = "nginx/password-file-missing"
	OptionalNotChecked       finding.ID = "nginx/optional-not-checked"
	VerifyDepthTooSmall      finding.ID = "nginx/verify-depth-too-small"
	VerifyResultNotForwarded finding.ID = "nginx/verify-result-not-forwarded"
	LegacyProtocols          finding.ID = "nginx/legacy-protocols"
	CAFileWithoutRoot        finding.ID = "nginx/ca-file-without-root"
	IncludeNotRead           finding.ID = "nginx/include-not-read"
	SSLDirectiveRemoved      finding.ID = "nginx/ssl-directive-removed"
	StreamNotJudged          finding.ID = "nginx/stream-not-judged"
)

var nginxIDs = []finding.Spec{
	{ID: VerifyClientWithoutCA, Severity: errs, Startup: true},
	{ID: MissingFile, Severity: errs, Startup: true},
	{ID: PasswordFileMissing, Severity: errs, Startup: true},
	{ID: OptionalNotChecked, Severity: errs},
	{ID: VerifyDepthTooSmall, Severity: errs},
	{ID: VerifyResultNotForwarded, Severity: warn, Others: []finding.Severity{note}},
	{ID: LegacyProtocols, Severity: warn, Others: []finding.Severity{note}},
	{ID: CAFileWithoutRoot, Severity: errs},
	{ID: IncludeNotRead, Severity: warn},
	{ID: SSLDirectiveRemoved, Severity: warn},
	{ID: StreamNotJudged, Severity: warn},
}

func init() { finding.Register(nginxIDs...) }

// The words of the `nginx` findings. Placeholders every text may use:
// {directive} is the directive the finding is about as one line of
// configuration, {arg} its first argument, {path} that resolved.
var (
	// IncludeNotReadText: an include mtlsdoctor did not follow although
	// nginx would (too many files, a pseudo-file); {problem} says why.
	IncludeNotReadText = Text{ID: IncludeNotRead,
		Title: "include {arg}: {problem}",
		Why:   "nginx reads it, mtlsdoctor did not, so what it holds is not checked: the findings below may miss something.",
		Fix:   "Check the included files on their own:\n  nginx -T | mtlsdoctor nginx -",
	}
	// StreamNotJudgedText: a stream { } server that asks for client
	// certificates ({directive}), which the lint does not judge.
	StreamNotJudgedText = Text{ID: StreamNotJudged,
		Title: "a stream server asks for client certificates ({directive}): not judged",
		Why:   "mtlsdoctor nginx judges the server blocks of http { }; the TCP proxies of stream { } take the same ssl_ directives, but their settings, files and logs are not checked here, so no other finding of this report speaks for them.",
		Fix:   "Check the files this block names, and the port it listens on, with a client certificate:\n  mtlsdoctor certs /etc/nginx/certs\n  mtlsdoctor probe HOST:PORT --cert client.crt --key client.key",
	}
	// IncludeMissingText: an include of a file that is not there;
	// {problem} says what is wrong, {conf_dir} is where paths start.
	IncludeMissingText = Text{ID: MissingFile,
		Title: "include {arg}: {problem}",
		Why:   "nginx resolves include paths against {conf_dir} and refuses to start when a named file (not a glob) is missing: open() \"{path}\" failed (2: No such file or directory).",
		Fix:   "Correct the path in this directive, or remove the include:\n  {directive}\nthen run:\n  nginx -t",
	}
	// FileMissingText: an ssl_* directive ({name}) names a missing file.
	FileMissingText = Text{ID: MissingFile,
		Title: "{name} {arg}: no such file",
		Why:   "nginx opens every {name} file at start-up and refuses to start (or to reload) when one is missing. Relative paths are resolved against {conf_dir}.",
		Fix:   "Correct the path (use an absolute path), or create the file:\n  {directive}\nthen run:\n  nginx -t",
	}
	// NotAFileText: an ssl_* directive ({name}) names a directory or a
	// device; {why} says which.
	NotAFileText = Text{ID: MissingFile,
		Title: "{name} {arg} {why}",
		Why:   "nginx opens the {name} file at start-up and refuses to start when it cannot read a file there.",
		Fix:   "Name the file itself in this directive:\n  {directive}\nthen run:\n  nginx -t",
	}
	// NoPEMInCAFileText: the CA or CRL file of {name} holds nothing
	// OpenSSL loads; {call} is the OpenSSL call nginx names.
	NoPEMInCAFileText = Text{ID: MissingFile,
		Title: "{name} {arg} holds no PEM certificate or CRL: nginx refuses to start",
		Why:   "nginx loads the {name} file at start-up with OpenSSL, which takes only PEM certificates (-----BEGIN CERTIFICATE-----) and CRLs (-----BEGIN X509 CRL-----) from it. It finds none in this file, so nginx refuses to start: [emerg] {call}(\"{path}\") failed (SSL: ... no certificate or crl found). An empty file, a DER file and a file with only a key are refused alike.",
		Fix:   "Name a file of PEM certificates (or CRLs) in this directive:\n  {directive}\nthen run:\n  nginx -t\nA DER file converts with:\n  openssl x509 -inform DER -in {path} -out {path}.pem\nor, for a CRL:\n  openssl crl -inform DER -in {path} -out {path}.pem",
	}
	// PasswordFileMissingText: ssl_password_file names a missing file.
	PasswordFileMissingText = Text{ID: PasswordFileMissing,
		Title: "ssl_password_file {arg} does not exist",
		Why:   "nginx opens the password file at start-up and refuses to start without it: [emerg] open() \"{path}\" failed (2: No such file or directory). It holds the passphrases of encrypted ssl_certificate_key files, one per line.",
		Fix:   "Create it (one passphrase per line, readable by root only):\n  install -m 600 /dev/null {path} && echo 'PASSPHRASE' > {path}\nor remove ssl_password_file and use an unencrypted key:\n  openssl pkey -in KEY -out KEY.plain",
	}
	// VerifyDepthText: the CA files hold {need} intermediates stacked
	// under one another, more than ssl_verify_depth {depth} lets through;
	// {issuer} is the lowest one's CN (quoted), {issuer_dn} its subject,
	// {openssl_error} what nginx logs (code 2).
	VerifyDepthText = Text{ID: VerifyDepthTooSmall,
		Title: "ssl_verify_depth {depth} is too small: clients issued by {issuer} have {need} intermediate CAs above them",
		Why:   "ssl_verify_depth is the number of intermediate CAs allowed between the client certificate and the trusted root (OpenSSL 1.1.0 and later; neither end counts; nginx's default is 1). The CA files of this block hold a chain of {need} intermediates, so every client issued under {issuer_dn} is rejected with 400. OpenSSL stops at 22 (certificate chain too long), but nginx logs the error that follows it: {openssl_error} when the intermediates are in the CA file, as here (20 when the client sends them), which hides the real cause.",
		Fix:   "In the server block:\n  ssl_verify_depth {need};\nthen reload:\n  {reload}",
	}
	// LegacyProtocolsText: ssl_protocols lists {legacy}; {protocols} is
	// the list without them (and with TLSv1.3).
	LegacyProtocolsText = Text{ID: LegacyProtocols,
		Title: "ssl_protocols enables {legacy}",
		Why:   "TLS 1.0, TLS 1.1 and SSLv3 are deprecated (RFC 8996) and weak. OpenSSL 3 cannot complete them anyway at security level 1 and above (their handshake signature uses MD5-SHA1), so listing them only makes the configuration promise something it does not do: such clients fail with 'tlsv1 alert internal error', and OpenSSL's reason on the server is 'no suitable signature algorithm'.",
		Fix:   "In the same place:\n  ssl_protocols {protocols};",
	}
	// SSLDirectiveRemovedText: the block turns TLS on with the "ssl"
	// directive ({directive}), which nginx 1.25.1 removed.
	SSLDirectiveRemovedText = Text{ID: SSLDirectiveRemoved,
		Title: "{directive}: nginx 1.25.1 and later do not know the \"ssl\" directive",
		Why:   "nginx 1.15.0 to 1.25.0 warn at start-up (the \"ssl\" directive is deprecated, use the \"listen ... ssl\" directive instead); 1.25.1 and later refuse to start: unknown directive \"ssl\". A guide's configuration written for an older nginx stops the next upgrade. With ssl on every listen of the block serves TLS; with listen ... ssl only that one does.",
		Fix:   "Put ssl on the block's TLS listen and remove the directive:\n  listen 443 ssl;\nthen test:\n  nginx -t",
	}
	// NginxNoTLS13Text: ssl_protocols leaves TLSv1.3 out (a note).
	NginxNoTLS13Text = Text{ID: LegacyProtocols,
		Title: "ssl_protocols does not list TLSv1.3",
		Why:   "Without TLSv1.3 every client negotiates TLS 1.2. nginx before 1.23.4 also leaves TLSv1.3 out of its default. Client certificates work with both; TLS 1.3 is faster and hides the client certificate from observers.",
		Fix:   "In the same place:\n  ssl_protocols {protocols};",
	}
	// VerifyClientInvalidText: ssl_verify_client {value} is none of
	// nginx's four values ({value_q}: quoted).
	VerifyClientInvalidText = Text{ID: VerifyClientWithoutCA,
		Title: "ssl_verify_client {value_q} is not a valid value",
		Why:   "nginx accepts off, on, optional and optional_no_ca, and refuses to start on anything else: invalid value \"{value}\".",
		Fix:   "Use one of them, e.g.:\n  ssl_verify_client on;",
	}
	// CAMissingText: ssl_verify_client {value} with no CA file; {plain}
	// is InPlainBlock or empty.
	CAMissingText = Text{ID: VerifyClientWithoutCA,
		Title: "ssl_verify_client {value} without ssl_client_certificate: nginx refuses to start",
		Why:   verifyClientNeedsCA + "{plain}\nnginx -t says: [emerg] no ssl_client_certificate for ssl_verify_client\n(1.27.2 and later: no ssl_client_certificate or ssl_trusted_certificate for ssl_verify_client)",
		Fix:   "Next to ssl_verify_client, add the CA of your client certificates:\n  ssl_client_certificate /etc/nginx/client-ca.pem;\nthen reload:\n  {reload}",
	}
	// CAOnlyTrustedText: ssl_verify_client {value} with the CA in
	// ssl_trusted_certificate {trusted} only; {plain} as in CAMissingText.
	CAOnlyTrustedText = Text{ID: VerifyClientWithoutCA,
		Title: "ssl_verify_client {value} with only ssl_trusted_certificate: nginx before 1.27.2 refuses to start",
		Why:   "nginx 1.18 to 1.27.1 (Debian 12 ships 1.22.1, Ubuntu 24.04 1.24) require ssl_client_certificate for ssl_verify_client and refuse to start{plain}:\nnginx -t says: [emerg] no ssl_client_certificate for ssl_verify_client\n1.27.2 and later accept ssl_trusted_certificate alone, but then send no CA names in the CertificateRequest, and Go clients and browsers send no certificate at all (nginx answers 496).",
		Fix:   "Name the same CA file with ssl_client_certificate instead:\n  ssl_client_certificate {trusted};\nthen reload:\n  {reload}",
	}
	// OptionalNotCheckedText: ssl_verify_client optional and nothing
	// reads the result.
	OptionalNotCheckedText = Text{ID: OptionalNotChecked,
		Title: optionalNotCheckedTitle,
		Why:   "With {value} nginx serves clients that send no certificate like any other request; only $ssl_client_verify (SUCCESS, NONE or FAILED:reason) tells them apart. Nothing in this server block reads it (no if, map, proxy_set_header, fastcgi_param or return), so the client-certificate requirement is not enforced.",
		Fix:   enforceVerify,
	}
	// OptionalNoCANotCheckedText: the same with optional_no_ca, which
	// lets more through.
	OptionalNoCANotCheckedText = Text{ID: OptionalNotChecked,
		Title: optionalNotCheckedTitle,
		Why:   "With {value} nginx serves clients that send no certificate, or one from any CA (optional_no_ca lets codes 18, 19, 20, 21 and 27 through) like any other request; only $ssl_client_verify (SUCCESS, NONE or FAILED:reason) tells them apart. Nothing in this server block reads it (no if, map, proxy_set_header, fastcgi_param or return), so the client-certificate requirement is not enforced.",
		Fix:   enforceVerify,
	}
	// NotForwardedHeaderText: an upstream pass ({pass} {target}{more})
	// whose {header} (proxy_set_header, grpc_set_header) carries no
	// client-certificate variable.
	NotForwardedHeaderText = Text{ID: VerifyResultNotForwarded,
		Title: notForwardedTitle,
		Why:   notForwardedWhy,
		Fix:   "In the location (or server) block:\n  {header} X-SSL-Client-Verify $ssl_client_verify;\n  {header} X-SSL-Client-S-DN   $ssl_client_s_dn;",
	}
	// NotForwardedParamText: the same for fastcgi_param, uwsgi_param and
	// scgi_param, which pass variables rather than headers.
	NotForwardedParamText = Text{ID: VerifyResultNotForwarded,
		Title: notForwardedTitle,
		Why:   notForwardedWhy,
		Fix:   "In the location (or server) block:\n  {header} SSL_CLIENT_VERIFY $ssl_client_verify;\n  {header} SSL_CLIENT_S_DN   $ssl_client_s_dn;",
	}
	// VerifyErrorsHiddenDefaultText: no error_log is in effect, and
	// nginx's default level (error) hides verify errors; {file} is the
	// default file.
	VerifyErrorsHiddenDefaultText = Text{ID: VerifyErrorsHidden,
		Title: errorsHiddenTitle,
		Why:   "nginx writes every client-certificate failure (\"client SSL certificate verify error: (N:reason)\", \"client sent no required SSL certificate\") at the info level, and nginx's default error_log level is error, so a rejected client gets 400 and the error log stays silent.",
		Fix:   errorsHiddenFix,
	}
	// NginxVerifyErrorsHiddenText: the error_log in effect ({file}) logs at
	// {level}, above info.
	NginxVerifyErrorsHiddenText = Text{ID: VerifyErrorsHidden,
		Title: errorsHiddenTitle,
		Why:   "nginx writes every client-certificate failure (\"client SSL certificate verify error: (N:reason)\", \"client sent no required SSL certificate\") at the info level, and the error_log in effect here logs at {level}, so a rejected client gets 400 and the error log stays silent.",
		Fix:   errorsHiddenFix,
	}
)

// InPlainBlock is the {plain} of CAMissingText and CAOnlyTrustedText for
// a block that serves plain HTTP only.
const InPlainBlock = " (even in this block, which serves plain HTTP: nginx checks every block that has an ssl_certificate, its own or inherited from http)"

// NginxAllClear is `nginx`'s next step when nothing is wrong, and
// NoMTLSServer when no block asks for client certificates (doctor's too).
const (
	NginxAllClear = "nothing to fix in the configuration. Test it with a client certificate:\n  curl --cert client.crt --key client.key https://HOST/"
	NoMTLSServer  = "no server block asks for client certificates (ssl_verify_client on|optional|optional_no_ca in a TLS server)."

	// FragmentNote follows the header of a file with server blocks and no
	// http block, read as nginx reads it: included inside http.
	FragmentNote = "read as a file that nginx includes inside http { } (server blocks, no http block); what nginx.conf sets around it (error_log, http-level ssl_ directives) is not seen: give nginx.conf, or the output of sudo nginx -T with -"
)

// Whole titles, explanations and fixes that several texts above share.
const (
	optionalNotCheckedTitle = "ssl_verify_client {value}, but nothing tests $ssl_client_verify"
	enforceVerify           = "Enforce it in the server block:\n  if ($ssl_client_verify != SUCCESS) { return 403; }\nor pass it to the application:\n  proxy_set_header X-SSL-Client-Verify $ssl_client_verify;\nor require a certificate outright:\n  ssl_verify_client on;"
	notForwardedTitle       = "{pass} {target}{more}: the upstream never sees the client certificate"
	notForwardedWhy         = "nginx checks the client certificate, but no {header} here carries $ssl_client_verify, $ssl_client_s_dn or the certificate itself, so the application cannot tell who the client is (or, with optional, whether it sent a valid certificate at all). Note that a {header} in a location replaces every one inherited from the server and http levels."
	errorsHiddenTitle       = "error_log {file} {level} hides why client certificates are rejected"
	errorsHiddenFix         = "In the server block:\n  error_log {file} info;\nthen reload:\n  {reload}"
)

// verifyClientNeedsCA is why ssl_verify_client needs a CA file: the
// start-up error's entry and the config finding tell it the same way.
const verifyClientNeedsCA = "ssl_verify_client on or optional needs a CA file to check client certificates against (optional_no_ca does not). nginx 1.18-1.27.1 require ssl_client_certificate; 1.27.2 and later also accept ssl_trusted_certificate."

// CAFileWithoutRootText: the block's CA files ({directive} {file}, at
// {path}) hold no self-signed root.
var CAFileWithoutRootText = Text{ID: CAFileWithoutRoot,
	Title: "{directive} {file} holds no root CA: every client is refused",
	Why: "The CA files of this block hold intermediate CAs but no self-signed root. OpenSSL, as nginx runs it, only trusts a chain that ends in a root from these files (nginx never accepts a partial chain), " +
		"so every client certificate is refused with (2:unable to get issuer certificate), although its issuer is in the file. mtlsdoctor certs then blames the client, which is not at fault.",
	Fix: "Append the root CA that issued the intermediates to the file:\n  cat root.crt >> {path}\nthen reload:\n  {reload}",
}
