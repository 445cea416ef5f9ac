// Package logparse reads nginx error and access logs and turns the lines
// that matter for mutual TLS into Events, grouped by a Summary: verify
// errors, missing client certificates, plain HTTP on the TLS port,
// handshake failures, start-up key and certificate errors, and the 400s
// of the access log that stand for 495/496/497.
//
// It is built for speed and bounded memory: a Scanner looks for candidate
// lines with a byte search over large buffers and parses only those, so an
// uninteresting line costs a share of one bytes.Index and one bytes.Count
// and allocates nothing. Lines are bounded (MaxLine); longer ones are
// skipped and counted. Summary groups events with bounded tables.
//
// The kinds of error-log line are one table (errorKinds); the finding each
// kind's events become, and its words, are the catalogue's. It imports
// only package catalogue (for verify texts and nginx's page sizes).
package logparse
