// Package app is the customs service's application layer: the use cases, listed here. Every use
// case takes the acting identity.Actor and is authorised by domain.Authorize.
//
// A trade ID is owned: documents, declarations and bills of lading are created only on a trade
// customs learned from its credit application (lc.applied.v1, adapters/inbox), by that credit's
// parties in their roles; an unknown trade and one the caller is no party to are the same 404.
//
// The rule: 404 for non-parties (a caller who may not see the resource gets, for a read or a
// command, the answer of a missing one word for word), 403 naming the rule for parties without
// the right.
package app

import (
	"time"

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

// New wires the application on a repository and a tariff. A creation on a trade customs does
// not know yet waits up to tradeWait for it (command.DefaultTradeWait when 0).
func New(repo command.Repository, tariff domain.Tariff, tradeWait time.Duration) Application {
	trades := command.Trades{Repo: repo, Wait: tradeWait}
	return Application{
		Commands: Commands{
			RegisterDocument: command.RegisterDocumentHandler{Trades: trades},
			LodgeDeclaration: command.LodgeDeclarationHandler{Trades: trades},
			Declarations:     command.DeclarationHandlers{Repo: repo, Tariff: tariff},
			Shipments:        command.ShipmentHandlers{Trades: trades},
		},
		Queries: query.Handlers{Repo: repo},
	}
}
