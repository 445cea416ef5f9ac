package catalogue

import (
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/mtlsdoctor/mtlsdoctor/finding"
	"github.com/mtlsdoctor/mtlsdoctor/internal/lazyre"
)

// MbedTLSErr is the id of an Mbed TLS error that no hand-written entry
// tells: its generic story, from Mbed TLS's error table.
const MbedTLSErr finding.ID = "explain/mbedtls-error"

func init() { finding.Register(libError(MbedTLSErr)) }

// MbedTLSError is one error mbedtls_strerror names: its code without the
// sign (-0x7780 is 0x7780), macro, words ("SSL - A fatal alert message
// was received from our peer"), older versions' words, and whether Mbed
// TLS 2.16, 2.28 and 3.6 have it.
type MbedTLSError struct {
	Code      int
	Macro     string
	Text      string
	Spellings []string
	In        [3]bool
}

// mbedtlsVersions name the versions of MbedTLSError.In.
var mbedtlsVersions = [3]string{"2.16", "2.28", "3.6"}

var (
	// "returned -0x7280", "ret:-0x7780", "(-0x2700)": Mbed TLS codes are
	// printed negative, in hexadecimal.
	reMbedHex = lazyre.New(`(?:^|[^0-9a-z])-0x([0-9a-f]{1,4})\b`)
	// The ESP32 Arduino core's "(-9984) X509 - ...", and Godot's
	// "_do_handshake: TLS handshake error: -9984", and the sample programs'
	// "mbedtls_x509_crt_parse_file returned -9570": in decimal.
	reMbedDec = lazyre.New(`\((-\d{2,5})\)|(?:tls handshake error:|returned|ssl error:) (-\d{2,5})\b`)
)

// mbedtlsMarkers show that Mbed TLS wrote the line: its name, ESP-IDF's
// esp-tls, the ESP32 Arduino core's ssl_client and Godot's TLS. A word list.
const mbedtlsMarkers = "|mbedtls|mbed tls|esp-tls|esp_tls|ssl_client.cpp|polarssl|wificlientsecure|_do_handshake: tls handshake error|mg_ssl_if_mbed|rtmp_connect1, tls_connect failed"

// mbedtlsTexts lists every error's words and spellings, longest first.
var mbedtlsTexts = sync.OnceValue(func() []indexedText {
	return textIndex(len(mbedtlsErrors), func(i int) []string {
		return append([]string{mbedtlsErrors[i].Text}, mbedtlsErrors[i].Spellings...)
	}, 12)
})

// findMbedTLSWords finds the Mbed TLS error a line names by its words.
func findMbedTLSWords(lower string) []MbedTLSError {
	for _, t := range mbedtlsTexts() {
		if strings.Contains(lower, t.text) {
			return []MbedTLSError{mbedtlsErrors[t.idx]}
		}
	}
	return findMbedTLSMacro(lower)
}

// findMbedTLSMacro finds the Mbed TLS error a line names by its macro
// ("OSError: (-12288, 'MBEDTLS_ERR_X509_FATAL_ERROR')", as CircuitPython
// and MicroPython print it): the longest macro the line holds.
func findMbedTLSMacro(lower string) []MbedTLSError {
	if !strings.Contains(lower, "mbedtls_err_") {
		return nil
	}
	best := -1
	for i, e := range mbedtlsErrors {
		if (best < 0 || len(e.Macro) > len(mbedtlsErrors[best].Macro)) && strings.Contains(lower, strings.ToLower(e.Macro)) {
			best = i
		}
	}
	if best < 0 {
		return nil
	}
	return mbedtlsByCode(mbedtlsErrors[best].Code)
}

// findMbedTLS finds the Mbed TLS errors a line names: by their words
// ("SSL - The connection indicated an EOF", which the table's "MODULE - "
// makes distinct), else by a code in a line that shows Mbed TLS. A code
// that two versions gave to two errors returns both, the newer first; a
// code Mbed TLS made of a high-level and a low-level error (-0x262E)
// returns both parts.
func findMbedTLS(lower string) []MbedTLSError {
	if es := findMbedTLSWords(lower); len(es) > 0 {
		return es
	}
	return findMbedTLSCode(lower)
}

