//go:build !unit

package orchestration_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/eventsourcing/sqlstore"
	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/settlement/adapters/fxtable"
	"github.com/tradefin/tradefin/services/settlement/adapters/ids"
	"github.com/tradefin/tradefin/services/settlement/adapters/orchestration"
	"github.com/tradefin/tradefin/services/settlement/adapters/store"
	"github.com/tradefin/tradefin/services/settlement/app"
	"github.com/tradefin/tradefin/services/settlement/app/command"
	"github.com/tradefin/tradefin/services/settlement/domain"
)

// payWorkflow runs the settlement activity as the trade workflow does (contracts.
// InstructPaymentActivity on the worker's queue), retried up to attempts times (0: until it
// succeeds), and returns its answer.
func payWorkflow(ctx workflow.Context, ref contracts.PaymentRef, attempts int32) (string, error) {
	ctx = workflow.WithActivityOptions(ctx, workflow.ActivityOptions{
		StartToCloseTimeout: 10 * time.Second,
		RetryPolicy:         &temporal.RetryPolicy{InitialInterval: 100 * time.Millisecond, BackoffCoefficient: 1.5, MaximumInterval: 400 * time.Millisecond, MaximumAttempts: attempts},
	})
	var status string
	err := workflow.ExecuteActivity(ctx, contracts.InstructPaymentActivity, ref).Get(ctx, &status)
	return status, err
}

type fixture struct {
	t      *testing.T
	ctx    context.Context
	c      client.Client
	queue  string
	app    app.Application
	serial int
}

