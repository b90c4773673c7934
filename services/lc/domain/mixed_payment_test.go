package domain

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tradefin/tradefin/events/money"
)

func TestParseMixedPayment(t *testing.T) {
	for _, c := range []struct{ text, want, refused string }{
		{text: "50 PCT AT SIGHT, 50 PCT 90 DAYS AFTER B/L DATE", want: "50 AT SIGHT|50 90 DAYS AFTER B/L DATE"},
		{text: "30% at sight; 30 PCT 60 DAYS AFTER SIGHT and 40 PERCENT OF INVOICE VALUE PAYABLE ON 2027-03-01.",
			want: "30 AT SIGHT|30 60 DAYS AFTER SIGHT|40 ON 2027-03-01"},
		{text: "50 PCT AT SIGHT, 50 PCT 90 DAYS\r\nAFTER B/L DATE", want: "50 AT SIGHT|50 90 DAYS AFTER B/L DATE"}, // a wrapped 35x line
		{text: "50 PCT AT SIGHT, 40 PCT 90 DAYS AFTER SIGHT", refused: "sum to 90"},
		{text: "100 PCT 90 DAYS AFTER SIGHT", refused: "1 instalments"},
		{text: "50 PCT AT SIGHT, 50 PCT AT SIGHT", refused: "BY PAYMENT"},
		{text: "50.5 PCT AT SIGHT, 49.5 PCT 90 DAYS AFTER SIGHT", refused: "no instalment"},
		{text: "0 PCT AT SIGHT, 100 PCT 90 DAYS AFTER SIGHT", refused: "1 to 99"},
		{text: "50 PCT AT SIGHT, 50 PCT 90 DAYS AFTER ARRIVAL", refused: "ISBP 821 B2"},
		{text: "20 PCT AT SIGHT, 20 PCT AT SIGHT, 20 PCT AT SIGHT, 20 PCT AT SIGHT, 20 PCT 30 DAYS AFTER SIGHT", refused: "5 instalments"},
	} {
		its, err := ParseMixedPayment(c.text)
		var got []string
		for _, it := range its {
			got = append(got, strconv.Itoa(it.Percent)+" "+it.Tenor.String())
		}
		switch {
		case c.refused != "" && (err == nil || !strings.Contains(err.Error(), c.refused)):
			t.Errorf("%q: %v, want refused with %q", c.text, err, c.refused)
		case c.refused == "" && (err != nil || strings.Join(got, "|") != c.want):
			t.Errorf("%q: %v %q, want %q", c.text, err, got, c.want)
		}
	}
}

// The split is in minor units, the remainder on the last instalment: the parts sum to the whole.
func TestSplitInstalmentsKeepsEveryMinorUnit(t *testing.T) {
	usd := money.MustCurrency("USD")
	terms := []InstalmentTerm{{Percent: 33}, {Percent: 33}, {Percent: 34}}
	got := SplitInstalments(money.New(10001, usd), terms)
	if got[0].Minor != 3300 || got[1].Minor != 3300 || got[2].Minor != 3401 {
		t.Fatalf("split of USD 100.01: %v", got)
	}
	jpy := money.MustCurrency("JPY")
	big := SplitInstalments(money.New(9_000_000_000_000_000_001, jpy), []InstalmentTerm{{Percent: 50}, {Percent: 50}})
	if big[0].Minor != 4_500_000_000_000_000_000 || big[1].Minor != 4_500_000_000_000_000_001 {
		t.Fatalf("split near the int64 bound: %v", big)
	}
}

// TestHonourOfAMixedPaymentCreditPaysPartAtSightAndUndertakesTheRest: the complying presentation's
// honour is split as 42M states (UCP 600 Art. 2, "honour" (a) and (b)): the sight instalment is
// payable at the honour, the deferred one 90 days after the on-board date on the Lisbon
// calendar, under a deferred payment undertaking maturing with it; the events rebuild it.
func TestHonourOfAMixedPaymentCreditPaysPartAtSightAndUndertakesTheRest(t *testing.T) {
	lc := usanceCredit(t, Availability{By: ByMixedPayment, MixedPaymentDetails: "40 PCT AT SIGHT, 60 PCT 90 DAYS AFTER B/L DATE"})
	if res, err := present(lc, "P-1", complying(), presentedAt, policy); err != nil || !res.Compliant {
		t.Fatalf("present: %v %+v", err, res)
	}
	if err := lc.Undertake(policy); err != nil {
		t.Fatal(err)
	}
	drawn := lc.DrawingAmount("P-1")
	honoured := NewDate(2026, time.December, 9)
	maturity := NewDate(2027, time.March, 1)
	p := lc.Presentations[0]
	if u := p.Undertaking; u == nil || u.Kind != DeferredPaymentUndertaking || u.MaturityDate != maturity || !u.PayableAt.Equal(time.Date(2027, time.March, 1, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("undertaking %+v", u)
	}
	its := p.Instalments
	if len(its) != 2 || its[0].Amount.Minor+its[1].Amount.Minor != drawn.Minor || its[0].Amount != drawn.Percent(40) {
		t.Fatalf("instalments of %s: %+v", drawn, its)
	}
	if its[0].Number != 1 || its[0].MaturityDate != honoured || !its[0].PayableAt.IsZero() || its[0].Tenor != "AT SIGHT" {
		t.Errorf("sight instalment %+v: payable at the honour", its[0])
	}
	if its[1].Number != 2 || its[1].MaturityDate != maturity || !its[1].PayableAt.Equal(p.Undertaking.PayableAt) {
		t.Errorf("deferred instalment %+v: payable at the maturity", its[1])
	}
	n := len(lc.Changes())
	if err := lc.Undertake(policy); err != nil || len(lc.Changes()) != n {
		t.Fatalf("undertaking again: %v, %d events after %d", err, len(lc.Changes()), n)
	}
	replayed := &LetterOfCredit{}
	for _, e := range lc.Changes() {
		replayed.Apply(e)
	}
	if r := replayed.Presentations[0]; len(r.Instalments) != 2 || r.Instalments[1] != its[1] || *r.Undertaking != *p.Undertaking {
		t.Fatalf("replayed: %+v", r)
	}
}

// Each drawing of a usance credit drawn by several presentations has its own undertaking, whose
// maturity counts from its own bill of lading (UCP 600 Art. 31(a), Art. 2 "honour" (b)).
func TestEachDrawingOfAUsanceCreditHasItsOwnMaturity(t *testing.T) {
	lc := drawingCredit(t, func(tm *Terms) {
		tm.Availability = Availability{By: ByDeferredPayment, DeferredPaymentDetails: "30 DAYS AFTER B/L DATE"}
	})
	first, second := drawing(400), drawing(300)
	bl := doc(&second, BillOfLading)
	bl.OnBoardDate = doc(&first, BillOfLading).OnBoardDate.AddDays(3)
	draw(t, lc, "P-1", first)
	if err := lc.Undertake(policy); err != nil {
		t.Fatal(err)
	}
	draw(t, lc, "P-2", second)
	if err := lc.Undertake(policy); err != nil {
		t.Fatal(err)
	}
	u1, u2 := lc.Presentations[0].Undertaking, lc.Presentations[1].Undertaking
	if u1 == nil || u2 == nil || u2.MaturityDate.String() <= u1.MaturityDate.String() || !u2.PayableAt.After(u1.PayableAt) {
		t.Fatalf("undertakings %+v and %+v: each drawing matures 30 days after its own B/L", u1, u2)
	}
}
