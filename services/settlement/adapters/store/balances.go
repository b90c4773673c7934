package store

import (
	"context"
	"strings"

	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
	"github.com/tradefin/tradefin/services/settlement/app/query"
	"github.com/tradefin/tradefin/services/settlement/domain"
)

// Ledger is the account ledger projection, folded from every settlement posting set in the
// store's global order. Each set is re-checked for balance as it is replayed, so a corrupt store
// cannot produce a ledger that does not balance. (A persisted, incrementally-updated projection
// is the next step; the fold is exact and cheap at dev volumes.)
type Ledger struct {
	es  eventstore.Store
	reg *eventstore.Registry
}

var _ query.BalancesReader = (*Ledger)(nil)

// NewLedger returns the projection over es.
func NewLedger(es eventstore.Store) *Ledger { return &Ledger{es: es, reg: New(es).reg} }

// Balances computes every account's balance (debits minus credits).
func (l *Ledger) Balances(ctx context.Context) (domain.Ledger, error) {
	out := domain.Ledger{}
	var after int64
	for {
		evs, err := l.es.ReadAll(ctx, after, 500)
		if err != nil || len(evs) == 0 {
			return out, err
		}
		for _, e := range evs {
			after = e.Position
			if !strings.HasPrefix(e.StreamID, "settlement.payment-") {
				continue
			}
			v, err := l.reg.Decode(e)
			if err != nil {
				return nil, err
			}
			var id string
			var entries []domain.Entry
			switch v := v.(type) {
			case domain.PaymentInstructed:
				id, entries = v.PostingID, v.Postings
			case domain.PaymentReversed:
				id, entries = v.PostingID, v.Postings
			default:
				continue
			}
			ps, err := domain.NewPostingSet(id, entries...)
			if err != nil {
				return nil, err
			}
			out.Post(ps)
		}
	}
}
