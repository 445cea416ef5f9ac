package catalogue

import (
	"strconv"
	"strings"

	"github.com/mtlsdoctor/mtlsdoctor/finding"
	"github.com/mtlsdoctor/mtlsdoctor/internal/lazyre"
)

// WindowsErr is the id of a Windows security error (SEC_E_, CRYPT_E_,
// CERT_E_, TRUST_E_) that no hand-written entry tells: its generic story.
const WindowsErr finding.ID = "explain/windows-error"

func init() { finding.Register(libError(WindowsErr)) }

// WinError is one of winerror.h's security codes: value and name.
type WinError struct {
	Code uint32
	Name string
}

var (
	reWinName = lazyre.New(`\b((?:sec_[ei]|crypt_e|cert_e|trust_e|nte)_[a-z0-9_]+)\b`)
	// "(0x80090325)", "0x800B010F", and .NET's "HResult=-2146893019".
	reWinHex = lazyre.New(`\b0x((?:8009|800b|0009)[0-9a-f]{4})\b`)
	reWinDec = lazyre.New(`(?:^|[^0-9])(-214(?:68|67)\d{5})\b`)
)

// findWinError finds the Windows security error a line names, by its
// name, its hexadecimal value or its (negative) decimal HRESULT.
func findWinError(lower string) (WinError, bool) {
	if m := reWinName.FindStringSubmatch(lower); m != nil {
		for _, e := range winErrors {
			if strings.EqualFold(e.Name, m[1]) {
				return e, true
			}
		}
	}
	var code uint32
	if m := reWinHex.FindStringSubmatch(lower); m != nil {
		n, _ := strconv.ParseUint(m[1], 16, 32)
		code = uint32(n)
	} else if m := reWinDec.FindStringSubmatch(lower); m != nil {
		n, _ := strconv.ParseInt(m[1], 10, 64)
		code = uint32(int32(n))
	}
	if code == 0 {
		return WinError{}, false
	}
	for _, e := range winErrors {
		if e.Code == code {
			return e, true
		}
	}
	return WinError{}, false
}

// winClass sorts the codes no hand-written entry tells: Kerberos and
// logon codes of SSPI, revocation, file and store codes of CryptoAPI,
// Schannel's TLS codes, the certificate chain policy's.
var winClass = []errClass{
	{[]string{"KDC", "KERB", "TGT", "PKINIT", "LOGON", "DELEGATION", "S4U", "CROSSREALM", "PKU2U", "UPN", "NLTM", "PA_DATA", "PRINCIPALS", "REFERRALS", "SMARTCARD"}, winKerberosStory, winKerberosFix},
	{[]string{"REVOCATION", "REVOKED", "CRL"}, winRevocationStory, winRevocationFix},
	{[]string{"NTE_"}, winKeyStory, winKeyFix},
	{[]string{"CRYPT_E_ASN1", "CRYPT_E_BAD_ENCODE", "CRYPT_E_FILE", "CRYPT_E_NOT_FOUND", "CRYPT_E_EXISTS", "CRYPT_E_NO_KEY", "CRYPT_E_BAD_MSG", "CRYPT_E_UNEXPECTED_ENCODING", "CRYPT_E_NO_MATCH"}, winStoreStory, winStoreFix},
	{[]string{"CERT_E_", "TRUST_E_", "SEC_E_CERT", "SEC_E_ISSUING", "SEC_E_UNTRUSTED"}, winChainStory, winChainFix},
	{[]string{"SEC_E_", "SEC_I_"}, winSchannelStory, winSchannelFix},
}

// winErrorEntry is the generic entry for a Windows security error.
func winErrorEntry(e WinError) Entry {
	c := classOf(e.Name, winClass, errClass{story: winOtherStory, fix: winOtherFix})
	code := "0x" + strings.ToUpper(strconv.FormatUint(uint64(e.Code), 16))
	return Entry{
		ID: WindowsErr, Kind: "reason",
		Title:       Fill(winTitle, Vars{"name": e.Name, "code": code}),
		Explanation: Fill(winWhy, Vars{"name": e.Name, "code": code}) + " " + c.story,
		Fix:         Fill(c.fix, Vars{"code": code}),
	}
}

const (
	winTitle = "Windows: {name} ({code})"
	winWhy   = "Windows reports {name} ({code}): the program that printed it uses Windows' own TLS and certificate code (Schannel and CryptoAPI: curl and git built on Schannel, .NET's SslStream and HttpClient, PowerShell, IIS, SQL Server's clients)."

	winKerberosStory = "It is a Kerberos or Windows logon code of SSPI, not one of a TLS handshake: the program authenticates to a domain (Negotiate, Kerberos, smart-card logon) and that failed."
	winKerberosFix   = "Check the machine's domain logon and Kerberos tickets, and the clocks of client and domain controller:\n  klist\n  w32tm /query /status"

	winRevocationStory = "It comes from the revocation check Windows makes of a certificate: its CRL or OCSP server could not be reached (a proxy or firewall in between, a machine offline), or it says the certificate is revoked."
	winRevocationFix   = "See whether the CRL and OCSP addresses in the certificate can be reached from this machine, and which certificate is revoked:\n  certutil -urlfetch -verify server.cer"

	winStoreStory = "It comes from CryptoAPI reading a certificate, key or store: the object is not in the store named (a client certificate given by a thumbprint or subject that is not in CurrentUser\\MY or LocalMachine\\MY), the file is not the encoding expected, or the key is not there."
	winStoreFix   = "List the store the program reads and the certificate's private key:\n  certutil -user -store My\n  certutil -store My"

	winChainStory = "It comes from Windows' check of a certificate chain (the server's, for a client; the client's, for a server): its root is not trusted, it is expired, for another name or use, or a certificate in it is wrong."
	winChainFix   = "See how Windows judges the certificate and its chain:\n  certutil -verify -urlfetch server.cer\nand what the server sends:\n  openssl s_client -connect host:443 -servername host -showcerts </dev/null"

	winSchannelStory = "It comes from Schannel, Windows' TLS engine, during the handshake or a record: the two sides share no TLS version or cipher suite that this Windows allows (its registry settings, its age), the peer sent something Schannel does not accept, or its certificate or key cannot be used."
	winSchannelFix   = "See what the server accepts, and compare with the versions and suites this Windows allows (Get-TlsCipherSuite in PowerShell; the SCHANNEL\\Protocols registry keys):\n  openssl s_client -connect host:443 -servername host </dev/null"

	winOtherStory = "It is a Windows security code outside TLS's usual failures; the program's own message around it says what it was doing."
	winOtherFix   = "Look the code up with Windows' own tool, which prints its message:\n  certutil -error {code}"

	winKeyStory = "It comes from the cryptographic provider that holds a private key (a CSP or key storage provider): for TLS, the key of the certificate the program uses (IIS's or a service's server certificate, a client certificate) is not where the certificate points. Most often NTE_BAD_KEYSET (0x80090016): the certificate was imported without its key (a .cer instead of a .pfx), dragged between stores in the Certificates console (the key stays behind), or the account the program runs as may not read the key."
	winKeyFix   = "Check that the certificate has its private key and who may read it:\n  certutil -store My\n(\"Missing stored keyset\" under the certificate: its key is not there) and import it again from its .pfx into the store the program reads (the Local Machine's for IIS and services); grant the program's account read access to the key with Manage Private Keys."
)
