package probe

import (
	"bytes"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"strings"
)

// Why a server chain does not verify (ServerCert.TrustCause), in terms a
// user can act on. The empty cause is any other failure; TrustError then
// says it in Go's words.
const (
	// CauseIntercepted: a certificate in the chain names a TLS-inspecting
	// proxy or security product, which re-signs the traffic.
	CauseIntercepted = "intercepted"
	// CauseSelfSigned: the server's certificate is its own issuer.
	CauseSelfSigned = "self-signed"
	// CauseDefaultCert: it is a proxy's built-in default certificate,
	// served when it has none for the name asked.
	CauseDefaultCert = "default-cert"
	// CauseIncompleteChain: the certificates sent end at one whose issuer
	// is neither sent nor a root, and that says where its issuer's
	// certificate is (AIA caIssuers), as public CAs' certificates do.
	CauseIncompleteChain = "incomplete-chain"
	// CauseUnknownIssuer: the same without AIA: a private CA's root that
	// the server need not send, or an intermediate it should send.
	CauseUnknownIssuer = "unknown-issuer"
	// CausePrivateRoot: the chain sent ends at a self-signed CA that is not
	// among the roots.
	CausePrivateRoot = "private-root"
	// CauseExpiredCA: a CA certificate in the chain is out of its dates.
	CauseExpiredCA = "expired-ca"
	// CauseWeakSignature: a signature in the chain uses SHA-1 or MD5.
	CauseWeakSignature = "weak-signature"
	// CauseNotCA: a certificate that issued another is not a CA.
	CauseNotCA = "not-a-ca"
	// CauseWrongPurpose: the chain does not allow TLS server use.
	CauseWrongPurpose = "wrong-purpose"
)

// interceptors are words in the names of the CAs that TLS-inspecting
// proxies, firewalls, antivirus products and debugging proxies re-sign
// traffic with (matched in a certificate's organization or common name,
// case-insensitively), with the product each names.
var interceptors = []struct{ word, product string }{
	{"zscaler", "Zscaler"},
	{"netskope", "Netskope"},
	{"fortinet", "Fortinet FortiGate"},
	{"fortigate", "Fortinet FortiGate"},
	{"palo alto", "Palo Alto Networks"},
	{"cisco umbrella", "Cisco Umbrella"},
	{"opendns", "Cisco Umbrella"},
	{"forcepoint", "Forcepoint"},
	{"websense", "Forcepoint (Websense)"},
	{"blue coat", "Blue Coat (Symantec) ProxySG"},
	{"bluecoat", "Blue Coat (Symantec) ProxySG"},
	{"mcafee web gateway", "McAfee (Skyhigh) Web Gateway"},
	{"skyhigh", "Skyhigh Security"},
	{"check point", "Check Point"},
	{"checkpoint", "Check Point"},
	{"sophos", "Sophos"},
	{"barracuda", "Barracuda"},
	{"watchguard", "WatchGuard"},
	{"untangle", "Untangle"},
	{"smoothwall", "Smoothwall"},
	{"iboss", "iboss"},
	{"menlo security", "Menlo Security"},
	{"cloudflare gateway", "Cloudflare Gateway"},
	{"cloudflare for teams", "Cloudflare Gateway"},
	{"lightspeed", "Lightspeed Systems"},
	{"securly", "Securly"},
	{"goguardian", "GoGuardian"},
	{"kaspersky", "Kaspersky"},
	{"avast", "Avast"},
	{"avg web", "AVG"},
	{"eset ssl filter", "ESET"},
	{"bitdefender", "Bitdefender"},
	{"trend micro", "Trend Micro"},
	{"mitmproxy", "mitmproxy"},
	{"portswigger", "Burp Suite"},
	{"charles proxy", "Charles Proxy"},
	{"fiddler", "Fiddler"},
	{"proxyman", "Proxyman"},
	{"http toolkit", "HTTP Toolkit"},
}

// defaultCerts are the common names of the self-signed certificates that
// proxies serve when they have none for the name asked, with the product.
var defaultCerts = map[string]string{
	"TRAEFIK DEFAULT CERT":                           "Traefik",
	"Kubernetes Ingress Controller Fake Certificate": "ingress-nginx",
	"NGINXIngressController":                         "NGINX Ingress Controller",
}

