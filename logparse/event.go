package logparse

import "time"

// Format is the kind of log a stream holds.
type Format int

// The formats a Scanner understands.
const (
	Unknown    Format = iota
	ErrorLog          // nginx error_log
	AccessLog         // access_log in combined (or combined-like) format
	AccessJSON        // access_log with a JSON-style log_format
)

func (f Format) String() string {
	switch f {
	case ErrorLog:
		return "error log"
	case AccessLog:
		return "access log"
	case AccessJSON:
		return "access log (JSON)"
	}
	return "unknown"
}

// Event is one recognised log line.
type Event struct {
	// ID is the finding id (the README lists them): verify-error, no-client-cert,
	// plain-http, handshake-failed, cert-load-failed, key-load-failed,
	// bad-passphrase, key-mismatch, startup-failed, stale-ssl-error,
	// upstream-verify-error, status-495, status-496, status-497.
	ID string
	// Key groups like events: "verify-error:68",
	// "handshake-failed:no shared cipher", "status-495", or just ID.
	Key string
	// Code is the OpenSSL verify code for verify errors (0 otherwise).
	Code int
	// Text is the OpenSSL verify text, the handshake reason, or the
	// $ssl_client_verify value, as logged.
	Text string
	// Level is the error-log level ("info", "emerg", ...).
	Level string
	// Time is when it was logged (zero if the line had no readable time).
	// Error-log times carry no zone and are read in the local zone.
	Time time.Time
	// Client is the client address, when the line names one. From a
	// Scanner it shares the line's bytes and, like Line, is only valid
	// until the Scanner's next call: copy it (strings.Clone) to keep it.
	Client string
	// Status is 495, 496 or 497 for access-log events.
	Status int
	// Line is the raw line (without the newline). It is only valid until
	// the Scanner's next call; Summary copies what it keeps.
	Line []byte
	// Source is the format the line was read as.
	Source Format
	// Role is nginx's part in the handshake the line is about: "server"
	// (its clients) or "client" (its upstreams, Lua cosockets, OCSP).
	Role string
}
