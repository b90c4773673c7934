package command

import (
	"context"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// ProposeCancellation is the issuing bank's proposal to cancel the credit (UCP 600 Art. 10(a)).
type ProposeCancellation struct {
	CreditID, Reason string
}

// ProposeCancellationHandler handles it.
type ProposeCancellationHandler struct {
	Repo  Repository
	Clock Clock
}

// Handle records the proposal; the beneficiary answers it.
func (h ProposeCancellationHandler) Handle(ctx context.Context, c ProposeCancellation) (*domain.LetterOfCredit, error) {
	return updateAs(ctx, h.Repo, c.CreditID, domain.ActCancel, func(lc *domain.LetterOfCredit, a identity.Actor) error {
		return lc.ProposeCancellation(c.Reason, a.Stamp(), h.Clock.now())
	})
}

// AnswerCancellation is the beneficiary's consent to the cancellation, or its refusal.
type AnswerCancellation struct {
	CreditID string
	Accepted bool
}

// AnswerCancellationHandler handles it.
type AnswerCancellationHandler struct {
	Repo  Repository
	Clock Clock
}

// Handle records the answer; consent cancels the credit (lc.cancelled.v1).
func (h AnswerCancellationHandler) Handle(ctx context.Context, c AnswerCancellation) (*domain.LetterOfCredit, error) {
	return updateAs(ctx, h.Repo, c.CreditID, domain.ActAnswerCancel, func(lc *domain.LetterOfCredit, _ identity.Actor) error {
		return lc.AnswerCancellation(c.Accepted, h.Clock.now())
	})
}
