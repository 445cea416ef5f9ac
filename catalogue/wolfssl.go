package catalogue

import (
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/mtlsdoctor/mtlsdoctor/finding"
	"github.com/mtlsdoctor/mtlsdoctor/internal/lazyre"
)

// WolfSSLErr is the id of a wolfSSL error that no hand-written entry
// tells: its generic story, from wolfSSL's error tables.
const WolfSSLErr finding.ID = "explain/wolfssl-error"

func init() { finding.Register(libError(WolfSSLErr)) }

// WolfSSLError is one code of wolfSSL's error-ssl.h or wolfCrypt's
// error-crypt.h: its code (-188), name (ASN_NO_SIGNER_E), the words
// wolfSSL's string functions give for it in the newest version, other
// builds' and older versions' words, and whether wolfSSL 4.6.0, 5.5.4,
// 5.7.2 and 5.8.4 have it.
type WolfSSLError struct {
	Code      int
	Name      string
	Text      string
	Spellings []string
	In        [4]bool
}

// wolfsslVersions name the versions of WolfSSLError.In.
var wolfsslVersions = [4]string{"4.6.0", "5.5.4", "5.7.2", "5.8.4"}

var (
	// Names of the table's style (ASN_NO_SIGNER_E, SOCKET_ERROR_E,
	// DOMAIN_NAME_MISMATCH), looked up in the table.
	reWolfName = lazyre.New(`\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b`)
	// A negative decimal code standing alone: "error -188", "err = -155",
	// "(-308)"; not part of a longer number, a date or a version.
	reWolfCode = lazyre.New(`(?:^|[^\w.:/-])(-\d{2,4})(?:[^\w.:/-]|[.:]\D|[.:]?$)`)
	// Forms that print a wolfSSL code without naming wolfSSL: its examples'
	// "SSL_connect error -188, ..." and "wolfSSL_connect error", curl's
	// "SSL_connect failed with error -313: ...", Arduino sketches' "error =
	// -313, ..." and "err = -155".
	reWolfForm = lazyre.New(`\bssl_(?:connect|accept|read|write)(?: failed with)? error:? ?-\d|\b(?:err|error)\s*=\s*-\d{3}\b|failed to load -\d{3}, please check the file`)
)

// wolfsslMarkers show that wolfSSL wrote the line, or a program on it.
var wolfsslMarkers = []string{"wolfssl", "cyassl", "wolfcrypt", "wolfmqtt"}

// wolfsslShared are words of the table that other libraries print too
// (OpenSSL's reasons and verify results, which wolfSSL's OpenSSL
// compatibility layer copies): they find a wolfSSL error only with its
// code or name, or in a line that shows wolfSSL.
var wolfsslShared = map[string]bool{
	"certificate verify failed": true, "peer did not return a certificate": true, "certificate revoked": true,
	"unsupported cipher suite": true, "out of memory": true, "bad function argument": true,
	"unknown error number": true, "wrong_ssl_version": true, "bad/unsupported protocol version": true,
	"peer sent close notify alert": true, "decryption failed": true, "buffer error, malformed input": true,
}

// wolfsslDistinct is the length from which wolfSSL's words are taken as
// wolfSSL's without its code, name or a marker in the line.
const wolfsslDistinct = 20

// wolfsslTexts lists every error's words and spellings, longest first.
var wolfsslTexts = sync.OnceValue(func() []indexedText {
	return textIndex(len(wolfsslErrors), func(i int) []string {
		return append([]string{wolfsslErrors[i].Text}, wolfsslErrors[i].Spellings...)
	}, 12)
})

// wolfsslMarked reports whether the line shows wolfSSL or one of the
// forms its programs print codes in.
func wolfsslMarked(lower string) bool {
	for _, m := range wolfsslMarkers {
		if strings.Contains(lower, m) {
			return true
		}
	}
	return reWolfForm.MatchString(lower)
}

// findWolfSSL finds the wolfSSL errors a line names: by a code in a line
// that shows wolfSSL (those of a code two versions gave to two errors,
// the newest first; the one whose words the line also holds, alone), by
// a name of the table (one ending in _E, or any in a line that shows
// wolfSSL), else by wolfSSL's words (distinct ones anywhere,
// any in a line that shows wolfSSL).
func findWolfSSL(lower string) []WolfSSLError {
	marked := wolfsslMarked(lower)
	words := -1
	for _, t := range wolfsslTexts() {
		if strings.Contains(lower, t.text) && (marked || len(t.text) >= wolfsslDistinct && !wolfsslShared[t.text]) {
			words = t.idx
			break
		}
	}
	if marked {
		for _, m := range reWolfCode.FindAllStringSubmatch(lower, -1) {
			n, _ := strconv.Atoi(m[1])
			if n > -97 {
				continue // -1 to -8 are too common to be wolfSSL's alone
			}
			es := wolfsslByCode(n)
			if len(es) == 0 {
				continue
			}
			if words >= 0 && wolfsslErrors[words].Code == n {
				return []WolfSSLError{wolfsslErrors[words]}
			}
			return es
		}
	}
	for _, m := range reWolfName.FindAllString(lower, -1) {
		// Unmarked, only wolfSSL's _E names: others (UNSUPPORTED_CERTIFICATE,
		// FATAL_ERROR) are other programs' words too, a TLS alert's name.
		if e, ok := wolfsslByName(m); ok && (marked || strings.HasSuffix(m, "_e")) {
			return []WolfSSLError{e}
		}
	}
	if words >= 0 {
		return []WolfSSLError{wolfsslErrors[words]}
	}
	return nil
}

