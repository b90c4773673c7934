package command

import (
	"context"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// ConfirmCredit is the confirming bank's confirmation of the credit (UCP 600 Art. 8(b)).
type ConfirmCredit struct {
	ID string
	On domain.Date // zero: today, or the date already recorded on a retry
}

// ConfirmCreditHandler handles it.
type ConfirmCreditHandler struct {
	Repo  Repository
	Clock Clock
}

// Handle confirms the credit as the caller's bank.
func (h ConfirmCreditHandler) Handle(ctx context.Context, c ConfirmCredit) (*domain.LetterOfCredit, error) {
	return updateAs(ctx, h.Repo, c.ID, domain.ActConfirm, func(lc *domain.LetterOfCredit, a identity.Actor) error {
		on := c.On
		if on.IsZero() && lc.Confirmation == nil {
			on = h.Clock.today() // left out: done today; on a retry, the date already recorded
		}
		return lc.Confirm(a.Org, on)
	})
}
