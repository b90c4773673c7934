package app_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/settlement/adapters/fxtable"
	"github.com/tradefin/tradefin/services/settlement/app"
	"github.com/tradefin/tradefin/services/settlement/app/command"
	"github.com/tradefin/tradefin/services/settlement/domain"
)

// memRepo is an in-memory repository for the pure use-case logic (the event-sourced one is tested
// in adapters/store against SQLite and PostgreSQL).
type memRepo map[string][]domain.Event

func (m memRepo) Create(_ context.Context, p *domain.Payment) (*domain.Payment, bool, error) {
	if h, ok := m[p.ID()]; ok {
		return domain.Rebuild(h), false, nil
	}
	m[p.ID()] = p.Uncommitted()
	p.MarkCommitted()
	return p, true, nil
}

func (m memRepo) Get(_ context.Context, id string) (*domain.Payment, error) {
	h, ok := m[id]
	if !ok {
		return nil, domain.ErrNotFound
	}
	return domain.Rebuild(h), nil
}

func (m memRepo) Update(ctx context.Context, id string, fn func(*domain.Payment) error) (*domain.Payment, error) {
	p, err := m.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := fn(p); err != nil {
		return nil, err
	}
	m[id] = append(m[id], p.Uncommitted()...)
	p.MarkCommitted()
	return p, nil
}

// seqIDs numbers the message identifiers: MSG1 with UETR …f001, MSG2 with …f002, ...
type seqIDs struct{ n int }

func (s *seqIDs) MsgID() string { s.n++; return fmt.Sprintf("MSG%d", s.n) }
func (s *seqIDs) UETR() string  { return fmt.Sprintf("8a562c67-ca16-48ba-b074-65581be6f%03d", s.n) }

var t0 = time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)

var (
	policy = app.Policy{SettlementAgent: "NCLRSESS"}
	erik   = identity.Actor{Org: "BNPAFRPP", OrgKind: identity.Bank, Subject: "erik", Client: "portal", Roles: []string{identity.RoleTradeOfficer}}
	per    = identity.Actor{Org: "BNPAFRPP", OrgKind: identity.Bank, Subject: "per", Client: "portal", Roles: []string{identity.RolePaymentsOfficer}}
	sara   = identity.Actor{Org: "BNPAFRPP", OrgKind: identity.Bank, Subject: "sara", Client: "portal", Roles: []string{identity.RoleApprover}}
	nils   = identity.Actor{Org: "NCLRSESS", OrgKind: identity.Bank, Subject: "nils", Client: "nclr-gateway", Roles: []string{identity.RolePaymentsOfficer}}
	oscar  = identity.Actor{Org: "OTHRGB2L", OrgKind: identity.Bank, Subject: "oscar", Client: "portal",
		Roles: []string{identity.RolePaymentsOfficer, identity.RoleApprover}}
)

// report is the settlement bank's pacs.002 on p's current attempt, as the adapter decodes it.
func report(p *domain.Payment, code string, reasons ...string) command.ApplyStatusReport {
	a := p.Current()
	return command.ApplyStatusReport{PaymentID: p.ID(), Report: domain.StatusReport{MsgID: "S", OrgnlMsgID: a.MsgID,
		Transactions: []domain.TransactionStatus{{OrgnlUETR: a.UETR, Status: code, Reasons: reasons}}}}
}

func raise(t *testing.T, a app.Application, o domain.Obligation) string {
	t.Helper()
	if _, _, err := a.Commands.RaisePayment.Handle(context.Background(), command.RaisePayment{Obligation: o, By: erik.Stamp()}); err != nil {
		t.Fatal(err)
	}
	return domain.PaymentID(o)
}

