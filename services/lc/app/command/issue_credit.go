package command

import (
	"context"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// IssueCredit is the issuing bank's issue (MT700).
type IssueCredit struct {
	ID string
	On domain.Date
}

// IssueCreditHandler handles it; above FourEyes the issue waits for a second user's approval.
type IssueCreditHandler struct {
	Repo     Repository
	FourEyes domain.FourEyes
}

// Handle issues the credit, or requests its issue when it needs four eyes.
func (h IssueCreditHandler) Handle(ctx context.Context, c IssueCredit) (*domain.LetterOfCredit, error) {
	return updateAs(ctx, h.Repo, c.ID, domain.ActIssue, func(lc *domain.LetterOfCredit, a identity.Actor) error {
		return lc.Issue(c.On, a.Stamp(), h.FourEyes)
	})
}

// ApproveIssueHandler is the checker's approval of a requested issue.
type ApproveIssueHandler struct{ Repo Repository }

// Handle approves the issue: a user of the issuing bank holding the approver role, other than
// the maker.
func (h ApproveIssueHandler) Handle(ctx context.Context, id string) (*domain.LetterOfCredit, error) {
	return updateAs(ctx, h.Repo, id, domain.ActApproveIssue, func(lc *domain.LetterOfCredit, a identity.Actor) error {
		return lc.ApproveIssue(a.Stamp())
	})
}
