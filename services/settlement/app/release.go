package app

import (
	"context"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/services/settlement/domain"
)

// ReleaseHandler releases a raised payment: the trade workflow after the honour, or a payments
// officer of the debtor bank by hand. Below the four-eyes threshold it is instructed at once (the
// pacs.009 is returned); above it the release waits for a second user's approval (status
// awaiting-approval, no message yet). Releasing again returns the stored outcome (idempotent).
type ReleaseHandler struct {
	repo Repository
	in   instructor
	pol  Policy
}

func (h ReleaseHandler) Handle(ctx context.Context, actor identity.Actor, paymentID string) (*domain.Payment, []byte, error) {
	p, err := h.repo.Update(ctx, paymentID, func(p *domain.Payment) error {
		if err := authorize(actor, domain.ActRelease, p.Parties(h.pol.SettlementAgent)); err != nil {
			return err
		}
		if p.Status != domain.StatusRaised {
			return nil // released before: the stored outcome is the answer
		}
		if p.NeedsApproval(h.pol.FourEyes) {
			return p.RequestRelease(actor.Stamp(), h.in.now())
		}
		in, err := h.in.instruction(ctx, p)
		if err != nil {
			return err
		}
		return p.Instruct(in, actor.Stamp(), h.pol.FourEyes, h.in.now())
	})
	if err != nil {
		return nil, nil, err
	}
	xml, err := pacs009(p)
	return p, xml, err
}
