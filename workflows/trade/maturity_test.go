package trade

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"go.temporal.io/sdk/converter"
	"go.temporal.io/sdk/testsuite"
	"go.temporal.io/sdk/workflow"

	"github.com/tradefin/tradefin/events/contracts"
)

// stateAt queries the workflow's state at d after its start.
func stateAt(t *testing.T, e *testsuite.TestWorkflowEnvironment, d time.Duration, into *State) {
	e.RegisterDelayedCallback(func() {
		v, err := e.QueryWorkflow(StateQuery)
		if err == nil {
			err = v.Get(into)
		}
		if err != nil {
			t.Errorf("query at %s: %v", d, err)
		}
	}, d)
}

// TestUsancePaymentWaitsForTheMaturity: a usance credit's honour carries its maturity; the
// workflow commits HONOURED at once but instructs the payment only when the maturity's timer
// fires, 90 days on (Temporal's test environment skips the wait), and then closes the trade as
// a sight credit's.
func TestUsancePaymentWaitsForTheMaturity(t *testing.T) {
	e, calls := env(t)
	start := time.Date(2026, time.December, 1, 9, 0, 0, 0, time.UTC)
	e.SetStartTime(start)
	maturity := 90 * 24 * time.Hour
	payableAt := start.Add(maturity)
	for i, s := range happyPath {
		at := time.Duration(i+1) * time.Hour
		if s == "settlement.payment_settled.v1" || s == "customs.import_released.v1" {
			at += maturity // settlement settles what was instructed: after the maturity
		}
		ev := Event{Type: s, ID: fmt.Sprintf("ev-%d", i), SHA256: sha256Hex(fmt.Sprintf("ev-%d", i)), LCID: "LC"}
		if s == "lc.honoured.v1" {
			ev.Payment = &contracts.PaymentRef{TradeID: "T", LCID: "LC", PresentationID: "P-1"}
			ev.PayableAt, ev.MaturityDate = payableAt, "2027-03-01"
		}
		e.RegisterDelayedCallback(func() { e.SignalWorkflow(EventSignal, ev) }, at)
	}
	var before, after State
	stateAt(t, e, maturity-time.Minute, &before)
	stateAt(t, e, maturity+time.Minute, &after)
	st := run(t, e, Input{TradeID: "T-U"})

	if !before.Payment.AwaitingMaturity || before.Payment.Status != "" || !before.Payment.PayableAt.Equal(payableAt) ||
		!slices.ContainsFunc(before.Milestones, func(m Milestone) bool { return m.Name == "HONOURED" }) {
		t.Errorf("a minute before the maturity: %+v, milestones %v", before.Payment, before.Milestones)
	}
	if after.Payment.AwaitingMaturity || after.Payment.Status != "instructed" {
		t.Errorf("a minute after the maturity: %+v", after.Payment)
	}
	if fmt.Sprint(*calls) != fmt.Sprint(happyLedger) || st.Status != StatusClosed {
		t.Fatalf("status %s, calls:\n got %v\nwant %v", st.Status, *calls, happyLedger)
	}
}

// TestUsanceMaturityOutlivesContinueAsNew: the run continues as new while the maturity's timer
// runs; the next run waits for what is left and then pays, once.
func TestUsanceMaturityOutlivesContinueAsNew(t *testing.T) {
	e, calls := env(t)
	start := time.Date(2026, time.December, 1, 9, 0, 0, 0, time.UTC)
	e.SetStartTime(start)
	payableAt := start.Add(30 * 24 * time.Hour)
	for i, s := range happyPath[:9] { // up to lc.honoured.v1
		ev := Event{Type: s, ID: fmt.Sprintf("ev-%d", i), SHA256: sha256Hex(fmt.Sprintf("ev-%d", i)), LCID: "LC"}
		if s == "lc.honoured.v1" {
			ev.Payment = &contracts.PaymentRef{TradeID: "T", LCID: "LC", PresentationID: "P-1"}
			ev.PayableAt, ev.MaturityDate = payableAt, "2026-12-31"
		}
		e.RegisterDelayedCallback(func() { e.SignalWorkflow(EventSignal, ev) }, time.Duration(i+1)*time.Hour)
	}
	// A transport event after the honour makes the run reach ContinueAfter mid-wait.
	e.RegisterDelayedCallback(func() {
		e.SignalWorkflow(EventSignal, Event{Type: "customs.transport_event.v1", ID: "late", SHA256: sha256Hex("late")})
	}, 24*time.Hour)
	e.ExecuteWorkflow(Workflow, Input{TradeID: "T-U", ContinueAfter: 10})
	err := e.GetWorkflowError()
	if err == nil || !strings.Contains(err.Error(), "continue as new") {
		t.Fatalf("the run did not continue as new: %v", err)
	}
	if slices.ContainsFunc(*calls, func(c string) bool { return strings.HasPrefix(c, "INSTRUCT") }) {
		t.Fatalf("paid before the maturity: %v", *calls)
	}
	next := carriedInput(t, err)
	if !next.Resume.Payment.Due || !next.Resume.Payment.PayableAt.Equal(payableAt) {
		t.Fatalf("carried payment: %+v", next.Resume.Payment)
	}

	e2, calls2 := env(t)
	e2.SetStartTime(start.Add(24 * time.Hour))
	var before State
	stateAt(t, e2, 28*24*time.Hour, &before)
	e2.RegisterDelayedCallback(func() {
		e2.SignalWorkflow(EventSignal, Event{Type: "settlement.payment_settled.v1", ID: "settled", SHA256: sha256Hex("settled")})
		e2.SignalWorkflow(EventSignal, Event{Type: "customs.import_released.v1", ID: "released", SHA256: sha256Hex("released")})
	}, 30*24*time.Hour)
	st := run(t, e2, next)
	if !before.Payment.AwaitingMaturity || st.Status != StatusClosed || slices.Index(*calls2, "INSTRUCT P-1@settlement") != 0 ||
		len(slices.DeleteFunc(slices.Clone(*calls2), func(c string) bool { return !strings.HasPrefix(c, "INSTRUCT") })) != 1 {
		t.Fatalf("the next run: waiting %v, status %s, calls %v", before.Payment.AwaitingMaturity, st.Status, *calls2)
	}
}

// carriedInput is the input a run that continued as new passed to the next.
func carriedInput(t *testing.T, err error) Input {
	t.Helper()
	var can *workflow.ContinueAsNewError
	if !errors.As(err, &can) {
		t.Fatalf("not a continue-as-new: %v", err)
	}
	var in Input
	if err := converter.GetDefaultDataConverter().FromPayloads(can.Input, &in); err != nil || in.Resume == nil {
		t.Fatalf("carried input: %+v, %v", in, err)
	}
	return in
}
