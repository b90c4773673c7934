package domain

import (
	"fmt"
	"slices"
	"time"
)

// A presentation the nominated (presenting) bank sent on to the issuing bank may come back
// refused: the issuing bank's MT734, advice of refusal, is the single notice of UCP 600 Art.
// 16(c) — every discrepancy (77J) and the disposal of the documents (77B, Art. 16(c)(iii)(a)-(d)).
// The nominated bank's systems hand it to tradefin, which records it as the refusal of the
// presentation, the same event the issuing bank's own examiner records.

// ReceivedRefusal is an MT734 as the domain takes it: From (its sender) refuses the
// presentation To (its receiver) sent it under reference Presentation (21).
type ReceivedRefusal struct {
	From, To      BIC
	Presentation  string
	Discrepancies []Discrepancy // 77J
	Disposal      Disposal      // 77B
}

// RefersTo reports whether the MT734 r is about a presentation under the credit: one presented
// to its receiver, under a credit its sender issued.
func (lc *LetterOfCredit) RefersTo(r ReceivedRefusal) bool {
	p := lc.findPresentation(r.Presentation)
	return p != nil && lc.Terms.IssuingBank == r.From && p.Presentation.Bank == r.To
}

// ReceiveRefusal records the refusal r received at instant at. Only the credit's issuing bank
// refuses, only to the bank the documents were presented to, only while the presentation is
// undecided and before its examination deadline (Art. 16(d), (f)); the same notice again is a
// retry and changes nothing.
func (lc *LetterOfCredit) ReceiveRefusal(r ReceivedRefusal, at time.Time, pol Policy) error {
	p := lc.findPresentation(r.Presentation)
	switch {
	case p == nil:
		return fmt.Errorf("%w: no presentation %s under credit %s", ErrNotFound, r.Presentation, lc.ID)
	case r.From != lc.Terms.IssuingBank:
		return Forbid(fmt.Sprintf("receive refusal: %s is not the issuing bank %s of the credit; only it refuses the documents presented under it (UCP 600 Art. 16)", r.From, lc.Terms.IssuingBank))
	case r.To != p.Presentation.Bank || r.To == lc.Terms.IssuingBank:
		return Forbid(fmt.Sprintf("receive refusal: presentation %s was made to %s, not to %s (UCP 600 Art. 16(c))", r.Presentation, p.Presentation.Bank, r.To))
	case p.Refusal != nil && p.Refusal.Disposal == r.Disposal && slices.Equal(p.Refusal.Discrepancies, r.Discrepancies):
		return nil // the same MT734 again
	case !p.Queued():
		return fmt.Errorf("receive refusal: %w: presentation %s is decided already", ErrInvalidState, r.Presentation)
	case !p.DeadlineAt.IsZero() && !at.Before(p.DeadlineAt):
		return fmt.Errorf("%w: the examination of %s closed at %s; the issuing bank is precluded from refusing (UCP 600 Art. 16(d), 16(f))",
			ErrRefusalTooLate, r.Presentation, p.DeadlineAt.Format(time.RFC3339))
	}
	if err := checkFindings(r.Discrepancies); err != nil {
		return err
	}
	cal := pol.Calendars.ofBank(r.To, lc.Terms)
	notice, err := Refuse(Examination{Discrepancies: r.Discrepancies, Deadline: p.Result.Deadline}, r.Disposal, cal.DateAt(at)) // dated on its receipt
	if err != nil {
		return err
	}
	decideBy := cal.EndOf(cal.AddBankingDays(notice.Date, pol.decisionDays()))
	lc.record(PresentationRefused{PresentationID: r.Presentation, Notice: notice, DecisionUntil: decideBy})
	return nil
}
