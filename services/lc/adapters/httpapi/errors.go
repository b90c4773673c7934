package httpapi

import (
	"errors"
	"net/http"

	"github.com/tradefin/tradefin/events/problem"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// fail writes err as an RFC 9457 problem: the service's error kinds (domain.Kind) are mapped to
// statuses here and nowhere else. An error of no kind is a 500 whose text is not shown.
func fail(w http.ResponseWriter, r *http.Request, err error) {
	var p *problem.Error
	var fs domain.InvalidFields
	var rf *domain.RefusedField
	switch {
	case errors.As(err, &rf): // a 422 naming the field the rules refuse
		problem.Write(w, r, &problem.Error{Kind: problem.Unprocessable, Title: "Refused by the credit's rules", Detail: rf.Error(),
			Params: []problem.InvalidParam{{Name: rf.Field, Reason: rf.Reason}}})
		return
	case errors.As(err, &p): // the adapter's own (a body that does not decode)
		problem.Write(w, r, p)
		return
	case errors.As(err, &fs):
		ps := make([]problem.InvalidParam, len(fs))
		for i, f := range fs {
			ps[i] = problem.InvalidParam{Name: f.Field, Reason: f.Reason}
		}
		problem.Write(w, r, problem.InvalidFields(ps...))
		return
	}
	var kind problem.Kind
	var title string
	switch domain.KindOf(err) {
	case domain.KindUnauthenticated:
		kind, title = problem.Unauthorized, "Unauthorized"
	case domain.KindForbidden:
		kind, title = problem.Forbidden, "Forbidden"
	case domain.KindNotFound:
		kind, title = problem.NotFound, "No such letter of credit"
	case domain.KindConflict:
		kind, title = problem.Conflict, "Not allowed now"
	case domain.KindRule:
		kind, title = problem.Unprocessable, "Refused by the credit's rules"
	default:
		problem.Write(w, r, err)
		return
	}
	problem.Write(w, r, problem.New(kind, title, err.Error()))
}
