package trade

import (
	"time"

	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"

	"github.com/tradefin/tradefin/events/contracts"
)

// payments drives the payment beside the commits: once HONOURED is on the ledger, and again on
// each settlement.payment_failed.v1 (the failed-payment contract in events/contracts).
func (t *tradeRun) payments(ctx workflow.Context) {
	for {
		if err := workflow.Await(ctx, func() bool { return t.st.Payment.Due || t.drawingPaymentDue() || t.st.Reimbursement.Due }); err != nil {
			return
		}
		if t.reimburse(ctx) { // a confirmed credit's reimbursement (confirmation.go)
			continue
		}
		t.takeDrawingPayment(ctx)
		if !t.awaitMaturity(ctx) { // a usance credit's payment waits for its maturity, still due
			continue // an earlier-maturing drawing goes first (drawing_maturity.go)
		}
		t.st.Payment.Due = false
		t.instructPayment(ctx)
	}
}

// instructAttemptChange shortens an instruct-payment attempt's start-to-close timeout from 30 s
// to instructAttemptTimeout. An attempt is one store update in settlement (under a second); a
// settlement process killed while it holds one, having taken the task or died in the long poll
// Temporal handed it to, never answers, and Temporal retries only when the attempt times out.
// The soak's stuck trade lost 30 s that way to an outage of seconds. A slower attempt that
// times out is harmless: instructing is idempotent, the retry answers the stored outcome.
const instructAttemptChange = "payment-attempt-timeout"

// instructAttemptTimeout bounds one instruct-payment attempt since instructAttemptChange.
const instructAttemptTimeout = 10 * time.Second

func instructTimeout(ctx workflow.Context) time.Duration {
	if changeVersion(ctx, instructAttemptChange) == workflow.DefaultVersion {
		return 30 * time.Second
	}
	return instructAttemptTimeout
}

// instructPayment has settlement pay the honoured presentation: the step after honour is the
// workflow's to drive, not a person's. Settlement raises the payment from lc.honoured.v1 on its
// own; until it has, and while a failed payment awaits correction or a payment above the four-
// eyes limit awaits approval, it answers with a retryable error and Temporal retries, without
// end: a payment is never dropped, and a long wait shows as stuck.
func (t *tradeRun) instructPayment(ctx workflow.Context) {
	if t.st.Payment.Ref == nil {
		t.st.Payment.Error = "lc.honoured.v1 named no presentation to pay"
		return
	}
	ctx = t.settlementContext(ctx)
	t.startWait(ctx, waitPayment)
	var status string
	err := workflow.ExecuteActivity(ctx, contracts.InstructPaymentActivity, *t.st.Payment.Ref).Get(ctx, &status)
	t.endWait(ctx, waitPayment)
	if err != nil {
		t.st.Payment.Error = err.Error()
		workflow.GetLogger(ctx).Error("payment not instructed", "error", err)
		return
	}
	t.st.Payment.Status, t.st.Payment.Error = status, ""
	if !t.st.Payment.Due { // no newer failure arrived meanwhile
		t.st.Payment.Waiting = false
	}
}

// settlementContext runs settlement's payment activity: retried without end, backing off to
// maxBackoff (a payment is never dropped; a long wait shows as stuck).
func (t *tradeRun) settlementContext(ctx workflow.Context) workflow.Context {
	ctx = workflow.WithActivityOptions(ctx, workflow.ActivityOptions{
		TaskQueue:           contracts.SettlementTaskQueue,
		StartToCloseTimeout: instructTimeout(ctx),
		RetryPolicy:         &temporal.RetryPolicy{InitialInterval: min(200*time.Millisecond, t.maxBackoff), BackoffCoefficient: 2, MaximumInterval: t.maxBackoff},
	})
	return ctx
}
