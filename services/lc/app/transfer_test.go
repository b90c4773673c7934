package app_test

import (
	"testing"
	"time"

	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/identity/identitytest"
	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/lc/app"
	"github.com/tradefin/tradefin/services/lc/app/command"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// secondBeneficiary is a trader of the second beneficiary's organisation.
var secondBeneficiary = identity.Actor{Org: "5493004CERAMNORTE081", OrgKind: identity.Trader, Subject: "carla", Roles: []string{identity.RoleTrader}}

// transferredCredit is, on a real event store (SQLite) at instant now, a transferable credit
// for EUR 84,000.00 issued, advised and transferred by its advising bank BCOMPTPL for EUR
// 70,000.00 to the second beneficiary, the request letting amendments go to it (Art. 38(e)).
func transferredCredit(t *testing.T, now *time.Time) app.Application {
	t.Helper()
	a := newApplication(t, now)
	terms := domain.Terms{Number: "LC-TRF-1", Form: domain.FormIrrevocableTransferable, Applicant: domain.Party{ID: identitytest.Ingrid.Org, Name: "Nordic Imports AB"},
		Beneficiary: domain.Party{ID: identitytest.Joao.Org, Name: "Azulejos Lisboa Lda"}, IssuingBank: "ESSESESS", AdvisingBank: "BCOMPTPL",
		Amount: money.New(84_000_00, eur), ExpiryDate: domain.NewDate(2026, time.December, 31), ExpiryPlace: "Lisbon",
		Goods: domain.Goods{Description: "ceramic floor tiles"}, Documents: []domain.DocumentKind{domain.CommercialInvoice}}
	yes := true
	steps := []func() error{
		func() error {
			_, _, err := a.Commands.ApplyForCredit.Handle(as(identitytest.Ingrid), command.ApplyForCredit{ID: "LC-TRF", TradeID: "T-TRF", Terms: terms})
			return err
		},
		func() error {
			_, err := a.Commands.IssueCredit.Handle(as(identitytest.Erik), command.IssueCredit{ID: "LC-TRF", On: domain.NewDate(2026, time.November, 2)})
			return err
		},
		func() error {
			_, err := a.Commands.AdviseCredit.Handle(as(identitytest.Ana), command.AdviseCredit{ID: "LC-TRF", On: domain.NewDate(2026, time.November, 3)})
			return err
		},
		func() error {
			_, err := a.Commands.RequestTransfer.Handle(as(identitytest.Joao), command.RequestTransfer{CreditID: "LC-TRF", Transfer: domain.Transfer{
				SecondBeneficiary: domain.Party{ID: secondBeneficiary.Org, Name: "Ceramicas do Norte SA"}, Amount: money.New(70_000_00, eur), AmendmentsToSecondBeneficiary: &yes}})
			return err
		},
		func() error {
			_, err := a.Commands.TransferCredit.Handle(as(identitytest.Ana), command.TransferCredit{CreditID: "LC-TRF", On: domain.NewDate(2026, time.November, 4)})
			return err
		},
	}
	for i, step := range steps {
		if err := step(); err != nil {
			t.Fatalf("step %d: %v", i+1, err)
		}
	}
	return a
}

// UCP 600 Art. 38(i) through the use cases: the second beneficiary presents, the first
// beneficiary does not substitute; only the transferring bank (by its verified identity)
// demands the substitution and, the next day, presents the documents as received; the issuing
// bank then has the presentation, with the second beneficiary's invoice, in its stored credit.
func TestTransferringBankPresentsAsReceivedByItsIdentity(t *testing.T) {
	now := time.Date(2026, time.November, 23, 10, 0, 0, 0, time.UTC)
	a := transferredCredit(t, &now)
	invoice := money.New(70_000_00, eur)
	if _, err := a.Commands.PresentTransferred.Handle(as(secondBeneficiary), command.PresentTransferred{CreditID: "LC-TRF", PresentationID: "P-1",
		Presentation: domain.Presentation{Documents: []domain.Document{{Kind: domain.CommercialInvoice, IssueDate: domain.NewDate(2026, time.November, 20),
			Issuer: "Ceramicas do Norte SA", MadeOutTo: "Nordic Imports AB", Amount: &invoice, GoodsDescription: "ceramic floor tiles"}}}}); err != nil {
		t.Fatal(err)
	}
	for _, who := range []identity.Actor{identitytest.Joao, identitytest.Erik, secondBeneficiary} {
		if _, err := a.Commands.DemandSubstitution.Handle(as(who), command.DemandSubstitution{CreditID: "LC-TRF", PresentationID: "P-1"}); domain.KindOf(err) != domain.KindForbidden {
			t.Errorf("%s demanded the substitution: %v", who.Subject, err)
		}
	}
	if _, err := a.Commands.DemandSubstitution.Handle(as(identitytest.Ana), command.DemandSubstitution{CreditID: "LC-TRF", PresentationID: "P-1"}); err != nil {
		t.Fatal(err)
	}
	now = now.Add(24 * time.Hour)
	if _, err := a.Commands.PresentAsReceived.Handle(as(identitytest.Joao), command.PresentAsReceived{CreditID: "LC-TRF", PresentationID: "P-1"}); domain.KindOf(err) != domain.KindForbidden {
		t.Errorf("the first beneficiary presented as received: %v", err)
	}
	if _, err := a.Commands.PresentAsReceived.Handle(as(identitytest.Ana), command.PresentAsReceived{CreditID: "LC-TRF", PresentationID: "P-1"}); err != nil {
		t.Fatal(err)
	}
	lc, err := a.Queries.Credit.Get(as(identitytest.Erik), "LC-TRF")
	if err != nil {
		t.Fatal(err)
	}
	if len(lc.Presentations) != 1 || !lc.Transfer.Presentations[0].AsReceived || lc.DrawingAmount("P-1") != invoice || lc.Transfer.Presentations[0].DemandedOn != domain.NewDate(2026, time.November, 23) {
		t.Fatalf("the stored credit: presentations %+v, transfer %+v", lc.Presentations, lc.Transfer.Presentations)
	}
}

// UCP 600 Art. 38(e)-(f) through the use cases: the issuing bank amends the credit, the
// advising bank advises it to the first beneficiary, who accepts; only the transferring bank
// advises it to the second beneficiary, and only the second beneficiary answers it: its
// rejection leaves the stored transferred credit unamended though the original is amended.
func TestSecondBeneficiaryAnswersAnAmendmentOnItsOwn(t *testing.T) {
	now := time.Date(2026, time.November, 25, 10, 0, 0, 0, time.UTC)
	a := transferredCredit(t, &now)
	newShipment := domain.NewDate(2026, time.December, 15)
	if _, err := a.Commands.AmendCredit.Handle(as(identitytest.Erik), command.AmendCredit{ID: "LC-TRF", Amendment: domain.Amendment{Date: domain.NewDate(2026, time.November, 25), NewLatestShipment: newShipment}}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Commands.AdviseAmendment.Handle(as(identitytest.Ana), command.AdviseAmendment{ID: "LC-TRF", Number: 1}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Commands.AnswerAmendment.Handle(as(identitytest.Joao), command.AnswerAmendment{ID: "LC-TRF", Number: 1, Accepted: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Commands.AdviseToSecond.Handle(as(identitytest.Joao), command.AdviseAmendmentToSecond{CreditID: "LC-TRF", Number: 1}); domain.KindOf(err) != domain.KindForbidden {
		t.Errorf("the first beneficiary advised the amendment to the second: %v", err)
	}
	if _, err := a.Commands.AdviseToSecond.Handle(as(identitytest.Ana), command.AdviseAmendmentToSecond{CreditID: "LC-TRF", Number: 1}); err != nil {
		t.Fatal(err)
	}
	for _, who := range []identity.Actor{identitytest.Joao, identitytest.Ana} {
		if _, err := a.Commands.AnswerTransferred.Handle(as(who), command.AnswerTransferredAmendment{CreditID: "LC-TRF", Number: 1, Accepted: true}); domain.KindOf(err) != domain.KindForbidden {
			t.Errorf("%s answered for the second beneficiary: %v", who.Subject, err)
		}
	}
	if _, err := a.Commands.AnswerTransferred.Handle(as(secondBeneficiary), command.AnswerTransferredAmendment{CreditID: "LC-TRF", Number: 1, Accepted: false}); err != nil {
		t.Fatal(err)
	}
	lc, err := a.Queries.Credit.Get(as(identitytest.Ana), "LC-TRF")
	if err != nil {
		t.Fatal(err)
	}
	if lc.Terms.LatestShipment != newShipment || lc.TransferredTerms().LatestShipment == newShipment || len(lc.Transfer.Amendments) != 1 || lc.Transfer.Amendments[0].Status != domain.StateRejected {
		t.Fatalf("original latest shipment %s, transferred %s, amendments %+v", lc.Terms.LatestShipment, lc.TransferredTerms().LatestShipment, lc.Transfer.Amendments)
	}
}
