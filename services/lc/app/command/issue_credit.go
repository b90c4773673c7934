package command

import (
	"context"

	"github.com/tradefin/tradefin/services/lc/domain"
)

// IssueCredit is the issuing bank's issue (MT700).
type IssueCredit struct {
	ID string
	On domain.Date
}

// IssueCreditHandler handles it.
type IssueCreditHandler struct{ Repo Repository }

// Handle issues the credit.
func (h IssueCreditHandler) Handle(ctx context.Context, c IssueCredit) (*domain.LetterOfCredit, error) {
	return h.Repo.Update(ctx, c.ID, func(lc *domain.LetterOfCredit) error { return unprocessable(lc.Issue(c.On)) })
}