// findMbedTLSCode finds the Mbed TLS errors of a code in a line that
// shows Mbed TLS (findMbedTLS without the words).
func findMbedTLSCode(lower string) []MbedTLSError {
	if !containsListWord(lower, mbedtlsMarkers) {
		return nil
	}
	code := -1
	if m := reMbedHex.FindStringSubmatch(lower); m != nil {
		n, _ := strconv.ParseInt(m[1], 16, 32)
		code = int(n)
	} else if m := reMbedDec.FindStringSubmatch(lower); m != nil {
		n, _ := strconv.Atoi(m[1] + m[2])
		code = -n
	}
	if code <= 0 {
		return nil
	}
	if es := mbedtlsByCode(code); len(es) > 0 {
		return es
	}
	return append(mbedtlsByCode(code&0xFF80), mbedtlsByCode(code&0x7F)...)
}

// mbedtlsByCode is every error with the code, those of the newest version
// first.
func mbedtlsByCode(code int) []MbedTLSError {
	var out []MbedTLSError
	for _, e := range mbedtlsErrors {
		if e.Code == code && code != 0 {
			out = append(out, e)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].In[2] && !out[j].In[2] })
	return out
}

// mbedtlsClass sorts the errors no hand-written entry tells by their
// module (the macro's second word), then by what the rest says.
var mbedtlsClass = []errClass{
	{[]string{"_ALLOC_FAILED"}, mbedMemoryStory, mbedMemoryFix},
	{[]string{"_NET_"}, mbedNetStory, mbedNetFix},
	{[]string{"_X509_FATAL_ERROR"}, mbedChainStory, mbedChainFix},
	{[]string{"_X509_", "_PEM_", "_PK_", "_ASN1_", "_OID_", "_BASE64_"}, mbedFileStory, mbedFileFix},
	{[]string{"_SSL_"}, mbedSSLStory, mbedSSLFix},
}

// mbedtlsEntry is the generic entry for the Mbed TLS errors found for a
// line (one, or the errors a code stands for in different versions, or
// the two parts of a combined code).
func mbedtlsEntry(es []MbedTLSError) Entry {
	e := es[0]
	c := classOf(e.Macro, mbedtlsClass, errClass{story: mbedCryptoStory, fix: mbedCryptoFix})
	why := Fill(mbedtlsWhy, Vars{"text": e.Text, "macro": e.Macro, "code": "-0x" + strings.ToUpper(strconv.FormatInt(int64(e.Code), 16)), "versions": mbedtlsIn(e)})
	for _, o := range es[1:] {
		if o.Code == e.Code {
			why += " " + Fill(mbedtlsAlso, Vars{"text": o.Text, "macro": o.Macro, "versions": mbedtlsIn(o)})
		} else {
			why += " " + Fill(mbedtlsLow, Vars{"text": o.Text, "macro": o.Macro})
		}
	}
	title := e.Text
	if i := strings.Index(title, ". "); i > 0 && len(title) > 100 {
		title = title[:i] // a whole documentation comment
	}
	return Entry{
		ID: MbedTLSErr, Kind: "reason",
		Title:       Fill(mbedtlsTitle, Vars{"text": strings.TrimRight(title, ". "), "macro": e.Macro}),
		Explanation: why + " " + c.story,
		Fix:         c.fix,
	}
}

func mbedtlsIn(e MbedTLSError) string {
	var in []string
	for i, v := range e.In {
		if v {
			in = append(in, mbedtlsVersions[i])
		}
	}
	return strings.Join(in, ", ")
}

