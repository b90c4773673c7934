// Package service wires settlement from configuration: event store (SQLite, or PostgreSQL when a
// DSN is set), application, HTTP API, and the background work: the lc.honoured.v1 consumer, the
// outbox forwarder and the trade workflow's settlement activities. cmd/settlement runs it as a
// process; the end-to-end test runs it in-process. Its own settings (Options): the settlement
// bank's BIC, TRADEFIN_SETTLEMENT_AGENT_BIC (default NCLRSESS), and the four-eyes thresholds,
// TRADEFIN_SETTLEMENT_FOUR_EYES ("EUR:100000000,USD:100000000", minor units; default
// 1,000,000.00 in every currency).
package service

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/ThreeDotsLabs/watermill"

	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/messaging/eventbus"
	"github.com/tradefin/tradefin/events/messaging/kafkapubsub"
	"github.com/tradefin/tradefin/events/platform"
	"github.com/tradefin/tradefin/services/settlement/adapters/fxtable"
	"github.com/tradefin/tradefin/services/settlement/adapters/httpapi"
	"github.com/tradefin/tradefin/services/settlement/adapters/ids"
	"github.com/tradefin/tradefin/services/settlement/adapters/inbox"
	"github.com/tradefin/tradefin/services/settlement/adapters/orchestration"
	"github.com/tradefin/tradefin/services/settlement/adapters/store"
	"github.com/tradefin/tradefin/services/settlement/app"
)

// Config is what the service needs from its process.
type Config = platform.ServiceConfig

// Service is a running settlement service's parts.
type Service struct {
	platform.Wired
	App app.Application
}

// New opens the event store and builds the application with the options from the environment
// (OptionsFromEnv).
func New(ctx context.Context, cfg Config) (*Service, error) {
	opts, err := OptionsFromEnv()
	if err != nil {
		return nil, err
	}
	return NewWith(ctx, cfg, opts)
}

// NewWith is New with explicit options.
func NewWith(ctx context.Context, cfg Config, opts Options) (*Service, error) {
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	es, err := cfg.OpenStore(ctx, "settlement.db")
	if err != nil {
		return nil, err
	}
	a := app.New(store.New(es), fxtable.Dev(), ids.Random{Prefix: "TFSTL"}, time.Now, opts.Policy).WithBalances(store.NewLedger(es))
	return &Service{Wired: platform.Wired{HTTP: httpapi.Handler(a), Auth: cfg.Auth, Store: es, Work: cfg.Background(es)}, App: a}, nil
}

// Run consumes lc.honoured.v1, forwards the outbox and serves the settlement activities until
// ctx ends.
func (s *Service) Run(ctx context.Context) error {
	if s.Work.Temporal != nil {
		w := orchestration.NewWorker(s.Work.Temporal, orchestration.Activities{App: s.App})
		if err := w.Start(); err != nil {
			return err
		}
		defer w.Stop()
	}
	return s.Work.Run(ctx, s.consumeHonoured)
}

// consumeHonoured raises a payment for each honoured presentation, once (the inbox).
func (s *Service) consumeHonoured(ctx context.Context, pub *kafkapubsub.Publisher) error {
	sub, err := kafkapubsub.NewSubscriber(kafkapubsub.SubscriberConfig{Brokers: s.Work.KafkaBrokers, SASL: s.Work.KafkaSASL, ConsumerGroup: "settlement"}, s.Work.Log)
	if err != nil {
		return err
	}
	defer sub.Close()
	router, err := eventbus.NewRouter(watermill.NewSlogLogger(s.Work.Log), pub)
	if err != nil {
		return err
	}
	router.AddConsumerHandler("settlement.lc-honoured", contracts.Topic("lc.honoured.v1"), sub, inbox.Honoured{Store: s.Store, Now: time.Now, Log: s.Work.Log}.Handle)
	err = router.Run(ctx)
	if errors.Is(err, context.Canceled) {
		err = nil
	}
	return errors.Join(err, router.Close())
}
