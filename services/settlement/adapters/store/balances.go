package store

import (
	"context"
	"maps"
	"strings"

	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
	"github.com/tradefin/tradefin/events/eventsourcing/projection"
	"github.com/tradefin/tradefin/services/settlement/app"
	"github.com/tradefin/tradefin/services/settlement/domain"
)

// Ledger is the account ledger projection, folded from every settlement posting set in the
// store's global order by a projection runner, which catches it up at each query. Each set is
// re-checked for balance as it is applied, so a corrupt store cannot produce a ledger that does
// not balance. (It lives in memory and is rebuilt by the first query after a restart; a persisted
// one would keep its checkpoint in the same transaction as its balances.)
type Ledger struct {
	runner   *projection.Runner
	balances domain.Ledger // guarded by the runner
}

var _ app.BalancesReader = (*Ledger)(nil)

// NewLedger returns the projection over es.
func NewLedger(es eventstore.Store) *Ledger {
	l := &Ledger{balances: domain.Ledger{}}
	l.runner = projection.New(es, l.apply)
	return l
}

// Balances returns every account's balance (debits minus credits).
func (l *Ledger) Balances(ctx context.Context) (domain.Ledger, error) {
	var out domain.Ledger
	err := l.runner.Read(ctx, func() { out = maps.Clone(l.balances) })
	return out, err
}

func (l *Ledger) apply(_ context.Context, stored eventstore.Event) error {
	if !strings.HasPrefix(stored.StreamID, "settlement.payment-") {
		return nil
	}
	e, err := payments.Decode(stored)
	if err != nil {
		return err
	}
	var id string
	var entries []domain.Entry
	switch e := e.(type) {
	case domain.PaymentInstructed:
		id, entries = e.PostingID, e.Postings
	case domain.PaymentReversed:
		id, entries = e.PostingID, e.Postings
	default:
		return nil
	}
	ps, err := domain.NewPostingSet(id, entries...)
	if err != nil {
		return err
	}
	l.balances.Post(ps)
	return nil
}
