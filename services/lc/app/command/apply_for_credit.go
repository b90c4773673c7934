package command

import (
	"context"
	"encoding/json"
	"errors"
	"github.com/tradefin/tradefin/events/identity"

	"github.com/tradefin/tradefin/events/problem"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// ApplyForCredit is the importer's application.
type ApplyForCredit struct {
	ID, TradeID string
	Terms       domain.Terms
}

// ApplyForCreditHandler handles it.
type ApplyForCreditHandler struct{ Repo Repository }

// Handle creates the credit. The client-chosen ID is the natural key: the same application
// again (a retry) returns the existing credit with Created false; a different one under the same
// ID is a conflict.
func (h ApplyForCreditHandler) Handle(ctx context.Context, c ApplyForCredit) (lc *domain.LetterOfCredit, created bool, err error) {
	a, err := identity.Caller(ctx)
	if err != nil {
		return nil, false, err
	}
	if c.Terms.Applicant.ID == "" {
		c.Terms.Applicant.ID = a.Org // the applicant is who applies
	}
	if err := domain.Authorize(a, domain.ActApply, &domain.LetterOfCredit{ID: c.ID, Terms: c.Terms}); err != nil {
		return nil, false, err
	}
	lc, err = domain.Apply(c.ID, c.TradeID, c.Terms)
	if err != nil {
		return nil, false, invalid(err)
	}
	err = h.Repo.Create(ctx, lc)
	if p := (*problem.Error)(nil); errors.As(err, &p) && p.Kind == problem.Conflict {
		existing, gerr := h.Repo.Get(ctx, c.ID)
		if gerr != nil {
			return nil, false, gerr
		}
		if _, aerr := Authorize(ctx, domain.ActRead, existing); aerr != nil {
			// Someone else's credit under this ID: say only that the ID is taken.
			return nil, false, problem.New(problem.Conflict, "Letter of credit exists", "the ID "+c.ID+" is taken")
		}
		if existing.TradeID == c.TradeID && sameTerms(existing.Terms, c.Terms) {
			return existing, false, nil
		}
		return nil, false, problem.New(problem.Conflict, "Letter of credit exists", "a different application already has the ID "+c.ID)
	}
	return lc, err == nil, err
}

// sameTerms compares as stored: the terms' JSON form is what the event keeps.
func sameTerms(a, b domain.Terms) bool {
	ja, err1 := json.Marshal(a)
	jb, err2 := json.Marshal(b)
	return err1 == nil && err2 == nil && string(ja) == string(jb)
}

// invalid maps the domain's field errors to a 400 naming each field, any other rule to 422.
func invalid(err error) error {
	var fs domain.InvalidFields
	if errors.As(err, &fs) {
		ps := make([]problem.InvalidParam, len(fs))
		for i, f := range fs {
			ps[i] = problem.InvalidParam{Name: f.Field, Reason: f.Reason}
		}
		return problem.InvalidFields(ps...)
	}
	return problem.New(problem.Unprocessable, "Application refused", err.Error())
}
