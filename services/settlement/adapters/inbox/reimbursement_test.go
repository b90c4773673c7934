package inbox_test

import (
	"context"
	"slices"
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

// TestConfirmedCreditRaisesPaymentAndReimbursement: under a confirmed credit (UCP 600 Art. 8)
// the confirming bank's honour raises the beneficiary's payment with the confirming bank as
// debtor, booked from its advance under the confirmation; its claim (Art. 8(c)) raises the
// reimbursement from the reimbursing bank (53a) to it, under its own payment ID, once however
// often the claim is delivered; the reimbursement settling publishes
// settlement.reimbursement_settled.v1, not the beneficiary's payment_settled.
func TestConfirmedCreditRaisesPaymentAndReimbursement(t *testing.T) {
	onEachStore(t, func(t *testing.T, es eventstore.Store) {
		ctx := context.Background()
		h := inbox.Honoured{Store: es, Now: time.Now}
		trade := uniqueTrade("TC")
		confirmer := identity.Stamp{Org: "BCOMPTPL", User: "automatic-examination", Client: "tradefin-lc"}
		hon := honoured(trade)
		hon.Actor, hon.HonouredBy, hon.AccountCurrency = confirmer, "BCOMPTPL", ""
		claim := contracts.LCReimbursementClaimed{TradeID: trade, Actor: identity.Stamp{Org: "BCOMPTPL", User: "ana", Client: "tradectl"}, LCID: "LC7",
			PresentationID: "P1", Amount: hon.Amount, ClaimingBank: "BCOMPTPL", IssuingBank: "ESSESESS", ReimbursingBank: "COBADEFF"}
		// The claim redelivered, and again under another message ID, raises nothing new.
		for i, d := range []struct {
			id string
			ev any
		}{{"/honour", hon}, {"/claim", claim}, {"/claim", claim}, {"/claim-again", claim}} {
			msg, _, err := eventbus.Encode(ctx, "/tradefin/lc", trade, trade+d.id, d.ev)
			if err != nil {
				t.Fatal(err)
			}
			if err := h.Handle(msg); err != nil {
				t.Fatalf("delivery %d: %v", i+1, err)
			}
		}
		ref := contracts.PaymentRef{TradeID: trade, LCID: "LC7", PresentationID: "P1"}
		payID := domain.PaymentID(domain.Obligation{TradeID: trade, LCID: "LC7", PresentationID: "P1"})
		reimbID := domain.PaymentID(domain.Obligation{TradeID: trade, LCID: "LC7", PresentationID: contracts.ReimbursementRef(ref).PresentationID})
		pay, err := store.New(es).Get(ctx, payID)
		if err != nil || pay.Obligation.IssuingBank != "BCOMPTPL" || pay.Obligation.Purpose != domain.PurposeConfirmedHonour {
			t.Fatalf("the beneficiary's payment: %+v %v", pay, err)
		}
		reimb, err := store.New(es).Get(ctx, reimbID)
		if err != nil || reimb.Obligation.IssuingBank != "COBADEFF" || reimb.Obligation.AdvisingBank != "BCOMPTPL" ||
			reimb.Obligation.Purpose != domain.PurposeReimbursement || reimb.Obligation.Amount != hon.Amount {
			t.Fatalf("the reimbursement: %+v %v", reimb, err)
		}
		if evs, _ := es.ReadStream(ctx, "settlement.payment-"+reimbID, 1); len(evs) != 1 {
			t.Fatalf("the claim delivered three times raised %d events", len(evs))
		}

		a := app.New(store.New(es), fxtable.Dev(), ids.Random{Prefix: "TF"}, time.Now, app.Policy{SettlementAgent: "NCLRSESS"})
		usd := money.MustCurrency("USD")
		for id, debit := range map[string]string{payID: domain.ConfirmationAccount("BCOMPTPL", "LC7", usd), reimbID: domain.ApplicantAccount("LC7", usd)} {
			p, err := a.Commands.Release.Handle(ctx, identity.Workflow, command.Release{PaymentID: id})
			if err != nil || p.Status != domain.StatusInstructed {
				t.Fatalf("release %s: %v", id, err)
			}
			if e := p.Current().Postings.Entries(); e[0].Account != debit || e[0].Side != domain.Debit {
				t.Errorf("payment %s booked from %+v, want a debit of %s", id, e[0], debit)
			}
		}
		p, _ := store.New(es).Get(ctx, reimbID)
		cur := p.Current()
		rep := command.ApplyStatusReport{PaymentID: reimbID, Report: domain.StatusReport{MsgID: "S1", OrgnlMsgID: cur.MsgID,
			Transactions: []domain.TransactionStatus{{OrgnlUETR: cur.UETR, Status: "ACSC"}}}}
		if p, err := a.Commands.ApplyStatusReport.Handle(ctx, identitytest.Nils, rep); err != nil || p.Status != domain.StatusSettled {
			t.Fatalf("ACSC: %v", err)
		}
		pending, err := es.PendingOutbox(ctx, 100)
		if err != nil {
			t.Fatal(err)
		}
		var types []string
		for _, m := range pending {
			if m.Key == trade {
				types = append(types, m.Headers["ce_type"])
			}
		}
		if !slices.Contains(types, "settlement.reimbursement_settled.v1") || slices.Contains(types, "settlement.payment_settled.v1") {
			t.Fatalf("outbox %v: want the reimbursement settled, and the beneficiary's payment not yet", types)
		}
	})
}
