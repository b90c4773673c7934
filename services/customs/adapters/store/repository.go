// Package store keeps the customs aggregates in the event store: one stream per document
// (keyed by its SHA-256), declaration and shipment, with the integration events written to the
// outbox in the same append (the event-sourcing kit's aggregate repository loads, saves and
// retries; this package says how each aggregate is stored).
package store

import (
	"context"
	"errors"

	"github.com/tradefin/tradefin/events/eventsourcing/aggregate"
	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
	"github.com/tradefin/tradefin/events/messaging/eventbus"
	"github.com/tradefin/tradefin/services/customs/domain"
)

// Repository is the customs event-sourced repository.
type Repository struct {
	documents    aggregate.Repository[*domain.Document, domain.Event]
	declarations aggregate.Repository[*domain.Declaration, domain.Event]
	shipments    aggregate.Repository[*domain.Shipment, domain.Event]
	byTrade      *tradeFiles
}

// New returns a repository on an event store.
func New(s eventstore.Store) *Repository {
	return &Repository{documents: aggregate.New(documents, s), declarations: aggregate.New(declarations, s),
		shipments: aggregate.New(shipments, s), byTrade: newTradeFiles(s)}
}

// aggregateOf is what the repository needs of Document, Declaration and Shipment.
type aggregateOf interface {
	Apply(domain.Event)
	Changes() []domain.Event
}

var (
	documents = spec("document-", func() *domain.Document { return &domain.Document{} },
		func(d *domain.Document) string { return d.TradeID })
	declarations = spec("declaration-", func() *domain.Declaration { return &domain.Declaration{} },
		func(d *domain.Declaration) string { return d.TradeID })
	shipments = spec("shipment-", func() *domain.Shipment { return &domain.Shipment{} },
		func(s *domain.Shipment) string { return s.TradeID })
)

// spec is how one customs aggregate is stored: streams named prefix + ID, the events in the
// formats of records.go, each integration event in the outbox under its event's ID, keyed by
// the aggregate's trade.
func spec[A aggregateOf](prefix string, fresh func() A, tradeID func(A) string) *aggregate.Spec[A, domain.Event] {
	return &aggregate.Spec[A, domain.Event]{
		Service:  "customs",
		Stream:   func(id string) string { return prefix + id },
		Formats:  formats,
		ToRecord: toRecord,
		New:      fresh,
		Fold: func(agg A, evs []domain.Event, _ int64) A {
			for _, e := range evs {
				agg.Apply(e)
			}
			return agg
		},
		Changes: A.Changes,
		Metadata: func(_ context.Context, agg A, _ domain.Event) (eventstore.Metadata, error) {
			return eventstore.Metadata{CorrelationID: tradeID(agg)}, nil
		},
		Outbox: func(ctx context.Context, agg A, e domain.Event, id string) ([]eventstore.OutboxMessage, error) {
			payload := integrationEvent(agg, e)
			if payload == nil {
				return nil, nil
			}
			// The request's trace context travels in the message headers.
			m, err := eventbus.OutboxMessage(ctx, "/tradefin/customs", tradeID(agg), id, payload)
			return []eventstore.OutboxMessage{m}, err
		},
	}
}

// get loads an aggregate that must exist.
func get[A any](ctx context.Context, r aggregate.Repository[A, domain.Event], id string) (A, error) {
	agg, _, err := r.Load(ctx, id)
	return agg, notFound(err, r.Stream(id))
}

// update loads, decides and saves, retrying on a concurrent change.
func update[A any](ctx context.Context, r aggregate.Repository[A, domain.Event], id string, fn func(A) error) (A, error) {
	agg, err := r.Update(ctx, id, fn)
	return agg, notFound(err, r.Stream(id))
}

// create saves a new aggregate; if the stream exists, same reports whether the stored one is
// the same (a retry: the stored one is returned) or not (a conflict).
func create[A any](ctx context.Context, r aggregate.Repository[A, domain.Event], id string, agg A, same func(stored A) bool) (A, bool, error) {
	err := r.Create(ctx, id, agg)
	if !errors.Is(err, eventstore.ErrConcurrencyConflict) {
		return agg, true, err
	}
	stored, _, err := r.Load(ctx, id)
	if err != nil {
		return stored, false, err
	}
	if !same(stored) {
		return stored, false, &domain.Exists{Resource: r.Stream(id)}
	}
	return stored, false, nil
}

func notFound(err error, stream string) error {
	if errors.Is(err, aggregate.ErrNotFound) {
		return &domain.NotFound{Resource: stream}
	}
	return err
}
