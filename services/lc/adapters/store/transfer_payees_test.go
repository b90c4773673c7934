package store

import (
	"testing"
	"time"

	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/lc/adapters/calendars"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// transferredAndPresented is a transferable credit for 84,000.00 EUR transferred for 70,000.00
// to a second beneficiary, whose presentation P-1 with its own invoice for 70,000.00 awaits the
// first beneficiary's substitution (UCP 600 Art. 38(h)).
func transferredAndPresented(t *testing.T) (*domain.LetterOfCredit, domain.Policy, time.Time) {
	t.Helper()
	eur := money.MustCurrency("EUR")
	lc, err := domain.Apply("LC-T", "T-T", domain.Terms{Number: "ESS-T", Form: domain.FormIrrevocableTransferable,
		Applicant: domain.Party{ID: "5493001NORDICIMP0058", Name: "Nordic Imports AB"}, Beneficiary: domain.Party{ID: "5493002AZULEJOSLX028", Name: "Azulejos Lisboa Lda"},
		BeneficiaryAccount: "PT50000201231234567890154", IssuingBank: "ESSESESS", AdvisingBank: "BCOMPTPL", Amount: money.New(84_000_00, eur),
		ExpiryDate: domain.NewDate(2026, 12, 31), ExpiryPlace: "Lisbon",
		Documents: []domain.DocumentKind{domain.CommercialInvoice, domain.BillOfLading}}, calendars.Default())
	if err != nil {
		t.Fatal(err)
	}
	pol := domain.Policy{Calendars: calendars.Default()}
	second := domain.Party{ID: "5493004CERAMNORTE081", Name: "Ceramicas do Norte SA"}
	steps := []func() error{
		func() error { return lc.Issue(domain.NewDate(2026, 11, 2), domain.Stamp{}, domain.FourEyes{}) },
		func() error { return lc.Advise("BCOMPTPL", domain.NewDate(2026, 11, 3)) },
		func() error {
			return lc.RequestTransfer(domain.Transfer{SecondBeneficiary: second, SecondBeneficiaryAccount: "PT50000700000012345678901", Amount: money.New(70_000_00, eur)}, domain.Stamp{})
		},
		func() error { return lc.TransferCredit("BCOMPTPL", domain.NewDate(2026, 11, 4)) },
	}
	for i, step := range steps {
		if err := step(); err != nil {
			t.Fatalf("step %d: %v", i+1, err)
		}
	}
	on := domain.NewDate(2026, 11, 23)
	invoice := money.New(70_000_00, eur)
	p := domain.Presentation{Documents: []domain.Document{
		{Kind: domain.CommercialInvoice, IssueDate: on, Issuer: second.Name, MadeOutTo: "Nordic Imports AB", Amount: &invoice},
		{Kind: domain.BillOfLading, IssueDate: on, OnBoardNotation: true, OnBoardDate: on}}}
	at := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	if _, err := lc.PresentTransferred("P-1", p, at, pol); err != nil {
		t.Fatal(err)
	}
	return lc, pol, at
}

// TestHonouredPayeesOfATransferredCredit: lc.honoured.v1 of the presentation the first
// beneficiary substituted its invoice in names who is paid what (Art. 38(h)): the second
// beneficiary its invoice (70,000.00 to its account), the first the difference to its own
// invoice (84,000.00 - 70,000.00 = 14,000.00); both amounts add up to what the honour drew.
// A credit that was not transferred publishes no payees.
func TestHonouredPayeesOfATransferredCredit(t *testing.T) {
	lc, pol, at := transferredAndPresented(t)
	eur := money.MustCurrency("EUR")
	first := money.New(84_000_00, eur)
	on := domain.NewDate(2026, 11, 23)
	if _, err := lc.Substitute("P-1", domain.Document{Kind: domain.CommercialInvoice, IssueDate: on, Issuer: "Azulejos Lisboa Lda",
		MadeOutTo: "Nordic Imports AB", Amount: &first}, at, pol, nil); err != nil {
		t.Fatal(err)
	}
	if err := lc.DecideExamination("P-1", domain.ExaminationDecision{Honour: true}, at, pol); err != nil {
		t.Fatal(err)
	}
	h, ok := integrationEvent(lc, domain.Honoured{PresentationID: "P-1", Date: on}, identity.Stamp{}).(contracts.LCHonoured)
	if !ok {
		t.Fatal("no lc.honoured.v1")
	}
	want := []contracts.Payee{
		{Org: "5493004CERAMNORTE081", Name: "Ceramicas do Norte SA", Account: "PT50000700000012345678901", Amount: money.New(70_000_00, eur)},
		{Org: "5493002AZULEJOSLX028", Name: "Azulejos Lisboa Lda", Account: "PT50000201231234567890154", Amount: money.New(14_000_00, eur)},
	}
	if len(h.Payees) != len(want) || h.Payees[0] != want[0] || h.Payees[1] != want[1] {
		t.Fatalf("payees %+v, want %+v", h.Payees, want)
	}
	if sum, _ := h.Payees[0].Amount.Add(h.Payees[1].Amount); sum != h.Amount {
		t.Errorf("payees add up to %s, the honour drew %s", sum, h.Amount)
	}

	plain := honouredCredit(t, domain.Availability{})
	if h, _ := integrationEvent(plain, domain.Honoured{PresentationID: "P-1"}, identity.Stamp{}).(contracts.LCHonoured); h.Payees != nil {
		t.Errorf("an untransferred credit's honour names payees: %+v", h.Payees)
	}
}
