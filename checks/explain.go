package checks

import (
	"fmt"
	"net/netip"
	"slices"
	"strconv"
	"strings"

	"github.com/mtlsdoctor/mtlsdoctor/catalogue"
	"github.com/mtlsdoctor/mtlsdoctor/finding"
	"github.com/mtlsdoctor/mtlsdoctor/internal/lazyre"
	"github.com/mtlsdoctor/mtlsdoctor/logparse"
	"github.com/mtlsdoctor/mtlsdoctor/report"
)

var (
	// Lua writes "(20: unable to get ...)" with a space after the colon.
	reSpacedCode = lazyre.New(`\((\d{1,3}): `)
	// The user's own "(N:text)" or "N:text" spelling of a verify result.
	reUserCode = lazyre.New(`(?:^|\()(\d{1,3}): ?([a-zA-Z][^)\n]*)`)
	// OpenSSL's info callback's alert lines, as s_client -state,
	// FreeRADIUS ("alert write:fatal:unknown CA") and wpa_supplicant ("SSL3
	// alert: write (local SSL3 detected an error):fatal:unknown CA") print them.
	reAlertRW = lazyre.New(`(?i)alert:? (?:read|write)(?: \([^)]*\))?:fatal:`)
	// openssl verify's wrong purpose at a CA's depth.
	reCAPurpose = lazyre.New(`\b26 at [1-9]\d* depth`)
	// An http:// URL to port 443: plain HTTP to the port that speaks TLS.
	reHTTPTo443 = lazyre.New(`(?i)\bhttp://[^/\s"'<>]+:443(?:[/"'\s]|$)`)
	// node's host check when a URL's scheme was taken for the host.
	reSchemeAsHost = lazyre.New(`(?i)\bhost: (https?)\.? is not in the cert's`)
	// mod_ssl's routine start-up and connection lines at info level
	// (Init, Configuring server, Certificate and private key configured,
	// compiled against, Connection to child established), seen in a real
	// Apache 2.4 run.
	reRoutineLevel = lazyre.New(`\[ssl:info\].*\bAH0(?:1883|1887|1914|2568|1876|1964):`)
	reNodeCode     = lazyre.New(`\b[A-Z][A-Z0-9]+(?:_[A-Z0-9]+){2,8}\b`)
	// Python's ssl.match_hostname: "hostname 'X' doesn't match either of
	// 'a', 'b'" (or "doesn't match 'a'").
	rePythonNames = lazyre.New(`hostname ['"]([^'"\s]+)['"] doesn(?:'|\\')?t match (?:either of )?(.+)`)
	// The name a client wanted and the server's certificate lacked, in
	// Go's, node's, curl's and Java's words.
	reWantedName = lazyre.New(`(?i)(?:` + strings.Join([]string{`x509: certificate is valid for .*?, not `, `but wanted to match `,
		`cannot validate certificate for `, `host: `, `ip: `, `match(?:es)? target host name '`, `dns name matching `,
		`ip address `, `certificate for <`}, "|") + `)([A-Za-z0-9_.:-]+)`)
	// The file OpenSSL's system library could not open or stat.
	reSysFile = lazyre.New(`(?:fopen|stat)\('?([/A-Za-z0-9_.-]+)`)
	// A certificate, key or CA file a line names by its path.
	reNamedFile   = lazyre.New(`(?:/|\b[A-Za-z]:\\)[^\s'"():,]*\.(?:pem|key|crt|cer|der)\b`)
	reDotnetAlert = lazyre.New(`(?i)sent a tls alert: '([A-Za-z]+)'`)
	typographic   = strings.NewReplacer("\u2018", "'", "\u2019", "'", "\u201c", `"`, "\u201d", `"`)
	reMacroReason = lazyre.New(`\b(?:ERR_SSL_)?((?:SSLV3|TLSV1|TLSV13)_ALERT_[A-Z_]+|[A-Z]+(?:_[A-Z]+){1,8})\b`)
)

// Explain answers `mtlsdoctor explain` for one pasted input: a finding for
// each verify code and catalogue entry it matches, in the catalogue's words,
// told from the side of the program that wrote the line (its reporter and
// role: a verify code printed by curl or by nginx to its upstream is about
// the server's certificate, and its fix is that client's trust settings).
func Explain(input string) *report.Report {
	rep := explainLine(input)
	if len(rep.Findings) > 0 {
		if f := &rep.Findings[0]; bugNoteFits(*f) {
			f.Fix = catalogue.BeforeConfirm(f.Fix, catalogue.ProgramBugNote)
		}
	}
	return rep
}

// bugNoteFits reports whether the finding is a failure of a program other
// than nginx and openssl, whose fix says nothing of its releases yet: the
// program's own bug is then among the causes.
func bugNoteFits(f report.Finding) bool {
	if f.Severity == report.Info || f.Reporter == "" || f.Reporter == "nginx" || f.Reporter == "openssl" {
		return false
	}
	lf := strings.ToLower(f.Fix)
	return !strings.Contains(lf, " release") && !strings.Contains(lf, "upgrade")
}

