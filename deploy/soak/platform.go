package soak

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"go.temporal.io/sdk/client"
	tlog "go.temporal.io/sdk/log"
	"golang.org/x/oauth2"

	"github.com/tradefin/tradefin/deploy/devstack/stack"
	"github.com/tradefin/tradefin/deploy/e2e/scenario"
	"github.com/tradefin/tradefin/events/ledger"
	"github.com/tradefin/tradefin/events/messaging/kafkapubsub"
	"github.com/tradefin/tradefin/events/platform/signin"
	"github.com/tradefin/tradefin/workflows/verification"
)

// services are tradefin's processes the soak starts on the test profile's platform (every service
// stack.WithServices starts, the portal too), all stopped again at Close.
var services = []string{"ledger-importerbank", "ledger-exporterbank", "ledger-customs", "lc", "customs", "settlement", "worker", "portal"}

// Platform is the test profile's stack with tradefin's processes running as processes (so they
// can be killed), and what the soak needs to reach it.
type Platform struct {
	Stack     *stack.Stack
	Endpoints scenario.Endpoints
	Tokens    *signin.Tokens
	Verify    verification.Sources
	// Expiring are the places on the LC service's calendars whose days end minutes into the
	// run (the expired path's credits).
	Expiring ExpiringPlaces
	closers  []func()
}

// StartPlatform brings the test profile's platform up (or reuses it) and starts the services,
// the ledger agents and the worker on it as processes.
func StartPlatform(ctx context.Context, out io.Writer) (*Platform, error) {
	prof, err := stack.TestProfile()
	if err != nil {
		return nil, err
	}
	tools, err := stack.Setup(ctx, func(string, ...any) {})
	if err != nil {
		return nil, err
	}
	s := stack.WithServices(prof, tools, out)
	expiring, err := expiringCalendars(s, prof.RepoRoot)
	if err != nil {
		return nil, err
	}
	if err := s.Up(ctx); err != nil {
		return nil, err
	}
	p := &Platform{Stack: s, Expiring: expiring}
	addr := map[string]string{}
	for _, c := range s.Components {
		addr[c.Name()] = c.Address()
	}
	p.Endpoints = scenario.Endpoints{LC: addr["lc"], Customs: addr["customs"], Settlement: addr["settlement"], Trades: addr["worker"]}
	env := s.Env()
	issuer := strings.TrimSuffix(env["TRADEFIN_OIDC_ISSUER"], "/")
	p.Tokens = &signin.Tokens{Source: func(ctx context.Context, user string) (*oauth2.Token, error) {
		return signin.Login(ctx, signin.Config{Issuer: issuer, ClientID: "tradectl", RedirectURL: "http://127.0.0.1/callback", Audience: env["TRADEFIN_OIDC_AUDIENCE"]},
			user, user+"-dev-pass")
	}}
	if err := p.openVerify(env); err != nil {
		p.Close()
		return nil, err
	}
	return p, nil
}

// expiringCalendars gives the LC service the soak's expiring places beside its own calendars
// (WriteExpiringCalendars), restarting it if a run before left it running without them.
func expiringCalendars(s *stack.Stack, root string) (ExpiringPlaces, error) {
	base, err := os.ReadFile(filepath.Join(root, "services", "lc", "adapters", "calendars", "calendars.json"))
	if err != nil {
		return ExpiringPlaces{}, err
	}
	e, env, err := WriteExpiringCalendars(s.Profile.Path("soak"), base, time.Now())
	if err != nil {
		return e, err
	}
	if err := s.WithEnv("lc", env...); err != nil {
		return e, err
	}
	lc, err := s.Only("lc")
	if err != nil {
		return e, err
	}
	return e, lc.Down()
}

// openVerify builds the reconciliation's sources: Kafka as the tests principal, Temporal, every
// peer, and the services' PostgreSQL stores.
func (p *Platform) openVerify(env map[string]string) error {
	network, err := ledger.LoadNetwork(env["TRADEFIN_FABRIC_NETWORK"])
	if err != nil {
		return err
	}
	peers, err := verification.ConnectPeers(network)
	if err != nil {
		return err
	}
	p.closers = append(p.closers, peers.Close)
	tc, err := client.Dial(client.Options{HostPort: env["TRADEFIN_TEMPORAL_ADDRESS"], Logger: tlog.NewStructuredLogger(slog.New(slog.NewTextHandler(io.Discard, nil)))})
	if err != nil {
		return fmt.Errorf("temporal: %w", err)
	}
	p.closers = append(p.closers, tc.Close)
	p.Verify = verification.Sources{Temporal: tc, KafkaBrokers: strings.Split(env["TRADEFIN_KAFKA_BROKERS"], ","),
		KafkaSASL: kafkapubsub.SASL{Mechanism: env["TRADEFIN_KAFKA_SASL_MECHANISM"], User: env["TRADEFIN_KAFKA_USER"], Password: env["TRADEFIN_KAFKA_PASSWORD"]},
		Peers:     peers,
		ServiceDSNs: map[string]string{"lc": p.Stack.ServiceDSN("lc"), "customs": p.Stack.ServiceDSN("customs"),
			"settlement": p.Stack.ServiceDSN("settlement")}}
	return nil
}

// Close stops the services it started (the platform stays up, as the test profile's does) and
// closes the sources.
func (p *Platform) Close() {
	for i := len(p.closers) - 1; i >= 0; i-- {
		p.closers[i]()
	}
	if svc, err := p.Stack.Only(strings.Join(services, ",")); err == nil {
		_ = svc.Down()
	}
}

// Config is a soak's configuration on this platform.
func (p *Platform) Config(trades, concurrency int, kill []string, log func(string, ...any)) Config {
	return Config{Trades: trades, Concurrency: concurrency, Kill: kill, Paths: AllPaths(p.Expiring), Endpoints: p.Endpoints, Token: p.Tokens.Get,
		Processes: p.Stack, Verify: p.Verify, Log: log}
}
