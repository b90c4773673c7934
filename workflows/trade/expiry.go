package trade

import (
	"time"

	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"

	"github.com/tradefin/tradefin/chaincode/rules"
	"github.com/tradefin/tradefin/events/contracts"
)

// expiryDeferred and expiryAwaited are the workflow's own marks in State.Expiry beside the LC
// service's answers: a presentation is pending (ask again when it moves), or the LC service has
// expired the credit and its lc.expired.v1 is on its way.
const (
	expiryDeferred = contracts.ExpiryDeferred
	// expiryRecheck bounds the wait of a deferred expiry for the presentation's next event: a
	// decision the workflow hears nothing of (a waiver rejected) is asked about again then.
	expiryRecheck = 6 * time.Hour
)

// expiryDue is when the expiry timer fires (zero: no timer): at the presentable-until instant,
// or, while the LC service defers the expiry for a pending presentation, expiryRecheck after it
// answered. An honoured credit does not expire, and one the LC service expired or answered with
// another final state needs no timer: its event ends the trade.
func (t *tradeRun) expiryDue() time.Time {
	switch {
	case t.st.LCExpiry.IsZero() || (t.ledger.Has(rules.Honoured) && !t.creditOpen()):
		return time.Time{}
	case t.st.Expiry == "":
		return t.st.LCExpiry
	case t.st.Expiry == expiryDeferred:
		return t.deferredAt.Add(expiryRecheck)
	}
	return time.Time{}
}

// expire asks the LC service to expire the credit, its presentable-until instant having passed.
// The LC service decides (UCP 600 Art. 6(d)(i), 29(a)): EXPIRED, and its lc.expired.v1 brings the
// EXPIRED milestone like any event's; DEFERRED while a presentation made in time is examined or
// its refusal awaits the applicant's waiver (the trade stays open for the decision); EXTENDED
// when an amendment moved the instant (a new timer).
func (t *tradeRun) expire(ctx workflow.Context) {
	if t.st.LCID == "" {
		t.st.Expiry = "UNKNOWN_CREDIT" // no lc.applied.v1 named the credit: nothing to ask about
		return
	}
	ctx = workflow.WithActivityOptions(ctx, workflow.ActivityOptions{
		TaskQueue:           contracts.LCTaskQueue,
		StartToCloseTimeout: 30 * time.Second,
		RetryPolicy:         &temporal.RetryPolicy{InitialInterval: min(time.Second, t.maxBackoff), BackoffCoefficient: 2, MaximumInterval: t.maxBackoff},
	})
	var out contracts.ExpiryOutcome
	t.startWait(ctx, waitExpiry)
	err := workflow.ExecuteActivity(ctx, contracts.ExpireCreditActivity, contracts.ExpireCredit{TradeID: t.st.TradeID, LCID: t.st.LCID}).Get(ctx, &out)
	t.endWait(ctx, waitExpiry)
	if err != nil { // only a refusal the LC service says can never pass: visible, no new timer
		t.st.Expiry = "ERROR: " + err.Error()
		workflow.GetLogger(ctx).Error("credit not expired", "error", err)
		return
	}
	t.st.Expiry = out.Status
	switch out.Status {
	case contracts.ExpiryDeferred:
		t.deferredAt = workflow.Now(ctx)
	case contracts.ExpiryExtended:
		if until, perr := time.Parse(time.RFC3339, out.PresentableUntil); perr == nil {
			t.st.LCExpiry, t.st.Expiry = until, ""
		}
	}
}
