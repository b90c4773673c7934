package store

import (
	"time"

	"github.com/tradefin/tradefin/events/contracts"
	"github.com/tradefin/tradefin/events/identity"
	"github.com/tradefin/tradefin/services/lc/domain"
)

// receivedCredit is what the other contexts learn of a credit registered from the MT700 its
// advising bank received: lc.received.v1, which opens its trade as an application's
// lc.applied.v1 does, as the advising bank's step (the issue was the issuing bank's, outside).
func receivedCredit(lc *domain.LetterOfCredit, e domain.CreditReceived, by identity.Stamp) contracts.LCReceived {
	return contracts.LCReceived{LCApplied: opening(lc, by, e.PresentableUntil), LCNumber: lc.Terms.Number, IssueDate: e.IssueDate.String()}
}

// opening is what the event that opens a credit's trade says of it: its parties and terms.
func opening(lc *domain.LetterOfCredit, by identity.Stamp, presentableUntil time.Time) contracts.LCApplied {
	t := lc.Terms
	return contracts.LCApplied{TradeID: lc.TradeID, Actor: by, LCID: lc.ID, Applicant: t.Applicant.Name, Beneficiary: t.Beneficiary.Name,
		ApplicantOrg: t.Applicant.ID, BeneficiaryOrg: t.Beneficiary.ID,
		IssuingBank: t.IssuingBank, AdvisingBank: t.AdvisingBank, Amount: t.Amount, ExpiryDate: t.ExpiryDate.String(),
		ExpiryPlace: t.ExpiryPlace, LatestShipment: t.LatestShipment.String(), PresentableUntil: instant(presentableUntil)}
}
