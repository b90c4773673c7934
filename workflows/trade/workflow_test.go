package trade

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/testsuite"
	"go.temporal.io/sdk/workflow"

	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/ledger"
)

// env runs the workflow in Temporal's test environment with a fake ledger that records which
// task queue (so which organisation's identity) each milestone went to. The real ledger activity
// runs against Fabric in the end-to-end test.
func env(t *testing.T) (*testsuite.TestWorkflowEnvironment, *[]string) {
	var s testsuite.WorkflowTestSuite
	e := s.NewTestWorkflowEnvironment()
	var calls []string
	var mu sync.Mutex // the payment's activity runs beside the ledger's
	note := func(c string) int {
		mu.Lock()
		defer mu.Unlock()
		calls = append(calls, c)
		return len(calls)
	}
	batches = nil
	e.RegisterActivityWithOptions(func(ctx context.Context, in ledger.RecordInput) (ledger.Receipt, error) {
		n := note(in.Milestone + "@" + activity.GetInfo(ctx).TaskQueue)
		return ledger.Receipt{Record: ledger.Record{TxID: fmt.Sprintf("tx-%d", n), EventHash: in.SHA256}, Block: uint64(n)}, nil
	}, activity.RegisterOptions{Name: ledger.RecordMilestoneActivity})
	e.RegisterActivityWithOptions(func(ctx context.Context, ins []ledger.RecordInput) ([]ledger.Receipt, error) {
		var rs []ledger.Receipt
		for _, in := range ins {
			n := note(in.Milestone + "@" + activity.GetInfo(ctx).TaskQueue)
			rs = append(rs, ledger.Receipt{Record: ledger.Record{TxID: fmt.Sprintf("tx-%d", n), EventHash: in.SHA256}, Block: uint64(n)})
		}
		batches = append(batches, len(ins))
		return rs, nil
	}, activity.RegisterOptions{Name: ledger.RecordMilestonesActivity})
	chain := newFakeChain()
	e.RegisterActivityWithOptions(func(ctx context.Context, in ledger.RecordAfterInput) ([]ledger.Receipt, error) {
		if err := chain.await(ctx, in.After); err != nil {
			return nil, err
		}
		time.Sleep(10 * time.Millisecond) // a commit takes time: the batches after it, started already, wait
		var rs []ledger.Receipt
		for _, m := range in.Milestones {
			n := note(m.Milestone + "@" + activity.GetInfo(ctx).TaskQueue)
			rs = append(rs, ledger.Receipt{Record: ledger.Record{TxID: fmt.Sprintf("tx-%d", n), EventHash: m.SHA256}, Block: uint64(n)})
			chain.commit(m)
		}
		mu.Lock()
		batches = append(batches, len(in.Milestones))
		mu.Unlock()
		return rs, nil
	}, activity.RegisterOptions{Name: ledger.RecordAfterActivity})
	e.RegisterActivityWithOptions(func(ctx context.Context, ref contracts.PaymentRef) (string, error) {
		note("INSTRUCT " + ref.PresentationID + "@" + activity.GetInfo(ctx).TaskQueue)
		if awaitingCorrection > 0 {
			awaitingCorrection--
			return "", temporal.NewApplicationError("awaiting correction", "AwaitingCorrection")
		}
		return "instructed", nil
	}, activity.RegisterOptions{Name: contracts.InstructPaymentActivity})
	e.RegisterActivityWithOptions(func(ctx context.Context, in contracts.ExpireCredit) (contracts.ExpiryOutcome, error) {
		note("EXPIRE " + in.LCID + "@" + activity.GetInfo(ctx).TaskQueue)
		out := contracts.ExpiryOutcome{Status: contracts.ExpiryExpired}
		if expiryAnswer != nil {
			out = expiryAnswer()
		}
		if out.Status == contracts.ExpiryExpired { // the LC service publishes lc.expired.v1
			e.SignalWorkflow(EventSignal, Event{Type: "lc.expired.v1", ID: "expired", SHA256: sha256Hex("expired")})
		}
		return out, nil
	}, activity.RegisterOptions{Name: contracts.ExpireCreditActivity})
	awaitingCorrection, expiryAnswer = 0, nil
	return e, &calls
}

