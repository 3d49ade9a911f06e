// Package errs defines the few kinds of error the domain reports, so that
// the web layer maps each kind to a status code and a safe Chinese message
// without matching strings.
package errs

import (
	"errors"
	"fmt"
)

// Kinds of error, checked with errors.Is.
var (
	// ErrInvalid means the input was malformed or broke a rule.
	ErrInvalid = errors.New("invalid")
	// ErrNotFound means the thing asked for does not exist (or is hidden).
	ErrNotFound = errors.New("not found")
	// ErrConflict means the change clashes with the current state.
	ErrConflict = errors.New("conflict")
	// ErrForbidden means the actor may not do this.
	ErrForbidden = errors.New("forbidden")
	// ErrUnauthenticated means the actor must log in first.
	ErrUnauthenticated = errors.New("unauthenticated")
)

// Error carries a kind and a message that is safe to show to the user, in
// Chinese. Its Error text is the message; Unwrap yields the kind.
type Error struct {
	Kind    error
	Message string
}

func (e *Error) Error() string { return e.Message }

// Unwrap returns the kind, so errors.Is(err, ErrInvalid) works.
func (e *Error) Unwrap() error { return e.Kind }

// Invalid returns an ErrInvalid error with a user-facing message.
func Invalid(format string, args ...any) error {
	return &Error{Kind: ErrInvalid, Message: fmt.Sprintf(format, args...)}
}

// NotFound returns an ErrNotFound error with a user-facing message.
func NotFound(format string, args ...any) error {
	return &Error{Kind: ErrNotFound, Message: fmt.Sprintf(format, args...)}
}

// Conflict returns an ErrConflict error with a user-facing message.
func Conflict(format string, args ...any) error {
	return &Error{Kind: ErrConflict, Message: fmt.Sprintf(format, args...)}
}

// Forbidden returns an ErrForbidden error with a user-facing message.
func Forbidden(format string, args ...any) error {
	return &Error{Kind: ErrForbidden, Message: fmt.Sprintf(format, args...)}
}

// Message returns the user-facing message of err, or "" when err carries
// none (an internal error whose text must not be shown).
func Message(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Message
	}
	return ""
}
