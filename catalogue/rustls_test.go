package catalogue

import (
	"strings"
	"testing"
)

// rustlsForms are the lines rustls prints a row in: Display and Debug.
func rustlsForms(e RustlsError) []string {
	switch e.Enum {
	case "AlertDescription":
		return []string{"received fatal alert: " + e.Name, "AlertReceived(" + e.Name + ")", "Sending fatal alert " + e.Name}
	case "CertificateError":
		return []string{"invalid peer certificate: " + e.Name, "InvalidCertificate(" + e.Name + ")"}
	case "PeerIncompatible":
		return []string{"peer is incompatible: " + e.Name, "PeerIncompatible(" + e.Name + ")"}
	case "PeerMisbehaved":
		return []string{"peer misbehaved: " + e.Name, "PeerMisbehaved(" + e.Name + ")"}
	case "InvalidMessage":
		return []string{"received corrupt message of type " + e.Name, "InvalidMessage(" + e.Name + ")"}
	case "CertRevocationListError":
		return []string{"invalid certificate revocation list: " + e.Name, "InvalidCertRevocationList(" + e.Name + ")"}
	case "EncryptedClientHelloError":
		return []string{"encrypted client hello failure: " + e.Name, "InvalidEncryptedClientHello(" + e.Name + ")"}
	case "InconsistentKeys":
		return []string{"keys may not be consistent: " + e.Name, "InconsistentKeys(" + e.Name + ")"}
	case "PeerIncompatibleError":
		return []string{"peer is incompatible: " + e.Name, `PeerIncompatibleError("` + e.Name + `")`}
	case "PeerMisbehavedError":
		return []string{"peer misbehaved: " + e.Name, `PeerMisbehavedError("` + e.Name + `")`}
	case "Log":
		return nil
	}
	if e.Crate == "webpki" {
		return []string{"invalid peer certificate: Other(OtherError(" + e.Name + "))", "invalid certificate: " + e.Name, "WebPKIError(" + e.Name + ")",
			`InvalidCertificateData("invalid peer certificate: ` + e.Name + `")`}
	}
	out := []string{e.Name}
	if len(e.Texts) > 0 {
		out = append(out, strings.ReplaceAll(e.Texts[0], "{}", "X"))
	}
	return out
}

// TestEveryRustlsErrorExplained: every variant of every version, in each
// form rustls prints it, gets an entry that is not a catch-all.
func TestEveryRustlsErrorExplained(t *testing.T) {
	if len(rustlsErrors) < 350 {
		t.Fatalf("%d rustls errors, want the whole of rustls's and webpki's enums", len(rustlsErrors))
	}
	for _, e := range rustlsErrors {
		for _, in := range rustlsForms(e) {
			if e.Enum == "Error" && in == e.Name && len(in) < rustlsBareMin && len(e.Texts) > 0 ||
				e.Name == "General" || e.Name == "Other" || e.Name == "WebPKIError" || e.Name == "AlertReceived" {
				// A short Debug name alone is no one's; "unexpected error:
				// X", "other error: X", "invalid certificate: X" and "received
				// fatal alert: X" are any
				// program's words without a name rustls has after them.
				continue
			}
			_, entries := Lookup(in)
			if len(entries) == 0 {
				t.Errorf("%s::%s: nothing for %q", e.Enum, e.Name, in)
				continue
			}
			if f := entries[0]; f.Fallback || f.Fix == "" || f.ID == TLSUnexplained {
				t.Errorf("%q: a catch-all or empty entry first: %q", in, f.Title)
			}
		}
	}
}

// TestRustlsLookups: the forms pasted lines show reach the right story.
func TestRustlsLookups(t *testing.T) {
	for in, want := range map[string]string{
		"invalid peer certificate: UnknownIssuer":                                       "server-cert-untrusted",
		"InvalidCertificate(Other(OtherError(CaUsedAsEndEntity)))":                      "self-issued-leaf",
		"WebPKIError(CertNotValidForName)":                                              "server-hostname-mismatch",
		"received fatal alert: CertificateRequired":                                     "tls-alert",
		"AlertReceived(UnrecognisedName)":                                               "tls-alert",
		"[WARN  rustls::conn] Sending fatal alert HandshakeFailure":                     "rustls-error",
		"invalid peer certificate contents: invalid peer certificate: CertExpired":      "server-cert-expired",
		"invalid peer certificate: Other(OtherError(RequiredEkuNotFound))":              "wrong-purpose",
		"invalid peer certificate: InvalidPurposeContext { required: ClientAuth }":      "wrong-purpose",
		"peer is incompatible: no ciphersuites in common":                               "handshake-failed",
		"peer misbehaved: SelectedUnofferedCipherSuite":                                 "rustls-error",
		"received corrupt message of type InvalidContentType":                           "handshake-failed",
		"received corrupt message of type Handshake":                                    "rustls-error",
		"peer sent no certificates":                                                     "no-client-cert",
		"invalid peer certificate: SomethingNewer":                                      "rustls-error",
		"rustls_connection_process_new_packets: invalid peer certificate: BadSignature": "bad-signature",
	} {
		_, entries := Lookup(in)
		if len(entries) == 0 || entries[0].ID.String() != want {
			got := "nothing"
			if len(entries) > 0 {
				got = entries[0].ID.String() + ": " + entries[0].Title
			}
			t.Errorf("%q: %s, want %s", in, got, want)
		}
	}
	e, ok := findRustls(strings.ToLower("received fatal alert: CertificateRequired"))
	if a, aok := rustlsAlert(e.RustlsError); !ok || !aok || a.num != 116 {
		t.Errorf("CertificateRequired is not alert 116: %+v %v", e, ok)
	}
}

// TestRustlsOddInput: Java's alert names, names rustls does not have, a
// short name alone and a name inside a longer word are no rustls error.
func TestRustlsOddInput(t *testing.T) {
	for _, in := range []string{"received fatal alert: certificate_required", "received fatal alert: nosuchalert", "expired",
		"xunknownissuerx", "invalid certificate: something", "unknown_issuer"} {
		if f, ok := findRustls(in); ok {
			t.Errorf("%q taken as %s::%s", in, f.Enum, f.Name)
		}
	}
	if RustlsAlertLine("received fatal alert: certificate_required") || !RustlsAlertLine("received fatal alert: certificaterequired") {
		t.Error("RustlsAlertLine does not tell rustls's names from Java's")
	}
}

// A received alert in rustls's or wolfSSL's words gets the story and fix
// of the entry that tells that alert in OpenSSL's words, not the bare
// alert's generic one: certificate_required names the client certificate
// to configure.
func TestLibraryReceivedAlertIsTheAlertsOwnEntry(t *testing.T) {
	for _, in := range []string{
		"received fatal alert: CertificateRequired",
		"Error: AlertReceived(CertificateRequired)",
		"wolfSSL_connect error -313, received alert fatal error, Got alert: 116",
	} {
		_, entries := Lookup(in)
		if len(entries) == 0 {
			t.Errorf("%q: no entry", in)
			continue
		}
		if e := entries[0]; !strings.Contains(e.Fix, "--cert client.crt") || !strings.Contains(e.Title, "certificate_required") {
			t.Errorf("%q: got %q, fix %q; want certificate_required's own entry", in, e.Title, e.Fix)
		}
	}
}
