package trade

import (
	"context"
	"fmt"
	"testing"
	"time"

	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/testsuite"
)

// env runs the workflow in Temporal's test environment with a fake ledger that records which
// task queue (so which organisation's identity) each milestone went to.
func env(t *testing.T) (*testsuite.TestWorkflowEnvironment, *[]string) {
	var s testsuite.WorkflowTestSuite
	e := s.NewTestWorkflowEnvironment()
	var calls []string
	e.RegisterActivityWithOptions(func(ctx context.Context, in RecordInput) (Receipt, error) {
		calls = append(calls, in.Milestone+"@"+activity.GetInfo(ctx).TaskQueue)
		return Receipt{TxID: fmt.Sprintf("tx-%d", len(calls)), Block: uint64(len(calls))}, nil
	}, activity.RegisterOptions{Name: RecordMilestoneActivity})
	return e, &calls
}

func signal(e *testsuite.TestWorkflowEnvironment, at time.Duration, typ, id string) {
	e.RegisterDelayedCallback(func() {
		e.SignalWorkflow(EventSignal, Event{Type: typ, ID: id, SHA256: sha256Hex(id)})
	}, at)
}

func TestHappyPathCommitsEachMilestoneAsItsOrganisation(t *testing.T) {
	e, calls := env(t)
	steps := []string{"lc.applied.v1", "lc.issued.v1", "lc.advised.v1", "lc.accepted.v1", "customs.export_cleared.v1",
		"customs.transport_event.v1", "customs.bill_of_lading_issued.v1", "lc.documents_presented.v1", "lc.honoured.v1",
		"settlement.payment_settled.v1", "customs.import_released.v1"}
	for i, s := range steps {
		signal(e, time.Duration(i+1)*time.Hour, s, fmt.Sprintf("ev-%d", i))
	}
	signal(e, 3*time.Hour+time.Minute, "lc.issued.v1", "ev-1") // a redelivered event changes nothing
	e.ExecuteWorkflow(Workflow, Input{TradeID: "T-1", LCExpiry: time.Now().Add(90 * 24 * time.Hour)})
	if !e.IsWorkflowCompleted() || e.GetWorkflowError() != nil {
		t.Fatalf("workflow: completed=%v err=%v", e.IsWorkflowCompleted(), e.GetWorkflowError())
	}
	var st State
	if err := e.GetWorkflowResult(&st); err != nil {
		t.Fatal(err)
	}
	want := []string{"LC_APPLIED@ledger-ImporterBankMSP", "LC_ISSUED@ledger-ImporterBankMSP", "LC_ADVISED@ledger-ExporterBankMSP",
		"LC_ACCEPTED@ledger-ExporterBankMSP", "EXPORT_CLEARED@ledger-CustomsMSP", "SHIPPED@ledger-CustomsMSP",
		"DOCUMENTS_PRESENTED@ledger-ExporterBankMSP", "HONOURED@ledger-ImporterBankMSP", "SETTLED@ledger-ImporterBankMSP",
		"IMPORT_RELEASED@ledger-CustomsMSP", "CLOSED@ledger-ImporterBankMSP"}
	if fmt.Sprint(*calls) != fmt.Sprint(want) {
		t.Fatalf("ledger calls:\n got %v\nwant %v", *calls, want)
	}
	if st.Status != "CLOSED" || len(st.Milestones) != len(want) || st.Milestones[10].TxID != "tx-11" {
		t.Fatalf("state = %+v", st)
	}
}

func TestCreditExpiresUnusedAndTheWorkflowSaysSo(t *testing.T) {
	e, calls := env(t)
	signal(e, time.Hour, "lc.applied.v1", "a")
	signal(e, 2*time.Hour, "lc.issued.v1", "b")
	e.RegisterDelayedCallback(func() {
		v, err := e.QueryWorkflow(StateQuery)
		if err != nil {
			t.Error(err)
			return
		}
		var st State
		_ = v.Get(&st)
		if st.Status != "RUNNING" || len(st.Milestones) != 2 {
			t.Errorf("mid-trade state = %+v", st)
		}
	}, 24*time.Hour)
	e.ExecuteWorkflow(Workflow, Input{TradeID: "T-2", LCExpiry: e.Now().Add(30 * 24 * time.Hour)})
	var st State
	if err := e.GetWorkflowResult(&st); err != nil {
		t.Fatal(err)
	}
	if st.Status != "EXPIRED" || (*calls)[len(*calls)-1] != "EXPIRED@ledger-ImporterBankMSP" {
		t.Fatalf("state %s, calls %v", st.Status, *calls)
	}
}
