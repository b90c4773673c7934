package trade

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tradefin/tradefin/events/ledger"
)

// The soak's second loss: a ledger agent killed -9 in the middle of a commit. Nothing answers
// the dead process's attempt, so without heartbeats Temporal retried it only after the
// activity's one-minute start-to-close timeout, a minute for every trade in flight. Here the
// first attempt at LC_ISSUED is taken and never answered; the next must come within
// ledger.HeartbeatTimeout (the live agents heartbeat while they commit).
func TestOnTheServerACommitHeldByADeadLedgerAgentIsRetriedWithinSeconds(t *testing.T) {
	c := serverClient(t)
	dead := make(chan struct{})
	var first, second atomic.Int64
	serve(t, c, func(in ledger.RecordInput) error {
		if in.Milestone != "LC_ISSUED" {
			return nil
		}
		if first.CompareAndSwap(0, time.Now().UnixNano()) {
			<-dead // the agent that took the attempt is gone: it never answers, nor heartbeats
			return errors.New("the dead agent's attempt")
		}
		second.CompareAndSwap(0, time.Now().UnixNano())
		return nil
	})
	t.Cleanup(func() { close(dead) }) // before the workers stop (cleanups run last first)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	tradeID := fmt.Sprintf("LEDGERCRASH-%d", time.Now().UnixNano())
	defer func() { _ = c.TerminateWorkflow(context.Background(), WorkflowID(tradeID), "", "test over") }()
	startTrade(ctx, t, c, tradeID, time.Now().Add(90*24*time.Hour), Input{})
	send(ctx, t, c, tradeID, "lc.issued.v1", tradeID+"-issued")
	for {
		if ms := stateOf(ctx, c, tradeID).Milestones; len(ms) >= 2 && ms[1].TxID != "" {
			break
		}
		if ctx.Err() != nil {
			t.Fatalf("LC_ISSUED was never committed (first attempt taken: %v)", first.Load() != 0)
		}
		time.Sleep(200 * time.Millisecond)
	}
	lost := time.Duration(second.Load() - first.Load())
	if lost > ledger.HeartbeatTimeout+5*time.Second {
		t.Fatalf("the commit held by the dead agent cost %s before the next attempt (at most %s + 5 s)", lost.Round(100*time.Millisecond), ledger.HeartbeatTimeout)
	}
	t.Logf("the commit held by the dead agent cost %s", lost.Round(100*time.Millisecond))
}
