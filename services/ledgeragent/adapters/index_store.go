// Package adapters connects the ledger agent to the platform: its index of the events published
// on Kafka (kept in an event store of its own, SQLite or PostgreSQL), the Kafka consumer that
// fills it, the Fabric identity it signs with, and the Temporal worker of its ledger task queue.
package adapters

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
	"github.com/tradefin/tradefin/services/ledgeragent/domain"
)

// IndexStore keeps, per trade, each event's type, ID and fingerprint: one stream per trade in the
// agent's own event store, one stored event per published event, whose event ID is its
// fingerprint (so a redelivered message is stored once, and two different messages under one
// ce_id are both kept: the index says what was published, exactly).
type IndexStore struct{ Store eventstore.Store }

// indexed is the stored form of an entry (its type is the stored event's type).
type indexed struct {
	EventID    string `json:"eventId"`
	SHA256     string `json:"sha256"`
	Topic      string `json:"topic"`
	Source     string `json:"source"`
	ExpiryDate string `json:"expiryDate,omitempty"`
	// ByConfirmingBank: the step was the confirming bank's (contracts.ByConfirmingBank); absent
	// from entries indexed before it, which were the table's organisation's.
	ByConfirmingBank bool `json:"byConfirmingBank,omitempty"`
}

func stream(tradeID string) string { return "ledger-index/" + tradeID }

// Add indexes a decoded event consumed from topic. Adding it again changes nothing.
func (s IndexStore) Add(ctx context.Context, topic string, env contracts.Envelope) error {
	sum, err := contracts.Fingerprint(env)
	if err != nil {
		return err
	}
	rec := indexed{EventID: env.ID, SHA256: sum, Topic: topic, Source: env.Source}
	if a, ok := env.Data.(*contracts.LCApplied); ok {
		rec.ExpiryDate = a.ExpiryDate
	}
	rec.ByConfirmingBank = contracts.ByConfirmingBank(env.Data)
	data, err := json.Marshal(rec)
	if err != nil {
		return err
	}
	_, err = s.Store.Append(ctx, stream(env.TradeID), eventstore.ExpectAny,
		[]eventstore.NewEvent{{ID: sum, Type: env.Type, SchemaVersion: 1, Data: data}})
	if errors.Is(err, eventstore.ErrDuplicateEvent) {
		return nil // already indexed: Kafka delivers at least once
	}
	return err
}

// Trade returns the trade's indexed events in the order they were consumed.
func (s IndexStore) Trade(ctx context.Context, tradeID string) ([]domain.Entry, error) {
	evs, err := s.Store.ReadStream(ctx, stream(tradeID), 1)
	if err != nil {
		return nil, err
	}
	out := make([]domain.Entry, 0, len(evs))
	for _, e := range evs {
		var rec indexed
		if err := json.Unmarshal(e.Data, &rec); err != nil {
			return nil, fmt.Errorf("index of trade %s, entry %s: %w", tradeID, e.ID, err)
		}
		out = append(out, domain.Entry{Type: e.Type, ID: rec.EventID, SHA256: rec.SHA256, ExpiryDate: rec.ExpiryDate, ByConfirmingBank: rec.ByConfirmingBank})
	}
	return out, nil
}
