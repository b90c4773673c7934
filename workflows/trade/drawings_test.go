package trade

import (
	"fmt"
	"testing"
	"time"

	"github.com/tradefin/tradefin/chaincode/rules"
	"github.com/tradefin/tradefin/events/contracts"
)

// drawingSignal signals an event of drawing d (its presentation) at the hour.
func drawingSignal(e interface {
	RegisterDelayedCallback(func(), time.Duration)
	SignalWorkflow(string, any)
}, hour int, typ, id, d string) {
	ev := Event{Type: typ, ID: id, SHA256: sha256Hex(id), LCID: "LC", Drawing: d}
	if typ == "lc.honoured.v1" {
		ev.Payment = &contracts.PaymentRef{TradeID: "T-draw", LCID: "LC", PresentationID: d}
	}
	e.RegisterDelayedCallback(func() { e.SignalWorkflow(EventSignal, ev) }, time.Duration(hour)*time.Hour)
}

// A credit drawn by two presentations (UCP 600 Art. 31(a)): each drawing's milestones go on the
// ledger with its reference, each honoured drawing is paid on its own, and the trade closes
// once both are settled, the credit is fully drawn and the goods released.
func TestTwoDrawingsArePaidEachAndTheTradeCloses(t *testing.T) {
	e, calls := env(t)
	for i, s := range []string{"lc.applied.v1", "lc.issued.v1", "customs.export_cleared.v1", "customs.bill_of_lading_issued.v1"} {
		signal(e, time.Duration(i+1)*time.Hour, s, fmt.Sprintf("ev-%d", i))
	}
	drawingSignal(e, 5, "lc.documents_presented.v1", "p1", "P-1")
	drawingSignal(e, 6, "lc.honoured.v1", "h1", "P-1")
	drawingSignal(e, 7, "settlement.payment_settled.v1", "s1", "P-1")
	drawingSignal(e, 8, "lc.documents_presented.v1", "p2", "P-2")
	drawingSignal(e, 9, "lc.documents_refused.v1", "r2", "P-2")
	drawingSignal(e, 10, "lc.documents_presented.v1", "p2b", "P-2") // corrected documents
	drawingSignal(e, 11, "lc.honoured.v1", "h2", "P-2")
	drawingSignal(e, 12, "lc.fully_drawn.v1", "full", "")
	drawingSignal(e, 13, "customs.import_released.v1", "rel", "")
	e.RegisterDelayedCallback(func() {
		if st := query(t, e); st.Status != StatusRunning {
			t.Errorf("closed with drawing P-2 unpaid: %s", st.Status)
		}
	}, 14*time.Hour)
	drawingSignal(e, 15, "settlement.payment_settled.v1", "s2", "P-2")
	st := run(t, e, Input{TradeID: "T-draw"})
	if st.Status != StatusClosed {
		t.Fatalf("status %s, calls %v, pending %+v", st.Status, *calls, st.Pending)
	}
	if countOf(*calls, "INSTRUCT P-1@settlement") != 1 || countOf(*calls, "INSTRUCT P-2@settlement") != 1 {
		t.Errorf("each honoured drawing is instructed once: %v", *calls)
	}
	// The ledger's order passes the chaincode's rules, milestone by milestone, with the drawings.
	var s rules.State
	drawings := map[string]string{}
	for _, m := range st.Milestones {
		if err := rules.CheckDrawing(rules.Type(m.Name), m.Drawing, s, m.MSPID); err != nil {
			t.Fatalf("%s of %q: %v", m.Name, m.Drawing, err)
		}
		s = s.AfterDrawing(rules.Type(m.Name), m.Drawing)
		if m.Drawing != "" {
			drawings[m.EventID] = m.Drawing
		}
	}
	want := map[string]string{"p1": "P-1", "h1": "P-1", "s1": "P-1", "p2": "P-2", "r2": "P-2", "p2b": "P-2", "h2": "P-2", "s2": "P-2"}
	if fmt.Sprint(drawings) != fmt.Sprint(want) {
		t.Errorf("drawing references on the ledger: %v, want %v", drawings, want)
	}
	if last := st.Milestones[len(st.Milestones)-1]; last.Name != string(rules.Closed) {
		t.Errorf("last milestone %s", last.Name)
	}
}

// A partly drawn credit keeps its expiry timer; its expiry ends the credit, not the trade: the
// honoured drawing is still settled and the trade closes.
func TestAPartlyDrawnCreditExpiresAndTheTradeCloses(t *testing.T) {
	e, calls := env(t)
	credit(e, 48*time.Hour)
	signal(e, 2*time.Hour, "customs.export_cleared.v1", "ec")
	signal(e, 3*time.Hour, "customs.bill_of_lading_issued.v1", "bl")
	drawingSignal(e, 4, "lc.documents_presented.v1", "p1", "P-1")
	drawingSignal(e, 5, "lc.honoured.v1", "h1", "P-1")
	drawingSignal(e, 6, "customs.import_released.v1", "rel", "")
	drawingSignal(e, 72, "settlement.payment_settled.v1", "s1", "P-1")
	st := run(t, e, Input{TradeID: "T-draw"})
	if st.Status != StatusClosed || countOf(*calls, "EXPIRE LC@lc") != 1 || countOf(*calls, "EXPIRED@ledger-ImporterBankMSP") != 1 {
		t.Fatalf("status %s, calls %v", st.Status, *calls)
	}
}