func TestInstructAndStatus(t *testing.T) {
	ctx := context.Background()
	a := app.New(memRepo{}, fxtable.Dev(), &seqIDs{}, func() time.Time { return t0 }, policy)
	o := domain.Obligation{TradeID: "T", LCID: "LC", PresentationID: "P", Amount: money.New(100, money.MustCurrency("USD")),
		IssuingBank: "BNPAFRPP", AdvisingBank: "DEUTDEFF", AccountCurrency: money.MustCurrency("GBP")}
	id := raise(t, a, o)
	if _, err := a.Commands.Release.Handle(ctx, identity.Workflow, command.Release{PaymentID: id}); domain.KindOf(err) != domain.KindInvalid {
		t.Fatalf("USD/GBP is not in the table, instruct must refuse: %v", err)
	}
	o.AccountCurrency = money.MustCurrency("EUR")
	o.PresentationID = "P2"
	id = raise(t, a, o)
	p, err := a.Commands.Release.Handle(ctx, identity.Workflow, command.Release{PaymentID: id})
	if err != nil {
		t.Fatal(err)
	}
	again, _ := a.Commands.Release.Handle(ctx, identity.Workflow, command.Release{PaymentID: id})
	if len(again.Attempts) != 1 || again.Current().UETR != p.Current().UETR || p.Current().Credited != money.New(92, money.MustCurrency("EUR")) {
		t.Fatalf("instruction not idempotent or wrong amount: %+v", again.Attempts) // USD 1.00 × 0.9223 = EUR 0.9223 → 0.92
	}
	wrong := report(p, "ACSC")
	wrong.Report.OrgnlMsgID = "OTHER"
	if _, err := a.Commands.ApplyStatusReport.Handle(ctx, nils, wrong); domain.KindOf(err) != domain.KindInvalid {
		t.Fatalf("status report for another message applied: %v", err)
	}
	got, err := a.Commands.ApplyStatusReport.Handle(ctx, nils, report(p, "ACSC"))
	if err != nil || got.Status != domain.StatusSettled {
		t.Fatalf("ACSC: %v %v", err, got)
	}
	if _, err := a.Queries.Balances.Handle(ctx, nils); domain.KindOf(err) != domain.KindNotFound {
		t.Fatal("balances without a projection")
	}
}

// TestFourEyesRelease: above the threshold the workflow's release waits; the approval by a second
// user of the debtor bank instructs; the maker never approves its own release.
func TestFourEyesRelease(t *testing.T) {
	ctx := context.Background()
	strict := policy
	strict.FourEyes = domain.FourEyes{PerCurrency: map[string]int64{"USD": 99}}
	a := app.New(memRepo{}, fxtable.Dev(), &seqIDs{}, func() time.Time { return t0 }, strict)
	id := raise(t, a, domain.Obligation{TradeID: "T", LCID: "LC", PresentationID: "P", Amount: money.New(100, money.MustCurrency("USD")),
		IssuingBank: "BNPAFRPP", AdvisingBank: "DEUTDEFF"})
	if _, err := a.Commands.Approve.Handle(ctx, sara, command.Approve{PaymentID: id}); domain.KindOf(err) != domain.KindConflict {
		t.Fatalf("approved before a release: %v", err)
	}
	p, err := a.Commands.Release.Handle(ctx, per, command.Release{PaymentID: id})
	if err != nil || p.Status != domain.StatusAwaitingApproval || p.Current() != nil {
		t.Fatalf("release above the threshold: %v %s", err, p.Status)
	}
	makerApprover := per
	makerApprover.Roles = []string{identity.RolePaymentsOfficer, identity.RoleApprover}
	for _, who := range []identity.Actor{makerApprover, oscar, per} {
		if _, err := a.Commands.Approve.Handle(ctx, who, command.Approve{PaymentID: id}); err == nil {
			t.Fatalf("%s of %s approved", who.Subject, who.Org)
		}
	}
	p, err = a.Commands.Approve.Handle(ctx, sara, command.Approve{PaymentID: id})
	if err != nil || p.Status != domain.StatusInstructed || p.Current().UETR == "" {
		t.Fatalf("approval: %v %v", err, p)
	}
	again, err := a.Commands.Approve.Handle(ctx, sara, command.Approve{PaymentID: id})
	if err != nil || len(again.Attempts) != 1 {
		t.Fatalf("the checker's retried approval: %v", err)
	}
	if released, err := a.Commands.Release.Handle(ctx, identity.Workflow, command.Release{PaymentID: id}); err != nil || len(released.Attempts) != 1 {
		t.Fatalf("release after approval: %v", err)
	}
}

