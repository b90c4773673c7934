package trade

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/tradefin/tradefin/events/contracts"
)

// reimbursementFailedPath is a confirmed credit whose reimbursement settlement rejects once
// (settlement.payment_failed.v1 naming the reimbursement payment) before it settles.
func reimbursementFailedPath() []string {
	return slices.Concat(happyPath[:4], []string{"lc.confirmed.v1"}, happyPath[4:],
		[]string{"lc.reimbursement_claimed.v1", "settlement.payment_failed.v1", "settlement.reimbursement_settled.v1"})
}

// A rejected reimbursement (settlement.payment_failed.v1 of the payment T:LC:P-1:reimbursement)
// is driven as the beneficiary's failed payment is: recorded on the reimbursement, instructed
// again, settlement answering "awaiting correction" until the issuing bank's payments officer
// corrects it; meanwhile the trade shows the reimbursement failed, waiting, its wait stuck past
// the threshold; the beneficiary's payment (settled) is not instructed again; once the
// reimbursement settles, REIMBURSED is committed and the trade closes. Before
// reimbursementRetryChange the failure was taken for the beneficiary's and the reimbursement was
// never instructed again (history-v3-reimbursement-failed.json replays that).
func TestARejectedReimbursementIsInstructedAgainUntilCorrected(t *testing.T) {
	e, calls := env(t)
	path := reimbursementFailedPath()
	claimed := slices.Index(path, "lc.reimbursement_claimed.v1")
	for i, s := range path[:claimed+1] {
		signal(e, time.Duration(i+1)*time.Minute, s, fmt.Sprintf("ev-%d", i))
	}
	e.RegisterDelayedCallback(func() {
		awaitingCorrection = 9 // about 100 s of retries, the test environment allowing 10 attempts
		e.SignalWorkflow(EventSignal, Event{Type: "settlement.payment_failed.v1", ID: "reimbursement-failed", Reason: "AC01", Time: e.Now(),
			PaymentID: "T:LC:P-1" + contracts.ReimbursementSuffix})
	}, time.Hour)
	e.RegisterDelayedCallback(func() {
		st := query(t, e)
		r := st.Reimbursement
		if !r.Waiting || r.Failed == nil || r.Failed.Reason != "AC01" || r.Failures != 1 || !hasWait(st.Waits, waitReimbursement) || !st.Waits[0].Stuck {
			t.Errorf("while awaiting correction: reimbursement %+v, waits %+v", r, st.Waits)
		}
		if st.Payment.Failed != nil || st.Payment.Failures != 0 {
			t.Errorf("the reimbursement's failure was taken for the beneficiary's payment: %+v", st.Payment)
		}
	}, time.Hour+45*time.Second)
	signal(e, 3*time.Hour, "settlement.reimbursement_settled.v1", "reimbursed")
	st := run(t, e, Input{TradeID: "T-reimb", StuckAfter: 30 * time.Second})
	if st.Status != StatusClosed || st.Reimbursement.Waiting || st.Reimbursement.Due || st.Reimbursement.Status != "instructed" || len(st.Waits) != 0 {
		t.Fatalf("status %s, reimbursement %+v, waits %v", st.Status, st.Reimbursement, st.Waits)
	}
	if n, m := countOf(*calls, "INSTRUCT P-1:reimbursement@settlement"), countOf(*calls, "INSTRUCT P-1@settlement"); n != 11 || m != 1 {
		t.Fatalf("reimbursement instructed %d times (want 1 + 10 after the rejection), the beneficiary's payment %d (want 1): %v", n, m, *calls)
	}
	if (*calls)[len(*calls)-2] != "REIMBURSED@ledger-ImporterBankMSP" || (*calls)[len(*calls)-1] != "CLOSED@ledger-ImporterBankMSP" {
		t.Fatalf("the trade did not close on the reimbursement: %v", *calls)
	}
}
