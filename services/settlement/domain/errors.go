// Package domain holds the settlement model: payments raised when a letter of credit is honoured,
// FX conversion at a recorded exact rate, balanced double-entry postings, and the attempts by
// which a payment is instructed until one settles. Pure: no I/O.
package domain

import (
	"errors"
	"fmt"
)

// Kind classifies a domain error. The HTTP adapter alone maps a kind to an RFC 9457 status; no
// layer below it knows HTTP.
type Kind int

const (
	KindInvalid   Kind = iota + 1 // the input breaks a payment rule
	KindConflict                  // the payment's state forbids it
	KindNotFound                  // no such payment (or none the caller may see)
	KindForbidden                 // a party of the payment without the right; Msg names the rule
)

// Error is a typed domain error.
type Error struct {
	Kind Kind
	Msg  string
	// Cause, when set, is what errors.Is finds through the error (ErrAwaitingCorrection).
	Cause error
}

func (e *Error) Error() string { return e.Msg }

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Cause }

func invalid(format string, a ...any) error {
	return &Error{Kind: KindInvalid, Msg: fmt.Sprintf(format, a...)}
}

func conflict(format string, a ...any) error {
	return &Error{Kind: KindConflict, Msg: fmt.Sprintf(format, a...)}
}

func forbidden(rule string) error { return &Error{Kind: KindForbidden, Msg: rule} }

// ErrNotFound is returned by repositories when no payment has the ID.
var ErrNotFound = &Error{Kind: KindNotFound, Msg: "payment not found"}

// KindOf returns the kind of err, 0 when it is not a domain error.
func KindOf(err error) Kind {
	var e *Error
	if errors.As(err, &e) {
		return e.Kind
	}
	return 0
}
