package domain

import (
	"fmt"
	"time"
)

// A nominated bank that finds a presentation discrepant may still pay or negotiate "under
// reserve" and forward the documents to the issuing bank, advising the discrepancies it found
// (MT750, advice of discrepancy): the issuing bank then examines and decides on its own (UCP 600
// Art. 12(a), 16(b)-(c)); honour by the nominated bank is no undertaking of the issuing bank until
// it honours or authorises (MT752). Only the nominated bank the presentation was made to may do
// so, only while the presentation is undecided, and only with discrepancies to advise.

// ForwardedUnderReserve: the nominated bank forwarded presentation PresentationID to the issuing
// bank under reserve on On (its calendar's date), advising Discrepancies.
type ForwardedUnderReserve struct {
	PresentationID string
	By             string // the nominated bank's BIC
	On             Date
	Discrepancies  []Discrepancy
}

func (ForwardedUnderReserve) EventName() string { return "lc.ForwardedUnderReserve" }

// UnderReserve is a presentation's forwarding under reserve by the nominated bank.
type UnderReserve struct {
	By            string
	On            Date
	Discrepancies []Discrepancy
}

// ForwardUnderReserve records that the nominated bank bank forwards the undecided presentation
// id under reserve at instant at, advising findings (none: the automatic examination's).
func (lc *LetterOfCredit) ForwardUnderReserve(id, bank string, findings []Discrepancy, at time.Time, pol Policy) error {
	p := lc.findPresentation(id)
	switch {
	case p == nil:
		return fmt.Errorf("%w: no presentation %s under credit %s", ErrNotFound, id, lc.ID)
	case p.Reserve != nil && p.Reserve.By == bank:
		return nil // a retried forwarding
	case bank == lc.Terms.IssuingBank || bank != p.Presentation.Bank:
		return Forbid("forward under reserve: only the nominated bank the documents were presented to forwards them to the issuing bank (UCP 600 Art. 12(a))")
	case !p.Queued() || p.Reserve != nil:
		return fmt.Errorf("forward under reserve: %w: presentation %s is decided or forwarded already", ErrInvalidState, id)
	}
	if len(findings) == 0 {
		findings = p.Result.Discrepancies
	}
	if len(findings) == 0 {
		return fmt.Errorf("forward under reserve: %w: presentation %s complies; there is no discrepancy to advise (MT750 77J)", ErrInvalidState, id)
	}
	if err := checkFindings(findings); err != nil {
		return err
	}
	on := pol.Calendars.ofBank(bank, lc.Terms).DateAt(at)
	lc.record(ForwardedUnderReserve{PresentationID: id, By: bank, On: on, Discrepancies: findings})
	return nil
}

func (lc *LetterOfCredit) applyForwardedUnderReserve(e ForwardedUnderReserve) {
	lc.presentation(e.PresentationID).Reserve = &UnderReserve{By: e.By, On: e.On, Discrepancies: e.Discrepancies}
}
