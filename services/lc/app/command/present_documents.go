package command

import (
	"context"
	"errors"
	"github.com/tradefin/tradefin/events/identity"

	"github.com/tradefin/tradefin/events/problem"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// PresentDocuments presents documents under a credit; the bank examines them at once.
type PresentDocuments struct {
	CreditID, PresentationID string
	Presentation             domain.Presentation
	Holidays                 []domain.Date
}

// PresentDocumentsHandler handles it.
type PresentDocumentsHandler struct{ Repo Repository }

// Handle examines and records the outcome (honour, or refusal pending waiver).
func (h PresentDocumentsHandler) Handle(ctx context.Context, c PresentDocuments) (domain.Examination, error) {
	var res domain.Examination
	_, err := updateAs(ctx, h.Repo, c.CreditID, domain.ActPresent, func(lc *domain.LetterOfCredit, _ identity.Actor) error {
		var err error
		res, err = lc.Present(c.PresentationID, c.Presentation, domain.Calendar{Place: c.Presentation.Place, Holidays: c.Holidays})
		return unprocessable(err)
	})
	return res, err
}

// unprocessable marks a domain refusal as a 422 (a conflict when the state forbids it).
func unprocessable(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, domain.ErrInvalidState):
		return problem.New(problem.Conflict, "Not allowed now", err.Error())
	case errors.Is(err, domain.ErrNotAdvisingBank), errors.Is(err, domain.ErrOwnApproval):
		return problem.New(problem.Forbidden, "Forbidden", err.Error())
	case errors.As(err, new(*problem.Error)):
		return err // already a problem (e.g. an authorisation refusal)
	case errors.As(err, new(domain.InvalidFields)):
		return invalid(err)
	}
	return problem.New(problem.Unprocessable, "Refused by the credit's rules", err.Error())
}
