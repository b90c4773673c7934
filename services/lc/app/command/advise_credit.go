package command

import (
	"context"

	"github.com/tradefin/tradefin/services/lc/domain"
)

// AdviseCredit is the advising bank's advice of the credit to the beneficiary (UCP 600 Art. 9).
type AdviseCredit struct {
	ID string
	By domain.BIC // the calling bank; it must be the credit's advising bank
	On domain.Date
}

// AdviseCreditHandler handles it.
type AdviseCreditHandler struct{ Repo Repository }

// Handle advises the credit.
func (h AdviseCreditHandler) Handle(ctx context.Context, c AdviseCredit) (*domain.LetterOfCredit, error) {
	return h.Repo.Update(ctx, c.ID, func(lc *domain.LetterOfCredit) error { return unprocessable(lc.Advise(c.By, c.On)) })
}
