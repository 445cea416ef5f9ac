package catalogue

import (
	"strconv"
	"strings"
	"sync"

	"github.com/mtlsdoctor/mtlsdoctor/finding"
	"github.com/mtlsdoctor/mtlsdoctor/internal/lazyre"
)

// GnuTLSErr is the id of a GnuTLS error that no hand-written entry tells:
// its generic story, from GnuTLS's error table.
const GnuTLSErr finding.ID = "explain/gnutls-error"

func init() { finding.Register(libError(GnuTLSErr)) }

// GnuTLSError is one error of GnuTLS's gnutls_strerror table: its number
// (negative, the same in every version), macro, words and the words older
// versions print for it.
type GnuTLSError struct {
	Code      int
	Macro     string
	Text      string
	Spellings []string
}

// GnuTLSStatus is one reason gnutls_certificate_verification_status_print
// gives for a certificate it refuses.
type GnuTLSStatus struct {
	Flag, Text string
	Spellings  []string
}

var (
	// libcurl's "GnuTLS recv error (-110): ...", "GnuTLS send error (-53)",
	// and the "GnuTLS error (-12)" or "gnutls error: -9" other programs print.
	reGnuTLSCode = lazyre.New(`gnutls(?: recv| send| read| write|_handshake\(\))? error[: ]*\(?(-\d{1,4})\b|gnutls[ _]handshake(?:\(\))?(?: failed)?: (-\d{1,4})\b`)
)

// gnutlsMarkers show that GnuTLS wrote the line: its name, and
// gnutls-cli's and gnutls-serv's own prefixes. A word list.
const gnutlsMarkers = "|gnutls|*** fatal error: |*** handshake has failed|error in handshake: " +
	// Taskwarrior's client and server
	"|handshake failed.  "

// gnutlsDistinct is the length from which a GnuTLS error's words are
// taken as GnuTLS's without a marker: shorter ones ("Decryption has
// failed.") are other programs' words too.
const gnutlsDistinct = 36

// gnutlsTexts lists every error's words and spellings, longest first.
var gnutlsTexts = sync.OnceValue(func() []indexedText {
	return textIndex(len(gnutlsErrors), func(i int) []string {
		return append([]string{gnutlsErrors[i].Text}, gnutlsErrors[i].Spellings...)
	}, 8)
})

// findGnuTLS finds the GnuTLS error a line names, by its number or its
// words, and the words the line gave it.
func findGnuTLS(lower string) (GnuTLSError, bool) {
	if m := reGnuTLSCode.FindStringSubmatch(lower); m != nil {
		n, _ := strconv.Atoi(m[1] + m[2])
		for _, e := range gnutlsErrors {
			if e.Code == n {
				return e, true
			}
		}
	}
	marked := containsListWord(lower, gnutlsMarkers)
	for _, t := range gnutlsTexts() {
		if !marked && len(t.text) < gnutlsDistinct {
			continue
		}
		if strings.Contains(lower, t.text) {
			return gnutlsErrors[t.idx], true
		}
	}
	return GnuTLSError{}, false
}

// gnutlsClass sorts the errors no hand-written entry tells by what their
// macro is about; the first class whose word the macro holds decides.
var gnutlsClass = []errClass{
	{[]string{"PKCS11", "TPM", "PIN"}, gnutlsTokenStory, gnutlsTokenFix},
	{[]string{"FILE", "BASE64", "PARSING", "PASSWORD", "PKCS1_", "PKCS_", "KEY_IMPORT", "PRIVKEY", "PK_INVALID", "ASN1"}, gnutlsFileStory, gnutlsFileFix},
	{[]string{"CERTIFICATE", "X509", "CERT", "SAN", "CIDR", "OCSP", "CRL", "CONSTRAINT", "EXPIRED", "ACTIVATED", "AUTH"}, gnutlsCertStory, gnutlsCertFix},
	{[]string{"PULL", "PUSH", "TERMINATION", "TIMEDOUT", "AGAIN", "INTERRUPTED", "SESSION_EOF", "SOCKETS"}, gnutlsTransportStory, gnutlsTransportFix},
	{[]string{"CIPHER", "PRIORITIES", "ALGORITHM", "SIGNATURE", "SIG_", "CURVE", "KEY_SHARE", "DH_", "SECURITY", "COMPRESSION", "PROTOCOL", "FALLBACK", "RENEGOTIATION", "VERSION", "DSA", "ECC", "SRP", "PSK", "NAME"}, gnutlsNegotiationStory, gnutlsNegotiationFix},
	{[]string{"PACKET", "RECORD", "EXTENSION", "ALERT", "HANDSHAKE", "PARAMETER", "MAC", "DECRYPTION", "DECOMPRESSION", "FINISHED", "APPLICATION_DATA", "COOKIE", "EARLY", "HEARTBEAT"}, gnutlsProtocolStory, gnutlsProtocolFix},
}

