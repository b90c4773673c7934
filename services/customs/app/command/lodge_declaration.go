package command

import (
	"context"
	"fmt"

	"github.com/tradefin/tradefin/events/problem"
	"github.com/tradefin/tradefin/services/customs/domain"
)

type declarations interface {
	CreateDeclaration(ctx context.Context, d *domain.Declaration) (*domain.Declaration, bool, error)
	Declaration(ctx context.Context, id string) (*domain.Declaration, error)
	UpdateDeclaration(ctx context.Context, id string, fn func(*domain.Declaration) error) (*domain.Declaration, error)
}

// LodgeDeclarationHandler lodges an export or import declaration.
type LodgeDeclarationHandler struct{ Repo Repository }

// Handle checks that the documents it relies on are registered for the same trade, then lodges.
func (h LodgeDeclarationHandler) Handle(ctx context.Context, l domain.DeclarationLodged) (*domain.Declaration, bool, error) {
	var kinds []domain.DocumentKind
	for i, sha := range l.Documents {
		doc, err := h.Repo.Document(ctx, sha)
		if err != nil {
			return nil, false, problem.InvalidFields(problem.InvalidParam{Name: fmt.Sprintf("documents[%d]", i), Reason: "no document registered with SHA-256 " + sha})
		}
		if doc.TradeID != l.TradeID {
			return nil, false, problem.InvalidFields(problem.InvalidParam{Name: fmt.Sprintf("documents[%d]", i), Reason: "registered for another trade"})
		}
		kinds = append(kinds, doc.Kind)
	}
	d, err := domain.Lodge(l, kinds)
	if err != nil {
		return nil, false, asProblem(err)
	}
	return h.Repo.CreateDeclaration(ctx, d)
}
