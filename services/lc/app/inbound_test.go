package app_test

import (
	"context"
	"testing"
	"time"

	"github.com/tradefin/tradefin/deploy/devstack/testenv"
	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/identity/identitytest"
	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/lc/adapters/calendars"
	"github.com/tradefin/tradefin/services/lc/adapters/store"
	"github.com/tradefin/tradefin/services/lc/app"
	"github.com/tradefin/tradefin/services/lc/app/command"
	"github.com/tradefin/tradefin/services/lc/domain"
)

var eur = money.MustCurrency("EUR")

// issuedCredit is the application on a real event store (SQLite) at instant now, with a credit
// for EUR 100,000.00 of ceramic tiles against an invoice applied for and issued.
func issuedCredit(t *testing.T, now *time.Time) app.Application {
	t.Helper()
	events := testenv.EventStores()["sqlite"](t)
	repo := store.NewRepository(events)
	a := app.New(repo, store.NewTradeClaims(events), app.Settings{Policy: domain.Policy{Calendars: calendars.Default()}, Now: func() time.Time { return *now }}).
		WithExamination(store.NewRegisteredDocuments(events), store.NewExaminationIndex(events), repo)
	terms := domain.Terms{Number: "LC-APP-1", Applicant: domain.Party{ID: identitytest.Ingrid.Org, Name: "Nordic Imports AB"},
		Beneficiary: domain.Party{ID: identitytest.Joao.Org, Name: "Azulejos Lisboa Lda"}, IssuingBank: "ESSESESS", AdvisingBank: "BCOMPTPL",
		Amount: money.New(100_000_00, eur), ExpiryDate: domain.NewDate(2026, time.December, 31), ExpiryPlace: "Lisbon",
		PartialShipments: domain.NotAllowed, Transhipment: domain.NotAllowed, Goods: domain.Goods{Description: "ceramic floor tiles"},
		Documents: []domain.DocumentKind{domain.CommercialInvoice}}
	if _, _, err := a.Commands.ApplyForCredit.Handle(as(identitytest.Ingrid), command.ApplyForCredit{ID: "LC-APP-1", TradeID: "T-APP-1", Terms: terms}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Commands.IssueCredit.Handle(as(identitytest.Erik), command.IssueCredit{ID: "LC-APP-1", On: domain.NewDate(2026, time.November, 2)}); err != nil {
		t.Fatal(err)
	}
	return a
}

func as(a identity.Actor) context.Context { return identity.WithActor(context.Background(), a) }

// invoiceFor is a presentation of the beneficiary's invoice for amount.
func invoiceFor(minor int64, bank domain.BIC) domain.Presentation {
	amount := money.New(minor, eur)
	return domain.Presentation{Bank: bank, Documents: []domain.Document{{Kind: domain.CommercialInvoice, IssueDate: domain.NewDate(2026, time.December, 1),
		Issuer: "Azulejos Lisboa Lda", MadeOutTo: "Nordic Imports AB", Amount: &amount, GoodsDescription: "ceramic floor tiles"}}}
}

// TestPresentationAcceptsThePendingAmendment: UCP 600 Art. 10(c) through the use cases. The
// issuing bank increases the credit by EUR 5,000.00; the beneficiary does not answer but
// presents an invoice for EUR 105,000.00, which complies with the amended credit only: the
// amendment is accepted by the presentation, the stored credit has the new amount, and the
// examination passes on it.
func TestPresentationAcceptsThePendingAmendment(t *testing.T) {
	now := time.Date(2026, time.November, 20, 9, 0, 0, 0, time.UTC)
	a := issuedCredit(t, &now)
	increase := money.New(5_000_00, eur)
	if _, err := a.Commands.AmendCredit.Handle(as(identitytest.Erik), command.AmendCredit{ID: "LC-APP-1", Amendment: domain.Amendment{Date: domain.NewDate(2026, time.November, 20), Increase: &increase}}); err != nil {
		t.Fatal(err)
	}
	now = time.Date(2026, time.December, 2, 10, 0, 0, 0, time.UTC)
	res, err := a.Commands.PresentDocuments.Handle(as(identitytest.Joao), command.PresentDocuments{CreditID: "LC-APP-1", PresentationID: "P-1", Presentation: invoiceFor(105_000_00, "")})
	if err != nil || !res.Compliant {
		t.Fatalf("an invoice for the amended amount: %v %+v", err, res.Discrepancies)
	}
	lc, err := a.Queries.Credit.Get(as(identitytest.Ingrid), "LC-APP-1")
	if err != nil {
		t.Fatal(err)
	}
	if lc.Amendments[0].Status != domain.StateAccepted || lc.Terms.Amount.Minor != 105_000_00 {
		t.Fatalf("the stored credit: amendment %s, amount %s", lc.Amendments[0].Status, lc.Terms.Amount)
	}
}

// TestNominatedBankForwardsUnderReserveByItsIdentity: the forwarding bank is the caller's
// verified organisation, never request data. The beneficiary and the issuing bank cannot
// forward; the nominated bank (BCOMPTPL) forwards its discrepant presentation; the issuing
// bank then refuses it.
func TestNominatedBankForwardsUnderReserveByItsIdentity(t *testing.T) {
	now := time.Date(2026, time.November, 20, 9, 0, 0, 0, time.UTC)
	a := issuedCredit(t, &now)
	now = time.Date(2026, time.December, 2, 10, 0, 0, 0, time.UTC)
	res, err := a.Commands.PresentDocuments.Handle(as(identitytest.Joao), command.PresentDocuments{CreditID: "LC-APP-1", PresentationID: "P-1", Presentation: invoiceFor(120_000_00, "BCOMPTPL")})
	if err != nil || res.Compliant {
		t.Fatalf("an invoice over the credit's amount: %v %+v", err, res)
	}
	fwd := command.ForwardUnderReserve{CreditID: "LC-APP-1", PresentationID: "P-1"}
	for _, who := range []identity.Actor{identitytest.Joao, identitytest.Erik} {
		if _, err := a.Commands.ForwardUnderReserve.Handle(as(who), fwd); domain.KindOf(err) != domain.KindForbidden {
			t.Errorf("forwarded by %s: %v", who.Org, err)
		}
	}
	lc, err := a.Commands.ForwardUnderReserve.Handle(as(identitytest.Ana), fwd)
	if err != nil || lc.Presentations[0].Reserve == nil || lc.Presentations[0].Reserve.By != "BCOMPTPL" {
		t.Fatalf("forwarded by the nominated bank: %v", err)
	}
	lc, err = a.Commands.DecideExamination.Handle(as(identitytest.Erik), command.DecideExamination{CreditID: "LC-APP-1", PresentationID: "P-1",
		Decision: domain.ExaminationDecision{Disposal: domain.ReturnDocuments}})
	if err != nil || lc.Presentations[0].Refusal == nil {
		t.Fatalf("the issuing bank's refusal of the forwarded documents: %v", err)
	}
}
