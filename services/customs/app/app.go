// Package app is the customs service's application layer: the use cases, listed here. Every use
// case takes the acting identity.Actor and is authorised by domain.Authorize.
//
// The rule: 404 for non-parties (a caller who may not see the resource gets, for a read or a
// command, the answer of a missing one word for word), 403 naming the rule for parties without
// the right.
package app

import (
	"github.com/tradefin/tradefin/services/customs/app/command"
	"github.com/tradefin/tradefin/services/customs/app/query"
	"github.com/tradefin/tradefin/services/customs/domain"
)

// Application is every use case of the service.
type Application struct {
	Commands Commands
	Queries  query.Handlers
}

// Commands are the write-side use cases.
type Commands struct {
	RegisterDocument command.RegisterDocumentHandler
	LodgeDeclaration command.LodgeDeclarationHandler
	Declarations     command.DeclarationHandlers
	Shipments        command.ShipmentHandlers
}

// New wires the application on a repository and a tariff.
func New(repo command.Repository, tariff domain.Tariff) Application {
	return Application{
		Commands: Commands{
			RegisterDocument: command.RegisterDocumentHandler{Repo: repo},
			LodgeDeclaration: command.LodgeDeclarationHandler{Repo: repo},
			Declarations:     command.DeclarationHandlers{Repo: repo, Tariff: tariff},
			Shipments:        command.ShipmentHandlers{Repo: repo},
		},
		Queries: query.Handlers{Repo: repo},
	}
}
