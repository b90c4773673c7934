package store

import (
	"context"

	"github.com/tradefin/tradefin/services/customs/domain"
)

// CreateDocument registers a document; registering the same one again returns it (created false).
func (r *Repository) CreateDocument(ctx context.Context, d *domain.Document) (*domain.Document, bool, error) {
	return create(ctx, r.documents, d.SHA256, d, func(s *domain.Document) bool { return s.Same(d.DocumentRegistered) })
}

// Document loads a document by its SHA-256.
func (r *Repository) Document(ctx context.Context, sha256 string) (*domain.Document, error) {
	return get(ctx, r.documents, sha256)
}

// CreateDeclaration lodges a declaration; lodging the same one again returns it.
func (r *Repository) CreateDeclaration(ctx context.Context, d *domain.Declaration) (*domain.Declaration, bool, error) {
	return create(ctx, r.declarations, d.ID, d, func(s *domain.Declaration) bool { return s.Same(d.DeclarationLodged) })
}

// Declaration loads a declaration.
func (r *Repository) Declaration(ctx context.Context, id string) (*domain.Declaration, error) {
	return get(ctx, r.declarations, id)
}

// UpdateDeclaration runs fn on the declaration and saves what it recorded.
func (r *Repository) UpdateDeclaration(ctx context.Context, id string, fn func(*domain.Declaration) error) (*domain.Declaration, error) {
	return update(ctx, r.declarations, id, fn)
}

// CreateShipment opens a shipment with its bill of lading; the same one again returns it.
func (r *Repository) CreateShipment(ctx context.Context, s *domain.Shipment) (*domain.Shipment, bool, error) {
	return create(ctx, r.shipments, s.ID, s, func(x *domain.Shipment) bool { return x.Same(s.BillOfLadingIssued) })
}

// Shipment loads a shipment.
func (r *Repository) Shipment(ctx context.Context, id string) (*domain.Shipment, error) {
	return get(ctx, r.shipments, id)
}

// UpdateShipment runs fn on the shipment and saves what it recorded.
func (r *Repository) UpdateShipment(ctx context.Context, id string, fn func(*domain.Shipment) error) (*domain.Shipment, error) {
	return update(ctx, r.shipments, id, fn)
}
