package trade

import "go.temporal.io/sdk/workflow"

// maturityChange versions the wait for a usance credit's maturity before its payment. Runs
// whose history has no marker at the wait (recorded before it) instruct at once, as they did.
const maturityChange = "usance-maturity"

// receiveMaturity keeps the maturity an lc.honoured.v1 of a usance credit carries.
func (t *tradeRun) receiveMaturity(ev Event) {
	t.keepInstalments(ev)
	if t.keepDrawingMaturity(ev) {
		return
	}
	if ev.Payment != nil && !ev.PayableAt.IsZero() {
		t.st.Payment.PayableAt, t.st.Payment.MaturityDate = ev.PayableAt, ev.MaturityDate
	}
}

// awaitMaturity holds the payment of a usance credit's honour until its maturity: the honour
// was a deferred payment undertaking or an accepted draft, payable on the maturity date (UCP
// 600 Art. 2, "honour" (b), (c)), whose start at the place of payment the LC service published
// (LCHonoured.PayableAt, moved off closed days there: ISBP 821 B4); it is never recomputed here.
// A Temporal timer waits for it, so the wait outlives a worker's restart and continue-as-new
// (the payment stays Due meanwhile, and the next run waits for what is left). A sight credit's
// payment is instructed at once, as before, with no version marker. It reports false when the
// wait gave way to a drawing maturing earlier (drawing_maturity.go): nothing is to be paid yet.
func (t *tradeRun) awaitMaturity(ctx workflow.Context) bool {
	at := t.st.Payment.PayableAt
	if at.IsZero() || changeVersion(ctx, maturityChange) == workflow.DefaultVersion {
		return true
	}
	left := at.Sub(workflow.Now(ctx))
	if left <= 0 {
		return true
	}
	t.st.Payment.AwaitingMaturity = true
	if t.st.Drawings != nil && t.st.Drawings.Paying != "" && drawingMaturityOn(ctx) {
		if woken, err := workflow.AwaitWithTimeout(ctx, left, t.earlierDrawingDue); err != nil || woken {
			if err == nil {
				t.yieldToEarlierDrawing()
			}
			return err != nil // the run ends (continue-as-new carries the payment, still due)
		}
	} else if err := workflow.Sleep(ctx, left); err != nil {
		return true // the run ends (continue-as-new carries the payment, still due)
	}
	t.st.Payment.AwaitingMaturity = false
	return true
}
