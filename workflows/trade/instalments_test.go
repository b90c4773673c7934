package trade

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/tradefin/tradefin/events/contracts"
)

// A mixed payment credit's honour (40% at sight, 60% in 90 days) is paid in instalments: the
// sight one instructed at once after HONOURED, the deferred one at its maturity; the first
// instalment's settlement commits nothing, the last one's commits the honour's SETTLED, and the
// trade closes (UCP 600 Art. 2, "honour" (a), (b)).
func TestMixedPaymentIsPaidInInstalments(t *testing.T) {
	e, calls := env(t)
	start := time.Date(2026, time.December, 1, 9, 0, 0, 0, time.UTC)
	e.SetStartTime(start)
	paid := instructedAt(t, e)
	maturity := start.Add(90 * 24 * time.Hour)
	for i, s := range happyPath[:9] { // up to lc.honoured.v1
		ev := Event{Type: s, ID: fmt.Sprintf("ev-%d", i), SHA256: sha256Hex(fmt.Sprintf("ev-%d", i)), LCID: "LC"}
		if s == "lc.honoured.v1" {
			ev.Payment = &contracts.PaymentRef{TradeID: "T", LCID: "LC", PresentationID: "P-1"}
			ev.PayableAt, ev.MaturityDate = maturity, "2027-03-01"
			ev.Instalments = []Instalment{{Number: 1, MaturityDate: "2026-12-01"}, {Number: 2, PayableAt: maturity, MaturityDate: "2027-03-01"}}
		}
		e.RegisterDelayedCallback(func() { e.SignalWorkflow(EventSignal, ev) }, time.Duration(i+1)*time.Hour)
	}
	settled := func(n int, at time.Duration) {
		id := fmt.Sprintf("settled-%d", n)
		ev := Event{Type: "settlement.payment_settled.v1", ID: id, SHA256: sha256Hex(id), Drawing: fmt.Sprintf("P-1:instalment-%d", n)}
		e.RegisterDelayedCallback(func() { e.SignalWorkflow(EventSignal, ev) }, at)
	}
	settled(1, 12*time.Hour)
	signal(e, 13*time.Hour, "customs.import_released.v1", "released")
	var between State
	stateAt(t, e, 48*time.Hour, &between)
	settled(2, maturity.Sub(start)+time.Hour)
	st := run(t, e, Input{TradeID: "T-MIX"})

	got := paid()
	if !got["P-1:instalment-1"].Before(start.Add(10*time.Hour)) || !got["P-1:instalment-2"].Equal(maturity) {
		t.Errorf("instructed at %v; want the sight instalment at the honour, the deferred one at %s", got, maturity)
	}
	if _, whole := got["P-1"]; whole {
		t.Errorf("the whole honour was instructed too: %v", *calls)
	}
	if slices.ContainsFunc(between.Milestones, func(m Milestone) bool { return m.Name == "SETTLED" }) || between.Status != StatusRunning {
		t.Errorf("after the first instalment's settlement: %s, milestones %v", between.Status, between.Milestones)
	}
	if st.Status != StatusClosed || countOf(*calls, "SETTLED@ledger-ImporterBankMSP") != 1 || countOf(*calls, "INSTRUCT P-1:instalment-2@settlement") != 1 {
		t.Fatalf("status %s, calls %v", st.Status, *calls)
	}
}