// gnutlsEntry is the generic entry for a GnuTLS error: what its words
// mean and where such errors come from.
func gnutlsEntry(e GnuTLSError) Entry {
	c := classOf(strings.TrimPrefix(e.Macro, "GNUTLS_E_"), gnutlsClass, errClass{story: gnutlsOtherStory, fix: gnutlsOtherFix})
	return Entry{
		ID: GnuTLSErr, Kind: "reason",
		Title:       Fill(gnutlsTitle, Vars{"text": strings.TrimRight(e.Text, ". "), "macro": e.Macro}),
		Explanation: Fill(gnutlsWhy, Vars{"text": e.Text, "macro": e.Macro, "code": itoa(e.Code)}) + " " + c.story,
		Fix:         c.fix,
	}
}

const (
	gnutlsTitle = "GnuTLS: {text} ({macro})"
	gnutlsWhy   = "GnuTLS reports `{text}` ({macro}, error {code}): the program that printed it runs on GnuTLS (git, curl and wget on Debian and Ubuntu, apt, gnutls-cli, Exim, Emacs, libvirt, OpenConnect)."

	gnutlsTokenStory = "It comes from a smart card, HSM or TPM the certificate's key lives on (a pkcs11: or tpmkey: URL): the token, its PIN or its driver module."
	gnutlsTokenFix   = "List what the token holds and check its PIN:\n  p11tool --list-tokens\n  p11tool --login --list-all 'pkcs11:token=NAME'"

	gnutlsFileStory = "It comes from reading a certificate, key or CA file (or a PKCS#12 bundle): the file is missing or unreadable, not PEM or DER of the expected kind (a key where a certificate belongs, a PEM header GnuTLS does not know), damaged, or its password is wrong."
	gnutlsFileFix   = "Check each file the program is given:\n  certtool -i --infile cert.pem\n  certtool -k --infile key.pem\nor with OpenSSL:\n  openssl x509 -noout -subject -in cert.pem"

	gnutlsCertStory = "It is about a certificate: the peer's, which GnuTLS checked and refused (its chain, dates, name, usage or revocation status), or this program's own, which it could not use."
	gnutlsCertFix   = "See what the server sends and how GnuTLS judges it (the `- Status:` line says why):\n  gnutls-cli --x509cafile ca.crt -p 443 host </dev/null\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null"

	gnutlsTransportStory = "It comes from the connection under TLS: the peer, or something in between (a proxy, firewall, load balancer or TLS inspection box), closed or reset it, or it timed out, without TLS's own close. Servers that refuse a client's certificate and close without an alert end it the same way; their log names the refusal."
	gnutlsTransportFix   = "Compare with a direct handshake and read the server's log at that time:\n  openssl s_client -connect host:443 -servername host </dev/null\nand check the proxy settings the client uses:\n  env | grep -i _proxy"

	gnutlsNegotiationStory = "It comes from the negotiation: the two sides share no TLS version, cipher suite, group or signature algorithm that both allow (an old server, or a system-wide crypto policy that forbids what the peer offers), or the peer offered parameters GnuTLS finds too weak."
	gnutlsNegotiationFix   = "See what the server accepts, and what this client allows:\n  openssl s_client -connect host:443 -servername host </dev/null\n  gnutls-cli --priority NORMAL -p 443 host </dev/null\n  gnutls-cli -l"

	gnutlsProtocolStory = "It comes from the TLS records or handshake messages received: the peer does not speak TLS on this port (plain HTTP, a proxy's own answer, another protocol), or something in between altered the bytes, or the peer broke the protocol."
	gnutlsProtocolFix   = "See what answers on the port, and compare with a direct handshake:\n  curl -v http://host:443/\n  openssl s_client -connect host:443 -servername host </dev/null"

	gnutlsOtherStory = "It is an error of the GnuTLS library itself or of how the program uses it (an invalid request, memory, random numbers, a self-test), not of a certificate or the peer; the program's own message around it says what it was doing."
	gnutlsOtherFix   = "Run the program with GnuTLS's debug output to see the step that failed:\n  GNUTLS_DEBUG_LEVEL=3 PROGRAM"
)
