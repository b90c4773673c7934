package trade

import (
	"slices"
	"time"

	"go.temporal.io/sdk/workflow"

	"github.com/tradefin/tradefin/chaincode/rules"
	"github.com/tradefin/tradefin/events/contracts"
)

// instalmentsChange versions the payment of a mixed payment credit's honour (MT700 41a BY MIXED
// PYMT, 42M; UCP 600 Art. 2, "honour" (a), (b)) in instalments: once HONOURED is on the ledger,
// each instalment is a payment of its own (contracts.InstalmentRef, raised so by settlement),
// instructed at its time with the drawings' queue and maturity wait (drawing_maturity.go): the
// sight part at once, each deferred part at its maturity. An instalment's settlement is no
// milestone of its own: the honour's SETTLED is committed with the settlement of the last
// instalment paid, when the honour is paid in full (so CLOSED still needs the whole paid).
// Runs recorded before it never received instalments.
const instalmentsChange = "mixed-payment"

// Instalment is one instalment of an honour, as its lc.honoured.v1 carried it.
type Instalment struct {
	Number       int
	PayableAt    time.Time `json:",omitzero"` // zero: payable at once
	MaturityDate string    `json:",omitempty"`
	Settled      bool      `json:",omitempty"` // its settlement.payment_settled.v1 arrived
}

// keepInstalments keeps a mixed payment honour's instalments, by the honoured presentation.
func (t *tradeRun) keepInstalments(ev Event) {
	if ev.Payment == nil || len(ev.Instalments) == 0 {
		return
	}
	d := t.drawingPayments()
	if d.Instalments == nil {
		d.Instalments = map[string][]Instalment{}
	}
	if _, known := d.Instalments[ev.Payment.PresentationID]; !known {
		d.Instalments[ev.Payment.PresentationID] = slices.Clone(ev.Instalments)
	}
}

// drawingPayments is the payments' queue, made on first use.
func (t *tradeRun) drawingPayments() *DrawingPayments {
	if t.st.Drawings == nil {
		t.st.Drawings = &DrawingPayments{Refs: map[string]contracts.PaymentRef{}}
	}
	return t.st.Drawings
}

// payInstalments queues the instalments of the presentation just honoured (a drawing's
// reference, or "" for the credit's one presentation), reporting whether it had any: then they,
// not the whole honour, are paid.
func (t *tradeRun) payInstalments(ctx workflow.Context, drawing string) bool {
	if t.st.Drawings == nil || t.st.Payment.Ref == nil {
		return false
	}
	ref := *t.st.Payment.Ref
	if drawing != "" {
		ref = t.st.Drawings.Refs[drawing]
	}
	its := t.st.Drawings.Instalments[ref.PresentationID]
	if len(its) == 0 || changeVersion(ctx, instalmentsChange) == workflow.DefaultVersion {
		return false
	}
	d := t.st.Drawings
	if d.Maturities == nil {
		d.Maturities = map[string]DrawingMaturity{}
	}
	for _, it := range its {
		part := contracts.InstalmentRef(ref, it.Number)
		key := part.PresentationID
		if _, queued := d.Refs[key]; queued {
			continue
		}
		d.Refs[key] = part
		if !it.PayableAt.IsZero() {
			d.Maturities[key] = DrawingMaturity{PayableAt: it.PayableAt, MaturityDate: it.MaturityDate}
		}
		d.Due = append(d.Due, key)
	}
	return true
}

// instalmentSettled is the milestone a settlement.payment_settled.v1 of an instalment stands
// for: none until every instalment of its honour is settled, then SETTLED of the honoured
// presentation (ev's drawing becomes that presentation's).
func (t *tradeRun) instalmentSettled(ev *Event, name rules.Type) rules.Type {
	if name != rules.Settled || t.st.Drawings == nil {
		return name
	}
	base, n, ok := contracts.InstalmentOf(ev.Drawing)
	its := t.st.Drawings.Instalments[base]
	if !ok || len(its) == 0 {
		return name
	}
	for i := range its {
		if its[i].Number == n {
			its[i].Settled = true
		}
	}
	ev.Drawing = base
	if slices.ContainsFunc(its, func(it Instalment) bool { return !it.Settled }) {
		return "" // the honour is not yet paid in full
	}
	return name
}
