// Package service wires one organisation's ledger agent: its index (an event store of its own:
// SQLite in the data folder, or PostgreSQL when a DSN is set), the Kafka indexer, and the Temporal
// worker of the organisation's ledger task queue signing with the organisation's Fabric identity.
// cmd/ledgeragent runs it as a process; the end-to-end test runs one per organisation in-process.
package service

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"go.temporal.io/sdk/client"

	"github.com/tradefin/tradefin/events/ledger"
	"github.com/tradefin/tradefin/events/messaging/kafkapubsub"
	"github.com/tradefin/tradefin/events/platform"
	"github.com/tradefin/tradefin/services/ledgeragent/adapters"
	"github.com/tradefin/tradefin/services/ledgeragent/app"
	"github.com/tradefin/tradefin/services/ledgeragent/domain"
)

// Config is what an agent needs from its process.
type Config struct {
	// Ledger is the organisation's Fabric identity: the only key the agent holds, and the
	// organisation it acts for (its MSP ID).
	Ledger       *ledger.Client
	KafkaBrokers []string
	KafkaSASL    kafkapubsub.SASL // the agent's own Kafka principal (Name of its organisation)
	Temporal     client.Client
	DataDir      string // the SQLite index lives here unless PostgresDSN is set
	PostgresDSN  string
	Log          *slog.Logger
	// CatchUpWait bounds how long a milestone whose event is not indexed yet waits for the index
	// to catch up with Kafka before the activity fails and is retried (default 10 s).
	CatchUpWait time.Duration
}

// Agent is a running ledger agent's parts.
type Agent struct {
	App     app.App
	Indexer *adapters.Indexer
	cfg     Config
	index   adapters.IndexStore
}

// Name is the agent's name for the organisation: its process, its Kafka principal, the prefix of
// its consumer groups (ledger-importerbank for ImporterBankMSP).
func Name(mspID string) string { return "ledger-" + strings.ToLower(strings.TrimSuffix(mspID, "MSP")) }

// ConsumerGroup prefixes the agent's Kafka consumer groups: each agent reads the events itself,
// and its offsets belong to its index (indexID: see adapters.IndexStore.ID).
func ConsumerGroup(mspID, indexID string) string { return Name(mspID) + "-" + indexID }

// New opens the index and builds the agent.
func New(ctx context.Context, cfg Config) (*Agent, error) {
	if cfg.Ledger == nil || cfg.Temporal == nil || len(cfg.KafkaBrokers) == 0 {
		return nil, errors.New("ledger agent: a Fabric identity, a Temporal client and Kafka brokers are required")
	}
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	org := cfg.Ledger.MSPID()
	cfg.Log = cfg.Log.With("org", org)
	es, err := platform.OpenEventStore(ctx, cfg.PostgresDSN, cfg.DataDir, "ledgeragent.db")
	if err != nil {
		return nil, fmt.Errorf("ledger agent %s: index: %w", org, err)
	}
	index := adapters.IndexStore{Store: es}
	indexID, err := index.ID(ctx)
	if err != nil {
		_ = es.Close()
		return nil, fmt.Errorf("ledger agent %s: index: %w", org, err)
	}
	ix := &adapters.Indexer{Brokers: cfg.KafkaBrokers, SASL: cfg.KafkaSASL, Topics: domain.Topics(org), Group: ConsumerGroup(org, indexID), Store: index, Log: cfg.Log, CatchUpWait: cfg.CatchUpWait}
	a := app.App{Org: org, Index: agentIndex{index, ix}, Submit: ledger.Activities{Ledger: cfg.Ledger}.RecordMilestone,
		SubmitBatch: ledger.Activities{Ledger: cfg.Ledger}.RecordMilestones, Log: cfg.Log, Now: time.Now,
		AwaitRecorded: func(ctx context.Context, in ledger.RecordInput) error {
			return cfg.Ledger.AwaitRecorded(ctx, in, predecessorWait)
		}}
	return &Agent{App: a, Indexer: ix, cfg: cfg, index: index}, nil
}

// predecessorWait bounds how long a pipelined batch waits for the milestone before it (another
// organisation's, in flight at the same time) before it hands its milestones back to the
// workflow: well inside the ledger activity's minute, so the batch still has time to commit.
const predecessorWait = 20 * time.Second

// agentIndex is the index as the application sees it: the store's contents, caught up by the
// indexer.
type agentIndex struct {
	adapters.IndexStore
	*adapters.Indexer
}

var _ app.Index = agentIndex{}

// Run indexes and serves the ledger task queue until ctx ends (nil) or either fails.
func (a *Agent) Run(ctx context.Context) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	indexed := make(chan error, 1)
	go func() { indexed <- a.RunIndexer(ctx); cancel() }()
	err := a.RunWorker(ctx)
	cancel()
	return errors.Join(err, <-indexed)
}

// RunIndexer only indexes, until ctx ends.
func (a *Agent) RunIndexer(ctx context.Context) error { return a.Indexer.Run(ctx) }

// RunWorker only serves the ledger task queue, until ctx ends.
func (a *Agent) RunWorker(ctx context.Context) error {
	w := adapters.NewWorker(a.cfg.Temporal, a.App)
	if err := w.Start(); err != nil {
		return fmt.Errorf("ledger worker %s: %w", ledger.TaskQueue(a.App.Org), err)
	}
	<-ctx.Done()
	w.Stop()
	return nil
}

// Close closes the index (the Fabric identity and Temporal client belong to the caller).
func (a *Agent) Close() error { return a.index.Store.Close() }
