// Package service wires the letters-of-credit service from configuration: the event store
// (SQLite, or PostgreSQL when a DSN is set), the application, the HTTP API, and the background
// work (outbox forwarder, the ledger workers of the banks whose Fabric identities it holds).
// cmd/lc runs it as a process; the end-to-end test runs it in-process.
package service

import (
	"context"
	"log/slog"
	"net/http"

	"go.temporal.io/sdk/client"

	"github.com/tradefin/tradefin/events/eventstore"
	"github.com/tradefin/tradefin/events/ledger"
	"github.com/tradefin/tradefin/events/platform"
	"github.com/tradefin/tradefin/services/lc/adapters/httpapi"
	"github.com/tradefin/tradefin/services/lc/adapters/store"
	"github.com/tradefin/tradefin/services/lc/app"
)

// Config is what the service needs.
type Config struct {
	DataDir      string // the SQLite file lives here unless PostgresDSN is set
	PostgresDSN  string
	KafkaBrokers []string
	Temporal     client.Client    // nil: no ledger workers
	Ledgers      []*ledger.Client // the banks' Fabric identities (issuing and advising bank)
	Log          *slog.Logger
}

// Service is a letters-of-credit service's parts.
type Service struct {
	App   app.Application
	HTTP  http.Handler
	Store eventstore.Store
	work  platform.Background
}

// New opens the event store and builds the application and its HTTP API.
func New(ctx context.Context, cfg Config) (*Service, error) {
	es, err := platform.OpenEventStore(ctx, cfg.PostgresDSN, cfg.DataDir, "lc.db")
	if err != nil {
		return nil, err
	}
	a := app.New(store.NewRepository(es))
	mux := http.NewServeMux()
	httpapi.Register(mux, a)
	return &Service{App: a, HTTP: mux, Store: es, work: platform.Background{Store: es, KafkaBrokers: cfg.KafkaBrokers,
		Temporal: cfg.Temporal, Ledgers: cfg.Ledgers, Log: cfg.Log}}, nil
}

// Run forwards the outbox to Kafka and serves the banks' ledger task queues until ctx ends.
func (s *Service) Run(ctx context.Context) error { return s.work.Run(ctx) }

// Close closes the event store.
func (s *Service) Close() error { return s.Store.Close() }
