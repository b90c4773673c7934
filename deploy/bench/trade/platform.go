package trade

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"sync"

	"go.temporal.io/sdk/client"
	tlog "go.temporal.io/sdk/log"
	"go.temporal.io/sdk/worker"

	"github.com/tradefin/tradefin/deploy/e2e/scenario"
	"github.com/tradefin/tradefin/events/ledger"
	tfplatform "github.com/tradefin/tradefin/events/platform"
	"github.com/tradefin/tradefin/events/platform/bearer"
	customsservice "github.com/tradefin/tradefin/services/customs/service"
	lcservice "github.com/tradefin/tradefin/services/lc/service"
	ledgeragent "github.com/tradefin/tradefin/services/ledgeragent/service"
	settlementservice "github.com/tradefin/tradefin/services/settlement/service"
	"github.com/tradefin/tradefin/workflows/bridge"
	"github.com/tradefin/tradefin/workflows/trade"
	"github.com/tradefin/tradefin/workflows/tradeview"
)

// orgs are the Fabric organisations, each with its ledger agent.
var orgs = []string{"ImporterBankMSP", "ExporterBankMSP", "CustomsMSP"}

// platform is every tradefin process of a deployment — the three services, the worker (trade
// workflows, bridge, trade view) and a ledger agent per organisation — run in this process on
// the test stack, as deploy/e2e's platform_test.go runs it. In-process, so `make bench` is one
// command on the stack it already starts, and the services are built by the same constructors
// their commands use: what is measured is the code that ships, not a copy of it.
type platform struct {
	endpoints scenario.Endpoints
	ledger    map[string]*ledger.Client // one per organisation, as its agent's identity
	closers   []func()                  // run last first
}

func startPlatform(ctx context.Context, env stackEnv) (_ *platform, err error) {
	p := &platform{ledger: map[string]*ledger.Client{}}
	defer func() {
		if err != nil {
			p.close()
		}
	}()
	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelError}))
	auth, err := bearer.NewVerifier(bearer.Config{Issuer: env.issuer, Audience: env.audience})
	if err != nil {
		return nil, err
	}
	network, err := ledger.LoadNetwork(env.fabric)
	if err != nil {
		return nil, err
	}
	for _, msp := range orgs {
		c, err := ledger.Connect(network, msp)
		if err != nil {
			return nil, err
		}
		p.onClose(func() { _ = c.Close() })
		p.ledger[msp] = c
	}
	tc, err := client.Dial(client.Options{HostPort: env.temporal, Logger: tlog.NewStructuredLogger(log)})
	if err != nil {
		return nil, err
	}
	p.onClose(tc.Close)
	dir, err := os.MkdirTemp("", "tradebench-")
	if err != nil {
		return nil, err
	}
	p.onClose(func() { _ = os.RemoveAll(dir) })
	sub := func(name string) string {
		d := dir + "/" + name
		_ = os.MkdirAll(d, 0o755)
		return d
	}
	lcDSN, dropLC, err := env.freshDatabase(ctx, "bench_lc")
	if err != nil {
		return nil, err
	}
	p.onClose(dropLC)
	settleDSN, dropSettle, err := env.freshDatabase(ctx, "bench_settlement")
	if err != nil {
		return nil, err
	}
	p.onClose(dropSettle)

	// Background work stops before the stores it uses close: its cancel is deferred last.
	runCtx, cancel := context.WithCancel(context.Background())
	var running sync.WaitGroup
	var mu sync.Mutex
	var died []error
	run := func(name string, fn func(context.Context) error) {
		running.Add(1)
		go func() {
			defer running.Done()
			if err := fn(runCtx); err != nil && runCtx.Err() == nil {
				mu.Lock()
				died = append(died, fmt.Errorf("%s stopped: %w", name, err))
				mu.Unlock()
				log.Error("platform part stopped", "part", name, "err", err)
			}
		}()
	}
	base := tfplatform.ServiceConfig{KafkaBrokers: env.kafka, KafkaSASL: env.sasl, Temporal: tc, Log: log, Auth: auth}
	// The LC service and settlement on PostgreSQL, customs on SQLite: as the end-to-end test.
	lcCfg, customsCfg, settleCfg := base, base, base
	lcCfg.PostgresDSN, lcCfg.DataDir = lcDSN, sub("lc")
	customsCfg.DataDir = sub("customs")
	settleCfg.PostgresDSN = settleDSN
	lc, err := lcservice.New(ctx, lcCfg)
	if err != nil {
		cancel()
		return nil, err
	}
	p.onClose(func() { _ = lc.Close() })
	customs, err := customsservice.New(ctx, customsCfg)
	if err != nil {
		cancel()
		return nil, err
	}
	p.onClose(func() { _ = customs.Close() })
	settle, err := settlementservice.New(ctx, settleCfg)
	if err != nil {
		cancel()
		return nil, err
	}
	p.onClose(func() { _ = settle.Close() })
	for _, msp := range orgs {
		a, err := ledgeragent.New(ctx, ledgeragent.Config{Ledger: p.ledger[msp], KafkaBrokers: env.kafka, KafkaSASL: env.sasl,
			Temporal: tc, DataDir: sub(msp), Log: log})
		if err != nil {
			cancel()
			return nil, err
		}
		p.onClose(func() { _ = a.Close() })
		run("ledger agent "+msp, a.Run)
	}
	run("lc", lc.Run)
	run("customs", customs.Run)
	run("settlement", settle.Run)
	flows := worker.New(tc, trade.TaskQueue, trade.WorkerOptions())
	flows.RegisterWorkflow(trade.Workflow)
	if err := flows.Start(); err != nil {
		cancel()
		return nil, err
	}
	p.onClose(flows.Stop)
	run("bridge", func(ctx context.Context) error {
		return bridge.Bridge{Temporal: tc, Log: log}.Run(ctx, env.kafka, env.sasl)
	})
	p.onClose(func() { cancel(); running.Wait() })
	p.onClose(func() {
		mu.Lock()
		defer mu.Unlock()
		if len(died) > 0 {
			fmt.Fprintln(os.Stderr, "trade bench:", errors.Join(died...))
		}
	})
	views := http.NewServeMux()
	tradeview.Register(views, tc)
	serve := func(h http.Handler) string {
		srv := httptest.NewServer(h)
		p.onClose(srv.Close)
		return srv.URL
	}
	p.endpoints = scenario.Endpoints{LC: serve(lc.Handler()), Customs: serve(customs.Handler()),
		Settlement: serve(settle.Handler()), Trades: serve(tfplatform.Authenticated(auth, views))}
	return p, nil
}

// defer_ registers f to run at close, after everything registered later.
func (p *platform) onClose(f func()) { p.closers = append(p.closers, f) }

func (p *platform) close() {
	for i := len(p.closers) - 1; i >= 0; i-- {
		p.closers[i]()
	}
	p.closers = nil
}
