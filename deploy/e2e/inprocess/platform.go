// Package inprocess runs every tradefin process of a deployment in the calling process, on a
// running stack's Kafka, PostgreSQL, Temporal, Fabric and identity provider: the LC service,
// customs, settlement, the worker (trade workflows, the Kafka→Temporal bridge, the trade view)
// and one ledger agent per organisation, each the only holder of its Fabric identity. The
// end-to-end tests and the whole-trade benchmark both run it, built by the same constructors the
// commands use: what they test and measure is the code that ships, not a copy of its wiring.
package inprocess

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"time"

	"go.temporal.io/sdk/client"
	tlog "go.temporal.io/sdk/log"
	"go.temporal.io/sdk/worker"

	"github.com/tradefin/tradefin/deploy/e2e/scenario"
	"github.com/tradefin/tradefin/events/ledger"
	"github.com/tradefin/tradefin/events/messaging/kafkapubsub"
	"github.com/tradefin/tradefin/events/platform"
	"github.com/tradefin/tradefin/events/platform/bearer"
	customsservice "github.com/tradefin/tradefin/services/customs/service"
	lcapp "github.com/tradefin/tradefin/services/lc/app"
	lcservice "github.com/tradefin/tradefin/services/lc/service"
	ledgeragent "github.com/tradefin/tradefin/services/ledgeragent/service"
	settlementservice "github.com/tradefin/tradefin/services/settlement/service"
	"github.com/tradefin/tradefin/workflows/bridge"
	"github.com/tradefin/tradefin/workflows/trade"
	"github.com/tradefin/tradefin/workflows/tradeview"
)

// Orgs are the Fabric organisations, each with its ledger agent.
var Orgs = []string{"ImporterBankMSP", "ExporterBankMSP", "CustomsMSP"}

// Config is the stack the platform runs on.
type Config struct {
	KafkaBrokers []string
	KafkaSASL    kafkapubsub.SASL
	Temporal     string // host:port
	// TemporalNamespace is the namespace of the platform's workflows and workers ("": default);
	// it must exist.
	TemporalNamespace string
	FabricNetwork     string // network.json
	Issuer            string // OIDC issuer URL
	Audience          string
	// PostgresDSN gives each PostgreSQL-backed service (lc, settlement) a database of its own.
	PostgresDSN func(ctx context.Context, service string) (string, error)
	DataDir     string // SQLite files and agents' indexes, one directory each beneath
	Log         *slog.Logger
	// Wrap, when set, wraps each served handler (the end-to-end test traces them).
	Wrap func(name string, h http.Handler) http.Handler
	// LC, when set, adjusts the LC service's settings read from the environment (a test's
	// banking calendars, say).
	LC func(*lcapp.Settings)
	// UnknownTradeGrace is the bridge's grace for events of trades with no workflow (5 s when
	// zero, see Start); the bench, which publishes no orphan events, uses the production one.
	UnknownTradeGrace time.Duration
}

// Platform is the running deployment.
type Platform struct {
	Endpoints scenario.Endpoints
	// Ledger has a client per organisation, each with its ledger agent's identity.
	Ledger   map[string]*ledger.Client
	Agents   map[string]*ledgeragent.Agent
	LC       *lcservice.Service
	Customs  *customsservice.Service
	Settle   *settlementservice.Service
	Temporal client.Client
	// Auth checks bearer tokens against the identity provider, as every process does; its
	// leeway is zero, so a token past its expiry is refused at once.
	Auth   *bearer.Verifier
	Trades http.Handler // the trade view, authenticated

	closers []func() // run last first
	mu      sync.Mutex
	died    []error
}

