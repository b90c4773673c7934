package app

import (
	"context"
	"time"

	"github.com/tradefin/tradefin/services/settlement/domain"
)

// RaisePaymentHandler raises the obligation to pay for an honoured presentation. The same honour
// event twice raises one payment (the payment ID derives from trade, LC and presentation).
type RaisePaymentHandler struct {
	repo Repository
	now  func() time.Time
}

func (h RaisePaymentHandler) Handle(ctx context.Context, o domain.Obligation) (*domain.Payment, bool, error) {
	p, err := domain.RaisePayment(o, h.now())
	if err != nil {
		return nil, false, err
	}
	return h.repo.Create(ctx, p)
}
