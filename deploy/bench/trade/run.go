// Package trade measures whole trades through tradefin side by side with the ledger's own
// ceiling, in one run on the test stack: raw fabric-gateway submits of the chaincode's
// RecordMilestone one at a time and many in flight, then the deploy/e2e scenario's trades through
// the HTTP APIs one at a time and 50 at a time, on the whole platform run in this process. It
// prints a table and two `ratio <name> <value>` lines with their targets. The bench command
// (`make bench`) calls Run.
package trade

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"time"
)

// Options size the rounds; zero fields take the defaults, which keep a run within a few minutes
// on a 2-core machine.
type Options struct {
	LedgerSequential int           // submits one at a time (default 40)
	LedgerConcurrent int           // submits in the concurrent round (default 640)
	LedgerInFlight   int           // submits in flight in it (default 32)
	ChainTrades      int           // whole trade chains submitted raw, LedgerInFlight at once (default 40)
	TradesSequential int           // trades one at a time (default 5, after one warm-up trade)
	TradesConcurrent int           // trades in the concurrent round (default 50: all at once)
	TradesInFlight   int           // trades in flight in it (default 50)
	DiscrepantEvery  int           // every n-th concurrent trade is refused then waived (default 5; <0 none)
	Poll             time.Duration // how often a lone trade's client checks on the workflow (default 20 ms)
	// PollConcurrent is the same for the concurrent round (default 500 ms): each check of the
	// trade view is a Temporal query, a workflow task on the trade worker, and 50 clients
	// checking every 20 ms would be the heaviest load in the run.
	PollConcurrent time.Duration
	FloorWorkflows int       // trade-shaped workflows of the Temporal floor, all at once (default 50)
	Explain        bool      // also walk one trade alone and print where its time went
	Progress       io.Writer // a line per round as it starts (nil: none)
}

func (o *Options) setDefaults() {
	def := func(v *int, d int) {
		if *v == 0 {
			*v = d
		}
	}
	def(&o.LedgerSequential, 40)
	def(&o.LedgerConcurrent, 640)
	def(&o.LedgerInFlight, 32)
	def(&o.ChainTrades, 40)
	def(&o.TradesSequential, 5)
	def(&o.TradesConcurrent, 50)
	def(&o.TradesInFlight, 50)
	def(&o.DiscrepantEvery, 5)
	def(&o.FloorWorkflows, 50)
	if o.Poll == 0 {
		o.Poll = 20 * time.Millisecond
	}
	if o.PollConcurrent == 0 {
		o.PollConcurrent = 500 * time.Millisecond
	}
}

// Figures is what a run measured.
type Figures struct {
	LedgerSequential, LedgerConcurrent LedgerFigures
	Chains                             ChainFigures // whole trades' chains, raw
	TradesSequential, TradesConcurrent TradeFigures
	CPU                                cpuShares    // where the concurrent round of trades' CPU went
	LedgerCPU                          cpuShares    // the same for the concurrent round of raw submits
	LedgerAloneCPU                     cpuShares    // and for the round of raw submits one at a time
	TemporalFloor                      FloorFigures // Temporal's least for a trade (temporal_floor.go)
	Ratios                             []Ratio
}

// Ratio is one of the printed ratios with its target.
type Ratio struct {
	Name   string
	Value  float64
	Target float64
	AtMost bool // the target is a ceiling (latency), not a floor (throughput)
}

// Met says whether the ratio reaches its target.
func (r Ratio) Met() bool {
	if r.AtMost {
		return r.Value <= r.Target
	}
	return r.Value >= r.Target
}

// Run measures with the default options and prints to out.
func Run(ctx context.Context, out io.Writer) (Figures, error) { return RunWith(ctx, out, Options{}) }

