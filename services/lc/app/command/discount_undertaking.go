package command

import (
	"context"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// DiscountUndertaking is the nominated bank's prepayment or purchase of a usance presentation's
// undertaking before its maturity (UCP 600 Art. 12(b)).
type DiscountUndertaking struct {
	ID, PresentationID string
	Terms              domain.DiscountTerms
}

// DiscountUndertakingHandler handles it.
type DiscountUndertakingHandler struct {
	Repo   Repository
	Policy domain.Policy
	Clock  Clock
}

// Handle discounts the undertaking as the caller's bank (its verified organisation), now.
func (h DiscountUndertakingHandler) Handle(ctx context.Context, c DiscountUndertaking) (*domain.LetterOfCredit, error) {
	return updateAs(ctx, h.Repo, c.ID, domain.ActDiscount, func(lc *domain.LetterOfCredit, a identity.Actor) error {
		return lc.DiscountUndertaking(c.PresentationID, a.Org, c.Terms, h.Clock.now(), h.Policy)
	})
}
