// Package domain holds the settlement model: payments raised when a letter of credit is honoured,
// FX conversion at a recorded exact rate, and balanced double-entry postings. Pure: no I/O.
package domain

import (
	"errors"
	"fmt"
)

// Kind classifies a domain error so the HTTP adapter maps it once to a problem+json status.
type Kind int

const (
	KindInvalid  Kind = iota + 1 // bad input: 400/422
	KindConflict                 // the payment's state forbids it: 409
	KindNotFound                 // 404
)

// Error is a typed domain error.
type Error struct {
	Kind Kind
	Msg  string
}

func (e *Error) Error() string { return e.Msg }

func invalid(format string, a ...any) error {
	return &Error{Kind: KindInvalid, Msg: fmt.Sprintf(format, a...)}
}

func conflict(format string, a ...any) error {
	return &Error{Kind: KindConflict, Msg: fmt.Sprintf(format, a...)}
}

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
