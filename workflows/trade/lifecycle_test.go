package trade

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"go.opentelemetry.io/otel"
	sdkmetric "go.opentelemetry.io/otel/sdk/metric"
	"go.opentelemetry.io/otel/sdk/metric/metricdata"
	"go.temporal.io/sdk/testsuite"

	"github.com/tradefin/tradefin/events/contracts"
)

// credit signals at the given hours the events of a credit issued and shipped under, its
// presentable-until instant until after the start.
func credit(e *testsuite.TestWorkflowEnvironment, until time.Duration) {
	e.RegisterDelayedCallback(func() {
		e.SignalWorkflow(EventSignal, Event{Type: "lc.applied.v1", ID: "a", SHA256: sha256Hex("a"), LCID: "LC", LCExpiry: e.Now().Add(until)})
	}, time.Millisecond)
	signal(e, time.Hour, "lc.issued.v1", "b")
}

func has(calls []string, s string) bool { return slices.Contains(calls, s) }

// The expiry timer fires at the LC service's presentable-until instant and asks the LC service
// (ExpireCredit on its task queue); EXPIRED comes with its lc.expired.v1, committed as that
// event's milestone, not invented by the workflow.
func TestExpiryIsTheLCServicesDecisionAndItsEvent(t *testing.T) {
	e, calls := env(t)
	credit(e, 30*24*time.Hour)
	e.RegisterDelayedCallback(func() {
		if st := query(t, e); st.Status != StatusRunning || has(*calls, "EXPIRE LC@lc") {
			t.Errorf("a minute before the instant: %s, %v", st.Status, *calls)
		}
	}, 30*24*time.Hour-time.Minute)
	st := run(t, e, Input{TradeID: "T-exp"})
	want := []string{"LC_APPLIED@ledger-ImporterBankMSP", "LC_ISSUED@ledger-ImporterBankMSP", "EXPIRE LC@lc", "EXPIRED@ledger-ImporterBankMSP"}
	if st.Status != StatusExpired || fmt.Sprint(*calls) != fmt.Sprint(want) || st.Milestones[2].EventID != "expired" || st.Milestones[2].SHA256 != sha256Hex("expired") {
		t.Fatalf("status %s, calls %v, milestones %+v", st.Status, *calls, st.Milestones)
	}
}

// An amendment moves the instant (lc.amended.v1 carries it) and goes on the ledger as LC_AMENDED;
// the old instant passes without an expiry.
func TestAnAmendmentExtendsTheExpiry(t *testing.T) {
	e, calls := env(t)
	credit(e, 10*24*time.Hour)
	e.RegisterDelayedCallback(func() {
		e.SignalWorkflow(EventSignal, Event{Type: "lc.amended.v1", ID: "am-1", SHA256: sha256Hex("am-1"), LCExpiry: e.Now().Add(20 * 24 * time.Hour)})
	}, 2*time.Hour)
	e.RegisterDelayedCallback(func() {
		if st := query(t, e); st.Status != StatusRunning || has(*calls, "EXPIRE LC@lc") || !has(*calls, "LC_AMENDED@ledger-ImporterBankMSP") {
			t.Errorf("after the first instant: %s, %v", st.Status, *calls)
		}
	}, 15*24*time.Hour)
	st := run(t, e, Input{TradeID: "T-amend"})
	if st.Status != StatusExpired || e.Now().Before(time.Unix(0, 0).Add(1)) {
		t.Fatalf("status %s", st.Status)
	}
}

