package command

import (
	"context"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// DecideExamination is the issuing bank examiner's decision on a queued presentation.
type DecideExamination struct {
	CreditID, PresentationID string
	Decision                 domain.ExaminationDecision
}

// DecideExaminationHandler handles it at the service's clock (a refusal after the deadline is
// refused: UCP 600 Art. 16(f)).
type DecideExaminationHandler struct {
	Repo   Repository
	Policy domain.Policy
	Clock  Clock
}

// Handle records the decision.
func (h DecideExaminationHandler) Handle(ctx context.Context, c DecideExamination) (*domain.LetterOfCredit, error) {
	return updateAs(ctx, h.Repo, c.CreditID, domain.ActExamine, func(lc *domain.LetterOfCredit, _ identity.Actor) error {
		return lc.DecideExamination(c.PresentationID, c.Decision, h.Clock.now(), h.Policy)
	})
}