func wolfsslByName(lower string) (WolfSSLError, bool) {
	for _, e := range wolfsslErrors {
		if strings.EqualFold(e.Name, lower) {
			return e, true
		}
	}
	return WolfSSLError{}, false
}

// wolfsslByCode is every error with the code, those of the newest version
// first.
func wolfsslByCode(code int) []WolfSSLError {
	var out []WolfSSLError
	for _, e := range wolfsslErrors {
		if e.Code == code {
			out = append(out, e)
		}
	}
	last := len(wolfsslVersions) - 1
	sort.SliceStable(out, func(i, j int) bool { return out[i].In[last] && !out[j].In[last] })
	return out
}

// wolfsslStory is the hand-written entry (findings_wolfssl.go) that tells
// an error, found by its name among the entry's Match, whose Within and
// Without the line passes (a server's line gets the server's story).
func wolfsslStory(e WolfSSLError, lower string) (Entry, bool) {
	name := strings.ToLower(e.Name)
	for _, en := range wolfsslEntries {
		en = spelled(en)
		if !containsAny(lower, en.Within) || len(en.Without) > 0 && containsAny(lower, en.Without) {
			continue
		}
		for _, m := range en.Match {
			if m == name {
				en.Own = true
				return en, true
			}
		}
	}
	return Entry{}, false
}

// wolfsslAlertRe finds the alert a wolfSSL line names with -313: its debug
// log's "Got alert: 42" or "alert type 42", or the alert's name.
var wolfsslAlertRe = lazyre.New(`(?:got alert|alert type|alert description|alert)[:=]?\s*(\d{1,3})\b`)

func wolfsslAlert(lower string) (alert, bool) {
	if m := wolfsslAlertRe.FindStringSubmatch(lower); m != nil {
		n, _ := strconv.Atoi(m[1])
		if a, ok := alertByNumber(n); ok {
			return a, true
		}
	}
	return findAlert(lower)
}

// wolfsslClass sorts the errors no hand-written entry tells by their
// name.
var wolfsslClass = []errClass{
	{[]string{"MEMORY_E", "MEMORY_ERROR", "MP_MEM"}, wolfMemoryStory, wolfMemoryFix},
	{[]string{"SOCKET_", "WANT_READ", "WANT_WRITE", "ZERO_RETURN", "_SYSCALL_", "HTTP_", "TIMEOUT", "_CLOSED_"}, wolfNetStory, wolfNetFix},
	{[]string{"_BAD_FILE", "_BAD_PATH", "FREAD_", "NO_PRIVATE_KEY", "_PEM_", "_EVP_R_", "ASN_INPUT_E", "BAD_ENCRYPTION", "KEY_MISMATCH", "NO_PASSWORD", "ASN1_R_"}, wolfFileStory, wolfFileFix},
	{[]string{"ASN_", "CRL_", "OCSP_", "NOT_CA", "KEYUSE", "CHAIN", "VERIFY_CERT", "VERIFY_SIGN", "_SIGNER", "CERT_", "MISMATCH", "_KEY_SIZE_E"}, wolfCertStory, wolfCertFix},
}

// wolfsslEntry is the entry for the wolfSSL errors found for a line (one,
// or those a code stands for in different versions): an error with a
// hand-written story gets it, -313 in a line that names the alert is told
// as that alert, the others by the part of wolfSSL they come from.
func wolfsslEntry(es []WolfSSLError, lower string) Entry {
	e := es[0]
	if en, ok := wolfsslStory(e, lower); ok && len(es) == 1 {
		return en
	}
	why := Fill(wolfsslWhy, Vars{"name": e.Name, "code": itoa(e.Code), "text": wolfsslText(e), "versions": wolfsslIn(e)})
	for _, o := range es[1:] {
		why += " " + Fill(wolfsslAlso, Vars{"name": o.Name, "text": wolfsslText(o), "versions": wolfsslIn(o)})
	}
	title := Fill(wolfsslTitle, Vars{"text": strings.TrimRight(wolfsslText(e), ". "), "name": e.Name, "code": itoa(e.Code)})
	if e.Name == "FATAL_ERROR" {
		if a, ok := wolfsslAlert(lower); ok {
			en := AlertEntry(a)
			if own, ok := alertWordsEntry(a); ok {
				en = cloneEntry(own)
			}
			en.ID, en.Kind = WolfSSLErr, "reason"
			en.Title = Fill(wolfsslAlertTitle, Vars{"name": a.name, "num": itoa(a.num)})
			en.Explanation = why + " " + en.Explanation
			return en
		}
	}
	c := classOf(e.Name, wolfsslClass, errClass{story: wolfTLSStory, fix: wolfTLSFix})
	wolfCrypt := e.Code <= -97 && e.Code >= -299 || e.Code <= -1000 || strings.HasPrefix(e.Name, "WC_")
	if wolfCrypt && c.story == wolfTLSStory {
		c = errClass{story: wolfCryptStory, fix: wolfCryptFix}
	}
	return Entry{
		ID: WolfSSLErr, Kind: "reason",
		Title:       title,
		Explanation: why + " " + c.story,
		Fix:         c.fix,
	}
}

