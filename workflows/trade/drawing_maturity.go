package trade

import (
	"slices"
	"time"

	"go.temporal.io/sdk/workflow"
)

// drawingMaturityChange versions the maturity of each drawing of a usance credit drawn by
// several presentations: each honoured drawing is its own deferred payment undertaking or
// accepted draft (UCP 600 Art. 2, "honour" (b), (c)) with its own maturity, paid at that
// maturity. Before it the workflow kept one maturity for the trade, the last lc.honoured.v1's,
// so a drawing honoured while another was due waited for the other's maturity. Runs whose
// history has no marker where a drawing's payment is taken keep that behaviour.
const drawingMaturityChange = "drawing-maturity"

// DrawingMaturity is one drawing's maturity, as its lc.honoured.v1 carried it.
type DrawingMaturity struct {
	PayableAt    time.Time
	MaturityDate string
}

// drawingMaturityOn reports whether this run follows drawingMaturityChange.
func drawingMaturityOn(ctx workflow.Context) bool {
	return changeVersion(ctx, drawingMaturityChange) == 1
}

// keepDrawingMaturity keeps the maturity of a drawing's honour beside its payment reference.
// Once a drawing's payment was taken under drawingMaturityChange (Paying set), a later honour
// no longer replaces the payment waited for: the payment is put back to the drawing taken (the
// receive before it set the honour's reference), and it reports true.
func (t *tradeRun) keepDrawingMaturity(ev Event) bool {
	d := t.st.Drawings
	if !t.drawings || ev.Drawing == "" || ev.Payment == nil || d == nil {
		return false
	}
	if !ev.PayableAt.IsZero() {
		if d.Maturities == nil {
			d.Maturities = map[string]DrawingMaturity{}
		}
		d.Maturities[ev.Drawing] = DrawingMaturity{PayableAt: ev.PayableAt, MaturityDate: ev.MaturityDate}
	}
	if d.Paying == "" {
		return false
	}
	if ref, ok := d.Refs[d.Paying]; ok {
		t.st.Payment.Ref = &ref
	}
	return true
}

// nextDueDrawing is the index in Due of the drawing to pay next: the one maturing first (a sight
// drawing at once), among those maturing together the one honoured first.
func (d *DrawingPayments) nextDueDrawing() int {
	return slices.IndexFunc(d.Due, func(ref string) bool {
		at := d.Maturities[ref].PayableAt
		return !slices.ContainsFunc(d.Due, func(o string) bool { return d.Maturities[o].PayableAt.Before(at) })
	})
}

// takeDueDrawing removes the drawing to pay next from Due and makes it the payment to instruct,
// with its own maturity.
func (t *tradeRun) takeDueDrawing() string {
	d := t.st.Drawings
	i := d.nextDueDrawing()
	ref := d.Due[i]
	d.Due = slices.Delete(slices.Clone(d.Due), i, i+1)
	d.Paying = ref
	m := d.Maturities[ref]
	t.st.Payment.PayableAt, t.st.Payment.MaturityDate = m.PayableAt, m.MaturityDate
	return ref
}

// earlierDrawingDue reports whether a drawing now due matures before the payment waited for: the
// wait gives way to it (the waited one goes back among the due).
func (t *tradeRun) earlierDrawingDue() bool {
	d := t.st.Drawings
	if d == nil {
		return false
	}
	at := t.st.Payment.PayableAt
	return slices.ContainsFunc(d.Due, func(ref string) bool { return d.Maturities[ref].PayableAt.Before(at) })
}

// yieldToEarlierDrawing puts the drawing waited for back among the due, for the loop to take
// the earlier one first.
func (t *tradeRun) yieldToEarlierDrawing() {
	t.st.Drawings.Due = append([]string{t.st.Drawings.Paying}, t.st.Drawings.Due...)
	t.st.Payment.Due, t.st.Payment.AwaitingMaturity = false, false
}
