package trade

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"go.temporal.io/sdk/activity"

	"github.com/tradefin/tradefin/events/contracts"
)

// presentedWithDeadline signals the trade's events up to the presentation, whose examination
// deadline is deadline after the workflow starts.
func presentedWithDeadline(e interface {
	RegisterDelayedCallback(func(), time.Duration)
	SignalWorkflow(string, interface{})
	Now() time.Time
}, deadline time.Duration) {
	for i, s := range happyPath[:7] {
		ev := Event{Type: s, ID: fmt.Sprintf("ev-%d", i), SHA256: sha256Hex(fmt.Sprintf("ev-%d", i)), LCID: "LC"}
		e.RegisterDelayedCallback(func() { e.SignalWorkflow(EventSignal, ev) }, time.Duration(i+1)*time.Minute)
	}
	e.RegisterDelayedCallback(func() {
		e.SignalWorkflow(EventSignal, Event{Type: "lc.documents_presented.v1", ID: "presented", SHA256: sha256Hex("presented"), LCID: "LC",
			PresentationID: "P-1", ExaminationDeadline: e.Now().Add(deadline - 10*time.Minute)})
	}, 10*time.Minute)
}

// TestExaminationDeadlineIsEnforcedByTheWorkflow: the presentation waits undecided past its
// deadline (UCP 600 Art. 14(b)); the timer fires at it and the workflow asks the LC service,
// which precludes refusal (Art. 16(f)) and honours; its lc.honoured.v1 brings HONOURED and the
// payment. Not a moment before the deadline is the LC service asked.
func TestExaminationDeadlineIsEnforcedByTheWorkflow(t *testing.T) {
	e, calls := env(t)
	start := e.Now()
	deadline := 5 * 24 * time.Hour
	var askedAt time.Time
	e.RegisterActivityWithOptions(func(ctx context.Context, in contracts.PassExaminationDeadline) (contracts.ExaminationDeadlineOutcome, error) {
		askedAt = e.Now()
		*calls = append(*calls, "DEADLINE "+in.LCID+"/"+in.PresentationID+"@"+activity.GetInfo(ctx).TaskQueue)
		e.SignalWorkflow(EventSignal, Event{Type: "lc.honoured.v1", ID: "honoured", SHA256: sha256Hex("honoured"), LCID: "LC", PresentationID: in.PresentationID,
			Payment: &contracts.PaymentRef{TradeID: "T", LCID: "LC", PresentationID: in.PresentationID}})
		return contracts.ExaminationDeadlineOutcome{Status: contracts.ExaminationPrecluded}, nil
	}, activity.RegisterOptions{Name: contracts.PassExaminationDeadlineActivity})
	presentedWithDeadline(e, deadline)
	e.RegisterDelayedCallback(func() {
		st := query(t, e)
		if len(st.Examinations) != 1 || st.Examinations[0].Decided || slices.Contains(*calls, "DEADLINE LC/P-1@lc") {
			t.Errorf("a day before the deadline: %+v", st.Examinations)
		}
	}, deadline-24*time.Hour)
	e.RegisterDelayedCallback(func() {
		st := query(t, e)
		if st.Payment.Status != "instructed" || len(st.Examinations) != 1 || st.Examinations[0].Outcome != contracts.ExaminationPrecluded {
			t.Errorf("after the deadline: payment %+v, examinations %+v", st.Payment, st.Examinations)
		}
		e.CancelWorkflow()
	}, deadline+time.Hour)
	e.ExecuteWorkflow(Workflow, Input{TradeID: "T-X"})
	if !slices.Contains(*calls, "DEADLINE LC/P-1@lc") || !slices.Contains(*calls, "HONOURED@ledger-ImporterBankMSP") {
		t.Fatalf("calls: %v", *calls)
	}
	if got := askedAt.Sub(start); got < deadline || got > deadline+time.Minute {
		t.Errorf("the LC service was asked %s after the start, want at the deadline %s", got, deadline)
	}
}

// TestADecisionInTimeStopsTheTimer: refused before the deadline, the presentation's timer is
// dropped; the LC service is never asked.
func TestADecisionInTimeStopsTheTimer(t *testing.T) {
	e, calls := env(t)
	asked := false
	e.RegisterActivityWithOptions(func(ctx context.Context, in contracts.PassExaminationDeadline) (contracts.ExaminationDeadlineOutcome, error) {
		asked = true
		return contracts.ExaminationDeadlineOutcome{Status: contracts.ExaminationDecided}, nil
	}, activity.RegisterOptions{Name: contracts.PassExaminationDeadlineActivity})
	deadline := 5 * 24 * time.Hour
	presentedWithDeadline(e, deadline)
	e.RegisterDelayedCallback(func() {
		e.SignalWorkflow(EventSignal, Event{Type: "lc.documents_refused.v1", ID: "refused", SHA256: sha256Hex("refused"), LCID: "LC", PresentationID: "P-1"})
	}, 2*24*time.Hour)
	e.RegisterDelayedCallback(func() {
		if st := query(t, e); len(st.Examinations) != 1 || !st.Examinations[0].Decided {
			t.Errorf("examinations %+v", st.Examinations)
		}
		e.CancelWorkflow()
	}, deadline+time.Hour)
	e.ExecuteWorkflow(Workflow, Input{TradeID: "T-Y"})
	if asked || !slices.Contains(*calls, "DOCUMENTS_REFUSED@ledger-ImporterBankMSP") {
		t.Fatalf("asked %v; calls %v", asked, *calls)
	}
}
