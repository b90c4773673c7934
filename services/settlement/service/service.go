// Package service wires settlement from configuration: event store (SQLite, or PostgreSQL when a
// DSN is set), application, HTTP API, the lc.honoured.v1 consumer and the outbox forwarder.
package service

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"path/filepath"
	"time"

	"github.com/ThreeDotsLabs/watermill"

	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/eventstore"
	"github.com/tradefin/tradefin/events/eventstore/sqlstore"
	"github.com/tradefin/tradefin/events/kafkapubsub"
	"github.com/tradefin/tradefin/events/outbox"
	"github.com/tradefin/tradefin/services/settlement/adapters/fxtable"
	settlementhttp "github.com/tradefin/tradefin/services/settlement/adapters/http"
	"github.com/tradefin/tradefin/services/settlement/adapters/ids"
	"github.com/tradefin/tradefin/services/settlement/adapters/inbox"
	"github.com/tradefin/tradefin/services/settlement/adapters/store"
	"github.com/tradefin/tradefin/services/settlement/app"
)

// Config is what the service needs.
type Config struct {
	DataDir      string // SQLite file lives here unless PostgresDSN is set
	PostgresDSN  string
	KafkaBrokers []string
	Log          *slog.Logger
}

// Service is a running settlement service's parts.
type Service struct {
	Store eventstore.Store
	App   app.Application
	HTTP  http.Handler
	cfg   Config
}

// New opens the event store and builds the application.
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
		es, err = sqlstore.OpenSQLite(ctx, filepath.Join(cfg.DataDir, "settlement.db"))
	}
	if err != nil {
		return nil, err
	}
	a := app.New(store.New(es), fxtable.Dev(), ids.Random{Prefix: "TFSTL"}, time.Now).WithBalances(store.NewLedger(es))
	return &Service{Store: es, App: a, HTTP: settlementhttp.Handler(a), cfg: cfg}, nil
}

// Run consumes lc.honoured.v1 and forwards the outbox until ctx ends.
func (s *Service) Run(ctx context.Context) error {
	pub, err := kafkapubsub.NewPublisher(kafkapubsub.PublisherConfig{Brokers: s.cfg.KafkaBrokers})
	if err != nil {
		return err
	}
	defer pub.Close()
	sub, err := kafkapubsub.NewSubscriber(kafkapubsub.SubscriberConfig{Brokers: s.cfg.KafkaBrokers, ConsumerGroup: "settlement"}, s.cfg.Log)
	if err != nil {
		return err
	}
	defer sub.Close()
	router, err := contracts.NewRouter(watermill.NewSlogLogger(s.cfg.Log), pub)
	if err != nil {
		return err
	}
	lcTopic := contracts.Topic("lc.honoured.v1")
	router.AddConsumerHandler("settlement.lc-honoured", lcTopic, sub, inbox.Honoured{Store: s.Store, Now: time.Now}.Handle)
	fwd, err := outbox.NewForwarder(outbox.Config{Store: s.Store, Publisher: pub, Log: s.cfg.Log})
	if err != nil {
		return err
	}
	errs := make(chan error, 2)
	go func() { errs <- router.Run(ctx) }()
	go func() { errs <- fwd.Run(ctx) }()
	err = <-errs
	if errors.Is(err, context.Canceled) {
		err = nil
	}
	return errors.Join(err, router.Close())
}

// Close closes the event store.
func (s *Service) Close() error { return s.Store.Close() }
