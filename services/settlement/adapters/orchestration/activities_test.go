package orchestration_test

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/eventsourcing/sqlstore"
	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/settlement/adapters/fxtable"
	"github.com/tradefin/tradefin/services/settlement/adapters/ids"
	"github.com/tradefin/tradefin/services/settlement/adapters/orchestration"
	"github.com/tradefin/tradefin/services/settlement/adapters/store"
	"github.com/tradefin/tradefin/services/settlement/app"
	"github.com/tradefin/tradefin/services/settlement/domain"
)

// TestInstructPayment: the activity acts as the trade workflow; below the threshold it instructs,
// above it it reports "awaiting approval" as a retryable error until a second user approves, and
// a payment not raised yet is a retryable error too.
func TestInstructPayment(t *testing.T) {
	ctx := context.Background()
	es, err := sqlstore.OpenSQLite(ctx, filepath.Join(t.TempDir(), "es.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer es.Close()
	pol := app.Policy{SettlementAgent: "NCLRSESS", FourEyes: domain.FourEyes{PerCurrency: map[string]int64{"EUR": 100_000_00}}}
	a := app.New(store.New(es), fxtable.Dev(), ids.Random{Prefix: "TF"}, time.Now, pol)
	act := orchestration.Activities{App: a}
	erik := identity.Stamp{Org: "ESSESESS", User: "erik", Client: "tradefin-portal"}
	raise := func(lc string, minor int64) contracts.PaymentRef {
		o := domain.Obligation{TradeID: "T-" + lc, LCID: lc, PresentationID: "P-1", Amount: money.New(minor, money.MustCurrency("EUR")),
			IssuingBank: "ESSESESS", AdvisingBank: "BCOMPTPL"}
		if _, _, err := a.Commands.RaisePayment.Handle(ctx, o, erik); err != nil {
			t.Fatal(err)
		}
		return contracts.PaymentRef{TradeID: o.TradeID, LCID: lc, PresentationID: "P-1"}
	}
	if _, err := act.InstructPayment(ctx, contracts.PaymentRef{TradeID: "T-none", LCID: "none", PresentationID: "P-1"}); domain.KindOf(err) != domain.KindNotFound {
		t.Fatalf("payment not raised yet: %v", err)
	}
	small := raise("LC-S", 84_000_00)
	if st, err := act.InstructPayment(ctx, small); err != nil || st != "instructed" {
		t.Fatalf("below the threshold: %q %v", st, err)
	}
	p, _ := a.Queries.Payment.Handle(ctx, identity.Actor{Org: "NCLRSESS", OrgKind: identity.Bank}, domain.PaymentID(domain.Obligation{TradeID: "T-LC-S", LCID: "LC-S", PresentationID: "P-1"}))
	if p.InstructedBy != identity.Workflow.Stamp() {
		t.Fatalf("instructed by %+v", p.InstructedBy)
	}

	big := raise("LC-B", 100_000_01)
	for range 2 {
		if _, err := act.InstructPayment(ctx, big); !errors.Is(err, orchestration.ErrAwaitingApproval) {
			t.Fatalf("above the threshold: %v", err)
		}
	}
	sara := identity.Actor{Org: "ESSESESS", OrgKind: identity.Bank, Subject: "sara", Client: "tradefin-portal", Roles: []string{identity.RoleApprover}}
	if _, _, err := a.Commands.Approve.Handle(ctx, sara, domain.PaymentID(domain.Obligation{TradeID: "T-LC-B", LCID: "LC-B", PresentationID: "P-1"})); err != nil {
		t.Fatal(err)
	}
	if st, err := act.InstructPayment(ctx, big); err != nil || st != "instructed" {
		t.Fatalf("after approval: %q %v", st, err)
	}
}
