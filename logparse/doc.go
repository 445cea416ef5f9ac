// Package logparse will read nginx error and access logs and group their
// mTLS-relevant lines into findings (see the logs issue). It is reserved
// here so that the layout of the repository is settled from the start.
package logparse