// The LC service answers EXTENDED when an amendment the workflow has not seen moved the instant:
// a new timer, no expiry.
func TestAnExtendedAnswerSetsANewTimer(t *testing.T) {
	e, calls := env(t)
	credit(e, 24*time.Hour)
	expiryAnswer = func() contracts.ExpiryOutcome {
		return contracts.ExpiryOutcome{Status: contracts.ExpiryExtended, PresentableUntil: "2099-01-01T00:00:00Z"}
	}
	e.RegisterDelayedCallback(func() {
		st := query(t, e)
		if st.Status != StatusRunning || !st.LCExpiry.Equal(time.Date(2099, 1, 1, 0, 0, 0, 0, time.UTC)) || st.Expiry != "" {
			t.Errorf("after EXTENDED: %+v", st)
		}
		e.CancelWorkflow()
	}, 3*24*time.Hour)
	e.ExecuteWorkflow(Workflow, Input{TradeID: "T-ext"})
	if n := countOf(*calls, "EXPIRE LC@lc"); n != 1 {
		t.Fatalf("asked %d times: %v", n, *calls)
	}
}

func countOf(calls []string, s string) int {
	n := 0
	for _, c := range calls {
		if c == s {
			n++
		}
	}
	return n
}

// The disagreement: the expiry came while a refused presentation awaited the
// applicant's waiver, the workflow committed EXPIRED and ended, and the bridge dropped the
// waiver and the honour. Now the LC service defers the expiry, the trade stays open, and the
// waiver, the honour and the payment follow.
func TestAPendingRefusalKeepsTheTradeOpenUntilTheWaiverDecision(t *testing.T) {
	e, calls := env(t)
	credit(e, 10*24*time.Hour)
	for i, typ := range []string{"customs.export_cleared.v1", "customs.bill_of_lading_issued.v1", "lc.documents_presented.v1", "lc.documents_refused.v1"} {
		signal(e, time.Duration(2+i)*time.Hour, typ, fmt.Sprintf("r-%d", i))
	}
	decided := false // the LC service defers while the refusal awaits the waiver decision
	expiryAnswer = func() contracts.ExpiryOutcome {
		if decided {
			return contracts.ExpiryOutcome{Status: "HONOURED"}
		}
		return contracts.ExpiryOutcome{Status: contracts.ExpiryDeferred}
	}
	e.RegisterDelayedCallback(func() { decided = true }, 12*24*time.Hour-time.Second)
	signal(e, 12*24*time.Hour, "lc.discrepancies_waived.v1", "waived")
	signal(e, 12*24*time.Hour+time.Hour, "lc.honoured.v1", "honoured")
	signal(e, 13*24*time.Hour, "settlement.payment_settled.v1", "settled")
	signal(e, 14*24*time.Hour, "customs.import_released.v1", "released")
	e.RegisterDelayedCallback(func() {
		if st := query(t, e); st.Status != StatusRunning || st.Expiry != contracts.ExpiryDeferred {
			t.Errorf("after the instant, refusal pending: %s, expiry %q", st.Status, st.Expiry)
		}
	}, 11*24*time.Hour)
	st := run(t, e, Input{TradeID: "T-waive"})
	for _, m := range []string{"DISCREPANCY_WAIVED@ledger-ImporterBankMSP", "HONOURED@ledger-ImporterBankMSP", "INSTRUCT P-1@settlement", "CLOSED@ledger-ImporterBankMSP"} {
		if !has(*calls, m) {
			t.Errorf("%s never happened: %v", m, *calls)
		}
	}
	if st.Status != StatusClosed || has(*calls, "EXPIRED@ledger-ImporterBankMSP") || countOf(*calls, "EXPIRE LC@lc") < 2 {
		t.Fatalf("status %s, calls %v", st.Status, *calls)
	}
}

// lc.cancelled.v1 commits CANCELLED and ends the trade.
func TestACancelledCreditEndsTheTrade(t *testing.T) {
	e, calls := env(t)
	credit(e, 30*24*time.Hour)
	signal(e, 2*time.Hour, "lc.cancelled.v1", "cancelled")
	st := run(t, e, Input{TradeID: "T-cancel"})
	if st.Status != StatusCancelled || (*calls)[len(*calls)-1] != "CANCELLED@ledger-ImporterBankMSP" {
		t.Fatalf("status %s, calls %v", st.Status, *calls)
	}
}

