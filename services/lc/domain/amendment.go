package domain

import (
	"fmt"
	"time"

	"github.com/tradefin/tradefin/events/money"
)

// Amendment changes a credit's terms (MT707). Under UCP 600 Art. 10(a) an irrevocable credit
// can be amended only with the beneficiary's consent, and 10(b)-(c): the original terms stay in
// force for the beneficiary until it communicates its acceptance.
type Amendment struct {
	Number            int          `json:"number"` // MT707 26E
	Date              Date         `json:"date"`
	NewExpiry         Date         `json:"newExpiry,omitempty"`         // 31E
	Increase          *money.Money `json:"increase,omitempty"`          // 32B
	Decrease          *money.Money `json:"decrease,omitempty"`          // 33B
	NewLatestShipment Date         `json:"newLatestShipment,omitempty"` // 44C
	Status            string       `json:"status"`                      // PROPOSED, ACCEPTED, REJECTED
}

// The amendment events.
type (
	AmendmentProposed struct{ Amendment Amendment }
	AmendmentAnswered struct {
		Number   int
		Accepted bool
		// PresentableUntil is the credit's instant after an accepted amendment of the expiry
		// date, decided when accepted on the place of expiry's calendar then.
		PresentableUntil time.Time `json:",omitzero"`
	}
)

func (AmendmentProposed) EventName() string { return "lc.AmendmentProposed" }
func (AmendmentAnswered) EventName() string { return "lc.AmendmentAnswered" }

// Amend proposes an amendment; it applies once the beneficiary accepts it.
func (lc *LetterOfCredit) Amend(a Amendment) (Amendment, error) {
	if !lc.available() {
		return Amendment{}, fmt.Errorf("amend: %w (%s)", ErrInvalidState, lc.Status)
	}
	for _, x := range lc.Amendments {
		if x.Status == StateProposed {
			return Amendment{}, errorf(KindRule, "amend: amendment %d still awaits the beneficiary's answer (UCP 600 Art. 10(c))", x.Number)
		}
	}
	if a.Increase != nil && a.Decrease != nil {
		return Amendment{}, errorf(KindRule, "amend: an amendment increases or decreases the amount, not both")
	}
	for _, m := range []*money.Money{a.Increase, a.Decrease} {
		if m != nil && (m.Currency != lc.Terms.Amount.Currency || !m.IsPositive()) {
			return Amendment{}, errorf(KindRule, "amend: amount changes must be positive and in %s", lc.Terms.Amount.Currency)
		}
	}
	if a.Decrease != nil && a.Decrease.Minor >= lc.Terms.Amount.Minor {
		return Amendment{}, errorf(KindRule, "amend: a decrease of %s would leave nothing of %s", a.Decrease, lc.Terms.Amount)
	}
	if a.NewExpiry.IsZero() && a.Increase == nil && a.Decrease == nil && a.NewLatestShipment.IsZero() {
		return Amendment{}, errorf(KindRule, "amend: nothing to change")
	}
	a.Number, a.Status = len(lc.Amendments)+1, StateProposed
	lc.record(AmendmentProposed{Amendment: a})
	return a, nil
}

// AnswerAmendment records the beneficiary's acceptance or rejection (Art. 10(c)); partial
// acceptance is not allowed and counts as rejection (Art. 10(e)), so the answer is all or nothing.
// An accepted new expiry date moves the credit's presentable-until instant, on the calendar cals
// has for the place of expiry (Art. 29(a)).
func (lc *LetterOfCredit) AnswerAmendment(number int, accepted bool, cals Calendars) error {
	if number < 1 || number > len(lc.Amendments) || lc.Amendments[number-1].Status != StateProposed {
		return fmt.Errorf("answer: amendment %d is not awaiting an answer: %w", number, ErrInvalidState)
	}
	if !lc.available() {
		return fmt.Errorf("answer: %w (%s)", ErrInvalidState, lc.Status)
	}
	e := AmendmentAnswered{Number: number, Accepted: accepted}
	if a := lc.Amendments[number-1]; accepted && !a.NewExpiry.IsZero() {
		e.PresentableUntil = PresentableUntil(a.NewExpiry, cals.ofCredit(lc.Terms))
	}
	lc.record(e)
	return nil
}

func (lc *LetterOfCredit) applyAmendment(e Event) {
	switch e := e.(type) {
	case AmendmentProposed:
		lc.Amendments = append(lc.Amendments, e.Amendment)
	case AmendmentAnswered:
		a := &lc.Amendments[e.Number-1]
		if !e.Accepted {
			a.Status = StateRejected
			return
		}
		a.Status = StateAccepted
		if !a.NewExpiry.IsZero() {
			lc.Terms.ExpiryDate = a.NewExpiry
		}
		if !e.PresentableUntil.IsZero() {
			lc.PresentableUntil = e.PresentableUntil
		}
		if !a.NewLatestShipment.IsZero() {
			lc.Terms.LatestShipment = a.NewLatestShipment
		}
		if a.Increase != nil {
			lc.Terms.Amount, _ = lc.Terms.Amount.Add(*a.Increase)
		}
		if a.Decrease != nil {
			lc.Terms.Amount, _ = lc.Terms.Amount.Sub(*a.Decrease)
		}
	}
}
