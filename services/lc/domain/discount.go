package domain

import (
	"fmt"
	"math/big"
	"time"

	"github.com/tradefin/tradefin/events/money"
)

// Discounting before maturity (UCP 600 Art. 12(b)): by nominating a bank to accept a draft or
// incur a deferred payment undertaking, the issuing bank authorises that nominated bank to
// prepay or purchase the draft it accepted or the undertaking it incurred before maturity. The
// nominated bank pays the beneficiary the discounted proceeds now and at maturity the issuing
// bank pays the nominated bank the face amount. Only a nominated bank other than the issuing
// bank discounts: the issuing bank paying early is simply paying.

// MaxDiscountRateBasisPoints bounds a stated discount rate: 100% a year.
const MaxDiscountRateBasisPoints = 10_000

// DiscountTerms is what the nominated bank states: the proceeds it pays, or its rate a year in
// basis points with the days to maturity (which must be the days from the discount's date to the
// maturity date, so the bank cannot overstate them).
type DiscountTerms struct {
	Proceeds        *money.Money
	RateBasisPoints int
	Days            int
}

// Discount is a usance honour's undertaking prepaid or purchased by the nominated bank.
type Discount struct {
	By              BIC
	On              Date
	Face            money.Money // what the issuing bank pays the nominated bank at maturity
	Proceeds        money.Money // what the nominated bank pays the beneficiary now
	RateBasisPoints int
	Days            int // from On to the maturity date
}

// UndertakingDiscounted: the nominated bank prepaid or purchased the undertaking of a usance
// presentation before its maturity (Art. 12(b)).
type UndertakingDiscounted struct {
	PresentationID string
	Discount       Discount
}

func (UndertakingDiscounted) EventName() string { return "lc.UndertakingDiscounted" }

// ErrNotNominatedBank: only the nominated bank that accepted the draft or incurred the
// undertaking, other than the issuing bank, may discount it (Art. 12(b)).
var ErrNotNominatedBank = Forbid("only the nominated bank (41a's, or the confirming bank that honoured), other than the issuing bank, " +
	"may prepay or purchase the undertaking before maturity (UCP 600 Art. 12(b))")

// ErrDiscounterNotOnNetwork: the nominated bank has no organisation on the trade network.
var ErrDiscounterNotOnNetwork = &Error{Kind: KindRule, Msg: "the nominated bank has no organisation on the trade network, whose banks sign as the issuing bank or the advising bank: only the advising bank discounts here"}

// NominatedBank is the bank that may discount presentation p's undertaking: the confirming bank
// that honoured it, else the bank the credit is available with (for ANY BANK the bank the
// documents were presented to); "" when that is the issuing bank.
func (lc *LetterOfCredit) NominatedBank(p *ExaminedPresentation) BIC {
	bank := p.HonouredBy
	if bank == "" {
		bank = lc.Terms.AvailableWith()
		if bank == AnyBank {
			bank = p.Presentation.Bank
		}
	}
	if bank == "" || sameText(bank, lc.Terms.IssuingBank) {
		return ""
	}
	return bank
}

// DiscountUndertaking records the discount by bank by of presentation id's undertaking at at,
// on the bank's calendar: the presentation honoured with an undertaking not yet due, not
// discounted before.
func (lc *LetterOfCredit) DiscountUndertaking(id string, by BIC, terms DiscountTerms, at time.Time, pol Policy) error {
	p := lc.PresentationByID(id)
	if p == nil {
		return errorf(KindNotFound, "no presentation %s under credit %s", id, lc.ID)
	}
	if nb := lc.NominatedBank(p); nb == "" || !sameText(nb, by) {
		return ErrNotNominatedBank
	}
	// As for a confirming bank (confirming_bank.go): UNDERTAKING_DISCOUNTED is signed by the
	// nominated bank's organisation, and the one the trade network has is the advising bank's,
	// so a credit available with a third bank (or ANY BANK presented elsewhere) is not
	// discounted here rather than signed for by another bank.
	if !sameText(by, lc.Terms.AdvisingBank) {
		return ErrDiscounterNotOnNetwork
	}
	u := p.Undertaking
	switch {
	case !p.Honoured || u == nil:
		return errorf(KindConflict, "presentation %s has no accepted draft or deferred payment undertaking to discount (UCP 600 Art. 12(b))", id)
	case p.Discount != nil:
		return errorf(KindConflict, "presentation %s's undertaking was discounted on %s", id, p.Discount.On)
	case !at.Before(u.PayableAt):
		return errorf(KindConflict, "presentation %s's undertaking matured on %s: it is paid, not discounted", id, u.MaturityDate)
	}
	on := pol.Calendars.ofBank(by, lc.Terms).DateAt(at)
	d, err := discountOf(p.Undertaken(lc.DrawingAmount(p.ID)), terms, int(u.MaturityDate.day()-on.day()))
	if err != nil {
		return err
	}
	d.By, d.On = by, on
	lc.record(UndertakingDiscounted{PresentationID: id, Discount: d})
	return nil
}

// discountOf computes the proceeds of face discounted days before maturity. With a rate, the
// discount is face × rate × days / (basis × 10 000) in integer arithmetic, rounded up to the
// minor unit (the proceeds never exceed the exact value), on the money-market day basis of the
// currency: 365 days for GBP (and the other ACT/365 markets below), 360 otherwise (ACT/360).
// Stated proceeds must be positive and at most the face.
func discountOf(face money.Money, t DiscountTerms, days int) (Discount, error) {
	d := Discount{Face: face, Days: days}
	bad := func(field, reason string) error { return InvalidFields{{Field: field, Reason: reason}} }
	if t.Days != 0 && t.Days != days {
		return d, bad("days", fmt.Sprintf("%d days to maturity, the maturity is %d days on", t.Days, days))
	}
	switch {
	case t.Proceeds != nil && t.RateBasisPoints != 0:
		return d, bad("rateBasisPoints", "either the proceeds or a rate, not both")
	case t.Proceeds != nil:
		p := *t.Proceeds
		if p.Currency != face.Currency || p.Minor <= 0 || p.Minor > face.Minor {
			return d, bad("proceeds", fmt.Sprintf("in %s, above zero and at most the face %s", face.Currency, face))
		}
		d.Proceeds = p
		return d, nil
	case t.RateBasisPoints < 1 || t.RateBasisPoints > MaxDiscountRateBasisPoints:
		return d, bad("rateBasisPoints", fmt.Sprintf("the discount rate a year in basis points, 1 to %d", MaxDiscountRateBasisPoints))
	}
	n := new(big.Int).Mul(big.NewInt(face.Minor), big.NewInt(int64(t.RateBasisPoints)*int64(days)))
	den := big.NewInt(int64(dayBasis(face.Currency)) * 10_000)
	q, r := new(big.Int).QuoRem(n, den, new(big.Int))
	if r.Sign() != 0 {
		q.Add(q, big.NewInt(1))
	}
	d.RateBasisPoints = t.RateBasisPoints
	d.Proceeds = money.New(face.Minor-q.Int64(), face.Currency)
	return d, nil
}

// dayBasis is the currency's money-market day count basis.
func dayBasis(c money.Currency) int {
	switch c.Code() {
	case "GBP", "HKD", "SGD", "ZAR", "AUD", "NZD", "JPY":
		return 365
	}
	return 360
}

// applyDiscount puts the discount on its presentation.
func (lc *LetterOfCredit) applyDiscount(e UndertakingDiscounted) {
	if p := lc.PresentationByID(e.PresentationID); p != nil {
		d := e.Discount
		p.Discount = &d
	}
}
