package domain

import "slices"

// UCP 600 Art. 10(c): until the beneficiary communicates its acceptance of an amendment, the
// terms of the credit as it stands remain in force for it; but a presentation that complies
// with the credit and with an amendment not yet accepted — and not with the credit without it —
// is deemed to be notification of acceptance of that amendment. The acceptance is recorded
// before the examination, which then runs on the amended terms.

// deemAmendmentAccepted records the acceptance of the amendment awaiting the beneficiary's
// answer when presentation p, already stamped, complies with the credit so amended and not with
// it as it stands. An amendment the advising bank has yet to advise (Art. 9(d)) is not the
// beneficiary's to accept.
func (lc *LetterOfCredit) deemAmendmentAccepted(p Presentation, cal Calendar, pol Policy) {
	i := slices.IndexFunc(lc.Amendments, func(a Amendment) bool { return a.Status == StateProposed })
	if i < 0 || !lc.AdvisedOn.IsZero() && lc.Amendments[i].AdvisedOn.IsZero() {
		return
	}
	if lc.checkBalance(Examine(lc.Terms, p, cal), p).Compliant {
		return // it complies with the credit as it stands: nothing is deemed
	}
	a := lc.Amendments[i]
	accepted := AmendmentAnswered{Number: a.Number, Accepted: true}
	if !a.NewExpiry.IsZero() {
		accepted.PresentableUntil = PresentableUntil(a.NewExpiry, pol.Calendars.ofCredit(lc.Terms))
	}
	amended := *lc
	amended.Amendments = slices.Clone(lc.Amendments)
	amended.applyAmendment(accepted)
	if amended.checkBalance(Examine(amended.Terms, p, cal), p).Compliant {
		lc.record(accepted)
	}
}
