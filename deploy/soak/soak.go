package soak

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/tradefin/tradefin/deploy/e2e/scenario"
	"github.com/tradefin/tradefin/workflows/verification"
)

// Config says how big the soak is and what it runs against.
type Config struct {
	Trades      int           // default 200
	Concurrency int           // trades at a time, default 20
	Kill        []string      // the processes to kill -9 once each
	Paths       []Path        // the mix, taken in turn (AllPaths)
	Seed        uint64        // of the kill schedule (0: from the clock); printed, so a run can be repeated
	Outage      time.Duration // how long a killed process stays down, default 2 s
	// Jitter delays each kill by a random moment up to it once its trade has started (default
	// 20 s), so crashes fall between steps too when many trades start at once.
	Jitter time.Duration
	// TradeTimeout bounds one trade from its first step to its terminal state, default 5 min;
	// past it the trade is stuck.
	TradeTimeout time.Duration
	Endpoints    scenario.Endpoints
	Token        func(ctx context.Context, user string) (string, error)
	Processes    Processes
	Verify       verification.Sources
	Log          func(format string, args ...any)
}

func (c *Config) setDefaults() {
	if c.Trades == 0 {
		c.Trades = 200
	}
	if c.Concurrency == 0 {
		c.Concurrency = 20
	}
	if c.Outage == 0 {
		c.Outage = 2 * time.Second
	}
	if c.Jitter == 0 {
		c.Jitter = 20 * time.Second
	}
	if c.TradeTimeout == 0 {
		c.TradeTimeout = 5 * time.Minute
	}
	if c.Seed == 0 {
		c.Seed = uint64(time.Now().UnixNano())
	}
	if c.Log == nil {
		c.Log = func(string, ...any) {}
	}
}

// Trade is one trade's outcome.
type Trade struct {
	ID, Path string
	Took     time.Duration // from its first step to its terminal state
	Done     bool          // reached its path's terminal state
	Wrong    string        // reached a state its path must never reach
	Failed   string        // a step the platform refused, or the wait that timed out
	Status   string        // the trade's status in the trade view at the end
	Workflow string        // the Temporal execution's status ("" when there is no workflow: the trade is lost)
	Report   verification.Report
}

// Result is what the soak measured.
type Result struct {
	Planned int // trades the soak was to walk; len(Trades) is fewer when it was interrupted
	Seed    uint64
	Took    time.Duration
	Trades  []Trade
	Kills   []Kill
}

// Run walks cfg.Trades trades, cfg.Concurrency at a time, the paths in turn, while the kill
// schedule runs; then it verifies every trade.
func Run(ctx context.Context, cfg Config) (Result, error) {
	cfg.setDefaults()
	if len(cfg.Paths) == 0 {
		return Result{}, errors.New("no paths to walk (Platform.Config gives AllPaths)")
	}
	res := Result{Seed: cfg.Seed}
	res.Kills = schedule(rand.New(rand.NewPCG(cfg.Seed, cfg.Seed>>1)), cfg.Kill, cfg.Trades, cfg.Jitter)
	c := scenario.NewClient(cfg.Endpoints)
	c.HTTP = &http.Client{Timeout: 30 * time.Second, Transport: patient{next: http.DefaultTransport, patience: 3 * time.Minute}}
	c.Token = cfg.Token
	c.PollInterval = 500 * time.Millisecond
	begin := time.Now()
	prefix := fmt.Sprintf("SOAK-%s-", begin.UTC().Format("0102-150405"))
	var started atomic.Int64
	kctx, stopKills := context.WithCancel(ctx)
	killed, supervised := make(chan struct{}), make(chan struct{})
	sup := &supervisor{}
	go func() {
		crash(kctx, cfg.Processes, res.Kills, &started, begin, cfg.Outage, sup, cfg.Log)
		close(killed)
	}()
	go func() { sup.run(kctx, cfg.Processes, cfg.Log); close(supervised) }()

	sem := make(chan struct{}, cfg.Concurrency)
	var wg sync.WaitGroup
	trades := make([]Trade, cfg.Trades)
	n := 0 // trades started: an interrupted soak starts no more, and reports those it walked
	for i := range cfg.Trades {
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
		}
		if ctx.Err() != nil {
			break
		}
		n++
		started.Add(1)
		wg.Add(1)
		go func() {
			defer func() { <-sem; wg.Done() }()
			p := cfg.Paths[i%len(cfg.Paths)]
			trades[i] = walk(ctx, c, cfg, p, fmt.Sprintf("%s%04d", prefix, i+1))
			if t := trades[i]; !t.Done {
				cfg.Log("trade %s (%s): %s%s", t.ID, t.Path, t.Failed, t.Wrong)
			}
		}()
	}
	wg.Wait()
	stopKills()
	<-killed
	<-supervised
	res.Took, res.Trades, res.Planned = time.Since(begin), trades[:n], cfg.Trades
	cfg.Log("%d of %d trades ended in %s; verifying", n, cfg.Trades, res.Took.Round(time.Second))
	vctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Minute) // an interrupted soak verifies what it walked
	defer cancel()
	return res, verifyAll(vctx, cfg.Verify, res.Trades)
}

func walk(ctx context.Context, c *scenario.Client, cfg Config, p Path, id string) Trade {
	t := Trade{ID: id, Path: p.Name}
	ctx, cancel := context.WithTimeout(ctx, cfg.TradeTimeout)
	defer cancel()
	start := time.Now()
	w := scenario.NewWalk(scenario.Trade{ID: id, Today: start.UTC()})
	for i, step := range p.Steps {
		if err := step(ctx, c, w); err != nil {
			t.Failed = fmt.Sprintf("step %d: %v", i+1, err)
			// Where the platform left it: a workflow that has the trade, or none (lost).
			lctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
			defer cancel()
			if tl, err := c.Timeline(lctx, id); err == nil {
				t.Status, t.Workflow = tl.Status, tl.Workflow.Status
			}
			return t
		}
	}
	var since time.Time
	for {
		tl, err := c.Timeline(ctx, id)
		if err == nil {
			t.Status, t.Workflow = tl.Status, tl.Workflow.Status
			done, wrong := p.Terminal(tl)
			switch {
			case !done:
				since = time.Time{}
			case since.IsZero():
				since = time.Now()
				t.Took = time.Since(start)
			}
			if done && time.Since(since) >= p.Settle {
				t.Done, t.Wrong = wrong == "", wrong
				return t
			}
		}
		select {
		case <-ctx.Done():
			t.Failed = fmt.Sprintf("stuck: not in its terminal state after %s", cfg.TradeTimeout)
			return t
		case <-time.After(500 * time.Millisecond):
		}
	}
}

// verifyAll reconciles every trade, reading Kafka and the stores once.
func verifyAll(ctx context.Context, s verification.Sources, trades []Trade) error {
	ids := make([]string, 0, len(trades))
	for _, t := range trades {
		ids = append(ids, t.ID)
	}
	reports, err := s.Trades(ctx, ids)
	if err != nil {
		return fmt.Errorf("verify: %w", err)
	}
	byID := map[string]verification.Report{}
	for _, r := range reports {
		byID[r.TradeID] = r
	}
	for i := range trades {
		trades[i].Report = byID[trades[i].ID]
	}
	return nil
}
