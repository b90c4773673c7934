package trade

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"github.com/tradefin/tradefin/events/ledger"
)

// chainBatch is one transaction of a trade's chain: consecutive milestones of one organisation.
type chainBatch struct {
	org        string
	milestones []string
}

// loneTradeChain is the transactions a trade of the scenario commits when it runs alone (the
// explain walk's timeline): eight transactions for its eleven milestones, each by the
// organisation entitled to it, in the chaincode's order.
var loneTradeChain = []chainBatch{
	{"ImporterBankMSP", []string{"LC_APPLIED"}},
	{"ImporterBankMSP", []string{"LC_ISSUED"}},
	{"CustomsMSP", []string{"EXPORT_CLEARED", "SHIPPED"}},
	{"ExporterBankMSP", []string{"LC_ADVISED", "LC_ACCEPTED", "DOCUMENTS_PRESENTED"}},
	{"ImporterBankMSP", []string{"HONOURED"}},
	{"ImporterBankMSP", []string{"SETTLED"}},
	{"CustomsMSP", []string{"IMPORT_RELEASED"}},
	{"ImporterBankMSP", []string{"CLOSED"}},
}

// ChainFigures is one round of whole trade chains submitted raw.
type ChainFigures struct {
	InFlight   int // trades at once (each one transaction in flight)
	Trades     int
	Milestones int
	Tx         int
	Elapsed    time.Duration
}

// MilestonesPerSecond is the round's throughput in milestones.
func (f ChainFigures) MilestonesPerSecond() float64 {
	return float64(f.Milestones) / f.Elapsed.Seconds()
}

// chainRound submits loneTradeChain for n fresh trades, inFlight trades at a time, straight
// through fabric-gateway with each organisation's client: what the ledger alone does with the
// transactions a trade really takes (later ones read the chain before them and are endorsed
// for the trade's parties), where the ceiling's round repeats the cheapest, a trade's first.
// Nothing of tradefin runs between the caller and the Gateway.
func chainRound(ctx context.Context, clients map[string]*ledger.Client, run string, n, inFlight int) (ChainFigures, error) {
	elapsed, err := round(ctx, n, inFlight, func() func(int) error {
		return func(i int) error {
			id := fmt.Sprintf("CHAIN-%s-%d-%d", run, inFlight, i)
			for _, b := range loneTradeChain {
				ins := make([]ledger.RecordInput, len(b.milestones))
				for k, m := range b.milestones {
					sum := sha256.Sum256([]byte(id + "/" + m))
					ins[k] = ledger.RecordInput{TradeID: id, Milestone: m, SHA256: hex.EncodeToString(sum[:])}
				}
				if err := submitInOrder(ctx, clients[b.org], id, ins); err != nil {
					return fmt.Errorf("chain of %s, %v by %s: %w", id, b.milestones, b.org, err)
				}
			}
			return nil
		}
	})
	if err != nil {
		return ChainFigures{}, err
	}
	ms := 0
	for _, b := range loneTradeChain {
		ms += len(b.milestones)
	}
	return ChainFigures{InFlight: inFlight, Trades: n, Milestones: n * ms, Tx: n * len(loneTradeChain), Elapsed: elapsed}, nil
}

// submitInOrder submits one transaction of a chain, again while its predecessor is not on every
// endorsing peer yet: the peers may not all have committed the block with the transaction before,
// so the chaincode finds it missing on one (a refusal that may pass), the endorsements differ
// (ledger unavailable) or the transaction read a state that changed before it was validated (not
// committed, an MVCC conflict); and again when its outcome is unknown. A retry of a transaction
// that did commit is answered with its records (the chaincode's appends are idempotent). The
// ledger agents retry the same errors.
func submitInOrder(ctx context.Context, c *ledger.Client, tradeID string, ins []ledger.RecordInput) error {
	for attempt := 1; ; attempt++ {
		_, err := c.RecordMilestones(ctx, tradeID, ins)
		var refusal *ledger.RefusalError
		passing := errors.As(err, &refusal) && refusal.MayPass() ||
			errors.Is(err, ledger.ErrUnavailable) || errors.Is(err, ledger.ErrNotCommitted) || errors.Is(err, ledger.ErrOutcomeUnknown)
		if err == nil || !passing || attempt == 50 {
			return err
		}
		time.Sleep(20 * time.Millisecond)
	}
}
