package query

import (
	"context"
	"fmt"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/services/settlement/domain"
)

// AttemptHandler reads one attempt of a payment, for its readers: the instruction its pacs.009
// is rebuilt from (identifiers, amount, date, creation time), byte-identical to the message sent.
type AttemptHandler struct{ Payments PaymentHandler }

// Handle returns attempt number n of the payment (0: the current one); not found when the
// payment has not been instructed or has no such attempt.
func (h AttemptHandler) Handle(ctx context.Context, actor identity.Actor, id string, n int) (*domain.Payment, *domain.Attempt, error) {
	p, err := h.Payments.Handle(ctx, actor, id)
	if err != nil {
		return nil, nil, err
	}
	if n == 0 {
		n = len(p.Attempts)
	}
	if n < 1 || n > len(p.Attempts) {
		return nil, nil, &domain.Error{Kind: domain.KindNotFound, Msg: fmt.Sprintf("payment %s has no attempt %d (it has %d)", id, n, len(p.Attempts))}
	}
	return p, &p.Attempts[n-1], nil
}