// batches are the sizes of the batched ledger activities the fake ledger ran (reset by env).
var batches []int

// awaitingCorrection is how many more times the test settlement answers "awaiting correction";
// expiryAnswer is the test LC service's answer to ExpireCredit (EXPIRED when nil). Both reset by env.
var (
	awaitingCorrection int
	expiryAnswer       func() contracts.ExpiryOutcome
)

func signal(e *testsuite.TestWorkflowEnvironment, at time.Duration, typ, id string) {
	ev := Event{Type: typ, ID: id, SHA256: sha256Hex(id), LCID: "LC"}
	if typ == "lc.honoured.v1" {
		ev.Payment = &contracts.PaymentRef{TradeID: "T", LCID: "LC", PresentationID: "P-1"}
	}
	e.RegisterDelayedCallback(func() { e.SignalWorkflow(EventSignal, ev) }, at)
}

var happyPath = []string{"lc.applied.v1", "lc.issued.v1", "lc.advised.v1", "lc.accepted.v1", "customs.export_cleared.v1",
	"customs.transport_event.v1", "customs.bill_of_lading_issued.v1", "lc.documents_presented.v1", "lc.honoured.v1",
	"settlement.payment_settled.v1", "customs.import_released.v1"}

var happyLedger = []string{"LC_APPLIED@ledger-ImporterBankMSP", "LC_ISSUED@ledger-ImporterBankMSP", "LC_ADVISED@ledger-ExporterBankMSP",
	"LC_ACCEPTED@ledger-ExporterBankMSP", "EXPORT_CLEARED@ledger-CustomsMSP", "SHIPPED@ledger-CustomsMSP",
	"DOCUMENTS_PRESENTED@ledger-ExporterBankMSP", "HONOURED@ledger-ImporterBankMSP", "INSTRUCT P-1@settlement", "SETTLED@ledger-ImporterBankMSP",
	"IMPORT_RELEASED@ledger-CustomsMSP", "CLOSED@ledger-ImporterBankMSP"}

func run(t *testing.T, e *testsuite.TestWorkflowEnvironment, in Input) State {
	t.Helper()
	e.ExecuteWorkflow(Workflow, in)
	if !e.IsWorkflowCompleted() || e.GetWorkflowError() != nil {
		t.Fatalf("workflow: completed=%v err=%v", e.IsWorkflowCompleted(), e.GetWorkflowError())
	}
	var st State
	if err := e.GetWorkflowResult(&st); err != nil {
		t.Fatal(err)
	}
	return st
}

func TestHappyPathCommitsEachMilestoneAsItsOrganisation(t *testing.T) {
	e, calls := env(t)
	for i, s := range happyPath {
		signal(e, time.Duration(i+1)*time.Hour, s, fmt.Sprintf("ev-%d", i))
	}
	signal(e, 3*time.Hour+time.Minute, "lc.issued.v1", "ev-1") // a redelivered event changes nothing
	st := run(t, e, Input{TradeID: "T-1"})
	if fmt.Sprint(*calls) != fmt.Sprint(happyLedger) {
		t.Fatalf("ledger calls:\n got %v\nwant %v", *calls, happyLedger)
	}
	if st.Status != StatusClosed || len(st.Milestones) != len(happyLedger)-1 || st.Milestones[10].TxID != "tx-12" || len(st.Events) != len(happyPath) ||
		st.Payment.Status != "instructed" {
		t.Fatalf("state = %+v", st)
	}
	if st.Milestones[1].SHA256 != sha256Hex("ev-1") {
		t.Fatalf("LC_ISSUED hash %s is not its event's", st.Milestones[1].SHA256)
	}
}

