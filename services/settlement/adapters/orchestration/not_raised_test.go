//go:build !unit

package orchestration_test

import (
	"fmt"
	"testing"
	"time"

	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"

	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/services/settlement/adapters/orchestration"
)

// tradePayWorkflow runs the activity with the trade workflow's retry policy (workflows/trade:
// from 200 ms, doubling, up to a minute).
func tradePayWorkflow(ctx workflow.Context, ref contracts.PaymentRef) (string, error) {
	ctx = workflow.WithActivityOptions(ctx, workflow.ActivityOptions{
		StartToCloseTimeout: 10 * time.Second,
		RetryPolicy:         &temporal.RetryPolicy{InitialInterval: 200 * time.Millisecond, BackoffCoefficient: 2, MaximumInterval: time.Minute},
	})
	var status string
	err := workflow.ExecuteActivity(ctx, contracts.InstructPaymentActivity, ref).Get(ctx, &status)
	return status, err
}

// The honour reaches settlement through Kafka while the workflow, told by the ledger, already
// instructs: "not raised yet" is a wait of seconds (longer while settlement's consumer rejoins
// its group after a restart), not a failure to back off from. Under the workflow's doubling
// backoff, six attempts of it put the next one 6.4 s after a raise; the activity now asks Temporal
// to try again within a second, however long the honour took.
func TestAPaymentNotRaisedYetIsInstructedWithinASecondOfItsRaise(t *testing.T) {
	f := newFixture(t)
	queue := f.queue + "-trade"
	w := worker.New(f.c, queue, worker.Options{})
	w.RegisterWorkflow(tradePayWorkflow)
	orchestration.Register(w, orchestration.Activities{App: f.app})
	if err := w.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(w.Stop)
	ref := contracts.PaymentRef{TradeID: "T-LC-LATE", LCID: "LC-LATE", PresentationID: "P-1"}
	run, err := f.c.ExecuteWorkflow(f.ctx, clientOptions(queue), tradePayWorkflow, ref)
	if err != nil {
		t.Fatal(err)
	}
	// The honour on its way: attempts fail "not raised yet" six times, after which the
	// doubling backoff would wait 6.4 s.
	for attempt := int32(0); attempt < 7; time.Sleep(50 * time.Millisecond) {
		d, err := f.c.DescribeWorkflowExecution(f.ctx, run.GetID(), "")
		if err != nil {
			t.Fatal(err)
		}
		if pa := d.GetPendingActivities(); len(pa) > 0 && pa[0].GetLastFailure() != nil {
			attempt = pa[0].GetAttempt()
		}
	}
	f.raise("LC-LATE", 84_000_00)
	raised := time.Now()
	var st string
	if err := run.Get(f.ctx, &st); err != nil || st != "instructed" {
		t.Fatalf("after the raise: %q %v", st, err)
	}
	if late := time.Since(raised); late > 3*time.Second {
		t.Fatalf("instructed %s after the payment was raised (at most 3 s)", late.Round(100*time.Millisecond))
	}
}

func clientOptions(queue string) client.StartWorkflowOptions {
	return client.StartWorkflowOptions{ID: fmt.Sprintf("%s-%d", queue, time.Now().UnixNano()), TaskQueue: queue}
}
