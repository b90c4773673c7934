package trade

import (
	"context"
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/ledger"
)

// The soak's stuck trade, on the real server: settlement was killed -9 holding the instruct-
// payment attempt of a trade just honoured (it had taken the task, or Temporal had handed it to
// the long poll the process died in). Nothing answers a dead process's attempt, so Temporal
// retried only after the attempt's start-to-close timeout: 30 s lost to a few seconds' outage,
// enough to push a trade of a loaded soak past its deadline with its payment not instructed.
// Here the first attempt is taken and never answered, as by a process that died; the next
// attempt must come within instructAttemptTimeout, not 30 s later.
func TestOnTheServerAnInstructionHeldByADeadSettlementIsRetriedWithinSeconds(t *testing.T) {
	c := serverClient(t)
	dead := make(chan struct{})
	var first, second atomic.Int64
	serveWith(t, c, func(ledger.RecordInput) error { return nil }, services{instruct: func(contracts.PaymentRef) (string, error) {
		if first.CompareAndSwap(0, time.Now().UnixNano()) {
			<-dead // the process that took the attempt is gone: it never answers
			return "", fmt.Errorf("the dead process's attempt")
		}
		second.CompareAndSwap(0, time.Now().UnixNano())
		return "instructed", nil
	}})
	t.Cleanup(func() { close(dead) }) // before the workers stop (cleanups run last first)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	tradeID := fmt.Sprintf("PAYCRASH-%d", time.Now().UnixNano())
	startTrade(ctx, t, c, tradeID, time.Now().Add(90*24*time.Hour), Input{})
	for i, typ := range happyPath[1:9] {
		send(ctx, t, c, tradeID, typ, fmt.Sprintf("%s-%d", tradeID, i))
	}
	for stateOf(ctx, c, tradeID).Payment.Status != "instructed" {
		if ctx.Err() != nil {
			t.Fatalf("the payment was never instructed (first attempt taken: %v)", first.Load() != 0)
		}
		time.Sleep(200 * time.Millisecond)
	}
	lost := time.Duration(second.Load() - first.Load())
	if lost > instructAttemptTimeout+5*time.Second {
		t.Fatalf("the attempt held by the dead process cost %s before the next one (at most %s + 5 s)", lost.Round(100*time.Millisecond), instructAttemptTimeout)
	}
	t.Logf("the attempt held by the dead process cost %s", lost.Round(100*time.Millisecond))
}
