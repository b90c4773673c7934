package app_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/events/problem"
	"github.com/tradefin/tradefin/services/settlement/adapters/fxtable"
	"github.com/tradefin/tradefin/services/settlement/app"
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

type seqIDs struct{ n int }

func (s *seqIDs) MsgID() string { s.n++; return "MSG" + string(rune('0'+s.n)) }
func (s *seqIDs) UETR() string  { return "8a562c67-ca16-48ba-b074-65581be6f00" + string(rune('0'+s.n)) }

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

func TestInstructAndStatus(t *testing.T) {
	ctx := context.Background()
	a := app.New(memRepo{}, fxtable.Dev(), &seqIDs{}, func() time.Time { return t0 }, policy)
	o := domain.Obligation{TradeID: "T", LCID: "LC", PresentationID: "P", Amount: money.New(100, money.MustCurrency("USD")),
		IssuingBank: "BNPAFRPP", AdvisingBank: "DEUTDEFF", AccountCurrency: money.MustCurrency("GBP")}
	if _, _, err := a.Commands.RaisePayment.Handle(ctx, o, erik.Stamp()); err != nil {
		t.Fatal(err)
	}
	id := domain.PaymentID(o)
	if _, _, err := a.Commands.Release.Handle(ctx, identity.Workflow, id); domain.KindOf(err) != domain.KindInvalid {
		t.Fatalf("USD/GBP is not in the table, instruct must refuse: %v", err)
	}
	o.AccountCurrency = money.MustCurrency("EUR")
	o.PresentationID = "P2"
	if _, _, err := a.Commands.RaisePayment.Handle(ctx, o, erik.Stamp()); err != nil {
		t.Fatal(err)
	}
	id = domain.PaymentID(o)
	p, x1, err := a.Commands.Release.Handle(ctx, identity.Workflow, id)
	if err != nil {
		t.Fatal(err)
	}
	_, x2, _ := a.Commands.Release.Handle(ctx, identity.Workflow, id)
	if string(x1) != string(x2) || !strings.Contains(string(x1), `<IntrBkSttlmAmt Ccy="EUR">0.92</IntrBkSttlmAmt>`) {
		t.Fatalf("instruction not idempotent or wrong amount:\n%s", x1) // USD 1.00 × 0.9223 = EUR 0.9223 → 0.92
	}
	wrongMsg := `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.002.001.10"><FIToFIPmtStsRpt><GrpHdr><MsgId>S</MsgId></GrpHdr><OrgnlGrpInfAndSts><OrgnlMsgId>OTHER</OrgnlMsgId><GrpSts>ACSC</GrpSts></OrgnlGrpInfAndSts></FIToFIPmtStsRpt></Document>`
	if _, err := a.Commands.ApplyStatus.Handle(ctx, nils, id, []byte(wrongMsg)); domain.KindOf(err) != domain.KindInvalid {
		t.Fatalf("status report for another message applied: %v", err)
	}
	ok := strings.Replace(wrongMsg, "OTHER", p.MsgID, 1)
	got, err := a.Commands.ApplyStatus.Handle(ctx, nils, id, []byte(ok))
	if err != nil || got.Status != domain.StatusSettled {
		t.Fatalf("group status ACSC: %v %v", err, got)
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
	o := domain.Obligation{TradeID: "T", LCID: "LC", PresentationID: "P", Amount: money.New(100, money.MustCurrency("USD")),
		IssuingBank: "BNPAFRPP", AdvisingBank: "DEUTDEFF"}
	if _, _, err := a.Commands.RaisePayment.Handle(ctx, o, erik.Stamp()); err != nil {
		t.Fatal(err)
	}
	id := domain.PaymentID(o)
	if _, _, err := a.Commands.Approve.Handle(ctx, sara, id); domain.KindOf(err) != domain.KindConflict {
		t.Fatalf("approved before a release: %v", err)
	}
	p, xml, err := a.Commands.Release.Handle(ctx, per, id)
	if err != nil || p.Status != domain.StatusAwaitingApproval || xml != nil {
		t.Fatalf("release above the threshold: %v %s %s", err, p.Status, xml)
	}
	makerApprover := per
	makerApprover.Roles = []string{identity.RolePaymentsOfficer, identity.RoleApprover}
	for _, who := range []identity.Actor{makerApprover, oscar, per} {
		if _, _, err := a.Commands.Approve.Handle(ctx, who, id); err == nil {
			t.Fatalf("%s of %s approved", who.Subject, who.Org)
		}
	}
	p, xml, err = a.Commands.Approve.Handle(ctx, sara, id)
	if err != nil || p.Status != domain.StatusInstructed || !strings.Contains(string(xml), "<UETR>") {
		t.Fatalf("approval: %v %v\n%s", err, p, xml)
	}
	_, again, err := a.Commands.Approve.Handle(ctx, sara, id)
	if err != nil || string(again) != string(xml) {
		t.Fatalf("the checker's retried approval: %v", err)
	}
	if _, released, err := a.Commands.Release.Handle(ctx, identity.Workflow, id); err != nil || string(released) != string(xml) {
		t.Fatalf("release after approval: %v", err)
	}
}

// TestRaiseConflict: an obligation under an existing payment ID with other terms is a conflict;
// the same terms again are idempotent.
func TestRaiseConflict(t *testing.T) {
	ctx := context.Background()
	a := app.New(memRepo{}, fxtable.Dev(), &seqIDs{}, func() time.Time { return t0 }, policy)
	o := domain.Obligation{TradeID: "T", LCID: "LC", PresentationID: "P", Amount: money.New(100, money.MustCurrency("EUR")),
		IssuingBank: "BNPAFRPP", AdvisingBank: "DEUTDEFF"}
	if _, created, err := a.Commands.RaisePayment.Handle(ctx, o, erik.Stamp()); err != nil || !created {
		t.Fatal(err)
	}
	if _, created, err := a.Commands.RaisePayment.Handle(ctx, o, erik.Stamp()); err != nil || created {
		t.Fatalf("same terms again: %v %v", created, err)
	}
	other := o
	other.Amount = money.New(1_000_000_00, money.MustCurrency("EUR"))
	p, _, err := a.Commands.RaisePayment.Handle(ctx, other, erik.Stamp())
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
	o := domain.Obligation{TradeID: "T", LCID: "LC", PresentationID: "P", Amount: money.New(100, money.MustCurrency("EUR")),
		IssuingBank: "BNPAFRPP", AdvisingBank: "DEUTDEFF"}
	if _, _, err := a.Commands.RaisePayment.Handle(ctx, o, erik.Stamp()); err != nil {
		t.Fatal(err)
	}
	id := domain.PaymentID(o)
	if _, err := a.Queries.Payment.Handle(ctx, nils, id); err != nil {
		t.Fatalf("settlement bank: %v", err)
	}
	if _, err := a.Queries.Payment.Handle(ctx, oscar, id); err != domain.ErrNotFound {
		t.Fatalf("other bank: %v", err)
	}
	if _, err := a.Queries.Message.Handle(ctx, oscar, id); err != domain.ErrNotFound {
		t.Fatalf("other bank's pacs.009: %v", err)
	}
	if _, _, err := a.Commands.Release.Handle(ctx, oscar, id); err != domain.ErrNotFound {
		t.Fatalf("other bank releases: %v", err)
	}
	if _, _, err := a.Commands.Approve.Handle(ctx, oscar, id); err != domain.ErrNotFound {
		t.Fatalf("other bank approves: %v", err)
	}
	var pe *problem.Error
	if _, _, err := a.Commands.Release.Handle(ctx, erik, id); !errors.As(err, &pe) || pe.Kind != problem.Forbidden || pe.Detail != domain.RuleRelease {
		t.Fatalf("the debtor's trade officer releases: %v", err)
	}
	if p, err := a.Queries.Payment.Handle(ctx, erik, id); err != nil || p.Status != domain.StatusRaised {
		t.Fatalf("a refused command changed the payment: %v %v", p, err)
	}
}
