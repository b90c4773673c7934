package command

import (
	"context"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// ClaimReimbursement is the confirming bank's claim for a presentation it honoured (UCP 600
// Art. 8(c); MT742 under URR 725 when a reimbursing bank is named).
type ClaimReimbursement struct {
	ID             string
	PresentationID string
	On             domain.Date // zero: today
}

// ClaimReimbursementHandler handles it.
type ClaimReimbursementHandler struct {
	Repo  Repository
	Clock Clock
}

// Handle records the claim as the caller's bank.
func (h ClaimReimbursementHandler) Handle(ctx context.Context, c ClaimReimbursement) (*domain.LetterOfCredit, error) {
	return updateAs(ctx, h.Repo, c.ID, domain.ActClaimReimbursement, func(lc *domain.LetterOfCredit, a identity.Actor) error {
		on := c.On
		if on.IsZero() {
			on = h.Clock.today()
		}
		return lc.ClaimReimbursement(a.Org, c.PresentationID, on)
	})
}
