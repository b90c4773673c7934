package platform

import (
	"context"
	"fmt"
	"log/slog"
	"path/filepath"

	"go.temporal.io/sdk/client"

	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
	"github.com/tradefin/tradefin/events/eventsourcing/sqlstore"
	"github.com/tradefin/tradefin/events/messaging/kafkapubsub"
	"github.com/tradefin/tradefin/events/messaging/outbox"
	"github.com/tradefin/tradefin/events/platform/bearer"
)

// OpenEventStore opens a service's event store: PostgreSQL when dsn is set, else the SQLite file
// name in dataDir.
func OpenEventStore(ctx context.Context, dsn, dataDir, name string) (eventstore.Store, error) {
	if dsn != "" {
		return sqlstore.OpenPostgres(ctx, dsn)
	}
	return sqlstore.OpenSQLite(ctx, filepath.Join(dataDir, name))
}

// ServiceConfig is what a service needs from its process: where its state lives, the broker,
// and the Temporal client for the task queues it serves.
type ServiceConfig struct {
	DataDir      string // the SQLite file lives here unless PostgresDSN is set
	PostgresDSN  string
	KafkaBrokers []string
	KafkaSASL    kafkapubsub.SASL // the process's Kafka principal
	Temporal     client.Client    // nil in tests that run no workers
	Log          *slog.Logger
	Auth         *bearer.Verifier // checks the API's bearer tokens; nil in tests that inject actors
}

// ServiceConfig is the configuration a service run by this process gets.
func (rt *Runtime) ServiceConfig() ServiceConfig {
	return ServiceConfig{DataDir: rt.Config.DataDir, PostgresDSN: rt.Config.PostgresDSN, KafkaBrokers: rt.Config.KafkaBrokers,
		KafkaSASL: rt.Config.KafkaSASL, Temporal: rt.Temporal, Log: rt.Log, Auth: rt.Auth}
}

// OpenStore opens the service's event store (file is the SQLite file's name). Its writes wake
// the service's outbox forwarder (outbox.Waking).
func (c ServiceConfig) OpenStore(ctx context.Context, file string) (eventstore.Store, error) {
	s, err := OpenEventStore(ctx, c.PostgresDSN, c.DataDir, file)
	if err != nil {
		return nil, err
	}
	return outbox.NewWaking(s), nil
}

// Background is the service's background work on store.
func (c ServiceConfig) Background(store eventstore.Store) Background {
	return Background{Store: store, KafkaBrokers: c.KafkaBrokers, KafkaSASL: c.KafkaSASL, Temporal: c.Temporal, Log: c.Log}
}

// Background is a service's work besides answering HTTP.
type Background struct {
	Store        eventstore.Store // its outbox is forwarded to Kafka
	KafkaBrokers []string
	KafkaSASL    kafkapubsub.SASL // every Kafka client of the service authenticates with it
	Temporal     client.Client    // nil in tests that run no workers
	Log          *slog.Logger
}

// Run forwards the outbox and runs each of also (e.g. Kafka consumers) as one Lifecycle until
// ctx ends or one of them fails (or stops early): then the others stop and Run returns the
// failure, which the process's lifecycle retries (ServeService). It returns nil when ctx ends.
func (b Background) Run(ctx context.Context, also ...func(ctx context.Context, pub *kafkapubsub.Publisher) error) error {
	pub, err := kafkapubsub.NewPublisher(kafkapubsub.PublisherConfig{Brokers: b.KafkaBrokers, SASL: b.KafkaSASL})
	if err != nil {
		return Permanent(err)
	}
	defer pub.Close()
	cfg := outbox.Config{Store: b.Store, Publisher: pub, Log: b.Log}
	if w, ok := b.Store.(interface{ Wake() <-chan struct{} }); ok {
		cfg.Wake = w.Wake()
	}
	fwd, err := outbox.NewForwarder(cfg)
	if err != nil {
		return Permanent(err)
	}
	lc := NewLifecycle(ctx, nil, b.Log)
	lc.Go("outbox forwarder", fwd.Run)
	for i, fn := range also {
		lc.Go(fmt.Sprintf("consumer %d", i+1), func(ctx context.Context) error { return fn(ctx, pub) })
	}
	return lc.Wait()
}
