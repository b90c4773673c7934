package inbox_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/eventsourcing/eventstore"
	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/identity/identitytest"
	"github.com/tradefin/tradefin/events/messaging/eventbus"
	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/settlement/adapters/fxtable"
	"github.com/tradefin/tradefin/services/settlement/adapters/ids"
	"github.com/tradefin/tradefin/services/settlement/adapters/inbox"
	"github.com/tradefin/tradefin/services/settlement/adapters/store"
	"github.com/tradefin/tradefin/services/settlement/app"
	"github.com/tradefin/tradefin/services/settlement/app/command"
	"github.com/tradefin/tradefin/services/settlement/domain"
)

// TestDiscountPaysProceedsAndAssignsTheMaturityPayment: the nominated bank's discount before
// maturity (UCP 600 Art. 12(b)) raises its own payment of the proceeds to the beneficiary, from
// its advance, and the honour's maturity payment (the face) credits the nominated bank instead of
// the beneficiary's account; in both orders of arrival, however often either is delivered.
func TestDiscountPaysProceedsAndAssignsTheMaturityPayment(t *testing.T) {
	onEachStore(t, func(t *testing.T, es eventstore.Store) {
		for name, order := range map[string][]string{"honour first": {"/honour", "/discount", "/discount", "/honour-again"},
			"discount first": {"/discount", "/honour", "/honour", "/discount-again"}} {
			t.Run(name, func(t *testing.T) {
				ctx := context.Background()
				h := inbox.Honoured{Store: es, Now: time.Now}
				trade := uniqueTrade("TD")
				hon := honoured(trade)
				hon.AccountCurrency, hon.BeneficiaryAccount = "", "PT50000201231234567890154"
				usd := money.MustCurrency("USD")
				disc := contracts.LCUndertakingDiscounted{TradeID: trade, Actor: identity.Stamp{Org: "BCOMPTPL", User: "ana", Client: "tradectl"}, LCID: "LC7",
					PresentationID: "P1", NominatedBank: "BCOMPTPL", Proceeds: money.New(49_500_00, usd), Face: hon.Amount,
					AdvisingBank: "BCOMPTPL", Beneficiary: hon.Beneficiary, BeneficiaryAccount: hon.BeneficiaryAccount}
				for i, id := range order {
					var ev any = hon
					if id == "/discount" || id == "/discount-again" {
						ev = disc
					}
					msg, _, err := eventbus.Encode(ctx, "/tradefin/lc", trade, trade+id, ev)
					if err != nil {
						t.Fatal(err)
					}
					if err := h.Handle(msg); err != nil {
						t.Fatalf("delivery %d (%s): %v", i+1, id, err)
					}
				}
				ref := contracts.PaymentRef{TradeID: trade, LCID: "LC7", PresentationID: "P1"}
				payID := domain.PaymentID(domain.Obligation{TradeID: trade, LCID: "LC7", PresentationID: "P1"})
				procID := domain.PaymentID(domain.Obligation{TradeID: trade, LCID: "LC7", PresentationID: contracts.DiscountRef(ref).PresentationID})
				a := app.New(store.New(es), fxtable.Dev(), ids.Random{Prefix: "TF"}, time.Now, app.Policy{SettlementAgent: "NCLRSESS"})
				proceeds, err := a.Commands.Release.Handle(ctx, identity.Workflow, command.Release{PaymentID: procID})
				if err != nil || proceeds.Obligation.Amount != disc.Proceeds || proceeds.Obligation.IssuingBank != "BCOMPTPL" || proceeds.CreditorAccount() != hon.BeneficiaryAccount {
					t.Fatalf("the proceeds' payment: %+v %v", proceeds, err)
				}
				if e := proceeds.Current().Postings.Entries(); e[0].Account != domain.DiscountAccount("BCOMPTPL", "LC7", usd) {
					t.Errorf("the proceeds booked from %+v, want the nominated bank's advance", e[0])
				}
				// The proceeds settling publish no settlement.payment_settled.v1: that is SETTLED,
				// the maturity payment's milestone.
				cur := proceeds.Current()
				rep := command.ApplyStatusReport{PaymentID: procID, Report: domain.StatusReport{MsgID: "S-" + trade, OrgnlMsgID: cur.MsgID,
					Transactions: []domain.TransactionStatus{{OrgnlUETR: cur.UETR, Status: "ACSC"}}}}
				if p, err := a.Commands.ApplyStatusReport.Handle(ctx, identitytest.Nils, rep); err != nil || p.Status != domain.StatusSettled {
					t.Fatalf("ACSC of the proceeds: %v", err)
				}
				pending, err := es.PendingOutbox(ctx, 1000)
				if err != nil {
					t.Fatal(err)
				}
				initiated := 0
				for _, m := range pending {
					switch {
					case m.Key != trade:
					case m.Headers["ce_type"] == "settlement.payment_initiated.v1":
						initiated++
					default:
						t.Errorf("the proceeds' payment published %s", m.Headers["ce_type"])
					}
				}
				if initiated != 1 {
					t.Errorf("the proceeds' payment published %d payment_initiated, want 1", initiated)
				}
				maturity, err := a.Commands.Release.Handle(ctx, identity.Workflow, command.Release{PaymentID: payID})
				if err != nil || maturity.Obligation.Amount != hon.Amount || maturity.AssignedTo != "BCOMPTPL" || maturity.CreditorAccount() != "" ||
					maturity.Current().CreditorAccount != "" || len(maturity.Disputes) != 0 {
					t.Fatalf("the maturity payment: %+v %v", maturity, err)
				}
				if evs, _ := es.ReadStream(ctx, "settlement.payment-"+payID, 1); len(evs) != 3 { // raised, assigned, instructed
					t.Fatalf("the maturity payment has %d events, want raised, assigned once, instructed", len(evs))
				}
			})
		}
	})
}