// Services publish on separate topics, so events of different services arrive in any order; the
// workflow commits each milestone as soon as the ones it needs are on the ledger: customs'
// clearance and the shipment do not wait for the banks' advice, the release not for settlement.
func TestEventsArrivingOutOfOrderAreCommittedInThePartialOrder(t *testing.T) {
	e, calls := env(t)
	order := []int{0, 4, 6, 1, 2, 5, 3, 7, 10, 8, 9} // clearance and B/L before issue, release before honour...
	for at, i := range order {
		signal(e, time.Duration(at+1)*time.Hour, happyPath[i], fmt.Sprintf("ev-%d", i))
	}
	e.RegisterDelayedCallback(func() {
		st := query(t, e)
		if len(st.Milestones) != 3 || len(st.Pending) != 0 {
			t.Errorf("after applied, cleared, B/L: %d committed, %d pending, want 3 and 0", len(st.Milestones), len(st.Pending))
		}
	}, 3*time.Hour+time.Minute)
	st := run(t, e, Input{TradeID: "T-3"})
	want := []string{"LC_APPLIED@ledger-ImporterBankMSP", "EXPORT_CLEARED@ledger-CustomsMSP", "SHIPPED@ledger-CustomsMSP", "LC_ISSUED@ledger-ImporterBankMSP",
		"LC_ADVISED@ledger-ExporterBankMSP", "LC_ACCEPTED@ledger-ExporterBankMSP", "DOCUMENTS_PRESENTED@ledger-ExporterBankMSP",
		"HONOURED@ledger-ImporterBankMSP", "IMPORT_RELEASED@ledger-CustomsMSP", "SETTLED@ledger-ImporterBankMSP", "CLOSED@ledger-ImporterBankMSP"}
	// The payment runs beside the commits (the release, ready with the honour, may go first).
	ledgerCalls := slices.DeleteFunc(slices.Clone(*calls), func(c string) bool { return c == "INSTRUCT P-1@settlement" })
	if len(ledgerCalls) != len(*calls)-1 || fmt.Sprint(ledgerCalls) != fmt.Sprint(want) || st.Status != StatusClosed || len(st.Pending) != 0 {
		t.Fatalf("ledger calls:\n got %v\nwant %v\nstatus %s", *calls, want, st.Status)
	}
}

// A milestone the ledger refuses stops the chain: nothing after it is committed, and the
// timeline says why.
func TestARefusedMilestoneStopsTheChain(t *testing.T) {
	var s testsuite.WorkflowTestSuite
	e := s.NewTestWorkflowEnvironment()
	e.OnGetVersion(baselineChange, workflow.DefaultVersion, 1).Return(workflow.DefaultVersion)         // a run from before the baseline,
	e.OnGetVersion(pipelinedCommitsChange, workflow.DefaultVersion, 1).Return(workflow.DefaultVersion) // one batch at a time, as runs before it
	var calls []string
	e.RegisterActivityWithOptions(func(ctx context.Context, in ledger.RecordInput) (ledger.Receipt, error) {
		calls = append(calls, in.Milestone)
		if in.Milestone == "LC_ISSUED" {
			return ledger.Receipt{}, temporal.NewNonRetryableApplicationError("ledger: NOT_ENTITLED: no", ledger.RefusalErrorType, nil)
		}
		return ledger.Receipt{Record: ledger.Record{TxID: "tx", EventHash: in.SHA256}, Block: 1}, nil
	}, activity.RegisterOptions{Name: ledger.RecordMilestoneActivity})
	for i, typ := range happyPath[:4] {
		signal(e, time.Duration(i+1)*time.Hour, typ, fmt.Sprintf("ev-%d", i))
	}
	e.RegisterDelayedCallback(func() {
		st := query(t, e)
		if len(st.Milestones) != 2 || st.Milestones[1].Error == "" || len(st.Pending) != 2 {
			t.Errorf("state after a refusal: %+v", st)
		}
		e.CancelWorkflow()
	}, 10*time.Hour)
	e.ExecuteWorkflow(Workflow, Input{TradeID: "T-4"})
	if fmt.Sprint(calls) != "[LC_APPLIED LC_ISSUED]" {
		t.Fatalf("ledger calls after a refusal: %v", calls)
	}
}

// query asks the running workflow for its state.
func query(t *testing.T, e *testsuite.TestWorkflowEnvironment) State {
	t.Helper()
	var st State
	v, err := e.QueryWorkflow(StateQuery)
	if err == nil {
		err = v.Get(&st)
	}
	if err != nil {
		t.Error(err)
	}
	return st
}