// TestFailedPaymentIsDrivenAgain: the workflow's release after settlement.payment_failed.v1
// instructs a new attempt when the rejection may pass by itself, answers "awaiting correction"
// otherwise; the payments officer's correction instructs the next attempt; above the threshold
// the correction waits for a checker who is not its maker, even one who approved the first
// release.
func TestFailedPaymentIsDrivenAgain(t *testing.T) {
	ctx := context.Background()
	strict := policy
	strict.FourEyes = domain.FourEyes{PerCurrency: map[string]int64{"EUR": 99}}
	a := app.New(memRepo{}, fxtable.Dev(), &seqIDs{}, func() time.Time { return t0 }, strict)
	id := raise(t, a, domain.Obligation{TradeID: "T", LCID: "LC", PresentationID: "P", Amount: money.New(100, money.MustCurrency("EUR")),
		IssuingBank: "BNPAFRPP", AdvisingBank: "DEUTDEFF", BeneficiaryAccount: "DE89370400440532013000"})
	release := func() (*domain.Payment, error) {
		return a.Commands.Release.Handle(ctx, identity.Workflow, command.Release{PaymentID: id})
	}
	if _, err := release(); err != nil {
		t.Fatal(err)
	}
	p, err := a.Commands.Approve.Handle(ctx, sara, command.Approve{PaymentID: id})
	if err != nil {
		t.Fatal(err)
	}
	if p, err = a.Commands.ApplyStatusReport.Handle(ctx, nils, report(p, "RJCT", "TM01")); err != nil || p.Status != domain.StatusFailed {
		t.Fatalf("TM01: %v %v", err, p.Status)
	}
	p, err = release()
	if err != nil || p.Status != domain.StatusInstructed || len(p.Attempts) != 2 || p.Current().MsgID == p.Attempts[0].MsgID {
		t.Fatalf("re-instruction after TM01: %v %+v", err, p.Attempts)
	}
	if again, err := release(); err != nil || len(again.Attempts) != 2 {
		t.Fatalf("a retried re-instruction made another attempt: %v", err)
	}
	if _, err = a.Commands.ApplyStatusReport.Handle(ctx, nils, report(p, "RJCT", "AC01")); err != nil {
		t.Fatal(err)
	}
	if _, err := release(); !errors.Is(err, domain.ErrAwaitingCorrection) || domain.KindOf(err) != domain.KindConflict {
		t.Fatalf("AC01: %v", err)
	}
	correct := command.Correct{PaymentID: id, CreditorAccount: "PT50000201231234567890154"}
	if _, err := a.Commands.Correct.Handle(ctx, identity.Workflow, correct); domain.KindOf(err) != domain.KindForbidden {
		t.Fatalf("the workflow corrected: %v", err)
	}
	if _, err := a.Commands.Correct.Handle(ctx, oscar, correct); err != domain.ErrNotFound {
		t.Fatalf("another bank corrected: %v", err)
	}
	p, err = a.Commands.Correct.Handle(ctx, per, correct)
	if err != nil || p.Status != domain.StatusAwaitingApproval || len(p.Attempts) != 2 {
		t.Fatalf("correction above the threshold: %v %v", err, p.Status)
	}
	if p, err := a.Commands.Correct.Handle(ctx, per, correct); err != nil || len(p.Corrections) != 1 {
		t.Fatalf("the retried correction: %v", err)
	}
	if _, err := release(); err != nil {
		t.Fatalf("the workflow while the correction awaits approval: %v", err) // its activity answers awaiting approval
	}
	perApprover := per
	perApprover.Roles = append(perApprover.Roles, identity.RoleApprover)
	if _, err := a.Commands.Approve.Handle(ctx, perApprover, command.Approve{PaymentID: id}); domain.KindOf(err) != domain.KindForbidden {
		t.Fatalf("the correction's maker approved it: %v", err)
	}
	p, err = a.Commands.Approve.Handle(ctx, sara, command.Approve{PaymentID: id})
	if err != nil || p.Status != domain.StatusInstructed || len(p.Attempts) != 3 || p.Current().CreditorAccount != correct.CreditorAccount {
		t.Fatalf("approved correction: %v %+v", err, p.Current())
	}
	if p, err = a.Commands.ApplyStatusReport.Handle(ctx, nils, report(p, "ACSC")); err != nil || p.Status != domain.StatusSettled {
		t.Fatalf("attempt 3 settles: %v", err)
	}
}

