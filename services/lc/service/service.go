// Package service wires the letters-of-credit service from configuration: the event store
// (SQLite, or PostgreSQL when a DSN is set), the application, the HTTP API, and the background
// work (the outbox forwarder).
// cmd/lc runs it as a process; the end-to-end test runs it in-process.
package service

import (
	"context"
	"fmt"
	"net/http"

	"github.com/tradefin/tradefin/events/platform"
	"github.com/tradefin/tradefin/services/lc/adapters/httpapi"
	"github.com/tradefin/tradefin/services/lc/adapters/store"
	"github.com/tradefin/tradefin/services/lc/app"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// Config is what the service needs from its process.
type Config = platform.ServiceConfig

// Service is a letters-of-credit service's parts.
type Service struct {
	platform.Wired
	App app.Application
}

// New opens the event store and builds the application and its HTTP API.
func New(ctx context.Context, cfg Config) (*Service, error) {
	es, err := cfg.OpenStore(ctx, "lc.db")
	if err != nil {
		return nil, err
	}
	fourEyes, err := domain.ParseFourEyes(platform.Env("TRADEFIN_LC_FOUR_EYES", ""))
	if err != nil {
		_ = es.Close()
		return nil, fmt.Errorf("TRADEFIN_LC_FOUR_EYES: %w", err)
	}
	a := app.New(store.NewRepository(es), fourEyes)
	mux := http.NewServeMux()
	httpapi.Register(mux, a)
	return &Service{Wired: platform.Wired{HTTP: mux, Auth: cfg.Auth, Store: es, Work: cfg.Background(es)}, App: a}, nil
}
