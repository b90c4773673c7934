// Package store is the event-sourced Payment repository on the shared event store (package
// eventstore: SQLite by default, PostgreSQL in deployments), on the event-sourcing kit's
// aggregate repository. Integration events (settlement.*.v1 contracts) are written to the outbox
// in the same append as the domain events.
package store

import (
	"context"
	"errors"

	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/eventsourcing/aggregate"
	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
	"github.com/tradefin/tradefin/events/messaging/eventbus"
	"github.com/tradefin/tradefin/services/settlement/app/command"
	"github.com/tradefin/tradefin/services/settlement/domain"
)

// Streams is the part of the event store the repository uses; both eventstore.Store and an
// inbox transaction (eventstore.Tx) have it, so a payment raised from an integration event is
// saved in the same transaction that marks the message handled.
type Streams = aggregate.Streams

// Repository implements command.Repository.
type Repository struct {
	payments aggregate.Repository[*domain.Payment, domain.Event]
}

var _ command.Repository = (*Repository)(nil)

// New returns a repository over es.
func New(es Streams) *Repository { return &Repository{payments: aggregate.New(payments, es)} }

func streamID(paymentID string) string { return "settlement.payment-" + paymentID }

// payments is how a payment is stored: one stream per payment, its events in the formats of
// records.go, each integration event in the outbox under its event's ID. (The payment counts
// its own version, and its domain rebuilds it from its whole history, so it takes no snapshots.)
var payments = &aggregate.Spec[*domain.Payment, domain.Event]{
	Service:  "settlement",
	Stream:   streamID,
	Formats:  formats,
	ToRecord: toRecord,
	New:      func() *domain.Payment { return nil },
	Fold: func(_ *domain.Payment, history []domain.Event, _ int64) *domain.Payment {
		return domain.Rebuild(history)
	},
	Changes: (*domain.Payment).Uncommitted,
	Saved:   func(p *domain.Payment, _ int64) { p.MarkCommitted() },
	Outbox:  integration,
}

// Create appends a new payment's events; if the stream exists the stored payment is returned.
func (r *Repository) Create(ctx context.Context, p *domain.Payment) (*domain.Payment, bool, error) {
	// Look first, so a redelivered obligation does not even attempt a conflicting append (inside
	// a PostgreSQL inbox transaction a failed statement would abort the transaction).
	if stored, err := r.Get(ctx, p.ID()); err == nil {
		return stored, false, nil
	} else if domain.KindOf(err) != domain.KindNotFound {
		return nil, false, err
	}
	err := r.payments.Create(ctx, p.ID(), p)
	if errors.Is(err, eventstore.ErrConcurrencyConflict) {
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
	p, _, err := r.payments.Load(ctx, id)
	return p, notFound(err)
}

// Update loads, runs fn and appends what it recorded at the loaded version; a concurrent writer
// makes the append fail with a conflict and the whole update is retried on fresh state.
func (r *Repository) Update(ctx context.Context, id string, fn func(*domain.Payment) error) (*domain.Payment, error) {
	p, err := r.payments.Update(ctx, id, fn)
	return p, notFound(err)
}

func notFound(err error) error {
	if errors.Is(err, aggregate.ErrNotFound) {
		return domain.ErrNotFound
	}
	return err
}

// integration maps domain events to the settlement.*.v1 contracts published through the outbox.
// The request's trace context travels in the message headers, so the trace reaches the ledger; each
// carries the actor its domain event recorded.
func integration(ctx context.Context, p *domain.Payment, e domain.Event, id string) ([]eventstore.OutboxMessage, error) {
	var payload any
	if discountProceedsOutcome(p, e) {
		return nil, nil
	}
	switch e := e.(type) {
	case domain.PaymentInstructed:
		payload = contracts.PaymentInitiated{TradeID: p.Obligation.TradeID, Actor: e.Actor, PaymentID: p.ID(), UETR: e.UETR, Amount: p.Obligation.Amount}
	case domain.PaymentSettled:
		if p.Obligation.IsReimbursement() {
			payload = reimbursementSettled(p, e)
			break
		}
		a := p.Current() // the attempt that settled
		s := contracts.PaymentSettled{TradeID: p.Obligation.TradeID, Actor: e.Actor, PaymentID: p.ID(), Amount: p.Obligation.Amount, CreditedAmount: a.Credited, PresentationID: p.Obligation.PresentationID}
		if a.Rate != nil {
			s.FXRate = a.Rate.Rate
		}
		payload = s
	case domain.PaymentFailed:
		payload = contracts.PaymentFailed{TradeID: p.Obligation.TradeID, Actor: e.Actor, PaymentID: p.ID(), Reason: e.Reason}
	default:
		return nil, nil
	}
	m, err := eventbus.OutboxMessage(ctx, "/tradefin/settlement", p.Obligation.TradeID, id, payload)
	return []eventstore.OutboxMessage{m}, err
}
