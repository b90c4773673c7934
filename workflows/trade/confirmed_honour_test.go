package trade

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/tradefin/tradefin/events/contracts"
)

// UCP 600 Art. 8(a): the confirming bank honoured the presentation made to it (lc.honoured.v1
// names it, the bridge marks the signal ByConfirmingBank), so its organisation's agent commits
// HONOURED: ledger-ExporterBankMSP, not the issuing bank's. The rest of the trade is unchanged.
func TestConfirmingBanksHonourCommittedByItsOrganisation(t *testing.T) {
	e, calls := env(t)
	path := slices.Concat(happyPath[:4], []string{"lc.confirmed.v1"}, happyPath[4:], []string{"lc.reimbursement_claimed.v1", "settlement.reimbursement_settled.v1"})
	for i, s := range path {
		ev := Event{Type: s, ID: fmt.Sprintf("ev-%d", i), SHA256: sha256Hex(fmt.Sprintf("ev-%d", i)), LCID: "LC"}
		if s == "lc.honoured.v1" {
			ev.Payment = &contracts.PaymentRef{TradeID: "T", LCID: "LC", PresentationID: "P-1"}
			ev.ByConfirmingBank = true
		}
		e.RegisterDelayedCallback(func() { e.SignalWorkflow(EventSignal, ev) }, time.Duration(i+1)*time.Hour)
	}
	st := run(t, e, Input{TradeID: "T-CH"})
	if !slices.Contains(*calls, "HONOURED@ledger-ExporterBankMSP") || slices.Contains(*calls, "HONOURED@ledger-ImporterBankMSP") {
		t.Fatalf("HONOURED not committed by the confirming bank's organisation: %v", *calls)
	}
	i := slices.IndexFunc(st.Milestones, func(m Milestone) bool { return m.Name == "HONOURED" })
	if st.Status != StatusClosed || i < 0 || st.Milestones[i].MSPID != "ExporterBankMSP" {
		t.Fatalf("state: %s %+v", st.Status, st.Milestones)
	}
}
