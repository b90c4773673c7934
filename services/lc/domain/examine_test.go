package domain

import (
	"strings"
	"testing"
	"time"

	"github.com/tradefin/tradefin/events/money"
)

var eur = money.MustCurrency("EUR")

func eurAmount(minor int64) *money.Money { m := money.New(minor, eur); return &m }

// credit is a CIF credit for 1,000 cartons of ceramic tiles at EUR 100.00, EUR 100,000.00.
func credit() Terms {
	return Terms{
		Number: "LC-2026-001", Applicant: Party{ID: importerLEI, Name: "Nordic Imports AB"}, Beneficiary: Party{ID: exporterLEI, Name: "Azulejos Lisboa Lda"},
		IssuingBank: "ESSESESS", AdvisingBank: "BCOMPTPL", Amount: money.New(100_000_00, eur),
		ExpiryDate: NewDate(2026, time.December, 31), ExpiryPlace: "Lisbon", LatestShipment: NewDate(2026, time.December, 10),
		PartialShipments: NotAllowed, Transhipment: NotAllowed, PortOfLoading: "PTLIS", PortOfDischarge: "SEGOT",
		Goods:     Goods{Description: "ceramic floor tiles", Quantity: 1000, Unit: "cartons", UnitPrice: eurAmount(100_00), CountedInUnits: true},
		Incoterm:  "CIF",
		Documents: []DocumentKind{CommercialInvoice, BillOfLading, InsuranceDocument, PackingList},
	}
}

// complying is a presentation that complies with credit().
func complying() Presentation {
	shipped := NewDate(2026, time.December, 1)
	return Presentation{Date: NewDate(2026, time.December, 8), Place: "Lisbon", Documents: []Document{
		{Kind: CommercialInvoice, IssueDate: shipped, Issuer: "Azulejos Lisboa Lda", MadeOutTo: "Nordic Imports AB",
			Amount: eurAmount(100_000_00), GoodsDescription: "Ceramic floor tiles, 30x30 cm, grade A", Quantity: 1000, UnitPrice: eurAmount(100_00)},
		{Kind: BillOfLading, IssueDate: shipped, OnBoardNotation: true, OnBoardDate: shipped, PortOfLoading: "PTLIS", PortOfDischarge: "SEGOT"},
		{Kind: InsuranceDocument, IssueDate: shipped, EffectiveDate: shipped, InsuredAmount: eurAmount(110_000_00), PortOfDischarge: "SEGOT"},
		{Kind: PackingList, IssueDate: shipped, Quantity: 1000},
	}}
}

func doc(p *Presentation, k DocumentKind) *Document {
	for i := range p.Documents {
		if p.Documents[i].Kind == k {
			return &p.Documents[i]
		}
	}
	panic("no " + k)
}

func TestComplyingPresentation(t *testing.T) {
	e := Examine(credit(), complying(), lisbon)
	if !e.Compliant || len(e.Discrepancies) != 0 {
		t.Fatalf("discrepancies in a complying presentation: %+v", e.Discrepancies)
	}
}

