package store

import (
	"context"
	"slices"
	"sync"

	"github.com/tradefin/tradefin/events/eventstore"
	"github.com/tradefin/tradefin/services/customs/domain"
)

// tradeDocuments is a read model of the documents registered for each trade, in registration
// order. It follows the event store's global order and catches up at every query, so a caller
// sees the documents it has just registered; after a restart the first query rebuilds it from
// the start. (The store makes positions visible in commit order, so catching up "after the last
// position seen" never skips an event that commits later.)
type tradeDocuments struct {
	mu      sync.Mutex
	after   int64                         // the last position applied
	byTrade map[string][]*domain.Document // trade ID → its documents
}

// catchUpBatch is how many events a catch-up reads at a time.
const catchUpBatch = 500

// DocumentsOfTrade returns the documents registered for a trade, oldest first (none: empty).
func (r *Repository) DocumentsOfTrade(ctx context.Context, tradeID string) ([]*domain.Document, error) {
	p := &r.byTrade
	p.mu.Lock()
	defer p.mu.Unlock()
	if err := p.catchUp(ctx, r.events); err != nil {
		return nil, err
	}
	return slices.Clone(p.byTrade[tradeID]), nil
}

func (p *tradeDocuments) catchUp(ctx context.Context, s eventstore.Store) error {
	if p.byTrade == nil {
		p.byTrade = map[string][]*domain.Document{}
	}
	for {
		evs, err := s.ReadAll(ctx, p.after, catchUpBatch)
		if err != nil {
			return err
		}
		for _, e := range evs {
			if e.Type == (domain.DocumentRegistered{}).EventName() {
				v, err := registry.Decode(e)
				if err != nil {
					return err
				}
				d := &domain.Document{}
				d.Apply(v.(domain.Event))
				p.byTrade[d.TradeID] = append(p.byTrade[d.TradeID], d)
			}
			p.after = e.Position
		}
		if len(evs) < catchUpBatch {
			return nil
		}
	}
}
