package trade

import (
	"go.temporal.io/sdk/workflow"

	"github.com/tradefin/tradefin/chaincode/rules"
	"github.com/tradefin/tradefin/events/contracts"
)

// discountingChange versions the discount before maturity (UCP 600 Art. 12(b)): once
// UNDERTAKING_DISCOUNTED is on the ledger the workflow has settlement pay the beneficiary the
// nominated bank's proceeds at once (settlement raised that payment from
// lc.undertaking_discounted.v1 under contracts.DiscountRef), from a coroutine of its own, so the
// maturity payment's timer (payments, maturity.go) holds it back no more than it holds the
// commits. The maturity payment is still instructed at maturity, as before: settlement assigned it
// to the nominated bank; its settlement is SETTLED, and CLOSED follows as for any credit. Runs
// started before the change have no marker and pay no proceeds (a payments officer releases them).
const discountingChange = "discounting"

// waitDiscount is the wait on settlement for the proceeds' instruction.
const waitDiscount = "instruct discount proceeds"

// Discount is the payment of a discount's proceeds (discounting.go): the discount's event, the
// payment, and what settlement answered.
type Discount struct {
	EventID string
	Ref     contracts.PaymentRef
	Due     bool // UNDERTAKING_DISCOUNTED is on the ledger: to be instructed; carried across continue-as-new
	Status  string
	Error   string
}

// discountingOn reports whether this run follows discountingChange.
func discountingOn(ctx workflow.Context) bool {
	return changeVersion(ctx, discountingChange) == 1
}

// receiveDiscount keeps the payment an lc.undertaking_discounted.v1 names, to be instructed once
// its milestone is committed.
func (t *tradeRun) receiveDiscount(ev Event) {
	if !t.discounting || milestoneFor(ev.Type) != rules.UndertakingDiscounted || ev.PresentationID == "" {
		return
	}
	ref := contracts.DiscountRef(contracts.PaymentRef{TradeID: t.st.TradeID, LCID: t.st.LCID, PresentationID: ev.PresentationID})
	t.st.Discounts = append(t.st.Discounts, Discount{EventID: ev.ID, Ref: ref})
}

// afterDiscount: the discount of m is on the ledger, so its proceeds are due.
func (t *tradeRun) afterDiscount(m Milestone) {
	if m.Name != string(rules.UndertakingDiscounted) {
		return
	}
	for i := range t.st.Discounts {
		if t.st.Discounts[i].EventID == m.EventID && t.st.Discounts[i].Status == "" {
			t.st.Discounts[i].Due = true
		}
	}
}

// discounts instructs each discount's proceeds once due (a coroutine beside payments). The
// activity is the payment's: idempotent, retried until settlement has raised the payment and
// while it awaits approval or correction. Due stays set until settlement answers, so a run that
// continues as new meanwhile instructs it again.
func (t *tradeRun) discounts(ctx workflow.Context) {
	due := func() int {
		for i, d := range t.st.Discounts {
			if d.Due {
				return i
			}
		}
		return -1
	}
	for {
		if err := workflow.Await(ctx, func() bool { return due() >= 0 }); err != nil {
			return
		}
		i := due()
		ref := t.st.Discounts[i].Ref
		actx := t.settlementContext(ctx)
		t.startWait(actx, waitDiscount)
		var status string
		err := workflow.ExecuteActivity(actx, contracts.InstructPaymentActivity, ref).Get(actx, &status)
		t.endWait(actx, waitDiscount)
		d := &t.st.Discounts[i]
		d.Due = false
		if err != nil {
			d.Error = err.Error()
			workflow.GetLogger(ctx).Error("discount proceeds not instructed", "error", err)
			continue
		}
		d.Status, d.Error = status, ""
	}
}