// TestDiscountAfterTheMaturityPaymentIsRefused: a discount that arrives once the honour's payment
// was released (the maturity passed) raises no proceeds and is a permanent conflict, never retried.
func TestDiscountAfterTheMaturityPaymentIsRefused(t *testing.T) {
	onEachStore(t, func(t *testing.T, es eventstore.Store) {
		ctx := context.Background()
		h := inbox.Honoured{Store: es, Now: time.Now}
		trade := uniqueTrade("TL")
		hon := honoured(trade)
		hon.AccountCurrency = ""
		msg, _, err := eventbus.Encode(ctx, "/tradefin/lc", trade, trade+"/honour", hon)
		if err != nil {
			t.Fatal(err)
		}
		if err := h.Handle(msg); err != nil {
			t.Fatal(err)
		}
		payID := domain.PaymentID(domain.Obligation{TradeID: trade, LCID: "LC7", PresentationID: "P1"})
		a := app.New(store.New(es), fxtable.Dev(), ids.Random{Prefix: "TF"}, time.Now, app.Policy{SettlementAgent: "NCLRSESS"})
		if _, err := a.Commands.Release.Handle(ctx, identity.Workflow, command.Release{PaymentID: payID}); err != nil {
			t.Fatal(err)
		}
		disc := contracts.LCUndertakingDiscounted{TradeID: trade, Actor: identity.Stamp{Org: "BCOMPTPL", User: "ana"}, LCID: "LC7", PresentationID: "P1",
			NominatedBank: "BCOMPTPL", Proceeds: money.New(49_000_00, hon.Amount.Currency), Face: hon.Amount, AdvisingBank: "BCOMPTPL", Beneficiary: hon.Beneficiary}
		late, _, err := eventbus.Encode(ctx, "/tradefin/lc", trade, trade+"/discount", disc)
		if err != nil {
			t.Fatal(err)
		}
		if err := h.Handle(late); !errors.Is(err, contracts.ErrConflict) {
			t.Fatalf("a discount after the maturity payment's release: %v, want a permanent conflict", err)
		}
		ref := contracts.DiscountRef(contracts.PaymentRef{TradeID: trade, LCID: "LC7", PresentationID: "P1"})
		if _, err := store.New(es).Get(ctx, domain.PaymentID(domain.Obligation{TradeID: trade, LCID: "LC7", PresentationID: ref.PresentationID})); domain.KindOf(err) != domain.KindNotFound {
			t.Fatalf("the late discount raised its proceeds: %v", err)
		}
	})
}
