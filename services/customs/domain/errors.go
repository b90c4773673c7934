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
