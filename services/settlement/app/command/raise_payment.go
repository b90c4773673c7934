package command

import (
	"context"
	"time"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/services/settlement/domain"
)

// RaisePayment raises the obligation to pay for an honoured presentation on behalf of By, the
// honour's actor.
type RaisePayment struct {
	Obligation domain.Obligation
	By         identity.Stamp
}

// RaisePaymentHandler's only caller is the lc.honoured.v1 consumer (no API raises a payment).
// The same honour twice raises one payment (the payment ID derives from trade, LC and
// presentation); an obligation under an existing payment ID with other terms is a conflict
// (domain.TermsConflict), never absorbed.
type RaisePaymentHandler struct {
	Repo Repository
	Now  func() time.Time
}

// Handle raises the payment; created is false when it existed.
func (h RaisePaymentHandler) Handle(ctx context.Context, c RaisePayment) (p *domain.Payment, created bool, err error) {
	p, err = domain.RaisePayment(c.Obligation, c.By, h.Now())
	if err != nil {
		return nil, false, err
	}
	stored, created, err := h.Repo.Create(ctx, p)
	if err != nil || created {
		return stored, created, err
	}
	if diff := stored.Obligation.TermsDiffer(c.Obligation); len(diff) > 0 {
		return stored, false, domain.TermsConflict(stored.ID(), diff)
	}
	return stored, false, nil
}
