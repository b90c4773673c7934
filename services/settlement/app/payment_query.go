package app

import (
	"context"

	"github.com/tradefin/tradefin/services/settlement/domain"
)

// PaymentHandler reads one payment.
type PaymentHandler struct{ repo Repository }

func (h PaymentHandler) Handle(ctx context.Context, id string) (*domain.Payment, error) {
	return h.repo.Get(ctx, id)
}
