package trade

import (
	"slices"

	"go.temporal.io/sdk/workflow"

	"github.com/tradefin/tradefin/chaincode/rules"
	"github.com/tradefin/tradefin/events/contracts"
)

// drawingsChange versions drawings against a balance: a credit that allows partial shipments
// (UCP 600 Art. 31(a)) is drawn by several presentations, each with its milestones on the
// ledger under its drawing's reference (chaincode/rules/drawings.go), each honoured drawing paid
// on its own, the expiry timer kept while the credit may still be drawn, and the trade closed
// once every honoured drawing is settled and the credit is finished (LC_FULLY_DRAWN, or EXPIRED
// or CANCELLED after a drawing). Runs started before it never see a drawing's reference.
const drawingsChange = "drawings"

// DrawingPayments are the payments of a credit drawn by several presentations.
type DrawingPayments struct {
	// Refs is each honoured drawing's payment, by drawing reference (from its lc.honoured.v1).
	Refs map[string]contracts.PaymentRef
	// Due are the drawings whose HONOURED is on the ledger and whose payment is still to be
	// instructed, in the order they were honoured.
	Due []string
	// Maturities are the usance drawings' own maturities; Paying the drawing whose payment was
	// taken last (drawing_maturity.go).
	Maturities map[string]DrawingMaturity `json:",omitempty"`
	Paying     string                     `json:",omitempty"`
	// Instalments are mixed payment honours' instalments, by presentation (instalments.go).
	Instalments map[string][]Instalment `json:",omitempty"`
}

// drawingsOn reports whether this run follows drawingsChange.
func drawingsOn(ctx workflow.Context) bool {
	return changeVersion(ctx, drawingsChange) == 1
}

// drawingOf is the drawing the milestone name of ev is of: the event's drawing reference, for a
// SETTLED only when it pays a drawing this trade honoured; "" before drawingsChange.
func (t *tradeRun) drawingOf(ev Event, name rules.Type) string {
	if !t.drawings || ev.Drawing == "" {
		return ""
	}
	if ev.Payment != nil { // lc.honoured.v1 of a drawing: its payment, instructed once it is on the ledger
		if t.st.Drawings == nil {
			t.st.Drawings = &DrawingPayments{Refs: map[string]contracts.PaymentRef{}}
		}
		t.st.Drawings.Refs[ev.Drawing] = *ev.Payment
	}
	if name == rules.Settled {
		if _, ok := t.drawingRef(ev.Drawing); !ok {
			return ""
		}
	}
	return ev.Drawing
}

func (t *tradeRun) drawingRef(d string) (contracts.PaymentRef, bool) {
	if t.st.Drawings == nil {
		return contracts.PaymentRef{}, false
	}
	ref, ok := t.st.Drawings.Refs[d]
	return ref, ok
}

// afterDrawing takes the step a committed milestone of a drawn credit calls for, reporting
// whether it did (else after decides): a drawing honoured is paid; the credit finished (fully
// drawn, or expired or cancelled after a drawing, which ends the credit and not the trade)
// closes the trade once every honoured drawing is settled and the goods released.
func (t *tradeRun) afterDrawing(ctx workflow.Context, m Milestone) bool {
	if !t.drawings || len(t.ledger.Drawings) == 0 {
		return false
	}
	switch name := rules.Type(m.Name); {
	case name == rules.Honoured && m.Drawing != "":
		if _, ok := t.drawingRef(m.Drawing); ok && !slices.Contains(t.st.Drawings.Due, m.Drawing) && !t.payInstalments(ctx, m.Drawing) {
			t.st.Drawings.Due = append(t.st.Drawings.Due, m.Drawing)
		}
		return true
	case name == rules.LCFullyDrawn, (name == rules.Expired || name == rules.Cancelled) && !t.ledger.Ended():
		t.wake = true // the expiry timer is no longer needed
		if rules.Check(rules.Closed, t.ledger, rules.EntitledOrg(rules.Closed)) == nil {
			t.close(ctx)
		}
		return true
	}
	return false
}

// drawingPaymentDue reports whether an honoured drawing's payment waits to be instructed.
func (t *tradeRun) drawingPaymentDue() bool {
	return t.st.Drawings != nil && len(t.st.Drawings.Due) > 0
}

// takeDrawingPayment makes the next honoured drawing's payment the one to instruct, unless a
// failed payment is to be instructed again first.
func (t *tradeRun) takeDrawingPayment(ctx workflow.Context) {
	if t.st.Payment.Due || !t.drawingPaymentDue() {
		return
	}
	var d string
	if drawingMaturityOn(ctx) {
		d = t.takeDueDrawing()
	} else {
		d = t.st.Drawings.Due[0]
		t.st.Drawings.Due = slices.Clone(t.st.Drawings.Due[1:])
	}
	ref, _ := t.drawingRef(d)
	t.st.Payment.Ref, t.st.Payment.Due = &ref, true
}

// creditOpen: the credit may still be drawn, so the expiry timer stays though a drawing was
// honoured.
func (t *tradeRun) creditOpen() bool { return t.drawings && t.ledger.CreditOpen() }
