// Package inbox handles the integration events customs consumes, each exactly once through the
// event store's inbox (HandleOnce): what it records and the inbox mark commit together.
package inbox

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/ThreeDotsLabs/watermill/message"

	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
	"github.com/tradefin/tradefin/events/messaging/eventbus"
	"github.com/tradefin/tradefin/services/customs/adapters/store"
	"github.com/tradefin/tradefin/services/customs/app/command"
	"github.com/tradefin/tradefin/services/customs/domain"
)

// Consumer is the inbox consumer name.
const Consumer = "customs.lc-applied"

// Applied learns each trade's parties from lc.applied.v1: the first credit application of a
// trade opens it (domain.TradeOpened), and customs then takes documents, declarations and bills
// of lading on it from that credit's parties only. Everything that can never be handled is a
// permanent error, which the router sends to the poison topic instead of retrying: a message
// over contracts.MaxMessageBytes, one that does not decode, a trade ID or party outside its
// bounds (contracts.ErrMalformed, contracts.ErrBadTradeID), and an application naming other parties than the credit
// that opened its trade (contracts.ErrConflict, logged at error level: someone tried to join
// another's trade). Anything else (the database is away) is returned as it is, to be retried.
type Applied struct {
	Store eventstore.Store
	Log   *slog.Logger // nil: slog.Default()
}

// Handle is a Watermill NoPublishHandlerFunc.
func (h Applied) Handle(msg *message.Message) error {
	env, err := eventbus.Decode(msg) // refuses a message over contracts.MaxMessageBytes and a subject out of bounds
	if err != nil {
		return err
	}
	ev, ok := env.Data.(*contracts.LCApplied)
	if r, received := env.Data.(*contracts.LCReceived); received { // a credit issued outside opens its trade so
		ev, ok = &r.LCApplied, true
	}
	if !ok {
		return nil // another event on the LC topic: not ours
	}
	if ev.TradeID != env.TradeID {
		return fmt.Errorf("%w: %s is about trade %.64q, its subject %q", contracts.ErrMalformed, env.ID, ev.TradeID, env.TradeID)
	}
	t := domain.TradeOpened{TradeID: ev.TradeID, LCID: ev.LCID, Applicant: ev.ApplicantOrg, Beneficiary: ev.BeneficiaryOrg,
		IssuingBank: ev.IssuingBank, AdvisingBank: ev.AdvisingBank}
	_, err = h.Store.HandleOnce(msg.Context(), Consumer, env.ID, func(ctx context.Context, tx eventstore.Tx) error {
		return command.OpenTradeHandler{Trades: store.TradesIn(tx)}.Handle(ctx, t)
	})
	switch domain.KindOf(err) {
	case domain.KindInvalid:
		return fmt.Errorf("%w: %s: %w", contracts.ErrMalformed, env.ID, err)
	case domain.KindConflict:
		h.log().ErrorContext(msg.Context(), "lc.applied.v1 names other parties than the credit that opened its trade: not joined, sent to the poison topic",
			"event", env.ID, "trade", ev.TradeID, "lc", ev.LCID, "appliedBy", ev.Actor.Org+"/"+ev.Actor.User, "reason", err)
		return fmt.Errorf("%w: %s: %w", contracts.ErrConflict, env.ID, err)
	}
	return err
}

func (h Applied) log() *slog.Logger {
	if h.Log == nil {
		return slog.Default()
	}
	return h.Log
}
