package e2e_test

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"sync"
	"testing"

	"go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp"
	"go.opentelemetry.io/otel"
	"go.opentelemetry.io/otel/propagation"
	sdktrace "go.opentelemetry.io/otel/sdk/trace"
	"go.opentelemetry.io/otel/sdk/trace/tracetest"
	"go.temporal.io/sdk/client"
	tlog "go.temporal.io/sdk/log"
	"go.temporal.io/sdk/worker"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
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

// platform is every tradefin process of a real deployment, run in this test process on the test
// stack's Kafka, PostgreSQL, Temporal and Fabric: the LC service, customs, settlement, the worker
// (trade workflows, the Kafka→Temporal bridge, the trade view) and one ledger agent per
// organisation, the only holder of its Fabric identity, signing each milestone only for its own
// events on Kafka. In-process, so one span recorder sees every span.
type platform struct {
	endpoints scenario.Endpoints
	spans     *tracetest.SpanRecorder
	brokers   []string
	// ledger has a client per organisation, each the identity of its ledger agent: the test reads
	// each milestone back through a peer of an organisation other than the one that committed it.
	ledger   map[string]*ledger.Client
	agents   map[string]*ledgeragent.Agent
	lc       *lcservice.Service
	customs  *customsservice.Service
	settle   *settlementservice.Service
	temporal client.Client
	// auth checks bearer tokens against the test stack's identity provider, as every process
	// does; its leeway is zero, so a token past its expiry is refused at once.
	auth   *bearer.Verifier
	trades http.Handler // the trade view behind it
	// stores are the PostgreSQL event stores of the services that run on one, by service name.
	stores map[string]string
}

func startPlatform(t *testing.T) *platform {
	t.Helper()
	p := &platform{spans: tracetest.NewSpanRecorder(), brokers: testenv.KafkaBrokers(t), ledger: map[string]*ledger.Client{}, agents: map[string]*ledgeragent.Agent{}}
	var err error
	if p.auth, err = bearer.NewVerifier(bearer.Config{Issuer: testenv.OIDCIssuer(t), Audience: testenv.OIDCAudience(t)}); err != nil {
		t.Fatal(err)
	}
	otel.SetTracerProvider(sdktrace.NewTracerProvider(sdktrace.WithSpanProcessor(p.spans)))
	otel.SetTextMapPropagator(propagation.NewCompositeTextMapPropagator(propagation.TraceContext{}, propagation.Baggage{}))
	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))

	network, err := ledger.LoadNetwork(testenv.FabricNetwork(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, msp := range []string{"ImporterBankMSP", "ExporterBankMSP", "CustomsMSP"} {
		c, err := ledger.Connect(network, msp)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = c.Close() })
		p.ledger[msp] = c
	}
	if p.temporal, err = client.Dial(client.Options{HostPort: testenv.TemporalAddress(t), Logger: tlog.NewStructuredLogger(log)}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(p.temporal.Close)

	// Cleanups run last-in first-out: the background work registered at the end stops before
	// the stores it uses close.
	ctx, cancel := context.WithCancel(context.Background())
	var running sync.WaitGroup
	run := func(name string, fn func(context.Context) error) {
		running.Add(1)
		go func() {
			defer running.Done()
			if err := fn(ctx); err != nil && ctx.Err() == nil {
				t.Errorf("%s stopped: %v", name, err)
			}
		}()
	}
	serve := func(name string, h http.Handler) string {
		srv := httptest.NewServer(otelhttp.NewHandler(h, name))
		t.Cleanup(srv.Close)
		return srv.URL
	}

	// The LC service on PostgreSQL, customs on SQLite, settlement on PostgreSQL: both stores in play.
	p.stores = map[string]string{"lc": testenv.PostgresDSN(t), "settlement": testenv.PostgresDSN(t)}
	if p.lc, err = lcservice.New(ctx, lcservice.Config{PostgresDSN: p.stores["lc"], DataDir: t.TempDir(), KafkaBrokers: p.brokers,
		KafkaSASL: testenv.KafkaSASL(t), Temporal: p.temporal, Log: log, Auth: p.auth}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = p.lc.Close() })
	if p.customs, err = customsservice.New(ctx, customsservice.Config{DataDir: t.TempDir(), KafkaBrokers: p.brokers,
		KafkaSASL: testenv.KafkaSASL(t), Temporal: p.temporal, Log: log, Auth: p.auth}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = p.customs.Close() })
	if p.settle, err = settlementservice.New(ctx, settlementservice.Config{PostgresDSN: p.stores["settlement"], KafkaBrokers: p.brokers,
		KafkaSASL: testenv.KafkaSASL(t), Temporal: p.temporal, Log: log, Auth: p.auth}); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = p.settle.Close() })
	for msp, id := range p.ledger {
		if p.agents[msp], err = ledgeragent.New(ctx, ledgeragent.Config{Ledger: id, KafkaBrokers: p.brokers, KafkaSASL: testenv.KafkaSASL(t), Temporal: p.temporal,
			DataDir: t.TempDir(), Log: log}); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = p.agents[msp].Close() })
		run("ledger agent "+msp, p.agents[msp].Run)
	}
	run("lc", p.lc.Run)
	run("customs", p.customs.Run)
	run("settlement", p.settle.Run)

	flows := worker.New(p.temporal, trade.TaskQueue, trade.WorkerOptions())
	flows.RegisterWorkflow(trade.Workflow)
	if err := flows.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(flows.Stop)
	run("bridge", func(ctx context.Context) error {
		return bridge.Bridge{Temporal: p.temporal, Log: log}.Run(ctx, p.brokers, testenv.KafkaSASL(t))
	})
	views := http.NewServeMux()
	tradeview.Register(views, p.temporal)
	p.trades = tfplatform.Authenticated(p.auth, views)

	t.Cleanup(func() { cancel(); running.Wait() })
	p.endpoints = scenario.Endpoints{LC: serve("lc", p.lc.Handler()), Customs: serve("customs", p.customs.Handler()),
		Settlement: serve("settlement", p.settle.Handler()), Trades: serve("worker", p.trades)}
	return p
}

// client is a scenario client whose parties sign in through the test stack's identity provider
// (authorization code with PKCE, the dev users' passwords) and call with their bearer tokens.
func (p *platform) client(t *testing.T) *scenario.Client {
	c := scenario.NewClient(p.endpoints)
	c.Token = testenv.UserTokens(t).Get
	return c
}