func explainLine(input string) *report.Report {
	if t := strings.TrimSpace(input); len(t) > 2 && t[0] == '`' && t[len(t)-1] == '`' {
		input = strings.Trim(t, "`") // a line pasted as code
	}
	// Typographic quotes a blog or forum put in place of the program's own.
	input = typographic.Replace(input)
	if strings.Contains(input, `\"`) {
		// A message quoted inside a JSON log record or a Go error
		// (`error="Get \"https://...\": x509: ..."`): its own quotes.
		input = strings.ReplaceAll(input, `\"`, `"`)
	}
	if strings.Contains(input, `\r\n`) {
		// Output captured into a JSON field (Ansible's module_stderr):
		// its line breaks, which may fall inside a message, as spaces.
		input = strings.ReplaceAll(input, `\r\n`, " ")
	}
	att := logparse.Attribute(input)
	if side := catalogue.FuncSide(input); side != "" && att.Reporter != "nginx" && att.Context == "" {
		// The OpenSSL function that failed runs on one side only.
		att.Role = side
	}
	// Markdown emphasis people add when pasting ("**Subject Alternative Names**").
	text := strings.ReplaceAll(input, "**", "")
	// s_client's "SSL3 alert read:fatal:bad certificate" is the alert.
	text = reAlertRW.ReplaceAllString(text, "alert ")
	if i := strings.Index(strings.ToLower(text), "fopen:no such process"); i >= 0 && strings.Contains(text, "fopen('") && !strings.Contains(text, `fopen('\\`) {
		// OpenSSL on Windows names error 3, a path not found, by the
		// C library's ESRCH text (a UNC path has its own story).
		text = text[:i] + "fopen:No such file or directory" + text[i+len("fopen:no such process"):]
		input = text
	}
	if strings.Contains(strings.ToLower(text), "verify error") {
		text = reSpacedCode.ReplaceAllString(text, "($1:")
	}
	bearWords := ""
	if t, words, ok := catalogue.BearSSLText(text); ok {
		// BearSSL's code (Tasmota, the Arduino cores): a device, the
		// client, in the words of the same failure.
		text += " (" + t + ")"
		input += " (" + t + ")"
		bearWords = words
		att.Role, att.Guessed = logparse.RoleClient, false
	}
	codes, entries := catalogue.Lookup(text)
	if reHTTPTo443.MatchString(text) {
		// Whatever the line says of what followed (a closed
		// connection, an error page), its URL sends plain HTTP to the
		// TLS port: that is the cause to tell first.
		_, e := catalogue.Lookup(catalogue.HTTPTo443Marker)
		if i := slices.IndexFunc(e, func(en catalogue.Entry) bool { return slices.Contains(en.Match, catalogue.HTTPTo443Marker) }); i >= 0 {
			entries = append([]catalogue.Entry{e[i]}, entries...)
		}
	}
	if len(codes) == 0 && onlyGeneric(entries) {
		// BoringSSL's and Python's macro reasons, in OpenSSL's words (a
		// reason's generic story, found by its number, tells less).
		if c, e := catalogue.Lookup(macroWords(text)); len(c) > 0 || len(e) > 0 && (len(entries) == 0 || !onlyGeneric(e)) {
			codes, entries = c, e
		}
	}
	if len(codes) == 0 && len(entries) == 0 && strings.Contains(text, "remote error: ") && !strings.Contains(text, "remote error: tls: ") {
		// Go before 1.5 wrote a received alert without "tls: ".
		old := strings.ReplaceAll(text, "remote error: ", "remote error: tls: ")
		if c, e := catalogue.Lookup(old); len(c) > 0 || len(e) > 0 {
			text, codes, entries = old, c, e
		}
	}
	if len(codes) == 0 && len(entries) == 0 {
		// A bare libcurl code ("curl: (60)", "cURL error 35",
		// CURLE_PEER_FAILED_VERIFICATION): libcurl's own text for it.
		if t, ok := catalogue.CurlCodeText(text); ok {
			if c, e := catalogue.Lookup(text + " " + t); len(c) > 0 || len(e) > 0 {
				codes, entries = c, e
			}
		}
	}
	if len(codes) == 0 && len(entries) == 0 {
		// node names verify results after OpenSSL's macros, without
		// X509_V_ERR_: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'.
		for _, m := range reNodeCode.FindAllString(text, 4) {
			if c, e := catalogue.Lookup("X509_V_ERR_" + m); len(c) > 0 {
				codes, entries = c, e
				break
			}
		}
	}
	att = sideByEntries(att, entries, input)
	if att.Guessed && len(entries) > 0 && guessedClient(entries[0], strings.ToLower(text)) {
		// A name check of the server's certificate, or NSS's verdict on
		// a certificate (Firefox, and clients on NSS), is a client's.
		att.Role, att.Guessed = logparse.RoleClient, false
	}
	rep := &report.Report{Command: "explain"}
	if t, server, ok := catalogue.ToolLine(text); ok && len(codes) == 0 && len(entries) == 0 {
		// A line openssl s_client or s_server prints on every connection.
		f := t.New(nil)
		f.Reporter, f.Role = "openssl", logparse.RoleClient
		if server {
			f.Role = logparse.RoleServer
		}
		rep.Findings = append(rep.Findings, f)
		rep.Finish()
		rep.Next = report.FirstStep(f.Fix)
		return rep
	}
	lf, loadable := anyLoadFinding(input, att)
	triaged := ""
	mbedWords, mbedMore := "", ""
	if len(codes) == 0 && !loadable && !slices.ContainsFunc(entries, func(en catalogue.Entry) bool { return en.Product }) {
		// Mbed TLS's words for a failed check ("The certificate validity
		// starts in the future"): the same failure in OpenSSL's words
		// (a product's own entry for its line tells more).
		if reason, words, more, ok := catalogue.MbedTLSVerifyInfo(strings.ToLower(text)); ok {
			if c, e := catalogue.Lookup(reason); len(c) > 0 {
				codes, entries, mbedWords, mbedMore = c, e, words, more
				input += " (" + reason + ")"
			}
		}
	}
	if len(codes) == 0 && len(entries) == 0 && !loadable {
		// A verify result whose text the paste cut short ("unable to get
		// local issuer certif"): the result it begins.
		if v, ok := catalogue.VerifyByCutText(strings.ToLower(strings.TrimSpace(text))); ok {
			if c, e := catalogue.Lookup(v.Text); len(c) > 0 {
				codes, entries = c, e
				input += " (" + v.Text + ")"
			}
		}
	}
	if len(codes) == 0 && len(entries) == 0 && !loadable {
		// No entry has the line's wording, but its words state a cause
		// plainly ("untrusted server certificate"): tell that cause.
		if reason, words, ok := catalogue.Triage(strings.ToLower(text)); ok {
			if c, e := catalogue.Lookup(reason); len(c) > 0 || len(e) > 0 {
				codes, entries, triaged = c, e, words
				// The rest reads the line as if it said so too (a
				// received alert's side), and a guessed side is the
				// entry's when it has one (a pin is a client's).
				input += " (" + reason + ")"
				att = sideByEntries(att, entries, input)
			}
		}
	}
	if len(codes) == 0 && len(entries) == 0 && !loadable && tlsWords(strings.ToLower(text)) {
		// Nothing matched, but the line is about TLS: say whose it is.
		t := catalogue.UnexplainedServerText
		severity := report.Warning
		wt := writerText(att)
		sideUnknown := false // the role below is only the likelier one
		switch {
		case reRoutineLevel.MatchString(text):
			// Apache's routine start-up and connection lines.
			t, severity = catalogue.UnexplainedRoutineText, report.Info
		case att.Reporter == "nginx" && (strings.Contains(text, " [debug] ") || strings.HasPrefix(text, "[debug] ")):
			// nginx's debug trace of a handshake.
			t, severity = catalogue.TLSDebugText, report.Info
		case wt != nil:
			// A runtime whose usual causes and settings are known.
			t = *wt
		case att.Guessed:
			// The likelier side of such lines is the client's: 32 of the
			// 53 development lines this answer met were a client's.
			t, sideUnknown = catalogue.UnexplainedEitherText, true
			att.Role = logparse.RoleClient
		case att.Role == logparse.RoleClient:
			t = catalogue.UnexplainedClientText
		}
		f := t.New(nil)
		f.Severity = severity
		f.Reporter, f.Role = att.Reporter, att.Role
		f.SideUnknown = sideUnknown
		rep.Findings = append(rep.Findings, f)
		rep.Finish()
		rep.Next = report.FirstStep(f.Fix)
		return rep
	}
	clientGuessed := false
	if att.Guessed && att.Role == logparse.RoleServer && att.Reporter != "nginx" && len(codes) > 0 && (!bareVerify(text, codes) || !strings.ContainsAny(text, "0123456789")) &&
		!strings.Contains(strings.ToLower(text), "client cert") {
		// A verify result inside another program's words ("npm ERR!
		// self signed certificate in certificate chain", "Get err
		// `unable to get local issuer certificate`"), or its text alone
		// without nginx's "(N:" code: nginx never writes it so, and most
		// programs that do are clients (every bare text among the pasted
		// lines was a client's), unless they say it was a client's
		// certificate.
		att.Role, clientGuessed = logparse.RoleClient, true
	}
	own := false
	for _, en := range entries {
		own = own || en.Own
	}
	if own && att.Reporter != "nginx" {
		// The writer's own entry tells it: nginx's story of the same
		// words (its start-up check of a key, say) is not this program's.
		entries = dropKind(entries, "nginx")
	}
	for i, v := range codes {
		var f report.Finding
		switch {
		case own && att.Reporter != "nginx":
			continue // the writer's own entry tells it
		case att.Role == logparse.RoleClient:
			f = clientVerifyFinding(att, v)
			if clientGuessed {
				// The side is a guess: no "nginx plays no part".
				f.Explanation = strings.Replace(f.Explanation, catalogue.ClientVerifyNotNginx, ".", 1)
				f.Explanation += " " + catalogue.VerifyClientGuessed
			} else if att.Reporter == "openssl" && strings.Contains(strings.ToLower(text), "verify error:num=") {
				f.Explanation += " " + catalogue.VerifyServerToo
			}
			entries = dropID(entries, f.ID)
		case catalogue.KnowsServer(att.Reporter) && !att.Guessed:
			// Another server's verdict on its client's certificate.
			f = serverVerifyFinding(v)
			f.Title, f.Explanation, f.Fix = catalogue.OtherServerVerify(att.Reporter, v)
			f.Fix = catalogue.WithConfirm(f.Fix, strings.ReplaceAll(v.Confirm, "/etc/nginx/", ""))
		default:
			f = serverVerifyFinding(v)
			if att.Guessed {
				f.Explanation += " " + catalogue.VerifySideGuessed(v.Code)
			}
		}
		if user, ok := userSpelling(input, v); ok {
			f.OpenSSLError = fmt.Sprintf("%d:%s", v.Code, user)
			f.Explanation += " " + catalogue.Fill(catalogue.YouWrote, catalogue.Vars{"text": f.OpenSSLError})
		}
		f.Priority = i
		rep.Findings = append(rep.Findings, f)
	}
	reason := logparse.Reason(input)
	for i, en := range entries {
		fix := catalogue.WithConfirm(en.FixFor(reason), en.Confirm)
		f := en.ID.New(en.Title, en.Explanation, fix)
		f.OwnFix = en.Product
		f.Severity = report.Error
		if sp := en.ID.Spec(); sp.Severity != finding.Error && en.Kind != "alert" && en.Kind != "status" {
			f.Severity = sp.Severity
		}
		f.Priority = len(codes) + i
		rep.Findings = append(rep.Findings, f)
	}
	if loadable && len(rep.Findings) > 0 && rep.Findings[0].OwnFix && loadID(rep.Findings[0].ID) {
		// A program's own entry for the file it could not load (a CLI
		// reading the server's certificate it trusts) tells more than
		// the file's generic cause.
		loadable = false
	}
	if loadable {
		// One file, one cause (nginx's, or another program's own
		// certificate or key): it replaces the generic load entries.
		lf.Priority = -1
		if strings.Contains(input, catalogue.DebianBundle) {
			lf.Explanation += " " + catalogue.DebianBundleNote
		}
		rep.Findings = append([]report.Finding{lf}, dropLoad(rep.Findings)...)
	}
	if len(rep.Findings) > 0 && rep.Findings[0].ID == catalogue.KeyLoadFailed {
		// curl's key load error without a cause that shows: its commands
		// name the file the line names.
		if path := curlKeyFile(input); path != "" {
			rep.Findings[0].Fix = strings.ReplaceAll(rep.Findings[0].Fix, "client.key", path)
		}
	}
	if lw := strings.ToLower(input); att.Role == logparse.RoleClient && att.Context == "" && len(codes) == 0 && len(rep.Findings) > 0 &&
		(strings.Contains(lw, "certificate verify failed") || strings.Contains(lw, "certificate_verify_failed") || catalogue.SSLVerifyFailed(lw) ||
			// a program's own words, not OpenSSL's X509 reason in its queue
			strings.Contains(lw, "certificate verification failed") && !strings.Contains(lw, "error:")) {
		// A client's bare verify failure: most often the server's CA is
		// not among its roots. Tell it how this client is given one.
		if id := rep.Findings[0].ID; id == catalogue.HandshakeFailed || id == catalogue.OpenSSLReason {
			if !own {
				// Not a writer's own story: the client's refusal of the
				// server's certificate, told once.
				rep.Findings = append([]report.Finding{catalogue.ClientRefusedChainText.New(nil)}, dropFindings(rep.Findings[1:], catalogue.ServerCertUntrusted)...)
			}
			rep.Findings[0].Fix = catalogue.ClientFix(catalogue.ClientKey(att.Reporter, att.Context, att.Program), 20)
		}
	}
	if lw := strings.ToLower(input); att.Role == logparse.RoleServer && att.Reporter != "nginx" && len(codes) == 0 && len(rep.Findings) > 0 &&
		(strings.Contains(lw, "certificate verify failed") || strings.Contains(lw, "certificate_verify_failed")) {
		// Another server's failed check of its client's certificate.
		if id := rep.Findings[0].ID; id == catalogue.HandshakeFailed || id == catalogue.OpenSSLReason {
			f := catalogue.ServerRefusedClientText.New(nil)
			f.Severity = report.Error
			rep.Findings[0] = f
		}
	}
	if lw := strings.ToLower(input); att.Role == logparse.RoleClient && att.Reporter != "nginx" && att.Context == "" && !att.Guessed && len(rep.Findings) > 0 &&
		(strings.Contains(lw, "wrong version number") || strings.Contains(lw, "wrong_version_number")) {
		// A client read plain text where the server's answer belonged:
		// its own story, not the mixed one of the reason's entry.
		if f0 := rep.Findings[0]; (f0.ID == catalogue.HandshakeFailed || f0.ID == catalogue.OpenSSLReason) && !f0.OwnFix && !own {
			f := catalogue.ClientGotPlainText.New(nil)
			f.Severity = report.Error
			rep.Findings[0] = f
		}
	}
	if lw := strings.ToLower(input); att.Role == logparse.RoleClient && !att.Guessed && len(rep.Findings) > 0 &&
		(att.Reporter != "nginx" && att.Reporter != "unknown" && att.Context == "" || att.Reporter == "nginx" && att.Context == logparse.CtxUpstream) &&
		(strings.Contains(lw, "unexpected eof while reading") || strings.Contains(lw, "unexpected_eof_while_reading")) {
		// A client (nginx to its upstream included) found the server's end
		// of the connection: its own story, not that of a server whose
		// clients hang up.
		if f0 := rep.Findings[0]; f0.ID == catalogue.HandshakeFailed && !f0.OwnFix && !own {
			f := catalogue.ClientUnexpectedEOFText.New(nil)
			f.Severity = report.Warning
			rep.Findings[0] = f
		}
	}
	if lw := strings.ToLower(input); att.Role == logparse.RoleServer && att.Reporter != "nginx" && !att.Guessed && len(rep.Findings) > 0 && plainOnTLS(lw) {
		// Another server read plain text on its TLS port: its own story,
		// not nginx's or a client's (a product's own entry tells it better).
		if f0 := rep.Findings[0]; (f0.ID == catalogue.HandshakeFailed || f0.ID == catalogue.OpenSSLReason) && !f0.OwnFix {
			f := catalogue.ServerGotPlainText.New(nil)
			f.Severity = report.Warning
			rep.Findings[0] = f
		}
	}
	if name := listedName(input); name != "" && len(rep.Findings) > 0 && rep.Findings[0].ID == catalogue.ServerHostnameMismatch {
		// Python's words list the certificate's names: the one connected
		// to is among them.
		f := retold(rep.Findings[0], catalogue.ListedNameText, catalogue.Vars{"name": name})
		f.Priority = rep.Findings[0].Priority - 1
		rep.Findings = append([]report.Finding{f}, rep.Findings...)
	}
	if m := reSchemeAsHost.FindStringSubmatch(input); m != nil {
		// node's "Host: https. is not in the cert's altnames".
		for i := range rep.Findings {
			if rep.Findings[i].ID == catalogue.ServerHostnameMismatch {
				rep.Findings[i] = retold(rep.Findings[i], catalogue.SchemeAsHostText, catalogue.Vars{"name": m[1]})
			}
		}
	}
	if name := wantedName(input); name != "" {
		// Go's words name the ServerName exactly as the program set it.
		host, withPort := hostWithPort(name)
		withPort = withPort && strings.Contains(input, "x509: certificate is valid for ")
		for i := range rep.Findings {
			switch {
			case rep.Findings[i].ID != catalogue.ServerHostnameMismatch:
			case withPort:
				// No certificate names a port: the name is the fault.
				rep.Findings[i] = retold(rep.Findings[i], catalogue.ServerNameWithPortText, catalogue.Vars{"name": name, "host": host})
			case strings.Contains(name, "..") || strings.HasPrefix(name, "."):
				// A name built from an empty part ("client..nomad").
				rep.Findings[i] = retold(rep.Findings[i], catalogue.EmptyLabelText, catalogue.Vars{"name": name})
			default:
				rep.Findings[i].Fix = withName(rep.Findings[i].Fix, name)
			}
		}
	}
	if att.Role == logparse.RoleClient && att.Reporter != "nginx" {
		// The fix in the words of the program that printed the line.
		for i := range rep.Findings {
			if rep.Findings[i].OwnFix {
				continue // the product's own entry names its fix
			}
			if fix, ok := catalogue.ProgramFix(att.Program, rep.Findings[i].ID, rep.Findings[i].Code); ok {
				rep.Findings[i].Fix = fix
			}
		}
	}
	if att.Role == logparse.RoleClient && att.Reporter != "nginx" {
		publicServer(rep, input)
	}
	if n, ok := catalogue.ReceivedCertAlert(strings.ToLower(input)); ok && att.Role == logparse.RoleClient && len(rep.Findings) > 0 && rep.Findings[0].ID == catalogue.TLSAlert {
		// The server refused this client's certificate, and the program
		// says which server it was.
		if fix, ok := catalogue.RefusedByServerFix(att.Program, n); ok {
			rep.Findings[0].Fix = fix
		}
	}
	if strings.Contains(input, `"grpcs://`) {
		for i := range rep.Findings {
			rep.Findings[i].Fix = strings.ReplaceAll(rep.Findings[i].Fix, "proxy_ssl_", "grpc_ssl_")
		}
	}
	if n, ok := catalogue.SentCertAlert(strings.ToLower(input)); ok && att.Role == logparse.RoleClient && att.Context == "" && len(rep.Findings) > 0 &&
		(rep.Findings[0].ID == catalogue.TLSAlert || rep.Findings[0].ID == catalogue.OpenSSLReason) {
		// A client's own alert about the server's certificate.
		key := catalogue.ClientKey(att.Reporter, att.Context, att.Program)
		f := catalogue.ClientSentAlertFinding(n, catalogue.ClientName(key), catalogue.ClientFix(key, 20))
		f.Severity = report.Error
		rep.Findings[0] = f
	}
	if n, ok := catalogue.SentCertAlert(strings.ToLower(input)); ok && att.Role == logparse.RoleServer && att.Reporter != "nginx" && len(rep.Findings) > 0 && rep.Findings[0].ID == catalogue.TLSAlert {
		// A server's own alert about its client's certificate.
		f := catalogue.ServerSentAlertFinding(n)
		f.Severity = report.Error
		rep.Findings[0] = f
	}
	if n, ok := catalogue.ReceivedCertAlert(strings.ToLower(input)); ok && att.Role == logparse.RoleServer && len(rep.Findings) > 0 {
		// A server got a certificate alert: its client refused the
		// server's certificate, whatever the generic entry says (nginx's
		// own entries for its handshakes already say so).
		switch id := rep.Findings[0].ID; {
		case id == catalogue.TLSAlert, id == catalogue.OpenSSLReason, id == catalogue.ClientCertRejected && att.Reporter != "nginx":
			f := catalogue.ServerAlertFinding(n, att.Guessed)
			f.Severity = report.Error
			rep.Findings = append([]report.Finding{f}, rep.Findings[1:]...)
		}
	}
	if att.Role == logparse.RoleServer && catalogue.KnowsServer(att.Reporter) && len(rep.Findings) > 0 && !rep.Findings[0].OwnFix &&
		(catalogue.ServerToo(att.Reporter) != "" || logparse.JudgesClientCerts(strings.ToLower(input))) {
		// Another server's stack trace or traceback shows that it judged
		// its client's certificate, in words its clients print too.
		if code := serverJudged(rep.Findings[0].ID, strings.ToLower(input)); code != 0 {
			if v, ok := catalogue.Verify(code); ok {
				f := serverVerifyFinding(v)
				f.Title, f.Explanation, f.Fix = catalogue.OtherServerVerify(att.Reporter, v)
				rep.Findings[0] = f
			}
		}
	}
	if catalogue.ServerToo(att.Reporter) != "" && att.Role == logparse.RoleClient && att.Context == "" && len(rep.Findings) > 0 &&
		!logparse.ShowsClient(strings.ToLower(input)) {
		// A verify failure that the runtime's servers print in the same
		// words: the line alone does not show the side.
		if f := &rep.Findings[0]; f.ID == catalogue.ServerCertUntrusted || f.ID == catalogue.ServerCertExpired {
			if too := catalogue.ServerTooFor(att.Reporter, f.Explanation); too != "" {
				f.Explanation += " " + too
			}
		}
	}
	nextSteps(rep, att, input)
	for i := range rep.Findings {
		f := &rep.Findings[i]
		f.Reporter, f.Role = att.Reporter, att.Role
		// The openssl command making or reading files: no handshake.
		f.NoHandshake = f.ID == catalogue.OpenSSLCommand
		// A program's own file it could not load, in a line that names
		// neither the program nor its side: the role is only the likelier.
		f.SideUnknown = f.SideUnknown || att.Guessed && att.Reporter == "unknown" && loadID(f.ID)
		inContext(f, strings.ToLower(input), att)
	}
	if len(rep.Findings) > 0 && triaged == "" {
		// OpenSSL's system library names the file it could not open
		// ("fopen('/etc/ldap/server.key','r')", "calling stat(/path)"):
		// the commands look at that file.
		if m := reSysFile.FindStringSubmatch(input); m != nil {
			f := &rep.Findings[0]
			for _, stand := range []string{"/etc/ssl/private/server.key", "/etc/ssl/certs/server.crt"} {
				f.Fix = strings.ReplaceAll(f.Fix, stand, m[1])
			}
		}
	}
	if triaged != "" && len(rep.Findings) > 0 {
		if path := reNamedFile.FindString(input); path != "" {
			// The file the line names, in place of the entry's stand-in
			// where a command reads it (never where one writes).
			f := &rep.Findings[0]
			for _, stand := range []string{"tls.key", "tls.crt", "ca.pem"} {
				for _, arg := range []string{"-in ", "-certfile ", "head -n 1 "} {
					f.Fix = strings.ReplaceAll(f.Fix, arg+stand, arg+path)
				}
			}
		}
		rep.Findings[0].Explanation += " " + catalogue.Fill(catalogue.TriagedNote, catalogue.Vars{"words": triaged})
	}
	if bearWords != "" && len(rep.Findings) > 0 {
		rep.Findings[0].Explanation += " " + catalogue.Fill(catalogue.BearSSLNote, catalogue.Vars{"words": bearWords})
	}
	if mbedWords != "" && len(rep.Findings) > 0 {
		rep.Findings[0].Explanation += " " + catalogue.Fill(catalogue.MbedTLSVerifyNote, catalogue.Vars{"words": mbedWords})
		if mbedMore != "" {
			rep.Findings[0].Explanation += " " + mbedMore
		}
	}
	rep.Finish()
	if len(rep.Findings) > 0 {
		// explain is about one line: the first step of its first fix.
		rep.Next = report.FirstStep(rep.Findings[0].Fix)
	}
	return rep
}

