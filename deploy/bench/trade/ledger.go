package trade

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"time"

	"github.com/tradefin/tradefin/events/ledger"
)

// LedgerFigures is one round of raw Fabric submits.
type LedgerFigures struct {
	InFlight int
	Tx       int
	Elapsed  time.Duration
	P50, P95 time.Duration
}

// TxPerSecond is the round's throughput.
func (f LedgerFigures) TxPerSecond() float64 { return float64(f.Tx) / f.Elapsed.Seconds() }

// ledgerRound submits the trade's first milestone (LC_APPLIED by the issuing bank) of n fresh
// trades through fabric-gateway, inFlight at a time, each waiting for its commit: the same
// chaincode transaction a trade's milestones are, with no tradefin code between the caller and
// the Gateway. A fresh trade per submit, so no two contend for one trade's chain head (a
// trade's own milestones cannot overlap: each reads the one before).
func ledgerRound(ctx context.Context, c *ledger.Client, run string, n, inFlight int) (LedgerFigures, error) {
	lat := make(latencies, n)
	elapsed, err := round(ctx, n, inFlight, func() func(int) error {
		return func(i int) error {
			id := fmt.Sprintf("BENCH-%s-%d-%d", run, inFlight, i)
			sum := sha256.Sum256([]byte(id))
			t0 := time.Now()
			if _, err := c.RecordMilestone(ctx, id, "LC_APPLIED", hex.EncodeToString(sum[:])); err != nil {
				return fmt.Errorf("ledger submit %s: %w", id, err)
			}
			lat[i] = time.Since(t0)
			return nil
		}
	})
	if err != nil {
		return LedgerFigures{}, err
	}
	return LedgerFigures{InFlight: inFlight, Tx: n, Elapsed: elapsed, P50: lat.p50(), P95: lat.p95()}, nil
}
