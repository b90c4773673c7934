// Package inbox handles the integration events settlement consumes, each exactly once through
// the event store's inbox (HandleOnce): the payment and the inbox mark commit together.
package inbox

import (
	"context"
	"fmt"
	"time"

	"github.com/ThreeDotsLabs/watermill/message"

	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/eventstore"
	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/settlement/adapters/store"
	"github.com/tradefin/tradefin/services/settlement/app"
	"github.com/tradefin/tradefin/services/settlement/domain"
)

// Consumer is the inbox consumer name.
const Consumer = "settlement.lc-honoured"

// Honoured raises the payment obligation for lc.honoured.v1. A redelivered message is skipped
// by the inbox; the same honour republished under another message ID raises no second payment
// (the payment ID derives from trade, LC and presentation). Domain refusals are permanent.
type Honoured struct {
	Store eventstore.Store
	Now   func() time.Time
}

// Handle is a Watermill NoPublishHandlerFunc.
func (h Honoured) Handle(msg *message.Message) error {
	env, err := contracts.Decode(msg)
	if err != nil {
		return err
	}
	ev, ok := env.Data.(*contracts.LCHonoured)
	if !ok {
		return nil // another event on the LC topic: not ours
	}
	o := domain.Obligation{TradeID: ev.TradeID, LCID: ev.LCID, PresentationID: ev.PresentationID, Amount: ev.Amount,
		IssuingBank: ev.IssuingBank, AdvisingBank: ev.AdvisingBank, Beneficiary: ev.Beneficiary, BeneficiaryAccount: ev.BeneficiaryAccount}
	if ev.AccountCurrency != "" {
		c, err := money.ParseCurrency(ev.AccountCurrency)
		if err != nil {
			return fmt.Errorf("%w: %s accountCurrency: %v", contracts.ErrMalformed, env.ID, err)
		}
		o.AccountCurrency = c
	}
	_, err = h.Store.HandleOnce(msg.Context(), Consumer, env.ID, func(ctx context.Context, tx eventstore.Tx) error {
		a := app.New(store.New(tx), nil, nil, h.Now)
		_, _, err := a.Commands.RaisePayment.Handle(ctx, o)
		return err
	})
	if domain.KindOf(err) == domain.KindInvalid {
		return fmt.Errorf("%w: %s: %v", contracts.ErrMalformed, env.ID, err)
	}
	return err
}
