// Package service wires the customs service from configuration: the event store (SQLite, or
// PostgreSQL when a DSN is set), the application with its tariff, the HTTP API, and the
// background work: the lc.applied.v1 consumer (the trades customs knows and their parties) and
// the outbox forwarder. cmd/customs runs it as a process; the end-to-end test runs it in-process.
package service

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"time"

	"github.com/ThreeDotsLabs/watermill"

	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/messaging/eventbus"
	"github.com/tradefin/tradefin/events/messaging/kafkapubsub"
	"github.com/tradefin/tradefin/events/platform"
	"github.com/tradefin/tradefin/services/customs/adapters/httpapi"
	"github.com/tradefin/tradefin/services/customs/adapters/inbox"
	"github.com/tradefin/tradefin/services/customs/adapters/store"
	"github.com/tradefin/tradefin/services/customs/adapters/tariff"
	"github.com/tradefin/tradefin/services/customs/app"
)

// Config is what the service needs from its process.
type Config = platform.ServiceConfig

// Options are the service's own settings; the zero value is production's.
type Options struct {
	// ConsumerGroup reads lc.applied.v1 ("customs" when empty). Every customs instance on one
	// event store shares it; a test whose instance has a store of its own takes a group of its
	// own, or instances of other tests would take the partitions its trades are on.
	ConsumerGroup string
	// TradeWait bounds how long a creation waits for its trade's credit application to arrive
	// (command.DefaultTradeWait when 0).
	TradeWait time.Duration
}

// Service is a customs service's parts.
type Service struct {
	platform.Wired
	App  app.Application
	opts Options
}

// New opens the event store and builds the application and its HTTP API.
func New(ctx context.Context, cfg Config) (*Service, error) { return NewWith(ctx, cfg, Options{}) }

// NewWith is New with explicit options.
func NewWith(ctx context.Context, cfg Config, opts Options) (*Service, error) {
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	if opts.ConsumerGroup == "" {
		opts.ConsumerGroup = "customs"
	}
	es, err := cfg.OpenStore(ctx, "customs.db")
	if err != nil {
		return nil, err
	}
	a := app.New(store.New(es), tariff.Excerpt(), opts.TradeWait)
	mux := http.NewServeMux()
	httpapi.Register(mux, a)
	return &Service{Wired: platform.Wired{HTTP: mux, Auth: cfg.Auth, Store: es, Work: cfg.Background(es)}, App: a, opts: opts}, nil
}

// Run consumes lc.applied.v1 and forwards the outbox until ctx ends.
func (s *Service) Run(ctx context.Context) error { return s.Work.Run(ctx, s.consumeApplied) }

// consumeApplied learns each trade's parties from its credit application, once (the inbox).
func (s *Service) consumeApplied(ctx context.Context, pub *kafkapubsub.Publisher) error {
	sub, err := kafkapubsub.NewSubscriber(kafkapubsub.SubscriberConfig{Brokers: s.Work.KafkaBrokers, SASL: s.Work.KafkaSASL, ConsumerGroup: s.opts.ConsumerGroup}, s.Work.Log)
	if err != nil {
		return err
	}
	defer sub.Close()
	router, err := eventbus.NewRouter(watermill.NewSlogLogger(s.Work.Log), pub)
	if err != nil {
		return err
	}
	router.AddConsumerHandler(inbox.Consumer, contracts.Topic("lc.applied.v1"), sub, inbox.Applied{Store: s.Store, Log: s.Work.Log}.Handle)
	err = router.Run(ctx)
	if errors.Is(err, context.Canceled) {
		err = nil
	}
	return errors.Join(err, router.Close())
}
