package domain

import "strings"

// FieldError names an input field that breaks a rule, so the caller learns which one to fix.
type FieldError struct {
	Field  string // JSON path, e.g. terms.expiryDate
	Reason string
}

// InvalidFields is every field at fault in one command.
type InvalidFields []FieldError

func (fs InvalidFields) Error() string {
	var b strings.Builder
	for i, f := range fs {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(f.Field + ": " + f.Reason)
	}
	return b.String()
}
