package command

import (
	"context"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// AcceptCredit is the beneficiary's acceptance of the advised credit.
type AcceptCredit struct {
	ID string
	On domain.Date // zero: today, or the date already recorded on a retry
}

// AcceptCreditHandler handles it.
type AcceptCreditHandler struct {
	Repo  Repository
	Clock Clock
}

// Handle accepts the credit.
func (h AcceptCreditHandler) Handle(ctx context.Context, c AcceptCredit) (*domain.LetterOfCredit, error) {
	return updateAs(ctx, h.Repo, c.ID, domain.ActAccept, func(lc *domain.LetterOfCredit, _ identity.Actor) error {
		on := c.On
		if on.IsZero() && lc.AcceptedOn.IsZero() {
			on = h.Clock.today() // left out: done today; on a retry, the date already recorded
		}
		return lc.Accept(on)
	})
}
