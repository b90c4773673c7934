package trade

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"time"

	"github.com/tradefin/tradefin/deploy/e2e/inprocess"
)

// platform is the whole platform run in this process, with what the run leaves to remove.
type platform struct {
	*inprocess.Platform
	cleanup func()
}

func (p *platform) close() {
	p.Close()
	if err := p.Died(); err != nil {
		fmt.Fprintln(os.Stderr, "trade bench:", err)
	}
	p.cleanup()
}

// benchNamespace is the Temporal namespace the bench's platform runs in (inprocess.FreshNamespace
// says why a namespace of its own).
const benchNamespace = "tradefin-bench"

// startPlatform runs the whole platform in this process (deploy/e2e/inprocess, as the end-to-end
// tests run it) with a fresh database per PostgreSQL-backed service, so every run starts from
// empty stores. In-process, so `make bench` is one command on the stack it already starts.
func startPlatform(ctx context.Context, env stackEnv) (*platform, error) {
	if err := inprocess.FreshNamespace(ctx, env.temporal, benchNamespace); err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "tradebench-")
	if err != nil {
		return nil, err
	}
	var drops []func()
	cfg := inprocess.Config{KafkaBrokers: env.kafka, KafkaSASL: env.sasl, Temporal: env.temporal, TemporalNamespace: benchNamespace, FabricNetwork: env.fabric,
		Issuer: env.issuer, Audience: env.audience, DataDir: dir,
		// Under the concurrent round the bridge's lane of the credit's topic has lagged more than
		// the end-to-end tests' 5 s behind customs' lane: a trade's export clearance then went to
		// the poison topic as an event of no trade, and the round never finished.
		UnknownTradeGrace: time.Minute,
		Log:               slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelError})),
		PostgresDSN: func(ctx context.Context, service string) (string, error) {
			dsn, drop, err := env.freshDatabase(ctx, "bench_"+service)
			if err != nil { // nothing was created, so there is nothing to drop
				return "", err
			}
			drops = append(drops, drop)
			return dsn, nil
		}}
	p, err := inprocess.Start(ctx, cfg)
	cleanup := func() {
		for _, drop := range drops {
			drop()
		}
		_ = os.RemoveAll(dir)
	}
	if err != nil {
		cleanup()
		return nil, err
	}
	return &platform{Platform: p, cleanup: cleanup}, nil
}
