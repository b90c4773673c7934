package command

import (
	"context"

	"github.com/tradefin/tradefin/services/customs/domain"
)

type documents interface {
	CreateDocument(ctx context.Context, d *domain.Document) (*domain.Document, bool, error)
	Document(ctx context.Context, sha256 string) (*domain.Document, error)
}

// RegisterDocumentHandler registers a trade document's fingerprint.
type RegisterDocumentHandler struct{ Repo documents }

// Handle registers it; registering the same document again returns it with created false.
func (h RegisterDocumentHandler) Handle(ctx context.Context, r domain.DocumentRegistered) (*domain.Document, bool, error) {
	d, err := domain.RegisterDocument(r)
	if err != nil {
		return nil, false, asProblem(err)
	}
	return h.Repo.CreateDocument(ctx, d)
}
