package store_test

import (
	"context"
	"encoding/json"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/messaging/eventbus"
	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/settlement/adapters/fxtable"
	"github.com/tradefin/tradefin/services/settlement/adapters/ids"
	"github.com/tradefin/tradefin/services/settlement/adapters/iso20022"
	"github.com/tradefin/tradefin/services/settlement/adapters/store"
	"github.com/tradefin/tradefin/services/settlement/app"
	"github.com/tradefin/tradefin/services/settlement/app/command"
	"github.com/tradefin/tradefin/services/settlement/domain"
)

// backends are the real stores: SQLite and PostgreSQL.
func backends(*testing.T) map[string]func(t *testing.T) eventstore.Store {
	return testenv.EventStores()
}

func obligation() domain.Obligation {
	return domain.Obligation{TradeID: "T1", LCID: "LC1", PresentationID: "P1", Amount: money.New(10000000, money.MustCurrency("EUR")),
		IssuingBank: "BNPAFRPP", AdvisingBank: "CHASUS33XXX", Beneficiary: "ACME", AccountCurrency: money.MustCurrency("USD")}
}

var (
	policy   = app.Policy{SettlementAgent: "NCLRSESS"}
	honourer = identity.Stamp{Org: "BNPAFRPP", User: "erik", Client: "portal"}
	nils     = identity.Actor{Org: "NCLRSESS", OrgKind: identity.Bank, Subject: "nils", Client: "nclr-gateway", Roles: []string{identity.RolePaymentsOfficer}}
)

const pacs002 = `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.002.001.10"><FIToFIPmtStsRpt>
<GrpHdr><MsgId>S1</MsgId></GrpHdr><OrgnlGrpInfAndSts><OrgnlMsgId>%s</OrgnlMsgId></OrgnlGrpInfAndSts>
<TxInfAndSts><OrgnlUETR>%s</OrgnlUETR><TxSts>%s</TxSts><StsRsnInf><Rsn><Cd>%s</Cd></Rsn></StsRsnInf></TxInfAndSts>
</FIToFIPmtStsRpt></Document>`

// statusReport is the settlement bank's pacs.002 on attempt a of p (the current one when nil),
// with reason AC04 unless one is given, decoded as the HTTP adapter decodes it.
func statusReport(p *domain.Payment, code string, reason ...string) command.ApplyStatusReport {
	return attemptReport(p, p.Current(), code, reason...)
}

func attemptReport(p *domain.Payment, a *domain.Attempt, code string, reason ...string) command.ApplyStatusReport {
	why := "AC04"
	if len(reason) > 0 {
		why = reason[0]
	}
	rep, err := iso20022.ParsePacs002([]byte(fmt.Sprintf(pacs002, a.MsgID, a.UETR, code, why)))
	if err != nil {
		panic(err)
	}
	return command.ApplyStatusReport{PaymentID: p.ID(), Report: rep}
}

// instructed raises the obligation() payment on es and has the workflow release it.
func instructed(t *testing.T, es eventstore.Store) (app.Application, *domain.Payment) {
	t.Helper()
	ctx := context.Background()
	a := app.New(store.New(es), fxtable.Dev(), ids.Random{Prefix: "TF"}, time.Now, policy).WithBalances(store.NewLedger(es))
	if _, _, err := a.Commands.RaisePayment.Handle(ctx, command.RaisePayment{Obligation: obligation(), By: honourer}); err != nil {
		t.Fatal(err)
	}
	p, err := a.Commands.Release.Handle(ctx, identity.Workflow, command.Release{PaymentID: domain.PaymentID(obligation())})
	if err != nil {
		t.Fatal(err)
	}
	return a, p
}

func TestRepository(t *testing.T) {
	for name, open := range backends(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			es := open(t)
			a := app.New(store.New(es), fxtable.Dev(), ids.Random{Prefix: "TF"}, time.Now, policy)

			// the same honour event raised concurrently twice gives one payment
			var wg sync.WaitGroup
			created := make(chan bool, 2)
			for range 2 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					_, c, err := a.Commands.RaisePayment.Handle(ctx, command.RaisePayment{Obligation: obligation(), By: honourer})
					if err != nil {
						t.Error(err)
					}
					created <- c
				}()
			}
			wg.Wait()
			close(created)
			n := 0
			for c := range created {
				if c {
					n++
				}
			}
			if n != 1 {
				t.Fatalf("%d payments created from one honour event", n)
			}
			id := domain.PaymentID(obligation())
			p, err := a.Commands.Release.Handle(ctx, identity.Workflow, command.Release{PaymentID: id})
			if err != nil {
				t.Fatal(err)
			}
			again, err := a.Commands.Release.Handle(ctx, identity.Workflow, command.Release{PaymentID: id})
			if err != nil || len(again.Attempts) != 1 || again.Current().MsgID != p.Current().MsgID {
				t.Fatalf("retried instruction gave another message: %v", err)
			}
			if c := p.Current(); c.Credited != money.New(10842000, money.MustCurrency("USD")) || c.Rate.Source == "" {
				t.Fatalf("credited %s rate %+v", c.Credited, c.Rate)
			}
			if _, err := a.Commands.ApplyStatusReport.Handle(ctx, nils, statusReport(p, "RJCT")); err != nil {
				t.Fatal(err)
			}
			got, err := a.Queries.Payment.Handle(ctx, nils, id)
			if err != nil {
				t.Fatal(err)
			}
			if c := got.Current(); got.Status != domain.StatusFailed || c.Reason != "AC04" || c.Reversal == nil || got.Version() != 4 || !got.AwaitsCorrection() {
				t.Fatalf("stored payment %+v", got)
			}
			if _, err := a.Queries.Payment.Handle(ctx, nils, "nope"); domain.KindOf(err) != domain.KindNotFound {
				t.Fatalf("missing payment: %v", err)
			}
			pending, err := es.PendingOutbox(ctx, 10)
			if err != nil {
				t.Fatal(err)
			}
			var types []string
			for _, m := range pending {
				types = append(types, m.Headers[eventbus.HeaderType])
				if m.Key != "T1" || m.Topic != "tradefin.settlement.v1" {
					t.Errorf("outbox message %+v", m.OutboxMessage)
				}
			}
			if len(pending) != 2 {
				t.Fatalf("outbox %v", types)
			}
			var failed contracts.PaymentFailed
			if err := json.Unmarshal(pending[1].Payload, &failed); err != nil || failed.Reason != "AC04" || failed.PaymentID != id {
				t.Fatalf("failed event %s: %v", pending[1].Payload, err)
			}
		})
	}
}
