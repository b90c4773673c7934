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

// A drawing's discount (a credit drawn by several presentations, UCP 600 Art. 31(a)) goes on
// that drawing's track between its HONOURED and its SETTLED, and its proceeds are paid once.
func TestDrawingDiscountIsOnItsTrack(t *testing.T) {
	e, calls := env(t)
	for i, s := range []string{"lc.applied.v1", "lc.issued.v1", "customs.export_cleared.v1", "customs.bill_of_lading_issued.v1"} {
		signal(e, time.Duration(i+1)*time.Hour, s, fmt.Sprintf("ev-%d", i))
	}
	drawingSignal(e, 5, "lc.documents_presented.v1", "p1", "P-1")
	drawingSignal(e, 6, "lc.honoured.v1", "h1", "P-1")
	d := Event{Type: "lc.undertaking_discounted.v1", ID: "d1", SHA256: sha256Hex("d1"), Drawing: "P-1", PresentationID: "P-1"}
	e.RegisterDelayedCallback(func() { e.SignalWorkflow(EventSignal, d) }, 7*time.Hour)
	drawingSignal(e, 8, "settlement.payment_settled.v1", "s1", "P-1")
	drawingSignal(e, 9, "lc.fully_drawn.v1", "full", "")
	drawingSignal(e, 10, "customs.import_released.v1", "rel", "")
	st := run(t, e, Input{TradeID: "T-draw"})
	i := slices.IndexFunc(st.Milestones, func(m Milestone) bool { return m.Name == "UNDERTAKING_DISCOUNTED" })
	if st.Status != StatusClosed || i < 0 || st.Milestones[i].Drawing != "P-1" || st.Milestones[i].MSPID != "ExporterBankMSP" ||
		countOf(*calls, "INSTRUCT P-1:discount@settlement") != 1 || countOf(*calls, "INSTRUCT P-1@settlement") != 1 {
		t.Fatalf("status %s, milestones %+v, calls %v", st.Status, st.Milestones, *calls)
	}
}
