package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// TradeClaims keeps each trade ID's claim as a stream of its own ("lctrade-<trade ID>", one
// event): the first append wins, by the store's expected-version check, so two applications
// racing for one trade ID cannot both claim it.
type TradeClaims struct{ events eventstore.Store }

// NewTradeClaims returns the trade claims kept in s.
func NewTradeClaims(s eventstore.Store) *TradeClaims { return &TradeClaims{events: s} }

func tradeStream(tradeID string) string { return "lctrade-" + tradeID }

// Claim records c unless its trade is claimed, and returns the claim that stands.
func (r *TradeClaims) Claim(ctx context.Context, c domain.TradeClaim) (domain.TradeClaim, error) {
	if standing, ok, err := r.get(ctx, c.TradeID); err != nil || ok {
		return standing, err
	}
	s := tradeStream(c.TradeID)
	ev, err := formats.NewEvent(eventstore.EventID("lc", s, 1), tradeClaimedRecord{Claim: toTradeClaimRecord(c)}, eventstore.Metadata{CorrelationID: c.TradeID})
	if err != nil {
		return domain.TradeClaim{}, err
	}
	_, err = r.events.Append(ctx, s, eventstore.ExpectNoStream, []eventstore.NewEvent{ev})
	if errors.Is(err, eventstore.ErrConcurrencyConflict) || errors.Is(err, eventstore.ErrDuplicateEvent) {
		standing, ok, gerr := r.get(ctx, c.TradeID) // another application claimed it first
		if gerr == nil && !ok {
			gerr = fmt.Errorf("trade %s: claimed, but no claim is stored", c.TradeID)
		}
		return standing, gerr
	}
	if err != nil {
		return domain.TradeClaim{}, fmt.Errorf("claim trade %s: %w", c.TradeID, err)
	}
	return c, nil
}

func (r *TradeClaims) get(ctx context.Context, tradeID string) (domain.TradeClaim, bool, error) {
	evs, err := r.events.ReadStream(ctx, tradeStream(tradeID), 1)
	if err != nil || len(evs) == 0 {
		return domain.TradeClaim{}, false, err
	}
	v, err := formats.Decode(evs[0])
	if err != nil {
		return domain.TradeClaim{}, false, err
	}
	rec, ok := v.(tradeClaimedRecord)
	if !ok {
		return domain.TradeClaim{}, false, fmt.Errorf("trade %s: its claim stream holds a %T", tradeID, v)
	}
	return fromTradeClaimRecord(rec.Claim), true, nil
}
