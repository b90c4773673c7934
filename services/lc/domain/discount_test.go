package domain

import (
	"errors"
	"testing"
	"time"

	"github.com/tradefin/tradefin/events/money"
)

// discountable is a deferred payment credit available with the advising bank (BCOMPTPL, the
// nominated bank), its presentation P-1 honoured, maturing 2027-03-01.
func discountable(t *testing.T) *LetterOfCredit {
	t.Helper()
	lc := usanceCredit(t, Availability{By: ByDeferredPayment, DeferredPaymentDetails: "90 DAYS AFTER B/L DATE"})
	if res, err := present(lc, "P-1", complying(), presentedAt, policy); err != nil || !res.Compliant {
		t.Fatalf("present: %v %+v", err, res)
	}
	if err := lc.Undertake(policy); err != nil {
		t.Fatal(err)
	}
	return lc
}

// TestNominatedBankDiscountsTheUndertaking: the nominated bank prepays the deferred payment
// undertaking at 5% a year 81 days before the maturity (Art. 12(b)): the discount on ACT/360
// is rounded up to the cent, so the beneficiary's proceeds never exceed the exact value; the
// face stays what the issuing bank pays at maturity; the events rebuild the discount.
func TestNominatedBankDiscountsTheUndertaking(t *testing.T) {
	lc := discountable(t)
	at := time.Date(2026, time.December, 10, 10, 0, 0, 0, time.UTC)
	if err := lc.DiscountUndertaking("P-1", "BCOMPTPL", DiscountTerms{RateBasisPoints: 500, Days: 81}, at, policy); err != nil {
		t.Fatal(err)
	}
	face := lc.DrawingAmount("P-1")
	// 100 000.00 × 5% × 81 / 360 = 1 125.00 exactly; check the rounding on an odd face below.
	want := face.Minor - (face.Minor*500*81+3_600_000-1)/3_600_000
	d := lc.Presentations[0].Discount
	if d == nil || d.Face != face || d.Proceeds.Minor != want || d.Days != 81 || d.By != "BCOMPTPL" || d.On != NewDate(2026, time.December, 10) {
		t.Fatalf("discount %+v, want proceeds %d of %s", d, want, face)
	}
	replayed := &LetterOfCredit{}
	for _, e := range lc.Changes() {
		replayed.Apply(e)
	}
	if r := replayed.Presentations[0].Discount; r == nil || *r != *d {
		t.Fatalf("replayed discount %+v", r)
	}
	if err := lc.DiscountUndertaking("P-1", "BCOMPTPL", DiscountTerms{RateBasisPoints: 500}, at, policy); KindOf(err) != KindConflict {
		t.Errorf("discounted twice: %v", err)
	}
}

func TestDiscountRoundsTheDiscountUp(t *testing.T) {
	eur := money.MustCurrency("EUR")
	d, err := discountOf(money.New(1_000_01, eur), DiscountTerms{RateBasisPoints: 333}, 7) // 1000.01 × 3.33% × 7/360 = 0.6475…
	if err != nil || d.Proceeds.Minor != 1_000_01-65 {
		t.Fatalf("proceeds %+v, %v; want the discount 0.65 (0.6475 rounded up)", d, err)
	}
	gbp := money.MustCurrency("GBP")
	if d, _ := discountOf(money.New(365_000_00, gbp), DiscountTerms{RateBasisPoints: 10_000}, 1); d.Proceeds.Minor != 364_000_00 {
		t.Errorf("GBP on ACT/365: %+v", d)
	}
	for name, terms := range map[string]DiscountTerms{
		"no rate":         {},
		"rate too high":   {RateBasisPoints: 10_001},
		"both":            {RateBasisPoints: 100, Proceeds: &money.Money{Minor: 1, Currency: eur}},
		"over the face":   {Proceeds: &money.Money{Minor: 1_000_02, Currency: eur}},
		"other currency":  {Proceeds: &money.Money{Minor: 1, Currency: gbp}},
		"days overstated": {RateBasisPoints: 100, Days: 8},
	} {
		if _, err := discountOf(money.New(1_000_01, eur), terms, 7); KindOf(err) != KindInvalid {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// Only the nominated bank, not the issuing bank, discounts, and only before the maturity.
func TestOnlyTheNominatedBankDiscountsBeforeMaturity(t *testing.T) {
	lc := discountable(t)
	at := time.Date(2026, time.December, 10, 10, 0, 0, 0, time.UTC)
	proceeds := money.New(99_000_00, money.MustCurrency("EUR"))
	for _, bank := range []BIC{"ESSESESS", "DEUTDEFF"} {
		if err := lc.DiscountUndertaking("P-1", bank, DiscountTerms{Proceeds: &proceeds}, at, policy); !errors.Is(err, ErrNotNominatedBank) {
			t.Errorf("discount by %s: %v", bank, err)
		}
	}
	if err := lc.DiscountUndertaking("P-1", "BCOMPTPL", DiscountTerms{Proceeds: &proceeds}, time.Date(2027, time.March, 1, 0, 0, 0, 0, time.UTC), policy); KindOf(err) != KindConflict {
		t.Errorf("discount at the maturity: %v", err)
	}
	own := usanceCredit(t, Availability{With: "ESSESESS", By: ByDeferredPayment, DeferredPaymentDetails: "90 DAYS AFTER B/L DATE"})
	if p := own.PresentationByID("P-1"); p != nil || own.NominatedBank(&ExaminedPresentation{}) != "" {
		t.Errorf("a credit available with the issuing bank has a nominated bank: %q", own.NominatedBank(&ExaminedPresentation{}))
	}
}

// A nominated bank with no organisation on the trade network (41a naming a third bank) does not
// discount: its UNDERTAKING_DISCOUNTED would be signed by the advising bank's organisation.
func TestANominatedBankOffTheNetworkDoesNotDiscount(t *testing.T) {
	lc := usanceCredit(t, Availability{With: "DEUTDEFF", By: ByDeferredPayment, DeferredPaymentDetails: "90 DAYS AFTER B/L DATE"})
	if res, err := present(lc, "P-1", complying(), presentedAt, policy); err != nil || !res.Compliant {
		t.Fatalf("present: %v %+v", err, res)
	}
	if err := lc.Undertake(policy); err != nil {
		t.Fatal(err)
	}
	proceeds := money.New(99_000_00, money.MustCurrency("EUR"))
	at := time.Date(2026, time.December, 10, 10, 0, 0, 0, time.UTC)
	if err := lc.DiscountUndertaking("P-1", "DEUTDEFF", DiscountTerms{Proceeds: &proceeds}, at, policy); !errors.Is(err, ErrDiscounterNotOnNetwork) || KindOf(err) != KindRule {
		t.Fatalf("a discount by a bank off the network: %v", err)
	}
}
