// Package store is the event-sourced Payment repository on the shared event store (package
// eventstore: SQLite by default, PostgreSQL in deployments). Integration events
// (settlement.*.v1 contracts) are written to the outbox in the same append as the domain events.
package store

import (
	"context"
	"errors"

	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
	"github.com/tradefin/tradefin/events/messaging/eventbus"
	"github.com/tradefin/tradefin/services/settlement/app/command"
	"github.com/tradefin/tradefin/services/settlement/domain"
)

// Streams is the part of the event store the repository uses; both eventstore.Store and an
// inbox transaction (eventstore.Tx) have it, so a payment raised from an integration event is
// saved in the same transaction that marks the message handled.
type Streams interface {
	Append(ctx context.Context, streamID string, expected int64, events []eventstore.NewEvent, outbox ...eventstore.OutboxMessage) (int64, error)
	ReadStream(ctx context.Context, streamID string, from int64) ([]eventstore.Event, error)
}

// Repository implements app.Repository.
type Repository struct {
	es  Streams
	reg *eventstore.Registry
}

var _ command.Repository = (*Repository)(nil)

// New returns a repository over es.
func New(es Streams) *Repository {
	reg := eventstore.NewRegistry()
	for _, e := range domain.Events() {
		reg.Register(e.EventName(), e)
	}
	return &Repository{es: es, reg: reg}
}

func streamID(paymentID string) string { return "settlement.payment-" + paymentID }

// Create appends a new payment's events; if the stream exists the stored payment is returned.
func (r *Repository) Create(ctx context.Context, p *domain.Payment) (*domain.Payment, bool, error) {
	// Look first, so a redelivered obligation does not even attempt a conflicting append (inside
	// a PostgreSQL inbox transaction a failed statement would abort the transaction).
	if stored, err := r.Get(ctx, p.ID()); err == nil {
		return stored, false, nil
	} else if domain.KindOf(err) != domain.KindNotFound {
		return nil, false, err
	}
	err := r.save(ctx, p, eventstore.ExpectNoStream)
	if errors.Is(err, eventstore.ErrConcurrencyConflict) || errors.Is(err, eventstore.ErrDuplicateEvent) {
		stored, gerr := r.Get(ctx, p.ID())
		return stored, false, gerr
	}
	if err != nil {
		return nil, false, err
	}
	return p, true, nil
}

// Get rebuilds the payment from its stream.
func (r *Repository) Get(ctx context.Context, id string) (*domain.Payment, error) {
	evs, err := r.es.ReadStream(ctx, streamID(id), 1)
	if err != nil {
		return nil, err
	}
	if len(evs) == 0 {
		return nil, domain.ErrNotFound
	}
	history := make([]domain.Event, 0, len(evs))
	for _, e := range evs {
		v, err := r.reg.Decode(e)
		if err != nil {
			return nil, err
		}
		history = append(history, v.(domain.Event))
	}
	return domain.Rebuild(history), nil
}

// Update loads, runs fn and appends what it recorded at the loaded version; a concurrent writer
// makes the append fail with a conflict and the whole update is retried on fresh state.
func (r *Repository) Update(ctx context.Context, id string, fn func(*domain.Payment) error) (*domain.Payment, error) {
	for attempt := 0; ; attempt++ {
		p, err := r.Get(ctx, id)
		if err != nil {
			return nil, err
		}
		if err := fn(p); err != nil {
			return nil, err
		}
		err = r.save(ctx, p, int64(p.Version()-len(p.Uncommitted())))
		if errors.Is(err, eventstore.ErrConcurrencyConflict) && attempt < 3 {
			continue
		}
		return p, err
	}
}

func (r *Repository) save(ctx context.Context, p *domain.Payment, expected int64) error {
	if len(p.Uncommitted()) == 0 {
		return nil
	}
	base := expected
	var news []eventstore.NewEvent
	var out []eventstore.OutboxMessage
	for i, e := range p.Uncommitted() {
		name, data, err := r.reg.Encode(e)
		if err != nil {
			return err
		}
		// The event ID is the stream position it claims, so a retried append is a duplicate.
		eid := eventstore.EventID("settlement", streamID(p.ID()), base+int64(i)+1)
		news = append(news, eventstore.NewEvent{ID: eid, Type: name, SchemaVersion: 1, Data: data})
		if msg, ok, err := integration(ctx, p, e, eid); err != nil {
			return err
		} else if ok {
			out = append(out, msg)
		}
	}
	if _, err := r.es.Append(ctx, streamID(p.ID()), expected, news, out...); err != nil {
		return err
	}
	p.MarkCommitted()
	return nil
}

// integration maps domain events to the settlement.*.v1 contracts published through the outbox.
// The request's trace context travels in the message headers, so the trace reaches the ledger; each
// carries the actor its domain event recorded.
func integration(ctx context.Context, p *domain.Payment, e domain.Event, id string) (eventstore.OutboxMessage, bool, error) {
	var payload any
	switch e := e.(type) {
	case domain.PaymentInstructed:
		payload = contracts.PaymentInitiated{TradeID: p.Obligation.TradeID, Actor: e.Actor, PaymentID: p.ID(), UETR: e.UETR, Amount: p.Obligation.Amount}
	case domain.PaymentSettled:
		a := p.Current() // the attempt that settled
		s := contracts.PaymentSettled{TradeID: p.Obligation.TradeID, Actor: e.Actor, PaymentID: p.ID(), Amount: p.Obligation.Amount, CreditedAmount: a.Credited}
		if a.Rate != nil {
			s.FXRate = a.Rate.Rate
		}
		payload = s
	case domain.PaymentFailed:
		payload = contracts.PaymentFailed{TradeID: p.Obligation.TradeID, Actor: e.Actor, PaymentID: p.ID(), Reason: e.Reason}
	default:
		return eventstore.OutboxMessage{}, false, nil
	}
	msg, topic, err := eventbus.Encode(ctx, "/tradefin/settlement", p.Obligation.TradeID, id, payload)
	if err != nil {
		return eventstore.OutboxMessage{}, false, err
	}
	headers := map[string]string{}
	for k, v := range msg.Metadata {
		headers[k] = v
	}
	return eventstore.OutboxMessage{ID: id, Topic: topic, Key: p.Obligation.TradeID, Payload: msg.Payload, Headers: headers}, true, nil
}
