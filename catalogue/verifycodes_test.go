package catalogue

import (
	"strings"
	"testing"
)

// openssl30Texts is what X509_verify_cert_error_string(0..94) returned from
// libcrypto 3.0.19 (Debian 12), printed by a small C program.
var openssl30Texts = map[int]string{
	0:  "ok",
	1:  "unspecified certificate verification error",
	2:  "unable to get issuer certificate",
	3:  "unable to get certificate CRL",
	4:  "unable to decrypt certificate's signature",
	5:  "unable to decrypt CRL's signature",
	6:  "unable to decode issuer public key",
	7:  "certificate signature failure",
	8:  "CRL signature failure",
	9:  "certificate is not yet valid",
	10: "certificate has expired",
	11: "CRL is not yet valid",
	12: "CRL has expired",
	13: "format error in certificate's notBefore field",
	14: "format error in certificate's notAfter field",
	15: "format error in CRL's lastUpdate field",
	16: "format error in CRL's nextUpdate field",
	17: "out of memory",
	18: "self-signed certificate",
	19: "self-signed certificate in certificate chain",
	20: "unable to get local issuer certificate",
	21: "unable to verify the first certificate",
	22: "certificate chain too long",
	23: "certificate revoked",
	24: "issuer certificate doesn't have a public key",
	25: "path length constraint exceeded",
	26: "unsuitable certificate purpose",
	27: "certificate not trusted",
	28: "certificate rejected",
	29: "subject issuer mismatch",
	30: "authority and subject key identifier mismatch",
	31: "authority and issuer serial number mismatch",
	32: "key usage does not include certificate signing",
	33: "unable to get CRL issuer certificate",
	34: "unhandled critical extension",
	35: "key usage does not include CRL signing",
	36: "unhandled critical CRL extension",
	37: "invalid non-CA certificate (has CA markings)",
	38: "proxy path length constraint exceeded",
	39: "key usage does not include digital signature",
	40: "proxy certificates not allowed, please set the appropriate flag",
	41: "invalid or inconsistent certificate extension",
	42: "invalid or inconsistent certificate policy extension",
	43: "no explicit policy",
	44: "different CRL scope",
	45: "unsupported extension feature",
	46: "RFC 3779 resource not subset of parent's resources",
	47: "permitted subtree violation",
	48: "excluded subtree violation",
	49: "name constraints minimum and maximum not supported",
	50: "application verification failure",
	51: "unsupported name constraint type",
	52: "unsupported or invalid name constraint syntax",
	53: "unsupported or invalid name syntax",
	54: "CRL path validation error",
	55: "path loop",
	56: "Suite B: certificate version invalid",
	57: "Suite B: invalid public key algorithm",
	58: "Suite B: invalid ECC curve",
	59: "Suite B: invalid signature algorithm",
	60: "Suite B: curve not allowed for this LOS",
	61: "Suite B: cannot sign P-384 with P-256",
	62: "hostname mismatch",
	63: "email address mismatch",
	64: "IP address mismatch",
	65: "no matching DANE TLSA records",
	66: "EE certificate key too weak",
	67: "CA certificate key too weak",
	68: "CA signature digest algorithm too weak",
	69: "invalid certificate verification context",
	70: "issuer certificate lookup error",
	71: "Certificate Transparency required, but no valid SCTs found",
	72: "proxy subject name violation",
	73: "OCSP verification needed",
	74: "OCSP verification failed",
	75: "OCSP unknown cert",
	76: "Cannot find certificate signature algorithm",
	77: "subject signature algorithm and issuer public key algorithm mismatch",
	78: "cert info signature and signature algorithm mismatch",
	79: "invalid CA certificate",
	80: "Path length invalid for non-CA cert",
	81: "Path length given without key usage keyCertSign",
	82: "Key usage keyCertSign invalid for non-CA cert",
	83: "Issuer name empty",
	84: "Subject name empty",
	85: "Missing Authority Key Identifier",
	86: "Missing Subject Key Identifier",
	87: "Empty Subject Alternative Name extension",
	88: "Subject empty and Subject Alt Name extension not critical",
	89: "Basic Constraints of CA cert not marked critical",
	90: "Authority Key Identifier marked critical",
	91: "Subject Key Identifier marked critical",
	92: "CA cert does not include key usage extension",
	93: "Using cert extension requires at least X509v3",
	94: "Certificate public key has explicit ECC parameters",
}

// mtlsCodes are the codes that matter in an nginx client-certificate setup;
// each needs a full explanation, not just the short generic one.
var mtlsCodes = []int{2, 3, 7, 8, 9, 10, 11, 12, 13, 14, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 32, 34, 35, 47, 48, 66, 67, 68, 79, 94}

