// Package inbox handles the integration events settlement consumes, each exactly once through
// the event store's inbox (HandleOnce): the payment and the inbox mark commit together.
package inbox

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/ThreeDotsLabs/watermill/message"

	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
	"github.com/tradefin/tradefin/events/messaging/eventbus"
	"github.com/tradefin/tradefin/services/settlement/adapters/store"
	"github.com/tradefin/tradefin/services/settlement/app/command"
	"github.com/tradefin/tradefin/services/settlement/domain"
)

// Consumer is the inbox consumer name.
const Consumer = "settlement.lc-honoured"

// Honoured raises the payment obligation for lc.honoured.v1: the only way a payment is raised
// (and, for a confirmed credit, the reimbursement for lc.reimbursement_claimed.v1, obligation.go).
// A redelivered message is skipped by the inbox; the same honour republished under another
// message ID raises no second payment (the payment ID derives from trade, LC and presentation).
// An honour whose payment ID exists with other terms is a conflict: the payment is marked disputed
// (never released until resolved: one of the two honours is not what the issuing bank did), the
// conflict is logged at error level and returned as a permanent error (contracts.ErrConflict), so
// the router puts it on the poison topic with the reason and the inbox does not mark it handled.
// A message over the bounds every consumer applies (contracts.MaxMessageBytes, the trade ID's
// contracts.CheckTradeID, the obligation's own bounds) is refused as malformed, permanent too:
// poisoned at once, never retried. A store error is transient: retried.
type Honoured struct {
	Store eventstore.Store
	Now   func() time.Time
	Log   *slog.Logger // nil: slog.Default()
}

// Handle is a Watermill NoPublishHandlerFunc.
func (h Honoured) Handle(msg *message.Message) error {
	if n := len(msg.Payload); n > contracts.MaxMessageBytes {
		return fmt.Errorf("%w: message %s of %d bytes, at most %d", contracts.ErrMalformed, msg.UUID, n, contracts.MaxMessageBytes)
	}
	env, err := eventbus.Decode(msg)
	if err != nil {
		return err
	}
	obligations, actor, ok, err := obligationsOf(env) // one, or a mixed payment's instalments (instalments.go)
	if !ok || err != nil {
		return err // nil: another event on the LC topic, not ours
	}
	o := obligations[0]
	_, err = h.Store.HandleOnce(msg.Context(), Consumer, env.ID, func(ctx context.Context, tx eventstore.Tx) error {
		raise := command.RaisePaymentHandler{Repo: store.New(tx), Now: h.Now}
		for _, o = range obligations {
			if _, _, err := raise.Handle(ctx, command.RaisePayment{Obligation: o, By: actor}); err != nil {
				return err
			}
		}
		return assignDiscounted(ctx, raise.Repo, env, h.Now()) // discount.go
	})
	switch domain.KindOf(err) {
	case domain.KindInvalid:
		return fmt.Errorf("%w: %s: %v", contracts.ErrMalformed, env.ID, err)
	case domain.KindConflict:
		id := domain.PaymentID(o)
		if _, derr := store.New(h.Store).Update(msg.Context(), id, func(p *domain.Payment) error {
			return p.Dispute(env.ID, o, actor, h.Now())
		}); derr != nil {
			return fmt.Errorf("payment %s: recording the dispute: %w", id, derr) // transient: retried
		}
		h.log().ErrorContext(msg.Context(), env.Type+" conflicts with the recorded payment: not raised, sent to the poison topic",
			"event", env.ID, "trade", o.TradeID, "payment", id, "honouredBy", actor.Org+"/"+actor.User, "reason", err)
		return fmt.Errorf("%w: %s: %v", contracts.ErrConflict, env.ID, err)
	}
	return err
}

func (h Honoured) log() *slog.Logger {
	if h.Log == nil {
		return slog.Default()
	}
	return h.Log
}
