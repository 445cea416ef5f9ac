package catalogue

import (
	"fmt"
	"strings"
	"testing"
)

// boringLine is a reason as BoringSSL's ERR_error_string prints it.
func boringLine(r BoringReason, name string) string {
	l, _ := boringLibByNum(r.Lib)
	return fmt.Sprintf("error:%08x:%s:OPENSSL_internal:%s", uint32(r.Lib)<<24|uint32(r.Num), l.words, name)
}

// TestEveryBoringReasonExplained: every reason of the table, by each name
// it had, in BoringSSL's own line, envoy's decimal and gRPC's upper-case
// form, gets an entry that is not a catch-all: its own reasons from
// Lookup itself, the ones OpenSSL shares once their name reads as
// OpenSSL's words (explain's macro-to-words pass).
func TestEveryBoringReasonExplained(t *testing.T) {
	if len(boringReasons) < 700 {
		t.Fatalf("%d BoringSSL reasons, want the whole of its headers", len(boringReasons))
	}
	for i, r := range boringReasons {
		for _, name := range append([]string{r.Name}, r.Older...) {
			l, _ := boringLibByNum(r.Lib)
			code := uint32(r.Lib)<<24 | uint32(r.Num)
			h := boringHit{code: code, lib: r.Lib, num: r.Num, name: name, idx: i}
			for _, in := range []string{
				boringLine(r, name),
				fmt.Sprintf("TLS error: %d:%s:OPENSSL_internal:%s", code, l.words, name),
				fmt.Sprintf("Handshake failed with fatal error SSL_ERROR_SSL: error:%08x:%s:OPENSSL_INTERNAL:%s.", code, strings.ToUpper(l.words), name),
			} {
				if !h.own() {
					in = strings.ReplaceAll(in, name, strings.ToLower(strings.ReplaceAll(name, "_", " ")))
				}
				_, entries := Lookup(in)
				if len(entries) == 0 {
					t.Errorf("%s: nothing for %q", r.Macro, in)
					continue
				}
				if f := entries[0]; f.Fallback || f.Fix == "" {
					t.Errorf("%q: a catch-all or empty entry first: %q", in, f.Title)
				}
			}
		}
	}
}

// TestBoringLookups: codes alone, in hex and decimal, older names, alerts,
// and what is not BoringSSL's.
func TestBoringLookups(t *testing.T) {
	for _, tc := range []struct {
		in, id, words string
	}{
		// A packed code alone: the reason's words lead to its entry.
		{"1000007d", "handshake-failed", "certificate verification failed"},
		{"268435581", "handshake-failed", "certificate verification failed"},
		{"1000045c", "tls-alert", "certificate_required"},
		{"268436572", "tls-alert", "certificate_required"},
		// An older name of an alert is told by the alert's entry.
		{"error:1000045c:SSL routines:OPENSSL_internal:TLSV1_CERTIFICATE_REQUIRED", "tls-alert", "certificate_required"},
		{"TLSV1_CERTIFICATE_REQUIRED", "tls-alert", "certificate_required"},
		// Alerts no entry reads in words.
		{"error:10000471:SSL routines:OPENSSL_internal:TLSV1_ALERT_BAD_CERTIFICATE_STATUS_RESPONSE", "boringssl-reason", "113 bad_certificate_status_response"},
		{"error:10000479:SSL routines:OPENSSL_internal:TLSV1_ALERT_ECH_REQUIRED", "boringssl-reason", "121 ech_required"},
		// The name wins over a number of another reason.
		{"error:10000fff:SSL routines:OPENSSL_internal:HANDSHAKE_FAILURE_ON_CLIENT_HELLO", "handshake-failed", "clienthello"},
		// Own names alone, with a macro prefix, and node's code.
		{"SSL_R_KEY_USAGE_BIT_INCORRECT", "wrong-purpose", "digitalsignature"},
		{"code: 'ERR_SSL_TLSV1_ALERT_ECH_REQUIRED'", "boringssl-reason", "ech_required"},
		{"CANNOT_PARSE_LEAF_CERT", "boringssl-reason", "certificate"},
		// A library reason alone says another library failed.
		{"error:10000009:SSL routines:OPENSSL_internal:PEM routines", "boringssl-reason", "another of boringssl's libraries"},
		// CIPHER's reasons are OpenSSL's EVP ones.
		{"error:1e000065:Cipher functions:OPENSSL_internal:bad decrypt", "bad-passphrase", "passphrase"},
		// BoringSSL's RSA library, which OpenSSL's tables leave out.
		{"error:04000065:RSA routines:OPENSSL_internal:BAD_E_VALUE", "boringssl-reason", "rsa"},
		// ... and its reason that an entry tells: a signature checked with the wrong key.
		{"error:04000073:RSA routines:OPENSSL_internal:DATA_TOO_LARGE_FOR_MODULUS", "handshake-failed", "same name"},
	} {
		_, entries := Lookup(tc.in)
		if len(entries) == 0 {
			t.Errorf("%q: nothing", tc.in)
			continue
		}
		e := entries[0]
		if e.ID.String() != tc.id {
			t.Errorf("%q: %s (%s), want %s", tc.in, e.ID, e.Title, tc.id)
		}
		if text := strings.ToLower(e.Title + " " + e.Explanation + " " + e.Fix); !strings.Contains(text, tc.words) {
			t.Errorf("%q: %q lacks %q", tc.in, e.Title, tc.words)
		}
	}
	// Not BoringSSL's: a code inside a longer number, a code with
	// OpenSSL 1.x's function bits, OpenSSL 3's packing, a name the table
	// lacks, two-word names and alerts' names other programs use.
	for _, in := range []string{
		"2684355810", "12684355810", "1000707d", "x1000007d",
		"error:10000fff:SSL routines:OPENSSL_internal:NO_SUCH_REASON_AT_ALL",
		"unsupported_certificate", "decode_error", "missing_extension",
	} {
		if h, ok := findBoringErrors(strings.ToLower(in)); ok {
			t.Errorf("%q: read as BoringSSL's %s", in, h.name)
		}
		if h, ok := findBoringName(strings.ToLower(in)); ok {
			t.Errorf("%q: named BoringSSL's %s", in, h.name)
		}
		if b, ok := boringAlone(strings.ToLower(in)); ok {
			t.Errorf("%q: taken as BoringSSL's code alone: %s", in, b)
		}
	}
	if _, ok := boringAlone("0a000086"); ok {
		t.Error("OpenSSL 3's 0a000086 taken as BoringSSL's")
	}
	// The last error of the queue that does not only name a library.
	h, ok := findBoringErrors("error:0900006e:pem routines:openssl_internal:no_start_line error:10000009:ssl routines:openssl_internal:pem routines")
	if !ok || h.name != "NO_START_LINE" {
		t.Errorf("queue: %+v, want NO_START_LINE", h)
	}
}
