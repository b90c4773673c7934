package trade

import (
	"fmt"
	"slices"
	"testing"
	"time"
)

// A confirmed credit (UCP 600 Art. 8): the confirming bank's confirmation and claim are committed
// as ExporterBankMSP; once the claim is on the ledger the workflow has settlement instruct the
// reimbursement (the honoured presentation's payment ID with ":reimbursement"); the trade does not
// close on the release and the beneficiary's settlement alone, only once REIMBURSED is committed
// (ImporterBankMSP); the payment and the reimbursement are each instructed once.
func TestConfirmedCreditClosesOnceReimbursed(t *testing.T) {
	e, calls := env(t)
	path := slices.Concat(happyPath[:4], []string{"lc.confirmed.v1"}, happyPath[4:], []string{"lc.reimbursement_claimed.v1", "settlement.reimbursement_settled.v1"})
	for i, s := range path {
		signal(e, time.Duration(i+1)*time.Hour, s, fmt.Sprintf("ev-%d", i))
	}
	released := time.Duration(len(path)-2)*time.Hour + time.Minute
	e.RegisterDelayedCallback(func() {
		if st := query(t, e); st.Status != StatusRunning || slices.ContainsFunc(st.Milestones, func(m Milestone) bool { return m.Name == "CLOSED" }) {
			t.Errorf("closed before the confirming bank was reimbursed: %s %v", st.Status, st.Milestones)
		}
	}, released)
	st := run(t, e, Input{TradeID: "T-C"})
	want := []string{"LC_APPLIED@ledger-ImporterBankMSP", "LC_ISSUED@ledger-ImporterBankMSP", "LC_ADVISED@ledger-ExporterBankMSP",
		"LC_ACCEPTED@ledger-ExporterBankMSP", "LC_CONFIRMED@ledger-ExporterBankMSP", "EXPORT_CLEARED@ledger-CustomsMSP", "SHIPPED@ledger-CustomsMSP",
		"DOCUMENTS_PRESENTED@ledger-ExporterBankMSP", "HONOURED@ledger-ImporterBankMSP", "INSTRUCT P-1@settlement", "SETTLED@ledger-ImporterBankMSP",
		"IMPORT_RELEASED@ledger-CustomsMSP", "REIMBURSEMENT_CLAIMED@ledger-ExporterBankMSP", "INSTRUCT P-1:reimbursement@settlement",
		"REIMBURSED@ledger-ImporterBankMSP", "CLOSED@ledger-ImporterBankMSP"}
	if fmt.Sprint(*calls) != fmt.Sprint(want) {
		t.Fatalf("calls:\n got %v\nwant %v", *calls, want)
	}
	if st.Status != StatusClosed || st.Reimbursement.Status != "instructed" || st.Reimbursement.Ref == nil ||
		st.Reimbursement.Ref.PresentationID != "P-1:reimbursement" || st.Reimbursement.Due || st.Reimbursement.Waiting || len(st.Waits) != 0 {
		t.Fatalf("state: %s, reimbursement %+v, waits %v", st.Status, st.Reimbursement, st.Waits)
	}
}
