package store

import (
	"context"

	"github.com/tradefin/tradefin/services/customs/domain"
)

// CreateDocument registers a document; registering the same one again returns it (created false).
func (r *Repository) CreateDocument(ctx context.Context, d *domain.Document) (*domain.Document, bool, error) {
	return create(ctx, r, "document-"+d.SHA256, d.TradeID, d, &domain.Document{}, func(s *domain.Document) bool { return s.Same(d.DocumentRegistered) })
}

// Document loads a document by its SHA-256.
func (r *Repository) Document(ctx context.Context, sha256 string) (*domain.Document, error) {
	return get(ctx, r, "document-"+sha256, &domain.Document{})
}

// CreateDeclaration lodges a declaration; lodging the same one again returns it.
func (r *Repository) CreateDeclaration(ctx context.Context, d *domain.Declaration) (*domain.Declaration, bool, error) {
	return create(ctx, r, "declaration-"+d.ID, d.TradeID, d, &domain.Declaration{}, func(s *domain.Declaration) bool { return s.Same(d.DeclarationLodged) })
}

// Declaration loads a declaration.
func (r *Repository) Declaration(ctx context.Context, id string) (*domain.Declaration, error) {
	return get(ctx, r, "declaration-"+id, &domain.Declaration{})
}

// UpdateDeclaration runs fn on the declaration and saves what it recorded.
func (r *Repository) UpdateDeclaration(ctx context.Context, id string, fn func(*domain.Declaration) error) (*domain.Declaration, error) {
	return update(ctx, r, "declaration-"+id, func() *domain.Declaration { return &domain.Declaration{} },
		func(d *domain.Declaration) string { return d.TradeID }, fn)
}

// CreateShipment opens a shipment with its bill of lading; the same one again returns it.
func (r *Repository) CreateShipment(ctx context.Context, s *domain.Shipment) (*domain.Shipment, bool, error) {
	return create(ctx, r, "shipment-"+s.ID, s.TradeID, s, &domain.Shipment{}, func(x *domain.Shipment) bool { return x.Same(s.BillOfLadingIssued) })
}

// Shipment loads a shipment.
func (r *Repository) Shipment(ctx context.Context, id string) (*domain.Shipment, error) {
	return get(ctx, r, "shipment-"+id, &domain.Shipment{})
}

// UpdateShipment runs fn on the shipment and saves what it recorded.
func (r *Repository) UpdateShipment(ctx context.Context, id string, fn func(*domain.Shipment) error) (*domain.Shipment, error) {
	return update(ctx, r, "shipment-"+id, func() *domain.Shipment { return &domain.Shipment{} },
		func(s *domain.Shipment) string { return s.TradeID }, fn)
}
