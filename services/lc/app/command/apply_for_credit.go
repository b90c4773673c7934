package command

import (
	"context"

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

// Handle creates the credit.
func (h ApplyForCreditHandler) Handle(ctx context.Context, c ApplyForCredit) (*domain.LetterOfCredit, error) {
	lc, err := domain.Apply(c.ID, c.TradeID, c.Terms)
	if err != nil {
		return nil, problem.New(problem.Unprocessable, "Application refused", err.Error())
	}
	return lc, h.Repo.Create(ctx, lc)
}
