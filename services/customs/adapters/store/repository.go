// Package store keeps the customs aggregates in the event store: one stream per document
// (keyed by its SHA-256), declaration and shipment, with the integration events written to the
// outbox in the same append.
package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
	"github.com/tradefin/tradefin/events/messaging/eventbus"
	"github.com/tradefin/tradefin/services/customs/domain"
)

// Repository is the customs event-sourced repository.
type Repository struct {
	events  eventstore.Store
	byTrade tradeFiles
}

// New returns a repository on an event store.
func New(s eventstore.Store) *Repository { return &Repository{events: s} }

var registry = func() *eventstore.Registry {
	r := eventstore.NewRegistry()
	for _, e := range []domain.Event{domain.DocumentRegistered{}, domain.DeclarationLodged{}, domain.Inspected{}, domain.ExportCleared{},
		domain.DutyAssessed{}, domain.DutyPaid{}, domain.DutyGuaranteed{}, domain.GoodsReleased{}, domain.BillOfLadingIssued{}, domain.TransportEventRecorded{},
		domain.TradeOpened{}} {
		r.Register(e.EventName(), e)
	}
	return r
}()

// aggregate is what the repository needs of Document, Declaration and Shipment.
type aggregate interface {
	Apply(domain.Event)
	Changes() []domain.Event
}

// load replays a stream into agg and returns its version (0: no such stream).
func (r *Repository) load(ctx context.Context, stream string, agg aggregate) (int64, error) {
	evs, err := r.events.ReadStream(ctx, stream, 1)
	if err != nil {
		return 0, err
	}
	var version int64
	for _, e := range evs {
		v, err := registry.Decode(e)
		if err != nil {
			return 0, err
		}
		agg.Apply(v.(domain.Event))
		version = e.Version
	}
	return version, nil
}

// save appends what agg recorded, expecting the stream at version, with its integration events.
func (r *Repository) save(ctx context.Context, stream, tradeID string, version int64, agg aggregate) error {
	var evs []eventstore.NewEvent
	var out []eventstore.OutboxMessage
	for i, c := range agg.Changes() {
		b, err := json.Marshal(c)
		if err != nil {
			return err
		}
		id := eventstore.EventID("customs", stream, version+int64(i)+1)
		evs = append(evs, eventstore.NewEvent{ID: id, Type: c.EventName(), SchemaVersion: 1, Data: b, Metadata: eventstore.Metadata{CorrelationID: tradeID}})
		if payload := integrationEvent(agg, c); payload != nil {
			// The event's ID is the message's: a retried forward republishes the same ID, and the
			// request's trace context travels in the message headers.
			msg, topic, err := eventbus.Encode(ctx, "/tradefin/customs", tradeID, id, payload)
			if err != nil {
				return err
			}
			out = append(out, eventstore.OutboxMessage{ID: msg.UUID, Topic: topic, Key: tradeID, Payload: msg.Payload, Headers: msg.Metadata})
		}
	}
	if len(evs) == 0 {
		return nil
	}
	if _, err := r.events.Append(ctx, stream, version, evs, out...); err != nil {
		return fmt.Errorf("save %s: %w", stream, err)
	}
	return nil
}

// update loads, decides and saves, retrying on a concurrent change.
func update[A aggregate](ctx context.Context, r *Repository, stream string, fresh func() A, tradeID func(A) string, fn func(A) error) (A, error) {
	for attempt := 0; ; attempt++ {
		agg := fresh()
		version, err := r.load(ctx, stream, agg)
		if err != nil {
			return agg, err
		}
		if version == 0 {
			return agg, &domain.NotFound{Resource: stream}
		}
		if err := fn(agg); err != nil {
			return agg, err
		}
		err = r.save(ctx, stream, tradeID(agg), version, agg)
		if errors.Is(err, eventstore.ErrConcurrencyConflict) && attempt < 3 {
			continue
		}
		return agg, err
	}
}

// get loads an aggregate that must exist.
func get[A aggregate](ctx context.Context, r *Repository, stream string, agg A) (A, error) {
	version, err := r.load(ctx, stream, agg)
	if err == nil && version == 0 {
		err = &domain.NotFound{Resource: stream}
	}
	return agg, err
}

// create saves a new aggregate; if the stream exists, same reports whether the stored one is
// the same (a retry: the stored one is returned) or not (a conflict).
func create[A aggregate](ctx context.Context, r *Repository, stream, tradeID string, agg A, stored A, same func(stored A) bool) (A, bool, error) {
	err := r.save(ctx, stream, tradeID, eventstore.ExpectNoStream, agg)
	if !errors.Is(err, eventstore.ErrConcurrencyConflict) {
		return agg, true, err
	}
	if _, err := r.load(ctx, stream, stored); err != nil {
		return stored, false, err
	}
	if !same(stored) {
		return stored, false, &domain.Exists{Resource: stream}
	}
	return stored, false, nil
}
