package command

import (
	"context"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/services/settlement/domain"
)

// Release asks for a payment to be instructed.
type Release struct{ PaymentID string }

// ReleaseHandler releases a payment: the trade workflow after the honour and after each
// rejection (contracts.InstructPaymentActivity), or a payments officer of the debtor bank by hand.
//   - raised: below the four-eyes threshold it is instructed at once; above it the release
//     waits for a second user's approval (awaiting-approval, no message yet);
//   - failed: a rejection that may pass by itself is instructed again at once, as a new attempt;
//     any other answers a conflict wrapping domain.ErrAwaitingCorrection until a payments officer
//     corrects the instruction (CorrectHandler);
//   - otherwise the stored outcome is the answer. A retry is idempotent: at most one attempt is
//     ever live, since a new one follows only a rejected one.
type ReleaseHandler struct {
	Repo       Repository
	Instructor Instructor
	Policy     Policy
}

// Handle releases the payment as actor.
func (h ReleaseHandler) Handle(ctx context.Context, actor identity.Actor, c Release) (*domain.Payment, error) {
	now := h.Instructor.Now
	return updateAs(ctx, h.Repo, h.Policy, actor, domain.ActRelease, c.PaymentID, func(p *domain.Payment) error {
		switch p.Status {
		case domain.StatusRaised:
			if p.NeedsApproval(h.Policy.FourEyes) {
				return p.RequestRelease(actor.Stamp(), now())
			}
			in, err := h.Instructor.instruction(ctx, p)
			if err != nil {
				return err
			}
			return p.Instruct(in, actor.Stamp(), h.Policy.FourEyes, now())
		case domain.StatusFailed:
			in, err := h.Instructor.instruction(ctx, p)
			if err != nil {
				return err
			}
			return p.Reinstruct(in, actor.Stamp(), now())
		}
		return nil // released before: the stored outcome is the answer
	})
}
