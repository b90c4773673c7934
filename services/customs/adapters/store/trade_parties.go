package store

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
	"github.com/tradefin/tradefin/services/customs/domain"
)

// Trades records the trades customs learns from their credit applications, each in a stream of
// its own ("trade-" + ID) whose one event says who the trade's parties are. The stream is created
// only if it does not exist, so the first credit application owns the trade ID; the tradeFiles
// read model picks the event up with the rest of the trade's file. It writes through the
// inbox's transaction, so the trade and the inbox mark commit together.
type Trades struct{ tx eventstore.Tx }

// TradesIn records trades through tx (e.g. the inbox's transaction).
func TradesIn(tx eventstore.Tx) Trades { return Trades{tx: tx} }

func tradeStream(tradeID string) string { return "trade-" + tradeID }

// OpenTrade records t, unless its trade is open: then nil for the same parties (a redelivery, or
// another credit between them), an error wrapping domain.ErrTradeOwned for others.
func (s Trades) OpenTrade(ctx context.Context, t domain.TradeOpened) error {
	stream := tradeStream(t.TradeID)
	evs, err := s.tx.ReadStream(ctx, stream, 1)
	if err != nil {
		return err
	}
	if len(evs) > 0 {
		e, err := documents.Decode(evs[0]) // the formats every customs stream shares (records.go)
		if err != nil {
			return err
		}
		opened, ok := e.(domain.TradeOpened)
		if !ok {
			return fmt.Errorf("trade %s: its stream holds a %s", t.TradeID, evs[0].Type)
		}
		if err := t.Joins(opened); err != nil {
			return fmt.Errorf("trade %s opened by credit %s (applicant %s, beneficiary %s); credit %s names applicant %s, beneficiary %s, issuing bank %s, advising bank %s: %w",
				t.TradeID, opened.LCID, opened.Applicant, opened.Beneficiary, t.LCID, t.Applicant, t.Beneficiary, t.IssuingBank, t.AdvisingBank, err)
		}
		return nil
	}
	b, err := json.Marshal(tradeOpenedRecord(t))
	if err != nil {
		return err
	}
	ev := eventstore.NewEvent{ID: eventstore.EventID("customs", stream, 1), Type: t.EventName(), SchemaVersion: 1, Data: b,
		Metadata: eventstore.Metadata{CorrelationID: t.TradeID}}
	// A writer that opened it between the read and this append makes the append fail and the
	// inbox's transaction roll back: the message is delivered again and finds the trade.
	_, err = s.tx.Append(ctx, stream, eventstore.ExpectNoStream, []eventstore.NewEvent{ev})
	return err
}