// RunWith measures with opts and prints to out.
func RunWith(ctx context.Context, out io.Writer, opts Options) (Figures, error) {
	opts.setDefaults()
	var f Figures
	env, err := readEnv()
	if err != nil {
		return f, err
	}
	p, err := startPlatform(ctx, env)
	if err != nil {
		return f, fmt.Errorf("trade bench: start the platform: %w", err)
	}
	defer p.close()
	run := strconv.FormatInt(time.Now().Unix(), 36) // fresh trade IDs: the ledger keeps every run's

	bank := p.Ledger["ImporterBankMSP"]
	say := func(format string, args ...any) {
		if opts.Progress != nil {
			fmt.Fprintf(opts.Progress, "[%s] trade bench: "+format+"\n", append([]any{time.Now().Format(time.TimeOnly)}, args...)...)
		}
	}
	say("ledger: %d submits one at a time, then %d with %d in flight", opts.LedgerSequential, opts.LedgerConcurrent, opts.LedgerInFlight)
	if _, err := ledgerRound(ctx, bank, run+"w", 5, 1); err != nil { // warm the connection and the peers
		return f, err
	}
	profileDir := filepath.Dir(filepath.Dir(env.fabric)) // <profile dir>/fabric/network.json
	ledgerBefore := readCPU(profileDir)
	if f.LedgerSequential, err = ledgerRound(ctx, bank, run, opts.LedgerSequential, 1); err != nil {
		return f, err
	}
	f.LedgerAloneCPU = readCPU(profileDir).since(ledgerBefore)
	ledgerBefore = readCPU(profileDir)
	if f.LedgerConcurrent, err = ledgerRound(ctx, bank, run, opts.LedgerConcurrent, opts.LedgerInFlight); err != nil {
		return f, err
	}
	f.LedgerCPU = readCPU(profileDir).since(ledgerBefore)
	say("ledger: %d trades' chains (%d transactions each), %d trades at once", opts.ChainTrades, len(loneTradeChain), opts.LedgerInFlight)
	if f.Chains, err = chainRound(ctx, p.Ledger, run, opts.ChainTrades, opts.LedgerInFlight); err != nil {
		return f, err
	}
	e := endpointsAndTokens{endpoints: p.Endpoints, tokens: env.userTokens(), poll: opts.Poll}
	say("trades: one warm-up, %d one at a time, then %d with %d in flight", opts.TradesSequential, opts.TradesConcurrent, opts.TradesInFlight)
	// One trade first, not counted: it signs every party in and warms each service's connections.
	if _, err := tradeRound(ctx, e, run+"w", 1, 1, 0); err != nil {
		return f, err
	}
	if f.TradesSequential, err = tradeRound(ctx, e, run, opts.TradesSequential, 1, 0); err != nil {
		return f, err
	}
	if opts.Explain {
		if err := explain(ctx, out, e, bank, "TB-"+run+"-explain"); err != nil {
			return f, err
		}
	}
	e.poll = opts.PollConcurrent
	cpuBefore := readCPU(profileDir)
	if f.TradesConcurrent, err = tradeRound(ctx, e, run, opts.TradesConcurrent, opts.TradesInFlight, max(opts.DiscrepantEvery, 0)); err != nil {
		return f, err
	}
	f.CPU = readCPU(profileDir).since(cpuBefore)
	say("temporal: %d workflows shaped like a trade, with nothing else, all at once", opts.FloorWorkflows)
	if f.TemporalFloor, err = floorRound(ctx, p.Temporal, profileDir, run, opts.FloorWorkflows, floorSteps); err != nil {
		return f, err
	}
	f.Ratios = ratios(f)
	printFigures(out, f)
	fmt.Fprintln(out)
	f.CPU.print(out, f.TradesConcurrent.Trades)
	fmt.Fprintln(out)
	printLedgerCost(out, f)
	f.TemporalFloor.print(out, f.CPU, f.TradesConcurrent.Trades)
	printBudget(out, f)
	return f, nil
}

// throughputTarget is the target for trade_throughput_vs_ledger_ceiling.
const throughputTarget = 0.5

