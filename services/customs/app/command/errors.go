// Package command holds the customs service's write-side use cases.
package command

import (
	"errors"

	"github.com/tradefin/tradefin/events/problem"
	"github.com/tradefin/tradefin/services/customs/domain"
)

// Repository is what the use cases need from storage (adapters/store implements it).
type Repository = interface {
	documents
	declarations
	shipments
	trades
}

// asProblem maps a domain error to its RFC 9457 kind once: a bad field is 400, a state that does
// not allow the command 409, a rule that refuses it 422.
func asProblem(err error) error {
	var fe *domain.FieldError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &fe):
		return problem.InvalidFields(problem.InvalidParam{Name: fe.Field, Reason: fe.Reason})
	case errors.Is(err, domain.ErrInvalidState):
		return problem.New(problem.Conflict, "Not allowed now", err.Error())
	case errors.Is(err, domain.ErrRefused):
		return problem.New(problem.Unprocessable, "Refused by the customs rules", err.Error())
	}
	return err
}

// ownConflict: a create that met another resource under the same ID is a conflict (409) for the
// party that may act on the stored one, and refused (403) for anyone else, like any command on
// another party's resource.
func ownConflict(err error, authorize func() error) error {
	var p *problem.Error
	if errors.As(err, &p) && p.Kind == problem.Conflict {
		if refused := authorize(); refused != nil {
			return refused
		}
	}
	return err
}
