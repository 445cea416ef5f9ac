package main

import (
	"reflect"
	"testing"
)

const sample = `
#[non_exhaustive]
#[derive(Debug)]
pub enum Error {
    /// doc
    InappropriateMessage {
        expect_types: Vec<ContentType>,
        got_type: ContentType,
    },
    #[deprecated(
        since = "0.23.29",
        note = "use X instead"
    )]
    InvalidCertificate(CertificateError),
    NoCertificatesPresented,
    Other(OtherError),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::InappropriateMessage {
                expect_types,
                got_type,
            } => write!(
                f,
                "received unexpected message: got {:?} when expecting {}",
                got_type,
                join(expect_types)
            ),
            Self::InvalidCertificate(err) => {
                write!(f, "invalid peer certificate: {err}")
            }
            Self::NoCertificatesPresented => write!(f, "peer sent \
                 no certificates"),
            Self::Other(err) => write!(f, "{err:?}"),
        }
    }
}
`

// TestParse: variants past doc comments, attributes and struct and tuple
// fields; Display arms' words joined across line continuations, with their
// placeholders as {}; a Debug arm has none.
func TestParse(t *testing.T) {
	text := reComment.ReplaceAllString(sample, "")
	if got, want := variants(text, "Error"), []string{"InappropriateMessage", "InvalidCertificate", "NoCertificatesPresented", "Other"}; !reflect.DeepEqual(got, want) {
		t.Errorf("variants = %q, want %q", got, want)
	}
	arms := displayArms(text, "Error")
	for v, want := range map[string][]string{
		"InappropriateMessage":    {"received unexpected message: got {} when expecting {}"},
		"InvalidCertificate":      {"invalid peer certificate: {}"},
		"NoCertificatesPresented": {"peer sent no certificates"},
		"Other":                   nil,
	} {
		if got := arms[v]; !reflect.DeepEqual(got, want) {
			t.Errorf("Display of %s = %q, want %q", v, got, want)
		}
	}
}

// TestReasons: rustls 0.19's free texts, by the call and by the helper,
// with the side of their file; a helper's own definition is none.
func TestReasons(t *testing.T) {
	files := []source{
		{"server/hs.rs", `pub fn incompatible(sess: &mut S, why: &str) -> TLSError {
    TLSError::PeerIncompatibleError(why.to_string())
}
fn x() { return Err(incompatible(sess, "no ciphersuites in common")); }`, "server"},
		{"client/hs.rs", `return Err(TLSError::PeerMisbehavedError(
    "server sent duplicate extensions".to_string()));`, "client"},
	}
	want := "Reason\tPeerIncompatibleError\tserver\tno ciphersuites in common\n" +
		"Reason\tPeerMisbehavedError\tclient\tserver sent duplicate extensions\n"
	if got := reasons(files); got != want {
		t.Errorf("reasons = %q, want %q", got, want)
	}
}
