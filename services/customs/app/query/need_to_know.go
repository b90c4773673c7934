// Package query holds the customs service's read-side use cases: each answers only what the
// caller's organisation may see (domain.Authorize with domain.ActRead), and anything else exactly
// as if it did not exist, so that identifiers cannot be probed.
package query

import (
	"context"
	"errors"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/services/customs/domain"
)

// Repository is what the queries need from storage (adapters/store implements it).
type Repository interface {
	Document(ctx context.Context, sha256 string) (*domain.Document, error)
	Declaration(ctx context.Context, id string) (*domain.Declaration, error)
	Shipment(ctx context.Context, id string) (*domain.Shipment, error)
	TradeFile(ctx context.Context, tradeID string) (domain.TradeFile, error)
}

// Handlers answer the reads.
type Handlers struct{ Repo Repository }

// notFound is the answer for a resource the caller may not see: the store's own not-found
// error for that stream, word for word.
func notFound(stream string) error { return &domain.NotFound{Resource: stream} }

// Declaration returns a declaration its declarant, its customs office or the auditor asks for.
func (h Handlers) Declaration(ctx context.Context, actor identity.Actor, id string) (*domain.Declaration, error) {
	d, err := h.Repo.Declaration(ctx, id)
	if err != nil {
		return nil, err
	}
	if domain.Authorize(actor, domain.ActRead, d.Parties()) != nil {
		return nil, notFound("declaration-" + id)
	}
	return d, nil
}

// Shipment returns a shipment to its carrier, shipper, consignee, the customs offices of its
// trade's declarations, or the auditor.
func (h Handlers) Shipment(ctx context.Context, actor identity.Actor, id string) (*domain.Shipment, error) {
	s, err := h.Repo.Shipment(ctx, id)
	if err != nil {
		return nil, err
	}
	file, err := h.Repo.TradeFile(ctx, s.TradeID)
	if err != nil {
		return nil, err
	}
	if domain.Authorize(actor, domain.ActRead, file.Shipment(s)) != nil {
		return nil, notFound("shipment-" + id)
	}
	return s, nil
}

// Document verifies a document by its SHA-256 for whoever may see it: the organisation that
// registered it, the parties of the declarations and shipments relying on it, the auditor.
func (h Handlers) Document(ctx context.Context, actor identity.Actor, sha256 string) (*domain.Document, error) {
	d, err := h.Repo.Document(ctx, sha256)
	if err != nil {
		return nil, err
	}
	file, err := h.Repo.TradeFile(ctx, d.TradeID)
	if err != nil {
		return nil, err
	}
	if domain.Authorize(actor, domain.ActRead, file.Document(d)) != nil {
		return nil, notFound("document-" + sha256)
	}
	return d, nil
}

// DocumentsOfTrade returns the trade's documents the actor may see, oldest first (none: empty,
// whether the trade has none or the actor sees none).
func (h Handlers) DocumentsOfTrade(ctx context.Context, actor identity.Actor, tradeID string) ([]*domain.Document, error) {
	if err := domain.ValidTradeID(tradeID); err != nil {
		return nil, err
	}
	file, err := h.Repo.TradeFile(ctx, tradeID)
	if err != nil {
		return nil, err
	}
	var out []*domain.Document
	for _, d := range file.Documents {
		if err := domain.Authorize(actor, domain.ActRead, file.Document(d)); err == nil {
			out = append(out, d)
		} else if !errors.Is(err, domain.ErrNotVisible) {
			return nil, err
		}
	}
	return out, nil
}
