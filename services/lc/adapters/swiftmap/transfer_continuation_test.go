package swiftmap

import (
	"fmt"
	"strings"
	"testing"

	"github.com/tradefin/tradefin/events/money"
	"github.com/tradefin/tradefin/services/lc/adapters/calendars"
	"github.com/tradefin/tradefin/services/lc/adapters/swift"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// transferredWith is a transferable credit with the goods and conditions given, transferred.
func transferredWith(t *testing.T, goods string, conditions []string) *domain.LetterOfCredit {
	t.Helper()
	eur := money.MustCurrency("EUR")
	lc, err := domain.Apply("LC-TRF", "T-TRF", domain.Terms{Number: "ILC0721", Form: domain.FormIrrevocableTransferable,
		Applicant: domain.Party{ID: "5493001NORDICIMP0058", Name: "Nordic Imports AB"}, Beneficiary: domain.Party{ID: "5493002AZULEJOSLX028", Name: "Azulejos Lisboa Lda"},
		IssuingBank: "ESSESESS", AdvisingBank: "BCOMPTPL", Amount: money.New(84_000_00, eur), ExpiryDate: domain.NewDate(2027, 1, 6), ExpiryPlace: "Lisbon",
		Goods:     domain.Goods{Description: goods, Quantity: 1000, Unit: "CARTONS", UnitPrice: &money.Money{Minor: 84_00, Currency: eur}},
		Documents: []domain.DocumentKind{domain.CommercialInvoice, domain.BillOfLading}, AdditionalConditions: conditions}, calendars.Default())
	if err != nil {
		t.Fatal(err)
	}
	for i, err := range []error{
		lc.Issue(domain.NewDate(2026, 11, 2), domain.Stamp{}, domain.FourEyes{}),
		lc.Advise("BCOMPTPL", domain.NewDate(2026, 11, 3)),
		lc.RequestTransfer(domain.Transfer{SecondBeneficiary: domain.Party{ID: "5493004CERAMNORTE081", Name: "Ceramicas do Norte SA"}, Amount: money.New(70_000_00, eur), AmendmentsToSecondBeneficiary: new(bool)}, domain.Stamp{}),
		lc.TransferCredit("BCOMPTPL", domain.NewDate(2026, 11, 4)),
	} {
		if err != nil {
			t.Fatalf("step %d: %v", i+1, err)
		}
	}
	return lc
}

// narrativeOf is each narrative field's lines over the messages, in order.
func narrativeOf(msgs []*swift.Message) map[string][]string {
	out := map[string][]string{}
	for _, m := range msgs {
		for _, f := range m.Fields {
			if f.Tag == "45A" || f.Tag == "46A" || f.Tag == "47A" {
				out[f.Tag] = append(out[f.Tag], strings.Split(f.Value, "\r\n")...)
			}
		}
	}
	return out
}

// A transferred credit whose goods (45A, at the bound of 6,500 characters, with the unit price
// line MT720 adds) and conditions exceed MT720's 100 lines a field travels as an MT720 followed
// by MT721s: 27 numbers them n/total, each MT721 names the transferring bank's reference (20)
// and the credit (21), every message validates, and the narrative read across them is the
// whole, in order. A credit whose narrative fits is one MT720, as before.
func TestTransferNarrativeContinuesInMT721(t *testing.T) {
	goods := strings.TrimSpace(strings.Repeat("CERAMIC FLOOR TILES 30X30 CM GRADE A ", 180))[:domain.MaxGoodsLength]
	var conds []string
	for range 20 { // 20 conditions of 510 characters: about 160 lines of 65
		conds = append(conds, strings.TrimSpace(strings.Repeat("THE BILL OF LADING MUST SHOW THE CONTAINER NUMBERS ", 10)))
	}
	lc := transferredWith(t, goods, conds)
	whole, err := mt720(lc)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := MT720(lc); err == nil {
		t.Fatal("the whole narrative fits one MT720: the test does not exceed its field sizes")
	}
	msgs, err := MT720Messages(lc)
	if err != nil {
		t.Fatal(err)
	}
	if len(msgs) < 2 || msgs[0].Type != "720" {
		t.Fatalf("%d messages, want an MT720 and MT721s", len(msgs))
	}
	for i, m := range msgs[1:] {
		if m.Type != "721" || value(m, "27") != fmt.Sprintf("%d/%d", i+2, len(msgs)) || value(m, "20") != value(whole, "20") || value(m, "21") != "ILC0721" {
			t.Errorf("MT721 %d: 27 %q, 20 %q, 21 %q", i+1, value(m, "27"), value(m, "20"), value(m, "21"))
		}
		if len(m.String()) > maxTextBlock+200 {
			t.Errorf("MT721 %d is %d characters", i+1, len(m.String()))
		}
	}
	if value(msgs[0], "27") != fmt.Sprintf("1/%d", len(msgs)) || value(msgs[0], "59") == "" {
		t.Errorf("MT720: 27 %q", value(msgs[0], "27"))
	}
	got, want := narrativeOf(msgs), narrativeOf([]*swift.Message{whole})
	for _, tag := range transferNarrative {
		if strings.Join(got[tag], "\n") != strings.Join(want[tag], "\n") || len(want[tag]) == 0 {
			t.Errorf("%s: %d lines across the messages, %d in the transfer", tag, len(got[tag]), len(want[tag]))
		}
	}
	if len(want["45A"]) <= narrativeLinesPerField {
		t.Errorf("45A has %d lines: not beyond MT720's %d", len(want["45A"]), narrativeLinesPerField)
	}

	short := transferredWith(t, "CERAMIC FLOOR TILES", nil)
	msgs, err = MT720Messages(short)
	one, err1 := MT720(short)
	if err != nil || err1 != nil || len(msgs) != 1 || msgs[0].String() != one.String() {
		t.Fatalf("a short transfer: %d messages (%v, %v)", len(msgs), err, err1)
	}
}