const (
	mbedtlsTitle = "Mbed TLS: {text} ({macro})"
	mbedtlsWhy   = "Mbed TLS reports `{text}` ({macro}, {code} in Mbed TLS {versions}): the program that printed it runs on Mbed TLS (an ESP32 or other embedded device through ESP-IDF's esp-tls or the Arduino core, a firmware, or a program built with it)."
	mbedtlsAlso  = "In Mbed TLS {versions} the same number is {macro}: `{text}`."
	mbedtlsLow   = "The code also holds a lower-level error, {macro}: `{text}`."

	mbedMemoryStory = "The device ran out of memory during the handshake: a TLS session with Mbed TLS's default 16 KB record buffers needs some 40 KB of heap, more with a long certificate chain or several connections at once."
	mbedMemoryFix   = "Free heap before connecting (fewer tasks or open connections), and let Mbed TLS use smaller or on-demand buffers (ESP-IDF menuconfig: CONFIG_MBEDTLS_DYNAMIC_BUFFER, or CONFIG_MBEDTLS_ASYMMETRIC_CONTENT_LEN with a smaller out buffer)."

	mbedNetStory = "It comes from the network under TLS: the name did not resolve, the TCP connection failed, or the peer (or something in between: a firewall, a proxy, a Wi-Fi that dropped) reset or closed it. A server that refuses the device's client certificate may reset the connection too; its log names the refusal."
	mbedNetFix   = "Check that the host resolves and the port answers from the device's network, then compare with a handshake from a computer on the same network:\n  openssl s_client -connect host:8883 -servername host </dev/null"

	mbedFileStory = "It comes from parsing a certificate or key given to Mbed TLS (the CA certificate, or the device's own certificate and key): the PEM text is not what it expects (a PEM string in C source without its \\n line ends, a length that leaves out the final NUL, which mbedtls_x509_crt_parse needs for PEM, a key where a certificate belongs, a truncated copy), or it uses an algorithm this build lacks."
	mbedFileFix   = "Check the PEM on a computer, then embed it whole, each line ending with \\n, and pass its length with the final NUL (sizeof, or strlen + 1):\n  openssl x509 -noout -subject -in ca.pem\n  openssl pkey -noout -in device.key"

	mbedChainStory = "It comes from the check of the peer's chain, not from parsing: the verify callback failed, or the chain is too long. On ESP-IDF and the ESP32 Arduino core the callback is the certificate bundle's (esp_crt_bundle), which fails so when no root in the bundle matches the server's chain: the bundle lacks that root (a trimmed bundle, or a root a newer ESP-IDF release removed, GlobalSign Root CA in 6.0 among them), or the server sends a cross-signed chain whose top certificate's issuer is not in the bundle (older releases do not take a bundled root met in the middle of the chain, such as Let's Encrypt's ISRG Root X1 under the expired DST Root CA X3). CircuitPython and MicroPython boards carry a small built-in root list of their own, which a server's renewed certificate under another root leaves behind."
	mbedChainFix   = "See the chain the server sends and the root it ends at:\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null | grep -E ' s:| i:'\nthen put that root in the device's bundle (ESP-IDF menuconfig: the full default bundle, or the root added as a custom bundle certificate), or give esp-tls that CA itself (cacert_pem_buf) instead of the bundle (CircuitPython and MicroPython: the ssl context's load_verify_locations); a server can send a chain that ends at a root every bundle has."

	mbedSSLStory = "It comes from Mbed TLS's TLS engine: the handshake or a record broke at this step, on this side, or the peer sent something this build cannot handle (a version, cipher suite, curve or extension it was built without, a record larger than its buffer)."
	mbedSSLFix   = "See what the server offers, and compare with what the device's Mbed TLS is built with (ESP-IDF menuconfig: Component config > mbedTLS):\n  openssl s_client -connect host:443 -servername host </dev/null\nMbed TLS 3.6.0 turned TLS 1.3 on by default, and handshakes with some servers failed until 3.6.1 (OpenWrt's uclient-fetch and opkg, programs linked against a system Mbed TLS): update it, or build the program with its own Mbed TLS."

	mbedCryptoStory = "It comes from one of Mbed TLS's cryptographic modules (a cipher, hash, RSA, ECC, the random generator): a key or parameter it cannot use, a feature this build lacks, or a hardware accelerator that failed."
	mbedCryptoFix   = "See which certificate or key uses the algorithm, and whether the device's Mbed TLS build enables it:\n  openssl x509 -noout -text -in ca.pem | grep -i 'algorithm'"
)
