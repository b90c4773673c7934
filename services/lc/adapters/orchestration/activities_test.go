//go:build !unit

package orchestration_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/eventsourcing/sqlstore"
	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/identity/identitytest"
	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/lc/adapters/calendars"
	"github.com/tradefin/tradefin/services/lc/adapters/orchestration"
	"github.com/tradefin/tradefin/services/lc/adapters/store"
	"github.com/tradefin/tradefin/services/lc/app"
	"github.com/tradefin/tradefin/services/lc/app/command"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// expireFlow stands in for the trade workflow: it asks the LC service to expire a credit, as
// the workflow does when the credit's presentable-until instant passes.
func expireFlow(ctx workflow.Context, queue string, req contracts.ExpireCredit) (contracts.ExpiryOutcome, error) {
	ctx = workflow.WithActivityOptions(ctx, workflow.ActivityOptions{TaskQueue: queue, StartToCloseTimeout: 10 * time.Second,
		RetryPolicy: &temporal.RetryPolicy{MaximumAttempts: 3}})
	var out contracts.ExpiryOutcome
	err := workflow.ExecuteActivity(ctx, contracts.ExpireCreditActivity, req).Get(ctx, &out)
	return out, err
}

// TestExpireCreditOnTemporal runs the activity on the real Temporal dev server, called by name
// from a workflow as the trade workflow calls it (contracts.ExpireCreditActivity): before the
// instant the credit answers EXTENDED with it; after it EXPIRED, once (lc.expired.v1 in the outbox,
// a second call answers the same and adds nothing); a refused presentation awaiting the
// applicant's waiver answers DEFERRED until the decision period ends; a credit of another trade,
// or a malformed trade ID, fails without retries.
func TestExpireCreditOnTemporal(t *testing.T) {
	ctx := context.Background()
	tc, err := client.Dial(client.Options{HostPort: testenv.TemporalAddress(t)})
	if err != nil {
		t.Fatal(err)
	}
	defer tc.Close()
	es, err := sqlstore.OpenSQLite(ctx, filepath.Join(t.TempDir(), "lc.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer es.Close()
	now := time.Date(2026, 12, 20, 9, 0, 0, 0, time.UTC)
	a := app.New(store.NewRepository(es), store.NewTradeClaims(es), app.Settings{Policy: domain.Policy{Calendars: calendars.Default()},
		Now: func() time.Time { return now }})

	queue := fmt.Sprintf("lc-test-%d", time.Now().UnixNano()) // the contract's queue, lc, is the running service's
	w := worker.New(tc, queue, worker.Options{})
	w.RegisterWorkflow(expireFlow)
	orchestration.Activities{App: a}.Register(w)
	if err := w.Start(); err != nil {
		t.Fatal(err)
	}
	defer w.Stop()
	expire := func(tradeID, lcID string) (contracts.ExpiryOutcome, error) {
		run, err := tc.ExecuteWorkflow(ctx, client.StartWorkflowOptions{TaskQueue: queue, WorkflowExecutionTimeout: 30 * time.Second}, expireFlow, queue,
			contracts.ExpireCredit{TradeID: tradeID, LCID: lcID})
		if err != nil {
			t.Fatal(err)
		}
		var out contracts.ExpiryOutcome
		err = run.Get(ctx, &out)
		return out, err
	}

	as := func(actor identity.Actor) context.Context { return identity.WithActor(ctx, actor) }
	open := func(id string, expiry domain.Date) {
		t.Helper()
		terms := domain.Terms{Number: "ILC-" + id, Applicant: domain.Party{ID: identitytest.Ingrid.Org, Name: "Nordic Imports AB"},
			Beneficiary: domain.Party{ID: identitytest.Joao.Org, Name: "Azulejos Lisboa Lda"}, IssuingBank: "ESSESESS", AdvisingBank: "BCOMPTPL",
			Amount: money.New(84_000_00, money.MustCurrency("EUR")), ExpiryDate: expiry, ExpiryPlace: "Lisbon",
			Documents: []domain.DocumentKind{domain.CommercialInvoice}}
		if _, _, err := a.Commands.ApplyForCredit.Handle(as(identitytest.Ingrid), command.ApplyForCredit{ID: id, TradeID: "T-" + id, Terms: terms}); err != nil {
			t.Fatal(err)
		}
		if _, err := a.Commands.IssueCredit.Handle(as(identitytest.Erik), command.IssueCredit{ID: id, On: domain.NewDate(2026, 11, 2)}); err != nil {
			t.Fatal(err)
		}
	}

	// Expiring on Christmas in Lisbon: presentable until the end of Monday the 28th (UCP 600 Art. 29(a)).
	open("LC-EXP", domain.NewDate(2026, 12, 25))
	if out, err := expire("T-LC-EXP", "LC-EXP"); err != nil || out.Status != contracts.ExpiryExtended || out.PresentableUntil != "2026-12-29T00:00:00Z" {
		t.Fatalf("before the instant: %+v %v", out, err)
	}
	now = time.Date(2026, 12, 29, 0, 0, 0, 0, time.UTC)
	for range 2 {
		if out, err := expire("T-LC-EXP", "LC-EXP"); err != nil || out.Status != contracts.ExpiryExpired {
			t.Fatalf("after the instant: %+v %v", out, err)
		}
	}
	pending, _ := es.PendingOutbox(ctx, 100)
	var expired []string
	for _, m := range pending {
		if m.Headers["ce_type"] == "lc.expired.v1" {
			expired = append(expired, m.Key)
		}
	}
	if len(expired) != 1 || expired[0] != "T-LC-EXP" {
		t.Fatalf("lc.expired.v1 in the outbox: %v", expired)
	}

	// A refused presentation awaiting the waiver: deferred until the decision period ends.
	now = time.Date(2026, 12, 21, 10, 0, 0, 0, time.UTC)
	open("LC-REF", domain.NewDate(2026, 12, 22))
	bad := domain.Presentation{Date: domain.NewDate(2026, 12, 21), Place: "Lisbon", Documents: []domain.Document{{Kind: domain.PackingList}}}
	if _, err := a.Commands.PresentDocuments.Handle(as(identitytest.Joao), command.PresentDocuments{CreditID: "LC-REF", PresentationID: "P-1", Presentation: bad}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Commands.DecideExamination.Handle(as(identitytest.Erik), command.DecideExamination{CreditID: "LC-REF", PresentationID: "P-1",
		Decision: domain.ExaminationDecision{Disposal: domain.HoldPendingWaiver}}); err != nil {
		t.Fatal(err)
	}
	now = time.Date(2026, 12, 23, 9, 0, 0, 0, time.UTC)
	if out, err := expire("T-LC-REF", "LC-REF"); err != nil || out.Status != contracts.ExpiryDeferred {
		t.Fatalf("a refusal awaiting the waiver: %+v %v", out, err)
	}
	// Five banking days of the issuing bank (Stockholm) after Monday the 21st: 22, 23, 28, 29, 30
	// (Christmas Eve to Boxing Day and the weekend closed), ending at 23:00 UTC on the 30th.
	now = time.Date(2026, 12, 31, 0, 0, 0, 0, time.UTC)
	if out, err := expire("T-LC-REF", "LC-REF"); err != nil || out.Status != contracts.ExpiryExpired {
		t.Fatalf("after the decision period: %+v %v", out, err)
	}

	for _, c := range []struct{ trade, lc string }{{"T-OTHER", "LC-EXP"}, {"T-NONE", "LC-NONE"}, {"T/../x", "LC-EXP"}} {
		_, err := expire(c.trade, c.lc)
		var app *temporal.ApplicationError
		if !errors.As(err, &app) || !app.NonRetryable() {
			t.Errorf("%s/%s: %v, want a non-retryable failure", c.trade, c.lc, err)
		}
	}
}
