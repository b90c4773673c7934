package command

import (
	"context"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/services/settlement/domain"
)

// Correct is a payments officer's correction of a rejected payment's instruction: the creditor
// account the next attempt credits.
type Correct struct {
	PaymentID       string
	CreditorAccount string
}

// CorrectHandler corrects the instruction of a failed payment (domain.Payment.Correct): the next
// attempt is instructed at once, or, above the four-eyes threshold, waits for a checker
// (ApproveHandler). The same officer sending the same correction again gets the stored outcome.
type CorrectHandler struct {
	Repo       Repository
	Instructor Instructor
	Policy     Policy
}

// Handle corrects as actor.
func (h CorrectHandler) Handle(ctx context.Context, actor identity.Actor, c Correct) (*domain.Payment, error) {
	return updateAs(ctx, h.Repo, h.Policy, actor, domain.ActCorrect, c.PaymentID, func(p *domain.Payment) error {
		if p.RepeatsCorrection(c.CreditorAccount, actor.Stamp()) {
			return nil
		}
		in, err := h.Instructor.instruction(ctx, p)
		if err != nil {
			return err
		}
		return p.Correct(c.CreditorAccount, in, actor.Stamp(), h.Policy.FourEyes, h.Instructor.Now())
	})
}