func TestDiscrepancies(t *testing.T) {
	cases := []struct {
		name   string
		rule   string // the article or field the case checks
		change func(*Terms, *Presentation)
	}{
		{"presented after expiry", "Art. 6(e)", func(_ *Terms, p *Presentation) { p.Date = NewDate(2027, time.January, 4) }},
		{"presented at another place", "Art. 6(d)(ii)", func(_ *Terms, p *Presentation) { p.Place = "Madrid" }},
		{"presented later than the period of MT700 48", "MT700 48", func(tm *Terms, p *Presentation) {
			tm.PresentationPeriodDays = 5
			p.Date = NewDate(2026, time.December, 9)
		}},
		{"presented more than 21 days after shipment", "Art. 14(c)", func(_ *Terms, p *Presentation) { p.Date = NewDate(2026, time.December, 23) }},
		{"a document dated after the presentation", "Art. 14(i)", func(_ *Terms, p *Presentation) {
			doc(p, PackingList).IssueDate = NewDate(2026, time.December, 9)
		}},
		{"a required document missing", "MT700 46A", func(_ *Terms, p *Presentation) { p.Documents = p.Documents[:3] }},
		{"shipped after the latest shipment date", "MT700 44C", func(_ *Terms, p *Presentation) {
			doc(p, BillOfLading).OnBoardDate = NewDate(2026, time.December, 11)
		}},
		{"invoice not issued by the beneficiary", "Art. 18(a)(i)", func(_ *Terms, p *Presentation) { doc(p, CommercialInvoice).Issuer = "Tiles Trading Ltd" }},
		{"invoice not made out to the applicant", "Art. 18(a)(ii)", func(_ *Terms, p *Presentation) { doc(p, CommercialInvoice).MadeOutTo = "Nordic Logistics" }},
		{"invoice in another currency", "Art. 18(a)(iii)", func(_ *Terms, p *Presentation) {
			m := money.New(100_000_00, money.MustCurrency("USD"))
			doc(p, CommercialInvoice).Amount = &m
		}},
		{"goods description does not correspond", "Art. 18(c)", func(_ *Terms, p *Presentation) { doc(p, CommercialInvoice).GoodsDescription = "porcelain wall tiles" }},
		{"invoice over the credit amount", "Art. 18(b)", func(_ *Terms, p *Presentation) { doc(p, CommercialInvoice).Amount = eurAmount(100_000_01) }},
		{"partial shipment prohibited", "Art. 31", func(_ *Terms, p *Presentation) {
			inv := doc(p, CommercialInvoice)
			inv.Quantity, inv.Amount = 900, eurAmount(90_000_00)
			doc(p, PackingList).Quantity = 900
		}},
		{"no on-board notation", "Art. 20(a)(ii)", func(_ *Terms, p *Presentation) { doc(p, BillOfLading).OnBoardNotation = false }},
		{"wrong port of loading", "44E", func(_ *Terms, p *Presentation) { doc(p, BillOfLading).PortOfLoading = "PTLEI" }},
		{"wrong port of discharge", "44F", func(_ *Terms, p *Presentation) {
			doc(p, BillOfLading).PortOfDischarge = "SESTO"
			doc(p, InsuranceDocument).PortOfDischarge = "SESTO"
		}},
		{"transhipment of goods not in a container", "Art. 20(c)", func(_ *Terms, p *Presentation) { doc(p, BillOfLading).Transhipment = true }},
		{"a claused bill of lading", "Art. 27", func(_ *Terms, p *Presentation) {
			doc(p, BillOfLading).Clauses = []string{"3 cartons broken"}
		}},
		{"insurance effective after shipment", "Art. 28(e)", func(_ *Terms, p *Presentation) {
			doc(p, InsuranceDocument).EffectiveDate = NewDate(2026, time.December, 2)
		}},
		{"insurance below 110% of CIF value", "Art. 28(f)(ii)", func(_ *Terms, p *Presentation) {
			doc(p, InsuranceDocument).InsuredAmount = eurAmount(109_999_99)
		}},
		{"insurance in another currency", "Art. 28(f)(i)", func(_ *Terms, p *Presentation) {
			m := money.New(110_000_00, money.MustCurrency("USD"))
			doc(p, InsuranceDocument).InsuredAmount = &m
		}},
		{"packing list conflicts with the invoice", "Art. 14(d)", func(_ *Terms, p *Presentation) { doc(p, PackingList).Quantity = 999 }},
	}
	for _, c := range cases {
		t.Run(c.rule+" "+c.name, func(t *testing.T) {
			tm, p := credit(), complying()
			c.change(&tm, &p)
			e := Examine(tm, p, lisbon)
			if e.Compliant {
				t.Fatal("found compliant")
			}
			for _, d := range e.Discrepancies {
				if strings.Contains(d.Rule, c.rule) {
					if d.Message == "" {
						t.Fatal("discrepancy without a message")
					}
					return
				}
			}
			t.Fatalf("no discrepancy citing %s in %+v", c.rule, e.Discrepancies)
		})
	}
}