func newFixture(t *testing.T) *fixture {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	c, err := client.Dial(client.Options{HostPort: testenv.TemporalAddress(t)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	es, err := sqlstore.OpenSQLite(ctx, filepath.Join(t.TempDir(), "es.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { es.Close() })
	pol := app.Policy{SettlementAgent: "NCLRSESS", FourEyes: domain.FourEyes{PerCurrency: map[string]int64{"EUR": 100_000_00}}}
	f := &fixture{t: t, ctx: ctx, c: c, queue: fmt.Sprintf("settlement-test-%d", time.Now().UnixNano()),
		app: app.New(store.New(es), fxtable.Dev(), ids.Random{Prefix: "TF"}, time.Now, pol)}
	// A queue of its own: the platform's settlement service may serve contracts.SettlementTaskQueue
	// on the same server.
	w := worker.New(c, f.queue, worker.Options{})
	w.RegisterWorkflow(payWorkflow)
	orchestration.Register(w, orchestration.Activities{App: f.app})
	if err := w.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(w.Stop)
	return f
}

func (f *fixture) start(ref contracts.PaymentRef, attempts int32) client.WorkflowRun {
	f.t.Helper()
	f.serial++
	run, err := f.c.ExecuteWorkflow(f.ctx, client.StartWorkflowOptions{ID: fmt.Sprintf("%s-%d", f.queue, f.serial), TaskQueue: f.queue}, payWorkflow, ref, attempts)
	if err != nil {
		f.t.Fatal(err)
	}
	return run
}

// pay runs the activity to its answer.
func (f *fixture) pay(ref contracts.PaymentRef, attempts int32) (string, error) {
	f.t.Helper()
	var status string
	err := f.start(ref, attempts).Get(f.ctx, &status)
	return status, err
}

func (f *fixture) raise(lc string, minor int64) (contracts.PaymentRef, string) {
	f.t.Helper()
	o := domain.Obligation{TradeID: "T-" + lc, LCID: lc, PresentationID: "P-1", Amount: money.New(minor, money.MustCurrency("EUR")),
		IssuingBank: "ESSESESS", AdvisingBank: "BCOMPTPL", BeneficiaryAccount: "PT50000201231234567890154"}
	erik := identity.Stamp{Org: "ESSESESS", User: "erik", Client: "tradefin-portal"}
	if _, _, err := f.app.Commands.RaisePayment.Handle(f.ctx, command.RaisePayment{Obligation: o, By: erik}); err != nil {
		f.t.Fatal(err)
	}
	return contracts.PaymentRef{TradeID: o.TradeID, LCID: lc, PresentationID: "P-1"}, domain.PaymentID(o)
}

// reject is the settlement bank's pacs.002 rejecting the payment's current attempt.
func (f *fixture) reject(id, reason string) {
	f.t.Helper()
	nils := identity.Actor{Org: "NCLRSESS", OrgKind: identity.Bank, Subject: "nils", Roles: []string{identity.RolePaymentsOfficer}}
	p, err := f.app.Queries.Payment.Handle(f.ctx, nils, id)
	if err != nil {
		f.t.Fatal(err)
	}
	a := p.Current()
	rep := domain.StatusReport{MsgID: "S-" + a.MsgID, OrgnlMsgID: a.MsgID,
		Transactions: []domain.TransactionStatus{{OrgnlUETR: a.UETR, Status: "RJCT", Reasons: []string{reason}}}}
	if _, err := f.app.Commands.ApplyStatusReport.Handle(f.ctx, nils, command.ApplyStatusReport{PaymentID: id, Report: rep}); err != nil {
		f.t.Fatal(err)
	}
}

func (f *fixture) payment(id string) *domain.Payment {
	f.t.Helper()
	p, err := f.app.Queries.Payment.Handle(f.ctx, identity.Actor{Org: "TRADEREG", OrgKind: identity.Auditor, Roles: []string{identity.RoleAuditor}}, id)
	if err != nil {
		f.t.Fatal(err)
	}
	return p
}

// applicationError is the activity's failure as the workflow sees it.
func applicationError(t *testing.T, err error, wantType string) {
	t.Helper()
	var ae *temporal.ApplicationError
	if !errors.As(err, &ae) || ae.Type() != wantType || ae.NonRetryable() {
		t.Fatalf("activity failure %v, want a retryable %s", err, wantType)
	}
}

// TestInstructPaymentOnTemporal runs the activity through the real Temporal dev server as the
// trade workflow calls it: after the honour, and again after each settlement.payment_failed.v1
// (contracts/activities.go). A rejection that may pass by itself is instructed again at once; one
// that needs a person answers a retryable "AwaitingCorrection", on which Temporal keeps retrying
// until the payments officer's correction, and then the activity answers "instructed".
func TestInstructPaymentOnTemporal(t *testing.T) {
	f := newFixture(t)
	if _, err := f.pay(contracts.PaymentRef{TradeID: "T-none", LCID: "none", PresentationID: "P-1"}, 1); err == nil {
		t.Fatal("a payment not raised yet was instructed")
	}
	ref, id := f.raise("LC-S", 84_000_00)
	if st, err := f.pay(ref, 0); err != nil || st != "instructed" {
		t.Fatalf("after the honour: %q %v", st, err)
	}
	if st, err := f.pay(ref, 0); err != nil || st != "instructed" || len(f.payment(id).Attempts) != 1 {
		t.Fatalf("run again (a retried activity): %q %v", st, err)
	}
	if by := f.payment(id).Current().InstructedBy; by != identity.Workflow.Stamp() {
		t.Fatalf("instructed by %+v", by)
	}

	f.reject(id, "TM01") // after the cut-off: passes by itself
	if st, err := f.pay(ref, 0); err != nil || st != "instructed" {
		t.Fatalf("after a TM01 rejection: %q %v", st, err)
	}
	p := f.payment(id)
	if len(p.Attempts) != 2 || p.Current().UETR == p.Attempts[0].UETR {
		t.Fatalf("attempts after the re-instruction: %+v", p.Attempts)
	}

	f.reject(id, "AC01") // wrong account: a person corrects
	_, err := f.pay(ref, 1)
	applicationError(t, err, orchestration.ErrorTypeAwaitingCorrection)
	if n := len(f.payment(id).Attempts); n != 2 {
		t.Fatalf("awaiting correction made an attempt: %d attempts", n)
	}

	run := f.start(ref, 0) // the workflow waits, Temporal retrying, until the correction
	waitRetrying(t, f, run, orchestration.ErrorTypeAwaitingCorrection)
	per := identity.Actor{Org: "ESSESESS", OrgKind: identity.Bank, Subject: "per", Client: "tradefin-portal", Roles: []string{identity.RolePaymentsOfficer}}
	if _, err := f.app.Commands.Correct.Handle(f.ctx, per, command.Correct{PaymentID: id, CreditorAccount: "DE89370400440532013000"}); err != nil {
		t.Fatal(err)
	}
	var st string
	if err := run.Get(f.ctx, &st); err != nil || st != "instructed" {
		t.Fatalf("after the correction: %q %v", st, err)
	}
	if p := f.payment(id); len(p.Attempts) != 3 || p.Current().CreditorAccount != "DE89370400440532013000" {
		t.Fatalf("attempts after the correction: %+v", p.Attempts)
	}

	big, bigID := f.raise("LC-B", 100_000_01)
	_, err = f.pay(big, 1)
	applicationError(t, err, orchestration.ErrorTypeAwaitingApproval)
	if p := f.payment(bigID); p.Status != domain.StatusAwaitingApproval {
		t.Fatalf("above the threshold: %s", p.Status)
	}
}

// waitRetrying waits until Temporal has retried the run's activity at least once after a
// failure of errType: what the trade view and an operator see of a payment that waits.
func waitRetrying(t *testing.T, f *fixture, run client.WorkflowRun, errType string) {
	t.Helper()
	for {
		d, err := f.c.DescribeWorkflowExecution(f.ctx, run.GetID(), run.GetRunID())
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range d.GetPendingActivities() {
			if a.GetAttempt() >= 2 && a.GetState() != enumspb.PENDING_ACTIVITY_STATE_STARTED &&
				a.GetLastFailure().GetApplicationFailureInfo().GetType() == errType {
				return
			}
		}
		select {
		case <-f.ctx.Done():
			t.Fatalf("the activity was not retried after %s", errType)
		case <-time.After(100 * time.Millisecond):
		}
	}
}
