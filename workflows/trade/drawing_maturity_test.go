package trade

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/converter"
	"go.temporal.io/sdk/testsuite"

	"github.com/tradefin/tradefin/events/contracts"
)

// instructedAt notes when (workflow time) each presentation's payment was first instructed.
func instructedAt(t *testing.T, e *testsuite.TestWorkflowEnvironment) func() map[string]time.Time {
	var mu sync.Mutex
	at := map[string]time.Time{}
	e.SetOnActivityStartedListener(func(info *activity.Info, _ context.Context, args converter.EncodedValues) {
		if info.ActivityType.Name != contracts.InstructPaymentActivity {
			return
		}
		var ref contracts.PaymentRef
		if err := args.Get(&ref); err != nil {
			t.Errorf("instruct's input: %v", err)
		}
		mu.Lock()
		defer mu.Unlock()
		if _, ok := at[ref.PresentationID]; !ok {
			at[ref.PresentationID] = e.Now()
		}
	})
	return func() map[string]time.Time {
		mu.Lock()
		defer mu.Unlock()
		return at
	}
}

// Each drawing of a usance credit is its own undertaking with its own maturity (UCP 600 Art. 2,
// "honour" (b), (c)) and is paid at that maturity: P-1 and P-2 honoured the same hour, P-1
// maturing in 30 days and P-2 in 60, P-3 (a waived presentation of an earlier shipment)
// honoured later but maturing in 20. Before drawingMaturityChange the workflow kept the last
// honour's maturity for every drawing and paid them one after the other.
func TestEachUsanceDrawingIsPaidAtItsOwnMaturity(t *testing.T) {
	e, calls := env(t)
	start := time.Date(2026, time.December, 1, 9, 0, 0, 0, time.UTC)
	e.SetStartTime(start)
	paid := instructedAt(t, e)
	day := 24 * time.Hour
	maturity := map[string]time.Time{"P-1": start.Add(30 * day), "P-2": start.Add(60 * day), "P-3": start.Add(20 * day)}
	for i, s := range []string{"lc.applied.v1", "lc.issued.v1", "customs.export_cleared.v1", "customs.bill_of_lading_issued.v1"} {
		signal(e, time.Duration(i+1)*time.Hour, s, fmt.Sprintf("ev-%d", i))
	}
	honour := func(d string) Event {
		return Event{Type: "lc.honoured.v1", ID: "h-" + d, SHA256: sha256Hex("h-" + d), LCID: "LC", Drawing: d,
			Payment:   &contracts.PaymentRef{TradeID: "T-draw", LCID: "LC", PresentationID: d},
			PayableAt: maturity[d], MaturityDate: maturity[d].Format(time.DateOnly)}
	}
	drawingSignal(e, 5, "lc.documents_presented.v1", "p1", "P-1")
	drawingSignal(e, 5, "lc.documents_presented.v1", "p2", "P-2")
	e.RegisterDelayedCallback(func() {
		e.SignalWorkflow(EventSignal, honour("P-1"))
		e.SignalWorkflow(EventSignal, honour("P-2"))
	}, 6*time.Hour)
	drawingSignal(e, 7, "lc.documents_presented.v1", "p3", "P-3")
	drawingSignal(e, 8, "lc.documents_refused.v1", "r3", "P-3")
	drawingSignal(e, 9, "lc.discrepancies_waived.v1", "w3", "P-3")
	e.RegisterDelayedCallback(func() { e.SignalWorkflow(EventSignal, honour("P-3")) }, 10*time.Hour)
	drawingSignal(e, 11, "lc.fully_drawn.v1", "full", "")
	drawingSignal(e, 12, "customs.import_released.v1", "rel", "")
	for _, d := range []string{"P-3", "P-1", "P-2"} {
		e.RegisterDelayedCallback(func() {
			e.SignalWorkflow(EventSignal, Event{Type: "settlement.payment_settled.v1", ID: "s-" + d, SHA256: sha256Hex("s-" + d), Drawing: d})
		}, maturity[d].Sub(start)+time.Hour)
	}
	st := run(t, e, Input{TradeID: "T-draw"})
	if st.Status != StatusClosed {
		t.Fatalf("status %s, calls %v, pending %+v", st.Status, *calls, st.Pending)
	}
	got := paid()
	for d, want := range maturity {
		if !got[d].Equal(want) {
			t.Errorf("drawing %s paid at %s, want at its maturity %s", d, got[d], want)
		}
	}
	for _, d := range []string{"P-1", "P-2", "P-3"} {
		if n := countOf(*calls, "INSTRUCT "+d+"@settlement"); n != 1 {
			t.Errorf("drawing %s instructed %d times: %v", d, n, *calls)
		}
	}
}
