package catalogue

import (
	"strconv"
	"strings"
)

// chromiumNetErrors are the TLS and certificate errors of Chromium's
// net_error_list.h by number: Chromium and Electron apps log a failed
// handshake as "net_error -202", which the entries know by name
// (ERR_CERT_AUTHORITY_INVALID).
var chromiumNetErrors = map[int]string{
	-107: "ssl_protocol_error", -110: "ssl_client_auth_cert_needed", -112: "no_ssl_versions_enabled",
	-113: "ssl_version_or_cipher_mismatch", -114: "ssl_renegotiation_requested", -116: "cert_error_in_ssl_renegotiation",
	-117: "bad_ssl_client_auth_cert", -123: "ssl_no_renegotiation", -125: "ssl_decompression_failure_alert",
	-126: "ssl_bad_record_mac_alert", -134: "ssl_client_auth_private_key_access_denied", -135: "ssl_client_auth_cert_no_private_key",
	-136: "proxy_certificate_invalid", -141: "ssl_client_auth_signature_failed", -148: "ssl_handshake_not_completed",
	-149: "ssl_bad_peer_public_key", -150: "ssl_pinned_key_not_in_cert_chain", -151: "client_auth_cert_type_unsupported",
	-153: "ssl_decrypt_error_alert", -156: "ssl_server_cert_changed", -159: "ssl_unrecognized_name_alert",
	-164: "ssl_client_auth_cert_bad_format", -167: "ssl_server_cert_bad_format", -172: "ssl_obsolete_cipher",
	-177: "ssl_client_auth_no_common_algorithms", -180: "tls13_downgrade_detected", -181: "ssl_key_usage_incompatible",
	-200: "cert_common_name_invalid", -201: "cert_date_invalid", -202: "cert_authority_invalid", -203: "cert_contains_errors",
	-204: "cert_no_revocation_mechanism", -205: "cert_unable_to_check_revocation", -206: "cert_revoked", -207: "cert_invalid",
	-208: "cert_weak_signature_algorithm", -210: "cert_non_unique_name", -211: "cert_weak_key", -212: "cert_name_constraint_violation",
	-213: "cert_validity_too_long", -214: "certificate_transparency_required", -215: "cert_symantec_legacy",
	-217: "cert_known_interception_blocked", -218: "ssl_obsolete_version",
}

// withNetErrorName is lower with the name of the Chromium net error it
// gives by number ("net_error -213"), appended as Chromium spells it
// ("err_cert_validity_too_long"); lower itself when it has none.
func withNetErrorName(lower string) string {
	i := strings.Index(lower, "net_error ")
	if i < 0 {
		return lower
	}
	rest := lower[i+len("net_error "):]
	end := 0
	for end < len(rest) && (rest[end] == '-' && end == 0 || rest[end] >= '0' && rest[end] <= '9') {
		end++
	}
	n, err := strconv.Atoi(rest[:end])
	if err != nil {
		return lower
	}
	name, ok := chromiumNetErrors[n]
	if !ok || strings.Contains(lower, "err_"+name) {
		return lower
	}
	return lower + " (err_" + name + ")"
}
