package domain

import (
	"fmt"
	"math/big"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/tradefin/tradefin/events/money"
)

// Mixed payment (MT700 41a BY MIXED PYMT, 42M): the credit is honoured partly at sight and
// partly by a deferred payment undertaking, each instalment payable on its own date (UCP 600
// Art. 2, "honour" (a) and (b)). 42M states the instalments; the service reads them in this
// bounded grammar, on the text upper-cased with its spaces and line ends collapsed:
//
//	details    = instalment { separator instalment }     2 to MaxInstalments instalments
//	separator  = "," | ";" | " AND " | "+" (a line end of 42M's 4*35x is a space: an instalment may wrap)
//	instalment = percent ("PCT" | "%" | "PERCENT") [ "OF INVOICE VALUE" | "OF THE AMOUNT" ] ["PAYABLE"] tenor
//	percent    = an integer from 1 to 99
//	tenor      = what ParseTenor reads: AT SIGHT, N DAYS AFTER SIGHT | B/L DATE | INVOICE DATE, ON YYYY-MM-DD
//
// e.g. "50 PCT AT SIGHT, 50 PCT 90 DAYS AFTER B/L DATE". The percentages sum to 100 and at
// least one instalment is usance (else the credit is BY PAYMENT). No fractions of a percent:
// the amounts are split in minor units (SplitInstalments), never in floating point.

// MaxInstalments bounds 42M's instalments: one a line of its four.
const MaxInstalments = 4

// InstalmentTerm is one instalment as 42M states it.
type InstalmentTerm struct {
	Percent int
	Tenor   Tenor
}

var (
	instalmentSep  = regexp.MustCompile(`\s*(?:[,;+]|\bAND\b)\s*`)
	instalmentPart = regexp.MustCompile(`^(\d{1,3}) ?(?:PCT|%|PERCENT)(?: OF (?:THE )?(?:INVOICE VALUE|AMOUNT|DRAWING))?(?: PAYABLE)? (.+)$`)
)

// ParseMixedPayment reads 42M's instalments (the grammar above).
func ParseMixedPayment(text string) ([]InstalmentTerm, error) {
	s := strings.TrimSuffix(strings.Join(strings.Fields(strings.ToUpper(text)), " "), ".")
	bad := func(why string) error {
		return fmt.Errorf("%q: %s; 42M states 2 to %d instalments as \"N PCT <tenor>\" separated by commas, "+
			"e.g. 50 PCT AT SIGHT, 50 PCT 90 DAYS AFTER B/L DATE", text, why, MaxInstalments)
	}
	parts := instalmentSep.Split(s, -1)
	if len(parts) < 2 || len(parts) > MaxInstalments {
		return nil, bad(fmt.Sprintf("%d instalments", len(parts)))
	}
	var out []InstalmentTerm
	sum, usance := 0, false
	for _, p := range parts {
		m := instalmentPart.FindStringSubmatch(strings.Join(strings.Fields(p), " "))
		if m == nil {
			return nil, bad(fmt.Sprintf("%q is no instalment", p))
		}
		pct, _ := strconv.Atoi(m[1])
		if pct < 1 || pct > 99 {
			return nil, bad(fmt.Sprintf("%d PCT: an instalment is 1 to 99 percent", pct))
		}
		tn, err := ParseTenor(m[2])
		if err != nil {
			return nil, err
		}
		sum, usance = sum+pct, usance || !tn.IsSight()
		out = append(out, InstalmentTerm{Percent: pct, Tenor: tn})
	}
	if sum != 100 {
		return nil, bad(fmt.Sprintf("the percentages sum to %d, not 100", sum))
	}
	if !usance {
		return nil, bad("every instalment is at sight: that is BY PAYMENT")
	}
	return out, nil
}

// SplitInstalments splits amount by the instalments' percentages in minor units: each instalment
// but the last is amount × percent / 100 rounded down, the last the remainder, so the parts sum
// to the amount exactly (no minor unit lost or made).
func SplitInstalments(amount money.Money, terms []InstalmentTerm) []money.Money {
	out := make([]money.Money, len(terms))
	left := amount.Minor
	for i, it := range terms {
		if i == len(terms)-1 {
			out[i] = money.New(left, amount.Currency)
			break
		}
		n := new(big.Int).Mul(big.NewInt(amount.Minor), big.NewInt(int64(it.Percent)))
		part := n.Quo(n, big.NewInt(100)).Int64()
		out[i], left = money.New(part, amount.Currency), left-part
	}
	return out
}

