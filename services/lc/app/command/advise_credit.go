package command

import (
	"context"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// AdviseCredit is the advising bank's advice of the credit to the beneficiary (UCP 600 Art. 9).
type AdviseCredit struct {
	ID string
	On domain.Date // zero: today, or the date already recorded on a retry
}

// AdviseCreditHandler handles it.
type AdviseCreditHandler struct {
	Repo  Repository
	Clock Clock
}

// Handle advises the credit.
func (h AdviseCreditHandler) Handle(ctx context.Context, c AdviseCredit) (*domain.LetterOfCredit, error) {
	return updateAs(ctx, h.Repo, c.ID, domain.ActAdvise, func(lc *domain.LetterOfCredit, a identity.Actor) error {
		on := c.On
		if on.IsZero() && lc.AdvisedOn.IsZero() {
			on = h.Clock.today() // left out: done today; on a retry, the date already recorded
		}
		return lc.Advise(a.Org, on)
	})
}
