package app

import (
	"context"
	"time"

	"github.com/tradefin/tradefin/services/settlement/adapters/iso20022"
	"github.com/tradefin/tradefin/services/settlement/domain"
)

// InstructHandler quotes the rate when FX applies, books the postings and returns the pacs.009.
// Retrying an instructed payment returns the same message (idempotent).
type InstructHandler struct {
	repo  Repository
	rates RateProvider
	ids   IDs
	now   func() time.Time
}

func (h InstructHandler) Handle(ctx context.Context, paymentID string) (*domain.Payment, []byte, error) {
	p, err := h.repo.Update(ctx, paymentID, func(p *domain.Payment) error {
		if p.Status != domain.StatusRaised {
			return nil // already instructed: the stored instruction is the answer
		}
		now := h.now()
		in := domain.Instruction{MsgID: h.ids.MsgID(), EndToEndID: endToEndID(p), UETR: h.ids.UETR(), SettlementDate: now}
		if p.NeedsFX() {
			r, err := h.rates.Rate(ctx, p.Obligation.Amount.Currency, p.Obligation.AccountCurrency)
			if err != nil {
				return err
			}
			in.Rate = &r
		}
		return p.Instruct(in, now)
	})
	if err != nil {
		return nil, nil, err
	}
	xml, err := iso20022.Pacs009(p, p.InstructedAt)
	return p, xml, err
}

// endToEndID is the LC and presentation, cut to Max35Text.
func endToEndID(p *domain.Payment) string {
	s := p.Obligation.LCID + "-" + p.Obligation.PresentationID
	if len(s) > 35 {
		s = s[:35]
	}
	return s
}
