package trade

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/tradefin/tradefin/events/contracts"
)

// TestDiscountPaysTheProceedsBeforeTheMaturity: a usance credit's honour is discounted by the
// nominated bank (UCP 600 Art. 12(b)) a day after it; the workflow commits UNDERTAKING_DISCOUNTED
// by the nominated bank's organisation and has settlement pay the proceeds at once, while the
// maturity's timer runs; the maturity payment is still instructed at maturity, then SETTLED and
// CLOSED as for any credit.
func TestDiscountPaysTheProceedsBeforeTheMaturity(t *testing.T) {
	e, calls := env(t)
	start := time.Date(2026, time.December, 1, 9, 0, 0, 0, time.UTC)
	e.SetStartTime(start)
	maturity := 60 * 24 * time.Hour
	for i, s := range discountedPath() {
		at := time.Duration(i+1) * time.Hour
		if s == "lc.undertaking_discounted.v1" {
			at += 24 * time.Hour
		}
		if s == "settlement.payment_settled.v1" || s == "customs.import_released.v1" {
			at += maturity
		}
		ev := Event{Type: s, ID: fmt.Sprintf("ev-%d", i), SHA256: sha256Hex(fmt.Sprintf("ev-%d", i)), LCID: "LC"}
		switch s {
		case "lc.honoured.v1":
			ev.Payment = &contracts.PaymentRef{TradeID: "T", LCID: "LC", PresentationID: "P-1"}
			ev.PayableAt, ev.MaturityDate = start.Add(maturity), "2027-01-30"
		case "lc.undertaking_discounted.v1":
			ev.PresentationID = "P-1"
		}
		e.RegisterDelayedCallback(func() { e.SignalWorkflow(EventSignal, ev) }, at)
	}
	var before State
	stateAt(t, e, maturity-time.Hour, &before)
	st := run(t, e, Input{TradeID: "T"})

	if len(before.Discounts) != 1 || before.Discounts[0].Status != "instructed" || before.Discounts[0].Ref.PresentationID != "P-1"+contracts.DiscountSuffix ||
		!before.Payment.AwaitingMaturity || before.Payment.Status != "" {
		t.Errorf("an hour before the maturity: discounts %+v, payment %+v", before.Discounts, before.Payment)
	}
	at := func(c string) int { return slices.Index(*calls, c) }
	discounted, proceeds, paid, settled := at("UNDERTAKING_DISCOUNTED@ledger-ExporterBankMSP"), at("INSTRUCT P-1:discount@settlement"), at("INSTRUCT P-1@settlement"), at("SETTLED@ledger-ImporterBankMSP")
	if st.Status != StatusClosed || at("HONOURED@ledger-ImporterBankMSP") >= discounted || discounted < 0 || proceeds < discounted || paid < proceeds || settled < paid {
		t.Fatalf("status %s, calls %v", st.Status, *calls)
	}
}

// discountedPath is the happy path of a usance credit whose undertaking the nominated bank
// discounts after the honour (also recorded, record_histories_test.go).
func discountedPath() []string {
	var events []string
	for _, s := range happyPath {
		events = append(events, s)
		if s == "lc.honoured.v1" {
			events = append(events, "lc.undertaking_discounted.v1")
		}
	}
	return events
}
