// Package hint holds the error that says what to do instead: an error
// with hints, which the command prints under the error's own line, one
// "hint:" line each. Packages that know the way out (doctor, the command
// itself) attach it; only the command prints it.
//
// It imports nothing of mtlsdoctor's.
package hint

import "errors"

// Error is an error with hints. Its text is the error's alone.
type Error struct {
	Err   error
	Hints []string
}

// Error is the error's text, without the hints.
func (e *Error) Error() string { return e.Err.Error() }

// Unwrap is the error without its hints.
func (e *Error) Unwrap() error { return e.Err }

// Wrap attaches hints to err.
func Wrap(err error, hints ...string) error {
	return &Error{Err: err, Hints: hints}
}

// Of is the hints err carries: those of the first *Error in its chain.
func Of(err error) []string {
	var e *Error
	if errors.As(err, &e) {
		return e.Hints
	}
	return nil
}
