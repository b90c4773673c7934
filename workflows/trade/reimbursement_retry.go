package trade

import (
	"go.temporal.io/sdk/workflow"

	"github.com/tradefin/tradefin/events/contracts"
)

// reimbursementRetryChange versions the driving of a rejected reimbursement: before it, a
// settlement.payment_failed.v1 of the confirming bank's reimbursement was taken for the
// beneficiary's payment (which was instructed again, already settled), and the reimbursement
// itself was never instructed again: the trade ran on, waiting for REIMBURSED, silently. Since
// it, the reimbursement is driven as the beneficiary's payment is (payment.go): the failure is
// recorded on it and it is instructed again; settlement re-instructs at once a rejection that may
// pass by itself and answers "awaiting correction" (retried without end, the wait showing and
// going stuck past StuckAfter) until the issuing bank's payments officer corrects one that
// needs a person (URR 725 Art. 10: the claim is to be honoured, not dropped).
const reimbursementRetryChange = "reimbursement-retry"

// reimbursementRetryOn reports whether this run follows reimbursementRetryChange.
func reimbursementRetryOn(ctx workflow.Context) bool {
	return changeVersion(ctx, reimbursementRetryChange) == 1
}

// reimbursementFailed takes in a settlement.payment_failed.v1 of the reimbursement (true), to
// be instructed again from the payments coroutine; false for any other event, or before
// reimbursementRetryChange.
func (t *tradeRun) reimbursementFailed(ev Event) bool {
	if !t.reimbursementRetry || ev.Type != paymentFailed || !contracts.IsReimbursementPayment(ev.PaymentID) {
		return false
	}
	r := &t.st.Reimbursement
	r.Failed = &PaymentFailure{EventID: ev.ID, Reason: ev.Reason, At: ev.Time}
	r.Failures++
	r.Waiting, r.Due = true, true
	return true
}

// reimbursementStillDue: after an instruction, the reimbursement is due again only when a
// failure arrived while the instruction was in flight (failures counted before it); before
// reimbursementRetryChange it never is.
func (t *tradeRun) reimbursementStillDue(failuresBefore int) bool {
	return t.reimbursementRetry && t.st.Reimbursement.Failures != failuresBefore
}
