package app

import (
	"context"
	"time"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/services/settlement/domain"
)

// RaisePaymentHandler raises the obligation to pay for an honoured presentation; its only caller
// is the lc.honoured.v1 consumer (no API raises a payment). The same honour twice raises one
// payment (the payment ID derives from trade, LC and presentation); an obligation under an
// existing payment ID with other terms is a conflict (domain.TermsConflict), never absorbed.
type RaisePaymentHandler struct {
	repo Repository
	now  func() time.Time
}

// Handle raises o on behalf of by, the honour's actor.
func (h RaisePaymentHandler) Handle(ctx context.Context, o domain.Obligation, by identity.Stamp) (*domain.Payment, bool, error) {
	p, err := domain.RaisePayment(o, by, h.now())
	if err != nil {
		return nil, false, err
	}
	stored, created, err := h.repo.Create(ctx, p)
	if err != nil || created {
		return stored, created, err
	}
	if diff := stored.Obligation.TermsDiffer(o); len(diff) > 0 {
		return stored, false, domain.TermsConflict(stored.ID(), diff)
	}
	return stored, false, nil
}
