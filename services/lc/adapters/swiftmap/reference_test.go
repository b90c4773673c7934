package swiftmap

import (
	"time"

	"github.com/tradefin/tradefin/services/lc/adapters/calendars"
	"testing"

	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// A credit ID longer than field 20's 16 characters still yields valid references in every
// message (the honour's MT754/MT756 reference is the credit ID plus the presentation's number).
func TestLongCreditIDsFitField20(t *testing.T) {
	lc, err := domain.Apply("LC-E2E-125253.506-A", "T-1", domain.Terms{Number: "ILC1A2B3C4D", Applicant: domain.Party{ID: "5493001NORDICIMP0058", Name: "Nordic Imports AB"},
		Beneficiary: domain.Party{ID: "5493002AZULEJOSLX028", Name: "Azulejos Lisboa Lda"}, IssuingBank: "ESSESESS", AdvisingBank: "BCOMPTPL",
		Amount: money.New(100_00, money.MustCurrency("EUR")), ExpiryDate: domain.NewDate(2027, 1, 6), ExpiryPlace: "Lisbon",
		Documents: []domain.DocumentKind{domain.CommercialInvoice}}, calendars.Default())
	if err != nil {
		t.Fatal(err)
	}
	if err := lc.Issue(domain.NewDate(2026, 11, 22), domain.Stamp{}, domain.FourEyes{}); err != nil {
		t.Fatal(err)
	}
	amount := money.New(100_00, money.MustCurrency("EUR"))
	res, err := lc.Present("P-1", domain.Presentation{Date: domain.NewDate(2026, 11, 23), Place: "Lisbon", Documents: []domain.Document{
		{Kind: domain.CommercialInvoice, IssueDate: domain.NewDate(2026, 11, 22), Issuer: "Azulejos Lisboa Lda", MadeOutTo: "Nordic Imports AB", Amount: &amount}}}, time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC), domain.Policy{Calendars: calendars.Default()}, nil)
	if err != nil || !res.Compliant {
		t.Fatalf("presentation: %v %+v", err, res)
	}
	if err := lc.DecideExamination("P-1", domain.ExaminationDecision{Honour: true}, time.Date(2026, 11, 23, 11, 0, 0, 0, time.UTC), domain.Policy{Calendars: calendars.Default()}); err != nil {
		t.Fatal(err)
	}
	msgs, err := Messages(lc)
	if err != nil || len(msgs) < 3 {
		t.Fatalf("messages: %d, %v", len(msgs), err)
	}
}
