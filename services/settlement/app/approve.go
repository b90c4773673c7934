package app

import (
	"context"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/services/settlement/domain"
)

// ApproveHandler is the checker's side of four eyes: an approver of the debtor bank who is
// neither the maker of the release nor the honour's actor approves it, and the payment is
// instructed (the pacs.009 is built and returned). The same checker approving again gets the
// stored message.
type ApproveHandler struct {
	repo Repository
	in   instructor
	pol  Policy
}

func (h ApproveHandler) Handle(ctx context.Context, actor identity.Actor, paymentID string) (*domain.Payment, []byte, error) {
	p, err := h.repo.Update(ctx, paymentID, func(p *domain.Payment) error {
		if err := authorize(actor, domain.ActApprove, p.Parties(h.pol.SettlementAgent)); err != nil {
			return err
		}
		if p.Checker != nil && *p.Checker == actor.Stamp() {
			return nil // approved before by this checker: the stored instruction is the answer
		}
		if p.Status != domain.StatusAwaitingApproval {
			return p.Approve(actor.Stamp(), domain.Instruction{}, h.in.now()) // the domain's conflict
		}
		in, err := h.in.instruction(ctx, p)
		if err != nil {
			return err
		}
		return p.Approve(actor.Stamp(), in, h.in.now())
	})
	if err != nil {
		return nil, nil, err
	}
	xml, err := pacs009(p)
	return p, xml, err
}