func TestVerifyCodesAreOpenSSL30(t *testing.T) {
	codes := VerifyCodes()
	if len(codes) != 95 {
		t.Fatalf("VerifyCodes() has %d codes, want 95 (0..94)", len(codes))
	}
	for i, v := range codes {
		if v.Code != i {
			t.Fatalf("VerifyCodes()[%d].Code = %d: not sorted or a gap", i, v.Code)
		}
		if want := openssl30Texts[i]; v.Text != want {
			t.Errorf("code %d Text = %q, want OpenSSL 3.0.19's %q", i, v.Text, want)
		}
		if v.Code == 0 && v.Macro != "X509_V_OK" || v.Code != 0 && !strings.HasPrefix(v.Macro, "X509_V_ERR_") {
			t.Errorf("code %d Macro = %q", i, v.Macro)
		}
		if v.Meaning == "" || v.Fix == "" || v.Causes == "" || v.Confirm == "" {
			t.Errorf("code %d: Meaning, Causes, Fix and Confirm must all be set", i)
		}
		if got := v.OpenSSLError(); got != itoa(i)+":"+openssl30Texts[i] {
			t.Errorf("code %d OpenSSLError() = %q", i, got)
		}
	}
}

func TestMTLSCodesHaveFullText(t *testing.T) {
	for _, c := range mtlsCodes {
		v, ok := Verify(c)
		if !ok {
			t.Fatalf("Verify(%d) not found", c)
		}
		for name, s := range map[string]string{"Text": v.Text, "Meaning": v.Meaning, "Causes": v.Causes, "Fix": v.Fix, "Confirm": v.Confirm} {
			if strings.TrimSpace(s) == "" {
				t.Errorf("code %d: empty %s", c, name)
			}
		}
		if len(v.Causes) < 80 {
			t.Errorf("code %d: Causes is only the short generic text: %q", c, v.Causes)
		}
	}
}

// TestNonObviousFacts pins the facts operators most often get wrong, so
// that an edit cannot quietly drop them.
func TestNonObviousFacts(t *testing.T) {
	tests := []struct {
		code  int
		field string
		want  []string
	}{
		{21, "Causes", []string{"only its leaf", "openssl verify prints 20", "last"}},
		{20, "Causes", []string{"ssl_verify_depth", "22"}},
		{22, "Causes", []string{"intermediate", "defaults to 1", "20"}},
		{68, "Causes", []string{"client certificate itself", "SHA-1"}},
		{18, "Causes", []string{"same subject DN", "authorityKeyIdentifier"}},
		{3, "Causes", []string{"including the root", "ssl_crl"}},
		{24, "Meaning", []string{"1.1.1", "79"}},
		{79, "Meaning", []string{"1.1.1", "94"}},
		{10, "Causes", []string{"last error"}},
		{68, "Fix", []string{"-sha256"}},
		{20, "Fix", []string{"ssl_verify_depth 2;", "cat int.crt root.crt > /etc/nginx/client-ca.pem"}},
		{26, "Confirm", []string{"SSL client : Yes"}},
	}
	for _, tt := range tests {
		v, _ := Verify(tt.code)
		got := map[string]string{"Causes": v.Causes, "Meaning": v.Meaning, "Fix": v.Fix, "Confirm": v.Confirm}[tt.field]
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("code %d %s lacks %q: %s", tt.code, tt.field, w, got)
			}
		}
	}
}

func TestVerifyByTextRoundTrip(t *testing.T) {
	for _, v := range VerifyCodes() {
		texts := append([]string{v.Text}, v.Spellings...)
		for _, s := range texts {
			for _, variant := range []string{s, strings.ToUpper(s), strings.ToLower(s), "  " + s + "\n"} {
				got, ok := VerifyByText(variant)
				if !ok || got.Code != v.Code {
					t.Errorf("VerifyByText(%q) = %d, %v; want %d", variant, got.Code, ok, v.Code)
				}
			}
		}
	}
}

