package store

import (
	"context"
	"slices"

	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
	"github.com/tradefin/tradefin/events/eventsourcing/projection"
	"github.com/tradefin/tradefin/services/customs/domain"
)

// tradeFiles is a read model of what customs holds of each trade: the credit application that
// opened it, its documents, declarations and bills of lading, in the order they were recorded (the parties of each never change after
// it is created, so the creating events are enough). A projection runner feeds it from the
// event store's global order and catches it up at every query, so a caller sees what it has
// just recorded; after a restart the first query rebuilds it from the start.
type tradeFiles struct {
	runner  *projection.Runner
	byTrade map[string]*domain.TradeFile // trade ID → its file; guarded by the runner
}

func newTradeFiles(s eventstore.Store) *tradeFiles {
	p := &tradeFiles{byTrade: map[string]*domain.TradeFile{}}
	p.runner = projection.New(s, p.apply)
	return p
}

// TradeFile returns what customs holds of a trade (nothing: an empty file).
func (r *Repository) TradeFile(ctx context.Context, tradeID string) (domain.TradeFile, error) {
	var out domain.TradeFile
	err := r.byTrade.runner.Read(ctx, func() {
		if f := r.byTrade.byTrade[tradeID]; f != nil {
			out = domain.TradeFile{Trade: f.Trade, Documents: slices.Clone(f.Documents), Declarations: slices.Clone(f.Declarations), Shipments: slices.Clone(f.Shipments)}
		}
	})
	return out, err
}

// DocumentsOfTrade returns the documents registered for a trade, oldest first (none: empty).
func (r *Repository) DocumentsOfTrade(ctx context.Context, tradeID string) ([]*domain.Document, error) {
	f, err := r.TradeFile(ctx, tradeID)
	return f.Documents, err
}

var fileEvents = []string{"customs.TradeOpened", "customs.DocumentRegistered", "customs.DeclarationLodged", "customs.BillOfLadingIssued"}

func (p *tradeFiles) apply(_ context.Context, stored eventstore.Event) error {
	if !slices.Contains(fileEvents, stored.Type) {
		return nil
	}
	e, err := documents.Decode(stored)
	if err != nil {
		return err
	}
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
	return nil
}
