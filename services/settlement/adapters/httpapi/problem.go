package httpapi

import (
	"errors"
	"net/http"

	"github.com/tradefin/tradefin/events/problem"
	"github.com/tradefin/tradefin/services/settlement/domain"
)

// fail writes err as an RFC 9457 problem: the one place where settlement's error kinds
// (domain.Kind) become HTTP statuses. An error of no kind is a 500 whose detail is not shown.
func fail(w http.ResponseWriter, r *http.Request, err error) {
	problem.Write(w, r, asProblem(err))
}

func asProblem(err error) error {
	var pe *problem.Error
	if errors.As(err, &pe) {
		return pe // the platform's own (401 from identity.Caller)
	}
	switch domain.KindOf(err) {
	case domain.KindInvalid:
		return problem.New(problem.Unprocessable, "Payment rule broken", err.Error())
	case domain.KindConflict:
		if errors.Is(err, domain.ErrAwaitingCorrection) {
			return problem.New(problem.Conflict, "Payment awaiting correction", err.Error())
		}
		return problem.New(problem.Conflict, "Payment state conflict", err.Error())
	case domain.KindNotFound:
		return problem.New(problem.NotFound, "Payment not found", err.Error())
	case domain.KindForbidden:
		return problem.New(problem.Forbidden, "Forbidden", err.Error())
	}
	return err
}
