package command

import (
	"context"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// AdviseAmendmentToSecond is the transferring bank's advice of an amendment of the original
// credit to the second beneficiary (UCP 600 Art. 38(e)), on the date (zero: today).
type AdviseAmendmentToSecond struct {
	CreditID string
	Number   int
	On       domain.Date
}

// AdviseAmendmentToSecondHandler handles it.
type AdviseAmendmentToSecondHandler struct {
	Repo  Repository
	Clock Clock
}

// Handle records the advice, as the verified actor's bank (the transferring bank).
func (h AdviseAmendmentToSecondHandler) Handle(ctx context.Context, c AdviseAmendmentToSecond) (*domain.LetterOfCredit, error) {
	return updateAs(ctx, h.Repo, c.CreditID, domain.ActAdviseAmendmentToSecond, func(lc *domain.LetterOfCredit, a identity.Actor) error {
		on := c.On
		if on.IsZero() {
			on = h.Clock.today()
		}
		return lc.AdviseAmendmentToSecond(c.Number, a.Org, on)
	})
}

// AnswerTransferredAmendment is the second beneficiary's acceptance or rejection of an amendment
// advised to it, on its own (UCP 600 Art. 38(f)).
type AnswerTransferredAmendment struct {
	CreditID string
	Number   int
	Accepted bool
}

// AnswerTransferredAmendmentHandler handles it.
type AnswerTransferredAmendmentHandler struct{ Repo Repository }

// Handle records the answer; an acceptance amends the transferred credit.
func (h AnswerTransferredAmendmentHandler) Handle(ctx context.Context, c AnswerTransferredAmendment) (*domain.LetterOfCredit, error) {
	return updateAs(ctx, h.Repo, c.CreditID, domain.ActAnswerTransferredAmendment, func(lc *domain.LetterOfCredit, _ identity.Actor) error {
		return lc.AnswerTransferredAmendment(c.Number, c.Accepted)
	})
}
