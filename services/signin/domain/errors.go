package domain

import (
	"errors"
	"fmt"
)

// ErrWrongCredentials is a failed sign-in. It never says whether the username exists, so the
// login page cannot be used to probe the directory.
var ErrWrongCredentials = errors.New("wrong username or password")

// ErrUnknown is a user or machine client the directory does not hold.
var ErrUnknown = errors.New("not in the directory")

// FieldError names one bad field of a directory entry.
type FieldError struct {
	Entry  string // e.g. `user "erik"`
	Field  string
	Reason string
}

func (e *FieldError) Error() string { return fmt.Sprintf("%s: %s: %s", e.Entry, e.Field, e.Reason) }

func fieldErr(entry, field, format string, args ...any) error {
	return &FieldError{Entry: entry, Field: field, Reason: fmt.Sprintf(format, args...)}
}