// Start starts every process; on error it stops what it started.
func Start(ctx context.Context, cfg Config) (_ *Platform, err error) {
	p := &Platform{Ledger: map[string]*ledger.Client{}, Agents: map[string]*ledgeragent.Agent{}}
	defer func() {
		if err != nil {
			p.Close()
		}
	}()
	log := cfg.Log
	if log == nil {
		log = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	}
	if p.Auth, err = bearer.NewVerifier(bearer.Config{Issuer: cfg.Issuer, Audience: cfg.Audience}); err != nil {
		return nil, err
	}
	network, err := ledger.LoadNetwork(cfg.FabricNetwork)
	if err != nil {
		return nil, err
	}
	for _, msp := range Orgs {
		c, err := ledger.Connect(network, msp)
		if err != nil {
			return nil, err
		}
		p.onClose(func() { _ = c.Close() })
		p.Ledger[msp] = c
	}
	if p.Temporal, err = client.Dial(client.Options{HostPort: cfg.Temporal, Namespace: cfg.TemporalNamespace, Logger: tlog.NewStructuredLogger(log)}); err != nil {
		return nil, err
	}
	p.onClose(p.Temporal.Close)
	dir := func(name string) (string, error) {
		d := filepath.Join(cfg.DataDir, name)
		return d, os.MkdirAll(d, 0o755)
	}
	lcDSN, err := cfg.PostgresDSN(ctx, "lc")
	if err != nil {
		return nil, err
	}
	settleDSN, err := cfg.PostgresDSN(ctx, "settlement")
	if err != nil {
		return nil, err
	}
	lcDir, err := dir("lc")
	if err != nil {
		return nil, err
	}
	customsDir, err := dir("customs")
	if err != nil {
		return nil, err
	}

	// Background work stops before the stores it uses close: its cancel is registered last.
	runCtx, cancel := context.WithCancel(context.Background())
	var running sync.WaitGroup
	run := func(name string, fn func(context.Context) error) {
		running.Add(1)
		go func() {
			defer running.Done()
			if err := fn(runCtx); err != nil && runCtx.Err() == nil {
				p.mu.Lock()
				p.died = append(p.died, fmt.Errorf("%s stopped: %w", name, err))
				p.mu.Unlock()
				log.Error("platform part stopped", "part", name, "err", err)
			}
		}()
	}
	stop := func() { cancel(); running.Wait() }
	base := platform.ServiceConfig{KafkaBrokers: cfg.KafkaBrokers, KafkaSASL: cfg.KafkaSASL, Temporal: p.Temporal, Log: log, Auth: p.Auth}
	// The LC service and settlement on PostgreSQL, customs on SQLite: both stores in play.
	lcCfg, customsCfg, settleCfg := base, base, base
	lcCfg.PostgresDSN, lcCfg.DataDir = lcDSN, lcDir
	customsCfg.DataDir = customsDir
	settleCfg.PostgresDSN = settleDSN
	lcOpts, err := lcservice.OptionsFromEnv()
	if err == nil && cfg.LC != nil {
		cfg.LC(&lcOpts)
	}
	if err == nil {
		p.LC, err = lcservice.NewWith(ctx, lcCfg, lcOpts)
	}
	if err != nil {
		cancel()
		return nil, err
	}
	p.onClose(func() { _ = p.LC.Close() })
	if p.Customs, err = customsservice.New(ctx, customsCfg); err != nil {
		cancel()
		return nil, err
	}
	p.onClose(func() { _ = p.Customs.Close() })
	if p.Settle, err = settlementservice.New(ctx, settleCfg); err != nil {
		cancel()
		return nil, err
	}
	p.onClose(func() { _ = p.Settle.Close() })
	for _, msp := range Orgs {
		agentDir, err := dir(msp)
		if err != nil {
			cancel()
			return nil, err
		}
		a, err := ledgeragent.New(ctx, ledgeragent.Config{Ledger: p.Ledger[msp], KafkaBrokers: cfg.KafkaBrokers, KafkaSASL: cfg.KafkaSASL,
			Temporal: p.Temporal, DataDir: agentDir, Log: log})
		if err != nil {
			cancel()
			return nil, err
		}
		p.onClose(func() { _ = a.Close() })
		p.Agents[msp] = a
		run("ledger agent "+msp, a.Run)
	}
	run("lc", p.LC.Run)
	run("customs", p.Customs.Run)
	run("settlement", p.Settle.Run)
	flows := worker.New(p.Temporal, trade.TaskQueue, trade.WorkerOptions())
	flows.RegisterWorkflow(trade.Workflow)
	if err := flows.Start(); err != nil {
		cancel()
		return nil, err
	}
	p.onClose(flows.Stop)
	run("bridge", func(ctx context.Context) error {
		// A short grace for events of trades with no workflow: the tests that run this platform
		// publish forged and orphan events on purpose, and with the production grace (a minute,
		// for an lc.applied.v1 still on its way on another topic) each would hold its lane that
		// long, stalling the next test's trades behind it on the shared test broker.
		grace := cfg.UnknownTradeGrace
		if grace == 0 {
			grace = 5 * time.Second
		}
		return bridge.Bridge{Temporal: p.Temporal, Log: log, UnknownTradeGrace: grace}.Run(ctx, cfg.KafkaBrokers, cfg.KafkaSASL)
	})
	p.onClose(stop)
	views := http.NewServeMux()
	tradeview.Register(views, p.Temporal)
	p.Trades = platform.Authenticated(p.Auth, views)
	serve := func(name string, h http.Handler) string {
		if cfg.Wrap != nil {
			h = cfg.Wrap(name, h)
		}
		srv := httptest.NewServer(h)
		p.onClose(srv.Close)
		return srv.URL
	}
	p.Endpoints = scenario.Endpoints{LC: serve("lc", p.LC.Handler()), Customs: serve("customs", p.Customs.Handler()),
		Settlement: serve("settlement", p.Settle.Handler()), Trades: serve("worker", p.Trades)}
	return p, nil
}

// Died returns the error of every background part that stopped before Close, joined (nil when
// none did): a part that dies mid-run fails the run that used it.
func (p *Platform) Died() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	return errors.Join(p.died...)
}

// Close stops every process, the last started first.
func (p *Platform) Close() {
	for i := len(p.closers) - 1; i >= 0; i-- {
		p.closers[i]()
	}
	p.closers = nil
}

func (p *Platform) onClose(f func()) { p.closers = append(p.closers, f) }
