package domain

import (
	"errors"
	"fmt"
)

// ErrInvalidState: the command does not fit the aggregate's state (a conflict, not bad input).
var ErrInvalidState = errors.New("not allowed in the current state")

// ErrRefused: the input is well formed but the rules refuse it (e.g. a duty paid short).
var ErrRefused = errors.New("refused by the customs rules")

// FieldError names the field of a command that is wrong and why.
type FieldError struct{ Field, Reason string }

func (e *FieldError) Error() string { return e.Field + ": " + e.Reason }

func invalid(field, format string, args ...any) error {
	return &FieldError{Field: field, Reason: fmt.Sprintf(format, args...)}
}

// Forbidden: the caller may see what it acts on (or is creating it) but the rule it names does
// not let it.
type Forbidden struct{ Rule string }

func (e *Forbidden) Error() string { return "forbidden: " + e.Rule }

func refuse(rule string) error { return &Forbidden{Rule: rule} }

// NotFound: no such resource, or none the caller may see — the same error, word for word, so
// that an identifier cannot be probed. Resource names it as the store does (e.g.
// "declaration-EXP-1", "trade-T-1").
type NotFound struct{ Resource string }

func (e *NotFound) Error() string { return "not found: " + e.Resource }

// Exists: a create found its ID held by a resource with other content.
type Exists struct{ Resource string }

func (e *Exists) Error() string { return "already exists with other content: " + e.Resource }

// Kind classifies an error for whoever answers it: the HTTP adapter maps each kind once to its
// RFC 9457 status, a consumer decides from it whether a message can ever be handled.
type Kind int

const (
	KindInternal  Kind = iota // anything else: not the caller's fault, may pass on retry
	KindInvalid               // a field is wrong (400)
	KindForbidden             // the rule named does not allow it (403)
	KindNotFound              // no such resource the caller may see (404)
	KindConflict              // the state or a stored resource does not allow it (409)
	KindRefused               // well formed, refused by the customs rules (422)
)

// KindOf is the kind of err.
func KindOf(err error) Kind {
	var (
		fe *FieldError
		fb *Forbidden
		nf *NotFound
		ex *Exists
	)
	switch {
	case err == nil:
		return KindInternal
	case errors.As(err, &fe):
		return KindInvalid
	case errors.As(err, &fb):
		return KindForbidden
	case errors.As(err, &nf), errors.Is(err, ErrNotVisible):
		return KindNotFound
	case errors.As(err, &ex), errors.Is(err, ErrInvalidState), errors.Is(err, ErrTradeOwned):
		return KindConflict
	case errors.Is(err, ErrRefused):
		return KindRefused
	}
	return KindInternal
}

func stateError(action string, status any) error {
	return fmt.Errorf("%s: %w (%v)", action, ErrInvalidState, status)
}

// Event is something that happened to an aggregate; its name is stored, so it is explicit.
type Event interface{ EventName() string }

// changes records an aggregate's new events and the version it was loaded at.
type changes struct {
	Version int64 // events applied from the store
	pending []Event
}

// Changes are the events recorded since the aggregate was loaded.
func (c *changes) Changes() []Event { return c.pending }
