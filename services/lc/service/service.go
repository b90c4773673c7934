// Package service wires the letters-of-credit service from configuration: the event store
// (SQLite, or PostgreSQL when a DSN is set), the application, the HTTP API, and the background
// work (the outbox forwarder, and the trade workflow's LC activities on Temporal).
// cmd/lc runs it as a process; the end-to-end test runs it in-process. Its own settings
// (Options): TRADEFIN_LC_FOUR_EYES, TRADEFIN_LC_CALENDARS, TRADEFIN_LC_DECISION_DAYS.
package service

import (
	"context"
	"net/http"

	"github.com/tradefin/tradefin/events/platform"
	"github.com/tradefin/tradefin/services/lc/adapters/httpapi"
	"github.com/tradefin/tradefin/services/lc/adapters/orchestration"
	"github.com/tradefin/tradefin/services/lc/adapters/store"
	"github.com/tradefin/tradefin/services/lc/app"
)

// Config is what the service needs from its process.
type Config = platform.ServiceConfig

// Service is a letters-of-credit service's parts.
type Service struct {
	platform.Wired
	App app.Application
}

// New opens the event store and builds the application with the settings from the environment
// (OptionsFromEnv), and its HTTP API.
func New(ctx context.Context, cfg Config) (*Service, error) {
	opts, err := OptionsFromEnv()
	if err != nil {
		return nil, err
	}
	return NewWith(ctx, cfg, opts)
}

// NewWith is New with explicit settings.
func NewWith(ctx context.Context, cfg Config, opts app.Settings) (*Service, error) {
	es, err := cfg.OpenStore(ctx, "lc.db")
	if err != nil {
		return nil, err
	}
	repo := store.NewRepository(es)
	a := app.New(repo, store.NewTradeClaims(es), opts).WithExamination(store.NewRegisteredDocuments(es), store.NewExaminationIndex(es), repo)
	mux := http.NewServeMux()
	httpapi.Register(mux, a)
	return &Service{Wired: platform.Wired{HTTP: mux, Auth: cfg.Auth, Store: es, Work: cfg.Background(es)}, App: a}, nil
}

// Run forwards the outbox and serves the LC activities until ctx ends.
func (s *Service) Run(ctx context.Context) error {
	if s.Work.Temporal != nil {
		w := orchestration.NewWorker(s.Work.Temporal, orchestration.Activities{App: s.App})
		if err := w.Start(); err != nil {
			return err
		}
		defer w.Stop()
	}
	return s.Work.Run(ctx, s.consumeDocuments)
}
