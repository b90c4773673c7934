// Package store keeps letters of credit as event streams in the event store, with their
// integration events written to the outbox in the same transaction.
package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
	"github.com/tradefin/tradefin/events/messaging/eventbus"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// Repository loads and saves credits.
type Repository struct{ events eventstore.Store }

// NewRepository returns a repository on an event store.
func NewRepository(s eventstore.Store) *Repository { return &Repository{events: s} }

var registry = func() *eventstore.Registry {
	r := eventstore.NewRegistry()
	for _, e := range []domain.Event{domain.Applied{}, domain.Issued{}, domain.DocumentsExamined{}, domain.PresentationRefused{}, domain.DiscrepanciesWaived{}, domain.Honoured{}, domain.AmendmentProposed{}, domain.AmendmentAnswered{}, domain.Advised{}, domain.Accepted{},
		domain.IssueRequested{}, domain.WaiverRequested{}, domain.WaiverRejected{},
		domain.CancellationProposed{}, domain.CancellationAnswered{}, domain.Expired{}, domain.TradeClaimed{}} {
		r.Register(e.EventName(), e)
	}
	return r
}()

func stream(id string) string { return "lc-" + id }

// EventID is the ID of a credit's event (eventstore.EventID of its stream and version).
func EventID(creditID string, version int64) string {
	return eventstore.EventID("lc", stream(creditID), version)
}

// Get loads a credit; a missing one is domain.ErrNotFound.
func (r *Repository) Get(ctx context.Context, id string) (*domain.LetterOfCredit, error) {
	evs, err := r.events.ReadStream(ctx, stream(id), 1)
	if err != nil {
		return nil, err
	}
	if len(evs) == 0 {
		return nil, fmt.Errorf("%w: %s", domain.ErrNotFound, id)
	}
	lc := &domain.LetterOfCredit{}
	for _, e := range evs {
		v, err := registry.Decode(e)
		if err != nil {
			return nil, err
		}
		lc.Apply(v.(domain.Event))
		lc.Version = e.Version
	}
	return lc, nil
}

// Create saves a new credit; a credit with the same ID already existing is a conflict.
func (r *Repository) Create(ctx context.Context, lc *domain.LetterOfCredit) error {
	err := r.save(ctx, lc)
	if errors.Is(err, eventstore.ErrConcurrencyConflict) {
		return fmt.Errorf("%w: %s", domain.ErrCreditExists, lc.ID)
	}
	return err
}

// Update loads a credit, lets fn decide, and saves what it recorded; a concurrent change is
// retried on the fresh state (the decision stays in the domain, the transaction here).
func (r *Repository) Update(ctx context.Context, id string, fn func(*domain.LetterOfCredit) error) (*domain.LetterOfCredit, error) {
	for attempt := 0; ; attempt++ {
		lc, err := r.Get(ctx, id)
		if err != nil {
			return nil, err
		}
		if err := fn(lc); err != nil {
			return nil, err
		}
		err = r.save(ctx, lc)
		if errors.Is(err, eventstore.ErrConcurrencyConflict) && attempt < 3 {
			continue
		}
		return lc, err
	}
}

func (r *Repository) save(ctx context.Context, lc *domain.LetterOfCredit) error {
	changes := lc.Changes()
	if len(changes) == 0 {
		return nil
	}
	var evs []eventstore.NewEvent
	var out []eventstore.OutboxMessage
	for i, c := range changes {
		b, err := json.Marshal(c)
		if err != nil {
			return err
		}
		by := actedBy(ctx, lc, c)
		who, err := json.Marshal(by)
		if err != nil {
			return err
		}
		id := EventID(lc.ID, lc.Version+int64(i)+1)
		evs = append(evs, eventstore.NewEvent{ID: id, Type: c.EventName(), SchemaVersion: 1, Data: b,
			Metadata: eventstore.Metadata{CorrelationID: lc.TradeID, Actor: string(who)}})
		if payload := integrationEvent(lc, c, by); payload != nil {
			msg, topic, err := eventbus.Encode(ctx, "/tradefin/lc", lc.TradeID, id, payload)
			if err != nil {
				return err
			}
			out = append(out, eventstore.OutboxMessage{ID: msg.UUID, Topic: topic, Key: lc.TradeID, Payload: msg.Payload, Headers: msg.Metadata})
		}
	}
	_, err := r.events.Append(ctx, stream(lc.ID), lc.Version, evs, out...)
	if errors.Is(err, eventstore.ErrDuplicateEvent) {
		// The ID is the stream's version: another writer took this version first.
		err = fmt.Errorf("%w: %w", eventstore.ErrConcurrencyConflict, err)
	}
	if err != nil {
		return fmt.Errorf("save credit %s: %w", lc.ID, err)
	}
	return nil
}
