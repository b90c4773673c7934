package query

import (
	"context"

	"github.com/tradefin/tradefin/services/lc/app/command"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// CreditHandler reads one credit, need-to-know: its parties and the auditor see it, anyone
// else is told it does not exist.
type CreditHandler struct{ Repo command.Repository }

// Get returns the credit if the caller may read it.
func (h CreditHandler) Get(ctx context.Context, id string) (*domain.LetterOfCredit, error) {
	if _, err := command.Caller(ctx); err != nil {
		return nil, err
	}
	lc, err := h.Repo.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	if _, err := command.Authorize(ctx, domain.ActRead, lc); err != nil {
		return nil, err
	}
	return lc, nil
}