// interceptor is the product whose CA name cert's subject or issuer
// carries, or "".
func interceptor(c *x509.Certificate) string {
	for _, n := range []pkix.Name{c.Issuer, c.Subject} {
		s := strings.ToLower(n.String())
		for _, i := range interceptors {
			if strings.Contains(s, i.word) {
				return i.product
			}
		}
	}
	return ""
}

// trustCause says why chain (the certificates the server sent, leaf
// first) failed verification with err: the cause, and the certificate or
// product it names (a subject, or a product name and subject), and for an
// incomplete chain where the issuer's certificate is published (AIA).
func trustCause(chain []*x509.Certificate, err error) (cause, detail, url string) {
	leaf := chain[0]
	var ie x509.CertificateInvalidError
	if errors.As(err, &ie) {
		subject := ""
		if ie.Cert != nil {
			subject = ie.Cert.Subject.String()
		}
		switch ie.Reason {
		case x509.Expired:
			return CauseExpiredCA, subject, ""
		case x509.NotAuthorizedToSign:
			return CauseNotCA, subject, ""
		case x509.IncompatibleUsage:
			return CauseWrongPurpose, leaf.Subject.String(), ""
		}
	}
	var ua x509.UnknownAuthorityError
	if !errors.As(err, &ua) {
		return "", "", ""
	}
	path := sentPath(chain)
	for _, c := range path {
		if p := interceptor(c); p != "" {
			name := c.Issuer.String()
			if selfSigned(c) {
				name = c.Subject.String()
			}
			return CauseIntercepted, p + " (" + name + ")", ""
		}
	}
	for _, c := range path[1:] {
		if !c.IsCA || c.KeyUsage != 0 && c.KeyUsage&x509.KeyUsageCertSign == 0 {
			return CauseNotCA, c.Subject.String(), ""
		}
	}
	for _, c := range path {
		if weakSignature(c) && !selfSigned(c) {
			return CauseWeakSignature, c.Subject.String(), ""
		}
	}
	top := path[len(path)-1]
	switch {
	case len(path) == 1 && selfSigned(leaf) && defaultCerts[leaf.Subject.CommonName] != "":
		return CauseDefaultCert, defaultCerts[leaf.Subject.CommonName] + " (" + leaf.Subject.String() + ")", ""
	case len(path) == 1 && selfSigned(leaf):
		return CauseSelfSigned, leaf.Subject.String(), ""
	case selfSigned(top):
		return CausePrivateRoot, top.Subject.String(), ""
	case len(top.IssuingCertificateURL) > 0:
		return CauseIncompleteChain, top.Issuer.String(), top.IssuingCertificateURL[0]
	}
	return CauseUnknownIssuer, top.Issuer.String(), ""
}

// sentPath follows the issuers from the leaf among the certificates sent,
// in order, up to a self-signed one or one whose issuer was not sent.
func sentPath(chain []*x509.Certificate) []*x509.Certificate {
	path := []*x509.Certificate{chain[0]}
	for cur := chain[0]; !selfSigned(cur) && len(path) < len(chain); {
		var next *x509.Certificate
		for _, c := range chain[1:] {
			// The issuer's key checks the signature; whether the issuer
			// may sign (a CA) and with which digest is judged after.
			if bytes.Equal(c.RawSubject, cur.RawIssuer) && c.CheckSignature(cur.SignatureAlgorithm, cur.RawTBSCertificate, cur.Signature) == nil {
				next = c
				break
			}
		}
		if next == nil {
			break
		}
		path = append(path, next)
		cur = next
	}
	return path
}

// selfSigned is true when c names itself as issuer and its own key
// verifies its signature.
func selfSigned(c *x509.Certificate) bool {
	return bytes.Equal(c.RawSubject, c.RawIssuer) && c.CheckSignature(c.SignatureAlgorithm, c.RawTBSCertificate, c.Signature) == nil
}

// weakSignature is true when c is signed with SHA-1 or MD5.
func weakSignature(c *x509.Certificate) bool {
	switch c.SignatureAlgorithm {
	case x509.SHA1WithRSA, x509.ECDSAWithSHA1, x509.DSAWithSHA1, x509.MD5WithRSA, x509.MD2WithRSA:
		return true
	}
	return false
}
