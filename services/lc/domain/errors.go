package domain

import (
	"errors"
	"fmt"
)

// Kind classifies the service's errors, so the HTTP adapter maps each kind once to an RFC 9457
// status and nothing inside the service knows HTTP.
type Kind int

const (
	KindRule            Kind = iota // the credit's rules refuse it (an unclassified domain error)
	KindInvalid                     // fields at fault (InvalidFields)
	KindUnauthenticated             // nobody was authenticated
	KindForbidden                   // a party without the right (the rule is named)
	KindNotFound                    // no such credit, or none of the caller's business
	KindConflict                    // the credit's state, or a taken ID, forbids it
	KindInternal                    // not a domain error at all (storage, encoding): its text is not shown
)

// Error is a domain or application error of a kind.
type Error struct {
	Kind Kind
	Msg  string
}

func (e *Error) Error() string { return e.Msg }

// KindOf returns the kind of err: KindInternal for an error none of the service's rules made.
func KindOf(err error) Kind {
	var e *Error
	var fs InvalidFields
	switch {
	case errors.As(err, &fs):
		return KindInvalid
	case errors.Is(err, ErrNotVisible):
		return KindNotFound
	case errors.As(err, &e):
		return e.Kind
	}
	return KindInternal
}

func errorf(k Kind, format string, a ...any) error {
	return &Error{Kind: k, Msg: fmt.Sprintf(format, a...)}
}

// Forbid is the refusal of an authorisation rule: the caller is a party, the rule says no.
func Forbid(rule string) error { return &Error{Kind: KindForbidden, Msg: rule} }

// The errors the application and its adapters share.
var (
	// ErrInvalidState: the command does not fit the credit's state.
	ErrInvalidState = &Error{Kind: KindConflict, Msg: "not allowed in the credit's current state"}
	// ErrNotFound: no credit has the ID (the repository's answer), or the caller may not see it.
	ErrNotFound = &Error{Kind: KindNotFound, Msg: "no such letter of credit"}
	// ErrCreditExists: a credit with the ID exists already (the repository's answer to Create).
	ErrCreditExists = &Error{Kind: KindConflict, Msg: "a letter of credit with this ID exists"}
	// ErrUnauthenticated: nobody was authenticated.
	ErrUnauthenticated = &Error{Kind: KindUnauthenticated, Msg: "this API needs a bearer access token"}
)
