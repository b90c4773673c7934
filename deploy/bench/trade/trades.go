package trade

import (
	"context"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/tradefin/tradefin/deploy/e2e/scenario"
	"github.com/tradefin/tradefin/events/platform/signin"
)

// TradeFigures is one round of whole trades through the HTTP APIs.
type TradeFigures struct {
	InFlight   int
	Trades     int
	Milestones int // committed on the ledger, over all trades
	// Transactions is the Fabric transactions that committed them (a batch of one organisation's
	// milestones is one), over all trades.
	Transactions int
	Elapsed      time.Duration
	P50, P95     time.Duration // one trade: its first request until its workflow has closed it
}

// TradesPerSecond is the round's throughput in trades.
func (f TradeFigures) TradesPerSecond() float64 { return float64(f.Trades) / f.Elapsed.Seconds() }

// MilestonesPerSecond is the round's throughput in ledger commits.
func (f TradeFigures) MilestonesPerSecond() float64 {
	return float64(f.Milestones) / f.Elapsed.Seconds()
}

// TransactionsPerTrade is the mean number of Fabric transactions a trade's milestones took.
func (f TradeFigures) TransactionsPerTrade() float64 {
	return float64(f.Transactions) / float64(f.Trades)
}

// MilestonesPerTrade is the mean number of milestones a trade committed.
func (f TradeFigures) MilestonesPerTrade() float64 { return float64(f.Milestones) / float64(f.Trades) }

// tradeRound walks n trades through the deploy/e2e scenario, inFlight at a time, each from the
// importer's application until the trade view shows its workflow closed. Every discrepantEvery-th
// trade (0: none) is refused, then waived, as in the measurement.
func tradeRound(ctx context.Context, e endpointsAndTokens, run string, n, inFlight, discrepantEvery int) (TradeFigures, error) {
	var milestones, transactions atomic.Int64
	lat := make(latencies, n)
	today := time.Now().UTC()
	elapsed, err := round(ctx, n, inFlight, func() func(int) error {
		c := scenario.NewClient(e.endpoints)
		c.Token = e.tokens.Get
		c.PollInterval = e.poll
		return func(i int) error {
			tr := scenario.Trade{ID: fmt.Sprintf("TB-%s-%d-%03d", run, inFlight, i), Today: today,
				Discrepant: discrepantEvery > 0 && i%discrepantEvery == discrepantEvery-1}
			t0 := time.Now()
			r, err := c.Run(ctx, tr)
			if err != nil {
				return fmt.Errorf("trade %s: %w", tr.ID, err)
			}
			lat[i] = time.Since(t0)
			txs := map[string]bool{}
			for _, ms := range r.Timeline.Milestones {
				if ms.TxID != "" {
					milestones.Add(1)
					txs[ms.TxID] = true
				}
			}
			transactions.Add(int64(len(txs)))
			return nil
		}
	})
	if err != nil {
		return TradeFigures{}, err
	}
	return TradeFigures{InFlight: inFlight, Trades: n, Milestones: int(milestones.Load()), Transactions: int(transactions.Load()), Elapsed: elapsed, P50: lat.p50(), P95: lat.p95()}, nil
}

// endpointsAndTokens is what a scenario client needs.
type endpointsAndTokens struct {
	endpoints scenario.Endpoints
	tokens    *signin.Tokens
	poll      time.Duration
}
