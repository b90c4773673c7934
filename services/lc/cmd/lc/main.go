// Command lc runs the letters-of-credit service; it acts on the ledger for the issuing bank.
package main

import (
	"context"
	"path/filepath"

	"github.com/tradefin/tradefin/events/eventstore"
	"github.com/tradefin/tradefin/events/eventstore/sqlstore"
	"github.com/tradefin/tradefin/events/kafkapubsub"
	"github.com/tradefin/tradefin/events/outbox"
	"github.com/tradefin/tradefin/events/platform"
	"github.com/tradefin/tradefin/services/lc/adapters/httpapi"
	"github.com/tradefin/tradefin/services/lc/adapters/store"
	"github.com/tradefin/tradefin/services/lc/app"
)

func main() {
	platform.Main("lc", func(ctx context.Context) error {
		rt, err := platform.Start(ctx, "lc", "127.0.0.1:20801", platform.Env("TRADEFIN_FABRIC_MSP", "ImporterBankMSP"))
		if err != nil {
			return err
		}
		events, err := openStore(ctx, rt.Config)
		if err != nil {
			return err
		}
		defer events.Close()
		pub, err := kafkapubsub.NewPublisher(kafkapubsub.PublisherConfig{Brokers: rt.Config.KafkaBrokers})
		if err != nil {
			return err
		}
		defer pub.Close()
		fwd, err := outbox.NewForwarder(outbox.Config{Store: events, Publisher: pub, Log: rt.Log})
		if err != nil {
			return err
		}
		go func() { _ = fwd.Run(ctx) }()
		httpapi.Register(rt.Mux, app.New(store.NewRepository(events)))
		return rt.Serve(ctx)
	})
}

// openStore uses PostgreSQL when a DSN is configured, else SQLite in the data folder.
func openStore(ctx context.Context, c platform.Common) (eventstore.Store, error) {
	if c.PostgresDSN != "" {
		return sqlstore.OpenPostgres(ctx, c.PostgresDSN)
	}
	return sqlstore.OpenSQLite(ctx, filepath.Join(c.DataDir, "lc.db"))
}
