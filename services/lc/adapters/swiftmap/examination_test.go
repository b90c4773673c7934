package swiftmap

import (
	"strings"
	"testing"
	"time"

	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/lc/adapters/calendars"
	"github.com/tradefin/tradefin/services/lc/adapters/swift"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// TestMT750WhenForwardedUnderReserve: a discrepant presentation the nominated bank forwards under
// reserve renders its MT750 (advice of discrepancy), from the nominated bank to the issuing bank,
// valid under the standard's field specs, before the issuing bank's MT734; a credit whose
// presentation was not so forwarded has none.
func TestMT750WhenForwardedUnderReserve(t *testing.T) {
	lc, pol, at := presentedToTheNominatedBank(t)
	if msgs, err := Messages(lc); err != nil || hasType(msgs, "MT750") {
		t.Fatalf("an MT750 before the forwarding: %v %v", err, msgs)
	}
	if err := lc.ForwardUnderReserve("P-1", "BCOMPTPL", nil, at, pol); err != nil {
		t.Fatal(err)
	}
	if err := lc.DecideExamination("P-1", domain.ExaminationDecision{Disposal: domain.PreviousInstructions}, at.Add(time.Hour), pol); err != nil { // 77B /PREVINST/
		t.Fatal(err)
	}
	msgs, err := Messages(lc)
	if err != nil {
		t.Fatal(err)
	}
	var types []string
	for _, m := range msgs {
		types = append(types, m.Type)
	}
	if got := strings.Join(types, " "); !strings.Contains(got, "MT750 MT734") {
		t.Fatalf("messages %s, want the MT750 before the MT734", got)
	}
	mt750, err := discrepancyAdvice(lc.Terms, lc.Presentations[0], "LC-1-1")
	if err != nil {
		t.Fatal(err)
	}
	if err := swift.Validate(mt750); err != nil || mt750.Sender != "BCOMPTPL" || mt750.Receiver != "ESSESESS" {
		t.Fatalf("MT750 %s -> %s: %v", mt750.Sender, mt750.Receiver, err)
	}
	text := mt750.String()
	for _, want := range []string{":20:LC-1-1", ":21:ILC1A2B3C4D", ":32B:EUR100,00", ":77J:1. UCP 600 ART. 18(A)(I)", "RESERVE ON 261123"} {
		if !strings.Contains(strings.ToUpper(text), strings.ToUpper(want)) {
			t.Errorf("MT750 lacks %q:\n%s", want, text)
		}
	}
}

func hasType(ms []Message, typ string) bool {
	for _, m := range ms {
		if m.Type == typ {
			return true
		}
	}
	return false
}

// TestMT732WhenTheReserveIsDischarged: the issuing bank takes up documents the nominated bank
// forwarded under reserve and honours them; it advises the discharge by MT732 to that bank,
// naming the MT750's reference, the date of the honour and the amount. A presentation not
// forwarded under reserve has none.
func TestMT732WhenTheReserveIsDischarged(t *testing.T) {
	lc, pol, at := presentedToTheNominatedBank(t)
	if mt732, err := dischargeAdvice(lc.Terms, lc.Presentations[0], "LC-1-1"); err != nil || mt732 != nil {
		t.Fatalf("an MT732 before any reserve: %v %v", mt732, err)
	}
	if err := lc.ForwardUnderReserve("P-1", "BCOMPTPL", nil, at, pol); err != nil {
		t.Fatal(err)
	}
	if err := lc.DecideExamination("P-1", domain.ExaminationDecision{Honour: true}, at.Add(time.Hour), pol); err != nil {
		t.Fatal(err)
	}
	msgs, err := Messages(lc)
	if err != nil || !hasType(msgs, "MT732") {
		t.Fatalf("no MT732 after the honour of documents forwarded under reserve: %v %v", err, msgs)
	}
	mt732, err := dischargeAdvice(lc.Terms, lc.Presentations[0], "LC-1-1")
	if err != nil || mt732 == nil || mt732.Sender != "ESSESESS" || mt732.Receiver != "BCOMPTPL" {
		t.Fatalf("MT732: %v %v", mt732, err)
	}
	text := mt732.String()
	for _, want := range []string{":20:ILC1A2B3C4D", ":21:LC-1-1", ":30:261123", ":32B:EUR100,00"} {
		if !strings.Contains(text, want) {
			t.Errorf("MT732 lacks %q:\n%s", want, text)
		}
	}
}

// presentedToTheNominatedBank is a credit of EUR 100.00 issued on 22 Nov 2026 whose discrepant
// presentation P-1 (the invoice's issuer is not the beneficiary) reached the advising bank at
// the instant returned, undecided.
func presentedToTheNominatedBank(t *testing.T) (*domain.LetterOfCredit, domain.Policy, time.Time) {
	t.Helper()
	pol := domain.Policy{Calendars: calendars.Default()}
	lc, err := domain.Apply("LC-1", "T-1", domain.Terms{Number: "ILC1A2B3C4D", Applicant: domain.Party{ID: "5493001NORDICIMP0058", Name: "Nordic Imports AB"},
		Beneficiary: domain.Party{ID: "5493002AZULEJOSLX028", Name: "Azulejos Lisboa Lda"}, IssuingBank: "ESSESESS", AdvisingBank: "BCOMPTPL",
		Amount: money.New(100_00, money.MustCurrency("EUR")), ExpiryDate: domain.NewDate(2027, 1, 6), ExpiryPlace: "Lisbon",
		Documents: []domain.DocumentKind{domain.CommercialInvoice}}, pol.Calendars)
	if err != nil {
		t.Fatal(err)
	}
	if err := lc.Issue(domain.NewDate(2026, 11, 22), domain.Stamp{}, domain.FourEyes{}); err != nil {
		t.Fatal(err)
	}
	amount := money.New(100_00, money.MustCurrency("EUR"))
	at := time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)
	if _, err := lc.Present("P-1", domain.Presentation{Bank: "BCOMPTPL", Documents: []domain.Document{
		{Kind: domain.CommercialInvoice, IssueDate: domain.NewDate(2026, 11, 22), Issuer: "Other Lda", MadeOutTo: "Nordic Imports AB", Amount: &amount}}}, at, pol, nil); err != nil {
		t.Fatal(err)
	}
	return lc, pol, at
}
