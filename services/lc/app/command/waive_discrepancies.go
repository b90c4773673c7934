package command

import (
	"context"

	"github.com/tradefin/tradefin/services/lc/domain"
)

// WaiveDiscrepancies records the applicant's waiver and the issuing bank's decision.
type WaiveDiscrepancies struct {
	CreditID, PresentationID string
	Waiver                   domain.Waiver
}

// WaiveDiscrepanciesHandler handles it.
type WaiveDiscrepanciesHandler struct{ Repo Repository }

// Handle records the waiver; an accepted waiver honours the credit.
func (h WaiveDiscrepanciesHandler) Handle(ctx context.Context, c WaiveDiscrepancies) (*domain.LetterOfCredit, error) {
	return h.Repo.Update(ctx, c.CreditID, func(lc *domain.LetterOfCredit) error {
		return unprocessable(lc.Waive(c.PresentationID, c.Waiver))
	})
}
