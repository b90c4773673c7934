package swiftmap

import (
	"strings"
	"testing"
	"time"

	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/lc/adapters/calendars"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// TestUsanceCreditMessages: an acceptance credit's MT700 states 41a, 42C and 42a in the
// standard's order, with its reimbursing and advise-through banks and instructions; its honour
// is advised by MT754 with the amount accepted in 32B (nothing paid yet, so no MT756) and the
// maturity in 77.
func TestUsanceCreditMessages(t *testing.T) {
	eur := money.MustCurrency("EUR")
	amount := money.New(100_00, eur)
	lc, err := domain.Apply("LC-U", "T-1", domain.Terms{Number: "ILC1", Applicant: domain.Party{ID: "5493001NORDICIMP0058", Name: "Nordic Imports AB"},
		Beneficiary: domain.Party{ID: "5493002AZULEJOSLX028", Name: "Azulejos Lisboa Lda"}, IssuingBank: "ESSESESS", AdvisingBank: "BCOMPTPL",
		Amount: amount, ExpiryDate: domain.NewDate(2027, 1, 6), ExpiryPlace: "Lisbon", Documents: []domain.DocumentKind{domain.CommercialInvoice, domain.BillOfLading},
		Availability:    domain.Availability{By: domain.ByAcceptance, DraftsAt: "90 DAYS AFTER B/L DATE", Drawee: "ESSESESS"},
		ReimbursingBank: "DEUTDEFF", AdviseThroughBank: "CGDIPTPL", Instructions: "send documents in one lot by courier"}, calendars.Default())
	if err != nil {
		t.Fatal(err)
	}
	if err := lc.Issue(domain.NewDate(2026, 11, 22), domain.Stamp{}, domain.FourEyes{}); err != nil {
		t.Fatal(err)
	}
	on := domain.NewDate(2026, 11, 23)
	pol := domain.Policy{Calendars: calendars.Default()}
	if _, err := lc.Present("P-1", domain.Presentation{Date: on, Place: "Lisbon", Documents: []domain.Document{
		{Kind: domain.CommercialInvoice, IssueDate: on, Issuer: "Azulejos Lisboa Lda", MadeOutTo: "Nordic Imports AB", Amount: &amount},
		{Kind: domain.BillOfLading, IssueDate: on, OnBoardNotation: true, OnBoardDate: on}}}, time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC), pol, nil); err != nil {
		t.Fatal(err)
	}
	if err := lc.DecideExamination("P-1", domain.ExaminationDecision{Honour: true}, time.Date(2026, 11, 23, 11, 0, 0, 0, time.UTC), pol); err != nil { // honours and undertakes
		t.Fatal(err)
	}
	msgs, err := Messages(lc)
	if err != nil {
		t.Fatal(err)
	}
	var types []string
	text := map[string]string{}
	for _, m := range msgs {
		types, text[m.Type] = append(types, m.Type), m.Text
	}
	// 53a names a reimbursing bank, so the issuing bank also authorises it (MT740, URR 725 Art. 6).
	if strings.Join(types, " ") != "MT700 MT754 MT740" {
		t.Fatalf("messages %v, want the MT700, the MT754 of the acceptance and the MT740 to the reimbursing bank", types)
	}
	mt700 := text["MT700"]
	order := []string{":40A:IRREVOCABLE", ":41A:BCOMPTPL\r\nBY ACCEPTANCE", ":42C:90 DAYS AFTER B/L DATE", ":42A:ESSESESS", ":43P:", ":49:WITHOUT", ":53A:DEUTDEFF",
		":78:SEND DOCUMENTS IN ONE LOT BY COURIER", ":57A:CGDIPTPL"}
	at := 0
	for _, f := range order {
		i := strings.Index(mt700[at:], f)
		if f == ":43P:" && i < 0 { // no partial shipments stated
			continue
		}
		if i < 0 {
			t.Fatalf("MT700 lacks %q after position %d:\n%s", f, at, mt700)
		}
		at += i
	}
	// 90 days after the on-board date 23 November 2026 is Sunday 21 February 2027: Monday.
	if mt754 := text["MT754"]; !strings.Contains(mt754, ":32B:EUR100,00") || strings.Contains(mt754, ":32A:") ||
		!strings.Contains(mt754, "ACCEPTED 261123") || !strings.Contains(mt754, "\r\nMATURITY DATE 270222") {
		t.Errorf("MT754:\n%s", mt754)
	}
}
