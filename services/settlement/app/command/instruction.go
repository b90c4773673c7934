package command

import (
	"context"
	"time"

	"github.com/tradefin/tradefin/services/settlement/domain"
)

// Instructor builds what instructing an attempt needs from outside: new message identifiers
// (every attempt has its own MsgId and UETR) and, when FX applies, a fresh quote: an attempt
// after a rejection converts at the rate of its own day.
type Instructor struct {
	Rates RateProvider
	IDs   IDs
	Now   func() time.Time
}

func (i Instructor) instruction(ctx context.Context, p *domain.Payment) (domain.Instruction, error) {
	now := i.Now()
	in := domain.Instruction{MsgID: i.IDs.MsgID(), EndToEndID: endToEndID(p), UETR: i.IDs.UETR(), SettlementDate: now}
	if p.NeedsFX() {
		r, err := i.Rates.Rate(ctx, p.Obligation.Amount.Currency, p.Obligation.AccountCurrency)
		if err != nil {
			return domain.Instruction{}, err
		}
		in.Rate = &r
	}
	return in, nil
}

// endToEndID is the LC and presentation, cut to Max35Text. It is the same for every attempt:
// it names the payment end to end, where the MsgId and UETR name one instruction of it.
func endToEndID(p *domain.Payment) string {
	s := p.Obligation.LCID + "-" + p.Obligation.PresentationID
	if len(s) > 35 {
		s = s[:35]
	}
	return s
}