func TestVerifyByTextAcrossVersions(t *testing.T) {
	tests := []struct {
		text string
		want int
	}{
		{"self signed certificate", 18},                                      // 1.1.1
		{"self signed certificate in certificate chain", 19},                 // 1.1.1
		{"unsupported certificate purpose", 26},                              // 1.1.1 and 3.0.0-3.0.7
		{"unsuitable certificate purpose", 26},                               // 3.0.8+
		{"invalid CA certificate", 79},                                       // 1.1.1 code 24
		{"Certificate public key has explicit ECC parameters", 94},           // 1.1.1 code 79
		{"issuer certificate doesn't have a public key", 24},                 // 3.0 code 24
		{"certificate is not yet valid or the system clock is incorrect", 9}, // master
		{"certificate is not yet valid (some future wording)", 9},            // prefix
		{"Different CRL scope", 44},                                          // 1.1.1
		{"Path Loop", 55},                                                    // 1.1.1
		{"Hostname mismatch", 62},                                            // 1.1.1
		{"Invalid certificate verification context", 69},                     // 1.1.1
		{"invalid non-CA certificate (has CA markings)", 37},                 // parentheses
	}
	for _, tt := range tests {
		got, ok := VerifyByText(tt.text)
		if !ok || got.Code != tt.want {
			t.Errorf("VerifyByText(%q) = %d, %v; want %d", tt.text, got.Code, ok, tt.want)
		}
	}
	for _, s := range []string{"", "unknown certificate verification error", "hello", "certificate"} {
		if got, ok := VerifyByText(s); ok {
			t.Errorf("VerifyByText(%q) = %d, want no match", s, got.Code)
		}
	}
}

func TestTextsAreUnambiguous(t *testing.T) {
	seen := map[string]int{}
	for _, v := range VerifyCodes() {
		for _, s := range append([]string{v.Text}, v.Spellings...) {
			k := strings.ToLower(s)
			if c, dup := seen[k]; dup && c != v.Code {
				t.Errorf("text %q belongs to both %d and %d", s, c, v.Code)
			}
			seen[k] = v.Code
		}
	}
}

func TestVersionFields(t *testing.T) {
	want := map[int]int{79: 24, 94: 79}
	noCA := map[int]bool{18: true, 19: true, 20: true, 21: true, 27: true}
	seen := map[int]bool{2: true, 3: true, 7: true, 9: true, 10: true, 12: true, 13: true, 14: true, 18: true, 19: true, 20: true, 21: true, 23: true, 25: true, 26: true, 32: true, 34: true, 47: true, 66: true, 67: true, 68: true, 79: true}
	for _, v := range VerifyCodes() {
		if v.OldCode != want[v.Code] {
			t.Errorf("code %d OldCode = %d, want %d", v.Code, v.OldCode, want[v.Code])
		}
		if v.OptionalNoCA != noCA[v.Code] {
			t.Errorf("code %d OptionalNoCA = %v", v.Code, v.OptionalNoCA)
		}
		if v.SeenInNginx != seen[v.Code] {
			t.Errorf("code %d SeenInNginx = %v", v.Code, v.SeenInNginx)
		}
	}
	if v, _ := Verify(26); len(v.Spellings) == 0 || v.Spellings[0] != "unsupported certificate purpose" {
		t.Errorf("code 26 Spellings = %q", v.Spellings)
	}
	if v, _ := Verify(9); len(v.Spellings) == 0 || v.Spellings[0] != "certificate is not yet valid or the system clock is incorrect" {
		t.Errorf("code 9 Spellings = %q", v.Spellings)
	}
}

func TestVerifyBounds(t *testing.T) {
	for _, c := range []int{-1, 95, 1000} {
		if _, ok := Verify(c); ok {
			t.Errorf("Verify(%d) found", c)
		}
	}
	if v, ok := VerifyByMacro("x509_v_err_ca_md_too_weak"); !ok || v.Code != 68 {
		t.Errorf("VerifyByMacro = %d, %v", v.Code, ok)
	}
}

func TestCopiesDoNotAliasTable(t *testing.T) {
	v, _ := Verify(26)
	v.Spellings[0] = "changed"
	if w, _ := Verify(26); w.Spellings[0] != "unsupported certificate purpose" {
		t.Fatal("Verify returned the table's own Spellings slice")
	}
	es := Entries()
	es[0].Match[0] = "changed"
	if Entries()[0].Match[0] == "changed" {
		t.Fatal("Entries returned the table's own Match slice")
	}
}

// TestVerifyByCutText: a verify result cut inside a word is read as the
// result it begins; a line ending on whole words is not.
func TestVerifyByCutText(t *testing.T) {
	for _, tc := range []struct {
		line string
		code int
		ok   bool
	}{
		{"handshake failed: unable to get local issuer certif", 20, true},
		{"verify: self-signed certificate in certificate ch", 19, true},
		{"java.security.cert.CertificateException: untrusted server certificate chain", 0, false},
		{"private key does not match the certificate public key", 0, false},
		{"unable to get loc", 0, false},
	} {
		v, ok := VerifyByCutText(tc.line)
		if ok != tc.ok || ok && v.Code != tc.code {
			t.Errorf("VerifyByCutText(%q) = %d, %v; want %d, %v", tc.line, v.Code, ok, tc.code, tc.ok)
		}
	}
}