// TestRaiseConflict: an obligation under an existing payment ID with other terms is a conflict;
// the same terms again are idempotent.
func TestRaiseConflict(t *testing.T) {
	ctx := context.Background()
	a := app.New(memRepo{}, fxtable.Dev(), &seqIDs{}, func() time.Time { return t0 }, policy)
	o := domain.Obligation{TradeID: "T", LCID: "LC", PresentationID: "P", Amount: money.New(100, money.MustCurrency("EUR")),
		IssuingBank: "BNPAFRPP", AdvisingBank: "DEUTDEFF"}
	if _, created, err := a.Commands.RaisePayment.Handle(ctx, command.RaisePayment{Obligation: o, By: erik.Stamp()}); err != nil || !created {
		t.Fatal(err)
	}
	if _, created, err := a.Commands.RaisePayment.Handle(ctx, command.RaisePayment{Obligation: o, By: erik.Stamp()}); err != nil || created {
		t.Fatalf("same terms again: %v %v", created, err)
	}
	other := o
	other.Amount = money.New(1_000_000_00, money.MustCurrency("EUR"))
	p, _, err := a.Commands.RaisePayment.Handle(ctx, command.RaisePayment{Obligation: other, By: erik.Stamp()})
	if domain.KindOf(err) != domain.KindConflict || !strings.Contains(err.Error(), "amount") {
		t.Fatalf("other terms: %v", err)
	}
	if p.Obligation.Amount != o.Amount {
		t.Fatalf("stored obligation changed: %+v", p.Obligation)
	}
}

// TestReadsNeedToKnow: a payment the caller is no party to is not found, as a missing one, for
// a read or a command; a party without the right is refused naming the rule.
func TestReadsNeedToKnow(t *testing.T) {
	ctx := context.Background()
	a := app.New(memRepo{}, fxtable.Dev(), &seqIDs{}, func() time.Time { return t0 }, policy)
	id := raise(t, a, domain.Obligation{TradeID: "T", LCID: "LC", PresentationID: "P", Amount: money.New(100, money.MustCurrency("EUR")),
		IssuingBank: "BNPAFRPP", AdvisingBank: "DEUTDEFF"})
	if _, err := a.Queries.Payment.Handle(ctx, nils, id); err != nil {
		t.Fatalf("settlement bank: %v", err)
	}
	if _, err := a.Queries.Payment.Handle(ctx, oscar, id); err != domain.ErrNotFound {
		t.Fatalf("other bank: %v", err)
	}
	if _, _, err := a.Queries.Attempt.Handle(ctx, oscar, id, 0); err != domain.ErrNotFound {
		t.Fatalf("other bank's pacs.009: %v", err)
	}
	if _, _, err := a.Queries.Attempt.Handle(ctx, nils, id, 0); domain.KindOf(err) != domain.KindNotFound {
		t.Fatalf("the pacs.009 of a payment not instructed: %v", err)
	}
	if _, err := a.Commands.Release.Handle(ctx, oscar, command.Release{PaymentID: id}); err != domain.ErrNotFound {
		t.Fatalf("other bank releases: %v", err)
	}
	if _, err := a.Commands.Approve.Handle(ctx, oscar, command.Approve{PaymentID: id}); err != domain.ErrNotFound {
		t.Fatalf("other bank approves: %v", err)
	}
	if _, err := a.Commands.Release.Handle(ctx, erik, command.Release{PaymentID: id}); domain.KindOf(err) != domain.KindForbidden || err.Error() != domain.RuleRelease {
		t.Fatalf("the debtor's trade officer releases: %v", err)
	}
	if p, err := a.Queries.Payment.Handle(ctx, erik, id); err != nil || p.Status != domain.StatusRaised {
		t.Fatalf("a refused command changed the payment: %v %v", p, err)
	}
}