// Instalment is one instalment of a mixed payment credit's honoured drawing: its amount and
// when it is payable. A sight instalment is paid at the honour (MaturityDate the honour's
// date, PayableAt zero); a deferred one at its maturity on the banking calendar (Maturity).
type Instalment struct {
	Number       int // 1-based, in 42M's order
	Percent      int
	Tenor        string
	Amount       money.Money
	MaturityDate Date
	PayableAt    time.Time
}

// InstalmentsScheduled: the honour of a mixed payment drawing split into its instalments,
// recorded with its undertaking (the deferred instalments' deferred payment undertaking).
type InstalmentsScheduled struct {
	PresentationID string
	Instalments    []Instalment
}

func (InstalmentsScheduled) EventName() string { return "lc.InstalmentsScheduled" }

// checkMixedPayment checks 42M of a BY MIXED PYMT credit.
func checkMixedPayment(t Terms, field string) InvalidFields {
	its, err := ParseMixedPayment(t.Availability.MixedPaymentDetails)
	if err != nil {
		return InvalidFields{{Field: field, Reason: err.Error()}}
	}
	var bad InvalidFields
	for _, it := range its {
		bad = append(bad, it.Tenor.needs(t, field)...)
	}
	return bad
}

// undertakeMixed records, for each honoured presentation of a mixed payment credit without an
// undertaking, its instalments and the deferred payment undertaking for the deferred ones
// (maturing with the last of them), each maturity on the calendar Undertake uses.
func (lc *LetterOfCredit) undertakeMixed(pol Policy) error {
	terms, err := ParseMixedPayment(lc.Terms.Availability.MixedPaymentDetails)
	if err != nil {
		return errorf(KindRule, "%v", err)
	}
	for i := range lc.Presentations {
		p := lc.Presentations[i]
		if !p.Honoured || p.Undertaking != nil {
			continue
		}
		cal := pol.Calendars.ofBank(p.Presentation.Bank, lc.Terms)
		amounts := SplitInstalments(lc.DrawingAmount(p.ID), terms)
		its := make([]Instalment, len(terms))
		last := Maturity{Date: p.HonouredOn}
		for k, it := range terms {
			its[k] = Instalment{Number: k + 1, Percent: it.Percent, Tenor: it.Tenor.String(), Amount: amounts[k], MaturityDate: p.HonouredOn}
			if it.Tenor.IsSight() {
				continue
			}
			m, err := it.Tenor.maturity(p.Presentation, p.HonouredOn, cal)
			if err != nil {
				return err
			}
			its[k].MaturityDate, its[k].PayableAt = m.Date, m.PayableAt
			if m.PayableAt.After(last.PayableAt) {
				last = m
			}
		}
		lc.record(UndertakingIncurred{PresentationID: p.ID, Undertaking: Undertaking{Kind: DeferredPaymentUndertaking,
			Tenor: lc.Terms.Availability.MixedPaymentDetails, On: p.HonouredOn, MaturityDate: last.Date, PayableAt: last.PayableAt}})
		lc.record(InstalmentsScheduled{PresentationID: p.ID, Instalments: its})
	}
	return nil
}

// Undertaken is what the honour of presentation p drawing drawn undertook to pay at maturity:
// the drawing, or for a mixed payment credit only its deferred instalments, the sight part being
// paid at the honour (UCP 600 Art. 2, "honour" (a), (b)).
func (p ExaminedPresentation) Undertaken(drawn money.Money) money.Money {
	if len(p.Instalments) == 0 {
		return drawn
	}
	deferred := money.New(0, drawn.Currency)
	for _, it := range p.Instalments {
		if !it.PayableAt.IsZero() {
			deferred.Minor += it.Amount.Minor
		}
	}
	return deferred
}

// applyInstalments puts the instalments on their presentation.
func (lc *LetterOfCredit) applyInstalments(e InstalmentsScheduled) {
	if p := lc.PresentationByID(e.PresentationID); p != nil {
		p.Instalments = e.Instalments
	}
}
