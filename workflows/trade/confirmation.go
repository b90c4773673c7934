package trade

import (
	"go.temporal.io/sdk/workflow"

	"github.com/tradefin/tradefin/chaincode/rules"
	"github.com/tradefin/tradefin/events/contracts"
)

// confirmationChange versions the steps of a confirmed credit (UCP 600 Art. 8): the workflow has
// settlement pay the confirming bank's reimbursement once its claim is on the ledger, and closes
// the trade once the reimbursement settled (the chaincode's rules want REIMBURSED before CLOSED
// when LC_CONFIRMED is on the ledger). Histories recorded before it hold none of these
// milestones, so they never reach the marker.
const confirmationChange = "confirmation"

// waitReimbursement is the wait on settlement for the reimbursement's instruction.
const waitReimbursement = "instruct reimbursement"

// afterConfirmation takes the step a confirmed credit's milestone calls for.
func (t *tradeRun) afterConfirmation(ctx workflow.Context, m rules.Type) {
	if m != rules.ReimbursementClaimed && m != rules.Reimbursed {
		return
	}
	if changeVersion(ctx, confirmationChange) == workflow.DefaultVersion {
		return
	}
	switch m {
	case rules.ReimbursementClaimed: // Art. 8(c): the issuing (or reimbursing) bank reimburses
		t.st.Reimbursement.Due = true
	case rules.Reimbursed:
		t.st.Reimbursement.Waiting = false
		if rules.Check(rules.Closed, t.ledger, rules.EntitledOrg(rules.Closed)) == nil {
			t.close(ctx)
		}
	}
}

// reimburse instructs the confirming bank's reimbursement when it is due (from the payments
// coroutine, beside the beneficiary's payment); false when it is not. Settlement raised it from
// lc.reimbursement_claimed.v1 under contracts.ReimbursementRef of the honoured presentation; the
// activity is the payment's (idempotent, retried until settlement has raised it). Due stays set
// until settlement answers, so a run that continues as new meanwhile instructs it again.
func (t *tradeRun) reimburse(ctx workflow.Context) bool {
	r := &t.st.Reimbursement
	if !r.Due {
		return false
	}
	if t.st.Payment.Ref == nil {
		r.Due, r.Error = false, "no honoured presentation to reimburse"
		return true
	}
	ref := contracts.ReimbursementRef(*t.st.Payment.Ref)
	r.Ref, r.Waiting = &ref, true
	failures := r.Failures
	ctx = t.settlementContext(ctx)
	t.startWait(ctx, waitReimbursement)
	var status string
	err := workflow.ExecuteActivity(ctx, contracts.InstructPaymentActivity, ref).Get(ctx, &status)
	t.endWait(ctx, waitReimbursement)
	r.Due = t.reimbursementStillDue(failures) // a rejection that came meanwhile: again (reimbursement_retry.go)
	if err != nil {
		r.Error = err.Error()
		workflow.GetLogger(ctx).Error("reimbursement not instructed", "error", err)
		return true
	}
	r.Status, r.Error = status, ""
	return true
}
