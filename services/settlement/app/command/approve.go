package command

import (
	"context"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/services/settlement/domain"
)

// Approve is the checker's approval of what awaits four eyes: a release, or a corrected
// instruction.
type Approve struct{ PaymentID string }

// ApproveHandler is the checker's side of four eyes: an approver of the debtor bank who is
// neither the maker (of the release or the correction) nor the honour's actor approves it, and
// the attempt is instructed. The same checker approving again gets the stored outcome.
type ApproveHandler struct {
	Repo       Repository
	Instructor Instructor
	Policy     Policy
}

// Handle approves as actor.
func (h ApproveHandler) Handle(ctx context.Context, actor identity.Actor, c Approve) (*domain.Payment, error) {
	now := h.Instructor.Now
	return updateAs(ctx, h.Repo, h.Policy, actor, domain.ActApprove, c.PaymentID, func(p *domain.Payment) error {
		if p.Status != domain.StatusAwaitingApproval {
			if p.Checker != nil && *p.Checker == actor.Stamp() {
				return nil // approved before by this checker: the stored outcome is the answer
			}
			return p.Approve(actor.Stamp(), domain.Instruction{}, now()) // the domain's conflict
		}
		in, err := h.Instructor.instruction(ctx, p)
		if err != nil {
			return err
		}
		return p.Approve(actor.Stamp(), in, now())
	})
}
