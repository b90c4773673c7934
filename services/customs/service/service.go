// Package service wires the customs service from configuration: the event store (SQLite, or
// PostgreSQL when a DSN is set), the application with its tariff, the HTTP API, and the
// background work (outbox forwarder, Customs' ledger worker). cmd/customs runs it as a process;
// the end-to-end test runs it in-process.
package service

import (
	"context"
	"net/http"

	"github.com/tradefin/tradefin/events/platform"
	"github.com/tradefin/tradefin/services/customs/adapters/httpapi"
	"github.com/tradefin/tradefin/services/customs/adapters/store"
	"github.com/tradefin/tradefin/services/customs/adapters/tariff"
	"github.com/tradefin/tradefin/services/customs/app"
)

// Config is what the service needs from its process.
type Config = platform.ServiceConfig

// Service is a customs service's parts.
type Service struct {
	platform.Wired
	App app.Application
}

// New opens the event store and builds the application and its HTTP API.
func New(ctx context.Context, cfg Config) (*Service, error) {
	es, err := cfg.OpenStore(ctx, "customs.db")
	if err != nil {
		return nil, err
	}
	a := app.New(store.New(es), tariff.Excerpt())
	mux := http.NewServeMux()
	httpapi.Register(mux, a)
	return &Service{Wired: platform.Wired{HTTP: mux, Auth: cfg.Auth, Store: es, Work: cfg.Background(es)}, App: a}, nil
}
