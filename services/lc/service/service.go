// Package service wires the letters-of-credit service from configuration: the event store
// (SQLite, or PostgreSQL when a DSN is set), the application, the HTTP API, the outbox forwarder,
// and the ledger workers of the banks whose Fabric identities it holds. cmd/lc runs it as a
// process; the end-to-end test runs it in-process.
package service

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"path/filepath"

	"go.temporal.io/sdk/client"

	"github.com/tradefin/tradefin/events/eventstore"
	"github.com/tradefin/tradefin/events/eventstore/sqlstore"
	"github.com/tradefin/tradefin/events/kafkapubsub"
	"github.com/tradefin/tradefin/events/ledger"
	"github.com/tradefin/tradefin/events/outbox"
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
	cfg   Config
}

// New opens the event store and builds the application and its HTTP API.
func New(ctx context.Context, cfg Config) (*Service, error) {
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	var (
		es  eventstore.Store
		err error
	)
	if cfg.PostgresDSN != "" {
		es, err = sqlstore.OpenPostgres(ctx, cfg.PostgresDSN)
	} else {
		es, err = sqlstore.OpenSQLite(ctx, filepath.Join(cfg.DataDir, "lc.db"))
	}
	if err != nil {
		return nil, err
	}
	a := app.New(store.NewRepository(es))
	mux := http.NewServeMux()
	httpapi.Register(mux, a)
	return &Service{App: a, HTTP: mux, Store: es, cfg: cfg}, nil
}

// Run forwards the outbox to Kafka and serves the banks' ledger task queues until ctx ends.
func (s *Service) Run(ctx context.Context) error {
	pub, err := kafkapubsub.NewPublisher(kafkapubsub.PublisherConfig{Brokers: s.cfg.KafkaBrokers})
	if err != nil {
		return err
	}
	defer pub.Close()
	fwd, err := outbox.NewForwarder(outbox.Config{Store: s.Store, Publisher: pub, Log: s.cfg.Log})
	if err != nil {
		return err
	}
	if s.cfg.Temporal != nil && len(s.cfg.Ledgers) > 0 {
		workers := ledger.NewWorkers(s.cfg.Temporal, s.cfg.Ledgers...)
		if err := workers.Start(); err != nil {
			return err
		}
		defer workers.Stop()
	}
	err = fwd.Run(ctx)
	if errors.Is(err, context.Canceled) {
		err = nil
	}
	return err
}

// Close closes the event store.
func (s *Service) Close() error { return s.Store.Close() }
