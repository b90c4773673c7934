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

// A credit confirmed by the advising bank with a reimbursing bank (53a): the MT700 says CONFIRM
// and names 58a and 53a in the standard's order; the MT740 authorises the reimbursing bank; the
// confirming bank sends the MT754 of its honour and an MT742 claim (URR 725). Each message's FIN
// text parses back with the fields given.
func TestConfirmedCreditMessages(t *testing.T) {
	eur := money.MustCurrency("EUR")
	amount := money.New(84_000_00, eur)
	lc, err := domain.Apply("LC-CONF-1", "T-1", domain.Terms{Number: "ILC0001", Applicant: domain.Party{ID: "5493001NORDICIMP0058", Name: "Nordic Imports AB"},
		Beneficiary: domain.Party{ID: "5493002AZULEJOSLX028", Name: "Azulejos Lisboa Lda"}, IssuingBank: "ESSESESS", AdvisingBank: "BCOMPTPL",
		Amount: amount, ExpiryDate: domain.NewDate(2027, 1, 6), ExpiryPlace: "Lisbon", Documents: []domain.DocumentKind{domain.CommercialInvoice},
		Confirmation: domain.Confirm, ConfirmationParty: "BCOMPTPL", ReimbursingBank: "COBADEFFXXX"}, calendars.Default())
	if err != nil {
		t.Fatal(err)
	}
	steps := []error{
		lc.Issue(domain.NewDate(2026, 11, 22), domain.Stamp{}, domain.FourEyes{}),
		lc.Confirm("BCOMPTPL", domain.NewDate(2026, 11, 23)),
	}
	at := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	pol := domain.Policy{Calendars: calendars.Default()}
	_, perr := lc.Present("P-1", domain.Presentation{Bank: "BCOMPTPL", Documents: []domain.Document{
		{Kind: domain.CommercialInvoice, IssueDate: domain.NewDate(2026, 11, 22), Issuer: "Azulejos Lisboa Lda", MadeOutTo: "Nordic Imports AB", Amount: &amount}}},
		at, pol, nil)
	steps = append(steps, perr, lc.DecideExamination("P-1", domain.ExaminationDecision{Honour: true}, at, pol))
	steps = append(steps, perr, lc.ClaimReimbursement("BCOMPTPL", "P-1", domain.NewDate(2026, 11, 25)))
	for i, err := range steps {
		if err != nil {
			t.Fatalf("step %d: %v", i+1, err)
		}
	}
	msgs, err := Messages(lc)
	if err != nil {
		t.Fatal(err)
	}
	byType := map[string]*swift.Message{}
	for _, m := range msgs {
		parsed, err := swift.Parse(m.Text)
		if err != nil {
			t.Fatalf("%s does not parse: %v\n%s", m.Type, err, m.Text)
		}
		byType[m.Type] = parsed
	}
	mt700 := byType["MT700"]
	tags := []string{}
	for _, f := range mt700.Fields {
		tags = append(tags, f.Tag)
	}
	if got := strings.Join(tags, " "); !strings.Contains(got, "49 58A 53A") {
		t.Errorf("MT700 fields %s: want 49, 58A, 53A in that order", got)
	}
	for _, c := range []struct{ msg, tag, want string }{
		{"MT700", "49", "CONFIRM"}, {"MT700", "58A", "BCOMPTPL"}, {"MT700", "53A", "COBADEFFXXX"},
		{"MT740", "20", "ILC0001"}, {"MT740", "40F", "URR LATEST VERSION"}, {"MT740", "32B", "EUR84000,00"},
		{"MT740", "41A", "BCOMPTPL\r\nBY PAYMENT"}, {"MT740", "31D", "270106LISBON"},
		{"MT742", "21", "ILC0001"}, {"MT742", "52A", "ESSESESS"}, {"MT742", "32B", "EUR84000,00"}, {"MT742", "34A", "261125EUR84000,00"},
	} {
		m := byType[c.msg]
		if m == nil {
			t.Fatalf("no %s among %d messages", c.msg, len(msgs))
		}
		if got, _ := m.Get(c.tag); got != c.want {
			t.Errorf("%s %s = %q, want %q", c.msg, c.tag, got, c.want)
		}
	}
	if m := byType["MT742"]; m.Sender != "BCOMPTPL" || m.Receiver != "COBADEFF" {
		t.Errorf("MT742 from %s to %s, want the confirming bank to the reimbursing bank", m.Sender, m.Receiver)
	}
	if m := byType["MT740"]; m.Sender != "ESSESESS" || m.Receiver != "COBADEFF" {
		t.Errorf("MT740 from %s to %s, want the issuing bank to the reimbursing bank", m.Sender, m.Receiver)
	}
	if m := byType["MT754"]; m.Sender != "BCOMPTPL" {
		t.Errorf("MT754 from %s, want the confirming bank that honoured", m.Sender)
	}
}
