package store

import (
	"context"
	"slices"
	"sync"

	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
	"github.com/tradefin/tradefin/services/customs/domain"
)

// tradeFiles is a read model of what customs holds of each trade: the credit application that
// opened it, its documents, declarations and bills of lading, in the order they were recorded (the parties of each never change after
// it is created, so the creating events are enough). It follows the event store's global order
// and catches up at every query, so a caller sees what it has just recorded; after a restart
// the first query rebuilds it from the start. (The store makes positions visible in commit
// order, so catching up "after the last position seen" never skips an event that commits later.)
type tradeFiles struct {
	mu      sync.Mutex
	after   int64                        // the last position applied
	byTrade map[string]*domain.TradeFile // trade ID → its file
}

// catchUpBatch is how many events a catch-up reads at a time.
const catchUpBatch = 500

// TradeFile returns what customs holds of a trade (nothing: an empty file).
func (r *Repository) TradeFile(ctx context.Context, tradeID string) (domain.TradeFile, error) {
	p := &r.byTrade
	p.mu.Lock()
	defer p.mu.Unlock()
	if err := p.catchUp(ctx, r.events); err != nil {
		return domain.TradeFile{}, err
	}
	f := p.byTrade[tradeID]
	if f == nil {
		return domain.TradeFile{}, nil
	}
	return domain.TradeFile{Trade: f.Trade, Documents: slices.Clone(f.Documents), Declarations: slices.Clone(f.Declarations), Shipments: slices.Clone(f.Shipments)}, nil
}

// DocumentsOfTrade returns the documents registered for a trade, oldest first (none: empty).
func (r *Repository) DocumentsOfTrade(ctx context.Context, tradeID string) ([]*domain.Document, error) {
	f, err := r.TradeFile(ctx, tradeID)
	return f.Documents, err
}

var fileEvents = []string{domain.TradeOpened{}.EventName(), domain.DocumentRegistered{}.EventName(), domain.DeclarationLodged{}.EventName(),
	domain.BillOfLadingIssued{}.EventName()}

func (p *tradeFiles) catchUp(ctx context.Context, s eventstore.Store) error {
	if p.byTrade == nil {
		p.byTrade = map[string]*domain.TradeFile{}
	}
	for {
		evs, err := s.ReadAll(ctx, p.after, catchUpBatch)
		if err != nil {
			return err
		}
		for _, e := range evs {
			if slices.Contains(fileEvents, e.Type) {
				v, err := registry.Decode(e)
				if err != nil {
					return err
				}
				p.apply(v.(domain.Event))
			}
			p.after = e.Position
		}
		if len(evs) < catchUpBatch {
			return nil
		}
	}
}

func (p *tradeFiles) apply(e domain.Event) {
	file := func(tradeID string) *domain.TradeFile {
		if p.byTrade[tradeID] == nil {
			p.byTrade[tradeID] = &domain.TradeFile{}
		}
		return p.byTrade[tradeID]
	}
	switch e := e.(type) {
	case domain.TradeOpened:
		if f := file(e.TradeID); f.Trade == nil { // the stream holds one; the first is the trade's
			f.Trade = &e
		}
	case domain.DocumentRegistered:
		d := &domain.Document{}
		d.Apply(e)
		f := file(e.TradeID)
		f.Documents = append(f.Documents, d)
	case domain.DeclarationLodged:
		f := file(e.TradeID)
		f.Declarations = append(f.Declarations, e)
	case domain.BillOfLadingIssued:
		f := file(e.TradeID)
		f.Shipments = append(f.Shipments, e)
	}
}
