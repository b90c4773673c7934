package httpapi

import (
	"errors"
	"net/http"

	"github.com/tradefin/tradefin/events/problem"
	"github.com/tradefin/tradefin/services/customs/domain"
)

// asProblem maps an error of the application to its RFC 9457 problem, in this one place: a bad
// field is 400 naming it, a rule that forbids the caller 403 naming the rule, a resource the
// caller may not see 404 (as a missing one), a state or stored resource that does not allow the
// command 409, a rule that refuses it 422. An error of no kind is a 500 whose detail is not shown.
func asProblem(err error) error {
	var (
		p  *problem.Error
		fe *domain.FieldError
		fb *domain.Forbidden
		nf *domain.NotFound
		ex *domain.Exists
	)
	switch {
	case errors.As(err, &p): // the adapter's own (a body that does not decode, no caller)
		return p
	case errors.As(err, &fe):
		return problem.InvalidFields(problem.InvalidParam{Name: fe.Field, Reason: fe.Reason})
	case errors.As(err, &fb):
		return problem.New(problem.Forbidden, "Forbidden", fb.Rule)
	case errors.As(err, &nf):
		return problem.New(problem.NotFound, "Not found", nf.Resource)
	case errors.As(err, &ex):
		return problem.New(problem.Conflict, "Already exists with other content", ex.Resource)
	}
	switch domain.KindOf(err) {
	case domain.KindConflict:
		return problem.New(problem.Conflict, "Not allowed now", err.Error())
	case domain.KindRefused:
		return problem.New(problem.Unprocessable, "Refused by the customs rules", err.Error())
	}
	return err
}

// writeError answers err as its problem.
func writeError(w http.ResponseWriter, r *http.Request, err error) {
	problem.Write(w, r, asProblem(err))
}
