package command

import (
	"context"
	"fmt"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/services/customs/domain"
)

type declarations interface {
	CreateDeclaration(ctx context.Context, d *domain.Declaration) (*domain.Declaration, bool, error)
	Declaration(ctx context.Context, id string) (*domain.Declaration, error)
	UpdateDeclaration(ctx context.Context, id string, fn func(*domain.Declaration) error) (*domain.Declaration, error)
}

// LodgeDeclarationHandler lodges an export or import declaration.
type LodgeDeclarationHandler struct{ Trades }

// Handle lodges l with the actor's organisation as declarant (l.Declarant, when given, must be
// it), on a trade customs knows whose exporter (an export) or importer (an import) the actor
// is, after each document it relies on is one of the trade's that the actor may rely on.
func (h LodgeDeclarationHandler) Handle(ctx context.Context, actor identity.Actor, l domain.DeclarationLodged) (*domain.Declaration, bool, error) {
	if l.Declarant == "" {
		l.Declarant = actor.Org
	}
	l.Actor = actor.Stamp()
	file, err := h.admit(ctx, actor, domain.ActLodgeDeclaration, l.TradeID, func(f domain.TradeFile) domain.Parties { return f.Lodgement(l) })
	if err != nil {
		return nil, false, err
	}
	if len(l.Documents) > domain.MaxDocuments { // before looking any up
		return nil, false, &domain.FieldError{Field: "documents", Reason: fmt.Sprintf("at most %d documents", domain.MaxDocuments)}
	}
	var kinds []domain.DocumentKind
	for i, sha := range l.Documents {
		doc, err := reliedOn(ctx, h.Repo, actor, l.TradeID, file, fmt.Sprintf("documents[%d]", i), sha)
		if err != nil {
			return nil, false, err
		}
		kinds = append(kinds, doc.Kind)
	}
	d, err := domain.Lodge(l, kinds)
	if err != nil {
		return nil, false, err
	}
	stored, isNew, err := h.Repo.CreateDeclaration(ctx, d)
	if err := createdAs(isNew, err, actor, domain.ActLodgeDeclaration, func() (domain.Parties, error) {
		file, err := h.Repo.TradeFile(ctx, stored.TradeID)
		return file.Lodgement(stored.DeclarationLodged), err
	}); err != nil {
		return nil, false, err
	}
	return stored, isNew, nil
}
