//go:build !unit

package ledger_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/tradefin/tradefin/events/ledger"
)

// TestAwaitRecordedWakesOnTheCommit: a pipelined batch's wait (Customs waiting for the issuing
// bank's LC_APPLIED) returns once another organisation's commit reaches the waiter's peer, woken
// by the chaincode's event well before its fallback read of the chain; a milestone that never
// comes ends the wait with ErrPredecessorMissing; one already on the chain returns at once.
func TestAwaitRecordedWakesOnTheCommit(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	importer, customs := connect(t, "ImporterBankMSP"), connect(t, "CustomsMSP")
	trade := newTradeID(t)
	applied := ledger.RecordInput{TradeID: trade, Milestone: "LC_APPLIED", SHA256: sha("applied " + trade)}

	// The stream is opened by the first wait; give it a moment, as a long-running agent has.
	if err := customs.AwaitRecorded(ctx, ledger.RecordInput{TradeID: trade, Milestone: "LC_ISSUED", SHA256: sha("never")}, 2*time.Second); !errors.Is(err, ledger.ErrPredecessorMissing) {
		t.Fatalf("a milestone never committed: %v, want ErrPredecessorMissing", err)
	}
	waited := make(chan error, 1)
	var woke time.Time
	go func() {
		err := customs.AwaitRecorded(ctx, applied, time.Minute)
		woke = time.Now()
		waited <- err
	}()
	time.Sleep(200 * time.Millisecond) // the wait has read the chain and listens
	if _, err := importer.RecordMilestone(ctx, trade, "LC_APPLIED", applied.SHA256); err != nil {
		t.Fatal(err)
	}
	committed := time.Now()
	if err := <-waited; err != nil {
		t.Fatalf("wait for a commit: %v", err)
	}
	// The fallback read comes every few seconds; the event within a fraction of one.
	if lag := woke.Sub(committed); lag > time.Second {
		t.Errorf("the wait woke %s after the commit: not by the chaincode event", lag)
	}
	start := time.Now()
	if err := customs.AwaitRecorded(ctx, applied, time.Minute); err != nil || time.Since(start) > 5*time.Second {
		t.Fatalf("a milestone on the chain already: %v after %s", err, time.Since(start))
	}
}
