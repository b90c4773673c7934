// Package store keeps letters of credit as event streams in the event store, with their
// integration events written to the outbox in the same transaction (the event-sourcing kit's
// aggregate repository does the loading, saving and retrying; this package says how a credit is
// stored).
package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/tradefin/tradefin/events/eventsourcing/aggregate"
	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
	"github.com/tradefin/tradefin/events/messaging/eventbus"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// Repository loads and saves credits.
type Repository struct {
	credits aggregate.Repository[*domain.LetterOfCredit, domain.Event]
}

// NewRepository returns a repository on an event store.
func NewRepository(s eventstore.Store) *Repository {
	return &Repository{credits: aggregate.New(credits, s)}
}

func stream(id string) string { return "lc-" + id }

// EventID is the ID of a credit's event (eventstore.EventID of its stream and version).
func EventID(creditID string, version int64) string {
	return eventstore.EventID("lc", stream(creditID), version)
}

// credits is how a credit is stored: one stream per credit, its events in the formats of
// records.go, each integration event in the outbox under its event's ID.
var credits = &aggregate.Spec[*domain.LetterOfCredit, domain.Event]{
	Service:  "lc",
	Stream:   stream,
	Formats:  formats,
	ToRecord: toRecord,
	New:      func() *domain.LetterOfCredit { return &domain.LetterOfCredit{} },
	Fold: func(lc *domain.LetterOfCredit, evs []domain.Event, version int64) *domain.LetterOfCredit {
		for _, e := range evs {
			lc.Apply(e)
		}
		lc.Version = version
		return lc
	},
	Changes: (*domain.LetterOfCredit).Changes,
	Metadata: func(ctx context.Context, lc *domain.LetterOfCredit, e domain.Event) (eventstore.Metadata, error) {
		who, err := json.Marshal(actedBy(ctx, lc, e))
		return eventstore.Metadata{CorrelationID: lc.TradeID, Actor: string(who)}, err
	},
	Outbox: func(ctx context.Context, lc *domain.LetterOfCredit, e domain.Event, id string) ([]eventstore.OutboxMessage, error) {
		payload := integrationEvent(lc, e, actedBy(ctx, lc, e))
		if payload == nil {
			return nil, nil
		}
		m, err := eventbus.OutboxMessage(ctx, "/tradefin/lc", lc.TradeID, id, payload)
		return []eventstore.OutboxMessage{m}, err
	},
}

// Get loads a credit; a missing one is domain.ErrNotFound.
func (r *Repository) Get(ctx context.Context, id string) (*domain.LetterOfCredit, error) {
	lc, _, err := r.credits.Load(ctx, id)
	return lc, notFound(err, id)
}

// Create saves a new credit; a credit with the same ID already existing is a conflict.
func (r *Repository) Create(ctx context.Context, lc *domain.LetterOfCredit) error {
	err := r.credits.Create(ctx, lc.ID, lc)
	if errors.Is(err, eventstore.ErrConcurrencyConflict) {
		return fmt.Errorf("%w: %s", domain.ErrCreditExists, lc.ID)
	}
	return err
}

// Update loads a credit, lets fn decide, and saves what it recorded; a concurrent change is
// retried on the fresh state (the decision stays in the domain, the transaction here).
func (r *Repository) Update(ctx context.Context, id string, fn func(*domain.LetterOfCredit) error) (*domain.LetterOfCredit, error) {
	lc, err := r.credits.Update(ctx, id, fn)
	if err != nil {
		return nil, notFound(err, id)
	}
	return lc, nil
}

func notFound(err error, id string) error {
	if errors.Is(err, aggregate.ErrNotFound) {
		return fmt.Errorf("%w: %s", domain.ErrNotFound, id)
	}
	return err
}
