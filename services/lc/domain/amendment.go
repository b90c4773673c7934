package domain

import (
	"fmt"
	"time"

	"github.com/tradefin/tradefin/events/money"
)

// Amendment changes a credit's terms (MT707). Under UCP 600 Art. 10(a) an irrevocable credit
// can be amended only with the beneficiary's consent, and 10(b)-(c): the original terms stay in
// force for the beneficiary until it communicates its acceptance. The applicant requests it
// (amendment_request.go), the issuing bank issues it, the advising bank advises it (Art. 9(d)),
// the beneficiary accepts or rejects it as a whole (Art. 10(e)).
type Amendment struct {
	Number            int // MT707 26E
	Date              Date
	NewExpiry         Date         // 31E
	Increase          *money.Money // 32B
	Decrease          *money.Money // 33B
	NewLatestShipment Date         // 44C
	// The other fields of the terms an amendment may change (amendment_terms.go), and the
	// narrative changes of 45B/46B/47B (amendment_narrative.go).
	TermChanges
	Narrative
	Status string // REQUESTED, PROPOSED (issued), ACCEPTED, REJECTED, DECLINED
	// RequestedBy is the applicant's user who requested it; zero when the bank amended of its own.
	RequestedBy Stamp
	// AdvisedOn is the advising bank's advice of it to the beneficiary (Art. 9(d)).
	AdvisedOn Date
	// Partial: the beneficiary accepted only part of it, which is a rejection (Art. 10(e)).
	Partial bool
}

// The amendment events.
type (
	// AmendmentProposed: the issuing bank issued the amendment (of its own, or the applicant's
	// request, AmendmentIssued); it is irrevocably bound by it from then on (Art. 10(b)).
	AmendmentProposed struct{ Amendment Amendment }
	AmendmentAnswered struct {
		Number   int
		Accepted bool
		// PresentableUntil is the credit's instant after an accepted amendment of the expiry
		// date, decided when accepted on the place of expiry's calendar then.
		PresentableUntil time.Time
		// Partial: the beneficiary accepted part of it only, which is rejection (Art. 10(e)).
		Partial bool
	}
)

func (AmendmentProposed) EventName() string { return "lc.AmendmentProposed" }
func (AmendmentAnswered) EventName() string { return "lc.AmendmentAnswered" }

// Amend issues an amendment of the issuing bank's own (MT707); it applies once the beneficiary
// accepts it.
func (lc *LetterOfCredit) Amend(a Amendment) (Amendment, error) {
	if err := lc.checkAmendment(a); err != nil {
		return Amendment{}, err
	}
	a.Number, a.Status, a.AdvisedOn, a.Partial = len(lc.Amendments)+1, StateProposed, Date{}, false
	lc.record(AmendmentProposed{Amendment: a})
	return a, nil
}

// checkAmendment: the credit can be amended now, one amendment at a time, and a changes at
// least one term, each change within its field's rules, against the terms as they stand (those
// of the last accepted amendment, Art. 10(b)).
func (lc *LetterOfCredit) checkAmendment(a Amendment) error {
	if !lc.available() {
		return fmt.Errorf("amend: %w (%s)", ErrInvalidState, lc.Status)
	}
	for _, x := range lc.Amendments {
		if x.Status == StateProposed || x.Status == StateRequested {
			return errorf(KindRule, "amend: amendment %d is still %s, awaiting its answer (UCP 600 Art. 10(c)); one amendment at a time", x.Number, x.Status)
		}
	}
	if a.Increase != nil && a.Decrease != nil {
		return errorf(KindRule, "amend: an amendment increases or decreases the amount, not both")
	}
	for _, m := range []*money.Money{a.Increase, a.Decrease} {
		if m != nil && (m.Currency != lc.Terms.Amount.Currency || !m.IsPositive()) {
			return errorf(KindRule, "amend: amount changes must be positive and in %s", lc.Terms.Amount.Currency)
		}
	}
	if a.Decrease != nil && a.Decrease.Minor >= lc.Terms.Amount.Minor {
		return errorf(KindRule, "amend: a decrease of %s would leave nothing of %s", a.Decrease, lc.Terms.Amount)
	}
	if a.NewExpiry.IsZero() && a.Increase == nil && a.Decrease == nil && a.NewLatestShipment.IsZero() && a.TermChanges.none() && a.Narrative.none() {
		return errorf(KindRule, "amend: nothing to change")
	}
	if bad := append(a.TermChanges.check(lc.Terms), a.Narrative.check(lc.Terms)...); len(bad) > 0 {
		return bad
	}
	return nil
}

// AnswerAmendment records the beneficiary's acceptance or rejection (Art. 10(c)); partial
// acceptance is not allowed and counts as rejection (Art. 10(e)), so the answer is all or nothing:
// an acceptance that excepts any change is recorded as a rejection. An amendment of a credit the
// advising bank advised is answered once that bank advised it too (Art. 9(d)). An accepted new
// expiry date moves the credit's presentable-until instant, on the calendar cals has for the
// place of expiry (Art. 29(a)).
func (lc *LetterOfCredit) AnswerAmendment(number int, accepted bool, cals Calendars, excepted ...string) error {
	if number < 1 || number > len(lc.Amendments) || lc.Amendments[number-1].Status != StateProposed {
		return fmt.Errorf("answer: amendment %d is not awaiting an answer: %w", number, ErrInvalidState)
	}
	if !lc.available() {
		return fmt.Errorf("answer: %w (%s)", ErrInvalidState, lc.Status)
	}
	a := lc.Amendments[number-1]
	if !lc.AdvisedOn.IsZero() && a.AdvisedOn.IsZero() {
		return fmt.Errorf("answer: %w: amendment %d is not advised yet: the advising bank that advised the credit advises its amendments (UCP 600 Art. 9(d))", ErrInvalidState, number)
	}
	e := AmendmentAnswered{Number: number, Accepted: accepted && len(excepted) == 0, Partial: accepted && len(excepted) > 0}
	if e.Accepted && !a.NewExpiry.IsZero() {
		e.PresentableUntil = PresentableUntil(a.NewExpiry, cals.ofCredit(lc.Terms))
	}
	lc.record(e)
	return nil
}

func (lc *LetterOfCredit) applyAmendment(e Event) {
	switch e := e.(type) {
	case AmendmentProposed:
		lc.Amendments = append(lc.Amendments, e.Amendment)
	case AmendmentRequested, AmendmentIssued, AmendmentDeclined, AmendmentAdvised:
		lc.applyAmendmentStep(e)
	case AmendmentAnswered:
		a := &lc.Amendments[e.Number-1]
		if !e.Accepted {
			a.Status, a.Partial = StateRejected, e.Partial
			return
		}
		a.Status = StateAccepted
		if !e.PresentableUntil.IsZero() {
			lc.PresentableUntil = e.PresentableUntil
		}
		lc.Terms = a.amend(lc.Terms)
	}
}

// amend is t as the amendment changes it (the credit's terms, or a transferred credit's once
// its second beneficiary accepts it, transfer_amendment.go).
func (a Amendment) amend(t Terms) Terms {
	if !a.NewExpiry.IsZero() {
		t.ExpiryDate = a.NewExpiry
	}
	if !a.NewLatestShipment.IsZero() {
		t.LatestShipment = a.NewLatestShipment
	}
	if a.Increase != nil {
		t.Amount, _ = t.Amount.Add(*a.Increase)
	}
	if a.Decrease != nil {
		t.Amount, _ = t.Amount.Sub(*a.Decrease)
	}
	return a.Narrative.apply(a.TermChanges.apply(t))
}
