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
	"github.com/tradefin/tradefin/services/settlement/adapters/store"
	"github.com/tradefin/tradefin/services/settlement/app"
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

const rejection = `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.002.001.10"><FIToFIPmtStsRpt>
<GrpHdr><MsgId>S1</MsgId></GrpHdr><OrgnlGrpInfAndSts><OrgnlMsgId>%s</OrgnlMsgId></OrgnlGrpInfAndSts>
<TxInfAndSts><OrgnlUETR>%s</OrgnlUETR><TxSts>%s</TxSts><StsRsnInf><Rsn><Cd>AC04</Cd></Rsn></StsRsnInf></TxInfAndSts>
</FIToFIPmtStsRpt></Document>`

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
					_, c, err := a.Commands.RaisePayment.Handle(ctx, obligation(), honourer)
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
			p, xml1, err := a.Commands.Release.Handle(ctx, identity.Workflow, id)
			if err != nil {
				t.Fatal(err)
			}
			_, xml2, err := a.Commands.Release.Handle(ctx, identity.Workflow, id)
			if err != nil || string(xml1) != string(xml2) {
				t.Fatalf("retried instruction gave another message: %v", err)
			}
			if p.Credited != money.New(10842000, money.MustCurrency("USD")) || p.Rate.Source == "" {
				t.Fatalf("credited %s rate %+v", p.Credited, p.Rate)
			}
			rep := []byte(fmt.Sprintf(rejection, p.MsgID, p.UETR, "RJCT"))
			if _, err := a.Commands.ApplyStatus.Handle(ctx, nils, id, rep); err != nil {
				t.Fatal(err)
			}
			got, err := a.Queries.Payment.Handle(ctx, nils, id)
			if err != nil {
				t.Fatal(err)
			}
			if got.Status != domain.StatusReversed || got.FailureReason != "AC04" || got.Reversal == nil || got.Version() != 4 {
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
