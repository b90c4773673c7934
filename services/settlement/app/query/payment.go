// Package query holds settlement's read-side use cases: need-to-know reads of a payment, its
// messages and the settlement bank's books.
package query

import (
	"context"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/services/settlement/app/command"
	"github.com/tradefin/tradefin/services/settlement/domain"
)

// PaymentHandler reads one payment, for the parties that need to know it.
type PaymentHandler struct {
	Repo   command.Repository
	Policy command.Policy
}

// Handle returns the payment if actor may read it. One it may not is not found, exactly as one
// that does not exist, so payment IDs cannot be probed.
func (h PaymentHandler) Handle(ctx context.Context, actor identity.Actor, id string) (*domain.Payment, error) {
	p, err := h.Repo.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := command.Authorize(actor, domain.ActRead, p.Parties(h.Policy.SettlementAgent)); err != nil {
		return nil, err
	}
	return p, nil
}
