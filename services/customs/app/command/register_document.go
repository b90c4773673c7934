package command

import (
	"context"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/services/customs/domain"
)

type documents interface {
	CreateDocument(ctx context.Context, d *domain.Document) (*domain.Document, bool, error)
	Document(ctx context.Context, sha256 string) (*domain.Document, error)
}

// RegisterDocumentHandler registers a trade document's fingerprint.
type RegisterDocumentHandler struct{ Trades }

// Handle registers it in the name of the actor's organisation, on a trade customs knows, for
// its exporter (or a carrier, a bill of lading); registering the same document again returns it
// with created false. The same content registered by another organisation is a conflict (409)
// for a caller that may see the registered one, and errIDTaken for any other: a document has
// one registrant.
func (h RegisterDocumentHandler) Handle(ctx context.Context, actor identity.Actor, r domain.DocumentRegistered) (*domain.Document, bool, error) {
	file, err := h.admit(ctx, actor, domain.ActRegisterDocument, r.TradeID, func(f domain.TradeFile) domain.Parties { return f.Registration(r.Kind) })
	if err != nil {
		return nil, false, err
	}
	r.Registrant, r.Actor = domain.PartyOf(actor), actor.Stamp()
	d, err := domain.RegisterDocument(r)
	if err != nil {
		return nil, false, err
	}
	if err := file.RoomForDocument(d.SHA256); err != nil {
		return nil, false, err
	}
	stored, isNew, err := h.Repo.CreateDocument(ctx, d)
	if err := createdAs(isNew, err, actor, domain.ActRegisterDocument, func() (domain.Parties, error) {
		file, err := h.Repo.TradeFile(ctx, stored.TradeID)
		return file.Document(stored), err
	}); err != nil {
		return nil, false, err
	}
	return stored, isNew, nil
}