func TestTolerancesAndExceptions(t *testing.T) {
	cases := []struct {
		name   string
		rule   string
		change func(*Terms, *Presentation)
	}{
		{"39A 10/10 lets the invoice exceed the amount by 10%", "MT700 39A", func(tm *Terms, p *Presentation) {
			tm.Tolerance = &Tolerance{PlusPct: 10, MinusPct: 10}
			tm.Goods.UnitPrice = nil
			doc(p, CommercialInvoice).Amount = eurAmount(110_000_00)
			doc(p, InsuranceDocument).InsuredAmount = eurAmount(121_000_00)
		}},
		{"about: amount +10%", "Art. 30(a)", func(tm *Terms, p *Presentation) {
			tm.AmountAbout = true
			tm.Goods.UnitPrice = nil
			doc(p, CommercialInvoice).Amount = eurAmount(110_000_00)
			doc(p, InsuranceDocument).InsuredAmount = eurAmount(121_000_00)
		}},
		{"bulk goods: quantity -5% is not a partial shipment", "Art. 30(b)", func(tm *Terms, p *Presentation) {
			tm.Goods = Goods{Description: "ceramic floor tiles", Quantity: 1000, Unit: "m2"}
			inv := doc(p, CommercialInvoice)
			inv.Quantity, inv.Amount, inv.UnitPrice = 950, eurAmount(99_000_00), nil
			doc(p, PackingList).Quantity = 950
		}},
		{"full quantity shipped, amount 4% less", "Art. 30(c)", func(_ *Terms, p *Presentation) {
			doc(p, CommercialInvoice).Amount = eurAmount(96_000_00)
		}},
		{"transhipment of containerised goods", "Art. 20(c)(ii)", func(_ *Terms, p *Presentation) {
			bl := doc(p, BillOfLading)
			bl.Transhipment, bl.Container = true, true
		}},
		{"expiry on a holiday moves to the next banking day", "Art. 29(a)", func(tm *Terms, p *Presentation) {
			tm.ExpiryDate = NewDate(2026, time.December, 25) // Friday, a holiday
			tm.LatestShipment = NewDate(2026, time.December, 20)
			p.Date = NewDate(2026, time.December, 28) // Monday
			for i := range p.Documents {
				p.Documents[i].IssueDate = NewDate(2026, time.December, 18)
			}
			bl := doc(p, BillOfLading)
			bl.OnBoardDate = NewDate(2026, time.December, 18)
			doc(p, InsuranceDocument).EffectiveDate = NewDate(2026, time.December, 18)
		}},
	}
	for _, c := range cases {
		t.Run(c.rule+" "+c.name, func(t *testing.T) {
			tm, p := credit(), complying()
			c.change(&tm, &p)
			if e := Examine(tm, p, lisbon); !e.Compliant {
				t.Fatalf("%s should allow this: %+v", c.rule, e.Discrepancies)
			}
		})
	}
	// 30(c) stops at 5%: 6% less with partial shipments prohibited is a discrepancy.
	tm, p := credit(), complying()
	doc(&p, CommercialInvoice).Amount = eurAmount(94_000_00)
	if Examine(tm, p, lisbon).Compliant {
		t.Fatal("Art. 30(c): a drawing 6% short must not comply")
	}
	// Art. 29(c): the latest shipment date is not extended by a holiday.
	tm, p = credit(), complying()
	tm.LatestShipment = NewDate(2026, time.December, 5) // Saturday
	doc(&p, BillOfLading).OnBoardDate = NewDate(2026, time.December, 7)
	if Examine(tm, p, lisbon).Compliant {
		t.Fatal("Art. 29(c): shipment after a latest shipment date on a weekend must not comply")
	}
}

// TestExaminationDeadline: Art. 14(b) — five banking days following the day of presentation,
// skipping weekends and the place's holidays; Art. 33 — a presentation on a closed day counts
// from the next banking day.
func TestExaminationDeadline(t *testing.T) {
	cases := []struct{ presented, deadline Date }{
		{NewDate(2026, time.December, 1), NewDate(2026, time.December, 9)},   // Tue; skips the weekend and the 8th
		{NewDate(2026, time.December, 18), NewDate(2026, time.December, 28)}, // Fri; skips two weekends and the 25th
		{NewDate(2026, time.December, 5), NewDate(2026, time.December, 15)},  // Saturday: deemed presented Monday 7th (Art. 33)
		{NewDate(2026, time.December, 8), NewDate(2026, time.December, 16)},  // a holiday: deemed presented on the 9th
	}
	for _, c := range cases {
		p := complying()
		p.Date = c.presented
		tm := credit()
		tm.ExpiryDate = NewDate(2027, time.March, 1)
		if got := Examine(tm, p, lisbon).Deadline; got != c.deadline {
			t.Errorf("presented %s (%s): deadline %s, want %s", c.presented, c.presented.Weekday(), got, c.deadline)
		}
	}
}

func TestRefusalNotice(t *testing.T) {
	tm, p := credit(), complying()
	doc(&p, BillOfLading).OnBoardNotation = false
	doc(&p, CommercialInvoice).Issuer = "Someone Else"
	e := Examine(tm, p, lisbon)
	n, err := Refuse(e, HoldPendingWaiver, e.Deadline)
	if err != nil {
		t.Fatal(err)
	}
	if len(n.Discrepancies) != 2 {
		t.Fatalf("Art. 16(c)(ii): the notice must list every discrepancy, got %d", len(n.Discrepancies))
	}
	if _, err := Refuse(e, HoldPendingWaiver, e.Deadline.AddDays(1)); err == nil {
		t.Fatal("Art. 16(d): a refusal after the deadline must be refused")
	}
	if _, err := Refuse(e, "KEEP", e.Deadline); err == nil {
		t.Fatal("Art. 16(c)(iii): an unknown disposal must be refused")
	}
	if _, err := Refuse(Examine(tm, complying(), lisbon), ReturnDocuments, e.Deadline); err == nil {
		t.Fatal("Art. 15(a): a complying presentation cannot be refused")
	}
}