// Milestones of one organisation that are ready together go to its agent in one activity, in
// ledger order; a milestone that calls for the workflow's own step (HONOURED: instruct payment)
// ends a batch, and nothing on the ledger changes.
func TestReadyMilestonesOfOneOrganisationAreCommittedInOneActivity(t *testing.T) {
	e, calls := env(t)
	for i, s := range happyPath[:9] { // everything up to honour arrives before the first commit
		signal(e, time.Millisecond, s, fmt.Sprintf("ev-%d", i))
	}
	for i, s := range happyPath[9:] {
		signal(e, time.Duration(i+1)*time.Hour, s, fmt.Sprintf("ev-%d", i+9))
	}
	st := run(t, e, Input{TradeID: "T-5"})
	if fmt.Sprint(*calls) != fmt.Sprint(happyLedger) || st.Status != StatusClosed || len(st.Pending) != 0 {
		t.Fatalf("ledger calls:\n got %v\nwant %v\nstatus %s", *calls, happyLedger, st.Status)
	}
	if len(batches) == 0 {
		t.Fatalf("no milestones were batched")
	}
	for i, m := range st.Milestones {
		if m.TxID == "" || m.Error != "" {
			t.Errorf("milestone %d %s: tx %q error %q", i, m.Name, m.TxID, m.Error)
		}
	}
}

// In a batch whose second milestone fails, the first stays committed and the second comes back
// alone, where its refusal stops the chain as a single commit's would.
func TestABatchCommitsItsPrefixAndTheRestComesBackAlone(t *testing.T) {
	var s testsuite.WorkflowTestSuite
	e := s.NewTestWorkflowEnvironment()
	e.OnGetVersion(baselineChange, workflow.DefaultVersion, 1).Return(workflow.DefaultVersion)         // a run from before the baseline,
	e.OnGetVersion(pipelinedCommitsChange, workflow.DefaultVersion, 1).Return(workflow.DefaultVersion) // one batch at a time, as runs before it
	var calls []string
	e.RegisterActivityWithOptions(func(ctx context.Context, in ledger.RecordInput) (ledger.Receipt, error) {
		calls = append(calls, "one "+in.Milestone)
		if in.Milestone == "LC_ACCEPTED" {
			return ledger.Receipt{}, temporal.NewNonRetryableApplicationError("ledger: NOT_ENTITLED: no", ledger.RefusalErrorType, nil)
		}
		return ledger.Receipt{Record: ledger.Record{TxID: "tx", EventHash: in.SHA256}, Block: 1}, nil
	}, activity.RegisterOptions{Name: ledger.RecordMilestoneActivity})
	e.RegisterActivityWithOptions(func(ctx context.Context, ins []ledger.RecordInput) ([]ledger.Receipt, error) {
		calls = append(calls, fmt.Sprintf("batch %s+%d", ins[0].Milestone, len(ins)-1))
		return []ledger.Receipt{{Record: ledger.Record{TxID: "tx", EventHash: ins[0].SHA256}, Block: 1}}, nil // the second failed
	}, activity.RegisterOptions{Name: ledger.RecordMilestonesActivity})
	for i, typ := range happyPath[:4] {
		signal(e, time.Millisecond, typ, fmt.Sprintf("ev-%d", i))
	}
	e.RegisterDelayedCallback(func() {
		st := query(t, e)
		if len(st.Milestones) != 4 || st.Milestones[2].TxID != "tx" || st.Milestones[3].Error == "" || len(st.Pending) != 0 {
			t.Errorf("state after a batch's partial commit: %+v", st)
		}
		e.CancelWorkflow()
	}, time.Hour)
	e.ExecuteWorkflow(Workflow, Input{TradeID: "T-6"})
	if fmt.Sprint(calls) != "[one LC_APPLIED one LC_ISSUED batch LC_ADVISED+1 one LC_ACCEPTED]" {
		t.Fatalf("ledger calls: %v", calls)
	}
}
