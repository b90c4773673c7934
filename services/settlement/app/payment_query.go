package app

import (
	"context"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/services/settlement/domain"
)

// PaymentHandler reads one payment, for the parties that need to know it.
type PaymentHandler struct {
	repo Repository
	pol  Policy
}

func (h PaymentHandler) Handle(ctx context.Context, actor identity.Actor, id string) (*domain.Payment, error) {
	return readable(ctx, h.repo, h.pol, actor, id)
}

// readable loads a payment the actor may read. One it may not is not found, exactly as one that
// does not exist, so payment IDs cannot be probed.
func readable(ctx context.Context, repo Repository, pol Policy, actor identity.Actor, id string) (*domain.Payment, error) {
	p, err := repo.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := authorize(actor, domain.ActRead, p.Parties(pol.SettlementAgent)); err != nil {
		return nil, err
	}
	return p, nil
}