// serverJudged is the verify code of a client's finding (the client
// refused the server's certificate) when a server wrote the same words
// about its client's certificate; 0 for other findings.
func serverJudged(id finding.ID, lower string) int {
	if id != catalogue.ServerCertUntrusted && id != catalogue.ServerCertExpired {
		return 0
	}
	switch {
	case strings.Contains(lower, "revoked"):
		return 23
	case strings.Contains(lower, "not yet valid") || strings.Contains(lower, "notyetvalid"):
		return 9
	case id == catalogue.ServerCertExpired:
		return 10
	}
	return 20
}

// tlsWords reports whether a line (lower-case) speaks of TLS or
// certificates at all.
func tlsWords(lower string) bool {
	for _, w := range []string{"ssl", "tls", "x509", "x.509", "certificate", "handshake", "pkix", "openssl", "boringssl", "mbedtls", "wolfssl", "gnutls", "schannel", "https", "ocsp",
		"keystore", "truststore", "trust store", "pkcs12", "pkcs#12", ".pem", ".p12", ".pfx", "sspi"} {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return certWord(lower)
}

// certWord reports whether lower has "cert" or "certs" as a word of its
// own ("client-cert", "bad certs") or as "cacert", but not "certain" or
// "concert".
func certWord(lower string) bool {
	for i := 0; ; {
		j := strings.Index(lower[i:], "cert")
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len("cert")
		if end < len(lower) && lower[end] == 's' {
			end++
		}
		before := start == 0 || !isLetter(lower[start-1]) || strings.HasSuffix(lower[:start], "ca")
		if before && (end == len(lower) || !isLetter(lower[end])) {
			return true
		}
		i = start + 1
	}
}

func isLetter(b byte) bool { return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' }

// retold is finding old told again in text t: the same severity, writer
// and role, another story.
func retold(old report.Finding, t catalogue.Text, v catalogue.Vars) report.Finding {
	f := t.New(v)
	f.Severity, f.Reporter, f.Role = old.Severity, old.Reporter, old.Role
	return f
}

// wantedName is the host name or IP address a client's line says the
// server's certificate lacked, or "".
func wantedName(input string) string {
	m := reWantedName.FindStringSubmatch(input)
	if m == nil {
		return ""
	}
	name := strings.TrimRight(m[1], ".:")
	if name == "" || !strings.ContainsAny(name, ".:") && name != "localhost" {
		return ""
	}
	if _, err := netip.ParseAddr(name); strings.Contains(name, ":") && err != nil {
		if _, ok := hostWithPort(name); !ok {
			return "" // a pinned key's name (Tailscale's sha256-raw:...), not a host
		}
	}
	return name
}

// hostWithPort reports whether name is a host name or IPv4 address
// followed by a port, and gives the host.
func hostWithPort(name string) (string, bool) {
	i := strings.LastIndexByte(name, ':')
	if i <= 0 || strings.Contains(name[:i], ":") {
		return "", false // no port, or an IPv6 address
	}
	port := name[i+1:]
	if port == "" || len(port) > 5 || strings.Trim(port, "0123456789") != "" {
		return "", false
	}
	return name[:i], true
}

// withName puts the wanted name into a fix's example subjectAltName.
func withName(fix, name string) string {
	if addr, err := netip.ParseAddr(name); err == nil {
		ip := "IP:" + addr.String()
		fix = strings.ReplaceAll(fix, "DNS:host.example.com,IP:192.0.2.10", ip)
		return strings.ReplaceAll(fix, "DNS:host.example.com", ip)
	}
	fix = strings.ReplaceAll(fix, "DNS:host.example.com,IP:192.0.2.10", "DNS:"+name)
	return strings.ReplaceAll(fix, "host.example.com", name)
}

// serverVerifyFinding is a verify code as nginx (the server) logs it about
// a client certificate.
func serverVerifyFinding(v catalogue.VerifyCode) report.Finding {
	sev := report.Error
	if v.Code == 0 {
		sev = report.Info
	}
	why := v.Meaning
	if v.Causes != "" {
		why += "\n" + v.Causes
	}
	return report.Finding{
		ID: catalogue.VerifyError, Severity: sev,
		Title:       fmt.Sprintf("OpenSSL verify error %d: %s", v.Code, v.Text),
		Explanation: why, Fix: catalogue.WithConfirm(v.Fix, v.Confirm), Code: v.Code, OpenSSLError: v.OpenSSLError(),
	}
}

// clientVerifyFinding is a verify code printed by a TLS client about the
// server's certificate: nginx to its upstream, a Lua cosocket, curl...
func clientVerifyFinding(att logparse.Attribution, v catalogue.VerifyCode) report.Finding {
	key := catalogue.ClientKey(att.Reporter, att.Context, att.Program)
	who := catalogue.ClientName(key)
	if v.Code == 0 {
		f := catalogue.ClientVerifiedText.New(catalogue.Vars{"who": who})
		f.Severity = report.Info
		f.Code, f.OpenSSLError = v.Code, v.OpenSSLError()
		return f
	}
	t, meaning := catalogue.ClientVerifyText, catalogue.ClientMeaning(v.Code, v.Text)
	if key == "openssl-verify" {
		t, meaning = catalogue.OfflineVerifyText, catalogue.OfflineMeaning(v.Code, v.Text)
	}
	f := t.New(catalogue.Vars{
		"who": who, "code": fmt.Sprint(v.Code), "text": v.Text, "meaning": meaning,
		"fix": catalogue.ClientFix(key, v.Code),
	})
	switch {
	case att.Context == logparse.CtxUpstream:
		f.ID = catalogue.UpstreamVerifyError
	case att.Context == logparse.CtxLua:
		f.ID = catalogue.LuaVerifyError
	case att.Context == logparse.CtxOCSP:
		f.ID = catalogue.StaplingFailed
	case v.Code == 9 || v.Code == 10:
		f.ID = catalogue.ServerCertExpired
	case v.Code == 62 || v.Code == 64:
		f.ID = catalogue.ServerHostnameMismatch
	default:
		f.ID = catalogue.ServerCertUntrusted
	}
	f.Severity = report.Error
	f.Code, f.OpenSSLError = v.Code, v.OpenSSLError()
	return f
}

// userSpelling is the text the input gives for v's code when it is not
// OpenSSL 3's text for it (1.1.1's "unsupported certificate purpose").
func userSpelling(input string, v catalogue.VerifyCode) (string, bool) {
	for _, m := range reUserCode.FindAllStringSubmatch(input, 8) {
		if m[1] != fmt.Sprint(v.Code) {
			continue
		}
		t := strings.TrimSpace(m[2])
		if !strings.EqualFold(t, v.Text) && t != "" {
			return t, true
		}
	}
	return "", false
}

// macroWords turns macro-style reasons into OpenSSL's words:
// SSLV3_ALERT_CERTIFICATE_UNKNOWN is "sslv3 alert certificate unknown".
func macroWords(s string) string {
	// .NET names the alert it got by its TlsAlertMessage member:
	// "the remote party sent a TLS alert: 'HandshakeFailure'".
	s = reDotnetAlert.ReplaceAllStringFunc(s, func(m string) string {
		name := reDotnetAlert.FindStringSubmatch(m)[1]
		var b strings.Builder
		for i, r := range name {
			if i > 0 && r >= 'A' && r <= 'Z' && !(name[i-1] >= 'A' && name[i-1] <= 'Z') {
				b.WriteByte(' ')
			}
			b.WriteRune(r)
		}
		return "received alert " + strings.ToLower(b.String())
	})
	return reMacroReason.ReplaceAllStringFunc(s, func(m string) string {
		m = strings.TrimPrefix(m, "ERR_SSL_")
		return strings.ToLower(strings.ReplaceAll(m, "_", " "))
	})
}

// onlyGeneric reports whether no entry but catch-alls and a reason's
// generic story matched.
func onlyGeneric(entries []catalogue.Entry) bool {
	for _, e := range entries {
		if !e.Fallback && e.ID != catalogue.OpenSSLReason {
			return false
		}
	}
	return true
}

func dropID(entries []catalogue.Entry, id finding.ID) []catalogue.Entry {
	return without(entries, func(e catalogue.Entry) bool { return e.ID == id })
}

// dropFindings is fs without the findings of id.
func dropFindings(fs []report.Finding, id finding.ID) []report.Finding {
	return without(fs, func(f report.Finding) bool { return f.ID == id })
}

// without is a copy of xs without the elements drop is true for.
func without[T any](xs []T, drop func(T) bool) []T {
	out := xs[:0:0]
	for _, x := range xs {
		if !drop(x) {
			out = append(out, x)
		}
	}
	return out
}

// noise are the reasons scanners and one-off clients cause on a server:
// worth a note, not an error, unless they are frequent.
var noise = []string{"unsupported protocol", "no shared cipher", "unexpected eof", "inappropriate fallback",
	"client offered only unsupported versions", "unsupported sslv2 handshake received", ": success",
	"wrong version number", "http request", "version too low", "no protocols available", "packet length too long",
	"unknown protocol", "bad key share", "client closed connection", "peer closed connection", "no suitable signature algorithm",
	"record layer failure", "length too short", "bad record type", "unexpected message", "decryption failed or bad record mac",
	"first record does not look like a tls handshake", "end of file found", "no common signature algorithms", "no_common_signature_algorithms",
	": eof", "client initiated renegotiation", "with abortive shutdown", "connection closed during ssl handshake", "timeout during ssl handshake",
	"no cipher suite supported by both client and server", "ccs received early", "recv() failed (104: connection reset by peer)", "acme/autocert: missing server name", "acme/autocert: host not configured", "is not enabled or supported in server context", "ssl_accept error from",
	"ssl_write() failed (32: broken pipe)", "ssl_write() failed (104: connection reset by peer)"}

// notes are a server's words for something that did not fail: ProxySQL
// logs every TLS client without a certificate, asked for or not; Windows
// logs a machine without a default server certificate, which few
// services use.
var notes = []string{"x509 error: no required certificate sent by client", "no suitable default server credential exists"}

// harmless are words of something that did not fail, whichever side
// wrote them: a stapler with no responder to ask (Caddy), a server
// without a CA for client certificates it does not ask for
// (libwebsockets).
var harmless = []string{"no ocsp server specified in certificate", "ssl_ctx_load_verify_locations unhappy"}

// IsNoise reports whether a server's line (lower-case) is of the kind
// scanners and one-off clients cause.
func IsNoise(lower string) bool { return anyIn(lower, noise) }

// anyIn reports whether s contains one of words.
func anyIn(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// sayHarmless opens f's explanation with "usually harmless", unless its
// entry already says so ("bad key share" has its own words for it).
func sayHarmless(f *report.Finding) {
	if !strings.Contains(strings.ToLower(f.Explanation), "harmless") {
		f.Explanation = catalogue.UsuallyHarmless + " " + f.Explanation
	}
}

// objectStores are the host names of object stores whose buckets can be
// named in the host (virtual-hosted style).
var objectStores = []string{".amazonaws.com", ".wasabisys.com", ".digitaloceanspaces.com", ".backblazeb2.com", ".r2.cloudflarestorage.com", ".linodeobjects.com", ".s3."}

// inContext adjusts a finding to what the line says about its context:
// scanner noise on a server is a note, an expired verdict may be a clock.
func inContext(f *report.Finding, lower string, att logparse.Attribution) {
	// HAProxy's bare "SSL handshake failure" of a client is mostly bots and
	// old clients too; its entry already says so.
	bare := att.Reporter == "haproxy" && strings.Contains(lower, ": ssl handshake failure") && !strings.Contains(lower, "(error:")
	generic := f.ID == catalogue.HandshakeFailed || f.ID == catalogue.OpenSSLReason
	if att.Role == logparse.RoleServer && (generic && (IsNoise(lower) || bare) || anyIn(lower, notes)) {
		f.Severity = report.Info
		sayHarmless(f)
	}
	if anyIn(lower, harmless) {
		f.Severity = report.Info
	}
	if att.Reporter == "nginx" && f.ID == catalogue.VerifyError && strings.Contains(lower, "client ssl certificate verify error") &&
		strings.Contains(lower, "while ssl handshaking") && !strings.Contains(f.Explanation, catalogue.StreamRefusal) {
		// nginx's stream module logs its refusal at the end of the
		// handshake (the http module's while reading the request).
		f.Explanation += " " + catalogue.StreamVerify + " " + catalogue.StreamRefusal
	}
	if f.ID == catalogue.ServerHostnameMismatch && !strings.Contains(f.Explanation, "wildcard") {
		f.Explanation += " " + catalogue.NameRules
		if att.Reporter != "browser" {
			f.Explanation += " " + catalogue.NameUsed
		}
	}
	if f.Code == 26 && reCAPurpose.MatchString(lower) && !strings.Contains(f.Explanation, catalogue.CAPurpose) {
		f.Explanation += " " + catalogue.CAPurpose
	}
	if f.ID == catalogue.ServerHostnameMismatch && anyIn(lower, objectStores) && !strings.Contains(f.Explanation, "path-style") {
		f.Explanation += " " + catalogue.NameBucket
		f.Fix = catalogue.NameBucketFix + "\nFor a server of your own:\n" + f.Fix
	}
	if f.ID == catalogue.ServerHostnameMismatch && checkedWithPort(lower) && !strings.Contains(f.Explanation, catalogue.NameWithPort) && !strings.Contains(f.Title, "with its port") {
		f.Explanation += " " + catalogue.NameWithPort
	}
	if f.ID == catalogue.CertLoadFailed && strings.Contains(lower, ".csr") && !strings.Contains(f.Explanation, catalogue.RequestGiven) {
		f.Explanation = catalogue.RequestGiven + " " + f.Explanation
	}
	// A file refused for its permissions exists: its path was filled in
	// (a user's redaction, such as <id>, looks like a placeholder).
	if (f.ID == catalogue.CertLoadFailed || f.ID == catalogue.KeyLoadFailed) && placeholderPath(lower) && !strings.Contains(lower, "permission denied") && !strings.Contains(f.Explanation, catalogue.PlaceholderPath) {
		f.Explanation = catalogue.PlaceholderPath + " " + f.Explanation
	}
	if f.Code == 9 || f.Code == 10 || strings.Contains(lower, "expired") && !strings.Contains(lower, "crl has expired") && f.Code != 12 {
		if !strings.Contains(f.Explanation, "clock") {
			f.Explanation += " " + catalogue.ClockSkew
		}
	}
}

// dropLoad leaves out the generic findings a load error's own finding
// replaces.
func dropLoad(fs []report.Finding) []report.Finding {
	var out []report.Finding
	for _, f := range fs {
		if !loadID(f.ID) {
			out = append(out, f)
		}
	}
	return out
}

// loadID reports whether id is one of a failure to load a certificate or
// key (the ids a load error's own finding replaces).
func loadID(id finding.ID) bool {
	switch id {
	case catalogue.CertLoadFailed, catalogue.KeyLoadFailed, catalogue.LogBadPassphrase, catalogue.LogKeyMismatch,
		catalogue.StartupFailed, catalogue.Unreadable, catalogue.KeyLocked:
		return true
	}
	return false
}

// bareVerify reports whether text is only a verify result (its code, its
// text in any OpenSSL version's spelling, its macro) with punctuation, as
// nginx's "(N:text)" is pasted, and no other program's words.
func bareVerify(text string, codes []catalogue.VerifyCode) bool {
	rest := strings.ToLower(text)
	for _, v := range codes {
		for _, t := range append([]string{v.Text, v.Macro}, v.Spellings...) {
			if t != "" {
				rest = strings.ReplaceAll(rest, strings.ToLower(t), " ")
			}
		}
	}
	for _, w := range []string{"client ssl certificate verify error", "certificate verify error", "verify error", "verify return code", "x509_v_err_"} {
		rest = strings.ReplaceAll(rest, w, " ")
	}
	for _, v := range codes {
		rest = strings.ReplaceAll(rest, strconv.Itoa(v.Code), " ")
	}
	// Letters or numbers left over are another program's words ("npm ERR!
	// 72 error ..."); the code's own number is nginx's spelling.
	return strings.IndexFunc(rest, func(r rune) bool { return r >= 'a' && r <= 'z' || r >= '0' && r <= '9' }) < 0
}

// plainOnTLS is true for OpenSSL's reasons for a record that is not TLS.
func plainOnTLS(lower string) bool {
	for _, r := range []string{"wrong version number", ":http request", "unknown protocol", "http_request", "wrong_version_number"} {
		if strings.Contains(lower, r) {
			return true
		}
	}
	return false
}

// dropKind is entries without those of kind k.
func dropKind(entries []catalogue.Entry, k string) []catalogue.Entry {
	var out []catalogue.Entry
	for _, e := range entries {
		if e.Kind != k {
			out = append(out, e)
		}
	}
	return out
}

// listedName is the name a Python hostname check refused although the
// certificate's names it lists hold it, or "".
func listedName(input string) string {
	m := rePythonNames.FindStringSubmatch(input)
	if m == nil {
		return ""
	}
	for _, q := range []string{"'", "\"", "\\'"} {
		if strings.Contains(m[2], q+m[1]+q) {
			return m[1]
		}
	}
	return ""
}

// checkedWithPort reports whether Go's name check (lower-case) names a
// host with its port as the name it checked ("... not host:443"): the
// program set its TLS server name to the address, port and all.
func checkedWithPort(lower string) bool {
	i := strings.LastIndex(lower, ", not ")
	if i < 0 {
		return false
	}
	words := strings.Fields(lower[i+len(", not "):])
	if len(words) == 0 {
		return false
	}
	name := strings.Trim(words[0], "\"'`).,;")
	j := strings.LastIndexByte(name, ':')
	if j <= 0 || j == len(name)-1 || strings.Count(name, ":") > 1 {
		return false // no port, or an IPv6 address
	}
	for _, c := range name[j+1:] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// placeholderPath reports whether a load error's line (lower-case) names a
// path with a template's unfilled placeholder: "/live/{{ domain }}/",
// "${DOMAIN}", "<your-domain>".
func placeholderPath(lower string) bool {
	for _, open := range []string{"/{{", "{{ ", "${", "/<"} {
		if strings.Contains(lower, open) {
			return true
		}
	}
	return false
}

// writerText is the answer of the runtime that wrote a line no entry
// matches (its program, else its reporter), or nil.
func writerText(att logparse.Attribution) *catalogue.Text {
	for _, w := range []string{att.Program, att.Reporter} {
		if t, ok := catalogue.UnexplainedWriter(w); ok {
			return &t
		}
	}
	return nil
}

// guessedClient reports whether the entry a line of unknown side matched
// is one only clients write: a name check of the server's certificate,
// or NSS's words for a certificate it refused.
func guessedClient(en catalogue.Entry, lower string) bool {
	return en.ID == catalogue.ServerHostnameMismatch || en.ID == catalogue.ServerCertUntrusted || en.ID == catalogue.ServerCertExpired ||
		en.ID == catalogue.NSSErr && (strings.Contains(lower, "sec_error_") || strings.Contains(lower, "security library"))
}

// sideByEntries is att with the side the entries tell: a product's own
// message, which only its server or only its client writes, tells the
// side that nothing else in the line did.
func sideByEntries(att logparse.Attribution, entries []catalogue.Entry, input string) logparse.Attribution {
	if side := entrySide(entries); side != "" && (att.Guessed || att.Reporter == "unknown") && catalogue.FuncSide(input) == "" {
		att.Role, att.Guessed = side, false
	}
	return att
}

// entrySide is the side of the first entry that says its side, or "".
func entrySide(entries []catalogue.Entry) string {
	for _, en := range entries {
		if en.Side != "" {
			return en.Side
		}
	}
	return ""
}
