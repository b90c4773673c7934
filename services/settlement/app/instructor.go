package app

import (
	"context"
	"time"

	"github.com/tradefin/tradefin/services/settlement/adapters/iso20022"
	"github.com/tradefin/tradefin/services/settlement/domain"
)

// instructor builds what instructing a payment needs from outside: message identifiers and, when
// FX applies, the quoted rate.
type instructor struct {
	rates RateProvider
	ids   IDs
	now   func() time.Time
}

func (i instructor) instruction(ctx context.Context, p *domain.Payment) (domain.Instruction, error) {
	now := i.now()
	in := domain.Instruction{MsgID: i.ids.MsgID(), EndToEndID: endToEndID(p), UETR: i.ids.UETR(), SettlementDate: now}
	if p.NeedsFX() {
		r, err := i.rates.Rate(ctx, p.Obligation.Amount.Currency, p.Obligation.AccountCurrency)
		if err != nil {
			return domain.Instruction{}, err
		}
		in.Rate = &r
	}
	return in, nil
}

// endToEndID is the LC and presentation, cut to Max35Text.
func endToEndID(p *domain.Payment) string {
	s := p.Obligation.LCID + "-" + p.Obligation.PresentationID
	if len(s) > 35 {
		s = s[:35]
	}
	return s
}

// pacs009 is the instructed payment's message, rebuilt from the recorded instruction; nil while
// the payment is not instructed.
func pacs009(p *domain.Payment) ([]byte, error) {
	if p.MsgID == "" {
		return nil, nil
	}
	return iso20022.Pacs009(p, p.InstructedAt)
}