// A failed payment (settlement.payment_failed.v1) is instructed again; settlement answers
// "awaiting correction" until the instruction is corrected; meanwhile the trade shows the
// payment failed and waiting, stuck past the threshold, and then it settles and closes.
func TestAFailedPaymentIsInstructedAgainUntilCorrected(t *testing.T) {
	reader := metricReader()
	base := stuckNow(t, reader) // -count=N runs share the one provider: count from here
	e, calls := env(t)
	for i, s := range happyPath[:9] {
		signal(e, time.Duration(i+1)*time.Minute, s, fmt.Sprintf("ev-%d", i))
	}
	e.RegisterDelayedCallback(func() {
		awaitingCorrection = 9 // about 100 s of retries, the test environment allowing 10 attempts
		e.SignalWorkflow(EventSignal, Event{Type: "settlement.payment_failed.v1", ID: "failed-1", Reason: "AC01", Time: e.Now()})
	}, time.Hour)
	e.RegisterDelayedCallback(func() {
		st := query(t, e)
		if !st.Payment.Waiting || st.Payment.Failed == nil || st.Payment.Failed.Reason != "AC01" || !hasWait(st.Waits, waitPayment) || !st.Waits[0].Stuck {
			t.Errorf("while awaiting correction: payment %+v, waits %+v", st.Payment, st.Waits)
		}
		if n := stuckEventually(t, reader, base+1); n != base+1 {
			t.Errorf("%s = %d while the payment is stuck, want %d", StuckMetric, n, base+1)
		}
	}, time.Hour+45*time.Second)
	signal(e, 3*time.Hour, "settlement.payment_settled.v1", "settled")
	signal(e, 4*time.Hour, "customs.import_released.v1", "released")
	st := run(t, e, Input{TradeID: "T-pay", StuckAfter: 30 * time.Second})
	if st.Status != StatusClosed || st.Payment.Waiting || st.Payment.Failures != 1 || st.Payment.Status != "instructed" || countOf(*calls, "INSTRUCT P-1@settlement") != 11 {
		t.Fatalf("status %s, payment %+v, instructs %d", st.Status, st.Payment, countOf(*calls, "INSTRUCT P-1@settlement"))
	}
	if n := stuckEventually(t, reader, base); n != base {
		t.Errorf("%s = %d once the payment was corrected, want %d", StuckMetric, n, base)
	}
}

// metricReader is the package's one metric reader: the global meter provider delegates the
// instruments made at init to the first provider set only, so it is set once per test binary.
var metricReader = sync.OnceValue(func() *sdkmetric.ManualReader {
	r := sdkmetric.NewManualReader()
	otel.SetMeterProvider(sdkmetric.NewMeterProvider(sdkmetric.WithReader(r)))
	return r
})

// stuckEventually reads the stuck metric until it is want or 5 s have passed: the count is
// changed by a local activity, which runs on its own goroutine, after the state is marked.
func stuckEventually(t *testing.T, r *sdkmetric.ManualReader, want int64) int64 {
	t.Helper()
	n := stuckNow(t, r)
	for deadline := time.Now().Add(5 * time.Second); n != want && time.Now().Before(deadline); n = stuckNow(t, r) {
		time.Sleep(20 * time.Millisecond)
	}
	return n
}

// stuckNow reads the stuck metric's value.
func stuckNow(t *testing.T, r *sdkmetric.ManualReader) int64 {
	t.Helper()
	var rm metricdata.ResourceMetrics
	if err := r.Collect(context.Background(), &rm); err != nil {
		t.Fatal(err)
	}
	for _, sm := range rm.ScopeMetrics {
		for _, m := range sm.Metrics {
			if sum, ok := m.Data.(metricdata.Sum[int64]); ok && m.Name == StuckMetric {
				var n int64
				for _, dp := range sum.DataPoints {
					n += dp.Value
				}
				return n
			}
		}
	}
	return 0
}