// ratios compares the trades with the ledger: one trade's latency with the sequential-commit
// floor (its milestones one after another, each at a sequential commit's p50: a trade's chain
// cannot be committed faster, each milestone reads the one before), and the platform's milestone
// throughput under load with the ledger's ceiling.
func ratios(f Figures) []Ratio {
	floor := f.TradesSequential.MilestonesPerTrade() * f.LedgerSequential.P50.Seconds()
	return []Ratio{
		{Name: "trade_latency_vs_ledger_floor", Value: f.TradesSequential.P50.Seconds() / floor, Target: 1.3, AtMost: true},
		{Name: "trade_throughput_vs_ledger_ceiling", Value: f.TradesConcurrent.MilestonesPerSecond() / f.LedgerConcurrent.TxPerSecond(), Target: throughputTarget},
	}
}

func printFigures(out io.Writer, f Figures) {
	ms := func(d time.Duration) string { return d.Round(time.Millisecond).String() }
	fmt.Fprintf(out, "%-10s %-44s %8s %10s %10s %10s %12s\n", "group", "contender", "ops", "time", "p50", "p95", "ops/s")
	for _, l := range []LedgerFigures{f.LedgerSequential, f.LedgerConcurrent} {
		fmt.Fprintf(out, "%-10s %-44s %8d %10s %10s %10s %12.1f\n", "trade", fmt.Sprintf("fabric-gateway submit, %d in flight", l.InFlight),
			l.Tx, ms(l.Elapsed), ms(l.P50), ms(l.P95), l.TxPerSecond())
	}
	for _, t := range []TradeFigures{f.TradesSequential, f.TradesConcurrent} {
		fmt.Fprintf(out, "%-10s %-44s %8d %10s %10s %10s %12.2f\n", "trade", fmt.Sprintf("tradefin trades, %d in flight", t.InFlight),
			t.Trades, ms(t.Elapsed), ms(t.P50), ms(t.P95), t.TradesPerSecond())
		fmt.Fprintf(out, "%-10s %-44s %8d %10s %10s %10s %12.1f\n", "trade", fmt.Sprintf("  their milestones (%.1f a trade)", t.MilestonesPerTrade()),
			t.Milestones, ms(t.Elapsed), "", "", t.MilestonesPerSecond())
	}
	if c := f.Chains; c.Trades > 0 {
		fmt.Fprintf(out, "%-10s %-44s %8d %10s %10s %10s %12.1f\n", "trade", fmt.Sprintf("fabric-gateway trade chains, %d at once", c.InFlight),
			c.Trades, ms(c.Elapsed), "", "", float64(c.Trades)/c.Elapsed.Seconds())
		fmt.Fprintf(out, "%-10s %-44s %8d %10s %10s %10s %12.1f\n", "trade", fmt.Sprintf("  their milestones (%d a trade, %d transactions)", c.Milestones/c.Trades, c.Tx/c.Trades),
			c.Milestones, ms(c.Elapsed), "", "", c.MilestonesPerSecond())
	}
	floor := time.Duration(f.TradesSequential.MilestonesPerTrade() * float64(f.LedgerSequential.P50))
	fmt.Fprintf(out, "%-10s %-44s %8s %10s %10s\n", "trade", "sequential-commit floor of one trade", "", "", ms(floor))
	fmt.Fprintln(out)
	for _, r := range f.Ratios {
		cmp, verdict := "≥", "met"
		if r.AtMost {
			cmp = "≤"
		}
		if !r.Met() {
			verdict = "missed"
		}
		fmt.Fprintf(out, "ratio %s %.2f   (target %s %.2f: %s)\n", r.Name, r.Value, cmp, r.Target, verdict)
	}
	// Not a ratio with a target: the ceiling's transaction is a trade's cheapest (its first); this
	// says how much of what the ledger alone does with a trade's real transactions tradefin gets.
	if c := f.Chains; c.Trades > 0 {
		fmt.Fprintf(out, "tradefin's milestones/s against raw submits of whole trade chains: %.2f\n", f.TradesConcurrent.MilestonesPerSecond()/c.MilestonesPerSecond())
	}
}