// wolfsslText is the error's words, or what wolfSSL prints for a code its
// string functions do not name.
func wolfsslText(e WolfSSLError) string {
	if e.Text == "" {
		return "unknown error number"
	}
	return e.Text
}

func wolfsslIn(e WolfSSLError) string {
	var in []string
	for i, v := range e.In {
		if v {
			in = append(in, wolfsslVersions[i])
		}
	}
	return strings.Join(in, ", ")
}

const (
	wolfsslTitle      = "wolfSSL: {text} ({name}, {code})"
	wolfsslAlertTitle = "wolfSSL received fatal alert {num} {name} from its peer (FATAL_ERROR, -313)"
	wolfsslWhy        = "wolfSSL reports {code}, {name} (`{text}`, in wolfSSL {versions}): the program that printed it runs on wolfSSL (an embedded device or firmware, ESP-IDF or an Arduino board built with wolfSSL, curl or MariaDB built with wolfSSL, wolfSSL's example client and server)."
	wolfsslAlso       = "In wolfSSL {versions} the same code is {name}: `{text}`."

	wolfMemoryStory = "wolfSSL could not allocate memory: an embedded device ran out of heap during the handshake (a session with full 16 KB record buffers, a long certificate chain, RSA keys of 4096 bits, or several connections at once), or a static memory pool is too small."
	wolfMemoryFix   = "Free heap before connecting, and build wolfSSL for the device's memory (user_settings.h: WOLFSSL_SMALL_STACK, a smaller MAX_RECORD_SIZE with the max fragment length extension, ECC keys instead of RSA 4096)."

	wolfNetStory = "It comes from the connection under TLS: the peer (or something in between: a firewall, a proxy, a Wi-Fi that dropped) closed or reset it, the read timed out, or a non-blocking socket needs the call again. A server that refuses the client's certificate may close the connection too; its log names the refusal."
	wolfNetFix   = "Check that the port answers TLS from the device's network, then compare with a handshake from a computer on it:\n  openssl s_client -connect host:443 -servername host </dev/null"

	wolfFileStory = "It comes from loading a certificate or key given to wolfSSL (wolfSSL_CTX_use_certificate_file, _use_PrivateKey_file, _load_verify_locations or their _buffer forms): a wrong path, a file that is not in the format named (SSL_FILETYPE_PEM for a DER file, or the reverse), a key that is encrypted or does not match the certificate, or an algorithm this build lacks."
	wolfFileFix   = "Check each file and its format on a computer, and pass the matching WOLFSSL_FILETYPE_PEM or _ASN1:\n  openssl x509 -noout -subject -in cert.pem\n  openssl pkey -noout -in key.pem"

	wolfCertStory = "It is about a certificate wolfSSL checked (the server's, for a client; the client's, for a server): its issuer among the CAs loaded, its dates by the device's clock, its name, usage, signature or revocation status, or parsing it."
	wolfCertFix   = "See the chain the server sends and how OpenSSL judges it against the CA given to wolfSSL:\n  openssl s_client -connect host:443 -servername host -showcerts -CAfile ca.pem </dev/null"

	wolfTLSStory = "It comes from wolfSSL's TLS engine: the handshake or a record broke at this step, on this side (a version, cipher suite, extension or certificate it was not given or built without), or the peer sent what it did not expect."
	wolfTLSFix   = "See what the server accepts, and compare with what this wolfSSL build enables (./configure options or user_settings.h):\n  openssl s_client -connect host:443 -servername host </dev/null"

	wolfCryptStory = "It comes from wolfCrypt, wolfSSL's cryptography: a key or parameter it cannot use, an algorithm or feature this build lacks, a failed random generator or hardware accelerator, or a bad argument from the program."
	wolfCryptFix   = "See which certificate or key uses the algorithm, and whether the wolfSSL build enables it (./configure options or user_settings.h):\n  openssl x509 -noout -text -in ca.pem | grep -i 'algorithm'"
)
