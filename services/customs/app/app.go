// Package app is the customs service's application layer: the use cases, listed here.
package app

import (
	"context"

	"github.com/tradefin/tradefin/services/customs/app/command"
	"github.com/tradefin/tradefin/services/customs/domain"
)

// Application is every use case of the service.
type Application struct {
	Commands Commands
	Queries  Queries
}

// Queries are the read-side use cases: a document (verify by SHA-256), a declaration, a
// shipment with its transport events, and the documents registered for a trade.
type Queries interface {
	command.Repository
	DocumentsOfTrade(ctx context.Context, tradeID string) ([]*domain.Document, error)
}

// Commands are the write-side use cases.
type Commands struct {
	RegisterDocument command.RegisterDocumentHandler
	LodgeDeclaration command.LodgeDeclarationHandler
	Declarations     command.DeclarationHandlers
	Shipments        command.ShipmentHandlers
}

// New wires the application on a repository and a tariff.
func New(repo Queries, tariff domain.Tariff) Application {
	return Application{
		Commands: Commands{
			RegisterDocument: command.RegisterDocumentHandler{Repo: repo},
			LodgeDeclaration: command.LodgeDeclarationHandler{Repo: repo},
			Declarations:     command.DeclarationHandlers{Repo: repo, Tariff: tariff},
			Shipments:        command.ShipmentHandlers{Repo: repo},
		},
		Queries: repo,
	}
}
